/* qs-cli-check.c: `qingshan-cli check PLAN --against MUNICIPAL [--format text|json]` */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qs-catalog.h"
#include "qs-check.h"
#include "qs-cli.h"
#include "qs-linker.h"
#include "qs-requirement.h"

int
qs_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) district = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GListStore) requirements = NULL;
  g_autofree char *against = NULL;
  g_autofree char *format = NULL;
  g_autofree char *db = NULL;
  g_autofree char *requirements_path = NULL;
  g_autofree char *catalog_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean no_requirements = FALSE;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "against", 'a', 0, G_OPTION_ARG_FILENAME, &against,
      N_("The municipal plan: a .qsplan file, or a plan id with --workspace"), N_("MUNICIPAL") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json (default text)"), N_("FORMAT") },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("Read plans given by id from the workspace DB"), N_("DB") },
    { "requirements", 'r', 0, G_OPTION_ARG_FILENAME, &requirements_path,
      N_("The municipal plan's requirements on districts (JSON); by default those the plan carries, "
         "else the file shipped for that plan"),
      N_("FILE") },
    { "no-requirements", 0, 0, G_OPTION_ARG_NONE, &no_requirements,
      N_("Compare with the municipal targets only"), NULL },
    { "catalog", 'c', 0, G_OPTION_ARG_FILENAME, &catalog_path,
      N_("Extra catalog entries and aliases (JSON) on top of the built-in catalog"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("PLAN") },
    { NULL }
  };

  context = g_option_context_new (_("--against MUNICIPAL — check a district plan against its municipal plan"));
  g_option_context_set_summary (context,
                                _("Compares every row of the district plan's target tables with what the "
                                  "municipal plan requires of that district, says why each row meets or falls "
                                  "short, lists binding indicators the district lacks and checks the last "
                                  "period's completion.  Plans are .qsplan files or, with --workspace, plan ids.  "
                                  "The exit status is 0 whenever the check ran, whatever it found."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  if (format == NULL)
    format = g_strdup ("text");
  if (strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    return qs_cli_fail (_("check: unknown format “%s” (use text or json)"), format);
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return qs_cli_fail (_("check: give one district PLAN and --against MUNICIPAL"));
  if (against == NULL)
    return qs_cli_fail (_("check: give the municipal plan with --against MUNICIPAL"));
  if (requirements_path != NULL && no_requirements)
    return qs_cli_fail (_("check: give either --requirements or --no-requirements, not both"));

  catalog = qs_cli_load_catalog (catalog_path, &error);
  if (catalog == NULL)
    return qs_cli_fail_error (error);

  district = qs_cli_load_plan (rest[0], db, &error);
  if (district == NULL)
    return qs_cli_fail_error (error);
  municipal = qs_cli_load_plan (against, db, &error);
  if (municipal == NULL)
    return qs_cli_fail_error (error);

  if (!no_requirements && !qs_cli_find_requirements (municipal, requirements_path, &requirements, &error))
    return qs_cli_fail_error (error);

  /* Rows link by name in memory; links set by hand are kept. */
  qs_linker_link_plan (catalog, district, QS_LINK_DEFAULT, NULL);
  qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);

  check = qs_check_new (catalog);
  qs_check_set_requirements (check, requirements ? G_LIST_MODEL (requirements) : NULL);
  qs_check_run (check, district, municipal);

  if (strcmp (format, "json") == 0)
    data = qs_check_to_json_data (check, &length);
  else
    {
      data = qs_check_to_text (check);
      length = strlen (data);
    }

  if (!qs_cli_write_output (output, data, length, &error))
    return qs_cli_fail_error (error);
  return 0;
}
