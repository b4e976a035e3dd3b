/* qs-indicator-table-view.c: an indicator table, one column per table column.
 *
 * Each cell shows its text exactly as written in a GtkInscription (cheap to
 * measure, so long tables stay fast); the tooltip adds the parsed reading.
 */
#define G_LOG_DOMAIN "qs-indicator-table-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-indicator-table-view.h"

struct _QsIndicatorTableView
{
  GtkWidget         parent_instance;

  QsIndicatorTable *table;
  gboolean          highlight;

  GtkLabel         *caption_label;
  GtkLabel         *info_label;
  GtkLabel         *unreadable_label;
  GtkColumnView    *column_view;
  GtkWidget        *notes_scroller;
  GtkLabel         *notes_label;
};

G_DEFINE_FINAL_TYPE (QsIndicatorTableView, qs_indicator_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a column's cells need to know; owned by the column's factory. */
typedef struct
{
  QsIndicatorTableView *view;   /* unowned: the view outlives its columns */
  guint                 index;
  QsColumnRole          role;
  guint                 nat_chars;
  guint                 nat_lines;
} CellColumn;

static gboolean
role_is_text (QsColumnRole role)
{
  return role == QS_COLUMN_CATEGORY || role == QS_COLUMN_NAME || role == QS_COLUMN_SUBNAME ||
         role == QS_COLUMN_REMARK || role == QS_COLUMN_OTHER;
}

static gboolean
role_has_reading (QsColumnRole role)
{
  return !qs_column_role_is_structural (role) && role != QS_COLUMN_UNIT &&
         role != QS_COLUMN_ATTRIBUTE && role != QS_COLUMN_REMARK;
}

/* The widest a column grows before its cells wrap, in narrow characters. */
static guint
role_max_chars (QsColumnRole role)
{
  switch (role)
    {
    case QS_COLUMN_NAME:
      return 30;
    case QS_COLUMN_REMARK:
    case QS_COLUMN_OTHER:
      return 24;
    case QS_COLUMN_CATEGORY:
    case QS_COLUMN_SUBNAME:
      return 12;
    default:
      return 14;
    }
}

static void
measure_column (QsIndicatorTable *table,
                CellColumn       *info)
{
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  guint n_rows = g_list_model_get_n_items (rows);
  guint max_chars = role_max_chars (info->role);
  guint widest = 2;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, i);

      widest = MAX (widest, qs_text_display_width (qs_indicator_row_get_cell (row, info->index)));
    }

  info->nat_chars = MIN (widest, max_chars);
  info->nat_lines = MIN (3, (widest + info->nat_chars - 1) / info->nat_chars);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CellColumn               *info)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), info->nat_chars);
  /* A data table scrolls sideways rather than cut its figures short. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), info->nat_chars);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), info->nat_lines);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (inscription), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), role_is_text (info->role) ? 0.0 : 0.5);
  if (!role_is_text (info->role))
    gtk_widget_add_css_class (inscription, "numeric");
  gtk_widget_add_css_class (inscription, "cell");
  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CellColumn               *info)
{
  QsIndicatorRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  const char *text = qs_indicator_row_get_cell (row, info->index);
  g_autofree char *tooltip = NULL;
  const char *style = NULL;

  /* Value cells always explain their reading; other cells only repeat
   * their text when it does not fit. */
  if (role_has_reading (info->role) ||
      qs_text_display_width (text) > info->nat_chars * info->nat_lines)
    tooltip = qs_indicator_cell_dup_tooltip (row, info->index, info->role);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_tooltip_text (inscription, tooltip);

  gtk_widget_remove_css_class (inscription, "error");
  gtk_widget_remove_css_class (inscription, "warning");
  if (role_has_reading (info->role))
    style = qs_indicator_cell_style_class (qs_indicator_row_get_value (row, info->index));
  if (style != NULL && (info->view->highlight || g_str_equal (style, "error")))
    gtk_widget_add_css_class (inscription, style);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CellColumn               *info)
{
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), NULL);
  gtk_widget_set_tooltip_text (inscription, NULL);
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
add_column (QsIndicatorTableView *self,
            QsTableColumn        *table_column,
            guint                 index)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellColumn *info = g_new0 (CellColumn, 1);

  info->view = self;
  info->index = index;
  info->role = qs_table_column_get_role (table_column);
  measure_column (self->table, info);
  g_object_set_data_full (G_OBJECT (factory), "qs-cell-column", info, g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), info);

  /* Headers keep their line breaks ("2020年\n现状值"), as in the printed table. */
  column = gtk_column_view_column_new (qs_table_column_get_header (table_column), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, info->role == QS_COLUMN_NAME);
  gtk_column_view_append_column (self->column_view, column);
}

static void
update_notes (QsIndicatorTableView *self)
{
  const char * const *notes = qs_indicator_table_get_notes (self->table);
  g_autofree char *text = NULL;

  if (notes != NULL && notes[0] != NULL)
    text = g_strjoinv ("\n", (char **)notes);
  gtk_label_set_label (self->notes_label, text);
  gtk_widget_set_visible (self->notes_scroller, text != NULL);
}

static void
rebuild (QsIndicatorTableView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *rows_str = NULL;
  g_autofree char *unreadable_str = NULL;
  GListModel *columns;
  GListModel *rows;
  guint n_columns;
  guint n_rows;
  guint n_unreadable;

  gtk_column_view_set_model (self->column_view, NULL);
  remove_columns (self->column_view);

  if (self->table == NULL)
    return;

  columns = G_LIST_MODEL (qs_indicator_table_get_columns (self->table));
  rows = G_LIST_MODEL (qs_indicator_table_get_rows (self->table));
  n_columns = g_list_model_get_n_items (columns);
  n_rows = g_list_model_get_n_items (rows);

  caption = qs_table_dup_display_title (qs_indicator_table_get_label (self->table),
                                        qs_indicator_table_get_caption (self->table));
  gtk_label_set_label (self->caption_label, caption);

  rows_str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                           n_rows), n_rows);
  gtk_label_set_label (self->info_label, rows_str);

  n_unreadable = qs_indicator_table_count_unreadable (self->table);
  if (n_unreadable > 0)
    unreadable_str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u cell could not be read: point at a cell marked in red to see why",
                                                   "%u cells could not be read: point at a cell marked in red to see why",
                                                   n_unreadable), n_unreadable);
  gtk_label_set_label (self->unreadable_label, unreadable_str);
  gtk_widget_set_visible (GTK_WIDGET (self->unreadable_label), unreadable_str != NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);

      add_column (self, column, i);
    }

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (rows)));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_column_view_set_model (self->column_view, selection);

  update_notes (self);
}

static void
qs_indicator_table_view_dispose (GObject *object)
{
  QsIndicatorTableView *self = (QsIndicatorTableView *)object;
  GtkWidget *child;

  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      remove_columns (self->column_view);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_INDICATOR_TABLE_VIEW);
  /* The template's unnamed top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (qs_indicator_table_view_parent_class)->dispose (object);
}

static void
qs_indicator_table_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  QsIndicatorTableView *self = QS_INDICATOR_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_boolean (value, self->highlight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_indicator_table_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  QsIndicatorTableView *self = QS_INDICATOR_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      qs_indicator_table_view_set_table (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHT:
      qs_indicator_table_view_set_highlight (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_indicator_table_view_class_init (QsIndicatorTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_indicator_table_view_dispose;
  object_class->get_property = qs_indicator_table_view_get_property;
  object_class->set_property = qs_indicator_table_view_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, QS_TYPE_INDICATOR_TABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT] =
    g_param_spec_boolean ("highlight", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-indicator-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QsIndicatorTableView, caption_label);
  gtk_widget_class_bind_template_child (widget_class, QsIndicatorTableView, info_label);
  gtk_widget_class_bind_template_child (widget_class, QsIndicatorTableView, unreadable_label);
  gtk_widget_class_bind_template_child (widget_class, QsIndicatorTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QsIndicatorTableView, notes_scroller);
  gtk_widget_class_bind_template_child (widget_class, QsIndicatorTableView, notes_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_indicator_table_view_init (QsIndicatorTableView *self)
{
  self->highlight = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qs_indicator_table_view_new (void)
{
  return g_object_new (QS_TYPE_INDICATOR_TABLE_VIEW, NULL);
}

QsIndicatorTable *
qs_indicator_table_view_get_table (QsIndicatorTableView *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self), NULL);
  return self->table;
}

void
qs_indicator_table_view_set_table (QsIndicatorTableView *self,
                                   QsIndicatorTable     *table)
{
  g_return_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self));
  g_return_if_fail (table == NULL || QS_IS_INDICATOR_TABLE (table));

  if (!g_set_object (&self->table, table))
    return;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

gboolean
qs_indicator_table_view_get_highlight (QsIndicatorTableView *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self), FALSE);
  return self->highlight;
}

void
qs_indicator_table_view_set_highlight (QsIndicatorTableView *self,
                                       gboolean              highlight)
{
  g_return_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self));

  highlight = !!highlight;
  if (self->highlight == highlight)
    return;
  self->highlight = highlight;
  /* Rebinding every cell is simplest: tables have tens of rows. */
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

GtkColumnView *
qs_indicator_table_view_get_column_view (QsIndicatorTableView *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self), NULL);
  return self->column_view;
}

guint
qs_indicator_table_count_unreadable (QsIndicatorTable *table)
{
  GListModel *columns;
  GListModel *rows;
  guint n_columns;
  guint n_rows;
  guint count = 0;

  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table), 0);

  columns = G_LIST_MODEL (qs_indicator_table_get_columns (table));
  rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  n_columns = g_list_model_get_n_items (columns);
  n_rows = g_list_model_get_n_items (rows);

  for (guint c = 0; c < n_columns; c++)
    {
      if (!role_has_reading (qs_table_column_get_role (qs_indicator_table_get_column (table, c))))
        continue;
      for (guint r = 0; r < n_rows; r++)
        {
          const QsValue *value = qs_indicator_row_get_value (qs_indicator_table_get_row (table, r), c);

          if (value != NULL && qs_value_is_error (value))
            count++;
        }
    }
  return count;
}
