/* qs-compare-window.c: district plans side by side, indicator by indicator.
 *
 * The matrix is two column views sharing one selection and one vertical
 * adjustment: the indicator and the municipal target stay put on the left
 * while the plan columns scroll sideways, so the row being read is always
 * named.  Every row has the same height (ROW_HEIGHT) so that the two lists
 * scroll as one.
 */
#define G_LOG_DOMAIN "qs-compare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qs-catalog.h"
#include "qs-chart-pane.h"
#include "qs-compare-cell-view.h"
#include "qs-compare-export.h"
#include "qs-compare-window.h"
#include "qs-linker.h"
#include "qs-paginator.h"
#include "qs-plan-check.h"
#include "qs-ui.h"

/* Two lines of text and a little air; both column views use it. */
#define ROW_HEIGHT 52

struct _QsCompareWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkToggleButton      *picker_button;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *export_button;
  GtkToggleButton      *chart_button;
  AdwFlap              *flap;
  QsPlanPicker         *picker;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *field_dropdown;
  GtkStringList        *field_list;
  GtkDropDown          *attribute_dropdown;
  GtkStringList        *attribute_list;
  GtkDropDown          *status_dropdown;
  GtkStringList        *status_list;
  GtkDropDown          *sort_dropdown;
  GtkStringList        *sort_list;
  GtkToggleButton      *strictest_button;
  GtkToggleButton      *weakest_button;
  GtkLabel             *summary_label;
  GtkPaned             *paned;
  GtkStack             *matrix_stack;
  GtkScrolledWindow    *indicator_scroll;
  GtkScrolledWindow    *plans_scroll;
  GtkColumnView        *indicator_view;
  GtkColumnView        *plans_view;
  GtkBox               *chart_box;
  GtkLabel             *chart_title;
  GtkBox               *legend_box;

  QsWorkspace          *workspace;
  QsCatalog            *catalog;
  QsCompareMatrix      *matrix;
  GHashTable           *plan_cache;     /* gint64 * id → QsPlan, linked */
  GListStore           *plans;          /* of QsPlan, the picker's order */
  GtkStringFilter      *search_filter;
  GtkFilterListModel   *search_model;
  GtkSingleSelection   *selection;
  GPtrArray            *field_values;   /* per field_list item; [0] NULL */
  GPtrArray            *sort_ids;       /* per sort_list item; [0] NULL */
  GtkWidget            *chart_pane;
  char                 *chart_indicator;
  guint                 chart_plan;
  guint                 updating;
  gboolean              syncing_scroll;
  GtkAdjustment        *scrolled;       /* the adjustment the user moved */
  guint                 sync_scroll_id;
};

G_DEFINE_FINAL_TYPE (QsCompareWindow, qs_compare_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status drop-down: ids for qs_compare_matrix_set_status_filter. */
static const char * const status_ids[] = {
  NULL, "falls-short", "weaker-than-baseline", "missing", "pending", "not-comparable",
};

static const char * const attribute_values[] = { NULL, "约束性", "预期性" };

static void rebuild_matrix     (QsCompareWindow *self);
static void show_chart         (QsCompareWindow *self,
                                const char      *indicator,
                                guint            plan_index);

/* Helpers */

static void
toast (QsCompareWindow *self,
       const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_error_dialog (QsCompareWindow *self,
                   const char      *heading,
                   const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static QsPlan *
load_plan (QsCompareWindow  *self,
           gint64            id,
           GError          **error)
{
  QsPlan *plan = g_hash_table_lookup (self->plan_cache, &id);
  gint64 *key;

  if (plan != NULL)
    return plan;
  plan = qs_workspace_load_plan (self->workspace, id, error);
  if (plan == NULL)
    return NULL;
  /* Our own copy: linking rows to the catalog in memory is free and
   * changes nothing stored, as `qingshan-cli compare` does. */
  qs_linker_link_plan (self->catalog, plan, QS_LINK_DEFAULT, NULL);
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (self->plan_cache, key, plan);
  return plan;
}

static char *
cell_value_text (const char *baseline,
                 const char *target)
{
  if (baseline != NULL && *baseline != '\0' && target != NULL && *target != '\0')
    return g_strdup_printf ("%s → %s", baseline, target);
  if (target != NULL && *target != '\0')
    return g_strdup (target);
  return g_strdup ("—");
}

static void
update_summary (QsCompareWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->search_model));
  guint total = g_list_model_get_n_items (qs_compare_matrix_get_all_rows (self->matrix));
  guint n_plans = qs_compare_matrix_get_n_plans (self->matrix);
  QsPlan *municipal = qs_compare_matrix_get_municipal (self->matrix);
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: counts of indicator rows shown / in the matrix, and of plans. */
  summary = g_strdup_printf (_("Indicators: %u of %u  ·  Plans: %u  ·  Click a cell to chart the indicator"),
                             shown, total, n_plans);
  gtk_label_set_text (self->summary_label, summary);

  if (municipal != NULL)
    {
      g_autofree char *period = qs_plan_dup_period_string (municipal);

      /* Translators: the municipal plan the districts are checked against, and its period. */
      subtitle = g_strdup_printf (_("Against %s (%s)"), qs_plan_get_title (municipal), period);
    }
  else if (n_plans > 0)
    subtitle = g_strdup (_("No municipal plan: baselines only"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  if (n_plans == 0)
    gtk_stack_set_visible_child_name (self->matrix_stack, "no-plans");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->matrix_stack, "no-rows");
  else
    gtk_stack_set_visible_child_name (self->matrix_stack, "matrix");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), n_plans > 0);
}

/* Cell factories */

static GtkWidget *
fixed_height_box (const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_size_request (box, -1, ROW_HEIGHT);
  gtk_widget_add_css_class (box, css_class);
  return box;
}

static GtkWidget *
ellipsized_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GMenuModel *
row_menu (const char *indicator_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("Order Plans Strictest First"), NULL);
  g_menu_item_set_action_and_target (item, "compare.sort-by", "(sb)", indicator_id, FALSE);
  g_menu_append_item (section, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Order Plans Weakest First"), NULL);
  g_menu_item_set_action_and_target (item, "compare.sort-by", "(sb)", indicator_id, TRUE);
  g_menu_append_item (section, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  item = g_menu_item_new (_("Compare in a Chart"), NULL);
  g_menu_item_set_action_and_target (item, "compare.show-chart", "s", indicator_id);
  g_menu_append_item (menu, item);
  return G_MENU_MODEL (menu);
}

static void
setup_indicator_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QsCompareWindow          *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line, *name, *meta, *badge, *menu;

  /* Name over attribute, unit and field; the row's menu beside both. */
  gtk_widget_set_size_request (row, -1, ROW_HEIGHT);
  gtk_widget_add_css_class (row, "compare-indicator");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), box);

  name = ellipsized_label ("name");
  gtk_box_append (GTK_BOX (box), name);
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), line);
  badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (badge, "attribute-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), badge);
  meta = ellipsized_label ("meta");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (line), meta);

  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Order the plans by this indicator, or chart it"));
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_add_css_class (menu, "row-menu");
  gtk_box_append (GTK_BOX (row), menu);

  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  g_object_set_data (G_OBJECT (row), "meta", meta);
  g_object_set_data (G_OBJECT (row), "menu", menu);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_indicator_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   QsCompareWindow          *self)
{
  QsCompareRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *badge = g_object_get_data (G_OBJECT (box), "badge");
  const char *unit = qs_compare_row_get_unit (row);
  const char *field = qs_compare_row_get_field (row);
  const char *attribute = qs_compare_row_get_attribute (row);
  g_autoptr(GMenuModel) menu = row_menu (qs_compare_row_get_indicator_id (row));
  g_autofree char *meta = NULL;
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), qs_compare_row_get_name (row));
  if (unit != NULL && *unit != '\0')
    meta = g_strdup_printf ("%s · %s", unit, field ? field : "");
  else
    meta = g_strdup (field ? field : "");
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "meta"), meta);
  gtk_label_set_text (GTK_LABEL (badge), attribute ? attribute : "");
  gtk_widget_set_visible (badge, attribute != NULL && *attribute != '\0');
  if (qs_compare_row_get_binding (row))
    gtk_widget_add_css_class (badge, "binding");
  else
    gtk_widget_remove_css_class (badge, "binding");
  gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (box), "menu"), menu);

  /* Translators: indicator name, its catalog id, unit, field and attribute. */
  tooltip = g_strdup_printf (_("%s (%s)\nUnit: %s  ·  Field: %s  ·  %s"), qs_compare_row_get_name (row),
                             qs_compare_row_get_indicator_id (row), unit ? unit : "—", field ? field : "—",
                             attribute ? attribute : "—");
  gtk_widget_set_tooltip_text (box, tooltip);
}

static void
setup_municipal_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QsCompareWindow          *self)
{
  GtkWidget *box = fixed_height_box ("compare-municipal");
  GtkWidget *label = ellipsized_label ("value");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_municipal_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   QsCompareWindow          *self)
{
  QsCompareRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  const char *baseline = qs_compare_row_get_municipal_baseline (row);
  const char *target = qs_compare_row_get_municipal_target (row);
  g_autofree char *text = cell_value_text (baseline, target);
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  if (target != NULL)
    /* Translators: the municipal plan's baseline and target of a row. */
    tooltip = g_strdup_printf (_("Municipal baseline: %s\nMunicipal target: %s"),
                               baseline ? baseline : "—", target);
  else
    tooltip = g_strdup (_("The municipal plan sets no target for this indicator"));
  gtk_widget_set_tooltip_text (box, tooltip);
  if (target == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
setup_requirement_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      QsCompareWindow          *self)
{
  GtkWidget *box = fixed_height_box ("compare-requirement");
  GtkWidget *label = ellipsized_label (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_requirement_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     QsCompareWindow          *self)
{
  QsCompareRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  const char *requirement = qs_compare_row_get_requirement (row);
  gboolean has = requirement != NULL && *requirement != '\0';
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (GTK_LABEL (label), has ? requirement : "—");
  if (has)
    {
      /* One requirement per line in the tooltip. */
      g_auto(GStrv) parts = g_strsplit (requirement, "；", -1);

      tooltip = g_strjoinv ("\n", parts);
    }
  gtk_widget_set_tooltip_text (box, tooltip);
  if (has)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
cell_activated_cb (QsCompareCellView *cell,
                   QsCompareWindow   *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (cell), "list-item");
  guint plan_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "plan-index"));
  QsCompareRow *row;

  if (list_item == NULL || (row = gtk_list_item_get_item (list_item)) == NULL)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                   gtk_list_item_get_position (list_item), TRUE);
  show_chart (self, qs_compare_row_get_indicator_id (row), plan_index);
}

static void
setup_plan_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QsCompareWindow          *self)
{
  GtkWidget *cell = qs_compare_cell_view_new ();

  gtk_widget_set_size_request (cell, -1, ROW_HEIGHT);
  g_object_set_data (G_OBJECT (cell), "list-item", list_item);
  g_object_set_data (G_OBJECT (cell), "plan-index", g_object_get_data (G_OBJECT (factory), "plan-index"));
  g_signal_connect (cell, "activate-cell", G_CALLBACK (cell_activated_cb), self);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_plan_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   QsCompareWindow          *self)
{
  QsCompareRow *row = gtk_list_item_get_item (list_item);
  guint plan_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "plan-index"));
  const char *label = NULL;

  const char * const *notes = NULL;

  if (plan_index < qs_compare_matrix_get_n_plans (self->matrix))
    label = qs_compare_matrix_get_plan_label (self->matrix, plan_index);
  if (plan_index < qs_compare_row_get_n_cells (row))
    notes = qs_compare_row_get_cell_notes (row, plan_index);
  qs_compare_cell_view_set_cell (QS_COMPARE_CELL_VIEW (gtk_list_item_get_child (list_item)), row, plan_index,
                                 label, notes);
}

static void
unbind_plan_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     QsCompareWindow          *self)
{
  qs_compare_cell_view_set_cell (QS_COMPARE_CELL_VIEW (gtk_list_item_get_child (list_item)), NULL, 0,
                                 NULL, NULL);
}

static GtkColumnViewColumn *
new_column (QsCompareWindow *self,
            const char      *title,
            GCallback        setup,
            GCallback        bind,
            GCallback        unbind,
            int              width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

static void
remove_columns (GtkColumnView *view,
                guint          keep)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > keep)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, keep);

      gtk_column_view_remove_column (view, column);
    }
}

/* One column per plan, in the matrix's order (after a build or a sort). */
static void
rebuild_plan_columns (QsCompareWindow *self)
{
  guint n_plans = qs_compare_matrix_get_n_plans (self->matrix);

  remove_columns (self->plans_view, 1);
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkListItemFactory *factory;

      column = new_column (self, qs_compare_matrix_get_plan_label (self->matrix, i),
                           G_CALLBACK (setup_plan_cell_cb), G_CALLBACK (bind_plan_cell_cb),
                           G_CALLBACK (unbind_plan_cell_cb), 170);
      /* A few plans share the width; many scroll sideways. */
      gtk_column_view_column_set_expand (column, TRUE);
      factory = gtk_column_view_column_get_factory (column);
      g_object_set_data (G_OBJECT (factory), "plan-index", GUINT_TO_POINTER (i));
      gtk_column_view_append_column (self->plans_view, column);
    }
}

/* The sort drop-down lists the indicators some plan gives a comparable level. */
static void
refresh_sort_list (QsCompareWindow *self)
{
  GListModel *rows = qs_compare_matrix_get_all_rows (self->matrix);
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);
  g_autofree char *keep = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->sort_ids->len)
    keep = g_strdup (g_ptr_array_index (self->sort_ids, selected));

  g_ptr_array_set_size (self->sort_ids, 0);
  g_ptr_array_add (self->sort_ids, NULL);
  g_ptr_array_add (names, (gpointer) _("Selection Order"));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsCompareRow) row = g_list_model_get_item (rows, i);
      gboolean ranked = FALSE;

      for (guint c = 0; c < qs_compare_row_get_n_cells (row) && !ranked; c++)
        ranked = qs_compare_row_get_cell (row, c)->has_level;
      if (!ranked)
        continue;
      if (g_strcmp0 (keep, qs_compare_row_get_indicator_id (row)) == 0)
        new_selected = self->sort_ids->len;
      g_ptr_array_add (self->sort_ids, g_strdup (qs_compare_row_get_indicator_id (row)));
      g_ptr_array_add (names, (gpointer) qs_compare_row_get_name (row));
    }
  g_ptr_array_add (names, NULL);

  self->updating++;
  gtk_string_list_splice (self->sort_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sort_list)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->sort_dropdown, new_selected);
  self->updating--;
}

/* Builds the matrix of the plans in the picker's order, then orders the
 * columns as the sort drop-down says. */
static void
build_and_sort (QsCompareWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);
  const char *indicator = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->sort_ids->len)
    indicator = g_ptr_array_index (self->sort_ids, selected);

  qs_compare_matrix_set_requirements (self->matrix, qs_plan_picker_get_requirements (self->picker));
  qs_compare_matrix_build (self->matrix, G_LIST_MODEL (self->plans), qs_plan_picker_get_municipal (self->picker));
  if (indicator != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!qs_compare_matrix_sort_plans (self->matrix, indicator,
                                         gtk_toggle_button_get_active (self->weakest_button), &error))
        toast (self, error->message);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->strictest_button), indicator != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->weakest_button), indicator != NULL);
  rebuild_plan_columns (self);
  update_summary (self);
  if (self->chart_indicator != NULL)
    {
      g_autofree char *indicator_id = g_strdup (self->chart_indicator);

      show_chart (self, indicator_id, G_MAXUINT);
    }
}

static void
rebuild_matrix (QsCompareWindow *self)
{
  g_autoptr(GArray) ids = qs_plan_picker_dup_selected_ids (self->picker);
  QsPlan *municipal = qs_plan_picker_get_municipal (self->picker);

  g_list_store_remove_all (self->plans);
  for (guint i = 0; self->workspace != NULL && i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      QsPlan *plan = load_plan (self, g_array_index (ids, gint64, i), &error);

      if (plan == NULL)
        {
          toast (self, error->message);
          continue;
        }
      g_list_store_append (self->plans, plan);
    }
  if (municipal != NULL)
    qs_linker_link_plan (self->catalog, municipal, QS_LINK_DEFAULT, NULL);

  build_and_sort (self);
  refresh_sort_list (self);
}

/* Chart */

/* The chart pane (ui/qs-chart-pane.h) is made here only, when first shown. */
static GtkWidget *
create_chart_pane (QsCompareWindow *self)
{
  GtkWidget *pane = qs_chart_pane_new ();

  qs_chart_pane_set_workspace (QS_CHART_PANE (pane), self->workspace);
  qs_chart_pane_set_kind (QS_CHART_PANE (pane), "compare");
  return pane;
}

static void
update_chart_pane (QsCompareWindow *self)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_plans = qs_compare_matrix_get_n_plans (self->matrix);

  for (guint i = 0; i < n_plans; i++)
    g_ptr_array_add (plans, g_object_ref (qs_compare_matrix_get_plan (self->matrix, i)));
  qs_chart_pane_set_plans (QS_CHART_PANE (self->chart_pane), plans);
  if (self->chart_plan < n_plans)
    qs_chart_pane_set_plan (QS_CHART_PANE (self->chart_pane),
                            qs_compare_matrix_get_plan (self->matrix, self->chart_plan));
  qs_chart_pane_set_indicator (QS_CHART_PANE (self->chart_pane), self->chart_indicator);
}

static void
hide_chart (QsCompareWindow *self)
{
  g_clear_pointer (&self->chart_indicator, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_box), FALSE);
  self->updating++;
  gtk_toggle_button_set_active (self->chart_button, FALSE);
  self->updating--;
}

static void
show_chart (QsCompareWindow *self,
            const char      *indicator,
            guint            plan_index)
{
  QsCompareRow *row = qs_compare_matrix_find_row (self->matrix, indicator);
  gboolean was_visible = gtk_widget_get_visible (GTK_WIDGET (self->chart_box));

  if (row == NULL)
    {
      hide_chart (self);
      return;
    }
  if (self->chart_pane == NULL)
    {
      self->chart_pane = create_chart_pane (self);
      gtk_widget_set_vexpand (self->chart_pane, TRUE);
      gtk_box_append (self->chart_box, self->chart_pane);
    }
  g_free (self->chart_indicator);
  self->chart_indicator = g_strdup (qs_compare_row_get_indicator_id (row));
  self->chart_plan = plan_index;

  /* The pane titles the chart itself; the strip above it says how to
   * change it. */
  gtk_label_set_text (self->chart_title, _("Click another cell to chart its indicator"));
  update_chart_pane (self);

  gtk_widget_set_visible (GTK_WIDGET (self->chart_box), TRUE);
  if (!was_visible)
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

      /* The chart needs room for its bars; the matrix keeps the rest. */
      if (height > 0)
        gtk_paned_set_position (self->paned, MAX (height - 460, height * 2 / 5));
    }
  self->updating++;
  gtk_toggle_button_set_active (self->chart_button, TRUE);
  self->updating--;
}

/* Callbacks */

static void
picker_changed_cb (QsCompareWindow *self)
{
  rebuild_matrix (self);
}

static void
search_changed_cb (QsCompareWindow *self)
{
  gtk_string_filter_set_search (self->search_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_summary (self);
}

static void
filters_changed_cb (QsCompareWindow *self)
{
  guint field = gtk_drop_down_get_selected (self->field_dropdown);
  guint attribute = gtk_drop_down_get_selected (self->attribute_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->updating > 0)
    return;
  qs_compare_matrix_set_field_filter (self->matrix, field < self->field_values->len
                                                      ? g_ptr_array_index (self->field_values, field) : NULL);
  if (!qs_compare_matrix_set_attribute_filter (self->matrix, attribute < G_N_ELEMENTS (attribute_values)
                                                               ? attribute_values[attribute] : NULL, &error) ||
      !qs_compare_matrix_set_status_filter (self->matrix, status < G_N_ELEMENTS (status_ids)
                                                            ? status_ids[status] : NULL, &error))
    toast (self, error->message);
  update_summary (self);
}

static void
sort_changed_cb (QsCompareWindow *self)
{
  if (self->updating > 0)
    return;
  build_and_sort (self);
}

static void
row_activated_cb (GtkColumnView   *view,
                  guint            position,
                  QsCompareWindow *self)
{
  g_autoptr(QsCompareRow) row = g_list_model_get_item (G_LIST_MODEL (self->search_model), position);

  if (row != NULL)
    show_chart (self, qs_compare_row_get_indicator_id (row), G_MAXUINT);
}

static void
chart_toggled_cb (QsCompareWindow *self)
{
  g_autoptr(QsCompareRow) row = NULL;
  guint position;

  if (self->updating > 0)
    return;
  if (!gtk_toggle_button_get_active (self->chart_button))
    {
      hide_chart (self);
      return;
    }
  /* The selected row, else the first one shown. */
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  row = g_list_model_get_item (G_LIST_MODEL (self->search_model), position);
  if (row != NULL)
    show_chart (self, qs_compare_row_get_indicator_id (row), G_MAXUINT);
  else
    hide_chart (self);
}

static gboolean
sync_scroll_idle (gpointer user_data)
{
  QsCompareWindow *self = user_data;
  GtkAdjustment *plans = gtk_scrolled_window_get_vadjustment (self->plans_scroll);
  GtkAdjustment *indicators = gtk_scrolled_window_get_vadjustment (self->indicator_scroll);
  GtkAdjustment *other = self->scrolled == plans ? indicators : plans;

  self->sync_scroll_id = 0;
  self->syncing_scroll = TRUE;
  gtk_adjustment_set_value (other, gtk_adjustment_get_value (self->scrolled));
  self->syncing_scroll = FALSE;
  return G_SOURCE_REMOVE;
}

static void
sync_scroll_cb (GtkAdjustment   *adjustment,
                QsCompareWindow *self)
{
  if (self->syncing_scroll)
    return;
  /* Lists move their adjustments while they are laid out, too: scrolling
   * the other one then would ask for a layout in the middle of one.  The
   * idle runs before the next frame is drawn. */
  self->scrolled = adjustment;
  if (self->sync_scroll_id == 0)
    self->sync_scroll_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, sync_scroll_idle, self, NULL);
}

static void
workspace_changed_cb (QsCompareWindow *self,
                      gint64           id)
{
  if (id == 0)
    g_hash_table_remove_all (self->plan_cache);
  else
    g_hash_table_remove (self->plan_cache, &id);
  qs_plan_picker_reload (self->picker);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    QsCompareWindow *self)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (qs_compare_window_export (self, format, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a toast after the matrix was written to a file. */
          g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);

          toast (self, text);
        }
      else
        show_error_dialog (self, _("Cannot Export the Comparison"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QsCompareWindow *self = QS_COMPARE_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);
  GtkFileChooserNative *chooser;
  const char *title;

  if (g_strcmp0 (format, "csv") == 0)
    {
      title = _("Export the Comparison as CSV");
      gtk_file_filter_set_name (filter, _("CSV (Excel, WPS, LibreOffice)"));
    }
  else if (g_strcmp0 (format, "json") == 0)
    {
      title = _("Export the Comparison as JSON");
      gtk_file_filter_set_name (filter, _("JSON"));
    }
  else if (g_strcmp0 (format, "pdf") == 0)
    {
      title = _("Export the Comparison as PDF");
      gtk_file_filter_set_name (filter, _("PDF"));
    }
  else
    return;
  gtk_file_filter_add_pattern (filter, pattern);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of an exported comparison, without extension. */
  name = g_strdup_printf ("%s.%s", _("indicator-comparison"), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QsCompareWindow *self = QS_COMPARE_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  qs_compare_window_set_field (self, NULL);
  qs_compare_window_set_attribute (self, NULL);
  qs_compare_window_set_status (self, NULL);
}

static void
hide_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  hide_chart (QS_COMPARE_WINDOW (widget));
}

static void
show_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_chart (QS_COMPARE_WINDOW (widget), g_variant_get_string (parameter, NULL), G_MAXUINT);
}

static void
sort_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QsCompareWindow *self = QS_COMPARE_WINDOW (widget);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(QsCompareRow) row = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    row = g_list_model_get_item (G_LIST_MODEL (self->search_model), position);
  if (row == NULL)
    {
      toast (self, _("Select an indicator’s row first"));
      return;
    }
  if (!qs_compare_window_sort_plans (self, qs_compare_row_get_indicator_id (row),
                                     g_variant_get_boolean (parameter)))
    toast (self, _("No plan gives this indicator a target that can be ranked"));
}

static void
sort_by_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *indicator = NULL;
  gboolean weakest_first = FALSE;

  g_variant_get (parameter, "(&sb)", &indicator, &weakest_first);
  qs_compare_window_sort_plans (QS_COMPARE_WINDOW (widget), indicator, weakest_first);
}

/* Set-up */

static void
fill_filter_lists (QsCompareWindow *self)
{
  GListModel *entries = qs_catalog_get_entries (self->catalog);

  /* The catalog's fields, in its order. */
  g_ptr_array_add (self->field_values, NULL);
  gtk_string_list_append (self->field_list, _("All Fields"));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);
      const char *field = qs_catalog_entry_get_field (entry);
      gboolean seen = FALSE;

      if (field == NULL || *field == '\0')
        continue;
      for (guint f = 1; f < self->field_values->len && !seen; f++)
        seen = g_strcmp0 (g_ptr_array_index (self->field_values, f), field) == 0;
      if (seen)
        continue;
      g_ptr_array_add (self->field_values, g_strdup (field));
      gtk_string_list_append (self->field_list, field);
    }

  gtk_string_list_append (self->attribute_list, _("All Attributes"));
  gtk_string_list_append (self->attribute_list, C_("attribute", "Binding"));
  gtk_string_list_append (self->attribute_list, C_("attribute", "Expected"));

  gtk_string_list_append (self->status_list, _("All Results"));
  gtk_string_list_append (self->status_list, _("Some Plan Falls Short"));
  gtk_string_list_append (self->status_list, _("Some Plan Below Its Baseline"));
  gtk_string_list_append (self->status_list, _("Some Plan Lacks It"));
  gtk_string_list_append (self->status_list, _("Some Plan Awaits Figures"));
  gtk_string_list_append (self->status_list, _("Some Plan Not Comparable"));
}

static void
add_legend_item (QsCompareWindow *self,
                 const char      *icon_name,
                 const char      *badge,
                 const char      *text,
                 const char      *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "legend-item");
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  if (badge != NULL)
    {
      label = gtk_label_new (badge);
      gtk_widget_add_css_class (label, css_class);
      gtk_box_append (GTK_BOX (box), label);
    }
  label = gtk_label_new (text);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->legend_box, box);
}

static void
fill_legend (QsCompareWindow *self)
{
  static const struct { QsCheckStatus status; const char *css; } statuses[] = {
    { QS_CHECK_MEETS, "meets" },
    { QS_CHECK_FALLS_SHORT, "bad" },
    { QS_CHECK_WEAKER_THAN_BASELINE, "bad" },
    { QS_CHECK_PENDING, "pending" },
    { QS_CHECK_NOT_COMPARABLE, "dim" },
    { QS_CHECK_NO_REQUIREMENT, "dim" },
  };
  GtkWidget *badge;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    add_legend_item (self, qs_compare_status_icon_name (statuses[i].status), NULL,
                     qs_check_status_label (statuses[i].status), statuses[i].css);
  add_legend_item (self, NULL, C_("missing indicator badge", "M"), _("Missing"), "missing-badge");

  badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (badge, "mark-badge");
  gtk_widget_add_css_class (badge, "strictest");
  gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name ("go-top-symbolic"));
  gtk_box_append (GTK_BOX (badge), gtk_label_new (_("Strictest")));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (badge, 8);
  gtk_box_append (self->legend_box, badge);
  badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (badge, "mark-badge");
  gtk_widget_add_css_class (badge, "weakest");
  gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name ("go-bottom-symbolic"));
  gtk_box_append (GTK_BOX (badge), gtk_label_new (_("Weakest")));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (self->legend_box, badge);
}

static void
load_style (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, QS_RESOURCE_PATH "/ui/qs-compare-window.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
setup_views (QsCompareWindow *self)
{
  g_autoptr(GtkColumnViewColumn) indicator = NULL;
  g_autoptr(GtkColumnViewColumn) municipal = NULL;
  g_autoptr(GtkColumnViewColumn) requirement = NULL;
  g_autoptr(GMenu) header_menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  GtkExpression *name;

  /* The search narrows the matrix's filtered rows by indicator name. */
  name = gtk_property_expression_new (QS_TYPE_COMPARE_ROW, NULL, "name");
  self->search_filter = gtk_string_filter_new (name);
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);
  self->search_model = gtk_filter_list_model_new (g_object_ref (qs_compare_matrix_get_rows (self->matrix)),
                                                  g_object_ref (GTK_FILTER (self->search_filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->search_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  gtk_column_view_set_model (self->indicator_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->plans_view, GTK_SELECTION_MODEL (self->selection));

  indicator = new_column (self, _("Indicator"), G_CALLBACK (setup_indicator_cb), G_CALLBACK (bind_indicator_cb),
                          NULL, 270);
  /* The indicator header's menu orders the plans by the selected row. */
  header_menu = g_menu_new ();
  item = g_menu_item_new (_("Order Plans by the Selected Indicator, Strictest First"), NULL);
  g_menu_item_set_action_and_target (item, "compare.sort-selected", "b", FALSE);
  g_menu_append_item (header_menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Order Plans by the Selected Indicator, Weakest First"), NULL);
  g_menu_item_set_action_and_target (item, "compare.sort-selected", "b", TRUE);
  g_menu_append_item (header_menu, item);
  gtk_column_view_column_set_header_menu (indicator, G_MENU_MODEL (header_menu));
  gtk_column_view_append_column (self->indicator_view, indicator);
  municipal = new_column (self, _("Municipal Target"), G_CALLBACK (setup_municipal_cb),
                          G_CALLBACK (bind_municipal_cb), NULL, 110);
  gtk_column_view_append_column (self->indicator_view, municipal);
  requirement = new_column (self, _("Municipal Requirement"), G_CALLBACK (setup_requirement_cb),
                            G_CALLBACK (bind_requirement_cb), NULL, 190);
  gtk_column_view_append_column (self->plans_view, requirement);

  /* One vertical scroll for both halves.  Each list keeps its own
   * adjustment (a shared one would be set by one list to a range the
   * other has not reached yet); the values follow each other. */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->plans_scroll), "value-changed",
                           G_CALLBACK (sync_scroll_cb), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->indicator_scroll), "value-changed",
                           G_CALLBACK (sync_scroll_cb), self, 0);

  g_signal_connect (self->indicator_view, "activate", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->plans_view, "activate", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_object (self->search_model, "items-changed", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return gtk_widget_grab_focus (GTK_WIDGET (QS_COMPARE_WINDOW (widget)->search_entry));
}

/* GObject */

static void
qs_compare_window_constructed (GObject *object)
{
  QsCompareWindow *self = QS_COMPARE_WINDOW (object);

  G_OBJECT_CLASS (qs_compare_window_parent_class)->constructed (object);

  if (self->workspace != NULL)
    g_signal_connect_object (self->workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->picker, "changed", G_CALLBACK (picker_changed_cb), self, G_CONNECT_SWAPPED);
  qs_plan_picker_set_workspace (self->picker, self->workspace);
}

static void
qs_compare_window_dispose (GObject *object)
{
  QsCompareWindow *self = QS_COMPARE_WINDOW (object);

  if (self->indicator_view != NULL)
    {
      gtk_column_view_set_model (self->indicator_view, NULL);
      gtk_column_view_set_model (self->plans_view, NULL);
    }
  g_clear_handle_id (&self->sync_scroll_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->search_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->matrix);
  g_clear_object (&self->plans);
  g_clear_pointer (&self->plan_cache, g_hash_table_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->field_values, g_ptr_array_unref);
  g_clear_pointer (&self->sort_ids, g_ptr_array_unref);
  g_clear_pointer (&self->chart_indicator, g_free);
  self->chart_pane = NULL;
  G_OBJECT_CLASS (qs_compare_window_parent_class)->dispose (object);
}

static void
qs_compare_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QsCompareWindow *self = QS_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_compare_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QsCompareWindow *self = QS_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_set_object (&self->workspace, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_compare_window_class_init (QsCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qs_compare_window_constructed;
  object_class->dispose = qs_compare_window_dispose;
  object_class->get_property = qs_compare_window_get_property;
  object_class->set_property = qs_compare_window_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, QS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QS_TYPE_PLAN_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, QS_RESOURCE_PATH "/ui/qs-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, picker_button);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, chart_button);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, picker);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, field_list);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, attribute_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, attribute_list);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, status_list);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, sort_list);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, strictest_button);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, weakest_button);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, matrix_stack);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, indicator_scroll);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, plans_scroll);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, indicator_view);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, plans_view);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, chart_box);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, chart_title);
  gtk_widget_class_bind_template_child (widget_class, QsCompareWindow, legend_box);

  gtk_widget_class_install_action (widget_class, "compare.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "compare.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "compare.hide-chart", NULL, hide_chart_action);
  gtk_widget_class_install_action (widget_class, "compare.show-chart", "s", show_chart_action);
  gtk_widget_class_install_action (widget_class, "compare.sort-by", "(sb)", sort_by_action);
  gtk_widget_class_install_action (widget_class, "compare.sort-selected", "b", sort_selected_action);
  /* Ctrl+F finds an indicator, as in the main window. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
}

static void
qs_compare_window_init (QsCompareWindow *self)
{
  g_autoptr(GError) error = NULL;

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->plans = g_list_store_new (QS_TYPE_PLAN);
  self->field_values = g_ptr_array_new_with_free_func (g_free);
  self->sort_ids = g_ptr_array_new_with_free_func (g_free);
  self->chart_plan = G_MAXUINT;

  self->catalog = qs_catalog_new_default (&error);
  if (self->catalog == NULL)
    g_error ("The built-in indicator catalog cannot be read: %s", error->message);
  self->matrix = qs_compare_matrix_new (self->catalog);

  fill_filter_lists (self);
  fill_legend (self);
  setup_views (self);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->field_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attribute_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->weakest_button, "toggled", G_CALLBACK (sort_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_button, "toggled", G_CALLBACK (chart_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * qs_compare_window_new:
 * @app: (nullable): the application
 * @workspace: (nullable): the workspace whose plans are compared
 *
 * Returns: (transfer floating): a new comparison window.
 */
GtkWidget *
qs_compare_window_new (GtkApplication *app,
                       QsWorkspace    *workspace)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace), NULL);

  return g_object_new (QS_TYPE_COMPARE_WINDOW,
                       "application", app,
                       "workspace", workspace,
                       NULL);
}

void
qs_compare_window_select_plans (QsCompareWindow *self,
                                const gint64    *ids,
                                guint            n)
{
  g_return_if_fail (QS_IS_COMPARE_WINDOW (self));
  qs_plan_picker_select_ids (self->picker, ids, n);
}

QsWorkspace *
qs_compare_window_get_workspace (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);
  return self->workspace;
}

QsPlanPicker *
qs_compare_window_get_picker (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);
  return self->picker;
}

QsCompareMatrix *
qs_compare_window_get_matrix (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);
  return self->matrix;
}

GListModel *
qs_compare_window_get_rows (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);
  return G_LIST_MODEL (self->search_model);
}

GtkColumnView *
qs_compare_window_get_indicator_view (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);
  return self->indicator_view;
}

GtkColumnView *
qs_compare_window_get_plans_view (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);
  return self->plans_view;
}

guint
qs_compare_window_get_n_plan_columns (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), 0);
  /* The first scrolled column is the municipal requirement. */
  return g_list_model_get_n_items (gtk_column_view_get_columns (self->plans_view)) - 1;
}

const char *
qs_compare_window_get_plan_column_title (QsCompareWindow *self,
                                         guint            index)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);

  column = g_list_model_get_item (gtk_column_view_get_columns (self->plans_view), index + 1);
  return column != NULL ? gtk_column_view_column_get_title (column) : NULL;
}

gboolean
qs_compare_window_set_field (QsCompareWindow *self,
                             const char      *field)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), FALSE);

  for (guint i = 0; i < self->field_values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->field_values, i), field) == 0)
      {
        gtk_drop_down_set_selected (self->field_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
qs_compare_window_set_attribute (QsCompareWindow *self,
                                 const char      *attribute)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (attribute_values); i++)
    if (g_strcmp0 (attribute_values[i], attribute) == 0)
      {
        gtk_drop_down_set_selected (self->attribute_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
qs_compare_window_set_status (QsCompareWindow *self,
                              const char      *status)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (status_ids[i], status) == 0)
      {
        gtk_drop_down_set_selected (self->status_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
qs_compare_window_set_search_text (QsCompareWindow *self,
                                   const char      *text)
{
  g_return_if_fail (QS_IS_COMPARE_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* The entry reports changes after a delay; the caller wants them now. */
  search_changed_cb (self);
}

gboolean
qs_compare_window_sort_plans (QsCompareWindow *self,
                              const char      *indicator,
                              gboolean         weakest_first)
{
  QsCompareRow *row = NULL;
  guint index = 0;

  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), FALSE);

  if (indicator != NULL)
    {
      row = qs_compare_matrix_find_row (self->matrix, indicator);
      if (row == NULL)
        return FALSE;
      for (index = 1; index < self->sort_ids->len; index++)
        if (g_strcmp0 (g_ptr_array_index (self->sort_ids, index), qs_compare_row_get_indicator_id (row)) == 0)
          break;
      /* No plan gives the indicator a comparable level: nothing to order by. */
      if (index == self->sort_ids->len)
        return FALSE;
    }
  self->updating++;
  gtk_toggle_button_set_active (weakest_first ? self->weakest_button : self->strictest_button, TRUE);
  gtk_drop_down_set_selected (self->sort_dropdown, index);
  self->updating--;
  build_and_sort (self);
  return TRUE;
}

void
qs_compare_window_show_chart (QsCompareWindow *self,
                              const char      *indicator,
                              guint            plan_index)
{
  g_return_if_fail (QS_IS_COMPARE_WINDOW (self));

  if (indicator == NULL)
    hide_chart (self);
  else
    show_chart (self, indicator, plan_index);
}

const char *
qs_compare_window_get_chart_indicator (QsCompareWindow *self)
{
  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), NULL);
  return self->chart_indicator;
}

gboolean
qs_compare_window_export (QsCompareWindow  *self,
                          const char       *format,
                          GFile            *file,
                          GError          **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (QS_IS_COMPARE_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_strcmp0 (format, "pdf") == 0)
    {
      g_autoptr(QsPlan) printable = qs_compare_export_plan (self->matrix);
      g_autoptr(QsPaginator) paginator = qs_paginator_new (printable);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Cannot write a PDF to “%s”: choose a file on this computer"), uri);
          return FALSE;
        }
      qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
      qs_paginator_set_orientation (paginator, QS_PAGE_ORIENTATION_LANDSCAPE);
      return qs_paginator_export_pdf (paginator, path, error);
    }

  if (g_strcmp0 (format, "csv") == 0)
    data = qs_compare_export_csv (self->matrix, &length);
  else if (g_strcmp0 (format, "json") == 0)
    data = qs_compare_export_json_data (self->matrix, &length);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown export format “%s” (use csv, json or pdf)"), format);
      return FALSE;
    }
  /* Written to a temporary file and renamed over the old one: never half a file. */
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
