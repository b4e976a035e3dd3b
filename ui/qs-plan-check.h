/* qs-plan-check.h: the check of an open district plan, without widgets. */
#pragma once

#include <gio/gio.h>
#include "qs-check.h"
#include "qs-plan.h"
#include "qs-workspace.h"

G_BEGIN_DECLS

/* The municipal plan in @workspace that a district plan answers to: level
 * municipal, period equal to the district's or the one just before (the
 * equal one preferred).  NULL with no error when there is none. */
QsPlan  *qs_plan_check_find_municipal (QsPlan       *district,
                                       QsWorkspace  *workspace,
                                       GError      **error);
/* The catalog the check links with: the built-in one merged with the
 * workspace's extensions (@workspace NULL: the built-in one). */
QsCatalog *qs_plan_check_load_catalog (QsWorkspace  *workspace,
                                       GError      **error);
/* Runs the check of @district against @municipal (may be NULL) and its
 * requirements.  @municipal is linked to @catalog (a copy the caller
 * owns, e.g. one loaded from the workspace); @district is not changed. */
QsCheck *qs_plan_check_run_against    (QsPlan       *district,
                                       QsPlan       *municipal,
                                       QsCatalog    *catalog);
/* Runs the check of @district against the municipal plan found in
 * @workspace (NULL: baselines and completion only), with the workspace's
 * catalog and the municipal plan's requirements.  *@has_municipal
 * (optional) tells whether one was found.  @district is not changed. */
QsCheck *qs_plan_check_run            (QsPlan       *district,
                                       QsWorkspace  *workspace,
                                       gboolean     *has_municipal,
                                       GError      **error);

G_END_DECLS
