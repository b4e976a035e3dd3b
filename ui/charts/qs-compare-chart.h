/* qs-compare-chart.h: one indicator across districts, baseline and target. */
#pragma once

#include "qs-chart.h"
#include "qs-check.h"

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
  char          *requirement_text; /* what the municipality requires of this district, or NULL */
  gboolean       has_requirement;
  double         requirement;
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
/* The check's verdict on a target row as a bar colour: meets → OK; falls
 * short or weaker than the baseline → ERROR; pending or not comparable →
 * WARNING; no requirement → NONE. */
QsChartStatus       qs_compare_chart_status_from_check (QsCheckStatus        status);
/* What the municipality requires of one district (drawn as a mark over
 * its bars when the districts' requirements differ). */
void                qs_compare_chart_data_set_item_requirement (QsCompareChartData *data,
                                                        guint                index,
                                                        const char          *text);
/* Like qs_compare_chart_data_new_for_plans, with the colours and the
 * requirement from the check: each plan is checked (qs_check_run) against
 * @municipal (may be NULL) with @requirements (of QsRequirement, may be
 * NULL); the status of the indicator's row colours the plan's target, and
 * the absolute-bound requirement that applies to the district is drawn, as
 * one line when every district has the same, else over each district.
 * Without such a requirement the municipal target is the line. */
QsCompareChartData *qs_compare_chart_data_new_for_check (GPtrArray          *plans,
                                                        const char          *indicator,
                                                        QsCatalog           *catalog,
                                                        QsPlan              *municipal,
                                                        GListModel          *requirements,
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
