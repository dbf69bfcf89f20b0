/* lo-store-stmt.c: statements and transactions
 *
 * Every statement the store runs more than once is prepared once and kept
 * (SQLITE_PREPARE_PERSISTENT) in the store's table, keyed by its SQL text;
 * the helpers below prepare, bind by a string of types, step and release
 * it, so that a call of the store reads as its SQL and its arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"

gint64
lo_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Kept statements */

void
lo_stmt_release (LoStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

LoStmt *
lo_stmt_prepare (LoStore    *self,
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
      lo_store_fail (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

void
lo_stmt_bind_text (LoStmt     *stmt,
                   int         index,
                   const char *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

void
lo_stmt_bind_double (LoStmt *stmt,
                     int     index,
                     double  value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

void
lo_stmt_bind_valist (LoStmt     *stmt,
                     int         first,
                     const char *types,
                     va_list     args)
{
  for (int i = 0; types[i] != '\0'; i++)
    {
      int index = first + i;

      switch (types[i])
        {
        case 'x':
          sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
          break;
        case 'i':
          sqlite3_bind_int (stmt, index, va_arg (args, int));
          break;
        case 's':
          lo_stmt_bind_text (stmt, index, va_arg (args, const char *));
          break;
        case 'd':
          lo_stmt_bind_double (stmt, index, va_arg (args, double));
          break;
        case '-':
          break;
        default:
          g_critical ("lo_stmt_bind: unknown parameter type '%c' in \"%s\"", types[i], types);
          return;
        }
    }
}

void
lo_stmt_bind (LoStmt     *stmt,
              const char *types,
              ...)
{
  va_list args;

  va_start (args, types);
  lo_stmt_bind_valist (stmt, 1, types, args);
  va_end (args);
}

gboolean
lo_stmt_step (LoStore  *self,
              LoStmt   *stmt,
              gboolean *row,
              GError  **error)
{
  int rc = sqlite3_step (stmt);

  *row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  return lo_store_fail (self, rc, error);
}

gboolean
lo_stmt_step_done (LoStore *self,
                   LoStmt  *stmt,
                   GError **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok = rc == SQLITE_DONE || rc == SQLITE_ROW;

  if (!ok)
    lo_store_fail (self, rc, error);
  lo_stmt_release (stmt);
  return ok;
}

char *
lo_stmt_text (LoStmt *stmt,
              int     column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

double
lo_stmt_double (LoStmt *stmt,
                int     column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

/* A kept statement for @sql with the arguments bound, NULL on error. */
static LoStmt *
prepare_valist (LoStore    *self,
                const char *sql,
                GError    **error,
                const char *types,
                va_list     args)
{
  LoStmt *stmt = lo_stmt_prepare (self, sql, error);

  if (stmt != NULL)
    lo_stmt_bind_valist (stmt, 1, types, args);
  return stmt;
}

gboolean
lo_store_exec (LoStore    *self,
               GError    **error,
               const char *sql,
               const char *types,
               ...)
{
  LoStmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = prepare_valist (self, sql, error, types, args);
  va_end (args);
  return stmt != NULL && lo_stmt_step_done (self, stmt, error);
}

gboolean
lo_store_query_int (LoStore    *self,
                    gint64     *out,
                    GError    **error,
                    const char *sql,
                    const char *types,
                    ...)
{
  g_autoptr(LoStmt) stmt = NULL;
  gboolean row;
  va_list args;

  *out = 0;
  va_start (args, types);
  stmt = prepare_valist (self, sql, error, types, args);
  va_end (args);
  if (stmt == NULL || !lo_stmt_step (self, stmt, &row, error))
    return FALSE;
  if (row)
    *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
lo_store_each_row (LoStore    *self,
                   GError    **error,
                   LoRowFunc   func,
                   gpointer    data,
                   const char *sql,
                   const char *types,
                   ...)
{
  g_autoptr(LoStmt) stmt = NULL;
  gboolean row;
  va_list args;

  va_start (args, types);
  stmt = prepare_valist (self, sql, error, types, args);
  va_end (args);
  if (stmt == NULL)
    return FALSE;
  while (lo_stmt_step (self, stmt, &row, error))
    {
      if (!row)
        return TRUE;
      if (!func (self, stmt, data, error))
        return FALSE;
    }
  return FALSE;
}

/* Statements that are not kept */

gboolean
lo_store_exec_script (LoStore    *self,
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
        return lo_store_fail (self, rc, error);
      if (stmt != NULL)
        {
          do
            rc = sqlite3_step (stmt);
          while (rc == SQLITE_ROW);
          if (rc != SQLITE_DONE)
            return lo_store_fail (self, rc, error);
        }
      tail = next;
    }
  return TRUE;
}

gboolean
lo_store_pragma_text (LoStore    *self,
                      const char *sql,
                      char      **out,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return lo_store_fail (self, rc, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return lo_store_fail (self, rc, error);
  *out = rc == SQLITE_ROW ? lo_stmt_text (stmt, 0) : NULL;
  return TRUE;
}

gboolean
lo_store_pragma_int (LoStore    *self,
                     const char *sql,
                     gint64     *out,
                     GError    **error)
{
  g_autofree char *text = NULL;

  if (!lo_store_pragma_text (self, sql, &text, error))
    return FALSE;
  *out = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
  return TRUE;
}

/* Transactions */

gboolean
lo_store_begin (LoStore *self,
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
  /* A damaged file is never written to: a large one was not checked whole
   * when it was opened. */
  if (!lo_store_ensure_checked (self, error))
    return FALSE;
  stmt = lo_stmt_prepare (self, "BEGIN IMMEDIATE", error);
  return stmt != NULL && lo_stmt_step_done (self, stmt, error);
}

gboolean
lo_store_begin_read (LoStore *self,
                     GError **error)
{
  return lo_store_exec (self, error, "BEGIN", "");
}

void
lo_store_rollback (LoStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    lo_store_exec (self, NULL, "ROLLBACK", "");
}

gboolean
lo_store_commit (LoStore  *self,
                 gboolean  ok,
                 GError  **error)
{
  LoStmt *stmt = ok ? lo_stmt_prepare (self, "COMMIT", error) : NULL;
  GError *local = NULL;

  if (stmt == NULL)
    {
      lo_store_rollback (self);
      return FALSE;
    }
  if (!lo_stmt_step_done (self, stmt, &local))
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
      lo_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
touch (LoStore *self,
       gint64   client,
       GError **error)
{
  return lo_store_exec (self, error, "UPDATE client SET modified = ?2 WHERE id = ?1", "xx",
                        client, lo_store_now ());
}

gboolean
lo_store_end (LoStore      *self,
              gboolean      ok,
              gint64        client,
              LoStoreChange what,
              GError      **error)
{
  if (ok && (what == LO_STORE_CHANGE_ASSESSMENT || what == LO_STORE_CHANGE_PROCESSES))
    ok = touch (self, client, error);
  if (!lo_store_commit (self, ok, error))
    return FALSE;
  lo_store_emit_changed (self, client, what);
  return TRUE;
}
