/* qs-chart-pane.c: the chart of one indicator of one plan, beside its table.
 *
 * The pane builds the chart data with the renderers' builders
 * (ui/charts) and hands it to a QsChartView.  Trend and comparison charts
 * overlay the other district plans of the same period found in the
 * workspace and draw the municipal plan's requirement; the comparison
 * colours each district's target by the check (model/qs-check.h).  The
 * open plan itself is never changed: only the workspace copies are linked
 * to the catalog.
 */
#define G_LOG_DOMAIN "qs-chart-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qs-catalog.h"
#include "qs-chart-pane.h"
#include "qs-compare-chart.h"
#include "qs-completion-chart.h"
#include "qs-linker.h"
#include "qs-plan-check.h"
#include "qs-requirement.h"
#include "qs-trend-chart.h"

/* Loading every plan of a big workspace would stall the pane. */
#define MAX_OTHER_PLANS 24

struct _QsChartPane
{
  GtkWidget             parent_instance;

  GtkToggleButton      *trend_button;
  GtkToggleButton      *compare_button;
  GtkToggleButton      *completion_button;
  GtkLabel             *caption_label;
  GtkMenuButton        *export_button;
  GtkStack             *stack;
  QsChartView          *view;
  AdwStatusPage        *empty_page;

  QsWorkspace          *workspace;
  QsPlan               *plan;
  char                 *indicator;
  const char           *kind;        /* interned */
  GPtrArray            *plans;       /* explicit selection, or NULL */
  QsCatalog            *catalog;

  /* From the workspace, loaded on demand. */
  gboolean              loaded;
  GPtrArray            *others;      /* same-period district plans */
  QsPlan               *municipal;
  GListModel           *requirements;

  GtkFileChooserNative *chooser;
  guint                 rebuild_id;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (QsChartPane, qs_chart_pane, GTK_TYPE_WIDGET)

static void rebuild (QsChartPane *self);

/* Helpers */

static void
forget_workspace_plans (QsChartPane *self)
{
  self->loaded = FALSE;
  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_clear_object (&self->municipal);
  g_clear_object (&self->requirements);
}

static gboolean
same_plan (QsPlanSummary *summary,
           QsPlan        *plan)
{
  return g_strcmp0 (summary->title, qs_plan_get_title (plan)) == 0 &&
         g_strcmp0 (summary->region, qs_plan_get_region (plan)) == 0;
}

static void
load_workspace_plans (QsChartPane *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  int start, end;

  if (self->loaded)
    return;
  self->loaded = TRUE;
  self->others = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->workspace == NULL || self->plan == NULL)
    return;

  start = qs_plan_get_start_year (self->plan);
  end = qs_plan_get_end_year (self->plan);
  summaries = qs_workspace_list_plans (self->workspace, &error);
  if (summaries == NULL)
    {
      g_warning ("Cannot list the workspace's plans for the chart: %s", error->message);
      return;
    }
  for (guint i = 0; i < summaries->len && self->others->len < MAX_OTHER_PLANS; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (summaries, i);
      QsPlan *other;

      if (summary->level == QS_PLAN_LEVEL_MUNICIPAL || summary->start_year != start ||
          summary->end_year != end || same_plan (summary, self->plan))
        continue;
      other = qs_workspace_load_plan (self->workspace, summary->id, &error);
      if (other == NULL)
        {
          g_warning ("Cannot load plan %" G_GINT64_FORMAT " for the chart: %s", summary->id, error->message);
          g_clear_error (&error);
          continue;
        }
      /* Our own copy: linking it lets any name of the indicator match. */
      if (self->catalog != NULL)
        qs_linker_link_plan (self->catalog, other, QS_LINK_DEFAULT, NULL);
      g_ptr_array_add (self->others, other);
    }

  self->municipal = qs_plan_check_find_municipal (self->plan, self->workspace, &error);
  if (error != NULL)
    {
      g_warning ("Cannot find the municipal plan for the chart: %s", error->message);
      g_clear_error (&error);
    }
  if (self->municipal != NULL)
    {
      GListStore *requirements = qs_plan_get_requirements (self->municipal);

      if (self->catalog != NULL)
        qs_linker_link_plan (self->catalog, self->municipal, QS_LINK_DEFAULT, NULL);
      if (g_list_model_get_n_items (G_LIST_MODEL (requirements)) > 0)
        self->requirements = G_LIST_MODEL (g_object_ref (requirements));
      else
        {
          g_autofree char *period = qs_plan_dup_period_string (self->municipal);
          g_autofree char *path = qs_requirement_find_data_file (qs_plan_get_region (self->municipal),
                                                                 period);

          if (path != NULL)
            self->requirements = (GListModel *) qs_requirement_list_new_from_file (path, NULL);
        }
    }
}

/* The plans the chart overlays: the reviewer's selection, else the plan
 * first and the other districts of its period. */
static GPtrArray *
chart_plans (QsChartPane *self)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->plans != NULL)
    {
      for (guint i = 0; i < self->plans->len; i++)
        g_ptr_array_add (plans, g_object_ref (g_ptr_array_index (self->plans, i)));
      return plans;
    }
  g_ptr_array_add (plans, g_object_ref (self->plan));
  load_workspace_plans (self);
  for (guint i = 0; i < self->others->len; i++)
    g_ptr_array_add (plans, g_object_ref (g_ptr_array_index (self->others, i)));
  return plans;
}

/* Whether the open plan states any figure of the indicator: without one
 * the pane shows its empty state rather than the other districts. */
static gboolean
plan_has_figures (QsChartPane *self,
                  const char  *id,
                  const char  *name)
{
  g_autoptr(GPtrArray) values = qs_plan_collect_year_values (self->plan, FALSE);

  for (guint i = 0; i < values->len; i++)
    {
      QsYearValue *yv = g_ptr_array_index (values, i);
      double number;

      if (qs_chart_indicator_matches (self->catalog, id, name, qs_year_value_get_indicator_id (yv),
                                      qs_year_value_get_indicator (yv)) &&
          (qs_year_value_get_number (yv, &number) || qs_year_value_get_text (yv) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
show_empty (QsChartPane *self,
            const char  *title,
            const char  *description)
{
  qs_chart_view_set_chart (self->view, NULL, NULL, NULL, NULL, NULL);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  gtk_label_set_text (self->caption_label, "");
}

static void
render_trend_cb (cairo_t       *cr,
                 double         width,
                 double         height,
                 gconstpointer  data,
                 QsChartTrace  *trace)
{
  qs_trend_chart_render_traced (cr, width, height, data, trace);
}

static void
render_compare_cb (cairo_t       *cr,
                   double         width,
                   double         height,
                   gconstpointer  data,
                   QsChartTrace  *trace)
{
  qs_compare_chart_render_traced (cr, width, height, data, trace);
}

static void
render_completion_cb (cairo_t       *cr,
                      double         width,
                      double         height,
                      gconstpointer  data,
                      QsChartTrace  *trace)
{
  qs_completion_chart_render_traced (cr, width, height, data, trace);
}

static void
trend_theme_cb (gpointer            data,
                const QsChartTheme *theme)
{
  ((QsTrendChartData *) data)->theme = theme;
}

static void
compare_theme_cb (gpointer            data,
                  const QsChartTheme *theme)
{
  ((QsCompareChartData *) data)->theme = theme;
}

static void
completion_theme_cb (gpointer            data,
                     const QsChartTheme *theme)
{
  ((QsCompletionChartData *) data)->theme = theme;
}

static void
show_chart (QsChartPane          *self,
            QsChartTracedFunc     render,
            gpointer              data,
            GDestroyNotify        free_data,
            QsChartViewThemeFunc  theme_func,
            const char           *title,
            const char           *description,
            const char           *unit,
            const char           *caption)
{
  qs_chart_view_set_chart (self->view, render, data, free_data, title, description);
  qs_chart_view_set_theme_func (self->view, theme_func);
  qs_chart_view_set_unit (self->view, unit);
  gtk_stack_set_visible_child_name (self->stack, "chart");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  gtk_label_set_text (self->caption_label, caption ? caption : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->caption_label), caption);
}

static char *
municipal_caption (QsChartPane *self,
                   guint        n_plans)
{
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan", "%u plans", n_plans),
                                            n_plans);

  if (self->municipal == NULL || self->plans != NULL)
    return g_steal_pointer (&count);
  /* Translators: "3 plans · against 重庆市…规划" */
  return g_strdup_printf (_("%s · against %s"), count, qs_plan_get_title (self->municipal));
}

static void
rebuild (QsChartPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  if (self->plan == NULL)
    {
      show_empty (self, _("No Plan"), _("Open a plan to see charts of its indicators."));
      return;
    }
  if (self->catalog == NULL)
    {
      show_empty (self, _("No Indicator Catalog"),
                  _("The indicator catalog could not be read, so indicators cannot be matched."));
      return;
    }

  if (self->kind == g_intern_static_string ("completion"))
    {
      QsCompletionChartData *data = qs_completion_chart_data_new_for_plan (self->plan, self->catalog, &error);
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      if (data == NULL)
        {
          show_empty (self, _("No Review of the Last Period"),
                      _("This plan has no table of last period's targets and actual values."));
          return;
        }
      title = g_strdup_printf (_("%s — Completion Chart"), data->title);
      description = qs_completion_chart_describe (data);
      show_chart (self, render_completion_cb, data, (GDestroyNotify) qs_completion_chart_data_free,
                  completion_theme_cb, title, description, NULL, NULL);
      return;
    }

  if (self->indicator == NULL)
    {
      show_empty (self, _("Choose an Indicator"),
                  _("Select a row of an indicator table to chart its figures."));
      return;
    }

  qs_chart_resolve_indicator (self->catalog, self->indicator, &id, &name, NULL);
  if (self->plans == NULL && !plan_has_figures (self, id, name))
    {
      g_autofree char *text =
        g_strdup_printf (_("“%s” has no baseline, target or yearly value in this plan. "
                           "Yearly values stated in the text can be accepted under Yearly Value "
                           "Suggestions."), name);

      show_empty (self, _("No Figures to Draw"), text);
      return;
    }

  {
    g_autoptr(GPtrArray) plans = chart_plans (self);
    g_autofree char *caption = NULL;

    /* An explicit selection is drawn against the municipal plan too. */
    if (self->plans != NULL)
      load_workspace_plans (self);
    caption = municipal_caption (self, plans->len);

    if (self->kind == g_intern_static_string ("compare"))
      {
        QsCompareChartData *data =
          qs_compare_chart_data_new_for_check (plans, self->indicator, self->catalog, self->municipal,
                                               self->requirements, &error);
        g_autofree char *title = NULL;
        g_autofree char *description = NULL;

        if (data == NULL)
          {
            show_empty (self, _("No Figures to Draw"), error->message);
            return;
          }
        title = g_strdup_printf (_("%s — Comparison Chart"), data->indicator);
        description = qs_compare_chart_describe (data);
        show_chart (self, render_compare_cb, data, (GDestroyNotify) qs_compare_chart_data_free,
                    compare_theme_cb, title, description, data->unit, caption);
      }
    else
      {
        QsTrendChartData *data =
          qs_trend_chart_data_new_for_plans (plans, self->indicator, self->catalog, self->municipal, &error);
        g_autofree char *title = NULL;
        g_autofree char *description = NULL;

        if (data == NULL)
          {
            show_empty (self, _("No Figures to Draw"), error->message);
            return;
          }
        title = g_strdup_printf (_("%s — Trend Chart"), data->indicator);
        description = qs_trend_chart_describe (data);
        show_chart (self, render_trend_cb, data, (GDestroyNotify) qs_trend_chart_data_free,
                    trend_theme_cb, title, description, data->unit, caption);
      }
  }
}

static void
sync_kind_buttons (QsChartPane *self)
{
  self->updating = TRUE;
  gtk_toggle_button_set_active (self->trend_button, self->kind == g_intern_static_string ("trend"));
  gtk_toggle_button_set_active (self->compare_button, self->kind == g_intern_static_string ("compare"));
  gtk_toggle_button_set_active (self->completion_button, self->kind == g_intern_static_string ("completion"));
  self->updating = FALSE;
}

/* Callbacks */

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  QsChartPane *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (QsChartPane *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
workspace_changed_cb (QsChartPane *self)
{
  forget_workspace_plans (self);
  queue_rebuild (self);
}

static void
year_values_changed_cb (QsChartPane *self)
{
  queue_rebuild (self);
}

static void
kind_toggled_cb (QsChartPane     *self,
                 GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  if (button == self->compare_button)
    qs_chart_pane_set_kind (self, "compare");
  else if (button == self->completion_button)
    qs_chart_pane_set_kind (self, "completion");
  else
    qs_chart_pane_set_kind (self, "trend");
}

static void
export_response_cb (QsChartPane          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  if (!qs_chart_pane_export (self, path, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Export the Chart"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QsChartPane *self = QS_CHART_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *ext = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", ext);
  g_autofree char *upper = g_ascii_strup (ext, -1);
  g_autofree char *name = NULL;
  const char *title = qs_chart_view_get_title (self->view);

  if (self->chooser != NULL || title == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, upper);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* The title without characters file systems refuse. */
  name = g_strdup_printf ("%s.%s", title, ext);
  g_strdelimit (name, "/\\:*?\"<>| ", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Overrides */

static void
qs_chart_pane_dispose (GObject *object)
{
  QsChartPane *self = QS_CHART_PANE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_CHART_PANE);
  /* The toolbar box is not a bound child: unparent what is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  forget_workspace_plans (self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (qs_chart_pane_parent_class)->dispose (object);
}

static void
qs_chart_pane_finalize (GObject *object)
{
  QsChartPane *self = QS_CHART_PANE (object);

  g_free (self->indicator);
  G_OBJECT_CLASS (qs_chart_pane_parent_class)->finalize (object);
}

static void
qs_chart_pane_class_init (QsChartPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_chart_pane_dispose;
  object_class->finalize = qs_chart_pane_finalize;

  g_type_ensure (QS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/qingshan/Qingshan/ui/qs-chart-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, trend_button);
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, compare_button);
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, completion_button);
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, caption_label);
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, export_button);
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, stack);
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, view);
  gtk_widget_class_bind_template_child (widget_class, QsChartPane, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);

  gtk_widget_class_install_action (widget_class, "chart-pane.export", "s", export_action_cb);
  gtk_widget_class_set_css_name (widget_class, "chartpane");
}

static void
qs_chart_pane_init (QsChartPane *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind = g_intern_static_string ("trend");
  self->catalog = qs_catalog_new_default (&error);
  if (self->catalog == NULL)
    g_warning ("The chart pane cannot read the indicator catalog: %s", error->message);
  rebuild (self);
}

/* Public API */

/**
 * qs_chart_pane_new:
 *
 * Returns: a chart pane showing nothing until a plan and indicator are set.
 */
GtkWidget *
qs_chart_pane_new (void)
{
  return g_object_new (QS_TYPE_CHART_PANE, NULL);
}

void
qs_chart_pane_set_workspace (QsChartPane *self,
                             QsWorkspace *workspace)
{
  g_return_if_fail (QS_IS_CHART_PANE (self));
  g_return_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_changed_cb, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                             G_CONNECT_SWAPPED);
  forget_workspace_plans (self);
  rebuild (self);
}

void
qs_chart_pane_set_plan (QsChartPane *self,
                        QsPlan      *plan)
{
  g_return_if_fail (QS_IS_CHART_PANE (self));
  g_return_if_fail (plan == NULL || QS_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (qs_plan_get_year_values (self->plan), year_values_changed_cb, self);
  g_set_object (&self->plan, plan);
  /* Accepted suggestions and typed-in values show at once. */
  if (plan != NULL)
    g_signal_connect_object (qs_plan_get_year_values (plan), "items-changed",
                             G_CALLBACK (year_values_changed_cb), self, G_CONNECT_SWAPPED);
  forget_workspace_plans (self);
  rebuild (self);
}

void
qs_chart_pane_set_indicator (QsChartPane *self,
                             const char  *indicator)
{
  g_return_if_fail (QS_IS_CHART_PANE (self));

  if (g_strcmp0 (self->indicator, indicator) == 0)
    return;
  g_free (self->indicator);
  self->indicator = indicator && *indicator ? g_strdup (indicator) : NULL;
  rebuild (self);
}

void
qs_chart_pane_set_kind (QsChartPane *self,
                        const char  *kind)
{
  const char *interned;

  g_return_if_fail (QS_IS_CHART_PANE (self));
  g_return_if_fail (kind != NULL);

  interned = g_intern_string (kind);
  if (interned != g_intern_static_string ("trend") && interned != g_intern_static_string ("compare") &&
      interned != g_intern_static_string ("completion"))
    {
      g_critical ("Unknown chart kind “%s” (use trend, compare or completion)", kind);
      return;
    }
  if (self->kind == interned)
    return;
  self->kind = interned;
  sync_kind_buttons (self);
  rebuild (self);
}

const char *
qs_chart_pane_get_kind (QsChartPane *self)
{
  g_return_val_if_fail (QS_IS_CHART_PANE (self), NULL);
  return self->kind;
}

void
qs_chart_pane_set_plans (QsChartPane *self,
                         GPtrArray   *plans)
{
  g_return_if_fail (QS_IS_CHART_PANE (self));

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  if (plans != NULL)
    {
      self->plans = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < plans->len; i++)
        g_ptr_array_add (self->plans, g_object_ref (g_ptr_array_index (plans, i)));
    }
  rebuild (self);
}

QsChartView *
qs_chart_pane_get_view (QsChartPane *self)
{
  g_return_val_if_fail (QS_IS_CHART_PANE (self), NULL);
  return self->view;
}

gboolean
qs_chart_pane_export (QsChartPane  *self,
                      const char   *path,
                      GError      **error)
{
  double width, height;

  g_return_val_if_fail (QS_IS_CHART_PANE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* What the user sees, unless the pane is too small for a report. */
  width = gtk_widget_get_width (GTK_WIDGET (self->view));
  height = gtk_widget_get_height (GTK_WIDGET (self->view));
  if (width < 480 || height < 300)
    {
      width = 900;
      height = 560;
    }
  return qs_chart_view_export (self->view, path, width, height, error);
}

void
qs_chart_pane_refresh (QsChartPane *self)
{
  g_return_if_fail (QS_IS_CHART_PANE (self));
  rebuild (self);
}
