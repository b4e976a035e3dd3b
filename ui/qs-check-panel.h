/* qs-check-panel.h: the findings of the check of a district plan against
 * its municipal plan, by severity, beside the plan editor. */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"
#include "qs-check.h"

G_BEGIN_DECLS

#define QS_TYPE_CHECK_PANEL (qs_check_panel_get_type ())

G_DECLARE_FINAL_TYPE (QsCheckPanel, qs_check_panel, QS, CHECK_PANEL, GtkWidget)

GtkWidget   *qs_check_panel_new              (void);
/* Shows @check, run on @district against @municipal.  @municipal NULL:
 * the workspace holds no municipal plan for the district's period (a
 * status page says what to do); @check NULL: nothing is checked (no plan,
 * or a municipal plan is open). */
void         qs_check_panel_set_check        (QsCheckPanel   *self,
                                              QsCheck        *check,
                                              QsPlan         *district,
                                              QsPlan         *municipal);
QsCheck     *qs_check_panel_get_check        (QsCheckPanel   *self);
/* "findings", "no-municipal" or "empty". */
const char  *qs_check_panel_get_page_name    (QsCheckPanel   *self);
/* The findings listed (QsCheckFinding), in the order shown, collapsed
 * groups included. */
GListModel  *qs_check_panel_get_listed       (QsCheckPanel   *self);
/* Activates the row of @finding as a click does ("finding-activated");
 * FALSE when it is not listed or not activatable. */
gboolean     qs_check_panel_activate_finding (QsCheckPanel   *self,
                                              QsCheckFinding *finding);

/* The status badge shown on a table row and in the panel: an icon and a
 * short label coloured by the verdict (success, warning, error,
 * dim-label).  @finding NULL hides it; @unlinked shows 未关联. */
GtkWidget   *qs_check_badge_new              (void);
void         qs_check_badge_set_finding      (GtkWidget      *badge,
                                              QsCheckFinding *finding,
                                              gboolean        unlinked);
/* Whether @finding's row is not linked to the catalog. */
gboolean     qs_check_finding_is_unlinked    (QsCheckFinding *finding);

G_END_DECLS
