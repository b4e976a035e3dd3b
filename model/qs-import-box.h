/* qs-import-box.h: reading a task box (专栏) written as a list.
 * Internal to the model. */
#pragma once

#include "qs-import-report.h"
#include "qs-import-text.h"
#include "qs-task-table.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean  dense;        /* paragraphs are not separated by blank lines */
  int       next_enum;    /* the number an 一、 heading would need to end the box, or -1 */
  int       next_paren;   /* the same for （一）, or -1 */
} QsImportBoxContext;

/* Reads the items after a box caption, from line index @start.  Returns a
 * task table holding the items (NULL when no item follows) and sets *@next
 * to the first line after the box. */
QsTaskTable *qs_import_box_read (QsImportText             *text,
                                 guint                     start,
                                 const QsImportBoxContext *context,
                                 QsImportReport           *report,
                                 guint                    *next);

G_END_DECLS
