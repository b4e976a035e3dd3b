/* qs-display.c: the strings the interface shows for model values. */
#define G_LOG_DOMAIN "qs-display"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qs-display.h"

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* Joins the non-empty parts with a middle dot, as GNOME subtitles do. */
static char *
join_parts (const char * const *parts,
            gsize               n_parts)
{
  GString *str = g_string_new (NULL);

  for (gsize i = 0; i < n_parts; i++)
    {
      if (is_empty (parts[i]))
        continue;
      if (str->len > 0)
        g_string_append (str, " · ");
      g_string_append (str, parts[i]);
    }
  return g_string_free (str, FALSE);
}

static void
count_sections (GListModel *sections,
                guint      *n_sections)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsSection) section = g_list_model_get_item (sections, i);

      *n_sections += 1;
      count_sections (G_LIST_MODEL (qs_section_get_children (section)), n_sections);
    }
}

/**
 * qs_plan_level_display_name:
 * @level: a plan level
 *
 * Returns: (transfer none): the level as the interface names it.
 */
const char *
qs_plan_level_display_name (QsPlanLevel level)
{
  switch (level)
    {
    case QS_PLAN_LEVEL_DISTRICT:
      return C_("plan level", "District");
    case QS_PLAN_LEVEL_COUNTY:
      return C_("plan level", "County");
    case QS_PLAN_LEVEL_MUNICIPAL:
      return C_("plan level", "Municipal");
    default:
      return C_("plan level", "Other");
    }
}

/**
 * qs_plan_level_group_title:
 * @level: a plan level
 *
 * Returns: (transfer none): the heading of the sidebar group of that level.
 */
const char *
qs_plan_level_group_title (QsPlanLevel level)
{
  switch (level)
    {
    case QS_PLAN_LEVEL_DISTRICT:
      return _("District Plans");
    case QS_PLAN_LEVEL_COUNTY:
      return _("County Plans");
    case QS_PLAN_LEVEL_MUNICIPAL:
      return _("Municipal Plans");
    default:
      return _("Other Plans");
    }
}

/**
 * qs_plan_period_display_name:
 * @start_year: first year, or 0
 * @end_year: last year, or 0
 *
 * Returns: (transfer full): the period as the interface writes it.
 */
char *
qs_plan_period_display_name (int start_year,
                             int end_year)
{
  if (start_year > 0 && end_year > start_year)
    /* TRANSLATORS: a plan period, first and last year */
    return g_strdup_printf (_("%d–%d"), start_year, end_year);
  if (start_year > 0)
    return g_strdup_printf (C_("plan period", "%d"), start_year);
  if (end_year > 0)
    return g_strdup_printf (C_("plan period", "%d"), end_year);
  return g_strdup (_("No period"));
}

/**
 * qs_plan_display_subtitle:
 *
 * Returns: (transfer full): "region · level · period", leaving out what is unknown.
 */
char *
qs_plan_display_subtitle (const char  *region,
                          QsPlanLevel  level,
                          int          start_year,
                          int          end_year)
{
  g_autofree char *period = qs_plan_period_display_name (start_year, end_year);
  const char *parts[] = { region, qs_plan_level_display_name (level), period };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

char *
qs_plan_dup_title_or_untitled (const char *title)
{
  if (is_empty (title))
    return g_strdup (_("Untitled Plan"));
  return g_strdup (title);
}

/**
 * qs_section_dup_display_title:
 * @section: a section
 *
 * Returns: (transfer full): the numbering label and the title, as printed.
 */
char *
qs_section_dup_display_title (QsSection *section)
{
  g_autofree char *default_label = NULL;
  const char *label;
  const char *title;
  QsSectionKind kind;

  g_return_val_if_fail (QS_IS_SECTION (section), NULL);

  kind = qs_section_get_kind (section);
  title = qs_section_get_title (section);
  label = qs_section_get_label (section);
  if (label == NULL && kind != QS_SECTION_FRONT && kind != QS_SECTION_BACK)
    label = default_label = qs_section_format_label (kind, qs_section_get_number (section));

  /* Lines before the first heading (issuing body, date …) and after the last. */
  if (is_empty (label) && is_empty (title) && kind == QS_SECTION_FRONT)
    return g_strdup (_("Opening Pages"));
  if (is_empty (label) && is_empty (title) && kind == QS_SECTION_BACK)
    return g_strdup (_("Closing Pages"));
  if (is_empty (label))
    return is_empty (title) ? g_strdup (_("Untitled Section")) : g_strdup (title);
  if (is_empty (title))
    return g_strdup (label);

  /* "一、" and "（一）" run straight into the title; "第一章" is followed by a space. */
  if (g_str_has_suffix (label, "、") || g_str_has_suffix (label, "）") ||
      g_str_has_suffix (label, ")") || g_str_has_suffix (label, "．") ||
      g_str_has_suffix (label, "."))
    return g_strconcat (label, title, NULL);
  return g_strconcat (label, " ", title, NULL);
}

/**
 * qs_table_dup_display_title:
 *
 * Returns: (transfer full): the caption as written, else the label.
 */
char *
qs_table_dup_display_title (const char *label,
                            const char *caption)
{
  if (!is_empty (caption))
    return g_strdup (caption);
  if (!is_empty (label))
    return g_strdup (label);
  return g_strdup (_("Untitled Table"));
}

char *
qs_outline_item_dup_title (GObject *item)
{
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  if (QS_IS_SECTION (item))
    return qs_section_dup_display_title (QS_SECTION (item));
  if (QS_IS_INDICATOR_TABLE (item))
    return qs_table_dup_display_title (qs_indicator_table_get_label (QS_INDICATOR_TABLE (item)),
                                       qs_indicator_table_get_caption (QS_INDICATOR_TABLE (item)));
  if (QS_IS_TASK_TABLE (item))
    return qs_table_dup_display_title (qs_task_table_get_label (QS_TASK_TABLE (item)),
                                       qs_task_table_get_caption (QS_TASK_TABLE (item)));
  return g_strdup ("");
}

const char *
qs_outline_item_get_icon_name (GObject *item)
{
  if (QS_IS_INDICATOR_TABLE (item))
    return "qs-indicator-table-symbolic";
  if (QS_IS_TASK_TABLE (item))
    return "qs-task-table-symbolic";
  return "qs-section-symbolic";
}

/**
 * qs_indicator_cell_dup_tooltip:
 * @row: an indicator row
 * @column: the column index
 * @role: the column's role
 *
 * Structural cells (category, name, unit …) show their whole text, since
 * the cell may be cut short; value cells add the parsed reading.
 *
 * Returns: (transfer full) (nullable): the tooltip, NULL for an empty cell.
 */
char *
qs_indicator_cell_dup_tooltip (QsIndicatorRow *row,
                               guint           column,
                               QsColumnRole    role)
{
  g_autofree char *description = NULL;
  const QsValue *value;
  const char *text;

  g_return_val_if_fail (QS_IS_INDICATOR_ROW (row), NULL);

  text = qs_indicator_row_get_cell (row, column);
  if (is_empty (text))
    return NULL;

  if (qs_column_role_is_structural (role) || role == QS_COLUMN_UNIT ||
      role == QS_COLUMN_ATTRIBUTE)
    return g_strdup (text);

  value = qs_indicator_row_get_value (row, column);
  if (value != NULL)
    description = qs_value_describe (value);
  if (is_empty (description))
    return g_strdup (text);

  /* TRANSLATORS: a cell tooltip: the text as written, then how it was read */
  return g_strdup_printf (_("%s\nRead as: %s"), text, description);
}

const char *
qs_indicator_cell_style_class (const QsValue *value)
{
  if (value == NULL)
    return NULL;
  if (value->kind == QS_VALUE_UNREADABLE)
    return "error";
  if (value->kind == QS_VALUE_ASSIGNED)
    return "warning";
  return NULL;
}

/**
 * qs_plan_dup_statistics:
 * @plan: a plan
 *
 * Returns: (transfer full): one translated line per kind of part.
 */
char *
qs_plan_dup_statistics (QsPlan *plan)
{
  g_autoptr(GPtrArray) indicator_tables = NULL;
  g_autoptr(GPtrArray) task_tables = NULL;
  g_autofree char *chapters_str = NULL;
  g_autofree char *sections_str = NULL;
  g_autofree char *tables_str = NULL;
  g_autofree char *rows_str = NULL;
  g_autofree char *tasks_str = NULL;
  guint n_chapters;
  guint n_sections = 0;
  guint n_rows = 0;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  n_chapters = g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_chapters (plan)));
  for (guint i = 0; i < n_chapters; i++)
    {
      g_autoptr(QsSection) chapter = g_list_model_get_item (G_LIST_MODEL (qs_plan_get_chapters (plan)), i);

      count_sections (G_LIST_MODEL (qs_section_get_children (chapter)), &n_sections);
    }

  indicator_tables = qs_plan_collect_indicator_tables (plan);
  task_tables = qs_plan_collect_task_tables (plan);
  for (guint i = 0; i < indicator_tables->len; i++)
    n_rows += g_list_model_get_n_items (
      G_LIST_MODEL (qs_indicator_table_get_rows (g_ptr_array_index (indicator_tables, i))));

  chapters_str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chapter", "%u chapters",
                                               n_chapters), n_chapters);
  sections_str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections",
                                               n_sections), n_sections);
  tables_str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator table",
                                             "%u indicator tables", indicator_tables->len),
                                indicator_tables->len);
  rows_str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                           n_rows), n_rows);
  tasks_str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task box or project table",
                                            "%u task boxes and project tables",
                                            task_tables->len), task_tables->len);

  /* TRANSLATORS: the plan overview; the parts are counts such as "8 chapters" */
  return g_strdup_printf (_("%s, %s\n%s with %s\n%s"),
                          chapters_str, sections_str, tables_str, rows_str, tasks_str);
}

char *
qs_plan_dup_description (QsPlan *plan)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *statistics = NULL;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  title = qs_plan_dup_title_or_untitled (qs_plan_get_title (plan));
  subtitle = qs_plan_display_subtitle (qs_plan_get_region (plan), qs_plan_get_level (plan),
                                       qs_plan_get_start_year (plan), qs_plan_get_end_year (plan));
  statistics = qs_plan_dup_statistics (plan);
  return g_strdup_printf ("%s\n%s\n\n%s", title, subtitle, statistics);
}

guint
qs_text_display_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}
