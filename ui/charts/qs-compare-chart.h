/* qs-compare-chart.h: one indicator across districts, baseline and target. */
#pragma once

#include "qs-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char          *name;            /* the district */
  char          *baseline_text;   /* as written, or NULL */
  gboolean       has_baseline;
  double         baseline;
  char          *target_text;     /* as written, or NULL */
  gboolean       has_target;
  double         target;
  QsBound        target_bound;
  QsChartStatus  status;          /* of the target, from the check */
} QsCompareItem;

typedef struct
{
  char               *title;
  char               *indicator;
  char               *unit;
  char               *baseline_label;    /* "2020年现状值" */
  char               *target_label;      /* "2025年目标值" */
  GArray             *items;             /* of QsCompareItem */
  gboolean            has_requirement;
  char               *requirement_label;
  char               *requirement_text;
  double              requirement;
  QsBound             requirement_bound;
  const QsChartTheme *theme;             /* NULL: light */
} QsCompareChartData;

QsCompareChartData *qs_compare_chart_data_new          (const char          *indicator,
                                                        const char          *unit);
void                qs_compare_chart_data_free         (QsCompareChartData  *data);
void                qs_compare_chart_data_add          (QsCompareChartData  *data,
                                                        const char          *name,
                                                        const char          *baseline_text,
                                                        const char          *target_text,
                                                        QsChartStatus        status);
void                qs_compare_chart_data_set_requirement (QsCompareChartData *data,
                                                        const char          *label,
                                                        const char          *text);
/* One group of bars per plan: its latest target and the measured value
 * before it.  @statuses (one per plan, or NULL) colours the targets. */
QsCompareChartData *qs_compare_chart_data_new_for_plans (GPtrArray          *plans,
                                                        const char          *indicator,
                                                        QsCatalog           *catalog,
                                                        QsPlan              *against,
                                                        const QsChartStatus *statuses,
                                                        GError             **error);

void                qs_compare_chart_render            (cairo_t             *cr,
                                                        double               width,
                                                        double               height,
                                                        const QsCompareChartData *data);
void                qs_compare_chart_render_traced     (cairo_t             *cr,
                                                        double               width,
                                                        double               height,
                                                        const QsCompareChartData *data,
                                                        QsChartTrace        *trace);
QsChartPoint       *qs_compare_chart_hit_test          (const QsCompareChartData *data,
                                                        double               width,
                                                        double               height,
                                                        double               x,
                                                        double               y);
char               *qs_compare_chart_describe          (const QsCompareChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsCompareChartData, qs_compare_chart_data_free)

G_END_DECLS
