/* qs-plan-editor.h: one plan: its outline and the selected part.
 *
 * The place where editing of a plan lives: the editing stage adds prose
 * and cell editing, undo/redo and autosave here; the window only chooses
 * which plan is shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"
#include "qs-check-panel.h"
#include "qs-side-panel.h"
#include "qs-undo-stack.h"

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

/* Editing.  Each call is one step of undo and emits "changed"; each
 * returns FALSE (and changes nothing) when there is nothing to do.  The
 * "editor." actions (editor.set-cell, editor.add-row, editor.undo …) call
 * these on the shown item and the selected row. */
QsUndoStack        *qs_plan_editor_get_undo_stack     (QsPlanEditor *self);
/* Writes typing not yet written back into the plan (before saving). */
void                qs_plan_editor_commit             (QsPlanEditor *self);
gboolean            qs_plan_editor_undo               (QsPlanEditor *self);
gboolean            qs_plan_editor_redo               (QsPlanEditor *self);
gboolean            qs_plan_editor_set_cell           (QsPlanEditor     *self,
                                                       QsIndicatorTable *table,
                                                       guint             row,
                                                       guint             column,
                                                       const char       *text);
/* @table: a QsIndicatorTable or a QsTaskTable. */
gboolean            qs_plan_editor_set_header         (QsPlanEditor *self,
                                                       GObject      *table,
                                                       guint         column,
                                                       const char   *text);
/* One note per line of @text. */
gboolean            qs_plan_editor_set_notes          (QsPlanEditor *self,
                                                       GObject      *table,
                                                       const char   *text);
gboolean            qs_plan_editor_insert_row         (QsPlanEditor     *self,
                                                       QsIndicatorTable *table,
                                                       guint             position);
gboolean            qs_plan_editor_remove_row         (QsPlanEditor *self,
                                                       GObject      *table,
                                                       guint         position);
gboolean            qs_plan_editor_move_row           (QsPlanEditor *self,
                                                       GObject      *table,
                                                       guint         position,
                                                       int           delta);
gboolean            qs_plan_editor_set_row_parent     (QsPlanEditor     *self,
                                                       QsIndicatorTable *table,
                                                       guint             position,
                                                       gboolean          sub_row);
/* Links row @row to catalog entry @indicator_id (NULL unlinks). */
gboolean            qs_plan_editor_set_row_indicator  (QsPlanEditor     *self,
                                                       QsIndicatorTable *table,
                                                       guint             row,
                                                       const char       *indicator_id);
gboolean            qs_plan_editor_set_task_cell      (QsPlanEditor *self,
                                                       QsTaskTable  *table,
                                                       guint         row,
                                                       guint         column,
                                                       const char   *text);
gboolean            qs_plan_editor_insert_task_row    (QsPlanEditor *self,
                                                       QsTaskTable  *table,
                                                       guint         position);
gboolean            qs_plan_editor_set_task_item      (QsPlanEditor *self,
                                                       QsTaskTable  *table,
                                                       guint         position,
                                                       const char   *text);
gboolean            qs_plan_editor_insert_task_item   (QsPlanEditor *self,
                                                       QsTaskTable  *table,
                                                       guint         position,
                                                       const char   *text);
gboolean            qs_plan_editor_remove_task_item   (QsPlanEditor *self,
                                                       QsTaskTable  *table,
                                                       guint         position);
gboolean            qs_plan_editor_move_task_item     (QsPlanEditor *self,
                                                       QsTaskTable  *table,
                                                       guint         position,
                                                       int           delta);
gboolean            qs_plan_editor_rename_section     (QsPlanEditor *self,
                                                       QsSection    *section,
                                                       const char   *title);
/* A chapter at the end of the plan (@parent NULL) or a section at the end
 * of @parent; returns it (borrowed) and selects it. */
QsSection          *qs_plan_editor_add_section        (QsPlanEditor *self,
                                                       QsSection    *parent,
                                                       const char   *title);
gboolean            qs_plan_editor_remove_section     (QsPlanEditor *self,
                                                       QsSection    *section);
gboolean            qs_plan_editor_move_section       (QsPlanEditor *self,
                                                       QsSection    *section,
                                                       int           delta);
/* Moves @section to @target's place among its siblings (dragging an
 * outline row onto another); FALSE when they are not siblings. */
gboolean            qs_plan_editor_drop_section       (QsPlanEditor *self,
                                                       QsSection    *section,
                                                       QsSection    *target);
gboolean            qs_plan_editor_set_paragraph_text (QsPlanEditor *self,
                                                       QsParagraph  *paragraph,
                                                       const char   *text);
gboolean            qs_plan_editor_insert_paragraph   (QsPlanEditor *self,
                                                       QsSection    *section,
                                                       guint         position,
                                                       const char   *text);
gboolean            qs_plan_editor_remove_block       (QsPlanEditor *self,
                                                       QsSection    *section,
                                                       GObject      *block);
/* Makes the edits until end_group() one step of undo named @label (the
 * edits of the prose view, which writes back several paragraphs at once). */
void                qs_plan_editor_begin_group        (QsPlanEditor *self,
                                                       const char   *label);
void                qs_plan_editor_end_group          (QsPlanEditor *self);

/* The check against the municipal plan.  With a workspace the editor
 * checks the plan against the municipal plan found there (and links with
 * the workspace's catalog) a moment after every change of the plan or the
 * workspace; the badges in the table and the check panel show the result.
 * The "editor.toggle-check-panel" action (stateful) shows the panel;
 * "editor.link-row" links the selected row by hand. */
void                qs_plan_editor_set_workspace      (QsPlanEditor *self,
                                                       QsWorkspace  *workspace);
QsWorkspace        *qs_plan_editor_get_workspace      (QsPlanEditor *self);
void                qs_plan_editor_set_check_panel_visible (QsPlanEditor *self,
                                                       gboolean      visible);
gboolean            qs_plan_editor_get_check_panel_visible (QsPlanEditor *self);
QsCheckPanel       *qs_plan_editor_get_check_panel    (QsPlanEditor *self);
/* The latest result, or NULL (no plan yet, or a municipal plan). */
QsCheck            *qs_plan_editor_get_check          (QsPlanEditor *self);
/* Runs the check now instead of after the pause. */
void                qs_plan_editor_run_check          (QsPlanEditor *self);
/* Whether a run is scheduled. */
gboolean            qs_plan_editor_check_pending      (QsPlanEditor *self);

/* The panel beside the detail pane (check, chart, notes). */
QsSidePanel        *qs_plan_editor_get_side_panel     (QsPlanEditor *self);
/* A change made to the plan outside the calls above (a dialog editing its
 * yearly values or requirements): call before, with the undo label, and
 * after; one step of undo, saved like any edit. */
gboolean            qs_plan_editor_begin_change       (QsPlanEditor *self,
                                                       const char   *label);
void                qs_plan_editor_end_change         (QsPlanEditor *self);
/* Opens the editor of a municipal plan's requirements on its districts. */
void                qs_plan_editor_edit_requirements  (QsPlanEditor *self);
/* Opens the yearly values found in the plan's prose, to accept or reject. */
void                qs_plan_editor_show_suggestions   (QsPlanEditor *self);

G_END_DECLS
