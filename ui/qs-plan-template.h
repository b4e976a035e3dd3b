/* qs-plan-template.h: the chapter skeleton and target table of a new plan. */
#pragma once

#include "qs-catalog.h"
#include "qs-model.h"

G_BEGIN_DECLS

/* Fills an empty @plan (title, level and period already set) with the
 * usual chapters of an eco-environmental five-year plan and, in 总体要求 /
 * 主要目标, an indicator table whose rows are the indicators @municipal
 * (the municipal plan of the same or the previous period, or NULL) sets
 * targets for, or else the binding indicators of @catalog (or NULL), with
 * empty baseline and target cells to fill in. */
void     qs_plan_template_fill            (QsPlan    *plan,
                                           QsPlan    *municipal,
                                           QsCatalog *catalog);
/* The municipal plan in @workspace to take the indicators from: the same
 * period as @start_year, else the previous one; NULL when none. */
QsPlan  *qs_plan_template_find_municipal  (QsWorkspace *workspace,
                                           int          start_year);

G_END_DECLS
