/* qs-task-item.c: one item of a task box, or a sub-heading inside it. */
#define G_LOG_DOMAIN "qs-task-item"

#include "config.h"

#include "qs-task-item.h"

struct _QsTaskItem
{
  GObject         parent_instance;
  QsTaskItemKind  kind;
  char           *text;
};

G_DEFINE_FINAL_TYPE (QsTaskItem, qs_task_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_task_item_finalize (GObject *object)
{
  QsTaskItem *self = QS_TASK_ITEM (object);

  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (qs_task_item_parent_class)->finalize (object);
}

static void
qs_task_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QsTaskItem *self = QS_TASK_ITEM (object);

  if (prop_id == PROP_KIND)
    g_value_set_int (value, self->kind);
  else if (prop_id == PROP_TEXT)
    g_value_set_string (value, self->text);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_task_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QsTaskItem *self = QS_TASK_ITEM (object);

  if (prop_id == PROP_KIND)
    qs_task_item_set_kind (self, g_value_get_int (value));
  else if (prop_id == PROP_TEXT)
    qs_task_item_set_text (self, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_task_item_class_init (QsTaskItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_task_item_finalize;
  object_class->get_property = qs_task_item_get_property;
  object_class->set_property = qs_task_item_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, QS_TASK_ITEM_ITEM, QS_TASK_ITEM_HEADING, QS_TASK_ITEM_ITEM,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_task_item_init (QsTaskItem *self)
{
  self->text = g_strdup ("");
}

QsTaskItem *
qs_task_item_new (QsTaskItemKind  kind,
                  const char     *text)
{
  return g_object_new (QS_TYPE_TASK_ITEM, "kind", kind, "text", text ? text : "", NULL);
}

QsTaskItemKind
qs_task_item_get_kind (QsTaskItem *self)
{
  g_return_val_if_fail (QS_IS_TASK_ITEM (self), QS_TASK_ITEM_ITEM);
  return self->kind;
}

void
qs_task_item_set_kind (QsTaskItem     *self,
                       QsTaskItemKind  kind)
{
  g_return_if_fail (QS_IS_TASK_ITEM (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
qs_task_item_get_text (QsTaskItem *self)
{
  g_return_val_if_fail (QS_IS_TASK_ITEM (self), NULL);
  return self->text;
}

void
qs_task_item_set_text (QsTaskItem *self,
                       const char *text)
{
  g_return_if_fail (QS_IS_TASK_ITEM (self));
  if (qs_set_str (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
