/* qs-indicator-name.c: reading an indicator name cell. */
#define G_LOG_DOMAIN "qs-indicator-name"

#include "config.h"

#include <string.h>

#include "qs-indicator-name.h"
#include "qs-types.h"

void
qs_indicator_name_free (QsIndicatorName *name)
{
  if (name == NULL)
    return;
  g_free (name->number);
  g_free (name->indicator);
  g_free (name->unit);
  g_free (name->markers);
  g_free (name);
}

static gboolean
has_suffix_at (const char *start,
               const char *end,
               const char *suffix)
{
  gsize n = strlen (suffix);

  return (gsize) (end - start) >= n && memcmp (end - n, suffix, n) == 0;
}

/* Strips footnote markers (*, 〔n〕, ［n］) from the end of [start, *end). */
static void
strip_markers (const char  *start,
               const char **end,
               GString     *markers)
{
  for (;;)
    {
      const char *e = *end;

      while (e > start && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
      if (e > start && e[-1] == '*')
        {
          g_string_prepend_c (markers, '*');
          *end = e - 1;
          continue;
        }
      if (has_suffix_at (start, e, "〕"))
        {
          const char *open = g_strrstr_len (start, e - start, "〔");

          if (open != NULL)
            {
              g_string_prepend_len (markers, open, e - open);
              *end = open;
              continue;
            }
        }
      *end = e;
      return;
    }
}

QsIndicatorName *
qs_indicator_name_parse (const char *cell)
{
  QsIndicatorName *name = g_new0 (QsIndicatorName, 1);
  g_autofree char *flat = qs_text_strip_spaces (cell);
  g_autoptr(GString) markers = g_string_new (NULL);
  const char *start = flat;
  const char *end = flat + strlen (flat);
  const char *p = start;

  /* Leading number: "5." "5．" "5、" "13" followed by a dot. */
  while (g_ascii_isdigit (*p))
    p++;
  if (p > start)
    {
      const char *q = p;

      if (*q == '.')
        q++;
      else if (g_str_has_prefix (q, "．") || g_str_has_prefix (q, "、"))
        q += strlen ("．");
      if (q > p)
        {
          name->number = g_strndup (start, p - start);
          start = q;
        }
    }

  /* "其中：阿蓬江" is the sub-item 阿蓬江 of the indicator above. */
  if (g_str_has_prefix (start, "其中：") || g_str_has_prefix (start, "其中:"))
    start += g_str_has_prefix (start, "其中:") ? strlen ("其中:") : strlen ("其中：");

  strip_markers (start, &end, markers);

  /* The unit is the content of the last bracket pair at the end, full- or
   * half-width; an unclosed "(μg/m3" at the end counts too. */
  {
    const char *open = NULL;
    const char *close_end = end;
    gboolean closed = has_suffix_at (start, end, "）") || has_suffix_at (start, end, ")");

    if (closed)
      close_end = end - (has_suffix_at (start, end, "）") ? strlen ("）") : 1);
    for (const char *s = start; s < close_end; s = g_utf8_next_char (s))
      if (g_str_has_prefix (s, "（") || *s == '(')
        open = s;
    /* Unclosed only when nothing closes it later: "(PM2.5)年均浓度" has no unit. */
    if (open != NULL && !closed &&
        (g_strstr_len (open, end - open, ")") != NULL || g_strstr_len (open, end - open, "）") != NULL))
      open = NULL;
    if (open != NULL)
      {
        const char *inner = open + (*open == '(' ? 1 : strlen ("（"));

        if (inner < close_end && open > start)
          {
            name->unit = g_strndup (inner, close_end - inner);
            end = open;
            strip_markers (start, &end, markers);
          }
      }
  }

  name->indicator = g_strndup (start, end - start);
  if (markers->len > 0)
    name->markers = g_strdup (markers->str);
  return name;
}
