/* qs-task-item.h: one item of a task box (——名称：内容), or a sub-heading. */
#pragma once

#include <glib-object.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_TASK_ITEM (qs_task_item_get_type ())

G_DECLARE_FINAL_TYPE (QsTaskItem, qs_task_item, QS, TASK_ITEM, GObject)

QsTaskItem     *qs_task_item_new      (QsTaskItemKind  kind,
                                       const char     *text);
QsTaskItemKind  qs_task_item_get_kind (QsTaskItem     *self);
void            qs_task_item_set_kind (QsTaskItem     *self,
                                       QsTaskItemKind  kind);
const char     *qs_task_item_get_text (QsTaskItem     *self);
void            qs_task_item_set_text (QsTaskItem     *self,
                                       const char     *text);

G_END_DECLS
