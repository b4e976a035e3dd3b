/* qs-indicator-table.c: an indicator table: caption, columns, rows, notes. */
#define G_LOG_DOMAIN "qs-indicator-table"

#include "config.h"

#include "qs-indicator-name.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-table-column.h"

struct _QsIndicatorTable
{
  GObject     parent_instance;
  char       *label;
  char       *caption;
  GListStore *columns;
  GListStore *rows;
  GStrv       notes;
};

G_DEFINE_FINAL_TYPE (QsIndicatorTable, qs_indicator_table, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_indicator_table_finalize (GObject *object)
{
  QsIndicatorTable *self = QS_INDICATOR_TABLE (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_object (&self->columns);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->notes, g_strfreev);
  G_OBJECT_CLASS (qs_indicator_table_parent_class)->finalize (object);
}

static void
qs_indicator_table_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QsIndicatorTable *self = QS_INDICATOR_TABLE (object);

  if (prop_id == PROP_LABEL)
    g_value_set_string (value, self->label);
  else if (prop_id == PROP_CAPTION)
    g_value_set_string (value, self->caption);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_indicator_table_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QsIndicatorTable *self = QS_INDICATOR_TABLE (object);

  if (prop_id == PROP_LABEL)
    qs_indicator_table_set_label (self, g_value_get_string (value));
  else if (prop_id == PROP_CAPTION)
    qs_indicator_table_set_caption (self, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_indicator_table_class_init (QsIndicatorTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_indicator_table_finalize;
  object_class->get_property = qs_indicator_table_get_property;
  object_class->set_property = qs_indicator_table_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_indicator_table_init (QsIndicatorTable *self)
{
  self->caption = g_strdup ("");
  self->columns = g_list_store_new (QS_TYPE_TABLE_COLUMN);
  self->rows = g_list_store_new (QS_TYPE_INDICATOR_ROW);
  self->notes = g_new0 (char *, 1);
}

QsIndicatorTable *
qs_indicator_table_new (void)
{
  return g_object_new (QS_TYPE_INDICATOR_TABLE, NULL);
}

const char *
qs_indicator_table_get_label (QsIndicatorTable *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), NULL);
  return self->label;
}

void
qs_indicator_table_set_label (QsIndicatorTable *self,
                              const char       *label)
{
  g_return_if_fail (QS_IS_INDICATOR_TABLE (self));
  if (qs_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
qs_indicator_table_get_caption (QsIndicatorTable *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), NULL);
  return self->caption;
}

void
qs_indicator_table_set_caption (QsIndicatorTable *self,
                                const char       *caption)
{
  g_return_if_fail (QS_IS_INDICATOR_TABLE (self));
  if (qs_set_str (&self->caption, caption ? caption : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

GListStore *
qs_indicator_table_get_columns (QsIndicatorTable *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), NULL);
  return self->columns;
}

GListStore *
qs_indicator_table_get_rows (QsIndicatorTable *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), NULL);
  return self->rows;
}

const char * const *
qs_indicator_table_get_notes (QsIndicatorTable *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), NULL);
  return (const char * const *) self->notes;
}

void
qs_indicator_table_set_notes (QsIndicatorTable   *self,
                              const char * const *notes)
{
  g_return_if_fail (QS_IS_INDICATOR_TABLE (self));
  g_strfreev (self->notes);
  self->notes = notes ? g_strdupv ((char **) notes) : g_new0 (char *, 1);
}

void
qs_indicator_table_add_note (QsIndicatorTable *self,
                             const char       *note)
{
  g_return_if_fail (QS_IS_INDICATOR_TABLE (self));
  qs_strv_append (&self->notes, note);
}

/**
 * qs_indicator_table_get_column:
 *
 * Returns: (transfer none) (nullable): the column at @index.
 */
QsTableColumn *
qs_indicator_table_get_column (QsIndicatorTable *self,
                               guint             index)
{
  g_autoptr(QsTableColumn) column = NULL;

  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), NULL);
  column = g_list_model_get_item (G_LIST_MODEL (self->columns), index);
  return column;   /* the store keeps it alive */
}

int
qs_indicator_table_find_column (QsIndicatorTable *self,
                                QsColumnRole      role)
{
  guint n;

  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  for (guint i = 0; i < n; i++)
    if (qs_table_column_get_role (qs_indicator_table_get_column (self, i)) == role)
      return (int) i;
  return -1;
}

/**
 * qs_indicator_table_get_row:
 *
 * Returns: (transfer none) (nullable): the row at @index.
 */
QsIndicatorRow *
qs_indicator_table_get_row (QsIndicatorTable *self,
                            guint             index)
{
  g_autoptr(QsIndicatorRow) row = NULL;

  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (self), NULL);
  row = g_list_model_get_item (G_LIST_MODEL (self->rows), index);
  return row;
}

void
qs_indicator_table_set_cell (QsIndicatorTable *self,
                             guint             row_index,
                             guint             column_index,
                             const char       *text)
{
  QsIndicatorRow *row;
  QsTableColumn *column;

  g_return_if_fail (QS_IS_INDICATOR_TABLE (self));

  row = qs_indicator_table_get_row (self, row_index);
  g_return_if_fail (row != NULL);
  qs_indicator_row_set_cell (row, column_index, text);

  column = qs_indicator_table_get_column (self, column_index);
  if (column == NULL)
    return;

  switch (qs_table_column_get_role (column))
    {
    case QS_COLUMN_CATEGORY:
      {
        g_autofree char *flat = qs_text_strip_spaces (text);
        QsIndicatorRow *previous = row_index > 0 ? qs_indicator_table_get_row (self, row_index - 1) : NULL;

        /* An empty category cell is a merged cell: the row belongs to the group above. */
        if (*flat == '\0' && previous != NULL)
          qs_indicator_row_set_category (row, qs_indicator_row_get_category (previous));
        else
          qs_indicator_row_set_category (row, flat);
      }
      break;
    case QS_COLUMN_NUMBER:
      {
        g_autofree char *flat = qs_text_strip_spaces (text);
        qs_indicator_row_set_number (row, flat);
      }
      break;
    case QS_COLUMN_NAME:
    case QS_COLUMN_SUBNAME:
      {
        g_autoptr(QsIndicatorName) name = qs_indicator_name_parse (text);

        qs_indicator_row_set_name (row, text);
        qs_indicator_row_set_indicator (row, name->indicator);
        if (name->unit != NULL && qs_indicator_table_find_column (self, QS_COLUMN_UNIT) < 0)
          qs_indicator_row_set_unit (row, name->unit);
        if (name->number != NULL && qs_indicator_table_find_column (self, QS_COLUMN_NUMBER) < 0)
          qs_indicator_row_set_number (row, name->number);
      }
      break;
    case QS_COLUMN_UNIT:
      qs_indicator_row_set_unit (row, text);
      break;
    case QS_COLUMN_ATTRIBUTE:
      {
        g_autofree char *flat = qs_text_strip_spaces (text);
        qs_indicator_row_set_attribute (row, flat);
      }
      break;
    case QS_COLUMN_OTHER:
    case QS_COLUMN_BASELINE:
    case QS_COLUMN_TARGET:
    case QS_COLUMN_ACTUAL:
    case QS_COLUMN_CHANGE:
    case QS_COLUMN_STATUS:
    case QS_COLUMN_REMARK:
    default:
      break;
    }
}

void
qs_indicator_table_insert_column (QsIndicatorTable *self,
                                  guint             index,
                                  QsTableColumn    *column)
{
  guint n_rows;

  g_return_if_fail (QS_IS_INDICATOR_TABLE (self));
  g_return_if_fail (QS_IS_TABLE_COLUMN (column));

  index = MIN (index, g_list_model_get_n_items (G_LIST_MODEL (self->columns)));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n_rows; i++)
    qs_indicator_row_insert_cell (qs_indicator_table_get_row (self, i), index, "");
  g_list_store_insert (self->columns, index, column);
}

void
qs_indicator_table_remove_column (QsIndicatorTable *self,
                                  guint             index)
{
  guint n_rows;

  g_return_if_fail (QS_IS_INDICATOR_TABLE (self));
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->columns)));

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n_rows; i++)
    qs_indicator_row_remove_cell (qs_indicator_table_get_row (self, i), index);
  g_list_store_remove (self->columns, index);
}
