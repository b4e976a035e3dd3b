/* qs-workspace.h: a workspace, many plans in one SQLite database. */
#pragma once

#include <gio/gio.h>
#include "qs-catalog.h"
#include "qs-plan.h"
#include "qs-review-note.h"

G_BEGIN_DECLS

#define QS_WORKSPACE_ERROR (qs_workspace_error_quark ())
GQuark qs_workspace_error_quark (void);

typedef enum
{
  QS_WORKSPACE_ERROR_OPEN,        /* cannot open or create the file */
  QS_WORKSPACE_ERROR_NOT_WORKSPACE, /* not an SQLite database, or not ours */
  QS_WORKSPACE_ERROR_CORRUPT,     /* database disk image is malformed / truncated */
  QS_WORKSPACE_ERROR_TOO_NEW,     /* written by a newer Qingshan (schema version) */
  QS_WORKSPACE_ERROR_READ_ONLY,   /* the file or directory is read-only */
  QS_WORKSPACE_ERROR_BUSY,        /* another process holds the write lock too long */
  QS_WORKSPACE_ERROR_NOT_FOUND,   /* no plan with that id */
  QS_WORKSPACE_ERROR_FAILED,      /* any other SQLite failure */
} QsWorkspaceError;

#define QS_TYPE_WORKSPACE (qs_workspace_get_type ())

G_DECLARE_FINAL_TYPE (QsWorkspace, qs_workspace, QS, WORKSPACE, GObject)

/* A summary of one stored plan, for lists. */
typedef struct
{
  gint64       id;
  char        *title;
  char        *region;
  QsPlanLevel  level;
  int          start_year;
  int          end_year;
  gint64       modified;   /* unix time of the last save */
} QsPlanSummary;

void           qs_plan_summary_free          (QsPlanSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsPlanSummary, qs_plan_summary_free)

/* The default workspace: $XDG_DATA_HOME/qingshan/workspace.qsdb */
char          *qs_workspace_default_path     (void);
/* Opens (creating when @create and it does not exist) and migrates. */
QsWorkspace   *qs_workspace_open             (const char   *path,
                                              gboolean      create,
                                              GError      **error);
const char    *qs_workspace_get_path         (QsWorkspace  *self);
/* Element type QsPlanSummary*, ordered by level, period, region, title. */
GPtrArray     *qs_workspace_list_plans       (QsWorkspace  *self,
                                              GError      **error);
/* Adds a plan in one transaction; returns the new id, or 0 on error. */
gint64         qs_workspace_add_plan         (QsWorkspace  *self,
                                              QsPlan       *plan,
                                              GError      **error);
/* Replaces a stored plan's whole content in one transaction. */
gboolean       qs_workspace_save_plan        (QsWorkspace  *self,
                                              gint64        id,
                                              QsPlan       *plan,
                                              GError      **error);
QsPlan        *qs_workspace_load_plan        (QsWorkspace  *self,
                                              gint64        id,
                                              GError      **error);
gboolean       qs_workspace_remove_plan      (QsWorkspace  *self,
                                              gint64        id,
                                              GError      **error);
int            qs_workspace_get_schema_version (QsWorkspace *self);

/* How qs_workspace_open_full() opens a file. */
typedef enum
{
  QS_WORKSPACE_OPEN_DEFAULT   = 0,
  QS_WORKSPACE_OPEN_CREATE    = 1 << 0,  /* create (or initialise an empty file) */
  QS_WORKSPACE_OPEN_READ_ONLY = 1 << 1,  /* never write, even to a writable file */
} QsWorkspaceOpenFlags;

/* Like qs_workspace_open(); a read-only workspace (asked for, or a file
 * the user may not write) lists and loads, and every write fails with
 * QS_WORKSPACE_ERROR_READ_ONLY.  An existing empty file is a workspace
 * only with QS_WORKSPACE_OPEN_CREATE; without it, NOT_WORKSPACE. */
QsWorkspace   *qs_workspace_open_full        (const char           *path,
                                              QsWorkspaceOpenFlags  flags,
                                              GError              **error);
gboolean       qs_workspace_is_read_only     (QsWorkspace  *self);
/* How long a write waits for another process's write to finish before
 * failing with QS_WORKSPACE_ERROR_BUSY (default 5000 ms). */
void           qs_workspace_set_busy_timeout (QsWorkspace  *self,
                                              int           msec);
/* Writes a consistent, self-contained copy of the workspace to @path
 * (replacing a file there, never a workspace in use). */
gboolean       qs_workspace_backup_to        (QsWorkspace  *self,
                                              const char   *path,
                                              GError      **error);
/* Runs SQLite's full integrity check; CORRUPT with the first problems. */
gboolean       qs_workspace_check            (QsWorkspace  *self,
                                              GError      **error);
/* TRUE (and emits ::changed with id 0) when another connection, e.g.
 * qingshan-cli, committed since the last call; cheap, for focus-in. */
gboolean       qs_workspace_poll_changes     (QsWorkspace  *self);


/* Catalog extensions */

/* The user's additions to the catalog: a catalog JSON document (same format as resources/catalog.json, read with qs_catalog_merge_json) holding only added entries and extended ones ({"id": existing, "aliases": [...]}) or NULL (no error) when there are none. */
char      *qs_workspace_get_catalog_extensions (QsWorkspace *self, GError **error);
/* Replaces them (one transaction); the document is validated by merging it into a fresh default catalog first; NULL or "" clears. Emits ::changed with id 0. */
gboolean   qs_workspace_set_catalog_extensions (QsWorkspace *self, const char *json, GError **error);
/* The built-in catalog merged with the workspace's extensions. */
QsCatalog *qs_workspace_load_catalog (QsWorkspace *self, GError **error);

/* Versions: every qs_workspace_add_plan() (version 1) and
 * qs_workspace_save_plan() keeps the plan as saved (as .qsplan XML, zlib), in
 * the same transaction; a save identical to the last version keeps none.
 * Removing a plan removes its versions. */

/* One saved version of a plan. */
typedef struct
{
  gint64  plan_id;
  int     version;    /* 1, 2, … */
  char   *saved_at;   /* UTC, ISO 8601: "2026-11-23T01:40:00Z" */
  char   *author;
  gsize   size;       /* bytes of its .qsplan XML (stored compressed) */
} QsPlanVersion;

#define QS_TYPE_PLAN_VERSION (qs_plan_version_get_type ())

GType          qs_plan_version_get_type      (void) G_GNUC_CONST;
QsPlanVersion *qs_plan_version_copy          (const QsPlanVersion *version);
void           qs_plan_version_free          (QsPlanVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QsPlanVersion, qs_plan_version_free)

/* Who the versions this object keeps are by; NULL (the default) means
 * g_get_real_name(), or g_get_user_name() when that is unknown. */
void           qs_workspace_set_author       (QsWorkspace  *self,
                                              const char   *author);
const char    *qs_workspace_get_author       (QsWorkspace  *self);
/* Element type QsPlanVersion*, oldest first; NOT_FOUND for no such plan.
 * Reads no XML, so it is cheap. */
GPtrArray     *qs_workspace_list_versions    (QsWorkspace  *self,
                                              gint64        plan_id,
                                              GError      **error);
/* The plan as saved in @version; NOT_FOUND for no such plan or version. */
QsPlan        *qs_workspace_load_version     (QsWorkspace  *self,
                                              gint64        plan_id,
                                              int           version,
                                              GError      **error);

/* Review notes are saved with their plan (qs_plan_get_review_notes); these
 * change one plan's notes alone, in one transaction that also keeps a
 * version, without the caller loading and saving the whole plan. */
/* Adds @note (given the plan's next id when its id is 0, or when that id
 * is taken) and sets *@id (may be NULL) to its id. */
gboolean       qs_workspace_add_review_note  (QsWorkspace  *self,
                                              gint64        plan_id,
                                              QsReviewNote *note,
                                              guint        *id,
                                              GError      **error);
/* NOT_FOUND when the plan has no note @note_id. */
gboolean       qs_workspace_resolve_review_note (QsWorkspace *self,
                                                 gint64       plan_id,
                                                 guint        note_id,
                                                 gboolean     resolved,
                                                 GError     **error);

/* QsWorkspace::changed (QsWorkspace *self, gint64 plan_id) is emitted after
 * this object adds, saves or removes a plan (its id), and by
 * qs_workspace_poll_changes() (id 0: anything may have changed). */

/* PRAGMA application_id of every workspace: "QSWK". */
#define QS_WORKSPACE_APPLICATION_ID 0x5153574B

/* The schema version this build writes. */
#define QS_WORKSPACE_SCHEMA_VERSION 4

G_END_DECLS
