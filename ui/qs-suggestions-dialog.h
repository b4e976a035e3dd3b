/* qs-suggestions-dialog.h: review the yearly values read from a plan's text. */
#pragma once

#include <adwaita.h>

#include "qs-model.h"
#include "qs-year-value.h"

G_BEGIN_DECLS

#define QS_TYPE_SUGGESTIONS_DIALOG (qs_suggestions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QsSuggestionsDialog, qs_suggestions_dialog, QS, SUGGESTIONS_DIALOG, AdwWindow)

/* A modal window over @parent listing the yearly values the importer read
 * from @plan's text and not yet accepted, grouped by indicator, with their
 * source sentences; each can be accepted (it becomes a yearly value that
 * charts draw) or rejected (removed), and values can be typed in.
 *
 * Signals: "plan-will-change" (const char *label) just before the dialog
 * changes @plan's yearly values (take the undo snapshot there), and
 * "plan-changed" (const char *label) just after (save, redraw). */
GtkWidget *qs_suggestions_dialog_new        (GtkWindow           *parent,
                                             QsPlan              *plan);
QsPlan    *qs_suggestions_dialog_get_plan   (QsSuggestionsDialog *self);
/* The suggestions still listed, in the plan's order (element: QsYearValue). */
GPtrArray *qs_suggestions_dialog_get_pending (QsSuggestionsDialog *self);
void       qs_suggestions_dialog_accept     (QsSuggestionsDialog *self,
                                             QsYearValue         *value);
void       qs_suggestions_dialog_reject     (QsSuggestionsDialog *self,
                                             QsYearValue         *value);
void       qs_suggestions_dialog_accept_all (QsSuggestionsDialog *self);
/* Adds a value typed in by the user (accepted); fails when @indicator is
 * empty, the year is implausible or @text holds no figure. */
gboolean   qs_suggestions_dialog_add_value  (QsSuggestionsDialog *self,
                                             const char          *indicator,
                                             int                  year,
                                             const char          *text,
                                             QsYearValueKind      kind,
                                             GError             **error);

G_END_DECLS
