/* qs-display-widgets.c: small helpers shared by the widgets. */
#define G_LOG_DOMAIN "qs-display"

#include "config.h"

#include "qs-display-widgets.h"

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
