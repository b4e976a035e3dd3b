/* qs-plan-picker.h: picks the district plans of a workspace to compare. */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_PLAN_PICKER (qs_plan_picker_get_type ())

G_DECLARE_FINAL_TYPE (QsPlanPicker, qs_plan_picker, QS, PLAN_PICKER, GtkWidget)

/* A sidebar: a drop-down of the periods the workspace's district and
 * county plans cover (latest first), a drop-down of the district groups
 * of that period's municipal plan (全部区县, each group, 自选) and a check
 * list of the period's plans.  ::changed is emitted when the checked plans
 * (or the period, hence the municipal plan) change. */
GtkWidget   *qs_plan_picker_new             (void);
/* Lists @workspace's plans (may be NULL) and checks every plan of the
 * latest period. */
void         qs_plan_picker_set_workspace   (QsPlanPicker   *self,
                                             QsWorkspace    *workspace);
QsWorkspace *qs_plan_picker_get_workspace   (QsPlanPicker   *self);
/* Lists the workspace's plans again, keeping the period and the checks. */
void         qs_plan_picker_reload          (QsPlanPicker   *self);

/* Periods as "2021-2025", latest first. */
GStrv        qs_plan_picker_dup_periods     (QsPlanPicker   *self);
const char  *qs_plan_picker_get_period      (QsPlanPicker   *self);
/* Shows the plans of @period and checks them all; FALSE when no plan
 * covers it. */
gboolean     qs_plan_picker_set_period      (QsPlanPicker   *self,
                                             const char     *period);
/* The district groups of the period's municipal plan that hold at least
 * one listed plan (of QsDistrictGroup). */
GListModel  *qs_plan_picker_get_groups      (QsPlanPicker   *self);
/* Checks the plans of the group with @group_id (NULL: every plan);
 * FALSE when there is no such group. */
gboolean     qs_plan_picker_set_group       (QsPlanPicker   *self,
                                             const char     *group_id);
/* Checks exactly these plans (showing the period of the first). */
void         qs_plan_picker_select_ids      (QsPlanPicker   *self,
                                             const gint64   *ids,
                                             guint           n);
/* The checked plans' ids (gint64), in list order. */
GArray      *qs_plan_picker_dup_selected_ids (QsPlanPicker  *self);
guint        qs_plan_picker_get_n_listed    (QsPlanPicker   *self);

/* The municipal plan of the period (qs_plan_check_find_municipal) as
 * loaded from the workspace, or NULL; and its requirements on districts
 * (its own, else the file shipped for its region and period), or NULL. */
QsPlan      *qs_plan_picker_get_municipal   (QsPlanPicker   *self);
GListModel  *qs_plan_picker_get_requirements (QsPlanPicker  *self);

G_END_DECLS
