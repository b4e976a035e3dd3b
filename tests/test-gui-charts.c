/* test-gui-charts.c: the chart pane and the yearly-value suggestions dialog.
 *
 * Uses the sample plans of resources/samples (QS_SOURCE_DIR) in a temporary
 * workspace: 大渡口区 2021–2025 is the open plan, the other districts of
 * the period and the municipal plan are found in the workspace.  With
 * QS_SCREENSHOT_DIR set, the shown windows are also written there as PNG.
 */
#define G_LOG_DOMAIN "test-gui-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qs-chart-pane.h"
#include "qs-compare-chart.h"
#include "qs-suggestions-dialog.h"
#include "qs-trend-chart.h"
#include "qs-ui.h"

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

/* The open plan, with the other samples stored in the workspace; NULL (and
 * the test skipped) without the samples. */
static QsPlan *
add_samples (Fixture *fixture)
{
  static const char *others[] = {
    "district-2021-2025-001.qsplan", "district-2021-2025-002.qsplan", "municipal-2016-2020-004.qsplan",
  };
  g_autoptr(QsPlan) district = read_sample ("district-2021-2025-000.qsplan");
  g_autoptr(GError) error = NULL;

  if (district == NULL)
    {
      g_test_skip ("the sample plans (QS_SOURCE_DIR/resources/samples) are missing");
      return NULL;
    }
  g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, district, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(QsPlan) plan = read_sample (others[i]);

      g_assert_nonnull (plan);
      g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, plan, &error), >, 0);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&district);
}

/* What the widget shows, drawn into an image surface. */
static cairo_surface_t *
draw_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 1);   /* anything not drawn shows */
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          int             *r,
          int             *g,
          int             *b)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;
}

static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("QS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  cairo_surface_t *surface;

  if (dir == NULL || *dir == '\0')
    return;
  /* Let the buttons' CSS transitions finish. */
  for (guint i = 0; i < 40; i++)
    {
      g_usleep (10000);
      run_pending ();
    }
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  surface = draw_widget (widget);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  /* Until the window has its size and has drawn. */
  for (guint i = 0; i < 50 && gtk_widget_get_width (child) < 10; i++)
    {
      run_pending ();
      g_usleep (10000);
    }
  run_pending ();
  return window;
}

/* The points the view's chart holds, laid out at the view's size. */
static QsChartTrace *
view_trace (QsChartView *view,
            const char  *kind)
{
  QsChartTrace *trace = qs_chart_trace_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double width = gtk_widget_get_width (GTK_WIDGET (view));
  double height = gtk_widget_get_height (GTK_WIDGET (view));

  g_assert_nonnull (qs_chart_view_get_data (view));
  if (strcmp (kind, "trend") == 0)
    qs_trend_chart_render_traced (cr, width, height, qs_chart_view_get_data (view), trace);
  else if (strcmp (kind, "compare") == 0)
    qs_compare_chart_render_traced (cr, width, height, qs_chart_view_get_data (view), trace);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return trace;
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_pane_trend (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(QsPlan) plan = add_samples (fixture);
  g_autoptr(QsChartTrace) trace = NULL;
  g_autoptr(QsChartPoint) hit = NULL;
  g_autofree char *tooltip = NULL;
  QsChartPane *pane;
  QsChartView *view;
  QsChartPoint *point = NULL;
  GtkWidget *window;

  if (plan == NULL)
    return;

  pane = QS_CHART_PANE (qs_chart_pane_new ());
  qs_chart_pane_set_workspace (pane, fixture->workspace);
  qs_chart_pane_set_plan (pane, plan);
  qs_chart_pane_set_indicator (pane, "森林覆盖率");
  g_assert_cmpstr (qs_chart_pane_get_kind (pane), ==, "trend");
  window = show_in_window (GTK_WIDGET (pane), 900, 600);
  view = qs_chart_pane_get_view (pane);
  maybe_screenshot (window, "chart-pane-trend-light.png");

  /* The plan and the other two districts of 2021–2025. */
  trace = view_trace (view, "trend");
  g_assert_cmpuint (trace->points->len, >, 2);
  for (guint i = 0; i < trace->points->len && point == NULL; i++)
    {
      QsChartPoint *p = g_ptr_array_index (trace->points, i);

      if (g_strcmp0 (p->series, "大渡口区") == 0)
        point = p;
    }
  g_assert_nonnull (point);
  if (point == NULL)
    return;

  /* Hovering a point names its exact figure. */
  hit = qs_chart_view_hit (view, point->x, point->y);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->value_text, ==, point->value_text);
  g_assert_cmpstr (hit->series, ==, point->series);
  tooltip = qs_chart_view_dup_tooltip_text_at (view, point->x, point->y);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, point->value_text));
  g_assert_nonnull (strstr (tooltip, point->category));
  g_assert_nonnull (strstr (tooltip, "大渡口区"));
  g_assert_null (qs_chart_view_dup_tooltip_text_at (view, 1, 1));

  /* The accessible name is the chart's title, its description the data. */
  g_assert_nonnull (strstr (qs_chart_view_get_title (view), "森林覆盖率"));
  g_assert_nonnull (strstr (qs_chart_view_get_description (view), "大渡口区"));
  g_assert_nonnull (strstr (qs_chart_view_get_description (view), "33.67"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       qs_chart_view_get_title (view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       qs_chart_view_get_description (view));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));

  /* The arrow keys walk the points; the view takes them. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          {
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
            g_assert_true (handled);
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_a, 0, 0, &handled);
            g_assert_false (handled);
          }
      }
  }
  run_pending ();
  maybe_screenshot (window, "chart-pane-trend-keyboard.png");

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

static void
test_pane_export (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *name; const char *magic; gsize length; } files[] = {
    { "chart.png", "\x89PNG\r\n\x1a\n", 8 },
    { "chart.svg", "<?xml", 5 },
    { "chart.pdf", "%PDF-", 5 },
  };
  g_autoptr(QsPlan) plan = add_samples (fixture);
  g_autoptr(GError) error = NULL;
  QsChartPane *pane;
  GtkWidget *window;

  if (plan == NULL)
    return;

  pane = QS_CHART_PANE (qs_chart_pane_new ());
  qs_chart_pane_set_workspace (pane, fixture->workspace);
  qs_chart_pane_set_plan (pane, plan);
  window = show_in_window (GTK_WIDGET (pane), 800, 520);

  /* Nothing to export before an indicator is chosen. */
  g_assert_false (qs_chart_pane_export (pane, "/nonexistent/x.png", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  qs_chart_pane_set_indicator (pane, "森林覆盖率");
  qs_chart_pane_set_kind (pane, "compare");
  run_pending ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, files[i].name, NULL);

      g_assert_true (qs_chart_pane_export (pane, path, &error));
      g_assert_no_error (error);
      assert_file_starts_with (path, files[i].magic, files[i].length);
      g_unlink (path);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

/* The kind switcher's button labelled @label. */
static GtkWidget *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_pane_kinds (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(QsPlan) plan = add_samples (fixture);
  g_autoptr(QsChartTrace) trace = NULL;
  QsCompareChartData *compare;
  g_autofree char *trend_title = NULL;
  QsChartPane *pane;
  QsChartView *view;
  GtkWidget *window;
  gboolean any_status = FALSE;

  if (plan == NULL)
    return;

  pane = QS_CHART_PANE (qs_chart_pane_new ());
  qs_chart_pane_set_workspace (pane, fixture->workspace);
  qs_chart_pane_set_plan (pane, plan);
  qs_chart_pane_set_indicator (pane, "森林覆盖率");
  window = show_in_window (GTK_WIDGET (pane), 900, 600);
  view = qs_chart_pane_get_view (pane);
  trend_title = g_strdup (qs_chart_view_get_title (view));

  /* Compare: one group of bars per district, coloured by the check. */
  qs_chart_pane_set_kind (pane, "compare");
  g_assert_cmpstr (qs_chart_pane_get_kind (pane), ==, "compare");
  run_pending ();
  g_assert_cmpstr (qs_chart_view_get_title (view), !=, trend_title);
  compare = qs_chart_view_get_data (view);
  g_assert_nonnull (compare);
  g_assert_cmpuint (compare->items->len, ==, 3);
  for (guint i = 0; i < compare->items->len; i++)
    if (g_array_index (compare->items, QsCompareItem, i).status != QS_CHART_STATUS_NONE)
      any_status = TRUE;
  g_assert_true (any_status);
  trace = view_trace (view, "compare");
  g_assert_cmpuint (trace->points->len, >=, 3);
  maybe_screenshot (window, "chart-pane-compare-light.png");

  /* Completion: the whole plan's review table. */
  qs_chart_pane_set_kind (pane, "completion");
  run_pending ();
  g_assert_cmpstr (qs_chart_pane_get_kind (pane), ==, "completion");
  g_assert_nonnull (qs_chart_view_get_data (view));
  g_assert_nonnull (qs_chart_view_get_description (view));
  maybe_screenshot (window, "chart-pane-completion-light.png");

  /* An indicator the plan does not state: the empty state, no chart. */
  qs_chart_pane_set_kind (pane, "trend");
  qs_chart_pane_set_indicator (pane, "不存在的指标");
  run_pending ();
  g_assert_null (qs_chart_view_get_data (view));
  {
    GtkWidget *button = find_toggle (GTK_WIDGET (pane), _("Trend"));

    g_assert_nonnull (button);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_toggle (GTK_WIDGET (pane),
                                                                                    _("Completion")))));
  }
  maybe_screenshot (window, "chart-pane-empty-light.png");

  /* Back to a row with figures. */
  qs_chart_pane_set_indicator (pane, "forest_coverage");
  g_assert_nonnull (qs_chart_view_get_data (view));
  g_assert_cmpstr (qs_chart_view_get_title (view), ==, trend_title);

  /* A reviewer's own selection: only the plans given. */
  {
    g_autoptr(GPtrArray) plans = g_ptr_array_new ();

    g_ptr_array_add (plans, plan);
    qs_chart_pane_set_plans (pane, plans);
    qs_chart_pane_set_kind (pane, "compare");
    compare = qs_chart_view_get_data (view);
    g_assert_cmpuint (compare->items->len, ==, 1);
    qs_chart_pane_set_plans (pane, NULL);
    compare = qs_chart_view_get_data (view);
    g_assert_cmpuint (compare->items->len, ==, 3);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

static void
test_pane_dark (Fixture       *fixture,
                gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(QsPlan) plan = add_samples (fixture);
  cairo_surface_t *surface;
  QsChartPane *pane;
  QsChartView *view;
  GtkWidget *window;
  int r, g, b;

  if (plan == NULL)
    return;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  pane = QS_CHART_PANE (qs_chart_pane_new ());
  qs_chart_pane_set_workspace (pane, fixture->workspace);
  qs_chart_pane_set_plan (pane, plan);
  qs_chart_pane_set_indicator (pane, "森林覆盖率");
  window = show_in_window (GTK_WIDGET (pane), 900, 600);
  view = qs_chart_pane_get_view (pane);

  g_assert_true (qs_chart_view_get_theme (view) == qs_chart_theme_light ());
  surface = draw_widget (GTK_WIDGET (view));
  pixel_at (surface, 4, 4, &r, &g, &b);
  cairo_surface_destroy (surface);
  g_assert_cmpint (r + g + b, >, 3 * 200);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  run_pending ();
  g_assert_true (qs_chart_view_get_theme (view) == qs_chart_theme_dark ());
  g_assert_true (((QsTrendChartData *) qs_chart_view_get_data (view))->theme == qs_chart_theme_dark ());
  surface = draw_widget (GTK_WIDGET (view));
  pixel_at (surface, 4, 4, &r, &g, &b);
  cairo_surface_destroy (surface);
  g_assert_cmpint (r + g + b, <, 3 * 80);
  maybe_screenshot (window, "chart-pane-trend-dark.png");
  qs_chart_pane_set_kind (pane, "compare");
  run_pending ();
  maybe_screenshot (window, "chart-pane-compare-dark.png");

  /* A chart built while dark starts dark. */
  g_assert_true (((QsCompareChartData *) qs_chart_view_get_data (view))->theme == qs_chart_theme_dark ());

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  run_pending ();
  g_assert_true (((QsCompareChartData *) qs_chart_view_get_data (view))->theme == qs_chart_theme_light ());

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_cb (QsSuggestionsDialog *dialog,
          const char          *label,
          guint               *count)
{
  g_assert_nonnull (label);
  (*count)++;
}

static guint
count_values (QsPlan   *plan,
              gboolean  accepted)
{
  GListModel *values = G_LIST_MODEL (qs_plan_get_year_values (plan));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(QsYearValue) value = g_list_model_get_item (values, i);

      if (qs_year_value_get_accepted (value) == accepted)
        n++;
    }
  return n;
}

static void
test_suggestions (void)
{
  g_autoptr(QsPlan) plan = read_sample ("district-2021-2025-000.qsplan");
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(QsYearValue) first = NULL;
  g_autoptr(QsYearValue) second = NULL;
  g_autoptr(GError) error = NULL;
  QsSuggestionsDialog *dialog;
  GListModel *values;
  GtkWidget *button;
  guint will = 0, changed = 0, n_values, n_accepted, n_pending;

  if (plan == NULL)
    {
      g_test_skip ("the sample plans (QS_SOURCE_DIR/resources/samples) are missing");
      return;
    }
  values = G_LIST_MODEL (qs_plan_get_year_values (plan));
  n_values = g_list_model_get_n_items (values);
  n_accepted = count_values (plan, TRUE);

  dialog = QS_SUGGESTIONS_DIALOG (qs_suggestions_dialog_new (NULL, plan));
  g_object_ref (dialog);
  g_signal_connect (dialog, "plan-will-change", G_CALLBACK (count_cb), &will);
  g_signal_connect (dialog, "plan-changed", G_CALLBACK (count_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  run_pending ();

  pending = qs_suggestions_dialog_get_pending (dialog);
  n_pending = pending->len;
  g_assert_cmpuint (n_pending, >=, 2);
  first = g_object_ref (g_ptr_array_index (pending, 0));
  second = g_object_ref (g_ptr_array_index (pending, 1));
  g_assert_false (qs_year_value_get_accepted (first));
  g_assert_nonnull (qs_year_value_get_source_text (first));
  maybe_screenshot (GTK_WIDGET (dialog), "suggestions-dialog-light.png");
  if (g_getenv ("QS_SCREENSHOT_DIR") != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      maybe_screenshot (GTK_WIDGET (dialog), "suggestions-dialog-dark.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }

  /* The first row's accept button accepts the first suggestion. */
  button = find_named (GTK_WIDGET (dialog), "accept-button");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (qs_year_value_get_accepted (first));
  g_assert_cmpuint (will, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* The second, now listed first, is rejected: removed from the plan. */
  button = find_named (GTK_WIDGET (dialog), "reject-button");
  g_assert_nonnull (button);
  g_assert_true (g_object_get_data (G_OBJECT (button), "year-value") == (gpointer) second);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (changed, ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (values), ==, n_values - 1);
  g_assert_cmpuint (count_values (plan, TRUE), ==, n_accepted + 1);
  g_assert_false (g_list_store_find (G_LIST_STORE (values), second, NULL));
  g_assert_true (g_list_store_find (G_LIST_STORE (values), first, NULL));
  after = qs_suggestions_dialog_get_pending (dialog);
  g_assert_cmpuint (after->len, ==, n_pending - 2);

  /* Accepted values are yearly values charts draw. */
  {
    g_autoptr(GPtrArray) collected = qs_plan_collect_year_values (plan, FALSE);
    gboolean found = FALSE;

    for (guint i = 0; i < collected->len; i++)
      if (qs_year_value_get_year (g_ptr_array_index (collected, i)) == qs_year_value_get_year (first) &&
          g_strcmp0 (qs_year_value_get_text (g_ptr_array_index (collected, i)),
                     qs_year_value_get_text (first)) == 0)
        found = TRUE;
    g_assert_true (found);
  }

  /* Typed in by hand. */
  g_assert_false (qs_suggestions_dialog_add_value (dialog, "森林覆盖率", 2018, "很多", QS_YEAR_VALUE_ACTUAL,
                                                   &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (qs_suggestions_dialog_add_value (dialog, " ", 2018, "30", QS_YEAR_VALUE_ACTUAL, &error));
  g_clear_error (&error);
  g_assert_true (qs_suggestions_dialog_add_value (dialog, "森林覆盖率", 2018, "30.5", QS_YEAR_VALUE_ACTUAL,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, n_values);
  {
    g_autoptr(QsYearValue) added = g_list_model_get_item (values, n_values - 1);

    g_assert_cmpint (qs_year_value_get_year (added), ==, 2018);
    g_assert_true (qs_year_value_get_accepted (added));
    g_assert_cmpint (qs_year_value_get_source (added), ==, QS_YEAR_VALUE_SOURCE_USER);
    g_assert_cmpstr (qs_year_value_get_indicator_id (added), ==, "forest_coverage");
  }

  qs_suggestions_dialog_accept_all (dialog);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = qs_suggestions_dialog_get_pending (dialog);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (count_values (plan, FALSE), ==, 0);
  g_assert_cmpuint (will, ==, changed);

  gtk_window_destroy (GTK_WINDOW (dialog));
  run_pending ();
  g_assert_finalize_object (dialog);
}

/* Accepting a suggestion redraws the pane: the new year appears. */
static void
test_pane_follows_plan (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(QsPlan) plan = add_samples (fixture);
  g_autoptr(QsYearValue) value = NULL;
  QsTrendChartData *trend;
  QsChartPane *pane;
  GtkWidget *window;
  guint before = 0, after = 0;

  if (plan == NULL)
    return;

  pane = QS_CHART_PANE (qs_chart_pane_new ());
  qs_chart_pane_set_plan (pane, plan);
  qs_chart_pane_set_indicator (pane, "森林覆盖率");
  window = show_in_window (GTK_WIDGET (pane), 700, 480);
  trend = qs_chart_view_get_data (qs_chart_pane_get_view (pane));
  g_assert_nonnull (trend);
  g_assert_cmpuint (trend->series->len, ==, 1);   /* no workspace: the plan alone */
  before = ((QsTrendSeries *) g_ptr_array_index (trend->series, 0))->points->len;

  value = qs_year_value_new ("森林覆盖率", 2012, "28.1", QS_YEAR_VALUE_ACTUAL, QS_YEAR_VALUE_SOURCE_USER);
  g_list_store_append (qs_plan_get_year_values (plan), value);
  run_pending ();
  trend = qs_chart_view_get_data (qs_chart_pane_get_view (pane));
  after = ((QsTrendSeries *) g_ptr_array_index (trend->series, 0))->points->len;
  g_assert_cmpuint (after, ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible properties are checked through GTK's test AT context
   * (the suite's environment turns accessibility off). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  /* Screenshots in another language (tools/chart-pane-screenshot.sh). */
  if (g_getenv ("QS_SCREENSHOT_LANG") != NULL && g_getenv ("QS_BUILD_DIR") != NULL &&
      setlocale (LC_ALL, g_getenv ("QS_SCREENSHOT_LANG")) != NULL)
    {
      g_autofree char *localedir = g_build_filename (g_getenv ("QS_BUILD_DIR"), "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      textdomain (GETTEXT_PACKAGE);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  adw_init ();
  qs_ui_init ();

  g_test_add ("/gui-charts/pane/trend", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_pane_trend, fixture_tear_down);
  g_test_add ("/gui-charts/pane/export", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_pane_export, fixture_tear_down);
  g_test_add ("/gui-charts/pane/kinds", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_pane_kinds, fixture_tear_down);
  g_test_add ("/gui-charts/pane/dark", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_pane_dark, fixture_tear_down);
  g_test_add ("/gui-charts/pane/follows-plan", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_pane_follows_plan, fixture_tear_down);
  g_test_add_func ("/gui-charts/suggestions", test_suggestions);

  return g_test_run ();
}
