/* qs-plan-xml.h: the .qsplan file format (XML, schema resources/qsplan.rng). */
#pragma once

#include <gio/gio.h>
#include "qs-plan.h"

G_BEGIN_DECLS

#define QS_PLAN_XML_ERROR (qs_plan_xml_error_quark ())

typedef enum
{
  QS_PLAN_XML_ERROR_IO,         /* the file cannot be read or written */
  QS_PLAN_XML_ERROR_TOO_LARGE,  /* over QS_PLAN_XML_MAX_SIZE */
  QS_PLAN_XML_ERROR_MALFORMED,  /* not well-formed XML (truncated, bad UTF-8 …) */
  QS_PLAN_XML_ERROR_FORBIDDEN,  /* a DOCTYPE, entity or external reference */
  QS_PLAN_XML_ERROR_INVALID,    /* well-formed but violates the schema */
} QsPlanXmlError;

/* The XML namespace of the document element <plan version="1">. */
#define QS_PLAN_XML_NAMESPACE "https://qingshan.org/ns/qsplan/1"

/* Files larger than this are refused before parsing. */
#define QS_PLAN_XML_MAX_SIZE (64 * 1024 * 1024)
/* One text (a paragraph, a cell) of this many bytes or more cannot be saved:
 * libxml2 refuses to read such a text node back (XML_MAX_TEXT_LENGTH). */
#define QS_PLAN_XML_MAX_TEXT 10000000

GQuark   qs_plan_xml_error_quark (void);

/* Every error message names the file (or "<input>") and the line. */
QsPlan  *qs_plan_xml_read_file   (const char   *path,
                                  GError      **error);
QsPlan  *qs_plan_xml_read_data   (const char   *data,
                                  gsize         length,
                                  const char   *name_for_errors,
                                  GError      **error);
/* Serialises to memory, then writes atomically and durably. */
gboolean qs_plan_xml_write_file  (QsPlan       *plan,
                                  const char   *path,
                                  GError      **error);
char    *qs_plan_xml_write_data  (QsPlan       *plan,
                                  gsize        *length);

G_END_DECLS
