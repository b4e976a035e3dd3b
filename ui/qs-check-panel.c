/* qs-check-panel.c: the findings of the check of a district plan against
 * its municipal plan, by severity, beside the plan editor.
 *
 * What needs the planner's attention comes first (falls short, weaker
 * than the baseline, pending, not comparable, last period's completion,
 * the plan as a whole); the rows that are settled (meet the requirement,
 * or have none) are folded away at the end.  Activating a row emits
 * "finding-activated": the editor selects the table row.
 */
#define G_LOG_DOMAIN "qs-check-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "qs-check-panel.h"
#include "qs-display.h"

struct _QsCheckPanel
{
  GtkWidget      parent_instance;

  QsCheck       *check;
  GListStore    *listed;
  GHashTable    *rows;        /* QsCheckFinding → AdwActionRow (both borrowed) */

  GtkLabel      *against_label;
  GtkFlowBox    *counts_box;
  GtkStack      *stack;
  AdwStatusPage *no_municipal_page;
  GtkBox        *groups_box;
};

G_DEFINE_FINAL_TYPE (QsCheckPanel, qs_check_panel, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Badges */

typedef struct
{
  const char *icon_name;
  const char *style;
} Look;

static Look
status_look (QsCheckStatus status)
{
  switch (status)
    {
    case QS_CHECK_MEETS:
      return (Look) { "emblem-ok-symbolic", "success" };
    case QS_CHECK_FALLS_SHORT:
      return (Look) { "dialog-error-symbolic", "error" };
    case QS_CHECK_WEAKER_THAN_BASELINE:
      return (Look) { "dialog-warning-symbolic", "error" };
    case QS_CHECK_PENDING:
      return (Look) { "task-due-symbolic", "warning" };
    case QS_CHECK_NOT_COMPARABLE:
      return (Look) { "dialog-question-symbolic", "dim-label" };
    case QS_CHECK_NO_REQUIREMENT:
    default:
      return (Look) { "action-unavailable-symbolic", "dim-label" };
    }
}

static const char *
status_label (QsCheckStatus status)
{
  switch (status)
    {
    case QS_CHECK_MEETS:
      return _("Meets");
    case QS_CHECK_FALLS_SHORT:
      return _("Falls short");
    case QS_CHECK_WEAKER_THAN_BASELINE:
      return _("Below baseline");
    case QS_CHECK_PENDING:
      return _("Pending");
    case QS_CHECK_NOT_COMPARABLE:
      return _("Not comparable");
    case QS_CHECK_NO_REQUIREMENT:
    default:
      return _("No requirement");
    }
}

static Look
completion_look (QsCheckFinding *finding)
{
  if (qs_check_finding_get_disagrees (finding))
    return (Look) { "emblem-important-symbolic", "warning" };
  switch (qs_check_finding_get_completion (finding))
    {
    case QS_COMPLETION_MET:
      return (Look) { "emblem-ok-symbolic", "success" };
    case QS_COMPLETION_NOT_MET:
      return (Look) { "dialog-error-symbolic", "error" };
    case QS_COMPLETION_UNKNOWN:
    default:
      return (Look) { "dialog-question-symbolic", "dim-label" };
    }
}

static const char *
completion_label (QsCompletion completion)
{
  switch (completion)
    {
    case QS_COMPLETION_MET:
      return _("Met");
    case QS_COMPLETION_NOT_MET:
      return _("Not met");
    case QS_COMPLETION_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static Look
finding_look (QsCheckFinding *finding,
              gboolean        unlinked)
{
  if (unlinked)
    return (Look) { "insert-link-symbolic", "warning" };
  switch (qs_check_finding_get_scope (finding))
    {
    case QS_FINDING_ROW:
      return status_look (qs_check_finding_get_status (finding));
    case QS_FINDING_COMPLETION:
      return completion_look (finding);
    case QS_FINDING_PLAN:
    default:
      switch (qs_check_finding_get_plan_kind (finding))
        {
        case QS_PLAN_FINDING_MISSING_INDICATOR:
          return (Look) { "dialog-warning-symbolic", "error" };
        case QS_PLAN_FINDING_UNLINKED_ROWS:
          return (Look) { "insert-link-symbolic", "warning" };
        case QS_PLAN_FINDING_PERIOD_DIFFERS:
          return (Look) { "x-office-calendar-symbolic", "dim-label" };
        case QS_PLAN_FINDING_NO_TARGET_TABLE:
        case QS_PLAN_FINDING_NO_DISTRICT:
        default:
          return (Look) { "dialog-information-symbolic", "warning" };
        }
    }
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  static const char * const styles[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

gboolean
qs_check_finding_is_unlinked (QsCheckFinding *finding)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (finding), FALSE);

  return qs_check_finding_get_scope (finding) != QS_FINDING_PLAN &&
         qs_check_finding_get_indicator_id (finding) == NULL;
}

GtkWidget *
qs_check_badge_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "check-badge");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

void
qs_check_badge_set_finding (GtkWidget      *badge,
                            QsCheckFinding *finding,
                            gboolean        unlinked)
{
  GtkWidget *icon = gtk_widget_get_first_child (badge);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autofree char *tooltip = NULL;
  const char *text;
  Look look;

  g_return_if_fail (GTK_IS_BOX (badge));
  g_return_if_fail (finding == NULL || QS_IS_CHECK_FINDING (finding));

  gtk_widget_set_visible (badge, finding != NULL);
  if (finding == NULL)
    {
      gtk_widget_set_tooltip_text (badge, NULL);
      return;
    }

  look = finding_look (finding, unlinked);
  if (unlinked)
    text = _("Unlinked");
  else if (qs_check_finding_get_scope (finding) == QS_FINDING_COMPLETION)
    text = completion_label (qs_check_finding_get_completion (finding));
  else
    text = status_label (qs_check_finding_get_status (finding));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), look.icon_name);
  gtk_label_set_label (GTK_LABEL (label), text);
  set_style (badge, look.style);

  /* The one-line reason; an unlinked row also says how to link it. */
  if (unlinked)
    tooltip = g_strdup_printf ("%s\n%s", qs_check_finding_get_reason (finding),
                               _("Select the row, then use the link button above the table to link it by hand."));
  else if (qs_check_finding_get_disagrees (finding))
    tooltip = g_strdup_printf (_("%s\nThe table’s own 完成情况 says otherwise (%s)."),
                               qs_check_finding_get_reason (finding),
                               completion_label (qs_check_finding_get_claimed (finding)));
  else
    tooltip = g_strdup (qs_check_finding_get_reason (finding));
  gtk_widget_set_tooltip_text (badge, tooltip);
}

/* The list */

static void
row_activated_cb (AdwActionRow *row,
                  QsCheckPanel *self)
{
  QsCheckFinding *finding = g_object_get_data (G_OBJECT (row), "qs-finding");

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static char *
location_text (QsCheckFinding *finding)
{
  const char *table = qs_check_finding_get_table_label (finding);
  int index = qs_check_finding_get_row_index (finding);

  if (index < 0)
    return g_strdup (table);
  /* TRANSLATORS: a table's label and a row number: 表2 · 第3行 */
  return g_strdup_printf (_("%s · row %d"), table != NULL ? table : "", index + 1);
}

static const char *
plan_kind_title (QsPlanFindingKind kind)
{
  switch (kind)
    {
    case QS_PLAN_FINDING_MISSING_INDICATOR:
      return _("Missing Indicator");
    case QS_PLAN_FINDING_UNLINKED_ROWS:
      return _("Rows Not Linked to the Catalog");
    case QS_PLAN_FINDING_PERIOD_DIFFERS:
      return _("Different Periods");
    case QS_PLAN_FINDING_NO_TARGET_TABLE:
      return _("No Table of Targets");
    case QS_PLAN_FINDING_NO_DISTRICT:
    default:
      return _("District Unknown");
    }
}

static GtkWidget *
finding_row_new (QsCheckPanel   *self,
                 QsCheckFinding *finding,
                 gboolean        unlinked)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  const char *title;
  Look look = finding_look (finding, unlinked);

  if (qs_check_finding_get_scope (finding) == QS_FINDING_PLAN)
    title = qs_check_finding_get_indicator_name (finding) != NULL
            ? qs_check_finding_get_indicator_name (finding)
            : plan_kind_title (qs_check_finding_get_plan_kind (finding));
  else
    title = qs_check_finding_get_indicator_name (finding);

  /* Names and reasons are the plan's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), qs_check_finding_get_reason (finding));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  icon = gtk_image_new_from_icon_name (look.icon_name);
  set_style (icon, look.style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (qs_check_finding_get_scope (finding) != QS_FINDING_PLAN)
    {
      g_autofree char *where = location_text (finding);
      GtkWidget *label = gtk_label_new (where);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "qs-finding", finding);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
      if (qs_check_finding_get_disagrees (finding))
        gtk_widget_set_tooltip_text (row, _("The table’s own 完成情况 disagrees with the figures."));
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }

  g_list_store_append (self->listed, finding);
  g_hash_table_insert (self->rows, finding, row);
  return row;
}

static GtkWidget *
add_group (QsCheckPanel *self,
           const char   *title,
           const char   *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->groups_box, group);
  return group;
}

/* A group of findings shown one row each; NULL when there are none. */
static void
add_status_group (QsCheckPanel *self,
                  GPtrArray    *findings,
                  const char   *title,
                  const char   *description)
{
  GtkWidget *group;

  if (findings->len == 0)
    return;
  group = add_group (self, title, description);
  for (guint i = 0; i < findings->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               finding_row_new (self, findings->pdata[i], FALSE));
}

/* Findings folded under one expander row. */
static void
add_expander (QsCheckPanel *self,
              GtkWidget    *group,
              GPtrArray    *findings,
              const char   *title,
              const char   *icon_name,
              const char   *style,
              gboolean      unlinked)
{
  GtkWidget *expander;
  GtkWidget *icon;
  g_autofree char *count = NULL;

  if (findings->len == 0)
    return;
  expander = adw_expander_row_new ();
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", findings->len),
                           findings->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
  icon = gtk_image_new_from_icon_name (icon_name);
  set_style (icon, style);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), icon);
  for (guint i = 0; i < findings->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              finding_row_new (self, findings->pdata[i], unlinked));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
}

static void
clear_groups (QsCheckPanel *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_list_store_remove_all (self->listed);
}

/* One count in the header ("未达要求 2"), coloured like its badges. */
static void
append_count (QsCheckPanel *self,
              guint         n,
              const char   *label,
              const char   *style)
{
  g_autofree char *text = NULL;
  GtkWidget *widget;

  if (n == 0)
    return;
  text = g_strdup_printf ("%s %u", label, n);
  widget = gtk_label_new (text);
  gtk_widget_add_css_class (widget, "caption-heading");
  set_style (widget, style);
  gtk_flow_box_append (self->counts_box, widget);
}

static void
clear_counts (QsCheckPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_flow_box_remove (self->counts_box, child);
}

static void
rebuild (QsCheckPanel *self)
{
  GPtrArray *by_status[QS_CHECK_NO_REQUIREMENT + 1];
  g_autoptr(GPtrArray) unlinked = g_ptr_array_new ();
  g_autoptr(GPtrArray) completion_issues = g_ptr_array_new ();
  g_autoptr(GPtrArray) completion_rest = g_ptr_array_new ();
  g_autoptr(GPtrArray) plan = g_ptr_array_new ();
  GListModel *model;
  guint n;

  clear_groups (self);
  clear_counts (self);
  if (self->check == NULL)
    return;

  for (guint s = 0; s < G_N_ELEMENTS (by_status); s++)
    by_status[s] = g_ptr_array_new ();

  /* The lists hold the check's findings, which outlive the widgets. */
  model = qs_check_get_row_findings (self->check);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (model, i);
      QsCheckStatus status = qs_check_finding_get_status (finding);

      if (status <= QS_CHECK_NO_REQUIREMENT)
        g_ptr_array_add (by_status[status], finding);
      if (qs_check_finding_is_unlinked (finding))
        g_ptr_array_add (unlinked, finding);
    }

  model = qs_check_get_completions (self->check);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (model, i);

      if (qs_check_finding_get_disagrees (finding) ||
          qs_check_finding_get_completion (finding) == QS_COMPLETION_NOT_MET)
        g_ptr_array_add (completion_issues, finding);
      else
        g_ptr_array_add (completion_rest, finding);
      if (qs_check_finding_is_unlinked (finding))
        g_ptr_array_add (unlinked, finding);
    }

  model = qs_check_get_plan_findings (self->check);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsCheckFinding) finding = g_list_model_get_item (model, i);

      g_ptr_array_add (plan, finding);
    }

  add_status_group (self, by_status[QS_CHECK_FALLS_SHORT],
                    _("Falls Short of the Municipal Requirement"),
                    _("Targets weaker than what the municipal plan asks of this district."));
  add_status_group (self, by_status[QS_CHECK_WEAKER_THAN_BASELINE],
                    _("Target Weaker Than the Baseline"),
                    _("Targets that would leave the indicator worse than it is now."));
  add_status_group (self, by_status[QS_CHECK_PENDING],
                    _("Pending Assignment by the Municipality"),
                    _("Rows written 由重庆市下达: they wait for a figure from the municipality."));
  add_status_group (self, by_status[QS_CHECK_NOT_COMPARABLE],
                    _("Not Comparable"),
                    _("Figures that cannot be set against the municipal one (units, text, no figure)."));

  if (completion_issues->len > 0 || completion_rest->len > 0)
    {
      GtkWidget *group = add_group (self, _("Last Period’s Targets"),
                                    _("Completion computed from target and actual, against the table’s own 完成情况."));

      for (guint i = 0; i < completion_issues->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   finding_row_new (self, completion_issues->pdata[i], FALSE));
      add_expander (self, group, completion_rest, _("Met or Not Decidable"),
                    "emblem-ok-symbolic", "success", FALSE);
    }

  if (plan->len > 0)
    {
      GtkWidget *group = add_group (self, _("The Plan as a Whole"), NULL);

      for (guint i = 0; i < plan->len; i++)
        {
          QsCheckFinding *finding = plan->pdata[i];

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), finding_row_new (self, finding, FALSE));
          /* The unlinked rows themselves, to go to each. */
          if (qs_check_finding_get_plan_kind (finding) == QS_PLAN_FINDING_UNLINKED_ROWS)
            add_expander (self, group, unlinked, _("Go to an Unlinked Row"),
                          "insert-link-symbolic", "warning", TRUE);
        }
    }

  if (by_status[QS_CHECK_MEETS]->len > 0 || by_status[QS_CHECK_NO_REQUIREMENT]->len > 0)
    {
      GtkWidget *group = add_group (self, _("Settled"), NULL);

      add_expander (self, group, by_status[QS_CHECK_MEETS], _("Meet the Requirement"),
                    "emblem-ok-symbolic", "success", FALSE);
      add_expander (self, group, by_status[QS_CHECK_NO_REQUIREMENT], _("No Municipal Requirement"),
                    "action-unavailable-symbolic", "dim-label", FALSE);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->listed)) == 0)
    {
      GtkWidget *group = add_group (self, _("No Findings"),
                                    _("The plan has no indicator rows with targets to check."));

      gtk_widget_set_margin_top (group, 24);
    }

  append_count (self, by_status[QS_CHECK_FALLS_SHORT]->len, status_label (QS_CHECK_FALLS_SHORT), "error");
  append_count (self, by_status[QS_CHECK_WEAKER_THAN_BASELINE]->len,
                status_label (QS_CHECK_WEAKER_THAN_BASELINE), "error");
  append_count (self, by_status[QS_CHECK_PENDING]->len, status_label (QS_CHECK_PENDING), "warning");
  append_count (self, by_status[QS_CHECK_NOT_COMPARABLE]->len, status_label (QS_CHECK_NOT_COMPARABLE), NULL);
  append_count (self, by_status[QS_CHECK_MEETS]->len, status_label (QS_CHECK_MEETS), NULL);
  append_count (self, by_status[QS_CHECK_NO_REQUIREMENT]->len, status_label (QS_CHECK_NO_REQUIREMENT), NULL);
  append_count (self, qs_check_count_disagreements (self->check), _("Completion disputed"), "warning");
  append_count (self, unlinked->len, _("Unlinked"), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->counts_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->counts_box)) != NULL);

  for (guint s = 0; s < G_N_ELEMENTS (by_status); s++)
    g_ptr_array_unref (by_status[s]);
}

static void
qs_check_panel_dispose (GObject *object)
{
  QsCheckPanel *self = (QsCheckPanel *)object;
  GtkWidget *child;

  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_CHECK_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->check);
  g_clear_object (&self->listed);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (qs_check_panel_parent_class)->dispose (object);
}

static void
qs_check_panel_class_init (QsCheckPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_check_panel_dispose;

  /**
   * QsCheckPanel::finding-activated:
   * @finding: the QsCheckFinding of the row activated
   *
   * The user asked to see the row of a finding.
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, QS_TYPE_CHECK_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-check-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, QsCheckPanel, against_label);
  gtk_widget_class_bind_template_child (widget_class, QsCheckPanel, counts_box);
  gtk_widget_class_bind_template_child (widget_class, QsCheckPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, QsCheckPanel, no_municipal_page);
  gtk_widget_class_bind_template_child (widget_class, QsCheckPanel, groups_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qscheckpanel");
}

static void
qs_check_panel_init (QsCheckPanel *self)
{
  self->listed = g_list_store_new (QS_TYPE_CHECK_FINDING);
  self->rows = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->counts_box), FALSE);
}

GtkWidget *
qs_check_panel_new (void)
{
  return g_object_new (QS_TYPE_CHECK_PANEL, NULL);
}

void
qs_check_panel_set_check (QsCheckPanel *self,
                          QsCheck      *check,
                          QsPlan       *district,
                          QsPlan       *municipal)
{
  g_return_if_fail (QS_IS_CHECK_PANEL (self));
  g_return_if_fail (check == NULL || QS_IS_CHECK (check));
  g_return_if_fail (district == NULL || QS_IS_PLAN (district));
  g_return_if_fail (municipal == NULL || QS_IS_PLAN (municipal));

  /* The rows point into the old check's findings: drop them first. */
  clear_groups (self);
  clear_counts (self);
  g_set_object (&self->check, check);

  if (check == NULL || district == NULL)
    {
      gtk_label_set_label (self->against_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->counts_box), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (municipal == NULL)
    {
      g_autofree char *description = NULL;
      int start = qs_plan_get_start_year (district);
      int end = qs_plan_get_end_year (district);

      if (start > 0 && end > 0)
        description = g_strdup_printf (_("The workspace holds no municipal plan for %d–%d or the period before. "
                                         "Import or open the municipal plan to check each indicator against "
                                         "its targets and its requirements on this district."),
                                       start, end);
      else
        description = g_strdup (_("The plan has no period, so no municipal plan can be chosen for it. "
                                  "Set the plan’s period, then import or open the municipal plan."));
      adw_status_page_set_description (self->no_municipal_page, description);
      gtk_label_set_label (self->against_label, _("Only baselines and last period’s completion are checked."));
      gtk_widget_set_visible (GTK_WIDGET (self->counts_box), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "no-municipal");
      return;
    }

  {
    g_autofree char *title = qs_plan_dup_title_or_untitled (qs_plan_get_title (municipal));
    g_autofree char *against = g_strdup_printf (_("Against %s (%d–%d)"), title,
                                                qs_plan_get_start_year (municipal),
                                                qs_plan_get_end_year (municipal));

    gtk_label_set_label (self->against_label, against);
  }
  rebuild (self);
  gtk_stack_set_visible_child_name (self->stack, "findings");
}

QsCheck *
qs_check_panel_get_check (QsCheckPanel *self)
{
  g_return_val_if_fail (QS_IS_CHECK_PANEL (self), NULL);
  return self->check;
}

const char *
qs_check_panel_get_page_name (QsCheckPanel *self)
{
  g_return_val_if_fail (QS_IS_CHECK_PANEL (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
qs_check_panel_get_listed (QsCheckPanel *self)
{
  g_return_val_if_fail (QS_IS_CHECK_PANEL (self), NULL);
  return G_LIST_MODEL (self->listed);
}

gboolean
qs_check_panel_activate_finding (QsCheckPanel   *self,
                                 QsCheckFinding *finding)
{
  GtkWidget *row;

  g_return_val_if_fail (QS_IS_CHECK_PANEL (self), FALSE);
  g_return_val_if_fail (QS_IS_CHECK_FINDING (finding), FALSE);

  row = g_hash_table_lookup (self->rows, finding);
  if (row == NULL || !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    return FALSE;
  adw_action_row_activate (ADW_ACTION_ROW (row));
  return TRUE;
}
