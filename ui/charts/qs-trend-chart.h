/* qs-trend-chart.h: an indicator over the years, one line per district. */
#pragma once

#include "qs-chart.h"

G_BEGIN_DECLS

typedef struct
{
  int              year;
  char            *text;        /* as written: "88.3", "≥88", "【25】", "由重庆市下达" */
  QsYearValueKind  kind;
  gboolean         has_number;  /* FALSE: words or a change, shown as a note */
  double           value;
  QsBound          bound;
  gboolean         cumulative;  /* 【25】: a five-year total, not a level */
} QsTrendPoint;

typedef struct
{
  char   *name;                 /* the district */
  GArray *points;               /* of QsTrendPoint, by year */
} QsTrendSeries;

typedef struct
{
  char               *title;
  char               *indicator;
  char               *unit;
  GPtrArray          *series;            /* of QsTrendSeries */
  gboolean            has_requirement;   /* the municipal requirement, a line */
  char               *requirement_label; /* "重庆市要求" */
  char               *requirement_text;  /* "≥85" */
  double              requirement;
  QsBound             requirement_bound;
  int                 requirement_year;
  const QsChartTheme *theme;             /* NULL: light */
} QsTrendChartData;

QsTrendChartData *qs_trend_chart_data_new          (const char        *indicator,
                                                    const char        *unit);
void              qs_trend_chart_data_free         (QsTrendChartData  *data);
QsTrendSeries    *qs_trend_chart_data_add_series   (QsTrendChartData  *data,
                                                    const char        *name);
/* Adds a value (parsed with qs_value_parse); keeps the series by year. */
void              qs_trend_series_add              (QsTrendSeries     *series,
                                                    int                year,
                                                    const char        *text,
                                                    QsYearValueKind    kind);
void              qs_trend_chart_data_set_requirement (QsTrendChartData *data,
                                                    const char        *label,
                                                    const char        *text,
                                                    int                year);
/* One series per plan from its yearly values (tables and accepted prose
 * values); @indicator is a catalog id or any name of it.  With @against
 * (the municipal plan) its target for the indicator is the requirement.
 * Fails when no plan states the indicator. */
QsTrendChartData *qs_trend_chart_data_new_for_plans (GPtrArray        *plans,
                                                    const char        *indicator,
                                                    QsCatalog         *catalog,
                                                    QsPlan            *against,
                                                    GError           **error);

void              qs_trend_chart_render            (cairo_t           *cr,
                                                    double             width,
                                                    double             height,
                                                    const QsTrendChartData *data);
/* As qs_trend_chart_render, and records texts and points in @trace. */
void              qs_trend_chart_render_traced     (cairo_t           *cr,
                                                    double             width,
                                                    double             height,
                                                    const QsTrendChartData *data,
                                                    QsChartTrace      *trace);
/* The point under (x, y) for a tooltip, or NULL. */
QsChartPoint     *qs_trend_chart_hit_test          (const QsTrendChartData *data,
                                                    double             width,
                                                    double             height,
                                                    double             x,
                                                    double             y);
/* A text summary of the chart for screen readers and alt text. */
char             *qs_trend_chart_describe          (const QsTrendChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsTrendChartData, qs_trend_chart_data_free)

G_END_DECLS
