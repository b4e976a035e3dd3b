/* qs-compare-cell-view.c: one plan's cell of the comparison matrix. */
#define G_LOG_DOMAIN "qs-compare-cell-view"

#include "config.h"

#include <glib/gi18n.h>

#include "qs-compare-cell-view.h"

struct _QsCompareCellView
{
  GtkWidget   parent_instance;

  GtkWidget  *button;
  GtkWidget  *status_icon;
  GtkWidget  *missing_badge;
  GtkWidget  *value_label;
  GtkWidget  *status_label;
  GtkWidget  *note_icon;
  GtkWidget  *mark_badge;
  GtkWidget  *mark_icon;
  GtkWidget  *mark_label;

  char       *indicator_id;
  guint       plan_index;
  const char *status_class;
  const char *mark;
};

G_DEFINE_FINAL_TYPE (QsCompareCellView, qs_compare_cell_view, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_CELL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const status_classes[] = {
  "status-meets", "status-falls-short", "status-weaker-than-baseline", "status-pending",
  "status-not-comparable", "status-no-requirement", "missing", "empty",
};

static void
clear_classes (QsCompareCellView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), status_classes[i]);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "strictest");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "weakest");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "has-notes");
  gtk_widget_remove_css_class (self->mark_badge, "strictest");
  gtk_widget_remove_css_class (self->mark_badge, "weakest");
}

static void
clicked_cb (QsCompareCellView *self)
{
  g_signal_emit (self, signals[ACTIVATE_CELL], 0);
}

static void
qs_compare_cell_view_dispose (GObject *object)
{
  QsCompareCellView *self = QS_COMPARE_CELL_VIEW (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (qs_compare_cell_view_parent_class)->dispose (object);
}

static void
qs_compare_cell_view_finalize (GObject *object)
{
  QsCompareCellView *self = QS_COMPARE_CELL_VIEW (object);

  g_free (self->indicator_id);
  G_OBJECT_CLASS (qs_compare_cell_view_parent_class)->finalize (object);
}

static void
qs_compare_cell_view_class_init (QsCompareCellViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_compare_cell_view_dispose;
  object_class->finalize = qs_compare_cell_view_finalize;

  /**
   * QsCompareCellView::activate-cell:
   *
   * The cell was clicked: the window shows the indicator's chart.
   */
  signals[ACTIVATE_CELL] = g_signal_new ("activate-cell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qscomparecell");
}

static void
qs_compare_cell_view_init (QsCompareCellView *self)
{
  GtkWidget *box, *line;

  self->plan_index = G_MAXUINT;
  gtk_widget_add_css_class (GTK_WIDGET (self), "compare-cell");

  self->button = gtk_button_new ();
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "compare-cell-button");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (clicked_cb), self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (self->button), box);

  /* Line 1: the verdict's icon (or the 缺 badge) and the figures. */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), line);
  self->status_icon = gtk_image_new ();
  gtk_widget_add_css_class (self->status_icon, "status-icon");
  gtk_box_append (GTK_BOX (line), self->status_icon);
  self->missing_badge = gtk_label_new (C_("missing indicator badge", "M"));
  gtk_widget_add_css_class (self->missing_badge, "missing-badge");
  gtk_box_append (GTK_BOX (line), self->missing_badge);
  self->value_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->value_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->value_label, TRUE);
  gtk_widget_add_css_class (self->value_label, "value");
  gtk_box_append (GTK_BOX (line), self->value_label);
  self->note_icon = gtk_image_new_from_icon_name ("chat-message-new-symbolic");
  gtk_widget_add_css_class (self->note_icon, "note-icon");
  gtk_widget_set_visible (self->note_icon, FALSE);
  gtk_box_append (GTK_BOX (line), self->note_icon);

  /* Line 2: the verdict in words and the 最严 / 最弱 badge. */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), line);
  self->status_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->status_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->status_label, TRUE);
  gtk_widget_add_css_class (self->status_label, "status-label");
  gtk_box_append (GTK_BOX (line), self->status_label);
  self->mark_badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (self->mark_badge, "mark-badge");
  gtk_widget_set_valign (self->mark_badge, GTK_ALIGN_CENTER);
  self->mark_icon = gtk_image_new ();
  gtk_box_append (GTK_BOX (self->mark_badge), self->mark_icon);
  self->mark_label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (self->mark_badge), self->mark_label);
  gtk_box_append (GTK_BOX (line), self->mark_badge);
}

/**
 * qs_compare_cell_view_new:
 *
 * Returns: (transfer floating): a new, empty cell.
 */
GtkWidget *
qs_compare_cell_view_new (void)
{
  return g_object_new (QS_TYPE_COMPARE_CELL_VIEW, NULL);
}

const char *
qs_compare_status_css_class (QsCheckStatus status)
{
  switch (status)
    {
    case QS_CHECK_MEETS:                return "status-meets";
    case QS_CHECK_FALLS_SHORT:          return "status-falls-short";
    case QS_CHECK_WEAKER_THAN_BASELINE: return "status-weaker-than-baseline";
    case QS_CHECK_PENDING:              return "status-pending";
    case QS_CHECK_NOT_COMPARABLE:       return "status-not-comparable";
    case QS_CHECK_NO_REQUIREMENT:
    default:                            return "status-no-requirement";
    }
}

const char *
qs_compare_status_icon_name (QsCheckStatus status)
{
  switch (status)
    {
    case QS_CHECK_MEETS:                return "emblem-ok-symbolic";
    case QS_CHECK_FALLS_SHORT:          return "dialog-error-symbolic";
    case QS_CHECK_WEAKER_THAN_BASELINE: return "dialog-warning-symbolic";
    case QS_CHECK_PENDING:              return "user-status-pending-symbolic";
    case QS_CHECK_NOT_COMPARABLE:       return "dialog-question-symbolic";
    case QS_CHECK_NO_REQUIREMENT:
    default:                            return "action-unavailable-symbolic";
    }
}

void
qs_compare_cell_view_set_cell (QsCompareCellView  *self,
                               QsCompareRow       *row,
                               guint               plan_index,
                               const char         *plan_label,
                               const char * const *notes)
{
  const QsCompareCell *cell = NULL;
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *value = NULL;
  const char *status_text = "";
  gboolean missing = FALSE;

  g_return_if_fail (QS_IS_COMPARE_CELL_VIEW (self));

  clear_classes (self);
  g_clear_pointer (&self->indicator_id, g_free);
  self->plan_index = G_MAXUINT;
  self->mark = NULL;

  if (row != NULL && plan_index < qs_compare_row_get_n_cells (row))
    {
      cell = qs_compare_row_get_cell (row, plan_index);
      self->indicator_id = g_strdup (qs_compare_row_get_indicator_id (row));
      self->plan_index = plan_index;
    }

  if (cell != NULL && (cell->flags & QS_COMPARE_CELL_MISSING))
    {
      missing = TRUE;
      value = g_strdup (_("Missing"));
      status_text = _("Not in the plan");
      self->status_class = "missing";
    }
  else if (cell != NULL && cell->has_status)
    {
      /* As written in the plan, the way the exports print it. */
      if (cell->baseline != NULL && cell->target != NULL)
        value = g_strdup_printf ("%s → %s", cell->baseline, cell->target);
      else
        value = g_strdup (cell->target != NULL ? cell->target : "");
      status_text = qs_check_status_label (cell->status);
      self->status_class = qs_compare_status_css_class (cell->status);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon),
                                    qs_compare_status_icon_name (cell->status));
    }
  else
    {
      value = g_strdup ("—");
      self->status_class = "empty";
    }
  gtk_widget_add_css_class (GTK_WIDGET (self), self->status_class);
  gtk_widget_set_visible (self->status_icon, cell != NULL && !missing && cell->has_status);
  gtk_widget_set_visible (self->missing_badge, missing);
  gtk_label_set_text (GTK_LABEL (self->value_label), value);
  gtk_label_set_text (GTK_LABEL (self->status_label), status_text);

  if (cell != NULL && (cell->flags & (QS_COMPARE_CELL_STRICTEST | QS_COMPARE_CELL_WEAKEST)))
    {
      gboolean strictest = (cell->flags & QS_COMPARE_CELL_STRICTEST) != 0;
      const char *css = strictest ? "strictest" : "weakest";

      self->mark = strictest ? _("Strictest") : _("Weakest");
      gtk_widget_add_css_class (GTK_WIDGET (self), css);
      gtk_widget_add_css_class (self->mark_badge, css);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->mark_icon),
                                    strictest ? "go-top-symbolic" : "go-bottom-symbolic");
      gtk_label_set_text (GTK_LABEL (self->mark_label), self->mark);
      gtk_widget_set_tooltip_text (self->mark_badge,
                                   strictest ? _("Strictest: the strictest target of this row")
                                             : _("Weakest: the weakest target of this row"));
    }
  gtk_widget_set_visible (self->mark_badge, self->mark != NULL);
  if (notes != NULL && notes[0] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "has-notes");
  gtk_widget_set_visible (self->note_icon, notes != NULL && notes[0] != NULL);

  if (cell == NULL)
    {
      gtk_widget_set_tooltip_text (self->button, NULL);
      return;
    }

  /* The tooltip says everything the cell abbreviates. */
  g_string_append_printf (tooltip, "%s · %s", plan_label ? plan_label : "", qs_compare_row_get_name (row));
  if (cell->has_status || missing)
    g_string_append_printf (tooltip, "\n%s", value);
  if (cell->has_status)
    g_string_append_printf (tooltip, "（%s）", qs_check_status_label (cell->status));
  if (cell->reason != NULL && *cell->reason != '\0')
    g_string_append_printf (tooltip, "\n%s", cell->reason);
  else if (!cell->has_status && !missing)
    g_string_append_printf (tooltip, "\n%s", _("The plan has no target for this indicator"));
  if (cell->required != NULL && *cell->required != '\0')
    g_string_append_printf (tooltip, "\n%s%s", _("Municipal requirement: "), cell->required);
  if (self->mark != NULL)
    g_string_append_printf (tooltip, "\n%s",
                            (cell->flags & QS_COMPARE_CELL_STRICTEST)
                              ? _("Strictest: the strictest target of this row")
                              : _("Weakest: the weakest target of this row"));
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_string_append_printf (tooltip, "\n%s%s", _("Review note: "), notes[i]);
  g_string_append_printf (tooltip, "\n%s", _("Click to compare this indicator in a chart"));
  gtk_widget_set_tooltip_text (self->button, tooltip->str);
}

const char *
qs_compare_cell_view_get_text (QsCompareCellView *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_CELL_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->value_label));
}

const char *
qs_compare_cell_view_get_indicator_id (QsCompareCellView *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_CELL_VIEW (self), NULL);
  return self->indicator_id;
}

guint
qs_compare_cell_view_get_plan_index (QsCompareCellView *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_CELL_VIEW (self), G_MAXUINT);
  return self->plan_index;
}

const char *
qs_compare_cell_view_get_status_class (QsCompareCellView *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_CELL_VIEW (self), NULL);
  return self->status_class;
}

const char *
qs_compare_cell_view_get_mark (QsCompareCellView *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_CELL_VIEW (self), NULL);
  return self->mark;
}
