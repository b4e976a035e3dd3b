/* qs-workspace.c: a workspace, many plans in one SQLite database.
 *
 * The plan tree is stored normalised (plans → sections → blocks → columns,
 * rows, cells, items, notes) so that later features can query across plans.
 * Every write is one IMMEDIATE transaction, so a plan is either saved whole
 * or not at all, and two processes (the application and qingshan-cli) may
 * write the same file: the second waits for the first.  A plan is loaded with
 * a fixed number of queries, one per table, whatever its size. */
#define G_LOG_DOMAIN "qs-workspace"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qs-glossary-entry.h"
#include "qs-year-value.h"
#include "qs-indicator-row.h"
#include "qs-indicator-table.h"
#include "qs-paragraph.h"
#include "qs-plan.h"
#include "qs-plan-xml.h"
#include "qs-requirement.h"
#include "qs-review-note.h"
#include "qs-section.h"
#include "qs-table-column.h"
#include "qs-task-item.h"
#include "qs-task-row.h"
#include "qs-task-table.h"
#include "qs-workspace.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000

typedef enum
{
  STMT_BEGIN,
  STMT_BEGIN_IMMEDIATE,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_LIST_PLANS,
  STMT_INSERT_PLAN,
  STMT_UPDATE_PLAN,
  STMT_DELETE_PLAN,
  STMT_DELETE_SECTIONS,
  STMT_DELETE_GLOSSARY,
  STMT_DELETE_YEAR_VALUES,
  STMT_INSERT_SECTION,
  STMT_INSERT_BLOCK,
  STMT_INSERT_COLUMN,
  STMT_INSERT_INDICATOR_ROW,
  STMT_INSERT_INDICATOR_CELL,
  STMT_INSERT_TASK_ROW,
  STMT_INSERT_TASK_CELL,
  STMT_INSERT_TASK_ITEM,
  STMT_INSERT_NOTE,
  STMT_INSERT_GLOSSARY,
  STMT_INSERT_YEAR_VALUE,
  STMT_SELECT_PLAN,
  STMT_SELECT_SECTIONS,
  STMT_SELECT_BLOCKS,
  STMT_SELECT_COLUMNS,
  STMT_SELECT_INDICATOR_ROWS,
  STMT_SELECT_INDICATOR_CELLS,
  STMT_SELECT_TASK_ROWS,
  STMT_SELECT_TASK_CELLS,
  STMT_SELECT_TASK_ITEMS,
  STMT_SELECT_NOTES,
  STMT_SELECT_GLOSSARY,
  STMT_SELECT_YEAR_VALUES,
  STMT_DATA_VERSION,
  STMT_DELETE_REQUIREMENTS,
  STMT_DELETE_REQUIREMENT_GROUPS,
  STMT_INSERT_REQUIREMENT_GROUP,
  STMT_INSERT_REQUIREMENT_GROUP_DISTRICT,
  STMT_INSERT_REQUIREMENT,
  STMT_INSERT_REQUIREMENT_DISTRICT,
  STMT_SELECT_REQUIREMENT_GROUPS,
  STMT_SELECT_REQUIREMENT_GROUP_DISTRICTS,
  STMT_SELECT_REQUIREMENTS,
  STMT_SELECT_REQUIREMENT_DISTRICTS,
  STMT_SELECT_CATALOG_EXTENSIONS,
  STMT_DELETE_CATALOG_EXTENSIONS,
  STMT_INSERT_CATALOG_EXTENSIONS,
  STMT_DELETE_REVIEW_NOTES,
  STMT_INSERT_REVIEW_NOTE,
  STMT_SELECT_REVIEW_NOTES,
  STMT_LAST_VERSION,
  STMT_INSERT_VERSION,
  STMT_LIST_VERSIONS,
  STMT_SELECT_VERSION,
  STMT_PLAN_EXISTS,
  N_STMTS
} StmtId;

/* Joins that restrict a child table to the plan bound as ?1. */
#define BLOCKS_OF_PLAN \
  "JOIN blocks b ON b.id = x.block_id JOIN sections s ON s.id = b.section_id WHERE s.plan_id = ?1 "

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN",
  [STMT_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_LIST_PLANS] =
    "SELECT id, title, region, level, start_year, end_year, modified FROM plans "
    "ORDER BY CASE level WHEN 'district' THEN 0 WHEN 'county' THEN 1 "
    "WHEN 'municipal' THEN 2 ELSE 3 END, start_year, end_year, region, title, id",
  [STMT_INSERT_PLAN] =
    "INSERT INTO plans (title, region, level, start_year, end_year, vision_year, parent_plan, "
    "created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
  [STMT_UPDATE_PLAN] =
    "UPDATE plans SET title = ?2, region = ?3, level = ?4, start_year = ?5, end_year = ?6, "
    "vision_year = ?7, parent_plan = ?8, modified = ?9 WHERE id = ?1",
  [STMT_DELETE_PLAN] = "DELETE FROM plans WHERE id = ?1",
  [STMT_DELETE_SECTIONS] = "DELETE FROM sections WHERE plan_id = ?1",
  [STMT_DELETE_GLOSSARY] = "DELETE FROM glossary WHERE plan_id = ?1",
  [STMT_DELETE_YEAR_VALUES] = "DELETE FROM year_values WHERE plan_id = ?1",
  [STMT_INSERT_SECTION] =
    "INSERT INTO sections (plan_id, parent_id, position, part, kind, number, label, title) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_INSERT_BLOCK] =
    "INSERT INTO blocks (section_id, position, type, kind, text, label, caption) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_INSERT_COLUMN] =
    "INSERT INTO table_columns (block_id, position, header, role) VALUES (?1, ?2, ?3, ?4)",
  [STMT_INSERT_INDICATOR_ROW] =
    "INSERT INTO indicator_rows (block_id, position, category, number, name, indicator, unit, "
    "attribute, parent, indicator_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_INSERT_INDICATOR_CELL] =
    "INSERT INTO indicator_cells (row_id, position, text) VALUES (?1, ?2, ?3)",
  [STMT_INSERT_TASK_ROW] = "INSERT INTO task_rows (block_id, position) VALUES (?1, ?2)",
  [STMT_INSERT_TASK_CELL] = "INSERT INTO task_cells (row_id, position, text) VALUES (?1, ?2, ?3)",
  [STMT_INSERT_TASK_ITEM] =
    "INSERT INTO task_items (block_id, position, kind, text) VALUES (?1, ?2, ?3, ?4)",
  [STMT_INSERT_NOTE] = "INSERT INTO table_notes (block_id, position, text) VALUES (?1, ?2, ?3)",
  [STMT_INSERT_GLOSSARY] =
    "INSERT INTO glossary (plan_id, position, term, definition) VALUES (?1, ?2, ?3, ?4)",
  [STMT_INSERT_YEAR_VALUE] =
    "INSERT INTO year_values (plan_id, position, indicator_id, indicator, unit, year, base_year, "
    "text, kind, source, source_text, accepted) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [STMT_SELECT_PLAN] =
    "SELECT title, region, level, start_year, end_year, vision_year, parent_plan "
    "FROM plans WHERE id = ?1",
  [STMT_SELECT_SECTIONS] =
    "SELECT id, parent_id, part, kind, number, label, title FROM sections "
    "WHERE plan_id = ?1 ORDER BY position, id",
  [STMT_SELECT_BLOCKS] =
    "SELECT b.id, b.section_id, b.type, b.kind, b.text, b.label, b.caption "
    "FROM blocks b JOIN sections s ON s.id = b.section_id WHERE s.plan_id = ?1 "
    "ORDER BY b.section_id, b.position",
  [STMT_SELECT_COLUMNS] =
    "SELECT x.block_id, x.header, x.role FROM table_columns x " BLOCKS_OF_PLAN
    "ORDER BY x.block_id, x.position",
  [STMT_SELECT_INDICATOR_ROWS] =
    "SELECT x.id, x.block_id, x.category, x.number, x.name, x.indicator, x.unit, x.attribute, "
    "x.parent, x.indicator_id FROM indicator_rows x " BLOCKS_OF_PLAN
    "ORDER BY x.block_id, x.position",
  [STMT_SELECT_INDICATOR_CELLS] =
    "SELECT c.row_id, c.text FROM indicator_cells c JOIN indicator_rows x ON x.id = c.row_id "
    BLOCKS_OF_PLAN "ORDER BY c.row_id, c.position",
  [STMT_SELECT_TASK_ROWS] =
    "SELECT x.id, x.block_id FROM task_rows x " BLOCKS_OF_PLAN "ORDER BY x.block_id, x.position",
  [STMT_SELECT_TASK_CELLS] =
    "SELECT c.row_id, c.text FROM task_cells c JOIN task_rows x ON x.id = c.row_id "
    BLOCKS_OF_PLAN "ORDER BY c.row_id, c.position",
  [STMT_SELECT_TASK_ITEMS] =
    "SELECT x.block_id, x.kind, x.text FROM task_items x " BLOCKS_OF_PLAN
    "ORDER BY x.block_id, x.position",
  [STMT_SELECT_NOTES] =
    "SELECT x.block_id, x.text FROM table_notes x " BLOCKS_OF_PLAN
    "ORDER BY x.block_id, x.position",
  [STMT_SELECT_GLOSSARY] =
    "SELECT term, definition FROM glossary WHERE plan_id = ?1 ORDER BY position",
  [STMT_SELECT_YEAR_VALUES] =
    "SELECT indicator_id, indicator, unit, year, base_year, text, kind, source, source_text, "
    "accepted FROM year_values WHERE plan_id = ?1 ORDER BY position",
  [STMT_DATA_VERSION] = "PRAGMA data_version",
  /* Requirements go before their groups: they refer to them. */
  [STMT_DELETE_REQUIREMENTS] = "DELETE FROM requirements WHERE plan_id = ?1",
  [STMT_DELETE_REQUIREMENT_GROUPS] = "DELETE FROM requirement_groups WHERE plan_id = ?1",
  [STMT_INSERT_REQUIREMENT_GROUP] =
    "INSERT INTO requirement_groups (plan_id, position, group_key, name, source) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_REQUIREMENT_GROUP_DISTRICT] =
    "INSERT INTO requirement_group_districts (group_id, position, district) VALUES (?1, ?2, ?3)",
  [STMT_INSERT_REQUIREMENT] =
    "INSERT INTO requirements (plan_id, position, requirement_key, indicator_id, kind, group_id, "
    "figure, unit, base_year, base_value, year, source, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [STMT_INSERT_REQUIREMENT_DISTRICT] =
    "INSERT INTO requirement_districts (requirement_id, position, district) VALUES (?1, ?2, ?3)",
  [STMT_SELECT_REQUIREMENT_GROUPS] =
    "SELECT id, group_key, name, source FROM requirement_groups WHERE plan_id = ?1 "
    "ORDER BY position",
  [STMT_SELECT_REQUIREMENT_GROUP_DISTRICTS] =
    "SELECT d.group_id, d.district FROM requirement_group_districts d "
    "JOIN requirement_groups g ON g.id = d.group_id WHERE g.plan_id = ?1 "
    "ORDER BY d.group_id, d.position",
  [STMT_SELECT_REQUIREMENTS] =
    "SELECT id, requirement_key, indicator_id, kind, group_id, figure, unit, base_year, "
    "base_value, year, source, note FROM requirements WHERE plan_id = ?1 ORDER BY position",
  [STMT_SELECT_REQUIREMENT_DISTRICTS] =
    "SELECT d.requirement_id, d.district FROM requirement_districts d "
    "JOIN requirements r ON r.id = d.requirement_id WHERE r.plan_id = ?1 "
    "ORDER BY d.requirement_id, d.position",
  [STMT_SELECT_CATALOG_EXTENSIONS] = "SELECT document FROM catalog_extensions WHERE id = 1",
  [STMT_DELETE_CATALOG_EXTENSIONS] = "DELETE FROM catalog_extensions",
  [STMT_INSERT_CATALOG_EXTENSIONS] = "INSERT INTO catalog_extensions (id, document) VALUES (1, ?1)",
  [STMT_DELETE_REVIEW_NOTES] = "DELETE FROM review_notes WHERE plan_id = ?1",
  [STMT_INSERT_REVIEW_NOTE] =
    "INSERT INTO review_notes (plan_id, position, note_id, author, created, text, table_index, "
    "table_caption, row_index, column_name, section_path, resolved) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [STMT_SELECT_REVIEW_NOTES] =
    "SELECT note_id, author, created, text, table_index, table_caption, row_index, column_name, "
    "section_path, resolved FROM review_notes WHERE plan_id = ?1 ORDER BY position",
  /* Listing reads the primary key index and the small columns only; the
   * XML is read by qs_workspace_load_version() alone. */
  [STMT_LAST_VERSION] =
    "SELECT version, checksum FROM plan_versions WHERE plan_id = ?1 ORDER BY version DESC LIMIT 1",
  [STMT_INSERT_VERSION] =
    "INSERT INTO plan_versions (plan_id, version, saved_at, author, size, checksum, format, data) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_LIST_VERSIONS] =
    "SELECT version, saved_at, author, size FROM plan_versions WHERE plan_id = ?1 ORDER BY version",
  [STMT_SELECT_VERSION] =
    "SELECT data, format FROM plan_versions WHERE plan_id = ?1 AND version = ?2",
  [STMT_PLAN_EXISTS] = "SELECT 1 FROM plans WHERE id = ?1",
};

/* The schema, one step per version: migrations[n] takes a workspace from
 * user_version n to n + 1 and runs inside the transaction that sets the new
 * version.  Never edit a released step; append a new one (and bump
 * QS_WORKSPACE_SCHEMA_VERSION) for catalog links, requirements, versions,
 * review notes…
 *
 * Columns that the model keeps optional (labels, units, parent plan …) are
 * nullable and store NULL for "absent", distinct from "". */
static const char * const migrations[] = {
  /* 0 → 1: the plan tree. */
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  region TEXT NOT NULL,"
  "  level TEXT NOT NULL,"
  "  start_year INTEGER NOT NULL,"
  "  end_year INTEGER NOT NULL,"
  "  vision_year INTEGER,"                       /* NULL: no 远景目标 year */
  "  parent_plan TEXT,"
  "  created INTEGER NOT NULL,"                  /* unix time */
  "  modified INTEGER NOT NULL"
  ");"
  "CREATE TABLE sections ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES sections (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"                 /* among its siblings */
  "  part TEXT NOT NULL CHECK (part IN ('front', 'chapter', 'back')),"
  "  kind TEXT NOT NULL,"
  "  number INTEGER NOT NULL,"
  "  label TEXT,"
  "  title TEXT NOT NULL"
  ");"
  "CREATE INDEX sections_plan ON sections (plan_id);"
  "CREATE INDEX sections_parent ON sections (parent_id);"
  "CREATE TABLE blocks ("
  "  id INTEGER PRIMARY KEY,"
  "  section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  type TEXT NOT NULL CHECK (type IN ('paragraph', 'indicator_table', 'task_table')),"
  "  kind TEXT,"                                 /* paragraph: body | note */
  "  text TEXT,"                                 /* paragraph */
  "  label TEXT,"                                /* tables */
  "  caption TEXT"                               /* tables */
  ");"
  "CREATE INDEX blocks_section ON blocks (section_id);"
  "CREATE TABLE table_columns ("
  "  block_id INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  header TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  PRIMARY KEY (block_id, position)"
  ");"
  "CREATE TABLE indicator_rows ("
  "  id INTEGER PRIMARY KEY,"
  "  block_id INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  category TEXT NOT NULL,"
  "  number TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  indicator TEXT NOT NULL,"
  "  unit TEXT,"
  "  attribute TEXT,"
  "  parent TEXT,"
  "  indicator_id TEXT"
  ");"
  "CREATE INDEX indicator_rows_block ON indicator_rows (block_id);"
  "CREATE INDEX indicator_rows_indicator ON indicator_rows (indicator);"
  "CREATE TABLE indicator_cells ("
  "  row_id INTEGER NOT NULL REFERENCES indicator_rows (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (row_id, position)"
  ");"
  "CREATE TABLE task_rows ("
  "  id INTEGER PRIMARY KEY,"
  "  block_id INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE INDEX task_rows_block ON task_rows (block_id);"
  "CREATE TABLE task_cells ("
  "  row_id INTEGER NOT NULL REFERENCES task_rows (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (row_id, position)"
  ");"
  "CREATE TABLE task_items ("
  "  block_id INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"                        /* item | heading */
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (block_id, position)"
  ");"
  "CREATE TABLE table_notes ("
  "  block_id INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (block_id, position)"
  ");"
  "CREATE TABLE glossary ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  term TEXT NOT NULL,"
  "  definition TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, position)"
  ");",
  /* 1 → 2: yearly values stored with a plan (prose history the importer
   * suggests, values the user enters); the tables' own are not copied. */
  "CREATE TABLE year_values ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  indicator_id TEXT,"
  "  indicator TEXT NOT NULL,"
  "  unit TEXT,"
  "  year INTEGER NOT NULL,"
  "  base_year INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('actual', 'target', 'baseline', 'requirement')),"
  "  source TEXT NOT NULL CHECK (source IN ('table', 'prose', 'user')),"
  "  source_text TEXT,"
  "  accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),"
  "  PRIMARY KEY (plan_id, position)"
  ");",
  /* 2 → 3: a municipal plan's requirements on its districts.  A group is
   * stored once and requirements refer to it, so requirements sharing a
   * group share it again when loaded.  group_key and requirement_key are
   * the ids the user sees ("pm25-urban"), distinct from the row ids. */
  "CREATE TABLE requirement_groups ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  group_key TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  source TEXT,"
  "  UNIQUE (plan_id, position)"
  ");"
  "CREATE TABLE requirement_group_districts ("
  "  group_id INTEGER NOT NULL REFERENCES requirement_groups (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  district TEXT NOT NULL,"
  "  PRIMARY KEY (group_id, position)"
  ");"
  "CREATE TABLE requirements ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  requirement_key TEXT,"
  "  indicator_id TEXT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('absolute-bound', 'change-vs-base-year', "
  "    'keep-baseline', 'assigned-value')),"
  "  group_id INTEGER REFERENCES requirement_groups (id) ON DELETE CASCADE,"
  "  figure TEXT,"
  "  unit TEXT,"
  "  base_year INTEGER NOT NULL DEFAULT 0,"
  "  base_value TEXT,"
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  source TEXT,"
  "  note TEXT,"
  "  UNIQUE (plan_id, position)"
  ");"
  "CREATE INDEX requirements_group ON requirements (group_id);"
  "CREATE TABLE requirement_districts ("
  "  requirement_id INTEGER NOT NULL REFERENCES requirements (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  district TEXT NOT NULL,"
  "  PRIMARY KEY (requirement_id, position)"
  ");",
  /* 3 → 4: the user's catalog extensions (one catalog JSON document of
   * added and extended entries), every saved version of a plan (the whole
   * plan as .qsplan XML, so a version stays readable whatever the tables
   * become) and review notes.  A note points at a table by its index among
   * the plan's tables (document order, from 0) and a row index, or at a
   * section by its path; the caption is kept to show what it meant.
   * IF NOT EXISTS: tests fake an older file by dropping a later step's
   * tables and lowering user_version, which leaves these in place. */
  "CREATE TABLE IF NOT EXISTS catalog_extensions ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  document TEXT NOT NULL"
  ");"
  "CREATE TABLE IF NOT EXISTS plan_versions ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  saved_at TEXT NOT NULL,"                    /* UTC, ISO 8601 */
  "  author TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"                     /* bytes of XML */
  "  checksum TEXT NOT NULL,"                    /* SHA-256 of the XML */
  "  format TEXT NOT NULL DEFAULT 'qsplan',"      /* qsplan | qsplan+zlib */
  "  data BLOB NOT NULL,"
  "  PRIMARY KEY (plan_id, version)"
  ");"
  "CREATE TABLE IF NOT EXISTS review_notes ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  note_id INTEGER NOT NULL,"
  "  author TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  table_index INTEGER,"                       /* NULL: a section note */
  "  table_caption TEXT,"
  "  row_index INTEGER,"
  "  column_name TEXT,"
  "  section_path TEXT,"
  "  resolved INTEGER NOT NULL CHECK (resolved IN (0, 1)),"
  "  PRIMARY KEY (plan_id, position)"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == QS_WORKSPACE_SCHEMA_VERSION);

struct _QsWorkspace
{
  GObject       parent_instance;
  sqlite3      *db;
  char         *path;
  char         *display_name;
  sqlite3_stmt *stmts[N_STMTS];
  int           schema_version;
  int           busy_timeout_ms;
  gint64        data_version;
  char         *author;
  guint         read_only : 1;
};

G_DEFINE_FINAL_TYPE (QsWorkspace, qs_workspace, G_TYPE_OBJECT)

G_DEFINE_QUARK (qs-workspace-error-quark, qs_workspace_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds the model keeps as enums without string helpers. */
static const char * const paragraph_kinds[] = {
  [QS_PARAGRAPH_BODY] = "body",
  [QS_PARAGRAPH_NOTE] = "note",
};

static const char * const task_item_kinds[] = {
  [QS_TASK_ITEM_ITEM] = "item",
  [QS_TASK_ITEM_HEADING] = "heading",
};

static const char * const part_names[] = { "front", "chapter", "back" };

static int
kind_from_string (const char * const *names,
                  guint               n_names,
                  const char         *str)
{
  for (guint i = 0; str != NULL && i < n_names; i++)
    if (g_strcmp0 (names[i], str) == 0)
      return i;
  return -1;
}

/* Turns an SQLite result code into a GError a planner can act on.
 * @action says what failed ("Could not save the plan"). */
static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *display_name,
                  int          rc,
                  int          busy_timeout_ms,
                  const char  *action)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_WORKSPACE,
                   "%s: “%s” is not a Qingshan workspace.", action, display_name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_CORRUPT,
                   "%s: the workspace “%s” is damaged or truncated (%s). "
                   "Restore it from a backup copy.", action, display_name, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY,
                   "%s: the workspace “%s” is read-only. Check the permissions of the file "
                   "and its folder, or save a copy elsewhere.", action, display_name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_BUSY,
                   "%s: another program (Qingshan or qingshan-cli) kept the workspace “%s” "
                   "busy for more than %.1f seconds. Try again when it has finished.",
                   action, display_name, busy_timeout_ms / 1000.0);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN,
                   "%s: cannot open the workspace “%s” (%s).", action, display_name, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_FAILED,
                   "%s: the disk holding the workspace “%s” is full. Nothing was changed.",
                   action, display_name);
      break;
    default:
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_FAILED,
                   "%s: workspace “%s”: %s.", action, display_name, detail);
      break;
    }
}

static void
fail (QsWorkspace  *self,
      int           rc,
      const char   *action,
      GError      **error)
{
  set_sqlite_error (error, self->db, self->display_name, rc, self->busy_timeout_ms, action);
}

/* What save_plan deletes before writing a plan's content again. */
static const StmtId plan_content_deletes[] = {
  STMT_DELETE_SECTIONS,
  STMT_DELETE_GLOSSARY,
  STMT_DELETE_YEAR_VALUES,
  STMT_DELETE_REQUIREMENTS,
  STMT_DELETE_REQUIREMENT_GROUPS,
  STMT_DELETE_REVIEW_NOTES,
};

static sqlite3_stmt *
get_stmt (QsWorkspace  *self,
          StmtId        id,
          GError      **error)
{
  int rc;

  if (self->stmts[id] != NULL)
    return self->stmts[id];

  rc = sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                           &self->stmts[id], NULL);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, "Could not read the workspace", error);
      return NULL;
    }
  return self->stmts[id];
}

/* Leaves a statement ready for its next use; a statement left mid-step
 * would hold a read snapshot open and stall other processes' checkpoints. */
static void
release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  /* The model owns the strings for as long as the statement runs. */
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Steps a statement that returns no rows. */
static gboolean
run (QsWorkspace   *self,
     sqlite3_stmt  *stmt,
     const char    *action,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fail (self, rc, action, error);
      release (stmt);
      return FALSE;
    }
  release (stmt);
  return TRUE;
}

static gboolean
run_id (QsWorkspace  *self,
        StmtId        id,
        const char   *action,
        GError      **error)
{
  sqlite3_stmt *stmt = get_stmt (self, id, error);

  return stmt != NULL && run (self, stmt, action, error);
}

static void
rollback (QsWorkspace *self)
{
  /* SQLite already rolled back after some errors (disk full, I/O). */
  if (!sqlite3_get_autocommit (self->db))
    {
      g_autoptr(GError) error = NULL;

      if (!run_id (self, STMT_ROLLBACK, "Could not roll back", &error))
        g_warning ("%s", error->message);
    }
}

static gboolean
begin_write (QsWorkspace  *self,
             const char   *action,
             GError      **error)
{
  if (self->read_only)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY,
                   "%s: the workspace “%s” is open read-only.", action, self->display_name);
      return FALSE;
    }
  return run_id (self, STMT_BEGIN_IMMEDIATE, action, error);
}

static gboolean
commit (QsWorkspace  *self,
        const char   *action,
        GError      **error)
{
  if (!run_id (self, STMT_COMMIT, action, error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    {
      *value = 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Writing */

static gboolean insert_section (QsWorkspace  *self,
                                gint64        plan_id,
                                gint64        parent_id,
                                guint         position,
                                const char   *part,
                                QsSection    *section,
                                const char   *action,
                                GError      **error);

static gboolean
insert_columns (QsWorkspace  *self,
                gint64        block_id,
                GListModel   *columns,
                const char   *action,
                GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_INSERT_COLUMN, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, i);

      sqlite3_bind_int64 (stmt, 1, block_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, qs_table_column_get_header (column));
      bind_text (stmt, 4, qs_column_role_to_string (qs_table_column_get_role (column)));
      if (!run (self, stmt, action, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_notes (QsWorkspace         *self,
              gint64               block_id,
              const char * const  *notes,
              const char          *action,
              GError             **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_INSERT_NOTE, error)))
    return FALSE;
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, block_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, notes[i]);
      if (!run (self, stmt, action, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_cell (QsWorkspace   *self,
             sqlite3_stmt  *stmt,
             gint64         row_id,
             guint          position,
             const char    *text,
             const char    *action,
             GError       **error)
{
  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_int (stmt, 2, position);
  bind_text (stmt, 3, text);
  return run (self, stmt, action, error);
}

static gboolean
insert_indicator_table (QsWorkspace       *self,
                        gint64             block_id,
                        QsIndicatorTable  *table,
                        const char        *action,
                        GError           **error)
{
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  sqlite3_stmt *row_stmt, *cell_stmt;

  if (!insert_columns (self, block_id, G_LIST_MODEL (qs_indicator_table_get_columns (table)),
                       action, error))
    return FALSE;
  if (!(row_stmt = get_stmt (self, STMT_INSERT_INDICATOR_ROW, error)) ||
      !(cell_stmt = get_stmt (self, STMT_INSERT_INDICATOR_CELL, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, i);
      gint64 row_id;

      sqlite3_bind_int64 (row_stmt, 1, block_id);
      sqlite3_bind_int (row_stmt, 2, i);
      bind_text (row_stmt, 3, qs_indicator_row_get_category (row));
      bind_text (row_stmt, 4, qs_indicator_row_get_number (row));
      bind_text (row_stmt, 5, qs_indicator_row_get_name (row));
      bind_text (row_stmt, 6, qs_indicator_row_get_indicator (row));
      bind_text (row_stmt, 7, qs_indicator_row_get_unit (row));
      bind_text (row_stmt, 8, qs_indicator_row_get_attribute (row));
      bind_text (row_stmt, 9, qs_indicator_row_get_parent (row));
      bind_text (row_stmt, 10, qs_indicator_row_get_indicator_id (row));
      if (!run (self, row_stmt, action, error))
        return FALSE;
      row_id = sqlite3_last_insert_rowid (self->db);
      for (guint c = 0; c < qs_indicator_row_get_n_cells (row); c++)
        if (!insert_cell (self, cell_stmt, row_id, c, qs_indicator_row_get_cell (row, c),
                          action, error))
          return FALSE;
    }
  return insert_notes (self, block_id, qs_indicator_table_get_notes (table), action, error);
}

static gboolean
insert_task_table (QsWorkspace  *self,
                   gint64        block_id,
                   QsTaskTable  *table,
                   const char   *action,
                   GError      **error)
{
  GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));
  sqlite3_stmt *row_stmt, *cell_stmt, *item_stmt;

  if (!insert_columns (self, block_id, G_LIST_MODEL (qs_task_table_get_columns (table)),
                       action, error))
    return FALSE;
  if (!(row_stmt = get_stmt (self, STMT_INSERT_TASK_ROW, error)) ||
      !(cell_stmt = get_stmt (self, STMT_INSERT_TASK_CELL, error)) ||
      !(item_stmt = get_stmt (self, STMT_INSERT_TASK_ITEM, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, i);
      gint64 row_id;

      sqlite3_bind_int64 (row_stmt, 1, block_id);
      sqlite3_bind_int (row_stmt, 2, i);
      if (!run (self, row_stmt, action, error))
        return FALSE;
      row_id = sqlite3_last_insert_rowid (self->db);
      for (guint c = 0; c < qs_task_row_get_n_cells (row); c++)
        if (!insert_cell (self, cell_stmt, row_id, c, qs_task_row_get_cell (row, c),
                          action, error))
          return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);
      QsTaskItemKind kind = qs_task_item_get_kind (item);

      g_assert (kind < G_N_ELEMENTS (task_item_kinds));
      sqlite3_bind_int64 (item_stmt, 1, block_id);
      sqlite3_bind_int (item_stmt, 2, i);
      bind_text (item_stmt, 3, task_item_kinds[kind]);
      bind_text (item_stmt, 4, qs_task_item_get_text (item));
      if (!run (self, item_stmt, action, error))
        return FALSE;
    }
  return insert_notes (self, block_id, qs_task_table_get_notes (table), action, error);
}

static gboolean
insert_block (QsWorkspace  *self,
              gint64        section_id,
              guint         position,
              GObject      *block,
              const char   *action,
              GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 block_id;

  if (!(stmt = get_stmt (self, STMT_INSERT_BLOCK, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_int (stmt, 2, position);
  if (QS_IS_PARAGRAPH (block))
    {
      QsParagraphKind kind = qs_paragraph_get_kind (QS_PARAGRAPH (block));

      g_assert (kind < G_N_ELEMENTS (paragraph_kinds));
      bind_text (stmt, 3, "paragraph");
      bind_text (stmt, 4, paragraph_kinds[kind]);
      bind_text (stmt, 5, qs_paragraph_get_text (QS_PARAGRAPH (block)));
    }
  else if (QS_IS_INDICATOR_TABLE (block))
    {
      bind_text (stmt, 3, "indicator_table");
      bind_text (stmt, 6, qs_indicator_table_get_label (QS_INDICATOR_TABLE (block)));
      bind_text (stmt, 7, qs_indicator_table_get_caption (QS_INDICATOR_TABLE (block)));
    }
  else if (QS_IS_TASK_TABLE (block))
    {
      bind_text (stmt, 3, "task_table");
      bind_text (stmt, 6, qs_task_table_get_label (QS_TASK_TABLE (block)));
      bind_text (stmt, 7, qs_task_table_get_caption (QS_TASK_TABLE (block)));
    }
  else
    {
      release (stmt);
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_FAILED,
                   "%s: a section holds a block of a kind a workspace cannot store.",
                   action);
      return FALSE;
    }
  if (!run (self, stmt, action, error))
    return FALSE;
  block_id = sqlite3_last_insert_rowid (self->db);

  if (QS_IS_INDICATOR_TABLE (block))
    return insert_indicator_table (self, block_id, QS_INDICATOR_TABLE (block), action, error);
  if (QS_IS_TASK_TABLE (block))
    return insert_task_table (self, block_id, QS_TASK_TABLE (block), action, error);
  return TRUE;
}

static gboolean
insert_section (QsWorkspace  *self,
                gint64        plan_id,
                gint64        parent_id,
                guint         position,
                const char   *part,
                QsSection    *section,
                const char   *action,
                GError      **error)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));
  sqlite3_stmt *stmt;
  gint64 section_id;

  if (!(stmt = get_stmt (self, STMT_INSERT_SECTION, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int (stmt, 3, position);
  bind_text (stmt, 4, part);
  bind_text (stmt, 5, qs_section_kind_to_string (qs_section_get_kind (section)));
  sqlite3_bind_int (stmt, 6, qs_section_get_number (section));
  bind_text (stmt, 7, qs_section_get_label (section));
  bind_text (stmt, 8, qs_section_get_title (section));
  if (!run (self, stmt, action, error))
    return FALSE;
  section_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      if (!insert_block (self, section_id, i, block, action, error))
        return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      if (!insert_section (self, plan_id, section_id, i, part, child, action, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_districts (QsWorkspace         *self,
                  StmtId               id,
                  gint64               owner_id,
                  const char * const  *districts,
                  const char          *action,
                  GError             **error)
{
  sqlite3_stmt *stmt;

  if (districts == NULL || districts[0] == NULL)
    return TRUE;
  if (!(stmt = get_stmt (self, id, error)))
    return FALSE;
  for (guint i = 0; districts[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, districts[i]);
      if (!run (self, stmt, action, error))
        return FALSE;
    }
  return TRUE;
}

/* Each group once, in order of first use, then the requirements that
 * refer to them by row id. */
static gboolean
insert_requirements (QsWorkspace  *self,
                     gint64        plan_id,
                     GListModel   *requirements,
                     const char   *action,
                     GError      **error)
{
  g_autoptr(GHashTable) group_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n = g_list_model_get_n_items (requirements);
  guint n_groups = 0;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);
      gint64 group_id;

      if (group == NULL || g_hash_table_contains (group_ids, group))
        continue;
      if (!(stmt = get_stmt (self, STMT_INSERT_REQUIREMENT_GROUP, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, n_groups++);
      bind_text (stmt, 3, qs_district_group_get_id (group));
      bind_text (stmt, 4, qs_district_group_get_name (group));
      bind_text (stmt, 5, qs_district_group_get_source (group));
      if (!run (self, stmt, action, error))
        return FALSE;
      group_id = sqlite3_last_insert_rowid (self->db);
      g_hash_table_insert (group_ids, group, g_memdup2 (&group_id, sizeof group_id));
      if (!insert_districts (self, STMT_INSERT_REQUIREMENT_GROUP_DISTRICT, group_id,
                             qs_district_group_get_districts (group), action, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (requirements, i);
      QsDistrictGroup *group = qs_requirement_get_group (r);

      if (!(stmt = get_stmt (self, STMT_INSERT_REQUIREMENT, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, qs_requirement_get_id (r));
      bind_text (stmt, 4, qs_requirement_get_indicator_id (r));
      bind_text (stmt, 5, qs_requirement_kind_to_string (qs_requirement_get_kind (r)));
      if (group != NULL)
        sqlite3_bind_int64 (stmt, 6, *(gint64 *) g_hash_table_lookup (group_ids, group));
      else
        sqlite3_bind_null (stmt, 6);
      bind_text (stmt, 7, qs_requirement_get_figure (r));
      bind_text (stmt, 8, qs_requirement_get_unit (r));
      sqlite3_bind_int (stmt, 9, qs_requirement_get_base_year (r));
      bind_text (stmt, 10, qs_requirement_get_base_value (r));
      sqlite3_bind_int (stmt, 11, qs_requirement_get_year (r));
      bind_text (stmt, 12, qs_requirement_get_source (r));
      bind_text (stmt, 13, qs_requirement_get_note (r));
      if (!run (self, stmt, action, error))
        return FALSE;
      if (!insert_districts (self, STMT_INSERT_REQUIREMENT_DISTRICT, sqlite3_last_insert_rowid (self->db),
                             qs_requirement_get_districts (r), action, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_index_or_null (sqlite3_stmt *stmt,
                    int           index,
                    int           value)
{
  if (value >= 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
insert_review_notes (QsWorkspace  *self,
                     gint64        plan_id,
                     GListModel   *notes,
                     const char   *action,
                     GError      **error)
{
  g_autofree guint *ids = qs_review_note_list_stored_ids (notes);
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_INSERT_REVIEW_NOTE, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(QsReviewNote) note = g_list_model_get_item (notes, i);

      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, ids[i]);
      bind_text (stmt, 4, qs_review_note_get_author (note));
      bind_text (stmt, 5, qs_review_note_get_created (note));
      bind_text (stmt, 6, qs_review_note_get_text (note));
      bind_index_or_null (stmt, 7, qs_review_note_get_table_index (note));
      bind_text (stmt, 8, qs_review_note_get_table_caption (note));
      bind_index_or_null (stmt, 9, qs_review_note_get_row_index (note));
      bind_text (stmt, 10, qs_review_note_get_column (note));
      bind_text (stmt, 11, qs_review_note_get_section_path (note));
      sqlite3_bind_int (stmt, 12, qs_review_note_get_resolved (note) ? 1 : 0);
      if (!run (self, stmt, action, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_content (QsWorkspace  *self,
                gint64        plan_id,
                QsPlan       *plan,
                const char   *action,
                GError      **error)
{
  GListModel *parts[] = {
    G_LIST_MODEL (qs_plan_get_front_matter (plan)),
    G_LIST_MODEL (qs_plan_get_chapters (plan)),
    G_LIST_MODEL (qs_plan_get_back_matter (plan)),
  };
  GListModel *glossary = G_LIST_MODEL (qs_plan_get_glossary (plan));
  GListModel *year_values = G_LIST_MODEL (qs_plan_get_year_values (plan));
  sqlite3_stmt *stmt;

  G_STATIC_ASSERT (G_N_ELEMENTS (parts) == G_N_ELEMENTS (part_names));

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < g_list_model_get_n_items (parts[p]); i++)
      {
        g_autoptr(QsSection) section = g_list_model_get_item (parts[p], i);

        if (!insert_section (self, plan_id, 0, i, part_names[p], section, action, error))
          return FALSE;
      }

  if (!(stmt = get_stmt (self, STMT_INSERT_GLOSSARY, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (glossary); i++)
    {
      g_autoptr(QsGlossaryEntry) entry = g_list_model_get_item (glossary, i);

      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, qs_glossary_entry_get_term (entry));
      bind_text (stmt, 4, qs_glossary_entry_get_definition (entry));
      if (!run (self, stmt, action, error))
        return FALSE;
    }

  if (!(stmt = get_stmt (self, STMT_INSERT_YEAR_VALUE, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (year_values); i++)
    {
      g_autoptr(QsYearValue) yv = g_list_model_get_item (year_values, i);

      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, qs_year_value_get_indicator_id (yv));
      bind_text (stmt, 4, qs_year_value_get_indicator (yv));
      bind_text (stmt, 5, qs_year_value_get_unit (yv));
      sqlite3_bind_int (stmt, 6, qs_year_value_get_year (yv));
      sqlite3_bind_int (stmt, 7, qs_year_value_get_base_year (yv));
      bind_text (stmt, 8, qs_year_value_get_text (yv));
      bind_text (stmt, 9, qs_year_value_kind_to_string (qs_year_value_get_kind (yv)));
      bind_text (stmt, 10, qs_year_value_source_to_string (qs_year_value_get_source (yv)));
      bind_text (stmt, 11, qs_year_value_get_source_text (yv));
      sqlite3_bind_int (stmt, 12, qs_year_value_get_accepted (yv) ? 1 : 0);
      if (!run (self, stmt, action, error))
        return FALSE;
    }

  return (insert_requirements (self, plan_id, G_LIST_MODEL (qs_plan_get_requirements (plan)),
                               action, error) &&
          insert_review_notes (self, plan_id, G_LIST_MODEL (qs_plan_get_review_notes (plan)),
                               action, error));
}

/* Binds the plan's own fields from parameter @first on, in the column order
 * title, region, level, start, end, vision, parent. */
static void
bind_plan_fields (sqlite3_stmt *stmt,
                  int           first,
                  QsPlan       *plan)
{
  bind_text (stmt, first, qs_plan_get_title (plan));
  bind_text (stmt, first + 1, qs_plan_get_region (plan));
  bind_text (stmt, first + 2, qs_plan_level_to_string (qs_plan_get_level (plan)));
  sqlite3_bind_int (stmt, first + 3, qs_plan_get_start_year (plan));
  sqlite3_bind_int (stmt, first + 4, qs_plan_get_end_year (plan));
  if (qs_plan_get_vision_year (plan) != 0)
    sqlite3_bind_int (stmt, first + 5, qs_plan_get_vision_year (plan));
  else
    sqlite3_bind_null (stmt, first + 5);
  bind_text (stmt, first + 6, qs_plan_get_parent_plan (plan));
}

/* Reading */

typedef struct
{
  GHashTable *sections;   /* id → QsSection (borrowed) */
  GHashTable *blocks;     /* id → GObject (borrowed) */
  GHashTable *rows;       /* id → QsIndicatorRow | QsTaskRow (borrowed) */
} LoadState;

static void
load_state_clear (LoadState *state)
{
  g_clear_pointer (&state->sections, g_hash_table_unref);
  g_clear_pointer (&state->blocks, g_hash_table_unref);
  g_clear_pointer (&state->rows, g_hash_table_unref);
}

static gint64 *
int64_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static GHashTable *
new_id_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static gpointer
lookup (GHashTable *table,
        gint64      id)
{
  return g_hash_table_lookup (table, &id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  /* NULL stays NULL; an empty TEXT is "". */
  return (const char *) sqlite3_column_text (stmt, column);
}

static const char *
column_text0 (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
corrupt (QsWorkspace  *self,
         gint64        plan_id,
         GError      **error,
         const char   *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
corrupt (QsWorkspace  *self,
         gint64        plan_id,
         GError      **error,
         const char   *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_CORRUPT,
               "Could not load plan %" G_GINT64_FORMAT " from the workspace “%s”: %s",
               plan_id, self->display_name, what);
  return FALSE;
}

/* Steps @stmt: TRUE with a row, FALSE at the end or on error (@error set). */
static gboolean
next_row (QsWorkspace   *self,
          sqlite3_stmt  *stmt,
          gboolean      *failed,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, "Could not load the plan", error);
      *failed = TRUE;
    }
  return FALSE;
}

static gboolean
load_sections (QsWorkspace  *self,
               gint64        plan_id,
               QsPlan       *plan,
               LoadState    *state,
               GError      **error)
{
  GListStore *parts[] = {
    qs_plan_get_front_matter (plan),
    qs_plan_get_chapters (plan),
    qs_plan_get_back_matter (plan),
  };
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) part_of = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_SECTIONS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  /* First make every section, then attach each to its parent: the rows come
   * in sibling order, not necessarily parents first. */
  while (next_row (self, stmt, &failed, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);
      int part = kind_from_string (part_names, G_N_ELEMENTS (part_names), column_text (stmt, 2));
      const char *kind_str = column_text0 (stmt, 3);
      QsSectionKind kind;
      QsSection *section;

      if (part < 0 || !qs_section_kind_from_string (kind_str, &kind))
        {
          release (stmt);
          return corrupt (self, plan_id, error, "section %" G_GINT64_FORMAT
                          " has an unknown part or kind “%s”.", id, kind_str);
        }
      section = qs_section_new (kind, sqlite3_column_int (stmt, 4), column_text0 (stmt, 6));
      qs_section_set_label (section, column_text (stmt, 5));
      g_ptr_array_add (sections, section);
      g_array_append_val (parents, parent_id);
      g_array_append_val (part_of, part);
      g_hash_table_insert (state->sections, int64_key (id), section);
    }
  release (stmt);
  if (failed)
    return FALSE;

  for (guint i = 0; i < sections->len; i++)
    {
      QsSection *section = g_ptr_array_index (sections, i);
      gint64 parent_id = g_array_index (parents, gint64, i);

      if (parent_id == 0)
        g_list_store_append (parts[g_array_index (part_of, int, i)], section);
      else
        {
          QsSection *parent = lookup (state->sections, parent_id);

          if (parent == NULL || parent == section)
            return corrupt (self, plan_id, error, "a section's parent %" G_GINT64_FORMAT
                            " belongs to no section of the plan.", parent_id);
          g_list_store_append (qs_section_get_children (parent), section);
        }
    }
  return TRUE;
}

static gboolean
load_blocks (QsWorkspace  *self,
             gint64        plan_id,
             LoadState    *state,
             GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_BLOCKS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  while (next_row (self, stmt, &failed, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      QsSection *section = lookup (state->sections, sqlite3_column_int64 (stmt, 1));
      const char *type = column_text0 (stmt, 2);
      GObject *block = NULL;

      g_assert (section != NULL);  /* the query joins blocks to this plan's sections */
      if (strcmp (type, "paragraph") == 0)
        {
          int kind = kind_from_string (paragraph_kinds, G_N_ELEMENTS (paragraph_kinds),
                                       column_text (stmt, 3));

          if (kind < 0)
            {
              release (stmt);
              return corrupt (self, plan_id, error, "paragraph %" G_GINT64_FORMAT
                              " has an unknown kind.", id);
            }
          block = G_OBJECT (qs_paragraph_new (kind, column_text0 (stmt, 4)));
        }
      else if (strcmp (type, "indicator_table") == 0)
        {
          QsIndicatorTable *table = qs_indicator_table_new ();

          qs_indicator_table_set_label (table, column_text (stmt, 5));
          qs_indicator_table_set_caption (table, column_text0 (stmt, 6));
          block = G_OBJECT (table);
        }
      else if (strcmp (type, "task_table") == 0)
        {
          QsTaskTable *table = qs_task_table_new ();

          qs_task_table_set_label (table, column_text (stmt, 5));
          qs_task_table_set_caption (table, column_text0 (stmt, 6));
          block = G_OBJECT (table);
        }
      else
        {
          release (stmt);
          return corrupt (self, plan_id, error, "block %" G_GINT64_FORMAT
                          " has an unknown type “%s”.", id, type);
        }
      g_list_store_append (qs_section_get_blocks (section), block);
      g_hash_table_insert (state->blocks, int64_key (id), block);
      g_object_unref (block);
    }
  release (stmt);
  return !failed;
}

static gboolean
load_columns (QsWorkspace  *self,
              gint64        plan_id,
              LoadState    *state,
              GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_COLUMNS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  while (next_row (self, stmt, &failed, error))
    {
      GObject *block = lookup (state->blocks, sqlite3_column_int64 (stmt, 0));
      const char *role_str = column_text0 (stmt, 2);
      g_autoptr(QsTableColumn) column = NULL;
      QsColumnRole role;

      g_assert (block != NULL);
      if (!qs_column_role_from_string (role_str, &role))
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a table column has an unknown role “%s”.",
                          role_str);
        }
      column = qs_table_column_new (column_text0 (stmt, 1), role);
      if (QS_IS_INDICATOR_TABLE (block))
        g_list_store_append (qs_indicator_table_get_columns (QS_INDICATOR_TABLE (block)), column);
      else if (QS_IS_TASK_TABLE (block))
        g_list_store_append (qs_task_table_get_columns (QS_TASK_TABLE (block)), column);
      else
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a paragraph has table columns.");
        }
    }
  release (stmt);
  return !failed;
}

static gboolean
load_indicator_rows (QsWorkspace  *self,
                     gint64        plan_id,
                     LoadState    *state,
                     GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_INDICATOR_ROWS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  while (next_row (self, stmt, &failed, error))
    {
      GObject *block = lookup (state->blocks, sqlite3_column_int64 (stmt, 1));
      g_autoptr(QsIndicatorRow) row = NULL;

      if (!QS_IS_INDICATOR_TABLE (block))
        {
          release (stmt);
          return corrupt (self, plan_id, error, "an indicator row lies outside an indicator table.");
        }
      row = qs_indicator_row_new ();
      qs_indicator_row_set_category (row, column_text0 (stmt, 2));
      qs_indicator_row_set_number (row, column_text0 (stmt, 3));
      qs_indicator_row_set_name (row, column_text0 (stmt, 4));
      qs_indicator_row_set_indicator (row, column_text0 (stmt, 5));
      qs_indicator_row_set_unit (row, column_text (stmt, 6));
      qs_indicator_row_set_attribute (row, column_text (stmt, 7));
      qs_indicator_row_set_parent (row, column_text (stmt, 8));
      qs_indicator_row_set_indicator_id (row, column_text (stmt, 9));
      g_list_store_append (qs_indicator_table_get_rows (QS_INDICATOR_TABLE (block)), row);
      g_hash_table_insert (state->rows, int64_key (sqlite3_column_int64 (stmt, 0)), row);
    }
  release (stmt);
  return !failed;
}

static gboolean
load_task_rows (QsWorkspace  *self,
                gint64        plan_id,
                LoadState    *state,
                GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_TASK_ROWS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  while (next_row (self, stmt, &failed, error))
    {
      GObject *block = lookup (state->blocks, sqlite3_column_int64 (stmt, 1));
      g_autoptr(QsTaskRow) row = NULL;

      if (!QS_IS_TASK_TABLE (block))
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a task row lies outside a task table.");
        }
      row = qs_task_row_new (NULL);
      g_list_store_append (qs_task_table_get_rows (QS_TASK_TABLE (block)), row);
      g_hash_table_insert (state->rows, int64_key (sqlite3_column_int64 (stmt, 0)), row);
    }
  release (stmt);
  return !failed;
}

/* Cells come ordered by row and position; each is appended to its row. */
static gboolean
load_cells (QsWorkspace  *self,
            gint64        plan_id,
            StmtId        id,
            LoadState    *state,
            GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, id, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  while (next_row (self, stmt, &failed, error))
    {
      GObject *row = lookup (state->rows, sqlite3_column_int64 (stmt, 0));
      const char *text = column_text0 (stmt, 1);

      if (id == STMT_SELECT_INDICATOR_CELLS && QS_IS_INDICATOR_ROW (row))
        qs_indicator_row_insert_cell (QS_INDICATOR_ROW (row),
                                      qs_indicator_row_get_n_cells (QS_INDICATOR_ROW (row)), text);
      else if (id == STMT_SELECT_TASK_CELLS && QS_IS_TASK_ROW (row))
        qs_task_row_insert_cell (QS_TASK_ROW (row), qs_task_row_get_n_cells (QS_TASK_ROW (row)),
                                 text);
      else
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a table cell belongs to no row.");
        }
    }
  release (stmt);
  return !failed;
}

static gboolean
load_items_and_notes (QsWorkspace  *self,
                      gint64        plan_id,
                      LoadState    *state,
                      GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_TASK_ITEMS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      GObject *block = lookup (state->blocks, sqlite3_column_int64 (stmt, 0));
      int kind = kind_from_string (task_item_kinds, G_N_ELEMENTS (task_item_kinds),
                                   column_text (stmt, 1));
      g_autoptr(QsTaskItem) item = NULL;

      if (!QS_IS_TASK_TABLE (block) || kind < 0)
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a task item has an unknown kind or table.");
        }
      item = qs_task_item_new (kind, column_text0 (stmt, 2));
      g_list_store_append (qs_task_table_get_items (QS_TASK_TABLE (block)), item);
    }
  release (stmt);
  if (failed)
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_SELECT_NOTES, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      GObject *block = lookup (state->blocks, sqlite3_column_int64 (stmt, 0));
      const char *text = column_text0 (stmt, 1);

      if (QS_IS_INDICATOR_TABLE (block))
        qs_indicator_table_add_note (QS_INDICATOR_TABLE (block), text);
      else if (QS_IS_TASK_TABLE (block))
        qs_task_table_add_note (QS_TASK_TABLE (block), text);
      else
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a paragraph has table notes.");
        }
    }
  release (stmt);
  return !failed;
}

static gboolean
load_glossary (QsWorkspace  *self,
               gint64        plan_id,
               QsPlan       *plan,
               GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_GLOSSARY, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      g_autoptr(QsGlossaryEntry) entry =
        qs_glossary_entry_new (column_text0 (stmt, 0), column_text0 (stmt, 1));

      g_list_store_append (qs_plan_get_glossary (plan), entry);
    }
  release (stmt);
  return !failed;
}

static gboolean
load_year_values (QsWorkspace  *self,
                  gint64        plan_id,
                  QsPlan       *plan,
                  GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_YEAR_VALUES, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      g_autoptr(QsYearValue) yv = NULL;
      QsYearValueKind kind;
      QsYearValueSource source;

      if (!qs_year_value_kind_from_string (column_text0 (stmt, 6), &kind) ||
          !qs_year_value_source_from_string (column_text0 (stmt, 7), &source))
        {
          g_autofree char *kind_name = g_strdup (column_text0 (stmt, 6));
          g_autofree char *source_name = g_strdup (column_text0 (stmt, 7));

          release (stmt);
          corrupt (self, plan_id, error, "a yearly value has an unknown kind “%s” or source “%s”.",
                   kind_name, source_name);
          return FALSE;
        }
      yv = qs_year_value_new (column_text0 (stmt, 1), sqlite3_column_int (stmt, 3),
                              column_text0 (stmt, 5), kind, source);
      qs_year_value_set_indicator_id (yv, column_text (stmt, 0));
      qs_year_value_set_unit (yv, column_text (stmt, 2));
      qs_year_value_set_base_year (yv, sqlite3_column_int (stmt, 4));
      qs_year_value_set_source_text (yv, column_text (stmt, 8));
      qs_year_value_set_accepted (yv, sqlite3_column_int (stmt, 9) != 0);
      g_list_store_append (qs_plan_get_year_values (plan), yv);
    }
  release (stmt);
  return !failed;
}

/* Reads "owner id, district" rows into owner id → GPtrArray of districts. */
static gboolean
load_district_lists (QsWorkspace  *self,
                     StmtId        id,
                     gint64        plan_id,
                     GHashTable   *lists,
                     GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, id, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = lookup (lists, owner);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (lists, int64_key (owner), list);
        }
      g_ptr_array_add (list, g_strdup (column_text0 (stmt, 1)));
    }
  release (stmt);
  return !failed;
}

static const char * const *
district_list (GHashTable *lists,
               gint64      owner)
{
  GPtrArray *list = lookup (lists, owner);

  if (list == NULL)
    return NULL;
  /* NULL-terminated for the setters; the terminator is not a district. */
  if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != NULL)
    g_ptr_array_add (list, NULL);
  return (const char * const *) list->pdata;
}

static gboolean
load_requirements (QsWorkspace  *self,
                   gint64        plan_id,
                   QsPlan       *plan,
                   GError      **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) group_districts =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) districts =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!load_district_lists (self, STMT_SELECT_REQUIREMENT_GROUP_DISTRICTS, plan_id, group_districts, error) ||
      !load_district_lists (self, STMT_SELECT_REQUIREMENT_DISTRICTS, plan_id, districts, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_SELECT_REQUIREMENT_GROUPS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *key = column_text0 (stmt, 1);
      QsDistrictGroup *group;

      if (*key == '\0')
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a district group of its requirements has no id.");
        }
      group = qs_district_group_new (key, column_text0 (stmt, 2), district_list (group_districts, id));
      qs_district_group_set_source (group, column_text (stmt, 3));
      g_hash_table_insert (groups, int64_key (id), group);
    }
  release (stmt);
  if (failed)
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_SELECT_REQUIREMENTS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      g_autoptr(QsRequirement) r = NULL;
      QsDistrictGroup *group = NULL;
      QsRequirementKind kind;

      if (!qs_requirement_kind_from_string (column_text0 (stmt, 3), &kind))
        {
          g_autofree char *kind_name = g_strdup (column_text0 (stmt, 3));

          release (stmt);
          return corrupt (self, plan_id, error, "a requirement has an unknown kind “%s”.", kind_name);
        }
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL &&
          (group = lookup (groups, sqlite3_column_int64 (stmt, 4))) == NULL)
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a requirement refers to a district group it does not hold.");
        }
      r = qs_requirement_new (column_text (stmt, 2), kind, column_text (stmt, 5));
      qs_requirement_set_id (r, column_text (stmt, 1));
      qs_requirement_set_districts (r, district_list (districts, sqlite3_column_int64 (stmt, 0)));
      qs_requirement_set_group (r, group);
      qs_requirement_set_unit (r, column_text (stmt, 6));
      qs_requirement_set_base_year (r, sqlite3_column_int (stmt, 7));
      qs_requirement_set_base_value (r, column_text (stmt, 8));
      qs_requirement_set_year (r, sqlite3_column_int (stmt, 9));
      qs_requirement_set_source (r, column_text (stmt, 10));
      qs_requirement_set_note (r, column_text (stmt, 11));
      g_list_store_append (qs_plan_get_requirements (plan), r);
    }
  release (stmt);
  return !failed;
}

static gboolean
load_review_notes (QsWorkspace  *self,
                   gint64        plan_id,
                   QsPlan       *plan,
                   GError      **error)
{
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_SELECT_REVIEW_NOTES, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      g_autoptr(QsReviewNote) note = qs_review_note_new (column_text0 (stmt, 3));
      gint64 note_id = sqlite3_column_int64 (stmt, 0);

      if (note_id <= 0 || note_id > G_MAXUINT)
        {
          release (stmt);
          return corrupt (self, plan_id, error, "a review note has the id %" G_GINT64_FORMAT ".",
                          note_id);
        }
      qs_review_note_set_id (note, (guint) note_id);
      qs_review_note_set_author (note, column_text0 (stmt, 1));
      qs_review_note_set_created (note, column_text0 (stmt, 2));
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        qs_review_note_set_table_target (note, MAX (sqlite3_column_int (stmt, 4), 0),
                                         column_text (stmt, 5),
                                         sqlite3_column_type (stmt, 6) != SQLITE_NULL ?
                                         sqlite3_column_int (stmt, 6) : -1,
                                         column_text (stmt, 7));
      else
        qs_review_note_set_section_target (note, column_text0 (stmt, 8));
      qs_review_note_set_resolved (note, sqlite3_column_int (stmt, 9) != 0);
      g_list_store_append (qs_plan_get_review_notes (plan), note);
    }
  release (stmt);
  return !failed;
}

static QsPlan *
load_plan (QsWorkspace  *self,
           gint64        id,
           GError      **error)
{
  g_autoptr(QsPlan) plan = NULL;
  LoadState state = { 0 };
  gboolean ok;
  sqlite3_stmt *stmt;
  const char *level_str;
  QsPlanLevel level;
  int rc;

  if (!(stmt = get_stmt (self, STMT_SELECT_PLAN, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      release (stmt);
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND,
                   "The workspace “%s” holds no plan %" G_GINT64_FORMAT
                   "; it may have been removed.", self->display_name, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      fail (self, rc, "Could not load the plan", error);
      release (stmt);
      return NULL;
    }

  level_str = column_text0 (stmt, 2);
  if (!qs_plan_level_from_string (level_str, &level))
    {
      release (stmt);
      corrupt (self, id, error, "the plan has an unknown level “%s”.", level_str);
      return NULL;
    }
  plan = qs_plan_new ();
  qs_plan_set_title (plan, column_text0 (stmt, 0));
  qs_plan_set_region (plan, column_text0 (stmt, 1));
  qs_plan_set_level (plan, level);
  qs_plan_set_period (plan, sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4));
  qs_plan_set_vision_year (plan, sqlite3_column_int (stmt, 5));
  qs_plan_set_parent_plan (plan, column_text (stmt, 6));
  release (stmt);

  state.sections = new_id_table ();
  state.blocks = new_id_table ();
  state.rows = new_id_table ();
  ok = (load_sections (self, id, plan, &state, error) &&
        load_blocks (self, id, &state, error) &&
        load_columns (self, id, &state, error) &&
        load_indicator_rows (self, id, &state, error) &&
        load_cells (self, id, STMT_SELECT_INDICATOR_CELLS, &state, error) &&
        load_task_rows (self, id, &state, error) &&
        load_cells (self, id, STMT_SELECT_TASK_CELLS, &state, error) &&
        load_items_and_notes (self, id, &state, error) &&
        load_glossary (self, id, plan, error) &&
        load_year_values (self, id, plan, error) &&
        load_requirements (self, id, plan, error) &&
        load_review_notes (self, id, plan, error));
  load_state_clear (&state);

  return ok ? g_steal_pointer (&plan) : NULL;
}

/* Versions */

static const char *
author_name (QsWorkspace *self)
{
  const char *name;

  if (self->author != NULL)
    return self->author;
  /* GLib says "Unknown" when the password database has no real name. */
  name = g_get_real_name ();
  if (name == NULL || *name == '\0' || strcmp (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name != NULL ? name : "";
}

static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static GBytes *
deflate_bytes (const char *data,
               gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize written = 0;

  /* Writing to memory fails only when memory runs out. */
  if (!g_output_stream_write_all (out, data, length, &written, NULL, NULL) ||
      !g_output_stream_close (out, NULL, NULL))
    g_error ("Could not compress a plan version: out of memory");
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* At most @max bytes, so a damaged or hostile blob cannot fill memory. */
static GBytes *
inflate_bytes (GBytes  *data,
               gsize    max,
               GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_bytes (data);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (memory, G_CONVERTER (decompressor));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[16384];
  gssize n;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, error)) > 0)
    {
      if (out->len + (gsize) n > max)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "larger than %" G_GSIZE_FORMAT " bytes", max);
          return NULL;
        }
      g_byte_array_append (out, buffer, (guint) n);
    }
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Keeps the plan as it is now as its next version, inside the transaction
 * of the save.  A save that changes nothing (the same XML as the last
 * version) keeps no new version. */
static gboolean
insert_version (QsWorkspace  *self,
                gint64        plan_id,
                QsPlan       *plan,
                const char   *action,
                GError      **error)
{
  g_autofree char *xml = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *saved_at = NULL;
  g_autoptr(GBytes) compressed = NULL;
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;
  gsize length = 0;
  int last = 0;
  gboolean same = FALSE;

  xml = qs_plan_xml_write_data (plan, &length);
  if (xml == NULL)
    {
      /* A text too long for XML: the plan is saved, only not as a version. */
      g_warning ("Plan %" G_GINT64_FORMAT " has a text too long for a .qsplan file; "
                 "this save keeps no version", plan_id);
      return TRUE;
    }
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) xml, length);

  if (!(stmt = get_stmt (self, STMT_LAST_VERSION, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (next_row (self, stmt, &failed, error))
    {
      last = sqlite3_column_int (stmt, 0);
      same = g_strcmp0 (column_text (stmt, 1), checksum) == 0;
    }
  release (stmt);
  if (failed)
    return FALSE;
  if (same)
    return TRUE;

  if (!(stmt = get_stmt (self, STMT_INSERT_VERSION, error)))
    return FALSE;
  /* zlib keeps a sample plan's 43 kB of XML in about 6 kB: a plan saved
   * often keeps many versions. */
  compressed = deflate_bytes (xml, length);
  saved_at = timestamp_now ();
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, last + 1);
  bind_text (stmt, 3, saved_at);
  bind_text (stmt, 4, author_name (self));
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) length);
  bind_text (stmt, 6, checksum);
  bind_text (stmt, 7, "qsplan+zlib");
  sqlite3_bind_blob64 (stmt, 8, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed),
                       SQLITE_STATIC);
  return run (self, stmt, action, error);
}

/* Opening */

typedef enum
{
  FILE_EMPTY,       /* a new database: no schema, no ids */
  FILE_OURS,
} FileState;

/* Reads the header fields that say whose file this is.  The first read also
 * makes SQLite check the header: random bytes give SQLITE_NOTADB, a file
 * shorter than its header says (truncated) SQLITE_CORRUPT. */
static gboolean
inspect (sqlite3     *db,
         const char  *display_name,
         FileState   *state,
         int         *version,
         int         *rc_out,
         GError     **error)
{
  gint64 app_id = 0, user_version = 0, n_objects = 0;
  int rc;

  if ((rc = query_int (db, "PRAGMA application_id", &app_id)) != SQLITE_OK ||
      (rc = query_int (db, "PRAGMA user_version", &user_version)) != SQLITE_OK ||
      (rc = query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects)) != SQLITE_OK)
    {
      *rc_out = rc;
      set_sqlite_error (error, db, display_name, rc, 0, "Could not open the workspace");
      return FALSE;
    }
  *rc_out = SQLITE_OK;

  if (app_id == 0 && user_version == 0 && n_objects == 0)
    {
      *state = FILE_EMPTY;
      *version = 0;
      return TRUE;
    }
  if (app_id != QS_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_WORKSPACE,
                   "“%s” is an SQLite database of another program, not a Qingshan workspace.",
                   display_name);
      return FALSE;
    }
  if (user_version > QS_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_TOO_NEW,
                   "The workspace “%s” was made by a newer version of Qingshan "
                   "(workspace format %d; this version reads up to %d). "
                   "Update Qingshan to open it.",
                   display_name, (int) user_version, QS_WORKSPACE_SCHEMA_VERSION);
      return FALSE;
    }
  *state = FILE_OURS;
  *version = (int) user_version;
  return TRUE;
}

/* SQLite notices a file shorter than its header says, but not one cut
 * inside its last page; a database is always whole pages long.
 *
 * PRAGMA quick_check is not run on open: it reads the whole file (186 ms for
 * a 72 MB workspace of 1,000 plans, growing with the file) while opening
 * otherwise takes under a millisecond.  Damage inside a page shows as
 * QS_WORKSPACE_ERROR_CORRUPT when that page is read, and
 * qs_workspace_check() runs the full check on request. */
static gboolean
check_size (QsWorkspace  *self,
            GError      **error)
{
  GStatBuf st;
  gint64 page_size = 0;
  int rc;

  if ((rc = query_int (self->db, "PRAGMA page_size", &page_size)) != SQLITE_OK)
    {
      fail (self, rc, "Could not open the workspace", error);
      return FALSE;
    }
  if (g_stat (self->path, &st) == 0 && page_size > 0 && st.st_size % page_size != 0)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_CORRUPT,
                   "The workspace “%s” is truncated (%" G_GINT64_FORMAT " bytes is not a whole "
                   "number of %" G_GINT64_FORMAT "-byte pages). Restore it from a backup copy.",
                   self->display_name, (gint64) st.st_size, page_size);
      return FALSE;
    }
  return TRUE;
}

/* Brings the schema up to QS_WORKSPACE_SCHEMA_VERSION, each step in its own
 * transaction.  The version is read again under the write lock: another
 * process may have created or upgraded the file meanwhile. */
static gboolean
migrate (QsWorkspace  *self,
         GError      **error)
{
  const char *action = "Could not prepare the workspace";

  while (self->schema_version < QS_WORKSPACE_SCHEMA_VERSION)
    {
      g_autofree char *set_version = NULL;
      g_autofree char *set_app_id = NULL;
      FileState state;
      int version, rc;
      char *errmsg = NULL;

      if ((rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
        {
          fail (self, rc, action, error);
          return FALSE;
        }
      if (!inspect (self->db, self->display_name, &state, &version, &rc, error))
        {
          rollback (self);
          return FALSE;
        }
      if (version >= QS_WORKSPACE_SCHEMA_VERSION)
        {
          self->schema_version = version;
          rollback (self);
          break;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      set_app_id = g_strdup_printf ("PRAGMA application_id = %d", QS_WORKSPACE_APPLICATION_ID);
      if ((version == 0 &&
           (rc = sqlite3_exec (self->db, set_app_id, NULL, NULL, &errmsg)) != SQLITE_OK) ||
          (rc = sqlite3_exec (self->db, migrations[version], NULL, NULL, &errmsg)) != SQLITE_OK ||
          (rc = sqlite3_exec (self->db, set_version, NULL, NULL, &errmsg)) != SQLITE_OK)
        {
          g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_FAILED,
                       "%s: upgrading “%s” from format %d to %d failed: %s.",
                       action, self->display_name, version, version + 1,
                       errmsg ? errmsg : sqlite3_errstr (rc));
          sqlite3_free (errmsg);
          rollback (self);
          return FALSE;
        }
      if ((rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
        {
          fail (self, rc, action, error);
          rollback (self);
          return FALSE;
        }
      self->schema_version = version + 1;
    }
  return TRUE;
}

static gboolean
configure (QsWorkspace  *self,
           GError      **error)
{
  int rc;

  /* WAL lets the application read while qingshan-cli writes (and the other
   * way round) and keeps a committed edit safe from a killed process.
   * synchronous=FULL also syncs the log on every commit, so a save the
   * planner saw succeed survives a power cut too (NORMAL could lose the
   * last commits); one fsync per save is nothing at a human's pace. */
  if (!self->read_only &&
      (rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
    {
      fail (self, rc, "Could not open the workspace", error);
      return FALSE;
    }
  if ((rc = sqlite3_exec (self->db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
                          NULL, NULL, NULL)) != SQLITE_OK)
    {
      fail (self, rc, "Could not open the workspace", error);
      return FALSE;
    }
  return TRUE;
}

/* Overrides */

static void
qs_workspace_finalize (GObject *object)
{
  QsWorkspace *self = QS_WORKSPACE (object);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Closing the workspace “%s” failed: %s", self->display_name,
                   sqlite3_errstr (rc));
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->author, g_free);
  G_OBJECT_CLASS (qs_workspace_parent_class)->finalize (object);
}

static void
qs_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QsWorkspace *self = QS_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_workspace_class_init (QsWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_workspace_finalize;
  object_class->get_property = qs_workspace_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QsWorkspace::changed:
   * @plan_id: the plan added, saved or removed, or 0 when another process
   *   changed the workspace (anything may have changed)
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
qs_workspace_init (QsWorkspace *self)
{
  self->busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS;
}

/* Public API */

void
qs_plan_summary_free (QsPlanSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->title);
  g_free (summary->region);
  g_free (summary);
}

/**
 * qs_workspace_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/qingshan/workspace.qsdb; the
 * folder is created when missing (a failure shows when opening).
 */
char *
qs_workspace_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "qingshan", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Cannot create %s: %s", dir, g_strerror (errno));
  return g_build_filename (dir, "workspace.qsdb", NULL);
}

QsWorkspace *
qs_workspace_open (const char  *path,
                   gboolean     create,
                   GError     **error)
{
  return qs_workspace_open_full (path,
                                 create ? QS_WORKSPACE_OPEN_CREATE : QS_WORKSPACE_OPEN_DEFAULT,
                                 error);
}

/**
 * qs_workspace_open_full:
 *
 * Opens the workspace at @path, creating it with %QS_WORKSPACE_OPEN_CREATE,
 * checks that it is a Qingshan workspace this version can read and upgrades
 * its schema.  Nothing is written to a file that is not a workspace.
 *
 * A workspace must be used from one thread at a time.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set.
 */
QsWorkspace *
qs_workspace_open_full (const char            *path,
                        QsWorkspaceOpenFlags   flags,
                        GError               **error)
{
  g_autoptr(QsWorkspace) self = NULL;
  gboolean read_only = (flags & QS_WORKSPACE_OPEN_READ_ONLY) != 0;
  gboolean create = (flags & QS_WORKSPACE_OPEN_CREATE) != 0;
  gboolean exists;
  FileState state;
  int version, rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (QS_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && !create)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN,
                   "There is no workspace at “%s”.", self->display_name);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN,
                   "“%s” is a folder, not a workspace.", self->display_name);
      return NULL;
    }
  if (!exists && read_only)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY,
                   "Cannot create the workspace “%s” when opening read-only.",
                   self->display_name);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        (create && !read_only ? SQLITE_OPEN_CREATE : 0) |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!exists && g_access (dir, W_OK) != 0)
        g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY,
                     "Cannot create the workspace “%s”: the folder is read-only.",
                     self->display_name);
      else
        set_sqlite_error (error, self->db, self->display_name, rc, 0,
                          "Could not open the workspace");
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, self->busy_timeout_ms);
  /* SQLite falls back to read-only when the file is write-protected. */
  self->read_only = read_only || sqlite3_db_readonly (self->db, "main") == 1;

  if (!inspect (self->db, self->display_name, &state, &version, &rc, error))
    {
      /* A WAL file in a folder we may not write has no shared-memory index
       * to read through; nobody can write there either, so read it as an
       * immutable file.  On a read-only file system SQLite says CANTOPEN
       * (it cannot create the -shm file) rather than READONLY. */
      if (self->read_only && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN))
        {
          g_autofree char *uri = NULL;
          g_autofree char *abs = g_canonicalize_filename (path, NULL);

          g_clear_error (error);
          sqlite3_close (self->db);
          self->db = NULL;
          uri = g_filename_to_uri (abs, NULL, NULL);
          if (uri != NULL)
            {
              g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

              rc = sqlite3_open_v2 (immutable, &self->db,
                                    SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                                    NULL);
            }
          if (uri == NULL || rc != SQLITE_OK)
            {
              set_sqlite_error (error, self->db, self->display_name,
                                uri ? rc : SQLITE_CANTOPEN, 0, "Could not open the workspace");
              return NULL;
            }
          sqlite3_extended_result_codes (self->db, 1);
          if (!inspect (self->db, self->display_name, &state, &version, &rc, error))
            return NULL;
        }
      else
        return NULL;
    }

  if (state == FILE_OURS && !check_size (self, error))
    return NULL;
  if (state == FILE_EMPTY && !create)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_WORKSPACE,
                   "“%s” is empty, not a Qingshan workspace.", self->display_name);
      return NULL;
    }
  if (version < QS_WORKSPACE_SCHEMA_VERSION && self->read_only)
    {
      if (state == FILE_EMPTY)
        g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY,
                     "Cannot create the workspace “%s”: the file is read-only.",
                     self->display_name);
      else
        g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_READ_ONLY,
                     "The workspace “%s” was made by an older Qingshan and must be upgraded, "
                     "but it is read-only. Open a writable copy.", self->display_name);
      return NULL;
    }
  self->schema_version = version;

  if (!configure (self, error) || !migrate (self, error))
    return NULL;

  query_int (self->db, "PRAGMA data_version", &self->data_version);
  return g_steal_pointer (&self);
}

const char *
qs_workspace_get_path (QsWorkspace *self)
{
  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  return self->path;
}

gboolean
qs_workspace_is_read_only (QsWorkspace *self)
{
  g_return_val_if_fail (QS_IS_WORKSPACE (self), TRUE);
  return self->read_only;
}

int
qs_workspace_get_schema_version (QsWorkspace *self)
{
  g_return_val_if_fail (QS_IS_WORKSPACE (self), 0);
  return self->schema_version;
}

void
qs_workspace_set_busy_timeout (QsWorkspace *self,
                               int          msec)
{
  g_return_if_fail (QS_IS_WORKSPACE (self));
  self->busy_timeout_ms = MAX (msec, 0);
  sqlite3_busy_timeout (self->db, self->busy_timeout_ms);
}

/**
 * qs_workspace_list_plans:
 *
 * Reads only the plans table, so it stays fast with many large plans.
 *
 * Returns: (transfer container) (element-type QsPlanSummary): the plans
 * ordered by level, period, region and title, or %NULL on error.
 */
GPtrArray *
qs_workspace_list_plans (QsWorkspace  *self,
                         GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LIST_PLANS, error)))
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) qs_plan_summary_free);
  while (next_row (self, stmt, &failed, error))
    {
      QsPlanSummary *summary = g_new0 (QsPlanSummary, 1);
      QsPlanLevel level = QS_PLAN_LEVEL_DISTRICT;

      summary->id = sqlite3_column_int64 (stmt, 0);
      summary->title = g_strdup (column_text0 (stmt, 1));
      summary->region = g_strdup (column_text0 (stmt, 2));
      if (!qs_plan_level_from_string (column_text (stmt, 3), &level))
        g_debug ("Plan %" G_GINT64_FORMAT " has an unknown level", summary->id);
      summary->level = level;
      summary->start_year = sqlite3_column_int (stmt, 4);
      summary->end_year = sqlite3_column_int (stmt, 5);
      summary->modified = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (list, summary);
    }
  release (stmt);
  if (failed)
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * qs_workspace_add_plan:
 *
 * Stores a copy of @plan as a new plan, in one transaction.
 *
 * Returns: the new plan's id, or 0 with @error set.
 */
gint64
qs_workspace_add_plan (QsWorkspace  *self,
                       QsPlan       *plan,
                       GError      **error)
{
  const char *action = "Could not add the plan to the workspace";
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (QS_IS_PLAN (plan), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!begin_write (self, action, error))
    return 0;
  if (!(stmt = get_stmt (self, STMT_INSERT_PLAN, error)))
    goto failed;
  bind_plan_fields (stmt, 1, plan);
  sqlite3_bind_int64 (stmt, 8, now ());
  if (!run (self, stmt, action, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  if (!insert_content (self, id, plan, action, error) ||
      !insert_version (self, id, plan, action, error) ||
      !commit (self, action, error))
    goto failed;

  g_signal_emit (self, signals[CHANGED], 0, id);
  return id;

failed:
  rollback (self);
  return 0;
}

/**
 * qs_workspace_save_plan:
 *
 * Replaces the whole content of plan @id by @plan in one transaction: on
 * any error the stored plan is left as it was.
 */
gboolean
qs_workspace_save_plan (QsWorkspace  *self,
                        gint64        id,
                        QsPlan       *plan,
                        GError      **error)
{
  const char *action = "Could not save the plan to the workspace";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (QS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, action, error))
    return FALSE;
  if (!(stmt = get_stmt (self, STMT_UPDATE_PLAN, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_plan_fields (stmt, 2, plan);
  sqlite3_bind_int64 (stmt, 9, now ());
  if (!run (self, stmt, action, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND,
                   "%s: the workspace “%s” holds no plan %" G_GINT64_FORMAT
                   "; it may have been removed by another window or qingshan-cli.",
                   action, self->display_name, id);
      goto failed;
    }

  /* The sections cascade to their blocks, rows and cells; the other parts
   * hang off the plan itself. */
  for (guint i = 0; i < G_N_ELEMENTS (plan_content_deletes); i++)
    {
      if (!(stmt = get_stmt (self, plan_content_deletes[i], error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!run (self, stmt, action, error))
        goto failed;
    }

  if (!insert_content (self, id, plan, action, error) ||
      !insert_version (self, id, plan, action, error) ||
      !commit (self, action, error))
    goto failed;

  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * qs_workspace_load_plan:
 *
 * Rebuilds plan @id exactly as it was saved, from one consistent snapshot
 * even while another process writes.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set.
 */
QsPlan *
qs_workspace_load_plan (QsWorkspace  *self,
                        gint64        id,
                        GError      **error)
{
  g_autoptr(QsPlan) plan = NULL;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!run_id (self, STMT_BEGIN, "Could not load the plan", error))
    return NULL;
  plan = load_plan (self, id, error);
  /* A read transaction has nothing to undo; ending it frees the snapshot. */
  if (plan == NULL)
    rollback (self);
  else if (!commit (self, "Could not load the plan", error))
    return NULL;
  return g_steal_pointer (&plan);
}

gboolean
qs_workspace_remove_plan (QsWorkspace  *self,
                          gint64        id,
                          GError      **error)
{
  const char *action = "Could not remove the plan from the workspace";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, action, error))
    return FALSE;
  if (!(stmt = get_stmt (self, STMT_DELETE_PLAN, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run (self, stmt, action, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND,
                   "%s: the workspace “%s” holds no plan %" G_GINT64_FORMAT ".",
                   action, self->display_name, id);
      goto failed;
    }
  if (!commit (self, action, error))
    goto failed;

  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * qs_workspace_backup_to:
 *
 * Copies a consistent snapshot of the workspace (taken while other
 * processes may be writing) with SQLite's backup API into a temporary file
 * beside @path, makes it a single self-contained file (rollback journal
 * mode) and renames it over @path, so @path is never half-written.
 */
gboolean
qs_workspace_backup_to (QsWorkspace  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *display = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *abs_self = NULL;
  g_autofree char *abs_dest = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  abs_self = g_canonicalize_filename (self->path, NULL);
  abs_dest = g_canonicalize_filename (path, NULL);
  wal = g_strconcat (path, "-wal", NULL);
  if (strcmp (abs_self, abs_dest) == 0 || g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_OPEN,
                   "Cannot copy the workspace to “%s”: that is a workspace in use. "
                   "Choose another file name.", display);
      return FALSE;
    }

  tmp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, QS_WORKSPACE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ?
                   QS_WORKSPACE_ERROR_READ_ONLY : QS_WORKSPACE_ERROR_OPEN,
                   "Cannot copy the workspace to “%s”: %s.", display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* One step copies everything under one read snapshot. */
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    set_sqlite_error (error, dest, display, rc, self->busy_timeout_ms,
                      "Could not copy the workspace");
  sqlite3_close (dest);

  if (rc == SQLITE_OK && g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_FAILED,
                   "Could not copy the workspace to “%s”: %s.", display, g_strerror (saved_errno));
      rc = SQLITE_ERROR;
    }
  if (rc != SQLITE_OK)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

gboolean
qs_workspace_check (QsWorkspace  *self,
                    GError      **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(10)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = column_text0 (stmt, 0);

          if (strcmp (line, "ok") != 0)
            g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
        }
    }
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, "Could not check the workspace", error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (problems->len == 0)
    {
      gint64 n_bad_links = 0;

      rc = query_int (self->db, "SELECT count(*) FROM pragma_foreign_key_check", &n_bad_links);
      if (rc != SQLITE_OK)
        {
          fail (self, rc, "Could not check the workspace", error);
          return FALSE;
        }
      if (n_bad_links > 0)
        g_string_append_printf (problems, "%" G_GINT64_FORMAT " rows point at missing parents",
                                n_bad_links);
    }
  if (problems->len > 0)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_CORRUPT,
                   "The workspace “%s” is damaged: %s. Restore it from a backup copy.",
                   self->display_name, problems->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
qs_workspace_poll_changes (QsWorkspace *self)
{
  sqlite3_stmt *stmt;
  gint64 version;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);

  if (!(stmt = get_stmt (self, STMT_DATA_VERSION, NULL)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      release (stmt);
      return FALSE;
    }
  version = sqlite3_column_int64 (stmt, 0);
  release (stmt);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0, (gint64) 0);
  return TRUE;
}

/* Catalog extensions */

/**
 * qs_workspace_get_catalog_extensions:
 *
 * Returns: (transfer full) (nullable): the stored catalog document of the
 * user's added and extended entries, or %NULL when there is none (then
 * @error is not set) or on error.
 */
char *
qs_workspace_get_catalog_extensions (QsWorkspace  *self,
                                     GError      **error)
{
  g_autofree char *document = NULL;
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_SELECT_CATALOG_EXTENSIONS, error)))
    return NULL;
  if (next_row (self, stmt, &failed, error))
    document = g_strdup (column_text (stmt, 0));
  release (stmt);
  if (failed)
    return NULL;
  if (document != NULL && *document == '\0')
    g_clear_pointer (&document, g_free);
  return g_steal_pointer (&document);
}

/**
 * qs_workspace_set_catalog_extensions:
 *
 * Replaces the user's catalog extensions by @json in one transaction.  The
 * document is merged into a fresh built-in catalog first, so a document
 * the catalog would refuse (bad JSON, an alias taken twice…) is never
 * stored.  %NULL or "" removes them.
 */
gboolean
qs_workspace_set_catalog_extensions (QsWorkspace  *self,
                                     const char   *json,
                                     GError      **error)
{
  const char *action = "Could not save the catalog extensions to the workspace";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (json != NULL && *json != '\0')
    {
      g_autoptr(QsCatalog) catalog = qs_catalog_new_default (error);

      if (catalog == NULL ||
          !qs_catalog_merge_json (catalog, json, -1, "catalog extensions", error))
        return FALSE;
    }

  if (!begin_write (self, action, error))
    return FALSE;
  if (!run_id (self, STMT_DELETE_CATALOG_EXTENSIONS, action, error))
    goto failed;
  if (json != NULL && *json != '\0')
    {
      if (!(stmt = get_stmt (self, STMT_INSERT_CATALOG_EXTENSIONS, error)))
        goto failed;
      bind_text (stmt, 1, json);
      if (!run (self, stmt, action, error))
        goto failed;
    }
  if (!commit (self, action, error))
    goto failed;

  g_signal_emit (self, signals[CHANGED], 0, (gint64) 0);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * qs_workspace_load_catalog:
 *
 * Returns: (transfer full): the built-in catalog with the workspace's
 * extensions merged on top, or %NULL with @error set.
 */
QsCatalog *
qs_workspace_load_catalog (QsWorkspace  *self,
                           GError      **error)
{
  g_autoptr(QsCatalog) catalog = NULL;
  g_autofree char *extensions = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  extensions = qs_workspace_get_catalog_extensions (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  catalog = qs_catalog_new_default (error);
  if (catalog == NULL)
    return NULL;
  if (extensions != NULL)
    {
      g_autofree char *name = g_strdup_printf ("catalog extensions of “%s”", self->display_name);

      if (!qs_catalog_merge_json (catalog, extensions, -1, name, error))
        return NULL;
    }
  return g_steal_pointer (&catalog);
}

/* Versions */

G_DEFINE_BOXED_TYPE (QsPlanVersion, qs_plan_version, qs_plan_version_copy, qs_plan_version_free)

QsPlanVersion *
qs_plan_version_copy (const QsPlanVersion *version)
{
  QsPlanVersion *copy;

  g_return_val_if_fail (version != NULL, NULL);

  copy = g_memdup2 (version, sizeof *version);
  copy->saved_at = g_strdup (version->saved_at);
  copy->author = g_strdup (version->author);
  return copy;
}

void
qs_plan_version_free (QsPlanVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->saved_at);
  g_free (version->author);
  g_free (version);
}

void
qs_workspace_set_author (QsWorkspace *self,
                         const char  *author)
{
  g_return_if_fail (QS_IS_WORKSPACE (self));
  qs_set_str (&self->author, author);
}

const char *
qs_workspace_get_author (QsWorkspace *self)
{
  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  return author_name (self);
}

static gboolean
plan_exists (QsWorkspace  *self,
             gint64        plan_id,
             const char   *action,
             GError      **error)
{
  gboolean failed = FALSE;
  gboolean found;
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_PLAN_EXISTS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  found = next_row (self, stmt, &failed, error);
  release (stmt);
  if (failed)
    return FALSE;
  if (!found)
    g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND,
                 "%s: the workspace “%s” holds no plan %" G_GINT64_FORMAT
                 "; it may have been removed.", action, self->display_name, plan_id);
  return found;
}

/**
 * qs_workspace_list_versions:
 *
 * Reads the versions' summaries only, never their XML.
 *
 * Returns: (transfer container) (element-type QsPlanVersion): the saved
 * versions of plan @plan_id, oldest first, or %NULL with @error set
 * (NOT_FOUND when there is no such plan).
 */
GPtrArray *
qs_workspace_list_versions (QsWorkspace  *self,
                            gint64        plan_id,
                            GError      **error)
{
  const char *action = "Could not list the versions of the plan";
  g_autoptr(GPtrArray) list = NULL;
  gboolean failed = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One snapshot: the plan cannot vanish between the two reads. */
  if (!run_id (self, STMT_BEGIN, action, error))
    return NULL;
  if (!plan_exists (self, plan_id, action, error) ||
      !(stmt = get_stmt (self, STMT_LIST_VERSIONS, error)))
    {
      rollback (self);
      return NULL;
    }
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) qs_plan_version_free);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (next_row (self, stmt, &failed, error))
    {
      QsPlanVersion *version = g_new0 (QsPlanVersion, 1);

      version->plan_id = plan_id;
      version->version = sqlite3_column_int (stmt, 0);
      version->saved_at = g_strdup (column_text0 (stmt, 1));
      version->author = g_strdup (column_text0 (stmt, 2));
      version->size = (gsize) MAX (sqlite3_column_int64 (stmt, 3), 0);
      g_ptr_array_add (list, version);
    }
  release (stmt);
  if (failed)
    {
      rollback (self);
      return NULL;
    }
  if (!commit (self, action, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * qs_workspace_load_version:
 *
 * Returns: (transfer full): plan @plan_id as it was saved in @version, or
 * %NULL with @error set (NOT_FOUND when there is no such plan or version).
 */
QsPlan *
qs_workspace_load_version (QsWorkspace  *self,
                           gint64        plan_id,
                           int           version,
                           GError      **error)
{
  const char *action = "Could not load the version of the plan";
  g_autofree char *name = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *format = NULL;
  gboolean failed = FALSE;
  gboolean found;
  sqlite3_stmt *stmt;
  const void *blob;
  gsize length;

  g_return_val_if_fail (QS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_SELECT_VERSION, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, version);
  found = next_row (self, stmt, &failed, error);
  if (found)
    {
      blob = sqlite3_column_blob (stmt, 0);
      length = (gsize) sqlite3_column_bytes (stmt, 0);
      data = g_bytes_new (blob, length);
      format = g_strdup (column_text0 (stmt, 1));
    }
  release (stmt);
  if (failed)
    return NULL;
  if (!found)
    {
      g_autoptr(GError) local_error = NULL;

      /* Say which of the two is missing. */
      if (!plan_exists (self, plan_id, action, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND,
                   "%s: plan %" G_GINT64_FORMAT " in the workspace “%s” has no version %d; "
                   "run “qingshan-cli versions %" G_GINT64_FORMAT "” to list them.",
                   action, plan_id, self->display_name, version, plan_id);
      return NULL;
    }
  if (strcmp (format, "qsplan+zlib") == 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) inflated = inflate_bytes (data, QS_PLAN_XML_MAX_SIZE, &local_error);

      if (inflated == NULL)
        {
          corrupt (self, plan_id, error, "version %d is damaged (%s).", version, local_error->message);
          return NULL;
        }
      g_bytes_unref (data);
      data = g_steal_pointer (&inflated);
    }
  else if (strcmp (format, "qsplan") != 0)
    {
      corrupt (self, plan_id, error, "version %d is stored as “%s”, which this version of "
               "Qingshan cannot read.", version, format);
      return NULL;
    }

  name = g_strdup_printf ("%s (plan %" G_GINT64_FORMAT ", version %d)",
                          self->display_name, plan_id, version);
  return qs_plan_xml_read_data (g_bytes_get_data (data, NULL), g_bytes_get_size (data), name, error);
}

/* Review notes */

typedef gboolean (*NotesEdit) (QsWorkspace  *self,
                               gint64        plan_id,
                               GListStore   *notes,
                               gpointer      user_data,
                               GError      **error);

/* Loads plan @plan_id, lets @edit change its notes, and writes the notes,
 * the modification time and a version back, all under one write lock. */
static gboolean
edit_review_notes (QsWorkspace  *self,
                   gint64        plan_id,
                   NotesEdit     edit,
                   gpointer      user_data,
                   GError      **error)
{
  const char *action = "Could not save the review notes to the workspace";
  g_autoptr(QsPlan) plan = NULL;
  sqlite3_stmt *stmt;

  if (!begin_write (self, action, error))
    return FALSE;
  if (!(plan = load_plan (self, plan_id, error)) ||
      !edit (self, plan_id, qs_plan_get_review_notes (plan), user_data, error))
    goto failed;
  if (!(stmt = get_stmt (self, STMT_UPDATE_PLAN, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  bind_plan_fields (stmt, 2, plan);
  sqlite3_bind_int64 (stmt, 9, now ());
  if (!run (self, stmt, action, error))
    goto failed;
  if (!(stmt = get_stmt (self, STMT_DELETE_REVIEW_NOTES, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!run (self, stmt, action, error) ||
      !insert_review_notes (self, plan_id, G_LIST_MODEL (qs_plan_get_review_notes (plan)),
                            action, error) ||
      !insert_version (self, plan_id, plan, action, error) ||
      !commit (self, action, error))
    goto failed;

  g_signal_emit (self, signals[CHANGED], 0, plan_id);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

typedef struct
{
  QsReviewNote *note;
  guint        *id;
} AddNote;

static gboolean
add_note_edit (QsWorkspace  *self,
               gint64        plan_id,
               GListStore   *notes,
               gpointer      user_data,
               GError      **error)
{
  AddNote *add = user_data;
  guint id = qs_review_note_get_id (add->note);

  if (id == 0 || qs_review_note_list_find (G_LIST_MODEL (notes), id) != NULL)
    {
      id = qs_review_note_list_next_id (G_LIST_MODEL (notes));
      qs_review_note_set_id (add->note, id);
    }
  g_list_store_append (notes, add->note);
  if (add->id != NULL)
    *add->id = id;
  return TRUE;
}

gboolean
qs_workspace_add_review_note (QsWorkspace   *self,
                              gint64         plan_id,
                              QsReviewNote  *note,
                              guint         *id,
                              GError       **error)
{
  AddNote add = { note, id };

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (QS_IS_REVIEW_NOTE (note), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit_review_notes (self, plan_id, add_note_edit, &add, error);
}

typedef struct
{
  guint    note_id;
  gboolean resolved;
} ResolveNote;

static gboolean
resolve_note_edit (QsWorkspace  *self,
                   gint64        plan_id,
                   GListStore   *notes,
                   gpointer      user_data,
                   GError      **error)
{
  ResolveNote *resolve = user_data;
  QsReviewNote *note = qs_review_note_list_find (G_LIST_MODEL (notes), resolve->note_id);

  if (note == NULL)
    {
      g_set_error (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_NOT_FOUND,
                   "Plan %" G_GINT64_FORMAT " in the workspace “%s” has no review note %u.",
                   plan_id, self->display_name, resolve->note_id);
      return FALSE;
    }
  qs_review_note_set_resolved (note, resolve->resolved);
  return TRUE;
}

gboolean
qs_workspace_resolve_review_note (QsWorkspace  *self,
                                  gint64        plan_id,
                                  guint         note_id,
                                  gboolean      resolved,
                                  GError      **error)
{
  ResolveNote resolve = { note_id, resolved };

  g_return_val_if_fail (QS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit_review_notes (self, plan_id, resolve_note_edit, &resolve, error);
}
