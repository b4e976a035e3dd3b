/* qs-indicator-row.c: one row of an indicator table. */
#define G_LOG_DOMAIN "qs-indicator-row"

#include "config.h"

#include "qs-cell-array.h"
#include "qs-indicator-row.h"

/* The row's meaning is a handful of optional strings; keeping them in one
 * array indexed by property id lets one getter/setter pair serve them all. */
enum {
  PROP_0,
  PROP_CATEGORY,
  PROP_NUMBER,
  PROP_NAME,
  PROP_INDICATOR,
  PROP_UNIT,
  PROP_ATTRIBUTE,
  PROP_PARENT,
  PROP_INDICATOR_ID,
  N_PROPS
};

struct _QsIndicatorRow
{
  GObject    parent_instance;
  char      *fields[N_PROPS];
  GPtrArray *cells;
  GPtrArray *values;   /* QsValue cache, parallel to cells, NULL = not parsed yet */
};

G_DEFINE_FINAL_TYPE (QsIndicatorRow, qs_indicator_row, G_TYPE_OBJECT)

enum {
  CELL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
value_free0 (gpointer value)
{
  if (value != NULL)
    qs_value_free (value);
}

static const char *
get_field (QsIndicatorRow *self,
           guint           prop_id)
{
  g_return_val_if_fail (QS_IS_INDICATOR_ROW (self), NULL);
  return self->fields[prop_id];
}

static void
set_field (QsIndicatorRow *self,
           guint           prop_id,
           const char     *text)
{
  g_return_if_fail (QS_IS_INDICATOR_ROW (self));
  /* Name, indicator and category are never NULL; the rest are optional. */
  if (text == NULL && prop_id <= PROP_INDICATOR)
    text = "";
  if (text != NULL && *text == '\0' && prop_id > PROP_INDICATOR)
    text = NULL;
  if (qs_set_str (&self->fields[prop_id], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
invalidate_value (QsIndicatorRow *self,
                  guint           column)
{
  if (column < self->values->len)
    {
      value_free0 (self->values->pdata[column]);
      self->values->pdata[column] = NULL;
    }
}

static void
qs_indicator_row_finalize (GObject *object)
{
  QsIndicatorRow *self = QS_INDICATOR_ROW (object);

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->fields[i], g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  G_OBJECT_CLASS (qs_indicator_row_parent_class)->finalize (object);
}

static void
qs_indicator_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QsIndicatorRow *self = QS_INDICATOR_ROW (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_indicator_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QsIndicatorRow *self = QS_INDICATOR_ROW (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_indicator_row_class_init (QsIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *const names[N_PROPS] = {
    NULL, "category", "number", "name", "indicator", "unit", "attribute", "parent", "indicator-id",
  };

  object_class->finalize = qs_indicator_row_finalize;
  object_class->get_property = qs_indicator_row_get_property;
  object_class->set_property = qs_indicator_row_set_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QsIndicatorRow::cell-changed:
   * @column: the column whose text changed
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
qs_indicator_row_init (QsIndicatorRow *self)
{
  self->fields[PROP_CATEGORY] = g_strdup ("");
  self->fields[PROP_NUMBER] = g_strdup ("");
  self->fields[PROP_NAME] = g_strdup ("");
  self->fields[PROP_INDICATOR] = g_strdup ("");
  self->cells = qs_cell_array_new ();
  self->values = g_ptr_array_new_with_free_func (value_free0);
}

QsIndicatorRow *
qs_indicator_row_new (void)
{
  return g_object_new (QS_TYPE_INDICATOR_ROW, NULL);
}

const char *qs_indicator_row_get_category (QsIndicatorRow *self) { return get_field (self, PROP_CATEGORY); }
const char *qs_indicator_row_get_number (QsIndicatorRow *self) { return get_field (self, PROP_NUMBER); }
const char *qs_indicator_row_get_name (QsIndicatorRow *self) { return get_field (self, PROP_NAME); }
const char *qs_indicator_row_get_indicator (QsIndicatorRow *self) { return get_field (self, PROP_INDICATOR); }
const char *qs_indicator_row_get_unit (QsIndicatorRow *self) { return get_field (self, PROP_UNIT); }
const char *qs_indicator_row_get_attribute (QsIndicatorRow *self) { return get_field (self, PROP_ATTRIBUTE); }
const char *qs_indicator_row_get_parent (QsIndicatorRow *self) { return get_field (self, PROP_PARENT); }
const char *qs_indicator_row_get_indicator_id (QsIndicatorRow *self) { return get_field (self, PROP_INDICATOR_ID); }

void qs_indicator_row_set_category (QsIndicatorRow *self, const char *v) { set_field (self, PROP_CATEGORY, v); }
void qs_indicator_row_set_number (QsIndicatorRow *self, const char *v) { set_field (self, PROP_NUMBER, v); }
void qs_indicator_row_set_name (QsIndicatorRow *self, const char *v) { set_field (self, PROP_NAME, v); }
void qs_indicator_row_set_indicator (QsIndicatorRow *self, const char *v) { set_field (self, PROP_INDICATOR, v); }
void qs_indicator_row_set_unit (QsIndicatorRow *self, const char *v) { set_field (self, PROP_UNIT, v); }
void qs_indicator_row_set_attribute (QsIndicatorRow *self, const char *v) { set_field (self, PROP_ATTRIBUTE, v); }
void qs_indicator_row_set_parent (QsIndicatorRow *self, const char *v) { set_field (self, PROP_PARENT, v); }
void qs_indicator_row_set_indicator_id (QsIndicatorRow *self, const char *v) { set_field (self, PROP_INDICATOR_ID, v); }

guint
qs_indicator_row_get_n_cells (QsIndicatorRow *self)
{
  g_return_val_if_fail (QS_IS_INDICATOR_ROW (self), 0);
  return self->cells->len;
}

const char *
qs_indicator_row_get_cell (QsIndicatorRow *self,
                           guint           column)
{
  g_return_val_if_fail (QS_IS_INDICATOR_ROW (self), "");
  return qs_cell_array_get (self->cells, column);
}

void
qs_indicator_row_set_cell (QsIndicatorRow *self,
                           guint           column,
                           const char     *text)
{
  g_return_if_fail (QS_IS_INDICATOR_ROW (self));
  if (!qs_cell_array_set (self->cells, column, text))
    return;
  invalidate_value (self, column);
  g_signal_emit (self, signals[CELL_CHANGED], 0, column);
}

void
qs_indicator_row_insert_cell (QsIndicatorRow *self,
                              guint           column,
                              const char     *text)
{
  g_return_if_fail (QS_IS_INDICATOR_ROW (self));
  qs_cell_array_insert (self->cells, column, text);
  if (column <= self->values->len)
    g_ptr_array_insert (self->values, column, NULL);
}

void
qs_indicator_row_remove_cell (QsIndicatorRow *self,
                              guint           column)
{
  g_return_if_fail (QS_IS_INDICATOR_ROW (self));
  qs_cell_array_remove (self->cells, column);
  if (column < self->values->len)
    g_ptr_array_remove_index (self->values, column);
}

/**
 * qs_indicator_row_get_value:
 *
 * Returns: (transfer none): the parsed reading of the cell, cached until the
 * cell changes.
 */
const QsValue *
qs_indicator_row_get_value (QsIndicatorRow *self,
                            guint           column)
{
  g_return_val_if_fail (QS_IS_INDICATOR_ROW (self), NULL);

  while (self->values->len <= column)
    g_ptr_array_add (self->values, NULL);
  if (self->values->pdata[column] == NULL)
    self->values->pdata[column] = qs_value_parse (qs_indicator_row_get_cell (self, column));
  return self->values->pdata[column];
}

/**
 * qs_indicator_row_copy:
 *
 * Returns: (transfer full): a deep copy of the row (for undo).
 */
QsIndicatorRow *
qs_indicator_row_copy (QsIndicatorRow *self)
{
  QsIndicatorRow *copy;

  g_return_val_if_fail (QS_IS_INDICATOR_ROW (self), NULL);

  copy = qs_indicator_row_new ();
  for (guint i = 1; i < N_PROPS; i++)
    qs_set_str (&copy->fields[i], self->fields[i]);
  for (guint i = 0; i < self->cells->len; i++)
    g_ptr_array_add (copy->cells, g_strdup (g_ptr_array_index (self->cells, i)));
  return copy;
}
