/* qs-plan-xml.c: the .qsplan file format (XML, schema resources/qsplan.rng).
 *
 * Writing serialises the plan with an xmlTextWriter into memory and saves
 * it atomically.  Everything a person typed goes into element content and
 * nothing is ever indented inside a text element, so every string comes
 * back byte for byte; "\r" is written as &#13; (XML would turn a literal
 * one into "\n") and the few characters XML 1.0 cannot hold at all become
 * <control code="000B"/> elements (text pasted from Word carries vertical
 * tabs and page breaks, and refusing to save a planner's work over an
 * invisible character would be worse).
 *
 * Reading treats the file as hostile: the size is capped before parsing,
 * the bytes must be UTF-8, the parser never loads anything (no DTD, no
 * entities, no network) and stops at the first DOCTYPE or entity it meets,
 * the document is validated against the embedded schema, and only then
 * are model objects built. */
#define G_LOG_DOMAIN "qs-plan-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "qs-glossary-entry.h"
#include "qs-review-note.h"
#include "qs-year-value.h"
#include "qs-requirement.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-paragraph.h"
#include "qs-plan-schema.h"
#include "qs-plan-xml.h"
#include "qs-section.h"
#include "qs-table-column.h"
#include "qs-task-item.h"
#include "qs-task-row.h"
#include "qs-task-table.h"

#define QS_PLAN_XML_NS      QS_PLAN_XML_NAMESPACE
#define QS_PLAN_XML_VERSION "1"
#define MAX_YEAR            9999

G_DEFINE_QUARK (qs-plan-xml-error-quark, qs_plan_xml_error)

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  xmlTextWriterPtr writer;
  guint            depth;
  gboolean         just_started;   /* the open element has no child yet */
  gboolean         failed;
  gboolean         too_long;       /* a text libxml2 would refuse to read back */
} Writer;

/* XML 1.0 cannot hold these characters, not even as character references. */
static gboolean
needs_control_element (gunichar c)
{
  return (c >= 0x01 && c <= 0x08) || c == 0x0B || c == 0x0C ||
         (c >= 0x0E && c <= 0x1F) || c == 0xFFFE || c == 0xFFFF;
}

static void
check (Writer *w,
       int     rc)
{
  if (rc < 0)
    w->failed = TRUE;
}

static void
newline (Writer *w)
{
  g_autofree char *indent = g_strnfill (w->depth * 2, ' ');
  g_autofree char *raw = g_strconcat ("\n", indent, NULL);

  check (w, xmlTextWriterWriteRaw (w->writer, (const xmlChar *) raw));
}

static void
start (Writer     *w,
       const char *name)
{
  newline (w);
  check (w, xmlTextWriterStartElement (w->writer, (const xmlChar *) name));
  w->depth++;
  w->just_started = TRUE;
}

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  check (w, xmlTextWriterWriteAttribute (w->writer, (const xmlChar *) name,
                                         (const xmlChar *) value));
}

static void
attr_int (Writer     *w,
          const char *name,
          int         value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", value);
  attr (w, name, buf);
}

static void
end (Writer *w)
{
  g_assert (w->depth > 0);
  w->depth--;
  /* An element without children closes as <x/>; one with children gets
   * its end tag on a line of its own. */
  if (!w->just_started)
    newline (w);
  check (w, xmlTextWriterEndElement (w->writer));
  w->just_started = FALSE;
}

static void
flush_run (Writer  *w,
           GString *run)
{
  if (run->len == 0)
    return;
  /* xmlTextWriterWriteString escapes <, >, & and turns "\r" into &#13;. */
  check (w, xmlTextWriterWriteString (w->writer, (const xmlChar *) run->str));
  g_string_truncate (run, 0);
}

/* Writes @text as the content of the open element, exactly. */
static void
write_text (Writer     *w,
            const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) run = g_string_new (NULL);

  if (text == NULL || *text == '\0')
    return;

  /* libxml2 refuses text nodes over XML_MAX_TEXT_LENGTH without
   * XML_PARSE_HUGE (which we never use): such a file could not be opened
   * again, so the writer refuses it rather than save it. */
  if (strlen (text) >= QS_PLAN_XML_MAX_TEXT)
    w->too_long = TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* The model holds UTF-8 by contract; a broken string must not make
       * the whole file unreadable, so it is repaired (U+FFFD) and said. */
      g_warning ("Invalid UTF-8 in plan text “%s”; saved with replacement characters",
                 text);
      text = valid = g_utf8_make_valid (text, -1);
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (needs_control_element (c))
        {
          char code[8];

          flush_run (w, run);
          g_snprintf (code, sizeof code, "%04X", c);
          check (w, xmlTextWriterStartElement (w->writer, (const xmlChar *) "control"));
          attr (w, "code", code);
          check (w, xmlTextWriterEndElement (w->writer));
        }
      else
        g_string_append_len (run, p, g_utf8_next_char (p) - p);
    }
  flush_run (w, run);
}

/* <name [attr_name="attr_value"]>text</name> on a line of its own. */
static void
text_element (Writer     *w,
              const char *name,
              const char *attr_name,
              const char *attr_value,
              const char *text)
{
  newline (w);
  check (w, xmlTextWriterStartElement (w->writer, (const xmlChar *) name));
  if (attr_name != NULL)
    attr (w, attr_name, attr_value);
  write_text (w, text);
  check (w, xmlTextWriterEndElement (w->writer));
  w->just_started = FALSE;
}

static void
optional_text_element (Writer     *w,
                       const char *name,
                       const char *text)
{
  if (text != NULL)
    text_element (w, name, NULL, NULL, text);
}

static void
write_label_caption (Writer     *w,
                     const char *label,
                     const char *caption)
{
  optional_text_element (w, "label", label);
  text_element (w, "caption", NULL, NULL, caption ? caption : "");
}

static void
write_columns (Writer     *w,
               GListModel *columns)
{
  guint n = g_list_model_get_n_items (columns);

  if (n == 0)
    return;
  start (w, "columns");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);
      const char *role = qs_column_role_to_string (qs_table_column_get_role (column));

      if (role == NULL)
        {
          g_warning ("Column %u has an unknown role %d; saved as “other”",
                     i + 1, qs_table_column_get_role (column));
          role = "other";
        }
      text_element (w, "column", "role", role, qs_table_column_get_header (column));
    }
  end (w);
}

static void
write_notes (Writer             *w,
             const char * const *notes)
{
  if (notes == NULL || notes[0] == NULL)
    return;
  start (w, "notes");
  for (guint i = 0; notes[i] != NULL; i++)
    text_element (w, "note", NULL, NULL, notes[i]);
  end (w);
}

/* category, number, name and indicator are never NULL in the model: they
 * are left out when empty.  The others are left out when NULL (the model
 * stores "" as NULL for them). */
static void
nonempty_text_element (Writer     *w,
                       const char *name,
                       const char *text)
{
  if (text != NULL && *text != '\0')
    text_element (w, name, NULL, NULL, text);
}

static void
write_indicator_table (Writer           *w,
                       QsIndicatorTable *table)
{
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  guint n_rows = g_list_model_get_n_items (rows);

  start (w, "indicator-table");
  write_label_caption (w, qs_indicator_table_get_label (table),
                       qs_indicator_table_get_caption (table));
  write_columns (w, G_LIST_MODEL (qs_indicator_table_get_columns (table)));
  if (n_rows > 0)
    {
      start (w, "rows");
      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, i);

          start (w, "row");
          nonempty_text_element (w, "category", qs_indicator_row_get_category (row));
          nonempty_text_element (w, "number", qs_indicator_row_get_number (row));
          nonempty_text_element (w, "name", qs_indicator_row_get_name (row));
          nonempty_text_element (w, "indicator", qs_indicator_row_get_indicator (row));
          optional_text_element (w, "unit", qs_indicator_row_get_unit (row));
          optional_text_element (w, "attribute", qs_indicator_row_get_attribute (row));
          optional_text_element (w, "parent", qs_indicator_row_get_parent (row));
          optional_text_element (w, "indicator-id", qs_indicator_row_get_indicator_id (row));
          for (guint c = 0; c < qs_indicator_row_get_n_cells (row); c++)
            text_element (w, "cell", NULL, NULL, qs_indicator_row_get_cell (row, c));
          end (w);
        }
      end (w);
    }
  write_notes (w, qs_indicator_table_get_notes (table));
  end (w);
}

static void
write_task_table (Writer      *w,
                  QsTaskTable *table)
{
  GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));
  guint n_rows = g_list_model_get_n_items (rows);
  guint n_items = g_list_model_get_n_items (items);

  start (w, "task-table");
  write_label_caption (w, qs_task_table_get_label (table), qs_task_table_get_caption (table));
  write_columns (w, G_LIST_MODEL (qs_task_table_get_columns (table)));
  if (n_rows > 0)
    {
      start (w, "rows");
      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, i);

          start (w, "row");
          for (guint c = 0; c < qs_task_row_get_n_cells (row); c++)
            text_element (w, "cell", NULL, NULL, qs_task_row_get_cell (row, c));
          end (w);
        }
      end (w);
    }
  if (n_items > 0)
    {
      start (w, "items");
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);
          const char *kind = qs_task_item_get_kind (item) == QS_TASK_ITEM_HEADING
                             ? "heading" : "item";

          text_element (w, "item", "kind", kind, qs_task_item_get_text (item));
        }
      end (w);
    }
  write_notes (w, qs_task_table_get_notes (table));
  end (w);
}

static void
write_section (Writer    *w,
               QsSection *section)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));
  const char *kind = qs_section_kind_to_string (qs_section_get_kind (section));
  int number = qs_section_get_number (section);

  if (kind == NULL)
    {
      g_warning ("Section “%s” has an unknown kind %d; saved as a chapter",
                 qs_section_get_title (section), qs_section_get_kind (section));
      kind = "chapter";
    }
  if (number < 0)
    {
      g_warning ("Section “%s” has a negative number %d; saved unnumbered",
                 qs_section_get_title (section), number);
      number = 0;
    }

  start (w, "section");
  attr (w, "kind", kind);
  if (number != 0)
    attr_int (w, "number", number);
  optional_text_element (w, "label", qs_section_get_label (section));
  text_element (w, "title", NULL, NULL, qs_section_get_title (section));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      if (QS_IS_PARAGRAPH (block))
        {
          QsParagraph *paragraph = QS_PARAGRAPH (block);
          const char *pkind = qs_paragraph_get_kind (paragraph) == QS_PARAGRAPH_NOTE
                              ? "note" : "body";

          text_element (w, "paragraph", "kind", pkind, qs_paragraph_get_text (paragraph));
        }
      else if (QS_IS_INDICATOR_TABLE (block))
        write_indicator_table (w, QS_INDICATOR_TABLE (block));
      else if (QS_IS_TASK_TABLE (block))
        write_task_table (w, QS_TASK_TABLE (block));
      else
        g_warning ("Section “%s” holds a block of unknown type %s; not saved",
                   qs_section_get_title (section), G_OBJECT_TYPE_NAME (block));
    }

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      write_section (w, child);
    }
  end (w);
}

static void
write_sections (Writer     *w,
                const char *name,
                GListModel *sections)
{
  guint n = g_list_model_get_n_items (sections);

  if (n == 0)
    return;
  start (w, name);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsSection) section = g_list_model_get_item (sections, i);

      write_section (w, section);
    }
  end (w);
}

static int
clamp_year (const char *what,
            int         year)
{
  if (year >= 0 && year <= MAX_YEAR)
    return year;
  g_warning ("The plan's %s %d is out of range; saved as 0", what, year);
  return 0;
}

static void
write_districts (Writer             *w,
                 const char * const *districts)
{
  for (guint i = 0; districts != NULL && districts[i] != NULL; i++)
    text_element (w, "district", NULL, NULL, districts[i]);
}

/* Groups are written once, numbered in order of first use, and
 * requirements refer to them by that number: the group's own id is text
 * the user may edit, so it goes in element content like the rest. */
static void
write_requirements (Writer     *w,
                    GListModel *requirements)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (requirements);

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);

      if (group != NULL && !g_ptr_array_find (groups, group, NULL))
        g_ptr_array_add (groups, group);
    }

  start (w, "requirements");
  for (guint i = 0; i < groups->len; i++)
    {
      QsDistrictGroup *group = g_ptr_array_index (groups, i);

      start (w, "group");
      attr_int (w, "id", (int) i + 1);
      text_element (w, "key", NULL, NULL, qs_district_group_get_id (group));
      text_element (w, "name", NULL, NULL, qs_district_group_get_name (group));
      optional_text_element (w, "source", qs_district_group_get_source (group));
      write_districts (w, qs_district_group_get_districts (group));
      end (w);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);
      int base_year = clamp_year ("base year of a requirement", qs_requirement_get_base_year (r));
      int year = clamp_year ("year of a requirement", qs_requirement_get_year (r));
      guint index;

      start (w, "requirement");
      attr (w, "kind", qs_requirement_kind_to_string (qs_requirement_get_kind (r)));
      if (group != NULL && g_ptr_array_find (groups, group, &index))
        attr_int (w, "group", (int) index + 1);
      if (base_year != 0)
        attr_int (w, "base-year", base_year);
      if (year != 0)
        attr_int (w, "year", year);
      optional_text_element (w, "id", qs_requirement_get_id (r));
      optional_text_element (w, "indicator-id", qs_requirement_get_indicator_id (r));
      write_districts (w, qs_requirement_get_districts (r));
      optional_text_element (w, "figure", qs_requirement_get_figure (r));
      optional_text_element (w, "unit", qs_requirement_get_unit (r));
      optional_text_element (w, "base-value", qs_requirement_get_base_value (r));
      optional_text_element (w, "source", qs_requirement_get_source (r));
      optional_text_element (w, "note", qs_requirement_get_note (r));
      end (w);
    }
  end (w);
}

/* Indices are attributes (numbers); everything a person wrote or that
 * names something (author, caption, column, path, time) is text. */
static void
write_review_notes (Writer     *w,
                    GListModel *notes)
{
  guint n = g_list_model_get_n_items (notes);
  g_autofree guint *ids = NULL;

  if (n == 0)
    return;
  ids = qs_review_note_list_stored_ids (notes);
  start (w, "review-notes");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);

      start (w, "note");
      attr_int (w, "id", (int) ids[i]);
      attr (w, "resolved", qs_review_note_get_resolved (note) ? "true" : "false");
      if (qs_review_note_get_target (note) == QS_REVIEW_NOTE_TARGET_TABLE)
        {
          attr_int (w, "table", qs_review_note_get_table_index (note));
          if (qs_review_note_get_row_index (note) >= 0)
            attr_int (w, "row", qs_review_note_get_row_index (note));
        }
      text_element (w, "author", NULL, NULL, qs_review_note_get_author (note));
      text_element (w, "created", NULL, NULL, qs_review_note_get_created (note));
      if (qs_review_note_get_target (note) == QS_REVIEW_NOTE_TARGET_TABLE)
        {
          optional_text_element (w, "caption", qs_review_note_get_table_caption (note));
          optional_text_element (w, "column", qs_review_note_get_column (note));
        }
      else
        text_element (w, "section", NULL, NULL, qs_review_note_get_section_path (note));
      text_element (w, "text", NULL, NULL, qs_review_note_get_text (note));
      end (w);
    }
  end (w);
}

static void
write_plan (Writer *w,
            QsPlan *plan)
{
  GListModel *glossary = G_LIST_MODEL (qs_plan_get_glossary (plan));
  GListModel *year_values = G_LIST_MODEL (qs_plan_get_year_values (plan));
  guint n_entries = g_list_model_get_n_items (glossary);
  const char *level = qs_plan_level_to_string (qs_plan_get_level (plan));
  int vision = clamp_year ("vision year", qs_plan_get_vision_year (plan));

  if (level == NULL)
    {
      g_warning ("The plan has an unknown level %d; saved as a district plan",
                 qs_plan_get_level (plan));
      level = "district";
    }

  check (w, xmlTextWriterStartElement (w->writer, (const xmlChar *) "plan"));
  attr (w, "xmlns", QS_PLAN_XML_NS);
  attr (w, "version", QS_PLAN_XML_VERSION);
  attr (w, "level", level);
  attr_int (w, "start-year", clamp_year ("start year", qs_plan_get_start_year (plan)));
  attr_int (w, "end-year", clamp_year ("end year", qs_plan_get_end_year (plan)));
  if (vision != 0)
    attr_int (w, "vision-year", vision);
  w->depth = 1;

  text_element (w, "title", NULL, NULL, qs_plan_get_title (plan));
  text_element (w, "region", NULL, NULL, qs_plan_get_region (plan));
  optional_text_element (w, "parent-plan", qs_plan_get_parent_plan (plan));

  write_sections (w, "front-matter", G_LIST_MODEL (qs_plan_get_front_matter (plan)));
  write_sections (w, "chapters", G_LIST_MODEL (qs_plan_get_chapters (plan)));
  write_sections (w, "back-matter", G_LIST_MODEL (qs_plan_get_back_matter (plan)));

  if (n_entries > 0)
    {
      start (w, "glossary");
      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(QsGlossaryEntry) entry = g_list_model_get_item (glossary, i);

          start (w, "entry");
          text_element (w, "term", NULL, NULL, qs_glossary_entry_get_term (entry));
          text_element (w, "definition", NULL, NULL, qs_glossary_entry_get_definition (entry));
          end (w);
        }
      end (w);
    }

  if (g_list_model_get_n_items (year_values) > 0)
    {
      start (w, "year-values");
      for (guint i = 0; i < g_list_model_get_n_items (year_values); i++)
        {
          g_autoptr(QsYearValue) yv = g_list_model_get_item (year_values, i);
          int base_year = clamp_year ("base year of a yearly value", qs_year_value_get_base_year (yv));

          start (w, "value");
          attr_int (w, "year", clamp_year ("year of a yearly value", qs_year_value_get_year (yv)));
          if (base_year != 0)
            attr_int (w, "base-year", base_year);
          attr (w, "kind", qs_year_value_kind_to_string (qs_year_value_get_kind (yv)));
          attr (w, "source", qs_year_value_source_to_string (qs_year_value_get_source (yv)));
          attr (w, "accepted", qs_year_value_get_accepted (yv) ? "true" : "false");
          optional_text_element (w, "indicator-id", qs_year_value_get_indicator_id (yv));
          text_element (w, "indicator", NULL, NULL, qs_year_value_get_indicator (yv));
          optional_text_element (w, "unit", qs_year_value_get_unit (yv));
          text_element (w, "text", NULL, NULL, qs_year_value_get_text (yv));
          optional_text_element (w, "source-text", qs_year_value_get_source_text (yv));
          end (w);
        }
      end (w);
    }

  write_requirements (w, G_LIST_MODEL (qs_plan_get_requirements (plan)));
  write_review_notes (w, G_LIST_MODEL (qs_plan_get_review_notes (plan)));
  end (w);
}

static int
output_write_cb (void       *context,
                 const char *buffer,
                 int         len)
{
  g_string_append_len (context, buffer, len);
  return len;
}

static int
output_close_cb (void *context)
{
  return 0;
}

/**
 * qs_plan_xml_write_data:
 * @plan: a plan
 * @length: (out) (optional): the length of the result in bytes
 *
 * Serialises @plan as a .qsplan document.
 *
 * Returns: (transfer full) (nullable): the document, UTF-8, NUL-terminated,
 *   or %NULL when a text of the plan is QS_PLAN_XML_MAX_TEXT bytes or longer
 *   (it could not be read back).
 */
char *
qs_plan_xml_write_data (QsPlan *plan,
                        gsize  *length)
{
  g_autoptr(GString) out = NULL;
  xmlOutputBufferPtr buffer;
  Writer w = { 0 };

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  out = g_string_new (NULL);
  buffer = xmlOutputBufferCreateIO (output_write_cb, output_close_cb, out, NULL);
  w.writer = xmlNewTextWriter (buffer);   /* takes the buffer */
  g_assert (w.writer != NULL);

  check (&w, xmlTextWriterStartDocument (w.writer, "1.0", "UTF-8", NULL));
  write_plan (&w, plan);
  check (&w, xmlTextWriterEndDocument (w.writer));
  xmlFreeTextWriter (w.writer);

  /* A memory writer only fails when memory runs out. */
  if (w.failed)
    g_error ("Could not serialise the plan: out of memory");
  if (w.too_long)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * qs_plan_xml_write_file:
 *
 * Serialises @plan to memory, then writes it to @path atomically (a
 * temporary file renamed over the target) and durably, so a crash or a
 * full disk never leaves a half-written plan.
 */
gboolean
qs_plan_xml_write_file (QsPlan      *plan,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;

  g_return_val_if_fail (QS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = qs_plan_xml_write_data (plan, &length);
  if (data == NULL)
    {
      display = g_filename_display_name (path);
      g_set_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_TOO_LARGE,
                   "Could not save the plan to %s: a paragraph or cell is longer than %d MB; "
                   "split it into several", display, QS_PLAN_XML_MAX_TEXT / 1000000);
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      display = g_filename_display_name (path);
      g_set_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_IO,
                   "Could not save the plan to %s: %s", display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *name;          /* the file name used in messages */
  GError     *error;         /* the first problem found */
} ReadState;

static void
set_state_error (ReadState  *state,
                 int         code,
                 long        line,
                 const char *message)
{
  if (state->error != NULL)
    return;
  if (line > 0)
    state->error = g_error_new (QS_PLAN_XML_ERROR, code, "%s:%ld: %s", state->name, line, message);
  else
    state->error = g_error_new (QS_PLAN_XML_ERROR, code, "%s: %s", state->name, message);
}

/* libxml2 messages end with "\n" and may span lines ("Bytes: 0x…"). */
static char *
tidy_message (const char *message)
{
  char *text = g_strdup (message ? message : "unknown error");

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (text);
}

static long
parser_line (xmlParserCtxtPtr ctxt)
{
  return ctxt->input != NULL ? ctxt->input->line : 0;
}

/* Our own format never needs a DTD or an entity: meeting one means the
 * file was made to attack the reader (billion laughs, XXE), so parsing
 * stops on the spot and nothing is loaded or expanded. */
static void
forbid (void       *ctx,
        const char *what)
{
  xmlParserCtxtPtr ctxt = ctx;
  ReadState *state = ctxt->_private;
  g_autofree char *message =
    g_strdup_printf ("%s is not allowed in a plan file; the file was not read", what);

  if (state != NULL)
    set_state_error (state, QS_PLAN_XML_ERROR_FORBIDDEN, parser_line (ctxt), message);
  xmlStopParser (ctxt);
}

static void
internal_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  forbid (ctx, "A DOCTYPE declaration");
}

static void
external_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  forbid (ctx, "An external DTD");
}

static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  forbid (ctx, "An entity declaration");
}

static xmlEntityPtr
get_entity_cb (void          *ctx,
               const xmlChar *name)
{
  /* The five predefined entities never get here. */
  forbid (ctx, "An entity reference");
  return NULL;
}

static xmlParserInputPtr
resolve_entity_cb (void          *ctx,
                   const xmlChar *public_id,
                   const xmlChar *system_id)
{
  forbid (ctx, "An external reference");
  return NULL;
}

static void
reference_cb (void          *ctx,
              const xmlChar *name)
{
  forbid (ctx, "An entity reference");
}

static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = user_data;
  ReadState *state = ctxt->_private;
  g_autofree char *message = NULL;

  if (state == NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  /* libxml2's advice for this one (XML_PARSE_HUGE) is not ours to take. */
  if (err->message != NULL && strstr (err->message, "Excessive depth") != NULL)
    message = g_strdup ("the elements are nested too deeply (more than 256 levels)");
  else
    message = tidy_message (err->message);
  set_state_error (state, QS_PLAN_XML_ERROR_MALFORMED, err->line, message);
}

static gboolean
names_node (xmlNode    *node,
            const char *name)
{
  return name != NULL && strcmp ((const char *) node->name, name) == 0;
}

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  err)
{
  ReadState *state = user_data;
  g_autofree char *message = NULL;
  g_autoptr(GString) text = NULL;
  xmlNode *node = err->node;
  long line = err->line;

  if (state->error != NULL || err->level < XML_ERR_ERROR)
    return;

  message = tidy_message (err->message);
  text = g_string_new (message);
  /* For "Element plan failed to validate attributes" libxml2 points at
   * the element's first child: step back to the element the message names. */
  if (node != NULL && node->type == XML_ELEMENT_NODE && node->parent != NULL &&
      node->parent->type == XML_ELEMENT_NODE &&
      !names_node (node, err->str1) && !names_node (node, err->str2) &&
      (names_node (node->parent, err->str1) || names_node (node->parent, err->str2)))
    node = node->parent;
  if (node != NULL && (node->type == XML_ELEMENT_NODE || node->type == XML_TEXT_NODE))
    {
      long node_line = xmlGetLineNo (node);

      if (node_line > 0)
        line = node_line;
    }
  /* "Element x failed to validate attributes" does not say which one:
   * show them so the planner can see the bad value. */
  if (node != NULL && node->type == XML_ELEMENT_NODE && node->properties != NULL &&
      strstr (message, "attribute") != NULL)
    {
      g_string_append (text, " (");
      for (xmlAttr *a = node->properties; a != NULL; a = a->next)
        {
          g_autofree xmlChar *value = xmlNodeGetContent ((xmlNode *) a);

          g_string_append_printf (text, "%s%s=\"%s\"", a == node->properties ? "" : " ",
                                  (const char *) a->name, value ? (const char *) value : "");
        }
      g_string_append (text, ")");
    }
  g_string_prepend (text, "the file does not follow the .qsplan schema: ");
  set_state_error (state, QS_PLAN_XML_ERROR_INVALID, line, text->str);
}

/* The schema is compiled once and shared: a compiled RELAX NG grammar is
 * not modified by validation. */
static xmlRelaxNGPtr
get_schema (void)
{
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&schema))
    {
      xmlRelaxNGParserCtxtPtr pctxt;
      xmlRelaxNGPtr compiled;

      pctxt = xmlRelaxNGNewMemParserCtxt (qs_plan_xml_schema, (int) qs_plan_xml_schema_len);
      compiled = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      if (compiled == NULL)
        g_error ("The embedded .qsplan schema does not compile");
      g_once_init_leave (&schema, compiled);
    }
  return schema;
}

/* Checks the bytes are UTF-8 before libxml2 sees them, so a bad byte is
 * reported with its line and nothing else (UTF-16, Latin-1) is guessed. */
static gboolean
check_utf8 (ReadState  *state,
            const char *data,
            gsize       length)
{
  const char *bad = NULL;
  long line = 1;
  g_autofree char *message = NULL;

  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;

  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      line++;

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE) &&
      ((guchar) data[1] == 0xFF || (guchar) data[1] == 0xFE))
    message = g_strdup ("the file is UTF-16; plan files are UTF-8");
  else if (*bad == '\0' && bad < data + length)
    message = g_strdup ("the file holds a NUL byte: it is not a text file, "
                        "or it is not UTF-8 (UTF-16?)");
  else if (bad + 4 >= data + length &&
           g_utf8_get_char_validated (bad, data + length - bad) == (gunichar) -2)
    message = g_strdup ("the file ends in the middle of a character: it is truncated");
  else
    message = g_strdup_printf ("the file is not valid UTF-8 (byte 0x%02X)",
                               (guint) (guchar) *bad);
  set_state_error (state, QS_PLAN_XML_ERROR_MALFORMED, line, message);
  return FALSE;
}

static xmlDocPtr
parse (ReadState  *state,
       const char *data,
       gsize       length)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  /* Never NOENT (expand entities), DTDLOAD, DTDATTR or HUGE (which lifts
   * the depth and size limits). */
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                      XML_PARSE_IGNORE_ENC;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");
  ctxt->_private = state;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->externalSubset = external_subset_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->getEntity = get_entity_cb;
  ctxt->sax->getParameterEntity = get_entity_cb;
  ctxt->sax->resolveEntity = resolve_entity_cb;
  ctxt->sax->reference = reference_cb;

  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, "UTF-8", options);

  if (state->error == NULL && (doc == NULL || !ctxt->wellFormed))
    set_state_error (state, QS_PLAN_XML_ERROR_MALFORMED, parser_line (ctxt),
                     "the file is not well-formed XML");
  xmlFreeParserCtxt (ctxt);

  if (state->error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  return doc;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, QS_PLAN_XML_NS) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

/* Defence in depth: the SAX hooks already stop at a DOCTYPE, but make sure
 * no DTD or entity node made it into the tree. */
static gboolean
check_forbidden_nodes (ReadState *state,
                       xmlDocPtr  doc)
{
  xmlNode *node;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      set_state_error (state, QS_PLAN_XML_ERROR_FORBIDDEN, 0,
                       "A DOCTYPE declaration is not allowed in a plan file");
      return FALSE;
    }

  node = doc->children;
  while (node != NULL)
    {
      switch (node->type)
        {
        case XML_ELEMENT_NODE:
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;
        default:
          set_state_error (state, QS_PLAN_XML_ERROR_FORBIDDEN, xmlGetLineNo (node),
                           "An entity or DTD node is not allowed in a plan file");
          return FALSE;
        }
      /* Walk the tree without recursion (attributes hold only text). */
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent == (xmlNode *) doc ? NULL : node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  return TRUE;
}

static gboolean
check_root (ReadState *state,
            xmlDocPtr  doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree xmlChar *version = NULL;
  g_autofree char *message = NULL;

  if (root == NULL)
    {
      set_state_error (state, QS_PLAN_XML_ERROR_MALFORMED, 0, "the file holds no XML element");
      return FALSE;
    }
  if (!is_element (root, "plan"))
    {
      message = g_strdup_printf ("this is not a Qingshan plan: the document element is <%s>%s%s, "
                                 "expected <plan> in the namespace " QS_PLAN_XML_NS,
                                 (const char *) root->name,
                                 root->ns ? " in the namespace " : " in no namespace",
                                 root->ns ? (const char *) root->ns->href : "");
      set_state_error (state, QS_PLAN_XML_ERROR_INVALID, xmlGetLineNo (root), message);
      return FALSE;
    }
  version = xmlGetNoNsProp (root, (const xmlChar *) "version");
  if (version != NULL && strcmp ((const char *) version, QS_PLAN_XML_VERSION) != 0)
    {
      message = g_strdup_printf ("the plan is in format version “%s”; this Qingshan reads "
                                 "version " QS_PLAN_XML_VERSION " (a newer Qingshan may read it)",
                                 (const char *) version);
      set_state_error (state, QS_PLAN_XML_ERROR_INVALID, xmlGetLineNo (root), message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate (ReadState *state,
          xmlDocPtr  doc)
{
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  int rc;

  xmlRelaxNGSetValidStructuredErrors (vctxt, schema_error_cb, state);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (rc != 0)
    {
      set_state_error (state, QS_PLAN_XML_ERROR_INVALID, 0,
                       "the file does not follow the .qsplan schema");
      return FALSE;
    }
  return TRUE;
}

/* Building the model from a validated tree.  The schema has checked the
 * structure; the code below still checks what it relies on, so a gap
 * between schema and reader is an error message, never a crash. */

static gboolean G_GNUC_PRINTF (4, 5)
node_error (ReadState   *state,
            xmlNode     *node,
            int          code,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  set_state_error (state, code, node ? xmlGetLineNo (node) : 0, message);
  return FALSE;
}

static xmlNode *
first_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

static xmlNode *
next_element (xmlNode *node)
{
  return first_element (node->next);
}

static gboolean
unexpected (ReadState *state,
            xmlNode   *node)
{
  return node_error (state, node, QS_PLAN_XML_ERROR_INVALID,
                     "unexpected element <%s> inside <%s>", (const char *) node->name,
                     node->parent ? (const char *) node->parent->name : "");
}

/* The text of a text element: its character data with <control> elements
 * turned back into the characters they stand for. */
static char *
read_text (ReadState *state,
           xmlNode   *element)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            g_string_append (text, (const char *) child->content);
          break;
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;
        case XML_ELEMENT_NODE:
          if (is_element (child, "control"))
            {
              g_autofree xmlChar *code = xmlGetNoNsProp (child, (const xmlChar *) "code");
              guint64 value = 0;

              if (code == NULL ||
                  !g_ascii_string_to_unsigned ((const char *) code, 16, 1, 0xFFFF, &value, NULL) ||
                  !needs_control_element ((gunichar) value))
                {
                  node_error (state, child, QS_PLAN_XML_ERROR_INVALID,
                              "<control code=\"%s\"> does not name a control character",
                              code ? (const char *) code : "");
                  return NULL;
                }
              g_string_append_unichar (text, (gunichar) value);
              break;
            }
          unexpected (state, child);
          return NULL;
        default:
          node_error (state, child, QS_PLAN_XML_ERROR_FORBIDDEN,
                      "an entity or DTD node is not allowed in a plan file");
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Reads attribute @name as a number in [0, @max]; absent reads as 0. */
static gboolean
read_number_attr (ReadState  *state,
                  xmlNode    *node,
                  const char *name,
                  gboolean    required,
                  guint64     max,
                  int        *out)
{
  g_autofree xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  g_autoptr(GError) local_error = NULL;
  guint64 number = 0;

  if (value == NULL)
    {
      *out = 0;
      if (!required)
        return TRUE;
      return node_error (state, node, QS_PLAN_XML_ERROR_INVALID,
                         "<%s> lacks the attribute %s", (const char *) node->name, name);
    }
  if (!g_ascii_string_to_unsigned ((const char *) value, 10, 0, max, &number, &local_error))
    return node_error (state, node, QS_PLAN_XML_ERROR_INVALID,
                       "<%s %s=\"%s\">: %s", (const char *) node->name, name,
                       (const char *) value, local_error->message);
  *out = (int) number;
  return TRUE;
}

static gboolean
read_columns (ReadState  *state,
              xmlNode    *columns_node,
              GListStore *columns)
{
  for (xmlNode *node = first_element (columns_node->children); node; node = next_element (node))
    {
      g_autofree xmlChar *role_name = NULL;
      g_autofree char *header = NULL;
      g_autoptr(QsTableColumn) column = NULL;
      QsColumnRole role;

      if (!is_element (node, "column"))
        return unexpected (state, node);
      role_name = xmlGetNoNsProp (node, (const xmlChar *) "role");
      if (!qs_column_role_from_string ((const char *) role_name, &role))
        return node_error (state, node, QS_PLAN_XML_ERROR_INVALID,
                           "unknown column role “%s”", role_name ? (const char *) role_name : "");
      if ((header = read_text (state, node)) == NULL)
        return FALSE;
      column = qs_table_column_new (header, role);
      g_list_store_append (columns, column);
    }
  return TRUE;
}

static gboolean
read_notes (ReadState *state,
            xmlNode   *notes_node,
            GObject   *table)
{
  for (xmlNode *node = first_element (notes_node->children); node; node = next_element (node))
    {
      g_autofree char *note = NULL;

      if (!is_element (node, "note"))
        return unexpected (state, node);
      if ((note = read_text (state, node)) == NULL)
        return FALSE;
      if (QS_IS_INDICATOR_TABLE (table))
        qs_indicator_table_add_note (QS_INDICATOR_TABLE (table), note);
      else
        qs_task_table_add_note (QS_TASK_TABLE (table), note);
    }
  return TRUE;
}

/* Reads <label> and <caption>; moves *cursor to the element after them. */
static gboolean
read_label_caption (ReadState  *state,
                    xmlNode    *table_node,
                    xmlNode   **cursor,
                    char      **label,
                    char      **caption)
{
  xmlNode *node = *cursor;

  if (is_element (node, "label"))
    {
      if ((*label = read_text (state, node)) == NULL)
        return FALSE;
      node = next_element (node);
    }
  if (!is_element (node, "caption"))
    return node_error (state, node ? node : table_node, QS_PLAN_XML_ERROR_INVALID,
                       "a table lacks its <caption>");
  if ((*caption = read_text (state, node)) == NULL)
    return FALSE;
  *cursor = next_element (node);
  return TRUE;
}

static gboolean
read_indicator_row (ReadState      *state,
                    xmlNode        *row_node,
                    QsIndicatorRow *row)
{
  static const char * const fields[] = {
    "category", "number", "name", "indicator", "unit", "attribute", "parent", "indicator-id",
  };

  for (xmlNode *node = first_element (row_node->children); node; node = next_element (node))
    {
      g_autofree char *text = NULL;
      guint field;

      for (field = 0; field < G_N_ELEMENTS (fields); field++)
        if (is_element (node, fields[field]))
          break;
      if (field == G_N_ELEMENTS (fields) && !is_element (node, "cell"))
        return unexpected (state, node);
      if ((text = read_text (state, node)) == NULL)
        return FALSE;

      switch (field)
        {
        case 0: qs_indicator_row_set_category (row, text); break;
        case 1: qs_indicator_row_set_number (row, text); break;
        case 2: qs_indicator_row_set_name (row, text); break;
        case 3: qs_indicator_row_set_indicator (row, text); break;
        case 4: qs_indicator_row_set_unit (row, text); break;
        case 5: qs_indicator_row_set_attribute (row, text); break;
        case 6: qs_indicator_row_set_parent (row, text); break;
        case 7: qs_indicator_row_set_indicator_id (row, text); break;
        default:
          qs_indicator_row_insert_cell (row, qs_indicator_row_get_n_cells (row), text);
          break;
        }
    }
  return TRUE;
}

static gboolean
read_indicator_table (ReadState         *state,
                      xmlNode           *table_node,
                      QsIndicatorTable **out)
{
  g_autoptr(QsIndicatorTable) table = qs_indicator_table_new ();
  g_autofree char *label = NULL;
  g_autofree char *caption = NULL;
  xmlNode *node = first_element (table_node->children);

  if (!read_label_caption (state, table_node, &node, &label, &caption))
    return FALSE;
  qs_indicator_table_set_label (table, label);
  qs_indicator_table_set_caption (table, caption);

  for (; node != NULL; node = next_element (node))
    {
      if (is_element (node, "columns"))
        {
          if (!read_columns (state, node, qs_indicator_table_get_columns (table)))
            return FALSE;
        }
      else if (is_element (node, "rows"))
        {
          for (xmlNode *r = first_element (node->children); r; r = next_element (r))
            {
              g_autoptr(QsIndicatorRow) row = qs_indicator_row_new ();

              if (!is_element (r, "row"))
                return unexpected (state, r);
              if (!read_indicator_row (state, r, row))
                return FALSE;
              g_list_store_append (qs_indicator_table_get_rows (table), row);
            }
        }
      else if (is_element (node, "notes"))
        {
          if (!read_notes (state, node, G_OBJECT (table)))
            return FALSE;
        }
      else
        return unexpected (state, node);
    }
  *out = g_steal_pointer (&table);
  return TRUE;
}

static gboolean
read_task_table (ReadState    *state,
                 xmlNode      *table_node,
                 QsTaskTable **out)
{
  g_autoptr(QsTaskTable) table = qs_task_table_new ();
  g_autofree char *label = NULL;
  g_autofree char *caption = NULL;
  xmlNode *node = first_element (table_node->children);

  if (!read_label_caption (state, table_node, &node, &label, &caption))
    return FALSE;
  qs_task_table_set_label (table, label);
  qs_task_table_set_caption (table, caption);

  for (; node != NULL; node = next_element (node))
    {
      if (is_element (node, "columns"))
        {
          if (!read_columns (state, node, qs_task_table_get_columns (table)))
            return FALSE;
        }
      else if (is_element (node, "rows"))
        {
          for (xmlNode *r = first_element (node->children); r; r = next_element (r))
            {
              g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(QsTaskRow) row = NULL;

              if (!is_element (r, "row"))
                return unexpected (state, r);
              for (xmlNode *c = first_element (r->children); c; c = next_element (c))
                {
                  char *text;

                  if (!is_element (c, "cell"))
                    return unexpected (state, c);
                  if ((text = read_text (state, c)) == NULL)
                    return FALSE;
                  g_ptr_array_add (cells, text);
                }
              g_ptr_array_add (cells, NULL);
              row = qs_task_row_new ((const char * const *) cells->pdata);
              g_list_store_append (qs_task_table_get_rows (table), row);
            }
        }
      else if (is_element (node, "items"))
        {
          for (xmlNode *i = first_element (node->children); i; i = next_element (i))
            {
              g_autofree xmlChar *kind = NULL;
              g_autofree char *text = NULL;
              g_autoptr(QsTaskItem) item = NULL;
              QsTaskItemKind item_kind;

              if (!is_element (i, "item"))
                return unexpected (state, i);
              kind = xmlGetNoNsProp (i, (const xmlChar *) "kind");
              if (g_strcmp0 ((const char *) kind, "item") == 0)
                item_kind = QS_TASK_ITEM_ITEM;
              else if (g_strcmp0 ((const char *) kind, "heading") == 0)
                item_kind = QS_TASK_ITEM_HEADING;
              else
                return node_error (state, i, QS_PLAN_XML_ERROR_INVALID,
                                   "unknown item kind “%s”", kind ? (const char *) kind : "");
              if ((text = read_text (state, i)) == NULL)
                return FALSE;
              item = qs_task_item_new (item_kind, text);
              g_list_store_append (qs_task_table_get_items (table), item);
            }
        }
      else if (is_element (node, "notes"))
        {
          if (!read_notes (state, node, G_OBJECT (table)))
            return FALSE;
        }
      else
        return unexpected (state, node);
    }
  *out = g_steal_pointer (&table);
  return TRUE;
}

static gboolean
read_paragraph (ReadState    *state,
                xmlNode      *node,
                QsParagraph **out)
{
  g_autofree xmlChar *kind = xmlGetNoNsProp (node, (const xmlChar *) "kind");
  g_autofree char *text = NULL;
  QsParagraphKind paragraph_kind;

  if (g_strcmp0 ((const char *) kind, "body") == 0)
    paragraph_kind = QS_PARAGRAPH_BODY;
  else if (g_strcmp0 ((const char *) kind, "note") == 0)
    paragraph_kind = QS_PARAGRAPH_NOTE;
  else
    return node_error (state, node, QS_PLAN_XML_ERROR_INVALID,
                       "unknown paragraph kind “%s”", kind ? (const char *) kind : "");
  if ((text = read_text (state, node)) == NULL)
    return FALSE;
  *out = qs_paragraph_new (paragraph_kind, text);
  return TRUE;
}

static gboolean
read_section (ReadState  *state,
              xmlNode    *section_node,
              QsSection **out)
{
  g_autoptr(QsSection) section = NULL;
  g_autofree xmlChar *kind_name = xmlGetNoNsProp (section_node, (const xmlChar *) "kind");
  g_autofree char *title = NULL;
  QsSectionKind kind;
  int number = 0;
  xmlNode *node = first_element (section_node->children);

  if (!qs_section_kind_from_string ((const char *) kind_name, &kind))
    return node_error (state, section_node, QS_PLAN_XML_ERROR_INVALID,
                       "unknown section kind “%s”", kind_name ? (const char *) kind_name : "");
  if (!read_number_attr (state, section_node, "number", FALSE, G_MAXINT, &number))
    return FALSE;

  section = qs_section_new (kind, number, NULL);
  if (is_element (node, "label"))
    {
      g_autofree char *label = read_text (state, node);

      if (label == NULL)
        return FALSE;
      qs_section_set_label (section, label);
      node = next_element (node);
    }
  if (!is_element (node, "title"))
    return node_error (state, node ? node : section_node, QS_PLAN_XML_ERROR_INVALID,
                       "a section lacks its <title>");
  if ((title = read_text (state, node)) == NULL)
    return FALSE;
  qs_section_set_title (section, title);

  for (node = next_element (node); node != NULL; node = next_element (node))
    {
      g_autoptr(GObject) block = NULL;

      if (is_element (node, "section"))
        {
          g_autoptr(QsSection) child = NULL;

          if (!read_section (state, node, &child))
            return FALSE;
          g_list_store_append (qs_section_get_children (section), child);
          continue;
        }
      if (g_list_model_get_n_items (G_LIST_MODEL (qs_section_get_children (section))) > 0)
        return node_error (state, node, QS_PLAN_XML_ERROR_INVALID,
                           "<%s> after a child section: blocks come before child sections",
                           (const char *) node->name);

      if (is_element (node, "paragraph"))
        {
          if (!read_paragraph (state, node, (QsParagraph **) &block))
            return FALSE;
        }
      else if (is_element (node, "indicator-table"))
        {
          if (!read_indicator_table (state, node, (QsIndicatorTable **) &block))
            return FALSE;
        }
      else if (is_element (node, "task-table"))
        {
          if (!read_task_table (state, node, (QsTaskTable **) &block))
            return FALSE;
        }
      else
        return unexpected (state, node);
      g_list_store_append (qs_section_get_blocks (section), block);
    }
  *out = g_steal_pointer (&section);
  return TRUE;
}

static gboolean
read_sections (ReadState  *state,
               xmlNode    *list_node,
               GListStore *sections)
{
  for (xmlNode *node = first_element (list_node->children); node; node = next_element (node))
    {
      g_autoptr(QsSection) section = NULL;

      if (!is_element (node, "section"))
        return unexpected (state, node);
      if (!read_section (state, node, &section))
        return FALSE;
      g_list_store_append (sections, section);
    }
  return TRUE;
}

static gboolean
read_glossary (ReadState  *state,
               xmlNode    *glossary_node,
               GListStore *glossary)
{
  for (xmlNode *e = first_element (glossary_node->children); e; e = next_element (e))
    {
      xmlNode *term_node = first_element (e->children);
      xmlNode *definition_node = term_node ? next_element (term_node) : NULL;
      g_autofree char *term = NULL;
      g_autofree char *definition = NULL;
      g_autoptr(QsGlossaryEntry) entry = NULL;

      if (!is_element (e, "entry"))
        return unexpected (state, e);
      if (!is_element (term_node, "term") || !is_element (definition_node, "definition"))
        return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                           "a glossary <entry> needs a <term> and a <definition>");
      if ((term = read_text (state, term_node)) == NULL ||
          (definition = read_text (state, definition_node)) == NULL)
        return FALSE;
      entry = qs_glossary_entry_new (term, definition);
      g_list_store_append (glossary, entry);
    }
  return TRUE;
}

static gboolean
read_year_values (ReadState  *state,
                  xmlNode    *list_node,
                  GListStore *year_values)
{
  for (xmlNode *e = first_element (list_node->children); e; e = next_element (e))
    {
      g_autofree xmlChar *kind_name = NULL;
      g_autofree xmlChar *source_name = NULL;
      g_autofree xmlChar *accepted = NULL;
      g_autofree char *indicator_id = NULL;
      g_autofree char *indicator = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *text = NULL;
      g_autofree char *source_text = NULL;
      g_autoptr(QsYearValue) yv = NULL;
      QsYearValueKind kind;
      QsYearValueSource source;
      int year, base_year;

      if (!is_element (e, "value"))
        return unexpected (state, e);
      kind_name = xmlGetNoNsProp (e, (const xmlChar *) "kind");
      source_name = xmlGetNoNsProp (e, (const xmlChar *) "source");
      accepted = xmlGetNoNsProp (e, (const xmlChar *) "accepted");
      if (!qs_year_value_kind_from_string ((const char *) kind_name, &kind))
        return node_error (state, e, QS_PLAN_XML_ERROR_INVALID, "unknown yearly value kind “%s”",
                           kind_name ? (const char *) kind_name : "");
      if (!qs_year_value_source_from_string ((const char *) source_name, &source))
        return node_error (state, e, QS_PLAN_XML_ERROR_INVALID, "unknown yearly value source “%s”",
                           source_name ? (const char *) source_name : "");
      if (!read_number_attr (state, e, "year", TRUE, MAX_YEAR, &year) ||
          !read_number_attr (state, e, "base-year", FALSE, MAX_YEAR, &base_year))
        return FALSE;

      for (xmlNode *c = first_element (e->children); c; c = next_element (c))
        {
          char **slot;

          if (is_element (c, "indicator-id"))
            slot = &indicator_id;
          else if (is_element (c, "indicator"))
            slot = &indicator;
          else if (is_element (c, "unit"))
            slot = &unit;
          else if (is_element (c, "text"))
            slot = &text;
          else if (is_element (c, "source-text"))
            slot = &source_text;
          else
            return unexpected (state, c);
          g_free (*slot);
          if ((*slot = read_text (state, c)) == NULL)
            return FALSE;
        }
      if (indicator == NULL || text == NULL)
        return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                           "a yearly <value> needs an <indicator> and a <text>");

      yv = qs_year_value_new (indicator, year, text, kind, source);
      qs_year_value_set_indicator_id (yv, indicator_id);
      qs_year_value_set_unit (yv, unit);
      qs_year_value_set_base_year (yv, base_year);
      qs_year_value_set_source_text (yv, source_text);
      qs_year_value_set_accepted (yv, g_strcmp0 ((const char *) accepted, "true") == 0);
      g_list_store_append (year_values, yv);
    }
  return TRUE;
}

static gboolean read_text_slot (ReadState  *state,
                                xmlNode    *node,
                                char      **slot);

static gboolean
read_review_notes (ReadState  *state,
                   xmlNode    *list_node,
                   GListStore *notes)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (xmlNode *e = first_element (list_node->children); e; e = next_element (e))
    {
      g_autofree xmlChar *resolved = NULL;
      g_autofree xmlChar *table_attr = NULL;
      g_autofree char *author = NULL;
      g_autofree char *created = NULL;
      g_autofree char *caption = NULL;
      g_autofree char *column = NULL;
      g_autofree char *section = NULL;
      g_autofree char *text = NULL;
      g_autoptr(QsReviewNote) note = NULL;
      int id, table, row;

      if (!is_element (e, "note"))
        return unexpected (state, e);
      if (!read_number_attr (state, e, "id", TRUE, G_MAXINT, &id) ||
          !read_number_attr (state, e, "table", FALSE, G_MAXINT, &table) ||
          !read_number_attr (state, e, "row", FALSE, G_MAXINT, &row))
        return FALSE;
      if (id == 0 || g_hash_table_contains (ids, GINT_TO_POINTER (id)))
        return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                           "review note id %d is zero or used twice", id);
      g_hash_table_add (ids, GINT_TO_POINTER (id));
      resolved = xmlGetNoNsProp (e, (const xmlChar *) "resolved");
      table_attr = xmlGetNoNsProp (e, (const xmlChar *) "table");

      for (xmlNode *c = first_element (e->children); c; c = next_element (c))
        {
          char **slot;

          if (is_element (c, "author"))
            slot = &author;
          else if (is_element (c, "created"))
            slot = &created;
          else if (is_element (c, "caption"))
            slot = &caption;
          else if (is_element (c, "column"))
            slot = &column;
          else if (is_element (c, "section"))
            slot = &section;
          else if (is_element (c, "text"))
            slot = &text;
          else
            return unexpected (state, c);
          if (!read_text_slot (state, c, slot))
            return FALSE;
        }
      if (author == NULL || created == NULL || text == NULL)
        return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                           "a review <note> needs an <author>, a <created> and a <text>");
      if ((table_attr != NULL) == (section != NULL))
        return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                           "a review <note> points at a table (table=\"N\") or a <section>, "
                           "exactly one of them");

      note = qs_review_note_new (text);
      qs_review_note_set_id (note, (guint) id);
      qs_review_note_set_author (note, author);
      qs_review_note_set_created (note, created);
      qs_review_note_set_resolved (note, g_strcmp0 ((const char *) resolved, "true") == 0);
      if (section != NULL)
        qs_review_note_set_section_target (note, section);
      else
        {
          g_autofree xmlChar *row_attr = xmlGetNoNsProp (e, (const xmlChar *) "row");

          qs_review_note_set_table_target (note, table, caption, row_attr ? row : -1, column);
        }
      g_list_store_append (notes, note);
    }
  return TRUE;
}

/* Reads the text of a child element into *@slot, refusing a second one. */
static gboolean
read_text_slot (ReadState  *state,
                xmlNode    *node,
                char      **slot)
{
  if (*slot != NULL)
    return node_error (state, node, QS_PLAN_XML_ERROR_INVALID,
                       "<%s> appears twice inside <%s>", (const char *) node->name,
                       (const char *) node->parent->name);
  return (*slot = read_text (state, node)) != NULL;
}

static gboolean
read_requirement_group (ReadState  *state,
                        xmlNode    *e,
                        GHashTable *groups)
{
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) districts = NULL;
  QsDistrictGroup *group;
  int number;

  if (!read_number_attr (state, e, "id", TRUE, G_MAXINT, &number))
    return FALSE;
  if (number == 0)
    return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                       "a district <group> is numbered from 1, not 0");
  if (g_hash_table_contains (groups, GINT_TO_POINTER (number)))
    return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                       "two district groups have the id %d", number);
  for (xmlNode *c = first_element (e->children); c; c = next_element (c))
    {
      gboolean ok;

      if (is_element (c, "key"))
        ok = read_text_slot (state, c, &key);
      else if (is_element (c, "name"))
        ok = read_text_slot (state, c, &name);
      else if (is_element (c, "source"))
        ok = read_text_slot (state, c, &source);
      else if (is_element (c, "district"))
        {
          g_autofree char *district = read_text (state, c);

          if ((ok = district != NULL))
            g_strv_builder_add (builder, district);
        }
      else
        ok = unexpected (state, c);
      if (!ok)
        return FALSE;
    }
  if (key == NULL || *key == '\0' || name == NULL)
    return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                       "a district <group> needs a non-empty <key> and a <name>");
  districts = g_strv_builder_end (builder);
  group = qs_district_group_new (key, name, (const char * const *) districts);
  qs_district_group_set_source (group, source);
  g_hash_table_insert (groups, GINT_TO_POINTER (number), group);
  return TRUE;
}

static gboolean
read_requirement (ReadState  *state,
                  xmlNode    *e,
                  GHashTable *groups,
                  GListStore *requirements)
{
  g_autofree xmlChar *kind_name = xmlGetNoNsProp (e, (const xmlChar *) "kind");
  g_autofree char *id = NULL;
  g_autofree char *indicator_id = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *base_value = NULL;
  g_autofree char *source = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) districts = NULL;
  g_autoptr(QsRequirement) r = NULL;
  QsDistrictGroup *group = NULL;
  QsRequirementKind kind;
  int group_number, base_year, year;

  if (!qs_requirement_kind_from_string ((const char *) kind_name, &kind))
    return node_error (state, e, QS_PLAN_XML_ERROR_INVALID, "unknown requirement kind “%s”",
                       kind_name ? (const char *) kind_name : "");
  if (!read_number_attr (state, e, "group", FALSE, G_MAXINT, &group_number) ||
      !read_number_attr (state, e, "base-year", FALSE, MAX_YEAR, &base_year) ||
      !read_number_attr (state, e, "year", FALSE, MAX_YEAR, &year))
    return FALSE;
  if (group_number != 0 &&
      (group = g_hash_table_lookup (groups, GINT_TO_POINTER (group_number))) == NULL)
    return node_error (state, e, QS_PLAN_XML_ERROR_INVALID,
                       "the requirement refers to district group %d, which is not defined before it",
                       group_number);

  for (xmlNode *c = first_element (e->children); c; c = next_element (c))
    {
      gboolean ok;

      if (is_element (c, "id"))
        ok = read_text_slot (state, c, &id);
      else if (is_element (c, "indicator-id"))
        ok = read_text_slot (state, c, &indicator_id);
      else if (is_element (c, "figure"))
        ok = read_text_slot (state, c, &figure);
      else if (is_element (c, "unit"))
        ok = read_text_slot (state, c, &unit);
      else if (is_element (c, "base-value"))
        ok = read_text_slot (state, c, &base_value);
      else if (is_element (c, "source"))
        ok = read_text_slot (state, c, &source);
      else if (is_element (c, "note"))
        ok = read_text_slot (state, c, &note);
      else if (is_element (c, "district"))
        {
          g_autofree char *district = read_text (state, c);

          if ((ok = district != NULL))
            g_strv_builder_add (builder, district);
        }
      else
        ok = unexpected (state, c);
      if (!ok)
        return FALSE;
    }

  districts = g_strv_builder_end (builder);
  r = qs_requirement_new (indicator_id, kind, figure);
  qs_requirement_set_id (r, id);
  qs_requirement_set_districts (r, (const char * const *) districts);
  qs_requirement_set_group (r, group);
  qs_requirement_set_unit (r, unit);
  qs_requirement_set_base_year (r, base_year);
  qs_requirement_set_base_value (r, base_value);
  qs_requirement_set_year (r, year);
  qs_requirement_set_source (r, source);
  qs_requirement_set_note (r, note);
  g_list_store_append (requirements, r);
  return TRUE;
}

static gboolean
read_requirements (ReadState  *state,
                   xmlNode    *list_node,
                   GListStore *requirements)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  for (xmlNode *e = first_element (list_node->children); e; e = next_element (e))
    {
      gboolean ok;

      if (is_element (e, "group"))
        ok = read_requirement_group (state, e, groups);
      else if (is_element (e, "requirement"))
        ok = read_requirement (state, e, groups, requirements);
      else
        ok = unexpected (state, e);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static QsPlan *
build_plan (ReadState *state,
            xmlNode   *root)
{
  g_autoptr(QsPlan) plan = qs_plan_new ();
  g_autofree xmlChar *level_name = xmlGetNoNsProp (root, (const xmlChar *) "level");
  QsPlanLevel level;
  int start_year, end_year, vision_year;

  if (!qs_plan_level_from_string ((const char *) level_name, &level))
    {
      node_error (state, root, QS_PLAN_XML_ERROR_INVALID, "unknown plan level “%s”",
                  level_name ? (const char *) level_name : "");
      return NULL;
    }
  if (!read_number_attr (state, root, "start-year", TRUE, MAX_YEAR, &start_year) ||
      !read_number_attr (state, root, "end-year", TRUE, MAX_YEAR, &end_year) ||
      !read_number_attr (state, root, "vision-year", FALSE, MAX_YEAR, &vision_year))
    return NULL;
  qs_plan_set_level (plan, level);
  qs_plan_set_period (plan, start_year, end_year);
  qs_plan_set_vision_year (plan, vision_year);

  for (xmlNode *node = first_element (root->children); node; node = next_element (node))
    {
      gboolean ok = TRUE;

      if (is_element (node, "title") || is_element (node, "region") ||
          is_element (node, "parent-plan"))
        {
          g_autofree char *text = read_text (state, node);

          if (text == NULL)
            return NULL;
          if (is_element (node, "title"))
            qs_plan_set_title (plan, text);
          else if (is_element (node, "region"))
            qs_plan_set_region (plan, text);
          else
            qs_plan_set_parent_plan (plan, text);
        }
      else if (is_element (node, "front-matter"))
        ok = read_sections (state, node, qs_plan_get_front_matter (plan));
      else if (is_element (node, "chapters"))
        ok = read_sections (state, node, qs_plan_get_chapters (plan));
      else if (is_element (node, "back-matter"))
        ok = read_sections (state, node, qs_plan_get_back_matter (plan));
      else if (is_element (node, "glossary"))
        ok = read_glossary (state, node, qs_plan_get_glossary (plan));
      else if (is_element (node, "year-values"))
        ok = read_year_values (state, node, qs_plan_get_year_values (plan));
      else if (is_element (node, "requirements"))
        ok = read_requirements (state, node, qs_plan_get_requirements (plan));
      else if (is_element (node, "review-notes"))
        ok = read_review_notes (state, node, qs_plan_get_review_notes (plan));
      else
        ok = unexpected (state, node);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&plan);
}

/**
 * qs_plan_xml_read_data:
 * @data: the bytes of a .qsplan document (need not be NUL-terminated)
 * @length: their number
 * @name_for_errors: (nullable): the file name to put in messages
 *
 * Parses, checks and validates a .qsplan document.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 *   (%QS_PLAN_XML_ERROR_TOO_LARGE, _MALFORMED, _FORBIDDEN or _INVALID);
 *   the message names the file and, where there is one, the line.
 */
QsPlan *
qs_plan_xml_read_data (const char  *data,
                       gsize        length,
                       const char  *name_for_errors,
                       GError     **error)
{
  ReadState state = { name_for_errors ? name_for_errors : "<input>", NULL };
  xmlDocPtr doc = NULL;
  QsPlan *plan = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > QS_PLAN_XML_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (QS_PLAN_XML_MAX_SIZE);
      g_autofree char *message =
        g_strdup_printf ("the file is %s; plan files larger than %s are refused", size, max);

      set_state_error (&state, QS_PLAN_XML_ERROR_TOO_LARGE, 0, message);
      g_propagate_error (error, state.error);
      return NULL;
    }
  if (length == 0)
    {
      set_state_error (&state, QS_PLAN_XML_ERROR_MALFORMED, 0, "the file is empty");
      g_propagate_error (error, state.error);
      return NULL;
    }

  if (check_utf8 (&state, data, length) &&
      (doc = parse (&state, data, length)) != NULL &&
      check_forbidden_nodes (&state, doc) &&
      check_root (&state, doc) &&
      validate (&state, doc))
    plan = build_plan (&state, xmlDocGetRootElement (doc));

  g_clear_pointer (&doc, xmlFreeDoc);
  if (plan == NULL)
    {
      g_assert (state.error != NULL);
      g_propagate_error (error, state.error);
      return NULL;
    }
  g_assert (state.error == NULL);
  return plan;
}

/* Reads at most QS_PLAN_XML_MAX_SIZE + 1 bytes of a regular file, so a
 * huge file, a device or a FIFO cannot make the reader hog memory. */
static char *
load_file (const char  *path,
           const char  *display,
           gsize       *length,
           GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize capacity;
  gsize used = 0;
  int saved_errno;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_IO,
                   "Could not open %s: %s", display, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_IO,
                   "Could not read %s: it is not a regular file", display);
      close (fd);
      return NULL;
    }
  if (st.st_size > QS_PLAN_XML_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *max = g_format_size (QS_PLAN_XML_MAX_SIZE);

      g_set_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_TOO_LARGE,
                   "%s: the file is %s; plan files larger than %s are refused",
                   display, size, max);
      close (fd);
      return NULL;
    }

  /* One byte more than the size tells whether the file grew meanwhile. */
  capacity = (gsize) st.st_size + 1;
  data = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (used == capacity)
        {
          if (capacity > QS_PLAN_XML_MAX_SIZE)
            break;   /* qs_plan_xml_read_data() refuses it */
          capacity = MIN (capacity * 2, (gsize) QS_PLAN_XML_MAX_SIZE + 1);
          data = g_realloc (data, capacity);
        }
      n = read (fd, data + used, capacity - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          g_set_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_IO,
                       "Could not read %s: %s", display, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      used += n;
    }
  close (fd);
  *length = used;
  return g_steal_pointer (&data);
}

/**
 * qs_plan_xml_read_file:
 *
 * Reads a .qsplan file; see qs_plan_xml_read_data().  A file that cannot be
 * read gives %QS_PLAN_XML_ERROR_IO.
 */
QsPlan *
qs_plan_xml_read_file (const char  *path,
                       GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  data = load_file (path, display, &length, error);
  if (data == NULL)
    return NULL;
  return qs_plan_xml_read_data (data, length, display, error);
}
