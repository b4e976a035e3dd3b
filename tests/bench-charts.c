/* bench-charts.c: how long drawing a chart takes (the target is under 5 ms
 * for a 900 × 560 chart).  Prints the median of many draws per kind. */
#include "config.h"

#include <stdio.h>

#include "qs-catalog.h"
#include "qs-compare-chart.h"
#include "qs-completion-chart.h"
#include "qs-linker.h"
#include "qs-model.h"
#include "qs-trend-chart.h"

#define RUNS 200

typedef void (*RenderFunc) (cairo_t *cr, double w, double h, gconstpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (RenderFunc    render,
           gconstpointer data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 560);
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      render (cr, 900, 560, data);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  qsort (times, RUNS, sizeof (double), (GCompareFunc) compare_doubles);
  return times[RUNS / 2];
}

static QsPlan *
load (QsCatalog  *catalog,
      const char *name)
{
  g_autofree char *path = g_build_filename (SOURCE_RESOURCES_DIR, "samples", name, NULL);
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_plan_xml_read_file (path, &error);

  if (plan == NULL)
    g_error ("%s", error->message);
  qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, NULL);
  return plan;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = qs_catalog_new_default (&error);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(QsTrendChartData) trend = NULL;
  g_autoptr(QsCompareChartData) compare = NULL;
  g_autoptr(QsCompletionChartData) completion = NULL;
  double t_trend, t_compare, t_completion;

  if (catalog == NULL)
    g_error ("%s", error->message);
  g_ptr_array_add (plans, load (catalog, "district-2021-2025-000.qsplan"));
  g_ptr_array_add (plans, load (catalog, "district-2021-2025-001.qsplan"));
  g_ptr_array_add (plans, load (catalog, "district-2021-2025-002.qsplan"));
  municipal = load (catalog, "municipal-2016-2020-004.qsplan");

  trend = qs_trend_chart_data_new_for_plans (plans, "森林覆盖率", catalog, municipal, &error);
  compare = qs_compare_chart_data_new_for_plans (plans, "森林覆盖率", catalog, municipal, NULL, &error);
  completion = qs_completion_chart_data_new_for_plan (g_ptr_array_index (plans, 0), catalog, &error);
  if (trend == NULL || compare == NULL || completion == NULL)
    g_error ("%s", error->message);

  t_trend = median_ms ((RenderFunc) qs_trend_chart_render, trend);
  t_compare = median_ms ((RenderFunc) qs_compare_chart_render, compare);
  t_completion = median_ms ((RenderFunc) qs_completion_chart_render, completion);

  printf ("chart        median ms (900x560, %d draws)\n", RUNS);
  printf ("trend        %.2f\n", t_trend);
  printf ("compare      %.2f\n", t_compare);
  printf ("completion   %.2f\n", t_completion);
  printf ("%s: every chart kind draws in under 5 ms\n",
          MAX (t_trend, MAX (t_compare, t_completion)) < 5.0 ? "PASS" : "SLOW");
  return 0;
}
