/* qs-cli-validate.c: `qingshan-cli validate FILE.qsplan…` */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "qs-cli.h"

int
qs_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE.qsplan…") },
    { NULL }
  };

  context = g_option_context_new (_("FILE.qsplan… — check plan files against the schema"));
  g_option_context_set_summary (context,
                                _("Reads each file as Qingshan reads it (safe parsing, schema "
                                  "validation) and prints “FILE: ok” or the first error with "
                                  "its line number."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;
  if (files == NULL || files[0] == NULL)
    return qs_cli_fail (_("validate: no file given"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QsPlan) plan = qs_plan_xml_read_file (files[i], &error);

      if (plan == NULL)
        return qs_cli_fail_error (error);
      printf ("%s: ok\n", files[i]);
    }
  return 0;
}
