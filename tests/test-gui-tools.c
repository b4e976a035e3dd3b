/* test-gui-tools.c: the window's menu of tools opens each tool on the
 * workspace and plan at hand: comparing districts, the catalog, a plan's
 * versions, a municipal plan's requirements.  Needs a display (xvfb-run).
 */
#define G_LOG_DOMAIN "test-gui-tools"

#include "config.h"


#include "qs-catalog-window.h"
#include "qs-compare-window.h"
#include "qs-requirements-editor.h"
#include "qs-ui.h"
#include "qs-versions-window.h"
#include "gui-test-fixture.h"

static void
activate (QsWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  run_pending ();
}

static void
test_tools_open (Fixture       *fixture,
                 gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  GtkWindow *tool;

  activate (window, "win.compare");
  tool = find_toplevel (QS_TYPE_COMPARE_WINDOW);
  g_assert_nonnull (tool);
  g_assert_true (qs_compare_window_get_workspace (QS_COMPARE_WINDOW (tool)) == fixture->workspace);
  gtk_window_destroy (tool);

  activate (window, "win.show-catalog");
  tool = find_toplevel (QS_TYPE_CATALOG_WINDOW);
  g_assert_nonnull (tool);
  gtk_window_destroy (tool);

  activate (window, "win.show-versions");
  tool = find_toplevel (QS_TYPE_VERSIONS_WINDOW);
  g_assert_nonnull (tool);
  g_assert_cmpint (qs_versions_window_get_plan_id (QS_VERSIONS_WINDOW (tool)), ==,
                   qs_window_get_plan_id (window));
  g_assert_cmpuint (qs_versions_window_get_n_versions (QS_VERSIONS_WINDOW (tool)), >=, 1);
  gtk_window_destroy (tool);

  run_pending ();
  destroy_window (window);
}

static void
test_requirements_for_municipal_plans (Fixture       *fixture,
                                       gconstpointer  data)
{
  QsWindow *window = new_window (fixture);
  GtkWindow *tool;

  g_assert_true (qs_window_select_plan_matching (window, "大渡口区"));
  run_pending ();
  /* A district plan has no requirements to edit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-requirements", NULL);
  run_pending ();
  g_assert_null (find_toplevel (QS_TYPE_REQUIREMENTS_EDITOR));

  g_assert_true (qs_window_select_plan_matching (window, "重庆市"));
  run_pending ();
  g_assert_cmpint (qs_plan_get_level (qs_window_get_plan (window)), ==, QS_PLAN_LEVEL_MUNICIPAL);
  activate (window, "win.edit-requirements");
  tool = find_toplevel (QS_TYPE_REQUIREMENTS_EDITOR);
  g_assert_nonnull (tool);
  g_assert_true (qs_requirements_editor_get_plan (QS_REQUIREMENTS_EDITOR (tool)) ==
                 qs_window_get_plan (window));
  gtk_window_destroy (tool);

  run_pending ();
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/tools/open", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_tools_open, fixture_tear_down);
  g_test_add ("/tools/requirements-for-municipal-plans", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_requirements_for_municipal_plans, fixture_tear_down);

  return g_test_run ();
}
