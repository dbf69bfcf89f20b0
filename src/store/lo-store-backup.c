/* lo-store-backup.c: daily backups beside the database, and restoring one
 *
 * The last LO_STORE_BACKUPS_KEPT days are kept in "backups/" beside the
 * database as "<file name>-YYYY-MM-DD.db" (lightsout.db-2026-01-31.db: the
 * whole name, so that clients.db and clients.sqlite in one folder never
 * share one), each made whole by the online backup API into a ".part" file
 * that is renamed once complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lo-store-private.h"

static char *
backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* "lightsout" for lightsout.db: what backups were named after before they
 * were named after the whole file name */
static char *
old_backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* The date of "<prefix>-YYYY-MM-DD.db", or NULL when @name is not that. */
static const char *
backup_date (const char *prefix,
             const char *name)
{
  gsize n = strlen (prefix);

  if (strncmp (name, prefix, n) != 0 || name[n] != '-')
    return NULL;
  name += n + 1;
  if (strlen (name) != 13 || !g_str_has_suffix (name, ".db"))
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? name[i] != '-' : !g_ascii_isdigit (name[i]))
      return NULL;
  return name;
}

/* Backups made before they were named after the whole file name were
 * "<stem>-DATE.db" ("lightsout-2026-01-01.db" for lightsout.db), which
 * clients.db and clients.sqlite in one folder shared. Such a backup
 * provably belongs to the database at @db_path only when no other file
 * in its folder has the same stem and an extension ("<stem>.<ext>"):
 * then no other database there can have made it. */
static gboolean
owns_old_backups (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *stem = old_backup_stem (db_path);
  g_autoptr(GDir) handle = NULL;
  gsize n = strlen (stem);
  const char *name;

  if (g_str_equal (stem, base))
    return FALSE;   /* no extension: the old name is the new one */
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return FALSE;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (strncmp (name, stem, n) == 0 && name[n] == '.' && !g_str_equal (name, base) &&
        strchr (name + n + 1, '.') == NULL && strchr (name + n + 1, '-') == NULL)
      return FALSE;
  return TRUE;
}

typedef struct
{
  char       *path;
  const char *date;   /* in path */
} Backup;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Backup *x = *(Backup * const *) a;
  const Backup *y = *(Backup * const *) b;
  int by_date = strcmp (y->date, x->date);

  return by_date != 0 ? by_date : strcmp (y->path, x->path);
}

static void
backup_free (gpointer data)
{
  Backup *backup = data;

  g_free (backup->path);
  g_free (backup);
}

/* The database's own backups, "<file name>-YYYY-MM-DD.db", and the old
 * "<stem>-YYYY-MM-DD.db" ones that provably are its own; newest first. */
static GPtrArray *
list_backups (const char *db_path)
{
  g_autofree char *dir = backup_dir (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *stem = old_backup_stem (db_path);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (backup_free);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  gboolean old_too = handle != NULL && owns_old_backups (db_path);
  const char *name;

  if (handle == NULL)
    return paths;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      const char *date = backup_date (base, name);

      if (date == NULL && old_too)
        date = backup_date (stem, name);
      if (date != NULL)
        {
          Backup *backup = g_new (Backup, 1);

          backup->path = g_build_filename (dir, name, NULL);
          backup->date = backup->path + strlen (backup->path) - 13;
          g_ptr_array_add (found, backup);
        }
    }
  g_ptr_array_sort (found, compare_newest_first);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, g_steal_pointer (&((Backup *) found->pdata[i])->path));
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
                   lo_store_errno_code (saved, LO_STORE_ERROR_OPEN),
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
      lo_store_set_sqlite_error (path, dst, rc, error);
      sqlite3_close (dst);
      g_unlink (path);
      return FALSE;
    }
  rc = sqlite3_close (dst);
  if (rc != SQLITE_OK)
    {
      lo_store_set_sqlite_error (path, NULL, rc, error);
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

/* <dir>/backups/<file name>-@date.db for the database at @db_path (transfer full) */
static char *
backup_target (const char *db_path,
               const char *date)
{
  g_autofree char *dir = backup_dir (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *name = g_strdup_printf ("%s-%s.db", base, date);

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
                   lo_store_errno_code (saved, LO_STORE_ERROR_OPEN),
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
  /* A damaged file is not backed up: it would push a sound backup out.
   * (Checked even when the open did: the file is the backup's source.) */
  if (self->checked ? !lo_store_check_integrity (self, error)
                    : !lo_store_ensure_checked (self, error))
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

/* Runs in a worker thread: never touches the store's own connection, which
 * belongs to the main thread. It reads through a connection of its own,
 * opened read-only: in WAL mode a reader sees the last commit beside the
 * writer, even while the writer holds a write transaction, and it neither
 * takes nor needs the writers' flock on the file (lo_store_new_unopened() with
 * read_only opens no lock file). SQLite shares one set of POSIX locks per
 * file among the connections of a process, so opening and closing this
 * one leaves the store's locks alone. */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  /* the path is construct-only: the same on every thread */
  const char *db_path = LO_STORE (source_object)->path;
  const char *target = task_data;
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
  reader = lo_store_new_unopened (db_path, TRUE);
  if (!lo_store_open_db (reader, SQLITE_OPEN_READONLY, &error)
      || !lo_store_check_integrity (reader, &error)
      || !write_backup (db_path, reader->db, target, cancellable, &error))
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
  g_autofree char *date = NULL;

  g_return_if_fail (LO_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The day it was asked on, as the synchronous call has it. */
  date = today ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lo_store_backup_if_due_async);
  g_task_set_name (task, "lo-store-backup");
  g_task_set_task_data (task, backup_target (self->path, date), g_free);
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

/* Links @from at a free name "<base>", "<base>-2", "<base>-3" … (link()
 * never replaces a file, so two restores in one second keep both copies);
 * returns the name taken, NULL with errno set on failure. */
static char *
link_at_free_name (const char *from,
                   const char *base)
{
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (link (from, name) == 0)
        return g_steal_pointer (&name);
      if (errno != EEXIST)
        return NULL;
    }
  errno = EEXIST;
  return NULL;
}

static gboolean
set_errno_error (const char *path,
                 int         saved,
                 GError    **error)
{
  g_set_error (error, LO_STORE_ERROR, lo_store_errno_code (saved, LO_STORE_ERROR_FAILED),
               "%s: %s", path, g_strerror (saved));
  return FALSE;
}

/* Keeps the database at @path and its log beside it as
 * "<path>.before-restore-<stamp>" (and "-wal"), never replacing a file,
 * then takes the log away so that it is not applied to the restored file.
 * The database itself stays where it is, so that its path never names
 * nothing. Returns the aside name. */
static char *
keep_aside (const char *path,
            GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.before-restore-%s", path, stamp);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *aside = link_at_free_name (path, base);
  int saved;

  if (aside == NULL)
    {
      set_errno_error (path, errno, error);
      return NULL;
    }
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);

      if (link (wal, wal_aside) < 0 || g_unlink (wal) < 0)
        {
          saved = errno;
          g_unlink (wal_aside);
          g_unlink (aside);
          set_errno_error (wal, saved, error);
          return NULL;
        }
    }
  g_unlink (shm);
  return g_steal_pointer (&aside);
}

/* Puts @partial in @path's place: by rename over the file kept aside, or
 * by link when there was none (never over one made meanwhile). */
static gboolean
put_in_place (const char *partial,
              const char *path,
              gboolean    replace,
              GError    **error)
{
  if (replace ? g_rename (partial, path) < 0 : link (partial, path) < 0)
    return set_errno_error (path, errno, error);
  if (!replace)
    g_unlink (partial);
  return TRUE;
}

gboolean
lo_store_restore_backup (const char *db_path,
                         const char *backup_path,
                         GError    **error)
{
  g_autoptr(LoStore) lock = NULL;
  g_autoptr(LoStore) source = NULL;
  g_autofree char *real = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *aside = NULL;
  gboolean exists;
  int fd;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, FALSE);

  /* Through a symlink, the file it names is replaced, not the link. */
  real = realpath (db_path, NULL);
  exists = real != NULL;
  if (!exists)
    real = g_strdup (db_path);

  /* Nobody may have the database open while it is replaced, and two
   * restores take turns: the lock of the database file itself, which
   * stays held on the file kept aside until the new one is in place. */
  lock = lo_store_new_unopened (real, FALSE);
  if (exists && !lo_store_take_lock (lock, FALSE, error))
    return FALSE;

  /* the backup must itself be a sound database this version can open */
  source = lo_store_open_read_only (backup_path, error);
  if (source != NULL && !lo_store_check_integrity (source, error))
    g_clear_object (&source);
  if (source == NULL)
    {
      g_prefix_error (error, _("The backup cannot be restored: "));
      return FALSE;
    }

  partial = g_strconcat (real, ".restoring-XXXXXX", NULL);
  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (partial, errno, error);
  close (fd);
  if (!copy_database (source->db, partial, error))
    return FALSE;

  /* the current file and its log are kept aside, never overwritten */
  if (exists && (aside = keep_aside (real, error)) == NULL)
    {
      g_unlink (partial);
      return FALSE;
    }
  if (!put_in_place (partial, real, exists, error))
    {
      g_unlink (partial);
      if (aside != NULL)
        {
          g_autofree char *wal = g_strconcat (real, "-wal", NULL);
          g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);

          /* the database never left: give it its log back */
          if (g_file_test (wal_aside, G_FILE_TEST_EXISTS) && link (wal_aside, wal) == 0)
            g_unlink (wal_aside);
          g_unlink (aside);
        }
      g_prefix_error (error, _("The backup cannot be restored: "));
      return FALSE;
    }
  return TRUE;
}
