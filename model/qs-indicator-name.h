/* qs-indicator-name.h: reading an indicator name cell. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The parts of a name cell such as "5.空气质量优良天数比率〔2〕（%）" or
 * "主要污染物排放总量减少(%) *": the leading number ("5"), the clean
 * indicator ("空气质量优良天数比率"), the unit from the last bracket ("%")
 * and footnote markers ("〔2〕").  Missing parts are NULL. */
typedef struct
{
  char *number;
  char *indicator;
  char *unit;
  char *markers;
} QsIndicatorName;

QsIndicatorName *qs_indicator_name_parse (const char      *cell);
void             qs_indicator_name_free  (QsIndicatorName *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsIndicatorName, qs_indicator_name_free)

G_END_DECLS
