/* qs-trend-chart.c: an indicator over the years, one line per district. */
#define G_LOG_DOMAIN "qs-trend-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qs-chart-private.h"
#include "qs-trend-chart.h"

static void
trend_point_clear (gpointer data)
{
  QsTrendPoint *point = data;

  g_free (point->text);
}

static void
trend_series_free (gpointer data)
{
  QsTrendSeries *series = data;

  g_free (series->name);
  g_array_unref (series->points);
  g_free (series);
}

QsTrendChartData *
qs_trend_chart_data_new (const char *indicator,
                         const char *unit)
{
  QsTrendChartData *data = g_new0 (QsTrendChartData, 1);

  data->indicator = g_strdup (indicator ? indicator : "");
  data->title = g_strdup (data->indicator);
  data->unit = g_strdup (unit);
  data->series = g_ptr_array_new_with_free_func (trend_series_free);
  return data;
}

void
qs_trend_chart_data_free (QsTrendChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->indicator);
  g_free (data->unit);
  g_ptr_array_unref (data->series);
  g_free (data->requirement_label);
  g_free (data->requirement_text);
  g_free (data);
}

QsTrendSeries *
qs_trend_chart_data_add_series (QsTrendChartData *data,
                                const char       *name)
{
  QsTrendSeries *series = g_new0 (QsTrendSeries, 1);

  series->name = g_strdup (name ? name : "");
  series->points = g_array_new (FALSE, TRUE, sizeof (QsTrendPoint));
  g_array_set_clear_func (series->points, trend_point_clear);
  g_ptr_array_add (data->series, series);
  return series;
}

static gboolean
value_position (const QsValue *value,
                double        *number)
{
  /* A cumulative figure (【25】) or a change (下降15%) is not a level of
   * the indicator, so it gets no place on the value axis. */
  if (value->cumulative)
    return FALSE;
  switch (value->kind)
    {
    case QS_VALUE_NUMBER:
    case QS_VALUE_BOUND:
      *number = value->number;
      return TRUE;
    case QS_VALUE_RANGE:
      *number = (value->number + value->number_high) / 2;
      return TRUE;
    default:
      return FALSE;
    }
}

void
qs_trend_series_add (QsTrendSeries   *series,
                     int              year,
                     const char      *text,
                     QsYearValueKind  kind)
{
  g_autoptr(QsValue) value = qs_value_parse (text ? text : "");
  QsTrendPoint point = { 0 };
  guint i;

  point.year = year;
  point.text = g_strdup (value->text);
  point.kind = kind;
  point.has_number = value_position (value, &point.value);
  point.bound = value->bound;
  point.cumulative = value->cumulative;
  for (i = 0; i < series->points->len; i++)
    if (g_array_index (series->points, QsTrendPoint, i).year > year)
      break;
  g_array_insert_val (series->points, i, point);
}

void
qs_trend_chart_data_set_requirement (QsTrendChartData *data,
                                     const char       *label,
                                     const char       *text,
                                     int               year)
{
  g_autoptr(QsValue) value = qs_value_parse (text ? text : "");
  double number;

  g_clear_pointer (&data->requirement_label, g_free);
  g_clear_pointer (&data->requirement_text, g_free);
  data->has_requirement = value_position (value, &number);
  if (!data->has_requirement)
    return;
  data->requirement = number;
  data->requirement_bound = value->bound;
  data->requirement_label = g_strdup (label ? label : "要求");
  data->requirement_text = g_strdup (value->text);
  data->requirement_year = year;
}

static gboolean
is_measured (QsYearValueKind kind)
{
  return kind == QS_YEAR_VALUE_ACTUAL || kind == QS_YEAR_VALUE_BASELINE;
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

static const char *
plan_label (QsPlan *plan)
{
  const char *region = qs_plan_get_region (plan);

  return region != NULL && *region ? region : qs_plan_get_title (plan);
}

QsTrendChartData *
qs_trend_chart_data_new_for_plans (GPtrArray   *plans,
                                   const char  *indicator,
                                   QsCatalog   *catalog,
                                   QsPlan      *against,
                                   GError     **error)
{
  g_autoptr(QsTrendChartData) data = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (plans != NULL, NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  qs_chart_resolve_indicator (catalog, indicator, &id, &name, &unit);
  data = qs_trend_chart_data_new (name, unit);

  for (guint p = 0; p < plans->len; p++)
    {
      QsPlan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GPtrArray) values = matching_values (plan, catalog, id, name);
      QsTrendSeries *series;

      if (values->len == 0)
        continue;
      series = qs_trend_chart_data_add_series (data, plan_label (plan));
      for (guint i = 0; i < values->len; i++)
        {
          QsYearValue *yv = g_ptr_array_index (values, i);
          gboolean seen = FALSE;

          /* The same year is often stated twice (the review table and the
           * new plan's baseline); the first statement wins. */
          for (guint j = 0; j < series->points->len && !seen; j++)
            {
              QsTrendPoint *pt = &g_array_index (series->points, QsTrendPoint, j);

              seen = pt->year == qs_year_value_get_year (yv) &&
                     is_measured (pt->kind) == is_measured (qs_year_value_get_kind (yv));
            }
          if (seen)
            continue;
          qs_trend_series_add (series, qs_year_value_get_year (yv), qs_year_value_get_text (yv),
                               qs_year_value_get_kind (yv));
          if (data->unit == NULL && qs_year_value_get_unit (yv) != NULL)
            data->unit = g_strdup (qs_year_value_get_unit (yv));
          any = TRUE;
        }
    }

  if (!any)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no plan states a value of “%s”; check the indicator's name or link the "
                   "table row to the catalog", indicator);
      return NULL;
    }

  if (against != NULL)
    {
      g_autoptr(GPtrArray) values = matching_values (against, catalog, id, name);
      QsYearValue *best = NULL;

      for (guint i = 0; i < values->len; i++)
        {
          QsYearValue *yv = g_ptr_array_index (values, i);

          if (qs_year_value_get_kind (yv) == QS_YEAR_VALUE_TARGET &&
              qs_year_value_get_number (yv, NULL) &&
              (best == NULL || qs_year_value_get_year (yv) > qs_year_value_get_year (best)))
            best = yv;
        }
      if (best != NULL)
        {
          g_autofree char *label = g_strdup_printf ("%s要求", plan_label (against));

          qs_trend_chart_data_set_requirement (data, label, qs_year_value_get_text (best),
                                               qs_year_value_get_year (best));
        }
    }
  return g_steal_pointer (&data);
}

/* ---- rendering -------------------------------------------------------------- */

static const char *
kind_word (QsYearValueKind kind)
{
  switch (kind)
    {
    case QS_YEAR_VALUE_TARGET:
      return "目标";
    case QS_YEAR_VALUE_BASELINE:
      return "基准";
    case QS_YEAR_VALUE_REQUIREMENT:
      return "要求";
    case QS_YEAR_VALUE_ACTUAL:
    default:
      return "实际";
    }
}

static void
draw_bound_arrow (cairo_t *cr,
                  double   x,
                  double   y,
                  QsBound  bound,
                  double   size)
{
  double dir;

  if (bound == QS_BOUND_NONE)
    return;
  /* ≥: the target allows everything above it; ≤: below. */
  dir = (bound == QS_BOUND_GE || bound == QS_BOUND_GT) ? -1 : 1;
  cairo_move_to (cr, x, y + dir * (size + 2));
  cairo_line_to (cr, x, y + dir * (size + 12));
  cairo_stroke (cr);
  cairo_move_to (cr, x - 4, y + dir * (size + 8));
  cairo_line_to (cr, x, y + dir * (size + 13));
  cairo_line_to (cr, x + 4, y + dir * (size + 8));
  cairo_stroke (cr);
}

void
qs_trend_chart_render_traced (cairo_t                *cr,
                              double                  width,
                              double                  height,
                              const QsTrendChartData *data,
                              QsChartTrace           *trace)
{
  const QsChartTheme *theme = data->theme ? data->theme : qs_chart_theme_light ();
  QsChartCanvas canvas;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (QsChartLegendItem));
  g_autofree char *subtitle = NULL;
  g_autofree char *unit_label = NULL;
  g_autofree char *suffix = qs_chart_unit_suffix (data->unit);
  double margin = theme->font_size * 1.2;
  double top, notes_h, y_min = G_MAXDOUBLE, y_max = -G_MAXDOUBLE, axis_min, axis_max, step;
  int year_min = G_MAXINT, year_max = G_MININT, year_step;
  double tick_w = 0, label_h, year_w;
  QsChartRect plot, bounds;
  gboolean any_number = FALSE, any_target = FALSE;

  qs_chart_canvas_init (&canvas, cr, width, height, theme, trace);
  cairo_save (cr);
  qs_chart_draw_background (&canvas);

  /* What there is to draw. */
  for (guint s = 0; s < data->series->len; s++)
    {
      QsTrendSeries *series = g_ptr_array_index (data->series, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          QsTrendPoint *pt = &g_array_index (series->points, QsTrendPoint, i);

          year_min = MIN (year_min, pt->year);
          year_max = MAX (year_max, pt->year);
          if (pt->has_number)
            {
              y_min = MIN (y_min, pt->value);
              y_max = MAX (y_max, pt->value);
              any_number = TRUE;
              any_target |= pt->kind == QS_YEAR_VALUE_TARGET;
            }
          else
            {
              /* Cumulative and pending figures are annotated below. */
              if (notes->len == 0)
                g_string_append (notes, "注：");
              else
                g_string_append (notes, "；");
              g_string_append_printf (notes, "%s %d年%s %s%s", series->name, pt->year,
                                      kind_word (pt->kind), pt->text,
                                      pt->cumulative ? "（五年累计）" : "");
            }
        }
    }
  if (data->has_requirement)
    {
      y_min = MIN (y_min, data->requirement);
      y_max = MAX (y_max, data->requirement);
      if (data->requirement_year > 0)
        {
          year_min = MIN (year_min, data->requirement_year);
          year_max = MAX (year_max, data->requirement_year);
        }
    }

  subtitle = data->series->len > 0 ?
             g_strdup_printf ("历年数值与规划目标 · %u个地区", data->series->len) :
             g_strdup ("历年数值与规划目标");
  top = qs_chart_draw_title (&canvas, data->title, subtitle);

  /* Legend: one line style per district, then the marks shared by all. */
  for (guint s = 0; s < data->series->len; s++)
    {
      QsTrendSeries *series = g_ptr_array_index (data->series, s);
      QsChartLegendItem item = { series->name, &theme->series[s % QS_CHART_N_SERIES_COLORS],
                                 QS_CHART_SWATCH_LINE };

      g_array_append_val (legend, item);
    }
  if (any_target)
    {
      QsChartLegendItem item = { "规划目标（箭头：≥ / ≤）", &theme->muted, QS_CHART_SWATCH_MARKER };

      g_array_append_val (legend, item);
    }
  if (data->has_requirement)
    {
      QsChartLegendItem item = { data->requirement_label, &theme->requirement, QS_CHART_SWATCH_DASHED };

      g_array_append_val (legend, item);
    }
  top = qs_chart_draw_legend (&canvas, (QsChartLegendItem *) legend->data, legend->len,
                              margin, width - margin, top);

  if (!any_number)
    {
      const char *message = data->series->len == 0 ? "没有可绘制的数据" : "没有可绘制在数值轴上的数据";

      qs_chart_draw_text (&canvas, message, width / 2, (top + height) / 2, 0.5, 0.5, 1.0, FALSE,
                          &theme->muted, width - 2 * margin, 2, QS_CHART_TEXT_NOTE);
      notes_h = qs_chart_notes_height (&canvas, notes->str, width - 2 * margin);
      if (top + notes_h < height - margin)
        qs_chart_draw_notes (&canvas, notes->str, margin, height - margin - notes_h, width - 2 * margin);
      cairo_restore (cr);
      qs_chart_canvas_clear (&canvas);
      return;
    }

  /* The value axis. */
  {
    double pad = (y_max - y_min) * 0.12;

    if (pad < 1e-9)
      pad = fabs (y_max) > 0 ? fabs (y_max) * 0.1 : 1;
    step = qs_chart_nice_ticks (y_min - pad, y_max + pad, 5, &axis_min, &axis_max);
    /* A figure that cannot be negative needs no negative axis. */
    if (axis_min < 0 && y_min >= 0)
      axis_min = 0;
  }
  tick_w = qs_chart_ticks_width (&canvas, axis_min, axis_max, step, &label_h);
  qs_chart_text_size (&canvas, "2020", 0.9, FALSE, &year_w, &label_h);

  notes_h = qs_chart_notes_height (&canvas, notes->str, width - 2 * margin);
  unit_label = g_strdup_printf ("单位：%s", data->unit && *data->unit ? data->unit : "—");
  top += label_h * 1.5 + 8;   /* room for the unit above the axis, clear of the top tick */
  plot.x = margin + tick_w + 8;
  plot.y = top;
  plot.width = width - margin - plot.x - theme->font_size * 0.5;
  plot.height = height - top - margin - label_h - 8 - (notes_h > 0 ? notes_h + 8 : 0);
  if (plot.width < 40 || plot.height < 40)
    {
      cairo_restore (cr);
      qs_chart_canvas_clear (&canvas);
      return;
    }
  if (trace != NULL)
    trace->plot = plot;
  bounds = (QsChartRect) { plot.x, plot.y - label_h - 6, plot.width, plot.height + label_h + 6 };

  qs_chart_draw_text (&canvas, unit_label, plot.x - tick_w - 8, plot.y - label_h / 2 - 4, 0, 1, 0.9, FALSE,
                      &theme->muted, -1, 1, QS_CHART_TEXT_AXIS);

  /* Years: half a year of room at each end. */
#define X_OF(year) (plot.x + ((year) - year_min + 0.5) / (double) (year_max - year_min + 1) * plot.width)
#define Y_OF(v) (plot.y + plot.height - ((v) - axis_min) / (axis_max - axis_min) * plot.height)

  /* Requirement band and line first, under the data. */
  if (data->has_requirement)
    {
      double ry = Y_OF (data->requirement);

      if (data->requirement_bound != QS_BOUND_NONE)
        {
          gboolean up = data->requirement_bound == QS_BOUND_GE || data->requirement_bound == QS_BOUND_GT;

          qs_chart_set_color (cr, &theme->band, 0.09);
          if (up)
            cairo_rectangle (cr, plot.x, plot.y, plot.width, ry - plot.y);
          else
            cairo_rectangle (cr, plot.x, ry, plot.width, plot.y + plot.height - ry);
          cairo_fill (cr);
        }
    }

  /* Grid and value ticks. */
  qs_chart_draw_value_grid (&canvas, &plot, axis_min, axis_max, step, &theme->axis);

  /* Year ticks, thinned so that the labels keep apart. */
  {
    double per_year = plot.width / (double) (year_max - year_min + 1);

    year_step = 1;
    while (per_year * year_step < year_w + 10)
      year_step = year_step == 1 ? 2 : year_step == 2 ? 5 : year_step * 2;
    for (int year = year_min; year <= year_max; year++)
      {
        g_autofree char *t = NULL;

        if ((year - year_min) % year_step != 0)
          continue;
        t = g_strdup_printf ("%d", year);
        qs_chart_set_color (cr, &theme->axis, 1.0);
        cairo_move_to (cr, round (X_OF (year)) + 0.5, plot.y + plot.height);
        cairo_line_to (cr, round (X_OF (year)) + 0.5, plot.y + plot.height + 4);
        cairo_stroke (cr);
        qs_chart_draw_text (&canvas, t, X_OF (year), plot.y + plot.height + 6, 0.5, 0, 0.9, FALSE,
                            &theme->muted, -1, 1, QS_CHART_TEXT_AXIS);
      }
  }

  if (data->has_requirement)
    {
      double ry = Y_OF (data->requirement);
      g_autofree char *year = data->requirement_year > 0 ?
                              g_strdup_printf ("%d", data->requirement_year) : g_strdup ("");

      qs_chart_draw_requirement (&canvas, &plot, &plot, ry, data->requirement_label, data->requirement_text,
                                 suffix, 4);
      qs_chart_add_point (&canvas, data->requirement_label, year, data->requirement_text, data->requirement, plot.x + plot.width, ry,
                          &(QsChartRect) { plot.x, ry - 3, plot.width, 6 });
    }

  /* Each district: the measured years as a line, the targets as hollow
   * diamonds joined to the last measured year by a thin dashed path. */
  for (guint s = 0; s < data->series->len; s++)
    {
      QsTrendSeries *series = g_ptr_array_index (data->series, s);
      const QsChartColor *color = &theme->series[s % QS_CHART_N_SERIES_COLORS];
      gboolean started = FALSE;
      double last_x = 0, last_y = 0;

      cairo_save (cr);
      qs_chart_set_color (cr, color, 1.0);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < series->points->len; i++)
        {
          QsTrendPoint *pt = &g_array_index (series->points, QsTrendPoint, i);

          if (!pt->has_number || !is_measured (pt->kind))
            continue;
          if (!started)
            cairo_move_to (cr, X_OF (pt->year), Y_OF (pt->value));
          else
            cairo_line_to (cr, X_OF (pt->year), Y_OF (pt->value));
          started = TRUE;
          last_x = X_OF (pt->year);
          last_y = Y_OF (pt->value);
        }
      cairo_stroke (cr);

      for (guint i = 0; i < series->points->len; i++)
        {
          QsTrendPoint *pt = &g_array_index (series->points, QsTrendPoint, i);
          static const double dashes[] = { 3, 4 };

          /* The planned path runs from the last measured year forward; a
           * target of a year already measured (the review table) stands alone. */
          if (!pt->has_number || pt->kind != QS_YEAR_VALUE_TARGET || !started ||
              X_OF (pt->year) <= last_x + 0.5)
            continue;
          cairo_save (cr);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, last_x, last_y);
          cairo_line_to (cr, X_OF (pt->year), Y_OF (pt->value));
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      cairo_restore (cr);
    }

  /* Markers and their labels after all lines, so that no line crosses a
   * label placed later. */
  for (guint s = 0; s < data->series->len; s++)
    {
      QsTrendSeries *series = g_ptr_array_index (data->series, s);
      const QsChartColor *color = &theme->series[s % QS_CHART_N_SERIES_COLORS];

      for (guint i = 0; i < series->points->len; i++)
        {
          QsTrendPoint *pt = &g_array_index (series->points, QsTrendPoint, i);
          double x, y;
          g_autofree char *category = NULL;
          gboolean target = pt->kind == QS_YEAR_VALUE_TARGET;

          if (!pt->has_number)
            continue;
          x = X_OF (pt->year);
          y = Y_OF (pt->value);
          qs_chart_draw_marker (cr, target ? QS_CHART_SWATCH_MARKER : QS_CHART_SWATCH_LINE, color,
                                &theme->background, x, y, target ? 6.5 : 5);
          if (target && pt->bound != QS_BOUND_NONE)
            {
              cairo_save (cr);
              qs_chart_set_color (cr, color, 1.0);
              cairo_set_line_width (cr, 1.8);
              draw_bound_arrow (cr, x, y, pt->bound, 6.5);
              cairo_restore (cr);
            }
          {
            /* Labels placed later keep off the marker and its arrow. */
            QsChartRect box = { x - 7.5, y - 7.5, 15, 15 };

            if (target && (pt->bound == QS_BOUND_GE || pt->bound == QS_BOUND_GT))
              box.y -= 14, box.height += 14;
            else if (target && pt->bound != QS_BOUND_NONE)
              box.height += 14;
            qs_chart_reserve (&canvas, &box);
          }
          category = g_strdup_printf ("%d年%s", pt->year, kind_word (pt->kind));
          qs_chart_add_point (&canvas, series->name, category, pt->text, pt->value, x, y, NULL);
        }
    }
  for (guint s = 0; s < data->series->len; s++)
    {
      QsTrendSeries *series = g_ptr_array_index (data->series, s);
      const QsChartColor *color = &theme->series[s % QS_CHART_N_SERIES_COLORS];

      for (guint i = 0; i < series->points->len; i++)
        {
          QsTrendPoint *pt = &g_array_index (series->points, QsTrendPoint, i);
          double x, y, off;
          gboolean up;

          if (!pt->has_number)
            continue;
          x = X_OF (pt->year);
          y = Y_OF (pt->value);
          /* Keep clear of the bound arrow: label on the other side first. */
          up = !(pt->kind == QS_YEAR_VALUE_TARGET && (pt->bound == QS_BOUND_GE || pt->bound == QS_BOUND_GT));
          off = 8;
          {
            double candidates[] = {
              x, up ? y - off : y + off, 0.5, up ? 1 : 0,
              x, up ? y + off : y - off, 0.5, up ? 0 : 1,
              x + off, y, 0, 0.5,
              x - off, y, 1, 0.5,
              x + off, y - off, 0, 1,
              x - off, y + off, 1, 0,
            };
            QsChartColor label_color = *color;

            /* Value labels in the text colour when there is one district:
             * easier to read; with several, the colour tells them apart. */
            if (data->series->len == 1)
              label_color = theme->text;
            qs_chart_place_label (&canvas, pt->text, candidates, 6, &bounds, 0.85, &label_color);
          }
        }
    }

  qs_chart_draw_notes (&canvas, notes->str, margin, height - margin - notes_h, width - 2 * margin);

#undef X_OF
#undef Y_OF
  cairo_restore (cr);
  qs_chart_canvas_clear (&canvas);
}

void
qs_trend_chart_render (cairo_t                *cr,
                       double                  width,
                       double                  height,
                       const QsTrendChartData *data)
{
  g_return_if_fail (cr != NULL && data != NULL);
  qs_trend_chart_render_traced (cr, width, height, data, NULL);
}

static void
render_traced_cb (cairo_t       *cr,
                  double         width,
                  double         height,
                  gconstpointer  data,
                  QsChartTrace  *trace)
{
  qs_trend_chart_render_traced (cr, width, height, data, trace);
}

QsChartPoint *
qs_trend_chart_hit_test (const QsTrendChartData *data,
                         double                  width,
                         double                  height,
                         double                  x,
                         double                  y)
{
  g_return_val_if_fail (data != NULL, NULL);
  return qs_chart_hit_test (render_traced_cb, data, width, height, x, y);
}

char *
qs_trend_chart_describe (const QsTrendChartData *data)
{
  GString *s = g_string_new (NULL);
  g_autofree char *suffix = qs_chart_unit_suffix (data->unit);

  g_return_val_if_fail (data != NULL, NULL);

  qs_chart_describe_heading (s, "趋势图", data->indicator, data->unit, data->series->len);
  for (guint i = 0; i < data->series->len; i++)
    {
      QsTrendSeries *series = g_ptr_array_index (data->series, i);

      g_string_append_printf (s, "%s：", series->name);
      for (guint j = 0; j < series->points->len; j++)
        {
          QsTrendPoint *pt = &g_array_index (series->points, QsTrendPoint, j);

          g_string_append_printf (s, "%s%d年%s %s%s", j > 0 ? "，" : "", pt->year,
                                  kind_word (pt->kind), pt->text, pt->has_number ? suffix : "");
        }
      g_string_append (s, "。");
    }
  if (data->has_requirement)
    g_string_append_printf (s, "%s：%s%s。", data->requirement_label, data->requirement_text, suffix);
  return g_string_free (s, FALSE);
}
