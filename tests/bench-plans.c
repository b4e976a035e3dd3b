/* bench-plans.c: the plan building shared by bench-check and bench-compare. */
#include "config.h"

#include "bench-plans.h"

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

GPtrArray *
bench_choose_entries (QsCatalog *catalog,
                      guint      max)
{
  GPtrArray *chosen = g_ptr_array_new ();

  for (guint i = 0; i < qs_catalog_get_n_entries (catalog) && chosen->len < max; i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (qs_catalog_get_entries (catalog), i);

      if (qs_catalog_entry_get_better (entry) != QS_BETTER_NONE)
        g_ptr_array_add (chosen, entry);   /* the catalog keeps it alive */
    }
  return chosen;
}

QsIndicatorTable *
bench_new_table (const char         *label,
                 const char         *caption,
                 const char * const *headers)
{
  QsIndicatorTable *table = qs_indicator_table_new ();

  if (label != NULL)
    qs_indicator_table_set_label (table, label);
  if (caption != NULL)
    qs_indicator_table_set_caption (table, caption);
  for (guint c = 0; headers[c] != NULL; c++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (headers[c], -1);

      qs_indicator_table_insert_column (table, c, column);
    }
  return table;
}

void
bench_add_row (QsIndicatorTable   *table,
               const char * const *cells)
{
  g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
  guint index = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table)));

  g_list_store_append (qs_indicator_table_get_rows (table), row);
  for (guint c = 0; cells[c] != NULL; c++)
    qs_indicator_table_set_cell (table, index, c, cells[c]);
}

QsPlan *
bench_new_plan (const char       *region,
                int               start,
                int               end,
                QsIndicatorTable *first,
                QsIndicatorTable *second)
{
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "规划目标");

  qs_plan_set_region (plan, region);
  qs_plan_set_period (plan, start, end);
  g_list_store_append (qs_section_get_blocks (chapter), first);
  if (second != NULL)
    g_list_store_append (qs_section_get_blocks (chapter), second);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return plan;
}
