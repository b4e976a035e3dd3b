/* qs-review-note.h: a reviewer's note (审阅意见) on a table row, cell or section. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "qs-plan.h"

G_BEGIN_DECLS

/* What a note points at. */
typedef enum
{
  QS_REVIEW_NOTE_TARGET_TABLE,    /* a table (indicator or task), a row of it, or one cell */
  QS_REVIEW_NOTE_TARGET_SECTION,  /* a section, by its path */
} QsReviewNoteTarget;

#define QS_TYPE_REVIEW_NOTE (qs_review_note_get_type ())

G_DECLARE_FINAL_TYPE (QsReviewNote, qs_review_note, QS, REVIEW_NOTE, GObject)

/* A table is named by its index among all the plan's tables (indicator
 * and task tables together, document order, from 0, as
 * qs_review_note_collect_tables() lists them) and a row by its index in
 * the table's rows (from 0; -1: the whole table); the caption is kept so
 * that a note still says what it meant after tables move.  The column is
 * a column's name (qs_table_column_get_name: the header without white
 * space), or NULL for the whole row.  A section path is the 1-based
 * positions of the section and its ancestors in the chapters, joined by
 * "/" ("3/2" is the second section of chapter 3).  Properties: id, author,
 * created, text, resolved. */
QsReviewNote       *qs_review_note_new                (const char    *text);
/* The id is unique within a plan (qs_review_note_list_next_id); 0: none yet. */
guint               qs_review_note_get_id             (QsReviewNote  *self);
void                qs_review_note_set_id             (QsReviewNote  *self,
                                                       guint          id);
const char         *qs_review_note_get_author         (QsReviewNote  *self);   /* "" when unknown */
void                qs_review_note_set_author         (QsReviewNote  *self,
                                                       const char    *author);
/* UTC, ISO 8601 ("2026-11-23T01:40:00Z"); new notes get the present time. */
const char         *qs_review_note_get_created        (QsReviewNote  *self);
void                qs_review_note_set_created        (QsReviewNote  *self,
                                                       const char    *created);
const char         *qs_review_note_get_text           (QsReviewNote  *self);
void                qs_review_note_set_text           (QsReviewNote  *self,
                                                       const char    *text);
gboolean            qs_review_note_get_resolved       (QsReviewNote  *self);
void                qs_review_note_set_resolved       (QsReviewNote  *self,
                                                       gboolean       resolved);

QsReviewNoteTarget  qs_review_note_get_target         (QsReviewNote  *self);
/* Points the note at table @table_index (≥ 0), row @row_index (≥ 0, or -1
 * for the whole table) and column @column (NULL: the whole row). */
void                qs_review_note_set_table_target   (QsReviewNote  *self,
                                                       int            table_index,
                                                       const char    *caption,
                                                       int            row_index,
                                                       const char    *column);
void                qs_review_note_set_section_target (QsReviewNote  *self,
                                                       const char    *section_path);
int                 qs_review_note_get_table_index    (QsReviewNote  *self);   /* -1 for a section */
const char         *qs_review_note_get_table_caption  (QsReviewNote  *self);   /* or NULL */
int                 qs_review_note_get_row_index      (QsReviewNote  *self);   /* -1: none */
const char         *qs_review_note_get_column         (QsReviewNote  *self);   /* or NULL */
const char         *qs_review_note_get_section_path   (QsReviewNote  *self);   /* or NULL */

/* Where the note points, for people: "第1张表（表1 …）第3行“2025年目标”列",
 * "第3章第2节". */
char               *qs_review_note_describe_target    (QsReviewNote  *self);

/* The JSON form ("review_notes" of the plan export): {"id", "author",
 * "created", "text", "resolved", "target": "table" | "section", "table",
 * "caption", "row", "column", "section"}; absent parts are null. */
JsonNode           *qs_review_note_to_json            (QsReviewNote  *self);
QsReviewNote       *qs_review_note_new_from_json      (JsonNode      *node,
                                                       GError       **error);

/* The present time as qs_review_note_get_created() gives it. */
char               *qs_review_note_timestamp_now      (void);

/* Helpers over a plan's notes (qs_plan_get_review_notes). */
guint               qs_review_note_list_next_id       (GListModel    *notes);
/* For writers: the id to store for each note, in list order: its own when
 * it is set and not taken by an earlier note, else a fresh one, so that a
 * file or workspace always holds unique ids ≥ 1.  Free with g_free(). */
guint              *qs_review_note_list_stored_ids    (GListModel    *notes);
/* Borrowed, or NULL. */
QsReviewNote       *qs_review_note_list_find          (GListModel    *notes,
                                                       guint          id);
/* The notes on row @row_index of table @table_index (the whole row or one
 * of its cells), in list order; element: QsReviewNote (ref'd). */
GPtrArray          *qs_review_note_list_for_row       (GListModel    *notes,
                                                       int            table_index,
                                                       int            row_index);

/* Every indicator and task table of @plan in document order, the list a
 * note's table index counts in; element: GObject (ref'd). */
GPtrArray          *qs_review_note_collect_tables     (QsPlan        *plan);

G_END_DECLS
