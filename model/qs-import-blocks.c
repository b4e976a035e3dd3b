/* qs-import-blocks.c: layout C, rows put back from a flat run of cells.
 *
 * Web pages lose a table's rows: every cell is a line, cells are separated
 * by a blank line, an empty cell is one blank line more, and a cell that
 * wrapped looks like two cells.  The header's roles give the grammar back:
 *   numbered tables:  [category…] number name value… , sub-rows (其中…) after
 *                     a row, the next group's category before its number;
 *   unnumbered ones:  [category…] name value… (the name is the text cell
 *                     followed by a value);
 *   other tables:     as many cells per row as columns.
 * When the cells do not fit, the caller keeps them as prose.
 */
#define G_LOG_DOMAIN "qs-import-blocks"

#include "config.h"

#include <string.h>

#include "qs-import-cells.h"
#include "qs-import-table.h"
#include "qs-types.h"

#define MAX_CATEGORY_FRAGMENTS 3
/* A row with more wrapped cells than this is not understood. */
#define MAX_WRAPPED_CELLS      4

typedef struct
{
  GPtrArray      *cells;
  GArray         *lines;
  QsImportGrid   *grid;
  QsImportReport *report;
  guint           n_columns;
  QsColumnRole   *roles;
  int             cat_idx;
  int             num_idx;
  int             name_idx;
  int             attr_idx;
  guint           probe;      /* from the name to the first figure column, 0 if none */
} Blocks;

static const char *
cell_at (Blocks *b,
         guint   i)
{
  return g_ptr_array_index (b->cells, i);
}

static guint
line_at (Blocks *b,
         guint   i)
{
  return g_array_index (b->lines, guint, MIN (i, b->lines->len - 1));
}

static QsImportRow *
aligned_row (Blocks *b,
             guint   lineno)
{
  QsImportRow *row = qs_import_row_new (lineno);

  for (guint c = 0; c < b->n_columns; c++)
    qs_import_row_add (row, "", lineno);
  row->flags |= QS_IMPORT_ROW_ALIGNED;
  return row;
}

static void
set_cell (QsImportRow *row,
          guint        column,
          const char  *text,
          guint        lineno)
{
  g_free (row->cells->pdata[column]);
  row->cells->pdata[column] = g_strdup (text);
  row->lines->pdata[column] = GUINT_TO_POINTER (lineno);
}

static char *
join_cells (Blocks *b,
            guint   from,
            guint   to)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, cell_at (b, i));
    }
  return g_string_free (out, FALSE);
}

static gboolean
all_empty (Blocks *b,
           guint   from,
           guint   to)
{
  for (guint i = from; i < to; i++)
    if (!qs_import_cell_is_empty (cell_at (b, i)))
      return FALSE;
  return TRUE;
}

/* Short text cells that can be the pieces of a wrapped category cell. */
static gboolean
are_category_fragments (Blocks *b,
                        guint   from,
                        guint   to)
{
  if (to - from > MAX_CATEGORY_FRAGMENTS || b->cat_idx < 0)
    return FALSE;
  for (guint i = from; i < to; i++)
    if (!qs_import_cell_is_name (cell_at (b, i)) || g_utf8_strlen (cell_at (b, i), -1) > 20)
      return FALSE;
  return TRUE;
}

static gboolean
is_subrow_start (Blocks *b,
                 guint   i,
                 guint   end)
{
  g_autofree char *flat = NULL;

  if (i >= end || !qs_import_cell_is_name (cell_at (b, i)))
    return FALSE;
  flat = qs_text_strip_spaces (cell_at (b, i));
  if (g_str_has_prefix (flat, "其中"))
    return TRUE;
  return b->attr_idx == b->name_idx + 1 && i + 1 < end &&
         qs_import_cell_is_attribute (cell_at (b, i + 1));
}

static int
target_column (Blocks *b,
               GArray *value_columns)
{
  for (guint v = 0; v < value_columns->len; v++)
    if (b->roles[g_array_index (value_columns, int, v)] == QS_COLUMN_TARGET)
      return g_array_index (value_columns, int, v);
  return value_columns->len > 0 ? g_array_index (value_columns, int, 0) : -1;
}

/* A short row [name, (attribute), value…] placed by the columns' roles. */
static QsImportRow *
subrow (Blocks *b,
        guint   from,
        guint   to)
{
  QsImportRow *row = aligned_row (b, line_at (b, from));
  g_autoptr(GArray) value_columns = g_array_new (FALSE, FALSE, sizeof (int));
  guint i = from + 1;
  guint n_values;

  row->flags |= QS_IMPORT_ROW_SUBROW;
  set_cell (row, b->name_idx, cell_at (b, from), line_at (b, from));
  if (b->attr_idx == b->name_idx + 1 && i < to && qs_import_cell_is_attribute (cell_at (b, i)))
    {
      set_cell (row, b->attr_idx, cell_at (b, i), line_at (b, i));
      i++;
    }
  for (int c = b->name_idx + 1; c < (int) b->n_columns; c++)
    if (c != b->attr_idx)
      g_array_append_val (value_columns, c);

  n_values = to - i;
  if (n_values == value_columns->len)
    {
      for (guint v = 0; v < n_values; v++)
        set_cell (row, g_array_index (value_columns, int, v), cell_at (b, i + v), line_at (b, i + v));
      return row;
    }

  row->flags |= QS_IMPORT_ROW_PLACED;
  if (n_values == 1)
    {
      int column = target_column (b, value_columns);

      if (column >= 0)
        {
          set_cell (row, column, cell_at (b, i), line_at (b, i));
          qs_import_report_add_doubt (b->report, line_at (b, from),
                                      "子行“%s”只有%u个单元格，“%s”放入“%s”列，位置不确定，请核对",
                                      cell_at (b, from), to - from, cell_at (b, i),
                                      (const char *) g_ptr_array_index (b->grid->header, column));
        }
      return row;
    }
  for (guint v = 0; v < n_values && v < value_columns->len; v++)
    set_cell (row, g_array_index (value_columns, int, v), cell_at (b, i + v), line_at (b, i + v));
  qs_import_report_add_doubt (b->report, line_at (b, from),
                              "子行“%s”有%u个数值、%u个数值列，按从左到右放入，请核对",
                              cell_at (b, from), n_values, value_columns->len);
  return row;
}

/* Joins the shortest pair of neighbouring text cells of [from, to) until
 * the row has @k cells, and adds the row.  Works on a copy: the cell
 * sequence keeps its indexes. */
static gboolean
wrapped_row (Blocks     *b,
             guint       from,
             guint       to,
             guint       k,
             char      **category,
             guint       category_line)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  QsImportRow *row;

  for (guint i = from; i < to; i++)
    {
      guint line = line_at (b, i);

      g_ptr_array_add (cells, g_strdup (cell_at (b, i)));
      g_array_append_val (lines, line);
    }
  while (cells->len > k)
    {
      guint best = 0;
      gsize best_len = G_MAXSIZE;
      char *joined;

      for (guint i = 1; i + 1 < cells->len; i++)
        {
          const char *a = g_ptr_array_index (cells, i);
          const char *c = g_ptr_array_index (cells, i + 1);
          gsize len = strlen (a) + strlen (c);

          if (qs_import_cell_is_name (a) && qs_import_cell_is_name (c) && len < best_len)
            {
              best = i;
              best_len = len;
            }
        }
      if (best == 0)
        return FALSE;
      joined = g_strconcat (g_ptr_array_index (cells, best), "\n", g_ptr_array_index (cells, best + 1), NULL);
      g_free (cells->pdata[best]);
      cells->pdata[best] = joined;
      g_ptr_array_remove_index (cells, best + 1);
      g_array_remove_index (lines, best + 1);
      qs_import_report_add_doubt (b->report, g_array_index (lines, guint, best),
                                  "单元格“%s”跨行，已合并为一格", joined);
    }

  row = aligned_row (b, g_array_index (lines, guint, 0));
  if (*category != NULL)
    {
      set_cell (row, b->cat_idx, *category, category_line);
      g_clear_pointer (category, g_free);
    }
  for (guint i = 0; i < cells->len; i++)
    set_cell (row, b->num_idx + i, g_ptr_array_index (cells, i), g_array_index (lines, guint, i));
  g_ptr_array_add (b->grid->rows, row);
  return TRUE;
}

static gboolean
numbered_rows (Blocks *b)
{
  guint n = b->cells->len;
  guint k_main = b->n_columns - b->num_idx;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  int expected = -1;
  g_autofree char *category = NULL;
  guint category_line = 0;

  for (guint i = 0; i < n; i++)
    {
      int value = qs_import_cell_number (cell_at (b, i));

      if (value < 0 || (expected >= 0 && value != expected))
        continue;
      if (starts->len > 0 && i < g_array_index (starts, guint, starts->len - 1) + k_main)
        continue;
      if (i + 1 >= n || !qs_import_cell_is_name (cell_at (b, i + 1)))
        continue;
      g_array_append_val (starts, i);
      expected = value + 1;
    }
  if (starts->len == 0)
    return FALSE;

  /* Cells before the first number: the first group's category. */
  {
    guint first = g_array_index (starts, guint, 0);

    if (first > 0)
      {
        if (b->cat_idx < 0 || b->cat_idx > b->num_idx || !are_category_fragments (b, 0, first))
          return FALSE;
        category = join_cells (b, 0, first);
        category_line = line_at (b, 0);
      }
  }

  for (guint r = 0; r < starts->len; r++)
    {
      guint s = g_array_index (starts, guint, r);
      guint t = r + 1 < starts->len ? g_array_index (starts, guint, r + 1) : n;
      gboolean last = r + 1 == starts->len;
      guint main_end = MIN (s + k_main, t);
      QsImportRow *row;
      guint q;

      /* Too many cells and nothing to explain them: a text cell wrapped
       * onto the next line ("美丽乡村" / "工程"). */
      if (t - s > k_main && !is_subrow_start (b, s + k_main, t) &&
          !(b->cat_idx >= 0 && b->cat_idx < b->num_idx && !last &&
            are_category_fragments (b, s + k_main, t)) &&
          !(last && all_empty (b, s + k_main, t)))
        {
          if (t - s > k_main + MAX_WRAPPED_CELLS || !wrapped_row (b, s, t, k_main, &category, category_line))
            return FALSE;
          continue;
        }

      row = aligned_row (b, line_at (b, s));
      if (category != NULL)
        {
          set_cell (row, b->cat_idx, category, category_line);
          g_clear_pointer (&category, g_free);
        }
      for (guint i = s; i < main_end; i++)
        set_cell (row, b->num_idx + (i - s), cell_at (b, i), line_at (b, i));
      if (main_end - s < k_main)
        {
          row->flags |= QS_IMPORT_ROW_PLACED;
          qs_import_report_add_doubt (b->report, line_at (b, s),
                                      "第%s行只有%u个单元格（应为%u个），缺的列留空，请核对",
                                      cell_at (b, s), main_end - s, k_main);
        }
      g_ptr_array_add (b->grid->rows, row);

      /* Sub-rows, then the next group's category. */
      q = main_end;
      while (q < t && is_subrow_start (b, q, t))
        {
          guint limit = q + 1 + (b->n_columns - b->name_idx - 1);
          guint e = q + 1;

          while (e < t && e < limit && !is_subrow_start (b, e, t))
            e++;
          g_ptr_array_add (b->grid->rows, subrow (b, q, e));
          q = e;
        }
      if (q < t)
        {
          if (all_empty (b, q, t))
            continue;
          if (last || b->cat_idx < 0 || b->cat_idx > b->num_idx || !are_category_fragments (b, q, t))
            return FALSE;
          category = join_cells (b, q, t);
          category_line = line_at (b, q);
        }
    }
  return TRUE;
}

static gboolean
unnumbered_rows (Blocks *b)
{
  guint n = b->cells->len;
  guint m = b->n_columns - b->name_idx - 1;
  guint p = 0;

  if (b->name_idx != (b->cat_idx >= 0 ? b->cat_idx + 1 : 0))
    return FALSE;
  /* Empty cells at the end are the blank lines after the table. */
  while (n > 0 && qs_import_cell_is_empty (cell_at (b, n - 1)))
    n--;

  while (p < n)
    {
      int j = -1;
      QsImportRow *row;

      for (guint c = p; c < n && c <= p + MAX_CATEGORY_FRAGMENTS; c++)
        if (qs_import_cell_is_name (cell_at (b, c)) &&
            (b->probe == 0 || (c + b->probe < n && qs_import_cell_is_value (cell_at (b, c + b->probe)))))
          {
            j = c;
            break;
          }
      if (j < 0 || ((guint) j > p && !are_category_fragments (b, p, j)))
        return FALSE;
      if (j + 1 + m > n)
        return FALSE;

      row = aligned_row (b, line_at (b, j));
      if ((guint) j > p)
        {
          g_autofree char *category = join_cells (b, p, j);
          set_cell (row, b->cat_idx, category, line_at (b, p));
        }
      for (guint i = 0; i <= m; i++)
        set_cell (row, b->name_idx + i, cell_at (b, j + i), line_at (b, j + i));
      g_ptr_array_add (b->grid->rows, row);
      p = j + 1 + m;
    }
  return b->grid->rows->len > 0;
}

static gboolean
plain_rows (Blocks *b)
{
  guint n = b->cells->len;

  while (n > 0 && qs_import_cell_is_empty (cell_at (b, n - 1)))
    n--;
  if (n == 0 || n % b->n_columns != 0)
    return FALSE;
  for (guint s = 0; s < n; s += b->n_columns)
    {
      QsImportRow *row = aligned_row (b, line_at (b, s));

      for (guint c = 0; c < b->n_columns; c++)
        set_cell (row, c, cell_at (b, s + c), line_at (b, s + c));
      g_ptr_array_add (b->grid->rows, row);
    }
  return TRUE;
}

gboolean
qs_import_blocks_to_rows (QsImportGrid   *grid,
                          GPtrArray      *cells,
                          GArray         *cell_lines,
                          QsImportReport *report)
{
  g_autofree QsColumnRole *roles = g_new0 (QsColumnRole, grid->header->len);
  Blocks b = { cells, cell_lines, grid, report, grid->header->len, roles, -1, -1, -1, -1, 0 };
  gboolean ok;

  for (guint c = 0; c < grid->header->len; c++)
    {
      roles[c] = qs_column_role_guess (g_ptr_array_index (grid->header, c));
      if (roles[c] == QS_COLUMN_CATEGORY && b.cat_idx < 0)
        b.cat_idx = c;
      else if (roles[c] == QS_COLUMN_NUMBER && b.num_idx < 0)
        b.num_idx = c;
      else if (roles[c] == QS_COLUMN_NAME && b.name_idx < 0)
        b.name_idx = c;
      else if (roles[c] == QS_COLUMN_ATTRIBUTE && b.attr_idx < 0)
        b.attr_idx = c;
    }

  if (b.num_idx >= 0 && b.num_idx + 1 < (int) b.n_columns)
    {
      if (b.name_idx < 0)
        b.name_idx = b.num_idx + 1;
      ok = numbered_rows (&b);
    }
  else if (b.name_idx >= 0)
    {
      /* The name is the text cell whose first figure (past a unit or an
       * attribute column) follows at the right distance. */
      for (guint c = b.name_idx + 1; c < b.n_columns && b.probe == 0; c++)
        if (roles[c] != QS_COLUMN_UNIT && roles[c] != QS_COLUMN_ATTRIBUTE && roles[c] != QS_COLUMN_SUBNAME)
          b.probe = c - b.name_idx;
      ok = unnumbered_rows (&b);
    }
  else
    ok = plain_rows (&b);

  if (!ok)
    g_ptr_array_set_size (grid->rows, 0);
  return ok;
}
