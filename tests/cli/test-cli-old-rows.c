/* test-cli-old-rows.c: SPEC §2c — a database row written before a limit
 * existed (here: written with sqlite3 directly) never fails the whole client
 *
 * `list` shows the client, `score --client` works when only a process is out
 * of limits, `roi --client` and `export` refuse naming the process, the input
 * and the bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static char *
make_dir (void)
{
  char *dir = g_build_filename (g_get_user_data_dir (), "old-rows-XXXXXX", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (dir));
  return dir;
}

/* Runs sqlite3 on @db in @dir with @statement; its output, stripped. */
static char *
sqlite (const char *dir,
        const char *db,
        const char *statement)
{
  const char *args[] = { db, statement, NULL };
  g_auto(Run) run = { 0 };

  run_program (&run, dir, NULL, "sqlite3", args);
  g_assert_cmpint (run.status, ==, 0);
  return g_strstrip (g_strdup (run.out));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in:\n%s", part, text);
}

static void
test_old_process_row (void)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *dir = NULL;
  g_autofree char *client = NULL;
  g_autofree char *process = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *long_name = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) score = { 0 };
  g_auto(Run) roi = { 0 };
  g_auto(Run) export = { 0 };

  if (sqlite3 == NULL)
    {
      g_test_skip ("sqlite3 is not installed");
      return;
    }
  dir = make_dir ();
  run_lightsout_in (&demo, dir, "demo", "-o", "d.lightsout", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run_lightsout_in (&import, dir, "import", "d.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import.status, ==, 0);

  client = sqlite (dir, "t.db", "SELECT name FROM client LIMIT 1");
  process = sqlite (dir, "t.db", "SELECT sid FROM process ORDER BY id LIMIT 1");
  g_assert_cmpstr (client, !=, "");
  g_assert_cmpstr (process, !=, "");

  /* a process name of 201 characters and build-weeks of 1e9, both refused
   * today by every reader, as an older version could have written them */
  long_name = g_strnfill (201, 'n');
  statement = g_strdup_printf ("UPDATE process SET name = '%s' WHERE sid = '%s';"
                               "INSERT INTO process_input (process, input, position, is_set, value)"
                               " SELECT id, 'build-weeks', 10, 1, 1e9 FROM process WHERE sid = '%s'"
                               " ON CONFLICT (process, input) DO UPDATE SET is_set = 1, value = 1e9;",
                               long_name, process, process);
  g_free (sqlite (dir, "t.db", statement));

  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  assert_contains (list.out, client);

  /* the maturity score does not use the processes */
  run_lightsout_in (&score, dir, "score", "--client", client, "--db", "t.db", NULL);
  g_assert_cmpint (score.status, ==, 0);
  assert_contains (score.out, "Overall");

  run_lightsout_in (&roi, dir, "roi", "--client", client, "--db", "t.db", NULL);
  g_assert_cmpint (roi.status, !=, 0);
  assert_contains (roi.err, process);
  assert_contains (roi.err, "200");

  run_lightsout_in (&export, dir, "export", client, "-o", "x.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (export.status, !=, 0);
  assert_contains (export.err, process);
  {
    g_autofree char *never = g_build_filename (dir, "x.lightsout", NULL);

    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  }

  /* with the name corrected, the remaining problem is the input's bound */
  g_free (statement);
  statement = g_strdup_printf ("UPDATE process SET name = 'short' WHERE sid = '%s';", process);
  g_free (sqlite (dir, "t.db", statement));
  run_lightsout_in (&roi, dir, "roi", "--client", client, "--db", "t.db", NULL);
  g_assert_cmpint (roi.status, !=, 0);
  assert_contains (roi.err, process);
  assert_contains (roi.err, "build-weeks");
  assert_contains (roi.err, "520");
  run_lightsout_in (&export, dir, "export", client, "-o", "x.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (export.status, !=, 0);
  assert_contains (export.err, "build-weeks");
  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  assert_contains (list.out, client);
}

/* A client name written before the limit existed: listed, and its score
 * and export still name it. */
static void
test_old_client_name (void)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *dir = NULL;
  g_autofree char *long_name = NULL;
  g_autofree char *statement = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) score = { 0 };
  g_auto(Run) export = { 0 };

  if (sqlite3 == NULL)
    {
      g_test_skip ("sqlite3 is not installed");
      return;
    }
  dir = make_dir ();
  run_lightsout_in (&demo, dir, "demo", "-o", "d.lightsout", NULL);
  run_lightsout_in (&import, dir, "import", "d.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import.status, ==, 0);
  long_name = g_strnfill (250, 'c');
  statement = g_strdup_printf ("UPDATE client SET name = '%s';", long_name);
  g_free (sqlite (dir, "t.db", statement));

  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  assert_contains (list.out, long_name);
  run_lightsout_in (&score, dir, "score", "--client", "1", "--db", "t.db", NULL);
  g_assert_cmpint (score.status, ==, 0);
  run_lightsout_in (&export, dir, "export", "1", "-o", "x.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (export.status, !=, 0);
  assert_contains (export.err, "200");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/cli/old-rows/process", test_old_process_row);
  g_test_add_func ("/lo/cli/old-rows/client-name", test_old_client_name);
  return g_test_run ();
}
