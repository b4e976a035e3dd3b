/* qs-check-finding.h: one finding of the check of a district plan. */
#pragma once

#include <json-glib/json-glib.h>
#include "qs-indicator-row.h"
#include "qs-requirement.h"

G_BEGIN_DECLS

/* What a finding is about. */
typedef enum
{
  QS_FINDING_ROW,         /* one row of a target table, against the municipal plan */
  QS_FINDING_PLAN,        /* the plan as a whole (a binding indicator missing …) */
  QS_FINDING_COMPLETION,  /* one row of a review table: was the last period's target met */
} QsFindingScope;

/* The verdict on one target row. */
typedef enum
{
  QS_CHECK_MEETS,                 /* at least as strict as the municipality requires */
  QS_CHECK_FALLS_SHORT,           /* weaker than the municipal requirement */
  QS_CHECK_WEAKER_THAN_BASELINE,  /* worse than the row's own baseline in the better direction */
  QS_CHECK_PENDING,               /* 由重庆市下达: waits for the municipality */
  QS_CHECK_NOT_COMPARABLE,        /* units differ without a conversion, text, no figure … */
  QS_CHECK_NO_REQUIREMENT,        /* the municipality asks nothing of this indicator */
} QsCheckStatus;

typedef enum
{
  QS_PLAN_FINDING_MISSING_INDICATOR,  /* a binding or required indicator is absent */
  QS_PLAN_FINDING_UNLINKED_ROWS,      /* rows not linked to the catalog */
  QS_PLAN_FINDING_PERIOD_DIFFERS,     /* the two plans cover different periods */
  QS_PLAN_FINDING_NO_TARGET_TABLE,    /* no table with a target column */
  QS_PLAN_FINDING_NO_DISTRICT,        /* the district's name is unknown */
} QsPlanFindingKind;

typedef enum
{
  QS_COMPLETION_UNKNOWN,   /* cannot be computed / not stated */
  QS_COMPLETION_MET,       /* 完成 */
  QS_COMPLETION_NOT_MET,   /* 未完成 */
} QsCompletion;

const char *qs_check_status_to_string     (QsCheckStatus     status);  /* "meets" "falls-short" … */
const char *qs_check_status_label         (QsCheckStatus     status);  /* 符合, 未达要求 … */
const char *qs_plan_finding_kind_to_string (QsPlanFindingKind kind);   /* "missing-indicator" … */
const char *qs_completion_to_string       (QsCompletion      completion); /* "met" "not-met" "unknown" */
const char *qs_completion_label           (QsCompletion      completion); /* 完成, 未完成, 无法判断 */
/* Reads a 完成情况 cell: 完成/是/达到…/满足… → MET, 未完成/否 → NOT_MET,
 * anything else (/, 空) → UNKNOWN. */
QsCompletion qs_completion_parse_claim    (const char       *text);

#define QS_TYPE_CHECK_FINDING (qs_check_finding_get_type ())

G_DECLARE_FINAL_TYPE (QsCheckFinding, qs_check_finding, QS, CHECK_FINDING, GObject)

QsCheckFinding *qs_check_finding_new               (QsFindingScope     scope);
QsFindingScope  qs_check_finding_get_scope         (QsCheckFinding    *self);

/* ROW: the verdict. */
QsCheckStatus   qs_check_finding_get_status        (QsCheckFinding    *self);
void            qs_check_finding_set_status        (QsCheckFinding    *self,
                                                    QsCheckStatus      status);
/* PLAN: what kind of plan-level finding. */
QsPlanFindingKind qs_check_finding_get_plan_kind   (QsCheckFinding    *self);
void            qs_check_finding_set_plan_kind     (QsCheckFinding    *self,
                                                    QsPlanFindingKind  kind);
/* COMPLETION: computed from target and actual, and what the document says. */
QsCompletion    qs_check_finding_get_completion    (QsCheckFinding    *self);
void            qs_check_finding_set_completion    (QsCheckFinding    *self,
                                                    QsCompletion       completion);
QsCompletion    qs_check_finding_get_claimed       (QsCheckFinding    *self);
void            qs_check_finding_set_claimed       (QsCheckFinding    *self,
                                                    QsCompletion       claimed);
/* TRUE when both are known and differ. */
gboolean        qs_check_finding_get_disagrees     (QsCheckFinding    *self);

/* Where: table label ("表2"), row index in the table (-1 for none), the row. */
const char     *qs_check_finding_get_table_label   (QsCheckFinding    *self);
int             qs_check_finding_get_row_index     (QsCheckFinding    *self);
QsIndicatorRow *qs_check_finding_get_row           (QsCheckFinding    *self);
void            qs_check_finding_set_location      (QsCheckFinding    *self,
                                                    const char        *table_label,
                                                    int                row_index,
                                                    QsIndicatorRow    *row);
/* The catalog entry (id and canonical name), or NULL. */
const char     *qs_check_finding_get_indicator_id  (QsCheckFinding    *self);
const char     *qs_check_finding_get_indicator_name (QsCheckFinding   *self);
void            qs_check_finding_set_indicator     (QsCheckFinding    *self,
                                                    const char        *id,
                                                    const char        *name);
/* The cells compared, as written: target, baseline (ROW) or actual (COMPLETION). */
const char     *qs_check_finding_get_target        (QsCheckFinding    *self);
const char     *qs_check_finding_get_baseline      (QsCheckFinding    *self);
void            qs_check_finding_set_figures       (QsCheckFinding    *self,
                                                    const char        *target,
                                                    const char        *baseline);
/* The municipal requirement that decided the verdict, or NULL. */
QsRequirement  *qs_check_finding_get_requirement   (QsCheckFinding    *self);
void            qs_check_finding_set_requirement   (QsCheckFinding    *self,
                                                    QsRequirement     *requirement);
/* What was required, as shown to the user ("市级目标 46", "专栏3 …：≤35"), or NULL. */
const char     *qs_check_finding_get_required      (QsCheckFinding    *self);
void            qs_check_finding_set_required      (QsCheckFinding    *self,
                                                    const char        *required);
/* One line of Chinese naming the figures. */
const char     *qs_check_finding_get_reason        (QsCheckFinding    *self);
void            qs_check_finding_set_reason        (QsCheckFinding    *self,
                                                    const char        *reason);

JsonNode       *qs_check_finding_to_json           (QsCheckFinding    *self);

G_END_DECLS
