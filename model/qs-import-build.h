/* qs-import-build.h: turning a table's grid into an indicator or task table.
 * Internal to the model. */
#pragma once

#include <glib-object.h>

#include "qs-import-table.h"

G_BEGIN_DECLS

/* The header names an indicator column and a figure column (现状值, 目标值 …). */
gboolean  qs_import_grid_is_indicator   (QsImportGrid   *grid);

/* Returns (transfer full) a QsIndicatorTable or a QsTaskTable, or NULL when
 * the rows do not fit the header (reported; the caller keeps the lines as
 * prose). */
GObject  *qs_import_grid_build          (QsImportGrid   *grid,
                                         const char     *label,
                                         const char     *caption,
                                         guint           caption_line,
                                         QsImportReport *report);

G_END_DECLS
