/* qs-plan-row.c: a row of the sidebar: a plan, or the heading of a group. */
#define G_LOG_DOMAIN "qs-plan-row"

#include "config.h"

#include "qs-display-widgets.h"
#include "qs-plan-group.h"
#include "qs-plan-item.h"
#include "qs-plan-row.h"

struct _QsPlanRow
{
  GtkWidget  parent_instance;

  GObject   *item;

  GtkWidget *group_box;
  GtkLabel  *group_title;
  GtkLabel  *group_period;
  GtkWidget *plan_box;
  GtkLabel  *plan_title;
  GtkLabel  *plan_subtitle;
};

G_DEFINE_FINAL_TYPE (QsPlanRow, qs_plan_row, GTK_TYPE_WIDGET)

static void
qs_plan_row_dispose (GObject *object)
{
  QsPlanRow *self = (QsPlanRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_PLAN_ROW);
  /* The template's unnamed top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (qs_plan_row_parent_class)->dispose (object);
}

static void
qs_plan_row_class_init (QsPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_plan_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-plan-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QsPlanRow, group_box);
  gtk_widget_class_bind_template_child (widget_class, QsPlanRow, group_title);
  gtk_widget_class_bind_template_child (widget_class, QsPlanRow, group_period);
  gtk_widget_class_bind_template_child (widget_class, QsPlanRow, plan_box);
  gtk_widget_class_bind_template_child (widget_class, QsPlanRow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, QsPlanRow, plan_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, qs_label_query_tooltip_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qsplanrow");
}

static void
qs_plan_row_init (QsPlanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qs_plan_row_new (void)
{
  return g_object_new (QS_TYPE_PLAN_ROW, NULL);
}

void
qs_plan_row_set_item (QsPlanRow *self,
                      GObject   *item)
{
  g_return_if_fail (QS_IS_PLAN_ROW (self));
  g_return_if_fail (item == NULL || QS_IS_PLAN_ITEM (item) || QS_IS_PLAN_GROUP (item));

  if (!g_set_object (&self->item, item))
    return;

  gtk_widget_set_visible (self->group_box, QS_IS_PLAN_GROUP (item));
  gtk_widget_set_visible (self->plan_box, QS_IS_PLAN_ITEM (item));
  gtk_widget_remove_css_class (GTK_WIDGET (self), "group");

  if (QS_IS_PLAN_GROUP (item))
    {
      QsPlanGroup *group = QS_PLAN_GROUP (item);

      gtk_widget_add_css_class (GTK_WIDGET (self), "group");
      gtk_label_set_label (self->group_title, qs_plan_group_get_title (group));
      gtk_label_set_label (self->group_period, qs_plan_group_get_period (group));
    }
  else if (QS_IS_PLAN_ITEM (item))
    {
      QsPlanItem *plan = QS_PLAN_ITEM (item);

      gtk_label_set_label (self->plan_title, qs_plan_item_get_title (plan));
      gtk_label_set_label (self->plan_subtitle, qs_plan_item_get_subtitle (plan));
    }
}

GObject *
qs_plan_row_get_item (QsPlanRow *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ROW (self), NULL);
  return self->item;
}
