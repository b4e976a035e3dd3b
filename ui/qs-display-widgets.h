/* qs-display-widgets.h: small helpers shared by the widgets. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A "query-tooltip" handler for a GtkLabel: shows the whole text, but only
 * when the label had to cut it short. */
gboolean qs_label_query_tooltip_cb (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip,
                                    gpointer    user_data);
/* The header menu of a table column: "Rename Column…" (editor.rename-column
 * with the column's index). */
GMenuModel *qs_column_header_menu_new (guint index);

G_END_DECLS
