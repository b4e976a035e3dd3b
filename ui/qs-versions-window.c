/* qs-versions-window.c: the saved versions of one plan of the workspace,
 * what changed between two of them, and restoring one.
 *
 * The list on the left holds every version the workspace kept, newest
 * first.  The version selected is compared with the one before it (what
 * that save changed), with the current version, or with any other picked
 * in "Compare with"; the older of the two is always the "old" side, so
 * that the changes read forwards in time.  Changes are grouped the way a
 * planner finds them in the plan: by table, else by section.
 */
#define G_LOG_DOMAIN "qs-versions-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-ui.h"
#include "qs-versions-window.h"

struct _QsVersionsWindow
{
  AdwWindow         parent_instance;

  QsWorkspace      *workspace;
  gint64            plan_id;
  GPtrArray        *versions;     /* QsPlanVersion*, oldest first */
  GHashTable       *plans;        /* version → QsPlan, loaded on demand */
  QsPlanDiff       *diff;
  int               old_version;
  int               new_version;
  gboolean          updating;     /* while the list or menu is being filled */

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkListBox       *versions_list;
  GtkLabel         *compare_title;
  GtkLabel         *compare_subtitle;
  GtkDropDown      *base_dropdown;
  GtkStack         *diff_stack;
  GtkScrolledWindow *changes_scroller;
  GtkBox           *changes_box;
  AdwStatusPage    *message_page;
};

G_DEFINE_FINAL_TYPE (QsVersionsWindow, qs_versions_window, ADW_TYPE_WINDOW)

enum {
  PLAN_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The first entries of "Compare with"; then one per version, newest first. */
enum {
  BASE_PREVIOUS,
  BASE_CURRENT,
  N_BASE_FIXED
};

static void show_selection (QsVersionsWindow *self);

/* Formatting */

static void
load_css (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  GtkCssProvider *provider;

  /* Loaded by the widget itself so that it also applies in tests, which
   * run without the application. */
  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, QS_RESOURCE_PATH "/ui/qs-versions-window.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static char *
format_saved_at (const char *saved_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (saved_at == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (saved_at, NULL);
  if (utc == NULL)
    return g_strdup (saved_at);
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: a date and time in g_date_time_format()'s format,
   * e.g. 2026年11月23日 09:40 (xgettext:no-c-format) */
  return g_date_time_format (local, _("%b %-d, %Y %H:%M"));
}

static const char *
author_or_unknown (const char *author)
{
  return author != NULL && *author != '\0' ? author : _("Unknown author");
}

/* A column header as written may hold line breaks ("2025年\n目标值"). */
static char *
squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
version_title (int version)
{
  return g_strdup_printf (_("Version %d"), version);
}

/* Versions and plans */

static const QsPlanVersion *
find_version (QsVersionsWindow *self,
              int               version)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      const QsPlanVersion *v = g_ptr_array_index (self->versions, i);

      if (v->version == version)
        return v;
    }
  return NULL;
}

static int
latest_version (QsVersionsWindow *self)
{
  if (self->versions == NULL || self->versions->len == 0)
    return 0;
  return ((const QsPlanVersion *) g_ptr_array_index (self->versions,
                                                     self->versions->len - 1))->version;
}

static int
previous_version (QsVersionsWindow *self,
                  int               version)
{
  int previous = 0;

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      const QsPlanVersion *v = g_ptr_array_index (self->versions, i);

      if (v->version < version)
        previous = MAX (previous, v->version);
    }
  return previous;
}

static QsPlan *
get_plan (QsVersionsWindow  *self,
          int                version,
          GError           **error)
{
  QsPlan *plan = g_hash_table_lookup (self->plans, GINT_TO_POINTER (version));

  if (plan != NULL)
    return plan;
  plan = qs_workspace_load_version (self->workspace, self->plan_id, version, error);
  if (plan != NULL)
    g_hash_table_insert (self->plans, GINT_TO_POINTER (version), plan);
  return plan;
}

/* The list of versions */

static GtkWidget *
create_version_row (QsVersionsWindow    *self,
                    const QsPlanVersion *version)
{
  g_autofree char *title = version_title (version->version);
  g_autofree char *when = format_saved_at (version->saved_at);
  g_autofree char *size = g_format_size (version->size);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf ("%s\n%s · %s", when, author_or_unknown (version->author), size);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (row, "version-row");
  if (version->version == latest_version (self))
    {
      GtkWidget *badge = gtk_label_new (_("Current"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "version-current-badge");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  g_object_set_data (G_OBJECT (row), "version", GINT_TO_POINTER (version->version));
  return row;
}

static GtkListBoxRow *
find_version_row (QsVersionsWindow *self,
                  int               version)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "version")) == version)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static void
fill_base_menu (QsVersionsWindow *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  gtk_string_list_append (items, _("Previous Version"));
  gtk_string_list_append (items, _("Current Version"));
  for (guint i = self->versions->len; i > 0; i--)
    {
      const QsPlanVersion *v = g_ptr_array_index (self->versions, i - 1);
      g_autofree char *title = version_title (v->version);
      g_autofree char *when = format_saved_at (v->saved_at);
      g_autofree char *item = g_strdup_printf ("%s · %s", title, when);

      gtk_string_list_append (items, item);
    }
  gtk_drop_down_set_model (self->base_dropdown, G_LIST_MODEL (items));
}

static int
base_item_version (QsVersionsWindow *self,
                   guint             position)
{
  guint index;

  if (position < N_BASE_FIXED || position == GTK_INVALID_LIST_POSITION)
    return 0;
  index = position - N_BASE_FIXED;
  if (index >= self->versions->len)
    return 0;
  return ((const QsPlanVersion *) g_ptr_array_index (self->versions,
                                                     self->versions->len - 1 - index))->version;
}

static guint
base_item_position (QsVersionsWindow *self,
                    int               version)
{
  for (guint i = 0; i < self->versions->len; i++)
    if (base_item_version (self, N_BASE_FIXED + i) == version)
      return N_BASE_FIXED + i;
  return GTK_INVALID_LIST_POSITION;
}

/* Reads the list of versions again and selects @select (0: the latest). */
static void
reload (QsVersionsWindow *self,
        int               select)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) current = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;
  guint base;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))) != NULL)
    gtk_list_box_remove (self->versions_list, child);
  g_clear_pointer (&self->versions, g_ptr_array_unref);

  self->versions = qs_workspace_list_versions (self->workspace, self->plan_id, &error);
  if (self->versions == NULL)
    {
      self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) qs_plan_version_free);
      adw_status_page_set_icon_name (self->message_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->message_page, _("Cannot Read the Versions"));
      adw_status_page_set_description (self->message_page, error->message);
      gtk_stack_set_visible_child_name (self->diff_stack, "message");
    }

  /* The title of the plan as it is now. */
  current = qs_workspace_load_plan (self->workspace, self->plan_id, NULL);
  title = qs_plan_dup_title_or_untitled (current != NULL ? qs_plan_get_title (current) : NULL);
  adw_window_title_set_subtitle (self->window_title, title);

  for (guint i = self->versions->len; i > 0; i--)
    gtk_list_box_append (self->versions_list,
                         create_version_row (self, g_ptr_array_index (self->versions, i - 1)));

  base = gtk_drop_down_get_selected (self->base_dropdown);
  fill_base_menu (self);
  /* Keep "previous" or "current"; a version picked may have moved. */
  gtk_drop_down_set_selected (self->base_dropdown, base == BASE_CURRENT ? BASE_CURRENT
                                                                       : BASE_PREVIOUS);
  if (select == 0 || find_version (self, select) == NULL)
    select = latest_version (self);
  gtk_list_box_select_row (self->versions_list, find_version_row (self, select));
  self->updating = FALSE;

  if (self->versions->len > 0)
    show_selection (self);
}

/* The changes */

typedef struct
{
  GtkWidget *group;   /* AdwPreferencesGroup */
} Group;

/* Theme colours for the runs of a paragraph, which Pango markup cannot
 * take from CSS: Adwaita's success and error colours (they have dark
 * variants), looked up when the changes are shown. */
typedef struct
{
  char *insert_fg;
  char *delete_fg;
} RunColours;

static char *
lookup_colour (GtkWidget  *widget,
               const char *name,
               const char *fallback)
{
  GdkRGBA rgba;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &rgba))
    return g_strdup (fallback);
G_GNUC_END_IGNORE_DEPRECATIONS
  return g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                          (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
}

static void
append_runs_markup (GString          *markup,
                    GPtrArray        *runs,
                    const RunColours *colours)
{
  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      const QsDiffRun *run = g_ptr_array_index (runs, i);
      g_autofree char *text = g_markup_escape_text (run->text != NULL ? run->text : "", -1);

      switch (run->kind)
        {
        case QS_DIFF_INSERT:
          g_string_append_printf (markup, "<span foreground=\"%s\" background=\"%s\" "
                                  "bgalpha=\"18%%\" underline=\"single\">%s</span>",
                                  colours->insert_fg, colours->insert_fg, text);
          break;
        case QS_DIFF_DELETE:
          g_string_append_printf (markup, "<span foreground=\"%s\" strikethrough=\"true\">%s</span>",
                                  colours->delete_fg, text);
          break;
        case QS_DIFF_EQUAL:
        default:
          g_string_append (markup, text);
          break;
        }
    }
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "35 → ≥36": the old value struck through, the new one in green. */
static GtkWidget *
values_box (const char *old_text,
            const char *new_text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *arrow;

  gtk_widget_add_css_class (box, "diff-values");
  gtk_widget_set_valign (box, GTK_ALIGN_BASELINE);
  if (old_text != NULL)
    gtk_box_append (GTK_BOX (box), text_label (*old_text != '\0' ? old_text : _("(empty)"),
                                               *old_text != '\0' ? "diff-deleted" : "diff-empty"));
  if (old_text != NULL && new_text != NULL)
    {
      arrow = gtk_label_new ("→");
      gtk_widget_add_css_class (arrow, "dim-label");
      gtk_widget_set_valign (arrow, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (box), arrow);
    }
  if (new_text != NULL)
    gtk_box_append (GTK_BOX (box), text_label (*new_text != '\0' ? new_text : _("(empty)"),
                                               *new_text != '\0' ? "diff-inserted" : "diff-empty"));
  return box;
}

typedef enum
{
  MARK_ADDED,
  MARK_REMOVED,
  MARK_CHANGED,
} Mark;

static GtkWidget *
change_row (Mark        mark,
            const char *location,
            GtkWidget  *detail,
            gboolean    detail_beside)
{
  static const char * const icons[] = { "list-add-symbolic", "list-remove-symbolic",
                                        "document-edit-symbolic" };
  static const char * const classes[] = { "added", "removed", "changed" };
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE,
                                 "title", location, "use-markup", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[mark]);
  GtkWidget *body = gtk_box_new (detail_beside ? GTK_ORIENTATION_HORIZONTAL
                                               : GTK_ORIENTATION_VERTICAL, detail_beside ? 18 : 6);
  GtkWidget *title = text_label (location, "diff-location");

  gtk_widget_add_css_class (row, "diff-change");
  gtk_widget_add_css_class (box, "diff-change-box");
  gtk_widget_add_css_class (icon, "diff-mark");
  gtk_widget_add_css_class (icon, classes[mark]);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_hexpand (body, TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (body), title);
  if (detail != NULL)
    {
      /* Short values sit on the line of their place, unbroken. */
      if (detail_beside)
        {
          gtk_widget_set_halign (detail, GTK_ALIGN_END);
          gtk_widget_set_valign (title, GTK_ALIGN_BASELINE);
          for (GtkWidget *child = gtk_widget_get_first_child (detail);
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LABEL (child))
              gtk_label_set_wrap (GTK_LABEL (child), FALSE);
        }
      gtk_box_append (GTK_BOX (body), detail);
    }
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gboolean
is_short (const char *text)
{
  return text == NULL || qs_text_display_width (text) <= 24;
}

static const char *
metadata_field_name (const char *field)
{
  static const struct { const char *field; const char *name; } names[] = {
    { "title", N_("Title") },
    { "region", N_("Region") },
    { "level", N_("Level") },
    { "period", N_("Period") },
    { "vision_year", N_("Vision Year") },
    { "parent_plan", N_("Parent Plan") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (field, names[i].field) == 0)
      return _(names[i].name);
  return field != NULL ? field : "";
}

/* "第3行 森林覆盖率": where in a table a change is. */
static char *
row_location (const QsPlanChange *change)
{
  GString *out = g_string_new (NULL);

  if (change->row_index >= 0)
    g_string_append_printf (out, _("Row %d"), change->row_index + 1);
  if (change->row_name != NULL && *change->row_name != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, change->row_name);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
runs_label (const QsPlanChange *change,
            const RunColours   *colours,
            const char         *fallback,
            const char         *css_class)
{
  GtkWidget *label;

  if (change->runs == NULL || change->runs->len == 0)
    return text_label (fallback != NULL ? fallback : "", css_class);

  {
    g_autoptr(GString) markup = g_string_new (NULL);

    append_runs_markup (markup, change->runs, colours);
    label = text_label (NULL, "diff-text");
    gtk_label_set_markup (GTK_LABEL (label), markup->str);
  }
  return label;
}

static GtkWidget *
build_change_row (const QsPlanChange *change,
                  const RunColours   *colours)
{
  g_autofree char *location = NULL;
  const char *old_text = change->old_text;
  const char *new_text = change->new_text;

  switch (change->kind)
    {
    case QS_PLAN_CHANGE_METADATA:
      return change_row (MARK_CHANGED, metadata_field_name (change->column),
                         values_box (old_text, new_text), is_short (old_text) && is_short (new_text));

    case QS_PLAN_CHANGE_SECTION_ADDED:
      return change_row (MARK_ADDED, _("Section added"),
                         text_label (new_text != NULL ? new_text : change->section, "diff-inserted"),
                         FALSE);
    case QS_PLAN_CHANGE_SECTION_REMOVED:
      return change_row (MARK_REMOVED, _("Section removed"),
                         text_label (old_text != NULL ? old_text : change->section, "diff-deleted"),
                         FALSE);
    case QS_PLAN_CHANGE_SECTION_RENAMED:
      return change_row (MARK_CHANGED, _("Heading changed"), values_box (old_text, new_text),
                         FALSE);

    case QS_PLAN_CHANGE_PARAGRAPH_ADDED:
      return change_row (MARK_ADDED, _("Paragraph added"),
                         runs_label (change, colours, new_text, "diff-inserted"), FALSE);
    case QS_PLAN_CHANGE_PARAGRAPH_REMOVED:
      return change_row (MARK_REMOVED, _("Paragraph removed"),
                         runs_label (change, colours, old_text, "diff-deleted"), FALSE);
    case QS_PLAN_CHANGE_PARAGRAPH_CHANGED:
      return change_row (MARK_CHANGED, _("Paragraph changed"),
                         runs_label (change, colours, new_text, NULL), FALSE);

    case QS_PLAN_CHANGE_TABLE_ADDED:
      return change_row (MARK_ADDED, _("Table added"), NULL, FALSE);
    case QS_PLAN_CHANGE_TABLE_REMOVED:
      return change_row (MARK_REMOVED, _("Table removed"), NULL, FALSE);
    case QS_PLAN_CHANGE_TABLE_RENAMED:
      return change_row (MARK_CHANGED, _("Caption changed"), values_box (old_text, new_text),
                         FALSE);

    case QS_PLAN_CHANGE_COLUMN_ADDED:
    case QS_PLAN_CHANGE_COLUMN_REMOVED:
      {
        g_autofree char *name = squeeze_spaces (change->column);
        gboolean added = change->kind == QS_PLAN_CHANGE_COLUMN_ADDED;

        location = g_strdup_printf (added ? _("Column added: %s") : _("Column removed: %s"), name);
        return change_row (added ? MARK_ADDED : MARK_REMOVED, location, NULL, FALSE);
      }

    case QS_PLAN_CHANGE_ROW_ADDED:
    case QS_PLAN_CHANGE_ROW_REMOVED:
      {
        g_autofree char *where = row_location (change);
        gboolean added = change->kind == QS_PLAN_CHANGE_ROW_ADDED;
        const char *detail = added ? new_text : old_text;

        location = g_strdup_printf (added ? _("Row added: %s") : _("Row removed: %s"), where);
        return change_row (added ? MARK_ADDED : MARK_REMOVED, location,
                           detail != NULL && *detail != '\0'
                             ? text_label (detail, added ? "diff-inserted" : "diff-deleted")
                             : NULL,
                           FALSE);
      }

    case QS_PLAN_CHANGE_CELL_CHANGED:
      {
        g_autofree char *where = row_location (change);
        g_autofree char *column = squeeze_spaces (change->column);

        location = g_strdup_printf ("%s · %s", where, column);
        return change_row (MARK_CHANGED, location, values_box (old_text, new_text),
                           is_short (old_text) && is_short (new_text));
      }

    case QS_PLAN_CHANGE_TABLE_NOTES_CHANGED:
      return change_row (MARK_CHANGED, _("Table notes changed"),
                         runs_label (change, colours, new_text, NULL), FALSE);
    case QS_PLAN_CHANGE_TASK_ITEMS_CHANGED:
      return change_row (MARK_CHANGED, _("Tasks changed"),
                         runs_label (change, colours, new_text, NULL), FALSE);

    case QS_PLAN_CHANGE_REVIEW_NOTE_ADDED:
      location = g_strdup_printf (_("Note %u added"), change->note_id);
      return change_row (MARK_ADDED, location, text_label (new_text != NULL ? new_text : "",
                                                           "diff-inserted"), FALSE);
    case QS_PLAN_CHANGE_REVIEW_NOTE_REMOVED:
      location = g_strdup_printf (_("Note %u removed"), change->note_id);
      return change_row (MARK_REMOVED, location, text_label (old_text != NULL ? old_text : "",
                                                             "diff-deleted"), FALSE);
    case QS_PLAN_CHANGE_REVIEW_NOTE_CHANGED:
    default:
      location = g_strdup_printf (_("Note %u changed"), change->note_id);
      return change_row (MARK_CHANGED, location, values_box (old_text, new_text), FALSE);
    }
}

/* The group a change is listed in: its table, else its section; the
 * plan's details and the review notes have their own. */
static char *
group_key (const QsPlanChange *change)
{
  switch (change->kind)
    {
    case QS_PLAN_CHANGE_METADATA:
      return g_strdup ("metadata");
    case QS_PLAN_CHANGE_REVIEW_NOTE_ADDED:
    case QS_PLAN_CHANGE_REVIEW_NOTE_REMOVED:
    case QS_PLAN_CHANGE_REVIEW_NOTE_CHANGED:
      return g_strdup ("notes");
    default:
      break;
    }
  if (change->table_index >= 0)
    return g_strdup_printf ("table:%d:%s", change->table_index,
                            change->table_caption != NULL ? change->table_caption : "");
  return g_strdup_printf ("section:%s", change->section != NULL ? change->section : "");
}

static GtkWidget *
new_group (const QsPlanChange *change)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  const char *description = NULL;

  switch (change->kind)
    {
    case QS_PLAN_CHANGE_METADATA:
      title = g_strdup (_("Plan Details"));
      break;
    case QS_PLAN_CHANGE_REVIEW_NOTE_ADDED:
    case QS_PLAN_CHANGE_REVIEW_NOTE_REMOVED:
    case QS_PLAN_CHANGE_REVIEW_NOTE_CHANGED:
      title = g_strdup (_("Review Notes"));
      break;
    default:
      if (change->table_index >= 0)
        {
          if (change->table_caption != NULL && *change->table_caption != '\0')
            title = g_strdup (change->table_caption);
          else
            title = g_strdup_printf (_("Table %d"), change->table_index + 1);
          description = change->section;
        }
      else if (change->section != NULL && *change->section != '\0')
        title = g_strdup (change->section);
      else
        title = g_strdup (_("Whole Plan"));
      break;
    }
  /* Headings are plain text: escape them for the group's markup. */
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  }
  if (description != NULL && *description != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
    }
  return group;
}

static void
clear_changes (QsVersionsWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_box))) != NULL)
    gtk_box_remove (self->changes_box, child);
}

static void
show_message (QsVersionsWindow *self,
              const char       *icon_name,
              const char       *title,
              const char       *description)
{
  adw_status_page_set_icon_name (self->message_page, icon_name);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->diff_stack, "message");
}

static void
show_diff (QsVersionsWindow *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RunColours colours;
  guint n = qs_plan_diff_get_n_changes (self->diff);

  clear_changes (self);
  if (qs_plan_diff_is_empty (self->diff))
    {
      show_message (self, "emblem-ok-symbolic", _("No Changes"),
                    _("The two versions have the same content."));
      return;
    }

  colours.insert_fg = lookup_colour (GTK_WIDGET (self), "success_color", "#26a269");
  colours.delete_fg = lookup_colour (GTK_WIDGET (self), "error_color", "#c01c28");
  for (guint i = 0; i < n; i++)
    {
      const QsPlanChange *change = qs_plan_diff_get_change (self->diff, i);
      g_autofree char *key = group_key (change);
      GtkWidget *group = g_hash_table_lookup (groups, key);

      if (group == NULL)
        {
          group = new_group (change);
          gtk_box_append (self->changes_box, group);
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_change_row (change, &colours));
    }
  g_free (colours.insert_fg);
  g_free (colours.delete_fg);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->changes_scroller), 0);
  gtk_stack_set_visible_child_name (self->diff_stack, "changes");
}

static void
set_compared (QsVersionsWindow *self,
              int               old_version,
              int               new_version)
{
  g_autoptr(GError) error = NULL;
  QsPlan *old_plan;
  QsPlan *new_plan;

  self->old_version = 0;
  self->new_version = 0;
  g_clear_object (&self->diff);
  clear_changes (self);

  old_plan = get_plan (self, old_version, &error);
  new_plan = old_plan != NULL ? get_plan (self, new_version, &error) : NULL;
  if (new_plan == NULL)
    {
      show_message (self, "dialog-error-symbolic", _("Cannot Read the Version"), error->message);
      return;
    }
  self->old_version = old_version;
  self->new_version = new_version;
  self->diff = qs_plan_diff_new (old_plan, new_plan);
  show_diff (self);
}

/* Compares what the list and "Compare with" say. */
static void
show_selection (QsVersionsWindow *self)
{
  g_autofree char *selected_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  int selected = qs_versions_window_get_selected_version (self);
  guint base = gtk_drop_down_get_selected (self->base_dropdown);
  int other;

  if (self->updating)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.restore",
                                 selected != 0 && selected != latest_version (self));
  if (selected == 0)
    {
      gtk_label_set_text (self->compare_title, "");
      gtk_label_set_text (self->compare_subtitle, "");
      self->old_version = self->new_version = 0;
      g_clear_object (&self->diff);
      show_message (self, "document-open-recent-symbolic", _("No Saved Versions"),
                    _("Each save of the plan keeps a version here."));
      return;
    }

  if (base == BASE_CURRENT)
    other = latest_version (self);
  else if (base == BASE_PREVIOUS)
    other = previous_version (self, selected);
  else
    other = base_item_version (self, base);

  selected_title = version_title (selected);
  if (other == 0)
    {
      const QsPlanVersion *v = find_version (self, selected);
      g_autofree char *when = format_saved_at (v != NULL ? v->saved_at : NULL);

      gtk_label_set_text (self->compare_title, selected_title);
      gtk_label_set_text (self->compare_subtitle, "");
      self->old_version = self->new_version = 0;
      g_clear_object (&self->diff);
      clear_changes (self);
      subtitle = g_strdup_printf (_("The plan as first saved, by %s on %s. "
                                    "Choose another version to compare it with."),
                                  author_or_unknown (v != NULL ? v->author : NULL), when);
      show_message (self, "document-open-recent-symbolic", _("First Version"), subtitle);
      return;
    }
  if (other == selected)
    {
      gtk_label_set_text (self->compare_title, selected_title);
      gtk_label_set_text (self->compare_subtitle, "");
      self->old_version = self->new_version = selected;
      g_clear_object (&self->diff);
      clear_changes (self);
      show_message (self, "emblem-ok-symbolic", _("Same Version"),
                    selected == latest_version (self)
                      ? _("This is the current version. Choose an older one in the list, or "
                          "another version to compare it with.")
                      : _("Choose another version to compare it with."));
      return;
    }

  set_compared (self, MIN (selected, other), MAX (selected, other));
  {
    g_autofree char *old_title = version_title (self->old_version);
    g_autofree char *new_title = version_title (self->new_version);

    title = g_strdup_printf ("%s → %s", old_title, new_title);
  }
  gtk_label_set_text (self->compare_title, title);
  if (self->diff != NULL)
    {
      guint n = qs_plan_diff_get_n_changes (self->diff);

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n), n);
      gtk_label_set_text (self->compare_subtitle, subtitle);
    }
  else
    gtk_label_set_text (self->compare_subtitle, "");
}

/* Callbacks */

static void
row_selected_cb (QsVersionsWindow *self)
{
  show_selection (self);
}

static void
base_selected_cb (QsVersionsWindow *self)
{
  show_selection (self);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     QsVersionsWindow *self)
{
  int version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "version"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!qs_versions_window_restore (self, version, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot restore the version: %s"),
                                                  error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QsVersionsWindow *self = QS_VERSIONS_WINDOW (widget);
  int version = qs_versions_window_get_selected_version (self);
  const QsPlanVersion *v = find_version (self, version);
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (v == NULL)
    return;
  when = format_saved_at (v->saved_at);
  heading = g_strdup_printf (_("Restore Version %d?"), version);
  body = g_strdup_printf (_("The plan gets the content it had when %s saved it on %s, review "
                            "notes included. The present content is kept as a version, so "
                            "this can be undone by restoring it."),
                          author_or_unknown (v->author), when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "version", GINT_TO_POINTER (version));
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
workspace_changed_cb (QsVersionsWindow *self,
                      gint64            plan_id)
{
  /* Another save (this window's editor, or another process) made a
   * version: list it, keeping the selection. */
  if (plan_id != 0 && plan_id != self->plan_id)
    return;
  reload (self, qs_versions_window_get_selected_version (self));
}

static void
dark_changed_cb (QsVersionsWindow *self)
{
  /* The colours of the text runs follow the style. */
  if (self->diff != NULL)
    show_diff (self);
}

/* Overrides */

static void
qs_versions_window_dispose (GObject *object)
{
  QsVersionsWindow *self = QS_VERSIONS_WINDOW (object);

  /* Rows and menu items go away below: nothing to show any more. */
  if (self->versions_list != NULL)
    g_signal_handlers_disconnect_by_data (self->versions_list, self);
  if (self->base_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->base_dropdown, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_VERSIONS_WINDOW);
  g_clear_object (&self->diff);
  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (qs_versions_window_parent_class)->dispose (object);
}

static void
qs_versions_window_class_init (QsVersionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_versions_window_dispose;

  /**
   * QsVersionsWindow::plan-restored:
   * @plan_id: the plan's id in the workspace
   * @version: the version restored
   *
   * The workspace's plan now holds the content of @version (saved as a
   * new version); an editor of the plan should reload it.
   */
  signals[PLAN_RESTORED] =
    g_signal_new ("plan-restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               QS_RESOURCE_PATH "/ui/qs-versions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, versions_list);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, compare_title);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, compare_subtitle);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, base_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, diff_stack);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, changes_scroller);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, changes_box);
  gtk_widget_class_bind_template_child (widget_class, QsVersionsWindow, message_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Asks first: restoring saves over the plan's current content. */
  gtk_widget_class_install_action (widget_class, "versions.restore", NULL, restore_action);
}

static void
qs_versions_window_init (QsVersionsWindow *self)
{
  load_css ();
  self->plans = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->versions_list, "selected-rows-changed",
                            G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->base_dropdown, "notify::selected",
                            G_CALLBACK (base_selected_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
qs_versions_window_new (GtkWindow   *parent,
                        QsWorkspace *workspace,
                        gint64       plan_id)
{
  QsVersionsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (QS_TYPE_VERSIONS_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->workspace = g_object_ref (workspace);
  self->plan_id = plan_id;
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self, 0);
  return GTK_WIDGET (self);
}

gint64
qs_versions_window_get_plan_id (QsVersionsWindow *self)
{
  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), 0);
  return self->plan_id;
}

guint
qs_versions_window_get_n_versions (QsVersionsWindow *self)
{
  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), 0);
  return self->versions != NULL ? self->versions->len : 0;
}

const QsPlanVersion *
qs_versions_window_get_version (QsVersionsWindow *self,
                                guint             index)
{
  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), NULL);
  if (self->versions == NULL || index >= self->versions->len)
    return NULL;
  return g_ptr_array_index (self->versions, index);
}

int
qs_versions_window_get_selected_version (QsVersionsWindow *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), 0);
  row = gtk_list_box_get_selected_row (self->versions_list);
  return row != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "version")) : 0;
}

gboolean
qs_versions_window_compare (QsVersionsWindow *self,
                            int               old_version,
                            int               new_version)
{
  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), FALSE);

  if (find_version (self, old_version) == NULL || find_version (self, new_version) == NULL)
    return FALSE;
  self->updating = TRUE;
  gtk_list_box_select_row (self->versions_list, find_version_row (self, new_version));
  gtk_drop_down_set_selected (self->base_dropdown, base_item_position (self, old_version));
  self->updating = FALSE;
  show_selection (self);
  return TRUE;
}

void
qs_versions_window_compare_with_current (QsVersionsWindow *self)
{
  g_return_if_fail (QS_IS_VERSIONS_WINDOW (self));
  gtk_drop_down_set_selected (self->base_dropdown, BASE_CURRENT);
}

int
qs_versions_window_get_old_version (QsVersionsWindow *self)
{
  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), 0);
  return self->diff != NULL ? self->old_version : 0;
}

int
qs_versions_window_get_new_version (QsVersionsWindow *self)
{
  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), 0);
  return self->diff != NULL ? self->new_version : 0;
}

QsPlanDiff *
qs_versions_window_get_diff (QsVersionsWindow *self)
{
  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), NULL);
  return self->diff;
}

gboolean
qs_versions_window_restore (QsVersionsWindow  *self,
                            int                version,
                            GError           **error)
{
  QsPlan *plan;

  g_return_val_if_fail (QS_IS_VERSIONS_WINDOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = get_plan (self, version, error);
  if (plan == NULL)
    return FALSE;
  /* The saved copy is ours alone (the cache), so saving it is safe; the
   * save keeps the restored content as the newest version. */
  if (!qs_workspace_save_plan (self->workspace, self->plan_id, plan, error))
    return FALSE;
  reload (self, 0);
  g_signal_emit (self, signals[PLAN_RESTORED], 0, self->plan_id, version);
  return TRUE;
}
