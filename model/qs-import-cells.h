/* qs-import-cells.h: what a table cell or a short line looks like.
 * Internal to the model: the readers of tables and boxes decide with these. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every predicate ignores white space (NBSP, U+3000 …) in @text. */
gboolean  qs_import_cell_is_empty      (const char *text);
/* Made only of header words: 类别, 序号, 指标名称, 2020年, 现状值, 单位 … */
gboolean  qs_import_cell_is_header     (const char *text);
/* A figure or a target as tables write them: 88.25, ≥88, 【15】, [8.91~23],
 * 335以上, 21950.4t, Ⅲ类, —, 由重庆市下达, 保持, 提高1个百分点 … (and ""). */
gboolean  qs_import_cell_is_value      (const char *text);
/* 约束性, 预期性 */
gboolean  qs_import_cell_is_attribute  (const char *text);
/* A row number as printed ("3", "3*", "17**"): its value, else -1. */
int       qs_import_cell_number        (const char *text);
/* Text that can name an indicator or a category: not empty, not a value,
 * not an attribute, not a row number. */
gboolean  qs_import_cell_is_name       (const char *text);

/* "注：", "备注：", "说明：" opening the notes under a table. */
gboolean  qs_import_is_note_start      (const char *text);
/* Only the notes label ("备注：" alone): the notes list stands for it. */
gboolean  qs_import_is_note_label      (const char *text);
/* A further note: "〔2〕…", "2.…", "(2)…", "*…". */
gboolean  qs_import_is_note_item       (const char *text);

/* The text ends a sentence (。！？；, possibly closed by ” or ）). */
gboolean  qs_import_ends_sentence      (const char *text,
                                        gsize       len);
/* A prose paragraph opening with a short imperative lead sentence
 * ("加强自然保护区建设。…"): the way plans resume prose after a box. */
gboolean  qs_import_is_prose_lead      (const char *text,
                                        gsize       len);
/* A list item marker at the start of @text: "——", "――", "- ", "• ", "1．",
 * "1.", "1、", "（1）", "(1)".  Returns the marker's byte length, else 0. */
gsize     qs_import_item_marker        (const char *text,
                                        gsize       len);

G_END_DECLS
