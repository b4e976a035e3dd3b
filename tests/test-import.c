/* test-import.c: the plain-text importer (qs-importer.c and qs-import-*.c). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "qs-model.h"

/* ---- helpers -------------------------------------------------------- */

static QsPlan *
import_string (const char      *text,
               QsImportReport **report)
{
  g_autoptr(GError) error = NULL;
  QsPlan *plan = qs_import_text_data (text, strlen (text), "test.txt", report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static QsSection *
chapter_at (QsPlan *plan,
            guint   index)
{
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), index);

  g_assert_nonnull (chapter);
  return chapter;   /* the plan keeps it alive */
}

static QsSection *
child_at (QsSection *section,
          guint      index)
{
  g_autoptr(QsSection) child = g_list_model_get_item (G_LIST_MODEL (qs_section_get_children (section)), index);

  g_assert_nonnull (child);
  return child;
}

static guint
n_items (gpointer list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static QsIndicatorTable *
indicator_table_at (QsPlan *plan,
                    guint   index)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  g_assert_cmpuint (tables->len, >, index);
  return g_ptr_array_index (tables, index);   /* the plan keeps it alive */
}

static QsTaskTable *
task_table_at (QsPlan *plan,
               guint   index)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_task_tables (plan);

  g_assert_cmpuint (tables->len, >, index);
  return g_ptr_array_index (tables, index);
}

static const char *
shared_dir (void)
{
  const char *dir = g_getenv ("QS_SHARED_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
seed_paths (void)
{
  const char *dir = shared_dir ();
  g_autofree char *seeds = NULL;
  g_autoptr(GDir) d = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return paths;
  seeds = g_build_filename (dir, "seeds", NULL);
  d = g_dir_open (seeds, 0, NULL);
  if (d == NULL)
    return paths;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (seeds, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

/* ---- nothing is lost -------------------------------------------------

 * Every character of the source except the documented junk must end up in
 * the imported plan.  The junk, as qs-import-text.c and qs-import-table.c
 * document it, and exactly what this check removes from the source first:
 *   - "[bookmark:…]" and "[footnoteRef:…]" tags (at most 240 bytes inside);
 *   - lines holding only a page number ("- 12 -", "第 3 页 共 58 页");
 *   - a notes label alone on its line ("注：", "备注：");
 *   - the HTML paragraph tags "<p>" and "</p>" (around notes; each
 *     paragraph is a piece of its own);
 *   - white space (it is ignored everywhere: tables lose their TABs).
 * A line longer than one text may be (1 MiB) is kept as several paragraphs,
 * so the paragraphs' concatenation counts as one more text.
 * The check: each TAB-separated piece of every remaining source line, white
 * space removed, is a substring of one text of the plan (a heading with its
 * numbering, a caption, a header, a cell or row field, a note, an item, a
 * paragraph, a glossary entry, the title).  So each piece's characters are
 * all there, in order.
 */

static void
collect (GString    *all,
         const char *text)
{
  g_autofree char *flat = qs_text_strip_spaces (text);

  if (*flat == '\0')
    return;
  g_string_append (all, flat);
  g_string_append_c (all, '\x01');
}

static void
collect_strv (GString            *all,
              const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    collect (all, strv[i]);
}

static void
collect_columns (GString    *all,
                 GListModel *columns)
{
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, c);
      collect (all, qs_table_column_get_header (column));
    }
}

static void
collect_block (GString *all,
               GObject *block)
{
  if (QS_IS_PARAGRAPH (block))
    collect (all, qs_paragraph_get_text (QS_PARAGRAPH (block)));
  else if (QS_IS_INDICATOR_TABLE (block))
    {
      QsIndicatorTable *table = QS_INDICATOR_TABLE (block);
      GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));

      collect (all, qs_indicator_table_get_caption (table));
      collect_columns (all, G_LIST_MODEL (qs_indicator_table_get_columns (table)));
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          QsIndicatorRow *row = qs_indicator_table_get_row (table, r);

          for (guint c = 0; c < qs_indicator_row_get_n_cells (row); c++)
            collect (all, qs_indicator_row_get_cell (row, c));
          collect (all, qs_indicator_row_get_category (row));
          collect (all, qs_indicator_row_get_name (row));
          collect (all, qs_indicator_row_get_indicator (row));
          collect (all, qs_indicator_row_get_parent (row));
        }
      collect_strv (all, qs_indicator_table_get_notes (table));
    }
  else if (QS_IS_TASK_TABLE (block))
    {
      QsTaskTable *table = QS_TASK_TABLE (block);
      GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));
      GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));

      collect (all, qs_task_table_get_caption (table));
      collect_columns (all, G_LIST_MODEL (qs_task_table_get_columns (table)));
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, r);

          for (guint c = 0; c < qs_task_row_get_n_cells (row); c++)
            collect (all, qs_task_row_get_cell (row, c));
        }
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);
          collect (all, qs_task_item_get_text (item));
        }
      collect_strv (all, qs_task_table_get_notes (table));
    }
  else
    g_assert_not_reached ();
}

static void
collect_section (GString   *all,
                 QsSection *section)
{
  g_autofree char *heading = g_strconcat (qs_section_get_label (section) ? qs_section_get_label (section) : "",
                                          qs_section_get_title (section), NULL);
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));

  collect (all, heading);
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);
      collect_block (all, block);
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);
      collect_section (all, child);
    }
}

static void
append_paragraphs (GString   *stream,
                   QsSection *section)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      if (QS_IS_PARAGRAPH (block))
        {
          g_autofree char *flat = qs_text_strip_spaces (qs_paragraph_get_text (QS_PARAGRAPH (block)));
          g_string_append (stream, flat);
        }
      else
        g_string_append_c (stream, '\x01');
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);
      g_string_append_c (stream, '\x01');
      append_paragraphs (stream, child);
    }
}

static char *
plan_text (QsPlan *plan)
{
  GString *all = g_string_new ("\x01");
  GListModel *lists[] = {
    G_LIST_MODEL (qs_plan_get_front_matter (plan)),
    G_LIST_MODEL (qs_plan_get_chapters (plan)),
    G_LIST_MODEL (qs_plan_get_back_matter (plan)),
  };
  GListModel *glossary = G_LIST_MODEL (qs_plan_get_glossary (plan));

  collect (all, qs_plan_get_title (plan));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(QsSection) section = g_list_model_get_item (lists[l], i);
        collect_section (all, section);
      }
  for (guint i = 0; i < g_list_model_get_n_items (glossary); i++)
    {
      g_autoptr(QsGlossaryEntry) entry = g_list_model_get_item (glossary, i);
      /* The colon between term and definition is the entry's structure. */
      g_autofree char *wide = g_strconcat (qs_glossary_entry_get_term (entry), "：",
                                           qs_glossary_entry_get_definition (entry), NULL);
      g_autofree char *narrow = g_strconcat (qs_glossary_entry_get_term (entry), ":",
                                             qs_glossary_entry_get_definition (entry), NULL);
      collect (all, wide);
      collect (all, narrow);
    }
  /* A line longer than one text may be is kept as consecutive paragraphs:
   * their concatenation in document order holds it. */
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(QsSection) section = g_list_model_get_item (lists[l], i);
        g_string_append_c (all, '\x01');
        append_paragraphs (all, section);
      }
  return g_string_free (all, FALSE);
}

/* Returns the number of source pieces not found (printed with their line). */
static guint
count_lost (const char *source,
            QsPlan     *plan)
{
  g_autoptr(GRegex) tags = g_regex_new ("\\[(?:bookmark|footnoteRef):[^\\]]{0,240}\\]", 0, 0, NULL);
  g_autoptr(GRegex) html_open = g_regex_new ("<p>", 0, 0, NULL);
  g_autoptr(GRegex) html_close = g_regex_new ("</p>", 0, 0, NULL);
  g_autoptr(GRegex) page = g_regex_new ("^(?:[-－—–─―]\\d{1,4}[-－—–─―]|第\\d{1,4}页(?:[，,]?共\\d{1,4}页)?)$",
                                        0, 0, NULL);
  static const char *const labels[] = { "注：", "注:", "备注：", "备注:", "说明：", "说明:", "注", "备注", NULL };
  g_autofree char *all = plan_text (plan);
  g_auto(GStrv) lines = g_strsplit (source, "\n", -1);
  guint lost = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *clean = g_regex_replace_literal (tags, lines[i], -1, 0, "", 0, NULL);
      g_autofree char *flat = qs_text_strip_spaces (clean);
      g_auto(GStrv) pieces = NULL;

      if (g_regex_match (page, flat, 0, NULL) || g_strv_contains (labels, flat))
        continue;
      {
        /* Each HTML paragraph is a note of its own. */
        g_autofree char *opened = g_regex_replace_literal (html_open, clean, -1, 0, "", 0, NULL);
        g_autofree char *closed = g_regex_replace_literal (html_close, opened, -1, 0, "\t", 0, NULL);
        pieces = g_strsplit (closed, "\t", -1);
      }
      for (guint p = 0; pieces[p] != NULL; p++)
        {
          g_autofree char *piece = qs_text_strip_spaces (pieces[p]);

          if (*piece == '\0' || strstr (all, piece) != NULL)
            continue;
          if (lost < 10)
            g_test_message ("line %u: lost “%s”", i + 1, piece);
          lost++;
        }
    }
  return lost;
}

/* ---- the seeds ------------------------------------------------------ */

static void
test_seeds_nothing_lost (void)
{
  g_autoptr(GPtrArray) paths = seed_paths ();

  if (paths->len == 0)
    {
      g_test_skip ("no sample plans (QS_SHARED_DIR/seeds is absent)");
      return;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(QsPlan) plan = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, &error));
      plan = qs_import_text_data (data, length, path, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s", path);
      g_assert_cmpuint (count_lost (data, plan), ==, 0);
    }
}

static gint64
member_int (JsonObject *object,
            const char *member)
{
  return json_object_has_member (object, member) ? json_object_get_int_member (object, member) : -1;
}

/* The counts each truth file states (stats) against the imported plan. */
static void
test_seeds_counts (void)
{
  g_autoptr(GPtrArray) paths = seed_paths ();

  if (paths->len == 0)
    {
      g_test_skip ("no sample plans (QS_SHARED_DIR/seeds is absent)");
      return;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".txt"));
      g_autofree char *truth_name = g_strconcat (stem, ".json", NULL);
      g_autofree char *truth_path = g_build_filename (shared_dir (), "truth", truth_name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(QsPlan) plan = NULL;
      g_autoptr(QsImportReport) report = NULL;
      g_autoptr(GPtrArray) indicator_tables = NULL;
      g_autoptr(GPtrArray) task_tables = NULL;
      JsonObject *truth;
      JsonObject *stats;
      guint n_sections = 0;
      guint n_subsections = 0;
      guint n_rows = 0;

      if (!g_file_test (truth_path, G_FILE_TEST_EXISTS))
        continue;
      g_assert_true (json_parser_load_from_file (parser, truth_path, &error));
      truth = json_node_get_object (json_parser_get_root (parser));
      stats = json_object_get_object_member (truth, "stats");

      plan = qs_import_text_file (path, &report, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u doubts", base, qs_import_report_get_n_doubts (report));

      g_assert_cmpstr (qs_plan_get_title (plan), ==, json_object_get_string_member (truth, "title"));
      g_assert_cmpstr (qs_plan_get_region (plan), ==, json_object_get_string_member (truth, "region"));
      g_assert_cmpstr (qs_plan_level_to_string (qs_plan_get_level (plan)), ==,
                       json_object_get_string_member (truth, "level"));
      {
        g_autofree char *period = qs_plan_dup_period_string (plan);
        g_assert_cmpstr (period, ==, json_object_get_string_member (truth, "period"));
      }

      g_assert_cmpint (n_items (qs_plan_get_chapters (plan)), ==, member_int (stats, "chapters"));
      for (guint c = 0; c < n_items (qs_plan_get_chapters (plan)); c++)
        {
          QsSection *chapter = chapter_at (plan, c);

          n_sections += n_items (qs_section_get_children (chapter));
          for (guint s = 0; s < n_items (qs_section_get_children (chapter)); s++)
            n_subsections += n_items (qs_section_get_children (child_at (chapter, s)));
        }
      g_assert_cmpint (n_sections, ==, member_int (stats, "sections"));
      g_assert_cmpint (n_subsections, ==, member_int (stats, "subsections"));

      indicator_tables = qs_plan_collect_indicator_tables (plan);
      task_tables = qs_plan_collect_task_tables (plan);
      for (guint t = 0; t < indicator_tables->len; t++)
        n_rows += n_items (qs_indicator_table_get_rows (g_ptr_array_index (indicator_tables, t)));
      g_assert_cmpint (indicator_tables->len, ==, member_int (stats, "indicator_tables"));
      g_assert_cmpint (n_rows, ==, member_int (stats, "indicator_rows"));
      g_assert_cmpint (task_tables->len, ==, member_int (stats, "task_tables"));
    }
}

/* ---- synthetic plans: every layout, without the shared directory ---- */

/* Layout A: one cell per line after a TAB, rows end at a blank line. */
static const char plan_cell_lines[] =
  " [bookmark: _Toc1]前  言\n"
  "[bookmark: _Hlk2]本规划依据有关要求编制，制定《样例区生态环境保护“十四五”规划》。\n"
  " [bookmark: _Toc3]第一章 总体要求\n"
  "[bookmark: _Toc4][bookmark: _Toc5]第一节 现状\n"
  "表1 样例区主要指标\n"
  "\t类别\n"
  "\t指标名称\n"
  "\t2020年\n"
  "现状值\n"
  "\t2025年\n"
  "目标值\n"
  "\t指标\n"
  "属性\n"
  "\n"
  "\t环境\n"
  "质量\n"
  "\t1.森林覆盖率〔1〕（%）\n"
  "\t40.5\n"
  "\t≥41\n"
  "\t约束性\n"
  "\n"
  "\t\n"
  "\t2.主要污染物排放总量减少（%）\n"
  "\t化学需氧量\n"
  "\t【2】\n"
  "\t保持消除\n"
  "黑臭\n"
  "\t预期性\n"
  "\n"
  "\t\n"
  "\t\n"
  "\t氨氮\n"
  "\t【3】\n"
  "\t—\n"
  "\t预期性\n"
  "\n"
  "\t注：〔1〕示例注释。\n"
  "〔2〕带【】为累计数。\n"
  "\n"
  "- 12 -\n"
  "第二节 任务\n"
  "加强示例工作。这是一段正文[footnoteRef:0]。\n";

static void
test_layout_cell_lines (void)
{
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(QsPlan) plan = import_string (plan_cell_lines, &report);
  QsIndicatorTable *table;
  QsIndicatorRow *row;
  QsTableColumn *column;

  g_assert_cmpstr (qs_plan_get_title (plan), ==, "样例区生态环境保护“十四五”规划");
  g_assert_cmpstr (qs_plan_get_region (plan), ==, "样例区");
  g_assert_cmpint (qs_plan_get_start_year (plan), ==, 2021);
  g_assert_cmpint (qs_plan_get_end_year (plan), ==, 2025);
  g_assert_cmpuint (n_items (qs_plan_get_front_matter (plan)), ==, 1);
  g_assert_cmpuint (n_items (qs_plan_get_chapters (plan)), ==, 1);
  g_assert_cmpstr (qs_section_get_label (chapter_at (plan, 0)), ==, "第一章");
  g_assert_cmpstr (qs_section_get_title (chapter_at (plan, 0)), ==, "总体要求");
  g_assert_cmpuint (n_items (qs_section_get_children (chapter_at (plan, 0))), ==, 2);
  g_assert_cmpstr (qs_section_get_title (child_at (chapter_at (plan, 0), 1)), ==, "任务");

  table = indicator_table_at (plan, 0);
  g_assert_cmpstr (qs_indicator_table_get_label (table), ==, "表1");
  g_assert_cmpstr (qs_indicator_table_get_caption (table), ==, "表1 样例区主要指标");
  g_assert_cmpuint (n_items (qs_indicator_table_get_columns (table)), ==, 5);
  column = qs_indicator_table_get_column (table, 2);
  g_assert_cmpstr (qs_table_column_get_header (column), ==, "2020年\n现状值");
  g_assert_cmpint (qs_table_column_get_role (column), ==, QS_COLUMN_BASELINE);
  g_assert_cmpuint (n_items (qs_indicator_table_get_rows (table)), ==, 3);

  row = qs_indicator_table_get_row (table, 0);
  g_assert_cmpstr (qs_indicator_row_get_category (row), ==, "环境质量");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 0), ==, "环境\n质量");
  g_assert_cmpstr (qs_indicator_row_get_number (row), ==, "1");
  g_assert_cmpstr (qs_indicator_row_get_indicator (row), ==, "森林覆盖率");
  g_assert_cmpstr (qs_indicator_row_get_unit (row), ==, "%");
  g_assert_cmpstr (qs_indicator_row_get_attribute (row), ==, "约束性");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 3), ==, "≥41");

  /* A sub-row whose name spans two cells; the next one inherits all. */
  row = qs_indicator_table_get_row (table, 1);
  g_assert_cmpstr (qs_indicator_row_get_category (row), ==, "环境质量");
  g_assert_cmpstr (qs_indicator_row_get_name (row), ==, "化学需氧量");
  g_assert_cmpstr (qs_indicator_row_get_parent (row), ==, "2.主要污染物排放总量减少（%）");
  g_assert_cmpstr (qs_indicator_row_get_number (row), ==, "2");
  g_assert_cmpstr (qs_indicator_row_get_unit (row), ==, "%");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 3), ==, "保持消除\n黑臭");
  row = qs_indicator_table_get_row (table, 2);
  g_assert_cmpstr (qs_indicator_row_get_name (row), ==, "氨氮");
  g_assert_cmpstr (qs_indicator_row_get_parent (row), ==, "2.主要污染物排放总量减少（%）");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 2), ==, "【3】");

  g_assert_cmpuint (g_strv_length ((char **) qs_indicator_table_get_notes (table)), ==, 2);
  g_assert_cmpstr (qs_indicator_table_get_notes (table)[0], ==, "注：〔1〕示例注释。");
  g_assert_cmpuint (count_lost (plan_cell_lines, plan), ==, 0);
}

/* Layout B: TAB-separated rows, header repeated after a page break, a row
 * shifted left, a cell continued after the break, a table of contents. */
static const char plan_tab_rows[] =
  "\n"
  "样例县生态环境保护“十四五”规划\n"
  "\n"
  "(2021—2025 年)\n"
  "\n"
  "目 录\n"
  "\n"
  "前 言\t(1)\n"
  "第一章 总体要求\t(3)\n"
  "第一节\t现状\t(3)\n"
  "第二章 保障措施，\t\n"
  "加强组织领导\t(9)\n"
  "\n"
  "前 言\n"
  "\n"
  "这是前言的一段文字，说明本规划编制的依据、期限和\n"
  "\n"
  "范围。\n"
  "\n"
  "第一章 总体要求\n"
  "\n"
  "第一节 现状\n"
  "\n"
  "专栏 1 样例县目标指标\n"
  "\n"
  "类别\t序号\t指标\t\t指标单位\t2020 年现状值\t2025 年目标值\n"
  "环境质量\t1\t空气质量优良天数\t\t天\t311\t≥320\n"
  "\t2\t细颗粒物年平均\t\tug/m3\t38\t≤32\n"
  "\n"
  "类别\t序号\t指标\t\t指标单位\t2020年现状值\t2025年目标值\n"
  "改善\t\t浓度\t\t\t\t\n"
  "3\t地表水水质优良比例\t\t%\t87.5\t90\t\n"
  "\t4\t污水集中处理率\t城市\t%\t94\t100\n"
  "\t\t\t乡镇\t%\t64\t85\n"
  "备注：\t\t\t\t\t\t\n"
  "(1) 带[]的数据为5年累计数。\t\t\t\t\t\t\n"
  "\n"
  "专栏2 名录\n"
  "\n"
  "类型\t内容\n"
  "自然公园\t甲公园、乙公园\n"
  "湿地公园\t丙公园\n"
  "\n"
  "第二章 保障措施， 加强组织领导\n"
  "\n"
  "专栏3 重点任务\n"
  "\n"
  "——第一项任务：开展示例工作，实施一批\n"
  "\n"
  "示例工程。\n"
  "\n"
  "——第二项任务：推进示例建设。\n"
  "加强示例管理。这是正文。\n";

static void
test_layout_tab_rows (void)
{
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(QsPlan) plan = import_string (plan_tab_rows, &report);
  QsIndicatorTable *table;
  QsTaskTable *box;
  QsIndicatorRow *row;
  g_autoptr(QsTaskItem) item = NULL;
  g_autoptr(QsSection) preface = NULL;

  g_assert_cmpstr (qs_plan_get_title (plan), ==, "样例县生态环境保护“十四五”规划");
  g_assert_cmpint (qs_plan_get_level (plan), ==, QS_PLAN_LEVEL_COUNTY);
  /* The contents do not make chapters. */
  g_assert_cmpuint (n_items (qs_plan_get_chapters (plan)), ==, 2);
  g_assert_cmpstr (qs_section_get_title (chapter_at (plan, 1)), ==, "保障措施， 加强组织领导");
  preface = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_front_matter (plan)), 2);
  g_assert_cmpstr (qs_section_get_title (preface), ==, "前言");
  /* A paragraph cut by a page break is joined again. */
  g_assert_cmpuint (n_items (qs_section_get_blocks (preface)), ==, 1);

  table = indicator_table_at (plan, 0);
  g_assert_cmpstr (qs_indicator_table_get_label (table), ==, "专栏1");
  g_assert_cmpuint (n_items (qs_indicator_table_get_columns (table)), ==, 7);
  g_assert_cmpint (qs_table_column_get_role (qs_indicator_table_get_column (table, 3)), ==, QS_COLUMN_SUBNAME);
  g_assert_cmpuint (n_items (qs_indicator_table_get_rows (table)), ==, 5);

  /* The category and the name continue after the repeated header. */
  row = qs_indicator_table_get_row (table, 0);
  g_assert_cmpstr (qs_indicator_row_get_category (row), ==, "环境质量改善");
  row = qs_indicator_table_get_row (table, 1);
  g_assert_cmpstr (qs_indicator_row_get_category (row), ==, "环境质量改善");
  g_assert_cmpstr (qs_indicator_row_get_indicator (row), ==, "细颗粒物年平均浓度");
  g_assert_cmpstr (qs_indicator_row_get_unit (row), ==, "ug/m3");

  /* Shifted one cell left, put back. */
  row = qs_indicator_table_get_row (table, 2);
  g_assert_cmpstr (qs_indicator_row_get_number (row), ==, "3");
  g_assert_cmpstr (qs_indicator_row_get_name (row), ==, "地表水水质优良比例");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 5), ==, "87.5");
  g_assert_cmpstr (qs_indicator_row_get_category (row), ==, "环境质量改善");

  /* Sub-items in the unnamed column. */
  row = qs_indicator_table_get_row (table, 4);
  g_assert_cmpstr (qs_indicator_row_get_name (row), ==, "乡镇");
  g_assert_cmpstr (qs_indicator_row_get_parent (row), ==, "污水集中处理率");
  g_assert_cmpstr (qs_indicator_row_get_number (row), ==, "4");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 6), ==, "85");
  g_assert_cmpuint (g_strv_length ((char **) qs_indicator_table_get_notes (table)), ==, 1);
  g_assert_cmpuint (qs_import_report_get_n_doubts (report), >=, 2);

  box = task_table_at (plan, 0);
  g_assert_cmpstr (qs_task_table_get_label (box), ==, "专栏2");
  g_assert_cmpuint (n_items (qs_task_table_get_rows (box)), ==, 2);

  box = task_table_at (plan, 1);
  g_assert_cmpuint (n_items (qs_task_table_get_items (box)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (qs_task_table_get_items (box)), 0);
  g_assert_cmpstr (qs_task_item_get_text (item), ==, "——第一项任务：开展示例工作，实施一批示例工程。");
  g_assert_cmpuint (count_lost (plan_tab_rows, plan), ==, 0);
}

/* Layout C: a cell per line, blank-separated, rows unmarked; 一、/(一). */
static const char plan_cell_blocks[] =
  "重庆市样例区人民政府 关于印发样例区生态环境保护“十四五”规划的通知\n"
  "\n"
  "各有关单位:\n"
  "\n"
  "现印发给你们,请认真贯彻执行。\n"
  "\n"
  "前  言\n"
  "\n"
  "一段前言。\n"
  "\n"
  "一、总体要求\n"
  "\n"
  "(一)主要目标\n"
  "\n"
  "表2-1 样例区规划目标指标\n"
  "\n"
  "类别\n"
  "\n"
  "序号\n"
  "\n"
  "指标\n"
  "\n"
  "指标\n"
  "\n"
  "类别\n"
  "\n"
  "2020年\n"
  "\n"
  "现状值\n"
  "\n"
  "2025年\n"
  "\n"
  "目标值\n"
  "\n"
  "备注\n"
  "\n"
  "环境\n"
  "\n"
  "质量\n"
  "\n"
  "1\n"
  "\n"
  "地表水水质(类别)\n"
  "\n"
  "约束性\n"
  "\n"
  "-\n"
  "\n"
  "-\n"
  "\n"
  "\n"
  "其中:甲河\n"
  "\n"
  "约束性\n"
  "\n"
  "保持\n"
  "\n"
  "乙河\n"
  "\n"
  "约束性\n"
  "\n"
  "保持\n"
  "\n"
  "2\n"
  "\n"
  "森林覆盖率(%)\n"
  "\n"
  "预期性\n"
  "\n"
  "65\n"
  "\n"
  "≥65\n"
  "\n"
  "\n"
  "生态\n"
  "\n"
  "3\n"
  "\n"
  "生态保护红线面积占比(%)\n"
  "\n"
  "约束性\n"
  "\n"
  "25.76\n"
  "\n"
  "25.76*\n"
  "\n"
  "保持\n"
  "\n"
  "备注:1.“—”表示暂无数据。\n"
  "\n"
  "*以评估结果为准。\n"
  "\n"
  "(二)重点任务\n"
  "\n"
  "——示例任务。这一段不是标题。\n"
  "\n"
  "二、保障措施\n";

static void
test_layout_cell_blocks (void)
{
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(QsPlan) plan = import_string (plan_cell_blocks, &report);
  QsIndicatorTable *table;
  QsIndicatorRow *row;
  g_autoptr(QsSection) notice = NULL;

  g_assert_cmpstr (qs_plan_get_title (plan), ==, "样例区生态环境保护“十四五”规划");
  notice = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_front_matter (plan)), 0);
  g_assert_cmpstr (qs_section_get_title (notice), ==, "印发通知");
  g_assert_cmpuint (n_items (qs_plan_get_chapters (plan)), ==, 2);
  g_assert_cmpstr (qs_section_get_label (chapter_at (plan, 0)), ==, "一、");
  g_assert_cmpuint (n_items (qs_section_get_children (chapter_at (plan, 0))), ==, 2);
  g_assert_cmpstr (qs_section_get_label (child_at (chapter_at (plan, 0), 0)), ==, "(一)");

  table = indicator_table_at (plan, 0);
  g_assert_cmpuint (n_items (qs_indicator_table_get_columns (table)), ==, 7);
  g_assert_cmpstr (qs_table_column_get_name (qs_indicator_table_get_column (table, 3)), ==, "指标类别");
  g_assert_cmpuint (n_items (qs_indicator_table_get_rows (table)), ==, 5);

  row = qs_indicator_table_get_row (table, 0);
  g_assert_cmpstr (qs_indicator_row_get_category (row), ==, "环境质量");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 6), ==, "");
  row = qs_indicator_table_get_row (table, 1);
  g_assert_cmpstr (qs_indicator_row_get_indicator (row), ==, "甲河");
  g_assert_cmpstr (qs_indicator_row_get_parent (row), ==, "地表水水质(类别)");
  g_assert_cmpstr (qs_indicator_row_get_unit (row), ==, "类别");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 5), ==, "保持");
  row = qs_indicator_table_get_row (table, 2);
  g_assert_cmpstr (qs_indicator_row_get_name (row), ==, "乙河");
  g_assert_cmpstr (qs_indicator_row_get_number (row), ==, "1");
  row = qs_indicator_table_get_row (table, 4);
  g_assert_cmpstr (qs_indicator_row_get_category (row), ==, "生态");
  g_assert_cmpstr (qs_indicator_row_get_cell (row, 6), ==, "保持");
  g_assert_cmpuint (g_strv_length ((char **) qs_indicator_table_get_notes (table)), ==, 2);

  /* The two placements of 保持 are doubts with their lines. */
  g_assert_cmpuint (qs_import_report_get_n_doubts (report), ==, 2);
  g_assert_cmpuint (qs_import_report_get_doubt (report, 0)->line, ==, 52);
  g_assert_cmpuint (count_lost (plan_cell_blocks, plan), ==, 0);
}

/* Plain-paragraph boxes with 一、 groups, a third heading level, a glossary. */
static const char plan_plain_boxes[] =
  " 重庆市样例规划\n"
  "\u00a0\n"
  "一段没有标题的导言。\n"
  "第一章\u00a0 总则\n"
  "第一节\u00a0 目标\n"
  "一、第一个小节\n"
  "推进示例工作。正文。\n"
  "二、第二个小节\n"
  "专栏1\u00a0 示例名录\n"
  "甲区、乙区等2个区，应当持续改善。\n"
  "以2015年为基础，实行分类管理：已经达标的丙区应进一步改善。\n"
  "加强示例保护。这是正文的开头。\n"
  "第二章\u00a0 重点项目\n"
  "专栏2\u00a0 重点项目\n"
  "一、生态保护\n"
  "1．示例建设。新建3个示例。\n"
  "2．示例治理。完成治理。\n"
  "二、污染治理\n"
  "1．示例工程。完成工程。\n"
  "\u00a0\n"
  "名词解释\n"
  "1.样例术语：一个说明。\n"
  "另一个术语：第二个说明。\n";

static void
test_plain_boxes (void)
{
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(QsPlan) plan = import_string (plan_plain_boxes, &report);
  QsSection *section;
  QsTaskTable *box;
  g_autoptr(QsGlossaryEntry) entry = NULL;

  g_assert_cmpstr (qs_plan_get_title (plan), ==, "重庆市样例规划");
  g_assert_cmpint (qs_plan_get_level (plan), ==, QS_PLAN_LEVEL_MUNICIPAL);
  g_assert_cmpuint (n_items (qs_plan_get_chapters (plan)), ==, 2);
  section = child_at (chapter_at (plan, 0), 0);
  g_assert_cmpuint (n_items (qs_section_get_children (section)), ==, 2);
  g_assert_cmpint (qs_section_get_kind (child_at (section, 1)), ==, QS_SECTION_SUBSECTION);

  box = task_table_at (plan, 0);
  g_assert_cmpuint (n_items (qs_task_table_get_items (box)), ==, 2);
  box = task_table_at (plan, 1);
  g_assert_cmpuint (n_items (qs_task_table_get_items (box)), ==, 5);
  {
    g_autoptr(QsTaskItem) heading = g_list_model_get_item (G_LIST_MODEL (qs_task_table_get_items (box)), 0);
    g_assert_cmpint (qs_task_item_get_kind (heading), ==, QS_TASK_ITEM_HEADING);
  }

  g_assert_cmpuint (n_items (qs_plan_get_back_matter (plan)), ==, 1);
  g_assert_cmpuint (n_items (qs_plan_get_glossary (plan)), ==, 2);
  entry = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_glossary (plan)), 1);
  g_assert_cmpstr (qs_glossary_entry_get_term (entry), ==, "另一个术语");
  g_assert_cmpstr (qs_glossary_entry_get_definition (entry), ==, "第二个说明。");
  g_assert_cmpuint (count_lost (plan_plain_boxes, plan), ==, 0);
}

/* A table whose rows do not fit stays prose, never wrong figures. */
static void
test_degrades_to_prose (void)
{
  static const char text[] =
    "样例区生态环境保护“十四五”规划\n"
    "第一章 总则\n"
    "第一节 目标\n"
    "表1 不整齐的表\n"
    "类别\t序号\t指标\t2025年目标值\n"
    "甲\t1\t森林覆盖率\t50\t60\t70\t80\n"
    "正文继续。\n";
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(QsPlan) plan = import_string (text, &report);
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  g_assert_cmpuint (tables->len, ==, 0);
  g_assert_cmpuint (qs_import_report_get_n_doubts (report), >=, 1);
  g_assert_cmpuint (count_lost (text, plan), ==, 0);
}

/* ---- encodings and refusals ----------------------------------------- */

static void
assert_same_plan (QsPlan *a,
                  QsPlan *b)
{
  g_autofree char *where = NULL;

  if (!qs_plan_equal (a, b, &where))
    g_error ("plans differ: %s", where);
}

static void
test_encoding_bom_and_gb18030 (void)
{
  g_autoptr(QsPlan) plain = import_string (plan_tab_rows, NULL);
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", plan_tab_rows, NULL);
  g_autofree char *crlf = NULL;
  g_autoptr(GError) error = NULL;
  gsize gb_length = 0;
  gsize utf16_length = 0;
  g_autofree char *gb = g_convert (plan_tab_rows, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_autofree char *utf16 = g_convert (plan_tab_rows, -1, "UTF-16LE", "UTF-8", NULL, &utf16_length, &error);

  g_assert_no_error (error);
  {
    g_autoptr(QsImportReport) report = NULL;
    g_autoptr(QsPlan) plan = import_string (with_bom, &report);

    assert_same_plan (plain, plan);
    g_assert_cmpstr (qs_import_report_get_encoding (report), ==, "UTF-8");
  }
  {
    g_autoptr(QsImportReport) report = NULL;
    g_autoptr(QsPlan) plan = qs_import_text_data (gb, gb_length, "gb.txt", &report, &error);

    g_assert_no_error (error);
    assert_same_plan (plain, plan);
    g_assert_cmpstr (qs_import_report_get_encoding (report), ==, "GB18030");
  }
  {
    g_autofree char *bom16 = g_malloc (utf16_length + 2);
    g_autoptr(QsPlan) plan = NULL;

    memcpy (bom16, "\xFF\xFE", 2);
    memcpy (bom16 + 2, utf16, utf16_length);
    plan = qs_import_text_data (bom16, utf16_length + 2, "utf16.txt", NULL, &error);
    g_assert_no_error (error);
    assert_same_plan (plain, plan);
  }
  {
    g_auto(GStrv) lines = g_strsplit (plan_tab_rows, "\n", -1);
    g_autoptr(QsPlan) plan = NULL;

    crlf = g_strjoinv ("\r\n", lines);
    plan = import_string (crlf, NULL);
    assert_same_plan (plain, plan);
  }
}

static void
test_encoding_invalid (void)
{
  static const char bad[] = "第一行\n第二行\nabc\xFF\xFF def\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = qs_import_text_data (bad, sizeof bad - 1, "bad.txt", NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "bad.txt:3:"));
  g_assert_nonnull (strstr (error->message, "0xFF"));
  g_assert_nonnull (strstr (error->message, "offset 23"));
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-import-XXXXXX", &error);
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  FILE *f;

  g_assert_no_error (error);

  /* Empty: nothing but white space. */
  g_assert_null (qs_import_text_data (" \n\u00a0\n\n", strlen (" \n\u00a0\n\n"), "e.txt", NULL, &error));
  g_assert_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (qs_import_text_data ("", 0, "e.txt", NULL, &error));
  g_assert_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  /* Too large: a sparse file, refused before it is read. */
  f = fopen (big, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 65 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), ==, 'x');
  fclose (f);
  g_assert_null (qs_import_text_file (big, NULL, &error));
  g_assert_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_unlink (big);

  g_assert_null (qs_import_text_file (missing, NULL, &error));
  g_assert_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_IO);
  g_clear_error (&error);
  g_rmdir (dir);
}

/* ---- hostile input -------------------------------------------------- */

static void
test_hostile_binary (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);

  for (guint round = 0; round < 50; round++)
    {
      guint length = g_rand_int_range (rand, 1, 4096);
      g_autofree char *data = g_malloc (length);
      g_autoptr(GError) error = NULL;
      g_autoptr(QsPlan) plan = NULL;

      for (guint i = 0; i < length; i++)
        data[i] = (char) g_rand_int_range (rand, 0, 256);
      plan = qs_import_text_data (data, length, "random.bin", NULL, &error);
      g_assert_true ((plan == NULL) != (error == NULL));
    }
}

static void
test_hostile_long_line (void)
{
  GString *text = g_string_new ("表1 长\n类别\t指标\t2025年目标值\n");
  g_autoptr(QsPlan) plan = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "第一章\t[bookmark: 表1");
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "\t\n");
  plan = import_string (text->str, NULL);
  g_assert_nonnull (plan);
  g_string_free (text, TRUE);

  /* Longer than one text may be: kept in pieces, nothing lost. */
  {
    g_autoptr(QsImportReport) report = NULL;
    g_autoptr(QsPlan) long_plan = NULL;

    text = g_string_new ("第一章 总则\n");
    for (guint i = 0; i < 150000; i++)
      g_string_append (text, i % 1000 == 999 ? "。" : "大气环境");
    g_string_append_c (text, '\n');
    long_plan = import_string (text->str, &report);
    g_assert_cmpuint (n_items (qs_section_get_blocks (chapter_at (long_plan, 0))), ==, 2);
    {
      guint n_split = 0;

      for (guint d = 0; d < qs_import_report_get_n_doubts (report); d++)
        if (strstr (qs_import_report_get_doubt (report, d)->message, "分成2段") != NULL)
          n_split++;
      g_assert_cmpuint (n_split, ==, 1);
    }
    g_assert_cmpuint (count_lost (text->str, long_plan), ==, 0);
    g_string_free (text, TRUE);
  }
}

/* Random documents made of the structures the importer reads: whatever it
 * makes of them, it never crashes and never loses text. */
static void
test_hostile_structures (void)
{
  static const char *const pieces[] = {
    "第一章 总则", "第二章 任务", "第一节 现状", "第三节 目标", "一、总体", "二、分项", "(一)小项",
    "（二）小项", "表1 指标", "专栏2 任务", "表2-1 目标", "前  言", "目 录", "名词解释", "附件1",
    "类别", "序号", "指标", "2020年", "现状值", "2025年目标值", "指标属性", "约束性", "预期性",
    "\t类别\t序号\t指标名称\t2020年现状值", "\t1\t森林覆盖率（%）\t40\t≥41", "\t", "\t\t", "\t注：说明。",
    "1", "2", "3*", "其中:甲河", "保持", "≥88", "【15】", "-", "—", "100%", "环境", "质量",
    "——任务一：开展", "——任务二：推进工作。", "- 一带：说明。", "1．项目。内容。", "注：1.说明。",
    "备注：", "2.第二条。", "加强管理。正文。", "普通正文，没有句号", "一段完整的句子。",
    "第一章 总则\t(3)", "前 言\t(1)", "- 12 -", "[bookmark: _Toc1]第三章 其他",
    "关于印发样例区生态环境保护“十四五”规划的通知", "样例区生态环境保护“十四五”规划",
    "<p>(1) 注一；</p> <p>(2) 注二。</p>\t\t", "术语：解释。", "\u00a0", "", "", "",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 300; round++)
    {
      GString *doc = g_string_new (NULL);
      guint n_lines = g_rand_int_range (rand, 1, 120);
      g_autoptr(QsPlan) plan = NULL;
      g_autoptr(QsImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      for (guint l = 0; l < n_lines; l++)
        {
          g_string_append (doc, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          g_string_append_c (doc, '\n');
        }
      text = g_string_free (doc, FALSE);
      plan = qs_import_text_data (text, strlen (text), "random.txt", &report, &error);
      if (plan == NULL)
        {
          g_assert_error (error, QS_IMPORT_ERROR, QS_IMPORT_ERROR_EMPTY);
          continue;
        }
      if (count_lost (text, plan) != 0)
        g_error ("round %u lost text; the document was:\n%s", round, text);
      {
        g_autofree char *report_text = qs_import_report_to_text (report);
        g_assert_nonnull (strstr (report_text, "疑点"));
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/seeds/nothing-lost", test_seeds_nothing_lost);
  g_test_add_func ("/import/seeds/counts", test_seeds_counts);
  g_test_add_func ("/import/layout/cell-lines", test_layout_cell_lines);
  g_test_add_func ("/import/layout/tab-rows", test_layout_tab_rows);
  g_test_add_func ("/import/layout/cell-blocks", test_layout_cell_blocks);
  g_test_add_func ("/import/layout/plain-boxes", test_plain_boxes);
  g_test_add_func ("/import/layout/degrades-to-prose", test_degrades_to_prose);
  g_test_add_func ("/import/encoding/bom-gb18030-utf16-crlf", test_encoding_bom_and_gb18030);
  g_test_add_func ("/import/encoding/invalid", test_encoding_invalid);
  g_test_add_func ("/import/refusals", test_refusals);
  g_test_add_func ("/import/hostile/binary", test_hostile_binary);
  g_test_add_func ("/import/hostile/long-line", test_hostile_long_line);
  g_test_add_func ("/import/hostile/structures", test_hostile_structures);

  return g_test_run ();
}
