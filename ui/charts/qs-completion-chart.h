/* qs-completion-chart.h: last period's targets against what was achieved. */
#pragma once

#include "qs-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char     *indicator;
  char     *unit;
  char     *target_text;    /* as written */
  char     *actual_text;    /* as written */
  gboolean  actual_is_figure;
  char     *status_text;    /* the plan's own 完成情况, or NULL */
  gboolean  has_percent;
  double    percent;        /* achievement in percent of the target (100 = met exactly) */
  gboolean  lower_better;
  int       achieved;       /* 1 yes, 0 no, -1 cannot be told */
} QsCompletionItem;

typedef struct
{
  char               *title;
  char               *subtitle;
  GArray             *items;     /* of QsCompletionItem */
  const QsChartTheme *theme;     /* NULL: light */
  QsIndicatorTable   *table;     /* _new_for_plan: the review table read (not owned) */
} QsCompletionChartData;

QsCompletionChartData *qs_completion_chart_data_new      (const char  *title);
void                   qs_completion_chart_data_free     (QsCompletionChartData *data);
/* Adds an indicator; the percentage is computed when both figures are
 * numbers (for a "lower is better" figure, target ÷ actual). */
void                   qs_completion_chart_data_add      (QsCompletionChartData *data,
                                                          const char  *indicator,
                                                          const char  *unit,
                                                          const char  *target_text,
                                                          const char  *actual_text,
                                                          const char  *status_text,
                                                          gboolean     lower_better);
/* From the plan's table of last period's targets and actuals (a target
 * column and an actual/现状 column of the same year before the plan's
 * period).  Fails when the plan has none. */
QsCompletionChartData *qs_completion_chart_data_new_for_plan (QsPlan     *plan,
                                                          QsCatalog   *catalog,
                                                          GError     **error);

void                   qs_completion_chart_render        (cairo_t     *cr,
                                                          double       width,
                                                          double       height,
                                                          const QsCompletionChartData *data);
void                   qs_completion_chart_render_traced (cairo_t     *cr,
                                                          double       width,
                                                          double       height,
                                                          const QsCompletionChartData *data,
                                                          QsChartTrace *trace);
QsChartPoint          *qs_completion_chart_hit_test      (const QsCompletionChartData *data,
                                                          double       width,
                                                          double       height,
                                                          double       x,
                                                          double       y);
char                  *qs_completion_chart_describe      (const QsCompletionChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsCompletionChartData, qs_completion_chart_data_free)

G_END_DECLS
