/* qs-catalog-entry.c: one canonical indicator of the catalog. */
#include "config.h"

#define G_LOG_DOMAIN "qs-catalog-entry"

#include <string.h>

#include "qs-catalog-entry.h"
#include "qs-types.h"

typedef struct
{
  char             *to_id;
  QsConversionKind  kind;
} Conversion;

struct _QsCatalogEntry
{
  GObject    parent_instance;
  char      *id;
  char      *name;
  GStrv      aliases;
  GPtrArray *sub_parents;   /* parallel to sub_names */
  GPtrArray *sub_names;
  char      *unit;
  GStrv      units;
  QsBetter   better;
  char      *field;
  gboolean   binding;
  gboolean   aggregate;
  GStrv      related;
  GArray    *conversions;   /* of Conversion */
  char      *note;
};

G_DEFINE_FINAL_TYPE (QsCatalogEntry, qs_catalog_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_UNIT,
  PROP_BETTER,
  PROP_FIELD,
  PROP_BINDING,
  PROP_AGGREGATE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const better_names[] = {
  "none", "higher", "lower", "reduction", "water-class",
};

static const char * const better_descriptions[] = {
  "", "越高越好", "越低越好", "降幅越大越好", "类别越低越好",
};

static const char * const conversion_names[] = {
  "days-to-ratio", "ratio-to-days",
};

G_DEFINE_QUARK (qs-catalog-error-quark, qs_catalog_error)

const char *
qs_better_to_string (QsBetter better)
{
  g_return_val_if_fail ((guint) better < G_N_ELEMENTS (better_names), NULL);
  return better_names[better];
}

gboolean
qs_better_from_string (const char *str,
                       QsBetter   *better)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (better_names); i++)
    if (strcmp (str, better_names[i]) == 0)
      {
        *better = (QsBetter) i;
        return TRUE;
      }
  return FALSE;
}

const char *
qs_better_describe (QsBetter better)
{
  g_return_val_if_fail ((guint) better < G_N_ELEMENTS (better_descriptions), "");
  return better_descriptions[better];
}

int
qs_better_sign (QsBetter better)
{
  switch (better)
    {
    case QS_BETTER_HIGHER:
    case QS_BETTER_REDUCTION:
      return 1;
    case QS_BETTER_LOWER:
    case QS_BETTER_WATER_CLASS:
      return -1;
    case QS_BETTER_NONE:
    default:
      return 0;
    }
}

const char *
qs_conversion_kind_to_string (QsConversionKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (conversion_names), NULL);
  return conversion_names[kind];
}

gboolean
qs_conversion_kind_from_string (const char       *str,
                                QsConversionKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (conversion_names); i++)
    if (strcmp (str, conversion_names[i]) == 0)
      {
        *kind = (QsConversionKind) i;
        return TRUE;
      }
  return FALSE;
}

/* Helpers */

static gboolean
strv_contains (GStrv       strv,
               const char *text)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, text);
}

static void
conversion_clear (gpointer data)
{
  Conversion *c = data;

  g_clear_pointer (&c->to_id, g_free);
}

/* Reads an optional member that must be a string. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *entry_id,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标“%s”：成员“%s”应为字符串", entry_id, member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *member,
             const char  *entry_id,
             gboolean    *present,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标“%s”：成员“%s”应为 true 或 false", entry_id, member);
      return FALSE;
    }
  *present = TRUE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* An optional list of strings; NULL when absent. */
static gboolean
get_string_list (JsonObject  *object,
                 const char  *member,
                 const char  *entry_id,
                 GStrv       *out,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        goto invalid;
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;

invalid:
  g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
               "指标“%s”：成员“%s”应为字符串列表", entry_id, member);
  return FALSE;
}

static JsonNode *
strv_to_json (const char * const *strv)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_take_array (node, array);
  return node;
}

/* Overrides */

static void
qs_catalog_entry_finalize (GObject *object)
{
  QsCatalogEntry *self = QS_CATALOG_ENTRY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->sub_parents, g_ptr_array_unref);
  g_clear_pointer (&self->sub_names, g_ptr_array_unref);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->units, g_strfreev);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->related, g_strfreev);
  g_clear_pointer (&self->conversions, g_array_unref);
  g_clear_pointer (&self->note, g_free);
  G_OBJECT_CLASS (qs_catalog_entry_parent_class)->finalize (object);
}

static void
qs_catalog_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QsCatalogEntry *self = QS_CATALOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_BETTER:
      g_value_set_int (value, self->better);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_BINDING:
      g_value_set_boolean (value, self->binding);
      break;
    case PROP_AGGREGATE:
      g_value_set_boolean (value, self->aggregate);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_catalog_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QsCatalogEntry *self = QS_CATALOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      qs_catalog_entry_set_name (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      qs_catalog_entry_set_unit (self, g_value_get_string (value));
      break;
    case PROP_BETTER:
      qs_catalog_entry_set_better (self, g_value_get_int (value));
      break;
    case PROP_FIELD:
      qs_catalog_entry_set_field (self, g_value_get_string (value));
      break;
    case PROP_BINDING:
      qs_catalog_entry_set_binding (self, g_value_get_boolean (value));
      break;
    case PROP_AGGREGATE:
      qs_catalog_entry_set_aggregate (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      qs_catalog_entry_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_catalog_entry_class_init (QsCatalogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_catalog_entry_finalize;
  object_class->get_property = qs_catalog_entry_get_property;
  object_class->set_property = qs_catalog_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_BETTER] =
    g_param_spec_int ("better", NULL, NULL, QS_BETTER_NONE, QS_BETTER_WATER_CLASS,
                      QS_BETTER_NONE, flags);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_BINDING] = g_param_spec_boolean ("binding", NULL, NULL, FALSE, flags);
  properties[PROP_AGGREGATE] = g_param_spec_boolean ("aggregate", NULL, NULL, FALSE, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_catalog_entry_init (QsCatalogEntry *self)
{
  self->name = g_strdup ("");
  self->aliases = g_new0 (char *, 1);
  self->sub_parents = g_ptr_array_new_with_free_func (g_free);
  self->sub_names = g_ptr_array_new_with_free_func (g_free);
  self->units = g_new0 (char *, 1);
  self->related = g_new0 (char *, 1);
  self->conversions = g_array_new (FALSE, TRUE, sizeof (Conversion));
  g_array_set_clear_func (self->conversions, conversion_clear);
}

/* Public API */

QsCatalogEntry *
qs_catalog_entry_new (const char *id,
                      const char *name)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (QS_TYPE_CATALOG_ENTRY, "id", id, "name", name ? name : "", NULL);
}

const char *
qs_catalog_entry_get_id (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return self->id;
}

const char *
qs_catalog_entry_get_name (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return self->name;
}

void
qs_catalog_entry_set_name (QsCatalogEntry *self,
                           const char     *name)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  if (qs_set_str (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char * const *
qs_catalog_entry_get_aliases (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return (const char * const *) self->aliases;
}

gboolean
qs_catalog_entry_add_alias (QsCatalogEntry *self,
                            const char     *alias)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (*alias == '\0' || strv_contains (self->aliases, alias))
    return FALSE;
  qs_strv_append (&self->aliases, alias);
  return TRUE;
}

gboolean
qs_catalog_entry_remove_alias (QsCatalogEntry *self,
                               const char     *alias)
{
  guint n, k = 0;
  gboolean removed = FALSE;

  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  n = g_strv_length (self->aliases);
  for (guint i = 0; i < n; i++)
    {
      if (!removed && strcmp (self->aliases[i], alias) == 0)
        {
          g_free (self->aliases[i]);
          removed = TRUE;
          continue;
        }
      self->aliases[k++] = self->aliases[i];
    }
  self->aliases[k] = NULL;
  return removed;
}

guint
qs_catalog_entry_get_n_sub_rows (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), 0);
  return self->sub_names->len;
}

void
qs_catalog_entry_get_sub_row (QsCatalogEntry  *self,
                              guint            index,
                              const char     **parent,
                              const char     **name)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  g_return_if_fail (index < self->sub_names->len);

  if (parent != NULL)
    *parent = g_ptr_array_index (self->sub_parents, index);
  if (name != NULL)
    *name = g_ptr_array_index (self->sub_names, index);
}

gboolean
qs_catalog_entry_add_sub_row (QsCatalogEntry *self,
                              const char     *parent,
                              const char     *name)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), FALSE);
  g_return_val_if_fail (parent != NULL && name != NULL, FALSE);

  for (guint i = 0; i < self->sub_names->len; i++)
    if (strcmp (g_ptr_array_index (self->sub_parents, i), parent) == 0 &&
        strcmp (g_ptr_array_index (self->sub_names, i), name) == 0)
      return FALSE;
  g_ptr_array_add (self->sub_parents, g_strdup (parent));
  g_ptr_array_add (self->sub_names, g_strdup (name));
  return TRUE;
}

const char *
qs_catalog_entry_get_unit (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return self->unit;
}

void
qs_catalog_entry_set_unit (QsCatalogEntry *self,
                           const char     *unit)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  if (unit != NULL && *unit == '\0')
    unit = NULL;
  if (qs_set_str (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
  if (unit != NULL && !strv_contains (self->units, unit))
    {
      /* The usual unit leads the list. */
      guint n = g_strv_length (self->units);

      self->units = g_renew (char *, self->units, n + 2);
      memmove (self->units + 1, self->units, (n + 1) * sizeof (char *));
      self->units[0] = g_strdup (unit);
    }
}

const char * const *
qs_catalog_entry_get_units (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return (const char * const *) self->units;
}

void
qs_catalog_entry_add_unit (QsCatalogEntry *self,
                           const char     *unit)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  if (unit != NULL && *unit != '\0' && !strv_contains (self->units, unit))
    qs_strv_append (&self->units, unit);
}

QsBetter
qs_catalog_entry_get_better (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), QS_BETTER_NONE);
  return self->better;
}

void
qs_catalog_entry_set_better (QsCatalogEntry *self,
                             QsBetter        better)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  g_return_if_fail ((guint) better < G_N_ELEMENTS (better_names));
  if (self->better == better)
    return;
  self->better = better;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BETTER]);
}

const char *
qs_catalog_entry_get_field (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return self->field;
}

void
qs_catalog_entry_set_field (QsCatalogEntry *self,
                            const char     *field)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  if (qs_set_str (&self->field, field))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

gboolean
qs_catalog_entry_get_binding (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), FALSE);
  return self->binding;
}

void
qs_catalog_entry_set_binding (QsCatalogEntry *self,
                              gboolean        binding)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  binding = !!binding;
  if (self->binding == binding)
    return;
  self->binding = binding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BINDING]);
}

gboolean
qs_catalog_entry_get_aggregate (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), FALSE);
  return self->aggregate;
}

void
qs_catalog_entry_set_aggregate (QsCatalogEntry *self,
                                gboolean        aggregate)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  aggregate = !!aggregate;
  if (self->aggregate == aggregate)
    return;
  self->aggregate = aggregate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGGREGATE]);
}

const char * const *
qs_catalog_entry_get_related (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return (const char * const *) self->related;
}

void
qs_catalog_entry_add_related (QsCatalogEntry *self,
                              const char     *id)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  if (id != NULL && *id != '\0' && g_strcmp0 (id, self->id) != 0 &&
      !strv_contains (self->related, id))
    qs_strv_append (&self->related, id);
}

guint
qs_catalog_entry_get_n_conversions (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), 0);
  return self->conversions->len;
}

const char *
qs_catalog_entry_get_conversion (QsCatalogEntry   *self,
                                 guint             index,
                                 QsConversionKind *kind)
{
  const Conversion *c;

  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  g_return_val_if_fail (index < self->conversions->len, NULL);

  c = &g_array_index (self->conversions, Conversion, index);
  if (kind != NULL)
    *kind = c->kind;
  return c->to_id;
}

void
qs_catalog_entry_add_conversion (QsCatalogEntry   *self,
                                 const char       *to_id,
                                 QsConversionKind  kind)
{
  Conversion c;

  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  g_return_if_fail (to_id != NULL);

  for (guint i = 0; i < self->conversions->len; i++)
    {
      Conversion *old = &g_array_index (self->conversions, Conversion, i);

      if (strcmp (old->to_id, to_id) == 0)
        {
          old->kind = kind;
          return;
        }
    }
  c.to_id = g_strdup (to_id);
  c.kind = kind;
  g_array_append_val (self->conversions, c);
}

const char *
qs_catalog_entry_get_note (QsCatalogEntry *self)
{
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);
  return self->note;
}

void
qs_catalog_entry_set_note (QsCatalogEntry *self,
                           const char     *note)
{
  g_return_if_fail (QS_IS_CATALOG_ENTRY (self));
  if (qs_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* The id must be a slug: it is stored in files and the workspace and
 * read by scripts. */
static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || !g_ascii_islower (*id))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
qs_catalog_entry_update_from_json (QsCatalogEntry  *self,
                                   JsonNode        *node,
                                   GError         **error)
{
  JsonObject *object;
  const char *name, *unit, *better_text, *field, *note;
  gboolean has_binding, binding = FALSE, has_aggregate, aggregate = FALSE;
  g_auto(GStrv) aliases = NULL;
  g_auto(GStrv) units = NULL;
  g_auto(GStrv) related = NULL;
  QsBetter better = QS_BETTER_NONE;
  JsonNode *member;
  g_autoptr(GPtrArray) sub_parents = g_ptr_array_new ();
  g_autoptr(GPtrArray) sub_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) conv_ids = g_ptr_array_new ();
  g_autoptr(GArray) conv_kinds = g_array_new (FALSE, FALSE, sizeof (QsConversionKind));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标“%s”：描述应为 JSON 对象", self->id);
      return FALSE;
    }
  object = json_node_get_object (node);

  /* Read and check everything first, so that an error changes nothing. */
  if (!get_string (object, "name", self->id, &name, error) ||
      !get_string (object, "unit", self->id, &unit, error) ||
      !get_string (object, "better", self->id, &better_text, error) ||
      !get_string (object, "field", self->id, &field, error) ||
      !get_string (object, "note", self->id, &note, error) ||
      !get_boolean (object, "binding", self->id, &has_binding, &binding, error) ||
      !get_boolean (object, "aggregate", self->id, &has_aggregate, &aggregate, error) ||
      !get_string_list (object, "aliases", self->id, &aliases, error) ||
      !get_string_list (object, "units", self->id, &units, error) ||
      !get_string_list (object, "related", self->id, &related, error))
    return FALSE;

  if (better_text != NULL && !qs_better_from_string (better_text, &better))
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标“%s”：better 应为 higher、lower、reduction、water-class 或 none，而不是“%s”",
                   self->id, better_text);
      return FALSE;
    }

  member = json_object_get_member (object, "sub_rows");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        goto bad_sub_rows;
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          GStrv parents = NULL, names = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            goto bad_sub_rows;
          if (!get_string_list (json_node_get_object (element), "parents", self->id, &parents, error))
            return FALSE;
          if (!get_string_list (json_node_get_object (element), "names", self->id, &names, error))
            {
              g_strfreev (parents);
              return FALSE;
            }
          g_ptr_array_add (keep, parents);
          g_ptr_array_add (keep, names);
          if (parents == NULL || names == NULL)
            goto bad_sub_rows;
          for (guint p = 0; parents[p] != NULL; p++)
            for (guint n = 0; names[n] != NULL; n++)
              {
                g_ptr_array_add (sub_parents, parents[p]);
                g_ptr_array_add (sub_names, names[n]);
              }
        }
    }

  member = json_object_get_member (object, "conversions");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        goto bad_conversions;
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *to = NULL, *kind_text = NULL;
          QsConversionKind kind;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            goto bad_conversions;
          if (!get_string (json_node_get_object (element), "to", self->id, &to, error) ||
              !get_string (json_node_get_object (element), "kind", self->id, &kind_text, error))
            return FALSE;
          if (to == NULL || !qs_conversion_kind_from_string (kind_text, &kind))
            goto bad_conversions;
          g_ptr_array_add (conv_ids, (gpointer) to);
          g_array_append_val (conv_kinds, kind);
        }
    }

  /* Apply. */
  if (name != NULL)
    qs_catalog_entry_set_name (self, name);
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    qs_catalog_entry_add_unit (self, units[i]);
  if (unit != NULL)
    qs_catalog_entry_set_unit (self, unit);
  if (better_text != NULL)
    qs_catalog_entry_set_better (self, better);
  if (field != NULL)
    qs_catalog_entry_set_field (self, field);
  if (note != NULL)
    qs_catalog_entry_set_note (self, note);
  if (has_binding)
    qs_catalog_entry_set_binding (self, binding);
  if (has_aggregate)
    qs_catalog_entry_set_aggregate (self, aggregate);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    qs_catalog_entry_add_alias (self, aliases[i]);
  for (guint i = 0; related != NULL && related[i] != NULL; i++)
    qs_catalog_entry_add_related (self, related[i]);
  for (guint i = 0; i < sub_names->len; i++)
    qs_catalog_entry_add_sub_row (self, sub_parents->pdata[i], sub_names->pdata[i]);
  for (guint i = 0; i < conv_ids->len; i++)
    qs_catalog_entry_add_conversion (self, conv_ids->pdata[i],
                                     g_array_index (conv_kinds, QsConversionKind, i));
  return TRUE;

bad_sub_rows:
  g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
               "指标“%s”：sub_rows 应为 {\"parents\": […], \"names\": […]} 的列表", self->id);
  return FALSE;

bad_conversions:
  g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
               "指标“%s”：conversions 应为 {\"to\": 指标id, \"kind\": \"days-to-ratio\"|\"ratio-to-days\"} 的列表",
               self->id);
  return FALSE;
}

QsCatalogEntry *
qs_catalog_entry_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(QsCatalogEntry) entry = NULL;
  JsonObject *object;
  JsonNode *id_node, *name_node;
  const char *id;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标描述应为 JSON 对象");
      return NULL;
    }
  object = json_node_get_object (node);
  id_node = json_object_get_member (object, "id");
  if (id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node) ||
      json_node_get_value_type (id_node) != G_TYPE_STRING)
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标描述缺少字符串成员“id”");
      return NULL;
    }
  id = json_node_get_string (id_node);
  if (!id_is_valid (id))
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标 id“%s”无效：应由小写字母、数字、_ 和 - 组成，以字母开头", id);
      return NULL;
    }
  name_node = json_object_get_member (object, "name");
  if (name_node == NULL || !JSON_NODE_HOLDS_VALUE (name_node) ||
      json_node_get_value_type (name_node) != G_TYPE_STRING ||
      *json_node_get_string (name_node) == '\0')
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                   "指标“%s”缺少中文名称（name）", id);
      return NULL;
    }

  entry = qs_catalog_entry_new (id, NULL);
  if (!qs_catalog_entry_update_from_json (entry, node, error))
    return NULL;
  return g_steal_pointer (&entry);
}

JsonNode *
qs_catalog_entry_to_json (QsCatalogEntry *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->name);
  json_builder_set_member_name (b, "aliases");
  json_builder_add_value (b, strv_to_json ((const char * const *) self->aliases));
  if (self->sub_names->len > 0)
    {
      json_builder_set_member_name (b, "sub_rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->sub_names->len; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "parents");
          json_builder_begin_array (b);
          json_builder_add_string_value (b, g_ptr_array_index (self->sub_parents, i));
          json_builder_end_array (b);
          json_builder_set_member_name (b, "names");
          json_builder_begin_array (b);
          json_builder_add_string_value (b, g_ptr_array_index (self->sub_names, i));
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  if (self->unit != NULL)
    {
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, self->unit);
    }
  if (self->units[0] != NULL)
    {
      json_builder_set_member_name (b, "units");
      json_builder_add_value (b, strv_to_json ((const char * const *) self->units));
    }
  json_builder_set_member_name (b, "better");
  json_builder_add_string_value (b, qs_better_to_string (self->better));
  if (self->field != NULL)
    {
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, self->field);
    }
  json_builder_set_member_name (b, "binding");
  json_builder_add_boolean_value (b, self->binding);
  json_builder_set_member_name (b, "aggregate");
  json_builder_add_boolean_value (b, self->aggregate);
  if (self->related[0] != NULL)
    {
      json_builder_set_member_name (b, "related");
      json_builder_add_value (b, strv_to_json ((const char * const *) self->related));
    }
  if (self->conversions->len > 0)
    {
      json_builder_set_member_name (b, "conversions");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->conversions->len; i++)
        {
          const Conversion *c = &g_array_index (self->conversions, Conversion, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "to");
          json_builder_add_string_value (b, c->to_id);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, qs_conversion_kind_to_string (c->kind));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  if (self->note != NULL)
    {
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, self->note);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
