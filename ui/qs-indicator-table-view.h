/* qs-indicator-table-view.h: an indicator table, one column per table column. */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"

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
/* How many value cells of the table could not be read. */
guint             qs_indicator_table_count_unreadable    (QsIndicatorTable     *table);

G_END_DECLS
