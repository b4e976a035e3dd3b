/* qs-import-text.c: the importer's line reader.
 *
 * Decodes the file (UTF-8 with or without BOM, UTF-16 with BOM, else
 * GB18030, of which GBK is a subset), splits it into lines and removes the
 * junk that Word, PDF and web exports leave behind.  Exactly this is
 * removed, nothing else:
 *   - Word bookmark tags "[bookmark: _Toc123]" anywhere in a line (at most
 *     240 bytes between "[bookmark:" and "]");
 *   - Word footnote anchors "[footnoteRef:0]" (the same; the footnote text
 *     itself, "[0: …]", stays in the prose);
 *   - lines holding only a page number: "- 12 -", "—3—", "第 12 页",
 *     "第 3 页 共 58 页";
 *   - a UTF-8 byte order mark and the CR of CRLF line ends (a file whose
 *     lines end in CR alone has them read as line ends).
 * Every pass is linear in the size of the input.
 */
#define G_LOG_DOMAIN "qs-import-text"

#include "config.h"

#include <string.h>

#include "qs-import-text.h"
#include "qs-importer.h"

gboolean
qs_import_is_space_at (const char *p,
                       gsize      *char_len)
{
  const guchar *u = (const guchar *) p;

  if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\f' || *u == '\v')
    {
      *char_len = 1;
      return TRUE;
    }
  if (u[0] == 0xC2 && u[1] == 0xA0)   /* U+00A0 */
    {
      *char_len = 2;
      return TRUE;
    }
  if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x80 && u[2] <= 0x8B)   /* U+2000–U+200B */
    {
      *char_len = 3;
      return TRUE;
    }
  if ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) ||   /* U+3000 */
      (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF))     /* U+FEFF */
    {
      *char_len = 3;
      return TRUE;
    }
  return FALSE;
}

void
qs_import_trim_range (const char **start,
                      const char **end)
{
  const char *s = *start;
  const char *e = *end;
  gsize n;

  while (s < e && qs_import_is_space_at (s, &n) && s + n <= e)
    s += n;
  /* Walking back: a space ends at e, so look at the last 1–3 bytes. */
  for (;;)
    {
      if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
                    e[-1] == '\f' || e[-1] == '\v'))
        e--;
      else if (e - s >= 2 && qs_import_is_space_at (e - 2, &n) && n == 2)
        e -= 2;
      else if (e - s >= 3 && qs_import_is_space_at (e - 3, &n) && n == 3)
        e -= 3;
      else
        break;
    }
  *start = s;
  *end = e;
}

char *
qs_import_strip (const char *text,
                 gssize      len)
{
  const char *start = text;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = text + (len < 0 ? strlen (text) : (gsize) len);
  qs_import_trim_range (&start, &end);
  return g_strndup (start, end - start);
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static void
set_encoding_error (GError    **error,
                    const char *name,
                    const char *data,
                    gsize       length,
                    gsize       offset)
{
  guint line = line_of_offset (data, MIN (offset, length));
  gsize line_start = offset;

  while (line_start > 0 && data[line_start - 1] != '\n')
    line_start--;
  g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_ENCODING,
               "%s:%u: byte 0x%02X at byte %" G_GSIZE_FORMAT " of the line (offset %" G_GSIZE_FORMAT
               " in the file) is neither UTF-8 nor GB18030/GBK text; save the file as UTF-8 and try again",
               name, line, offset < length ? (guchar) data[offset] : 0,
               offset - line_start + 1, offset);
}

/* Returns the decoded text (owned by the caller) or NULL with @error set. */
static char *
decode (const char   *data,
        gsize         length,
        const char   *name,
        const char  **encoding,
        gsize        *out_length,
        GError      **error)
{
  const char *end = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;
  char *converted;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      /* A BOM says UTF-8: do not guess further. */
      if (!g_utf8_validate_len (data + 3, length - 3, &end))
        {
          set_encoding_error (error, name, data, length, end - data);
          return NULL;
        }
      *encoding = "UTF-8";
      *out_length = length - 3;
      return g_strndup (data + 3, length - 3);
    }

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      converted = g_convert (data, length, "UTF-8", "UTF-16", &bytes_read, &bytes_written, &local_error);
      if (converted == NULL || memchr (converted, '\0', bytes_written) != NULL)
        {
          g_free (converted);
          g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_ENCODING,
                       "%s: the file starts like UTF-16 text but byte %" G_GSIZE_FORMAT
                       " cannot be read; save the file as UTF-8 and try again",
                       name, bytes_read);
          return NULL;
        }
      *encoding = "UTF-16";
      *out_length = bytes_written;
      return converted;
    }

  if (g_utf8_validate_len (data, length, &end))
    {
      *encoding = "UTF-8";
      *out_length = length;
      return g_strndup (data, length);
    }

  converted = g_convert (data, length, "UTF-8", "GB18030", &bytes_read, &bytes_written, &local_error);
  if (converted != NULL && memchr (converted, '\0', bytes_written) == NULL)
    {
      *encoding = "GB18030";
      *out_length = bytes_written;
      return converted;
    }
  g_free (converted);

  {
    gsize utf8_bad = end - data;
    gsize gb_bad = bytes_read;
    gboolean utf8_prefix = FALSE;

    /* When the text was valid UTF-8 with Chinese in it up to the bad byte,
     * that byte is the one to show; otherwise the GB18030 reading failed
     * first where it says (or at a NUL byte: binary data). */
    for (gsize i = 0; i < utf8_bad; i++)
      if ((guchar) data[i] >= 0x80)
        {
          utf8_prefix = TRUE;
          break;
        }
    if (local_error == NULL)
      {
        const char *nul = memchr (data, '\0', length);
        gb_bad = nul ? (gsize) (nul - data) : utf8_bad;
      }
    set_encoding_error (error, name, data, length, utf8_prefix ? utf8_bad : gb_bad);
  }
  return NULL;
}

static gboolean
has_prefix_at (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

/* Removes bookmark tags and footnote anchors in place; returns the new length. */
static gsize
remove_tags (char   *line,
             gsize   len,
             guint  *n_removed)
{
  const char *end = line + len;
  const char *r = line;
  char *w = line;

  while (r < end)
    {
      if (*r == '[' &&
          (has_prefix_at (r, end, "[bookmark:") || has_prefix_at (r, end, "[footnoteRef:")))
        {
          /* Tags are short: at most 240 bytes inside, so a "[" with no "]"
           * soon after is text (and the scan stays linear). */
          const char *inner = r + (r[1] == 'b' ? strlen ("[bookmark:") : strlen ("[footnoteRef:"));
          const char *close = memchr (inner, ']', MIN ((gsize) (end - inner), 241));

          if (close != NULL)
            {
              r = close + 1;
              (*n_removed)++;
              continue;
            }
        }
      *w++ = *r++;
    }
  *w = '\0';
  return w - line;
}

static gboolean
is_dash_char (const char **p,
              const char  *end)
{
  static const char *const dashes[] = { "-", "－", "—", "–", "─", "―" };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if (has_prefix_at (*p, end, dashes[i]))
      {
        *p += strlen (dashes[i]);
        return TRUE;
      }
  return FALSE;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  gsize n;

  while (p < end && qs_import_is_space_at (p, &n))
    p += n;
  return p;
}

static const char *
skip_digits (const char *p,
             const char *end,
             guint      *count)
{
  *count = 0;
  while (p < end && g_ascii_isdigit (*p))
    {
      p++;
      (*count)++;
    }
  return p;
}

/* "- 12 -", "—3—", "第 12 页", "第 3 页 共 58 页" */
static gboolean
is_page_number_line (const char *line,
                     gsize       len)
{
  const char *p = line;
  const char *end = line + len;
  guint digits;

  qs_import_trim_range (&p, &end);
  if (p == end || end - p > 40)
    return FALSE;

  if (is_dash_char (&p, end))
    {
      p = skip_spaces (p, end);
      p = skip_digits (p, end, &digits);
      if (digits == 0 || digits > 4)
        return FALSE;
      p = skip_spaces (p, end);
      return is_dash_char (&p, end) && skip_spaces (p, end) == end;
    }

  if (has_prefix_at (p, end, "第"))
    {
      p = skip_spaces (p + strlen ("第"), end);
      p = skip_digits (p, end, &digits);
      if (digits == 0 || digits > 4)
        return FALSE;
      p = skip_spaces (p, end);
      if (!has_prefix_at (p, end, "页"))
        return FALSE;
      p = skip_spaces (p + strlen ("页"), end);
      if (p == end)
        return TRUE;
      if (has_prefix_at (p, end, "，") || has_prefix_at (p, end, ","))
        p = skip_spaces (p + (*p == ',' ? 1 : strlen ("，")), end);
      if (!has_prefix_at (p, end, "共"))
        return FALSE;
      p = skip_spaces (p + strlen ("共"), end);
      p = skip_digits (p, end, &digits);
      if (digits == 0 || digits > 4)
        return FALSE;
      p = skip_spaces (p, end);
      return has_prefix_at (p, end, "页") && skip_spaces (p + strlen ("页"), end) == end;
    }
  return FALSE;
}

static guint
classify (const char *text,
          gsize       len)
{
  const char *p = text;
  const char *end = text + len;
  guint flags = 0;
  gsize n;

  if (len > QS_IMPORT_MAX_STRUCTURED_LINE)
    flags |= QS_IMPORT_LINE_LONG;
  if (len > 0 && text[0] == '\t')
    flags |= QS_IMPORT_LINE_LEAD_TAB;

  while (p < end && qs_import_is_space_at (p, &n))
    p += n;
  if (p == end && !(flags & QS_IMPORT_LINE_LEAD_TAB))
    flags |= QS_IMPORT_LINE_BLANK;
  if (p < end && memchr (p, '\t', end - p) != NULL)
    flags |= QS_IMPORT_LINE_HAS_TAB;
  return flags;
}

void
qs_import_text_free (QsImportText *text)
{
  if (text == NULL)
    return;
  g_free (text->buffer);
  g_free (text->lines);
  g_free (text);
}

/**
 * qs_import_text_new:
 *
 * Decodes @data and splits it into cleaned lines.
 *
 * Returns: (transfer full): the lines, or %NULL with @error set
 * (QS_IMPORT_ERROR_ENCODING, _TOO_LARGE, _EMPTY).
 */
QsImportText *
qs_import_text_new (const char  *data,
                    gsize        length,
                    const char  *name_for_errors,
                    GError     **error)
{
  g_autoptr(QsImportText) text = g_new0 (QsImportText, 1);
  const char *name = name_for_errors ? name_for_errors : "<input>";
  gsize decoded_length = 0;
  gboolean any_text = FALSE;
  guint n_lines = 1;
  char *p;
  char *end;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > QS_IMPORT_MAX_SIZE)
    {
      g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GSIZE_FORMAT " MiB; plans over %d MiB are refused",
                   name, length / (1024 * 1024), QS_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  text->buffer = decode (data ? data : "", length, name, &text->encoding, &decoded_length, error);
  if (text->buffer == NULL)
    return NULL;

  end = text->buffer + decoded_length;
  /* Old Mac files end their lines with CR alone. */
  if (memchr (text->buffer, '\n', decoded_length) == NULL)
    for (p = text->buffer; p < end; p++)
      if (*p == '\r')
        *p = '\n';
  for (p = text->buffer; p < end; p++)
    if (*p == '\n')
      n_lines++;
  if (n_lines > QS_IMPORT_MAX_LINES)
    {
      g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_TOO_LARGE,
                   "%s: the file has %u lines; plans over %d lines are refused",
                   name, n_lines, QS_IMPORT_MAX_LINES);
      return NULL;
    }
  text->lines = g_new0 (QsImportLine, n_lines);

  p = text->buffer;
  for (guint i = 0; i < n_lines; i++)
    {
      char *nl = memchr (p, '\n', end - p);
      char *line_end = nl ? nl : end;
      QsImportLine *line = &text->lines[i];
      guint removed = 0;
      gsize len;

      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      *line_end = '\0';
      len = remove_tags (p, line_end - p, &removed);
      line->text = p;
      line->lineno = i + 1;
      if (removed > 0)
        {
          text->n_junk += removed;
          line->flags |= QS_IMPORT_LINE_JUNK;
        }
      if (len > 0 && len <= 64 && is_page_number_line (p, len))
        {
          text->n_junk++;
          p[0] = '\0';
          len = 0;
          line->flags |= QS_IMPORT_LINE_JUNK;
        }
      line->len = len;
      line->flags |= classify (p, len);
      if (!(line->flags & QS_IMPORT_LINE_BLANK))
        any_text = TRUE;
      p = nl ? nl + 1 : end;
    }
  text->n_lines = n_lines;

  if (!any_text)
    {
      g_set_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_EMPTY,
                   "%s: the file holds no text", name);
      return NULL;
    }
  return g_steal_pointer (&text);
}
