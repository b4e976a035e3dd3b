/* qs-display.h: the strings the interface shows for model values.
 *
 * Pure functions from model values to view strings, so that they can be
 * tested without a display.  Every string goes through gettext.
 */
#pragma once

#include <glib-object.h>

#include "qs-model.h"

G_BEGIN_DECLS

const char *qs_plan_level_display_name   (QsPlanLevel       level);   /* "District" / "区级" */
const char *qs_plan_level_group_title    (QsPlanLevel       level);   /* "District Plans" / "区级规划" */
char       *qs_plan_period_display_name  (int               start_year,
                                          int               end_year); /* "2021–2025" / "2021—2025年" */
char       *qs_plan_display_subtitle     (const char       *region,
                                          QsPlanLevel       level,
                                          int               start_year,
                                          int               end_year);
char       *qs_plan_dup_title_or_untitled (const char      *title);

char       *qs_section_dup_display_title (QsSection        *section);   /* "第一章 总体形势" */
char       *qs_table_dup_display_title   (const char       *label,
                                          const char       *caption);   /* caption, else label */
/* The title of an outline item: a QsSection, QsIndicatorTable or QsTaskTable. */
char       *qs_outline_item_dup_title    (GObject          *item);
const char *qs_outline_item_get_icon_name (GObject         *item);

/* A tooltip for one indicator cell: the text as written and its reading;
 * NULL for an empty cell. */
char       *qs_indicator_cell_dup_tooltip (QsIndicatorRow  *row,
                                           guint            column,
                                           QsColumnRole     role);
/* The CSS class that flags a cell's reading ("error" for unreadable text,
 * "warning" for a figure still to be assigned from above), or NULL. */
const char *qs_indicator_cell_style_class (const QsValue   *value);

/* Counts for the plan overview: chapters, indicator tables and their rows,
 * task tables, as one translated line each. */
char       *qs_plan_dup_statistics        (QsPlan          *plan);
/* A few lines describing a plan (title, region, level, period, counts),
 * shown before a plan file is added to the workspace. */
char       *qs_plan_dup_description       (QsPlan          *plan);

/* Width of @text in "narrow character" units: a CJK character counts two. */
guint       qs_text_display_width         (const char      *text);

G_END_DECLS
