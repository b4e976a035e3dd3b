/* qs-cli-pdf.c: `qingshan-cli pdf PLAN [--tables indicators|all|CAPTION]
 * [--landscape|--portrait] [--check [--against MUNICIPAL]] [--workspace DB]
 * -o OUT.pdf` */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qs-check.h"
#include "qs-chart-print.h"
#include "qs-cli.h"
#include "qs-linker.h"
#include "qs-paginator.h"
#include "qs-plan-check.h"

/* The check behind --check: against @against (a file, or an id in @db),
 * else against the municipal plan of the workspace that the district
 * answers to, else (none there) of the baselines and completion alone. */
static QsCheck *
run_check (QsPlan      *district,
           const char  *against,
           const char  *db,
           GError     **error)
{
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(GListStore) requirements = NULL;
  QsCheck *check;

  catalog = qs_cli_load_catalog (NULL, error);
  if (catalog == NULL)
    return NULL;
  if (against != NULL)
    {
      municipal = qs_cli_load_plan (against, db, error);
      if (municipal == NULL)
        return NULL;
    }
  else
    {
      g_autoptr(QsWorkspace) workspace = NULL;
      g_autoptr(GError) local_error = NULL;

      /* No workspace yet is not an error: the check goes without. */
      workspace = qs_cli_open_workspace (db, FALSE, db != NULL ? error : &local_error);
      if (workspace == NULL && db != NULL)
        return NULL;
      if (workspace != NULL)
        {
          municipal = qs_plan_check_find_municipal (district, workspace, error);
          if (municipal == NULL && error != NULL && *error != NULL)
            return NULL;
        }
      if (municipal == NULL)
        g_printerr (_("qingshan-cli: pdf: no municipal plan in the workspace for “%s”; "
                      "the check column shows the baseline and completion checks only "
                      "(give the municipal plan with --against)\n"),
                    qs_plan_get_title (district));
    }
  if (municipal != NULL && !qs_cli_find_requirements (municipal, NULL, &requirements, error))
    return NULL;

  /* Rows link by name in memory, as `qingshan-cli check` links them. */
  qs_linker_link_plan (catalog, district, QS_LINK_DEFAULT, NULL);
  if (municipal != NULL)
    qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);
  check = qs_check_new (catalog);
  qs_check_set_requirements (check, requirements != NULL ? G_LIST_MODEL (requirements) : NULL);
  qs_check_run (check, district, municipal);
  return check;
}

int
qs_cli_pdf (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(QsPaginator) paginator = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *output = NULL;
  g_autofree char *db = NULL;
  g_autofree char *font = NULL;
  g_autofree char *heading_font = NULL;
  g_autofree char *against = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean with_check = FALSE;
  gboolean landscape = FALSE;
  gboolean portrait = FALSE;
  double font_size = 0;
  const GOptionEntry entries[] = {
    { "tables", 't', 0, G_OPTION_ARG_STRING, &tables,
      N_("Print only tables: “indicators”, “all”, or those whose caption or label contains TEXT"), N_("WHICH") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, N_("Print tables on landscape pages"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait, N_("Print tables on portrait pages"), NULL },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font, N_("Body font family (default Noto Serif CJK SC)"), N_("FAMILY") },
    { "heading-font", 0, 0, G_OPTION_ARG_STRING, &heading_font,
      N_("Heading and caption font family (default Noto Sans CJK SC)"), N_("FAMILY") },
    { "font-size", 0, 0, G_OPTION_ARG_DOUBLE, &font_size, N_("Body font size in points (default 12)"), N_("POINTS") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &with_check,
      N_("Add a column with the check's verdict on each row (as `qingshan-cli check` finds it)"), NULL },
    { "against", 'a', 0, G_OPTION_ARG_FILENAME, &against,
      N_("With --check: the municipal plan (a .qsplan file, or a plan id with --workspace); by default "
         "the municipal plan in the workspace that the district answers to"), N_("MUNICIPAL") },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("Read a plan given by id from the workspace DB"), N_("DB") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("PLAN") },
    { NULL }
  };

  context = g_option_context_new (_("PLAN -o OUT.pdf — print a plan or its tables to PDF"));
  g_option_context_set_summary (context,
                                _("PLAN is a .qsplan file or, with --workspace, a plan's id.  Without "
                                  "--tables the whole plan is printed: title page, contents, chapters. "
                                  "Tables too wide for a portrait page go on landscape pages unless "
                                  "--portrait or --landscape says otherwise.  --check adds a column "
                                  "“检查” with each row's verdict against the municipal plan."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return qs_cli_fail (_("pdf: give one PLAN (a .qsplan file or a workspace id)"));
  if (output == NULL || *output == '\0' || strcmp (output, "-") == 0)
    return qs_cli_fail (_("pdf: give the PDF to write with -o OUT.pdf"));
  if (landscape && portrait)
    return qs_cli_fail (_("pdf: give --landscape or --portrait, not both"));
  if (against != NULL && !with_check)
    return qs_cli_fail (_("pdf: --against goes with --check"));
  if (font_size < 0 || (font_size > 0 && (font_size < 5 || font_size > 48)))
    return qs_cli_fail (_("pdf: --font-size %g is out of range (5 to 48 points)"), font_size);

  plan = qs_cli_load_plan (rest[0], db, &error);
  if (plan == NULL)
    return qs_cli_fail_error (error);

  paginator = qs_paginator_new (plan);
  if (with_check)
    {
      g_autoptr(QsCheck) check = run_check (plan, against, db, &error);

      if (check == NULL)
        return qs_cli_fail_error (error);
      qs_paginator_set_check (paginator, check);
    }
  if (tables != NULL)
    {
      if (strcmp (tables, "indicators") == 0)
        qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
      else if (strcmp (tables, "all") == 0)
        qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_ALL_TABLES);
      else
        {
          qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_ALL_TABLES);
          qs_paginator_set_table_filter (paginator, tables);
        }
    }
  else
    {
      /* The whole plan: its charts go in the flow (a catalog that cannot
       * be read only leaves them out). */
      g_autoptr(QsCatalog) catalog = qs_cli_load_catalog (NULL, NULL);

      if (catalog != NULL)
        qs_chart_print_install (paginator, plan, catalog);
    }
  if (landscape)
    qs_paginator_set_orientation (paginator, QS_PAGE_ORIENTATION_LANDSCAPE);
  else if (portrait)
    qs_paginator_set_orientation (paginator, QS_PAGE_ORIENTATION_PORTRAIT);
  if (font != NULL || font_size > 0)
    qs_paginator_set_font (paginator, font, font_size);
  if (heading_font != NULL && *heading_font != '\0')
    qs_paginator_set_heading_font (paginator, heading_font);

  if (!qs_paginator_export_pdf (paginator, output, &error))
    return qs_cli_fail_error (error);
  return 0;
}
