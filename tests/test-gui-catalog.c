/* test-gui-catalog.c: the indicator catalog window (ui/qs-catalog-window.c),
 * driven through its widgets, with the user's additions stored in a
 * temporary workspace and read back through a second connection.
 */
#define G_LOG_DOMAIN "test-gui-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "qs-catalog.h"
#include "qs-catalog-window.h"
#include "qs-ui.h"

#include "gui-test-fixture.h"

typedef struct
{
  Fixture    base;
  GtkWidget *window;
  guint      changes;
} CatalogFixture;

static void
catalog_changed_cb (QsCatalogWindow *window,
                    CatalogFixture  *fixture)
{
  fixture->changes++;
}

static void
catalog_set_up (CatalogFixture *fixture,
                gconstpointer   data)
{
  fixture_set_up (&fixture->base, GINT_TO_POINTER (FALSE));
  fixture->window = qs_catalog_window_new (NULL, fixture->base.workspace);
  g_object_ref (fixture->window);
  g_signal_connect (fixture->window, "catalog-changed", G_CALLBACK (catalog_changed_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  run_pending ();
}

static void
catalog_tear_down (CatalogFixture *fixture,
                   gconstpointer   data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  run_pending ();
  g_assert_finalize_object (fixture->window);
  fixture_tear_down (&fixture->base, NULL);
}

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

static GtkSelectionModel *
view_model (CatalogFixture *fixture)
{
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (get_named (fixture->window, "catalog-view")));
}

static void
search (CatalogFixture *fixture,
        const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "catalog-search")), text);
  /* search-changed is delayed; emit it now rather than wait. */
  g_signal_emit_by_name (get_named (fixture->window, "catalog-search"), "search-changed");
  run_pending ();
}

/* The position of entry @id among the rows shown, or -1. */
static int
shown_position (CatalogFixture *fixture,
                const char     *id)
{
  GListModel *model = G_LIST_MODEL (view_model (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (qs_catalog_entry_get_id (entry), id) == 0)
        return (int) i;
    }
  return -1;
}

static void
select_entry (CatalogFixture *fixture,
              const char     *id)
{
  int position = shown_position (fixture, id);

  g_assert_cmpint (position, >=, 0);
  gtk_selection_model_select_item (view_model (fixture), (guint) position, TRUE);
  run_pending ();
}

static gboolean
error_shown (CatalogFixture *fixture)
{
  GtkWidget *label = get_named (fixture->window, "catalog-error");
  GtkWidget *revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer))
         && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

/* The catalog as another process sees it: a second connection. */
static QsCatalog *
reload_catalog (CatalogFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) other = qs_workspace_open (fixture->base.path, FALSE, &error);
  QsCatalog *catalog;

  g_assert_no_error (error);
  catalog = qs_workspace_load_catalog (other, &error);
  g_assert_no_error (error);
  return catalog;
}

static void
test_search (CatalogFixture *fixture,
             gconstpointer   data)
{
  guint all = g_list_model_get_n_items (G_LIST_MODEL (view_model (fixture)));
  g_autoptr(QsCatalogEntry) first = NULL;

  g_assert_cmpuint (all, >, 40);

  /* A built-in alias finds its entry. */
  search (fixture, "活立木");
  g_assert_cmpint (shown_position (fixture, "forest_stock"), >=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view_model (fixture))), <, all);

  /* A name as a plan writes it, unit bracket and all. */
  search (fixture, "森林覆盖率（%）");
  g_assert_cmpint (shown_position (fixture, "forest_coverage"), >=, 0);

  /* The field filter. */
  search (fixture, "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_named (fixture->window, "field-filter")), 3);
  run_pending ();
  g_assert_cmpint (shown_position (fixture, "forest_coverage"), >=, 0);
  g_assert_cmpint (shown_position (fixture, "pm25_concentration"), <, 0);
  first = g_list_model_get_item (G_LIST_MODEL (view_model (fixture)), 0);
  g_assert_cmpstr (qs_catalog_entry_get_field (first), ==, "生态保护");
}

static void
test_add_alias (CatalogFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(QsCatalog) stored = NULL;
  QsCatalogEntry *entry;

  search (fixture, "森林覆盖率");
  select_entry (fixture, "forest_coverage");
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "alias-entry")), "林木覆盖率");
  gtk_widget_activate_action (fixture->window, "catalog.add-alias", NULL);
  run_pending ();
  g_assert_false (error_shown (fixture));
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture->window, "alias-entry"))), ==, "");

  /* The window's catalog and a fresh connection's both have it. */
  entry = qs_catalog_lookup_name (qs_catalog_window_get_catalog (QS_CATALOG_WINDOW (fixture->window)),
                                  "林木覆盖率");
  g_assert_nonnull (entry);
  g_assert_cmpstr (qs_catalog_entry_get_id (entry), ==, "forest_coverage");
  stored = reload_catalog (fixture);
  entry = qs_catalog_lookup_name (stored, "林木覆盖率");
  g_assert_nonnull (entry);
  g_assert_cmpstr (qs_catalog_entry_get_id (entry), ==, "forest_coverage");

  /* Search finds 森林覆盖率 by the new alias; it is marked as the user's. */
  search (fixture, "林木覆盖");
  g_assert_cmpint (shown_position (fixture, "forest_coverage"), ==, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (fixture->window, "mine-check")), TRUE);
  search (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view_model (fixture))), ==, 1);

  /* An alias of another indicator is refused inline, and nothing is stored. */
  search (fixture, "");
  select_entry (fixture, "forest_coverage");
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "alias-entry")), "森林蓄积量");
  gtk_widget_activate_action (fixture->window, "catalog.add-alias", NULL);
  run_pending ();
  g_assert_true (error_shown (fixture));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (get_named (fixture->window, "catalog-error"))),
                            "forest_stock"));
  g_assert_cmpuint (fixture->changes, ==, 1);

  /* Removing the extension takes the alias away again. */
  gtk_widget_activate_action (fixture->window, "catalog.remove", NULL);
  run_pending ();
  g_assert_cmpuint (fixture->changes, ==, 2);
  g_clear_object (&stored);
  stored = reload_catalog (fixture);
  g_assert_null (qs_catalog_lookup_name (stored, "林木覆盖率"));
  g_assert_nonnull (qs_catalog_lookup_id (stored, "forest_coverage"));
}

static void
fill_new_entry (CatalogFixture *fixture,
                const char     *name,
                const char     *id)
{
  gtk_widget_activate_action (fixture->window, "catalog.new-entry", NULL);
  run_pending ();
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "new-name-row")), name);
  if (id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "new-id-row")), id);
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "new-unit-row")), "%");
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (fixture->window, "new-field-row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (fixture->window, "new-attribute-row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "new-aliases-row")),
                         "测试指标乙、测试指标丙");
  run_pending ();
}

static void
test_new_entry (CatalogFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(QsCatalog) stored = NULL;
  QsCatalogEntry *entry;
  const char *id;

  fill_new_entry (fixture, "测试指标甲", NULL);
  /* An id is generated from the name. */
  id = gtk_editable_get_text (GTK_EDITABLE (get_named (fixture->window, "new-id-row")));
  g_assert_cmpstr (id, !=, "");
  gtk_widget_activate_action (fixture->window, "catalog.create-entry", NULL);
  run_pending ();
  g_assert_false (gtk_widget_get_visible (get_named (fixture->window, "new-error")));
  g_assert_cmpuint (fixture->changes, ==, 1);

  stored = reload_catalog (fixture);
  entry = qs_catalog_lookup_name (stored, "测试指标丙");
  g_assert_nonnull (entry);
  g_assert_cmpstr (qs_catalog_entry_get_name (entry), ==, "测试指标甲");
  g_assert_cmpstr (qs_catalog_entry_get_unit (entry), ==, "%");
  g_assert_cmpstr (qs_catalog_entry_get_field (entry), ==, "生态保护");
  g_assert_true (qs_catalog_entry_get_binding (entry));
  g_assert_cmpint (qs_catalog_entry_get_better (entry), ==, QS_BETTER_HIGHER);

  /* Shown and selected; removing it removes it from the workspace. */
  g_assert_nonnull (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (view_model (fixture))));
  g_assert_true (gtk_widget_get_sensitive (get_named (fixture->window, "remove-button")));
  gtk_widget_activate_action (fixture->window, "catalog.remove", NULL);
  run_pending ();
  g_assert_false (error_shown (fixture));
  g_assert_cmpuint (fixture->changes, ==, 2);
  g_clear_object (&stored);
  stored = reload_catalog (fixture);
  g_assert_null (qs_catalog_lookup_name (stored, "测试指标甲"));

  /* A built-in entry cannot be removed: the action is off. */
  select_entry (fixture, "forest_coverage");
  g_assert_false (gtk_widget_get_sensitive (get_named (fixture->window, "remove-button")));
  gtk_widget_activate_action (fixture->window, "catalog.remove", NULL);
  run_pending ();
  g_assert_nonnull (qs_catalog_lookup_id (qs_catalog_window_get_catalog (QS_CATALOG_WINDOW (fixture->window)),
                                          "forest_coverage"));
  g_assert_cmpuint (fixture->changes, ==, 2);
}

static void
test_invalid_entry (CatalogFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *extensions = NULL;
  GtkWidget *message;

  /* Not an id. */
  fill_new_entry (fixture, "测试指标丁", "Bad ID");
  gtk_widget_activate_action (fixture->window, "catalog.create-entry", NULL);
  run_pending ();
  message = get_named (fixture->window, "new-error");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Bad ID"));

  /* A taken id. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "new-id-row")), "forest_coverage");
  gtk_widget_activate_action (fixture->window, "catalog.create-entry", NULL);
  run_pending ();
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "forest_coverage"));

  /* A name the catalog knows. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "new-name-row")), "森林覆盖率（%）");
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture->window, "new-id-row")), "forest_cover_again");
  gtk_widget_activate_action (fixture->window, "catalog.create-entry", NULL);
  run_pending ();
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "forest_coverage"));

  g_assert_cmpuint (fixture->changes, ==, 0);
  extensions = qs_workspace_get_catalog_extensions (fixture->base.workspace, &error);
  g_assert_no_error (error);
  g_assert_null (extensions);
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

  g_test_add ("/catalog/search", CatalogFixture, NULL, catalog_set_up, test_search,
              catalog_tear_down);
  g_test_add ("/catalog/add-alias", CatalogFixture, NULL, catalog_set_up, test_add_alias,
              catalog_tear_down);
  g_test_add ("/catalog/new-entry", CatalogFixture, NULL, catalog_set_up, test_new_entry,
              catalog_tear_down);
  g_test_add ("/catalog/invalid-entry", CatalogFixture, NULL, catalog_set_up, test_invalid_entry,
              catalog_tear_down);

  return g_test_run ();
}
