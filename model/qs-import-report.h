/* qs-import-report.h: building a QsImportReport (the type is public in
 * qs-importer.h).  Internal to the model. */
#pragma once

#include "qs-importer.h"

G_BEGIN_DECLS

QsImportReport *qs_import_report_new             (void);
void            qs_import_report_set_encoding    (QsImportReport *self,
                                                  const char     *encoding);
/* One line of what was recognised ("第4行 第一章 发展现状与基本形势"). */
void            qs_import_report_add_recognised  (QsImportReport *self,
                                                  guint           line,
                                                  const char     *format,
                                                  ...) G_GNUC_PRINTF (3, 4);
/* A place the importer was unsure of; @line is the 1-based source line. */
void            qs_import_report_add_doubt       (QsImportReport *self,
                                                  guint           line,
                                                  const char     *format,
                                                  ...) G_GNUC_PRINTF (3, 4);
/* The plan's summary lines, printed before the recognised items. */
void            qs_import_report_add_summary     (QsImportReport *self,
                                                  const char     *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
guint           qs_import_report_get_n_recognised (QsImportReport *self);
const char     *qs_import_report_get_recognised  (QsImportReport *self,
                                                  guint           index);

G_END_DECLS
