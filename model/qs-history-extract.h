/* qs-history-extract.h: yearly values stated in a plan's prose. */
#pragma once

#include <glib-object.h>
#include "qs-catalog.h"
#include "qs-plan.h"
#include "qs-year-value.h"

G_BEGIN_DECLS

/* Reads the plan's paragraphs for yearly values stated in prose
 * ("2020年，…优良天数达300天，优良天数比率82.2%，较2015年增加5.1%") and
 * returns them as suggestions: QsYearValue with source PROSE, accepted
 * FALSE, the sentence as source text.  A figure without a year is given
 * the year before the plan's period (the 现状 year).  With a @catalog the
 * indicator is linked to a catalog id where a name or a tail of it is
 * known.  The plan is not changed.
 *
 * Returns: (transfer full) (element-type QsYearValue): the suggestions in
 * document order. */
GPtrArray *qs_history_extract (QsPlan    *plan,
                               QsCatalog *catalog);

G_END_DECLS
