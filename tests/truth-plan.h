/* truth-plan.h: builds plans from the hand-checked truth of the sample plans
 * (the JSON files in ../shared/truth), for the catalog and check tests.
 *
 * The truth gives, for each indicator table, its columns and, for each row,
 * its cells by column name and its meaning (name, indicator, unit, parent
 * …).  These helpers turn that into QsPlan objects as an importer would, so
 * the tests do not wait for the importer and do not copy any plan text. */
#pragma once

#include <json-glib/json-glib.h>

#include "qs-model.h"

#define TRUTH_000 "000_46ce79ae923e9e91"
#define TRUTH_001 "001_5ea2f5886e448fc1"
#define TRUTH_002 "002_230447ef7394767c"
#define TRUTH_004 "004_5ef7bdc91baeb1d8"

/* The shared directory, or NULL (and the test is skipped) when absent. */
static inline char *
truth_shared_dir (void)
{
  const char *dir = g_getenv ("QS_SHARED_DIR");
  g_autofree char *probe = NULL;

  if (dir == NULL)
    return NULL;
  probe = g_build_filename (dir, "truth", TRUTH_000 ".json", NULL);
  if (!g_file_test (probe, G_FILE_TEST_EXISTS))
    return NULL;
  return g_strdup (dir);
}

static inline gboolean
truth_available (void)
{
  g_autofree char *dir = truth_shared_dir ();

  return dir != NULL;
}

/* The parsed truth file of @seed, or NULL when ../shared is absent. */
static inline JsonParser *
truth_load (const char *seed)
{
  g_autofree char *dir = truth_shared_dir ();
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "truth", seed, NULL);
  if (!g_str_has_suffix (path, ".json"))
    {
      char *with_suffix = g_strconcat (path, ".json", NULL);

      g_free (path);
      path = with_suffix;
    }
  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&parser);
}

static inline const char *
truth_string (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

static inline QsIndicatorTable *
truth_build_table (JsonObject *t)
{
  QsIndicatorTable *table = qs_indicator_table_new ();
  JsonArray *columns_raw = json_object_get_array_member (t, "columns_raw");
  JsonArray *columns = json_object_get_array_member (t, "columns");
  JsonArray *rows = json_object_get_array_member (t, "rows");
  JsonArray *notes = json_object_get_array_member (t, "notes");
  guint n_columns = json_array_get_length (columns);
  gboolean has_subname = FALSE;

  qs_indicator_table_set_label (table, truth_string (t, "id"));
  qs_indicator_table_set_caption (table, truth_string (t, "caption"));
  for (guint c = 0; c < n_columns; c++)
    {
      /* The raw headers, unless a header split over lines became two
       * (002 表2-1): then the normalised names. */
      const char *header = json_array_get_length (columns_raw) == n_columns
                           ? json_array_get_string_element (columns_raw, c)
                           : json_array_get_string_element (columns, c);
      g_autoptr(QsTableColumn) column = qs_table_column_new (header, -1);

      has_subname = has_subname || qs_table_column_get_role (column) == QS_COLUMN_SUBNAME;
      g_list_store_append (qs_indicator_table_get_columns (table), column);
    }

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *ro = json_array_get_object_element (rows, r);
      JsonObject *values = json_object_get_object_member (ro, "values");
      g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
      const char *parent = truth_string (ro, "parent");
      const char *name = truth_string (ro, "name");

      for (guint c = 0; c < n_columns; c++)
        {
          const char *col = json_array_get_string_element (columns, c);
          QsColumnRole role = qs_table_column_get_role (qs_indicator_table_get_column (table, c));
          const char *text = "";

          if (values != NULL && *col != '\0' && json_object_has_member (values, col))
            text = json_object_get_string_member (values, col);
          else if (role == QS_COLUMN_CATEGORY)
            text = truth_string (ro, "category");
          else if (role == QS_COLUMN_NUMBER)
            text = truth_string (ro, "number");
          else if (role == QS_COLUMN_NAME)
            text = (has_subname && parent != NULL) ? parent : name;
          else if (role == QS_COLUMN_SUBNAME)
            text = parent != NULL ? name : "";
          qs_indicator_row_set_cell (row, c, text ? text : "");
        }
      qs_indicator_row_set_category (row, truth_string (ro, "category"));
      qs_indicator_row_set_number (row, truth_string (ro, "number"));
      qs_indicator_row_set_name (row, name);
      qs_indicator_row_set_indicator (row, truth_string (ro, "indicator"));
      qs_indicator_row_set_unit (row, truth_string (ro, "unit"));
      qs_indicator_row_set_attribute (row, truth_string (ro, "attribute"));
      qs_indicator_row_set_parent (row, parent);
      g_list_store_append (qs_indicator_table_get_rows (table), row);
    }

  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    qs_indicator_table_add_note (table, json_array_get_string_element (notes, i));
  return table;
}

/* A plan holding the seed's indicator tables in one chapter, or NULL when
 * ../shared is absent. */
static inline QsPlan *
truth_build_plan (const char *seed)
{
  g_autoptr(JsonParser) parser = truth_load (seed);
  JsonObject *root;
  JsonArray *tables;
  QsPlan *plan;
  g_autoptr(QsSection) chapter = NULL;
  QsPlanLevel level = QS_PLAN_LEVEL_DISTRICT;
  const char *period;

  if (parser == NULL)
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  plan = qs_plan_new ();
  qs_plan_set_title (plan, truth_string (root, "title"));
  qs_plan_set_region (plan, truth_string (root, "region"));
  qs_plan_level_from_string (truth_string (root, "level"), &level);
  qs_plan_set_level (plan, level);
  period = truth_string (root, "period");
  if (period != NULL && strlen (period) == 9)
    qs_plan_set_period (plan, atoi (period), atoi (period + 5));

  chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "指标");
  tables = json_object_get_array_member (root, "indicator_tables");
  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      g_autoptr(QsIndicatorTable) table = truth_build_table (json_array_get_object_element (tables, i));

      g_list_store_append (qs_section_get_blocks (chapter), table);
    }
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return plan;
}

/* The indicator table labelled @label (borrowed), or NULL. */
static inline QsIndicatorTable *
truth_find_table (QsPlan     *plan,
                  const char *label)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  for (guint i = 0; i < tables->len; i++)
    if (g_strcmp0 (qs_indicator_table_get_label (tables->pdata[i]), label) == 0)
      return tables->pdata[i];   /* the plan keeps it alive */
  return NULL;
}
