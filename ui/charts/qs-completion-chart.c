/* qs-completion-chart.c: last period's targets against what was achieved. */
#define G_LOG_DOMAIN "qs-completion-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qs-chart-private.h"
#include "qs-completion-chart.h"

/* Bars stop here; the label still gives the real figure. */
#define MAX_PERCENT 150.0

static void
completion_item_clear (gpointer data)
{
  QsCompletionItem *item = data;

  g_free (item->indicator);
  g_free (item->unit);
  g_free (item->target_text);
  g_free (item->actual_text);
  g_free (item->status_text);
}

QsCompletionChartData *
qs_completion_chart_data_new (const char *title)
{
  QsCompletionChartData *data = g_new0 (QsCompletionChartData, 1);

  data->title = g_strdup (title ? title : "");
  data->items = g_array_new (FALSE, TRUE, sizeof (QsCompletionItem));
  g_array_set_clear_func (data->items, completion_item_clear);
  return data;
}

void
qs_completion_chart_data_free (QsCompletionChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_array_unref (data->items);
  g_free (data);
}

static gboolean
figure (const QsValue *value,
        double        *number)
{
  switch (value->kind)
    {
    case QS_VALUE_NUMBER:
    case QS_VALUE_BOUND:
      *number = value->number;
      return TRUE;
    case QS_VALUE_RANGE:
      *number = value->number_high;
      return TRUE;
    default:
      return FALSE;
    }
}

/* The plan's own verdict (完成, 是, 达到市级要求 …) wins over arithmetic. */
static int
status_verdict (const char *status)
{
  if (status == NULL || *status == '\0')
    return -1;
  if (strstr (status, "未") != NULL || strstr (status, "否") != NULL || strstr (status, "不") != NULL)
    return 0;
  if (strstr (status, "完成") || strstr (status, "达到") || strstr (status, "满足") ||
      g_str_equal (status, "是"))
    return 1;
  return -1;
}

void
qs_completion_chart_data_add (QsCompletionChartData *data,
                              const char            *indicator,
                              const char            *unit,
                              const char            *target_text,
                              const char            *actual_text,
                              const char            *status_text,
                              gboolean               lower_better)
{
  g_autoptr(QsValue) target = qs_value_parse (target_text ? target_text : "");
  g_autoptr(QsValue) actual = qs_value_parse (actual_text ? actual_text : "");
  QsCompletionItem item = { 0 };
  double t, a;

  item.indicator = g_strdup (indicator ? indicator : "");
  item.unit = g_strdup (unit);
  item.target_text = qs_chart_one_line (target->text);
  item.actual_text = qs_chart_one_line (actual->text);
  item.status_text = status_text && *status_text ? qs_chart_one_line (status_text) : NULL;
  item.actual_is_figure = figure (actual, &a);
  item.lower_better = lower_better || target->bound == QS_BOUND_LE || target->bound == QS_BOUND_LT;
  item.achieved = status_verdict (status_text);

  if (figure (target, &t) && figure (actual, &a))
    {
      if (item.lower_better)
        {
          item.has_percent = a > 0 || t == 0;
          item.percent = a > 0 ? t / a * 100 : 100;
        }
      else
        {
          item.has_percent = t > 0;
          item.percent = t > 0 ? a / t * 100 : 0;
        }
      if (item.achieved < 0)
        item.achieved = item.lower_better ? a <= t : a >= t;
    }
  g_array_append_val (data->items, item);
}

static gboolean
is_measured_role (QsColumnRole role)
{
  return role == QS_COLUMN_ACTUAL || role == QS_COLUMN_BASELINE;
}

QsCompletionChartData *
qs_completion_chart_data_new_for_plan (QsPlan     *plan,
                                       QsCatalog  *catalog,
                                       GError    **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(QsCompletionChartData) data = NULL;
  QsIndicatorTable *table = NULL;
  int target_col = -1, actual_col = -1, status_col = -1, year = 0;
  GListModel *rows;
  const char *region;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  /* The review table: a target and a measured column of the same year,
   * before the plan's own period (2020年目标 / 2020年现状值). */
  tables = qs_plan_collect_indicator_tables (plan);
  for (guint i = 0; i < tables->len && table == NULL; i++)
    {
      QsIndicatorTable *t = g_ptr_array_index (tables, i);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (t)));

      for (guint c = 0; c < n && table == NULL; c++)
        {
          QsTableColumn *tc = qs_indicator_table_get_column (t, c);
          int y = qs_table_column_get_year (tc);

          if (qs_table_column_get_role (tc) != QS_COLUMN_TARGET || y <= 0 ||
              (qs_plan_get_start_year (plan) > 0 && y >= qs_plan_get_start_year (plan)))
            continue;
          for (guint d = 0; d < n; d++)
            {
              QsTableColumn *ac = qs_indicator_table_get_column (t, d);

              if (is_measured_role (qs_table_column_get_role (ac)) && qs_table_column_get_year (ac) == y)
                {
                  table = t;
                  target_col = c;
                  actual_col = d;
                  year = y;
                  break;
                }
            }
        }
    }
  if (table == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "“%s” has no table of last period's targets and actuals (a target column and an "
                   "actual column of the same year before %d)", qs_plan_get_title (plan),
                   qs_plan_get_start_year (plan));
      return NULL;
    }
  status_col = qs_indicator_table_find_column (table, QS_COLUMN_STATUS);

  region = qs_plan_get_region (plan);
  {
    g_autofree char *title = g_strdup_printf ("%s%d年目标完成情况", region ? region : "", year);

    data = qs_completion_chart_data_new (title);
  }
  data->table = table;
  data->subtitle = g_strdup_printf ("实际值占目标值的百分比（%s）",
                                    qs_indicator_table_get_label (table) ?
                                    qs_indicator_table_get_label (table) : "指标表");

  rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      QsIndicatorRow *row = qs_indicator_table_get_row (table, r);
      const char *target = qs_indicator_row_get_cell (row, target_col);
      const char *actual = qs_indicator_row_get_cell (row, actual_col);
      const char *parent = qs_indicator_row_get_parent (row);
      g_autofree char *name = NULL;
      QsCatalogEntry *entry = NULL;
      gboolean lower = FALSE;

      if ((target == NULL || *target == '\0') && (actual == NULL || *actual == '\0'))
        continue;
      if (parent && *parent)
        {
          /* The parent is the name cell as printed ("13.主要污染物排放总量减少
           * （%）〔4〕"): show it without numbering, unit and marks. */
          g_autoptr(GRegex) marks = g_regex_new ("^\\s*\\d+\\s*[.．、]?|（[^）]*）|\\([^)]*\\)|〔[^〕]*〕|\\*",
                                                 0, 0, NULL);
          g_autofree char *clean = g_regex_replace (marks, parent, -1, 0, "", 0, NULL);

          name = g_strdup_printf ("%s：%s", clean, qs_indicator_row_get_indicator (row));
        }
      else
        name = g_strdup (qs_indicator_row_get_indicator (row));
      if (catalog != NULL)
        {
          const char *id = qs_indicator_row_get_indicator_id (row);

          entry = id ? qs_catalog_lookup_id (catalog, id) :
                       qs_catalog_lookup_name (catalog, qs_indicator_row_get_indicator (row));
        }
      if (entry != NULL)
        lower = qs_catalog_entry_get_better (entry) == QS_BETTER_LOWER;
      qs_completion_chart_data_add (data, name, qs_indicator_row_get_unit (row), target, actual,
                                    status_col >= 0 ? qs_indicator_row_get_cell (row, status_col) : NULL,
                                    lower);
    }
  return g_steal_pointer (&data);
}

/* ---- rendering ---------------------------------------------------------------- */

/* The unit to print after a figure, unless the cell wrote one ("100%"). */
static const char *
unit_after (const char *text,
            gboolean    is_figure,
            const char *suffix)
{
  g_autoptr(QsValue) value = NULL;

  if (!is_figure)
    return "";
  value = qs_value_parse (text);
  return value->unit != NULL ? "" : suffix;
}

void
qs_completion_chart_render_traced (cairo_t                     *cr,
                                   double                       width,
                                   double                       height,
                                   const QsCompletionChartData *data,
                                   QsChartTrace                *trace)
{
  const QsChartTheme *theme = data->theme ? data->theme : qs_chart_theme_light ();
  QsChartCanvas canvas;
  double margin = theme->font_size * 1.2;
  double top, name_w, figures_w, row_h, line_h, axis_max = 0, step, scale, tick_h;
  double max_percent = 100;
  QsChartRect plot;
  guint n = data->items->len;
  guint label_every;
  gboolean kinds[3] = { FALSE, };
  static const char * const verdicts[] = { "未完成", "已完成", "无法比较" };

  qs_chart_canvas_init (&canvas, cr, width, height, theme, trace);
  cairo_save (cr);
  qs_chart_draw_background (&canvas);

  for (guint i = 0; i < n; i++)
    {
      QsCompletionItem *item = &g_array_index (data->items, QsCompletionItem, i);

      if (item->has_percent)
        max_percent = MAX (max_percent, MIN (item->percent, MAX_PERCENT));
      kinds[item->has_percent ? (item->achieved > 0 ? 1 : item->achieved == 0 ? 0 : 2) : 2] = TRUE;
    }

  top = qs_chart_draw_title (&canvas, data->title, data->subtitle);
  {
    const QsChartColor *colors[] = { &theme->status_error, &theme->status_ok, &theme->status_warning };
    QsChartLegendItem items[3];
    guint n_items = 0;

    for (guint k = 0; k < 3; k++)
      if (kinds[k] && k != 2)
        items[n_items++] = (QsChartLegendItem) { verdicts[k], colors[k], QS_CHART_SWATCH_BAR };
    top = qs_chart_draw_legend (&canvas, items, n_items, margin, width - margin, top);
  }

  if (n == 0)
    {
      qs_chart_draw_text (&canvas, "没有上期目标与实际值", width / 2, (top + height) / 2, 0.5, 0.5, 1.0,
                          FALSE, &theme->muted, width - 2 * margin, 2, QS_CHART_TEXT_NOTE);
      cairo_restore (cr);
      qs_chart_canvas_clear (&canvas);
      return;
    }

  step = qs_chart_nice_ticks (0, max_percent, 5, &(double) { 0 }, &axis_max);
  qs_chart_text_size (&canvas, "100%", 0.9, FALSE, NULL, &tick_h);

  /* Rows share the height; the text shrinks a little when they are many,
   * and names wrap to two lines only when a row has room for them. */
  row_h = (height - top - margin - tick_h - 8) / n;
  qs_chart_text_size (&canvas, "国", 0.9, FALSE, NULL, &line_h);
  scale = 0.9 * MIN (1.0, MAX (row_h / (line_h * 1.1), 0.55));
  line_h = line_h * scale / 0.9;
  /* Too many rows for a line of text each: label every k-th row; the
   * others keep their bars and tooltips. */
  {
    double text_h;

    qs_chart_text_size (&canvas, "国", scale / 0.9 * 0.92, FALSE, NULL, &text_h);
    label_every = (guint) MAX (1, ceil (text_h / row_h - 1e-9));
  }
  name_w = MIN (MAX (width * 0.3, 120), 320);
  figures_w = MIN (MAX (width * 0.2, 110), 220);

  plot.x = margin + name_w + 10;
  plot.y = top;
  plot.width = width - margin - figures_w - 10 - plot.x;
  plot.height = row_h * n;
  if (plot.width < 40 || row_h < 4)
    {
      cairo_restore (cr);
      qs_chart_canvas_clear (&canvas);
      return;
    }
  if (trace != NULL)
    trace->plot = plot;

#define X_OF(p) (plot.x + MIN ((p), axis_max) / axis_max * plot.width)

  /* Grid, ticks in percent, the 100% line. */
  cairo_set_line_width (cr, 1.0);
  for (double v = 0; v <= axis_max + step * 0.01; v += step)
    {
      g_autofree char *num = qs_chart_format_tick (v, step);
      g_autofree char *t = g_strconcat (num, "%", NULL);
      double x = round (X_OF (v)) + 0.5;

      qs_chart_set_color (cr, v == 0 ? &theme->axis : &theme->grid, 1.0);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      qs_chart_draw_text (&canvas, t, X_OF (v), plot.y + plot.height + 6, 0.5, 0, 0.9, FALSE,
                          &theme->muted, -1, 1, QS_CHART_TEXT_AXIS);
    }

  for (guint i = 0; i < n; i++)
    {
      QsCompletionItem *item = &g_array_index (data->items, QsCompletionItem, i);
      double cy = plot.y + row_h * (i + 0.5);
      double bar_h = MIN (row_h * 0.62, 22);
      int max_lines = row_h >= 2.2 * line_h ? 2 : 1;
      g_autofree char *figures = NULL;
      g_autofree char *suffix = qs_chart_unit_suffix (item->unit);
      const QsChartColor *color;

      /* Alternate rows shaded lightly, for reading across. */
      if (i % 2 == 1)
        {
          qs_chart_set_color (cr, &theme->grid, 0.35);
          cairo_rectangle (cr, margin, plot.y + row_h * i, width - 2 * margin, row_h);
          cairo_fill (cr);
        }

      gboolean labelled = i % label_every == 0;

      if (labelled)
        qs_chart_draw_text (&canvas, item->indicator, plot.x - 10, cy, 1, 0.5, scale / 0.9 * 0.92, FALSE,
                          &theme->text, name_w, max_lines, QS_CHART_TEXT_CATEGORY);

      figures = g_strdup_printf ("%s%s / 目标 %s%s", *item->actual_text ? item->actual_text : "—",
                                 unit_after (item->actual_text, item->actual_is_figure, suffix),
                                 item->target_text,
                                 unit_after (item->target_text, item->has_percent, suffix));
      if (item->has_percent)
        {
          QsChartRect box = { plot.x, cy - bar_h / 2, X_OF (item->percent) - plot.x, bar_h };
          g_autofree char *pct = g_strdup_printf ("%.0f%%", item->percent);

          color = item->achieved > 0 ? &theme->status_ok :
                  item->achieved == 0 ? &theme->status_error : &theme->status_warning;
          qs_chart_set_color (cr, color, 1.0);
          cairo_rectangle (cr, box.x, box.y, MAX (box.width, 1), box.height);
          cairo_fill (cr);
          if (item->percent > MAX_PERCENT)
            {
              /* Cut off: a white notch tells that the bar goes on. */
              qs_chart_set_color (cr, &theme->background, 1.0);
              cairo_rectangle (cr, box.x + box.width - 8, box.y - 1, 3, box.height + 2);
              cairo_fill (cr);
            }
          qs_chart_add_point (&canvas, item->indicator, verdicts[item->achieved < 0 ? 2 : item->achieved],
                              item->actual_text, item->percent, box.x + box.width, cy, &box);
          {
            double outside[] = { box.x + box.width + 4, cy, 0, 0.5 };
            double inside[] = { box.x + box.width - 10, cy, 1, 0.5 };
            QsChartRect bounds = { plot.x, plot.y + row_h * i, plot.width, row_h };

            /* Beside the bar, or inside it in the background colour when
             * the bar fills the row. */
            if (!qs_chart_place_label (&canvas, pct, outside, 1, &bounds, scale / 0.9 * 0.82, &theme->muted))
              qs_chart_place_label (&canvas, pct, inside, 1, &bounds, scale / 0.9 * 0.82, &theme->background);
          }
        }
      else if (labelled)
        {
          g_autofree char *why = item->status_text ? g_strdup_printf ("无法换算（%s）", item->status_text) :
                                                     g_strdup ("无法换算");

          qs_chart_draw_text (&canvas, why, plot.x + 4, cy, 0, 0.5, scale / 0.9 * 0.82, FALSE, &theme->muted,
                              plot.width - 8, 1, QS_CHART_TEXT_VALUE);
        }
      if (labelled)
        qs_chart_draw_text (&canvas, figures, plot.x + plot.width + 10, cy, 0, 0.5, scale / 0.9 * 0.85, FALSE,
                          &theme->text, figures_w, 1, QS_CHART_TEXT_VALUE);
    }

  /* The target line over the bars. */
  {
    static const double dashes[] = { 5, 4 };
    double x = round (X_OF (100)) + 0.5;

    cairo_save (cr);
    qs_chart_set_color (cr, &theme->requirement, 0.8);
    cairo_set_line_width (cr, 1.5);
    cairo_set_dash (cr, dashes, 2, 0);
    cairo_move_to (cr, x, plot.y - 4);
    cairo_line_to (cr, x, plot.y + plot.height);
    cairo_stroke (cr);
    cairo_restore (cr);
  }
#undef X_OF
  cairo_restore (cr);
  qs_chart_canvas_clear (&canvas);
}

void
qs_completion_chart_render (cairo_t                     *cr,
                            double                       width,
                            double                       height,
                            const QsCompletionChartData *data)
{
  g_return_if_fail (cr != NULL && data != NULL);
  qs_completion_chart_render_traced (cr, width, height, data, NULL);
}

static void
render_traced_cb (cairo_t       *cr,
                  double         width,
                  double         height,
                  gconstpointer  data,
                  QsChartTrace  *trace)
{
  qs_completion_chart_render_traced (cr, width, height, data, trace);
}

QsChartPoint *
qs_completion_chart_hit_test (const QsCompletionChartData *data,
                              double                       width,
                              double                       height,
                              double                       x,
                              double                       y)
{
  g_return_val_if_fail (data != NULL, NULL);
  return qs_chart_hit_test (render_traced_cb, data, width, height, x, y);
}

char *
qs_completion_chart_describe (const QsCompletionChartData *data)
{
  GString *s = g_string_new (NULL);
  guint achieved = 0, failed = 0;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->items->len; i++)
    {
      QsCompletionItem *item = &g_array_index (data->items, QsCompletionItem, i);

      achieved += item->achieved > 0;
      failed += item->achieved == 0;
    }
  g_string_append_printf (s, "完成情况图：%s，%u项指标，%u项完成，%u项未完成。", data->title,
                          data->items->len, achieved, failed);
  for (guint i = 0; i < data->items->len; i++)
    {
      QsCompletionItem *item = &g_array_index (data->items, QsCompletionItem, i);
      g_autofree char *suffix = qs_chart_unit_suffix (item->unit);

      g_string_append_printf (s, "%s：实际 %s%s，目标 %s", item->indicator, item->actual_text,
                              unit_after (item->actual_text, item->actual_is_figure, suffix),
                              item->target_text);
      if (item->has_percent)
        g_string_append_printf (s, "，达成 %.0f%%", item->percent);
      if (item->achieved >= 0)
        g_string_append (s, item->achieved ? "，完成" : "，未完成");
      g_string_append (s, "。");
    }
  return g_string_free (s, FALSE);
}
