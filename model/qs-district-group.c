/* qs-district-group.c: a named list of districts. */
#include "config.h"

#define G_LOG_DOMAIN "qs-district-group"

#include <string.h>

#include "qs-district-group.h"
#include "qs-requirement.h"
#include "qs-types.h"

struct _QsDistrictGroup
{
  GObject  parent_instance;
  char    *id;
  char    *name;
  char    *source;
  GStrv    districts;
};

G_DEFINE_FINAL_TYPE (QsDistrictGroup, qs_district_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SOURCE,
  PROP_DISTRICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_district_group_finalize (GObject *object)
{
  QsDistrictGroup *self = QS_DISTRICT_GROUP (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->districts, g_strfreev);
  G_OBJECT_CLASS (qs_district_group_parent_class)->finalize (object);
}

static void
qs_district_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QsDistrictGroup *self = QS_DISTRICT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_DISTRICTS:
      g_value_set_boxed (value, self->districts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_district_group_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QsDistrictGroup *self = QS_DISTRICT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      qs_district_group_set_name (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      qs_district_group_set_source (self, g_value_get_string (value));
      break;
    case PROP_DISTRICTS:
      qs_district_group_set_districts (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_district_group_class_init (QsDistrictGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_district_group_finalize;
  object_class->get_property = qs_district_group_get_property;
  object_class->set_property = qs_district_group_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_DISTRICTS] = g_param_spec_boxed ("districts", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_district_group_init (QsDistrictGroup *self)
{
  self->name = g_strdup ("");
  self->districts = g_new0 (char *, 1);
}

QsDistrictGroup *
qs_district_group_new (const char         *id,
                       const char         *name,
                       const char * const *districts)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (QS_TYPE_DISTRICT_GROUP,
                       "id", id,
                       "name", name ? name : "",
                       "districts", districts,
                       NULL);
}

const char *
qs_district_group_get_id (QsDistrictGroup *self)
{
  g_return_val_if_fail (QS_IS_DISTRICT_GROUP (self), NULL);
  return self->id;
}

const char *
qs_district_group_get_name (QsDistrictGroup *self)
{
  g_return_val_if_fail (QS_IS_DISTRICT_GROUP (self), NULL);
  return self->name;
}

void
qs_district_group_set_name (QsDistrictGroup *self,
                            const char      *name)
{
  g_return_if_fail (QS_IS_DISTRICT_GROUP (self));
  if (qs_set_str (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
qs_district_group_get_source (QsDistrictGroup *self)
{
  g_return_val_if_fail (QS_IS_DISTRICT_GROUP (self), NULL);
  return self->source;
}

void
qs_district_group_set_source (QsDistrictGroup *self,
                              const char      *source)
{
  g_return_if_fail (QS_IS_DISTRICT_GROUP (self));
  if (source != NULL && *source == '\0')
    source = NULL;
  if (qs_set_str (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char * const *
qs_district_group_get_districts (QsDistrictGroup *self)
{
  g_return_val_if_fail (QS_IS_DISTRICT_GROUP (self), NULL);
  return (const char * const *) self->districts;
}

void
qs_district_group_set_districts (QsDistrictGroup    *self,
                                 const char * const *districts)
{
  g_return_if_fail (QS_IS_DISTRICT_GROUP (self));
  if (districts == NULL && self->districts[0] == NULL)
    return;
  if (districts != NULL && g_strv_equal (districts, (const char * const *) self->districts))
    return;
  g_strfreev (self->districts);
  self->districts = districts ? g_strdupv ((char **) districts) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICTS]);
}

gboolean
qs_district_group_contains (QsDistrictGroup *self,
                            const char      *district)
{
  g_return_val_if_fail (QS_IS_DISTRICT_GROUP (self), FALSE);
  if (district == NULL)
    return FALSE;
  for (guint i = 0; self->districts[i] != NULL; i++)
    if (qs_district_name_equal (self->districts[i], district))
      return TRUE;
  return FALSE;
}

JsonNode *
qs_district_group_to_json (QsDistrictGroup *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (QS_IS_DISTRICT_GROUP (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->name);
  if (self->source != NULL)
    {
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, self->source);
    }
  json_builder_set_member_name (b, "districts");
  json_builder_begin_array (b);
  for (guint i = 0; self->districts[i] != NULL; i++)
    json_builder_add_string_value (b, self->districts[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
member_string (JsonObject *object,
               const char *member,
               const char *fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;
  return json_node_get_string (node);
}

QsDistrictGroup *
qs_district_group_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  JsonObject *o;
  const char *id;
  JsonNode *member;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) districts = NULL;
  QsDistrictGroup *group;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID, "区县分组应为 JSON 对象");
      return NULL;
    }
  o = json_node_get_object (node);
  id = member_string (o, "id", NULL);
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID, "区县分组缺少字符串成员“id”");
      return NULL;
    }
  member = json_object_get_member (o, "districts");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                   "区县分组“%s”缺少区县列表（districts）", id);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (member)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (member), i);
      const char *d = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
                      ? json_node_get_string (element) : NULL;

      if (d == NULL)
        {
          g_set_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_INVALID,
                       "区县分组“%s”：districts 应为字符串列表", id);
          return NULL;
        }
      g_strv_builder_add (builder, d);
    }
  districts = g_strv_builder_end (builder);
  group = qs_district_group_new (id, member_string (o, "name", ""),
                                 (const char * const *) districts);
  qs_district_group_set_source (group, member_string (o, "source", NULL));
  return group;
}

char *
qs_district_name_core (const char *name)
{
  static const char * const prefixes[] = { "重庆市", "重庆" };
  static const char * const suffixes[] = {
    "土家族苗族自治县", "苗族土家族自治县", "土家族自治县", "自治县", "新区", "区", "县",
  };
  g_autofree char *flat = NULL;
  char *start;
  gsize len;

  if (name == NULL)
    return g_strdup ("");
  flat = qs_text_strip_spaces (name);
  start = flat;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (start, prefixes[i]) && strlen (start) > strlen (prefixes[i]))
      {
        start += strlen (prefixes[i]);
        break;
      }
  len = strlen (start);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      /* Keep at least two characters: "江北区" → "江北", never "". */
      if (len > n && g_str_has_suffix (start, suffixes[i]) &&
          g_utf8_strlen (start, (gssize) (len - n)) >= 2)
        {
          len -= n;
          break;
        }
    }
  return g_strndup (start, len);
}

gboolean
qs_district_name_equal (const char *a,
                        const char *b)
{
  g_autofree char *ca = qs_district_name_core (a);
  g_autofree char *cb = qs_district_name_core (b);

  return *ca != '\0' && strcmp (ca, cb) == 0;
}
