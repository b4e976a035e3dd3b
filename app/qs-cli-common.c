/* qs-cli-common.c: shared pieces of qingshan-cli's commands. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qs-cli.h"
#include "qs-requirement.h"

int
qs_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line: scripts read the first line of stderr. */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "qingshan-cli: %s\n", message);
  return 1;
}

int
qs_cli_fail_error (const GError *error)
{
  return qs_cli_fail ("%s", error != NULL ? error->message : _("unknown error"));
}

gboolean
qs_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      qs_cli_fail ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

QsWorkspace *
qs_cli_open_workspace (const char  *db,
                       gboolean     create,
                       GError     **error)
{
  g_autofree char *path = db != NULL ? g_strdup (db) : qs_workspace_default_path ();

  return qs_workspace_open (path, create, error);
}

static gboolean
parse_plan_id (const char *spec,
               gint64     *id)
{
  char *end = NULL;
  gint64 value;

  if (spec == NULL || *spec == '\0' || !g_ascii_isdigit (*spec))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoll (spec, &end, 10);
  if (errno != 0 || *end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

QsPlan *
qs_cli_load_plan (const char  *spec,
                  const char  *db,
                  GError     **error)
{
  gint64 id;

  /* A bare number names a plan in the workspace unless a file of that
   * name exists; anything else is a .qsplan path. */
  if (parse_plan_id (spec, &id) && !g_file_test (spec, G_FILE_TEST_EXISTS))
    {
      g_autoptr(QsWorkspace) workspace = qs_cli_open_workspace (db, FALSE, error);

      if (workspace == NULL)
        return NULL;
      return qs_workspace_load_plan (workspace, id, error);
    }
  return qs_plan_xml_read_file (spec, error);
}

gboolean
qs_cli_write_output (const char  *path,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  /* qs_plan_xml_write_data refuses a plan it could not read back. */
  if (data == NULL)
    {
      g_set_error (error, QS_PLAN_XML_ERROR, QS_PLAN_XML_ERROR_TOO_LARGE,
                   _("a paragraph or cell is longer than %d MB and cannot be saved; split it"),
                   QS_PLAN_XML_MAX_TEXT / 1000000);
      return FALSE;
    }
  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("cannot write to standard output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, error))
    return FALSE;
  return TRUE;
}

QsCatalog *
qs_cli_load_catalog (const char  *extra_path,
                     GError     **error)
{
  g_autoptr(QsCatalog) catalog = qs_catalog_new_default (error);
  g_autofree char *extra = NULL;
  gsize extra_length = 0;

  if (catalog == NULL)
    return NULL;
  if (extra_path != NULL &&
      (!g_file_get_contents (extra_path, &extra, &extra_length, error) ||
       !qs_catalog_merge_json (catalog, extra, (gssize) extra_length, extra_path, error)))
    return NULL;
  return g_steal_pointer (&catalog);
}

gboolean
qs_cli_find_requirements (QsPlan      *municipal,
                          const char  *path,
                          GListStore **requirements,
                          GError     **error)
{
  g_autofree char *found = NULL;

  *requirements = NULL;

  /* An explicit file wins; then the requirements the municipal plan
   * carries; only a plan without any falls back to the document shipped
   * for its region and period. */
  if (path == NULL && municipal != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (qs_plan_get_requirements (municipal))) > 0)
    {
      *requirements = g_object_ref (qs_plan_get_requirements (municipal));
      return TRUE;
    }
  if (path == NULL && municipal != NULL)
    {
      g_autofree char *period = qs_plan_dup_period_string (municipal);

      found = qs_requirement_find_data_file (qs_plan_get_region (municipal), period);
    }
  if (path == NULL && found == NULL)
    return TRUE;
  *requirements = qs_requirement_list_new_from_file (path ? path : found, error);
  return *requirements != NULL;
}
