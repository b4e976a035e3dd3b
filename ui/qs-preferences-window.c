/* qs-preferences-window.c: the application's preferences. */
#define G_LOG_DOMAIN "qs-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-preferences-window.h"
#include "qs-print.h"

struct _QsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *restore_switch;
  GtkSwitch            *highlight_switch;
  AdwActionRow         *workspace_row;
  GtkSpinButton        *autosave_spin;
  AdwComboRow          *print_font_row;
  GtkStringList        *print_fonts;
  GtkSpinButton        *print_size_spin;
};

G_DEFINE_FINAL_TYPE (QsPreferencesWindow, qs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The print font is a choice among the installed Chinese fonts; one set
 * elsewhere (or no longer installed) stays offered. */
static void
select_print_font (QsPreferencesWindow *self)
{
  g_autofree char *family = g_settings_get_string (self->settings, "print-font-family");
  GListModel *model = G_LIST_MODEL (self->print_fonts);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->print_fonts, i), family) == 0)
      {
        adw_combo_row_set_selected (self->print_font_row, i);
        return;
      }
  gtk_string_list_append (self->print_fonts, family);
  adw_combo_row_set_selected (self->print_font_row, n);
}

static void
print_font_changed_cb (GSettings           *settings,
                       const char          *key,
                       QsPreferencesWindow *self)
{
  select_print_font (self);
}

static void
print_font_selected_cb (AdwComboRow         *row,
                        GParamSpec          *pspec,
                        QsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *family;
  g_autofree char *current = NULL;

  if (self->settings == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  family = gtk_string_list_get_string (self->print_fonts, selected);
  current = g_settings_get_string (self->settings, "print-font-family");
  if (family != NULL && g_strcmp0 (family, current) != 0)
    g_settings_set_string (self->settings, "print-font-family", family);
}

static void
qs_preferences_window_dispose (GObject *object)
{
  QsPreferencesWindow *self = (QsPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_PREFERENCES_WINDOW);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->print_fonts);

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
  g_auto(GStrv) families = qs_print_list_cjk_families ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->print_fonts = gtk_string_list_new ((const char * const *) families);
  adw_combo_row_set_model (self->print_font_row, G_LIST_MODEL (self->print_fonts));
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
      select_print_font (self);
      g_signal_connect_object (self->print_font_row, "notify::selected",
                               G_CALLBACK (print_font_selected_cb), self, 0);
      g_signal_connect_object (settings, "changed::print-font-family",
                               G_CALLBACK (print_font_changed_cb), self, 0);
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
