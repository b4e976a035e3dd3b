/* edit-storm.c: many edits of one stored plan, each saved in its own
 * transaction, for the crash-safety test (tests/test-kill.py).
 *
 *   edit-storm --workspace DB --plan ID [--edits N] [--seed S] [--busy-timeout MS]
 *   edit-storm --digest DB ID
 *
 * The first form loads plan ID and prints "start <digest>"; then for each
 * edit it prints "pending N <digest>" just before qs_workspace_save_plan()
 * and "committed N <digest>" once the save has returned, flushing each line.
 * When it is killed, the stored plan must be the last committed state or,
 * if a "pending" line followed it, that state (the save may have committed
 * before the kill).  The second form prints the digest of the stored plan.
 * The digest is the SHA-256 of qs_plan_dump().
 *
 * A failed open, load or save prints "edit-storm: <domain> <code>: <message>"
 * on stderr and exits 2, so the test can tell a busy workspace
 * (QS_WORKSPACE_ERROR_BUSY) from any other failure. */
#include "config.h"

#define G_LOG_DOMAIN "qs-edit-storm"

#include <stdio.h>
#include <stdlib.h>

#include "qs-model.h"

/* A paragraph: the blocks of its section (borrowed) and which paragraph
 * of them it is. */
typedef struct
{
  GListStore *blocks;
  guint       nth;
} ParagraphPlace;

typedef struct
{
  GArray    *paragraphs;   /* of ParagraphPlace, in document order */
  GPtrArray *tables;       /* of QsIndicatorTable* (borrowed) */
} Targets;

static char *
plan_digest (QsPlan *plan)
{
  g_autofree char *dump = qs_plan_dump (plan);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
}

static int
fail (const GError *error)
{
  fprintf (stderr, "edit-storm: %s %d: %s\n",
           g_quark_to_string (error->domain), error->code, error->message);
  return 2;
}

static void
collect_block (QsSection *section,
               GObject   *block,
               gpointer   user_data)
{
  Targets *targets = user_data;

  if (QS_IS_PARAGRAPH (block))
    {
      ParagraphPlace place = { qs_section_get_blocks (section), 0 };

      /* Blocks of one section come one after another. */
      if (targets->paragraphs->len > 0)
        {
          ParagraphPlace *last = &g_array_index (targets->paragraphs, ParagraphPlace,
                                                 targets->paragraphs->len - 1);

          if (last->blocks == place.blocks)
            place.nth = last->nth + 1;
        }
      g_array_append_val (targets->paragraphs, place);
    }
  else if (QS_IS_INDICATOR_TABLE (block))
    g_ptr_array_add (targets->tables, block);
}

/* Finds the position of the @nth paragraph of @store. */
static gboolean
nth_paragraph (GListStore *store,
               guint       nth,
               guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (QS_IS_PARAGRAPH (block) && nth-- == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* One edit chosen at random: a cell's text, a row added or removed, a
 * paragraph changed, added or removed.  Structures that would become empty
 * are left alone, so the storm never runs out of things to edit. */
static void
edit_plan (QsPlan *plan,
           GRand  *rand,
           guint   serial)
{
  Targets targets = { g_array_new (FALSE, FALSE, sizeof (ParagraphPlace)), g_ptr_array_new () };
  int kind = g_rand_int_range (rand, 0, 6);

  qs_plan_foreach_block (plan, collect_block, &targets);
  if (targets.tables->len == 0 && kind < 3)
    kind += 3;
  if (targets.paragraphs->len == 0 && kind >= 3)
    kind = 4;   /* add a paragraph to the first chapter below */

  if (kind < 3)
    {
      QsIndicatorTable *table = g_ptr_array_index (targets.tables,
                                                  g_rand_int_range (rand, 0, targets.tables->len));
      GListStore *rows = qs_indicator_table_get_rows (table);
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (rows));
      guint n_columns = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table)));

      if (kind == 0 && n_rows > 0 && n_columns > 0)
        {
          /* Values of the forms the grammar reads, and one it does not. */
          static const char *const prefixes[] = { "", "≥", "<", "下降", "待定", "约" };
          static const char *const suffixes[] = { "", ".5", "%", "万吨", "个百分点", "" };
          g_autofree char *text = g_strdup_printf ("%s%u%s", prefixes[serial % G_N_ELEMENTS (prefixes)],
                                                   serial, suffixes[(serial / 7) % G_N_ELEMENTS (suffixes)]);

          qs_indicator_table_set_cell (table, g_rand_int_range (rand, 0, n_rows),
                                       g_rand_int_range (rand, 0, n_columns), text);
        }
      else if (kind == 1 && n_rows > 0)
        {
          g_autoptr(QsIndicatorRow) source = g_list_model_get_item (G_LIST_MODEL (rows),
                                                                    g_rand_int_range (rand, 0, n_rows));
          g_autoptr(QsIndicatorRow) row = qs_indicator_row_copy (source);
          g_autofree char *number = g_strdup_printf ("%u", serial);

          qs_indicator_row_set_number (row, number);
          g_list_store_insert (rows, g_rand_int_range (rand, 0, n_rows + 1), row);
        }
      else if (n_rows > 1)
        g_list_store_remove (rows, g_rand_int_range (rand, 0, n_rows));
    }
  else if (kind == 3)
    {
      ParagraphPlace *place = &g_array_index (targets.paragraphs, ParagraphPlace,
                                              g_rand_int_range (rand, 0, targets.paragraphs->len));
      guint position = 0;

      if (nth_paragraph (place->blocks, place->nth, &position))
        {
          g_autoptr(QsParagraph) paragraph = g_list_model_get_item (G_LIST_MODEL (place->blocks), position);
          g_autofree char *text = g_strdup_printf ("%s（第%u次修改）",
                                                   qs_paragraph_get_text (paragraph), serial);

          /* Keep paragraphs from growing without bound over a long storm. */
          if (g_utf8_strlen (text, -1) > 400)
            {
              g_free (text);
              text = g_strdup_printf ("第%u次修改的段落。", serial);
            }
          qs_paragraph_set_text (paragraph, text);
        }
    }
  else if (kind == 4)
    {
      GListStore *blocks;
      g_autofree char *text = g_strdup_printf ("新增段落，第%u次编辑。", serial);
      g_autoptr(QsParagraph) paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY, text);

      if (targets.paragraphs->len > 0)
        blocks = g_array_index (targets.paragraphs, ParagraphPlace,
                                g_rand_int_range (rand, 0, targets.paragraphs->len)).blocks;
      else
        {
          GListStore *chapters = qs_plan_get_chapters (plan);
          g_autoptr(QsSection) chapter = NULL;

          if (g_list_model_get_n_items (G_LIST_MODEL (chapters)) == 0)
            {
              g_autoptr(QsSection) fresh = qs_section_new (QS_SECTION_CHAPTER, 1, "总则");

              g_list_store_append (chapters, fresh);
            }
          chapter = g_list_model_get_item (G_LIST_MODEL (chapters), 0);
          blocks = qs_section_get_blocks (chapter);
        }
      g_list_store_insert (blocks,
                           g_rand_int_range (rand, 0, g_list_model_get_n_items (G_LIST_MODEL (blocks)) + 1),
                           paragraph);
    }
  else
    {
      /* Remove a paragraph, but keep at least a handful in the plan. */
      ParagraphPlace *place = &g_array_index (targets.paragraphs, ParagraphPlace,
                                              g_rand_int_range (rand, 0, targets.paragraphs->len));
      guint position = 0;

      if (targets.paragraphs->len > 8 && nth_paragraph (place->blocks, place->nth, &position))
        g_list_store_remove (place->blocks, position);
    }

  g_array_unref (targets.paragraphs);
  g_ptr_array_unref (targets.tables);
}

static int
print_stored_digest (const char *db,
                     const char *id_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) workspace = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autofree char *digest = NULL;
  gint64 id = g_ascii_strtoll (id_text, NULL, 10);

  workspace = qs_workspace_open_full (db, QS_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return fail (error);
  plan = qs_workspace_load_plan (workspace, id, &error);
  if (plan == NULL)
    return fail (error);
  digest = plan_digest (plan);
  printf ("%s\n", digest);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(QsWorkspace) workspace = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *db = NULL;
  g_autofree char *digest = NULL;
  gint64 plan_id = 0;
  int n_edits = 1000;
  int busy_timeout = -1;
  gint64 seed = 0;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &db, "The workspace", "DB" },
    { "plan", 'p', 0, G_OPTION_ARG_INT64, &plan_id, "The plan's id", "ID" },
    { "edits", 'n', 0, G_OPTION_ARG_INT, &n_edits, "How many edits (default 1000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default: from the clock)", "S" },
    { "busy-timeout", 'b', 0, G_OPTION_ARG_INT, &busy_timeout, "Busy timeout in ms", "MS" },
    { NULL }
  };

  if (argc == 4 && g_strcmp0 (argv[1], "--digest") == 0)
    return print_stored_digest (argv[2], argv[3]);

  context = g_option_context_new ("- edit a stored plan many times");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || plan_id <= 0)
    {
      fprintf (stderr, "edit-storm: %s\n",
               error != NULL ? error->message : "--workspace and --plan are required (or --digest DB ID)");
      return 2;
    }

  rand = seed != 0 ? g_rand_new_with_seed ((guint32) seed) : g_rand_new ();
  workspace = qs_workspace_open (db, FALSE, &error);
  if (workspace == NULL)
    return fail (error);
  if (busy_timeout >= 0)
    qs_workspace_set_busy_timeout (workspace, busy_timeout);
  plan = qs_workspace_load_plan (workspace, plan_id, &error);
  if (plan == NULL)
    return fail (error);

  digest = plan_digest (plan);
  printf ("start %s\n", digest);
  fflush (stdout);

  for (int i = 1; i <= n_edits; i++)
    {
      edit_plan (plan, rand, (guint) i);
      g_free (digest);
      digest = plan_digest (plan);
      printf ("pending %d %s\n", i, digest);
      fflush (stdout);
      if (!qs_workspace_save_plan (workspace, plan_id, plan, &error))
        return fail (error);
      printf ("committed %d %s\n", i, digest);
      fflush (stdout);
    }
  return 0;
}
