/* qs-indicator-table-view.h: an indicator table, one column per table column. */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"
#include "qs-check.h"

G_BEGIN_DECLS

#define QS_TYPE_INDICATOR_TABLE_VIEW (qs_indicator_table_view_get_type ())

G_DECLARE_FINAL_TYPE (QsIndicatorTableView, qs_indicator_table_view, QS, INDICATOR_TABLE_VIEW, GtkWidget)

GtkWidget        *qs_indicator_table_view_new            (void);
QsIndicatorTable *qs_indicator_table_view_get_table      (QsIndicatorTableView *self);
void              qs_indicator_table_view_set_table      (QsIndicatorTableView *self,
                                                          QsIndicatorTable     *table);
/* Whether figures still to be assigned from above are marked (unreadable
 * cells are always marked). */
gboolean          qs_indicator_table_view_get_highlight  (QsIndicatorTableView *self);
void              qs_indicator_table_view_set_highlight  (QsIndicatorTableView *self,
                                                          gboolean              highlight);
GtkColumnView    *qs_indicator_table_view_get_column_view (QsIndicatorTableView *self);
/* Starts editing the cell (a row shown on screen); FALSE when it is not. */
gboolean          qs_indicator_table_view_edit_cell      (QsIndicatorTableView *self,
                                                          guint                 row,
                                                          guint                 column);
/* Shows each row's verdict from @check (NULL hides the status column).
 * The status column comes first on screen but is no table column:
 * @column above stays a table column index. */
void              qs_indicator_table_view_set_check      (QsIndicatorTableView *self,
                                                          QsCheck              *check);
QsCheck          *qs_indicator_table_view_get_check      (QsIndicatorTableView *self);
/* The finding shown on row @row, or NULL. */
QsCheckFinding   *qs_indicator_table_view_get_row_finding (QsIndicatorTableView *self,
                                                          guint                 row);
/* The badge widget of row @row while it is on screen, or NULL. */
GtkWidget        *qs_indicator_table_view_get_badge      (QsIndicatorTableView *self,
                                                          guint                 row);
/* Selects row @row and scrolls to it. */
void              qs_indicator_table_view_select_row     (QsIndicatorTableView *self,
                                                          guint                 row);
/* How many value cells of the table could not be read. */
guint             qs_indicator_table_count_unreadable    (QsIndicatorTable     *table);

G_END_DECLS
