/* qs-catalog-window.c: browses the indicator catalog and edits the user's additions.
 *
 * The built-in catalog is data compiled into the model; what the user adds
 * lives in the workspace as one extension document (a catalog JSON holding
 * only new entries and extended ones).  Every change here edits a fresh
 * copy of that document and hands it to qs_workspace_set_catalog_extensions(),
 * which validates and stores it in one transaction: on error nothing is
 * stored and the message is shown above the list.
 */
#define G_LOG_DOMAIN "qs-catalog-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qs-catalog.h"
#include "qs-catalog-window.h"

struct _QsCatalogWindow
{
  AdwWindow           parent_instance;

  QsWorkspace        *workspace;
  /* What is shown: built-in + extensions; and the built-in alone, to tell
   * the user's additions from extensions of built-in entries. */
  QsCatalog          *catalog;
  QsCatalog          *builtin;
  /* The stored extension document, as text (NULL: none). */
  char               *extensions;
  /* id → "added" or "extended" */
  GHashTable         *origins;
  /* id → the aliases the user added (GStrv) */
  GHashTable         *user_aliases;
  /* The id of the last generated id, to know whether the user typed one. */
  char               *generated_id;

  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;

  AdwWindowTitle     *window_title;
  GtkWidget          *back_button;
  GtkWidget          *new_button;
  GtkWidget          *create_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *field_dropdown;
  GtkStringList      *field_filter_list;
  GtkCheckButton     *mine_check;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *origin_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *unit_column;
  GtkColumnViewColumn *better_column;
  GtkColumnViewColumn *field_column;
  GtkColumnViewColumn *aliases_column;
  GtkEntry           *alias_entry;
  GtkLabel           *count_label;
  AdwEntryRow        *name_row;
  AdwEntryRow        *id_row;
  AdwEntryRow        *unit_row;
  AdwComboRow        *better_row;
  AdwComboRow        *field_row;
  AdwComboRow        *attribute_row;
  AdwEntryRow        *aliases_row;
  GtkLabel           *form_error;
};

G_DEFINE_FINAL_TYPE (QsCatalogWindow, qs_catalog_window, ADW_TYPE_WINDOW)

enum {
  CATALOG_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields of resources/catalog.json: data, as the plans write them. */
static const char * const fields[] = { "环境质量", "污染减排", "生态保护", "绿色低碳", "环境风险" };

/* better_row lists the directions in this order. */
static const QsBetter betters[] = {
  QS_BETTER_HIGHER,
  QS_BETTER_LOWER,
  QS_BETTER_REDUCTION,
  QS_BETTER_WATER_CLASS,
  QS_BETTER_NONE,
};

typedef enum
{
  COLUMN_ORIGIN,
  COLUMN_NAME,
  COLUMN_ID,
  COLUMN_UNIT,
  COLUMN_BETTER,
  COLUMN_FIELD,
  COLUMN_ALIASES,
} Column;

static void
show_error (QsCatalogWindow *self,
            const char      *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
set_form_error (QsCatalogWindow *self,
                const char      *message)
{
  gtk_label_set_text (self->form_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), message != NULL);
}

static const char *
origin_of (QsCatalogWindow *self,
           QsCatalogEntry  *entry)
{
  return g_hash_table_lookup (self->origins, qs_catalog_entry_get_id (entry));
}

/* The extension document as a JSON tree to edit: a fresh parse each time,
 * so that a failed save leaves nothing half-changed. */
static JsonNode *
parse_extensions (QsCatalogWindow  *self,
                  GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (self->extensions != NULL && *self->extensions != '\0')
    {
      if (!json_parser_load_from_data (parser, self->extensions, -1, error))
        return NULL;
      if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                       _("The workspace’s catalog additions are not a JSON object"));
          return NULL;
        }
      root = json_node_get_object (json_parser_get_root (parser));
      if (!json_object_has_member (root, "indicators"))
        json_object_set_array_member (root, "indicators", json_array_new ());
      return json_node_ref (json_parser_get_root (parser));
    }

  root = json_object_new ();
  json_object_set_string_member (root, "format", "qingshan-catalog");
  json_object_set_int_member (root, "version", 1);
  json_object_set_array_member (root, "indicators", json_array_new ());
  return json_node_init_object (json_node_alloc (), root);
}

static JsonArray *
indicators_of (JsonNode *document)
{
  return json_object_get_array_member (json_node_get_object (document), "indicators");
}

/* The index of the extension of entry @id in @indicators, or -1. */
static int
find_extension (JsonArray  *indicators,
                const char *id)
{
  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      JsonNode *node = json_array_get_element (indicators, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node),
                                                                     "id", NULL), id) == 0)
        return (int) i;
    }
  return -1;
}

static void update_count   (QsCatalogWindow *self);
static void update_actions (QsCatalogWindow *self);

/* Reads the extensions and the merged catalog from the workspace. */
static void
load (QsCatalogWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(JsonNode) document = NULL;

  g_clear_pointer (&self->extensions, g_free);
  g_hash_table_remove_all (self->origins);
  g_hash_table_remove_all (self->user_aliases);

  if (self->workspace != NULL)
    {
      self->extensions = qs_workspace_get_catalog_extensions (self->workspace, &error);
      if (error != NULL)
        {
          show_error (self, error->message);
          g_clear_error (&error);
        }
      catalog = qs_workspace_load_catalog (self->workspace, &error);
      if (catalog == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The catalog additions of this workspace cannot be used, the built-in catalog is shown: %s"),
                                                      error->message);

          show_error (self, message);
          g_clear_error (&error);
        }
    }
  if (catalog == NULL)
    catalog = g_object_ref (self->builtin);
  g_set_object (&self->catalog, catalog);

  document = parse_extensions (self, NULL);
  if (document != NULL)
    {
      JsonArray *indicators = indicators_of (document);

      for (guint i = 0; i < json_array_get_length (indicators); i++)
        {
          JsonNode *node = json_array_get_element (indicators, i);
          const char *id;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL);
          if (id == NULL)
            continue;
          g_hash_table_insert (self->origins, g_strdup (id),
                               qs_catalog_lookup_id (self->builtin, id) != NULL
                               ? (gpointer) "extended" : (gpointer) "added");
          if (json_object_has_member (json_node_get_object (node), "aliases")
              && JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "aliases")))
            {
              JsonArray *aliases = json_object_get_array_member (json_node_get_object (node), "aliases");
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

              for (guint k = 0; k < json_array_get_length (aliases); k++)
                if (JSON_NODE_HOLDS_VALUE (json_array_get_element (aliases, k)))
                  g_strv_builder_add (builder, json_array_get_string_element (aliases, k));
              g_hash_table_insert (self->user_aliases, g_strdup (id), g_strv_builder_end (builder));
            }
        }
    }

  gtk_filter_list_model_set_model (self->filtered, qs_catalog_get_entries (self->catalog));
  update_count (self);
}

/* Stores @document; on success reloads and reports the change. */
static gboolean
save (QsCatalogWindow  *self,
      JsonNode         *document,
      GError          **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  if (self->workspace == NULL)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND,
                   _("No workspace is open: additions to the catalog are stored in a workspace"));
      return FALSE;
    }
  json_generator_set_root (generator, document);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);
  if (json_array_get_length (indicators_of (document)) == 0)
    g_clear_pointer (&data, g_free);
  if (!qs_workspace_set_catalog_extensions (self->workspace, data, error))
    return FALSE;
  load (self);
  update_actions (self);
  show_error (self, NULL);
  g_signal_emit (self, signals[CATALOG_CHANGED], 0);
  return TRUE;
}

/* Filtering. */

static gboolean
text_contains (const char *haystack,
               const char *key)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, key) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  QsCatalogWindow *self = user_data;
  QsCatalogEntry *entry = item;
  const char * const *aliases = qs_catalog_entry_get_aliases (entry);
  guint field = gtk_drop_down_get_selected (self->field_dropdown);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *key = NULL;
  g_autofree char *normalised = NULL;

  if (field != GTK_INVALID_LIST_POSITION && field > 0 && field <= G_N_ELEMENTS (fields)
      && g_strcmp0 (qs_catalog_entry_get_field (entry), fields[field - 1]) != 0)
    return FALSE;
  if (gtk_check_button_get_active (self->mine_check) && origin_of (self, entry) == NULL)
    return FALSE;
  if (*text == '\0')
    return TRUE;

  key = g_utf8_casefold (text, -1);
  if (text_contains (qs_catalog_entry_get_name (entry), key)
      || text_contains (qs_catalog_entry_get_id (entry), key))
    return TRUE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (text_contains (aliases[i], key))
      return TRUE;

  /* A name as a plan writes it (森林覆盖率（%）) finds its entry too. */
  normalised = qs_catalog_normalise_name (self->catalog, text);
  if (normalised != NULL && *normalised != '\0')
    {
      if (qs_catalog_lookup_name (self->catalog, text) == entry)
        return TRUE;
      for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
        {
          g_autofree char *alias = qs_catalog_normalise_name (self->catalog, aliases[i]);

          if (alias != NULL && strstr (alias, normalised) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
update_count (QsCatalogWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->catalog != NULL ? qs_catalog_get_n_entries (self->catalog) : 0;
  guint mine = g_hash_table_size (self->origins);
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;

  count = g_strdup_printf (_("%u of %u shown"), shown, total);
  gtk_label_set_text (self->count_label, count);
  subtitle = g_strdup_printf (_("%u indicators, %u of them added or extended by you"), total, mine);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
filter_changed_cb (QsCatalogWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Cells. */

static char *
cell_text (QsCatalogWindow *self,
           QsCatalogEntry  *entry,
           Column           column)
{
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_ORIGIN:
      text = origin_of (self, entry);
      if (g_strcmp0 (text, "added") == 0)
        return g_strdup (C_("catalog origin", "Added"));
      if (g_strcmp0 (text, "extended") == 0)
        return g_strdup (C_("catalog origin", "Extended"));
      return g_strdup ("");
    case COLUMN_NAME:
      text = qs_catalog_entry_get_name (entry);
      break;
    case COLUMN_ID:
      text = qs_catalog_entry_get_id (entry);
      break;
    case COLUMN_UNIT:
      text = qs_catalog_entry_get_unit (entry);
      break;
    case COLUMN_BETTER:
      text = qs_better_describe (qs_catalog_entry_get_better (entry));
      break;
    case COLUMN_FIELD:
      text = qs_catalog_entry_get_field (entry);
      break;
    case COLUMN_ALIASES:
      {
        const char * const *aliases = qs_catalog_entry_get_aliases (entry);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) others = NULL;
        const char * const *mine = g_hash_table_lookup (self->user_aliases,
                                                         qs_catalog_entry_get_id (entry));

        /* Markup: the canonical name is in its own column, and the
         * user's own aliases are in bold. */
        for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
          if (g_strcmp0 (aliases[i], qs_catalog_entry_get_name (entry)) != 0)
            {
              g_autofree char *markup = NULL;

              if (mine != NULL && g_strv_contains (mine, aliases[i]))
                markup = g_markup_printf_escaped ("<b>%s</b>", aliases[i]);
              else
                markup = g_markup_escape_text (aliases[i], -1);
              g_strv_builder_add (builder, markup);
            }
        others = g_strv_builder_end (builder);
        return g_strjoinv ("、", others);
      }
    default:
      break;
    }
  return g_strdup (text != NULL ? text : "");
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               QsCatalogWindow          *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  if (column == COLUMN_ID)
    {
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_add_css_class (label, "dim-label");
    }
  if (column == COLUMN_ORIGIN)
    gtk_widget_add_css_class (label, "caption");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              QsCatalogWindow          *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  QsCatalogEntry *entry = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = cell_text (self, entry, column);
  const char *origin = origin_of (self, entry);

  if (column == COLUMN_ALIASES)
    {
      gtk_label_set_markup (GTK_LABEL (label), text);
      gtk_widget_set_tooltip_markup (label, *text != '\0' ? text : NULL);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);

  /* The user's additions stand out: an accent origin, and the name too
   * for a whole new entry. */
  if ((column == COLUMN_ORIGIN && origin != NULL)
      || (column == COLUMN_NAME && g_strcmp0 (origin, "added") == 0))
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_remove_css_class (label, "accent");
}

static void
set_column_factory (QsCatalogWindow     *self,
                    GtkColumnViewColumn *column,
                    Column               which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (which));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  gtk_column_view_column_set_factory (column, factory);
}

/* Actions. */

static QsCatalogEntry *
selected_entry (QsCatalogWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Only the user's own additions can be removed. */
static void
update_actions (QsCatalogWindow *self)
{
  QsCatalogEntry *entry = selected_entry (self);
  gboolean writable = self->workspace != NULL && !qs_workspace_is_read_only (self->workspace);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.remove",
                                 writable && entry != NULL && origin_of (self, entry) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.add-alias",
                                 writable && entry != NULL);
}

static void
selection_changed_cb (QsCatalogWindow *self)
{
  update_actions (self);
}

static void
add_alias (QsCatalogWindow *self)
{
  QsCatalogEntry *entry = selected_entry (self);
  g_autofree char *alias = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_entry))));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = NULL;
  QsCatalogEntry *holder;
  JsonArray *indicators;
  JsonObject *extension;
  g_autofree char *id = NULL;
  int index;

  if (entry == NULL)
    {
      show_error (self, _("Select the indicator the alias names."));
      return;
    }
  if (*alias == '\0')
    {
      show_error (self, _("Type the other name first, as a plan writes it."));
      return;
    }
  holder = qs_catalog_lookup_name (self->catalog, alias);
  if (holder == entry)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” already names %s."), alias,
                                                  qs_catalog_entry_get_name (entry));

      show_error (self, message);
      return;
    }
  if (holder != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” already names another indicator, %s (%s): remove it there first or choose another name."),
                                                  alias, qs_catalog_entry_get_name (holder),
                                                  qs_catalog_entry_get_id (holder));

      show_error (self, message);
      return;
    }

  document = parse_extensions (self, &error);
  if (document == NULL)
    {
      show_error (self, error->message);
      return;
    }
  id = g_strdup (qs_catalog_entry_get_id (entry));
  indicators = indicators_of (document);
  index = find_extension (indicators, id);
  if (index < 0)
    {
      extension = json_object_new ();
      json_object_set_string_member (extension, "id", id);
      json_array_add_object_element (indicators, extension);
    }
  else
    extension = json_array_get_object_element (indicators, (guint) index);
  if (!json_object_has_member (extension, "aliases")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (extension, "aliases")))
    json_object_set_array_member (extension, "aliases", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (extension, "aliases"), alias);

  if (!save (self, document, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->alias_entry), "");
}

static void
alias_entry_activate_cb (QsCatalogWindow *self)
{
  add_alias (self);
}

static void
add_alias_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_alias (QS_CATALOG_WINDOW (widget));
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QsCatalogWindow *self = QS_CATALOG_WINDOW (widget);
  QsCatalogEntry *entry = selected_entry (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = NULL;
  int index;

  if (entry == NULL)
    {
      show_error (self, _("Select one of your additions to remove it."));
      return;
    }
  if (origin_of (self, entry) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s is built in: only your own additions can be removed."),
                                                  qs_catalog_entry_get_name (entry));

      show_error (self, message);
      return;
    }
  document = parse_extensions (self, &error);
  if (document == NULL)
    {
      show_error (self, error->message);
      return;
    }
  index = find_extension (indicators_of (document), qs_catalog_entry_get_id (entry));
  if (index >= 0)
    json_array_remove_element (indicators_of (document), (guint) index);
  if (!save (self, document, &error))
    show_error (self, error->message);
}

static void
show_page (QsCatalogWindow *self,
           const char      *page)
{
  gboolean list = g_str_equal (page, "list");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->back_button, !list);
  gtk_widget_set_visible (self->new_button, list);
  gtk_widget_set_visible (self->create_button, !list);
  if (list)
    update_count (self);
  else
    adw_window_title_set_subtitle (self->window_title, _("New Indicator"));
}

/* An id from the ASCII letters and digits of @name ("PM10浓度" → user_pm10),
 * else user_1, user_2 …, never one the catalog has. */
static char *
generate_id (QsCatalogWindow *self,
             const char      *name)
{
  g_autoptr(GString) slug = g_string_new ("user");
  gboolean gap = TRUE;

  for (const char *p = name; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap)
            g_string_append_c (slug, '_');
          g_string_append_c (slug, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  if (slug->len > strlen ("user") && qs_catalog_lookup_id (self->catalog, slug->str) == NULL)
    return g_string_free (g_steal_pointer (&slug), FALSE);
  for (guint n = 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s_%u", slug->str, n);

      if (qs_catalog_lookup_id (self->catalog, id) == NULL)
        return g_steal_pointer (&id);
    }
}

static void
name_changed_cb (QsCatalogWindow *self)
{
  const char *id = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  /* Follow the name until the user types an id of their own. */
  if (*id != '\0' && g_strcmp0 (id, self->generated_id) != 0)
    return;
  g_free (self->generated_id);
  self->generated_id = *name != '\0' ? generate_id (self, name) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), self->generated_id != NULL
                                                      ? self->generated_id : "");
}

static void
new_entry_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QsCatalogWindow *self = QS_CATALOG_WINDOW (widget);

  g_clear_pointer (&self->generated_id, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->aliases_row), "");
  adw_combo_row_set_selected (self->better_row, 0);
  adw_combo_row_set_selected (self->field_row, 0);
  adw_combo_row_set_selected (self->attribute_row, 0);
  set_form_error (self, NULL);
  show_error (self, NULL);
  show_page (self, "new");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static gboolean
id_is_valid (const char *id)
{
  if (!g_ascii_islower (*id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* The other names typed, split at 、 , ， ; ；. */
static GStrv
split_aliases (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) normal = g_string_new (text);
  g_auto(GStrv) parts = NULL;

  g_string_replace (normal, "、", ",", 0);
  g_string_replace (normal, "，", ",", 0);
  g_string_replace (normal, "；", ",", 0);
  g_string_replace (normal, ";", ",", 0);
  parts = g_strsplit (normal->str, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
create_entry_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  QsCatalogWindow *self = QS_CATALOG_WINDOW (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_row))));
  g_autofree char *unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
  g_auto(GStrv) aliases = split_aliases (gtk_editable_get_text (GTK_EDITABLE (self->aliases_row)));
  guint better = adw_combo_row_get_selected (self->better_row);
  guint field = adw_combo_row_get_selected (self->field_row);
  g_autoptr(QsCatalogEntry) entry = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  QsCatalogEntry *holder;

  if (*name == '\0')
    {
      set_form_error (self, _("Name the indicator as the plans name it."));
      return;
    }
  if (*id == '\0')
    {
      g_free (id);
      id = generate_id (self, name);
    }
  if (!id_is_valid (id))
    {
      g_autofree char *message = g_strdup_printf (_("The ID “%s” is not valid: use lower-case letters, digits, _ and -, starting with a letter (e.g. soil_safe_use_rate)."), id);

      set_form_error (self, message);
      return;
    }
  if ((holder = qs_catalog_lookup_id (self->catalog, id)) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The ID “%s” is taken by %s: choose another."),
                                                  id, qs_catalog_entry_get_name (holder));

      set_form_error (self, message);
      return;
    }
  holder = qs_catalog_lookup_name (self->catalog, name);
  for (guint i = 0; holder == NULL && aliases[i] != NULL; i++)
    holder = qs_catalog_lookup_name (self->catalog, aliases[i]);
  if (holder != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The catalog has this indicator already: %s (%s). Add the name as an alias of it instead."),
                                                  qs_catalog_entry_get_name (holder),
                                                  qs_catalog_entry_get_id (holder));

      set_form_error (self, message);
      return;
    }

  entry = qs_catalog_entry_new (id, name);
  qs_catalog_entry_add_alias (entry, name);
  for (guint i = 0; aliases[i] != NULL; i++)
    qs_catalog_entry_add_alias (entry, aliases[i]);
  if (*unit != '\0')
    qs_catalog_entry_set_unit (entry, unit);
  qs_catalog_entry_set_better (entry, better < G_N_ELEMENTS (betters) ? betters[better]
                                                                      : QS_BETTER_NONE);
  if (field < G_N_ELEMENTS (fields))
    qs_catalog_entry_set_field (entry, fields[field]);
  qs_catalog_entry_set_binding (entry, adw_combo_row_get_selected (self->attribute_row) == 1);

  document = parse_extensions (self, &error);
  if (document == NULL)
    {
      set_form_error (self, error->message);
      return;
    }
  json_array_add_element (indicators_of (document), qs_catalog_entry_to_json (entry));
  if (!save (self, document, &error))
    {
      set_form_error (self, error->message);
      return;
    }

  show_page (self, "list");
  /* Show and select the new entry. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->field_dropdown, 0);
  filter_changed_cb (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); i++)
    {
      g_autoptr(QsCatalogEntry) each = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (qs_catalog_entry_get_id (each), id) == 0)
        gtk_single_selection_set_selected (self->selection, i);
    }
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_page (QS_CATALOG_WINDOW (widget), "list");
}

static void
dismiss_error_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  show_error (QS_CATALOG_WINDOW (widget), NULL);
}

static void
qs_catalog_window_dispose (GObject *object)
{
  QsCatalogWindow *self = (QsCatalogWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_CATALOG_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->workspace);
  g_clear_object (&self->catalog);
  g_clear_object (&self->builtin);

  G_OBJECT_CLASS (qs_catalog_window_parent_class)->dispose (object);
}

static void
qs_catalog_window_finalize (GObject *object)
{
  QsCatalogWindow *self = (QsCatalogWindow *)object;

  g_clear_pointer (&self->origins, g_hash_table_unref);
  g_clear_pointer (&self->user_aliases, g_hash_table_unref);
  g_free (self->extensions);
  g_free (self->generated_id);

  G_OBJECT_CLASS (qs_catalog_window_parent_class)->finalize (object);
}

static void
qs_catalog_window_class_init (QsCatalogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_catalog_window_dispose;
  object_class->finalize = qs_catalog_window_finalize;

  /**
   * QsCatalogWindow::catalog-changed:
   *
   * Emitted after the user's additions were saved to the workspace.
   */
  signals[CATALOG_CHANGED] =
    g_signal_new ("catalog-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-catalog-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, create_button);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, field_filter_list);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, mine_check);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, origin_column);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, name_column);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, id_column);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, unit_column);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, better_column);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, field_column);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, aliases_column);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, alias_entry);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, id_row);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, better_row);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, field_row);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, attribute_row);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, QsCatalogWindow, form_error);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, alias_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "catalog.add-alias", NULL, add_alias_action_cb);
  gtk_widget_class_install_action (widget_class, "catalog.remove", NULL, remove_action_cb);
  gtk_widget_class_install_action (widget_class, "catalog.new-entry", NULL, new_entry_action_cb);
  gtk_widget_class_install_action (widget_class, "catalog.create-entry", NULL,
                                   create_entry_action_cb);
  gtk_widget_class_install_action (widget_class, "catalog.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "catalog.dismiss-error", NULL,
                                   dismiss_error_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "catalog.new-entry", NULL);
}

static void
qs_catalog_window_init (QsCatalogWindow *self)
{
  g_autoptr(GtkStringList) field_names = gtk_string_list_new (NULL);

  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->user_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_strfreev);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_string_list_append (self->field_filter_list, fields[i]);
      gtk_string_list_append (field_names, fields[i]);
    }
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (field_names));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  set_column_factory (self, self->origin_column, COLUMN_ORIGIN);
  set_column_factory (self, self->name_column, COLUMN_NAME);
  set_column_factory (self, self->id_column, COLUMN_ID);
  set_column_factory (self, self->unit_column, COLUMN_UNIT);
  set_column_factory (self, self->better_column, COLUMN_BETTER);
  set_column_factory (self, self->field_column, COLUMN_FIELD);
  set_column_factory (self, self->aliases_column, COLUMN_ALIASES);
}

/**
 * qs_catalog_window_new:
 * @parent: (nullable): the main window
 * @workspace: (nullable): where the user's additions are stored
 *
 * Returns: (transfer none): a new window, not yet shown
 */
GtkWidget *
qs_catalog_window_new (GtkWindow   *parent,
                       QsWorkspace *workspace)
{
  QsCatalogWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (QS_TYPE_CATALOG_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->workspace = workspace != NULL ? g_object_ref (workspace) : NULL;
  self->builtin = qs_catalog_new_default (&error);
  if (self->builtin == NULL)
    {
      /* Compiled in: only a broken build gets here. */
      g_critical ("The built-in catalog cannot be read: %s", error->message);
      self->builtin = qs_catalog_new ();
    }
  if (workspace == NULL || qs_workspace_is_read_only (workspace))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.new-entry", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->alias_entry), FALSE);
    }
  load (self);
  update_actions (self);
  return GTK_WIDGET (self);
}

QsCatalog *
qs_catalog_window_get_catalog (QsCatalogWindow *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_WINDOW (self), NULL);
  return self->catalog;
}
