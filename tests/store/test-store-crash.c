/* test-store-crash.c: answers survive a SIGKILL at any moment
 *
 * A child (store-crash-child) answers questions in a loop and reports each
 * answer's number on a pipe after the call has returned. It is killed with
 * SIGKILL at a random moment, 50 times (some kills land while it opens,
 * creates or migrates the database). After each kill the database must pass
 * PRAGMA integrity_check and hold every answer that was reported.
 *
 * LO_CRASH_SEED=N repeats a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-util.h"

#define N_KILLS 50

static char *
child_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;

  g_assert_nonnull (self);
  dir = g_path_get_dirname (self);
  return g_build_filename (dir, "store-crash-child", NULL);
}

static char *
read_all (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];

  for (;;)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (text, buffer, n);
    }
  return g_string_free (text, FALSE);
}

/* Reads until the child has reported its first whole line (or died). */
static char *
read_first_line (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[256];

  while (strchr (text->str, '\n') == NULL)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (text, buffer, n);
    }
  return g_string_free (text, FALSE);
}

/* Checks the file with a plain SQLite connection and returns its answers. */
static GHashTable *
check_database (const char *path)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* killed before it created the file */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return answers;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* the schema may not exist yet when the first child died early */
  if (sqlite3_prepare_v2 (db, "SELECT question, value FROM answer", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (answers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return answers;
}

static void
test_crash (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *child = child_path ();
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = NULL;
  const char *seed_env = g_getenv ("LO_CRASH_SEED");
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10)
                                  : (guint32) g_get_real_time ();
  gint64 next = 0;
  guint early_kills = 0;

  g_test_message ("seed %u (LO_CRASH_SEED=%u repeats this run)", seed, seed);
  rand = g_rand_new_with_seed (seed);
  g_assert_true (g_file_test (child, G_FILE_TEST_IS_EXECUTABLE));

  for (guint kill_number = 0; kill_number < N_KILLS; kill_number++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) answers = NULL;
      g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, next);
      g_autofree char *out = NULL;
      g_autofree char *head = NULL;
      g_autofree char *tail = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) lines = NULL;
      const char *argv[] = { child, path, first, NULL };
      GPid pid;
      int out_fd, err_fd, status;
      guint before = reported->len;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, &err_fd, &error));
      g_assert_no_error (error);

      /* Even kills: 0–400 ms after the start, so some land while it opens or
       * migrates (on a slow or sanitized build, perhaps all of them). Odd
       * kills: 0–200 ms after its first answer, so answers always get in
       * whatever the machine's speed. */
      if (kill_number % 2 == 1)
        head = read_first_line (out_fd);
      g_usleep (g_rand_int_range (rand, 0, kill_number % 2 == 1 ? 200000 : 400000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      tail = read_all (out_fd);
      out = g_strconcat (head ? head : "", tail, NULL);
      err = read_all (err_fd);
      close (out_fd);
      close (err_fd);
      /* the child may only die by our hand */
      g_assert_cmpstr (err, ==, "");
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      /* only whole lines: a number cut by the kill was not reported */
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          gint64 n = g_ascii_strtoll (lines[i], NULL, 10);
          g_assert_cmpint (n, ==, next);
          g_array_append_val (reported, n);
          next = n + 1;
        }
      if (reported->len == before)
        early_kills++;

      answers = check_database (path);
      for (guint i = 0; i < reported->len; i++)
        {
          gint64 n = g_array_index (reported, gint64, i);
          g_autofree char *question = g_strdup_printf ("q%" G_GINT64_FORMAT, n);
          gpointer value;

          if (!g_hash_table_lookup_extended (answers, question, NULL, &value))
            g_error ("kill %u: answer %s was reported saved but is missing", kill_number, question);
          g_assert_cmpint (GPOINTER_TO_INT (value), ==, n % 5 + 1);
        }
    }

  g_test_message ("%u answers reported over %d kills, %u kills before the first answer",
                  reported->len, N_KILLS, early_kills);
  g_assert_cmpuint (reported->len, >, 0);

  /* and the store itself opens it and finds them */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoStore) store = lo_store_open (path, &error);
    g_autoptr(LoEngagement) engagement = NULL;
    LoRespondent *respondent;
    gint64 client;

    g_assert_no_error (error);
    client = lo_store_find_client (store, "Crash", &error);
    g_assert_cmpint (client, >, 0);
    engagement = lo_store_load_engagement (store, client, &error);
    g_assert_no_error (error);
    respondent = lo_assessment_lookup_respondent (engagement->assessments->pdata[0], "r");
    g_assert_nonnull (respondent);
    g_assert_cmpuint (respondent->answers->len, >=, reported->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/lo/store/crash/sigkill", test_crash);

  return g_test_run ();
}
