/* bench-compare.c: building the comparison matrix of 40 districts × 30 indicators.
 *
 * The plans are made up in code from the catalog's own entries: a
 * municipal target table of the first 30 entries with a direction, and 40
 * district plans each answering 30 indicators (one in six waiting for the
 * municipality, some written in another unit or as a change from the
 * baseline, a few left out), under grouped requirements.  Prints the median
 * time to build the matrix (every plan checked, cells filled, strictest and
 * weakest marked, filters applied) over --rounds rounds; the goal is under
 * 50 ms.  Rows are linked to the catalog first, as plans in the workspace
 * are (and as the CLI does in memory); --unlinked leaves the check to
 * match names on every build.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "qs-catalog.h"
#include "qs-compare-export.h"
#include "qs-compare-matrix.h"
#include "qs-linker.h"
#include "qs-model.h"
#include "qs-requirement.h"

#include "bench-plans.h"

#define N_DISTRICTS  40
#define N_INDICATORS 30
#define GOAL_MS      50.0

/* Figures for an entry in district @d: a baseline and a target that
 * differs from district to district, so every row has a strictest and a
 * weakest; some as 由重庆市下达, some as a change. */
static void
figures (QsCatalogEntry *entry,
         guint           d,
         guint           i,
         char          **baseline,
         char          **target)
{
  int sign = qs_better_sign (qs_catalog_entry_get_better (entry));
  double base = 20 + ((i * 7 + d * 3) % 60);
  double step = 0.5 + (double) ((d * 13 + i) % 9);

  if (qs_catalog_entry_get_better (entry) == QS_BETTER_WATER_CLASS)
    {
      *baseline = g_strdup ("Ⅲ");
      *target = g_strdup ((d + i) % 3 == 0 ? "Ⅲ" : "Ⅱ");
      return;
    }
  *baseline = g_strdup_printf ("%.1f", base);
  if ((d + i) % 6 == 0)
    *target = g_strdup ("由重庆市下达");
  else if ((d + i) % 6 == 1)
    *target = g_strdup_printf ("%s%.0f%%", sign < 0 ? "下降" : "提高", step);
  else if (sign < 0)
    *target = g_strdup_printf ("≤%.1f", base - step);
  else
    *target = g_strdup_printf ("≥%.1f", base + step);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the comparison matrix of 40 districts");
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(GListStore) plans = g_list_store_new (QS_TYPE_PLAN);
  g_autoptr(GListStore) requirements = g_list_store_new (QS_TYPE_REQUIREMENT);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(QsIndicatorTable) m_table = NULL;
  g_autoptr(QsDistrictGroup) group = NULL;
  g_autoptr(GPtrArray) group_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *csv = NULL;
  int rounds = 21;
  gboolean unlinked = FALSE;
  guint n_rows = 0, n_marked = 0, n_missing = 0;
  gsize csv_length = 0;
  double median;
  const GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "How many rounds (default 21)", "N" },
    { "unlinked", 'u', 0, G_OPTION_ARG_NONE, &unlinked, "Leave rows unlinked: the check matches names", NULL },
    { NULL }
  };
  const char * const m_headers[] = { "指标名称", "指标属性", "2020年现状值", "2025年目标值", NULL };
  const char * const d_headers[] = { "序号", "指标", "单位", "指标属性", "2020年现状值", "2025年目标值", NULL };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-compare: %s\n", error->message);
      return 2;
    }
  rounds = CLAMP (rounds, 1, 10000);

  catalog = qs_catalog_new_default (&error);
  if (catalog == NULL)
    {
      fprintf (stderr, "bench-compare: %s\n", error->message);
      return 1;
    }

  /* The indicators: the first 30 catalog entries with a direction. */
  chosen = bench_choose_entries (catalog, N_INDICATORS);

  m_table = bench_new_table (NULL, "专栏1 主要指标", m_headers);
  for (guint i = 0; i < chosen->len; i++)
    {
      g_autofree char *baseline = NULL;
      g_autofree char *target = NULL;
      const char *cells[5];

      figures (chosen->pdata[i], 0, i + 2, &baseline, &target);
      cells[0] = qs_catalog_entry_get_name (chosen->pdata[i]);
      cells[1] = i % 3 ? "约束性" : "预期性";
      cells[2] = baseline;
      cells[3] = target;
      cells[4] = NULL;
      bench_add_row (m_table, cells);
    }
  municipal = bench_new_plan ("某市", 2021, 2025, m_table, NULL);
  if (!unlinked)
    qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);

  for (guint d = 0; d < N_DISTRICTS; d++)
    {
      g_autofree char *region = g_strdup_printf ("第%u区", d + 1);
      g_autoptr(QsIndicatorTable) table = bench_new_table (NULL, "表2 主要指标", d_headers);
      g_autoptr(QsPlan) plan = NULL;

      if (d % 2 == 0)
        g_ptr_array_add (group_names, g_strdup (region));
      for (guint i = 0; i < chosen->len; i++)
        {
          QsCatalogEntry *entry = chosen->pdata[i];
          const char * const *aliases = qs_catalog_entry_get_aliases (entry);
          /* Written as the districts write it: one of the aliases. */
          const char *name = aliases[0] != NULL ? aliases[(d + i) % g_strv_length ((char **) aliases)]
                                                : qs_catalog_entry_get_name (entry);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *baseline = NULL;
          g_autofree char *target = NULL;
          const char *cells[7];

          /* A few binding indicators left out, to be marked missing. */
          if ((d * 5 + i) % 29 == 0)
            continue;
          figures (entry, d, i, &baseline, &target);
          cells[0] = number;
          cells[1] = name;
          cells[2] = qs_catalog_entry_get_unit (entry) ? qs_catalog_entry_get_unit (entry) : "";
          cells[3] = i % 3 ? "约束性" : "预期性";
          cells[4] = baseline;
          cells[5] = target;
          cells[6] = NULL;
          bench_add_row (table, cells);
        }
      plan = bench_new_plan (region, 2021, 2025, table, NULL);
      if (!unlinked)
        qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, NULL);
      g_list_store_append (plans, plan);
    }

  /* Requirements on half the districts, by group, for a third of the
   * indicators. */
  g_ptr_array_add (group_names, NULL);
  group = qs_district_group_new ("half", "偶数区", (const char * const *) group_names->pdata);
  for (guint i = 0; i < chosen->len; i += 3)
    {
      QsCatalogEntry *entry = chosen->pdata[i];
      int sign = qs_better_sign (qs_catalog_entry_get_better (entry));
      g_autofree char *figure = g_strdup_printf ("%s%u", sign < 0 ? "≤" : "≥", 30 + i);
      g_autoptr(QsRequirement) r = qs_requirement_new (qs_catalog_entry_get_id (entry),
                                                       QS_REQUIREMENT_ABSOLUTE_BOUND, figure);

      qs_requirement_set_group (r, group);
      qs_requirement_set_source (r, "专栏3");
      g_list_store_append (requirements, r);
    }

  for (int round = 0; round < rounds; round++)
    {
      g_autoptr(QsCompareMatrix) matrix = qs_compare_matrix_new (catalog);
      gint64 start, end;
      double ms;

      qs_compare_matrix_set_requirements (matrix, G_LIST_MODEL (requirements));
      start = g_get_monotonic_time ();
      qs_compare_matrix_build (matrix, G_LIST_MODEL (plans), municipal);
      end = g_get_monotonic_time ();
      ms = (double) (end - start) / 1000.0;
      g_array_append_val (times, ms);

      if (round == 0)
        {
          GListModel *rows = qs_compare_matrix_get_rows (matrix);

          n_rows = g_list_model_get_n_items (rows);
          for (guint r = 0; r < n_rows; r++)
            {
              g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, r);

              for (guint p = 0; p < qs_compare_row_get_n_cells (row); p++)
                {
                  const QsCompareCell *cell = qs_compare_row_get_cell (row, p);

                  if (cell->flags & (QS_COMPARE_CELL_STRICTEST | QS_COMPARE_CELL_WEAKEST))
                    n_marked++;
                  if (cell->flags & QS_COMPARE_CELL_MISSING)
                    n_missing++;
                }
            }
          csv = qs_compare_export_csv (matrix, &csv_length);
        }
    }

  g_array_sort (times, bench_compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  printf ("bench-compare: %u districts × %u indicators (%s): %u rows, %u cells marked strictest/weakest, "
          "%u missing; CSV %" G_GSIZE_FORMAT " bytes\n",
          N_DISTRICTS, chosen->len, unlinked ? "unlinked rows" : "rows linked", n_rows, n_marked, n_missing, csv_length);
  printf ("bench-compare: median %.1f ms to build the matrix (min %.1f ms, max %.1f ms, %u rounds); "
          "goal < %.0f ms\n",
          median, g_array_index (times, double, 0), g_array_index (times, double, times->len - 1),
          times->len, GOAL_MS);
  return 0;
}
