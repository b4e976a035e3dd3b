/* qs-compare-window.h: district plans side by side, indicator by indicator. */
#pragma once

#include <adwaita.h>

#include "qs-compare-matrix.h"
#include "qs-model.h"
#include "qs-plan-picker.h"

G_BEGIN_DECLS

#define QS_TYPE_COMPARE_WINDOW (qs_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (QsCompareWindow, qs_compare_window, QS, COMPARE_WINDOW, AdwApplicationWindow)

/* The comparison view of a municipal reviewer: a plan picker (a period's
 * district plans, a district group, any selection), the matrix of
 * canonical indicators by plans with the municipal target and requirement,
 * filters, plan columns sorted by an indicator, the chart of one indicator
 * across the plans, and Export CSV/JSON/PDF.  @app may be NULL (tests).
 * It starts with every district plan of the latest period. */
GtkWidget       *qs_compare_window_new                   (GtkApplication  *app,
                                                          QsWorkspace     *workspace);
/* Compares exactly these plans of the workspace. */
void             qs_compare_window_select_plans          (QsCompareWindow *self,
                                                          const gint64    *ids,
                                                          guint            n);

QsWorkspace     *qs_compare_window_get_workspace         (QsCompareWindow *self);
QsPlanPicker    *qs_compare_window_get_picker            (QsCompareWindow *self);
QsCompareMatrix *qs_compare_window_get_matrix            (QsCompareWindow *self);
/* The rows shown: the matrix's filters and the search (of QsCompareRow). */
GListModel      *qs_compare_window_get_rows              (QsCompareWindow *self);
/* The fixed columns (indicator, municipal target) and the scrolled ones
 * (requirement, one per plan, in the matrix's plan order). */
GtkColumnView   *qs_compare_window_get_indicator_view    (QsCompareWindow *self);
GtkColumnView   *qs_compare_window_get_plans_view        (QsCompareWindow *self);
guint            qs_compare_window_get_n_plan_columns    (QsCompareWindow *self);
const char      *qs_compare_window_get_plan_column_title (QsCompareWindow *self,
                                                          guint            index);

/* What the filter bar does, by its words: @field a catalog field or NULL
 * (all), @attribute 约束性 / 预期性 or NULL, @status a status id
 * ("falls-short", "missing" …) or NULL; FALSE for a word it does not
 * offer.  The drop-downs show the choice. */
gboolean         qs_compare_window_set_field             (QsCompareWindow *self,
                                                          const char      *field);
gboolean         qs_compare_window_set_attribute         (QsCompareWindow *self,
                                                          const char      *attribute);
gboolean         qs_compare_window_set_status            (QsCompareWindow *self,
                                                          const char      *status);
void             qs_compare_window_set_search_text       (QsCompareWindow *self,
                                                          const char      *text);
/* Orders the plan columns by their target of @indicator (catalog id or
 * name; NULL: the picker's order), strictest or weakest first. */
gboolean         qs_compare_window_sort_plans            (QsCompareWindow *self,
                                                          const char      *indicator,
                                                          gboolean         weakest_first);

/* Shows the chart of @indicator across the plans shown, @plan_index
 * (G_MAXUINT: none) picked out; the indicator charted, or NULL when the
 * chart is hidden. */
void             qs_compare_window_show_chart            (QsCompareWindow *self,
                                                          const char      *indicator,
                                                          guint            plan_index);
const char      *qs_compare_window_get_chart_indicator   (QsCompareWindow *self);

/* Writes the rows shown as "csv", "json" or "pdf" (what the Export menu
 * does after asking for the file). */
gboolean         qs_compare_window_export                (QsCompareWindow *self,
                                                          const char      *format,
                                                          GFile           *file,
                                                          GError         **error);

G_END_DECLS
