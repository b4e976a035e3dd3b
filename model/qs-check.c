/* qs-check.c: checks a district plan against its municipal plan.
 *
 * Every figure is turned into a Level before it is compared: the value a
 * target or requirement guarantees in the indicator's better direction
 * (≥88 guarantees 88 for a higher-is-better indicator; a plain 88 means
 * "reach 88"; 下降20% on a baseline of 57 guarantees 45.6), with its unit
 * and whether it is a five-year cumulative figure.  Two levels compare
 * once the requirement's figure is converted into the target's indicator
 * (days ↔ ratio) and unit (亿立方米 → 万立方米).
 */
#include "config.h"

#define G_LOG_DOMAIN "qs-check"

#include <math.h>
#include <string.h>

#include "qs-check.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-linker.h"
#include "qs-table-column.h"
#include "qs-types.h"

struct _QsCheck
{
  GObject     parent_instance;
  QsCatalog  *catalog;
  GListModel *requirements;
  GListStore *rows;
  GListStore *plan;
  GListStore *completions;
  char       *district;
  char       *district_title;
  char       *district_period;
  char       *municipal_title;
  char       *municipal_region;
  char       *municipal_period;
};

G_DEFINE_FINAL_TYPE (QsCheck, qs_check, G_TYPE_OBJECT)

/* What the columns of one indicator table hold. */
typedef struct
{
  QsIndicatorTable *table;
  const char       *label;
  int               target_col;
  int               baseline_col;
  int               actual_col;
  int               status_col;
  int               target_year;
  int               baseline_year;
  gboolean          review;
  GHashTable       *parents;   /* normalised names of rows other rows hang under */
} TableInfo;

typedef struct
{
  QsIndicatorRow *row;
  TableInfo      *info;
  QsCatalogEntry *entry;
  gboolean        binding;
} MunicipalTarget;

/* State of one run. */
typedef struct
{
  QsCheck    *self;
  QsPlan     *district;
  QsPlan     *municipal;
  GPtrArray  *district_tables;    /* TableInfo */
  GPtrArray  *municipal_tables;   /* TableInfo */
  GPtrArray  *municipal_targets;  /* MunicipalTarget, document order, one per entry */
  GPtrArray  *applicable;         /* QsRequirement applying to the district */
  GHashTable *present;            /* entry ids of the district's target rows */
  GHashTable *entries;            /* QsIndicatorRow → QsCatalogEntry (or NULL), cache */
} Run;

/* A figure as a guaranteed level in the better direction. */
typedef struct
{
  gboolean  ok;
  double    value;
  gboolean  strict;      /* strictly better than value (> or <) */
  gboolean  any_gain;    /* "下降" without an amount: any reduction will do */
  gboolean  cumulative;
  QsBound   bound;       /* as written, for indicators without a direction */
  char     *unit;        /* NULL: the entry's usual unit */
  char     *shown;       /* for reasons */
  char     *why;         /* when !ok */
} Level;

typedef enum
{
  CMP_MEETS,
  CMP_NOT_COMPARABLE,
  CMP_FALLS_SHORT,
} Cmp;

/* Helpers: text */

static char *
flat (const char *text)
{
  return text != NULL ? qs_text_strip_spaces (text) : g_strdup ("");
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *s;
  gsize len;

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  s = g_strdup (buf);
  len = strlen (s);
  while (len > 0 && s[len - 1] == '0')
    s[--len] = '\0';
  if (len > 0 && s[len - 1] == '.')
    s[--len] = '\0';
  if (strcmp (s, "-0") == 0)
    {
      g_free (s);
      s = g_strdup ("0");
    }
  return s;
}

static void
level_clear (Level *level)
{
  g_clear_pointer (&level->unit, g_free);
  g_clear_pointer (&level->shown, g_free);
  g_clear_pointer (&level->why, g_free);
  memset (level, 0, sizeof *level);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Level, level_clear)

static void
level_fail (Level      *level,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
level_fail (Level      *level,
            const char *format,
            ...)
{
  va_list args;

  level->ok = FALSE;
  g_clear_pointer (&level->why, g_free);
  va_start (args, format);
  level->why = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Helpers: tables */

static void
table_info_free (gpointer data)
{
  TableInfo *info = data;

  g_clear_pointer (&info->parents, g_hash_table_unref);
  g_clear_object (&info->table);
  g_free (info);
}

static TableInfo *
analyse_table (QsCatalog        *catalog,
               QsIndicatorTable *table)
{
  TableInfo *info = g_new0 (TableInfo, 1);
  guint n_columns = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_columns (table)));
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (table)));
  int best_baseline_year = -1;

  info->table = g_object_ref (table);
  info->label = qs_indicator_table_get_label (table);
  if (info->label == NULL || *info->label == '\0')
    info->label = qs_indicator_table_get_caption (table);
  info->target_col = info->baseline_col = info->actual_col = info->status_col = -1;

  /* The target is the latest TARGET column. */
  for (guint i = 0; i < n_columns; i++)
    {
      QsTableColumn *column = qs_indicator_table_get_column (table, i);
      int year = qs_table_column_get_year (column);

      switch (qs_table_column_get_role (column))
        {
        case QS_COLUMN_TARGET:
          if (info->target_col < 0 || year > info->target_year)
            {
              info->target_col = (int) i;
              info->target_year = year;
            }
          break;
        case QS_COLUMN_STATUS:
          if (info->status_col < 0)
            info->status_col = (int) i;
          break;
        default:
          break;
        }
    }

  /* A 现状值 or 实际值 of the target's year is what was achieved (a review
   * table: 2020年目标 beside 2020年现状值); an earlier one is the baseline. */
  for (guint i = 0; i < n_columns; i++)
    {
      QsTableColumn *column = qs_indicator_table_get_column (table, i);
      QsColumnRole role = qs_table_column_get_role (column);
      int year = qs_table_column_get_year (column);

      if (role != QS_COLUMN_BASELINE && role != QS_COLUMN_ACTUAL)
        continue;
      if (info->target_col >= 0 && info->target_year > 0 && year == info->target_year)
        {
          if (info->actual_col < 0 || role == QS_COLUMN_ACTUAL)
            info->actual_col = (int) i;
        }
      else if (info->target_col >= 0 && info->target_year == 0 && role == QS_COLUMN_ACTUAL &&
               info->status_col >= 0)
        info->actual_col = (int) i;
      else if (year > best_baseline_year)
        {
          best_baseline_year = year;
          info->baseline_col = (int) i;
          info->baseline_year = year;
        }
    }

  info->review = info->target_col >= 0 && (info->actual_col >= 0 || info->status_col >= 0);

  info->parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_rows; i++)
    {
      const char *parent = qs_indicator_row_get_parent (qs_indicator_table_get_row (table, i));

      if (parent != NULL && *parent != '\0')
        g_hash_table_add (info->parents, qs_catalog_normalise_name (catalog, parent));
    }
  return info;
}

static GPtrArray *
analyse_plan (QsCatalog *catalog,
              QsPlan    *plan)
{
  g_autoptr(GPtrArray) tables = qs_plan_collect_indicator_tables (plan);
  GPtrArray *infos = g_ptr_array_new_with_free_func (table_info_free);

  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (infos, analyse_table (catalog, tables->pdata[i]));
  return infos;
}

static const QsValue *
cell_value (QsIndicatorRow *row,
            int             column)
{
  if (column < 0)
    return NULL;
  return qs_indicator_row_get_value (row, (guint) column);
}

static const char *
cell_text (QsIndicatorRow *row,
           int             column)
{
  return column >= 0 ? qs_indicator_row_get_cell (row, (guint) column) : NULL;
}

static gboolean
value_is_blank (const QsValue *value)
{
  return value == NULL || value->kind == QS_VALUE_EMPTY || value->kind == QS_VALUE_NONE;
}

/* A row other rows hang under (地表水水质 above 其中：阿蓬江) with no figure
 * of its own is a heading, not an indicator to check. */
static gboolean
is_heading_row (Run            *run,
                TableInfo      *info,
                QsIndicatorRow *row)
{
  g_autofree char *key = NULL;

  if (!value_is_blank (cell_value (row, info->target_col)))
    return FALSE;
  key = qs_catalog_normalise_name (run->self->catalog, qs_indicator_row_get_indicator (row));
  if (g_hash_table_contains (info->parents, key))
    return TRUE;
  g_clear_pointer (&key, g_free);
  key = qs_catalog_normalise_name (run->self->catalog, qs_indicator_row_get_name (row));
  return g_hash_table_contains (info->parents, key);
}

static QsCatalogEntry *
row_entry (Run            *run,
           QsIndicatorRow *row)
{
  QsCatalogEntry *entry;
  const char *id;

  if (g_hash_table_lookup_extended (run->entries, row, NULL, (gpointer *) &entry))
    return entry;
  id = qs_indicator_row_get_indicator_id (row);
  entry = id != NULL ? qs_catalog_lookup_id (run->self->catalog, id) : NULL;
  if (entry == NULL && id == NULL)
    entry = qs_linker_find_entry (run->self->catalog, row);
  g_hash_table_insert (run->entries, row, entry);
  return entry;
}

static const char *
row_display_name (QsIndicatorRow *row)
{
  const char *name = qs_indicator_row_get_indicator (row);

  if (name == NULL || *name == '\0')
    name = qs_indicator_row_get_name (row);
  return name;
}

/* Helpers: levels */

static const char *
entry_unit (QsCatalogEntry *entry)
{
  return entry != NULL ? qs_catalog_entry_get_unit (entry) : NULL;
}

static char *
pick_unit (const QsValue  *value,
           const char     *row_unit,
           QsCatalogEntry *entry)
{
  if (value != NULL && value->unit != NULL && *value->unit != '\0')
    return g_strdup (value->unit);
  if (row_unit != NULL && *row_unit != '\0')
    return g_strdup (row_unit);
  return g_strdup (entry_unit (entry));
}

/* The level a figure guarantees.  @base (may be NULL or not ok) is the
 * level a change such as 保持 or 下降20% is measured from. */
static void
level_from_value (Level          *level,
                  const QsValue  *value,
                  int             sign,
                  const char     *row_unit,
                  QsCatalogEntry *entry,
                  const Level    *base)
{
  g_autofree char *text = NULL;

  memset (level, 0, sizeof *level);
  if (value == NULL)
    {
      level_fail (level, "没有数值");
      return;
    }
  text = flat (value->text);
  level->shown = g_strdup (text);
  level->cumulative = value->cumulative;
  level->bound = value->bound;

  switch (value->kind)
    {
    case QS_VALUE_NUMBER:
      level->ok = TRUE;
      level->value = value->number;
      level->unit = pick_unit (value, row_unit, entry);
      break;

    case QS_VALUE_BOUND:
      if (sign > 0 && (value->bound == QS_BOUND_LE || value->bound == QS_BOUND_LT))
        {
          level_fail (level, "“%s”是上限，对越高越好的指标不构成保证", text);
          return;
        }
      if (sign < 0 && (value->bound == QS_BOUND_GE || value->bound == QS_BOUND_GT))
        {
          level_fail (level, "“%s”是下限，对越低越好的指标不构成保证", text);
          return;
        }
      level->ok = TRUE;
      level->value = value->number;
      level->strict = value->bound == QS_BOUND_GT || value->bound == QS_BOUND_LT;
      level->unit = pick_unit (value, row_unit, entry);
      break;

    case QS_VALUE_RANGE:
      if (sign == 0)
        {
          level_fail (level, "“%s”是区间，无法与单一数值比较", text);
          return;
        }
      level->ok = TRUE;
      level->value = sign > 0 ? value->number : value->number_high;
      level->unit = pick_unit (value, row_unit, entry);
      break;

    case QS_VALUE_WATER_CLASS:
      level->ok = TRUE;
      level->value = value->water_class;
      level->strict = value->bound == QS_BOUND_GT;
      level->unit = g_strdup ("类");
      break;

    case QS_VALUE_CHANGE:
      if (entry != NULL && qs_catalog_entry_get_better (entry) == QS_BETTER_REDUCTION)
        {
          /* The indicator is itself a reduction: 下降15% is a rate of 15. */
          if (value->change == QS_CHANGE_DECREASE && value->number > 0 &&
              value->change_unit != QS_CHANGE_UNIT_PERCENTAGE_POINT)
            {
              level->ok = TRUE;
              level->value = value->number;
              level->unit = g_strdup ("%");
            }
          else if (value->change == QS_CHANGE_DECREASE)
            {
              level->ok = TRUE;
              level->any_gain = TRUE;
            }
          else
            level_fail (level, "“%s”不是降幅", text);
          return;
        }
      if (base == NULL || !base->ok)
        {
          level_fail (level, "“%s”是相对基准的变化，但缺少可用的基准值", text);
          return;
        }
      level->ok = TRUE;
      level->unit = g_strdup (base->unit);
      level->cumulative = base->cumulative;
      if (value->change == QS_CHANGE_KEEP)
        level->value = base->value;
      else if (value->number > 0 && value->change_unit == QS_CHANGE_UNIT_PERCENTAGE_POINT)
        level->value = base->value + (value->change == QS_CHANGE_INCREASE ? 1 : -1) * value->number;
      else if (value->number > 0)
        {
          double factor = (value->change == QS_CHANGE_INCREASE ? 1 : -1) * value->number / 100.0;

          level->value = base->value * (1 + factor);
        }
      else
        {
          /* 提高 / 下降 without an amount: strictly beyond the base. */
          int direction = value->change == QS_CHANGE_INCREASE ? 1 : -1;

          level->value = base->value;
          if (sign != 0 && direction != sign)
            {
              level_fail (level, "“%s”比基准值 %s 差", text, base->shown);
              return;
            }
          level->strict = TRUE;
        }
      {
        g_autofree char *number = format_number (level->value);

        g_free (level->shown);
        if (value->change == QS_CHANGE_KEEP)
          level->shown = g_strdup_printf ("%s（基准值 %s）", text, base->shown);
        else if (value->number > 0)
          level->shown = g_strdup_printf ("%s（基准值 %s → %s%s）", text, base->shown,
                                          sign < 0 ? "≤" : sign > 0 ? "≥" : "", number);
        else
          level->shown = g_strdup_printf ("%s（基准值 %s）", text, base->shown);
      }
      break;

    case QS_VALUE_ASSIGNED:
      level_fail (level, "待市级下达（%s）", text);
      break;

    case QS_VALUE_QUALITATIVE:
      level_fail (level, "“%s”是文字表述，没有可比较的数值", text);
      break;

    case QS_VALUE_EMPTY:
      level_fail (level, "数值空缺");
      break;

    case QS_VALUE_NONE:
      level_fail (level, "数值空缺（“%s”）", text);
      break;

    case QS_VALUE_UNREADABLE:
    default:
      level_fail (level, "%s", value->reason ? value->reason : "无法识别的数值");
      break;
    }

  if (level->ok && value->kind == QS_VALUE_WATER_CLASS)
    {
      g_free (level->shown);
      level->shown = g_strdup (text);
    }
}

static gboolean
nearly_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* Compares what a target guarantees (@t, of entry @t_entry) with what is
 * required (@r, of entry @r_entry).  @shown_required receives the
 * requirement as shown, with its conversion when there was one. */
static Cmp
compare_levels (QsCatalog       *catalog,
                const Level     *t,
                QsCatalogEntry  *t_entry,
                const Level     *r,
                QsCatalogEntry  *r_entry,
                int              year,
                char           **shown_required,
                char           **why)
{
  int sign = qs_better_sign (qs_catalog_entry_get_better (t_entry));
  double required;
  double target;
  const char *t_unit, *r_unit;
  g_autofree char *converted = NULL;

  *shown_required = g_strdup (r->shown ? r->shown : "");
  if (!t->ok)
    {
      *why = g_strdup (t->why);
      return CMP_NOT_COMPARABLE;
    }
  if (!r->ok)
    {
      *why = g_strdup (r->why);
      return CMP_NOT_COMPARABLE;
    }

  if (r->any_gain)
    {
      /* Any reduction meets "下降" without an amount, in any unit. */
      if (t->any_gain || t->value > 0 || (nearly_equal (t->value, 0) && t->strict))
        return CMP_MEETS;
      return CMP_FALLS_SHORT;
    }
  if (t->any_gain)
    {
      *why = g_strdup_printf ("目标“%s”没有具体降幅", t->shown);
      return CMP_NOT_COMPARABLE;
    }

  required = r->value;
  r_unit = r->unit ? r->unit : entry_unit (r_entry);
  if (r_entry != t_entry)
    {
      const char *r_id = qs_catalog_entry_get_id (r_entry);
      const char *t_id = qs_catalog_entry_get_id (t_entry);
      double usual = required;

      /* Into the requirement entry's usual unit first, then across. */
      if (r_unit != NULL && entry_unit (r_entry) != NULL &&
          !qs_catalog_convert_unit (catalog, required, r_unit, entry_unit (r_entry), &usual))
        usual = required;
      if (!qs_catalog_convert_between (catalog, r_id, t_id, usual, year, &required))
        {
          *why = g_strdup_printf ("“%s”与“%s”是不同的指标，无法换算",
                                  qs_catalog_entry_get_name (r_entry),
                                  qs_catalog_entry_get_name (t_entry));
          return CMP_NOT_COMPARABLE;
        }
      {
        g_autofree char *number = format_number (required);
        const char *from_unit = entry_unit (r_entry);
        /* "88" alone does not say it is a ratio: name the unit. */
        gboolean add_unit = from_unit != NULL && r->shown != NULL && strstr (r->shown, from_unit) == NULL;

        r_unit = entry_unit (t_entry);
        converted = g_strdup_printf ("%s%s（折合 %s%s）", r->shown, add_unit ? from_unit : "", number,
                                     r_unit ? r_unit : "");
      }
    }

  t_unit = t->unit ? t->unit : entry_unit (t_entry);
  if (t_unit != NULL && r_unit != NULL)
    {
      double in_target_unit;
      g_autofree char *a = qs_catalog_normalise_unit (catalog, t_unit);
      g_autofree char *b = qs_catalog_normalise_unit (catalog, r_unit);

      if (!qs_catalog_convert_unit (catalog, required, r_unit, t_unit, &in_target_unit))
        {
          *why = g_strdup_printf ("单位不同（%s 与 %s），无法换算", a, b);
          return CMP_NOT_COMPARABLE;
        }
      if (g_strcmp0 (a, b) != 0 && converted == NULL)
        {
          g_autofree char *number = format_number (in_target_unit);

          converted = g_strdup_printf ("%s（折合 %s%s）", r->shown, number, a);
        }
      required = in_target_unit;
    }
  if (converted != NULL)
    {
      g_free (*shown_required);
      *shown_required = g_steal_pointer (&converted);
    }

  /* Units first: 400.4 吨 against 【13】 % is a matter of units. */
  if (t->cumulative != r->cumulative)
    {
      *why = g_strdup_printf ("%s 与 %s 一个是五年累计值、一个不是，无法直接比较",
                              t->shown, r->shown);
      return CMP_NOT_COMPARABLE;
    }

  target = t->value;
  if (sign == 0)
    {
      if (r->bound == QS_BOUND_GE || r->bound == QS_BOUND_GT)
        sign = 1;
      else if (r->bound == QS_BOUND_LE || r->bound == QS_BOUND_LT)
        sign = -1;
    }

  if (nearly_equal (target, required))
    return (r->strict && !t->strict) ? CMP_FALLS_SHORT : CMP_MEETS;
  if (sign == 0)
    return CMP_FALLS_SHORT;
  if ((sign > 0 && target > required) || (sign < 0 && target < required))
    return CMP_MEETS;
  return CMP_FALLS_SHORT;
}

static const char *
relation_word (QsBetter better,
               Cmp      cmp)
{
  gboolean meets = cmp == CMP_MEETS;

  switch (better)
    {
    case QS_BETTER_HIGHER:
    case QS_BETTER_REDUCTION:
      return meets ? "不低于" : "低于";
    case QS_BETTER_LOWER:
      return meets ? "不高于" : "高于";
    case QS_BETTER_WATER_CLASS:
      return meets ? "不劣于" : "劣于";
    case QS_BETTER_NONE:
    default:
      return meets ? "符合" : "不符合";
    }
}

/* "目标 ≥88 不低于市级目标 82，符合" */
static char *
compare_clause (QsCatalogEntry *entry,
                const Level    *t,
                const Level    *r,
                const char     *label,
                const char     *required,
                Cmp             cmp,
                const char     *why)
{
  QsBetter better = qs_catalog_entry_get_better (entry);

  /* "下降" without an amount asks only for a cut. */
  if (r != NULL && r->ok && r->any_gain && cmp != CMP_NOT_COMPARABLE)
    return g_strdup_printf (cmp == CMP_MEETS ? "目标 %s 为削减，符合%s %s" : "目标 %s 不是削减，未达到%s %s",
                            t->shown, label, required);

  switch (cmp)
    {
    case CMP_MEETS:
      if (t->any_gain || (t->ok && required != NULL && *required == '\0'))
        return g_strdup_printf ("目标 %s 符合%s，符合", t->shown, label);
      return g_strdup_printf ("目标 %s %s%s %s，符合", t->shown, relation_word (better, cmp), label, required);
    case CMP_FALLS_SHORT:
      return g_strdup_printf ("目标 %s %s%s %s，未达到要求", t->shown, relation_word (better, cmp),
                              label, required);
    case CMP_NOT_COMPARABLE:
    default:
      if (t->ok && t->shown != NULL)
        return g_strdup_printf ("目标 %s，%s %s：%s", t->shown, label, required, why ? why : "无法比较");
      return g_strdup_printf ("%s %s：%s", label, required, why ? why : "无法比较");
    }
}

/* Helpers: requirements */

static char *
requirement_label (QsRequirement *requirement,
                   int            target_year)
{
  g_autofree char *scope = qs_requirement_describe_scope (requirement);
  int year = qs_requirement_get_year (requirement);
  g_autofree char *when = NULL;

  if (qs_requirement_get_kind (requirement) == QS_REQUIREMENT_ASSIGNED_VALUE)
    return g_strdup ("市级下达值");
  if (year > 0 && target_year > 0 && year != target_year)
    when = g_strdup_printf ("%d年", year);
  if (*scope == '\0' && when == NULL)
    return g_strdup ("市级要求");
  return g_strdup_printf ("市级要求（%s%s%s）", scope, *scope != '\0' && when ? "，" : "",
                          when ? when : "");
}

/* The district's own figure of @entry_id in @year, from any of its tables. */
static gboolean
find_district_value (Run        *run,
                     const char *entry_id,
                     int         year,
                     Level      *level,
                     int         sign,
                     QsCatalogEntry *entry)
{
  for (guint t = 0; t < run->district_tables->len; t++)
    {
      TableInfo *info = run->district_tables->pdata[t];
      GListModel *columns = G_LIST_MODEL (qs_indicator_table_get_columns (info->table));
      guint n_columns = g_list_model_get_n_items (columns);
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (info->table)));

      for (guint c = 0; c < n_columns; c++)
        {
          QsTableColumn *column = qs_indicator_table_get_column (info->table, c);
          QsColumnRole role = qs_table_column_get_role (column);

          if ((role != QS_COLUMN_BASELINE && role != QS_COLUMN_ACTUAL) ||
              qs_table_column_get_year (column) != year)
            continue;
          for (guint r = 0; r < n_rows; r++)
            {
              QsIndicatorRow *row = qs_indicator_table_get_row (info->table, r);
              QsCatalogEntry *e = row_entry (run, row);
              const QsValue *value;

              if (e == NULL || g_strcmp0 (qs_catalog_entry_get_id (e), entry_id) != 0)
                continue;
              value = qs_indicator_row_get_value (row, c);
              if (value_is_blank (value))
                continue;
              level_from_value (level, value, sign, qs_indicator_row_get_unit (row), entry, NULL);
              if (level->ok)
                {
                  g_autofree char *shown = level->shown;

                  level->shown = g_strdup_printf ("%d年 %s", year, shown);
                  return TRUE;
                }
              level_clear (level);
            }
        }
    }
  return FALSE;
}

/* The level @requirement asks of this row. */
static void
requirement_level (Run            *run,
                   QsRequirement  *requirement,
                   QsCatalogEntry *req_entry,
                   const Level    *baseline,
                   Level          *level)
{
  QsRequirementKind kind = qs_requirement_get_kind (requirement);
  int sign = qs_better_sign (qs_catalog_entry_get_better (req_entry));
  const QsValue *value = qs_requirement_get_value (requirement);
  const char *unit = qs_requirement_get_unit (requirement);

  memset (level, 0, sizeof *level);
  switch (kind)
    {
    case QS_REQUIREMENT_KEEP_BASELINE:
      if (baseline != NULL && baseline->ok)
        {
          level->ok = TRUE;
          level->value = baseline->value;
          level->unit = g_strdup (baseline->unit);
          level->cumulative = baseline->cumulative;
          level->shown = g_strdup_printf ("不低于基准值 %s", baseline->shown);
        }
      else if (qs_requirement_get_base_value (requirement) != NULL)
        {
          g_autoptr(QsValue) base = qs_value_parse (qs_requirement_get_base_value (requirement));

          level_from_value (level, base, sign, unit, req_entry, NULL);
        }
      else
        level_fail (level, "要求保持基准水平，但缺少基准值");
      return;

    case QS_REQUIREMENT_CHANGE:
      {
        g_auto(Level) base = { 0 };
        int base_year = qs_requirement_get_base_year (requirement);

        if (qs_catalog_entry_get_better (req_entry) != QS_BETTER_REDUCTION)
          {
            if (qs_requirement_get_base_value (requirement) != NULL)
              {
                g_autoptr(QsValue) parsed = qs_value_parse (qs_requirement_get_base_value (requirement));

                level_from_value (&base, parsed, sign, unit, req_entry, NULL);
              }
            else if (!find_district_value (run, qs_catalog_entry_get_id (req_entry), base_year,
                                           &base, sign, req_entry))
              {
                g_autofree char *figure = flat (qs_requirement_get_figure (requirement));

                level->shown = g_strdup_printf ("较%d年%s", base_year, figure);
                level_fail (level, "要求较%d年%s，但缺少本区%d年的数值", base_year, figure, base_year);
                return;
              }
          }
        level_from_value (level, value, sign, unit, req_entry, &base);
        if (level->shown != NULL && base_year > 0)
          {
            g_autofree char *shown = level->shown;

            level->shown = g_strdup_printf ("较%d年%s", base_year, shown);
          }
        if (level->ok && level->unit == NULL)
          level->unit = g_strdup (unit);
      }
      return;

    case QS_REQUIREMENT_ABSOLUTE_BOUND:
    case QS_REQUIREMENT_ASSIGNED_VALUE:
    default:
      level_from_value (level, value, sign, unit, req_entry, baseline);
      return;
    }
}

/* Whether a requirement on @req_id speaks to a row of @entry_id. */
static gboolean
same_or_convertible (QsCatalog  *catalog,
                     const char *req_id,
                     const char *entry_id)
{
  double ignored;

  return g_strcmp0 (req_id, entry_id) == 0 ||
         qs_catalog_convert_between (catalog, req_id, entry_id, 1, 0, &ignored);
}

static MunicipalTarget *
find_municipal_target (Run            *run,
                       QsCatalogEntry *entry)
{
  const char *id = qs_catalog_entry_get_id (entry);
  MunicipalTarget *convertible = NULL;

  for (guint i = 0; i < run->municipal_targets->len; i++)
    {
      MunicipalTarget *mt = run->municipal_targets->pdata[i];
      const char *mt_id = qs_catalog_entry_get_id (mt->entry);

      if (strcmp (mt_id, id) == 0)
        return mt;
      if (convertible == NULL && same_or_convertible (run->self->catalog, mt_id, id))
        convertible = mt;
    }
  return convertible;
}

/* Helpers: findings */

static QsCheckFinding *
new_row_finding (QsFindingScope  scope,
                 TableInfo      *info,
                 guint           index,
                 QsIndicatorRow *row,
                 QsCatalogEntry *entry)
{
  QsCheckFinding *finding = qs_check_finding_new (scope);

  qs_check_finding_set_location (finding, info->label, (int) index, row);
  qs_check_finding_set_indicator (finding,
                                  entry ? qs_catalog_entry_get_id (entry) : NULL,
                                  entry ? qs_catalog_entry_get_name (entry) : row_display_name (row));
  return finding;
}

static void
add_plan_finding (Run               *run,
                  QsPlanFindingKind  kind,
                  QsCatalogEntry    *entry,
                  QsRequirement     *requirement,
                  const char        *required,
                  const char        *reason)
{
  g_autoptr(QsCheckFinding) finding = qs_check_finding_new (QS_FINDING_PLAN);

  qs_check_finding_set_plan_kind (finding, kind);
  if (entry != NULL)
    qs_check_finding_set_indicator (finding, qs_catalog_entry_get_id (entry),
                                    qs_catalog_entry_get_name (entry));
  qs_check_finding_set_requirement (finding, requirement);
  qs_check_finding_set_required (finding, required);
  qs_check_finding_set_reason (finding, reason);
  g_list_store_append (run->self->plan, finding);
}

/* The target worse than the baseline in the better direction: the clause
 * saying so, or NULL. */
static char *
weaker_than_baseline (Run            *run,
                      QsCatalogEntry *entry,
                      const QsValue  *target_value,
                      const Level    *t,
                      const Level    *base,
                      int             year)
{
  QsBetter better = qs_catalog_entry_get_better (entry);
  const char *name = qs_catalog_entry_get_name (entry);
  g_autofree char *shown = NULL;
  g_autofree char *why = NULL;
  Cmp cmp;

  /* A reduction rate of the next period is no state to fall back from. */
  if (better == QS_BETTER_NONE || better == QS_BETTER_REDUCTION || base == NULL || !base->ok)
    return NULL;

  if (target_value != NULL && target_value->kind == QS_VALUE_CHANGE &&
      target_value->number == 0 &&
      ((target_value->change == QS_CHANGE_DECREASE && qs_better_sign (better) > 0) ||
       (target_value->change == QS_CHANGE_INCREASE && qs_better_sign (better) < 0)))
    {
      g_autofree char *text = flat (target_value->text);

      return g_strdup_printf ("目标“%s”比基准值 %s 差，%s%s", text, base->shown, name,
                              qs_better_describe (better));
    }

  cmp = compare_levels (run->self->catalog, t, entry, base, entry, year, &shown, &why);
  if (cmp != CMP_FALLS_SHORT)
    return NULL;
  return g_strdup_printf ("目标 %s %s基准值 %s，%s%s", t->shown,
                          relation_word (better, CMP_FALLS_SHORT), base->shown, name,
                          qs_better_describe (better));
}

/* Falling short outweighs meeting, which outweighs "cannot compare": one
 * requirement met is a verdict, another that cannot be compared is not. */
static int
cmp_rank (Cmp cmp)
{
  switch (cmp)
    {
    case CMP_FALLS_SHORT:
      return 3;
    case CMP_MEETS:
      return 2;
    case CMP_NOT_COMPARABLE:
    default:
      return 1;
    }
}

/* Checks one row of a target table. */
static void
check_row (Run            *run,
           TableInfo      *info,
           guint           index,
           QsIndicatorRow *row)
{
  QsCatalog *catalog = run->self->catalog;
  QsCatalogEntry *entry = row_entry (run, row);
  g_autoptr(QsCheckFinding) finding = new_row_finding (QS_FINDING_ROW, info, index, row, entry);
  const QsValue *target = cell_value (row, info->target_col);
  const QsValue *baseline = cell_value (row, info->baseline_col);
  const char *row_unit = qs_indicator_row_get_unit (row);
  int year = info->target_year > 0 ? info->target_year : qs_plan_get_end_year (run->district);
  g_autoptr(GPtrArray) requirements = g_ptr_array_new ();
  QsRequirement *assigned = NULL;
  g_auto(Level) base = { 0 };
  g_auto(Level) t = { 0 };
  g_autofree char *weaker = NULL;
  g_autofree char *assigned_note = NULL;
  g_autofree char *decisive_clause = NULL;
  g_autofree char *decisive_required = NULL;
  QsRequirement *decisive = NULL;
  g_autofree char *aside = NULL;
  Cmp worst = CMP_MEETS;
  gboolean evaluated = FALSE;
  int sign;

  {
    g_autofree char *t_text = target ? flat (target->text) : NULL;
    g_autofree char *b_text = baseline ? flat (baseline->text) : NULL;

    qs_check_finding_set_figures (finding, t_text, b_text);
  }

  if (entry == NULL)
    {
      qs_check_finding_set_status (finding, QS_CHECK_NO_REQUIREMENT);
      qs_check_finding_set_reason (finding, "未关联指标目录，无法对照市级要求");
      g_list_store_append (run->self->rows, finding);
      return;
    }
  sign = qs_better_sign (qs_catalog_entry_get_better (entry));

  for (guint i = 0; i < run->applicable->len; i++)
    {
      QsRequirement *r = run->applicable->pdata[i];

      if (!same_or_convertible (catalog, qs_requirement_get_indicator_id (r),
                                qs_catalog_entry_get_id (entry)))
        continue;
      if (qs_requirement_get_kind (r) == QS_REQUIREMENT_ASSIGNED_VALUE && assigned == NULL)
        assigned = r;
      else
        g_ptr_array_add (requirements, r);
    }

  if (!value_is_blank (baseline))
    level_from_value (&base, baseline, sign, row_unit, entry, NULL);

  if (target != NULL && target->kind == QS_VALUE_ASSIGNED)
    {
      g_autofree char *text = flat (target->text);

      if (assigned == NULL)
        {
          g_autofree char *reason = g_strdup_printf ("待市级下达（%s）", text);

          qs_check_finding_set_status (finding, QS_CHECK_PENDING);
          qs_check_finding_set_reason (finding, reason);
          g_list_store_append (run->self->rows, finding);
          return;
        }
      /* The assigned figure stands in the cell. */
      level_from_value (&t, qs_requirement_get_value (assigned), sign,
                        qs_requirement_get_unit (assigned) ? qs_requirement_get_unit (assigned) : row_unit,
                        entry, &base);
      {
        g_autofree char *shown = t.shown;

        t.shown = g_strdup_printf ("%s（市级下达）", shown ? shown : "");
      }
      assigned_note = g_strdup_printf ("“%s”按市级下达值 %s 计", text,
                                       qs_requirement_get_figure (assigned));
      qs_check_finding_set_requirement (finding, assigned);
      assigned = NULL;
    }
  else
    {
      level_from_value (&t, target, sign, row_unit, entry, &base);
      if (assigned != NULL)
        g_ptr_array_insert (requirements, 0, assigned);
    }

  weaker = weaker_than_baseline (run, entry, target, &t, &base, year);

  for (guint i = 0; i < requirements->len; i++)
    {
      QsRequirement *r = requirements->pdata[i];
      QsCatalogEntry *r_entry = qs_catalog_lookup_id (catalog, qs_requirement_get_indicator_id (r));
      g_auto(Level) required = { 0 };
      g_autofree char *shown = NULL;
      g_autofree char *why = NULL;
      g_autofree char *label = NULL;
      Cmp cmp;

      if (r_entry == NULL)
        continue;
      requirement_level (run, r, r_entry, &base, &required);
      cmp = compare_levels (catalog, &t, entry, &required, r_entry, year, &shown, &why);
      evaluated = TRUE;
      label = requirement_label (r, year);
      if (cmp == CMP_NOT_COMPARABLE && aside == NULL)
        aside = compare_clause (entry, &t, &required, label, shown, cmp, why);
      if (decisive_clause == NULL || cmp_rank (cmp) > cmp_rank (worst))
        {
          worst = cmp;
          decisive = r;
          g_free (decisive_clause);
          decisive_clause = compare_clause (entry, &t, &required, label, shown, cmp, why);
          g_free (decisive_required);
          decisive_required = g_strdup_printf ("%s %s", label, shown);
        }
    }

  /* A requirement that could not be compared is mentioned beside one
   * that was met. */
  if (evaluated && worst == CMP_MEETS && aside != NULL)
    {
      g_autofree char *clause = decisive_clause;

      decisive_clause = g_strdup_printf ("%s；另，%s", clause, aside);
    }

  if (!evaluated && run->municipal != NULL)
    {
      MunicipalTarget *mt = find_municipal_target (run, entry);

      if (mt != NULL)
        {
          const QsValue *mvalue = cell_value (mt->row, mt->info->target_col);
          g_autofree char *mtext = mvalue ? flat (mvalue->text) : g_strdup ("");

          if (qs_catalog_entry_get_aggregate (mt->entry))
            {
              decisive_clause = g_strdup_printf ("市级目标 %s 是全市总量，不作为区县的要求", mtext);
              decisive_required = g_strdup_printf ("市级目标 %s", mtext);
            }
          else
            {
              g_auto(Level) required = { 0 };
              g_autofree char *shown = NULL;
              g_autofree char *why = NULL;
              int msign = qs_better_sign (qs_catalog_entry_get_better (mt->entry));
              Cmp cmp;

              /* The municipal figure, measured from the district's own
               * baseline when it is a change (保持). */
              level_from_value (&required, mvalue, msign, qs_indicator_row_get_unit (mt->row),
                                mt->entry, &base);
              if (!required.ok && value_is_blank (mvalue))
                decisive_clause = g_strdup ("市级规划对该指标没有给出目标值");
              else
                {
                  cmp = compare_levels (catalog, &t, entry, &required, mt->entry, year, &shown, &why);
                  evaluated = TRUE;
                  worst = cmp;
                  decisive_clause = compare_clause (entry, &t, &required, "市级目标", shown, cmp, why);
                }
              decisive_required = g_strdup_printf ("市级目标 %s", shown ? shown : mtext);
            }
        }
    }

  if (weaker != NULL)
    {
      qs_check_finding_set_status (finding, QS_CHECK_WEAKER_THAN_BASELINE);
      if (evaluated && worst == CMP_FALLS_SHORT)
        {
          g_autofree char *both = g_strdup_printf ("%s；%s", weaker, decisive_clause);

          qs_check_finding_set_reason (finding, both);
        }
      else
        qs_check_finding_set_reason (finding, weaker);
    }
  else if (evaluated)
    {
      static const QsCheckStatus map[] = {
        [CMP_MEETS] = QS_CHECK_MEETS,
        [CMP_NOT_COMPARABLE] = QS_CHECK_NOT_COMPARABLE,
        [CMP_FALLS_SHORT] = QS_CHECK_FALLS_SHORT,
      };

      qs_check_finding_set_status (finding, map[worst]);
      qs_check_finding_set_reason (finding, decisive_clause);
    }
  else if (assigned_note != NULL)
    {
      g_autofree char *reason = g_strdup_printf ("目标按市级下达值 %s 执行，符合", t.shown);

      qs_check_finding_set_status (finding, QS_CHECK_MEETS);
      qs_check_finding_set_reason (finding, reason);
    }
  else
    {
      qs_check_finding_set_status (finding, QS_CHECK_NO_REQUIREMENT);
      qs_check_finding_set_reason (finding, decisive_clause ? decisive_clause : "市级规划对该指标没有要求");
    }

  if (assigned_note != NULL)
    {
      g_autofree char *reason = g_strdup_printf ("%s；%s", assigned_note,
                                                 qs_check_finding_get_reason (finding));

      qs_check_finding_set_reason (finding, reason);
    }
  if (decisive != NULL && qs_check_finding_get_requirement (finding) == NULL)
    qs_check_finding_set_requirement (finding, decisive);
  qs_check_finding_set_required (finding, decisive_required);
  g_list_store_append (run->self->rows, finding);
}

/* Checks one row of a review table: was the target met? */
static void
check_completion (Run            *run,
                  TableInfo      *info,
                  guint           index,
                  QsIndicatorRow *row)
{
  QsCatalog *catalog = run->self->catalog;
  QsCatalogEntry *entry = row_entry (run, row);
  g_autoptr(QsCheckFinding) finding = new_row_finding (QS_FINDING_COMPLETION, info, index, row, entry);
  const QsValue *target = cell_value (row, info->target_col);
  const QsValue *actual = cell_value (row, info->actual_col);
  const char *status_text = cell_text (row, info->status_col);
  const char *row_unit = qs_indicator_row_get_unit (row);
  QsCompletion claimed = qs_completion_parse_claim (status_text);
  QsCompletion computed = QS_COMPLETION_UNKNOWN;
  g_autofree char *reason = NULL;
  g_autofree char *t_text = target ? flat (target->text) : g_strdup ("");
  g_autofree char *a_text = actual ? flat (actual->text) : g_strdup ("");
  g_auto(Level) t = { 0 };
  g_auto(Level) a = { 0 };
  int sign;

  qs_check_finding_set_figures (finding, t_text, a_text);
  sign = entry ? qs_better_sign (qs_catalog_entry_get_better (entry)) : 0;

  if (target != NULL && target->kind == QS_VALUE_ASSIGNED && entry != NULL)
    {
      /* An assigned figure fills 市级下达 here too. */
      for (guint i = 0; i < run->applicable->len; i++)
        {
          QsRequirement *r = run->applicable->pdata[i];

          if (qs_requirement_get_kind (r) == QS_REQUIREMENT_ASSIGNED_VALUE &&
              g_strcmp0 (qs_requirement_get_indicator_id (r), qs_catalog_entry_get_id (entry)) == 0 &&
              (qs_requirement_get_year (r) == 0 || qs_requirement_get_year (r) == info->target_year))
            {
              target = qs_requirement_get_value (r);
              qs_check_finding_set_requirement (finding, r);
              break;
            }
        }
    }

  if (info->actual_col < 0)
    reason = g_strdup ("表中没有实际值列，无法计算");
  else if (entry == NULL)
    reason = g_strdup ("未关联指标目录，不知道哪个方向更好");
  else if (target != NULL && actual != NULL &&
           (target->kind == QS_VALUE_QUALITATIVE || actual->kind == QS_VALUE_QUALITATIVE))
    {
      g_autofree char *tt = flat (target->text);
      g_autofree char *at = flat (actual->text);

      if (strcmp (tt, at) == 0)
        {
          computed = QS_COMPLETION_MET;
          reason = g_strdup_printf ("实际“%s”与目标相同，完成", at);
        }
      else
        reason = g_strdup_printf ("目标“%s”、实际“%s”是文字表述，无法计算", tt, at);
    }
  else
    {
      const QsValue *baseline = cell_value (row, info->baseline_col);
      g_auto(Level) base = { 0 };

      if (!value_is_blank (baseline))
        level_from_value (&base, baseline, sign, row_unit, entry, NULL);
      level_from_value (&t, target, sign, row_unit, entry, &base);
      level_from_value (&a, actual, sign, row_unit, entry, NULL);
      if (!t.ok)
        reason = g_strdup_printf ("目标：%s，无法计算", t.why);
      else if (!a.ok)
        reason = g_strdup_printf ("实际值：%s，无法计算", a.why);
      else
        {
          g_autofree char *shown = NULL;
          g_autofree char *why = NULL;
          Cmp cmp = compare_levels (catalog, &a, entry, &t, entry, info->target_year, &shown, &why);
          QsBetter better = qs_catalog_entry_get_better (entry);

          switch (cmp)
            {
            case CMP_MEETS:
              computed = QS_COMPLETION_MET;
              reason = g_strdup_printf ("实际 %s %s目标 %s，完成", a.shown,
                                        relation_word (better, cmp), shown);
              break;
            case CMP_FALLS_SHORT:
              computed = QS_COMPLETION_NOT_MET;
              reason = g_strdup_printf ("实际 %s %s目标 %s，未完成", a.shown,
                                        relation_word (better, cmp), shown);
              break;
            case CMP_NOT_COMPARABLE:
            default:
              reason = g_strdup_printf ("%s，无法计算", why ? why : "无法比较");
              break;
            }
        }
    }

  qs_check_finding_set_completion (finding, computed);
  qs_check_finding_set_claimed (finding, claimed);
  if (qs_check_finding_get_disagrees (finding))
    {
      g_autofree char *status = flat (status_text);
      g_autofree char *both = g_strdup_printf ("%s；但表中完成情况写作“%s”，与计算不一致", reason, status);

      qs_check_finding_set_reason (finding, both);
    }
  else
    qs_check_finding_set_reason (finding, reason);
  g_list_store_append (run->self->completions, finding);
}

static gboolean
district_has (Run            *run,
              QsCatalogEntry *entry)
{
  GHashTableIter iter;
  gpointer key;
  const char *id = qs_catalog_entry_get_id (entry);

  if (g_hash_table_contains (run->present, id))
    return TRUE;
  g_hash_table_iter_init (&iter, run->present);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (qs_catalog_are_related (run->self->catalog, key, id))
      return TRUE;
  return FALSE;
}

static gboolean
is_binding (QsIndicatorRow *row,
            TableInfo      *info,
            QsCatalogEntry *entry)
{
  const char *attribute = qs_indicator_row_get_attribute (row);
  const char *caption = qs_indicator_table_get_caption (info->table);

  if (attribute != NULL && *attribute != '\0')
    return strstr (attribute, "约束") != NULL;
  if (caption != NULL && strstr (caption, "约束性") != NULL)
    return TRUE;
  return qs_catalog_entry_get_binding (entry);
}

static void
collect_municipal_targets (Run *run)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint t = 0; t < run->municipal_tables->len; t++)
    {
      TableInfo *info = run->municipal_tables->pdata[t];
      guint n_rows;

      if (info->target_col < 0 || info->review)
        continue;
      n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (info->table)));
      for (guint r = 0; r < n_rows; r++)
        {
          QsIndicatorRow *row = qs_indicator_table_get_row (info->table, r);
          QsCatalogEntry *entry = row_entry (run, row);
          MunicipalTarget *mt;

          if (entry == NULL || g_hash_table_contains (seen, qs_catalog_entry_get_id (entry)))
            continue;
          g_hash_table_add (seen, (gpointer) qs_catalog_entry_get_id (entry));
          mt = g_new0 (MunicipalTarget, 1);
          mt->row = row;
          mt->info = info;
          mt->entry = entry;
          mt->binding = is_binding (row, info, entry);
          g_ptr_array_add (run->municipal_targets, mt);
        }
    }
}

/* The district's name: its region, else a district a requirement names
 * that appears in the title. */
static char *
find_district_name (QsCheck *self,
                    QsPlan  *plan)
{
  const char *region = qs_plan_get_region (plan);
  const char *title = qs_plan_get_title (plan);
  guint n;

  if (region != NULL && *region != '\0')
    return g_strdup (region);
  if (title == NULL || self->requirements == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (self->requirements, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);
      const char * const *lists[2] = {
        qs_requirement_get_districts (r),
        group ? qs_district_group_get_districts (group) : NULL,
      };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint k = 0; lists[l] != NULL && lists[l][k] != NULL; k++)
          {
            g_autofree char *core = qs_district_name_core (lists[l][k]);

            if (strstr (title, core) != NULL)
              return g_strdup (lists[l][k]);
          }
    }
  return NULL;
}

static void
check_plan_level (Run *run)
{
  QsCheck *self = run->self;
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unlinked = g_ptr_array_new ();
  gboolean has_target_table = FALSE;

  for (guint t = 0; t < run->district_tables->len; t++)
    {
      TableInfo *info = run->district_tables->pdata[t];
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (info->table)));

      if (info->target_col >= 0 && !info->review)
        has_target_table = TRUE;
      for (guint r = 0; r < n_rows; r++)
        {
          QsIndicatorRow *row = qs_indicator_table_get_row (info->table, r);
          const char *name = row_display_name (row);

          if (name != NULL && *name != '\0' && row_entry (run, row) == NULL &&
              !is_heading_row (run, info, row))
            g_ptr_array_add (unlinked, (gpointer) name);
        }
    }

  if (self->district == NULL && self->requirements != NULL)
    add_plan_finding (run, QS_PLAN_FINDING_NO_DISTRICT, NULL, NULL, NULL,
                      "未能确定规划所属区县（规划没有填写地区），未应用对具体区县的市级要求");

  if (run->municipal != NULL)
    {
      int ds = qs_plan_get_start_year (run->district), de = qs_plan_get_end_year (run->district);
      int ms = qs_plan_get_start_year (run->municipal), me = qs_plan_get_end_year (run->municipal);

      if ((ds != ms || de != me) && ds > 0 && ms > 0)
        {
          g_autofree char *reason =
            g_strdup_printf ("市级规划期为 %d–%d 年，区级规划期为 %d–%d 年：按同一指标对照，年份不同",
                             ms, me, ds, de);

          add_plan_finding (run, QS_PLAN_FINDING_PERIOD_DIFFERS, NULL, NULL, NULL, reason);
        }
    }

  if (!has_target_table)
    add_plan_finding (run, QS_PLAN_FINDING_NO_TARGET_TABLE, NULL, NULL, NULL,
                      "没有找到含目标值列的指标表，无法逐行对照");

  if (unlinked->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *reason = NULL;

      for (guint i = 0; i < unlinked->len && i < 5; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? "、" : "", (char *) unlinked->pdata[i]);
      if (unlinked->len > 5)
        g_string_append (names, "等");
      reason = g_strdup_printf ("有 %u 行未关联指标目录：%s", unlinked->len, names->str);
      add_plan_finding (run, QS_PLAN_FINDING_UNLINKED_ROWS, NULL, NULL, NULL, reason);
    }

  if (!has_target_table)
    return;

  /* Requirements on this district whose indicator the plan lacks. */
  for (guint i = 0; i < run->applicable->len; i++)
    {
      QsRequirement *r = run->applicable->pdata[i];
      QsCatalogEntry *entry = qs_catalog_lookup_id (self->catalog, qs_requirement_get_indicator_id (r));
      g_autofree char *label = NULL;
      g_autofree char *figure = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *required = NULL;

      if (entry == NULL || district_has (run, entry) ||
          g_hash_table_contains (reported, qs_catalog_entry_get_id (entry)))
        continue;
      g_hash_table_add (reported, (gpointer) qs_catalog_entry_get_id (entry));
      label = requirement_label (r, 0);
      if (qs_requirement_get_kind (r) == QS_REQUIREMENT_CHANGE)
        figure = g_strdup_printf ("较%d年%s", qs_requirement_get_base_year (r), qs_requirement_get_figure (r));
      else if (qs_requirement_get_kind (r) == QS_REQUIREMENT_KEEP_BASELINE)
        figure = g_strdup ("不低于基准值");
      else
        figure = g_strdup (qs_requirement_get_figure (r));
      required = g_strdup_printf ("%s %s", label, figure);
      reason = g_strdup_printf ("缺少%s针对本区县的指标：%s（%s）", label, qs_catalog_entry_get_name (entry),
                                figure);
      add_plan_finding (run, QS_PLAN_FINDING_MISSING_INDICATOR, entry, r, required, reason);
    }

  /* Binding municipal indicators the district lacks. */
  for (guint i = 0; i < run->municipal_targets->len; i++)
    {
      MunicipalTarget *mt = run->municipal_targets->pdata[i];
      g_autofree char *figure = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *required = NULL;
      const char *id = qs_catalog_entry_get_id (mt->entry);

      if (!mt->binding || district_has (run, mt->entry) || g_hash_table_contains (reported, id))
        continue;
      g_hash_table_add (reported, (gpointer) id);
      figure = flat (cell_text (mt->row, mt->info->target_col));
      required = g_strdup_printf ("市级目标 %s", figure);
      reason = g_strdup_printf ("缺少市级约束性指标：%s（市级目标 %s%s）",
                                qs_catalog_entry_get_name (mt->entry), figure,
                                qs_catalog_entry_get_aggregate (mt->entry) ? "，全市总量" : "");
      add_plan_finding (run, QS_PLAN_FINDING_MISSING_INDICATOR, mt->entry, NULL, required, reason);
    }
}

/* Overrides */

static void
qs_check_finalize (GObject *object)
{
  QsCheck *self = QS_CHECK (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->requirements);
  g_clear_object (&self->rows);
  g_clear_object (&self->plan);
  g_clear_object (&self->completions);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->district_title, g_free);
  g_clear_pointer (&self->district_period, g_free);
  g_clear_pointer (&self->municipal_title, g_free);
  g_clear_pointer (&self->municipal_region, g_free);
  g_clear_pointer (&self->municipal_period, g_free);
  G_OBJECT_CLASS (qs_check_parent_class)->finalize (object);
}

static void
qs_check_class_init (QsCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_check_finalize;
}

static void
qs_check_init (QsCheck *self)
{
  self->rows = g_list_store_new (QS_TYPE_CHECK_FINDING);
  self->plan = g_list_store_new (QS_TYPE_CHECK_FINDING);
  self->completions = g_list_store_new (QS_TYPE_CHECK_FINDING);
}

/* Public API */

QsCheck *
qs_check_new (QsCatalog *catalog)
{
  QsCheck *self;

  g_return_val_if_fail (QS_IS_CATALOG (catalog), NULL);

  self = g_object_new (QS_TYPE_CHECK, NULL);
  self->catalog = g_object_ref (catalog);
  return self;
}

QsCatalog *
qs_check_get_catalog (QsCheck *self)
{
  g_return_val_if_fail (QS_IS_CHECK (self), NULL);
  return self->catalog;
}

void
qs_check_set_requirements (QsCheck    *self,
                           GListModel *requirements)
{
  g_return_if_fail (QS_IS_CHECK (self));
  g_return_if_fail (requirements == NULL || G_IS_LIST_MODEL (requirements));
  g_set_object (&self->requirements, requirements);
}

GListModel *
qs_check_get_requirements (QsCheck *self)
{
  g_return_val_if_fail (QS_IS_CHECK (self), NULL);
  return self->requirements;
}

void
qs_check_run (QsCheck *self,
              QsPlan  *district,
              QsPlan  *municipal)
{
  Run run = { 0 };

  g_return_if_fail (QS_IS_CHECK (self));
  g_return_if_fail (QS_IS_PLAN (district));
  g_return_if_fail (municipal == NULL || QS_IS_PLAN (municipal));

  g_list_store_remove_all (self->rows);
  g_list_store_remove_all (self->plan);
  g_list_store_remove_all (self->completions);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->district_title, g_free);
  g_clear_pointer (&self->district_period, g_free);
  g_clear_pointer (&self->municipal_title, g_free);
  g_clear_pointer (&self->municipal_region, g_free);
  g_clear_pointer (&self->municipal_period, g_free);

  self->district = find_district_name (self, district);
  self->district_title = g_strdup (qs_plan_get_title (district));
  self->district_period = qs_plan_dup_period_string (district);
  if (municipal != NULL)
    {
      self->municipal_title = g_strdup (qs_plan_get_title (municipal));
      self->municipal_region = g_strdup (qs_plan_get_region (municipal));
      self->municipal_period = qs_plan_dup_period_string (municipal);
    }

  run.self = self;
  run.district = district;
  run.municipal = municipal;
  run.entries = g_hash_table_new (NULL, NULL);
  run.present = g_hash_table_new (g_str_hash, g_str_equal);
  run.applicable = g_ptr_array_new_with_free_func (g_object_unref);
  run.municipal_targets = g_ptr_array_new_with_free_func (g_free);
  run.district_tables = analyse_plan (self->catalog, district);
  run.municipal_tables = municipal ? analyse_plan (self->catalog, municipal)
                                   : g_ptr_array_new_with_free_func (table_info_free);

  if (self->requirements != NULL && self->district != NULL)
    {
      guint n = g_list_model_get_n_items (self->requirements);

      for (guint i = 0; i < n; i++)
        {
          QsRequirement *r = g_list_model_get_item (self->requirements, i);

          if (qs_requirement_applies_to (r, self->district))
            g_ptr_array_add (run.applicable, r);
          else
            g_object_unref (r);
        }
    }

  collect_municipal_targets (&run);

  for (guint t = 0; t < run.district_tables->len; t++)
    {
      TableInfo *info = run.district_tables->pdata[t];
      guint n_rows;

      if (info->target_col < 0)
        continue;
      n_rows = g_list_model_get_n_items (G_LIST_MODEL (qs_indicator_table_get_rows (info->table)));
      for (guint r = 0; r < n_rows; r++)
        {
          QsIndicatorRow *row = qs_indicator_table_get_row (info->table, r);
          QsCatalogEntry *entry;

          if (is_heading_row (&run, info, row))
            continue;
          if (info->review)
            {
              check_completion (&run, info, r, row);
              continue;
            }
          entry = row_entry (&run, row);
          if (entry != NULL)
            g_hash_table_add (run.present, (gpointer) qs_catalog_entry_get_id (entry));
          check_row (&run, info, r, row);
        }
    }

  check_plan_level (&run);

  g_ptr_array_unref (run.district_tables);
  g_ptr_array_unref (run.municipal_tables);
  g_ptr_array_unref (run.municipal_targets);
  g_ptr_array_unref (run.applicable);
  g_hash_table_unref (run.present);
  g_hash_table_unref (run.entries);
}

const char *
qs_check_get_district (QsCheck *self)
{
  g_return_val_if_fail (QS_IS_CHECK (self), NULL);
  return self->district;
}

GListModel *
qs_check_get_row_findings (QsCheck *self)
{
  g_return_val_if_fail (QS_IS_CHECK (self), NULL);
  return G_LIST_MODEL (self->rows);
}

GListModel *
qs_check_get_plan_findings (QsCheck *self)
{
  g_return_val_if_fail (QS_IS_CHECK (self), NULL);
  return G_LIST_MODEL (self->plan);
}

GListModel *
qs_check_get_completions (QsCheck *self)
{
  g_return_val_if_fail (QS_IS_CHECK (self), NULL);
  return G_LIST_MODEL (self->completions);
}

guint
qs_check_count (QsCheck       *self,
                QsCheckStatus  status)
{
  guint n, count = 0;

  g_return_val_if_fail (QS_IS_CHECK (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (qs_check_finding_get_status (finding) == status)
        count++;
    }
  return count;
}

guint
qs_check_count_disagreements (QsCheck *self)
{
  guint n, count = 0;

  g_return_val_if_fail (QS_IS_CHECK (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->completions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->completions), i);

      if (qs_check_finding_get_disagrees (finding))
        count++;
    }
  return count;
}

gboolean
qs_check_target_level (QsCatalog      *catalog,
                       QsCatalogEntry *entry,
                       const QsValue  *target,
                       const QsValue  *baseline,
                       const char     *row_unit,
                       double         *level,
                       gboolean       *cumulative)
{
  g_auto(Level) base = { 0 };
  g_auto(Level) t = { 0 };
  const char *usual;
  double value;
  int sign;

  g_return_val_if_fail (QS_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (QS_IS_CATALOG_ENTRY (entry), FALSE);

  if (target == NULL)
    return FALSE;
  sign = qs_better_sign (qs_catalog_entry_get_better (entry));
  if (!value_is_blank (baseline))
    level_from_value (&base, baseline, sign, row_unit, entry, NULL);
  level_from_value (&t, target, sign, row_unit, entry, &base);
  if (!t.ok || t.any_gain)
    return FALSE;

  /* Into the entry's usual unit, as compare_levels() does across plans. */
  value = t.value;
  usual = entry_unit (entry);
  if (t.unit != NULL && usual != NULL && target->kind != QS_VALUE_WATER_CLASS &&
      strcmp (t.unit, usual) != 0 &&
      !qs_catalog_convert_unit (catalog, t.value, t.unit, usual, &value))
    return FALSE;

  if (level != NULL)
    *level = value;
  if (cumulative != NULL)
    *cumulative = t.cumulative;
  return TRUE;
}

static void
append_finding_line (GString        *out,
                     QsCheckFinding *finding,
                     const char     *tag)
{
  QsIndicatorRow *row = qs_check_finding_get_row (finding);
  g_autofree char *name = row ? flat (qs_indicator_row_get_name (row)) : NULL;
  const char *parent = row ? qs_indicator_row_get_parent (row) : NULL;

  /* 城市 alone says little: name the row it hangs under. */
  if (parent != NULL && *parent != '\0')
    {
      g_autofree char *own = name;
      g_autofree char *whole = flat (parent);

      name = g_strdup_printf ("%s·%s", whole, own);
    }

  g_string_append_printf (out, "  [%s] ", tag);
  if (qs_check_finding_get_table_label (finding) != NULL)
    g_string_append_printf (out, "%s 第%d行 ", qs_check_finding_get_table_label (finding),
                            qs_check_finding_get_row_index (finding) + 1);
  if (name != NULL && *name != '\0')
    g_string_append_printf (out, "%s：", name);
  g_string_append_printf (out, "%s\n", qs_check_finding_get_reason (finding));
}

char *
qs_check_to_text (QsCheck *self)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (QS_IS_CHECK (self), NULL);

  g_string_append_printf (out, "检查：%s（%s，%s）\n", self->district_title ? self->district_title : "",
                          self->district ? self->district : "区县未知",
                          self->district_period ? self->district_period : "");
  if (self->municipal_title != NULL)
    g_string_append_printf (out, "对照：%s（%s%s%s）\n", self->municipal_title,
                            self->municipal_region ? self->municipal_region : "",
                            self->municipal_region ? "，" : "",
                            self->municipal_period ? self->municipal_period : "");

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_string_append_printf (out, "\n逐行对照（%u 行）\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      append_finding_line (out, f, qs_check_status_label (qs_check_finding_get_status (f)));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  g_string_append_printf (out, "\n规划层面（%u 项）\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (G_LIST_MODEL (self->plan), i);

      g_string_append_printf (out, "  - %s\n", qs_check_finding_get_reason (f));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->completions));
  g_string_append_printf (out, "\n上期完成情况（%u 行，%u 行与表中不一致）\n", n,
                          qs_check_count_disagreements (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (G_LIST_MODEL (self->completions), i);

      append_finding_line (out, f, qs_check_finding_get_disagrees (f)
                                   ? "不一致"
                                   : qs_completion_label (qs_check_finding_get_completion (f)));
    }

  g_string_append (out, "\n汇总：");
  for (QsCheckStatus s = QS_CHECK_MEETS; s <= QS_CHECK_NO_REQUIREMENT; s++)
    g_string_append_printf (out, "%s%s %u", s > QS_CHECK_MEETS ? "，" : "", qs_check_status_label (s),
                            qs_check_count (self, s));
  g_string_append (out, "\n");
  return g_string_free (out, FALSE);
}

static void
add_plan_summary (JsonBuilder *b,
                  const char  *member,
                  const char  *title,
                  const char  *region,
                  const char  *period)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title ? title : "");
  json_builder_set_member_name (b, "region");
  if (region != NULL)
    json_builder_add_string_value (b, region);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "period");
  json_builder_add_string_value (b, period ? period : "");
  json_builder_end_object (b);
}

static void
add_findings (JsonBuilder *b,
              const char  *member,
              GListModel  *findings)
{
  guint n = g_list_model_get_n_items (findings);

  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) f = g_list_model_get_item (findings, i);

      json_builder_add_value (b, qs_check_finding_to_json (f));
    }
  json_builder_end_array (b);
}

JsonNode *
qs_check_to_json (QsCheck *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (QS_IS_CHECK (self), NULL);

  json_builder_begin_object (b);
  add_plan_summary (b, "plan", self->district_title, self->district, self->district_period);
  if (self->municipal_title != NULL)
    add_plan_summary (b, "against", self->municipal_title, self->municipal_region,
                      self->municipal_period);
  json_builder_set_member_name (b, "district");
  if (self->district != NULL)
    json_builder_add_string_value (b, self->district);
  else
    json_builder_add_null_value (b);
  add_findings (b, "rows", G_LIST_MODEL (self->rows));
  add_findings (b, "plan_findings", G_LIST_MODEL (self->plan));
  add_findings (b, "completion", G_LIST_MODEL (self->completions));
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  for (QsCheckStatus s = QS_CHECK_MEETS; s <= QS_CHECK_NO_REQUIREMENT; s++)
    {
      json_builder_set_member_name (b, qs_check_status_to_string (s));
      json_builder_add_int_value (b, qs_check_count (self, s));
    }
  json_builder_set_member_name (b, "disagreements");
  json_builder_add_int_value (b, qs_check_count_disagreements (self));
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
qs_check_to_json_data (QsCheck *self,
                       gsize   *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = NULL;
  char *data;
  gsize len = 0;

  g_return_val_if_fail (QS_IS_CHECK (self), NULL);

  root = qs_check_to_json (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &len);
  out = g_string_new_len (data, (gssize) len);
  g_free (data);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
