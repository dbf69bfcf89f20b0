/* lo-store.c: the local database (sqlite3)
 *
 * Safety rules, in order of importance:
 * - a file we cannot vouch for (damaged, foreign, newer schema) is never
 *   written to: every check on open only reads, and WAL mode (which writes
 *   the header) is switched on after them;
 * - one writer: an exclusive flock on "<db>.lock" beside the file (never on
 *   the database itself: closing any descriptor of a file drops the process's
 *   POSIX locks, which are SQLite's own);
 * - every change is one IMMEDIATE transaction committed before the call
 *   returns (WAL, synchronous=FULL), then ::changed is emitted;
 * - schema changes are SQL files in the GResource, each applied with its
 *   PRAGMA user_version bump in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lo-io.h"
#include "lo-store.h"
#include "lo-store-private.h"
#include "lo-store-resources.h"

#define MIGRATIONS_PATH "/io/github/lightsout/LightsOut/store/migrations"
#define BUSY_TIMEOUT_MS 2000
/* Up to this size (~30 ms of checking) every open checks the whole file;
 * a larger one is checked before it is migrated, backed up or restored. */
#define CHECK_ON_OPEN_BYTES (8 << 20)

struct _LoStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  int         lock_fd;        /* -1 when read-only */
  gboolean    read_only;
  GHashTable *stmts;          /* const char *sql → sqlite3_stmt* */
  GHashTable *shipped_banks;  /* bank id → LoBank* or NULL when not shipped */
  guint       importing;      /* imports being stored by a worker's connection */
};

G_DEFINE_FINAL_TYPE (LoStore, lo_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (lo-store-error-quark, lo_store_error)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A cached statement, reset and unbound when it goes out of scope. */
typedef sqlite3_stmt LoStmt;

static void
stmt_release (LoStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoStmt, stmt_release)

void
lo_client_info_free (LoClientInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->industry);
  g_free (info->latest_date);
  g_free (info);
}

/* Errors */

static void
set_sqlite_error (const char *path,
                  sqlite3    *db,
                  int         rc,
                  GError    **error)
{
  int sys = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  if ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) && sys == ENOSPC)
    primary = SQLITE_FULL;
  else if ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) &&
           (sys == EROFS || sys == EACCES || sys == EPERM))
    primary = SQLITE_READONLY;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED,
                   _("%s: the database is busy in another Lights Out window or command; close it and try again"),
                   path);
      break;
    case SQLITE_FULL:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FULL,
                   _("%s: the disk is full; the change was not saved (free some space and try again)"),
                   path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                   _("%s: the database or its folder is read-only; nothing was changed"),
                   path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT,
                   _("%s: the database is damaged or not a Lights Out database (%s); it was left untouched — restore a backup"),
                   path, detail);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                   _("%s: cannot open the database (%s)"), path, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, LO_STORE_ERROR,
                   (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                     ? LO_STORE_ERROR_EXISTS : LO_STORE_ERROR_INVALID,
                   "%s: %s", path, detail);
      break;
    default:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
                   "%s: %s", path, detail);
      break;
    }
}

static gboolean
store_error (LoStore *self,
             int      rc,
             GError **error)
{
  set_sqlite_error (self->path, self->db, rc, error);
  return FALSE;
}

/* Statements */

static LoStmt *
prepare (LoStore    *self,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      store_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows (or whose rows are not wanted). */
static gboolean
run (LoStore      *self,
     sqlite3_stmt *stmt,
     GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      store_error (self, rc, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* Steps a query: TRUE with *row set; FALSE on error. */
static gboolean
step (LoStore      *self,
      sqlite3_stmt *stmt,
      gboolean     *row,
      GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *row = TRUE;
      return TRUE;
    }
  *row = FALSE;
  if (rc == SQLITE_DONE)
    return TRUE;
  return store_error (self, rc, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static double
column_double (sqlite3_stmt *stmt,
               int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, index);
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Statements that are not cached: the open sequence and migrations. */
static gboolean
exec_script (LoStore    *self,
             const char *sql,
             GError    **error)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *next = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->db, tail, -1, &stmt, &next);
      if (rc != SQLITE_OK)
        return store_error (self, rc, error);
      if (stmt != NULL)
        {
          do
            rc = sqlite3_step (stmt);
          while (rc == SQLITE_ROW);
          if (rc != SQLITE_DONE)
            return store_error (self, rc, error);
        }
      tail = next;
    }
  return TRUE;
}

/* The first column of the first row of @sql as text (transfer full). */
static gboolean
query_text (LoStore    *self,
            const char *sql,
            char      **out,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return store_error (self, rc, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return store_error (self, rc, error);
  *out = rc == SQLITE_ROW ? column_text (stmt, 0) : NULL;
  return TRUE;
}

static gboolean
query_int (LoStore    *self,
           const char *sql,
           gint64     *out,
           GError    **error)
{
  g_autofree char *text = NULL;

  if (!query_text (self, sql, &text, error))
    return FALSE;
  *out = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
  return TRUE;
}

/* Transactions */

static gboolean
begin (LoStore *self,
       GError **error)
{
  LoStmt *stmt = NULL;

  if (self->read_only)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                   _("%s: the database is open for reading only; nothing was changed"),
                   self->path);
      return FALSE;
    }
  /* A worker's import holds the write lock for as long as it takes: say so
   * at once rather than wait for it and then blame another window. */
  if (self->importing > 0)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED,
                   _("%s: an imported file is still being saved; nothing was changed — try again when it is done"),
                   self->path);
      return FALSE;
    }
  stmt = prepare (self, "BEGIN IMMEDIATE", error);
  return stmt != NULL && run (self, stmt, error);
}

static gboolean
begin_read (LoStore *self,
            GError **error)
{
  LoStmt *stmt = prepare (self, "BEGIN", error);
  return stmt != NULL && run (self, stmt, error);
}

static void
rollback (LoStore *self)
{
  LoStmt *stmt = NULL;

  if (sqlite3_get_autocommit (self->db))
    return;
  stmt = prepare (self, "ROLLBACK", NULL);
  if (stmt != NULL)
    run (self, stmt, NULL);
}

static gboolean
commit (LoStore *self,
        GError **error)
{
  LoStmt *stmt = prepare (self, "COMMIT", error);
  GError *local = NULL;

  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  if (!run (self, stmt, &local))
    {
      /* The change is in the write-ahead log and only its sync failed: if
       * the log stays on the disk, SQLite finds the change complete there
       * at the next open. Neither "saved" nor "not saved" is true. */
      if ((sqlite3_extended_errcode (self->db) & 0xffff) == SQLITE_IOERR_FSYNC)
        {
          g_set_error (error, local->domain, local->code,
                       _("%s: the disk did not confirm the last change (%s); it may or may not "
                         "have been saved — check it once the disk works again"),
                       self->path, g_strerror (sqlite3_system_errno (self->db)));
          g_error_free (local);
        }
      else
        g_propagate_error (error, local);
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Ends a change: commits it and tells the views, or rolls it back. */
static gboolean
finish (LoStore      *self,
        gboolean      ok,
        gint64        client,
        LoStoreChange what,
        GError      **error)
{
  if (!ok || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0, client, (int) what);
  return TRUE;
}

/* Lookups */

static char *
client_label (LoStore *self,
              gint64   client)
{
  g_autoptr(LoStmt) stmt = prepare (self, "SELECT name FROM client WHERE id = ?1", NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, client);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return column_text (stmt, 0);
    }
  return g_strdup_printf (_("client %lld"), (long long) client);
}

static gboolean
check_client (LoStore *self,
              gint64   client,
              GError **error)
{
  g_autoptr(LoStmt) stmt = prepare (self, "SELECT 1 FROM client WHERE id = ?1 AND deleted_at IS NULL", error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client);
  if (!step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("There is no client number %lld in the database"), (long long) client);
      return FALSE;
    }
  return TRUE;
}

static gboolean
touch (LoStore *self,
       gint64   client,
       GError **error)
{
  LoStmt *stmt = prepare (self, "UPDATE client SET modified = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client);
  sqlite3_bind_int64 (stmt, 2, now ());
  return run (self, stmt, error);
}

/* The row id of a live client's assessment, 0 with an error when missing. */
static gint64
lookup_assessment (LoStore    *self,
                   gint64      client,
                   const char *assessment,
                   GError    **error)
{
  g_autoptr(LoStmt) stmt = prepare (self,
    "SELECT a.id FROM assessment a JOIN client c ON c.id = a.client"
    " WHERE c.id = ?1 AND c.deleted_at IS NULL AND a.sid = ?2", error);
  gboolean row;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, client);
  bind_text (stmt, 2, assessment);
  if (!step (self, stmt, &row, error))
    return 0;
  if (row)
    return sqlite3_column_int64 (stmt, 0);

  if (check_client (self, client, error))
    {
      g_autofree char *label = client_label (self, client);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("%s: there is no assessment “%s”"), label, assessment);
    }
  return 0;
}

static gint64
lookup_respondent (LoStore    *self,
                   gint64      client,
                   const char *assessment,
                   const char *respondent,
                   GError    **error)
{
  g_autoptr(LoStmt) stmt = prepare (self,
    "SELECT r.id FROM respondent r"
    " JOIN assessment a ON a.id = r.assessment"
    " JOIN client c ON c.id = a.client"
    " WHERE c.id = ?1 AND c.deleted_at IS NULL AND a.sid = ?2 AND r.sid = ?3", error);
  gboolean row;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, client);
  bind_text (stmt, 2, assessment);
  bind_text (stmt, 3, respondent);
  if (!step (self, stmt, &row, error))
    return 0;
  if (row)
    return sqlite3_column_int64 (stmt, 0);

  if (lookup_assessment (self, client, assessment, error) != 0)
    {
      g_autofree char *label = client_label (self, client);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("%s: assessment “%s” has no respondent “%s”"),
                   label, assessment, respondent);
    }
  return 0;
}

static gboolean
lookup_process (LoStore    *self,
                gint64      client,
                const char *process,
                gint64     *id,
                GError    **error)
{
  g_autoptr(LoStmt) stmt = prepare (self, "SELECT id FROM process WHERE client = ?1 AND sid = ?2", error);
  gboolean row;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client);
  bind_text (stmt, 2, process);
  if (!step (self, stmt, &row, error))
    return FALSE;
  if (row)
    *id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
find_live_client (LoStore    *self,
                  const char *name,
                  gint64     *id,
                  GError    **error)
{
  g_autoptr(LoStmt) stmt = prepare (self, "SELECT id FROM client WHERE name = ?1 AND deleted_at IS NULL", error);
  gboolean row;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  if (!step (self, stmt, &row, error))
    return FALSE;
  if (row)
    *id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* @base, or "@base (2)", "@base (3)" … the first name no live client has. */
static char *
unique_name (LoStore    *self,
             const char *base,
             GError    **error)
{
  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);
      gint64 id;

      if (!find_live_client (self, candidate, &id, error))
        return NULL;
      if (id == 0)
        return g_steal_pointer (&candidate);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
check_name (const char *name,
            GError    **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, _("A client needs a name"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_answer_value (int      value,
                    GError **error)
{
  if (value < LO_ANSWER_NA || value > LO_LEVEL_MAX)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                   _("%d is not an answer (1 to 5, 0 for “don't know”, -1 for “not applicable”)"),
                   value);
      return FALSE;
    }
  return TRUE;
}

/* Banks */

/* Keeps @bank's XML. With @strict, a kept copy of the same id and version
 * with other content is an error; otherwise the kept copy wins. */
static gboolean
put_bank_row (LoStore      *self,
              const LoBank *bank,
              gboolean      strict,
              GError      **error)
{
  g_autofree char *xml = NULL;
  gsize length = 0;
  g_autoptr(LoStmt) select = NULL;
  LoStmt *insert;
  gboolean row;

  xml = lo_bank_to_xml (bank, &length);
  if (xml == NULL)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                   _("Question bank “%s”: cannot be written as XML"), bank->id);
      return FALSE;
    }

  select = prepare (self, "SELECT xml FROM bank WHERE sid = ?1 AND version = ?2", error);
  if (select == NULL)
    return FALSE;
  bind_text (select, 1, bank->id);
  sqlite3_bind_int64 (select, 2, bank->version);
  if (!step (self, select, &row, error))
    return FALSE;
  if (row)
    {
      const char *kept = (const char *) sqlite3_column_text (select, 0);
      gsize kept_length = sqlite3_column_bytes (select, 0);

      if (strict && (kept_length != length || memcmp (kept, xml, length) != 0))
        {
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS,
                       _("Question bank “%s” version %u is already kept with other content; give the changed bank a new version number"),
                       bank->id, bank->version);
          return FALSE;
        }
      return TRUE;
    }

  insert = prepare (self, "INSERT INTO bank (sid, version, xml, added) VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  bind_text (insert, 1, bank->id);
  sqlite3_bind_int64 (insert, 2, bank->version);
  sqlite3_bind_text (insert, 3, xml, length, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, now ());
  return run (self, insert, error);
}

static gboolean
newest_kept_version (LoStore    *self,
                     const char *id,
                     gint64     *version,
                     GError    **error)
{
  g_autoptr(LoStmt) stmt = prepare (self, "SELECT max (version) FROM bank WHERE sid = ?1", error);
  gboolean row;

  *version = 0;
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  if (!step (self, stmt, &row, error))
    return FALSE;
  if (row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static const LoBank *
shipped_bank (LoStore    *self,
              const char *id,
              guint       edition)
{
  g_autofree char *key = g_strdup_printf ("%s#%u", id, edition);
  gpointer bank;

  if (!g_hash_table_lookup_extended (self->shipped_banks, key, NULL, &bank))
    {
      bank = lo_bank_find_shipped_edition (id, edition, NULL);
      g_hash_table_insert (self->shipped_banks, g_steal_pointer (&key), bank);
    }
  return bank;
}

static LoBank *get_bank (LoStore    *self,
                         const char *id,
                         guint       version,
                         GError    **error);

/* Keeps a copy of the bank an assessment is taken with (the shipped one of
 * that id and edition, else that edition already kept, else for edition 1 —
 * files from before editions — the newest already kept) and returns its
 * version, 0 when none is known. */
static gboolean
keep_bank_for (LoStore    *self,
               const char *id,
               guint       edition,
               gint64     *version,
               GError    **error)
{
  g_autoptr(LoBank) kept = NULL;
  const LoBank *bank;

  *version = 0;
  if (id == NULL)
    return TRUE;
  bank = shipped_bank (self, id, edition);
  if (bank != NULL)
    {
      if (!put_bank_row (self, bank, FALSE, error))
        return FALSE;
      *version = bank->version;
      return TRUE;
    }
  kept = get_bank (self, id, edition, NULL);
  if (kept != NULL)
    {
      *version = edition;
      return TRUE;
    }
  if (edition != 1)
    return TRUE;
  return newest_kept_version (self, id, version, error);
}

/* Writing engagements */

static gboolean
insert_respondent_rows (LoStore            *self,
                        gint64              row,
                        const LoRespondent *respondent,
                        GError            **error)
{
  LoStmt *stmt = prepare (self,
    "INSERT INTO answer (respondent, question, position, value) VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < respondent->answers->len; i++)
    {
      const LoAnswer *answer = &g_array_index (respondent->answers, LoAnswer, i);

      if (!check_answer_value (answer->value, error))
        {
          g_prefix_error (error, "%s: %s: ", respondent->id, answer->question);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, answer->question);
      sqlite3_bind_int64 (stmt, 3, i);
      sqlite3_bind_int (stmt, 4, answer->value);
      if (!run (self, stmt, error))
        {
          g_prefix_error (error, "%s: %s: ", respondent->id, answer->question);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_assessment (LoStore            *self,
                   gint64              client,
                   const LoAssessment *assessment,
                   gint64              position,
                   GError            **error)
{
  LoStmt *stmt = NULL;
  gint64 version;
  gint64 row = 0;

  if (!keep_bank_for (self, assessment->bank, assessment->bank_edition, &version, error))
    return FALSE;

  stmt = prepare (self,
    "INSERT INTO assessment (client, sid, position, date, bank, bank_version, bank_edition)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client);
  bind_text (stmt, 2, assessment->id);
  sqlite3_bind_int64 (stmt, 3, position);
  bind_text (stmt, 4, assessment->date);
  bind_text (stmt, 5, assessment->bank);
  if (version > 0)
    sqlite3_bind_int64 (stmt, 6, version);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, MAX (assessment->bank_edition, 1));
  if (!run (self, stmt, error))
    {
      if (g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
        {
          g_autofree char *label = client_label (self, client);
          g_clear_error (error);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS,
                       _("%s: there is already an assessment “%s”"), label, assessment->id);
        }
      return FALSE;
    }
  row = sqlite3_last_insert_rowid (self->db);

  stmt = prepare (self,
    "INSERT INTO respondent (assessment, sid, position, name, role) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *respondent = g_ptr_array_index (assessment->respondents, i);

      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, respondent->id);
      sqlite3_bind_int64 (stmt, 3, i);
      bind_text (stmt, 4, respondent->name);
      bind_text (stmt, 5, respondent->role);
      if (!run (self, stmt, error) ||
          !insert_respondent_rows (self, sqlite3_last_insert_rowid (self->db), respondent, error))
        {
          g_prefix_error (error, "%s: ", assessment->id);
          return FALSE;
        }
    }

  stmt = prepare (self,
    "INSERT INTO target (assessment, dimension, position, level) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < assessment->targets->len; i++)
    {
      const LoTarget *target = &g_array_index (assessment->targets, LoTarget, i);

      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, target->dimension);
      sqlite3_bind_int64 (stmt, 3, i);
      sqlite3_bind_int (stmt, 4, target->level);
      if (!run (self, stmt, error))
        {
          g_prefix_error (error, "%s: %s: ", assessment->id, target->dimension);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_process_rows (LoStore         *self,
                     gint64           row,
                     const LoProcess *process,
                     GError         **error)
{
  LoStmt *stmt = prepare (self,
    "INSERT INTO process_input (process, input, position, is_set, value, low, high)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      const LoInput *input = &process->inputs[i];

      if (!input->set && !input->ranged)
        continue;
      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, lo_input_name (i));
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_int (stmt, 4, input->set);
      bind_double (stmt, 5, input->value);
      if (input->ranged)
        {
          bind_double (stmt, 6, input->low);
          bind_double (stmt, 7, input->high);
        }
      if (!run (self, stmt, error))
        {
          g_prefix_error (error, "%s: %s: ", process->id, lo_input_name (i));
          return FALSE;
        }
    }

  stmt = prepare (self,
    "INSERT INTO actual (process, position, year, month, items, hours, errors, run_cost)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < process->actuals->len; i++)
    {
      const LoActual *actual = &g_array_index (process->actuals, LoActual, i);

      sqlite3_bind_int64 (stmt, 1, row);
      sqlite3_bind_int64 (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, actual->year);
      sqlite3_bind_int (stmt, 4, actual->month);
      bind_double (stmt, 5, actual->items);
      bind_double (stmt, 6, actual->hours);
      bind_double (stmt, 7, actual->errors);
      bind_double (stmt, 8, actual->run_cost);
      if (!run (self, stmt, error))
        {
          g_prefix_error (error, _("%s: actual %04d-%02d: "), process->id, actual->year, actual->month);
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds the process's own columns at 2 … 11 (name … alternative). */
static void
bind_process_columns (sqlite3_stmt    *stmt,
                      const LoProcess *process)
{
  bind_text (stmt, 2, process->name);
  if (process->has_start)
    {
      sqlite3_bind_int (stmt, 3, process->start_year);
      sqlite3_bind_int (stmt, 4, process->start_month);
    }
  if (process->has_readiness)
    {
      sqlite3_bind_int (stmt, 5, process->clarity);
      sqlite3_bind_int (stmt, 6, process->access);
      sqlite3_bind_int (stmt, 7, process->scope);
    }
  if (process->has_alternative)
    {
      bind_double (stmt, 8, process->alt_build_cost);
      bind_double (stmt, 9, process->alt_build_weeks);
    }
}

static gboolean
insert_process (LoStore         *self,
                gint64           client,
                const LoProcess *process,
                gint64           position,
                GError         **error)
{
  LoStmt *stmt = NULL;

  if (position < 0)
    stmt = prepare (self,
      "INSERT INTO process (client, name, start_year, start_month, clarity, access, scope,"
      " alt_build_cost, alt_build_weeks, sid, position)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
      " (SELECT coalesce (max (position), -1) + 1 FROM process WHERE client = ?1))", error);
  else
    stmt = prepare (self,
      "INSERT INTO process (client, name, start_year, start_month, clarity, access, scope,"
      " alt_build_cost, alt_build_weeks, sid, position)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client);
  bind_process_columns (stmt, process);
  bind_text (stmt, 10, process->id);
  if (position >= 0)
    sqlite3_bind_int64 (stmt, 11, position);
  if (!run (self, stmt, error))
    {
      if (g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
        {
          g_autofree char *label = client_label (self, client);
          g_clear_error (error);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS,
                       _("%s: there is already a process “%s”"), label, process->id);
        }
      else
        g_prefix_error (error, "%s: ", process->id);
      return FALSE;
    }
  return insert_process_rows (self, sqlite3_last_insert_rowid (self->db), process, error);
}

static gboolean
write_settings (LoStore          *self,
                gint64            client,
                const LoSettings *settings,
                GError          **error)
{
  LoStmt *stmt = prepare (self,
    "UPDATE client SET horizon_months = ?2, discount_rate = ?3, currency = ?4,"
    " hours_per_week = ?5, realisation_rate = ?6, modified = ?7"
    " WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client);
  sqlite3_bind_int (stmt, 2, settings->horizon_months);
  bind_double (stmt, 3, settings->discount_rate);
  bind_text (stmt, 4, settings->currency != NULL ? settings->currency : "USD");
  bind_double (stmt, 5, settings->hours_per_week);
  bind_double (stmt, 6, settings->realisation_rate);
  sqlite3_bind_int64 (stmt, 7, now ());
  if (!run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return check_client (self, client, error);
  return TRUE;
}

static gboolean
write_custom_order (LoStore  *self,
                    gint64    client,
                    gboolean  custom,
                    GError  **error)
{
  LoStmt *stmt = prepare (self,
    "UPDATE client SET custom_order = ?2 WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client);
  sqlite3_bind_int (stmt, 2, custom ? 1 : 0);
  if (!run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return check_client (self, client, error);
  return TRUE;
}

static gint64
insert_client (LoStore    *self,
               const char *name,
               GError    **error)
{
  LoStmt *stmt = prepare (self,
    "INSERT INTO client (name, created, modified) VALUES (?1, ?2, ?2)", error);
  LoSettings defaults;
  gint64 client;
  gboolean ok;

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, now ());
  if (!run (self, stmt, error))
    {
      if (g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
        {
          g_clear_error (error);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS,
                       _("A client named “%s” already exists"), name);
        }
      return 0;
    }
  client = sqlite3_last_insert_rowid (self->db);

  /* the defaults come from the model, not from the schema */
  lo_settings_init_defaults (&defaults);
  ok = write_settings (self, client, &defaults, error);
  lo_settings_clear (&defaults);
  return ok ? client : 0;
}

/* Opening */

static gboolean
take_lock (LoStore *self,
           GError **error)
{
  g_autofree char *lock_path = g_strconcat (self->path, ".lock", NULL);
  int saved;

  self->lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    {
      saved = errno;
      if (saved == EACCES || saved == EPERM || saved == EROFS)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                     _("%s: the folder is read-only, so the database cannot be opened for changes"),
                     self->path);
      else if (saved == ENOSPC)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FULL,
                     _("%s: the disk is full; the database cannot be opened"), self->path);
      else if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                     _("%s: the folder does not exist"), self->path);
      else
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                     "%s: %s", lock_path, g_strerror (saved));
      return FALSE;
    }

  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) < 0)
    {
      saved = errno;
      if (saved == EWOULDBLOCK)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED,
                     _("%s: the database is open in another Lights Out window or command; close that first"),
                     self->path);
      else
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                     "%s: %s", lock_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Creates the file with mode 0600 before SQLite sees it (SQLite would use
 * 0644 and give its -wal and -shm files the same mode). */
static gboolean
create_file (LoStore *self,
             GError **error)
{
  int fd;
  int saved;

  fd = open (self->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (saved == EEXIST)
    {
      if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                       _("%s: not a file"), self->path);
          return FALSE;
        }
      return TRUE;
    }
  if (saved == EACCES || saved == EPERM || saved == EROFS)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                 _("%s: the folder is read-only, so the database cannot be created"), self->path);
  else if (saved == ENOSPC)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FULL,
                 _("%s: the disk is full; the database cannot be created"), self->path);
  else
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                 "%s: %s", self->path, g_strerror (saved));
  return FALSE;
}

static gboolean
open_db (LoStore *self,
         int      flags,
         GError **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    return store_error (self, rc, error);

  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                   _("%s: the file is read-only, so the database cannot be opened for changes"),
                   self->path);
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);
  return exec_script (self,
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA trusted_schema = OFF;",
                      error);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* SQLite's quick_check of the whole file (pages, records, indexes). */
static gboolean
check_integrity (LoStore *self,
                 GError **error)
{
  g_autofree char *check = NULL;

  if (!query_text (self, "PRAGMA quick_check", &check, error))
    return FALSE;
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT,
                   _("%s: the database is damaged (%s); it was left untouched — restore a backup"),
                   self->path, check != NULL ? check : "?");
      return FALSE;
    }
  return TRUE;
}

/* Reads (never writes) what the file is: returns its user_version. */
static gboolean
check_file (LoStore *self,
            guint   *version,
            GError **error)
{
  gint64 application_id, user_version, n_objects;
  guint known = lo_store_schema_version ();

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if ((application_id != LO_STORE_APPLICATION_ID && (application_id != 0 || n_objects > 0)) ||
      (application_id == LO_STORE_APPLICATION_ID && user_version <= 0))
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT,
                   _("%s: this is not a Lights Out database; it was left untouched"), self->path);
      return FALSE;
    }

  if (user_version > known)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NEWER,
                   _("%s: the database was written by a newer version of Lights Out (schema %d; this version knows up to %u); it was left untouched — update Lights Out to open it"),
                   self->path, (int) user_version, known);
      return FALSE;
    }

  /* Checking reads every page: a few ms for a workshop's database, a
   * noticeable pause at every start for one of many years' clients. */
  if ((user_version < known || file_size (self->path) <= CHECK_ON_OPEN_BYTES)
      && !check_integrity (self, error))
    return FALSE;

  *version = user_version;
  return TRUE;
}

static gboolean
migrate (LoStore *self,
         guint    from,
         GError **error)
{
  guint known = lo_store_schema_version ();

  for (guint v = from + 1; v <= known; v++)
    {
      g_autofree char *sql = lo_store_migration_sql (v);
      g_autofree char *bump = NULL;
      gboolean ok;

      if (sql == NULL)
        {
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
                       _("%s: migration %u is missing from the program"), self->path, v);
          return FALSE;
        }
      if (!begin (self, error))
        return FALSE;
      /* PRAGMA takes no parameters; v is a number we made */
      bump = g_strdup_printf ("PRAGMA user_version = %u;", v);
      ok = exec_script (self, sql, error) && exec_script (self, bump, error);
      if (ok && v == 1)
        ok = exec_script (self, "PRAGMA application_id = " G_STRINGIFY (LO_STORE_APPLICATION_ID) ";", error);
      if (!ok || !commit (self, error))
        {
          rollback (self);
          g_prefix_error (error, _("Updating the database to schema %u: "), v);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
purge_deleted (LoStore *self,
               GError **error)
{
  LoStmt *stmt = prepare (self,
    "DELETE FROM client WHERE deleted_at IS NOT NULL AND deleted_at < ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now () - LO_STORE_PURGE_AFTER_SECONDS);
  return run (self, stmt, error);
}

/* SQLite says only "unable to open database file" when it cannot create the
 * -wal or -shm file beside the database: find out whether the folder is
 * read-only and say so. */
static void
explain_cannot_open (LoStore *self,
                     GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *probe = NULL;
  int fd;
  int saved;

  if (error == NULL || *error == NULL ||
      !g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN))
    return;

  dir = g_path_get_dirname (self->path);
  probe = g_build_filename (dir, ".lightsout-probe-XXXXXX", NULL);
  fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      g_unlink (probe);
      return;
    }
  saved = errno;
  if (saved == EACCES || saved == EPERM || saved == EROFS)
    {
      g_clear_error (error);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                   _("%s: the folder is read-only, so the database cannot be opened for changes"),
                   self->path);
    }
  else if (saved == ENOSPC)
    {
      g_clear_error (error);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FULL,
                   _("%s: the disk is full; the database cannot be opened"), self->path);
    }
}

static LoStore *
store_new (const char *path,
           gboolean    read_only)
{
  LoStore *self = g_object_new (LO_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->read_only = read_only;
  return self;
}

/* GObject */

static void
lo_store_finalize (GObject *object)
{
  LoStore *self = LO_STORE (object);

  g_hash_table_remove_all (self->stmts);
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_hash_table_unref (self->stmts);
  g_hash_table_unref (self->shipped_banks);
  g_free (self->path);

  G_OBJECT_CLASS (lo_store_parent_class)->finalize (object);
}

static void
lo_store_class_init (LoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lo_store_finalize;

  /**
   * LoStore::changed:
   * @client: the client that changed (its row id)
   * @what: a #LoStoreChange
   *
   * Emitted after a change has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
}

static void
bank_unref0 (gpointer bank)
{
  if (bank != NULL)
    lo_bank_unref (bank);
}

static void
lo_store_init (LoStore *self)
{
  self->lock_fd = -1;
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) sqlite3_finalize);
  self->shipped_banks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               bank_unref0);
}

/* Private API */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GStrv
migration_names (void)
{
  GStrv names = g_resource_enumerate_children (lo_store_get_resource (), MIGRATIONS_PATH,
                                               G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return g_new0 (char *, 1);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

guint
lo_store_schema_version (void)
{
  g_auto(GStrv) names = migration_names ();
  return g_strv_length (names);
}

char *
lo_store_migration_sql (guint version)
{
  g_auto(GStrv) names = migration_names ();
  g_autofree char *prefix = g_strdup_printf ("%03u-", version);
  g_autofree char *resource = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (version == 0 || version > g_strv_length (names) ||
      !g_str_has_prefix (names[version - 1], prefix))
    return NULL;
  resource = g_strconcat (MIGRATIONS_PATH "/", names[version - 1], NULL);
  bytes = g_resource_lookup_data (lo_store_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

sqlite3 *
lo_store_get_db (LoStore *self)
{
  g_return_val_if_fail (LO_IS_STORE (self), NULL);
  return self->db;
}

/* Public API: opening */

char *
lo_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lightsout", "lightsout.db", NULL);
}

LoStore *
lo_store_open (const char *path,
               GError    **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(LoStore) self = NULL;
  guint version = 0;

  if (path == NULL)
    {
      g_autofree char *dir = NULL;

      path = default_path = lo_store_default_path ();
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) < 0)
        {
          int saved = errno;
          g_set_error (error, LO_STORE_ERROR,
                       (saved == EACCES || saved == EPERM || saved == EROFS)
                         ? LO_STORE_ERROR_READ_ONLY : LO_STORE_ERROR_OPEN,
                       "%s: %s", dir, g_strerror (saved));
          return NULL;
        }
    }

  self = store_new (path, FALSE);
  if (!take_lock (self, error) || !create_file (self, error))
    return NULL;
  if (!open_db (self, SQLITE_OPEN_READWRITE, error) ||
      !check_file (self, &version, error))
    {
      explain_cannot_open (self, error);
      return NULL;
    }

  /* Only now is the file known to be ours: WAL writes the header. */
  {
    g_autofree char *mode = NULL;

    if (!query_text (self, "PRAGMA journal_mode = WAL", &mode, error))
      return NULL;
    if (g_strcmp0 (mode, "wal") != 0)
      {
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
                     _("%s: the database cannot use write-ahead logging (journal mode %s)"),
                     self->path, mode != NULL ? mode : "?");
        return NULL;
      }
  }
  /* FULL: a commit is on the disk (one fdatasync of the log) before the
   * call returns; NORMAL would be faster but may lose the last answers of a
   * workshop when the power goes. */
  if (!exec_script (self, "PRAGMA synchronous = FULL;", error) ||
      !migrate (self, version, error) ||
      !purge_deleted (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

LoStore *
lo_store_open_read_only (const char *path,
                         GError    **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(LoStore) self = NULL;
  guint version = 0;

  if (path == NULL)
    path = default_path = lo_store_default_path ();

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                   _("%s: there is no database there"), path);
      return NULL;
    }

  self = store_new (path, TRUE);
  if (!open_db (self, SQLITE_OPEN_READONLY, error) ||
      !check_file (self, &version, error) ||
      !exec_script (self, "PRAGMA query_only = ON;", error))
    return NULL;

  if (version < lo_store_schema_version ())
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                   _("%s: the database needs updating, which needs it open for changes; close the other Lights Out window or command and try again"),
                   path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
lo_store_get_path (LoStore *self)
{
  g_return_val_if_fail (LO_IS_STORE (self), NULL);
  return self->path;
}

gboolean
lo_store_is_read_only (LoStore *self)
{
  g_return_val_if_fail (LO_IS_STORE (self), TRUE);
  return self->read_only;
}

/* Clients */

typedef struct
{
  char         *key;
  LoClientInfo *info;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  if (c != 0)
    return c;
  return x->info->id < y->info->id ? -1 : x->info->id > y->info->id;
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  if (normal == NULL)
    return g_ascii_strdown (text, -1);
  return g_utf8_casefold (normal, -1);
}

static gboolean
matches (const char *needle,
         const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = fold (text);
  return strstr (folded, needle) != NULL;
}

GPtrArray *
lo_store_list_clients (LoStore    *self,
                       const char *search,
                       GError    **error)
{
  g_autoptr(LoStmt) stmt = NULL;
  g_autofree char *needle = NULL;
  g_autoptr(GArray) items = NULL;
  GPtrArray *result;
  gboolean row;

  g_return_val_if_fail (LO_IS_STORE (self), NULL);

  stmt = prepare (self,
    "SELECT c.id, c.name, c.industry, c.modified,"
    " (SELECT count(*) FROM assessment a WHERE a.client = c.id),"
    " (SELECT max (date) FROM assessment a WHERE a.client = c.id)"
    " FROM client c WHERE c.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;

  if (search != NULL && *search != '\0')
    needle = fold (search);

  items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  for (;;)
    {
      const char *name, *industry;
      SortItem item;

      if (!step (self, stmt, &row, error))
        {
          for (guint i = 0; i < items->len; i++)
            {
              g_free (g_array_index (items, SortItem, i).key);
              lo_client_info_free (g_array_index (items, SortItem, i).info);
            }
          return NULL;
        }
      if (!row)
        break;

      name = (const char *) sqlite3_column_text (stmt, 1);
      industry = (const char *) sqlite3_column_text (stmt, 2);
      if (needle != NULL && !matches (needle, name) && !matches (needle, industry))
        continue;

      item.info = g_new0 (LoClientInfo, 1);
      item.info->id = sqlite3_column_int64 (stmt, 0);
      item.info->name = g_strdup (name);
      item.info->industry = g_strdup (industry);
      item.info->modified = sqlite3_column_int64 (stmt, 3);
      item.info->n_assessments = sqlite3_column_int (stmt, 4);
      item.info->latest_date = column_text (stmt, 5);
      {
        /* case never decides the order, even in the C locale */
        g_autofree char *folded = fold (name);
        item.key = g_utf8_collate_key (folded, -1);
      }
      g_array_append_val (items, item);
    }

  g_array_sort (items, compare_items);
  result = g_ptr_array_new_full (items->len, (GDestroyNotify) lo_client_info_free);
  for (guint i = 0; i < items->len; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);
      g_ptr_array_add (result, item->info);
      g_free (item->key);
    }
  return result;
}

gint64
lo_store_find_client (LoStore    *self,
                      const char *name,
                      GError    **error)
{
  gint64 id;

  g_return_val_if_fail (LO_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!find_live_client (self, name, &id, error))
    return 0;
  return id;
}

gint64
lo_store_create_client (LoStore    *self,
                        const char *name,
                        GError    **error)
{
  gint64 client;

  g_return_val_if_fail (LO_IS_STORE (self), 0);

  if (!check_name (name, error) || !begin (self, error))
    return 0;
  client = insert_client (self, name, error);
  if (!finish (self, client != 0, client, LO_STORE_CHANGE_CLIENTS, error))
    return 0;
  return client;
}

gboolean
lo_store_rename_client (LoStore    *self,
                        gint64      client,
                        const char *name,
                        GError    **error)
{
  LoStmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!check_name (name, error) || !begin (self, error))
    return FALSE;
  ok = check_client (self, client, error) &&
       (stmt = prepare (self, "UPDATE client SET name = ?2, modified = ?3 WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, client);
      bind_text (stmt, 2, name);
      sqlite3_bind_int64 (stmt, 3, now ());
      ok = run (self, stmt, error);
      if (!ok && g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
        {
          g_clear_error (error);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS,
                       _("A client named “%s” already exists"), name);
        }
    }
  return finish (self, ok, client, LO_STORE_CHANGE_CLIENTS, error);
}

gboolean
lo_store_delete_client (LoStore  *self,
                        gint64    client,
                        gint64   *undo_token,
                        GError  **error)
{
  LoStmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (undo_token != NULL)
    *undo_token = 0;
  if (!begin (self, error))
    return FALSE;
  ok = check_client (self, client, error) &&
       (stmt = prepare (self, "UPDATE client SET deleted_at = ?2 WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, client);
      sqlite3_bind_int64 (stmt, 2, now ());
      ok = run (self, stmt, error);
    }
  if (!finish (self, ok, client, LO_STORE_CHANGE_CLIENTS, error))
    return FALSE;
  /* the client's row id: its rows stay untouched until purged */
  if (undo_token != NULL)
    *undo_token = client;
  return TRUE;
}

gboolean
lo_store_undo_delete (LoStore  *self,
                      gint64    undo_token,
                      GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *free_name = NULL;
  gboolean ok = TRUE;
  gboolean row;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;

  {
    g_autoptr(LoStmt) select = prepare (self,
      "SELECT name FROM client WHERE id = ?1 AND deleted_at IS NOT NULL", error);

    ok = select != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (select, 1, undo_token);
        ok = step (self, select, &row, error);
      }
    if (ok && !row)
      {
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                     _("There is no deleted client to restore (it was restored already or purged)"));
        ok = FALSE;
      }
    if (ok)
      name = column_text (select, 0);
  }

  /* a client created meanwhile may have taken the name */
  if (ok)
    ok = (free_name = unique_name (self, name, error)) != NULL;
  if (ok)
    {
      LoStmt *stmt = prepare (self, "UPDATE client SET deleted_at = NULL, name = ?2 WHERE id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, undo_token);
          bind_text (stmt, 2, free_name);
          ok = run (self, stmt, error);
        }
    }
  return finish (self, ok, undo_token, LO_STORE_CHANGE_CLIENTS, error);
}

/* Whole engagements */

static gboolean
load_respondents (LoStore      *self,
                  gint64        row,
                  LoAssessment *assessment,
                  GError      **error)
{
  g_autoptr(LoStmt) stmt = prepare (self,
    "SELECT id, sid, name, role FROM respondent WHERE assessment = ?1 ORDER BY position", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  while (step (self, stmt, &has_row, error) && has_row)
    {
      LoRespondent *respondent;
      g_autoptr(LoStmt) answers = NULL;
      gboolean has_answer;

      respondent = lo_assessment_add_respondent (assessment,
                                                 (const char *) sqlite3_column_text (stmt, 1),
                                                 (const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3));
      answers = prepare (self,
        "SELECT question, value FROM answer WHERE respondent = ?1 ORDER BY position", error);
      if (answers == NULL)
        return FALSE;
      sqlite3_bind_int64 (answers, 1, sqlite3_column_int64 (stmt, 0));
      while (step (self, answers, &has_answer, error) && has_answer)
        {
          LoAnswer answer = { column_text (answers, 0), sqlite3_column_int (answers, 1) };
          g_array_append_val (respondent->answers, answer);
        }
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  {
    g_autoptr(LoStmt) targets = prepare (self,
      "SELECT dimension, level FROM target WHERE assessment = ?1 ORDER BY position", error);

    if (targets == NULL)
      return FALSE;
    sqlite3_bind_int64 (targets, 1, row);
    while (step (self, targets, &has_row, error) && has_row)
      {
        LoTarget target = { column_text (targets, 0), sqlite3_column_int (targets, 1) };
        g_array_append_val (assessment->targets, target);
      }
  }
  return error == NULL || *error == NULL;
}

static gboolean
load_process_rows (LoStore   *self,
                   gint64     row,
                   LoProcess *process,
                   GError   **error)
{
  g_autoptr(LoStmt) inputs = prepare (self,
    "SELECT input, is_set, value, low, high FROM process_input WHERE process = ?1 ORDER BY position", error);
  g_autoptr(LoStmt) actuals = NULL;
  gboolean has_row;

  if (inputs == NULL)
    return FALSE;
  sqlite3_bind_int64 (inputs, 1, row);
  while (step (self, inputs, &has_row, error) && has_row)
    {
      LoInputId id;
      LoInput *input;

      /* an input this version does not know cannot be in its own schema */
      if (!lo_input_from_name ((const char *) sqlite3_column_text (inputs, 0), &id))
        continue;
      input = &process->inputs[id];
      input->set = sqlite3_column_int (inputs, 1) != 0;
      input->value = sqlite3_column_double (inputs, 2);
      input->ranged = sqlite3_column_type (inputs, 3) != SQLITE_NULL;
      if (input->ranged)
        {
          input->low = column_double (inputs, 3);
          input->high = column_double (inputs, 4);
        }
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  actuals = prepare (self,
    "SELECT year, month, items, hours, errors, run_cost FROM actual WHERE process = ?1 ORDER BY position", error);
  if (actuals == NULL)
    return FALSE;
  sqlite3_bind_int64 (actuals, 1, row);
  while (step (self, actuals, &has_row, error) && has_row)
    {
      LoActual actual = {
        sqlite3_column_int (actuals, 0), sqlite3_column_int (actuals, 1),
        column_double (actuals, 2), column_double (actuals, 3),
        column_double (actuals, 4), column_double (actuals, 5),
      };
      g_array_append_val (process->actuals, actual);
    }
  return error == NULL || *error == NULL;
}

static LoEngagement *
load_engagement (LoStore *self,
                 gint64   client,
                 GError **error)
{
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean row;

  stmt = prepare (self,
    "SELECT name, industry, horizon_months, discount_rate, currency, hours_per_week,"
    " realisation_rate, custom_order FROM client WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client);
  if (!step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      check_client (self, client, error);
      return NULL;
    }
  engagement = lo_engagement_new ((const char *) sqlite3_column_text (stmt, 0));
  engagement->client_industry = column_text (stmt, 1);
  engagement->settings.horizon_months = sqlite3_column_int (stmt, 2);
  engagement->settings.discount_rate = sqlite3_column_double (stmt, 3);
  g_free (engagement->settings.currency);
  engagement->settings.currency = column_text (stmt, 4);
  engagement->settings.hours_per_week = sqlite3_column_double (stmt, 5);
  engagement->settings.realisation_rate = sqlite3_column_double (stmt, 6);
  engagement->custom_order = sqlite3_column_int (stmt, 7) != 0;
  g_clear_pointer (&stmt, stmt_release);

  stmt = prepare (self,
    "SELECT id, sid, date, bank, bank_edition FROM assessment WHERE client = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client);
  while (step (self, stmt, &row, &local_error) && row)
    {
      LoAssessment *assessment = lo_assessment_new ((const char *) sqlite3_column_text (stmt, 1),
                                                    (const char *) sqlite3_column_text (stmt, 2),
                                                    (const char *) sqlite3_column_text (stmt, 3));
      assessment->bank_edition = (guint) sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (engagement->assessments, assessment);
      if (!load_respondents (self, sqlite3_column_int64 (stmt, 0), assessment, &local_error))
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_pointer (&stmt, stmt_release);

  stmt = prepare (self,
    "SELECT id, sid, name, start_year, start_month, clarity, access, scope,"
    " alt_build_cost, alt_build_weeks FROM process WHERE client = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client);
  while (step (self, stmt, &row, &local_error) && row)
    {
      LoProcess *process = lo_process_new ((const char *) sqlite3_column_text (stmt, 1),
                                           (const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (engagement->processes, process);
      process->has_start = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      if (process->has_start)
        {
          process->start_year = sqlite3_column_int (stmt, 3);
          process->start_month = sqlite3_column_int (stmt, 4);
        }
      process->has_readiness = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      if (process->has_readiness)
        {
          process->clarity = sqlite3_column_int (stmt, 5);
          process->access = sqlite3_column_int (stmt, 6);
          process->scope = sqlite3_column_int (stmt, 7);
        }
      process->has_alternative = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
      if (process->has_alternative)
        {
          process->alt_build_cost = column_double (stmt, 8);
          process->alt_build_weeks = column_double (stmt, 9);
        }
      if (!load_process_rows (self, sqlite3_column_int64 (stmt, 0), process, &local_error))
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&engagement);
}

LoEngagement *
lo_store_load_engagement (LoStore  *self,
                          gint64    client,
                          GError  **error)
{
  LoEngagement *engagement;
  LoStmt *stmt = NULL;

  g_return_val_if_fail (LO_IS_STORE (self), NULL);

  /* one read transaction: a consistent snapshot */
  if (!begin_read (self, error))
    return NULL;
  engagement = load_engagement (self, client, error);
  stmt = prepare (self, "COMMIT", NULL);
  if (stmt != NULL)
    run (self, stmt, NULL);
  rollback (self);
  return engagement;
}

/* The import in one transaction, without telling anyone: the caller emits
 * ::changed on the thread the store belongs to.  @cancellable is looked at
 * between assessments and processes; cancelled, nothing is written. */
static gint64
import_engagement (LoStore            *self,
                   const LoEngagement *engagement,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autofree char *name = NULL;
  gint64 client = 0;
  gboolean ok;

  if (!begin (self, error))
    return 0;

  name = unique_name (self,
                      engagement->client_name != NULL && *engagement->client_name != '\0'
                        ? engagement->client_name : _("Unnamed client"),
                      error);
  ok = name != NULL && (client = insert_client (self, name, error)) != 0;
  if (ok && engagement->client_industry != NULL)
    {
      LoStmt *stmt = prepare (self, "UPDATE client SET industry = ?2 WHERE id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, client);
          bind_text (stmt, 2, engagement->client_industry);
          ok = run (self, stmt, error);
        }
    }
  ok = ok && write_settings (self, client, &engagement->settings, error);
  if (ok && engagement->custom_order)
    ok = write_custom_order (self, client, TRUE, error);
  for (guint i = 0; ok && i < engagement->assessments->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
         && insert_assessment (self, client, g_ptr_array_index (engagement->assessments, i), i, error);
  for (guint i = 0; ok && i < engagement->processes->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
         && insert_process (self, client, g_ptr_array_index (engagement->processes, i), i, error);
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);

  if (!ok || !commit (self, error))
    {
      rollback (self);
      return 0;
    }
  return client;
}

gint64
lo_store_import_engagement (LoStore            *self,
                            const LoEngagement *engagement,
                            GError            **error)
{
  gint64 client;

  g_return_val_if_fail (LO_IS_STORE (self), 0);
  g_return_val_if_fail (engagement != NULL, 0);

  client = import_engagement (self, engagement, NULL, error);
  if (client != 0)
    g_signal_emit (self, signals[CHANGED], 0, client, (int) LO_STORE_CHANGE_CLIENTS);
  return client;
}

/* Importing off the main thread */

typedef struct
{
  char         *db_path;
  LoEngagement *engagement;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  lo_engagement_unref (job->engagement);
  g_free (job);
}

/* Runs in a worker thread, through a connection of its own: the store's
 * connection belongs to the thread that opened it.  This process holds the
 * writers' lock already (the store took it), so the connection takes no
 * lock of its own; SQLite lets one of the two write at a time and the
 * other wait (busy timeout). */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(LoStore) writer = store_new (job->db_path, FALSE);
  GError *error = NULL;
  gint64 client = 0;

  if (open_db (writer, SQLITE_OPEN_READWRITE, &error)
      && exec_script (writer, "PRAGMA synchronous = FULL;", &error))
    client = import_engagement (writer, job->engagement, cancellable, &error);
  if (client == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, client);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LoStore *self = LO_STORE (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  gint64 client = g_task_propagate_int (G_TASK (result), &error);

  self->importing--;
  if (error != NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  /* Back on the store's own thread: now the windows may hear of it. */
  g_signal_emit (self, signals[CHANGED], 0, client, (int) LO_STORE_CHANGE_CLIENTS);
  g_task_return_int (outer, client);
}

void
lo_store_import_engagement_async (LoStore             *self,
                                  LoEngagement        *engagement,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  ImportJob *job;

  g_return_if_fail (LO_IS_STORE (self));
  g_return_if_fail (engagement != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, lo_store_import_engagement_async);
  /* What the thread did is the answer: a cancellation after the commit
   * still reports the client imported. */
  g_task_set_check_cancellable (outer, FALSE);
  if (self->read_only)
    {
      g_task_return_new_error (outer, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                               _("%s: the database is open for reading only; nothing was changed"),
                               self->path);
      g_object_unref (outer);
      return;
    }
  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (self->path);
  job->engagement = lo_engagement_ref (engagement);
  self->importing++;
  inner = g_task_new (self, cancellable, import_done, outer);
  g_task_set_name (inner, "lo-store-import");
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (inner, import_thread);
}

gint64
lo_store_import_engagement_finish (LoStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  gint64 client;

  g_return_val_if_fail (LO_IS_STORE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lo_store_import_engagement_async, 0);

  client = g_task_propagate_int (G_TASK (result), error);
  /* 0 on error, as lo_store_import_engagement() (GTask says -1). */
  return client > 0 ? client : 0;
}

gboolean
lo_store_set_settings (LoStore          *self,
                       gint64            client,
                       const LoSettings *settings,
                       GError          **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  return finish (self, write_settings (self, client, settings, error),
                 client, LO_STORE_CHANGE_SETTINGS, error);
}

gboolean
lo_store_set_industry (LoStore    *self,
                       gint64      client,
                       const char *industry,
                       GError    **error)
{
  LoStmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = check_client (self, client, error) &&
       (stmt = prepare (self, "UPDATE client SET industry = ?2, modified = ?3 WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, client);
      bind_text (stmt, 2, industry);
      sqlite3_bind_int64 (stmt, 3, now ());
      ok = run (self, stmt, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_CLIENTS, error);
}

/* Assessments */

gboolean
lo_store_add_assessment (LoStore            *self,
                         gint64              client,
                         const LoAssessment *assessment,
                         GError            **error)
{
  g_autoptr(LoStmt) stmt = NULL;
  gboolean ok;
  gint64 position = 0;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL && assessment->id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = check_client (self, client, error) &&
       (stmt = prepare (self,
          "SELECT coalesce (max (position), -1) + 1 FROM assessment WHERE client = ?1", error)) != NULL;
  if (ok)
    {
      gboolean row;

      sqlite3_bind_int64 (stmt, 1, client);
      ok = step (self, stmt, &row, error);
      position = ok && row ? sqlite3_column_int64 (stmt, 0) : 0;
      g_clear_pointer (&stmt, stmt_release);
    }
  ok = ok && insert_assessment (self, client, assessment, position, error) &&
       touch (self, client, error);
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_remove_assessment (LoStore    *self,
                            gint64      client,
                            const char *assessment,
                            GError    **error)
{
  LoStmt *stmt = NULL;
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = (row = lookup_assessment (self, client, assessment, error)) != 0 &&
       (stmt = prepare (self, "DELETE FROM assessment WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      ok = run (self, stmt, error) && touch (self, client, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_add_respondent (LoStore    *self,
                         gint64      client,
                         const char *assessment,
                         const char *respondent,
                         const char *name,
                         const char *role,
                         GError    **error)
{
  LoStmt *stmt = NULL;
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (respondent != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = (row = lookup_assessment (self, client, assessment, error)) != 0 &&
       (stmt = prepare (self,
          "INSERT INTO respondent (assessment, sid, name, role, position) VALUES (?1, ?2, ?3, ?4,"
          " (SELECT coalesce (max (position), -1) + 1 FROM respondent WHERE assessment = ?1))",
          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, respondent);
      bind_text (stmt, 3, name);
      bind_text (stmt, 4, role);
      ok = run (self, stmt, error);
      if (!ok && g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
        {
          g_clear_error (error);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS,
                       _("Assessment “%s” already has a respondent “%s”"), assessment, respondent);
        }
      ok = ok && touch (self, client, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_rename_respondent (LoStore    *self,
                            gint64      client,
                            const char *assessment,
                            const char *respondent,
                            const char *name,
                            const char *role,
                            GError    **error)
{
  LoStmt *stmt = NULL;
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = (row = lookup_respondent (self, client, assessment, respondent, error)) != 0 &&
       (stmt = prepare (self, "UPDATE respondent SET name = ?2, role = ?3 WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, role);
      ok = run (self, stmt, error) && touch (self, client, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_remove_respondent (LoStore    *self,
                            gint64      client,
                            const char *assessment,
                            const char *respondent,
                            GError    **error)
{
  LoStmt *stmt = NULL;
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = (row = lookup_respondent (self, client, assessment, respondent, error)) != 0 &&
       (stmt = prepare (self, "DELETE FROM respondent WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      ok = run (self, stmt, error) && touch (self, client, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_set_answer (LoStore    *self,
                     gint64      client,
                     const char *assessment,
                     const char *respondent,
                     const char *question,
                     int         value,
                     GError    **error)
{
  LoStmt *stmt = NULL;
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (!check_answer_value (value, error) || !begin (self, error))
    return FALSE;
  ok = (row = lookup_respondent (self, client, assessment, respondent, error)) != 0 &&
       (stmt = prepare (self,
          "INSERT INTO answer (respondent, question, value, position) VALUES (?1, ?2, ?3,"
          " (SELECT coalesce (max (position), -1) + 1 FROM answer WHERE respondent = ?1))"
          " ON CONFLICT (respondent, question) DO UPDATE SET value = excluded.value",
          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, question);
      sqlite3_bind_int (stmt, 3, value);
      ok = run (self, stmt, error) && touch (self, client, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_clear_answer (LoStore    *self,
                       gint64      client,
                       const char *assessment,
                       const char *respondent,
                       const char *question,
                       GError    **error)
{
  LoStmt *stmt = NULL;
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = (row = lookup_respondent (self, client, assessment, respondent, error)) != 0 &&
       (stmt = prepare (self, "DELETE FROM answer WHERE respondent = ?1 AND question = ?2", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, question);
      ok = run (self, stmt, error) && touch (self, client, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_set_target (LoStore    *self,
                     gint64      client,
                     const char *assessment,
                     const char *dimension,
                     int         level,
                     GError    **error)
{
  LoStmt *stmt = NULL;
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (dimension != NULL, FALSE);

  if (level < 0 || level > LO_LEVEL_MAX)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                   _("%s: %d is not a target level (1 to 5, or 0 for none)"), dimension, level);
      return FALSE;
    }
  if (!begin (self, error))
    return FALSE;
  ok = (row = lookup_assessment (self, client, assessment, error)) != 0;
  if (ok && level == 0)
    ok = (stmt = prepare (self, "DELETE FROM target WHERE assessment = ?1 AND dimension = ?2", error)) != NULL;
  else if (ok)
    ok = (stmt = prepare (self,
            "INSERT INTO target (assessment, dimension, level, position) VALUES (?1, ?2, ?3,"
            " (SELECT coalesce (max (position), -1) + 1 FROM target WHERE assessment = ?1))"
            " ON CONFLICT (assessment, dimension) DO UPDATE SET level = excluded.level",
            error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      bind_text (stmt, 2, dimension);
      if (level != 0)
        sqlite3_bind_int (stmt, 3, level);
      ok = run (self, stmt, error) && touch (self, client, error);
    }
  return finish (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

/* Processes */

gboolean
lo_store_put_process (LoStore         *self,
                      gint64           client,
                      const LoProcess *process,
                      GError         **error)
{
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (process != NULL && process->id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = check_client (self, client, error) &&
       lookup_process (self, client, process->id, &row, error);
  if (ok && row == 0)
    ok = insert_process (self, client, process, -1, error);
  else if (ok)
    {
      LoStmt *stmt = prepare (self,
        "UPDATE process SET name = ?2, start_year = ?3, start_month = ?4, clarity = ?5,"
        " access = ?6, scope = ?7, alt_build_cost = ?8, alt_build_weeks = ?9 WHERE id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, row);
          bind_process_columns (stmt, process);
          ok = run (self, stmt, error);
        }
      if (ok)
        ok = (stmt = prepare (self, "DELETE FROM process_input WHERE process = ?1", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, row);
          ok = run (self, stmt, error);
        }
      if (ok)
        ok = (stmt = prepare (self, "DELETE FROM actual WHERE process = ?1", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, row);
          ok = run (self, stmt, error);
        }
      ok = ok && insert_process_rows (self, row, process, error);
    }
  ok = ok && touch (self, client, error);
  return finish (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}

gboolean
lo_store_remove_process (LoStore    *self,
                         gint64      client,
                         const char *process,
                         GError    **error)
{
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = check_client (self, client, error) &&
       lookup_process (self, client, process, &row, error);
  if (ok && row == 0)
    {
      g_autofree char *label = client_label (self, client);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("%s: there is no process “%s”"), label, process);
      ok = FALSE;
    }
  if (ok)
    {
      LoStmt *stmt = prepare (self, "DELETE FROM process WHERE id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, row);
          ok = run (self, stmt, error) && touch (self, client, error);
        }
    }
  return finish (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}

/* Inside a transaction: the listed processes first, then the others. */
static gboolean
write_process_order (LoStore            *self,
                     gint64              client,
                     const char * const *ids,
                     GError            **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  ok = check_client (self, client, error);
  if (ok)
    {
      g_autoptr(LoStmt) stmt = prepare (self,
        "SELECT sid FROM process WHERE client = ?1 ORDER BY position", error);
      gboolean row;

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, client);
          while ((ok = step (self, stmt, &row, error)) && row)
            g_ptr_array_add (existing, column_text (stmt, 0));
        }
    }

  /* the listed ids first, then the others in their old order */
  for (guint i = 0; ok && ids[i] != NULL; i++)
    {
      guint index;

      if (g_ptr_array_find_with_equal_func (order, ids[i], g_str_equal, NULL))
        {
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                       _("Process “%s” is listed twice in the new order"), ids[i]);
          ok = FALSE;
        }
      else if (!g_ptr_array_find_with_equal_func (existing, ids[i], g_str_equal, &index))
        {
          g_autofree char *label = client_label (self, client);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                       _("%s: there is no process “%s”"), label, ids[i]);
          ok = FALSE;
        }
      else
        g_ptr_array_add (order, g_strdup (ids[i]));
    }
  for (guint i = 0; ok && i < existing->len; i++)
    if (!g_ptr_array_find_with_equal_func (order, existing->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (order, g_strdup (existing->pdata[i]));

  for (guint i = 0; ok && i < order->len; i++)
    {
      LoStmt *stmt = prepare (self, "UPDATE process SET position = ?3 WHERE client = ?1 AND sid = ?2", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, client);
          bind_text (stmt, 2, order->pdata[i]);
          sqlite3_bind_int64 (stmt, 3, i);
          ok = run (self, stmt, error);
        }
    }
  return ok;
}

gboolean
lo_store_set_process_order (LoStore            *self,
                            gint64              client,
                            const char * const *ids,
                            GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = write_process_order (self, client, ids, error)
       && touch (self, client, error);
  return finish (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}

gboolean
lo_store_set_build_order (LoStore            *self,
                          gint64              client,
                          const char * const *ids,
                          gboolean            custom,
                          GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  /* one transaction: the order and what it means are never out of step */
  ok = (ids == NULL || write_process_order (self, client, ids, error))
       && write_custom_order (self, client, custom, error)
       && touch (self, client, error);
  return finish (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}

/* Question banks */

gboolean
lo_store_put_bank (LoStore      *self,
                   const LoBank *bank,
                   GError      **error)
{
  LoStmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (bank != NULL && bank->id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  ok = put_bank_row (self, bank, TRUE, error);
  /* assessments taken with a bank that was not known until now use this copy */
  if (ok)
    ok = (stmt = prepare (self,
            "UPDATE assessment SET bank_version = ?2 WHERE bank = ?1 AND bank_version IS NULL"
            " AND bank_edition IN (1, ?2)",
            error)) != NULL;
  if (ok)
    {
      bind_text (stmt, 1, bank->id);
      sqlite3_bind_int64 (stmt, 2, bank->version);
      ok = run (self, stmt, error);
    }
  if (!ok || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

static LoBank *
get_bank (LoStore    *self,
          const char *id,
          guint       version,
          GError    **error)
{
  g_autoptr(LoStmt) stmt = prepare (self,
    "SELECT xml, version FROM bank WHERE sid = ?1 AND (?2 = 0 OR version = ?2)"
    " ORDER BY version DESC LIMIT 1", error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gboolean row;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      if (version == 0)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                     _("%s: no question bank “%s” is kept in the database"), self->path, id);
      else
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                     _("%s: question bank “%s” version %u is not kept in the database"),
                     self->path, id, version);
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  name = g_strdup_printf ("%s (%s, version %u)", self->path, id, (guint) sqlite3_column_int (stmt, 1));
  return lo_bank_read_bytes (bytes, name, error);
}

LoBank *
lo_store_get_bank (LoStore    *self,
                   const char *id,
                   guint       version,
                   GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return get_bank (self, id, version, error);
}

LoBank *
lo_store_get_assessment_bank (LoStore    *self,
                              gint64      client,
                              const char *assessment,
                              GError    **error)
{
  g_autoptr(LoStmt) stmt = NULL;
  g_autofree char *bank = NULL;
  gint64 version = 0;
  gint64 edition = 1;
  gint64 row = 0;
  const LoBank *shipped;
  gboolean has_row;

  g_return_val_if_fail (LO_IS_STORE (self), NULL);

  row = lookup_assessment (self, client, assessment, error);
  if (row == 0)
    return NULL;
  stmt = prepare (self, "SELECT bank, bank_version, bank_edition FROM assessment WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row);
  if (!step (self, stmt, &has_row, error) || !has_row)
    return NULL;
  bank = column_text (stmt, 0);
  version = sqlite3_column_int64 (stmt, 1);
  edition = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, stmt_release);

  if (version == 0 && edition == 1 && !newest_kept_version (self, bank, &version, error))
    return NULL;

  /* the shipped copy of the same edition reads the same and is translated */
  shipped = shipped_bank (self, bank, version > 0 ? (guint) version : (guint) edition);
  if (shipped != NULL)
    return lo_bank_ref ((LoBank *) shipped);
  if (version > 0)
    return get_bank (self, bank, version, error);

  if (edition > 1)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                 _("Assessment “%s” was taken with edition %u of question bank “%s”, which is neither shipped nor kept in the database; supply it with --bank"),
                 assessment, (guint) edition, bank);
  else
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                 _("Assessment “%s” was taken with question bank “%s”, which is neither shipped nor kept in the database; supply it with --bank"),
                 assessment, bank);
  return NULL;
}

/* Backups */

static char *
backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* "lightsout" for lightsout.db */
static char *
backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static gboolean
is_backup_name (const char *stem,
                const char *name)
{
  /* stem-YYYY-MM-DD.db */
  gsize n = strlen (stem);

  if (strncmp (name, stem, n) != 0 || name[n] != '-')
    return FALSE;
  name += n + 1;
  if (strlen (name) != 13 || !g_str_has_suffix (name, ".db"))
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? name[i] != '-' : !g_ascii_isdigit (name[i]))
      return FALSE;
  return TRUE;
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  return -strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_backups (const char *db_path)
{
  g_autofree char *dir = backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return paths;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (is_backup_name (stem, name))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_desc);
  return paths;
}

/* Copies @src's main database into a new file @path (mode 0600). */
static gboolean
copy_database (sqlite3    *src,
               const char *path,
               GError    **error)
{
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_unlink (path);
  fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, LO_STORE_ERROR,
                   saved == ENOSPC ? LO_STORE_ERROR_FULL
                   : (saved == EACCES || saved == EPERM || saved == EROFS) ? LO_STORE_ERROR_READ_ONLY
                   : LO_STORE_ERROR_OPEN,
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dst, "main", src, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      if (rc == SQLITE_OK)
        rc = sqlite3_errcode (dst);
      /* a backup stands alone: no -wal beside it */
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (path, dst, rc, error);
      sqlite3_close (dst);
      g_unlink (path);
      return FALSE;
    }
  rc = sqlite3_close (dst);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (path, NULL, rc, error);
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

/* <dir>/backups/<stem>-@date.db for the database at @db_path (transfer full) */
static char *
backup_target (const char *db_path,
               const char *date)
{
  g_autofree char *dir = backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autofree char *name = g_strdup_printf ("%s-%s.db", stem, date);

  return g_build_filename (dir, name, NULL);
}

/* Writes @target, a copy of @src (a connection to @db_path), whole or not
 * at all: into "<target>.part", renamed once complete; then keeps the last
 * LO_STORE_BACKUPS_KEPT. A cancellation seen before the rename removes the
 * partial copy. */
static gboolean
write_backup (const char   *db_path,
              sqlite3      *src,
              const char   *target,
              GCancellable *cancellable,
              GError      **error)
{
  g_autofree char *dir = backup_dir (db_path);
  g_autofree char *partial = g_strconcat (target, ".part", NULL);
  g_autoptr(GPtrArray) backups = NULL;

  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      int saved = errno;
      g_set_error (error, LO_STORE_ERROR,
                   (saved == EACCES || saved == EPERM || saved == EROFS)
                     ? LO_STORE_ERROR_READ_ONLY : LO_STORE_ERROR_OPEN,
                   _("%s: cannot make the backup folder (%s)"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!copy_database (src, partial, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, target) < 0)
    {
      int saved = errno;
      g_unlink (partial);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
                   "%s: %s", target, g_strerror (saved));
      return FALSE;
    }

  backups = list_backups (db_path);
  for (guint i = LO_STORE_BACKUPS_KEPT; i < backups->len; i++)
    g_unlink (backups->pdata[i]);
  return TRUE;
}

/* One backup at a time in this process, so that one started in a thread
 * and another asked for meanwhile do not write the same ".part" file: the
 * second then finds the day's backup made. */
static GMutex backup_mutex;

gboolean
lo_store_backup_for_date (LoStore    *self,
                          const char *date,
                          GError    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  target = backup_target (self->path, date);
  locker = g_mutex_locker_new (&backup_mutex);
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;
  /* A damaged file is not backed up: it would push a sound backup out. */
  if (!check_integrity (self, error))
    return FALSE;
  return write_backup (self->path, self->db, target, NULL, error);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
lo_store_backup_if_due (LoStore  *self,
                        GError  **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  date = today ();
  return lo_store_backup_for_date (self, date, error);
}

/* Backups off the main thread */

typedef struct
{
  char *db_path;
  char *date;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->db_path);
  g_free (job->date);
  g_free (job);
}

/* Runs in a worker thread: never touches the store's own connection, which
 * belongs to the main thread. It reads through a connection of its own,
 * opened read-only: in WAL mode a reader sees the last commit beside the
 * writer, even while the writer holds a write transaction, and it neither
 * takes nor needs the writers' flock on "<db>.lock" (store_new() with
 * read_only opens no lock file). SQLite shares one set of POSIX locks per
 * file among the connections of a process, so opening and closing this
 * one leaves the store's locks alone. */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autofree char *target = backup_target (job->db_path, job->date);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&backup_mutex);
  g_autoptr(LoStore) reader = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  reader = store_new (job->db_path, TRUE);
  if (!open_db (reader, SQLITE_OPEN_READONLY, &error)
      || !check_integrity (reader, &error)
      || !write_backup (job->db_path, reader->db, target, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
lo_store_backup_if_due_async (LoStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (LO_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (BackupJob, 1);
  job->db_path = g_strdup (self->path);
  /* The day it was asked on, as the synchronous call has it. */
  job->date = today ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lo_store_backup_if_due_async);
  g_task_set_name (task, "lo-store-backup");
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  /* The thread says itself whether the backup was made: a cancellation
   * that comes after the rename leaves a complete backup, reported so. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
lo_store_backup_if_due_finish (LoStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lo_store_backup_if_due_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GPtrArray *
lo_store_list_backups (LoStore *self)
{
  g_return_val_if_fail (LO_IS_STORE (self), NULL);
  return list_backups (self->path);
}

GPtrArray *
lo_store_list_backups_of (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return list_backups (db_path);
}

gboolean
lo_store_restore_backup (const char *db_path,
                         const char *backup_path,
                         GError    **error)
{
  g_autoptr(LoStore) lock = NULL;
  g_autoptr(LoStore) source = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GDateTime) stamp = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, FALSE);

  /* nobody may have the database open while it is replaced */
  lock = store_new (db_path, FALSE);
  if (!take_lock (lock, error))
    return FALSE;

  /* the backup must itself be a sound database this version can open */
  source = lo_store_open_read_only (backup_path, error);
  if (source != NULL && !check_integrity (source, error))
    g_clear_object (&source);
  if (source == NULL)
    {
      g_prefix_error (error, _("The backup cannot be restored: "));
      return FALSE;
    }

  partial = g_strconcat (db_path, ".restoring", NULL);
  if (!copy_database (source->db, partial, error))
    return FALSE;

  /* the current file and its log are kept aside, never overwritten */
  stamp = g_date_time_new_now_local ();
  suffix = g_date_time_format (stamp, "%Y%m%d-%H%M%S");
  aside = g_strdup_printf ("%s.before-restore-%s", db_path, suffix);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      if (g_rename (db_path, aside) < 0)
        {
          int saved = errno;
          g_unlink (partial);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
                       "%s: %s", db_path, g_strerror (saved));
          return FALSE;
        }
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);
          g_rename (wal, wal_aside);
        }
      g_unlink (shm);
    }
  if (g_rename (partial, db_path) < 0)
    {
      int saved = errno;
      g_rename (aside, db_path);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
                   "%s: %s", db_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
