/* qs-table-column.h: one column of an indicator or task table. */
#pragma once

#include <glib-object.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_TABLE_COLUMN (qs_table_column_get_type ())

G_DECLARE_FINAL_TYPE (QsTableColumn, qs_table_column, QS, TABLE_COLUMN, GObject)

/* @header is the header cell as written (it may hold "\n"); the role is
 * guessed from it when @role is -1. */
QsTableColumn *qs_table_column_new        (const char    *header,
                                           int            role);
const char    *qs_table_column_get_header (QsTableColumn *self);
void           qs_table_column_set_header (QsTableColumn *self,
                                           const char    *header);
/* The header with all white space removed: "2020年现状值"; the JSON key. */
const char    *qs_table_column_get_name   (QsTableColumn *self);
QsColumnRole   qs_table_column_get_role   (QsTableColumn *self);
void           qs_table_column_set_role   (QsTableColumn *self,
                                           QsColumnRole   role);
/* The year named in the header (2020 for 2020年目标值), 0 if none. */
int            qs_table_column_get_year   (QsTableColumn *self);

G_END_DECLS
