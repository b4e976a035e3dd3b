/* qs-display-widgets.c: small helpers shared by the widgets. */
#define G_LOG_DOMAIN "qs-display"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display-widgets.h"

GMenuModel *
qs_column_header_menu_new (guint index)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("Rename Column…"), NULL);

  g_menu_item_set_action_and_target_value (item, "editor.rename-column", g_variant_new_uint32 (index));
  g_menu_append_item (menu, item);
  return G_MENU_MODEL (menu);
}

gboolean
qs_label_query_tooltip_cb (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip,
                           gpointer    user_data)
{
  GtkLabel *label;

  g_return_val_if_fail (GTK_IS_LABEL (widget), FALSE);

  label = GTK_LABEL (widget);
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}
