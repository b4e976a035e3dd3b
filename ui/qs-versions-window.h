/* qs-versions-window.h: the saved versions of one plan of the workspace,
 * what changed between two of them, and restoring one. */
#pragma once

#include <adwaita.h>

#include "qs-model.h"
#include "qs-plan-diff.h"

G_BEGIN_DECLS

#define QS_TYPE_VERSIONS_WINDOW (qs_versions_window_get_type ())

G_DECLARE_FINAL_TYPE (QsVersionsWindow, qs_versions_window, QS, VERSIONS_WINDOW, AdwWindow)

/* A window over the versions of plan @plan_id of @workspace: the list of
 * saved versions (number, author, local time, size), newest first, and
 * the changes of the version selected against the one before it (or the
 * current version, or any other), grouped by section and table.  It starts
 * on the latest version against the one before.  @parent may be NULL. */
GtkWidget           *qs_versions_window_new                  (GtkWindow        *parent,
                                                              QsWorkspace      *workspace,
                                                              gint64            plan_id);
gint64               qs_versions_window_get_plan_id          (QsVersionsWindow *self);
/* The versions listed, oldest first (index 0 is version 1 when none was
 * lost); borrowed, or NULL past the end. */
guint                qs_versions_window_get_n_versions       (QsVersionsWindow *self);
const QsPlanVersion *qs_versions_window_get_version          (QsVersionsWindow *self,
                                                              guint             index);
/* The version selected in the list (0: none). */
int                  qs_versions_window_get_selected_version (QsVersionsWindow *self);
/* Shows the changes from @old_version to @new_version (the list selects
 * @new_version, the "compare with" menu @old_version); FALSE when either
 * is not a saved version. */
gboolean             qs_versions_window_compare              (QsVersionsWindow *self,
                                                              int               old_version,
                                                              int               new_version);
/* Compares the selected version with the current (latest) one. */
void                 qs_versions_window_compare_with_current (QsVersionsWindow *self);
/* The two versions compared and their diff, or 0 / NULL when none is
 * shown (the first version against "the one before", an error). */
int                  qs_versions_window_get_old_version      (QsVersionsWindow *self);
int                  qs_versions_window_get_new_version      (QsVersionsWindow *self);
QsPlanDiff          *qs_versions_window_get_diff             (QsVersionsWindow *self);
/* What "Restore This Version…" (action versions.restore, which asks first
 * with an AdwMessageDialog) does once confirmed: saves @version as the
 * plan's current content (which keeps a new version), reloads the list
 * and emits ::plan-restored. */
gboolean             qs_versions_window_restore              (QsVersionsWindow *self,
                                                              int               version,
                                                              GError          **error);

/* QsVersionsWindow::plan-restored (QsVersionsWindow *self, gint64 plan_id,
 * int version): the workspace's plan @plan_id now holds @version's content;
 * an open editor of it should reload it. */

G_END_DECLS
