/* qs-catalog-window.h: browses the indicator catalog and edits the user's additions. */
#pragma once

#include <adwaita.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_CATALOG_WINDOW (qs_catalog_window_get_type ())

G_DECLARE_FINAL_TYPE (QsCatalogWindow, qs_catalog_window, QS, CATALOG_WINDOW, AdwWindow)

/* A window, modal to @parent, listing the built-in catalog merged with
 * @workspace's extensions (qs_workspace_load_catalog), searchable by name,
 * alias and id and filtered by field.  The user's additions are marked;
 * the user adds aliases and entries and removes their own additions, each
 * saved at once with qs_workspace_set_catalog_extensions() (one
 * transaction).  Without a workspace it only browses the built-in catalog.
 *
 * QsCatalogWindow::catalog-changed (QsCatalogWindow *self) is emitted after
 * each saved change, so that the caller reloads its catalog and relinks. */
GtkWidget *qs_catalog_window_new         (GtkWindow       *parent,
                                          QsWorkspace     *workspace);
/* The catalog shown (built-in + extensions), borrowed. */
QsCatalog *qs_catalog_window_get_catalog (QsCatalogWindow *self);

G_END_DECLS
