/* qs-plan-editor.h: one plan: its outline and the selected part.
 *
 * The place where editing of a plan lives: the editing stage adds prose
 * and cell editing, undo/redo and autosave here; the window only chooses
 * which plan is shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_PLAN_EDITOR (qs_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (QsPlanEditor, qs_plan_editor, QS, PLAN_EDITOR, GtkWidget)

GtkWidget          *qs_plan_editor_new                (void);
QsPlan             *qs_plan_editor_get_plan           (QsPlanEditor *self);
void                qs_plan_editor_set_plan           (QsPlanEditor *self,
                                                       QsPlan       *plan);
GtkTreeListModel   *qs_plan_editor_get_outline        (QsPlanEditor *self);
GtkSingleSelection *qs_plan_editor_get_outline_selection (QsPlanEditor *self);
/* Selects the outline row at @position (of the expanded outline). */
void                qs_plan_editor_select_outline_row (QsPlanEditor *self,
                                                       guint         position);
/* Selects the first outline row whose title contains @text. */
gboolean            qs_plan_editor_select_matching    (QsPlanEditor *self,
                                                       const char   *text);
/* Selects the first outline row showing an item of @type. */
gboolean            qs_plan_editor_select_first       (QsPlanEditor *self,
                                                       GType         type);
/* The item the detail pane shows (a QsSection, QsIndicatorTable or
 * QsTaskTable), or NULL for the plan's overview. */
GObject            *qs_plan_editor_get_shown_item     (QsPlanEditor *self);
/* "overview", "section", "indicator-table" or "task-table". */
const char         *qs_plan_editor_get_page_name      (QsPlanEditor *self);
GtkWidget          *qs_plan_editor_get_page           (QsPlanEditor *self,
                                                       const char   *name);

G_END_DECLS
