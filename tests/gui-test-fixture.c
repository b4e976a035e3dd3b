/* gui-test-fixture.c: the fixture shared by test-gui and test-gui-editing.
 *
 * Plans are built in code in a temporary workspace, so the tests do not
 * depend on sample files.
 */
#define G_LOG_DOMAIN "test-gui"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "qs-ui.h"

#include "gui-test-fixture.h"

void
gui_test_init (int    *argc,
               char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may be missing. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  qs_ui_init ();
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

void
run_pending (void)
{
  /* Bounded: a shown window may keep scheduling frames. */
  for (guint i = 0; i < 2000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = qs_ui_settings_new ();

  g_assert_nonnull (settings);
  g_settings_reset (settings, "last-plans");
  g_settings_reset (settings, "restore-last-plan");
}

static void
add_indicator_row (QsIndicatorTable   *table,
                   const char * const *cells)
{
  g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
  guint index = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table)));

  g_list_store_append (qs_indicator_table_get_rows (table), row);
  for (guint c = 0; cells[c] != NULL; c++)
    qs_indicator_table_set_cell (table, index, c, cells[c]);
}

/* A small plan: 前言; 第一章 with a paragraph and an indicator table; its
 * 第一节 with a task box. */
QsPlan *
build_plan (const char  *title,
            const char  *region,
            QsPlanLevel  level,
            int          start_year)
{
  static const char *headers[] = { "序号", "指标", "单位", "2020年\n现状值", "2025年\n目标值", NULL };
  static const char *row1[] = { "1", "森林覆盖率", "%", "33.67", "≥35", NULL };
  static const char *row2[] = { "2", "细颗粒物（PM2.5）年均浓度", "微克/立方米", "32", "由重庆市下达", NULL };
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) preface = qs_section_new (QS_SECTION_FRONT, 0, "前言");
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "总体要求");
  g_autoptr(QsSection) section = qs_section_new (QS_SECTION_SECTION, 1, "主要目标");
  g_autoptr(QsParagraph) paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY, "测试段落甲。");
  g_autoptr(QsParagraph) intro = qs_paragraph_new (QS_PARAGRAPH_BODY, "测试段落乙。");
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
  g_autoptr(QsTaskTable) box = qs_task_table_new ();
  g_autoptr(QsTaskItem) item = qs_task_item_new (QS_TASK_ITEM_ITEM, "——测试任务：测试内容。");

  qs_plan_set_title (plan, title);
  qs_plan_set_region (plan, region);
  qs_plan_set_level (plan, level);
  qs_plan_set_period (plan, start_year, start_year + 4);

  g_list_store_append (qs_section_get_blocks (preface), intro);
  g_list_store_append (qs_plan_get_front_matter (plan), preface);

  qs_indicator_table_set_label (table, "表1");
  qs_indicator_table_set_caption (table, "表1 主要指标");
  for (guint c = 0; headers[c] != NULL; c++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (headers[c], -1);

      qs_indicator_table_insert_column (table, c, column);
    }
  add_indicator_row (table, row1);
  add_indicator_row (table, row2);
  qs_indicator_table_add_note (table, "注：测试注释。");

  g_list_store_append (qs_section_get_blocks (chapter), paragraph);
  g_list_store_append (qs_section_get_blocks (chapter), table);

  qs_task_table_set_label (box, "专栏1");
  qs_task_table_set_caption (box, "专栏1 重点任务");
  g_list_store_append (qs_task_table_get_items (box), item);
  g_list_store_append (qs_section_get_blocks (section), box);
  g_list_store_append (qs_section_get_children (chapter), section);

  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return plan;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_plans = GPOINTER_TO_INT (data);

  fixture->dir = g_dir_make_tmp ("qs-test-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workspace.qsdb", NULL);
  fixture->workspace = qs_workspace_open (fixture->path, TRUE, &error);
  g_assert_no_error (error);

  if (with_plans)
    {
      g_autoptr(QsPlan) district = build_plan ("大渡口区生态环境保护“十四五”规划", "大渡口区",
                                               QS_PLAN_LEVEL_DISTRICT, 2021);
      g_autoptr(QsPlan) municipal = build_plan ("生态文明建设“十三五”规划", "重庆市",
                                                QS_PLAN_LEVEL_MUNICIPAL, 2016);

      g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, district, &error), >, 0);
      g_assert_no_error (error);
      g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, municipal, &error), >, 0);
      g_assert_no_error (error);
    }
  reset_settings ();
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (fixture->workspace);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

QsWindow *
new_window (Fixture *fixture)
{
  QsWindow *window = qs_window_new (NULL, fixture->workspace);

  /* Hold our own reference so that the test can check it is the last. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  run_pending ();
  return window;
}

void
destroy_window (QsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_finalize_object (window);
}
