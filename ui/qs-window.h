/* qs-window.h: the main window: the workspace's plans and the open plan. */
#pragma once

#include <adwaita.h>

#include "qs-model.h"
#include "qs-plan-editor.h"

G_BEGIN_DECLS

#define QS_TYPE_WINDOW (qs_window_get_type ())

G_DECLARE_FINAL_TYPE (QsWindow, qs_window, QS, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests).  @workspace may be NULL when it could
 * not be opened: the window then says why (qs_window_set_workspace_error). */
QsWindow     *qs_window_new                 (GtkApplication *application,
                                             QsWorkspace    *workspace);
QsWorkspace  *qs_window_get_workspace       (QsWindow       *self);
void          qs_window_set_workspace_error (QsWindow       *self,
                                             const GError   *error);
/* Reads the workspace's list of plans again (after another window or the
 * command line changed it), keeping the open plan when it is still there. */
void          qs_window_reload_plans        (QsWindow       *self);

/* The sidebar: QsPlanGroup headings and QsPlanItems, filtered by the search. */
GListModel   *qs_window_get_sidebar_model   (QsWindow       *self);
void          qs_window_set_search_text     (QsWindow       *self,
                                             const char     *text);

QsPlan       *qs_window_get_plan            (QsWindow       *self);
gint64        qs_window_get_plan_id         (QsWindow       *self);
/* Loads and shows the plan; FALSE (and a toast) when it cannot be loaded. */
gboolean      qs_window_select_plan         (QsWindow       *self,
                                             gint64          id);
/* Shows the first plan whose title or region contains @text. */
gboolean      qs_window_select_plan_matching (QsWindow      *self,
                                             const char     *text);
QsPlanEditor *qs_window_get_editor          (QsWindow       *self);
/* Saves the open plan's edits to the workspace now (one transaction);
 * TRUE when there was nothing to save or it was saved.  Edits are also
 * saved by themselves "autosave-delay" seconds after the last one, on
 * switching plans and on closing the window. */
gboolean      qs_window_save                (QsWindow       *self);
gboolean      qs_window_has_unsaved_changes (QsWindow       *self);
/* Writes the open plan to a .qsplan file and adds it to the recent files. */
gboolean      qs_window_save_as             (QsWindow       *self,
                                             GFile          *file);
/* "workspace", "empty" (no plans yet) or "unavailable". */
const char   *qs_window_get_page_name       (QsWindow       *self);

/* Adds @plan to the workspace, refreshes every window on it and shows the
 * plan; returns the new id, or 0 after showing the error. */
gint64        qs_window_add_plan            (QsWindow       *self,
                                             QsPlan         *plan);
/* Reads a .qsplan file / imports a plan's text, then asks before adding. */
void          qs_window_open_file           (QsWindow       *self,
                                             GFile          *file);
void          qs_window_import_file         (QsWindow       *self,
                                             GFile          *file);
/* A toast with the error's message (and its whole text behind "Details"). */
void          qs_window_show_error          (QsWindow       *self,
                                             const GError   *error);
void          qs_window_show_toast          (QsWindow       *self,
                                             const char     *text);

/* Looks for commits by other connections to the workspace now (the window
 * also does so every two seconds and before each save); TRUE when there
 * were some.  A changed open plan is reloaded, or the user asked. */
gboolean      qs_window_sync_now               (QsWindow     *self);

G_END_DECLS
