/* qs-chart-print.h: charts in the flow of a printed plan. */
#pragma once

#include "qs-paginator.h"
#include "qs-chart.h"

G_BEGIN_DECLS

/* Places the plan's charts in @paginator's whole-plan flow: after the
 * review table of the last period (targets and actuals), the completion
 * chart of those targets.  Does nothing when the plan has no such table.
 * Uses the light theme and the paginator's units (points). */
void qs_chart_print_install (QsPaginator *paginator,
                             QsPlan      *plan,
                             QsCatalog   *catalog);

G_END_DECLS
