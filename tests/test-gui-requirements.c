/* test-gui-requirements.c: the editor of a municipal plan's requirements on
 * its districts (ui/qs-requirements-editor.c), driven through its widgets.
 *
 * Uses the sample municipal plan of resources/samples (QS_SOURCE_DIR),
 * which carries the groupings of its 专栏3–专栏5; skips without it.
 */
#define G_LOG_DOMAIN "test-gui-requirements"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "qs-catalog.h"
#include "qs-requirement.h"
#include "qs-requirements-editor.h"
#include "qs-ui.h"

#include "gui-test-fixture.h"

typedef struct
{
  guint   count;
  char   *label;
  GBytes *before;
} Changes;

static void
plan_changed_cb (QsRequirementsEditor *editor,
                 const char           *label,
                 GBytes               *before,
                 Changes              *changes)
{
  changes->count++;
  g_free (changes->label);
  changes->label = g_strdup (label);
  g_clear_pointer (&changes->before, g_bytes_unref);
  changes->before = g_bytes_ref (before);
}

static void
changes_clear (Changes *changes)
{
  g_clear_pointer (&changes->label, g_free);
  g_clear_pointer (&changes->before, g_bytes_unref);
}

static QsPlan *
read_sample_municipal (void)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  QsPlan *plan;

  if (source == NULL)
    return NULL;
  path = g_build_filename (source, "resources", "samples", "municipal-2016-2020-004.qsplan", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  plan = qs_plan_xml_read_file (path, &error);
  g_assert_no_error (error);
  return plan;
}

/* Depth-first search for a widget by its name (gtk_widget_set_name). */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_named (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

/* The first action row under @root titled @title. */
static AdwActionRow *
find_action_row (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_action_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  Fixture    base;
  QsPlan    *plan;
  QsCatalog *catalog;
  GtkWidget *editor;
  Changes    changes;
} EditorFixture;

static void
editor_set_up (EditorFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fixture->base, GINT_TO_POINTER (TRUE));
  fixture->plan = read_sample_municipal ();
  if (fixture->plan == NULL)
    return;
  fixture->catalog = qs_catalog_new_default (&error);
  g_assert_no_error (error);
  fixture->editor = qs_requirements_editor_new (NULL, fixture->plan, fixture->base.workspace,
                                                fixture->catalog);
  g_object_ref (fixture->editor);
  g_signal_connect (fixture->editor, "plan-changed", G_CALLBACK (plan_changed_cb),
                    &fixture->changes);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  run_pending ();
}

static void
editor_tear_down (EditorFixture *fixture,
                  gconstpointer  data)
{
  if (fixture->editor != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->editor));
      run_pending ();
      g_assert_finalize_object (fixture->editor);
    }
  if (fixture->plan != NULL)
    g_assert_finalize_object (fixture->plan);
  if (fixture->catalog != NULL)
    g_assert_finalize_object (fixture->catalog);
  changes_clear (&fixture->changes);
  fixture_tear_down (&fixture->base, NULL);
}

static QsRequirement *
requirement_by_id (QsPlan     *plan,
                   const char *id)
{
  GListModel *list = G_LIST_MODEL (qs_plan_get_requirements (plan));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);

      if (g_strcmp0 (qs_requirement_get_id (r), id) == 0)
        return r;  /* the store keeps it alive */
    }
  return NULL;
}

static guint
requirement_index (QsPlan        *plan,
                   QsRequirement *r)
{
  guint position = G_MAXUINT;

  g_assert_true (g_list_store_find (qs_plan_get_requirements (plan), r, &position));
  return position;
}

static guint
n_requirements (QsPlan *plan)
{
  return g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_requirements (plan)));
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_named (root, name)), text);
  run_pending ();
}

/* Chooses an indicator as a user does: types in the popover's search field
 * and presses Enter. */
static void
choose_indicator (GtkWidget  *editor,
                  const char *search)
{
  GtkWidget *entry = get_named (editor, "indicator-search");

  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_signal_emit_by_name (entry, "activate");
  run_pending ();
}

static void
test_list (EditorFixture *fixture,
           gconstpointer  data)
{
  GtkWidget *row;
  AdwActionRow *districts;
  QsRequirement *r;

  if (fixture->plan == NULL)
    {
      g_test_skip ("The sample municipal plan is missing (QS_SOURCE_DIR)");
      return;
    }
  r = requirement_by_id (fixture->plan, "zl3-pm25-urban");
  g_assert_nonnull (r);

  /* The PM2.5 requirement of 专栏3 on 主城九区及两江新区, in its indicator's group. */
  row = get_named (fixture->editor, "requirement:zl3-pm25-urban");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "下降20%以上"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "2015"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "主城九区及两江新区"));

  districts = find_action_row (row, "主城九区及两江新区");
  g_assert_nonnull (districts);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (districts), "渝中区、大渡口区、江北区"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (districts), "两江新区"));
  districts = find_action_row (row, "Source");
  g_assert_nonnull (districts);
  g_assert_cmpstr (adw_action_row_get_subtitle (districts), ==, "专栏3");

  /* Every requirement of the sample has its row. */
  for (guint i = 0; i < n_requirements (fixture->plan); i++)
    {
      g_autoptr(QsRequirement) each = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_requirements (fixture->plan)), i);
      g_autofree char *name = g_strdup_printf ("requirement:%s", qs_requirement_get_id (each));

      g_assert_nonnull (find_named (fixture->editor, name));
    }
  g_assert_cmpuint (fixture->changes.count, ==, 0);
}

static void
test_add (EditorFixture *fixture,
          gconstpointer  data)
{
  GtkWidget *editor = fixture->editor;
  guint before = 0;
  g_autoptr(QsRequirement) added = NULL;
  g_autoptr(QsPlan) old = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture->plan == NULL)
    {
      g_test_skip ("The sample municipal plan is missing (QS_SOURCE_DIR)");
      return;
    }
  before = n_requirements (fixture->plan);

  gtk_widget_activate_action (editor, "requirements.add", NULL);
  run_pending ();
  choose_indicator (editor, "森林覆盖");
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (editor, "kind-row")), 0);
  set_text (editor, "figure-row", "≥45");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_named (editor, "reading-row"))),
                            "45"));
  g_assert_false (gtk_widget_has_css_class (get_named (editor, "reading-row"), "error"));
  set_text (editor, "source-row", "测试来源");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (editor, "district:大渡口区")), TRUE);
  run_pending ();

  gtk_widget_activate_action (editor, "requirements.apply", NULL);
  run_pending ();

  g_assert_cmpuint (n_requirements (fixture->plan), ==, before + 1);
  g_assert_cmpuint (fixture->changes.count, ==, 1);
  g_assert_nonnull (fixture->changes.before);
  added = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_requirements (fixture->plan)), before);
  g_assert_cmpstr (qs_requirement_get_indicator_id (added), ==, "forest_coverage");
  g_assert_cmpint (qs_requirement_get_kind (added), ==, QS_REQUIREMENT_ABSOLUTE_BOUND);
  g_assert_cmpstr (qs_requirement_get_figure (added), ==, "≥45");
  g_assert_cmpstr (qs_requirement_get_source (added), ==, "测试来源");
  g_assert_null (qs_requirement_get_group (added));
  g_assert_true (qs_requirement_applies_to (added, "大渡口区"));
  g_assert_false (qs_requirement_applies_to (added, "江津区"));
  g_assert_cmpint (qs_requirement_get_year (added), ==, 2020);
  g_assert_cmpint (qs_requirement_get_base_year (added), ==, 0);
  g_assert_nonnull (qs_requirement_get_id (added));

  /* The snapshot is the plan before the edit; the list shows the new row. */
  old = qs_plan_xml_read_data (g_bytes_get_data (fixture->changes.before, NULL),
                               g_bytes_get_size (fixture->changes.before), "before", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_requirements (old), ==, before);
  /* Back on the list. */
  g_assert_false (gtk_widget_get_visible (get_named (editor, "apply-button")));
  g_assert_true (gtk_widget_get_visible (get_named (editor, "add-button")));
  {
    g_autofree char *name = g_strdup_printf ("requirement:%s", qs_requirement_get_id (added));

    g_assert_nonnull (find_named (editor, name));
  }
}

static void
test_invalid_figure (EditorFixture *fixture,
                     gconstpointer  data)
{
  GtkWidget *editor = fixture->editor;
  g_autoptr(GBytes) was = NULL;
  g_autoptr(GBytes) is = NULL;
  GtkWidget *reading;
  GtkWidget *error_label;

  if (fixture->plan == NULL)
    {
      g_test_skip ("The sample municipal plan is missing (QS_SOURCE_DIR)");
      return;
    }
  {
    gsize length;
    char *data_was = qs_plan_xml_write_data (fixture->plan, &length);

    was = g_bytes_new_take (data_was, length);
  }

  gtk_widget_activate_action (editor, "requirements.add", NULL);
  run_pending ();
  choose_indicator (editor, "PM2.5");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (editor, "district:江津区")), TRUE);
  set_text (editor, "figure-row", "abc≤");

  reading = get_named (editor, "reading-row");
  g_assert_true (gtk_widget_has_css_class (reading, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (reading)), "abc≤"));

  gtk_widget_activate_action (editor, "requirements.apply", NULL);
  run_pending ();
  /* The form stays, with the error above it. */
  error_label = get_named (editor, "form-error");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (error_label, GTK_TYPE_REVEALER))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (reading, GTK_TYPE_STACK))),
                   ==, "form");
  g_assert_cmpuint (fixture->changes.count, ==, 0);

  /* A figure that reads, but is no change, for a change requirement. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (editor, "kind-row")), 1);
  set_text (editor, "figure-row", "≤35");
  g_assert_true (gtk_widget_has_css_class (reading, "error"));
  gtk_widget_activate_action (editor, "requirements.apply", NULL);
  run_pending ();
  g_assert_cmpuint (fixture->changes.count, ==, 0);

  {
    gsize length;
    char *data_is = qs_plan_xml_write_data (fixture->plan, &length);

    is = g_bytes_new_take (data_is, length);
  }
  g_assert_true (g_bytes_equal (was, is));

  /* Fixed, it applies. */
  set_text (editor, "figure-row", "下降15%");
  g_assert_false (gtk_widget_has_css_class (reading, "error"));
  gtk_widget_activate_action (editor, "requirements.apply", NULL);
  run_pending ();
  g_assert_cmpuint (fixture->changes.count, ==, 1);
}

static void
test_edit_group (EditorFixture *fixture,
                 gconstpointer  data)
{
  GtkWidget *editor = fixture->editor;
  QsRequirement *r;
  QsDistrictGroup *group;
  GListModel *list;
  guint sharing = 0;

  if (fixture->plan == NULL)
    {
      g_test_skip ("The sample municipal plan is missing (QS_SOURCE_DIR)");
      return;
    }
  list = G_LIST_MODEL (qs_plan_get_requirements (fixture->plan));
  r = requirement_by_id (fixture->plan, "zl3-pm25-urban");
  g_assert_nonnull (r);
  group = qs_requirement_get_group (r);
  g_assert_nonnull (group);
  g_assert_false (qs_district_group_contains (group, "万州区"));

  gtk_widget_activate_action (editor, "requirements.edit", "u",
                              requirement_index (fixture->plan, r));
  run_pending ();
  gtk_widget_activate_action (editor, "requirements.edit-group", NULL);
  run_pending ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (editor, "group-name-row"))), ==,
                   "主城九区及两江新区");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (get_named (editor, "group-district:大渡口区"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (editor, "group-district:万州区")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (editor, "group-district:渝中区")), FALSE);
  gtk_widget_activate_action (editor, "requirements.apply", NULL);
  run_pending ();

  g_assert_cmpuint (fixture->changes.count, ==, 1);
  g_assert_true (qs_district_group_contains (group, "万州区"));
  g_assert_false (qs_district_group_contains (group, "渝中区"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QsRequirement) each = g_list_model_get_item (list, i);

      if (qs_requirement_get_group (each) == group)
        {
          sharing++;
          g_assert_true (qs_requirement_applies_to (each, "万州区"));
          g_assert_false (qs_requirement_applies_to (each, "渝中区"));
        }
    }
  g_assert_cmpuint (sharing, >=, 1);

  /* Back in the requirement's form, which still names the group; the list
   * shows the new districts. */
  gtk_widget_activate_action (editor, "requirements.back", NULL);
  run_pending ();
  {
    GtkWidget *row = get_named (editor, "requirement:zl3-pm25-urban");
    AdwActionRow *districts = find_action_row (row, "主城九区及两江新区");

    g_assert_nonnull (districts);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (districts), "万州区"));
    g_assert_null (strstr (adw_action_row_get_subtitle (districts), "渝中区"));
  }
}

static void
test_delete (EditorFixture *fixture,
             gconstpointer  data)
{
  QsRequirement *r;
  guint before;

  if (fixture->plan == NULL)
    {
      g_test_skip ("The sample municipal plan is missing (QS_SOURCE_DIR)");
      return;
    }
  before = n_requirements (fixture->plan);
  r = requirement_by_id (fixture->plan, "zl3-pm25-urban");
  gtk_widget_activate_action (fixture->editor, "requirements.delete", "u",
                              requirement_index (fixture->plan, r));
  run_pending ();
  g_assert_cmpuint (n_requirements (fixture->plan), ==, before - 1);
  g_assert_null (requirement_by_id (fixture->plan, "zl3-pm25-urban"));
  g_assert_null (find_named (fixture->editor, "requirement:zl3-pm25-urban"));
  g_assert_cmpuint (fixture->changes.count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  adw_init ();
  qs_ui_init ();

  g_test_add ("/requirements/list", EditorFixture, NULL, editor_set_up, test_list, editor_tear_down);
  g_test_add ("/requirements/add", EditorFixture, NULL, editor_set_up, test_add, editor_tear_down);
  g_test_add ("/requirements/invalid-figure", EditorFixture, NULL, editor_set_up,
              test_invalid_figure, editor_tear_down);
  g_test_add ("/requirements/edit-group", EditorFixture, NULL, editor_set_up, test_edit_group,
              editor_tear_down);
  g_test_add ("/requirements/delete", EditorFixture, NULL, editor_set_up, test_delete,
              editor_tear_down);

  return g_test_run ();
}
