/* qs-section.h: a chapter, section or subsection (or front/back matter). */
#pragma once

#include <gio/gio.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_SECTION (qs_section_get_type ())

G_DECLARE_FINAL_TYPE (QsSection, qs_section, QS, SECTION, GObject)

QsSection     *qs_section_new          (QsSectionKind  kind,
                                        int            number,
                                        const char    *title);
QsSectionKind  qs_section_get_kind     (QsSection     *self);
void           qs_section_set_kind     (QsSection     *self,
                                        QsSectionKind  kind);
/* The ordinal (1 for 第一章 / 一、 / （一）), 0 when unnumbered. */
int            qs_section_get_number   (QsSection     *self);
void           qs_section_set_number   (QsSection     *self,
                                        int            number);
/* The numbering as printed ("第一章", "一、", "(一)"), or NULL to print the default. */
const char    *qs_section_get_label    (QsSection     *self);
void           qs_section_set_label    (QsSection     *self,
                                        const char    *label);
const char    *qs_section_get_title    (QsSection     *self);
void           qs_section_set_title    (QsSection     *self,
                                        const char    *title);
/* Blocks come before the child sections in document order. */
GListStore    *qs_section_get_blocks   (QsSection     *self);   /* of QsParagraph | QsIndicatorTable | QsTaskTable */
GListStore    *qs_section_get_children (QsSection     *self);   /* of QsSection */
/* The default label for a kind and number, e.g. "第三章", "第二节", "一、". */
char          *qs_section_format_label (QsSectionKind  kind,
                                        int            number);

G_END_DECLS
