/* qs-import-table.h: reading a table's grid out of plain text.
 * Internal to the model. */
#pragma once

#include <glib.h>

#include "qs-import-report.h"
#include "qs-import-text.h"

G_BEGIN_DECLS

/* How the seeds and their family write a table in plain text. */
typedef enum
{
  QS_IMPORT_LAYOUT_CELL_LINES,   /* A: one cell per line, each starting with TAB; rows end at a blank line */
  QS_IMPORT_LAYOUT_TAB_ROWS,     /* B: one row per line, cells separated by TAB */
  QS_IMPORT_LAYOUT_CELL_BLOCKS,  /* C: one cell per line, cells separated by blank lines, rows not marked */
} QsImportLayout;

typedef enum
{
  QS_IMPORT_ROW_SUBROW  = 1 << 0,  /* a sub-row of the main row above it (其中…) */
  QS_IMPORT_ROW_ALIGNED = 1 << 1,  /* holds exactly one cell per column */
  QS_IMPORT_ROW_PLACED  = 1 << 2,  /* its values were placed by guess (reported) */
  QS_IMPORT_ROW_AFTER_BREAK = 1 << 3,  /* right after a header repeated at a page break */
} QsImportRowFlags;

typedef struct
{
  GPtrArray *cells;    /* char*: the cell text as written, trimmed; "" when empty */
  GPtrArray *lines;    /* GUINT_TO_POINTER: source line of each cell, when known */
  guint      lineno;   /* source line of the row's first cell */
  guint      flags;    /* QsImportRowFlags */
} QsImportRow;

typedef struct
{
  QsImportLayout  layout;
  GPtrArray      *header;        /* char*: header cells as written ("2020年\n现状值") */
  guint           header_line;
  GPtrArray      *rows;          /* QsImportRow* */
  GPtrArray      *notes;         /* char*: the notes below the table, one per note */
  guint           first;         /* index of the table's first line */
  guint           next;          /* index of the first line after the table and its notes */
  guint           last_line;     /* source line of the table's last line */
  gboolean        failed;        /* the layout was seen but not understood */
} QsImportGrid;

QsImportRow  *qs_import_row_new            (guint          lineno);
void          qs_import_row_free           (QsImportRow   *row);
void          qs_import_row_add            (QsImportRow   *row,
                                            const char    *cell,
                                            guint          lineno);
/* The source line of cell @index (the row's line when not known). */
guint         qs_import_row_get_line       (QsImportRow   *row,
                                            guint          index);

/* Reads the table that starts at line index @start (blank lines first are
 * skipped).  Returns NULL when no table starts there; a grid with @failed
 * set when one does but its rows cannot be told apart (the caller keeps the
 * lines as prose). */
QsImportGrid *qs_import_grid_read          (QsImportText  *text,
                                            guint          start,
                                            QsImportReport *report);
void          qs_import_grid_free          (QsImportGrid  *grid);

/* Layout C: turns the cell sequence into rows using the columns' roles
 * (qs-import-blocks.c).  FALSE when the cells do not fit the header. */
gboolean      qs_import_blocks_to_rows     (QsImportGrid  *grid,
                                            GPtrArray     *cells,
                                            GArray        *cell_lines,
                                            QsImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsImportGrid, qs_import_grid_free)

G_END_DECLS
