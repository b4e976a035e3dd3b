/* bench-plans.h: building the made-up plans the check and comparison
 * benchmarks time: tables of catalog entries, plans of one chapter.
 */
#pragma once

#include "qs-catalog.h"
#include "qs-model.h"

G_BEGIN_DECLS

/* For g_array_sort() of the timings. */
int               bench_compare_doubles (gconstpointer       a,
                                         gconstpointer       b);
/* The catalog's entries with a direction, in catalog order, at most @max;
 * the catalog keeps them alive. */
GPtrArray        *bench_choose_entries  (QsCatalog          *catalog,
                                         guint               max);
/* A table of @headers; @label and @caption may be NULL. */
QsIndicatorTable *bench_new_table       (const char         *label,
                                         const char         *caption,
                                         const char * const *headers);
void              bench_add_row         (QsIndicatorTable   *table,
                                         const char * const *cells);
/* A plan of one chapter holding @first and, if not NULL, @second. */
QsPlan           *bench_new_plan        (const char         *region,
                                         int                 start,
                                         int                 end,
                                         QsIndicatorTable   *first,
                                         QsIndicatorTable   *second);

G_END_DECLS
