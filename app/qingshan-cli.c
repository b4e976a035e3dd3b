/* qingshan-cli: the command-line face of Qingshan, for scripts. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qs-cli.h"

typedef struct
{
  const char       *name;
  QsCliCommandFunc  func;
  const char       *summary;
} Command;

static const Command commands[] = {
  { "validate", qs_cli_validate, N_("Check a .qsplan file against the schema") },
  { "export", qs_cli_export, N_("Write a plan as XML or JSON") },
  { "workspace", qs_cli_workspace, N_("List, add, show or remove the plans of a workspace") },
  { "import", qs_cli_import, N_("Rebuild a structured plan from a plan's plain text") },
  { "pdf", qs_cli_pdf, N_("Print a plan or its tables to PDF") },
  { "check", qs_cli_check, N_("Check a district plan against its municipal plan") },
  { "chart", qs_cli_chart, N_("Draw a trend, comparison or completion chart of an indicator") },
  { "compare", qs_cli_compare, N_("Compare plans side by side: CSV, JSON or PDF") },
  { "requirements", qs_cli_requirements, N_("Show or set a municipal plan's requirements on districts") },
  { "catalog", qs_cli_catalog, N_("List or show the indicator catalog; add aliases and entries to a workspace") },
  { "versions", qs_cli_versions, N_("List the saved versions of a plan in a workspace") },
  { "diff", qs_cli_diff, N_("Show what changed between two plans or versions") },
  { "notes", qs_cli_notes, N_("List, add or resolve a plan's review notes") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: qingshan-cli COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “qingshan-cli COMMAND --help” for a command's options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("qingshan-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("qingshan-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  return qs_cli_fail (_("unknown command “%s”; run “qingshan-cli --help”"), argv[1]);
}
