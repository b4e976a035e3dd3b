/* qs-requirement.h: a requirement a municipal plan places on districts. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "qs-district-group.h"
#include "qs-value.h"

G_BEGIN_DECLS

#define QS_REQUIREMENT_ERROR (qs_requirement_error_quark ())

typedef enum
{
  QS_REQUIREMENT_ERROR_IO,       /* the file cannot be read */
  QS_REQUIREMENT_ERROR_PARSE,    /* not JSON */
  QS_REQUIREMENT_ERROR_INVALID,  /* a member missing, of the wrong type, or an unknown group */
} QsRequirementError;

typedef enum
{
  QS_REQUIREMENT_ABSOLUTE_BOUND,   /* PM2.5 ≤35: figure "≤35" */
  QS_REQUIREMENT_CHANGE,           /* ≥20% below 2015: figure "下降20%以上", base-year 2015 */
  QS_REQUIREMENT_KEEP_BASELINE,    /* 保持: no worse than the district's baseline */
  QS_REQUIREMENT_ASSIGNED_VALUE,   /* a figure assigned to one district: fills its 由重庆市下达 */
} QsRequirementKind;

GQuark      qs_requirement_error_quark          (void);
/* "absolute-bound" "change-vs-base-year" "keep-baseline" "assigned-value" */
const char *qs_requirement_kind_to_string       (QsRequirementKind  kind);
gboolean    qs_requirement_kind_from_string     (const char        *str,
                                                 QsRequirementKind *kind);

#define QS_TYPE_REQUIREMENT (qs_requirement_get_type ())

G_DECLARE_FINAL_TYPE (QsRequirement, qs_requirement, QS, REQUIREMENT, GObject)

/* Every field is a plain GObject property, so the .qsplan file and the
 * workspace can store a requirement field by field:
 *   id, indicator-id, kind, districts (strv), group (QsDistrictGroup: id,
 *   name, source, districts), figure, unit, base-year, base-value, year,
 *   source, note.
 * The figure is written in the grammar of an indicator cell (≤35,
 * 下降20%以上, 【14】, Ⅲ) and read with qs_value_parse(). */
QsRequirement   *qs_requirement_new                (const char        *indicator_id,
                                                    QsRequirementKind  kind,
                                                    const char        *figure);
const char      *qs_requirement_get_id             (QsRequirement     *self);
void             qs_requirement_set_id             (QsRequirement     *self,
                                                    const char        *id);
const char      *qs_requirement_get_indicator_id   (QsRequirement     *self);
void             qs_requirement_set_indicator_id   (QsRequirement     *self,
                                                    const char        *indicator_id);
QsRequirementKind qs_requirement_get_kind          (QsRequirement     *self);
void             qs_requirement_set_kind           (QsRequirement     *self,
                                                    QsRequirementKind  kind);
/* Districts named one by one (besides the group's). */
const char * const *qs_requirement_get_districts   (QsRequirement     *self);
void             qs_requirement_set_districts      (QsRequirement     *self,
                                                    const char * const *districts);
QsDistrictGroup *qs_requirement_get_group          (QsRequirement     *self);
void             qs_requirement_set_group          (QsRequirement     *self,
                                                    QsDistrictGroup   *group);
/* The figure as written ("≤35"), or NULL (keep-baseline). */
const char      *qs_requirement_get_figure         (QsRequirement     *self);
void             qs_requirement_set_figure         (QsRequirement     *self,
                                                    const char        *figure);
/* Its parsed reading (cached, owned by the requirement), or NULL. */
const QsValue   *qs_requirement_get_value          (QsRequirement     *self);
/* The figure's unit ("μg/m³") when the figure does not carry one, or NULL
 * for the catalog entry's usual unit. */
const char      *qs_requirement_get_unit           (QsRequirement     *self);
void             qs_requirement_set_unit           (QsRequirement     *self,
                                                    const char        *unit);
/* The year a change is measured from (2015), 0 when none. */
int              qs_requirement_get_base_year      (QsRequirement     *self);
void             qs_requirement_set_base_year      (QsRequirement     *self,
                                                    int                year);
/* The base-year figure when the municipal plan states it, or NULL: the
 * check then looks for it in the district's own tables. */
const char      *qs_requirement_get_base_value     (QsRequirement     *self);
void             qs_requirement_set_base_value     (QsRequirement     *self,
                                                    const char        *base_value);
/* The year the requirement is for (2020), 0 when not stated. */
int              qs_requirement_get_year           (QsRequirement     *self);
void             qs_requirement_set_year           (QsRequirement     *self,
                                                    int                year);
/* Where the municipal plan says so ("专栏3"), or NULL. */
const char      *qs_requirement_get_source         (QsRequirement     *self);
void             qs_requirement_set_source         (QsRequirement     *self,
                                                    const char        *source);
/* A short Chinese summary for the user, or NULL. */
const char      *qs_requirement_get_note           (QsRequirement     *self);
void             qs_requirement_set_note           (QsRequirement     *self,
                                                    const char        *note);

/* Whether it applies to @district (named, or in the group). */
gboolean         qs_requirement_applies_to         (QsRequirement     *self,
                                                    const char        *district);
/* "专栏3 主城九区及两江新区" or "大渡口区" — who it is for, for reasons. */
char            *qs_requirement_describe_scope     (QsRequirement     *self);

/* One requirement as JSON: the fields above, the group by its id. */
JsonNode        *qs_requirement_to_json            (QsRequirement     *self);
/* @groups maps group id → QsDistrictGroup for "group" references. */
QsRequirement   *qs_requirement_new_from_json      (JsonNode          *node,
                                                    GHashTable        *groups,
                                                    GError           **error);

/* A requirements document (resources/requirements-*.json):
 *   {"format": "qingshan-requirements", "version": 1,
 *    "plan": {"title", "region", "period"},
 *    "groups": [QsDistrictGroup…],
 *    "requirements": [{…, "indicator": id | "indicators": [id…]}…]}
 * An entry naming several indicators becomes one requirement per
 * indicator.  Returns a list of QsRequirement. */
GListStore      *qs_requirement_list_new_from_data (const char        *data,
                                                    gssize             length,
                                                    const char        *name_for_errors,
                                                    GError           **error);
GListStore      *qs_requirement_list_new_from_file (const char        *path,
                                                    GError           **error);
/* Writes a list back as a requirements document (pretty UTF-8 JSON). */
char            *qs_requirement_list_to_data       (GListModel        *requirements,
                                                    const char        *plan_title,
                                                    const char        *region,
                                                    const char        *period,
                                                    gsize             *length);
/* The requirements file shipped for a municipal plan (matched by region
 * and period "2016-2020"), looked up in the source tree's resources/ and
 * then in PKGDATADIR; NULL when there is none. */
char            *qs_requirement_find_data_file     (const char        *region,
                                                    const char        *period);

G_END_DECLS
