/* qs-paginator.h: lays a plan (or some of its tables) out on pages and draws
 * them with cairo: the one pagination engine behind the print dialog, print
 * preview, Export PDF… and `qingshan-cli pdf`.  No GTK here.
 *
 * With GtkPrintOperation (use_full_page TRUE, unit GTK_UNIT_POINTS):
 *   begin-print:        n = qs_paginator_paginate (p, gtk_print_context_create_pango_context (ctx),
 *                                                  paper width, paper height in points);
 *                       gtk_print_operation_set_n_pages (op, n);
 *   request-page-setup: qs_paginator_get_page_size (p, page_nr, NULL, NULL) says landscape:
 *                       gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
 *   draw-page:          qs_paginator_draw_page (p, gtk_print_context_get_cairo_context (ctx), page_nr);
 * Export PDF… is qs_paginator_export_pdf(), which also writes metadata and
 * bookmarks (one per chapter, section and table). */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "qs-check.h"
#include "qs-model.h"

G_BEGIN_DECLS

#define QS_PAGINATOR_ERROR (qs_paginator_error_quark ())

typedef enum
{
  QS_PAGINATOR_ERROR_NOTHING,   /* no table (or nothing at all) to print */
  QS_PAGINATOR_ERROR_IO,        /* the PDF cannot be written */
} QsPaginatorError;

/* What to print. */
typedef enum
{
  QS_PAGINATOR_CONTENT_PLAN,              /* title page, contents, every chapter */
  QS_PAGINATOR_CONTENT_INDICATOR_TABLES,  /* every indicator table, one after another */
  QS_PAGINATOR_CONTENT_ALL_TABLES,        /* indicator and task tables */
} QsPaginatorContent;

typedef enum
{
  QS_PAGE_ORIENTATION_AUTO,       /* landscape pages for tables too wide for portrait */
  QS_PAGE_ORIENTATION_PORTRAIT,
  QS_PAGE_ORIENTATION_LANDSCAPE,
} QsPageOrientation;

/* A4 in points. */
#define QS_PAGINATOR_A4_WIDTH  595.275590551
#define QS_PAGINATOR_A4_HEIGHT 841.889763780

/* The text of the optional status column for row @row of @table (e.g. a
 * check's verdict "通过", "偏低"), newly allocated, or NULL for an empty cell. */
typedef char   *(*QsPaginatorStatusFunc)  (QsIndicatorTable *table,
                                           guint             row,
                                           gpointer          user_data);
/* A drawer for a kind of block the paginator does not know (charts): the
 * height it needs at @width points, and drawing it in the box (0, 0, @width,
 * @height) of @cr.  Such a block is never split across pages. */
typedef double  (*QsPaginatorMeasureFunc) (GObject          *block,
                                           double            width,
                                           gpointer          user_data);
typedef void    (*QsPaginatorDrawFunc)    (GObject          *block,
                                           cairo_t          *cr,
                                           double            width,
                                           double            height,
                                           gpointer          user_data);

#define QS_TYPE_PAGINATOR (qs_paginator_get_type ())

G_DECLARE_FINAL_TYPE (QsPaginator, qs_paginator, QS, PAGINATOR, GObject)

GQuark             qs_paginator_error_quark         (void);

QsPaginator       *qs_paginator_new                 (QsPlan                *plan);
QsPlan            *qs_paginator_get_plan            (QsPaginator           *self);

/* Options; each one drops the current pagination. */
void               qs_paginator_set_content         (QsPaginator           *self,
                                                     QsPaginatorContent     content);
QsPaginatorContent qs_paginator_get_content         (QsPaginator           *self);
/* Print only the tables whose caption or label contains @text (NULL: all). */
void               qs_paginator_set_table_filter    (QsPaginator           *self,
                                                     const char            *text);
/* Print only @table (an indicator or task table of the plan; NULL: all
 * that the content and filter select).  Overrides the filter. */
void               qs_paginator_set_table           (QsPaginator           *self,
                                                     GObject               *table);
GObject           *qs_paginator_get_table           (QsPaginator           *self);
void               qs_paginator_set_orientation     (QsPaginator           *self,
                                                     QsPageOrientation      orientation);
QsPageOrientation  qs_paginator_get_orientation     (QsPaginator           *self);
/* Body font family and size in points ("Noto Serif CJK SC", 12). */
void               qs_paginator_set_font            (QsPaginator           *self,
                                                     const char            *family,
                                                     double                 size);
/* Heading and caption font family ("Noto Sans CJK SC"). */
void               qs_paginator_set_heading_font    (QsPaginator           *self,
                                                     const char            *family);
/* Adds a status column to every indicator table, filled by @func. */
void               qs_paginator_set_status_func     (QsPaginator           *self,
                                                     const char            *header,
                                                     QsPaginatorStatusFunc  func,
                                                     gpointer               user_data,
                                                     GDestroyNotify         destroy);
/* Adds a status column "检查" with @check's verdict on each row of the
 * plan's tables (符合, 未达要求 …; 完成 or 未完成 on review tables);
 * NULL removes it.  @check must have been run on this plan. */
void               qs_paginator_set_check           (QsPaginator           *self,
                                                     QsCheck               *check);
void               qs_paginator_set_block_drawer    (QsPaginator           *self,
                                                     GType                  block_type,
                                                     QsPaginatorMeasureFunc measure,
                                                     QsPaginatorDrawFunc    draw,
                                                     gpointer               user_data,
                                                     GDestroyNotify         destroy);

/* The number of tables the current options select. */
guint              qs_paginator_count_tables        (QsPaginator           *self);

/* Lays everything out on pages of @paper_width × @paper_height points
 * (portrait; landscape pages swap the two) and returns the page count.
 * @context supplies the font map and font options (a GtkPrintContext's or
 * NULL for cairo's default); measures are taken at 72 dpi so one unit is one
 * point.  Pages are drawn in full-page coordinates, in points. */
guint              qs_paginator_paginate            (QsPaginator           *self,
                                                     PangoContext          *context,
                                                     double                 paper_width,
                                                     double                 paper_height);
guint              qs_paginator_get_n_pages         (QsPaginator           *self);
/* The size of page @page in points and whether it is landscape (for
 * GtkPrintOperation::request-page-setup). */
gboolean           qs_paginator_get_page_size       (QsPaginator           *self,
                                                     guint                  page,
                                                     double                *width,
                                                     double                *height);
void               qs_paginator_draw_page           (QsPaginator           *self,
                                                     cairo_t               *cr,
                                                     guint                  page);
/* Paginates on A4 (unless done already) and writes a PDF with metadata and an
 * outline, to a temporary file renamed over @path when complete.  The fonts
 * are cut down to the characters printed before cairo embeds them (the same
 * pages, a fraction of the time and memory).  A pagination made by the
 * caller is kept; one made here is dropped afterwards. */
gboolean           qs_paginator_export_pdf          (QsPaginator           *self,
                                                     const char            *path,
                                                     GError               **error);

G_END_DECLS
