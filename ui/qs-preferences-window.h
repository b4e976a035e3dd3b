/* qs-preferences-window.h: the application's preferences. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QS_TYPE_PREFERENCES_WINDOW (qs_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (QsPreferencesWindow, qs_preferences_window, QS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings may be NULL when the schema is missing: the switches are then
 * insensitive.  @workspace_path is shown for reference, or NULL. */
QsPreferencesWindow *qs_preferences_window_new (GtkWindow  *parent,
                                                GSettings  *settings,
                                                const char *workspace_path);

G_END_DECLS
