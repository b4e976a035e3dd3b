/* qs-notes-panel.h: the review notes (审阅意见) of a plan beside the plan
 * editor: listed, resolved, deleted, and added for the row or cell the
 * user selected. */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"
#include "qs-review-note.h"

G_BEGIN_DECLS

#define QS_TYPE_NOTES_PANEL (qs_notes_panel_get_type ())

G_DECLARE_FINAL_TYPE (QsNotesPanel, qs_notes_panel, QS, NOTES_PANEL, GtkWidget)

GtkWidget    *qs_notes_panel_new                (void);
/* Lists @plan's review notes (qs_plan_get_review_notes); NULL: none.
 * Clears the target. */
void          qs_notes_panel_set_plan           (QsNotesPanel *self,
                                                 QsPlan       *plan);
QsPlan       *qs_notes_panel_get_plan           (QsNotesPanel *self);
/* What "Add Note" adds a note to: table @table_index (as
 * qs_review_note_collect_tables counts them), row @row_index (-1: the
 * whole table) and column @column_name (qs_table_column_get_name; NULL:
 * the whole row), shown as @label ("表1 第3行 森林覆盖率 · 2025年目标值";
 * NULL: made up from the plan).  @table_index -1 clears the target. */
void          qs_notes_panel_set_target         (QsNotesPanel *self,
                                                 int           table_index,
                                                 int           row_index,
                                                 const char   *column_name,
                                                 const char   *label);
/* Or a section, by its path ("3/2", see qs-review-note.h). */
void          qs_notes_panel_set_section_target (QsNotesPanel *self,
                                                 const char   *section_path,
                                                 const char   *label);
/* Who new notes are by (qs_workspace_get_author); NULL: g_get_real_name(). */
void          qs_notes_panel_set_author         (QsNotesPanel *self,
                                                 const char   *author);
/* What the "Add" button of the form does: adds a note with @text on the
 * target and emits ::plan-changed; the note (borrowed from the plan's
 * list), or NULL when there is no plan or target or @text is blank. */
QsReviewNote *qs_notes_panel_add_note           (QsNotesPanel *self,
                                                 const char   *text);
/* The filter: only the notes not resolved yet, or all. */
void          qs_notes_panel_set_open_only      (QsNotesPanel *self,
                                                 gboolean      open_only);
gboolean      qs_notes_panel_get_open_only      (QsNotesPanel *self);
/* The notes listed (QsReviewNote), after the filter. */
GListModel   *qs_notes_panel_get_listed         (QsNotesPanel *self);
/* Where @note points, for people: "表1 第3行 森林覆盖率 · 2025年目标值",
 * or the headings of its section, from @plan. */
char         *qs_notes_panel_describe_target    (QsPlan       *plan,
                                                 QsReviewNote *note);

/* QsNotesPanel::note-activated (QsNotesPanel *self, QsReviewNote *note):
 * the user asked to see the row, cell or section @note is on.
 * QsNotesPanel::plan-changed (QsNotesPanel *self): a note was added,
 * resolved, reopened or deleted (record undo and save). */

G_END_DECLS
