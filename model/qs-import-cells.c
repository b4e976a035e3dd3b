/* qs-import-cells.c: what a table cell or a short line looks like.
 *
 * Tables in plain text lose their grid; the readers put it back by knowing
 * what kinds of text go where: header words, figures and targets, attribute
 * words, row numbers, names.  The word lists are the vocabulary of the
 * genre (生态环境保护规划), not of any one plan.
 */
#define G_LOG_DOMAIN "qs-import-cells"

#include "config.h"

#include <string.h>

#include "qs-import-cells.h"
#include "qs-import-text.h"
#include "qs-types.h"

/* Longest first, so the greedy split prefers 完成情况 to 完成 + 情况. */
static const char *const header_words[] = {
  "完成情况", "增减幅度", "指标名称", "指标属性", "指标类别", "指标类型", "指标单位", "是否完成",
  "责任单位", "牵头单位", "配合单位", "建设内容", "建设规模", "建设地点", "建设年限", "实施年限",
  "总投资", "现状值", "目标值", "实际值", "基准值", "规划值", "预期值", "基准年", "完成值",
  "类别", "类型", "分类", "序号", "编号", "指标", "名称", "内容", "单位", "属性", "现状", "目标",
  "实际", "完成", "情况", "是否", "备注", "说明", "增减", "幅度", "变化", "基期", "预期", "工程",
  "项目", "领域", "责任", "牵头", "部门", "投资", "估算", "万元", "亿元", "建设", "时间", "年限",
  "期限", "地点", "规模", "主要", "重点", "任务", "措施", "区县", "区域", "范围", "数值", "年份",
  "序", "号", "名", "称", "指", "标", "值", "年", "（", "）", "(", ")", "/", "和", "及", "、", "~",
  NULL
};

static gboolean
has_prefix_at (const char *p,
               const char *prefix)
{
  return strncmp (p, prefix, strlen (prefix)) == 0;
}

static gboolean
str_in (const char         *s,
        const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (s, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
prefix_in (const char         *s,
           const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (has_prefix_at (s, list[i]))
      return list[i];
  return NULL;
}

gboolean
qs_import_cell_is_empty (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  qs_import_trim_range (&start, &end);
  return start == end;
}

gboolean
qs_import_cell_is_header (const char *text)
{
  g_autofree char *flat = qs_text_strip_spaces (text);
  const char *p = flat;
  gboolean any_word = FALSE;

  if (*p == '\0' || strlen (flat) > 60)
    return FALSE;
  while (*p != '\0')
    {
      const char *word;

      if (g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      word = prefix_in (p, header_words);
      if (word == NULL)
        return FALSE;
      /* Brackets and joiners alone do not make a header. */
      if (g_utf8_strlen (word, -1) > 1 || g_unichar_isalpha (g_utf8_get_char (word)))
        any_word = TRUE;
      p += strlen (word);
    }
  return any_word;
}

gboolean
qs_import_cell_is_attribute (const char *text)
{
  static const char *const words[] = { "约束性", "预期性", "约束", "预期", "指导性", "引导性", NULL };
  g_autofree char *flat = qs_text_strip_spaces (text);

  return str_in (flat, words);
}

int
qs_import_cell_number (const char *text)
{
  g_autofree char *flat = qs_text_strip_spaces (text);
  const char *p = flat;
  int value = 0;
  guint digits = 0;

  while (g_ascii_isdigit (*p) && digits < 4)
    {
      value = value * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (digits == 0 || digits > 3)
    return -1;
  while (*p == '*')
    p++;
  return *p == '\0' ? value : -1;
}

static gboolean
is_water_class (const char *flat)
{
  static const char *const classes[] = {
    "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "I", "II", "III", "IV", "V",
    "Ⅰ～Ⅱ", "Ⅱ～Ⅲ", "Ⅲ～Ⅳ", "Ⅰ~Ⅱ", "Ⅱ~Ⅲ", "Ⅲ~Ⅳ", "Ⅰ-Ⅱ", "Ⅱ-Ⅲ", NULL
  };
  g_autofree char *copy = g_strdup (flat);
  char *p = copy;
  gsize n;

  if (has_prefix_at (p, "总体"))
    p += strlen ("总体");
  if (has_prefix_at (p, "劣"))
    p += strlen ("劣");
  n = strlen (p);
  if (n >= strlen ("类") && strcmp (p + n - strlen ("类"), "类") == 0)
    p[n - strlen ("类")] = '\0';
  while (*p != '\0' && p[strlen (p) - 1] == '*')
    p[strlen (p) - 1] = '\0';
  return str_in (p, classes);
}

/* Skips what may stand before a figure: bounds, brackets, signs, 约. */
static const char *
skip_value_prefix (const char *p)
{
  static const char *const prefixes[] = {
    "≥", "≤", "＜", "＞", "≦", "≧", "<", ">", "=", "＝", "【", "[", "〔", "(", "（", "约", "+", "＋",
    "−", "-", NULL
  };

  for (guint guard = 0; guard < 4; guard++)
    {
      const char *prefix = prefix_in (p, prefixes);

      if (prefix == NULL)
        break;
      p += strlen (prefix);
    }
  return p;
}

static gboolean
is_figure (const char *flat)
{
  const char *p = skip_value_prefix (flat);
  const char *rest;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  /* "1.生态保护红线…" and "3、…" are numbered names, not figures. */
  if ((*p == '.' && !g_ascii_isdigit (p[1])) || has_prefix_at (p, "．") || has_prefix_at (p, "、"))
    return FALSE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  rest = p;
  return g_utf8_strlen (rest, -1) <= 20;
}

gboolean
qs_import_cell_is_value (const char *text)
{
  static const char *const none[] = {
    "-", "－", "—", "――", "―", "——", "–", "─", "/", "／", "无", "\\", NULL
  };
  static const char *const words[] = {
    "保持", "完成", "是", "否", "达标", "未达标", "已完成", "未完成", "基本完成", NULL
  };
  static const char *const prefixes[] = {
    "达到", "满足", "不低于", "不高于", "不超过", "不大于", "不小于", "完成", "全部达到", "稳步",
    "持续改善", "逐步", "力争", "未完成", "保持", "优于", "好于", "消除", NULL
  };
  static const char *const change_verbs[] = {
    "提高", "下降", "降低", "增加", "减少", "增长", "削减", "提升", NULL
  };
  g_autofree char *flat = qs_text_strip_spaces (text);
  const char *verb;

  if (*flat == '\0' || str_in (flat, none) || str_in (flat, words))
    return TRUE;
  if (g_utf8_strlen (flat, -1) > 30)
    return FALSE;
  if (prefix_in (flat, prefixes) != NULL || strstr (flat, "下达") != NULL)
    return TRUE;
  verb = prefix_in (flat, change_verbs);
  if (verb != NULL && g_ascii_isdigit (flat[strlen (verb)]))
    return TRUE;
  return is_water_class (flat) || is_figure (flat);
}

gboolean
qs_import_cell_is_name (const char *text)
{
  return !qs_import_cell_is_empty (text) &&
         !qs_import_cell_is_value (text) &&
         !qs_import_cell_is_attribute (text) &&
         qs_import_cell_number (text) < 0;
}

gboolean
qs_import_is_note_start (const char *text)
{
  static const char *const starts[] = {
    "注：", "注:", "备注：", "备注:", "说明：", "说明:", "注1", "注①", "资料来源：", "数据来源：", NULL
  };
  g_autofree char *flat = NULL;

  /* Look at the start only: a note may be a whole paragraph long. */
  {
    g_autofree char *head = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, 64), 16));
    flat = qs_text_strip_spaces (head);
  }
  return prefix_in (flat, starts) != NULL;
}

gboolean
qs_import_is_note_label (const char *text)
{
  static const char *const labels[] = {
    "注：", "注:", "备注：", "备注:", "说明：", "说明:", "注", "备注", NULL
  };
  g_autofree char *flat = qs_text_strip_spaces (text);

  return str_in (flat, labels);
}

gboolean
qs_import_is_note_item (const char *text)
{
  g_autofree char *head = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, 64), 12));
  g_autofree char *flat = qs_text_strip_spaces (head);
  const char *p = flat;
  gunichar c;

  if (*p == '*' || has_prefix_at (p, "※") || has_prefix_at (p, "＊"))
    return TRUE;
  c = g_utf8_get_char (p);
  if (c >= 0x2460 && c <= 0x2473)   /* ① … ⑳ */
    return TRUE;
  if (has_prefix_at (p, "〔") || has_prefix_at (p, "［") || has_prefix_at (p, "（") ||
      *p == '[' || *p == '(')
    {
      p = g_utf8_next_char (p);
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      return has_prefix_at (p, "〕") || has_prefix_at (p, "］") || has_prefix_at (p, "）") ||
             *p == ']' || *p == ')';
    }
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '.' || has_prefix_at (p, "．") || has_prefix_at (p, "、") ||
             *p == ')' || has_prefix_at (p, "）");
    }
  return FALSE;
}

gboolean
qs_import_ends_sentence (const char *text,
                         gsize       len)
{
  static const char *const ends[] = {
    "。", "！", "？", "；", "!", "?", ";", "。”", "。）", "。)", "！”", "？”", "。’", "……", NULL
  };
  const char *start = text;
  const char *end = text + len;

  qs_import_trim_range (&start, &end);
  for (guint i = 0; ends[i] != NULL; i++)
    {
      gsize n = strlen (ends[i]);

      if ((gsize) (end - start) >= n && memcmp (end - n, ends[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
qs_import_is_prose_lead (const char *text,
                         gsize       len)
{
  /* The verbs plans open their task paragraphs with. */
  static const char *const verbs[] = {
    "加强", "加快", "加大", "加速", "控制", "优先", "着力", "尽快", "保障", "防治", "实施", "实行",
    "推进", "推动", "推广", "开展", "建立", "建设", "完善", "强化", "优化", "保护", "深化", "深入",
    "健全", "提高", "提升", "落实", "严格", "严控", "严守", "严禁", "促进", "积极", "大力", "坚持",
    "构建", "探索", "培育", "发展", "全面", "持续", "规范", "鼓励", "引导", "支持", "创新", "创建",
    "打造", "巩固", "扩大", "减少", "降低", "统筹", "做好", "抓好", "确保", "整治", "治理", "修复",
    "防范", "划定", "编制", "制定", "执行", "依法", "切实", "不断", "进一步", "努力", "有序", "稳步",
    "逐步", "全力", "主动", "协同", "联合", "禁止", "提倡", "倡导", "营造", "夯实", "筑牢", "维护",
    "增强", "拓展", "用好", "形成", "组织", "分解", "实现", "开发", "整合", "应对", "推行", "采取",
    "抢救", "恢复", "合理", "科学", "精准", "系统", "综合", "全域", "加紧",
    NULL
  };
  const char *start = text;
  const char *end = text + len;
  const char *stop;
  glong chars;

  qs_import_trim_range (&start, &end);
  if (end - start > 4 * 1024)
    end = start + 4 * 1024;
  stop = g_strstr_len (start, MIN (end - start, 40 * 3), "。");
  if (stop == NULL)
    return FALSE;
  chars = g_utf8_strlen (start, stop - start);
  if (chars < 2 || chars > 30)
    return FALSE;
  if (g_strstr_len (start, stop - start, "，") != NULL || g_strstr_len (start, stop - start, ",") != NULL ||
      g_strstr_len (start, stop - start, "：") != NULL)
    return FALSE;
  for (guint i = 0; verbs[i] != NULL; i++)
    if ((gsize) (stop - start) >= strlen (verbs[i]) && has_prefix_at (start, verbs[i]))
      return TRUE;
  return FALSE;
}

gsize
qs_import_item_marker (const char *text,
                       gsize       len)
{
  static const char *const dashes[] = { "——", "――", "—", "―", NULL };
  static const char *const bullets[] = { "- ", "• ", "•", "·", "▪", "●", "◆", "■", "□", NULL };
  const char *p = text;
  const char *end = text + len;
  const char *q;

  {
    const char *s = p;
    const char *e = end;

    qs_import_trim_range (&s, &e);
    p = s;
    end = e;
  }
  if (p == end)
    return 0;
  for (guint i = 0; dashes[i] != NULL; i++)
    if ((gsize) (end - p) > strlen (dashes[i]) && has_prefix_at (p, dashes[i]))
      return (p - text) + strlen (dashes[i]);
  for (guint i = 0; bullets[i] != NULL; i++)
    if ((gsize) (end - p) > strlen (bullets[i]) && has_prefix_at (p, bullets[i]))
      return (p - text) + strlen (bullets[i]);

  q = p;
  if (g_ascii_isdigit (*q))
    {
      while (q < end && g_ascii_isdigit (*q) && q - p < 3)
        q++;
      if (q < end && *q == '.' && q + 1 < end && !g_ascii_isdigit (q[1]))
        return (q + 1) - text;
      if (has_prefix_at (q, "．") || has_prefix_at (q, "、") || has_prefix_at (q, "）"))
        return (q + 3) - text;
      if (q < end && *q == ')')
        return (q + 1) - text;
      return 0;
    }
  if (has_prefix_at (q, "（") || *q == '(')
    {
      q += *q == '(' ? 1 : strlen ("（");
      if (q >= end || !g_ascii_isdigit (*q))
        return 0;
      while (q < end && g_ascii_isdigit (*q))
        q++;
      if (q < end && *q == ')')
        return (q + 1) - text;
      if (has_prefix_at (q, "）"))
        return (q + 3) - text;
      return 0;
    }
  {
    gunichar c = g_utf8_get_char_validated (q, end - q);

    if (c >= 0x2460 && c <= 0x2473)
      return (g_utf8_next_char (q)) - text;
  }
  return 0;
}
