/* test-compare.c: the comparison matrix of district plans and its exports. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "qs-catalog.h"
#include "qs-compare-export.h"
#include "qs-compare-matrix.h"
#include "qs-model.h"
#include "qs-requirement.h"

/* The sample plans, in this order: 000 大渡口区, 001 江津区, 002 黔江区. */
static const char * const sample_files[] = {
  "district-2021-2025-000.qsplan",
  "district-2021-2025-001.qsplan",
  "district-2021-2025-002.qsplan",
};

enum { DADUKOU, JIANGJIN, QIANJIANG };

typedef struct
{
  QsCatalog       *catalog;
  QsPlan          *municipal;
  GListStore      *plans;
  GListStore      *requirements;
  QsCompareMatrix *matrix;
} Fixture;

static QsCatalog *
default_catalog (void)
{
  g_autoptr(GError) error = NULL;
  QsCatalog *catalog = qs_catalog_new_default (&error);

  g_assert_no_error (error);
  return catalog;
}

/* Loads the samples and builds their matrix; FALSE (the test skipped)
 * when the source tree's samples are not there. */
static gboolean
fixture_set_up (Fixture *f)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *municipal_path = NULL;
  g_autofree char *requirements_path = NULL;
  g_autoptr(GError) error = NULL;

  memset (f, 0, sizeof *f);
  if (source != NULL)
    {
      dir = g_build_filename (source, "resources", "samples", NULL);
      municipal_path = g_build_filename (dir, "municipal-2016-2020-004.qsplan", NULL);
    }
  if (municipal_path == NULL || !g_file_test (municipal_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the sample plans (QS_SOURCE_DIR/resources/samples) are not available");
      return FALSE;
    }

  f->catalog = default_catalog ();
  f->municipal = qs_plan_xml_read_file (municipal_path, &error);
  g_assert_no_error (error);
  f->plans = g_list_store_new (QS_TYPE_PLAN);
  for (guint i = 0; i < G_N_ELEMENTS (sample_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, sample_files[i], NULL);
      g_autoptr(QsPlan) plan = qs_plan_xml_read_file (path, &error);

      g_assert_no_error (error);
      g_list_store_append (f->plans, plan);
    }
  requirements_path = g_build_filename (source, "resources", "requirements-chongqing-2016-2020.json", NULL);
  f->requirements = qs_requirement_list_new_from_file (requirements_path, &error);
  g_assert_no_error (error);

  f->matrix = qs_compare_matrix_new (f->catalog);
  qs_compare_matrix_set_requirements (f->matrix, G_LIST_MODEL (f->requirements));
  qs_compare_matrix_build (f->matrix, G_LIST_MODEL (f->plans), f->municipal);
  return TRUE;
}

static void
fixture_tear_down (Fixture *f)
{
  if (f->matrix != NULL)
    g_assert_finalize_object (f->matrix);
  g_clear_object (&f->requirements);
  g_clear_object (&f->plans);
  g_clear_object (&f->municipal);
  g_clear_object (&f->catalog);
}

static QsCompareRow *
row_of (QsCompareMatrix *matrix,
        const char      *id)
{
  QsCompareRow *row = qs_compare_matrix_find_row (matrix, id);

  g_assert_nonnull (row);
  return row;
}

/* The visible rows' ids, space-separated. */
static char *
visible_ids (QsCompareMatrix *matrix)
{
  GListModel *rows = qs_compare_matrix_get_rows (matrix);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", qs_compare_row_get_indicator_id (row));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_cell (QsCompareRow       *row,
             guint               plan,
             const char         *baseline,
             const char         *target,
             int                 status,   /* QsCheckStatus, or -1 for none */
             QsCompareCellFlags  flags)
{
  const QsCompareCell *cell = qs_compare_row_get_cell (row, plan);

  g_assert_cmpstr (cell->baseline, ==, baseline);
  g_assert_cmpstr (cell->target, ==, target);
  if (status < 0)
    g_assert_false (cell->has_status);
  else
    {
      g_assert_true (cell->has_status);
      g_assert_cmpint (cell->status, ==, status);
    }
  g_assert_cmpint (cell->flags, ==, flags);
}

/* Tests on the samples */

static void
test_columns_and_rows (void)
{
  Fixture f;

  if (!fixture_set_up (&f))
    return;

  g_assert_cmpuint (qs_compare_matrix_get_n_plans (f.matrix), ==, 3);
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, DADUKOU), ==, "大渡口区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, JIANGJIN), ==, "江津区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, QIANJIANG), ==, "黔江区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_district (f.matrix, QIANJIANG), ==, "黔江区");
  g_assert_true (qs_compare_matrix_get_municipal (f.matrix) == f.municipal);

  /* Every indicator any of the three has, plus the municipal binding ones. */
  g_assert_cmpuint (g_list_model_get_n_items (qs_compare_matrix_get_all_rows (f.matrix)), ==, 37);
  g_assert_cmpuint (g_list_model_get_n_items (qs_compare_matrix_get_rows (f.matrix)), ==, 37);
  g_assert_cmpuint (g_list_model_get_n_items (qs_compare_matrix_get_all_rows (f.matrix)), ==,
                    g_list_model_get_n_items (qs_compare_matrix_get_rows (f.matrix)));

  /* Rows go by field, each field once, in the order plans list them. */
  {
    GListModel *rows = qs_compare_matrix_get_rows (f.matrix);
    g_autoptr(GString) fields = g_string_new (NULL);
    const char *last = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, i);
        const char *field = qs_compare_row_get_field (row);

        if (g_strcmp0 (field, last) != 0)
          g_string_append_printf (fields, "%s%s", fields->len ? " " : "", field);
        last = field;
      }
    g_assert_cmpstr (fields->str, ==, "环境质量 污染减排 生态保护 绿色低碳 环境风险");
  }

  /* By name as well as by id; days and the ratio of days are two rows. */
  g_assert_true (qs_compare_matrix_find_row (f.matrix, "森林覆盖率") == row_of (f.matrix, "forest_coverage"));
  g_assert_nonnull (qs_compare_matrix_find_row (f.matrix, "good_air_days"));
  g_assert_nonnull (qs_compare_matrix_find_row (f.matrix, "good_air_days_ratio"));
  g_assert_null (qs_compare_matrix_find_row (f.matrix, "没有这个指标"));

  fixture_tear_down (&f);
}

static void
test_pm25 (void)
{
  Fixture f;
  QsCompareRow *row;
  const QsCompareCell *cell;

  if (!fixture_set_up (&f))
    return;

  row = row_of (f.matrix, "pm25_concentration");
  g_assert_cmpstr (qs_compare_row_get_name (row), ==, "细颗粒物（PM2.5）年均浓度");
  g_assert_cmpstr (qs_compare_row_get_field (row), ==, "环境质量");
  g_assert_cmpstr (qs_compare_row_get_attribute (row), ==, "约束性");
  g_assert_cmpstr (qs_compare_row_get_municipal_baseline (row), ==, "57");
  g_assert_cmpstr (qs_compare_row_get_municipal_target (row), ==, "45.6");
  /* 大渡口区 is in 主城九区, 江津区 and 黔江区 in the 18%–45% group. */
  g_assert_nonnull (strstr (qs_compare_row_get_requirement (row), "专栏3 主城九区及两江新区：较2015年下降20%以上"));
  g_assert_nonnull (strstr (qs_compare_row_get_requirement (row), "≤35"));

  /* 大渡口区 has no PM2.5 row although 专栏3 asks it for one. */
  assert_cell (row, DADUKOU, NULL, NULL, -1, QS_COMPARE_CELL_MISSING);
  cell = qs_compare_row_get_cell (row, DADUKOU);
  g_assert_nonnull (strstr (cell->reason, "缺少市级要求"));
  g_assert_null (cell->row);
  /* 江津区 ≤32 is the weakest, 黔江区 ≤28 the strictest; both meet ≤35. */
  assert_cell (row, JIANGJIN, "38", "≤32", QS_CHECK_MEETS, QS_COMPARE_CELL_WEAKEST);
  assert_cell (row, QIANJIANG, "28", "≤28", QS_CHECK_MEETS, QS_COMPARE_CELL_STRICTEST);
  cell = qs_compare_row_get_cell (row, JIANGJIN);
  g_assert_true (cell->has_level);
  g_assert_cmpfloat_with_epsilon (cell->level, 32, 1e-9);
  g_assert_nonnull (cell->row);
  g_assert_cmpstr (qs_indicator_row_get_unit (cell->row), !=, NULL);
  g_assert_nonnull (strstr (cell->required, "≤35"));

  fixture_tear_down (&f);
}

static void
test_cells_and_marks (void)
{
  Fixture f;
  QsCompareRow *row;

  if (!fixture_set_up (&f))
    return;

  /* 森林覆盖率: 大渡口区 33.67 → 32 is below its own baseline. */
  row = row_of (f.matrix, "forest_coverage");
  g_assert_cmpstr (qs_compare_row_get_municipal_target (row), ==, "46");
  assert_cell (row, DADUKOU, "33.67", "32", QS_CHECK_WEAKER_THAN_BASELINE, QS_COMPARE_CELL_WEAKEST);
  assert_cell (row, JIANGJIN, "51.8", "53.8", QS_CHECK_MEETS, QS_COMPARE_CELL_NONE);
  assert_cell (row, QIANJIANG, "65", "≥65", QS_CHECK_MEETS, QS_COMPARE_CELL_STRICTEST);
  g_assert_nonnull (strstr (qs_compare_row_get_cell (row, DADUKOU)->reason, "低于基准值 33.67"));

  /* Good-air days: 江津区 ≥320, 黔江区 ≥350 (below its baseline 355). */
  row = row_of (f.matrix, "good_air_days");
  assert_cell (row, DADUKOU, NULL, NULL, -1, QS_COMPARE_CELL_NONE);
  assert_cell (row, JIANGJIN, "311", "≥320", QS_CHECK_MEETS, QS_COMPARE_CELL_WEAKEST);
  assert_cell (row, QIANJIANG, "355", "≥350*", QS_CHECK_WEAKER_THAN_BASELINE, QS_COMPARE_CELL_STRICTEST);
  /* One figure alone is neither strictest nor weakest. */
  row = row_of (f.matrix, "good_air_days_ratio");
  assert_cell (row, DADUKOU, "88.25", "≥88", QS_CHECK_WEAKER_THAN_BASELINE, QS_COMPARE_CELL_NONE);

  /* Figures still to come from the municipality rank nowhere. */
  row = row_of (f.matrix, "energy_intensity_reduction");
  assert_cell (row, DADUKOU, "3", "由重庆市下达", QS_CHECK_PENDING, QS_COMPARE_CELL_NONE);
  assert_cell (row, JIANGJIN, "[22]", "由重庆市下达", QS_CHECK_PENDING, QS_COMPARE_CELL_NONE);
  assert_cell (row, QIANJIANG, "-", "完成市级下达目标", QS_CHECK_PENDING, QS_COMPARE_CELL_NONE);
  g_assert_false (qs_compare_row_get_cell (row, JIANGJIN)->has_level);

  /* 生态保护红线: 黔江区 25.76* falls short of 37; the others lack it. */
  row = row_of (f.matrix, "eco_redline_share");
  g_assert_cmpstr (qs_compare_row_get_municipal_target (row), ==, "37");
  assert_cell (row, DADUKOU, NULL, NULL, -1, QS_COMPARE_CELL_MISSING);
  assert_cell (row, JIANGJIN, NULL, NULL, -1, QS_COMPARE_CELL_MISSING);
  assert_cell (row, QIANJIANG, "25.76", "25.76*", QS_CHECK_FALLS_SHORT, QS_COMPARE_CELL_NONE);

  /* 建成区绿地率 is binding in the municipal table (captioned 约束性指标)
   * though 江津区 writes 预期性; 江津区 38 falls short of 38.9. */
  row = row_of (f.matrix, "builtup_green_land_ratio");
  g_assert_cmpstr (qs_compare_row_get_attribute (row), ==, "约束性");
  g_assert_true (qs_compare_row_get_binding (row));
  assert_cell (row, DADUKOU, NULL, NULL, -1, QS_COMPARE_CELL_MISSING);
  assert_cell (row, JIANGJIN, "37.06", "38", QS_CHECK_FALLS_SHORT, QS_COMPARE_CELL_NONE);
  assert_cell (row, QIANJIANG, NULL, NULL, -1, QS_COMPARE_CELL_NONE);
  g_assert_cmpstr (qs_compare_row_get_cell (row, JIANGJIN)->attribute, ==, "预期性");

  /* A municipal binding indicator nobody has: a row of missing cells. */
  row = row_of (f.matrix, "urban_sewage_treatment");
  g_assert_cmpstr (qs_compare_row_get_municipal_target (row), ==, "95");
  for (guint p = 0; p < 3; p++)
    assert_cell (row, p, NULL, NULL, -1, QS_COMPARE_CELL_MISSING);

  fixture_tear_down (&f);
}

static void
test_filters (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  GListModel *rows;

  if (!fixture_set_up (&f))
    return;
  rows = qs_compare_matrix_get_rows (f.matrix);

#define ASSERT_VISIBLE(expected) \
  G_STMT_START { \
    g_free (ids); \
    ids = visible_ids (f.matrix); \
    g_assert_cmpstr (ids, ==, expected); \
  } G_STMT_END

  qs_compare_matrix_set_field_filter (f.matrix, "环境质量");
  g_assert_cmpstr (qs_compare_matrix_get_field_filter (f.matrix), ==, "环境质量");
  ASSERT_VISIBLE ("good_air_days_ratio good_air_days pm25_concentration surface_water_good_ratio "
                  "water_section_exceedance_ratio yangtze_good_ratio yangtze_mainstream_class "
                  "tributary_water_class drinking_water_urban drinking_water_township farmland_soil_quality");

  g_assert_true (qs_compare_matrix_set_status_filter (f.matrix, "missing", &error));
  g_assert_no_error (error);
  ASSERT_VISIBLE ("pm25_concentration water_section_exceedance_ratio yangtze_mainstream_class "
                  "farmland_soil_quality");

  qs_compare_matrix_set_field_filter (f.matrix, NULL);
  g_assert_true (qs_compare_matrix_set_status_filter (f.matrix, "未达要求", &error));
  g_assert_cmpstr (qs_compare_matrix_get_status_filter (f.matrix), ==, "falls-short");
  ASSERT_VISIBLE ("eco_redline_share builtup_green_land_ratio");

  g_assert_true (qs_compare_matrix_set_status_filter (f.matrix, "weaker-than-baseline", &error));
  ASSERT_VISIBLE ("good_air_days_ratio good_air_days forest_coverage");

  g_assert_true (qs_compare_matrix_set_status_filter (f.matrix, "pending", &error));
  ASSERT_VISIBLE ("major_pollutants_reduction cod_reduction nh3n_reduction nox_reduction vocs_reduction "
                  "energy_intensity_reduction co2_intensity_reduction non_fossil_share");

  g_assert_true (qs_compare_matrix_set_status_filter (f.matrix, NULL, &error));
  g_assert_true (qs_compare_matrix_set_attribute_filter (f.matrix, "预期性", &error));
  ASSERT_VISIBLE ("water_section_exceedance_ratio drinking_water_township non_fossil_share "
                  "public_eco_participation");
  g_assert_true (qs_compare_matrix_set_attribute_filter (f.matrix, "binding", &error));
  g_assert_cmpstr (qs_compare_matrix_get_attribute_filter (f.matrix), ==, "约束性");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 33);

  /* Unknown words are errors and leave the filters as they were. */
  g_assert_false (qs_compare_matrix_set_status_filter (f.matrix, "excellent", &error));
  g_assert_error (error, QS_COMPARE_MATRIX_ERROR, QS_COMPARE_MATRIX_ERROR_UNKNOWN_STATUS);
  g_assert_nonnull (strstr (error->message, "falls-short"));
  g_clear_error (&error);
  g_assert_false (qs_compare_matrix_set_attribute_filter (f.matrix, "重要", &error));
  g_assert_error (error, QS_COMPARE_MATRIX_ERROR, QS_COMPARE_MATRIX_ERROR_UNKNOWN_ATTRIBUTE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 33);

  g_assert_true (qs_compare_matrix_set_attribute_filter (f.matrix, "", &error));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 37);
  /* The visible model is the same object throughout. */
  g_assert_true (rows == qs_compare_matrix_get_rows (f.matrix));

#undef ASSERT_VISIBLE
  fixture_tear_down (&f);
}

static void
test_sort_plans (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  QsCompareRow *row;

  if (!fixture_set_up (&f))
    return;

  /* PM2.5 strictest first: 黔江区 ≤28, 江津区 ≤32, then 大渡口区 without one. */
  g_assert_true (qs_compare_matrix_sort_plans (f.matrix, "pm25_concentration", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 0), ==, "黔江区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 1), ==, "江津区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 2), ==, "大渡口区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_district (f.matrix, 0), ==, "黔江区");
  {
    g_autoptr(QsPlan) qianjiang = g_list_model_get_item (G_LIST_MODEL (f.plans), QIANJIANG);

    g_assert_true (qs_compare_matrix_get_plan (f.matrix, 0) == qianjiang);
  }
  /* The cells moved with their plans, in every row. */
  row = row_of (f.matrix, "pm25_concentration");
  assert_cell (row, 0, "28", "≤28", QS_CHECK_MEETS, QS_COMPARE_CELL_STRICTEST);
  assert_cell (row, 2, NULL, NULL, -1, QS_COMPARE_CELL_MISSING);
  row = row_of (f.matrix, "forest_coverage");
  assert_cell (row, 0, "65", "≥65", QS_CHECK_MEETS, QS_COMPARE_CELL_STRICTEST);
  assert_cell (row, 2, "33.67", "32", QS_CHECK_WEAKER_THAN_BASELINE, QS_COMPARE_CELL_WEAKEST);

  g_assert_true (qs_compare_matrix_sort_plans (f.matrix, "细颗粒物(PM2.5)年平均浓度", TRUE, &error));
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 0), ==, "江津区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 1), ==, "黔江区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 2), ==, "大渡口区");

  /* Forest cover by its name: 黔江区 65, 江津区 53.8, 大渡口区 32. */
  g_assert_true (qs_compare_matrix_sort_plans (f.matrix, "森林覆盖率", FALSE, &error));
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 0), ==, "黔江区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 1), ==, "江津区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 2), ==, "大渡口区");

  g_assert_false (qs_compare_matrix_sort_plans (f.matrix, "没有这个指标", FALSE, &error));
  g_assert_error (error, QS_COMPARE_MATRIX_ERROR, QS_COMPARE_MATRIX_ERROR_UNKNOWN_INDICATOR);
  g_clear_error (&error);
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (f.matrix, 0), ==, "黔江区");

  fixture_tear_down (&f);
}

static void
test_exports (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(QsIndicatorTable) table = NULL;
  g_autoptr(QsPlan) printable = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *root, *row_object, *cell;
  JsonArray *rows;
  gsize length = 0;
  guint forest = G_MAXUINT;

  if (!fixture_set_up (&f))
    return;
  qs_compare_matrix_set_field_filter (f.matrix, "生态保护");

  /* CSV: BOM, CRLF, a header and one line per visible row. */
  csv = qs_compare_export_csv (f.matrix, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "领域,指标,指标编号,单位,指标属性,市级目标,市级要求,"
                                        "大渡口区基准值,大渡口区目标值,大渡口区对照结果,大渡口区标记,大渡口区说明,"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  g_assert_null (strstr (csv, "\n\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 7 + 1);   /* header, 7 rows, "" after the last */
  g_assert_cmpstr (lines[4], ==,
                   "生态保护,森林覆盖率,forest_coverage,%,约束性,46,,"
                   "33.67,32,弱于基准,最弱,目标 32 低于基准值 33.67，森林覆盖率越高越好；目标 32 低于市级目标 46，未达到要求,"
                   "51.8,53.8,符合,,目标 53.8 不低于市级目标 46，符合,"
                   "65,≥65,符合,最严,目标 ≥65 不低于市级目标 46，符合");

  /* JSON: the same rows and cells. */
  json = qs_compare_export_json_data (f.matrix, &length);
  g_assert_true (json_parser_load_from_data (parser, json, (gssize) length, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "qingshan-compare");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "plans")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "filters"), "field"), ==,
                   "生态保护");
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 7);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (rows, i), "indicator_id"),
                   "forest_coverage") == 0)
      forest = i;
  g_assert_cmpuint (forest, ==, 3);
  row_object = json_array_get_object_element (rows, forest);
  g_assert_cmpstr (json_object_get_string_member (row_object, "municipal_target"), ==, "46");
  g_assert_cmpstr (json_object_get_string_member (row_object, "better"), ==, "higher");
  cell = json_array_get_object_element (json_object_get_array_member (row_object, "cells"), DADUKOU);
  g_assert_cmpstr (json_object_get_string_member (cell, "plan"), ==, "大渡口区");
  g_assert_cmpstr (json_object_get_string_member (cell, "status"), ==, "weaker-than-baseline");
  g_assert_true (json_object_get_boolean_member (cell, "weakest"));
  g_assert_false (json_object_get_boolean_member (cell, "strictest"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cell, "level"), 32, 1e-9);

  /* The printable table: 6 fixed columns and one per plan. */
  table = qs_compare_export_table (f.matrix);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table))), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table))), ==, 7);
  g_assert_cmpstr (qs_indicator_table_get_caption (table), ==, "规划指标对照表（大渡口区、江津区、黔江区）");
  g_assert_cmpint (qs_indicator_table_find_column (table, QS_COLUMN_CATEGORY), ==, 0);
  g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (table, 3), 1), ==, "森林覆盖率");
  g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (table, 3), 6), ==,
                   "33.67 → 32\n弱于基准 ▼最弱");
  g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (table, 3), 8), ==,
                   "65 → ≥65\n符合 ▲最严");
  g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (table, 0), 6), ==, "缺失");
  g_assert_cmpuint (g_strv_length ((char **) qs_indicator_table_get_notes (table)), ==, 2);
  g_assert_nonnull (strstr (qs_indicator_table_get_notes (table)[1], "领域：生态保护"));

  printable = qs_compare_export_plan (f.matrix);
  {
    g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (printable);

    g_assert_cmpuint (tables->len, ==, 1);
  }
  g_assert_nonnull (strstr (qs_plan_get_title (printable), "重庆市生态文明建设"));

  fixture_tear_down (&f);
}

/* Tests on plans made in code */

static QsPlan *
made_plan (const char         *region,
           const char * const *rows)   /* name, unit, baseline, target; NULL-ended */
{
  static const char * const headers[] = { "指标", "单位", "2020年现状值", "2025年目标值" };
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "规划目标");
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (headers[c], -1);

      qs_indicator_table_insert_column (table, c, column);
    }
  for (guint r = 0; rows[r * 4] != NULL; r++)
    {
      g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();

      g_list_store_append (qs_indicator_table_get_rows (table), row);
      for (guint c = 0; c < 4; c++)
        qs_indicator_table_set_cell (table, r, c, rows[r * 4 + c]);
    }
  qs_indicator_table_set_label (table, "表1");
  qs_plan_set_region (plan, region);
  qs_plan_set_period (plan, 2021, 2025);
  g_list_store_append (qs_section_get_blocks (chapter), table);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return plan;
}

static void
test_units_and_quoting (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(QsCompareMatrix) matrix = qs_compare_matrix_new (catalog);
  g_autoptr(GListStore) plans = g_list_store_new (QS_TYPE_PLAN);
  const char * const a[] = { "森林蓄积量", "亿立方米", "0.1", "0.12", NULL };
  const char * const b[] = { "森林蓄积量", "万立方米", "900", "1000",
                             "森林覆盖率", "%", "40", "下降2个百分点", NULL };
  const char * const c[] = { "森林覆盖率", "%", "50", "保持", NULL };
  g_autoptr(QsPlan) plan_a = made_plan ("甲区", a);
  g_autoptr(QsPlan) plan_b = made_plan ("乙,\"丙\"区", b);
  g_autoptr(QsPlan) plan_c = made_plan ("甲区", c);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  QsCompareRow *row;

  g_list_store_append (plans, plan_a);
  g_list_store_append (plans, plan_b);
  g_list_store_append (plans, plan_c);
  qs_compare_matrix_build (matrix, G_LIST_MODEL (plans), NULL);

  /* No municipal plan: rows are what the plans have, nothing missing. */
  g_assert_cmpuint (g_list_model_get_n_items (qs_compare_matrix_get_rows (matrix)), ==, 2);
  g_assert_null (qs_compare_matrix_get_municipal (matrix));
  /* Two plans of one region are told apart. */
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (matrix, 0), ==, "甲区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (matrix, 2), ==, "甲区（2021-2025，2）");

  /* 0.12 亿立方米 is 1200 万立方米: stricter than 1000 万立方米. */
  row = qs_compare_matrix_find_row (matrix, "forest_stock");
  g_assert_nonnull (row);
  g_assert_cmpfloat_with_epsilon (qs_compare_row_get_cell (row, 0)->level, 1200, 1e-6);
  g_assert_cmpint (qs_compare_row_get_cell (row, 0)->flags, ==, QS_COMPARE_CELL_STRICTEST);
  g_assert_cmpint (qs_compare_row_get_cell (row, 1)->flags, ==, QS_COMPARE_CELL_WEAKEST);
  g_assert_cmpint (qs_compare_row_get_cell (row, 2)->flags, ==, QS_COMPARE_CELL_NONE);
  g_assert_null (qs_compare_row_get_municipal_target (row));
  g_assert_null (qs_compare_row_get_requirement (row));

  /* Changes are measured from each plan's baseline: 40 − 2 = 38 against
   * 保持 50; without a municipal plan the verdict is the baseline's. */
  row = qs_compare_matrix_find_row (matrix, "forest_coverage");
  g_assert_cmpfloat_with_epsilon (qs_compare_row_get_cell (row, 1)->level, 38, 1e-9);
  g_assert_cmpfloat_with_epsilon (qs_compare_row_get_cell (row, 2)->level, 50, 1e-9);
  g_assert_cmpint (qs_compare_row_get_cell (row, 1)->status, ==, QS_CHECK_WEAKER_THAN_BASELINE);
  g_assert_cmpint (qs_compare_row_get_cell (row, 1)->flags, ==, QS_COMPARE_CELL_WEAKEST);
  g_assert_cmpint (qs_compare_row_get_cell (row, 2)->flags, ==, QS_COMPARE_CELL_STRICTEST);

  g_assert_true (qs_compare_matrix_sort_plans (matrix, "forest_stock", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (matrix, 0), ==, "甲区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (matrix, 1), ==, "乙,\"丙\"区");
  g_assert_true (qs_compare_matrix_sort_plans (matrix, "forest_stock", TRUE, &error));
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (matrix, 0), ==, "乙,\"丙\"区");
  g_assert_cmpstr (qs_compare_matrix_get_plan_label (matrix, 1), ==, "甲区");
  /* Sorting by an indicator nobody compared here is an error of its own. */
  g_assert_false (qs_compare_matrix_sort_plans (matrix, "pm25_concentration", FALSE, &error));
  g_assert_error (error, QS_COMPARE_MATRIX_ERROR, QS_COMPARE_MATRIX_ERROR_UNKNOWN_INDICATOR);
  g_assert_nonnull (strstr (error->message, "都没有"));

  /* RFC 4180: a comma or quote in a field quotes it, quotes doubled. */
  csv = qs_compare_export_csv (matrix, NULL);
  g_assert_nonnull (strstr (csv, ",\"乙,\"\"丙\"\"区基准值\",\"乙,\"\"丙\"\"区目标值\","));
  g_assert_nonnull (strstr (csv, "\r\n生态保护,森林覆盖率,forest_coverage,%,约束性,,,40,下降2个百分点,弱于基准,最弱,"));
}

/* Many plans print as several tables, each with the indicator columns. */
static void
test_print_many (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(QsCompareMatrix) matrix = qs_compare_matrix_new (catalog);
  g_autoptr(GListStore) plans = g_list_store_new (QS_TYPE_PLAN);
  g_autoptr(QsPlan) printable = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  guint widths[3] = { 0 };

  for (guint i = 0; i < 17; i++)
    {
      g_autofree char *region = g_strdup_printf ("第%u区", i + 1);
      g_autofree char *target = g_strdup_printf ("%u", 40 + i);
      const char * const rows[] = { "森林覆盖率", "%", "40", target, NULL };
      g_autoptr(QsPlan) plan = made_plan (region, rows);

      g_list_store_append (plans, plan);
    }
  qs_compare_matrix_build (matrix, G_LIST_MODEL (plans), NULL);
  printable = qs_compare_export_plan (matrix);
  tables = qs_plan_collect_indicator_tables (printable);

  /* 17 plans, at most 6 to a table: 6 + 6 + 5. */
  g_assert_cmpuint (tables->len, ==, 3);
  for (guint t = 0; t < tables->len; t++)
    widths[t] = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (tables->pdata[t])));
  g_assert_cmpuint (widths[0], ==, 6 + 6);
  g_assert_cmpuint (widths[1], ==, 6 + 6);
  g_assert_cmpuint (widths[2], ==, 6 + 5);
  g_assert_cmpstr (qs_indicator_table_get_caption (tables->pdata[2]), ==, "规划指标对照表（第 13–17 个规划，共 17 个）");
  g_assert_cmpstr (qs_table_column_get_header (qs_indicator_table_get_column (tables->pdata[2], 6)), ==, "第13区");
  /* 第1区 40 is the weakest, 第17区 56 the strictest, wherever they print. */
  g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (tables->pdata[0], 0), 6), ==,
                   "40 → 40\n无要求 ▼最弱");
  g_assert_cmpstr (qs_indicator_row_get_cell (qs_indicator_table_get_row (tables->pdata[2], 0), 10), ==,
                   "40 → 56\n无要求 ▲最严");
}

/* The matrix is a GListModel of row objects a view can bind. */
static void
test_row_properties (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  QsCatalogEntry *entry = qs_catalog_lookup_id (catalog, "forest_coverage");
  g_autoptr(QsCompareRow) row = qs_compare_row_new (entry, 2);
  g_autofree char *name = NULL;
  g_autofree char *attribute = NULL;
  guint n_cells = 0;
  const QsCompareCell *cell;

  qs_compare_row_set_attribute (row, "约束性");
  qs_compare_row_set_municipal (row, "46", "45");
  g_object_get (row, "name", &name, "attribute", &attribute, "n-cells", &n_cells, NULL);
  g_assert_cmpstr (name, ==, "森林覆盖率");
  g_assert_cmpstr (attribute, ==, "约束性");
  g_assert_cmpuint (n_cells, ==, 2);

  qs_compare_row_edit_cell (row, 0)->target = g_strdup ("50");
  qs_compare_row_edit_cell (row, 1)->flags = QS_COMPARE_CELL_MISSING;
  qs_compare_row_reorder_cells (row, (const guint[]) { 1, 0 });
  cell = qs_compare_row_get_cell (row, 1);
  g_assert_cmpstr (cell->target, ==, "50");
  g_assert_true (qs_compare_row_has_missing (row));
  g_assert_false (qs_compare_row_has_status (row, QS_CHECK_MEETS));
  g_assert_cmpint (qs_compare_row_get_cell (row, 0)->flags, ==, QS_COMPARE_CELL_MISSING);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/columns-and-rows", test_columns_and_rows);
  g_test_add_func ("/compare/pm25", test_pm25);
  g_test_add_func ("/compare/cells-and-marks", test_cells_and_marks);
  g_test_add_func ("/compare/filters", test_filters);
  g_test_add_func ("/compare/sort-plans", test_sort_plans);
  g_test_add_func ("/compare/exports", test_exports);
  g_test_add_func ("/compare/units-and-quoting", test_units_and_quoting);
  g_test_add_func ("/compare/print-many", test_print_many);
  g_test_add_func ("/compare/row-properties", test_row_properties);

  return g_test_run ();
}
