/* test-gui-print.c: printing from the workbench (ui/qs-print.c): the PDF
 * written without dialogs, a GtkPrintOperation exporting to a file, the
 * check column, and the print font chosen in the preferences.
 *
 * Reads the PDFs back with poppler's tools (pdfinfo, pdffonts, pdftotext)
 * and skips when they are missing; uses the sample plans of
 * resources/samples (QS_SOURCE_DIR) and skips when they are absent.  Needs
 * a display (xvfb-run), like test-gui.
 */
#define G_LOG_DOMAIN "test-gui-print"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "qs-model.h"
#include "qs-preferences-window.h"
#include "qs-print.h"
#include "qs-ui.h"

typedef struct
{
  char        *dir;
  QsWorkspace *workspace;
  QsPlan      *district;
} Fixture;

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

static gboolean
have_poppler (void)
{
  static const char *tools[] = { "pdfinfo", "pdffonts", "pdftotext" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Sets the fixture up, or says why the test is skipped and returns FALSE. */
static gboolean
fixture_set_up (Fixture  *fixture,
                gboolean  with_municipal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("poppler-utils (pdfinfo, pdffonts, pdftotext) are not installed");
      return FALSE;
    }
  fixture->district = read_sample ("district-2021-2025-000.qsplan");
  if (fixture->district == NULL)
    {
      g_test_skip ("The sample plans (resources/samples) are absent");
      return FALSE;
    }
  fixture->dir = g_dir_make_tmp ("qs-test-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workspace.qsdb", NULL);
  fixture->workspace = qs_workspace_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qs_workspace_add_plan (fixture->workspace, fixture->district, &error), >, 0);
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

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->workspace);
  g_clear_object (&fixture->district);
  if (fixture->dir == NULL)
    return;
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, tool[3] == 't' ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", tool, path, err);
  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + strlen ("\nPages:"), " "), NULL, 10);
}

/* pdffonts' table: every font must be embedded and subset. */
static char *
pdf_fonts (const char *path)
{
  char *fonts = run_tool ("pdffonts", path);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GPtrArray) cols = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      /* Leave out the empty fields of the column padding. */
      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (cols, fields[k]);
      g_assert_cmpuint (cols->len, >=, 7);
      /* name type… encoding emb sub uni object gen */
      g_assert_cmpstr (g_ptr_array_index (cols, cols->len - 5), ==, "yes");
      g_assert_cmpstr (g_ptr_array_index (cols, cols->len - 4), ==, "yes");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  return fonts;
}

static GObject *
nth_indicator_table (QsPlan *plan,
                     guint   n)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  g_assert_cmpuint (tables->len, >, n);
  return g_ptr_array_index (tables, n);
}

static void
test_write_pdf (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_pdf = NULL;
  g_autofree char *tables_pdf = NULL;
  g_autofree char *fonts = NULL;
  QsPrintOptions options;
  guint plan_pages, table_pages;

  if (!fixture_set_up (&fixture, FALSE))
    return;
  plan_pdf = g_build_filename (fixture.dir, "plan.pdf", NULL);
  tables_pdf = g_build_filename (fixture.dir, "tables.pdf", NULL);

  qs_print_options_init (&options);
  g_assert_true (qs_print_write_pdf (fixture.district, fixture.workspace, &options, plan_pdf, &error));
  g_assert_no_error (error);
  plan_pages = pdf_pages (plan_pdf);
  g_assert_cmpuint (plan_pages, >, 2);
  fonts = pdf_fonts (plan_pdf);

  options.scope = QS_PRINT_SCOPE_INDICATOR_TABLES;
  g_assert_true (qs_print_write_pdf (fixture.district, NULL, &options, tables_pdf, &error));
  g_assert_no_error (error);
  table_pages = pdf_pages (tables_pdf);
  g_assert_cmpuint (table_pages, >, 0);
  g_assert_cmpuint (table_pages, <, plan_pages);
  g_clear_pointer (&fonts, g_free);
  fonts = pdf_fonts (tables_pdf);

  fixture_tear_down (&fixture);
}

static void
test_one_table (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  QsIndicatorTable *first, *second;
  QsPrintOptions options;

  if (!fixture_set_up (&fixture, FALSE))
    return;
  path = g_build_filename (fixture.dir, "table.pdf", NULL);
  first = QS_INDICATOR_TABLE (nth_indicator_table (fixture.district, 0));
  second = QS_INDICATOR_TABLE (nth_indicator_table (fixture.district, 1));

  qs_print_options_init (&options);
  options.scope = QS_PRINT_SCOPE_TABLE;
  options.table = G_OBJECT (second);
  g_assert_true (qs_print_write_pdf (fixture.district, NULL, &options, path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, qs_indicator_table_get_caption (second)));
  g_assert_null (strstr (text, qs_indicator_table_get_caption (first)));

  fixture_tear_down (&fixture);
}

static void
test_status_column (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  QsPrintOptions options;

  if (!fixture_set_up (&fixture, TRUE))
    return;
  path = g_build_filename (fixture.dir, "check.pdf", NULL);

  qs_print_options_init (&options);
  options.scope = QS_PRINT_SCOPE_INDICATOR_TABLES;
  g_assert_true (qs_print_write_pdf (fixture.district, fixture.workspace, &options, path, &error));
  g_assert_no_error (error);
  plain = run_tool ("pdftotext", path);
  g_assert_null (strstr (plain, "弱于基准"));

  options.status_column = TRUE;
  g_assert_true (qs_print_write_pdf (fixture.district, fixture.workspace, &options, path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path);
  /* The header, and the verdict on 森林覆盖率 (its target is below its
   * baseline, see test-gui-check). */
  g_assert_nonnull (strstr (text, "检查"));
  g_assert_nonnull (strstr (text, "弱于基准"));

  fixture_tear_down (&fixture);
}

static void
test_operation_export (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPaginator) paginator = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;
  QsPrintOptions options;
  guint expected;

  if (!fixture_set_up (&fixture, FALSE))
    return;
  path = g_build_filename (fixture.dir, "operation.pdf", NULL);

  qs_print_options_init (&options);
  options.scope = QS_PRINT_SCOPE_INDICATOR_TABLES;
  result = qs_print_run (NULL, fixture.district, NULL, &options, GTK_PRINT_OPERATION_ACTION_EXPORT,
                         path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* As many pages as the paginator lays out on A4. */
  paginator = qs_print_create_paginator (fixture.district, NULL, &options, &error);
  g_assert_no_error (error);
  expected = qs_paginator_paginate (paginator, NULL, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT);
  g_assert_cmpuint (pdf_pages (path), ==, expected);
  fonts = pdf_fonts (path);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, qs_indicator_table_get_caption (QS_INDICATOR_TABLE (
                                    nth_indicator_table (fixture.district, 0)))));

  fixture_tear_down (&fixture);
}

static AdwComboRow *
find_combo_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *row;

      if (ADW_IS_COMBO_ROW (child))
        return ADW_COMBO_ROW (child);
      row = find_combo_row (child);
      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
fonts_have (const char *fonts,
            const char *name)
{
  return strstr (fonts, name) != NULL;
}

static void
test_preferences_font (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = qs_ui_settings_new ();
  g_autofree char *path = NULL;
  g_autofree char *serif = NULL;
  g_autofree char *sans = NULL;
  g_autofree char *family = NULL;
  QsPreferencesWindow *window;
  AdwComboRow *row;
  GListModel *model;
  QsPrintOptions options;
  guint sans_index = G_MAXUINT;

  g_assert_nonnull (settings);
  if (!fixture_set_up (&fixture, FALSE))
    return;
  path = g_build_filename (fixture.dir, "font.pdf", NULL);
  qs_print_options_init (&options);
  options.scope = QS_PRINT_SCOPE_INDICATOR_TABLES;

  /* The default: Noto Serif CJK SC for the body. */
  g_settings_reset (settings, "print-font-family");
  g_assert_true (qs_print_write_pdf (fixture.district, NULL, &options, path, &error));
  g_assert_no_error (error);
  serif = pdf_fonts (path);
  if (!fonts_have (serif, "NotoSerifCJKsc-Regular"))
    {
      g_test_skip ("Noto Serif CJK SC is not installed (fonts-noto-cjk)");
      fixture_tear_down (&fixture);
      return;
    }

  /* Chosen in the preferences window, as a user does. */
  window = qs_preferences_window_new (NULL, settings, NULL);
  row = find_combo_row (GTK_WIDGET (window));
  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Noto Sans CJK SC") == 0)
      sans_index = i;
  g_assert_cmpuint (sans_index, !=, G_MAXUINT);
  /* Serif faces come first. */
  g_assert_cmpuint (sans_index, >, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (row)),
                   ==, "Noto Serif CJK SC");
  adw_combo_row_set_selected (row, sans_index);
  family = g_settings_get_string (settings, "print-font-family");
  g_assert_cmpstr (family, ==, "Noto Sans CJK SC");
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (qs_print_write_pdf (fixture.district, NULL, &options, path, &error));
  g_assert_no_error (error);
  sans = pdf_fonts (path);
  g_assert_true (fonts_have (sans, "NotoSansCJKsc-Regular"));
  g_assert_false (fonts_have (sans, "NotoSerifCJKsc-Regular"));

  g_settings_reset (settings, "print-font-family");
  fixture_tear_down (&fixture);
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

  g_test_add_func ("/print/write-pdf", test_write_pdf);
  g_test_add_func ("/print/one-table", test_one_table);
  g_test_add_func ("/print/status-column", test_status_column);
  g_test_add_func ("/print/operation-export", test_operation_export);
  g_test_add_func ("/print/preferences-font", test_preferences_font);

  return g_test_run ();
}
