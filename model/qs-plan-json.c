/* qs-plan-json.c: the machine-readable JSON export.
 *
 * This is the contract other tools and the tests read (README, "JSON
 * export"): plan metadata, the chapter/section outline, every indicator
 * table with each row's values as written and their parsed readings, and
 * every task table. */
#define G_LOG_DOMAIN "qs-plan-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qs-glossary-entry.h"
#include "qs-year-value.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-plan-json.h"
#include "qs-requirement.h"
#include "qs-review-note.h"
#include "qs-section.h"
#include "qs-table-column.h"
#include "qs-task-item.h"
#include "qs-task-row.h"
#include "qs-task-table.h"
#include "qs-value.h"
#include "qs-json-util.h"

static void
add_number (JsonBuilder *b,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (b, member);
  /* Whole numbers stay integers so 75000 does not read back as 75000.0. */
  if (isfinite (value) && value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
add_notes (JsonBuilder        *b,
           const char * const *notes)
{
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    json_builder_add_string_value (b, notes[i]);
  json_builder_end_array (b);
}

static void
add_columns (JsonBuilder *b,
             GListModel  *columns)
{
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);
      json_builder_add_string_value (b, qs_table_column_get_name (column));
    }
  json_builder_end_array (b);
}

static void
add_parsed_value (JsonBuilder   *b,
                  const QsValue *value)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, qs_value_kind_to_string (value->kind));

  switch (value->kind)
    {
    case QS_VALUE_NUMBER:
      add_number (b, "value", value->number);
      break;
    case QS_VALUE_BOUND:
      add_number (b, "value", value->number);
      qs_json_add_string_or_null (b, "bound", qs_bound_to_string (value->bound));
      break;
    case QS_VALUE_RANGE:
      add_number (b, "low", value->number);
      add_number (b, "high", value->number_high);
      break;
    case QS_VALUE_CHANGE:
      json_builder_set_member_name (b, "direction");
      json_builder_add_string_value (b, value->change == QS_CHANGE_INCREASE ? "increase" :
                                        value->change == QS_CHANGE_DECREASE ? "decrease" : "keep");
      if (value->change_unit != QS_CHANGE_UNIT_NONE)
        {
          add_number (b, "amount", value->number);
          json_builder_set_member_name (b, "amount_unit");
          json_builder_add_string_value (b, value->change_unit == QS_CHANGE_UNIT_PERCENT ?
                                            "percent" : "percentage_point");
        }
      break;
    case QS_VALUE_WATER_CLASS:
      json_builder_set_member_name (b, "class");
      json_builder_add_int_value (b, value->water_class);
      if (value->bound != QS_BOUND_NONE)
        qs_json_add_string_or_null (b, "bound", qs_bound_to_string (value->bound));
      break;
    case QS_VALUE_UNREADABLE:
      qs_json_add_string_or_null (b, "reason", value->reason);
      break;
    case QS_VALUE_EMPTY:
    case QS_VALUE_NONE:
    case QS_VALUE_ASSIGNED:
    case QS_VALUE_QUALITATIVE:
    default:
      break;
    }

  if (value->cumulative)
    {
      json_builder_set_member_name (b, "cumulative");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (value->unit != NULL)
    qs_json_add_string_or_null (b, "unit", value->unit);
  if (value->markers != NULL)
    qs_json_add_string_or_null (b, "markers", value->markers);
  json_builder_end_object (b);
}

static void
add_indicator_row (JsonBuilder      *b,
                   QsIndicatorTable *table,
                   QsIndicatorRow   *row)
{
  GListModel *columns = G_LIST_MODEL (qs_indicator_table_get_columns (table));
  guint n_columns = g_list_model_get_n_items (columns);

  json_builder_begin_object (b);
  qs_json_add_string_or_null (b, "category", qs_indicator_row_get_category (row));
  qs_json_add_string_or_null (b, "number", qs_indicator_row_get_number (row));
  qs_json_add_string_or_null (b, "name", qs_indicator_row_get_name (row));
  qs_json_add_string_or_null (b, "indicator", qs_indicator_row_get_indicator (row));
  qs_json_add_string_or_null (b, "unit", qs_indicator_row_get_unit (row));
  qs_json_add_string_or_null (b, "attribute", qs_indicator_row_get_attribute (row));
  qs_json_add_string_or_null (b, "parent", qs_indicator_row_get_parent (row));
  qs_json_add_string_or_null (b, "indicator_id", qs_indicator_row_get_indicator_id (row));

  json_builder_set_member_name (b, "values");
  json_builder_begin_object (b);
  for (guint c = 0; c < n_columns; c++)
    {
      QsTableColumn *column = qs_indicator_table_get_column (table, c);

      if (qs_column_role_is_structural (qs_table_column_get_role (column)))
        continue;
      json_builder_set_member_name (b, qs_table_column_get_name (column));
      json_builder_add_string_value (b, qs_indicator_row_get_cell (row, c));
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "parsed");
  json_builder_begin_object (b);
  for (guint c = 0; c < n_columns; c++)
    {
      QsTableColumn *column = qs_indicator_table_get_column (table, c);

      if (qs_column_role_is_structural (qs_table_column_get_role (column)))
        continue;
      json_builder_set_member_name (b, qs_table_column_get_name (column));
      add_parsed_value (b, qs_indicator_row_get_value (row, c));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_indicator_table (JsonBuilder      *b,
                     QsIndicatorTable *table)
{
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));

  json_builder_begin_object (b);
  qs_json_add_string_or_null (b, "label", qs_indicator_table_get_label (table));
  qs_json_add_string_or_null (b, "caption", qs_indicator_table_get_caption (table));
  add_columns (b, G_LIST_MODEL (qs_indicator_table_get_columns (table)));
  add_notes (b, qs_indicator_table_get_notes (table));
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    add_indicator_row (b, table, qs_indicator_table_get_row (table, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_task_table (JsonBuilder *b,
                QsTaskTable *table)
{
  GListModel *columns = G_LIST_MODEL (qs_task_table_get_columns (table));
  GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));

  json_builder_begin_object (b);
  qs_json_add_string_or_null (b, "label", qs_task_table_get_label (table));
  qs_json_add_string_or_null (b, "caption", qs_task_table_get_caption (table));
  add_columns (b, columns);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, i);

      json_builder_begin_object (b);
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, c);

          json_builder_set_member_name (b, qs_table_column_get_name (column));
          json_builder_add_string_value (b, qs_task_row_get_cell (row, c));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  for (int kind = QS_TASK_ITEM_ITEM; kind <= QS_TASK_ITEM_HEADING; kind++)
    {
      json_builder_set_member_name (b, kind == QS_TASK_ITEM_ITEM ? "items" : "headings");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);

          if ((int) qs_task_item_get_kind (item) == kind)
            json_builder_add_string_value (b, qs_task_item_get_text (item));
        }
      json_builder_end_array (b);
    }
  add_notes (b, qs_task_table_get_notes (table));
  json_builder_end_object (b);
}

static void
add_section (JsonBuilder *b,
             QsSection   *section,
             int          depth)
{
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, qs_section_get_number (section));
  qs_json_add_string_or_null (b, "label", qs_section_get_label (section));
  qs_json_add_string_or_null (b, "title", qs_section_get_title (section));
  if (depth < 2)
    {
      json_builder_set_member_name (b, depth == 0 ? "sections" : "subsections");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr(QsSection) child = g_list_model_get_item (children, i);
          add_section (b, child, depth + 1);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
add_matter (JsonBuilder *b,
            const char  *member,
            GListModel  *sections)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(QsSection) section = g_list_model_get_item (sections, i);

      json_builder_begin_object (b);
      qs_json_add_string_or_null (b, "title", qs_section_get_title (section));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_year_value (JsonBuilder *b,
                QsYearValue *yv)
{
  json_builder_begin_object (b);
  qs_json_add_string_or_null (b, "indicator_id", qs_year_value_get_indicator_id (yv));
  qs_json_add_string_or_null (b, "indicator", qs_year_value_get_indicator (yv));
  qs_json_add_string_or_null (b, "unit", qs_year_value_get_unit (yv));
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, qs_year_value_get_year (yv));
  json_builder_set_member_name (b, "base_year");
  if (qs_year_value_get_base_year (yv) > 0)
    json_builder_add_int_value (b, qs_year_value_get_base_year (yv));
  else
    json_builder_add_null_value (b);
  qs_json_add_string_or_null (b, "text", qs_year_value_get_text (yv));
  qs_json_add_string_or_null (b, "value_kind", qs_value_kind_to_string (qs_year_value_get_value (yv)->kind));
  qs_json_add_string_or_null (b, "kind", qs_year_value_kind_to_string (qs_year_value_get_kind (yv)));
  qs_json_add_string_or_null (b, "source", qs_year_value_source_to_string (qs_year_value_get_source (yv)));
  qs_json_add_string_or_null (b, "source_text", qs_year_value_get_source_text (yv));
  json_builder_set_member_name (b, "accepted");
  json_builder_add_boolean_value (b, qs_year_value_get_accepted (yv));
  json_builder_end_object (b);
}

/**
 * qs_plan_to_json:
 *
 * Returns: (transfer full): the JSON export of @plan.
 */
/* A municipal plan's requirements on districts, as in a requirements
 * document: the groups they use (each once), then the requirements, which
 * name their group by its id. */
static void
add_requirements (JsonBuilder *b,
                  GListModel  *requirements)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (requirements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);

      if (group != NULL && !g_ptr_array_find (groups, group, NULL))
        g_ptr_array_add (groups, group);
    }
  json_builder_set_member_name (b, "requirement_groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < groups->len; i++)
    json_builder_add_value (b, qs_district_group_to_json (g_ptr_array_index (groups, i)));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "requirements");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);

      json_builder_add_value (b, qs_requirement_to_json (r));
    }
  json_builder_end_array (b);
}

JsonNode *
qs_plan_to_json (QsPlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) indicator_tables = NULL;
  g_autoptr(GPtrArray) task_tables = NULL;
  g_autoptr(GPtrArray) year_values = NULL;
  g_autofree char *period = NULL;
  GListModel *chapters;
  GListModel *glossary;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  period = qs_plan_dup_period_string (plan);
  chapters = G_LIST_MODEL (qs_plan_get_chapters (plan));
  glossary = G_LIST_MODEL (qs_plan_get_glossary (plan));
  indicator_tables = qs_plan_collect_indicator_tables (plan);
  task_tables = qs_plan_collect_task_tables (plan);
  year_values = qs_plan_collect_year_values (plan, TRUE);

  json_builder_begin_object (b);
  qs_json_add_string_or_null (b, "title", qs_plan_get_title (plan));
  qs_json_add_string_or_null (b, "region", qs_plan_get_region (plan));
  qs_json_add_string_or_null (b, "level", qs_plan_level_to_string (qs_plan_get_level (plan)));
  qs_json_add_string_or_null (b, "period", period);
  json_builder_set_member_name (b, "vision_year");
  if (qs_plan_get_vision_year (plan) > 0)
    json_builder_add_int_value (b, qs_plan_get_vision_year (plan));
  else
    json_builder_add_null_value (b);
  qs_json_add_string_or_null (b, "parent_plan", qs_plan_get_parent_plan (plan));

  add_matter (b, "front_matter", G_LIST_MODEL (qs_plan_get_front_matter (plan)));
  json_builder_set_member_name (b, "chapters");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(QsSection) chapter = g_list_model_get_item (chapters, i);
      add_section (b, chapter, 0);
    }
  json_builder_end_array (b);
  add_matter (b, "back_matter", G_LIST_MODEL (qs_plan_get_back_matter (plan)));

  json_builder_set_member_name (b, "indicator_tables");
  json_builder_begin_array (b);
  for (guint i = 0; i < indicator_tables->len; i++)
    add_indicator_table (b, g_ptr_array_index (indicator_tables, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "task_tables");
  json_builder_begin_array (b);
  for (guint i = 0; i < task_tables->len; i++)
    add_task_table (b, g_ptr_array_index (task_tables, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "glossary");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (glossary); i++)
    {
      g_autoptr(QsGlossaryEntry) entry = g_list_model_get_item (glossary, i);

      json_builder_begin_object (b);
      qs_json_add_string_or_null (b, "term", qs_glossary_entry_get_term (entry));
      qs_json_add_string_or_null (b, "definition", qs_glossary_entry_get_definition (entry));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* Every yearly value: from the tables, then the stored ones (prose
   * suggestions too, with their acceptance). */
  json_builder_set_member_name (b, "year_values");
  json_builder_begin_array (b);
  for (guint i = 0; i < year_values->len; i++)
    add_year_value (b, g_ptr_array_index (year_values, i));
  json_builder_end_array (b);

  add_requirements (b, G_LIST_MODEL (qs_plan_get_requirements (plan)));

  json_builder_set_member_name (b, "review_notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_review_notes (plan))); i++)
    {
      g_autoptr(QsReviewNote) note =
        g_list_model_get_item (G_LIST_MODEL (qs_plan_get_review_notes (plan)), i);

      json_builder_add_value (b, qs_review_note_to_json (note));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/**
 * qs_plan_to_json_data:
 *
 * Returns: (transfer full): pretty-printed JSON with a trailing newline.
 */
char *
qs_plan_to_json_data (QsPlan *plan,
                      gsize  *length)
{
  g_autoptr(JsonNode) root = qs_plan_to_json (plan);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  char *result;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  result = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = strlen (result);
  return result;
}
