/* qs-new-plan-dialog.c: asks for the title, region, level and period of a new plan. */
#define G_LOG_DOMAIN "qs-new-plan-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-new-plan-dialog.h"

struct _QsNewPlanDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *title_row;
  AdwEntryRow      *region_row;
  AdwComboRow      *level_row;
  AdwActionRow     *period_row;
  GtkSpinButton    *start_year_spin;
};

G_DEFINE_FINAL_TYPE (QsNewPlanDialog, qs_new_plan_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The combo row lists the levels in this order. */
static const QsPlanLevel levels[] = {
  QS_PLAN_LEVEL_DISTRICT,
  QS_PLAN_LEVEL_COUNTY,
  QS_PLAN_LEVEL_MUNICIPAL,
};

static void
title_changed_cb (QsNewPlanDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", title[0] != '\0');
}

static void
start_year_changed_cb (QsNewPlanDialog *self)
{
  int start = gtk_spin_button_get_value_as_int (self->start_year_spin);
  g_autofree char *period = qs_plan_period_display_name (start, start + 4);

  adw_action_row_set_subtitle (self->period_row, period);
}

static void
qs_new_plan_dialog_class_init (QsNewPlanDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QsNewPlanDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, QsNewPlanDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, QsNewPlanDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, QsNewPlanDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, QsNewPlanDialog, start_year_spin);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_year_changed_cb);
}

static void
qs_new_plan_dialog_init (QsNewPlanDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->start_year_spin,
                             qs_new_plan_default_start_year (g_date_time_get_year (now)));
  start_year_changed_cb (self);
  title_changed_cb (self);
}

QsNewPlanDialog *
qs_new_plan_dialog_new (GtkWindow *parent)
{
  return g_object_new (QS_TYPE_NEW_PLAN_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

void
qs_new_plan_dialog_set_fields (QsNewPlanDialog *self,
                               const char      *title,
                               const char      *region,
                               QsPlanLevel      level,
                               int              start_year)
{
  g_return_if_fail (QS_IS_NEW_PLAN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), region != NULL ? region : "");
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (levels[i] == level)
      adw_combo_row_set_selected (self->level_row, i);
  if (start_year > 0)
    gtk_spin_button_set_value (self->start_year_spin, start_year);
}

/**
 * qs_new_plan_dialog_create_plan:
 * @self: the dialog
 *
 * Returns: (transfer full): an empty plan with the entered title, region,
 *   level and five-year period.
 */
QsPlan *
qs_new_plan_dialog_create_plan (QsNewPlanDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *region = NULL;
  QsPlan *plan;
  guint selected;
  int start;

  g_return_val_if_fail (QS_IS_NEW_PLAN_DIALOG (self), NULL);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  region = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->region_row))));
  selected = adw_combo_row_get_selected (self->level_row);
  start = gtk_spin_button_get_value_as_int (self->start_year_spin);

  plan = qs_plan_new ();
  qs_plan_set_title (plan, title);
  qs_plan_set_region (plan, region);
  qs_plan_set_level (plan, selected < G_N_ELEMENTS (levels) ? levels[selected] : levels[0]);
  qs_plan_set_period (plan, start, start + 4);
  return plan;
}

/* National five-year plans run 2021–2025, 2026–2030 …; drafting starts about
 * two years before a period opens. */
int
qs_new_plan_default_start_year (int year)
{
  int offset = year + 2 - 2021;

  if (offset < 0)
    offset -= 4;
  return 2021 + (offset / 5) * 5;
}
