/* qs-chart.h: what the chart renderers share: themes, the trace of what was
 * drawn, nice tick values, text layout and file export.
 *
 * The renderers are cairo + pango only (no GTK): the app's chart pane,
 * printing and `qingshan-cli chart` all call the same render function. */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include "qs-model.h"
#include "qs-catalog.h"
#include "qs-year-value.h"

G_BEGIN_DECLS

#define QS_CHART_FONT_FAMILY "Noto Sans CJK SC"

typedef struct
{
  double red;
  double green;
  double blue;
} QsChartColor;

#define QS_CHART_N_SERIES_COLORS 7

/* Colours and font of a chart.  The series colours are the Okabe–Ito
 * palette, distinguishable with every common colour-vision deficiency. */
typedef struct
{
  QsChartColor background;
  QsChartColor text;
  QsChartColor muted;          /* axis labels, notes */
  QsChartColor grid;
  QsChartColor axis;
  QsChartColor baseline_bar;   /* compare: the baseline bars */
  QsChartColor requirement;    /* the municipal requirement line */
  QsChartColor band;           /* shading of the side a bound allows */
  QsChartColor status_ok;
  QsChartColor status_warning;
  QsChartColor status_error;
  QsChartColor status_none;
  QsChartColor series[QS_CHART_N_SERIES_COLORS];
  const char  *font_family;
  double       font_size;      /* body text in device units (px at 96 dpi, pt in PDF) */
} QsChartTheme;

const QsChartTheme *qs_chart_theme_light (void);
const QsChartTheme *qs_chart_theme_dark  (void);

/* The check status of a district's figure (the check engine decides it;
 * charts only colour by it). */
typedef enum
{
  QS_CHART_STATUS_NONE,      /* not checked */
  QS_CHART_STATUS_OK,        /* meets the requirement */
  QS_CHART_STATUS_WARNING,   /* cannot be told, or close */
  QS_CHART_STATUS_ERROR,     /* fails the requirement */
} QsChartStatus;

const char    *qs_chart_status_to_string   (QsChartStatus  status);  /* "none" "ok" "warning" "error" */
gboolean       qs_chart_status_from_string (const char    *str,
                                            QsChartStatus *status);

/* ---- the trace: what a render call drew, for tests and hit testing ---- */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} QsChartRect;

typedef enum
{
  QS_CHART_TEXT_TITLE,
  QS_CHART_TEXT_AXIS,        /* tick labels, unit */
  QS_CHART_TEXT_CATEGORY,    /* district / indicator names */
  QS_CHART_TEXT_LEGEND,
  QS_CHART_TEXT_VALUE,       /* a figure beside a point or bar */
  QS_CHART_TEXT_NOTE,        /* notes below the plot, empty-chart message */
} QsChartTextRole;

typedef struct
{
  char            *text;
  QsChartTextRole  role;
  QsChartRect      rect;     /* the ink-independent logical box, in device units */
} QsChartTextItem;

/* A data point (a marker, or the top of a bar with the bar as its box). */
typedef struct
{
  char        *series;       /* district, or "目标值", … */
  char        *category;     /* "2020", district, indicator */
  char        *value_text;   /* the figure exactly as written */
  double       value;
  double       x;
  double       y;
  QsChartRect  box;          /* where the pointer hits it */
} QsChartPoint;

typedef struct
{
  GPtrArray   *texts;        /* of QsChartTextItem */
  GPtrArray   *points;       /* of QsChartPoint */
  QsChartRect  plot;         /* the plot area */
} QsChartTrace;

QsChartTrace *qs_chart_trace_new       (void);
void          qs_chart_trace_free      (QsChartTrace *trace);
QsChartPoint *qs_chart_point_copy      (const QsChartPoint *point);
void          qs_chart_point_free      (QsChartPoint *point);
/* TRUE when two rectangles overlap by more than @slack device units. */
gboolean      qs_chart_rect_overlaps   (const QsChartRect *a,
                                        const QsChartRect *b,
                                        double             slack);
/* The point under (x, y): inside its box, or nearest within @radius. */
QsChartPoint *qs_chart_trace_hit       (QsChartTrace *trace,
                                        double        x,
                                        double        y,
                                        double        radius);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsChartTrace, qs_chart_trace_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsChartPoint, qs_chart_point_free)

/* ---- nice ticks ---------------------------------------------------------- */

/* Tick values for [min, max] at steps of 1, 2 or 5 × 10^k, about @target
 * of them; the axis is widened to whole steps.  Returns the step. */
double        qs_chart_nice_ticks      (double   min,
                                        double   max,
                                        int      target,
                                        double  *axis_min,
                                        double  *axis_max);
/* A tick label: as many decimals as the step needs. */
char         *qs_chart_format_tick     (double   value,
                                        double   step);

/* ---- export --------------------------------------------------------------- */

typedef void (*QsChartRenderFunc) (cairo_t       *cr,
                                   double         width,
                                   double         height,
                                   gconstpointer  data);

/* Renders to @path: PNG, SVG or PDF by its extension. */
gboolean      qs_chart_export          (const char        *path,
                                        double             width,
                                        double             height,
                                        QsChartRenderFunc  render,
                                        gconstpointer      data,
                                        GError           **error);

/* A render function that also reports what it drew. */
typedef void (*QsChartTracedFunc) (cairo_t       *cr,
                                   double         width,
                                   double         height,
                                   gconstpointer  data,
                                   QsChartTrace  *trace);

/* Lays the chart out as @render would draw it at width × height and
 * returns the data point under (x, y) with its exact value text, or NULL. */
QsChartPoint *qs_chart_hit_test        (QsChartTracedFunc  render,
                                        gconstpointer      data,
                                        double             width,
                                        double             height,
                                        double             x,
                                        double             y);

/* Looks @indicator up as a catalog id or any of its names; fills the
 * catalog id (NULL when unknown), the name to show and its unit. */
void          qs_chart_resolve_indicator (QsCatalog  *catalog,
                                          const char *indicator,
                                          char      **id,
                                          char      **name,
                                          char      **unit);

/* Indicator matching for the data builders: a catalog id or any name of
 * it; without a catalog entry, by name with white space and bracketed
 * parts ignored. */
gboolean      qs_chart_indicator_matches (QsCatalog  *catalog,
                                          const char *wanted_id,
                                          const char *wanted_name,
                                          const char *row_id,
                                          const char *row_name);

G_END_DECLS
