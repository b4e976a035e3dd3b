/* qs-plan.h: a plan document, the root of the model. */
#pragma once

#include <gio/gio.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_PLAN (qs_plan_get_type ())

G_DECLARE_FINAL_TYPE (QsPlan, qs_plan, QS, PLAN, GObject)

QsPlan      *qs_plan_new               (void);

const char  *qs_plan_get_title         (QsPlan      *self);
void         qs_plan_set_title         (QsPlan      *self,
                                        const char  *title);
const char  *qs_plan_get_region        (QsPlan      *self);
void         qs_plan_set_region        (QsPlan      *self,
                                        const char  *region);
QsPlanLevel  qs_plan_get_level         (QsPlan      *self);
void         qs_plan_set_level         (QsPlan      *self,
                                        QsPlanLevel  level);
int          qs_plan_get_start_year    (QsPlan      *self);
int          qs_plan_get_end_year      (QsPlan      *self);
void         qs_plan_set_period        (QsPlan      *self,
                                        int          start_year,
                                        int          end_year);
char        *qs_plan_dup_period_string (QsPlan      *self);   /* "2021-2025" */
int          qs_plan_get_vision_year   (QsPlan      *self);   /* 0 when none */
void         qs_plan_set_vision_year   (QsPlan      *self,
                                        int          year);
/* The title of the (municipal) plan this plan answers to, or NULL. */
const char  *qs_plan_get_parent_plan   (QsPlan      *self);
void         qs_plan_set_parent_plan   (QsPlan      *self,
                                        const char  *title);

/* Ordered lists; each is a GListStore the caller may edit with the
 * GListStore API (insert, remove, splice). */
GListStore  *qs_plan_get_front_matter  (QsPlan      *self);   /* of QsSection (QS_SECTION_FRONT) */
GListStore  *qs_plan_get_chapters      (QsPlan      *self);   /* of QsSection (QS_SECTION_CHAPTER) */
GListStore  *qs_plan_get_back_matter   (QsPlan      *self);   /* of QsSection (QS_SECTION_BACK) */
GListStore  *qs_plan_get_glossary      (QsPlan      *self);   /* of QsGlossaryEntry */
GListStore  *qs_plan_get_year_values   (QsPlan      *self);   /* of QsYearValue (stored: prose, user) */
/* A municipal plan's requirements on its districts (of QsRequirement);
 * requirements on the same group share one QsDistrictGroup. */
GListStore  *qs_plan_get_requirements  (QsPlan      *self);
/* Reviewers' notes on the plan's tables and sections (of QsReviewNote,
 * qs-review-note.h); a note added without an id gets the next free one. */
GListStore  *qs_plan_get_review_notes  (QsPlan      *self);

/* Walks the whole tree (front matter, chapters and their descendants, back
 * matter) in document order and calls @func on every block (QsParagraph,
 * QsIndicatorTable, QsTaskTable) with the section that holds it. */
typedef void (*QsPlanBlockFunc) (QsSection *section,
                                 GObject   *block,
                                 gpointer   user_data);
void         qs_plan_foreach_block     (QsPlan         *self,
                                        QsPlanBlockFunc func,
                                        gpointer        user_data);
/* New lists of every indicator / task table in document order. */
GPtrArray   *qs_plan_collect_indicator_tables (QsPlan *self);  /* element: QsIndicatorTable (ref'd) */
GPtrArray   *qs_plan_collect_task_tables      (QsPlan *self);  /* element: QsTaskTable (ref'd) */
/* Yearly values from the indicator tables (baseline/target/actual columns
 * with a header year) followed by the stored ones; prose suggestions not
 * yet accepted only with @include_suggestions.  Element: QsYearValue. */
GPtrArray   *qs_plan_collect_year_values      (QsPlan   *self,
                                               gboolean  include_suggestions);

/* Deep structural equality (every field, every cell, every list), for
 * round-trip tests.  On difference, @where (if not NULL) says where. */
/* A canonical listing of every field, one per line (for tests and debugging). */
char        *qs_plan_dump              (QsPlan      *self);
gboolean     qs_plan_equal             (QsPlan      *a,
                                        QsPlan      *b,
                                        char       **where);

G_END_DECLS
