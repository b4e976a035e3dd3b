/* qs-undo-stack.c: undo and redo by snapshots of the whole plan. */
#define G_LOG_DOMAIN "qs-undo-stack"

#include "config.h"

#include "qs-undo-stack.h"

typedef struct
{
  char   *label;
  GBytes *state;
} Entry;

struct _QsUndoStack
{
  GObject  parent_instance;

  guint    limit;
  GQueue   undo;   /* of Entry, newest at the head */
  GQueue   redo;   /* of Entry, next to redo at the head */
};

G_DEFINE_FINAL_TYPE (QsUndoStack, qs_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Entry *
entry_new (const char *label,
           GBytes     *state)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->label = g_strdup (label);
  entry->state = g_bytes_ref (state);
  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  g_bytes_unref (entry->state);
  g_free (entry);
}

static void
notify_both (QsUndoStack *self,
             gboolean     could_undo,
             gboolean     could_redo)
{
  if (could_undo != qs_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != qs_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
qs_undo_stack_finalize (GObject *object)
{
  QsUndoStack *self = (QsUndoStack *)object;

  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);

  G_OBJECT_CLASS (qs_undo_stack_parent_class)->finalize (object);
}

static void
qs_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QsUndoStack *self = QS_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, qs_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, qs_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_undo_stack_class_init (QsUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_undo_stack_finalize;
  object_class->get_property = qs_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_undo_stack_init (QsUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * qs_undo_stack_new:
 * @limit: how many edits to keep (0: no limit)
 */
QsUndoStack *
qs_undo_stack_new (guint limit)
{
  QsUndoStack *self = g_object_new (QS_TYPE_UNDO_STACK, NULL);

  self->limit = limit;
  return self;
}

void
qs_undo_stack_push (QsUndoStack *self,
                    const char  *label,
                    GBytes      *before)
{
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (QS_IS_UNDO_STACK (self));
  g_return_if_fail (before != NULL);

  could_undo = qs_undo_stack_can_undo (self);
  could_redo = qs_undo_stack_can_redo (self);
  g_queue_clear_full (&self->redo, entry_free);
  g_queue_push_head (&self->undo, entry_new (label, before));
  /* The oldest edits go first: a long session keeps memory bounded. */
  while (self->limit > 0 && g_queue_get_length (&self->undo) > self->limit)
    entry_free (g_queue_pop_tail (&self->undo));
  notify_both (self, could_undo, could_redo);
}

static GBytes *
move_entry (QsUndoStack *self,
            GQueue      *from,
            GQueue      *to,
            GBytes      *current)
{
  gboolean could_undo = qs_undo_stack_can_undo (self);
  gboolean could_redo = qs_undo_stack_can_redo (self);
  Entry *entry;
  GBytes *state;

  entry = g_queue_pop_head (from);
  if (entry == NULL)
    return NULL;
  state = g_steal_pointer (&entry->state);
  entry->state = g_bytes_ref (current);
  g_queue_push_head (to, entry);
  notify_both (self, could_undo, could_redo);
  return state;
}

GBytes *
qs_undo_stack_undo (QsUndoStack *self,
                    GBytes      *current)
{
  g_return_val_if_fail (QS_IS_UNDO_STACK (self), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  return move_entry (self, &self->undo, &self->redo, current);
}

GBytes *
qs_undo_stack_redo (QsUndoStack *self,
                    GBytes      *current)
{
  g_return_val_if_fail (QS_IS_UNDO_STACK (self), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  return move_entry (self, &self->redo, &self->undo, current);
}

gboolean
qs_undo_stack_can_undo (QsUndoStack *self)
{
  g_return_val_if_fail (QS_IS_UNDO_STACK (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
qs_undo_stack_can_redo (QsUndoStack *self)
{
  g_return_val_if_fail (QS_IS_UNDO_STACK (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

const char *
qs_undo_stack_get_undo_label (QsUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (QS_IS_UNDO_STACK (self), NULL);
  entry = g_queue_peek_head (&self->undo);
  return entry != NULL ? entry->label : NULL;
}

const char *
qs_undo_stack_get_redo_label (QsUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (QS_IS_UNDO_STACK (self), NULL);
  entry = g_queue_peek_head (&self->redo);
  return entry != NULL ? entry->label : NULL;
}

guint
qs_undo_stack_get_depth (QsUndoStack *self)
{
  g_return_val_if_fail (QS_IS_UNDO_STACK (self), 0);
  return g_queue_get_length (&self->undo);
}

void
qs_undo_stack_clear (QsUndoStack *self)
{
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (QS_IS_UNDO_STACK (self));

  could_undo = qs_undo_stack_can_undo (self);
  could_redo = qs_undo_stack_can_redo (self);
  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);
  notify_both (self, could_undo, could_redo);
}
