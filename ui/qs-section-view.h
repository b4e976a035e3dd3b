/* qs-section-view.h: the text of a chapter or section, read-only for now. */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"

G_BEGIN_DECLS

#define QS_TYPE_SECTION_VIEW (qs_section_view_get_type ())

G_DECLARE_FINAL_TYPE (QsSectionView, qs_section_view, QS, SECTION_VIEW, GtkWidget)

GtkWidget     *qs_section_view_new         (void);
QsSection     *qs_section_view_get_section (QsSectionView *self);
/* Shows the section's heading, its paragraphs, the captions of its tables
 * and, below, its child sections in the same way.  Clicking a table's
 * caption emits "block-activated" with the table. */
void           qs_section_view_set_section (QsSectionView *self,
                                            QsSection     *section);
GtkTextBuffer *qs_section_view_get_buffer  (QsSectionView *self);
/* As if the table line at @offset (a character offset) was clicked;
 * FALSE when there is no table there. */
gboolean       qs_section_view_activate_at (QsSectionView *self,
                                            int            offset);
/* Writes what was typed back into the plan (through the QsPlanEditor the
 * view is in, as one step of undo) now rather than a moment later; FALSE
 * when nothing was typed. */
gboolean       qs_section_view_commit      (QsSectionView *self);
/* Shows the section's text again, keeping the cursor and the scroll. */
void           qs_section_view_refresh     (QsSectionView *self);

G_END_DECLS
