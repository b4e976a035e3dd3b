/* qs-import-text.h: the importer's line reader (encoding, lines, junk).
 * Internal to the model. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused before they are read. */
#define QS_IMPORT_MAX_SIZE (64 * 1024 * 1024)

/* Plans run to a few thousand lines; far more is not a plan, and every
 * line costs memory in the model. */
#define QS_IMPORT_MAX_LINES (1000 * 1000)

/* No text of the plan (paragraph, item, note, cell) is made longer than
 * this: the .qsplan format reads no longer text.  A longer line is kept in
 * pieces, one paragraph each. */
#define QS_IMPORT_MAX_TEXT (1024 * 1024)

/* Lines longer than this are only ever read as prose: no heading, caption
 * or table rule looks at them, which keeps hostile input linear. */
#define QS_IMPORT_MAX_STRUCTURED_LINE 4096

typedef enum
{
  QS_IMPORT_LINE_BLANK    = 1 << 0,  /* nothing but white space (NBSP, U+3000 …) */
  QS_IMPORT_LINE_LEAD_TAB = 1 << 1,  /* starts with TAB: a cell of a one-cell-per-line table */
  QS_IMPORT_LINE_HAS_TAB  = 1 << 2,  /* has a TAB after some text: a TAB-separated row */
  QS_IMPORT_LINE_LONG     = 1 << 3,  /* longer than QS_IMPORT_MAX_STRUCTURED_LINE */
  QS_IMPORT_LINE_JUNK     = 1 << 4,  /* junk was removed from it */
} QsImportLineFlags;

/* One source line after junk removal.  @text points into the reader's
 * buffer and is NUL-terminated; @len excludes the NUL. */
typedef struct
{
  char   *text;
  guint   len;
  guint   lineno;   /* 1-based line in the source file */
  guint   flags;
} QsImportLine;

typedef struct
{
  char         *buffer;
  QsImportLine *lines;
  guint         n_lines;
  const char   *encoding;   /* "UTF-8", "GB18030", "UTF-16" */
  guint         n_junk;     /* tags and page-number lines removed */
} QsImportText;

QsImportText *qs_import_text_new          (const char    *data,
                                           gsize          length,
                                           const char    *name_for_errors,
                                           GError       **error);
void          qs_import_text_free         (QsImportText  *text);

/* Trimming and tests shared by the importer's readers.  "White space" here
 * is ASCII space and TAB, CR, FF, VT, NBSP, U+2000–U+200B, U+3000 and
 * U+FEFF: everything a Word or PDF export uses to pad text. */
gboolean      qs_import_is_space_at       (const char    *p,
                                           gsize         *char_len);
/* A new string: @text with white space removed at both ends. */
char         *qs_import_strip             (const char    *text,
                                           gssize         len);
/* [*start, *end) narrowed to exclude white space at both ends. */
void          qs_import_trim_range        (const char   **start,
                                           const char   **end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsImportText, qs_import_text_free)

G_END_DECLS
