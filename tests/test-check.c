/* test-check.c: municipal requirements and the check of district plans. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "qs-catalog.h"
#include "qs-check.h"
#include "qs-district-group.h"
#include "qs-linker.h"
#include "qs-model.h"
#include "qs-requirement.h"
#include "truth-plan.h"

/* Fixtures */

static QsCatalog *
default_catalog (void)
{
  g_autoptr(GError) error = NULL;
  QsCatalog *catalog = qs_catalog_new_default (&error);

  g_assert_no_error (error);
  return catalog;
}

/* How the requirements of 004 专栏3, 专栏4, 专栏5 and 专栏8 read as
 * QsRequirement objects, keyed by the truth's district_requirements id.
 * The districts come from the truth file itself. */
typedef struct
{
  int                truth_id;
  QsRequirementKind  kind;
  const char        *indicators[3];
  const char        *figure;
  int                base_year;
  int                year;
} TruthRequirement;

static const TruthRequirement truth_requirements[] = {
  /* 专栏3: PM2.5 */
  { 5, QS_REQUIREMENT_CHANGE, { "pm25_concentration" }, "下降20%以上", 2015, 2020 },
  { 6, QS_REQUIREMENT_CHANGE, { "pm25_concentration" }, "下降", 2015, 2020 },
  { 7, QS_REQUIREMENT_ABSOLUTE_BOUND, { "pm25_concentration" }, "≤35", 0, 2020 },
  { 8, QS_REQUIREMENT_ABSOLUTE_BOUND, { "pm25_concentration" }, "≤35", 0, 2025 },
  { 8, QS_REQUIREMENT_CHANGE, { "pm25_concentration" }, "下降", 2015, 2020 },
  /* 专栏4: atmospheric emission totals */
  { 9, QS_REQUIREMENT_CHANGE, { "so2_reduction", "nox_reduction" }, "下降", 2015, 2020 },
  { 10, QS_REQUIREMENT_CHANGE, { "so2_reduction", "nox_reduction" }, "下降", 2015, 2020 },
  { 11, QS_REQUIREMENT_CHANGE, { "so2_reduction", "nox_reduction" }, "下降", 2015, 2020 },
  { 12, QS_REQUIREMENT_CHANGE, { "so2_reduction", "nox_reduction" }, "下降", 2015, 2020 },
  { 13, QS_REQUIREMENT_CHANGE, { "so2_reduction", "nox_reduction" }, "下降", 2015, 2020 },
  /* 专栏5: water quality */
  { 14, QS_REQUIREMENT_KEEP_BASELINE, { "surface_water_good_ratio" }, NULL, 0, 2020 },
  { 15, QS_REQUIREMENT_ABSOLUTE_BOUND, { "water_section_exceedance_ratio" }, "≤0", 0, 2020 },
  { 16, QS_REQUIREMENT_CHANGE, { "water_section_exceedance_ratio" }, "下降10个百分点", 2015, 2020 },
  { 17, QS_REQUIREMENT_CHANGE, { "water_section_exceedance_ratio" }, "下降50%以上", 2015, 2020 },
  /* 专栏8: water emission totals */
  { 22, QS_REQUIREMENT_CHANGE, { "cod_reduction", "nh3n_reduction" }, "下降", 2015, 2020 },
  { 23, QS_REQUIREMENT_CHANGE, { "cod_reduction", "nh3n_reduction" }, "下降", 2015, 2020 },
  { 24, QS_REQUIREMENT_CHANGE, { "cod_reduction", "nh3n_reduction" }, "下降", 2015, 2020 },
  { 25, QS_REQUIREMENT_CHANGE, { "cod_reduction", "nh3n_reduction" }, "下降", 2015, 2020 },
};

static JsonObject *
truth_district_requirement (JsonParser *parser,
                            int         id)
{
  JsonArray *list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "district_requirements");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);

      if (json_object_get_int_member (o, "id") == id)
        return o;
    }
  g_assert_not_reached ();
  return NULL;
}

static GStrv
truth_districts (JsonObject *requirement)
{
  JsonArray *array = json_object_get_array_member (requirement, "districts");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

/* The requirements of 004 built from the truth, or NULL when ../shared
 * is absent. */
static GListStore *
requirements_from_truth (void)
{
  g_autoptr(JsonParser) parser = truth_load (TRUTH_004);
  GListStore *store;

  if (parser == NULL)
    return NULL;
  store = g_list_store_new (QS_TYPE_REQUIREMENT);
  for (guint i = 0; i < G_N_ELEMENTS (truth_requirements); i++)
    {
      const TruthRequirement *tr = &truth_requirements[i];
      JsonObject *o = truth_district_requirement (parser, tr->truth_id);
      g_auto(GStrv) districts = truth_districts (o);
      g_autofree char *group_id = g_strdup_printf ("truth-%d", tr->truth_id);
      g_autoptr(QsDistrictGroup) group =
        qs_district_group_new (group_id, json_object_get_string_member (o, "topic"),
                               (const char * const *) districts);

      qs_district_group_set_source (group, json_object_get_string_member (o, "source"));
      for (guint k = 0; k < G_N_ELEMENTS (tr->indicators) && tr->indicators[k] != NULL; k++)
        {
          g_autoptr(QsRequirement) r = qs_requirement_new (tr->indicators[k], tr->kind, tr->figure);
          g_autofree char *id = g_strdup_printf ("truth-%d-%s-%u", tr->truth_id, tr->indicators[k], i);

          qs_requirement_set_id (r, id);
          qs_requirement_set_group (r, group);
          qs_requirement_set_base_year (r, tr->base_year);
          qs_requirement_set_year (r, tr->year);
          qs_requirement_set_source (r, json_object_get_string_member (o, "source"));
          g_list_store_append (store, r);
        }
    }
  return store;
}

static GListStore *
requirements_from_data_file (void)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *store;

  g_assert_nonnull (source);
  path = g_build_filename (source, "resources", "requirements-chongqing-2016-2020.json", NULL);
  store = qs_requirement_list_new_from_file (path, &error);
  g_assert_no_error (error);
  return store;
}

typedef struct
{
  QsCatalog *catalog;
  QsPlan    *municipal;
  QsPlan    *plans[3];   /* 000 大渡口区, 001 江津区, 002 黔江区 */
} Fixture;

static gboolean
fixture_set_up (Fixture *fixture)
{
  static const char * const seeds[] = { TRUTH_000, TRUTH_001, TRUTH_002 };

  memset (fixture, 0, sizeof *fixture);
  fixture->municipal = truth_build_plan (TRUTH_004);
  if (fixture->municipal == NULL)
    {
      g_test_skip ("../shared (sample plans and truth) is not available");
      return FALSE;
    }
  fixture->catalog = default_catalog ();
  qs_linker_link_plan (fixture->catalog, fixture->municipal, QS_LINK_DEFAULT, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      fixture->plans[i] = truth_build_plan (seeds[i]);
      qs_linker_link_plan (fixture->catalog, fixture->plans[i], QS_LINK_DEFAULT, NULL);
    }
  return TRUE;
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->municipal);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->plans); i++)
    g_clear_object (&fixture->plans[i]);
}

/* The row finding of table @label, row @row (0-based); borrowed. */
static QsCheckFinding *
row_finding (QsCheck    *check,
             const char *label,
             int         row)
{
  GListModel *findings = qs_check_get_row_findings (check);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (qs_check_finding_get_table_label (f), label) == 0 &&
          qs_check_finding_get_row_index (f) == row)
        return f;   /* the list keeps it alive */
    }
  return NULL;
}

static QsCheckFinding *
row_finding_for (QsCheck    *check,
                 const char *indicator_id)
{
  GListModel *findings = qs_check_get_row_findings (check);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (qs_check_finding_get_indicator_id (f), indicator_id) == 0)
        return f;
    }
  return NULL;
}

static gboolean
has_missing_finding (QsCheck    *check,
                     const char *indicator_id)
{
  GListModel *findings = qs_check_get_plan_findings (check);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (findings, i);

      if (qs_check_finding_get_plan_kind (f) == QS_PLAN_FINDING_MISSING_INDICATOR &&
          g_strcmp0 (qs_check_finding_get_indicator_id (f), indicator_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_status (QsCheckFinding *finding,
               QsCheckStatus   status)
{
  g_assert_nonnull (finding);
  g_test_message ("%s: %s — %s", qs_check_finding_get_indicator_name (finding),
                  qs_check_status_label (qs_check_finding_get_status (finding)),
                  qs_check_finding_get_reason (finding));
  if (qs_check_finding_get_status (finding) != status)
    g_error ("%s: expected %s, got %s (%s)", qs_check_finding_get_indicator_name (finding),
             qs_check_status_to_string (status),
             qs_check_status_to_string (qs_check_finding_get_status (finding)),
             qs_check_finding_get_reason (finding));
}

static void
assert_reason_has (QsCheckFinding *finding,
                   const char     *text)
{
  const char *reason = qs_check_finding_get_reason (finding);

  if (reason == NULL || strstr (reason, text) == NULL)
    g_error ("reason “%s” does not mention “%s”", reason, text);
}

/* Tests */

static void
test_district_names (void)
{
  g_assert_true (qs_district_name_equal ("武隆县", "武隆区"));
  g_assert_true (qs_district_name_equal ("重庆市江津区", "江津区"));
  g_assert_true (qs_district_name_equal ("石柱县", "石柱土家族自治县"));
  g_assert_true (qs_district_name_equal ("两江新区", "两江新区"));
  g_assert_false (qs_district_name_equal ("江北区", "江津区"));
  g_assert_false (qs_district_name_equal ("", ""));
  g_assert_false (qs_district_name_equal (NULL, "江津区"));
}

/* 大渡口区 森林覆盖率 33.67 → 32 is a target below the baseline. */
static void
test_forest_weaker (void)
{
  Fixture f;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GListStore) requirements = NULL;
  QsCheckFinding *finding;

  if (!fixture_set_up (&f))
    return;
  requirements = requirements_from_data_file ();
  check = qs_check_new (f.catalog);
  qs_check_set_requirements (check, G_LIST_MODEL (requirements));
  qs_check_run (check, f.plans[0], f.municipal);
  g_assert_cmpstr (qs_check_get_district (check), ==, "大渡口区");

  finding = row_finding (check, "表2", 5);
  assert_status (finding, QS_CHECK_WEAKER_THAN_BASELINE);
  g_assert_cmpstr (qs_check_finding_get_indicator_id (finding), ==, "forest_coverage");
  assert_reason_has (finding, "32");
  assert_reason_has (finding, "33.67");
  assert_reason_has (finding, "越高越好");

  /* Without the municipal plan the baseline still speaks. */
  qs_check_run (check, f.plans[0], NULL);
  assert_status (row_finding (check, "表2", 5), QS_CHECK_WEAKER_THAN_BASELINE);
  fixture_tear_down (&f);
}

/* 由重庆市下达 waits; an assigned value fills the cell and the row is
 * then checked like any other. */
static void
test_assigned (void)
{
  Fixture f;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GListStore) requirements = g_list_store_new (QS_TYPE_REQUIREMENT);
  g_autoptr(QsRequirement) energy = qs_requirement_new ("energy_intensity_reduction",
                                                        QS_REQUIREMENT_ASSIGNED_VALUE, "【16】");
  g_autoptr(QsRequirement) air = qs_requirement_new ("good_air_days", QS_REQUIREMENT_ASSIGNED_VALUE, "≥330");
  const char * const dadukou[] = { "大渡口区", NULL };
  const char * const jiangjin[] = { "江津区", NULL };
  QsCheckFinding *finding;

  if (!fixture_set_up (&f))
    return;
  check = qs_check_new (f.catalog);

  /* No assignment yet: pending. */
  qs_check_run (check, f.plans[0], f.municipal);
  finding = row_finding (check, "表2", 0);
  assert_status (finding, QS_CHECK_PENDING);
  g_assert_cmpstr (qs_check_finding_get_indicator_id (finding), ==, "energy_intensity_reduction");
  assert_reason_has (finding, "由重庆市下达");

  /* 【16】 assigned: at least the municipal 【15】. */
  qs_requirement_set_districts (energy, dadukou);
  g_list_store_append (requirements, energy);
  qs_check_set_requirements (check, G_LIST_MODEL (requirements));
  qs_check_run (check, f.plans[0], f.municipal);
  finding = row_finding (check, "表2", 0);
  assert_status (finding, QS_CHECK_MEETS);
  assert_reason_has (finding, "【16】");
  assert_reason_has (finding, "【15】");
  g_assert_true (qs_check_finding_get_requirement (finding) == energy);

  /* 【14】 assigned: below the municipal 【15】. */
  qs_requirement_set_figure (energy, "【14】");
  qs_check_run (check, f.plans[0], f.municipal);
  finding = row_finding (check, "表2", 0);
  assert_status (finding, QS_CHECK_FALLS_SHORT);
  assert_reason_has (finding, "【14】");

  /* Without a municipal target the assigned figure is the requirement. */
  qs_check_run (check, f.plans[0], NULL);
  assert_status (row_finding (check, "表2", 0), QS_CHECK_MEETS);
  /* Other districts are not concerned. */
  qs_check_run (check, f.plans[1], f.municipal);
  assert_status (row_finding_for (check, "energy_intensity_reduction"), QS_CHECK_PENDING);

  /* A district's own figure against a value assigned to it. */
  qs_requirement_set_districts (air, jiangjin);
  g_list_store_append (requirements, air);
  qs_check_run (check, f.plans[1], f.municipal);
  finding = row_finding_for (check, "good_air_days");
  assert_status (finding, QS_CHECK_FALLS_SHORT);
  assert_reason_has (finding, "≥320");
  assert_reason_has (finding, "≥330");
  qs_requirement_set_figure (air, "≥315");
  qs_check_run (check, f.plans[1], f.municipal);
  assert_status (row_finding_for (check, "good_air_days"), QS_CHECK_MEETS);
  fixture_tear_down (&f);
}

/* The 004 requirements (专栏3 PM2.5, 专栏4 emissions, 专栏5 water, 专栏8)
 * applied to the districts they name. */
static void
check_requirements_apply (Fixture    *f,
                          GListModel *requirements)
{
  g_autoptr(QsCheck) check = qs_check_new (f->catalog);
  QsCheckFinding *finding;

  qs_check_set_requirements (check, requirements);

  /* 大渡口区 (专栏3 主城区: −20% from 2015) has no PM2.5 row at all. */
  qs_check_run (check, f->plans[0], f->municipal);
  g_assert_true (has_missing_finding (check, "pm25_concentration"));
  /* The aggregate emission row covers the pollutants of 专栏4/专栏8. */
  g_assert_false (has_missing_finding (check, "nox_reduction"));

  /* 江津区: PM2.5 ≤32 against 专栏3's ≤35 for the 18–45% group. */
  qs_check_run (check, f->plans[1], f->municipal);
  finding = row_finding_for (check, "pm25_concentration");
  assert_status (finding, QS_CHECK_MEETS);
  assert_reason_has (finding, "≤32");
  assert_reason_has (finding, "≤35");
  g_assert_nonnull (qs_check_finding_get_requirement (finding));
  g_assert_cmpint (qs_requirement_get_kind (qs_check_finding_get_requirement (finding)), ==,
                   QS_REQUIREMENT_ABSOLUTE_BOUND);
  /* 专栏4: 江津区 must cut NOx; the plan's 1812.1 t is a cut. */
  finding = row_finding_for (check, "nox_reduction");
  assert_status (finding, QS_CHECK_MEETS);
  g_assert_cmpstr (qs_requirement_get_source (qs_check_finding_get_requirement (finding)), ==, "专栏4");
  /* … and SO2, which the plan lacks. */
  g_assert_true (has_missing_finding (check, "so2_reduction"));
  /* 专栏5: 江津区's sections met the standard: no worse than 87.5. */
  finding = row_finding_for (check, "surface_water_good_ratio");
  assert_status (finding, QS_CHECK_MEETS);
  assert_reason_has (finding, "87.5");
  g_assert_cmpstr (qs_requirement_get_source (qs_check_finding_get_requirement (finding)), ==, "专栏5");

  /* 黔江区: PM2.5 ≤28 meets ≤35; emissions pending; 专栏5 asks for the
   * exceedance rate it does not report. */
  qs_check_run (check, f->plans[2], f->municipal);
  assert_status (row_finding_for (check, "pm25_concentration"), QS_CHECK_MEETS);
  assert_status (row_finding_for (check, "nox_reduction"), QS_CHECK_PENDING);
  assert_status (row_finding_for (check, "cod_reduction"), QS_CHECK_PENDING);
  g_assert_true (has_missing_finding (check, "water_section_exceedance_ratio"));
}

static void
test_requirements_from_truth (void)
{
  Fixture f;
  g_autoptr(GListStore) requirements = NULL;

  if (!fixture_set_up (&f))
    return;
  requirements = requirements_from_truth ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==, 27);
  check_requirements_apply (&f, G_LIST_MODEL (requirements));
  fixture_tear_down (&f);
}

static void
test_requirements_data_file (void)
{
  Fixture f;
  g_autoptr(GListStore) requirements = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *found = NULL;
  GListModel *model;

  if (!fixture_set_up (&f))
    return;
  requirements = requirements_from_data_file ();
  model = G_LIST_MODEL (requirements);
  check_requirements_apply (&f, model);

  /* Its groups list the districts the truth lists. */
  parser = truth_load (TRUTH_004);
  for (guint i = 0; i < G_N_ELEMENTS (truth_requirements); i++)
    {
      JsonObject *o = truth_district_requirement (parser, truth_requirements[i].truth_id);
      g_auto(GStrv) districts = truth_districts (o);
      gboolean found_group = FALSE;

      for (guint k = 0; k < g_list_model_get_n_items (model) && !found_group; k++)
        {
          g_autoptr(QsRequirement) r = g_list_model_get_item (model, k);
          QsDistrictGroup *group = qs_requirement_get_group (r);

          found_group = group != NULL &&
                        g_strv_equal (qs_district_group_get_districts (group), (const char * const *) districts) &&
                        g_strcmp0 (qs_requirement_get_source (r), json_object_get_string_member (o, "source")) == 0;
        }
      if (!found_group)
        g_error ("no group of the data file lists the districts of truth requirement %d",
                 truth_requirements[i].truth_id);
    }

  /* The CLI finds the file for the municipal plan. */
  found = qs_requirement_find_data_file ("重庆市", "2016–2020");
  g_assert_nonnull (found);
  g_assert_true (g_str_has_suffix (found, "requirements-chongqing-2016-2020.json"));
  g_assert_null (qs_requirement_find_data_file ("重庆市", "2021-2025"));
  g_assert_null (qs_requirement_find_data_file ("四川省", NULL));
  fixture_tear_down (&f);
}

/* Completion of every last-period review row in the seeds. */
static void
test_completion (void)
{
  Fixture f;
  g_autoptr(QsCheck) check = NULL;
  guint total = 0, computed = 0, disagreements = 0;

  if (!fixture_set_up (&f))
    return;
  check = qs_check_new (f.catalog);

  for (guint p = 0; p < G_N_ELEMENTS (f.plans); p++)
    {
      g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (f.plans[p]);
      GListModel *completions;
      guint review_rows = 0;

      qs_check_run (check, f.plans[p], f.municipal);
      completions = qs_check_get_completions (check);

      /* The review table is each seed's first; it has no heading rows. */
      review_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (tables->pdata[0])));
      g_assert_cmpuint (g_list_model_get_n_items (completions), ==, review_rows);

      for (guint i = 0; i < g_list_model_get_n_items (completions); i++)
        {
          g_autoptr(QsCheckFinding) c = g_list_model_get_item (completions, i);
          const char *reason = qs_check_finding_get_reason (c);

          total++;
          g_assert_nonnull (reason);
          g_assert_null (strchr (reason, '\n'));
          if (qs_check_finding_get_completion (c) != QS_COMPLETION_UNKNOWN)
            computed++;
          if (qs_check_finding_get_disagrees (c))
            {
              disagreements++;
              g_test_message ("disagreement: %s %s row %d %s: %s", qs_plan_get_region (f.plans[p]),
                              qs_check_finding_get_table_label (c), qs_check_finding_get_row_index (c) + 1,
                              qs_check_finding_get_indicator_name (c), reason);
            }
        }
    }
  g_test_message ("%u review rows, %u computed, %u disagree with the document", total, computed,
                  disagreements);
  g_assert_cmpuint (total, ==, 20 + 30 + 21);
  g_assert_cmpuint (computed, >=, 50);

  /* 大渡口区 PM2.5 36 against ≤40: done, as the document says. */
  qs_check_run (check, f.plans[0], f.municipal);
  {
    g_autoptr(QsCheckFinding) c = g_list_model_get_item (qs_check_get_completions (check), 5);

    g_assert_cmpstr (qs_check_finding_get_indicator_id (c), ==, "pm25_concentration");
    g_assert_cmpint (qs_check_finding_get_completion (c), ==, QS_COMPLETION_MET);
    g_assert_cmpint (qs_check_finding_get_claimed (c), ==, QS_COMPLETION_MET);
    g_assert_false (qs_check_finding_get_disagrees (c));
  }
  /* 江津区 乡镇 drinking water 91.3 against 100: the document says it met
   * the municipal assessment; the figures say otherwise. */
  qs_check_run (check, f.plans[1], f.municipal);
  {
    g_autoptr(QsCheckFinding) c = g_list_model_get_item (qs_check_get_completions (check), 13);

    g_assert_cmpstr (qs_check_finding_get_indicator_id (c), ==, "drinking_water_township");
    g_assert_cmpint (qs_check_finding_get_completion (c), ==, QS_COMPLETION_NOT_MET);
    g_assert_true (qs_check_finding_get_disagrees (c));
    assert_reason_has (c, "91.3");
    assert_reason_has (c, "达到市级考核");
  }
  g_assert_cmpuint (qs_check_count_disagreements (check), >=, 1);
  fixture_tear_down (&f);
}

/* Good-air days against a municipal ratio: days = ratio/100 × days in the year. */
static void
test_days_against_ratio (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(QsPlan) district = qs_plan_new ();
  g_autoptr(QsPlan) municipal = qs_plan_new ();
  g_autoptr(QsCheck) check = qs_check_new (catalog);
  g_autoptr(QsSection) d_chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "目标");
  g_autoptr(QsSection) m_chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "目标");
  g_autoptr(QsIndicatorTable) d_table = qs_indicator_table_new ();
  g_autoptr(QsIndicatorTable) m_table = qs_indicator_table_new ();
  const char * const d_headers[] = { "指标", "2020年现状值", "2025年目标值" };
  const char * const m_headers[] = { "指标名称", "2020年实际值", "2025年目标值" };
  const char * const d_rows[][3] = {
    { "空气质量优良天数（天）", "311", "≥320" },
    { "森林蓄积量（万立方米）", "1450", "1500" },
    { "化学需氧量排放量下降率（%）", "-", "【8】" },
  };
  const char * const m_rows[][3] = {
    { "空气质量优良天数比率（%）", "80", "88" },
    { "森林蓄积量（亿立方米）", "2.4", "2.6" },
    { "化学需氧量减排量（吨）", "-", "5000" },
  };
  QsCheckFinding *finding;

  qs_plan_set_region (district, "某区");
  qs_plan_set_period (district, 2021, 2025);
  qs_plan_set_period (municipal, 2021, 2025);
  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(QsTableColumn) dc = qs_table_column_new (d_headers[c], -1);
      g_autoptr(QsTableColumn) mc = qs_table_column_new (m_headers[c], -1);

      qs_indicator_table_insert_column (d_table, c, dc);
      qs_indicator_table_insert_column (m_table, c, mc);
    }
  qs_indicator_table_set_label (d_table, "表1");
  qs_indicator_table_set_label (m_table, "表1");
  for (guint r = 0; r < G_N_ELEMENTS (d_rows); r++)
    {
      g_autoptr(QsIndicatorRow) dr = qs_indicator_row_new ();
      g_autoptr(QsIndicatorRow) mr = qs_indicator_row_new ();

      g_list_store_append (qs_indicator_table_get_rows (d_table), dr);
      g_list_store_append (qs_indicator_table_get_rows (m_table), mr);
      for (guint c = 0; c < 3; c++)
        {
          qs_indicator_table_set_cell (d_table, r, c, d_rows[r][c]);
          qs_indicator_table_set_cell (m_table, r, c, m_rows[r][c]);
        }
    }
  g_list_store_append (qs_section_get_blocks (d_chapter), d_table);
  g_list_store_append (qs_section_get_blocks (m_chapter), m_table);
  g_list_store_append (qs_plan_get_chapters (district), d_chapter);
  g_list_store_append (qs_plan_get_chapters (municipal), m_chapter);

  /* 88% of 365 days is 321.2: ≥320 falls short. */
  qs_check_run (check, district, municipal);
  finding = row_finding (check, "表1", 0);
  assert_status (finding, QS_CHECK_FALLS_SHORT);
  assert_reason_has (finding, "321.2");
  qs_indicator_table_set_cell (d_table, 0, 2, "≥322");
  qs_check_run (check, district, municipal);
  assert_status (row_finding (check, "表1", 0), QS_CHECK_MEETS);

  /* A municipal total is no yardstick for one district. */
  finding = row_finding (check, "表1", 1);
  assert_status (finding, QS_CHECK_NO_REQUIREMENT);
  assert_reason_has (finding, "全市总量");

  /* Tonnes against a cumulative %: not comparable, and the reason says why. */
  finding = row_finding (check, "表1", 2);
  assert_status (finding, QS_CHECK_NOT_COMPARABLE);
  assert_reason_has (finding, "吨");

  /* The periods agree: no finding about them. */
  for (guint i = 0; i < g_list_model_get_n_items (qs_check_get_plan_findings (check)); i++)
    {
      g_autoptr(QsCheckFinding) p = g_list_model_get_item (qs_check_get_plan_findings (check), i);

      g_assert_cmpint (qs_check_finding_get_plan_kind (p), !=, QS_PLAN_FINDING_PERIOD_DIFFERS);
    }
}

/* Checked against its own baseline only: a change written in words. */
static void
test_change_targets (void)
{
  g_autoptr(QsCatalog) catalog = default_catalog ();
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsCheck) check = qs_check_new (catalog);
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "目标");
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
  const char * const headers[] = { "指标", "2020年现状值", "2025年目标值" };
  const char * const rows[][3] = {
    { "森林覆盖率（%）", "50", "保持" },
    { "森林覆盖率（%）", "50", "下降2%" },
    { "细颗粒物（PM2.5）年均浓度（μg/m3）", "30", "≤32" },
    { "长江干流水质（类）", "Ⅱ", "Ⅲ" },
    { "不在目录里的指标", "1", "2" },
  };
  const QsCheckStatus expected[] = {
    QS_CHECK_NO_REQUIREMENT, QS_CHECK_WEAKER_THAN_BASELINE, QS_CHECK_WEAKER_THAN_BASELINE,
    QS_CHECK_WEAKER_THAN_BASELINE, QS_CHECK_NO_REQUIREMENT,
  };
  g_autoptr(GPtrArray) unlinked = NULL;

  qs_plan_set_region (plan, "某区");
  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (headers[c], -1);

      qs_indicator_table_insert_column (table, c, column);
    }
  qs_indicator_table_set_label (table, "表1");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();

      g_list_store_append (qs_indicator_table_get_rows (table), row);
      for (guint c = 0; c < 3; c++)
        qs_indicator_table_set_cell (table, r, c, rows[r][c]);
    }
  g_list_store_append (qs_section_get_blocks (chapter), table);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);

  qs_check_run (check, plan, NULL);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    assert_status (row_finding (check, "表1", (int) r), expected[r]);
  assert_reason_has (row_finding (check, "表1", 1), "49");
  assert_reason_has (row_finding (check, "表1", 3), "水质类别越低越好");
  assert_reason_has (row_finding (check, "表1", 4), "未关联");

  /* The unlinked row is a plan-level finding too, and the plan is untouched. */
  g_assert_cmpuint (g_list_model_get_n_items (qs_check_get_plan_findings (check)), >=, 1);
  g_assert_null (qs_indicator_row_get_indicator_id (qs_indicator_table_get_row (table, 0)));
  qs_linker_link_plan (catalog, plan, QS_LINK_DEFAULT, &unlinked);
  g_assert_cmpuint (unlinked->len, ==, 1);
}

static void
test_output (void)
{
  Fixture f;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GListStore) requirements = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  JsonObject *root;
  gsize length = 0;

  if (!fixture_set_up (&f))
    return;
  requirements = requirements_from_data_file ();
  check = qs_check_new (f.catalog);
  qs_check_set_requirements (check, G_LIST_MODEL (requirements));
  qs_check_run (check, f.plans[0], f.municipal);

  text = qs_check_to_text (check);
  g_assert_nonnull (strstr (text, "弱于基准"));
  g_assert_nonnull (strstr (text, "待下达"));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  json = qs_check_to_json_data (check, &length);
  g_assert_cmpuint (length, ==, strlen (json));
  json_parser_load_from_data (parser, json, (gssize) length, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "district"), ==, "大渡口区");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "rows")), ==, 6);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "completion")), ==, 20);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "summary"),
                                               "weaker-than-baseline"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "summary"),
                                               "pending"), ==, 3);
  {
    JsonObject *row = json_array_get_object_element (json_object_get_array_member (root, "rows"), 5);

    g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "weaker-than-baseline");
    g_assert_cmpstr (json_object_get_string_member (row, "indicator_id"), ==, "forest_coverage");
    g_assert_cmpstr (json_object_get_string_member (row, "target"), ==, "32");
    g_assert_cmpstr (json_object_get_string_member (row, "baseline"), ==, "33.67");
  }

  /* Every reason is one line. */
  for (guint i = 0; i < g_list_model_get_n_items (qs_check_get_row_findings (check)); i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (qs_check_get_row_findings (check), i);

      g_assert_null (strchr (qs_check_finding_get_reason (finding), '\n'));
    }
  fixture_tear_down (&f);
}

/* The same with the plans as the importer reads them from the seeds. */
static void
test_imported_plans (void)
{
  g_autofree char *dir = truth_shared_dir ();
  g_autofree char *district_path = NULL;
  g_autofree char *municipal_path = NULL;
  g_autoptr(QsPlan) district = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GListStore) requirements = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  QsCheckFinding *finding;

  if (dir == NULL)
    {
      g_test_skip ("../shared (sample plans and truth) is not available");
      return;
    }
  district_path = g_build_filename (dir, "seeds", TRUTH_000 ".txt", NULL);
  municipal_path = g_build_filename (dir, "seeds", TRUTH_004 ".txt", NULL);
  district = qs_import_text_file (district_path, NULL, NULL);
  municipal = qs_import_text_file (municipal_path, NULL, NULL);
  if (district != NULL)
    tables = qs_plan_collect_indicator_tables (district);
  if (municipal == NULL || tables == NULL || tables->len < 2)
    {
      g_test_skip ("the importer does not read the seeds' indicator tables yet");
      return;
    }

  catalog = default_catalog ();
  requirements = requirements_from_data_file ();
  check = qs_check_new (catalog);
  qs_check_set_requirements (check, G_LIST_MODEL (requirements));
  qs_check_run (check, district, municipal);

  finding = row_finding_for (check, "forest_coverage");
  assert_status (finding, QS_CHECK_WEAKER_THAN_BASELINE);
  assert_reason_has (finding, "33.67");
  assert_status (row_finding_for (check, "energy_intensity_reduction"), QS_CHECK_PENDING);
  g_assert_true (has_missing_finding (check, "pm25_concentration"));
  g_assert_cmpuint (g_list_model_get_n_items (qs_check_get_completions (check)), ==, 20);
}

static void
test_requirement_json (void)
{
  const char * const districts[] = { "江津区", "璧山区", NULL };
  g_autoptr(QsDistrictGroup) group = qs_district_group_new ("g1", "某分组", districts);
  g_autoptr(QsRequirement) r = qs_requirement_new ("pm25_concentration", QS_REQUIREMENT_CHANGE, "下降20%以上");
  g_autoptr(QsRequirement) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListStore) list = g_list_store_new (QS_TYPE_REQUIREMENT);
  g_autoptr(GListStore) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *scope = NULL;
  const QsValue *value;
  gsize length = 0;

  qs_requirement_set_id (r, "r1");
  qs_requirement_set_group (r, group);
  qs_requirement_set_base_year (r, 2015);
  qs_requirement_set_base_value (r, "57");
  qs_requirement_set_year (r, 2020);
  qs_requirement_set_unit (r, "μg/m³");
  qs_requirement_set_source (r, "专栏3");
  qs_requirement_set_note (r, "说明");

  value = qs_requirement_get_value (r);
  g_assert_cmpint (value->kind, ==, QS_VALUE_CHANGE);
  g_assert_cmpint (value->change, ==, QS_CHANGE_DECREASE);
  g_assert_cmpfloat (value->number, ==, 20);
  g_assert_true (qs_requirement_applies_to (r, "重庆市江津区"));
  g_assert_false (qs_requirement_applies_to (r, "大渡口区"));
  scope = qs_requirement_describe_scope (r);
  g_assert_cmpstr (scope, ==, "专栏3 某分组");

  node = qs_requirement_to_json (r);
  g_hash_table_insert (groups, (gpointer) "g1", group);
  copy = qs_requirement_new_from_json (node, groups, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qs_requirement_get_id (copy), ==, "r1");
  g_assert_cmpstr (qs_requirement_get_indicator_id (copy), ==, "pm25_concentration");
  g_assert_cmpint (qs_requirement_get_kind (copy), ==, QS_REQUIREMENT_CHANGE);
  g_assert_cmpstr (qs_requirement_get_figure (copy), ==, "下降20%以上");
  g_assert_true (qs_requirement_get_group (copy) == group);
  g_assert_cmpint (qs_requirement_get_base_year (copy), ==, 2015);
  g_assert_cmpstr (qs_requirement_get_base_value (copy), ==, "57");
  g_assert_cmpint (qs_requirement_get_year (copy), ==, 2020);
  g_assert_cmpstr (qs_requirement_get_unit (copy), ==, "μg/m³");
  g_assert_cmpstr (qs_requirement_get_source (copy), ==, "专栏3");
  g_assert_cmpstr (qs_requirement_get_note (copy), ==, "说明");

  /* A whole document, through text and back. */
  g_list_store_append (list, r);
  g_list_store_append (list, copy);
  data = qs_requirement_list_to_data (G_LIST_MODEL (list), "某规划", "重庆市", "2016-2020", &length);
  back = qs_requirement_list_new_from_data (data, (gssize) length, "back.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 2);
  {
    g_autoptr(QsRequirement) a = g_list_model_get_item (G_LIST_MODEL (back), 0);
    g_autoptr(QsRequirement) b = g_list_model_get_item (G_LIST_MODEL (back), 1);

    /* One group object, shared, as written. */
    g_assert_true (qs_requirement_get_group (a) == qs_requirement_get_group (b));
    g_assert_true (g_strv_equal (qs_district_group_get_districts (qs_requirement_get_group (a)), districts));
  }
}

static void
test_requirement_errors (void)
{
  static const char * const bad[] = {
    "nope",
    "[]",
    "{}",
    "{\"requirements\": [{\"kind\": \"absolute-bound\", \"figure\": \"≤35\", \"districts\": [\"江津区\"]}]}",
    "{\"requirements\": [{\"indicator\": \"x\", \"kind\": \"sideways\", \"figure\": \"≤35\", \"districts\": [\"江津区\"]}]}",
    "{\"requirements\": [{\"indicator\": \"x\", \"kind\": \"absolute-bound\", \"districts\": [\"江津区\"]}]}",
    "{\"requirements\": [{\"indicator\": \"x\", \"kind\": \"absolute-bound\", \"figure\": \"≤35\"}]}",
    "{\"requirements\": [{\"indicator\": \"x\", \"kind\": \"absolute-bound\", \"figure\": \"≤35\", \"group\": \"none\"}]}",
    "{\"requirements\": [{\"indicator\": \"x\", \"kind\": \"change-vs-base-year\", \"figure\": \"下降\", \"districts\": [\"江津区\"]}]}",
    "{\"requirements\": [{\"indicator\": \"x\", \"kind\": \"keep-baseline\", \"districts\": [\"江津区\"], \"year\": \"2020\"}]}",
    "{\"groups\": [{\"id\": \"g\", \"districts\": [\"甲\"]}, {\"id\": \"g\", \"districts\": [\"乙\"]}], \"requirements\": []}",
    "{\"groups\": [{\"id\": \"g\"}], \"requirements\": []}",
    "{\"groups\": [{\"id\": {}, \"districts\": []}], \"requirements\": []}",
    "{\"groups\": [{\"id\": \"g\", \"districts\": [{}]}], \"requirements\": []}",
    "{\"requirements\": [{\"indicator\": [], \"kind\": \"keep-baseline\", \"districts\": [\"江津区\"]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) list = qs_requirement_list_new_from_data (bad[i], -1, "case.json", &error);

      if (list != NULL)
        g_error ("accepted: %s", bad[i]);
      g_assert_true (error->domain == QS_REQUIREMENT_ERROR);
      g_assert_nonnull (strstr (error->message, "case.json"));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListStore) list = qs_requirement_list_new_from_file ("/nonexistent/req.json", &error);

    g_assert_null (list);
    g_assert_error (error, QS_REQUIREMENT_ERROR, QS_REQUIREMENT_ERROR_IO);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListStore) list = qs_requirement_list_new_from_data (
      "{\"requirements\": [{\"indicators\": [\"so2_reduction\", \"nox_reduction\"], \"id\": \"r\","
      " \"kind\": \"keep-baseline\", \"districts\": [\"江津区\"]}]}", -1, "ok.json", &error);
    g_autoptr(QsRequirement) second = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    second = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_cmpstr (qs_requirement_get_id (second), ==, "r/nox_reduction");
  }
}

static void
test_claims (void)
{
  g_assert_cmpint (qs_completion_parse_claim ("完成"), ==, QS_COMPLETION_MET);
  g_assert_cmpint (qs_completion_parse_claim ("是"), ==, QS_COMPLETION_MET);
  g_assert_cmpint (qs_completion_parse_claim ("达到市级考核"), ==, QS_COMPLETION_MET);
  g_assert_cmpint (qs_completion_parse_claim ("满足水域功能"), ==, QS_COMPLETION_MET);
  g_assert_cmpint (qs_completion_parse_claim ("未完成"), ==, QS_COMPLETION_NOT_MET);
  g_assert_cmpint (qs_completion_parse_claim ("否"), ==, QS_COMPLETION_NOT_MET);
  g_assert_cmpint (qs_completion_parse_claim ("/"), ==, QS_COMPLETION_UNKNOWN);
  g_assert_cmpint (qs_completion_parse_claim (""), ==, QS_COMPLETION_UNKNOWN);
  g_assert_cmpint (qs_completion_parse_claim (NULL), ==, QS_COMPLETION_UNKNOWN);
}

static QsPlan *
read_sample (const char *source,
             const char *name)
{
  g_autofree char *path = g_build_filename (source, "resources", "samples", name, NULL);
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_plan_xml_read_file (path, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
check_json (QsCatalog  *catalog,
            QsPlan     *district,
            QsPlan     *municipal,
            GListModel *requirements,
            guint      *n_required)
{
  g_autoptr(QsCheck) check = qs_check_new (catalog);
  GListModel *rows;

  qs_check_set_requirements (check, requirements);
  qs_check_run (check, district, municipal);
  rows = qs_check_get_row_findings (check);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (rows, i);

      if (qs_check_finding_get_requirement (f) != NULL)
        (*n_required)++;
    }
  return qs_check_to_json_data (check, NULL);
}

/* The sample municipal plan carries the requirements of the document
 * shipped for its region and period; checking the sample districts with
 * the carried ones gives exactly the findings the document gave. */
static void
test_plan_carried_requirements (void)
{
  static const char * const districts[] = {
    "district-2021-2025-000.qsplan", "district-2021-2025-001.qsplan", "district-2021-2025-002.qsplan",
  };
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  g_autoptr(GListStore) shipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *found = NULL;
  g_autofree char *carried_data = NULL;
  g_autofree char *shipped_data = NULL;
  GListModel *carried;
  guint n_required = 0, n_shipped_required = 0, n_bare_required = 0;

  if (source == NULL)
    {
      g_test_skip ("QS_SOURCE_DIR is not set: cannot find resources/samples");
      return;
    }
  catalog = default_catalog ();
  municipal = read_sample (source, "municipal-2016-2020-004.qsplan");
  carried = G_LIST_MODEL (qs_plan_get_requirements (municipal));
  g_assert_cmpuint (g_list_model_get_n_items (carried), >, 0);

  period = qs_plan_dup_period_string (municipal);
  found = qs_requirement_find_data_file (qs_plan_get_region (municipal), period);
  g_assert_nonnull (found);
  shipped = qs_requirement_list_new_from_file (found, &error);
  g_assert_no_error (error);

  /* Field for field the same list (the document's own metadata aside). */
  carried_data = qs_requirement_list_to_data (carried, "", "", "", NULL);
  shipped_data = qs_requirement_list_to_data (G_LIST_MODEL (shipped), "", "", "", NULL);
  g_assert_cmpstr (carried_data, ==, shipped_data);

  /* The JSON export lists them, each as qs_requirement_to_json() has it. */
  {
    g_autoptr(JsonNode) root = qs_plan_to_json (municipal);
    JsonArray *array = json_object_get_array_member (json_node_get_object (root), "requirements");
    g_autoptr(QsRequirement) first = g_list_model_get_item (carried, 0);
    g_autoptr(JsonNode) expected = qs_requirement_to_json (first);

    g_assert_nonnull (array);
    g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (carried));
    g_assert_true (json_node_equal (json_array_get_element (array, 0), expected));
  }

  qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autoptr(QsPlan) district = read_sample (source, districts[i]);
      g_autofree char *with_carried = NULL;
      g_autofree char *with_shipped = NULL;
      g_autofree char *without = NULL;

      qs_linker_link_plan (catalog, district, QS_LINK_DEFAULT, NULL);
      with_carried = check_json (catalog, district, municipal, carried, &n_required);
      with_shipped = check_json (catalog, district, municipal, G_LIST_MODEL (shipped), &n_shipped_required);
      without = check_json (catalog, district, municipal, NULL, &n_bare_required);
      g_assert_cmpstr (with_carried, ==, with_shipped);
      g_assert_cmpstr (with_carried, !=, without);
    }
  /* Rows 大渡口区, 江津区 and 黔江区 are judged by requirements, not only
   * by the municipal targets. */
  g_assert_cmpuint (n_required, ==, n_shipped_required);
  g_assert_cmpuint (n_required, >=, G_N_ELEMENTS (districts));
  g_assert_cmpuint (n_bare_required, ==, 0);
}

/* Runs qingshan-cli with @args; returns its standard output. */
static char *
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("QS_BUILD_DIR"), "app", "qingshan-cli", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qingshan-cli %s failed: %s", args[0], err);
  return out;
}

/* `check` uses the requirements the municipal plan carries, and falls back
 * to the shipped document only for a plan that carries none: the findings
 * are the same either way, and differ from --no-requirements. */
static void
test_cli_carried_requirements (void)
{
  const char *source = g_getenv ("QS_SOURCE_DIR");
  const char *build = g_getenv ("QS_BUILD_DIR");
  g_autofree char *cli = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *municipal = NULL;
  g_autofree char *district = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *found = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *explicit = NULL;
  g_autofree char *without = NULL;
  g_autofree char *shown = NULL;

  if (source == NULL || build == NULL)
    {
      g_test_skip ("QS_SOURCE_DIR or QS_BUILD_DIR is not set");
      return;
    }
  cli = g_build_filename (build, "app", "qingshan-cli", NULL);
  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("qingshan-cli is not built");
      return;
    }
  dir = g_dir_make_tmp ("qs-check-cli-XXXXXX", NULL);
  g_assert_nonnull (dir);
  municipal = g_build_filename (source, "resources", "samples", "municipal-2016-2020-004.qsplan", NULL);
  district = g_build_filename (source, "resources", "samples", "district-2021-2025-001.qsplan", NULL);
  bare = g_build_filename (dir, "bare.qsplan", NULL);

  {
    const char * const clear[] = { "requirements", municipal, "--clear", "-o", bare, NULL };
    const char * const find[] = { "requirements", municipal, "--find", NULL };
    const char * const show[] = { "requirements", bare, NULL };

    g_free (run_cli (clear));
    found = run_cli (find);
    g_strchomp (found);
    shown = run_cli (show);
    g_assert_nonnull (strstr (shown, "no requirements"));
  }
  {
    const char * const a[] = { "check", district, "--against", municipal, "--format", "json", NULL };
    const char * const b[] = { "check", district, "--against", bare, "--format", "json", NULL };
    const char * const c[] = { "check", district, "--against", bare, "--requirements", found,
                               "--format", "json", NULL };
    const char * const d[] = { "check", district, "--against", municipal, "--no-requirements",
                               "--format", "json", NULL };

    carried = run_cli (a);
    fallback = run_cli (b);
    explicit = run_cli (c);
    without = run_cli (d);
  }
  g_assert_cmpstr (carried, ==, fallback);
  g_assert_cmpstr (carried, ==, explicit);
  g_assert_cmpstr (carried, !=, without);
  g_assert_nonnull (strstr (carried, "\"requirement_id\" : \"zl"));

  /* A plan carrying other requirements than the shipped document is
   * checked with its own: keep only one requirement of the list. */
  {
    const char * const show[] = { "requirements", municipal, "--show", "--format", "json", NULL };
    g_autofree char *document = run_cli (show);
    g_autofree char *one_path = g_build_filename (dir, "one.json", NULL);
    g_autofree char *one_plan = g_build_filename (dir, "one.qsplan", NULL);
    g_autofree char *one_data = NULL;
    g_autofree char *with_one = NULL;
    g_autofree char *with_one_file = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;
    JsonArray *all;
    JsonArray *kept = json_array_new ();

    g_assert_true (json_parser_load_from_data (parser, document, -1, &error));
    root = json_node_get_object (json_parser_get_root (parser));
    all = json_object_get_array_member (root, "requirements");
    for (guint i = 0; i < json_array_get_length (all); i++)
      {
        JsonObject *o = json_array_get_object_element (all, i);

        if (g_strcmp0 (json_object_get_string_member_with_default (o, "id", ""),
                       "zl3-pm25-exceed-18-45-attain") == 0)
          json_array_add_element (kept, json_node_copy (json_array_get_element (all, i)));
      }
    g_assert_cmpuint (json_array_get_length (kept), ==, 1);
    json_object_set_array_member (root, "requirements", kept);
    json_generator_set_root (generator, json_parser_get_root (parser));
    one_data = json_generator_to_data (generator, NULL);
    g_assert_true (g_file_set_contents (one_path, one_data, -1, &error));

    {
      const char * const set[] = { "requirements", municipal, "--set", one_path, "-o", one_plan, NULL };
      const char * const a[] = { "check", district, "--against", one_plan, "--format", "json", NULL };
      const char * const b[] = { "check", district, "--against", bare, "--requirements", one_path,
                                 "--format", "json", NULL };

      g_free (run_cli (set));
      with_one = run_cli (a);
      with_one_file = run_cli (b);
    }
    g_assert_cmpstr (with_one, ==, with_one_file);
    g_assert_cmpstr (with_one, !=, carried);
    g_assert_nonnull (strstr (with_one, "\"requirement_id\" : \"zl3-pm25-exceed-18-45-attain\""));
    g_unlink (one_path);
    g_unlink (one_plan);
  }

  g_unlink (bare);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  /* Messages name Chinese indicators: print them as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/district-names", test_district_names);
  g_test_add_func ("/check/forest-weaker-than-baseline", test_forest_weaker);
  g_test_add_func ("/check/assigned-values", test_assigned);
  g_test_add_func ("/check/requirements-from-truth", test_requirements_from_truth);
  g_test_add_func ("/check/requirements-data-file", test_requirements_data_file);
  g_test_add_func ("/check/completion", test_completion);
  g_test_add_func ("/check/days-against-ratio", test_days_against_ratio);
  g_test_add_func ("/check/change-targets", test_change_targets);
  g_test_add_func ("/check/output", test_output);
  g_test_add_func ("/check/imported-plans", test_imported_plans);
  g_test_add_func ("/check/requirement-json", test_requirement_json);
  g_test_add_func ("/check/requirement-errors", test_requirement_errors);
  g_test_add_func ("/check/completion-claims", test_claims);
  g_test_add_func ("/check/plan-carried-requirements", test_plan_carried_requirements);
  g_test_add_func ("/check/cli-carried-requirements", test_cli_carried_requirements);

  return g_test_run ();
}
