/* test-gui-tools.c: the window's menu of tools opens each tool on the
 * workspace and plan at hand: comparing districts, the catalog, a plan's
 * versions, a municipal plan's requirements.  Needs a display (xvfb-run).
 */
#define G_LOG_DOMAIN "test-gui-tools"

#include "config.h"

#include <locale.h>

#include "qs-catalog-window.h"
#include "qs-compare-window.h"
#include "qs-requirements-editor.h"
#include "qs-ui.h"
#include "qs-versions-window.h"
#include "gui-test-fixture.h"

/* The one shown top-level window of @type, or NULL. */
static GtkWindow *
find_window (GType type)
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
  tool = find_window (QS_TYPE_COMPARE_WINDOW);
  g_assert_nonnull (tool);
  g_assert_true (qs_compare_window_get_workspace (QS_COMPARE_WINDOW (tool)) == fixture->workspace);
  gtk_window_destroy (tool);

  activate (window, "win.show-catalog");
  tool = find_window (QS_TYPE_CATALOG_WINDOW);
  g_assert_nonnull (tool);
  gtk_window_destroy (tool);

  activate (window, "win.show-versions");
  tool = find_window (QS_TYPE_VERSIONS_WINDOW);
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
  g_assert_null (find_window (QS_TYPE_REQUIREMENTS_EDITOR));

  g_assert_true (qs_window_select_plan_matching (window, "重庆市"));
  run_pending ();
  g_assert_cmpint (qs_plan_get_level (qs_window_get_plan (window)), ==, QS_PLAN_LEVEL_MUNICIPAL);
  activate (window, "win.edit-requirements");
  tool = find_window (QS_TYPE_REQUIREMENTS_EDITOR);
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
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may be missing. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  qs_ui_init ();

  g_test_add ("/tools/open", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_tools_open, fixture_tear_down);
  g_test_add ("/tools/requirements-for-municipal-plans", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_requirements_for_municipal_plans, fixture_tear_down);

  return g_test_run ();
}
