/* qs-task-table-view.c: a task box (items) and/or project table (rows).
 *
 * A box's items are long sentences, so they are shown as running text; a
 * project table's rows go into a GtkColumnView whose cells wrap.
 */
#define G_LOG_DOMAIN "qs-task-table-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-task-table-view.h"

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
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TaskColumn               *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), info->max_chars);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (info->max_chars, 6));
  gtk_widget_add_css_class (label, "cell");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TaskColumn               *info)
{
  QsTaskRow *row = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       qs_task_row_get_cell (row, info->index));
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
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, widest > 20);
  gtk_column_view_append_column (self->column_view, column);
}

static void
fill_items (QsTaskTableView *self)
{
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (self->table));
  guint n_items = g_list_model_get_n_items (items);

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
  gtk_widget_set_visible (GTK_WIDGET (self->items_view), n_items > 0);
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
  gtk_text_buffer_set_text (self->items_buffer, "", 0);

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
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (rows)));
      gtk_column_view_set_model (self->column_view, selection);
    }
  gtk_widget_set_visible (self->rows_frame, n_columns > 0 && n_rows > 0);

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
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_task_table_view_init (QsTaskTableView *self)
{
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

  if (!g_set_object (&self->table, table))
    return;
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
