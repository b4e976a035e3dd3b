/* qs-check.h: checks a district plan against its municipal plan. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "qs-catalog.h"
#include "qs-check-finding.h"
#include "qs-plan.h"
#include "qs-requirement.h"

G_BEGIN_DECLS

#define QS_TYPE_CHECK (qs_check_get_type ())

G_DECLARE_FINAL_TYPE (QsCheck, qs_check, QS, CHECK, GObject)

/* The check does what a reviewer does by hand, row by row:
 *
 *  - every row of the district's target tables (a TARGET column, no
 *    actual/status column) is compared with what the municipality requires
 *    of this district (a requirement naming it or a group holding it),
 *    else with the municipal target of the same indicator; the verdict is
 *    a QsCheckStatus and a one-line Chinese reason naming the figures;
 *  - a target worse than the row's own baseline in the better direction
 *    is WEAKER_THAN_BASELINE whatever the municipality asks;
 *  - 由重庆市下达 is PENDING until an assigned-value requirement gives
 *    the figure, which then stands in the cell for the check;
 *  - plan-level findings: binding or required indicators the district
 *    lacks, unlinked rows, differing periods;
 *  - review tables of the last period (target, actual of the same year,
 *    完成情况): completion computed from target and actual, flagged where
 *    the document's own 完成情况 says otherwise.
 *
 * Rows are matched to the catalog by their indicator-id, or by name when
 * unlinked; the plans are not changed. */
QsCheck      *qs_check_new                  (QsCatalog     *catalog);
QsCatalog    *qs_check_get_catalog          (QsCheck       *self);
/* The municipal plan's requirements on districts (of QsRequirement), or NULL. */
void          qs_check_set_requirements     (QsCheck       *self,
                                             GListModel    *requirements);
GListModel   *qs_check_get_requirements     (QsCheck       *self);
/* Runs the check, replacing earlier findings.  @municipal may be NULL:
 * then only baselines, assigned values and completion are checked. */
void          qs_check_run                  (QsCheck       *self,
                                             QsPlan        *district,
                                             QsPlan        *municipal);
/* The district name used to pick requirements (the plan's region, or a
 * district named in its title), or NULL. */
const char   *qs_check_get_district         (QsCheck       *self);
/* Of QsCheckFinding, in document order. */
GListModel   *qs_check_get_row_findings     (QsCheck       *self);
GListModel   *qs_check_get_plan_findings    (QsCheck       *self);
GListModel   *qs_check_get_completions      (QsCheck       *self);
/* How many row findings have @status. */
guint         qs_check_count                (QsCheck       *self,
                                             QsCheckStatus  status);
/* Completions whose computed result differs from the document's. */
guint         qs_check_count_disagreements  (QsCheck       *self);

/* What a target figure guarantees in @entry's better direction, read as
 * the check reads a target (≥88 → 88, 下降20% on a baseline of 57 → 45.6)
 * and converted into the entry's usual unit, so that the targets of
 * several plans can be ranked.  @baseline (may be NULL) is what a change
 * is measured from.  FALSE when the figure guarantees no one level
 * (由重庆市下达, text, a bound the wrong way, a unit that does not convert). */
gboolean      qs_check_target_level         (QsCatalog      *catalog,
                                             QsCatalogEntry *entry,
                                             const QsValue  *target,
                                             const QsValue  *baseline,
                                             const char     *row_unit,
                                             double         *level,
                                             gboolean       *cumulative);

/* The findings as text for a terminal (UTF-8, one finding per line). */
char         *qs_check_to_text              (QsCheck       *self);
/* {"plan": {title, region, period}, "against": {…}, "district",
 *  "rows": [{status, label, table, row (0-based), name, indicator_id,
 *            indicator, target, baseline, required, requirement_id, reason}],
 *  "plan_findings": [{kind, indicator_id, indicator, required, requirement_id, reason}],
 *  "completion": [{computed, claimed, disagrees, table, row, name, …, target, actual, reason}],
 *  "summary": {meets, falls-short, …, disagreements}} */
JsonNode     *qs_check_to_json              (QsCheck       *self);
char         *qs_check_to_json_data         (QsCheck       *self,
                                             gsize         *length);

G_END_DECLS
