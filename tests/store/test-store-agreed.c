/* test-store-agreed.c: notes and agreed answers in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

static LoAssessment *
workshop (void)
{
  LoAssessment *assessment = lo_assessment_new ("w1", "2026-05-04", "lightsout-default");
  LoRespondent *ana = lo_assessment_add_respondent (assessment, "ana", "Ana", NULL);
  LoRespondent *ben = lo_assessment_add_respondent (assessment, "ben", "Ben", NULL);

  assessment->bank_edition = 2;
  lo_respondent_set_answer (ana, "process.documentation", 2);
  lo_respondent_set_note (ana, "process.documentation", "Only the invoicing steps.\nNothing else.");
  lo_respondent_set_answer (ben, "process.documentation", 4);
  lo_assessment_set_agreed (assessment, "process.documentation", 3, "Written for two workflows.");
  lo_assessment_set_agreed (assessment, "data.access", LO_ANSWER_DONT_KNOW, NULL);
  return assessment;
}

static LoAssessment *
load_w1 (LoStore *store,
         gint64   client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_store_load_engagement (store, client, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (engagement->assessments->len, ==, 1);
  return lo_assessment_ref (g_ptr_array_index (engagement->assessments, 0));
}

static void
test_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoAssessment) written = workshop ();
  g_autoptr(LoAssessment) read = NULL;
  const LoAgreed *agreed;
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_create_client (store, "Acme", &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_add_assessment (store, client, written, &error));
  g_assert_no_error (error);

  read = load_w1 (store, client);
  g_assert_cmpstr (lo_respondent_get_note (lo_assessment_lookup_respondent (read, "ana"), "process.documentation"),
                   ==, "Only the invoicing steps.\nNothing else.");
  g_assert_null (lo_respondent_get_note (lo_assessment_lookup_respondent (read, "ben"), "process.documentation"));
  g_assert_cmpuint (read->agreed->len, ==, 2);
  agreed = &g_array_index (read->agreed, LoAgreed, 0);
  g_assert_cmpstr (agreed->question, ==, "process.documentation");
  g_assert_cmpint (agreed->value, ==, 3);
  g_assert_cmpstr (agreed->note, ==, "Written for two workflows.");
  agreed = &g_array_index (read->agreed, LoAgreed, 1);
  g_assert_cmpstr (agreed->question, ==, "data.access");
  g_assert_cmpint (agreed->value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_null (agreed->note);
}

static void
test_setters (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoAssessment) written = workshop ();
  g_autoptr(LoAssessment) read = NULL;
  g_autoptr(LoAssessment) replaced = NULL;
  LoRespondent *ben;
  int value = -9;
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_create_client (store, "Acme", &error);
  g_assert_true (lo_store_add_assessment (store, client, written, &error));

  /* a note on an answer keeps its level; a note without an answer is a "don't know" */
  g_assert_true (lo_store_set_note (store, client, "w1", "ben", "process.documentation", "Wiki pages.", &error));
  g_assert_true (lo_store_set_note (store, client, "w1", "ben", "data.copies", "Nobody knew.", &error));
  g_assert_true (lo_store_set_note (store, client, "w1", "ana", "process.documentation", NULL, &error));
  /* the agreed answer replaced, one added, one removed */
  g_assert_true (lo_store_set_agreed (store, client, "w1", "process.documentation", 2, "", &error));
  g_assert_true (lo_store_set_agreed (store, client, "w1", "automation.connections", LO_ANSWER_NA, "No tools yet.", &error));
  g_assert_true (lo_store_clear_agreed (store, client, "w1", "data.access", &error));
  g_assert_no_error (error);
  g_assert_false (lo_store_set_agreed (store, client, "w1", "data.copies", 9, NULL, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *long_note = g_strnfill (LO_NOTE_MAX_CHARS + 1, 'x');

    g_assert_false (lo_store_set_note (store, client, "w1", "ben", "data.copies", long_note, &error));
    g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
    g_clear_error (&error);
    long_note[LO_NOTE_MAX_CHARS] = '\0';
    g_assert_true (lo_store_set_agreed (store, client, "w1", "data.copies", 1, long_note, &error));
    g_assert_true (lo_store_clear_agreed (store, client, "w1", "data.copies", &error));
    g_assert_no_error (error);
  }

  read = load_w1 (store, client);
  ben = lo_assessment_lookup_respondent (read, "ben");
  g_assert_true (lo_respondent_get_answer (ben, "process.documentation", &value));
  g_assert_cmpint (value, ==, 4);
  g_assert_cmpstr (lo_respondent_get_note (ben, "process.documentation"), ==, "Wiki pages.");
  g_assert_true (lo_respondent_get_answer (ben, "data.copies", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_cmpstr (lo_respondent_get_note (ben, "data.copies"), ==, "Nobody knew.");
  g_assert_null (lo_respondent_get_note (lo_assessment_lookup_respondent (read, "ana"), "process.documentation"));
  g_assert_cmpint (lo_assessment_get_agreed (read, "process.documentation")->value, ==, 2);
  g_assert_null (lo_assessment_get_agreed (read, "process.documentation")->note);
  g_assert_cmpint (lo_assessment_get_agreed (read, "automation.connections")->value, ==, LO_ANSWER_NA);
  g_assert_null (lo_assessment_get_agreed (read, "data.access"));

  /* replacing the assessment whole (what merge does) */
  lo_assessment_add_respondent (read, "cy", "Cy", "CTO");
  g_assert_true (lo_store_replace_assessment (store, client, read, &error));
  g_assert_no_error (error);
  replaced = load_w1 (store, client);
  g_assert_cmpuint (replaced->respondents->len, ==, 3);
  g_assert_cmpuint (replaced->agreed->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/agreed/kept", test_kept);
  g_test_add_func ("/store/agreed/setters", test_setters);

  return g_test_run ();
}
