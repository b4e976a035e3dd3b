/* qs-preferences-window.c: the application's preferences. */
#define G_LOG_DOMAIN "qs-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-preferences-window.h"

struct _QsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *restore_switch;
  GtkSwitch            *highlight_switch;
  AdwActionRow         *workspace_row;
  GtkSpinButton        *autosave_spin;
  AdwEntryRow          *print_font_row;
  GtkSpinButton        *print_size_spin;
};

G_DEFINE_FINAL_TYPE (QsPreferencesWindow, qs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
qs_preferences_window_dispose (GObject *object)
{
  QsPreferencesWindow *self = (QsPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (qs_preferences_window_parent_class)->dispose (object);
}

static void
qs_preferences_window_class_init (QsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QsPreferencesWindow, restore_switch);
  gtk_widget_class_bind_template_child (widget_class, QsPreferencesWindow, highlight_switch);
  gtk_widget_class_bind_template_child (widget_class, QsPreferencesWindow, workspace_row);
  gtk_widget_class_bind_template_child (widget_class, QsPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, QsPreferencesWindow, print_font_row);
  gtk_widget_class_bind_template_child (widget_class, QsPreferencesWindow, print_size_spin);
}

static void
qs_preferences_window_init (QsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QsPreferencesWindow *
qs_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           const char *workspace_path)
{
  QsPreferencesWindow *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (QS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "restore-last-plan", self->restore_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "highlight-cells", self->highlight_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "autosave-delay", self->autosave_spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "print-font-family", self->print_font_row, "text",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "print-font-size", self->print_size_spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->restore_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->highlight_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->autosave_spin), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_font_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_size_spin), FALSE);
    }
  adw_action_row_set_subtitle (self->workspace_row,
                               workspace_path != NULL ? workspace_path : _("No workspace is open"));
  return self;
}
