/* qs-plan-list-model.h: the sidebar's plans with a heading before each group. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QS_TYPE_PLAN_LIST_MODEL (qs_plan_list_model_get_type ())

G_DECLARE_FINAL_TYPE (QsPlanListModel, qs_plan_list_model, QS, PLAN_LIST_MODEL, GObject)

/* @plans is a model of QsPlanItem sorted by qs_plan_item_compare() (it may
 * be filtered); the new model holds the same items with a QsPlanGroup before
 * each run of plans of one level and period, and follows @plans' changes. */
QsPlanListModel *qs_plan_list_model_new        (GListModel      *plans);
GListModel      *qs_plan_list_model_get_plans  (QsPlanListModel *self);
/* The position of the plan with @id, or G_MAXUINT. */
guint            qs_plan_list_model_find_plan  (QsPlanListModel *self,
                                                gint64           id);

G_END_DECLS
