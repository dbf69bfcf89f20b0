/* test-score.c: SPEC §1 scoring, with banks and assessments built in code
 *
 * Every expected value is worked out by hand in the comment beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "lo-core.h"

typedef struct
{
  const char *dimension;
  const char *question;
  double      weight;
  gboolean    allow_na;
} QSpec;

/* A bank with every option and action filled, dimensions in order of first use. */
static LoBank *
make_bank (const QSpec *specs,
           guint        n_specs)
{
  LoBank *bank = lo_bank_new ("test-bank", 1);

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    {
      g_autofree char *name = g_strdup_printf ("Level %d", k);
      lo_bank_set_level (bank, k, name, "");
    }

  for (guint i = 0; i < n_specs; i++)
    {
      LoDimension *dimension = (LoDimension *) lo_bank_lookup_dimension (bank, specs[i].dimension);
      LoQuestion *question;
      g_autoptr(GError) error = NULL;

      if (dimension == NULL)
        {
          g_autofree char *name = g_strdup_printf ("Dimension %s", specs[i].dimension);
          dimension = lo_bank_add_dimension (bank, specs[i].dimension, name, "", &error);
          g_assert_no_error (error);
        }
      question = lo_bank_add_question (bank, dimension, specs[i].question, "Question text",
                                       specs[i].weight, specs[i].allow_na, &error);
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

static void
answer (LoAssessment *assessment,
        const char   *respondent_id,
        const char   *question,
        int           value)
{
  LoRespondent *respondent = lo_assessment_lookup_respondent (assessment, respondent_id);

  if (respondent == NULL)
    respondent = lo_assessment_add_respondent (assessment, respondent_id, respondent_id, NULL);
  lo_respondent_set_answer (respondent, question, value);
}

static LoAssessment *
new_assessment (void)
{
  return lo_assessment_new ("a1", "2026-04-15", "test-bank");
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

#define EPS 1e-12

static const QSpec three_questions[] = {
  { "process", "p1", 1, FALSE },
  { "process", "p2", 1, FALSE },
  { "process", "p3", 1, FALSE },
};

static void
test_score_single (void)
{
  g_autoptr(LoBank) bank = make_bank (three_questions, G_N_ELEMENTS (three_questions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  const LoDimensionScore *ds;

  answer (assessment, "ana", "p1", 1);
  answer (assessment, "ana", "p2", 2);
  answer (assessment, "ana", "p3", 4);
  score = compute (bank, assessment);

  /* (1 + 2 + 4) / 3 = 7/3 = 2.333…: level 2, target 3 */
  g_assert_cmpuint (score->n_dimensions, ==, 1);
  g_assert_cmpuint (score->n_questions, ==, 3);
  ds = &score->dimensions[0];
  g_assert_true (ds->has_score);
  g_assert_cmpfloat_with_epsilon (ds->score, 7.0 / 3.0, EPS);
  g_assert_cmpint (ds->level, ==, 2);
  g_assert_cmpint (ds->target, ==, 3);
  g_assert_false (ds->target_set);
  g_assert_cmpuint (ds->answered, ==, 3);
  g_assert_cmpuint (ds->questions, ==, 3);
  g_assert_true (score->complete);
  g_assert_cmpint (score->overall_level, ==, 2);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 7.0 / 3.0, EPS);
  g_assert_cmpint (score->weakest, ==, 0);
  g_assert_cmpuint (score->contested->len, ==, 0);
  g_assert_cmpuint (score->missing->len, ==, 0);
  g_assert_true (score->bank == bank);
  g_assert_true (score->assessment == assessment);
}

static void
test_score_respondents (void)
{
  g_autoptr(LoBank) bank = make_bank (three_questions, G_N_ELEMENTS (three_questions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  const LoQuestionScore *q;

  /* p1: 2, 3, 5 → mean 10/3, min 2, max 5, spread 3: contested */
  answer (assessment, "ana", "p1", 2);
  answer (assessment, "ben", "p1", 3);
  answer (assessment, "cem", "p1", 5);
  /* p2: 3, 3, 4 → mean 10/3, spread 1: not contested */
  answer (assessment, "ana", "p2", 3);
  answer (assessment, "ben", "p2", 3);
  answer (assessment, "cem", "p2", 4);
  /* p3: 1, 3 and one don't know → mean 2, spread 2: contested (≥ 2) */
  answer (assessment, "ana", "p3", 1);
  answer (assessment, "ben", "p3", 3);
  answer (assessment, "cem", "p3", LO_ANSWER_DONT_KNOW);
  score = compute (bank, assessment);

  q = lo_score_lookup_question (score, "p1");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->question->id, ==, "p1");
  g_assert_cmpint (q->state, ==, LO_QUESTION_ANSWERED);
  g_assert_cmpuint (q->n_given, ==, 3);
  g_assert_cmpfloat_with_epsilon (q->combined, 10.0 / 3.0, EPS);
  g_assert_cmpint (q->min, ==, 2);
  g_assert_cmpint (q->max, ==, 5);
  g_assert_cmpint (q->spread, ==, 3);
  g_assert_true (q->contested);

  q = lo_score_lookup_question (score, "p2");
  g_assert_cmpfloat_with_epsilon (q->combined, 10.0 / 3.0, EPS);
  g_assert_cmpint (q->spread, ==, 1);
  g_assert_false (q->contested);

  q = lo_score_lookup_question (score, "p3");
  g_assert_cmpuint (q->n_given, ==, 2);
  g_assert_cmpuint (q->n_dont_know, ==, 1);
  g_assert_cmpfloat_with_epsilon (q->combined, 2.0, EPS);
  g_assert_cmpint (q->spread, ==, 2);
  g_assert_true (q->contested);

  /* (10/3 + 10/3 + 2) / 3 = (26/3) / 3 = 26/9 = 2.888…: level 2 */
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 26.0 / 9.0, EPS);
  g_assert_cmpint (score->dimensions[0].level, ==, 2);

  /* contested in bank order */
  g_assert_cmpuint (score->contested->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (score->contested, 0), ==, "p1");
  g_assert_cmpstr (g_ptr_array_index (score->contested, 1), ==, "p3");

  g_assert_null (lo_score_lookup_question (score, "nope"));
}

static void
test_score_weights (void)
{
  static const QSpec specs[] = {
    { "data", "d1", 2, FALSE },
    { "data", "d2", 1, FALSE },
    { "data", "d3", 1, FALSE },
    { "data", "d4", 0.5, FALSE },
  };
  g_autoptr(LoBank) bank = make_bank (specs, G_N_ELEMENTS (specs));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;

  answer (assessment, "ana", "d1", 4);
  answer (assessment, "ana", "d2", 2);
  answer (assessment, "ana", "d3", 1);
  /* d4 unanswered: its weight does not count */
  score = compute (bank, assessment);

  /* (2×4 + 1×2 + 1×1) / (2 + 1 + 1) = 11/4 = 2.75: level 2, target 3 */
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 2.75, EPS);
  g_assert_cmpint (score->dimensions[0].level, ==, 2);
  g_assert_cmpint (score->dimensions[0].target, ==, 3);
  g_assert_cmpuint (score->dimensions[0].answered, ==, 3);
  g_assert_cmpuint (score->dimensions[0].questions, ==, 4);
  g_assert_cmpint (lo_score_lookup_question (score, "d4")->state, ==, LO_QUESTION_UNKNOWN);

  /* now d4 = 5 with weight 0.5: (11 + 2.5) / 4.5 = 13.5 / 4.5 = 3: level 3 */
  answer (assessment, "ana", "d4", 5);
  g_clear_pointer (&score, lo_score_unref);
  score = compute (bank, assessment);
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 3.0, EPS);
  g_assert_cmpint (score->dimensions[0].level, ==, 3);
}

static void
test_score_dont_know (void)
{
  g_autoptr(LoBank) bank = make_bank (three_questions, G_N_ELEMENTS (three_questions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  const LoQuestionScore *q;

  /* p1: ana doesn't know, ben 4 → combined 4 from one answer */
  answer (assessment, "ana", "p1", LO_ANSWER_DONT_KNOW);
  answer (assessment, "ben", "p1", 4);
  /* p2: ana doesn't know, ben gave nothing → UNKNOWN */
  answer (assessment, "ana", "p2", LO_ANSWER_DONT_KNOW);
  /* p3: only ana, 2 (ben missing) */
  answer (assessment, "ana", "p3", 2);
  score = compute (bank, assessment);

  q = lo_score_lookup_question (score, "p1");
  g_assert_cmpint (q->state, ==, LO_QUESTION_ANSWERED);
  g_assert_cmpuint (q->n_given, ==, 1);
  g_assert_cmpuint (q->n_dont_know, ==, 1);
  g_assert_cmpfloat (q->combined, ==, 4);
  g_assert_cmpint (q->spread, ==, 0);

  q = lo_score_lookup_question (score, "p2");
  g_assert_cmpint (q->state, ==, LO_QUESTION_UNKNOWN);
  g_assert_cmpuint (q->n_given, ==, 0);
  g_assert_cmpuint (q->n_dont_know, ==, 2);  /* one "don't know", one missing */
  g_assert_true (isnan (q->combined));
  g_assert_cmpint (q->min, ==, 0);
  g_assert_cmpint (q->max, ==, 0);

  q = lo_score_lookup_question (score, "p3");
  g_assert_cmpuint (q->n_dont_know, ==, 1);    /* ben: no answer at all */

  /* (4 + 2) / 2 = 3 over the two answered questions: level 3 */
  g_assert_cmpuint (score->dimensions[0].answered, ==, 2);
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 3.0, EPS);
  g_assert_cmpint (score->dimensions[0].level, ==, 3);
  g_assert_true (score->complete);
}

static const QSpec na_specs[] = {
  { "oversight", "o1", 1, TRUE },
  { "oversight", "o2", 1, TRUE },
  { "oversight", "o3", 1, FALSE },
};

static void
test_score_na_allowed (void)
{
  g_autoptr(LoBank) bank = make_bank (na_specs, G_N_ELEMENTS (na_specs));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  const LoQuestionScore *q;

  /* o1: both n/a → NA, out of the score */
  answer (assessment, "ana", "o1", LO_ANSWER_NA);
  answer (assessment, "ben", "o1", LO_ANSWER_NA);
  /* o2: ana n/a, ben 1 → answered, combined 1 */
  answer (assessment, "ana", "o2", LO_ANSWER_NA);
  answer (assessment, "ben", "o2", 1);
  /* o3: 4 and 4 */
  answer (assessment, "ana", "o3", 4);
  answer (assessment, "ben", "o3", 4);
  score = compute (bank, assessment);

  q = lo_score_lookup_question (score, "o1");
  g_assert_cmpint (q->state, ==, LO_QUESTION_NA);
  g_assert_cmpuint (q->n_na, ==, 2);
  g_assert_true (isnan (q->combined));

  q = lo_score_lookup_question (score, "o2");
  g_assert_cmpint (q->state, ==, LO_QUESTION_ANSWERED);
  g_assert_cmpuint (q->n_na, ==, 1);
  g_assert_cmpuint (q->n_given, ==, 1);
  g_assert_cmpfloat (q->combined, ==, 1);

  /* (1 + 4) / 2 = 2.5: level 2; o1 is neither a 1 nor a 5 */
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 2.5, EPS);
  g_assert_cmpint (score->dimensions[0].level, ==, 2);
  g_assert_cmpuint (score->dimensions[0].answered, ==, 2);

  /* one n/a and one don't know: still NA (somebody judged it not applicable) */
  answer (assessment, "ben", "o1", LO_ANSWER_DONT_KNOW);
  g_clear_pointer (&score, lo_score_unref);
  score = compute (bank, assessment);
  q = lo_score_lookup_question (score, "o1");
  g_assert_cmpint (q->state, ==, LO_QUESTION_NA);
  g_assert_cmpuint (q->n_na, ==, 1);
  g_assert_cmpuint (q->n_dont_know, ==, 1);
}

static void
test_score_na_refused (void)
{
  g_autoptr(LoBank) bank = make_bank (na_specs, G_N_ELEMENTS (na_specs));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  g_autoptr(GError) error = NULL;

  answer (assessment, "ana", "o1", 3);
  answer (assessment, "ben", "o3", LO_ANSWER_NA);

  g_assert_false (lo_assessment_check (assessment, bank, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "o3"));
  g_assert_nonnull (strstr (error->message, "ben"));
  g_clear_error (&error);

  score = lo_score_compute (bank, assessment, &error);
  g_assert_null (score);
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "o3"));
}

typedef struct
{
  const char *name;
  const char *question;   /* NULL: no answer */
  int         value;
  const char *dimension;  /* NULL: no target */
  int         target;
  int         code;
  const char *mentions;
} CheckCase;

static const CheckCase check_cases[] = {
  { "unknown-question", "zz.nope", 3, NULL, 0, LO_CORE_ERROR_UNKNOWN_ID, "zz.nope" },
  { "level-6", "o3", 6, NULL, 0, LO_CORE_ERROR_INVALID, "o3" },
  { "level-minus-2", "o3", -2, NULL, 0, LO_CORE_ERROR_INVALID, "o3" },
  { "na-refused", "o3", LO_ANSWER_NA, NULL, 0, LO_CORE_ERROR_INVALID, "o3" },
  { "target-unknown-dimension", NULL, 0, "finance", 3, LO_CORE_ERROR_UNKNOWN_ID, "finance" },
  { "target-6", NULL, 0, "oversight", 6, LO_CORE_ERROR_INVALID, "oversight" },
  { "target-minus-1", NULL, 0, "oversight", -1, LO_CORE_ERROR_INVALID, "oversight" },
};

static void
test_check_refuses (gconstpointer data)
{
  const CheckCase *c = data;
  g_autoptr(LoBank) bank = make_bank (na_specs, G_N_ELEMENTS (na_specs));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(GError) error = NULL;

  answer (assessment, "ana", "o1", 2);
  g_assert_true (lo_assessment_check (assessment, bank, NULL));

  if (c->question)
    answer (assessment, "ana", c->question, c->value);
  if (c->dimension)
    lo_assessment_set_target (assessment, c->dimension, c->target);

  g_assert_false (lo_assessment_check (assessment, bank, &error));
  g_assert_error (error, LO_CORE_ERROR, c->code);
  g_assert_nonnull (strstr (error->message, c->mentions));
  if (c->question)
    g_assert_nonnull (strstr (error->message, "ana"));
}

static void
test_check_accepts (void)
{
  g_autoptr(LoBank) bank = make_bank (na_specs, G_N_ELEMENTS (na_specs));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(GError) error = NULL;

  /* every legal kind of answer and a target at each end */
  answer (assessment, "ana", "o1", LO_ANSWER_NA);
  answer (assessment, "ana", "o2", LO_ANSWER_DONT_KNOW);
  answer (assessment, "ana", "o3", 5);
  answer (assessment, "ben", "o3", 1);
  lo_assessment_set_target (assessment, "oversight", 5);
  g_assert_true (lo_assessment_check (assessment, bank, &error));
  g_assert_no_error (error);
  lo_assessment_set_target (assessment, "oversight", 1);
  g_assert_true (lo_assessment_check (assessment, bank, &error));
  g_assert_no_error (error);
}

static const QSpec four_dimensions[] = {
  { "process", "p1", 1, FALSE },
  { "process", "p2", 1, FALSE },
  { "data", "d1", 1, FALSE },
  { "data", "d2", 1, FALSE },
  { "automation", "a1", 1, FALSE },
  { "automation", "a2", 1, FALSE },
  { "people", "h1", 1, FALSE },
  { "people", "h2", 1, FALSE },
};

static void
test_score_incomplete (void)
{
  g_autoptr(LoBank) bank = make_bank (four_dimensions, G_N_ELEMENTS (four_dimensions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  const LoDimensionScore *ds;

  answer (assessment, "ana", "p1", 3);
  answer (assessment, "ana", "p2", 4);
  /* data: don't know on both */
  answer (assessment, "ana", "d1", LO_ANSWER_DONT_KNOW);
  answer (assessment, "ana", "d2", LO_ANSWER_DONT_KNOW);
  answer (assessment, "ana", "a1", 2);
  /* people: nothing at all, but a target set */
  lo_assessment_set_target (assessment, "people", 4);
  score = compute (bank, assessment);

  g_assert_false (score->complete);
  g_assert_cmpint (score->overall_level, ==, 0);
  g_assert_true (isnan (score->overall_score));
  g_assert_cmpint (score->weakest, ==, -1);

  /* missing: data and people, bank order */
  g_assert_cmpuint (score->missing->len, ==, 2);
  g_assert_cmpstr (((LoDimension *) g_ptr_array_index (score->missing, 0))->id, ==, "data");
  g_assert_cmpstr (((LoDimension *) g_ptr_array_index (score->missing, 1))->id, ==, "people");

  /* the others keep their scores: process (3 + 4) / 2 = 3.5 → 3, target 4 */
  ds = lo_score_lookup_dimension (score, "process");
  g_assert_true (ds->has_score);
  g_assert_cmpfloat_with_epsilon (ds->score, 3.5, EPS);
  g_assert_cmpint (ds->level, ==, 3);
  g_assert_cmpint (ds->target, ==, 4);

  ds = lo_score_lookup_dimension (score, "data");
  g_assert_false (ds->has_score);
  g_assert_true (isnan (ds->score));
  g_assert_cmpint (ds->level, ==, 0);
  g_assert_cmpint (ds->target, ==, 0);   /* no score, no target set */
  g_assert_cmpuint (ds->answered, ==, 0);
  g_assert_cmpuint (ds->questions, ==, 2);

  ds = lo_score_lookup_dimension (score, "people");
  g_assert_false (ds->has_score);
  g_assert_cmpint (ds->target, ==, 4);   /* a set target shows without a score */
  g_assert_true (ds->target_set);

  g_assert_null (lo_score_lookup_dimension (score, "finance"));
}

static void
test_score_no_respondents (void)
{
  g_autoptr(LoBank) bank = make_bank (four_dimensions, G_N_ELEMENTS (four_dimensions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = compute (bank, assessment);

  g_assert_false (score->complete);
  g_assert_cmpuint (score->missing->len, ==, 4);
  for (guint i = 0; i < score->n_questions; i++)
    g_assert_cmpint (score->questions[i].state, ==, LO_QUESTION_UNKNOWN);
}

static void
test_score_weakest_link (void)
{
  g_autoptr(LoBank) bank = make_bank (four_dimensions, G_N_ELEMENTS (four_dimensions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;

  answer (assessment, "ana", "p1", 4);   /* process (4 + 5) / 2 = 4.5 → 4 */
  answer (assessment, "ana", "p2", 5);
  answer (assessment, "ana", "d1", 2);   /* data (2 + 3) / 2 = 2.5 → 2 */
  answer (assessment, "ana", "d2", 3);
  answer (assessment, "ana", "a1", 2);   /* automation (2 + 2) / 2 = 2 → 2 */
  answer (assessment, "ana", "a2", 2);
  answer (assessment, "ana", "h1", 3);   /* people (3 + 4) / 2 = 3.5 → 3 */
  answer (assessment, "ana", "h2", 4);
  score = compute (bank, assessment);

  /* overall level = min(4, 2, 2, 3) = 2; score = (4.5 + 2.5 + 2 + 3.5) / 4 = 12.5 / 4 = 3.125 */
  g_assert_true (score->complete);
  g_assert_cmpint (score->overall_level, ==, 2);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 3.125, EPS);
  /* weakest: the lowest score among the level-2 dimensions: automation (2 < 2.5) */
  g_assert_cmpint (score->weakest, ==, 2);
  g_assert_cmpstr (score->dimensions[score->weakest].dimension->id, ==, "automation");

  /* a tie at the overall level goes to the first in bank order: automation 2.5 = data 2.5 */
  answer (assessment, "ana", "a2", 3);
  g_clear_pointer (&score, lo_score_unref);
  score = compute (bank, assessment);
  g_assert_cmpint (score->overall_level, ==, 2);
  g_assert_cmpfloat_with_epsilon (score->dimensions[2].score, 2.5, EPS);
  g_assert_cmpint (score->weakest, ==, 1);
  g_assert_cmpstr (score->dimensions[score->weakest].dimension->id, ==, "data");
}

static void
test_score_floor_tolerance (void)
{
  static const QSpec specs[] = {
    { "process", "p1", 0.1, FALSE },
    { "process", "p2", 0.2, FALSE },
    { "process", "p3", 0.3, FALSE },
  };
  g_autoptr(LoBank) bank = make_bank (specs, G_N_ELEMENTS (specs));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  volatile double w1 = 0.1, w2 = 0.2, w3 = 0.3;
  double naive;

  /* In doubles (0.1×3 + 0.2×3 + 0.3×3) / (0.1 + 0.2 + 0.3)
   * = 1.8 / 0.6000000000000001 = 2.9999999999999996: a bare floor would say 2. */
  naive = (w1 * 3 + w2 * 3 + w3 * 3) / (w1 + w2 + w3);
  g_assert_cmpfloat (naive, <, 3.0);
  g_assert_cmpfloat (floor (naive), ==, 2.0);

  answer (assessment, "ana", "p1", 3);
  answer (assessment, "ana", "p2", 3);
  answer (assessment, "ana", "p3", 3);
  score = compute (bank, assessment);

  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 3.0, 1e-12);
  g_assert_cmpint (score->dimensions[0].level, ==, 3);
  g_assert_cmpint (score->overall_level, ==, 3);
  g_assert_cmpint (score->dimensions[0].target, ==, 4);
}

static void
test_level_for_score (void)
{
  g_assert_cmpint (lo_level_for_score (1.0), ==, 1);
  g_assert_cmpint (lo_level_for_score (3.8), ==, 3);      /* meets 3, not yet 4 */
  g_assert_cmpint (lo_level_for_score (2.9999999999999996), ==, 3);
  g_assert_cmpint (lo_level_for_score (2.999999), ==, 2); /* 1e-6 short is not noise */
  g_assert_cmpint (lo_level_for_score (5.0), ==, 5);
  g_assert_cmpint (lo_level_for_score (0.5), ==, 1);      /* clamped */
  g_assert_cmpint (lo_level_for_score (7.0), ==, 5);      /* clamped */
  g_assert_cmpint (lo_level_for_score (NAN), ==, 0);
}

static void
test_score_targets (void)
{
  g_autoptr(LoBank) bank = make_bank (four_dimensions, G_N_ELEMENTS (four_dimensions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;

  answer (assessment, "ana", "p1", 5);   /* process 5 → target min(6, 5) = 5 */
  answer (assessment, "ana", "p2", 5);
  answer (assessment, "ana", "d1", 2);   /* data 2, target set to 4 */
  answer (assessment, "ana", "a1", 3);   /* automation 3, target set to 2 (below: the user's choice) */
  answer (assessment, "ana", "h1", 1);   /* people 1 → target 2 */
  lo_assessment_set_target (assessment, "data", 4);
  lo_assessment_set_target (assessment, "automation", 2);
  score = compute (bank, assessment);

  g_assert_cmpint (lo_score_lookup_dimension (score, "process")->target, ==, 5);
  g_assert_false (lo_score_lookup_dimension (score, "process")->target_set);
  g_assert_cmpint (lo_score_lookup_dimension (score, "data")->target, ==, 4);
  g_assert_true (lo_score_lookup_dimension (score, "data")->target_set);
  g_assert_cmpint (lo_score_lookup_dimension (score, "automation")->target, ==, 2);
  g_assert_true (lo_score_lookup_dimension (score, "automation")->target_set);
  g_assert_cmpint (lo_score_lookup_dimension (score, "people")->target, ==, 2);
  g_assert_false (lo_score_lookup_dimension (score, "people")->target_set);
}

static void
test_score_six_dimensions (void)
{
  /* 6 dimensions with 1, 2, 3, 4, 5 and 6 questions */
  g_autoptr(GArray) specs = g_array_new (FALSE, TRUE, sizeof (QSpec));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(LoAssessment) assessment = new_assessment ();
  g_autoptr(LoScore) score = NULL;
  static const int answers[6][6] = {
    { 5 },                     /* 5 → 5 */
    { 4, 5 },                  /* 9/2 = 4.5 → 4 */
    { 3, 3, 4 },               /* 10/3 = 3.333… → 3 */
    { 2, 3, 3, 4 },            /* 12/4 = 3 → 3 */
    { 1, 2, 3, 4, 5 },         /* 15/5 = 3 → 3 */
    { 2, 2, 2, 3, 3, 3 },      /* 15/6 = 2.5 → 2 */
  };
  static const char *dims[] = { "d1", "d2", "d3", "d4", "d5", "d6" };

  for (guint d = 0; d < 6; d++)
    for (guint q = 0; q <= d; q++)
      {
        char *id = g_strdup_printf ("%s.q%u", dims[d], q + 1);
        QSpec s = { dims[d], id, 1, FALSE };

        g_ptr_array_add (names, id);
        g_array_append_val (specs, s);
      }
  bank = make_bank ((QSpec *) specs->data, specs->len);
  g_assert_cmpuint (bank->questions->len, ==, 21); /* 1 + 2 + … + 6 */

  for (guint d = 0; d < 6; d++)
    for (guint q = 0; q <= d; q++)
      {
        g_autofree char *id = g_strdup_printf ("%s.q%u", dims[d], q + 1);
        answer (assessment, "ana", id, answers[d][q]);
      }
  score = compute (bank, assessment);

  g_assert_cmpuint (score->n_dimensions, ==, 6);
  g_assert_cmpuint (score->n_questions, ==, 21);
  g_assert_cmpfloat_with_epsilon (score->dimensions[0].score, 5.0, EPS);
  g_assert_cmpfloat_with_epsilon (score->dimensions[1].score, 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (score->dimensions[2].score, 10.0 / 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (score->dimensions[3].score, 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (score->dimensions[4].score, 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (score->dimensions[5].score, 2.5, EPS);
  for (guint d = 0; d < 6; d++)
    {
      static const int levels[6] = { 5, 4, 3, 3, 3, 2 };

      g_assert_cmpint (score->dimensions[d].level, ==, levels[d]);
      g_assert_cmpuint (score->dimensions[d].questions, ==, d + 1);
      g_assert_cmpuint (score->dimensions[d].answered, ==, d + 1);
    }
  /* overall: level min = 2; score (5 + 4.5 + 10/3 + 3 + 3 + 2.5) / 6 = (18 + 10/3) / 6 = (64/3) / 6 = 32/9 */
  g_assert_cmpint (score->overall_level, ==, 2);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 32.0 / 9.0, EPS);
  g_assert_cmpint (score->weakest, ==, 5);
  g_assert_cmpuint (score->contested->len, ==, 0);
}

static void
test_score_refcount (void)
{
  g_autoptr(LoBank) bank = make_bank (three_questions, G_N_ELEMENTS (three_questions));
  g_autoptr(LoAssessment) assessment = new_assessment ();
  LoScore *score;
  LoScore *copy;

  answer (assessment, "ana", "p1", 2);
  score = compute (bank, assessment);
  g_assert_true (lo_score_ref (score) == score);
  lo_score_unref (score);

  /* the score keeps its bank and assessment alive */
  g_clear_pointer (&bank, lo_bank_unref);
  g_clear_pointer (&assessment, lo_assessment_unref);
  g_assert_cmpstr (score->questions[0].question->id, ==, "p1");
  g_assert_cmpstr (score->assessment->id, ==, "a1");

  /* boxed copy is a ref */
  g_assert_true (G_TYPE_IS_BOXED (LO_TYPE_SCORE));
  copy = g_boxed_copy (LO_TYPE_SCORE, score);
  g_assert_true (copy == score);
  g_boxed_free (LO_TYPE_SCORE, copy);
  lo_score_unref (score);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/score/single", test_score_single);
  g_test_add_func ("/lo/score/respondents", test_score_respondents);
  g_test_add_func ("/lo/score/weights", test_score_weights);
  g_test_add_func ("/lo/score/dont-know", test_score_dont_know);
  g_test_add_func ("/lo/score/na/allowed", test_score_na_allowed);
  g_test_add_func ("/lo/score/na/refused", test_score_na_refused);
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/score/check/%s", check_cases[i].name);
      g_test_add_data_func (path, &check_cases[i], test_check_refuses);
    }
  g_test_add_func ("/lo/score/check/accepts", test_check_accepts);
  g_test_add_func ("/lo/score/incomplete", test_score_incomplete);
  g_test_add_func ("/lo/score/no-respondents", test_score_no_respondents);
  g_test_add_func ("/lo/score/weakest-link", test_score_weakest_link);
  g_test_add_func ("/lo/score/floor-tolerance", test_score_floor_tolerance);
  g_test_add_func ("/lo/score/level-for-score", test_level_for_score);
  g_test_add_func ("/lo/score/targets", test_score_targets);
  g_test_add_func ("/lo/score/six-dimensions", test_score_six_dimensions);
  g_test_add_func ("/lo/score/refcount", test_score_refcount);

  return g_test_run ();
}
