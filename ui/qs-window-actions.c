/* qs-window-actions.c: the window's actions: new plan, import, open, search. */
#define G_LOG_DOMAIN "qs-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-import-dialog.h"
#include "qs-new-plan-dialog.h"
#include "qs-plan-item.h"
#include "qs-plan-template.h"
#include "qs-window-private.h"

typedef struct
{
  QsPlan *plan;
  char   *report;
} ImportResult;

static void
import_result_free (gpointer data)
{
  ImportResult *result = data;

  g_clear_object (&result->plan);
  g_clear_pointer (&result->report, g_free);
  g_free (result);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  return g_file_get_uri (file);
}

static gboolean
workspace_has_title (QsWindow   *self,
                     const char *title)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));

  if (title == NULL || title[0] == '\0')
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      if (g_strcmp0 (qs_plan_item_get_title (item), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
import_dialog_add_cb (QsWindow       *self,
                      QsImportDialog *dialog)
{
  qs_window_add_plan (self, qs_import_dialog_get_plan (dialog));
}

/* Shows what @plan holds and adds it only when the user confirms. */
static void
present_plan_dialog (QsWindow   *self,
                     QsPlan     *plan,
                     const char *source_name,
                     const char *report)
{
  QsImportDialog *dialog = qs_import_dialog_new (plan);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  qs_import_dialog_set_source (dialog, source_name);
  qs_import_dialog_set_report (dialog, report);
  qs_import_dialog_set_duplicate (dialog, workspace_has_title (self, qs_plan_get_title (plan)));
  g_signal_connect_object (dialog, "add", G_CALLBACK (import_dialog_add_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ImportResult *result;
  QsPlan *plan;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s is not a local file; copy it to this computer first"), uri);
      return;
    }

  plan = qs_import_text_file (path, &report, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (ImportResult, 1);
  result->plan = plan;
  result->report = report != NULL ? qs_import_report_to_text (report) : g_strdup ("");
  g_task_return_pointer (task, result, import_result_free);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  QsWindow *self = QS_WINDOW (object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_display_name (file);
  ImportResult *imported;

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (imported == NULL)
    {
      qs_window_show_error (self, error);
      return;
    }
  present_plan_dialog (self, imported->plan, name, imported->report);
  import_result_free (imported);
}

static GtkFileChooserNative *
new_file_chooser (QsWindow   *self,
                  const char *title,
                  const char *accept,
                  const char *filter_name,
                  const char *pattern)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *upper = g_ascii_strup (pattern, -1);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_pattern (filter, upper);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    QsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        qs_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  QsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        qs_window_open_file (self, file);
    }
  g_object_unref (chooser);
}

static void
new_plan_response_cb (QsNewPlanDialog *dialog,
                      const char      *response,
                      QsWindow        *self)
{
  g_autoptr(QsPlan) plan = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;
  plan = qs_new_plan_dialog_create_plan (dialog);
  /* The usual chapters, and the indicators the municipal plan sets. */
  {
    g_autoptr(QsPlan) municipal = NULL;
    g_autoptr(QsCatalog) catalog = qs_catalog_new_default (NULL);

    if (self->workspace != NULL && qs_plan_get_level (plan) != QS_PLAN_LEVEL_MUNICIPAL)
      municipal = qs_plan_template_find_municipal (self->workspace, qs_plan_get_start_year (plan));
    qs_plan_template_fill (plan, municipal, catalog);
  }
  qs_window_add_plan (self, plan);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_file_chooser (self, _("Import Plan Text"), _("_Import"),
                              _("Plan Text (*.txt)"), "*.txt");
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_file_chooser (self, _("Open Plan File"), _("_Open"),
                              _("Plan Files (*.qsplan)"), "*.qsplan");
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);
  QsNewPlanDialog *dialog = qs_new_plan_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "response", G_CALLBACK (new_plan_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  qs_plan_editor_undo (QS_WINDOW (widget)->editor);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  qs_plan_editor_redo (QS_WINDOW (widget)->editor);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     QsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        qs_window_save_as (self, file);
    }
  g_object_unref (chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->plan == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Plan As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Plan Files (*.qsplan)"));
  gtk_file_filter_add_pattern (filter, "*.qsplan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  title = qs_plan_dup_title_or_untitled (qs_plan_get_title (self->plan));
  name = g_strconcat (title, ".qsplan", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QsWindow *self = QS_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") != 0)
    return;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("What Went Wrong"),
                                   g_variant_get_string (parameter, NULL));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_qs_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);
  _qs_window_class_add_tool_actions (widget_class);
}

void
_qs_window_update_actions (QsWindow *self)
{
  gboolean has_workspace = self->workspace != NULL;
  gboolean has_plans = g_list_model_get_n_items (G_LIST_MODEL (self->plans)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_plans);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->plan != NULL);
  _qs_window_update_tool_actions (self);
  _qs_window_update_undo_actions (self);
}

void
_qs_window_update_undo_actions (QsWindow *self)
{
  QsUndoStack *undo = qs_plan_editor_get_undo_stack (self->editor);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", qs_undo_stack_can_undo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", qs_undo_stack_can_redo (undo));
}

/* Remembers a plan file among the desktop's recent files. */
static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

gboolean
qs_window_save_as (QsWindow *self,
                   GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (QS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->plan == NULL)
    return FALSE;
  qs_plan_editor_commit (self->editor);
  path = g_file_get_path (file);
  name = dup_display_name (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file; choose a folder on this computer"), name);
      qs_window_show_error (self, error);
      return FALSE;
    }
  if (!qs_plan_xml_write_file (self->plan, path, &error))
    {
      qs_window_show_error (self, error);
      return FALSE;
    }
  add_recent (file);
  /* TRANSLATORS: %s is a file name */
  message = g_strdup_printf (_("Saved as “%s”"), name);
  qs_window_show_toast (self, message);
  return TRUE;
}

gint64
qs_window_add_plan (QsWindow *self,
                    QsPlan   *plan)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  GtkApplication *application;
  gint64 id;

  g_return_val_if_fail (QS_IS_WINDOW (self), 0);
  g_return_val_if_fail (QS_IS_PLAN (plan), 0);

  if (self->workspace == NULL)
    return 0;

  id = qs_workspace_add_plan (self->workspace, plan, &error);
  if (id <= 0)
    {
      qs_window_show_error (self, error);
      return 0;
    }

  /* Other windows on the same workspace list the new plan too. */
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    {
      for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
        if (QS_IS_WINDOW (l->data) && l->data != (gpointer)self &&
            QS_WINDOW (l->data)->workspace == self->workspace)
          qs_window_reload_plans (l->data);
    }
  qs_window_reload_plans (self);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  qs_window_select_plan (self, id);

  title = qs_plan_dup_title_or_untitled (qs_plan_get_title (plan));
  /* TRANSLATORS: %s is a plan title */
  message = g_strdup_printf (_("“%s” was added to the workspace"), title);
  qs_window_show_toast (self, message);
  return id;
}

void
qs_window_open_file (QsWindow *self,
                     GFile    *file)
{
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (QS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  name = dup_display_name (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file; copy it to this computer first"), name);
      qs_window_show_error (self, error);
      return;
    }

  plan = qs_plan_xml_read_file (path, &error);
  if (plan == NULL)
    {
      qs_window_show_error (self, error);
      return;
    }
  add_recent (file);
  present_plan_dialog (self, plan, name, NULL);
}

void
qs_window_import_file (QsWindow *self,
                       GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GdkCursor) cursor = NULL;

  g_return_if_fail (QS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Rebuilding a long plan's structure takes a moment: keep the window alive. */
  cursor = gdk_cursor_new_from_name ("progress", NULL);
  gtk_widget_set_cursor (GTK_WIDGET (self), cursor);

  task = g_task_new (self, NULL, import_done_cb, NULL);
  g_task_set_source_tag (task, qs_window_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}
