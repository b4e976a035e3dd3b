/* qs-cell-array.c: the row of cell texts shared by indicator and task rows. */
#define G_LOG_DOMAIN "qs-cell-array"

#include "config.h"

#include "qs-cell-array.h"
#include "qs-types.h"

GPtrArray *
qs_cell_array_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

const char *
qs_cell_array_get (GPtrArray *cells,
                   guint      column)
{
  if (column >= cells->len)
    return "";
  return g_ptr_array_index (cells, column);
}

gboolean
qs_cell_array_set (GPtrArray  *cells,
                   guint       column,
                   const char *text)
{
  while (cells->len <= column)
    g_ptr_array_add (cells, g_strdup (""));
  return qs_set_str ((char **) &cells->pdata[column], text ? text : "");
}

void
qs_cell_array_insert (GPtrArray  *cells,
                      guint       column,
                      const char *text)
{
  while (cells->len < column)
    g_ptr_array_add (cells, g_strdup (""));
  g_ptr_array_insert (cells, column, g_strdup (text ? text : ""));
}

void
qs_cell_array_remove (GPtrArray *cells,
                      guint      column)
{
  if (column < cells->len)
    g_ptr_array_remove_index (cells, column);
}
