/* qs-task-table.h: a task box (items) and/or project table (columns, rows). */
#pragma once

#include <gio/gio.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_TASK_TABLE (qs_task_table_get_type ())

G_DECLARE_FINAL_TYPE (QsTaskTable, qs_task_table, QS, TASK_TABLE, GObject)

QsTaskTable        *qs_task_table_new          (void);
const char         *qs_task_table_get_label    (QsTaskTable *self);   /* "专栏3", "表8-1" or NULL */
void                qs_task_table_set_label    (QsTaskTable *self, const char *label);
const char         *qs_task_table_get_caption  (QsTaskTable *self);
void                qs_task_table_set_caption  (QsTaskTable *self, const char *caption);
GListStore         *qs_task_table_get_columns  (QsTaskTable *self);   /* of QsTableColumn, may be empty */
GListStore         *qs_task_table_get_rows     (QsTaskTable *self);   /* of QsTaskRow */
GListStore         *qs_task_table_get_items    (QsTaskTable *self);   /* of QsTaskItem */
const char * const *qs_task_table_get_notes    (QsTaskTable *self);
void                qs_task_table_set_notes    (QsTaskTable *self, const char * const *notes);
void                qs_task_table_add_note     (QsTaskTable *self, const char *note);

G_END_DECLS
