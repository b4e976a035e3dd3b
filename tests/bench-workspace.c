/* bench-workspace.c: a workspace of 1,000 plans — how long it takes to add
 * them, to open the workspace and list them, to load one and to save one.
 *
 *   bench-workspace [--plans N] [--rounds R] [--keep DB]
 *
 * The plans are copies of the first sample plan (resources/samples, found
 * through $QS_SOURCE_DIR) with their own titles and regions, or, without
 * it, a small plan made here.  Prints one line per operation:
 *   BENCH <name> <median ms> <peak RSS KiB>
 * (peak resident memory of the process so far, getrusage), which
 * tools/bench-all puts in its table. */
#include "config.h"

#define G_LOG_DOMAIN "qs-bench-workspace"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "qs-model.h"

static int
compare_string (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;   /* KiB on Linux */
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report (const char *name,
        GArray     *times)
{
  g_array_sort (times, compare_double);
  printf ("BENCH %s %.3f %ld\n", name,
          g_array_index (times, double, times->len / 2) * 1000.0, peak_rss_kib ());
  fflush (stdout);
}

/* A plan of three chapters with prose and a 20-row indicator table, for
 * when the samples are absent. */
static QsPlan *
make_plan (void)
{
  QsPlan *plan = qs_plan_new ();

  qs_plan_set_title (plan, "某区生态环境保护规划");
  qs_plan_set_region (plan, "某区");
  qs_plan_set_period (plan, 2021, 2025);
  for (int c = 1; c <= 3; c++)
    {
      g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, c, "章");
      GListStore *blocks = qs_section_get_blocks (chapter);

      for (int p = 0; p < 20; p++)
        {
          g_autoptr(QsParagraph) paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY,
                                                               "到2025年，空气质量优良天数比率达到88%以上。");

          g_list_store_append (blocks, paragraph);
        }
      if (c == 1)
        {
          g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
          static const char *const headers[] = { "序号", "指标", "2020年", "2025年" };

          for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
            {
              g_autoptr(QsTableColumn) column = qs_table_column_new (headers[i], -1);

              qs_indicator_table_insert_column (table, i, column);
            }
          for (int r = 0; r < 20; r++)
            {
              g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
              g_autofree char *number = g_strdup_printf ("%d", r + 1);

              g_list_store_append (qs_indicator_table_get_rows (table), row);
              qs_indicator_table_set_cell (table, r, 0, number);
              qs_indicator_table_set_cell (table, r, 1, "细颗粒物（PM2.5）年均浓度");
              qs_indicator_table_set_cell (table, r, 2, "38");
              qs_indicator_table_set_cell (table, r, 3, "≤35");
            }
          g_list_store_append (blocks, table);
        }
      g_list_store_append (qs_plan_get_chapters (plan), chapter);
    }
  return plan;
}

static QsPlan *
load_template (void)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (source != NULL)
    {
      dir_path = g_build_filename (source, "resources", "samples", NULL);
      dir = g_dir_open (dir_path, 0, NULL);
    }
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".qsplan"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_string);
  if (names->len > 0)
    {
      g_autoptr(GError) error = NULL;
      QsPlan *plan = qs_plan_xml_read_file (names->pdata[0], &error);

      if (plan != NULL)
        {
          printf ("bench-workspace: each plan is a copy of %s\n", (const char *) names->pdata[0]);
          return plan;
        }
      fprintf (stderr, "bench-workspace: %s\n", error->message);
    }
  printf ("bench-workspace: no sample plans; each plan is a small plan made here\n");
  return make_plan ();
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time a workspace of many plans");
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(GArray) add_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  g_autofree char *keep = NULL;
  gint64 middle_id = 0;
  int n_plans = 1000;
  int rounds = 11;
  const GOptionEntry entries[] = {
    { "plans", 'p', 0, G_OPTION_ARG_INT, &n_plans, "How many plans (default 1000)", "N" },
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Rounds of each timing (default 11)", "R" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Build the workspace at DB and keep it", "DB" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-workspace: %s\n", error->message);
      return 1;
    }
  n_plans = CLAMP (n_plans, 1, 1000000);
  rounds = CLAMP (rounds, 1, 10000);

  plan = load_template ();
  if (keep != NULL)
    db = g_strdup (keep);
  else
    {
      tmp = g_dir_make_tmp ("qs-bench-workspace-XXXXXX", &error);
      if (tmp == NULL)
        {
          fprintf (stderr, "bench-workspace: %s\n", error->message);
          return 1;
        }
      db = g_build_filename (tmp, "bench.qsdb", NULL);
    }

  {
    g_autoptr(QsWorkspace) workspace = qs_workspace_open (db, TRUE, &error);
    g_autofree char *region = NULL;

    if (workspace == NULL)
      {
        fprintf (stderr, "bench-workspace: %s\n", error->message);
        return 1;
      }
    for (int i = 0; i < n_plans; i++)
      {
        g_autofree char *title = g_strdup_printf ("第%d区生态环境保护规划", i + 1);
        double start;
        gint64 id;

        g_free (region);
        region = g_strdup_printf ("第%d区", i + 1);
        qs_plan_set_title (plan, title);
        qs_plan_set_region (plan, region);
        start = now ();
        id = qs_workspace_add_plan (workspace, plan, &error);
        if (id == 0)
          {
            fprintf (stderr, "bench-workspace: %s\n", error->message);
            return 1;
          }
        g_array_append_vals (add_times, (double[]) { now () - start }, 1);
        if (i == n_plans / 2)
          middle_id = id;
      }
  }
  {
    g_autofree char *label = g_strdup_printf ("workspace-add-plan(%d)", n_plans);

    report (label, add_times);
  }

  for (int round = 0; round < rounds; round++)
    {
      double start = now ();
      g_autoptr(QsWorkspace) workspace = qs_workspace_open (db, FALSE, &error);
      g_autoptr(GPtrArray) plans = NULL;

      if (workspace == NULL || (plans = qs_workspace_list_plans (workspace, &error)) == NULL)
        {
          fprintf (stderr, "bench-workspace: %s\n", error->message);
          return 1;
        }
      g_array_append_vals (open_times, (double[]) { now () - start }, 1);
      if (plans->len != (guint) n_plans && keep == NULL)
        {
          fprintf (stderr, "bench-workspace: listed %u plans, expected %d\n", plans->len, n_plans);
          return 1;
        }
    }
  {
    g_autofree char *label = g_strdup_printf ("workspace-open+list(%d)", n_plans);

    report (label, open_times);
  }

  {
    g_autoptr(QsWorkspace) workspace = qs_workspace_open (db, FALSE, &error);

    if (workspace == NULL)
      {
        fprintf (stderr, "bench-workspace: %s\n", error->message);
        return 1;
      }
    for (int round = 0; round < rounds; round++)
      {
        double start = now ();
        g_autoptr(QsPlan) loaded = qs_workspace_load_plan (workspace, middle_id, &error);

        if (loaded == NULL)
          {
            fprintf (stderr, "bench-workspace: %s\n", error->message);
            return 1;
          }
        g_array_append_vals (load_times, (double[]) { now () - start }, 1);
        start = now ();
        if (!qs_workspace_save_plan (workspace, middle_id, loaded, &error))
          {
            fprintf (stderr, "bench-workspace: %s\n", error->message);
            return 1;
          }
        g_array_append_vals (save_times, (double[]) { now () - start }, 1);
      }
  }
  report ("workspace-load-plan", load_times);
  report ("workspace-save-plan", save_times);

  if (tmp != NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmp);
    }
  return 0;
}
