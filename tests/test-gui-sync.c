/* test-gui-sync.c: the window and another writer on one workspace (a second
 * instance or qingshan-cli, played here by a second connection): the window
 * shows what the other saved, never saves over an edit it has not seen
 * without asking, and keeps its edits through a lock held by the other.
 */
#define G_LOG_DOMAIN "test-gui-sync"

#include "config.h"

#include <sqlite3.h>

#include "qs-ui.h"
#include "gui-test-fixture.h"

static QsWorkspace *
open_other (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  QsWorkspace *other = qs_workspace_open (fixture->path, FALSE, &error);

  g_assert_no_error (error);
  return other;
}

/* The other writer renames the plan's first chapter and saves. */
static void
other_renames_chapter (QsWorkspace *other,
                       gint64       id,
                       const char  *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_workspace_load_plan (other, id, &error);
  g_autoptr(QsSection) chapter = NULL;

  g_assert_no_error (error);
  chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);
  qs_section_set_title (chapter, title);
  g_assert_true (qs_workspace_save_plan (other, id, plan, &error));
  g_assert_no_error (error);
}

static const char *
first_chapter_title (QsPlan *plan)
{
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);

  return qs_section_get_title (chapter);
}

static char *
stored_chapter_title (QsWorkspace *other,
                      gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_workspace_load_plan (other, id, &error);

  g_assert_no_error (error);
  return g_strdup (first_chapter_title (plan));
}

/* An edit in the window: the first row's target cell. */
static void
edit_in_window (QsWindow   *window,
                const char *text)
{
  QsPlanEditor *editor = qs_window_get_editor (window);
  QsPlan *plan = qs_window_get_plan (window);
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);
  g_autoptr(QsIndicatorTable) table = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (chapter)), 1);

  g_assert_true (qs_plan_editor_set_cell (editor, table, 0, 4, text));
  run_pending ();
  g_assert_true (qs_window_has_unsaved_changes (window));
}

static void
test_external_save_is_shown (Fixture       *fixture,
                             gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  g_autoptr(QsWorkspace) other = open_other (fixture);
  gint64 id = qs_window_get_plan_id (window);

  g_assert_cmpint (id, >, 0);
  g_assert_false (qs_window_sync_now (window));

  other_renames_chapter (other, id, "总体要求（他人修改）");
  g_assert_true (qs_window_sync_now (window));
  run_pending ();
  g_assert_cmpstr (first_chapter_title (qs_window_get_plan (window)), ==, "总体要求（他人修改）");
  g_assert_false (qs_window_has_unsaved_changes (window));
  g_assert_null ((AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  destroy_window (window);
}

static void
test_conflict_keep_mine (Fixture       *fixture,
                         gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  g_autoptr(QsWorkspace) other = open_other (fixture);
  gint64 id = qs_window_get_plan_id (window);
  g_autofree char *stored = NULL;
  AdwMessageDialog *dialog;

  edit_in_window (window, "≥36");
  other_renames_chapter (other, id, "总体要求（他人修改）");

  /* The save sees the other edit first and asks. */
  g_assert_false (qs_window_save (window));
  run_pending ();
  dialog = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  stored = stored_chapter_title (other, id);
  g_assert_cmpstr (stored, ==, "总体要求（他人修改）");

  adw_message_dialog_response (dialog, "keep");
  run_pending ();
  g_assert_false (qs_window_has_unsaved_changes (window));
  g_clear_pointer (&stored, g_free);
  stored = stored_chapter_title (other, id);
  g_assert_cmpstr (stored, ==, "总体要求");

  destroy_window (window);
}

static void
test_conflict_load_other (Fixture       *fixture,
                          gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  g_autoptr(QsWorkspace) other = open_other (fixture);
  gint64 id = qs_window_get_plan_id (window);
  AdwMessageDialog *dialog;

  edit_in_window (window, "≥36");
  other_renames_chapter (other, id, "总体要求（他人修改）");
  g_assert_true (qs_window_sync_now (window));
  run_pending ();
  dialog = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* Asked once, however often the poll runs meanwhile. */
  qs_window_sync_now (window);
  g_assert_true ((AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == dialog);

  adw_message_dialog_response (dialog, "reload");
  run_pending ();
  g_assert_false (qs_window_has_unsaved_changes (window));
  g_assert_cmpstr (first_chapter_title (qs_window_get_plan (window)), ==, "总体要求（他人修改）");

  destroy_window (window);
}

static gboolean
quit_loop_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_busy_keeps_edits (Fixture       *fixture,
                       gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  g_autoptr(QsWorkspace) other = open_other (fixture);
  gint64 id = qs_window_get_plan_id (window);
  sqlite3 *db = NULL;
  gboolean waited = FALSE;

  /* Another writer holds the write lock (as a long import would). */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  qs_workspace_set_busy_timeout (fixture->workspace, 50);
  edit_in_window (window, "≥37");
  g_assert_false (qs_window_save (window));
  g_assert_true (qs_window_has_unsaved_changes (window));

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* The window tries again by itself. */
  g_timeout_add_seconds (5, quit_loop_cb, &waited);
  while (!waited && qs_window_has_unsaved_changes (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (qs_window_has_unsaved_changes (window));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QsPlan) plan = qs_workspace_load_plan (other, id, &error);
    g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);
    g_autoptr(QsIndicatorTable) table = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (chapter)), 1);
    g_autoptr(QsIndicatorRow) row = NULL;

    g_assert_no_error (error);
    row = g_list_model_get_item (G_LIST_MODEL (qs_indicator_table_get_rows (table)), 0);
    g_assert_cmpstr (qs_indicator_row_get_cell (row, 4), ==, "≥37");
  }

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/sync/external-save-is-shown", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_external_save_is_shown, fixture_tear_down);
  g_test_add ("/sync/conflict-keep-mine", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_conflict_keep_mine, fixture_tear_down);
  g_test_add ("/sync/conflict-load-other", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_conflict_load_other, fixture_tear_down);
  g_test_add ("/sync/busy-keeps-edits", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_busy_keeps_edits, fixture_tear_down);

  return g_test_run ();
}
