/* qs-import-table.c: reading a table's grid out of plain text.
 *
 * Three layouts (see qs-import-table.h).  Whatever the layout, a table is a
 * header of header words, then rows, then optionally notes (注：/备注：).
 * A header repeated after a page break is dropped (the header holds the same
 * text); a notes label alone on its line ("备注：") is dropped too (the notes
 * list stands for it), and HTML paragraph tags around notes (<p>…</p>) are
 * removed.  Nothing else is.
 */
#define G_LOG_DOMAIN "qs-import-table"

#include "config.h"

#include <string.h>

#include "qs-import-cells.h"
#include "qs-import-heading.h"
#include "qs-import-table.h"
#include "qs-types.h"

#define MAX_CONTINUATION_CHARS 40

QsImportRow *
qs_import_row_new (guint lineno)
{
  QsImportRow *row = g_new0 (QsImportRow, 1);

  row->cells = g_ptr_array_new_with_free_func (g_free);
  row->lines = g_ptr_array_new ();
  row->lineno = lineno;
  return row;
}

void
qs_import_row_free (QsImportRow *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_ptr_array_unref (row->lines);
  g_free (row);
}

void
qs_import_row_add (QsImportRow *row,
                   const char  *cell,
                   guint        lineno)
{
  /* Keep lines in step with cells even when cells were added directly. */
  while (row->lines->len < row->cells->len)
    g_ptr_array_add (row->lines, GUINT_TO_POINTER (row->lineno));
  g_ptr_array_add (row->cells, g_strdup (cell ? cell : ""));
  g_ptr_array_add (row->lines, GUINT_TO_POINTER (lineno));
}

guint
qs_import_row_get_line (QsImportRow *row,
                        guint        index)
{
  if (index < row->lines->len)
    return GPOINTER_TO_UINT (g_ptr_array_index (row->lines, index));
  return row->lineno;
}

void
qs_import_grid_free (QsImportGrid *grid)
{
  if (grid == NULL)
    return;
  g_clear_pointer (&grid->header, g_ptr_array_unref);
  g_clear_pointer (&grid->rows, g_ptr_array_unref);
  g_clear_pointer (&grid->notes, g_ptr_array_unref);
  g_free (grid);
}

static QsImportGrid *
grid_new (QsImportLayout layout,
          guint          first)
{
  QsImportGrid *grid = g_new0 (QsImportGrid, 1);

  grid->layout = layout;
  grid->first = first;
  grid->header = g_ptr_array_new_with_free_func (g_free);
  grid->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) qs_import_row_free);
  grid->notes = g_ptr_array_new_with_free_func (g_free);
  return grid;
}

static gboolean
is_blank (const QsImportLine *line)
{
  return (line->flags & QS_IMPORT_LINE_BLANK) != 0;
}

static guint
skip_blank (QsImportText *text,
            guint         i)
{
  while (i < text->n_lines && is_blank (&text->lines[i]))
    i++;
  return i;
}

static gboolean
is_heading (const QsImportLine *line)
{
  QsImportHeading heading;
  gboolean found;

  if (line->flags & QS_IMPORT_LINE_LONG)
    return FALSE;
  found = qs_import_heading_parse (line->text, line->len, &heading);
  qs_import_heading_clear (&heading);
  return found;
}

/* Header words in every non-empty cell, at least two of them. */
static gboolean
cells_are_header (GPtrArray *cells)
{
  guint n_words = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      if (qs_import_cell_is_empty (cell))
        continue;
      if (!qs_import_cell_is_header (cell))
        return FALSE;
      n_words++;
    }
  return n_words >= 2;
}

static char *
flat_join (GPtrArray *cells)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *flat = qs_text_strip_spaces (g_ptr_array_index (cells, i));
      g_string_append (out, flat);
    }
  return g_string_free (out, FALSE);
}

/* The header again after a page break, with other spacing or a column
 * less, or one row of a header that spans two: header words only, each
 * found in the header, filling at least half of it. */
static gboolean
is_repeated_header (QsImportGrid *grid,
                    GPtrArray    *cells)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint n_words = 0;

  if (!cells_are_header (cells))
    return FALSE;
  a = flat_join (grid->header);
  b = flat_join (cells);
  if (strcmp (a, b) == 0)
    return TRUE;
  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *flat = qs_text_strip_spaces (g_ptr_array_index (cells, i));

      if (*flat == '\0')
        continue;
      if (strstr (a, flat) == NULL)
        return FALSE;
      n_words++;
    }
  return n_words * 2 >= grid->header->len;
}

/* A second header row ("2020年 | 2025年" over "现状值 | 目标值"): only header
 * words, under the header's columns.  Joins it to the header. */
static gboolean
merge_header_row (QsImportGrid *grid,
                  GPtrArray    *cells)
{
  guint n = cells->len;

  while (n > 0 && qs_import_cell_is_empty (g_ptr_array_index (cells, n - 1)))
    n--;
  if (n == 0 || n > grid->header->len)
    return FALSE;
  for (guint c = 0; c < n; c++)
    {
      const char *cell = g_ptr_array_index (cells, c);

      if (!qs_import_cell_is_empty (cell) && !qs_import_cell_is_header (cell))
        return FALSE;
    }
  for (guint c = 0; c < n; c++)
    {
      const char *cell = g_ptr_array_index (cells, c);
      char *joined;

      if (qs_import_cell_is_empty (cell))
        continue;
      joined = *(const char *) g_ptr_array_index (grid->header, c) != '\0'
               ? g_strconcat (g_ptr_array_index (grid->header, c), "\n", cell, NULL)
               : g_strdup (cell);
      g_free (grid->header->pdata[c]);
      grid->header->pdata[c] = joined;
    }
  return TRUE;
}

static void
strip_trailing_empty (GPtrArray *cells,
                      guint      keep)
{
  while (cells->len > keep && qs_import_cell_is_empty (g_ptr_array_index (cells, cells->len - 1)))
    g_ptr_array_remove_index (cells, cells->len - 1);
}

static GPtrArray *
split_tab_row (const QsImportLine *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = line->text;
  const char *end = line->text + line->len;

  for (;;)
    {
      const char *tab = memchr (p, '\t', end - p);
      const char *cell_end = tab ? tab : end;

      g_ptr_array_add (cells, qs_import_strip (p, cell_end - p));
      if (tab == NULL)
        break;
      p = tab + 1;
    }
  return cells;
}

/* Adds one note line; HTML paragraphs become one note each and a label
 * alone is dropped. */
static void
add_note (QsImportGrid *grid,
          const char   *text,
          gsize         len)
{
  g_autofree char *note = qs_import_strip (text, len);

  if (strstr (note, "<p>") != NULL || strstr (note, "</p>") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (note, "</p>", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *part = parts[i];
          char *open = strstr (part, "<p>");
          g_autofree char *clean = NULL;

          if (open != NULL)
            {
              /* Text before <p> is kept too: it belongs to the note. */
              memmove (open, open + 3, strlen (open + 3) + 1);
            }
          clean = qs_import_strip (part, -1);
          if (*clean != '\0' && !qs_import_is_note_label (clean))
            g_ptr_array_add (grid->notes, g_steal_pointer (&clean));
        }
      return;
    }
  if (*note != '\0' && !qs_import_is_note_label (note))
    g_ptr_array_add (grid->notes, g_steal_pointer (&note));
}

static gboolean
is_note_item_line (const QsImportLine *line)
{
  const char *p = line->text;

  while (*p == '\t' || *p == ' ')
    p++;
  if (g_str_has_prefix (p, "<p>"))
    p += 3;
  return qs_import_is_note_item (p);
}

/* Reads the notes starting at @i (a note start); returns the index after
 * them.  A following line belongs to the notes when it is a further note
 * ("2.…", "〔3〕…") or, right below, continues a note cut mid-sentence. */
static guint
read_notes (QsImportText *text,
            QsImportGrid *grid,
            guint         i)
{
  QsImportLine *first = &text->lines[i];
  guint last = i;

  add_note (grid, first->text, first->len);
  grid->last_line = first->lineno;
  for (guint k = i + 1; k < text->n_lines; k++)
    {
      QsImportLine *line = &text->lines[k];
      QsImportLine *previous = &text->lines[last];

      if (is_blank (line))
        continue;
      if ((line->flags & QS_IMPORT_LINE_LONG) || is_heading (line))
        break;
      /* After a label alone ("备注："), the next line is the first note. */
      if (is_note_item_line (line) || (k == last + 1 && grid->notes->len == 0))
        add_note (grid, line->text, line->len);
      else if (k == last + 1 && !qs_import_ends_sentence (previous->text, previous->len) &&
               grid->notes->len > 0)
        {
          /* The note above was cut mid-sentence: it goes on here. */
          g_autofree char *more = qs_import_strip (line->text, line->len);
          char *joined = g_strconcat (g_ptr_array_index (grid->notes, grid->notes->len - 1), more, NULL);

          if (strlen (joined) > QS_IMPORT_MAX_TEXT)
            {
              g_free (joined);
              break;
            }
          g_free (grid->notes->pdata[grid->notes->len - 1]);
          grid->notes->pdata[grid->notes->len - 1] = joined;
        }
      else
        break;
      grid->last_line = line->lineno;
      last = k;
    }
  return last + 1;
}

static gboolean
line_is_note_start (const QsImportLine *line)
{
  const char *p = line->text;

  while (*p == '\t' || *p == ' ')
    p++;
  if (g_str_has_prefix (p, "<p>"))
    p += 3;
  return qs_import_is_note_start (p);
}

/* Layout A: the row's cells from line @i; continuation lines (no TAB) join
 * the cell above with "\n".  Returns the index after the row. */
static guint
read_cell_lines_row (QsImportText *text,
                     guint         i,
                     QsImportRow **out)
{
  QsImportRow *row = qs_import_row_new (text->lines[i].lineno);
  GString *cell = NULL;
  guint k;

  for (k = i; k < text->n_lines; k++)
    {
      QsImportLine *line = &text->lines[k];
      g_autofree char *stripped = NULL;

      if (is_blank (line) || (line->flags & QS_IMPORT_LINE_LONG))
        break;
      if (line->flags & QS_IMPORT_LINE_LEAD_TAB)
        {
          if (cell != NULL)
            {
              g_ptr_array_add (row->cells, g_string_free (cell, FALSE));
            }
          cell = g_string_new (NULL);
          stripped = qs_import_strip (line->text, line->len);
          g_string_append (cell, stripped);
          continue;
        }
      /* A wrapped cell continues on a short line without TAB. */
      if (cell == NULL || (line->flags & QS_IMPORT_LINE_LONG) || is_heading (line) ||
          g_utf8_strlen (line->text, line->len) > MAX_CONTINUATION_CHARS)
        break;
      stripped = qs_import_strip (line->text, line->len);
      if (cell->len > 0)
        g_string_append_c (cell, '\n');
      g_string_append (cell, stripped);
    }
  if (cell != NULL)
    g_ptr_array_add (row->cells, g_string_free (cell, FALSE));
  *out = row;
  return k;
}

static QsImportGrid *
read_cell_lines (QsImportText   *text,
                 guint           start,
                 QsImportReport *report)
{
  g_autoptr(QsImportGrid) grid = grid_new (QS_IMPORT_LAYOUT_CELL_LINES, start);
  QsImportRow *header = NULL;
  gboolean after_break = FALSE;
  guint i;

  i = read_cell_lines_row (text, start, &header);
  if (!cells_are_header (header->cells))
    {
      qs_import_row_free (header);
      return NULL;
    }
  g_ptr_array_extend_and_steal (grid->header, g_steal_pointer (&header->cells));
  header->cells = g_ptr_array_new ();
  grid->header_line = header->lineno;
  grid->last_line = text->lines[i - 1].lineno;
  qs_import_row_free (header);
  grid->next = i;

  for (;;)
    {
      guint j = skip_blank (text, i);
      QsImportLine *line;
      QsImportRow *row;

      if (j >= text->n_lines)
        break;
      line = &text->lines[j];
      if (line->flags & QS_IMPORT_LINE_LONG)
        break;
      if (line_is_note_start (line))
        {
          grid->next = read_notes (text, grid, j);
          break;
        }
      if (!(line->flags & QS_IMPORT_LINE_LEAD_TAB) || (line->flags & QS_IMPORT_LINE_HAS_TAB))
        break;
      i = read_cell_lines_row (text, j, &row);
      grid->next = i;
      grid->last_line = text->lines[i - 1].lineno;
      if (is_repeated_header (grid, row->cells))
        {
          qs_import_row_free (row);
          after_break = TRUE;
          continue;
        }
      if (grid->rows->len == 0 && !after_break && merge_header_row (grid, row->cells))
        {
          qs_import_row_free (row);
          continue;
        }
      if (after_break)
        row->flags |= QS_IMPORT_ROW_AFTER_BREAK;
      after_break = FALSE;
      g_ptr_array_add (grid->rows, row);
    }
  return g_steal_pointer (&grid);
}

static QsImportGrid *
read_tab_rows (QsImportText   *text,
               guint           start,
               QsImportReport *report)
{
  g_autoptr(QsImportGrid) grid = grid_new (QS_IMPORT_LAYOUT_TAB_ROWS, start);
  g_autoptr(GPtrArray) header = split_tab_row (&text->lines[start]);
  gboolean after_break = FALSE;
  guint i;

  strip_trailing_empty (header, 0);
  if (!cells_are_header (header))
    return NULL;
  g_ptr_array_extend_and_steal (grid->header, g_steal_pointer (&header));
  grid->header_line = text->lines[start].lineno;
  grid->last_line = grid->header_line;
  grid->next = start + 1;

  for (i = start + 1; i < text->n_lines; i++)
    {
      QsImportLine *line = &text->lines[i];
      g_autoptr(GPtrArray) cells = NULL;
      QsImportRow *row;

      if (is_blank (line))
        continue;
      if (line->flags & QS_IMPORT_LINE_LONG)
        break;
      if (line_is_note_start (line))
        {
          grid->next = read_notes (text, grid, i);
          return g_steal_pointer (&grid);
        }
      if (!(line->flags & (QS_IMPORT_LINE_HAS_TAB | QS_IMPORT_LINE_LEAD_TAB)))
        break;
      cells = split_tab_row (line);
      grid->next = i + 1;
      grid->last_line = line->lineno;
      if (is_repeated_header (grid, cells))
        {
          after_break = TRUE;
          continue;
        }
      if (grid->rows->len == 0 && !after_break && merge_header_row (grid, cells))
        continue;
      row = qs_import_row_new (line->lineno);
      g_ptr_array_extend_and_steal (row->cells, g_steal_pointer (&cells));
      if (after_break)
        row->flags |= QS_IMPORT_ROW_AFTER_BREAK;
      after_break = FALSE;
      g_ptr_array_add (grid->rows, row);
    }
  return g_steal_pointer (&grid);
}

/* Layout C headers split over lines: "2020年" / "现状值", "指标" / "类别". */
static gboolean
header_fragments_join (const char *current,
                       const char *next)
{
  static const char *const after_year[] = { "现状", "目标", "实际", "规划", "预期", "基准", "完成", NULL };
  static const char *const after_name[] = { "类别", "属性", "单位", "名称", "类型", NULL };
  static const char *const after_word[] = { "情况", "幅度", "完成", NULL };
  g_autofree char *a = qs_text_strip_spaces (current);
  g_autofree char *b = qs_text_strip_spaces (next);
  gsize n = strlen (a);

  if (n >= strlen ("年") && strcmp (a + n - strlen ("年"), "年") == 0)
    {
      for (guint i = 0; after_year[i] != NULL; i++)
        if (g_str_has_prefix (b, after_year[i]))
          return TRUE;
    }
  if (strcmp (a, "指标") == 0)
    {
      for (guint i = 0; after_name[i] != NULL; i++)
        if (strcmp (b, after_name[i]) == 0)
          return TRUE;
    }
  if (strcmp (a, "完成") == 0 || strcmp (a, "增减") == 0 || strcmp (a, "是否") == 0)
    {
      for (guint i = 0; after_word[i] != NULL; i++)
        if (strcmp (b, after_word[i]) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
is_block_terminator (const QsImportLine *line)
{
  if (line->flags & (QS_IMPORT_LINE_LONG | QS_IMPORT_LINE_HAS_TAB | QS_IMPORT_LINE_LEAD_TAB))
    return TRUE;
  if (is_heading (line) || line_is_note_start (line))
    return TRUE;
  /* A sentence of prose, not a cell. */
  return qs_import_ends_sentence (line->text, line->len) &&
         g_utf8_strlen (line->text, line->len) >= 40;
}

static QsImportGrid *
read_cell_blocks (QsImportText   *text,
                  guint           start,
                  QsImportReport *report)
{
  g_autoptr(QsImportGrid) grid = grid_new (QS_IMPORT_LAYOUT_CELL_BLOCKS, start);
  g_autoptr(GPtrArray) fragments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) cell_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint blank_run = 0;
  guint i;

  /* Header: consecutive short lines made of header words. */
  for (i = start; i < text->n_lines; i++)
    {
      QsImportLine *line = &text->lines[i];

      if (is_blank (line))
        continue;
      if ((line->flags & (QS_IMPORT_LINE_LONG | QS_IMPORT_LINE_HAS_TAB | QS_IMPORT_LINE_LEAD_TAB)) ||
          !qs_import_cell_is_header (line->text))
        break;
      g_ptr_array_add (fragments, qs_import_strip (line->text, line->len));
      grid->last_line = line->lineno;
      if (grid->header_line == 0)
        grid->header_line = line->lineno;
    }
  if (fragments->len < 2)
    return NULL;

  for (guint f = 0; f < fragments->len;)
    {
      GString *column = g_string_new (g_ptr_array_index (fragments, f));

      f++;
      while (f < fragments->len && header_fragments_join (column->str, g_ptr_array_index (fragments, f)))
        {
          g_string_append_c (column, '\n');
          g_string_append (column, g_ptr_array_index (fragments, f));
          f++;
        }
      g_ptr_array_add (grid->header, g_string_free (column, FALSE));
    }

  /* Cells: k blank lines between two cells mean k - 1 empty cells. */
  for (; i < text->n_lines; i++)
    {
      QsImportLine *line = &text->lines[i];

      if (is_blank (line))
        {
          blank_run++;
          continue;
        }
      if (is_block_terminator (line))
        {
          if (line_is_note_start (line) && cells->len > 0)
            for (guint e = 1; e < blank_run; e++)
              {
                g_ptr_array_add (cells, g_strdup (""));
                g_array_append_val (cell_lines, text->lines[i - 1].lineno);
              }
          break;
        }
      if (cells->len > 0)
        for (guint e = 1; e < blank_run; e++)
          {
            g_ptr_array_add (cells, g_strdup (""));
            g_array_append_val (cell_lines, line->lineno);
          }
      g_ptr_array_add (cells, qs_import_strip (line->text, line->len));
      g_array_append_val (cell_lines, line->lineno);
      grid->last_line = line->lineno;
      blank_run = 0;
    }
  grid->next = i;
  /* The notes belong to the table even though the cells stopped. */
  if (i < text->n_lines && !(text->lines[i].flags & QS_IMPORT_LINE_LONG) &&
      line_is_note_start (&text->lines[i]))
    grid->next = read_notes (text, grid, i);
  else
    {
      /* Leave the blank lines to the caller. */
      while (grid->next > start && is_blank (&text->lines[grid->next - 1]))
        grid->next--;
    }

  if (cells->len == 0 || !qs_import_blocks_to_rows (grid, cells, cell_lines, report))
    {
      grid->failed = TRUE;
      qs_import_report_add_doubt (report, grid->header_line,
                                  "表格（每格一行、空行分隔）的单元格数与表头不符，按段落导入，请人工核对");
    }
  return g_steal_pointer (&grid);
}

QsImportGrid *
qs_import_grid_read (QsImportText   *text,
                     guint           start,
                     QsImportReport *report)
{
  guint i = skip_blank (text, start);
  QsImportLine *line;

  if (i >= text->n_lines)
    return NULL;
  line = &text->lines[i];
  if (line->flags & QS_IMPORT_LINE_LONG)
    return NULL;
  if (line->flags & QS_IMPORT_LINE_HAS_TAB)
    return read_tab_rows (text, i, report);
  if (line->flags & QS_IMPORT_LINE_LEAD_TAB)
    return read_cell_lines (text, i, report);
  return read_cell_blocks (text, i, report);
}
