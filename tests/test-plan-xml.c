/* test-plan-xml.c: the .qsplan format: exact round trips, safe reading. */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "qs-model.h"
#include "qs-requirement.h"

/* Strings that break naive serialisers: edges of white space, XML
 * specials, line ends, characters XML 1.0 cannot hold, CJK, emoji. */
static const char * const awkward[] = {
  "",
  " ",
  "  leading and trailing  ",
  "\t tab \t",
  "line one\nline two\n",
  "\n",
  "\r",
  "dos\r\nline\r\n",
  "mac\rline",
  "\xc2\xa0NBSP\xc2\xa0",                         /* U+00A0 */
  "\xe3\x80\x80全角空格\xe3\x80\x80",             /* U+3000 */
  "<&>\"' ]]> &amp; &#13; <!-- x --> <![CDATA[y]]>",
  "大渡口区生态环境保护“十四五”规划",
  "≥88 【15】 [8.91~23] 〔2〕 Ⅲ类 —",
  "emoji 🌲🏞️ and ZWJ 👩‍🔬",
  "vertical\x0btab and form\x0c" "feed \x01\x02\x1f",
  "noncharacters \xef\xbf\xbe \xef\xbf\xbf end",   /* U+FFFE, U+FFFF */
  "\x7f DEL and \xc2\x85 NEL and \xe2\x80\xa8 LS",
  "  \n  ",
};

static const char *
pick (guint i)
{
  return awkward[i % G_N_ELEMENTS (awkward)];
}

static QsIndicatorTable *
make_indicator_table (guint seed)
{
  QsIndicatorTable *table = qs_indicator_table_new ();
  GListStore *columns = qs_indicator_table_get_columns (table);
  GListStore *rows = qs_indicator_table_get_rows (table);

  qs_indicator_table_set_label (table, "表2-1");
  qs_indicator_table_set_caption (table, pick (seed));
  for (int role = QS_COLUMN_OTHER; role <= QS_COLUMN_REMARK; role++)
    {
      g_autofree char *header = g_strdup_printf ("%s%d\n列", pick (seed + role), role);
      g_autoptr(QsTableColumn) column = qs_table_column_new (header, role);

      g_list_store_append (columns, column);
    }
  {
    g_autoptr(QsTableColumn) column = qs_table_column_new ("", QS_COLUMN_SUBNAME);
    g_list_store_append (columns, column);
  }

  for (guint r = 0; r < G_N_ELEMENTS (awkward); r++)
    {
      g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();

      qs_indicator_row_set_category (row, pick (seed + r));
      qs_indicator_row_set_number (row, r % 3 ? "3*" : "");
      qs_indicator_row_set_name (row, pick (seed + r + 1));
      qs_indicator_row_set_indicator (row, pick (seed + r + 2));
      /* Every other row leaves the optional fields unset (NULL). */
      if (r % 2 == 0)
        {
          qs_indicator_row_set_unit (row, pick (seed + r + 3));
          qs_indicator_row_set_attribute (row, r % 4 ? "约束性" : "预期性");
          qs_indicator_row_set_parent (row, pick (seed + r + 4));
          qs_indicator_row_set_indicator_id (row, "air.good-days");
        }
      /* Ragged rows: a row keeps as many cells as it has. */
      for (guint c = 0; c < 3 + r % 13; c++)
        qs_indicator_row_set_cell (row, c, pick (seed + r + c));
      g_list_store_append (rows, row);
    }
  {
    g_autoptr(QsIndicatorRow) empty = qs_indicator_row_new ();
    g_list_store_append (rows, empty);
  }
  for (guint i = 0; i < 4; i++)
    qs_indicator_table_add_note (table, pick (seed + i));
  return table;
}

static QsTaskTable *
make_task_table (guint    seed,
                 gboolean with_columns)
{
  QsTaskTable *table = qs_task_table_new ();

  qs_task_table_set_label (table, seed % 2 ? "" : NULL);
  qs_task_table_set_caption (table, pick (seed));
  if (with_columns)
    {
      const char *headers[] = { "序号", "工程领域", "项目名称", "牵头单位", "投资\n（万元）" };

      for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
        {
          g_autoptr(QsTableColumn) column = qs_table_column_new (headers[i], -1);
          g_list_store_append (qs_task_table_get_columns (table), column);
        }
      for (guint r = 0; r < 5; r++)
        {
          const char *cells[] = { pick (seed + r), pick (seed + r + 1), "", pick (seed + r + 2), NULL };
          g_autoptr(QsTaskRow) row = qs_task_row_new (r == 4 ? NULL : cells);

          g_list_store_append (qs_task_table_get_rows (table), row);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autoptr(QsTaskItem) item =
        qs_task_item_new (i % 5 == 0 ? QS_TASK_ITEM_HEADING : QS_TASK_ITEM_ITEM, pick (seed + i));
      g_list_store_append (qs_task_table_get_items (table), item);
    }
  qs_task_table_add_note (table, "注：带*的为约束性指标。");
  return table;
}

static QsSection *
make_section (QsSectionKind kind,
              int           number,
              guint         seed,
              guint         depth)
{
  QsSection *section = qs_section_new (kind, number, pick (seed));
  GListStore *blocks = qs_section_get_blocks (section);

  /* Label: absent, empty and set all occur. */
  if (seed % 3 == 1)
    qs_section_set_label (section, "");
  else if (seed % 3 == 2)
    {
      g_autofree char *label = qs_section_format_label (kind, number);
      qs_section_set_label (section, label);
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(QsParagraph) paragraph =
        qs_paragraph_new (i == 2 ? QS_PARAGRAPH_NOTE : QS_PARAGRAPH_BODY, pick (seed + i * 7));
      g_list_store_append (blocks, paragraph);
    }
  if (depth == 1)
    {
      g_autoptr(QsIndicatorTable) itable = make_indicator_table (seed);
      g_autoptr(QsTaskTable) box = make_task_table (seed, FALSE);
      g_autoptr(QsTaskTable) projects = make_task_table (seed + 1, TRUE);

      g_list_store_append (blocks, itable);
      g_list_store_append (blocks, box);
      g_list_store_append (blocks, projects);
    }
  if (depth < 3 && kind != QS_SECTION_FRONT && kind != QS_SECTION_BACK)
    for (int n = 1; n <= 2; n++)
      {
        g_autoptr(QsSection) child =
          make_section (depth == 1 ? QS_SECTION_SECTION : QS_SECTION_SUBSECTION, n,
                        seed + n * 5, depth + 1);
        g_list_store_append (qs_section_get_children (section), child);
      }
  return section;
}

static QsPlan *
make_plan (void)
{
  QsPlan *plan = qs_plan_new ();

  qs_plan_set_title (plan, "  大渡口区生态环境保护“十四五”规划\n和二○三五年远景目标 ");
  qs_plan_set_region (plan, "重庆市\xc2\xa0大渡口区\r\n");
  qs_plan_set_level (plan, QS_PLAN_LEVEL_COUNTY);
  qs_plan_set_period (plan, 2021, 2025);
  qs_plan_set_vision_year (plan, 2035);
  qs_plan_set_parent_plan (plan, "重庆市生态环境保护“十四五”规划 <2021—2025年> & 远景");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(QsSection) front = make_section (QS_SECTION_FRONT, 0, 10 + i, 1);
      g_autoptr(QsSection) back = make_section (QS_SECTION_BACK, i, 20 + i, 1);

      g_list_store_append (qs_plan_get_front_matter (plan), front);
      g_list_store_append (qs_plan_get_back_matter (plan), back);
    }
  for (int n = 1; n <= 3; n++)
    {
      g_autoptr(QsSection) chapter = make_section (QS_SECTION_CHAPTER, n, n * 3, 1);
      g_list_store_append (qs_plan_get_chapters (plan), chapter);
    }
  {
    /* An empty chapter and a chapter numbered 0. */
    g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 0, "");
    g_list_store_append (qs_plan_get_chapters (plan), chapter);
  }
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autoptr(QsGlossaryEntry) entry = qs_glossary_entry_new (pick (i), pick (i + 3));
      g_list_store_append (qs_plan_get_glossary (plan), entry);
    }
  return plan;
}

static void
assert_plans_equal (QsPlan *a,
                    QsPlan *b)
{
  g_autofree char *where = NULL;

  if (!qs_plan_equal (a, b, &where))
    g_error ("plans differ: %s", where);
}

static QsPlan *
read_ok (const char *data,
         gsize       length)
{
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_plan_xml_read_data (data, length, "test.qsplan", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Reads @data expecting @code; returns the message. */
static char *
read_fails (const char *data,
            gssize      length,
            int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;

  plan = qs_plan_xml_read_data (data, length < 0 ? strlen (data) : (gsize) length,
                                "bad.qsplan", &error);
  g_assert_null (plan);
  g_assert_error (error, QS_PLAN_XML_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "bad.qsplan:"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static void
assert_line (const char *message,
             int         line)
{
  g_autofree char *prefix = g_strdup_printf ("bad.qsplan:%d: ", line);

  if (!g_str_has_prefix (message, prefix))
    g_error ("expected line %d in «%s»", line, message);
}

static void
test_round_trip (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autoptr(QsPlan) back = NULL;
  g_autoptr(QsPlan) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  gsize length = 0, length2 = 0;

  data = qs_plan_xml_write_data (plan, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  back = read_ok (data, length);
  assert_plans_equal (plan, back);

  /* Writing what was read gives the same bytes: the format is canonical. */
  data2 = qs_plan_xml_write_data (back, &length2);
  g_assert_cmpuint (length, ==, length2);
  g_assert_cmpstr (data, ==, data2);
  again = read_ok (data2, length2);
  assert_plans_equal (plan, again);
}

static void
test_null_and_empty (void)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "");
  g_autoptr(QsSection) labelled = qs_section_new (QS_SECTION_CHAPTER, 2, "x");
  g_autoptr(QsIndicatorTable) t1 = qs_indicator_table_new ();
  g_autoptr(QsIndicatorTable) t2 = qs_indicator_table_new ();
  g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();
  g_autoptr(QsPlan) back = NULL;
  g_autofree char *data = NULL;
  QsSection *s;
  QsIndicatorTable *t;
  QsIndicatorRow *r;

  qs_section_set_label (labelled, "");
  qs_indicator_table_set_label (t2, "");
  qs_indicator_row_set_unit (row, "");          /* normalised to NULL by the model */
  qs_indicator_row_set_attribute (row, " ");
  qs_indicator_row_set_cell (row, 2, "");
  g_list_store_append (qs_indicator_table_get_rows (t2), row);
  g_list_store_append (qs_section_get_blocks (chapter), t1);
  g_list_store_append (qs_section_get_blocks (chapter), t2);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  g_list_store_append (qs_plan_get_chapters (plan), labelled);

  data = qs_plan_xml_write_data (plan, NULL);
  back = read_ok (data, strlen (data));
  assert_plans_equal (plan, back);

  g_assert_null (qs_plan_get_parent_plan (back));
  g_assert_cmpint (qs_plan_get_vision_year (back), ==, 0);
  s = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (back)), 0);
  g_assert_null (qs_section_get_label (s));
  g_assert_cmpstr (qs_section_get_title (s), ==, "");
  t = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (s)), 0);
  g_assert_null (qs_indicator_table_get_label (t));
  g_assert_cmpstr (qs_indicator_table_get_caption (t), ==, "");
  g_object_unref (t);
  t = g_list_model_get_item (G_LIST_MODEL (qs_section_get_blocks (s)), 1);
  g_assert_cmpstr (qs_indicator_table_get_label (t), ==, "");
  r = qs_indicator_table_get_row (t, 0);
  g_assert_null (qs_indicator_row_get_unit (r));
  g_assert_cmpstr (qs_indicator_row_get_attribute (r), ==, " ");
  g_assert_null (qs_indicator_row_get_parent (r));
  g_assert_cmpuint (qs_indicator_row_get_n_cells (r), ==, 3);
  g_object_unref (t);
  g_object_unref (s);
  s = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (back)), 1);
  g_assert_cmpstr (qs_section_get_label (s), ==, "");
  g_object_unref (s);
}

static void
test_output_form (void)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 1, " 总则 ");
  g_autoptr(QsParagraph) paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY, "a\n  b\r\n\x0b<c>");
  g_autofree char *data = NULL;

  qs_plan_set_period (plan, 2021, 2025);
  g_list_store_append (qs_section_get_blocks (chapter), paragraph);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  data = qs_plan_xml_write_data (plan, NULL);
  g_test_message ("%s", data);

  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" "
                                         "version=\"1\" level=\"district\" start-year=\"2021\" "
                                         "end-year=\"2025\">\n  <title/>\n  <region/>\n"
                                         "  <chapters>\n    <section kind=\"chapter\" number=\"1\">\n"
                                         "      <title> 总则 </title>\n"));
  /* Text is never indented inside; CR and VT are encoded. */
  g_assert_nonnull (strstr (data, "      <paragraph kind=\"body\">a\n  b&#13;\n"
                                  "<control code=\"000B\"/>&lt;c&gt;</paragraph>\n"));
  g_assert_true (g_str_has_suffix (data, "    </section>\n  </chapters>\n</plan>\n"));
}

/* The written file validates against resources/qsplan.rng as shipped. */
static void
test_output_validates (void)
{
  const char *source_dir = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *rng_path = NULL;
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *data = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;
  gsize length;

  if (source_dir == NULL)
    {
      g_test_skip ("QS_SOURCE_DIR is not set: cannot find resources/qsplan.rng");
      return;
    }
  rng_path = g_build_filename (source_dir, "resources", "qsplan.rng", NULL);
  pctxt = xmlRelaxNGNewParserCtxt (rng_path);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  g_assert_nonnull (schema);

  data = qs_plan_xml_write_data (plan, &length);
  doc = xmlReadMemory (data, length, "written.qsplan", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), ==, 0);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
}

static void
test_invalid (void)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\"\n"
    "      start-year=\"2021\" end-year=\"2025\">\n"
    "  <title>t</title>\n"
    "  <region>r</region>\n";
  static const struct { const char *body; int line; const char *needle; } cases[] = {
    /* A wrong element. */
    { "  <chapters>\n    <section kind=\"chapter\">\n      <title/>\n      <table/>\n"
      "    </section>\n  </chapters>\n", 9, "table" },
    /* An unknown column role. */
    { "  <chapters>\n    <section kind=\"chapter\"><title/>\n      <indicator-table>\n"
      "        <caption/>\n        <columns>\n          <column role=\"baseline\">a</column>\n"
      "          <column role=\"goal\">b</column>\n        </columns>\n"
      "      </indicator-table>\n    </section>\n  </chapters>\n", 12, "goal" },
    /* Text where only elements belong. */
    { "  <chapters>\n  stray text\n  </chapters>\n", 6, NULL },
    /* A block after a child section. */
    { "  <chapters>\n    <section kind=\"chapter\"><title/>\n      <section kind=\"section\"><title/></section>\n"
      "      <paragraph kind=\"body\">late</paragraph>\n    </section>\n  </chapters>\n", 9, NULL },
    /* A control element for a character XML can hold. */
    { "  <parent-plan>a<control code=\"0041\"/></parent-plan>\n", 6, "0041" },
    /* A missing title. */
    { "  <chapters>\n    <section kind=\"front\">\n      <paragraph kind=\"body\"/>\n"
      "    </section>\n  </chapters>\n", 8, NULL },
    /* A bad section number. */
    { "  <chapters>\n    <section kind=\"chapter\" number=\"-1\"><title/></section>\n  </chapters>\n", 7, "-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strconcat (head, cases[i].body, "</plan>\n", NULL);
      g_autofree char *message = read_fails (doc, -1, QS_PLAN_XML_ERROR_INVALID);

      assert_line (message, cases[i].line);
      if (cases[i].needle != NULL)
        g_assert_nonnull (strstr (message, cases[i].needle));
    }
}

static void
test_out_of_range (void)
{
  static const char * const docs[] = {
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\"\n"
    "  start-year=\"20211\" end-year=\"2025\"><title/><region/></plan>",
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\"\n"
    "  start-year=\"2021\" end-year=\" 2025\"><title/><region/></plan>",
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"province\"\n"
    "  start-year=\"2021\" end-year=\"2025\"><title/><region/></plan>",
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\"\n"
    "  start-year=\"2021\" end-year=\"2025\"><title/><region/><chapters>\n"
    "<section kind=\"chapter\" number=\"99999999999\"><title/></section></chapters></plan>",
  };
  static const int lines[] = { 2, 2, 2, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *message = read_fails (docs[i], -1, QS_PLAN_XML_ERROR_INVALID);
      assert_line (message, lines[i]);
    }
}

static void
test_wrong_root (void)
{
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  m1 = read_fails ("<?xml version=\"1.0\"?>\n<html><body/></html>", -1, QS_PLAN_XML_ERROR_INVALID);
  assert_line (m1, 2);
  g_assert_nonnull (strstr (m1, "not a Qingshan plan"));
  m2 = read_fails ("<plan version=\"1\"/>", -1, QS_PLAN_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (m2, "no namespace"));
  m3 = read_fails ("<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"2\"/>", -1,
                   QS_PLAN_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (m3, "version “2”"));
}

static guint external_loads;

static xmlParserInputPtr
counting_loader (const char       *url,
                 const char       *id,
                 xmlParserCtxtPtr  ctxt)
{
  external_loads++;
  g_test_message ("external entity loader called for %s", url ? url : "(null)");
  return NULL;
}

static void
test_forbidden (void)
{
  static const char * const docs[] = {
    /* Billion laughs. */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE plan [\n"
    "  <!ENTITY a \"lol\">\n"
    "  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    "  <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    "  <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    "  <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    "  <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
    "]>\n"
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\" "
    "start-year=\"2021\" end-year=\"2025\"><title>&g;</title><region/></plan>\n",
    /* XXE. */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE plan [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\" "
    "start-year=\"2021\" end-year=\"2025\"><title>&xxe;</title><region/></plan>\n",
    /* A parameter entity pulling in an external DTD. */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE plan [ <!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext; ]>\n"
    "<plan/>\n",
    /* An external DTD. */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE plan SYSTEM \"file:///etc/passwd\">\n"
    "<plan/>\n",
    /* A bare DOCTYPE. */
    "<!DOCTYPE plan>\n<plan/>\n",
    /* An entity reference without any declaration. */
    "<?xml version=\"1.0\"?>\n"
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\" "
    "start-year=\"2021\" end-year=\"2025\">\n<title>&nbsp;</title><region/></plan>\n",
  };
  static const int lines[] = { 2, 2, 2, 2, 1, 3 };
  xmlExternalEntityLoader saved = xmlGetExternalEntityLoader ();

  xmlSetExternalEntityLoader (counting_loader);
  external_loads = 0;
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *message = read_fails (docs[i], -1, QS_PLAN_XML_ERROR_FORBIDDEN);

      assert_line (message, lines[i]);
    }
  xmlSetExternalEntityLoader (saved);
  /* Nothing outside the file was ever asked for. */
  g_assert_cmpuint (external_loads, ==, 0);
}

static void
test_truncated (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  const char *half;
  gsize length;
  int lines = 1;

  data = qs_plan_xml_write_data (plan, &length);
  half = g_utf8_find_prev_char (data, data + length / 2);
  for (const char *p = data; p < half; p++)
    lines += *p == '\n';

  message = read_fails (data, half - data, QS_PLAN_XML_ERROR_MALFORMED);
  /* libxml2 names the line where the data stopped. */
  assert_line (message, lines);

  /* Cut inside a multi-byte character. */
  half = strstr (data, "大");
  g_assert_nonnull (half);
  message2 = read_fails (data, half - data + 1, QS_PLAN_XML_ERROR_MALFORMED);
  g_assert_nonnull (strstr (message2, "truncated"));
}

static void
test_not_xml (void)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
  static const char utf16[] = "\xff\xfe<\0p\0l\0a\0n\0/\0>\0";
  static const char latin1[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"district\"\n"
    "      start-year=\"2021\" end-year=\"2025\">\n"
    "  <title>caf\xe9</title>\n"
    "</plan>\n";
  static const char overlong[] = "<plan>\n\xc0\xbc</plan>";
  static const char surrogate[] = "<plan>\n\n\xed\xa0\x80</plan>";
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;
  g_autofree char *m4 = NULL;
  g_autofree char *m5 = NULL;
  g_autofree char *m6 = NULL;
  g_autofree char *m7 = NULL;
  g_autofree char *m8 = NULL;

  m1 = read_fails (binary, sizeof binary - 1, QS_PLAN_XML_ERROR_MALFORMED);
  m2 = read_fails (utf16, sizeof utf16 - 1, QS_PLAN_XML_ERROR_MALFORMED);
  g_assert_nonnull (strstr (m2, "UTF-16"));
  m3 = read_fails (latin1, -1, QS_PLAN_XML_ERROR_MALFORMED);
  assert_line (m3, 4);
  g_assert_nonnull (strstr (m3, "0xE9"));
  m4 = read_fails (overlong, -1, QS_PLAN_XML_ERROR_MALFORMED);
  assert_line (m4, 2);
  m5 = read_fails (surrogate, -1, QS_PLAN_XML_ERROR_MALFORMED);
  assert_line (m5, 3);
  m6 = read_fails ("plain text, not XML\n", -1, QS_PLAN_XML_ERROR_MALFORMED);
  assert_line (m6, 1);
  m7 = read_fails ("<plan><title></plan>", -1, QS_PLAN_XML_ERROR_MALFORMED);
  /* A control character as a character reference. */
  m8 = read_fails ("<plan>\n<title>&#1;</title></plan>", -1, QS_PLAN_XML_ERROR_MALFORMED);
  assert_line (m8, 2);
  {
    g_autofree char *m = read_fails ("", 0, QS_PLAN_XML_ERROR_MALFORMED);
    g_assert_nonnull (strstr (m, "empty"));
  }
}

static void
test_too_deep (void)
{
  g_autoptr(GString) doc = g_string_new ("<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" "
                                         "version=\"1\" level=\"district\" start-year=\"0\" "
                                         "end-year=\"0\"><title/><region/><chapters>\n");
  g_autofree char *message = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (doc, "<section kind=\"chapter\"><title/>\n");
  message = read_fails (doc->str, doc->len, QS_PLAN_XML_ERROR_MALFORMED);
  g_assert_nonnull (strstr (message, "nested too deeply"));
}

static void
test_too_large (void)
{
  g_autofree char *big = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  int fd;

  /* A real buffer one byte over the limit: refused before parsing. */
  big = g_malloc (QS_PLAN_XML_MAX_SIZE + 1);
  memset (big, ' ', QS_PLAN_XML_MAX_SIZE + 1);
  memcpy (big, "<plan/>", 7);
  plan = qs_plan_xml_read_data (big, QS_PLAN_XML_MAX_SIZE + 1, "big.qsplan", &error);
  g_assert_null (plan);
  g_assert_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "big.qsplan: "));
  g_clear_error (&error);

  /* A sparse file over the limit is refused without reading it. */
  dir = g_dir_make_tmp ("qs-xml-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "big.qsplan", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) QS_PLAN_XML_MAX_SIZE * 4), ==, 0);
  close (fd);
  plan = qs_plan_xml_read_file (path, &error);
  g_assert_null (plan);
  g_assert_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.qsplan"));
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_read_file_io (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-xml-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.qsplan", NULL);

  plan = qs_plan_xml_read_file (missing, &error);
  g_assert_null (plan);
  g_assert_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.qsplan"));
  g_clear_error (&error);

  plan = qs_plan_xml_read_file (dir, &error);
  g_assert_null (plan);
  g_assert_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_file_round_trip (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autoptr(QsPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "规划 plan.qsplan", NULL);
  GStatBuf st;

  g_assert_true (qs_plan_xml_write_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  {
    mode_t mask = umask (022);

    umask (mask);
    g_assert_cmpint (st.st_mode & 0777, ==, 0644 & ~mask);
  }
  back = qs_plan_xml_read_file (path, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, back);

  /* Overwriting replaces the file whole. */
  qs_plan_set_title (back, "second");
  g_assert_true (qs_plan_xml_write_file (back, path, &error));
  g_clear_object (&plan);
  plan = qs_plan_xml_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qs_plan_get_title (plan), ==, "second");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
assert_write_fails (QsPlan     *plan,
                    const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (qs_plan_xml_write_file (plan, path, &error));
  g_assert_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_IO);
  g_test_message ("%s", error->message);
}

/* Leaves no stray temporary file beside @path. */
static void
assert_dir_holds_only (const char *dir,
                       const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, name ? 1 : 0);
}

static void
test_write_missing_dir (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *dir = g_dir_make_tmp ("qs-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no-such-dir", "plan.qsplan", NULL);

  assert_write_fails (plan, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_dir_holds_only (dir, NULL);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static const char old_content[] = "the planner's previous version\n";

static char *
make_existing (const char  *dir,
               const char  *name)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, old_content, -1, NULL));
  return path;
}

static void
assert_untouched (const char *path)
{
  g_autofree char *content = NULL;

  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, old_content);
}

static void
test_write_read_only_dir (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *dir = g_dir_make_tmp ("qs-xml-XXXXXX", NULL);
  g_autofree char *path = make_existing (dir, "plan.qsplan");

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      /* root (CAP_DAC_OVERRIDE) writes anyway; test_write_disk_full covers
       * the "existing file untouched" promise there. */
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      g_test_skip ("running with permission to write into a read-only directory (root)");
      return;
    }
  assert_write_fails (plan, path);
  assert_untouched (path);
  assert_dir_holds_only (dir, "plan.qsplan");
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A disk that fills up while saving (simulated with RLIMIT_FSIZE, which
 * binds root too) must leave the previous file as it was. */
static void
test_write_disk_full (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *dir = g_dir_make_tmp ("qs-xml-XXXXXX", NULL);
  g_autofree char *path = make_existing (dir, "plan.qsplan");
  struct rlimit saved, limit;
  void (*saved_handler) (int);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  assert_write_fails (plan, path);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  assert_untouched (path);
  assert_dir_holds_only (dir, "plan.qsplan");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Saving over a directory fails and leaves it alone. */
static void
test_write_over_directory (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *dir = g_dir_make_tmp ("qs-xml-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "plan.qsplan", NULL);
  g_autofree char *inside = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  inside = make_existing (target, "keep");
  assert_write_fails (plan, target);
  assert_untouched (inside);
  assert_dir_holds_only (dir, "plan.qsplan");
  g_assert_cmpint (g_unlink (inside), ==, 0);
  g_assert_cmpint (g_rmdir (target), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Every prefix and many corrupted copies of a valid file either read or
 * fail with an error: never a crash, never NULL without an error. */
static void
test_corruption (void)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = make_section (QS_SECTION_CHAPTER, 1, 4, 2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20210101);
  g_autofree char *data = NULL;
  gsize length;

  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  data = qs_plan_xml_write_data (plan, &length);

  for (gsize cut = 0; cut < length; cut += 1 + cut / 64)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QsPlan) back = qs_plan_xml_read_data (data, cut, "cut", &error);

      g_assert_null (back);
      g_assert_nonnull (error);
    }
  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *copy = g_memdup2 (data, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(QsPlan) back = NULL;
      static const char bytes[] = "<>&;\"'/= \n\x01\x80\xff?!-[]#x";

      for (guint k = 0; k < 1 + round % 4; k++)
        copy[g_rand_int_range (rand, 0, length)] =
          bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];
      back = qs_plan_xml_read_data (copy, length, "mutant", &error);
      g_assert_true ((back == NULL) != (error == NULL));
    }
}

/* tests/data/xml: good-*.qsplan read (and survive a round trip; the
 * canonical one is byte-identical when written again); bad-CODE-*.qsplan
 * fail with that code, at the line named by an "expect-line: N" marker. */
static void
test_fixtures (void)
{
  const char *source_dir = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_good = 0, n_bad = 0;

  if (source_dir == NULL)
    {
      g_test_skip ("QS_SOURCE_DIR is not set: cannot find tests/data/xml");
      return;
    }
  dir_path = g_build_filename (source_dir, "tests", "data", "xml", NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(QsPlan) plan = NULL;
      gsize length = 0;

      if (!g_str_has_suffix (name, ".qsplan"))
        continue;
      g_test_message ("fixture %s", name);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      plan = qs_plan_xml_read_file (path, &error);

      if (g_str_has_prefix (name, "good-"))
        {
          g_autofree char *written = NULL;
          g_autoptr(QsPlan) back = NULL;

          g_assert_no_error (error);
          g_assert_nonnull (plan);
          written = qs_plan_xml_write_data (plan, NULL);
          back = read_ok (written, strlen (written));
          assert_plans_equal (plan, back);
          if (g_str_has_prefix (name, "good-canonical"))
            g_assert_cmpstr (written, ==, data);
          n_good++;
        }
      else if (g_str_has_prefix (name, "bad-"))
        {
          static const struct { const char *prefix; int code; } codes[] = {
            { "bad-malformed-", QS_PLAN_XML_ERROR_MALFORMED },
            { "bad-forbidden-", QS_PLAN_XML_ERROR_FORBIDDEN },
            { "bad-invalid-", QS_PLAN_XML_ERROR_INVALID },
            { "bad-too-large-", QS_PLAN_XML_ERROR_TOO_LARGE },
          };
          const char *marker;
          guint c;

          for (c = 0; c < G_N_ELEMENTS (codes); c++)
            if (g_str_has_prefix (name, codes[c].prefix))
              break;
          g_assert_cmpuint (c, <, G_N_ELEMENTS (codes));
          g_assert_null (plan);
          g_assert_error (error, QS_PLAN_XML_ERROR, codes[c].code);
          g_test_message ("  %s", error->message);
          g_assert_nonnull (strstr (error->message, name));

          marker = g_strstr_len (data, MIN (length, 1024), "expect-line: ");
          if (marker != NULL)
            {
              g_autofree char *expected =
                g_strdup_printf ("%s:%d: ", name, atoi (marker + strlen ("expect-line: ")));
              g_assert_nonnull (strstr (error->message, expected));
            }
          n_bad++;
        }
      g_clear_error (&error);
    }
  g_assert_cmpuint (n_good, >=, 2);
  g_assert_cmpuint (n_bad, >=, 10);
}

/* A plan with many tables (a large file) survives a round trip. */
static void
test_written_is_stable_for_many_tables (void)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 2, "主要目标");
  g_autoptr(QsPlan) back = NULL;
  g_autofree char *data = NULL;
  gsize length;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(QsIndicatorTable) table = make_indicator_table (i);
      g_list_store_append (qs_section_get_blocks (chapter), table);
    }
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  data = qs_plan_xml_write_data (plan, &length);
  back = read_ok (data, length);
  assert_plans_equal (plan, back);
}

/* A municipal plan's requirements: every text field awkward in turn, two
 * groups each shared by several requirements, one group unused by all but
 * one, requirements with no group and with neither figure nor id. */
static QsPlan *
make_plan_with_requirements (void)
{
  QsPlan *plan = make_plan ();
  QsDistrictGroup *groups[3];
  GListStore *requirements = qs_plan_get_requirements (plan);

  qs_plan_set_level (plan, QS_PLAN_LEVEL_MUNICIPAL);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      const char * const districts[] = { pick (g), pick (g + 5), "大渡口区", NULL };
      g_autofree char *key = g_strdup_printf ("g%u%s", g, pick (g + 7));

      groups[g] = qs_district_group_new (key, pick (g + 1), g == 2 ? NULL : districts);
      qs_district_group_set_source (groups[g], g == 1 ? NULL : pick (g + 2));
    }
  for (guint i = 0; i < 2 * G_N_ELEMENTS (awkward); i++)
    {
      QsRequirementKind kind = (QsRequirementKind) (i % 4);
      g_autoptr(QsRequirement) r = qs_requirement_new (i % 5 == 4 ? NULL : pick (i), kind,
                                                       i % 3 == 2 ? NULL : pick (i + 1));
      const char * const districts[] = { pick (i + 2), pick (i + 3), NULL };

      qs_requirement_set_id (r, i % 6 == 5 ? NULL : pick (i + 4));
      if (i % 4 != 3)
        qs_requirement_set_group (r, groups[i % 7 == 6 ? 2 : i % 2]);
      if (i % 3 != 0)
        qs_requirement_set_districts (r, districts);
      qs_requirement_set_unit (r, pick (i + 5));
      qs_requirement_set_base_year (r, i % 2 ? 2015 : 0);
      qs_requirement_set_base_value (r, pick (i + 6));
      qs_requirement_set_year (r, i % 3 ? 2020 : 0);
      qs_requirement_set_source (r, pick (i + 7));
      qs_requirement_set_note (r, pick (i + 8));
      g_list_store_append (requirements, r);
    }
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_object_unref (groups[g]);
  return plan;
}

static void
validate_with_shipped_schema (const char *data,
                              gsize       length)
{
  const char *source_dir = g_getenv ("QS_SOURCE_DIR");
  g_autofree char *rng_path = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;

  if (source_dir == NULL)
    return;
  rng_path = g_build_filename (source_dir, "resources", "qsplan.rng", NULL);
  pctxt = xmlRelaxNGNewParserCtxt (rng_path);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  g_assert_nonnull (schema);
  doc = xmlReadMemory (data, length, "written.qsplan", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), ==, 0);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
}

static QsRequirement *
requirement_at (QsPlan *plan,
                guint   i)
{
  g_autoptr(QsRequirement) r = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_requirements (plan)), i);

  g_assert_nonnull (r);
  return r;   /* the plan holds another reference */
}

static void
test_requirements_round_trip (void)
{
  g_autoptr(QsPlan) plan = make_plan_with_requirements ();
  g_autoptr(QsPlan) back = NULL;
  g_autoptr(QsPlan) copies = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  gsize length = 0, length2 = 0;
  guint n;

  data = qs_plan_xml_write_data (plan, &length);
  validate_with_shipped_schema (data, length);
  back = read_ok (data, length);
  assert_plans_equal (plan, back);
  n = g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_requirements (back)));
  g_assert_cmpuint (n, ==, 2 * G_N_ELEMENTS (awkward));

  /* Shared groups come back shared: requirements 0 and 2 hold group 0. */
  g_assert_nonnull (qs_requirement_get_group (requirement_at (back, 0)));
  g_assert_true (qs_requirement_get_group (requirement_at (back, 0)) ==
                 qs_requirement_get_group (requirement_at (back, 2)));
  g_assert_true (qs_requirement_get_group (requirement_at (back, 0)) !=
                 qs_requirement_get_group (requirement_at (back, 1)));
  g_assert_null (qs_requirement_get_group (requirement_at (back, 3)));
  /* Absent stays NULL. */
  g_assert_null (qs_requirement_get_figure (requirement_at (back, 2)));
  g_assert_null (qs_requirement_get_id (requirement_at (back, 5)));
  g_assert_null (qs_requirement_get_indicator_id (requirement_at (back, 4)));

  /* Canonical: writing what was read gives the same bytes. */
  data2 = qs_plan_xml_write_data (back, &length2);
  g_assert_cmpstr (data, ==, data2);

  /* Each group once in the file, however many requirements use it. */
  {
    guint count = 0;

    for (const char *p = data; (p = strstr (p, "<group id=")) != NULL; p++)
      count++;
    g_assert_cmpuint (count, ==, 3);
  }

  /* Equal copies of a group are not the same as one shared group. */
  copies = read_ok (data, length);
  {
    QsDistrictGroup *shared = qs_requirement_get_group (requirement_at (copies, 2));
    g_autoptr(QsDistrictGroup) copy = qs_district_group_new (qs_district_group_get_id (shared),
                                                             qs_district_group_get_name (shared),
                                                             qs_district_group_get_districts (shared));

    qs_district_group_set_source (copy, qs_district_group_get_source (shared));
    qs_requirement_set_group (requirement_at (copies, 2), copy);
    g_assert_false (qs_plan_equal (plan, copies, NULL));
  }

  /* Every field counts for qs_plan_equal. */
  qs_requirement_set_note (requirement_at (back, 7), "changed");
  g_assert_false (qs_plan_equal (plan, back, NULL));
}

/* A plan without requirements writes no <requirements> element. */
static void
test_requirements_absent (void)
{
  g_autoptr(QsPlan) plan = make_plan ();
  g_autofree char *data = qs_plan_xml_write_data (plan, NULL);

  g_assert_null (strstr (data, "<requirements"));
}

static void
test_requirements_invalid (void)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://qingshan.org/ns/qsplan/1\" version=\"1\" level=\"municipal\"\n"
    "      start-year=\"2016\" end-year=\"2020\">\n"
    "  <title>t</title>\n"
    "  <region>r</region>\n"
    "  <requirements>\n";
  static const struct { const char *body; int line; const char *needle; } cases[] = {
    /* A group that is not defined. */
    { "    <requirement kind=\"absolute-bound\" group=\"2\"><figure>≤35</figure></requirement>\n", 7, "2" },
    /* Two groups with one number. */
    { "    <group id=\"1\"><key>a</key><name/></group>\n"
      "    <group id=\"1\"><key>b</key><name/></group>\n"
      "    <requirement kind=\"keep-baseline\" group=\"1\"/>\n", 8, "1" },
    /* Group numbers start at 1. */
    { "    <group id=\"0\"><key>a</key><name/></group>\n"
      "    <requirement kind=\"keep-baseline\"/>\n", 7, "0" },
    /* An unknown kind. */
    { "    <requirement kind=\"at-least\"/>\n", 7, "at-least" },
    /* A group after the requirements. */
    { "    <requirement kind=\"keep-baseline\"/>\n"
      "    <group id=\"1\"><key>a</key><name/></group>\n", 8, NULL },
    /* A group without its key. */
    { "    <group id=\"1\"><name>x</name></group>\n"
      "    <requirement kind=\"keep-baseline\"/>\n", 7, NULL },
    /* A figure given twice. */
    { "    <requirement kind=\"absolute-bound\">\n"
      "      <figure>≤35</figure>\n      <figure>≤40</figure>\n    </requirement>\n", 9, "figure" },
    /* No requirement at all. */
    { "", 6, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strconcat (head, cases[i].body, "  </requirements>\n</plan>\n", NULL);
      g_autofree char *message = read_fails (doc, -1, QS_PLAN_XML_ERROR_INVALID);

      assert_line (message, cases[i].line);
      if (cases[i].needle != NULL)
        g_assert_nonnull (strstr (message, cases[i].needle));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-xml/round-trip", test_round_trip);
  g_test_add_func ("/plan-xml/round-trip/null-and-empty", test_null_and_empty);
  g_test_add_func ("/plan-xml/round-trip/many-tables", test_written_is_stable_for_many_tables);
  g_test_add_func ("/plan-xml/round-trip/file", test_file_round_trip);
  g_test_add_func ("/plan-xml/write/form", test_output_form);
  g_test_add_func ("/plan-xml/write/validates", test_output_validates);
  g_test_add_func ("/plan-xml/write/missing-dir", test_write_missing_dir);
  g_test_add_func ("/plan-xml/write/read-only-dir", test_write_read_only_dir);
  g_test_add_func ("/plan-xml/write/disk-full", test_write_disk_full);
  g_test_add_func ("/plan-xml/write/over-directory", test_write_over_directory);
  g_test_add_func ("/plan-xml/read/invalid", test_invalid);
  g_test_add_func ("/plan-xml/read/out-of-range", test_out_of_range);
  g_test_add_func ("/plan-xml/read/wrong-root", test_wrong_root);
  g_test_add_func ("/plan-xml/read/forbidden", test_forbidden);
  g_test_add_func ("/plan-xml/read/truncated", test_truncated);
  g_test_add_func ("/plan-xml/read/not-xml", test_not_xml);
  g_test_add_func ("/plan-xml/read/too-deep", test_too_deep);
  g_test_add_func ("/plan-xml/read/too-large", test_too_large);
  g_test_add_func ("/plan-xml/read/io", test_read_file_io);
  g_test_add_func ("/plan-xml/read/corruption", test_corruption);
  g_test_add_func ("/plan-xml/fixtures", test_fixtures);
  g_test_add_func ("/plan-xml/round-trip/requirements", test_requirements_round_trip);
  g_test_add_func ("/plan-xml/write/no-requirements", test_requirements_absent);
  g_test_add_func ("/plan-xml/read/requirements-invalid", test_requirements_invalid);

  return g_test_run ();
}
