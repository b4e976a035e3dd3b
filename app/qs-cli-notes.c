/* qs-cli-notes.c: `qingshan-cli notes PLAN [--add TEXT --table N --row N
 * [--column NAME] | --section PATH] [--resolve ID] [--author NAME]` */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "qs-cli.h"
#include "qs-review-note.h"

/* Who writes: --author, else the account's real name or user name. */
static const char *
default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || strcmp (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name != NULL ? name : "";
}

static gboolean
is_workspace_id (const char *spec,
                 gint64     *id)
{
  char *end = NULL;

  /* As qs_cli_load_plan reads it: a number that is not a file. */
  if (spec == NULL || !g_ascii_isdigit (*spec) || g_file_test (spec, G_FILE_TEST_EXISTS))
    return FALSE;
  errno = 0;
  *id = g_ascii_strtoll (spec, &end, 10);
  return errno == 0 && *end == '\0' && *id > 0;
}

static GListModel *
table_columns (GObject *table)
{
  if (QS_IS_INDICATOR_TABLE (table))
    return G_LIST_MODEL (qs_indicator_table_get_columns (QS_INDICATOR_TABLE (table)));
  return G_LIST_MODEL (qs_task_table_get_columns (QS_TASK_TABLE (table)));
}

static guint
table_n_rows (GObject *table)
{
  if (QS_IS_INDICATOR_TABLE (table))
    return g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (QS_INDICATOR_TABLE (table))));
  return g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_rows (QS_TASK_TABLE (table))));
}

static const char *
table_caption (GObject *table)
{
  if (QS_IS_INDICATOR_TABLE (table))
    return qs_indicator_table_get_caption (QS_INDICATOR_TABLE (table));
  return qs_task_table_get_caption (QS_TASK_TABLE (table));
}

/* Builds the note to add, checking its target against @plan. */
static QsReviewNote *
new_note (QsPlan      *plan,
          const char  *text,
          int          table,
          int          row,
          const char  *column,
          const char  *section,
          const char  *author,
          GError     **error)
{
  g_autoptr(QsReviewNote) note = qs_review_note_new (text);
  g_autoptr(GPtrArray) tables = qs_review_note_collect_tables (plan);
  g_autofree char *column_name = NULL;
  GObject *target;

  qs_review_note_set_author (note, author);
  if (section != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (section, "/", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 n = 0;

          if (!g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT, &n, NULL))
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("notes --section: “%s” is not a section path such as 3/2 "
                             "(chapter 3, its section 2)"), section);
              return NULL;
            }
        }
      qs_review_note_set_section_target (note, section);
      return g_steal_pointer (&note);
    }

  if (table < 1 || row < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("notes --add: say where the note goes: --table N --row N (counted from 1), "
                     "or --section PATH"));
      return NULL;
    }
  if ((guint) table > tables->len)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("notes: the plan has %u tables; there is no table %d"), tables->len, table);
      return NULL;
    }
  target = g_ptr_array_index (tables, table - 1);
  if ((guint) row > table_n_rows (target))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("notes: table %d (%s) has %u rows; there is no row %d"),
                   table, table_caption (target), table_n_rows (target), row);
      return NULL;
    }
  if (column != NULL)
    {
      GListModel *columns = table_columns (target);
      g_autofree char *wanted = qs_text_strip_spaces (column);

      for (guint i = 0; i < g_list_model_get_n_items (columns) && column_name == NULL; i++)
        {
          g_autoptr(QsTableColumn) c = g_list_model_get_item (columns, i);

          if (g_strcmp0 (qs_table_column_get_name (c), wanted) == 0)
            column_name = g_strdup (qs_table_column_get_name (c));
        }
      if (column_name == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("notes: table %d (%s) has no column “%s”"), table, table_caption (target), column);
          return NULL;
        }
    }
  qs_review_note_set_table_target (note, table - 1, table_caption (target), row - 1, column_name);
  return g_steal_pointer (&note);
}

static int
list_notes (QsPlan     *plan,
            const char *format)
{
  GListModel *notes = G_LIST_MODEL (qs_plan_get_review_notes (plan));
  g_autoptr(GError) error = NULL;

  if (format != NULL && strcmp (format, "json") == 0)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);

          json_array_add_element (array, qs_review_note_to_json (note));
        }
      json_object_set_array_member (object, "review_notes", json_array_ref (array));
      json_node_set_object (root, object);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);
      g_autofree char *where = qs_review_note_describe_target (note);
      g_autofree char *text = g_strdup (qs_review_note_get_text (note));

      /* One line per note, tab-separated: id, state, where, author, time, text. */
      g_strdelimit (text, "\t\r\n", ' ');
      printf ("%u\t%s\t%s\t%s\t%s\t%s\n", qs_review_note_get_id (note),
              qs_review_note_get_resolved (note) ? "已解决" : "待处理", where,
              qs_review_note_get_author (note), qs_review_note_get_created (note), text);
    }
  return 0;
}

int
qs_cli_notes (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) workspace = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(QsReviewNote) note = NULL;
  g_autofree char *db = NULL;
  g_autofree char *add = NULL;
  g_autofree char *column = NULL;
  g_autofree char *section = NULL;
  g_autofree char *author = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) rest = NULL;
  int table = 0, row = 0, resolve = 0, reopen = 0;
  gint64 plan_id = 0;
  gboolean in_workspace;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file (default: the user's workspace)"), N_("WS") },
    { "add", 'a', 0, G_OPTION_ARG_STRING, &add, N_("Add a note with this text"), N_("TEXT") },
    { "table", 't', 0, G_OPTION_ARG_INT, &table, N_("The table the note is on, counted from 1 in document order (indicator and task tables together)"), N_("N") },
    { "row", 'r', 0, G_OPTION_ARG_INT, &row, N_("The row of that table, counted from 1"), N_("N") },
    { "column", 'c', 0, G_OPTION_ARG_STRING, &column, N_("The column, by its header (white space ignored); default: the whole row"), N_("NAME") },
    { "section", 's', 0, G_OPTION_ARG_STRING, &section, N_("Put the note on a section instead: 3/2 is chapter 3, its section 2"), N_("PATH") },
    { "resolve", 0, 0, G_OPTION_ARG_INT, &resolve, N_("Mark note ID resolved"), N_("ID") },
    { "reopen", 0, 0, G_OPTION_ARG_INT, &reopen, N_("Mark note ID unresolved again"), N_("ID") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who writes the note (default: your name)"), N_("NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("How to list the notes: text (default) or json"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("PLAN") },
    { NULL }
  };

  context = g_option_context_new (_("PLAN — list, add or resolve a plan's review notes"));
  g_option_context_set_summary (context,
                                _("PLAN is a .qsplan file (rewritten atomically) or a plan id in the "
                                  "workspace (changed in one transaction, keeping a version). "
                                  "Without --add, --resolve or --reopen, lists the notes: id, state, "
                                  "where, author, time, text (tab-separated). --add prints the new "
                                  "note's id."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!qs_cli_parse (context, &argc, &argv))
    return 2;
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    return qs_cli_fail (_("notes: unknown format “%s” (use text or json)"), format);
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return qs_cli_fail (_("notes: give one plan: FILE.qsplan or a plan id in the workspace"));
  if ((add != NULL) + (resolve != 0) + (reopen != 0) > 1)
    return qs_cli_fail (_("notes: give one of --add, --resolve and --reopen at a time"));
  if (add == NULL && (table != 0 || row != 0 || column != NULL || section != NULL))
    return qs_cli_fail (_("notes: --table, --row, --column and --section go with --add"));
  if (add != NULL && section != NULL && (table != 0 || row != 0 || column != NULL))
    return qs_cli_fail (_("notes --add: a note is on a table row (--table, --row) or on a section (--section), not both"));
  if (add != NULL && g_strstrip (add)[0] == '\0')
    return qs_cli_fail (_("notes --add: the note is empty"));
  if (resolve < 0 || reopen < 0)
    return qs_cli_fail (_("notes: a note id is a positive number"));

  in_workspace = is_workspace_id (rest[0], &plan_id);
  if (in_workspace)
    {
      workspace = qs_cli_open_workspace (db, FALSE, &error);
      if (workspace == NULL)
        return qs_cli_fail_error (error);
      plan = qs_workspace_load_plan (workspace, plan_id, &error);
    }
  else
    plan = qs_plan_xml_read_file (rest[0], &error);
  if (plan == NULL)
    return qs_cli_fail_error (error);

  if (add == NULL && resolve == 0 && reopen == 0)
    return list_notes (plan, format);

  if (author == NULL)
    author = g_strdup (default_author ());

  if (add != NULL)
    {
      note = new_note (plan, add, table, row, column, section, author, &error);
      if (note == NULL)
        return qs_cli_fail_error (error);
    }

  if (in_workspace)
    {
      guint id = 0;

      /* The version this change keeps is by the same person. */
      qs_workspace_set_author (workspace, author);
      if (note != NULL)
        {
          if (!qs_workspace_add_review_note (workspace, plan_id, note, &id, &error))
            return qs_cli_fail_error (error);
          printf ("%u\n", id);
          return 0;
        }
      if (!qs_workspace_resolve_review_note (workspace, plan_id, resolve ? resolve : reopen,
                                             resolve != 0, &error))
        return qs_cli_fail_error (error);
      return 0;
    }

  if (note != NULL)
    {
      GListModel *notes = G_LIST_MODEL (qs_plan_get_review_notes (plan));

      qs_review_note_set_id (note, qs_review_note_list_next_id (notes));
      g_list_store_append (qs_plan_get_review_notes (plan), note);
    }
  else
    {
      QsReviewNote *found = qs_review_note_list_find (G_LIST_MODEL (qs_plan_get_review_notes (plan)),
                                                      (guint) (resolve ? resolve : reopen));

      if (found == NULL)
        return qs_cli_fail (_("notes: %s has no review note %d"), rest[0], resolve ? resolve : reopen);
      qs_review_note_set_resolved (found, resolve != 0);
    }
  if (!qs_plan_xml_write_file (plan, rest[0], &error))
    return qs_cli_fail_error (error);
  if (note != NULL)
    printf ("%u\n", qs_review_note_get_id (note));
  return 0;
}
