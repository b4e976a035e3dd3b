/* test-gui-check.c: the workbench's check of an open district plan against
 * the municipal plan found in the workspace: ui/qs-plan-check.c, the
 * badges of the indicator table, the check panel and linking by hand.
 *
 * Uses the sample plans of resources/samples (QS_SOURCE_DIR): 大渡口区
 * 2021–2025 and the municipal plan of 2016–2020, in the temporary
 * workspace of the shared GUI fixture.  Needs a display (xvfb-run).
 *
 * With QS_CHECK_SCREENSHOT_DIR set, the window is also saved as PNG there
 * (run it with LC_ALL=zh_CN.UTF-8 to see the interface in Chinese).
 */
#define G_LOG_DOMAIN "test-gui-check"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qs-check-panel.h"
#include "qs-indicator-table-view.h"
#include "qs-link-dialog.h"
#include "qs-model.h"
#include "qs-plan-check.h"
#include "qs-plan-editor.h"
#include "qs-ui.h"
#include "qs-window.h"

#include "gui-test-fixture.h"

static QsPlan *
read_sample (const char *name)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  QsPlan *plan;

  if (source == NULL)
    return NULL;
  path = g_build_filename (source, "resources", "samples", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  plan = qs_plan_xml_read_file (path, &error);
  g_assert_no_error (error);
  return plan;
}

/* Adds the 大渡口区 sample (and the municipal one) to the fixture's
 * workspace; FALSE (the test skips) without the samples. */
static gboolean
add_samples (Fixture  *fixture,
             gboolean  with_municipal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) district = read_sample ("district-2021-2025-000.qsplan");

  if (district == NULL)
    {
      g_test_skip ("The sample plans (resources/samples) are absent");
      return FALSE;
    }
  g_assert_cmpstr (qs_plan_get_region (district), ==, "大渡口区");
  g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, district, &error), >, 0);
  g_assert_no_error (error);

  if (with_municipal)
    {
      g_autoptr(QsPlan) municipal = read_sample ("municipal-2016-2020-004.qsplan");

      g_assert_nonnull (municipal);
      g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, municipal, &error), >, 0);
      g_assert_no_error (error);
    }
  return TRUE;
}

static QsCheckFinding *
find_finding (QsCheck    *check,
              const char *name)
{
  GListModel *findings = qs_check_get_row_findings (check);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (findings, i);

      /* The catalog's name: the row's own cell may carry the unit. */
      if (g_strcmp0 (qs_check_finding_get_indicator_name (finding), name) == 0)
        return finding;
    }
  return NULL;
}

static const char *
tr (const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/* Runs the main loop until the editor's debounced check has run. */
static void
wait_for_check (QsPlanEditor *editor)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (qs_plan_editor_check_pending (editor) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (qs_plan_editor_check_pending (editor));
  run_pending ();
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("QS_CHECK_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || width <= 0 || height <= 0)
    return;
  /* A window just shown draws on its next frame; the panel slides in. */
  for (gint64 end = g_get_monotonic_time () + 500 * 1000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  paintable = gtk_widget_paintable_new (widget);
  for (guint i = 0; i < 50 && node == NULL; i++)
    {
      gint64 end = g_get_monotonic_time () + 20 * 1000;

      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    {
      g_test_message ("No screenshot %s: the window drew nothing", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window on the 大渡口区 plan, the editor checking it against the
 * workspace (as the window will wire it: qs_plan_editor_set_workspace). */
static QsWindow *
open_district (Fixture       *fixture,
               QsPlanEditor **editor)
{
  QsWindow *window = new_window (fixture);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_widget_set_size_request (GTK_WIDGET (window), 1400, 900);
  g_assert_true (qs_window_select_plan_matching (window, "大渡口"));
  *editor = qs_window_get_editor (window);
  qs_plan_editor_set_workspace (*editor, fixture->workspace);
  qs_plan_editor_run_check (*editor);
  run_pending ();
  g_assert_nonnull (qs_plan_editor_get_check (*editor));
  return window;
}

static QsIndicatorTableView *
table_view (QsPlanEditor *editor)
{
  return QS_INDICATOR_TABLE_VIEW (qs_plan_editor_get_page (editor, "indicator-table"));
}

/* The badge's label and its colour class. */
static const char *
badge_label (GtkWidget *badge)
{
  GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (badge));

  return gtk_label_get_label (GTK_LABEL (label));
}

static guint
target_column (QsIndicatorTable *table,
               QsIndicatorRow   *row,
               const char       *target)
{
  GListModel *columns = G_LIST_MODEL (qs_indicator_table_get_columns (table));

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    if (qs_table_column_get_role (qs_indicator_table_get_column (table, c)) == QS_COLUMN_TARGET &&
        g_strcmp0 (qs_indicator_row_get_cell (row, c), target) == 0)
      return c;
  g_assert_not_reached ();
  return 0;
}

/* How urgent a finding is in the panel's order. */
static int
severity_rank (QsCheckFinding *finding)
{
  switch (qs_check_finding_get_scope (finding))
    {
    case QS_FINDING_COMPLETION:
      return 4;
    case QS_FINDING_PLAN:
      return 5;
    case QS_FINDING_ROW:
    default:
      switch (qs_check_finding_get_status (finding))
        {
        case QS_CHECK_FALLS_SHORT:
          return 0;
        case QS_CHECK_WEAKER_THAN_BASELINE:
          return 1;
        case QS_CHECK_PENDING:
          return 2;
        case QS_CHECK_NOT_COMPARABLE:
          return 3;
        case QS_CHECK_MEETS:
        case QS_CHECK_NO_REQUIREMENT:
        default:
          return 6;
        }
    }
}

/* The model half, without widgets. */
static void
test_forest_weaker_model (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(QsCheck) again = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(QsPlan) district = read_sample ("district-2021-2025-000.qsplan");
  QsCheckFinding *finding;
  QsIndicatorRow *row;
  gboolean has_municipal = FALSE;
  const char *target;
  guint column = G_MAXUINT;

  if (!add_samples (fixture, TRUE))
    return;

  municipal = qs_plan_check_find_municipal (district, fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (municipal);
  g_assert_cmpint (qs_plan_get_level (municipal), ==, QS_PLAN_LEVEL_MUNICIPAL);
  g_assert_cmpint (qs_plan_get_end_year (municipal), ==, 2020);

  check = qs_plan_check_run (district, fixture->workspace, &has_municipal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_true (has_municipal);

  finding = find_finding (check, "森林覆盖率");
  g_assert_nonnull (finding);
  g_assert_cmpint (qs_check_finding_get_status (finding), ==, QS_CHECK_WEAKER_THAN_BASELINE);
  g_assert_cmpstr (qs_check_finding_get_reason (finding), !=, "");

  /* Raise the target above the baseline: the verdict changes. */
  row = qs_check_finding_get_row (finding);
  target = qs_check_finding_get_target (finding);
  g_assert_nonnull (target);
  for (guint i = 0; i < qs_indicator_row_get_n_cells (row); i++)
    if (g_strcmp0 (qs_indicator_row_get_cell (row, i), target) == 0)
      column = i;
  g_assert_cmpuint (column, !=, G_MAXUINT);
  qs_indicator_row_set_cell (row, column, "50");

  again = qs_plan_check_run (district, fixture->workspace, NULL, &error);
  g_assert_no_error (error);
  finding = find_finding (again, "森林覆盖率");
  g_assert_nonnull (finding);
  g_assert_cmpint (qs_check_finding_get_status (finding), ==, QS_CHECK_MEETS);
}

static void
test_no_municipal_model (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(QsPlan) district = read_sample ("district-2021-2025-000.qsplan");
  gboolean has_municipal = TRUE;

  if (!add_samples (fixture, FALSE))
    return;

  municipal = qs_plan_check_find_municipal (district, fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_null (municipal);

  /* Without a municipal plan the baselines are still checked. */
  check = qs_plan_check_run (district, fixture->workspace, &has_municipal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_false (has_municipal);
  g_assert_nonnull (find_finding (check, "森林覆盖率"));
}

/* The badge of 森林覆盖率, the panel's order, activating a finding, and
 * the badge following an edit. */
static void
test_badge_and_panel (Fixture       *fixture,
                      gconstpointer  data)
{
  QsWindow *window;
  QsPlanEditor *editor;
  QsCheckPanel *panel;
  QsIndicatorTableView *view;
  QsCheckFinding *finding;
  QsIndicatorTable *table;
  QsIndicatorRow *row;
  GListModel *listed;
  GtkWidget *badge;
  GtkSelectionModel *selection;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *reason = NULL;
  gint64 start;
  int last_rank = 0;
  int forest_position = -1, first_settled = -1;
  guint index;
  guint column;

  if (!add_samples (fixture, TRUE))
    return;
  window = open_district (fixture, &editor);
  panel = qs_plan_editor_get_check_panel (editor);
  view = table_view (editor);

  /* How long one run takes on the main loop (the catalog and the
   * municipal plan cached); reported, not asserted. */
  start = g_get_monotonic_time ();
  qs_plan_editor_run_check (editor);
  g_test_message ("One check of the 大渡口区 plan took %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* The panel: hidden, then shown by the stateful action. */
  g_assert_false (qs_plan_editor_get_check_panel_visible (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.toggle-check-panel", NULL);
  run_pending ();
  g_assert_true (qs_plan_editor_get_check_panel_visible (editor));
  g_assert_cmpstr (qs_check_panel_get_page_name (panel), ==, "findings");

  /* Findings by severity: what needs doing first, the settled rows last. */
  listed = qs_check_panel_get_listed (panel);
  g_assert_cmpuint (g_list_model_get_n_items (listed), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(QsCheckFinding) item = g_list_model_get_item (listed, i);
      int rank;

      /* An unlinked row is listed again under the plan's findings. */
      if (!g_hash_table_add (seen, item))
        continue;
      rank = severity_rank (item);
      g_assert_cmpint (rank, >=, last_rank);
      last_rank = rank;
      if (g_strcmp0 (qs_check_finding_get_indicator_name (item), "森林覆盖率") == 0)
        forest_position = i;
      if (rank == 6 && first_settled < 0)
        first_settled = i;
    }
  g_assert_cmpint (forest_position, >=, 0);
  g_assert_cmpint (first_settled, >, forest_position);

  /* Activating 森林覆盖率 shows its table with the row selected. */
  finding = find_finding (qs_plan_editor_get_check (editor), "森林覆盖率");
  g_assert_nonnull (finding);
  g_assert_cmpint (qs_check_finding_get_status (finding), ==, QS_CHECK_WEAKER_THAN_BASELINE);
  reason = g_strdup (qs_check_finding_get_reason (finding));
  g_assert_true (qs_check_panel_activate_finding (panel, finding));
  run_pending ();
  g_assert_cmpstr (qs_plan_editor_get_page_name (editor), ==, "indicator-table");
  table = QS_INDICATOR_TABLE (qs_plan_editor_get_shown_item (editor));
  index = qs_check_finding_get_row_index (finding);
  row = qs_indicator_table_get_row (table, index);
  g_assert_true (row == qs_check_finding_get_row (finding));
  selection = gtk_column_view_get_model (qs_indicator_table_view_get_column_view (view));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, index);

  /* Its badge: weaker than the baseline, in red, the reason as tooltip. */
  g_assert_true (qs_indicator_table_view_get_row_finding (view, index) == finding);
  badge = qs_indicator_table_view_get_badge (view, index);
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (badge_label (badge), ==, tr ("Below baseline"));
  g_assert_true (gtk_widget_has_css_class (badge, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, reason);
  save_screenshot (GTK_WIDGET (window), "check-panel.png");
  if (g_getenv ("QS_CHECK_SCREENSHOT_DIR") != NULL)
    {
      /* The end of the list too: the plan's findings, the settled rows. */
      GtkScrolledWindow *scrolled = find_scrolled_window (GTK_WIDGET (panel));
      GtkAdjustment *adjustment = scrolled != NULL ? gtk_scrolled_window_get_vadjustment (scrolled) : NULL;

      if (adjustment != NULL)
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          save_screenshot (GTK_WIDGET (window), "check-panel-end.png");
          gtk_adjustment_set_value (adjustment, 0);
        }
    }

  /* Edit the target: the check runs again after a pause, the badge follows. */
  column = target_column (table, row, qs_check_finding_get_target (finding));
  g_assert_true (qs_plan_editor_set_cell (editor, table, index, column, "50"));
  g_assert_true (qs_plan_editor_check_pending (editor));
  start = g_get_monotonic_time ();
  wait_for_check (editor);
  g_test_message ("Check re-ran %.0f ms after the edit",
                  (g_get_monotonic_time () - start) / 1000.0);
  finding = qs_indicator_table_view_get_row_finding (view, index);
  g_assert_nonnull (finding);
  g_assert_cmpint (qs_check_finding_get_status (finding), ==, QS_CHECK_MEETS);
  badge = qs_indicator_table_view_get_badge (view, index);
  g_assert_nonnull (badge);
  g_assert_cmpstr (badge_label (badge), ==, tr ("Meets"));
  g_assert_true (gtk_widget_has_css_class (badge, "success"));
  g_assert_false (gtk_widget_has_css_class (badge, "error"));

  /* Undo brings the weaker target back, and its badge. */
  g_assert_true (qs_plan_editor_undo (editor));
  wait_for_check (editor);
  g_assert_cmpint (qs_check_finding_get_status (qs_indicator_table_view_get_row_finding (view, index)), ==,
                   QS_CHECK_WEAKER_THAN_BASELINE);

  qs_plan_editor_set_workspace (editor, NULL);
  destroy_window (window);
}

static void
test_no_municipal (Fixture       *fixture,
                   gconstpointer  data)
{
  QsWindow *window;
  QsPlanEditor *editor;
  QsCheckPanel *panel;

  if (!add_samples (fixture, FALSE))
    return;
  window = open_district (fixture, &editor);
  panel = qs_plan_editor_get_check_panel (editor);
  qs_plan_editor_set_check_panel_visible (editor, TRUE);
  run_pending ();

  g_assert_cmpstr (qs_check_panel_get_page_name (panel), ==, "no-municipal");
  save_screenshot (GTK_WIDGET (window), "check-panel-no-municipal.png");

  /* Importing the municipal plan (the workspace changes) brings the findings. */
  {
    g_autoptr(QsPlan) municipal = read_sample ("municipal-2016-2020-004.qsplan");
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, municipal, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (qs_plan_editor_check_pending (editor));
  wait_for_check (editor);
  g_assert_cmpstr (qs_check_panel_get_page_name (panel), ==, "findings");

  qs_plan_editor_set_workspace (editor, NULL);
  destroy_window (window);
}

static QsLinkDialog *
find_link_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (QS_IS_LINK_DIALOG (window))
        return QS_LINK_DIALOG (window);
    }
  return NULL;
}

/* A row the catalog does not know is marked 未关联; linking it by hand
 * is one step of undo and may teach the workspace's catalog its name. */
static void
test_link_by_hand (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *odd_name = "测试用自造指标名称";
  QsWindow *window;
  QsPlanEditor *editor;
  QsIndicatorTableView *view;
  QsCheckFinding *finding;
  QsIndicatorTable *table;
  QsLinkDialog *dialog;
  GtkWidget *badge;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autofree char *extensions = NULL;
  g_autofree char *forest_id = NULL;
  guint index;
  guint name_column = G_MAXUINT;
  GListModel *columns;

  if (!add_samples (fixture, TRUE))
    return;
  window = open_district (fixture, &editor);
  view = table_view (editor);

  finding = find_finding (qs_plan_editor_get_check (editor), "森林覆盖率");
  g_assert_nonnull (finding);
  forest_id = g_strdup (qs_check_finding_get_indicator_id (finding));
  g_assert_nonnull (forest_id);
  g_assert_true (qs_check_panel_activate_finding (qs_plan_editor_get_check_panel (editor), finding));
  run_pending ();
  table = QS_INDICATOR_TABLE (qs_plan_editor_get_shown_item (editor));
  index = qs_check_finding_get_row_index (finding);

  /* Give the row a name no catalog entry has, and no link. */
  columns = G_LIST_MODEL (qs_indicator_table_get_columns (table));
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    if (qs_table_column_get_role (qs_indicator_table_get_column (table, c)) == QS_COLUMN_NAME)
      name_column = c;
  g_assert_cmpuint (name_column, !=, G_MAXUINT);
  qs_plan_editor_set_row_indicator (editor, table, index, NULL);
  g_assert_true (qs_plan_editor_set_cell (editor, table, index, name_column, odd_name));
  wait_for_check (editor);
  finding = qs_indicator_table_view_get_row_finding (view, index);
  g_assert_nonnull (finding);
  g_assert_true (qs_check_finding_is_unlinked (finding));
  badge = qs_indicator_table_view_get_badge (view, index);
  g_assert_nonnull (badge);
  g_assert_cmpstr (badge_label (badge), ==, tr ("Unlinked"));

  /* editor.link-row on the selected row opens the dialog. */
  qs_indicator_table_view_select_row (view, index);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.link-row", NULL);
  run_pending ();
  dialog = find_link_dialog ();
  g_assert_nonnull (dialog);
  qs_link_dialog_set_search_text (dialog, "森林");
  g_assert_cmpuint (qs_link_dialog_get_n_matches (dialog), >, 0);
  qs_link_dialog_set_search_text (dialog, "没有这样的指标xyz");
  g_assert_cmpuint (qs_link_dialog_get_n_matches (dialog), ==, 0);
  g_assert_null (qs_link_dialog_get_selected_id (dialog));
  qs_link_dialog_set_search_text (dialog, "森林覆盖");
  g_assert_true (qs_link_dialog_select_id (dialog, forest_id));
  qs_link_dialog_set_remember_alias (dialog, TRUE);
  save_screenshot (GTK_WIDGET (dialog), "link-dialog.png");
  g_assert_true (qs_link_dialog_confirm (dialog));
  run_pending ();
  g_assert_null (find_link_dialog ());

  /* One step of undo, and the name remembered in the workspace. */
  g_assert_cmpstr (qs_indicator_row_get_indicator_id (qs_indicator_table_get_row (table, index)), ==, forest_id);
  g_assert_cmpstr (qs_undo_stack_get_undo_label (qs_plan_editor_get_undo_stack (editor)), ==,
                   tr ("Link Row to Indicator"));
  extensions = qs_workspace_get_catalog_extensions (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (extensions);
  g_assert_nonnull (strstr (extensions, odd_name));
  catalog = qs_workspace_load_catalog (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (qs_catalog_lookup_name (catalog, odd_name));
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, odd_name)), ==, forest_id);

  /* The check follows: the row is linked again. */
  wait_for_check (editor);
  finding = qs_indicator_table_view_get_row_finding (view, index);
  g_assert_nonnull (finding);
  g_assert_false (qs_check_finding_is_unlinked (finding));
  g_assert_cmpstr (badge_label (qs_indicator_table_view_get_badge (view, index)), !=, tr ("Unlinked"));

  /* Undo removes the link (undo brings back a copy of the plan). */
  g_assert_true (qs_plan_editor_undo (editor));
  table = QS_INDICATOR_TABLE (qs_plan_editor_get_shown_item (editor));
  g_assert_cmpstr (qs_indicator_row_get_name (qs_indicator_table_get_row (table, index)), ==, odd_name);
  g_assert_null (qs_indicator_row_get_indicator_id (qs_indicator_table_get_row (table, index)));
  wait_for_check (editor);

  qs_plan_editor_set_workspace (editor, NULL);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *build_dir = g_getenv ("QS_BUILD_DIR");

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may be missing; the
   * environment's locale (C.UTF-8 under meson) is used. */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  if (build_dir != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_dir, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  adw_init ();
  qs_ui_init ();

  g_test_add ("/check/forest-weaker-than-baseline", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_forest_weaker_model, fixture_tear_down);
  g_test_add ("/check/no-municipal", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_no_municipal_model, fixture_tear_down);
  g_test_add ("/gui-check/badge-and-panel", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_badge_and_panel, fixture_tear_down);
  g_test_add ("/gui-check/no-municipal", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_no_municipal, fixture_tear_down);
  g_test_add ("/gui-check/link-by-hand", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_link_by_hand, fixture_tear_down);

  return g_test_run ();
}
