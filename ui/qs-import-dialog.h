/* qs-import-dialog.h: what a plan file or plan text holds, before it is added. */
#pragma once

#include <adwaita.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_IMPORT_DIALOG (qs_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QsImportDialog, qs_import_dialog, QS, IMPORT_DIALOG, AdwWindow)

/* Emits "add" when the user confirms, then closes. */
QsImportDialog *qs_import_dialog_new            (QsPlan         *plan);
QsPlan         *qs_import_dialog_get_plan       (QsImportDialog *self);
/* The file the plan came from, shown as the subtitle. */
void            qs_import_dialog_set_source     (QsImportDialog *self,
                                                 const char     *display_name);
/* The importer's report (qs_import_report_to_text()); NULL hides it. */
void            qs_import_dialog_set_report     (QsImportDialog *self,
                                                 const char     *report);
const char     *qs_import_dialog_get_report     (QsImportDialog *self);
/* Warns that the workspace already holds a plan of the same title. */
void            qs_import_dialog_set_duplicate  (QsImportDialog *self,
                                                 gboolean        duplicate);
/* As if the user pressed "Add to Workspace" (for tests and scripts). */
void            qs_import_dialog_confirm        (QsImportDialog *self);

G_END_DECLS
