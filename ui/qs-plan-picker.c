/* qs-plan-picker.c: picks the district plans of a workspace to compare. */
#define G_LOG_DOMAIN "qs-plan-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "qs-plan-check.h"
#include "qs-plan-picker.h"
#include "qs-requirement.h"
#include "qs-ui.h"

typedef struct
{
  gint64     id;
  char      *region;
  GtkWidget *check;
} PickerItem;

struct _QsPlanPicker
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkDropDown   *period_dropdown;
  GtkStringList *period_list;
  GtkDropDown   *group_dropdown;
  GtkStringList *group_list;
  GtkLabel      *count_label;
  GtkButton     *all_button;
  GtkButton     *none_button;
  GtkListBox    *list_box;
  GtkLabel      *municipal_label;

  QsWorkspace   *workspace;
  GPtrArray     *summaries;    /* of QsPlanSummary: district and county plans */
  GPtrArray     *periods;      /* of char *, "2021-2025", latest first */
  GPtrArray     *items;        /* of PickerItem, the listed plans */
  QsPlan        *municipal;
  GListModel    *requirements;
  GListStore    *groups;       /* of QsDistrictGroup */
  guint          updating;
};

G_DEFINE_FINAL_TYPE (QsPlanPicker, qs_plan_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
picker_item_free (PickerItem *item)
{
  g_free (item->region);
  g_free (item);
}

static char *
period_key (int start,
            int end)
{
  return g_strdup_printf ("%d-%d", start, end);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  /* Latest first: "2021-2025" before "2016-2020". */
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static const char *
current_period (QsPlanPicker *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->periods == NULL || selected >= self->periods->len)
    return NULL;
  return g_ptr_array_index (self->periods, selected);
}

/* Index of the 自选 (custom) entry: after 全部区县 and the groups. */
static guint
custom_group_index (QsPlanPicker *self)
{
  return 1 + g_list_model_get_n_items (G_LIST_MODEL (self->groups));
}

static void
update_count (QsPlanPicker *self)
{
  guint checked = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      PickerItem *item = g_ptr_array_index (self->items, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (item->check)))
        checked++;
    }
  /* Translators: plans checked out of plans listed. */
  text = g_strdup_printf (_("%u of %u checked"), checked, self->items->len);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_button), checked < self->items->len);
  gtk_widget_set_sensitive (GTK_WIDGET (self->none_button), checked > 0);
}

static void
emit_changed (QsPlanPicker *self)
{
  update_count (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_group_index (QsPlanPicker *self,
                 guint         index)
{
  self->updating++;
  gtk_drop_down_set_selected (self->group_dropdown, index);
  self->updating--;
}

static void
check_toggled_cb (QsPlanPicker *self)
{
  if (self->updating > 0)
    return;
  /* A plan checked by hand makes the selection the user's own. */
  set_group_index (self, custom_group_index (self));
  emit_changed (self);
}

static void
load_municipal (QsPlanPicker *self)
{
  const char *period = current_period (self);
  g_autoptr(QsPlan) probe = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *own;
  int start = 0, end = 0;

  g_clear_object (&self->municipal);
  g_clear_object (&self->requirements);
  g_list_store_remove_all (self->groups);

  if (self->workspace == NULL || period == NULL || sscanf (period, "%d-%d", &start, &end) != 2)
    return;

  /* A plan of the period stands in for the district: the municipal plan
   * is found by period alone. */
  probe = qs_plan_new ();
  qs_plan_set_level (probe, QS_PLAN_LEVEL_DISTRICT);
  qs_plan_set_period (probe, start, end);
  self->municipal = qs_plan_check_find_municipal (probe, self->workspace, &error);
  if (error != NULL)
    {
      g_warning ("Cannot look for the municipal plan of %s: %s", period, error->message);
      return;
    }
  if (self->municipal == NULL)
    return;

  /* Its own requirements first, as qingshan-cli compare reads them;
   * only a plan without any falls back to the file shipped for it. */
  own = qs_plan_get_requirements (self->municipal);
  if (g_list_model_get_n_items (G_LIST_MODEL (own)) > 0)
    self->requirements = g_object_ref (G_LIST_MODEL (own));
  else
    {
      g_autofree char *municipal_period = qs_plan_dup_period_string (self->municipal);
      g_autofree char *path = qs_requirement_find_data_file (qs_plan_get_region (self->municipal),
                                                              municipal_period);

      if (path != NULL)
        {
          GListStore *list = qs_requirement_list_new_from_file (path, &error);

          if (list == NULL)
            g_warning ("Cannot read the requirements in %s: %s", path, error->message);
          self->requirements = G_LIST_MODEL (list);
        }
    }
}

static gboolean
group_has_items (QsPlanPicker    *self,
                 QsDistrictGroup *group)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      PickerItem *item = g_ptr_array_index (self->items, i);

      if (item->region != NULL && qs_district_group_contains (group, item->region))
        return TRUE;
    }
  return FALSE;
}

static void
fill_groups (QsPlanPicker *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->group_list));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->requirements != NULL && i < g_list_model_get_n_items (self->requirements); i++)
    {
      g_autoptr(QsRequirement) requirement = g_list_model_get_item (self->requirements, i);
      QsDistrictGroup *group = qs_requirement_get_group (requirement);
      const char *source;

      if (group == NULL || g_hash_table_contains (seen, qs_district_group_get_id (group)) ||
          !group_has_items (self, group))
        continue;
      g_hash_table_add (seen, (gpointer) qs_district_group_get_id (group));
      g_list_store_append (self->groups, group);
      source = qs_district_group_get_source (group);
      if (source != NULL && *source != '\0')
        /* Translators: a district group and the part of the plan defining it. */
        g_ptr_array_add (names, g_strdup_printf (_("%s (%s)"), qs_district_group_get_name (group), source));
      else
        g_ptr_array_add (names, g_strdup (qs_district_group_get_name (group)));
    }

  g_ptr_array_insert (names, 0, g_strdup (_("All Districts and Counties")));
  g_ptr_array_add (names, g_strdup (_("Custom Selection")));
  g_ptr_array_add (names, NULL);
  self->updating++;
  gtk_string_list_splice (self->group_list, 0, n_old, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  self->updating--;
}

static void
update_municipal_label (QsPlanPicker *self)
{
  g_autofree char *text = NULL;

  if (self->municipal != NULL)
    {
      g_autofree char *period = qs_plan_dup_period_string (self->municipal);

      text = g_strdup_printf (_("Checked against the municipal plan “%s” (%s)"),
                              qs_plan_get_title (self->municipal), period);
    }
  else if (current_period (self) != NULL)
    text = g_strdup (_("No municipal plan for this period in the workspace: only baselines are checked"));
  gtk_label_set_text (self->municipal_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->municipal_label), text != NULL);
}

static void
fill_list (QsPlanPicker *self)
{
  const char *period = current_period (self);
  GtkWidget *child;

  self->updating++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; period != NULL && i < self->summaries->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (self->summaries, i);
      g_autofree char *key = period_key (summary->start_year, summary->end_year);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      gboolean has_region = summary->region != NULL && *summary->region != '\0';
      PickerItem *item;
      GtkWidget *row;

      if (g_strcmp0 (key, period) != 0)
        continue;

      item = g_new0 (PickerItem, 1);
      item->id = summary->id;
      item->region = g_strdup (summary->region);
      item->check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (item->check), TRUE);
      gtk_widget_set_valign (item->check, GTK_ALIGN_CENTER);
      g_signal_connect_object (item->check, "toggled", G_CALLBACK (check_toggled_cb), self,
                               G_CONNECT_SWAPPED);

      /* Rows read as markup: escape what the plans say. */
      title = g_markup_escape_text (has_region ? summary->region : (summary->title ? summary->title : ""), -1);
      subtitle = g_markup_escape_text (has_region && summary->title ? summary->title : "", -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), item->check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), item->check);
      gtk_widget_set_tooltip_text (row, summary->title);
      gtk_list_box_append (self->list_box, row);
      g_ptr_array_add (self->items, item);
    }
  self->updating--;

  load_municipal (self);
  fill_groups (self);
  update_municipal_label (self);
  update_count (self);
}

static void
load_summaries (QsPlanPicker *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) names = NULL;

  g_ptr_array_set_size (self->summaries, 0);
  g_ptr_array_set_size (self->periods, 0);

  if (self->workspace != NULL)
    {
      all = qs_workspace_list_plans (self->workspace, &error);
      if (all == NULL)
        g_warning ("Cannot list the workspace's plans: %s", error->message);
    }
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (all, i);
      char *key;

      if (summary->level == QS_PLAN_LEVEL_MUNICIPAL)
        continue;
      key = period_key (summary->start_year, summary->end_year);
      if (!g_hash_table_contains (seen, key))
        {
          g_hash_table_add (seen, key);
          g_ptr_array_add (self->periods, key);
        }
      else
        g_free (key);
      /* The summary moves into our array. */
      g_ptr_array_add (self->summaries, g_ptr_array_index (all, i));
      all->pdata[i] = NULL;
    }
  g_ptr_array_sort (self->periods, compare_periods);

  names = g_new0 (char *, self->periods->len + 1);
  for (guint i = 0; i < self->periods->len; i++)
    {
      int start = 0, end = 0;

      sscanf (g_ptr_array_index (self->periods, i), "%d-%d", &start, &end);
      /* Translators: a plan period, e.g. 2021–2025. */
      names[i] = g_strdup_printf (_("%d–%d"), start, end);
    }
  self->updating++;
  gtk_string_list_splice (self->period_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->period_list)),
                          (const char * const *) names);
  self->updating--;
}

static void
set_checks (QsPlanPicker *self,
            gboolean    (*want) (PickerItem *item, gpointer data),
            gpointer      data)
{
  self->updating++;
  for (guint i = 0; i < self->items->len; i++)
    {
      PickerItem *item = g_ptr_array_index (self->items, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (item->check), want (item, data));
    }
  self->updating--;
}

static gboolean
want_all (PickerItem *item,
          gpointer    data)
{
  return GPOINTER_TO_INT (data);
}

static gboolean
want_group (PickerItem *item,
            gpointer    data)
{
  return item->region != NULL && qs_district_group_contains (data, item->region);
}

static gboolean
want_ids (PickerItem *item,
          gpointer    data)
{
  GArray *ids = data;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == item->id)
      return TRUE;
  return FALSE;
}

static void
period_selected_cb (QsPlanPicker *self)
{
  if (self->updating > 0)
    return;
  fill_list (self);
  emit_changed (self);
}

static void
group_selected_cb (QsPlanPicker *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);
  guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  if (self->updating > 0 || selected == GTK_INVALID_LIST_POSITION || selected > n_groups)
    return;
  if (selected == 0)
    set_checks (self, want_all, GINT_TO_POINTER (TRUE));
  else
    {
      g_autoptr(QsDistrictGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), selected - 1);

      set_checks (self, want_group, group);
    }
  emit_changed (self);
}

static void
all_clicked_cb (QsPlanPicker *self)
{
  set_checks (self, want_all, GINT_TO_POINTER (TRUE));
  set_group_index (self, 0);
  emit_changed (self);
}

static void
none_clicked_cb (QsPlanPicker *self)
{
  set_checks (self, want_all, GINT_TO_POINTER (FALSE));
  set_group_index (self, custom_group_index (self));
  emit_changed (self);
}

static void
qs_plan_picker_dispose (GObject *object)
{
  QsPlanPicker *self = QS_PLAN_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_PLAN_PICKER);
  g_clear_object (&self->workspace);
  g_clear_object (&self->municipal);
  g_clear_object (&self->requirements);
  g_clear_object (&self->groups);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (qs_plan_picker_parent_class)->dispose (object);
}

static void
qs_plan_picker_class_init (QsPlanPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_plan_picker_dispose;

  /**
   * QsPlanPicker::changed:
   *
   * The checked plans or the period changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, QS_RESOURCE_PATH "/ui/qs-plan-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, box);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, period_list);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, group_list);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, count_label);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, all_button);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, none_button);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, QsPlanPicker, municipal_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_plan_picker_init (QsPlanPicker *self)
{
  self->summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) qs_plan_summary_free);
  self->periods = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) picker_item_free);
  self->groups = g_list_store_new (QS_TYPE_DISTRICT_GROUP);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_dropdown, "notify::selected", G_CALLBACK (group_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_button, "clicked", G_CALLBACK (all_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->none_button, "clicked", G_CALLBACK (none_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
}

/**
 * qs_plan_picker_new:
 *
 * Returns: (transfer floating): a new picker without a workspace.
 */
GtkWidget *
qs_plan_picker_new (void)
{
  return g_object_new (QS_TYPE_PLAN_PICKER, NULL);
}

void
qs_plan_picker_set_workspace (QsPlanPicker *self,
                              QsWorkspace  *workspace)
{
  g_return_if_fail (QS_IS_PLAN_PICKER (self));
  g_return_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace));

  g_set_object (&self->workspace, workspace);
  load_summaries (self);
  self->updating++;
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  self->updating--;
  fill_list (self);
  emit_changed (self);
}

QsWorkspace *
qs_plan_picker_get_workspace (QsPlanPicker *self)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), NULL);
  return self->workspace;
}

void
qs_plan_picker_reload (QsPlanPicker *self)
{
  g_autofree char *period = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean all_checked;

  g_return_if_fail (QS_IS_PLAN_PICKER (self));

  period = g_strdup (current_period (self));
  ids = qs_plan_picker_dup_selected_ids (self);
  all_checked = ids->len == self->items->len;
  load_summaries (self);
  self->updating++;
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  for (guint i = 0; period != NULL && i < self->periods->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->periods, i), period) == 0)
      gtk_drop_down_set_selected (self->period_dropdown, i);
  self->updating--;
  fill_list (self);
  /* Plans added since stay unchecked unless every plan was checked. */
  if (g_strcmp0 (period, current_period (self)) == 0 && !all_checked)
    {
      set_checks (self, want_ids, ids);
      set_group_index (self, custom_group_index (self));
    }
  emit_changed (self);
}

GStrv
qs_plan_picker_dup_periods (QsPlanPicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), NULL);
  for (guint i = 0; i < self->periods->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->periods, i));
  return g_strv_builder_end (builder);
}

const char *
qs_plan_picker_get_period (QsPlanPicker *self)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), NULL);
  return current_period (self);
}

gboolean
qs_plan_picker_set_period (QsPlanPicker *self,
                           const char   *period)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), FALSE);

  for (guint i = 0; i < self->periods->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->periods, i), period) == 0)
      {
        if (gtk_drop_down_get_selected (self->period_dropdown) == i)
          all_clicked_cb (self);
        else
          gtk_drop_down_set_selected (self->period_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

GListModel *
qs_plan_picker_get_groups (QsPlanPicker *self)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), NULL);
  return G_LIST_MODEL (self->groups);
}

gboolean
qs_plan_picker_set_group (QsPlanPicker *self,
                          const char   *group_id)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), FALSE);

  if (group_id == NULL)
    {
      gtk_drop_down_set_selected (self->group_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->groups)); i++)
    {
      g_autoptr(QsDistrictGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      if (g_strcmp0 (qs_district_group_get_id (group), group_id) == 0)
        {
          gtk_drop_down_set_selected (self->group_dropdown, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

void
qs_plan_picker_select_ids (QsPlanPicker *self,
                           const gint64 *ids,
                           guint         n)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (QS_IS_PLAN_PICKER (self));
  g_return_if_fail (ids != NULL || n == 0);

  g_array_append_vals (wanted, ids, n);
  /* Show the period of the first plan given. */
  for (guint i = 0; n > 0 && i < self->summaries->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (self->summaries, i);
      g_autofree char *key = NULL;

      if (summary->id != ids[0])
        continue;
      key = period_key (summary->start_year, summary->end_year);
      if (g_strcmp0 (key, current_period (self)) != 0)
        for (guint p = 0; p < self->periods->len; p++)
          if (g_strcmp0 (g_ptr_array_index (self->periods, p), key) == 0)
            {
              self->updating++;
              gtk_drop_down_set_selected (self->period_dropdown, p);
              self->updating--;
              fill_list (self);
            }
      break;
    }
  set_checks (self, want_ids, wanted);
  set_group_index (self, custom_group_index (self));
  emit_changed (self);
}

GArray *
qs_plan_picker_dup_selected_ids (QsPlanPicker *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), ids);
  for (guint i = 0; i < self->items->len; i++)
    {
      PickerItem *item = g_ptr_array_index (self->items, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (item->check)))
        g_array_append_val (ids, item->id);
    }
  return ids;
}

guint
qs_plan_picker_get_n_listed (QsPlanPicker *self)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), 0);
  return self->items->len;
}

QsPlan *
qs_plan_picker_get_municipal (QsPlanPicker *self)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), NULL);
  return self->municipal;
}

GListModel *
qs_plan_picker_get_requirements (QsPlanPicker *self)
{
  g_return_val_if_fail (QS_IS_PLAN_PICKER (self), NULL);
  return self->requirements;
}
