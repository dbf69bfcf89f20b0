/* test-cli-store.c: lightsout import, export and list through the binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli-test-util.h"

static char *
make_dir (void)
{
  static guint counter;
  char *dir = g_strdup_printf ("%s/cli-store-%u", g_get_user_data_dir (), ++counter);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static char *
contents (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) export = { 0 };

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run_lightsout_in (&import, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Harbor Logistics"));

  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "1\tHarbor Logistics\t"));

  run_lightsout_in (&export, dir, "export", "Harbor Logistics", "-o", "b.lightsout", "--db", "t.db", NULL);
  g_assert_cmpstr (export.err, ==, "");
  g_assert_cmpint (export.status, ==, 0);

  /* file → database → file: the same bytes */
  a = contents (dir, "a.lightsout");
  b = contents (dir, "b.lightsout");
  g_assert_cmpstr (a, ==, b);
}

static void
test_list (void)
{
  g_autofree char *dir = make_dir ();
  g_auto(Run) empty = { 0 };
  g_auto(Run) demo = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) search = { 0 };
  g_autofree char *missing = g_build_filename (dir, "none.db", NULL);

  /* no database yet: nothing to list, and none is made */
  run_lightsout_in (&empty, dir, "list", "--db", "none.db", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  run_lightsout_in (&first, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  run_lightsout_in (&second, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "Harbor Logistics (2)"));

  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "1\tHarbor Logistics\t"));
  g_assert_nonnull (strstr (list.out, "2\tHarbor Logistics (2)\t"));

  run_lightsout_in (&search, dir, "list", "--db", "t.db", "--search", "(2)", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_true (g_str_has_prefix (search.out, "2\tHarbor Logistics (2)\t"));
  {
    g_auto(GStrv) lines = g_strsplit (search.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);   /* one line and the empty rest */
  }
}

/* restore: lists the daily backups, and puts one back, keeping the file it
 * replaces.  `import` backs the database up before it changes it, so the
 * day's backup holds what was there before the day's first import. */
static void
test_restore (void)
{
  g_autofree char *dir = make_dir ();
  g_auto(Run) none = { 0 };
  g_auto(Run) demo = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) restored = { 0 };
  g_auto(Run) clients = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;
  gboolean kept = FALSE;

  run_lightsout_in (&none, dir, "restore", "--db", "t.db", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_nonnull (strstr (none.err, "no backups"));

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  run_lightsout_in (&first, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (first.status, ==, 0);
  /* The day's backup is taken once, before the first import changes it. */
  run_lightsout_in (&second, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (second.status, ==, 0);

  run_lightsout_in (&listed, dir, "restore", "--db", "t.db", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  lines = g_strsplit (listed.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);   /* one backup and the empty rest */
  g_assert_true (g_str_has_suffix (lines[0], ".db"));
  g_assert_nonnull (strstr (lines[0], "backups"));

  run_lightsout_in (&restored, dir, "restore", "--db", "t.db", lines[0], NULL);
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (strstr (restored.out, "restored from"));

  /* The backup was made before the first import: no clients. */
  run_lightsout_in (&clients, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (clients.status, ==, 0);
  g_assert_cmpstr (clients.out, ==, "");

  /* The replaced file is kept beside it. */
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    kept |= g_str_has_prefix (name, "t.db.before-restore-");
  g_assert_true (kept);

  run_lightsout_in (&missing, dir, "restore", "--db", "t.db", "no-such-backup.db", NULL);
  g_assert_cmpint (missing.status, !=, 0);
  g_assert_nonnull (strstr (missing.err, "no-such-backup.db"));
}

/* score, roi and report read a client from the database as from its file:
 * the same figures either way. */
static void
test_from_db (void)
{
  g_autofree char *dir = make_dir ();
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) file_score = { 0 };
  g_auto(Run) db_score = { 0 };
  g_auto(Run) file_roi = { 0 };
  g_auto(Run) db_roi = { 0 };
  g_auto(Run) report = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) both = { 0 };
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  run_lightsout_in (&import, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_lightsout_in (&file_score, dir, "score", "a.lightsout", "--json", NULL);
  run_lightsout_in (&db_score, dir, "score", "--db", "t.db", "--client", "Harbor Logistics", "--json", NULL);
  g_assert_cmpint (db_score.status, ==, 0);
  g_assert_cmpstr (db_score.out, ==, file_score.out);

  run_lightsout_in (&file_roi, dir, "roi", "a.lightsout", "--json", "--draws", "500", NULL);
  run_lightsout_in (&db_roi, dir, "roi", "--db", "t.db", "--client", "Harbor Logistics", "--json",
                 "--draws", "500", NULL);
  g_assert_cmpint (db_roi.status, ==, 0);
  g_assert_cmpstr (db_roi.out, ==, file_roi.out);

  run_lightsout_in (&report, dir, "report", "--db", "t.db", "--client", "Harbor Logistics",
                 "-o", "r.pdf", "--draws", "200", NULL);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  run_lightsout_in (&missing, dir, "score", "--db", "t.db", "--client", "Nobody", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "t.db"));
  g_assert_nonnull (strstr (missing.err, "Nobody"));

  run_lightsout_in (&both, dir, "score", "a.lightsout", "--db", "t.db", "--client", "Harbor Logistics", NULL);
  g_assert_cmpint (both.status, ==, 2);
}

static void
test_errors (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *bad = g_build_filename (dir, "bad.lightsout", NULL);
  g_autofree char *out = g_build_filename (dir, "out.lightsout", NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) import_bad = { 0 };
  g_auto(Run) export_none = { 0 };
  g_auto(Run) export_nodb = { 0 };
  g_auto(Run) export_nodir = { 0 };
  g_auto(Run) usage = { 0 };

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  run_lightsout_in (&import, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import.status, ==, 0);

  /* a file that is not an engagement: "FILE: message", nothing imported */
  g_assert_true (g_file_set_contents (bad, "<engagement", -1, NULL));
  run_lightsout_in (&import_bad, dir, "import", "bad.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import_bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (import_bad.err, "bad.lightsout:"));

  run_lightsout_in (&export_none, dir, "export", "Nobody", "-o", "out.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (export_none.status, ==, 1);
  g_assert_true (g_str_has_prefix (export_none.err, "t.db: "));
  g_assert_nonnull (strstr (export_none.err, "Nobody"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_lightsout_in (&export_nodb, dir, "export", "Harbor Logistics", "-o", "out.lightsout", "--db", "none.db", NULL);
  g_assert_cmpint (export_nodb.status, ==, 1);
  g_assert_nonnull (strstr (export_nodb.err, "none.db"));

  run_lightsout_in (&export_nodir, dir, "export", "Harbor Logistics", "-o", "no/such/dir.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (export_nodir.status, ==, 1);
  g_assert_true (g_str_has_prefix (export_nodir.err, "no/such/dir.lightsout: "));

  run_lightsout_in (&usage, dir, "export", "Harbor Logistics", "--db", "t.db", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "-o FILE"));
}

/* import refuses what validate refuses (an answer to a question the bank
 * does not have, a bank nobody knows), naming it, and imports nothing. */
static void
test_import_as_validate (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *demo_text = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) list = { 0 };
  const char *cases[][3] = {
    { "question.lightsout", "question=\"process.rules\"", "question=\"process.invented\"" },
    { "bank.lightsout", "bank=\"lightsout-default\"", "bank=\"no-such-bank\"" },
  };

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  demo_text = contents (dir, "a.lightsout");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i][0], NULL);
      g_auto(GStrv) parts = g_strsplit (demo_text, cases[i][1], 2);
      g_autofree char *edited = NULL;
      g_auto(Run) validate = { 0 };
      g_auto(Run) import = { 0 };

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      edited = g_strjoin (cases[i][2], parts[0], parts[1], NULL);
      g_assert_true (g_file_set_contents (path, edited, -1, NULL));

      run_lightsout_in (&validate, dir, "validate", cases[i][0], NULL);
      g_assert_cmpint (validate.status, ==, 1);
      run_lightsout_in (&import, dir, "import", cases[i][0], "--db", "t.db", NULL);
      g_test_message ("%s", import.err);
      g_assert_cmpint (import.status, ==, 1);
      g_assert_true (g_str_has_prefix (import.err, cases[i][0]));
      g_assert_nonnull (strstr (import.err, i == 0 ? "process.invented" : "no-such-bank"));
    }

  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "");
}

/* The shell script that mounts its folder ($0) read-only over itself, in
 * a mount namespace of its own, then runs its arguments there; 97 when
 * it cannot. */
#define READ_ONLY_MOUNT \
  "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" || exit 97; " \
  "cd \"$0\" || exit 97; "

/* Whether a private read-only mount can be made here (unshare -rm: a user
 * and mount namespace, so the machine's own mounts are never touched). */
static gboolean
can_mount_read_only (const char *dir)
{
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  const char *argv[] = { "unshare", "-rm", "sh", "-c",
                         READ_ONLY_MOUNT "touch probe 2>/dev/null && exit 98; exit 0", dir, NULL };
  int status;

  if (unshare == NULL)
    return FALSE;
  argv[0] = unshare;
  if (!g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* `lightsout @command --db t.db` and up to three more arguments (NULL for
 * none), on the read-only mount of @dir. */
static void
run_read_only (Run        *run,
               const char *dir,
               const char *command,
               const char *arg1,
               const char *arg2,
               const char *arg3)
{
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  const char *argv[] = { unshare, "-rm", "sh", "-c", READ_ONLY_MOUNT "exec \"$@\"", dir,
                         g_getenv ("LIGHTSOUT"), command, "--db", "t.db", arg1, arg2, arg3, NULL };
  int status;

  g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &status, NULL));
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  g_assert_cmpint (run->status, !=, 97);
}

/* A database on read-only media can be read: list, score --client and
 * export (written outside the mount); import says it is read-only. */
static void
test_read_only_media (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *outside = make_dir ();
  g_autofree char *exported = g_build_filename (outside, "b.lightsout", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) score = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) refused = { 0 };

  if (!can_mount_read_only (dir))
    {
      g_test_skip ("no read-only mount can be made here (unshare -rm)");
      return;
    }

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  run_lightsout_in (&import, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_read_only (&list, dir, "list", NULL, NULL, NULL);
  g_assert_cmpstr (list.err, ==, "");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "1\tHarbor Logistics\t"));

  run_read_only (&score, dir, "score", "--client", "Harbor Logistics", NULL);
  g_assert_cmpstr (score.err, ==, "");
  g_assert_cmpint (score.status, ==, 0);
  g_assert_nonnull (strstr (score.out, "Harbor Logistics"));

  run_read_only (&export, dir, "export", "Harbor Logistics", "-o", exported);
  g_assert_cmpstr (export.err, ==, "");
  g_assert_cmpint (export.status, ==, 0);
  a = contents (dir, "a.lightsout");
  b = contents (outside, "b.lightsout");
  g_assert_cmpstr (a, ==, b);

  run_read_only (&refused, dir, "import", "a.lightsout", NULL, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "read-only"));
}

/* Ten imports at once, five through each of two hard links to one
 * database: each one is either in the database or refused clearly (the
 * database is open in another command); none is lost, and both paths list
 * the same clients. */
static void
test_concurrent_imports_two_paths (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "t.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  const char *lightsout = g_getenv ("LIGHTSOUT");
  g_auto(Run) demo = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) list_other = { 0 };
  GPid pids[10];
  int errs[10];
  guint imported = 1;

  run_lightsout_in (&demo, dir, "demo", "-o", "a.lightsout", NULL);
  run_lightsout_in (&first, dir, "import", "a.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (link (db, other), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      const char *argv[] = { lightsout, "import", "a.lightsout", "--db", i % 2 ? "other.db" : "t.db", NULL };
      g_autoptr(GError) error = NULL;

      g_assert_true (g_spawn_async_with_pipes (dir, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                               NULL, NULL, &pids[i], NULL, NULL, &errs[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (errs[i]);
      g_autofree char *err = NULL;
      int status;

      g_io_channel_set_close_on_unref (channel, TRUE);
      g_assert_cmpint (g_io_channel_read_to_end (channel, &err, NULL, NULL), ==, G_IO_STATUS_NORMAL);
      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_spawn_close_pid (pids[i]);
      g_assert_true (WIFEXITED (status));
      if (WEXITSTATUS (status) == 0)
        imported++;
      else
        g_assert_nonnull (strstr (err, "open in another"));
    }

  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  run_lightsout_in (&list_other, dir, "list", "--db", "other.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, list_other.out);
  {
    g_auto(GStrv) lines = g_strsplit (list.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines) - 1, ==, imported);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/cli/store/round-trip", test_round_trip);
  g_test_add_func ("/lo/cli/store/list", test_list);
  g_test_add_func ("/lo/cli/store/errors", test_errors);
  g_test_add_func ("/lo/cli/store/from-db", test_from_db);
  g_test_add_func ("/lo/cli/store/restore", test_restore);
  g_test_add_func ("/lo/cli/store/import-as-validate", test_import_as_validate);
  g_test_add_func ("/lo/cli/store/read-only-media", test_read_only_media);
  g_test_add_func ("/lo/cli/store/concurrent-two-paths", test_concurrent_imports_two_paths);

  return g_test_run ();
}
