/* test-gui-check.c: the workbench's check of an open district plan against
 * the municipal plan found in the workspace (ui/qs-plan-check.c).
 *
 * Uses the sample plans of resources/samples (QS_SOURCE_DIR): 大渡口区
 * 2021–2025 and the municipal plan of 2016–2020, in a temporary workspace.
 */
#define G_LOG_DOMAIN "test-gui-check"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qs-model.h"
#include "qs-plan-check.h"

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
fixture_set_up (Fixture  *fixture,
                gboolean  with_municipal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->district = read_sample ("district-2021-2025-000.qsplan");
  if (fixture->district == NULL)
    return FALSE;

  fixture->dir = g_dir_make_tmp ("qs-test-check-XXXXXX", &error);
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
  g_autofree char *path = g_build_filename (fixture->dir, "workspace.qsdb", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->workspace);
  g_clear_object (&fixture->district);
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

static void
test_forest_weaker (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(QsCheck) again = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  QsCheckFinding *finding;
  QsIndicatorRow *row;
  gboolean has_municipal = FALSE;
  const char *target;
  guint column = G_MAXUINT;

  if (!fixture_set_up (&fixture, TRUE))
    {
      g_test_skip ("The sample plans (resources/samples) are absent");
      return;
    }

  municipal = qs_plan_check_find_municipal (fixture.district, fixture.workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (municipal);
  g_assert_cmpint (qs_plan_get_level (municipal), ==, QS_PLAN_LEVEL_MUNICIPAL);
  g_assert_cmpint (qs_plan_get_end_year (municipal), ==, 2020);

  check = qs_plan_check_run (fixture.district, fixture.workspace, &has_municipal, &error);
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

  again = qs_plan_check_run (fixture.district, fixture.workspace, NULL, &error);
  g_assert_no_error (error);
  finding = find_finding (again, "森林覆盖率");
  g_assert_nonnull (finding);
  g_assert_cmpint (qs_check_finding_get_status (finding), ==, QS_CHECK_MEETS);

  fixture_tear_down (&fixture);
}

static void
test_no_municipal (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  gboolean has_municipal = TRUE;

  if (!fixture_set_up (&fixture, FALSE))
    {
      g_test_skip ("The sample plans (resources/samples) are absent");
      return;
    }

  municipal = qs_plan_check_find_municipal (fixture.district, fixture.workspace, &error);
  g_assert_no_error (error);
  g_assert_null (municipal);

  /* Without a municipal plan the baselines are still checked. */
  check = qs_plan_check_run (fixture.district, fixture.workspace, &has_municipal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_false (has_municipal);
  g_assert_nonnull (find_finding (check, "森林覆盖率"));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/forest-weaker-than-baseline", test_forest_weaker);
  g_test_add_func ("/check/no-municipal", test_no_municipal);

  return g_test_run ();
}
