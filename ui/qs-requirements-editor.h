/* qs-requirements-editor.h: edits a municipal plan's requirements on its districts. */
#pragma once

#include <adwaita.h>

#include "qs-catalog.h"
#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_REQUIREMENTS_EDITOR (qs_requirements_editor_get_type ())

G_DECLARE_FINAL_TYPE (QsRequirementsEditor, qs_requirements_editor, QS, REQUIREMENTS_EDITOR, AdwWindow)

/* A window, modal to @parent, listing the requirements of @municipal_plan
 * grouped by indicator, with forms to add, edit and delete them and to edit
 * the district groups they share.  Edits apply to the plan at once; each is
 * reported by ::plan-changed so that the caller records undo and saves.
 * @workspace (nullable) supplies the district names of its district plans;
 * @catalog names the indicators and offers them in the form.
 *
 * QsRequirementsEditor::plan-changed (QsRequirementsEditor *self,
 *                                     const char           *label,
 *                                     GBytes               *before)
 * is emitted after each edit; @label names it for the undo menu ("Add
 * Requirement") and @before is the plan's .qsplan serialisation from just
 * before the edit (qs_plan_xml_write_data), ready for qs_undo_stack_push(). */
GtkWidget *qs_requirements_editor_new      (GtkWindow   *parent,
                                            QsPlan      *municipal_plan,
                                            QsWorkspace *workspace,
                                            QsCatalog   *catalog);
QsPlan    *qs_requirements_editor_get_plan (QsRequirementsEditor *self);
/* Shows the list again (after the caller replaced the plan's content by
 * undo, say). */
void       qs_requirements_editor_reload   (QsRequirementsEditor *self);

G_END_DECLS
