/* qs-ui.h: set-up shared by the application and the widget tests. */
#pragma once

#include <gio/gio.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_RESOURCE_PATH "/org/qingshan/Qingshan"
#define QS_SAMPLES_RESOURCE_PATH QS_RESOURCE_PATH "/samples/"

/* Registers the interface's GResources (templates, style, icons, sample
 * plans); call once before any widget of this library is made. */
void       qs_ui_init              (void);
/* The application's settings, or NULL (with a warning) when the schema is
 * not installed or compiled; the caller then falls back to defaults. */
GSettings *qs_ui_settings_new      (void);
/* Names of the sample plans shipped in the GResource, sorted. */
GStrv      qs_ui_list_samples      (void);
/* Adds every sample plan to @workspace; returns how many were added.  A
 * sample that cannot be read is reported in @error after the others are in. */
guint      qs_ui_add_sample_plans  (QsWorkspace  *workspace,
                                    GError      **error);

G_END_DECLS
