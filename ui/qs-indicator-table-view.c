/* qs-indicator-table-view.c: an indicator table, one column per table column.
 *
 * Each cell shows its text exactly as written in a GtkEditableLabel: a
 * click edits it in place, Enter commits through the plan editor
 * (editor.set-cell, so the row's meaning follows and undo works).  Value
 * cells have an icon for their parsed reading (bound, cumulative,
 * assigned, change, unreadable) whose tooltip says what was read; the
 * attribute column is a drop-down of 约束性 / 预期性.
 *
 * With a check (the plan against its municipal plan) a narrow first
 * column shows each row's verdict as a badge whose tooltip is the
 * finding's reason; it is not a table column, so column indices given to
 * and by this view (edit_cell, editor.set-cell) stay table column indices.
 */
#define G_LOG_DOMAIN "qs-indicator-table-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-check-panel.h"
#include "qs-display.h"
#include "qs-catalog.h"
#include "qs-display-widgets.h"
#include "qs-indicator-table-view.h"

struct _QsIndicatorTableView
{
  GtkWidget         parent_instance;

  QsIndicatorTable *table;
  gboolean          highlight;
  QsCheck          *check;
  GHashTable       *findings;     /* QsIndicatorRow → QsCheckFinding (borrowed from check) */
  GHashTable       *bound_badges; /* GtkListItem of the status column, bound (borrowed) */
  GtkColumnViewColumn *status_column;

  GtkLabel         *caption_label;
  GtkLabel         *info_label;
  GtkLabel         *unreadable_label;
  GtkColumnView    *column_view;
  GtkWidget        *notes_scroller;
  GtkTextView      *notes_view;
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
  GtkStringList        *choices;  /* the category column's drop-down, or NULL */
} CellColumn;

static void
cell_column_free (gpointer data)
{
  CellColumn *info = data;

  g_clear_object (&info->choices);
  g_free (info);
}

/* The catalog's fields (环境质量, 污染减排 …), read once. */
static const char * const *
catalog_fields (void)
{
  static GPtrArray *fields;

  if (g_once_init_enter (&fields))
    {
      GPtrArray *found = g_ptr_array_new ();
      g_autoptr(QsCatalog) catalog = qs_catalog_new_default (NULL);
      GListModel *entries = catalog != NULL ? qs_catalog_get_entries (catalog) : NULL;
      guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);
          const char *field = qs_catalog_entry_get_field (entry);
          gboolean seen = FALSE;

          for (guint f = 0; field != NULL && f < found->len && !seen; f++)
            seen = g_str_equal (g_ptr_array_index (found, f), field);
          if (field != NULL && field[0] != '\0' && !seen)
            g_ptr_array_add (found, g_strdup (field));
        }
      g_ptr_array_add (found, NULL);
      g_once_init_leave (&fields, found);
    }
  return (const char * const *)fields->pdata;
}

/* The categories a row may take: the table's own, then the catalog's fields. */
static GtkStringList *
category_choices (QsIndicatorTable *table)
{
  GtkStringList *choices = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  guint n = g_list_model_get_n_items (rows);
  const char * const *fields = catalog_fields ();

  for (guint i = 0; i < n; i++)
    {
      const char *category = qs_indicator_row_get_category (qs_indicator_table_get_row (table, i));

      if (category != NULL && category[0] != '\0' && g_hash_table_add (seen, (gpointer)category))
        gtk_string_list_append (choices, category);
    }
  for (guint i = 0; fields[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer)fields[i]))
      gtk_string_list_append (choices, fields[i]);
  return choices;
}

static guint
find_choice (GtkStringList *choices,
             const char    *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (choices));

  for (guint i = 0; text != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (choices, i), text))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

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

/* The icon for a cell's parsed reading, or NULL for a plain figure. */
static const char *
reading_icon_name (const QsValue *value)
{
  if (value == NULL)
    return NULL;
  switch (value->kind)
    {
    case QS_VALUE_UNREADABLE:
      return "dialog-warning-symbolic";
    case QS_VALUE_ASSIGNED:
      return "mail-forward-symbolic";
    case QS_VALUE_CHANGE:
      return "media-playlist-repeat-symbolic";
    case QS_VALUE_BOUND:
    case QS_VALUE_RANGE:
    case QS_VALUE_NUMBER:
      if (value->cumulative)
        return "view-continuous-symbolic";
      if (value->kind == QS_VALUE_BOUND)
        return value->bound == QS_BOUND_GE || value->bound == QS_BOUND_GT ? "go-up-symbolic"
                                                                        : "go-down-symbolic";
      return NULL;
    case QS_VALUE_EMPTY:
    case QS_VALUE_NONE:
    case QS_VALUE_WATER_CLASS:
    case QS_VALUE_QUALITATIVE:
    default:
      return NULL;
    }
}

static GtkListItem *
cell_list_item (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "qs-list-item");
}

static void
commit_cell (GtkWidget  *widget,
             CellColumn *info,
             const char *text)
{
  GtkListItem *list_item = cell_list_item (widget);
  QsIndicatorRow *row;
  guint position;

  if (list_item == NULL || (row = gtk_list_item_get_item (list_item)) == NULL)
    return;
  if (g_strcmp0 (qs_indicator_row_get_cell (row, info->index), text) == 0)
    return;
  position = gtk_list_item_get_position (list_item);
  gtk_widget_activate_action (widget, "editor.set-cell", "(uus)", position, info->index, text);
}

static void
editing_changed_cb (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    CellColumn       *info)
{
  if (gtk_editable_label_get_editing (label))
    return;
  commit_cell (GTK_WIDGET (label), info, gtk_editable_get_text (GTK_EDITABLE (label)));
}

static void
attribute_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       CellColumn  *info)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  if (g_object_get_data (G_OBJECT (drop_down), "qs-binding") != NULL || item == NULL)
    return;
  commit_cell (GTK_WIDGET (drop_down), info, gtk_string_object_get_string (item));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CellColumn               *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *editor;

  if (info->role == QS_COLUMN_ATTRIBUTE)
    {
      /* "" first: a row may have no attribute. */
      static const char * const attributes[] = { "", "约束性", "预期性", NULL };

      editor = gtk_drop_down_new_from_strings (attributes);
      g_signal_connect (editor, "notify::selected", G_CALLBACK (attribute_selected_cb), info);
    }
  else if (info->choices != NULL)
    {
      editor = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (info->choices)), NULL);
      g_signal_connect (editor, "notify::selected", G_CALLBACK (attribute_selected_cb), info);
    }
  else
    {
      editor = gtk_editable_label_new ("");
      gtk_editable_set_width_chars (GTK_EDITABLE (editor), info->nat_chars);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (editor), info->nat_chars);
      gtk_editable_set_alignment (GTK_EDITABLE (editor), role_is_text (info->role) ? 0.0 : 0.5);
      gtk_widget_set_hexpand (editor, TRUE);
      g_signal_connect (editor, "notify::editing", G_CALLBACK (editing_changed_cb), info);
      if (!role_is_text (info->role))
        gtk_widget_add_css_class (editor, "numeric");
    }
  g_object_set_data (G_OBJECT (editor), "qs-list-item", list_item);
  g_object_set_data (G_OBJECT (editor), "qs-cell-column", info);
  gtk_widget_add_css_class (editor, "cell");
  gtk_box_append (GTK_BOX (box), editor);

  if (role_has_reading (info->role))
    {
      GtkWidget *icon = gtk_image_new ();

      gtk_widget_add_css_class (icon, "reading");
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CellColumn               *info)
{
  QsIndicatorRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *editor = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_next_sibling (editor);
  const char *text = qs_indicator_row_get_cell (row, info->index);
  g_autofree char *tooltip = NULL;
  const char *style = NULL;

  /* Value cells always explain their reading; other cells only repeat
   * their text when it does not fit. */
  if (role_has_reading (info->role) ||
      qs_text_display_width (text) > info->nat_chars * info->nat_lines)
    tooltip = qs_indicator_cell_dup_tooltip (row, info->index, info->role);

  if (GTK_IS_DROP_DOWN (editor) && info->choices != NULL)
    {
      /* A merged cell shows the category it belongs to. */
      guint selected = find_choice (info->choices, qs_indicator_row_get_category (row));

      g_object_set_data (G_OBJECT (editor), "qs-binding", GINT_TO_POINTER (TRUE));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), selected);
      g_object_set_data (G_OBJECT (editor), "qs-binding", NULL);
      /* The first row of a group stands out; the rows merged with it are dim. */
      if (text[0] == '\0')
        gtk_widget_add_css_class (editor, "dim-label");
      else
        gtk_widget_remove_css_class (editor, "dim-label");
    }
  else if (GTK_IS_DROP_DOWN (editor))
    {
      guint selected = g_str_equal (text, "约束性") ? 1 : g_str_equal (text, "预期性") ? 2 : 0;

      g_object_set_data (G_OBJECT (editor), "qs-binding", GINT_TO_POINTER (TRUE));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), selected);
      g_object_set_data (G_OBJECT (editor), "qs-binding", NULL);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (editor), text);
    }
  gtk_widget_set_tooltip_text (box, tooltip);

  /* A sub-row's name is indented under its main row. */
  if (info->role == QS_COLUMN_NAME || info->role == QS_COLUMN_SUBNAME)
    gtk_widget_set_margin_start (editor, qs_indicator_row_get_parent (row) != NULL ? 24 : 0);

  gtk_widget_remove_css_class (editor, "error");
  gtk_widget_remove_css_class (editor, "warning");
  if (role_has_reading (info->role))
    {
      const QsValue *value = qs_indicator_row_get_value (row, info->index);
      const char *icon_name = reading_icon_name (value);

      style = qs_indicator_cell_style_class (value);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
      gtk_widget_set_visible (icon, icon_name != NULL);
      if (value != NULL && qs_value_is_error (value))
        gtk_widget_add_css_class (icon, "error");
      else
        gtk_widget_remove_css_class (icon, "error");
    }
  if (style != NULL && (info->view->highlight || g_str_equal (style, "error")))
    gtk_widget_add_css_class (editor, style);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CellColumn               *info)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_widget_set_tooltip_text (box, NULL);
}

/* The status column */

static QsCheckFinding *
row_finding (QsIndicatorTableView *self,
             QsIndicatorRow       *row)
{
  return self->findings != NULL && row != NULL ? g_hash_table_lookup (self->findings, row) : NULL;
}

static void
update_badge (QsIndicatorTableView *self,
              GtkListItem          *list_item)
{
  QsIndicatorRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *badge = gtk_list_item_get_child (list_item);
  QsCheckFinding *finding = row_finding (self, row);

  /* A row linked by hand since the check ran is no longer unlinked. */
  qs_check_badge_set_finding (badge, finding,
                              finding != NULL && qs_check_finding_is_unlinked (finding) &&
                              qs_indicator_row_get_indicator_id (row) == NULL);
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 QsIndicatorTableView     *self)
{
  GtkWidget *badge = qs_check_badge_new ();

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_list_item_set_child (list_item, badge);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                QsIndicatorTableView     *self)
{
  g_hash_table_add (self->bound_badges, list_item);
  update_badge (self, list_item);
}

static void
unbind_status_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  QsIndicatorTableView     *self)
{
  g_hash_table_remove (self->bound_badges, list_item);
  qs_check_badge_set_finding (gtk_list_item_get_child (list_item), NULL, FALSE);
}

static void
teardown_status_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QsIndicatorTableView     *self)
{
  g_hash_table_remove (self->bound_badges, list_item);
}

static void
add_status_column (QsIndicatorTableView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_status_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_status_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_status_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_status_cb), self);
  g_clear_object (&self->status_column);
  self->status_column = gtk_column_view_column_new (_("Check"), factory);
  gtk_column_view_column_set_resizable (self->status_column, FALSE);
  gtk_column_view_column_set_visible (self->status_column, self->check != NULL);
  gtk_column_view_append_column (self->column_view, self->status_column);
}

static void
index_findings (QsIndicatorTableView *self,
                GListModel           *findings)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (findings, i);
      QsIndicatorRow *row = qs_check_finding_get_row (finding);

      if (row != NULL)
        g_hash_table_insert (self->findings, row, finding);
    }
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
  if (info->role == QS_COLUMN_CATEGORY)
    info->choices = category_choices (self->table);
  g_object_set_data_full (G_OBJECT (factory), "qs-cell-column", info, cell_column_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), info);

  /* Headers keep their line breaks ("2020年\n现状值"), as in the printed table. */
  column = gtk_column_view_column_new (qs_table_column_get_header (table_column), factory);
  {
    g_autoptr(GMenuModel) menu = qs_column_header_menu_new (index);

    gtk_column_view_column_set_header_menu (column, menu);
  }
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
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text != NULL ? text : "", -1);
}

/* Notes are written back when the notes lose the focus. */
static void
notes_focus_leave_cb (QsIndicatorTableView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->table == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-notes", "s", text);
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

  add_status_column (self);
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
  g_clear_object (&self->status_column);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->bound_badges, g_hash_table_unref);
  g_clear_object (&self->check);

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
  gtk_widget_class_bind_template_child (widget_class, QsIndicatorTableView, notes_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_indicator_table_view_init (QsIndicatorTableView *self)
{
  GtkEventController *focus;

  self->highlight = TRUE;
  self->findings = g_hash_table_new (NULL, NULL);
  self->bound_badges = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (notes_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
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

static GtkWidget *
find_cell (GtkWidget *widget,
           guint      row,
           guint      column)
{
  CellColumn *info = g_object_get_data (G_OBJECT (widget), "qs-cell-column");
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "qs-list-item");

  if (info != NULL && list_item != NULL && info->index == column &&
      gtk_list_item_get_item (list_item) != NULL &&
      gtk_list_item_get_position (list_item) == row)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, row, column);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
qs_indicator_table_view_edit_cell (QsIndicatorTableView *self,
                                   guint                 row,
                                   guint                 column)
{
  GtkWidget *cell;

  g_return_val_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self), FALSE);

  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", row);
  cell = find_cell (GTK_WIDGET (self->column_view), row, column);
  if (cell == NULL)
    return FALSE;
  if (GTK_IS_EDITABLE_LABEL (cell))
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell));
  else
    gtk_widget_grab_focus (cell);
  return TRUE;
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

void
qs_indicator_table_view_set_check (QsIndicatorTableView *self,
                                   QsCheck              *check)
{
  GHashTableIter iter;
  gpointer list_item;

  g_return_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self));
  g_return_if_fail (check == NULL || QS_IS_CHECK (check));

  /* The old findings go with the old check: forget them first. */
  g_hash_table_remove_all (self->findings);
  g_set_object (&self->check, check);
  if (check != NULL)
    {
      index_findings (self, qs_check_get_row_findings (check));
      index_findings (self, qs_check_get_completions (check));
    }
  if (self->status_column != NULL)
    gtk_column_view_column_set_visible (self->status_column, check != NULL);

  /* Only the badges on screen need a new look; the rest bind afresh. */
  g_hash_table_iter_init (&iter, self->bound_badges);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_badge (self, list_item);
}

QsCheck *
qs_indicator_table_view_get_check (QsIndicatorTableView *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self), NULL);
  return self->check;
}

QsCheckFinding *
qs_indicator_table_view_get_row_finding (QsIndicatorTableView *self,
                                         guint                 row)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self), NULL);

  if (self->table == NULL)
    return NULL;
  return row_finding (self, qs_indicator_table_get_row (self->table, row));
}

GtkWidget *
qs_indicator_table_view_get_badge (QsIndicatorTableView *self,
                                   guint                 row)
{
  GHashTableIter iter;
  gpointer list_item;

  g_return_val_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self), NULL);

  g_hash_table_iter_init (&iter, self->bound_badges);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    if (gtk_list_item_get_item (list_item) != NULL &&
        gtk_list_item_get_position (list_item) == row)
      return gtk_list_item_get_child (list_item);
  return NULL;
}

/* The column view's own list, which scrolls (GtkColumnView has no
 * scroll-to of its own in GTK 4.8). */
static GtkWidget *
inner_list_view (GtkColumnView *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return GTK_WIDGET (column_view);
}

void
qs_indicator_table_view_select_row (QsIndicatorTableView *self,
                                    guint                 row)
{
  GtkSelectionModel *model;

  g_return_if_fail (QS_IS_INDICATOR_TABLE_VIEW (self));

  model = gtk_column_view_get_model (self->column_view);
  if (model == NULL || row >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return;
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), row);
  gtk_widget_activate_action (inner_list_view (self->column_view), "list.scroll-to-item", "u", row);
}
