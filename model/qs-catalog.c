/* qs-catalog.c: the catalog of canonical indicators.
 *
 * Three indexes sit beside the list of entries: id → entry, normalised
 * alias → id and normalised "parent/name" → id for sub-rows.  The alias
 * keys depend on the naming variants, so adding a variant rebuilds them.
 */
#include "config.h"

#define G_LOG_DOMAIN "qs-catalog"

#include <string.h>

#include "qs-catalog.h"
#include "qs-catalog-data.h"
#include "qs-types.h"

/* Between the parent's key and the name's key of a sub-row: a control
 * character never survives normalisation, so the two cannot run together. */
#define SUB_SEPARATOR "\x1f"

typedef struct
{
  char *from;   /* normalised without variants */
  char *to;
} Variant;

typedef struct
{
  char   *from;  /* canonical units */
  char   *to;
  double  factor;
} Factor;

struct _QsCatalog
{
  GObject     parent_instance;
  GListStore *entries;
  GHashTable *by_id;        /* id → QsCatalogEntry (borrowed from entries) */
  GHashTable *by_alias;     /* key → id */
  GHashTable *by_sub;       /* parent key SUB_SEPARATOR name key → id */
  GArray     *variants;     /* of Variant, applied in order */
  GHashTable *unit_names;   /* folded unit → canonical unit */
  GArray     *factors;      /* of Factor */
};

G_DEFINE_FINAL_TYPE (QsCatalog, qs_catalog, G_TYPE_OBJECT)

/* Helpers */

static void
variant_clear (gpointer data)
{
  Variant *v = data;

  g_clear_pointer (&v->from, g_free);
  g_clear_pointer (&v->to, g_free);
}

static void
factor_clear (gpointer data)
{
  Factor *f = data;

  g_clear_pointer (&f->from, g_free);
  g_clear_pointer (&f->to, g_free);
}

static gboolean
is_marker_char (gunichar c)
{
  return c == '*' || c == '_' || c == '{' || c == '}' || c == '$' || c == 0x203B /* ※ */ ||
         c == '\\';
}

/* NFKC (full-width → ASCII, Ⅲ → III, ³ → 3), white space and marker
 * characters dropped, ASCII lower case. */
static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  if (nfkc == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF || c == 0x3000 || c == 0x00A0 ||
          is_marker_char (c) || g_unichar_iscntrl (c))
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Removes 〔1〕, [2] style footnote references anywhere in the name. */
static void
drop_footnote_refs (GString *s)
{
  static const char * const pairs[][2] = { { "〔", "〕" }, { "[", "]" }, { "【", "】" } };

  for (guint k = 0; k < G_N_ELEMENTS (pairs); k++)
    {
      gsize from = 0;

      for (;;)
        {
          char *open = strstr (s->str + from, pairs[k][0]);
          char *close, *p;
          gboolean digits = TRUE;

          if (open == NULL)
            break;
          p = open + strlen (pairs[k][0]);
          close = strstr (p, pairs[k][1]);
          if (close == NULL)
            break;
          for (char *q = p; q < close; q++)
            digits = digits && g_ascii_isdigit (*q);
          if (digits && close > p)
            g_string_erase (s, open - s->str, (close + strlen (pairs[k][1])) - open);
          else
            from = (gsize) (close - s->str);
        }
    }
}

static gsize
skip_prefix (const char *s,
             const char *prefix)
{
  return g_str_has_prefix (s, prefix) ? strlen (prefix) : 0;
}

/* Leading numbering: "13." "1." "4、" "(2)" "一、" and "其中:". */
static void
drop_numbering (GString *s)
{
  static const char * const chinese_numerals = "一二三四五六七八九十";
  gboolean changed = TRUE;

  while (changed && s->len > 0)
    {
      const char *p = s->str;
      gsize n;

      changed = FALSE;
      if ((n = skip_prefix (p, "其中:")) > 0 || (n = skip_prefix (p, "其中,")) > 0 ||
          (n = skip_prefix (p, "其中")) > 0)
        {
          /* "其中" alone would leave nothing behind: keep it then. */
          if (n < s->len)
            {
              g_string_erase (s, 0, n);
              changed = TRUE;
            }
          continue;
        }
      if (g_ascii_isdigit (*p))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          /* "2.5" is not numbering: a digit after the point is a decimal. */
          if (*q == '.' && !g_ascii_isdigit (q[1]) && q[1] != '\0')
            n = q + 1 - p;
          else if (g_str_has_prefix (q, "、"))
            n = q + strlen ("、") - p;
          else
            n = 0;
          if (n > 0)
            {
              g_string_erase (s, 0, n);
              changed = TRUE;
            }
          continue;
        }
      if (*p == '(')
        {
          const char *q = p + 1;

          while (*q && *q != ')')
            {
              if (!g_ascii_isdigit (*q) &&
                  g_utf8_strchr (chinese_numerals, -1, g_utf8_get_char (q)) == NULL)
                break;
              q = g_utf8_next_char (q);
            }
          if (*q == ')' && q > p + 1 && q[1] != '\0')
            {
              g_string_erase (s, 0, q + 1 - p);
              changed = TRUE;
            }
          continue;
        }
      {
        const char *q = p;

        while (*q && g_utf8_strchr (chinese_numerals, -1, g_utf8_get_char (q)) != NULL)
          q = g_utf8_next_char (q);
        if (q > p && g_str_has_prefix (q, "、") && q[strlen ("、")] != '\0')
          {
            g_string_erase (s, 0, q + strlen ("、") - p);
            changed = TRUE;
          }
      }
    }
}

/* A trailing "(%)" or an unclosed "(μg/m3": the unit, not the name.  A
 * bracket holding a decimal point or a list (PM2.5, SO2、NO2) is part of
 * the name. */
static void
drop_trailing_unit (GString *s)
{
  gssize open = -1;

  if (s->len == 0)
    return;

  if (s->str[s->len - 1] == ')')
    {
      int depth = 0;

      for (gssize i = (gssize) s->len - 1; i >= 0; i--)
        {
          if (s->str[i] == ')')
            depth++;
          else if (s->str[i] == '(' && --depth == 0)
            {
              open = i;
              break;
            }
        }
    }
  else
    {
      char *last_open = strrchr (s->str, '(');

      if (last_open != NULL && strchr (last_open, ')') == NULL)
        open = last_open - s->str;
    }

  if (open > 0)
    {
      const char *content = s->str + open;

      if (strchr (content, '.') == NULL && strstr (content, "、") == NULL)
        g_string_truncate (s, (gsize) open);
    }
}

static void
replace_all (GString    *s,
             const char *from,
             const char *to)
{
  gsize from_len = strlen (from);
  gsize to_len = strlen (to);
  gsize pos = 0;

  if (from_len == 0)
    return;
  for (;;)
    {
      char *hit = strstr (s->str + pos, from);

      if (hit == NULL)
        return;
      pos = (gsize) (hit - s->str);
      g_string_erase (s, pos, from_len);
      g_string_insert_len (s, pos, to, to_len);
      pos += to_len;
    }
}

static char *
normalise_base (const char *name)
{
  g_autofree char *folded = NULL;
  GString *s;

  if (name == NULL)
    return g_strdup ("");
  folded = fold (name);
  s = g_string_new (folded);
  drop_footnote_refs (s);
  drop_numbering (s);
  drop_trailing_unit (s);
  return g_string_free (s, FALSE);
}

static char *
normalise (QsCatalog  *self,
           const char *name)
{
  GString *s = g_string_new (NULL);
  g_autofree char *base = normalise_base (name);

  g_string_assign (s, base);
  for (guint i = 0; i < self->variants->len; i++)
    {
      const Variant *v = &g_array_index (self->variants, Variant, i);

      replace_all (s, v->from, v->to);
    }
  return g_string_free (s, FALSE);
}

static char *
sub_key (QsCatalog  *self,
         const char *parent,
         const char *name)
{
  g_autofree char *p = normalise (self, parent);
  g_autofree char *n = normalise (self, name);

  return g_strconcat (p, SUB_SEPARATOR, n, NULL);
}

/* Indexes one entry's names.  A key held by another entry is an error
 * unless @replace, when it moves to this entry. */
static gboolean
index_entry (QsCatalog       *self,
             QsCatalogEntry  *entry,
             gboolean         replace,
             GError         **error)
{
  const char *id = qs_catalog_entry_get_id (entry);
  const char * const *aliases = qs_catalog_entry_get_aliases (entry);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) qs_catalog_entry_get_name (entry));
  for (guint i = 0; aliases[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) aliases[i]);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *key = normalise (self, names->pdata[i]);
      const char *holder;

      if (*key == '\0')
        continue;
      holder = g_hash_table_lookup (self->by_alias, key);
      if (holder != NULL && strcmp (holder, id) != 0 && !replace)
        {
          g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                       "名称“%s”同时属于指标“%s”和“%s”", (const char *) names->pdata[i], holder, id);
          return FALSE;
        }
      g_hash_table_replace (self->by_alias, g_steal_pointer (&key), g_strdup (id));
    }

  for (guint i = 0; i < qs_catalog_entry_get_n_sub_rows (entry); i++)
    {
      const char *parent, *name;
      g_autofree char *key = NULL;
      const char *holder;

      qs_catalog_entry_get_sub_row (entry, i, &parent, &name);
      key = sub_key (self, parent, name);
      holder = g_hash_table_lookup (self->by_sub, key);
      if (holder != NULL && strcmp (holder, id) != 0 && !replace)
        {
          g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                       "子项“%s / %s”同时属于指标“%s”和“%s”", parent, name, holder, id);
          return FALSE;
        }
      g_hash_table_replace (self->by_sub, g_steal_pointer (&key), g_strdup (id));
    }
  return TRUE;
}

/* Gives the name @alias to entry @id for good: the spellings of another
 * entry that normalise to the same key are dropped from that entry, so a
 * later re-indexing cannot hand the name back. */
static void
take_alias (QsCatalog  *self,
            const char *id,
            const char *alias)
{
  g_autofree char *key = normalise (self, alias);
  const char *holder;
  QsCatalogEntry *previous;

  if (*key == '\0')
    return;
  holder = g_hash_table_lookup (self->by_alias, key);
  previous = holder != NULL && strcmp (holder, id) != 0 ? g_hash_table_lookup (self->by_id, holder) : NULL;
  if (previous != NULL)
    {
      g_auto(GStrv) spellings = g_strdupv ((char **) qs_catalog_entry_get_aliases (previous));

      for (guint i = 0; spellings[i] != NULL; i++)
        {
          g_autofree char *other = normalise (self, spellings[i]);

          if (strcmp (other, key) == 0)
            qs_catalog_entry_remove_alias (previous, spellings[i]);
        }
    }
  qs_catalog_entry_add_alias (g_hash_table_lookup (self->by_id, id), alias);
  g_hash_table_replace (self->by_alias, g_steal_pointer (&key), g_strdup (id));
}

static void
reindex (QsCatalog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  g_hash_table_remove_all (self->by_alias);
  g_hash_table_remove_all (self->by_sub);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      /* Later entries win a key two of them now share: the user's extension
       * comes last. */
      index_entry (self, entry, TRUE, NULL);
    }
}

static char *
fold_unit (const char *unit)
{
  g_autofree char *folded = NULL;

  if (unit == NULL)
    return NULL;
  folded = fold (unit);
  if (*folded == '\0')
    return NULL;
  return g_steal_pointer (&folded);
}

static void
add_unit_name (QsCatalog  *self,
               const char *canonical,
               const char *spelling)
{
  char *key = fold_unit (spelling);

  if (key != NULL)
    g_hash_table_replace (self->unit_names, key, g_strdup (canonical));
}

static const char *
canonical_unit (QsCatalog  *self,
                const char *unit,
                char      **folded_out)
{
  char *folded = fold_unit (unit);
  const char *canonical;

  *folded_out = folded;
  if (folded == NULL)
    return NULL;
  canonical = g_hash_table_lookup (self->unit_names, folded);
  return canonical != NULL ? canonical : folded;
}

/* JSON members of the right type, or NULL: a user's file may hold
 * anything, and json-glib's typed getters complain on a wrong type. */
static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  return node_string (json_object_get_member (object, member));
}

static const char *
element_string (JsonArray *array,
                guint      index)
{
  return index < json_array_get_length (array) ? node_string (json_array_get_element (array, index)) : NULL;
}

static double
member_number (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return 0;
}

static void
take_aliases_of (QsCatalog      *self,
                 QsCatalogEntry *entry,
                 JsonNode       *node)
{
  JsonNode *member = json_object_get_member (json_node_get_object (node), "aliases");

  for (guint i = 0; member != NULL && JSON_NODE_HOLDS_ARRAY (member) &&
                    i < json_array_get_length (json_node_get_array (member)); i++)
    {
      const char *alias = element_string (json_node_get_array (member), i);

      if (alias != NULL)
        take_alias (self, qs_catalog_entry_get_id (entry), alias);
    }
}

static gboolean
set_json_error (GError     **error,
                const char  *name_for_errors,
                const char  *what)
{
  g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
               "%s：%s", name_for_errors, what);
  return FALSE;
}

/* Overrides */

static void
qs_catalog_finalize (GObject *object)
{
  QsCatalog *self = QS_CATALOG (object);

  g_clear_object (&self->entries);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->by_alias, g_hash_table_unref);
  g_clear_pointer (&self->by_sub, g_hash_table_unref);
  g_clear_pointer (&self->variants, g_array_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->factors, g_array_unref);
  G_OBJECT_CLASS (qs_catalog_parent_class)->finalize (object);
}

static void
qs_catalog_class_init (QsCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_catalog_finalize;
}

static void
qs_catalog_init (QsCatalog *self)
{
  self->entries = g_list_store_new (QS_TYPE_CATALOG_ENTRY);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_alias = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_sub = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->variants = g_array_new (FALSE, TRUE, sizeof (Variant));
  g_array_set_clear_func (self->variants, variant_clear);
  self->unit_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->factors = g_array_new (FALSE, TRUE, sizeof (Factor));
  g_array_set_clear_func (self->factors, factor_clear);
}

/* Public API */

QsCatalog *
qs_catalog_new (void)
{
  return g_object_new (QS_TYPE_CATALOG, NULL);
}

QsCatalog *
qs_catalog_new_from_bytes (GBytes      *bytes,
                           const char  *name_for_errors,
                           GError     **error)
{
  g_autoptr(QsCatalog) self = qs_catalog_new ();
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!qs_catalog_merge_json (self, data, (gssize) length,
                              name_for_errors ? name_for_errors : "<catalog>", error))
    return NULL;
  return g_steal_pointer (&self);
}

QsCatalog *
qs_catalog_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (qs_catalog_data, qs_catalog_data_len);

  return qs_catalog_new_from_bytes (bytes, "catalog.json", error);
}

QsCatalog *
qs_catalog_new_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_IO,
                   "无法读取指标目录 %s：%s", path, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  return qs_catalog_new_from_bytes (bytes, path, error);
}

gboolean
qs_catalog_merge_json (QsCatalog   *self,
                       const char  *data,
                       gssize       length,
                       const char  *name_for_errors,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) updates = g_ptr_array_new ();     /* JsonNode, parallel to targets */
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();     /* QsCatalogEntry (borrowed) */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean was_empty;
  JsonObject *root;
  JsonNode *member;

  g_return_val_if_fail (QS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (name_for_errors == NULL)
    name_for_errors = "<catalog>";
  was_empty = g_hash_table_size (self->by_id) == 0;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_PARSE,
                   "%s：不是有效的 JSON：%s", name_for_errors, local_error->message);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return set_json_error (error, name_for_errors, "指标目录应为 JSON 对象");
  root = json_node_get_object (json_parser_get_root (parser));

  /* Check everything before changing anything. */
  member = json_object_get_member (root, "name_variants");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return set_json_error (error, name_for_errors, "name_variants 应为 [原写法, 统一写法] 的列表");
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *pair = json_array_get_element (array, i);
          JsonArray *a;

          if (!JSON_NODE_HOLDS_ARRAY (pair) || json_array_get_length (a = json_node_get_array (pair)) != 2 ||
              element_string (a, 0) == NULL || element_string (a, 1) == NULL)
            return set_json_error (error, name_for_errors, "name_variants 应为 [原写法, 统一写法] 的列表");
        }
    }

  member = json_object_get_member (root, "units");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return set_json_error (error, name_for_errors, "units 应为 {\"unit\", \"aliases\"} 的列表");
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *o;
          JsonNode *aliases;

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              member_string (o = json_node_get_object (element), "unit") == NULL)
            return set_json_error (error, name_for_errors, "units 的每一项都要有字符串成员 unit");
          aliases = json_object_get_member (o, "aliases");
          if (aliases != NULL && !JSON_NODE_HOLDS_ARRAY (aliases))
            return set_json_error (error, name_for_errors, "units 的 aliases 应为字符串列表");
          for (guint k = 0; aliases != NULL && k < json_array_get_length (json_node_get_array (aliases)); k++)
            if (element_string (json_node_get_array (aliases), k) == NULL)
              return set_json_error (error, name_for_errors, "units 的 aliases 应为字符串列表");
        }
    }

  member = json_object_get_member (root, "unit_factors");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return set_json_error (error, name_for_errors, "unit_factors 应为 {\"from\", \"to\", \"factor\"} 的列表");
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *o;

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              member_string (o = json_node_get_object (element), "from") == NULL ||
              member_string (o, "to") == NULL ||
              !(member_number (o, "factor") > 0))
            return set_json_error (error, name_for_errors,
                                   "unit_factors 的每一项都要有 from、to 和正数 factor");
        }
    }

  member = json_object_get_member (root, "indicators");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return set_json_error (error, name_for_errors, "indicators 应为指标对象的列表");
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *id = NULL;
          QsCatalogEntry *existing;

          if (JSON_NODE_HOLDS_OBJECT (element))
            id = member_string (json_node_get_object (element), "id");
          if (id != NULL && g_hash_table_contains (seen, id))
            {
              g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                           "%s：指标 id“%s”出现了两次", name_for_errors, id);
              return FALSE;
            }
          existing = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
          if (existing != NULL)
            {
              /* Try the update on a scratch copy first. */
              g_autoptr(JsonNode) copy = qs_catalog_entry_to_json (existing);
              g_autoptr(QsCatalogEntry) scratch = qs_catalog_entry_new_from_json (copy, NULL);

              if (scratch == NULL || !qs_catalog_entry_update_from_json (scratch, element, &local_error))
                {
                  g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID, "%s：%s",
                               name_for_errors, local_error ? local_error->message : id);
                  return FALSE;
                }
              g_ptr_array_add (targets, existing);
              g_ptr_array_add (updates, element);
            }
          else
            {
              QsCatalogEntry *entry = qs_catalog_entry_new_from_json (element, &local_error);

              if (entry == NULL)
                {
                  g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID,
                               "%s：第 %u 个指标：%s", name_for_errors, i + 1, local_error->message);
                  return FALSE;
                }
              g_ptr_array_add (fresh, entry);
              id = qs_catalog_entry_get_id (entry);
            }
          g_hash_table_add (seen, (gpointer) id);
        }
    }

  /* The built-in catalog must be free of clashes: check its names on a
   * scratch catalog that has its variants. */
  if (was_empty)
    {
      g_autoptr(QsCatalog) scratch = qs_catalog_new ();
      JsonArray *array = json_object_has_member (root, "name_variants")
                         ? json_object_get_array_member (root, "name_variants") : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonArray *pair = json_array_get_array_element (array, i);

          qs_catalog_add_name_variant (scratch, element_string (pair, 0), element_string (pair, 1));
        }
      for (guint i = 0; i < fresh->len; i++)
        if (!index_entry (scratch, fresh->pdata[i], FALSE, &local_error))
          {
            g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                         "%s：%s", name_for_errors, local_error->message);
            return FALSE;
          }
    }

  /* Apply. */
  member = json_object_get_member (root, "name_variants");
  if (member != NULL)
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonArray *pair = json_array_get_array_element (array, i);
          g_autofree char *from = normalise_base (element_string (pair, 0));
          g_autofree char *to = normalise_base (element_string (pair, 1));
          Variant v;

          if (*from == '\0')
            continue;
          v.from = g_steal_pointer (&from);
          v.to = g_steal_pointer (&to);
          g_array_append_val (self->variants, v);
        }
    }

  member = json_object_get_member (root, "units");
  if (member != NULL)
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *o = json_array_get_object_element (array, i);
          const char *unit = member_string (o, "unit");
          JsonArray *aliases = json_object_has_member (o, "aliases")
                               ? json_object_get_array_member (o, "aliases") : NULL;

          add_unit_name (self, unit, unit);
          for (guint k = 0; aliases != NULL && k < json_array_get_length (aliases); k++)
            {
              const char *alias = element_string (aliases, k);

              if (alias != NULL)
                add_unit_name (self, unit, alias);
            }
        }
    }

  member = json_object_get_member (root, "unit_factors");
  if (member != NULL)
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *o = json_array_get_object_element (array, i);
          g_autofree char *from_folded = NULL;
          g_autofree char *to_folded = NULL;
          Factor f;

          f.from = g_strdup (canonical_unit (self, member_string (o, "from"), &from_folded));
          f.to = g_strdup (canonical_unit (self, member_string (o, "to"), &to_folded));
          f.factor = member_number (o, "factor");
          g_array_append_val (self->factors, f);
        }
    }

  for (guint i = 0; i < updates->len; i++)
    qs_catalog_entry_update_from_json (targets->pdata[i], updates->pdata[i], NULL);

  for (guint i = 0; i < fresh->len; i++)
    {
      QsCatalogEntry *entry = fresh->pdata[i];

      g_list_store_append (self->entries, entry);
      g_hash_table_insert (self->by_id, (gpointer) qs_catalog_entry_get_id (entry), entry);
    }

  reindex (self);

  /* An extension's aliases win over the names the catalog had. */
  if (!was_empty)
    {
      for (guint i = 0; i < updates->len; i++)
        take_aliases_of (self, targets->pdata[i], updates->pdata[i]);
      for (guint i = 0; i < fresh->len; i++)
        {
          g_autoptr(JsonNode) node = qs_catalog_entry_to_json (fresh->pdata[i]);

          take_aliases_of (self, fresh->pdata[i], node);
        }
    }
  return TRUE;
}

char *
qs_catalog_to_json_data (QsCatalog *self,
                         gsize     *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) by_canonical = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                              (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  guint n;
  char *data;

  g_return_val_if_fail (QS_IS_CATALOG (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "qingshan-catalog");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);

  json_builder_set_member_name (b, "name_variants");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->variants->len; i++)
    {
      const Variant *v = &g_array_index (self->variants, Variant, i);

      json_builder_begin_array (b);
      json_builder_add_string_value (b, v->from);
      json_builder_add_string_value (b, v->to);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);

  g_hash_table_iter_init (&iter, self->unit_names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *spellings = g_hash_table_lookup (by_canonical, value);

      if (spellings == NULL)
        {
          spellings = g_ptr_array_new ();
          g_hash_table_insert (by_canonical, value, spellings);
        }
      g_ptr_array_add (spellings, key);
    }
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, by_canonical);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *spellings = value;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, key);
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint i = 0; i < spellings->len; i++)
        json_builder_add_string_value (b, spellings->pdata[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "unit_factors");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->factors->len; i++)
    {
      const Factor *f = &g_array_index (self->factors, Factor, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "from");
      json_builder_add_string_value (b, f->from);
      json_builder_set_member_name (b, "to");
      json_builder_add_string_value (b, f->to);
      json_builder_set_member_name (b, "factor");
      json_builder_add_double_value (b, f->factor);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      json_builder_add_value (b, qs_catalog_entry_to_json (entry));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, length);
  return data;
}

gboolean
qs_catalog_add_entry (QsCatalog       *self,
                      QsCatalogEntry  *entry,
                      GError         **error)
{
  const char *id;
  g_autoptr(QsCatalog) scratch = NULL;

  g_return_val_if_fail (QS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (entry), FALSE);

  id = qs_catalog_entry_get_id (entry);
  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                   "指标目录中已有 id 为“%s”的指标", id);
      return FALSE;
    }

  /* Check the names first so that a clash leaves the catalog as it was. */
  for (const char * const *a = qs_catalog_entry_get_aliases (entry); *a != NULL; a++)
    {
      g_autofree char *key = normalise (self, *a);
      const char *holder = g_hash_table_lookup (self->by_alias, key);

      if (holder != NULL)
        {
          g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                       "名称“%s”已属于指标“%s”", *a, holder);
          return FALSE;
        }
    }
  {
    g_autofree char *key = normalise (self, qs_catalog_entry_get_name (entry));
    const char *holder = g_hash_table_lookup (self->by_alias, key);

    if (holder != NULL)
      {
        g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                     "名称“%s”已属于指标“%s”", qs_catalog_entry_get_name (entry), holder);
        return FALSE;
      }
  }

  g_list_store_append (self->entries, entry);
  g_hash_table_insert (self->by_id, (gpointer) id, entry);
  index_entry (self, entry, TRUE, NULL);
  return TRUE;
}

gboolean
qs_catalog_add_alias (QsCatalog   *self,
                      const char  *id,
                      const char  *alias,
                      gboolean     replace,
                      GError     **error)
{
  QsCatalogEntry *entry;
  g_autofree char *key = NULL;
  const char *holder;

  g_return_val_if_fail (QS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (id != NULL && alias != NULL, FALSE);

  entry = g_hash_table_lookup (self->by_id, id);
  if (entry == NULL)
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_NOT_FOUND,
                   "指标目录中没有 id 为“%s”的指标", id);
      return FALSE;
    }
  key = normalise (self, alias);
  if (*key == '\0')
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID, "名称为空");
      return FALSE;
    }
  holder = g_hash_table_lookup (self->by_alias, key);
  if (holder != NULL && strcmp (holder, id) != 0 && !replace)
    {
      g_set_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE,
                   "名称“%s”已属于指标“%s”", alias, holder);
      return FALSE;
    }
  take_alias (self, id, alias);
  return TRUE;
}

void
qs_catalog_add_name_variant (QsCatalog  *self,
                             const char *from,
                             const char *to)
{
  Variant v;

  g_return_if_fail (QS_IS_CATALOG (self));
  g_return_if_fail (from != NULL && to != NULL);

  v.from = normalise_base (from);
  v.to = normalise_base (to);
  if (*v.from == '\0')
    {
      variant_clear (&v);
      return;
    }
  g_array_append_val (self->variants, v);
  reindex (self);
}

GListModel *
qs_catalog_get_entries (QsCatalog *self)
{
  g_return_val_if_fail (QS_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->entries);
}

guint
qs_catalog_get_n_entries (QsCatalog *self)
{
  g_return_val_if_fail (QS_IS_CATALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

QsCatalogEntry *
qs_catalog_lookup_id (QsCatalog  *self,
                      const char *id)
{
  g_return_val_if_fail (QS_IS_CATALOG (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

QsCatalogEntry *
qs_catalog_lookup_name (QsCatalog  *self,
                        const char *name)
{
  g_autofree char *key = NULL;
  const char *id;

  g_return_val_if_fail (QS_IS_CATALOG (self), NULL);
  if (name == NULL)
    return NULL;
  key = normalise (self, name);
  if (*key == '\0')
    return NULL;
  id = g_hash_table_lookup (self->by_alias, key);
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

QsCatalogEntry *
qs_catalog_lookup_sub_row (QsCatalog  *self,
                           const char *parent,
                           const char *name)
{
  g_autofree char *key = NULL;
  const char *id;

  g_return_val_if_fail (QS_IS_CATALOG (self), NULL);
  if (parent == NULL || name == NULL)
    return NULL;
  key = sub_key (self, parent, name);
  id = g_hash_table_lookup (self->by_sub, key);
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

char *
qs_catalog_normalise_name (QsCatalog  *self,
                           const char *name)
{
  g_return_val_if_fail (QS_IS_CATALOG (self), NULL);
  return normalise (self, name);
}

char *
qs_catalog_normalise_unit (QsCatalog  *self,
                           const char *unit)
{
  g_autofree char *folded = NULL;
  const char *canonical;

  g_return_val_if_fail (QS_IS_CATALOG (self), NULL);
  canonical = canonical_unit (self, unit, &folded);
  return g_strdup (canonical);
}

gboolean
qs_catalog_convert_unit (QsCatalog  *self,
                         double      value,
                         const char *from,
                         const char *to,
                         double     *result)
{
  g_autofree char *from_folded = NULL;
  g_autofree char *to_folded = NULL;
  const char *a, *b;
  g_autoptr(GHashTable) reached = NULL;   /* unit → factor from @from */
  g_autoptr(GQueue) queue = NULL;

  g_return_val_if_fail (QS_IS_CATALOG (self), FALSE);

  a = canonical_unit (self, from, &from_folded);
  b = canonical_unit (self, to, &to_folded);
  if (a == NULL || b == NULL)
    return FALSE;
  if (strcmp (a, b) == 0)
    {
      *result = value;
      return TRUE;
    }

  /* Breadth-first over the factor table, both ways: a handful of units. */
  reached = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  queue = g_queue_new ();
  g_hash_table_insert (reached, (gpointer) a, g_memdup2 (&(double) { 1.0 }, sizeof (double)));
  g_queue_push_tail (queue, (gpointer) a);
  while (!g_queue_is_empty (queue))
    {
      const char *unit = g_queue_pop_head (queue);
      double so_far = *(double *) g_hash_table_lookup (reached, unit);

      for (guint i = 0; i < self->factors->len; i++)
        {
          const Factor *f = &g_array_index (self->factors, Factor, i);
          const char *next = NULL;
          double factor = 0;

          if (strcmp (f->from, unit) == 0)
            next = f->to, factor = so_far * f->factor;
          else if (strcmp (f->to, unit) == 0)
            next = f->from, factor = so_far / f->factor;
          if (next == NULL || g_hash_table_contains (reached, next))
            continue;
          if (strcmp (next, b) == 0)
            {
              *result = value * factor;
              return TRUE;
            }
          g_hash_table_insert (reached, (gpointer) next, g_memdup2 (&factor, sizeof (double)));
          g_queue_push_tail (queue, (gpointer) next);
        }
    }
  return FALSE;
}

static gboolean
find_conversion (QsCatalogEntry   *entry,
                 const char       *to_id,
                 QsConversionKind *kind)
{
  for (guint i = 0; entry != NULL && i < qs_catalog_entry_get_n_conversions (entry); i++)
    if (strcmp (qs_catalog_entry_get_conversion (entry, i, kind), to_id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
qs_catalog_are_related (QsCatalog  *self,
                        const char *a,
                        const char *b)
{
  QsCatalogEntry *ea, *eb;
  QsConversionKind kind;

  g_return_val_if_fail (QS_IS_CATALOG (self), FALSE);
  if (a == NULL || b == NULL)
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;
  ea = g_hash_table_lookup (self->by_id, a);
  eb = g_hash_table_lookup (self->by_id, b);
  if ((ea != NULL && g_strv_contains (qs_catalog_entry_get_related (ea), b)) ||
      (eb != NULL && g_strv_contains (qs_catalog_entry_get_related (eb), a)))
    return TRUE;
  return find_conversion (ea, b, &kind) || find_conversion (eb, a, &kind);
}

static double
days_in_year (int year)
{
  if (year <= 0)
    return 365;
  return g_date_is_leap_year ((GDateYear) year) ? 366 : 365;
}

gboolean
qs_catalog_convert_between (QsCatalog  *self,
                            const char *from_id,
                            const char *to_id,
                            double      value,
                            int         year,
                            double     *result)
{
  QsConversionKind kind;

  g_return_val_if_fail (QS_IS_CATALOG (self), FALSE);
  if (from_id == NULL || to_id == NULL)
    return FALSE;
  if (strcmp (from_id, to_id) == 0)
    {
      *result = value;
      return TRUE;
    }

  if (!find_conversion (g_hash_table_lookup (self->by_id, from_id), to_id, &kind))
    {
      /* A conversion declared the other way round, inverted. */
      if (!find_conversion (g_hash_table_lookup (self->by_id, to_id), from_id, &kind))
        return FALSE;
      kind = kind == QS_CONVERSION_DAYS_TO_RATIO ? QS_CONVERSION_RATIO_TO_DAYS
                                                 : QS_CONVERSION_DAYS_TO_RATIO;
    }

  switch (kind)
    {
    case QS_CONVERSION_DAYS_TO_RATIO:
      *result = value / days_in_year (year) * 100.0;
      return TRUE;
    case QS_CONVERSION_RATIO_TO_DAYS:
      *result = value / 100.0 * days_in_year (year);
      return TRUE;
    default:
      return FALSE;
    }
}
