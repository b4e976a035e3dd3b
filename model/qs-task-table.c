/* qs-task-table.c: a task box (items) and/or a project table (rows). */
#define G_LOG_DOMAIN "qs-task-table"

#include "config.h"

#include "qs-table-column.h"
#include "qs-task-item.h"
#include "qs-task-row.h"
#include "qs-task-table.h"

struct _QsTaskTable
{
  GObject     parent_instance;
  char       *label;
  char       *caption;
  GListStore *columns;
  GListStore *rows;
  GListStore *items;
  GStrv       notes;
};

G_DEFINE_FINAL_TYPE (QsTaskTable, qs_task_table, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_task_table_finalize (GObject *object)
{
  QsTaskTable *self = QS_TASK_TABLE (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_object (&self->columns);
  g_clear_object (&self->rows);
  g_clear_object (&self->items);
  g_clear_pointer (&self->notes, g_strfreev);
  G_OBJECT_CLASS (qs_task_table_parent_class)->finalize (object);
}

static void
qs_task_table_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QsTaskTable *self = QS_TASK_TABLE (object);

  if (prop_id == PROP_LABEL)
    g_value_set_string (value, self->label);
  else if (prop_id == PROP_CAPTION)
    g_value_set_string (value, self->caption);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_task_table_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QsTaskTable *self = QS_TASK_TABLE (object);

  if (prop_id == PROP_LABEL)
    qs_task_table_set_label (self, g_value_get_string (value));
  else if (prop_id == PROP_CAPTION)
    qs_task_table_set_caption (self, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_task_table_class_init (QsTaskTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_task_table_finalize;
  object_class->get_property = qs_task_table_get_property;
  object_class->set_property = qs_task_table_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_task_table_init (QsTaskTable *self)
{
  self->caption = g_strdup ("");
  self->columns = g_list_store_new (QS_TYPE_TABLE_COLUMN);
  self->rows = g_list_store_new (QS_TYPE_TASK_ROW);
  self->items = g_list_store_new (QS_TYPE_TASK_ITEM);
  self->notes = g_new0 (char *, 1);
}

QsTaskTable *
qs_task_table_new (void)
{
  return g_object_new (QS_TYPE_TASK_TABLE, NULL);
}

const char *
qs_task_table_get_label (QsTaskTable *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE (self), NULL);
  return self->label;
}

void
qs_task_table_set_label (QsTaskTable *self,
                         const char  *label)
{
  g_return_if_fail (QS_IS_TASK_TABLE (self));
  if (qs_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
qs_task_table_get_caption (QsTaskTable *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE (self), NULL);
  return self->caption;
}

void
qs_task_table_set_caption (QsTaskTable *self,
                           const char  *caption)
{
  g_return_if_fail (QS_IS_TASK_TABLE (self));
  if (qs_set_str (&self->caption, caption ? caption : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

GListStore *
qs_task_table_get_columns (QsTaskTable *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE (self), NULL);
  return self->columns;
}

GListStore *
qs_task_table_get_rows (QsTaskTable *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE (self), NULL);
  return self->rows;
}

GListStore *
qs_task_table_get_items (QsTaskTable *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE (self), NULL);
  return self->items;
}

const char * const *
qs_task_table_get_notes (QsTaskTable *self)
{
  g_return_val_if_fail (QS_IS_TASK_TABLE (self), NULL);
  return (const char * const *) self->notes;
}

void
qs_task_table_set_notes (QsTaskTable        *self,
                         const char * const *notes)
{
  g_return_if_fail (QS_IS_TASK_TABLE (self));
  g_strfreev (self->notes);
  self->notes = notes ? g_strdupv ((char **) notes) : g_new0 (char *, 1);
}

void
qs_task_table_add_note (QsTaskTable *self,
                        const char  *note)
{
  g_return_if_fail (QS_IS_TASK_TABLE (self));
  qs_strv_append (&self->notes, note);
}
