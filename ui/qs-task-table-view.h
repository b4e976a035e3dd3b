/* qs-task-table-view.h: a task box (items) and/or project table (rows). */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_TASK_TABLE_VIEW (qs_task_table_view_get_type ())

G_DECLARE_FINAL_TYPE (QsTaskTableView, qs_task_table_view, QS, TASK_TABLE_VIEW, GtkWidget)

GtkWidget     *qs_task_table_view_new             (void);
QsTaskTable   *qs_task_table_view_get_table       (QsTaskTableView *self);
void           qs_task_table_view_set_table       (QsTaskTableView *self,
                                                   QsTaskTable     *table);
GtkColumnView *qs_task_table_view_get_column_view (QsTaskTableView *self);
GtkTextBuffer *qs_task_table_view_get_items_buffer (QsTaskTableView *self);
/* Writes typed task items back into the plan now; FALSE when none were typed. */
gboolean       qs_task_table_view_commit          (QsTaskTableView *self);
/* The investment of a project table summed per field (领域/类别): a
 * heading line, then "field<TAB>sum" lines and the total; NULL when the
 * table has no investment column. */
char          *qs_task_table_dup_totals           (QsTaskTable     *table);

G_END_DECLS
