/* qs-importer.c: rebuilds a structured plan from a plan's plain text.
 *
 * One pass over the cleaned lines (qs-import-text.c) builds the tree:
 *   front matter   what comes before the first chapter: the title block,
 *                  a cover notice (关于印发…的通知), 目录 with page numbers,
 *                  前言; untitled material goes to an untitled section;
 *   chapters       第一章/第一节 (with 一、 as a third level under a 节), or
 *                  一、/（一） when the plan has no 第X章; 一、 and （一） count
 *                  only when they continue the numbering, so enumerations in
 *                  prose stay prose;
 *   blocks         captions (表N, 专栏N) take the table (qs-import-table.c)
 *                  or box (qs-import-box.c) below them; everything else is a
 *                  paragraph, and a paragraph cut mid-sentence by a page
 *                  break is joined again;
 *   back matter    名词解释 (its "term：definition" lines become the
 *                  glossary), 附件, 附录, 后记.
 * The metadata (title, region, level, period, vision year) comes from the
 * title line, the notice, or the preface's 《…规划》.
 */
#define G_LOG_DOMAIN "qs-importer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "qs-catalog.h"
#include "qs-glossary-entry.h"
#include "qs-history-extract.h"
#include "qs-import-box.h"
#include "qs-import-build.h"
#include "qs-import-cells.h"
#include "qs-import-heading.h"
#include "qs-import-report.h"
#include "qs-import-table.h"
#include "qs-import-text.h"
#include "qs-importer.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-linker.h"
#include "qs-paragraph.h"
#include "qs-plan.h"
#include "qs-section.h"
#include "qs-task-item.h"
#include "qs-task-table.h"

G_DEFINE_QUARK (qs-import-error-quark, qs_import_error)

/* A wrapped paragraph line is at least this long; shorter lines without a
 * full stop (dates, signatures) are paragraphs of their own. */
#define MIN_WRAPPED_CHARS 20

typedef struct
{
  QsImportText   *text;
  QsImportReport *report;
  QsPlan         *plan;

  gboolean        chapter_family;   /* the plan numbers chapters 第X章 */
  gboolean        dense;            /* paragraphs are not blank-separated */

  QsSection      *front;            /* borrowed: the current front matter section */
  QsSection      *chapter;
  QsSection      *section;
  QsSection      *subsection;
  QsSection      *back;
  int             n_chapter;
  int             n_section;
  int             n_subsection;
  gboolean        body_started;
  gboolean        in_notice;
  gboolean        in_toc;
  gboolean        in_glossary;
  GHashTable     *toc_entries;      /* the contents' entries, white space removed */

  GString        *para;
  QsSection      *para_section;
  QsParagraphKind para_kind;

  char           *title;
  guint           title_line;
} Importer;

static void
importer_clear (Importer *im)
{
  g_clear_pointer (&im->toc_entries, g_hash_table_unref);
  if (im->para != NULL)
    g_string_free (im->para, TRUE);
  im->para = NULL;
  g_clear_pointer (&im->title, g_free);
}

static QsSection *
container (Importer *im)
{
  if (im->subsection != NULL)
    return im->subsection;
  if (im->section != NULL)
    return im->section;
  if (im->chapter != NULL)
    return im->chapter;
  if (im->back != NULL)
    return im->back;
  if (im->front == NULL)
    {
      /* Material before any heading: the title block, a preamble. */
      g_autoptr(QsSection) front = qs_section_new (QS_SECTION_FRONT, 0, "");

      g_list_store_append (qs_plan_get_front_matter (im->plan), front);
      im->front = front;
    }
  return im->front;
}

static void
flush_paragraph (Importer *im)
{
  g_autoptr(QsParagraph) paragraph = NULL;

  if (im->para == NULL)
    return;
  paragraph = qs_paragraph_new (im->para_kind, im->para->str);
  g_list_store_append (qs_section_get_blocks (im->para_section), paragraph);
  g_string_free (im->para, TRUE);
  im->para = NULL;
  im->para_section = NULL;
}

static void
add_block (Importer *im,
           GObject  *block)
{
  flush_paragraph (im);
  g_list_store_append (qs_section_get_blocks (container (im)), block);
}

/* A line longer than a text may be: kept in pieces, cut after a full stop
 * where there is one.  Returns the length of the first piece. */
static gsize
first_piece (const char *text,
             gsize       len)
{
  const char *end = text + QS_IMPORT_MAX_TEXT;
  const char *stop;

  if (len <= QS_IMPORT_MAX_TEXT)
    return len;
  stop = g_strrstr_len (text, QS_IMPORT_MAX_TEXT - strlen ("。"), "。");
  if (stop != NULL && stop - text > QS_IMPORT_MAX_TEXT / 2)
    return stop + strlen ("。") - text;
  /* Never inside a character. */
  while (end > text && ((guchar) *end & 0xC0) == 0x80)
    end--;
  return end - text;
}

/* A line of prose; joined to the paragraph above when a page break cut it. */
static void
add_prose (Importer           *im,
           const QsImportLine *line,
           gboolean            may_join)
{
  g_autofree char *text = qs_import_strip (line->text, line->len);
  gsize len = strlen (text);
  QsSection *section;

  if (*text == '\0')
    return;
  section = container (im);
  if (len > QS_IMPORT_MAX_TEXT)
    {
      const char *p = text;
      guint n = 0;

      flush_paragraph (im);
      while (*p != '\0')
        {
          gsize piece = first_piece (p, strlen (p));

          im->para = g_string_new_len (p, piece);
          im->para_section = section;
          im->para_kind = QS_PARAGRAPH_BODY;
          flush_paragraph (im);
          p += piece;
          n++;
        }
      qs_import_report_add_doubt (im->report, line->lineno,
                                  "此行长达%" G_GSIZE_FORMAT "字节，已分成%u段", len, n);
      return;
    }
  if (may_join && im->para != NULL && im->para_section == section &&
      im->para->len + len <= QS_IMPORT_MAX_TEXT &&
      !qs_import_ends_sentence (im->para->str, im->para->len) &&
      g_utf8_strlen (im->para->str, MIN (im->para->len, 4 * MIN_WRAPPED_CHARS)) >= MIN_WRAPPED_CHARS &&
      qs_import_item_marker (text, strlen (text)) == 0)
    {
      g_string_append (im->para, text);
      return;
    }
  flush_paragraph (im);
  im->para = g_string_new (text);
  im->para_section = section;
  im->para_kind = qs_import_is_note_start (text) ? QS_PARAGRAPH_NOTE : QS_PARAGRAPH_BODY;
}

static void
add_plain_paragraph (Importer           *im,
                     const QsImportLine *line)
{
  flush_paragraph (im);
  add_prose (im, line, FALSE);
  flush_paragraph (im);
}

static guint
next_nonblank (Importer *im,
               guint     i)
{
  while (i < im->text->n_lines && (im->text->lines[i].flags & QS_IMPORT_LINE_BLANK))
    i++;
  return i;
}

/* A heading whose title goes on on the next line: "第八章 深化…，" / "推进…",
 * or "第一章" alone with its title below.  Returns the index of the last
 * line used. */
static guint
complete_title (Importer *im,
                guint     i,
                char    **title)
{
  static const char *const open_ends[] = { "，", ",", "、", "和", "与", "及", NULL };
  gboolean open = **title == '\0';
  guint j;
  QsImportLine *line;
  QsImportHeading heading;
  g_autofree char *more = NULL;

  for (guint k = 0; !open && open_ends[k] != NULL; k++)
    if (g_str_has_suffix (*title, open_ends[k]))
      open = TRUE;
  if (!open)
    return i;
  j = next_nonblank (im, i + 1);
  if (j >= im->text->n_lines || j > i + 2)
    return i;
  line = &im->text->lines[j];
  if (line->flags & (QS_IMPORT_LINE_LONG | QS_IMPORT_LINE_HAS_TAB | QS_IMPORT_LINE_LEAD_TAB) ||
      g_utf8_strlen (line->text, line->len) > 40 ||
      qs_import_ends_sentence (line->text, line->len))
    return i;
  if (qs_import_heading_parse (line->text, line->len, &heading))
    {
      qs_import_heading_clear (&heading);
      return i;
    }
  more = qs_import_strip (line->text, line->len);
  {
    char *joined = g_strconcat (*title, more, NULL);

    g_free (*title);
    *title = joined;
  }
  qs_import_report_add_doubt (im->report, line->lineno,
                              "标题跨两行，已与上一行合并：“%s”", *title);
  return j;
}

static void
start_front (Importer   *im,
             const char *title,
             guint       lineno)
{
  g_autoptr(QsSection) section = qs_section_new (QS_SECTION_FRONT, 0, title);

  flush_paragraph (im);
  g_list_store_append (qs_plan_get_front_matter (im->plan), section);
  im->front = section;
  im->in_notice = FALSE;
  im->in_toc = FALSE;
  qs_import_report_add_recognised (im->report, lineno, "前置部分：%s", title);
}

static void
start_chapter (Importer        *im,
               QsImportHeading *heading,
               guint            lineno)
{
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, heading->number, heading->title);

  flush_paragraph (im);
  qs_section_set_label (chapter, heading->label);
  g_list_store_append (qs_plan_get_chapters (im->plan), chapter);
  if (heading->number != im->n_chapter + 1)
    qs_import_report_add_doubt (im->report, lineno, "章的编号不连续：%s 前面是第%d章",
                                heading->label, im->n_chapter);
  im->chapter = chapter;
  im->section = im->subsection = im->back = NULL;
  im->front = NULL;
  im->n_chapter = heading->number;
  im->n_section = im->n_subsection = 0;
  im->body_started = TRUE;
  im->in_notice = im->in_toc = im->in_glossary = FALSE;
  qs_import_report_add_recognised (im->report, lineno, "%s %s", heading->label, heading->title);
}

static void
start_section (Importer        *im,
               QsImportHeading *heading,
               guint            lineno)
{
  g_autoptr(QsSection) section = qs_section_new (QS_SECTION_SECTION, heading->number, heading->title);

  flush_paragraph (im);
  qs_section_set_label (section, heading->label);
  g_list_store_append (qs_section_get_children (im->chapter), section);
  if (heading->number != im->n_section + 1)
    qs_import_report_add_doubt (im->report, lineno, "节的编号不连续：%s", heading->label);
  im->section = section;
  im->subsection = NULL;
  im->n_section = heading->number;
  im->n_subsection = 0;
  qs_import_report_add_recognised (im->report, lineno, "  %s %s", heading->label, heading->title);
}

static void
start_subsection (Importer        *im,
                  QsImportHeading *heading,
                  guint            lineno)
{
  g_autoptr(QsSection) subsection = qs_section_new (QS_SECTION_SUBSECTION, heading->number, heading->title);

  flush_paragraph (im);
  qs_section_set_label (subsection, heading->label);
  g_list_store_append (qs_section_get_children (im->section), subsection);
  im->subsection = subsection;
  im->n_subsection = heading->number;
  qs_import_report_add_recognised (im->report, lineno, "    %s %s", heading->label, heading->title);
}

static void
start_back (Importer        *im,
            QsImportHeading *heading,
            guint            lineno)
{
  g_autoptr(QsSection) back = qs_section_new (QS_SECTION_BACK, 0, heading->title);

  flush_paragraph (im);
  g_list_store_append (qs_plan_get_back_matter (im->plan), back);
  im->back = back;
  im->chapter = im->section = im->subsection = NULL;
  im->front = NULL;
  im->in_glossary = strcmp (heading->title, "名词解释") == 0 || strcmp (heading->title, "术语解释") == 0;
  qs_import_report_add_recognised (im->report, lineno, "后置部分：%s", heading->title);
}

/* "term：definition" in a glossary, with or without numbering. */
static gboolean
add_glossary_entry (Importer           *im,
                    const QsImportLine *line)
{
  g_autofree char *text = qs_import_strip (line->text, line->len);
  gsize marker = qs_import_item_marker (text, strlen (text));
  const char *start = text + marker;
  const char *colon = strstr (start, "：");
  gsize colon_len = strlen ("：");
  g_autofree char *term = NULL;
  g_autofree char *definition = NULL;
  g_autoptr(QsGlossaryEntry) entry = NULL;

  if (colon == NULL || (strchr (start, ':') != NULL && strchr (start, ':') < colon))
    {
      colon = strchr (start, ':');
      colon_len = 1;
    }
  if (colon == NULL || g_utf8_strlen (start, colon - start) > 30 || colon == start)
    return FALSE;
  term = qs_import_strip (start, colon - start);
  definition = qs_import_strip (colon + colon_len, -1);
  if (marker > 0)
    {
      /* Keep the numbering: nothing of the source is dropped. */
      g_autofree char *numbering = g_strndup (text, marker);
      g_autofree char *numbered = g_strconcat (numbering, term, NULL);

      g_free (term);
      term = g_steal_pointer (&numbered);
    }
  flush_paragraph (im);
  entry = qs_glossary_entry_new (term, definition);
  g_list_store_append (qs_plan_get_glossary (im->plan), entry);
  return TRUE;
}

/* Keeps the lines [from, to) as paragraphs: a table not understood. */
static void
lines_as_prose (Importer *im,
                guint     from,
                guint     to)
{
  for (guint k = from; k < to && k < im->text->n_lines; k++)
    if (!(im->text->lines[k].flags & QS_IMPORT_LINE_BLANK))
      add_plain_paragraph (im, &im->text->lines[k]);
}

static guint
count_items (QsTaskTable    *table,
             QsTaskItemKind  kind)
{
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);

      if (qs_task_item_get_kind (item) == kind)
        n++;
    }
  return n;
}

/* A caption and what follows it; returns the index of the next line. */
static guint
read_caption (Importer        *im,
              guint            i,
              QsImportHeading *heading)
{
  QsImportLine *line = &im->text->lines[i];
  g_autofree char *caption = qs_import_strip (line->text, line->len);
  g_autoptr(QsImportGrid) grid = NULL;
  g_autoptr(GObject) block = NULL;
  QsImportBoxContext box_context;
  guint next;

  flush_paragraph (im);
  grid = qs_import_grid_read (im->text, i + 1, im->report);
  if (grid != NULL)
    {
      block = qs_import_grid_build (grid, heading->label, caption, line->lineno, im->report);
      if (block == NULL)
        {
          if (!grid->failed)
            qs_import_report_add_doubt (im->report, line->lineno,
                                        "%s 的表格无法对齐表头，按段落导入", heading->label);
          lines_as_prose (im, i, grid->next);
          return grid->next;
        }
      add_block (im, block);
      if (QS_IS_INDICATOR_TABLE (block))
        {
          QsIndicatorTable *table = QS_INDICATOR_TABLE (block);

          qs_import_report_add_recognised (im->report, line->lineno, "指标表 %s：%u列，%u行，%u条注释",
                                           caption,
                                           g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table))),
                                           g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table))),
                                           g_strv_length ((char **) qs_indicator_table_get_notes (table)));
        }
      else
        qs_import_report_add_recognised (im->report, line->lineno, "项目表 %s：%u列，%u行",
                                         caption,
                                         g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_columns (QS_TASK_TABLE (block)))),
                                         g_list_model_get_n_items (G_LIST_MODEL (qs_task_table_get_rows (QS_TASK_TABLE (block)))));
      return grid->next;
    }

  box_context.dense = im->dense;
  box_context.next_enum = im->chapter_family ? (im->section != NULL ? im->n_subsection + 1 : -1)
                                             : im->n_chapter + 1;
  box_context.next_paren = !im->chapter_family && im->chapter != NULL ? im->n_section + 1 : -1;
  block = G_OBJECT (qs_import_box_read (im->text, i + 1, &box_context, im->report, &next));
  if (block == NULL)
    {
      qs_import_report_add_doubt (im->report, line->lineno,
                                  "标题“%s”后面没有表格或专栏内容，按段落导入", caption);
      add_plain_paragraph (im, line);
      return i + 1;
    }
  qs_task_table_set_label (QS_TASK_TABLE (block), heading->label);
  qs_task_table_set_caption (QS_TASK_TABLE (block), caption);
  add_block (im, block);
  qs_import_report_add_recognised (im->report, line->lineno, "专栏 %s：%u项，%u个小标题", caption,
                                   count_items (QS_TASK_TABLE (block), QS_TASK_ITEM_ITEM),
                                   count_items (QS_TASK_TABLE (block), QS_TASK_ITEM_HEADING));
  return next;
}

/* A table without caption, from line index *@index; FALSE (and nothing
 * consumed) when no table starts there. */
static gboolean
read_uncaptioned (Importer *im,
                  guint    *index)
{
  QsImportLine *line = &im->text->lines[*index];
  g_autoptr(QsImportGrid) grid = qs_import_grid_read (im->text, *index, im->report);
  g_autoptr(GObject) block = NULL;

  if (grid == NULL || grid->rows->len == 0)
    return FALSE;
  if (!grid->failed)
    block = qs_import_grid_build (grid, NULL, "", line->lineno, im->report);
  if (block == NULL)
    {
      /* Read once, kept as prose: never read the same rows again. */
      lines_as_prose (im, *index, grid->next);
      *index = grid->next - 1;
      return TRUE;
    }
  add_block (im, block);
  qs_import_report_add_doubt (im->report, line->lineno,
                              "没有表题的表格（%u行），已按表格导入，请核对", grid->rows->len);
  *index = grid->next - 1;
  return TRUE;
}

/* 目录: entries end in a page number; an entry may wrap onto a second line,
 * and some lack the number.  The contents end where a line repeats one of
 * its entries: the body has begun. */
static gboolean
read_toc_line (Importer *im,
               guint     i)
{
  QsImportLine *line = &im->text->lines[i];
  g_autofree char *entry = NULL;
  g_autofree char *flat = NULL;
  QsImportHeading heading;
  guint j;

  if (line->flags & QS_IMPORT_LINE_LONG)
    return FALSE;
  if (qs_import_is_toc_entry (line->text, line->len, &entry))
    {
      g_hash_table_add (im->toc_entries, qs_text_strip_spaces (entry));
      add_plain_paragraph (im, line);
      return TRUE;
    }
  flat = qs_text_strip_spaces (line->text);
  if (g_hash_table_contains (im->toc_entries, flat))
    return FALSE;
  j = next_nonblank (im, i + 1);
  if (g_utf8_strlen (line->text, line->len) <= 60 && j < im->text->n_lines &&
      qs_import_is_toc_entry (im->text->lines[j].text, im->text->lines[j].len, NULL) &&
      !qs_import_ends_sentence (line->text, line->len))
    {
      add_plain_paragraph (im, line);
      return TRUE;
    }
  if (qs_import_heading_parse (line->text, line->len, &heading))
    {
      gboolean entry_like = heading.kind == QS_IMPORT_HEADING_CHAPTER ||
                            heading.kind == QS_IMPORT_HEADING_SECTION;

      qs_import_heading_clear (&heading);
      if (entry_like && g_hash_table_size (im->toc_entries) > 0)
        {
          g_hash_table_add (im->toc_entries, g_steal_pointer (&flat));
          add_plain_paragraph (im, line);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_title_line (const QsImportLine *line)
{
  g_autofree char *text = NULL;

  if (line->flags & (QS_IMPORT_LINE_LONG | QS_IMPORT_LINE_HAS_TAB | QS_IMPORT_LINE_LEAD_TAB))
    return FALSE;
  text = qs_import_strip (line->text, line->len);
  return g_utf8_strlen (text, -1) <= 60 &&
         (strstr (text, "规划") != NULL || strstr (text, "计划") != NULL) &&
         strstr (text, "通知") == NULL && strstr (text, "。") == NULL &&
         strstr (text, "《") == NULL &&
         qs_import_item_marker (text, strlen (text)) == 0 &&
         !g_str_has_prefix (text, "•");
}

static void
handle_line (Importer *im,
             guint    *index)
{
  guint i = *index;
  QsImportLine *line = &im->text->lines[i];
  QsImportHeading heading = { 0 };
  gboolean is_heading = FALSE;

  if (im->in_toc)
    {
      if (read_toc_line (im, i))
        return;
      im->in_toc = FALSE;
    }

  if (!(line->flags & QS_IMPORT_LINE_LONG))
    is_heading = qs_import_heading_parse (line->text, line->len, &heading);

  if (is_heading)
    {
      switch (heading.kind)
        {
        case QS_IMPORT_HEADING_FRONT:
          if (!im->body_started)
            {
              start_front (im, heading.title, line->lineno);
              im->in_toc = strcmp (heading.title, "目录") == 0 || strcmp (heading.title, "目次") == 0;
              g_hash_table_remove_all (im->toc_entries);
              goto done;
            }
          break;
        case QS_IMPORT_HEADING_BACK:
          start_back (im, &heading, line->lineno);
          goto done;
        case QS_IMPORT_HEADING_CHAPTER:
          if (im->chapter_family)
            {
              *index = complete_title (im, i, &heading.title);
              start_chapter (im, &heading, line->lineno);
              goto done;
            }
          break;
        case QS_IMPORT_HEADING_SECTION:
          if (im->chapter_family && im->chapter != NULL)
            {
              *index = complete_title (im, i, &heading.title);
              start_section (im, &heading, line->lineno);
              goto done;
            }
          break;
        case QS_IMPORT_HEADING_ENUM:
          if (!im->chapter_family && heading.number == im->n_chapter + 1 &&
              !im->in_notice)
            {
              start_chapter (im, &heading, line->lineno);
              goto done;
            }
          if (im->chapter_family && im->section != NULL && heading.number == im->n_subsection + 1)
            {
              start_subsection (im, &heading, line->lineno);
              goto done;
            }
          break;
        case QS_IMPORT_HEADING_PAREN:
          if (!im->chapter_family && im->chapter != NULL && heading.number == im->n_section + 1)
            {
              start_section (im, &heading, line->lineno);
              goto done;
            }
          break;
        case QS_IMPORT_HEADING_CAPTION:
          *index = read_caption (im, i, &heading) - 1;
          goto done;
        case QS_IMPORT_HEADING_NONE:
        default:
          break;
        }
    }

  if (!im->body_started && !im->in_notice)
    {
      g_autofree char *quoted = NULL;

      if (im->title == NULL && (im->front == NULL || *qs_section_get_title (im->front) == '\0') &&
          is_title_line (line))
        {
          im->title = qs_import_strip (line->text, line->len);
          im->title_line = line->lineno;
          flush_paragraph (im);
          qs_import_report_add_recognised (im->report, line->lineno, "标题：%s", im->title);
          goto done;
        }
      if (qs_import_is_notice_title (line->text, line->len, &quoted) &&
          !g_str_has_prefix (line->text, "•") && strstr (line->text, "•") == NULL)
        {
          start_front (im, "印发通知", line->lineno);
          im->in_notice = TRUE;
          add_plain_paragraph (im, line);
          goto done;
        }
    }

  if (im->in_glossary && !(line->flags & QS_IMPORT_LINE_LONG) && add_glossary_entry (im, line))
    goto done;

  /* A table with no caption: a header row of TAB-separated header words. */
  if ((line->flags & QS_IMPORT_LINE_HAS_TAB) && !(line->flags & QS_IMPORT_LINE_LONG) &&
      read_uncaptioned (im, index))
    goto done;

  add_prose (im, line, TRUE);

done:
  qs_import_heading_clear (&heading);
}

/* The plan numbers its chapters 第X章 (outside a table of contents). */
static gboolean
detect_chapter_family (QsImportText *text)
{
  guint n = 0;

  for (guint i = 0; i < text->n_lines && n < 1; i++)
    {
      QsImportLine *line = &text->lines[i];
      QsImportHeading heading;

      if (line->flags & (QS_IMPORT_LINE_BLANK | QS_IMPORT_LINE_LONG | QS_IMPORT_LINE_HAS_TAB))
        continue;
      if (qs_import_heading_parse (line->text, line->len, &heading) &&
          heading.kind == QS_IMPORT_HEADING_CHAPTER)
        n++;
      qs_import_heading_clear (&heading);
    }
  return n >= 1;
}

/* Most text lines followed by a blank line: paragraphs are blank-separated. */
static gboolean
detect_dense (QsImportText *text)
{
  guint n_text = 0;
  guint n_followed = 0;

  for (guint i = 0; i + 1 < text->n_lines; i++)
    if (!(text->lines[i].flags & QS_IMPORT_LINE_BLANK))
      {
        n_text++;
        if (text->lines[i + 1].flags & QS_IMPORT_LINE_BLANK)
          n_followed++;
      }
  return n_followed * 2 < n_text;
}

/* ---- metadata ------------------------------------------------------- */

static const char *
skip_admin_name (const char *p,
                 char      **name)
{
  /* Words of a plan's subject, never of a place ("生态文明示范区"). */
  static const char *const not_places[] = {
    "生态", "环境", "示范", "保护", "建设", "规划", "产业", "工业", "发展", "文明", NULL
  };
  /* 重庆市, 江津区, 大渡口区, 石柱土家族自治县: 2–9 characters ending in 市/区/县/旗. */
  const char *q = p;

  for (guint n = 0; n < 9 && *q != '\0'; n++)
    {
      gunichar c = g_utf8_get_char (q);

      if (!g_unichar_isalpha (c) || c < 0x3400)
        break;
      q = g_utf8_next_char (q);
      if (n >= 1 && (c == 0x5E02 || c == 0x533A || c == 0x53BF || c == 0x65D7))   /* 市 区 县 旗 */
        {
          for (guint k = 0; not_places[k] != NULL; k++)
            if (g_strstr_len (p, q - p, not_places[k]) != NULL)
              return NULL;
          *name = g_strndup (p, q - p);
          return q;
        }
    }
  return NULL;
}

static void
set_region (QsPlan     *plan,
            const char *title)
{
  const char *p = title;
  g_autofree char *region = NULL;

  /* The most specific of the leading administrative names. */
  for (guint guard = 0; guard < 3; guard++)
    {
      char *name = NULL;
      const char *after = skip_admin_name (p, &name);

      if (after == NULL)
        break;
      g_free (region);
      region = name;
      p = after;
    }
  if (region == NULL)
    return;
  qs_plan_set_region (plan, region);
  if (g_str_has_suffix (region, "市"))
    qs_plan_set_level (plan, QS_PLAN_LEVEL_MUNICIPAL);
  else if (g_str_has_suffix (region, "县") || g_str_has_suffix (region, "旗"))
    qs_plan_set_level (plan, QS_PLAN_LEVEL_COUNTY);
  else
    qs_plan_set_level (plan, QS_PLAN_LEVEL_DISTRICT);
}

/* “十四五” is 2021–2025: the sixth plan began in 1981, one every five years. */
static gboolean
period_of_plan_number (const char *text,
                       int        *start,
                       int        *end)
{
  static const char *const units[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", NULL };

  for (const char *p = strstr (text, "十"); p != NULL; p = strstr (p + strlen ("十"), "十"))
    {
      const char *q = p + strlen ("十");

      for (guint u = 0; units[u] != NULL; u++)
        if (g_str_has_prefix (q, units[u]) && g_str_has_prefix (q + strlen (units[u]), "五") &&
            !g_str_has_prefix (q + strlen (units[u]) + strlen ("五"), "年"))
          {
            int n = 10 + (int) u + 1;

            *start = 1981 + 5 * (n - 6);
            *end = *start + 4;
            return TRUE;
          }
    }
  return FALSE;
}

/* "(2021—2025 年)", "2016-2020年" */
static gboolean
period_of_years (const char *text,
                 int        *start,
                 int        *end)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *q;
      int a;
      int b;

      if (!(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
            g_ascii_isdigit (p[3])) || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      a = (int) g_ascii_strtoll (p, NULL, 10);
      q = p + 4;
      while (*q == ' ')
        q++;
      if (*q == '-' || *q == '~')
        q++;
      else if (g_str_has_prefix (q, "—") || g_str_has_prefix (q, "－") || g_str_has_prefix (q, "–") ||
               g_str_has_prefix (q, "～") || g_str_has_prefix (q, "―"))
        q = g_utf8_next_char (q);
      else
        continue;
      while (*q == ' ')
        q++;
      if (!(g_ascii_isdigit (q[0]) && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) &&
            g_ascii_isdigit (q[3])))
        continue;
      b = (int) g_ascii_strtoll (q, NULL, 10);
      if (a >= 1980 && a <= 2100 && b == a + 4)
        {
          *start = a;
          *end = b;
          return TRUE;
        }
    }
  return FALSE;
}

static int
cn_year (const char *p,
         const char *end)
{
  int year = 0;
  guint n = 0;

  while (p < end && n < 4)
    {
      const char *after = NULL;
      int digit = qs_import_parse_number (p, g_utf8_next_char (p), &after);

      if (digit < 0 || digit > 9)
        return -1;
      year = year * 10 + digit;
      p = after;
      n++;
    }
  return n == 4 ? year : -1;
}

/* "二〇三五年远景目标" or "2035年远景目标" anywhere in the plan. */
static int
find_vision_year (QsImportText *text)
{
  for (guint i = 0; i < text->n_lines; i++)
    {
      QsImportLine *line = &text->lines[i];
      const char *p = line->text;
      const char *end = line->text + line->len;

      while ((p = g_strstr_len (p, end - p, "年远景目标")) != NULL)
        {
          const char *start = p;
          int year;

          /* Four characters back: four CJK numerals or four digits. */
          if (start - line->text >= 4 && g_ascii_isdigit (start[-1]))
            {
              year = (int) g_ascii_strtoll (start - 4, NULL, 10);
              if (year >= 2000 && year <= 2100)
                return year;
            }
          for (guint k = 0; k < 4 && start > line->text; k++)
            start = g_utf8_prev_char (start);
          year = cn_year (start, p);
          if (year >= 2000 && year <= 2100)
            return year;
          p += strlen ("年远景目标");
        }
    }
  return 0;
}

/* 《…规划…》 in the front matter, preferring the one the plan says it makes. */
static char *
find_quoted_title (QsImportText *text,
                   guint         limit,
                   guint        *lineno)
{
  g_autofree char *fallback = NULL;
  guint fallback_line = 0;

  for (guint i = 0; i < text->n_lines && i < limit; i++)
    {
      QsImportLine *line = &text->lines[i];
      const char *p = line->text;
      const char *end = line->text + MIN (line->len, 64 * 1024);

      while ((p = g_strstr_len (p, end - p, "《")) != NULL)
        {
          const char *open = p + strlen ("《");
          const char *close = g_strstr_len (open, MIN (end - open, 300), "》");
          gboolean own;

          if (close == NULL)
            break;
          own = (p - line->text >= 6 && (memcmp (p - 6, "制定", 6) == 0 || memcmp (p - 6, "编制", 6) == 0 ||
                                         memcmp (p - 6, "印发", 6) == 0));
          if (g_strstr_len (open, close - open, "规划") != NULL)
            {
              if (own)
                {
                  *lineno = line->lineno;
                  return g_strndup (open, close - open);
                }
              if (fallback == NULL)
                {
                  fallback = g_strndup (open, close - open);
                  fallback_line = line->lineno;
                }
            }
          p = close;
        }
    }
  *lineno = fallback_line;
  return g_steal_pointer (&fallback);
}

static guint
first_chapter_index (QsImportText *text)
{
  for (guint i = 0; i < text->n_lines; i++)
    {
      QsImportHeading heading;
      gboolean chapter = FALSE;

      if (text->lines[i].flags & (QS_IMPORT_LINE_BLANK | QS_IMPORT_LINE_LONG | QS_IMPORT_LINE_HAS_TAB))
        continue;
      if (qs_import_heading_parse (text->lines[i].text, text->lines[i].len, &heading))
        chapter = heading.kind == QS_IMPORT_HEADING_CHAPTER ||
                  (heading.kind == QS_IMPORT_HEADING_ENUM && heading.number == 1);
      qs_import_heading_clear (&heading);
      if (chapter)
        return i;
    }
  return text->n_lines;
}

static void
set_metadata (Importer *im)
{
  g_autofree char *title = NULL;
  int start = 0;
  int end = 0;
  int vision;

  if (im->title != NULL)
    title = g_strdup (im->title);
  if (title == NULL)
    {
      /* The cover notice names the plan: 关于印发《X》的通知 (a web page's
       * "• 文件标题 …关于印发X的通知" names it too). */
      for (guint i = 0; i < im->text->n_lines && i < 200 && title == NULL; i++)
        {
          QsImportLine *line = &im->text->lines[i];

          if (!(line->flags & (QS_IMPORT_LINE_BLANK | QS_IMPORT_LINE_LONG)) &&
              qs_import_is_notice_title (line->text, line->len, &title))
            im->title_line = line->lineno;
        }
      if (title != NULL)
        qs_import_report_add_recognised (im->report, im->title_line, "标题（取自印发通知）：%s", title);
    }
  if (title == NULL)
    {
      title = find_quoted_title (im->text, first_chapter_index (im->text), &im->title_line);
      if (title != NULL)
        qs_import_report_add_recognised (im->report, im->title_line, "标题（取自前言中的书名号）：%s", title);
    }
  if (title == NULL)
    qs_import_report_add_doubt (im->report, 1, "找不到规划的标题");

  qs_plan_set_title (im->plan, title ? title : "");
  if (title != NULL)
    {
      set_region (im->plan, title);
      if (qs_plan_get_region (im->plan) == NULL)
        qs_import_report_add_doubt (im->report, im->title_line ? im->title_line : 1,
                                    "标题中找不到区县或城市名称");
      if (period_of_years (title, &start, &end) || period_of_plan_number (title, &start, &end))
        qs_plan_set_period (im->plan, start, end);
    }
  if (start == 0)
    {
      /* The cover: "(2021—2025 年)" near the title. */
      guint limit = first_chapter_index (im->text);

      for (guint i = 0; i < limit && i < 100; i++)
        if (!(im->text->lines[i].flags & QS_IMPORT_LINE_LONG) &&
            g_utf8_strlen (im->text->lines[i].text, -1) <= 40 &&
            period_of_years (im->text->lines[i].text, &start, &end))
          {
            qs_plan_set_period (im->plan, start, end);
            break;
          }
      if (start == 0)
        qs_import_report_add_doubt (im->report, im->title_line ? im->title_line : 1,
                                    "找不到规划期（如“十四五”或“2021—2025年”）");
    }
  vision = find_vision_year (im->text);
  if (vision > 0)
    qs_plan_set_vision_year (im->plan, vision);

  {
    g_autofree char *period = qs_plan_dup_period_string (im->plan);

    qs_import_report_add_summary (im->report, "标题：%s", title ? title : "（未找到）");
    qs_import_report_add_summary (im->report, "地区：%s（%s）",
                                  qs_plan_get_region (im->plan) ? qs_plan_get_region (im->plan) : "（未找到）",
                                  qs_plan_level_to_string (qs_plan_get_level (im->plan)));
    qs_import_report_add_summary (im->report, "规划期：%s", period ? period : "（未找到）");
    if (vision > 0)
      qs_import_report_add_summary (im->report, "远景年：%d", vision);
  }
}

static void
add_counts (Importer *im)
{
  GListModel *chapters = G_LIST_MODEL (qs_plan_get_chapters (im->plan));
  g_autoptr(GPtrArray) indicator_tables = qs_plan_collect_indicator_tables (im->plan);
  g_autoptr(GPtrArray) task_tables = qs_plan_collect_task_tables (im->plan);
  guint n_sections = 0;
  guint n_rows = 0;

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(QsSection) chapter = g_list_model_get_item (chapters, i);

      n_sections += g_list_model_get_n_items (G_LIST_MODEL (qs_section_get_children (chapter)));
    }
  for (guint i = 0; i < indicator_tables->len; i++)
    n_rows += g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (g_ptr_array_index (indicator_tables, i))));
  qs_import_report_add_summary (im->report, "共%u章、%u节；%u张指标表（%u行）；%u个专栏或项目表；%u条名词解释",
                                g_list_model_get_n_items (chapters), n_sections,
                                indicator_tables->len, n_rows, task_tables->len,
                                g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_glossary (im->plan))));
}

/* An imported plan links its indicator rows to the catalog without help,
 * and the history its prose states is offered as suggestions the user
 * accepts later (QsYearValue accepted = FALSE, with the source sentence). */
/* The built-in catalog is parsed once per process: importing is often done
 * in bulk (a reviewer's 38 plans, a fuzzer's millions of inputs) and the
 * importer only reads the catalog, never changes it. */
static QsCatalog *
builtin_catalog (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  static GError *load_error;

  g_once (&once, (GThreadFunc) qs_catalog_new_default, &load_error);
  if (once.retval == NULL)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return NULL;
    }
  return g_object_ref (once.retval);
}

static void
link_and_suggest (QsPlan         *plan,
                  QsImportReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsCatalog) catalog = builtin_catalog (&error);
  g_autoptr(GPtrArray) unlinked = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  guint linked;

  if (catalog == NULL)
    {
      qs_import_report_add_summary (report, "指标目录无法载入，未自动关联指标：%s", error->message);
      return;
    }

  linked = qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, &unlinked);
  qs_import_report_add_summary (report, "已关联指标目录 %u 行，未关联 %u 行", linked,
                                unlinked != NULL ? unlinked->len : 0);
  for (guint i = 0; unlinked != NULL && i < unlinked->len; i++)
    qs_import_report_add_summary (report, "未关联指标：%s",
                                  qs_indicator_row_get_name (g_ptr_array_index (unlinked, i)));

  suggestions = qs_history_extract (plan, catalog);
  for (guint i = 0; i < suggestions->len; i++)
    g_list_store_append (qs_plan_get_year_values (plan), g_ptr_array_index (suggestions, i));
  if (suggestions->len > 0)
    qs_import_report_add_summary (report, "正文中找到 %u 个历年数值，作为建议待确认", suggestions->len);
}

/**
 * qs_import_text_data:
 * @data: the file's bytes
 * @length: their length
 * @name_for_errors: the file name used in messages, or %NULL
 * @report: (out) (optional) (transfer full): what was recognised and doubted
 * @error: return location for a #GError (QS_IMPORT_ERROR)
 *
 * Returns: (transfer full): the plan rebuilt from the text, or %NULL.
 */
QsPlan *
qs_import_text_data (const char      *data,
                     gsize            length,
                     const char      *name_for_errors,
                     QsImportReport **report,
                     GError         **error)
{
  g_autoptr(QsImportText) text = NULL;
  g_autoptr(QsImportReport) new_report = NULL;
  g_autoptr(QsPlan) plan = NULL;
  Importer im = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = qs_import_text_new (data, length, name_for_errors, error);
  if (text == NULL)
    return NULL;

  new_report = qs_import_report_new ();
  qs_import_report_set_encoding (new_report, text->encoding);
  plan = qs_plan_new ();

  im.text = text;
  im.report = new_report;
  im.plan = plan;
  im.chapter_family = detect_chapter_family (text);
  im.toc_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.dense = detect_dense (text);

  for (guint i = 0; i < text->n_lines; i++)
    {
      QsImportLine *line = &text->lines[i];

      if (line->flags & QS_IMPORT_LINE_BLANK)
        {
          if (im.dense)
            flush_paragraph (&im);
          continue;
        }
      handle_line (&im, &i);
    }
  flush_paragraph (&im);

  set_metadata (&im);
  add_counts (&im);
  link_and_suggest (plan, new_report);
  if (text->n_junk > 0)
    qs_import_report_add_summary (new_report, "已删除 Word/PDF 残留标记 %u 处（书签、脚注锚点、页码行）",
                                  text->n_junk);
  importer_clear (&im);

  if (report != NULL)
    *report = g_steal_pointer (&new_report);
  return g_steal_pointer (&plan);
}

/**
 * qs_import_text_file:
 * @path: a plain-text plan
 * @report: (out) (optional) (transfer full): what was recognised and doubted
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plan rebuilt from the file, or %NULL.
 */
QsPlan *
qs_import_text_file (const char      *path,
                     QsImportReport **report,
                     GError         **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_IO, "%s: %s", name, g_strerror (saved_errno));
      return NULL;
    }
  /* A regular file too large is refused unread; a pipe has no size, so
   * reading stops at the cap. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > QS_IMPORT_MAX_SIZE)
    {
      g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GUINT64_FORMAT " MiB; plans over %d MiB are refused",
                   name, (guint64) st.st_size / (1024 * 1024), QS_IMPORT_MAX_SIZE / (1024 * 1024));
      close (fd);
      return NULL;
    }

  data = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_IO, "%s: %s", name, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
      if (data->len > QS_IMPORT_MAX_SIZE)
        {
          g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_TOO_LARGE,
                       "%s: more than %d MiB of text; plans over %d MiB are refused",
                       name, QS_IMPORT_MAX_SIZE / (1024 * 1024), QS_IMPORT_MAX_SIZE / (1024 * 1024));
          close (fd);
          return NULL;
        }
    }
  close (fd);

  return qs_import_text_data ((const char *) data->data, data->len, name, report, error);
}
