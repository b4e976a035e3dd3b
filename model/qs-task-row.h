/* qs-task-row.h: a row of a project table (free columns). */
#pragma once

#include <glib-object.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_TASK_ROW (qs_task_row_get_type ())

G_DECLARE_FINAL_TYPE (QsTaskRow, qs_task_row, QS, TASK_ROW, GObject)

QsTaskRow  *qs_task_row_new         (const char * const *cells);   /* cells may be NULL */
guint       qs_task_row_get_n_cells (QsTaskRow *self);
const char *qs_task_row_get_cell    (QsTaskRow *self, guint column);  /* "" past the end */
void        qs_task_row_set_cell    (QsTaskRow *self, guint column, const char *text);
void        qs_task_row_insert_cell (QsTaskRow *self, guint column, const char *text);
void        qs_task_row_remove_cell (QsTaskRow *self, guint column);

G_END_DECLS
