/* test-store-backup.c: daily backups, rotation and restore, in a thread too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "store-test-util.h"

static void
test_backup_rotation (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *today = NULL;
  GStatBuf st;
  const char *dates[] = { "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04",
                          "2026-01-05", "2026-01-06", "2026-01-07" };

  g_assert_no_error (error);
  g_assert_cmpint (lo_store_create_client (store, "Acme", &error), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_assert_true (lo_store_backup_for_date (store, dates[i], &error));
      g_assert_no_error (error);
    }
  /* the last five, newest first */
  backups = lo_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s/backups/lightsout.db-%s.db", dir, dates[6 - i]);
      g_assert_cmpstr (backups->pdata[i], ==, expected);
      g_assert_cmpint (g_stat (backups->pdata[i], &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* at most one a day: today's is made once */
  g_assert_true (lo_store_backup_if_due (store, &error));
  g_assert_no_error (error);
  backups = lo_store_list_backups (store);
  today = g_strdup (backups->pdata[0]);
  g_assert_cmpint (g_stat (today, &st), ==, 0);
  g_assert_true (lo_store_create_client (store, "Later", &error) > 0);
  g_assert_true (lo_store_backup_if_due (store, &error));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = lo_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 5);
  g_assert_cmpstr (backups->pdata[0], ==, today);
}

static void
test_restore (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) restored = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_import_engagement (store, engagement, &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_backup_for_date (store, "2026-02-01", &error));
  g_assert_no_error (error);
  backups = lo_store_list_backups (store);
  backup = g_strdup (backups->pdata[0]);

  /* the backup is a sound database on its own */
  {
    g_autoptr(LoStore) copy = lo_store_open_read_only (backup, &error);
    g_autoptr(LoEngagement) loaded = NULL;
    g_assert_no_error (error);
    loaded = lo_store_load_engagement (copy, client, &error);
    g_assert_no_error (error);
    assert_same_engagement (engagement, loaded);
  }

  /* later changes, then a mishap */
  g_assert_true (lo_store_delete_client (store, client, NULL, &error));
  g_assert_cmpint (lo_store_create_client (store, "New one", &error), >, 0);

  /* not while the database is open */
  checksum = file_checksum (path);
  g_assert_false (lo_store_restore_backup (path, backup, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  after = file_checksum (path);
  g_assert_cmpstr (checksum, ==, after);

  g_clear_object (&store);
  g_assert_true (lo_store_restore_backup (path, backup, &error));
  g_assert_no_error (error);

  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  list = lo_store_list_clients (store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  restored = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  assert_same_engagement (engagement, restored);

  /* the replaced file was kept aside, not overwritten */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean found = FALSE;

    while ((name = g_dir_read_name (handle)) != NULL)
      if (g_str_has_prefix (name, "lightsout.db.before-restore-"))
        found = TRUE;
    g_assert_true (found);
  }
}

static void
test_restore_bad_backup (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *bad = g_build_filename (dir, "bad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(LoStore) store = lo_store_open (path, &error);
    g_assert_cmpint (lo_store_create_client (store, "Acme", &error), >, 0);
  }
  g_assert_true (g_file_set_contents (bad, "not a database at all, just text that is long enough", -1, NULL));
  before = file_checksum (path);
  g_assert_false (lo_store_restore_backup (path, bad, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "bad.db"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* Backups in a thread */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs lo_store_backup_if_due_async() and turns the main loop until it is done. */
static gboolean
backup_async (LoStore       *store,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lo_store_backup_if_due_async (store, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lo_store_backup_if_due_finish (store, result, error);
}

/* backups/lightsout.db-YYYY-MM-DD.db for today, beside @db */
static char *
todays_backup (const char *db)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *name = g_strdup_printf ("lightsout.db-%04d-%02d-%02d.db", g_date_time_get_year (now),
                                           g_date_time_get_month (now), g_date_time_get_day_of_month (now));

  return g_build_filename (dir, "backups", name, NULL);
}

/* The names of @path's clients, in the store's order, joined by "|". */
static char *
client_names (const char *path,
              gboolean    read_only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  store = read_only ? lo_store_open_read_only (path, &error) : lo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_is_read_only (store) == read_only);
  clients = lo_store_list_clients (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < clients->len; i++)
    g_string_append_printf (names, "%s%s", i ? "|" : "", ((LoClientInfo *) clients->pdata[i])->name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_backup_async (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups_dir = g_build_filename (dir, "backups", NULL);
  g_autofree char *today = todays_backup (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *names = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(GPtrArray) backups = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (lo_store_create_client (store, "Acme", &error), >, 0);
  g_assert_cmpint (lo_store_import_engagement (store, engagement, &error), >, 0);
  g_assert_no_error (error);
  /* Right after the writes: still in the log, not yet in the main file. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  g_assert_true (backup_async (store, NULL, &error));
  g_assert_no_error (error);
  backups = lo_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (backups->pdata[0], ==, today);
  g_assert_cmpint (g_stat (today, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* The file alone: no .part, no -wal or -shm beside it. */
  g_assert_cmpuint (count_files (backups_dir), ==, 1);
  names = client_names (today, TRUE);
  g_assert_cmpstr (names, ==, "Acme|Harbor Logistics");

  /* The store still writes, and keeps its lock: nobody else can open it. */
  g_assert_cmpint (lo_store_create_client (store, "Later", &error), >, 0);
  g_assert_no_error (error);
  g_assert_null (lo_store_open (path, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* A second call the same day leaves today's backup as it was. */
  checksum = file_checksum (today);
  g_assert_true (backup_async (store, NULL, &error));
  g_assert_no_error (error);
  after = file_checksum (today);
  g_assert_cmpstr (checksum, ==, after);
  g_assert_cmpuint (count_files (backups_dir), ==, 1);
}

/* The thread's copy and the main connection's copy of the same data are
 * the same file, and both keep the last five days. */
static void
test_backup_async_same_as_sync (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *today = todays_backup (path);
  g_autofree char *aside = g_strconcat (today, ".async", NULL);
  g_autofree char *async_sum = NULL;
  g_autofree char *sync_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(GPtrArray) backups = NULL;
  const char *dates[] = { "2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04", "2020-01-05" };

  g_assert_no_error (error);
  g_assert_cmpint (lo_store_import_engagement (store, engagement, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_assert_true (lo_store_backup_for_date (store, dates[i], &error));
      g_assert_no_error (error);
    }

  g_assert_true (backup_async (store, NULL, &error));
  g_assert_no_error (error);
  /* Five kept: today's and the four newest before it. */
  backups = lo_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 5);
  g_assert_cmpstr (backups->pdata[0], ==, today);
  for (guint i = 1; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("/backups/lightsout.db-%s.db", dates[5 - i]);
      g_assert_true (g_str_has_suffix (backups->pdata[i], name));
    }

  async_sum = file_checksum (today);
  g_assert_cmpint (g_rename (today, aside), ==, 0);
  g_assert_true (lo_store_backup_if_due (store, &error));
  g_assert_no_error (error);
  sync_sum = file_checksum (today);
  g_assert_cmpstr (async_sum, ==, sync_sum);
  g_unlink (aside);
}

/* The main connection in the middle of a write transaction: the backup
 * holds the last commit, and the writer goes on undisturbed. */
static void
test_backup_async_during_write (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *today = todays_backup (path);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_cmpint (lo_store_create_client (store, "Acme", &error), >, 0);
  g_assert_cmpint (lo_store_create_client (store, "Beta", &error), >, 0);
  db = lo_store_get_db (store);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE;"
                                 "INSERT INTO client (name, created, modified) VALUES ('Uncommitted', 0, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (backup_async (store, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  names = client_names (today, TRUE);
  g_assert_cmpstr (names, ==, "Acme|Beta");
  g_clear_object (&store);
  g_free (names);
  names = client_names (path, FALSE);
  g_assert_cmpstr (names, ==, "Acme|Beta|Uncommitted");
}

static void
test_backup_async_cancelled (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups_dir = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (lo_store_create_client (store, "Acme", &error), >, 0);
  g_cancellable_cancel (cancellable);
  g_assert_false (backup_async (store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  backups = lo_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 0);
  /* Not even a partial copy. */
  g_assert_cmpuint (count_files (backups_dir), ==, 0);

  /* Not cancelled, the same call makes the backup. */
  g_assert_true (backup_async (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (backups_dir), ==, 1);
}

static void
add_client_to (const char *path,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lo_store_create_client (store, name, &error), >, 0);
  g_assert_no_error (error);
}

/* Two restores in one second: each keeps the file it replaces under a name
 * of its own, and never overwrites a file already there (here: files in the
 * way under the names of this second and the next two). */
static void
test_restore_twice (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) asides = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDir) handle = NULL;
  g_autofree char *backup = NULL;
  const char *name;

  add_client_to (path, "Alpha");
  {
    g_autoptr(LoStore) store = lo_store_open (path, &error);
    g_assert_true (lo_store_backup_for_date (store, "2026-02-01", &error));
    g_assert_no_error (error);
    backups = lo_store_list_backups (store);
    backup = g_strdup (backups->pdata[0]);
  }
  add_client_to (path, "Bravo");

  for (int s = 0; s < 3; s++)
    {
      g_autoptr(GDateTime) later = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (later, "%Y%m%d-%H%M%S");
      g_autofree char *decoy = g_strdup_printf ("%s.before-restore-%s", path, stamp);
      g_assert_true (g_file_set_contents (decoy, "decoy", -1, NULL));
    }

  g_assert_true (lo_store_restore_backup (path, backup, &error));
  g_assert_no_error (error);
  add_client_to (path, "Charlie");
  g_assert_true (lo_store_restore_backup (path, backup, &error));
  g_assert_no_error (error);

  /* what each restore replaced is kept, and every decoy is as it was */
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      if (!g_str_has_prefix (name, "lightsout.db.before-restore-") ||
          g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm"))
        continue;
      g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
      if (g_str_equal (text, "decoy"))
        continue;
      g_ptr_array_add (asides, client_names (file, TRUE));
    }
  g_assert_cmpuint (asides->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (asides, "Alpha|Bravo", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (asides, "Alpha|Charlie", g_str_equal, NULL));
  {
    g_autofree char *restored = client_names (path, TRUE);
    g_assert_cmpstr (restored, ==, "Alpha");
  }
}

/* clients.db and clients.sqlite in one folder: each has backups of its own
 * and lists only those; a backup named the old way ("<stem>-DATE.db") is
 * listed only by a database that provably made it. */
static void
test_backup_names (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *db = g_build_filename (dir, "clients.db", NULL);
  g_autofree char *sqlite = g_build_filename (dir, "clients.sqlite", NULL);
  g_autofree char *old = g_build_filename (dir, "backups", "clients-2025-12-31.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) a = lo_store_open (db, &error);
  g_autoptr(LoStore) b = lo_store_open (sqlite, &error);
  g_autoptr(GPtrArray) of_a = NULL;
  g_autoptr(GPtrArray) of_b = NULL;
  g_autoptr(GPtrArray) alone = NULL;
  g_autofree char *expected_a = g_build_filename (dir, "backups", "clients.db-2026-03-01.db", NULL);
  g_autofree char *expected_b = g_build_filename (dir, "backups", "clients.sqlite-2026-03-01.db", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (lo_store_create_client (a, "In the .db", &error), >, 0);
  g_assert_cmpint (lo_store_create_client (b, "In the .sqlite", &error), >, 0);
  g_assert_true (lo_store_backup_for_date (a, "2026-03-01", &error));
  g_assert_true (lo_store_backup_for_date (b, "2026-03-01", &error));
  g_assert_no_error (error);

  /* a backup of the old name, which either could have made */
  g_assert_true (g_file_set_contents (old, "old", -1, NULL));

  of_a = lo_store_list_backups (a);
  of_b = lo_store_list_backups_of (sqlite);
  g_assert_cmpuint (of_a->len, ==, 1);
  g_assert_cmpstr (of_a->pdata[0], ==, expected_a);
  g_assert_cmpuint (of_b->len, ==, 1);
  g_assert_cmpstr (of_b->pdata[0], ==, expected_b);
  {
    g_autofree char *names_a = client_names (of_a->pdata[0], TRUE);
    g_autofree char *names_b = client_names (of_b->pdata[0], TRUE);
    g_assert_cmpstr (names_a, ==, "In the .db");
    g_assert_cmpstr (names_b, ==, "In the .sqlite");
  }

  /* with clients.sqlite gone, the old backup can only be clients.db's:
   * listed after the newer one */
  g_clear_object (&b);
  g_assert_cmpint (g_unlink (sqlite), ==, 0);
  alone = lo_store_list_backups (a);
  g_assert_cmpuint (alone->len, ==, 2);
  g_assert_cmpstr (alone->pdata[0], ==, expected_a);
  g_assert_cmpstr (alone->pdata[1], ==, old);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/lo/store/backup/rotation", test_backup_rotation);
  g_test_add_func ("/lo/store/backup/restore", test_restore);
  g_test_add_func ("/lo/store/backup/restore-bad", test_restore_bad_backup);
  g_test_add_func ("/lo/store/backup/restore-twice", test_restore_twice);
  g_test_add_func ("/lo/store/backup/names", test_backup_names);
  g_test_add_func ("/lo/store/backup/async", test_backup_async);
  g_test_add_func ("/lo/store/backup/async-same-as-sync", test_backup_async_same_as_sync);
  g_test_add_func ("/lo/store/backup/async-during-write", test_backup_async_during_write);
  g_test_add_func ("/lo/store/backup/async-cancelled", test_backup_async_cancelled);

  return g_test_run ();
}
