/* qs-indicator-table.h: an indicator table (目标指标, 指标完成情况 …). */
#pragma once

#include <gio/gio.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_INDICATOR_TABLE (qs_indicator_table_get_type ())

G_DECLARE_FINAL_TYPE (QsIndicatorTable, qs_indicator_table, QS, INDICATOR_TABLE, GObject)

QsIndicatorTable *qs_indicator_table_new           (void);
/* The table's label as printed ("表2-1", "专栏1"), or NULL. */
const char       *qs_indicator_table_get_label     (QsIndicatorTable *self);
void              qs_indicator_table_set_label     (QsIndicatorTable *self, const char *label);
/* The whole caption line as written ("表2-1 黔江区…目标指标"). */
const char       *qs_indicator_table_get_caption   (QsIndicatorTable *self);
void              qs_indicator_table_set_caption   (QsIndicatorTable *self, const char *caption);
GListStore       *qs_indicator_table_get_columns   (QsIndicatorTable *self);   /* of QsTableColumn */
GListStore       *qs_indicator_table_get_rows      (QsIndicatorTable *self);   /* of QsIndicatorRow */
/* Notes below the table, one string per note, exactly as written. */
const char * const *qs_indicator_table_get_notes   (QsIndicatorTable *self);
void              qs_indicator_table_set_notes     (QsIndicatorTable *self, const char * const *notes);
void              qs_indicator_table_add_note      (QsIndicatorTable *self, const char *note);

QsTableColumn    *qs_indicator_table_get_column    (QsIndicatorTable *self, guint index);   /* borrowed, or NULL */
int               qs_indicator_table_find_column   (QsIndicatorTable *self, QsColumnRole role); /* first, or -1 */
QsIndicatorRow   *qs_indicator_table_get_row       (QsIndicatorTable *self, guint index);   /* borrowed, or NULL */
/* Sets a cell and keeps the row's meaning in step with a structural
 * column (category, number, name, unit, attribute). */
void              qs_indicator_table_set_cell      (QsIndicatorTable *self, guint row, guint column, const char *text);
/* Inserts a column in every row at @index ("" cells). */
void              qs_indicator_table_insert_column (QsIndicatorTable *self, guint index, QsTableColumn *column);
void              qs_indicator_table_remove_column (QsIndicatorTable *self, guint index);

G_END_DECLS
