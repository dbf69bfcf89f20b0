/* test-engagement.c: assessments in an engagement (ordering, answers, copies)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "lo-core.h"

static LoAssessment *
add_assessment (LoEngagement *engagement,
                const char   *id,
                const char   *date)
{
  LoAssessment *assessment = lo_assessment_new (id, date, "lightsout-default");

  g_ptr_array_add (engagement->assessments, assessment);
  return assessment;
}

static void
test_latest_none (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Acme");

  g_assert_null (lo_engagement_latest_assessment (engagement));
}

static void
test_latest_ordering (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Acme");
  LoAssessment *march = add_assessment (engagement, "march", "2026-03-01");
  LoAssessment *may = add_assessment (engagement, "may", "2026-05-01");
  LoAssessment *january = add_assessment (engagement, "january", "2026-01-01");
  LoAssessment *may_again = add_assessment (engagement, "may-again", "2026-05-01");
  g_autoptr(LoAssessment) stranger = lo_assessment_new ("x", "2026-06-01", "b");

  /* by date, then file order: january < march < may < may-again */
  g_assert_true (lo_engagement_latest_assessment (engagement) == may_again);
  g_assert_true (lo_engagement_previous_assessment (engagement, may_again) == may);
  g_assert_true (lo_engagement_previous_assessment (engagement, may) == march);
  g_assert_true (lo_engagement_previous_assessment (engagement, march) == january);
  g_assert_null (lo_engagement_previous_assessment (engagement, january));
  /* not in the engagement */
  g_assert_null (lo_engagement_previous_assessment (engagement, stranger));
}

static void
test_latest_single (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Acme");
  LoAssessment *only = add_assessment (engagement, "only", "2025-12-31");

  g_assert_true (lo_engagement_latest_assessment (engagement) == only);
  g_assert_null (lo_engagement_previous_assessment (engagement, only));
}

static void
test_answers (void)
{
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("a", "2026-01-01", "bank");
  LoRespondent *ana = lo_assessment_add_respondent (assessment, "ana", "Ana", "CFO");
  int value = 99;

  g_assert_true (lo_assessment_lookup_respondent (assessment, "ana") == ana);
  g_assert_null (lo_assessment_lookup_respondent (assessment, "ben"));
  g_assert_cmpstr (ana->role, ==, "CFO");

  g_assert_false (lo_respondent_get_answer (ana, "q1", &value));
  g_assert_cmpint (value, ==, 99);

  lo_respondent_set_answer (ana, "q1", 3);
  lo_respondent_set_answer (ana, "q2", LO_ANSWER_NA);
  lo_respondent_set_answer (ana, "q3", LO_ANSWER_DONT_KNOW);
  g_assert_cmpuint (ana->answers->len, ==, 3);
  g_assert_true (lo_respondent_get_answer (ana, "q1", &value));
  g_assert_cmpint (value, ==, 3);
  g_assert_true (lo_respondent_get_answer (ana, "q2", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_NA);
  g_assert_true (lo_respondent_get_answer (ana, "q3", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_DONT_KNOW);

  /* replacing keeps one answer per question, in place */
  lo_respondent_set_answer (ana, "q1", 5);
  g_assert_cmpuint (ana->answers->len, ==, 3);
  g_assert_true (lo_respondent_get_answer (ana, "q1", &value));
  g_assert_cmpint (value, ==, 5);
  g_assert_cmpstr (g_array_index (ana->answers, LoAnswer, 0).question, ==, "q1");

  /* clearing */
  g_assert_true (lo_respondent_clear_answer (ana, "q2"));
  g_assert_false (lo_respondent_clear_answer (ana, "q2"));
  g_assert_false (lo_respondent_get_answer (ana, "q2", NULL));
  g_assert_cmpuint (ana->answers->len, ==, 2);
  g_assert_true (lo_respondent_get_answer (ana, "q3", NULL));
}

static void
test_targets (void)
{
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("a", "2026-01-01", "bank");

  g_assert_cmpint (lo_assessment_get_target (assessment, "data"), ==, 0);
  lo_assessment_set_target (assessment, "data", 3);
  lo_assessment_set_target (assessment, "people", 4);
  g_assert_cmpint (lo_assessment_get_target (assessment, "data"), ==, 3);
  lo_assessment_set_target (assessment, "data", 5);
  g_assert_cmpint (lo_assessment_get_target (assessment, "data"), ==, 5);
  g_assert_cmpuint (assessment->targets->len, ==, 2);
  lo_assessment_set_target (assessment, "data", 0);   /* 0 removes */
  g_assert_cmpint (lo_assessment_get_target (assessment, "data"), ==, 0);
  g_assert_cmpuint (assessment->targets->len, ==, 1);
  g_assert_cmpint (lo_assessment_get_target (assessment, "people"), ==, 4);
}

static void
test_assessment_copy (void)
{
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("a", "2026-01-01", "bank");
  g_autoptr(LoAssessment) copy = NULL;
  LoRespondent *ana = lo_assessment_add_respondent (assessment, "ana", "Ana", NULL);
  LoRespondent *copied;
  int value = 0;

  lo_respondent_set_answer (ana, "q1", 2);
  lo_respondent_set_answer (ana, "q2", LO_ANSWER_NA);
  lo_assessment_set_target (assessment, "data", 3);

  copy = lo_assessment_copy (assessment);
  g_assert_true (copy != assessment);
  g_assert_cmpstr (copy->id, ==, "a");
  g_assert_cmpstr (copy->date, ==, "2026-01-01");
  g_assert_cmpstr (copy->bank, ==, "bank");
  copied = lo_assessment_lookup_respondent (copy, "ana");
  g_assert_nonnull (copied);
  g_assert_true (copied != ana);
  g_assert_null (copied->role);
  g_assert_true (lo_respondent_get_answer (copied, "q2", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_NA);
  g_assert_cmpint (lo_assessment_get_target (copy, "data"), ==, 3);

  /* a deep copy: changing it leaves the original alone */
  lo_respondent_set_answer (copied, "q1", 4);
  lo_assessment_set_target (copy, "data", 5);
  g_assert_true (lo_respondent_get_answer (ana, "q1", &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpint (lo_assessment_get_target (assessment, "data"), ==, 3);
}

static void
test_engagement_copy (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Acme");
  g_autoptr(LoEngagement) copy = NULL;
  LoAssessment *a = add_assessment (engagement, "a", "2026-01-01");
  LoProcess *process = lo_process_new ("invoicing", "Invoicing");
  LoActual actual = { 2027, 3, 1180, 31.5, 9, 900 };

  lo_respondent_set_answer (lo_assessment_add_respondent (a, "ana", "Ana", NULL), "q1", 3);
  lo_process_set (process, LO_INPUT_VOLUME_PER_MONTH, 1200);
  lo_process_set_range (process, LO_INPUT_VOLUME_PER_MONTH, 1000, 1500);
  g_array_append_val (process->actuals, actual);
  g_ptr_array_add (engagement->processes, process);
  g_free (engagement->settings.currency);
  engagement->settings.currency = g_strdup ("EUR");

  copy = lo_engagement_copy (engagement);
  g_assert_cmpstr (copy->client_name, ==, "Acme");
  g_assert_cmpstr (copy->settings.currency, ==, "EUR");
  g_assert_true (copy->settings.currency != engagement->settings.currency);
  g_assert_cmpuint (copy->assessments->len, ==, 1);
  g_assert_true (g_ptr_array_index (copy->assessments, 0) != a);
  g_assert_cmpstr (lo_engagement_latest_assessment (copy)->id, ==, "a");
  g_assert_cmpuint (copy->processes->len, ==, 1);
  {
    LoProcess *p = lo_engagement_lookup_process (copy, "invoicing");

    g_assert_nonnull (p);
    g_assert_true (p != process);
    g_assert_cmpstr (p->name, ==, "Invoicing");
    g_assert_cmpfloat (lo_process_get (p, LO_INPUT_VOLUME_PER_MONTH), ==, 1200);
    g_assert_true (p->inputs[LO_INPUT_VOLUME_PER_MONTH].ranged);
    g_assert_cmpuint (p->actuals->len, ==, 1);
    g_assert_true (p->actuals != process->actuals);
    g_assert_cmpfloat (g_array_index (p->actuals, LoActual, 0).hours, ==, 31.5);
  }
}

/* Same respondents: the same ids and names in the same order; answers do not
 * count. */
static void
test_same_respondents (void)
{
  g_autoptr(LoAssessment) a = lo_assessment_new ("a", "2026-01-01", "bank");
  g_autoptr(LoAssessment) b = lo_assessment_new ("b", "2026-02-01", "bank");

  g_assert_true (lo_assessment_same_respondents (NULL, NULL));
  g_assert_true (lo_assessment_same_respondents (a, NULL));
  lo_assessment_add_respondent (a, "r1", "Rita", NULL);
  g_assert_false (lo_assessment_same_respondents (a, b));
  g_assert_false (lo_assessment_same_respondents (NULL, a));
  lo_assessment_add_respondent (b, "r1", "Rita", "CFO");
  lo_respondent_set_answer (lo_assessment_lookup_respondent (b, "r1"), "q1", 3);
  g_assert_true (lo_assessment_same_respondents (a, b));
  lo_assessment_add_respondent (a, "r2", "Sam", NULL);
  lo_assessment_add_respondent (b, "r2", "Samuel", NULL);
  g_assert_false (lo_assessment_same_respondents (a, b));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/engagement/latest/none", test_latest_none);
  g_test_add_func ("/lo/engagement/latest/ordering", test_latest_ordering);
  g_test_add_func ("/lo/engagement/latest/single", test_latest_single);
  g_test_add_func ("/lo/engagement/answers", test_answers);
  g_test_add_func ("/lo/engagement/targets", test_targets);
  g_test_add_func ("/lo/engagement/copy/assessment", test_assessment_copy);
  g_test_add_func ("/lo/engagement/copy/engagement", test_engagement_copy);
  g_test_add_func ("/lo/engagement/same-respondents", test_same_respondents);

  return g_test_run ();
}
