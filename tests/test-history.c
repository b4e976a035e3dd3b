/* test-history.c: yearly values (qs-year-value.c, qs_plan_collect_year_values)
 * and the history stated in prose (qs-history-extract.c). */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "qs-model.h"
#include "qs-catalog.h"
#include "qs-history-extract.h"
#include "qs-year-value.h"

static const char *
shared_dir (void)
{
  const char *dir = g_getenv ("QS_SHARED_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

/* ---- QsYearValue ------------------------------------------------------ */

static void
test_year_value_basic (void)
{
  g_autoptr(QsYearValue) yv = qs_year_value_new ("森林覆盖率", 2020, "≥52.1", QS_YEAR_VALUE_TARGET,
                                                 QS_YEAR_VALUE_SOURCE_TABLE);
  g_autoptr(QsYearValue) prose = qs_year_value_new ("森林覆盖率", 2015, "下降3%", QS_YEAR_VALUE_ACTUAL,
                                                    QS_YEAR_VALUE_SOURCE_PROSE);
  g_autoptr(QsYearValue) copy = NULL;
  QsYearValueKind kind;
  QsYearValueSource source;
  double number = 0;

  g_assert_true (qs_year_value_get_accepted (yv));
  g_assert_false (qs_year_value_get_accepted (prose));
  g_assert_true (qs_year_value_get_number (yv, &number));
  g_assert_cmpfloat_with_epsilon (number, 52.1, 1e-9);
  g_assert_cmpint (qs_year_value_get_value (yv)->bound, ==, QS_BOUND_GE);
  g_assert_false (qs_year_value_get_number (prose, NULL));

  qs_year_value_set_indicator_id (yv, "forest_coverage");
  qs_year_value_set_unit (yv, "%");
  qs_year_value_set_source_text (yv, "a sentence");
  copy = qs_year_value_copy (yv);
  g_assert_cmpstr (qs_year_value_get_indicator_id (copy), ==, "forest_coverage");
  g_assert_cmpstr (qs_year_value_get_unit (copy), ==, "%");
  g_assert_cmpstr (qs_year_value_get_text (copy), ==, "≥52.1");
  g_assert_cmpstr (qs_year_value_get_source_text (copy), ==, "a sentence");
  g_assert_cmpint (qs_year_value_get_year (copy), ==, 2020);

  qs_year_value_set_text (copy, "60");
  g_assert_cmpint (qs_year_value_get_value (copy)->kind, ==, QS_VALUE_NUMBER);
  g_assert_cmpstr (qs_year_value_get_text (yv), ==, "≥52.1");

  for (int k = QS_YEAR_VALUE_ACTUAL; k <= QS_YEAR_VALUE_REQUIREMENT; k++)
    {
      g_assert_true (qs_year_value_kind_from_string (qs_year_value_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  for (int s = QS_YEAR_VALUE_SOURCE_TABLE; s <= QS_YEAR_VALUE_SOURCE_USER; s++)
    {
      g_assert_true (qs_year_value_source_from_string (qs_year_value_source_to_string (s), &source));
      g_assert_cmpint (source, ==, s);
    }
  g_assert_false (qs_year_value_kind_from_string ("bogus", &kind));
}

static void
test_collect_from_sample (void)
{
  g_autofree char *path = g_build_filename (SOURCE_RESOURCES_DIR, "samples",
                                            "district-2021-2025-000.qsplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_plan_xml_read_file (path, &error);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(QsYearValue) user = NULL;
  gboolean target_2025 = FALSE, actual_2020 = FALSE;
  guint n_before;

  g_assert_no_error (error);
  values = qs_plan_collect_year_values (plan, FALSE);
  g_assert_cmpuint (values->len, >, 20);
  for (guint i = 0; i < values->len; i++)
    {
      QsYearValue *yv = g_ptr_array_index (values, i);

      g_assert_cmpint (qs_year_value_get_source (yv), ==, QS_YEAR_VALUE_SOURCE_TABLE);
      if (qs_year_value_get_year (yv) == 2025 && qs_year_value_get_kind (yv) == QS_YEAR_VALUE_TARGET)
        target_2025 = TRUE;
      if (qs_year_value_get_year (yv) == 2020 && qs_year_value_get_kind (yv) != QS_YEAR_VALUE_TARGET)
        actual_2020 = TRUE;
    }
  g_assert_true (target_2025);
  g_assert_true (actual_2020);

  /* Stored values follow; suggestions only on request.  The sample carries
   * the prose suggestions its import offered: start from none. */
  g_list_store_remove_all (qs_plan_get_year_values (plan));
  n_before = values->len;
  user = qs_year_value_new ("森林覆盖率", 2022, "34.1", QS_YEAR_VALUE_ACTUAL,
                            QS_YEAR_VALUE_SOURCE_PROSE);
  g_list_store_append (qs_plan_get_year_values (plan), user);
  g_clear_pointer (&values, g_ptr_array_unref);
  values = qs_plan_collect_year_values (plan, FALSE);
  g_assert_cmpuint (values->len, ==, n_before);
  g_clear_pointer (&values, g_ptr_array_unref);
  values = qs_plan_collect_year_values (plan, TRUE);
  g_assert_cmpuint (values->len, ==, n_before + 1);
  g_assert_true (g_ptr_array_index (values, n_before) == user);
}

/* A plan with stored yearly values of every shape. */
static QsPlan *
plan_with_year_values (void)
{
  g_autofree char *path = g_build_filename (SOURCE_RESOURCES_DIR, "samples",
                                            "district-2021-2025-002.qsplan", NULL);
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_plan_xml_read_file (path, &error);
  g_autoptr(QsYearValue) prose = NULL;
  g_autoptr(QsYearValue) user = NULL;
  g_autoptr(QsYearValue) bare = NULL;

  g_assert_no_error (error);
  /* Only the values below: drop the suggestions the sample's import offered. */
  g_list_store_remove_all (qs_plan_get_year_values (plan));
  prose = qs_year_value_new ("优良天数比率", 2020, "增加13.2%", QS_YEAR_VALUE_ACTUAL,
                             QS_YEAR_VALUE_SOURCE_PROSE);
  qs_year_value_set_base_year (prose, 2015);
  qs_year_value_set_indicator_id (prose, "air_good_days_ratio");
  qs_year_value_set_unit (prose, "%");
  qs_year_value_set_source_text (prose, "  a sentence\twith\r\nodd  spacing ");
  user = qs_year_value_new ("森林覆盖率", 2023, "≥66.5", QS_YEAR_VALUE_TARGET, QS_YEAR_VALUE_SOURCE_USER);
  bare = qs_year_value_new ("", 0, "", QS_YEAR_VALUE_REQUIREMENT, QS_YEAR_VALUE_SOURCE_TABLE);
  qs_year_value_set_accepted (bare, FALSE);
  g_list_store_append (qs_plan_get_year_values (plan), prose);
  g_list_store_append (qs_plan_get_year_values (plan), user);
  g_list_store_append (qs_plan_get_year_values (plan), bare);
  return plan;
}

static void
test_year_values_xml (void)
{
  g_autoptr(QsPlan) plan = plan_with_year_values ();
  g_autoptr(QsPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *where = NULL;
  g_autofree char *dump = NULL;
  gsize length = 0;

  data = qs_plan_xml_write_data (plan, &length);
  g_assert_nonnull (strstr (data, "<year-values>"));
  /* The file validates against the schema (the reader checks it). */
  back = qs_plan_xml_read_data (data, length, "year-values.qsplan", &error);
  g_assert_no_error (error);
  g_assert_true (qs_plan_equal (plan, back, &where));
  dump = qs_plan_dump (back);
  g_assert_nonnull (strstr (dump, "year_values[0]"));
  g_assert_nonnull (strstr (dump, "air_good_days_ratio"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_year_values (back))), ==, 3);

  /* An unknown kind is refused with a message that says so. */
  {
    g_autoptr(GString) bad = g_string_new (data);
    g_autoptr(QsPlan) none = NULL;

    g_string_replace (bad, "kind=\"target\"", "kind=\"guess\"", 1);
    none = qs_plan_xml_read_data (bad->str, bad->len, "bad.qsplan", &error);
    g_assert_null (none);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

static void
test_year_values_json (void)
{
  g_autoptr(QsPlan) plan = plan_with_year_values ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = qs_plan_to_json_data (plan, NULL);
  JsonArray *values;
  gboolean found = FALSE;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  values = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "year_values");
  g_assert_nonnull (values);
  /* The tables' values and the three stored ones. */
  g_assert_cmpuint (json_array_get_length (values), >, 3);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *o = json_array_get_object_element (values, i);

      if (g_strcmp0 (json_object_get_string_member (o, "text"), "增加13.2%") == 0)
        {
          g_assert_cmpint (json_object_get_int_member (o, "base_year"), ==, 2015);
          g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "prose");
          g_assert_false (json_object_get_boolean_member (o, "accepted"));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_year_values_workspace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qs-year-values-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.qsdb", NULL);
  g_autofree char *where = NULL;
  g_autoptr(QsPlan) plan = plan_with_year_values ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(QsWorkspace) ws = qs_workspace_open (path, TRUE, &error);
    g_autoptr(QsPlan) back = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (qs_workspace_get_schema_version (ws), ==, QS_WORKSPACE_SCHEMA_VERSION);
    id = qs_workspace_add_plan (ws, plan, &error);
    g_assert_no_error (error);
    back = qs_workspace_load_plan (ws, id, &error);
    g_assert_no_error (error);
    g_assert_true (qs_plan_equal (plan, back, &where));

    /* Saving again replaces the list. */
    g_list_store_remove (qs_plan_get_year_values (plan), 0);
    g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
    g_clear_object (&back);
    back = qs_workspace_load_plan (ws, id, &error);
    g_assert_no_error (error);
    g_assert_true (qs_plan_equal (plan, back, &where));
  }

  /* A version 1 workspace (no year_values table, nor the later tables) is
   * migrated on open. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TABLE requirement_districts; DROP TABLE requirements; "
                                   "DROP TABLE requirement_group_districts; "
                                   "DROP TABLE requirement_groups; "
                                   "DROP TABLE year_values; PRAGMA user_version = 1;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  {
    g_autoptr(QsWorkspace) ws = qs_workspace_open (path, FALSE, &error);
    g_autoptr(QsPlan) back = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (qs_workspace_get_schema_version (ws), ==, QS_WORKSPACE_SCHEMA_VERSION);
    back = qs_workspace_load_plan (ws, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_year_values (back))), ==, 0);
    g_assert_true (qs_workspace_save_plan (ws, id, plan, &error));
    g_clear_object (&back);
    back = qs_workspace_load_plan (ws, id, &error);
    g_assert_true (qs_plan_equal (plan, back, &where));
  }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

/* ---- the extractor on invented text (no sample plans needed) --------- */

static QsPlan *
import_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_import_text_data (text, strlen (text), "test.txt", NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static QsYearValue *
find_suggestion (GPtrArray  *values,
                 const char *indicator,
                 const char *text)
{
  for (guint i = 0; i < values->len; i++)
    {
      QsYearValue *yv = g_ptr_array_index (values, i);

      if (strstr (qs_year_value_get_indicator (yv), indicator) != NULL &&
          g_strcmp0 (qs_year_value_get_text (yv), text) == 0)
        return yv;
    }
  return NULL;
}

static void
test_extract_synthetic (void)
{
  /* Invented figures in the plans' manner of writing. */
  const char *text =
    "第一章 基础\n"
    "第一节 回顾\n"
    "测试区成效明显。2020年，测试区环境空气质量优良天数达300天，优良天数比率82.0%，"
    "较2015年增加5.5%；森林覆盖率提高至41.2%。甲、乙、丙排放量较2015年分别下降1.1%、2.2%、3.3%。"
    "累计完成12项任务，划定18.5平方公里的生态保护红线，长江干流水质达到 II 类。\n";
  g_autoptr(QsPlan) plan = import_string (text);
  g_autoptr(GPtrArray) values = NULL;
  QsYearValue *yv;

  qs_plan_set_period (plan, 2021, 2025);
  values = qs_history_extract (plan, NULL);

  yv = find_suggestion (values, "环境空气质量优良天数", "300天");
  g_assert_nonnull (yv);
  g_assert_cmpint (qs_year_value_get_year (yv), ==, 2020);
  g_assert_cmpint (qs_year_value_get_source (yv), ==, QS_YEAR_VALUE_SOURCE_PROSE);
  g_assert_false (qs_year_value_get_accepted (yv));
  g_assert_nonnull (strstr (qs_year_value_get_source_text (yv), "300天"));

  yv = find_suggestion (values, "优良天数比率", "增加5.5%");
  g_assert_nonnull (yv);
  g_assert_cmpint (qs_year_value_get_base_year (yv), ==, 2015);
  g_assert_nonnull (find_suggestion (values, "森林覆盖率", "41.2%"));
  g_assert_nonnull (find_suggestion (values, "甲排放量", "下降1.1%"));
  g_assert_nonnull (find_suggestion (values, "乙排放量", "下降2.2%"));
  g_assert_nonnull (find_suggestion (values, "丙排放量", "下降3.3%"));
  g_assert_nonnull (find_suggestion (values, "生态保护红线", "18.5平方公里"));
  g_assert_nonnull (find_suggestion (values, "长江干流", "II类"));
  /* A count of tasks is not an indicator's value. */
  for (guint i = 0; i < values->len; i++)
    g_assert_null (strstr (qs_year_value_get_text (g_ptr_array_index (values, i)), "12"));
}

/* ---- recall against the truth files ---------------------------------- */

/* Names compare without white space, bracketed parts and markup. */
static char *
normalise_name (const char *name)
{
  GString *s = g_string_new (NULL);
  int depth = 0;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08 || c == '(')
        depth++;
      else if (c == 0xFF09 || c == ')')
        depth = MAX (depth - 1, 0);
      else if (depth == 0 && !g_unichar_isspace (c) && c != 0xA0 && c != '_' && c != '{' && c != '}')
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static gboolean
first_number (const char *text,
              double     *number)
{
  for (const char *p = text; p && *p; p++)
    if (g_ascii_isdigit (*p))
      {
        *number = g_ascii_strtod (p, NULL);
        return TRUE;
      }
  return FALSE;
}

static gboolean
same_figure (const char *truth,
             const char *mine)
{
  g_autoptr(QsValue) a = qs_value_parse (truth);
  g_autoptr(QsValue) b = qs_value_parse (mine);
  double x, y;

  if (a->kind == QS_VALUE_WATER_CLASS || b->kind == QS_VALUE_WATER_CLASS)
    return a->kind == b->kind && a->water_class == b->water_class;
  if (!first_number (truth, &x) || !first_number (mine, &y))
    return FALSE;
  return fabs (x - y) < 1e-9;
}

static gboolean
same_indicator (QsCatalog   *catalog,
                const char  *truth,
                QsYearValue *yv)
{
  QsCatalogEntry *entry = qs_catalog_lookup_name (catalog, truth);
  const char *mine_id = qs_year_value_get_indicator_id (yv);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* Linked on both sides: the catalog decides. */
  if (entry != NULL && mine_id != NULL)
    return g_strcmp0 (qs_catalog_entry_get_id (entry), mine_id) == 0;
  a = normalise_name (truth);
  b = normalise_name (qs_year_value_get_indicator (yv));
  return *a && *b && (strstr (a, b) != NULL || strstr (b, a) != NULL);
}

static void
test_extract_recall (void)
{
  static const char * const seeds[] = {
    "000_46ce79ae923e9e91", "001_5ea2f5886e448fc1", "002_230447ef7394767c", "004_5ef7bdc91baeb1d8",
  };
  const char *dir = shared_dir ();
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0, found_total = 0;

  if (dir == NULL)
    {
      g_test_skip ("no sample plans (QS_SHARED_DIR is absent)");
      return;
    }
  catalog = qs_catalog_new_default (&error);
  g_assert_no_error (error);

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *seed_name = g_strconcat (seeds[s], ".txt", NULL);
      g_autofree char *truth_name = g_strconcat (seeds[s], ".json", NULL);
      g_autofree char *seed_path = g_build_filename (dir, "seeds", seed_name, NULL);
      g_autofree char *truth_path = g_build_filename (dir, "truth", truth_name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(QsPlan) plan = NULL;
      g_autoptr(GPtrArray) values = NULL;
      JsonArray *truth;
      guint found = 0;

      if (!g_file_test (seed_path, G_FILE_TEST_EXISTS) || !g_file_test (truth_path, G_FILE_TEST_EXISTS))
        continue;
      plan = qs_import_text_file (seed_path, NULL, &error);
      g_assert_no_error (error);
      json_parser_load_from_file (parser, truth_path, &error);
      g_assert_no_error (error);
      truth = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "prose_historical_values");
      values = qs_history_extract (plan, catalog);

      for (guint i = 0; i < json_array_get_length (truth); i++)
        {
          JsonObject *t = json_array_get_object_element (truth, i);
          const char *indicator = json_object_get_string_member (t, "indicator");
          const char *figure = json_object_has_member (t, "value") ?
                               json_object_get_string_member (t, "value") :
                               json_object_get_string_member (t, "change");
          gboolean has_year = !json_object_get_null_member (t, "year");
          int year = has_year ? (int) json_object_get_int_member (t, "year") : 0;
          gboolean hit = FALSE;

          for (guint v = 0; v < values->len && !hit; v++)
            {
              QsYearValue *yv = g_ptr_array_index (values, v);

              hit = (!has_year || qs_year_value_get_year (yv) == year) &&
                    same_figure (figure, qs_year_value_get_text (yv)) &&
                    same_indicator (catalog, indicator, yv);
            }
          if (hit)
            found++;
          else
            g_test_message ("%s: missed %d %s %s", seeds[s], year, indicator, figure);
        }
      g_test_message ("%s: recall %u/%u = %.1f%% (%u suggestions)", seeds[s], found,
                      json_array_get_length (truth),
                      100.0 * found / MAX (json_array_get_length (truth), 1), values->len);
      found_total += found;
      total += json_array_get_length (truth);
    }
  if (total == 0)
    {
      g_test_skip ("no truth files in QS_SHARED_DIR");
      return;
    }
  g_test_message ("overall recall %u/%u = %.1f%%", found_total, total, 100.0 * found_total / total);
  g_assert_cmpfloat (100.0 * found_total / total, >=, 90.0);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages with Chinese names print as such under a UTF-8 locale. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/year-value/basic", test_year_value_basic);
  g_test_add_func ("/year-value/collect", test_collect_from_sample);
  g_test_add_func ("/year-value/xml", test_year_values_xml);
  g_test_add_func ("/year-value/json", test_year_values_json);
  g_test_add_func ("/year-value/workspace", test_year_values_workspace);
  g_test_add_func ("/history/synthetic", test_extract_synthetic);
  g_test_add_func ("/history/recall", test_extract_recall);

  return g_test_run ();
}
