/* qs-undo-stack.h: undo and redo by snapshots of the whole plan.
 *
 * GLib only.  Each entry is the plan's .qsplan serialisation before (undo
 * side) or after (redo side) one edit: a plan of 100 KB serialises in a
 * millisecond or two, so a snapshot per edit is both simple and robust.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QS_TYPE_UNDO_STACK (qs_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (QsUndoStack, qs_undo_stack, QS, UNDO_STACK, GObject)

QsUndoStack *qs_undo_stack_new            (guint        limit);
/* Records the state before an edit named @label; clears the redo side. */
void         qs_undo_stack_push           (QsUndoStack *self,
                                           const char  *label,
                                           GBytes      *before);
/* Returns the state to go back to (transfer full) and keeps @current for
 * redo; NULL when there is nothing to undo. */
GBytes      *qs_undo_stack_undo           (QsUndoStack *self,
                                           GBytes      *current);
GBytes      *qs_undo_stack_redo           (QsUndoStack *self,
                                           GBytes      *current);
gboolean     qs_undo_stack_can_undo       (QsUndoStack *self);
gboolean     qs_undo_stack_can_redo       (QsUndoStack *self);
/* The label of the edit undo / redo would revert / repeat, or NULL. */
const char  *qs_undo_stack_get_undo_label (QsUndoStack *self);
const char  *qs_undo_stack_get_redo_label (QsUndoStack *self);
guint        qs_undo_stack_get_depth      (QsUndoStack *self);
void         qs_undo_stack_clear          (QsUndoStack *self);

G_END_DECLS
