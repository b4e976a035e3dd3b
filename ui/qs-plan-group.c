/* qs-plan-group.c: the heading of one sidebar group (plans of one level and period). */
#define G_LOG_DOMAIN "qs-plan-group"

#include "config.h"

#include "qs-display.h"
#include "qs-plan-group.h"

struct _QsPlanGroup
{
  GObject      parent_instance;

  QsPlanLevel  level;
  int          start_year;
  int          end_year;
  char        *period;
};

G_DEFINE_FINAL_TYPE (QsPlanGroup, qs_plan_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_plan_group_finalize (GObject *object)
{
  QsPlanGroup *self = (QsPlanGroup *)object;

  g_clear_pointer (&self->period, g_free);

  G_OBJECT_CLASS (qs_plan_group_parent_class)->finalize (object);
}

static void
qs_plan_group_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QsPlanGroup *self = QS_PLAN_GROUP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, qs_plan_group_get_title (self));
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_plan_group_class_init (QsPlanGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_plan_group_finalize;
  object_class->get_property = qs_plan_group_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_plan_group_init (QsPlanGroup *self)
{
}

QsPlanGroup *
qs_plan_group_new (QsPlanItem *item)
{
  QsPlanGroup *self;

  g_return_val_if_fail (QS_IS_PLAN_ITEM (item), NULL);

  self = g_object_new (QS_TYPE_PLAN_GROUP, NULL);
  self->level = qs_plan_item_get_level (item);
  self->start_year = qs_plan_item_get_start_year (item);
  self->end_year = qs_plan_item_get_end_year (item);
  self->period = qs_plan_period_display_name (self->start_year, self->end_year);
  return self;
}

QsPlanLevel
qs_plan_group_get_level (QsPlanGroup *self)
{
  g_return_val_if_fail (QS_IS_PLAN_GROUP (self), 0);
  return self->level;
}

int
qs_plan_group_get_start_year (QsPlanGroup *self)
{
  g_return_val_if_fail (QS_IS_PLAN_GROUP (self), 0);
  return self->start_year;
}

int
qs_plan_group_get_end_year (QsPlanGroup *self)
{
  g_return_val_if_fail (QS_IS_PLAN_GROUP (self), 0);
  return self->end_year;
}

const char *
qs_plan_group_get_title (QsPlanGroup *self)
{
  g_return_val_if_fail (QS_IS_PLAN_GROUP (self), NULL);
  return qs_plan_level_group_title (self->level);
}

const char *
qs_plan_group_get_period (QsPlanGroup *self)
{
  g_return_val_if_fail (QS_IS_PLAN_GROUP (self), NULL);
  return self->period;
}

gboolean
qs_plan_group_contains (QsPlanGroup *self,
                        QsPlanItem  *item)
{
  g_return_val_if_fail (QS_IS_PLAN_GROUP (self), FALSE);
  g_return_val_if_fail (QS_IS_PLAN_ITEM (item), FALSE);

  return self->level == qs_plan_item_get_level (item) &&
         self->start_year == qs_plan_item_get_start_year (item) &&
         self->end_year == qs_plan_item_get_end_year (item);
}
