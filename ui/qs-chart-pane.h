/* qs-chart-pane.h: the chart of one indicator of one plan, beside its table. */
#pragma once

#include <adwaita.h>

#include "qs-chart-view.h"
#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_CHART_PANE (qs_chart_pane_get_type ())

G_DECLARE_FINAL_TYPE (QsChartPane, qs_chart_pane, QS, CHART_PANE, GtkWidget)

GtkWidget   *qs_chart_pane_new           (void);
/* Where the other district plans of the period and the municipal plan
 * are found; may be NULL (then only the plan itself is drawn). */
void         qs_chart_pane_set_workspace (QsChartPane  *self,
                                          QsWorkspace  *workspace);   /* may be NULL */
void         qs_chart_pane_set_plan      (QsChartPane  *self,
                                          QsPlan       *plan);
/* A catalog id or any name of it; NULL clears. */
void         qs_chart_pane_set_indicator (QsChartPane  *self,
                                          const char   *indicator);   /* catalog id or name; NULL clears */
/* "trend" "compare" "completion" */
void         qs_chart_pane_set_kind      (QsChartPane  *self,
                                          const char   *kind);
const char  *qs_chart_pane_get_kind      (QsChartPane  *self);
/* An explicit set of district plans to compare (a reviewer's selection);
 * NULL = the plan and the same-period district plans of the workspace. */
void         qs_chart_pane_set_plans     (QsChartPane  *self,
                                          GPtrArray    *plans);
QsChartView *qs_chart_pane_get_view      (QsChartPane  *self);
/* Writes the chart shown as PNG, SVG or PDF, by the extension of @path. */
gboolean     qs_chart_pane_export        (QsChartPane  *self,
                                          const char   *path,
                                          GError      **error);
/* Draws the chart again from the plan (after its figures changed). */
void         qs_chart_pane_refresh       (QsChartPane  *self);

G_END_DECLS
