/* qs-cli.h: shared pieces of qingshan-cli's commands. */
#pragma once

#include <glib.h>
#include "qs-catalog.h"
#include "qs-model.h"

G_BEGIN_DECLS

/* Each command parses its own options (GOptionContext, so --help works per
 * command) and returns the process exit status.  On failure it has already
 * printed one line "qingshan-cli: <what went wrong>" to stderr. */
typedef int (*QsCliCommandFunc) (int argc, char **argv);

int       qs_cli_validate  (int argc, char **argv);
int       qs_cli_export    (int argc, char **argv);
int       qs_cli_workspace (int argc, char **argv);
int       qs_cli_import    (int argc, char **argv);
int       qs_cli_pdf       (int argc, char **argv);
int       qs_cli_check     (int argc, char **argv);
int       qs_cli_chart     (int argc, char **argv);
int       qs_cli_compare   (int argc, char **argv);
int       qs_cli_requirements (int argc, char **argv);
int       qs_cli_catalog   (int argc, char **argv);
int       qs_cli_versions  (int argc, char **argv);
int       qs_cli_diff      (int argc, char **argv);
int       qs_cli_notes     (int argc, char **argv);

/* Prints "qingshan-cli: <message>" to stderr as one line and returns 1. */
int       qs_cli_fail      (const char *format, ...) G_GNUC_PRINTF (1, 2);
int       qs_cli_fail_error (const GError *error);
/* Parses options; on a bad option prints it as one line and returns FALSE. */
gboolean  qs_cli_parse     (GOptionContext *context, int *argc, char ***argv);
/* Opens the workspace at @db, or the default workspace when @db is NULL. */
QsWorkspace *qs_cli_open_workspace (const char *db, gboolean create, GError **error);
/* Loads a plan named either as a .qsplan path or, with @db, as a workspace id. */
QsPlan   *qs_cli_load_plan (const char *spec, const char *db, GError **error);
/* Writes @data to @path atomically, or to stdout when @path is NULL or "-". */
gboolean  qs_cli_write_output (const char *path, const char *data, gsize length, GError **error);

/* The built-in catalog, with the entries and aliases of the JSON file at
 * @extra_path merged on top when it is not NULL. */
QsCatalog *qs_cli_load_catalog (const char *extra_path, GError **error);

/* The requirements a check or comparison uses: the file at @path when given;
 * else those @municipal carries; else the file shipped for its region and
 * period.  Sets *@requirements to NULL when there are none (not an error). */
gboolean  qs_cli_find_requirements (QsPlan *municipal, const char *path, GListStore **requirements,
                                    GError **error);

G_END_DECLS
