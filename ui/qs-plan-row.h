/* qs-plan-row.h: a row of the sidebar: a plan, or the heading of a group. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QS_TYPE_PLAN_ROW (qs_plan_row_get_type ())

G_DECLARE_FINAL_TYPE (QsPlanRow, qs_plan_row, QS, PLAN_ROW, GtkWidget)

GtkWidget *qs_plan_row_new      (void);
/* @item is a QsPlanItem or a QsPlanGroup, or NULL. */
void       qs_plan_row_set_item (QsPlanRow *self,
                                 GObject   *item);
GObject   *qs_plan_row_get_item (QsPlanRow *self);

G_END_DECLS
