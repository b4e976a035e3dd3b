/* qs-outline.h: the outline of a plan as a tree of list models. */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"

G_BEGIN_DECLS

/* A tree of the plan's front matter, chapters (→ sections → subsections)
 * and back matter; each section also lists its tables (QsIndicatorTable,
 * QsTaskTable) before its child sections, in document order.  The models
 * follow the plan's GListStores, so edits show up in the outline. */
GtkTreeListModel *qs_outline_model_new       (QsPlan           *plan);
/* Expands every chapter (the top level), leaving deeper levels closed. */
void              qs_outline_expand_chapters (GtkTreeListModel *model);
/* The position of the first row whose item's display title contains
 * @text, expanding rows to reach it; G_MAXUINT when none. */
guint             qs_outline_find            (GtkTreeListModel *model,
                                              const char       *text);
/* The same for the row showing @item itself. */
guint             qs_outline_find_item       (GtkTreeListModel *model,
                                              gpointer          item);
/* The same for the first row whose item is of @type (QS_TYPE_INDICATOR_TABLE …). */
guint             qs_outline_find_type       (GtkTreeListModel *model,
                                              GType             type);

G_END_DECLS
