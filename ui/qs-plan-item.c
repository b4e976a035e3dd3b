/* qs-plan-item.c: one stored plan in the sidebar, a GObject over QsPlanSummary. */
#define G_LOG_DOMAIN "qs-plan-item"

#include "config.h"

#include "qs-display.h"
#include "qs-plan-item.h"

struct _QsPlanItem
{
  GObject      parent_instance;

  gint64       id;
  char        *title;
  char        *region;
  QsPlanLevel  level;
  int          start_year;
  int          end_year;
  char        *subtitle;
  char        *search_key;
};

G_DEFINE_FINAL_TYPE (QsPlanItem, qs_plan_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_REGION,
  PROP_LEVEL,
  PROP_START_YEAR,
  PROP_END_YEAR,
  PROP_SUBTITLE,
  PROP_SEARCH_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The higher level first: the municipal plan is what district plans answer to. */
static int
level_rank (QsPlanLevel level)
{
  switch (level)
    {
    case QS_PLAN_LEVEL_MUNICIPAL:
      return 0;
    case QS_PLAN_LEVEL_DISTRICT:
      return 1;
    case QS_PLAN_LEVEL_COUNTY:
      return 2;
    default:
      return 3;
    }
}

static int
collate (const char *a,
         const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
}

static void
qs_plan_item_finalize (GObject *object)
{
  QsPlanItem *self = (QsPlanItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (qs_plan_item_parent_class)->finalize (object);
}

static void
qs_plan_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QsPlanItem *self = QS_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case PROP_START_YEAR:
      g_value_set_int (value, self->start_year);
      break;
    case PROP_END_YEAR:
      g_value_set_int (value, self->end_year);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_SEARCH_KEY:
      g_value_set_string (value, self->search_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_plan_item_class_init (QsPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_plan_item_finalize;
  object_class->get_property = qs_plan_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_YEAR] =
    g_param_spec_int ("start-year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_YEAR] =
    g_param_spec_int ("end-year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_KEY] =
    g_param_spec_string ("search-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_plan_item_init (QsPlanItem *self)
{
}

/**
 * qs_plan_item_new:
 * @summary: a plan summary from qs_workspace_list_plans()
 *
 * Returns: (transfer full): an item holding a copy of @summary.
 */
QsPlanItem *
qs_plan_item_new (const QsPlanSummary *summary)
{
  QsPlanItem *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (QS_TYPE_PLAN_ITEM, NULL);
  self->id = summary->id;
  self->title = qs_plan_dup_title_or_untitled (summary->title);
  self->region = g_strdup (summary->region != NULL ? summary->region : "");
  self->level = summary->level;
  self->start_year = summary->start_year;
  self->end_year = summary->end_year;
  self->subtitle = qs_plan_display_subtitle (self->region, self->level,
                                             self->start_year, self->end_year);
  self->search_key = g_strconcat (self->title, "\n", self->region, NULL);
  return self;
}

gint64
qs_plan_item_get_id (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), 0);
  return self->id;
}

const char *
qs_plan_item_get_title (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), NULL);
  return self->title;
}

const char *
qs_plan_item_get_region (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), NULL);
  return self->region;
}

QsPlanLevel
qs_plan_item_get_level (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), 0);
  return self->level;
}

int
qs_plan_item_get_start_year (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), 0);
  return self->start_year;
}

int
qs_plan_item_get_end_year (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), 0);
  return self->end_year;
}

const char *
qs_plan_item_get_subtitle (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), NULL);
  return self->subtitle;
}

const char *
qs_plan_item_get_search_key (QsPlanItem *self)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (self), NULL);
  return self->search_key;
}

gboolean
qs_plan_item_same_group (QsPlanItem *a,
                         QsPlanItem *b)
{
  g_return_val_if_fail (QS_IS_PLAN_ITEM (a), FALSE);
  g_return_val_if_fail (QS_IS_PLAN_ITEM (b), FALSE);

  return a->level == b->level && a->start_year == b->start_year && a->end_year == b->end_year;
}

int
qs_plan_item_compare (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  QsPlanItem *item_a = (QsPlanItem *)a;
  QsPlanItem *item_b = (QsPlanItem *)b;
  int cmp;

  if ((cmp = level_rank (item_a->level) - level_rank (item_b->level)) != 0)
    return cmp;
  if ((cmp = item_b->start_year - item_a->start_year) != 0)
    return cmp;
  if ((cmp = item_b->end_year - item_a->end_year) != 0)
    return cmp;
  if ((cmp = collate (item_a->region, item_b->region)) != 0)
    return cmp;
  if ((cmp = collate (item_a->title, item_b->title)) != 0)
    return cmp;
  return (item_a->id > item_b->id) - (item_a->id < item_b->id);
}
