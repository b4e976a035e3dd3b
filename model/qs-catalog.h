/* qs-catalog.h: the catalog of canonical indicators (resources/catalog.json). */
#pragma once

#include <gio/gio.h>
#include "qs-catalog-entry.h"

G_BEGIN_DECLS

#define QS_TYPE_CATALOG (qs_catalog_get_type ())

G_DECLARE_FINAL_TYPE (QsCatalog, qs_catalog, QS, CATALOG, GObject)

/* The catalog is data, not code: the entries, the naming variants used to
 * normalise names and the unit spellings and factors all come from JSON
 * (resources/catalog.json is compiled into the model).  Entries, aliases
 * and variants may be added at run time; a user's extension from the
 * workspace is merged with qs_catalog_merge_json(). */
QsCatalog      *qs_catalog_new                (void);
/* The built-in catalog (resources/catalog.json as compiled in). */
QsCatalog      *qs_catalog_new_default        (GError      **error);
QsCatalog      *qs_catalog_new_from_file      (const char   *path,
                                               GError      **error);
QsCatalog      *qs_catalog_new_from_bytes     (GBytes       *bytes,
                                               const char   *name_for_errors,
                                               GError      **error);
/* Adds the entries, variants and units of a catalog document: an entry
 * whose id exists is extended (qs_catalog_entry_update_from_json), a new
 * id is added.  A user alias that another entry already has moves to the
 * named entry.  On error nothing is changed. */
gboolean        qs_catalog_merge_json         (QsCatalog    *self,
                                               const char   *data,
                                               gssize        length,
                                               const char   *name_for_errors,
                                               GError      **error);
/* The whole catalog as a catalog document (to store an extended one). */
char           *qs_catalog_to_json_data       (QsCatalog    *self,
                                               gsize        *length);

/* Adds a new entry; fails (DUPLICATE) when the id or one of its aliases is
 * taken by another entry. */
gboolean        qs_catalog_add_entry          (QsCatalog      *self,
                                               QsCatalogEntry *entry,
                                               GError        **error);
/* Adds @alias to entry @id; with @replace, an alias held by another entry
 * moves (the user linked a row by hand), otherwise that is DUPLICATE. */
gboolean        qs_catalog_add_alias          (QsCatalog    *self,
                                               const char   *id,
                                               const char   *alias,
                                               gboolean      replace,
                                               GError      **error);
/* Two spellings that mean the same in names ("单位地区生产总值" → "单位GDP"). */
void            qs_catalog_add_name_variant   (QsCatalog    *self,
                                               const char   *from,
                                               const char   *to);

GListModel     *qs_catalog_get_entries        (QsCatalog    *self);   /* of QsCatalogEntry */
guint           qs_catalog_get_n_entries      (QsCatalog    *self);
QsCatalogEntry *qs_catalog_lookup_id          (QsCatalog    *self,
                                               const char   *id);     /* borrowed, or NULL */
/* By name or alias, after normalisation; borrowed, or NULL. */
QsCatalogEntry *qs_catalog_lookup_name        (QsCatalog    *self,
                                               const char   *name);
/* A sub-row such as 化学需氧量 under 主要污染物排放总量减少. */
QsCatalogEntry *qs_catalog_lookup_sub_row     (QsCatalog    *self,
                                               const char   *parent,
                                               const char   *name);
/* The key names are compared by: white space, full-width forms, leading
 * numbering (1. 13、 其中：), footnote markers (〔1〕 * **), a trailing unit
 * bracket, LaTeX-ish subscripts (PM _{2.5}) and ASCII case are ignored and
 * the catalog's naming variants applied. */
char           *qs_catalog_normalise_name     (QsCatalog    *self,
                                               const char   *name);
/* The catalog's spelling of a unit ("ug/m ³" → "μg/m³"), or the unit with
 * white space removed when the catalog does not know it; NULL for NULL/"". */
char           *qs_catalog_normalise_unit     (QsCatalog    *self,
                                               const char   *unit);
/* Converts @value from unit @from to unit @to through the catalog's
 * factors (亿立方米 → 万立方米, 平方公里 → 亩 …).  Units that normalise to
 * the same spelling convert with factor 1.  FALSE when no path exists. */
gboolean        qs_catalog_convert_unit       (QsCatalog    *self,
                                               double        value,
                                               const char   *from,
                                               const char   *to,
                                               double       *result);
/* TRUE when @a and @b are the same id, or related, or convertible. */
gboolean        qs_catalog_are_related        (QsCatalog    *self,
                                               const char   *a,
                                               const char   *b);
/* Converts a figure of entry @from_id to entry @to_id for a target year
 * (days ↔ ratio of the year's days).  FALSE when no conversion is declared. */
gboolean        qs_catalog_convert_between    (QsCatalog    *self,
                                               const char   *from_id,
                                               const char   *to_id,
                                               double        value,
                                               int           year,
                                               double       *result);

G_END_DECLS
