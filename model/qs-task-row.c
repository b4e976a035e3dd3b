/* qs-task-row.c: a row of a project table. */
#define G_LOG_DOMAIN "qs-task-row"

#include "config.h"

#include "qs-cell-array.h"
#include "qs-task-row.h"

struct _QsTaskRow
{
  GObject    parent_instance;
  GPtrArray *cells;
};

G_DEFINE_FINAL_TYPE (QsTaskRow, qs_task_row, G_TYPE_OBJECT)

enum {
  CELL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
qs_task_row_finalize (GObject *object)
{
  QsTaskRow *self = QS_TASK_ROW (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (qs_task_row_parent_class)->finalize (object);
}

static void
qs_task_row_class_init (QsTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_task_row_finalize;

  /**
   * QsTaskRow::cell-changed:
   * @column: the column whose text changed
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
qs_task_row_init (QsTaskRow *self)
{
  self->cells = qs_cell_array_new ();
}

QsTaskRow *
qs_task_row_new (const char * const *cells)
{
  QsTaskRow *self = g_object_new (QS_TYPE_TASK_ROW, NULL);

  for (guint i = 0; cells != NULL && cells[i] != NULL; i++)
    g_ptr_array_add (self->cells, g_strdup (cells[i]));
  return self;
}

guint
qs_task_row_get_n_cells (QsTaskRow *self)
{
  g_return_val_if_fail (QS_IS_TASK_ROW (self), 0);
  return self->cells->len;
}

const char *
qs_task_row_get_cell (QsTaskRow *self,
                      guint      column)
{
  g_return_val_if_fail (QS_IS_TASK_ROW (self), "");
  return qs_cell_array_get (self->cells, column);
}

void
qs_task_row_set_cell (QsTaskRow  *self,
                      guint       column,
                      const char *text)
{
  g_return_if_fail (QS_IS_TASK_ROW (self));
  if (qs_cell_array_set (self->cells, column, text))
    g_signal_emit (self, signals[CELL_CHANGED], 0, column);
}

void
qs_task_row_insert_cell (QsTaskRow  *self,
                         guint       column,
                         const char *text)
{
  g_return_if_fail (QS_IS_TASK_ROW (self));
  qs_cell_array_insert (self->cells, column, text);
}

void
qs_task_row_remove_cell (QsTaskRow *self,
                         guint      column)
{
  g_return_if_fail (QS_IS_TASK_ROW (self));
  qs_cell_array_remove (self->cells, column);
}
