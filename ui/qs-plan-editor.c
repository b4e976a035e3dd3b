/* qs-plan-editor.c: one plan: its outline and the selected part. */
#define G_LOG_DOMAIN "qs-plan-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "qs-check-panel.h"
#include "qs-display.h"
#include "qs-display-widgets.h"
#include "qs-indicator-table-view.h"
#include "qs-link-dialog.h"
#include "qs-outline.h"
#include "qs-plan-check.h"
#include "qs-plan-editor.h"
#include "qs-requirements-editor.h"
#include "qs-section-view.h"
#include "qs-side-panel.h"
#include "qs-suggestions-dialog.h"
#include "qs-task-table-view.h"
#include "qs-undo-stack.h"

/* How many edits undo reaches back. */
#define UNDO_LIMIT 200

/* Typing a figure is a burst of edits: the check waits for a pause. */
#define CHECK_DELAY_MS 300

struct _QsPlanEditor
{
  GtkWidget             parent_instance;

  QsPlan               *plan;
  GtkTreeListModel     *outline;
  GtkSingleSelection   *outline_selection;
  GObject              *shown_item;
  gboolean              highlight_cells;
  QsUndoStack          *undo;
  GBytes               *group_before;
  char                 *group_label;
  gboolean              in_group;
  gboolean              group_changed;

  /* The check against the municipal plan (issue #5). */
  QsWorkspace          *workspace;
  QsCatalog            *catalog;        /* the workspace's, cached until it changes */
  QsPlan               *municipal;      /* cached likewise; NULL: none found (or not looked up) */
  gboolean              municipal_looked_up;
  QsCheck              *check;
  guint                 check_source;
  gboolean              check_panel_visible;

  GtkListView          *outline_view;
  GtkStack             *detail_stack;
  AdwStatusPage        *overview_page;
  QsSectionView        *section_view;
  QsIndicatorTableView *indicator_table_view;
  QsTaskTableView      *task_table_view;
  GtkRevealer          *check_revealer;
  QsSidePanel          *side_panel;
  QsCheckPanel         *check_panel;     /* the side panel's */

  /* Dialogs that edit the plan object itself (weak pointers): closed when
   * undo, redo or another plan replaces that object. */
  GtkWidget            *requirements_dialog;
  GtkWidget            *suggestions_dialog;
};

G_DEFINE_FINAL_TYPE (QsPlanEditor, qs_plan_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HIGHLIGHT_CELLS,
  PROP_WORKSPACE,
  PROP_CHECK_PANEL_VISIBLE,
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

/* Dragging an outline row onto a sibling moves it there (chapters among
 * chapters, sections among the sections of one chapter). */
static GObject *
row_item (GtkWidget *expander)
{
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *expander)
{
  g_autoptr(GObject) item = row_item (expander);

  if (item == NULL || !QS_IS_SECTION (item))
    return NULL;
  return gdk_content_provider_new_typed (QS_TYPE_SECTION, item);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *expander)
{
  g_autoptr(GObject) item = row_item (expander);
  QsPlanEditor *self = (QsPlanEditor *)gtk_widget_get_ancestor (expander, QS_TYPE_PLAN_EDITOR);

  if (self == NULL || item == NULL || !QS_IS_SECTION (item) || !G_VALUE_HOLDS (value, QS_TYPE_SECTION))
    return FALSE;
  return qs_plan_editor_drop_section (self, g_value_get_object (value), QS_SECTION (item));
}

static void
setup_outline_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkDragSource *drag_source;
  GtkDropTarget *drop_target;
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

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (drag_prepare_cb), expander);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag_source));
  drop_target = gtk_drop_target_new (QS_TYPE_SECTION, GDK_ACTION_MOVE);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), expander);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop_target));
}

/* A renamed or renumbered section shows its new title at once. */
static void
outline_item_notify_cb (GObject    *item,
                        GParamSpec *pspec,
                        GtkLabel   *label)
{
  g_autofree char *title = qs_outline_item_dup_title (item);

  gtk_label_set_label (label, title);
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
  if (QS_IS_SECTION (item))
    {
      g_signal_connect_object (item, "notify", G_CALLBACK (outline_item_notify_cb), label, 0);
      g_object_set_data_full (G_OBJECT (label), "qs-item", g_object_ref (item), g_object_unref);
    }

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
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  GObject *item = g_object_get_data (G_OBJECT (label), "qs-item");

  if (item != NULL)
    {
      g_signal_handlers_disconnect_by_func (item, outline_item_notify_cb, label);
      g_object_set_data (G_OBJECT (label), "qs-item", NULL);
    }
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static gboolean begin_edit (QsPlanEditor *self,
                            const char   *label);
static void end_edit (QsPlanEditor *self);
static void select_item (QsPlanEditor *self,
                         gpointer      item);

/* The check.  It runs on the main loop a moment after the plan or the
 * workspace changed; it takes milliseconds, so no thread is needed. */

static void
forget_workspace_data (QsPlanEditor *self)
{
  g_clear_object (&self->catalog);
  g_clear_object (&self->municipal);
  self->municipal_looked_up = FALSE;
}

/* The workspace's catalog, loaded once (the built-in one on error). */
static QsCatalog *
ensure_catalog (QsPlanEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->catalog != NULL)
    return self->catalog;
  self->catalog = qs_plan_check_load_catalog (self->workspace, &error);
  if (self->catalog == NULL)
    {
      /* A damaged extension must not stop the check: the built-in catalog. */
      g_warning ("The workspace’s catalog extensions cannot be read: %s", error->message);
      self->catalog = qs_catalog_new_default (NULL);
    }
  return self->catalog;
}

static void
run_check (QsPlanEditor *self)
{
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->check_source, g_source_remove);

  /* A municipal plan is what districts are checked against, not checked. */
  if (self->plan == NULL || qs_plan_get_level (self->plan) == QS_PLAN_LEVEL_MUNICIPAL ||
      ensure_catalog (self) == NULL)
    {
      g_clear_object (&self->check);
      qs_indicator_table_view_set_check (self->indicator_table_view, NULL);
      qs_check_panel_set_check (self->check_panel, NULL, NULL, NULL);
      return;
    }

  if (self->workspace != NULL && !self->municipal_looked_up)
    {
      self->municipal = qs_plan_check_find_municipal (self->plan, self->workspace, &error);
      if (error != NULL)
        g_warning ("Cannot look for the municipal plan in the workspace: %s", error->message);
      self->municipal_looked_up = TRUE;
    }

  /* Each run links the cached municipal plan again: a no-op once linked. */
  check = qs_plan_check_run_against (self->plan, self->municipal, self->catalog);
  g_set_object (&self->check, check);
  qs_indicator_table_view_set_check (self->indicator_table_view, check);
  qs_check_panel_set_check (self->check_panel, check, self->plan, self->municipal);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  QsPlanEditor *self = user_data;

  self->check_source = 0;
  run_check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (QsPlanEditor *self,
                guint         delay_ms)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (delay_ms, check_timeout_cb, self);
}

/* Whether plan @plan_id of the workspace is a municipal plan or is gone. */
static gboolean
is_municipal_or_gone (QsWorkspace *workspace,
                      gint64       plan_id)
{
  g_autoptr(GPtrArray) plans = qs_workspace_list_plans (workspace, NULL);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (plans, i);

      if (summary->id == plan_id)
        return summary->level == QS_PLAN_LEVEL_MUNICIPAL;
    }
  return TRUE;
}

static void
workspace_changed_cb (QsPlanEditor *self,
                      gint64        plan_id,
                      QsWorkspace  *workspace)
{
  /* Saving a district plan (autosave of this one, most often) changes
   * nothing the check reads once its municipal plan is known. */
  if (plan_id != 0 && self->municipal != NULL && !is_municipal_or_gone (workspace, plan_id))
    return;
  /* A municipal plan imported, saved or removed; id 0: anything, the
   * catalog's extensions too.  Read them afresh. */
  if (plan_id == 0)
    g_clear_object (&self->catalog);
  g_clear_object (&self->municipal);
  self->municipal_looked_up = FALSE;
  schedule_check (self, CHECK_DELAY_MS);
}

/* Activating a finding shows its row: the table in the outline, the row
 * selected and scrolled to. */
static QsIndicatorTable *
find_finding_table (QsPlan         *plan,
                    QsCheckFinding *finding,
                    guint          *index)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);
  QsIndicatorRow *row = qs_check_finding_get_row (finding);
  const char *label = qs_check_finding_get_table_label (finding);

  for (guint i = 0; row != NULL && i < tables->len; i++)
    if (g_list_store_find (qs_indicator_table_get_rows (tables->pdata[i]), row, index))
      return tables->pdata[i];
  /* After undo the rows are new objects: the table's label and the index. */
  for (guint i = 0; label != NULL && i < tables->len; i++)
    if (g_strcmp0 (qs_indicator_table_get_label (tables->pdata[i]), label) == 0 &&
        qs_check_finding_get_row_index (finding) >= 0)
      {
        *index = qs_check_finding_get_row_index (finding);
        return tables->pdata[i];
      }
  return NULL;
}

static void
finding_activated_cb (QsPlanEditor   *self,
                      QsCheckFinding *finding,
                      QsCheckPanel   *panel)
{
  QsIndicatorTable *table;
  guint index = 0;

  if (self->plan == NULL || (table = find_finding_table (self->plan, finding, &index)) == NULL)
    return;
  if (self->shown_item != G_OBJECT (table))
    select_item (self, table);
  if (self->shown_item == G_OBJECT (table))
    qs_indicator_table_view_select_row (self->indicator_table_view, index);
}

static void
close_plan_dialogs (QsPlanEditor *self)
{
  if (self->requirements_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->requirements_dialog));
  if (self->suggestions_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->suggestions_dialog));
}

static void
track_dialog (GtkWidget  *dialog,
              GtkWidget **slot)
{
  if (*slot != NULL)
    gtk_window_destroy (GTK_WINDOW (*slot));
  *slot = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) slot);
}

/* The side panel's chart and notes follow the selected indicator row. */
static void
table_row_selected_cb (QsPlanEditor       *self,
                       GParamSpec         *pspec,
                       GtkSingleSelection *selection)
{
  QsIndicatorTable *table = qs_indicator_table_view_get_table (self->indicator_table_view);
  guint position = gtk_single_selection_get_selected (selection);

  if (table != NULL && position != GTK_INVALID_LIST_POSITION)
    qs_side_panel_show_row (self->side_panel, table, position);
}

static void
table_model_changed_cb (QsPlanEditor  *self,
                        GParamSpec    *pspec,
                        GtkColumnView *column_view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (column_view);

  if (model == NULL || !GTK_IS_SINGLE_SELECTION (model))
    return;
  g_signal_connect_object (model, "notify::selected", G_CALLBACK (table_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  /* A new selection model may come with its first row selected. */
  table_row_selected_cb (self, NULL, GTK_SINGLE_SELECTION (model));
}

/* A note names its table by index among the plan's tables. */
static void
note_activated_cb (QsPlanEditor *self,
                   QsReviewNote *note,
                   QsNotesPanel *panel)
{
  g_autoptr(GPtrArray) tables = NULL;
  int index = qs_review_note_get_table_index (note);
  GObject *table;

  if (self->plan == NULL || index < 0)
    return;
  tables = qs_review_note_collect_tables (self->plan);
  if ((guint) index >= tables->len)
    return;
  table = g_ptr_array_index (tables, index);
  if (self->shown_item != table)
    select_item (self, table);
  if (self->shown_item == table && QS_IS_INDICATOR_TABLE (table) &&
      qs_review_note_get_row_index (note) >= 0)
    qs_indicator_table_view_select_row (self->indicator_table_view,
                                        qs_review_note_get_row_index (note));
}

/* A note added, resolved or deleted is one step of undo, saved like any
 * edit. */
static void
notes_will_change_cb (QsPlanEditor *self,
                      const char   *label,
                      QsNotesPanel *panel)
{
  begin_edit (self, label);
}

static void
notes_changed_cb (QsPlanEditor *self,
                  QsNotesPanel *panel)
{
  end_edit (self);
}

static void
replace_plan (QsPlanEditor *self,
              QsPlan       *plan)
{

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
  close_plan_dialogs (self);

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
  qs_side_panel_set_plan (self->side_panel, plan);
  schedule_check (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* Editing.  Every edit goes through begin_edit() (a snapshot of the plan
 * for undo) and end_edit() (tells the window, which saves a moment later). */

/* The plan's state for undo, or NULL when the plan holds a text the
 * .qsplan writer refuses (text_fits() keeps such texts out). */
static GBytes *
snapshot (QsPlan *plan)
{
  gsize length = 0;
  char *data = qs_plan_xml_write_data (plan, &length);

  return data != NULL ? g_bytes_new_take (data, length) : NULL;
}

/* A plan's texts are saved in .qsplan files, whose reader (libxml2
 * without XML_PARSE_HUGE) takes texts under QS_PLAN_XML_MAX_TEXT bytes;
 * undo snapshots and Save As use the same format.  A longer text is
 * refused with a message rather than taken into a plan that could then be
 * neither undone nor saved as a file. */
static gboolean
text_fits (QsPlanEditor *self,
           const char   *text)
{
  g_autofree char *message = NULL;
  gsize length;

  if (text == NULL || (length = strlen (text)) < QS_PLAN_XML_MAX_TEXT)
    return TRUE;
  message = g_strdup_printf (_("This text is %.1f MB long, and one text of a plan must stay under "
                               "%d MB. Split it into several paragraphs or cells; nothing was "
                               "changed."),
                             length / 1e6, QS_PLAN_XML_MAX_TEXT / 1000000);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
  return FALSE;
}

static void
update_undo_actions (QsPlanEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 qs_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 qs_undo_stack_can_redo (self->undo));
}

static gboolean
begin_edit (QsPlanEditor *self,
            const char   *label)
{
  g_autoptr(GBytes) before = NULL;

  if (self->plan == NULL)
    return FALSE;
  /* In a group, only the first edit records the state before the group. */
  if (self->in_group)
    {
      if (self->group_before != NULL)
        {
          qs_undo_stack_push (self->undo, self->group_label, self->group_before);
          g_clear_pointer (&self->group_before, g_bytes_unref);
        }
      return TRUE;
    }
  before = snapshot (self->plan);
  if (before != NULL)
    qs_undo_stack_push (self->undo, label, before);
  return TRUE;
}

static void
end_edit (QsPlanEditor *self)
{
  if (self->in_group)
    {
      self->group_changed = TRUE;
      return;
    }
  update_undo_actions (self);
  update_overview (self);
  qs_side_panel_refresh (self->side_panel);
  schedule_check (self, CHECK_DELAY_MS);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Puts @object back in its place in @store so that views bind it again. */
static void
refresh_in_store (GListStore *store,
                  gpointer    object)
{
  /* The store may hold the only reference (the table is not on screen). */
  g_autoptr(GObject) keep = g_object_ref (object);
  guint position;

  if (g_list_store_find (store, keep, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &keep, 1);
}

static gboolean
find_in (GListStore *store,
         QsSection  *section,
         GListStore **found)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (child == section)
        {
          *found = store;
          return TRUE;
        }
      if (find_in (qs_section_get_children (child), section, found))
        return TRUE;
    }
  return FALSE;
}

/* The list that holds @section: the plan's front matter, chapters or back
 * matter, or a parent section's children. */
static GListStore *
find_container (QsPlan    *plan,
                QsSection *section)
{
  GListStore *found = NULL;

  if (find_in (qs_plan_get_front_matter (plan), section, &found) ||
      find_in (qs_plan_get_chapters (plan), section, &found) ||
      find_in (qs_plan_get_back_matter (plan), section, &found))
    return found;
  return NULL;
}

/* Numbers follow the order: after a move or a deletion 第三章 is the third. */
static void
renumber (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsSection) section = g_list_model_get_item (G_LIST_MODEL (store), i);
      QsSectionKind kind = qs_section_get_kind (section);
      int old_number = qs_section_get_number (section);
      const char *label = qs_section_get_label (section);

      if (old_number == 0 || kind == QS_SECTION_FRONT || kind == QS_SECTION_BACK ||
          old_number == (int)i + 1)
        continue;
      if (label != NULL)
        {
          g_autofree char *old_default = qs_section_format_label (kind, old_number);
          g_autofree char *new_default = qs_section_format_label (kind, i + 1);

          qs_section_set_label (section, g_str_equal (label, old_default) ? new_default : NULL);
        }
      qs_section_set_number (section, i + 1);
    }
}

static void
select_item (QsPlanEditor *self,
             gpointer      item)
{
  guint position = self->outline != NULL ? qs_outline_find_item (self->outline, item) : G_MAXUINT;

  if (position != G_MAXUINT)
    qs_plan_editor_select_outline_row (self, position);
}

/* Every outline item in outline order (a section, its tables, its child
 * sections), whatever is expanded. */
static void
collect_outline (GListModel *sections,
                 GPtrArray  *items)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsSection) section = g_list_model_get_item (sections, i);
      GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
      guint n_blocks = g_list_model_get_n_items (blocks);

      g_ptr_array_add (items, g_object_ref (section));
      for (guint b = 0; b < n_blocks; b++)
        {
          g_autoptr(GObject) block = g_list_model_get_item (blocks, b);

          if (QS_IS_INDICATOR_TABLE (block) || QS_IS_TASK_TABLE (block))
            g_ptr_array_add (items, g_object_ref (block));
        }
      collect_outline (G_LIST_MODEL (qs_section_get_children (section)), items);
    }
}

static GPtrArray *
outline_items (QsPlan *plan)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  collect_outline (G_LIST_MODEL (qs_plan_get_front_matter (plan)), items);
  collect_outline (G_LIST_MODEL (qs_plan_get_chapters (plan)), items);
  collect_outline (G_LIST_MODEL (qs_plan_get_back_matter (plan)), items);
  return items;
}

/* Undo and redo bring back a whole plan; the outline keeps its place. */
static gboolean
restore (QsPlanEditor *self,
         GBytes       *state)
{
  g_autoptr(QsPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old_items = NULL;
  g_autoptr(GPtrArray) new_items = NULL;
  guint index = G_MAXUINT;
  gsize length;
  const char *data = g_bytes_get_data (state, &length);

  plan = qs_plan_xml_read_data (data, length, "<undo>", &error);
  if (plan == NULL)
    {
      g_critical ("Cannot restore the plan: %s", error->message);
      return FALSE;
    }
  /* The same place in the outline: the shown item's index in outline order. */
  if (self->plan != NULL && self->shown_item != NULL)
    {
      old_items = outline_items (self->plan);
      if (!g_ptr_array_find (old_items, self->shown_item, &index))
        index = G_MAXUINT;
    }
  replace_plan (self, plan);
  new_items = outline_items (plan);
  if (index != G_MAXUINT && new_items->len > 0)
    select_item (self, g_ptr_array_index (new_items, MIN (index, new_items->len - 1)));
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_undo (QsPlanEditor *self)
{
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GBytes) state = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);

  /* Typing not yet written back is an edit of its own, undone first. */
  qs_plan_editor_commit (self);
  if (self->plan == NULL || !qs_undo_stack_can_undo (self->undo))
    return FALSE;
  current = snapshot (self->plan);
  if (current == NULL)
    return FALSE;
  state = qs_undo_stack_undo (self->undo, current);
  return restore (self, state);
}

gboolean
qs_plan_editor_redo (QsPlanEditor *self)
{
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GBytes) state = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);

  /* Typing not yet written back is a new edit: after it, nothing to redo. */
  qs_plan_editor_commit (self);
  if (self->plan == NULL || !qs_undo_stack_can_redo (self->undo))
    return FALSE;
  current = snapshot (self->plan);
  if (current == NULL)
    return FALSE;
  state = qs_undo_stack_redo (self->undo, current);
  return restore (self, state);
}

void
qs_plan_editor_commit (QsPlanEditor *self)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));
  qs_section_view_commit (self->section_view);
  qs_task_table_view_commit (self->task_table_view);
}

QsUndoStack *
qs_plan_editor_get_undo_stack (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->undo;
}

gboolean
qs_plan_editor_set_cell (QsPlanEditor     *self,
                         QsIndicatorTable *table,
                         guint             row,
                         guint             column,
                         const char       *text)
{
  QsIndicatorRow *indicator_row;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  indicator_row = qs_indicator_table_get_row (table, row);
  if (indicator_row == NULL || qs_indicator_table_get_column (table, column) == NULL ||
      g_strcmp0 (qs_indicator_row_get_cell (indicator_row, column), text != NULL ? text : "") == 0)
    return FALSE;
  if (!begin_edit (self, _("Edit Cell")))
    return FALSE;
  qs_indicator_table_set_cell (table, row, column, text != NULL ? text : "");
  refresh_in_store (qs_indicator_table_get_rows (table), indicator_row);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_set_header (QsPlanEditor *self,
                           GObject      *table,
                           guint         column,
                           const char   *text)
{
  GListStore *columns;
  g_autoptr(QsTableColumn) table_column = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table) || QS_IS_TASK_TABLE (table), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  columns = QS_IS_INDICATOR_TABLE (table) ? qs_indicator_table_get_columns (QS_INDICATOR_TABLE (table))
                                          : qs_task_table_get_columns (QS_TASK_TABLE (table));
  table_column = g_list_model_get_item (G_LIST_MODEL (columns), column);
  if (table_column == NULL || text == NULL || text[0] == '\0' ||
      g_strcmp0 (qs_table_column_get_header (table_column), text) == 0)
    return FALSE;
  if (!begin_edit (self, _("Rename Column")))
    return FALSE;
  qs_table_column_set_header (table_column, text);
  refresh_in_store (columns, table_column);
  if (QS_IS_INDICATOR_TABLE (table))
    {
      qs_indicator_table_view_set_table (self->indicator_table_view, NULL);
      show_item (self, self->shown_item);
    }
  else
    {
      qs_task_table_view_set_table (self->task_table_view, NULL);
      show_item (self, self->shown_item);
    }
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_set_notes (QsPlanEditor *self,
                          GObject      *table,
                          const char   *text)
{
  g_auto(GStrv) notes = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  const char * const *old;
  g_autofree char *old_text = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table) || QS_IS_TASK_TABLE (table), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  /* One note per line; blank lines are not notes. */
  notes = g_strsplit (text != NULL ? text : "", "\n", -1);
  for (guint i = 0; notes[i] != NULL; i++)
    if (g_strstrip (notes[i])[0] != '\0')
      g_ptr_array_add (kept, notes[i]);
  g_ptr_array_add (kept, NULL);

  old = QS_IS_INDICATOR_TABLE (table) ? qs_indicator_table_get_notes (QS_INDICATOR_TABLE (table))
                                      : qs_task_table_get_notes (QS_TASK_TABLE (table));
  old_text = old != NULL ? g_strjoinv ("\n", (char **)old) : g_strdup ("");
  {
    g_autofree char *new_text = g_strjoinv ("\n", (char **)kept->pdata);

    if (g_str_equal (old_text, new_text))
      return FALSE;
  }
  if (!begin_edit (self, _("Edit Notes")))
    return FALSE;
  if (QS_IS_INDICATOR_TABLE (table))
    qs_indicator_table_set_notes (QS_INDICATOR_TABLE (table), (const char * const *)kept->pdata);
  else
    qs_task_table_set_notes (QS_TASK_TABLE (table), (const char * const *)kept->pdata);
  end_edit (self);
  return TRUE;
}

/* A new indicator row: "" in every column, numbered after the row above. */
gboolean
qs_plan_editor_insert_row (QsPlanEditor     *self,
                           QsIndicatorTable *table,
                           guint             position)
{
  GListStore *rows;
  g_autoptr(QsIndicatorRow) row = NULL;
  guint n_columns;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table), FALSE);

  rows = qs_indicator_table_get_rows (table);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (rows)));
  if (!begin_edit (self, _("Add Row")))
    return FALSE;
  row = qs_indicator_row_new ();
  n_columns = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table)));
  for (guint c = 0; c < n_columns; c++)
    qs_indicator_row_set_cell (row, c, "");
  g_list_store_insert (rows, position, row);
  /* An empty category cell joins the group above, as a merged cell does. */
  if (n_columns > 0)
    {
      int category = qs_indicator_table_find_column (table, QS_COLUMN_CATEGORY);

      if (category >= 0)
        qs_indicator_table_set_cell (table, position, category, "");
    }
  end_edit (self);
  return TRUE;
}

static gboolean
remove_from_store (QsPlanEditor *self,
                   GListStore   *store,
                   guint         position,
                   const char   *label)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return FALSE;
  if (!begin_edit (self, label))
    return FALSE;
  g_list_store_remove (store, position);
  end_edit (self);
  return TRUE;
}

static gboolean
move_in_store (QsPlanEditor *self,
               GListStore   *store,
               guint         position,
               int           delta,
               const char   *label)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GObject) item = NULL;
  gint64 target = (gint64)position + delta;

  if (position >= n || target < 0 || target >= n || delta == 0)
    return FALSE;
  if (!begin_edit (self, label))
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (store), position);
  g_list_store_remove (store, position);
  g_list_store_insert (store, (guint)target, item);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_remove_row (QsPlanEditor *self,
                           GObject      *table,
                           guint         position)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);

  if (QS_IS_INDICATOR_TABLE (table))
    return remove_from_store (self, qs_indicator_table_get_rows (QS_INDICATOR_TABLE (table)),
                              position, _("Delete Row"));
  if (QS_IS_TASK_TABLE (table))
    return remove_from_store (self, qs_task_table_get_rows (QS_TASK_TABLE (table)),
                              position, _("Delete Row"));
  return FALSE;
}

gboolean
qs_plan_editor_move_row (QsPlanEditor *self,
                         GObject      *table,
                         guint         position,
                         int           delta)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);

  if (QS_IS_INDICATOR_TABLE (table))
    return move_in_store (self, qs_indicator_table_get_rows (QS_INDICATOR_TABLE (table)),
                          position, delta, _("Move Row"));
  if (QS_IS_TASK_TABLE (table))
    return move_in_store (self, qs_task_table_get_rows (QS_TASK_TABLE (table)),
                          position, delta, _("Move Row"));
  return FALSE;
}

/* A sub-row belongs to the nearest row above that is not a sub-row itself
 * (城市/乡镇 below 污水处理率); its name is shown indented. */
gboolean
qs_plan_editor_set_row_parent (QsPlanEditor     *self,
                               QsIndicatorTable *table,
                               guint             position,
                               gboolean          sub_row)
{
  QsIndicatorRow *row;
  const char *parent = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table), FALSE);

  row = qs_indicator_table_get_row (table, position);
  if (row == NULL)
    return FALSE;
  if (sub_row)
    {
      for (guint i = position; i > 0 && parent == NULL; i--)
        {
          QsIndicatorRow *above = qs_indicator_table_get_row (table, i - 1);

          if (qs_indicator_row_get_parent (above) == NULL)
            parent = qs_indicator_row_get_indicator (above) != NULL
                     ? qs_indicator_row_get_indicator (above) : qs_indicator_row_get_name (above);
        }
      if (parent == NULL)
        return FALSE;
    }
  if (g_strcmp0 (qs_indicator_row_get_parent (row), parent) == 0)
    return FALSE;
  if (!begin_edit (self, sub_row ? _("Make Sub-Row") : _("Make Main Row")))
    return FALSE;
  qs_indicator_row_set_parent (row, parent);
  refresh_in_store (qs_indicator_table_get_rows (table), row);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_set_row_indicator (QsPlanEditor     *self,
                                  QsIndicatorTable *table,
                                  guint             position,
                                  const char       *indicator_id)
{
  QsIndicatorRow *row;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table), FALSE);

  if (indicator_id != NULL && indicator_id[0] == '\0')
    indicator_id = NULL;
  row = qs_indicator_table_get_row (table, position);
  if (row == NULL || g_strcmp0 (qs_indicator_row_get_indicator_id (row), indicator_id) == 0)
    return FALSE;
  if (!begin_edit (self, indicator_id != NULL ? _("Link Row to Indicator") : _("Unlink Row")))
    return FALSE;
  qs_indicator_row_set_indicator_id (row, indicator_id);
  refresh_in_store (qs_indicator_table_get_rows (table), row);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_set_task_cell (QsPlanEditor *self,
                              QsTaskTable  *table,
                              guint         row,
                              guint         column,
                              const char   *text)
{
  g_autoptr(QsTaskRow) task_row = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_TASK_TABLE (table), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  task_row = g_list_model_get_item (G_LIST_MODEL (qs_task_table_get_rows (table)), row);
  if (task_row == NULL ||
      g_strcmp0 (qs_task_row_get_cell (task_row, column), text != NULL ? text : "") == 0)
    return FALSE;
  if (!begin_edit (self, _("Edit Cell")))
    return FALSE;
  qs_task_row_set_cell (task_row, column, text != NULL ? text : "");
  refresh_in_store (qs_task_table_get_rows (table), task_row);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_insert_task_row (QsPlanEditor *self,
                                QsTaskTable  *table,
                                guint         position)
{
  GListStore *rows;
  g_autoptr(QsTaskRow) row = NULL;
  guint n_columns;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_TASK_TABLE (table), FALSE);

  rows = qs_task_table_get_rows (table);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (rows)));
  if (!begin_edit (self, _("Add Row")))
    return FALSE;
  row = qs_task_row_new (NULL);
  n_columns = g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_columns (table)));
  for (guint c = 0; c < n_columns; c++)
    qs_task_row_set_cell (row, c, "");
  g_list_store_insert (rows, position, row);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_set_task_item (QsPlanEditor *self,
                              QsTaskTable  *table,
                              guint         position,
                              const char   *text)
{
  g_autoptr(QsTaskItem) item = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_TASK_TABLE (table), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  item = g_list_model_get_item (G_LIST_MODEL (qs_task_table_get_items (table)), position);
  if (item == NULL || g_strcmp0 (qs_task_item_get_text (item), text != NULL ? text : "") == 0)
    return FALSE;
  if (!begin_edit (self, _("Edit Task")))
    return FALSE;
  qs_task_item_set_text (item, text != NULL ? text : "");
  refresh_in_store (qs_task_table_get_items (table), item);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_insert_task_item (QsPlanEditor *self,
                                 QsTaskTable  *table,
                                 guint         position,
                                 const char   *text)
{
  GListStore *items;
  g_autoptr(QsTaskItem) item = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_TASK_TABLE (table), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  items = qs_task_table_get_items (table);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (items)));
  if (!begin_edit (self, _("Add Task")))
    return FALSE;
  item = qs_task_item_new (QS_TASK_ITEM_ITEM, text != NULL ? text : "");
  g_list_store_insert (items, position, item);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_remove_task_item (QsPlanEditor *self,
                                 QsTaskTable  *table,
                                 guint         position)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_TASK_TABLE (table), FALSE);

  return remove_from_store (self, qs_task_table_get_items (table), position, _("Delete Task"));
}

gboolean
qs_plan_editor_move_task_item (QsPlanEditor *self,
                               QsTaskTable  *table,
                               guint         position,
                               int           delta)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_TASK_TABLE (table), FALSE);

  return move_in_store (self, qs_task_table_get_items (table), position, delta, _("Move Task"));
}

gboolean
qs_plan_editor_rename_section (QsPlanEditor *self,
                               QsSection    *section,
                               const char   *title)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_SECTION (section), FALSE);

  if (!text_fits (self, title))
    return FALSE;

  stripped = g_strstrip (g_strdup (title != NULL ? title : ""));
  if (stripped[0] == '\0' || g_strcmp0 (qs_section_get_title (section), stripped) == 0)
    return FALSE;
  if (!begin_edit (self, _("Rename")))
    return FALSE;
  /* The outline rows follow the title's notify. */
  qs_section_set_title (section, stripped);
  end_edit (self);
  return TRUE;
}

/* A new chapter at the end (or a section at the end of @parent). */
QsSection *
qs_plan_editor_add_section (QsPlanEditor *self,
                            QsSection    *parent,
                            const char   *title)
{
  GListStore *store;
  QsSectionKind kind;
  g_autoptr(QsSection) section = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (parent == NULL || QS_IS_SECTION (parent), NULL);

  if (self->plan == NULL)
    return NULL;
  if (parent == NULL)
    {
      store = qs_plan_get_chapters (self->plan);
      kind = QS_SECTION_CHAPTER;
    }
  else
    {
      store = qs_section_get_children (parent);
      kind = qs_section_get_kind (parent) == QS_SECTION_CHAPTER ? QS_SECTION_SECTION
                                                                  : QS_SECTION_SUBSECTION;
    }
  if (title == NULL || title[0] == '\0')
    title = parent == NULL ? _("New Chapter") : _("New Section");
  if (!begin_edit (self, parent == NULL ? _("Add Chapter") : _("Add Section")))
    return NULL;
  section = qs_section_new (kind, g_list_model_get_n_items (G_LIST_MODEL (store)) + 1, title);
  g_list_store_append (store, section);
  if (parent != NULL)
    {
      /* The parent may have had no expander: build its row again. */
      GListStore *container = find_container (self->plan, parent);

      if (container != NULL)
        refresh_in_store (container, parent);
    }
  select_item (self, section);
  end_edit (self);
  return section;
}

gboolean
qs_plan_editor_remove_section (QsPlanEditor *self,
                               QsSection    *section)
{
  GListStore *store;
  guint position;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_SECTION (section), FALSE);

  if (self->plan == NULL || (store = find_container (self->plan, section)) == NULL ||
      !g_list_store_find (store, section, &position))
    return FALSE;
  if (!begin_edit (self, _("Delete")))
    return FALSE;
  if (self->shown_item == G_OBJECT (section))
    qs_plan_editor_select_outline_row (self, GTK_INVALID_LIST_POSITION);
  g_list_store_remove (store, position);
  renumber (store);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_move_section (QsPlanEditor *self,
                             QsSection    *section,
                             int           delta)
{
  g_autoptr(QsSection) keep = NULL;
  GListStore *store;
  guint position;
  guint n;
  gint64 target;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_SECTION (section), FALSE);

  if (self->plan == NULL || (store = find_container (self->plan, section)) == NULL ||
      !g_list_store_find (store, section, &position))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  target = (gint64)position + delta;
  if (delta == 0 || target < 0 || target >= n)
    return FALSE;
  if (!begin_edit (self, _("Move")))
    return FALSE;
  keep = g_object_ref (section);
  g_list_store_remove (store, position);
  g_list_store_insert (store, (guint)target, keep);
  renumber (store);
  select_item (self, keep);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_drop_section (QsPlanEditor *self,
                             QsSection    *section,
                             QsSection    *target)
{
  GListStore *store;
  GListStore *target_store;
  guint from, to;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_SECTION (section), FALSE);
  g_return_val_if_fail (QS_IS_SECTION (target), FALSE);

  if (self->plan == NULL || section == target ||
      (store = find_container (self->plan, section)) == NULL ||
      (target_store = find_container (self->plan, target)) != store ||
      !g_list_store_find (store, section, &from) ||
      !g_list_store_find (store, target, &to))
    return FALSE;
  return qs_plan_editor_move_section (self, section, (int)to - (int)from);
}

gboolean
qs_plan_editor_set_paragraph_text (QsPlanEditor *self,
                                   QsParagraph  *paragraph,
                                   const char   *text)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_PARAGRAPH (paragraph), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  if (g_strcmp0 (qs_paragraph_get_text (paragraph), text != NULL ? text : "") == 0)
    return FALSE;
  if (!begin_edit (self, _("Edit Text")))
    return FALSE;
  qs_paragraph_set_text (paragraph, text != NULL ? text : "");
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_insert_paragraph (QsPlanEditor *self,
                                 QsSection    *section,
                                 guint         position,
                                 const char   *text)
{
  GListStore *blocks;
  g_autoptr(QsParagraph) paragraph = NULL;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_SECTION (section), FALSE);

  if (!text_fits (self, text))
    return FALSE;

  blocks = qs_section_get_blocks (section);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (blocks)));
  if (!begin_edit (self, _("Add Paragraph")))
    return FALSE;
  paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY, text != NULL ? text : "");
  g_list_store_insert (blocks, position, paragraph);
  end_edit (self);
  return TRUE;
}

gboolean
qs_plan_editor_remove_block (QsPlanEditor *self,
                             QsSection    *section,
                             GObject      *block)
{
  guint position;

  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (QS_IS_SECTION (section), FALSE);

  if (!g_list_store_find (qs_section_get_blocks (section), block, &position))
    return FALSE;
  return remove_from_store (self, qs_section_get_blocks (section), position, _("Delete Paragraph"));
}

void
qs_plan_editor_begin_group (QsPlanEditor *self,
                            const char   *label)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));
  g_return_if_fail (!self->in_group);

  self->in_group = TRUE;
  self->group_changed = FALSE;
  g_free (self->group_label);
  self->group_label = g_strdup (label);
  g_clear_pointer (&self->group_before, g_bytes_unref);
  if (self->plan != NULL)
    self->group_before = snapshot (self->plan);
}

void
qs_plan_editor_end_group (QsPlanEditor *self)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));
  g_return_if_fail (self->in_group);

  self->in_group = FALSE;
  g_clear_pointer (&self->group_before, g_bytes_unref);
  g_clear_pointer (&self->group_label, g_free);
  if (self->group_changed)
    end_edit (self);
}

/* The actions work on what the detail pane shows and, in a table, on the
 * selected row. */

/* A box (a task table without columns) lists items, not rows. */
static gboolean
shows_box (QsPlanEditor *self)
{
  return QS_IS_TASK_TABLE (self->shown_item) &&
         g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_columns (QS_TASK_TABLE (self->shown_item)))) == 0;
}

/* In a box, the item the cursor is in: items are one per line. */
static guint
cursor_item (QsPlanEditor *self)
{
  GtkTextBuffer *buffer = qs_task_table_view_get_items_buffer (self->task_table_view);
  GtkTextIter iter;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_items (QS_TASK_TABLE (self->shown_item))));

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (n == 0)
    return GTK_INVALID_LIST_POSITION;
  return MIN ((guint)gtk_text_iter_get_line (&iter), n - 1);
}

static void
place_cursor_on_item (QsPlanEditor *self,
                      guint         position)
{
  GtkTextBuffer *buffer = qs_task_table_view_get_items_buffer (self->task_table_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, position);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static guint
selected_row (QsPlanEditor *self)
{
  GtkColumnView *view = NULL;
  GtkSelectionModel *model;

  if (shows_box (self))
    return cursor_item (self);

  if (QS_IS_INDICATOR_TABLE (self->shown_item))
    view = qs_indicator_table_view_get_column_view (self->indicator_table_view);
  else if (QS_IS_TASK_TABLE (self->shown_item))
    view = qs_task_table_view_get_column_view (self->task_table_view);
  if (view == NULL || (model = gtk_column_view_get_model (view)) == NULL)
    return GTK_INVALID_LIST_POSITION;
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
}

static void
select_row (QsPlanEditor *self,
            guint         position)
{
  GtkColumnView *view = NULL;
  GtkSelectionModel *model;

  if (shows_box (self))
    {
      place_cursor_on_item (self, position);
      return;
    }
  if (QS_IS_INDICATOR_TABLE (self->shown_item))
    view = qs_indicator_table_view_get_column_view (self->indicator_table_view);
  else if (QS_IS_TASK_TABLE (self->shown_item))
    view = qs_task_table_view_get_column_view (self->task_table_view);
  if (view != NULL && (model = gtk_column_view_get_model (view)) != NULL)
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), position);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  qs_plan_editor_undo (QS_PLAN_EDITOR (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  qs_plan_editor_redo (QS_PLAN_EDITOR (widget));
}

static void
set_cell_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint row, column;
  const char *text;

  g_variant_get (parameter, "(uu&s)", &row, &column, &text);
  if (QS_IS_INDICATOR_TABLE (self->shown_item))
    qs_plan_editor_set_cell (self, QS_INDICATOR_TABLE (self->shown_item), row, column, text);
  else if (QS_IS_TASK_TABLE (self->shown_item))
    qs_plan_editor_set_task_cell (self, QS_TASK_TABLE (self->shown_item), row, column, text);
}

static void
set_header_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint column;
  const char *text;

  g_variant_get (parameter, "(u&s)", &column, &text);
  if (QS_IS_INDICATOR_TABLE (self->shown_item) || QS_IS_TASK_TABLE (self->shown_item))
    qs_plan_editor_set_header (self, self->shown_item, column, text);
}

static void
set_notes_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);

  if (QS_IS_INDICATOR_TABLE (self->shown_item) || QS_IS_TASK_TABLE (self->shown_item))
    qs_plan_editor_set_notes (self, self->shown_item, g_variant_get_string (parameter, NULL));
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint selected = selected_row (self);
  guint position;

  if (QS_IS_INDICATOR_TABLE (self->shown_item))
    {
      QsIndicatorTable *table = QS_INDICATOR_TABLE (self->shown_item);

      position = selected != GTK_INVALID_LIST_POSITION
                 ? selected + 1
                 : g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table)));
      if (qs_plan_editor_insert_row (self, table, position))
        select_row (self, position);
    }
  else if (QS_IS_TASK_TABLE (self->shown_item))
    {
      QsTaskTable *table = QS_TASK_TABLE (self->shown_item);
      GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));

      /* A box without columns grows by a task below the cursor's; a
       * project table by a row. */
      if (shows_box (self))
        {
          qs_task_table_view_commit (self->task_table_view);
          selected = selected_row (self);
          position = selected != GTK_INVALID_LIST_POSITION
                     ? selected + 1 : g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_items (table)));
          if (qs_plan_editor_insert_task_item (self, table, position, _("New task")))
            select_row (self, position);
          return;
        }
      position = selected != GTK_INVALID_LIST_POSITION ? selected + 1 : g_list_model_get_n_items (rows);
      if (qs_plan_editor_insert_task_row (self, table, position))
        select_row (self, position);
    }
}

static void
delete_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint selected;

  qs_task_table_view_commit (self->task_table_view);
  selected = selected_row (self);
  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (shows_box (self))
    qs_plan_editor_remove_task_item (self, QS_TASK_TABLE (self->shown_item), selected);
  else
    qs_plan_editor_remove_row (self, self->shown_item, selected);
}

static void
move_row_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  int delta = g_variant_get_int32 (parameter);
  guint selected;
  gboolean moved;

  qs_task_table_view_commit (self->task_table_view);
  selected = selected_row (self);
  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (shows_box (self))
    moved = qs_plan_editor_move_task_item (self, QS_TASK_TABLE (self->shown_item), selected, delta);
  else
    moved = qs_plan_editor_move_row (self, self->shown_item, selected, delta);
  if (moved)
    select_row (self, selected + delta);
}

static void
sub_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint selected = selected_row (self);

  if (selected != GTK_INVALID_LIST_POSITION && QS_IS_INDICATOR_TABLE (self->shown_item))
    qs_plan_editor_set_row_parent (self, QS_INDICATOR_TABLE (self->shown_item), selected,
                                   g_variant_get_boolean (parameter));
}

static void
select_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  select_row (QS_PLAN_EDITOR (widget), g_variant_get_uint32 (parameter));
}

/* Shows the side panel at one of its pages: "check", "chart" or "notes". */
static void
show_side_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);

  qs_side_panel_set_page (self->side_panel, g_variant_get_string (parameter, NULL));
  qs_plan_editor_set_check_panel_visible (self, TRUE);
}

static QsSection *
shown_section (QsPlanEditor *self)
{
  return QS_IS_SECTION (self->shown_item) ? QS_SECTION (self->shown_item) : NULL;
}

static void
refresh_section_view (QsPlanEditor *self)
{
  qs_section_view_refresh (self->section_view);
}

static void
rename_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);

  if (shown_section (self) != NULL &&
      qs_plan_editor_rename_section (self, shown_section (self), g_variant_get_string (parameter, NULL)))
    refresh_section_view (self);
}

static void
add_chapter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  qs_plan_editor_add_section (QS_PLAN_EDITOR (widget), NULL, NULL);
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  QsSection *parent = shown_section (self);

  if (parent != NULL && qs_section_get_kind (parent) != QS_SECTION_SUBSECTION)
    qs_plan_editor_add_section (self, parent, NULL);
}

static void
delete_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);

  if (shown_section (self) != NULL)
    qs_plan_editor_remove_section (self, shown_section (self));
}

static void
move_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);

  if (shown_section (self) != NULL)
    qs_plan_editor_move_section (self, shown_section (self), g_variant_get_int32 (parameter));
}

/* (index, text): the index-th paragraph of the shown section itself. */
static void
set_paragraph_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  QsSection *section = shown_section (self);
  GListModel *blocks;
  guint index, n, seen = 0;
  const char *text;

  if (section == NULL)
    return;
  g_variant_get (parameter, "(u&s)", &index, &text);
  blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  n = g_list_model_get_n_items (blocks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      if (!QS_IS_PARAGRAPH (block))
        continue;
      if (seen++ == index)
        {
          if (qs_plan_editor_set_paragraph_text (self, QS_PARAGRAPH (block), text))
            refresh_section_view (self);
          return;
        }
    }
}

static void
add_paragraph_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  QsSection *section = shown_section (self);

  if (section != NULL &&
      qs_plan_editor_insert_paragraph (self, section, G_MAXUINT, g_variant_get_string (parameter, NULL)))
    refresh_section_view (self);
}

static void
rename_column_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           QsPlanEditor     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "qs-column"));
  GObject *table = g_object_get_data (G_OBJECT (dialog), "qs-table");

  if (g_strcmp0 (response, "rename") == 0 && table == self->shown_item)
    qs_plan_editor_set_header (self, table, column, gtk_editable_get_text (entry));
}

static void
rename_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint column = g_variant_get_uint32 (parameter);
  GListModel *columns;
  g_autoptr(QsTableColumn) table_column = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (QS_IS_INDICATOR_TABLE (self->shown_item))
    columns = G_LIST_MODEL (qs_indicator_table_get_columns (QS_INDICATOR_TABLE (self->shown_item)));
  else if (QS_IS_TASK_TABLE (self->shown_item))
    columns = G_LIST_MODEL (qs_task_table_get_columns (QS_TASK_TABLE (self->shown_item)));
  else
    return;
  table_column = g_list_model_get_item (columns, column);
  if (table_column == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Rename Column"),
                                   _("The header as printed; a year in it (2025年目标值) tells what the column holds."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), qs_table_column_get_header (table_column));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_object_set_data (G_OBJECT (dialog), "qs-column", GUINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (dialog), "qs-table", g_object_ref (self->shown_item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_column_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Remembers @name as an alias of entry @id in the workspace's catalog
 * extensions (a catalog document: {"indicators": [{"id", "aliases"}]}). */
static gboolean
remember_alias (QsWorkspace  *workspace,
                const char   *id,
                const char   *name,
                GError      **error)
{
  g_autofree char *current = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *data = NULL;
  GError *local_error = NULL;
  JsonObject *document;
  JsonArray *indicators;
  JsonObject *entry = NULL;
  JsonArray *aliases;

  current = qs_workspace_get_catalog_extensions (workspace, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (current != NULL && json_parser_load_from_data (parser, current, -1, NULL) &&
      json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    root = json_node_copy (json_parser_get_root (parser));
  else
    {
      /* None yet (or unreadable, which the workspace would have refused). */
      root = json_node_init_object (json_node_alloc (), json_object_new ());
      json_object_set_string_member (json_node_get_object (root), "format", "qingshan-catalog");
      json_object_set_int_member (json_node_get_object (root), "version", 1);
    }
  document = json_node_get_object (root);
  if (!json_object_has_member (document, "indicators") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (document, "indicators")))
    json_object_set_array_member (document, "indicators", json_array_new ());
  indicators = json_object_get_array_member (document, "indicators");

  for (guint i = 0; i < json_array_get_length (indicators) && entry == NULL; i++)
    {
      JsonNode *element = json_array_get_element (indicators, i);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (element), "id", NULL), id) == 0)
        entry = json_node_get_object (element);
    }
  if (entry == NULL)
    {
      entry = json_object_new ();
      json_object_set_string_member (entry, "id", id);
      json_array_add_object_element (indicators, entry);
    }
  if (!json_object_has_member (entry, "aliases") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (entry, "aliases")))
    json_object_set_array_member (entry, "aliases", json_array_new ());
  aliases = json_object_get_array_member (entry, "aliases");
  for (guint i = 0; i < json_array_get_length (aliases); i++)
    if (g_strcmp0 (json_array_get_string_element (aliases, i), name) == 0)
      return TRUE;
  json_array_add_string_element (aliases, name);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);
  return qs_workspace_set_catalog_extensions (workspace, data, error);
}

static void
link_chosen_cb (QsLinkDialog *dialog,
                const char   *id,
                gboolean      remember,
                QsPlanEditor *self)
{
  QsIndicatorTable *table = g_object_get_data (G_OBJECT (dialog), "qs-table");
  QsIndicatorRow *row = g_object_get_data (G_OBJECT (dialog), "qs-row");
  guint position;
  g_autoptr(GError) error = NULL;

  /* The plan may have changed under the dialog (undo replaces it). */
  if (table == NULL || row == NULL ||
      !g_list_store_find (qs_indicator_table_get_rows (table), row, &position))
    return;
  qs_plan_editor_set_row_indicator (self, table, position, id);

  if (remember && self->workspace != NULL)
    {
      const char *name = qs_indicator_row_get_name (row);

      if (name == NULL || name[0] == '\0')
        name = qs_indicator_row_get_indicator (row);
      if (name != NULL && name[0] != '\0' && !remember_alias (self->workspace, id, name, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The name could not be remembered in the workspace’s catalog: %s"),
                                                      error->message);

          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
        }
    }
}

static void
link_row_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint selected = selected_row (self);
  QsIndicatorTable *table;
  QsIndicatorRow *row;
  QsLinkDialog *dialog;

  if (!QS_IS_INDICATOR_TABLE (self->shown_item) || selected == GTK_INVALID_LIST_POSITION)
    return;
  table = QS_INDICATOR_TABLE (self->shown_item);
  row = qs_indicator_table_get_row (table, selected);
  if (row == NULL || ensure_catalog (self) == NULL)
    return;

  dialog = qs_link_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->catalog, row);
  g_object_set_data_full (G_OBJECT (dialog), "qs-table", g_object_ref (table), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "qs-row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (link_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* (row, column): puts the cursor in a cell of the shown indicator table. */
static void
edit_cell_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QsPlanEditor *self = QS_PLAN_EDITOR (widget);
  guint row, column;

  g_variant_get (parameter, "(uu)", &row, &column);
  if (QS_IS_INDICATOR_TABLE (self->shown_item))
    {
      select_row (self, row);
      qs_indicator_table_view_edit_cell (self->indicator_table_view, row, column);
    }
}

static void
class_add_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.edit-cell", "(uu)", edit_cell_action);
  gtk_widget_class_install_action (widget_class, "editor.link-row", NULL, link_row_action);
  gtk_widget_class_install_property_action (widget_class, "editor.toggle-check-panel", "check-panel-visible");
  gtk_widget_class_install_action (widget_class, "editor.rename-column", "u", rename_column_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "editor.set-cell", "(uus)", set_cell_action);
  gtk_widget_class_install_action (widget_class, "editor.set-header", "(us)", set_header_action);
  gtk_widget_class_install_action (widget_class, "editor.set-notes", "s", set_notes_action);
  gtk_widget_class_install_action (widget_class, "editor.select-row", "u", select_row_action);
  gtk_widget_class_install_action (widget_class, "editor.show-side-page", "s", show_side_page_action);
  gtk_widget_class_install_action (widget_class, "editor.add-row", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-row", NULL, delete_row_action);
  gtk_widget_class_install_action (widget_class, "editor.move-row", "i", move_row_action);
  gtk_widget_class_install_action (widget_class, "editor.sub-row", "b", sub_row_action);
  gtk_widget_class_install_action (widget_class, "editor.rename-section", "s", rename_section_action);
  gtk_widget_class_install_action (widget_class, "editor.add-chapter", NULL, add_chapter_action);
  gtk_widget_class_install_action (widget_class, "editor.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-section", NULL, delete_section_action);
  gtk_widget_class_install_action (widget_class, "editor.move-section", "i", move_section_action);
  gtk_widget_class_install_action (widget_class, "editor.set-paragraph", "(us)", set_paragraph_action);
  gtk_widget_class_install_action (widget_class, "editor.add-paragraph", "s", add_paragraph_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "editor.toggle-check-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
}


static void
qs_plan_editor_dispose (GObject *object)
{
  QsPlanEditor *self = (QsPlanEditor *)object;
  GtkWidget *child;

  close_plan_dialogs (self);
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
  g_clear_object (&self->undo);
  g_clear_pointer (&self->group_before, g_bytes_unref);
  g_clear_pointer (&self->group_label, g_free);
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_changed_cb, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->check);
  forget_workspace_data (self);

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
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_CHECK_PANEL_VISIBLE:
      g_value_set_boolean (value, self->check_panel_visible);
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
    case PROP_WORKSPACE:
      qs_plan_editor_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_CHECK_PANEL_VISIBLE:
      qs_plan_editor_set_check_panel_visible (self, g_value_get_boolean (value));
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
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, QS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK_PANEL_VISIBLE] =
    g_param_spec_boolean ("check-panel-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QsPlanEditor::changed:
   *
   * Emitted after every edit, undo and redo: the plan needs saving.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  class_add_edit_actions (widget_class);

  g_type_ensure (QS_TYPE_SECTION_VIEW);
  g_type_ensure (QS_TYPE_INDICATOR_TABLE_VIEW);
  g_type_ensure (QS_TYPE_TASK_TABLE_VIEW);
  g_type_ensure (QS_TYPE_SIDE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, outline_view);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, overview_page);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, section_view);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, indicator_table_view);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, task_table_view);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, check_revealer);
  gtk_widget_class_bind_template_child (widget_class, QsPlanEditor, side_panel);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_plan_editor_init (QsPlanEditor *self)
{
  GtkListItemFactory *factory;

  self->highlight_cells = TRUE;
  self->undo = qs_undo_stack_new (UNDO_LIMIT);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_undo_actions (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_outline_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_outline_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_outline_row_cb), NULL);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->section_view, "block-activated",
                           G_CALLBACK (section_block_activated_cb), self, G_CONNECT_SWAPPED);
  self->check_panel = qs_side_panel_get_check_panel (self->side_panel);
  g_signal_connect_object (self->check_panel, "finding-activated",
                           G_CALLBACK (finding_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (qs_indicator_table_view_get_column_view (self->indicator_table_view),
                           "notify::model", G_CALLBACK (table_model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (qs_side_panel_get_notes_panel (self->side_panel), "note-activated",
                           G_CALLBACK (note_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (qs_side_panel_get_notes_panel (self->side_panel), "plan-will-change",
                           G_CALLBACK (notes_will_change_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (qs_side_panel_get_notes_panel (self->side_panel), "plan-changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
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
  /* Undo belongs to one plan: another plan starts afresh, and may
   * answer to another municipal plan. */
  qs_undo_stack_clear (self->undo);
  g_clear_object (&self->municipal);
  self->municipal_looked_up = FALSE;
  update_undo_actions (self);
  replace_plan (self, plan);
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

void
qs_plan_editor_set_workspace (QsPlanEditor *self,
                              QsWorkspace  *workspace)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));
  g_return_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_changed_cb, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                             G_CONNECT_SWAPPED);
  forget_workspace_data (self);
  qs_side_panel_set_workspace (self->side_panel, workspace);
  schedule_check (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

QsWorkspace *
qs_plan_editor_get_workspace (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->workspace;
}

void
qs_plan_editor_set_check_panel_visible (QsPlanEditor *self,
                                        gboolean      visible)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));

  visible = !!visible;
  if (self->check_panel_visible == visible)
    return;
  self->check_panel_visible = visible;
  gtk_revealer_set_reveal_child (self->check_revealer, visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_PANEL_VISIBLE]);
}

gboolean
qs_plan_editor_get_check_panel_visible (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  return self->check_panel_visible;
}

QsCheckPanel *
qs_plan_editor_get_check_panel (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->check_panel;
}

QsCheck *
qs_plan_editor_get_check (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->check;
}

void
qs_plan_editor_run_check (QsPlanEditor *self)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));
  run_check (self);
}

gboolean
qs_plan_editor_check_pending (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);
  return self->check_source != 0;
}

QsSidePanel *
qs_plan_editor_get_side_panel (QsPlanEditor *self)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), NULL);
  return self->side_panel;
}

gboolean
qs_plan_editor_begin_change (QsPlanEditor *self,
                             const char   *label)
{
  g_return_val_if_fail (QS_IS_PLAN_EDITOR (self), FALSE);

  qs_plan_editor_commit (self);
  return begin_edit (self, label);
}

void
qs_plan_editor_end_change (QsPlanEditor *self)
{
  g_return_if_fail (QS_IS_PLAN_EDITOR (self));
  end_edit (self);
}

static void
suggestions_will_change_cb (QsPlanEditor        *self,
                            const char          *label,
                            QsSuggestionsDialog *dialog)
{
  qs_plan_editor_begin_change (self, label);
}

static void
suggestions_changed_cb (QsPlanEditor        *self,
                        const char          *label,
                        QsSuggestionsDialog *dialog)
{
  qs_plan_editor_end_change (self);
}

void
qs_plan_editor_show_suggestions (QsPlanEditor *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (QS_IS_PLAN_EDITOR (self));

  if (self->plan == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = qs_suggestions_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->plan);
  g_signal_connect_object (dialog, "plan-will-change", G_CALLBACK (suggestions_will_change_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "plan-changed", G_CALLBACK (suggestions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  track_dialog (dialog, &self->suggestions_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The requirements editor reports each change with the plan's state before
 * it: that state is the undo step. */
static void
requirements_changed_cb (QsPlanEditor         *self,
                         const char           *label,
                         GBytes               *before,
                         QsRequirementsEditor *dialog)
{
  if (self->plan == NULL || qs_requirements_editor_get_plan (dialog) != self->plan)
    return;
  if (before != NULL)
    qs_undo_stack_push (self->undo, label, before);
  end_edit (self);
}

void
qs_plan_editor_edit_requirements (QsPlanEditor *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (QS_IS_PLAN_EDITOR (self));

  if (self->plan == NULL || ensure_catalog (self) == NULL)
    return;
  qs_plan_editor_commit (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = qs_requirements_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->plan,
                                       self->workspace, self->catalog);
  g_signal_connect_object (dialog, "plan-changed", G_CALLBACK (requirements_changed_cb), self,
                           G_CONNECT_SWAPPED);
  track_dialog (dialog, &self->requirements_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
