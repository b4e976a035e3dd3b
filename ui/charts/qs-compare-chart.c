/* qs-compare-chart.c: one indicator across districts, baseline and target. */
#define G_LOG_DOMAIN "qs-compare-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qs-chart-private.h"
#include "qs-compare-chart.h"

static void
compare_item_clear (gpointer data)
{
  QsCompareItem *item = data;

  g_free (item->name);
  g_free (item->baseline_text);
  g_free (item->target_text);
  g_free (item->requirement_text);
}

QsCompareChartData *
qs_compare_chart_data_new (const char *indicator,
                           const char *unit)
{
  QsCompareChartData *data = g_new0 (QsCompareChartData, 1);

  data->indicator = g_strdup (indicator ? indicator : "");
  data->title = g_strdup (data->indicator);
  data->unit = g_strdup (unit);
  data->baseline_label = g_strdup ("基准值");
  data->target_label = g_strdup ("目标值");
  data->items = g_array_new (FALSE, TRUE, sizeof (QsCompareItem));
  g_array_set_clear_func (data->items, compare_item_clear);
  return data;
}

void
qs_compare_chart_data_free (QsCompareChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->indicator);
  g_free (data->unit);
  g_free (data->baseline_label);
  g_free (data->target_label);
  g_array_unref (data->items);
  g_free (data->requirement_label);
  g_free (data->requirement_text);
  g_free (data);
}

/* A bar's height: a level, not a five-year total or a change. */
static gboolean
bar_value (const char *text,
           double     *number,
           QsBound    *bound)
{
  g_autoptr(QsValue) value = NULL;

  if (text == NULL)
    return FALSE;
  value = qs_value_parse (text);
  if (bound)
    *bound = value->bound;
  if (value->cumulative)
    return FALSE;
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

void
qs_compare_chart_data_add (QsCompareChartData *data,
                           const char         *name,
                           const char         *baseline_text,
                           const char         *target_text,
                           QsChartStatus       status)
{
  QsCompareItem item = { 0 };

  item.name = g_strdup (name ? name : "");
  item.baseline_text = g_strdup (baseline_text);
  item.target_text = g_strdup (target_text);
  item.has_baseline = bar_value (baseline_text, &item.baseline, NULL);
  item.has_target = bar_value (target_text, &item.target, &item.target_bound);
  item.status = status;
  g_array_append_val (data->items, item);
}

void
qs_compare_chart_data_set_requirement (QsCompareChartData *data,
                                       const char         *label,
                                       const char         *text)
{
  g_clear_pointer (&data->requirement_label, g_free);
  g_clear_pointer (&data->requirement_text, g_free);
  data->has_requirement = bar_value (text, &data->requirement, &data->requirement_bound);
  if (!data->has_requirement)
    return;
  data->requirement_label = g_strdup (label ? label : "要求");
  data->requirement_text = g_strdup (text);
}

static const char *
plan_label (QsPlan *plan)
{
  const char *region = qs_plan_get_region (plan);

  return region != NULL && *region ? region : qs_plan_get_title (plan);
}

static GPtrArray *
matching_values (QsPlan     *plan,
                 QsCatalog  *catalog,
                 const char *id,
                 const char *name)
{
  g_autoptr(GPtrArray) all = qs_plan_collect_year_values (plan, FALSE);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      QsYearValue *yv = g_ptr_array_index (all, i);

      if (qs_chart_indicator_matches (catalog, id, name, qs_year_value_get_indicator_id (yv),
                                      qs_year_value_get_indicator (yv)))
        g_ptr_array_add (out, g_object_ref (yv));
    }
  return out;
}

/* The plan's own target (of its end year, else its latest one after the
 * period began) and the last measured value before it.  A review table's
 * target of the last period is history, not the plan's target. */
static void
pick_values (QsPlan       *plan,
             GPtrArray    *values,
             QsYearValue **baseline,
             QsYearValue **target)
{
  int start = qs_plan_get_start_year (plan);
  int end = qs_plan_get_end_year (plan);
  int limit;

  *baseline = *target = NULL;
  for (guint i = 0; i < values->len; i++)
    {
      QsYearValue *yv = g_ptr_array_index (values, i);
      int year = qs_year_value_get_year (yv);

      if (qs_year_value_get_kind (yv) != QS_YEAR_VALUE_TARGET || (start > 0 && year < start))
        continue;
      if (*target == NULL ||
          (qs_year_value_get_year (*target) != end &&
           (year == end || year > qs_year_value_get_year (*target))))
        *target = yv;
    }
  limit = *target ? qs_year_value_get_year (*target) : (start > 0 ? start : G_MAXINT);
  for (guint i = 0; i < values->len; i++)
    {
      QsYearValue *yv = g_ptr_array_index (values, i);
      QsYearValueKind kind = qs_year_value_get_kind (yv);

      if ((kind == QS_YEAR_VALUE_ACTUAL || kind == QS_YEAR_VALUE_BASELINE) &&
          qs_year_value_get_year (yv) < limit &&
          (*baseline == NULL || qs_year_value_get_year (yv) > qs_year_value_get_year (*baseline)))
        *baseline = yv;
    }
}

QsCompareChartData *
qs_compare_chart_data_new_for_plans (GPtrArray            *plans,
                                     const char           *indicator,
                                     QsCatalog            *catalog,
                                     QsPlan               *against,
                                     const QsChartStatus  *statuses,
                                     GError              **error)
{
  g_autoptr(QsCompareChartData) data = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  int baseline_year = -1, target_year = -1;

  g_return_val_if_fail (plans != NULL, NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  qs_chart_resolve_indicator (catalog, indicator, &id, &name, &unit);
  data = qs_compare_chart_data_new (name, unit);

  for (guint p = 0; p < plans->len; p++)
    {
      QsPlan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GPtrArray) values = matching_values (plan, catalog, id, name);
      QsYearValue *baseline, *target;

      pick_values (plan, values, &baseline, &target);
      if (baseline == NULL && target == NULL)
        continue;
      qs_compare_chart_data_add (data, plan_label (plan),
                                 baseline ? qs_year_value_get_text (baseline) : NULL,
                                 target ? qs_year_value_get_text (target) : NULL,
                                 statuses ? statuses[p] : QS_CHART_STATUS_NONE);
      /* The legend names the years when every district has the same. */
      if (baseline != NULL)
        baseline_year = baseline_year == -1 || baseline_year == qs_year_value_get_year (baseline) ?
                        qs_year_value_get_year (baseline) : 0;
      if (target != NULL)
        target_year = target_year == -1 || target_year == qs_year_value_get_year (target) ?
                      qs_year_value_get_year (target) : 0;
      for (guint i = 0; data->unit == NULL && i < values->len; i++)
        if (qs_year_value_get_unit (g_ptr_array_index (values, i)) != NULL)
          data->unit = g_strdup (qs_year_value_get_unit (g_ptr_array_index (values, i)));
    }
  if (data->items->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no plan states a value of “%s”; check the indicator's name or link the "
                   "table row to the catalog", indicator);
      return NULL;
    }
  if (baseline_year > 0)
    {
      g_free (data->baseline_label);
      data->baseline_label = g_strdup_printf ("%d年基准值", baseline_year);
    }
  if (target_year > 0)
    {
      g_free (data->target_label);
      data->target_label = g_strdup_printf ("%d年目标值", target_year);
    }

  if (against != NULL)
    {
      g_autoptr(GPtrArray) values = matching_values (against, catalog, id, name);
      QsYearValue *baseline, *target;

      pick_values (against, values, &baseline, &target);
      if (target != NULL)
        {
          g_autofree char *label = g_strdup_printf ("%s要求（%d年）", plan_label (against),
                                                    qs_year_value_get_year (target));

          qs_compare_chart_data_set_requirement (data, label, qs_year_value_get_text (target));
        }
    }
  return g_steal_pointer (&data);
}

void
qs_compare_chart_data_set_item_requirement (QsCompareChartData *data,
                                            guint               index,
                                            const char         *text)
{
  QsCompareItem *item;

  g_return_if_fail (data != NULL && index < data->items->len);

  item = &g_array_index (data->items, QsCompareItem, index);
  g_clear_pointer (&item->requirement_text, g_free);
  item->has_requirement = bar_value (text, &item->requirement, NULL);
  if (item->has_requirement)
    item->requirement_text = g_strdup (text);
}

QsChartStatus
qs_compare_chart_status_from_check (QsCheckStatus status)
{
  switch (status)
    {
    case QS_CHECK_MEETS:
      return QS_CHART_STATUS_OK;
    case QS_CHECK_FALLS_SHORT:
    case QS_CHECK_WEAKER_THAN_BASELINE:
      return QS_CHART_STATUS_ERROR;
    case QS_CHECK_PENDING:
    case QS_CHECK_NOT_COMPARABLE:
      return QS_CHART_STATUS_WARNING;
    case QS_CHECK_NO_REQUIREMENT:
    default:
      return QS_CHART_STATUS_NONE;
    }
}

/* ERROR over WARNING over OK over NONE: a district with two rows of the
 * indicator shows the worse verdict. */
static int
status_rank (QsChartStatus status)
{
  switch (status)
    {
    case QS_CHART_STATUS_ERROR:
      return 3;
    case QS_CHART_STATUS_WARNING:
      return 2;
    case QS_CHART_STATUS_OK:
      return 1;
    case QS_CHART_STATUS_NONE:
    default:
      return 0;
    }
}

static gboolean
same_unit (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return TRUE;
  fa = qs_text_strip_spaces (a);
  fb = qs_text_strip_spaces (b);
  return g_strcmp0 (fa, fb) == 0;
}

/* The absolute bound the municipality places on @district for the
 * indicator, or NULL.  A requirement in another unit is left out: the
 * line would stand at the wrong height. */
static QsRequirement *
find_requirement (GListModel *requirements,
                  QsCatalog  *catalog,
                  const char *id,
                  const char *name,
                  const char *unit,
                  const char *district)
{
  guint n;

  if (requirements == NULL || district == NULL)
    return NULL;
  n = g_list_model_get_n_items (requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);

      if (qs_requirement_get_kind (r) != QS_REQUIREMENT_ABSOLUTE_BOUND ||
          qs_requirement_get_figure (r) == NULL ||
          !qs_chart_indicator_matches (catalog, id, name, qs_requirement_get_indicator_id (r), NULL) ||
          !same_unit (qs_requirement_get_unit (r), unit) ||
          !qs_requirement_applies_to (r, district))
        continue;
      return g_steal_pointer (&r);
    }
  return NULL;
}

static void
unref_requirement (gpointer data)
{
  g_clear_object (&data);
}

QsCompareChartData *
qs_compare_chart_data_new_for_check (GPtrArray   *plans,
                                     const char  *indicator,
                                     QsCatalog   *catalog,
                                     QsPlan      *municipal,
                                     GListModel  *requirements,
                                     GError     **error)
{
  g_autoptr(QsCompareChartData) data = NULL;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GArray) statuses = g_array_new (FALSE, TRUE, sizeof (QsChartStatus));
  g_autoptr(GPtrArray) found = g_ptr_array_new_full (plans->len, unref_requirement);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  const char *shared = NULL;
  gboolean all_same = TRUE;
  guint item = 0;

  g_return_val_if_fail (plans != NULL, NULL);
  g_return_val_if_fail (indicator != NULL, NULL);
  g_return_val_if_fail (catalog != NULL, NULL);

  qs_chart_resolve_indicator (catalog, indicator, &id, &name, NULL);
  check = qs_check_new (catalog);
  if (requirements != NULL && g_list_model_get_n_items (requirements) > 0)
    qs_check_set_requirements (check, requirements);
  g_array_set_size (statuses, plans->len);

  for (guint p = 0; p < plans->len; p++)
    {
      GListModel *rows;
      QsChartStatus status = QS_CHART_STATUS_NONE;
      guint n;

      qs_check_run (check, g_ptr_array_index (plans, p), municipal);
      rows = qs_check_get_row_findings (check);
      n = g_list_model_get_n_items (rows);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QsCheckFinding) finding = g_list_model_get_item (rows, i);
          QsIndicatorRow *row = qs_check_finding_get_row (finding);
          QsChartStatus s;

          if (!qs_chart_indicator_matches (catalog, id, name, qs_check_finding_get_indicator_id (finding),
                                           row ? qs_indicator_row_get_indicator (row)
                                               : qs_check_finding_get_indicator_name (finding)))
            continue;
          s = qs_compare_chart_status_from_check (qs_check_finding_get_status (finding));
          if (status_rank (s) > status_rank (status))
            status = s;
        }
      g_array_index (statuses, QsChartStatus, p) = status;
      g_ptr_array_add (found, find_requirement (requirements, catalog, id, name, NULL,
                                                qs_check_get_district (check)));
    }

  data = qs_compare_chart_data_new_for_plans (plans, indicator, catalog, municipal,
                                              (const QsChartStatus *) statuses->data, error);
  if (data == NULL)
    return NULL;

  /* The builder skips plans without a value: walk the plans in step with
   * the items by name. */
  for (guint p = 0; p < plans->len && item < data->items->len; p++)
    {
      QsCompareItem *it = &g_array_index (data->items, QsCompareItem, item);
      QsRequirement *r = g_ptr_array_index (found, p);

      if (g_strcmp0 (it->name, plan_label (g_ptr_array_index (plans, p))) != 0)
        continue;
      if (r != NULL && !same_unit (qs_requirement_get_unit (r), data->unit))
        r = NULL;
      if (r != NULL)
        qs_compare_chart_data_set_item_requirement (data, item, qs_requirement_get_figure (r));
      if (r == NULL || (shared != NULL && g_strcmp0 (shared, qs_requirement_get_figure (r)) != 0))
        all_same = FALSE;
      else
        shared = qs_requirement_get_figure (r);
      item++;
    }

  if (shared != NULL)
    {
      const char *region = municipal ? qs_plan_get_region (municipal) : NULL;
      g_autofree char *label = NULL;
      int year = 0;

      for (guint p = 0; p < found->len && year == 0; p++)
        if (g_ptr_array_index (found, p) != NULL)
          year = qs_requirement_get_year (g_ptr_array_index (found, p));
      label = year > 0 ? g_strdup_printf ("%s要求（%d年）", region && *region ? region : "市级", year)
                       : g_strdup_printf ("%s要求", region && *region ? region : "市级");
      if (all_same)
        {
          /* One line for all: the per-district marks would repeat it. */
          qs_compare_chart_data_set_requirement (data, label, shared);
          for (guint i = 0; i < data->items->len; i++)
            qs_compare_chart_data_set_item_requirement (data, i, NULL);
        }
      else
        {
          g_clear_pointer (&data->requirement_label, g_free);
          g_clear_pointer (&data->requirement_text, g_free);
          data->has_requirement = FALSE;
          data->requirement_label = g_steal_pointer (&label);
        }
    }
  return g_steal_pointer (&data);
}

/* ---- rendering ------------------------------------------------------------------ */

static const QsChartColor *
status_color (const QsChartTheme *theme,
              QsChartStatus       status)
{
  switch (status)
    {
    case QS_CHART_STATUS_OK:
      return &theme->status_ok;
    case QS_CHART_STATUS_WARNING:
      return &theme->status_warning;
    case QS_CHART_STATUS_ERROR:
      return &theme->status_error;
    case QS_CHART_STATUS_NONE:
    default:
      return &theme->status_none;
    }
}

static const char *
status_word (QsChartStatus status)
{
  switch (status)
    {
    case QS_CHART_STATUS_OK:
      return "符合要求";
    case QS_CHART_STATUS_WARNING:
      return "需核对";
    case QS_CHART_STATUS_ERROR:
      return "不符合要求";
    case QS_CHART_STATUS_NONE:
    default:
      return NULL;
    }
}

void
qs_compare_chart_render_traced (cairo_t                  *cr,
                                double                    width,
                                double                    height,
                                const QsCompareChartData *data,
                                QsChartTrace             *trace)
{
  const QsChartTheme *theme = data->theme ? data->theme : qs_chart_theme_light ();
  QsChartCanvas canvas;
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (QsChartLegendItem));
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GPtrArray) legend_labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *unit_label = NULL;
  g_autofree char *suffix = qs_chart_unit_suffix (data->unit);
  double margin = theme->font_size * 1.2;
  double top, y_min = 0, y_max = -G_MAXDOUBLE, axis_min, axis_max, step;
  double tick_w = 0, label_h = 0, cat_h, notes_h, slot, bar_w;
  gboolean statuses[4] = { FALSE, };
  gboolean any_number = FALSE, item_requirements = FALSE;
  QsChartRect plot, bounds;
  guint n = data->items->len;

  qs_chart_canvas_init (&canvas, cr, width, height, theme, trace);
  cairo_save (cr);
  qs_chart_draw_background (&canvas);

  for (guint i = 0; i < n; i++)
    {
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);

      if (item->has_baseline)
        {
          y_min = MIN (y_min, item->baseline);
          y_max = MAX (y_max, item->baseline);
          any_number = TRUE;
        }
      if (item->has_target)
        {
          y_min = MIN (y_min, item->target);
          y_max = MAX (y_max, item->target);
          any_number = TRUE;
          statuses[item->status] = TRUE;
        }
      if ((item->baseline_text && !item->has_baseline) || !item->has_target)
        {
          g_string_append (notes, notes->len ? "；" : "注：");
          g_string_append_printf (notes, "%s", item->name);
          if (item->baseline_text && !item->has_baseline)
            g_string_append_printf (notes, " %s %s", data->baseline_label, item->baseline_text);
          if (item->target_text && !item->has_target)
            g_string_append_printf (notes, " %s %s", data->target_label, item->target_text);
          else if (item->target_text == NULL)
            g_string_append_printf (notes, " 未列%s", data->target_label);
        }
    }
  if (data->has_requirement)
    {
      y_min = MIN (y_min, data->requirement);
      y_max = MAX (y_max, data->requirement);
    }
  for (guint i = 0; i < n; i++)
    {
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);

      if (!item->has_requirement)
        continue;
      y_min = MIN (y_min, item->requirement);
      y_max = MAX (y_max, item->requirement);
      item_requirements = TRUE;
    }

  top = qs_chart_draw_title (&canvas, data->title, "各地区基准值与规划目标对比");

  {
    QsChartLegendItem item = { data->baseline_label, &theme->baseline_bar, QS_CHART_SWATCH_BAR };

    g_array_append_val (legend, item);
  }
  for (int s = QS_CHART_STATUS_NONE; s <= QS_CHART_STATUS_ERROR; s++)
    {
      QsChartLegendItem item = { NULL, status_color (theme, s), QS_CHART_SWATCH_BAR };
      char *label;

      if (!statuses[s])
        continue;
      label = status_word (s) ? g_strdup_printf ("%s（%s）", data->target_label, status_word (s)) :
                                g_strdup (data->target_label);
      g_ptr_array_add (legend_labels, label);
      item.label = label;
      g_array_append_val (legend, item);
    }
  if (data->has_requirement || item_requirements)
    {
      QsChartLegendItem item = { data->requirement_label ? data->requirement_label : "要求",
                                 &theme->requirement, QS_CHART_SWATCH_DASHED };

      g_array_append_val (legend, item);
    }
  top = qs_chart_draw_legend (&canvas, (QsChartLegendItem *) legend->data, legend->len,
                              margin, width - margin, top);

  if (!any_number)
    {
      qs_chart_draw_text (&canvas, "没有可绘制的数据", width / 2, (top + height) / 2, 0.5, 0.5, 1.0,
                          FALSE, &theme->muted, width - 2 * margin, 2, QS_CHART_TEXT_NOTE);
      cairo_restore (cr);
      qs_chart_canvas_clear (&canvas);
      return;
    }

  step = qs_chart_nice_ticks (y_min, y_max + (y_max - y_min) * 0.08, 5, &axis_min, &axis_max);
  tick_w = qs_chart_ticks_width (&canvas, axis_min, axis_max, step, &label_h);

  notes_h = qs_chart_notes_height (&canvas, notes->str, width - 2 * margin);
  unit_label = g_strdup_printf ("单位：%s", data->unit && *data->unit ? data->unit : "—");
  top += label_h * 1.5 + 8;
  cat_h = 2 * label_h + 4;   /* district names: at most two lines */
  plot.x = margin + tick_w + 8;
  plot.y = top;
  plot.width = width - margin - plot.x;
  plot.height = height - top - margin - cat_h - 6 - (notes_h > 0 ? notes_h + 8 : 0);
  if (plot.width < 40 || plot.height < 40 || n == 0)
    {
      cairo_restore (cr);
      qs_chart_canvas_clear (&canvas);
      return;
    }
  if (trace != NULL)
    trace->plot = plot;
  bounds = (QsChartRect) { plot.x, plot.y - label_h - 6, plot.width, plot.height + label_h + 6 };
  slot = plot.width / n;
  bar_w = MIN (slot * 0.32, 40);

  qs_chart_draw_text (&canvas, unit_label, margin, plot.y - label_h / 2 - 4, 0, 1, 0.9, FALSE, &theme->muted, -1, 1,
                      QS_CHART_TEXT_AXIS);

#define Y_OF(v) (plot.y + plot.height - ((v) - axis_min) / (axis_max - axis_min) * plot.height)

  qs_chart_draw_value_grid (&canvas, &plot, axis_min, axis_max, step, &theme->grid);

  for (guint i = 0; i < n; i++)
    {
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);
      double cx = plot.x + slot * (i + 0.5);
      double zero = Y_OF (MAX (axis_min, 0));
      struct { gboolean has; double value; const char *text; const QsChartColor *color;
               double x; const char *series; } bars[2] = {
        { item->has_baseline, item->baseline, item->baseline_text, &theme->baseline_bar,
          cx - bar_w - 1, data->baseline_label },
        { item->has_target, item->target, item->target_text, status_color (theme, item->status),
          cx + 1, data->target_label },
      };

      for (guint b = 0; b < 2; b++)
        {
          QsChartRect box;
          double top_y;

          if (!bars[b].has)
            continue;
          top_y = Y_OF (bars[b].value);
          box = (QsChartRect) { bars[b].x, MIN (top_y, zero), bar_w, fabs (zero - top_y) };
          qs_chart_set_color (cr, bars[b].color, 1.0);
          cairo_rectangle (cr, box.x, box.y, box.width, MAX (box.height, 1));
          cairo_fill (cr);
          qs_chart_reserve (&canvas, &box);
          qs_chart_add_point (&canvas, bars[b].series, item->name, bars[b].text, bars[b].value,
                              bars[b].x + bar_w / 2, top_y, &box);
        }

      /* District names wrap to their slot: they can never collide. */
      qs_chart_draw_text (&canvas, item->name, cx, plot.y + plot.height + 6, 0.5, 0, 0.92, FALSE,
                          &theme->text, MAX (slot - 6, 12), 2, QS_CHART_TEXT_CATEGORY);
    }

  /* The axis line over the bars' feet. */
  qs_chart_set_color (cr, &theme->axis, 1.0);
  cairo_move_to (cr, plot.x, round (Y_OF (MAX (axis_min, 0))) + 0.5);
  cairo_line_to (cr, plot.x + plot.width, round (Y_OF (MAX (axis_min, 0))) + 0.5);
  cairo_stroke (cr);

  if (data->has_requirement)
    qs_chart_draw_requirement (&canvas, &plot, &bounds, Y_OF (data->requirement), data->requirement_label,
                               data->requirement_text, suffix, 2);

  /* Requirements that differ between districts: a dashed mark across
   * each district's slot, its figure at the right end. */
  for (guint i = 0; i < n; i++)
    {
      static const double dashes[] = { 5, 3 };
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);
      double cx = plot.x + slot * (i + 0.5), y = Y_OF (item->requirement);
      double half = MIN (slot * 0.45, bar_w * 1.6);

      if (!item->has_requirement)
        continue;
      cairo_save (cr);
      qs_chart_set_color (cr, &theme->requirement, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, cx - half, y);
      cairo_line_to (cr, cx + half, y);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Figures as written, over their bars. */
  for (guint i = 0; i < n; i++)
    {
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);
      double cx = plot.x + slot * (i + 0.5);

      if (item->has_baseline)
        {
          double x = cx - bar_w / 2 - 1, y = Y_OF (item->baseline);
          double candidates[] = { x, y - 3, 0.5, 1, x, y + 3, 0.5, 0, x - 2, y - 3, 1, 1 };

          qs_chart_place_label (&canvas, item->baseline_text, candidates, 3, &bounds, 0.82, &theme->muted);
        }
      if (item->has_target)
        {
          double x = cx + bar_w / 2 + 1, y = Y_OF (item->target);
          double candidates[] = { x, y - 3, 0.5, 1, x + 2, y - 3, 0, 1, x, y + 3, 0.5, 0 };

          qs_chart_place_label (&canvas, item->target_text, candidates, 3, &bounds, 0.82, &theme->text);
        }
    }

  /* The marks' figures last: the bars' own figures matter more. */
  for (guint i = 0; i < n; i++)
    {
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);
      double cx = plot.x + slot * (i + 0.5), y = Y_OF (item->requirement);
      double half = MIN (slot * 0.45, bar_w * 1.6);
      g_autofree char *label = NULL;

      if (!item->has_requirement)
        continue;
      label = g_strdup_printf ("%s%s", item->requirement_text, suffix);
      {
        /* Inside the district's own slot first: beside it stands the next
         * district's mark. */
        double candidates[] = { cx + half, y - 3, 1, 1, cx + half, y + 3, 1, 0,
                                cx - half, y - 3, 0, 1, cx - half, y + 3, 0, 0,
                                cx + half + 2, y, 0, 0.5 };

        qs_chart_place_label (&canvas, label, candidates, 5, &bounds, 0.78, &theme->text);
      }
    }

  qs_chart_draw_notes (&canvas, notes->str, margin, height - margin - notes_h, width - 2 * margin);
#undef Y_OF
  cairo_restore (cr);
  qs_chart_canvas_clear (&canvas);
}

void
qs_compare_chart_render (cairo_t                  *cr,
                         double                    width,
                         double                    height,
                         const QsCompareChartData *data)
{
  g_return_if_fail (cr != NULL && data != NULL);
  qs_compare_chart_render_traced (cr, width, height, data, NULL);
}

static void
render_traced_cb (cairo_t       *cr,
                  double         width,
                  double         height,
                  gconstpointer  data,
                  QsChartTrace  *trace)
{
  qs_compare_chart_render_traced (cr, width, height, data, trace);
}

QsChartPoint *
qs_compare_chart_hit_test (const QsCompareChartData *data,
                           double                    width,
                           double                    height,
                           double                    x,
                           double                    y)
{
  g_return_val_if_fail (data != NULL, NULL);
  return qs_chart_hit_test (render_traced_cb, data, width, height, x, y);
}

char *
qs_compare_chart_describe (const QsCompareChartData *data)
{
  GString *s = g_string_new (NULL);
  g_autofree char *suffix = qs_chart_unit_suffix (data->unit);

  g_return_val_if_fail (data != NULL, NULL);

  qs_chart_describe_heading (s, "对比图", data->indicator, data->unit, data->items->len);
  for (guint i = 0; i < data->items->len; i++)
    {
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);

      g_string_append_printf (s, "%s：%s %s%s，%s %s%s", item->name,
                              data->baseline_label, item->baseline_text ? item->baseline_text : "无",
                              item->has_baseline ? suffix : "",
                              data->target_label, item->target_text ? item->target_text : "无",
                              item->has_target ? suffix : "");
      if (status_word (item->status))
        g_string_append_printf (s, "（%s）", status_word (item->status));
      if (item->has_requirement)
        g_string_append_printf (s, "，要求 %s%s", item->requirement_text, suffix);
      g_string_append (s, "。");
    }
  if (data->has_requirement)
    g_string_append_printf (s, "%s：%s%s。", data->requirement_label, data->requirement_text, suffix);
  return g_string_free (s, FALSE);
}
