/* qs-plan-item.h: one stored plan in the sidebar, a GObject over QsPlanSummary. */
#pragma once

#include <glib-object.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_PLAN_ITEM (qs_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (QsPlanItem, qs_plan_item, QS, PLAN_ITEM, GObject)

QsPlanItem  *qs_plan_item_new            (const QsPlanSummary *summary);
gint64       qs_plan_item_get_id         (QsPlanItem          *self);
const char  *qs_plan_item_get_title      (QsPlanItem          *self);
const char  *qs_plan_item_get_region     (QsPlanItem          *self);
QsPlanLevel  qs_plan_item_get_level      (QsPlanItem          *self);
int          qs_plan_item_get_start_year (QsPlanItem          *self);
int          qs_plan_item_get_end_year   (QsPlanItem          *self);
/* "大渡口区 · 区级 · 2021—2025年" */
const char  *qs_plan_item_get_subtitle   (QsPlanItem          *self);
/* What the sidebar search matches: the title and the region. */
const char  *qs_plan_item_get_search_key (QsPlanItem          *self);
/* Whether two items belong in the same sidebar group (level and period). */
gboolean     qs_plan_item_same_group     (QsPlanItem          *a,
                                          QsPlanItem          *b);
/* Sidebar order: level, newest period first, region, title. */
int          qs_plan_item_compare        (gconstpointer        a,
                                          gconstpointer        b,
                                          gpointer             user_data);

G_END_DECLS
