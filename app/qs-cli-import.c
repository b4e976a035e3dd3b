/* qs-cli-import.c: `qingshan-cli import FILE.txt [-o OUT.qsplan] [--workspace DB] [--report]` */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qs-cli.h"

int
qs_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(QsImportReport) report = NULL;
  g_autofree char *output = NULL;
  g_autofree char *db = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean show_report = FALSE;
  gboolean to_stdout;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the plan to FILE (.qsplan; “-” for standard output)"), N_("FILE") },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db,
      N_("Add the plan to the workspace DB and print its id"), N_("DB") },
    { "report", 'r', 0, G_OPTION_ARG_NONE, &show_report,
      N_("Print what was recognised and every doubt, with line numbers"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("FILE.txt") },
    { NULL }
  };

  context = g_option_context_new (_("FILE.txt — rebuild a structured plan from a plan's plain text"));
  g_option_context_set_summary (context,
                                _("Reads UTF-8 (with or without BOM) or GB18030/GBK text.  Without "
                                  "--output or --workspace the plan (.qsplan XML) goes to standard "
                                  "output and the report, if asked for, to standard error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return qs_cli_fail (_("import: give one plain-text FILE.txt"));

  plan = qs_import_text_file (rest[0], &report, &error);
  if (plan == NULL)
    return qs_cli_fail_error (error);

  to_stdout = (output == NULL && db == NULL) || (output != NULL && strcmp (output, "-") == 0);
  if (to_stdout)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      data = qs_plan_xml_write_data (plan, &length);
      if (!qs_cli_write_output (NULL, data, length, &error))
        return qs_cli_fail_error (error);
    }
  else if (output != NULL && !qs_plan_xml_write_file (plan, output, &error))
    return qs_cli_fail_error (error);

  if (db != NULL)
    {
      g_autoptr(QsWorkspace) workspace = qs_cli_open_workspace (db, TRUE, &error);
      gint64 id;

      if (workspace == NULL)
        return qs_cli_fail_error (error);
      id = qs_workspace_add_plan (workspace, plan, &error);
      if (id <= 0)
        return qs_cli_fail_error (error);
      /* The new id goes where the plan does not, so scripts can read it. */
      fprintf (to_stdout ? stderr : stdout, "%" G_GINT64_FORMAT "\n", id);
    }

  if (show_report)
    {
      g_autofree char *text = qs_import_report_to_text (report);

      fputs (text, to_stdout ? stderr : stdout);
    }
  return 0;
}
