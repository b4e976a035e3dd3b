/* qs-review-note.c: a reviewer's note on a table row, cell or section. */
#define G_LOG_DOMAIN "qs-review-note"

#include "config.h"

#include "qs-indicator-table.h"
#include "qs-review-note.h"
#include "qs-task-table.h"
#include "qs-json-util.h"

/* Ids stay within what a .qsplan file can hold (nine digits). */
#define MAX_NOTE_ID 999999999u

struct _QsReviewNote
{
  GObject             parent_instance;
  guint               id;
  char               *author;
  char               *created;
  char               *text;
  QsReviewNoteTarget  target;
  int                 table_index;
  char               *table_caption;
  int                 row_index;
  char               *column;
  char               *section_path;
  guint               resolved : 1;
};

G_DEFINE_FINAL_TYPE (QsReviewNote, qs_review_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_TEXT,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_review_note_finalize (GObject *object)
{
  QsReviewNote *self = QS_REVIEW_NOTE (object);

  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->table_caption, g_free);
  g_clear_pointer (&self->column, g_free);
  g_clear_pointer (&self->section_path, g_free);
  G_OBJECT_CLASS (qs_review_note_parent_class)->finalize (object);
}

static void
qs_review_note_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QsReviewNote *self = QS_REVIEW_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_review_note_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QsReviewNote *self = QS_REVIEW_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      qs_review_note_set_id (self, g_value_get_uint (value));
      break;
    case PROP_AUTHOR:
      qs_review_note_set_author (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      qs_review_note_set_created (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      qs_review_note_set_text (self, g_value_get_string (value));
      break;
    case PROP_RESOLVED:
      qs_review_note_set_resolved (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_review_note_class_init (QsReviewNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_review_note_finalize;
  object_class->get_property = qs_review_note_get_property;
  object_class->set_property = qs_review_note_set_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, "", flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, "", flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_RESOLVED] = g_param_spec_boolean ("resolved", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_review_note_init (QsReviewNote *self)
{
  self->author = g_strdup ("");
  self->created = qs_review_note_timestamp_now ();
  self->text = g_strdup ("");
  self->target = QS_REVIEW_NOTE_TARGET_TABLE;
  self->table_index = 0;
  self->row_index = -1;
}

QsReviewNote *
qs_review_note_new (const char *text)
{
  return g_object_new (QS_TYPE_REVIEW_NOTE, "text", text ? text : "", NULL);
}

char *
qs_review_note_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* Whole seconds: a note's time is for people, and it round-trips. */
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

guint
qs_review_note_get_id (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), 0);
  return self->id;
}

void
qs_review_note_set_id (QsReviewNote *self,
                       guint         id)
{
  g_return_if_fail (QS_IS_REVIEW_NOTE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
qs_review_note_get_author (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);
  return self->author;
}

void
qs_review_note_set_author (QsReviewNote *self,
                           const char   *author)
{
  g_return_if_fail (QS_IS_REVIEW_NOTE (self));
  if (qs_set_str (&self->author, author ? author : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
qs_review_note_get_created (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);
  return self->created;
}

void
qs_review_note_set_created (QsReviewNote *self,
                            const char   *created)
{
  g_return_if_fail (QS_IS_REVIEW_NOTE (self));
  if (qs_set_str (&self->created, created ? created : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

const char *
qs_review_note_get_text (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);
  return self->text;
}

void
qs_review_note_set_text (QsReviewNote *self,
                         const char   *text)
{
  g_return_if_fail (QS_IS_REVIEW_NOTE (self));
  if (qs_set_str (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
qs_review_note_get_resolved (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), FALSE);
  return self->resolved;
}

void
qs_review_note_set_resolved (QsReviewNote *self,
                             gboolean      resolved)
{
  g_return_if_fail (QS_IS_REVIEW_NOTE (self));
  resolved = !!resolved;
  if (self->resolved == (guint) resolved)
    return;
  self->resolved = resolved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

QsReviewNoteTarget
qs_review_note_get_target (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), QS_REVIEW_NOTE_TARGET_TABLE);
  return self->target;
}

void
qs_review_note_set_table_target (QsReviewNote *self,
                                 int           table_index,
                                 const char   *caption,
                                 int           row_index,
                                 const char   *column)
{
  g_return_if_fail (QS_IS_REVIEW_NOTE (self));
  g_return_if_fail (table_index >= 0);

  self->target = QS_REVIEW_NOTE_TARGET_TABLE;
  self->table_index = table_index;
  qs_set_str (&self->table_caption, caption);
  self->row_index = MAX (row_index, -1);
  qs_set_str (&self->column, column);
  g_clear_pointer (&self->section_path, g_free);
}

void
qs_review_note_set_section_target (QsReviewNote *self,
                                   const char   *section_path)
{
  g_return_if_fail (QS_IS_REVIEW_NOTE (self));

  self->target = QS_REVIEW_NOTE_TARGET_SECTION;
  self->table_index = -1;
  g_clear_pointer (&self->table_caption, g_free);
  self->row_index = -1;
  g_clear_pointer (&self->column, g_free);
  qs_set_str (&self->section_path, section_path ? section_path : "");
}

int
qs_review_note_get_table_index (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), -1);
  return self->target == QS_REVIEW_NOTE_TARGET_TABLE ? self->table_index : -1;
}

const char *
qs_review_note_get_table_caption (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);
  return self->table_caption;
}

int
qs_review_note_get_row_index (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), -1);
  return self->row_index;
}

const char *
qs_review_note_get_column (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);
  return self->column;
}

const char *
qs_review_note_get_section_path (QsReviewNote *self)
{
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);
  return self->section_path;
}

char *
qs_review_note_describe_target (QsReviewNote *self)
{
  GString *out;

  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);

  out = g_string_new (NULL);
  if (self->target == QS_REVIEW_NOTE_TARGET_SECTION)
    {
      g_auto(GStrv) parts = g_strsplit (self->section_path ? self->section_path : "", "/", -1);
      static const char * const units[] = { "章", "节", "小节" };

      for (guint i = 0; parts[i] != NULL; i++)
        g_string_append_printf (out, "第%s%s", parts[i], units[MIN (i, G_N_ELEMENTS (units) - 1)]);
      if (out->len == 0)
        g_string_append (out, "全文");
      return g_string_free (out, FALSE);
    }

  /* People count tables and rows from 1. */
  g_string_append_printf (out, "第%d张表", self->table_index + 1);
  if (self->table_caption != NULL && *self->table_caption != '\0')
    g_string_append_printf (out, "（%s）", self->table_caption);
  if (self->row_index >= 0)
    g_string_append_printf (out, "第%d行", self->row_index + 1);
  if (self->column != NULL)
    g_string_append_printf (out, "“%s”列", self->column);
  return g_string_free (out, FALSE);
}

JsonNode *
qs_review_note_to_json (QsReviewNote *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gboolean table = FALSE;

  g_return_val_if_fail (QS_IS_REVIEW_NOTE (self), NULL);

  table = self->target == QS_REVIEW_NOTE_TARGET_TABLE;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, self->id);
  qs_json_add_string_or_null (b, "author", self->author);
  qs_json_add_string_or_null (b, "created", self->created);
  qs_json_add_string_or_null (b, "text", self->text);
  json_builder_set_member_name (b, "resolved");
  json_builder_add_boolean_value (b, self->resolved);
  qs_json_add_string_or_null (b, "target", table ? "table" : "section");
  qs_json_add_index_or_null (b, "table", table ? self->table_index : -1);
  qs_json_add_string_or_null (b, "caption", self->table_caption);
  qs_json_add_index_or_null (b, "row", self->row_index);
  qs_json_add_string_or_null (b, "column", self->column);
  qs_json_add_string_or_null (b, "section", self->section_path);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Sets @error and returns NULL, for qs_review_note_new_from_json(). */
static gpointer
json_error (GError     **error,
            const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "审阅意见：%s", what);
  return NULL;
}

/* A string member, NULL when absent or null; FALSE when of another type. */
static gboolean
get_string (JsonObject  *o,
            const char  *name,
            const char **out)
{
  JsonNode *node = json_object_get_member (o, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

/* An index member, -1 when absent or null; FALSE when not a whole number ≥ 0. */
static gboolean
get_index (JsonObject *o,
           const char *name,
           gint64      max,
           gint64     *out)
{
  JsonNode *node = json_object_get_member (o, name);

  *out = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return *out >= 0 && *out <= max;
}

QsReviewNote *
qs_review_note_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(QsReviewNote) note = NULL;
  const char *author, *created, *text, *target, *caption, *column, *section;
  gint64 id, table, row;
  JsonObject *o;
  JsonNode *resolved;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_error (error, "应为 JSON 对象");
  o = json_node_get_object (node);
  if (!get_index (o, "id", G_MAXUINT, &id) || id <= 0)
    return json_error (error, "id 应为正整数");
  if (!get_string (o, "author", &author) || !get_string (o, "created", &created) ||
      !get_string (o, "text", &text) || !get_string (o, "target", &target) ||
      !get_string (o, "caption", &caption) || !get_string (o, "column", &column) ||
      !get_string (o, "section", &section))
    return json_error (error, "author、created、text、target、caption、column、section 应为字符串或 null");
  if (text == NULL)
    return json_error (error, "缺少 text");
  if (!get_index (o, "table", G_MAXINT, &table) || !get_index (o, "row", G_MAXINT, &row))
    return json_error (error, "table 和 row 应为不小于 0 的整数或 null");
  resolved = json_object_get_member (o, "resolved");
  if (resolved != NULL && !JSON_NODE_HOLDS_NULL (resolved) &&
      (!JSON_NODE_HOLDS_VALUE (resolved) || json_node_get_value_type (resolved) != G_TYPE_BOOLEAN))
    return json_error (error, "resolved 应为 true 或 false");

  note = qs_review_note_new (text);
  qs_review_note_set_id (note, (guint) id);
  qs_review_note_set_author (note, author);
  if (created != NULL)
    qs_review_note_set_created (note, created);
  qs_review_note_set_resolved (note, resolved != NULL && !JSON_NODE_HOLDS_NULL (resolved) &&
                                     json_node_get_boolean (resolved));
  if (g_strcmp0 (target, "section") == 0 || (target == NULL && section != NULL))
    qs_review_note_set_section_target (note, section);
  else if (target == NULL || g_strcmp0 (target, "table") == 0)
    {
      if (table < 0)
        return json_error (error, "指向表格的意见需要 table");
      qs_review_note_set_table_target (note, (int) table, caption, (int) row, column);
    }
  else
    return json_error (error, "target 应为 \"table\" 或 \"section\"");
  return g_steal_pointer (&note);
}

guint
qs_review_note_list_next_id (GListModel *notes)
{
  guint next = 1;

  g_return_val_if_fail (G_IS_LIST_MODEL (notes), 1);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);

      if (note->id >= next && note->id < MAX_NOTE_ID)
        next = note->id + 1;
    }
  return next;
}

guint *
qs_review_note_list_stored_ids (GListModel *notes)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n, next;
  guint *ids;

  g_return_val_if_fail (G_IS_LIST_MODEL (notes), NULL);

  n = g_list_model_get_n_items (notes);
  ids = g_new0 (guint, MAX (n, 1));
  next = qs_review_note_list_next_id (notes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);
      guint id = note->id;

      if (id == 0 || id > MAX_NOTE_ID || g_hash_table_contains (taken, GUINT_TO_POINTER (id)))
        id = next++;
      g_hash_table_add (taken, GUINT_TO_POINTER (id));
      ids[i] = id;
    }
  return ids;
}

QsReviewNote *
qs_review_note_list_find (GListModel *notes,
                          guint       id)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (notes), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);

      /* The list holds a reference; the caller borrows it. */
      if (note->id == id)
        return note;
    }
  return NULL;
}

GPtrArray *
qs_review_note_list_for_row (GListModel *notes,
                             int         table_index,
                             int         row_index)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (notes), found);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);

      if (note->target == QS_REVIEW_NOTE_TARGET_TABLE && note->table_index == table_index &&
          note->row_index == row_index && row_index >= 0)
        g_ptr_array_add (found, g_steal_pointer (&note));
    }
  return found;
}

static void
collect_table_cb (QsSection *section,
                  GObject   *block,
                  gpointer   user_data)
{
  if (QS_IS_INDICATOR_TABLE (block) || QS_IS_TASK_TABLE (block))
    g_ptr_array_add (user_data, g_object_ref (block));
}

GPtrArray *
qs_review_note_collect_tables (QsPlan *plan)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (QS_IS_PLAN (plan), tables);

  qs_plan_foreach_block (plan, collect_table_cb, tables);
  return tables;
}
