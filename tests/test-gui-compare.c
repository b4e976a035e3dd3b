/* test-gui-compare.c: the comparison window (ui/qs-compare-window.c) on a
 * workspace holding the four sample plans of resources/samples
 * (QS_SOURCE_DIR): 大渡口区, 江津区 and 黔江区 2021–2025 and the municipal
 * plan of 2016–2020.  Needs a display (xvfb-run).
 *
 * With QS_COMPARE_SCREENSHOTS=DIR it runs no test: it shows the window in
 * the locale of the environment and takes screenshots of the whole screen
 * with ImageMagick's `import` (tools/compare-screenshot.sh).
 */
#define G_LOG_DOMAIN "test-gui-compare"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "qs-compare-cell-view.h"
#include "qs-compare-window.h"
#include "qs-model.h"
#include "qs-review-note.h"
#include "qs-ui.h"

static const char * const sample_files[] = {
  "district-2021-2025-000.qsplan",    /* 大渡口区 */
  "district-2021-2025-001.qsplan",    /* 江津区 */
  "district-2021-2025-002.qsplan",    /* 黔江区 */
  "municipal-2016-2020-004.qsplan",
};

enum { DADUKOU, JIANGJIN, QIANJIANG, MUNICIPAL };

typedef struct
{
  char        *dir;
  QsWorkspace *workspace;
  gint64       ids[G_N_ELEMENTS (sample_files)];
} Fixture;

static void
run_pending (void)
{
  /* Bounded: a shown window may keep scheduling frames. */
  for (guint i = 0; i < 2000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* FALSE (the test skipped) when the source tree's samples are absent. */
static gboolean
fixture_set_up (Fixture  *fixture,
                gboolean  with_plans)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *probe = NULL;

  memset (fixture, 0, sizeof *fixture);
  if (source != NULL)
    probe = g_build_filename (source, "resources", "samples", sample_files[MUNICIPAL], NULL);
  if (probe == NULL || !g_file_test (probe, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The sample plans (QS_SOURCE_DIR/resources/samples) are not available");
      return FALSE;
    }

  fixture->dir = g_dir_make_tmp ("qs-test-compare-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workspace.qsdb", NULL);
  fixture->workspace = qs_workspace_open (path, TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; with_plans && i < G_N_ELEMENTS (sample_files); i++)
    {
      g_autofree char *file = g_build_filename (source, "resources", "samples", sample_files[i], NULL);
      g_autoptr(QsPlan) plan = qs_plan_xml_read_file (file, &error);

      g_assert_no_error (error);
      fixture->ids[i] = qs_workspace_add_plan (fixture->workspace, plan, &error);
      g_assert_no_error (error);
      g_assert_cmpint (fixture->ids[i], >, 0);
    }
  return TRUE;
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->dir == NULL)
    return;
  g_assert_finalize_object (fixture->workspace);
  /* SQLite may leave -wal/-shm files beside the database. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static QsCompareWindow *
new_window (Fixture *fixture)
{
  GtkWidget *window = qs_compare_window_new (NULL, fixture->workspace);

  /* Our own reference, so that the test can check it is the last. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  run_pending ();
  return QS_COMPARE_WINDOW (window);
}

static void
destroy_window (QsCompareWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_finalize_object (window);
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (QS_IS_COMPARE_CELL_VIEW (widget))
    {
      g_ptr_array_add (cells, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* The cell widget showing @indicator_id of plan column @plan_index. */
static QsCompareCellView *
find_cell (QsCompareWindow *window,
           const char      *indicator_id,
           guint            plan_index)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  run_pending ();
  collect_cells (GTK_WIDGET (qs_compare_window_get_plans_view (window)), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      QsCompareCellView *cell = g_ptr_array_index (cells, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (cell)) &&
          g_strcmp0 (qs_compare_cell_view_get_indicator_id (cell), indicator_id) == 0 &&
          qs_compare_cell_view_get_plan_index (cell) == plan_index)
        return cell;
    }
  return NULL;
}

static guint
n_rows (QsCompareWindow *window)
{
  run_pending ();
  return g_list_model_get_n_items (qs_compare_window_get_rows (window));
}

static const char *
stack_page (QsCompareWindow *window)
{
  GtkWidget *view = GTK_WIDGET (qs_compare_window_get_plans_view (window));
  GtkWidget *stack = gtk_widget_get_ancestor (view, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
assert_column_titles (QsCompareWindow *window,
                      const char      *first,
                      const char      *second,
                      const char      *third)
{
  g_assert_cmpuint (qs_compare_window_get_n_plan_columns (window), ==, 3);
  g_assert_cmpstr (qs_compare_window_get_plan_column_title (window, 0), ==, first);
  g_assert_cmpstr (qs_compare_window_get_plan_column_title (window, 1), ==, second);
  g_assert_cmpstr (qs_compare_window_get_plan_column_title (window, 2), ==, third);
}

static void
test_matrix (void)
{
  Fixture fixture;
  QsCompareWindow *window;
  QsCompareMatrix *matrix;
  QsCompareCellView *cell;
  QsPlanPicker *picker;
  QsPlan *municipal;
  GListModel *columns;

  if (!fixture_set_up (&fixture, TRUE))
    return;
  window = new_window (&fixture);
  matrix = qs_compare_window_get_matrix (window);
  picker = qs_compare_window_get_picker (window);

  /* Every district plan of the latest period, against its municipal plan. */
  g_assert_cmpstr (qs_plan_picker_get_period (picker), ==, "2021-2025");
  g_assert_cmpuint (qs_plan_picker_get_n_listed (picker), ==, 3);
  municipal = qs_compare_matrix_get_municipal (matrix);
  g_assert_nonnull (municipal);
  g_assert_cmpint (qs_plan_get_end_year (municipal), ==, 2020);
  g_assert_nonnull (qs_plan_picker_get_requirements (picker));

  /* Columns: indicator and municipal target fixed, then the requirement
   * and one per plan; rows: every canonical indicator of the matrix. */
  columns = gtk_column_view_get_columns (qs_compare_window_get_indicator_view (window));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 2);
  assert_column_titles (window, "大渡口区", "江津区", "黔江区");
  g_assert_cmpuint (n_rows (window), ==, 37);
  g_assert_cmpstr (stack_page (window), ==, "matrix");

  /* PM2.5: 江津区 38 → ≤32 meets the requirement and is the weakest,
   * 黔江区 the strictest, 大渡口区 lacks the row 专栏3 asks for. */
  cell = find_cell (window, "pm25_concentration", JIANGJIN);
  g_assert_nonnull (cell);
  g_assert_cmpstr (qs_compare_cell_view_get_text (cell), ==, "38 → ≤32");
  g_assert_cmpstr (qs_compare_cell_view_get_status_class (cell), ==, "status-meets");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "status-meets"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "weakest"));
  g_assert_cmpstr (qs_compare_cell_view_get_mark (cell), ==, _("Weakest"));

  cell = find_cell (window, "pm25_concentration", QIANJIANG);
  g_assert_nonnull (cell);
  g_assert_cmpstr (qs_compare_cell_view_get_text (cell), ==, "28 → ≤28");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "strictest"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "weakest"));

  cell = find_cell (window, "pm25_concentration", DADUKOU);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "missing"));
  g_assert_cmpstr (qs_compare_cell_view_get_text (cell), ==, _("Missing"));
  g_assert_null (qs_compare_cell_view_get_mark (cell));

  /* 空气质量优良天数比率 of 大渡口区: below its own baseline. */
  cell = find_cell (window, "good_air_days_ratio", DADUKOU);
  g_assert_nonnull (cell);
  g_assert_cmpstr (qs_compare_cell_view_get_text (cell), ==, "88.25 → ≥88");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "status-weaker-than-baseline"));
  /* …and a plan without the row, nothing asked of it: an empty cell. */
  cell = find_cell (window, "good_air_days_ratio", JIANGJIN);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "empty"));

  destroy_window (window);
  fixture_tear_down (&fixture);
}

static void
test_filters (void)
{
  Fixture fixture;
  QsCompareWindow *window;

  if (!fixture_set_up (&fixture, TRUE))
    return;
  window = new_window (&fixture);
  g_assert_cmpuint (n_rows (window), ==, 37);

  g_assert_true (qs_compare_window_set_field (window, "环境质量"));
  g_assert_cmpuint (n_rows (window), ==, 11);
  g_assert_true (qs_compare_window_set_status (window, "missing"));
  g_assert_cmpuint (n_rows (window), ==, 4);
  g_assert_true (qs_compare_window_set_field (window, NULL));
  g_assert_true (qs_compare_window_set_status (window, "falls-short"));
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_true (qs_compare_window_set_status (window, NULL));
  g_assert_true (qs_compare_window_set_attribute (window, "预期性"));
  g_assert_cmpuint (n_rows (window), ==, 4);
  g_assert_true (qs_compare_window_set_attribute (window, NULL));
  g_assert_false (qs_compare_window_set_field (window, "没有这个领域"));
  g_assert_false (qs_compare_window_set_status (window, "excellent"));
  g_assert_cmpuint (n_rows (window), ==, 37);

  /* The search finds indicators by name within the filtered rows. */
  qs_compare_window_set_search_text (window, "PM2.5");
  g_assert_cmpuint (n_rows (window), ==, 1);
  qs_compare_window_set_search_text (window, "森林");
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_nonnull (find_cell (window, "forest_coverage", DADUKOU));
  g_assert_cmpstr (qs_compare_cell_view_get_text (find_cell (window, "forest_coverage", DADUKOU)), ==,
                   "33.67 → 32");
  qs_compare_window_set_search_text (window, "没有这个指标");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpstr (stack_page (window), ==, "no-rows");

  /* “Show All Indicators” clears the search and every filter. */
  g_assert_true (qs_compare_window_set_field (window, "生态保护"));
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.clear-filters", NULL);
  run_pending ();
  qs_compare_window_set_search_text (window, "");
  g_assert_cmpuint (n_rows (window), ==, 37);
  g_assert_cmpstr (stack_page (window), ==, "matrix");

  destroy_window (window);
  fixture_tear_down (&fixture);
}

static void
test_sort (void)
{
  Fixture fixture;
  QsCompareWindow *window;
  QsCompareCellView *cell;

  if (!fixture_set_up (&fixture, TRUE))
    return;
  window = new_window (&fixture);

  /* PM2.5 weakest first: 江津区 ≤32, 黔江区 ≤28, 大渡口区 without one. */
  g_assert_true (qs_compare_window_sort_plans (window, "pm25_concentration", TRUE));
  assert_column_titles (window, "江津区", "黔江区", "大渡口区");
  cell = find_cell (window, "pm25_concentration", 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (qs_compare_cell_view_get_text (cell), ==, "38 → ≤32");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "weakest"));

  g_assert_true (qs_compare_window_sort_plans (window, "细颗粒物（PM2.5）年均浓度", FALSE));
  assert_column_titles (window, "黔江区", "江津区", "大渡口区");
  cell = find_cell (window, "pm25_concentration", 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "strictest"));

  /* The row menu's action does the same; no indicator: the picker's order. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.sort-by", "(sb)", "forest_coverage", TRUE);
  run_pending ();
  assert_column_titles (window, "大渡口区", "江津区", "黔江区");
  g_assert_true (qs_compare_window_sort_plans (window, "pm25_concentration", TRUE));
  g_assert_true (qs_compare_window_sort_plans (window, NULL, FALSE));
  assert_column_titles (window, "大渡口区", "江津区", "黔江区");
  g_assert_false (qs_compare_window_sort_plans (window, "没有这个指标", FALSE));

  /* The indicator header's menu orders by the selected row. */
  qs_compare_window_set_search_text (window, "PM2.5");
  gtk_selection_model_select_item (gtk_column_view_get_model (qs_compare_window_get_plans_view (window)), 0, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.sort-selected", "b", TRUE);
  run_pending ();
  assert_column_titles (window, "江津区", "黔江区", "大渡口区");
  qs_compare_window_set_search_text (window, "");

  /* The order stays when the rows are filtered. */
  g_assert_true (qs_compare_window_sort_plans (window, "pm25_concentration", TRUE));
  g_assert_true (qs_compare_window_set_field (window, "生态保护"));
  assert_column_titles (window, "江津区", "黔江区", "大渡口区");

  destroy_window (window);
  fixture_tear_down (&fixture);
}

static void
test_picker (void)
{
  Fixture fixture;
  QsCompareWindow *window;
  QsPlanPicker *picker;
  GListModel *groups;
  gboolean found = FALSE;
  gint64 ids[2];

  if (!fixture_set_up (&fixture, TRUE))
    return;
  window = new_window (&fixture);
  picker = qs_compare_window_get_picker (window);

  ids[0] = fixture.ids[QIANJIANG];
  ids[1] = fixture.ids[DADUKOU];
  qs_compare_window_select_plans (window, ids, 2);
  run_pending ();
  /* In the list's order, not the order given. */
  g_assert_cmpuint (qs_compare_window_get_n_plan_columns (window), ==, 2);
  g_assert_cmpstr (qs_compare_window_get_plan_column_title (window, 0), ==, "大渡口区");
  g_assert_cmpstr (qs_compare_window_get_plan_column_title (window, 1), ==, "黔江区");

  /* The municipal plan's groups that hold a listed plan. */
  groups = qs_plan_picker_get_groups (picker);
  g_assert_cmpuint (g_list_model_get_n_items (groups), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(QsDistrictGroup) group = g_list_model_get_item (groups, i);

      g_assert_cmpstr (qs_district_group_get_id (group), !=, "pm25-attained");
      found = found || g_strcmp0 (qs_district_group_get_id (group), "pm25-exceed-18-45") == 0;
    }
  g_assert_true (found);
  g_assert_true (qs_plan_picker_set_group (picker, "pm25-exceed-18-45"));
  run_pending ();
  g_assert_cmpuint (qs_compare_window_get_n_plan_columns (window), ==, 2);
  g_assert_cmpstr (qs_compare_window_get_plan_column_title (window, 0), ==, "江津区");
  g_assert_cmpstr (qs_compare_window_get_plan_column_title (window, 1), ==, "黔江区");
  g_assert_false (qs_plan_picker_set_group (picker, "pm25-attained"));

  /* Nothing picked: the window says what to do. */
  qs_compare_window_select_plans (window, NULL, 0);
  run_pending ();
  g_assert_cmpuint (qs_compare_window_get_n_plan_columns (window), ==, 0);
  g_assert_cmpstr (stack_page (window), ==, "no-plans");

  g_assert_true (qs_plan_picker_set_period (picker, "2021-2025"));
  run_pending ();
  g_assert_cmpuint (qs_compare_window_get_n_plan_columns (window), ==, 3);
  g_assert_false (qs_plan_picker_set_period (picker, "1990-1995"));

  /* A plan added to the workspace meanwhile joins a full selection. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QsPlan) copy = qs_workspace_load_plan (fixture.workspace, fixture.ids[JIANGJIN], &error);

    g_assert_no_error (error);
    qs_plan_set_region (copy, "璧山区");
    g_assert_cmpint (qs_workspace_add_plan (fixture.workspace, copy, &error), >, 0);
    g_assert_no_error (error);
    run_pending ();
    g_assert_cmpuint (qs_plan_picker_get_n_listed (picker), ==, 4);
    g_assert_cmpuint (qs_compare_window_get_n_plan_columns (window), ==, 4);
  }

  destroy_window (window);
  fixture_tear_down (&fixture);
}

static void
test_chart (void)
{
  Fixture fixture;
  QsCompareWindow *window;
  QsCompareCellView *cell;
  GtkWidget *button;

  if (!fixture_set_up (&fixture, TRUE))
    return;
  window = new_window (&fixture);
  g_assert_null (qs_compare_window_get_chart_indicator (window));

  /* Clicking a cell charts its indicator across the plans. */
  cell = find_cell (window, "pm25_concentration", JIANGJIN);
  g_assert_nonnull (cell);
  button = gtk_widget_get_first_child (GTK_WIDGET (cell));
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  run_pending ();
  g_assert_cmpstr (qs_compare_window_get_chart_indicator (window), ==, "pm25_concentration");

  qs_compare_window_show_chart (window, "森林覆盖率", G_MAXUINT);
  run_pending ();
  g_assert_cmpstr (qs_compare_window_get_chart_indicator (window), ==, "forest_coverage");
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.hide-chart", NULL);
  run_pending ();
  g_assert_null (qs_compare_window_get_chart_indicator (window));

  destroy_window (window);
  fixture_tear_down (&fixture);
}

static void
test_export (void)
{
  Fixture fixture;
  QsCompareWindow *window;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GFile) json = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;

  if (!fixture_set_up (&fixture, TRUE))
    return;
  window = new_window (&fixture);
  g_assert_true (qs_compare_window_set_field (window, "环境质量"));

  csv_path = g_build_filename (fixture.dir, "对照.csv", NULL);
  csv = g_file_new_for_path (csv_path);
  g_assert_true (qs_compare_window_export (window, "csv", csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &data, &length, &error));
  /* UTF-8 with a byte order mark, for Excel and WPS; the filtered rows. */
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "领域,指标,"));
  g_assert_nonnull (strstr (data, "细颗粒物（PM2.5）年均浓度"));
  g_assert_null (strstr (data, "森林覆盖率"));
  g_clear_pointer (&data, g_free);

  json_path = g_build_filename (fixture.dir, "对照.json", NULL);
  json = g_file_new_for_path (json_path);
  g_assert_true (qs_compare_window_export (window, "json", json, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (json_parser_get_root (parser)), "rows")), ==, 11);

  pdf_path = g_build_filename (fixture.dir, "对照.pdf", NULL);
  pdf = g_file_new_for_path (pdf_path);
  g_assert_true (qs_compare_window_export (window, "pdf", pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &data, &length, &error));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  /* A folder that is not there: an error saying so, no file. */
  bad_path = g_build_filename (fixture.dir, "没有这个目录", "对照.csv", NULL);
  bad = g_file_new_for_path (bad_path);
  g_assert_false (qs_compare_window_export (window, "csv", bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (qs_compare_window_export (window, "xls", csv, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  destroy_window (window);
  fixture_tear_down (&fixture);
}

/* A reviewer's note on 江津区's PM2.5 row shows in its cell, as soon as
 * the plan is saved with it. */
static void
test_notes (void)
{
  Fixture fixture;
  QsCompareWindow *window;
  QsCompareCellView *cell;
  QsCompareMatrix *matrix;
  QsIndicatorRow *shown;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(GPtrArray) shown_tables = NULL;
  g_autoptr(QsReviewNote) note = NULL;
  GtkWidget *button;
  int table_index = -1, row_index = -1;

  if (!fixture_set_up (&fixture, TRUE))
    return;
  window = new_window (&fixture);
  matrix = qs_compare_window_get_matrix (window);
  cell = find_cell (window, "pm25_concentration", JIANGJIN);
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "has-notes"));

  /* Where the matrix's row of 江津区 is: its table and row index. */
  shown = qs_compare_row_get_cell (qs_compare_matrix_find_row (matrix, "pm25_concentration"), JIANGJIN)->row;
  g_assert_nonnull (shown);
  shown_tables = qs_review_note_collect_tables (qs_compare_matrix_get_plan (matrix, JIANGJIN));
  for (guint t = 0; t < shown_tables->len && row_index < 0; t++)
    {
      GObject *table = g_ptr_array_index (shown_tables, t);
      GListModel *rows;

      if (!QS_IS_INDICATOR_TABLE (table))
        continue;
      rows = G_LIST_MODEL (qs_indicator_table_get_rows (QS_INDICATOR_TABLE (table)));
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        if (qs_indicator_table_get_row (QS_INDICATOR_TABLE (table), r) == shown)
          {
            table_index = (int) t;
            row_index = (int) r;
          }
    }
  g_assert_cmpint (row_index, >=, 0);

  plan = qs_workspace_load_plan (fixture.workspace, fixture.ids[JIANGJIN], &error);
  g_assert_no_error (error);
  note = qs_review_note_new ("请说明≤32的依据");
  qs_review_note_set_id (note, qs_review_note_list_next_id (G_LIST_MODEL (qs_plan_get_review_notes (plan))));
  qs_review_note_set_table_target (note, table_index, NULL, row_index, NULL);
  g_list_store_append (qs_plan_get_review_notes (plan), note);
  g_assert_true (qs_workspace_save_plan (fixture.workspace, fixture.ids[JIANGJIN], plan, &error));
  g_assert_no_error (error);
  run_pending ();

  cell = find_cell (window, "pm25_concentration", JIANGJIN);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "has-notes"));
  button = gtk_widget_get_first_child (GTK_WIDGET (cell));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "请说明≤32的依据"));
  /* Not on the other plans' cells. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_cell (window, "pm25_concentration", QIANJIANG)),
                                            "has-notes"));

  destroy_window (window);
  fixture_tear_down (&fixture);
}

static void
test_empty_workspace (void)
{
  Fixture fixture;
  QsCompareWindow *window;

  if (!fixture_set_up (&fixture, FALSE))
    return;
  window = new_window (&fixture);
  g_assert_cmpuint (qs_compare_window_get_n_plan_columns (window), ==, 0);
  g_assert_cmpstr (stack_page (window), ==, "no-plans");
  destroy_window (window);
  fixture_tear_down (&fixture);
}

/* Screenshots (tools/compare-screenshot.sh) */

static void
settle (guint msec)
{
  gint64 end = g_get_monotonic_time () + (gint64) msec * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
shot (const char *dir,
      const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "import", "-window", "root", path, NULL };
  int status = 0;

  settle (1200);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Cannot take the screenshot %s: %s", path, error->message);
  g_print ("%s\n", path);
}

static GtkAdjustment *
plans_hadjustment (QsCompareWindow *window)
{
  GtkWidget *scroll = gtk_widget_get_ancestor (GTK_WIDGET (qs_compare_window_get_plans_view (window)),
                                               GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroll));
}

static int
take_screenshots (const char *dir)
{
  Fixture fixture;
  QsCompareWindow *window;
  QsCompareCellView *cell;
  GtkAdjustment *adjustment;

  if (!fixture_set_up (&fixture, TRUE))
    g_error ("The sample plans are needed for the screenshots (set QS_SOURCE_DIR)");
  window = new_window (&fixture);
  /* No window manager under Xvfb: the size is the screen's. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  shot (dir, "01-matrix");

  /* The reviewer's question: the weakest PM2.5 target. */
  qs_compare_window_set_search_text (window, "PM2.5");
  qs_compare_window_sort_plans (window, "pm25_concentration", TRUE);
  shot (dir, "02-pm25-weakest-first");

  cell = find_cell (window, "pm25_concentration", 0);
  if (cell != NULL)
    g_signal_emit_by_name (gtk_widget_get_first_child (GTK_WIDGET (cell)), "clicked");
  shot (dir, "03-pm25-chart");

  qs_compare_window_show_chart (window, NULL, G_MAXUINT);
  qs_compare_window_set_search_text (window, "");
  qs_compare_window_sort_plans (window, NULL, FALSE);
  qs_compare_window_set_status (window, "missing");
  shot (dir, "04-missing-only");
  qs_compare_window_set_status (window, NULL);

  /* A narrow window: the plan columns scroll, the indicators stay. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  settle (800);
  adjustment = plans_hadjustment (window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  shot (dir, "05-narrow-scrolled");

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_adjustment_set_value (adjustment, 0);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shot (dir, "06-dark");

  destroy_window (window);
  fixture_tear_down (&fixture);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *shots = g_getenv ("QS_COMPARE_SCREENSHOTS");

  if (shots != NULL && *shots != '\0')
    {
      const char *localedir = g_getenv ("QS_LOCALEDIR");

      /* The locale of the environment, with the build tree's translations. */
      setlocale (LC_ALL, "");
      if (localedir != NULL)
        bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_init ();
      adw_init ();
      qs_ui_init ();
      return take_screenshots (shots);
    }

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may be missing. */
  setlocale (LC_ALL, "C.UTF-8");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  adw_init ();
  qs_ui_init ();

  g_test_add_func ("/gui/compare/matrix", test_matrix);
  g_test_add_func ("/gui/compare/filters", test_filters);
  g_test_add_func ("/gui/compare/sort", test_sort);
  g_test_add_func ("/gui/compare/picker", test_picker);
  g_test_add_func ("/gui/compare/chart", test_chart);
  g_test_add_func ("/gui/compare/export", test_export);
  g_test_add_func ("/gui/compare/notes", test_notes);
  g_test_add_func ("/gui/compare/empty-workspace", test_empty_workspace);

  return g_test_run ();
}
