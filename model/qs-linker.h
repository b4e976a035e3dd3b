/* qs-linker.h: links indicator rows to catalog entries. */
#pragma once

#include "qs-catalog.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-plan.h"

G_BEGIN_DECLS

typedef enum
{
  QS_LINK_DEFAULT = 0,        /* keep a row's existing link (set by hand, or earlier) */
  QS_LINK_REPLACE = 1 << 0,   /* relink every row from its names */
} QsLinkFlags;

/* The entry a row's names point to, without changing the row: a sub-row
 * (parent set) is tried as parent + name first (化学需氧量 under
 * 主要污染物排放总量减少), then by its own name, then as name + parent
 * (城市 under 生活污水集中处理率 → 城市生活污水集中处理率).  Borrowed, or NULL. */
QsCatalogEntry *qs_linker_find_entry (QsCatalog        *catalog,
                                      QsIndicatorRow   *row);
/* Sets the row's indicator-id when it is unset (or with QS_LINK_REPLACE).
 * TRUE when the row is linked afterwards. */
gboolean        qs_linker_link_row   (QsCatalog        *catalog,
                                      QsIndicatorRow   *row,
                                      QsLinkFlags       flags);
/* Links every row that has a name; returns how many are linked and adds
 * the others (ref'd) to @unlinked when it is not NULL. */
guint           qs_linker_link_table (QsCatalog        *catalog,
                                      QsIndicatorTable *table,
                                      QsLinkFlags       flags,
                                      GPtrArray        *unlinked);
/* The same for every indicator table of a plan; *@unlinked (optional)
 * receives a new array of the rows left unlinked. */
guint           qs_linker_link_plan  (QsCatalog        *catalog,
                                      QsPlan           *plan,
                                      QsLinkFlags       flags,
                                      GPtrArray       **unlinked);

G_END_DECLS
