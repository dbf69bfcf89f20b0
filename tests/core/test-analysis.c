/* test-analysis.c: choosing the assessment, the previous score, the parts of
 * an analysis and its asynchronous twin
 *
 * The engagement has one respondent per assessment and a bank of two
 * dimensions with one question each, so a dimension's score is the answer and
 * the overall score the mean of the two answers (SPEC §1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-core.h"

static LoBank *
make_bank (const char *id)
{
  LoBank *bank = lo_bank_new (id, 1);
  const char *dimensions[] = { "d1", "d2" };
  const char *questions[] = { "q1", "q2" };

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    {
      g_autofree char *name = g_strdup_printf ("Level %d", k);
      lo_bank_set_level (bank, k, name, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      g_autoptr(GError) error = NULL;
      LoDimension *dimension = lo_bank_add_dimension (bank, dimensions[i], dimensions[i], "", &error);
      LoQuestion *question;

      g_assert_no_error (error);
      question = lo_bank_add_question (bank, dimension, questions[i], "Question text",
                                       1.0, FALSE, &error);
      g_assert_no_error (error);
      for (int k = 0; k < LO_N_LEVELS; k++)
        {
          question->options[k] = g_strdup_printf ("%s option %d", questions[i], k + 1);
          if (k > 0)
            question->actions[k] = g_strdup_printf ("%s action %d", questions[i], k + 1);
        }
    }
  g_assert_true (lo_bank_check (bank, NULL));
  return bank;
}

static void
add_assessment (LoEngagement *engagement,
                const char   *id,
                const char   *date,
                const char   *bank,
                int           q1,
                int           q2)
{
  LoAssessment *assessment = lo_assessment_new (id, date, bank);
  LoRespondent *respondent = lo_assessment_add_respondent (assessment, "r1", "R One", NULL);

  lo_respondent_set_answer (respondent, "q1", q1);
  lo_respondent_set_answer (respondent, "q2", q2);
  g_ptr_array_add (engagement->assessments, assessment);
}

/* Live at once, no build weeks: readiness 3 (defaulted). */
static LoProcess *
make_process (const char *id)
{
  LoProcess *p = lo_process_new (id, id);

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 100);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 50, 200);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 6);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 40);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 1);
  lo_process_set (p, LO_INPUT_BUILD_COST, 1000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 0);
  lo_process_set (p, LO_INPUT_RUN_COST_PER_MONTH, 100);
  return p;
}

/* File order a-x, a-old, a-y, a-mid; by date (ties in file order):
 *   a-old  2026-01-10  q1 1, q2 2  → 1.5   (on bank "other")
 *   a-mid  2026-02-01  q1 2, q2 3  → 2.5
 *   a-x    2026-03-01  q1 3, q2 4  → 3.5
 *   a-y    2026-03-01  q1 2, q2 2  → 2.0   (the latest: the tie's later one)
 */
static LoEngagement *
make_engagement (void)
{
  LoEngagement *engagement = lo_engagement_new ("Client");

  add_assessment (engagement, "a-x", "2026-03-01", "bank", 3, 4);
  add_assessment (engagement, "a-old", "2026-01-10", "other", 1, 2);
  add_assessment (engagement, "a-y", "2026-03-01", "bank", 2, 2);
  add_assessment (engagement, "a-mid", "2026-02-01", "bank", 2, 3);
  g_ptr_array_add (engagement->processes, make_process ("p"));
  return engagement;
}

typedef struct
{
  guint calls;
  char *last;
} Lookups;

static LoBank *
lookup (const LoAssessment *assessment,
        gpointer            user_data,
        GError            **error)
{
  Lookups *lookups = user_data;

  if (lookups != NULL)
    {
      lookups->calls++;
      g_free (lookups->last);
      lookups->last = g_strdup (assessment->bank);
    }
  if (g_str_equal (assessment->bank, "missing"))
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING, "no bank missing here");
      return NULL;
    }
  return make_bank (assessment->bank);
}

static void
test_latest (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  Lookups lookups = { 0 };
  LoScore *score;
  LoRoadmap *roadmap;
  LoRoadmapStep *step;

  analysis = lo_analysis_new (engagement, lookup, &lookups, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  g_assert_true (lo_analysis_get_engagement (analysis) == engagement);
  /* the tie on 2026-03-01 goes to the later in the file */
  g_assert_cmpstr (lo_analysis_get_assessment (analysis)->id, ==, "a-y");
  g_assert_cmpuint (lookups.calls, ==, 1);
  g_assert_cmpstr (lookups.last, ==, "bank");
  g_assert_cmpstr (lo_analysis_get_bank (analysis)->id, ==, "bank");

  score = lo_analysis_get_score (analysis);
  g_assert_nonnull (score);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 2.0, 1e-12);
  g_assert_cmpint (score->overall_level, ==, 2);

  /* previous: a-x, same date, earlier in the file */
  g_assert_cmpstr (lo_analysis_get_previous_assessment (analysis)->id, ==, "a-x");
  g_assert_nonnull (lo_analysis_get_previous_score (analysis));
  g_assert_cmpfloat_with_epsilon (lo_analysis_get_previous_score (analysis)->overall_score, 3.5, 1e-12);

  /* the roadmap from level 2: steps 3, 4, 5; the process is built in the
   * first step at or above 3 */
  roadmap = lo_analysis_get_roadmap (analysis);
  g_assert_nonnull (roadmap);
  g_assert_cmpint (roadmap->from_level, ==, 2);
  g_assert_cmpuint (roadmap->steps->len, ==, 3);
  step = g_ptr_array_index (roadmap->steps, 0);
  g_assert_cmpint (step->level, ==, 3);
  g_assert_cmpuint (step->processes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (step->processes, 0), ==, "p");

  /* portfolio: S = 100 × 6 / 60 = 10 h a month; no Monte Carlo by default */
  g_assert_nonnull (lo_analysis_get_portfolio (analysis));
  g_assert_cmpuint (lo_analysis_get_portfolio (analysis)->processes->len, ==, 1);
  g_assert_nonnull (lo_analysis_lookup_roi (analysis, "p"));
  g_assert_null (lo_analysis_lookup_roi (analysis, "q"));
  g_assert_cmpfloat_with_epsilon (lo_analysis_lookup_roi (analysis, "p")->expected.hours_saved_month,
                                  10.0, 1e-9);
  g_assert_false (lo_analysis_lookup_roi (analysis, "p")->has_monte_carlo);
  g_assert_null (lo_analysis_get_assessment_error (analysis));
  g_assert_null (lo_analysis_get_portfolio_error (analysis));
  g_free (lookups.last);
}

static void
test_chosen (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) mid = NULL;
  g_autoptr(LoAnalysis) x = NULL;
  g_autoptr(GError) error = NULL;

  mid = lo_analysis_new (engagement, lookup, NULL, "a-mid", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lo_analysis_get_assessment (mid)->id, ==, "a-mid");
  g_assert_cmpfloat_with_epsilon (lo_analysis_get_score (mid)->overall_score, 2.5, 1e-12);
  /* the one before a-mid is a-old, on another bank: no comparison */
  g_assert_cmpstr (lo_analysis_get_previous_assessment (mid)->id, ==, "a-old");
  g_assert_null (lo_analysis_get_previous_score (mid));

  x = lo_analysis_new (engagement, lookup, NULL, "a-x", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lo_analysis_get_assessment (x)->id, ==, "a-x");
  g_assert_cmpfloat_with_epsilon (lo_analysis_get_score (x)->overall_score, 3.5, 1e-12);
  g_assert_cmpint (lo_analysis_get_score (x)->overall_level, ==, 3);
  /* before a-x (2026-03-01, first in the file) comes a-mid */
  g_assert_cmpstr (lo_analysis_get_previous_assessment (x)->id, ==, "a-mid");
  g_assert_cmpfloat_with_epsilon (lo_analysis_get_previous_score (x)->overall_score, 2.5, 1e-12);
  /* from level 3: steps 4 and 5 */
  g_assert_cmpuint (lo_analysis_get_roadmap (x)->steps->len, ==, 2);
}

static void
test_first_has_no_previous (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) old = NULL;
  g_autoptr(GError) error = NULL;

  old = lo_analysis_new (engagement, lookup, NULL, "a-old", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lo_analysis_get_bank (old)->id, ==, "other");
  g_assert_cmpfloat_with_epsilon (lo_analysis_get_score (old)->overall_score, 1.5, 1e-12);
  g_assert_null (lo_analysis_get_previous_assessment (old));
  g_assert_null (lo_analysis_get_previous_score (old));
}

static void
test_no_assessment (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  Lookups lookups = { 0 };

  g_ptr_array_add (engagement->processes, make_process ("p"));
  analysis = lo_analysis_new (engagement, lookup, &lookups, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  g_assert_cmpuint (lookups.calls, ==, 0);
  g_assert_null (lo_analysis_get_assessment (analysis));
  g_assert_null (lo_analysis_get_bank (analysis));
  g_assert_null (lo_analysis_get_score (analysis));
  g_assert_null (lo_analysis_get_previous_score (analysis));
  g_assert_null (lo_analysis_get_roadmap (analysis));
  g_assert_nonnull (lo_analysis_get_portfolio (analysis));
  g_assert_cmpuint (lo_analysis_get_portfolio (analysis)->processes->len, ==, 1);
}

static void
test_unknown_id (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  analysis = lo_analysis_new (engagement, lookup, NULL, "a-nope", NULL, NULL, &error);
  g_assert_null (analysis);
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "a-nope"));
}

static void
test_missing_bank (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(LoAnalysis) partial = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 0, 1, LO_ANALYSIS_PARTIAL };

  add_assessment (engagement, "a1", "2026-01-01", "missing", 3, 3);
  analysis = lo_analysis_new (engagement, lookup, NULL, NULL, NULL, NULL, &error);
  g_assert_null (analysis);
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "no bank missing here");
  g_clear_error (&error);

  /* partial: the assessment is chosen, its score missing, the error kept */
  partial = lo_analysis_new (engagement, lookup, NULL, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lo_analysis_get_assessment (partial)->id, ==, "a1");
  g_assert_null (lo_analysis_get_bank (partial));
  g_assert_null (lo_analysis_get_score (partial));
  g_assert_null (lo_analysis_get_roadmap (partial));
  g_assert_nonnull (lo_analysis_get_portfolio (partial));
  g_assert_error (lo_analysis_get_assessment_error (partial), LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
}

static void
test_invalid_process (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(LoAnalysis) partial = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 0, 1, LO_ANALYSIS_PARTIAL };
  LoProcess *p = g_ptr_array_index (engagement->processes, 0);
  LoRoadmapStep *step;

  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 2);  /* over 1 */
  analysis = lo_analysis_new (engagement, lookup, NULL, NULL, NULL, NULL, &error);
  g_assert_null (analysis);
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* partial: a score and an unscheduled roadmap, no portfolio */
  partial = lo_analysis_new (engagement, lookup, NULL, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lo_analysis_get_score (partial));
  g_assert_null (lo_analysis_get_portfolio (partial));
  g_assert_nonnull (lo_analysis_get_portfolio_error (partial));
  step = g_ptr_array_index (lo_analysis_get_roadmap (partial)->steps, 0);
  g_assert_cmpuint (step->processes->len, ==, 0);
}

/* SCORE_ONLY: the latest assessment a-y scores 2.0 as ever; nothing else is
 * computed, so an invalid process fails nothing even without PARTIAL. */
static void
test_score_only (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 0, 1, LO_ANALYSIS_SCORE_ONLY };
  LoProcess *p = g_ptr_array_index (engagement->processes, 0);
  LoScore *score;

  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 2);  /* over 1 */
  analysis = lo_analysis_new (engagement, lookup, NULL, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lo_analysis_get_assessment (analysis)->id, ==, "a-y");
  /* a-x is before it (same date, earlier in the file), on the same bank,
   * but not compared */
  g_assert_cmpstr (lo_analysis_get_previous_assessment (analysis)->id, ==, "a-x");
  g_assert_nonnull (lo_analysis_get_bank (analysis));
  score = lo_analysis_get_score (analysis);
  g_assert_nonnull (score);
  g_assert_true (score->complete);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 2.0, 1e-9);
  g_assert_null (lo_analysis_get_previous_score (analysis));
  g_assert_null (lo_analysis_get_roadmap (analysis));
  g_assert_null (lo_analysis_get_portfolio (analysis));
  g_assert_null (lo_analysis_get_programme (analysis));
  g_assert_null (lo_analysis_get_portfolio_error (analysis));
  g_assert_null (lo_analysis_lookup_roi (analysis, "p"));
}

/* SCORE_ONLY with PARTIAL: a missing bank still leaves the error, not a
 * failure. */
static void
test_score_only_missing_bank (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 0, 1, LO_ANALYSIS_PARTIAL | LO_ANALYSIS_SCORE_ONLY };

  add_assessment (engagement, "a1", "2026-01-01", "missing", 3, 3);
  analysis = lo_analysis_new (engagement, lookup, NULL, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (lo_analysis_get_score (analysis));
  g_assert_null (lo_analysis_get_portfolio (analysis));
  g_assert_error (lo_analysis_get_assessment_error (analysis), LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
}

static void
analysis_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoAnalysis **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = lo_analysis_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
error_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **out = user_data;
  LoAnalysis *analysis = lo_analysis_new_finish (result, out);

  g_assert_null (analysis);
}

static void
test_async (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) sync = NULL;
  LoAnalysis *async = NULL;
  GError *async_error = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 500, 7, LO_ANALYSIS_NONE };
  const LoMonteCarlo *a, *b;

  sync = lo_analysis_new (engagement, lookup, NULL, "a-mid", &options, NULL, &error);
  g_assert_no_error (error);
  lo_analysis_new_async (engagement, lookup, NULL, "a-mid", &options, NULL,
                         analysis_ready_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (lo_analysis_get_assessment (async)->id, ==, "a-mid");
  g_assert_cmpfloat (lo_analysis_get_score (async)->overall_score, ==,
                     lo_analysis_get_score (sync)->overall_score);
  g_assert_cmpuint (lo_analysis_get_roadmap (async)->steps->len, ==,
                    lo_analysis_get_roadmap (sync)->steps->len);
  g_assert_cmpuint (lo_analysis_get_options (async)->draws, ==, 500);
  a = &lo_analysis_lookup_roi (sync, "p")->monte_carlo;
  b = &lo_analysis_lookup_roi (async, "p")->monte_carlo;
  g_assert_true (lo_analysis_lookup_roi (async, "p")->has_monte_carlo);
  g_assert_cmpuint (b->draws, ==, 500);
  /* the same seed gives the same draws, whichever thread runs them */
  g_assert_cmpfloat (a->npv_p10, ==, b->npv_p10);
  g_assert_cmpfloat (a->npv_p50, ==, b->npv_p50);
  g_assert_cmpfloat (a->npv_p90, ==, b->npv_p90);
  g_assert_cmpfloat (a->probability_positive, ==, b->probability_positive);
  lo_analysis_unref (async);

  /* an unknown id fails through the callback too */
  lo_analysis_new_async (engagement, lookup, NULL, "a-nope", &options, NULL,
                         error_ready_cb, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID);
  g_error_free (async_error);
}

/* monte_carlo_limit leaves out the per-process Monte Carlo of all but the
 * processes of highest NPV, never the programme's (SPEC §2b draws every
 * counted process's ranged inputs). q (volume 300) earns more than p (100) at
 * equal costs, so a limit of 1 keeps q's alone. */
static void
test_monte_carlo_limit (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoAnalysis) all = NULL;
  g_autoptr(LoAnalysis) limited = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 500, 3, LO_ANALYSIS_NONE, 0 };
  LoProcess *q = make_process ("q");
  const LoProgramme *a, *b;

  lo_process_set (q, LO_INPUT_VOLUME_PER_MONTH, 300);
  lo_process_set_range (q, LO_INPUT_VOLUME_PER_MONTH, 150, 600);
  g_ptr_array_add (engagement->processes, q);

  all = lo_analysis_new (engagement, lookup, NULL, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  options.monte_carlo_limit = 1;
  limited = lo_analysis_new (engagement, lookup, NULL, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lo_analysis_get_options (limited)->monte_carlo_limit, ==, 1);

  g_assert_true (lo_analysis_lookup_roi (all, "p")->has_monte_carlo);
  g_assert_true (lo_analysis_lookup_roi (all, "q")->has_monte_carlo);
  g_assert_false (lo_analysis_lookup_roi (limited, "p")->has_monte_carlo);
  g_assert_true (lo_analysis_lookup_roi (limited, "q")->has_monte_carlo);
  g_assert_cmpfloat (lo_analysis_lookup_roi (limited, "q")->monte_carlo.npv_p50, ==,
                     lo_analysis_lookup_roi (all, "q")->monte_carlo.npv_p50);

  a = lo_analysis_get_programme (all);
  b = lo_analysis_get_programme (limited);
  g_assert_true (a->has_monte_carlo);
  g_assert_true (b->has_monte_carlo);
  g_assert_cmpuint (b->draws, ==, 500);
  g_assert_cmpfloat (b->npv_p10, ==, a->npv_p10);
  g_assert_cmpfloat (b->npv_p50, ==, a->npv_p50);
  g_assert_cmpfloat (b->npv_p90, ==, a->npv_p90);
}

static void
test_choose (void)
{
  g_autoptr(LoEngagement) engagement = make_engagement ();
  g_autoptr(LoEngagement) empty = lo_engagement_new ("Empty");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (lo_analysis_choose_assessment (engagement, NULL, &error)->id, ==, "a-y");
  g_assert_cmpstr (lo_analysis_choose_assessment (engagement, "a-old", &error)->id, ==, "a-old");
  g_assert_no_error (error);
  g_assert_null (lo_analysis_choose_assessment (empty, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (lo_analysis_choose_assessment (empty, "a1", &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/latest", test_latest);
  g_test_add_func ("/analysis/chosen", test_chosen);
  g_test_add_func ("/analysis/first-has-no-previous", test_first_has_no_previous);
  g_test_add_func ("/analysis/no-assessment", test_no_assessment);
  g_test_add_func ("/analysis/unknown-id", test_unknown_id);
  g_test_add_func ("/analysis/missing-bank", test_missing_bank);
  g_test_add_func ("/analysis/invalid-process", test_invalid_process);
  g_test_add_func ("/analysis/score-only", test_score_only);
  g_test_add_func ("/analysis/score-only-missing-bank", test_score_only_missing_bank);
  g_test_add_func ("/analysis/async", test_async);
  g_test_add_func ("/analysis/choose", test_choose);
  g_test_add_func ("/analysis/monte-carlo-limit", test_monte_carlo_limit);

  return g_test_run ();
}
