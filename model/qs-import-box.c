/* qs-import-box.c: reading a task box (专栏) written as a list.
 *
 * Two kinds of box:
 *   dash lists   every item starts with "——", "- " or a bullet; a line
 *                without a marker continues the item above when that item
 *                stopped mid-sentence (a page break cut it), else the box
 *                is over;
 *   plain lists  every line is an item ("1．…" or plain text), with 一、
 *                sub-headings; the box is over at a blank line in a plan
 *                whose paragraphs are not blank-separated, or where prose
 *                resumes with an imperative lead sentence ("加强…。").
 * Headings and captions always end a box.
 */
#define G_LOG_DOMAIN "qs-import-box"

#include "config.h"

#include <string.h>

#include "qs-import-box.h"
#include "qs-import-cells.h"
#include "qs-import-heading.h"
#include "qs-task-item.h"

typedef enum
{
  STYLE_UNKNOWN,
  STYLE_DASH,
  STYLE_PLAIN,
} Style;

static gboolean
is_dash_marker (const QsImportLine *line)
{
  gsize n = qs_import_item_marker (line->text, line->len);
  const char *p = line->text;
  const char *end = line->text + line->len;

  if (n == 0)
    return FALSE;
  qs_import_trim_range (&p, &end);
  /* Numbered items ("1．") do not make a dash list. */
  return !g_ascii_isdigit (*p) && *p != '(' && !g_str_has_prefix (p, "（") &&
         !(g_utf8_get_char (p) >= 0x2460 && g_utf8_get_char (p) <= 0x2473);
}

static void
flush_item (QsTaskTable    *table,
            GString       **item,
            QsTaskItemKind  kind)
{
  g_autoptr(QsTaskItem) task_item = NULL;

  if (*item == NULL)
    return;
  task_item = qs_task_item_new (kind, (*item)->str);
  g_list_store_append (qs_task_table_get_items (table), task_item);
  g_string_free (*item, TRUE);
  *item = NULL;
}

QsTaskTable *
qs_import_box_read (QsImportText             *text,
                    guint                     start,
                    const QsImportBoxContext *context,
                    QsImportReport           *report,
                    guint                    *next)
{
  g_autoptr(QsTaskTable) table = qs_task_table_new ();
  GString *item = NULL;
  guint item_line = 0;
  Style style = STYLE_UNKNOWN;
  guint n_items = 0;
  guint i;

  for (i = start; i < text->n_lines; i++)
    {
      QsImportLine *line = &text->lines[i];
      QsImportHeading heading;
      g_autofree char *stripped = NULL;
      gboolean found;

      if (line->flags & QS_IMPORT_LINE_BLANK)
        {
          if (context->dense && (n_items > 0 || item != NULL))
            break;
          continue;
        }
      if (line->flags & (QS_IMPORT_LINE_LONG | QS_IMPORT_LINE_HAS_TAB | QS_IMPORT_LINE_LEAD_TAB))
        break;

      found = qs_import_heading_parse (line->text, line->len, &heading);
      if (found)
        {
          gboolean sub_heading =
            (heading.kind == QS_IMPORT_HEADING_ENUM && heading.number != context->next_enum) ||
            (heading.kind == QS_IMPORT_HEADING_PAREN && heading.number != context->next_paren);

          qs_import_heading_clear (&heading);
          if (!sub_heading)
            break;
          flush_item (table, &item, QS_TASK_ITEM_ITEM);
          item = g_string_new (NULL);
          stripped = qs_import_strip (line->text, line->len);
          g_string_append (item, stripped);
          flush_item (table, &item, QS_TASK_ITEM_HEADING);
          if (style == STYLE_UNKNOWN)
            style = STYLE_PLAIN;
          continue;
        }

      stripped = qs_import_strip (line->text, line->len);
      if (style == STYLE_UNKNOWN)
        style = is_dash_marker (line) ? STYLE_DASH : STYLE_PLAIN;

      if (qs_import_item_marker (line->text, line->len) > 0)
        {
          flush_item (table, &item, QS_TASK_ITEM_ITEM);
          item = g_string_new (stripped);
          item_line = line->lineno;
          n_items++;
          continue;
        }

      if (item != NULL && !qs_import_ends_sentence (item->str, item->len) &&
          item->len + strlen (stripped) <= QS_IMPORT_MAX_TEXT &&
          !qs_import_is_prose_lead (line->text, line->len))
        {
          /* The item was cut by a page break: it goes on here. */
          g_string_append (item, stripped);
          continue;
        }

      if (style == STYLE_DASH)
        break;
      if ((n_items > 0 || item != NULL) && qs_import_is_prose_lead (line->text, line->len))
        {
          /* Only the content says the box is over here: say so. */
          qs_import_report_add_doubt (report, line->lineno,
                                      "专栏在此行之前结束（此行像正文段落的开头），请核对专栏的范围");
          break;
        }
      flush_item (table, &item, QS_TASK_ITEM_ITEM);
      item = g_string_new (stripped);
      item_line = line->lineno;
      n_items++;
    }

  if (item != NULL && style == STYLE_DASH && !qs_import_ends_sentence (item->str, item->len))
    {
      const char *tail = item->str + item->len;

      for (guint k = 0; k < 12 && tail > item->str; k++)
        tail = g_utf8_prev_char (tail);
      qs_import_report_add_doubt (report, item_line,
                                  "专栏的最后一项没有以句号结束，原文可能被截断：“…%s”", tail);
    }
  flush_item (table, &item, QS_TASK_ITEM_ITEM);

  /* Leave the blank lines before what follows to the caller. */
  while (i > start && (text->lines[i - 1].flags & QS_IMPORT_LINE_BLANK))
    i--;
  *next = i;
  if (g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_items (table))) == 0)
    return NULL;
  return g_steal_pointer (&table);
}
