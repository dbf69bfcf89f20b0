/* test-cli-limits.c: the command line's side of issue 17
 *
 *  - --draws and --seed at their SPEC §2c bounds (accepted) and just past
 *    them (refused, naming the option and the bound) on roi, report, chart;
 *  - JSON numbers stay JSON with the largest figures the limits allow;
 *  - output files: -o -, FIFOs refused, one mode rule for every format, a
 *    full disk named;
 *  - --lang, UTF-16, --logo, validate on a FIFO, import --db=, industry=""
 *    and role="", clients by number, --, list rows.
 *
 * Everything runs in the test's own folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli-test-util.h"

/* One process, every input at its SPEC §2c upper bound where that makes the
 * figures largest: NPVs near 10¹⁹, printed with an exponent. */
static const char big_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
  "  <client name=\"Big\" industry=\"\"/>\n"
  "  <settings horizon-months=\"240\" hours-per-week=\"1\"/>\n"
  "  <assessment id=\"a1\" date=\"2026-01-01\" bank=\"lightsout-default\">\n"
  "    <respondent id=\"r1\" name=\"Ria\" role=\"\">\n"
  "      <answer question=\"process.documentation\" level=\"3\"/>\n"
  "    </respondent>\n"
  "  </assessment>\n"
  "  <process id=\"p1\" name=\"Everything\">\n"
  "    <input name=\"volume-per-month\" value=\"1e9\" low=\"0\" high=\"1e9\"/>\n"
  "    <input name=\"minutes-per-item\" value=\"10000\"/>\n"
  "    <input name=\"hourly-cost\" value=\"1e6\"/>\n"
  "    <input name=\"automation-rate\" value=\"1\"/>\n"
  "    <input name=\"build-cost\" value=\"1e12\"/>\n"
  "    <input name=\"build-weeks\" value=\"520\"/>\n"
  "    <readiness clarity=\"3\" access=\"3\" scope=\"3\"/>\n"
  "  </process>\n"
  "</engagement>\n";

static char *
make_dir (void)
{
  static guint counter;
  char *dir = g_strdup_printf ("%s/cli-limits-%u", g_get_user_data_dir (), ++counter);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static void
write_in (const char *dir,
          const char *name,
          const char *text,
          gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
}

static void
run_argv (Run                *run,
          const char         *dir,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("LIGHTSOUT"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

typedef struct
{
  const char *option;
  const char *value;
  gboolean    ok;
  const char *bound;   /* in the refusal */
} OptionCase;

/* --draws 1 … 1 000 000, --seed 0 … 4 294 967 295 */
static const OptionCase option_cases[] = {
  { "--draws", "1", TRUE, NULL },
  { "--draws", "1000000", TRUE, NULL },
  { "--draws", "1000001", FALSE, "1000000" },
  { "--draws", "2000000000", FALSE, "1000000" },
  { "--draws", "-5", FALSE, "1000000" },
  { "--draws", "1e3", FALSE, "1000000" },
  { "--seed", "0", TRUE, NULL },
  { "--seed", "4294967295", TRUE, NULL },
  { "--seed", "4294967296", FALSE, "4294967295" },
  { "--seed", "-1", FALSE, "4294967295" },
  { "--seed", "10000000000000000000", FALSE, "4294967295" },
};

static void
test_monte_carlo_options (void)
{
  g_autofree char *dir = make_dir ();

  write_in (dir, "big.lightsout", big_file, -1);
  for (guint i = 0; i < G_N_ELEMENTS (option_cases); i++)
    {
      const OptionCase *c = &option_cases[i];
      const char *roi[] = { "roi", "big.lightsout", "--json", c->option, c->value, NULL };
      const char *report[] = { "report", "big.lightsout", "-o", "r.csv", c->option, c->value, NULL };
      const char *chart[] = { "chart", "portfolio", "big.lightsout", "-o", "c.svg", c->option, c->value, NULL };
      const char * const *commands[] = { roi, report, chart };

      for (guint k = 0; k < G_N_ELEMENTS (commands); k++)
        {
          g_auto(Run) run = { 0 };

          /* the bound of the draws is checked once, on roi: it takes seconds */
          if (c->ok && k > 0 && g_str_equal (c->value, "1000000"))
            continue;
          run_argv (&run, dir, commands[k]);
          g_test_message ("%s %s %s: %d %s", commands[k][0], c->option, c->value, run.status, run.err);
          if (c->ok)
            {
              g_assert_cmpstr (run.err, ==, "");
              g_assert_cmpint (run.status, ==, 0);
            }
          else
            {
              g_autofree char *expected = g_strdup_printf ("%s: “%s” is not a whole number from %s to %s",
                                                           c->option, c->value,
                                                           g_str_equal (c->option, "--draws") ? "1" : "0",
                                                           c->bound);

              g_assert_cmpint (run.status, ==, 2);
              g_assert_nonnull (strstr (run.err, expected));
            }
        }
    }
}

/* roi --json parses as JSON with the largest figures the limits allow */
static void
test_json_numbers (void)
{
  g_autofree char *dir = make_dir ();
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  write_in (dir, "big.lightsout", big_file, -1);
  run_lightsout_in (&run, dir, "roi", "big.lightsout", "--json", "--draws", "100",
                 "--seed", "4294967295", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_regex_match_simple ("e[+-][0-9]+,", run.out, 0, 0));   /* exponents there are */
  g_assert_false (g_regex_match_simple ("e[+-][0-9]+\\.0", run.out, 0, 0));
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (run.out, "\"seed\" : 4294967295"));
}

static mode_t
mode_of (const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* One mode rule for every format; -o - is standard output; a FIFO is
 * refused and stays a FIFO; an existing file keeps its mode. */
static void
test_output_files (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.pdf", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.pdf", NULL);
  mode_t old = umask (022);
  static const char * const outputs[][8] = {
    { "demo", "-o", "d.lightsout", NULL },
    { "report", "d.lightsout", "-o", "r.pdf", "--draws", "100", NULL },
    { "report", "d.lightsout", "-o", "r.csv", "--draws", "100", NULL },
    { "report", "d.lightsout", "-o", "r.svg", "--draws", "100", NULL },
    { "chart", "portfolio", "d.lightsout", "-o", "c.png", "--draws", "100", NULL },
  };
  static const char * const names[] = { "d.lightsout", "r.pdf", "r.csv", "r.svg", "c.png" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_auto(Run) run = { 0 };

      run_argv (&run, dir, outputs[i]);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpint (mode_of (dir, names[i]), ==, 0644);
    }

  {
    g_auto(Run) run = { 0 };

    run_lightsout_in (&run, dir, "report", "d.lightsout", "-o", "-", "--draws", "100", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "%PDF-"));
  }
  {
    g_auto(Run) run = { 0 };
    GStatBuf st;

    g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
    run_lightsout_in (&run, dir, "report", "d.lightsout", "-o", "fifo.pdf", "--draws", "100", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "fifo.pdf: is a FIFO"));
    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
    g_assert_cmpint (g_chmod (kept, 0600), ==, 0);
    run_lightsout_in (&run, dir, "report", "d.lightsout", "-o", "kept.pdf", "--draws", "100", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (mode_of (dir, "kept.pdf"), ==, 0600);
  }
  umask (old);
}

/* A full disk while writing a PDF names the cause and the file and leaves
 * nothing behind (a 16 kB tmpfs in a private mount namespace). */
static void
test_full_disk (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *full = g_build_filename (dir, "full", NULL);
  g_autofree char *script = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_auto(Run) probe = { 0 };
  g_auto(Run) demo = { 0 };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GDir) listing = NULL;
  int status;

  run_lightsout_in (&demo, dir, "demo", "-o", "d.lightsout", NULL);
  g_assert_cmpint (g_mkdir (full, 0700), ==, 0);
  script = g_strdup_printf ("mount -t tmpfs -o size=16k lo-test full && exec \"%s\" report d.lightsout "
                            "-o full/r.pdf --draws 100", g_getenv ("LIGHTSOUT"));
  if (unshare == NULL
      || !g_spawn_sync (dir, (char *[]) { unshare, "-m", "--propagation", "private", "sh", "-c",
                                          "mount -t tmpfs -o size=4k lo-test full && umount full", NULL },
                        NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
      || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_test_skip ("no private tmpfs (needs root or user namespaces)");
      return;
    }
  g_assert_true (g_spawn_sync (dir, (char *[]) { unshare, "-m", "--propagation", "private",
                                                 "sh", "-c", script, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "r.pdf: cannot write: No space left on device"));
  g_assert_null (strstr (err, "error while writing to output stream"));
  /* the tmpfs is gone with the namespace; the folder below it is empty */
  listing = g_dir_open (full, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

/* --lang, a UTF-16 file, a logo that is not a PNG, validate on a FIFO */
static void
test_smaller_items (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.lightsout", NULL);
  g_autofree char *utf16 = NULL;
  g_autofree char *path = NULL;
  gsize length;
  g_auto(Run) demo = { 0 };
  g_auto(Run) lang = { 0 };
  g_auto(Run) lang_de = { 0 };
  g_auto(Run) validate16 = { 0 };
  g_auto(Run) logo = { 0 };
  g_auto(Run) validate_fifo = { 0 };
  g_auto(Run) chart_lang = { 0 };

  run_lightsout_in (&demo, dir, "demo", "-o", "d.lightsout", NULL);
  run_lightsout_in (&lang, dir, "report", "d.lightsout", "-o", "r.pdf", "--lang", "xx", NULL);
  g_assert_cmpint (lang.status, ==, 2);
  g_assert_nonnull (strstr (lang.err, "--lang: “xx” is not a supported language (supported: en, de"));
  run_lightsout_in (&chart_lang, dir, "chart", "portfolio", "d.lightsout", "-o", "c.svg", "--lang", "xx", NULL);
  g_assert_cmpint (chart_lang.status, ==, 2);
  run_lightsout_in (&lang_de, dir, "report", "d.lightsout", "-o", "r.csv", "--lang", "de_AT", "--draws", "10", NULL);
  g_assert_cmpint (lang_de.status, ==, 0);

  path = g_build_filename (dir, "d.lightsout", NULL);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    utf16 = g_convert (text, -1, "UTF-16", "UTF-8", NULL, &length, NULL);
    g_assert_nonnull (utf16);
    write_in (dir, "u16.lightsout", utf16, length);
  }
  run_lightsout_in (&validate16, dir, "validate", "u16.lightsout", NULL);
  g_assert_cmpint (validate16.status, ==, 1);
  g_assert_nonnull (strstr (validate16.err, "u16.lightsout: the file is in UTF-16"));

  write_in (dir, "logo.png", "root:x:0:0:root:/root:/bin/bash\n", -1);
  run_lightsout_in (&logo, dir, "report", "d.lightsout", "-o", "r.pdf", "--logo", "logo.png", "--draws", "10", NULL);
  g_assert_cmpint (logo.status, ==, 1);
  g_assert_nonnull (strstr (logo.err, "logo.png: the logo is not a PNG image"));
  g_assert_null (strstr (logo.err, "memory"));

  /* a mistyped command is a command line error, never the window */
  {
    g_auto(Run) typo = { 0 };

    run_lightsout_in (&typo, dir, "scroe", "d.lightsout", NULL);
    g_assert_cmpint (typo.status, ==, 2);
    g_assert_nonnull (strstr (typo.err, "lightsout: unknown command “scroe”"));
    g_assert_nonnull (strstr (typo.err, "Did you mean “score”?"));
  }

  /* no writer ever comes: this returns only when validate does not wait */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  run_lightsout_in (&validate_fifo, dir, "validate", "fifo.lightsout", NULL);
  g_assert_cmpint (validate_fifo.status, ==, 1);
  g_assert_nonnull (strstr (validate_fifo.err, "fifo.lightsout: not a regular file"));
}

static char *
read_in (const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* import --db=, industry="" and role="", import refuses what validate
 * refuses, clients by number, "--", list rows */
static void
test_database_items (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *one = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *sqlite = g_find_program_in_path ("sqlite3");
  g_auto(Run) demo = { 0 };
  g_auto(Run) empty_db = { 0 };
  g_auto(Run) import_big = { 0 };
  g_auto(Run) export_big = { 0 };
  g_auto(Run) import_bad = { 0 };
  g_auto(Run) import_one = { 0 };
  g_auto(Run) by_name = { 0 };
  g_auto(Run) by_number = { 0 };
  g_auto(Run) report_number = { 0 };
  g_auto(Run) dash = { 0 };
  g_auto(Run) list = { 0 };
  g_autofree char *lock = g_build_filename (dir, ".lock", NULL);

  run_lightsout_in (&demo, dir, "demo", "-o", "d.lightsout", NULL);
  run_lightsout_in (&empty_db, dir, "import", "d.lightsout", "--db=", NULL);
  g_assert_cmpint (empty_db.status, ==, 2);
  g_assert_nonnull (strstr (empty_db.err, "--db: the database path is empty"));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* industry="" and role="" come back as they went in */
  write_in (dir, "big.lightsout", big_file, -1);
  run_lightsout_in (&import_big, dir, "import", "big.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import_big.status, ==, 0);
  run_lightsout_in (&export_big, dir, "export", "Big", "-o", "big-out.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (export_big.status, ==, 0);
  exported = read_in (dir, "big-out.lightsout");
  g_assert_nonnull (strstr (exported, "<client name=\"Big\" industry=\"\"/>"));
  g_assert_nonnull (strstr (exported, "name=\"Ria\" role=\"\""));

  /* an answer to a question the bank does not have: validate and import agree */
  {
    g_autofree char *bad = g_strdup (big_file);
    char *q = strstr (bad, "process.documentation");

    memcpy (q, "process.nonexistent__", strlen ("process.nonexistent__"));
    write_in (dir, "bad.lightsout", bad, -1);
  }
  run_lightsout_in (&import_bad, dir, "import", "bad.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import_bad.status, ==, 1);
  g_assert_nonnull (strstr (import_bad.err, "process.nonexistent__"));
  {
    g_autofree char *other = g_strdup (big_file);
    g_auto(Run) import_bank = { 0 };
    g_auto(Run) validate_bank = { 0 };
    char *b = strstr (other, "lightsout-default");

    memcpy (b, "no-such-bank-here", strlen ("no-such-bank-here"));
    write_in (dir, "bank.lightsout", other, -1);
    run_lightsout_in (&validate_bank, dir, "validate", "bank.lightsout", NULL);
    run_lightsout_in (&import_bank, dir, "import", "bank.lightsout", "--db", "t.db", NULL);
    g_assert_cmpint (validate_bank.status, ==, 1);
    g_assert_cmpint (import_bank.status, ==, 1);
    g_assert_nonnull (strstr (import_bank.err, "no-such-bank-here"));
  }

  /* a client named "1" is #2; "1" names it, "#1" is client number 1 */
  one = g_strdup (big_file);
  memcpy (strstr (one, "name=\"Big\""), "name=\"1\"  ", strlen ("name=\"Big\""));
  write_in (dir, "one.lightsout", one, -1);
  run_lightsout_in (&import_one, dir, "import", "one.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import_one.status, ==, 0);
  g_assert_nonnull (strstr (import_one.out, "(client 2)"));
  run_lightsout_in (&by_name, dir, "export", "1", "-o", "-", "--db", "t.db", NULL);
  g_assert_cmpint (by_name.status, ==, 0);
  g_assert_nonnull (strstr (by_name.out, "<client name=\"1\""));
  run_lightsout_in (&by_number, dir, "export", "#1", "-o", "-", "--db", "t.db", NULL);
  g_assert_cmpint (by_number.status, ==, 0);
  g_assert_nonnull (strstr (by_number.out, "<client name=\"Big\""));
  run_lightsout_in (&report_number, dir, "report", "--client", "#1", "--db", "t.db", "-o", "r.csv",
                 "--draws", "10", NULL);
  g_assert_cmpstr (report_number.err, ==, "");
  g_assert_cmpint (report_number.status, ==, 0);

  /* "--" ends the options: -rf is a client's name */
  run_lightsout_in (&dash, dir, "export", "-o", "x.lightsout", "--db", "t.db", "--", "-rf", NULL);
  g_assert_cmpint (dash.status, ==, 1);
  g_assert_nonnull (strstr (dash.err, "no client “-rf”"));

  /* a name with a line break and a tab (written before the limits, by hand)
   * is one row */
  if (sqlite == NULL)
    {
      g_test_message ("no sqlite3: the list part is skipped");
      return;
    }
  {
    g_autofree char *db = g_build_filename (dir, "t.db", NULL);
    int status;

    g_assert_true (g_spawn_sync (dir, (char *[]) { sqlite, db,
                                                   "UPDATE client SET name = 'two' || char(10) || '2'"
                                                   " || char(9) || 'x' WHERE id = 1", NULL },
                                 NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
  }
  run_lightsout_in (&list, dir, "list", "--db", "t.db", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_test_message ("%s", list.out);
  g_assert_nonnull (strstr (list.out, "1\ttwo\\n2\\tx\t"));
  {
    g_auto(GStrv) rows = g_strsplit (list.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (rows), ==, 3);   /* two rows and the end */
  }

  /* and such a client is not exported into a file validate would refuse */
  {
    g_auto(Run) export_bad = { 0 };
    g_autofree char *out = g_build_filename (dir, "never.lightsout", NULL);

    run_lightsout_in (&export_bad, dir, "export", "#1", "-o", "never.lightsout", "--db", "t.db", NULL);
    g_assert_cmpint (export_bad.status, ==, 1);
    g_assert_nonnull (strstr (export_bad.err, "client “two\\n2\\tx” cannot be exported until it is corrected: "));
    g_assert_nonnull (strstr (export_bad.err, "U+000A"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

/* @n processes; with @ranged, each volume has a range (±20 %), so each
 * process has a Monte Carlo. */
static char *
many_processes (guint    n,
                gboolean ranged)
{
  GString *out = g_string_new ("<?xml version=\"1.0\"?>\n"
                               "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                               "  <client name=\"Many\"/>\n");

  /* the NPV grows with the number: the last 25 are the highest */
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (out,
                            "  <process id=\"p%u\" name=\"Process %u\">"
                            "<input name=\"volume-per-month\" value=\"%u\"%s/>"
                            "<input name=\"minutes-per-item\" value=\"5\"/>"
                            "<input name=\"hourly-cost\" value=\"40\"/>"
                            "<input name=\"automation-rate\" value=\"0.5\"/>"
                            "<input name=\"build-cost\" value=\"10000\"/>"
                            "<input name=\"build-weeks\" value=\"10\"/>"
                            "<readiness clarity=\"3\" access=\"3\" scope=\"3\"/></process>\n",
                            i, i, 1000 * i, ranged ? " low=\"800\" high=\"1200000\"" : "");
  g_string_append (out, "</engagement>\n");
  return g_string_free (out, FALSE);
}

/* The number of times @needle is in the text of the report of @n processes. */
static guint
count_in_report (const char *dir,
                 const char *pdftotext,
                 guint       n,
                 const char *needle)
{
  g_autofree char *text = many_processes (n, FALSE);
  g_autofree char *out = NULL;
  g_auto(Run) run = { 0 };
  guint count = 0;
  int status;

  write_in (dir, "many.lightsout", text, -1);
  run_lightsout_in (&run, dir, "report", "many.lightsout", "-o", "many.pdf", "--draws", "10", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_spawn_sync (dir, (char *[]) { (char *) pdftotext, "many.pdf", "-", NULL }, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
  for (const char *p = out; (p = strstr (p, needle)) != NULL; p++)
    count++;
  return count;
}

/* SPEC §2c: the report details the 25 processes with the highest NPV */
static void
test_report_details_25 (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint one, thirty;

  if (pdftotext == NULL)
    {
      g_test_skip ("no pdftotext");
      return;
    }
  /* "Scenarios" heads each process's details */
  one = count_in_report (dir, pdftotext, 1, "Scenarios");
  thirty = count_in_report (dir, pdftotext, 30, "Scenarios");
  g_assert_cmpuint (thirty, ==, one - 1 + 25);
}

/* The PDF report runs a per-process Monte Carlo only for the 25 processes it
 * details; the tables written by the same command give every process's:
 * 30 ranged processes → 30 rows of the ROI table, each with an NPV P10. */
static void
test_tables_keep_every_monte_carlo (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *text = many_processes (30, TRUE);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(Run) pdf = { 0 };
  g_auto(Run) roi = { 0 };
  guint column = 0, rows = 0;

  write_in (dir, "many.lightsout", text, -1);
  run_lightsout_in (&pdf, dir, "report", "many.lightsout", "-o", "many.pdf", "--draws", "50", NULL);
  g_assert_cmpint (pdf.status, ==, 0);
  run_lightsout_in (&roi, dir, "report", "many.lightsout", "-o", "roi.csv", "--table", "roi",
                    "--draws", "50", NULL);
  g_assert_cmpint (roi.status, ==, 0);
  {
    g_autofree char *path = g_build_filename (dir, "roi.csv", NULL);

    g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  }
  lines = g_strsplit (csv, "\r\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  while (header[column] != NULL && !g_str_equal (header[column], "npv-p10"))
    column++;
  g_assert_nonnull (header[column]);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), >, column);
      g_assert_cmpstr (fields[column], !=, "");
      rows++;
    }
  g_assert_cmpuint (rows, ==, 30);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/cli/limits/monte-carlo-options", test_monte_carlo_options);
  g_test_add_func ("/lo/cli/limits/tables-keep-every-monte-carlo", test_tables_keep_every_monte_carlo);
  g_test_add_func ("/lo/cli/limits/json-numbers", test_json_numbers);
  g_test_add_func ("/lo/cli/limits/output-files", test_output_files);
  g_test_add_func ("/lo/cli/limits/full-disk", test_full_disk);
  g_test_add_func ("/lo/cli/limits/smaller-items", test_smaller_items);
  g_test_add_func ("/lo/cli/limits/database-items", test_database_items);
  g_test_add_func ("/lo/cli/limits/report-details-25", test_report_details_25);

  return g_test_run ();
}
