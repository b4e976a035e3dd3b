/* qs-chart-print.c: charts in the flow of a printed plan.
 *
 * The paginator knows nothing of charts: it asks a block drawer, after
 * each table, whether it has something to draw there.  This drawer answers
 * for the plan's review table of the last period with the completion
 * chart of its targets, at the page's width and a height that gives each
 * indicator a readable bar.
 */
#include "config.h"

#include "qs-chart-print.h"
#include "qs-completion-chart.h"

#define BAR_HEIGHT      16.0   /* points per indicator */
#define CHROME_HEIGHT  110.0   /* title, subtitle, axis and legend */

static double
completion_measure (GObject  *block,
                    double    width,
                    gpointer  user_data)
{
  QsCompletionChartData *data = user_data;

  if (block != G_OBJECT (data->table) || data->items->len == 0)
    return 0;
  return MAX (width * 0.4, CHROME_HEIGHT + data->items->len * BAR_HEIGHT);
}

static void
completion_draw (GObject  *block,
                 cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  qs_completion_chart_render (cr, width, height, user_data);
}

/* The light theme at the size of a printed table's notes. */
static const QsChartTheme *
print_theme (void)
{
  static QsChartTheme theme;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      theme = *qs_chart_theme_light ();
      theme.font_size = 8.5;
      g_once_init_leave (&initialised, 1);
    }
  return &theme;
}

void
qs_chart_print_install (QsPaginator *paginator,
                        QsPlan      *plan,
                        QsCatalog   *catalog)
{
  QsCompletionChartData *data;

  g_return_if_fail (QS_IS_PAGINATOR (paginator));
  g_return_if_fail (QS_IS_PLAN (plan));
  g_return_if_fail (QS_IS_CATALOG (catalog));

  data = qs_completion_chart_data_new_for_plan (plan, catalog, NULL);
  if (data == NULL)
    return;
  data->theme = print_theme ();
  qs_paginator_set_block_drawer (paginator, QS_TYPE_INDICATOR_TABLE, completion_measure,
                                 completion_draw, data,
                                 (GDestroyNotify) qs_completion_chart_data_free);
}
