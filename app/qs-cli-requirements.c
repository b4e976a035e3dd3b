/* qs-cli-requirements.c: `qingshan-cli requirements PLAN --set FILE.json | --show | --find | --clear`
 *
 * A municipal plan carries its own requirements on districts; this command
 * attaches a requirements document to a plan (a .qsplan file or a plan in
 * the workspace), prints them, clears them, or finds the document shipped
 * for the plan's region and period. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qs-cli.h"
#include "qs-requirement.h"

/* The same rule as qs_cli_load_plan(): a bare positive number names a plan
 * in the workspace unless a file of that name exists. */
static gboolean
spec_is_plan_id (const char *spec,
                 gint64     *id)
{
  char *end = NULL;
  gint64 value;

  if (spec == NULL || !g_ascii_isdigit (*spec) || g_file_test (spec, G_FILE_TEST_EXISTS))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoll (spec, &end, 10);
  if (errno != 0 || *end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

static char *
requirements_to_text (QsPlan *plan)
{
  GListModel *requirements = G_LIST_MODEL (qs_plan_get_requirements (plan));
  guint n = g_list_model_get_n_items (requirements);
  GString *out = g_string_new (NULL);

  if (n == 0)
    {
      g_string_append_printf (out, _("%s: no requirements on districts\n"), qs_plan_get_title (plan));
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, ngettext ("%s: %u requirement on districts\n",
                                         "%s: %u requirements on districts\n", n),
                          qs_plan_get_title (plan), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);
      g_autofree char *scope = qs_requirement_describe_scope (r);
      const char *figure = qs_requirement_get_figure (r);
      const char *unit = qs_requirement_get_unit (r);

      /* id, indicator, kind, figure, who it is for, where the plan says so */
      g_string_append_printf (out, "%s\t%s\t%s\t%s%s%s",
                              qs_requirement_get_id (r) ? qs_requirement_get_id (r) : "-",
                              qs_requirement_get_indicator_id (r) ? qs_requirement_get_indicator_id (r) : "-",
                              qs_requirement_kind_to_string (qs_requirement_get_kind (r)),
                              figure ? figure : "-",
                              unit ? " " : "", unit ? unit : "");
      if (qs_requirement_get_base_year (r) != 0)
        g_string_append_printf (out, _(" (vs %d%s%s)"), qs_requirement_get_base_year (r),
                                qs_requirement_get_base_value (r) ? ": " : "",
                                qs_requirement_get_base_value (r) ? qs_requirement_get_base_value (r) : "");
      if (qs_requirement_get_year (r) != 0)
        g_string_append_printf (out, _(" in %d"), qs_requirement_get_year (r));
      g_string_append_printf (out, "\t%s", scope);
      if (qs_requirement_get_source (r) != NULL)
        g_string_append_printf (out, "\t%s", qs_requirement_get_source (r));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

int
qs_cli_requirements (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autofree char *set_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *db = NULL;
  g_autofree char *format = NULL;
  g_autofree char *period = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean show = FALSE;
  gboolean find = FALSE;
  gboolean clear = FALSE;
  gint64 id = 0;
  gboolean by_id;
  const GOptionEntry entries[] = {
    { "set", 's', 0, G_OPTION_ARG_FILENAME, &set_path,
      N_("Replace the plan's requirements with those of a requirements document (JSON)"), N_("FILE") },
    { "show", 0, 0, G_OPTION_ARG_NONE, &show, N_("Print the plan's requirements (the default)"), NULL },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Remove the plan's requirements"), NULL },
    { "find", 0, 0, G_OPTION_ARG_NONE, &find,
      N_("Print the path of the requirements document shipped for the plan's region and period"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("With --show: text, or json (a requirements document)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("With --set or --clear: write the plan to FILE (.qsplan; “-” for standard output) "
         "instead of changing it in place"), N_("FILE") },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("Plans given by id are in the workspace DB"), N_("DB") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("PLAN") },
    { NULL }
  };

  context = g_option_context_new (_("PLAN — show or set a municipal plan's requirements on districts"));
  g_option_context_set_summary (context,
                                _("A municipal plan carries, per indicator, what it requires of named "
                                  "districts or groups of districts; “check” compares district plans "
                                  "with them.  PLAN is a .qsplan file or, with --workspace, a plan id.  "
                                  "--set and --clear change the file or the workspace plan in place "
                                  "unless --output is given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return qs_cli_fail (_("requirements: give one PLAN (a .qsplan file or a plan id)"));
  if ((set_path != NULL) + show + clear + find > 1)
    return qs_cli_fail (_("requirements: give only one of --set, --show, --clear and --find"));
  if (format == NULL)
    format = g_strdup ("text");
  if (strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    return qs_cli_fail (_("requirements: unknown format “%s” (use text or json)"), format);
  if (output != NULL && set_path == NULL && !clear)
    return qs_cli_fail (_("requirements: --output goes with --set or --clear"));

  plan = qs_cli_load_plan (rest[0], db, &error);
  if (plan == NULL)
    return qs_cli_fail_error (error);
  by_id = spec_is_plan_id (rest[0], &id);
  period = qs_plan_dup_period_string (plan);

  if (find)
    {
      g_autofree char *found = qs_requirement_find_data_file (qs_plan_get_region (plan), period);

      if (found == NULL)
        return qs_cli_fail (_("requirements: no requirements document is shipped for %s %s"),
                            qs_plan_get_region (plan), period);
      g_print ("%s\n", found);
      return 0;
    }

  if (set_path == NULL && !clear)
    {
      g_autofree char *data = NULL;
      gsize length;

      if (strcmp (format, "json") == 0)
        data = qs_requirement_list_to_data (G_LIST_MODEL (qs_plan_get_requirements (plan)),
                                            qs_plan_get_title (plan), qs_plan_get_region (plan),
                                            period, &length);
      else
        {
          data = requirements_to_text (plan);
          length = strlen (data);
        }
      if (!qs_cli_write_output (NULL, data, length, &error))
        return qs_cli_fail_error (error);
      if (strcmp (format, "json") == 0 && !qs_cli_write_output (NULL, "\n", 1, &error))
        return qs_cli_fail_error (error);
      return 0;
    }

  if (set_path != NULL)
    {
      g_autoptr(GListStore) requirements = qs_requirement_list_new_from_file (set_path, &error);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      if (requirements == NULL)
        return qs_cli_fail_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements)); i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (requirements), i));
      g_list_store_splice (qs_plan_get_requirements (plan), 0,
                           g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_requirements (plan))),
                           items->pdata, items->len);
    }
  else
    g_list_store_remove_all (qs_plan_get_requirements (plan));

  if (output != NULL && strcmp (output, "-") == 0)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      data = qs_plan_xml_write_data (plan, &length);
      if (data == NULL)
        return qs_cli_fail (_("requirements: the plan could not be written"));
      if (!qs_cli_write_output (NULL, data, length, &error))
        return qs_cli_fail_error (error);
    }
  else if (output != NULL || !by_id)
    {
      if (!qs_plan_xml_write_file (plan, output ? output : rest[0], &error))
        return qs_cli_fail_error (error);
    }
  else
    {
      g_autoptr(QsWorkspace) workspace = qs_cli_open_workspace (db, FALSE, &error);

      if (workspace == NULL || !qs_workspace_save_plan (workspace, id, plan, &error))
        return qs_cli_fail_error (error);
    }
  return 0;
}
