/* qs-side-panel.c: the panel beside the editor's detail pane.
 *
 * Three pages share one place, switched at the top: the check against the
 * municipal plan, the chart of the selected indicator row, and the
 * reviewers' notes.  The editor tells the panel which plan, workspace and
 * row are current; the panel keeps its pages in step with them.
 */
#define G_LOG_DOMAIN "qs-side-panel"

#include "config.h"

#include "qs-side-panel.h"

struct _QsSidePanel
{
  GtkWidget     parent_instance;

  QsPlan       *plan;
  char         *indicator;   /* the chart's indicator (id or name), or NULL */

  AdwViewStack *stack;
  QsCheckPanel *check_panel;
  QsChartPane  *chart_pane;
  QsNotesPanel *notes_panel;
};

G_DEFINE_FINAL_TYPE (QsSidePanel, qs_side_panel, GTK_TYPE_WIDGET)

static void
qs_side_panel_dispose (GObject *object)
{
  QsSidePanel *self = QS_SIDE_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_SIDE_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->indicator, g_free);

  G_OBJECT_CLASS (qs_side_panel_parent_class)->dispose (object);
}

static void
qs_side_panel_class_init (QsSidePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_side_panel_dispose;

  g_type_ensure (QS_TYPE_CHECK_PANEL);
  g_type_ensure (QS_TYPE_CHART_PANE);
  g_type_ensure (QS_TYPE_NOTES_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-side-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, QsSidePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, QsSidePanel, check_panel);
  gtk_widget_class_bind_template_child (widget_class, QsSidePanel, chart_pane);
  gtk_widget_class_bind_template_child (widget_class, QsSidePanel, notes_panel);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_side_panel_init (QsSidePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QsCheckPanel *
qs_side_panel_get_check_panel (QsSidePanel *self)
{
  g_return_val_if_fail (QS_IS_SIDE_PANEL (self), NULL);
  return self->check_panel;
}

QsChartPane *
qs_side_panel_get_chart_pane (QsSidePanel *self)
{
  g_return_val_if_fail (QS_IS_SIDE_PANEL (self), NULL);
  return self->chart_pane;
}

QsNotesPanel *
qs_side_panel_get_notes_panel (QsSidePanel *self)
{
  g_return_val_if_fail (QS_IS_SIDE_PANEL (self), NULL);
  return self->notes_panel;
}

const char *
qs_side_panel_get_page (QsSidePanel *self)
{
  g_return_val_if_fail (QS_IS_SIDE_PANEL (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
qs_side_panel_set_page (QsSidePanel *self,
                        const char  *name)
{
  g_return_if_fail (QS_IS_SIDE_PANEL (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->stack, name);
}

void
qs_side_panel_set_workspace (QsSidePanel *self,
                             QsWorkspace *workspace)
{
  g_return_if_fail (QS_IS_SIDE_PANEL (self));

  qs_chart_pane_set_workspace (self->chart_pane, workspace);
  if (workspace != NULL)
    qs_notes_panel_set_author (self->notes_panel, qs_workspace_get_author (workspace));
}

void
qs_side_panel_set_plan (QsSidePanel *self,
                        QsPlan      *plan)
{
  g_return_if_fail (QS_IS_SIDE_PANEL (self));

  if (!g_set_object (&self->plan, plan))
    return;
  /* Undo gives a new plan object for the same plan: the chart keeps its
   * indicator; the row selection that set it is gone, so is the target. */
  qs_chart_pane_set_plan (self->chart_pane, plan);
  qs_chart_pane_set_indicator (self->chart_pane, self->indicator);
  qs_notes_panel_set_plan (self->notes_panel, plan);
}

static int
table_index (QsPlan *plan,
             GObject *table)
{
  g_autoptr(GPtrArray) tables = qs_review_note_collect_tables (plan);
  guint index;

  if (!g_ptr_array_find (tables, table, &index))
    return -1;
  return (int) index;
}

void
qs_side_panel_show_row (QsSidePanel      *self,
                        QsIndicatorTable *table,
                        guint             row)
{
  QsIndicatorRow *indicator_row = NULL;
  const char *indicator = NULL;
  int index;

  g_return_if_fail (QS_IS_SIDE_PANEL (self));

  if (table != NULL)
    indicator_row = qs_indicator_table_get_row (table, row);
  if (indicator_row != NULL)
    {
      indicator = qs_indicator_row_get_indicator_id (indicator_row);
      if (indicator == NULL || *indicator == '\0')
        indicator = qs_indicator_row_get_indicator (indicator_row);
    }
  if (indicator != NULL && g_strcmp0 (indicator, self->indicator) != 0)
    {
      g_free (self->indicator);
      self->indicator = g_strdup (indicator);
      qs_chart_pane_set_indicator (self->chart_pane, indicator);
    }

  if (indicator_row == NULL || self->plan == NULL ||
      (index = table_index (self->plan, G_OBJECT (table))) < 0)
    return;
  /* The notes panel names the target itself (表2 第6行 森林覆盖率). */
  qs_notes_panel_set_target (self->notes_panel, index, (int) row, NULL, NULL);
}

void
qs_side_panel_refresh (QsSidePanel *self)
{
  g_return_if_fail (QS_IS_SIDE_PANEL (self));
  qs_chart_pane_refresh (self->chart_pane);
}
