/* qs-compare-cell-view.h: one plan's cell of the comparison matrix. */
#pragma once

#include <gtk/gtk.h>

#include "qs-compare-row.h"

G_BEGIN_DECLS

#define QS_TYPE_COMPARE_CELL_VIEW (qs_compare_cell_view_get_type ())

G_DECLARE_FINAL_TYPE (QsCompareCellView, qs_compare_cell_view, QS, COMPARE_CELL_VIEW, GtkWidget)

/* A flat button showing "baseline → target" as written, the check's
 * verdict as colour (CSS classes status-meets, status-falls-short,
 * status-weaker-than-baseline, status-pending, status-not-comparable,
 * status-no-requirement; missing; empty) and icon, a 最严 / 最弱 badge
 * (classes strictest / weakest), a note icon (class has-notes) when a
 * reviewer left notes on the row, and the reason in the tooltip.
 * ::activate-cell is emitted when it is clicked or activated. */
GtkWidget   *qs_compare_cell_view_new              (void);
/* Shows @cell (NULL: nothing) of @plan_index; @row and @plan_label name
 * it in the tooltip; @notes (may be NULL) are review notes on the cell. */
void         qs_compare_cell_view_set_cell         (QsCompareCellView   *self,
                                                    QsCompareRow        *row,
                                                    guint                plan_index,
                                                    const char          *plan_label,
                                                    const char * const  *notes);
/* The text shown on the first line: "38 → ≤32", "≤28", "缺失", "—". */
const char  *qs_compare_cell_view_get_text         (QsCompareCellView   *self);
/* The indicator id and plan index last shown, or NULL / G_MAXUINT. */
const char  *qs_compare_cell_view_get_indicator_id (QsCompareCellView   *self);
guint        qs_compare_cell_view_get_plan_index   (QsCompareCellView   *self);
/* "status-meets" …, "missing" or "empty". */
const char  *qs_compare_cell_view_get_status_class (QsCompareCellView   *self);
/* The badge's text (最严 / 最弱) or NULL. */
const char  *qs_compare_cell_view_get_mark         (QsCompareCellView   *self);

/* The CSS class and icon name for a verdict. */
const char  *qs_compare_status_css_class           (QsCheckStatus        status);
const char  *qs_compare_status_icon_name           (QsCheckStatus        status);

G_END_DECLS
