/* qs-cli-workspace.c: `qingshan-cli workspace [--db DB] list|add|remove|show` */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qs-cli.h"

static const char *
level_name (QsPlanLevel level)
{
  switch (level)
    {
    case QS_PLAN_LEVEL_MUNICIPAL:
      return _("municipal");
    case QS_PLAN_LEVEL_COUNTY:
      return _("county");
    case QS_PLAN_LEVEL_DISTRICT:
    default:
      return _("district");
    }
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  *id = g_ascii_strtoll (text, &end, 10);
  return *end == '\0' && *id > 0;
}

static int
list_plans (QsWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = qs_workspace_list_plans (workspace, &error);

  if (plans == NULL)
    return qs_cli_fail_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      QsPlanSummary *s = g_ptr_array_index (plans, i);

      /* Tab-separated so scripts can cut(1) it. */
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%d-%d\t%s\n", s->id, level_name (s->level),
              s->region, s->start_year, s->end_year, s->title);
    }
  return 0;
}

static int
add_plan (QsWorkspace *workspace,
          const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_plan_xml_read_file (path, &error);
  gint64 id;

  if (plan == NULL)
    return qs_cli_fail_error (error);
  id = qs_workspace_add_plan (workspace, plan, &error);
  if (id == 0)
    return qs_cli_fail_error (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

static void
count_section (QsSection *section,
               guint     *n_sections,
               guint     *n_paragraphs)
{
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);
      if (QS_IS_PARAGRAPH (block))
        (*n_paragraphs)++;
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      (*n_sections)++;
      count_section (child, n_sections, n_paragraphs);
    }
}

static int
show_plan (QsWorkspace *workspace,
           gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_workspace_load_plan (workspace, id, &error);
  g_autoptr(GPtrArray) indicator_tables = NULL;
  g_autoptr(GPtrArray) task_tables = NULL;
  g_autofree char *period = NULL;
  GListModel *chapters;
  guint n_sections = 0;
  guint n_paragraphs = 0;

  if (plan == NULL)
    return qs_cli_fail_error (error);

  period = qs_plan_dup_period_string (plan);
  chapters = G_LIST_MODEL (qs_plan_get_chapters (plan));
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(QsSection) chapter = g_list_model_get_item (chapters, i);
      count_section (chapter, &n_sections, &n_paragraphs);
    }

  printf ("%s: %s\n", _("Title"), qs_plan_get_title (plan));
  printf ("%s: %s\n", _("Region"), qs_plan_get_region (plan));
  printf ("%s: %s\n", _("Level"), level_name (qs_plan_get_level (plan)));
  printf ("%s: %s\n", _("Period"), period);
  printf ("%s: %u, %s: %u, %s: %u\n", _("Chapters"), g_list_model_get_n_items (chapters),
          _("Sections"), n_sections, _("Paragraphs"), n_paragraphs);

  indicator_tables = qs_plan_collect_indicator_tables (plan);
  for (guint i = 0; i < indicator_tables->len; i++)
    {
      QsIndicatorTable *table = g_ptr_array_index (indicator_tables, i);

      printf ("%s: %s (%u %s)\n", _("Indicator table"), qs_indicator_table_get_caption (table),
              g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table))),
              _("rows"));
    }
  task_tables = qs_plan_collect_task_tables (plan);
  for (guint i = 0; i < task_tables->len; i++)
    {
      QsTaskTable *table = g_ptr_array_index (task_tables, i);

      printf ("%s: %s (%u %s, %u %s)\n", _("Task table"), qs_task_table_get_caption (table),
              g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_items (table))), _("items"),
              g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_rows (table))), _("rows"));
    }
  return 0;
}

int
qs_cli_workspace (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) workspace = NULL;
  g_autofree char *db = NULL;
  g_auto(GStrv) rest = NULL;
  const char *verb;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file (default: the user's workspace)"), N_("DB") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("list | add FILE.qsplan | remove ID | show ID") },
    { NULL }
  };

  context = g_option_context_new (_("list | add FILE.qsplan | remove ID | show ID — manage a workspace"));
  g_option_context_set_summary (context,
                                _("list prints one plan per line: id, level, region, period, title "
                                  "(tab-separated). add prints the new plan's id."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;
  if (rest == NULL || rest[0] == NULL)
    return qs_cli_fail (_("workspace: say what to do: list, add, remove or show"));

  verb = rest[0];
  if (strcmp (verb, "list") == 0 || strcmp (verb, "add") == 0)
    {
      if (strcmp (verb, "add") == 0 && (rest[1] == NULL || rest[2] != NULL))
        return qs_cli_fail (_("workspace add: give one FILE.qsplan"));
      if (strcmp (verb, "list") == 0 && rest[1] != NULL)
        return qs_cli_fail (_("workspace list: takes no argument"));
    }
  else if (strcmp (verb, "remove") == 0 || strcmp (verb, "show") == 0)
    {
      if (rest[1] == NULL || rest[2] != NULL || !parse_id (rest[1], &id))
        return qs_cli_fail (_("workspace %s: give one plan id (a positive number)"), verb);
    }
  else
    return qs_cli_fail (_("workspace: unknown action “%s” (use list, add, remove or show)"), verb);

  /* Only add creates a workspace; the others need one that exists. */
  workspace = qs_cli_open_workspace (db, strcmp (verb, "add") == 0, &error);
  if (workspace == NULL)
    return qs_cli_fail_error (error);

  if (strcmp (verb, "list") == 0)
    return list_plans (workspace);
  if (strcmp (verb, "add") == 0)
    return add_plan (workspace, rest[1]);
  if (strcmp (verb, "show") == 0)
    return show_plan (workspace, id);

  if (!qs_workspace_remove_plan (workspace, id, &error))
    return qs_cli_fail_error (error);
  return 0;
}
