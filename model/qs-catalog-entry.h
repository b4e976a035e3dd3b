/* qs-catalog-entry.h: one canonical indicator of the catalog. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define QS_CATALOG_ERROR (qs_catalog_error_quark ())

typedef enum
{
  QS_CATALOG_ERROR_IO,         /* the file cannot be read */
  QS_CATALOG_ERROR_PARSE,      /* not JSON */
  QS_CATALOG_ERROR_INVALID,    /* JSON, but a member is missing or of the wrong type */
  QS_CATALOG_ERROR_DUPLICATE,  /* an id given twice, or one alias for two entries */
  QS_CATALOG_ERROR_NOT_FOUND,  /* no entry with that id */
} QsCatalogError;

GQuark      qs_catalog_error_quark         (void);

/* Which way is better for an indicator's figure. */
typedef enum
{
  QS_BETTER_NONE,         /* no direction: the figure must match */
  QS_BETTER_HIGHER,       /* forest cover, good-air days */
  QS_BETTER_LOWER,        /* PM2.5 concentration, construction land */
  QS_BETTER_REDUCTION,    /* a 降低/下降 rate: a larger reduction is better */
  QS_BETTER_WATER_CLASS,  /* surface-water class: a lower class number (Ⅱ < Ⅲ) is better */
} QsBetter;

/* How the figure of one entry converts into another entry's figure. */
typedef enum
{
  QS_CONVERSION_DAYS_TO_RATIO,  /* days in the year → % of the year's days */
  QS_CONVERSION_RATIO_TO_DAYS,  /* % of the year's days → days (days = ratio/100 × days-in-year) */
} QsConversionKind;

const char *qs_better_to_string            (QsBetter          better);   /* "higher" "lower" "reduction" "water-class" "none" */
gboolean    qs_better_from_string          (const char       *str,
                                            QsBetter         *better);
/* "越高越好", "越低越好", "降幅越大越好", "类别越低越好" or "": follows the name. */
const char *qs_better_describe             (QsBetter          better);
/* +1 when a larger number is better, -1 when a smaller one is, 0 for none. */
int         qs_better_sign                 (QsBetter          better);
const char *qs_conversion_kind_to_string   (QsConversionKind  kind);     /* "days-to-ratio" "ratio-to-days" */
gboolean    qs_conversion_kind_from_string (const char       *str,
                                            QsConversionKind *kind);

#define QS_TYPE_CATALOG_ENTRY (qs_catalog_entry_get_type ())

G_DECLARE_FINAL_TYPE (QsCatalogEntry, qs_catalog_entry, QS, CATALOG_ENTRY, GObject)

/* @id is an ASCII slug ("pm25_concentration"), fixed for the entry's life:
 * rows store it in their indicator-id. */
QsCatalogEntry *qs_catalog_entry_new             (const char      *id,
                                                  const char      *name);
const char     *qs_catalog_entry_get_id          (QsCatalogEntry  *self);
/* The canonical Chinese name. */
const char     *qs_catalog_entry_get_name        (QsCatalogEntry  *self);
void            qs_catalog_entry_set_name        (QsCatalogEntry  *self,
                                                  const char      *name);
/* Every name the plans use for it, as written (the canonical name need not be repeated). */
const char * const *qs_catalog_entry_get_aliases (QsCatalogEntry  *self);
/* Adds @alias unless it is already there; TRUE when added. */
gboolean        qs_catalog_entry_add_alias       (QsCatalogEntry  *self,
                                                  const char      *alias);
/* Removes @alias as written; TRUE when it was there. */
gboolean        qs_catalog_entry_remove_alias    (QsCatalogEntry  *self,
                                                  const char      *alias);
/* Sub-rows (其中：阿蓬江, one row per pollutant) link by parent name + name. */
guint           qs_catalog_entry_get_n_sub_rows  (QsCatalogEntry  *self);
void            qs_catalog_entry_get_sub_row     (QsCatalogEntry  *self,
                                                  guint            index,
                                                  const char     **parent,
                                                  const char     **name);
gboolean        qs_catalog_entry_add_sub_row     (QsCatalogEntry  *self,
                                                  const char      *parent,
                                                  const char      *name);
/* The usual unit ("%", "μg/m³", "天"), or NULL for none. */
const char     *qs_catalog_entry_get_unit        (QsCatalogEntry  *self);
void            qs_catalog_entry_set_unit        (QsCatalogEntry  *self,
                                                  const char      *unit);
/* All units seen for it, the usual one first. */
const char * const *qs_catalog_entry_get_units   (QsCatalogEntry  *self);
void            qs_catalog_entry_add_unit        (QsCatalogEntry  *self,
                                                  const char      *unit);
QsBetter        qs_catalog_entry_get_better      (QsCatalogEntry  *self);
void            qs_catalog_entry_set_better      (QsCatalogEntry  *self,
                                                  QsBetter         better);
/* 环境质量, 污染减排, 生态保护, 绿色低碳 or 环境风险. */
const char     *qs_catalog_entry_get_field       (QsCatalogEntry  *self);
void            qs_catalog_entry_set_field       (QsCatalogEntry  *self,
                                                  const char      *field);
/* Whether the municipal set treats it as binding (约束性). */
gboolean        qs_catalog_entry_get_binding     (QsCatalogEntry  *self);
void            qs_catalog_entry_set_binding     (QsCatalogEntry  *self,
                                                  gboolean         binding);
/* An aggregate is a total over the territory (areas, stocks, tonnes): a
 * municipal total is no yardstick for one district. */
gboolean        qs_catalog_entry_get_aggregate   (QsCatalogEntry  *self);
void            qs_catalog_entry_set_aggregate   (QsCatalogEntry  *self,
                                                  gboolean         aggregate);
/* Ids of entries measuring nearly the same thing in another form. */
const char * const *qs_catalog_entry_get_related (QsCatalogEntry  *self);
void            qs_catalog_entry_add_related     (QsCatalogEntry  *self,
                                                  const char      *id);
guint           qs_catalog_entry_get_n_conversions (QsCatalogEntry *self);
/* Returns the target entry's id and sets @kind. */
const char     *qs_catalog_entry_get_conversion  (QsCatalogEntry  *self,
                                                  guint            index,
                                                  QsConversionKind *kind);
void            qs_catalog_entry_add_conversion  (QsCatalogEntry  *self,
                                                  const char      *to_id,
                                                  QsConversionKind kind);
const char     *qs_catalog_entry_get_note        (QsCatalogEntry  *self);
void            qs_catalog_entry_set_note        (QsCatalogEntry  *self,
                                                  const char      *note);

/* The catalog.json form of one entry (see resources/catalog.json). */
QsCatalogEntry *qs_catalog_entry_new_from_json   (JsonNode        *node,
                                                  GError         **error);
JsonNode       *qs_catalog_entry_to_json         (QsCatalogEntry  *self);
/* Applies another description of the same indicator (a user's extension):
 * aliases, sub-rows, units, related ids and conversions are added; name,
 * unit, better, field, binding, aggregate and note replace ours when the
 * object has them.  On error @self is unchanged. */
gboolean        qs_catalog_entry_update_from_json (QsCatalogEntry *self,
                                                   JsonNode       *node,
                                                   GError        **error);

G_END_DECLS
