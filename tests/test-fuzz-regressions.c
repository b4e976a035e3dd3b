/* test-fuzz-regressions.c: replays every input kept in
 * tests/data/fuzz-regressions/<harness>/ through the code paths of the
 * libFuzzer harnesses in fuzz/ (value parse, text import, .qsplan read +
 * rewrite + read again), with the same assertions, so an input that once
 * broke something is tried on every build, sanitizers included. */
#include "config.h"

#define G_LOG_DOMAIN "qs-test-fuzz"

#include <string.h>

#include "qs-model.h"

static int
compare_string (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

typedef void (*ReplayFunc) (const char *data,
                            gsize       length,
                            const char *name);

/* As fuzz/fuzz-value.c. */
static void
replay_value (const char *data,
              gsize       length,
              const char *name)
{
  g_autofree char *text = g_strndup (data, length);
  g_autoptr(QsValue) value = qs_value_parse (text);
  g_autoptr(QsValue) copy = qs_value_copy (value);
  g_autofree char *description = qs_value_describe (value);

  g_assert_cmpstr (value->text, ==, text);
  g_assert_cmpstr (copy->text, ==, text);
  g_assert_nonnull (qs_value_kind_to_string (value->kind));
  g_assert_nonnull (description);
}

/* As fuzz/fuzz-import.c. */
static void
replay_import (const char *data,
               gsize       length,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(QsPlan) plan = qs_import_text_data (data, length, name, &report, &error);

  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return;
    }
  g_assert_no_error (error);
  {
    g_autofree char *text = qs_import_report_to_text (report);
    g_autofree char *json = qs_plan_to_json_data (plan, NULL);

    g_assert_nonnull (text);
    g_assert_nonnull (json);
  }
}

static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        user_data)
{
}

/* As fuzz/fuzz-plan-xml.c: whatever is read writes back and reads again to
 * an equal plan.  The writer's warnings (e.g. text it must replace) are not
 * failures here, as in the harness. */
static void
replay_plan_xml (const char *data,
                 gsize       length,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_plan_xml_read_data (data, length, name, &error);
  g_autofree char *xml = NULL;
  g_autoptr(QsPlan) again = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autofree char *where = NULL;
  GLogLevelFlags fatal;
  gsize written = 0;

  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return;
    }
  g_assert_no_error (error);

  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  xml = qs_plan_xml_write_data (plan, &written);
  g_log_set_always_fatal (fatal);
  if (xml == NULL)
    return;   /* a plan the writer refuses (e.g. control characters) */
  again = qs_plan_xml_read_data (xml, written, "rewritten.qsplan", &error2);
  g_assert_no_error (error2);
  g_assert_nonnull (again);
  if (!qs_plan_equal (plan, again, &where))
    g_error ("%s: the plan read back differs at %s", name, where);
}

/* The other way round: whatever the writer writes must read back.  The
 * reader refuses text nodes over libxml2's 10,000,000 bytes (it will not
 * parse with XML_PARSE_HUGE), so a longer paragraph must be refused by the
 * writer, not written into a file nobody can open again. */
static void
test_huge_paragraph_round_trip (void)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "总则");
  g_autoptr(QsParagraph) paragraph = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) again = NULL;
  g_autofree char *xml = NULL;
  GLogLevelFlags fatal;
  gsize length = 0;

  while (text->len <= 10 * 1000 * 1000)
    g_string_append (text, "大气环境质量持续改善，");
  paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY, text->str);
  qs_plan_set_title (plan, "甲区生态环境保护规划");
  qs_plan_set_region (plan, "甲区");
  qs_plan_set_period (plan, 2021, 2025);
  g_list_store_append (qs_section_get_blocks (chapter), paragraph);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);

  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  xml = qs_plan_xml_write_data (plan, &length);
  g_log_set_always_fatal (fatal);
  if (xml == NULL)
    return;   /* refused: nothing unreadable was written */
  again = qs_plan_xml_read_data (xml, length, "huge-paragraph.qsplan", &error);
  g_assert_no_error (error);
  g_assert_true (qs_plan_equal (plan, again, NULL));
}

typedef struct
{
  const char *harness;
  ReplayFunc  replay;
} Replay;

static void
test_replay (gconstpointer user_data)
{
  const Replay *replay = user_data;
  const char *source = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (source == NULL)
    {
      g_test_skip ("QS_SOURCE_DIR is not set (run the test with meson test)");
      return;
    }
  dir_path = g_build_filename (source, "tests", "data", "fuzz-regressions", replay->harness, NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strcmp (name, "README") != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_string);

  /* Every harness keeps at least one input: an empty folder would make
   * this test pass without trying anything. */
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      g_test_message ("%s/%s (%" G_GSIZE_FORMAT " bytes)", replay->harness,
                      (const char *) names->pdata[i], length);
      replay->replay (data, length, names->pdata[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  static const Replay replays[] = {
    { "value", replay_value },
    { "import", replay_import },
    { "plan-xml", replay_plan_xml },
  };

  g_test_init (&argc, &argv, NULL);
  /* The writer's warnings go nowhere, as in the harness. */
  g_log_set_handler ("qs-plan-xml", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, quiet_log, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (replays); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fuzz-regressions/%s", replays[i].harness);

      g_test_add_data_func (path, &replays[i], test_replay);
    }
  g_test_add_func ("/fuzz-regressions/plan-xml/huge-paragraph-round-trip",
                   test_huge_paragraph_round_trip);
  return g_test_run ();
}
