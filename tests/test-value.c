/* test-value.c: the value grammar of indicator cells (model/qs-value.c). */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "qs-value.h"

/* Every field of a reading, as a test expects it.  Fields left out of a
 * designated initializer expect zero / NULL. */
typedef struct
{
  const char        *text;
  QsValueKind        kind;
  double             number;
  double             number_high;
  int                decimals;
  QsBound            bound;
  gboolean           cumulative;
  QsChangeDirection  change;
  QsChangeUnit       change_unit;
  int                water_class;
  const char        *unit;
  const char        *markers;
  const char        *qualifier;
} Expected;

static void
append_mismatch_str (GString    *problems,
                     const char *field,
                     const char *got,
                     const char *want)
{
  if (g_strcmp0 (got, want) != 0)
    g_string_append_printf (problems, " %s=«%s» (want «%s»)", field,
                            got ? got : "(null)", want ? want : "(null)");
}

static void
append_mismatch_int (GString    *problems,
                     const char *field,
                     int         got,
                     int         want)
{
  if (got != want)
    g_string_append_printf (problems, " %s=%d (want %d)", field, got, want);
}

static void
append_mismatch_double (GString    *problems,
                        const char *field,
                        double      got,
                        double      want)
{
  if (got != want)
    g_string_append_printf (problems, " %s=%.17g (want %.17g)", field, got, want);
}

/* Compares every field at once, so a failure names the cell and all that
 * differs, not only the first field. */
static void
check_expected (const Expected *e)
{
  g_autoptr(QsValue) v = qs_value_parse (e->text);
  g_autoptr(GString) problems = g_string_new (NULL);

  g_assert_nonnull (v);
  g_assert_nonnull (v->text);
  /* The text as written survives byte for byte */
  g_assert_cmpuint (strlen (v->text), ==, strlen (e->text));
  g_assert_cmpint (memcmp (v->text, e->text, strlen (e->text)), ==, 0);
  g_assert_true (v->text != e->text);

  if (v->kind != e->kind)
    g_string_append_printf (problems, " kind=%s (want %s)",
                            qs_value_kind_to_string (v->kind),
                            qs_value_kind_to_string (e->kind));
  append_mismatch_double (problems, "number", v->number, e->number);
  append_mismatch_double (problems, "number_high", v->number_high, e->number_high);
  append_mismatch_int (problems, "decimals", v->decimals, e->decimals);
  append_mismatch_int (problems, "bound", v->bound, e->bound);
  append_mismatch_int (problems, "cumulative", v->cumulative, e->cumulative);
  append_mismatch_int (problems, "change", v->change, e->change);
  append_mismatch_int (problems, "change_unit", v->change_unit, e->change_unit);
  append_mismatch_int (problems, "water_class", v->water_class, e->water_class);
  append_mismatch_str (problems, "unit", v->unit, e->unit);
  append_mismatch_str (problems, "markers", v->markers, e->markers);
  append_mismatch_str (problems, "qualifier", v->qualifier, e->qualifier);

  if ((v->kind == QS_VALUE_UNREADABLE) != (v->reason != NULL))
    g_string_append_printf (problems, " reason=«%s»", v->reason ? v->reason : "(null)");
  if (qs_value_is_error (v) != (e->kind == QS_VALUE_UNREADABLE))
    g_string_append (problems, " is_error wrong");

  if (problems->len > 0)
    {
      g_autofree char *cell = g_strdup_printf ("«%s»:", e->text);
      g_string_prepend (problems, cell);
    }

  g_assert_cmpstr (problems->str, ==, "");
}

static void
check_table (const Expected *table,
             gsize           n)
{
  for (gsize i = 0; i < n; i++)
    check_expected (&table[i]);
}

#define CHECK_TABLE(t) check_table ((t), G_N_ELEMENTS (t))

static void
test_empty (void)
{
  static const Expected cases[] = {
    { .text = "", .kind = QS_VALUE_EMPTY },
    { .text = " ", .kind = QS_VALUE_EMPTY },
    { .text = "\t\n \r", .kind = QS_VALUE_EMPTY },
    { .text = "\u00a0", .kind = QS_VALUE_EMPTY },
    { .text = "\u3000", .kind = QS_VALUE_EMPTY },
    { .text = " \u00a0\u3000\n ", .kind = QS_VALUE_EMPTY },
    { .text = "\u200b", .kind = QS_VALUE_EMPTY },
  };

  CHECK_TABLE (cases);
}

static void
test_none (void)
{
  static const Expected cases[] = {
    { .text = "—", .kind = QS_VALUE_NONE },
    { .text = "-", .kind = QS_VALUE_NONE },
    { .text = "―", .kind = QS_VALUE_NONE },
    { .text = "/", .kind = QS_VALUE_NONE },
    { .text = "无", .kind = QS_VALUE_NONE },
    { .text = "——", .kind = QS_VALUE_NONE },
    { .text = "－", .kind = QS_VALUE_NONE },
    { .text = "／", .kind = QS_VALUE_NONE },
    { .text = " — ", .kind = QS_VALUE_NONE },
    { .text = "—*", .kind = QS_VALUE_NONE, .markers = "*" },
    /* Only a footnote marker: see the note, no value of its own */
    { .text = "〔2〕", .kind = QS_VALUE_NONE, .markers = "〔2〕" },
  };

  CHECK_TABLE (cases);
}

static void
test_number (void)
{
  static const Expected cases[] = {
    { .text = "88.25", .kind = QS_VALUE_NUMBER, .number = 88.25, .decimals = 2 },
    { .text = "311", .kind = QS_VALUE_NUMBER, .number = 311 },
    { .text = "2692.24", .kind = QS_VALUE_NUMBER, .number = 2692.24, .decimals = 2 },
    { .text = "75000", .kind = QS_VALUE_NUMBER, .number = 75000 },
    { .text = "0.217", .kind = QS_VALUE_NUMBER, .number = 0.217, .decimals = 3 },
    { .text = "151.5323", .kind = QS_VALUE_NUMBER, .number = 151.5323, .decimals = 4 },
    { .text = "100%", .kind = QS_VALUE_NUMBER, .number = 100, .unit = "%" },
    { .text = "34.48%", .kind = QS_VALUE_NUMBER, .number = 34.48, .decimals = 2, .unit = "%" },
    { .text = "21950.4t", .kind = QS_VALUE_NUMBER, .number = 21950.4, .decimals = 1, .unit = "t" },
    { .text = "58ug/m ³ (2016年9-12月)", .kind = QS_VALUE_NUMBER, .number = 58,
      .unit = "ug/m ³", .qualifier = "(2016年9-12月)" },
    { .text = "100%（2020年）", .kind = QS_VALUE_NUMBER, .number = 100, .unit = "%",
      .qualifier = "（2020年）" },
    { .text = "８８．２５", .kind = QS_VALUE_NUMBER, .number = 88.25, .decimals = 2 },
    { .text = "３４％", .kind = QS_VALUE_NUMBER, .number = 34, .unit = "％" },
    { .text = " 88.25 ", .kind = QS_VALUE_NUMBER, .number = 88.25, .decimals = 2 },
    { .text = "88 %", .kind = QS_VALUE_NUMBER, .number = 88, .unit = "%" },
    { .text = "75,000", .kind = QS_VALUE_NUMBER, .number = 75000 },
    { .text = "1,234,567.5", .kind = QS_VALUE_NUMBER, .number = 1234567.5, .decimals = 1 },
    { .text = "-5", .kind = QS_VALUE_NUMBER, .number = -5 },
    { .text = "约88", .kind = QS_VALUE_NUMBER, .number = 88, .qualifier = "约" },
    { .text = "88左右", .kind = QS_VALUE_NUMBER, .number = 88, .qualifier = "左右" },
    { .text = "1812.1万元", .kind = QS_VALUE_NUMBER, .number = 1812.1, .decimals = 1,
      .unit = "万元" },
    { .text = "50m3", .kind = QS_VALUE_NUMBER, .number = 50, .unit = "m3" },
    { .text = "3.5万m3/d", .kind = QS_VALUE_NUMBER, .number = 3.5, .decimals = 1,
      .unit = "万m3/d" },
    { .text = "0", .kind = QS_VALUE_NUMBER, .number = 0 },
  };

  CHECK_TABLE (cases);
}

static void
test_bound (void)
{
  static const Expected cases[] = {
    { .text = "≥88", .kind = QS_VALUE_BOUND, .number = 88, .bound = QS_BOUND_GE },
    { .text = "≤32", .kind = QS_VALUE_BOUND, .number = 32, .bound = QS_BOUND_LE },
    { .text = "<310", .kind = QS_VALUE_BOUND, .number = 310, .bound = QS_BOUND_LT },
    { .text = ">5", .kind = QS_VALUE_BOUND, .number = 5, .bound = QS_BOUND_GT },
    { .text = ">=5", .kind = QS_VALUE_BOUND, .number = 5, .bound = QS_BOUND_GE },
    { .text = "<=0.68", .kind = QS_VALUE_BOUND, .number = 0.68, .decimals = 2,
      .bound = QS_BOUND_LE },
    { .text = "≥ 88", .kind = QS_VALUE_BOUND, .number = 88, .bound = QS_BOUND_GE },
    { .text = "≧88", .kind = QS_VALUE_BOUND, .number = 88, .bound = QS_BOUND_GE },
    { .text = "＜310", .kind = QS_VALUE_BOUND, .number = 310, .bound = QS_BOUND_LT },
    { .text = "≥75万亩", .kind = QS_VALUE_BOUND, .number = 75, .bound = QS_BOUND_GE,
      .unit = "万亩" },
    { .text = "≥16.87", .kind = QS_VALUE_BOUND, .number = 16.87, .decimals = 2,
      .bound = QS_BOUND_GE },
    { .text = "335以上", .kind = QS_VALUE_BOUND, .number = 335, .bound = QS_BOUND_GE },
    { .text = "88以下", .kind = QS_VALUE_BOUND, .number = 88, .bound = QS_BOUND_LE },
    { .text = "95%以上", .kind = QS_VALUE_BOUND, .number = 95, .bound = QS_BOUND_GE,
      .unit = "%" },
    { .text = "30天及以上", .kind = QS_VALUE_BOUND, .number = 30, .bound = QS_BOUND_GE,
      .unit = "天" },
    { .text = "不低于88", .kind = QS_VALUE_BOUND, .number = 88, .bound = QS_BOUND_GE },
    { .text = "不高于32", .kind = QS_VALUE_BOUND, .number = 32, .bound = QS_BOUND_LE },
    { .text = "达到95%以上", .kind = QS_VALUE_BOUND, .number = 95, .bound = QS_BOUND_GE,
      .unit = "%" },
    { .text = "<【75000】", .kind = QS_VALUE_BOUND, .number = 75000, .bound = QS_BOUND_LT,
      .cumulative = TRUE },
    { .text = "≥350*", .kind = QS_VALUE_BOUND, .number = 350, .bound = QS_BOUND_GE,
      .markers = "*" },
  };

  CHECK_TABLE (cases);
}

static void
test_cumulative (void)
{
  static const Expected cases[] = {
    { .text = "【15】", .kind = QS_VALUE_NUMBER, .number = 15, .cumulative = TRUE },
    { .text = "[22]", .kind = QS_VALUE_NUMBER, .number = 22, .cumulative = TRUE },
    { .text = "【29.4】", .kind = QS_VALUE_NUMBER, .number = 29.4, .decimals = 1,
      .cumulative = TRUE },
    { .text = "【8.91】", .kind = QS_VALUE_NUMBER, .number = 8.91, .decimals = 2,
      .cumulative = TRUE },
    { .text = "［22］", .kind = QS_VALUE_NUMBER, .number = 22, .cumulative = TRUE },
    { .text = "【 15 】", .kind = QS_VALUE_NUMBER, .number = 15, .cumulative = TRUE },
    { .text = "【15万亩】", .kind = QS_VALUE_NUMBER, .number = 15, .cumulative = TRUE,
      .unit = "万亩" },
    { .text = "[8.91~23]", .kind = QS_VALUE_RANGE, .number = 8.91, .number_high = 23,
      .decimals = 2, .cumulative = TRUE },
    { .text = "【≥15】", .kind = QS_VALUE_BOUND, .number = 15, .bound = QS_BOUND_GE,
      .cumulative = TRUE },
  };

  CHECK_TABLE (cases);
}

static void
test_range (void)
{
  static const Expected cases[] = {
    { .text = "8.91~23", .kind = QS_VALUE_RANGE, .number = 8.91, .number_high = 23,
      .decimals = 2 },
    { .text = "8.91-23", .kind = QS_VALUE_RANGE, .number = 8.91, .number_high = 23,
      .decimals = 2 },
    { .text = "8.91～23", .kind = QS_VALUE_RANGE, .number = 8.91, .number_high = 23,
      .decimals = 2 },
    { .text = "8.91—23", .kind = QS_VALUE_RANGE, .number = 8.91, .number_high = 23,
      .decimals = 2 },
    { .text = "8.91 ~ 23.125", .kind = QS_VALUE_RANGE, .number = 8.91, .number_high = 23.125,
      .decimals = 3 },
    { .text = "8.91至23", .kind = QS_VALUE_RANGE, .number = 8.91, .number_high = 23,
      .decimals = 2 },
    { .text = "10~20%", .kind = QS_VALUE_RANGE, .number = 10, .number_high = 20,
      .unit = "%" },
    { .text = "10%~20%", .kind = QS_VALUE_RANGE, .number = 10, .number_high = 20,
      .unit = "%" },
  };

  CHECK_TABLE (cases);
}

static void
test_assigned (void)
{
  static const Expected cases[] = {
    { .text = "由重庆市下达", .kind = QS_VALUE_ASSIGNED },
    { .text = "市级下达", .kind = QS_VALUE_ASSIGNED },
    { .text = "完成市级下达目标", .kind = QS_VALUE_ASSIGNED },
    { .text = "上级下达目标", .kind = QS_VALUE_ASSIGNED },
    { .text = "完成市级任务", .kind = QS_VALUE_ASSIGNED },
    { .text = "由四川省下达", .kind = QS_VALUE_ASSIGNED },
    { .text = "由市\n下达", .kind = QS_VALUE_ASSIGNED },
    { .text = "待下达*", .kind = QS_VALUE_ASSIGNED, .markers = "*" },
  };

  CHECK_TABLE (cases);
}

static void
test_change (void)
{
  static const Expected cases[] = {
    { .text = "保持", .kind = QS_VALUE_CHANGE, .change = QS_CHANGE_KEEP },
    { .text = "保持稳定", .kind = QS_VALUE_CHANGE, .change = QS_CHANGE_KEEP },
    { .text = "不低于现状值", .kind = QS_VALUE_CHANGE, .change = QS_CHANGE_KEEP },
    { .text = "稳步提高", .kind = QS_VALUE_CHANGE, .change = QS_CHANGE_INCREASE },
    { .text = "降低", .kind = QS_VALUE_CHANGE, .change = QS_CHANGE_DECREASE },
    { .text = "减少", .kind = QS_VALUE_CHANGE, .change = QS_CHANGE_DECREASE },
    { .text = "提高1个百分点", .kind = QS_VALUE_CHANGE, .number = 1,
      .change = QS_CHANGE_INCREASE, .change_unit = QS_CHANGE_UNIT_PERCENTAGE_POINT,
      .unit = "个百分点" },
    { .text = "提高1.1个百分点", .kind = QS_VALUE_CHANGE, .number = 1.1, .decimals = 1,
      .change = QS_CHANGE_INCREASE, .change_unit = QS_CHANGE_UNIT_PERCENTAGE_POINT,
      .unit = "个百分点" },
    { .text = "下降20%", .kind = QS_VALUE_CHANGE, .number = 20,
      .change = QS_CHANGE_DECREASE, .change_unit = QS_CHANGE_UNIT_PERCENT, .unit = "%" },
    { .text = "增加20%", .kind = QS_VALUE_CHANGE, .number = 20,
      .change = QS_CHANGE_INCREASE, .change_unit = QS_CHANGE_UNIT_PERCENT, .unit = "%" },
    { .text = "下降15%", .kind = QS_VALUE_CHANGE, .number = 15,
      .change = QS_CHANGE_DECREASE, .change_unit = QS_CHANGE_UNIT_PERCENT, .unit = "%" },
    { .text = "下降6.9%", .kind = QS_VALUE_CHANGE, .number = 6.9, .decimals = 1,
      .change = QS_CHANGE_DECREASE, .change_unit = QS_CHANGE_UNIT_PERCENT, .unit = "%" },
    { .text = "下降 20 ％", .kind = QS_VALUE_CHANGE, .number = 20,
      .change = QS_CHANGE_DECREASE, .change_unit = QS_CHANGE_UNIT_PERCENT, .unit = "％" },
    { .text = "下降20%以上", .kind = QS_VALUE_CHANGE, .number = 20, .bound = QS_BOUND_GE,
      .change = QS_CHANGE_DECREASE, .change_unit = QS_CHANGE_UNIT_PERCENT, .unit = "%" },
    { .text = "较2020年下降15%", .kind = QS_VALUE_CHANGE, .number = 15,
      .change = QS_CHANGE_DECREASE, .change_unit = QS_CHANGE_UNIT_PERCENT, .unit = "%",
      .qualifier = "较2020年" },
    { .text = "减少200吨", .kind = QS_VALUE_CHANGE, .number = 200,
      .change = QS_CHANGE_DECREASE, .unit = "吨" },
  };

  CHECK_TABLE (cases);
}

static void
test_water_class (void)
{
  static const Expected cases[] = {
    { .text = "Ⅲ", .kind = QS_VALUE_WATER_CLASS, .water_class = 3 },
    { .text = "III", .kind = QS_VALUE_WATER_CLASS, .water_class = 3 },
    { .text = "II", .kind = QS_VALUE_WATER_CLASS, .water_class = 2 },
    { .text = "Ⅱ类", .kind = QS_VALUE_WATER_CLASS, .water_class = 2 },
    { .text = "总体Ⅲ类", .kind = QS_VALUE_WATER_CLASS, .water_class = 3, .qualifier = "总体" },
    /* GE for a water class: no worse than V (class number ≤ 5) */
    { .text = "不低于V类", .kind = QS_VALUE_WATER_CLASS, .water_class = 5,
      .bound = QS_BOUND_GE },
    { .text = "劣Ⅴ类", .kind = QS_VALUE_WATER_CLASS, .water_class = 6 },
    { .text = "劣V类", .kind = QS_VALUE_WATER_CLASS, .water_class = 6 },
    { .text = "Ⅰ", .kind = QS_VALUE_WATER_CLASS, .water_class = 1 },
    { .text = "Ⅱ", .kind = QS_VALUE_WATER_CLASS, .water_class = 2 },
    { .text = "Ⅳ", .kind = QS_VALUE_WATER_CLASS, .water_class = 4 },
    { .text = "Ⅴ", .kind = QS_VALUE_WATER_CLASS, .water_class = 5 },
    { .text = "I", .kind = QS_VALUE_WATER_CLASS, .water_class = 1 },
    { .text = "IV", .kind = QS_VALUE_WATER_CLASS, .water_class = 4 },
    { .text = "V", .kind = QS_VALUE_WATER_CLASS, .water_class = 5 },
    { .text = "ⅲ类", .kind = QS_VALUE_WATER_CLASS, .water_class = 3 },
    { .text = "ＩＩＩ", .kind = QS_VALUE_WATER_CLASS, .water_class = 3 },
    { .text = "3类", .kind = QS_VALUE_WATER_CLASS, .water_class = 3 },
    { .text = "Ⅲ类水质", .kind = QS_VALUE_WATER_CLASS, .water_class = 3 },
    { .text = "Ⅲ类及以上", .kind = QS_VALUE_WATER_CLASS, .water_class = 3,
      .bound = QS_BOUND_GE },
    /* GT: better than III (class number < 3) */
    { .text = "优于Ⅲ类", .kind = QS_VALUE_WATER_CLASS, .water_class = 3,
      .bound = QS_BOUND_GT },
    { .text = "Ⅲ类（2025年）", .kind = QS_VALUE_WATER_CLASS, .water_class = 3,
      .qualifier = "（2025年）" },
    { .text = "Ⅱ类*", .kind = QS_VALUE_WATER_CLASS, .water_class = 2, .markers = "*" },
  };

  CHECK_TABLE (cases);
}

static void
test_qualitative (void)
{
  static const Expected cases[] = {
    { .text = "达到水域功能要求", .kind = QS_VALUE_QUALITATIVE },
    { .text = "全部达到水域功能", .kind = QS_VALUE_QUALITATIVE },
    { .text = "满足水域功能", .kind = QS_VALUE_QUALITATIVE },
    /* Inner white space is ignored when matching, the text is kept */
    { .text = "保持消除\n黑臭", .kind = QS_VALUE_QUALITATIVE },
    { .text = "达到二级标准", .kind = QS_VALUE_QUALITATIVE },
    { .text = "达到市上要求", .kind = QS_VALUE_QUALITATIVE },
    { .text = "达到市级考核", .kind = QS_VALUE_QUALITATIVE },
    { .text = "完成", .kind = QS_VALUE_QUALITATIVE },
    { .text = "是", .kind = QS_VALUE_QUALITATIVE },
    { .text = "约束性", .kind = QS_VALUE_QUALITATIVE },
    { .text = "预期性", .kind = QS_VALUE_QUALITATIVE },
    { .text = "天", .kind = QS_VALUE_QUALITATIVE },
    { .text = "%", .kind = QS_VALUE_QUALITATIVE },
    { .text = "吨", .kind = QS_VALUE_QUALITATIVE },
    { .text = "ug/m ³", .kind = QS_VALUE_QUALITATIVE },
    { .text = "以下", .kind = QS_VALUE_QUALITATIVE },
    { .text = "提高水质", .kind = QS_VALUE_QUALITATIVE },
    { .text = "比例提高", .kind = QS_VALUE_QUALITATIVE },
    { .text = "PM2.5浓度达标", .kind = QS_VALUE_QUALITATIVE },
    { .text = "约束性*", .kind = QS_VALUE_QUALITATIVE, .markers = "*" },
    { .text = "消除劣Ⅴ类水体", .kind = QS_VALUE_QUALITATIVE },
  };

  CHECK_TABLE (cases);
}

static void
test_markers (void)
{
  static const Expected cases[] = {
    { .text = "25.76*", .kind = QS_VALUE_NUMBER, .number = 25.76, .decimals = 2,
      .markers = "*" },
    { .text = "25.76 *", .kind = QS_VALUE_NUMBER, .number = 25.76, .decimals = 2,
      .markers = "*" },
    { .text = "17**", .kind = QS_VALUE_NUMBER, .number = 17, .markers = "**" },
    { .text = "3*", .kind = QS_VALUE_NUMBER, .number = 3, .markers = "*" },
    { .text = "88〔2〕", .kind = QS_VALUE_NUMBER, .number = 88, .markers = "〔2〕" },
    { .text = "88(1)", .kind = QS_VALUE_NUMBER, .number = 88, .markers = "(1)" },
    { .text = "88（1）", .kind = QS_VALUE_NUMBER, .number = 88, .markers = "（1）" },
    { .text = "88①", .kind = QS_VALUE_NUMBER, .number = 88, .markers = "①" },
    { .text = "88*〔2〕", .kind = QS_VALUE_NUMBER, .number = 88, .markers = "*〔2〕" },
    { .text = "【15】*", .kind = QS_VALUE_NUMBER, .number = 15, .cumulative = TRUE,
      .markers = "*" },
    { .text = "≥350*", .kind = QS_VALUE_BOUND, .number = 350, .bound = QS_BOUND_GE,
      .markers = "*" },
    { .text = "100%*", .kind = QS_VALUE_NUMBER, .number = 100, .unit = "%", .markers = "*" },
    /* Four digits in parentheses are a year, not a footnote */
    { .text = "88(2020)", .kind = QS_VALUE_NUMBER, .number = 88, .qualifier = "(2020)" },
  };

  CHECK_TABLE (cases);
}

static void
test_decimals (void)
{
  static const Expected cases[] = {
    { .text = "88.30", .kind = QS_VALUE_NUMBER, .number = 88.3, .decimals = 2 },
    { .text = "88.250", .kind = QS_VALUE_NUMBER, .number = 88.25, .decimals = 3 },
    { .text = "88", .kind = QS_VALUE_NUMBER, .number = 88 },
    { .text = "0.0", .kind = QS_VALUE_NUMBER, .number = 0, .decimals = 1 },
    { .text = "≥0.68", .kind = QS_VALUE_BOUND, .number = 0.68, .decimals = 2,
      .bound = QS_BOUND_GE },
    { .text = "8.9~23.00", .kind = QS_VALUE_RANGE, .number = 8.9, .number_high = 23,
      .decimals = 2 },
  };

  CHECK_TABLE (cases);
}

static void
test_unreadable (void)
{
  static const char * const cases[] = {
    "12..5", "≥≥3", "1.2.3", "abc%$#", "12.", ".5", "88,90", "1 2", "≥abc",
    "【15", "8.91~23~30", "≥8~9", "abc123", "?", "12$", "1,2345", "≥88以下",
    "提高1..5%", "88(1", "10%~20t", "1e5", "88-", "88.", "0x10", "88。",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QsValue) v = qs_value_parse (cases[i]);
      g_autofree char *want_reason = g_strdup_printf ("无法识别的数值：%s", cases[i]);
      g_autofree char *description = qs_value_describe (v);
      g_autofree char *want_description = g_strdup_printf ("无法识别：%s", cases[i]);

      if (v->kind != QS_VALUE_UNREADABLE)
        g_test_message ("«%s» read as %s", cases[i], qs_value_kind_to_string (v->kind));
      g_assert_cmpstr (qs_value_kind_to_string (v->kind), ==, "unreadable");
      g_assert_true (qs_value_is_error (v));
      g_assert_cmpstr (v->text, ==, cases[i]);
      g_assert_cmpstr (v->reason, ==, want_reason);
      g_assert_cmpstr (description, ==, want_description);
      g_assert_null (v->unit);
      g_assert_null (v->qualifier);
    }
}

static void
test_invalid_utf8 (void)
{
  static const char * const cases[] = {
    "\xff\xfe",
    "88\xc3",            /* truncated two-byte sequence */
    "\xe2\x89",          /* truncated ≥ */
    "\xe2\x89\xa5" "88\x80",
    "\xc0\xaf",          /* overlong / */
    "\xed\xa0\x80",      /* UTF-16 surrogate */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QsValue) v = qs_value_parse (cases[i]);
      g_autofree char *description = qs_value_describe (v);

      g_assert_cmpint (v->kind, ==, QS_VALUE_UNREADABLE);
      g_assert_cmpstr (v->text, ==, cases[i]);
      g_assert_nonnull (v->reason);
      g_assert_true (g_utf8_validate (v->reason, -1, NULL));
      g_assert_true (g_str_has_prefix (v->reason, "无法识别的数值："));
      g_assert_true (g_utf8_validate (description, -1, NULL));
      g_assert_true (g_str_has_prefix (description, "无法识别："));
    }
}

static void
test_null (void)
{
  g_autoptr(QsValue) v = qs_value_parse (NULL);

  g_assert_cmpstr (v->text, ==, "");
  g_assert_cmpint (v->kind, ==, QS_VALUE_EMPTY);
}

static void
test_describe (void)
{
  static const struct
  {
    const char *text;
    const char *description;
  } cases[] = {
    { "≥88", "不低于 88（下限）" },
    { "≤32", "不高于 32（上限）" },
    { "<310", "低于 310（上限，不含）" },
    { ">5", "高于 5（下限，不含）" },
    { "<【75000】", "累计低于 75000（上限，不含）" },
    { "≥75万亩", "不低于 75 万亩（下限）" },
    { "≥88（2025年）", "不低于 88（下限）（2025年）" },
    { "【15】", "累计值 15" },
    { "【29.4】", "累计值 29.4" },
    { "[8.91~23]", "累计值 8.91 至 23.00" },
    { "8.91~23", "范围 8.91 至 23.00" },
    { "88.30", "数值 88.30" },
    { "100%", "数值 100%" },
    { "21950.4t", "数值 21950.4 t" },
    { "58ug/m ³ (2016年9-12月)", "数值 58 ug/m ³ (2016年9-12月)" },
    { "25.76*", "数值 25.76，见注 *" },
    { "由重庆市下达", "由上级下达（待定）" },
    { "提高1个百分点", "较基准值提高 1 个百分点" },
    { "提高1.1个百分点", "较基准值提高 1.1 个百分点" },
    { "下降20%", "较基准值下降 20%" },
    { "稳步提高", "较基准值提高" },
    { "保持", "保持基准值水平" },
    { "Ⅲ", "水质类别 Ⅲ 类" },
    { "总体Ⅲ类", "水质类别 Ⅲ 类（总体）" },
    { "不低于V类", "水质不低于 Ⅴ 类" },
    { "劣Ⅴ类", "水质类别 劣Ⅴ 类" },
    { "—", "无数据" },
    { "", "空白" },
    { "达到水域功能要求", "文字说明：达到水域功能要求" },
    { "12..5", "无法识别：12..5" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QsValue) v = qs_value_parse (cases[i].text);
      g_autofree char *description = qs_value_describe (v);

      g_assert_cmpstr (description, ==, cases[i].description);
    }
}

static void
test_strings (void)
{
  static const char * const kinds[] = {
    "empty", "none", "number", "bound", "range", "assigned", "change", "water_class",
    "qualitative", "unreadable",
  };

  for (guint k = QS_VALUE_EMPTY; k <= QS_VALUE_UNREADABLE; k++)
    g_assert_cmpstr (qs_value_kind_to_string ((QsValueKind) k), ==, kinds[k]);
  g_assert_cmpuint (G_N_ELEMENTS (kinds), ==, QS_VALUE_UNREADABLE + 1);

  g_assert_null (qs_bound_to_string (QS_BOUND_NONE));
  g_assert_cmpstr (qs_bound_to_string (QS_BOUND_GE), ==, "ge");
  g_assert_cmpstr (qs_bound_to_string (QS_BOUND_GT), ==, "gt");
  g_assert_cmpstr (qs_bound_to_string (QS_BOUND_LE), ==, "le");
  g_assert_cmpstr (qs_bound_to_string (QS_BOUND_LT), ==, "lt");
}

static void
assert_values_equal (const QsValue *a,
                     const QsValue *b)
{
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpfloat (a->number, ==, b->number);
  g_assert_cmpfloat (a->number_high, ==, b->number_high);
  g_assert_cmpint (a->decimals, ==, b->decimals);
  g_assert_cmpint (a->bound, ==, b->bound);
  g_assert_cmpint (a->cumulative, ==, b->cumulative);
  g_assert_cmpint (a->change, ==, b->change);
  g_assert_cmpint (a->change_unit, ==, b->change_unit);
  g_assert_cmpint (a->water_class, ==, b->water_class);
  g_assert_cmpstr (a->unit, ==, b->unit);
  g_assert_cmpstr (a->markers, ==, b->markers);
  g_assert_cmpstr (a->qualifier, ==, b->qualifier);
  g_assert_cmpstr (a->reason, ==, b->reason);
}

static void
test_copy (void)
{
  static const char * const cases[] = {
    "58ug/m ³ (2016年9-12月)", "≥350*", "总体Ⅲ类", "12..5", "较2020年下降15%",
  };

  g_assert_true (G_TYPE_IS_BOXED (QS_TYPE_VALUE));
  g_assert_cmpstr (g_type_name (QS_TYPE_VALUE), ==, "QsValue");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QsValue) v = qs_value_parse (cases[i]);
      g_autoptr(QsValue) copy = qs_value_copy (v);
      QsValue *boxed = g_boxed_copy (QS_TYPE_VALUE, v);

      assert_values_equal (v, copy);
      assert_values_equal (v, boxed);
      /* A deep copy: no string is shared */
      g_assert_true (copy->text != v->text);
      g_assert_true (copy->unit == NULL || copy->unit != v->unit);
      g_assert_true (copy->qualifier == NULL || copy->qualifier != v->qualifier);
      g_boxed_free (QS_TYPE_VALUE, boxed);
    }

  qs_value_free (NULL);
}

/* Truth files */

static char *
find_shared_dir (void)
{
  const char *dir = g_getenv ("QS_SHARED_DIR");
  const char *source = g_getenv ("QS_SOURCE_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  if (source != NULL && *source != '\0')
    return g_build_filename (source, "..", "shared", NULL);
  return g_strdup ("../shared");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_truth (void)
{
  g_autofree char *shared = find_shared_dir ();
  g_autofree char *truth = g_build_filename (shared, "truth", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  guint per_kind[QS_VALUE_UNREADABLE + 1] = { 0, };
  guint checked = 0;
  const char *name;

  if (!g_file_test (truth, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("shared truth directory %s is absent", truth);
      g_test_skip (message);
      return;
    }

  dir = g_dir_open (truth, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_pattern_match_simple ("0*.json", name))
        g_ptr_array_add (files, g_build_filename (truth, name, NULL));
    }
  g_ptr_array_sort (files, compare_strings);

  if (files->len == 0)
    {
      g_autofree char *message = g_strdup_printf ("no truth/0*.json files in %s", shared);
      g_test_skip (message);
      return;
    }

  for (guint f = 0; f < files->len; f++)
    {
      const char *path = files->pdata[f];
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *root;
      JsonArray *tables;

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      root = json_node_get_object (json_parser_get_root (parser));

      if (!json_object_has_member (root, "indicator_tables"))
        continue;
      tables = json_object_get_array_member (root, "indicator_tables");

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          JsonArray *rows;

          if (!json_object_has_member (table, "rows"))
            continue;
          rows = json_object_get_array_member (table, "rows");

          for (guint r = 0; r < json_array_get_length (rows); r++)
            {
              JsonObject *row = json_array_get_object_element (rows, r);
              JsonObject *values;
              g_autoptr(GList) columns = NULL;

              if (!json_object_has_member (row, "values"))
                continue;
              values = json_object_get_object_member (row, "values");
              columns = json_object_get_members (values);

              for (const GList *l = columns; l != NULL; l = l->next)
                {
                  JsonNode *node = json_object_get_member (values, l->data);
                  const char *text;
                  g_autoptr(QsValue) v = NULL;

                  if (JSON_NODE_HOLDS_NULL (node))
                    continue;
                  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
                  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
                  text = json_node_get_string (node);

                  v = qs_value_parse (text);
                  g_assert_cmpstr (v->text, ==, text);
                  if (qs_value_is_error (v))
                    g_test_message ("%s: table %u row %u column %s: «%s»: %s", path, t, r,
                                    (const char *) l->data, text, v->reason);
                  g_assert_false (qs_value_is_error (v));
                  per_kind[v->kind]++;
                  checked++;
                }
            }
        }
    }

  g_assert_cmpuint (checked, >, 0);
  g_test_message ("checked %u indicator values in %u truth files", checked, files->len);
  for (guint k = 0; k <= QS_VALUE_UNREADABLE; k++)
    g_test_message ("  %-12s %u", qs_value_kind_to_string ((QsValueKind) k), per_kind[k]);
}

/* Robustness */

/* Whatever the input, the reading keeps the text and is self-consistent. */
static void
check_invariants (const char *input)
{
  g_autoptr(QsValue) v = qs_value_parse (input);
  g_autoptr(QsValue) copy = NULL;
  g_autofree char *description = NULL;

  g_assert_cmpstr (v->text, ==, input);
  g_assert_cmpint (v->kind, >=, QS_VALUE_EMPTY);
  g_assert_cmpint (v->kind, <=, QS_VALUE_UNREADABLE);
  g_assert_nonnull (qs_value_kind_to_string (v->kind));
  g_assert_true ((v->kind == QS_VALUE_UNREADABLE) == (v->reason != NULL));
  g_assert_true (v->reason == NULL || g_utf8_validate (v->reason, -1, NULL));
  if (v->kind == QS_VALUE_WATER_CLASS)
    g_assert_true (v->water_class >= 1 && v->water_class <= 6);
  else
    g_assert_cmpint (v->water_class, ==, 0);
  g_assert_cmpint (v->decimals, >=, 0);

  /* Pieces split off are cut from the text, so they appear in it */
  g_assert_true (v->unit == NULL || strstr (input, v->unit) != NULL);
  g_assert_true (v->markers == NULL || strstr (input, v->markers) != NULL);

  description = qs_value_describe (v);
  g_assert_nonnull (description);
  g_assert_true (g_utf8_validate (description, -1, NULL));

  copy = qs_value_copy (v);
  assert_values_equal (v, copy);
}

static void
test_random_bytes (void)
{
  /* Fragments that steer random input into the grammar's corners */
  static const char * const fragments[] = {
    "≥", "≤", "<", ">", "=", "【", "】", "[", "]", "〔", "〕", "(", ")", "（", "）",
    "0", "1", "8", "9", ".", ",", "%", "％", "~", "～", "-", "—", "―", "*", "①",
    "以上", "以下", "不低于", "下降", "提高", "个百分点", "保持", "下达", "Ⅲ", "Ⅴ",
    "劣", "类", "I", "V", "X", "总体", "较", "约", "万亩", "t", "ug/m ³", " ", "\n",
    "\u00a0", "\u3000", "８", "．", "$", "#", "无", "/", "\xe2\x89", "\xff", "\xc3",
  };

  for (guint iter = 0; iter < 20000; iter++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint pieces = (guint) g_test_rand_int_range (0, 12);

      for (guint k = 0; k < pieces; k++)
        {
          if (g_test_rand_bit ())
            g_string_append (s, fragments[g_test_rand_int_range (0, G_N_ELEMENTS (fragments))]);
          else
            g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
        }

      check_invariants (s->str);
    }
}

static void
test_truncated (void)
{
  static const char * const samples[] = {
    "58ug/m ³ (2016年9-12月)", "≥75万亩", "<【75000】", "提高1.1个百分点", "总体Ⅲ类",
    "不低于V类", "劣Ⅴ类", "保持消除\n黑臭", "８８．２５％", "88〔2〕", "8.91～23",
    "由重庆市下达", "―", "\u3000", "①", "较2020年下降15%以上",
  };

  /* Every byte prefix, valid UTF-8 or not */
  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      gsize len = strlen (samples[i]);

      for (gsize cut = 0; cut <= len; cut++)
        {
          g_autofree char *prefix = g_strndup (samples[i], cut);
          g_autofree char *suffix = g_strdup (samples[i] + cut);

          check_invariants (prefix);
          check_invariants (suffix);
        }
    }
}

static void
test_long (void)
{
  static const char * const units[] = {
    "9", "【", "≥", "1.", "*", "(", "Ⅰ", "稳", "以上", "-", " ", "较", "〔1", ",000",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) s = g_string_new ("1");

      while (s->len < 200000)
        g_string_append (s, units[i]);
      check_invariants (s->str);
      g_string_append (s, ")");
      check_invariants (s->str);
      g_string_erase (s, 0, 1);
      check_invariants (s->str);
    }

  /* Hundreds of digits overflow a double: refused, not read as infinity */
  {
    g_autofree char *big = g_strnfill (400, '9');
    g_autoptr(QsValue) v = qs_value_parse (big);

    g_assert_cmpint (v->kind, ==, QS_VALUE_UNREADABLE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value/empty", test_empty);
  g_test_add_func ("/value/none", test_none);
  g_test_add_func ("/value/number", test_number);
  g_test_add_func ("/value/bound", test_bound);
  g_test_add_func ("/value/cumulative", test_cumulative);
  g_test_add_func ("/value/range", test_range);
  g_test_add_func ("/value/assigned", test_assigned);
  g_test_add_func ("/value/change", test_change);
  g_test_add_func ("/value/water-class", test_water_class);
  g_test_add_func ("/value/qualitative", test_qualitative);
  g_test_add_func ("/value/markers", test_markers);
  g_test_add_func ("/value/decimals", test_decimals);
  g_test_add_func ("/value/unreadable", test_unreadable);
  g_test_add_func ("/value/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/value/null", test_null);
  g_test_add_func ("/value/describe", test_describe);
  g_test_add_func ("/value/strings", test_strings);
  g_test_add_func ("/value/copy", test_copy);
  g_test_add_func ("/value/truth", test_truth);
  g_test_add_func ("/value/robustness/random", test_random_bytes);
  g_test_add_func ("/value/robustness/truncated", test_truncated);
  g_test_add_func ("/value/robustness/long", test_long);

  return g_test_run ();
}
