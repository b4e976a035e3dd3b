/* qs-application.c: the Qingshan application: workspaces, windows, app actions. */
#define G_LOG_DOMAIN "qs-application"

#include "config.h"

#include <glib/gi18n.h>

#include "qs-application.h"
#include "qs-model.h"
#include "qs-preferences-window.h"
#include "qs-ui.h"
#include "qs-window.h"

struct _QsApplication
{
  AdwApplication  parent_instance;

  /* Open workspaces by absolute path: windows on the same file share one. */
  GHashTable     *workspaces;
};

G_DEFINE_FINAL_TYPE (QsApplication, qs_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "workspace", 'w', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the workspace at PATH (created when missing)"), N_("PATH") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static QsWindow *
get_active_qs_window (QsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && QS_IS_WINDOW (window))
    return QS_WINDOW (window);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (QS_IS_WINDOW (l->data))
      return QS_WINDOW (l->data);
  return NULL;
}

/* Opens (or reuses) the workspace at @path.  The default workspace is
 * filled with the sample plans when it is created, so that a first run
 * shows real plans rather than an empty window. */
static QsWorkspace *
open_workspace (QsApplication  *self,
                const char     *path,
                gboolean        add_samples,
                GError        **sample_error,
                GError        **error)
{
  g_autofree char *dir = NULL;
  QsWorkspace *workspace;
  gboolean existed;

  workspace = g_hash_table_lookup (self->workspaces, path);
  if (workspace != NULL)
    return g_object_ref (workspace);

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  dir = g_path_get_dirname (path);
  if (!existed)
    g_mkdir_with_parents (dir, 0700);  /* a failure shows up in qs_workspace_open() */

  workspace = qs_workspace_open (path, TRUE, error);
  if (workspace == NULL)
    return NULL;

  if (!existed && add_samples)
    qs_ui_add_sample_plans (workspace, sample_error);

  g_hash_table_insert (self->workspaces, g_strdup (path), g_object_ref (workspace));
  return workspace;
}

static QsWindow *
find_window_for (QsApplication *self,
                 QsWorkspace   *workspace)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (QS_IS_WINDOW (l->data) && qs_window_get_workspace (l->data) == workspace)
      return QS_WINDOW (l->data);
  return NULL;
}

static QsWindow *
open_window (QsApplication *self,
             const char    *path,
             gboolean       add_samples,
             gboolean       reuse)
{
  g_autoptr(QsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sample_error = NULL;
  QsWindow *window = NULL;

  workspace = open_workspace (self, path, add_samples, &sample_error, &error);
  if (workspace != NULL && reuse)
    window = find_window_for (self, workspace);
  if (window == NULL)
    window = qs_window_new (GTK_APPLICATION (self), workspace);
  if (workspace == NULL)
    qs_window_set_workspace_error (window, error);
  if (sample_error != NULL)
    qs_window_show_error (window, sample_error);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
qs_application_activate (GApplication *application)
{
  QsApplication *self = QS_APPLICATION (application);
  QsWindow *window = get_active_qs_window (self);
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  path = qs_workspace_default_path ();
  open_window (self, path, TRUE, TRUE);
}

static int
qs_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("qingshan %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static int
qs_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  QsApplication *self = QS_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *arg = NULL;

  if (g_variant_dict_lookup (options, "workspace", "^&ay", &arg) && arg != NULL && arg[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, arg);
      g_autofree char *path = g_file_get_path (file);

      open_window (self, path, FALSE, TRUE);
      return 0;
    }

  g_application_activate (application);
  return 0;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  QsApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window lets it save its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  QsApplication *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Qingshan"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Qingshan Developers"),
                        "copyright", _("© 2026 The Qingshan Developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Draft and review district eco-environmental five-year plans: "
                                      "chapters, indicator tables and task boxes, with every figure "
                                      "kept exactly as written."),
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  QsApplication *self = user_data;
  QsWindow *window = get_active_qs_window (self);
  g_autoptr(GSettings) settings = qs_ui_settings_new ();
  QsWorkspace *workspace = window != NULL ? qs_window_get_workspace (window) : NULL;
  QsPreferencesWindow *preferences;

  preferences = qs_preferences_window_new (GTK_WINDOW (window), settings,
                                           workspace != NULL ? qs_workspace_get_path (workspace) : NULL);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);

  /* GtkApplication makes the window from gtk/help-overlay.ui in our resources. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  QsApplication *self = user_data;
  QsWindow *active = get_active_qs_window (self);
  QsWorkspace *workspace = active != NULL ? qs_window_get_workspace (active) : NULL;
  g_autofree char *path = NULL;

  if (workspace != NULL)
    path = g_strdup (qs_workspace_get_path (workspace));
  else
    path = qs_workspace_default_path ();
  open_window (self, path, workspace == NULL, FALSE);
}

/* For scripts (tools/screenshot.sh) and launchers:
 * `gapplication action org.qingshan.Qingshan select-plan "'江津'"`. */
static void
select_plan_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);
  const char *text = g_variant_get_string (parameter, NULL);

  if (window != NULL && !qs_window_select_plan_matching (window, text))
    g_message ("No plan matches “%s”", text);
}

/* @parameter is text in the title of an outline row, or ":indicator-table"
 * / ":task-table" for the first table of that kind. */
static void
select_outline_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);
  const char *text = g_variant_get_string (parameter, NULL);
  QsPlanEditor *editor;
  gboolean found;

  if (window == NULL)
    return;
  editor = qs_window_get_editor (window);
  if (g_str_equal (text, ":indicator-table"))
    found = qs_plan_editor_select_first (editor, QS_TYPE_INDICATOR_TABLE);
  else if (g_str_equal (text, ":task-table"))
    found = qs_plan_editor_select_first (editor, QS_TYPE_TASK_TABLE);
  else
    found = qs_plan_editor_select_matching (editor, text);
  if (!found)
    g_message ("No part of the open plan matches “%s”", text);
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);

  if (window != NULL)
    qs_window_set_search_text (window, g_variant_get_string (parameter, NULL));
}

/* Import a plan's text / read a plan file into the active window, asking
 * before adding it, as the menu items do after their file chooser. */
static void
import_text_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  if (window != NULL)
    qs_window_import_file (window, file);
}

static void
open_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  if (window != NULL)
    qs_window_open_file (window, file);
}

/* Runs one of the open plan's editing actions, for scripts and tests:
 * `gapplication action org.qingshan.Qingshan edit "('set-cell', [<(uint32 0, uint32 4, '≥40')>])"`
 * or "('undo', @av [])".  The name is that of an "editor." action. */
static void
edit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);
  g_autoptr(GVariant) args = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *name = NULL;
  const char *editor_action;

  if (window == NULL)
    return;
  g_variant_get (parameter, "(&s@av)", &editor_action, &args);
  if (g_variant_n_children (args) > 0)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (args, 0);

      target = g_variant_get_variant (boxed);
    }
  name = g_strconcat ("editor.", editor_action, NULL);
  if (!gtk_widget_activate_action_variant (GTK_WIDGET (qs_window_get_editor (window)), name, target))
    g_message ("The editor has no action “%s” for these arguments", name);
}

/* Saves the active window's plan now rather than after the autosave delay. */
static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  QsWindow *window = get_active_qs_window (user_data);

  if (window != NULL)
    qs_window_save (window);
}

static const GActionEntry app_actions[] = {
  { "edit", edit_action, "(sav)" },
  { "save", save_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "new-window", new_window_action },
  { "select-plan", select_plan_action, "s" },
  { "select-outline", select_outline_action, "s" },
  { "search", search_action, "s" },
  { "import-text", import_text_action, "s" },
  { "open-file", open_file_action, "s" },
};

static void
qs_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-plan", { "<Control>n", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "app.save", { "<Control>s", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export-pdf", { "<Control><Shift>e", NULL } },
    { "win.compare", { "<Control><Shift>d", NULL } },
  };

  G_APPLICATION_CLASS (qs_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
qs_application_finalize (GObject *object)
{
  QsApplication *self = (QsApplication *)object;

  g_clear_pointer (&self->workspaces, g_hash_table_unref);

  G_OBJECT_CLASS (qs_application_parent_class)->finalize (object);
}

static void
qs_application_class_init (QsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = qs_application_finalize;

  application_class->activate = qs_application_activate;
  application_class->startup = qs_application_startup;
  application_class->command_line = qs_application_command_line;
  application_class->handle_local_options = qs_application_handle_local_options;
}

static void
qs_application_init (QsApplication *self)
{
  self->workspaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Draft and review eco-environmental five-year plans."));
}

QsApplication *
qs_application_new (void)
{
  return g_object_new (QS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/qingshan/Qingshan",
                       NULL);
}
