/* qs-task-table-view.c: a task box (items) and/or project table (rows).
 *
 * A box's items are long sentences, so they are shown as running text, one
 * item per line, edited in place (a new line is a new item); a project
 * table's rows go into a GtkColumnView whose cells are edited in place.
 * Under a project table with an investment column (投资) and a field
 * column (领域, 类别) the investment is summed per field.  Edits go through
 * the plan editor's actions, so they are undone like any other.
 */
#define G_LOG_DOMAIN "qs-task-table-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qs-display.h"
#include "qs-display-widgets.h"
#include "qs-plan-editor.h"
#include "qs-task-table-view.h"

/* Typed items are written back this long after the last keystroke. */
#define COMMIT_DELAY_MS 1000

struct _QsTaskTableView
{
  GtkWidget      parent_instance;

  QsTaskTable   *table;

  GtkScrolledWindow *scroller;
  GtkLabel      *caption_label;
  GtkLabel      *info_label;
  GtkWidget     *rows_frame;
  GtkColumnView *column_view;
  GtkTextView   *items_view;
  GtkTextBuffer *items_buffer;
  GtkLabel      *notes_label;
  GtkLabel      *totals_label;
  GListModel    *rows;        /* watched for the totals */
  GListModel    *items;       /* watched to show added and removed items */
  gboolean       committing;
  guint          commit_id;
  gboolean       building;
  gboolean       modified;
};

G_DEFINE_FINAL_TYPE (QsTaskTableView, qs_task_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint index;
  guint max_chars;
} TaskColumn;

static void
editing_changed_cb (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    TaskColumn       *info)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (label), "qs-list-item");
  QsTaskRow *row;
  const char *text;

  if (gtk_editable_label_get_editing (label) || list_item == NULL ||
      (row = gtk_list_item_get_item (list_item)) == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (label));
  if (g_strcmp0 (qs_task_row_get_cell (row, info->index), text) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (label), "editor.set-cell", "(uus)",
                              gtk_list_item_get_position (list_item), info->index, text);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TaskColumn               *info)
{
  GtkWidget *label = gtk_editable_label_new ("");

  gtk_editable_set_width_chars (GTK_EDITABLE (label), MIN (info->max_chars, 6));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (label), info->max_chars);
  g_object_set_data (G_OBJECT (label), "qs-list-item", list_item);
  g_signal_connect (label, "notify::editing", G_CALLBACK (editing_changed_cb), info);
  gtk_widget_add_css_class (label, "cell");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TaskColumn               *info)
{
  QsTaskRow *row = gtk_list_item_get_item (list_item);

  gtk_editable_set_text (GTK_EDITABLE (gtk_list_item_get_child (list_item)),
                         qs_task_row_get_cell (row, info->index));
}

static int
find_column_containing (QsTaskTable        *table,
                        const char * const *words)
{
  GListModel *columns = G_LIST_MODEL (qs_task_table_get_columns (table));
  guint n = g_list_model_get_n_items (columns);

  for (guint w = 0; words[w] != NULL; w++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);

        if (strstr (qs_table_column_get_name (column), words[w]) != NULL)
          return i;
      }
  return -1;
}

char *
qs_task_table_dup_totals (QsTaskTable *table)
{
  static const char * const investment_words[] = { "投资", NULL };
  static const char * const field_words[] = { "领域", "类别", "类型", NULL };
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GArray) sums = NULL;
  GListModel *rows;
  GListModel *columns;
  GString *text;
  int investment;
  int field;
  int decimals = 0;
  double total = 0;
  guint n;
  const char *current = "";

  g_return_val_if_fail (QS_IS_TASK_TABLE (table), NULL);

  investment = find_column_containing (table, investment_words);
  field = find_column_containing (table, field_words);
  if (investment < 0)
    return NULL;

  rows = G_LIST_MODEL (qs_task_table_get_rows (table));
  columns = G_LIST_MODEL (qs_task_table_get_columns (table));
  n = g_list_model_get_n_items (rows);
  fields = g_ptr_array_new_with_free_func (g_free);
  sums = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, i);
      g_autoptr(QsValue) value = qs_value_parse (qs_task_row_get_cell (row, investment));
      guint index;

      /* An empty field cell is merged with the one above. */
      if (field >= 0 && qs_task_row_get_cell (row, field)[0] != '\0')
        current = qs_task_row_get_cell (row, field);
      if (value->kind != QS_VALUE_NUMBER)
        continue;
      decimals = MAX (decimals, value->decimals);
      total += value->number;
      if (field < 0)
        continue;
      for (index = 0; index < fields->len; index++)
        if (g_str_equal (g_ptr_array_index (fields, index), current))
          break;
      if (index == fields->len)
        {
          double zero = 0;

          g_ptr_array_add (fields, qs_text_strip_spaces (current));
          g_array_append_val (sums, zero);
        }
      g_array_index (sums, double, index) += value->number;
    }

  text = g_string_new (NULL);
  {
    g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, investment);

    /* TRANSLATORS: %s is the investment column's header, e.g. 投资（万元） */
    g_string_append_printf (text, _("Totals of %s"), qs_table_column_get_name (column));
  }
  for (guint i = 0; i < fields->len; i++)
    g_string_append_printf (text, "\n%s\t%.*f",
                            *(char *)g_ptr_array_index (fields, i) != '\0'
                            ? (char *)g_ptr_array_index (fields, i) : _("(no field)"),
                            decimals, g_array_index (sums, double, i));
  g_string_append_printf (text, "\n%s\t%.*f", _("All projects"), decimals, total);
  return g_string_free (text, FALSE);
}

static void
update_totals (QsTaskTableView *self)
{
  g_autofree char *totals = self->table != NULL ? qs_task_table_dup_totals (self->table) : NULL;

  gtk_label_set_label (self->totals_label, totals);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_label), totals != NULL);
}

static void
rows_changed_cb (QsTaskTableView *self)
{
  update_totals (self);
}

static void fill_items (QsTaskTableView *self);

/* An item added or removed by an action: show the items again, keeping
 * the cursor where it was. */
static void
items_store_changed_cb (QsTaskTableView *self)
{
  GtkTextIter iter;
  int offset;

  if (self->committing)
    return;
  gtk_text_buffer_get_iter_at_mark (self->items_buffer, &iter,
                                    gtk_text_buffer_get_insert (self->items_buffer));
  offset = gtk_text_iter_get_offset (&iter);
  fill_items (self);
  gtk_text_buffer_get_iter_at_offset (self->items_buffer, &iter, offset);
  gtk_text_buffer_place_cursor (self->items_buffer, &iter);
}

/* One item per line: line i is item i; more lines are new items, fewer
 * lines delete the last items.  One step of undo. */
gboolean
qs_task_table_view_commit (QsTaskTableView *self)
{
  QsPlanEditor *editor;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  QsTaskTable *table;
  GListModel *items;
  guint n_items;

  g_return_val_if_fail (QS_IS_TASK_TABLE_VIEW (self), FALSE);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (!self->modified || self->table == NULL)
    return FALSE;
  self->modified = FALSE;
  editor = (QsPlanEditor *)gtk_widget_get_ancestor (GTK_WIDGET (self), QS_TYPE_PLAN_EDITOR);
  if (editor == NULL)
    return FALSE;

  gtk_text_buffer_get_bounds (self->items_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->items_buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_ptr_array_add (kept, lines[i]);

  table = g_object_ref (self->table);
  items = G_LIST_MODEL (qs_task_table_get_items (table));
  self->committing = TRUE;
  qs_plan_editor_begin_group (editor, _("Edit Tasks"));
  for (guint i = 0; i < kept->len; i++)
    {
      if (i < g_list_model_get_n_items (items))
        qs_plan_editor_set_task_item (editor, table, i, g_ptr_array_index (kept, i));
      else
        qs_plan_editor_insert_task_item (editor, table, i, g_ptr_array_index (kept, i));
    }
  n_items = g_list_model_get_n_items (items);
  for (guint i = n_items; i > kept->len; i--)
    qs_plan_editor_remove_task_item (editor, table, i - 1);
  qs_plan_editor_end_group (editor);
  self->committing = FALSE;
  g_object_unref (table);
  return TRUE;
}

static gboolean
commit_cb (gpointer user_data)
{
  QsTaskTableView *self = user_data;

  self->commit_id = 0;
  qs_task_table_view_commit (self);
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (QsTaskTableView *self)
{
  if (self->building)
    return;
  self->modified = TRUE;
  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->commit_id = g_timeout_add (COMMIT_DELAY_MS, commit_cb, self);
}

static void
remove_columns (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (column_view, column);
    }
}

static void
add_column (QsTaskTableView *self,
            QsTableColumn   *table_column,
            guint            index)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (self->table));
  guint n_rows = g_list_model_get_n_items (rows);
  TaskColumn *info = g_new0 (TaskColumn, 1);
  guint widest = 4;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, i);

      widest = MAX (widest, qs_text_display_width (qs_task_row_get_cell (row, index)));
    }

  info->index = index;
  info->max_chars = MIN (widest, 40);
  g_object_set_data_full (G_OBJECT (factory), "qs-task-column", info, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);

  column = gtk_column_view_column_new (qs_table_column_get_header (table_column), factory);
  {
    g_autoptr(GMenuModel) menu = qs_column_header_menu_new (index);

    gtk_column_view_column_set_header_menu (column, menu);
  }
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, widest > 20);
  gtk_column_view_append_column (self->column_view, column);
}

static void
fill_items (QsTaskTableView *self)
{
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (self->table));
  guint n_items = g_list_model_get_n_items (items);

  self->building = TRUE;
  gtk_text_buffer_set_text (self->items_buffer, "", 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);
      gboolean heading = qs_task_item_get_kind (item) == QS_TASK_ITEM_HEADING;
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (self->items_buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (self->items_buffer, &end,
                                                qs_task_item_get_text (item), -1,
                                                heading ? "heading" : "item", NULL);
      if (i + 1 < n_items)
        {
          gtk_text_buffer_get_end_iter (self->items_buffer, &end);
          gtk_text_buffer_insert (self->items_buffer, &end, "\n", -1);
        }
    }
  /* A box without columns always shows its items, to type the first one. */
  gtk_widget_set_visible (GTK_WIDGET (self->items_view),
                          n_items > 0 ||
                          g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_columns (self->table))) == 0);
  self->building = FALSE;
  self->modified = FALSE;
}

static void
rebuild (QsTaskTableView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *info = NULL;
  const char * const *notes;
  g_autofree char *notes_text = NULL;
  GListModel *columns;
  GListModel *rows;
  guint n_columns;
  guint n_rows;
  guint n_items;

  gtk_column_view_set_model (self->column_view, NULL);
  remove_columns (self->column_view);
  self->building = TRUE;
  gtk_text_buffer_set_text (self->items_buffer, "", 0);
  self->building = FALSE;
  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_func (self->rows, rows_changed_cb, self);
  g_clear_object (&self->rows);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_store_changed_cb, self);
  g_clear_object (&self->items);

  if (self->table == NULL)
    return;

  columns = G_LIST_MODEL (qs_task_table_get_columns (self->table));
  rows = G_LIST_MODEL (qs_task_table_get_rows (self->table));
  n_columns = g_list_model_get_n_items (columns);
  n_rows = g_list_model_get_n_items (rows);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_items (self->table)));

  caption = qs_table_dup_display_title (qs_task_table_get_label (self->table),
                                        qs_task_table_get_caption (self->table));
  gtk_label_set_label (self->caption_label, caption);

  if (n_columns > 0 && n_rows > 0)
    info = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n_rows),
                            n_rows);
  else
    info = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items),
                            n_items);
  gtk_label_set_label (self->info_label, info);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);

      add_column (self, column, i);
    }
  if (n_columns > 0)
    {
      selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (rows)));
      gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
      gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
      gtk_column_view_set_model (self->column_view, selection);
    }
  gtk_widget_set_visible (self->rows_frame, n_columns > 0);
  self->rows = g_object_ref (rows);
  g_signal_connect_object (rows, "items-changed", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->items = g_object_ref (G_LIST_MODEL (qs_task_table_get_items (self->table)));
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_totals (self);

  fill_items (self);

  notes = qs_task_table_get_notes (self->table);
  if (notes != NULL && notes[0] != NULL)
    notes_text = g_strjoinv ("\n", (char **)notes);
  gtk_label_set_label (self->notes_label, notes_text);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes_text != NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
qs_task_table_view_dispose (GObject *object)
{
  QsTaskTableView *self = (QsTaskTableView *)object;
  GtkWidget *child;

  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      remove_columns (self->column_view);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_TASK_TABLE_VIEW);
  /* The template's unnamed top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_func (self->rows, rows_changed_cb, self);
  g_clear_object (&self->rows);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_store_changed_cb, self);
  g_clear_object (&self->items);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (qs_task_table_view_parent_class)->dispose (object);
}

static void
qs_task_table_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QsTaskTableView *self = QS_TASK_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_task_table_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QsTaskTableView *self = QS_TASK_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      qs_task_table_view_set_table (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_task_table_view_class_init (QsTaskTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_task_table_view_dispose;
  object_class->get_property = qs_task_table_view_get_property;
  object_class->set_property = qs_task_table_view_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, QS_TYPE_TASK_TABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-task-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, scroller);
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, caption_label);
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, info_label);
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, rows_frame);
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, items_view);
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, QsTaskTableView, totals_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_task_table_view_init (QsTaskTableView *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items_buffer = gtk_text_view_get_buffer (self->items_view);
  gtk_text_buffer_create_tag (self->items_buffer, "heading",
                              "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 10,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (self->items_buffer, "item",
                              "pixels-below-lines", 10,
                              "pixels-inside-wrap", 4,
                              NULL);
  /* Ctrl+Z is the plan's undo. */
  gtk_text_buffer_set_enable_undo (self->items_buffer, FALSE);
  g_signal_connect_object (self->items_buffer, "changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (qs_task_table_view_commit), self);
  gtk_widget_add_controller (GTK_WIDGET (self->items_view), focus);
}

GtkWidget *
qs_task_table_view_new (void)
{
  return g_object_new (QS_TYPE_TASK_TABLE_VIEW, NULL);
}

QsTaskTable *
qs_task_table_view_get_table (QsTaskTableView *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE_VIEW (self), NULL);
  return self->table;
}

void
qs_task_table_view_set_table (QsTaskTableView *self,
                              QsTaskTable     *table)
{
  g_return_if_fail (QS_IS_TASK_TABLE_VIEW (self));
  g_return_if_fail (table == NULL || QS_IS_TASK_TABLE (table));

  if (self->table == table)
    return;
  /* What was typed into the box being left is kept. */
  qs_task_table_view_commit (self);
  g_set_object (&self->table, table);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

GtkColumnView *
qs_task_table_view_get_column_view (QsTaskTableView *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE_VIEW (self), NULL);
  return self->column_view;
}

GtkTextBuffer *
qs_task_table_view_get_items_buffer (QsTaskTableView *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE_VIEW (self), NULL);
  return self->items_buffer;
}
