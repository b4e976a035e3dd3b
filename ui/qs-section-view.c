/* qs-section-view.c: the text of a chapter or section, edited in place.
 *
 * One text view for the whole section, as a planner reads it: headings,
 * paragraphs and table captions.  Each of them starts at a mark; the text
 * from one mark to the next is that element, so edits map back to the
 * model: a heading's first line is its title, a paragraph's lines are the
 * paragraph and new paragraphs after it (Enter starts a paragraph), a
 * table's caption line is a link and cannot be edited.  Edits are written
 * back through the plan editor (one step of undo) a moment after typing
 * stops and when the view loses the focus.
 */
#define G_LOG_DOMAIN "qs-section-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-plan-editor.h"
#include "qs-section-view.h"

/* Edits are written back this long after the last keystroke. */
#define COMMIT_DELAY_MS 1000

typedef struct
{
  GtkTextMark *mark;
  GObject     *object;    /* QsSection (a heading) or a block */
  QsSection   *section;   /* the section holding a block; the section itself for a heading */
} Element;

struct _QsSectionView
{
  GtkWidget      parent_instance;

  QsSection     *section;

  GtkScrolledWindow *scroller;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GPtrArray     *link_tags;   /* one tag per table line, holding the table */
  GPtrArray     *elements;    /* of Element, in buffer order */
  guint          commit_id;
  gboolean       building;
  gboolean       modified;
  gboolean       over_link;
};

G_DEFINE_FINAL_TYPE (QsSectionView, qs_section_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BLOCK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
heading_tag (guint depth)
{
  switch (depth)
    {
    case 0:
      return "heading-1";
    case 1:
      return "heading-2";
    default:
      return "heading-3";
    }
}

static void
element_free (gpointer data)
{
  Element *element = data;

  if (!gtk_text_mark_get_deleted (element->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (element->mark), element->mark);
  g_object_unref (element->mark);
  g_object_unref (element->object);
  g_object_unref (element->section);
  g_free (element);
}

/* Marks where the next line starts: the start of @object's element. */
static void
add_element (QsSectionView *self,
             GObject       *object,
             QsSection     *section)
{
  Element *element = g_new0 (Element, 1);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  element->mark = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &end, TRUE));
  element->object = g_object_ref (object);
  element->section = g_object_ref (section);
  g_ptr_array_add (self->elements, element);
}

static void
insert_line (GtkTextBuffer *buffer,
             const char    *text,
             const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "\n", -1, tag, NULL);
}

static void
insert_link_line (QsSectionView *self,
                  const char    *text,
                  GObject       *block)
{
  GtkTextTag *link = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
  GtkTextIter end;

  g_object_set_data_full (G_OBJECT (link), "qs-block", g_object_ref (block), g_object_unref);
  g_ptr_array_add (self->link_tags, g_object_ref (link));

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, "▦ ", -1, "table", NULL);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags (self->buffer, &end, text, -1,
                                    gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), "table"),
                                    gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), "link"),
                                    link, NULL);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, "\n", -1, "table", NULL);
}

static void
insert_section (QsSectionView *self,
                QsSection     *section,
                guint          depth)
{
  g_autofree char *title = qs_section_dup_display_title (section);
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));
  guint n_blocks = g_list_model_get_n_items (blocks);
  guint n_children = g_list_model_get_n_items (children);
  GtkTextBuffer *buffer = self->buffer;

  add_element (self, G_OBJECT (section), section);
  insert_line (buffer, title, heading_tag (depth));

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      add_element (self, block, section);
      if (QS_IS_PARAGRAPH (block))
        {
          QsParagraph *paragraph = QS_PARAGRAPH (block);
          gboolean note = qs_paragraph_get_kind (paragraph) == QS_PARAGRAPH_NOTE;

          insert_line (buffer, qs_paragraph_get_text (paragraph), note ? "note" : "body");
        }
      else
        {
          g_autofree char *caption = qs_outline_item_dup_title (block);

          insert_link_line (self, caption, block);
        }
    }

  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      insert_section (self, child, depth + 1);
    }
}

static void
clear_links (QsSectionView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->link_tags, i));
  g_ptr_array_set_size (self->link_tags, 0);
}

static void
fill (QsSectionView *self)
{
  self->building = TRUE;
  g_ptr_array_set_size (self->elements, 0);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  clear_links (self);
  if (self->section != NULL)
    insert_section (self, self->section, 0);
  self->building = FALSE;
  self->modified = FALSE;
  g_clear_handle_id (&self->commit_id, g_source_remove);
}

static void
rebuild (QsSectionView *self)
{
  GtkTextIter start;

  fill (self);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The element's text: from its mark to the next one, without the line end. */
static char *
element_text (QsSectionView *self,
              guint          index)
{
  Element *element = g_ptr_array_index (self->elements, index);
  GtkTextIter start, end;
  char *text;
  gsize length;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, element->mark);
  if (index + 1 < self->elements->len)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &end,
                                      ((Element *)g_ptr_array_index (self->elements, index + 1))->mark);
  else
    gtk_text_buffer_get_end_iter (self->buffer, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  length = strlen (text);
  if (length > 0 && text[length - 1] == '\n')
    text[length - 1] = '\0';
  return text;
}

static char *
paragraph_display_text (GObject *object)
{
  if (QS_IS_PARAGRAPH (object))
    return g_strdup (qs_paragraph_get_text (QS_PARAGRAPH (object)));
  if (QS_IS_SECTION (object))
    return qs_section_dup_display_title (QS_SECTION (object));
  return qs_outline_item_dup_title (object);
}

/* A heading's first line is "第一章 title": the label is not the title. */
static char *
title_from_heading (QsSection  *section,
                    const char *line)
{
  g_autofree char *shown = qs_section_dup_display_title (section);
  const char *title = qs_section_get_title (section);
  const char *found;

  if (g_str_equal (line, shown))
    return g_strdup (title);
  /* Keep what follows the unchanged numbering. */
  found = g_strrstr (shown, title);
  if (found != NULL && found != shown)
    {
      gsize prefix = found - shown;

      if (strncmp (line, shown, prefix) == 0)
        return g_strstrip (g_strdup (line + prefix));
    }
  return g_strstrip (g_strdup (line));
}

gboolean
qs_section_view_commit (QsSectionView *self)
{
  QsPlanEditor *editor;
  g_autoptr(GPtrArray) texts = NULL;
  gboolean structure_changed = FALSE;

  g_return_val_if_fail (QS_IS_SECTION_VIEW (self), FALSE);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (!self->modified || self->section == NULL)
    return FALSE;
  self->modified = FALSE;
  editor = (QsPlanEditor *)gtk_widget_get_ancestor (GTK_WIDGET (self), QS_TYPE_PLAN_EDITOR);
  if (editor == NULL)
    return FALSE;

  /* Read everything first: the edits below may rebuild the buffer. */
  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->elements->len; i++)
    g_ptr_array_add (texts, element_text (self, i));

  qs_plan_editor_begin_group (editor, _("Edit Text"));
  /* Backwards, so that inserted paragraphs do not move the ones to visit. */
  for (guint i = self->elements->len; i > 0; i--)
    {
      Element *element = g_ptr_array_index (self->elements, i - 1);
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (texts, i - 1), "\n", -1);
      GListStore *blocks = qs_section_get_blocks (element->section);
      guint insert_at = 0;

      if (QS_IS_SECTION (element->object))
        {
          g_autofree char *title = title_from_heading (QS_SECTION (element->object), lines[0]);

          if (title[0] != '\0')
            qs_plan_editor_rename_section (editor, QS_SECTION (element->object), title);
          else
            structure_changed = TRUE;  /* show the title again */
          insert_at = 0;
        }
      else if (QS_IS_PARAGRAPH (element->object))
        {
          g_autofree char *stripped = g_strstrip (g_strdup (lines[0]));

          if (stripped[0] == '\0' && lines[1] == NULL)
            {
              qs_plan_editor_remove_block (editor, element->section, element->object);
              structure_changed = TRUE;
              continue;
            }
          qs_plan_editor_set_paragraph_text (editor, QS_PARAGRAPH (element->object), stripped);
          if (g_list_store_find (blocks, element->object, &insert_at))
            insert_at++;
        }
      else
        {
          g_autofree char *caption = paragraph_display_text (element->object);
          g_autofree char *expected = g_strconcat ("▦ ", caption, NULL);

          /* The caption line cannot be edited; a broken one is shown again. */
          structure_changed |= !g_str_equal (lines[0], expected);
          if (g_list_store_find (blocks, element->object, &insert_at))
            insert_at++;
        }

      /* Further lines are new paragraphs after the element. */
      for (guint l = 1, added = 0; lines[l] != NULL; l++)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (lines[l]));

          structure_changed = TRUE;
          if (stripped[0] == '\0')
            continue;
          qs_plan_editor_insert_paragraph (editor, element->section, insert_at + added++, stripped);
        }
    }
  qs_plan_editor_end_group (editor);

  if (structure_changed)
    qs_section_view_refresh (self);
  return TRUE;
}

static gboolean
commit_cb (gpointer user_data)
{
  QsSectionView *self = user_data;

  self->commit_id = 0;
  qs_section_view_commit (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (QsSectionView *self,
                   GtkTextBuffer *buffer)
{
  if (self->building)
    return;
  self->modified = TRUE;
  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->commit_id = g_timeout_add (COMMIT_DELAY_MS, commit_cb, self);
}

static void
focus_leave_cb (QsSectionView *self)
{
  qs_section_view_commit (self);
}

void
qs_section_view_refresh (QsSectionView *self)
{
  GtkTextIter iter;
  GtkTextMark *insert;
  int offset;
  double scroll;

  g_return_if_fail (QS_IS_SECTION_VIEW (self));

  insert = gtk_text_buffer_get_insert (self->buffer);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, insert);
  offset = gtk_text_iter_get_offset (&iter);
  scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  fill (self);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), scroll);
}

static GObject *
block_at_iter (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      GObject *block = g_object_get_data (l->data, "qs-block");

      if (block != NULL)
        return block;
    }
  return NULL;
}

static GObject *
block_at_point (QsSectionView *self,
                double         x,
                double         y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int)x, (int)y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return NULL;
  return block_at_iter (&iter);
}

static void
click_released_cb (QsSectionView   *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GObject *block = block_at_point (self, x, y);
  GtkTextIter start, end;

  /* A drag that selected text is not a click on the link. */
  if (block == NULL ||
      gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  g_signal_emit (self, signals[BLOCK_ACTIVATED], 0, block);
}

static void
motion_cb (QsSectionView            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  gboolean over_link = block_at_point (self, x, y) != NULL;

  if (over_link == self->over_link)
    return;
  self->over_link = over_link;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), over_link ? "pointer" : NULL);
}

static void
create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "heading-1",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.5,
                              "pixels-below-lines", 18,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading-2",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.25,
                              "pixels-above-lines", 18,
                              "pixels-below-lines", 12,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading-3",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.1,
                              "pixels-above-lines", 12,
                              "pixels-below-lines", 8,
                              NULL);
  /* Chinese prose indents each paragraph by two characters. */
  gtk_text_buffer_create_tag (buffer, "body",
                              "indent", 30,
                              "pixels-below-lines", 10,
                              "pixels-inside-wrap", 4,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "note",
                              "scale", 0.9,
                              "pixels-below-lines", 10,
                              "pixels-inside-wrap", 3,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "table",
                              "editable", FALSE,
                              "weight", 600,
                              "pixels-above-lines", 4,
                              "pixels-below-lines", 14,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "link",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
}

static void
qs_section_view_dispose (GObject *object)
{
  QsSectionView *self = (QsSectionView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QS_TYPE_SECTION_VIEW);
  /* The template's unnamed top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->section);
  g_clear_pointer (&self->link_tags, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_handle_id (&self->commit_id, g_source_remove);

  G_OBJECT_CLASS (qs_section_view_parent_class)->dispose (object);
}

static void
qs_section_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QsSectionView *self = QS_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_section_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QsSectionView *self = QS_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      qs_section_view_set_section (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_section_view_class_init (QsSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_section_view_dispose;
  object_class->get_property = qs_section_view_get_property;
  object_class->set_property = qs_section_view_set_property;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, QS_TYPE_SECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QsSectionView::block-activated:
   * @block: the QsIndicatorTable or QsTaskTable whose caption was clicked
   */
  signals[BLOCK_ACTIVATED] =
    g_signal_new ("block-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qingshan/Qingshan/ui/qs-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QsSectionView, scroller);
  gtk_widget_class_bind_template_child (widget_class, QsSectionView, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qs_section_view_init (QsSectionView *self)
{
  GtkGesture *click;
  GtkEventController *motion;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->link_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->elements = g_ptr_array_new_with_free_func (element_free);
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  /* Ctrl+Z is the plan's undo (every edit, not only typing): the buffer's
   * own would also undo the building of the text. */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  create_tags (self->buffer);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);
}

GtkWidget *
qs_section_view_new (void)
{
  return g_object_new (QS_TYPE_SECTION_VIEW, NULL);
}

QsSection *
qs_section_view_get_section (QsSectionView *self)
{
  g_return_val_if_fail (QS_IS_SECTION_VIEW (self), NULL);
  return self->section;
}

void
qs_section_view_set_section (QsSectionView *self,
                             QsSection     *section)
{
  g_return_if_fail (QS_IS_SECTION_VIEW (self));
  g_return_if_fail (section == NULL || QS_IS_SECTION (section));

  if (self->section == section)
    return;
  /* What was typed into the section being left is kept. */
  qs_section_view_commit (self);
  g_set_object (&self->section, section);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

GtkTextBuffer *
qs_section_view_get_buffer (QsSectionView *self)
{
  g_return_val_if_fail (QS_IS_SECTION_VIEW (self), NULL);
  return self->buffer;
}

gboolean
qs_section_view_activate_at (QsSectionView *self,
                             int            offset)
{
  GtkTextIter iter;
  GObject *block;

  g_return_val_if_fail (QS_IS_SECTION_VIEW (self), FALSE);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  block = block_at_iter (&iter);
  if (block == NULL)
    return FALSE;
  g_signal_emit (self, signals[BLOCK_ACTIVATED], 0, block);
  return TRUE;
}
