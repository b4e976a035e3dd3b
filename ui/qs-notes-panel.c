/* qs-notes-panel.c: the review notes (审阅意见) of a plan beside the plan
 * editor.
 *
 * The notes live in the plan (qs_plan_get_review_notes), so that they
 * travel with the .qsplan file; the panel lists them through a filter (all
 * or the open ones), and every change it makes to them is reported with
 * "plan-changed" for the editor to record undo and save.  A note is added
 * on the target the editor gives: the row or cell selected in a table.
 */
#define G_LOG_DOMAIN "qs-notes-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-notes-panel.h"
#include "qs-ui.h"

struct _QsNotesPanel
{
  GtkWidget           parent_instance;

  QsPlan             *plan;
  GListStore         *notes;        /* the plan's, borrowed through plan */
  char               *author;
  gboolean            open_only;

  /* The target of new notes. */
  QsReviewNoteTarget  target_kind;
  int                 target_table;
  int                 target_row;
  char               *target_column;
  char               *target_section;
  char               *target_label;

  GtkCustomFilter    *filter;
  GtkFilterListModel *listed;

  GtkLabel           *summary_label;
  GtkMenuButton      *add_button;
  GtkPopover         *add_popover;
  GtkLabel           *form_target_label;
  GtkTextView        *note_text;
  GtkButton          *add_note_button;
  GtkToggleButton    *all_button;
  GtkToggleButton    *open_button;
  GtkStack           *stack;
  GtkListBox         *notes_list;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (QsNotesPanel, qs_notes_panel, GTK_TYPE_WIDGET)

enum {
  NOTE_ACTIVATED,
  PLAN_WILL_CHANGE,
  PLAN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Describing targets */

static char *
table_label (GObject *table,
             int      index)
{
  const char *label = NULL;

  if (QS_IS_INDICATOR_TABLE (table))
    label = qs_indicator_table_get_label (QS_INDICATOR_TABLE (table));
  else if (QS_IS_TASK_TABLE (table))
    label = qs_task_table_get_label (QS_TASK_TABLE (table));
  if (label != NULL && *label != '\0')
    return g_strdup (label);
  return g_strdup_printf (_("Table %d"), index + 1);
}

static const char *
row_name (GObject *table,
          int      row_index)
{
  if (row_index < 0)
    return NULL;
  if (QS_IS_INDICATOR_TABLE (table))
    {
      QsIndicatorRow *row = qs_indicator_table_get_row (QS_INDICATOR_TABLE (table), row_index);
      const char *name = row != NULL ? qs_indicator_row_get_indicator (row) : NULL;

      if (row != NULL && (name == NULL || *name == '\0'))
        name = qs_indicator_row_get_name (row);
      return name;
    }
  if (QS_IS_TASK_TABLE (table))
    {
      GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (QS_TASK_TABLE (table)));
      g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, row_index);

      /* The first cell names a task row; the GListStore keeps the row alive. */
      return row != NULL ? qs_task_row_get_cell (row, 0) : NULL;
    }
  return NULL;
}

static char *
describe_section (QsPlan     *plan,
                  const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path != NULL ? path : "", "/", -1);
  GListModel *level = G_LIST_MODEL (qs_plan_get_chapters (plan));
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL && level != NULL; i++)
    {
      guint64 position;
      g_autoptr(QsSection) section = NULL;
      g_autofree char *title = NULL;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, G_MAXUINT, &position, NULL))
        break;
      section = g_list_model_get_item (level, position - 1);
      if (section == NULL)
        break;
      title = qs_section_dup_display_title (section);
      if (out->len > 0)
        g_string_append (out, " › ");
      g_string_append (out, title);
      level = G_LIST_MODEL (qs_section_get_children (section));
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
qs_notes_panel_describe_target (QsPlan       *plan,
                                QsReviewNote *note)
{
  g_autoptr(GPtrArray) tables = NULL;
  GObject *table;
  GString *out;
  int index;
  const char *name;

  g_return_val_if_fail (QS_IS_REVIEW_NOTE (note), NULL);

  if (plan == NULL)
    return qs_review_note_describe_target (note);
  if (qs_review_note_get_target (note) == QS_REVIEW_NOTE_TARGET_SECTION)
    {
      char *headings = describe_section (plan, qs_review_note_get_section_path (note));

      return headings != NULL ? headings : qs_review_note_describe_target (note);
    }

  /* A table that is gone (or moved past the end) is described from what
   * the note remembers. */
  tables = qs_review_note_collect_tables (plan);
  index = qs_review_note_get_table_index (note);
  if (index < 0 || (guint) index >= tables->len)
    return qs_review_note_describe_target (note);
  table = g_ptr_array_index (tables, index);

  out = g_string_new (NULL);
  {
    g_autofree char *label = table_label (table, index);

    g_string_append (out, label);
  }
  {
    int row = qs_review_note_get_row_index (note);

    if (row >= 0)
      {
        g_string_append_c (out, ' ');
        g_string_append_printf (out, _("Row %d"), row + 1);
        name = row_name (table, row);
        if (name != NULL && *name != '\0')
          g_string_append_printf (out, " %s", name);
      }
  }
  if (qs_review_note_get_column (note) != NULL)
    g_string_append_printf (out, " · %s", qs_review_note_get_column (note));
  return g_string_free (out, FALSE);
}

/* The list */

static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (created == NULL || *created == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (created, NULL);
  if (utc == NULL)
    return g_strdup (created);
  local = g_date_time_to_local (utc);
  /* The same format as the versions window's (xgettext:no-c-format). */
  return g_date_time_format (local, _("%b %-d, %Y %H:%M"));
}

static void
update_summary (QsNotesPanel *self)
{
  guint n = self->notes != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->notes)) : 0;
  guint open = 0;
  guint listed = g_list_model_get_n_items (G_LIST_MODEL (self->listed));
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (!qs_review_note_get_resolved (note))
        open++;
    }

  if (n == 0)
    summary = g_strdup (_("No notes yet"));
  else
    {
      g_autofree char *total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note",
                                                             "%u notes", n), n);

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u open", "%s, %u open",
                                              open), total, open);
    }
  gtk_label_set_text (self->summary_label, summary);

  if (listed > 0)
    gtk_stack_set_visible_child_name (self->stack, "notes");
  else
    {
      if (self->plan == NULL)
        {
          adw_status_page_set_title (self->empty_page, _("No Plan"));
          adw_status_page_set_description (self->empty_page, NULL);
        }
      else if (n > 0 && self->open_only)
        {
          adw_status_page_set_title (self->empty_page, _("All Notes Resolved"));
          adw_status_page_set_description (self->empty_page,
                                           _("Choose “All” to see the resolved notes."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Review Notes"));
          adw_status_page_set_description (self->empty_page,
                                           _("Select a row or cell of an indicator table, then "
                                             "add a note on it."));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
update_row_state (GtkWidget    *row,
                  QsReviewNote *note)
{
  GtkLabel *meta_label = g_object_get_data (G_OBJECT (row), "meta-label");
  g_autofree char *when = format_created (qs_review_note_get_created (note));
  g_autofree char *meta = NULL;
  const char *author = qs_review_note_get_author (note);

  author = author != NULL && *author != '\0' ? author : _("Unknown author");
  if (qs_review_note_get_resolved (note))
    {
      gtk_widget_add_css_class (row, "resolved");
      meta = g_strdup_printf (_("%s · %s · resolved"), author, when);
    }
  else
    {
      gtk_widget_remove_css_class (row, "resolved");
      meta = g_strdup_printf ("%s · %s", author, when);
    }
  gtk_label_set_text (meta_label, meta);
}

static void
resolved_toggled_cb (GtkCheckButton *check,
                     QsNotesPanel   *self)
{
  QsReviewNote *note = g_object_get_data (G_OBJECT (check), "note");
  gboolean resolved = gtk_check_button_get_active (check);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);

  if (qs_review_note_get_resolved (note) == resolved)
    return;
  g_signal_emit (self, signals[PLAN_WILL_CHANGE], 0,
                 resolved ? _("Resolve Review Note") : _("Reopen Review Note"));
  qs_review_note_set_resolved (note, resolved);
  if (row != NULL)
    update_row_state (row, note);
  /* The row may leave the list now (filter "open"); the check button is
   * kept alive by the emission. */
  gtk_filter_changed (GTK_FILTER (self->filter), resolved ? GTK_FILTER_CHANGE_MORE_STRICT
                                                          : GTK_FILTER_CHANGE_LESS_STRICT);
  update_summary (self);
  g_signal_emit (self, signals[PLAN_CHANGED], 0);
}

static void
delete_clicked_cb (GtkButton    *button,
                   QsNotesPanel *self)
{
  QsReviewNote *note = g_object_get_data (G_OBJECT (button), "note");
  guint position;

  if (self->notes == NULL
      || !g_list_store_find (self->notes, note, &position))
    return;
  g_signal_emit (self, signals[PLAN_WILL_CHANGE], 0, _("Delete Review Note"));
  g_list_store_remove (self->notes, position);
  g_signal_emit (self, signals[PLAN_CHANGED], 0);
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  QsNotesPanel *self = user_data;
  QsReviewNote *note = item;
  g_autofree char *target = qs_notes_panel_describe_target (self->plan, note);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *target_label = gtk_label_new (target);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *text = gtk_label_new (qs_review_note_get_text (note));
  GtkWidget *meta_label;
  gboolean resolved = qs_review_note_get_resolved (note);

  gtk_widget_add_css_class (row, "note-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "note", g_object_ref (note), g_object_unref);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), resolved);
  gtk_widget_set_tooltip_text (check, _("Resolved"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (check, "note-resolved");
  g_object_set_data_full (G_OBJECT (check), "note", g_object_ref (note), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (resolved_toggled_cb), self);

  gtk_label_set_xalign (GTK_LABEL (target_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (target_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (target_label, target);
  gtk_widget_set_hexpand (target_label, TRUE);
  gtk_widget_add_css_class (target_label, "note-target");

  gtk_widget_set_tooltip_text (delete, _("Delete Note"));
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_add_css_class (delete, "circular");
  gtk_widget_add_css_class (delete, "note-delete");
  g_object_set_data_full (G_OBJECT (delete), "note", g_object_ref (note), g_object_unref);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);

  gtk_box_append (GTK_BOX (top), check);
  gtk_box_append (GTK_BOX (top), target_label);
  gtk_box_append (GTK_BOX (top), delete);
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text, "note-text");
  gtk_box_append (GTK_BOX (box), text);

  meta_label = gtk_label_new (NULL);
  g_object_set_data (G_OBJECT (row), "meta-label", meta_label);
  gtk_label_set_xalign (GTK_LABEL (meta_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta_label, "dim-label");
  gtk_widget_add_css_class (meta_label, "caption");
  gtk_box_append (GTK_BOX (box), meta_label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_row_state (row, note);
  return row;
}

static gboolean
filter_note (gpointer item,
             gpointer user_data)
{
  QsNotesPanel *self = user_data;

  return !self->open_only || !qs_review_note_get_resolved (QS_REVIEW_NOTE (item));
}

/* The form */

static char *
dup_form_text (QsNotesPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_text);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
has_target (QsNotesPanel *self)
{
  if (self->target_kind == QS_REVIEW_NOTE_TARGET_SECTION)
    return self->target_section != NULL;
  return self->target_table >= 0;
}

static void
update_form (QsNotesPanel *self)
{
  g_autofree char *text = dup_form_text (self);
  gboolean can_add = self->plan != NULL && has_target (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), can_add);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               can_add ? _("Add a note on the row or cell selected")
                                       : _("Select a row or cell of an indicator table to add "
                                           "a note on it"));
  gtk_label_set_text (self->form_target_label, self->target_label != NULL ? self->target_label : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_note_button),
                            can_add && *g_strstrip (text) != '\0');
}

static void
clear_target (QsNotesPanel *self)
{
  self->target_kind = QS_REVIEW_NOTE_TARGET_TABLE;
  self->target_table = -1;
  self->target_row = -1;
  g_clear_pointer (&self->target_column, g_free);
  g_clear_pointer (&self->target_section, g_free);
  g_clear_pointer (&self->target_label, g_free);
}

static const char *
dup_author (QsNotesPanel *self)
{
  const char *name;

  if (self->author != NULL && *self->author != '\0')
    return self->author;
  name = g_get_real_name ();
  /* GLib says "Unknown" when the password database has no real name. */
  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}

/* Callbacks */

static void
text_changed_cb (QsNotesPanel *self)
{
  update_form (self);
}

static void
add_note_clicked_cb (QsNotesPanel *self)
{
  g_autofree char *text = dup_form_text (self);

  if (qs_notes_panel_add_note (self, text) == NULL)
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_text), "", -1);
  gtk_popover_popdown (self->add_popover);
}

static void
popover_shown_cb (QsNotesPanel *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->note_text));
}

static void
filter_toggled_cb (QsNotesPanel *self)
{
  qs_notes_panel_set_open_only (self, gtk_toggle_button_get_active (self->open_button));
}

static void
row_activated_cb (QsNotesPanel  *self,
                  GtkListBoxRow *row)
{
  QsReviewNote *note = g_object_get_data (G_OBJECT (row), "note");

  if (note != NULL)
    g_signal_emit (self, signals[NOTE_ACTIVATED], 0, note);
}

static void
items_changed_cb (QsNotesPanel *self)
{
  update_summary (self);
}

/* Overrides */

static void
qs_notes_panel_dispose (GObject *object)
{
  QsNotesPanel *self = QS_NOTES_PANEL (object);
  GtkWidget *child;

  if (self->notes_list != NULL)
    gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_NOTES_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->listed);
  g_clear_object (&self->filter);
  self->notes = NULL;
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (qs_notes_panel_parent_class)->dispose (object);
}

static void
qs_notes_panel_finalize (GObject *object)
{
  QsNotesPanel *self = QS_NOTES_PANEL (object);

  clear_target (self);
  g_free (self->author);

  G_OBJECT_CLASS (qs_notes_panel_parent_class)->finalize (object);
}

static void
qs_notes_panel_class_init (QsNotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_notes_panel_dispose;
  object_class->finalize = qs_notes_panel_finalize;

  /**
   * QsNotesPanel::note-activated:
   * @note: the QsReviewNote of the row activated
   *
   * The user asked to see what @note is on.
   */
  signals[NOTE_ACTIVATED] =
    g_signal_new ("note-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, QS_TYPE_REVIEW_NOTE);
  /**
   * QsNotesPanel::plan-will-change:
   * @label: the change's name, for the undo menu
   *
   * A note of the plan is about to be added, resolved, reopened or deleted
   * (the caller records the state to undo to).
   */
  signals[PLAN_WILL_CHANGE] =
    g_signal_new ("plan-will-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * QsNotesPanel::plan-changed:
   *
   * A note of the plan was added, resolved, reopened or deleted.
   */
  signals[PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               QS_RESOURCE_PATH "/ui/qs-notes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, add_popover);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, form_target_label);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, note_text);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, add_note_button);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, all_button);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, open_button);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, notes_list);
  gtk_widget_class_bind_template_child (widget_class, QsNotesPanel, empty_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qsnotespanel");
}

static void
qs_notes_panel_init (QsNotesPanel *self)
{
  GtkCssProvider *provider;
  static gboolean loaded;

  if (!loaded && gdk_display_get_default () != NULL)
    {
      /* The shared style of the versions window and this panel. */
      loaded = TRUE;
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider,
                                           QS_RESOURCE_PATH "/ui/qs-versions-window.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
    }

  self->target_table = -1;
  self->target_row = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_note, self, NULL);
  self->listed = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_swapped (self->listed, "items-changed", G_CALLBACK (items_changed_cb), self);
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (self->listed),
                           create_note_row, self, NULL);

  g_signal_connect_swapped (self->notes_list, "row-activated",
                            G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_text), "changed",
                            G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->add_note_button, "clicked",
                            G_CALLBACK (add_note_clicked_cb), self);
  g_signal_connect_swapped (self->add_popover, "show", G_CALLBACK (popover_shown_cb), self);
  g_signal_connect_swapped (self->open_button, "toggled", G_CALLBACK (filter_toggled_cb), self);

  update_form (self);
  update_summary (self);
}

/* Public API */

GtkWidget *
qs_notes_panel_new (void)
{
  return g_object_new (QS_TYPE_NOTES_PANEL, NULL);
}

void
qs_notes_panel_set_plan (QsNotesPanel *self,
                         QsPlan       *plan)
{
  g_return_if_fail (QS_IS_NOTES_PANEL (self));
  g_return_if_fail (plan == NULL || QS_IS_PLAN (plan));

  clear_target (self);
  if (self->plan != plan)
    {
      g_set_object (&self->plan, plan);
      self->notes = plan != NULL ? qs_plan_get_review_notes (plan) : NULL;
      gtk_filter_list_model_set_model (self->listed, G_LIST_MODEL (self->notes));
    }
  update_form (self);
  update_summary (self);
}

QsPlan *
qs_notes_panel_get_plan (QsNotesPanel *self)
{
  g_return_val_if_fail (QS_IS_NOTES_PANEL (self), NULL);
  return self->plan;
}

void
qs_notes_panel_set_target (QsNotesPanel *self,
                           int           table_index,
                           int           row_index,
                           const char   *column_name,
                           const char   *label)
{
  g_return_if_fail (QS_IS_NOTES_PANEL (self));

  clear_target (self);
  if (table_index >= 0)
    {
      self->target_table = table_index;
      self->target_row = MAX (row_index, -1);
      self->target_column = g_strdup (column_name);
      if (label != NULL)
        self->target_label = g_strdup (label);
      else if (self->plan != NULL)
        {
          g_autoptr(QsReviewNote) probe = qs_review_note_new ("");

          qs_review_note_set_table_target (probe, table_index, NULL, self->target_row,
                                           column_name);
          self->target_label = qs_notes_panel_describe_target (self->plan, probe);
        }
    }
  update_form (self);
}

void
qs_notes_panel_set_section_target (QsNotesPanel *self,
                                   const char   *section_path,
                                   const char   *label)
{
  g_return_if_fail (QS_IS_NOTES_PANEL (self));

  clear_target (self);
  if (section_path != NULL)
    {
      self->target_kind = QS_REVIEW_NOTE_TARGET_SECTION;
      self->target_section = g_strdup (section_path);
      if (label != NULL)
        self->target_label = g_strdup (label);
      else if (self->plan != NULL)
        self->target_label = describe_section (self->plan, section_path);
    }
  update_form (self);
}

void
qs_notes_panel_set_author (QsNotesPanel *self,
                           const char   *author)
{
  g_return_if_fail (QS_IS_NOTES_PANEL (self));
  g_free (self->author);
  self->author = g_strdup (author);
}

QsReviewNote *
qs_notes_panel_add_note (QsNotesPanel *self,
                         const char   *text)
{
  g_autoptr(QsReviewNote) note = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (QS_IS_NOTES_PANEL (self), NULL);

  if (self->plan == NULL || !has_target (self) || text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;

  note = qs_review_note_new (stripped);
  qs_review_note_set_id (note, qs_review_note_list_next_id (G_LIST_MODEL (self->notes)));
  qs_review_note_set_author (note, dup_author (self));
  if (self->target_kind == QS_REVIEW_NOTE_TARGET_SECTION)
    qs_review_note_set_section_target (note, self->target_section);
  else
    {
      g_autoptr(GPtrArray) tables = qs_review_note_collect_tables (self->plan);
      const char *caption = NULL;

      /* The caption is kept so that the note still says what it meant
       * after tables move. */
      if ((guint) self->target_table < tables->len)
        {
          GObject *table = g_ptr_array_index (tables, self->target_table);

          caption = QS_IS_INDICATOR_TABLE (table)
                      ? qs_indicator_table_get_caption (QS_INDICATOR_TABLE (table))
                      : qs_task_table_get_caption (QS_TASK_TABLE (table));
        }
      qs_review_note_set_table_target (note, self->target_table, caption, self->target_row,
                                       self->target_column);
    }
  g_signal_emit (self, signals[PLAN_WILL_CHANGE], 0, _("Add Review Note"));
  g_list_store_append (self->notes, note);
  g_signal_emit (self, signals[PLAN_CHANGED], 0);
  return note;
}

void
qs_notes_panel_set_open_only (QsNotesPanel *self,
                              gboolean      open_only)
{
  g_return_if_fail (QS_IS_NOTES_PANEL (self));

  open_only = !!open_only;
  if (self->open_only == open_only)
    return;
  self->open_only = open_only;
  gtk_toggle_button_set_active (open_only ? self->open_button : self->all_button, TRUE);
  gtk_filter_changed (GTK_FILTER (self->filter), open_only ? GTK_FILTER_CHANGE_MORE_STRICT
                                                           : GTK_FILTER_CHANGE_LESS_STRICT);
  update_summary (self);
}

gboolean
qs_notes_panel_get_open_only (QsNotesPanel *self)
{
  g_return_val_if_fail (QS_IS_NOTES_PANEL (self), FALSE);
  return self->open_only;
}

GListModel *
qs_notes_panel_get_listed (QsNotesPanel *self)
{
  g_return_val_if_fail (QS_IS_NOTES_PANEL (self), NULL);
  return G_LIST_MODEL (self->listed);
}
