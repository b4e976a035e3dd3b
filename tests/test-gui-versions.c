/* test-gui-versions.c: the versions window (what changed between two saved
 * versions of a plan, restoring one) and the review notes panel.
 *
 * The plans are built in code in a temporary workspace (gui-test-fixture.c).
 */
#define G_LOG_DOMAIN "test-gui-versions"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qs-notes-panel.h"
#include "qs-plan-diff.h"
#include "qs-review-note.h"
#include "qs-ui.h"
#include "qs-versions-window.h"

#include "gui-test-fixture.h"

static QsIndicatorTable *
first_table (QsPlan *plan)
{
  g_autoptr(GPtrArray) tables = qs_review_note_collect_tables (plan);

  g_assert_cmpuint (tables->len, >, 0);
  g_assert_true (QS_IS_INDICATOR_TABLE (g_ptr_array_index (tables, 0)));
  return g_ptr_array_index (tables, 0);   /* the plan keeps it */
}

static QsParagraph *
chapter_paragraph (QsPlan *plan)
{
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);
  g_autoptr(QsParagraph) paragraph = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (chapter)), 0);

  g_assert_true (QS_IS_PARAGRAPH (paragraph));
  return paragraph;   /* the section keeps it */
}

/* Version 1 by 甲 as built; version 2 by 乙 with 森林覆盖率's target and the
 * chapter's paragraph changed. */
static gint64
add_two_versions (Fixture *fixture)
{
  g_autoptr(QsPlan) plan = build_plan ("大渡口区生态环境保护“十四五”规划", "大渡口区",
                                       QS_PLAN_LEVEL_DISTRICT, 2021);
  g_autoptr(GError) error = NULL;
  gint64 id;

  qs_workspace_set_author (fixture->workspace, "审阅员甲");
  id = qs_workspace_add_plan (fixture->workspace, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  qs_indicator_table_set_cell (first_table (plan), 0, 4, "≥36");
  qs_paragraph_set_text (chapter_paragraph (plan), "测试段落甲。新增的一句。");
  qs_workspace_set_author (fixture->workspace, "审阅员乙");
  g_assert_true (qs_workspace_save_plan (fixture->workspace, id, plan, &error));
  g_assert_no_error (error);
  return id;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

/* The label shown with exactly @text (or NULL). */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* The label whose markup holds @needle (or NULL). */
static GtkLabel *
find_label_markup (GtkWidget  *root,
                   const char *needle)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), needle) != NULL)
      return g_ptr_array_index (labels, i);
  return NULL;
}

static const QsPlanChange *
find_change (QsPlanDiff       *diff,
             QsPlanChangeKind  kind)
{
  for (guint i = 0; i < qs_plan_diff_get_n_changes (diff); i++)
    if (qs_plan_diff_get_change (diff, i)->kind == kind)
      return qs_plan_diff_get_change (diff, i);
  return NULL;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
restored_cb (QsVersionsWindow *window,
             gint64            plan_id,
             int               version,
             int              *restored)
{
  *restored = version;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_versions_window (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = add_two_versions (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *hour_minute = NULL;
  g_autoptr(QsPlan) version1 = NULL;
  g_autoptr(QsPlan) stored = NULL;
  const QsPlanVersion *v;
  const QsPlanChange *change;
  QsVersionsWindow *window;
  QsPlanDiff *diff;
  GtkLabel *label;
  AdwMessageDialog *dialog;
  gboolean found_author = FALSE;
  int restored = 0;

  window = QS_VERSIONS_WINDOW (qs_versions_window_new (NULL, fixture->workspace, id));
  g_object_ref (window);
  g_signal_connect (window, "plan-restored", G_CALLBACK (restored_cb), &restored);
  gtk_window_present (GTK_WINDOW (window));
  run_pending ();

  /* Both saves are listed, oldest first, with who and when. */
  g_assert_cmpuint (qs_versions_window_get_n_versions (window), ==, 2);
  v = qs_versions_window_get_version (window, 0);
  g_assert_cmpint (v->version, ==, 1);
  g_assert_cmpstr (v->author, ==, "审阅员甲");
  v = qs_versions_window_get_version (window, 1);
  g_assert_cmpint (v->version, ==, 2);
  g_assert_cmpstr (v->author, ==, "审阅员乙");

  /* The list shows the author and the local time of each version. */
  utc = g_date_time_new_from_iso8601 (v->saved_at, NULL);
  g_assert_nonnull (utc);
  local = g_date_time_to_local (utc);
  hour_minute = g_date_time_format (local, "%H:%M");
  collect_widgets (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));

      if (strstr (subtitle, "审阅员乙") != NULL)
        {
          g_assert_nonnull (strstr (subtitle, hour_minute));
          found_author = TRUE;
        }
      else
        g_assert_nonnull (strstr (subtitle, "审阅员甲"));
    }
  g_assert_true (found_author);

  /* It opens on the latest version against the one before. */
  g_assert_cmpint (qs_versions_window_get_selected_version (window), ==, 2);
  g_assert_cmpint (qs_versions_window_get_old_version (window), ==, 1);
  g_assert_cmpint (qs_versions_window_get_new_version (window), ==, 2);
  diff = qs_versions_window_get_diff (window);
  g_assert_nonnull (diff);

  change = find_change (diff, QS_PLAN_CHANGE_CELL_CHANGED);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->old_text, ==, "≥35");
  g_assert_cmpstr (change->new_text, ==, "≥36");
  label = find_label (GTK_WIDGET (window), "≥35");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "diff-deleted"));
  label = find_label (GTK_WIDGET (window), "≥36");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "diff-inserted"));

  /* The paragraph's inserted sentence is marked up as inserted, the text
   * around it as it was. */
  g_assert_nonnull (find_change (diff, QS_PLAN_CHANGE_PARAGRAPH_CHANGED));
  label = find_label_markup (GTK_WIDGET (window), "新增的一句。");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (label), "underline=\"single\">新增的一句。</span>"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "测试段落甲。"));

  /* The latest version cannot be restored over itself. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_label (GTK_WIDGET (window),
                                                                     "Restore This Version…"))));

  /* Comparing a version with itself shows no diff; any pair can be chosen. */
  g_assert_true (qs_versions_window_compare (window, 1, 2));
  g_assert_false (qs_versions_window_compare (window, 1, 9));
  g_assert_true (qs_versions_window_compare (window, 2, 1));
  run_pending ();
  g_assert_cmpint (qs_versions_window_get_selected_version (window), ==, 1);
  g_assert_cmpint (qs_versions_window_get_old_version (window), ==, 1);
  g_assert_cmpint (qs_versions_window_get_new_version (window), ==, 2);

  /* Restore version 1 the way the user does: the button asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "versions.restore", NULL));
  run_pending ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  run_pending ();
  g_assert_cmpint (restored, ==, 1);

  /* The stored plan is version 1 again, kept as a new version 3. */
  version1 = qs_workspace_load_version (fixture->workspace, id, 1, &error);
  g_assert_no_error (error);
  stored = qs_workspace_load_plan (fixture->workspace, id, &error);
  g_assert_no_error (error);
  {
    g_autofree char *where = NULL;

    if (!qs_plan_equal (stored, version1, &where))
      g_error ("the restored plan differs from version 1: %s", where);
  }
  g_assert_cmpuint (qs_versions_window_get_n_versions (window), ==, 3);
  g_assert_cmpint (qs_versions_window_get_selected_version (window), ==, 3);
  g_assert_cmpint (qs_versions_window_get_version (window, 2)->version, ==, 3);

  /* Version 3 against version 2 undoes the edit. */
  diff = qs_versions_window_get_diff (window);
  g_assert_nonnull (diff);
  change = find_change (diff, QS_PLAN_CHANGE_CELL_CHANGED);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->old_text, ==, "≥36");
  g_assert_cmpstr (change->new_text, ==, "≥35");

  /* The current version against the first: the same content. */
  g_assert_true (qs_versions_window_compare (window, 1, 3));
  g_assert_true (qs_plan_diff_is_empty (qs_versions_window_get_diff (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_finalize_object (window);
}

static void
test_versions_first (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 id = add_two_versions (fixture);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  QsVersionsWindow *window;
  GtkListBox *list;

  window = QS_VERSIONS_WINDOW (qs_versions_window_new (NULL, fixture->workspace, id));
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  run_pending ();

  /* Version 1, picked in the list, against "the one before": nothing to
   * compare with. */
  collect_widgets (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, lists);
  list = g_ptr_array_index (lists, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (list), "navigation-sidebar"));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpint (qs_versions_window_get_selected_version (window), ==, 1);
  g_assert_null (qs_versions_window_get_diff (window));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "First Version"));

  /* A version against itself. */
  g_assert_true (qs_versions_window_compare (window, 2, 2));
  g_assert_null (qs_versions_window_get_diff (window));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));

  /* Version 1 against the current one. */
  qs_versions_window_compare_with_current (window);
  g_assert_cmpint (qs_versions_window_get_old_version (window), ==, 1);
  g_assert_cmpint (qs_versions_window_get_new_version (window), ==, 2);
  g_assert_nonnull (find_change (qs_versions_window_get_diff (window),
                                 QS_PLAN_CHANGE_CELL_CHANGED));

  /* A save elsewhere is listed at once. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QsPlan) plan = qs_workspace_load_plan (fixture->workspace, id, &error);

    g_assert_no_error (error);
    qs_plan_set_title (plan, "大渡口区生态环境保护“十四五”规划（修订）");
    g_assert_true (qs_workspace_save_plan (fixture->workspace, id, plan, &error));
    g_assert_no_error (error);
  }
  run_pending ();
  g_assert_cmpuint (qs_versions_window_get_n_versions (window), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_finalize_object (window);
}

static GtkWidget *
find_by_class (GtkWidget  *root,
               GType       type,
               const char *css_class)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  collect_widgets (root, type, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (widgets, i), css_class))
      return g_ptr_array_index (widgets, i);
  return NULL;
}

static void
note_activated_cb (QsNotesPanel  *panel,
                   QsReviewNote  *note,
                   QsReviewNote **activated)
{
  *activated = note;
}

static void
test_notes_panel (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(QsPlan) plan = build_plan ("大渡口区生态环境保护“十四五”规划", "大渡口区",
                                       QS_PLAN_LEVEL_DISTRICT, 2021);
  GListModel *notes = G_LIST_MODEL (qs_plan_get_review_notes (plan));
  GtkWidget *window = gtk_window_new ();
  QsNotesPanel *panel = QS_NOTES_PANEL (qs_notes_panel_new ());
  QsReviewNote *activated = NULL;
  g_autofree char *target = NULL;
  QsReviewNote *note;
  QsReviewNote *second;
  GtkWidget *widget;
  guint changed = 0;

  g_object_ref (window);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  g_signal_connect (panel, "plan-changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (panel, "note-activated", G_CALLBACK (note_activated_cb), &activated);
  gtk_window_present (GTK_WINDOW (window));
  qs_notes_panel_set_plan (panel, plan);
  qs_notes_panel_set_author (panel, "审阅员丙");
  run_pending ();

  /* Without a target there is nothing to add a note to. */
  g_assert_null (qs_notes_panel_add_note (panel, "无对象"));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);

  /* A note on a cell (the editor's selection), then one on a whole row. */
  qs_notes_panel_set_target (panel, 0, 1, "2025年目标值", NULL);
  g_assert_null (qs_notes_panel_add_note (panel, "  \n"));
  note = qs_notes_panel_add_note (panel, "目标值待市里下达后补充。");
  g_assert_nonnull (note);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_true (g_list_model_get_item (notes, 0) == (gpointer) note);
  g_object_unref (note);
  g_assert_cmpint (qs_review_note_get_target (note), ==, QS_REVIEW_NOTE_TARGET_TABLE);
  g_assert_cmpint (qs_review_note_get_table_index (note), ==, 0);
  g_assert_cmpint (qs_review_note_get_row_index (note), ==, 1);
  g_assert_cmpstr (qs_review_note_get_column (note), ==, "2025年目标值");
  g_assert_cmpstr (qs_review_note_get_table_caption (note), ==, "表1 主要指标");
  g_assert_cmpstr (qs_review_note_get_author (note), ==, "审阅员丙");
  g_assert_cmpstr (qs_review_note_get_text (note), ==, "目标值待市里下达后补充。");
  target = qs_notes_panel_describe_target (plan, note);
  g_assert_true (g_str_has_prefix (target, "表1 "));
  g_assert_nonnull (strstr (target, "细颗粒物"));
  g_assert_true (g_str_has_suffix (target, " · 2025年目标值"));

  qs_notes_panel_set_target (panel, 0, 0, NULL, "表1 第1行 森林覆盖率");
  second = qs_notes_panel_add_note (panel, "请说明提高目标的依据。");
  g_assert_nonnull (second);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (qs_review_note_get_row_index (second), ==, 0);
  g_assert_null (qs_review_note_get_column (second));
  g_assert_cmpuint (qs_review_note_get_id (second), !=, qs_review_note_get_id (note));
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (qs_notes_panel_get_listed (panel)), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "请说明提高目标的依据。"));

  /* Activating a note's row asks to show its target. */
  widget = gtk_widget_get_ancestor (GTK_WIDGET (find_label (GTK_WIDGET (panel),
                                                            "目标值待市里下达后补充。")),
                                    GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (widget);
  gtk_widget_activate (widget);
  g_assert_true (activated == note);

  /* Resolving with the row's check button. */
  widget = find_by_class (GTK_WIDGET (panel), GTK_TYPE_CHECK_BUTTON, "note-resolved");
  g_assert_nonnull (widget);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
  run_pending ();
  g_assert_true (qs_review_note_get_resolved (note));
  g_assert_false (qs_review_note_get_resolved (second));
  g_assert_cmpuint (changed, ==, 3);

  /* "Open" hides the resolved note; "All" shows it again. */
  qs_notes_panel_set_open_only (panel, TRUE);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (qs_notes_panel_get_listed (panel)), ==, 1);
  g_assert_true (g_list_model_get_item (qs_notes_panel_get_listed (panel), 0) == (gpointer) second);
  g_object_unref (second);
  g_assert_null (find_label (GTK_WIDGET (panel), "目标值待市里下达后补充。"));

  /* Resolving the last open note empties the filtered list at once. */
  widget = find_by_class (GTK_WIDGET (panel), GTK_TYPE_CHECK_BUTTON, "note-resolved");
  g_assert_nonnull (widget);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
  run_pending ();
  g_assert_true (qs_review_note_get_resolved (second));
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (qs_notes_panel_get_listed (panel)), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "All Notes Resolved"));

  qs_notes_panel_set_open_only (panel, FALSE);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (qs_notes_panel_get_listed (panel)), ==, 2);
  g_assert_cmpuint (changed, ==, 4);

  /* The notes travel with the plan through the workspace. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QsPlan) loaded = NULL;
    gint64 id = qs_workspace_add_plan (fixture->workspace, plan, &error);

    g_assert_no_error (error);
    loaded = qs_workspace_load_plan (fixture->workspace, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_review_notes (loaded))),
                      ==, 2);
  }

  /* Deleting with the row's button. */
  widget = find_by_class (GTK_WIDGET (panel), GTK_TYPE_BUTTON, "note-delete");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  run_pending ();
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (qs_notes_panel_get_listed (panel)), ==, 1);

  /* Another plan: its own notes, and no target. */
  {
    g_autoptr(QsPlan) other = build_plan ("其他规划", "重庆市", QS_PLAN_LEVEL_MUNICIPAL, 2021);

    qs_notes_panel_set_plan (panel, other);
    run_pending ();
    g_assert_cmpuint (g_list_model_get_n_items (qs_notes_panel_get_listed (panel)), ==, 0);
    g_assert_null (qs_notes_panel_add_note (panel, "无对象"));
    qs_notes_panel_set_plan (panel, NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_finalize_object (window);
}

/* Screenshots (tools/versions-screenshot.sh): `test-gui-versions
 * --screenshot OUTDIR PREFIX` shows the windows on a sample plan with a
 * few saved versions and grabs the screen with ImageMagick's import after
 * each step.  Not a test: the script runs it under Xvfb. */

static void
settle (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
}

static void
shoot (const char *dir,
       const char *prefix,
       const char *name,
       const char *crop)
{
  g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, prefix, name);
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  settle (1.5);
  command = g_strdup_printf ("import -window root %s%s %s", crop != NULL ? "-crop " : "",
                             crop != NULL ? crop : "", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", command, error->message);
  g_print ("%s\n", path);
}

static void
set_target_cell (QsIndicatorTable *table,
                 guint             row,
                 const char       *text)
{
  /* 表2's fourth column is the 2025 target. */
  qs_indicator_table_set_cell (table, row, 3, text);
}

static void
add_demo_note (QsPlan     *plan,
               guint       id,
               const char *author,
               int         row,
               const char *column,
               const char *text,
               gboolean    resolved)
{
  g_autoptr(QsReviewNote) note = qs_review_note_new (text);

  qs_review_note_set_id (note, id);
  qs_review_note_set_author (note, author);
  qs_review_note_set_table_target (note, 1, "表2 大渡口区生态环境保护“十四五”规划目标指标",
                                   row, column);
  qs_review_note_set_resolved (note, resolved);
  g_list_store_append (qs_plan_get_review_notes (plan), note);
}

static int
screenshot_main (const char *dir,
                 const char *prefix)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *sample = g_build_filename (source != NULL ? source : ".", "resources",
                                              "samples", "district-2021-2025-000.qsplan", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("qs-versions-shot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "workspace.qsdb", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QsWorkspace) workspace = qs_workspace_open (path, TRUE, &error);
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(QsSection) chapter = NULL;
  g_autoptr(QsSection) section = NULL;
  g_autoptr(QsParagraph) paragraph = NULL;
  QsIndicatorTable *table;
  QsVersionsWindow *window;
  GtkWidget *notes_window;
  QsNotesPanel *panel;
  gint64 id;

  if (workspace == NULL)
    g_error ("%s", error->message);
  plan = qs_plan_xml_read_file (sample, &error);
  if (plan == NULL)
    g_error ("%s", error->message);
  tables = qs_review_note_collect_tables (plan);
  table = g_ptr_array_index (tables, 1);
  chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 1);
  section = g_list_model_get_item (G_LIST_MODEL (qs_section_get_children (chapter)), 1);
  paragraph = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (section)), 0);
  g_assert (QS_IS_PARAGRAPH (paragraph));

  /* Version 1: the sample with a paragraph of our own words. */
  qs_paragraph_set_text (paragraph, "到2025年，全区生态环境质量持续改善，主要污染物排放总量"
                         "持续减少。城乡人居环境明显改善，生态安全屏障更加牢固。");
  qs_workspace_set_author (workspace, "李明");
  id = qs_workspace_add_plan (workspace, plan, &error);
  g_assert_no_error (error);

  /* Version 2: targets raised, the paragraph reworded, a reviewer's note. */
  set_target_cell (table, 4, "≥88");
  set_target_cell (table, 5, "≥36");
  qs_paragraph_set_text (paragraph, "到2025年，全区生态环境质量持续改善，主要污染物排放总量"
                         "持续减少，长江干流水质稳定保持Ⅱ类。生态安全屏障更加牢固。");
  add_demo_note (plan, 1, "王芳", 5, "2025年目标值", "森林覆盖率目标请与全市分解任务核对。", FALSE);
  qs_workspace_set_author (workspace, "王芳");
  g_assert_true (qs_workspace_save_plan (workspace, id, plan, &error));

  /* Version 3: one more target and a resolved note. */
  set_target_cell (table, 2, "完成重庆市下达任务");
  qs_review_note_set_resolved (g_list_model_get_item (G_LIST_MODEL (qs_plan_get_review_notes (plan)), 0),
                               TRUE);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (qs_plan_get_review_notes (plan)), 0));
  add_demo_note (plan, 2, "王芳", 4, NULL, "优良天数比率的现状值请注明统计口径。", FALSE);
  add_demo_note (plan, 3, "赵强", 0, "2025年目标值", "能耗降低目标待市里下达后补充。", FALSE);
  qs_workspace_set_author (workspace, "李明");
  g_assert_true (qs_workspace_save_plan (workspace, id, plan, &error));

  window = QS_VERSIONS_WINDOW (qs_versions_window_new (NULL, workspace, id));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  shoot (dir, prefix, "01-versions-latest", NULL);
  qs_versions_window_compare (window, 1, 3);
  shoot (dir, prefix, "02-versions-1-3", NULL);
  qs_versions_window_compare (window, 2, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "versions.restore", NULL);
  shoot (dir, prefix, "03-restore-dialog", NULL);
  {
    AdwMessageDialog *dialog = find_message_dialog ();

    if (dialog != NULL)
      {
        adw_message_dialog_response (dialog, "cancel");
        gtk_window_destroy (GTK_WINDOW (dialog));
      }
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  qs_versions_window_compare (window, 1, 3);
  shoot (dir, prefix, "04-versions-dark", NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));

  notes_window = gtk_window_new ();
  panel = QS_NOTES_PANEL (qs_notes_panel_new ());
  gtk_window_set_child (GTK_WINDOW (notes_window), GTK_WIDGET (panel));
  gtk_window_set_default_size (GTK_WINDOW (notes_window), 420, 900);
  qs_notes_panel_set_plan (panel, plan);
  qs_notes_panel_set_author (panel, "王芳");
  qs_notes_panel_set_target (panel, 1, 5, "2025年目标值", NULL);
  gtk_window_present (GTK_WINDOW (notes_window));
  shoot (dir, prefix, "05-notes", "420x900+0+0");
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    collect_widgets (notes_window, GTK_TYPE_MENU_BUTTON, buttons);
    gtk_menu_button_popup (g_ptr_array_index (buttons, 0));
    settle (0.5);
    collect_widgets (notes_window, GTK_TYPE_TEXT_VIEW, views);
    if (views->len > 0)
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)),
                                "目标值与全市分解任务一致，建议注明依据。", -1);
  }
  shoot (dir, prefix, "06-notes-add", "640x900+0+0");
  gtk_window_destroy (GTK_WINDOW (notes_window));
  settle (0.2);

  g_clear_object (&workspace);
  {
    g_autoptr(GDir) d = g_dir_open (tmp, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmp, name, NULL);

        g_unlink (file);
      }
    g_rmdir (tmp);
  }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_strcmp0 (argv[1], "--screenshot") == 0)
    {
      const char *localedir = g_getenv ("QS_LOCALEDIR");

      setlocale (LC_ALL, "");
      if (localedir != NULL)
        bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      gtk_init ();
      adw_init ();
      qs_ui_init ();
      return screenshot_main (argv[2], argv[3]);
    }

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may be missing. */
  setlocale (LC_ALL, "C.UTF-8");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  adw_init ();
  qs_ui_init ();

  g_test_add ("/versions/window", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_versions_window, fixture_tear_down);
  g_test_add ("/versions/first-and-current", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_versions_first, fixture_tear_down);
  g_test_add ("/notes/panel", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_notes_panel, fixture_tear_down);
  return g_test_run ();
}
