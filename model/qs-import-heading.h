/* qs-import-heading.h: recognising headings, captions and contents lines.
 * Internal to the model. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  QS_IMPORT_HEADING_NONE,
  QS_IMPORT_HEADING_CHAPTER,   /* 第一章 … */
  QS_IMPORT_HEADING_SECTION,   /* 第一节 … */
  QS_IMPORT_HEADING_ENUM,      /* 一、…  (a chapter or a subsection, by the plan's family) */
  QS_IMPORT_HEADING_PAREN,     /* （一）… or (一)… */
  QS_IMPORT_HEADING_FRONT,     /* 前言, 目录 */
  QS_IMPORT_HEADING_BACK,      /* 名词解释, 附件, 附录, 后记 */
  QS_IMPORT_HEADING_CAPTION,   /* 表2-1 …, 专栏3 … */
} QsImportHeadingKind;

typedef struct
{
  QsImportHeadingKind  kind;
  int                  number;   /* the ordinal, 0 for front/back matter */
  char                *label;    /* numbering as printed: "第一章", "一、", "(一)"; caption id "专栏1" */
  char                *title;    /* the rest, trimmed; for front/back the normalized name ("前言") */
} QsImportHeading;

/* Parses a Chinese numeral (一 … 九百九十九, with 〇/○/零/两) or ASCII digits
 * at @p; returns the value and sets *@after, or -1 when there is none. */
int       qs_import_parse_number     (const char       *p,
                                      const char       *end,
                                      const char      **after);
/* Fills @heading (clear it with qs_import_heading_clear) when the line is
 * one; the line must be junk-free.  Long lines are never headings. */
gboolean  qs_import_heading_parse    (const char       *text,
                                      gsize             len,
                                      QsImportHeading  *heading);
void      qs_import_heading_clear    (QsImportHeading  *heading);
/* A table-of-contents entry: text followed by a page number ("第一章 …\t(3)",
 * "前 言……1").  *@entry (if not NULL) gets the text without the page number. */
gboolean  qs_import_is_toc_entry     (const char       *text,
                                      gsize             len,
                                      char            **entry);
/* "关于印发…的通知": the cover notice of a plan; *@quoted gets the plan title. */
gboolean  qs_import_is_notice_title  (const char       *text,
                                      gsize             len,
                                      char            **quoted);

G_END_DECLS
