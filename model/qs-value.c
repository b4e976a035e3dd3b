/* qs-value.c: the value grammar of indicator cells.
 *
 * A cell is read in a fixed order, first match wins:
 *
 *   invalid UTF-8            → UNREADABLE
 *   only white space         → EMPTY
 *   trailing footnote marks  → split into `markers` (*, **, 〔2〕, (1), ①)
 *   dashes, slashes, 无      → NONE
 *   Ⅲ, III, 总体Ⅲ类, 不低于V类 → WATER_CLASS
 *   …下达…, 市级任务         → ASSIGNED
 *   保持, 稳步提高, 下降20%  → CHANGE
 *   ≥88, 【15】, 8.91~23, 88.25, 335以上 → BOUND / RANGE / NUMBER
 *   Chinese words            → QUALITATIVE
 *   anything else            → UNREADABLE
 *
 * Water classes compare quality, not the class number: QS_BOUND_GE on a
 * WATER_CLASS means "no worse than" (不低于V类: class number ≤ 5) and
 * QS_BOUND_GT "better than" (优于Ⅲ类: class number < 3).
 *
 * Matching works on a normalised copy of the characters (full-width forms
 * folded to ASCII, white space dropped), but every piece that is split off
 * (unit, markers, qualifier) is cut from the original text, so it reads
 * exactly as written.  Numbers are converted with g_ascii_strtod () on an
 * ASCII copy holding only digits, a sign and a point: never locale-dependent.
 *
 * The parser is fed untrusted bytes (imported documents, fuzzing): it never
 * uses fixed-size buffers for input, never recurses, and every scan is
 * bounded by the token count.
 */

#include "config.h"

#define G_LOG_DOMAIN "qs-value"

#include <math.h>
#include <string.h>

#include "qs-value.h"

/* Excerpts of the text quoted in reasons and descriptions are cut to this
 * many characters: a tooltip should not carry a whole pasted document. */
#define EXCERPT_CHARS 40

/* One character of the cell, normalised, with its place in the original. */
typedef struct
{
  gunichar c;             /* normalised character */
  gsize    start;         /* byte offset of the original character */
  gsize    end;           /* byte offset just past it */
  gboolean space_before;  /* white space stood between it and the previous one */
} Token;

typedef struct
{
  const char *text;
  Token      *toks;
  gsize       n;          /* tokens of the body: markers are already split off */
  QsValue    *value;
} Parser;

typedef struct
{
  const char *word;
  int         meaning;
} Word;

typedef enum
{
  CHANGE_NO_MATCH,
  CHANGE_MATCHED,
  CHANGE_ERROR,
} ChangeResult;

/* What follows a number: a unit, a 以上/以下 suffix and qualifying words. */
typedef struct
{
  gsize   unit_from;
  gsize   unit_to;
  QsBound bound;
  gsize   qual_from;
  gsize   qual_to;
} Tail;

G_DEFINE_BOXED_TYPE (QsValue, qs_value, qs_value_copy, qs_value_free)

/* Word tables.  Every word is written in normalised form (ASCII, no
 * full-width characters, no white space): tokens are compared to it. */

static const Word bound_prefix_words[] = {
  { "不低于", QS_BOUND_GE }, { "不少于", QS_BOUND_GE }, { "不小于", QS_BOUND_GE },
  { "大于等于", QS_BOUND_GE }, { "大于或等于", QS_BOUND_GE }, { "高于或等于", QS_BOUND_GE },
  { "至少", QS_BOUND_GE }, { "达到", QS_BOUND_GE },
  { "≥", QS_BOUND_GE }, { ">=", QS_BOUND_GE }, { "≮", QS_BOUND_GE },
  { "大于", QS_BOUND_GT }, { "高于", QS_BOUND_GT }, { "超过", QS_BOUND_GT },
  { "多于", QS_BOUND_GT }, { ">", QS_BOUND_GT },
  { "不高于", QS_BOUND_LE }, { "不超过", QS_BOUND_LE }, { "不大于", QS_BOUND_LE },
  { "不多于", QS_BOUND_LE }, { "小于等于", QS_BOUND_LE }, { "小于或等于", QS_BOUND_LE },
  { "低于或等于", QS_BOUND_LE }, { "最多", QS_BOUND_LE },
  { "≤", QS_BOUND_LE }, { "<=", QS_BOUND_LE }, { "≯", QS_BOUND_LE },
  { "小于", QS_BOUND_LT }, { "低于", QS_BOUND_LT }, { "不足", QS_BOUND_LT },
  { "<", QS_BOUND_LT },
  { NULL, 0 }
};

/* Only the symbols: the one bound allowed inside a bracket (【≥15】). */
static const Word bound_symbol_words[] = {
  { "≥", QS_BOUND_GE }, { ">=", QS_BOUND_GE }, { "≮", QS_BOUND_GE },
  { ">", QS_BOUND_GT },
  { "≤", QS_BOUND_LE }, { "<=", QS_BOUND_LE }, { "≯", QS_BOUND_LE },
  { "<", QS_BOUND_LT },
  { NULL, 0 }
};

/* 以上 and 以下 include the figure itself in Chinese usage: GE and LE. */
static const Word bound_suffix_words[] = {
  { "以上", QS_BOUND_GE }, { "及以上", QS_BOUND_GE }, { "或以上", QS_BOUND_GE },
  { "以下", QS_BOUND_LE }, { "及以下", QS_BOUND_LE }, { "或以下", QS_BOUND_LE },
  { "以内", QS_BOUND_LE }, { "之内", QS_BOUND_LE },
  { NULL, 0 }
};

static const Word approx_words[] = {
  { "约", 0 }, { "大约", 0 }, { "约为", 0 },
  { NULL, 0 }
};

static const Word none_words[] = {
  { "无", 0 }, { "暂无", 0 }, { "无数据", 0 }, { "不适用", 0 }, { "不涉及", 0 },
  { "N/A", 0 }, { "n/a", 0 }, { "NA", 0 },
  { NULL, 0 }
};

static const Word assigned_words[] = {
  { "下达", 0 }, { "市级任务", 0 }, { "上级任务", 0 }, { "省级任务", 0 },
  { "市级确定", 0 }, { "上级确定", 0 },
  { NULL, 0 }
};

/* A cell made of exactly one of these is a change without an amount. */
static const Word change_exact_words[] = {
  { "保持", QS_CHANGE_KEEP }, { "维持", QS_CHANGE_KEEP }, { "保持稳定", QS_CHANGE_KEEP },
  { "基本稳定", QS_CHANGE_KEEP }, { "保持不变", QS_CHANGE_KEEP }, { "稳定", QS_CHANGE_KEEP },
  { "持平", QS_CHANGE_KEEP }, { "保持现状", QS_CHANGE_KEEP }, { "维持现状", QS_CHANGE_KEEP },
  { "不降低", QS_CHANGE_KEEP }, { "不下降", QS_CHANGE_KEEP }, { "不恶化", QS_CHANGE_KEEP },
  { "不低于现状值", QS_CHANGE_KEEP }, { "不低于现状", QS_CHANGE_KEEP },
  { "不低于现状水平", QS_CHANGE_KEEP }, { "不低于基准值", QS_CHANGE_KEEP },
  { "不低于基准年", QS_CHANGE_KEEP }, { "不低于基期值", QS_CHANGE_KEEP },
  { "不低于上年", QS_CHANGE_KEEP },
  { "稳中有升", QS_CHANGE_INCREASE }, { "只增不减", QS_CHANGE_INCREASE },
  { "稳中有降", QS_CHANGE_DECREASE }, { "只减不增", QS_CHANGE_DECREASE },
  { NULL, 0 }
};

static const Word change_adverb_words[] = {
  { "稳步", 0 }, { "持续", 0 }, { "逐步", 0 }, { "进一步", 0 }, { "有所", 0 },
  { "明显", 0 }, { "大幅", 0 }, { "显著", 0 }, { "不断", 0 }, { "逐年", 0 },
  { "小幅", 0 },
  { NULL, 0 }
};

static const Word change_verb_words[] = {
  { "提高", QS_CHANGE_INCREASE }, { "提升", QS_CHANGE_INCREASE },
  { "增加", QS_CHANGE_INCREASE }, { "增长", QS_CHANGE_INCREASE },
  { "上升", QS_CHANGE_INCREASE }, { "升高", QS_CHANGE_INCREASE },
  { "增高", QS_CHANGE_INCREASE },
  { "下降", QS_CHANGE_DECREASE }, { "降低", QS_CHANGE_DECREASE },
  { "减少", QS_CHANGE_DECREASE }, { "削减", QS_CHANGE_DECREASE },
  { "减小", QS_CHANGE_DECREASE }, { "减排", QS_CHANGE_DECREASE },
  { NULL, 0 }
};

/* "较2020年下降15%": the baseline named before the verb. */
static const Word change_reference_words[] = {
  { "较", 0 }, { "比", 0 }, { "相比", 0 }, { "相对", 0 },
  { NULL, 0 }
};

static const Word baseline_words[] = {
  { "基准", 0 }, { "现状", 0 }, { "上年", 0 }, { "基期", 0 }, { "同期", 0 },
  { "上一年", 0 }, { "十三五", 0 },
  { NULL, 0 }
};

/* Before a water class: words kept as the qualifier (meaning < 0), or a
 * bound.  For water classes the bound compares quality, not the class
 * number: GE means "no worse than" (class number ≤ n, 不低于V类 = Ⅰ…Ⅴ) and
 * GT means "better than" (class number < n, 优于Ⅲ类 = Ⅰ or Ⅱ). */
#define WATER_QUALIFIER (-1)

static const Word water_prefix_words[] = {
  { "总体", WATER_QUALIFIER }, { "整体", WATER_QUALIFIER }, { "全部", WATER_QUALIFIER },
  { "基本", WATER_QUALIFIER }, { "稳定", WATER_QUALIFIER }, { "均", WATER_QUALIFIER },
  { "均为", WATER_QUALIFIER }, { "水质", WATER_QUALIFIER }, { "保持", WATER_QUALIFIER },
  { "达到", WATER_QUALIFIER }, { "全面", WATER_QUALIFIER }, { "为", WATER_QUALIFIER },
  { "不低于", QS_BOUND_GE }, { "不劣于", QS_BOUND_GE }, { "不差于", QS_BOUND_GE },
  { "达到或优于", QS_BOUND_GE }, { "优于", QS_BOUND_GT }, { "好于", QS_BOUND_GT },
  { NULL, 0 }
};

static const Word water_noun_words[] = {
  { "水质", 0 }, { "水体", 0 }, { "水", 0 }, { "标准", 0 },
  { NULL, 0 }
};

static const Word water_suffix_words[] = {
  { "及以上", QS_BOUND_GE }, { "以上", QS_BOUND_GE }, { "或以上", QS_BOUND_GE },
  { "及更好", QS_BOUND_GE }, { "或更好", QS_BOUND_GE },
  { NULL, 0 }
};

static const Word percent_unit_words[] = {
  { "%", QS_CHANGE_UNIT_PERCENT },
  { "个百分点", QS_CHANGE_UNIT_PERCENTAGE_POINT },
  { "百分点", QS_CHANGE_UNIT_PERCENTAGE_POINT },
  { NULL, 0 }
};

static const char * const water_class_names[] = {
  NULL, "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ",
};

/* Characters */

static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace () covers NBSP and U+3000; zero-width characters
   * pasted from web pages are invisible too. */
  return g_unichar_isspace (c) || c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E;
}

static gunichar
normalise_char (gunichar c)
{
  /* Full-width ASCII (０-９ ． ％ ＜ ～ …) */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;

  switch (c)
    {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:
    case 0x2212: case 0xFE63: case 0x2043:
      return '-';
    case 0x301C: case 0x2053: case 0x223C:
      return '~';
    case 0x2267: case 0x2A7E:
      return 0x2265;  /* ≥ */
    case 0x2266: case 0x2A7D:
      return 0x2264;  /* ≤ */
    case 0xFE64:
      return '<';
    case 0xFE65:
      return '>';
    case 0x2215:
      return '/';
    case 0xFE59:
      return '(';
    case 0xFE5A:
      return ')';
    case 0x2217:
      return '*';
    default:
      return c;
    }
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* Dash-like characters: "no data" on their own, a range between numbers. */
static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2014 || c == 0x2015 || c == 0x2500 || c == 0x2501;
}

static gboolean
is_open_bracket (gunichar c)
{
  return c == '[' || c == 0x3010 || c == 0x3016;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == ']' || c == 0x3011 || c == 0x3017;
}

static gboolean
is_bound_symbol (gunichar c)
{
  return c == '<' || c == '>' || c == 0x2264 || c == 0x2265 || c == 0x226E || c == 0x226F;
}

static gboolean
is_unit_symbol (gunichar c)
{
  switch (c)
    {
    case '%': case 0x2030 /* ‰ */: case 0x2103 /* ℃ */: case 0x2109 /* ℉ */:
    case 0x00B0 /* ° */: case 0x00B2 /* ² */: case 0x00B3 /* ³ */:
      return TRUE;
    default:
      /* CJK compatibility unit squares: ㎡ ㎥ ㎏ ㎞ … */
      return c >= 0x3380 && c <= 0x33DF;
    }
}

static gboolean
is_unit_char (gunichar c)
{
  return g_unichar_isalpha (c) || is_unit_symbol (c) || c == '/' || c == 0x00B7;
}

/* Characters that may appear in words: letters (Han included), Roman
 * numerals, unit symbols and ordinary punctuation.  `$` or `#` in a cell
 * means it is not text a planner wrote as a value. */
static gboolean
is_text_char (gunichar c)
{
  if (g_unichar_isalpha (c) || g_unichar_ismark (c) || is_unit_symbol (c))
    return TRUE;
  if (g_unichar_type (c) == G_UNICODE_LETTER_NUMBER)
    return TRUE;
  if (c < 0x80)
    return strchr ("/.,;:!?'\"()[]-~+_", (int) c) != NULL;

  switch (c)
    {
    case 0x00B7: case 0x2014: case 0x2015: case 0x2026:  /* · — ― … */
    case 0x2018: case 0x2019: case 0x201C: case 0x201D:  /* ‘ ’ “ ” */
    case 0x3001: case 0x3002:                            /* 、 。 */
    case 0x3008: case 0x3009: case 0x300A: case 0x300B:  /* 〈 〉 《 》 */
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:  /* 「 」 『 』 */
    case 0x3010: case 0x3011: case 0x3014: case 0x3015:  /* 【 】 〔 〕 */
    case 0x3016: case 0x3017:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* Tokens */

static Token *
tokenise (const char *text,
          gsize      *n_tokens)
{
  Token *toks = g_new (Token, g_utf8_strlen (text, -1) + 1);
  gsize n = 0;
  gboolean space = FALSE;

  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (is_space (c))
        {
          space = TRUE;
          continue;
        }

      toks[n].c = normalise_char (c);
      toks[n].start = (gsize) (s - text);
      toks[n].end = (gsize) (g_utf8_next_char (s) - text);
      toks[n].space_before = space;
      space = FALSE;
      n++;
    }

  *n_tokens = n;
  return toks;
}

/* The original text of tokens [from, to): trimmed, inner white space kept. */
static char *
slice (const Parser *p,
       gsize         from,
       gsize         to)
{
  if (from >= to)
    return NULL;

  return g_strndup (p->text + p->toks[from].start, p->toks[to - 1].end - p->toks[from].start);
}

static gsize
match_word (const Parser *p,
            gsize         pos,
            gsize         limit,
            const char   *word)
{
  gsize i = pos;

  for (const char *w = word; *w; w = g_utf8_next_char (w))
    {
      if (i >= limit || p->toks[i].c != g_utf8_get_char (w))
        return 0;
      i++;
    }

  return i - pos;
}

/* The longest word of @table at @pos: its length in tokens (0 if none)
 * and its meaning. */
static gsize
match_table (const Parser *p,
             gsize         pos,
             gsize         limit,
             const Word   *table,
             int          *meaning)
{
  gsize best = 0;

  for (const Word *w = table; w->word != NULL; w++)
    {
      gsize len = match_word (p, pos, limit, w->word);

      if (len > best)
        {
          best = len;
          if (meaning != NULL)
            *meaning = w->meaning;
        }
    }

  return best;
}

/* The whole body is exactly one word of @table. */
static gboolean
body_is (const Parser *p,
         const Word   *table,
         int          *meaning)
{
  for (const Word *w = table; w->word != NULL; w++)
    {
      if (match_word (p, 0, p->n, w->word) == p->n && p->n > 0)
        {
          if (meaning != NULL)
            *meaning = w->meaning;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
range_is (const Parser *p,
          gsize         from,
          gsize         to,
          const Word   *table,
          int          *meaning)
{
  for (const Word *w = table; w->word != NULL; w++)
    {
      if (from < to && match_word (p, from, to, w->word) == to - from)
        {
          if (meaning != NULL)
            *meaning = w->meaning;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
same_tokens (const Parser *p,
             gsize         a_from,
             gsize         a_to,
             gsize         b_from,
             gsize         b_to)
{
  if (a_to - a_from != b_to - b_from)
    return FALSE;

  for (gsize i = 0; i < a_to - a_from; i++)
    {
      if (p->toks[a_from + i].c != p->toks[b_from + i].c)
        return FALSE;
    }

  return TRUE;
}

static gboolean
body_contains (const Parser *p,
               const Word   *table)
{
  for (gsize i = 0; i < p->n; i++)
    {
      if (match_table (p, i, p->n, table, NULL) > 0)
        return TRUE;
    }

  return FALSE;
}

/* Excerpt for messages: valid UTF-8, cut to EXCERPT_CHARS characters. */
static char *
excerpt (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= EXCERPT_CHARS)
    return g_steal_pointer (&valid);

  {
    g_autofree char *cut = g_utf8_substring (valid, 0, EXCERPT_CHARS);
    return g_strconcat (cut, "…", NULL);
  }
}

static void
set_unreadable (QsValue *v)
{
  g_autofree char *quoted = excerpt (v->text);

  v->kind = QS_VALUE_UNREADABLE;
  g_clear_pointer (&v->reason, g_free);
  v->reason = g_strdup_printf ("无法识别的数值：%s", quoted);
}

/* Footnote markers */

/* Length in tokens of one footnote marker ending just before @end, or 0:
 * a run of *, 〔2〕, (1) with one or two digits, ① … ⑳. */
static gsize
marker_before (const Parser *p,
               gsize         end)
{
  gunichar c;

  if (end == 0)
    return 0;

  c = p->toks[end - 1].c;

  if (c == '*' || c == 0x203B /* ※ */)
    {
      gsize i = end - 1;

      while (i > 0 && (p->toks[i - 1].c == '*' || p->toks[i - 1].c == 0x203B))
        i--;
      return end - i;
    }

  if (c >= 0x2460 && c <= 0x2473)
    return 1;

  if (c == 0x3015 /* 〕 */ || c == ')')
    {
      gunichar open = (c == ')') ? '(' : 0x3014;
      gsize max_digits = (c == ')') ? 2 : 3;
      gsize i = end - 1;
      gsize digits = 0;

      while (i > 0 && is_digit (p->toks[i - 1].c) && digits <= max_digits)
        {
          i--;
          digits++;
        }

      if (digits >= 1 && digits <= max_digits && i > 0 && p->toks[i - 1].c == open)
        return end - (i - 1);
    }

  return 0;
}

static void
split_markers (Parser *p)
{
  gsize end = p->n;
  gsize len;

  while ((len = marker_before (p, end)) > 0)
    end -= len;

  if (end < p->n)
    {
      p->value->markers = slice (p, end, p->n);
      p->n = end;
    }
}

/* Numbers */

/* Reads a number at *pos: digits with an optional point, optionally
 * grouped by commas in threes (75,000).  "12..5", "1.2.3", "12." and
 * "88,90" are refused rather than read in part. */
static gboolean
scan_number (const Parser *p,
             gsize        *pos,
             gboolean      allow_sign,
             double       *number,
             int          *decimals)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  gsize i = *pos;
  gsize start;
  gsize group = 0;
  gsize n_frac = 0;
  gboolean grouped = FALSE;
  char *end = NULL;
  double d;

  if (allow_sign && i + 1 < p->n &&
      (p->toks[i].c == '-' || p->toks[i].c == '+') &&
      is_digit (p->toks[i + 1].c) && !p->toks[i + 1].space_before)
    {
      if (p->toks[i].c == '-')
        g_string_append_c (ascii, '-');
      i++;
    }

  if (i >= p->n || !is_digit (p->toks[i].c))
    return FALSE;

  start = i;
  while (i < p->n)
    {
      gunichar c = p->toks[i].c;

      /* "1 2" is two numbers, not twelve */
      if (i > start && p->toks[i].space_before)
        break;

      if (is_digit (c))
        {
          g_string_append_c (ascii, (char) c);
          group++;
          i++;
        }
      else if (c == ',' && i + 1 < p->n && is_digit (p->toks[i + 1].c) &&
               !p->toks[i + 1].space_before)
        {
          if (grouped ? group != 3 : group > 3)
            return FALSE;
          grouped = TRUE;
          group = 0;
          i++;
        }
      else
        break;
    }

  if (grouped && group != 3)
    return FALSE;

  if (i < p->n && p->toks[i].c == '.' && !p->toks[i].space_before)
    {
      g_string_append_c (ascii, '.');
      i++;
      while (i < p->n && is_digit (p->toks[i].c) && !p->toks[i].space_before)
        {
          g_string_append_c (ascii, (char) p->toks[i].c);
          n_frac++;
          i++;
        }
      if (n_frac == 0)
        return FALSE;
    }

  /* A second point ("1.2.3") or a grouping comma after the point */
  if (i < p->n && (p->toks[i].c == '.' ||
                   (p->toks[i].c == ',' && n_frac > 0 && i + 1 < p->n &&
                    is_digit (p->toks[i + 1].c))))
    return FALSE;

  d = g_ascii_strtod (ascii->str, &end);
  if (end != ascii->str + ascii->len || !isfinite (d))
    return FALSE;

  *number = d;
  *decimals = (int) MIN (n_frac, (gsize) G_MAXINT);
  *pos = i;
  return TRUE;
}

static gboolean
number_starts_at (const Parser *p,
                  gsize         pos)
{
  gunichar c;

  if (pos >= p->n)
    return FALSE;

  c = p->toks[pos].c;
  if (is_digit (c))
    return TRUE;

  /* "-5", "+5", and ".5" which scan_number () then refuses */
  return (c == '-' || c == '+' || c == '.') && pos + 1 < p->n && is_digit (p->toks[pos + 1].c);
}

/* A unit after a number: letters (Han included) and unit symbols, across
 * white space ("ug/m ³"), up to a 以上/以下/左右 or a parenthesis. */
static gsize
scan_unit (const Parser *p,
           gsize         pos)
{
  gsize i = pos;

  while (i < p->n)
    {
      gunichar c = p->toks[i].c;

      if (match_table (p, i, p->n, bound_suffix_words, NULL) > 0 ||
          match_word (p, i, p->n, "左右") > 0)
        break;

      /* 8.91至23: 至 and 到 join a range */
      if ((c == 0x81F3 || c == 0x5230) && i + 1 < p->n && is_digit (p->toks[i + 1].c))
        break;

      if (is_unit_char (c))
        {
          i++;
          continue;
        }

      /* m2, m3 (km2, Nm3): square and cubic metres written without
       * superscripts.  Other digits never belong to a unit: "1e5" is not
       * 1 with a unit "e5". */
      if ((c == '2' || c == '3') && i > pos && (p->toks[i - 1].c == 'm' || p->toks[i - 1].c == 'M') &&
          !p->toks[i].space_before && (i + 1 >= p->n || !is_digit (p->toks[i + 1].c)))
        {
          i++;
          continue;
        }

      break;
    }

  return i;
}

/* Words after the figure: digits may only appear inside parentheses
 * ("(2016年9-12月)"), anything else must be ordinary text with at least
 * one word in it: a stray "-" or "." after a number is an error, not a
 * remark. */
static gboolean
check_qualifier (const Parser *p,
                 gsize         from,
                 gsize         to)
{
  gsize depth = 0;
  gboolean has_word = FALSE;

  for (gsize i = from; i < to; i++)
    {
      gunichar c = p->toks[i].c;

      if (depth > 0 || g_unichar_isalpha (c))
        has_word = TRUE;

      if (c == '(')
        depth++;
      else if (c == ')')
        {
          if (depth == 0)
            return FALSE;
          depth--;
        }
      else if (is_digit (c))
        {
          if (depth == 0)
            return FALSE;
        }
      else if (!is_text_char (c))
        return FALSE;
    }

  return depth == 0 && (has_word || from >= to);
}

static gboolean
parse_tail (const Parser *p,
            gsize         pos,
            gboolean      want_unit,
            Tail         *tail)
{
  int meaning = QS_BOUND_NONE;
  gsize len;

  tail->unit_from = tail->unit_to = pos;
  if (want_unit)
    tail->unit_to = pos = scan_unit (p, pos);

  tail->bound = QS_BOUND_NONE;
  len = match_table (p, pos, p->n, bound_suffix_words, &meaning);
  if (len > 0)
    {
      tail->bound = meaning;
      pos += len;
    }

  tail->qual_from = pos;
  tail->qual_to = p->n;
  return check_qualifier (p, pos, p->n);
}

static char *
join_qualifiers (char *first,
                 char *second)
{
  char *joined;

  if (first == NULL)
    return second;
  if (second == NULL)
    return first;

  joined = g_strconcat (first, " ", second, NULL);
  g_free (first);
  g_free (second);
  return joined;
}

/* Kinds */

static gboolean
parse_none (Parser *p)
{
  gboolean dashes = TRUE;
  gboolean slashes = TRUE;

  for (gsize i = 0; i < p->n; i++)
    {
      dashes = dashes && is_dash (p->toks[i].c);
      slashes = slashes && p->toks[i].c == '/';
    }

  if (!dashes && !slashes && !body_is (p, none_words, NULL))
    return FALSE;

  p->value->kind = QS_VALUE_NONE;
  return TRUE;
}

/* I II III IV V in Latin letters or Roman numeral characters (U+2160…),
 * as one numeral.  Returns 1..5, or 0 when it is not a water class. */
static int
scan_roman (const Parser *p,
            gsize        *pos)
{
  static const char * const latin[] = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
  };
  static const char * const classes[] = { "I", "II", "III", "IV", "V" };
  g_autoptr(GString) s = g_string_new (NULL);
  gsize i = *pos;

  /* Eight characters is far beyond any class: stop there, not at the end */
  while (i < p->n && i - *pos < 8)
    {
      gunichar c = p->toks[i].c;

      if (i > *pos && p->toks[i].space_before)
        break;

      if (c == 'I' || c == 'V' || c == 'X')
        g_string_append_c (s, (char) c);
      else if (c >= 0x2160 && c <= 0x216B)
        g_string_append (s, latin[c - 0x2160]);
      else if (c >= 0x2170 && c <= 0x217B)
        g_string_append (s, latin[c - 0x2170]);
      else
        break;
      i++;
    }

  for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
    {
      if (g_str_equal (s->str, classes[k]))
        {
          *pos = i;
          return (int) k + 1;
        }
    }

  return 0;
}

static gboolean
parse_water_class (Parser *p)
{
  QsValue *v = p->value;
  QsBound bound = QS_BOUND_NONE;
  gsize pos = 0;
  gsize qual_end = 0;
  gboolean worse = FALSE;
  int klass;
  int meaning = 0;
  gsize len;
  g_autofree char *paren = NULL;

  while ((len = match_table (p, pos, p->n, water_prefix_words, &meaning)) > 0)
    {
      if (meaning == WATER_QUALIFIER)
        {
          /* Qualifying words come before the bound, not after it */
          if (bound != QS_BOUND_NONE)
            return FALSE;
          pos += len;
          qual_end = pos;
        }
      else
        {
          if (bound != QS_BOUND_NONE)
            return FALSE;
          bound = meaning;
          pos += len;
        }
    }

  if (pos < p->n && p->toks[pos].c == 0x52A3 /* 劣 */)
    {
      worse = TRUE;
      pos++;
    }

  /* "3类": an Arabic class number needs 类 to be one */
  if (pos + 1 < p->n && p->toks[pos].c >= '1' && p->toks[pos].c <= '5' &&
      p->toks[pos + 1].c == 0x7C7B /* 类 */)
    {
      klass = (int) (p->toks[pos].c - '0');
      pos++;
    }
  else if ((klass = scan_roman (p, &pos)) == 0)
    return FALSE;

  if (worse)
    {
      if (klass != 5)
        return FALSE;
      klass = 6;
    }

  if (pos < p->n && p->toks[pos].c == 0x7C7B /* 类 */)
    pos++;

  pos += match_table (p, pos, p->n, water_noun_words, NULL);

  len = match_table (p, pos, p->n, water_suffix_words, &meaning);
  if (len > 0)
    {
      if (bound != QS_BOUND_NONE && bound != (QsBound) meaning)
        return FALSE;
      bound = meaning;
      pos += len;
    }

  /* An optional remark in parentheses, and nothing else */
  if (pos < p->n)
    {
      if (p->toks[pos].c != '(' || p->toks[p->n - 1].c != ')' ||
          !check_qualifier (p, pos, p->n))
        return FALSE;
      paren = slice (p, pos, p->n);
    }

  v->kind = QS_VALUE_WATER_CLASS;
  v->water_class = klass;
  v->bound = bound;
  v->qualifier = join_qualifiers (slice (p, 0, qual_end), g_steal_pointer (&paren));
  return TRUE;
}

/* Before numbers on purpose: a cell that says the municipality sets the
 * figure ("≥88（市级下达）") is first of all an assigned target. */
static gboolean
parse_assigned (Parser *p)
{
  if (!body_contains (p, assigned_words))
    return FALSE;

  p->value->kind = QS_VALUE_ASSIGNED;
  return TRUE;
}

static ChangeResult
parse_change (Parser *p)
{
  QsValue *v = p->value;
  int meaning = 0;
  gsize pos = 0;
  gsize ref_end = 0;
  gsize len;
  Tail tail;
  double number = 0;
  int decimals = 0;

  if (body_is (p, change_exact_words, &meaning))
    {
      v->kind = QS_VALUE_CHANGE;
      v->change = meaning;
      return CHANGE_MATCHED;
    }

  /* 较2020年下降15%: the named baseline becomes the qualifier.  It must
   * name a year or a baseline, or 比例提高 would read as 比 + 例. */
  len = match_table (p, 0, p->n, change_reference_words, NULL);
  if (len > 0 && (number_starts_at (p, len) ||
                  match_table (p, len, p->n, baseline_words, NULL) > 0))
    {
      for (pos = 1; pos < p->n; pos++)
        {
          if (match_table (p, pos, p->n, change_adverb_words, NULL) > 0 ||
              match_table (p, pos, p->n, change_verb_words, NULL) > 0)
            break;
        }
      if (pos >= p->n)
        return CHANGE_NO_MATCH;
      ref_end = pos;
    }

  pos += match_table (p, pos, p->n, change_adverb_words, NULL);

  len = match_table (p, pos, p->n, change_verb_words, &meaning);
  if (len == 0)
    return CHANGE_NO_MATCH;
  pos += len;

  if (pos == p->n)
    {
      v->kind = QS_VALUE_CHANGE;
      v->change = meaning;
      v->qualifier = slice (p, 0, ref_end);
      return CHANGE_MATCHED;
    }

  /* 提高水质 and the like are words, not a change of the figure */
  if (!number_starts_at (p, pos))
    return CHANGE_NO_MATCH;

  if (!scan_number (p, &pos, FALSE, &number, &decimals) ||
      !parse_tail (p, pos, TRUE, &tail))
    return CHANGE_ERROR;

  v->kind = QS_VALUE_CHANGE;
  v->change = meaning;
  v->number = number;
  v->decimals = decimals;
  v->unit = slice (p, tail.unit_from, tail.unit_to);
  v->change_unit = QS_CHANGE_UNIT_NONE;
  if (range_is (p, tail.unit_from, tail.unit_to, percent_unit_words, &meaning))
    v->change_unit = meaning;
  /* 下降20%以上: the amount is a bound, recorded in the bound field */
  v->bound = tail.bound;
  v->qualifier = join_qualifiers (slice (p, 0, ref_end),
                                  slice (p, tail.qual_from, tail.qual_to));
  return CHANGE_MATCHED;
}

static gboolean
looks_numeric (const Parser *p)
{
  gsize pos = 0;

  if (p->n == 0)
    return FALSE;

  /* A leading ≥ or < is always meant as a figure: "≥≥3" is an error,
   * not a word */
  if (is_bound_symbol (p->toks[0].c))
    return TRUE;

  pos += match_table (p, pos, p->n, approx_words, NULL);
  pos += match_table (p, pos, p->n, bound_prefix_words, NULL);
  if (pos < p->n && is_open_bracket (p->toks[pos].c))
    {
      pos++;
      pos += match_table (p, pos, p->n, bound_symbol_words, NULL);
    }

  return number_starts_at (p, pos);
}

static gboolean
parse_numeric (Parser *p)
{
  QsValue *v = p->value;
  gsize pos = 0;
  gsize approx_end;
  gsize unit_from = 0;
  gsize unit_to = 0;
  gsize len;
  int meaning = QS_BOUND_NONE;
  QsBound bound = QS_BOUND_NONE;
  gboolean cumulative = FALSE;
  gboolean is_range = FALSE;
  double low = 0, high = 0;
  int low_decimals = 0, high_decimals = 0;
  Tail tail;

  pos += match_table (p, pos, p->n, approx_words, NULL);
  approx_end = pos;

  len = match_table (p, pos, p->n, bound_prefix_words, &meaning);
  if (len > 0)
    {
      bound = meaning;
      pos += len;
    }

  if (pos < p->n && is_open_bracket (p->toks[pos].c))
    {
      cumulative = TRUE;
      pos++;
      len = match_table (p, pos, p->n, bound_symbol_words, &meaning);
      if (len > 0)
        {
          if (bound != QS_BOUND_NONE)
            return FALSE;
          bound = meaning;
          pos += len;
        }
    }

  if (!scan_number (p, &pos, TRUE, &low, &low_decimals))
    return FALSE;

  /* A range, its low end perhaps with its own unit: 8.91~23, 8.91%-23% */
  {
    gsize after_low = pos;
    gsize u_end = scan_unit (p, pos);
    gsize sep = u_end;

    while (sep < p->n && (is_dash (p->toks[sep].c) || p->toks[sep].c == '~') &&
           sep - u_end < 2)
      sep++;
    if (sep == u_end && sep < p->n &&
        (p->toks[sep].c == 0x81F3 /* 至 */ || p->toks[sep].c == 0x5230 /* 到 */))
      sep++;

    if (sep > u_end && sep < p->n && is_digit (p->toks[sep].c))
      {
        pos = sep;
        if (!scan_number (p, &pos, FALSE, &high, &high_decimals))
          return FALSE;
        is_range = TRUE;
        unit_from = after_low;
        unit_to = u_end;
      }
  }

  if (cumulative)
    {
      gsize u_end = scan_unit (p, pos);

      if (u_end > pos)
        {
          /* 【8.91%~23%】 carries the unit twice: it must be the same one */
          if (unit_to > unit_from && !same_tokens (p, unit_from, unit_to, pos, u_end))
            return FALSE;
          unit_from = pos;
          unit_to = u_end;
          pos = u_end;
        }
      if (pos >= p->n || !is_close_bracket (p->toks[pos].c))
        return FALSE;
      pos++;
    }

  if (!parse_tail (p, pos, TRUE, &tail))
    return FALSE;

  if (tail.unit_to > tail.unit_from)
    {
      if (unit_to > unit_from &&
          !same_tokens (p, unit_from, unit_to, tail.unit_from, tail.unit_to))
        return FALSE;
      unit_from = tail.unit_from;
      unit_to = tail.unit_to;
    }

  if (tail.bound != QS_BOUND_NONE)
    {
      if (bound != QS_BOUND_NONE && bound != tail.bound)
        return FALSE;
      bound = tail.bound;
    }

  if (is_range && bound != QS_BOUND_NONE)
    return FALSE;

  v->kind = is_range ? QS_VALUE_RANGE : (bound != QS_BOUND_NONE ? QS_VALUE_BOUND : QS_VALUE_NUMBER);
  v->number = low;
  v->number_high = is_range ? high : 0;
  /* A range prints both ends alike, with the finer of the two */
  v->decimals = is_range ? MAX (low_decimals, high_decimals) : low_decimals;
  v->bound = bound;
  v->cumulative = cumulative;
  v->unit = slice (p, unit_from, unit_to);
  v->qualifier = join_qualifiers (slice (p, 0, approx_end),
                                  slice (p, tail.qual_from, tail.qual_to));
  return TRUE;
}

/* Words a planner wrote (达到水域功能要求, 约束性, 天, %) are a reading of
 * their own.  Digits are allowed only among Chinese words (PM2.5达标):
 * digits with Latin letters or symbols alone are garbage. */
static gboolean
parse_qualitative (const Parser *p)
{
  gboolean has_word = FALSE;
  gboolean has_han = FALSE;
  gboolean has_digit = FALSE;

  for (gsize i = 0; i < p->n; i++)
    {
      gunichar c = p->toks[i].c;

      if (is_digit (c))
        {
          has_digit = TRUE;
          continue;
        }
      if (!is_text_char (c))
        return FALSE;
      if (is_han (c))
        has_han = TRUE;
      if (g_unichar_isalpha (c) || is_unit_symbol (c) ||
          g_unichar_type (c) == G_UNICODE_LETTER_NUMBER)
        has_word = TRUE;
    }

  if (!has_word || (has_digit && !has_han))
    return FALSE;

  p->value->kind = QS_VALUE_QUALITATIVE;
  return TRUE;
}

static void
parse_body (Parser *p)
{
  ChangeResult change;

  if (p->n == 0)
    {
      /* Only a footnote marker: no value of its own, see the note */
      p->value->kind = QS_VALUE_NONE;
      return;
    }

  if (parse_none (p) || parse_water_class (p) || parse_assigned (p))
    return;

  change = parse_change (p);
  if (change == CHANGE_MATCHED)
    return;
  if (change == CHANGE_ERROR)
    {
      set_unreadable (p->value);
      return;
    }

  if (looks_numeric (p))
    {
      if (!parse_numeric (p))
        set_unreadable (p->value);
      return;
    }

  if (!parse_qualitative (p))
    set_unreadable (p->value);
}

/**
 * qs_value_parse:
 * @text: (nullable): the cell text as written; %NULL reads as ""
 *
 * Reads one indicator cell.  Never fails: text that cannot be read comes
 * back as %QS_VALUE_UNREADABLE with a reason.
 *
 * Returns: (transfer full): a new #QsValue whose text is a byte-identical
 *   copy of @text
 */
QsValue *
qs_value_parse (const char *text)
{
  QsValue *v = g_new0 (QsValue, 1);
  g_autofree Token *toks = NULL;
  Parser p = { 0, };

  v->text = g_strdup (text != NULL ? text : "");

  if (!g_utf8_validate (v->text, -1, NULL))
    {
      v->kind = QS_VALUE_UNREADABLE;
      v->reason = g_strdup ("无法识别的数值：文本含有无效的 UTF-8 字节");
      return v;
    }

  toks = tokenise (v->text, &p.n);
  if (p.n == 0)
    {
      v->kind = QS_VALUE_EMPTY;
      return v;
    }

  p.text = v->text;
  p.toks = toks;
  p.value = v;

  split_markers (&p);
  parse_body (&p);

  return v;
}

/**
 * qs_value_copy:
 * @value: a #QsValue
 *
 * Returns: (transfer full): a deep copy of @value
 */
QsValue *
qs_value_copy (const QsValue *value)
{
  QsValue *copy;

  g_return_val_if_fail (value != NULL, NULL);

  copy = g_new (QsValue, 1);
  *copy = *value;
  copy->text = g_strdup (value->text);
  copy->unit = g_strdup (value->unit);
  copy->markers = g_strdup (value->markers);
  copy->qualifier = g_strdup (value->qualifier);
  copy->reason = g_strdup (value->reason);
  return copy;
}

/**
 * qs_value_free:
 * @value: (nullable): a #QsValue
 *
 * Frees @value and its strings.  %NULL is ignored.
 */
void
qs_value_free (QsValue *value)
{
  if (value == NULL)
    return;

  g_free (value->text);
  g_free (value->unit);
  g_free (value->markers);
  g_free (value->qualifier);
  g_free (value->reason);
  g_free (value);
}

/**
 * qs_value_kind_to_string:
 * @kind: a #QsValueKind
 *
 * Returns: a stable identifier for JSON, or %NULL for an unknown kind
 */
const char *
qs_value_kind_to_string (QsValueKind kind)
{
  switch (kind)
    {
    case QS_VALUE_EMPTY:       return "empty";
    case QS_VALUE_NONE:        return "none";
    case QS_VALUE_NUMBER:      return "number";
    case QS_VALUE_BOUND:       return "bound";
    case QS_VALUE_RANGE:       return "range";
    case QS_VALUE_ASSIGNED:    return "assigned";
    case QS_VALUE_CHANGE:      return "change";
    case QS_VALUE_WATER_CLASS: return "water_class";
    case QS_VALUE_QUALITATIVE: return "qualitative";
    case QS_VALUE_UNREADABLE:  return "unreadable";
    default:                   return NULL;
    }
}

/**
 * qs_bound_to_string:
 * @bound: a #QsBound
 *
 * Returns: "ge", "gt", "le", "lt", or %NULL for %QS_BOUND_NONE
 */
const char *
qs_bound_to_string (QsBound bound)
{
  switch (bound)
    {
    case QS_BOUND_GE: return "ge";
    case QS_BOUND_GT: return "gt";
    case QS_BOUND_LE: return "le";
    case QS_BOUND_LT: return "lt";
    case QS_BOUND_NONE:
    default:
      return NULL;
    }
}

/* A number with the decimals it was written with, locale-independent. */
static void
append_number (GString *s,
               double   number,
               int      decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Within these limits "%.*f" fits the buffer; beyond them fall back to
   * the shortest exact form, which g_ascii_dtostr () sizes itself. */
  if (fabs (number) < 1e15 && decimals >= 0 && decimals <= 15)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_string_append (s, g_ascii_formatd (buf, sizeof buf, format, number));
    }
  else
    g_string_append (s, g_ascii_dtostr (buf, sizeof buf, number));
}

static void
append_amount (GString       *s,
               const QsValue *v,
               double         number)
{
  append_number (s, number, v->decimals);
  if (v->unit != NULL)
    {
      /* 20%, but 75 万亩 */
      if (!g_str_equal (v->unit, "%") && !g_str_equal (v->unit, "％") &&
          !g_str_equal (v->unit, "‰"))
        g_string_append_c (s, ' ');
      g_string_append (s, v->unit);
    }
}

/**
 * qs_value_describe:
 * @value: a #QsValue
 *
 * A short Chinese description of the reading, for tooltips:
 * "不低于 88（下限）", "累计值 15", "水质类别 Ⅲ 类".
 *
 * Returns: (transfer full): the description, valid UTF-8
 */
char *
qs_value_describe (const QsValue *value)
{
  g_autoptr(GString) s = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  s = g_string_new (NULL);

  switch (value->kind)
    {
    case QS_VALUE_EMPTY:
      g_string_append (s, "空白");
      break;

    case QS_VALUE_NONE:
      g_string_append (s, "无数据");
      break;

    case QS_VALUE_NUMBER:
      g_string_append (s, value->cumulative ? "累计值 " : "数值 ");
      append_amount (s, value, value->number);
      break;

    case QS_VALUE_BOUND:
      if (value->cumulative)
        g_string_append (s, "累计");
      switch (value->bound)
        {
        case QS_BOUND_GE: g_string_append (s, "不低于 "); break;
        case QS_BOUND_GT: g_string_append (s, "高于 "); break;
        case QS_BOUND_LE: g_string_append (s, "不高于 "); break;
        case QS_BOUND_LT: g_string_append (s, "低于 "); break;
        case QS_BOUND_NONE:
        default:
          break;
        }
      append_amount (s, value, value->number);
      switch (value->bound)
        {
        case QS_BOUND_GE: g_string_append (s, "（下限）"); break;
        case QS_BOUND_GT: g_string_append (s, "（下限，不含）"); break;
        case QS_BOUND_LE: g_string_append (s, "（上限）"); break;
        case QS_BOUND_LT: g_string_append (s, "（上限，不含）"); break;
        case QS_BOUND_NONE:
        default:
          break;
        }
      break;

    case QS_VALUE_RANGE:
      g_string_append (s, value->cumulative ? "累计值 " : "范围 ");
      append_number (s, value->number, value->decimals);
      g_string_append (s, " 至 ");
      append_amount (s, value, value->number_high);
      break;

    case QS_VALUE_ASSIGNED:
      g_string_append (s, "由上级下达（待定）");
      break;

    case QS_VALUE_CHANGE:
      switch (value->change)
        {
        case QS_CHANGE_KEEP:     g_string_append (s, "保持基准值水平"); break;
        case QS_CHANGE_INCREASE: g_string_append (s, "较基准值提高"); break;
        case QS_CHANGE_DECREASE: g_string_append (s, "较基准值下降"); break;
        case QS_CHANGE_NONE:
        default:
          g_string_append (s, "较基准值变化");
          break;
        }
      if (value->change_unit == QS_CHANGE_UNIT_PERCENTAGE_POINT)
        {
          g_string_append_c (s, ' ');
          append_number (s, value->number, value->decimals);
          g_string_append (s, " 个百分点");
        }
      else if (value->change_unit == QS_CHANGE_UNIT_PERCENT)
        {
          g_string_append_c (s, ' ');
          append_number (s, value->number, value->decimals);
          g_string_append_c (s, '%');
        }
      else if (value->unit != NULL || value->number != 0)
        {
          g_string_append_c (s, ' ');
          append_amount (s, value, value->number);
        }
      if (value->bound == QS_BOUND_GE)
        g_string_append (s, "以上");
      else if (value->bound == QS_BOUND_LE || value->bound == QS_BOUND_LT)
        g_string_append (s, "以内");
      break;

    case QS_VALUE_WATER_CLASS:
      {
        const char *name = "?";

        if (value->water_class >= 1 && value->water_class <= 6)
          name = water_class_names[value->water_class];

        if (value->bound == QS_BOUND_GE)
          g_string_append_printf (s, "水质不低于 %s 类", name);
        else if (value->bound == QS_BOUND_GT)
          g_string_append_printf (s, "水质优于 %s 类", name);
        else
          g_string_append_printf (s, "水质类别 %s 类", name);
      }
      break;

    case QS_VALUE_QUALITATIVE:
      {
        g_autofree char *quoted = excerpt (value->text);
        g_string_append_printf (s, "文字说明：%s", quoted);
      }
      break;

    case QS_VALUE_UNREADABLE:
    default:
      {
        g_autofree char *quoted = excerpt (value->text);
        g_string_append_printf (s, "无法识别：%s", quoted);
      }
      break;
    }

  if (value->kind != QS_VALUE_UNREADABLE && value->kind != QS_VALUE_QUALITATIVE &&
      value->qualifier != NULL)
    {
      g_autofree char *quoted = excerpt (value->qualifier);

      /* A remark already in parentheses keeps them: "(2016年9-12月)" */
      if (g_str_has_prefix (quoted, "("))
        g_string_append_printf (s, " %s", quoted);
      else if (g_str_has_prefix (quoted, "（"))
        g_string_append (s, quoted);
      else
        g_string_append_printf (s, "（%s）", quoted);
    }

  if (value->markers != NULL)
    {
      g_autofree char *quoted = excerpt (value->markers);
      g_string_append_printf (s, "，见注 %s", quoted);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * qs_value_is_error:
 * @value: a #QsValue
 *
 * Returns: %TRUE if the cell could not be read (%QS_VALUE_UNREADABLE)
 */
gboolean
qs_value_is_error (const QsValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return value->kind == QS_VALUE_UNREADABLE;
}
