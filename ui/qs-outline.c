/* qs-outline.c: the outline of a plan as a tree of list models. */
#define G_LOG_DOMAIN "qs-outline"

#include "config.h"

#include <string.h>

#include "qs-display.h"
#include "qs-outline.h"

static gboolean
is_table (gpointer item,
          gpointer user_data)
{
  return QS_IS_INDICATOR_TABLE (item) || QS_IS_TASK_TABLE (item);
}

static gboolean
section_has_tables (QsSection *section)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  guint n = g_list_model_get_n_items (blocks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      if (is_table (block, NULL))
        return TRUE;
    }
  return FALSE;
}

/* Children of a section: its tables, then its child sections.  A section
 * with neither gets no expander. */
static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  QsSection *section;
  GListStore *parts;
  GtkFilter *filter;
  GtkFilterListModel *tables;

  if (!QS_IS_SECTION (item))
    return NULL;

  section = QS_SECTION (item);
  if (!section_has_tables (section) &&
      g_list_model_get_n_items (G_LIST_MODEL (qs_section_get_children (section))) == 0)
    return NULL;

  filter = GTK_FILTER (gtk_custom_filter_new (is_table, NULL, NULL));
  tables = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (qs_section_get_blocks (section))),
                                      filter);
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, tables);
  g_list_store_append (parts, qs_section_get_children (section));
  g_object_unref (tables);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/**
 * qs_outline_model_new:
 * @plan: a plan
 *
 * Returns: (transfer full): the outline tree of @plan.
 */
GtkTreeListModel *
qs_outline_model_new (QsPlan *plan)
{
  GListStore *parts;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, qs_plan_get_front_matter (plan));
  g_list_store_append (parts, qs_plan_get_chapters (plan));
  g_list_store_append (parts, qs_plan_get_back_matter (plan));

  return gtk_tree_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))),
                                  FALSE, FALSE, create_children_cb, NULL, NULL);
}

void
qs_outline_expand_chapters (GtkTreeListModel *model)
{
  GListModel *root;
  guint n;

  g_return_if_fail (GTK_IS_TREE_LIST_MODEL (model));

  root = gtk_tree_list_model_get_model (model);
  n = g_list_model_get_n_items (root);
  /* Backwards, so that expanding a row does not move the rows still to visit. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (model, i - 1);
      gpointer item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

      if (item != NULL && QS_IS_SECTION (item) &&
          qs_section_get_kind (item) == QS_SECTION_CHAPTER)
        gtk_tree_list_row_set_expanded (row, TRUE);
      g_clear_object (&item);
    }
}

static guint
find_row (GtkTreeListModel *model,
          const char       *text,
          GType             type,
          gpointer          wanted)
{
  /* The model grows as rows expand, so read its length on every turn. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (wanted != NULL)
        {
          if (item == wanted)
            return i;
        }
      else if (text != NULL)
        {
          g_autofree char *title = qs_outline_item_dup_title (item);

          if (strstr (title, text) != NULL)
            return i;
        }
      else if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        {
          return i;
        }
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  return G_MAXUINT;
}

guint
qs_outline_find (GtkTreeListModel *model,
                 const char       *text)
{
  g_return_val_if_fail (GTK_IS_TREE_LIST_MODEL (model), G_MAXUINT);
  g_return_val_if_fail (text != NULL, G_MAXUINT);

  return find_row (model, text, G_TYPE_INVALID, NULL);
}

guint
qs_outline_find_type (GtkTreeListModel *model,
                      GType             type)
{
  g_return_val_if_fail (GTK_IS_TREE_LIST_MODEL (model), G_MAXUINT);

  return find_row (model, NULL, type, NULL);
}

guint
qs_outline_find_item (GtkTreeListModel *model,
                      gpointer          item)
{
  g_return_val_if_fail (GTK_IS_TREE_LIST_MODEL (model), G_MAXUINT);
  g_return_val_if_fail (G_IS_OBJECT (item), G_MAXUINT);

  return find_row (model, NULL, G_TYPE_INVALID, item);
}
