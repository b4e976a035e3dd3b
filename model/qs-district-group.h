/* qs-district-group.h: a named list of districts (专栏3 PM2.5 grouping …). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define QS_TYPE_DISTRICT_GROUP (qs_district_group_get_type ())

G_DECLARE_FINAL_TYPE (QsDistrictGroup, qs_district_group, QS, DISTRICT_GROUP, GObject)

/* A municipal plan groups its districts and counties (区县) and places one
 * requirement on each group.  @id is a stable slug ("pm25-urban"), @name a
 * short Chinese label for reasons ("主城九区及两江新区"). */
QsDistrictGroup *qs_district_group_new           (const char         *id,
                                                  const char         *name,
                                                  const char * const *districts);
const char      *qs_district_group_get_id        (QsDistrictGroup    *self);
const char      *qs_district_group_get_name      (QsDistrictGroup    *self);
void             qs_district_group_set_name      (QsDistrictGroup    *self,
                                                  const char         *name);
/* Where the plan defines the group ("专栏3"), or NULL. */
const char      *qs_district_group_get_source    (QsDistrictGroup    *self);
void             qs_district_group_set_source    (QsDistrictGroup    *self,
                                                  const char         *source);
const char * const *qs_district_group_get_districts (QsDistrictGroup *self);
void             qs_district_group_set_districts (QsDistrictGroup    *self,
                                                  const char * const *districts);
/* Whether @district (a plan's region, e.g. "重庆市江津区") is in the group. */
gboolean         qs_district_group_contains      (QsDistrictGroup    *self,
                                                  const char         *district);

/* {"id", "name", "source", "districts": [...]} */
JsonNode        *qs_district_group_to_json       (QsDistrictGroup    *self);
QsDistrictGroup *qs_district_group_new_from_json (JsonNode           *node,
                                                  GError            **error);

/* The core of a district's name, for matching: 重庆市 in front and the
 * 区 / 县 / 自治县 suffix are dropped, so 武隆县 (before 2016) matches
 * 武隆区 and 重庆市江津区 matches 江津区. */
char            *qs_district_name_core           (const char         *name);
gboolean         qs_district_name_equal          (const char         *a,
                                                  const char         *b);

G_END_DECLS
