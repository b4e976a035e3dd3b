/* qs-compare-matrix.h: district plans side by side, indicator by indicator. */
#pragma once

#include <gio/gio.h>
#include "qs-catalog.h"
#include "qs-compare-row.h"
#include "qs-plan.h"

G_BEGIN_DECLS

#define QS_COMPARE_MATRIX_ERROR (qs_compare_matrix_error_quark ())

typedef enum
{
  QS_COMPARE_MATRIX_ERROR_UNKNOWN_INDICATOR,  /* no catalog entry, or no row of it in the matrix */
  QS_COMPARE_MATRIX_ERROR_UNKNOWN_STATUS,     /* not a status name */
  QS_COMPARE_MATRIX_ERROR_UNKNOWN_ATTRIBUTE,  /* neither 约束性 nor 预期性 */
} QsCompareMatrixError;

#define QS_TYPE_COMPARE_MATRIX (qs_compare_matrix_get_type ())

G_DECLARE_FINAL_TYPE (QsCompareMatrix, qs_compare_matrix, QS, COMPARE_MATRIX, GObject)

/* The matrix a municipal reviewer reads: one row per canonical indicator
 * that any compared plan has (plus the municipal plan's binding ones), one
 * cell per plan with its baseline, target and the check's verdict, the
 * municipal target and the requirements beside.  Every plan is checked with
 * QsCheck against the municipal plan (the plans are not changed); the
 * strictest and weakest target of a row are found by the levels the check
 * reads (qs_check_target_level), in the indicator's better direction. */
GQuark           qs_compare_matrix_error_quark          (void);

QsCompareMatrix *qs_compare_matrix_new                  (QsCatalog        *catalog);
QsCatalog       *qs_compare_matrix_get_catalog          (QsCompareMatrix  *self);
/* The municipal plan's requirements on districts (of QsRequirement), or NULL. */
void             qs_compare_matrix_set_requirements     (QsCompareMatrix  *self,
                                                         GListModel       *requirements);
/* Builds the matrix of @plans (of QsPlan) against @municipal (may be NULL),
 * replacing an earlier one; the filters stay. */
void             qs_compare_matrix_build                (QsCompareMatrix  *self,
                                                         GListModel       *plans,
                                                         QsPlan           *municipal);

/* The plan columns, in their current order. */
guint            qs_compare_matrix_get_n_plans          (QsCompareMatrix  *self);
QsPlan          *qs_compare_matrix_get_plan             (QsCompareMatrix  *self,
                                                         guint             index);
/* The column heading: the plan's region (大渡口区), else its title; made
 * unique with the period when two plans share it. */
const char      *qs_compare_matrix_get_plan_label       (QsCompareMatrix  *self,
                                                         guint             index);
/* The district the check applied requirements to, or NULL. */
const char      *qs_compare_matrix_get_plan_district    (QsCompareMatrix  *self,
                                                         guint             index);
QsPlan          *qs_compare_matrix_get_municipal        (QsCompareMatrix  *self);

/* The rows the filters let through (of QsCompareRow), by field (环境质量,
 * 污染减排, 生态保护, 绿色低碳, 环境风险) and in catalog order within one;
 * the model stays the same object across builds, filters and sorts. */
GListModel      *qs_compare_matrix_get_rows             (QsCompareMatrix  *self);
/* Every row, unfiltered. */
GListModel      *qs_compare_matrix_get_all_rows         (QsCompareMatrix  *self);
/* The row of a catalog id, name or alias (filtered or not), or NULL; borrowed. */
QsCompareRow    *qs_compare_matrix_find_row             (QsCompareMatrix  *self,
                                                         const char       *indicator);

/* Filters; NULL or "" lets every row through.  @field is a catalog field
 * (环境质量 …). */
void             qs_compare_matrix_set_field_filter     (QsCompareMatrix  *self,
                                                         const char       *field);
const char      *qs_compare_matrix_get_field_filter     (QsCompareMatrix  *self);
/* 约束性 or 预期性 (also "binding" / "expected"). */
gboolean         qs_compare_matrix_set_attribute_filter (QsCompareMatrix  *self,
                                                         const char       *attribute,
                                                         GError          **error);
const char      *qs_compare_matrix_get_attribute_filter (QsCompareMatrix  *self);
/* Rows where some plan has this status: a status id ("falls-short",
 * qs_check_status_to_string) or label (未达要求), or "missing" / 缺失 for
 * rows some plan lacks. */
gboolean         qs_compare_matrix_set_status_filter    (QsCompareMatrix  *self,
                                                         const char       *status,
                                                         GError          **error);
const char      *qs_compare_matrix_get_status_filter    (QsCompareMatrix  *self);

/* Orders the plan columns by their target of @indicator (id, name or
 * alias), strictest first (or weakest first); plans whose target gives no
 * comparable level follow in their present order. */
gboolean         qs_compare_matrix_sort_plans           (QsCompareMatrix  *self,
                                                         const char       *indicator,
                                                         gboolean          weakest_first,
                                                         GError          **error);

G_END_DECLS
