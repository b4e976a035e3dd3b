/* test-catalog.c: the indicator catalog and the linker. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qs-catalog.h"
#include "qs-linker.h"
#include "qs-model.h"
#include "truth-plan.h"

static const char * const fields[] = { "环境质量", "污染减排", "生态保护", "绿色低碳", "环境风险" };

static QsCatalog *
default_catalog (void)
{
  g_autoptr(GError) error = NULL;
  QsCatalog *catalog = qs_catalog_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static void
test_default_entries (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  GListModel *entries = qs_catalog_get_entries (catalog);
  guint n = g_list_model_get_n_items (entries);

  g_assert_cmpuint (n, >=, 40);
  g_assert_cmpuint (qs_catalog_get_n_entries (catalog), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);
      const char *id = qs_catalog_entry_get_id (entry);
      const char *field = qs_catalog_entry_get_field (entry);
      gboolean known_field = FALSE;

      g_assert_true (qs_catalog_lookup_id (catalog, id) == entry);
      /* The canonical name and every alias find the entry itself. */
      g_assert_true (qs_catalog_lookup_name (catalog, qs_catalog_entry_get_name (entry)) == entry);
      for (const char * const *a = qs_catalog_entry_get_aliases (entry); *a; a++)
        {
          if (qs_catalog_lookup_name (catalog, *a) != entry)
            g_error ("alias “%s” of %s finds %s", *a, id,
                     qs_catalog_lookup_name (catalog, *a)
                     ? qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, *a)) : "nothing");
        }
      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        known_field = known_field || g_strcmp0 (field, fields[k]) == 0;
      if (!known_field)
        g_error ("%s: field “%s”", id, field);
      g_assert_nonnull (qs_catalog_entry_get_unit (entry));
      for (const char * const *r = qs_catalog_entry_get_related (entry); *r; r++)
        g_assert_nonnull (qs_catalog_lookup_id (catalog, *r));
      for (guint k = 0; k < qs_catalog_entry_get_n_conversions (entry); k++)
        g_assert_nonnull (qs_catalog_lookup_id (catalog, qs_catalog_entry_get_conversion (entry, k, NULL)));
    }

  /* The ids the rest of Qingshan names. */
  g_assert_nonnull (qs_catalog_lookup_id (catalog, "pm25_concentration"));
  g_assert_nonnull (qs_catalog_lookup_id (catalog, "forest_coverage"));
  g_assert_nonnull (qs_catalog_lookup_id (catalog, "good_air_days_ratio"));
  g_assert_nonnull (qs_catalog_lookup_id (catalog, "good_air_days"));
  g_assert_cmpint (qs_catalog_entry_get_better (qs_catalog_lookup_id (catalog, "pm25_concentration")), ==,
                   QS_BETTER_LOWER);
  g_assert_cmpint (qs_catalog_entry_get_better (qs_catalog_lookup_id (catalog, "forest_coverage")), ==,
                   QS_BETTER_HIGHER);
  g_assert_cmpint (qs_catalog_entry_get_better (qs_catalog_lookup_id (catalog, "energy_intensity_reduction")), ==,
                   QS_BETTER_REDUCTION);
  g_assert_cmpint (qs_catalog_entry_get_better (qs_catalog_lookup_id (catalog, "yangtze_mainstream_class")), ==,
                   QS_BETTER_WATER_CLASS);
  g_assert_true (qs_catalog_entry_get_binding (qs_catalog_lookup_id (catalog, "forest_coverage")));
  g_assert_false (qs_catalog_entry_get_binding (qs_catalog_lookup_id (catalog, "good_air_days")));
}

static void
assert_same_key (QsCatalog  *catalog,
                 const char *a,
                 const char *b)
{
  g_autofree char *ka = qs_catalog_normalise_name (catalog, a);
  g_autofree char *kb = qs_catalog_normalise_name (catalog, b);

  if (strcmp (ka, kb) != 0)
    g_error ("“%s” → “%s” but “%s” → “%s”", a, ka, b, kb);
}

static void
test_normalise (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autofree char *bracket = NULL;

  assert_same_key (catalog, "5.空气质量优良天数比率〔2〕（%）", "空气质量优良天数比率");
  assert_same_key (catalog, "1．生态保护红线占幅员面积的比例（%）", "生态保护红线面积占比");
  assert_same_key (catalog, "生态保护红线占国土面积比例 (%) *", "生态保护红线占辖区面积的比例(%)");
  assert_same_key (catalog, "单位GDP能源消耗降低（%）", "单位地区生产总值能耗降低");
  assert_same_key (catalog, "单位GDP能耗下降率(%)", "单位地区生产总值能耗降低");
  assert_same_key (catalog, "细颗粒物 (PM _{2.5}) 年平均浓度", "细颗粒物（PM2.5）年均浓度");
  assert_same_key (catalog, "城市集中式饮用水水源地水质达标率", "城市集中式饮用水源地水质达标率(%)");
  assert_same_key (catalog, "危险废弃物安全处置率 (%)", "危险废物安全处置率");
  assert_same_key (catalog, "环境空气质量优良天数比例", "空气质量优良天数比率");
  assert_same_key (catalog, "其中:阿蓬江", "阿蓬江");
  assert_same_key (catalog, "14．城镇生活垃圾无害化处理率（%）", "城镇生活垃圾无害化处理率");
  assert_same_key (catalog, "(3)森林覆盖率", "森林覆盖率");
  assert_same_key (catalog, "一、森林覆盖率", "森林覆盖率");
  /* A bracket holding a list or a decimal is part of the name. */
  bracket = qs_catalog_normalise_name (catalog, "主要污染物(SO2、PM10、PM2.5、NO2)年均浓度(μg/m3");
  g_assert_nonnull (strstr (bracket, "(so2"));
  g_assert_null (strstr (bracket, "μg"));

  g_assert_true (qs_catalog_lookup_name (catalog, "城区环境空气质量优良天数(API)") ==
                 qs_catalog_lookup_id (catalog, "good_air_days"));
  g_assert_true (qs_catalog_lookup_name (catalog, "单位地 GDP 能耗降低 (%)") ==
                 qs_catalog_lookup_id (catalog, "energy_intensity_reduction"));
  g_assert_null (qs_catalog_lookup_name (catalog, "城市"));
  g_assert_null (qs_catalog_lookup_name (catalog, ""));
}

static void
test_units (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autofree char *pm = qs_catalog_normalise_unit (catalog, "ug/m ³");
  g_autofree char *pm2 = qs_catalog_normalise_unit (catalog, "微克/立方米");
  g_autofree char *pm3 = qs_catalog_normalise_unit (catalog, "μg/m3");
  g_autofree char *tonnes = qs_catalog_normalise_unit (catalog, "t");
  double out = 0;

  g_assert_cmpstr (pm, ==, "μg/m³");
  g_assert_cmpstr (pm2, ==, "μg/m³");
  g_assert_cmpstr (pm3, ==, "μg/m³");
  g_assert_cmpstr (tonnes, ==, "吨");
  g_assert_null (qs_catalog_normalise_unit (catalog, NULL));

  g_assert_true (qs_catalog_convert_unit (catalog, 2.4, "亿立方米", "万立方米", &out));
  g_assert_cmpfloat_with_epsilon (out, 24000, 1e-9);
  g_assert_true (qs_catalog_convert_unit (catalog, 24000, "万立方米", "亿立方米", &out));
  g_assert_cmpfloat_with_epsilon (out, 2.4, 1e-9);
  /* Two steps: 平方公里 → 公顷 → 亩 */
  g_assert_true (qs_catalog_convert_unit (catalog, 1, "平方公里", "亩", &out));
  g_assert_cmpfloat_with_epsilon (out, 1500, 1e-9);
  g_assert_true (qs_catalog_convert_unit (catalog, 17, "万吨", "t", &out));
  g_assert_cmpfloat_with_epsilon (out, 170000, 1e-9);
  g_assert_true (qs_catalog_convert_unit (catalog, 36, "微克/立方米", "ug/m ³", &out));
  g_assert_cmpfloat_with_epsilon (out, 36, 1e-9);
  g_assert_false (qs_catalog_convert_unit (catalog, 10, "%", "吨", &out));
}

static void
test_days_ratio (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  double out = 0;

  /* days = ratio/100 × days in the year */
  g_assert_true (qs_catalog_convert_between (catalog, "good_air_days_ratio", "good_air_days", 88, 2025, &out));
  g_assert_cmpfloat_with_epsilon (out, 321.2, 1e-9);
  g_assert_true (qs_catalog_convert_between (catalog, "good_air_days_ratio", "good_air_days", 88, 2020, &out));
  g_assert_cmpfloat_with_epsilon (out, 322.08, 1e-9);
  g_assert_true (qs_catalog_convert_between (catalog, "good_air_days", "good_air_days_ratio", 311, 2020, &out));
  g_assert_cmpfloat_with_epsilon (out, 311.0 / 366 * 100, 1e-9);
  g_assert_false (qs_catalog_convert_between (catalog, "pm25_concentration", "good_air_days", 1, 2020, &out));
  g_assert_true (qs_catalog_are_related (catalog, "good_air_days", "good_air_days_ratio"));
  g_assert_true (qs_catalog_are_related (catalog, "pm25_reduction_rate", "pm25_concentration"));
  g_assert_false (qs_catalog_are_related (catalog, "forest_coverage", "pm25_concentration"));
}

static QsIndicatorRow *
row_from_truth (JsonObject *ro)
{
  QsIndicatorRow *row = qs_indicator_row_new ();

  qs_indicator_row_set_name (row, truth_string (ro, "name"));
  qs_indicator_row_set_indicator (row, truth_string (ro, "indicator"));
  qs_indicator_row_set_unit (row, truth_string (ro, "unit"));
  qs_indicator_row_set_parent (row, truth_string (ro, "parent"));
  return row;
}

/* Every indicator row of the four seeds' truth links to an entry. */
static void
test_truth_rows_link (void)
{
  static const char * const seeds[] = { TRUTH_000, TRUTH_001, TRUTH_002, TRUTH_004 };
  g_autoptr(QsCatalog) catalog = default_catalog ();
  guint total = 0, failed = 0;

  if (!truth_available ())
    {
      g_test_skip ("../shared (sample plans and truth) is not available");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autoptr(JsonParser) parser = truth_load (seeds[s]);
      JsonArray *tables = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                        "indicator_tables");

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          JsonArray *rows = json_object_get_array_member (table, "rows");

          for (guint r = 0; r < json_array_get_length (rows); r++)
            {
              JsonObject *ro = json_array_get_object_element (rows, r);
              g_autoptr(QsIndicatorRow) row = row_from_truth (ro);

              total++;
              if (!qs_linker_link_row (catalog, row, QS_LINK_DEFAULT))
                {
                  failed++;
                  g_test_message ("%s %s row %u not linked: name “%s”, indicator “%s”, parent “%s”",
                                  seeds[s], truth_string (table, "id"), r + 1, truth_string (ro, "name"),
                                  truth_string (ro, "indicator"), truth_string (ro, "parent"));
                }
            }
        }
    }
  g_test_message ("%u truth rows, %u unlinked", total, failed);
  g_assert_cmpuint (total, >, 100);
  g_assert_cmpuint (failed, ==, 0);
}

/* The crosswalk groups indicators that appear under different names: its
 * members link to one entry, or to entries the catalog declares related. */
static void
test_crosswalk (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(JsonParser) parser = truth_load ("indicator_crosswalk.json");
  JsonArray *groups;
  guint checked = 0;

  if (parser == NULL)
    {
      g_test_skip ("../shared (sample plans and truth) is not available");
      return;
    }

  groups = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "groups");
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);
      JsonArray *members = json_object_get_array_member (group, "members");
      const char *first = NULL;

      for (guint m = 0; m < json_array_get_length (members); m++)
        {
          JsonObject *member = json_array_get_object_element (members, m);
          g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
          QsCatalogEntry *entry;

          qs_indicator_row_set_name (row, truth_string (member, "raw_name"));
          qs_indicator_row_set_indicator (row, truth_string (member, "indicator"));
          qs_indicator_row_set_parent (row, truth_string (member, "parent"));
          entry = qs_linker_find_entry (catalog, row);
          if (entry == NULL)
            g_error ("crosswalk %s: “%s” does not link", truth_string (group, "id"),
                     truth_string (member, "raw_name"));
          if (first == NULL)
            first = qs_catalog_entry_get_id (entry);
          else if (!qs_catalog_are_related (catalog, first, qs_catalog_entry_get_id (entry)))
            g_error ("crosswalk %s: “%s” links to %s, unrelated to %s", truth_string (group, "id"),
                     truth_string (member, "raw_name"), qs_catalog_entry_get_id (entry), first);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 50);
}

static void
test_link_plan (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(QsPlan) plan = truth_build_plan (TRUTH_002);
  g_autoptr(GPtrArray) unlinked = NULL;
  QsIndicatorTable *table;
  QsIndicatorRow *row;
  guint linked;

  if (plan == NULL)
    {
      g_test_skip ("../shared (sample plans and truth) is not available");
      return;
    }

  linked = qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, &unlinked);
  g_assert_cmpuint (unlinked->len, ==, 0);
  g_assert_cmpuint (linked, ==, 21 + 21);

  table = truth_find_table (plan, "表2-1");
  g_assert_nonnull (table);
  /* 其中：阿蓬江 under 地表水水质 */
  row = qs_indicator_table_get_row (table, 6);
  g_assert_cmpstr (qs_indicator_row_get_indicator_id (row), ==, "tributary_water_class");
  row = qs_indicator_table_get_row (table, 3);
  g_assert_cmpstr (qs_indicator_row_get_indicator_id (row), ==, "good_air_days");

  /* A link set by hand survives relinking, unless replaced. */
  qs_indicator_row_set_indicator_id (row, "good_air_days_ratio");
  qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, NULL);
  g_assert_cmpstr (qs_indicator_row_get_indicator_id (row), ==, "good_air_days_ratio");
  qs_linker_link_plan (catalog, plan, QS_LINK_REPLACE, NULL);
  g_assert_cmpstr (qs_indicator_row_get_indicator_id (row), ==, "good_air_days");
}

static void
test_sub_rows (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  static const struct { const char *parent, *name, *id; } cases[] = {
    { "13.主要污染物排放总量减少（%）〔4〕", "化学需氧量", "cod_reduction" },
    { "主要污染物排放总量削减率 (%)", "总磷", "tp_reduction" },
    { "主要污染物排放总量减少", "烟（粉）尘", "dust_reduction" },
    { "集中式饮用水源地水质达标率", "乡镇*", "drinking_water_township" },
    { "生活污水集中处理率", "城市", "urban_sewage_treatment" },
    { "污水集中处理率", "乡镇", "township_sewage_treatment" },
    { "环境噪声平均值 (分贝)", "道路", "noise_road" },
    { "地表水水质(类别)", "其中:阿蓬江", "tributary_water_class" },
    { "森林增长", "森林覆盖率（%）", "forest_coverage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
      QsCatalogEntry *entry;

      qs_indicator_row_set_name (row, cases[i].name);
      qs_indicator_row_set_parent (row, cases[i].parent);
      entry = qs_linker_find_entry (catalog, row);
      g_assert_nonnull (entry);
      g_assert_cmpstr (qs_catalog_entry_get_id (entry), ==, cases[i].id);
    }
}

static void
test_extend (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(QsCatalogEntry) entry = qs_catalog_entry_new ("soil_organic_matter", "土壤有机质含量");
  g_autoptr(QsCatalogEntry) clash = qs_catalog_entry_new ("forest_cover_2", "森林覆盖率");
  g_autoptr(QsCatalogEntry) again = qs_catalog_entry_new ("soil_organic_matter", "别的名字");
  g_autoptr(GError) error = NULL;
  guint n = qs_catalog_get_n_entries (catalog);
  const char *user =
    "{\"indicators\": ["
    "  {\"id\": \"forest_coverage\", \"aliases\": [\"林木覆盖率\"]},"
    "  {\"id\": \"river_chief_rate\", \"name\": \"河长制落实率\", \"unit\": \"%\","
    "   \"better\": \"higher\", \"field\": \"环境质量\", \"binding\": false}],"
    " \"name_variants\": [[\"落实率\", \"执行率\"]]}";

  qs_catalog_entry_add_alias (entry, "土壤有机质");
  qs_catalog_entry_set_better (entry, QS_BETTER_HIGHER);
  g_assert_true (qs_catalog_add_entry (catalog, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (qs_catalog_get_n_entries (catalog), ==, n + 1);
  g_assert_true (qs_catalog_lookup_name (catalog, "土壤有机质（%）") == entry);

  g_assert_false (qs_catalog_add_entry (catalog, again, &error));
  g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (qs_catalog_add_entry (catalog, clash, &error));
  g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (qs_catalog_get_n_entries (catalog), ==, n + 1);

  /* A user's extension: a new alias on an entry, a new entry, a variant. */
  g_assert_true (qs_catalog_merge_json (catalog, user, -1, "user.json", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (qs_catalog_get_n_entries (catalog), ==, n + 2);
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "林木覆盖率（%）")), ==,
                   "forest_coverage");
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "河长制执行率")), ==,
                   "river_chief_rate");
  /* The built-in names still work after the variant re-indexed them. */
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "规划环评执行率")), ==,
                   "planning_eia_rate");

  /* A user's alias held by another entry moves, and stays moved when
   * the names are indexed again. */
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "城市垃圾无害化处理率")), ==,
                   "urban_waste_harmless");
  g_assert_true (qs_catalog_merge_json (catalog, "{\"indicators\": [{\"id\": \"domestic_waste_harmless\","
                                                 " \"aliases\": [\"城市垃圾无害化处理率\"]}]}",
                                        -1, "move.json", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "城市垃圾无害化处理率(%)")), ==,
                   "domestic_waste_harmless");
  qs_catalog_add_name_variant (catalog, "垃圾无害化处置率", "垃圾无害化处理率");
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "城市垃圾无害化处理率")), ==,
                   "domestic_waste_harmless");
  g_assert_false (g_strv_contains (qs_catalog_entry_get_aliases (qs_catalog_lookup_id (catalog, "urban_waste_harmless")),
                                   "城市垃圾无害化处理率"));

  /* A bad extension changes nothing. */
  g_assert_false (qs_catalog_merge_json (catalog, "{\"indicators\": [{\"id\": \"x_new\", \"name\": \"某指标\"},"
                                                  " {\"id\": \"forest_coverage\", \"better\": \"sideways\"}]}",
                                         -1, "bad.json", &error));
  g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_clear_error (&error);
  g_assert_null (qs_catalog_lookup_id (catalog, "x_new"));
  g_assert_cmpint (qs_catalog_entry_get_better (qs_catalog_lookup_id (catalog, "forest_coverage")), ==,
                   QS_BETTER_HIGHER);

  g_assert_false (qs_catalog_merge_json (catalog, "{\"indicators\": [", -1, "broken.json", &error));
  g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_PARSE);
  g_clear_error (&error);

  /* Linking by hand: the alias moves when asked to. */
  g_assert_false (qs_catalog_add_alias (catalog, "good_air_days", "空气质量优良天数比率", FALSE, &error));
  g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (qs_catalog_add_alias (catalog, "good_air_days", "空气质量优良天数比率", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "空气质量优良天数比率")), ==,
                   "good_air_days");
  g_assert_true (qs_catalog_add_alias (catalog, "forest_coverage", "绿化率（林业口径）", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qs_catalog_entry_get_id (qs_catalog_lookup_name (catalog, "绿化率（林业口径）")), ==,
                   "forest_coverage");
  g_assert_false (qs_catalog_add_alias (catalog, "no_such_id", "某某", FALSE, &error));
  g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_NOT_FOUND);
}

static void
test_round_trip (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(QsCatalog) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *data = qs_catalog_to_json_data (catalog, &length);
  GListModel *entries = qs_catalog_get_entries (catalog);

  bytes = g_bytes_new_take (data, length);
  copy = qs_catalog_new_from_bytes (bytes, "copy.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qs_catalog_get_n_entries (copy), ==, qs_catalog_get_n_entries (catalog));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);
      QsCatalogEntry *other = qs_catalog_lookup_id (copy, qs_catalog_entry_get_id (entry));

      g_assert_nonnull (other);
      g_assert_cmpstr (qs_catalog_entry_get_name (other), ==, qs_catalog_entry_get_name (entry));
      g_assert_cmpint (qs_catalog_entry_get_better (other), ==, qs_catalog_entry_get_better (entry));
      g_assert_true (g_strv_equal (qs_catalog_entry_get_aliases (other), qs_catalog_entry_get_aliases (entry)));
      g_assert_cmpuint (qs_catalog_entry_get_n_sub_rows (other), ==, qs_catalog_entry_get_n_sub_rows (entry));
      for (const char * const *a = qs_catalog_entry_get_aliases (entry); *a; a++)
        g_assert_true (qs_catalog_lookup_name (copy, *a) == other);
    }
}

static void
test_bad_catalogs (void)
{
  static const struct { const char *json; int code; } cases[] = {
    { "[]", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": {}}", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"name\": \"无id\"}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": \"Bad Id\", \"name\": \"甲\"}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": \"a\"}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": \"a\", \"name\": \"甲\", \"aliases\": \"乙\"}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": \"a\", \"name\": \"甲\", \"binding\": \"yes\"}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": \"a\", \"name\": \"甲\", \"sub_rows\": [{\"parents\": [\"乙\"]}]}]}",
      QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": \"a\", \"name\": \"甲\", \"conversions\": [{\"to\": \"b\", \"kind\": \"x\"}]}]}",
      QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": \"a\", \"name\": \"甲\"}, {\"id\": \"a\", \"name\": \"乙\"}]}",
      QS_CATALOG_ERROR_DUPLICATE },
    { "{\"indicators\": [{\"id\": \"a\", \"name\": \"甲（%）\"}, {\"id\": \"b\", \"name\": \"乙\", \"aliases\": [\"1.甲\"]}]}",
      QS_CATALOG_ERROR_DUPLICATE },
    { "{\"unit_factors\": [{\"from\": \"吨\", \"to\": \"万吨\", \"factor\": 0}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"name_variants\": [[\"甲\"]]}", QS_CATALOG_ERROR_INVALID },
    { "{\"name_variants\": [[{}, \"甲\"]]}", QS_CATALOG_ERROR_INVALID },
    { "{\"units\": [{\"unit\": {}}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"units\": [{\"unit\": \"吨\", \"aliases\": [[]]}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"unit_factors\": [{\"from\": [], \"to\": \"万吨\", \"factor\": 2}]}", QS_CATALOG_ERROR_INVALID },
    { "{\"indicators\": [{\"id\": {}, \"name\": \"甲\"}]}", QS_CATALOG_ERROR_INVALID },
    { "not json", QS_CATALOG_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(QsCatalog) catalog = qs_catalog_new_from_bytes (bytes, "case.json", &error);

      if (catalog != NULL)
        g_error ("accepted: %s", cases[i].json);
      g_assert_error (error, QS_CATALOG_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "case.json"));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QsCatalog) catalog = qs_catalog_new_from_file ("/nonexistent/catalog.json", &error);

    g_assert_null (catalog);
    g_assert_error (error, QS_CATALOG_ERROR, QS_CATALOG_ERROR_IO);
  }
}

/* The catalog in the source tree is the one compiled in. */
static void
test_source_file (void)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(QsCatalog) from_file = NULL;
  g_autoptr(QsCatalog) builtin = default_catalog ();
  g_autoptr(GError) error = NULL;

  if (source == NULL)
    {
      g_test_skip ("QS_SOURCE_DIR is not set");
      return;
    }
  path = g_build_filename (source, "resources", "catalog.json", NULL);
  from_file = qs_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qs_catalog_get_n_entries (from_file), ==, qs_catalog_get_n_entries (builtin));
}

/* An imported plan links without help, once the importer reads the seeds. */
static void
test_import_links (void)
{
  static const char * const seeds[] = { TRUTH_000, TRUTH_001, TRUTH_002, TRUTH_004 };
  g_autofree char *dir = truth_shared_dir ();
  g_autoptr(QsCatalog) catalog = default_catalog ();
  guint imported = 0;

  if (dir == NULL)
    {
      g_test_skip ("../shared (sample plans and truth) is not available");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *file = g_strconcat (seeds[s], ".txt", NULL);
      g_autofree char *path = g_build_filename (dir, "seeds", file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(QsPlan) plan = qs_import_text_file (path, NULL, &error);
      g_autoptr(GPtrArray) unlinked = NULL;
      g_autoptr(GPtrArray) tables = NULL;

      if (plan == NULL)
        {
          g_test_message ("%s: not imported (%s)", seeds[s], error ? error->message : "no error");
          continue;
        }
      tables = qs_plan_collect_indicator_tables (plan);
      if (tables->len == 0)
        {
          g_test_message ("%s: the importer found no indicator tables yet", seeds[s]);
          continue;
        }
      imported++;
      g_test_message ("%s: %u tables, %u rows linked", seeds[s], tables->len,
                      qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, &unlinked));
      for (guint i = 0; i < unlinked->len; i++)
        g_test_message ("%s: unlinked row “%s” (parent “%s”)", seeds[s],
                        qs_indicator_row_get_name (unlinked->pdata[i]),
                        qs_indicator_row_get_parent (unlinked->pdata[i]));
      g_assert_cmpuint (unlinked->len, ==, 0);
    }
  if (imported == 0)
    g_test_skip ("the importer does not read the seeds' indicator tables yet");
}

int
main (int    argc,
      char **argv)
{
  /* Messages name Chinese indicators: print them as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/default-entries", test_default_entries);
  g_test_add_func ("/catalog/normalise", test_normalise);
  g_test_add_func ("/catalog/units", test_units);
  g_test_add_func ("/catalog/days-ratio", test_days_ratio);
  g_test_add_func ("/catalog/truth-rows-link", test_truth_rows_link);
  g_test_add_func ("/catalog/crosswalk", test_crosswalk);
  g_test_add_func ("/catalog/link-plan", test_link_plan);
  g_test_add_func ("/catalog/sub-rows", test_sub_rows);
  g_test_add_func ("/catalog/extend", test_extend);
  g_test_add_func ("/catalog/round-trip", test_round_trip);
  g_test_add_func ("/catalog/bad-catalogs", test_bad_catalogs);
  g_test_add_func ("/catalog/source-file", test_source_file);
  g_test_add_func ("/catalog/import-links", test_import_links);

  return g_test_run ();
}
