/* qs-cli-versions.c: `qingshan-cli versions PLANID` and `qingshan-cli diff A B` */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "qs-cli.h"
#include "qs-plan-diff.h"

static gboolean
parse_positive (const char *text,
                gint64      max,
                gint64     *out)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || *end != '\0' || value <= 0 || value > max)
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
check_format (const char *format)
{
  return format == NULL || strcmp (format, "text") == 0 || strcmp (format, "json") == 0;
}

static gboolean
print_json (JsonNode  *root,
            GError   **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  data = g_strconcat (text, "\n", NULL);
  return qs_cli_write_output (NULL, data, strlen (data), error);
}

int
qs_cli_versions (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *db = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) rest = NULL;
  gint64 plan_id = 0;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file (default: the user's workspace)"), N_("WS") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default: one version per line) or json"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("PLANID") },
    { NULL }
  };

  context = g_option_context_new (_("PLANID — list the saved versions of a plan in a workspace"));
  g_option_context_set_summary (context,
                                _("Prints one version per line: version, saved at (UTC), author, "
                                  "size in bytes (tab-separated). Compare two with "
                                  "“qingshan-cli diff PLANID@1 PLANID@2”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;
  if (!check_format (format))
    return qs_cli_fail (_("versions: unknown format “%s” (use text or json)"), format);
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL || !parse_positive (rest[0], G_MAXINT64, &plan_id))
    return qs_cli_fail (_("versions: give one plan id (a positive number; “qingshan-cli workspace list” shows them)"));

  workspace = qs_cli_open_workspace (db, FALSE, &error);
  if (workspace == NULL)
    return qs_cli_fail_error (error);
  versions = qs_workspace_list_versions (workspace, plan_id, &error);
  if (versions == NULL)
    return qs_cli_fail_error (error);

  if (format != NULL && strcmp (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "plan_id");
      json_builder_add_int_value (b, plan_id);
      json_builder_set_member_name (b, "versions");
      json_builder_begin_array (b);
      for (guint i = 0; i < versions->len; i++)
        {
          QsPlanVersion *v = g_ptr_array_index (versions, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "version");
          json_builder_add_int_value (b, v->version);
          json_builder_set_member_name (b, "saved_at");
          json_builder_add_string_value (b, v->saved_at);
          json_builder_set_member_name (b, "author");
          json_builder_add_string_value (b, v->author);
          json_builder_set_member_name (b, "size");
          json_builder_add_int_value (b, (gint64) v->size);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      if (!print_json (root, &error))
        return qs_cli_fail_error (error);
      return 0;
    }

  for (guint i = 0; i < versions->len; i++)
    {
      QsPlanVersion *v = g_ptr_array_index (versions, i);

      printf ("%d\t%s\t%s\t%" G_GSIZE_FORMAT "\n", v->version, v->saved_at, v->author, v->size);
    }
  return 0;
}

/* A plan named as a .qsplan file, a workspace id, or ID@VERSION. */
static QsPlan *
load_spec (const char  *spec,
           const char  *db,
           GError     **error)
{
  const char *at = strchr (spec, '@');

  if (at != NULL && !g_file_test (spec, G_FILE_TEST_EXISTS))
    {
      g_autofree char *id_text = g_strndup (spec, at - spec);
      g_autoptr(QsWorkspace) workspace = NULL;
      gint64 id = 0, version = 0;

      if (!parse_positive (id_text, G_MAXINT64, &id) || !parse_positive (at + 1, G_MAXINT, &version))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is neither a file nor PLANID@VERSION (such as 3@1)"), spec);
          return NULL;
        }
      workspace = qs_cli_open_workspace (db, FALSE, error);
      if (workspace == NULL)
        return NULL;
      return qs_workspace_load_version (workspace, id, (int) version, error);
    }
  return qs_cli_load_plan (spec, db, error);
}

int
qs_cli_diff (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) a = NULL;
  g_autoptr(QsPlan) b = NULL;
  g_autoptr(QsPlanDiff) diff = NULL;
  g_autofree char *db = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file (default: the user's workspace)"), N_("WS") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("A B") },
    { NULL }
  };

  context = g_option_context_new (_("A B — what changed from plan A to plan B"));
  g_option_context_set_summary (context,
                                _("A and B are .qsplan files, plan ids in the workspace (the "
                                  "plan as it is now) or PLANID@VERSION (a saved version, such "
                                  "as 3@1). Prints sections added, removed and renamed, "
                                  "paragraphs changed ([-deleted-] {+inserted+}), table cells, "
                                  "rows and notes changed. The exit status is 0 either way."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;
  if (!check_format (format))
    return qs_cli_fail (_("diff: unknown format “%s” (use text or json)"), format);
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return qs_cli_fail (_("diff: give two plans: FILE.qsplan, PLANID or PLANID@VERSION"));

  if (!(a = load_spec (rest[0], db, &error)) || !(b = load_spec (rest[1], db, &error)))
    return qs_cli_fail_error (error);

  diff = qs_plan_diff_new (a, b);
  if (format != NULL && strcmp (format, "json") == 0)
    output = qs_plan_diff_to_json_data (diff, &length);
  else
    {
      output = qs_plan_diff_to_text (diff);
      length = strlen (output);
    }
  if (!qs_cli_write_output (NULL, output, length, &error))
    return qs_cli_fail_error (error);
  return 0;
}
