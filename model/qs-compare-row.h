/* qs-compare-row.h: one indicator of the comparison matrix, across plans. */
#pragma once

#include <gio/gio.h>
#include "qs-catalog-entry.h"
#include "qs-check-finding.h"
#include "qs-indicator-row.h"

G_BEGIN_DECLS

/* Marks on one cell of the matrix. */
typedef enum
{
  QS_COMPARE_CELL_NONE      = 0,
  QS_COMPARE_CELL_MISSING   = 1 << 0,  /* a binding or required indicator the plan lacks */
  QS_COMPARE_CELL_STRICTEST = 1 << 1,  /* the strictest target of the row */
  QS_COMPARE_CELL_WEAKEST   = 1 << 2,  /* the weakest target of the row */
} QsCompareCellFlags;

/* One plan's answer to one indicator.  Owned by its QsCompareRow; the
 * fields are read-only for everyone but QsCompareMatrix. */
typedef struct
{
  QsIndicatorRow     *row;         /* the plan's row, or NULL */
  char               *baseline;    /* as written (white space removed), or NULL */
  char               *target;      /* as written (white space removed), or NULL */
  char               *unit;        /* the row's unit, or NULL */
  char               *attribute;   /* the row's 约束性 / 预期性, or NULL */
  gboolean            has_status;  /* FALSE when the plan has no target row for it */
  QsCheckStatus       status;      /* the check's verdict on the row */
  char               *reason;      /* the check's one line of Chinese, or why it is missing */
  char               *required;    /* what the municipality requires, as shown, or NULL */
  QsCompareCellFlags  flags;
  gboolean            has_level;   /* the target guarantees one level (qs_check_target_level) */
  gboolean            cumulative;  /* that level is a five-year cumulative figure */
  double              level;       /* in the entry's usual unit */
  GStrv               notes;       /* texts of the plan's review notes on the row, or NULL */
} QsCompareCell;

#define QS_TYPE_COMPARE_ROW (qs_compare_row_get_type ())

G_DECLARE_FINAL_TYPE (QsCompareRow, qs_compare_row, QS, COMPARE_ROW, GObject)

/* Read-only properties (for GtkExpression bindings): indicator-id, name,
 * unit, field, attribute, municipal-target, municipal-baseline,
 * requirement, n-cells. */
QsCatalogEntry      *qs_compare_row_get_entry              (QsCompareRow  *self);
const char          *qs_compare_row_get_indicator_id       (QsCompareRow  *self);
/* The catalog's canonical name. */
const char          *qs_compare_row_get_name               (QsCompareRow  *self);
/* The catalog's usual unit, or NULL. */
const char          *qs_compare_row_get_unit               (QsCompareRow  *self);
/* 环境质量, 污染减排 …, or NULL. */
const char          *qs_compare_row_get_field              (QsCompareRow  *self);
QsBetter             qs_compare_row_get_better             (QsCompareRow  *self);
/* 约束性 or 预期性: as the municipal plan states it, else the first plan
 * that states it, else the catalog's. */
const char          *qs_compare_row_get_attribute          (QsCompareRow  *self);
gboolean             qs_compare_row_get_binding            (QsCompareRow  *self);
/* The municipal plan's target and baseline as written, or NULL. */
const char          *qs_compare_row_get_municipal_target   (QsCompareRow  *self);
const char          *qs_compare_row_get_municipal_baseline (QsCompareRow  *self);
/* The municipal requirements on the compared districts ("专栏3 …：≤35；…"), or NULL. */
const char          *qs_compare_row_get_requirement        (QsCompareRow  *self);

/* One cell per plan, in the matrix's plan order. */
guint                qs_compare_row_get_n_cells            (QsCompareRow  *self);
const QsCompareCell *qs_compare_row_get_cell               (QsCompareRow  *self,
                                                            guint          index);
/* The texts of the review notes the plan attaches to its row of this
 * indicator (on the whole row or one of its cells), in the plan's order;
 * NULL when there are none. */
const char * const  *qs_compare_row_get_cell_notes         (QsCompareRow  *self,
                                                            guint          index);
/* Whether some cell has @status (and a status), or is missing. */
gboolean             qs_compare_row_has_status             (QsCompareRow  *self,
                                                            QsCheckStatus  status);
gboolean             qs_compare_row_has_missing            (QsCompareRow  *self);

/* For QsCompareMatrix, which builds rows. */
QsCompareRow        *qs_compare_row_new                    (QsCatalogEntry *entry,
                                                            guint           n_cells);
QsCompareCell       *qs_compare_row_edit_cell              (QsCompareRow   *self,
                                                            guint           index);
void                 qs_compare_row_set_municipal          (QsCompareRow   *self,
                                                            const char     *target,
                                                            const char     *baseline);
void                 qs_compare_row_set_attribute          (QsCompareRow   *self,
                                                            const char     *attribute);
void                 qs_compare_row_set_requirement        (QsCompareRow   *self,
                                                            const char     *requirement);
/* Puts the cells in a new order: new cell i is old cell @order[i]. */
void                 qs_compare_row_reorder_cells          (QsCompareRow   *self,
                                                            const guint    *order);

G_END_DECLS
