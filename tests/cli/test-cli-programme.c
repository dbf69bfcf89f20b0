/* test-cli-programme.c: `lightsout roi` prints the roadmap and the programme
 * (SPEC §2b) in JSON and text
 *
 * The file is written here: one respondent answering every question of the
 * default bank at level 2 (overall level 2: steps 3, 4 and 5, the build step
 * is 3, from week 0), horizon 36, discount rate 0, two build lanes, the build
 * order as in the file:
 *   a: S = 100 × 6 / 60 = 10, G = 500; build 13 weeks (3 months), cost 1000
 *   b: S = 20, G = 1000; build 26 weeks (6 months), cost 2000
 *   c: S = 10, G = 300; build 13 weeks, cost 500
 *   d: include="no"
 * a and b start at 0 in lanes 1 and 2; c takes lane 1 at week 13 (month 3)
 * and goes live at 26 (month 6). E = 26: step 3 lasts 26 weeks (0–26); step
 * 4 is set to 20 (26–46); step 5 13 (46–59): T₅ = 59 × 12 / 52.
 * No review term, so T₅ changes no money:
 * CF₀ = −3000, CF₃ = −500, CF₄…₆ = 500, CF₇…₃₆ = 1800; NPV 52000,
 * investment 3500, ROI 52000 / 3500 × 100, peak funding 3500, payback
 * 7 + 200 / 1800, MIRR (55500 / 3500)^(12/36) − 1, 40 × 12 / 52 hours a
 * week, 10 × 33 + 20 × 30 + 10 × 30 = 1230 hours within the horizon, annual
 * savings 12 × 1800 = 21600.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "lo-io.h"

static const char * const questions[] = {
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
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_lightsout (Run        *run,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LIGHTSOUT"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static void
append_process (GString    *out,
                const char *id,
                const char *attributes,
                double      volume,
                double      hourly_cost,
                double      build_cost,
                double      build_weeks)
{
  g_string_append_printf (out,
    "  <process id=\"%s\" name=\"%s\"%s>\n"
    "    <input name=\"volume-per-month\" value=\"%g\"/>\n"
    "    <input name=\"minutes-per-item\" value=\"6\"/>\n"
    "    <input name=\"hourly-cost\" value=\"%g\"/>\n"
    "    <input name=\"automation-rate\" value=\"1\"/>\n"
    "    <input name=\"build-cost\" value=\"%g\"/>\n"
    "    <input name=\"build-weeks\" value=\"%g\"/>\n"
    "    <readiness clarity=\"4\" access=\"4\" scope=\"4\"/>\n"
    "  </process>\n",
    id, id, attributes, volume, hourly_cost, build_cost, build_weeks);
}

/* The file described above; @bank names the assessment's bank, NULL for no
 * assessment. */
static char *
write_file (const char *dir,
            const char *bank)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  char *path = g_build_filename (dir, "programme.lightsout", NULL);

  g_string_append (xml,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1.1\">\n"
    "  <client name=\"Lanes Ltd\"/>\n"
    "  <settings horizon-months=\"36\" discount-rate=\"0\" currency=\"USD\" hours-per-week=\"40\""
    " realisation-rate=\"1\" build-order=\"custom\" parallel-builds=\"2\"/>\n"
    "  <roadmap>\n"
    "    <step level=\"4\" weeks=\"20\"/>\n"
    "  </roadmap>\n");
  if (bank != NULL)
    {
      g_string_append_printf (xml,
        "  <assessment id=\"one\" date=\"2026-11-02\" bank=\"%s\">\n"
        "    <respondent id=\"r\" name=\"R\">\n", bank);
      for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
        g_string_append_printf (xml, "      <answer question=\"%s\" level=\"2\"/>\n", questions[i]);
      g_string_append (xml, "    </respondent>\n  </assessment>\n");
    }
  append_process (xml, "a", "", 100, 50, 1000, 13);
  append_process (xml, "b", "", 200, 50, 2000, 26);
  append_process (xml, "d", " include=\"no\"", 500, 50, 1000, 13);
  /* c: 60 items of 10 minutes; as 100 items of 6 minutes at $30: S = 10, G = 300 */
  append_process (xml, "c", "", 100, 30, 500, 13);
  g_string_append (xml, "</engagement>\n");

  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  return path;
}

static JsonObject *
parse (JsonParser *parser,
       const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_number (JsonObject *object,
               const char *member,
               double      expected)
{
  double actual;

  g_assert_true (json_object_has_member (object, member));
  actual = json_object_get_double_member (object, member);
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-9 * MAX (1.0, fabs (expected)));
}

static void
assert_step (JsonArray *steps,
             guint      i,
             int        level,
             int        start_week,
             int        weeks,
             gboolean   set)
{
  JsonObject *step = json_array_get_object_element (steps, i);

  g_assert_cmpint (json_object_get_int_member (step, "level"), ==, level);
  g_assert_cmpint (json_object_get_int_member (step, "start-week"), ==, start_week);
  g_assert_cmpint (json_object_get_int_member (step, "weeks"), ==, weeks);
  g_assert_cmpint (json_object_get_boolean_member (step, "weeks-set"), ==, set);
}

static void
assert_process (JsonArray  *processes,
                guint       i,
                const char *id,
                gboolean    included,
                const char *reason,
                double      start,
                double      go_live)
{
  JsonObject *p = json_array_get_object_element (processes, i);

  g_assert_cmpstr (json_object_get_string_member (p, "id"), ==, id);
  g_assert_cmpint (json_object_get_boolean_member (p, "included"), ==, included);
  if (reason == NULL)
    g_assert_true (json_object_get_null_member (p, "reason"));
  else
    g_assert_cmpstr (json_object_get_string_member (p, "reason"), ==, reason);
  if (isnan (start))
    {
      g_assert_true (json_object_get_null_member (p, "start-month"));
      g_assert_true (json_object_get_null_member (p, "go-live-month"));
      return;
    }
  assert_number (p, "start-month", start);
  assert_number (p, "go-live-month", go_live);
}

static void
test_json (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-programme-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "lightsout-default");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *roadmap, *programme;
  JsonArray *steps, *processes, *flows;

  run_lightsout (&run, "roi", path, "--json", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);

  roadmap = json_object_get_object_member (root, "roadmap");
  g_assert_cmpint (json_object_get_int_member (roadmap, "overall-level"), ==, 2);
  steps = json_object_get_array_member (roadmap, "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 3);
  assert_step (steps, 0, 3, 0, 26, FALSE);
  assert_step (steps, 1, 4, 26, 20, TRUE);
  assert_step (steps, 2, 5, 46, 13, FALSE);

  programme = json_object_get_object_member (root, "programme");
  g_assert_cmpint (json_object_get_int_member (programme, "parallel-builds"), ==, 2);
  assert_number (programme, "build-start-month", 0);
  assert_number (programme, "approval-ends-month", 59.0 * 12 / 52);
  processes = json_object_get_array_member (programme, "processes");
  g_assert_cmpuint (json_array_get_length (processes), ==, 4);
  assert_process (processes, 0, "a", TRUE, NULL, 0, 3);
  assert_process (processes, 1, "b", TRUE, NULL, 0, 6);
  assert_process (processes, 2, "d", FALSE, "left out by hand", NAN, NAN);
  assert_process (processes, 3, "c", TRUE, NULL, 3, 6);

  assert_number (programme, "investment", 3500);
  assert_number (programme, "peak-funding", 3500);
  assert_number (programme, "npv", 52000);
  assert_number (programme, "roi-percent", 52000.0 / 3500 * 100);
  assert_number (programme, "payback-months", 7 + 200.0 / 1800);
  assert_number (programme, "mirr", pow (55500.0 / 3500, 12.0 / 36) - 1);
  assert_number (programme, "hours-saved-per-week", 40.0 * 12 / 52);
  assert_number (programme, "hours-saved-in-horizon", 1230);
  assert_number (programme, "annual-savings", 21600);
  flows = json_object_get_array_member (programme, "cash-flow");
  g_assert_cmpuint (json_array_get_length (flows), ==, 37);
  g_assert_cmpfloat (json_array_get_double_element (flows, 0), ==, -3000);
  g_assert_cmpfloat (json_array_get_double_element (flows, 3), ==, -500);
  g_assert_cmpfloat (json_array_get_double_element (flows, 6), ==, 500);
  g_assert_cmpfloat (json_array_get_double_element (flows, 36), ==, 1800);
  /* no ranged input */
  g_assert_true (json_object_get_null_member (programme, "monte-carlo"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Without an assessment there is no roadmap: T_b = 0 and approval never
 * ends (no review term here, so the money is the same). */
static void
test_no_assessment (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-programme-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *programme;

  run_lightsout (&run, "roi", path, "--json", "--draws", "0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_true (json_object_get_null_member (root, "roadmap"));
  programme = json_object_get_object_member (root, "programme");
  assert_number (programme, "build-start-month", 0);
  g_assert_true (json_object_get_null_member (programme, "approval-ends-month"));
  assert_number (programme, "npv", 52000);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Without the assessment's bank, roi fails as score does */
static void
test_missing_bank (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-programme-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "no-such-bank");
  g_auto(Run) roi = { 0 };
  g_auto(Run) score = { 0 };

  run_lightsout (&roi, "roi", path, "--draws", "0", NULL);
  run_lightsout (&score, "score", path, NULL);
  g_assert_cmpint (roi.status, !=, 0);
  g_assert_cmpint (roi.status, ==, score.status);
  g_assert_cmpstr (roi.out, ==, "");
  g_assert_nonnull (strstr (roi.err, "no-such-bank"));
  g_assert_cmpstr (roi.err, ==, score.err);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-programme-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "lightsout-default");
  g_auto(Run) run = { 0 };
  const char *expected[] = {
    "Programme", "Step to level 3: weeks 0–26", "duration set by hand",
    "Built 2 at a time", "Investment: $3,500", "Peak funding: $3,500",
    "NPV $52,000", "Payback: 7.1 months from week 0 of the roadmap",
    "d: left out by hand", "realisation rate", "time given back to people",
  };

  run_lightsout (&run, "roi", path, "--draws", "0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (run.out, expected[i]) == NULL)
      g_error ("roi's text lacks “%s”:\n%s", expected[i], run.out);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The demo: exception flagging is left out automatically, with its reason */
static void
test_demo (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "data", "demo",
                                            "harbor-logistics.lightsout", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *programme;
  JsonArray *processes;
  gboolean found = FALSE;

  run_lightsout (&run, "roi", path, "--json", "--draws", "500", NULL);
  g_assert_cmpint (run.status, ==, 0);
  programme = json_object_get_object_member (parse (parser, run.out), "programme");
  processes = json_object_get_array_member (programme, "processes");
  for (guint i = 0; i < json_array_get_length (processes); i++)
    {
      JsonObject *p = json_array_get_object_element (processes, i);

      if (g_strcmp0 (json_object_get_string_member (p, "id"), "exception-flagging") != 0)
        continue;
      found = TRUE;
      g_assert_false (json_object_get_boolean_member (p, "included"));
      g_assert_cmpstr (json_object_get_string_member (p, "reason"), ==, "expected NPV below zero");
    }
  g_assert_true (found);
  g_assert_nonnull (json_object_get_object_member (programme, "monte-carlo"));
  g_assert_cmpfloat (json_object_get_double_member (programme, "peak-funding"), >, 0);
}

/* A 1.1 file (lanes, a set step, a process left out) goes into a database
 * and comes out byte for byte (SPEC §3: the writer is canonical, the store
 * keeps all three). */
static void
test_store_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-programme-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "lightsout-default");
  g_autofree char *db = g_build_filename (dir, "t.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.lightsout", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) export = { 0 };

  run_lightsout (&import, "import", path, "--db", db, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  run_lightsout (&export, "export", "Lanes Ltd", "-o", out, "--db", db, NULL);
  g_assert_cmpstr (export.err, ==, "");
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (out, &b, NULL, NULL));
  g_assert_nonnull (strstr (a, "version=\"1.1\""));
  g_assert_cmpstr (a, ==, b);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lo/cli/programme/json", test_json);
  g_test_add_func ("/lo/cli/programme/no-assessment", test_no_assessment);
  g_test_add_func ("/lo/cli/programme/missing-bank", test_missing_bank);
  g_test_add_func ("/lo/cli/programme/text", test_text);
  g_test_add_func ("/lo/cli/programme/demo", test_demo);
  g_test_add_func ("/lo/cli/programme/store-round-trip", test_store_round_trip);

  return g_test_run ();
}
