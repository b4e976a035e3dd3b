/* qs-new-plan-dialog.h: asks for the title, region, level and period of a new plan. */
#pragma once

#include <adwaita.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_NEW_PLAN_DIALOG (qs_new_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QsNewPlanDialog, qs_new_plan_dialog, QS, NEW_PLAN_DIALOG, AdwMessageDialog)

/* Responses: "cancel" and "create". */
QsNewPlanDialog *qs_new_plan_dialog_new         (GtkWindow       *parent);
void             qs_new_plan_dialog_set_fields  (QsNewPlanDialog *self,
                                                 const char      *title,
                                                 const char      *region,
                                                 QsPlanLevel      level,
                                                 int              start_year);
/* A new empty plan with what was entered. */
QsPlan          *qs_new_plan_dialog_create_plan (QsNewPlanDialog *self);
/* The five-year period a plan drafted in @year is most likely for. */
int              qs_new_plan_default_start_year (int              year);

G_END_DECLS
