/* qs-types.h: forward typedefs and shared enums of the plan model. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _QsPlan           QsPlan;
typedef struct _QsSection        QsSection;
typedef struct _QsParagraph      QsParagraph;
typedef struct _QsTableColumn    QsTableColumn;
typedef struct _QsIndicatorTable QsIndicatorTable;
typedef struct _QsIndicatorRow   QsIndicatorRow;
typedef struct _QsTaskTable      QsTaskTable;
typedef struct _QsTaskRow        QsTaskRow;
typedef struct _QsTaskItem       QsTaskItem;
typedef struct _QsGlossaryEntry  QsGlossaryEntry;

typedef enum
{
  QS_PLAN_LEVEL_DISTRICT,
  QS_PLAN_LEVEL_COUNTY,
  QS_PLAN_LEVEL_MUNICIPAL,
} QsPlanLevel;

/* Where a QsSection stands in the plan's tree. */
typedef enum
{
  QS_SECTION_FRONT,       /* 前言, 印发通知, 目录: front matter, not a chapter */
  QS_SECTION_CHAPTER,     /* 第一章 … or 一、… */
  QS_SECTION_SECTION,     /* 第一节 … or （一）… */
  QS_SECTION_SUBSECTION,  /* 一、… below a 节 */
  QS_SECTION_BACK,        /* 名词解释, 附件: back matter */
} QsSectionKind;

typedef enum
{
  QS_PARAGRAPH_BODY,      /* ordinary prose */
  QS_PARAGRAPH_NOTE,      /* a note block (注：…) outside a table */
} QsParagraphKind;

/* What a table column holds; guessed from the header text by
 * qs_column_role_guess() and editable by the user. */
typedef enum
{
  QS_COLUMN_OTHER,
  QS_COLUMN_CATEGORY,     /* 类别, 领域 */
  QS_COLUMN_NUMBER,       /* 序号 */
  QS_COLUMN_NAME,         /* 指标, 指标名称 */
  QS_COLUMN_SUBNAME,      /* unnamed column of sub-item names (城市/乡镇, pollutants) */
  QS_COLUMN_UNIT,         /* 单位, 指标单位 */
  QS_COLUMN_ATTRIBUTE,    /* 指标属性, 指标类别 (约束性/预期性) */
  QS_COLUMN_BASELINE,     /* 2020年现状值, 2015年实际值, 基准值 */
  QS_COLUMN_TARGET,       /* 2025年目标值, 2020年目标 */
  QS_COLUMN_ACTUAL,       /* 2020年实际值 in a review table */
  QS_COLUMN_CHANGE,       /* 增减幅度 */
  QS_COLUMN_STATUS,       /* 完成情况, 是否完成 */
  QS_COLUMN_REMARK,       /* 备注 */
} QsColumnRole;

typedef enum
{
  QS_TASK_ITEM_ITEM,      /* ——名称：内容, 1．…, a line of a box */
  QS_TASK_ITEM_HEADING,   /* a sub-heading inside a box (一、…) */
} QsTaskItemKind;

const char   *qs_plan_level_to_string     (QsPlanLevel    level);   /* "district" ... */
gboolean      qs_plan_level_from_string   (const char    *str,
                                           QsPlanLevel   *level);
const char   *qs_section_kind_to_string   (QsSectionKind  kind);    /* "front" "chapter" ... */
gboolean      qs_section_kind_from_string (const char    *str,
                                           QsSectionKind *kind);
const char   *qs_column_role_to_string    (QsColumnRole   role);    /* "category" "baseline" ... */
gboolean      qs_column_role_from_string  (const char    *str,
                                           QsColumnRole  *role);
QsColumnRole  qs_column_role_guess        (const char    *header);
gboolean      qs_column_role_is_structural (QsColumnRole  role);    /* category/number/name/subname */
int           qs_column_header_year       (const char    *header);  /* 2020 for "2020年现状值", else 0 */
char         *qs_text_strip_spaces        (const char    *text);    /* removes all white space incl. NBSP, U+3000 */
/* Replaces *dest with a copy of @src; TRUE when the value changed (g_set_str is GLib 2.76). */
gboolean      qs_set_str                  (char         **dest,
                                           const char    *src);

/* Appends a copy of @text ("" for NULL) to a NULL-terminated string array. */
void          qs_strv_append              (GStrv         *strv,
                                           const char    *text);

G_END_DECLS
