/* test-plan-json.c: the JSON export contract. */
#include "config.h"

#include "qs-model.h"

static QsPlan *
make_plan (void)
{
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 2, "总体要求");
  g_autoptr(QsSection) section = qs_section_new (QS_SECTION_SECTION, 3, "主要目标");
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
  g_autoptr(QsTaskTable) box = qs_task_table_new ();
  g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
  const char *headers[] = { "类别", "序号", "指  标", "指标属性", "2020年\n现状值", "2025年目标值" };
  const char *cells[] = { "环境质量", "1", "空气质量优良天数比率（%）", "约束性", "88.3", "≥88*" };
  const char *project[] = { "大气", "扬尘治理", NULL };

  qs_plan_set_title (plan, "某区规划");
  qs_plan_set_region (plan, "某区");
  qs_plan_set_level (plan, QS_PLAN_LEVEL_COUNTY);
  qs_plan_set_period (plan, 2021, 2025);

  qs_section_set_label (chapter, "第二章");
  qs_indicator_table_set_label (table, "表2");
  qs_indicator_table_set_caption (table, "表2 规划目标指标");
  qs_indicator_table_add_note (table, "注：带【】为累计数。");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (headers[i], -1);
      g_list_store_append (qs_indicator_table_get_columns (table), column);
    }
  g_list_store_append (qs_indicator_table_get_rows (table), row);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    qs_indicator_table_set_cell (table, 0, i, cells[i]);

  qs_task_table_set_label (box, "表8-1");
  qs_task_table_set_caption (box, "表8-1 重大工程");
  {
    g_autoptr(QsTableColumn) c1 = qs_table_column_new ("工程领域", -1);
    g_autoptr(QsTableColumn) c2 = qs_table_column_new ("项目类别", -1);
    g_autoptr(QsTaskRow) task_row = qs_task_row_new (project);
    g_autoptr(QsTaskItem) heading = qs_task_item_new (QS_TASK_ITEM_HEADING, "一、大气");
    g_autoptr(QsTaskItem) item = qs_task_item_new (QS_TASK_ITEM_ITEM, "——扬尘管控");

    g_list_store_append (qs_task_table_get_columns (box), c1);
    g_list_store_append (qs_task_table_get_columns (box), c2);
    g_list_store_append (qs_task_table_get_rows (box), task_row);
    g_list_store_append (qs_task_table_get_items (box), heading);
    g_list_store_append (qs_task_table_get_items (box), item);
  }

  g_list_store_append (qs_section_get_blocks (section), table);
  g_list_store_append (qs_section_get_blocks (section), box);
  g_list_store_append (qs_section_get_children (chapter), section);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return plan;
}

static void
test_contract (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *text = qs_plan_to_json_data (plan, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *table, *row, *values, *parsed, *target, *chapter, *box;
  JsonArray *columns;

  g_assert_true (g_str_has_suffix (text, "}\n"));
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "某区规划");
  g_assert_cmpstr (json_object_get_string_member (root, "level"), ==, "county");
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2021-2025");
  g_assert_true (json_object_get_null_member (root, "vision_year"));

  chapter = json_array_get_object_element (json_object_get_array_member (root, "chapters"), 0);
  g_assert_cmpint (json_object_get_int_member (chapter, "number"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (chapter, "label"), ==, "第二章");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (chapter, "sections"), 0),
                     "title"), ==, "主要目标");

  table = json_array_get_object_element (json_object_get_array_member (root, "indicator_tables"), 0);
  g_assert_cmpstr (json_object_get_string_member (table, "caption"), ==, "表2 规划目标指标");
  columns = json_object_get_array_member (table, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (columns, 2), ==, "指标");
  g_assert_cmpstr (json_array_get_string_element (columns, 4), ==, "2020年现状值");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (table, "notes"), 0), ==,
                   "注：带【】为累计数。");

  row = json_array_get_object_element (json_object_get_array_member (table, "rows"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "category"), ==, "环境质量");
  g_assert_cmpstr (json_object_get_string_member (row, "number"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "空气质量优良天数比率（%）");
  g_assert_cmpstr (json_object_get_string_member (row, "unit"), ==, "%");
  g_assert_cmpstr (json_object_get_string_member (row, "attribute"), ==, "约束性");
  g_assert_true (json_object_get_null_member (row, "parent"));
  g_assert_true (json_object_get_null_member (row, "indicator_id"));

  /* Structural columns (category, number, name) are not values. */
  values = json_object_get_object_member (row, "values");
  g_assert_cmpuint (json_object_get_size (values), ==, 3);
  g_assert_false (json_object_has_member (values, "类别"));
  g_assert_cmpstr (json_object_get_string_member (values, "指标属性"), ==, "约束性");
  g_assert_cmpstr (json_object_get_string_member (values, "2025年目标值"), ==, "≥88*");

  parsed = json_object_get_object_member (row, "parsed");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (parsed, "2020年现状值"), "kind"),
                   ==, "number");
  target = json_object_get_object_member (parsed, "2025年目标值");
  g_assert_cmpstr (json_object_get_string_member (target, "kind"), ==, "bound");
  g_assert_cmpstr (json_object_get_string_member (target, "bound"), ==, "ge");
  g_assert_cmpint (json_object_get_int_member (target, "value"), ==, 88);
  g_assert_cmpstr (json_object_get_string_member (target, "markers"), ==, "*");

  box = json_array_get_object_element (json_object_get_array_member (root, "task_tables"), 0);
  g_assert_cmpstr (json_object_get_string_member (box, "label"), ==, "表8-1");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (box, "rows"), 0),
                     "项目类别"), ==, "扬尘治理");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (box, "items")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (box, "headings"), 0), ==,
                   "一、大气");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-json/contract", test_contract);
  return g_test_run ();
}
