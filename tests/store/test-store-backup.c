/* test-store-backup.c: daily backups, rotation and restore
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
      g_autofree char *expected = g_strdup_printf ("%s/backups/lightsout-%s.db", dir, dates[6 - i]);
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

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/lo/store/backup/rotation", test_backup_rotation);
  g_test_add_func ("/lo/store/backup/restore", test_restore);
  g_test_add_func ("/lo/store/backup/restore-bad", test_restore_bad_backup);

  return g_test_run ();
}
