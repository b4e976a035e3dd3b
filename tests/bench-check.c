/* bench-check.c: checking 40 district plans against one municipal plan.
 *
 * The plans are made up in code from the catalog's own entries: a
 * municipal target table of every entry with a direction, and 40 district
 * plans, each with a target table (a third of the rows waiting for the
 * municipality) and a review table, under grouped requirements of all four
 * kinds.  Prints the median time of one round (all 40 checks) over
 * --rounds rounds; the goal is well under a second.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "qs-catalog.h"
#include "qs-check.h"
#include "qs-linker.h"
#include "qs-model.h"
#include "qs-requirement.h"

#include "bench-plans.h"

#define N_DISTRICTS 40

/* A figure for an entry: baseline @base, target a little better or worse. */
static void
figures (QsCatalogEntry *entry,
         guint           seed,
         char          **baseline,
         char          **target)
{
  int sign = qs_better_sign (qs_catalog_entry_get_better (entry));
  double base = 20 + (seed * 7) % 60;
  double step = (seed % 5 == 0) ? -1.5 : 2.5;   /* every fifth one worse than its baseline */

  if (qs_catalog_entry_get_better (entry) == QS_BETTER_WATER_CLASS)
    {
      *baseline = g_strdup ("Ⅲ");
      *target = g_strdup (seed % 5 == 0 ? "Ⅳ" : "Ⅱ");
      return;
    }
  *baseline = g_strdup_printf ("%.1f", base);
  if (sign < 0)
    *target = g_strdup_printf ("≤%.1f", base - step);
  else
    *target = g_strdup_printf ("≥%.1f", base + step);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the check of 40 districts");
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) requirements = g_list_store_new (QS_TYPE_REQUIREMENT);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(QsIndicatorTable) m_table = NULL;
  g_autoptr(QsCheck) check = NULL;
  int rounds = 21;
  gboolean unlinked = FALSE;
  guint n_rows = 0, n_findings = 0;
  double median;
  const GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "How many rounds (default 21)", "N" },
    { "unlinked", 'u', 0, G_OPTION_ARG_NONE, &unlinked, "Leave rows unlinked: the check matches names", NULL },
    { NULL }
  };
  const char * const m_headers[] = { "指标名称", "2020年实际值", "2025年目标值", NULL };
  const char * const d_headers[] = { "序号", "指标", "指标属性", "2020年现状值", "2025年目标值", NULL };
  const char * const r_headers[] = { "指标名称", "2020年目标", "2020年实际值", "完成情况", NULL };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-check: %s\n", error->message);
      return 2;
    }
  rounds = CLAMP (rounds, 1, 10000);

  catalog = qs_catalog_new_default (&error);
  if (catalog == NULL)
    {
      fprintf (stderr, "bench-check: %s\n", error->message);
      return 1;
    }

  /* The indicators: every catalog entry with a direction. */
  chosen = bench_choose_entries (catalog, G_MAXUINT);

  m_table = bench_new_table ("专栏1", NULL, m_headers);
  for (guint i = 0; i < chosen->len; i++)
    {
      g_autofree char *baseline = NULL;
      g_autofree char *target = NULL;
      const char *cells[4];

      figures (chosen->pdata[i], i, &baseline, &target);
      cells[0] = qs_catalog_entry_get_name (chosen->pdata[i]);
      cells[1] = baseline;
      cells[2] = target;
      cells[3] = NULL;
      bench_add_row (m_table, cells);
    }
  qs_indicator_table_set_caption (m_table, "专栏1 约束性指标");
  municipal = bench_new_plan ("某市", 2021, 2025, m_table, NULL);

  for (guint d = 0; d < N_DISTRICTS; d++)
    {
      g_autofree char *region = g_strdup_printf ("第%u区", d + 1);
      g_autoptr(QsIndicatorTable) target_table = bench_new_table ("表2", NULL, d_headers);
      g_autoptr(QsIndicatorTable) review_table = bench_new_table ("表1", NULL, r_headers);

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
          g_autofree char *actual = NULL;
          const char *cells[6];

          /* Two rows in three go into the target table. */
          if ((i + d) % 3 != 0)
            {
              figures (entry, i + d, &baseline, &target);
              cells[0] = number;
              cells[1] = name;
              cells[2] = i % 2 ? "约束性" : "预期性";
              cells[3] = baseline;
              cells[4] = (i + d) % 4 == 0 ? "由重庆市下达" : target;
              cells[5] = NULL;
              bench_add_row (target_table, cells);
              n_rows++;
            }
          g_clear_pointer (&baseline, g_free);
          g_clear_pointer (&target, g_free);
          figures (entry, i * 3 + d, &target, &actual);
          cells[0] = name;
          cells[1] = target;
          cells[2] = actual;
          cells[3] = (i + d) % 7 == 0 ? "未完成" : "完成";
          cells[4] = NULL;
          bench_add_row (review_table, cells);
          n_rows++;
        }
      g_ptr_array_add (districts, bench_new_plan (region, 2021, 2025, review_table,
                                                  target_table));
    }

  /* Four groups of ten districts, each with requirements of every kind. */
  for (guint g = 0; g < 4; g++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) members = NULL;
      g_autofree char *id = g_strdup_printf ("group-%u", g);
      g_autofree char *name = g_strdup_printf ("第%u组", g + 1);
      g_autoptr(QsDistrictGroup) group = NULL;

      for (guint d = g * 10; d < (g + 1) * 10; d++)
        {
          g_autofree char *region = g_strdup_printf ("第%u区", d + 1);

          g_strv_builder_add (builder, region);
        }
      members = g_strv_builder_end (builder);
      group = qs_district_group_new (id, name, (const char * const *) members);

      for (guint i = g; i < chosen->len; i += 4)
        {
          QsCatalogEntry *entry = chosen->pdata[i];
          QsBetter better = qs_catalog_entry_get_better (entry);
          g_autoptr(QsRequirement) r = NULL;

          switch (i % 4)
            {
            case 0:
              r = qs_requirement_new (qs_catalog_entry_get_id (entry), QS_REQUIREMENT_ABSOLUTE_BOUND,
                                      better == QS_BETTER_WATER_CLASS ? "Ⅲ"
                                      : qs_better_sign (better) < 0 ? "≤60" : "≥30");
              break;
            case 1:
              r = qs_requirement_new (qs_catalog_entry_get_id (entry), QS_REQUIREMENT_CHANGE,
                                      qs_better_sign (better) < 0 ? "下降10%以上" : "提高2个百分点");
              qs_requirement_set_base_year (r, 2020);
              break;
            case 2:
              r = qs_requirement_new (qs_catalog_entry_get_id (entry), QS_REQUIREMENT_KEEP_BASELINE, NULL);
              break;
            default:
              r = qs_requirement_new (qs_catalog_entry_get_id (entry), QS_REQUIREMENT_ASSIGNED_VALUE,
                                      better == QS_BETTER_WATER_CLASS ? "Ⅱ"
                                      : qs_better_sign (better) < 0 ? "≤40" : "≥45");
              break;
            }
          qs_requirement_set_group (r, group);
          qs_requirement_set_source (r, "专栏3");
          g_list_store_append (requirements, r);
        }
    }

  if (!unlinked)
    {
      qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);
      for (guint d = 0; d < districts->len; d++)
        qs_linker_link_plan (catalog, districts->pdata[d], QS_LINK_DEFAULT, NULL);
    }

  check = qs_check_new (catalog);
  qs_check_set_requirements (check, G_LIST_MODEL (requirements));

  for (int round = 0; round < rounds; round++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      n_findings = 0;
      for (guint d = 0; d < districts->len; d++)
        {
          qs_check_run (check, districts->pdata[d], municipal);
          n_findings += g_list_model_get_n_items (qs_check_get_row_findings (check)) +
                        g_list_model_get_n_items (qs_check_get_plan_findings (check)) +
                        g_list_model_get_n_items (qs_check_get_completions (check));
        }
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (times, seconds);
    }

  g_array_sort (times, bench_compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  printf ("bench-check: %u districts, %u rows, %u requirements, %u findings per round%s\n",
          districts->len, n_rows, g_list_model_get_n_items (G_LIST_MODEL (requirements)), n_findings,
          unlinked ? " (rows unlinked)" : "");
  printf ("bench-check: median %.1f ms per round of %u checks (min %.1f ms, max %.1f ms, %d rounds); goal < 1000 ms\n",
          median * 1000, districts->len, g_array_index (times, double, 0) * 1000,
          g_array_index (times, double, times->len - 1) * 1000, rounds);
  return 0;
}
