/* qs-window-tools.c: the window's actions that open the tools beside the
 * editor: comparing districts, the indicator catalog, a plan's saved
 * versions, printing and PDF export.
 */
#define G_LOG_DOMAIN "qs-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-catalog-window.h"
#include "qs-compare-window.h"
#include "qs-print.h"
#include "qs-versions-window.h"
#include "qs-window-private.h"

/* The table the editor shows, for "print this table". */
static GObject *
shown_table (QsWindow *self)
{
  GObject *item = qs_plan_editor_get_shown_item (self->editor);

  if (item != NULL && (QS_IS_INDICATOR_TABLE (item) || QS_IS_TASK_TABLE (item)))
    return item;
  return NULL;
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);
  GtkWidget *window;

  if (self->workspace == NULL)
    return;
  /* The comparison reads the workspace: what is on screen is saved first. */
  qs_window_save (self);
  window = qs_compare_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->workspace);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_catalog_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);

  if (self->workspace == NULL)
    return;
  gtk_window_present (GTK_WINDOW (qs_catalog_window_new (GTK_WINDOW (self), self->workspace)));
}

static void
show_versions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);

  if (self->workspace == NULL || self->plan_id <= 0)
    return;
  /* The edits on screen become the latest version first.  A restored
   * version is saved through this window's workspace, which tells the
   * window (qs-window-sync.c) to load it. */
  qs_window_save (self);
  gtk_window_present (GTK_WINDOW (qs_versions_window_new (GTK_WINDOW (self), self->workspace,
                                                          self->plan_id)));
}

static void
suggestions_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);

  if (self->plan != NULL)
    qs_plan_editor_show_suggestions (self->editor);
}

static void
edit_requirements_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);

  if (self->plan != NULL && qs_plan_get_level (self->plan) == QS_PLAN_LEVEL_MUNICIPAL)
    qs_plan_editor_edit_requirements (self->editor);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);

  if (self->plan == NULL)
    return;
  qs_plan_editor_commit (self->editor);
  qs_print_plan (GTK_WINDOW (self), self->plan, self->workspace, shown_table (self));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);

  if (self->plan == NULL)
    return;
  qs_plan_editor_commit (self->editor);
  qs_print_export_pdf (GTK_WINDOW (self), self->plan, self->workspace, shown_table (self));
}

void
_qs_window_class_add_tool_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.show-catalog", NULL, show_catalog_action);
  gtk_widget_class_install_action (widget_class, "win.show-versions", NULL, show_versions_action);
  gtk_widget_class_install_action (widget_class, "win.suggestions", NULL, suggestions_action);
  gtk_widget_class_install_action (widget_class, "win.edit-requirements", NULL, edit_requirements_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
}

void
_qs_window_update_tool_actions (QsWindow *self)
{
  gboolean has_workspace = self->workspace != NULL;
  gboolean has_plans = has_workspace && g_list_model_get_n_items (G_LIST_MODEL (self->plans)) > 0;
  gboolean has_stored_plan = self->plan != NULL && self->plan_id > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", has_plans);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-catalog", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-versions", has_stored_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.suggestions", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-requirements",
                                 self->plan != NULL &&
                                 qs_plan_get_level (self->plan) == QS_PLAN_LEVEL_MUNICIPAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->plan != NULL);
}
