/* qs-paragraph.h: a paragraph of prose (or a free-standing note). */
#pragma once

#include <glib-object.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_PARAGRAPH (qs_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (QsParagraph, qs_paragraph, QS, PARAGRAPH, GObject)

QsParagraph     *qs_paragraph_new      (QsParagraphKind  kind,
                                        const char      *text);
QsParagraphKind  qs_paragraph_get_kind (QsParagraph     *self);
void             qs_paragraph_set_kind (QsParagraph     *self,
                                        QsParagraphKind  kind);
const char      *qs_paragraph_get_text (QsParagraph     *self);
void             qs_paragraph_set_text (QsParagraph     *self,
                                        const char      *text);

G_END_DECLS
