/* test-versions.c: every save keeps a version; versions list, load and
 * go with their plan; QsPlanDiff finds exactly what changed. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "qs-model.h"
#include "qs-plan-diff.h"
#include "qs-review-note.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("qs-versions-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.qsdb", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A small plan built in code */

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
build_plan (void)
{
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "总体要求");
  g_autoptr(QsSection) goals = qs_section_new (QS_SECTION_SECTION, 1, "主要目标");
  g_autoptr(QsSection) chapter2 = qs_section_new (QS_SECTION_CHAPTER, 2, "重点任务");
  g_autoptr(QsParagraph) intro = qs_paragraph_new (QS_PARAGRAPH_BODY,
                                                   "第一句。第二句；第三句！\n第二行。");
  g_autoptr(QsParagraph) tasks = qs_paragraph_new (QS_PARAGRAPH_BODY, "任务段落。");
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
  g_autoptr(QsIndicatorRow) r1 = make_row ("环境质量", "空气质量优良天数比率", "air_good_days_ratio", "88.3", "≥88");
  g_autoptr(QsIndicatorRow) r2 = make_row ("环境质量", "细颗粒物年均浓度", "pm25_concentration", "35", "≤33");
  g_autoptr(QsIndicatorRow) r3 = make_row ("生态保护", "森林覆盖率", "forest_coverage", "33.67", "32");

  qs_plan_set_title (plan, "测试区生态环境保护“十四五”规划");
  qs_plan_set_region (plan, "测试区");
  qs_plan_set_level (plan, QS_PLAN_LEVEL_DISTRICT);
  qs_plan_set_period (plan, 2021, 2025);

  qs_indicator_table_set_label (table, "表1");
  qs_indicator_table_set_caption (table, "表1 测试区“十四五”生态环境保护主要指标");
  add_column (table, "类别", QS_COLUMN_CATEGORY);
  add_column (table, "指标", QS_COLUMN_NAME);
  add_column (table, "2020年现状值", QS_COLUMN_BASELINE);
  add_column (table, "2025年目标值", QS_COLUMN_TARGET);
  add_column (table, "指标属性", QS_COLUMN_ATTRIBUTE);
  g_list_store_append (qs_indicator_table_get_rows (table), r1);
  g_list_store_append (qs_indicator_table_get_rows (table), r2);
  g_list_store_append (qs_indicator_table_get_rows (table), r3);
  qs_indicator_table_add_note (table, "注：测试。");

  g_list_store_append (qs_section_get_blocks (chapter), intro);
  g_list_store_append (qs_section_get_blocks (goals), table);
  g_list_store_append (qs_section_get_children (chapter), goals);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  g_list_store_append (qs_section_get_blocks (chapter2), tasks);
  g_list_store_append (qs_plan_get_chapters (plan), chapter2);
  return plan;
}

static QsIndicatorTable *
first_table (QsPlan *plan)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  g_assert_cmpuint (tables->len, >, 0);
  return g_ptr_array_index (tables, 0);   /* the plan holds it */
}

static QsPlan *
copy_plan (QsPlan *plan)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *xml = qs_plan_xml_write_data (plan, &length);
  QsPlan *copy = qs_plan_xml_read_data (xml, length, "copy", &error);

  g_assert_no_error (error);
  return copy;
}

static void
assert_plans_equal (QsPlan *expected,
                    QsPlan *actual)
{
  g_autofree char *where = NULL;

  if (!qs_plan_equal (expected, actual, &where))
    g_error ("plans differ: %s", where);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Versions */

static void
test_edit_save_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, TRUE, &error);
  g_autoptr(QsPlan) plan = build_plan ();
  g_autoptr(QsPlan) original = copy_plan (plan);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(QsPlan) v1 = NULL;
  g_autoptr(QsPlan) v2 = NULL;
  g_autoptr(QsPlanDiff) diff = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);
  const QsPlanChange *change;
  QsPlanVersion *version;
  gint64 id;

  g_assert_no_error (error);
  qs_workspace_set_author (ws, "审阅员甲");
  g_assert_cmpstr (qs_workspace_get_author (ws), ==, "审阅员甲");
  id = qs_workspace_add_plan (ws, plan, &error);
  g_assert_no_error (error);

  /* Edit one cell: the 2025 target of PM2.5. */
  qs_indicator_row_set_cell (qs_indicator_table_get_row (first_table (plan), 1), 3, "≤30");
  qs_workspace_set_author (ws, "审阅员乙");
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);

  versions = qs_workspace_list_versions (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  for (guint i = 0; i < versions->len; i++)
    {
      version = g_ptr_array_index (versions, i);
      g_assert_cmpint (version->plan_id, ==, id);
      g_assert_cmpint (version->version, ==, (int) i + 1);
      g_assert_true (g_regex_match (iso, version->saved_at, 0, NULL));
      g_assert_cmpuint (version->size, >, 100);
    }
  g_assert_cmpstr (((QsPlanVersion *) g_ptr_array_index (versions, 0))->author, ==, "审阅员甲");
  g_assert_cmpstr (((QsPlanVersion *) g_ptr_array_index (versions, 1))->author, ==, "审阅员乙");

  /* The boxed type copies. */
  {
    g_autoptr(QsPlanVersion) copy = g_boxed_copy (QS_TYPE_PLAN_VERSION, g_ptr_array_index (versions, 1));

    g_assert_cmpstr (copy->author, ==, "审阅员乙");
    g_assert_cmpint (copy->version, ==, 2);
  }

  v1 = qs_workspace_load_version (ws, id, 1, &error);
  g_assert_no_error (error);
  v2 = qs_workspace_load_version (ws, id, 2, &error);
  g_assert_no_error (error);
  assert_plans_equal (original, v1);
  assert_plans_equal (plan, v2);

  /* The diff shows exactly that cell. */
  diff = qs_plan_diff_new (v1, v2);
  g_assert_cmpuint (qs_plan_diff_get_n_changes (diff), ==, 1);
  change = qs_plan_diff_get_change (diff, 0);
  g_assert_cmpint (change->kind, ==, QS_PLAN_CHANGE_CELL_CHANGED);
  g_assert_cmpint (change->table_index, ==, 0);
  g_assert_cmpstr (change->table_caption, ==, "表1 测试区“十四五”生态环境保护主要指标");
  g_assert_cmpint (change->row_index, ==, 1);
  g_assert_cmpstr (change->row_name, ==, "细颗粒物年均浓度");
  g_assert_cmpstr (change->column, ==, "2025年目标值");
  g_assert_cmpstr (change->old_text, ==, "≤33");
  g_assert_cmpstr (change->new_text, ==, "≤30");
  g_assert_cmpstr (change->section, ==, "总体要求 > 主要目标");
  g_assert_null (change->runs);
}

static void
test_identical_save (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, TRUE, &error);
  g_autoptr(QsPlan) plan = build_plan ();
  g_autoptr(GPtrArray) versions = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = qs_workspace_add_plan (ws, plan, &error);
  g_assert_no_error (error);
  /* Saving what was saved keeps no new version; a change does. */
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);
  versions = qs_workspace_list_versions (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_clear_pointer (&versions, g_ptr_array_unref);

  qs_plan_set_title (plan, "改过的标题");
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);
  qs_plan_set_title (plan, "测试区生态环境保护“十四五”规划");
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);
  versions = qs_workspace_list_versions (ws, id, &error);
  g_assert_no_error (error);
  /* Back to the first text is still a new version: only consecutive
   * identical saves are folded. */
  g_assert_cmpuint (versions->len, ==, 3);
}

static void
test_remove_and_missing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, TRUE, &error);
  g_autoptr(QsPlan) plan = build_plan ();
  g_autoptr(QsPlan) other = build_plan ();
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(QsPlan) loaded = NULL;
  gint64 id, other_id;

  g_assert_no_error (error);
  id = qs_workspace_add_plan (ws, plan, &error);
  g_assert_no_error (error);
  other_id = qs_workspace_add_plan (ws, other, &error);
  g_assert_no_error (error);
  qs_plan_set_region (plan, "改区");
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);

  loaded = qs_workspace_load_version (ws, id, 3, &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  g_assert_true (qs_workspace_remove_plan (ws, id, &error));
  g_assert_no_error (error);
  versions = qs_workspace_list_versions (ws, id, &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_null (versions);
  g_clear_error (&error);
  loaded = qs_workspace_load_version (ws, id, 1, &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The removed plan's versions are gone; the other plan keeps its own. */
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM plan_versions"), ==, 1);
  versions = qs_workspace_list_versions (ws, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_true (qs_workspace_check (ws, &error));
  g_assert_no_error (error);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

/* Versions are stored compressed; a damaged one is reported, not read. */
static void
test_damaged_version (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, TRUE, &error);
  g_autoptr(QsPlan) plan = build_plan ();
  g_autoptr(QsPlan) loaded = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = qs_workspace_add_plan (ws, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture->path, "SELECT length (data) < size FROM plan_versions"), ==, 1);
  sql_exec (fixture->path, "UPDATE plan_versions SET data = x'789c0001'");
  loaded = qs_workspace_load_version (ws, id, 1, &error);
  g_assert_null (loaded);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_CORRUPT);
  g_clear_error (&error);
  sql_exec (fixture->path, "UPDATE plan_versions SET format = 'qsplan+future'");
  loaded = qs_workspace_load_version (ws, id, 1, &error);
  g_assert_null (loaded);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_CORRUPT);
}

/* A failed save keeps no version: the version is in the save's transaction. */
static void
test_failed_save_keeps_no_version (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, TRUE, &error);
  g_autoptr(QsPlan) plan = build_plan ();

  g_assert_no_error (error);
  g_assert_cmpint (qs_workspace_add_plan (ws, plan, &error), >, 0);
  g_assert_no_error (error);
  qs_plan_set_title (plan, "另一个标题");
  g_assert_false (qs_workspace_save_plan (ws, 999, plan, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM plan_versions"), ==, 1);
}

/* Diffs */

static void
test_text_runs (void)
{
  g_autoptr(GPtrArray) runs = qs_diff_text ("甲句。乙句；丙句！\n丁句", "甲句。乙句改了；丙句！\n丁句新增。戊句。");
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  static const struct { QsDiffRunKind kind; const char *text; } expected[] = {
    { QS_DIFF_EQUAL, "甲句。" },
    { QS_DIFF_DELETE, "乙句；" },
    { QS_DIFF_INSERT, "乙句改了；" },
    { QS_DIFF_EQUAL, "丙句！\n" },
    { QS_DIFF_DELETE, "丁句" },
    { QS_DIFF_INSERT, "丁句新增。戊句。" },
  };

  g_assert_cmpuint (runs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < runs->len; i++)
    {
      QsDiffRun *run = g_ptr_array_index (runs, i);

      g_assert_cmpint (run->kind, ==, expected[i].kind);
      g_assert_cmpstr (run->text, ==, expected[i].text);
      if (run->kind != QS_DIFF_INSERT)
        g_string_append (old_text, run->text);
      if (run->kind != QS_DIFF_DELETE)
        g_string_append (new_text, run->text);
    }
  g_assert_cmpstr (old_text->str, ==, "甲句。乙句；丙句！\n丁句");
  g_assert_cmpstr (new_text->str, ==, "甲句。乙句改了；丙句！\n丁句新增。戊句。");
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* Equal texts are one equal run; from or to nothing, one run. */
  runs = qs_diff_text ("同。", "同。");
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((QsDiffRun *) runs->pdata[0])->kind, ==, QS_DIFF_EQUAL);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = qs_diff_text ("", "新。");
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((QsDiffRun *) runs->pdata[0])->kind, ==, QS_DIFF_INSERT);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = qs_diff_text (NULL, "");
  g_assert_cmpuint (runs->len, ==, 0);
}

static void
test_paragraph_change (void)
{
  g_autoptr(QsPlan) a = build_plan ();
  g_autoptr(QsPlan) b = build_plan ();
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (b)), 0);
  g_autoptr(QsParagraph) paragraph = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (chapter)), 0);
  g_autoptr(QsPlanDiff) diff = NULL;
  g_autofree char *text = NULL;
  const QsPlanChange *change;
  QsDiffRun *run;

  qs_paragraph_set_text (paragraph, "第一句。第二句改；第三句！\n第二行。");
  diff = qs_plan_diff_new (a, b);
  g_assert_cmpuint (qs_plan_diff_get_n_changes (diff), ==, 1);
  change = qs_plan_diff_get_change (diff, 0);
  g_assert_cmpint (change->kind, ==, QS_PLAN_CHANGE_PARAGRAPH_CHANGED);
  g_assert_cmpstr (change->section, ==, "总体要求");
  g_assert_nonnull (change->runs);
  g_assert_cmpuint (change->runs->len, ==, 4);
  run = g_ptr_array_index (change->runs, 1);
  g_assert_cmpint (run->kind, ==, QS_DIFF_DELETE);
  g_assert_cmpstr (run->text, ==, "第二句；");
  run = g_ptr_array_index (change->runs, 2);
  g_assert_cmpint (run->kind, ==, QS_DIFF_INSERT);
  g_assert_cmpstr (run->text, ==, "第二句改；");

  text = qs_plan_diff_to_text (diff);
  g_assert_nonnull (strstr (text, "段落修改"));
  g_assert_nonnull (strstr (text, "[-第二句；-]{+第二句改；+}"));
}

static void
test_rows_added_removed (void)
{
  g_autoptr(QsPlan) a = build_plan ();
  g_autoptr(QsPlan) b = build_plan ();
  QsIndicatorTable *table = first_table (b);
  GListStore *rows = qs_indicator_table_get_rows (table);
  g_autoptr(QsIndicatorRow) added = make_row ("生态保护", "生态保护红线面积占比", "eco_redline_share", "30", "≥30");
  g_autoptr(QsIndicatorRow) moved = NULL;
  g_autoptr(QsPlanDiff) diff = NULL;
  g_autoptr(QsPlanDiff) reordered_diff = NULL;
  g_autoptr(QsPlan) reordered = build_plan ();
  gboolean saw_added = FALSE, saw_removed = FALSE;

  /* Remove 空气质量优良天数比率 (row 0), add a row at the end. */
  g_list_store_remove (rows, 0);
  g_list_store_append (rows, added);
  diff = qs_plan_diff_new (a, b);
  g_assert_cmpuint (qs_plan_diff_get_n_changes (diff), ==, 2);
  for (guint i = 0; i < qs_plan_diff_get_n_changes (diff); i++)
    {
      const QsPlanChange *change = qs_plan_diff_get_change (diff, i);

      if (change->kind == QS_PLAN_CHANGE_ROW_ADDED)
        {
          saw_added = TRUE;
          g_assert_cmpint (change->row_index, ==, 2);
          g_assert_cmpstr (change->row_name, ==, "生态保护红线面积占比");
        }
      else if (change->kind == QS_PLAN_CHANGE_ROW_REMOVED)
        {
          saw_removed = TRUE;
          g_assert_cmpint (change->row_index, ==, 0);
          g_assert_cmpstr (change->row_name, ==, "空气质量优良天数比率");
        }
      else
        g_assert_not_reached ();
      g_assert_cmpint (change->table_index, ==, 0);
    }
  g_assert_true (saw_added && saw_removed);

  /* Rows are matched by indicator id: moving one is no change. */
  rows = qs_indicator_table_get_rows (first_table (reordered));
  moved = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_list_store_remove (rows, 0);
  g_list_store_append (rows, moved);
  reordered_diff = qs_plan_diff_new (a, reordered);
  g_assert_true (qs_plan_diff_is_empty (reordered_diff));
}

static void
test_rows_by_name (void)
{
  g_autoptr(QsPlan) a = build_plan ();
  g_autoptr(QsPlan) b = build_plan ();
  g_autoptr(QsPlanDiff) diff = NULL;
  const QsPlanChange *change;

  /* Without ids, rows match by name. */
  for (guint i = 0; i < 3; i++)
    {
      qs_indicator_row_set_indicator_id (qs_indicator_table_get_row (first_table (a), i), NULL);
      qs_indicator_row_set_indicator_id (qs_indicator_table_get_row (first_table (b), i), NULL);
    }
  qs_indicator_row_set_cell (qs_indicator_table_get_row (first_table (b), 2), 2, "33.7");
  diff = qs_plan_diff_new (a, b);
  g_assert_cmpuint (qs_plan_diff_get_n_changes (diff), ==, 1);
  change = qs_plan_diff_get_change (diff, 0);
  g_assert_cmpint (change->kind, ==, QS_PLAN_CHANGE_CELL_CHANGED);
  g_assert_cmpstr (change->row_name, ==, "森林覆盖率");
  g_assert_cmpstr (change->column, ==, "2020年现状值");
}

static void
test_sections_and_notes (void)
{
  g_autoptr(QsPlan) a = build_plan ();
  g_autoptr(QsPlan) b = build_plan ();
  g_autoptr(QsSection) chapter2 = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (b)), 1);
  g_autoptr(QsSection) chapter3 = qs_section_new (QS_SECTION_CHAPTER, 3, "保障措施");
  g_autoptr(QsReviewNote) note = qs_review_note_new ("请核实数据来源");
  g_autoptr(QsPlanDiff) diff = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  guint kinds = 0;
  JsonArray *changes;

  qs_section_set_title (chapter2, "重点任务与工程");
  g_list_store_append (qs_plan_get_chapters (b), chapter3);
  qs_indicator_table_add_note (first_table (b), "注：新增。");
  qs_review_note_set_id (note, 1);
  qs_review_note_set_table_target (note, 0, "表1", 1, NULL);
  g_list_store_append (qs_plan_get_review_notes (b), note);

  diff = qs_plan_diff_new (a, b);
  for (guint i = 0; i < qs_plan_diff_get_n_changes (diff); i++)
    {
      const QsPlanChange *change = qs_plan_diff_get_change (diff, i);

      kinds |= 1u << change->kind;
      if (change->kind == QS_PLAN_CHANGE_SECTION_RENAMED)
        {
          g_assert_cmpstr (change->old_text, ==, "重点任务");
          g_assert_cmpstr (change->new_text, ==, "重点任务与工程");
        }
      if (change->kind == QS_PLAN_CHANGE_SECTION_ADDED)
        g_assert_cmpstr (change->new_text, ==, "保障措施");
      if (change->kind == QS_PLAN_CHANGE_REVIEW_NOTE_ADDED)
        {
          g_assert_cmpuint (change->note_id, ==, 1);
          g_assert_cmpstr (change->new_text, ==, "请核实数据来源");
        }
    }
  g_assert_cmpuint (kinds, ==, (1u << QS_PLAN_CHANGE_SECTION_RENAMED) |
                               (1u << QS_PLAN_CHANGE_SECTION_ADDED) |
                               (1u << QS_PLAN_CHANGE_TABLE_NOTES_CHANGED) |
                               (1u << QS_PLAN_CHANGE_REVIEW_NOTE_ADDED));
  g_assert_cmpuint (qs_plan_diff_get_n_changes (diff), ==, 4);

  text = qs_plan_diff_to_text (diff);
  g_assert_nonnull (strstr (text, "新增章节：保障措施"));
  g_assert_nonnull (strstr (text, "{+\n注：新增。+}"));

  json = qs_plan_diff_to_json_data (diff, NULL);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 4);
  /* Document order: chapter 1's table, then chapter 2, the new chapter 3, the notes. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "kind"),
                   ==, "table-notes-changed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 1), "kind"),
                   ==, "section-renamed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 3), "kind"),
                   ==, "review-note-added");
}

/* A chapter inserted first renumbers the others: one change, not three. */
static void
test_renumbered (void)
{
  g_autoptr(QsPlan) a = build_plan ();
  g_autoptr(QsPlan) b = build_plan ();
  g_autoptr(QsSection) first = qs_section_new (QS_SECTION_CHAPTER, 1, "规划背景");
  g_autoptr(QsPlanDiff) diff = NULL;
  static const char * const labels_a[] = { "第一章", "第二章" };
  static const char * const labels_b[] = { "第一章", "第二章", "第三章" };

  g_list_store_insert (qs_plan_get_chapters (b), 0, first);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (a)), i);

      qs_section_set_label (chapter, labels_a[i]);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (b)), i);

      qs_section_set_label (chapter, labels_b[i]);
    }
  diff = qs_plan_diff_new (a, b);
  if (qs_plan_diff_get_n_changes (diff) != 1)
    {
      g_autofree char *text = qs_plan_diff_to_text (diff);

      g_test_message ("%s", text);
    }
  g_assert_cmpuint (qs_plan_diff_get_n_changes (diff), ==, 1);
  g_assert_cmpint (qs_plan_diff_get_change (diff, 0)->kind, ==, QS_PLAN_CHANGE_SECTION_ADDED);
  g_assert_cmpstr (qs_plan_diff_get_change (diff, 0)->new_text, ==, "第一章 规划背景");
}

static void
test_identical (void)
{
  g_autoptr(QsPlan) a = build_plan ();
  g_autoptr(QsPlan) b = copy_plan (a);
  g_autoptr(QsPlanDiff) diff = qs_plan_diff_new (a, b);
  g_autofree char *text = qs_plan_diff_to_text (diff);

  g_assert_true (qs_plan_diff_is_empty (diff));
  g_assert_cmpstr (text, ==, "两个版本相同。\n");
}

/* Every sample plan diffs empty against its own copy, and a removed
 * chapter shows as one change. */
static void
test_samples (void)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) samples = NULL;
  const char *name;
  guint n = 0;

  if (source == NULL)
    {
      g_test_skip ("QS_SOURCE_DIR is not set: no sample plans");
      return;
    }
  dir = g_build_filename (source, "resources", "samples", NULL);
  samples = g_dir_open (dir, 0, NULL);
  if (samples == NULL)
    {
      g_test_skip ("resources/samples is absent");
      return;
    }
  while ((name = g_dir_read_name (samples)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(QsPlan) a = NULL;
      g_autoptr(QsPlan) b = NULL;
      g_autoptr(QsPlanDiff) same = NULL;
      g_autoptr(QsPlanDiff) cut = NULL;
      g_autoptr(GError) error = NULL;
      guint n_chapters;

      if (!g_str_has_suffix (name, ".qsplan"))
        continue;
      path = g_build_filename (dir, name, NULL);
      a = qs_plan_xml_read_file (path, &error);
      g_assert_no_error (error);
      b = copy_plan (a);
      same = qs_plan_diff_new (a, b);
      g_assert_true (qs_plan_diff_is_empty (same));

      n_chapters = g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_chapters (b)));
      if (n_chapters < 2)
        continue;
      g_list_store_remove (qs_plan_get_chapters (b), n_chapters - 1);
      cut = qs_plan_diff_new (a, b);
      g_assert_cmpuint (qs_plan_diff_get_n_changes (cut), ==, 1);
      g_assert_cmpint (qs_plan_diff_get_change (cut, 0)->kind, ==, QS_PLAN_CHANGE_SECTION_REMOVED);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/versions/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("edit-save-list", test_edit_save_list);
  ADD ("identical-save", test_identical_save);
  ADD ("remove-and-missing", test_remove_and_missing);
  ADD ("failed-save-keeps-no-version", test_failed_save_keeps_no_version);
  ADD ("damaged-version", test_damaged_version);
#undef ADD
  g_test_add_func ("/diff/text-runs", test_text_runs);
  g_test_add_func ("/diff/paragraph", test_paragraph_change);
  g_test_add_func ("/diff/rows-added-removed", test_rows_added_removed);
  g_test_add_func ("/diff/rows-by-name", test_rows_by_name);
  g_test_add_func ("/diff/sections-and-notes", test_sections_and_notes);
  g_test_add_func ("/diff/renumbered", test_renumbered);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/samples", test_samples);
  return g_test_run ();
}
