/* qs-import-build.c: turning a table's grid into an indicator or task table.
 *
 * An indicator row keeps one cell per column exactly as written and the
 * row's meaning beside it:
 *   category   the group's category cell, white space removed; a merged
 *              (empty) category cell inherits the group's;
 *   number     the number cell as printed, else the number in front of the
 *              name ("5.…"); sub-rows inherit their parent's;
 *   name       the name cell; for a sub-row, the sub-item cell;
 *   parent     for a sub-row, the parent's name cell (其中:阿蓬江, one row
 *              per pollutant, 城市/乡镇 under one indicator);
 *   unit       the unit column, else the bracket of the name, else the
 *              parent's;
 *   attribute  the attribute column (约束性/预期性), else none.
 * Physical rows that do not fit the header are fixed only in the ways the
 * family of plans breaks them, and each fix is reported: the name spanning
 * two cells (parent + sub-item), a row shifted one cell left, a row
 * continued after a page break.  Anything else leaves the table as prose.
 */
#define G_LOG_DOMAIN "qs-import-build"

#include "config.h"

#include <string.h>

#include "qs-import-build.h"
#include "qs-import-cells.h"
#include "qs-indicator-name.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-table-column.h"
#include "qs-task-row.h"
#include "qs-task-table.h"
#include "qs-types.h"

/* Plans' tables have tens of rows; thousands are something else. */
#define MAX_TABLE_ROWS 10000

typedef struct
{
  guint         n_columns;
  QsColumnRole *roles;
  int           cat_idx;
  int           num_idx;
  int           name_idx;
  int           sub_idx;
  int           unit_idx;
  int           attr_idx;
} Columns;

static void
columns_init (Columns      *cols,
              QsImportGrid *grid)
{
  cols->n_columns = grid->header->len;
  cols->roles = g_new0 (QsColumnRole, cols->n_columns);
  cols->cat_idx = cols->num_idx = cols->name_idx = cols->sub_idx = cols->unit_idx = cols->attr_idx = -1;
  for (guint c = 0; c < cols->n_columns; c++)
    {
      QsColumnRole role = qs_column_role_guess (g_ptr_array_index (grid->header, c));
      int *slot = NULL;

      cols->roles[c] = role;
      switch (role)
        {
        case QS_COLUMN_CATEGORY: slot = &cols->cat_idx; break;
        case QS_COLUMN_NUMBER: slot = &cols->num_idx; break;
        case QS_COLUMN_NAME: slot = &cols->name_idx; break;
        case QS_COLUMN_SUBNAME: slot = &cols->sub_idx; break;
        case QS_COLUMN_UNIT: slot = &cols->unit_idx; break;
        case QS_COLUMN_ATTRIBUTE: slot = &cols->attr_idx; break;
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
      if (slot != NULL && *slot < 0)
        *slot = c;
    }
}

static void
columns_clear (Columns *cols)
{
  g_clear_pointer (&cols->roles, g_free);
}

gboolean
qs_import_grid_is_indicator (QsImportGrid *grid)
{
  gboolean has_name = FALSE;
  gboolean has_figure = FALSE;

  for (guint c = 0; c < grid->header->len; c++)
    switch (qs_column_role_guess (g_ptr_array_index (grid->header, c)))
      {
      case QS_COLUMN_NAME:
        has_name = TRUE;
        break;
      case QS_COLUMN_BASELINE:
      case QS_COLUMN_TARGET:
      case QS_COLUMN_ACTUAL:
      case QS_COLUMN_CHANGE:
        has_figure = TRUE;
        break;
      case QS_COLUMN_OTHER:
      case QS_COLUMN_CATEGORY:
      case QS_COLUMN_NUMBER:
      case QS_COLUMN_SUBNAME:
      case QS_COLUMN_UNIT:
      case QS_COLUMN_ATTRIBUTE:
      case QS_COLUMN_STATUS:
      case QS_COLUMN_REMARK:
      default:
        break;
      }
  return has_name && has_figure;
}

static const char *
cell (GPtrArray *cells,
      int        index)
{
  if (index < 0 || (guint) index >= cells->len)
    return "";
  return g_ptr_array_index (cells, index);
}

static gboolean
values_empty (Columns   *cols,
              GPtrArray *cells)
{
  for (guint c = 0; c < cols->n_columns; c++)
    if (!qs_column_role_is_structural (cols->roles[c]) && !qs_import_cell_is_empty (cell (cells, c)))
      return FALSE;
  return TRUE;
}

static GPtrArray *
copy_cells (GPtrArray *cells)
{
  GPtrArray *copy = g_ptr_array_new_full (cells->len + 1, g_free);

  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (cells, i)));
  return copy;
}

static void
strip_trailing_empty (GPtrArray *cells,
                      guint      keep)
{
  while (cells->len > keep && qs_import_cell_is_empty (g_ptr_array_index (cells, cells->len - 1)))
    g_ptr_array_remove_index (cells, cells->len - 1);
}

/* What the builder remembers from the rows above. */
typedef struct
{
  QsIndicatorTable *table;
  Columns           cols;
  QsImportReport   *report;
  char             *category;      /* effective category of the current group */
  guint             group_start;   /* index of the row that printed it */
  char             *main_name;     /* name cell of the last main row */
  char             *parent;        /* parent of the previous row if it was a sub-row */
  char             *number;        /* number of the previous row */
} Builder;

static void
builder_clear (Builder *b)
{
  columns_clear (&b->cols);
  g_clear_pointer (&b->category, g_free);
  g_clear_pointer (&b->main_name, g_free);
  g_clear_pointer (&b->parent, g_free);
  g_clear_pointer (&b->number, g_free);
}

static void
set_group_category (Builder *b,
                    guint    last_row)
{
  for (guint r = b->group_start; r <= last_row; r++)
    qs_indicator_row_set_category (qs_indicator_table_get_row (b->table, r), b->category);
}

/* A row cut by a page break goes on below the repeated header: only
 * structural cells, no figure.  Its text joins the cells above. */
static void
continue_previous (Builder     *b,
                   GPtrArray   *cells,
                   QsImportRow *source)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (b->table)));
  QsIndicatorRow *previous = qs_indicator_table_get_row (b->table, n_rows - 1);

  for (guint c = 0; c < b->cols.n_columns; c++)
    {
      const char *text = cell (cells, c);
      QsIndicatorRow *target = previous;
      g_autofree char *joined = NULL;

      if (qs_import_cell_is_empty (text))
        continue;
      /* A category continues the group's first row, where it is printed. */
      if ((int) c == b->cols.cat_idx)
        target = qs_indicator_table_get_row (b->table, b->group_start);
      joined = *qs_indicator_row_get_cell (target, c) != '\0'
               ? g_strconcat (qs_indicator_row_get_cell (target, c), "\n", text, NULL)
               : g_strdup (text);
      qs_indicator_row_set_cell (target, c, joined);

      if ((int) c == b->cols.cat_idx)
        {
          g_free (b->category);
          b->category = qs_text_strip_spaces (joined);
          set_group_category (b, n_rows - 1);
        }
      else if ((int) c == b->cols.name_idx || (int) c == b->cols.sub_idx)
        {
          const char *name = qs_indicator_row_get_name (previous);
          g_autofree char *new_name = *name != '\0' ? g_strconcat (name, "\n", text, NULL) : g_strdup (text);
          g_autoptr(QsIndicatorName) parsed = qs_indicator_name_parse (new_name);

          qs_indicator_row_set_name (previous, new_name);
          qs_indicator_row_set_indicator (previous, parsed->indicator);
          if (parsed->unit != NULL && b->cols.unit_idx < 0)
            qs_indicator_row_set_unit (previous, parsed->unit);
        }
    }
  qs_import_report_add_doubt (b->report, source->lineno,
                              "此行是上一行在分页处断开的后半部分，已并入上一行（%s）",
                              qs_indicator_row_get_name (previous));
}

static gboolean
add_indicator_row (Builder     *b,
                   QsImportRow *source)
{
  Columns *cols = &b->cols;
  g_autoptr(GPtrArray) cells = copy_cells (source->cells);
  g_autofree char *split_parent = NULL;
  g_autoptr(QsIndicatorRow) row = NULL;
  g_autoptr(QsIndicatorName) parsed = NULL;
  g_autofree char *flat_name = NULL;
  g_autofree char *number = NULL;
  const char *name;
  const char *unit_cell;
  char *parent = NULL;
  gboolean split = FALSE;
  gboolean is_sub = FALSE;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (b->table)));

  if (!(source->flags & QS_IMPORT_ROW_ALIGNED))
    {
      /* An empty last cell may belong to a row whose name spans two cells. */
      strip_trailing_empty (cells, cols->n_columns + 1);
      if (!(cells->len == cols->n_columns + 1 && cols->sub_idx < 0 && cols->name_idx >= 0 &&
            qs_import_cell_is_name (cell (cells, cols->name_idx + 1))))
        strip_trailing_empty (cells, cols->n_columns);

      if (cells->len == cols->n_columns + 1 && cols->sub_idx < 0 && cols->name_idx >= 0 &&
          qs_import_cell_is_name (cell (cells, cols->name_idx + 1)))
        {
          /* The name spans two physical cells: parent, then the sub-item. */
          split_parent = g_strdup (cell (cells, cols->name_idx));
          g_ptr_array_remove_index (cells, cols->name_idx);
          split = TRUE;
        }
      else if (cells->len == cols->n_columns && cols->num_idx > 0 && cols->name_idx == cols->num_idx + 1 &&
               qs_import_cell_is_empty (cell (cells, cols->n_columns - 1)) &&
               qs_import_cell_number (cell (cells, cols->num_idx - 1)) >= 0 &&
               qs_import_cell_is_name (cell (cells, cols->num_idx)))
        {
          /* The row starts one cell early (its empty leading cell got lost). */
          g_ptr_array_insert (cells, 0, g_strdup (""));
          g_ptr_array_remove_index (cells, cells->len - 1);
          qs_import_report_add_doubt (b->report, source->lineno,
                                      "此行比表头左移了一格（缺少开头的空单元格），已右移对齐（%s）",
                                      cell (cells, cols->name_idx));
        }
      else if (cells->len > cols->n_columns)
        {
          qs_import_report_add_doubt (b->report, source->lineno,
                                      "此行有%u个单元格，表头只有%u列，无法对齐，整张表按段落导入",
                                      cells->len, cols->n_columns);
          return FALSE;
        }
      else if (cells->len < cols->n_columns && !values_empty (cols, cells))
        qs_import_report_add_doubt (b->report, source->lineno,
                                    "此行只有%u个单元格（表头%u列），缺的列留空，请核对",
                                    cells->len, cols->n_columns);
      while (cells->len < cols->n_columns)
        g_ptr_array_add (cells, g_strdup (""));
    }

  if ((source->flags & QS_IMPORT_ROW_AFTER_BREAK) && n_rows > 0 && !split &&
      qs_import_cell_is_empty (cell (cells, cols->num_idx)) && values_empty (cols, cells))
    {
      continue_previous (b, cells, source);
      return TRUE;
    }

  /* Category: printed once for a group, merged (empty) below. */
  {
    g_autofree char *flat = qs_text_strip_spaces (cell (cells, cols->cat_idx));

    if (*flat != '\0')
      {
        g_free (b->category);
        b->category = g_steal_pointer (&flat);
        b->group_start = n_rows;
      }
  }

  /* Name, sub-item and parent. */
  if (split)
    {
      is_sub = TRUE;
      name = cell (cells, cols->name_idx);
      parent = !qs_import_cell_is_empty (split_parent) ? split_parent : b->parent;
    }
  else if (cols->sub_idx >= 0 && !qs_import_cell_is_empty (cell (cells, cols->sub_idx)))
    {
      is_sub = TRUE;
      name = cell (cells, cols->sub_idx);
      parent = !qs_import_cell_is_empty (cell (cells, cols->name_idx))
               ? (char *) cell (cells, cols->name_idx) : b->parent;
    }
  else
    {
      name = cell (cells, cols->name_idx);
      flat_name = qs_text_strip_spaces (name);
      if ((source->flags & QS_IMPORT_ROW_SUBROW) || g_str_has_prefix (flat_name, "其中"))
        {
          is_sub = TRUE;
          parent = b->main_name;
        }
    }
  if (is_sub && parent == NULL)
    qs_import_report_add_doubt (b->report, source->lineno,
                                "子项“%s”找不到所属的指标", name);
  if (qs_import_cell_is_empty (name) && !values_empty (cols, cells))
    qs_import_report_add_doubt (b->report, source->lineno, "此行没有指标名称");

  parsed = qs_indicator_name_parse (name);

  /* Number: the number cell, else the name's own numbering. */
  {
    g_autofree char *flat = qs_text_strip_spaces (cell (cells, cols->num_idx));

    if (*flat != '\0')
      number = g_steal_pointer (&flat);
    else if (is_sub && cols->num_idx >= 0)
      number = g_strdup (b->number);
    else if (cols->num_idx < 0)
      {
        g_autoptr(QsIndicatorName) numbered = qs_indicator_name_parse (is_sub && parent ? parent : name);

        number = g_strdup (numbered->number);
      }
  }

  row = qs_indicator_row_new ();
  for (guint c = 0; c < cols->n_columns; c++)
    qs_indicator_row_set_cell (row, c, cell (cells, c));
  qs_indicator_row_set_category (row, b->category);
  qs_indicator_row_set_number (row, number);
  qs_indicator_row_set_name (row, name);
  qs_indicator_row_set_indicator (row, parsed->indicator);
  qs_indicator_row_set_parent (row, is_sub ? parent : NULL);

  unit_cell = cell (cells, cols->unit_idx);
  if (!qs_import_cell_is_empty (unit_cell))
    qs_indicator_row_set_unit (row, unit_cell);
  else if (parsed->unit != NULL)
    qs_indicator_row_set_unit (row, parsed->unit);
  else if (is_sub && parent != NULL)
    {
      g_autoptr(QsIndicatorName) parent_name = qs_indicator_name_parse (parent);

      qs_indicator_row_set_unit (row, parent_name->unit);
    }
  {
    g_autofree char *attribute = qs_text_strip_spaces (cell (cells, cols->attr_idx));

    qs_indicator_row_set_attribute (row, *attribute != '\0' ? attribute : NULL);
  }

  g_list_store_append (qs_indicator_table_get_rows (b->table), row);

  /* Remember for the rows below. */
  {
    char *new_parent = is_sub && parent != NULL ? g_strdup (parent) : NULL;

    g_free (b->parent);
    b->parent = new_parent;
  }
  if (!is_sub)
    {
      g_free (b->main_name);
      b->main_name = g_strdup (name);
    }
  g_free (b->number);
  b->number = g_strdup (number);
  return TRUE;
}

static QsIndicatorTable *
build_indicator_table (QsImportGrid   *grid,
                       QsImportReport *report)
{
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
  Builder b = { table, { 0 }, report, NULL, 0, NULL, NULL, NULL };
  gboolean ok = TRUE;

  columns_init (&b.cols, grid);
  for (guint c = 0; c < b.cols.n_columns; c++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (g_ptr_array_index (grid->header, c),
                                                             b.cols.roles[c]);
      g_list_store_append (qs_indicator_table_get_columns (table), column);
    }
  if (b.cols.name_idx < 0)
    ok = FALSE;
  for (guint r = 0; ok && r < grid->rows->len; r++)
    ok = add_indicator_row (&b, g_ptr_array_index (grid->rows, r));
  builder_clear (&b);
  if (!ok)
    return NULL;
  g_ptr_array_add (grid->notes, NULL);
  qs_indicator_table_set_notes (table, (const char * const *) grid->notes->pdata);
  g_ptr_array_remove_index (grid->notes, grid->notes->len - 1);
  return g_steal_pointer (&table);
}

static QsTaskTable *
build_task_table (QsImportGrid   *grid,
                  QsImportReport *report)
{
  g_autoptr(QsTaskTable) table = qs_task_table_new ();
  guint n_columns = grid->header->len;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (g_ptr_array_index (grid->header, c), -1);
      g_list_store_append (qs_task_table_get_columns (table), column);
    }
  for (guint r = 0; r < grid->rows->len; r++)
    {
      QsImportRow *source = g_ptr_array_index (grid->rows, r);
      g_autoptr(GPtrArray) cells = copy_cells (source->cells);
      g_autoptr(QsTaskRow) row = NULL;

      strip_trailing_empty (cells, n_columns);
      if (cells->len > n_columns)
        {
          qs_import_report_add_doubt (report, source->lineno,
                                      "此行有%u个单元格，表头只有%u列，无法对齐，整张表按段落导入",
                                      cells->len, n_columns);
          return NULL;
        }
      if (cells->len < n_columns)
        qs_import_report_add_doubt (report, source->lineno,
                                    "此行只有%u个单元格（表头%u列），缺的列留空", cells->len, n_columns);
      while (cells->len < n_columns)
        g_ptr_array_add (cells, g_strdup (""));
      g_ptr_array_add (cells, NULL);
      row = qs_task_row_new ((const char * const *) cells->pdata);
      g_list_store_append (qs_task_table_get_rows (table), row);
    }
  g_ptr_array_add (grid->notes, NULL);
  qs_task_table_set_notes (table, (const char * const *) grid->notes->pdata);
  g_ptr_array_remove_index (grid->notes, grid->notes->len - 1);
  return g_steal_pointer (&table);
}

GObject *
qs_import_grid_build (QsImportGrid   *grid,
                      const char     *label,
                      const char     *caption,
                      guint           caption_line,
                      QsImportReport *report)
{
  if (grid->failed || grid->header->len == 0)
    return NULL;
  if (grid->rows->len > MAX_TABLE_ROWS)
    {
      qs_import_report_add_doubt (report, caption_line,
                                  "表格有%u行，不像规划中的表格，按段落导入", grid->rows->len);
      return NULL;
    }

  if (qs_import_grid_is_indicator (grid))
    {
      QsIndicatorTable *table = build_indicator_table (grid, report);

      if (table == NULL)
        return NULL;
      qs_indicator_table_set_label (table, label);
      qs_indicator_table_set_caption (table, caption);
      return G_OBJECT (table);
    }
  else
    {
      QsTaskTable *table = build_task_table (grid, report);

      if (table == NULL)
        return NULL;
      qs_task_table_set_label (table, label);
      qs_task_table_set_caption (table, caption);
      return G_OBJECT (table);
    }
}
