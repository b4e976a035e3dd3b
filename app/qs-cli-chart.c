/* qs-cli-chart.c: `qingshan-cli chart PLAN... --indicator ID|NAME --kind trend|compare|completion -o OUT` */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qs-catalog.h"
#include "qs-cli.h"
#include "qs-compare-chart.h"
#include "qs-completion-chart.h"
#include "qs-linker.h"
#include "qs-trend-chart.h"

static void
render_trend_cb (cairo_t       *cr,
                 double         width,
                 double         height,
                 gconstpointer  data)
{
  qs_trend_chart_render (cr, width, height, data);
}

static void
render_compare_cb (cairo_t       *cr,
                   double         width,
                   double         height,
                   gconstpointer  data)
{
  qs_compare_chart_render (cr, width, height, data);
}

static void
render_completion_cb (cairo_t       *cr,
                      double         width,
                      double         height,
                      gconstpointer  data)
{
  qs_completion_chart_render (cr, width, height, data);
}

int
qs_cli_chart (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) statuses = g_array_new (FALSE, TRUE, sizeof (QsChartStatus));
  g_autofree char *indicator = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *output = NULL;
  g_autofree char *against = NULL;
  g_autofree char *db = NULL;
  g_autofree char *status_list = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean dark = FALSE, describe = FALSE, no_check = FALSE;
  int width = 900, height = 560;
  const QsChartTheme *theme;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "indicator", 'i', 0, G_OPTION_ARG_STRING, &indicator,
      N_("The indicator: a catalog id or any of its names (e.g. 森林覆盖率)"), N_("ID|NAME") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("trend, compare or completion (default trend)"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The chart file: .png, .svg or .pdf"), N_("OUT") },
    { "against", 'a', 0, G_OPTION_ARG_FILENAME, &against,
      N_("The municipal plan whose target is drawn as the requirement"), N_("MUNICIPAL") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (PNG) or points (SVG, PDF); default 900"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height, N_("Height; default 560"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark theme"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_list,
      N_("compare: the check status of each plan's target, comma-separated (ok, warning, error, none)"),
      N_("LIST") },
    { "no-check", 0, 0, G_OPTION_ARG_NONE, &no_check,
      N_("compare: do not run the check against --against (grey bars, the municipal target as the line)"),
      NULL },
    { "describe", 0, 0, G_OPTION_ARG_NONE, &describe, N_("Also print the chart's text description"), NULL },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("Read plans given by id from the workspace DB"), N_("DB") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("PLAN...") },
    { NULL }
  };

  context = g_option_context_new (_("PLAN... -o OUT — draw a chart of an indicator"));
  g_option_context_set_summary (context,
                                _("trend: the indicator over the years, one line per plan, targets as "
                                  "diamonds, the municipal requirement (--against) as a dashed line.  "
                                  "compare: baseline and target bars for each plan, coloured by the check "
                                  "against --against and with the municipal requirement on each district.  completion: last "
                                  "period's targets against the actual values of one plan (no --indicator).  "
                                  "Plans are .qsplan files or, with --workspace, plan ids."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;

  if (kind == NULL)
    kind = g_strdup ("trend");
  if (strcmp (kind, "trend") != 0 && strcmp (kind, "compare") != 0 && strcmp (kind, "completion") != 0)
    return qs_cli_fail (_("chart: unknown kind “%s” (use trend, compare or completion)"), kind);
  if (rest == NULL || rest[0] == NULL)
    return qs_cli_fail (_("chart: give at least one PLAN"));
  if (output == NULL)
    return qs_cli_fail (_("chart: give the output file with -o OUT.png, OUT.svg or OUT.pdf"));
  if (indicator == NULL && strcmp (kind, "completion") != 0)
    return qs_cli_fail (_("chart: give the indicator with --indicator ID or NAME"));
  if (strcmp (kind, "completion") == 0 && rest[1] != NULL)
    return qs_cli_fail (_("chart: a completion chart shows one plan; give one PLAN"));
  if (width < 50 || height < 50 || width > 20000 || height > 20000)
    return qs_cli_fail (_("chart: --width and --height must be between 50 and 20000"));

  catalog = qs_catalog_new_default (&error);
  if (catalog == NULL)
    return qs_cli_fail_error (error);

  for (guint i = 0; rest[i] != NULL; i++)
    {
      QsPlan *plan = qs_cli_load_plan (rest[i], db, &error);

      if (plan == NULL)
        return qs_cli_fail_error (error);
      /* Rows link to the catalog by name in memory, so any name works. */
      qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, NULL);
      g_ptr_array_add (plans, plan);
    }
  if (against != NULL)
    {
      municipal = qs_cli_load_plan (against, db, &error);
      if (municipal == NULL)
        return qs_cli_fail_error (error);
      qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);
    }

  g_array_set_size (statuses, plans->len);
  if (status_list != NULL)
    {
      g_auto(GStrv) words = g_strsplit (status_list, ",", -1);

      if (g_strv_length (words) != plans->len)
        return qs_cli_fail (_("chart: --status needs one status per PLAN (%u given, %u plans)"),
                            g_strv_length (words), plans->len);
      for (guint i = 0; words[i] != NULL; i++)
        if (!qs_chart_status_from_string (g_strstrip (words[i]),
                                          &g_array_index (statuses, QsChartStatus, i)))
          return qs_cli_fail (_("chart: unknown status “%s” (use ok, warning, error or none)"), words[i]);
    }

  theme = dark ? qs_chart_theme_dark () : qs_chart_theme_light ();
  if (strcmp (kind, "trend") == 0)
    {
      g_autoptr(QsTrendChartData) data =
        qs_trend_chart_data_new_for_plans (plans, indicator, catalog, municipal, &error);

      if (data == NULL)
        return qs_cli_fail_error (error);
      data->theme = theme;
      ok = qs_chart_export (output, width, height, render_trend_cb, data, &error);
      if (ok && describe)
        {
          g_autofree char *text = qs_trend_chart_describe (data);
          g_print ("%s\n", text);
        }
    }
  else if (strcmp (kind, "compare") == 0)
    {
      g_autoptr(QsCompareChartData) data = NULL;

      /* Given statuses are the user's; otherwise, against a municipal plan,
       * the check decides the colours and the requirement line, as in the app. */
      if (municipal != NULL && status_list == NULL && !no_check)
        {
          g_autoptr(GListStore) requirements = NULL;

          if (!qs_cli_find_requirements (municipal, NULL, &requirements, &error))
            return qs_cli_fail_error (error);
          data = qs_compare_chart_data_new_for_check (plans, indicator, catalog, municipal,
                                                      requirements ? G_LIST_MODEL (requirements) : NULL,
                                                      &error);
        }
      else
        data = qs_compare_chart_data_new_for_plans (plans, indicator, catalog, municipal,
                                                    (QsChartStatus *) statuses->data, &error);
      if (data == NULL)
        return qs_cli_fail_error (error);
      data->theme = theme;
      ok = qs_chart_export (output, width, height, render_compare_cb, data, &error);
      if (ok && describe)
        {
          g_autofree char *text = qs_compare_chart_describe (data);
          g_print ("%s\n", text);
        }
    }
  else
    {
      g_autoptr(QsCompletionChartData) data =
        qs_completion_chart_data_new_for_plan (g_ptr_array_index (plans, 0), catalog, &error);

      if (data == NULL)
        return qs_cli_fail_error (error);
      data->theme = theme;
      ok = qs_chart_export (output, width, height, render_completion_cb, data, &error);
      if (ok && describe)
        {
          g_autofree char *text = qs_completion_chart_describe (data);
          g_print ("%s\n", text);
        }
    }
  if (!ok)
    return qs_cli_fail_error (error);
  return 0;
}
