/* test-gui-editing.c: editing a plan: cells, rows, sections, prose, undo,
 * redo and autosave, driven through the editor's actions.
 *
 * Needs a display (the suite runs under xvfb-run); plans are built in code
 * in a temporary workspace.
 */
#define G_LOG_DOMAIN "test-gui-editing"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qs-display.h"
#include "qs-indicator-table-view.h"
#include "qs-model.h"
#include "qs-outline.h"
#include "qs-plan-editor.h"
#include "qs-plan-template.h"
#include "qs-section-view.h"
#include "qs-task-table-view.h"
#include "qs-ui.h"
#include "qs-undo-stack.h"
#include "qs-window.h"

#include "gui-test-fixture.h"

/* The indicator table the editor shows (after undo, a new object). */
static QsIndicatorTable *
shown_table (QsPlanEditor *editor)
{
  GObject *item = qs_plan_editor_get_shown_item (editor);

  g_assert_true (QS_IS_INDICATOR_TABLE (item));
  return QS_INDICATOR_TABLE (item);
}

static const char *
cell (QsPlanEditor *editor,
      guint         row,
      guint         column)
{
  return qs_indicator_row_get_cell (qs_indicator_table_get_row (shown_table (editor), row), column);
}

static guint
n_rows (QsPlanEditor *editor)
{
  return g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (shown_table (editor))));
}

/* The target cell of the first row, as stored in the workspace. */
static char *
stored_target (QsWorkspace *workspace,
               gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_workspace_load_plan (workspace, id, &error);
  g_autoptr(GPtrArray) tables = NULL;

  g_assert_no_error (error);
  tables = qs_plan_collect_indicator_tables (plan);
  g_assert_cmpuint (tables->len, >, 0);
  return g_strdup (qs_indicator_row_get_cell (qs_indicator_table_get_row (g_ptr_array_index (tables, 0), 0), 4));
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Whether a GtkLabel under @widget shows text containing @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_undo_stack (void)
{
  g_autoptr(QsUndoStack) stack = qs_undo_stack_new (2);
  g_autoptr(GBytes) a = g_bytes_new_static ("a", 1);
  g_autoptr(GBytes) b = g_bytes_new_static ("b", 1);
  g_autoptr(GBytes) c = g_bytes_new_static ("c", 1);
  g_autoptr(GBytes) d = g_bytes_new_static ("d", 1);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) forward = NULL;
  g_autoptr(GBytes) none = NULL;

  g_assert_false (qs_undo_stack_can_undo (stack));
  qs_undo_stack_push (stack, "one", a);
  qs_undo_stack_push (stack, "two", b);
  qs_undo_stack_push (stack, "three", c);
  /* The limit drops the oldest. */
  g_assert_cmpuint (qs_undo_stack_get_depth (stack), ==, 2);
  g_assert_cmpstr (qs_undo_stack_get_undo_label (stack), ==, "three");

  back = qs_undo_stack_undo (stack, d);
  g_assert_true (g_bytes_equal (back, c));
  g_assert_true (qs_undo_stack_can_redo (stack));
  g_assert_cmpstr (qs_undo_stack_get_redo_label (stack), ==, "three");
  forward = qs_undo_stack_redo (stack, c);
  g_assert_true (g_bytes_equal (forward, d));
  g_assert_false (qs_undo_stack_can_redo (stack));

  /* A new edit after an undo forgets the redo side. */
  g_clear_pointer (&back, g_bytes_unref);
  back = qs_undo_stack_undo (stack, d);
  qs_undo_stack_push (stack, "four", a);
  g_assert_false (qs_undo_stack_can_redo (stack));
  none = qs_undo_stack_redo (stack, a);
  g_assert_null (none);
}

static void
test_edit_cells (Fixture       *fixture,
                 gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  QsPlanEditor *editor = qs_window_get_editor (window);
  QsUndoStack *undo = qs_plan_editor_get_undo_stack (editor);

  g_assert_true (qs_window_select_plan_matching (window, "大渡口"));
  g_assert_true (qs_plan_editor_select_first (editor, QS_TYPE_INDICATOR_TABLE));
  run_pending ();
  g_assert_cmpstr (cell (editor, 0, 4), ==, "≥35");
  g_assert_false (qs_undo_stack_can_undo (undo));

  /* Edit a target cell: the reading follows the text. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 0, 4, "≥40");
  run_pending ();
  g_assert_cmpstr (cell (editor, 0, 4), ==, "≥40");
  g_assert_cmpfloat (qs_indicator_row_get_value (qs_indicator_table_get_row (shown_table (editor), 0), 4)->number, ==, 40);
  g_assert_true (qs_window_has_unsaved_changes (window));

  /* A structural cell keeps the row's meaning in step. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 0, 1, "草原覆盖率");
  g_assert_cmpstr (qs_indicator_row_get_name (qs_indicator_table_get_row (shown_table (editor), 0)), ==, "草原覆盖率");

  /* Undo twice, redo once. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  run_pending ();
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "indicator-table");
  g_assert_cmpstr (cell (editor, 0, 1), ==, "森林覆盖率");
  g_assert_cmpstr (cell (editor, 0, 4), ==, "≥40");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  run_pending ();
  g_assert_cmpstr (cell (editor, 0, 4), ==, "≥35");
  g_assert_false (qs_undo_stack_can_undo (undo));
  /* The window follows the restored plan. */
  g_assert_true (qs_window_get_plan (window) == qs_plan_editor_get_plan (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL);
  run_pending ();
  g_assert_cmpstr (cell (editor, 0, 4), ==, "≥40");
  g_assert_cmpstr (cell (editor, 0, 1), ==, "森林覆盖率");

  /* The header menu's Rename Column… asks for the new header. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.rename-column", "u", 3);
  run_pending ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))),
                     ==, "2020年\n现状值");
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "2020年基准值");
    adw_message_dialog_response (dialog, "rename");
    run_pending ();
    g_assert_cmpstr (qs_table_column_get_header (qs_indicator_table_get_column (shown_table (editor), 3)), ==, "2020年基准值");
    g_assert_cmpint (qs_table_column_get_year (qs_indicator_table_get_column (shown_table (editor), 3)), ==, 2020);
  }

  /* Headers and notes. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-header", "(us)", 4, "2025年\n目标");
  run_pending ();
  g_assert_cmpstr (qs_table_column_get_header (qs_indicator_table_get_column (shown_table (editor), 4)), ==, "2025年\n目标");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-notes", "s", "注：一。\n\n注：二。");
  g_assert_cmpstr (qs_indicator_table_get_notes (shown_table (editor))[1], ==, "注：二。");
  g_assert_null (qs_indicator_table_get_notes (shown_table (editor))[2]);

  /* Saving writes the edits; nothing is left to save. */
  g_assert_true (qs_window_save (window));
  g_assert_false (qs_window_has_unsaved_changes (window));
  {
    g_autofree char *stored = stored_target (fixture->workspace, qs_window_get_plan_id (window));

    g_assert_cmpstr (stored, ==, "≥40");
  }

  /* Save As writes a .qsplan file that reads back with the edits. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "copy.qsplan", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(QsPlan) copy = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) tables = NULL;

    g_assert_true (qs_window_save_as (window, file));
    copy = qs_plan_xml_read_file (path, &error);
    g_assert_no_error (error);
    tables = qs_plan_collect_indicator_tables (copy);
    g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (g_ptr_array_index (tables, 0), 0), 4), ==, "≥40");
  }

  destroy_window (window);
}

static void
test_edit_rows (Fixture       *fixture,
                gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  QsPlanEditor *editor = qs_window_get_editor (window);

  g_assert_true (qs_window_select_plan_matching (window, "大渡口"));
  g_assert_true (qs_plan_editor_select_first (editor, QS_TYPE_INDICATOR_TABLE));
  run_pending ();
  g_assert_cmpuint (n_rows (editor), ==, 2);

  /* A new row goes below the selected one and is selected. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.select-row", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-row", NULL);
  run_pending ();
  g_assert_cmpuint (n_rows (editor), ==, 3);
  g_assert_cmpstr (cell (editor, 1, 1), ==, "");
  g_assert_cmpstr (cell (editor, 2, 1), ==, "细颗粒物（PM2.5）年均浓度");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 1, 1, "城市");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.sub-row", "b", TRUE);
  g_assert_cmpstr (qs_indicator_row_get_parent (qs_indicator_table_get_row (shown_table (editor), 1)), ==, "森林覆盖率");

  /* Move it down, then delete it. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-row", "i", 1);
  run_pending ();
  g_assert_cmpstr (cell (editor, 2, 1), ==, "城市");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-row", NULL);
  run_pending ();
  g_assert_cmpuint (n_rows (editor), ==, 2);
  g_assert_cmpstr (cell (editor, 1, 1), ==, "细颗粒物（PM2.5）年均浓度");

  /* Undo brings the deleted row back. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  run_pending ();
  g_assert_cmpuint (n_rows (editor), ==, 3);
  g_assert_cmpstr (cell (editor, 2, 1), ==, "城市");

  destroy_window (window);
}

static void
test_edit_sections (Fixture       *fixture,
                    gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  QsPlanEditor *editor = qs_window_get_editor (window);
  GListModel *chapters;
  GtkSingleSelection *selection;
  g_autoptr(GObject) item = NULL;
  g_autofree char *title = NULL;
  QsSection *section;
  QsSectionView *view;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_assert_true (qs_window_select_plan_matching (window, "大渡口"));
  g_assert_true (qs_plan_editor_select_matching (editor, "总体要求"));
  run_pending ();

  /* Rename: the outline shows the new title at once. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.rename-section", "s", "指导思想与目标");
  run_pending ();
  selection = qs_plan_editor_get_outline_selection (editor);
  item = gtk_tree_list_row_get_item (gtk_single_selection_get_selected_item (selection));
  title = qs_outline_item_dup_title (item);
  g_assert_nonnull (strstr (title, "指导思想与目标"));
  /* The outline row's label itself, not only the model. */
  g_assert_true (shows_label (GTK_WIDGET (editor), "第一章 指导思想与目标"));
  g_assert_false (shows_label (GTK_WIDGET (editor), "第一章 总体要求"));

  /* Edit the chapter's paragraph; the text view shows it. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-paragraph", "(us)", 0, "新的段落。");
  run_pending ();
  section = QS_SECTION (qs_plan_editor_get_shown_item (editor));
  {
    g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (section)), 0);

    g_assert_cmpstr (qs_paragraph_get_text (QS_PARAGRAPH (first)), ==, "新的段落。");
  }
  view = QS_SECTION_VIEW (qs_plan_editor_get_page (editor, "section"));
  gtk_text_buffer_get_bounds (qs_section_view_get_buffer (view), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_nonnull (strstr (text, "新的段落。"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-paragraph", "s", "再加一段。");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_section_get_blocks (section))), ==, 3);

  /* Typing in the text: a paragraph grows, Enter starts a new one, the
   * heading line is the title; all one step of undo. */
  {
    GtkTextBuffer *buffer = qs_section_view_get_buffer (view);
    QsUndoStack *undo = qs_plan_editor_get_undo_stack (editor);
    guint depth = qs_undo_stack_get_depth (undo);
    GtkTextIter iter;
    g_autoptr(GObject) first = NULL;
    g_autoptr(GObject) second = NULL;

    g_assert_true (gtk_text_buffer_get_iter_at_line (buffer, &iter, 1));
    gtk_text_iter_forward_to_line_end (&iter);
    g_assert_true (gtk_text_buffer_insert_interactive (buffer, &iter, "补充。\n另起一段。", -1, TRUE));
    g_assert_true (gtk_text_buffer_get_iter_at_line (buffer, &iter, 0));
    gtk_text_iter_forward_to_line_end (&iter);
    g_assert_true (gtk_text_buffer_insert_interactive (buffer, &iter, "（修订）", -1, TRUE));
    /* A table's caption is a link, not text to edit. */
    g_assert_true (qs_section_view_commit (view));
    run_pending ();
    g_assert_cmpuint (qs_undo_stack_get_depth (undo), ==, depth + 1);
    g_assert_cmpstr (qs_section_get_title (section), ==, "指导思想与目标（修订）");
    first = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (section)), 0);
    second = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (section)), 1);
    g_assert_cmpstr (qs_paragraph_get_text (QS_PARAGRAPH (first)), ==, "新的段落。补充。");
    g_assert_cmpstr (qs_paragraph_get_text (QS_PARAGRAPH (second)), ==, "另起一段。");
    g_assert_false (qs_section_view_commit (view));

    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
    run_pending ();
    section = QS_SECTION (qs_plan_editor_get_shown_item (editor));
    g_assert_cmpstr (qs_section_get_title (section), ==, "指导思想与目标");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_section_get_blocks (section))), ==, 3);
    view = QS_SECTION_VIEW (qs_plan_editor_get_page (editor, "section"));
  }

  /* Add a chapter: numbered after the last, selected. */
  chapters = G_LIST_MODEL (qs_plan_get_chapters (qs_plan_editor_get_plan (editor)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-chapter", NULL);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 2);
  section = QS_SECTION (qs_plan_editor_get_shown_item (editor));
  g_assert_cmpint (qs_section_get_number (section), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.rename-section", "s", "保障措施");
  g_assert_cmpstr (qs_section_get_title (section), ==, "保障措施");

  /* Move it up: it becomes 第一章. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-section", "i", -1);
  run_pending ();
  {
    g_autoptr(QsSection) first = g_list_model_get_item (chapters, 0);

    g_assert_cmpstr (qs_section_get_title (first), ==, "保障措施");
    g_assert_cmpint (qs_section_get_number (first), ==, 1);
  }

  /* Dropping a chapter on another moves it there; not onto a section. */
  {
    g_autoptr(QsSection) first = g_list_model_get_item (chapters, 0);
    g_autoptr(QsSection) second = g_list_model_get_item (chapters, 1);
    g_autoptr(QsSection) child = g_list_model_get_item (G_LIST_MODEL (qs_section_get_children (second)), 0);
    g_autoptr(QsSection) moved = NULL;

    g_assert_false (qs_plan_editor_drop_section (editor, first, child));
    g_assert_true (qs_plan_editor_drop_section (editor, first, second));
    moved = g_list_model_get_item (chapters, 1);
    g_assert_true (moved == first);
    g_assert_cmpint (qs_section_get_number (first), ==, 2);
    g_assert_true (qs_plan_editor_drop_section (editor, first, second));
    qs_plan_editor_select_matching (editor, "保障措施");
    run_pending ();
  }

  /* Delete it; undo brings it back; undo again undoes the move. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-section", NULL);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  run_pending ();
  chapters = G_LIST_MODEL (qs_plan_get_chapters (qs_plan_editor_get_plan (editor)));
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 2);

  destroy_window (window);
}

static void
test_edit_tasks (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *headers[] = { "序号", "领域", "项目名称", "牵头单位", "完成时限", "投资（万元）", NULL };
  static const char *rows[][7] = {
    { "1", "水环境", "测试项目一", "区生态环境局", "2023年", "1200", NULL },
    { "2", "", "测试项目二", "区水利局", "2024年", "300.5", NULL },
    { "3", "大气环境", "测试项目三", "区经信委", "2025年", "800", NULL },
    { "4", "大气环境", "测试项目四", "区交通局", "2025年", "待定", NULL },
  };
  g_autoptr(QsTaskTable) projects = qs_task_table_new ();
  g_autofree char *totals = NULL;
  QsWindow *window;
  QsPlanEditor *editor;
  QsTaskTable *box;
  QsTaskTableView *view;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  GListModel *items;

  /* Totals per field: a merged field cell counts with the one above,
   * text that is not a figure is left out. */
  for (guint c = 0; headers[c] != NULL; c++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (headers[c], -1);

      g_list_store_append (qs_task_table_get_columns (projects), column);
    }
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autoptr(QsTaskRow) row = qs_task_row_new (rows[r]);

      g_list_store_append (qs_task_table_get_rows (projects), row);
    }
  totals = qs_task_table_dup_totals (projects);
  g_assert_nonnull (strstr (totals, "水环境\t1500.5"));
  g_assert_nonnull (strstr (totals, "大气环境\t800.0"));
  g_assert_nonnull (strstr (totals, "\t2300.5"));

  window = new_window (fixture);
  editor = qs_window_get_editor (window);
  g_assert_true (qs_window_select_plan_matching (window, "大渡口"));

  /* A project table: add a row, fill it in, the totals follow. */
  {
    QsSection *chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (qs_plan_editor_get_plan (editor))), 0);

    g_list_store_append (qs_section_get_blocks (chapter), projects);
    g_object_unref (chapter);
  }
  qs_plan_editor_set_plan (editor, NULL);
  qs_plan_editor_set_plan (editor, qs_window_get_plan (window));
  /* The project table comes first (the chapter's own blocks). */
  g_assert_true (qs_plan_editor_select_first (editor, QS_TYPE_TASK_TABLE));
  run_pending ();
  g_assert_true (qs_plan_editor_get_shown_item (editor) == G_OBJECT (projects));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-row", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_rows (projects))), ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 4, 1, "土壤环境");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 4, 5, "99.5");
  g_clear_pointer (&totals, g_free);
  totals = qs_task_table_dup_totals (projects);
  g_assert_nonnull (strstr (totals, "土壤环境\t99.5"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-row", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_rows (projects))), ==, 4);

  /* The box 专栏1. */
  g_assert_true (qs_plan_editor_select_matching (editor, "重点任务"));
  run_pending ();
  box = QS_TASK_TABLE (qs_plan_editor_get_shown_item (editor));
  items = G_LIST_MODEL (qs_task_table_get_items (box));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-row", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);

  /* Typing a line adds an item; the box is written back as one step. */
  view = QS_TASK_TABLE_VIEW (qs_plan_editor_get_page (editor, "task-table"));
  buffer = qs_task_table_view_get_items_buffer (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  g_assert_true (gtk_text_buffer_insert_interactive (buffer, &end, "\n——第三项：测试。", -1, TRUE));
  g_assert_true (qs_task_table_view_commit (view));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  {
    g_autoptr(QsTaskItem) third = g_list_model_get_item (items, 2);

    g_assert_cmpstr (qs_task_item_get_text (third), ==, "——第三项：测试。");
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  run_pending ();
  box = QS_TASK_TABLE (qs_plan_editor_get_shown_item (editor));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_items (box))), ==, 2);

  /* In a box the cursor's line is the selected item: move it up, delete it. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.select-row", "u", 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-row", "i", -1);
  items = G_LIST_MODEL (qs_task_table_get_items (box));
  {
    g_autoptr(QsTaskItem) first = g_list_model_get_item (items, 0);

    g_assert_cmpstr (qs_task_item_get_text (first), ==, "New task");
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-row", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  {
    g_autoptr(QsTaskItem) first = g_list_model_get_item (items, 0);

    g_assert_cmpstr (qs_task_item_get_text (first), ==, "——测试任务：测试内容。");
  }

  destroy_window (window);
}

static QsIndicatorTable *
template_table (QsPlan *plan)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  g_assert_cmpuint (tables->len, ==, 1);
  return g_ptr_array_index (tables, 0);
}

static void
test_template (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsPlan) fallback = qs_plan_new ();
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsSection) chapter = NULL;
  QsIndicatorTable *table;
  GListModel *rows;

  /* The municipal plan of the previous period is found … */
  municipal = qs_plan_template_find_municipal (fixture->workspace, 2021);
  g_assert_nonnull (municipal);
  g_assert_cmpint (qs_plan_get_start_year (municipal), ==, 2016);
  g_assert_null (qs_plan_template_find_municipal (fixture->workspace, 2031));

  /* … and its indicators head the new plan's target table, values empty. */
  qs_plan_set_title (plan, "测试区生态环境保护“十四五”规划");
  qs_plan_set_region (plan, "测试区");
  qs_plan_set_period (plan, 2021, 2025);
  catalog = qs_catalog_new_default (&error);
  g_assert_no_error (error);
  qs_plan_template_fill (plan, municipal, catalog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_chapters (plan))), >=, 8);
  chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 1);
  g_assert_cmpstr (qs_section_get_title (chapter), ==, "总体要求");
  table = template_table (plan);
  rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpstr (qs_indicator_row_get_indicator (qs_indicator_table_get_row (table, 0)), ==, "森林覆盖率");
  g_assert_cmpstr (qs_indicator_row_get_unit (qs_indicator_table_get_row (table, 0)), ==, "%");
  g_assert_cmpstr (qs_table_column_get_header (qs_indicator_table_get_column (table, 5)), ==, "2025年目标值");
  g_assert_cmpint (qs_table_column_get_role (qs_indicator_table_get_column (table, 5)), ==, QS_COLUMN_TARGET);
  g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (table, 0), 5), ==, "");
  g_assert_cmpstr (qs_plan_get_parent_plan (plan), ==, qs_plan_get_title (municipal));

  /* Without a municipal plan: the catalog's binding indicators. */
  qs_plan_set_period (fallback, 2031, 2035);
  qs_plan_template_fill (fallback, NULL, catalog);
  table = template_table (fallback);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table))), >, 0);
  g_assert_cmpstr (qs_indicator_row_get_attribute (qs_indicator_table_get_row (table, 0)), ==, "约束性");
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = qs_ui_settings_new ();
  QsWindow *window;
  QsPlanEditor *editor;
  gint64 id;

  g_settings_set_double (settings, "autosave-delay", 0.4);
  window = new_window (fixture);
  editor = qs_window_get_editor (window);
  g_assert_true (qs_window_select_plan_matching (window, "大渡口"));
  id = qs_window_get_plan_id (window);
  g_assert_true (qs_plan_editor_select_first (editor, QS_TYPE_INDICATOR_TABLE));
  run_pending ();

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 0, 4, "≥50");
  run_pending ();
  /* Not before the delay … */
  {
    g_autofree char *stored = stored_target (fixture->workspace, id);

    g_assert_cmpstr (stored, ==, "≥35");
  }
  /* … but after it. */
  wait_ms (1000);
  {
    g_autofree char *stored = stored_target (fixture->workspace, id);

    g_assert_cmpstr (stored, ==, "≥50");
  }
  g_assert_false (qs_window_has_unsaved_changes (window));

  /* Switching plans saves at once. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 0, 4, "≥60");
  g_assert_true (qs_window_select_plan_matching (window, "生态文明"));
  {
    g_autofree char *stored = stored_target (fixture->workspace, id);

    g_assert_cmpstr (stored, ==, "≥60");
  }

  /* So does closing the window. */
  g_assert_true (qs_window_select_plan (window, id));
  g_assert_true (qs_plan_editor_select_first (editor, QS_TYPE_INDICATOR_TABLE));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-cell", "(uus)", 0, 4, "≥70");
  gtk_window_close (GTK_WINDOW (window));
  {
    g_autofree char *stored = stored_target (fixture->workspace, id);

    g_assert_cmpstr (stored, ==, "≥70");
  }
  run_pending ();
  g_assert_finalize_object (window);
  g_settings_reset (settings, "autosave-delay");
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

  g_test_add_func ("/gui-editing/undo-stack", test_undo_stack);
  g_test_add ("/gui-editing/cells", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_edit_cells, fixture_tear_down);
  g_test_add ("/gui-editing/rows", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_edit_rows, fixture_tear_down);
  g_test_add ("/gui-editing/sections", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_edit_sections, fixture_tear_down);
  g_test_add ("/gui-editing/tasks", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_edit_tasks, fixture_tear_down);
  g_test_add ("/gui-editing/template", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_template, fixture_tear_down);
  g_test_add ("/gui-editing/autosave", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_autosave, fixture_tear_down);

  return g_test_run ();
}
