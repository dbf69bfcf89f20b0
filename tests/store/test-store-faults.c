/* test-store-faults.c: the store under failing disk writes
 *
 * A VFS shim wraps SQLite's default VFS and is registered as the default, so
 * every database the store opens goes through it. It fails the Nth
 * xWrite/xSync/xTruncate with an I/O error (once, as a flaky disk does) or
 * with SQLITE_FULL (that call and every one after it, as a full disk does).
 * For every N up to the number of such calls a fixed run of store
 * operations makes, the run stops at the first operation that reports an
 * error; then, with the shim quiet, the database opens, passes
 * PRAGMA integrity_check, and holds exactly what the operations that
 * returned success wrote: the same as a run without faults after that many
 * operations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "store-test-util.h"

/* The shim */

typedef enum
{
  FAULT_ONCE_IOERR,   /* the Nth call fails with SQLITE_IOERR_*, later ones work */
  FAULT_FROM_FULL,    /* the Nth call and all after it fail, writes with SQLITE_FULL */
} FaultMode;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* the default VFS's file, right after this struct */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static sqlite3_io_methods fault_methods;

static gboolean  fault_armed;
static FaultMode fault_mode;
static guint     fault_at;      /* 1-based; 0 counts without failing */
static guint     fault_calls;
static guint     fault_hits;
static int       fault_first;   /* the SQLITE_IOERR_* kind of the first failed call */

static int
fault_check (int ioerr)
{
  if (!fault_armed)
    return SQLITE_OK;
  fault_calls++;
  if (fault_at == 0 || fault_calls < fault_at)
    return SQLITE_OK;
  if (fault_mode == FAULT_ONCE_IOERR && fault_calls != fault_at)
    return SQLITE_OK;
  if (fault_hits++ == 0)
    fault_first = ioerr;
  if (fault_mode == FAULT_FROM_FULL && ioerr == SQLITE_IOERR_WRITE)
    return SQLITE_FULL;
  return ioerr;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int
fault_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static int
fault_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
fault_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  int rc = fault_check (SQLITE_IOERR_WRITE);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
}

static int
fault_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  int rc = fault_check (SQLITE_IOERR_TRUNCATE);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
fault_sync (sqlite3_file *f, int flags)
{
  int rc = fault_check (SQLITE_IOERR_FSYNC);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
fault_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
fault_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
fault_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
fault_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
fault_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
fault_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
fault_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
fault_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
fault_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
fault_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
fault_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, p);
}

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  /* SQLite calls xClose only when pMethods is set. */
  f->base.pMethods = f->real->pMethods != NULL ? &fault_methods : NULL;
  return rc;
}

static void
fault_register (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);

  fault_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock,
    .xUnlock = fault_unlock,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
    .xFetch = fault_fetch,
    .xUnfetch = fault_unfetch,
  };

  /* Everything as the default VFS does, but files go through the shim. */
  fault_vfs = *real_vfs;
  fault_vfs.zName = "lo-fault";
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.xOpen = fault_open;
  fault_vfs.pNext = NULL;
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
  g_assert_true (sqlite3_vfs_find (NULL) == &fault_vfs);
}

static void
fault_arm (FaultMode mode,
           guint     at)
{
  fault_mode = mode;
  fault_at = at;
  fault_calls = 0;
  fault_hits = 0;
  fault_first = SQLITE_OK;
  fault_armed = TRUE;
}

static void
fault_disarm (void)
{
  fault_armed = FALSE;
}

/* The operations */

typedef struct
{
  char    *path;
  LoStore *store;
  gint64   acme;
  gint64   harbor;
  gint64   undo;
} Run;

#define N_STEPS 9

/* Runs step @i; TRUE when the store reported success. */
static gboolean
run_step (Run   *run,
          guint  i,
          GError **error)
{
  switch (i)
    {
    case 0:
      run->store = lo_store_open (run->path, error);
      return run->store != NULL;
    case 1:
      run->acme = lo_store_create_client (run->store, "Acme", error);
      return run->acme != 0;
    case 2:
      {
        g_autoptr(LoEngagement) demo = lo_demo_engagement ();

        run->harbor = lo_store_import_engagement (run->store, demo, error);
        return run->harbor != 0;
      }
    case 3:
      return lo_store_rename_client (run->store, run->acme, "Acme Corp", error);
    case 4:
      return lo_store_set_industry (run->store, run->acme, "Retail", error);
    case 5:
      return lo_store_set_answer (run->store, run->harbor, "2026-10-workshop", "dana",
                                  "process.documentation", 5, error);
    case 6:
      {
        g_autoptr(LoEngagement) engagement = make_engagement ("Brightwater");

        return lo_store_import_engagement (run->store, engagement, error) != 0;
      }
    case 7:
      return lo_store_delete_client (run->store, run->acme, &run->undo, error);
    case 8:
      return lo_store_undo_delete (run->store, run->undo, error);
    default:
      g_assert_not_reached ();
    }
}

/* Everything the database holds, as text: each client's engagement in the
 * exchange format, by name. */
static char *
snapshot (LoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = lo_store_list_clients (store, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < clients->len; i++)
    {
      LoClientInfo *info = g_ptr_array_index (clients, i);
      g_autoptr(LoEngagement) engagement = lo_store_load_engagement (store, info->id, &error);
      g_autofree char *xml = NULL;

      g_assert_no_error (error);
      gsize length = 0;

      xml = lo_engagement_to_xml (engagement, &length);
      g_string_append_printf (out, "== %s (%s)\n%s", info->name,
                              info->industry ? info->industry : "-", xml);
    }
  return g_string_free (out, FALSE);
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
remove_db (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/* The state after each number of successful steps, from a run without
 * faults; also counts the calls the shim sees. */
static GPtrArray *
reference_states (const char *path,
                  guint      *total_calls)
{
  GPtrArray *states = g_ptr_array_new_with_free_func (g_free);
  Run run = { (char *) path, NULL, 0, 0, 0 };

  remove_db (path);
  fault_arm (FAULT_ONCE_IOERR, 0);
  for (guint i = 0; i < N_STEPS; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (run_step (&run, i, &error));
      g_assert_no_error (error);
      fault_disarm ();
      g_ptr_array_add (states, snapshot (run.store));
      fault_armed = TRUE;
    }
  g_clear_object (&run.store);
  fault_disarm ();
  *total_calls = fault_calls;
  remove_db (path);
  return states;
}

static void
check_mode (FaultMode mode)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *empty = NULL;
  guint total = 0;
  guint failures_seen = 0;
  guint sync_recovered = 0;

  states = reference_states (path, &total);
  g_test_message ("%u write/sync/truncate calls in a run without faults", total);
  g_assert_cmpuint (total, >, 0);

  /* Zero successful steps leaves a database that opens empty. */
  {
    g_autoptr(LoStore) store = lo_store_open (path, NULL);

    g_assert_nonnull (store);
    empty = snapshot (store);
  }
  remove_db (path);

  for (guint n = 1; n <= total; n++)
    {
      Run run = { path, NULL, 0, 0, 0 };
      g_autoptr(LoStore) store = NULL;
      g_autoptr(GError) open_error = NULL;
      g_autofree char *step_message = NULL;
      g_autofree char *state = NULL;
      const char *expected;
      guint done = 0;

      remove_db (path);
      fault_arm (mode, n);
      for (; done < N_STEPS; done++)
        {
          g_autoptr(GError) error = NULL;

          if (!run_step (&run, done, &error))
            {
              g_assert_nonnull (error);
              g_assert_cmpint (error->domain, ==, LO_STORE_ERROR);
              step_message = g_strdup (error->message);
              failures_seen++;
              break;
            }
          g_assert_no_error (error);
        }
      /* Closing may fail to checkpoint too; it must not crash. */
      g_clear_object (&run.store);
      fault_disarm ();

      store = lo_store_open (path, &open_error);
      if (store == NULL)
        g_error ("N = %u (%u steps done): the database does not open: %s",
                 n, done, open_error->message);
      assert_integrity (path);
      state = snapshot (store);
      expected = done == 0 ? empty : g_ptr_array_index (states, done - 1);
      if (g_strcmp0 (state, expected) != 0)
        {
          /* One case is not the store's to decide: in WAL mode a commit's
           * frames are written, then synced. When only the sync fails and
           * the disk stays unwritable, the connection cannot checkpoint or
           * delete the WAL, and SQLite's recovery on the next open finds the
           * complete commit in it. The failed step is then there whole —
           * never in part. Counted, and reported. */
          if (mode == FAULT_FROM_FULL && fault_first == SQLITE_IOERR_FSYNC
              && done < N_STEPS && g_strcmp0 (state, g_ptr_array_index (states, done)) == 0)
            {
              /* ...and the user was not told it was lost. */
              if (step_message == NULL || strstr (step_message, "may or may not have been saved") == NULL)
                g_error ("N = %u: the step came back whole from the log, but its message said: %s",
                         n, step_message ? step_message : "(none)");
              sync_recovered++;
            }
          else
            g_error ("N = %u: after %u successful steps (failed step %u, first fault %d, %u faults) "
                     "the database holds something else:\n%s\n--- expected ---\n%s",
                     n, done, done, fault_first, fault_hits, state, expected);
        }
      g_clear_object (&store);
    }
  remove_db (path);
  /* The faults were seen: some steps failed. */
  g_assert_cmpuint (failures_seen, >, 0);
  g_test_message ("%u of %u runs stopped at a failed step", failures_seen, total);
  g_test_message ("%u runs: a step whose only failure was a final fsync was "
                  "recovered whole from the WAL", sync_recovered);
  if (mode == FAULT_ONCE_IOERR)
    g_assert_cmpuint (sync_recovered, ==, 0);
}

static void
test_once_ioerr (void)
{
  check_mode (FAULT_ONCE_IOERR);
}

static void
test_from_full (void)
{
  check_mode (FAULT_FROM_FULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  fault_register ();

  g_test_add_func ("/lo/store/faults/once-ioerr", test_once_ioerr);
  g_test_add_func ("/lo/store/faults/from-full", test_from_full);

  return g_test_run ();
}
