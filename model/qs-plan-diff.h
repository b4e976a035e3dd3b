/* qs-plan-diff.h: what changed between two versions of a plan. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "qs-plan.h"

G_BEGIN_DECLS

/* One run of a text diff. */
typedef enum
{
  QS_DIFF_EQUAL,
  QS_DIFF_INSERT,
  QS_DIFF_DELETE,
} QsDiffRunKind;

typedef struct
{
  QsDiffRunKind  kind;
  char          *text;
} QsDiffRun;

void        qs_diff_run_free        (QsDiffRun  *run);
const char *qs_diff_run_kind_to_string (QsDiffRunKind kind);   /* "equal" "insert" "delete" */

/* Compares two texts sentence by sentence (a sentence ends after 。；！？
 * or a line break; the longest common subsequence of sentences is kept
 * equal).  Adjacent runs of one kind are merged; joining the equal and
 * delete runs gives @old_text, the equal and insert runs @new_text.
 * Element: QsDiffRun. */
GPtrArray  *qs_diff_text            (const char *old_text,
                                     const char *new_text);

typedef enum
{
  QS_PLAN_CHANGE_METADATA,           /* column: title | region | level | period | vision_year | parent_plan */
  QS_PLAN_CHANGE_SECTION_ADDED,
  QS_PLAN_CHANGE_SECTION_REMOVED,
  QS_PLAN_CHANGE_SECTION_RENAMED,    /* old_text → new_text: the heading */
  QS_PLAN_CHANGE_PARAGRAPH_ADDED,
  QS_PLAN_CHANGE_PARAGRAPH_REMOVED,
  QS_PLAN_CHANGE_PARAGRAPH_CHANGED,  /* runs */
  QS_PLAN_CHANGE_TABLE_ADDED,
  QS_PLAN_CHANGE_TABLE_REMOVED,
  QS_PLAN_CHANGE_TABLE_RENAMED,      /* the caption */
  QS_PLAN_CHANGE_COLUMN_ADDED,
  QS_PLAN_CHANGE_COLUMN_REMOVED,
  QS_PLAN_CHANGE_ROW_ADDED,
  QS_PLAN_CHANGE_ROW_REMOVED,
  QS_PLAN_CHANGE_CELL_CHANGED,
  QS_PLAN_CHANGE_TABLE_NOTES_CHANGED, /* the table's notes (注), one per line; runs */
  QS_PLAN_CHANGE_TASK_ITEMS_CHANGED,  /* a task table's items, one per line; runs */
  QS_PLAN_CHANGE_REVIEW_NOTE_ADDED,
  QS_PLAN_CHANGE_REVIEW_NOTE_REMOVED,
  QS_PLAN_CHANGE_REVIEW_NOTE_CHANGED, /* its text or resolved flag */
} QsPlanChangeKind;

/* One change.  The fields that do not apply are NULL / -1. */
typedef struct
{
  QsPlanChangeKind  kind;
  /* Where: the section's path of headings ("第二章 … > 第一节 …"); for
   * review notes, where the note points (qs_review_note_describe_target). */
  char             *section;
  /* Tables: the index among all the plan's tables (as review notes count
   * them: qs_review_note_collect_tables, from 0; in the new plan, in the
   * old one for what was removed) and the caption. */
  int               table_index;
  char             *table_caption;
  /* Rows: the index in the table's rows (new plan; old for removed rows)
   * and the row's name (the indicator, or a task row's first cell). */
  int               row_index;
  char             *row_name;
  /* Cells: the column's header as written; metadata: the field name. */
  char             *column;
  char             *old_text;
  char             *new_text;
  /* Paragraphs, table notes, task items: element QsDiffRun, or NULL. */
  GPtrArray        *runs;
  /* Review notes: the note's id (0 otherwise). */
  guint             note_id;
} QsPlanChange;

const char *qs_plan_change_kind_to_string (QsPlanChangeKind kind);  /* "cell-changed" … */

#define QS_TYPE_PLAN_DIFF (qs_plan_diff_get_type ())

G_DECLARE_FINAL_TYPE (QsPlanDiff, qs_plan_diff, QS, PLAN_DIFF, GObject)

/* Compares @old_plan with @new_plan.  Sections are matched level by level
 * by heading (in order; unmatched ones between two matches pair up as
 * renamed), blocks by paragraph text and table caption, indicator rows by
 * indicator_id, else by name (and parent), task rows by their first cell,
 * columns by name (header without white space), review notes by id. */
QsPlanDiff         *qs_plan_diff_new            (QsPlan     *old_plan,
                                                 QsPlan     *new_plan);
guint               qs_plan_diff_get_n_changes  (QsPlanDiff *self);
const QsPlanChange *qs_plan_diff_get_change     (QsPlanDiff *self,
                                                 guint       index);
gboolean            qs_plan_diff_is_empty       (QsPlanDiff *self);
/* For a terminal, in Chinese: one change per line (paragraphs with
 * [-删除-] and {+插入+} marks), "两个版本相同。" when nothing changed. */
char               *qs_plan_diff_to_text        (QsPlanDiff *self);
/* {"format": "qingshan-diff", "version": 1, "changes": [{"kind",
 *  "section", "table_index", "table_caption", "row_index", "row_name",
 *  "column", "old", "new", "runs": [{"kind", "text"}], "note_id"}]};
 * members that do not apply are null. */
JsonNode           *qs_plan_diff_to_json        (QsPlanDiff *self);
char               *qs_plan_diff_to_json_data   (QsPlanDiff *self,
                                                 gsize      *length);

G_END_DECLS
