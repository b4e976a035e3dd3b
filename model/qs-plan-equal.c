/* qs-plan-equal.c: deep comparison of two plans.
 *
 * Both plans are written out as a canonical listing, one field per line
 * with every string escaped, and the listings compared; the first line that
 * differs tells the caller where the plans part. */
#define G_LOG_DOMAIN "qs-plan-equal"

#include "config.h"

#include <string.h>

#include "qs-glossary-entry.h"
#include "qs-year-value.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-paragraph.h"
#include "qs-plan.h"
#include "qs-requirement.h"
#include "qs-review-note.h"
#include "qs-section.h"
#include "qs-table-column.h"
#include "qs-task-item.h"
#include "qs-task-row.h"
#include "qs-task-table.h"

static void
put (GString    *out,
     const char *path,
     const char *key,
     const char *value)
{
  g_autofree char *escaped = value ? g_strescape (value, NULL) : g_strdup ("(null)");

  g_string_append_printf (out, "%s.%s=%s\n", path, key, escaped);
}

static void
put_strv (GString            *out,
          const char         *path,
          const char         *key,
          const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_autofree char *k = g_strdup_printf ("%s[%u]", key, i);

      put (out, path, k, strv[i]);
    }
}

static void
put_int (GString    *out,
         const char *path,
         const char *key,
         int         value)
{
  g_string_append_printf (out, "%s.%s=%d\n", path, key, value);
}

static void
dump_columns (GString    *out,
              const char *path,
              GListModel *columns)
{
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *p = g_strdup_printf ("%s.col[%u]", path, i);

      put (out, p, "header", qs_table_column_get_header (column));
      put (out, p, "role", qs_column_role_to_string (qs_table_column_get_role (column)));
    }
}

static void
dump_notes (GString            *out,
            const char         *path,
            const char * const *notes)
{
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("note[%u]", i);
      put (out, path, key, notes[i]);
    }
}

static void
dump_indicator_table (GString          *out,
                      const char       *path,
                      QsIndicatorTable *table)
{
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));

  put (out, path, "label", qs_indicator_table_get_label (table));
  put (out, path, "caption", qs_indicator_table_get_caption (table));
  dump_columns (out, path, G_LIST_MODEL (qs_indicator_table_get_columns (table)));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, i);
      g_autofree char *p = g_strdup_printf ("%s.row[%u]", path, i);

      put (out, p, "category", qs_indicator_row_get_category (row));
      put (out, p, "number", qs_indicator_row_get_number (row));
      put (out, p, "name", qs_indicator_row_get_name (row));
      put (out, p, "indicator", qs_indicator_row_get_indicator (row));
      put (out, p, "unit", qs_indicator_row_get_unit (row));
      put (out, p, "attribute", qs_indicator_row_get_attribute (row));
      put (out, p, "parent", qs_indicator_row_get_parent (row));
      put (out, p, "indicator_id", qs_indicator_row_get_indicator_id (row));
      for (guint c = 0; c < qs_indicator_row_get_n_cells (row); c++)
        {
          g_autofree char *key = g_strdup_printf ("cell[%u]", c);
          put (out, p, key, qs_indicator_row_get_cell (row, c));
        }
    }
  dump_notes (out, path, qs_indicator_table_get_notes (table));
}

static void
dump_task_table (GString     *out,
                 const char  *path,
                 QsTaskTable *table)
{
  GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));

  put (out, path, "label", qs_task_table_get_label (table));
  put (out, path, "caption", qs_task_table_get_caption (table));
  dump_columns (out, path, G_LIST_MODEL (qs_task_table_get_columns (table)));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, i);
      g_autofree char *p = g_strdup_printf ("%s.row[%u]", path, i);

      for (guint c = 0; c < qs_task_row_get_n_cells (row); c++)
        {
          g_autofree char *key = g_strdup_printf ("cell[%u]", c);
          put (out, p, key, qs_task_row_get_cell (row, c));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);
      g_autofree char *p = g_strdup_printf ("%s.item[%u]", path, i);

      put_int (out, p, "kind", qs_task_item_get_kind (item));
      put (out, p, "text", qs_task_item_get_text (item));
    }
  dump_notes (out, path, qs_task_table_get_notes (table));
}

static void
dump_section (GString    *out,
              const char *path,
              QsSection  *section)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));

  put (out, path, "kind", qs_section_kind_to_string (qs_section_get_kind (section)));
  put_int (out, path, "number", qs_section_get_number (section));
  put (out, path, "label", qs_section_get_label (section));
  put (out, path, "title", qs_section_get_title (section));
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);
      g_autofree char *p = g_strdup_printf ("%s.block[%u]", path, i);

      put (out, p, "type", G_OBJECT_TYPE_NAME (block));
      if (QS_IS_PARAGRAPH (block))
        {
          put_int (out, p, "kind", qs_paragraph_get_kind (QS_PARAGRAPH (block)));
          put (out, p, "text", qs_paragraph_get_text (QS_PARAGRAPH (block)));
        }
      else if (QS_IS_INDICATOR_TABLE (block))
        dump_indicator_table (out, p, QS_INDICATOR_TABLE (block));
      else if (QS_IS_TASK_TABLE (block))
        dump_task_table (out, p, QS_TASK_TABLE (block));
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);
      g_autofree char *p = g_strdup_printf ("%s.sub[%u]", path, i);

      dump_section (out, p, child);
    }
}

static void
dump_sections (GString    *out,
               const char *name,
               GListModel *sections)
{
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(QsSection) section = g_list_model_get_item (sections, i);
      g_autofree char *p = g_strdup_printf ("%s[%u]", name, i);

      dump_section (out, p, section);
    }
}

/* Groups are listed once, in order of first use, and requirements refer
 * to them by position: two requirements sharing one group object dump
 * differently from two holding equal copies. */
static void
dump_requirements (GString    *out,
                   GListModel *requirements)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);
      g_autofree char *p = g_strdup_printf ("requirements[%u]", i);
      QsDistrictGroup *group = qs_requirement_get_group (r);

      put (out, p, "id", qs_requirement_get_id (r));
      put (out, p, "indicator_id", qs_requirement_get_indicator_id (r));
      put (out, p, "kind", qs_requirement_kind_to_string (qs_requirement_get_kind (r)));
      put_strv (out, p, "districts", qs_requirement_get_districts (r));
      if (group != NULL)
        {
          guint index;

          if (!g_ptr_array_find (groups, group, &index))
            {
              g_autofree char *gp = NULL;

              index = groups->len;
              g_ptr_array_add (groups, group);
              gp = g_strdup_printf ("groups[%u]", index);
              put (out, gp, "id", qs_district_group_get_id (group));
              put (out, gp, "name", qs_district_group_get_name (group));
              put (out, gp, "source", qs_district_group_get_source (group));
              put_strv (out, gp, "districts", qs_district_group_get_districts (group));
            }
          put_int (out, p, "group", (int) index);
        }
      else
        put (out, p, "group", NULL);
      put (out, p, "figure", qs_requirement_get_figure (r));
      put (out, p, "unit", qs_requirement_get_unit (r));
      put_int (out, p, "base_year", qs_requirement_get_base_year (r));
      put (out, p, "base_value", qs_requirement_get_base_value (r));
      put_int (out, p, "year", qs_requirement_get_year (r));
      put (out, p, "source", qs_requirement_get_source (r));
      put (out, p, "note", qs_requirement_get_note (r));
    }
}

static void
dump_review_notes (GString    *out,
                   GListModel *notes)
{
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);
      g_autofree char *p = g_strdup_printf ("review_notes[%u]", i);

      put_int (out, p, "id", (int) qs_review_note_get_id (note));
      put (out, p, "author", qs_review_note_get_author (note));
      put (out, p, "created", qs_review_note_get_created (note));
      put (out, p, "text", qs_review_note_get_text (note));
      put_int (out, p, "resolved", qs_review_note_get_resolved (note));
      put (out, p, "target", qs_review_note_get_target (note) == QS_REVIEW_NOTE_TARGET_TABLE ?
                             "table" : "section");
      put_int (out, p, "table", qs_review_note_get_table_index (note));
      put (out, p, "caption", qs_review_note_get_table_caption (note));
      put_int (out, p, "row", qs_review_note_get_row_index (note));
      put (out, p, "column", qs_review_note_get_column (note));
      put (out, p, "section", qs_review_note_get_section_path (note));
    }
}

/**
 * qs_plan_dump:
 *
 * Returns: (transfer full): a canonical listing of every field of @self.
 */
char *
qs_plan_dump (QsPlan *self)
{
  GString *out = g_string_new (NULL);
  GListModel *glossary;
  GListModel *year_values;

  g_return_val_if_fail (QS_IS_PLAN (self), NULL);

  put (out, "plan", "title", qs_plan_get_title (self));
  put (out, "plan", "region", qs_plan_get_region (self));
  put (out, "plan", "level", qs_plan_level_to_string (qs_plan_get_level (self)));
  put_int (out, "plan", "start", qs_plan_get_start_year (self));
  put_int (out, "plan", "end", qs_plan_get_end_year (self));
  put_int (out, "plan", "vision", qs_plan_get_vision_year (self));
  put (out, "plan", "parent", qs_plan_get_parent_plan (self));
  dump_sections (out, "front", G_LIST_MODEL (qs_plan_get_front_matter (self)));
  dump_sections (out, "chapter", G_LIST_MODEL (qs_plan_get_chapters (self)));
  dump_sections (out, "back", G_LIST_MODEL (qs_plan_get_back_matter (self)));

  glossary = G_LIST_MODEL (qs_plan_get_glossary (self));
  for (guint i = 0; i < g_list_model_get_n_items (glossary); i++)
    {
      g_autoptr(QsGlossaryEntry) entry = g_list_model_get_item (glossary, i);
      g_autofree char *p = g_strdup_printf ("glossary[%u]", i);

      put (out, p, "term", qs_glossary_entry_get_term (entry));
      put (out, p, "definition", qs_glossary_entry_get_definition (entry));
    }

  year_values = G_LIST_MODEL (qs_plan_get_year_values (self));
  for (guint i = 0; i < g_list_model_get_n_items (year_values); i++)
    {
      g_autoptr(QsYearValue) yv = g_list_model_get_item (year_values, i);
      g_autofree char *p = g_strdup_printf ("year_values[%u]", i);

      put (out, p, "indicator_id", qs_year_value_get_indicator_id (yv));
      put (out, p, "indicator", qs_year_value_get_indicator (yv));
      put (out, p, "unit", qs_year_value_get_unit (yv));
      put_int (out, p, "year", qs_year_value_get_year (yv));
      put_int (out, p, "base_year", qs_year_value_get_base_year (yv));
      put (out, p, "text", qs_year_value_get_text (yv));
      put (out, p, "kind", qs_year_value_kind_to_string (qs_year_value_get_kind (yv)));
      put (out, p, "source", qs_year_value_source_to_string (qs_year_value_get_source (yv)));
      put (out, p, "source_text", qs_year_value_get_source_text (yv));
      put_int (out, p, "accepted", qs_year_value_get_accepted (yv));
    }

  dump_requirements (out, G_LIST_MODEL (qs_plan_get_requirements (self)));
  dump_review_notes (out, G_LIST_MODEL (qs_plan_get_review_notes (self)));
  return g_string_free (out, FALSE);
}

gboolean
qs_plan_equal (QsPlan  *a,
               QsPlan  *b,
               char   **where)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;
  guint i;

  g_return_val_if_fail (QS_IS_PLAN (a) && QS_IS_PLAN (b), FALSE);

  da = qs_plan_dump (a);
  db = qs_plan_dump (b);
  if (strcmp (da, db) == 0)
    return TRUE;

  if (where != NULL)
    {
      la = g_strsplit (da, "\n", -1);
      lb = g_strsplit (db, "\n", -1);
      for (i = 0; la[i] != NULL && lb[i] != NULL; i++)
        if (strcmp (la[i], lb[i]) != 0)
          break;
      *where = g_strdup_printf ("first difference: «%s» vs «%s»",
                                la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
    }
  return FALSE;
}
