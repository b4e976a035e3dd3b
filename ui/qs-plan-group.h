/* qs-plan-group.h: the heading of one sidebar group (plans of one level and period). */
#pragma once

#include <glib-object.h>

#include "qs-plan-item.h"

G_BEGIN_DECLS

#define QS_TYPE_PLAN_GROUP (qs_plan_group_get_type ())

G_DECLARE_FINAL_TYPE (QsPlanGroup, qs_plan_group, QS, PLAN_GROUP, GObject)

/* A group for the level and period of @item. */
QsPlanGroup *qs_plan_group_new            (QsPlanItem  *item);
QsPlanLevel  qs_plan_group_get_level      (QsPlanGroup *self);
int          qs_plan_group_get_start_year (QsPlanGroup *self);
int          qs_plan_group_get_end_year   (QsPlanGroup *self);
/* "District Plans" / "区级规划" */
const char  *qs_plan_group_get_title      (QsPlanGroup *self);
/* "2021–2025" / "2021—2025年" */
const char  *qs_plan_group_get_period     (QsPlanGroup *self);
gboolean     qs_plan_group_contains       (QsPlanGroup *self,
                                           QsPlanItem  *item);

G_END_DECLS
