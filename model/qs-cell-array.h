/* qs-cell-array.h: the row of cell texts shared by indicator and task rows.
 * Internal to the model. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GPtrArray of owned UTF-8 strings; cells past the end read as "". */
GPtrArray  *qs_cell_array_new    (void);
const char *qs_cell_array_get    (GPtrArray  *cells,
                                  guint       column);
/* Grows the array with "" cells as needed; TRUE when the text changed. */
gboolean    qs_cell_array_set    (GPtrArray  *cells,
                                  guint       column,
                                  const char *text);
void        qs_cell_array_insert (GPtrArray  *cells,
                                  guint       column,
                                  const char *text);
void        qs_cell_array_remove (GPtrArray  *cells,
                                  guint       column);

G_END_DECLS
