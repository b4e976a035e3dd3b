/* test-charts.c: the chart renderers (ui/charts): each kind for the sample
 * plans on image and SVG surfaces, checked through the trace of what was
 * drawn: labels present, points where the axes put them, no text outside
 * the canvas, no two texts overlapping. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "qs-catalog.h"
#include "qs-compare-chart.h"
#include "qs-completion-chart.h"
#include "qs-linker.h"
#include "qs-model.h"
#include "qs-trend-chart.h"

#define WIDTH 900
#define HEIGHT 560

static const char * const samples[] = {
  "district-2021-2025-000.qsplan",
  "district-2021-2025-001.qsplan",
  "district-2021-2025-002.qsplan",
  "municipal-2016-2020-004.qsplan",
};

static QsCatalog *the_catalog;

static QsCatalog *
catalog (void)
{
  if (the_catalog == NULL)
    {
      g_autoptr(GError) error = NULL;

      the_catalog = qs_catalog_new_default (&error);
      g_assert_no_error (error);
    }
  return the_catalog;
}

static QsPlan *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (SOURCE_RESOURCES_DIR, "samples", name, NULL);
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_plan_xml_read_file (path, &error);

  g_assert_no_error (error);
  qs_linker_link_plan (catalog (), plan, QS_LINK_DEFAULT, NULL);
  return plan;
}

static GPtrArray *
load_districts (void)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (plans, load_sample (samples[i]));
  return plans;
}

/* ---- checks on a trace ----------------------------------------------------- */

static void
assert_layout_sound (QsChartTrace *trace,
                     double        width,
                     double        height)
{
  g_assert_cmpuint (trace->texts->len, >, 0);
  for (guint i = 0; i < trace->texts->len; i++)
    {
      QsChartTextItem *a = g_ptr_array_index (trace->texts, i);

      if (a->rect.x < -0.01 || a->rect.y < -0.01 || a->rect.x + a->rect.width > width + 0.01 ||
          a->rect.y + a->rect.height > height + 0.01)
        g_error ("text “%s” at %.1f,%.1f %.1f×%.1f leaves the %g×%g canvas", a->text, a->rect.x,
                 a->rect.y, a->rect.width, a->rect.height, width, height);
      for (guint j = i + 1; j < trace->texts->len; j++)
        {
          QsChartTextItem *b = g_ptr_array_index (trace->texts, j);

          if (qs_chart_rect_overlaps (&a->rect, &b->rect, 0.5))
            g_error ("texts “%s” and “%s” overlap", a->text, b->text);
        }
    }
  for (guint i = 0; i < trace->points->len; i++)
    {
      QsChartPoint *p = g_ptr_array_index (trace->points, i);

      g_assert_cmpfloat (p->x, >=, 0);
      g_assert_cmpfloat (p->x, <=, width);
      g_assert_cmpfloat (p->y, >=, 0);
      g_assert_cmpfloat (p->y, <=, height);
    }
}

static gboolean
trace_has_text (QsChartTrace *trace,
                const char   *text)
{
  for (guint i = 0; i < trace->texts->len; i++)
    {
      QsChartTextItem *item = g_ptr_array_index (trace->texts, i);

      if (strstr (item->text, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static QsChartPoint *
trace_point (QsChartTrace *trace,
             const char   *series,
             const char   *category)
{
  for (guint i = 0; i < trace->points->len; i++)
    {
      QsChartPoint *p = g_ptr_array_index (trace->points, i);

      if (g_strcmp0 (p->series, series) == 0 && g_strcmp0 (p->category, category) == 0)
        return p;
    }
  return NULL;
}

/* ---- rendering to both surfaces -------------------------------------------- */

typedef void (*TracedFunc) (cairo_t *cr, double w, double h, gconstpointer data, QsChartTrace *trace);

static void
trend_traced (cairo_t *cr, double w, double h, gconstpointer data, QsChartTrace *trace)
{
  qs_trend_chart_render_traced (cr, w, h, data, trace);
}

static void
compare_traced (cairo_t *cr, double w, double h, gconstpointer data, QsChartTrace *trace)
{
  qs_compare_chart_render_traced (cr, w, h, data, trace);
}

static void
completion_traced (cairo_t *cr, double w, double h, gconstpointer data, QsChartTrace *trace)
{
  qs_completion_chart_render_traced (cr, w, h, data, trace);
}

/* Renders on an image and on an SVG surface; both traces must agree, the
 * SVG must be a well-formed, non-empty document.  Returns the image trace. */
static QsChartTrace *
render_both (TracedFunc    func,
             gconstpointer data,
             double        width,
             double        height)
{
  QsChartTrace *trace = qs_chart_trace_new ();
  g_autoptr(QsChartTrace) svg_trace = qs_chart_trace_new ();
  g_autofree char *svg_path = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize length = 0;
  xmlDocPtr doc;
  int fd;
  guint32 corner;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  func (cr, width, height, data, trace);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The background is painted: the corner pixel is opaque. */
  corner = *(guint32 *) cairo_image_surface_get_data (surface);
  g_assert_cmphex (corner >> 24, ==, 0xff);
  cairo_surface_destroy (surface);

  fd = g_file_open_tmp ("qs-chart-XXXXXX.svg", &svg_path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  surface = cairo_svg_surface_create (svg_path, width, height);
  cr = cairo_create (surface);
  func (cr, width, height, data, svg_trace);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  doc = xmlReadMemory (contents, (int) length, svg_path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);
  g_unlink (svg_path);

  /* The layout does not depend on the surface. */
  g_assert_cmpuint (svg_trace->texts->len, ==, trace->texts->len);
  g_assert_cmpuint (svg_trace->points->len, ==, trace->points->len);
  for (guint i = 0; i < trace->points->len; i++)
    {
      QsChartPoint *a = g_ptr_array_index (trace->points, i);
      QsChartPoint *b = g_ptr_array_index (svg_trace->points, i);

      g_assert_cmpfloat_with_epsilon (a->x, b->x, 0.01);
      g_assert_cmpfloat_with_epsilon (a->y, b->y, 0.01);
    }

  assert_layout_sound (trace, width, height);
  return trace;
}

/* ---- tests ----------------------------------------------------------------- */

static void
test_nice_ticks (void)
{
  double lo, hi, step;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  step = qs_chart_nice_ticks (0.4, 99.6, 5, &lo, &hi);
  g_assert_cmpfloat (step, ==, 20);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 100);
  step = qs_chart_nice_ticks (31.2, 36.9, 5, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (step, 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (lo, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (hi, 38, 1e-9);
  step = qs_chart_nice_ticks (0, 0.37, 5, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (step, 0.1, 1e-12);
  step = qs_chart_nice_ticks (0, 86250, 5, &lo, &hi);
  g_assert_cmpfloat (step, ==, 20000);
  g_assert_cmpfloat (hi, ==, 100000);
  a = qs_chart_format_tick (0.30000000000000004, 0.1);
  b = qs_chart_format_tick (40, 20);
  g_assert_cmpstr (a, ==, "0.3");
  g_assert_cmpstr (b, ==, "40");
}

static void
test_trend_positions (void)
{
  g_autoptr(QsTrendChartData) data = qs_trend_chart_data_new ("森林覆盖率", "%");
  QsTrendSeries *series = qs_trend_chart_data_add_series (data, "甲区");
  g_autoptr(QsChartTrace) trace = NULL;
  g_autoptr(QsChartPoint) hit = NULL;
  g_autoptr(QsChartPoint) miss = NULL;
  g_autofree char *description = NULL;
  QsChartPoint *p;

  qs_trend_series_add (series, 2015, "10", QS_YEAR_VALUE_BASELINE);
  qs_trend_series_add (series, 2020, "50", QS_YEAR_VALUE_ACTUAL);
  qs_trend_series_add (series, 2025, "≥90", QS_YEAR_VALUE_TARGET);
  qs_trend_series_add (series, 2025, "【25】", QS_YEAR_VALUE_TARGET);

  trace = render_both (trend_traced, data, WIDTH, HEIGHT);

  /* Values 10…90 padded by 12% give the axis 0…100 in steps of 20; the
   * years 2015…2025 take eleven equal slots. */
#define EX(year) (trace->plot.x + ((year) - 2015 + 0.5) / 11.0 * trace->plot.width)
#define EY(v) (trace->plot.y + trace->plot.height - (v) / 100.0 * trace->plot.height)
  p = trace_point (trace, "甲区", "2015年基准");
  g_assert_nonnull (p);
  g_assert_cmpfloat_with_epsilon (p->x, EX (2015), 0.01);
  g_assert_cmpfloat_with_epsilon (p->y, EY (10), 0.01);
  p = trace_point (trace, "甲区", "2020年实际");
  g_assert_nonnull (p);
  g_assert_cmpfloat_with_epsilon (p->x, EX (2020), 0.01);
  g_assert_cmpfloat_with_epsilon (p->y, EY (50), 0.01);
  p = trace_point (trace, "甲区", "2025年目标");
  g_assert_nonnull (p);
  g_assert_cmpstr (p->value_text, ==, "≥90");
  g_assert_cmpfloat_with_epsilon (p->x, EX (2025), 0.01);
  g_assert_cmpfloat_with_epsilon (p->y, EY (90), 0.01);

  /* Labels: title, unit, ticks, years, values, the cumulative note. */
  g_assert_true (trace_has_text (trace, "森林覆盖率"));
  g_assert_true (trace_has_text (trace, "单位：%"));
  g_assert_true (trace_has_text (trace, "甲区"));
  for (int v = 0; v <= 100; v += 20)
    {
      g_autofree char *t = g_strdup_printf ("%d", v);
      g_assert_true (trace_has_text (trace, t));
    }
  g_assert_true (trace_has_text (trace, "2015"));
  g_assert_true (trace_has_text (trace, "2025"));
  g_assert_true (trace_has_text (trace, "≥90"));
  g_assert_true (trace_has_text (trace, "【25】（五年累计）"));

  /* Hover: the exact text of the point under the pointer. */
  hit = qs_trend_chart_hit_test (data, WIDTH, HEIGHT, EX (2025) + 2, EY (90) - 1);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->value_text, ==, "≥90");
  g_assert_cmpstr (hit->series, ==, "甲区");
  miss = qs_trend_chart_hit_test (data, WIDTH, HEIGHT, 3, 3);
  g_assert_null (miss);

  description = qs_trend_chart_describe (data);
  g_assert_nonnull (strstr (description, "森林覆盖率"));
  g_assert_nonnull (strstr (description, "2025年目标 ≥90%"));
#undef EX
#undef EY
}

static void
test_trend_samples (void)
{
  g_autoptr(GPtrArray) plans = load_districts ();
  g_autoptr(QsPlan) municipal = load_sample (samples[3]);
  static const char * const indicators[] = { "森林覆盖率", "空气质量优良天数比率", "细颗粒物（PM2.5）年均浓度" };

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QsTrendChartData) data =
        qs_trend_chart_data_new_for_plans (plans, indicators[i], catalog (), municipal, &error);
      g_autoptr(QsChartTrace) trace = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (data->series->len, >=, 1);
      trace = render_both (trend_traced, data, WIDTH, HEIGHT);
      g_assert_cmpuint (trace->points->len, >, 0);
      for (guint s = 0; s < data->series->len; s++)
        g_assert_true (trace_has_text (trace, ((QsTrendSeries *) g_ptr_array_index (data->series, s))->name));

      /* Every point inside the plot, and the same value at the same height. */
      for (guint a = 0; a < trace->points->len; a++)
        {
          QsChartPoint *p = g_ptr_array_index (trace->points, a);

          g_assert_cmpfloat (p->x, >=, trace->plot.x - 0.01);
          g_assert_cmpfloat (p->x, <=, trace->plot.x + trace->plot.width + 0.01);
          g_assert_cmpfloat (p->y, >=, trace->plot.y - 0.01);
          g_assert_cmpfloat (p->y, <=, trace->plot.y + trace->plot.height + 0.01);
          for (guint b = 0; b < trace->points->len; b++)
            {
              QsChartPoint *q = g_ptr_array_index (trace->points, b);

              if (p->value > q->value)
                g_assert_cmpfloat (p->y, <, q->y);
            }
        }

      /* Small and dark. */
      data->theme = qs_chart_theme_dark ();
      g_clear_pointer (&trace, qs_chart_trace_free);
      trace = render_both (trend_traced, data, 420, 300);
    }

  /* Each plan alone, too. */
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(QsTrendChartData) data = NULL;
      g_autoptr(QsChartTrace) trace = NULL;

      g_ptr_array_add (one, g_ptr_array_index (plans, i));
      data = qs_trend_chart_data_new_for_plans (one, "forest_coverage", catalog (), NULL, NULL);
      if (data == NULL)
        data = qs_trend_chart_data_new_for_plans (one, "森林覆盖率", catalog (), NULL, NULL);
      g_assert_nonnull (data);
      trace = render_both (trend_traced, data, WIDTH, HEIGHT);
    }
}

static void
test_trend_unknown_indicator (void)
{
  g_autoptr(GPtrArray) plans = load_districts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QsTrendChartData) data =
    qs_trend_chart_data_new_for_plans (plans, "没有这个指标", catalog (), NULL, &error);

  g_assert_null (data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "没有这个指标"));
}

/* The comparison coloured by the check and with the requirements that
 * apply to each district (the municipal plan's own requirement list). */
static void
test_compare_check (void)
{
  g_autoptr(GPtrArray) plans = load_districts ();
  g_autoptr(QsPlan) municipal = load_sample (samples[3]);
  GListModel *requirements = G_LIST_MODEL (qs_plan_get_requirements (municipal));
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCompareChartData) forest = NULL;
  g_autoptr(QsCompareChartData) pm25 = NULL;
  g_autoptr(QsChartTrace) trace = NULL;
  g_autofree char *description = NULL;
  guint marks = 0;

  g_assert_cmpuint (g_list_model_get_n_items (requirements), >, 0);
  g_assert_cmpint (qs_compare_chart_status_from_check (QS_CHECK_MEETS), ==, QS_CHART_STATUS_OK);
  g_assert_cmpint (qs_compare_chart_status_from_check (QS_CHECK_FALLS_SHORT), ==, QS_CHART_STATUS_ERROR);
  g_assert_cmpint (qs_compare_chart_status_from_check (QS_CHECK_WEAKER_THAN_BASELINE), ==,
                   QS_CHART_STATUS_ERROR);
  g_assert_cmpint (qs_compare_chart_status_from_check (QS_CHECK_PENDING), ==, QS_CHART_STATUS_WARNING);
  g_assert_cmpint (qs_compare_chart_status_from_check (QS_CHECK_NOT_COMPARABLE), ==,
                   QS_CHART_STATUS_WARNING);
  g_assert_cmpint (qs_compare_chart_status_from_check (QS_CHECK_NO_REQUIREMENT), ==, QS_CHART_STATUS_NONE);

  /* 大渡口区 plans 32 against its own baseline of 33.67: weaker than the
   * baseline, red; the others meet the municipal target. */
  forest = qs_compare_chart_data_new_for_check (plans, "森林覆盖率", catalog (), municipal, requirements, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (forest->items->len, ==, 3);
  for (guint i = 0; i < forest->items->len; i++)
    {
      QsCompareItem *item = &g_array_index (forest->items, QsCompareItem, i);

      if (g_str_equal (item->name, "大渡口区"))
        g_assert_cmpint (item->status, ==, QS_CHART_STATUS_ERROR);
      else
        g_assert_cmpint (item->status, ==, QS_CHART_STATUS_OK);
    }
  /* No bound on forest cover applies: the municipal target is the line. */
  g_assert_true (forest->has_requirement);

  /* PM2.5: the absolute bound ≤35 of the requirements, over each district
   * whose target is checked against it. */
  pm25 = qs_compare_chart_data_new_for_check (plans, "细颗粒物（PM2.5）年均浓度", catalog (), municipal,
                                              requirements, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pm25->items->len; i++)
    {
      QsCompareItem *item = &g_array_index (pm25->items, QsCompareItem, i);

      if (!item->has_target)
        continue;
      g_assert_cmpint (item->status, ==, QS_CHART_STATUS_OK);
      if (!pm25->has_requirement)
        {
          g_assert_true (item->has_requirement);
          g_assert_cmpfloat (item->requirement, ==, 35);
          g_assert_cmpstr (item->requirement_text, ==, "≤35");
          marks++;
        }
    }
  g_assert_true (pm25->has_requirement || marks >= 2);
  trace = render_both (compare_traced, pm25, WIDTH, HEIGHT);
  g_assert_true (trace_has_text (trace, "≤35 μg/m³") || trace_has_text (trace, "≤35"));
  description = qs_compare_chart_describe (pm25);
  g_assert_nonnull (strstr (description, "35"));

  /* A district's requirement is drawn only when it is a figure. */
  {
    g_autoptr(QsCompareChartData) data = qs_compare_chart_data_new ("测试指标", "%");

    qs_compare_chart_data_add (data, "甲区", "30", "≥35", QS_CHART_STATUS_OK);
    qs_compare_chart_data_set_item_requirement (data, 0, "≥33");
    g_assert_true (g_array_index (data->items, QsCompareItem, 0).has_requirement);
    qs_compare_chart_data_set_item_requirement (data, 0, "由重庆市下达");
    g_assert_false (g_array_index (data->items, QsCompareItem, 0).has_requirement);
  }
}

static void
test_compare_samples (void)
{
  g_autoptr(GPtrArray) plans = load_districts ();
  g_autoptr(QsPlan) municipal = load_sample (samples[3]);
  QsChartStatus statuses[] = { QS_CHART_STATUS_OK, QS_CHART_STATUS_WARNING, QS_CHART_STATUS_ERROR };
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCompareChartData) data =
    qs_compare_chart_data_new_for_plans (plans, "森林覆盖率", catalog (), municipal, statuses, &error);
  g_autoptr(QsChartTrace) trace = NULL;
  g_autoptr(QsChartPoint) hit = NULL;
  g_autofree char *description = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (data->items->len, ==, 3);
  trace = render_both (compare_traced, data, WIDTH, HEIGHT);

  for (guint i = 0; i < data->items->len; i++)
    {
      QsCompareItem *item = &g_array_index (data->items, QsCompareItem, i);
      QsChartPoint *target = trace_point (trace, data->target_label, item->name);

      g_assert_true (trace_has_text (trace, item->name));
      g_assert_true (item->has_target);
      g_assert_nonnull (target);
      g_assert_cmpstr (target->value_text, ==, item->target_text);
      /* Bars stand on the zero line, so a bar's height is its value. */
      g_assert_cmpfloat_with_epsilon (target->box.y + target->box.height,
                                      trace->plot.y + trace->plot.height, 0.5);
      if (i > 0)
        {
          QsCompareItem *first = &g_array_index (data->items, QsCompareItem, 0);
          QsChartPoint *t0 = trace_point (trace, data->target_label, first->name);

          g_assert_cmpfloat_with_epsilon (target->box.height / item->target,
                                          t0->box.height / first->target, 0.01);
          g_assert_cmpfloat (target->x, >, t0->x);
        }
    }
  g_assert_true (trace_has_text (trace, "符合要求"));
  g_assert_true (trace_has_text (trace, "不符合要求"));
  g_assert_true (trace_has_text (trace, data->baseline_label));

  {
    QsCompareItem *item = &g_array_index (data->items, QsCompareItem, 1);
    QsChartPoint *target = trace_point (trace, data->target_label, item->name);

    hit = qs_compare_chart_hit_test (data, WIDTH, HEIGHT, target->box.x + 2,
                                     target->box.y + target->box.height - 2);
    g_assert_nonnull (hit);
    g_assert_cmpstr (hit->value_text, ==, item->target_text);
  }
  description = qs_compare_chart_describe (data);
  g_assert_nonnull (strstr (description, "不符合要求"));

  /* Many districts with long names: names wrap in their slot. */
  {
    g_autoptr(QsCompareChartData) many = qs_compare_chart_data_new ("空气质量优良天数比率", "%");
    g_autoptr(QsChartTrace) t = NULL;

    for (int i = 0; i < 38; i++)
      {
        g_autofree char *name = g_strdup_printf ("第%d号很长名字的自治县", i + 1);
        g_autofree char *base = g_strdup_printf ("%.1f", 80 + i * 0.37);
        g_autofree char *target = g_strdup_printf ("≥%.1f", 82 + i * 0.3);

        qs_compare_chart_data_add (many, name, base, target, (QsChartStatus) (i % 4));
      }
    qs_compare_chart_data_set_requirement (many, "市级要求", "≥85");
    many->theme = qs_chart_theme_dark ();
    t = render_both (compare_traced, many, WIDTH, HEIGHT);
    g_assert_cmpuint (t->points->len, ==, 76);
  }
}

static void
test_completion_samples (void)
{
  guint drawn = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(QsPlan) plan = load_sample (samples[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(QsCompletionChartData) data = qs_completion_chart_data_new_for_plan (plan, catalog (), &error);
      g_autoptr(QsChartTrace) trace = NULL;
      g_autoptr(QsChartTrace) small = NULL;

      if (data == NULL)
        {
          /* The municipal plan of 2016-2020 has no earlier period's table. */
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
          g_assert_cmpint (qs_plan_get_level (plan), ==, QS_PLAN_LEVEL_MUNICIPAL);
          continue;
        }
      g_assert_cmpuint (data->items->len, >, 3);
      trace = render_both (completion_traced, data, WIDTH, HEIGHT);
      for (guint r = 0; r < data->items->len; r++)
        {
          QsCompletionItem *item = &g_array_index (data->items, QsCompletionItem, r);
          QsChartPoint *p = NULL;

          for (guint k = 0; k < trace->points->len && p == NULL; k++)
            if (g_strcmp0 (((QsChartPoint *) g_ptr_array_index (trace->points, k))->series, item->indicator) == 0)
              p = g_ptr_array_index (trace->points, k);
          if (!item->has_percent)
            continue;
          g_assert_nonnull (p);
          /* Bars are percent of target on a shared scale, cut at 150%. */
          g_assert_cmpfloat_with_epsilon (p->value, item->percent, 1e-9);
          if (item->percent <= 150 && fabs (item->percent - 100) > 1)
            {
              QsChartPoint *ref = NULL;

              for (guint k = 0; k < trace->points->len; k++)
                {
                  QsChartPoint *q = g_ptr_array_index (trace->points, k);

                  if (q->value > 1 && q->value <= 150)
                    ref = q;
                }
              if (ref != NULL)
                g_assert_cmpfloat_with_epsilon (p->box.width / p->value, ref->box.width / ref->value, 0.01);
            }
        }
      g_assert_true (trace_has_text (trace, "100%"));
      small = render_both (completion_traced, data, 480, 360);
      drawn++;
    }
  g_assert_cmpuint (drawn, >=, 2);
}

static void
test_export (void)
{
  g_autoptr(QsCompletionChartData) data = qs_completion_chart_data_new ("测试");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-charts-XXXXXX", NULL);
  static const char * const names[] = { "a.png", "a.svg", "a.pdf" };

  qs_completion_chart_data_add (data, "森林覆盖率", "%", "≥50", "52", NULL, FALSE);
  qs_completion_chart_data_add (data, "细颗粒物年均浓度", "微克/立方米", "≤35", "38", NULL, FALSE);
  g_assert_cmpint (g_array_index (data->items, QsCompletionItem, 1).achieved, ==, 0);
  g_assert_true (g_array_index (data->items, QsCompletionItem, 1).lower_better);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      GStatBuf st;

      g_assert_true (qs_chart_export (path, 600, 400, (QsChartRenderFunc) qs_completion_chart_render, data, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 500);
      g_unlink (path);
    }
  {
    g_autofree char *path = g_build_filename (dir, "a.gif", NULL);

    g_assert_false (qs_chart_export (path, 600, 400, (QsChartRenderFunc) qs_completion_chart_render, data, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Messages with Chinese names print as such under a UTF-8 locale. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/nice-ticks", test_nice_ticks);
  g_test_add_func ("/charts/trend/positions", test_trend_positions);
  g_test_add_func ("/charts/trend/samples", test_trend_samples);
  g_test_add_func ("/charts/trend/unknown-indicator", test_trend_unknown_indicator);
  g_test_add_func ("/charts/compare/samples", test_compare_samples);
  g_test_add_func ("/charts/compare/check", test_compare_check);
  g_test_add_func ("/charts/completion/samples", test_completion_samples);
  g_test_add_func ("/charts/export", test_export);

  status = g_test_run ();
  g_clear_object (&the_catalog);
  return status;
}
