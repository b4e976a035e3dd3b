/* test-notes.c: review notes on tables, rows, cells and sections: through
 * .qsplan, JSON and the workspace, and into the comparison matrix. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "qs-compare-export.h"
#include "qs-compare-matrix.h"
#include "qs-model.h"
#include "qs-review-note.h"

/* A plan built in code */

static QsIndicatorRow *
make_row (const char *category,
          const char *name,
          const char *id,
          const char *baseline,
          const char *target)
{
  QsIndicatorRow *row = qs_indicator_row_new ();
  const char *cells[] = { category, name, baseline, target, "约束性" };

  qs_indicator_row_set_category (row, category);
  qs_indicator_row_set_name (row, name);
  qs_indicator_row_set_indicator (row, name);
  qs_indicator_row_set_unit (row, "%");
  qs_indicator_row_set_attribute (row, "约束性");
  qs_indicator_row_set_indicator_id (row, id);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    qs_indicator_row_set_cell (row, i, cells[i]);
  return row;
}

static void
add_column (QsIndicatorTable *table,
            const char       *header,
            QsColumnRole      role)
{
  g_autoptr(QsTableColumn) column = qs_table_column_new (header, role);

  g_list_store_append (qs_indicator_table_get_columns (table), column);
}

static QsPlan *
build_plan (const char *region)
{
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "总体要求");
  g_autoptr(QsSection) goals = qs_section_new (QS_SECTION_SECTION, 1, "主要目标");
  g_autoptr(QsParagraph) intro = qs_paragraph_new (QS_PARAGRAPH_BODY, "引言。");
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
  g_autoptr(QsTaskTable) box = qs_task_table_new ();
  g_autoptr(QsIndicatorRow) r1 = make_row ("生态保护", "森林覆盖率", "forest_coverage", "33.67", "≥35");
  g_autoptr(QsIndicatorRow) r2 = make_row ("环境质量", "空气质量优良天数比率", "good_air_days_ratio", "88.3", "≥88");
  g_autofree char *title = g_strdup_printf ("%s生态环境保护“十四五”规划", region);

  qs_plan_set_title (plan, title);
  qs_plan_set_region (plan, region);
  qs_plan_set_level (plan, QS_PLAN_LEVEL_DISTRICT);
  qs_plan_set_period (plan, 2021, 2025);

  qs_indicator_table_set_label (table, "表1");
  qs_indicator_table_set_caption (table, "表1 主要指标");
  add_column (table, "类别", QS_COLUMN_CATEGORY);
  add_column (table, "指标", QS_COLUMN_NAME);
  add_column (table, "2020年现状值", QS_COLUMN_BASELINE);
  add_column (table, "2025年目标值", QS_COLUMN_TARGET);
  add_column (table, "指标属性", QS_COLUMN_ATTRIBUTE);
  g_list_store_append (qs_indicator_table_get_rows (table), r1);
  g_list_store_append (qs_indicator_table_get_rows (table), r2);
  qs_task_table_set_caption (box, "专栏1 重点工程");

  g_list_store_append (qs_section_get_blocks (chapter), intro);
  g_list_store_append (qs_section_get_blocks (goals), table);
  g_list_store_append (qs_section_get_blocks (goals), box);
  g_list_store_append (qs_section_get_children (chapter), goals);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return plan;
}

/* Four notes: a cell, a row, a section, and a resolved one with awkward text. */
static void
add_notes (QsPlan *plan)
{
  GListStore *notes = qs_plan_get_review_notes (plan);
  g_autoptr(QsReviewNote) cell = qs_review_note_new ("目标低于基准值，请说明理由");
  g_autoptr(QsReviewNote) row = qs_review_note_new ("数据来源？");
  g_autoptr(QsReviewNote) section = qs_review_note_new ("本节需补充\n第二行");
  g_autoptr(QsReviewNote) resolved = qs_review_note_new ("  <&> \"引号\" \t ");

  qs_review_note_set_id (cell, 1);
  qs_review_note_set_author (cell, "审阅员甲");
  qs_review_note_set_created (cell, "2026-11-20T08:00:00Z");
  qs_review_note_set_table_target (cell, 0, "表1 主要指标", 0, "2025年目标值");
  qs_review_note_set_id (row, 2);
  qs_review_note_set_author (row, "审阅员乙");
  qs_review_note_set_created (row, "2026-11-21T09:30:00Z");
  qs_review_note_set_table_target (row, 0, "表1 主要指标", 1, NULL);
  qs_review_note_set_id (section, 3);
  qs_review_note_set_created (section, "2026-11-22T10:00:00Z");
  qs_review_note_set_section_target (section, "1/1");
  qs_review_note_set_id (resolved, 7);
  qs_review_note_set_created (resolved, "2026-11-22T11:00:00Z");
  qs_review_note_set_table_target (resolved, 1, NULL, -1, NULL);
  qs_review_note_set_resolved (resolved, TRUE);
  g_list_store_append (notes, cell);
  g_list_store_append (notes, row);
  g_list_store_append (notes, section);
  g_list_store_append (notes, resolved);
}

static void
assert_plans_equal (QsPlan *expected,
                    QsPlan *actual)
{
  g_autofree char *where = NULL;

  if (!qs_plan_equal (expected, actual, &where))
    g_error ("plans differ: %s", where);
}

static void
test_note_object (void)
{
  g_autoptr(QsReviewNote) note = qs_review_note_new ("意见");
  g_autoptr(QsPlan) plan = build_plan ("测试区");
  g_autoptr(GPtrArray) tables = qs_review_note_collect_tables (plan);
  g_autoptr(GPtrArray) on_row = NULL;
  g_autofree char *where = NULL;
  g_autofree char *section_where = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);
  GListModel *notes = G_LIST_MODEL (qs_plan_get_review_notes (plan));

  /* New notes carry the present time, no id, and point at table 0. */
  g_assert_true (g_regex_match (iso, qs_review_note_get_created (note), 0, NULL));
  g_assert_cmpuint (qs_review_note_get_id (note), ==, 0);
  g_assert_false (qs_review_note_get_resolved (note));

  /* Tables count indicator and task tables together. */
  g_assert_cmpuint (tables->len, ==, 2);
  g_assert_true (QS_IS_INDICATOR_TABLE (tables->pdata[0]));
  g_assert_true (QS_IS_TASK_TABLE (tables->pdata[1]));

  qs_review_note_set_table_target (note, 0, "表1 主要指标", 2, "2025年目标值");
  where = qs_review_note_describe_target (note);
  g_assert_cmpstr (where, ==, "第1张表（表1 主要指标）第3行“2025年目标值”列");
  qs_review_note_set_section_target (note, "3/2");
  g_assert_cmpint (qs_review_note_get_target (note), ==, QS_REVIEW_NOTE_TARGET_SECTION);
  g_assert_cmpint (qs_review_note_get_table_index (note), ==, -1);
  g_assert_null (qs_review_note_get_column (note));
  section_where = qs_review_note_describe_target (note);
  g_assert_cmpstr (section_where, ==, "第3章第2节");

  g_assert_cmpuint (qs_review_note_list_next_id (notes), ==, 1);
  add_notes (plan);
  g_assert_cmpuint (qs_review_note_list_next_id (notes), ==, 8);
  g_assert_cmpstr (qs_review_note_get_text (qs_review_note_list_find (notes, 2)), ==, "数据来源？");
  g_assert_null (qs_review_note_list_find (notes, 4));
  on_row = qs_review_note_list_for_row (notes, 0, 0);
  g_assert_cmpuint (on_row->len, ==, 1);
  g_assert_cmpuint (qs_review_note_get_id (on_row->pdata[0]), ==, 1);
}

static void
test_xml_round_trip (void)
{
  g_autoptr(QsPlan) plan = build_plan ("测试区");
  g_autoptr(QsPlan) back = NULL;
  g_autoptr(QsPlan) bare = build_plan ("测试区");
  g_autoptr(QsPlan) bare_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *bare_xml = NULL;
  gsize length = 0;

  add_notes (plan);
  xml = qs_plan_xml_write_data (plan, &length);
  g_assert_nonnull (strstr (xml, "<review-notes>"));
  g_assert_nonnull (strstr (xml, "<note id=\"7\" resolved=\"true\" table=\"1\">"));
  back = qs_plan_xml_read_data (xml, length, "notes.qsplan", &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, back);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_review_notes (back))), ==, 4);

  /* A plan without notes writes no element and reads back without any. */
  bare_xml = qs_plan_xml_write_data (bare, &length);
  g_assert_null (strstr (bare_xml, "review-notes"));
  bare_back = qs_plan_xml_read_data (bare_xml, length, "bare.qsplan", &error);
  g_assert_no_error (error);
  assert_plans_equal (bare, bare_back);

  /* A note added without an id gets one; duplicate ids are written as
   * fresh ones, so the file always reads back. */
  {
    g_autoptr(QsPlan) odd = build_plan ("测试区");
    g_autoptr(QsReviewNote) n1 = qs_review_note_new ("一");
    g_autoptr(QsReviewNote) n2 = qs_review_note_new ("二");
    g_autoptr(QsReviewNote) n3 = qs_review_note_new ("三");
    g_autoptr(QsPlan) odd_back = NULL;
    g_autofree char *odd_xml = NULL;
    GListModel *odd_notes;

    g_list_store_append (qs_plan_get_review_notes (odd), n1);
    g_list_store_append (qs_plan_get_review_notes (odd), n2);
    g_assert_cmpuint (qs_review_note_get_id (n1), ==, 1);
    g_assert_cmpuint (qs_review_note_get_id (n2), ==, 2);
    g_list_store_append (qs_plan_get_review_notes (odd), n3);
    qs_review_note_set_id (n3, 1);
    odd_xml = qs_plan_xml_write_data (odd, &length);
    odd_back = qs_plan_xml_read_data (odd_xml, length, "odd.qsplan", &error);
    g_assert_no_error (error);
    odd_notes = G_LIST_MODEL (qs_plan_get_review_notes (odd_back));
    g_assert_cmpuint (g_list_model_get_n_items (odd_notes), ==, 3);
    g_assert_cmpstr (qs_review_note_get_text (qs_review_note_list_find (odd_notes, 3)), ==, "三");
  }

  /* Notes take part in equality. */
  qs_review_note_set_resolved (g_list_model_get_item (G_LIST_MODEL (qs_plan_get_review_notes (back)), 0), TRUE);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (qs_plan_get_review_notes (back)), 0));
  g_assert_false (qs_plan_equal (plan, back, NULL));
}

static void
test_xml_invalid (void)
{
  static const char * const bad[] = {
    /* both a table and a section */
    "<note id=\"1\" resolved=\"false\" table=\"0\"><author/><created/><section>1</section><text/></note>",
    /* neither */
    "<note id=\"1\" resolved=\"false\"><author/><created/><text/></note>",
    /* id 0 */
    "<note id=\"0\" resolved=\"false\" table=\"0\"><author/><created/><text/></note>",
    /* an id twice */
    "<note id=\"2\" resolved=\"false\" table=\"0\"><author/><created/><text/></note>"
    "<note id=\"2\" resolved=\"false\" table=\"0\"><author/><created/><text/></note>",
    /* no text */
    "<note id=\"1\" resolved=\"false\" table=\"0\"><author/><created/></note>",
    /* a row that is not a number */
    "<note id=\"1\" resolved=\"false\" table=\"0\" row=\"-1\"><author/><created/><text/></note>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xml =
        g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<plan xmlns=\"%s\" version=\"1\" level=\"district\" start-year=\"2021\" "
                         "end-year=\"2025\"><title>t</title><region>r</region>"
                         "<review-notes>%s</review-notes></plan>", QS_PLAN_XML_NAMESPACE, bad[i]);
      g_autoptr(QsPlan) plan = qs_plan_xml_read_data (xml, strlen (xml), "bad.qsplan", &error);

      g_assert_null (plan);
      g_assert_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "bad.qsplan"));
    }
}

static void
test_json (void)
{
  g_autoptr(QsPlan) plan = build_plan ("测试区");
  g_autoptr(QsPlan) bare = build_plan ("测试区");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) bare_root = NULL;
  GListModel *notes;
  JsonArray *array;
  JsonObject *first;

  add_notes (plan);
  notes = G_LIST_MODEL (qs_plan_get_review_notes (plan));
  root = qs_plan_to_json (plan);
  array = json_object_get_array_member (json_node_get_object (root), "review_notes");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "author"), ==, "审阅员甲");
  g_assert_cmpstr (json_object_get_string_member (first, "target"), ==, "table");
  g_assert_cmpint (json_object_get_int_member (first, "table"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (first, "row"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "column"), ==, "2025年目标值");
  g_assert_true (json_object_get_null_member (first, "section"));
  g_assert_false (json_object_get_boolean_member (first, "resolved"));

  /* Each note reads back from its JSON as it was. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);
      g_autoptr(QsReviewNote) back = qs_review_note_new_from_json (json_array_get_element (array, i), &error);
      g_autoptr(QsPlan) a = qs_plan_new ();
      g_autoptr(QsPlan) b = qs_plan_new ();

      g_assert_no_error (error);
      g_list_store_append (qs_plan_get_review_notes (a), note);
      g_list_store_append (qs_plan_get_review_notes (b), back);
      assert_plans_equal (a, b);
    }

  /* Bad JSON is refused with a message. */
  {
    g_autoptr(JsonNode) node = json_from_string ("{\"id\": 0, \"text\": \"x\", \"table\": 0}", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(QsReviewNote) note = qs_review_note_new_from_json (node, &error);

    g_assert_null (note);
    g_assert_nonnull (error);
  }

  bare_root = qs_plan_to_json (bare);
  array = json_object_get_array_member (json_node_get_object (bare_root), "review_notes");
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, 0);
}

static void
test_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-notes-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "notes.qsdb", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(QsWorkspace) ws = NULL;
  g_autoptr(QsPlan) plan = build_plan ("测试区");
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(QsPlan) after = NULL;
  g_autoptr(QsReviewNote) extra = qs_review_note_new ("新增意见");
  g_autoptr(GPtrArray) versions = NULL;
  QsReviewNote *found;
  guint id = 0;
  gint64 plan_id;

  g_assert_no_error (error);
  ws = qs_workspace_open (path, TRUE, &error);
  g_assert_no_error (error);
  add_notes (plan);
  plan_id = qs_workspace_add_plan (ws, plan, &error);
  g_assert_no_error (error);
  loaded = qs_workspace_load_plan (ws, plan_id, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, loaded);

  /* Adding one note: the next id, one transaction, one more version. */
  qs_review_note_set_table_target (extra, 0, "表1 主要指标", 1, "2020年现状值");
  qs_review_note_set_author (extra, "审阅员丙");
  g_assert_true (qs_workspace_add_review_note (ws, plan_id, extra, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (id, ==, 8);
  g_assert_true (qs_workspace_resolve_review_note (ws, plan_id, 2, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (qs_workspace_resolve_review_note (ws, plan_id, 99, TRUE, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (qs_workspace_add_review_note (ws, 4242, extra, NULL, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = qs_workspace_load_plan (ws, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_review_notes (after))), ==, 5);
  found = qs_review_note_list_find (G_LIST_MODEL (qs_plan_get_review_notes (after)), 8);
  g_assert_nonnull (found);
  g_assert_cmpstr (qs_review_note_get_text (found), ==, "新增意见");
  g_assert_cmpstr (qs_review_note_get_column (found), ==, "2020年现状值");
  g_assert_cmpstr (qs_review_note_get_author (found), ==, "审阅员丙");
  g_assert_true (qs_review_note_get_resolved (qs_review_note_list_find (G_LIST_MODEL (qs_plan_get_review_notes (after)), 2)));
  versions = qs_workspace_list_versions (ws, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);

  /* Saving the plan saves its notes as they are in it. */
  g_list_store_remove_all (qs_plan_get_review_notes (after));
  g_assert_true (qs_workspace_save_plan (ws, plan_id, after, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = qs_workspace_load_plan (ws, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_review_notes (loaded))), ==, 0);

  g_assert_true (qs_workspace_remove_plan (ws, plan_id, &error));
  g_assert_no_error (error);
  g_assert_true (qs_workspace_check (ws, &error));
  g_assert_no_error (error);
  g_clear_object (&ws);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

static void
test_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = qs_catalog_new_default (&error);
  g_autoptr(QsCompareMatrix) matrix = NULL;
  g_autoptr(GListStore) plans = g_list_store_new (QS_TYPE_PLAN);
  g_autoptr(QsPlan) a = build_plan ("甲区");
  g_autoptr(QsPlan) b = build_plan ("乙区");
  g_autoptr(QsPlan) c = build_plan ("丙区");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *plain_csv = NULL;
  const char * const *notes;
  QsCompareRow *row;
  JsonArray *rows;

  g_assert_no_error (error);
  add_notes (a);
  g_list_store_append (plans, a);
  g_list_store_append (plans, b);
  matrix = qs_compare_matrix_new (catalog);
  qs_compare_matrix_build (matrix, G_LIST_MODEL (plans), NULL);

  /* 甲区's 森林覆盖率 row has note 1; its 空气质量 row note 2. */
  row = qs_compare_matrix_find_row (matrix, "forest_coverage");
  g_assert_nonnull (row);
  notes = qs_compare_row_get_cell_notes (row, 0);
  g_assert_nonnull (notes);
  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 1);
  g_assert_cmpstr (notes[0], ==, "目标低于基准值，请说明理由");
  g_assert_null (qs_compare_row_get_cell_notes (row, 1));
  row = qs_compare_matrix_find_row (matrix, "good_air_days_ratio");
  g_assert_nonnull (row);
  notes = qs_compare_row_get_cell_notes (row, 0);
  g_assert_cmpstr (notes[0], ==, "数据来源？");

  /* Sorting the plans moves their notes with them. */
  g_assert_true (qs_compare_matrix_sort_plans (matrix, "forest_coverage", FALSE, &error));
  g_assert_no_error (error);
  row = qs_compare_matrix_find_row (matrix, "forest_coverage");
  for (guint p = 0; p < qs_compare_matrix_get_n_plans (matrix); p++)
    g_assert_true ((qs_compare_row_get_cell_notes (row, p) != NULL) ==
                   (qs_compare_matrix_get_plan (matrix, p) == a));

  csv = qs_compare_export_csv (matrix, NULL);
  g_assert_nonnull (strstr (csv, "甲区审阅意见"));
  g_assert_nonnull (strstr (csv, "目标低于基准值，请说明理由"));

  json = qs_compare_export_json_data (matrix, NULL);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rows");
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *o = json_array_get_object_element (rows, r);
      JsonArray *cells = json_object_get_array_member (o, "cells");

      for (guint p = 0; p < json_array_get_length (cells); p++)
        {
          JsonObject *cell = json_array_get_object_element (cells, p);
          JsonArray *cell_notes = json_object_get_array_member (cell, "notes");
          gboolean expect = g_strcmp0 (json_object_get_string_member (cell, "plan"), "甲区") == 0 &&
                            (g_strcmp0 (json_object_get_string_member (o, "indicator_id"), "forest_coverage") == 0 ||
                             g_strcmp0 (json_object_get_string_member (o, "indicator_id"), "good_air_days_ratio") == 0);

          g_assert_nonnull (cell_notes);
          g_assert_cmpuint (json_array_get_length (cell_notes), ==, expect ? 1 : 0);
        }
    }

  /* Without notes the CSV keeps its columns. */
  g_list_store_remove_all (plans);
  g_list_store_append (plans, b);
  g_list_store_append (plans, c);
  qs_compare_matrix_build (matrix, G_LIST_MODEL (plans), NULL);
  plain_csv = qs_compare_export_csv (matrix, NULL);
  g_assert_null (strstr (plain_csv, "审阅意见"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/object", test_note_object);
  g_test_add_func ("/notes/xml-round-trip", test_xml_round_trip);
  g_test_add_func ("/notes/xml-invalid", test_xml_invalid);
  g_test_add_func ("/notes/json", test_json);
  g_test_add_func ("/notes/workspace", test_workspace);
  g_test_add_func ("/notes/matrix", test_matrix);
  return g_test_run ();
}
