/* qs-side-panel.h: the panel beside the editor's detail pane: the check,
 * the chart of the selected indicator row and the reviewers' notes. */
#pragma once

#include <adwaita.h>

#include "qs-chart-pane.h"
#include "qs-check-panel.h"
#include "qs-model.h"
#include "qs-notes-panel.h"

G_BEGIN_DECLS

#define QS_TYPE_SIDE_PANEL (qs_side_panel_get_type ())

G_DECLARE_FINAL_TYPE (QsSidePanel, qs_side_panel, QS, SIDE_PANEL, GtkWidget)

QsCheckPanel *qs_side_panel_get_check_panel (QsSidePanel *self);
QsChartPane  *qs_side_panel_get_chart_pane  (QsSidePanel *self);
QsNotesPanel *qs_side_panel_get_notes_panel (QsSidePanel *self);
/* "check", "chart" or "notes". */
const char   *qs_side_panel_get_page        (QsSidePanel *self);
void          qs_side_panel_set_page        (QsSidePanel *self,
                                             const char  *name);
void          qs_side_panel_set_workspace   (QsSidePanel *self,
                                             QsWorkspace *workspace);
void          qs_side_panel_set_plan        (QsSidePanel *self,
                                             QsPlan      *plan);
/* The indicator row the user looks at: the chart shows its indicator and a
 * new note is attached to it.  @table NULL: nothing selected. */
void          qs_side_panel_show_row        (QsSidePanel      *self,
                                             QsIndicatorTable *table,
                                             guint             row);
/* The plan's figures changed: redraw the chart. */
void          qs_side_panel_refresh         (QsSidePanel *self);

G_END_DECLS
