/* test-store-edition.c: the store keeps the bank edition of each assessment
 *
 * An assessment answered with edition 1 of the default bank keeps opening and
 * scoring with edition 1's questions after edition 2 ships; a new one is
 * answered with the edition it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

static LoAssessment *
assessment_on (const char *id,
               guint       edition,
               const char *question)
{
  LoAssessment *assessment = lo_assessment_new (id, "2026-05-01", "lightsout-default");
  LoRespondent *respondent;

  assessment->bank_edition = edition;
  respondent = lo_assessment_add_respondent (assessment, "r1", "Rita", NULL);
  lo_respondent_set_answer (respondent, question, 4);
  return assessment;
}

static void
test_edition_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoAssessment) old = assessment_on ("old", 1, "process.baseline");
  g_autoptr(LoAssessment) recent = assessment_on ("new", 2, "process.volumes");
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoBank) old_bank = NULL;
  g_autoptr(LoBank) recent_bank = NULL;
  g_autoptr(LoScore) score = NULL;
  g_autofree char *xml = NULL;
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_create_client (store, "Acme", &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_add_assessment (store, client, old, &error));
  g_assert_no_error (error);
  g_assert_true (lo_store_add_assessment (store, client, recent, &error));
  g_assert_no_error (error);

  /* loading gives back the edition each was answered with … */
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->assessments->len, ==, 2);
  g_assert_cmpuint (((LoAssessment *) g_ptr_array_index (loaded->assessments, 0))->bank_edition, ==, 1);
  g_assert_cmpuint (((LoAssessment *) g_ptr_array_index (loaded->assessments, 1))->bank_edition, ==, 2);
  /* … and so does the file written from the database (SPEC §3: 2.0) */
  xml = lo_engagement_to_xml (loaded, NULL);
  g_assert_nonnull (strstr (xml, "version=\"2.0\""));
  g_assert_nonnull (strstr (xml, "<assessment id=\"old\" date=\"2026-05-01\" bank=\"lightsout-default\">"));
  g_assert_nonnull (strstr (xml, "<assessment id=\"new\" date=\"2026-05-01\" bank=\"lightsout-default\" bank-edition=\"2\">"));

  /* the bank each is scored with is that edition, with its own questions */
  old_bank = lo_store_get_assessment_bank (store, client, "old", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old_bank->version, ==, 1);
  g_assert_nonnull (lo_bank_lookup_question (old_bank, "process.baseline"));
  recent_bank = lo_store_get_assessment_bank (store, client, "new", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent_bank->version, ==, 2);
  g_assert_nonnull (lo_bank_lookup_question (recent_bank, "process.volumes"));

  /* edition 1's answer scores: process.baseline at 4 is the only answer of
   * its dimension, so the dimension scores 4 */
  score = lo_score_compute (old_bank, g_ptr_array_index (loaded->assessments, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (score->dimensions[0].dimension->id, ==, "process");
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 4.0, 1e-12);

  /* both editions are kept in the database */
  {
    g_autoptr(LoBank) kept_1 = lo_store_get_bank (store, "lightsout-default", 1, &error);
    g_autoptr(LoBank) kept_2 = NULL;

    g_assert_no_error (error);
    kept_2 = lo_store_get_bank (store, "lightsout-default", 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (kept_1->version, ==, 1);
    g_assert_cmpuint (kept_2->version, ==, 2);
  }
}

/* An edition that is neither shipped nor kept: the assessment is stored, and
 * asking for its bank says which is missing instead of using another edition. */
static void
test_edition_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = lo_store_open (path, &error);
  g_autoptr(LoAssessment) later = assessment_on ("later", 9, "process.volumes");
  g_autoptr(LoBank) bank = NULL;
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_create_client (store, "Acme", &error);
  g_assert_true (lo_store_add_assessment (store, client, later, &error));
  g_assert_no_error (error);
  bank = lo_store_get_assessment_bank (store, client, "later", &error);
  g_assert_null (bank);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "lightsout-default"));
  g_assert_nonnull (strstr (error->message, "edition 9"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/store/edition/kept", test_edition_kept);
  g_test_add_func ("/lo/store/edition/unknown", test_edition_unknown);

  return g_test_run ();
}
