/* qs-chart-view.h: a widget that draws one chart with a chart renderer. */
#pragma once

#include <gtk/gtk.h>

#include "qs-chart.h"

G_BEGIN_DECLS

#define QS_TYPE_CHART_VIEW (qs_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (QsChartView, qs_chart_view, QS, CHART_VIEW, GtkWidget)

/* Sets the theme a chart's data draws with (each data struct has its own
 * theme member); called whenever the light/dark style changes. */
typedef void (*QsChartViewThemeFunc) (gpointer            data,
                                      const QsChartTheme *theme);

GtkWidget          *qs_chart_view_new              (void);
/* Draws @data with @render; the view owns @data (freed with @free_data).
 * @title becomes the accessible label, @description (the chart's text
 * summary) the accessible description.  @render NULL clears the view. */
void                qs_chart_view_set_chart        (QsChartView          *self,
                                                    QsChartTracedFunc     render,
                                                    gpointer              data,
                                                    GDestroyNotify        free_data,
                                                    const char           *title,
                                                    const char           *description);
/* Applies @func to the data now and after every change of the style. */
void                qs_chart_view_set_theme_func   (QsChartView          *self,
                                                    QsChartViewThemeFunc  func);
gpointer            qs_chart_view_get_data         (QsChartView          *self);
const char         *qs_chart_view_get_title        (QsChartView          *self);
const char         *qs_chart_view_get_description  (QsChartView          *self);
/* The unit shown after figures in tooltips, or NULL. */
void                qs_chart_view_set_unit         (QsChartView          *self,
                                                    const char           *unit);
/* qs_chart_theme_dark() when the application's style is dark. */
const QsChartTheme *qs_chart_view_get_theme        (QsChartView          *self);
/* The data point under (x, y) in widget coordinates, or NULL (free it). */
QsChartPoint       *qs_chart_view_hit              (QsChartView          *self,
                                                    double                x,
                                                    double                y);
/* The tooltip shown at (x, y): category, series and the exact figure;
 * NULL when no point is there. */
char               *qs_chart_view_dup_tooltip_text_at (QsChartView       *self,
                                                    double                x,
                                                    double                y);
/* Writes the chart as PNG, SVG or PDF (by the extension of @path) at
 * @width × @height, in the view's current theme. */
gboolean            qs_chart_view_export           (QsChartView          *self,
                                                    const char           *path,
                                                    double                width,
                                                    double                height,
                                                    GError              **error);

G_END_DECLS
