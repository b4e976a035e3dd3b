/* qs-importer.h: rebuilds a structured plan from a plan's plain text. */
#pragma once

#include <gio/gio.h>
#include "qs-plan.h"

G_BEGIN_DECLS

#define QS_IMPORT_ERROR (qs_import_error_quark ())

typedef enum
{
  QS_IMPORT_ERROR_IO,
  QS_IMPORT_ERROR_ENCODING,   /* invalid bytes: message says line and byte offset */
  QS_IMPORT_ERROR_TOO_LARGE,
  QS_IMPORT_ERROR_EMPTY,
} QsImportError;

#define QS_TYPE_IMPORT_REPORT (qs_import_report_get_type ())

G_DECLARE_FINAL_TYPE (QsImportReport, qs_import_report, QS, IMPORT_REPORT, GObject)

/* One place the importer was unsure of, with its source line (1-based). */
typedef struct
{
  guint  line;
  char  *message;   /* Chinese, for the user */
} QsImportDoubt;

GQuark          qs_import_error_quark             (void);

QsPlan         *qs_import_text_file               (const char      *path,
                                                   QsImportReport **report,
                                                   GError         **error);
QsPlan         *qs_import_text_data               (const char      *data,
                                                   gsize            length,
                                                   const char      *name_for_errors,
                                                   QsImportReport **report,
                                                   GError         **error);

/* What was recognised, as text lines for the user (chapters, sections,
 * tables with row counts) followed by the doubts. */
char           *qs_import_report_to_text          (QsImportReport  *self);
guint           qs_import_report_get_n_doubts     (QsImportReport  *self);
const QsImportDoubt *qs_import_report_get_doubt   (QsImportReport  *self,
                                                   guint            index);
const char     *qs_import_report_get_encoding     (QsImportReport  *self);  /* "UTF-8", "GB18030" */

G_END_DECLS
