/* qs-compare-row.c: one indicator of the comparison matrix, across plans. */
#include "config.h"

#define G_LOG_DOMAIN "qs-compare-row"

#include <string.h>

#include "qs-compare-row.h"

struct _QsCompareRow
{
  GObject         parent_instance;
  QsCatalogEntry *entry;
  char           *attribute;
  char           *municipal_target;
  char           *municipal_baseline;
  char           *requirement;
  QsCompareCell  *cells;
  guint           n_cells;
};

G_DEFINE_FINAL_TYPE (QsCompareRow, qs_compare_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDICATOR_ID,
  PROP_NAME,
  PROP_UNIT,
  PROP_FIELD,
  PROP_ATTRIBUTE,
  PROP_MUNICIPAL_TARGET,
  PROP_MUNICIPAL_BASELINE,
  PROP_REQUIREMENT,
  PROP_N_CELLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cell_clear (QsCompareCell *cell)
{
  g_clear_object (&cell->row);
  g_clear_pointer (&cell->baseline, g_free);
  g_clear_pointer (&cell->target, g_free);
  g_clear_pointer (&cell->unit, g_free);
  g_clear_pointer (&cell->attribute, g_free);
  g_clear_pointer (&cell->reason, g_free);
  g_clear_pointer (&cell->required, g_free);
  g_clear_pointer (&cell->notes, g_strfreev);
}

/* g_set_str() is GLib 2.76; we target 2.74. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Overrides */

static void
qs_compare_row_finalize (GObject *object)
{
  QsCompareRow *self = QS_COMPARE_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    cell_clear (&self->cells[i]);
  g_clear_pointer (&self->cells, g_free);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->attribute, g_free);
  g_clear_pointer (&self->municipal_target, g_free);
  g_clear_pointer (&self->municipal_baseline, g_free);
  g_clear_pointer (&self->requirement, g_free);

  G_OBJECT_CLASS (qs_compare_row_parent_class)->finalize (object);
}

static void
qs_compare_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QsCompareRow *self = QS_COMPARE_ROW (object);

  switch (prop_id)
    {
    case PROP_INDICATOR_ID:
      g_value_set_string (value, qs_compare_row_get_indicator_id (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, qs_compare_row_get_name (self));
      break;
    case PROP_UNIT:
      g_value_set_string (value, qs_compare_row_get_unit (self));
      break;
    case PROP_FIELD:
      g_value_set_string (value, qs_compare_row_get_field (self));
      break;
    case PROP_ATTRIBUTE:
      g_value_set_string (value, self->attribute);
      break;
    case PROP_MUNICIPAL_TARGET:
      g_value_set_string (value, self->municipal_target);
      break;
    case PROP_MUNICIPAL_BASELINE:
      g_value_set_string (value, self->municipal_baseline);
      break;
    case PROP_REQUIREMENT:
      g_value_set_string (value, self->requirement);
      break;
    case PROP_N_CELLS:
      g_value_set_uint (value, self->n_cells);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_compare_row_class_init (QsCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_compare_row_finalize;
  object_class->get_property = qs_compare_row_get_property;

  properties[PROP_INDICATOR_ID] = g_param_spec_string ("indicator-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_ATTRIBUTE] = g_param_spec_string ("attribute", NULL, NULL, NULL, flags);
  properties[PROP_MUNICIPAL_TARGET] = g_param_spec_string ("municipal-target", NULL, NULL, NULL, flags);
  properties[PROP_MUNICIPAL_BASELINE] = g_param_spec_string ("municipal-baseline", NULL, NULL, NULL, flags);
  properties[PROP_REQUIREMENT] = g_param_spec_string ("requirement", NULL, NULL, NULL, flags);
  properties[PROP_N_CELLS] = g_param_spec_uint ("n-cells", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_compare_row_init (QsCompareRow *self)
{
}

/* Public API */

/**
 * qs_compare_row_new:
 * @entry: the catalog entry of the row
 * @n_cells: one per compared plan
 *
 * A row of empty cells (no status, no figures).
 */
QsCompareRow *
qs_compare_row_new (QsCatalogEntry *entry,
                    guint           n_cells)
{
  QsCompareRow *self;

  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (entry), NULL);

  self = g_object_new (QS_TYPE_COMPARE_ROW, NULL);
  self->entry = g_object_ref (entry);
  self->n_cells = n_cells;
  self->cells = g_new0 (QsCompareCell, MAX (n_cells, 1));
  return self;
}

QsCatalogEntry *
qs_compare_row_get_entry (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return self->entry;
}

const char *
qs_compare_row_get_indicator_id (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return qs_catalog_entry_get_id (self->entry);
}

const char *
qs_compare_row_get_name (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return qs_catalog_entry_get_name (self->entry);
}

const char *
qs_compare_row_get_unit (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return qs_catalog_entry_get_unit (self->entry);
}

const char *
qs_compare_row_get_field (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return qs_catalog_entry_get_field (self->entry);
}

QsBetter
qs_compare_row_get_better (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), QS_BETTER_NONE);
  return qs_catalog_entry_get_better (self->entry);
}

const char *
qs_compare_row_get_attribute (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return self->attribute;
}

gboolean
qs_compare_row_get_binding (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), FALSE);
  if (self->attribute != NULL)
    return strstr (self->attribute, "约束") != NULL;
  return qs_catalog_entry_get_binding (self->entry);
}

const char *
qs_compare_row_get_municipal_target (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return self->municipal_target;
}

const char *
qs_compare_row_get_municipal_baseline (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return self->municipal_baseline;
}

const char *
qs_compare_row_get_requirement (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  return self->requirement;
}

guint
qs_compare_row_get_n_cells (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), 0);
  return self->n_cells;
}

const QsCompareCell *
qs_compare_row_get_cell (QsCompareRow *self,
                         guint         index)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  g_return_val_if_fail (index < self->n_cells, NULL);
  return &self->cells[index];
}

const char * const *
qs_compare_row_get_cell_notes (QsCompareRow *self,
                               guint         index)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  g_return_val_if_fail (index < self->n_cells, NULL);
  return (const char * const *) self->cells[index].notes;
}

gboolean
qs_compare_row_has_status (QsCompareRow  *self,
                           QsCheckStatus  status)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), FALSE);
  for (guint i = 0; i < self->n_cells; i++)
    if (self->cells[i].has_status && self->cells[i].status == status)
      return TRUE;
  return FALSE;
}

gboolean
qs_compare_row_has_missing (QsCompareRow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), FALSE);
  for (guint i = 0; i < self->n_cells; i++)
    if (self->cells[i].flags & QS_COMPARE_CELL_MISSING)
      return TRUE;
  return FALSE;
}

QsCompareCell *
qs_compare_row_edit_cell (QsCompareRow *self,
                          guint         index)
{
  g_return_val_if_fail (QS_IS_COMPARE_ROW (self), NULL);
  g_return_val_if_fail (index < self->n_cells, NULL);
  return &self->cells[index];
}

void
qs_compare_row_set_municipal (QsCompareRow *self,
                              const char   *target,
                              const char   *baseline)
{
  g_return_if_fail (QS_IS_COMPARE_ROW (self));
  if (set_str (&self->municipal_target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUNICIPAL_TARGET]);
  if (set_str (&self->municipal_baseline, baseline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUNICIPAL_BASELINE]);
}

void
qs_compare_row_set_attribute (QsCompareRow *self,
                              const char   *attribute)
{
  g_return_if_fail (QS_IS_COMPARE_ROW (self));
  if (set_str (&self->attribute, attribute))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTE]);
}

void
qs_compare_row_set_requirement (QsCompareRow *self,
                                const char   *requirement)
{
  g_return_if_fail (QS_IS_COMPARE_ROW (self));
  if (set_str (&self->requirement, requirement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENT]);
}

void
qs_compare_row_reorder_cells (QsCompareRow *self,
                              const guint  *order)
{
  g_autofree QsCompareCell *cells = NULL;

  g_return_if_fail (QS_IS_COMPARE_ROW (self));
  g_return_if_fail (order != NULL || self->n_cells == 0);

  /* The cells move as plain structs: ownership of their members moves too. */
  cells = g_new0 (QsCompareCell, MAX (self->n_cells, 1));
  for (guint i = 0; i < self->n_cells; i++)
    {
      g_assert (order[i] < self->n_cells);
      cells[i] = self->cells[order[i]];
    }
  g_free (self->cells);
  self->cells = g_steal_pointer (&cells);
}
