/* qs-compare-export.c: the comparison matrix as CSV, JSON and a printable table. */
#include "config.h"

#define G_LOG_DOMAIN "qs-compare-export"

#include <string.h>

#include "qs-compare-export.h"
#include "qs-indicator-row.h"
#include "qs-section.h"
#include "qs-table-column.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* Helpers: text */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
cell_result (const QsCompareCell *cell)
{
  if (cell->has_status)
    return qs_check_status_label (cell->status);
  if (cell->flags & QS_COMPARE_CELL_MISSING)
    return "缺失";
  return "";
}

static const char *
cell_mark (const QsCompareCell *cell)
{
  if (cell->flags & QS_COMPARE_CELL_STRICTEST)
    return "最严";
  if (cell->flags & QS_COMPARE_CELL_WEAKEST)
    return "最弱";
  return "";
}

/* Helpers: CSV */

/* RFC 4180: a field holding a comma, a quote or a line break is quoted,
 * quotes doubled.  Leading or trailing spaces are quoted too, since some
 * spreadsheets trim them otherwise. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    first)
{
  gsize len;

  if (!first)
    g_string_append_c (out, ',');
  text = or_empty (text);
  len = strlen (text);
  if (strpbrk (text, ",\"\r\n") == NULL && (len == 0 || (text[0] != ' ' && text[len - 1] != ' ')))
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_end_line (GString *out)
{
  g_string_append (out, "\r\n");
}

/* Helpers: JSON */

static void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_plan_object (JsonBuilder *b,
                 QsPlan      *plan)
{
  g_autofree char *period = qs_plan_dup_period_string (plan);

  add_string_or_null (b, "title", qs_plan_get_title (plan));
  add_string_or_null (b, "region", qs_plan_get_region (plan));
  add_string_or_null (b, "period", period);
}

static void
add_cell (JsonBuilder         *b,
          const char          *plan_label,
          const QsCompareCell *cell)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "plan");
  json_builder_add_string_value (b, plan_label);
  add_string_or_null (b, "baseline", cell->baseline);
  add_string_or_null (b, "target", cell->target);
  add_string_or_null (b, "status", cell->has_status ? qs_check_status_to_string (cell->status) : NULL);
  add_string_or_null (b, "status_label", cell->has_status ? qs_check_status_label (cell->status) : NULL);
  add_string_or_null (b, "reason", cell->reason);
  add_string_or_null (b, "required", cell->required);
  json_builder_set_member_name (b, "missing");
  json_builder_add_boolean_value (b, (cell->flags & QS_COMPARE_CELL_MISSING) != 0);
  json_builder_set_member_name (b, "strictest");
  json_builder_add_boolean_value (b, (cell->flags & QS_COMPARE_CELL_STRICTEST) != 0);
  json_builder_set_member_name (b, "weakest");
  json_builder_add_boolean_value (b, (cell->flags & QS_COMPARE_CELL_WEAKEST) != 0);
  json_builder_set_member_name (b, "level");
  if (cell->has_level)
    json_builder_add_double_value (b, cell->level);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; cell->notes != NULL && cell->notes[i] != NULL; i++)
    json_builder_add_string_value (b, cell->notes[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Whether any visible cell carries review notes. */
static gboolean
matrix_has_notes (QsCompareMatrix *matrix)
{
  GListModel *rows = qs_compare_matrix_get_rows (matrix);

  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, r);

      for (guint p = 0; p < qs_compare_row_get_n_cells (row); p++)
        if (qs_compare_row_get_cell (row, p)->notes != NULL)
          return TRUE;
    }
  return FALSE;
}

/* The notes of a cell, one per line. */
static char *
cell_notes_text (const QsCompareCell *cell)
{
  if (cell->notes == NULL)
    return NULL;
  return g_strjoinv ("\n", cell->notes);
}

/* Helpers: the printed table */

static char *
describe_filters (QsCompareMatrix *matrix)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *field = qs_compare_matrix_get_field_filter (matrix);
  const char *attribute = qs_compare_matrix_get_attribute_filter (matrix);
  const char *status = qs_compare_matrix_get_status_filter (matrix);

  if (field != NULL)
    g_string_append_printf (out, "领域：%s", field);
  if (attribute != NULL)
    g_string_append_printf (out, "%s属性：%s", out->len ? "；" : "", attribute);
  if (status != NULL)
    {
      const char *label = status;

      for (int s = QS_CHECK_MEETS; s <= QS_CHECK_NO_REQUIREMENT; s++)
        if (strcmp (status, qs_check_status_to_string (s)) == 0)
          label = qs_check_status_label (s);
      if (strcmp (status, "missing") == 0)
        label = "缺失";
      g_string_append_printf (out, "%s对照结果：%s", out->len ? "；" : "", label);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
table_caption (QsCompareMatrix *matrix,
               guint            first,
               guint            n)
{
  guint total = qs_compare_matrix_get_n_plans (matrix);
  g_autoptr(GString) names = g_string_new (NULL);

  if (n < total)
    return g_strdup_printf ("规划指标对照表（第 %u–%u 个规划，共 %u 个）", first + 1, first + n, total);
  if (n == 0 || n > 6)
    return g_strdup_printf ("规划指标对照表（%u 个规划）", n);
  for (guint i = first; i < first + n; i++)
    g_string_append_printf (names, "%s%s", i > first ? "、" : "", qs_compare_matrix_get_plan_label (matrix, i));
  return g_strdup_printf ("规划指标对照表（%s）", names->str);
}

/* Public API */

/**
 * qs_compare_export_csv:
 * @matrix: the matrix
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): the CSV text, BOM first.
 */
char *
qs_compare_export_csv (QsCompareMatrix *matrix,
                       gsize           *length)
{
  static const char * const fixed[] = {
    "领域", "指标", "指标编号", "单位", "指标属性", "市级目标", "市级要求",
  };
  static const char * const per_plan[] = { "基准值", "目标值", "对照结果", "标记", "说明", "审阅意见" };
  g_autoptr(GString) out = NULL;
  GListModel *rows;
  guint n_plans, n_rows, n_per_plan;
  gboolean notes;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (matrix), NULL);

  /* The 审阅意见 columns only when some plan has notes in the matrix:
   * a comparison without reviews keeps the shape scripts already read. */
  notes = matrix_has_notes (matrix);
  n_per_plan = G_N_ELEMENTS (per_plan) - (notes ? 0 : 1);
  out = g_string_new (UTF8_BOM);
  n_plans = qs_compare_matrix_get_n_plans (matrix);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    csv_field (out, fixed[i], i == 0);
  for (guint p = 0; p < n_plans; p++)
    for (guint i = 0; i < n_per_plan; i++)
      {
        g_autofree char *header = g_strdup_printf ("%s%s", qs_compare_matrix_get_plan_label (matrix, p),
                                                   per_plan[i]);

        csv_field (out, header, FALSE);
      }
  csv_end_line (out);

  rows = qs_compare_matrix_get_rows (matrix);
  n_rows = g_list_model_get_n_items (rows);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, r);

      csv_field (out, qs_compare_row_get_field (row), TRUE);
      csv_field (out, qs_compare_row_get_name (row), FALSE);
      csv_field (out, qs_compare_row_get_indicator_id (row), FALSE);
      csv_field (out, qs_compare_row_get_unit (row), FALSE);
      csv_field (out, qs_compare_row_get_attribute (row), FALSE);
      csv_field (out, qs_compare_row_get_municipal_target (row), FALSE);
      csv_field (out, qs_compare_row_get_requirement (row), FALSE);
      for (guint p = 0; p < n_plans; p++)
        {
          const QsCompareCell *cell = qs_compare_row_get_cell (row, p);

          csv_field (out, cell->baseline, FALSE);
          csv_field (out, cell->target, FALSE);
          csv_field (out, cell_result (cell), FALSE);
          csv_field (out, cell_mark (cell), FALSE);
          csv_field (out, cell->reason, FALSE);
          if (notes)
            {
              g_autofree char *text = cell_notes_text (cell);

              csv_field (out, text, FALSE);
            }
        }
      csv_end_line (out);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * qs_compare_export_json:
 * @matrix: the matrix
 *
 * Returns: (transfer full): the matrix as a JSON object.
 */
JsonNode *
qs_compare_export_json (QsCompareMatrix *matrix)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  QsPlan *municipal;
  GListModel *rows;
  guint n_plans, n_rows;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (matrix), NULL);

  n_plans = qs_compare_matrix_get_n_plans (matrix);
  municipal = qs_compare_matrix_get_municipal (matrix);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "qingshan-compare");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);

  json_builder_set_member_name (b, "plans");
  json_builder_begin_array (b);
  for (guint p = 0; p < n_plans; p++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, qs_compare_matrix_get_plan_label (matrix, p));
      add_plan_object (b, qs_compare_matrix_get_plan (matrix, p));
      add_string_or_null (b, "district", qs_compare_matrix_get_plan_district (matrix, p));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "against");
  if (municipal != NULL)
    {
      json_builder_begin_object (b);
      add_plan_object (b, municipal);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "filters");
  json_builder_begin_object (b);
  add_string_or_null (b, "field", qs_compare_matrix_get_field_filter (matrix));
  add_string_or_null (b, "attribute", qs_compare_matrix_get_attribute_filter (matrix));
  add_string_or_null (b, "status", qs_compare_matrix_get_status_filter (matrix));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  rows = qs_compare_matrix_get_rows (matrix);
  n_rows = g_list_model_get_n_items (rows);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, r);

      json_builder_begin_object (b);
      add_string_or_null (b, "indicator_id", qs_compare_row_get_indicator_id (row));
      add_string_or_null (b, "name", qs_compare_row_get_name (row));
      add_string_or_null (b, "unit", qs_compare_row_get_unit (row));
      add_string_or_null (b, "field", qs_compare_row_get_field (row));
      add_string_or_null (b, "better", qs_better_to_string (qs_compare_row_get_better (row)));
      add_string_or_null (b, "attribute", qs_compare_row_get_attribute (row));
      json_builder_set_member_name (b, "binding");
      json_builder_add_boolean_value (b, qs_compare_row_get_binding (row));
      add_string_or_null (b, "municipal_target", qs_compare_row_get_municipal_target (row));
      add_string_or_null (b, "municipal_baseline", qs_compare_row_get_municipal_baseline (row));
      add_string_or_null (b, "requirement", qs_compare_row_get_requirement (row));
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint p = 0; p < n_plans; p++)
        add_cell (b, qs_compare_matrix_get_plan_label (matrix, p), qs_compare_row_get_cell (row, p));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/**
 * qs_compare_export_json_data:
 * @matrix: the matrix
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): pretty UTF-8 JSON ending in a newline.
 */
char *
qs_compare_export_json_data (QsCompareMatrix *matrix,
                             gsize           *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (matrix), NULL);

  root = qs_compare_export_json (matrix);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &len);
  out = g_string_new_len (data, (gssize) len);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
qs_compare_export_cell_text (const QsCompareCell *cell)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *mark = cell_mark (cell);

  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->flags & QS_COMPARE_CELL_MISSING)
    return g_strdup ("缺失");
  if (!cell->has_status)
    return g_strdup ("");

  if (cell->baseline != NULL && cell->target != NULL)
    g_string_append_printf (out, "%s → %s", cell->baseline, cell->target);
  else
    g_string_append (out, or_empty (cell->target));
  g_string_append_printf (out, "\n%s", qs_check_status_label (cell->status));
  if (*mark != '\0')
    g_string_append_printf (out, " %s%s", (cell->flags & QS_COMPARE_CELL_STRICTEST) ? "▲" : "▼", mark);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * qs_compare_export_table:
 * @matrix: the matrix
 *
 * Returns: (transfer full): a new indicator table holding the visible rows.
 */
QsIndicatorTable *
qs_compare_export_table (QsCompareMatrix *matrix)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (matrix), NULL);
  return qs_compare_export_table_range (matrix, 0, qs_compare_matrix_get_n_plans (matrix));
}

/**
 * qs_compare_export_table_range:
 * @matrix: the matrix
 * @first: the first plan column
 * @n_plans: how many plan columns
 *
 * Returns: (transfer full): a new indicator table of the visible rows and
 *   plans @first … @first + @n_plans − 1.
 */
QsIndicatorTable *
qs_compare_export_table_range (QsCompareMatrix *matrix,
                               guint            first,
                               guint            n_plans)
{
  static const struct {
    const char   *header;
    QsColumnRole  role;
  } fixed[] = {
    { "领域", QS_COLUMN_CATEGORY },
    { "指标", QS_COLUMN_NAME },
    { "单位", QS_COLUMN_UNIT },
    { "属性", QS_COLUMN_ATTRIBUTE },
    { "市级目标", QS_COLUMN_OTHER },
    { "市级要求", QS_COLUMN_REMARK },
  };
  g_autoptr(QsIndicatorTable) table = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *filters = NULL;
  GListStore *columns;
  GListStore *table_rows;
  GListModel *rows;
  guint n_rows;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (matrix), NULL);
  g_return_val_if_fail (first <= qs_compare_matrix_get_n_plans (matrix), NULL);
  g_return_val_if_fail (n_plans <= qs_compare_matrix_get_n_plans (matrix) - first, NULL);

  table = qs_indicator_table_new ();
  caption = table_caption (matrix, first, n_plans);
  qs_indicator_table_set_caption (table, caption);

  columns = qs_indicator_table_get_columns (table);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (fixed[i].header, fixed[i].role);

      g_list_store_append (columns, column);
    }
  for (guint p = 0; p < n_plans; p++)
    {
      g_autoptr(QsTableColumn) column = qs_table_column_new (qs_compare_matrix_get_plan_label (matrix, first + p),
                                                             QS_COLUMN_OTHER);

      g_list_store_append (columns, column);
    }

  table_rows = qs_indicator_table_get_rows (table);
  rows = qs_compare_matrix_get_rows (matrix);
  n_rows = g_list_model_get_n_items (rows);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, r);
      g_autoptr(QsIndicatorRow) out = qs_indicator_row_new ();
      const char *fixed_cells[G_N_ELEMENTS (fixed)] = {
        qs_compare_row_get_field (row),
        qs_compare_row_get_name (row),
        qs_compare_row_get_unit (row),
        qs_compare_row_get_attribute (row),
        qs_compare_row_get_municipal_target (row),
        qs_compare_row_get_requirement (row),
      };

      /* The meaning beside the cells, so the paginator merges 领域 down
       * its rows as it does a plan's 类别. */
      qs_indicator_row_set_category (out, qs_compare_row_get_field (row));
      qs_indicator_row_set_name (out, qs_compare_row_get_name (row));
      qs_indicator_row_set_indicator (out, qs_compare_row_get_name (row));
      qs_indicator_row_set_unit (out, qs_compare_row_get_unit (row));
      qs_indicator_row_set_attribute (out, qs_compare_row_get_attribute (row));
      qs_indicator_row_set_indicator_id (out, qs_compare_row_get_indicator_id (row));
      for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
        qs_indicator_row_set_cell (out, i, or_empty (fixed_cells[i]));
      for (guint p = 0; p < n_plans; p++)
        {
          g_autofree char *text = qs_compare_export_cell_text (qs_compare_row_get_cell (row, first + p));

          qs_indicator_row_set_cell (out, G_N_ELEMENTS (fixed) + p, text);
        }
      g_list_store_append (table_rows, out);
    }

  qs_indicator_table_add_note (table,
                               "注：各规划单元格为“基准值 → 目标值”及对照结果（对照市级规划与市级要求）；"
                               "▲最严、▼最弱为本行可比目标中最严格、最宽松者；"
                               "“缺失”为该规划缺少的市级约束性指标或市级要求的指标。");
  filters = describe_filters (matrix);
  if (filters != NULL)
    {
      g_autofree char *note = g_strdup_printf ("筛选条件：%s。", filters);

      qs_indicator_table_add_note (table, note);
    }
  return g_steal_pointer (&table);
}

/**
 * qs_compare_export_plan:
 * @matrix: the matrix
 *
 * Returns: (transfer full): a plan holding only the comparison table.
 */
QsPlan *
qs_compare_export_plan (QsCompareMatrix *matrix)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autoptr(QsSection) chapter = NULL;
  QsPlan *municipal;
  g_autofree char *title = NULL;
  guint n_plans, n_tables;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (matrix), NULL);

  municipal = qs_compare_matrix_get_municipal (matrix);
  if (municipal != NULL && qs_plan_get_title (municipal) != NULL)
    title = g_strdup_printf ("规划指标对照（对照%s）", qs_plan_get_title (municipal));
  else
    title = g_strdup ("规划指标对照");
  qs_plan_set_title (plan, title);

  chapter = qs_section_new (QS_SECTION_CHAPTER, 1, "指标对照");
  /* Forty districts do not fit one landscape page in readable type: the
   * plans go into tables of a few columns each, every table repeating the
   * indicator columns, so each page stands on its own. */
  n_plans = qs_compare_matrix_get_n_plans (matrix);
  n_tables = MAX (1, (n_plans + QS_COMPARE_EXPORT_PLANS_PER_TABLE - 1) / QS_COMPARE_EXPORT_PLANS_PER_TABLE);
  for (guint t = 0; t < n_tables; t++)
    {
      guint first = (n_plans + n_tables - 1) / n_tables * t;
      guint n = MIN ((n_plans + n_tables - 1) / n_tables, n_plans - MIN (first, n_plans));
      g_autoptr(QsIndicatorTable) table = qs_compare_export_table_range (matrix, MIN (first, n_plans), n);

      g_list_store_append (qs_section_get_blocks (chapter), table);
    }
  g_list_store_append (qs_plan_get_chapters (plan), chapter);
  return g_steal_pointer (&plan);
}
