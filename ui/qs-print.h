/* qs-print.h: printing a plan (GtkPrintOperation, with preview) and
 * Export PDF…, both through the one paginator (ui/render/qs-paginator.h). */
#pragma once

#include <gtk/gtk.h>

#include "qs-model.h"
#include "qs-paginator.h"

G_BEGIN_DECLS

/* What to print. */
typedef enum
{
  QS_PRINT_SCOPE_PLAN,              /* title page, contents, every chapter */
  QS_PRINT_SCOPE_INDICATOR_TABLES,  /* every indicator table, one after another */
  QS_PRINT_SCOPE_TABLE,             /* QsPrintOptions.table only */
} QsPrintScope;

typedef struct
{
  QsPrintScope       scope;
  GObject           *table;          /* SCOPE_TABLE: an indicator or task table of the plan */
  QsPageOrientation  orientation;    /* AUTO: landscape pages for tables too wide for portrait */
  gboolean           status_column;  /* a column with the check's verdict on each row */
  const char        *font_family;    /* body font; NULL: the print-font-family setting */
  double             font_size;      /* body size in points; 0: the print-font-size setting */
} QsPrintOptions;

/* Whole plan, automatic orientation, no status column, fonts from the settings. */
void          qs_print_options_init      (QsPrintOptions          *options);

/* Shows the print dialog (with preview, page setup and a "Content" tab for
 * the options) for @plan; @workspace (nullable) supplies the municipal plan
 * for the status column; @shown_table (nullable) is offered as "this table". */
void          qs_print_plan              (GtkWindow               *parent,
                                          QsPlan                  *plan,
                                          QsWorkspace             *workspace,
                                          GObject                 *shown_table);
/* Asks for the options, then for a file (named after the plan), and writes
 * the PDF with qs_print_write_pdf(); a failure is shown in a dialog. */
void          qs_print_export_pdf        (GtkWindow               *parent,
                                          QsPlan                  *plan,
                                          QsWorkspace             *workspace,
                                          GObject                 *shown_table);
/* Writes @plan to the PDF at @path (atomically: a temporary file renamed
 * over it) as @options say (NULL: the defaults).  No dialogs. */
gboolean      qs_print_write_pdf         (QsPlan                  *plan,
                                          QsWorkspace             *workspace,
                                          const QsPrintOptions    *options,
                                          const char              *path,
                                          GError                 **error);

/* A paginator set up as @options say: content, table, orientation, fonts
 * (the settings' when the options give none) and, with status_column, the
 * check of @plan against the municipal plan in @workspace. */
QsPaginator  *qs_print_create_paginator  (QsPlan                  *plan,
                                          QsWorkspace             *workspace,
                                          const QsPrintOptions    *options,
                                          GError                 **error);
/* Runs a print operation without the options dialog: @action
 * GTK_PRINT_OPERATION_ACTION_EXPORT writes the PDF @export_filename
 * (tests; "Print to File" does the same from the dialog). */
GtkPrintOperationResult
              qs_print_run               (GtkWindow               *parent,
                                          QsPlan                  *plan,
                                          QsWorkspace             *workspace,
                                          const QsPrintOptions    *options,
                                          GtkPrintOperationAction  action,
                                          const char              *export_filename,
                                          GError                 **error);

/* Font families installed for Chinese text, serif (宋/明) faces first, then
 * by name: the choices for the body font. */
GStrv         qs_print_list_cjk_families (void);

G_END_DECLS
