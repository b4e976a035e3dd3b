/* qs-window.c: the main window: the workspace's plans and the open plan.
 *
 * The window holds the workspace, the list of its plans (the sidebar) and
 * the open plan with its id; everything about one plan happens in the
 * QsPlanEditor on the right.
 */
#define G_LOG_DOMAIN "qs-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qs-display.h"
#include "qs-plan-group.h"
#include "qs-plan-item.h"
#include "qs-plan-row.h"
#include "qs-ui.h"
#include "qs-window-private.h"

G_DEFINE_FINAL_TYPE (QsWindow, qs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_PLAN,
  PROP_PLAN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_content_title (QsWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->plan != NULL)
    {
      title = qs_plan_dup_title_or_untitled (qs_plan_get_title (self->plan));
      subtitle = qs_plan_display_subtitle (qs_plan_get_region (self->plan),
                                           qs_plan_get_level (self->plan),
                                           qs_plan_get_start_year (self->plan),
                                           qs_plan_get_end_year (self->plan));
    }
  adw_window_title_set_title (self->content_title, title != NULL ? title : "");
  adw_window_title_set_subtitle (self->content_title, subtitle);

  if (title != NULL)
    {
      /* TRANSLATORS: the window title: a plan title, then the application name */
      g_autofree char *window_title = g_strdup_printf (_("%s – Qingshan"), title);

      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Qingshan"));
    }
}

static void
update_pages (QsWindow *self)
{
  const char *main_page;

  if (self->workspace == NULL)
    main_page = "unavailable";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0)
    main_page = "empty";
  else
    main_page = "workspace";
  gtk_stack_set_visible_child_name (self->main_stack, main_page);

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sidebar_model)) > 0
                                    ? "plans" : "no-results");

  if (self->plan != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "plan");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "error") != 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-plan");
}

/* The last plan is remembered per workspace file: ids mean nothing across
 * workspaces. */
static void
save_last_plan (QsWindow *self,
                gint64    id)
{
  g_autoptr(GVariant) old = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sx}"));
  GVariantIter iter;
  const char *path;
  const char *key;
  gint64 value;

  if (self->settings == NULL || self->workspace == NULL)
    return;
  path = qs_workspace_get_path (self->workspace);
  old = g_settings_get_value (self->settings, "last-plans");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&sx}", &key, &value))
    if (g_strcmp0 (key, path) != 0)
      g_variant_builder_add (&builder, "{sx}", key, value);
  g_variant_builder_add (&builder, "{sx}", path, id);
  g_settings_set_value (self->settings, "last-plans", g_variant_builder_end (&builder));
}

static gint64
load_last_plan (QsWindow *self)
{
  g_autoptr(GVariant) plans = NULL;
  gint64 id = 0;

  if (self->settings == NULL || self->workspace == NULL)
    return 0;
  plans = g_settings_get_value (self->settings, "last-plans");
  if (!g_variant_lookup (plans, qs_workspace_get_path (self->workspace), "x", &id))
    return 0;
  return id;
}

static gboolean
autosave_cb (gpointer user_data)
{
  QsWindow *self = user_data;

  self->autosave_id = 0;
  qs_window_save (self);
  return G_SOURCE_REMOVE;
}

/* Saving waits until the edits stop for a moment, so that typing is not
 * slowed by a transaction per key; a crash loses at most that moment. */
static void
editor_changed_cb (QsWindow     *self,
                   QsPlanEditor *editor)
{
  double delay = 3.0;

  if (self->plan == NULL)
    return;
  self->dirty = TRUE;
  if (self->settings != NULL)
    delay = g_settings_get_double (self->settings, "autosave-delay");
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add ((guint)(delay * 1000), autosave_cb, self);
  update_content_title (self);
}

static void
undo_state_changed_cb (QsWindow    *self,
                       GParamSpec  *pspec,
                       QsUndoStack *undo)
{
  _qs_window_update_undo_actions (self);
}

/* Undo and redo give the editor a new plan object: follow it. */
static void
editor_plan_changed_cb (QsWindow     *self,
                        GParamSpec   *pspec,
                        QsPlanEditor *editor)
{
  QsPlan *plan = qs_plan_editor_get_plan (editor);

  if (plan == NULL || self->plan == NULL || plan == self->plan)
    return;
  g_set_object (&self->plan, plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
_qs_window_set_plan (QsWindow *self,
                     QsPlan   *plan,
                     gint64    id)
{
  gboolean id_changed = self->plan_id != id;

  if (self->plan == plan && !id_changed)
    return;
  /* The plan being left keeps its edits. */
  qs_window_save (self);
  g_set_object (&self->plan, plan);
  self->plan_id = id;

  qs_plan_editor_set_plan (self->editor, plan);
  update_content_title (self);
  update_pages (self);

  if (plan != NULL)
    save_last_plan (self, id);
  _qs_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  if (id_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

/* Keeps the sidebar's highlight on the open plan, for example after the
 * search hid it and showed it again. */
static void
sync_sidebar_selection (QsWindow *self)
{
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean was_selecting;

  /* A folded sidebar shows no highlight (see leaflet_changed_cb). */
  if (self->plan_id > 0 &&
      !(adw_leaflet_get_folded (self->leaflet) &&
        adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_box))
    position = qs_plan_list_model_find_plan (self->sidebar_model, self->plan_id);
  if (position == G_MAXUINT)
    position = GTK_INVALID_LIST_POSITION;
  if (gtk_single_selection_get_selected (self->sidebar_selection) == position)
    return;

  was_selecting = self->selecting;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->sidebar_selection, position);
  self->selecting = was_selecting;
}

static void
sidebar_selection_changed_cb (QsWindow           *self,
                              GParamSpec         *pspec,
                              GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (self->selecting)
    return;
  /* The search hid the open plan: keep showing it.  The selection also
   * comes back here when the list changes under it: nothing to do then. */
  if (item == NULL || !QS_IS_PLAN_ITEM (item))
    return;

  if (qs_window_select_plan (self, qs_plan_item_get_id (item)) &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A folded sidebar is a list to pick from, not a highlight of the open
 * plan: clear the selection when going back to it, so that picking the
 * same plan again goes forward again; restore it when the window widens. */
static void
leaflet_changed_cb (QsWindow   *self,
                    GParamSpec *pspec,
                    AdwLeaflet *leaflet)
{
  if (self->sidebar_selection == NULL)  /* still being built */
    return;
  if (adw_leaflet_get_folded (leaflet) &&
      adw_leaflet_get_visible_child (leaflet) == self->sidebar_box)
    {
      gboolean was_selecting = self->selecting;

      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->sidebar_selection, GTK_INVALID_LIST_POSITION);
      self->selecting = was_selecting;
    }
  else
    {
      sync_sidebar_selection (self);
    }
}

static void
sidebar_items_changed_cb (QsWindow   *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  sync_sidebar_selection (self);
  update_pages (self);
}

static void
setup_plan_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, qs_plan_row_new ());
}

static void
bind_plan_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);
  gboolean is_plan = QS_IS_PLAN_ITEM (item);

  qs_plan_row_set_item (QS_PLAN_ROW (gtk_list_item_get_child (list_item)), item);
  /* Group headings are not plans: they can be neither selected nor activated. */
  gtk_list_item_set_selectable (list_item, is_plan);
  gtk_list_item_set_activatable (list_item, is_plan);
}

static void
unbind_plan_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  qs_plan_row_set_item (QS_PLAN_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return qs_plan_item_compare (*(QsPlanItem * const *)a, *(QsPlanItem * const *)b, NULL);
}

static void
back_clicked_cb (QsWindow  *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
load_window_state (QsWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (QsWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
qs_window_close_request (GtkWindow *window)
{
  qs_window_save (QS_WINDOW (window));
  save_window_state (QS_WINDOW (window));

  return GTK_WINDOW_CLASS (qs_window_parent_class)->close_request (window);
}

/* Opens the plan the user had open last time, else the first plan, so
 * that the window never starts on an empty pane when there are plans. */
static void
select_initial_plan (QsWindow *self)
{
  gint64 last = 0;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0)
    return;

  if (self->settings != NULL && g_settings_get_boolean (self->settings, "restore-last-plan"))
    last = load_last_plan (self);
  if (last > 0 && qs_plan_list_model_find_plan (self->sidebar_model, last) != G_MAXUINT &&
      qs_window_select_plan (self, last))
    return;

  {
    g_autoptr(QsPlanItem) first = g_list_model_get_item (G_LIST_MODEL (self->plans), 0);

    qs_window_select_plan (self, qs_plan_item_get_id (first));
  }
}

static void
qs_window_constructed (GObject *object)
{
  QsWindow *self = (QsWindow *)object;

  G_OBJECT_CLASS (qs_window_parent_class)->constructed (object);

  qs_plan_editor_set_workspace (self->editor, self->workspace);
  load_window_state (self);
  _qs_window_sync_start (self);
  qs_window_reload_plans (self);
  select_initial_plan (self);
  _qs_window_update_actions (self);
}

static void
qs_window_dispose (GObject *object)
{
  QsWindow *self = (QsWindow *)object;

  if (self->plan_list_view != NULL)
    gtk_list_view_set_model (self->plan_list_view, NULL);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  _qs_window_sync_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_WINDOW);
  g_clear_object (&self->sidebar_selection);
  g_clear_object (&self->sidebar_model);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->plans);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (qs_window_parent_class)->dispose (object);
}

static void
qs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QsWindow *self = QS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  QsWindow *self = QS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_window_class_init (QsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = qs_window_constructed;
  object_class->dispose = qs_window_dispose;
  object_class->get_property = qs_window_get_property;
  object_class->set_property = qs_window_set_property;

  window_class->close_request = qs_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, QS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, QS_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QS_TYPE_PLAN_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, plan_list_view);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, plan_error_page);
  gtk_widget_class_bind_template_child (widget_class, QsWindow, workspace_error_page);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);

  _qs_window_class_add_actions (widget_class);
}

/* GtkApplication adds our icons to the theme; a window made without one
 * (the widget tests) adds them itself. */
static void
ensure_icons (GtkWidget *widget)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);

  if (paths == NULL || !g_strv_contains ((const char * const *)paths, QS_RESOURCE_PATH "/icons"))
    gtk_icon_theme_add_resource_path (theme, QS_RESOURCE_PATH "/icons");
}

static void
qs_window_init (QsWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkExpression *expression;

  ensure_icons (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->editor, "check-panel-visible", self->check_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->editor, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::plan", G_CALLBACK (editor_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (qs_plan_editor_get_undo_stack (self->editor), "notify::can-undo",
                           G_CALLBACK (undo_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (qs_plan_editor_get_undo_stack (self->editor), "notify::can-redo",
                           G_CALLBACK (undo_state_changed_cb), self, G_CONNECT_SWAPPED);

  self->settings = qs_ui_settings_new ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "highlight-cells", self->editor, "highlight-cells",
                     G_SETTINGS_BIND_GET);

  /* plans → filter by title and region → groups with headings → selection */
  self->plans = g_list_store_new (QS_TYPE_PLAN_ITEM);
  expression = gtk_property_expression_new (QS_TYPE_PLAN_ITEM, NULL, "search-key");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->plans)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sidebar_model = qs_plan_list_model_new (G_LIST_MODEL (self->filtered));
  self->sidebar_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sidebar_model)));
  gtk_single_selection_set_autoselect (self->sidebar_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sidebar_selection, TRUE);
  g_signal_connect_object (self->sidebar_selection, "notify::selected-item",
                           G_CALLBACK (sidebar_selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* After the list view has taken in the change: selecting from inside the
   * emission would hand it a position it does not know yet. */
  g_signal_connect_object (self->sidebar_selection, "items-changed",
                           G_CALLBACK (sidebar_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_plan_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_plan_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_plan_row_cb), NULL);
  gtk_list_view_set_factory (self->plan_list_view, factory);
  gtk_list_view_set_model (self->plan_list_view, GTK_SELECTION_MODEL (self->sidebar_selection));

  /* The search follows every keystroke: the list is short. */
  g_object_bind_property (self->search_entry, "text", self->filter, "search", G_BINDING_DEFAULT);
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar_box);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * qs_window_new:
 * @application: (nullable): the application
 * @workspace: (nullable): the workspace to show
 *
 * Returns: (transfer none): a new window.
 */
QsWindow *
qs_window_new (GtkApplication *application,
               QsWorkspace    *workspace)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace), NULL);

  return g_object_new (QS_TYPE_WINDOW,
                       "application", application,
                       "workspace", workspace,
                       NULL);
}

QsWorkspace *
qs_window_get_workspace (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), NULL);
  return self->workspace;
}

void
qs_window_set_workspace_error (QsWindow     *self,
                               const GError *error)
{
  g_return_if_fail (QS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->workspace_error_page, error->message);
  update_pages (self);
}

void
qs_window_reload_plans (QsWindow *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean still_there = FALSE;

  g_return_if_fail (QS_IS_WINDOW (self));

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->workspace != NULL)
    {
      summaries = qs_workspace_list_plans (self->workspace, &error);
      if (summaries == NULL)
        qs_window_show_error (self, error);
    }
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (summaries, i);

      g_ptr_array_add (items, qs_plan_item_new (summary));
      still_there |= summary->id == self->plan_id;
    }
  g_ptr_array_sort_with_data (items, compare_items, NULL);

  self->selecting = TRUE;
  g_list_store_splice (self->plans, 0, g_list_model_get_n_items (G_LIST_MODEL (self->plans)),
                       items->pdata, items->len);
  self->selecting = FALSE;

  if (!still_there)
    _qs_window_set_plan (self, NULL, 0);
  sync_sidebar_selection (self);
  update_pages (self);
  _qs_window_update_actions (self);
}

GListModel *
qs_window_get_sidebar_model (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->sidebar_model);
}

void
qs_window_set_search_text (QsWindow   *self,
                           const char *text)
{
  g_return_if_fail (QS_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && text[0] != '\0');
}

QsPlan *
qs_window_get_plan (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), NULL);
  return self->plan;
}

gint64
qs_window_get_plan_id (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), 0);
  return self->plan_id;
}

gboolean
qs_window_select_plan (QsWindow *self,
                       gint64    id)
{
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (QS_IS_WINDOW (self), FALSE);

  if (self->workspace == NULL)
    return FALSE;
  if (id == self->plan_id && self->plan != NULL)
    {
      sync_sidebar_selection (self);
      return TRUE;
    }

  plan = qs_workspace_load_plan (self->workspace, id, &error);
  if (plan == NULL)
    {
      _qs_window_set_plan (self, NULL, 0);
      adw_status_page_set_description (self->plan_error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      qs_window_show_error (self, error);
      sync_sidebar_selection (self);
      return FALSE;
    }

  _qs_window_set_plan (self, plan, id);
  _qs_window_sync_remember (self);
  sync_sidebar_selection (self);
  return TRUE;
}

gboolean
qs_window_select_plan_matching (QsWindow   *self,
                                const char *text)
{
  guint n;

  g_return_val_if_fail (QS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      if (strstr (qs_plan_item_get_search_key (item), text) != NULL)
        return qs_window_select_plan (self, qs_plan_item_get_id (item));
    }
  return FALSE;
}

gboolean
qs_window_save (QsWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_val_if_fail (QS_IS_WINDOW (self), FALSE);

  if (self->editor != NULL)
    qs_plan_editor_commit (self->editor);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!self->dirty || self->plan == NULL || self->workspace == NULL || self->plan_id <= 0)
    return TRUE;
  /* Someone else saved this plan meanwhile: the user chooses first. */
  if (!_qs_window_sync_may_save (self))
    return FALSE;
  self->saving = TRUE;
  saved = qs_workspace_save_plan (self->workspace, self->plan_id, self->plan, &error);
  self->saving = FALSE;
  if (!saved)
    {
      /* The edits stay in memory, marked unsaved: the next edit (or the
       * retry after a busy lock) tries again. */
      if (!_qs_window_sync_handle_save_error (self, error))
        qs_window_show_error (self, error);
      return FALSE;
    }
  self->dirty = FALSE;
  _qs_window_sync_remember (self);
  update_content_title (self);
  return TRUE;
}

gboolean
qs_window_has_unsaved_changes (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), FALSE);
  return self->dirty;
}

QsPlanEditor *
qs_window_get_editor (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), NULL);
  return self->editor;
}

const char *
qs_window_get_page_name (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
qs_window_show_toast (QsWindow   *self,
                      const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (QS_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  /* Toast titles are Pango markup. */
  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
qs_window_show_error (QsWindow     *self,
                      const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (QS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_debug ("Showing error: %s", error->message);
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* A long message (file, line, cell) does not fit a toast: keep it one click away. */
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-message");
  adw_toast_set_action_target_value (toast, g_variant_new_string (error->message));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
