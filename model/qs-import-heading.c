/* qs-import-heading.c: recognising headings, captions and contents lines.
 *
 * The forms plans use: 第一章 / 第一节 (with any white space after the
 * numbering), 一、 and （一） or (一), front and back matter names written
 * with spaces between the characters ("前  言"), captions "表2-1 …",
 * "专栏 3 …", and table-of-contents lines ending in a page number.
 * Headings are short and never end a sentence: a line with "。" in its title
 * is prose, however it starts.
 */
#define G_LOG_DOMAIN "qs-import-heading"

#include "config.h"

#include <string.h>

#include "qs-import-heading.h"
#include "qs-import-text.h"
#include "qs-types.h"

#define MAX_HEADING_BYTES 300
#define MAX_TITLE_CHARS   80
#define MAX_ENUM_TITLE    60

static gboolean
has_prefix_at (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static int
cn_digit (gunichar c)
{
  switch (c)
    {
    case 0x96F6: /* 零 */
    case 0x3007: /* 〇 */
    case 0x25CB: /* ○ */
      return 0;
    case 0x4E00: return 1;  /* 一 */
    case 0x4E8C: return 2;  /* 二 */
    case 0x4E24: return 2;  /* 两 */
    case 0x4E09: return 3;  /* 三 */
    case 0x56DB: return 4;  /* 四 */
    case 0x4E94: return 5;  /* 五 */
    case 0x516D: return 6;  /* 六 */
    case 0x4E03: return 7;  /* 七 */
    case 0x516B: return 8;  /* 八 */
    case 0x4E5D: return 9;  /* 九 */
    default: return -1;
    }
}

int
qs_import_parse_number (const char  *p,
                        const char  *end,
                        const char **after)
{
  int total = 0;
  int current = 0;
  guint n = 0;

  if (p < end && g_ascii_isdigit (*p))
    {
      while (p < end && g_ascii_isdigit (*p) && n < 4)
        {
          total = total * 10 + (*p - '0');
          p++;
          n++;
        }
      if (p < end && g_ascii_isdigit (*p))
        return -1;
      *after = p;
      return total;
    }

  while (p < end && n < 8)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      int d;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      d = cn_digit (c);
      if (d >= 0)
        current = d;
      else if (c == 0x5341)   /* 十 */
        {
          total += (current == 0 ? 1 : current) * 10;
          current = 0;
        }
      else if (c == 0x767E)   /* 百 */
        {
          total += current * 100;
          current = 0;
        }
      else
        break;
      p = g_utf8_next_char (p);
      n++;
    }
  if (n == 0)
    return -1;
  *after = p;
  return total + current;
}

void
qs_import_heading_clear (QsImportHeading *heading)
{
  g_clear_pointer (&heading->label, g_free);
  g_clear_pointer (&heading->title, g_free);
  heading->kind = QS_IMPORT_HEADING_NONE;
  heading->number = 0;
}

static gboolean
ends_with_any (const char  *start,
               const char  *end,
               const char *const *suffixes)
{
  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      gsize n = strlen (suffixes[i]);

      if ((gsize) (end - start) >= n && memcmp (end - n, suffixes[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
title_ok (const char *start,
          const char *end,
          guint       max_chars,
          gboolean    allow_empty)
{
  static const char *const bad_ends[] = { "，", ",", "；", ";", "：", ":", "、", NULL };

  if (start == end)
    return allow_empty;
  if (g_utf8_strlen (start, end - start) > (glong) max_chars)
    return FALSE;
  if (g_strstr_len (start, end - start, "。") != NULL)
    return FALSE;
  return !ends_with_any (start, end, bad_ends);
}

static void
set_heading (QsImportHeading     *heading,
             QsImportHeadingKind  kind,
             int                  number,
             const char          *label_start,
             const char          *label_end,
             const char          *title_start,
             const char          *title_end)
{
  qs_import_trim_range (&title_start, &title_end);
  heading->kind = kind;
  heading->number = number;
  heading->label = g_strndup (label_start, label_end - label_start);
  heading->title = g_strndup (title_start, title_end - title_start);
}

/* 前言, 目录 … written with or without spaces between the characters. */
static gboolean
parse_matter (const char      *start,
              const char      *end,
              QsImportHeading *heading)
{
  static const char *const front[] = { "前言", "目录", "目次", "序言", "引言", NULL };
  static const char *const back[] = { "名词解释", "术语解释", "附录", "后记", "附：名词解释", NULL };
  g_autofree char *raw = NULL;
  g_autofree char *flat = NULL;

  if (end - start > 60)
    return FALSE;
  raw = g_strndup (start, end - start);
  flat = qs_text_strip_spaces (raw);
  for (guint i = 0; front[i] != NULL; i++)
    if (strcmp (flat, front[i]) == 0)
      {
        heading->kind = QS_IMPORT_HEADING_FRONT;
        heading->label = g_strndup (start, end - start);
        heading->title = g_strdup (front[i]);
        return TRUE;
      }
  for (guint i = 0; back[i] != NULL; i++)
    if (strcmp (flat, back[i]) == 0)
      {
        heading->kind = QS_IMPORT_HEADING_BACK;
        heading->label = g_strndup (start, end - start);
        heading->title = g_strdup (g_str_has_prefix (back[i], "附：") ? back[i] + strlen ("附：") : back[i]);
        return TRUE;
      }
  /* 附件, 附件1, 附件：… as the title of an annex. */
  if (g_str_has_prefix (flat, "附件") && g_utf8_strlen (flat, -1) <= 30 &&
      strstr (flat, "。") == NULL)
    {
      const char *rest = flat + strlen ("附件");

      while (g_ascii_isdigit (*rest))
        rest++;
      if (*rest == '\0' || g_str_has_prefix (rest, "：") || g_str_has_prefix (rest, ":"))
        {
          heading->kind = QS_IMPORT_HEADING_BACK;
          heading->label = g_strndup (start, end - start);
          heading->title = g_strndup (start, end - start);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_caption (const char      *start,
               const char      *end,
               QsImportHeading *heading)
{
  static const char *const prefixes[] = { "附表", "专栏", "表", NULL };
  const char *p = NULL;
  const char *num_start;
  const char *num_end;
  const char *prefix = NULL;
  g_autoptr(GString) label = NULL;
  gsize n;

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (has_prefix_at (start, end, prefixes[i]))
      {
        prefix = prefixes[i];
        p = start + strlen (prefix);
        break;
      }
  if (prefix == NULL)
    return FALSE;

  while (p < end && qs_import_is_space_at (p, &n) && n == 1 && *p == ' ')
    p++;
  num_start = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  if (p == num_start || p - num_start > 3)
    return FALSE;
  /* 表2-1, 表2.1, 表2－1 */
  if (p < end && (*p == '-' || *p == '.' || has_prefix_at (p, end, "－") || has_prefix_at (p, end, "．")))
    {
      const char *q = p + ((*p == '-' || *p == '.') ? 1 : strlen ("－"));

      if (q < end && g_ascii_isdigit (*q))
        {
          p = q;
          while (p < end && g_ascii_isdigit (*p))
            p++;
        }
    }
  num_end = p;
  /* The caption's text follows after white space or at once, but never a
   * digit or sentence punctuation ("表1中…", "专栏3，…" are prose). */
  if (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isdigit (c) ||
          c == 0xFF0C || c == ',' || c == 0x3002 || c == 0x3001 || c == 0x4E2D /* 中 */ ||
          c == 0x6240 /* 所 */ || c == 0x663E /* 显 */ || c == 0x4E3A /* 为 */ || c == 0x662F /* 是 */)
        return FALSE;
    }
  if (!title_ok (num_end, end, MAX_TITLE_CHARS, TRUE))
    return FALSE;

  label = g_string_new (prefix);
  for (const char *q = num_start; q < num_end; q++)
    g_string_append_c (label, *q);
  heading->kind = QS_IMPORT_HEADING_CAPTION;
  heading->number = (int) g_ascii_strtoll (num_start, NULL, 10);
  heading->label = g_string_free (g_steal_pointer (&label), FALSE);
  {
    const char *t = num_end;
    const char *e = end;

    qs_import_trim_range (&t, &e);
    heading->title = g_strndup (t, e - t);
  }
  return TRUE;
}

gboolean
qs_import_heading_parse (const char      *text,
                         gsize            len,
                         QsImportHeading *heading)
{
  const char *start = text;
  const char *end = text + len;
  const char *p;
  int number;

  memset (heading, 0, sizeof *heading);
  qs_import_trim_range (&start, &end);
  if (start == end || end - start > MAX_HEADING_BYTES)
    return FALSE;

  /* 第一章 / 第一节 */
  if (has_prefix_at (start, end, "第"))
    {
      number = qs_import_parse_number (start + strlen ("第"), end, &p);
      if (number > 0 && (has_prefix_at (p, end, "章") || has_prefix_at (p, end, "节")))
        {
          gboolean chapter = has_prefix_at (p, end, "章");
          const char *label_end = p + strlen ("章");

          /* A title may end in "，": the heading goes on on the next line. */
          if (g_utf8_strlen (label_end, end - label_end) <= MAX_TITLE_CHARS &&
              g_strstr_len (label_end, end - label_end, "。") == NULL &&
              !qs_import_is_toc_entry (start, end - start, NULL))
            {
              set_heading (heading, chapter ? QS_IMPORT_HEADING_CHAPTER : QS_IMPORT_HEADING_SECTION,
                           number, start, label_end, label_end, end);
              return TRUE;
            }
          return FALSE;
        }
    }

  /* 一、… */
  number = qs_import_parse_number (start, end, &p);
  if (number > 0 && !g_ascii_isdigit (*start) &&
      (has_prefix_at (p, end, "、") || has_prefix_at (p, end, "．")))
    {
      const char *label_end = p + strlen ("、");

      if (label_end < end && title_ok (label_end, end, MAX_ENUM_TITLE, FALSE))
        {
          set_heading (heading, QS_IMPORT_HEADING_ENUM, number, start, label_end, label_end, end);
          return TRUE;
        }
      return FALSE;
    }

  /* （一）… or (一)… */
  if (has_prefix_at (start, end, "（") || *start == '(')
    {
      const char *q = start + (*start == '(' ? 1 : strlen ("（"));

      number = qs_import_parse_number (q, end, &p);
      if (number > 0 && !g_ascii_isdigit (*q) &&
          (has_prefix_at (p, end, "）") || (p < end && *p == ')')))
        {
          const char *label_end = p + (*p == ')' ? 1 : strlen ("）"));

          if (label_end < end && title_ok (label_end, end, MAX_ENUM_TITLE, FALSE))
            {
              set_heading (heading, QS_IMPORT_HEADING_PAREN, number, start, label_end, label_end, end);
              return TRUE;
            }
        }
      return FALSE;
    }

  if (parse_caption (start, end, heading))
    return TRUE;
  return parse_matter (start, end, heading);
}

gboolean
qs_import_is_toc_entry (const char  *text,
                        gsize        len,
                        char       **entry)
{
  const char *start = text;
  const char *end = text + len;
  const char *p;
  const char *digits_end;
  gboolean paren = FALSE;
  gboolean leader = FALSE;

  qs_import_trim_range (&start, &end);
  if (start == end || end - start > MAX_HEADING_BYTES)
    return FALSE;

  p = end;
  if (p[-1] == ')' || ends_with_any (start, p, (const char *const[]) { "）", NULL }))
    {
      paren = TRUE;
      p -= p[-1] == ')' ? 1 : strlen ("）");
    }
  digits_end = p;
  while (p > start && g_ascii_isdigit (p[-1]))
    p--;
  if (p == digits_end || digits_end - p > 4)
    return FALSE;
  if (paren)
    {
      if (p > start && p[-1] == '(')
        p--;
      else if (p - start >= 3 && memcmp (p - 3, "（", 3) == 0)
        p -= 3;
      else
        return FALSE;
    }

  /* What separates the entry from its page: a TAB, spaces, or a leader of
   * dots (……, ....., ·····). */
  {
    const char *q = p;

    while (q > start)
      {
        if (q[-1] == '\t')
          {
            leader = TRUE;
            q--;
          }
        else if (q[-1] == '.' )
          {
            leader = TRUE;
            q--;
          }
        else if (q - start >= 3 && (memcmp (q - 3, "…", 3) == 0 || memcmp (q - 3, "⋯", 3) == 0))
          {
            leader = TRUE;
            q -= 3;
          }
        else if (q - start >= 2 && memcmp (q - 2, "·", 2) == 0)
          {
            leader = TRUE;
            q -= 2;
          }
        else if (q[-1] == ' ')
          q--;
        else
          break;
      }
    /* A number after a plain space is prose ("…达 95") unless bracketed. */
    if (q == p || q == start || (!leader && !paren))
      return FALSE;
    if (g_strstr_len (start, q - start, "。") != NULL)
      return FALSE;
    if (entry != NULL)
      {
        const char *e = q;
        const char *s = start;

        qs_import_trim_range (&s, &e);
        *entry = g_strndup (s, e - s);
      }
  }
  return TRUE;
}

gboolean
qs_import_is_notice_title (const char  *text,
                           gsize        len,
                           char       **quoted)
{
  const char *start = text;
  const char *end = text + len;
  const char *open;
  const char *close;

  qs_import_trim_range (&start, &end);
  if (start == end || end - start > MAX_HEADING_BYTES)
    return FALSE;
  if (!ends_with_any (start, end, (const char *const[]) { "的通知", NULL }))
    return FALSE;
  open = g_strstr_len (start, end - start, "关于印发");
  if (open == NULL)
    return FALSE;
  open += strlen ("关于印发");
  close = end - strlen ("的通知");
  if (close <= open)
    return FALSE;
  if (quoted != NULL)
    {
      const char *s = open;
      const char *e = close;

      if (has_prefix_at (s, e, "《") && ends_with_any (s, e, (const char *const[]) { "》", NULL }))
        {
          s += strlen ("《");
          e -= strlen ("》");
        }
      *quoted = g_strndup (s, e - s);
    }
  return TRUE;
}
