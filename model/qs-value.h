/* qs-value.h: the value grammar of indicator cells.
 *
 * A cell of an indicator table is not a number: it is text as written
 * (`≥88`, `【15】`, `由重庆市下达`, `25.76*`, `不低于V类`).  QsValue keeps
 * that text exactly and sits a parsed reading beside it.  Text that cannot be
 * read is kept and flagged (QS_VALUE_UNREADABLE with a reason), never dropped.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  QS_VALUE_EMPTY,        /* "" or only white space / NBSP: a blank or merged cell */
  QS_VALUE_NONE,         /* — - ― / 无: not assessed, no data */
  QS_VALUE_NUMBER,       /* 88.25, 100%, 21950.4t, 75000 */
  QS_VALUE_BOUND,        /* ≥88, ≤32, <310, 335以上, ≥75万亩, <【75000】 (cumulative flag set) */
  QS_VALUE_RANGE,        /* 8.91~23, [8.91~23] (cumulative flag set) */
  QS_VALUE_ASSIGNED,     /* 由重庆市下达, 市级下达, 完成市级下达目标, 上级下达目标 */
  QS_VALUE_CHANGE,       /* 保持, 稳步提高, 提高1个百分点, 下降20%, 增加20%, 不低于现状值 */
  QS_VALUE_WATER_CLASS,  /* Ⅲ, III, Ⅱ类, 总体Ⅲ类, 不低于V类 (bound set) */
  QS_VALUE_QUALITATIVE,  /* 达到水域功能要求, 保持消除黑臭, 达到二级标准, 完成, 约束性, 天 ... */
  QS_VALUE_UNREADABLE,   /* kept as written, flagged with a reason */
} QsValueKind;

typedef enum
{
  QS_BOUND_NONE,
  QS_BOUND_GE,           /* ≥  不低于  以上 */
  QS_BOUND_GT,           /* >  */
  QS_BOUND_LE,           /* ≤  不高于  以下 */
  QS_BOUND_LT,           /* <  */
} QsBound;

typedef enum
{
  QS_CHANGE_NONE,
  QS_CHANGE_KEEP,        /* 保持, 不低于现状值: no worse than the baseline */
  QS_CHANGE_INCREASE,    /* 提高, 增加, 稳步提高, 增长 */
  QS_CHANGE_DECREASE,    /* 下降, 降低, 减少 */
} QsChangeDirection;

typedef enum
{
  QS_CHANGE_UNIT_NONE,   /* no amount (保持, 稳步提高) */
  QS_CHANGE_UNIT_PERCENT,          /* 下降20% : relative to the baseline */
  QS_CHANGE_UNIT_PERCENTAGE_POINT, /* 提高1个百分点 */
} QsChangeUnit;

/* A parsed reading of one cell.  Plain data: copy with qs_value_copy. */
typedef struct _QsValue QsValue;

struct _QsValue
{
  char              *text;         /* exactly as written, never changed */
  QsValueKind        kind;
  double             number;       /* NUMBER, BOUND, RANGE (low end), CHANGE amount */
  double             number_high;  /* RANGE high end */
  int                decimals;     /* digits after the point as written (for printing) */
  QsBound            bound;        /* BOUND; WATER_CLASS: GE means "no worse than" (class number <=), e.g. 不低于V类 */
  gboolean           cumulative;   /* written in 【】 or [] : a five-year cumulative figure */
  QsChangeDirection  change;       /* CHANGE */
  QsChangeUnit       change_unit;  /* CHANGE */
  int                water_class;  /* 1..6 (6 = 劣Ⅴ), WATER_CLASS */
  char              *unit;         /* inline unit split off: "%", "t", "万亩", "ug/m ³", "天" ... or NULL */
  char              *markers;      /* footnote markers split off: "*", "**", "〔2〕" ... or NULL */
  char              *qualifier;    /* remaining words, e.g. "(2016年9-12月)", "总体", or NULL */
  char              *reason;       /* UNREADABLE: why, in Chinese, for the user; else NULL */
};

#define QS_TYPE_VALUE (qs_value_get_type ())

GType        qs_value_get_type        (void) G_GNUC_CONST;
QsValue     *qs_value_parse           (const char     *text);
QsValue     *qs_value_copy            (const QsValue  *value);
void         qs_value_free            (QsValue        *value);
const char  *qs_value_kind_to_string  (QsValueKind     kind);   /* "number", "bound", ... stable ids for JSON */
const char  *qs_bound_to_string       (QsBound         bound);  /* "ge" "gt" "le" "lt" or NULL */
char        *qs_value_describe        (const QsValue  *value);  /* short Chinese description for tooltips */
gboolean     qs_value_is_error        (const QsValue  *value);  /* kind == UNREADABLE */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsValue, qs_value_free)

G_END_DECLS
