/* qs-plan-list-model.c: the sidebar's plans with a heading before each group.
 *
 * GtkListView gains section headers only in GTK 4.12, so the groups are
 * flattened into the list: a QsPlanGroup item, then the group's QsPlanItems.
 * A group whose plans are all filtered out disappears with them.
 */
#define G_LOG_DOMAIN "qs-plan-list-model"

#include "config.h"

#include "qs-plan-group.h"
#include "qs-plan-item.h"
#include "qs-plan-list-model.h"

struct _QsPlanListModel
{
  GObject     parent_instance;

  GListModel *plans;
  GPtrArray  *items;   /* QsPlanGroup | QsPlanItem, flattened */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QsPlanListModel, qs_plan_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Keeps the old heading object of a group that is still shown, so that a
 * change that does not touch a group leaves its rows (and the selection) alone. */
static QsPlanGroup *
find_group (GPtrArray  *items,
            QsPlanItem *item)
{
  for (guint i = 0; i < items->len; i++)
    {
      gpointer candidate = g_ptr_array_index (items, i);

      if (QS_IS_PLAN_GROUP (candidate) && qs_plan_group_contains (candidate, item))
        return g_object_ref (candidate);
    }
  return qs_plan_group_new (item);
}

static void
rebuild (QsPlanListModel *self)
{
  g_autoptr(GPtrArray) old_items = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  QsPlanGroup *group = NULL;
  guint n_plans = g_list_model_get_n_items (self->plans);
  guint prefix = 0;
  guint suffix = 0;

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(QsPlanItem) item = g_list_model_get_item (self->plans, i);

      if (group == NULL || !qs_plan_group_contains (group, item))
        {
          group = find_group (self->items, item);
          g_ptr_array_add (items, group);
        }
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  old_items = g_steal_pointer (&self->items);
  self->items = items;

  while (prefix < old_items->len && prefix < items->len &&
         g_ptr_array_index (old_items, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < old_items->len - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (old_items, old_items->len - 1 - suffix) ==
         g_ptr_array_index (items, items->len - 1 - suffix))
    suffix++;

  if (prefix == old_items->len && prefix == items->len)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_items->len - prefix - suffix,
                              items->len - prefix - suffix);
}

static void
plans_items_changed_cb (QsPlanListModel *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *plans)
{
  rebuild (self);
}

static GType
qs_plan_list_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
qs_plan_list_model_get_n_items (GListModel *model)
{
  return QS_PLAN_LIST_MODEL (model)->items->len;
}

static gpointer
qs_plan_list_model_get_item (GListModel *model,
                             guint       position)
{
  QsPlanListModel *self = QS_PLAN_LIST_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = qs_plan_list_model_get_item_type;
  iface->get_n_items = qs_plan_list_model_get_n_items;
  iface->get_item = qs_plan_list_model_get_item;
}

static void
qs_plan_list_model_dispose (GObject *object)
{
  QsPlanListModel *self = (QsPlanListModel *)object;

  if (self->plans != NULL)
    g_signal_handlers_disconnect_by_func (self->plans, plans_items_changed_cb, self);
  g_clear_object (&self->plans);

  G_OBJECT_CLASS (qs_plan_list_model_parent_class)->dispose (object);
}

static void
qs_plan_list_model_finalize (GObject *object)
{
  QsPlanListModel *self = (QsPlanListModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (qs_plan_list_model_parent_class)->finalize (object);
}

static void
qs_plan_list_model_class_init (QsPlanListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qs_plan_list_model_dispose;
  object_class->finalize = qs_plan_list_model_finalize;
}

static void
qs_plan_list_model_init (QsPlanListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * qs_plan_list_model_new:
 * @plans: a #GListModel of #QsPlanItem, sorted so that groups are contiguous
 *
 * Returns: (transfer full): a flattened model with group headings.
 */
QsPlanListModel *
qs_plan_list_model_new (GListModel *plans)
{
  QsPlanListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (plans), NULL);

  self = g_object_new (QS_TYPE_PLAN_LIST_MODEL, NULL);
  self->plans = g_object_ref (plans);
  g_signal_connect_object (plans, "items-changed", G_CALLBACK (plans_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

GListModel *
qs_plan_list_model_get_plans (QsPlanListModel *self)
{
  g_return_val_if_fail (QS_IS_PLAN_LIST_MODEL (self), NULL);
  return self->plans;
}

guint
qs_plan_list_model_find_plan (QsPlanListModel *self,
                              gint64           id)
{
  g_return_val_if_fail (QS_IS_PLAN_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (QS_IS_PLAN_ITEM (item) && qs_plan_item_get_id (item) == id)
        return i;
    }
  return G_MAXUINT;
}
