/* test-workspace.c: the SQLite workspace: round trips, damaged and foreign
 * files, read-only files, failed saves and two processes writing at once. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "qs-model.h"
#include "qs-requirement.h"

#define NBSP "\xc2\xa0"
#define IDEOGRAPHIC_SPACE "\xe3\x80\x80"

/* The test binary itself, re-run as a second writer process. */
static char *self_exe;

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

  fixture->dir = g_dir_make_tmp ("qs-workspace-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.qsdb", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A test may leave a folder read-only. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Plans built in code */

static QsIndicatorRow *
make_row (const char         *category,
          const char         *number,
          const char         *name,
          const char         *indicator,
          const char         *unit,
          const char         *attribute,
          const char         *parent,
          const char         *indicator_id,
          const char * const *cells)
{
  QsIndicatorRow *row = qs_indicator_row_new ();

  qs_indicator_row_set_category (row, category);
  qs_indicator_row_set_number (row, number);
  qs_indicator_row_set_name (row, name);
  qs_indicator_row_set_indicator (row, indicator);
  qs_indicator_row_set_unit (row, unit);
  qs_indicator_row_set_attribute (row, attribute);
  qs_indicator_row_set_parent (row, parent);
  qs_indicator_row_set_indicator_id (row, indicator_id);
  for (guint i = 0; cells != NULL && cells[i] != NULL; i++)
    qs_indicator_row_set_cell (row, i, cells[i]);
  return row;
}

static void
add_column (GListStore *columns,
            const char *header,
            int         role)
{
  g_autoptr(QsTableColumn) column = qs_table_column_new (header, role);
  g_list_store_append (columns, column);
}

static QsIndicatorTable *
make_indicator_table (const char *tag,
                      int         variant)
{
  QsIndicatorTable *table = qs_indicator_table_new ();
  GListStore *columns = qs_indicator_table_get_columns (table);
  GListStore *rows = qs_indicator_table_get_rows (table);
  const char * const cells1[] = { "环境质量", "1", "空气质量优良天数比率（%）", "88.3", "≥88",
                                  "约束性", "", NULL };
  const char * const cells2[] = { "", "2*", "PM2.5\n年均浓度", "32", "<【30】",
                                  "预期性", "注" NBSP, "", "", NULL };   /* trailing "" cells */
  const char * const cells3[] = { "", "", "其中：" IDEOGRAPHIC_SPACE "阿蓬江", "Ⅲ", "Ⅱ类",
                                  "", "'); DROP TABLE plans; --", NULL };
  g_autoptr(QsIndicatorRow) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  g_autofree char *caption = g_strdup_printf ("表1 %s 目标指标", tag);

  qs_indicator_table_set_label (table, "表1");
  qs_indicator_table_set_caption (table, caption);
  add_column (columns, "类别", QS_COLUMN_CATEGORY);
  add_column (columns, "序号", QS_COLUMN_NUMBER);
  add_column (columns, "指  标", QS_COLUMN_NAME);
  add_column (columns, "2020年\n现状值", QS_COLUMN_BASELINE);
  add_column (columns, "2025年目标值", QS_COLUMN_TARGET);
  add_column (columns, "指标属性", QS_COLUMN_ATTRIBUTE);
  add_column (columns, "", QS_COLUMN_REMARK);

  r1 = make_row ("环境质量", "1", "空气质量优良天数比率（%）", "空气质量优良天数比率", "%",
                 "约束性", NULL, "air-good-days", cells1);
  r2 = make_row ("环境质量", "2*", "PM2.5\n年均浓度", "PM2.5年均浓度", "微克/立方米",
                 "预期性", NULL, NULL, cells2);
  r3 = make_row ("环境质量", "", "其中：" IDEOGRAPHIC_SPACE "阿蓬江", "阿蓬江", NULL, NULL,
                 "地表水质量", NULL, cells3);
  r4 = make_row ("", "", "", "", NULL, NULL, NULL, NULL, NULL);   /* a row without cells */
  g_list_store_append (rows, r1);
  g_list_store_append (rows, r2);
  g_list_store_append (rows, r3);
  g_list_store_append (rows, r4);
  if (variant > 0)
    {
      const char * const cells5[] = { "生态", "5", "森林覆盖率（%）", "33.67", "32", "约束性",
                                      "见注3", NULL };
      r5 = make_row ("生态", "5", "森林覆盖率（%）", "森林覆盖率", "%", "约束性", NULL, "forest",
                     cells5);
      g_list_store_insert (rows, 0, r5);
    }

  qs_indicator_table_add_note (table, "注：带【】为累计数。");
  qs_indicator_table_add_note (table, "");
  qs_indicator_table_add_note (table, "second\nline\twith tab  ");
  return table;
}

static QsTaskTable *
make_task_table (int variant)
{
  QsTaskTable *table = qs_task_table_new ();
  GListStore *rows = qs_task_table_get_rows (table);
  GListStore *items = qs_task_table_get_items (table);
  const char * const row1[] = { "大气", "扬尘污染管控\n（续）", "", NULL };
  const char * const row2[] = { "", NULL };
  g_autoptr(QsTaskRow) tr1 = qs_task_row_new (row1);
  g_autoptr(QsTaskRow) tr2 = qs_task_row_new (row2);
  g_autoptr(QsTaskRow) tr3 = qs_task_row_new (NULL);
  g_autoptr(QsTaskItem) heading = qs_task_item_new (QS_TASK_ITEM_HEADING, "一、大气");
  g_autoptr(QsTaskItem) item = qs_task_item_new (QS_TASK_ITEM_ITEM, "——扬尘污染管控行动：🌲 ok");
  g_autoptr(QsTaskItem) empty = qs_task_item_new (QS_TASK_ITEM_ITEM, "");

  /* Label NULL, caption "": both must come back as they were. */
  qs_task_table_set_caption (table, "");
  add_column (qs_task_table_get_columns (table), "工程领域", QS_COLUMN_CATEGORY);
  add_column (qs_task_table_get_columns (table), "项目\n名称", QS_COLUMN_OTHER);
  g_list_store_append (rows, tr1);
  g_list_store_append (rows, tr2);
  g_list_store_append (rows, tr3);
  g_list_store_append (items, heading);
  g_list_store_append (items, item);
  g_list_store_append (items, empty);
  if (variant > 0)
    qs_task_table_add_note (table, "备注：variant");
  return table;
}

static void
add_paragraph (QsSection       *section,
               QsParagraphKind  kind,
               const char      *text)
{
  g_autoptr(QsParagraph) paragraph = qs_paragraph_new (kind, text);
  g_list_store_append (qs_section_get_blocks (section), paragraph);
}

/* A plan with every field and block type and awkward strings; @variant
 * changes both text and shape. */
static QsPlan *
build_plan (const char *tag,
            int         variant)
{
  QsPlan *plan = qs_plan_new ();
  g_autofree char *title = g_strdup_printf ("%s 生态环境保护“十四五”规划", tag);
  g_autoptr(QsSection) preface = qs_section_new (QS_SECTION_FRONT, 0, "前" IDEOGRAPHIC_SPACE "言");
  g_autoptr(QsSection) chapter1 = qs_section_new (QS_SECTION_CHAPTER, 1, "总体要求");
  g_autoptr(QsSection) section1 = qs_section_new (QS_SECTION_SECTION, 1, "主要目标");
  g_autoptr(QsSection) section2 = qs_section_new (QS_SECTION_SECTION, 2, "");
  g_autoptr(QsSection) sub = qs_section_new (QS_SECTION_SUBSECTION, 3, "深层\n标题");
  g_autoptr(QsSection) chapter2 = qs_section_new (QS_SECTION_CHAPTER, 2, "重点任务");
  g_autoptr(QsSection) empty_chapter = qs_section_new (QS_SECTION_CHAPTER, 0, "");
  g_autoptr(QsSection) back = qs_section_new (QS_SECTION_BACK, 0, "名词解释");
  g_autoptr(QsIndicatorTable) itable = make_indicator_table (tag, variant);
  g_autoptr(QsTaskTable) ttable = make_task_table (variant);
  g_autoptr(QsTaskTable) box = qs_task_table_new ();
  g_autoptr(QsTaskItem) box_item = qs_task_item_new (QS_TASK_ITEM_ITEM, "1．自然保护区建设。");
  g_autoptr(QsGlossaryEntry) term1 = qs_glossary_entry_new ("PM2.5", "细颗粒物");
  g_autoptr(QsGlossaryEntry) term2 = qs_glossary_entry_new ("", "");

  qs_plan_set_title (plan, title);
  qs_plan_set_region (plan, variant > 0 ? "江津区" : "大渡口区");
  qs_plan_set_level (plan, QS_PLAN_LEVEL_DISTRICT);
  qs_plan_set_period (plan, 2021, 2025);
  qs_plan_set_vision_year (plan, variant > 0 ? 0 : 2035);
  qs_plan_set_parent_plan (plan, variant > 0 ? NULL : "重庆市生态环境保护“十四五”规划");

  /* NULL label (print the default) and "" label (print none) differ. */
  qs_section_set_label (chapter1, "第一章");
  qs_section_set_label (section2, "");
  qs_section_set_label (back, "附件" NBSP);
  add_paragraph (preface, QS_PARAGRAPH_BODY, "第一段\n第二行" NBSP "  尾随空格  ");
  add_paragraph (preface, QS_PARAGRAPH_BODY, "");
  add_paragraph (preface, QS_PARAGRAPH_NOTE, "注：quote ' double \" back\\slash % _");
  g_list_store_append (qs_plan_get_front_matter (plan), preface);

  add_paragraph (chapter1, QS_PARAGRAPH_BODY, variant > 0 ? "changed text" : "original text");
  g_list_store_append (qs_section_get_blocks (section1), itable);
  add_paragraph (section1, QS_PARAGRAPH_NOTE, "表后说明");
  g_list_store_append (qs_section_get_children (chapter1), section1);
  g_list_store_append (qs_section_get_children (section2), sub);
  add_paragraph (sub, QS_PARAGRAPH_BODY, "三层");
  g_list_store_append (qs_section_get_children (chapter1), section2);
  g_list_store_append (qs_plan_get_chapters (plan), chapter1);

  qs_task_table_set_label (box, "专栏3");
  qs_task_table_set_caption (box, "专栏3 改善大气环境质量重点任务");
  g_list_store_append (qs_task_table_get_items (box), box_item);
  g_list_store_append (qs_section_get_blocks (chapter2), ttable);
  g_list_store_append (qs_section_get_blocks (chapter2), box);
  g_list_store_append (qs_plan_get_chapters (plan), chapter2);
  if (variant == 0)
    g_list_store_append (qs_plan_get_chapters (plan), empty_chapter);

  g_list_store_append (qs_plan_get_back_matter (plan), back);
  g_list_store_append (qs_plan_get_glossary (plan), term1);
  g_list_store_append (qs_plan_get_glossary (plan), term2);
  return plan;
}

static void
assert_plans_equal (QsPlan *expected,
                    QsPlan *actual)
{
  g_autofree char *where = NULL;

  if (!qs_plan_equal (expected, actual, &where))
    g_error ("plans differ: %s", where);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static QsWorkspace *
create_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  QsWorkspace *ws = qs_workspace_open (path, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return ws;
}

static gint64
add_plan (QsWorkspace *ws,
          QsPlan      *plan)
{
  g_autoptr(GError) error = NULL;
  gint64 id = qs_workspace_add_plan (ws, plan, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static QsPlan *
load_plan (QsWorkspace *ws,
           gint64       id)
{
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_workspace_load_plan (ws, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static guint
count_plans (QsWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = qs_workspace_list_plans (ws, &error);

  g_assert_no_error (error);
  return list->len;
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

/* Tests */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsPlan) plan = build_plan ("大渡口区", 0);
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GListModel) chapter1 = NULL;
  g_autoptr(QsSection) section1 = NULL, section2 = NULL;
  g_autoptr(QsIndicatorTable) itable = NULL;
  g_autoptr(QsIndicatorRow) row = NULL;
  gint64 id;

  id = add_plan (ws, plan);
  loaded = load_plan (ws, id);
  assert_plans_equal (plan, loaded);

  /* qs_plan_equal prints NULL as "(null)"; check the NULL/"" cases directly. */
  chapter1 = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (loaded)), 0);
  section1 = g_list_model_get_item (G_LIST_MODEL (qs_section_get_children (QS_SECTION (chapter1))), 0);
  section2 = g_list_model_get_item (G_LIST_MODEL (qs_section_get_children (QS_SECTION (chapter1))), 1);
  g_assert_null (qs_section_get_label (section1));
  g_assert_cmpstr (qs_section_get_label (section2), ==, "");
  itable = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (section1)), 0);
  row = g_list_model_get_item (G_LIST_MODEL (qs_indicator_table_get_rows (itable)), 2);
  g_assert_null (qs_indicator_row_get_unit (row));
  g_assert_null (qs_indicator_row_get_indicator_id (row));
  g_assert_cmpstr (qs_indicator_row_get_parent (row), ==, "地表水质量");
  g_assert_cmpuint (qs_indicator_row_get_n_cells (row), ==, 7);
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (qs_indicator_table_get_rows (itable)), 1);
  g_assert_cmpuint (qs_indicator_row_get_n_cells (row), ==, 9);   /* trailing "" cells kept */
  g_assert_cmpstr (qs_plan_get_parent_plan (loaded), ==, "重庆市生态环境保护“十四五”规划");
  g_assert_cmpint (qs_plan_get_vision_year (loaded), ==, 2035);

  /* A plan without optional fields, and an empty plan. */
  {
    g_autoptr(QsPlan) other = build_plan ("江津区", 1);
    g_autoptr(QsPlan) empty = qs_plan_new ();
    g_autoptr(QsPlan) other_loaded = load_plan (ws, add_plan (ws, other));
    g_autoptr(QsPlan) empty_loaded = load_plan (ws, add_plan (ws, empty));

    assert_plans_equal (other, other_loaded);
    g_assert_null (qs_plan_get_parent_plan (other_loaded));
    g_assert_cmpint (qs_plan_get_vision_year (other_loaded), ==, 0);
    assert_plans_equal (empty, empty_loaded);
  }

  /* The first plan is untouched by the others. */
  g_clear_object (&loaded);
  loaded = load_plan (ws, id);
  assert_plans_equal (plan, loaded);

  /* Normalised: indicator rows of all plans are one query away. */
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM indicator_rows"), ==, 4 + 5);
}

static void
test_save_replaces (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsPlan) v0 = build_plan ("黔江区", 0);
  g_autoptr(QsPlan) v1 = build_plan ("黔江区", 1);
  g_autoptr(QsPlan) other = build_plan ("其他", 0);
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other_id;
  gint64 n_rows_before;

  id = add_plan (ws, v0);
  other_id = add_plan (ws, other);
  n_rows_before = sql_int (fixture->path, "SELECT count(*) FROM indicator_cells");

  g_assert_true (qs_workspace_save_plan (ws, id, v1, &error));
  g_assert_no_error (error);
  loaded = load_plan (ws, id);
  assert_plans_equal (v1, loaded);
  g_clear_object (&loaded);
  loaded = load_plan (ws, other_id);
  assert_plans_equal (other, loaded);
  g_assert_cmpuint (count_plans (ws), ==, 2);

  /* The old content is gone, not orphaned: saving v0 again gives the
   * original row counts back. */
  g_assert_true (qs_workspace_save_plan (ws, id, v0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM indicator_cells"), ==,
                   n_rows_before);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_false (qs_workspace_save_plan (ws, 9999, v1, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_plans (ws), ==, 2);
}

static void
test_list_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const struct {
    QsPlanLevel level;
    int start, end;
    const char *region, *title;
  } plans[] = {
    { QS_PLAN_LEVEL_MUNICIPAL, 2016, 2020, "重庆市", "M" },
    { QS_PLAN_LEVEL_DISTRICT, 2021, 2025, "b", "T2" },
    { QS_PLAN_LEVEL_COUNTY, 2021, 2025, "a", "C" },
    { QS_PLAN_LEVEL_DISTRICT, 2016, 2020, "z", "Old" },
    { QS_PLAN_LEVEL_DISTRICT, 2021, 2025, "b", "T1" },
    { QS_PLAN_LEVEL_DISTRICT, 2021, 2025, "a", "T3" },
  };
  const char * const expected[] = { "Old", "T3", "T1", "T2", "C", "M" };
  gint64 ids[G_N_ELEMENTS (plans)];

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(QsPlan) plan = qs_plan_new ();

      qs_plan_set_title (plan, plans[i].title);
      qs_plan_set_region (plan, plans[i].region);
      qs_plan_set_level (plan, plans[i].level);
      qs_plan_set_period (plan, plans[i].start, plans[i].end);
      ids[i] = add_plan (ws, plan);
    }

  list = qs_workspace_list_plans (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (list, i);

      g_assert_cmpstr (summary->title, ==, expected[i]);
      g_assert_cmpint (summary->modified, >, 0);
    }
  /* The summary carries the plan's fields. */
  for (guint i = 0; i < list->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (list, i);

      if (summary->id == ids[0])
        {
          g_assert_cmpint (summary->level, ==, QS_PLAN_LEVEL_MUNICIPAL);
          g_assert_cmpint (summary->start_year, ==, 2016);
          g_assert_cmpint (summary->end_year, ==, 2020);
          g_assert_cmpstr (summary->region, ==, "重庆市");
        }
    }
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsPlan) a = build_plan ("A", 0);
  g_autoptr(QsPlan) b = build_plan ("B", 1);
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ida, idb;

  ida = add_plan (ws, a);
  idb = add_plan (ws, b);
  g_assert_true (qs_workspace_remove_plan (ws, ida, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (ws), ==, 1);

  g_assert_null (qs_workspace_load_plan (ws, ida, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (qs_workspace_remove_plan (ws, ida, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removing cascades to every row of the plan. */
  loaded = load_plan (ws, idb);
  assert_plans_equal (b, loaded);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM sections WHERE plan_id <> "
                            "(SELECT id FROM plans)"), ==, 0);
  g_assert_true (qs_workspace_remove_plan (ws, idb, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (ws), ==, 0);
  g_assert_cmpint (sql_int (fixture->path,
                            "SELECT (SELECT count(*) FROM sections) + (SELECT count(*) FROM blocks)"
                            " + (SELECT count(*) FROM table_columns)"
                            " + (SELECT count(*) FROM indicator_rows)"
                            " + (SELECT count(*) FROM indicator_cells)"
                            " + (SELECT count(*) FROM task_rows) + (SELECT count(*) FROM task_cells)"
                            " + (SELECT count(*) FROM task_items) + (SELECT count(*) FROM table_notes)"
                            " + (SELECT count(*) FROM glossary)"), ==, 0);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(QsPlan) a = build_plan ("A", 0);
  g_autoptr(QsPlan) b = build_plan ("B", 1);
  g_autoptr(QsWorkspace) ws = NULL;
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ida, idb;

  ws = create_workspace (fixture->path);
  ida = add_plan (ws, a);
  idb = add_plan (ws, b);
  g_clear_object (&ws);

  ws = qs_workspace_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qs_workspace_get_path (ws), ==, fixture->path);
  g_assert_false (qs_workspace_is_read_only (ws));
  g_assert_cmpuint (count_plans (ws), ==, 2);
  loaded = load_plan (ws, ida);
  assert_plans_equal (a, loaded);
  g_clear_object (&loaded);
  loaded = load_plan (ws, idb);
  assert_plans_equal (b, loaded);
}

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (qs_workspace_get_schema_version (ws), ==, QS_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA application_id"), ==,
                   QS_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==,
                   QS_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                            "AND name IN ('plans', 'sections', 'blocks', 'table_columns', "
                            "'indicator_rows', 'indicator_cells', 'task_rows', 'task_cells', "
                            "'task_items', 'table_notes', 'glossary')"), ==, 11);
  g_assert_true (qs_workspace_check (ws, &error));
  g_assert_no_error (error);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, FALSE, &error);

  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN);
  g_assert_null (ws);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  ws = qs_workspace_open (fixture->dir, TRUE, &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN);
  g_assert_null (ws);
}

/* Opening @path must fail with @code (or @code2) and leave it unchanged,
 * with create or without. */
static void
assert_refused (const char *path,
                int         code,
                int         code2)
{
  g_autoptr(GBytes) before = read_bytes (path);

  for (int create = 0; create <= 1; create++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QsWorkspace) ws = qs_workspace_open (path, create, &error);
      g_autoptr(GBytes) after = NULL;

      g_assert_null (ws);
      g_assert_nonnull (error);
      g_test_message ("%s (create=%d): %s", path, create, error->message);
      g_assert_true (error->domain == QS_WORKSPACE_ERROR);
      g_assert_true (error->code == code || error->code == code2);
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_random_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  guint32 noise[2048];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (noise); i++)
    noise[i] = g_test_rand_int ();
  write_bytes (fixture->path, noise, sizeof noise);
  assert_refused (fixture->path, QS_WORKSPACE_ERROR_NOT_WORKSPACE, -1);

  /* The message says what is wrong, for the planner. */
  g_assert_null (qs_workspace_open (fixture->path, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "is not a Qingshan workspace"));
  g_clear_error (&error);

  /* A text file, too. */
  write_bytes (fixture->path, "<plan>not a database</plan>\n", 28);
  assert_refused (fixture->path, QS_WORKSPACE_ERROR_NOT_WORKSPACE, -1);
}

static void
test_other_database (Fixture       *fixture,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (fixture->path, QS_WORKSPACE_ERROR_NOT_WORKSPACE, -1);
}

/* SQLite takes an empty file for an empty database.  Opening an existing
 * workspace (create=FALSE) must not turn it into one silently; creating
 * (create=TRUE) may use it. */
static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = NULL;
  g_autoptr(GBytes) after = NULL;

  write_bytes (fixture->path, "", 0);
  ws = qs_workspace_open (fixture->path, FALSE, &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_WORKSPACE);
  g_assert_null (ws);
  g_clear_error (&error);
  after = read_bytes (fixture->path);
  g_assert_cmpuint (g_bytes_get_size (after), ==, 0);

  ws = qs_workspace_open (fixture->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qs_workspace_get_schema_version (ws), ==, QS_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpuint (count_plans (ws), ==, 0);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *cut_path = g_build_filename (fixture->dir, "cut.qsdb", NULL);
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GBytes) whole = NULL;
  gsize length;
  gsize cuts[5];

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *tag = g_strdup_printf ("区%d", i);
      g_autoptr(QsPlan) plan = build_plan (tag, i % 2);

      add_plan (ws, plan);
    }
  /* Closing checkpoints the log into the file: the copy is complete. */
  g_clear_object (&ws);
  whole = read_bytes (fixture->path);
  length = g_bytes_get_size (whole);
  g_assert_cmpuint (length, >, 8 * 4096);

  cuts[0] = length / 2;
  cuts[1] = length - 1;
  cuts[2] = 4096;       /* the header page alone */
  cuts[3] = 100;        /* inside the header */
  cuts[4] = 7;
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cuts[i], length);
      write_bytes (cut_path, g_bytes_get_data (whole, NULL), cuts[i]);
      assert_refused (cut_path, QS_WORKSPACE_ERROR_CORRUPT, QS_WORKSPACE_ERROR_NOT_WORKSPACE);
    }
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&ws);
  sql_exec (fixture->path, "PRAGMA user_version = 99");
  assert_refused (fixture->path, QS_WORKSPACE_ERROR_TOO_NEW, -1);

  ws = qs_workspace_open_full (fixture->path, QS_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
}

/* Every write fails with READ_ONLY and the file keeps its bytes. */
static void
assert_writes_refused (QsWorkspace *ws,
                       const char  *path,
                       gint64       id,
                       QsPlan      *stored)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) other = build_plan ("other", 1);
  g_autoptr(QsPlan) loaded = NULL;

  g_assert_true (qs_workspace_is_read_only (ws));
  g_assert_cmpint (qs_workspace_add_plan (ws, other, &error), ==, 0);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (qs_workspace_save_plan (ws, id, other, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (qs_workspace_remove_plan (ws, id, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Reading still works. */
  g_assert_cmpuint (count_plans (ws), ==, 1);
  loaded = load_plan (ws, id);
  assert_plans_equal (stored, loaded);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_read_only_flag (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(QsPlan) plan = build_plan ("A", 0);
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.qsdb", NULL);
  gint64 id;

  id = add_plan (ws, plan);
  g_clear_object (&ws);

  /* Root may write any file, so the read-only path is tested with the flag
   * (the permission case is /workspace/read-only-file). */
  ws = qs_workspace_open_full (fixture->path, QS_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_writes_refused (ws, fixture->path, id, plan);
  g_clear_object (&ws);

  ws = qs_workspace_open_full (missing, QS_WORKSPACE_OPEN_READ_ONLY | QS_WORKSPACE_OPEN_CREATE,
                               &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY);
  g_assert_null (ws);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(QsPlan) plan = build_plan ("A", 0);
  g_autoptr(QsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subdir = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (subdir, "new.qsdb", NULL);
  g_autofree char *copy = g_build_filename (subdir, "copy.qsdb", NULL);
  gint64 id;

  if (geteuid () == 0)
    {
      g_test_skip ("Running as root, which may write a read-only file; "
                   "/workspace/read-only-flag covers the read-only path");
      return;
    }

  ws = create_workspace (fixture->path);
  id = add_plan (ws, plan);
  g_clear_object (&ws);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  for (int create = 0; create <= 1; create++)
    {
      ws = qs_workspace_open (fixture->path, create, &error);
      g_assert_no_error (error);
      assert_writes_refused (ws, fixture->path, id, plan);
      g_clear_object (&ws);
    }

  /* A workspace in a folder nobody may write is read as it is. */
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  {
    g_autoptr(GBytes) bytes = read_bytes (fixture->path);
    write_bytes (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  g_assert_cmpint (g_chmod (copy, 0444), ==, 0);
  g_assert_cmpint (g_chmod (subdir, 0500), ==, 0);
  ws = qs_workspace_open (copy, FALSE, &error);
  g_assert_no_error (error);
  assert_writes_refused (ws, copy, id, plan);
  g_clear_object (&ws);

  ws = qs_workspace_open (in_locked, TRUE, &error);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY);
  g_assert_null (ws);
  g_chmod (subdir, 0700);
  g_unlink (copy);
  g_rmdir (subdir);
}

static void
test_failed_save_keeps_content (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsPlan) v0 = build_plan ("A", 0);
  g_autoptr(QsPlan) v1 = build_plan ("A", 1);
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsIndicatorTable) table = NULL;
  g_autoptr(QsSection) section = NULL;
  g_autoptr(QsSection) chapter = NULL;
  gint64 id;

  id = add_plan (ws, v0);

  /* The failure is injected by a trigger on the last table rows written,
   * so the save fails after it has already deleted and rewritten most of
   * the plan: only a rollback can restore it. */
  sql_exec (fixture->path,
            "CREATE TRIGGER boom BEFORE INSERT ON indicator_cells WHEN NEW.text = 'BOOM' "
            "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (v1)), 0);
  section = g_list_model_get_item (G_LIST_MODEL (qs_section_get_children (chapter)), 0);
  table = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (section)), 0);
  qs_indicator_table_set_cell (table, 3, 4, "BOOM");

  g_assert_false (qs_workspace_save_plan (ws, id, v1, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  loaded = load_plan (ws, id);
  assert_plans_equal (v0, loaded);

  /* A failed add leaves no half plan behind. */
  g_assert_cmpint (qs_workspace_add_plan (ws, v1, &error), ==, 0);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (count_plans (ws), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM sections"), ==,
                   sql_int (fixture->path, "SELECT count(*) FROM sections WHERE plan_id = 1"));

  /* The workspace is usable afterwards. */
  sql_exec (fixture->path, "DROP TRIGGER boom");
  g_assert_true (qs_workspace_save_plan (ws, id, v1, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = load_plan (ws, id);
  assert_plans_equal (v1, loaded);
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsPlan) plan = build_plan ("A", 0);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  /* Another process holds the write lock. */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  qs_workspace_set_busy_timeout (ws, 0);
  g_assert_cmpint (qs_workspace_add_plan (ws, plan, &error), ==, 0);
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_BUSY);
  g_clear_error (&error);
  /* Reading goes on meanwhile. */
  g_assert_cmpuint (count_plans (ws), ==, 0);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  add_plan (ws, plan);
  g_assert_cmpuint (count_plans (ws), ==, 1);
}

static void
changed_cb (QsWorkspace *ws,
            gint64       plan_id,
            gpointer     user_data)
{
  GArray *ids = user_data;

  g_array_append_val (ids, plan_id);
}

static void
test_changed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsWorkspace) other = create_workspace (fixture->path);
  g_autoptr(QsPlan) plan = build_plan ("A", 0);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (ws, "changed", G_CALLBACK (changed_cb), ids);
  id = add_plan (ws, plan);
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id);

  /* Our own writes are not news; another connection's are. */
  g_assert_false (qs_workspace_poll_changes (ws));
  add_plan (other, plan);
  g_assert_true (qs_workspace_poll_changes (ws));
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 0);
  g_assert_false (qs_workspace_poll_changes (ws));

  g_assert_true (qs_workspace_remove_plan (ws, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.qsdb", NULL);
  g_autofree char *copy_wal = g_strconcat (copy_path, "-wal", NULL);
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 ids[3];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *tag = g_strdup_printf ("区%u", i);
      g_autoptr(QsPlan) plan = build_plan (tag, i % 2);

      ids[i] = add_plan (ws, plan);
    }

  /* Replacing an ordinary file is fine. */
  write_bytes (copy_path, "old", 3);
  g_assert_true (qs_workspace_backup_to (ws, copy_path, &error));
  g_assert_no_error (error);
  /* One self-contained file. */
  g_assert_false (g_file_test (copy_wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (copy_path, "PRAGMA application_id"), ==, QS_WORKSPACE_APPLICATION_ID);

  copy = qs_workspace_open (copy_path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (copy), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(QsPlan) a = load_plan (ws, ids[i]);
      g_autoptr(QsPlan) b = load_plan (copy, ids[i]);

      assert_plans_equal (a, b);
    }

  /* Never over the workspace itself or one in use. */
  g_assert_false (qs_workspace_backup_to (ws, fixture->path, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_false (qs_workspace_backup_to (ws, copy_path, &error));
  g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN);
  g_clear_error (&error);
  list = qs_workspace_list_plans (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (ids));
}

/* A municipal plan with requirements: two requirements share one group,
 * one names districts only, one has no figure; notes hold odd text. */
static QsPlan *
plan_with_requirements (void)
{
  const char * const urban[] = { "渝中区", "大渡口区", "两江新区", NULL };
  const char * const named[] = { "江津区", " 武隆区" NBSP, NULL };
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsDistrictGroup) group = qs_district_group_new ("pm25-urban", "主城九区及两江新区", urban);
  g_autoptr(QsDistrictGroup) empty = qs_district_group_new ("空组", "", NULL);
  g_autoptr(QsRequirement) a = qs_requirement_new ("air.pm25", QS_REQUIREMENT_ABSOLUTE_BOUND, "≤45");
  g_autoptr(QsRequirement) b = qs_requirement_new ("air.good-days", QS_REQUIREMENT_ABSOLUTE_BOUND, "≥80%");
  g_autoptr(QsRequirement) c = qs_requirement_new ("water.cod", QS_REQUIREMENT_CHANGE, "下降10%");
  g_autoptr(QsRequirement) d = qs_requirement_new (NULL, QS_REQUIREMENT_KEEP_BASELINE, NULL);
  g_autoptr(QsRequirement) e = qs_requirement_new ("water.cod", QS_REQUIREMENT_ASSIGNED_VALUE, "【14】");

  qs_plan_set_title (plan, "重庆市生态环境保护规划");
  qs_plan_set_region (plan, "重庆市");
  qs_plan_set_level (plan, QS_PLAN_LEVEL_MUNICIPAL);
  qs_plan_set_period (plan, 2016, 2020);
  qs_district_group_set_source (group, "专栏3");
  qs_requirement_set_id (a, "pm25-urban");
  qs_requirement_set_group (a, group);
  qs_requirement_set_unit (a, "μg/m³");
  qs_requirement_set_year (a, 2020);
  qs_requirement_set_source (a, "专栏3");
  qs_requirement_set_group (b, group);
  qs_requirement_set_note (b, "line one\r\nline two\t" IDEOGRAPHIC_SPACE "\v");
  qs_requirement_set_districts (c, named);
  qs_requirement_set_base_year (c, 2015);
  qs_requirement_set_base_value (c, "1.2万吨");
  qs_requirement_set_group (d, empty);
  qs_requirement_set_districts (e, named + 1);
  g_list_store_append (qs_plan_get_requirements (plan), a);
  g_list_store_append (qs_plan_get_requirements (plan), b);
  g_list_store_append (qs_plan_get_requirements (plan), c);
  g_list_store_append (qs_plan_get_requirements (plan), d);
  g_list_store_append (qs_plan_get_requirements (plan), e);
  return plan;
}

static QsRequirement *
nth_requirement (QsPlan *plan,
                 guint   i)
{
  QsRequirement *r = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_requirements (plan)), i);

  g_assert_nonnull (r);
  g_object_unref (r);   /* the plan holds it */
  return r;
}

static void
test_requirements (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsPlan) plan = plan_with_requirements ();
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(QsPlan) other = plan_with_requirements ();
  g_autoptr(GError) error = NULL;
  gint64 id, other_id;

  id = add_plan (ws, plan);
  other_id = add_plan (ws, other);
  loaded = load_plan (ws, id);
  assert_plans_equal (plan, loaded);
  /* The shared group is one object again, not two equal copies. */
  g_assert_nonnull (qs_requirement_get_group (nth_requirement (loaded, 0)));
  g_assert_true (qs_requirement_get_group (nth_requirement (loaded, 0)) ==
                 qs_requirement_get_group (nth_requirement (loaded, 1)));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM requirement_groups"), ==, 4);

  /* qs_plan_equal sees a changed field and a split group. */
  qs_requirement_set_figure (nth_requirement (loaded, 0), "≤46");
  g_assert_false (qs_plan_equal (plan, loaded, NULL));
  g_clear_object (&loaded);
  loaded = load_plan (ws, id);
  {
    QsDistrictGroup *shared = qs_requirement_get_group (nth_requirement (loaded, 0));
    g_autoptr(QsDistrictGroup) copy = qs_district_group_new (qs_district_group_get_id (shared),
                                                             qs_district_group_get_name (shared),
                                                             qs_district_group_get_districts (shared));

    qs_district_group_set_source (copy, qs_district_group_get_source (shared));
    qs_requirement_set_group (nth_requirement (loaded, 1), copy);
    g_assert_false (qs_plan_equal (plan, loaded, NULL));
  }
  g_clear_object (&loaded);

  /* Saving replaces the list: fewer requirements, then none. */
  g_list_store_remove (qs_plan_get_requirements (plan), 0);
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);
  loaded = load_plan (ws, id);
  assert_plans_equal (plan, loaded);
  g_clear_object (&loaded);
  g_list_store_remove_all (qs_plan_get_requirements (plan));
  g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
  g_assert_no_error (error);
  loaded = load_plan (ws, id);
  assert_plans_equal (plan, loaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_requirements (loaded))), ==, 0);

  /* The other plan's requirements are untouched, and go with it. */
  g_clear_object (&loaded);
  loaded = load_plan (ws, other_id);
  assert_plans_equal (other, loaded);
  g_assert_true (qs_workspace_remove_plan (ws, other_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM requirements"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM requirement_groups"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM requirement_districts"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM requirement_group_districts"), ==, 0);
}

/* A version 2 workspace (before requirements) is migrated on open and
 * keeps its plans. */
static void
test_migrate_2_to_3 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(QsPlan) plan = plan_with_requirements ();
  g_autoptr(QsPlan) bare = plan_with_requirements ();
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_list_store_remove_all (qs_plan_get_requirements (bare));
  {
    g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);

    id = add_plan (ws, bare);
  }
  sql_exec (fixture->path,
            "DROP TABLE requirement_districts; DROP TABLE requirements; "
            "DROP TABLE requirement_group_districts; DROP TABLE requirement_groups; "
            "PRAGMA user_version = 2;");
  {
    g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (qs_workspace_get_schema_version (ws), ==, QS_WORKSPACE_SCHEMA_VERSION);
    loaded = load_plan (ws, id);
    assert_plans_equal (bare, loaded);
    g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
    g_assert_no_error (error);
    g_clear_object (&loaded);
    loaded = load_plan (ws, id);
    assert_plans_equal (plan, loaded);
    g_assert_true (qs_workspace_check (ws, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, QS_WORKSPACE_SCHEMA_VERSION);
}

static void
test_default_path (void)
{
  g_autofree char *path = qs_workspace_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(QsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  /* main() points XDG_DATA_HOME at a temporary folder. */
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_cmpstr (base, ==, "workspace.qsdb");
  g_assert_true (g_str_has_suffix (dir, "qingshan"));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  ws = qs_workspace_open (path, TRUE, &error);
  g_assert_no_error (error);
}

/* XML → workspace → XML gives the same document. */
static void
test_xml_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(QsPlan) built = build_plan ("大渡口区", 0);
  g_autoptr(QsPlan) from_xml = NULL;
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  gsize length = 0, length_again = 0;

  xml = qs_plan_xml_write_data (built, &length);
  from_xml = qs_plan_xml_read_data (xml, length, "<built>", &error);
  g_assert_no_error (error);
  loaded = load_plan (ws, add_plan (ws, from_xml));
  assert_plans_equal (from_xml, loaded);
  xml_again = qs_plan_xml_write_data (loaded, &length_again);
  g_assert_cmpstr (xml, ==, xml_again);
}

/* The sample plans' hand-checked tables, as a real-sized test input. */

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
add_truth_sections (GListStore    *store,
                    JsonArray     *array,
                    QsSectionKind  kind,
                    const char    *child_member,
                    QsSectionKind  child_kind)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autoptr(QsSection) section = qs_section_new (kind, i + 1, json_string (object, "title"));

      qs_section_set_label (section, json_string (object, "heading_raw"));
      if (child_member != NULL && json_object_has_member (object, child_member))
        add_truth_sections (qs_section_get_children (section),
                            json_object_get_array_member (object, child_member), child_kind,
                            child_kind == QS_SECTION_SECTION ? "subsections" : NULL,
                            QS_SECTION_SUBSECTION);
      g_list_store_append (store, section);
    }
}

static QsIndicatorTable *
truth_indicator_table (JsonObject *object)
{
  QsIndicatorTable *table = qs_indicator_table_new ();
  JsonArray *columns = json_object_get_array_member (object, "columns_raw");
  JsonArray *rows = json_object_get_array_member (object, "rows");

  qs_indicator_table_set_label (table, json_string (object, "id"));
  qs_indicator_table_set_caption (table, json_string (object, "caption"));
  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    add_column (qs_indicator_table_get_columns (table),
                json_array_get_string_element (columns, i), -1);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      JsonArray *cells = json_object_get_array_member (r, "cells");
      g_autoptr(QsIndicatorRow) row =
        make_row (json_string (r, "category"), json_string (r, "number"), json_string (r, "name"),
                  json_string (r, "indicator"), json_string (r, "unit"),
                  json_string (r, "attribute"), json_string (r, "parent"), NULL, NULL);

      for (guint c = 0; cells != NULL && c < json_array_get_length (cells); c++)
        qs_indicator_row_set_cell (row, c, json_array_get_string_element (cells, c));
      g_list_store_append (qs_indicator_table_get_rows (table), row);
    }
  if (json_object_has_member (object, "notes") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "notes")))
    {
      JsonArray *notes = json_object_get_array_member (object, "notes");

      for (guint i = 0; i < json_array_get_length (notes); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (notes, i)))
          qs_indicator_table_add_note (table, json_array_get_string_element (notes, i));
    }
  return table;
}

static QsTaskTable *
truth_task_table (JsonObject *object)
{
  QsTaskTable *table = qs_task_table_new ();

  qs_task_table_set_label (table, json_string (object, "id"));
  qs_task_table_set_caption (table, json_string (object, "caption"));
  if (json_object_has_member (object, "columns"))
    {
      JsonArray *columns = json_object_get_array_member (object, "columns");

      for (guint i = 0; i < json_array_get_length (columns); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (columns, i)))
          add_column (qs_task_table_get_columns (table),
                      json_array_get_string_element (columns, i), -1);
    }
  if (json_object_has_member (object, "rows"))
    {
      JsonArray *rows = json_object_get_array_member (object, "rows");

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *r = json_array_get_object_element (rows, i);
          g_autoptr(QsTaskRow) row = qs_task_row_new (NULL);
          JsonArray *cells;

          if (r == NULL || !json_object_has_member (r, "cells"))
            continue;
          cells = json_object_get_array_member (r, "cells");
          for (guint c = 0; c < json_array_get_length (cells); c++)
            qs_task_row_set_cell (row, c, json_array_get_string_element (cells, c));
          g_list_store_append (qs_task_table_get_rows (table), row);
        }
    }
  if (json_object_has_member (object, "items"))
    {
      JsonArray *items = json_object_get_array_member (object, "items");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *node = json_array_get_element (items, i);
          const char *text = NULL;
          g_autoptr(QsTaskItem) item = NULL;

          if (JSON_NODE_HOLDS_OBJECT (node))
            text = json_string (json_node_get_object (node), "text");
          else if (JSON_NODE_HOLDS_VALUE (node))
            text = json_node_get_string (node);
          if (text == NULL)
            continue;
          item = qs_task_item_new (QS_TASK_ITEM_ITEM, text);
          g_list_store_append (qs_task_table_get_items (table), item);
        }
    }
  return table;
}

static QsPlan *
plan_from_truth (const char  *path,
                 guint       *n_tables)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QsSection) tables = NULL;
  JsonObject *root;
  QsPlan *plan;
  QsPlanLevel level = QS_PLAN_LEVEL_DISTRICT;
  JsonArray *array;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  plan = qs_plan_new ();
  qs_plan_set_title (plan, json_string (root, "title"));
  qs_plan_set_region (plan, json_string (root, "region"));
  qs_plan_level_from_string (json_string (root, "level"), &level);
  qs_plan_set_level (plan, level);
  add_truth_sections (qs_plan_get_front_matter (plan),
                      json_object_get_array_member (root, "front_matter"),
                      QS_SECTION_FRONT, NULL, QS_SECTION_FRONT);
  add_truth_sections (qs_plan_get_chapters (plan), json_object_get_array_member (root, "chapters"),
                      QS_SECTION_CHAPTER, "sections", QS_SECTION_SECTION);

  /* The truth does not say where the tables stand; one chapter holds them. */
  tables = qs_section_new (QS_SECTION_CHAPTER, 99, "tables");
  *n_tables = 0;
  array = json_object_get_array_member (root, "indicator_tables");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++, (*n_tables)++)
    {
      g_autoptr(QsIndicatorTable) table =
        truth_indicator_table (json_array_get_object_element (array, i));
      g_list_store_append (qs_section_get_blocks (tables), table);
    }
  array = json_object_get_array_member (root, "task_tables");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++, (*n_tables)++)
    {
      g_autoptr(QsTaskTable) table = truth_task_table (json_array_get_object_element (array, i));
      g_list_store_append (qs_section_get_blocks (tables), table);
    }
  g_list_store_append (qs_plan_get_chapters (plan), tables);
  return plan;
}

static void
test_sample_plans (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *shared = g_getenv ("QS_SHARED_DIR");
  g_autofree char *truth_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(QsWorkspace) ws = NULL;
  const char *name;
  guint n_plans = 0;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("QS_SHARED_DIR is not set or absent: no sample plans to store");
      return;
    }
  truth_dir = g_build_filename (shared, "truth", NULL);
  dir = g_dir_open (truth_dir, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("No truth files in QS_SHARED_DIR");
      return;
    }

  ws = create_workspace (fixture->path);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;
      g_autoptr(QsPlan) plan = NULL;
      g_autoptr(QsPlan) loaded = NULL;
      guint n_tables;

      /* Seed descriptions only: 000_….json, not the crosswalk. */
      if (!g_ascii_isdigit (name[0]) || !g_str_has_suffix (name, ".json"))
        continue;
      file = g_build_filename (truth_dir, name, NULL);
      plan = plan_from_truth (file, &n_tables);
      g_test_message ("%s: %u tables", name, n_tables);
      loaded = load_plan (ws, add_plan (ws, plan));
      assert_plans_equal (plan, loaded);
      n_plans++;
    }
  if (n_plans == 0)
    g_test_skip ("No seed truth files in QS_SHARED_DIR/truth");
}

/* Two processes */

#define N_WRITER_PLANS 15

static char *
writer_tag (const char *writer,
            int         i)
{
  return g_strdup_printf ("%s-%02d", writer, i);
}

/* Runs in a child process: adds and then rewrites N plans. */
static int
run_writer (const char *path,
            const char *writer,
            int         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) ws = qs_workspace_open (path, FALSE, &error);

  if (ws == NULL)
    {
      g_printerr ("writer %s: %s\n", writer, error->message);
      return 1;
    }
  for (int i = 0; i < n; i++)
    {
      g_autofree char *tag = writer_tag (writer, i);
      g_autoptr(QsPlan) v0 = build_plan (tag, 0);
      g_autoptr(QsPlan) v1 = build_plan (tag, 1);
      g_autoptr(QsPlan) loaded = NULL;
      g_autofree char *where = NULL;
      gint64 id;

      id = qs_workspace_add_plan (ws, v0, &error);
      if (id == 0 || !qs_workspace_save_plan (ws, id, v1, &error) ||
          !(loaded = qs_workspace_load_plan (ws, id, &error)))
        {
          g_printerr ("writer %s, plan %d: %s\n", writer, i, error->message);
          return 1;
        }
      if (!qs_plan_equal (v1, loaded, &where))
        {
          g_printerr ("writer %s, plan %d: %s\n", writer, i, where);
          return 1;
        }
    }
  return 0;
}

static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n = g_strdup_printf ("%d", N_WRITER_PLANS);
  const char * const writers[] = { "甲", "乙" };
  GSubprocess *procs[G_N_ELEMENTS (writers)];
  guint found[G_N_ELEMENTS (writers)] = { 0 };

  if (self_exe == NULL)
    {
      g_test_skip ("Cannot find the test program to run as a second process");
      return;
    }

  /* Both writers start together while this process also holds the file open. */
  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    {
      procs[w] = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe,
                                   "--workspace-writer", fixture->path, writers[w], n, NULL);
      g_assert_no_error (error);
    }
  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    {
      g_subprocess_wait_check (procs[w], NULL, &error);
      g_assert_no_error (error);
      g_object_unref (procs[w]);
    }

  g_assert_true (qs_workspace_check (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM pragma_integrity_check "
                            "WHERE integrity_check <> 'ok'"), ==, 0);

  list = qs_workspace_list_plans (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (writers) * N_WRITER_PLANS);
  for (guint i = 0; i < list->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (list, i);
      g_autoptr(QsPlan) loaded = load_plan (ws, summary->id);

      for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
        for (int k = 0; k < N_WRITER_PLANS; k++)
          {
            g_autofree char *tag = writer_tag (writers[w], k);
            g_autoptr(QsPlan) expected = build_plan (tag, 1);

            if (g_strcmp0 (qs_plan_get_title (expected), summary->title) == 0)
              {
                assert_plans_equal (expected, loaded);
                found[w]++;
              }
          }
    }
  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    g_assert_cmpuint (found[w], ==, N_WRITER_PLANS);
}

/* A writer killed with SIGKILL mid-stream: every plan it committed is
 * whole (the version before or after its last save), none is half-written,
 * and the workspace opens and takes writes again. */
static void
test_killed_writer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) after = build_plan ("after", 0);
  const char *writer = "杀";

  if (self_exe == NULL)
    {
      g_test_skip ("Cannot find the test program to run as a second process");
      return;
    }

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe,
                           "--workspace-writer", fixture->path, writer, "1000", NULL);
  g_assert_no_error (error);
  /* Wait for some progress (no time limit asserted; the test's own
   * timeout catches a writer that never starts), then kill it mid-stream. */
  while (count_plans (ws) < 3)
    g_usleep (5000);
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (proc));

  g_clear_object (&ws);
  ws = qs_workspace_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (qs_workspace_check (ws, &error));
  g_assert_no_error (error);

  list = qs_workspace_list_plans (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 3);
  g_test_message ("%u plans survived the kill", list->len);
  for (guint i = 0; i < list->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (list, i);
      g_autoptr(QsPlan) loaded = load_plan (ws, summary->id);
      /* build_plan() titles start with the tag and a space. */
      g_autofree char *tag = g_strndup (summary->title, strcspn (summary->title, " "));
      g_autoptr(QsPlan) v0 = build_plan (tag, 0);
      g_autoptr(QsPlan) v1 = build_plan (tag, 1);

      g_assert_true (qs_plan_equal (v0, loaded, NULL) || qs_plan_equal (v1, loaded, NULL));
    }
  add_plan (ws, after);
}

/* Catalog extensions: stored, merged into the built-in catalog, validated
 * before they are stored, cleared; old workspaces gain the table. */
static void
test_catalog_extensions (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *extensions =
    "{\"format\": \"qingshan-catalog\", \"version\": 1, \"indicators\": ["
    "{\"id\": \"eco_redline_share\", \"aliases\": [\"红线面积比例（测试）\"]},"
    "{\"id\": \"test_new_entry\", \"name\": \"测试新增指标\", \"unit\": \"%\"}]}";
  g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(QsCatalog) plain = NULL;
  g_autoptr(QsCatalog) extended = NULL;
  g_autoptr(QsCatalog) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  QsCatalogEntry *entry;

  /* A new workspace has none: NULL without an error. */
  stored = qs_workspace_get_catalog_extensions (ws, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  plain = qs_workspace_load_catalog (ws, &error);
  g_assert_no_error (error);
  g_assert_null (qs_catalog_lookup_id (plain, "test_new_entry"));
  g_assert_null (qs_catalog_lookup_name (plain, "红线面积比例（测试）"));

  g_signal_connect (ws, "changed", G_CALLBACK (changed_cb), ids);
  g_assert_true (qs_workspace_set_catalog_extensions (ws, extensions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 0);

  stored = qs_workspace_get_catalog_extensions (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, extensions);
  extended = qs_workspace_load_catalog (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qs_catalog_get_n_entries (extended), ==, qs_catalog_get_n_entries (plain) + 1);
  entry = qs_catalog_lookup_id (extended, "test_new_entry");
  g_assert_nonnull (entry);
  g_assert_cmpstr (qs_catalog_entry_get_name (entry), ==, "测试新增指标");
  entry = qs_catalog_lookup_name (extended, "红线面积比例（测试）");
  g_assert_nonnull (entry);
  g_assert_cmpstr (qs_catalog_entry_get_id (entry), ==, "eco_redline_share");

  /* A document the catalog refuses is not stored; the old one stays. */
  g_assert_false (qs_workspace_set_catalog_extensions (ws, "{\"indicators\": [", &error));
  g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (qs_workspace_set_catalog_extensions (ws,
                                                       "{\"indicators\": [{\"id\": \"x\"}, {\"id\": \"x\"}]}",
                                                       &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_free (stored);
  stored = qs_workspace_get_catalog_extensions (ws, &error);
  g_assert_cmpstr (stored, ==, extensions);

  /* Another connection sees them (they live in the file). */
  {
    g_autoptr(QsWorkspace) other = create_workspace (fixture->path);
    g_autofree char *seen = qs_workspace_get_catalog_extensions (other, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (seen, ==, extensions);
  }

  /* "" clears, as NULL does. */
  g_assert_true (qs_workspace_set_catalog_extensions (ws, "", &error));
  g_assert_no_error (error);
  g_free (stored);
  stored = qs_workspace_get_catalog_extensions (ws, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  g_assert_true (qs_workspace_set_catalog_extensions (ws, NULL, &error));
  g_assert_no_error (error);
  cleared = qs_workspace_load_catalog (ws, &error);
  g_assert_no_error (error);
  g_assert_null (qs_catalog_lookup_id (cleared, "test_new_entry"));
  g_assert_cmpuint (ids->len, ==, 3);
}

static void
test_catalog_extensions_read_only (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_object_unref (create_workspace (fixture->path));
  {
    g_autoptr(QsWorkspace) ws = qs_workspace_open_full (fixture->path, QS_WORKSPACE_OPEN_READ_ONLY,
                                                        &error);
    g_autofree char *stored = NULL;

    g_assert_no_error (error);
    g_assert_false (qs_workspace_set_catalog_extensions (ws, "{\"indicators\": []}", &error));
    g_assert_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY);
    g_clear_error (&error);
    stored = qs_workspace_get_catalog_extensions (ws, &error);
    g_assert_no_error (error);
    g_assert_null (stored);
  }
}

/* A format-3 workspace opens, is upgraded to the current format and keeps
 * its plans; catalog extensions, versions and notes work after it. */
static void
test_migrate_3_to_4 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(QsPlan) plan = plan_with_requirements ();
  g_autoptr(QsPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(QsWorkspace) ws = create_workspace (fixture->path);

    id = add_plan (ws, plan);
  }
  sql_exec (fixture->path,
            "DROP TABLE catalog_extensions; DROP TABLE plan_versions; DROP TABLE review_notes; "
            "PRAGMA user_version = 3;");
  {
    g_autoptr(QsWorkspace) ws = qs_workspace_open (fixture->path, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (qs_workspace_get_schema_version (ws), ==, 4);
    loaded = load_plan (ws, id);
    assert_plans_equal (plan, loaded);
    g_assert_true (qs_workspace_set_catalog_extensions (ws, "{\"indicators\": []}", &error));
    g_assert_no_error (error);
    g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
    g_assert_no_error (error);
    g_assert_true (qs_workspace_check (ws, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM catalog_extensions"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;
  int status;

  if (argc == 5 && strcmp (argv[1], "--workspace-writer") == 0)
    return run_writer (argv[2], argv[3], atoi (argv[4]));

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL && g_path_is_absolute (argv[0]))
    self_exe = g_strdup (argv[0]);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its strings, which
   * fails the AddressSanitizer run.  The default path is all we need. */
  data_home = g_dir_make_tmp ("qs-workspace-data-XXXXXX", NULL);
  g_assert (data_home != NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/workspace/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("round-trip", test_round_trip);
  ADD ("save-replaces", test_save_replaces);
  ADD ("list-order", test_list_order);
  ADD ("remove", test_remove);
  ADD ("reopen", test_reopen);
  ADD ("header", test_header);
  ADD ("missing", test_missing);
  ADD ("random-bytes", test_random_bytes);
  ADD ("other-database", test_other_database);
  ADD ("empty-file", test_empty_file);
  ADD ("truncated", test_truncated);
  ADD ("too-new", test_too_new);
  ADD ("read-only-flag", test_read_only_flag);
  ADD ("read-only-file", test_read_only_file);
  ADD ("failed-save-keeps-content", test_failed_save_keeps_content);
  ADD ("busy", test_busy);
  ADD ("changed", test_changed);
  ADD ("backup", test_backup);
  ADD ("xml-round-trip", test_xml_round_trip);
  ADD ("sample-plans", test_sample_plans);
  ADD ("two-processes", test_two_processes);
  ADD ("killed-writer", test_killed_writer);
  ADD ("requirements", test_requirements);
  ADD ("migrate-2-to-3", test_migrate_2_to_3);
  ADD ("catalog-extensions", test_catalog_extensions);
  ADD ("catalog-extensions-read-only", test_catalog_extensions_read_only);
  ADD ("migrate-3-to-4", test_migrate_3_to_4);
#undef ADD
  g_test_add_func ("/workspace/default-path", test_default_path);

  status = g_test_run ();
  remove_tree (data_home);
  g_free (data_home);
  g_free (self_exe);
  return status;
}
