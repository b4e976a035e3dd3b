/* test-gui.c: the application shell: sidebar, outline, detail pages, dialogs.
 *
 * Needs a display (the suite runs under xvfb-run); plans are built in code
 * in a temporary workspace, so the test does not depend on sample files.
 */
#define G_LOG_DOMAIN "test-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qs-display.h"
#include "qs-import-dialog.h"
#include "qs-indicator-table-view.h"
#include "qs-model.h"
#include "qs-new-plan-dialog.h"
#include "qs-plan-editor.h"
#include "qs-plan-group.h"
#include "qs-plan-item.h"
#include "qs-plan-list-model.h"
#include "qs-section-view.h"
#include "qs-task-table-view.h"
#include "qs-ui.h"
#include "qs-window.h"

#include "gui-test-fixture.h"

static void
test_display_strings (void)
{
  g_autofree char *period = qs_plan_period_display_name (2021, 2025);
  g_autofree char *single = qs_plan_period_display_name (2035, 0);
  g_autofree char *none = qs_plan_period_display_name (0, 0);
  g_autofree char *subtitle = qs_plan_display_subtitle ("江津区", QS_PLAN_LEVEL_DISTRICT, 2021, 2025);
  g_autofree char *no_region = qs_plan_display_subtitle (NULL, QS_PLAN_LEVEL_MUNICIPAL, 2016, 2020);
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 3, "主要任务");
  g_autoptr(QsSection) item = qs_section_new (QS_SECTION_SUBSECTION, 2, "强化水污染防治");
  g_autoptr(QsSection) front = qs_section_new (QS_SECTION_FRONT, 0, "前言");
  g_autofree char *chapter_title = qs_section_dup_display_title (chapter);
  g_autofree char *item_title = qs_section_dup_display_title (item);
  g_autofree char *front_title = qs_section_dup_display_title (front);
  g_autofree char *caption = qs_table_dup_display_title ("表2-1", "表2-1 主要指标");
  g_autofree char *label_only = qs_table_dup_display_title ("专栏3", NULL);
  g_autofree char *untitled = qs_table_dup_display_title (NULL, "");

  g_assert_cmpstr (qs_plan_level_display_name (QS_PLAN_LEVEL_DISTRICT), ==, "District");
  g_assert_cmpstr (qs_plan_level_display_name (QS_PLAN_LEVEL_MUNICIPAL), ==, "Municipal");
  g_assert_cmpstr (qs_plan_level_group_title (QS_PLAN_LEVEL_COUNTY), ==, "County Plans");
  g_assert_cmpstr (period, ==, "2021–2025");
  g_assert_cmpstr (single, ==, "2035");
  g_assert_cmpstr (none, ==, "No period");
  g_assert_cmpstr (subtitle, ==, "江津区 · District · 2021–2025");
  g_assert_cmpstr (no_region, ==, "Municipal · 2016–2020");
  g_assert_cmpstr (chapter_title, ==, "第三章 主要任务");
  g_assert_cmpstr (item_title, ==, "二、强化水污染防治");
  g_assert_cmpstr (front_title, ==, "前言");
  g_assert_cmpstr (caption, ==, "表2-1 主要指标");
  g_assert_cmpstr (label_only, ==, "专栏3");
  g_assert_cmpstr (untitled, ==, "Untitled Table");

  g_assert_cmpuint (qs_text_display_width ("PM2.5"), ==, 5);
  g_assert_cmpuint (qs_text_display_width ("森林覆盖率（%）"), ==, 15);
  g_assert_cmpuint (qs_text_display_width (NULL), ==, 0);

  g_assert_cmpint (qs_new_plan_default_start_year (2019), ==, 2021);
  g_assert_cmpint (qs_new_plan_default_start_year (2024), ==, 2026);
  g_assert_cmpint (qs_new_plan_default_start_year (2018), ==, 2016);
}

static QsPlanItem *
new_item (gint64       id,
          const char  *title,
          const char  *region,
          QsPlanLevel  level,
          int          start_year)
{
  QsPlanSummary summary = {
    .id = id, .title = (char *)title, .region = (char *)region, .level = level,
    .start_year = start_year, .end_year = start_year + 4,
  };

  return qs_plan_item_new (&summary);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  changes[0] = position;
  changes[1] = removed;
  changes[2] = added;
}

static void
test_plan_list_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (QS_TYPE_PLAN_ITEM);
  g_autoptr(QsPlanListModel) model = NULL;
  g_autoptr(QsPlanItem) city = new_item (4, "重庆市规划", "重庆市", QS_PLAN_LEVEL_MUNICIPAL, 2016);
  g_autoptr(QsPlanItem) a = new_item (1, "大渡口区规划", "大渡口区", QS_PLAN_LEVEL_DISTRICT, 2021);
  g_autoptr(QsPlanItem) b = new_item (2, "江津区规划", "江津区", QS_PLAN_LEVEL_DISTRICT, 2021);
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) group = NULL;
  guint changes[3] = { 0, 0, 0 };

  g_list_store_append (store, city);
  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_sort (store, qs_plan_item_compare, NULL);

  model = qs_plan_list_model_new (G_LIST_MODEL (store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (QS_IS_PLAN_GROUP (first));
  g_assert_cmpint (qs_plan_group_get_level (QS_PLAN_GROUP (first)), ==, QS_PLAN_LEVEL_MUNICIPAL);
  g_assert_cmpstr (qs_plan_group_get_title (QS_PLAN_GROUP (first)), ==, "Municipal Plans");
  g_assert_cmpstr (qs_plan_group_get_period (QS_PLAN_GROUP (first)), ==, "2016–2020");
  group = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_assert_true (QS_IS_PLAN_GROUP (group));
  g_assert_cmpint (qs_plan_group_get_level (QS_PLAN_GROUP (group)), ==, QS_PLAN_LEVEL_DISTRICT);
  g_assert_cmpuint (qs_plan_list_model_find_plan (model, 4), ==, 1);
  g_assert_cmpuint (qs_plan_list_model_find_plan (model, 1), ==, 3);
  g_assert_cmpuint (qs_plan_list_model_find_plan (model, 2), ==, 4);
  g_assert_cmpuint (qs_plan_list_model_find_plan (model, 99), ==, G_MAXUINT);

  /* Removing the only municipal plan removes its heading; the district
   * heading (the same object) and its plans are left alone. */
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), changes);
  g_list_store_remove (store, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpuint (changes[0], ==, 0);
  g_assert_cmpuint (changes[1], ==, 2);
  g_assert_cmpuint (changes[2], ==, 0);
  {
    g_autoptr(GObject) heading = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_true (heading == group);
  }

  g_signal_handlers_disconnect_by_func (model, count_changes_cb, changes);
  g_clear_object (&store);
  g_assert_finalize_object (g_steal_pointer (&model));
}

static guint
count_plans (GListModel *model)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      n += QS_IS_PLAN_ITEM (item);
    }
  return n;
}

static void
test_window_sidebar (Fixture       *fixture,
                     gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  GListModel *sidebar = qs_window_get_sidebar_model (window);
  g_autoptr(GObject) item0 = NULL;
  g_autoptr(GObject) item1 = NULL;
  g_autoptr(GObject) item2 = NULL;
  g_autoptr(GObject) item3 = NULL;

  g_assert_cmpstr (qs_window_get_page_name (window), ==, "workspace");

  /* Municipal group first, then the district group, each with its heading. */
  g_assert_cmpuint (g_list_model_get_n_items (sidebar), ==, 4);
  item0 = g_list_model_get_item (sidebar, 0);
  item1 = g_list_model_get_item (sidebar, 1);
  item2 = g_list_model_get_item (sidebar, 2);
  item3 = g_list_model_get_item (sidebar, 3);
  g_assert_true (QS_IS_PLAN_GROUP (item0));
  g_assert_cmpint (qs_plan_group_get_level (QS_PLAN_GROUP (item0)), ==, QS_PLAN_LEVEL_MUNICIPAL);
  g_assert_cmpint (qs_plan_group_get_start_year (QS_PLAN_GROUP (item0)), ==, 2016);
  g_assert_true (QS_IS_PLAN_ITEM (item1));
  g_assert_cmpstr (qs_plan_item_get_region (QS_PLAN_ITEM (item1)), ==, "重庆市");
  g_assert_cmpstr (qs_plan_item_get_subtitle (QS_PLAN_ITEM (item1)), ==, "重庆市 · Municipal · 2016–2020");
  g_assert_true (QS_IS_PLAN_GROUP (item2));
  g_assert_cmpint (qs_plan_group_get_level (QS_PLAN_GROUP (item2)), ==, QS_PLAN_LEVEL_DISTRICT);
  g_assert_true (QS_IS_PLAN_ITEM (item3));
  g_assert_cmpstr (qs_plan_item_get_title (QS_PLAN_ITEM (item3)), ==, "大渡口区生态环境保护“十四五”规划");

  /* The search matches the title ... */
  qs_window_set_search_text (window, "大渡口");
  g_assert_cmpuint (g_list_model_get_n_items (sidebar), ==, 2);
  g_assert_cmpuint (count_plans (sidebar), ==, 1);
  /* ... and the region, which is not in the municipal plan's title. */
  qs_window_set_search_text (window, "重庆");
  g_assert_cmpuint (g_list_model_get_n_items (sidebar), ==, 2);
  {
    g_autoptr(GObject) found = g_list_model_get_item (sidebar, 1);

    g_assert_cmpstr (qs_plan_item_get_region (QS_PLAN_ITEM (found)), ==, "重庆市");
  }
  /* 规划 is in both titles. */
  qs_window_set_search_text (window, "规划");
  g_assert_cmpuint (count_plans (sidebar), ==, 2);
  qs_window_set_search_text (window, "没有这个规划");
  g_assert_cmpuint (g_list_model_get_n_items (sidebar), ==, 0);
  qs_window_set_search_text (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (sidebar), ==, 4);

  destroy_window (window);
}

static GObject *
outline_item (GtkTreeListModel *outline,
              guint             position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (outline, position);

  g_assert_nonnull (row);
  return gtk_tree_list_row_get_item (row);
}

static void
test_window_outline (Fixture       *fixture,
                     gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  QsPlanEditor *editor = qs_window_get_editor (window);
  GListModel *sidebar = qs_window_get_sidebar_model (window);
  g_autoptr(QsPlanItem) district = g_list_model_get_item (sidebar, 3);
  GtkTreeListModel *outline;
  g_autoptr(GObject) row0 = NULL;
  g_autoptr(GObject) row1 = NULL;
  g_autoptr(GObject) row2 = NULL;
  g_autoptr(GObject) row3 = NULL;
  g_autoptr(GObject) row4 = NULL;
  GtkColumnView *column_view;
  GListModel *columns;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  /* The window opens on the first plan of the sidebar. */
  g_assert_nonnull (qs_window_get_plan (window));
  g_assert_cmpstr (qs_plan_get_region (qs_window_get_plan (window)), ==, "重庆市");
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "overview");

  g_assert_true (qs_window_select_plan (window, qs_plan_item_get_id (district)));
  g_assert_cmpint (qs_window_get_plan_id (window), ==, qs_plan_item_get_id (district));
  g_assert_cmpstr (qs_plan_get_title (qs_window_get_plan (window)), ==,
                   "大渡口区生态环境保护“十四五”规划");
  g_assert_true (qs_plan_editor_get_plan (editor) == qs_window_get_plan (window));

  /* 前言, then the chapter expanded: its table, then its (closed) section. */
  outline = qs_plan_editor_get_outline (editor);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outline)), ==, 4);
  row0 = outline_item (outline, 0);
  row1 = outline_item (outline, 1);
  row2 = outline_item (outline, 2);
  row3 = outline_item (outline, 3);
  g_assert_true (QS_IS_SECTION (row0));
  g_assert_cmpint (qs_section_get_kind (QS_SECTION (row0)), ==, QS_SECTION_FRONT);
  g_assert_true (QS_IS_SECTION (row1));
  g_assert_cmpint (qs_section_get_kind (QS_SECTION (row1)), ==, QS_SECTION_CHAPTER);
  g_assert_true (QS_IS_INDICATOR_TABLE (row2));
  g_assert_true (QS_IS_SECTION (row3));
  {
    g_autoptr(GtkTreeListRow) section_row = gtk_tree_list_model_get_row (outline, 3);
    g_autoptr(GtkTreeListRow) front_row = gtk_tree_list_model_get_row (outline, 0);

    g_assert_true (gtk_tree_list_row_is_expandable (section_row));
    g_assert_false (gtk_tree_list_row_get_expanded (section_row));
    g_assert_false (gtk_tree_list_row_is_expandable (front_row));
  }

  /* The chapter's page: its heading, its prose, its table's caption and
   * its section's heading. */
  qs_plan_editor_select_outline_row (editor, 1);
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "section");
  g_assert_true (qs_plan_editor_get_shown_item (editor) == row1);
  buffer = qs_section_view_get_buffer (QS_SECTION_VIEW (qs_plan_editor_get_page (editor, "section")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "第一章 总体要求"));
  g_assert_nonnull (strstr (text, "测试段落甲。"));
  g_assert_nonnull (strstr (text, "表1 主要指标"));
  g_assert_nonnull (strstr (text, "第一节 主要目标"));

  /* Its table's caption leads to the table. */
  {
    const char *caption = strstr (text, "表1 主要指标");
    int offset = (int)g_utf8_pointer_to_offset (text, caption);

    g_assert_false (qs_section_view_activate_at (
      QS_SECTION_VIEW (qs_plan_editor_get_page (editor, "section")), 0));
    g_assert_true (qs_section_view_activate_at (
      QS_SECTION_VIEW (qs_plan_editor_get_page (editor, "section")), offset + 1));
    g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "indicator-table");
    g_assert_true (qs_plan_editor_get_shown_item (editor) == row2);
  }

  /* The indicator table: one column per table column, headers as written. */
  qs_plan_editor_select_outline_row (editor, 2);
  run_pending ();
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "indicator-table");
  column_view = qs_indicator_table_view_get_column_view (
    QS_INDICATOR_TABLE_VIEW (qs_plan_editor_get_page (editor, "indicator-table")));
  columns = gtk_column_view_get_columns (column_view);
  /* The check's status badge, then the table's five columns. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 4);

    g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "2020年\n现状值");
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, 2);

  /* Finding a row by title expands the closed section on the way. */
  g_assert_true (qs_plan_editor_select_matching (editor, "专栏1"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outline)), ==, 5);
  row4 = outline_item (outline, 4);
  g_assert_true (QS_IS_TASK_TABLE (row4));
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "task-table");
  {
    GtkTextBuffer *items = qs_task_table_view_get_items_buffer (
      QS_TASK_TABLE_VIEW (qs_plan_editor_get_page (editor, "task-table")));
    g_autofree char *items_text = NULL;

    gtk_text_buffer_get_bounds (items, &start, &end);
    items_text = gtk_text_buffer_get_text (items, &start, &end, FALSE);
    g_assert_cmpstr (items_text, ==, "——测试任务：测试内容。");
  }

  /* Unselecting shows the plan's overview again. */
  qs_plan_editor_select_outline_row (editor, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "overview");
  g_assert_null (qs_plan_editor_get_shown_item (editor));

  /* A new window on the workspace reopens the plan that was open last. */
  {
    QsWindow *second = new_window (fixture);

    g_assert_cmpint (qs_window_get_plan_id (second), ==, qs_plan_item_get_id (district));
    destroy_window (second);
  }

  g_clear_object (&row0);
  g_clear_object (&row1);
  g_clear_object (&row2);
  g_clear_object (&row3);
  g_clear_object (&row4);
  destroy_window (window);
}

static void
test_window_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  QsWindow *window = new_window (fixture);

  g_assert_cmpstr (qs_window_get_page_name (window), ==, "empty");
  g_assert_null (qs_window_get_plan (window));
  g_assert_cmpuint (g_list_model_get_n_items (qs_window_get_sidebar_model (window)), ==, 0);

  destroy_window (window);
}

static QsImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (QS_IS_IMPORT_DIALOG (toplevel))
        return QS_IMPORT_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_window_open_file (Fixture       *fixture,
                       gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  g_autoptr(QsPlan) plan = build_plan ("江津区生态环境保护“十四五”规划", "江津区",
                                       QS_PLAN_LEVEL_DISTRICT, 2021);
  g_autofree char *path = g_build_filename (fixture->dir, "jiangjin.qsplan", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.qsplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  QsImportDialog *dialog;

  g_assert_cmpstr (qs_window_get_page_name (window), ==, "empty");

  /* A file that cannot be read ends in a toast, not a dialog. */
  g_assert_true (g_file_set_contents (broken, "<qsplan", -1, &error));
  g_assert_no_error (error);
  qs_window_open_file (window, broken_file);
  run_pending ();
  g_assert_null (find_import_dialog ());

  g_assert_true (qs_plan_xml_write_file (plan, path, &error));
  g_assert_no_error (error);

  qs_window_open_file (window, file);
  run_pending ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (qs_plan_get_title (qs_import_dialog_get_plan (dialog)), ==,
                   "江津区生态环境保护“十四五”规划");
  /* Nothing is added before the user says so. */
  g_assert_cmpuint (g_list_model_get_n_items (qs_window_get_sidebar_model (window)), ==, 0);

  qs_import_dialog_confirm (dialog);
  run_pending ();
  g_assert_null (find_import_dialog ());
  g_assert_cmpstr (qs_window_get_page_name (window), ==, "workspace");
  g_assert_cmpuint (count_plans (qs_window_get_sidebar_model (window)), ==, 1);
  g_assert_cmpint (qs_window_get_plan_id (window), >, 0);
  g_assert_cmpstr (qs_plan_get_region (qs_window_get_plan (window)), ==, "江津区");

  /* A new plan from the dialog's fields. */
  {
    QsNewPlanDialog *new_plan = qs_new_plan_dialog_new (GTK_WINDOW (window));
    g_autoptr(QsPlan) created = NULL;

    g_object_ref_sink (new_plan);
    qs_new_plan_dialog_set_fields (new_plan, "  綦江区生态环境保护规划 ", "綦江区",
                                   QS_PLAN_LEVEL_COUNTY, 2026);
    created = qs_new_plan_dialog_create_plan (new_plan);
    g_assert_cmpstr (qs_plan_get_title (created), ==, "綦江区生态环境保护规划");
    g_assert_cmpint (qs_plan_get_level (created), ==, QS_PLAN_LEVEL_COUNTY);
    g_assert_cmpint (qs_plan_get_end_year (created), ==, 2030);
    g_assert_cmpint (qs_window_add_plan (window, created), >, 0);
    g_assert_cmpuint (count_plans (qs_window_get_sidebar_model (window)), ==, 2);
    g_assert_cmpstr (qs_plan_get_region (qs_window_get_plan (window)), ==, "綦江区");
    gtk_window_destroy (GTK_WINDOW (new_plan));
    g_object_unref (new_plan);
  }

  destroy_window (window);
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_window_import_text (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char text[] =
    "测试区生态环境保护规划\n"
    "第一章 总体要求\n"
    "第一节 主要目标\n"
    "测试段落。\n";
  QsWindow *window = new_window (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "plan.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  QsImportDialog *dialog = NULL;
  gboolean gave_up = FALSE;
  guint guard;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  /* The import runs in a thread; wait for its dialog (the guard only stops
   * a broken import from hanging the suite). */
  qs_window_import_file (window, file);
  guard = g_timeout_add_seconds (60, set_flag_cb, &gave_up);
  while (!gave_up && (dialog = find_import_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_nonnull (dialog);

  /* The importer's report is shown before anything is added. */
  g_assert_nonnull (qs_import_dialog_get_report (dialog));
  g_assert_cmpuint (count_plans (qs_window_get_sidebar_model (window)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (
    G_LIST_MODEL (qs_plan_get_chapters (qs_import_dialog_get_plan (dialog)))), ==, 1);

  /* Cancel: nothing is added. */
  gtk_window_close (GTK_WINDOW (dialog));
  run_pending ();
  g_assert_null (find_import_dialog ());
  g_assert_cmpstr (qs_window_get_page_name (window), ==, "empty");

  destroy_window (window);
}

static void
test_indicator_tooltips (void)
{
  g_autoptr(QsPlan) plan = build_plan ("测试", "测试区", QS_PLAN_LEVEL_DISTRICT, 2021);
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);
  QsIndicatorTable *table = g_ptr_array_index (tables, 0);
  QsIndicatorRow *forest = qs_indicator_table_get_row (table, 0);
  QsIndicatorRow *pm25 = qs_indicator_table_get_row (table, 1);
  g_autofree char *name = qs_indicator_cell_dup_tooltip (forest, 1, QS_COLUMN_NAME);
  g_autofree char *target = qs_indicator_cell_dup_tooltip (forest, 4, QS_COLUMN_TARGET);
  g_autofree char *empty = qs_indicator_cell_dup_tooltip (forest, 7, QS_COLUMN_REMARK);

  g_assert_cmpstr (name, ==, "森林覆盖率");
  g_assert_true (g_str_has_prefix (target, "≥35\nRead as: "));
  g_assert_null (empty);

  g_assert_cmpstr (qs_indicator_cell_style_class (qs_indicator_row_get_value (pm25, 4)), ==, "warning");
  g_assert_null (qs_indicator_cell_style_class (qs_indicator_row_get_value (forest, 4)));
  g_assert_cmpuint (qs_indicator_table_count_unreadable (table), ==, 0);
}

static void
test_samples (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(GStrv) samples = qs_ui_list_samples ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  guint added;

  if (samples[0] == NULL)
    {
      g_test_skip ("No sample plans in resources/samples/ were embedded");
      return;
    }

  added = qs_ui_add_sample_plans (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, g_strv_length (samples));
  plans = qs_workspace_list_plans (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, added);
}

static void
test_chinese (Fixture       *fixture,
              gconstpointer  data)
{
  const char *build_dir = g_getenv ("QS_BUILD_DIR");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *period = NULL;
  QsWindow *window;

  if (build_dir == NULL)
    {
      g_test_skip ("QS_BUILD_DIR is not set: run through meson test");
      return;
    }
  localedir = g_build_filename (build_dir, "po", NULL);
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_EXISTS));
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("The zh_CN.UTF-8 locale is not installed (locale-gen zh_CN.UTF-8)");
      setlocale (LC_ALL, "C.UTF-8");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  period = qs_plan_period_display_name (2021, 2025);
  g_assert_cmpstr (qs_plan_level_display_name (QS_PLAN_LEVEL_DISTRICT), ==, "区级");
  g_assert_cmpstr (period, ==, "2021—2025年");

  /* Templates are translated too. */
  window = new_window (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "青山");
  destroy_window (window);

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may be missing. */
  setlocale (LC_ALL, "C.UTF-8");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  adw_init ();
  qs_ui_init ();

  g_test_add_func ("/gui/display/strings", test_display_strings);
  g_test_add_func ("/gui/display/indicator-tooltips", test_indicator_tooltips);
  g_test_add_func ("/gui/sidebar/groups", test_plan_list_model);
  g_test_add ("/gui/window/sidebar", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_window_sidebar, fixture_tear_down);
  g_test_add ("/gui/window/outline", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_window_outline, fixture_tear_down);
  g_test_add ("/gui/window/empty", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_window_empty, fixture_tear_down);
  g_test_add ("/gui/window/open-file", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_window_open_file, fixture_tear_down);
  g_test_add ("/gui/window/import-text", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_window_import_text, fixture_tear_down);
  g_test_add ("/gui/samples", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_samples, fixture_tear_down);
  g_test_add ("/gui/i18n/zh-CN", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_chinese, fixture_tear_down);

  return g_test_run ();
}
