/* qs-cli-compare.c: `qingshan-cli compare PLAN... [--against MUNICIPAL]
 * [--field F] [--attribute 约束性|预期性] [--status S] [--sort-by INDICATOR]
 * --format csv|json|pdf -o OUT` */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qs-catalog.h"
#include "qs-cli.h"
#include "qs-compare-export.h"
#include "qs-compare-matrix.h"
#include "qs-linker.h"
#include "qs-paginator.h"
#include "qs-requirement.h"

int
qs_cli_compare (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsCompareMatrix) matrix = NULL;
  g_autoptr(GListStore) plans = NULL;
  g_autoptr(GListStore) requirements = NULL;
  g_autofree char *against = NULL;
  g_autofree char *format = NULL;
  g_autofree char *db = NULL;
  g_autofree char *requirements_path = NULL;
  g_autofree char *catalog_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *field = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *status = NULL;
  g_autofree char *sort_by = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean no_requirements = FALSE;
  gboolean weakest_first = FALSE;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "against", 'a', 0, G_OPTION_ARG_FILENAME, &against,
      N_("The municipal plan: a .qsplan file, or a plan id with --workspace"), N_("MUNICIPAL") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: csv, json or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (csv and json may go to standard output)"), N_("FILE") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field,
      N_("Only indicators of this field (环境质量, 污染减排, 生态保护, 绿色低碳, 环境风险)"), N_("FIELD") },
    { "attribute", 0, 0, G_OPTION_ARG_STRING, &attribute,
      N_("Only binding (约束性) or expected (预期性) indicators"), N_("ATTRIBUTE") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &status,
      N_("Only indicators where some plan has this result: meets, falls-short, weaker-than-baseline, "
         "pending, not-comparable, no-requirement or missing"), N_("STATUS") },
    { "sort-by", 0, 0, G_OPTION_ARG_STRING, &sort_by,
      N_("Order the plans by their target of this indicator (catalog id or name), strictest first"),
      N_("INDICATOR") },
    { "weakest-first", 0, 0, G_OPTION_ARG_NONE, &weakest_first,
      N_("With --sort-by, put the weakest target first"), NULL },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("Read plans given by id from the workspace DB"), N_("DB") },
    { "requirements", 'r', 0, G_OPTION_ARG_FILENAME, &requirements_path,
      N_("The municipal plan's requirements on districts (JSON); by default those the plan carries, else the file shipped for it"),
      N_("FILE") },
    { "no-requirements", 0, 0, G_OPTION_ARG_NONE, &no_requirements,
      N_("Compare with the municipal targets only"), NULL },
    { "catalog", 'c', 0, G_OPTION_ARG_FILENAME, &catalog_path,
      N_("Extra catalog entries and aliases (JSON) on top of the built-in catalog"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("PLAN…") },
    { NULL }
  };

  context = g_option_context_new (_("PLAN… [--against MUNICIPAL] --format csv|json|pdf -o OUT — "
                                    "compare plans side by side"));
  g_option_context_set_summary (context,
                                _("Puts the plans side by side, one column each, with a row per canonical "
                                  "indicator: baseline and target, the check's result against the municipal "
                                  "plan, the strictest and weakest target of each row, and the binding or "
                                  "required indicators a plan lacks.  Plans are .qsplan files or, with "
                                  "--workspace, plan ids.  CSV is UTF-8 with a byte order mark for Excel "
                                  "and WPS; the PDF is printed landscape."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  if (format == NULL)
    return qs_cli_fail (_("compare: give the output format with --format csv, json or pdf"));
  if (strcmp (format, "csv") != 0 && strcmp (format, "json") != 0 && strcmp (format, "pdf") != 0)
    return qs_cli_fail (_("compare: unknown format “%s” (use csv, json or pdf)"), format);
  if (rest == NULL || rest[0] == NULL)
    return qs_cli_fail (_("compare: give at least one PLAN to compare"));
  if (strcmp (format, "pdf") == 0 && (output == NULL || *output == '\0' || strcmp (output, "-") == 0))
    return qs_cli_fail (_("compare: give the PDF to write with -o OUT.pdf"));
  if (requirements_path != NULL && no_requirements)
    return qs_cli_fail (_("compare: give either --requirements or --no-requirements, not both"));
  if (weakest_first && sort_by == NULL)
    return qs_cli_fail (_("compare: --weakest-first needs --sort-by INDICATOR"));

  catalog = qs_cli_load_catalog (catalog_path, &error);
  if (catalog == NULL)
    return qs_cli_fail_error (error);

  plans = g_list_store_new (QS_TYPE_PLAN);
  for (guint i = 0; rest[i] != NULL; i++)
    {
      g_autoptr(QsPlan) plan = qs_cli_load_plan (rest[i], db, &error);

      if (plan == NULL)
        return qs_cli_fail_error (error);
      g_list_store_append (plans, plan);
    }
  if (against != NULL)
    {
      municipal = qs_cli_load_plan (against, db, &error);
      if (municipal == NULL)
        return qs_cli_fail_error (error);
    }

  if (!no_requirements && !qs_cli_find_requirements (municipal, requirements_path, &requirements, &error))
    return qs_cli_fail_error (error);

  /* Rows link by name in memory, as for `check`; links set by hand are kept. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plans)); i++)
    {
      g_autoptr(QsPlan) plan = g_list_model_get_item (G_LIST_MODEL (plans), i);

      qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, NULL);
    }
  if (municipal != NULL)
    qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);

  matrix = qs_compare_matrix_new (catalog);
  qs_compare_matrix_set_requirements (matrix, requirements ? G_LIST_MODEL (requirements) : NULL);
  qs_compare_matrix_build (matrix, G_LIST_MODEL (plans), municipal);

  if (field != NULL && *field != '\0')
    {
      GListModel *catalog_entries = qs_catalog_get_entries (catalog);
      g_autoptr(GString) fields = g_string_new (NULL);
      gboolean known = FALSE;

      /* A misspelt field would print an empty matrix: name the fields. */
      for (guint i = 0; i < g_list_model_get_n_items (catalog_entries); i++)
        {
          g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (catalog_entries, i);
          const char *f = qs_catalog_entry_get_field (entry);
          g_autofree char *quoted = g_strdup_printf ("“%s”", f ? f : "");

          if (f == NULL || *f == '\0')
            continue;
          known = known || strcmp (f, field) == 0;
          if (strstr (fields->str, quoted) == NULL)
            g_string_append_printf (fields, "%s%s", fields->len > 0 ? "、" : "", quoted);
        }
      if (!known)
        return qs_cli_fail (_("compare: no indicator of the catalog is in the field “%s” (fields: %s)"),
                            field, fields->str);
    }
  qs_compare_matrix_set_field_filter (matrix, field);
  if (!qs_compare_matrix_set_attribute_filter (matrix, attribute, &error) ||
      !qs_compare_matrix_set_status_filter (matrix, status, &error))
    return qs_cli_fail (_("compare: %s"), error->message);
  if (sort_by != NULL && !qs_compare_matrix_sort_plans (matrix, sort_by, weakest_first, &error))
    return qs_cli_fail (_("compare: --sort-by: %s"), error->message);

  if (strcmp (format, "pdf") == 0)
    {
      g_autoptr(QsPlan) printable = qs_compare_export_plan (matrix);
      g_autoptr(QsPaginator) paginator = qs_paginator_new (printable);

      qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
      qs_paginator_set_orientation (paginator, QS_PAGE_ORIENTATION_LANDSCAPE);
      if (!qs_paginator_export_pdf (paginator, output, &error))
        return qs_cli_fail_error (error);
      return 0;
    }

  if (strcmp (format, "csv") == 0)
    data = qs_compare_export_csv (matrix, &length);
  else
    data = qs_compare_export_json_data (matrix, &length);
  if (!qs_cli_write_output (output, data, length, &error))
    return qs_cli_fail_error (error);
  return 0;
}
