/* qs-compare-matrix.c: district plans side by side, indicator by indicator.
 *
 * The matrix does not judge rows itself: each plan is run through QsCheck
 * against the municipal plan, and its row findings (one per target row)
 * and missing-indicator findings fill the cells.  The only thing added is
 * the ranking across plans, for which the check's reading of a target as a
 * guaranteed level is reused (qs_check_target_level).
 */
#include "config.h"

#define G_LOG_DOMAIN "qs-compare-matrix"

#include <math.h>
#include <string.h>

#include "qs-check.h"
#include "qs-compare-matrix.h"
#include "qs-indicator-table.h"
#include "qs-linker.h"
#include "qs-requirement.h"
#include "qs-review-note.h"
#include "qs-table-column.h"
#include "qs-types.h"

/* A status filter that is no QsCheckStatus. */
#define FILTER_NONE    (-1)
#define FILTER_MISSING (-2)

struct _QsCompareMatrix
{
  GObject     parent_instance;
  QsCatalog  *catalog;
  GListModel *requirements;
  QsPlan     *municipal;
  GPtrArray  *plans;       /* QsPlan, column order */
  GPtrArray  *labels;      /* char *, column order */
  GPtrArray  *districts;   /* char * or NULL, column order */
  GListStore *all_rows;    /* QsCompareRow, catalog order */
  GListStore *rows;        /* the filtered ones */
  char       *field_filter;
  char       *attribute_filter;
  char       *status_filter;
  int         status_kind; /* QsCheckStatus, FILTER_NONE or FILTER_MISSING */
};

G_DEFINE_FINAL_TYPE (QsCompareMatrix, qs_compare_matrix, G_TYPE_OBJECT)

G_DEFINE_QUARK (qs-compare-matrix-error-quark, qs_compare_matrix_error)

/* What the municipal plan says of one indicator. */
typedef struct
{
  char     *target;
  char     *baseline;
  char     *attribute;
  gboolean  binding;
} MunicipalRow;

/* Helpers: text */

static char *
flat_or_null (const char *text)
{
  char *flat;

  if (text == NULL)
    return NULL;
  flat = qs_text_strip_spaces (text);
  if (*flat == '\0')
    g_clear_pointer (&flat, g_free);
  return flat;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
nearly_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static void
municipal_row_free (gpointer data)
{
  MunicipalRow *mr = data;

  g_free (mr->target);
  g_free (mr->baseline);
  g_free (mr->attribute);
  g_free (mr);
}

/* Helpers: the municipal plan */

static QsCatalogEntry *
entry_of_row (QsCatalog      *catalog,
              QsIndicatorRow *row)
{
  const char *id = qs_indicator_row_get_indicator_id (row);

  if (id != NULL)
    return qs_catalog_lookup_id (catalog, id);
  return qs_linker_find_entry (catalog, row);
}

/* The municipal targets by entry id, from its target tables (the latest
 * target column; review tables with 实际值 or 完成情况 are no targets). */
static GHashTable *
collect_municipal (QsCatalog *catalog,
                   QsPlan    *municipal)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, municipal_row_free);
  g_autoptr(GPtrArray) tables = NULL;

  if (municipal == NULL)
    return map;

  tables = qs_plan_collect_indicator_tables (municipal);
  for (guint t = 0; t < tables->len; t++)
    {
      QsIndicatorTable *table = tables->pdata[t];
      const char *caption = qs_indicator_table_get_caption (table);
      guint n_columns = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table)));
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table)));
      int target_col = -1, target_year = 0, baseline_col = -1, baseline_year = -1;
      gboolean review = FALSE;

      for (guint c = 0; c < n_columns; c++)
        {
          QsTableColumn *column = qs_indicator_table_get_column (table, c);
          int year = qs_table_column_get_year (column);

          switch (qs_table_column_get_role (column))
            {
            case QS_COLUMN_TARGET:
              if (target_col < 0 || year > target_year)
                {
                  target_col = (int) c;
                  target_year = year;
                }
              break;
            case QS_COLUMN_STATUS:
              review = TRUE;
              break;
            default:
              break;
            }
        }
      if (target_col < 0 || review)
        continue;
      for (guint c = 0; c < n_columns; c++)
        {
          QsTableColumn *column = qs_indicator_table_get_column (table, c);
          int year = qs_table_column_get_year (column);
          QsColumnRole role = qs_table_column_get_role (column);

          /* 2015年实际值 beside 2020年目标值 is the baseline; an 实际值 of
           * the target's year makes it a review of that period. */
          if (role != QS_COLUMN_BASELINE && role != QS_COLUMN_ACTUAL)
            continue;
          if (target_year > 0 && year == target_year)
            {
              review = TRUE;
              break;
            }
          if (year > baseline_year)
            {
              baseline_year = year;
              baseline_col = (int) c;
            }
        }
      if (review)
        continue;

      for (guint r = 0; r < n_rows; r++)
        {
          QsIndicatorRow *row = qs_indicator_table_get_row (table, r);
          QsCatalogEntry *entry = entry_of_row (catalog, row);
          const char *attribute = qs_indicator_row_get_attribute (row);
          g_autofree char *target = NULL;
          MunicipalRow *mr;

          if (entry == NULL || g_hash_table_contains (map, qs_catalog_entry_get_id (entry)))
            continue;
          target = flat_or_null (qs_indicator_row_get_cell (row, (guint) target_col));
          if (target == NULL)
            continue;
          mr = g_new0 (MunicipalRow, 1);
          mr->target = g_steal_pointer (&target);
          if (baseline_col >= 0)
            mr->baseline = flat_or_null (qs_indicator_row_get_cell (row, (guint) baseline_col));
          mr->attribute = flat_or_null (attribute);
          /* A table captioned 约束性指标 states the attribute of every row. */
          if (mr->attribute == NULL && caption != NULL && strstr (caption, "约束性") != NULL)
            mr->attribute = g_strdup ("约束性");
          if (mr->attribute != NULL)
            mr->binding = strstr (mr->attribute, "约束") != NULL;
          else
            mr->binding = qs_catalog_entry_get_binding (entry);
          g_hash_table_insert (map, g_strdup (qs_catalog_entry_get_id (entry)), mr);
        }
    }
  return map;
}

/* Helpers: requirements */

static char *
describe_requirement (QsRequirement *requirement)
{
  g_autofree char *scope = qs_requirement_describe_scope (requirement);
  g_autofree char *figure = flat_or_null (qs_requirement_get_figure (requirement));
  g_autofree char *what = NULL;
  int year = qs_requirement_get_year (requirement);

  switch (qs_requirement_get_kind (requirement))
    {
    case QS_REQUIREMENT_CHANGE:
      what = g_strdup_printf ("较%d年%s", qs_requirement_get_base_year (requirement),
                              figure ? figure : "");
      break;
    case QS_REQUIREMENT_KEEP_BASELINE:
      what = g_strdup ("保持基准水平");
      break;
    case QS_REQUIREMENT_ASSIGNED_VALUE:
      what = g_strdup_printf ("下达 %s", figure ? figure : "");
      break;
    case QS_REQUIREMENT_ABSOLUTE_BOUND:
    default:
      what = g_strdup (figure ? figure : "");
      break;
    }
  if (year > 0)
    {
      g_autofree char *plain = what;

      what = g_strdup_printf ("%s（%d年）", plain, year);
    }
  if (is_blank (scope))
    return g_steal_pointer (&what);
  return g_strdup_printf ("%s：%s", scope, what);
}

/* The requirements on @id that apply to one of the compared districts,
 * each once, joined with "；"; NULL when none. */
static char *
requirements_text (QsCompareMatrix *self,
                   const char      *id)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  guint n;

  if (self->requirements == NULL)
    return NULL;
  n = g_list_model_get_n_items (self->requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (self->requirements, i);
      gboolean applies = FALSE;
      g_autofree char *text = NULL;

      if (g_strcmp0 (qs_requirement_get_indicator_id (r), id) != 0)
        continue;
      for (guint p = 0; p < self->districts->len && !applies; p++)
        {
          const char *district = self->districts->pdata[p];

          applies = district != NULL && qs_requirement_applies_to (r, district);
        }
      if (!applies)
        continue;
      text = describe_requirement (r);
      if (seen == NULL)
        {
          seen = g_ptr_array_new_with_free_func (g_free);
          out = g_string_new (NULL);
        }
      if (g_ptr_array_find_with_equal_func (seen, text, g_str_equal, NULL))
        continue;
      g_string_append_printf (out, "%s%s", out->len > 0 ? "；" : "", text);
      g_ptr_array_add (seen, g_steal_pointer (&text));
    }
  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Helpers: building */

static QsCompareRow *
ensure_row (QsCompareMatrix *self,
            GHashTable      *by_id,
            const char      *id)
{
  QsCompareRow *row = g_hash_table_lookup (by_id, id);
  QsCatalogEntry *entry;

  if (row != NULL)
    return row;
  entry = qs_catalog_lookup_id (self->catalog, id);
  if (entry == NULL)
    return NULL;
  row = qs_compare_row_new (entry, self->plans->len);
  g_hash_table_insert (by_id, (gpointer) qs_catalog_entry_get_id (entry), row);
  return row;
}

/* Where each row of @plan keeps its target and baseline, as the check
 * reads a table (the latest 目标值 column; the latest 现状值 of another
 * year): row → (target + 1) | (baseline + 1) << 16.  The check has parsed
 * those cells already and the rows cache the readings. */
static GHashTable *
map_row_columns (QsPlan *plan)
{
  GHashTable *map = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);

  for (guint t = 0; t < tables->len; t++)
    {
      QsIndicatorTable *table = tables->pdata[t];
      guint n_columns = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table)));
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table)));
      int target_col = -1, target_year = 0, baseline_col = -1, baseline_year = -1;

      for (guint c = 0; c < n_columns; c++)
        {
          QsTableColumn *column = qs_indicator_table_get_column (table, c);
          int year = qs_table_column_get_year (column);

          if (qs_table_column_get_role (column) == QS_COLUMN_TARGET && (target_col < 0 || year > target_year))
            {
              target_col = (int) c;
              target_year = year;
            }
        }
      if (target_col < 0 || target_col >= 0xffff)
        continue;
      for (guint c = 0; c < n_columns && c < 0xffff; c++)
        {
          QsTableColumn *column = qs_indicator_table_get_column (table, c);
          QsColumnRole role = qs_table_column_get_role (column);
          int year = qs_table_column_get_year (column);

          if ((role == QS_COLUMN_BASELINE || role == QS_COLUMN_ACTUAL) &&
              !(target_year > 0 && year == target_year) && year > baseline_year)
            {
              baseline_year = year;
              baseline_col = (int) c;
            }
        }
      for (guint r = 0; r < n_rows; r++)
        g_hash_table_insert (map, qs_indicator_table_get_row (table, r),
                             GUINT_TO_POINTER ((guint) (target_col + 1) | ((guint) (baseline_col + 1) << 16)));
    }
  return map;
}

/* The reading of a cell the finding shows: from the row's cache when the
 * column is known and holds that text, else parsed afresh (@owned). */
static const QsValue *
finding_value (QsIndicatorRow *row,
               int             column,
               const char     *text,
               QsValue       **owned)
{
  if (text == NULL)
    return NULL;
  if (row != NULL && column >= 0)
    {
      const QsValue *value = qs_indicator_row_get_value (row, (guint) column);
      g_autofree char *flat = value != NULL ? flat_or_null (value->text) : NULL;

      if (g_strcmp0 (flat, text) == 0)
        return value;
    }
  *owned = qs_value_parse (text);
  return *owned;
}

static void
fill_cell (QsCompareMatrix *self,
           QsCompareCell   *cell,
           QsCheckFinding  *finding,
           GHashTable      *columns)
{
  QsIndicatorRow *row = qs_check_finding_get_row (finding);
  QsCatalogEntry *entry = qs_catalog_lookup_id (self->catalog, qs_check_finding_get_indicator_id (finding));
  const char *unit = row != NULL ? qs_indicator_row_get_unit (row) : NULL;

  g_set_object (&cell->row, row);
  cell->baseline = flat_or_null (qs_check_finding_get_baseline (finding));
  cell->target = flat_or_null (qs_check_finding_get_target (finding));
  cell->unit = g_strdup (unit);
  cell->attribute = row != NULL ? flat_or_null (qs_indicator_row_get_attribute (row)) : NULL;
  cell->has_status = TRUE;
  cell->status = qs_check_finding_get_status (finding);
  cell->reason = g_strdup (qs_check_finding_get_reason (finding));
  cell->required = g_strdup (qs_check_finding_get_required (finding));

  if (entry != NULL && cell->target != NULL && cell->status != QS_CHECK_PENDING)
    {
      guint packed = row != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (columns, row)) : 0;
      g_autoptr(QsValue) owned_target = NULL;
      g_autoptr(QsValue) owned_baseline = NULL;
      const QsValue *target = finding_value (row, (int) (packed & 0xffff) - 1, cell->target, &owned_target);
      const QsValue *baseline = finding_value (row, (int) (packed >> 16) - 1, cell->baseline, &owned_baseline);

      cell->has_level = qs_check_target_level (self->catalog, entry, target, baseline, unit,
                                               &cell->level, &cell->cumulative);
    }
}

/* The texts of @plan's review notes by the indicator row they are on
 * (row → GPtrArray of borrowed texts); NULL when the plan has none. */
static GHashTable *
map_row_notes (QsPlan *plan)
{
  GListModel *notes = G_LIST_MODEL (qs_plan_get_review_notes (plan));
  g_autoptr(GPtrArray) tables = NULL;
  GHashTable *map;

  if (g_list_model_get_n_items (notes) == 0)
    return NULL;
  tables = qs_review_note_collect_tables (plan);
  map = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);
      int t = qs_review_note_get_table_index (note);
      int r = qs_review_note_get_row_index (note);
      QsIndicatorRow *row;
      GPtrArray *texts;

      /* A note on a table the plan no longer has points nowhere. */
      if (t < 0 || r < 0 || (guint) t >= tables->len || !QS_IS_INDICATOR_TABLE (tables->pdata[t]))
        continue;
      row = qs_indicator_table_get_row (tables->pdata[t], (guint) r);
      if (row == NULL)
        continue;
      texts = g_hash_table_lookup (map, row);
      if (texts == NULL)
        g_hash_table_insert (map, row, texts = g_ptr_array_new ());
      /* The plan and its notes outlive the build that reads the map. */
      g_ptr_array_add (texts, (gpointer) qs_review_note_get_text (note));
    }
  return map;
}

static void
fill_notes (QsCompareCell *cell,
            GHashTable    *notes)
{
  GPtrArray *texts;

  if (notes == NULL || cell->row == NULL ||
      (texts = g_hash_table_lookup (notes, cell->row)) == NULL)
    return;
  cell->notes = g_new0 (char *, texts->len + 1);
  for (guint i = 0; i < texts->len; i++)
    cell->notes[i] = g_strdup (texts->pdata[i]);
}

static void
fill_missing (QsCompareCell  *cell,
              QsCheckFinding *finding)
{
  cell->flags |= QS_COMPARE_CELL_MISSING;
  g_free (cell->reason);
  cell->reason = g_strdup (qs_check_finding_get_reason (finding));
  g_free (cell->required);
  cell->required = g_strdup (qs_check_finding_get_required (finding));
}

/* Levels of different kinds (five-year cumulative or not) do not rank
 * together: the larger group of the row is ranked.  FALSE when no cell
 * has a level. */
static gboolean
ranking_group (QsCompareRow *row,
               gboolean     *cumulative)
{
  guint n = qs_compare_row_get_n_cells (row);
  guint plain = 0, summed = 0;

  for (guint i = 0; i < n; i++)
    {
      const QsCompareCell *cell = qs_compare_row_get_cell (row, i);

      if (cell->has_level)
        {
          if (cell->cumulative)
            summed++;
          else
            plain++;
        }
    }
  *cumulative = summed > plain;
  return plain + summed > 0;
}

static void
mark_extremes (QsCompareRow *row)
{
  int sign = qs_better_sign (qs_compare_row_get_better (row));
  guint n = qs_compare_row_get_n_cells (row);
  gboolean cumulative;
  gboolean any = FALSE;
  double best = 0, worst = 0;

  for (guint i = 0; i < n; i++)
    qs_compare_row_edit_cell (row, i)->flags &= ~(QS_COMPARE_CELL_STRICTEST | QS_COMPARE_CELL_WEAKEST);
  if (sign == 0 || !ranking_group (row, &cumulative))
    return;

  for (guint i = 0; i < n; i++)
    {
      const QsCompareCell *cell = qs_compare_row_get_cell (row, i);
      double score;

      if (!cell->has_level || cell->cumulative != cumulative)
        continue;
      score = sign * cell->level;
      if (!any || score > best)
        best = score;
      if (!any || score < worst)
        worst = score;
      any = TRUE;
    }
  /* One figure, or all alike: nobody is stricter than the others. */
  if (!any || nearly_equal (best, worst))
    return;

  for (guint i = 0; i < n; i++)
    {
      QsCompareCell *cell = qs_compare_row_edit_cell (row, i);

      if (!cell->has_level || cell->cumulative != cumulative)
        continue;
      if (nearly_equal (sign * cell->level, best))
        cell->flags |= QS_COMPARE_CELL_STRICTEST;
      else if (nearly_equal (sign * cell->level, worst))
        cell->flags |= QS_COMPARE_CELL_WEAKEST;
    }
}

static void
finish_row (QsCompareMatrix *self,
            QsCompareRow    *row,
            GHashTable      *municipal)
{
  const char *id = qs_compare_row_get_indicator_id (row);
  MunicipalRow *mr = g_hash_table_lookup (municipal, id);
  g_autofree char *requirement = requirements_text (self, id);
  const char *attribute = NULL;

  if (mr != NULL)
    {
      qs_compare_row_set_municipal (row, mr->target, mr->baseline);
      attribute = mr->attribute;
    }
  for (guint i = 0; attribute == NULL && i < qs_compare_row_get_n_cells (row); i++)
    attribute = qs_compare_row_get_cell (row, i)->attribute;
  if (attribute == NULL)
    attribute = (mr != NULL ? mr->binding : qs_catalog_entry_get_binding (qs_compare_row_get_entry (row)))
                ? "约束性" : "预期性";
  else if (strstr (attribute, "约束") != NULL)
    attribute = "约束性";
  else if (strstr (attribute, "预期") != NULL)
    attribute = "预期性";
  qs_compare_row_set_attribute (row, attribute);
  qs_compare_row_set_requirement (row, requirement);
  mark_extremes (row);
}

static char *
plan_label (QsPlan *plan)
{
  const char *region = qs_plan_get_region (plan);
  const char *title = qs_plan_get_title (plan);

  if (!is_blank (region))
    return g_strdup (region);
  if (!is_blank (title))
    return g_strdup (title);
  return g_strdup ("未命名规划");
}

/* Two plans of one district (two periods, two drafts) need telling apart. */
static void
make_labels_unique (GPtrArray *labels,
                    GPtrArray *plans)
{
  for (guint i = 0; i < labels->len; i++)
    {
      guint copies = 0;

      for (guint j = i + 1; j < labels->len; j++)
        if (strcmp (labels->pdata[i], labels->pdata[j]) == 0)
          {
            g_autofree char *period = qs_plan_dup_period_string (plans->pdata[j]);
            char *unique = g_strdup_printf ("%s（%s%s%u）", (char *) labels->pdata[j],
                                            period ? period : "", period ? "，" : "", ++copies + 1);

            g_free (labels->pdata[j]);
            labels->pdata[j] = unique;
          }
    }
}

/* The catalog's fields in the order plans list them; others follow. */
static guint
field_rank (const char *field)
{
  static const char * const fields[] = { "环境质量", "污染减排", "生态保护", "绿色低碳", "环境风险" };

  if (field == NULL)
    return G_N_ELEMENTS (fields) + 1;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (field, fields[i]) == 0)
      return i;
  return G_N_ELEMENTS (fields);
}

/* By field (so a printed 领域 merges down its rows), then catalog order. */
static int
compare_rows_by_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GHashTable *order = user_data;
  QsCompareRow *ra = *(QsCompareRow * const *) a;
  QsCompareRow *rb = *(QsCompareRow * const *) b;
  guint fa = field_rank (qs_compare_row_get_field (ra));
  guint fb = field_rank (qs_compare_row_get_field (rb));
  int by_field = g_strcmp0 (qs_compare_row_get_field (ra), qs_compare_row_get_field (rb));
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (order, qs_compare_row_get_indicator_id (ra)));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (order, qs_compare_row_get_indicator_id (rb)));

  if (fa != fb)
    return fa < fb ? -1 : 1;
  if (by_field != 0)
    return by_field;
  return x < y ? -1 : x > y;
}

/* Helpers: filters */

static gboolean
row_visible (QsCompareMatrix *self,
             QsCompareRow    *row)
{
  if (!is_blank (self->field_filter) &&
      g_strcmp0 (qs_compare_row_get_field (row), self->field_filter) != 0)
    return FALSE;
  if (!is_blank (self->attribute_filter))
    {
      const char *attribute = qs_compare_row_get_attribute (row);

      if (attribute == NULL || strstr (attribute, self->attribute_filter) == NULL)
        return FALSE;
    }
  if (self->status_kind == FILTER_MISSING)
    return qs_compare_row_has_missing (row);
  if (self->status_kind >= 0)
    return qs_compare_row_has_status (row, (QsCheckStatus) self->status_kind);
  return TRUE;
}

static void
apply_filters (QsCompareMatrix *self)
{
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->all_rows));

  for (guint i = 0; i < n; i++)
    {
      QsCompareRow *row = g_list_model_get_item (G_LIST_MODEL (self->all_rows), i);

      if (row_visible (self, row))
        g_ptr_array_add (visible, row);
      g_object_unref (row);   /* all_rows keeps it */
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       visible->pdata, visible->len);
}

/* Overrides */

static void
qs_compare_matrix_finalize (GObject *object)
{
  QsCompareMatrix *self = QS_COMPARE_MATRIX (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->requirements);
  g_clear_object (&self->municipal);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_object (&self->all_rows);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->field_filter, g_free);
  g_clear_pointer (&self->attribute_filter, g_free);
  g_clear_pointer (&self->status_filter, g_free);

  G_OBJECT_CLASS (qs_compare_matrix_parent_class)->finalize (object);
}

static void
qs_compare_matrix_class_init (QsCompareMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_compare_matrix_finalize;
}

static void
qs_compare_matrix_init (QsCompareMatrix *self)
{
  self->plans = g_ptr_array_new_with_free_func (g_object_unref);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->districts = g_ptr_array_new_with_free_func (g_free);
  self->all_rows = g_list_store_new (QS_TYPE_COMPARE_ROW);
  self->rows = g_list_store_new (QS_TYPE_COMPARE_ROW);
  self->status_kind = FILTER_NONE;
}

/* Public API */

/**
 * qs_compare_matrix_new:
 * @catalog: the catalog rows are linked and ranked through
 *
 * An empty matrix; fill it with qs_compare_matrix_build().
 */
QsCompareMatrix *
qs_compare_matrix_new (QsCatalog *catalog)
{
  QsCompareMatrix *self;

  g_return_val_if_fail (QS_IS_CATALOG (catalog), NULL);

  self = g_object_new (QS_TYPE_COMPARE_MATRIX, NULL);
  self->catalog = g_object_ref (catalog);
  return self;
}

QsCatalog *
qs_compare_matrix_get_catalog (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  return self->catalog;
}

void
qs_compare_matrix_set_requirements (QsCompareMatrix *self,
                                    GListModel      *requirements)
{
  g_return_if_fail (QS_IS_COMPARE_MATRIX (self));
  g_return_if_fail (requirements == NULL || G_IS_LIST_MODEL (requirements));
  g_set_object (&self->requirements, requirements);
}

/**
 * qs_compare_matrix_build:
 * @plans: the plans to compare (of QsPlan), one column each
 * @municipal: (nullable): the municipal plan they answer to
 *
 * Checks every plan and fills the matrix.  The plans are not changed.
 */
void
qs_compare_matrix_build (QsCompareMatrix *self,
                         GListModel      *plans,
                         QsPlan          *municipal)
{
  g_autoptr(QsCheck) check = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) municipal_rows = NULL;
  g_autoptr(GHashTable) order = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *entries;
  GHashTableIter iter;
  gpointer key, value;
  guint n_plans;

  g_return_if_fail (QS_IS_COMPARE_MATRIX (self));
  g_return_if_fail (G_IS_LIST_MODEL (plans));
  g_return_if_fail (municipal == NULL || QS_IS_PLAN (municipal));

  g_set_object (&self->municipal, municipal);
  g_ptr_array_set_size (self->plans, 0);
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->districts, 0);

  n_plans = g_list_model_get_n_items (plans);
  for (guint i = 0; i < n_plans; i++)
    {
      QsPlan *plan = g_list_model_get_item (plans, i);

      g_ptr_array_add (self->plans, plan);
      g_ptr_array_add (self->labels, plan_label (plan));
    }
  make_labels_unique (self->labels, self->plans);

  by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  municipal_rows = collect_municipal (self->catalog, municipal);

  check = qs_check_new (self->catalog);
  qs_check_set_requirements (check, self->requirements);
  for (guint p = 0; p < n_plans; p++)
    {
      g_autoptr(GHashTable) columns = NULL;
      g_autoptr(GHashTable) notes = NULL;
      GListModel *findings;
      guint n;

      qs_check_run (check, self->plans->pdata[p], municipal);
      columns = map_row_columns (self->plans->pdata[p]);
      notes = map_row_notes (self->plans->pdata[p]);
      g_ptr_array_add (self->districts, g_strdup (qs_check_get_district (check)));

      findings = qs_check_get_row_findings (check);
      n = g_list_model_get_n_items (findings);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QsCheckFinding) finding = g_list_model_get_item (findings, i);
          const char *id = qs_check_finding_get_indicator_id (finding);
          QsCompareRow *row;
          QsCompareCell *cell;

          /* Rows not linked to the catalog have no place among canonical
           * indicators; the check reports them as a plan finding. */
          if (id == NULL || (row = ensure_row (self, by_id, id)) == NULL)
            continue;
          cell = qs_compare_row_edit_cell (row, p);
          /* A plan stating one indicator twice: the first row counts. */
          if (cell->has_status)
            continue;
          fill_cell (self, cell, finding, columns);
          fill_notes (cell, notes);
        }

      findings = qs_check_get_plan_findings (check);
      n = g_list_model_get_n_items (findings);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QsCheckFinding) finding = g_list_model_get_item (findings, i);
          const char *id = qs_check_finding_get_indicator_id (finding);
          QsCompareRow *row;
          QsCompareCell *cell;

          if (qs_check_finding_get_plan_kind (finding) != QS_PLAN_FINDING_MISSING_INDICATOR ||
              id == NULL || (row = ensure_row (self, by_id, id)) == NULL)
            continue;
          cell = qs_compare_row_edit_cell (row, p);
          if (!cell->has_status)
            fill_missing (cell, finding);
        }
    }

  /* The municipal plan's binding indicators stand in the matrix even when
   * no plan was compared with them. */
  g_hash_table_iter_init (&iter, municipal_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((MunicipalRow *) value)->binding)
      ensure_row (self, by_id, key);

  /* Rows by field, each field in catalog order. */
  order = g_hash_table_new (g_str_hash, g_str_equal);
  entries = qs_catalog_get_entries (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);

      g_hash_table_insert (order, (gpointer) qs_catalog_entry_get_id (entry), GUINT_TO_POINTER (i));
    }

  rows = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      finish_row (self, value, municipal_rows);
      g_ptr_array_add (rows, value);
    }
  g_ptr_array_sort_with_data (rows, compare_rows_by_order, order);

  g_list_store_splice (self->all_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all_rows)),
                       rows->pdata, rows->len);
  apply_filters (self);
}

guint
qs_compare_matrix_get_n_plans (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), 0);
  return self->plans->len;
}

QsPlan *
qs_compare_matrix_get_plan (QsCompareMatrix *self,
                            guint            index)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  g_return_val_if_fail (index < self->plans->len, NULL);
  return self->plans->pdata[index];
}

const char *
qs_compare_matrix_get_plan_label (QsCompareMatrix *self,
                                  guint            index)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return self->labels->pdata[index];
}

const char *
qs_compare_matrix_get_plan_district (QsCompareMatrix *self,
                                     guint            index)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  g_return_val_if_fail (index < self->districts->len, NULL);
  return self->districts->pdata[index];
}

QsPlan *
qs_compare_matrix_get_municipal (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  return self->municipal;
}

GListModel *
qs_compare_matrix_get_rows (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  return G_LIST_MODEL (self->rows);
}

GListModel *
qs_compare_matrix_get_all_rows (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  return G_LIST_MODEL (self->all_rows);
}

QsCompareRow *
qs_compare_matrix_find_row (QsCompareMatrix *self,
                            const char      *indicator)
{
  QsCatalogEntry *entry;
  const char *id;
  guint n;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  entry = qs_catalog_lookup_id (self->catalog, indicator);
  if (entry == NULL)
    entry = qs_catalog_lookup_name (self->catalog, indicator);
  if (entry == NULL)
    return NULL;
  id = qs_catalog_entry_get_id (entry);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->all_rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCompareRow) row = g_list_model_get_item (G_LIST_MODEL (self->all_rows), i);

      if (strcmp (qs_compare_row_get_indicator_id (row), id) == 0)
        return row;   /* all_rows keeps it */
    }
  return NULL;
}

void
qs_compare_matrix_set_field_filter (QsCompareMatrix *self,
                                    const char      *field)
{
  g_return_if_fail (QS_IS_COMPARE_MATRIX (self));

  g_free (self->field_filter);
  self->field_filter = is_blank (field) ? NULL : g_strdup (field);
  apply_filters (self);
}

const char *
qs_compare_matrix_get_field_filter (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  return self->field_filter;
}

gboolean
qs_compare_matrix_set_attribute_filter (QsCompareMatrix  *self,
                                        const char       *attribute,
                                        GError          **error)
{
  const char *word = NULL;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (attribute))
    word = NULL;
  else if (strstr (attribute, "约束") != NULL || g_ascii_strcasecmp (attribute, "binding") == 0)
    word = "约束性";
  else if (strstr (attribute, "预期") != NULL || g_ascii_strcasecmp (attribute, "expected") == 0)
    word = "预期性";
  else
    {
      g_set_error (error, QS_COMPARE_MATRIX_ERROR, QS_COMPARE_MATRIX_ERROR_UNKNOWN_ATTRIBUTE,
                   "指标属性“%s”无法识别：请用 约束性 或 预期性", attribute);
      return FALSE;
    }
  g_free (self->attribute_filter);
  self->attribute_filter = g_strdup (word);
  apply_filters (self);
  return TRUE;
}

const char *
qs_compare_matrix_get_attribute_filter (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  return self->attribute_filter;
}

gboolean
qs_compare_matrix_set_status_filter (QsCompareMatrix  *self,
                                     const char       *status,
                                     GError          **error)
{
  int kind = FILTER_NONE;
  const char *name = NULL;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_blank (status))
    {
      if (strcmp (status, "missing") == 0 || strcmp (status, "缺失") == 0)
        {
          kind = FILTER_MISSING;
          name = "missing";
        }
      for (int s = QS_CHECK_MEETS; s <= QS_CHECK_NO_REQUIREMENT && kind == FILTER_NONE; s++)
        if (strcmp (status, qs_check_status_to_string (s)) == 0 ||
            strcmp (status, qs_check_status_label (s)) == 0)
          {
            kind = s;
            name = qs_check_status_to_string (s);
          }
      if (kind == FILTER_NONE)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (int s = QS_CHECK_MEETS; s <= QS_CHECK_NO_REQUIREMENT; s++)
            g_string_append_printf (known, "%s, ", qs_check_status_to_string (s));
          g_string_append (known, "missing");
          g_set_error (error, QS_COMPARE_MATRIX_ERROR, QS_COMPARE_MATRIX_ERROR_UNKNOWN_STATUS,
                       "对照结果“%s”无法识别：请用 %s 之一", status, known->str);
          return FALSE;
        }
    }
  self->status_kind = kind;
  g_free (self->status_filter);
  self->status_filter = g_strdup (name);
  apply_filters (self);
  return TRUE;
}

const char *
qs_compare_matrix_get_status_filter (QsCompareMatrix *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), NULL);
  return self->status_filter;
}

gboolean
qs_compare_matrix_sort_plans (QsCompareMatrix  *self,
                              const char       *indicator,
                              gboolean          weakest_first,
                              GError          **error)
{
  QsCompareRow *row;
  int sign;
  gboolean cumulative = FALSE;
  gboolean ranked;
  guint n;
  g_autofree guint *order = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  guint n_rows;

  g_return_val_if_fail (QS_IS_COMPARE_MATRIX (self), FALSE);
  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  row = qs_compare_matrix_find_row (self, indicator);
  if (row == NULL)
    {
      g_set_error (error, QS_COMPARE_MATRIX_ERROR, QS_COMPARE_MATRIX_ERROR_UNKNOWN_INDICATOR,
                   qs_catalog_lookup_id (self->catalog, indicator) != NULL ||
                   qs_catalog_lookup_name (self->catalog, indicator) != NULL
                     ? "所比较的规划都没有指标“%s”，无法按它排序"
                     : "指标目录中没有“%s”：请用指标目录的编号或名称",
                   indicator);
      return FALSE;
    }

  sign = qs_better_sign (qs_compare_row_get_better (row));
  ranked = sign != 0 && ranking_group (row, &cumulative);
  n = self->plans->len;
  order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    order[i] = i;

  /* Insertion sort: stable, and there are a few dozen plans at most. */
  for (guint i = 1; ranked && i < n; i++)
    {
      guint moving = order[i];
      const QsCompareCell *m = qs_compare_row_get_cell (row, moving);
      gboolean m_ranked = m->has_level && m->cumulative == cumulative;
      guint j = i;

      if (!m_ranked)
        continue;
      while (j > 0)
        {
          const QsCompareCell *o = qs_compare_row_get_cell (row, order[j - 1]);
          gboolean o_ranked = o->has_level && o->cumulative == cumulative;
          double a = sign * m->level, b = o_ranked ? sign * o->level : 0;

          if (o_ranked && (nearly_equal (a, b) || (weakest_first ? a > b : a < b)))
            break;
          order[j] = order[j - 1];
          j--;
        }
      order[j] = moving;
    }

  plans = g_ptr_array_new_with_free_func (g_object_unref);
  labels = g_ptr_array_new_with_free_func (g_free);
  districts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (plans, g_object_ref (self->plans->pdata[order[i]]));
      g_ptr_array_add (labels, g_strdup (self->labels->pdata[order[i]]));
      g_ptr_array_add (districts, g_strdup (self->districts->pdata[order[i]]));
    }
  g_ptr_array_unref (self->plans);
  self->plans = g_steal_pointer (&plans);
  g_ptr_array_unref (self->labels);
  self->labels = g_steal_pointer (&labels);
  g_ptr_array_unref (self->districts);
  self->districts = g_steal_pointer (&districts);

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->all_rows));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(QsCompareRow) r = g_list_model_get_item (G_LIST_MODEL (self->all_rows), i);

      qs_compare_row_reorder_cells (r, order);
    }
  /* Every visible row's cells moved: a view must bind them again. */
  apply_filters (self);
  return TRUE;
}
