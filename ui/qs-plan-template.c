/* qs-plan-template.c: the chapter skeleton and target table of a new plan. */
#define G_LOG_DOMAIN "qs-plan-template"

#include "config.h"

#include "qs-plan-template.h"

/* The usual outline of a district plan: chapters and, for some, sections.
 * Headings only; the prose is the planner's. */
typedef struct
{
  const char *title;
  const char *sections[4];
} Chapter;

static const Chapter chapters[] = {
  { "发展现状与形势", { "“十三五”以来取得的成效", "存在的问题", "面临的形势", NULL } },
  { "总体要求", { "指导思想", "基本原则", "主要目标", NULL } },
  { "推动绿色低碳发展", { "优化产业结构和能源结构", "积极应对气候变化", NULL } },
  { "深入打好污染防治攻坚战", { "持续改善大气环境质量", "提升水生态环境质量", "保障土壤和地下水环境安全", NULL } },
  { "加强生态保护与修复", { NULL } },
  { "防范化解生态环境风险", { NULL } },
  { "健全现代环境治理体系", { NULL } },
  { "实施重点工程", { NULL } },
  { "保障措施", { NULL } },
};

static const char * const section_headers[] = { "类别", "序号", "指标名称", "单位", NULL };

static void
add_row (QsIndicatorTable *table,
         const char       *category,
         const char       *name,
         const char       *unit,
         const char       *attribute,
         const char       *parent)
{
  GListStore *rows = qs_indicator_table_get_rows (table);
  guint index = g_list_model_get_n_items (G_LIST_MODEL (rows));
  guint n_columns = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table)));
  g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  const char *previous = NULL;

  for (guint c = 0; c < n_columns; c++)
    qs_indicator_row_set_cell (row, c, "");
  g_list_store_append (rows, row);
  if (index > 0)
    previous = qs_indicator_row_get_category (qs_indicator_table_get_row (table, index - 1));
  /* A category like the row above's is a merged cell: written once. */
  qs_indicator_table_set_cell (table, index, 0,
                               g_strcmp0 (previous, category) == 0 ? "" : (category != NULL ? category : ""));
  qs_indicator_table_set_cell (table, index, 1, number);
  qs_indicator_table_set_cell (table, index, 2, name);
  qs_indicator_table_set_cell (table, index, 3, unit != NULL ? unit : "");
  qs_indicator_table_set_cell (table, index, 6, attribute != NULL ? attribute : "");
  qs_indicator_row_set_parent (row, parent);
}

static QsIndicatorTable *
find_target_table (QsPlan *plan)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  for (guint i = 0; i < tables->len; i++)
    {
      QsIndicatorTable *table = g_ptr_array_index (tables, i);

      if (qs_indicator_table_find_column (table, QS_COLUMN_TARGET) >= 0 &&
          qs_indicator_table_find_column (table, QS_COLUMN_ACTUAL) < 0)
        return g_object_ref (table);
    }
  return NULL;
}

static void
fill_from_municipal (QsIndicatorTable *table,
                     QsIndicatorTable *source)
{
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (source));
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, i);
      const char *name = qs_indicator_row_get_indicator (row);

      if (name == NULL || name[0] == '\0')
        name = qs_indicator_row_get_name (row);
      if (name == NULL || name[0] == '\0')
        continue;
      add_row (table, qs_indicator_row_get_category (row), name, qs_indicator_row_get_unit (row),
               qs_indicator_row_get_attribute (row), qs_indicator_row_get_parent (row));
    }
}

static void
fill_from_catalog (QsIndicatorTable *table,
                   QsCatalog        *catalog)
{
  GListModel *entries = qs_catalog_get_entries (catalog);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);

      if (!qs_catalog_entry_get_binding (entry))
        continue;
      add_row (table, qs_catalog_entry_get_field (entry), qs_catalog_entry_get_name (entry),
               qs_catalog_entry_get_unit (entry), "约束性", NULL);
    }
}

void
qs_plan_template_fill (QsPlan    *plan,
                       QsPlan    *municipal,
                       QsCatalog *catalog)
{
  GListStore *store;
  g_autoptr(QsIndicatorTable) table = NULL;
  g_autoptr(QsIndicatorTable) source = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *target = NULL;
  g_autofree char *caption = NULL;
  int start;
  int end;

  g_return_if_fail (QS_IS_PLAN (plan));
  g_return_if_fail (municipal == NULL || QS_IS_PLAN (municipal));
  g_return_if_fail (catalog == NULL || QS_IS_CATALOG (catalog));

  start = qs_plan_get_start_year (plan);
  end = qs_plan_get_end_year (plan);
  store = qs_plan_get_chapters (plan);

  /* The target table: structure columns, the baseline of the year before
   * the period, the period's target, the attribute. */
  table = qs_indicator_table_new ();
  baseline = g_strdup_printf ("%d年现状值", start - 1);
  target = g_strdup_printf ("%d年目标值", end);
  {
    const char *headers[] = { section_headers[0], section_headers[1], section_headers[2],
                              section_headers[3], baseline, target, "指标属性", NULL };

    for (guint c = 0; headers[c] != NULL; c++)
      {
        g_autoptr(QsTableColumn) column = qs_table_column_new (headers[c], -1);

        qs_indicator_table_insert_column (table, c, column);
      }
  }
  qs_indicator_table_set_label (table, "表1");
  caption = g_strdup_printf ("表1 %s主要指标", qs_plan_get_region (plan) != NULL ? qs_plan_get_region (plan) : "");
  qs_indicator_table_set_caption (table, caption);
  if (municipal != NULL)
    source = find_target_table (municipal);
  if (source != NULL)
    {
      fill_from_municipal (table, source);
      qs_plan_set_parent_plan (plan, qs_plan_get_title (municipal));
    }
  else if (catalog != NULL)
    {
      fill_from_catalog (table, catalog);
    }

  for (guint i = 0; i < G_N_ELEMENTS (chapters); i++)
    {
      g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, i + 1, chapters[i].title);

      for (guint s = 0; chapters[i].sections[s] != NULL; s++)
        {
          g_autoptr(QsSection) section = qs_section_new (QS_SECTION_SECTION, s + 1, chapters[i].sections[s]);

          if (g_str_equal (chapters[i].sections[s], "主要目标"))
            g_list_store_append (qs_section_get_blocks (section), table);
          g_list_store_append (qs_section_get_children (chapter), section);
        }
      g_list_store_append (store, chapter);
    }
}

QsPlan *
qs_plan_template_find_municipal (QsWorkspace *workspace,
                                 int          start_year)
{
  g_autoptr(GPtrArray) summaries = NULL;
  gint64 previous = 0;
  gint64 same = 0;

  g_return_val_if_fail (QS_IS_WORKSPACE (workspace), NULL);

  summaries = qs_workspace_list_plans (workspace, NULL);
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (summaries, i);

      if (summary->level != QS_PLAN_LEVEL_MUNICIPAL)
        continue;
      if (summary->start_year == start_year && same == 0)
        same = summary->id;
      else if (summary->start_year == start_year - 5 && previous == 0)
        previous = summary->id;
    }
  if (same == 0 && previous == 0)
    return NULL;
  return qs_workspace_load_plan (workspace, same != 0 ? same : previous, NULL);
}
