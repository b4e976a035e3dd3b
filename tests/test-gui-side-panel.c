/* test-gui-side-panel.c: the panel beside the editor's detail pane, as the
 * window wires it: the chart and the notes follow the selected indicator
 * row, a note leads back to its row, and the yearly values dialog edits
 * the plan as one step of undo.  Needs a display (xvfb-run).
 */
#define G_LOG_DOMAIN "test-gui-side-panel"

#include "config.h"

#include <string.h>

#include "qs-chart-pane.h"
#include "qs-indicator-table-view.h"
#include "qs-linker.h"
#include "qs-notes-panel.h"
#include "qs-plan-editor.h"
#include "qs-side-panel.h"
#include "qs-suggestions-dialog.h"
#include "qs-ui.h"
#include "gui-test-fixture.h"

/* Links the fixture's plans to the catalog, as an import would. */
static void
link_plans (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = qs_catalog_new_default (&error);
  g_autoptr(GPtrArray) summaries = qs_workspace_list_plans (fixture->workspace, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(QsPlan) plan = qs_workspace_load_plan (fixture->workspace, summary->id, &error);

      g_assert_no_error (error);
      qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, NULL);
      g_assert_true (qs_workspace_save_plan (fixture->workspace, summary->id, plan, &error));
      g_assert_no_error (error);
    }
}

static QsPlanEditor *
editor_on_table (QsWindow *window)
{
  QsPlanEditor *editor = qs_window_get_editor (window);

  g_assert_true (qs_plan_editor_select_first (editor, QS_TYPE_INDICATOR_TABLE));
  run_pending ();
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "indicator-table");
  return editor;
}

static void
select_row (QsPlanEditor *editor,
            guint         row)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.select-row", "u", row));
  run_pending ();
}

static void
test_chart_follows_row (Fixture       *fixture,
                        gconstpointer  data)
{
  QsWindow *window;
  QsPlanEditor *editor;
  QsSidePanel *panel;
  QsChartView *view;

  link_plans (fixture);
  window = new_window (fixture);
  editor = editor_on_table (window);
  panel = qs_plan_editor_get_side_panel (editor);
  view = qs_chart_pane_get_view (qs_side_panel_get_chart_pane (panel));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-side-page", "s", "chart"));
  run_pending ();
  g_assert_true (qs_plan_editor_get_check_panel_visible (editor));
  g_assert_cmpstr (qs_side_panel_get_page (panel), ==, "chart");

  select_row (editor, 0);
  g_assert_nonnull (strstr (qs_chart_view_get_title (view), "森林覆盖率"));
  select_row (editor, 1);
  g_assert_nonnull (strstr (qs_chart_view_get_title (view), "PM2.5"));

  destroy_window (window);
}

static void
test_note_on_selected_row (Fixture       *fixture,
                           gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  QsPlanEditor *editor = editor_on_table (window);
  QsNotesPanel *notes = qs_side_panel_get_notes_panel (qs_plan_editor_get_side_panel (editor));
  GListStore *store = qs_plan_get_review_notes (qs_window_get_plan (window));
  g_autoptr(QsReviewNote) note = NULL;

  select_row (editor, 1);
  g_assert_nonnull (qs_notes_panel_add_note (notes, "目标偏弱，请说明依据。"));
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  note = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpint (qs_review_note_get_table_index (note), ==, 0);
  g_assert_cmpint (qs_review_note_get_row_index (note), ==, 1);
  /* One step of undo, saved like an edit, and read back. */
  g_assert_cmpstr (qs_undo_stack_get_undo_label (qs_plan_editor_get_undo_stack (editor)), ==,
                   "Add Review Note");
  g_assert_true (qs_window_has_unsaved_changes (window));
  g_assert_true (qs_window_save (window));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QsPlan) stored = qs_workspace_load_plan (fixture->workspace,
                                                       qs_window_get_plan_id (window), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_review_notes (stored))), ==, 1);
  }

  /* Activating the note from elsewhere brings its table and row back. */
  qs_plan_editor_select_outline_row (editor, 0);
  run_pending ();
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), !=, "indicator-table");
  g_signal_emit_by_name (notes, "note-activated", note);
  run_pending ();
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "indicator-table");
  {
    GtkColumnView *column_view = qs_indicator_table_view_get_column_view (
      QS_INDICATOR_TABLE_VIEW (qs_plan_editor_get_page (editor, "indicator-table")));
    GtkSelectionModel *model = gtk_column_view_get_model (column_view);

    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 1);
  }

  destroy_window (window);
}

static void
test_yearly_value_is_one_undo_step (Fixture       *fixture,
                                    gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  QsPlanEditor *editor = qs_window_get_editor (window);
  QsSuggestionsDialog *dialog;
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_year_values (qs_window_get_plan (window))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.suggestions", NULL));
  run_pending ();
  dialog = QS_SUGGESTIONS_DIALOG (find_toplevel (QS_TYPE_SUGGESTIONS_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (qs_suggestions_dialog_add_value (dialog, "森林覆盖率", 2019, "33.1",
                                                  QS_YEAR_VALUE_ACTUAL, &error));
  g_assert_no_error (error);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_year_values (qs_window_get_plan (window)))),
                    ==, before + 1);
  g_assert_true (qs_window_has_unsaved_changes (window));

  /* Undo gives the editor a new plan object: the dialog editing the old
   * one closes. */
  g_assert_true (qs_plan_editor_undo (editor));
  run_pending ();
  g_assert_null (find_toplevel (QS_TYPE_SUGGESTIONS_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_year_values (qs_window_get_plan (window)))),
                    ==, before);

  destroy_window (window);
}

/* A text the .qsplan format cannot hold is refused with a message, and
 * undo keeps working. */
static void
test_text_too_long (Fixture       *fixture,
                    gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  QsPlanEditor *editor = qs_window_get_editor (window);
  QsPlan *plan = qs_window_get_plan (window);
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);
  g_autoptr(QsParagraph) paragraph = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (chapter)), 0);
  g_autofree char *huge = g_malloc (QS_PLAN_XML_MAX_TEXT + 1);

  g_assert_true (qs_plan_editor_set_paragraph_text (editor, paragraph, "测试段落丙。"));
  memset (huge, 'a', QS_PLAN_XML_MAX_TEXT);
  huge[QS_PLAN_XML_MAX_TEXT] = '\0';
  g_assert_false (qs_plan_editor_set_paragraph_text (editor, paragraph, huge));
  run_pending ();
  g_assert_cmpstr (qs_paragraph_get_text (paragraph), ==, "测试段落丙。");
  g_assert_true (qs_plan_editor_undo (editor));
  run_pending ();
  {
    g_autoptr(QsSection) restored = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (qs_window_get_plan (window))), 0);
    g_autoptr(QsParagraph) first = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (restored)), 0);

    g_assert_cmpstr (qs_paragraph_get_text (first), ==, "测试段落甲。");
  }

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/side-panel/chart-follows-row", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_chart_follows_row, fixture_tear_down);
  g_test_add ("/side-panel/note-on-selected-row", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_note_on_selected_row, fixture_tear_down);
  g_test_add ("/side-panel/yearly-value-is-one-undo-step", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_yearly_value_is_one_undo_step, fixture_tear_down);

  g_test_add ("/side-panel/text-too-long", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_text_too_long, fixture_tear_down);

  return g_test_run ();
}
