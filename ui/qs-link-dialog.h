/* qs-link-dialog.h: links an indicator row to a catalog entry by hand. */
#pragma once

#include <adwaita.h>

#include "qs-model.h"
#include "qs-catalog.h"

G_BEGIN_DECLS

#define QS_TYPE_LINK_DIALOG (qs_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QsLinkDialog, qs_link_dialog, QS, LINK_DIALOG, AdwWindow)

/* A searchable list of @catalog's entries for @row; the entry the row is
 * linked to, or the linker's guess, is selected.  "chosen" (id, remember)
 * is emitted when the user links; the dialog then closes itself. */
QsLinkDialog *qs_link_dialog_new                (GtkWindow      *parent,
                                                 QsCatalog      *catalog,
                                                 QsIndicatorRow *row);
/* Filters the list by name, alias, unit, field or id. */
void          qs_link_dialog_set_search_text    (QsLinkDialog   *self,
                                                 const char     *text);
guint         qs_link_dialog_get_n_matches      (QsLinkDialog   *self);
/* The selected entry's id, or NULL. */
const char   *qs_link_dialog_get_selected_id    (QsLinkDialog   *self);
/* Selects entry @id among the matches; FALSE when it is not shown. */
gboolean      qs_link_dialog_select_id          (QsLinkDialog   *self,
                                                 const char     *id);
/* Whether the row's name is also remembered as an alias of the entry in
 * the workspace's catalog. */
gboolean      qs_link_dialog_get_remember_alias (QsLinkDialog   *self);
void          qs_link_dialog_set_remember_alias (QsLinkDialog   *self,
                                                 gboolean        remember);
/* Links as the Link button does; FALSE when nothing is selected. */
gboolean      qs_link_dialog_confirm            (QsLinkDialog   *self);

G_END_DECLS
