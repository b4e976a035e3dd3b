/* qs-linker.c: links indicator rows to catalog entries. */
#include "config.h"

#define G_LOG_DOMAIN "qs-linker"

#include "qs-linker.h"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

QsCatalogEntry *
qs_linker_find_entry (QsCatalog      *catalog,
                      QsIndicatorRow *row)
{
  const char *indicator, *name, *parent;
  QsCatalogEntry *entry = NULL;

  g_return_val_if_fail (QS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (QS_IS_INDICATOR_ROW (row), NULL);

  indicator = qs_indicator_row_get_indicator (row);
  name = qs_indicator_row_get_name (row);
  parent = qs_indicator_row_get_parent (row);
  if (is_blank (indicator))
    indicator = name;
  if (is_blank (indicator))
    return NULL;

  if (!is_blank (parent))
    {
      entry = qs_catalog_lookup_sub_row (catalog, parent, indicator);
      if (entry == NULL && !is_blank (name))
        entry = qs_catalog_lookup_sub_row (catalog, parent, name);
      if (entry != NULL)
        return entry;
    }

  entry = qs_catalog_lookup_name (catalog, indicator);
  if (entry == NULL && !is_blank (name))
    entry = qs_catalog_lookup_name (catalog, name);

  /* 城市 / 乡镇 under a rate: the sub-item names the scope in front. */
  if (entry == NULL && !is_blank (parent))
    {
      g_autofree char *scope = qs_catalog_normalise_name (catalog, indicator);
      g_autofree char *whole = qs_catalog_normalise_name (catalog, parent);
      g_autofree char *joined = g_strconcat (scope, whole, NULL);

      entry = qs_catalog_lookup_name (catalog, joined);
    }
  return entry;
}

gboolean
qs_linker_link_row (QsCatalog      *catalog,
                    QsIndicatorRow *row,
                    QsLinkFlags     flags)
{
  QsCatalogEntry *entry;

  g_return_val_if_fail (QS_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (QS_IS_INDICATOR_ROW (row), FALSE);

  /* A link set by hand is the user's word: keep it, even to an entry of a
   * catalog extension that is not loaded now. */
  if (!(flags & QS_LINK_REPLACE) && !is_blank (qs_indicator_row_get_indicator_id (row)))
    return TRUE;

  entry = qs_linker_find_entry (catalog, row);
  if (entry == NULL)
    {
      if (flags & QS_LINK_REPLACE)
        qs_indicator_row_set_indicator_id (row, NULL);
      return FALSE;
    }
  qs_indicator_row_set_indicator_id (row, qs_catalog_entry_get_id (entry));
  return TRUE;
}

guint
qs_linker_link_table (QsCatalog        *catalog,
                      QsIndicatorTable *table,
                      QsLinkFlags       flags,
                      GPtrArray        *unlinked)
{
  GListModel *rows;
  guint linked = 0;
  guint n;

  g_return_val_if_fail (QS_IS_CATALOG (catalog), 0);
  g_return_val_if_fail (QS_IS_INDICATOR_TABLE (table), 0);

  rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      QsIndicatorRow *row = qs_indicator_table_get_row (table, i);

      if (is_blank (qs_indicator_row_get_indicator (row)) && is_blank (qs_indicator_row_get_name (row)))
        continue;
      if (qs_linker_link_row (catalog, row, flags))
        linked++;
      else if (unlinked != NULL)
        g_ptr_array_add (unlinked, g_object_ref (row));
    }
  return linked;
}

guint
qs_linker_link_plan (QsCatalog    *catalog,
                     QsPlan       *plan,
                     QsLinkFlags   flags,
                     GPtrArray   **unlinked)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  guint linked = 0;

  g_return_val_if_fail (QS_IS_CATALOG (catalog), 0);
  g_return_val_if_fail (QS_IS_PLAN (plan), 0);

  if (unlinked != NULL)
    missing = g_ptr_array_new_with_free_func (g_object_unref);
  tables = qs_plan_collect_indicator_tables (plan);
  for (guint i = 0; i < tables->len; i++)
    linked += qs_linker_link_table (catalog, tables->pdata[i], flags, missing);
  if (unlinked != NULL)
    *unlinked = g_steal_pointer (&missing);
  return linked;
}
