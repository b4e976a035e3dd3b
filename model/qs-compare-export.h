/* qs-compare-export.h: the comparison matrix as CSV, JSON and a printable table. */
#pragma once

#include <json-glib/json-glib.h>
#include "qs-compare-matrix.h"
#include "qs-indicator-table.h"
#include "qs-plan.h"

G_BEGIN_DECLS

/* Every export writes the rows the matrix's filters let through, plans in
 * the matrix's column order. */

/* Comma-separated values for Excel, WPS and LibreOffice: UTF-8 with a byte
 * order mark (without it Excel reads Chinese as the ANSI code page), CRLF
 * line ends, RFC 4180 quoting.  Columns: 领域, 指标, 指标编号, 单位,
 * 指标属性, 市级目标, 市级要求, then for each plan 基准值, 目标值,
 * 对照结果, 标记 (最严/最弱), 说明, and 审阅意见 (the review notes on
 * the plan's row, one per line) when some plan in the matrix has notes. */
char             *qs_compare_export_csv        (QsCompareMatrix *matrix,
                                                gsize           *length);
/* {"format": "qingshan-compare", "version": 1,
 *  "plans": [{label, title, region, period, district}],
 *  "against": {title, region, period} | null,
 *  "filters": {field, attribute, status},
 *  "rows": [{indicator_id, name, unit, field, better, attribute, binding,
 *            municipal_target, municipal_baseline, requirement,
 *            cells: [{plan, baseline, target, status, status_label, reason,
 *                     required, missing, strictest, weakest, level,
 *                     notes: [text of each review note on the row]}]}]} */
JsonNode         *qs_compare_export_json       (QsCompareMatrix *matrix);
char             *qs_compare_export_json_data  (QsCompareMatrix *matrix,
                                                gsize           *length);
/* The text of one cell as printed: "88.25 → ≥88\n弱于基准 ▼最弱", "缺失". */
char             *qs_compare_export_cell_text  (const QsCompareCell *cell);
/* The matrix as an indicator table for the paginator: 领域 (merged down
 * its rows), 指标, 单位, 属性, 市级目标, 市级要求, one column per plan. */
QsIndicatorTable *qs_compare_export_table      (QsCompareMatrix *matrix);
/* The same with plan columns @first … @first + @n_plans − 1 only. */
QsIndicatorTable *qs_compare_export_table_range (QsCompareMatrix *matrix,
                                                 guint            first,
                                                 guint            n_plans);
/* At most this many plan columns go into one printed table. */
#define QS_COMPARE_EXPORT_PLANS_PER_TABLE 6
/* The matrix as a plan to print with QsPaginator
 * (QS_PAGINATOR_CONTENT_INDICATOR_TABLES, landscape): one table, or with
 * more than QS_COMPARE_EXPORT_PLANS_PER_TABLE plans several tables of
 * evenly shared plan columns, each with the indicator columns. */
QsPlan           *qs_compare_export_plan       (QsCompareMatrix *matrix);

G_END_DECLS
