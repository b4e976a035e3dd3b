/* qs-import-dialog.c: what a plan file or plan text holds, before it is added.
 *
 * Importing rebuilds structure from plain text and may guess wrong, so the
 * plan is only added after the user has read what was recognised and where
 * the importer was unsure.
 */
#define G_LOG_DOMAIN "qs-import-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-import-dialog.h"

struct _QsImportDialog
{
  AdwWindow       parent_instance;

  QsPlan         *plan;
  char           *report;

  AdwWindowTitle *window_title;
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkLabel       *duplicate_label;
  GtkWidget      *report_box;
  GtkTextView    *report_view;
};

G_DEFINE_FINAL_TYPE (QsImportDialog, qs_import_dialog, ADW_TYPE_WINDOW)

enum {
  ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_clicked_cb (QsImportDialog *self,
                GtkButton      *button)
{
  qs_import_dialog_confirm (self);
}

static void
qs_import_dialog_dispose (GObject *object)
{
  QsImportDialog *self = (QsImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (qs_import_dialog_parent_class)->dispose (object);
}

static void
qs_import_dialog_finalize (GObject *object)
{
  QsImportDialog *self = (QsImportDialog *)object;

  g_clear_pointer (&self->report, g_free);

  G_OBJECT_CLASS (qs_import_dialog_parent_class)->finalize (object);
}

static void
qs_import_dialog_class_init (QsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_import_dialog_dispose;
  object_class->finalize = qs_import_dialog_finalize;

  /**
   * QsImportDialog::add:
   *
   * The user chose to add the plan to the workspace.
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, QsImportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, QsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QsImportDialog, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, QsImportDialog, report_box);
  gtk_widget_class_bind_template_child (widget_class, QsImportDialog, report_view);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qs_import_dialog_init (QsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * qs_import_dialog_new:
 * @plan: the plan read from a file
 *
 * Returns: (transfer full): a new dialog; present it with gtk_window_present().
 */
QsImportDialog *
qs_import_dialog_new (QsPlan *plan)
{
  QsImportDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *statistics = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  self = g_object_new (QS_TYPE_IMPORT_DIALOG, NULL);
  self->plan = g_object_ref (plan);

  title = qs_plan_dup_title_or_untitled (qs_plan_get_title (plan));
  subtitle = qs_plan_display_subtitle (qs_plan_get_region (plan), qs_plan_get_level (plan),
                                       qs_plan_get_start_year (plan), qs_plan_get_end_year (plan));
  statistics = qs_plan_dup_statistics (plan);
  summary = g_strdup_printf ("%s\n%s", subtitle, statistics);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->summary_label, summary);
  return self;
}

QsPlan *
qs_import_dialog_get_plan (QsImportDialog *self)
{
  g_return_val_if_fail (QS_IS_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

void
qs_import_dialog_set_source (QsImportDialog *self,
                             const char     *display_name)
{
  g_return_if_fail (QS_IS_IMPORT_DIALOG (self));
  adw_window_title_set_subtitle (self->window_title, display_name);
}

void
qs_import_dialog_set_report (QsImportDialog *self,
                             const char     *report)
{
  g_return_if_fail (QS_IS_IMPORT_DIALOG (self));

  if (!qs_set_str (&self->report, report))
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->report_view),
                            report != NULL ? report : "", -1);
  gtk_widget_set_visible (self->report_box, report != NULL);
  adw_window_title_set_title (self->window_title,
                              report != NULL ? _("Import Plan Text") : _("Open Plan File"));
}

const char *
qs_import_dialog_get_report (QsImportDialog *self)
{
  g_return_val_if_fail (QS_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

void
qs_import_dialog_set_duplicate (QsImportDialog *self,
                                gboolean        duplicate)
{
  g_return_if_fail (QS_IS_IMPORT_DIALOG (self));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_label), duplicate);
}

void
qs_import_dialog_confirm (QsImportDialog *self)
{
  g_return_if_fail (QS_IS_IMPORT_DIALOG (self));

  g_object_ref (self);
  g_signal_emit (self, signals[ADD], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}
