/* qs-plan-diff.c: what changed between two versions of a plan.
 *
 * Everything is matched with one tool, the longest common subsequence of
 * keys (sentences, headings, block keys), after trimming the common head
 * and tail; what is left between two matches pairs up in order. */
#define G_LOG_DOMAIN "qs-plan-diff"

#include "config.h"

#include <string.h>

#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-paragraph.h"
#include "qs-plan-diff.h"
#include "qs-review-note.h"
#include "qs-section.h"
#include "qs-table-column.h"
#include "qs-task-item.h"
#include "qs-task-row.h"
#include "qs-task-table.h"
#include "qs-json-util.h"

/* Above this many cells the LCS table is not built: the middle counts as
 * all deleted and inserted (a paragraph of thousands of sentences
 * rewritten entirely is that anyway). */
#define MAX_LCS_CELLS (4 * 1000 * 1000)

struct _QsPlanDiff
{
  GObject     parent_instance;
  GPtrArray  *changes;   /* of QsPlanChange */
  GHashTable *old_tables;  /* block → index + 1 */
  GHashTable *new_tables;
};

G_DEFINE_FINAL_TYPE (QsPlanDiff, qs_plan_diff, G_TYPE_OBJECT)

/* Runs */

void
qs_diff_run_free (QsDiffRun *run)
{
  if (run == NULL)
    return;
  g_free (run->text);
  g_free (run);
}

const char *
qs_diff_run_kind_to_string (QsDiffRunKind kind)
{
  switch (kind)
    {
    case QS_DIFF_EQUAL:
      return "equal";
    case QS_DIFF_INSERT:
      return "insert";
    case QS_DIFF_DELETE:
      return "delete";
    default:
      return NULL;
    }
}

static void
add_run (GPtrArray     *runs,
         QsDiffRunKind  kind,
         const char    *text)
{
  QsDiffRun *last = runs->len > 0 ? g_ptr_array_index (runs, runs->len - 1) : NULL;
  QsDiffRun *run;

  if (text == NULL || *text == '\0')
    return;
  if (last != NULL && last->kind == kind)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }
  run = g_new0 (QsDiffRun, 1);
  run->kind = kind;
  run->text = g_strdup (text);
  g_ptr_array_add (runs, run);
}

/* Matching */

/* Sets @match[i] to the index in @b of the element matched with a[i], or
 * -1, along a longest common subsequence of equal strings. */
static void
lcs_match (const char * const *a,
           guint               n,
           const char * const *b,
           guint               m,
           int                *match)
{
  guint head = 0, tail = 0;
  guint rows, cols;
  guint *table;

  for (guint i = 0; i < n; i++)
    match[i] = -1;
  while (head < n && head < m && g_strcmp0 (a[head], b[head]) == 0)
    {
      match[head] = (int) head;
      head++;
    }
  while (tail < n - head && tail < m - head &&
         g_strcmp0 (a[n - 1 - tail], b[m - 1 - tail]) == 0)
    {
      match[n - 1 - tail] = (int) (m - 1 - tail);
      tail++;
    }

  rows = n - head - tail;
  cols = m - head - tail;
  if (rows == 0 || cols == 0 || (guint64) (rows + 1) * (cols + 1) > MAX_LCS_CELLS)
    return;

  /* table[i][j]: the LCS length of a[head + i …] and b[head + j …]. */
  table = g_new0 (guint, (gsize) (rows + 1) * (cols + 1));
#define T(i, j) table[(gsize) (i) * (cols + 1) + (j)]
  for (guint i = rows; i-- > 0;)
    for (guint j = cols; j-- > 0;)
      {
        if (g_strcmp0 (a[head + i], b[head + j]) == 0)
          T (i, j) = T (i + 1, j + 1) + 1;
        else
          T (i, j) = MAX (T (i + 1, j), T (i, j + 1));
      }
  for (guint i = 0, j = 0; i < rows && j < cols;)
    {
      if (g_strcmp0 (a[head + i], b[head + j]) == 0)
        {
          match[head + i] = (int) (head + j);
          i++;
          j++;
        }
      else if (T (i + 1, j) >= T (i, j + 1))
        i++;
      else
        j++;
    }
#undef T
  g_free (table);
}

/* Splits after 。；！？ and line breaks, keeping them with their sentence. */
static GPtrArray *
split_sentences (const char *text)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text != NULL ? text : "";
  const char *p = start;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == '\n')
        {
          /* Closing quotes and brackets belong to the sentence they end. */
          while (*next != '\0')
            {
              gunichar d = g_utf8_get_char (next);

              if (d != 0x201D && d != 0x2019 && d != 0xFF09 && d != 0x300D && d != 0x300F)
                break;
              next = g_utf8_next_char (next);
            }
          g_ptr_array_add (parts, g_strndup (start, next - start));
          start = next;
        }
      p = next;
    }
  if (*start != '\0')
    g_ptr_array_add (parts, g_strdup (start));
  g_ptr_array_add (parts, NULL);
  return parts;
}

GPtrArray *
qs_diff_text (const char *old_text,
              const char *new_text)
{
  g_autoptr(GPtrArray) a = split_sentences (old_text);
  g_autoptr(GPtrArray) b = split_sentences (new_text);
  GPtrArray *runs = g_ptr_array_new_with_free_func ((GDestroyNotify) qs_diff_run_free);
  guint n = a->len - 1, m = b->len - 1;
  g_autofree int *match = g_new (int, MAX (n, 1));
  guint j = 0;

  lcs_match ((const char * const *) a->pdata, n, (const char * const *) b->pdata, m, match);
  for (guint i = 0; i < n; i++)
    {
      if (match[i] < 0)
        {
          add_run (runs, QS_DIFF_DELETE, g_ptr_array_index (a, i));
          continue;
        }
      /* New sentences before this match were inserted.  Deletions come
       * before insertions within one gap, as people read a replacement. */
      for (; j < (guint) match[i]; j++)
        add_run (runs, QS_DIFF_INSERT, g_ptr_array_index (b, j));
      add_run (runs, QS_DIFF_EQUAL, g_ptr_array_index (a, i));
      j++;
    }
  for (; j < m; j++)
    add_run (runs, QS_DIFF_INSERT, g_ptr_array_index (b, j));
  return runs;
}

/* Changes */

static void
change_free (QsPlanChange *change)
{
  g_free (change->section);
  g_free (change->table_caption);
  g_free (change->row_name);
  g_free (change->column);
  g_free (change->old_text);
  g_free (change->new_text);
  g_clear_pointer (&change->runs, g_ptr_array_unref);
  g_free (change);
}

static QsPlanChange *
add_change (QsPlanDiff       *self,
            QsPlanChangeKind  kind,
            const char       *section)
{
  QsPlanChange *change = g_new0 (QsPlanChange, 1);

  change->kind = kind;
  change->section = g_strdup (section);
  change->table_index = -1;
  change->row_index = -1;
  g_ptr_array_add (self->changes, change);
  return change;
}

static const char * const change_kinds[] = {
  [QS_PLAN_CHANGE_METADATA] = "metadata",
  [QS_PLAN_CHANGE_SECTION_ADDED] = "section-added",
  [QS_PLAN_CHANGE_SECTION_REMOVED] = "section-removed",
  [QS_PLAN_CHANGE_SECTION_RENAMED] = "section-renamed",
  [QS_PLAN_CHANGE_PARAGRAPH_ADDED] = "paragraph-added",
  [QS_PLAN_CHANGE_PARAGRAPH_REMOVED] = "paragraph-removed",
  [QS_PLAN_CHANGE_PARAGRAPH_CHANGED] = "paragraph-changed",
  [QS_PLAN_CHANGE_TABLE_ADDED] = "table-added",
  [QS_PLAN_CHANGE_TABLE_REMOVED] = "table-removed",
  [QS_PLAN_CHANGE_TABLE_RENAMED] = "table-renamed",
  [QS_PLAN_CHANGE_COLUMN_ADDED] = "column-added",
  [QS_PLAN_CHANGE_COLUMN_REMOVED] = "column-removed",
  [QS_PLAN_CHANGE_ROW_ADDED] = "row-added",
  [QS_PLAN_CHANGE_ROW_REMOVED] = "row-removed",
  [QS_PLAN_CHANGE_CELL_CHANGED] = "cell-changed",
  [QS_PLAN_CHANGE_TABLE_NOTES_CHANGED] = "table-notes-changed",
  [QS_PLAN_CHANGE_TASK_ITEMS_CHANGED] = "task-items-changed",
  [QS_PLAN_CHANGE_REVIEW_NOTE_ADDED] = "review-note-added",
  [QS_PLAN_CHANGE_REVIEW_NOTE_REMOVED] = "review-note-removed",
  [QS_PLAN_CHANGE_REVIEW_NOTE_CHANGED] = "review-note-changed",
};

const char *
qs_plan_change_kind_to_string (QsPlanChangeKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (change_kinds))
    return NULL;
  return change_kinds[kind];
}

static void
metadata (QsPlanDiff *self,
          const char *field,
          const char *old_value,
          const char *new_value)
{
  QsPlanChange *change;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;
  change = add_change (self, QS_PLAN_CHANGE_METADATA, NULL);
  change->column = g_strdup (field);
  change->old_text = g_strdup (old_value);
  change->new_text = g_strdup (new_value);
}

static void
diff_metadata (QsPlanDiff *self,
               QsPlan     *a,
               QsPlan     *b)
{
  g_autofree char *period_a = qs_plan_dup_period_string (a);
  g_autofree char *period_b = qs_plan_dup_period_string (b);
  g_autofree char *vision_a = NULL;
  g_autofree char *vision_b = NULL;

  if (qs_plan_get_vision_year (a) > 0)
    vision_a = g_strdup_printf ("%d", qs_plan_get_vision_year (a));
  if (qs_plan_get_vision_year (b) > 0)
    vision_b = g_strdup_printf ("%d", qs_plan_get_vision_year (b));

  metadata (self, "title", qs_plan_get_title (a), qs_plan_get_title (b));
  metadata (self, "region", qs_plan_get_region (a), qs_plan_get_region (b));
  metadata (self, "level", qs_plan_level_to_string (qs_plan_get_level (a)),
            qs_plan_level_to_string (qs_plan_get_level (b)));
  metadata (self, "period", period_a, period_b);
  metadata (self, "vision_year", vision_a, vision_b);
  metadata (self, "parent_plan", qs_plan_get_parent_plan (a), qs_plan_get_parent_plan (b));
}

/* Tables */

static const char *
table_caption (GObject *table)
{
  if (QS_IS_INDICATOR_TABLE (table))
    return qs_indicator_table_get_caption (QS_INDICATOR_TABLE (table));
  return qs_task_table_get_caption (QS_TASK_TABLE (table));
}

static GHashTable *
index_tables (QsPlan *plan)
{
  g_autoptr(GPtrArray) tables = qs_review_note_collect_tables (plan);
  GHashTable *index = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* The plan holds the tables for as long as the diff is built. */
  for (guint i = 0; i < tables->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (tables, i), GUINT_TO_POINTER (i + 1));
  return index;
}

static int
table_index (GHashTable *index,
             GObject    *table)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (index, table)) - 1;
}

static QsPlanChange *
table_change (QsPlanDiff       *self,
              QsPlanChangeKind  kind,
              const char        *section,
              GObject           *table,
              gboolean           old)
{
  QsPlanChange *change = add_change (self, kind, section);

  change->table_index = table_index (old ? self->old_tables : self->new_tables, table);
  change->table_caption = g_strdup (table_caption (table));
  return change;
}

/* Keys made unique by their occurrence: the second "化学需氧量" under no
 * id is "化学需氧量#2". */
static char *
unique_key (GHashTable *seen,
            const char *key)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;

  g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (count));
  return count == 1 ? g_strdup (key) : g_strdup_printf ("%s#%u", key, count);
}

static GPtrArray *
column_keys (GListModel *columns)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);

      g_ptr_array_add (keys, unique_key (seen, qs_table_column_get_name (column)));
    }
  return keys;
}

/* For each new column, the old column of the same name or -1; reports the
 * columns added and removed. */
static int *
match_columns (QsPlanDiff *self,
               const char *section,
               GObject    *old_table,
               GObject    *new_table,
               GListModel *old_columns,
               GListModel *new_columns)
{
  g_autoptr(GPtrArray) a = column_keys (old_columns);
  g_autoptr(GPtrArray) b = column_keys (new_columns);
  int *map = g_new (int, MAX (b->len, 1));
  g_autofree gboolean *used = g_new0 (gboolean, MAX (a->len, 1));

  for (guint j = 0; j < b->len; j++)
    {
      map[j] = -1;
      for (guint i = 0; i < a->len && map[j] < 0; i++)
        if (!used[i] && strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, j)) == 0)
          {
            map[j] = (int) i;
            used[i] = TRUE;
          }
      if (map[j] < 0)
        {
          g_autoptr(QsTableColumn) column = g_list_model_get_item (new_columns, j);
          QsPlanChange *change = table_change (self, QS_PLAN_CHANGE_COLUMN_ADDED, section, new_table, FALSE);

          change->column = g_strdup (qs_table_column_get_header (column));
        }
    }
  for (guint i = 0; i < a->len; i++)
    if (!used[i])
      {
        g_autoptr(QsTableColumn) column = g_list_model_get_item (old_columns, i);
        QsPlanChange *change = table_change (self, QS_PLAN_CHANGE_COLUMN_REMOVED, section, old_table, TRUE);

        change->column = g_strdup (qs_table_column_get_header (column));
      }
  return map;
}

static char *
joined_lines (const char * const *lines)
{
  if (lines == NULL || lines[0] == NULL)
    return g_strdup ("");
  return g_strjoinv ("\n", (char **) lines);
}

static void
diff_lines (QsPlanDiff        *self,
            QsPlanChangeKind   kind,
            const char        *section,
            GObject           *new_table,
            const char        *old_text,
            const char        *new_text)
{
  QsPlanChange *change;

  if (g_strcmp0 (old_text, new_text) == 0)
    return;
  change = table_change (self, kind, section, new_table, FALSE);
  change->old_text = g_strdup (old_text);
  change->new_text = g_strdup (new_text);
  change->runs = qs_diff_text (old_text, new_text);
}

/* The cells and rows of a table, rows matched by @old_keys / @new_keys. */
typedef const char *(*CellFunc) (GObject *row, guint column);
typedef const char *(*NameFunc) (GObject *row);

static const char *
indicator_cell (GObject *row,
                guint    column)
{
  QsIndicatorRow *r = QS_INDICATOR_ROW (row);

  return column < qs_indicator_row_get_n_cells (r) ? qs_indicator_row_get_cell (r, column) : "";
}

static const char *
indicator_name (GObject *row)
{
  return qs_indicator_row_get_name (QS_INDICATOR_ROW (row));
}

static const char *
task_cell (GObject *row,
           guint    column)
{
  return qs_task_row_get_cell (QS_TASK_ROW (row), column);
}

static const char *
task_name (GObject *row)
{
  return qs_task_row_get_cell (QS_TASK_ROW (row), 0);
}

static GPtrArray *
row_keys (GListModel *rows,
          gboolean    indicator)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      g_autofree char *key = NULL;

      if (indicator)
        {
          QsIndicatorRow *r = QS_INDICATOR_ROW (row);
          const char *id = qs_indicator_row_get_indicator_id (r);

          if (id != NULL && *id != '\0')
            key = g_strconcat ("id:", id, NULL);
          else
            key = g_strconcat ("name:", qs_indicator_row_get_parent (r) ? qs_indicator_row_get_parent (r) : "",
                               "/", qs_indicator_row_get_indicator (r), NULL);
        }
      else
        key = g_strconcat ("first:", task_cell (row, 0), NULL);
      g_ptr_array_add (keys, unique_key (seen, key));
    }
  return keys;
}

static void
diff_rows (QsPlanDiff *self,
           const char *section,
           GObject    *old_table,
           GObject    *new_table,
           GListModel *old_columns,
           GListModel *new_columns,
           GListModel *old_rows,
           GListModel *new_rows,
           gboolean    indicator)
{
  g_autofree int *column_map = match_columns (self, section, old_table, new_table,
                                              old_columns, new_columns);
  g_autoptr(GPtrArray) a = row_keys (old_rows, indicator);
  g_autoptr(GPtrArray) b = row_keys (new_rows, indicator);
  g_autoptr(GHashTable) old_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (a->len, 1));
  CellFunc cell = indicator ? indicator_cell : task_cell;
  NameFunc name = indicator ? indicator_name : task_name;
  guint n_new_columns = g_list_model_get_n_items (new_columns);

  for (guint i = 0; i < a->len; i++)
    g_hash_table_insert (old_index, g_ptr_array_index (a, i), GUINT_TO_POINTER (i + 1));

  for (guint j = 0; j < b->len; j++)
    {
      g_autoptr(GObject) new_row = g_list_model_get_item (new_rows, j);
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (old_index, g_ptr_array_index (b, j)));
      g_autoptr(GObject) old_row = NULL;
      guint n_columns;

      if (found == 0)
        {
          QsPlanChange *change = table_change (self, QS_PLAN_CHANGE_ROW_ADDED, section, new_table, FALSE);

          change->row_index = (int) j;
          change->row_name = g_strdup (name (new_row));
          continue;
        }
      used[found - 1] = TRUE;
      old_row = g_list_model_get_item (old_rows, found - 1);

      /* A task table may have no columns: compare its cells by position. */
      n_columns = n_new_columns;
      if (!indicator && n_new_columns == 0)
        n_columns = MAX (qs_task_row_get_n_cells (QS_TASK_ROW (old_row)),
                         qs_task_row_get_n_cells (QS_TASK_ROW (new_row)));
      for (guint c = 0; c < n_columns; c++)
        {
          int old_c = n_new_columns == 0 ? (int) c : column_map[c];
          const char *old_text, *new_text;
          QsPlanChange *change;

          if (old_c < 0)
            continue;
          old_text = cell (old_row, (guint) old_c);
          new_text = cell (new_row, c);
          if (g_strcmp0 (old_text, new_text) == 0)
            continue;
          change = table_change (self, QS_PLAN_CHANGE_CELL_CHANGED, section, new_table, FALSE);
          change->row_index = (int) j;
          change->row_name = g_strdup (name (new_row));
          if (c < n_new_columns)
            {
              g_autoptr(QsTableColumn) column = g_list_model_get_item (new_columns, c);

              change->column = g_strdup (qs_table_column_get_header (column));
            }
          else
            change->column = g_strdup_printf ("%u", c + 1);
          change->old_text = g_strdup (old_text);
          change->new_text = g_strdup (new_text);
        }
    }
  for (guint i = 0; i < a->len; i++)
    if (!used[i])
      {
        g_autoptr(GObject) old_row = g_list_model_get_item (old_rows, i);
        QsPlanChange *change = table_change (self, QS_PLAN_CHANGE_ROW_REMOVED, section, old_table, TRUE);

        change->row_index = (int) i;
        change->row_name = g_strdup (name (old_row));
      }
}

static char *
task_items_text (QsTaskTable *table)
{
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, qs_task_item_get_text (item));
    }
  return g_string_free (out, FALSE);
}

static void
diff_table (QsPlanDiff *self,
            const char *section,
            GObject    *old_table,
            GObject    *new_table)
{
  g_autofree char *old_notes = NULL;
  g_autofree char *new_notes = NULL;

  if (g_strcmp0 (table_caption (old_table), table_caption (new_table)) != 0)
    {
      QsPlanChange *change = table_change (self, QS_PLAN_CHANGE_TABLE_RENAMED, section, new_table, FALSE);

      change->old_text = g_strdup (table_caption (old_table));
      change->new_text = g_strdup (table_caption (new_table));
    }

  if (QS_IS_INDICATOR_TABLE (new_table))
    {
      QsIndicatorTable *a = QS_INDICATOR_TABLE (old_table);
      QsIndicatorTable *b = QS_INDICATOR_TABLE (new_table);

      diff_rows (self, section, old_table, new_table,
                 G_LIST_MODEL (qs_indicator_table_get_columns (a)),
                 G_LIST_MODEL (qs_indicator_table_get_columns (b)),
                 G_LIST_MODEL (qs_indicator_table_get_rows (a)),
                 G_LIST_MODEL (qs_indicator_table_get_rows (b)), TRUE);
      old_notes = joined_lines (qs_indicator_table_get_notes (a));
      new_notes = joined_lines (qs_indicator_table_get_notes (b));
    }
  else
    {
      QsTaskTable *a = QS_TASK_TABLE (old_table);
      QsTaskTable *b = QS_TASK_TABLE (new_table);
      g_autofree char *old_items = task_items_text (a);
      g_autofree char *new_items = task_items_text (b);

      diff_lines (self, QS_PLAN_CHANGE_TASK_ITEMS_CHANGED, section, new_table, old_items, new_items);
      diff_rows (self, section, old_table, new_table,
                 G_LIST_MODEL (qs_task_table_get_columns (a)),
                 G_LIST_MODEL (qs_task_table_get_columns (b)),
                 G_LIST_MODEL (qs_task_table_get_rows (a)),
                 G_LIST_MODEL (qs_task_table_get_rows (b)), FALSE);
      old_notes = joined_lines (qs_task_table_get_notes (a));
      new_notes = joined_lines (qs_task_table_get_notes (b));
    }
  diff_lines (self, QS_PLAN_CHANGE_TABLE_NOTES_CHANGED, section, new_table, old_notes, new_notes);
}

/* Blocks */

static char *
block_key (GObject *block)
{
  if (QS_IS_PARAGRAPH (block))
    return g_strconcat ("p:", qs_paragraph_get_text (QS_PARAGRAPH (block)), NULL);
  if (QS_IS_INDICATOR_TABLE (block))
    return g_strconcat ("i:", table_caption (block), NULL);
  return g_strconcat ("t:", table_caption (block), NULL);
}

static gboolean
same_type (GObject *a,
           GObject *b)
{
  return G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b);
}

static void
block_added_or_removed (QsPlanDiff *self,
                        const char *section,
                        GObject    *block,
                        gboolean    removed)
{
  if (QS_IS_PARAGRAPH (block))
    {
      QsPlanChange *change = add_change (self, removed ? QS_PLAN_CHANGE_PARAGRAPH_REMOVED
                                                       : QS_PLAN_CHANGE_PARAGRAPH_ADDED, section);
      const char *text = qs_paragraph_get_text (QS_PARAGRAPH (block));

      if (removed)
        change->old_text = g_strdup (text);
      else
        change->new_text = g_strdup (text);
    }
  else
    table_change (self, removed ? QS_PLAN_CHANGE_TABLE_REMOVED : QS_PLAN_CHANGE_TABLE_ADDED,
                  section, block, removed);
}

static void
diff_block_pair (QsPlanDiff *self,
                 const char *section,
                 GObject    *a,
                 GObject    *b)
{
  if (QS_IS_PARAGRAPH (a))
    {
      const char *old_text = qs_paragraph_get_text (QS_PARAGRAPH (a));
      const char *new_text = qs_paragraph_get_text (QS_PARAGRAPH (b));
      QsPlanChange *change;

      if (g_strcmp0 (old_text, new_text) == 0)
        return;
      change = add_change (self, QS_PLAN_CHANGE_PARAGRAPH_CHANGED, section);
      change->old_text = g_strdup (old_text);
      change->new_text = g_strdup (new_text);
      change->runs = qs_diff_text (old_text, new_text);
    }
  else
    diff_table (self, section, a, b);
}

/* Between two matched blocks, blocks of one type pair up in order. */
static void
diff_gap (QsPlanDiff *self,
          const char *section,
          GPtrArray  *old_gap,
          GPtrArray  *new_gap)
{
  guint j = 0;

  for (guint i = 0; i < old_gap->len; i++)
    {
      GObject *a = g_ptr_array_index (old_gap, i);
      guint k;

      for (k = j; k < new_gap->len && !same_type (a, g_ptr_array_index (new_gap, k)); k++)
        ;
      if (k == new_gap->len)
        {
          block_added_or_removed (self, section, a, TRUE);
          continue;
        }
      for (; j < k; j++)
        block_added_or_removed (self, section, g_ptr_array_index (new_gap, j), FALSE);
      diff_block_pair (self, section, a, g_ptr_array_index (new_gap, k));
      j = k + 1;
    }
  for (; j < new_gap->len; j++)
    block_added_or_removed (self, section, g_ptr_array_index (new_gap, j), FALSE);
  g_ptr_array_set_size (old_gap, 0);
  g_ptr_array_set_size (new_gap, 0);
}

static GPtrArray *
list_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

typedef char *(*KeyFunc)  (GObject    *item);
typedef void  (*GapFunc)  (QsPlanDiff *self,
                           const char *where,
                           GPtrArray  *old_gap,
                           GPtrArray  *new_gap);
typedef void  (*PairFunc) (QsPlanDiff *self,
                           const char *where,
                           GObject    *a,
                           GObject    *b);

/* Walks two lists in step: items with equal keys (their longest common
 * subsequence) are compared as a pair, and each run of unmatched items
 * between two pairs is handed over as a gap, old and new side together. */
static void
diff_lists (QsPlanDiff *self,
            const char *where,
            GListModel *old_items,
            GListModel *new_items,
            KeyFunc     key,
            GapFunc     gap,
            PairFunc    pair)
{
  g_autoptr(GPtrArray) a = list_items (old_items);
  g_autoptr(GPtrArray) b = list_items (new_items);
  g_autoptr(GPtrArray) ka = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kb = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) old_gap = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_gap = g_ptr_array_new ();
  g_autofree int *match = g_new (int, MAX (a->len, 1));
  guint j = 0;

  for (guint i = 0; i < a->len; i++)
    g_ptr_array_add (ka, key (g_ptr_array_index (a, i)));
  for (guint i = 0; i < b->len; i++)
    g_ptr_array_add (kb, key (g_ptr_array_index (b, i)));
  lcs_match ((const char * const *) ka->pdata, ka->len, (const char * const *) kb->pdata, kb->len, match);

  for (guint i = 0; i < a->len; i++)
    {
      if (match[i] < 0)
        {
          g_ptr_array_add (old_gap, g_ptr_array_index (a, i));
          continue;
        }
      for (; j < (guint) match[i]; j++)
        g_ptr_array_add (new_gap, g_ptr_array_index (b, j));
      gap (self, where, old_gap, new_gap);
      pair (self, where, g_ptr_array_index (a, i), g_ptr_array_index (b, j));
      j++;
    }
  for (; j < b->len; j++)
    g_ptr_array_add (new_gap, g_ptr_array_index (b, j));
  gap (self, where, old_gap, new_gap);
}

/* Same key: a paragraph is equal; a table may differ inside. */
static void
diff_blocks (QsPlanDiff *self,
             const char *section,
             GListModel *old_blocks,
             GListModel *new_blocks)
{
  diff_lists (self, section, old_blocks, new_blocks, block_key, diff_gap, diff_block_pair);
}

/* Sections */

static char *
heading (QsSection *section)
{
  const char *label = qs_section_get_label (section);

  if (label != NULL && *label != '\0')
    return g_strconcat (label, " ", qs_section_get_title (section), NULL);
  return g_strdup (qs_section_get_title (section));
}

static char *
child_path (const char *parent,
            QsSection  *section)
{
  g_autofree char *own = heading (section);

  if (parent == NULL || *parent == '\0')
    return g_steal_pointer (&own);
  return g_strconcat (parent, " > ", own, NULL);
}

static void diff_sections (QsPlanDiff *self,
                           const char *parent,
                           GListModel *old_sections,
                           GListModel *new_sections);

static void
diff_section_pair (QsPlanDiff *self,
                   const char *parent,
                   QsSection  *a,
                   QsSection  *b)
{
  g_autofree char *path = child_path (parent, b);
  g_autofree char *old_heading = heading (a);
  g_autofree char *new_heading = heading (b);

  /* The title, not the label: a chapter renumbered because another was
   * inserted before it (第二章 → 第三章) is not renamed. */
  if (g_strcmp0 (qs_section_get_title (a), qs_section_get_title (b)) != 0)
    {
      QsPlanChange *change = add_change (self, QS_PLAN_CHANGE_SECTION_RENAMED, parent);

      change->old_text = g_steal_pointer (&old_heading);
      change->new_text = g_steal_pointer (&new_heading);
    }
  diff_blocks (self, path, G_LIST_MODEL (qs_section_get_blocks (a)),
               G_LIST_MODEL (qs_section_get_blocks (b)));
  diff_sections (self, path, G_LIST_MODEL (qs_section_get_children (a)),
                 G_LIST_MODEL (qs_section_get_children (b)));
}

static void
section_added_or_removed (QsPlanDiff *self,
                          const char *parent,
                          QsSection  *section,
                          gboolean    removed)
{
  QsPlanChange *change = add_change (self, removed ? QS_PLAN_CHANGE_SECTION_REMOVED
                                                   : QS_PLAN_CHANGE_SECTION_ADDED, parent);

  if (removed)
    change->old_text = heading (section);
  else
    change->new_text = heading (section);
}

static void
section_gap (QsPlanDiff *self,
             const char *parent,
             GPtrArray  *old_gap,
             GPtrArray  *new_gap)
{
  guint n = MIN (old_gap->len, new_gap->len);

  /* What lies between two matched headings is the same section renamed,
   * pair by pair; the rest was added or removed. */
  for (guint i = 0; i < n; i++)
    diff_section_pair (self, parent, g_ptr_array_index (old_gap, i), g_ptr_array_index (new_gap, i));
  for (guint i = n; i < old_gap->len; i++)
    section_added_or_removed (self, parent, g_ptr_array_index (old_gap, i), TRUE);
  for (guint i = n; i < new_gap->len; i++)
    section_added_or_removed (self, parent, g_ptr_array_index (new_gap, i), FALSE);
  g_ptr_array_set_size (old_gap, 0);
  g_ptr_array_set_size (new_gap, 0);
}

/* Matched by title alone: a renumbered chapter is the same chapter. */
static char *
section_key (GObject *section)
{
  return g_strdup (qs_section_get_title (QS_SECTION (section)));
}

static void
section_pair (QsPlanDiff *self,
              const char *parent,
              GObject    *a,
              GObject    *b)
{
  diff_section_pair (self, parent, QS_SECTION (a), QS_SECTION (b));
}

static void
diff_sections (QsPlanDiff *self,
               const char *parent,
               GListModel *old_sections,
               GListModel *new_sections)
{
  diff_lists (self, parent, old_sections, new_sections, section_key, section_gap, section_pair);
}

/* Review notes */

static void
diff_review_notes (QsPlanDiff *self,
                   GListModel *old_notes,
                   GListModel *new_notes)
{
  for (guint j = 0; j < g_list_model_get_n_items (new_notes); j++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (new_notes, j);
      QsReviewNote *old = qs_review_note_list_find (old_notes, qs_review_note_get_id (note));
      QsPlanChange *change;

      if (old != NULL && g_strcmp0 (qs_review_note_get_text (old), qs_review_note_get_text (note)) == 0 &&
          qs_review_note_get_resolved (old) == qs_review_note_get_resolved (note))
        continue;
      change = add_change (self, old ? QS_PLAN_CHANGE_REVIEW_NOTE_CHANGED
                                     : QS_PLAN_CHANGE_REVIEW_NOTE_ADDED, NULL);
      change->note_id = qs_review_note_get_id (note);
      change->section = qs_review_note_describe_target (note);
      change->column = g_strdup (qs_review_note_get_column (note));
      change->table_index = qs_review_note_get_table_index (note);
      change->table_caption = g_strdup (qs_review_note_get_table_caption (note));
      change->row_index = qs_review_note_get_row_index (note);
      change->new_text = g_strdup_printf ("%s%s", qs_review_note_get_text (note),
                                          qs_review_note_get_resolved (note) ? "（已解决）" : "");
      if (old != NULL)
        change->old_text = g_strdup_printf ("%s%s", qs_review_note_get_text (old),
                                            qs_review_note_get_resolved (old) ? "（已解决）" : "");
    }
  for (guint i = 0; i < g_list_model_get_n_items (old_notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (old_notes, i);
      QsPlanChange *change;

      if (qs_review_note_list_find (new_notes, qs_review_note_get_id (note)) != NULL)
        continue;
      change = add_change (self, QS_PLAN_CHANGE_REVIEW_NOTE_REMOVED, NULL);
      change->note_id = qs_review_note_get_id (note);
      change->section = qs_review_note_describe_target (note);
      change->column = g_strdup (qs_review_note_get_column (note));
      change->table_index = qs_review_note_get_table_index (note);
      change->table_caption = g_strdup (qs_review_note_get_table_caption (note));
      change->row_index = qs_review_note_get_row_index (note);
      change->old_text = g_strdup (qs_review_note_get_text (note));
    }
}

/* The object */

static void
qs_plan_diff_finalize (GObject *object)
{
  QsPlanDiff *self = QS_PLAN_DIFF (object);

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  G_OBJECT_CLASS (qs_plan_diff_parent_class)->finalize (object);
}

static void
qs_plan_diff_class_init (QsPlanDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qs_plan_diff_finalize;
}

static void
qs_plan_diff_init (QsPlanDiff *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

QsPlanDiff *
qs_plan_diff_new (QsPlan *old_plan,
                  QsPlan *new_plan)
{
  g_autoptr(QsPlanDiff) self = NULL;

  g_return_val_if_fail (QS_IS_PLAN (old_plan), NULL);
  g_return_val_if_fail (QS_IS_PLAN (new_plan), NULL);

  self = g_object_new (QS_TYPE_PLAN_DIFF, NULL);
  self->old_tables = index_tables (old_plan);
  self->new_tables = index_tables (new_plan);

  diff_metadata (self, old_plan, new_plan);
  diff_sections (self, "前置部分", G_LIST_MODEL (qs_plan_get_front_matter (old_plan)),
                 G_LIST_MODEL (qs_plan_get_front_matter (new_plan)));
  diff_sections (self, NULL, G_LIST_MODEL (qs_plan_get_chapters (old_plan)),
                 G_LIST_MODEL (qs_plan_get_chapters (new_plan)));
  diff_sections (self, "附件", G_LIST_MODEL (qs_plan_get_back_matter (old_plan)),
                 G_LIST_MODEL (qs_plan_get_back_matter (new_plan)));
  diff_review_notes (self, G_LIST_MODEL (qs_plan_get_review_notes (old_plan)),
                     G_LIST_MODEL (qs_plan_get_review_notes (new_plan)));

  /* The indices hold borrowed tables; they are not needed past here. */
  g_clear_pointer (&self->old_tables, g_hash_table_unref);
  g_clear_pointer (&self->new_tables, g_hash_table_unref);
  return g_steal_pointer (&self);
}

guint
qs_plan_diff_get_n_changes (QsPlanDiff *self)
{
  g_return_val_if_fail (QS_IS_PLAN_DIFF (self), 0);
  return self->changes->len;
}

const QsPlanChange *
qs_plan_diff_get_change (QsPlanDiff *self,
                         guint       index)
{
  g_return_val_if_fail (QS_IS_PLAN_DIFF (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return g_ptr_array_index (self->changes, index);
}

gboolean
qs_plan_diff_is_empty (QsPlanDiff *self)
{
  g_return_val_if_fail (QS_IS_PLAN_DIFF (self), TRUE);
  return self->changes->len == 0;
}

/* Text */

static const char *
metadata_label (const char *field)
{
  static const struct { const char *field, *label; } labels[] = {
    { "title", "标题" },
    { "region", "地区" },
    { "level", "层级" },
    { "period", "规划期" },
    { "vision_year", "远景目标年" },
    { "parent_plan", "上级规划" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return labels[i].label;
  return field;
}

static void
append_quoted (GString    *out,
               const char *text)
{
  if (text == NULL)
    g_string_append (out, "（无）");
  else
    g_string_append_printf (out, "“%s”", text);
}

/* Long unchanged stretches are cut to their ends: the reader needs the
 * context, not the whole paragraph again. */
static void
append_equal (GString    *out,
              const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  if (length <= 60)
    {
      g_string_append (out, text);
      return;
    }
  {
    g_autofree char *head = g_utf8_substring (text, 0, 20);
    g_autofree char *tail = g_utf8_substring (text, length - 20, length);

    g_string_append_printf (out, "%s……%s", head, tail);
  }
}

static void
append_runs (GString   *out,
             GPtrArray *runs)
{
  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      QsDiffRun *run = g_ptr_array_index (runs, i);

      switch (run->kind)
        {
        case QS_DIFF_EQUAL:
          append_equal (out, run->text);
          break;
        case QS_DIFF_DELETE:
          g_string_append_printf (out, "[-%s-]", run->text);
          break;
        case QS_DIFF_INSERT:
        default:
          g_string_append_printf (out, "{+%s+}", run->text);
          break;
        }
    }
}

static void
append_table (GString            *out,
              const QsPlanChange *change)
{
  g_string_append_printf (out, "第%d张表", change->table_index + 1);
  if (change->table_caption != NULL && *change->table_caption != '\0')
    g_string_append_printf (out, "（%s）", change->table_caption);
}

static void
append_where (GString            *out,
              const QsPlanChange *change)
{
  if (change->section != NULL && *change->section != '\0')
    g_string_append_printf (out, "［%s］", change->section);
}

char *
qs_plan_diff_to_text (QsPlanDiff *self)
{
  GString *out;

  g_return_val_if_fail (QS_IS_PLAN_DIFF (self), NULL);

  out = g_string_new (NULL);
  if (self->changes->len == 0)
    {
      g_string_append (out, "两个版本相同。\n");
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, "共 %u 处改动。\n", self->changes->len);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const QsPlanChange *c = g_ptr_array_index (self->changes, i);

      switch (c->kind)
        {
        case QS_PLAN_CHANGE_METADATA:
          g_string_append_printf (out, "%s：", metadata_label (c->column));
          append_quoted (out, c->old_text);
          g_string_append (out, " → ");
          append_quoted (out, c->new_text);
          break;
        case QS_PLAN_CHANGE_SECTION_ADDED:
          append_where (out, c);
          g_string_append_printf (out, "新增章节：%s", c->new_text);
          break;
        case QS_PLAN_CHANGE_SECTION_REMOVED:
          append_where (out, c);
          g_string_append_printf (out, "删除章节：%s", c->old_text);
          break;
        case QS_PLAN_CHANGE_SECTION_RENAMED:
          append_where (out, c);
          g_string_append (out, "章节标题：");
          append_quoted (out, c->old_text);
          g_string_append (out, " → ");
          append_quoted (out, c->new_text);
          break;
        case QS_PLAN_CHANGE_PARAGRAPH_ADDED:
          append_where (out, c);
          g_string_append (out, "新增段落：");
          append_equal (out, c->new_text);
          break;
        case QS_PLAN_CHANGE_PARAGRAPH_REMOVED:
          append_where (out, c);
          g_string_append (out, "删除段落：");
          append_equal (out, c->old_text);
          break;
        case QS_PLAN_CHANGE_PARAGRAPH_CHANGED:
          append_where (out, c);
          g_string_append (out, "段落修改：");
          append_runs (out, c->runs);
          break;
        case QS_PLAN_CHANGE_TABLE_ADDED:
          append_where (out, c);
          g_string_append (out, "新增");
          append_table (out, c);
          break;
        case QS_PLAN_CHANGE_TABLE_REMOVED:
          append_where (out, c);
          g_string_append (out, "删除");
          append_table (out, c);
          break;
        case QS_PLAN_CHANGE_TABLE_RENAMED:
          append_table (out, c);
          g_string_append (out, "标题：");
          append_quoted (out, c->old_text);
          g_string_append (out, " → ");
          append_quoted (out, c->new_text);
          break;
        case QS_PLAN_CHANGE_COLUMN_ADDED:
        case QS_PLAN_CHANGE_COLUMN_REMOVED:
          append_table (out, c);
          g_string_append_printf (out, "%s列“%s”",
                                  c->kind == QS_PLAN_CHANGE_COLUMN_ADDED ? "新增" : "删除", c->column);
          break;
        case QS_PLAN_CHANGE_ROW_ADDED:
        case QS_PLAN_CHANGE_ROW_REMOVED:
          append_table (out, c);
          g_string_append_printf (out, "%s第%d行“%s”",
                                  c->kind == QS_PLAN_CHANGE_ROW_ADDED ? "新增" : "删除",
                                  c->row_index + 1, c->row_name ? c->row_name : "");
          break;
        case QS_PLAN_CHANGE_CELL_CHANGED:
          append_table (out, c);
          g_string_append_printf (out, "第%d行“%s”“%s”列：", c->row_index + 1,
                                  c->row_name ? c->row_name : "", c->column ? c->column : "");
          append_quoted (out, c->old_text);
          g_string_append (out, " → ");
          append_quoted (out, c->new_text);
          break;
        case QS_PLAN_CHANGE_TABLE_NOTES_CHANGED:
        case QS_PLAN_CHANGE_TASK_ITEMS_CHANGED:
          append_table (out, c);
          g_string_append (out, c->kind == QS_PLAN_CHANGE_TABLE_NOTES_CHANGED ? "注修改：" : "任务条目修改：");
          append_runs (out, c->runs);
          break;
        case QS_PLAN_CHANGE_REVIEW_NOTE_ADDED:
          g_string_append_printf (out, "新增审阅意见 #%u（%s）：%s", c->note_id, c->section, c->new_text);
          break;
        case QS_PLAN_CHANGE_REVIEW_NOTE_REMOVED:
          g_string_append_printf (out, "删除审阅意见 #%u（%s）：%s", c->note_id, c->section, c->old_text);
          break;
        case QS_PLAN_CHANGE_REVIEW_NOTE_CHANGED:
          g_string_append_printf (out, "审阅意见 #%u（%s）：", c->note_id, c->section);
          append_quoted (out, c->old_text);
          g_string_append (out, " → ");
          append_quoted (out, c->new_text);
          break;
        default:
          g_assert_not_reached ();
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* JSON */

JsonNode *
qs_plan_diff_to_json (QsPlanDiff *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (QS_IS_PLAN_DIFF (self), NULL);

  json_builder_begin_object (b);
  qs_json_add_string_or_null (b, "format", "qingshan-diff");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const QsPlanChange *c = g_ptr_array_index (self->changes, i);

      json_builder_begin_object (b);
      qs_json_add_string_or_null (b, "kind", qs_plan_change_kind_to_string (c->kind));
      qs_json_add_string_or_null (b, "section", c->section);
      qs_json_add_index_or_null (b, "table_index", c->table_index);
      qs_json_add_string_or_null (b, "table_caption", c->table_caption);
      qs_json_add_index_or_null (b, "row_index", c->row_index);
      qs_json_add_string_or_null (b, "row_name", c->row_name);
      qs_json_add_string_or_null (b, "column", c->column);
      qs_json_add_string_or_null (b, "old", c->old_text);
      qs_json_add_string_or_null (b, "new", c->new_text);
      json_builder_set_member_name (b, "runs");
      if (c->runs != NULL)
        {
          json_builder_begin_array (b);
          for (guint k = 0; k < c->runs->len; k++)
            {
              QsDiffRun *run = g_ptr_array_index (c->runs, k);

              json_builder_begin_object (b);
              qs_json_add_string_or_null (b, "kind", qs_diff_run_kind_to_string (run->kind));
              qs_json_add_string_or_null (b, "text", run->text);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "note_id");
      if (c->note_id != 0)
        json_builder_add_int_value (b, c->note_id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
qs_plan_diff_to_json_data (QsPlanDiff *self,
                           gsize      *length)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  char *result;

  g_return_val_if_fail (QS_IS_PLAN_DIFF (self), NULL);

  root = qs_plan_diff_to_json (self);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  result = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = strlen (result);
  return result;
}
