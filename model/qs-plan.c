/* qs-plan.c: a plan document: metadata and the ordered tree of its parts. */
#define G_LOG_DOMAIN "qs-plan"

#include "config.h"

#include "qs-glossary-entry.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-plan.h"
#include "qs-requirement.h"
#include "qs-review-note.h"
#include "qs-section.h"
#include "qs-table-column.h"
#include "qs-task-table.h"
#include "qs-year-value.h"

struct _QsPlan
{
  GObject      parent_instance;
  char        *title;
  char        *region;
  char        *parent_plan;
  QsPlanLevel  level;
  int          start_year;
  int          end_year;
  int          vision_year;
  GListStore  *front_matter;
  GListStore  *chapters;
  GListStore  *back_matter;
  GListStore  *glossary;
  GListStore  *year_values;
  GListStore  *requirements;
  GListStore  *review_notes;
};

G_DEFINE_FINAL_TYPE (QsPlan, qs_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REGION,
  PROP_LEVEL,
  PROP_START_YEAR,
  PROP_END_YEAR,
  PROP_VISION_YEAR,
  PROP_PARENT_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_plan_finalize (GObject *object)
{
  QsPlan *self = QS_PLAN (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->parent_plan, g_free);
  g_clear_object (&self->front_matter);
  g_clear_object (&self->chapters);
  g_clear_object (&self->back_matter);
  g_clear_object (&self->glossary);
  g_clear_object (&self->year_values);
  g_clear_object (&self->requirements);
  g_clear_object (&self->review_notes);
  G_OBJECT_CLASS (qs_plan_parent_class)->finalize (object);
}

static void
qs_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  QsPlan *self = QS_PLAN (object);

  switch (prop_id)
    {
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
    case PROP_VISION_YEAR:
      g_value_set_int (value, self->vision_year);
      break;
    case PROP_PARENT_PLAN:
      g_value_set_string (value, self->parent_plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  QsPlan *self = QS_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      qs_plan_set_title (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      qs_plan_set_region (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      qs_plan_set_level (self, g_value_get_int (value));
      break;
    case PROP_START_YEAR:
      qs_plan_set_period (self, g_value_get_int (value), self->end_year);
      break;
    case PROP_END_YEAR:
      qs_plan_set_period (self, self->start_year, g_value_get_int (value));
      break;
    case PROP_VISION_YEAR:
      qs_plan_set_vision_year (self, g_value_get_int (value));
      break;
    case PROP_PARENT_PLAN:
      qs_plan_set_parent_plan (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_plan_class_init (QsPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_plan_finalize;
  object_class->get_property = qs_plan_get_property;
  object_class->set_property = qs_plan_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, "", flags);
  properties[PROP_LEVEL] = g_param_spec_int ("level", NULL, NULL, QS_PLAN_LEVEL_DISTRICT,
                                             QS_PLAN_LEVEL_MUNICIPAL, QS_PLAN_LEVEL_DISTRICT, flags);
  properties[PROP_START_YEAR] = g_param_spec_int ("start-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_END_YEAR] = g_param_spec_int ("end-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_VISION_YEAR] = g_param_spec_int ("vision-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_PARENT_PLAN] = g_param_spec_string ("parent-plan", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A note added to a plan without an id gets the plan's next one, so that
 * reviewers (and the files) can name every note. */
static void
review_notes_changed_cb (GListModel *notes,
                         guint       position,
                         guint       removed,
                         guint       added,
                         gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);

      if (qs_review_note_get_id (note) == 0)
        qs_review_note_set_id (note, qs_review_note_list_next_id (notes));
    }
}

static void
qs_plan_init (QsPlan *self)
{
  self->title = g_strdup ("");
  self->region = g_strdup ("");
  self->front_matter = g_list_store_new (QS_TYPE_SECTION);
  self->chapters = g_list_store_new (QS_TYPE_SECTION);
  self->back_matter = g_list_store_new (QS_TYPE_SECTION);
  self->glossary = g_list_store_new (QS_TYPE_GLOSSARY_ENTRY);
  self->year_values = g_list_store_new (QS_TYPE_YEAR_VALUE);
  self->requirements = g_list_store_new (QS_TYPE_REQUIREMENT);
  self->review_notes = g_list_store_new (QS_TYPE_REVIEW_NOTE);
  g_signal_connect (self->review_notes, "items-changed", G_CALLBACK (review_notes_changed_cb), NULL);
}

QsPlan *
qs_plan_new (void)
{
  return g_object_new (QS_TYPE_PLAN, NULL);
}

const char *
qs_plan_get_title (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->title;
}

void
qs_plan_set_title (QsPlan     *self,
                   const char *title)
{
  g_return_if_fail (QS_IS_PLAN (self));
  if (qs_set_str (&self->title, title ? title : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
qs_plan_get_region (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->region;
}

void
qs_plan_set_region (QsPlan     *self,
                    const char *region)
{
  g_return_if_fail (QS_IS_PLAN (self));
  if (qs_set_str (&self->region, region ? region : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

QsPlanLevel
qs_plan_get_level (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), QS_PLAN_LEVEL_DISTRICT);
  return self->level;
}

void
qs_plan_set_level (QsPlan      *self,
                   QsPlanLevel  level)
{
  g_return_if_fail (QS_IS_PLAN (self));
  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

int
qs_plan_get_start_year (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), 0);
  return self->start_year;
}

int
qs_plan_get_end_year (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), 0);
  return self->end_year;
}

void
qs_plan_set_period (QsPlan *self,
                    int     start_year,
                    int     end_year)
{
  g_return_if_fail (QS_IS_PLAN (self));
  if (self->start_year != start_year)
    {
      self->start_year = start_year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_YEAR]);
    }
  if (self->end_year != end_year)
    {
      self->end_year = end_year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_YEAR]);
    }
}

char *
qs_plan_dup_period_string (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  if (self->start_year == 0 && self->end_year == 0)
    return g_strdup ("");
  return g_strdup_printf ("%d-%d", self->start_year, self->end_year);
}

int
qs_plan_get_vision_year (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), 0);
  return self->vision_year;
}

void
qs_plan_set_vision_year (QsPlan *self,
                         int     year)
{
  g_return_if_fail (QS_IS_PLAN (self));
  if (self->vision_year == year)
    return;
  self->vision_year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISION_YEAR]);
}

const char *
qs_plan_get_parent_plan (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->parent_plan;
}

void
qs_plan_set_parent_plan (QsPlan     *self,
                         const char *title)
{
  g_return_if_fail (QS_IS_PLAN (self));
  if (title != NULL && *title == '\0')
    title = NULL;
  if (qs_set_str (&self->parent_plan, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_PLAN]);
}

GListStore *
qs_plan_get_front_matter (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->front_matter;
}

GListStore *
qs_plan_get_chapters (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->chapters;
}

GListStore *
qs_plan_get_back_matter (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->back_matter;
}

GListStore *
qs_plan_get_glossary (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->glossary;
}

GListStore *
qs_plan_get_year_values (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->year_values;
}

GListStore *
qs_plan_get_requirements (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->requirements;
}

GListStore *
qs_plan_get_review_notes (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return self->review_notes;
}

static void
foreach_in_section (QsSection       *section,
                    QsPlanBlockFunc  func,
                    gpointer         user_data)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);
      func (section, block, user_data);
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);
      foreach_in_section (child, func, user_data);
    }
}

void
qs_plan_foreach_block (QsPlan          *self,
                       QsPlanBlockFunc  func,
                       gpointer         user_data)
{
  GListStore *lists[3];

  g_return_if_fail (QS_IS_PLAN (self));
  g_return_if_fail (func != NULL);

  lists[0] = self->front_matter;
  lists[1] = self->chapters;
  lists[2] = self->back_matter;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lists[l])); i++)
      {
        g_autoptr(QsSection) section = g_list_model_get_item (G_LIST_MODEL (lists[l]), i);
        foreach_in_section (section, func, user_data);
      }
}

typedef struct
{
  GType      type;
  GPtrArray *found;
} CollectData;

static void
collect_block (QsSection *section,
               GObject   *block,
               gpointer   user_data)
{
  CollectData *data = user_data;

  if (G_TYPE_CHECK_INSTANCE_TYPE (block, data->type))
    g_ptr_array_add (data->found, g_object_ref (block));
}

static GPtrArray *
collect (QsPlan *self,
         GType   type)
{
  CollectData data = { type, g_ptr_array_new_with_free_func (g_object_unref) };

  qs_plan_foreach_block (self, collect_block, &data);
  return data.found;
}

/**
 * qs_plan_collect_indicator_tables:
 *
 * Returns: (transfer full) (element-type QsIndicatorTable): every indicator
 * table in document order.
 */
GPtrArray *
qs_plan_collect_indicator_tables (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return collect (self, QS_TYPE_INDICATOR_TABLE);
}

/**
 * qs_plan_collect_task_tables:
 *
 * Returns: (transfer full) (element-type QsTaskTable): every task table in
 * document order.
 */
GPtrArray *
qs_plan_collect_task_tables (QsPlan *self)
{
  g_return_val_if_fail (QS_IS_PLAN (self), NULL);
  return collect (self, QS_TYPE_TASK_TABLE);
}

static void
collect_table_year_values (QsIndicatorTable *table,
                           GPtrArray        *out)
{
  GListModel *columns = G_LIST_MODEL (qs_indicator_table_get_columns (table));
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  guint n_columns = g_list_model_get_n_items (columns);

  for (guint c = 0; c < n_columns; c++)
    {
      QsTableColumn *column = qs_indicator_table_get_column (table, c);
      int year = qs_table_column_get_year (column);
      QsYearValueKind kind;

      switch (qs_table_column_get_role (column))
        {
        case QS_COLUMN_BASELINE:
          kind = QS_YEAR_VALUE_BASELINE;
          break;
        case QS_COLUMN_TARGET:
          kind = QS_YEAR_VALUE_TARGET;
          break;
        case QS_COLUMN_ACTUAL:
          kind = QS_YEAR_VALUE_ACTUAL;
          break;
        default:
          continue;
        }
      /* A value without its year cannot be placed on a time axis. */
      if (year <= 0)
        continue;

      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          QsIndicatorRow *row = qs_indicator_table_get_row (table, r);
          const QsValue *value = qs_indicator_row_get_value (row, c);
          QsYearValue *yv;

          if (value == NULL || value->kind == QS_VALUE_EMPTY || value->kind == QS_VALUE_NONE)
            continue;
          yv = qs_year_value_new (qs_indicator_row_get_indicator (row), year,
                                  value->text, kind, QS_YEAR_VALUE_SOURCE_TABLE);
          qs_year_value_set_indicator_id (yv, qs_indicator_row_get_indicator_id (row));
          qs_year_value_set_unit (yv, qs_indicator_row_get_unit (row));
          g_ptr_array_add (out, yv);
        }
    }
}

/**
 * qs_plan_collect_year_values:
 * @include_suggestions: also return prose suggestions not yet accepted
 *
 * Every yearly value the plan knows: those its indicator tables state
 * (baseline and target columns with their header years, last period's
 * target and actual) followed by the stored ones (qs_plan_get_year_values),
 * so a chart has data even when nothing was stored.
 *
 * Returns: (transfer full) (element-type QsYearValue): the values.
 */
GPtrArray *
qs_plan_collect_year_values (QsPlan   *self,
                             gboolean  include_suggestions)
{
  g_autoptr(GPtrArray) tables = NULL;
  GPtrArray *out;
  GListModel *stored;

  g_return_val_if_fail (QS_IS_PLAN (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  tables = qs_plan_collect_indicator_tables (self);
  for (guint i = 0; i < tables->len; i++)
    collect_table_year_values (g_ptr_array_index (tables, i), out);

  stored = G_LIST_MODEL (self->year_values);
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(QsYearValue) yv = g_list_model_get_item (stored, i);

      if (include_suggestions || qs_year_value_get_accepted (yv))
        g_ptr_array_add (out, g_steal_pointer (&yv));
    }
  return out;
}
