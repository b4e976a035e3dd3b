/* test-render.c: the paginator on plans built in code. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "qs-paginator.h"

static const char *headers[] = { "类别", "序号", "指标", "单位", "2020年\n现状值", "2025年目标值", "指标属性" };

static QsIndicatorTable *
make_table (const char *caption,
            guint       n_rows,
            guint       n_columns)
{
  QsIndicatorTable *table = qs_indicator_table_new ();
  GListStore *columns = qs_indicator_table_get_columns (table);
  GListStore *rows = qs_indicator_table_get_rows (table);

  qs_indicator_table_set_caption (table, caption);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *extra = g_strdup_printf ("%u年实际值", 2000 + c);
      g_autoptr(QsTableColumn) column = qs_table_column_new (c < G_N_ELEMENTS (headers) ? headers[c] : extra, -1);

      g_list_store_append (columns, column);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = c == 0 ? g_strdup (r == 0 ? "环境质量" : "")
                                  : c == 2 ? g_strdup_printf ("第%u项指标", r + 1)
                                  : g_strdup_printf ("%u.%u", 10 + r, c);

          qs_indicator_row_set_cell (row, c, text);
        }
      qs_indicator_row_set_category (row, "环境质量");
      g_list_store_append (rows, row);
    }
  qs_indicator_table_add_note (table, "注：示例。");
  return table;
}

static QsPlan *
make_plan (guint n_rows,
           guint n_columns)
{
  QsPlan *plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = qs_section_new (QS_SECTION_CHAPTER, 2, "主要目标");
  g_autoptr(QsSection) section = qs_section_new (QS_SECTION_SECTION, 1, "目标指标");
  g_autoptr(QsParagraph) paragraph = qs_paragraph_new (QS_PARAGRAPH_BODY, "占位的正文段落。");
  g_autoptr(QsIndicatorTable) table = make_table ("表2-1 主要指标", n_rows, n_columns);

  qs_plan_set_title (plan, "测试规划");
  qs_plan_set_region (plan, "示例区");
  qs_plan_set_period (plan, 2021, 2025);
  g_list_store_append (qs_section_get_blocks (chapter), paragraph);
  g_list_store_append (qs_section_get_blocks (section), table);
  g_list_store_append (qs_section_get_children (chapter), section);
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return plan;
}

static void
test_small_table (void)
{
  g_autoptr(QsPlan) plan = make_plan (5, 7);
  g_autoptr(QsPaginator) paginator = qs_paginator_new (plan);
  double width, height;

  qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
  g_assert_cmpuint (qs_paginator_count_tables (paginator), ==, 1);
  g_assert_cmpuint (qs_paginator_paginate (paginator, NULL, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT), ==, 1);
  g_assert_false (qs_paginator_get_page_size (paginator, 0, &width, &height));
  g_assert_cmpfloat_with_epsilon (width, QS_PAGINATOR_A4_WIDTH, 0.01);
  g_assert_cmpfloat_with_epsilon (height, QS_PAGINATOR_A4_HEIGHT, 0.01);
  g_assert_finalize_object (g_steal_pointer (&paginator));
}

static void
test_orientation (void)
{
  g_autoptr(QsPlan) plan = make_plan (5, 16);
  g_autoptr(QsPaginator) paginator = qs_paginator_new (plan);

  qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
  qs_paginator_paginate (paginator, NULL, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT);
  g_assert_true (qs_paginator_get_page_size (paginator, 0, NULL, NULL));

  qs_paginator_set_orientation (paginator, QS_PAGE_ORIENTATION_PORTRAIT);
  g_assert_cmpuint (qs_paginator_get_n_pages (paginator), ==, 0);
  qs_paginator_paginate (paginator, NULL, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT);
  g_assert_false (qs_paginator_get_page_size (paginator, 0, NULL, NULL));
}

static void
test_long_table (void)
{
  g_autoptr(QsPlan) plan = make_plan (300, 7);
  g_autoptr(QsPaginator) paginator = qs_paginator_new (plan);
  guint pages;

  qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
  pages = qs_paginator_paginate (paginator, NULL, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT);
  g_assert_cmpuint (pages, >, 5);
  g_assert_cmpuint (pages, <, 20);
}

static char *
status_cb (QsIndicatorTable *table,
           guint             row,
           gpointer          user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return row % 2 ? g_strdup ("偏低") : NULL;
}

static double
measure_cb (GObject  *block,
            double    width,
            gpointer  user_data)
{
  /* Tables are offered to the drawers too (a chart may follow a table):
   * this one declines them and draws only the plain object. */
  if (G_OBJECT_TYPE (block) != G_TYPE_OBJECT)
    return 0;
  return 100;
}

static void
draw_cb (GObject  *block,
         cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpfloat_with_epsilon (height, 100, 0.01);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_stroke (cr);
}

/* A status column, a custom block (a chart) and drawing every page of the
 * whole plan on an image surface. */
static void
test_hooks (void)
{
  g_autoptr(QsPlan) plan = make_plan (6, 7);
  g_autoptr(QsPaginator) paginator = qs_paginator_new (plan);
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);
  g_autoptr(GObject) chart = g_object_new (G_TYPE_OBJECT, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint status_calls = 0, draw_calls = 0;
  guint pages;

  g_list_store_append (qs_section_get_blocks (chapter), chart);
  qs_paginator_set_status_func (paginator, "检查", status_cb, &status_calls, NULL);
  qs_paginator_set_block_drawer (paginator, G_TYPE_OBJECT, measure_cb, draw_cb, &draw_calls, NULL);
  pages = qs_paginator_paginate (paginator, NULL, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT);
  g_assert_cmpuint (pages, >=, 3);   /* title, contents, chapter */
  g_assert_cmpuint (status_calls, ==, 6);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 150, 200);
  cr = cairo_create (surface);
  cairo_scale (cr, 150 / QS_PAGINATOR_A4_WIDTH, 150 / QS_PAGINATOR_A4_WIDTH);
  for (guint i = 0; i < pages; i++)
    qs_paginator_draw_page (paginator, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (draw_calls, ==, 1);
}

static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_export (void)
{
  g_autoptr(QsPlan) plan = make_plan (3, 7);
  g_autoptr(QsPlan) empty = qs_plan_new ();
  g_autoptr(QsPaginator) paginator = qs_paginator_new (plan);
  g_autoptr(QsPaginator) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-render-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "out.pdf", NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (qs_paginator_export_pdf (paginator, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* (The PDF holds NULs: no string functions.) */
  g_assert_true (contains_bytes (data, length, "/Outlines"));

  g_assert_false (qs_paginator_export_pdf (paginator, bad, &error));
  g_assert_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_IO);
  g_clear_error (&error);

  qs_plan_set_title (empty, "空规划");
  nothing = qs_paginator_new (empty);
  qs_paginator_set_content (nothing, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
  g_assert_false (qs_paginator_export_pdf (nothing, path, &error));
  g_assert_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_NOTHING);
  /* Printing nothing still gives the print dialog a page. */
  g_assert_cmpuint (qs_paginator_paginate (nothing, NULL, 0, 0), ==, 1);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* One table of several, by the object (the workbench's "this table"). */
static void
test_one_table (void)
{
  g_autoptr(QsPlan) plan = make_plan (4, 7);
  g_autoptr(QsPlan) other = make_plan (2, 7);
  g_autoptr(QsPaginator) paginator = qs_paginator_new (plan);
  g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), 0);
  g_autoptr(QsIndicatorTable) second = make_table ("表2-2 另一张表", 8, 7);
  g_autoptr(GPtrArray) foreign = qs_plan_collect_indicator_tables (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-render-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "one.pdf", NULL);

  g_list_store_append (qs_section_get_blocks (chapter), second);
  qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_ALL_TABLES);
  g_assert_cmpuint (qs_paginator_count_tables (paginator), ==, 2);

  qs_paginator_set_table (paginator, G_OBJECT (second));
  g_assert_true (qs_paginator_get_table (paginator) == G_OBJECT (second));
  g_assert_cmpuint (qs_paginator_count_tables (paginator), ==, 1);
  g_assert_cmpuint (qs_paginator_paginate (paginator, NULL, 0, 0), ==, 1);
  g_assert_true (qs_paginator_export_pdf (paginator, path, &error));
  g_assert_no_error (error);
  /* The caller's pagination is kept through the export. */
  g_assert_cmpuint (qs_paginator_get_n_pages (paginator), ==, 1);

  /* A table of another plan prints nothing, and says so. */
  qs_paginator_set_table (paginator, g_ptr_array_index (foreign, 0));
  g_assert_cmpuint (qs_paginator_count_tables (paginator), ==, 0);
  g_assert_false (qs_paginator_export_pdf (paginator, path, &error));
  g_assert_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_NOTHING);

  qs_paginator_set_table (paginator, NULL);
  g_assert_cmpuint (qs_paginator_count_tables (paginator), ==, 2);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/small-table", test_small_table);
  g_test_add_func ("/render/orientation", test_orientation);
  g_test_add_func ("/render/long-table", test_long_table);
  g_test_add_func ("/render/hooks", test_hooks);
  g_test_add_func ("/render/export", test_export);
  g_test_add_func ("/render/one-table", test_one_table);

  return g_test_run ();
}
