/* qs-plan-editor.c: one plan: its outline and the selected part. */
#define G_LOG_DOMAIN "qs-plan-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-display-widgets.h"
#include "qs-indicator-table-view.h"
#include "qs-outline.h"
#include "qs-plan-editor.h"
#include "qs-section-view.h"
#include "qs-task-table-view.h"

struct _QsPlanEditor
{
  GtkWidget             parent_instance;

  QsPlan               *plan;
  GtkTreeListModel     *outline;
  GtkSingleSelection   *outline_selection;
  GObject              *shown_item;
  gboolean              highlight_cells;

  GtkListView          *outline_view;
  GtkStack             *detail_stack;
  AdwStatusPage        *overview_page;
  QsSectionView        *section_view;
  QsIndicatorTableView *indicator_table_view;
  QsTaskTableView      *task_table_view;
};

G_DEFINE_FINAL_TYPE (QsPlanEditor, qs_plan_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HIGHLIGHT_CELLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_overview (QsPlanEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *statistics = NULL;
  g_autofree char *description = NULL;

  if (self->plan == NULL)
    {
      adw_status_page_set_title (self->overview_page, "");
      adw_status_page_set_description (self->overview_page, NULL);
      return;
    }

  title = qs_plan_dup_title_or_untitled (qs_plan_get_title (self->plan));
  subtitle = qs_plan_display_subtitle (qs_plan_get_region (self->plan),
                                       qs_plan_get_level (self->plan),
                                       qs_plan_get_start_year (self->plan),
                                       qs_plan_get_end_year (self->plan));
  statistics = qs_plan_dup_statistics (self->plan);
  description = g_markup_printf_escaped ("%s\n\n%s\n\n<span size=\"small\">%s</span>",
                                         subtitle, statistics,
                                         _("Choose a chapter, section or table in the outline."));
  adw_status_page_set_title (self->overview_page, title);
  adw_status_page_set_description (self->overview_page, description);
}

static void
show_item (QsPlanEditor *self,
           GObject      *item)
{
  g_set_object (&self->shown_item, item);

  if (item != NULL && QS_IS_SECTION (item))
    {
      qs_section_view_set_section (self->section_view, QS_SECTION (item));
      gtk_stack_set_visible_child_name (self->detail_stack, "section");
    }
  else if (item != NULL && QS_IS_INDICATOR_TABLE (item))
    {
      qs_indicator_table_view_set_table (self->indicator_table_view, QS_INDICATOR_TABLE (item));
      gtk_stack_set_visible_child_name (self->detail_stack, "indicator-table");
    }
  else if (item != NULL && QS_IS_TASK_TABLE (item))
    {
      qs_task_table_view_set_table (self->task_table_view, QS_TASK_TABLE (item));
      gtk_stack_set_visible_child_name (self->detail_stack, "task-table");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "overview");
    }
}

static void
outline_selection_changed_cb (QsPlanEditor       *self,
                              GParamSpec         *pspec,
                              GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = NULL;

  if (row != NULL)
    item = gtk_tree_list_row_get_item (row);
  show_item (self, item);
}

/* A table's caption in a chapter's text leads to the table. */
static void
section_block_activated_cb (QsPlanEditor  *self,
                            GObject       *block,
                            QsSectionView *view)
{
  guint position;

  if (self->outline == NULL)
    return;
  position = qs_outline_find_item (self->outline, block);
  if (position != G_MAXUINT)
    qs_plan_editor_select_outline_row (self, position);
}

static void
setup_outline_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* Chapter titles are long: up to three lines, then the tooltip. */
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (qs_label_query_tooltip_cb), NULL);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_tree_expander_set_indent_for_icon (GTK_TREE_EXPANDER (expander), TRUE);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_outline_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  g_autofree char *title = qs_outline_item_dup_title (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), qs_outline_item_get_icon_name (item));
  gtk_label_set_label (GTK_LABEL (label), title);

  /* Chapters stand out from what they hold. */
  if (QS_IS_SECTION (item) && qs_section_get_kind (QS_SECTION (item)) == QS_SECTION_CHAPTER)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
unbind_outline_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
qs_plan_editor_dispose (GObject *object)
{
  QsPlanEditor *self = (QsPlanEditor *)object;
  GtkWidget *child;

  if (self->outline_view != NULL)
    gtk_list_view_set_model (self->outline_view, NULL);
  if (self->outline_selection != NULL)
    g_signal_handlers_disconnect_by_func (self->outline_selection,
                                          outline_selection_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_PLAN_EDITOR);
  /* The template's unnamed top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->outline_selection);
  g_clear_object (&self->outline);
  g_clear_object (&self->shown_item);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (qs_plan_editor_parent_class)->dispose (object);
}

static void
qs_plan_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_HIGHLIGHT_CELLS:
      g_value_set_boolean (value, self->highlight_cells);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_plan_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      qs_plan_editor_set_plan (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHT_CELLS:
      if (self->highlight_cells != g_value_get_boolean (value))
        {
          self->highlight_cells = g_value_get_boolean (value);
          qs_indicator_table_view_set_highlight (self->indicator_table_view, self->highlight_cells);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_plan_editor_class_init (QsPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_plan_editor_dispose;
  object_class->get_property = qs_plan_editor_get_property;
  object_class->set_property = qs_plan_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, QS_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT_CELLS] =
    g_param_spec_boolean ("highlight-cells", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QS_TYPE_SECTION_VIEW);
  g_type_ensure (QS_TYPE_INDICATOR_TABLE_VIEW);
  g_type_ensure (QS_TYPE_TASK_TABLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, outline_view);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, overview_page);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, section_view);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, indicator_table_view);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, task_table_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_plan_editor_init (QsPlanEditor *self)
{
  GtkListItemFactory *factory;

  self->highlight_cells = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_outline_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_outline_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_outline_row_cb), NULL);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->section_view, "block-activated",
                           G_CALLBACK (section_block_activated_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
qs_plan_editor_new (void)
{
  return g_object_new (QS_TYPE_PLAN_EDITOR, NULL);
}

QsPlan *
qs_plan_editor_get_plan (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->plan;
}

void
qs_plan_editor_set_plan (QsPlanEditor *self,
                         QsPlan       *plan)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));
  g_return_if_fail (plan == NULL || QS_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  gtk_list_view_set_model (self->outline_view, NULL);
  if (self->outline_selection != NULL)
    g_signal_handlers_disconnect_by_func (self->outline_selection,
                                          outline_selection_changed_cb, self);
  g_clear_object (&self->outline_selection);
  g_clear_object (&self->outline);
  show_item (self, NULL);
  qs_section_view_set_section (self->section_view, NULL);
  qs_indicator_table_view_set_table (self->indicator_table_view, NULL);
  qs_task_table_view_set_table (self->task_table_view, NULL);

  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      self->outline = qs_outline_model_new (plan);
      qs_outline_expand_chapters (self->outline);
      self->outline_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->outline)));
      gtk_single_selection_set_autoselect (self->outline_selection, FALSE);
      gtk_single_selection_set_can_unselect (self->outline_selection, TRUE);
      gtk_single_selection_set_selected (self->outline_selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->outline_selection, "notify::selected-item",
                               G_CALLBACK (outline_selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->outline_selection));
    }

  update_overview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

GtkTreeListModel *
qs_plan_editor_get_outline (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->outline;
}

GtkSingleSelection *
qs_plan_editor_get_outline_selection (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->outline_selection;
}

void
qs_plan_editor_select_outline_row (QsPlanEditor *self,
                                   guint         position)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));

  if (self->outline_selection == NULL)
    return;
  gtk_single_selection_set_selected (self->outline_selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->outline_view), "list.scroll-to-item", "u",
                                position);
}

gboolean
qs_plan_editor_select_matching (QsPlanEditor *self,
                                const char   *text)
{
  guint position;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->outline == NULL)
    return FALSE;
  position = qs_outline_find (self->outline, text);
  if (position == G_MAXUINT)
    return FALSE;
  qs_plan_editor_select_outline_row (self, position);
  return TRUE;
}

gboolean
qs_plan_editor_select_first (QsPlanEditor *self,
                             GType         type)
{
  guint position;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);

  if (self->outline == NULL)
    return FALSE;
  position = qs_outline_find_type (self->outline, type);
  if (position == G_MAXUINT)
    return FALSE;
  qs_plan_editor_select_outline_row (self, position);
  return TRUE;
}

GObject *
qs_plan_editor_get_shown_item (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->shown_item;
}

const char *
qs_plan_editor_get_page_name (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return gtk_stack_get_visible_child_name (self->detail_stack);
}

GtkWidget *
qs_plan_editor_get_page (QsPlanEditor *self,
                         const char   *name)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return gtk_stack_get_child_by_name (self->detail_stack, name);
}
