/* qs-link-dialog.c: links an indicator row to a catalog entry by hand.
 *
 * A row the linker cannot place (a name the catalog has never seen) is
 * linked by choosing its entry from the catalog; the row's name may also
 * be remembered as an alias, so that the next plan writing it the same
 * way links without help.
 */
#define G_LOG_DOMAIN "qs-link-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qs-linker.h"
#include "qs-link-dialog.h"

struct _QsLinkDialog
{
  AdwWindow           parent_instance;

  QsCatalog          *catalog;
  char               *row_name;
  char               *query;         /* lower-cased search text */
  char               *query_key;     /* the same, normalised as the catalog compares names */
  GtkCustomFilter    *filter;
  gboolean            setting_text;  /* the entry is being set from code */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  AdwWindowTitle     *window_title;
  GtkButton          *link_button;
  GtkLabel           *intro_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkCheckButton     *remember_check;
};

G_DEFINE_FINAL_TYPE (QsLinkDialog, qs_link_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_strdown (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
entry_matches (gpointer item,
               gpointer user_data)
{
  QsLinkDialog *self = user_data;
  QsCatalogEntry *entry = item;
  const char * const *aliases;
  const char * const *units;

  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;
  if (contains (qs_catalog_entry_get_name (entry), self->query) ||
      contains (qs_catalog_entry_get_id (entry), self->query) ||
      contains (qs_catalog_entry_get_field (entry), self->query))
    return TRUE;
  aliases = qs_catalog_entry_get_aliases (entry);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (contains (aliases[i], self->query))
      return TRUE;
  units = qs_catalog_entry_get_units (entry);
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    if (contains (units[i], self->query))
      return TRUE;
  /* 单位地区生产总值 finds 单位GDP…: the catalog's own normalisation. */
  if (self->query_key != NULL && self->query_key[0] != '\0')
    {
      g_autofree char *key = qs_catalog_normalise_name (self->catalog, qs_catalog_entry_get_name (entry));

      if (key != NULL && strstr (key, self->query_key) != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
entry_details (QsCatalogEntry *entry)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char * const *aliases = qs_catalog_entry_get_aliases (entry);
  const char *unit = qs_catalog_entry_get_unit (entry);
  const char *field = qs_catalog_entry_get_field (entry);

  if (field != NULL && field[0] != '\0')
    g_string_append (details, field);
  if (unit != NULL && unit[0] != '\0')
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", unit);
  if (qs_catalog_entry_get_binding (entry))
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", _("binding"));
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      /* The other names; long lists are cut short by the label, the
       * tooltip has them all. */
      for (guint i = 0; aliases[i] != NULL; i++)
        if (g_strcmp0 (aliases[i], qs_catalog_entry_get_name (entry)) != 0)
          g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "", aliases[i]);
      if (names->len > 0)
        g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "", names->str);
    }
  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0.0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (details), 3);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  QsCatalogEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  g_autofree char *text = entry_details (entry);

  gtk_label_set_label (GTK_LABEL (title), qs_catalog_entry_get_name (entry));
  gtk_label_set_label (GTK_LABEL (details), text);
  gtk_widget_set_tooltip_text (box, text);
}

static void
update_state (QsLinkDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "none");
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button),
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
search_changed_cb (QsLinkDialog *self)
{
  if (self->setting_text)
    return;
  qs_link_dialog_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
link_clicked_cb (QsLinkDialog *self)
{
  qs_link_dialog_confirm (self);
}

static void
list_activate_cb (QsLinkDialog *self,
                  guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  qs_link_dialog_confirm (self);
}

static void
qs_link_dialog_dispose (GObject *object)
{
  QsLinkDialog *self = (QsLinkDialog *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_LINK_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (qs_link_dialog_parent_class)->dispose (object);
}

static void
qs_link_dialog_finalize (GObject *object)
{
  QsLinkDialog *self = (QsLinkDialog *)object;

  g_free (self->row_name);
  g_free (self->query);
  g_free (self->query_key);

  G_OBJECT_CLASS (qs_link_dialog_parent_class)->finalize (object);
}

static void
qs_link_dialog_class_init (QsLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_link_dialog_dispose;
  object_class->finalize = qs_link_dialog_finalize;

  /**
   * QsLinkDialog::chosen:
   * @id: the chosen entry's id
   * @remember: whether the row's name is to be remembered as an alias
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QsLinkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, QsLinkDialog, link_button);
  gtk_widget_class_bind_template_child (widget_class, QsLinkDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, QsLinkDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QsLinkDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QsLinkDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, QsLinkDialog, remember_check);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qs_link_dialog_init (QsLinkDialog *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->link_button, "clicked", G_CALLBACK (link_clicked_cb), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
}

QsLinkDialog *
qs_link_dialog_new (GtkWindow      *parent,
                    QsCatalog      *catalog,
                    QsIndicatorRow *row)
{
  QsLinkDialog *self;
  QsCatalogEntry *guess = NULL;
  const char *id;
  const char *unit;
  g_autofree char *intro = NULL;
  g_autofree char *remember = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (QS_IS_INDICATOR_ROW (row), NULL);

  self = g_object_new (QS_TYPE_LINK_DIALOG, "transient-for", parent, NULL);
  self->catalog = g_object_ref (catalog);
  self->row_name = g_strdup (qs_indicator_row_get_name (row) != NULL && qs_indicator_row_get_name (row)[0] != '\0'
                             ? qs_indicator_row_get_name (row)
                             : qs_indicator_row_get_indicator (row));
  if (self->row_name == NULL)
    self->row_name = g_strdup ("");

  self->filter = gtk_custom_filter_new (entry_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (qs_catalog_get_entries (catalog)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_state), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  adw_window_title_set_subtitle (self->window_title, self->row_name);
  unit = qs_indicator_row_get_unit (row);
  if (unit != NULL && unit[0] != '\0')
    intro = g_strdup_printf (_("Choose the catalog indicator that the row “%s” (%s) measures."),
                             self->row_name, unit);
  else
    intro = g_strdup_printf (_("Choose the catalog indicator that the row “%s” measures."), self->row_name);
  gtk_label_set_label (self->intro_label, intro);
  remember = g_strdup_printf (_("Also _remember “%s” as a name of this indicator in the workspace’s catalog"),
                              self->row_name);
  gtk_check_button_set_label (self->remember_check, remember);
  gtk_widget_set_visible (GTK_WIDGET (self->remember_check), self->row_name[0] != '\0');

  /* Start from the current link, else the linker's guess. */
  id = qs_indicator_row_get_indicator_id (row);
  if (id == NULL && (guess = qs_linker_find_entry (catalog, row)) != NULL)
    id = qs_catalog_entry_get_id (guess);
  if (id != NULL)
    qs_link_dialog_select_id (self, id);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

void
qs_link_dialog_set_search_text (QsLinkDialog *self,
                                const char   *text)
{
  g_autofree char *keep = NULL;

  g_return_if_fail (QS_IS_LINK_DIALOG (self));

  keep = g_strdup (qs_link_dialog_get_selected_id (self));
  g_free (self->query);
  g_free (self->query_key);
  self->query = text != NULL ? g_utf8_strdown (text, -1) : NULL;
  self->query_key = text != NULL && text[0] != '\0' ? qs_catalog_normalise_name (self->catalog, text) : NULL;
  /* Setting the entry clears it first, which it reports at once. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text != NULL ? text : "") != 0)
    {
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->setting_text = FALSE;
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* Keep the choice when it still matches; else the first match. */
  if (keep == NULL || !qs_link_dialog_select_id (self, keep))
    gtk_single_selection_set_selected (self->selection,
                                       g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                       ? 0 : GTK_INVALID_LIST_POSITION);
  update_state (self);
}

guint
qs_link_dialog_get_n_matches (QsLinkDialog *self)
{
  g_return_val_if_fail (QS_IS_LINK_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

const char *
qs_link_dialog_get_selected_id (QsLinkDialog *self)
{
  QsCatalogEntry *entry;

  g_return_val_if_fail (QS_IS_LINK_DIALOG (self), NULL);

  entry = gtk_single_selection_get_selected_item (self->selection);
  return entry != NULL ? qs_catalog_entry_get_id (entry) : NULL;
}

gboolean
qs_link_dialog_select_id (QsLinkDialog *self,
                          const char   *id)
{
  guint n;

  g_return_val_if_fail (QS_IS_LINK_DIALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (qs_catalog_entry_get_id (entry), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
qs_link_dialog_get_remember_alias (QsLinkDialog *self)
{
  g_return_val_if_fail (QS_IS_LINK_DIALOG (self), FALSE);
  return gtk_check_button_get_active (self->remember_check);
}

void
qs_link_dialog_set_remember_alias (QsLinkDialog *self,
                                   gboolean      remember)
{
  g_return_if_fail (QS_IS_LINK_DIALOG (self));
  gtk_check_button_set_active (self->remember_check, remember);
}

gboolean
qs_link_dialog_confirm (QsLinkDialog *self)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (QS_IS_LINK_DIALOG (self), FALSE);

  id = g_strdup (qs_link_dialog_get_selected_id (self));
  if (id == NULL)
    return FALSE;
  g_signal_emit (self, signals[CHOSEN], 0, id,
                 self->row_name[0] != '\0' && qs_link_dialog_get_remember_alias (self));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
