/* qs-chart-private.h: drawing helpers the chart renderers share. */
#pragma once

#include "qs-chart.h"

G_BEGIN_DECLS

typedef struct
{
  cairo_t            *cr;
  double              width;
  double              height;
  const QsChartTheme *theme;
  QsChartTrace       *trace;     /* may be NULL */
  PangoContext       *context;
  PangoLayout        *layout;
  GArray             *placed;    /* of QsChartRect: every text drawn, to keep labels apart */
} QsChartCanvas;

typedef enum
{
  QS_CHART_SWATCH_LINE,          /* a line with a round point */
  QS_CHART_SWATCH_MARKER,        /* a target marker (hollow diamond) */
  QS_CHART_SWATCH_BAR,
  QS_CHART_SWATCH_DASHED,        /* the requirement line */
} QsChartSwatch;

typedef struct
{
  const char         *label;
  const QsChartColor *color;
  QsChartSwatch       swatch;
} QsChartLegendItem;

void        qs_chart_canvas_init      (QsChartCanvas      *canvas,
                                       cairo_t            *cr,
                                       double              width,
                                       double              height,
                                       const QsChartTheme *theme,
                                       QsChartTrace       *trace);
void        qs_chart_canvas_clear     (QsChartCanvas      *canvas);
void        qs_chart_set_color        (cairo_t            *cr,
                                       const QsChartColor *color,
                                       double              alpha);
/* Sets up the shared layout for @text; max_width <= 0: no wrapping. */
void        qs_chart_layout_text      (QsChartCanvas      *canvas,
                                       const char         *text,
                                       double              scale,
                                       gboolean            bold,
                                       double              max_width,
                                       int                 max_lines);
void        qs_chart_text_size        (QsChartCanvas      *canvas,
                                       const char         *text,
                                       double              scale,
                                       gboolean            bold,
                                       double             *width,
                                       double             *height);
/* Draws @text with its box's (xalign, yalign) corner at (x, y): 0 = left /
 * top, 0.5 = centre, 1 = right / bottom.  The box is recorded in the trace
 * and among the placed texts. */
QsChartRect qs_chart_draw_text        (QsChartCanvas      *canvas,
                                       const char         *text,
                                       double              x,
                                       double              y,
                                       double              xalign,
                                       double              yalign,
                                       double              scale,
                                       gboolean            bold,
                                       const QsChartColor *color,
                                       double              max_width,
                                       int                 max_lines,
                                       QsChartTextRole     role);
/* Draws a value label at the first of @n candidate anchors (x, y, xalign,
 * yalign quadruples) where it stays inside @bounds and clear of every text
 * placed so far; FALSE (and nothing drawn) when there is none. */
gboolean    qs_chart_place_label      (QsChartCanvas      *canvas,
                                       const char         *text,
                                       const double       *candidates,
                                       guint               n,
                                       const QsChartRect  *bounds,
                                       double              scale,
                                       const QsChartColor *color);
/* Keeps labels placed later off @rect (a bar, say). */
void        qs_chart_reserve          (QsChartCanvas      *canvas,
                                       const QsChartRect  *rect);
/* @text on one line: line breaks of table cells ("保持消除\n黑臭") joined. */
char       *qs_chart_one_line         (const char         *text);
void        qs_chart_add_point        (QsChartCanvas      *canvas,
                                       const char         *series,
                                       const char         *category,
                                       const char         *value_text,
                                       double              value,
                                       double              x,
                                       double              y,
                                       const QsChartRect  *box);
void        qs_chart_draw_background  (QsChartCanvas      *canvas);
/* Title and subtitle at the top; returns the y below them. */
double      qs_chart_draw_title       (QsChartCanvas      *canvas,
                                       const char         *title,
                                       const char         *subtitle);
/* Legend items flowing left to right from (x0, y), wrapping before x1;
 * returns the y below the legend. */
double      qs_chart_draw_legend      (QsChartCanvas           *canvas,
                                       const QsChartLegendItem *items,
                                       guint                    n_items,
                                       double                   x0,
                                       double                   x1,
                                       double                   y);
void        qs_chart_draw_marker      (cairo_t            *cr,
                                       QsChartSwatch       swatch,
                                       const QsChartColor *color,
                                       const QsChartColor *fill,
                                       double              x,
                                       double              y,
                                       double              size);
/* Notes under the plot, wrapped to the width; returns their height. */
double      qs_chart_notes_height     (QsChartCanvas      *canvas,
                                       const char         *notes,
                                       double              width);
void        qs_chart_draw_notes       (QsChartCanvas      *canvas,
                                       const char         *notes,
                                       double              x,
                                       double              y,
                                       double              width);
/* The widest label of the value ticks from @axis_min to @axis_max; their
 * height in @label_h. */
double      qs_chart_ticks_width      (QsChartCanvas      *canvas,
                                       double              axis_min,
                                       double              axis_max,
                                       double              step,
                                       double             *label_h);
/* Horizontal grid lines across @plot with the value ticks left of it; the
 * line at @axis_min in @base_color. */
void        qs_chart_draw_value_grid  (QsChartCanvas      *canvas,
                                       const QsChartRect  *plot,
                                       double              axis_min,
                                       double              axis_max,
                                       double              step,
                                       const QsChartColor *base_color);
/* The municipal requirement as a dashed line across @plot at @y, labelled
 * "@name @text@suffix" @inset in from either end, inside @bounds. */
void        qs_chart_draw_requirement (QsChartCanvas      *canvas,
                                       const QsChartRect  *plot,
                                       const QsChartRect  *bounds,
                                       double              y,
                                       const char         *name,
                                       const char         *text,
                                       const char         *suffix,
                                       double              inset);
/* The opening of a chart's description: "趋势图：指标（单位：…），n个地区。" */
void        qs_chart_describe_heading (GString            *s,
                                       const char         *kind,
                                       const char         *indicator,
                                       const char         *unit,
                                       guint               n_districts);
/* A value for reading: "88.3", "≥88 %". */
char       *qs_chart_format_number    (double              value);
/* The unit written after a number in a label: " %" → "%", others with a space. */
char       *qs_chart_unit_suffix      (const char         *unit);

G_END_DECLS
