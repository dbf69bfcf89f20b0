/* test-cli-workshop.c: `lightsout questionnaire`, `merge` and `import-responses`
 *
 * Runs the built binary ($LIGHTSOUT) in a temporary directory. The survey
 * tools' CSV files are in data/, each in the shape its tool exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-io.h"
#include "cli-test-util.h"

static const char base[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"2.0\">\n"
  "  <client name=\"A&amp;B &lt;script&gt;alert(1)&lt;/script&gt;\"/>\n"
  "  <assessment id=\"q4\" date=\"2026-11-02\" bank=\"lightsout-default\" bank-edition=\"2\">\n"
  "    <respondent id=\"ana\" name=\"Ana Lee\">\n"
  "      <answer question=\"process.documentation\" level=\"2\"/>\n"
  "      <answer question=\"data.access\" level=\"4\"/>\n"
  "    </respondent>\n"
  "  </assessment>\n"
  "</engagement>\n";

/* An answers file as the questionnaire writes it, for respondent @id / @name. */
static char *
answers_file (const char *id,
              const char *name,
              const char *answers)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"2.0\">\n"
                          "  <client name=\"A&amp;B\"/>\n"
                          "  <assessment id=\"q4\" date=\"2026-11-02\" bank=\"lightsout-default\" bank-edition=\"2\">\n"
                          "    <respondent id=\"%s\" name=\"%s\">\n%s    </respondent>\n"
                          "  </assessment>\n</engagement>\n", id, name, answers);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lo-workshop-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
put (const char *dir,
     const char *name,
     const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
get (const char *dir,
     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

static LoAssessment *
read_assessment (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_engagement_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (engagement->assessments->len, ==, 1);
  return lo_assessment_ref (g_ptr_array_index (engagement->assessments, 0));
}

/* The answer of respondent @id to @question: 1 … 5, 0 don't know, -1 n/a, -9 none */
static int
answer_of (const LoAssessment *assessment,
           const char         *id,
           const char         *question)
{
  const LoRespondent *respondent = lo_assessment_lookup_respondent (assessment, id);
  int value = -9;

  g_assert_nonnull (respondent);
  if (!lo_respondent_get_answer (respondent, question, &value))
    return -9;
  return value;
}

static void
test_questionnaire (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *html = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) bad_assessment = { 0 };
  guint fieldsets = 0;

  put (dir, "base.lightsout", base);
  run_lightsout_in (&run, dir, "questionnaire", "base.lightsout", "--respondent", "Zoë \"Z\" <Park>",
                 "-o", "form.html", NULL);
  g_assert_cmpint (run.status, ==, 0);
  html = get (dir, "form.html");
  g_assert_nonnull (html);

  /* the client's name is text everywhere, never markup */
  g_assert_null (strstr (html, "<script>alert"));
  g_assert_nonnull (strstr (html, "A&amp;B &lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"));
  g_assert_nonnull (strstr (html, "value=\"Zoë &quot;Z&quot; &lt;Park&gt;\""));
  /* offline: nothing loaded from anywhere */
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_null (strstr (html, " src="));
  g_assert_nonnull (strstr (html, "default-src 'none'"));

  /* the respondent's fieldset and one per question of the 25 */
  for (const char *p = html; (p = strstr (p, "<fieldset")) != NULL; p++)
    fieldsets++;
  g_assert_cmpuint (fieldsets, ==, 26);
  g_assert_nonnull (strstr (html, "How well are your core workflows written down?"));
  g_assert_nonnull (strstr (html, "id=\"q0-dk\""));
  /* process.documentation does not allow "not applicable"; automation.connections does */
  g_assert_null (strstr (html, "id=\"q0-na\""));
  g_assert_nonnull (strstr (html, "-na\" value=\"na\""));
  g_assert_nonnull (strstr (html, "<legend>"));
  g_assert_nonnull (strstr (html, "for=\"q0-note\""));

  /* in German: the bank's text through the catalogue, <html lang="de"> */
  {
    g_auto(Run) german = { 0 };
    g_autofree char *de = NULL;

    run_lightsout_in (&german, dir, "questionnaire", "base.lightsout", "--lang", "de", "-o", "form-de.html", NULL);
    g_assert_cmpint (german.status, ==, 0);
    de = get (dir, "form-de.html");
    g_assert_nonnull (strstr (de, "<html lang=\"de\">"));
    g_assert_nonnull (strstr (de, "Wie gut sind Ihre Kernabläufe schriftlich festgehalten?"));
    g_assert_nonnull (strstr (de, "Weiß nicht"));
  }

  run_lightsout_in (&no_output, dir, "questionnaire", "base.lightsout", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  run_lightsout_in (&bad_assessment, dir, "questionnaire", "base.lightsout", "--assessment", "nope",
                 "-o", "other.html", NULL);
  g_assert_cmpint (bad_assessment.status, ==, 1);
  g_assert_nonnull (strstr (bad_assessment.err, "nope"));
  g_assert_null (get (dir, "other.html"));
}

static void
test_merge (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ben = answers_file ("ben", "Ben Okafor",
                                       "      <answer question=\"process.documentation\" level=\"4\">\n"
                                       "        <note>Runbooks for all.</note>\n      </answer>\n");
  g_autofree char *bad = answers_file ("cy", "Cy", "      <answer question=\"process.nonsense\" level=\"3\"/>\n");
  g_autofree char *ana_again = answers_file ("ana-lee", "ANA LEE",
                                             "      <answer question=\"process.documentation\" level=\"5\"/>\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(LoAssessment) merged = NULL;
  g_autoptr(LoAssessment) replaced = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) ok = { 0 };
  g_auto(Run) duplicate = { 0 };
  g_auto(Run) replace = { 0 };
  g_auto(Run) score = { 0 };

  put (dir, "base.lightsout", base);
  put (dir, "ben.lightsout", ben);
  put (dir, "bad.lightsout", bad);
  put (dir, "ana.lightsout", ana_again);

  /* a bad file among good ones changes nothing */
  run_lightsout_in (&refused, dir, "merge", "ben.lightsout", "bad.lightsout", "--into", "base.lightsout", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "bad.lightsout"));
  g_assert_nonnull (strstr (refused.err, "process.nonsense"));
  before = get (dir, "base.lightsout");
  g_assert_cmpstr (before, ==, base);

  run_lightsout_in (&ok, dir, "merge", "ben.lightsout", "--into", "base.lightsout", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  merged = read_assessment (dir, "base.lightsout");
  g_assert_cmpuint (merged->respondents->len, ==, 2);
  g_assert_cmpint (answer_of (merged, "ben", "process.documentation"), ==, 4);
  g_assert_cmpstr (lo_respondent_get_note (lo_assessment_lookup_respondent (merged, "ben"),
                                           "process.documentation"), ==, "Runbooks for all.");
  /* process.documentation: (2 + 4) / 2 = 3, spread 2 */
  run_lightsout_in (&score, dir, "score", "base.lightsout", "--json", NULL);
  g_assert_cmpint (score.status, ==, 0);
  g_assert_nonnull (strstr (score.out, "\"combined\" : 3.0,"));

  /* the same name (another case, another id) is there: refused, unless --replace */
  after = get (dir, "base.lightsout");
  run_lightsout_in (&duplicate, dir, "merge", "ana.lightsout", "--into", "base.lightsout", NULL);
  g_assert_cmpint (duplicate.status, ==, 1);
  g_assert_nonnull (strstr (duplicate.err, "Ana Lee"));
  g_assert_nonnull (strstr (duplicate.err, "--replace"));
  g_free (before);
  before = get (dir, "base.lightsout");
  g_assert_cmpstr (before, ==, after);

  run_lightsout_in (&replace, dir, "merge", "ana.lightsout", "--into", "base.lightsout", "--replace", NULL);
  g_assert_cmpint (replace.status, ==, 0);
  replaced = read_assessment (dir, "base.lightsout");
  g_assert_cmpuint (replaced->respondents->len, ==, 2);
  /* in Ana's place, first */
  g_assert_cmpstr (((LoRespondent *) g_ptr_array_index (replaced->respondents, 0))->id, ==, "ana-lee");
  g_assert_null (lo_assessment_lookup_respondent (replaced, "ana"));
  g_assert_cmpint (answer_of (replaced, "ana-lee", "process.documentation"), ==, 5);
  g_assert_cmpint (answer_of (replaced, "ana-lee", "data.access"), ==, -9);
}

static void
test_merge_into_database (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ben = answers_file ("ben", "Ben", "      <answer question=\"data.access\" level=\"2\"/>\n");
  g_autoptr(LoAssessment) exported = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) merge = { 0 };
  g_auto(Run) export = { 0 };

  put (dir, "base.lightsout", base);
  put (dir, "ben.lightsout", ben);
  run_lightsout_in (&import, dir, "import", "base.lightsout", "--db", "t.db", NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_lightsout_in (&merge, dir, "merge", "ben.lightsout", "--client", "A&B <script>alert(1)</script>",
                 "--db", "t.db", NULL);
  g_assert_cmpint (merge.status, ==, 0);
  run_lightsout_in (&export, dir, "export", "A&B <script>alert(1)</script>", "-o", "out.lightsout",
                 "--db", "t.db", NULL);
  g_assert_cmpint (export.status, ==, 0);
  exported = read_assessment (dir, "out.lightsout");
  g_assert_cmpuint (exported->respondents->len, ==, 2);
  g_assert_cmpint (answer_of (exported, "ana", "data.access"), ==, 4);
  g_assert_cmpint (answer_of (exported, "ben", "data.access"), ==, 2);
}

/* Imports data/@csv into a fresh copy of the base engagement. */
static LoAssessment *
import_csv (const char *csv,
            const char *extra)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "cli", "data", csv, NULL);
  g_auto(Run) run = { 0 };

  put (dir, "base.lightsout", base);
  run_lightsout_in (&run, dir, "import-responses", path, "--into", "base.lightsout", extra, NULL);
  if (run.status != 0)
    g_error ("%s: %s", csv, run.err);
  return read_assessment (dir, "base.lightsout");
}

static void
test_import_msforms (void)
{
  g_autoptr(LoAssessment) a = import_csv ("responses-msforms.csv", NULL);

  g_assert_cmpuint (a->respondents->len, ==, 3);
  g_assert_cmpint (answer_of (a, "lena-voss", "process.documentation"), ==, 2);
  g_assert_cmpint (answer_of (a, "lena-voss", "data.access"), ==, 1);
  g_assert_cmpint (answer_of (a, "lena-voss", "automation.connections"), ==, LO_ANSWER_NA);
  g_assert_cmpint (answer_of (a, "omar-haddad", "process.documentation"), ==, 3);
  g_assert_cmpint (answer_of (a, "omar-haddad", "data.access"), ==, 3);
  g_assert_cmpint (answer_of (a, "omar-haddad", "automation.connections"), ==, 2);
}

static void
test_import_msforms_german (void)
{
  g_autoptr(LoAssessment) a = import_csv ("responses-msforms-de.csv", NULL);

  /* semicolons, the German question and option text, "Weiß nicht" */
  g_assert_cmpint (answer_of (a, "jonas-weber", "process.documentation"), ==, 1);
  g_assert_cmpint (answer_of (a, "jonas-weber", "data.access"), ==, LO_ANSWER_DONT_KNOW);
}

static void
test_import_googleforms (void)
{
  g_autoptr(LoAssessment) a = import_csv ("responses-googleforms.csv", NULL);
  const LoRespondent *omar;

  g_assert_cmpint (answer_of (a, "lena-voss", "process.documentation"), ==, 2);
  g_assert_cmpint (answer_of (a, "lena-voss", "process.rules"), ==, 4);
  g_assert_cmpint (answer_of (a, "lena-voss", "data.access"), ==, 1);
  omar = lo_assessment_lookup_respondent (a, "omar-o-haddad-jr");
  g_assert_nonnull (omar);
  g_assert_cmpstr (omar->name, ==, "Omar \"O\" Haddad, Jr.");
  g_assert_cmpint (answer_of (a, "omar-o-haddad-jr", "process.documentation"), ==, 5);
  g_assert_cmpint (answer_of (a, "omar-o-haddad-jr", "process.rules"), ==, LO_ANSWER_DONT_KNOW);
  /* an empty cell: not answered */
  g_assert_cmpint (answer_of (a, "omar-o-haddad-jr", "data.access"), ==, -9);
}

static void
test_import_limesurvey (void)
{
  g_autoptr(LoAssessment) a = import_csv ("responses-limesurvey.csv", NULL);

  g_assert_cmpint (answer_of (a, "lena-voss", "process.documentation"), ==, 2);
  g_assert_cmpint (answer_of (a, "lena-voss", "data.access"), ==, 1);
  g_assert_cmpint (answer_of (a, "lena-voss", "automation.connections"), ==, LO_ANSWER_NA);
  g_assert_cmpint (answer_of (a, "omar-haddad", "process.documentation"), ==, 3);
  g_assert_cmpint (answer_of (a, "omar-haddad", "data.access"), ==, 3);
  g_assert_cmpint (answer_of (a, "omar-haddad", "automation.connections"), ==, 2);
}

static void
test_import_refusals (void)
{
  static const struct { const char *csv; const char *name_column; const char *says; } cases[] = {
    /* row 3 although row 2 spans two lines of the file */
    { "responses-bad-cell.csv", NULL, "row 3, column 4" },
    { "responses-bad-column.csv", NULL, "--name-column" },
    { "responses-bad-column.csv", "--name-column=Your name", "row 1, column 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "cli", "data", cases[i].csv, NULL);
      g_autofree char *after = NULL;
      g_auto(Run) run = { 0 };

      put (dir, "base.lightsout", base);
      run_lightsout_in (&run, dir, "import-responses", path, "--into", "base.lightsout",
                     cases[i].name_column, NULL);
      g_assert_cmpint (run.status, ==, 1);
      if (strstr (run.err, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, run.err, cases[i].says);
      after = get (dir, "base.lightsout");
      g_assert_cmpstr (after, ==, base);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/workshop/questionnaire", test_questionnaire);
  g_test_add_func ("/cli/workshop/merge", test_merge);
  g_test_add_func ("/cli/workshop/merge-into-database", test_merge_into_database);
  g_test_add_func ("/cli/workshop/import/msforms", test_import_msforms);
  g_test_add_func ("/cli/workshop/import/msforms-german", test_import_msforms_german);
  g_test_add_func ("/cli/workshop/import/googleforms", test_import_googleforms);
  g_test_add_func ("/cli/workshop/import/limesurvey", test_import_limesurvey);
  g_test_add_func ("/cli/workshop/import/refusals", test_import_refusals);

  return g_test_run ();
}
