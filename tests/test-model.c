/* test-model.c: the document model's own behaviour. */
#include "config.h"

#include <string.h>

#include "qs-model.h"

static void
test_column_roles (void)
{
  static const struct { const char *header; QsColumnRole role; int year; } cases[] = {
    { "类别", QS_COLUMN_CATEGORY, 0 },
    { "序号", QS_COLUMN_NUMBER, 0 },
    { "指  标", QS_COLUMN_NAME, 0 },
    { "指标名称", QS_COLUMN_NAME, 0 },
    { "", QS_COLUMN_SUBNAME, 0 },
    { "指标单位", QS_COLUMN_UNIT, 0 },
    { "指标属性", QS_COLUMN_ATTRIBUTE, 0 },
    { "指标类别", QS_COLUMN_ATTRIBUTE, 0 },
    { "2020年\n现状值", QS_COLUMN_BASELINE, 2020 },
    { "2015 年 现状值", QS_COLUMN_BASELINE, 2015 },
    { "2025年目标值", QS_COLUMN_TARGET, 2025 },
    { "2020年目标", QS_COLUMN_TARGET, 2020 },
    { "2020年实际值", QS_COLUMN_ACTUAL, 2020 },
    { "增减幅度", QS_COLUMN_CHANGE, 0 },
    { "完成情况", QS_COLUMN_STATUS, 0 },
    { "备注", QS_COLUMN_REMARK, 0 },
    { "牵头单位", QS_COLUMN_OTHER, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (cases[i].header, -1);

      g_assert_cmpstr (qs_column_role_to_string (qs_table_column_get_role (column)), ==,
                       qs_column_role_to_string (cases[i].role));
      g_assert_cmpint (qs_table_column_get_year (column), ==, cases[i].year);
      g_assert_cmpstr (qs_table_column_get_header (column), ==, cases[i].header);
    }

  {
    g_autoptr(QsTableColumn) column = qs_table_column_new ("2020年\n现状值", QS_COLUMN_ACTUAL);
    g_assert_cmpstr (qs_table_column_get_name (column), ==, "2020年现状值");
    g_assert_cmpint (qs_table_column_get_role (column), ==, QS_COLUMN_ACTUAL);
  }
}

static void
test_enum_strings (void)
{
  for (int r = QS_COLUMN_OTHER; r <= QS_COLUMN_REMARK; r++)
    {
      QsColumnRole back;

      g_assert_true (qs_column_role_from_string (qs_column_role_to_string (r), &back));
      g_assert_cmpint (back, ==, r);
    }
  for (int k = QS_SECTION_FRONT; k <= QS_SECTION_BACK; k++)
    {
      QsSectionKind back;

      g_assert_true (qs_section_kind_from_string (qs_section_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  for (int l = QS_PLAN_LEVEL_DISTRICT; l <= QS_PLAN_LEVEL_MUNICIPAL; l++)
    {
      QsPlanLevel back;

      g_assert_true (qs_plan_level_from_string (qs_plan_level_to_string (l), &back));
      g_assert_cmpint (back, ==, l);
    }
  {
    QsPlanLevel level;
    g_assert_false (qs_plan_level_from_string ("province", &level));
    g_assert_false (qs_plan_level_from_string (NULL, &level));
  }
}

static void
test_indicator_names (void)
{
  static const struct { const char *cell, *number, *indicator, *unit, *markers; } cases[] = {
    { "1.生态保护红线占幅员面积的比例（%）〔1〕", "1", "生态保护红线占幅员面积的比例", "%", "〔1〕" },
    { "5.空气质量优良天数比率〔2〕（%）", "5", "空气质量优良天数比率", "%", "〔2〕" },
    { "森林覆盖率（%）", NULL, "森林覆盖率", "%", NULL },
    { "细颗粒物 (PM _{2.5}) 年平均浓度", NULL, "细颗粒物(PM_{2.5})年平均浓度", NULL, NULL },
    { "细颗粒物(PM2.5)年均浓度(μg/m3", NULL, "细颗粒物(PM2.5)年均浓度", "μg/m3", NULL },
    { "主要污染物排放总量减少(%) *", NULL, "主要污染物排放总量减少", "%", "*" },
    { "12．单位GDP能耗降低（%）", "12", "单位GDP能耗降低", "%", NULL },
    { "烟（粉）尘", NULL, "烟（粉）尘", NULL, NULL },
    { "", NULL, "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QsIndicatorName) name = qs_indicator_name_parse (cases[i].cell);

      g_test_message ("cell %s", cases[i].cell);
      g_assert_cmpstr (name->number, ==, cases[i].number);
      g_assert_cmpstr (name->indicator, ==, cases[i].indicator);
      g_assert_cmpstr (name->unit, ==, cases[i].unit);
      g_assert_cmpstr (name->markers, ==, cases[i].markers);
    }
}

static QsIndicatorTable *
make_table (void)
{
  QsIndicatorTable *table = qs_indicator_table_new ();
  const char *headers[] = { "类别", "指标", "指标属性", "2020年现状值", "2025年目标值" };

  qs_indicator_table_set_label (table, "表2");
  qs_indicator_table_set_caption (table, "表2 目标指标");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (headers[i], -1);
      g_list_store_append (qs_indicator_table_get_columns (table), column);
    }
  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
      g_list_store_append (qs_indicator_table_get_rows (table), row);
    }
  return table;
}

static void
test_table_cells (void)
{
  g_autoptr(QsIndicatorTable) table = make_table ();
  QsIndicatorRow *first = qs_indicator_table_get_row (table, 0);
  QsIndicatorRow *second = qs_indicator_table_get_row (table, 1);

  qs_indicator_table_set_cell (table, 0, 0, "环境\n质量");
  qs_indicator_table_set_cell (table, 0, 1, "1.森林覆盖率（%）");
  qs_indicator_table_set_cell (table, 0, 2, "约束性");
  qs_indicator_table_set_cell (table, 0, 3, "33.67");
  qs_indicator_table_set_cell (table, 0, 4, "≥32*");
  qs_indicator_table_set_cell (table, 1, 0, "");

  g_assert_cmpstr (qs_indicator_row_get_cell (first, 0), ==, "环境\n质量");
  g_assert_cmpstr (qs_indicator_row_get_category (first), ==, "环境质量");
  g_assert_cmpstr (qs_indicator_row_get_category (second), ==, "环境质量");   /* merged cell */
  g_assert_cmpstr (qs_indicator_row_get_name (first), ==, "1.森林覆盖率（%）");
  g_assert_cmpstr (qs_indicator_row_get_indicator (first), ==, "森林覆盖率");
  g_assert_cmpstr (qs_indicator_row_get_unit (first), ==, "%");
  g_assert_cmpstr (qs_indicator_row_get_number (first), ==, "1");
  g_assert_cmpstr (qs_indicator_row_get_attribute (first), ==, "约束性");
  g_assert_cmpint (qs_indicator_table_find_column (table, QS_COLUMN_TARGET), ==, 4);
  g_assert_cmpint (qs_indicator_table_find_column (table, QS_COLUMN_STATUS), ==, -1);

  /* The parsed reading follows the text and is recomputed when it changes. */
  g_assert_cmpint (qs_indicator_row_get_value (first, 3)->kind, ==, QS_VALUE_NUMBER);
  qs_indicator_table_set_cell (table, 0, 3, "由重庆市下达");
  g_assert_cmpint (qs_indicator_row_get_value (first, 3)->kind, ==, QS_VALUE_ASSIGNED);
  g_assert_cmpstr (qs_indicator_row_get_value (first, 3)->text, ==, "由重庆市下达");

  /* Cells past the end read as "". */
  g_assert_cmpstr (qs_indicator_row_get_cell (second, 9), ==, "");

  /* Inserting and removing a column moves every row's cells. */
  {
    g_autoptr(QsTableColumn) remark = qs_table_column_new ("备注", -1);

    qs_indicator_table_insert_column (table, 3, remark);
    g_assert_cmpstr (qs_indicator_row_get_cell (first, 3), ==, "");
    g_assert_cmpstr (qs_indicator_row_get_cell (first, 4), ==, "由重庆市下达");
    g_assert_cmpint (qs_indicator_row_get_value (first, 4)->kind, ==, QS_VALUE_ASSIGNED);
    qs_indicator_table_remove_column (table, 3);
    g_assert_cmpstr (qs_indicator_row_get_cell (first, 3), ==, "由重庆市下达");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table))), ==, 5);
  }

  /* Optional fields normalise "" to NULL; required ones never become NULL. */
  qs_indicator_row_set_unit (first, "");
  g_assert_null (qs_indicator_row_get_unit (first));
  qs_indicator_row_set_name (first, NULL);
  g_assert_cmpstr (qs_indicator_row_get_name (first), ==, "");
}

static void
cell_changed_cb (QsIndicatorRow *row,
                 guint           column,
                 gpointer        user_data)
{
  guint *count = user_data;
  (*count)++;
}

static void
test_row_signals_and_copy (void)
{
  g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
  g_autoptr(QsIndicatorRow) copy = NULL;
  guint changes = 0;

  g_signal_connect (row, "cell-changed", G_CALLBACK (cell_changed_cb), &changes);
  qs_indicator_row_set_cell (row, 2, "≥88");
  qs_indicator_row_set_cell (row, 2, "≥88");   /* no change: no signal */
  qs_indicator_row_set_attribute (row, "预期性");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (qs_indicator_row_get_n_cells (row), ==, 3);

  copy = qs_indicator_row_copy (row);
  g_assert_cmpstr (qs_indicator_row_get_cell (copy, 2), ==, "≥88");
  g_assert_cmpstr (qs_indicator_row_get_attribute (copy), ==, "预期性");
  qs_indicator_row_set_cell (copy, 2, "≥90");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 2), ==, "≥88");
}

static QsPlan *
make_plan (void)
{
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) front = qs_section_new (QS_SECTION_FRONT, 0, "前言");
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "发展现状");
  g_autoptr(QsSection) section = qs_section_new (QS_SECTION_SECTION, 1, "取得成效");
  g_autoptr(QsParagraph) paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY, "一段文字。");
  g_autoptr(QsIndicatorTable) table = make_table ();
  g_autoptr(QsTaskTable) box = qs_task_table_new ();
  g_autoptr(QsTaskItem) item = qs_task_item_new (QS_TASK_ITEM_ITEM, "——扬尘管控：内容");
  g_autoptr(QsGlossaryEntry) entry = qs_glossary_entry_new ("三线一单", "定义");

  qs_plan_set_title (plan, "某区生态环境保护“十四五”规划");
  qs_plan_set_region (plan, "某区");
  qs_plan_set_period (plan, 2021, 2025);
  qs_plan_set_vision_year (plan, 2035);
  qs_task_table_set_caption (box, "专栏3 重点任务");
  g_list_store_append (qs_task_table_get_items (box), item);
  g_list_store_append (qs_section_get_blocks (front), paragraph);
  g_list_store_append (qs_section_get_blocks (section), table);
  g_list_store_append (qs_section_get_blocks (section), box);
  g_list_store_append (qs_section_get_children (chapter), section);
  g_list_store_append (qs_plan_get_front_matter (plan), front);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  g_list_store_append (qs_plan_get_glossary (plan), entry);
  return plan;
}

static void
test_plan_tree (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autoptr(QsPlan) other = make_plan ();
  g_autoptr(GPtrArray) indicator_tables = qs_plan_collect_indicator_tables (plan);
  g_autoptr(GPtrArray) task_tables = qs_plan_collect_task_tables (plan);
  g_autofree char *period = qs_plan_dup_period_string (plan);
  g_autofree char *where = NULL;
  g_autofree char *label = qs_section_format_label (QS_SECTION_CHAPTER, 12);
  g_autofree char *label2 = qs_section_format_label (QS_SECTION_SECTION, 20);
  g_autofree char *label3 = qs_section_format_label (QS_SECTION_SUBSECTION, 3);

  g_assert_cmpstr (period, ==, "2021-2025");
  g_assert_cmpuint (indicator_tables->len, ==, 1);
  g_assert_cmpuint (task_tables->len, ==, 1);
  g_assert_cmpstr (label, ==, "第十二章");
  g_assert_cmpstr (label2, ==, "第二十节");
  g_assert_cmpstr (label3, ==, "三、");

  g_assert_true (qs_plan_equal (plan, other, NULL));
  {
    g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (other);
    qs_indicator_table_set_cell (g_ptr_array_index (tables, 0), 1, 4, "≥90");
  }
  g_assert_false (qs_plan_equal (plan, other, &where));
  g_assert_nonnull (strstr (where, "row[1]"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/column-roles", test_column_roles);
  g_test_add_func ("/model/enum-strings", test_enum_strings);
  g_test_add_func ("/model/indicator-names", test_indicator_names);
  g_test_add_func ("/model/table-cells", test_table_cells);
  g_test_add_func ("/model/row-signals-and-copy", test_row_signals_and_copy);
  g_test_add_func ("/model/plan-tree", test_plan_tree);

  return g_test_run ();
}
