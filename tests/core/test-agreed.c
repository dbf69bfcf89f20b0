/* test-agreed.c: agreed answers and notes in SPEC §1 scoring
 *
 * Every expected value is worked out by hand in the comment beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-core.h"

#define EPS 1e-12

/* Dimension "a": a.1 (weight 1), a.2 (weight 2); dimension "b": b.1, b.2
 * (b.2 allows "not applicable"). */
static LoBank *
make_bank (void)
{
  static const struct { const char *dimension, *question; double weight; gboolean na; } specs[] = {
    { "a", "a.1", 1, FALSE },
    { "a", "a.2", 2, FALSE },
    { "b", "b.1", 1, FALSE },
    { "b", "b.2", 1, TRUE },
  };
  LoBank *bank = lo_bank_new ("test-bank", 1);

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    {
      g_autofree char *name = g_strdup_printf ("Level %d", k);
      lo_bank_set_level (bank, k, name, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      LoDimension *dimension = (LoDimension *) lo_bank_lookup_dimension (bank, specs[i].dimension);
      LoQuestion *question;
      g_autoptr(GError) error = NULL;

      if (dimension == NULL)
        dimension = lo_bank_add_dimension (bank, specs[i].dimension, specs[i].dimension, "", &error);
      g_assert_no_error (error);
      question = lo_bank_add_question (bank, dimension, specs[i].question, "Question text",
                                       specs[i].weight, specs[i].na, &error);
      g_assert_no_error (error);
      for (int k = 0; k < LO_N_LEVELS; k++)
        {
          question->options[k] = g_strdup_printf ("%s option %d", specs[i].question, k + 1);
          if (k > 0)
            question->actions[k] = g_strdup_printf ("%s action %d", specs[i].question, k + 1);
        }
    }
  g_assert_true (lo_bank_check (bank, NULL));
  return bank;
}

/* ana: a.1 2, a.2 4, b.1 1, b.2 3; ben: a.1 4, a.2 4, b.1 5, b.2 3 */
static LoAssessment *
two_respondents (void)
{
  LoAssessment *assessment = lo_assessment_new ("w1", "2026-05-04", "test-bank");
  LoRespondent *ana = lo_assessment_add_respondent (assessment, "ana", "Ana", NULL);
  LoRespondent *ben = lo_assessment_add_respondent (assessment, "ben", "Ben", "CFO");

  lo_respondent_set_answer (ana, "a.1", 2);
  lo_respondent_set_answer (ana, "a.2", 4);
  lo_respondent_set_answer (ana, "b.1", 1);
  lo_respondent_set_answer (ana, "b.2", 3);
  lo_respondent_set_answer (ben, "a.1", 4);
  lo_respondent_set_answer (ben, "a.2", 4);
  lo_respondent_set_answer (ben, "b.1", 5);
  lo_respondent_set_answer (ben, "b.2", 3);
  return assessment;
}

static LoScore *
compute (LoBank       *bank,
         LoAssessment *assessment)
{
  g_autoptr(GError) error = NULL;
  LoScore *score = lo_score_compute (bank, assessment, &error);

  g_assert_no_error (error);
  g_assert_nonnull (score);
  return score;
}

static void
test_without_agreement (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(LoAssessment) assessment = two_respondents ();
  g_autoptr(LoScore) score = compute (bank, assessment);

  /* a.1: mean (2 + 4) / 2 = 3, spread 2, contested; a = (1·3 + 2·4) / 3 = 11/3 */
  g_assert_cmpfloat_with_epsilon (score->questions[0].combined, 3, EPS);
  g_assert_cmpint (score->questions[0].spread, ==, 2);
  g_assert_true (score->questions[0].contested);
  g_assert_null (score->questions[0].agreed);
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 11.0 / 3.0, EPS);
  /* b.1: mean 3, spread 4; b = (3 + 3) / 2 = 3 */
  g_assert_cmpfloat_with_epsilon (score->dimensions[1].score, 3, EPS);
  g_assert_cmpuint (score->contested->len, ==, 2);
}

static void
test_agreed_level (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(LoAssessment) assessment = two_respondents ();
  g_autoptr(LoScore) score = NULL;
  const LoQuestionScore *qs;

  lo_assessment_set_agreed (assessment, "a.1", 2, "The invoices are keyed in by hand.");
  lo_assessment_set_agreed (assessment, "b.1", 4, NULL);
  score = compute (bank, assessment);

  /* a.1: the agreed 2 is the combined answer; the spread stays 4 − 2 = 2 */
  qs = lo_score_lookup_question (score, "a.1");
  g_assert_cmpfloat_with_epsilon (qs->combined, 2, EPS);
  g_assert_cmpint (qs->spread, ==, 2);
  g_assert_cmpint (qs->min, ==, 2);
  g_assert_cmpint (qs->max, ==, 4);
  g_assert_true (qs->contested);
  g_assert_nonnull (qs->agreed);
  g_assert_cmpstr (qs->agreed->note, ==, "The invoices are keyed in by hand.");
  /* a = (1·2 + 2·4) / 3 = 10/3 = 3.33…: level 3 */
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 10.0 / 3.0, EPS);
  g_assert_cmpint (score->dimensions[0].level, ==, 3);
  /* b.1 agreed 4 (spread 5 − 1 = 4 still contested): b = (4 + 3) / 2 = 3.5 */
  g_assert_cmpfloat_with_epsilon (score->dimensions[1].score, 3.5, EPS);
  g_assert_cmpint (lo_score_lookup_question (score, "b.1")->spread, ==, 4);
  g_assert_cmpuint (score->contested->len, ==, 2);
  /* overall: min (3, 3) = 3; score (10/3 + 3.5) / 2 = 41/12 */
  g_assert_true (score->complete);
  g_assert_cmpint (score->overall_level, ==, 3);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 41.0 / 12.0, EPS);
}

static void
test_agreed_dont_know_and_na (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(LoAssessment) assessment = two_respondents ();
  g_autoptr(LoScore) score = NULL;

  /* b.1 agreed "don't know": unanswered though both gave a level; b = b.2 = 3 */
  lo_assessment_set_agreed (assessment, "b.1", LO_ANSWER_DONT_KNOW, NULL);
  score = compute (bank, assessment);
  g_assert_cmpint (lo_score_lookup_question (score, "b.1")->state, ==, LO_QUESTION_UNKNOWN);
  g_assert_true (isnan (lo_score_lookup_question (score, "b.1")->combined));
  g_assert_cmpfloat_with_epsilon (score->dimensions[1].score, 3, EPS);
  g_assert_cmpuint (score->dimensions[1].answered, ==, 1);
  g_clear_pointer (&score, lo_score_unref);

  /* b.2 agreed "not applicable" too: b has no answered question left, so the
   * assessment is incomplete and b is named as missing */
  lo_assessment_set_agreed (assessment, "b.2", LO_ANSWER_NA, "We have no warehouse.");
  score = compute (bank, assessment);
  g_assert_cmpint (lo_score_lookup_question (score, "b.2")->state, ==, LO_QUESTION_NA);
  g_assert_false (score->dimensions[1].has_score);
  g_assert_false (score->complete);
  g_assert_cmpuint (score->missing->len, ==, 1);
  g_clear_pointer (&score, lo_score_unref);

  /* clearing the agreement brings the respondents' mean back: b = 3 */
  g_assert_true (lo_assessment_clear_agreed (assessment, "b.1"));
  g_assert_true (lo_assessment_clear_agreed (assessment, "b.2"));
  g_assert_false (lo_assessment_clear_agreed (assessment, "b.2"));
  score = compute (bank, assessment);
  g_assert_cmpfloat_with_epsilon (score->dimensions[1].score, 3, EPS);
}

static void
test_notes_change_nothing (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("solo", "2026-05-04", "test-bank");
  LoRespondent *ana = lo_assessment_add_respondent (assessment, "ana", "Ana", NULL);
  g_autoptr(LoScore) before = NULL;
  g_autoptr(LoScore) after = NULL;

  /* one respondent: a = (1·1 + 2·5) / 3 = 11/3, b = (2 + 4) / 2 = 3 */
  lo_respondent_set_answer (ana, "a.1", 1);
  lo_respondent_set_answer (ana, "a.2", 5);
  lo_respondent_set_answer (ana, "b.1", 2);
  lo_respondent_set_answer (ana, "b.2", 4);
  before = compute (bank, assessment);
  g_assert_cmpfloat_with_epsilon (before->dimensions[0].score, 11.0 / 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (before->dimensions[1].score, 3, EPS);
  g_assert_false (lo_assessment_has_notes (assessment));

  lo_respondent_set_note (ana, "a.1", "Seen the spreadsheet.");
  g_assert_cmpstr (lo_respondent_get_note (ana, "a.1"), ==, "Seen the spreadsheet.");
  g_assert_true (lo_assessment_has_notes (assessment));
  after = compute (bank, assessment);
  g_assert_cmpfloat_with_epsilon (after->dimensions[0].score, 11.0 / 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (after->overall_score, (11.0 / 3.0 + 3) / 2, EPS);

  /* a note on a question not answered records "don't know" to carry it */
  lo_respondent_set_note (ana, "missing", NULL);
  g_assert_false (lo_respondent_get_answer (ana, "missing", NULL));
  lo_respondent_set_note (ana, "a.1", "");
  g_assert_null (lo_respondent_get_note (ana, "a.1"));
  g_assert_false (lo_assessment_has_notes (assessment));
}

static void
test_refusals (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(LoAssessment) assessment = two_respondents ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(LoScore) score = NULL;

  /* "na" agreed on a question that does not allow it names the question */
  lo_assessment_set_agreed (assessment, "a.2", LO_ANSWER_NA, NULL);
  g_assert_null (lo_score_compute (bank, assessment, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "a.2"));
  g_clear_error (&error);

  /* an agreed answer to a question the bank does not have */
  lo_assessment_clear_agreed (assessment, "a.2");
  lo_assessment_set_agreed (assessment, "z.9", 3, NULL);
  g_assert_null (lo_score_compute (bank, assessment, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "z.9"));
  g_clear_error (&error);
  lo_assessment_clear_agreed (assessment, "z.9");

  /* a note of 20 000 characters (two bytes each) is accepted, one more refused */
  for (guint i = 0; i < LO_NOTE_MAX_CHARS; i++)
    g_string_append (note, "é");
  lo_respondent_set_note (lo_assessment_lookup_respondent (assessment, "ben"), "b.1", note->str);
  score = lo_score_compute (bank, assessment, &error);
  g_assert_no_error (error);
  g_assert_nonnull (score);
  g_string_append_c (note, 'x');
  lo_assessment_set_agreed (assessment, "b.1", 3, note->str);
  g_assert_null (lo_score_compute (bank, assessment, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "b.1"));
  g_assert_nonnull (strstr (error->message, "20000"));
}

static void
test_copy (void)
{
  g_autoptr(LoAssessment) assessment = two_respondents ();
  g_autoptr(LoAssessment) copy = NULL;
  const LoAgreed *agreed;

  lo_respondent_set_note (lo_assessment_lookup_respondent (assessment, "ana"), "a.1", "why");
  lo_assessment_set_agreed (assessment, "a.1", LO_ANSWER_DONT_KNOW, "because");
  copy = lo_assessment_copy (assessment);
  g_assert_cmpstr (lo_respondent_get_note (lo_assessment_lookup_respondent (copy, "ana"), "a.1"), ==, "why");
  agreed = lo_assessment_get_agreed (copy, "a.1");
  g_assert_nonnull (agreed);
  g_assert_cmpint (agreed->value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_cmpstr (agreed->note, ==, "because");
  g_assert_null (lo_assessment_get_agreed (copy, "a.2"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreed/without-agreement", test_without_agreement);
  g_test_add_func ("/agreed/level", test_agreed_level);
  g_test_add_func ("/agreed/dont-know-and-na", test_agreed_dont_know_and_na);
  g_test_add_func ("/agreed/notes-change-nothing", test_notes_change_nothing);
  g_test_add_func ("/agreed/refusals", test_refusals);
  g_test_add_func ("/agreed/copy", test_copy);

  return g_test_run ();
}
