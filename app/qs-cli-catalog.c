/* qs-cli-catalog.c: `qingshan-cli catalog [--workspace WS] --list | --show ID |
 * --add-alias ID NAME | --add-entry FILE.json | --export-extensions` */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "qs-cli.h"

static void
print_list (const char         *label,
            const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = g_strjoinv ("、", (char **) values);
  printf ("%s: %s\n", label, joined);
}

static int
list_entries (QsCatalog *catalog)
{
  GListModel *entries = qs_catalog_get_entries (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);
      const char *unit = qs_catalog_entry_get_unit (entry);
      const char *field = qs_catalog_entry_get_field (entry);

      /* Tab-separated so scripts can cut(1) it: id, name, unit, field. */
      printf ("%s\t%s\t%s\t%s\n", qs_catalog_entry_get_id (entry),
              qs_catalog_entry_get_name (entry), unit ? unit : "", field ? field : "");
    }
  return 0;
}

static int
show_entry (QsCatalog  *catalog,
            const char *id)
{
  QsCatalogEntry *entry = qs_catalog_lookup_id (catalog, id);
  const char *unit, *field, *note;

  if (entry == NULL)
    return qs_cli_fail (_("catalog: no indicator with id “%s”; run “qingshan-cli catalog --list”"), id);

  unit = qs_catalog_entry_get_unit (entry);
  field = qs_catalog_entry_get_field (entry);
  note = qs_catalog_entry_get_note (entry);
  printf ("%s: %s\n", _("Id"), qs_catalog_entry_get_id (entry));
  printf ("%s: %s\n", _("Name"), qs_catalog_entry_get_name (entry));
  print_list (_("Aliases"), qs_catalog_entry_get_aliases (entry));
  if (unit != NULL)
    printf ("%s: %s\n", _("Unit"), unit);
  print_list (_("Units"), qs_catalog_entry_get_units (entry));
  printf ("%s: %s\n", _("Better"), qs_better_to_string (qs_catalog_entry_get_better (entry)));
  if (field != NULL)
    printf ("%s: %s\n", _("Field"), field);
  printf ("%s: %s\n", _("Binding"), qs_catalog_entry_get_binding (entry) ? _("yes") : _("no"));
  print_list (_("Related"), qs_catalog_entry_get_related (entry));
  if (note != NULL)
    printf ("%s: %s\n", _("Note"), note);
  return 0;
}

/* The stored extensions as a JSON object to edit, or a new empty document. */
static JsonObject *
extensions_object (QsWorkspace  *workspace,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stored = qs_workspace_get_catalog_extensions (workspace, &local_error);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (stored != NULL)
    {
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, stored, -1, error))
        return NULL;
      root = json_parser_get_root (parser);
      /* The workspace validated the document when it was stored. */
      g_assert (JSON_NODE_HOLDS_OBJECT (root));
      object = json_node_dup_object (root);
    }
  else
    {
      object = json_object_new ();
      json_object_set_string_member (object, "format", "qingshan-catalog");
      json_object_set_int_member (object, "version", 1);
    }
  if (!json_object_has_member (object, "indicators"))
    json_object_set_array_member (object, "indicators", json_array_new ());
  return object;
}

static gboolean
store_extensions (QsWorkspace  *workspace,
                  JsonObject   *object,
                  GError      **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);
  return qs_workspace_set_catalog_extensions (workspace, data, error);
}

/* The extension object of entry @id, added when there is none yet. */
static JsonObject *
extension_for (JsonArray  *indicators,
               const char *id)
{
  JsonObject *object;

  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      JsonNode *element = json_array_get_element (indicators, i);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (element),
                                                                 "id", NULL), id) == 0)
        return json_node_get_object (element);
    }
  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  json_array_add_object_element (indicators, object);
  return object;
}

static int
add_alias (QsWorkspace *workspace,
           QsCatalog   *catalog,
           const char  *id,
           const char  *alias)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = NULL;
  JsonObject *extension;
  JsonArray *aliases;

  if (qs_catalog_lookup_id (catalog, id) == NULL)
    return qs_cli_fail (_("catalog: no indicator with id “%s”; run “qingshan-cli catalog --list”"), id);
  if (*alias == '\0')
    return qs_cli_fail (_("catalog --add-alias: the alias is empty"));

  if (!(document = extensions_object (workspace, &error)))
    return qs_cli_fail_error (error);
  extension = extension_for (json_object_get_array_member (document, "indicators"), id);
  if (!json_object_has_member (extension, "aliases"))
    json_object_set_array_member (extension, "aliases", json_array_new ());
  aliases = json_object_get_array_member (extension, "aliases");
  for (guint i = 0; i < json_array_get_length (aliases); i++)
    if (g_strcmp0 (json_array_get_string_element (aliases, i), alias) == 0)
      return 0;
  json_array_add_string_element (aliases, alias);

  if (!store_extensions (workspace, document, &error))
    return qs_cli_fail_error (error);
  return 0;
}

/* Adds the entries of a catalog document (a new entry, or an object
 * extending an existing one) to the stored extensions. */
static int
add_entries (QsWorkspace *workspace,
             const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) document = NULL;
  JsonArray *stored, *added;
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, &error))
    return qs_cli_fail (_("catalog --add-entry: %s: %s"), path, error->message);
  root = json_parser_get_root (parser);
  /* One entry object, or a catalog document with "indicators". */
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "indicators"))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (root), "indicators");

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return qs_cli_fail (_("catalog --add-entry: %s: “indicators” must be a list of indicator objects"), path);
      added = json_array_ref (json_node_get_array (member));
    }
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      added = json_array_new ();
      json_array_add_element (added, json_node_copy (root));
    }
  else
    return qs_cli_fail (_("catalog --add-entry: %s: expected an indicator object or a catalog document"), path);

  if (!(document = extensions_object (workspace, &error)))
    {
      json_array_unref (added);
      return qs_cli_fail_error (error);
    }
  stored = json_object_get_array_member (document, "indicators");
  for (guint i = 0; i < json_array_get_length (added); i++)
    {
      JsonNode *element = json_array_get_element (added, i);
      const char *id = NULL;
      gboolean replaced = FALSE;

      if (JSON_NODE_HOLDS_OBJECT (element))
        id = json_object_get_string_member_with_default (json_node_get_object (element), "id", NULL);
      if (id == NULL)
        {
          json_array_unref (added);
          return qs_cli_fail (_("catalog --add-entry: %s: indicator %u has no “id”"), path, i + 1);
        }
      /* A second description of an entry the user added replaces it. */
      for (guint k = 0; k < json_array_get_length (stored) && !replaced; k++)
        {
          JsonNode *old = json_array_get_element (stored, k);

          if (JSON_NODE_HOLDS_OBJECT (old) &&
              g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (old), "id", NULL), id) == 0)
            {
              json_array_remove_element (stored, k);
              replaced = TRUE;
            }
        }
      json_array_add_element (stored, json_node_copy (element));
    }
  json_array_unref (added);

  if (!store_extensions (workspace, document, &error))
    return qs_cli_fail_error (error);
  return 0;
}

int
qs_cli_catalog (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) workspace = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autofree char *db = NULL;
  g_autofree char *show = NULL;
  g_autofree char *add_entry = NULL;
  g_autofree char *default_path = qs_workspace_default_path ();
  g_auto(GStrv) rest = NULL;
  gboolean list = FALSE, export = FALSE, alias = FALSE;
  int n_actions;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file (default: the user's workspace)"), N_("WS") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the indicators: id, name, unit, field (tab-separated)"), NULL },
    { "show", 's', 0, G_OPTION_ARG_STRING, &show, N_("Show one indicator"), N_("ID") },
    { "add-alias", 'a', 0, G_OPTION_ARG_NONE, &alias, N_("Add alias NAME to indicator ID (arguments ID NAME)"), NULL },
    { "add-entry", 'e', 0, G_OPTION_ARG_FILENAME, &add_entry, N_("Add the indicator(s) of a JSON file, or extend existing ones"), N_("FILE.json") },
    { "export-extensions", 'x', 0, G_OPTION_ARG_NONE, &export, N_("Print the workspace's catalog extensions as a catalog document"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("[ID NAME]") },
    { NULL }
  };

  context = g_option_context_new (_("— the indicator catalog with the workspace's additions"));
  g_option_context_set_summary (context,
                                _("The built-in catalog merged with the entries and aliases the "
                                  "workspace adds. --add-alias and --add-entry change the "
                                  "workspace's extensions; --export-extensions prints them."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  n_actions = (list ? 1 : 0) + (show != NULL ? 1 : 0) + (alias ? 1 : 0) +
              (add_entry != NULL ? 1 : 0) + (export ? 1 : 0);
  if (n_actions != 1)
    return qs_cli_fail (_("catalog: give exactly one of --list, --show ID, --add-alias ID NAME, "
                          "--add-entry FILE.json, --export-extensions"));
  if (alias && (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL))
    return qs_cli_fail (_("catalog --add-alias: give an indicator id and the alias: --add-alias ID NAME"));
  if (!alias && rest != NULL && rest[0] != NULL)
    return qs_cli_fail (_("catalog: unexpected argument “%s”"), rest[0]);

  if (add_entry != NULL && !g_file_test (add_entry, G_FILE_TEST_IS_REGULAR))
    return qs_cli_fail (_("catalog --add-entry: there is no file “%s”"), add_entry);

  /* Adding creates a workspace; reading needs one, except that the
   * built-in catalog is listed without any. */
  if (db != NULL || alias || add_entry != NULL || export ||
      g_file_test (default_path, G_FILE_TEST_EXISTS))
    {
      workspace = qs_cli_open_workspace (db, alias || add_entry != NULL, &error);
      if (workspace == NULL)
        return qs_cli_fail_error (error);
    }

  if (export)
    {
      g_autofree char *extensions = qs_workspace_get_catalog_extensions (workspace, &error);

      if (error != NULL)
        return qs_cli_fail_error (error);
      if (extensions == NULL)
        extensions = g_strdup ("{\n  \"format\" : \"qingshan-catalog\",\n  \"version\" : 1,\n"
                               "  \"indicators\" : [ ]\n}");
      printf ("%s\n", extensions);
      return 0;
    }
  if (add_entry != NULL)
    return add_entries (workspace, add_entry);

  catalog = workspace != NULL ? qs_workspace_load_catalog (workspace, &error)
                              : qs_catalog_new_default (&error);
  if (catalog == NULL)
    return qs_cli_fail_error (error);
  if (list)
    return list_entries (catalog);
  if (show != NULL)
    return show_entry (catalog, show);
  return add_alias (workspace, catalog, rest[0], rest[1]);
}
