/* lo-store.c: the local database (sqlite3): the object, opening and checks
 *
 * Safety rules, in order of importance:
 * - a file we cannot vouch for (damaged, foreign, newer schema) is never
 *   written to: every check on open only reads, and WAL mode (which writes
 *   the header) is switched on after them;
 * - one writer: an exclusive flock on the database file itself, held from
 *   before the connection opens until after it closes, so that every path
 *   to the file (hard links, symlinks) takes the one lock;
 * - every change is one IMMEDIATE transaction committed before the call
 *   returns (WAL, synchronous=FULL), then ::changed is emitted
 *   (lo-store-stmt.c);
 * - schema changes are SQL files in the GResource, each applied with its
 *   PRAGMA user_version bump in one transaction (lo-store-migrate.c).
 *
 * The rest of the store is split by what it keeps: lo-store-clients.c,
 * -assessments.c, -processes.c, -banks.c, -load.c (whole engagements out),
 * -import.c (whole engagements in) and -backup.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lo-io.h"
#include "lo-limits.h"
#include "lo-store-private.h"

#define BUSY_TIMEOUT_MS 2000
/* Up to this size (~30 ms of checking) every open checks the whole file;
 * a larger one is checked before it is migrated, backed up or restored,
 * and before the first change through the connection (lo_store_begin):
 * a damaged file is never written to. */
#define CHECK_ON_OPEN_BYTES (8 << 20)

G_DEFINE_FINAL_TYPE (LoStore, lo_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (lo-store-error-quark, lo_store_error)
G_DEFINE_ENUM_TYPE (LoStoreChange, lo_store_change,
                    G_DEFINE_ENUM_VALUE (LO_STORE_CHANGE_CLIENTS, "clients"),
                    G_DEFINE_ENUM_VALUE (LO_STORE_CHANGE_ASSESSMENT, "assessment"),
                    G_DEFINE_ENUM_VALUE (LO_STORE_CHANGE_PROCESSES, "processes"),
                    G_DEFINE_ENUM_VALUE (LO_STORE_CHANGE_SETTINGS, "settings"))

enum
{
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

void
lo_store_set_sqlite_error (const char *path,
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

gboolean
lo_store_fail (LoStore *self,
               int      rc,
               GError **error)
{
  lo_store_set_sqlite_error (self->path, self->db, rc, error);
  return FALSE;
}

LoStoreError
lo_store_errno_code (int          saved_errno,
                     LoStoreError otherwise)
{
  switch (saved_errno)
    {
    case ENOSPC:
      return LO_STORE_ERROR_FULL;
    case EACCES:
    case EPERM:
    case EROFS:
      return LO_STORE_ERROR_READ_ONLY;
    default:
      return otherwise;
    }
}

gboolean
lo_store_check_limit (const char  *subject,
                      const char  *input,
                      const char  *value,
                      gboolean     text,
                      GError     **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  ok = text ? lo_limit_check_text (subject, input, value, &local)
            : lo_limit_check_name (subject, input, value, &local);
  if (!ok)
    g_set_error_literal (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, local->message);
  return ok;
}

void
lo_store_explain_exists (GError    **error,
                         const char *format,
                         ...)
{
  va_list args;

  if (error == NULL || !g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
    return;
  g_free ((*error)->message);
  va_start (args, format);
  (*error)->message = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Opening */

LoStore *
lo_store_new_unopened (const char *path,
                       gboolean    read_only)
{
  return g_object_new (LO_TYPE_STORE, "path", path, "read-only", read_only, NULL);
}

/* The error for a file the store could not make beside the database (the
 * database itself when @creating, else its lock or a probe) when the cause
 * is a read-only folder or a full disk; FALSE, and nothing set, for any
 * other cause. */
static gboolean
set_folder_error (LoStore  *self,
                  int       saved,
                  gboolean  creating,
                  GError  **error)
{
  switch (lo_store_errno_code (saved, LO_STORE_ERROR_OPEN))
    {
    case LO_STORE_ERROR_READ_ONLY:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                   creating
                     ? _("%s: the folder is read-only, so the database cannot be created")
                     : _("%s: the folder is read-only, so the database cannot be opened for changes"),
                   self->path);
      return TRUE;
    case LO_STORE_ERROR_FULL:
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FULL,
                   creating
                     ? _("%s: the disk is full; the database cannot be created")
                     : _("%s: the disk is full; the database cannot be opened"),
                   self->path);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The error for a database file that cannot be opened to lock it: @saved
 * is its errno. */
static void
set_lock_open_error (LoStore *self,
                     int      saved,
                     gboolean create,
                     GError **error)
{
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);

  if (exists && lo_store_errno_code (saved, LO_STORE_ERROR_OPEN) == LO_STORE_ERROR_READ_ONLY)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                 _("%s: the file is read-only, so the database cannot be opened for changes"),
                 self->path);
  else if (set_folder_error (self, saved, create && !exists, error))
    return;
  else if (saved == ENOENT || saved == ENOTDIR)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                 create ? _("%s: the folder does not exist") : _("%s: there is no database there"),
                 self->path);
  else if (saved == EISDIR)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN, _("%s: not a file"), self->path);
  else
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                 "%s: %s", self->path, g_strerror (saved));
}

/* Opens the database file (made with mode 0600 when @create: SQLite would
 * use 0644 and give its -wal and -shm files the same mode) and flocks it.
 * Returns the descriptor; -1 with an error; or -2 when, by the time the
 * lock is held, the path names another file (a restore put one in its
 * place): then try again. */
static int
lock_file_once (LoStore *self,
                gboolean create,
                GError **error)
{
  struct stat held, named;
  int fd;
  int saved;

  fd = open (self->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
  if (fd < 0)
    {
      set_lock_open_error (self, errno, create, error);
      return -1;
    }
  if (fstat (fd, &held) < 0 || !S_ISREG (held.st_mode))
    {
      close (fd);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN, _("%s: not a file"), self->path);
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) < 0)
    {
      saved = errno;
      close (fd);
      if (saved == EWOULDBLOCK)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED,
                     _("%s: the database is open in another Lights Out window or command; close that first"),
                     self->path);
      else
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                     "%s: %s", self->path, g_strerror (saved));
      return -1;
    }
  if (stat (self->path, &named) < 0 || named.st_dev != held.st_dev || named.st_ino != held.st_ino)
    {
      close (fd);
      return -2;
    }
  return fd;
}

/* The writers' lock is an exclusive flock on the database file itself, so
 * that every path to one file (hard links, symlinks) takes the same lock.
 * flock locks are apart from SQLite's POSIX locks, and the descriptor
 * stays open until after the connection is closed, so closing it never
 * drops SQLite's locks (closing any descriptor of a file drops all the
 * process's POSIX locks on it). */
gboolean
lo_store_take_lock (LoStore *self,
                    gboolean create,
                    GError **error)
{
  for (guint attempt = 0; attempt < 16; attempt++)
    {
      self->lock_fd = lock_file_once (self, create, error);
      if (self->lock_fd != -2)
        return self->lock_fd >= 0;
    }
  self->lock_fd = -1;
  g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED,
               _("%s: the database keeps being replaced by another Lights Out command; try again"),
               self->path);
  return FALSE;
}

/* Opens the connection to @filename: self->path, or a URI for it when
 * @flags has SQLITE_OPEN_URI. */
static gboolean
open_db_named (LoStore    *self,
               const char *filename,
               int         flags,
               GError    **error)
{
  int rc;

  rc = sqlite3_open_v2 (filename, &self->db,
                        flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    return lo_store_fail (self, rc, error);

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
  return lo_store_exec_script (self,
                               "PRAGMA foreign_keys = ON;"
                               "PRAGMA trusted_schema = OFF;",
                               error);
}

gboolean
lo_store_open_db (LoStore *self,
                  int      flags,
                  GError **error)
{
  return open_db_named (self, self->path, flags, error);
}

/* Whether SQLite can make the -shm file a reader of a database in WAL
 * mode needs beside it. */
static gboolean
folder_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return access (dir, W_OK) == 0;
}

/* A database on read-only media (a CD, a read-only mount, a folder we may
 * not write to): SQLite cannot make the -shm file a reader of a database
 * in WAL mode needs, so it is opened "immutable": read without locks or
 * a log. Nothing can change it there, and a database Lights Out closed
 * has no log left beside it. */
static gboolean
open_immutable (LoStore *self,
                GError **error)
{
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = NULL;

  if (file_uri == NULL)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                   _("%s: cannot open the database on read-only media"), self->path);
      return FALSE;
    }
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  return open_db_named (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* What quick_check says first, in one line: it reports every problem in
 * one text, after a heading. */
static char *
first_problem (const char *check,
               guint      *n_more)
{
  g_auto(GStrv) lines = NULL;
  guint first = 0;
  guint n;

  if (check == NULL)
    {
      *n_more = 0;
      return g_strdup ("?");
    }
  lines = g_strsplit (check, "\n", -1);
  while (lines[first] != NULL && (g_str_has_prefix (lines[first], "***") || *lines[first] == '\0'))
    first++;
  if (lines[first] == NULL)
    first = 0;
  n = 0;
  for (guint i = first + 1; lines[i] != NULL; i++)
    n += *lines[i] != '\0' && !g_str_has_prefix (lines[i], "***");
  *n_more = n;
  return g_strdup (lines[first] != NULL ? lines[first] : "?");
}

gboolean
lo_store_check_integrity (LoStore *self,
                          GError **error)
{
  g_autofree char *check = NULL;
  g_autofree char *problem = NULL;
  guint n_more;

  if (!lo_store_pragma_text (self, "PRAGMA quick_check", &check, error))
    return FALSE;
  if (g_strcmp0 (check, "ok") != 0)
    {
      problem = first_problem (check, &n_more);
      if (n_more > 0)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s: the database is damaged (%s, and %u more problem); it was left untouched — restore a backup (“lightsout restore --db %s” lists them)",
                                  "%s: the database is damaged (%s, and %u more problems); it was left untouched — restore a backup (“lightsout restore --db %s” lists them)",
                                  n_more),
                     self->path, problem, n_more, self->path);
      else
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT,
                     _("%s: the database is damaged (%s); it was left untouched — restore a backup (“lightsout restore --db %s” lists them)"),
                     self->path, problem, self->path);
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

  if (!lo_store_pragma_int (self, "PRAGMA application_id", &application_id, error) ||
      !lo_store_pragma_int (self, "PRAGMA user_version", &user_version, error) ||
      !lo_store_pragma_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
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
  if (user_version < known || file_size (self->path) <= CHECK_ON_OPEN_BYTES)
    {
      if (!lo_store_check_integrity (self, error))
        return FALSE;
      self->checked = TRUE;
    }

  *version = user_version;
  return TRUE;
}

/* Only once the file is known to be ours: WAL writes the header, so a
 * file not in WAL mode yet (a restored backup) is checked whole first,
 * however large. */
static gboolean
use_wal (LoStore *self,
         GError **error)
{
  g_autofree char *mode = NULL;

  if (!lo_store_pragma_text (self, "PRAGMA journal_mode", &mode, error))
    return FALSE;
  if (g_strcmp0 (mode, "wal") == 0)
    return TRUE;
  if (!self->checked && !lo_store_check_integrity (self, error))
    return FALSE;
  self->checked = TRUE;
  g_clear_pointer (&mode, g_free);
  if (!lo_store_pragma_text (self, "PRAGMA journal_mode = WAL", &mode, error))
    return FALSE;
  if (g_strcmp0 (mode, "wal") == 0)
    return TRUE;
  g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
               _("%s: the database cannot use write-ahead logging (journal mode %s)"),
               self->path, mode != NULL ? mode : "?");
  return FALSE;
}

/* Only once the whole file is known sound: it writes. */
static gboolean
purge_deleted (LoStore *self,
               GError **error)
{
  return lo_store_exec (self, error,
                        "DELETE FROM client WHERE deleted_at IS NOT NULL AND deleted_at < ?1", "x",
                        lo_store_now () - LO_STORE_PURGE_AFTER_SECONDS);
}

gboolean
lo_store_ensure_checked (LoStore *self,
                         GError **error)
{
  if (self->checked)
    return TRUE;
  if (!lo_store_check_integrity (self, error))
    return FALSE;
  self->checked = TRUE;
  /* the purge the open left for after the check */
  return self->read_only || purge_deleted (self, error);
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
  if (lo_store_errno_code (saved, LO_STORE_ERROR_OPEN) != LO_STORE_ERROR_OPEN)
    {
      g_clear_error (error);
      set_folder_error (self, saved, FALSE, error);
    }
}

/* The default path's folder, made when missing. */
static gboolean
make_default_dir (const char *path,
                  GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      int saved = errno;
      g_set_error (error, LO_STORE_ERROR, lo_store_errno_code (saved, LO_STORE_ERROR_OPEN),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
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
lo_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LoStore *self = LO_STORE (object);

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
lo_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LoStore *self = LO_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_store_class_init (LoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lo_store_finalize;
  object_class->get_property = lo_store_get_property;
  object_class->set_property = lo_store_set_property;

  /**
   * LoStore:path:
   *
   * The database file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LoStore:read-only:
   *
   * Whether the database is open for reading only: every change then fails
   * with %LO_STORE_ERROR_READ_ONLY.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LoStore::changed:
   * @client: the client that changed (its row id), 0 for the client list
   * @what: a #LoStoreChange
   *
   * Emitted after a change has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_INT64, LO_TYPE_STORE_CHANGE);
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

void
lo_store_emit_changed (LoStore      *self,
                       gint64        client,
                       LoStoreChange what)
{
  g_signal_emit (self, signals[CHANGED], 0, client, what);
}

sqlite3 *
lo_store_get_db (LoStore *self)
{
  g_return_val_if_fail (LO_IS_STORE (self), NULL);
  return self->db;
}

/* Public API */

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
      path = default_path = lo_store_default_path ();
      if (!make_default_dir (path, error))
        return NULL;
    }

  self = lo_store_new_unopened (path, FALSE);
  if (!lo_store_take_lock (self, TRUE, error))
    return NULL;
  if (!lo_store_open_db (self, SQLITE_OPEN_READWRITE, error) ||
      !check_file (self, &version, error))
    {
      explain_cannot_open (self, error);
      return NULL;
    }

  /* FULL: a commit is on the disk (one fdatasync of the log) before the
   * call returns; NORMAL would be faster but may lose the last answers of a
   * workshop when the power goes. */
  if (!use_wal (self, error) ||
      !lo_store_exec_script (self, "PRAGMA synchronous = FULL;", error) ||
      !lo_store_migrate (self, version, error) ||
      (self->checked && !purge_deleted (self, error)))
    return NULL;

  return g_steal_pointer (&self);
}

LoStore *
lo_store_open_read_only (const char *path,
                         GError    **error)
{
  g_autofree char *default_path = path == NULL ? lo_store_default_path () : NULL;
  g_autoptr(LoStore) self = NULL;
  g_autoptr(GError) local = NULL;
  guint version = 0;

  path = path != NULL ? path : default_path;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                   _("%s: there is no database there"), path);
      return NULL;
    }

  self = lo_store_new_unopened (path, TRUE);
  if (!lo_store_open_db (self, SQLITE_OPEN_READONLY, &local) ||
      !check_file (self, &version, &local))
    {
      /* on read-only media: again, immutable */
      if ((!g_error_matches (local, LO_STORE_ERROR, LO_STORE_ERROR_OPEN) &&
           !g_error_matches (local, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY)) ||
          folder_is_writable (path))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_clear_error (&local);
      g_hash_table_remove_all (self->stmts);
      sqlite3_close (self->db);
      self->db = NULL;
      self->checked = FALSE;
      if (!open_immutable (self, error) || !check_file (self, &version, error))
        return NULL;
    }
  if (!lo_store_exec_script (self, "PRAGMA query_only = ON;", error))
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

gboolean
lo_store_check (LoStore *self,
                GError **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  return lo_store_ensure_checked (self, error);
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
