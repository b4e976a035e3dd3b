/* qs-cli-export.c: `qingshan-cli export PLAN --format xml|json [-o OUT]` */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qs-cli.h"

int
qs_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *db = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) rest = NULL;
  gint64 plan_id = 0;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: xml or json (default json)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("Read the plan from the workspace DB"), N_("DB") },
    { "plan", 'p', 0, G_OPTION_ARG_INT64, &plan_id, N_("The plan's id in the workspace"), N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("[FILE.qsplan]") },
    { NULL }
  };

  context = g_option_context_new (_("FILE.qsplan | --workspace DB --plan ID — write a plan as XML or JSON"));
  g_option_context_set_summary (context,
                                _("JSON is the machine-readable contract described in the README; "
                                  "XML is the .qsplan format."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  if (format == NULL)
    format = g_strdup ("json");
  if (strcmp (format, "json") != 0 && strcmp (format, "xml") != 0)
    return qs_cli_fail (_("export: unknown format “%s” (use xml or json)"), format);

  if (plan_id > 0)
    {
      g_autoptr(QsWorkspace) workspace = NULL;

      if (rest != NULL && rest[0] != NULL)
        return qs_cli_fail (_("export: give either a file or --plan, not both"));
      workspace = qs_cli_open_workspace (db, FALSE, &error);
      if (workspace != NULL)
        plan = qs_workspace_load_plan (workspace, plan_id, &error);
    }
  else if (rest != NULL && rest[0] != NULL && rest[1] == NULL)
    plan = qs_cli_load_plan (rest[0], db, &error);
  else
    return qs_cli_fail (_("export: give one FILE.qsplan, or --workspace DB --plan ID"));

  if (plan == NULL)
    return qs_cli_fail_error (error);

  if (strcmp (format, "json") == 0)
    data = qs_plan_to_json_data (plan, &length);
  else
    data = qs_plan_xml_write_data (plan, &length);

  if (!qs_cli_write_output (output, data, length, &error))
    return qs_cli_fail_error (error);
  return 0;
}
