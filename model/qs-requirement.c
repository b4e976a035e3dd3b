/* qs-requirement.c: a requirement a municipal plan places on districts. */
#include "config.h"

#define G_LOG_DOMAIN "qs-requirement"

#include <string.h>

#include "qs-requirement.h"
#include "qs-types.h"

/* Requirements documents are small; anything this large is a mistake. */
#define MAX_DOCUMENT_SIZE (16 * 1024 * 1024)

struct _QsRequirement
{
  GObject            parent_instance;
  char              *id;
  char              *indicator_id;
  QsRequirementKind  kind;
  GStrv              districts;
  QsDistrictGroup   *group;
  char              *figure;
  QsValue           *value;      /* parsed figure, cached */
  char              *unit;
  int                base_year;
  char              *base_value;
  int                year;
  char              *source;
  char              *note;
};

G_DEFINE_FINAL_TYPE (QsRequirement, qs_requirement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INDICATOR_ID,
  PROP_KIND,
  PROP_DISTRICTS,
  PROP_GROUP,
  PROP_FIGURE,
  PROP_UNIT,
  PROP_BASE_YEAR,
  PROP_BASE_VALUE,
  PROP_YEAR,
  PROP_SOURCE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  "absolute-bound", "change-vs-base-year", "keep-baseline", "assigned-value",
};

G_DEFINE_QUARK (qs-requirement-error-quark, qs_requirement_error)

const char *
qs_requirement_kind_to_string (QsRequirementKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
qs_requirement_kind_from_string (const char        *str,
                                 QsRequirementKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (str, kind_names[i]) == 0)
      {
        *kind = (QsRequirementKind) i;
        return TRUE;
      }
  return FALSE;
}

/* Helpers */

static void
set_string_field (QsRequirement  *self,
                  char          **field,
                  const char     *text,
                  guint           prop_id)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  if (qs_set_str (field, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
optional_string (JsonObject  *o,
                 const char  *member,
                 const char **out,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "成员“%s”应为字符串", member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
optional_int (JsonObject  *o,
              const char  *member,
              int         *out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > 9999)
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "成员“%s”应为年份（整数）", member);
      return FALSE;
    }
  *out = (int) json_node_get_int (node);
  return TRUE;
}

static gboolean
optional_strv (JsonObject  *o,
               const char  *member,
               GStrv       *out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        goto invalid;
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;

invalid:
  g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
               "成员“%s”应为字符串列表", member);
  return FALSE;
}

/* Overrides */

static void
qs_requirement_finalize (GObject *object)
{
  QsRequirement *self = QS_REQUIREMENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->indicator_id, g_free);
  g_clear_pointer (&self->districts, g_strfreev);
  g_clear_object (&self->group);
  g_clear_pointer (&self->figure, g_free);
  g_clear_pointer (&self->value, qs_value_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->base_value, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->note, g_free);
  G_OBJECT_CLASS (qs_requirement_parent_class)->finalize (object);
}

static void
qs_requirement_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QsRequirement *self = QS_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_INDICATOR_ID:
      g_value_set_string (value, self->indicator_id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DISTRICTS:
      g_value_set_boxed (value, self->districts);
      break;
    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;
    case PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_BASE_YEAR:
      g_value_set_int (value, self->base_year);
      break;
    case PROP_BASE_VALUE:
      g_value_set_string (value, self->base_value);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_requirement_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QsRequirement *self = QS_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      qs_requirement_set_id (self, g_value_get_string (value));
      break;
    case PROP_INDICATOR_ID:
      qs_requirement_set_indicator_id (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      qs_requirement_set_kind (self, g_value_get_int (value));
      break;
    case PROP_DISTRICTS:
      qs_requirement_set_districts (self, g_value_get_boxed (value));
      break;
    case PROP_GROUP:
      qs_requirement_set_group (self, g_value_get_object (value));
      break;
    case PROP_FIGURE:
      qs_requirement_set_figure (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      qs_requirement_set_unit (self, g_value_get_string (value));
      break;
    case PROP_BASE_YEAR:
      qs_requirement_set_base_year (self, g_value_get_int (value));
      break;
    case PROP_BASE_VALUE:
      qs_requirement_set_base_value (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      qs_requirement_set_year (self, g_value_get_int (value));
      break;
    case PROP_SOURCE:
      qs_requirement_set_source (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      qs_requirement_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_requirement_class_init (QsRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_requirement_finalize;
  object_class->get_property = qs_requirement_get_property;
  object_class->set_property = qs_requirement_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_INDICATOR_ID] = g_param_spec_string ("indicator-id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, QS_REQUIREMENT_ABSOLUTE_BOUND,
                      QS_REQUIREMENT_ASSIGNED_VALUE, QS_REQUIREMENT_ABSOLUTE_BOUND, flags);
  properties[PROP_DISTRICTS] = g_param_spec_boxed ("districts", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL, QS_TYPE_DISTRICT_GROUP, flags);
  properties[PROP_FIGURE] = g_param_spec_string ("figure", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_BASE_YEAR] = g_param_spec_int ("base-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_BASE_VALUE] = g_param_spec_string ("base-value", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_requirement_init (QsRequirement *self)
{
  self->districts = g_new0 (char *, 1);
}

/* Public API */

QsRequirement *
qs_requirement_new (const char        *indicator_id,
                    QsRequirementKind  kind,
                    const char        *figure)
{
  return g_object_new (QS_TYPE_REQUIREMENT,
                       "indicator-id", indicator_id,
                       "kind", kind,
                       "figure", figure,
                       NULL);
}

const char *
qs_requirement_get_id (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->id;
}

void
qs_requirement_set_id (QsRequirement *self,
                       const char    *id)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  set_string_field (self, &self->id, id, PROP_ID);
}

const char *
qs_requirement_get_indicator_id (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->indicator_id;
}

void
qs_requirement_set_indicator_id (QsRequirement *self,
                                 const char    *indicator_id)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  set_string_field (self, &self->indicator_id, indicator_id, PROP_INDICATOR_ID);
}

QsRequirementKind
qs_requirement_get_kind (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), QS_REQUIREMENT_ABSOLUTE_BOUND);
  return self->kind;
}

void
qs_requirement_set_kind (QsRequirement     *self,
                         QsRequirementKind  kind)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (kind_names));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char * const *
qs_requirement_get_districts (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return (const char * const *) self->districts;
}

void
qs_requirement_set_districts (QsRequirement      *self,
                              const char * const *districts)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  if (districts == NULL && self->districts[0] == NULL)
    return;
  if (districts != NULL && g_strv_equal (districts, (const char * const *) self->districts))
    return;
  g_strfreev (self->districts);
  self->districts = districts ? g_strdupv ((char **) districts) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICTS]);
}

QsDistrictGroup *
qs_requirement_get_group (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->group;
}

void
qs_requirement_set_group (QsRequirement   *self,
                          QsDistrictGroup *group)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  g_return_if_fail (group == NULL || QS_IS_DISTRICT_GROUP (group));
  if (g_set_object (&self->group, group))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

const char *
qs_requirement_get_figure (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->figure;
}

void
qs_requirement_set_figure (QsRequirement *self,
                           const char    *figure)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  if (figure != NULL && *figure == '\0')
    figure = NULL;
  if (!qs_set_str (&self->figure, figure))
    return;
  g_clear_pointer (&self->value, qs_value_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

const QsValue *
qs_requirement_get_value (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  if (self->figure == NULL)
    return NULL;
  if (self->value == NULL)
    self->value = qs_value_parse (self->figure);
  return self->value;
}

const char *
qs_requirement_get_unit (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->unit;
}

void
qs_requirement_set_unit (QsRequirement *self,
                         const char    *unit)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  set_string_field (self, &self->unit, unit, PROP_UNIT);
}

int
qs_requirement_get_base_year (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), 0);
  return self->base_year;
}

void
qs_requirement_set_base_year (QsRequirement *self,
                              int            year)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  if (self->base_year == year)
    return;
  self->base_year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_YEAR]);
}

const char *
qs_requirement_get_base_value (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->base_value;
}

void
qs_requirement_set_base_value (QsRequirement *self,
                               const char    *base_value)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  set_string_field (self, &self->base_value, base_value, PROP_BASE_VALUE);
}

int
qs_requirement_get_year (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), 0);
  return self->year;
}

void
qs_requirement_set_year (QsRequirement *self,
                         int            year)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
qs_requirement_get_source (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->source;
}

void
qs_requirement_set_source (QsRequirement *self,
                           const char    *source)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  set_string_field (self, &self->source, source, PROP_SOURCE);
}

const char *
qs_requirement_get_note (QsRequirement *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);
  return self->note;
}

void
qs_requirement_set_note (QsRequirement *self,
                         const char    *note)
{
  g_return_if_fail (QS_IS_REQUIREMENT (self));
  set_string_field (self, &self->note, note, PROP_NOTE);
}

gboolean
qs_requirement_applies_to (QsRequirement *self,
                           const char    *district)
{
  g_return_val_if_fail (QS_IS_REQUIREMENT (self), FALSE);
  if (district == NULL || *district == '\0')
    return FALSE;
  for (guint i = 0; self->districts[i] != NULL; i++)
    if (qs_district_name_equal (self->districts[i], district))
      return TRUE;
  return self->group != NULL && qs_district_group_contains (self->group, district);
}

char *
qs_requirement_describe_scope (QsRequirement *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);

  if (self->source != NULL)
    g_string_append (s, self->source);
  if (self->group != NULL && *qs_district_group_get_name (self->group) != '\0')
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, qs_district_group_get_name (self->group));
    }
  else if (self->districts[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("、", self->districts);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, joined);
    }
  return g_string_free (s, FALSE);
}

JsonNode *
qs_requirement_to_json (QsRequirement *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (QS_IS_REQUIREMENT (self), NULL);

  json_builder_begin_object (b);
  if (self->id != NULL)
    {
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, self->id);
    }
  json_builder_set_member_name (b, "indicator");
  json_builder_add_string_value (b, self->indicator_id ? self->indicator_id : "");
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, qs_requirement_kind_to_string (self->kind));
  if (self->group != NULL)
    {
      json_builder_set_member_name (b, "group");
      json_builder_add_string_value (b, qs_district_group_get_id (self->group));
    }
  if (self->districts[0] != NULL)
    {
      json_builder_set_member_name (b, "districts");
      json_builder_begin_array (b);
      for (guint i = 0; self->districts[i] != NULL; i++)
        json_builder_add_string_value (b, self->districts[i]);
      json_builder_end_array (b);
    }
#define ADD_STRING(member, field) \
  if ((field) != NULL) \
    { \
      json_builder_set_member_name (b, member); \
      json_builder_add_string_value (b, field); \
    }
#define ADD_YEAR(member, field) \
  if ((field) != 0) \
    { \
      json_builder_set_member_name (b, member); \
      json_builder_add_int_value (b, field); \
    }
  ADD_STRING ("figure", self->figure);
  ADD_STRING ("unit", self->unit);
  ADD_YEAR ("base_year", self->base_year);
  ADD_STRING ("base_value", self->base_value);
  ADD_YEAR ("year", self->year);
  ADD_STRING ("source", self->source);
  ADD_STRING ("note", self->note);
#undef ADD_STRING
#undef ADD_YEAR
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Reads one requirement, for each of @indicators when the object names
 * several ("indicators": [...]); appends them to @out. */
static gboolean
read_requirements (JsonNode    *node,
                   GHashTable  *groups,
                   GPtrArray   *out,
                   GError     **error)
{
  JsonObject *o;
  const char *id, *indicator, *kind_text, *group_id, *figure, *unit, *base_value, *source, *note;
  int base_year, year;
  g_auto(GStrv) indicators = NULL;
  g_auto(GStrv) districts = NULL;
  QsRequirementKind kind;
  QsDistrictGroup *group = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID, "要求应为 JSON 对象");
      return FALSE;
    }
  o = json_node_get_object (node);
  if (!optional_string (o, "id", &id, error) ||
      !optional_string (o, "indicator", &indicator, error) ||
      !optional_string (o, "kind", &kind_text, error) ||
      !optional_string (o, "group", &group_id, error) ||
      !optional_string (o, "figure", &figure, error) ||
      !optional_string (o, "unit", &unit, error) ||
      !optional_string (o, "base_value", &base_value, error) ||
      !optional_string (o, "source", &source, error) ||
      !optional_string (o, "note", &note, error) ||
      !optional_int (o, "base_year", &base_year, error) ||
      !optional_int (o, "year", &year, error) ||
      !optional_strv (o, "indicators", &indicators, error) ||
      !optional_strv (o, "districts", &districts, error))
    return FALSE;

  if (!qs_requirement_kind_from_string (kind_text, &kind))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "要求“%s”：kind 应为 absolute-bound、change-vs-base-year、keep-baseline 或 assigned-value",
                   id ? id : "");
      return FALSE;
    }
  if (indicator == NULL && (indicators == NULL || indicators[0] == NULL))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "要求“%s”没有指明指标（indicator）", id ? id : "");
      return FALSE;
    }
  if (group_id != NULL)
    {
      group = groups != NULL ? g_hash_table_lookup (groups, group_id) : NULL;
      if (group == NULL)
        {
          g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                       "要求“%s”引用了未定义的区县分组“%s”", id ? id : "", group_id);
          return FALSE;
        }
    }
  if (group == NULL && (districts == NULL || districts[0] == NULL))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "要求“%s”没有指明适用的区县（group 或 districts）", id ? id : "");
      return FALSE;
    }
  if (kind != QS_REQUIREMENT_KEEP_BASELINE && figure == NULL)
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "要求“%s”缺少数值（figure）", id ? id : "");
      return FALSE;
    }
  if (kind == QS_REQUIREMENT_CHANGE && base_year == 0)
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "要求“%s”是相对基准年的变化，但缺少基准年（base_year）", id ? id : "");
      return FALSE;
    }

  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();

    if (indicator != NULL)
      g_ptr_array_add (ids, (gpointer) indicator);
    for (guint i = 0; indicators != NULL && indicators[i] != NULL; i++)
      g_ptr_array_add (ids, indicators[i]);

    for (guint i = 0; i < ids->len; i++)
      {
        QsRequirement *r = qs_requirement_new (ids->pdata[i], kind, figure);

        if (id != NULL)
          {
            g_autofree char *own = ids->len > 1 ? g_strdup_printf ("%s/%s", id, (char *) ids->pdata[i])
                                                : g_strdup (id);
            qs_requirement_set_id (r, own);
          }
        qs_requirement_set_districts (r, (const char * const *) districts);
        qs_requirement_set_group (r, group);
        qs_requirement_set_unit (r, unit);
        qs_requirement_set_base_year (r, base_year);
        qs_requirement_set_base_value (r, base_value);
        qs_requirement_set_year (r, year);
        qs_requirement_set_source (r, source);
        qs_requirement_set_note (r, note);
        g_ptr_array_add (out, r);
      }
  }
  return TRUE;
}

QsRequirement *
qs_requirement_new_from_json (JsonNode    *node,
                              GHashTable  *groups,
                              GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (node != NULL, NULL);

  if (!read_requirements (node, groups, out, error))
    return NULL;
  if (out->len != 1)
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "一条要求只能对应一个指标");
      return NULL;
    }
  return g_object_ref (out->pdata[0]);
}

GListStore *
qs_requirement_list_new_from_data (const char  *data,
                                   gssize       length,
                                   const char  *name_for_errors,
                                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (QS_TYPE_REQUIREMENT);
  JsonObject *root;
  JsonNode *member;

  g_return_val_if_fail (data != NULL, NULL);

  if (name_for_errors == NULL)
    name_for_errors = "<requirements>";
  if (length < 0)
    length = (gssize) strlen (data);
  if (length > MAX_DOCUMENT_SIZE)
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "%s：文件过大（超过 %d MB）", name_for_errors, MAX_DOCUMENT_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_PARSE,
                   "%s：不是有效的 JSON：%s", name_for_errors, local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "%s：应为 JSON 对象", name_for_errors);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  member = json_object_get_member (root, "groups");
  if (member != NULL && !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "%s：groups 应为区县分组的列表", name_for_errors);
      return NULL;
    }
  for (guint i = 0; member != NULL && i < json_array_get_length (json_node_get_array (member)); i++)
    {
      QsDistrictGroup *group =
        qs_district_group_new_from_json (json_array_get_element (json_node_get_array (member), i),
                                         &local_error);

      if (group == NULL)
        {
          g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                       "%s：第 %u 个区县分组：%s", name_for_errors, i + 1, local_error->message);
          return NULL;
        }
      if (g_hash_table_contains (groups, qs_district_group_get_id (group)))
        {
          g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                       "%s：区县分组 id“%s”出现了两次", name_for_errors, qs_district_group_get_id (group));
          g_object_unref (group);
          return NULL;
        }
      g_hash_table_insert (groups, (gpointer) qs_district_group_get_id (group), group);
    }

  member = json_object_get_member (root, "requirements");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "%s：缺少要求列表（requirements）", name_for_errors);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (member)); i++)
    if (!read_requirements (json_array_get_element (json_node_get_array (member), i),
                            groups, out, &local_error))
      {
        g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                     "%s：第 %u 条要求：%s", name_for_errors, i + 1, local_error->message);
        return NULL;
      }

  g_list_store_splice (store, 0, 0, out->pdata, out->len);
  return g_steal_pointer (&store);
}

GListStore *
qs_requirement_list_new_from_file (const char  *path,
                                   GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_IO,
                   "无法读取市级要求文件 %s：%s", path, local_error->message);
      return NULL;
    }
  return qs_requirement_list_new_from_data (data, (gssize) length, path, error);
}

char *
qs_requirement_list_to_data (GListModel *requirements,
                             const char *plan_title,
                             const char *region,
                             const char *period,
                             gsize      *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (requirements), NULL);

  n = g_list_model_get_n_items (requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);

      if (r->group != NULL && !g_ptr_array_find (groups, r->group, NULL))
        g_ptr_array_add (groups, r->group);
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "qingshan-requirements");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "plan");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, plan_title ? plan_title : "");
  json_builder_set_member_name (b, "region");
  json_builder_add_string_value (b, region ? region : "");
  json_builder_set_member_name (b, "period");
  json_builder_add_string_value (b, period ? period : "");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < groups->len; i++)
    json_builder_add_value (b, qs_district_group_to_json (groups->pdata[i]));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "requirements");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);

      json_builder_add_value (b, qs_requirement_to_json (r));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, length);
}

static char *
normalise_period (const char *period)
{
  g_autofree char *flat = qs_text_strip_spaces (period);
  GString *s = g_string_new (flat);

  g_string_replace (s, "–", "-", 0);
  g_string_replace (s, "—", "-", 0);
  g_string_replace (s, "~", "-", 0);
  g_string_replace (s, "至", "-", 0);
  return g_string_free (s, FALSE);
}

/* Reads only the "plan" member of a requirements document. */
static gboolean
file_matches (const char *path,
              const char *region,
              const char *period)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *want_period = NULL;
  g_autofree char *have_period = NULL;
  JsonObject *plan;
  JsonNode *node;
  const char *have_region = NULL;
  const char *period_text = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL) || length > MAX_DOCUMENT_SIZE ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  node = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "plan");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  plan = json_node_get_object (node);
  if (optional_string (plan, "region", &have_region, NULL) == FALSE || g_strcmp0 (have_region, region) != 0)
    return FALSE;
  if (period == NULL)
    return TRUE;
  /* "2016–2020" and "2016-2020" are the same period. */
  want_period = normalise_period (period);
  if (!optional_string (plan, "period", &period_text, NULL) || period_text == NULL)
    return FALSE;
  have_period = normalise_period (period_text);
  return strcmp (want_period, have_period) == 0;
}

char *
qs_requirement_find_data_file (const char *region,
                               const char *period)
{
  const char * const dirs[] = { SOURCE_RESOURCES_DIR, PKGDATADIR };

  if (region == NULL || *region == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;

          if (!g_str_has_prefix (name, "requirements-") || !g_str_has_suffix (name, ".json"))
            continue;
          path = g_build_filename (dirs[i], name, NULL);
          if (file_matches (path, region, period))
            return g_steal_pointer (&path);
        }
    }
  return NULL;
}
