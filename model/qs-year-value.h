/* qs-year-value.h: one value of an indicator in one year. */
#pragma once

#include <glib-object.h>
#include "qs-types.h"
#include "qs-value.h"

G_BEGIN_DECLS

/* What the figure means for its year. */
typedef enum
{
  QS_YEAR_VALUE_ACTUAL,       /* measured: 2020年现状值, a prose statement */
  QS_YEAR_VALUE_TARGET,       /* planned: 2025年目标值 */
  QS_YEAR_VALUE_BASELINE,     /* the base year of a plan: 2015年实际值 of a review table */
  QS_YEAR_VALUE_REQUIREMENT,  /* what the municipal plan requires of the district */
} QsYearValueKind;

/* Where the figure comes from. */
typedef enum
{
  QS_YEAR_VALUE_SOURCE_TABLE,  /* an indicator table of the plan */
  QS_YEAR_VALUE_SOURCE_PROSE,  /* a sentence of the plan (a suggestion until accepted) */
  QS_YEAR_VALUE_SOURCE_USER,   /* typed in by the user */
} QsYearValueSource;

#define QS_TYPE_YEAR_VALUE (qs_year_value_get_type ())

G_DECLARE_FINAL_TYPE (QsYearValue, qs_year_value, QS, YEAR_VALUE, GObject)

/* @text is the value as written ("88.3%", "≥88", "下降36.8%"); it is parsed
 * with qs_value_parse(). */
QsYearValue       *qs_year_value_new                (const char        *indicator,
                                                     int                year,
                                                     const char        *text,
                                                     QsYearValueKind    kind,
                                                     QsYearValueSource  source);
QsYearValue       *qs_year_value_copy               (QsYearValue       *self);
/* The catalog id, or NULL when the indicator is not linked. */
const char        *qs_year_value_get_indicator_id   (QsYearValue       *self);
void               qs_year_value_set_indicator_id   (QsYearValue       *self,
                                                     const char        *id);
/* The indicator's name as written. */
const char        *qs_year_value_get_indicator      (QsYearValue       *self);
void               qs_year_value_set_indicator      (QsYearValue       *self,
                                                     const char        *indicator);
const char        *qs_year_value_get_unit           (QsYearValue       *self);   /* or NULL */
void               qs_year_value_set_unit           (QsYearValue       *self,
                                                     const char        *unit);
int                qs_year_value_get_year           (QsYearValue       *self);
void               qs_year_value_set_year           (QsYearValue       *self,
                                                     int                year);
/* For a change statement (较2015年下降36.8%): the year compared with; else 0. */
int                qs_year_value_get_base_year      (QsYearValue       *self);
void               qs_year_value_set_base_year      (QsYearValue       *self,
                                                     int                year);
const char        *qs_year_value_get_text           (QsYearValue       *self);
void               qs_year_value_set_text           (QsYearValue       *self,
                                                     const char        *text);
const QsValue     *qs_year_value_get_value          (QsYearValue       *self);
QsYearValueKind    qs_year_value_get_kind           (QsYearValue       *self);
void               qs_year_value_set_kind           (QsYearValue       *self,
                                                     QsYearValueKind    kind);
QsYearValueSource  qs_year_value_get_source         (QsYearValue       *self);
void               qs_year_value_set_source         (QsYearValue       *self,
                                                     QsYearValueSource  source);
/* The sentence a prose value was read from, or NULL. */
const char        *qs_year_value_get_source_text    (QsYearValue       *self);
void               qs_year_value_set_source_text    (QsYearValue       *self,
                                                     const char        *text);
/* Prose suggestions start unaccepted; table and user values are accepted. */
gboolean           qs_year_value_get_accepted       (QsYearValue       *self);
void               qs_year_value_set_accepted       (QsYearValue       *self,
                                                     gboolean           accepted);

/* TRUE when the figure can be drawn (a number, bound or range). */
gboolean           qs_year_value_get_number         (QsYearValue       *self,
                                                     double            *number);

const char        *qs_year_value_kind_to_string     (QsYearValueKind    kind);    /* "actual" ... */
gboolean           qs_year_value_kind_from_string   (const char        *str,
                                                     QsYearValueKind   *kind);
const char        *qs_year_value_source_to_string   (QsYearValueSource  source);  /* "table" ... */
gboolean           qs_year_value_source_from_string (const char        *str,
                                                     QsYearValueSource *source);

G_END_DECLS
