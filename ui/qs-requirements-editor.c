/* qs-requirements-editor.c: edits a municipal plan's requirements on its districts.
 *
 * Three pages in one window: the list (one preferences group per indicator,
 * one expander row per requirement), the form of one requirement, and the
 * form of one district group.  Every edit applies to the plan at once and is
 * reported by ::plan-changed with the plan as it was before, so the caller's
 * undo stack and autosave see it like any other edit.
 */
#define G_LOG_DOMAIN "qs-requirements-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qs-requirement.h"
#include "qs-requirements-editor.h"

struct _QsRequirementsEditor
{
  AdwWindow            parent_instance;

  QsPlan              *plan;
  QsWorkspace         *workspace;
  QsCatalog           *catalog;

  /* The list page's preferences groups, to remove them on refresh. */
  GPtrArray           *list_groups;
  /* District names offered for picking (char *). */
  GPtrArray           *known_districts;

  /* The requirement form: the requirement edited (NULL for a new one), the
   * chosen indicator, the groups offered (the plan's and new ones, in the
   * order of group_row's items after "None") and the district check rows. */
  QsRequirement       *editing;
  char                *indicator_id;
  GPtrArray           *groups;
  GPtrArray           *district_rows;

  /* The group form. */
  QsDistrictGroup     *editing_group;
  GPtrArray           *group_district_rows;

  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkWidget           *add_button;
  GtkWidget           *apply_button;
  GtkStack            *stack;
  AdwPreferencesPage  *list_page;
  AdwPreferencesPage  *form_page;
  AdwActionRow        *indicator_row;
  GtkMenuButton       *indicator_button;
  GtkPopover          *indicator_popover;
  GtkSearchEntry      *indicator_search;
  GtkListBox          *indicator_list;
  AdwComboRow         *kind_row;
  AdwEntryRow         *figure_row;
  AdwActionRow        *reading_row;
  AdwEntryRow         *unit_row;
  AdwActionRow        *base_year_row;
  GtkSpinButton       *base_year_spin;
  GtkSpinButton       *year_spin;
  AdwEntryRow         *source_row;
  AdwEntryRow         *note_row;
  AdwComboRow         *group_row;
  GtkWidget           *edit_group_button;
  AdwExpanderRow      *districts_row;
  AdwEntryRow         *other_district_row;
  GtkRevealer         *error_revealer;
  GtkLabel            *form_error;
  AdwPreferencesPage  *group_page;
  AdwEntryRow         *group_name_row;
  AdwEntryRow         *group_source_row;
  AdwPreferencesGroup *group_districts_group;
  AdwEntryRow         *group_other_row;
};

G_DEFINE_FINAL_TYPE (QsRequirementsEditor, qs_requirements_editor, ADW_TYPE_WINDOW)

enum {
  PLAN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kind drop-down lists the kinds in enum order. */
static const QsRequirementKind kinds[] = {
  QS_REQUIREMENT_ABSOLUTE_BOUND,
  QS_REQUIREMENT_CHANGE,
  QS_REQUIREMENT_KEEP_BASELINE,
  QS_REQUIREMENT_ASSIGNED_VALUE,
};

static const char *
kind_label (QsRequirementKind kind)
{
  switch (kind)
    {
    case QS_REQUIREMENT_ABSOLUTE_BOUND:
      return C_("requirement kind", "Absolute Bound");
    case QS_REQUIREMENT_CHANGE:
      return C_("requirement kind", "Change Against a Base Year");
    case QS_REQUIREMENT_KEEP_BASELINE:
      return C_("requirement kind", "No Worse Than the Baseline");
    case QS_REQUIREMENT_ASSIGNED_VALUE:
      return C_("requirement kind", "Value Assigned to a District");
    default:
      return "";
    }
}

static GBytes *
snapshot (QsPlan *plan)
{
  gsize length = 0;
  char *data = qs_plan_xml_write_data (plan, &length);

  return g_bytes_new_take (data, length);
}

static GListStore *
requirements (QsRequirementsEditor *self)
{
  return qs_plan_get_requirements (self->plan);
}

static void
report_change (QsRequirementsEditor *self,
               const char           *label,
               GBytes               *before)
{
  g_signal_emit (self, signals[PLAN_CHANGED], 0, label, before);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The text of an entry with white space trimmed, or NULL when empty. */
static char *
dup_entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (entry_text (row)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
group_in_plan (QsRequirementsEditor *self,
               QsDistrictGroup      *group)
{
  GListModel *list = G_LIST_MODEL (requirements (self));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);

      if (qs_requirement_get_group (r) == group)
        return TRUE;
    }
  return FALSE;
}

/* The distinct groups of the plan's requirements, in order of first use. */
static GPtrArray *
collect_plan_groups (QsRequirementsEditor *self)
{
  GListModel *list = G_LIST_MODEL (requirements (self));
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);

      if (group != NULL && !g_ptr_array_find (groups, group, NULL))
        g_ptr_array_add (groups, g_object_ref (group));
    }
  return groups;
}

static void
add_known_district (GPtrArray  *known,
                    const char *name)
{
  if (name == NULL || *name == '\0')
    return;
  for (guint i = 0; i < known->len; i++)
    if (qs_district_name_equal (g_ptr_array_index (known, i), name))
      return;
  g_ptr_array_add (known, g_strdup (name));
}

static void
add_known_districts (GPtrArray          *known,
                     const char * const *names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    add_known_district (known, names[i]);
}

/* The districts the user can pick: those the plan's groups and
 * requirements name (spelled as the municipal plan spells them), then the
 * regions of the workspace's district and county plans. */
static void
collect_known_districts (QsRequirementsEditor *self)
{
  GListModel *list = G_LIST_MODEL (requirements (self));

  g_ptr_array_set_size (self->known_districts, 0);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);

      if (group != NULL)
        add_known_districts (self->known_districts, qs_district_group_get_districts (group));
      add_known_districts (self->known_districts, qs_requirement_get_districts (r));
    }

  if (self->workspace != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = qs_workspace_list_plans (self->workspace, &error);

      if (plans == NULL)
        g_warning ("Cannot list the workspace's plans for their districts: %s", error->message);
      for (guint i = 0; plans != NULL && i < plans->len; i++)
        {
          QsPlanSummary *summary = g_ptr_array_index (plans, i);

          if (summary->level != QS_PLAN_LEVEL_MUNICIPAL)
            add_known_district (self->known_districts, summary->region);
        }
    }
}

static char *
join_districts (const char * const *a,
                const char * const *b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  if (a != NULL)
    g_strv_builder_addv (builder, (const char **) a);
  if (b != NULL)
    g_strv_builder_addv (builder, (const char **) b);
  all = g_strv_builder_end (builder);
  /* An ideographic enumeration comma, as the plans list districts. */
  return g_strjoinv ("、", all);
}

static const char *
indicator_name (QsRequirementsEditor *self,
                const char           *id)
{
  QsCatalogEntry *entry;

  if (id == NULL)
    return _("No Indicator");
  entry = self->catalog != NULL ? qs_catalog_lookup_id (self->catalog, id) : NULL;
  return entry != NULL ? qs_catalog_entry_get_name (entry) : id;
}

/* The requirement's figure for the list: 较2015年下降20%以上, ≤35 μg/m³. */
static char *
describe_figure (QsRequirement *r)
{
  const char *figure = qs_requirement_get_figure (r);
  const char *unit = qs_requirement_get_unit (r);
  int base_year = qs_requirement_get_base_year (r);

  switch (qs_requirement_get_kind (r))
    {
    case QS_REQUIREMENT_KEEP_BASELINE:
      return g_strdup (figure != NULL ? figure : _("No worse than the baseline"));
    case QS_REQUIREMENT_CHANGE:
      if (base_year != 0)
        return g_strdup_printf (_("Against %d: %s"), base_year, figure != NULL ? figure : "");
      return g_strdup (figure != NULL ? figure : "");
    case QS_REQUIREMENT_ABSOLUTE_BOUND:
    case QS_REQUIREMENT_ASSIGNED_VALUE:
    default:
      if (unit != NULL && figure != NULL)
        return g_strdup_printf ("%s %s", figure, unit);
      return g_strdup (figure != NULL ? figure : "");
    }
}

static GtkWidget *
new_info_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
new_icon_button (const char *icon,
                 const char *tooltip,
                 const char *action,
                 guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (index));
  return button;
}

static GtkWidget *
new_requirement_row (QsRequirementsEditor *self,
                     QsRequirement        *r,
                     guint                 index)
{
  GtkWidget *row = adw_expander_row_new ();
  QsDistrictGroup *group = qs_requirement_get_group (r);
  g_autofree char *figure = describe_figure (r);
  g_autofree char *scope = qs_requirement_describe_scope (r);
  g_autofree char *districts = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) subtitle = g_string_new (kind_label (qs_requirement_get_kind (r)));
  const char *source = qs_requirement_get_source (r);
  const char *note = qs_requirement_get_note (r);

  /* Named so that tests and accessibility tools can find it. */
  name = g_strdup_printf ("requirement:%s", qs_requirement_get_id (r) != NULL
                                              ? qs_requirement_get_id (r) : "");
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), figure);

  if (qs_requirement_get_year (r) != 0)
    {
      g_string_append (subtitle, " · ");
      /* Translators: the year a requirement is for, e.g. "2020年" */
      g_string_append_printf (subtitle, C_("requirement year", "by %d"), qs_requirement_get_year (r));
    }
  if (scope != NULL && *scope != '\0')
    g_string_append_printf (subtitle, " · %s", scope);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);

  districts = join_districts (group != NULL ? qs_district_group_get_districts (group) : NULL,
                              qs_requirement_get_districts (r));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            new_info_row (group != NULL ? qs_district_group_get_name (group)
                                                        : _("Districts"),
                                          *districts != '\0' ? districts : _("None")));
  if (source != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_info_row (_("Source"), source));
  if (note != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_info_row (_("Note"), note));

  /* Actions are packed from the end: the pencil comes first, the bin last. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               new_icon_button ("user-trash-symbolic", _("Delete Requirement"),
                                                "requirements.delete", index));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               new_icon_button ("document-edit-symbolic", _("Edit Requirement"),
                                                "requirements.edit", index));
  return row;
}

static void
show_page (QsRequirementsEditor *self,
           const char           *page)
{
  gboolean list = g_str_equal (page, "list") || g_str_equal (page, "empty");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->back_button, !list);
  gtk_widget_set_visible (self->add_button, list);
  gtk_widget_set_visible (self->apply_button, !list);
  if (g_str_equal (page, "form"))
    adw_window_title_set_subtitle (self->window_title, self->editing != NULL
                                                       ? _("Edit Requirement")
                                                       : _("New Requirement"));
  else if (g_str_equal (page, "group"))
    adw_window_title_set_subtitle (self->window_title, _("District Group"));
  else
    adw_window_title_set_subtitle (self->window_title, qs_plan_get_title (self->plan));
}

/* Rebuilds the list page; refresh_list() also shows it. */
static void
rebuild_list (QsRequirementsEditor *self)
{
  GListModel *list = G_LIST_MODEL (requirements (self));
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < self->list_groups->len; i++)
    adw_preferences_page_remove (self->list_page, g_ptr_array_index (self->list_groups, i));
  g_ptr_array_set_size (self->list_groups, 0);

  /* One group per indicator, in the order the plan first names them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);
      const char *id = qs_requirement_get_indicator_id (r);

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) (id != NULL ? id : ""));
    }
  for (guint k = 0; k < ids->len; k++)
    {
      const char *id = g_ptr_array_index (ids, k);
      GtkWidget *group = adw_preferences_group_new ();
      QsCatalogEntry *entry = self->catalog != NULL && *id != '\0'
                              ? qs_catalog_lookup_id (self->catalog, id) : NULL;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       indicator_name (self, *id != '\0' ? id : NULL));
      if (entry != NULL)
        {
          g_autofree char *description = NULL;
          const char *unit = qs_catalog_entry_get_unit (entry);
          const char *better = qs_better_describe (qs_catalog_entry_get_better (entry));

          description = g_strjoin (" · ", qs_catalog_entry_get_field (entry) != NULL
                                            ? qs_catalog_entry_get_field (entry) : "",
                                   unit != NULL ? unit : "", better, NULL);
          g_strstrip (description);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);
          const char *rid = qs_requirement_get_indicator_id (r);

          if (g_strcmp0 (rid != NULL ? rid : "", id) == 0)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                       new_requirement_row (self, r, i));
        }
      adw_preferences_page_add (self->list_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->list_groups, group);
    }
}

static void
refresh_list (QsRequirementsEditor *self)
{
  rebuild_list (self);
  show_page (self, g_list_model_get_n_items (G_LIST_MODEL (requirements (self))) > 0
                   ? "list" : "empty");
}

/* Indicator choice. */

static gboolean
entry_matches (QsRequirementsEditor *self,
               QsCatalogEntry       *entry,
               const char           *key,
               const char           *normalised_key)
{
  const char * const *aliases = qs_catalog_entry_get_aliases (entry);
  g_autofree char *name = NULL;

  if (key == NULL || *key == '\0')
    return TRUE;
  name = g_utf8_casefold (qs_catalog_entry_get_name (entry), -1);
  if (strstr (name, key) != NULL || strstr (qs_catalog_entry_get_id (entry), key) != NULL)
    return TRUE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias = g_utf8_casefold (aliases[i], -1);

      if (strstr (alias, key) != NULL)
        return TRUE;
      if (normalised_key != NULL && *normalised_key != '\0')
        {
          g_autofree char *normal = qs_catalog_normalise_name (self->catalog, aliases[i]);

          if (normal != NULL && strstr (normal, normalised_key) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
search_keys (QsRequirementsEditor  *self,
             char                 **key,
             char                 **normalised_key)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->indicator_search))));

  *key = g_utf8_casefold (text, -1);
  *normalised_key = self->catalog != NULL && *text != '\0'
                    ? qs_catalog_normalise_name (self->catalog, text) : NULL;
}

static void
filter_indicator_list (QsRequirementsEditor *self)
{
  g_autofree char *key = NULL;
  g_autofree char *normalised_key = NULL;
  GtkWidget *child;

  search_keys (self, &key, &normalised_key);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->indicator_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      QsCatalogEntry *entry = g_object_get_data (G_OBJECT (child), "entry");

      if (entry != NULL)
        gtk_widget_set_visible (child, entry_matches (self, entry, key, normalised_key));
    }
}

static void
set_indicator (QsRequirementsEditor *self,
               const char           *id)
{
  QsCatalogEntry *entry = NULL;

  g_free (self->indicator_id);
  self->indicator_id = g_strdup (id);
  if (id != NULL && self->catalog != NULL)
    entry = qs_catalog_lookup_id (self->catalog, id);
  adw_action_row_set_subtitle (self->indicator_row, id == NULL ? _("None chosen")
                                                                 : indicator_name (self, id));
  gtk_menu_button_set_label (self->indicator_button, id == NULL ? _("Choose…") : _("Change…"));
  /* The catalog's unit is the default; the user may still type another. */
  if (entry != NULL && qs_catalog_entry_get_unit (entry) != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit_row), qs_catalog_entry_get_unit (entry));
}

static void
indicator_popover_show_cb (QsRequirementsEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->indicator_search), "");
  filter_indicator_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->indicator_search));
}

static void
indicator_search_changed_cb (QsRequirementsEditor *self)
{
  filter_indicator_list (self);
}

static void
choose_entry (QsRequirementsEditor *self,
              QsCatalogEntry       *entry)
{
  set_indicator (self, qs_catalog_entry_get_id (entry));
  if (*entry_text (self->unit_row) == '\0' && qs_catalog_entry_get_unit (entry) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->unit_row), qs_catalog_entry_get_unit (entry));
  gtk_popover_popdown (self->indicator_popover);
}

/* Enter in the search field takes the first match. */
static void
indicator_search_activate_cb (QsRequirementsEditor *self)
{
  g_autofree char *key = NULL;
  g_autofree char *normalised_key = NULL;
  GListModel *entries;

  if (self->catalog == NULL)
    return;
  search_keys (self, &key, &normalised_key);
  entries = qs_catalog_get_entries (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);

      if (entry_matches (self, entry, key, normalised_key))
        {
          choose_entry (self, entry);
          return;
        }
    }
}

static void
indicator_row_activated_cb (QsRequirementsEditor *self,
                            GtkListBoxRow        *row)
{
  QsCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  if (entry != NULL)
    choose_entry (self, entry);
}

static void
fill_indicator_list (QsRequirementsEditor *self)
{
  GListModel *entries;

  if (self->catalog == NULL)
    return;
  entries = qs_catalog_get_entries (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (entries, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (qs_catalog_entry_get_name (entry));
      g_autofree char *details = NULL;
      g_autofree char *widget_name = g_strdup_printf ("indicator:%s", qs_catalog_entry_get_id (entry));
      GtkWidget *detail;
      const char *unit = qs_catalog_entry_get_unit (entry);
      const char *field = qs_catalog_entry_get_field (entry);

      details = g_strdup_printf ("%s%s%s%s%s", field != NULL ? field : "",
                                 unit != NULL ? " · " : "", unit != NULL ? unit : "",
                                 " · ", qs_catalog_entry_get_id (entry));
      detail = gtk_label_new (details);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), detail);
      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_name (row, widget_name);
      g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
      gtk_list_box_append (self->indicator_list, row);
    }
}

/* The figure and its reading. */

static QsRequirementKind
selected_kind (QsRequirementsEditor *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < G_N_ELEMENTS (kinds) ? kinds[i] : QS_REQUIREMENT_ABSOLUTE_BOUND;
}

/* Why @text cannot be the figure of a requirement of @kind, or NULL. */
static char *
figure_problem (QsRequirementKind  kind,
                const char        *text)
{
  g_autoptr(QsValue) value = NULL;

  if (text == NULL || *text == '\0')
    {
      if (kind == QS_REQUIREMENT_KEEP_BASELINE)
        return NULL;
      return g_strdup (_("Enter the figure as the plan writes it, e.g. ≤35 or 下降20%以上."));
    }
  value = qs_value_parse (text);
  if (qs_value_is_error (value))
    return g_strdup (value->reason != NULL ? value->reason : _("The figure cannot be read."));
  switch (kind)
    {
    case QS_REQUIREMENT_CHANGE:
      if (value->kind != QS_VALUE_CHANGE)
        return g_strdup_printf (_("“%s” is not a change: write it like 下降20%%以上 or 提高1个百分点."),
                                text);
      break;
    case QS_REQUIREMENT_ABSOLUTE_BOUND:
    case QS_REQUIREMENT_ASSIGNED_VALUE:
      if (value->kind != QS_VALUE_NUMBER && value->kind != QS_VALUE_BOUND
          && value->kind != QS_VALUE_RANGE && value->kind != QS_VALUE_WATER_CLASS)
        return g_strdup_printf (_("“%s” is not a figure to compare with: write it like ≤35, ≥88 or Ⅲ."),
                                text);
      break;
    case QS_REQUIREMENT_KEEP_BASELINE:
    default:
      break;
    }
  return NULL;
}

static void
update_reading (QsRequirementsEditor *self)
{
  QsRequirementKind kind = selected_kind (self);
  g_autofree char *trimmed = g_strstrip (g_strdup (entry_text (self->figure_row)));
  g_autofree char *problem = figure_problem (kind, trimmed);

  if (problem != NULL && *trimmed != '\0')
    {
      adw_action_row_set_subtitle (self->reading_row, problem);
      adw_action_row_set_icon_name (self->reading_row, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->reading_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->figure_row), "error");
      return;
    }
  adw_action_row_set_icon_name (self->reading_row, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->reading_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->figure_row), "error");
  if (*trimmed == '\0')
    adw_action_row_set_subtitle (self->reading_row,
                                 kind == QS_REQUIREMENT_KEEP_BASELINE
                                 ? _("None needed: the district's baseline is the yardstick")
                                 : _("Enter the figure as the plan writes it"));
  else
    {
      g_autoptr(QsValue) value = qs_value_parse (trimmed);
      g_autofree char *reading = qs_value_describe (value);

      adw_action_row_set_subtitle (self->reading_row, reading);
    }
}

static void
figure_changed_cb (QsRequirementsEditor *self)
{
  update_reading (self);
}

static void
kind_changed_cb (QsRequirementsEditor *self)
{
  gboolean change = selected_kind (self) == QS_REQUIREMENT_CHANGE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->base_year_row), change);
  update_reading (self);
}

/* District check rows. */

static GtkWidget *
new_district_row (const char *district,
                  const char *prefix,
                  gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *name = g_strdup_printf ("%s:%s", prefix, district);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), district);
  gtk_widget_set_name (check, name);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "district", g_strdup (district), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static gboolean
strv_has_district (const char * const *names,
                   const char         *district)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (qs_district_name_equal (names[i], district))
      return TRUE;
  return FALSE;
}

/* The checked districts of @rows, in their order. */
static GStrv
checked_districts (GPtrArray *rows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);

      if (gtk_check_button_get_active (g_object_get_data (row, "check")))
        g_strv_builder_add (builder, g_object_get_data (row, "district"));
    }
  return g_strv_builder_end (builder);
}

static void
update_districts_subtitle (QsRequirementsEditor *self)
{
  g_auto(GStrv) names = checked_districts (self->district_rows);
  g_autofree char *joined = g_strjoinv ("、", names);

  adw_expander_row_set_subtitle (self->districts_row, *joined != '\0' ? joined : _("None"));
}

static void
district_toggled_cb (QsRequirementsEditor *self)
{
  update_districts_subtitle (self);
}

static void
fill_district_rows (QsRequirementsEditor *self,
                    const char * const   *selected)
{
  for (guint i = 0; i < self->district_rows->len; i++)
    adw_expander_row_remove (self->districts_row, g_ptr_array_index (self->district_rows, i));
  g_ptr_array_set_size (self->district_rows, 0);

  /* Named districts the known list lacks (typed by hand earlier) stay offered. */
  for (guint i = 0; selected != NULL && selected[i] != NULL; i++)
    add_known_district (self->known_districts, selected[i]);
  for (guint i = 0; i < self->known_districts->len; i++)
    {
      const char *district = g_ptr_array_index (self->known_districts, i);
      GtkWidget *row = new_district_row (district, "district",
                                         strv_has_district (selected, district));

      g_signal_connect_object (g_object_get_data (G_OBJECT (row), "check"), "toggled",
                               G_CALLBACK (district_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->districts_row, row);
      g_ptr_array_add (self->district_rows, row);
    }
  update_districts_subtitle (self);
}

static void
other_district_apply_cb (QsRequirementsEditor *self)
{
  g_autofree char *district = dup_entry_text (self->other_district_row);
  g_auto(GStrv) selected = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (district == NULL)
    return;
  selected = checked_districts (self->district_rows);
  g_strv_builder_addv (builder, (const char **) selected);
  g_strv_builder_add (builder, district);
  g_clear_pointer (&selected, g_strfreev);
  selected = g_strv_builder_end (builder);
  fill_district_rows (self, (const char * const *) selected);
  adw_expander_row_set_expanded (self->districts_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->other_district_row), "");
}

/* Groups in the form. */

static QsDistrictGroup *
selected_group (QsRequirementsEditor *self)
{
  guint i = adw_combo_row_get_selected (self->group_row);

  if (i == GTK_INVALID_LIST_POSITION || i == 0 || i > self->groups->len)
    return NULL;
  return g_ptr_array_index (self->groups, i - 1);
}

static void
update_group_subtitle (QsRequirementsEditor *self)
{
  QsDistrictGroup *group = selected_group (self);
  g_autofree char *districts = NULL;

  gtk_widget_set_sensitive (self->edit_group_button, group != NULL);
  if (group == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->group_row), "");
      return;
    }
  districts = join_districts (qs_district_group_get_districts (group), NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->group_row), districts);
}

static void
group_selected_cb (QsRequirementsEditor *self)
{
  update_group_subtitle (self);
}

static char *
group_label (QsDistrictGroup *group)
{
  const char *source = qs_district_group_get_source (group);

  if (source != NULL && *source != '\0')
    return g_strdup_printf ("%s（%s）", qs_district_group_get_name (group), source);
  return g_strdup (qs_district_group_get_name (group));
}

static void
fill_group_row (QsRequirementsEditor *self,
                QsDistrictGroup      *select)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (names, _("None: Districts Named One by One"));
  for (guint i = 0; i < self->groups->len; i++)
    {
      QsDistrictGroup *group = g_ptr_array_index (self->groups, i);
      g_autofree char *label = group_label (group);

      gtk_string_list_append (names, label);
      if (group == select)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->group_row, selected);
  update_group_subtitle (self);
}

static void
set_form_error (QsRequirementsEditor *self,
                const char           *message)
{
  /* Above the pages, so that it is seen however far the form is scrolled. */
  if (message != NULL)
    gtk_label_set_text (self->form_error, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
open_form (QsRequirementsEditor *self,
           QsRequirement        *r)
{
  int start = qs_plan_get_start_year (self->plan);
  int end = qs_plan_get_end_year (self->plan);

  g_set_object (&self->editing, r);
  collect_known_districts (self);
  g_ptr_array_unref (self->groups);
  self->groups = collect_plan_groups (self);

  set_indicator (self, r != NULL ? qs_requirement_get_indicator_id (r) : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (r != NULL && kinds[i] == qs_requirement_get_kind (r))
      adw_combo_row_set_selected (self->kind_row, i);
  if (r == NULL)
    adw_combo_row_set_selected (self->kind_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->figure_row),
                         r != NULL && qs_requirement_get_figure (r) != NULL
                         ? qs_requirement_get_figure (r) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row),
                         r != NULL && qs_requirement_get_unit (r) != NULL
                         ? qs_requirement_get_unit (r) : "");
  /* A new requirement is for the plan's last year, measured from the year
   * before the period (the 2015 of a 2016–2020 plan). */
  gtk_spin_button_set_value (self->base_year_spin,
                             r != NULL && qs_requirement_get_base_year (r) != 0
                             ? qs_requirement_get_base_year (r)
                             : (start > 0 ? start - 1 : 2015));
  gtk_spin_button_set_value (self->year_spin,
                             r != NULL && qs_requirement_get_year (r) != 0
                             ? qs_requirement_get_year (r) : (end > 0 ? end : 2020));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                         r != NULL && qs_requirement_get_source (r) != NULL
                         ? qs_requirement_get_source (r) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         r != NULL && qs_requirement_get_note (r) != NULL
                         ? qs_requirement_get_note (r) : "");
  fill_group_row (self, r != NULL ? qs_requirement_get_group (r) : NULL);
  fill_district_rows (self, r != NULL ? qs_requirement_get_districts (r) : NULL);
  adw_expander_row_set_expanded (self->districts_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->other_district_row), "");
  set_form_error (self, NULL);

  kind_changed_cb (self);
  show_page (self, "form");
}

static char *
new_requirement_id (QsRequirementsEditor *self,
                    const char           *indicator_id)
{
  GListModel *list = G_LIST_MODEL (requirements (self));

  for (guint n = 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", indicator_id, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (list) && !taken; i++)
        {
          g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);

          taken = g_strcmp0 (qs_requirement_get_id (r), id) == 0;
        }
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static void
apply_form (QsRequirementsEditor *self)
{
  QsRequirementKind kind = selected_kind (self);
  QsDistrictGroup *group = selected_group (self);
  g_autofree char *figure = dup_entry_text (self->figure_row);
  g_autofree char *unit = dup_entry_text (self->unit_row);
  g_autofree char *source = dup_entry_text (self->source_row);
  g_autofree char *note = dup_entry_text (self->note_row);
  g_autofree char *problem = NULL;
  g_auto(GStrv) districts = checked_districts (self->district_rows);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(QsRequirement) r = NULL;
  guint position;

  if (self->indicator_id == NULL)
    {
      set_form_error (self, _("Choose the indicator the requirement is about."));
      return;
    }
  problem = figure_problem (kind, figure);
  if (problem != NULL)
    {
      set_form_error (self, problem);
      update_reading (self);
      return;
    }
  if (group == NULL && districts[0] == NULL)
    {
      set_form_error (self, _("Choose a group of districts or tick at least one district."));
      return;
    }
  if (kind == QS_REQUIREMENT_ASSIGNED_VALUE && (group != NULL || g_strv_length (districts) != 1))
    {
      set_form_error (self, _("A value is assigned to one district: tick exactly one district and choose no group."));
      return;
    }

  before = snapshot (self->plan);
  r = self->editing != NULL ? g_object_ref (self->editing)
                            : qs_requirement_new (self->indicator_id, kind, figure);
  qs_requirement_set_indicator_id (r, self->indicator_id);
  qs_requirement_set_kind (r, kind);
  qs_requirement_set_figure (r, figure);
  qs_requirement_set_unit (r, unit);
  qs_requirement_set_base_year (r, kind == QS_REQUIREMENT_CHANGE
                                   ? gtk_spin_button_get_value_as_int (self->base_year_spin) : 0);
  qs_requirement_set_year (r, gtk_spin_button_get_value_as_int (self->year_spin));
  qs_requirement_set_source (r, source);
  qs_requirement_set_note (r, note);
  qs_requirement_set_group (r, group);
  qs_requirement_set_districts (r, (const char * const *) districts);

  if (self->editing != NULL && g_list_store_find (requirements (self), r, &position))
    {
      /* Put it back in its place so that other views of the list see it. */
      g_list_store_splice (requirements (self), position, 1, (gpointer *) &r, 1);
      refresh_list (self);
      report_change (self, _("Edit Requirement"), before);
    }
  else
    {
      g_autofree char *id = new_requirement_id (self, self->indicator_id);

      qs_requirement_set_id (r, id);
      g_list_store_append (requirements (self), r);
      refresh_list (self);
      report_change (self, _("Add Requirement"), before);
    }
  g_clear_object (&self->editing);
}

/* The group form. */

static void
set_group_error (QsRequirementsEditor *self,
                 const char           *message)
{
  set_form_error (self, message);
}

static void
fill_group_district_rows (QsRequirementsEditor *self,
                          const char * const   *selected)
{
  for (guint i = 0; i < self->group_district_rows->len; i++)
    adw_preferences_group_remove (self->group_districts_group,
                                  g_ptr_array_index (self->group_district_rows, i));
  g_ptr_array_set_size (self->group_district_rows, 0);

  for (guint i = 0; selected != NULL && selected[i] != NULL; i++)
    add_known_district (self->known_districts, selected[i]);
  /* The entry for another district stays last. */
  g_object_ref (self->group_other_row);
  adw_preferences_group_remove (self->group_districts_group, GTK_WIDGET (self->group_other_row));
  for (guint i = 0; i < self->known_districts->len; i++)
    {
      const char *district = g_ptr_array_index (self->known_districts, i);
      GtkWidget *row = new_district_row (district, "group-district",
                                         strv_has_district (selected, district));

      adw_preferences_group_add (self->group_districts_group, row);
      g_ptr_array_add (self->group_district_rows, row);
    }
  adw_preferences_group_add (self->group_districts_group, GTK_WIDGET (self->group_other_row));
  g_object_unref (self->group_other_row);
}

static void
open_group_page (QsRequirementsEditor *self,
                 QsDistrictGroup      *group)
{
  g_set_object (&self->editing_group, group);
  gtk_editable_set_text (GTK_EDITABLE (self->group_name_row),
                         group != NULL ? qs_district_group_get_name (group) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->group_source_row),
                         group != NULL && qs_district_group_get_source (group) != NULL
                         ? qs_district_group_get_source (group)
                         : entry_text (self->source_row));
  gtk_editable_set_text (GTK_EDITABLE (self->group_other_row), "");
  fill_group_district_rows (self, group != NULL ? qs_district_group_get_districts (group) : NULL);
  set_group_error (self, NULL);
  show_page (self, "group");
}

static void
group_other_apply_cb (QsRequirementsEditor *self)
{
  g_autofree char *district = dup_entry_text (self->group_other_row);
  g_auto(GStrv) selected = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (district == NULL)
    return;
  selected = checked_districts (self->group_district_rows);
  g_strv_builder_addv (builder, (const char **) selected);
  g_strv_builder_add (builder, district);
  g_clear_pointer (&selected, g_strfreev);
  selected = g_strv_builder_end (builder);
  fill_group_district_rows (self, (const char * const *) selected);
  gtk_editable_set_text (GTK_EDITABLE (self->group_other_row), "");
}

static char *
new_group_id (QsRequirementsEditor *self)
{
  for (guint n = self->groups->len + 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("group-%u", n);
      gboolean taken = FALSE;

      for (guint i = 0; i < self->groups->len && !taken; i++)
        taken = g_str_equal (qs_district_group_get_id (g_ptr_array_index (self->groups, i)), id);
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static void
apply_group (QsRequirementsEditor *self)
{
  g_autofree char *name = dup_entry_text (self->group_name_row);
  g_autofree char *source = dup_entry_text (self->group_source_row);
  g_auto(GStrv) districts = checked_districts (self->group_district_rows);
  QsDistrictGroup *group = self->editing_group;

  if (name == NULL)
    {
      set_group_error (self, _("Name the group, e.g. 主城九区及两江新区."));
      return;
    }
  if (districts[0] == NULL)
    {
      set_group_error (self, _("Tick the districts of the group."));
      return;
    }

  if (group == NULL)
    {
      g_autofree char *id = new_group_id (self);
      g_autoptr(QsDistrictGroup) created = qs_district_group_new (id, name,
                                                                  (const char * const *) districts);

      qs_district_group_set_source (created, source);
      g_ptr_array_add (self->groups, g_object_ref (created));
      fill_group_row (self, created);
    }
  else if (group_in_plan (self, group))
    {
      /* The group is shared by its requirements: the edit applies to all. */
      g_autoptr(GBytes) before = snapshot (self->plan);

      qs_district_group_set_name (group, name);
      qs_district_group_set_source (group, source);
      qs_district_group_set_districts (group, (const char * const *) districts);
      rebuild_list (self);
      fill_group_row (self, group);
      report_change (self, _("Edit District Group"), before);
    }
  else
    {
      qs_district_group_set_name (group, name);
      qs_district_group_set_source (group, source);
      qs_district_group_set_districts (group, (const char * const *) districts);
      fill_group_row (self, group);
    }
  g_clear_object (&self->editing_group);
  show_page (self, "form");
}

/* Actions. */

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_form (QS_REQUIREMENTS_EDITOR (widget), NULL);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QsRequirementsEditor *self = QS_REQUIREMENTS_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(QsRequirement) r = g_list_model_get_item (G_LIST_MODEL (requirements (self)), index);

  if (r != NULL)
    open_form (self, r);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QsRequirementsEditor *self = QS_REQUIREMENTS_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GBytes) before = NULL;

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (requirements (self))))
    return;
  before = snapshot (self->plan);
  g_list_store_remove (requirements (self), index);
  refresh_list (self);
  report_change (self, _("Delete Requirement"), before);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  QsRequirementsEditor *self = QS_REQUIREMENTS_EDITOR (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "form") == 0)
    apply_form (self);
  else if (g_strcmp0 (page, "group") == 0)
    apply_group (self);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QsRequirementsEditor *self = QS_REQUIREMENTS_EDITOR (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "group") == 0)
    {
      g_clear_object (&self->editing_group);
      show_page (self, "form");
    }
  else
    {
      g_clear_object (&self->editing);
      refresh_list (self);
    }
}

static void
edit_group_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QsRequirementsEditor *self = QS_REQUIREMENTS_EDITOR (widget);
  QsDistrictGroup *group = selected_group (self);

  if (group != NULL)
    open_group_page (self, group);
}

static void
new_group_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_group_page (QS_REQUIREMENTS_EDITOR (widget), NULL);
}

static void
qs_requirements_editor_dispose (GObject *object)
{
  QsRequirementsEditor *self = (QsRequirementsEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_REQUIREMENTS_EDITOR);
  g_clear_object (&self->plan);
  g_clear_object (&self->workspace);
  g_clear_object (&self->catalog);
  g_clear_object (&self->editing);
  g_clear_object (&self->editing_group);

  G_OBJECT_CLASS (qs_requirements_editor_parent_class)->dispose (object);
}

static void
qs_requirements_editor_finalize (GObject *object)
{
  QsRequirementsEditor *self = (QsRequirementsEditor *)object;

  g_clear_pointer (&self->list_groups, g_ptr_array_unref);
  g_clear_pointer (&self->known_districts, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->district_rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_district_rows, g_ptr_array_unref);
  g_free (self->indicator_id);

  G_OBJECT_CLASS (qs_requirements_editor_parent_class)->finalize (object);
}

static void
qs_requirements_editor_class_init (QsRequirementsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_requirements_editor_dispose;
  object_class->finalize = qs_requirements_editor_finalize;

  /**
   * QsRequirementsEditor::plan-changed:
   * @label: the edit's name, for the undo menu
   * @before: the plan's .qsplan serialisation before the edit
   *
   * Emitted after each edit of the plan's requirements or groups.
   */
  signals[PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BYTES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-requirements-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, list_page);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, form_page);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, indicator_button);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, indicator_popover);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, indicator_search);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, figure_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, reading_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, base_year_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, base_year_spin);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, year_spin);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, edit_group_button);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, districts_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, other_district_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, form_error);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, group_page);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, group_name_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, group_source_row);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, group_districts_group);
  gtk_widget_class_bind_template_child (widget_class, QsRequirementsEditor, group_other_row);
  gtk_widget_class_bind_template_callback (widget_class, indicator_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicator_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicator_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicator_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, figure_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, other_district_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_other_apply_cb);

  gtk_widget_class_install_action (widget_class, "requirements.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "requirements.edit", "u", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "requirements.delete", "u", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "requirements.apply", NULL, apply_action_cb);
  gtk_widget_class_install_action (widget_class, "requirements.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "requirements.edit-group", NULL,
                                   edit_group_action_cb);
  gtk_widget_class_install_action (widget_class, "requirements.new-group", NULL,
                                   new_group_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qs_requirements_editor_init (QsRequirementsEditor *self)
{
  self->list_groups = g_ptr_array_new ();
  self->known_districts = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->district_rows = g_ptr_array_new ();
  self->group_district_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * qs_requirements_editor_new:
 * @parent: (nullable): the main window
 * @municipal_plan: the plan whose requirements are edited
 * @workspace: (nullable): offers the district names of its plans
 * @catalog: (nullable): names the indicators
 *
 * Returns: (transfer none): a new window, not yet shown
 */
GtkWidget *
qs_requirements_editor_new (GtkWindow   *parent,
                            QsPlan      *municipal_plan,
                            QsWorkspace *workspace,
                            QsCatalog   *catalog)
{
  QsRequirementsEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QS_IS_PLAN (municipal_plan), NULL);
  g_return_val_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (catalog == NULL || QS_IS_CATALOG (catalog), NULL);

  self = g_object_new (QS_TYPE_REQUIREMENTS_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->plan = g_object_ref (municipal_plan);
  self->workspace = workspace != NULL ? g_object_ref (workspace) : NULL;
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  fill_indicator_list (self);
  refresh_list (self);
  return GTK_WIDGET (self);
}

QsPlan *
qs_requirements_editor_get_plan (QsRequirementsEditor *self)
{
  g_return_val_if_fail (QS_IS_REQUIREMENTS_EDITOR (self), NULL);
  return self->plan;
}

void
qs_requirements_editor_reload (QsRequirementsEditor *self)
{
  g_return_if_fail (QS_IS_REQUIREMENTS_EDITOR (self));

  g_clear_object (&self->editing);
  g_clear_object (&self->editing_group);
  refresh_list (self);
}
