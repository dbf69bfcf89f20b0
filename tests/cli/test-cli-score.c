/* test-cli-score.c: `lightsout demo`, `score` and `validate` as a user runs them
 *
 * Runs the built binary ($LIGHTSOUT) and checks its output, exit status and
 * the files it leaves behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "lo-io.h"
#include "cli-test-util.h"

/* The 25 questions of the default bank (edition 2), bank order */
static const char *default_questions[] = {
  "process.documentation", "process.rules", "process.exceptions", "process.consistency",
  "process.volumes", "data.access", "data.copies", "data.checks", "data.self-service",
  "data.rekeying", "automation.ai-use", "automation.share", "automation.connections",
  "automation.documents", "automation.triggers", "oversight.validation",
  "oversight.thresholds", "oversight.monitoring", "oversight.audit",
  "oversight.change-review", "people.sponsorship", "people.focus", "people.measurement",
  "people.freed-time", "people.skills",
};

static const char *default_dimensions[] = {
  "process", "data", "automation", "oversight", "people",
};

typedef struct
{
  char *dir;
  char *demo;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("lightsout-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->demo = g_build_filename (fixture->dir, "demo.lightsout", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->demo);
}

static void
write_demo (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_lightsout (&run, "demo", "-o", fixture->demo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (fixture->demo, G_FILE_TEST_IS_REGULAR));
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static gboolean
in_list (const char  *id,
         const char **list,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (id, list[i]))
      return TRUE;
  return FALSE;
}

static guint
question_position (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_questions); i++)
    if (g_str_equal (id, default_questions[i]))
      return i;
  g_assert_not_reached ();
}

static void
test_demo_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *dimensions;
  JsonArray *contested;
  double sum = 0;
  gint64 lowest = 5;
  guint questions = 0;

  write_demo (fixture);
  run_lightsout (&run, "score", fixture->demo, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "client"), ==, "Harbor Logistics");
  g_assert_nonnull (json_object_get_string_member (root, "assessment"));
  g_assert_true (json_object_get_boolean_member (root, "complete"));
  g_assert_cmpint (json_object_get_int_member (root, "overall-level"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "bank-edition"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "missing")), ==, 0);

  dimensions = json_object_get_array_member (root, "dimensions");
  g_assert_cmpuint (json_array_get_length (dimensions), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *d = json_array_get_object_element (dimensions, i);
      double score = json_object_get_double_member (d, "score");
      gint64 level = json_object_get_int_member (d, "level");
      gint64 target = json_object_get_int_member (d, "target");

      g_assert_cmpstr (json_object_get_string_member (d, "id"), ==, default_dimensions[i]);
      g_assert_nonnull (json_object_get_string_member (d, "name"));
      /* SPEC §1: level = ⌊score + 1e-9⌋; a target at least… the user may set any 1 … 5 */
      g_assert_cmpint (level, ==, (gint64) floor (score + 1e-9));
      g_assert_cmpint (target, >=, 1);
      g_assert_cmpint (target, <=, 5);
      g_assert_cmpint (json_object_get_int_member (d, "questions"), ==, 5);
      g_assert_cmpint (json_object_get_int_member (d, "answered"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (d, "answered"), <=, 5);
      questions += json_object_get_int_member (d, "questions");
      sum += score;
      lowest = MIN (lowest, level);
    }
  g_assert_cmpuint (questions, ==, 25);
  /* overall level = lowest dimension level; overall score = mean of the five */
  g_assert_cmpint (lowest, ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "overall-score"), sum / 5, 1e-12);

  /* weakest: a dimension at the overall level */
  {
    const char *weakest = json_object_get_string_member (root, "weakest");

    g_assert_nonnull (weakest);
    g_assert_true (in_list (weakest, default_dimensions, G_N_ELEMENTS (default_dimensions)));
  }

  /* contested: known ids in bank order */
  contested = json_object_get_array_member (root, "contested");
  g_assert_cmpuint (json_array_get_length (contested), >, 0);
  for (guint i = 0; i < json_array_get_length (contested); i++)
    {
      const char *id = json_array_get_string_element (contested, i);

      g_assert_true (in_list (id, default_questions, G_N_ELEMENTS (default_questions)));
      if (i > 0)
        g_assert_cmpuint (question_position (json_array_get_string_element (contested, i - 1)), <,
                          question_position (id));
    }
}

static void
test_demo_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *dimensions;
  JsonArray *contested;
  const char *weakest;

  write_demo (fixture);
  run_lightsout (&run, "score", fixture->demo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Harbor Logistics"));
  g_assert_nonnull (strstr (run.out, "Overall level: 2 — Experimenting"));
  g_assert_nonnull (strstr (run.out, "Overall score: 2."));   /* C locale: "." decimals */

  /* names the weakest dimension and every contested question, as --json does */
  run_lightsout (&json, "score", fixture->demo, "--json", NULL);
  root = parse_object (parser, json.out);
  weakest = json_object_get_string_member (root, "weakest");
  dimensions = json_object_get_array_member (root, "dimensions");
  for (guint i = 0; i < json_array_get_length (dimensions); i++)
    {
      JsonObject *d = json_array_get_object_element (dimensions, i);
      const char *name = json_object_get_string_member (d, "name");

      g_assert_nonnull (strstr (run.out, name));
      if (g_str_equal (json_object_get_string_member (d, "id"), weakest))
        {
          g_autofree char *line = g_strdup_printf ("Weakest dimension: %s", name);
          g_assert_nonnull (strstr (run.out, line));
        }
    }
  contested = json_object_get_array_member (root, "contested");
  g_assert_nonnull (strstr (run.out, "Contested questions"));
  for (guint i = 0; i < json_array_get_length (contested); i++)
    g_assert_nonnull (strstr (run.out, json_array_get_string_element (contested, i)));
}

static void
test_demo_german (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "score", fixture->demo, NULL };
  const char *json_args[] = { "score", fixture->demo, "--json", NULL };
  g_auto(GStrv) env = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  write_demo (fixture);
  env = g_environ_setenv (g_get_environ (), "LC_ALL", "de_DE.UTF-8", TRUE);
  run_program (&run, NULL, (const char *const *) env, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  /* the numbers for people use the decimal comma */
  g_assert_true (g_regex_match_simple ("\\b2,[0-9][0-9]\\b", run.out, 0, 0));

  /* JSON stays locale-independent: the same bytes as in C.UTF-8 */
  {
    g_auto(Run) german = { 0 };
    g_auto(Run) plain = { 0 };

    run_program (&german, NULL, (const char *const *) env, NULL, json_args);
    g_assert_cmpint (german.status, ==, 0);
    run_lightsout (&plain, "score", fixture->demo, "--json", NULL);
    g_assert_cmpstr (german.out, ==, plain.out);
  }
}

static void
test_bank_option (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Run) shipped = { 0 };
  g_auto(Run) given = { 0 };
  g_autofree char *bank = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "data", "question-banks",
                                            "default.xml", NULL);

  write_demo (fixture);
  run_lightsout (&shipped, "score", fixture->demo, "--json", NULL);
  run_lightsout (&given, "score", fixture->demo, "--json", "--bank", bank, NULL);
  g_assert_cmpint (given.status, ==, 0);
  g_assert_cmpstr (given.out, ==, shipped.out);
}

/* The 25 questions of edition 1 of the default bank; five of them
 * (process.baseline, data.quality, data.realtime, automation.integration,
 * people.redirection) edition 2 no longer asks. */
static const char *edition_1_questions[] = {
  "process.documentation", "process.rules", "process.exceptions", "process.consistency",
  "process.baseline", "data.access", "data.copies", "data.quality", "data.realtime",
  "data.rekeying", "automation.ai-use", "automation.share", "automation.integration",
  "automation.documents", "automation.triggers", "oversight.validation",
  "oversight.thresholds", "oversight.monitoring", "oversight.audit",
  "oversight.change-review", "people.sponsorship", "people.focus", "people.measurement",
  "people.redirection", "people.skills",
};

/* An engagement with one assessment on the default bank, @edition_attr
 * ("" or " bank-edition=\"N\""), every edition-1 question at 3 except
 * process.baseline at 4. */
static char *
write_edition_1_answers (Fixture    *fixture,
                         const char *name,
                         const char *version,
                         const char *edition_attr)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append_printf (xml, "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"%s\">\n"
                               "  <client name=\"Old Co\"/>\n"
                               "  <assessment id=\"a1\" date=\"2026-03-01\" bank=\"lightsout-default\"%s>\n"
                               "    <respondent id=\"r1\" name=\"Rita\">\n",
                          version, edition_attr);
  for (guint i = 0; i < G_N_ELEMENTS (edition_1_questions); i++)
    g_string_append_printf (xml, "      <answer question=\"%s\" level=\"%d\"/>\n", edition_1_questions[i],
                            g_str_equal (edition_1_questions[i], "process.baseline") ? 4 : 3);
  g_string_append (xml, "    </respondent>\n  </assessment>\n</engagement>\n");
  return write_file (fixture, name, xml->str);
}

/* An assessment answered with edition 1 (no bank-edition) keeps scoring and
 * reporting with edition 1's questions and text after edition 2 ships. */
static void
test_edition_1 (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = write_edition_1_answers (fixture, "old.lightsout", "1", "");
  g_autofree char *csv = g_build_filename (fixture->dir, "old.csv", NULL);
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonObject *process;

  run_lightsout (&run, "score", path, "--json", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_true (json_object_get_boolean_member (root, "complete"));
  g_assert_cmpstr (json_object_get_string_member (root, "bank"), ==, "lightsout-default");
  g_assert_cmpint (json_object_get_int_member (root, "bank-edition"), ==, 1);
  /* SPEC §1: (3 + 1.5 × 3 + 3 + 3 + 4) / (1 + 1.5 + 1 + 1 + 1) = 17.5 / 5.5 */
  process = json_array_get_object_element (json_object_get_array_member (root, "dimensions"), 0);
  g_assert_cmpstr (json_object_get_string_member (process, "id"), ==, "process");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (process, "score"), 17.5 / 5.5, 1e-12);
  g_assert_cmpint (json_object_get_int_member (process, "level"), ==, 3);

  /* the report quotes edition 1's question, not edition 2's */
  run_lightsout (&run, "report", path, "-o", csv, "--table", "answers", "--draws", "200", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Does each core process have an owner and a measured starting point"));
  g_assert_null (strstr (text, "Has the workload of each core process been measured"));
}

/* The same answers claimed for edition 2 name questions edition 2 does not
 * have: refused, naming one; a --bank file of another edition is used with a
 * warning. */
static void
test_edition_lookup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = write_edition_1_answers (fixture, "claims-2.lightsout", "2.0",
                                                   " bank-edition=\"2\"");
  g_autofree char *edition_1 = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "data", "question-banks",
                                                 "default-1.xml", NULL);
  g_autofree char *later = NULL;

  run_lightsout (&run, "score", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "process.baseline"));

  run_lightsout (&run, "score", path, "--bank", edition_1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "warning"));
  g_assert_nonnull (strstr (run.err, "edition 1"));
  g_assert_nonnull (strstr (run.err, "edition 2"));

  /* an edition no program has shipped yet */
  later = write_file (fixture, "later.lightsout",
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"2.0\">\n"
                      "  <client name=\"New Co\"/>\n"
                      "  <assessment id=\"a1\" date=\"2026-03-01\" bank=\"lightsout-default\" bank-edition=\"9\"/>\n"
                      "</engagement>\n");
  run_lightsout (&run, "score", later, "--db", "/nonexistent/none.db", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "lightsout-default"));
  g_assert_nonnull (strstr (run.err, "edition 9"));
}

static void
test_no_assessment (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = write_file (fixture, "empty.lightsout",
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                                      "  <client name=\"Empty Co\"/>\n"
                                      "</engagement>\n");
  g_autofree char *expected = g_strdup_printf ("%s: no assessment", path);

  run_lightsout (&run, "score", path, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, expected));

  run_lightsout (&run, "score", path, "--json", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, expected));
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.lightsout", NULL);

  run_lightsout (&run, "score", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, path));
  /* one line */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
}

static void
test_na_refused (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  /* process.documentation does not allow "not applicable" */
  g_autofree char *path = write_file (fixture, "na.lightsout",
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                                      "  <client name=\"NA Co\"/>\n"
                                      "  <assessment id=\"a\" date=\"2026-01-01\" bank=\"lightsout-default\">\n"
                                      "    <respondent id=\"kim\" name=\"Kim\">\n"
                                      "      <answer question=\"process.documentation\" level=\"na\"/>\n"
                                      "    </respondent>\n"
                                      "  </assessment>\n"
                                      "</engagement>\n");

  run_lightsout (&run, "score", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "process.documentation"));
}

static void
test_incomplete (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *missing;
  /* two dates: the later one (answering only process) is scored */
  g_autofree char *path = write_file (fixture, "partial.lightsout",
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                                      "  <client name=\"Partial Co\"/>\n"
                                      "  <assessment id=\"later\" date=\"2026-05-01\" bank=\"lightsout-default\">\n"
                                      "    <respondent id=\"kim\" name=\"Kim\">\n"
                                      "      <answer question=\"process.documentation\" level=\"3\"/>\n"
                                      "      <answer question=\"data.access\"/>\n"
                                      "    </respondent>\n"
                                      "  </assessment>\n"
                                      "  <assessment id=\"earlier\" date=\"2026-01-01\" bank=\"lightsout-default\">\n"
                                      "    <respondent id=\"kim\" name=\"Kim\">\n"
                                      "      <answer question=\"data.access\" level=\"2\"/>\n"
                                      "    </respondent>\n"
                                      "  </assessment>\n"
                                      "</engagement>\n");

  run_lightsout (&run, "score", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "incomplete: no answers for Data & system access, "
                                     "Automation & AI use, Oversight & exception handling, "
                                     "People, scope & measurement"));

  run_lightsout (&run, "score", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "assessment"), ==, "later");
  g_assert_false (json_object_get_boolean_member (root, "complete"));
  g_assert_true (json_object_get_null_member (root, "overall-level"));
  g_assert_true (json_object_get_null_member (root, "overall-score"));
  g_assert_true (json_object_get_null_member (root, "weakest"));
  missing = json_object_get_array_member (root, "missing");
  g_assert_cmpuint (json_array_get_length (missing), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (missing, 0), ==, "data");
  {
    JsonObject *process = json_array_get_object_element (json_object_get_array_member (root, "dimensions"), 0);
    JsonObject *data_dim = json_array_get_object_element (json_object_get_array_member (root, "dimensions"), 1);

    /* process: one answer, 3 → score 3, level 3, target 4 */
    g_assert_cmpfloat (json_object_get_double_member (process, "score"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (process, "level"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (process, "target"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (process, "answered"), ==, 1);
    /* data: only "don't know" → no score, level, target */
    g_assert_true (json_object_get_null_member (data_dim, "score"));
    g_assert_true (json_object_get_null_member (data_dim, "level"));
    g_assert_true (json_object_get_null_member (data_dim, "target"));
    g_assert_cmpint (json_object_get_int_member (data_dim, "answered"), ==, 0);
  }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *out = g_build_filename (fixture->dir, "out.lightsout", NULL);

  run_lightsout (&run, "score", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");

  run_lightsout (&run, "score", "--no-such-option", "x.lightsout", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_lightsout (&run, "demo", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_lightsout (&run, "score", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--json"));
  g_assert_nonnull (strstr (run.out, "--bank"));
}

static void
test_demo_write_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-dir", "demo.lightsout", NULL);
  g_autoptr(GDir) dir = NULL;

  run_lightsout (&run, "demo", "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "demo.lightsout"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* nothing left behind, not even a temporary file */
  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_validate (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *bank = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "data", "question-banks",
                                            "default.xml", NULL);
  g_autofree char *broken = write_file (fixture, "broken.lightsout", "<engagement");
  g_autofree char *valid_line = NULL;

  write_demo (fixture);
  valid_line = g_strdup_printf ("%s: valid\n", fixture->demo);
  run_lightsout (&run, "validate", fixture->demo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, valid_line);

  run_lightsout (&run, "validate", bank, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ": valid"));

  run_lightsout (&run, "validate", broken, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, broken));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/lo/cli/score/demo/json", test_demo_json);
  ADD ("/lo/cli/score/demo/text", test_demo_text);
  ADD ("/lo/cli/score/demo/german", test_demo_german);
  ADD ("/lo/cli/score/bank-option", test_bank_option);
  ADD ("/lo/cli/score/edition-1", test_edition_1);
  ADD ("/lo/cli/score/edition-lookup", test_edition_lookup);
  ADD ("/lo/cli/score/no-assessment", test_no_assessment);
  ADD ("/lo/cli/score/missing-file", test_missing_file);
  ADD ("/lo/cli/score/na-refused", test_na_refused);
  ADD ("/lo/cli/score/incomplete", test_incomplete);
  ADD ("/lo/cli/score/usage", test_usage);
  ADD ("/lo/cli/demo/write-fails", test_demo_write_fails);
  ADD ("/lo/cli/validate", test_validate);

  return g_test_run ();
}
