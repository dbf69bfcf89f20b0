/* test-store-failures.c: a database that is damaged, foreign, newer, locked,
 * read-only or full gives a clear message and is never changed
 *
 * Read-only as root: root ignores permission bits, so the read-only cases
 * set the immutable attribute (chattr +i, FS_IOC_SETFLAGS), which binds root
 * too. Where the file system has no such attribute the tests fall back to
 * chmod and are skipped when running as root.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-test-util.h"

static char *
make_db_with_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = lo_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i);
      g_autoptr(LoEngagement) engagement = make_engagement (name);
      lo_store_import_engagement (store, engagement, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&path);
}

static void
assert_open_fails (const char  *path,
                   int          code,
                   const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, LO_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, fragment));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_garbage (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guchar bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
  assert_open_fails (path, LO_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_truncated (void)
{
  g_autofree char *path = make_db_with_data ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  /* cut in the middle of a page, past the schema */
  g_assert_true (g_file_set_contents (path, contents, length / 2 + 100, NULL));
  assert_open_fails (path, LO_STORE_ERROR_CORRUPT, "damaged");
}

/* A database past the size every open checks in full (8 MiB): it opens
 * without reading every page, but a damaged one is never backed up (a
 * damaged copy would push a sound backup out of the five kept), and the
 * check says so. */
static void
test_large_damaged (void)
{
  g_autofree char *path = make_db_with_data ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  sqlite3 *db = NULL;
  gsize length;

  /* 9 MB of text in a client's industry: overflow pages past the first 8 MiB. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE client SET industry = printf('%.*c', 9000000, 'x') "
                                     "WHERE id = (SELECT min(id) FROM client);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 << 20);

  /* Sound and large: opens, and backs up. */
  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_backup_for_date (store, "2026-01-01", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A broken link in the middle of the long text's chain of overflow pages
   * (each page starts with the number of the next): the open does not read
   * that far... */
  {
    gsize page = (length / 2) & ~(gsize) 4095;

    memset (contents + page, 0xff, 4);
    g_assert_true (g_file_set_contents (path, contents, length, NULL));
  }
  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  /* ...but the day's backup checks first, fails by name, and keeps the last good one. */
  g_assert_false (lo_store_backup_for_date (store, "2026-01-02", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "damaged"));
  backups = lo_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "-2026-01-01.db"));
}

/* A database past 8 MiB whose first client has 9 MB of text in its
 * industry (overflow pages past the first 8 MiB). */
static char *
make_large_db (void)
{
  g_autofree char *path = make_db_with_data ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE client SET industry = printf('%.*c', 9000000, 'x') "
                                     "WHERE id = (SELECT min(id) FROM client);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

/* The number of the first page of @index in the database at @path. */
static gsize
index_root_page (const char *path,
                 const char *index)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, index, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return page;
}

static void
assert_damage_named (const GError *error,
                     const char   *path)
{
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "lightsout restore"));
}

/* A large database with a broken chain of overflow pages opens (the open
 * does not read every page of a large file), but no change is written to
 * it: the first one checks the whole file, names the damage and says how
 * to restore; the file stays as it was. */
static void
test_large_damaged_no_writes (void)
{
  g_autofree char *path = make_large_db ();
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Newcomer");
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  memset (contents + ((length / 2) & ~(gsize) 4095), 0xff, 4);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  before = file_checksum (path);

  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lo_store_import_engagement (store, engagement, &error), ==, 0);
  assert_damage_named (error, path);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (lo_store_create_client (store, "Another", &error), ==, 0);
  assert_damage_named (error, path);
  g_clear_error (&error);
  g_assert_false (lo_store_set_industry (store, 1, "Retail", &error));
  assert_damage_named (error, path);
  g_clear_error (&error);
  g_assert_false (lo_store_check (store, &error));
  assert_damage_named (error, path);
  g_clear_error (&error);
  g_clear_object (&store);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* A large damaged file that is not in WAL mode yet (as a restored backup
 * is): switching to WAL would write its header, so the open checks it
 * whole first, and refuses it untouched. */
static void
test_large_damaged_not_wal (void)
{
  g_autofree char *path = make_large_db ();
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  gsize length;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (contents[18], ==, 1);   /* the header says: rollback journal */
  memset (contents + ((length / 2) & ~(gsize) 4095), 0xff, 4);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_open_fails (path, LO_STORE_ERROR_CORRUPT, "damaged");
}

/* The same through the command line, with damage that hides a client
 * instead of failing a read: the index of client names says it holds
 * none. `import` refuses and changes nothing; `export` of a hidden client
 * says the database is damaged, not that there is no such client. */
static void
test_large_damaged_cli (void)
{
  g_autofree char *path = make_large_db ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *file = g_build_filename (dir, "demo.lightsout", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *lightsout = g_getenv ("LIGHTSOUT");
  gsize page = index_root_page (path, "client_live_name");
  gsize length;
  int status;

  if (lightsout == NULL)
    {
      g_test_skip ("LIGHTSOUT is not set");
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (contents[(page - 1) * 4096], ==, 10);   /* an index leaf */
  contents[(page - 1) * 4096 + 3] = 0;   /* its number of cells */
  contents[(page - 1) * 4096 + 4] = 0;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  before = file_checksum (path);

  {
    const char *argv[] = { lightsout, "demo", "-o", file, NULL };
    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { lightsout, "import", "--db", path, file, NULL };
    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, NULL));
    g_test_message ("import: %s", err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "damaged"));
    g_assert_nonnull (strstr (err, "lightsout restore"));
    g_assert_null (strstr (err, "warning"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *target = g_build_filename (dir, "out.lightsout", NULL);
    const char *argv[] = { lightsout, "export", "--db", path, "-o", target, "Client 7", NULL };
    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, NULL));
    g_test_message ("export: %s", err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "damaged"));
    g_assert_null (strstr (err, "no client"));
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  }
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_foreign (void)
{
  g_autofree char *path = test_db_path ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_open_fails (path, LO_STORE_ERROR_CORRUPT, "not a Lights Out database");
}

static void
test_newer (void)
{
  g_autofree char *path = make_db_with_data ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", lo_store_schema_version () + 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_open_fails (path, LO_STORE_ERROR_NEWER, "newer version of Lights Out");

  /* not for reading either */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoStore) store = lo_store_open_read_only (path, &error);
    g_assert_null (store);
    g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NEWER);
  }
}

static void
test_locked (void)
{
  g_autofree char *path = make_db_with_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) first = lo_store_open (path, &error);
  g_autoptr(LoStore) reader = NULL;

  g_assert_no_error (error);
  assert_open_fails (path, LO_STORE_ERROR_LOCKED, "open in another Lights Out window");

  /* reading is still possible beside the writer */
  reader = lo_store_open_read_only (path, &error);
  g_assert_no_error (error);

  /* the first one is unharmed */
  g_assert_cmpint (lo_store_create_client (first, "After", &error), >, 0);
  g_assert_no_error (error);

  /* and once it is closed the lock is free */
  g_clear_object (&first);
  first = lo_store_open (path, &error);
  g_assert_no_error (error);
}

static void
test_busy (void)
{
  g_autofree char *path = make_db_with_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(GPtrArray) list = NULL;
  sqlite3 *other = NULL;
  gint64 start;

  /* something that ignores our lock file (the sqlite3 shell) holds a write
   * transaction: after the busy timeout the change fails clearly */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  g_assert_cmpint (lo_store_create_client (store, "Blocked", &error), ==, 0);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "busy"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_cmpint (lo_store_create_client (store, "Unblocked", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_full (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(GPtrArray) list = NULL;
  gint64 client;
  guint i;

  client = lo_store_create_client (store, "First", &error);
  g_assert_no_error (error);
  /* a disk that fills up: SQLite reports SQLITE_FULL when the file may grow
   * no further, exactly as on ENOSPC */
  g_assert_cmpint (sqlite3_exec (lo_store_get_db (store), "PRAGMA max_page_count = 40",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i);
      g_autoptr(LoEngagement) engagement = make_engagement (name);
      if (lo_store_import_engagement (store, engagement, &error) == 0)
        break;
    }
  g_assert_cmpuint (i, <, 200);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* the failed import left nothing behind; the earlier ones are intact */
  list = lo_store_list_clients (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, i + 1);
  g_assert_true (lo_store_rename_client (store, client, "Still works", &error));
  g_assert_no_error (error);
}

static gboolean
set_immutable (const char *path,
               gboolean    on)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);
  return ok;
}

/* Makes @path read-only even for root; FALSE (and the test skipped) when
 * that is not possible here. */
static gboolean
make_read_only (const char *path)
{
  if (set_immutable (path, TRUE))
    return TRUE;
  if (geteuid () != 0 && g_chmod (path, g_file_test (path, G_FILE_TEST_IS_DIR) ? 0500 : 0400) == 0)
    return TRUE;
  g_test_skip ("cannot make a file read-only for root here (no immutable attribute)");
  return FALSE;
}

static void
undo_read_only (const char *path)
{
  set_immutable (path, FALSE);
  g_chmod (path, g_file_test (path, G_FILE_TEST_IS_DIR) ? 0700 : 0600);
}

static void
test_read_only_dir (void)
{
  g_autofree char *path = make_db_with_data ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *fresh = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;

  if (!make_read_only (dir))
    return;

  /* an existing database in a read-only folder */
  assert_open_fails (path, LO_STORE_ERROR_READ_ONLY, "read-only");

  /* a new one cannot be made there */
  store = lo_store_open (fresh, &error);
  g_assert_null (store);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* ...but it can be read (read-only media: no -shm can be made there) */
  {
    g_autoptr(LoStore) reader = lo_store_open_read_only (path, &error);
    g_autoptr(GPtrArray) clients = NULL;
    g_autoptr(LoEngagement) engagement = NULL;

    g_assert_no_error (error);
    clients = lo_store_list_clients (reader, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (clients->len, ==, 40);
    engagement = lo_store_load_engagement (reader, ((LoClientInfo *) clients->pdata[0])->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (engagement->client_name, ==, "Client 0");
    g_assert_false (lo_store_create_client (reader, "Not here", &error));
    g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY);
  }

  undo_read_only (dir);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = make_db_with_data ();

  if (!make_read_only (path))
    return;
  assert_open_fails (path, LO_STORE_ERROR_READ_ONLY, "read-only");
  undo_read_only (path);
}

/* Two paths to one database (a hard link, a symlink) take one lock: a
 * second writer through the other path is refused while the first has it
 * open, and then opens. */
static void
test_two_paths_one_lock (void)
{
  g_autofree char *path = make_db_with_data ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *hard = g_build_filename (dir, "hard-link.db", NULL);
  g_autofree char *soft = g_build_filename (dir, "symlink.db", NULL);
  const char *others[] = { hard, soft };
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) first = NULL;

  g_assert_cmpint (link (path, hard), ==, 0);
  g_assert_cmpint (symlink (path, soft), ==, 0);

  first = lo_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(LoStore) second = lo_store_open (others[i], &error);

      g_assert_null (second);
      g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED);
      g_assert_nonnull (strstr (error->message, others[i]));
      g_clear_error (&error);
    }
  g_clear_object (&first);

  /* the other way round */
  first = lo_store_open (hard, &error);
  g_assert_no_error (error);
  g_assert_null (lo_store_open (path, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_object (&first);

  first = lo_store_open (soft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lo_store_create_client (first, "Through the link", &error), >, 0);
  g_assert_no_error (error);
}

/* import makes the checks `lightsout validate` makes, before it writes
 * anything: an answer to a question the bank does not have, and a bank
 * neither shipped nor kept, are refused by name. */
static void
test_import_checked (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoEngagement) unknown_question = make_engagement ("Unknown question");
  g_autoptr(LoEngagement) unknown_bank = make_engagement ("Unknown bank");
  g_autoptr(GPtrArray) clients = NULL;
  LoAssessment *assessment;

  g_assert_no_error (error);
  assessment = g_ptr_array_index (unknown_question->assessments, 1);
  lo_respondent_set_answer (g_ptr_array_index (assessment->respondents, 0), "process.invented", 3);
  assessment = g_ptr_array_index (unknown_bank->assessments, 0);
  g_free (assessment->bank);
  assessment->bank = g_strdup ("no-such-bank");
  before = file_checksum (path);

  g_assert_cmpint (lo_store_import_engagement (store, unknown_question, &error), ==, 0);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "follow-up"));
  g_assert_nonnull (strstr (error->message, "process.invented"));
  g_clear_error (&error);

  g_assert_cmpint (lo_store_import_engagement (store, unknown_bank, &error), ==, 0);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "baseline"));
  g_assert_nonnull (strstr (error->message, "no-such-bank"));
  g_clear_error (&error);

  clients = lo_store_list_clients (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 0);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* A database edited by hand (an answer to a question its bank does not
 * have): the check says so for the client, and `lightsout export` refuses
 * to write a file that `validate` would refuse. */
static void
test_export_hand_edited (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *target = g_build_filename (dir, "out.lightsout", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Edited");
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  const char *lightsout = g_getenv ("LIGHTSOUT");
  sqlite3 *db = NULL;
  gint64 client;
  int status;

  g_assert_no_error (error);
  client = lo_store_import_engagement (store, engagement, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO answer (respondent, question, position, value) "
                                     "SELECT min (id), 'process.invented', 99, 3 FROM respondent",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = lo_store_open_read_only (path, &error);
  g_assert_no_error (error);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_false (lo_store_check_engagement (store, loaded, client, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "process.invented"));
  g_clear_object (&store);

  if (lightsout == NULL)
    {
      g_test_skip ("LIGHTSOUT is not set");
      return;
    }
  {
    const char *argv[] = { lightsout, "export", "--db", path, "-o", target, "Edited", NULL };
    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, NULL));
  }
  g_test_message ("export: %s", err);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "Edited"));
  g_assert_nonnull (strstr (err, "process.invented"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

static void
test_bad_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_dir ();
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder.db", NULL);
  g_autoptr(LoStore) store = NULL;

  store = lo_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "folder does not exist"));
  g_clear_error (&error);

  store = lo_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/lo/store/failure/corrupt/garbage", test_garbage);
  g_test_add_func ("/lo/store/failure/corrupt/truncated", test_truncated);
  g_test_add_func ("/lo/store/failure/corrupt/foreign", test_foreign);
  g_test_add_func ("/lo/store/failure/corrupt/large", test_large_damaged);
  g_test_add_func ("/lo/store/failure/corrupt/large-no-writes", test_large_damaged_no_writes);
  g_test_add_func ("/lo/store/failure/corrupt/large-cli", test_large_damaged_cli);
  g_test_add_func ("/lo/store/failure/corrupt/large-not-wal", test_large_damaged_not_wal);
  g_test_add_func ("/lo/store/failure/newer", test_newer);
  g_test_add_func ("/lo/store/failure/locked", test_locked);
  g_test_add_func ("/lo/store/failure/locked/two-paths", test_two_paths_one_lock);
  g_test_add_func ("/lo/store/failure/busy", test_busy);
  g_test_add_func ("/lo/store/failure/full", test_full);
  g_test_add_func ("/lo/store/failure/read-only/directory", test_read_only_dir);
  g_test_add_func ("/lo/store/failure/read-only/file", test_read_only_file);
  g_test_add_func ("/lo/store/failure/bad-path", test_bad_paths);
  g_test_add_func ("/lo/store/failure/import-checked", test_import_checked);
  g_test_add_func ("/lo/store/failure/export-hand-edited", test_export_hand_edited);

  return g_test_run ();
}
