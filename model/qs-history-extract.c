/* qs-history-extract.c: yearly values stated in a plan's prose.
 *
 * The review part of a plan (“十三五”回顾, 现状) states figures in running
 * text: "2020年，…优良天数达300天，优良天数比率82.2%，较2015年增加5.1%".
 * Each sentence is cut into clauses at commas; a clause names an
 * indicator, a verb (达到, 保持, 降至 …) and a figure with its unit.
 * Lists ("A、B、C排放量分别下降1.5%、23%、8.91%") pair names and figures.
 * A change statement without a name (较2015年增加13.2%) belongs to the
 * indicator of the clause before it.  Everything found is a suggestion:
 * the user sees the sentence and accepts it or not.
 */
#define G_LOG_DOMAIN "qs-history-extract"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qs-history-extract.h"
#include "qs-paragraph.h"
#include "qs-section.h"

/* Units a figure may carry, longest first so 万平方米 wins over 平方米. */
#define UNITS \
  "个百分点|微克/立方米|毫克/立方米|毫克/升|μg/m³|μg/m3|ug/m\\s*³|ug/m3|平方米/人|万平方米|" \
  "平方公里|平方千米|平方米|万亩|公顷|公里|千米|亿立方米|万立方米|立方米|亿元|万元|万吨|吨|" \
  "个|座|家|处|条|天|%|％"

/* A figure: not part of a name such as PM2.5 or PM10, not a year. */
#define NUMBER_RE \
  "(?<![A-Za-z0-9._{}\\d])(\\d+(?:\\.\\d+)?)\\s*(?:余|多)?\\s*(" UNITS ")?\\s*(以上|以下)?"

#define WATER_RE "(?<![A-Za-z])(III|II|IV|I|V|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ)\\s*类"

/* The comparison a change statement is made against. */
#define BASE_RE \
  "(?:较|比|相比|相较于?)\\s*(?:(\\d{4})\\s*年(?:底|末)?|[“\"]?(十[一二三四]五)[”\"]?\\s*末)|" \
  "自\\s*(\\d{4})\\s*年.*?以来|[“\"]?(十[一二三四])五[”\"]?\\s*(?:期间|以来)"

#define YEAR_RE "(?<![较比自从至—\\-~\\d])(\\d{4})\\s*年(?!以来|\\d)"

#define CHANGE_VERBS "下降|上升|增加|减少|削减|降低|提高|增长|提升"

typedef struct
{
  QsPlan    *plan;
  QsCatalog *catalog;
  GPtrArray *out;
  GRegex    *number_re;
  GRegex    *water_re;
  GRegex    *base_re;
  GRegex    *year_re;
  GRegex    *change_re;
  GRegex    *lead_re;
  GRegex    *trail_re;
  GRegex    *count_re;
  GRegex    *action_re;
  int        year;        /* the year the paragraph speaks of */
  char      *last_name;   /* the indicator of the previous clause */
} Extract;

/* "十一五" → 2010: the last year of that five-year period. */
static int
period_end_year (const char *period)
{
  static const char * const numerals[] = { "十一", "十二", "十三", "十四" };

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (g_str_has_prefix (period, numerals[i]))
      return 2010 + 5 * (int) i;
  return 0;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B /* ； */ || c == ';';
}

static gboolean
is_clause_end (gunichar c)
{
  return c == 0xFF0C /* ， */ || c == ',' || c == 0xFF1A /* ： */;
}

/* Strips white space and the punctuation a clause edge may keep. */
static char *
clean_edges (const char *text)
{
  static const char *junk = " \t\r\n\xc2\xa0、，,：:（(）)“”\"—-";
  GString *s = g_string_new (text);
  gboolean changed = TRUE;

  while (changed && s->len > 0)
    {
      changed = FALSE;
      for (const char *j = junk; *j; j = g_utf8_next_char (j))
        {
          gsize n = g_utf8_next_char (j) - j;

          /* Only strip a closing bracket at the end when it is unbalanced. */
          if (s->len >= n && memcmp (s->str + s->len - n, j, n) == 0 &&
              !(strncmp (j, "）", n) == 0 && strstr (s->str, "（") != NULL) &&
              !(*j == ')' && strchr (s->str, '(') != NULL))
            {
              g_string_truncate (s, s->len - n);
              changed = TRUE;
            }
          if (s->len >= n && memcmp (s->str, j, n) == 0)
            {
              g_string_erase (s, 0, n);
              changed = TRUE;
            }
        }
    }
  return g_string_free (s, FALSE);
}

/* Reduces the words before a figure to the indicator's name: the verb,
 * the place ("全区", the plan's region) and the time are not part of it. */
static char *
clean_name (Extract    *ex,
            const char *raw)
{
  g_autofree char *a = clean_edges (raw);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  const char *region = qs_plan_get_region (ex->plan);

  b = g_regex_replace (ex->lead_re, a, -1, 0, "", 0, NULL);
  if (region != NULL && *region != '\0' && g_str_has_prefix (b, region))
    memmove (b, b + strlen (region), strlen (b) - strlen (region) + 1);
  c = g_regex_replace (ex->trail_re, b, -1, 0, "", 0, NULL);
  return clean_edges (c);
}

static void
link_catalog (Extract     *ex,
              QsYearValue *yv)
{
  const char *name = qs_year_value_get_indicator (yv);

  if (ex->catalog == NULL)
    return;
  /* Try the name, then ever shorter tails of it: the words in front are
   * often a place or a scope (大渡口区…, 全市…). */
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      QsCatalogEntry *entry;

      if (g_utf8_strlen (p, -1) < 3)
        break;
      entry = qs_catalog_lookup_name (ex->catalog, p);
      if (entry != NULL)
        {
          qs_year_value_set_indicator_id (yv, qs_catalog_entry_get_id (entry));
          return;
        }
    }
}

static void
add_value (Extract    *ex,
           const char *name,
           const char *text,
           const char *unit,
           int         base_year,
           const char *sentence)
{
  QsYearValue *yv;

  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) < 2)
    return;
  /* A figure for a year of the plan's own period is a goal. */
  if (qs_plan_get_start_year (ex->plan) > 0 && ex->year >= qs_plan_get_start_year (ex->plan))
    return;
  /* Words of action, not the name of an indicator: "完成全区34个…". */
  if (g_regex_match (ex->action_re, name, 0, NULL))
    return;
  yv = qs_year_value_new (name, ex->year, text, QS_YEAR_VALUE_ACTUAL, QS_YEAR_VALUE_SOURCE_PROSE);
  qs_year_value_set_unit (yv, unit);
  qs_year_value_set_base_year (yv, base_year);
  qs_year_value_set_source_text (yv, sentence);
  link_catalog (ex, yv);
  g_ptr_array_add (ex->out, yv);
}

/* The figure of a "分别" list item: "下降1.5%", "23%", "增加 66 天". */
typedef struct
{
  char *verb;
  char *number;
  char *unit;
  char *suffix;
} Figure;

static gboolean
match_figure (Extract    *ex,
              const char *item,
              Figure     *fig)
{
  g_autoptr(GMatchInfo) m = NULL;
  int start, end;

  if (!g_regex_match (ex->number_re, item, 0, &m))
    return FALSE;
  g_match_info_fetch_pos (m, 0, &start, &end);
  fig->number = g_match_info_fetch (m, 1);
  fig->unit = g_match_info_fetch (m, 2);
  fig->suffix = g_match_info_fetch (m, 3);
  {
    g_autofree char *before = g_strndup (item, start);
    g_autoptr(GMatchInfo) v = NULL;

    if (g_regex_match (ex->change_re, before, 0, &v))
      fig->verb = g_match_info_fetch (v, 1);
  }
  return TRUE;
}

static void
figure_clear (Figure *fig)
{
  g_clear_pointer (&fig->verb, g_free);
  g_clear_pointer (&fig->number, g_free);
  g_clear_pointer (&fig->unit, g_free);
  g_clear_pointer (&fig->suffix, g_free);
}

static char *
figure_text (const Figure *fig,
             const char   *verb)
{
  return g_strconcat (verb ? verb : "", fig->number, fig->unit ? fig->unit : "",
                      fig->suffix ? fig->suffix : "", NULL);
}

/* The words a list of names shares at its end ("排放量" in
 * "二氧化硫、氮氧化物排放量"), appended to the names that lack it. */
static char *
shared_suffix (char **names,
               guint  n)
{
  static const char * const measures[] = {
    "年平均浓度", "年均浓度", "平均浓度", "浓度", "排放量", "排放总量", "达标率",
    "处理率", "利用率", "覆盖率", "处置率",
  };
  const char *last = names[n - 1];

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_str_has_suffix (last, measures[i]))
      return g_strdup (measures[i]);
  /* Two names, the first a bare place: "城市和城镇集中式…达标率". */
  if (n == 2 && g_utf8_strlen (names[0], -1) <= 3 &&
      g_utf8_strlen (last, -1) > g_utf8_strlen (names[0], -1) + 2)
    return g_strdup (g_utf8_offset_to_pointer (last, g_utf8_strlen (names[0], -1)));
  return NULL;
}

static gboolean
extract_list (Extract    *ex,
              const char *clause,
              int         base_year,
              const char *sentence)
{
  const char *respectively = strstr (clause, "分别");
  g_autofree char *left = NULL;
  g_autofree char *left_clean = NULL;
  g_autofree char *suffix = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *verb = NULL;
  guint n_names, n;

  if (respectively == NULL)
    return FALSE;
  left = g_strndup (clause, respectively - clause);
  left_clean = clean_name (ex, left);
  {
    g_autofree char *tmp = g_regex_replace (ex->count_re, left_clean, -1, 0, "", 0, NULL);
    g_autoptr(GRegex) sep = g_regex_new ("、|和|及|与", 0, 0, NULL);

    names = g_regex_split (sep, tmp, 0);
  }
  items = g_strsplit (respectively + strlen ("分别"), "、", -1);
  figures = g_ptr_array_new ();

  n_names = g_strv_length (names);
  n = MIN (n_names, g_strv_length (items));
  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *c = clean_edges (names[i]);
      g_free (names[i]);
      names[i] = g_steal_pointer (&c);
    }
  suffix = shared_suffix (names, n_names);

  for (guint i = 0; i < n; i++)
    {
      Figure fig = { 0 };
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      if (!match_figure (ex, items[i], &fig))
        continue;
      /* The verb of the first figure holds for the ones without their own. */
      if (fig.verb != NULL)
        qs_set_str (&verb, fig.verb);
      if (suffix != NULL && !g_str_has_suffix (names[i], suffix))
        name = g_strconcat (names[i], suffix, NULL);
      else
        name = g_strdup (names[i]);
      text = figure_text (&fig, verb);
      add_value (ex, name, text, fig.unit, verb ? base_year : 0, sentence);
      figure_clear (&fig);
    }
  return TRUE;
}

static void
extract_clause (Extract    *ex,
                const char *clause_in,
                const char *sentence)
{
  g_autoptr(GMatchInfo) m = NULL;
  g_autofree char *clause = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unit = NULL;
  int base_year = 0;
  int start = -1, end = -1;
  gboolean change = FALSE;

  /* The year the clause speaks of ("2020年，…"). */
  if (g_regex_match (ex->year_re, clause_in, 0, &m))
    {
      g_autofree char *y = g_match_info_fetch (m, 1);
      int year = atoi (y);

      if (year >= 1990 && year <= 2100)
        ex->year = year;
    }
  g_clear_pointer (&m, g_match_info_free);

  /* The comparison ("较2015年", "比“十一五”末", "“十三五”期间") is not
   * part of the name; note its year and cut it out. */
  if (g_regex_match (ex->base_re, clause_in, 0, &m))
    {
      for (int g = 1; g <= 4 && base_year == 0; g++)
        {
          g_autofree char *s = g_match_info_fetch (m, g);

          if (s == NULL || *s == '\0')
            continue;
          if (g == 2)
            base_year = period_end_year (s);
          else if (g == 4)
            {
              g_autofree char *p = g_strconcat (s, "五", NULL);
              base_year = period_end_year (p) - 5;
            }
          else
            base_year = atoi (s);
        }
    }
  g_clear_pointer (&m, g_match_info_free);
  clause = g_regex_replace (ex->base_re, clause_in, -1, 0, "", 0, NULL);

  if (extract_list (ex, clause, base_year, sentence))
    return;

  /* The last figure of the clause: "40个…达标率100%" means 100%. */
  if (g_regex_match (ex->number_re, clause, 0, &m))
    {
      while (g_match_info_matches (m))
        {
          g_autofree char *u = g_match_info_fetch (m, 2);
          g_autofree char *s = g_match_info_fetch (m, 3);
          int ms, me;

          g_match_info_fetch_pos (m, 0, &ms, &me);
          /* A bare number must end the clause to count as a figure:
           * "992项具体任务" is a count of things, not a value. */
          if ((u != NULL && *u) || (s != NULL && *s) || clause[me] == '\0')
            {
              g_autofree char *number = g_match_info_fetch (m, 1);

              start = ms;
              end = me;
              g_free (text);
              text = g_strconcat (number, u ? u : "", s ? s : "", NULL);
              g_free (unit);
              unit = g_strdup (u && *u ? u : NULL);
            }
          g_match_info_next (m, NULL);
        }
    }
  g_clear_pointer (&m, g_match_info_free);

  if (start < 0 && g_regex_match (ex->water_re, clause, 0, &m))
    {
      g_autofree char *roman = g_match_info_fetch (m, 1);

      g_match_info_fetch_pos (m, 0, &start, &end);
      text = g_strconcat (roman, "类", NULL);
    }
  g_clear_pointer (&m, g_match_info_free);

  if (start < 0)
    return;

  {
    g_autofree char *before = g_strndup (clause, start);
    g_autoptr(GMatchInfo) v = NULL;

    /* 下降36.8% after 较2015年 is a change; 提高至51.8% is a level. */
    if (g_regex_match (ex->change_re, before, 0, &v))
      {
        g_autofree char *verb = g_match_info_fetch (v, 1);
        int vs, ve;

        g_match_info_fetch_pos (v, 1, &vs, &ve);
        if (base_year > 0)
          {
            char *t = g_strconcat (verb, text, NULL);

            g_free (text);
            text = t;
            change = TRUE;
            before[vs] = '\0';
          }
      }
    name = clean_name (ex, before);
  }

  /* "划定616平方公里的生态保护红线": the name follows the figure. */
  if (g_str_has_prefix (clause + end, "的") && clause[end + strlen ("的")] != '\0')
    {
      g_free (name);
      name = clean_name (ex, clause + end + strlen ("的"));
    }
  if (*name == '\0' && change && ex->last_name != NULL)
    {
      g_free (name);
      name = g_strdup (ex->last_name);
    }
  if (*name == '\0')
    return;

  add_value (ex, name, text, unit, change ? base_year : 0, sentence);
  qs_set_str (&ex->last_name, name);
}

static void
extract_sentence (Extract    *ex,
                  const char *sentence)
{
  const char *p = sentence;
  const char *clause_start = sentence;
  g_autofree char *trimmed = clean_edges (sentence);

  g_clear_pointer (&ex->last_name, g_free);
  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || is_clause_end (c))
        {
          g_autofree char *clause = g_strndup (clause_start, p - clause_start);

          extract_clause (ex, clause, trimmed);
          if (c == 0)
            break;
          p = g_utf8_next_char (p);
          clause_start = p;
          continue;
        }
      p = g_utf8_next_char (p);
    }
}

static void
extract_text (Extract    *ex,
              const char *text)
{
  const char *p = text;
  const char *start = text;

  ex->year = qs_plan_get_start_year (ex->plan) > 0 ? qs_plan_get_start_year (ex->plan) - 1 : 0;
  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || is_sentence_end (c))
        {
          g_autofree char *sentence = g_strndup (start, p - start);

          if (c != 0)
            {
              /* Keep the full stop in the sentence shown to the user. */
              g_free (sentence);
              sentence = g_strndup (start, g_utf8_next_char (p) - start);
            }
          if (g_utf8_validate (sentence, -1, NULL))
            extract_sentence (ex, sentence);
          if (c == 0)
            break;
          start = g_utf8_next_char (p);
        }
      p = g_utf8_next_char (p);
    }
}

typedef struct
{
  Extract *ex;
  GString *pending;
} Walk;

static gboolean
ends_sentence (const char *text)
{
  g_autofree char *t = g_strdup (text);

  g_strchomp (t);
  while (g_str_has_suffix (t, "\xc2\xa0"))
    t[strlen (t) - 2] = '\0';
  if (*t == '\0')
    return TRUE;
  return is_sentence_end (g_utf8_get_char (g_utf8_find_prev_char (t, t + strlen (t))));
}

static void
walk_paragraph (Walk       *walk,
                const char *text)
{
  /* A page break of a PDF conversion splits a paragraph mid-sentence
   * ("…15.7%、" / "9.6%。"): join it with the next paragraph. */
  g_string_append (walk->pending, text);
  if (!ends_sentence (walk->pending->str))
    return;
  extract_text (walk->ex, walk->pending->str);
  g_string_truncate (walk->pending, 0);
}

static void
walk_section (Walk      *walk,
              QsSection *section)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      if (QS_IS_PARAGRAPH (block) && qs_paragraph_get_text (QS_PARAGRAPH (block)) != NULL)
        walk_paragraph (walk, qs_paragraph_get_text (QS_PARAGRAPH (block)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      walk_section (walk, child);
    }
}

/* The history of a plan is told in its review chapter: the first one
 * (发展基础, 规划实施成效, 现状与形势 …) or one whose title says so.  The
 * other chapters state goals and tasks, whose figures are not history. */
static gboolean
is_review_chapter (QsSection *chapter,
                   guint      index)
{
  static const char * const words[] = { "基础", "回顾", "现状", "成效", "成就", "进展", "形势" };
  const char *title = qs_section_get_title (chapter);

  if (index == 0)
    return TRUE;
  for (guint i = 0; title != NULL && i < G_N_ELEMENTS (words); i++)
    if (strstr (title, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

GPtrArray *
qs_history_extract (QsPlan    *plan,
                    QsCatalog *catalog)
{
  Extract ex = { 0 };
  GListModel *chapters;
  Walk walk;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (catalog == NULL || QS_IS_CATALOG (catalog), NULL);

  ex.plan = plan;
  ex.catalog = catalog;
  ex.out = g_ptr_array_new_with_free_func (g_object_unref);
  ex.number_re = g_regex_new (NUMBER_RE, G_REGEX_OPTIMIZE, 0, NULL);
  ex.water_re = g_regex_new (WATER_RE, G_REGEX_OPTIMIZE, 0, NULL);
  ex.base_re = g_regex_new (BASE_RE, G_REGEX_OPTIMIZE, 0, NULL);
  ex.year_re = g_regex_new (YEAR_RE, G_REGEX_OPTIMIZE, 0, NULL);
  ex.change_re = g_regex_new ("(" CHANGE_VERBS ")(?!至|到)\\s*$", G_REGEX_OPTIMIZE, 0, NULL);
  ex.lead_re = g_regex_new ("^(?:\\d{4}\\s*年(?:底|末)?|全区|全市|全县|全年|我区|我市|累计|其中|确保了?|力争|"
                            "[“\"]?十[一二三四]五[”\"]?(?:期间|以来)?|上下)+",
                            G_REGEX_OPTIMIZE, 0, NULL);
  ex.trail_re = g_regex_new ("(?:稳定保持在|保持在|稳定在|提高至|提高到|提升至|提升到|降至|"
                             "降低至|降低到|下降至|下降到|增加到|增至|达到|高达|达|保持|为|"
                             "近|不小于|不低于|约|已|均|指标)+\\s*$",
                             G_REGEX_OPTIMIZE, 0, NULL);
  ex.count_re = g_regex_new ("\\d+\\s*个", G_REGEX_OPTIMIZE, 0, NULL);
  ex.action_re = g_regex_new ("^(?:完成|明确|禁止|对|以|但|维持|配合|围绕|加大|巩固|每年|实施|推进|开展)",
                              G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (ex.number_re && ex.water_re && ex.base_re && ex.year_re && ex.change_re &&
            ex.lead_re && ex.trail_re && ex.count_re && ex.action_re);

  walk.ex = &ex;
  walk.pending = g_string_new (NULL);
  chapters = G_LIST_MODEL (qs_plan_get_chapters (plan));
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(QsSection) chapter = g_list_model_get_item (chapters, i);

      if (is_review_chapter (chapter, i))
        walk_section (&walk, chapter);
    }
  if (walk.pending->len > 0)
    extract_text (&ex, walk.pending->str);
  g_string_free (walk.pending, TRUE);

  g_regex_unref (ex.number_re);
  g_regex_unref (ex.water_re);
  g_regex_unref (ex.base_re);
  g_regex_unref (ex.year_re);
  g_regex_unref (ex.change_re);
  g_regex_unref (ex.lead_re);
  g_regex_unref (ex.trail_re);
  g_regex_unref (ex.count_re);
  g_regex_unref (ex.action_re);
  g_free (ex.last_name);
  return ex.out;
}
