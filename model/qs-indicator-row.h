/* qs-indicator-row.h: one row of an indicator table. */
#pragma once

#include <glib-object.h>
#include "qs-types.h"
#include "qs-value.h"

G_BEGIN_DECLS

#define QS_TYPE_INDICATOR_ROW (qs_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (QsIndicatorRow, qs_indicator_row, QS, INDICATOR_ROW, GObject)

/* A row keeps both what is written in each cell (one cell per table column,
 * exactly as written; "" for an empty or merged cell) and what the row means:
 * its effective category (inherited from a merged cell), number, name, the
 * clean indicator name, unit, attribute (约束性/预期性) and parent row name
 * for sub-rows.  QsIndicatorTable keeps the two in step when a structural
 * cell is edited through qs_indicator_table_set_cell(). */
QsIndicatorRow *qs_indicator_row_new            (void);

const char     *qs_indicator_row_get_category   (QsIndicatorRow *self);
void            qs_indicator_row_set_category   (QsIndicatorRow *self, const char *category);
const char     *qs_indicator_row_get_number     (QsIndicatorRow *self);   /* as printed: "3", "3*", "17**" */
void            qs_indicator_row_set_number     (QsIndicatorRow *self, const char *number);
const char     *qs_indicator_row_get_name       (QsIndicatorRow *self);   /* exact name cell */
void            qs_indicator_row_set_name       (QsIndicatorRow *self, const char *name);
const char     *qs_indicator_row_get_indicator  (QsIndicatorRow *self);   /* name without numbering, unit, markers */
void            qs_indicator_row_set_indicator  (QsIndicatorRow *self, const char *indicator);
const char     *qs_indicator_row_get_unit       (QsIndicatorRow *self);   /* or NULL */
void            qs_indicator_row_set_unit       (QsIndicatorRow *self, const char *unit);
const char     *qs_indicator_row_get_attribute  (QsIndicatorRow *self);   /* "约束性", "预期性" or NULL */
void            qs_indicator_row_set_attribute  (QsIndicatorRow *self, const char *attribute);
const char     *qs_indicator_row_get_parent     (QsIndicatorRow *self);   /* parent row's name, or NULL */
void            qs_indicator_row_set_parent     (QsIndicatorRow *self, const char *parent);
/* Catalog link (issue: catalog); NULL while unlinked. */
const char     *qs_indicator_row_get_indicator_id (QsIndicatorRow *self);
void            qs_indicator_row_set_indicator_id (QsIndicatorRow *self, const char *id);

guint           qs_indicator_row_get_n_cells    (QsIndicatorRow *self);
/* "" for a cell beyond the row's end. */
const char     *qs_indicator_row_get_cell       (QsIndicatorRow *self, guint column);
/* Grows the row with "" cells as needed.  Emits "cell-changed". */
void            qs_indicator_row_set_cell       (QsIndicatorRow *self, guint column, const char *text);
void            qs_indicator_row_insert_cell    (QsIndicatorRow *self, guint column, const char *text);
void            qs_indicator_row_remove_cell    (QsIndicatorRow *self, guint column);
/* The parsed reading of a cell (cached; owned by the row). */
const QsValue  *qs_indicator_row_get_value      (QsIndicatorRow *self, guint column);

QsIndicatorRow *qs_indicator_row_copy           (QsIndicatorRow *self);

G_END_DECLS
