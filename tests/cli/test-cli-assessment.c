/* test-cli-assessment.c: `--assessment ID` of score, roi and report
 *
 * The engagement has two assessments on the default bank, the later one
 * first in the file: "autumn" (2026-09-01, Ann answers level 4 everywhere)
 * and "spring" (2026-03-01, Sam answers level 2 everywhere). Every dimension
 * of an assessment then scores its one answer, so its overall level is that
 * answer (SPEC §1): 4 for autumn, the latest by date, and 2 for spring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "cli-test-util.h"

static const char *questions[] = {
  "process.documentation", "process.rules", "process.exceptions", "process.consistency",
  "process.baseline", "data.access", "data.copies", "data.quality", "data.realtime",
  "data.rekeying", "automation.ai-use", "automation.share", "automation.integration",
  "automation.documents", "automation.triggers", "oversight.validation",
  "oversight.thresholds", "oversight.monitoring", "oversight.audit",
  "oversight.change-review", "people.sponsorship", "people.focus", "people.measurement",
  "people.redirection", "people.skills",
};

typedef struct
{
  char *dir;
  char *file;
} Fixture;

static void
append_assessment (GString    *xml,
                   const char *id,
                   const char *date,
                   const char *respondent,
                   int         level)
{
  g_string_append_printf (xml, "  <assessment id=\"%s\" date=\"%s\" bank=\"lightsout-default\">\n"
                          "    <respondent id=\"r1\" name=\"%s\">\n", id, date, respondent);
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_string_append_printf (xml, "      <answer question=\"%s\" level=\"%d\"/>\n", questions[i], level);
  g_string_append (xml, "    </respondent>\n  </assessment>\n");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lo-cli-assessment-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_build_filename (f->dir, "two.lightsout", NULL);
  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                   "  <client name=\"Two Seasons\"/>\n");
  append_assessment (xml, "autumn", "2026-09-01", "Ann Autumn", 4);
  append_assessment (xml, "spring", "2026-03-01", "Sam Spring", 2);
  g_string_append (xml, "  <process id=\"invoicing\" name=\"Billing\">\n"
                   "    <input name=\"volume-per-month\" value=\"1200\"/>\n"
                   "    <input name=\"minutes-per-item\" value=\"6\"/>\n"
                   "    <input name=\"hourly-cost\" value=\"45\"/>\n"
                   "    <input name=\"automation-rate\" value=\"0.8\"/>\n"
                   "    <input name=\"build-cost\" value=\"55000\"/>\n"
                   "    <input name=\"build-weeks\" value=\"10\"/>\n"
                   "  </process>\n"
                   "</engagement>\n");
  g_assert_true (g_file_set_contents (f->file, xml->str, -1, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->file);
}

/* The score JSON's assessment id and overall level. */
static void
score_json (const char *json,
            char      **assessment,
            gint64     *level)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  *assessment = g_strdup (json_object_get_string_member (root, "assessment"));
  *level = json_object_get_int_member (root, "overall-level");
}

static void
test_score (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Run) latest = { 0 };
  g_auto(Run) spring = { 0 };
  g_auto(Run) text = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *spring_id = NULL;
  gint64 level = 0;

  /* the latest by date, though it comes first in the file */
  run_lightsout_in (&latest, f->dir, "score", "--json", f->file, NULL);
  g_assert_cmpint (latest.status, ==, 0);
  score_json (latest.out, &id, &level);
  g_assert_cmpstr (id, ==, "autumn");
  g_assert_cmpint (level, ==, 4);

  run_lightsout_in (&spring, f->dir, "score", "--json", "--assessment", "spring", f->file, NULL);
  g_assert_cmpint (spring.status, ==, 0);
  score_json (spring.out, &spring_id, &level);
  g_assert_cmpstr (spring_id, ==, "spring");
  g_assert_cmpint (level, ==, 2);

  run_lightsout_in (&text, f->dir, "score", "--assessment=spring", f->file, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "spring"));
}

/* An unknown id: "FILE: no assessment “ID”" and exit status 1, for all three. */
static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  const char *commands[] = { "score", "roi", "report" };
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *expected = g_strdup_printf ("%s: no assessment “winter”\n", f->file);

      if (g_str_equal (commands[i], "report"))
        run_lightsout_in (&run, f->dir, commands[i], "--assessment", "winter", "-o", out, f->file, NULL);
      else
        run_lightsout_in (&run, f->dir, commands[i], "--assessment", "winter", f->file, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, expected);
      g_assert_cmpstr (run.out, ==, "");
    }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_roi (Fixture       *f,
          gconstpointer  data)
{
  g_auto(Run) latest = { 0 };
  g_auto(Run) spring = { 0 };

  g_autoptr(JsonParser) latest_json = json_parser_new ();
  g_autoptr(JsonParser) spring_json = json_parser_new ();
  g_autofree char *latest_processes = NULL, *spring_processes = NULL;
  JsonObject *latest_root, *spring_root;

  /* Each process's own figures do not depend on the assessment; the
   * roadmap the programme follows does (autumn: level 4, spring: level 2). */
  run_lightsout_in (&latest, f->dir, "roi", "--json", "--draws", "100", f->file, NULL);
  run_lightsout_in (&spring, f->dir, "roi", "--json", "--draws", "100", "--assessment", "spring", f->file, NULL);
  g_assert_cmpint (latest.status, ==, 0);
  g_assert_cmpint (spring.status, ==, 0);
  g_assert_true (json_parser_load_from_data (latest_json, latest.out, -1, NULL));
  g_assert_true (json_parser_load_from_data (spring_json, spring.out, -1, NULL));
  latest_root = json_node_get_object (json_parser_get_root (latest_json));
  spring_root = json_node_get_object (json_parser_get_root (spring_json));
  latest_processes = json_to_string (json_object_get_member (latest_root, "processes"), FALSE);
  spring_processes = json_to_string (json_object_get_member (spring_root, "processes"), FALSE);
  g_assert_cmpstr (latest_processes, ==, spring_processes);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (latest_root, "roadmap"),
                                               "overall-level"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (spring_root, "roadmap"),
                                               "overall-level"), ==, 2);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *latest_csv = g_build_filename (f->dir, "latest.csv", NULL);
  g_autofree char *spring_csv = g_build_filename (f->dir, "spring.csv", NULL);
  g_autofree char *latest_text = NULL, *spring_text = NULL;
  g_auto(Run) latest = { 0 };
  g_auto(Run) spring = { 0 };

  run_lightsout_in (&latest, f->dir, "report", "--draws", "100", "-o", latest_csv,
                    "--table", "answers", f->file, NULL);
  g_assert_cmpint (latest.status, ==, 0);
  run_lightsout_in (&spring, f->dir, "report", "--draws", "100", "--assessment", "spring",
                 "-o", spring_csv, "--table", "answers", f->file, NULL);
  g_assert_cmpint (spring.status, ==, 0);

  /* The answers table names the respondents of the assessment reported on. */
  g_assert_true (g_file_get_contents (latest_csv, &latest_text, NULL, NULL));
  g_assert_true (g_file_get_contents (spring_csv, &spring_text, NULL, NULL));
  g_assert_nonnull (strstr (latest_text, "Ann Autumn"));
  g_assert_null (strstr (latest_text, "Sam Spring"));
  g_assert_nonnull (strstr (spring_text, "Sam Spring"));
  g_assert_null (strstr (spring_text, "Ann Autumn"));
}

/* The same from the database: --client NAME (score) and --db DB CLIENT
 * (report), the bank kept with the assessment there. */
static void
test_database (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "test.db", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "db.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) score = { 0 };
  g_auto(Run) report = { 0 };
  g_auto(Run) unknown = { 0 };
  gint64 level = 0;

  run_lightsout_in (&import, f->dir, "import", f->file, "--db", db, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_lightsout_in (&score, f->dir, "score", "--json", "--db", db, "--client", "Two Seasons",
                 "--assessment", "spring", NULL);
  g_assert_cmpint (score.status, ==, 0);
  score_json (score.out, &id, &level);
  g_assert_cmpstr (id, ==, "spring");
  g_assert_cmpint (level, ==, 2);

  run_lightsout_in (&report, f->dir, "report", "--db", db, "Two Seasons", "--assessment", "spring",
                 "--draws", "100", "-o", csv, "--table", "answers", NULL);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Sam Spring"));
  g_assert_null (strstr (text, "Ann Autumn"));

  run_lightsout_in (&unknown, f->dir, "report", "--db", db, "Two Seasons", "--assessment", "winter",
                 "-o", csv, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "no assessment “winter”"));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *commands[] = { "score", "roi", "report", "chart" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_lightsout_in (&run, f->dir, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "--assessment=ID"));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/assessment/score", Fixture, NULL, fixture_set_up, test_score, fixture_tear_down);
  g_test_add ("/cli/assessment/unknown", Fixture, NULL, fixture_set_up, test_unknown, fixture_tear_down);
  g_test_add ("/cli/assessment/roi", Fixture, NULL, fixture_set_up, test_roi, fixture_tear_down);
  g_test_add ("/cli/assessment/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/cli/assessment/database", Fixture, NULL, fixture_set_up, test_database, fixture_tear_down);
  g_test_add ("/cli/assessment/help", Fixture, NULL, fixture_set_up, test_help, fixture_tear_down);

  return g_test_run ();
}
