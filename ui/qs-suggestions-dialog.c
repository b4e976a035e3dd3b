/* qs-suggestions-dialog.c: review the yearly values read from a plan's text.
 *
 * The importer offers the history a plan states in prose (2020年…优良天数
 * 达323天) as unaccepted QsYearValues.  Here the user accepts them (the
 * charts then draw them), rejects them (they are removed) or types values
 * in.  Every change goes through the plan's year-value store, re-inserting
 * an accepted item so that its "items-changed" tells the chart pane.
 */
#define G_LOG_DOMAIN "qs-suggestions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "qs-catalog.h"
#include "qs-suggestions-dialog.h"

struct _QsSuggestionsDialog
{
  AdwWindow        parent_instance;

  GtkButton       *accept_all_button;
  GtkLabel        *intro_label;
  AdwStatusPage   *empty_page;
  GtkBox          *groups_box;
  AdwEntryRow     *indicator_row;
  GtkSpinButton   *year_spin;
  AdwComboRow     *kind_row;
  AdwEntryRow     *value_row;
  GtkLabel        *error_label;

  QsPlan          *plan;
  QsCatalog       *catalog;
};

G_DEFINE_FINAL_TYPE (QsSuggestionsDialog, qs_suggestions_dialog, ADW_TYPE_WINDOW)

enum {
  PLAN_WILL_CHANGE,
  PLAN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void accept_clicked_cb (QsSuggestionsDialog *self,
                               GtkButton           *button);
static void reject_clicked_cb (QsSuggestionsDialog *self,
                               GtkButton           *button);

/* Helpers */

static gboolean
is_suggestion (QsYearValue *value)
{
  return qs_year_value_get_source (value) == QS_YEAR_VALUE_SOURCE_PROSE &&
         !qs_year_value_get_accepted (value);
}

static const char *
kind_label (QsYearValueKind kind)
{
  switch (kind)
    {
    case QS_YEAR_VALUE_TARGET:
      return _("target");
    case QS_YEAR_VALUE_BASELINE:
      return _("baseline");
    case QS_YEAR_VALUE_REQUIREMENT:
      return _("requirement");
    case QS_YEAR_VALUE_ACTUAL:
    default:
      return _("actual");
    }
}

static GtkWidget *
new_row (QsSuggestionsDialog *self,
         QsYearValue         *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *accept = gtk_button_new_from_icon_name ("object-select-symbolic");
  GtkWidget *reject = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *unit = qs_year_value_get_unit (value);
  const char *text = qs_year_value_get_text (value);
  const char *source = qs_year_value_get_source_text (value);
  g_autofree char *figure = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* "88.3" with its unit, unless the figure carries it already ("323天"). */
  figure = unit != NULL && *unit && text != NULL && !g_str_has_suffix (text, unit)
           ? g_strdup_printf ("%s %s", text, unit) : g_strdup (text ? text : "");
  if (qs_year_value_get_base_year (value) > 0)
    /* Translators: a suggested change: "2020 · 下降36.8% (compared with 2015)" */
    title = g_markup_printf_escaped (_("%d · <b>%s</b> (compared with %d)"), qs_year_value_get_year (value),
                                     figure, qs_year_value_get_base_year (value));
  else
    /* Translators: a suggested yearly value: "2020 · 88.3 % (actual)" */
    title = g_markup_printf_escaped (_("%d · <b>%s</b> (%s)"), qs_year_value_get_year (value), figure,
                                     kind_label (qs_year_value_get_kind (value)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  if (source != NULL && *source)
    {
      subtitle = g_markup_printf_escaped ("“%s”", source);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
    }

  gtk_widget_set_name (accept, "accept-button");
  gtk_widget_set_tooltip_text (accept, _("Accept"));
  gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (accept, "flat");
  gtk_widget_add_css_class (accept, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (accept), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accept"), -1);
  g_object_set_data_full (G_OBJECT (accept), "year-value", g_object_ref (value), g_object_unref);
  g_signal_connect_object (accept, "clicked", G_CALLBACK (accept_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_name (reject, "reject-button");
  gtk_widget_set_tooltip_text (reject, _("Reject"));
  gtk_widget_set_valign (reject, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reject, "flat");
  gtk_widget_add_css_class (reject, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (reject), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reject"), -1);
  g_object_set_data_full (G_OBJECT (reject), "year-value", g_object_ref (value), g_object_unref);
  g_signal_connect_object (reject, "clicked", G_CALLBACK (reject_clicked_cb), self, G_CONNECT_SWAPPED);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reject);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
  return row;
}

static const char *
group_key (QsYearValue *value)
{
  const char *id = qs_year_value_get_indicator_id (value);

  return id != NULL ? id : qs_year_value_get_indicator (value);
}

static void
rebuild (QsSuggestionsDialog *self)
{
  g_autoptr(GPtrArray) pending = qs_suggestions_dialog_get_pending (self);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  /* One group per indicator, in the order the plan first mentions it. */
  for (guint i = 0; i < pending->len; i++)
    {
      QsYearValue *value = g_ptr_array_index (pending, i);
      const char *key = group_key (value);
      GtkWidget *group = key ? g_hash_table_lookup (groups, key) : NULL;

      if (group == NULL)
        {
          const char *name = qs_year_value_get_indicator (value);

          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                           name && *name ? name : _("Unnamed indicator"));
          gtk_box_append (self->groups_box, group);
          if (key != NULL)
            g_hash_table_insert (groups, (gpointer) key, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_row (self, value));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), pending->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_box), pending->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), pending->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_all_button), pending->len > 0);
}

/* Puts @value back in place so that the store says it changed. */
static void
touch_value (QsSuggestionsDialog *self,
             QsYearValue         *value)
{
  GListStore *store = qs_plan_get_year_values (self->plan);
  guint position;

  if (g_list_store_find (store, value, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &value, 1);
}

/* Callbacks */

static void
accept_clicked_cb (QsSuggestionsDialog *self,
                   GtkButton           *button)
{
  QsYearValue *value = g_object_get_data (G_OBJECT (button), "year-value");
  g_autoptr(QsYearValue) keep = g_object_ref (value);

  qs_suggestions_dialog_accept (self, keep);
}

static void
reject_clicked_cb (QsSuggestionsDialog *self,
                   GtkButton           *button)
{
  QsYearValue *value = g_object_get_data (G_OBJECT (button), "year-value");
  g_autoptr(QsYearValue) keep = g_object_ref (value);

  qs_suggestions_dialog_reject (self, keep);
}

static void
accept_all_clicked_cb (QsSuggestionsDialog *self)
{
  qs_suggestions_dialog_accept_all (self);
}

static void
add_clicked_cb (QsSuggestionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  QsYearValueKind kind = adw_combo_row_get_selected (self->kind_row) == 1 ? QS_YEAR_VALUE_TARGET
                                                                          : QS_YEAR_VALUE_ACTUAL;

  if (!qs_suggestions_dialog_add_value (self, gtk_editable_get_text (GTK_EDITABLE (self->indicator_row)),
                                        gtk_spin_button_get_value_as_int (self->year_spin),
                                        gtk_editable_get_text (GTK_EDITABLE (self->value_row)), kind, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  gtk_label_set_text (self->error_label, "");
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
}

/* Overrides */

static void
qs_suggestions_dialog_dispose (GObject *object)
{
  QsSuggestionsDialog *self = QS_SUGGESTIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_SUGGESTIONS_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (qs_suggestions_dialog_parent_class)->dispose (object);
}

static void
qs_suggestions_dialog_class_init (QsSuggestionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_suggestions_dialog_dispose;

  /**
   * QsSuggestionsDialog::plan-will-change:
   * @label: the edit, for the undo menu ("Accept Suggestion")
   *
   * Emitted just before the dialog changes the plan's yearly values.
   */
  signals[PLAN_WILL_CHANGE] = g_signal_new ("plan-will-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * QsSuggestionsDialog::plan-changed:
   * @label: the edit
   *
   * Emitted after the dialog changed the plan's yearly values.
   */
  signals[PLAN_CHANGED] = g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-suggestions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, groups_box);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, QsSuggestionsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, accept_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qs_suggestions_dialog_init (QsSuggestionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Without the catalog, typed-in values keep their name only. */
  self->catalog = qs_catalog_new_default (NULL);
}

/* Public API */

/**
 * qs_suggestions_dialog_new:
 * @parent: (nullable): the window the dialog is modal over
 * @plan: the plan whose suggestions are reviewed; it is changed in place
 */
GtkWidget *
qs_suggestions_dialog_new (GtkWindow *parent,
                           QsPlan    *plan)
{
  QsSuggestionsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  self = g_object_new (QS_TYPE_SUGGESTIONS_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  rebuild (self);
  return GTK_WIDGET (self);
}

QsPlan *
qs_suggestions_dialog_get_plan (QsSuggestionsDialog *self)
{
  g_return_val_if_fail (QS_IS_SUGGESTIONS_DIALOG (self), NULL);
  return self->plan;
}

GPtrArray *
qs_suggestions_dialog_get_pending (QsSuggestionsDialog *self)
{
  GPtrArray *pending = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *values;
  guint n;

  g_return_val_if_fail (QS_IS_SUGGESTIONS_DIALOG (self), pending);

  if (self->plan == NULL)
    return pending;
  values = G_LIST_MODEL (qs_plan_get_year_values (self->plan));
  n = g_list_model_get_n_items (values);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsYearValue) value = g_list_model_get_item (values, i);

      if (is_suggestion (value))
        g_ptr_array_add (pending, g_steal_pointer (&value));
    }
  return pending;
}

void
qs_suggestions_dialog_accept (QsSuggestionsDialog *self,
                              QsYearValue         *value)
{
  const char *label = _("Accept Yearly Value");

  g_return_if_fail (QS_IS_SUGGESTIONS_DIALOG (self));
  g_return_if_fail (QS_IS_YEAR_VALUE (value));

  if (!is_suggestion (value))
    return;
  g_signal_emit (self, signals[PLAN_WILL_CHANGE], 0, label);
  qs_year_value_set_accepted (value, TRUE);
  touch_value (self, value);
  g_signal_emit (self, signals[PLAN_CHANGED], 0, label);
  rebuild (self);
}

void
qs_suggestions_dialog_reject (QsSuggestionsDialog *self,
                              QsYearValue         *value)
{
  const char *label = _("Reject Yearly Value");
  GListStore *store;
  guint position;

  g_return_if_fail (QS_IS_SUGGESTIONS_DIALOG (self));
  g_return_if_fail (QS_IS_YEAR_VALUE (value));

  store = qs_plan_get_year_values (self->plan);
  if (!is_suggestion (value) || !g_list_store_find (store, value, &position))
    return;
  g_signal_emit (self, signals[PLAN_WILL_CHANGE], 0, label);
  g_list_store_remove (store, position);
  g_signal_emit (self, signals[PLAN_CHANGED], 0, label);
  rebuild (self);
}

void
qs_suggestions_dialog_accept_all (QsSuggestionsDialog *self)
{
  const char *label = _("Accept All Yearly Values");
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (QS_IS_SUGGESTIONS_DIALOG (self));

  pending = qs_suggestions_dialog_get_pending (self);
  if (pending->len == 0)
    return;
  g_signal_emit (self, signals[PLAN_WILL_CHANGE], 0, label);
  for (guint i = 0; i < pending->len; i++)
    {
      qs_year_value_set_accepted (g_ptr_array_index (pending, i), TRUE);
      touch_value (self, g_ptr_array_index (pending, i));
    }
  g_signal_emit (self, signals[PLAN_CHANGED], 0, label);
  rebuild (self);
}

gboolean
qs_suggestions_dialog_add_value (QsSuggestionsDialog  *self,
                                 const char           *indicator,
                                 int                   year,
                                 const char           *text,
                                 QsYearValueKind       kind,
                                 GError              **error)
{
  const char *label = _("Add Yearly Value");
  g_autofree char *name = indicator ? g_strstrip (g_strdup (indicator)) : g_strdup ("");
  g_autofree char *figure = text ? g_strstrip (g_strdup (text)) : g_strdup ("");
  g_autoptr(QsYearValue) value = NULL;
  QsCatalogEntry *entry = NULL;
  double number;

  g_return_val_if_fail (QS_IS_SUGGESTIONS_DIALOG (self), FALSE);

  if (*name == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Enter the indicator's name, e.g. 森林覆盖率."));
      return FALSE;
    }
  if (year < 1980 || year > 2100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The year %d is outside 1980–2100."), year);
      return FALSE;
    }
  value = qs_year_value_new (name, year, figure, kind, QS_YEAR_VALUE_SOURCE_USER);
  if (*figure == '\0' || !qs_year_value_get_number (value, &number))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a figure: enter a number such as 88.3 or ≥35."), figure);
      return FALSE;
    }
  if (self->catalog != NULL)
    entry = qs_catalog_lookup_name (self->catalog, name);
  if (entry == NULL && self->catalog != NULL)
    entry = qs_catalog_lookup_id (self->catalog, name);
  if (entry != NULL)
    {
      qs_year_value_set_indicator_id (value, qs_catalog_entry_get_id (entry));
      qs_year_value_set_unit (value, qs_catalog_entry_get_unit (entry));
    }
  qs_year_value_set_accepted (value, TRUE);

  g_signal_emit (self, signals[PLAN_WILL_CHANGE], 0, label);
  g_list_store_append (qs_plan_get_year_values (self->plan), value);
  g_signal_emit (self, signals[PLAN_CHANGED], 0, label);
  return TRUE;
}
