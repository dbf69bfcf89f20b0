/* test-roadmap.c: the steps from the overall level to 5 (SPEC §1)
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
  gboolean    allow_na;
} QSpec;

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

      if (dimension == NULL)
        dimension = lo_bank_add_dimension (bank, specs[i].dimension, specs[i].dimension, "", NULL);
      question = lo_bank_add_question (bank, dimension, specs[i].question, "Question text",
                                       1, specs[i].allow_na, NULL);
      g_assert_nonnull (question);
      for (int k = 0; k < LO_N_LEVELS; k++)
        {
          question->options[k] = g_strdup_printf ("%s option %d", specs[i].question, k + 1);
          if (k > 0)
            question->actions[k] = g_strdup_printf ("%s→%d", specs[i].question, k + 1);
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

/* "a1→3 b1? b2→3": the step's items in order, "?" for "find out first" */
static char *
describe_step (const LoRoadmapStep *step)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < step->items->len; i++)
    {
      const LoRoadmapItem *item = &g_array_index (step->items, LoRoadmapItem, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (item->level == 0)
        {
          g_assert_null (item->action);
          g_string_append_printf (s, "%s?", item->question->id);
        }
      else
        {
          /* the action is the bank's text for that level */
          g_assert_true (item->action == item->question->actions[item->level - 1]);
          g_string_append (s, item->action);
        }
    }
  return g_string_free (s, FALSE);
}

static const QSpec two_dimensions[] = {
  { "A", "a1", FALSE },
  { "A", "a2", FALSE },
  { "A", "a3", TRUE },
  { "A", "a4", FALSE },
  { "B", "b1", FALSE },
  { "B", "b2", FALSE },
};

static void
test_roadmap_steps (void)
{
  g_autoptr(LoBank) bank = make_bank (two_dimensions, G_N_ELEMENTS (two_dimensions));
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("x", "2026-01-01", "test-bank");
  g_autoptr(LoScore) score = NULL;
  g_autoptr(LoRoadmap) roadmap = NULL;
  const char *expected[] = {
    /* step 3: a1 (c 2.5, ⌊c⌋ 2) → 3; a2 (c 4) nothing; a3 n/a never; a4 (c 1) → 2, 3;
     *         b1 nobody knows: find out first; b2 (c 2) → 3 */
    "a1→3 a4→2 a4→3 b1? b2→3",
    /* step 4: a1 → 4; a2 (4 is not below 4) nothing; a4 → 4; b1 only in the first step; b2 → 4 */
    "a1→4 a4→4 b2→4",
    /* step 5: every answered question below 5 gets its level-5 action */
    "a1→5 a2→5 a4→5 b2→5",
  };

  answer (assessment, "ana", "a1", 2);
  answer (assessment, "ben", "a1", 3);
  answer (assessment, "ana", "a2", 4);
  answer (assessment, "ana", "a3", LO_ANSWER_NA);
  answer (assessment, "ana", "a4", 1);
  answer (assessment, "ana", "b1", LO_ANSWER_DONT_KNOW);
  answer (assessment, "ana", "b2", 2);
  score = lo_score_compute (bank, assessment, NULL);
  g_assert_nonnull (score);

  /* A: (2.5 + 4 + 1) / 3 = 2.5 → 2; B: 2 / 1 = 2 → 2; overall level 2 */
  g_assert_cmpint (score->overall_level, ==, 2);

  roadmap = lo_roadmap_build (score);
  g_assert_cmpint (roadmap->kind, ==, LO_ROADMAP_STEPS);
  g_assert_cmpint (roadmap->from_level, ==, 2);
  g_assert_cmpuint (roadmap->steps->len, ==, 3);   /* levels 3, 4, 5 */
  g_assert_cmpfloat (roadmap->total_weeks, ==, 0);

  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);
      g_autofree char *got = describe_step (step);

      g_assert_cmpint (step->level, ==, 3 + (int) i);
      g_assert_cmpstr (got, ==, expected[i]);
      /* filled later by lo_roadmap_schedule */
      g_assert_nonnull (step->processes);
      g_assert_cmpuint (step->processes->len, ==, 0);
      g_assert_nonnull (step->preparations);
      g_assert_cmpuint (step->preparations->len, ==, 0);
      g_assert_cmpfloat (step->weeks, ==, 0);
    }
}

static void
test_roadmap_level_four (void)
{
  g_autoptr(LoBank) bank = make_bank (two_dimensions, G_N_ELEMENTS (two_dimensions));
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("x", "2026-01-01", "test-bank");
  g_autoptr(LoScore) score = NULL;
  g_autoptr(LoRoadmap) roadmap = NULL;
  g_autofree char *got = NULL;

  /* A: (5 + 4 + 4) / 3 = 4.333 → 4 (a3 n/a); B: (4 + 5) / 2 = 4.5 → 4 */
  answer (assessment, "ana", "a1", 5);
  answer (assessment, "ana", "a2", 4);
  answer (assessment, "ana", "a3", LO_ANSWER_NA);
  answer (assessment, "ana", "a4", 4);
  answer (assessment, "ana", "b1", 4);
  answer (assessment, "ana", "b2", 5);
  score = lo_score_compute (bank, assessment, NULL);
  g_assert_cmpint (score->overall_level, ==, 4);

  roadmap = lo_roadmap_build (score);
  g_assert_cmpint (roadmap->kind, ==, LO_ROADMAP_STEPS);
  g_assert_cmpuint (roadmap->steps->len, ==, 1);
  got = describe_step (g_ptr_array_index (roadmap->steps, 0));
  g_assert_cmpstr (got, ==, "a2→5 a4→5 b1→5");
}

static void
test_roadmap_unknown_once (void)
{
  g_autoptr(LoBank) bank = make_bank (two_dimensions, G_N_ELEMENTS (two_dimensions));
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("x", "2026-01-01", "test-bank");
  g_autoptr(LoScore) score = NULL;
  g_autoptr(LoRoadmap) roadmap = NULL;
  guint unknown = 0;

  /* every question at 1 except a2 and b2, which nobody knows: overall level 1 */
  answer (assessment, "ana", "a1", 1);
  answer (assessment, "ana", "a3", 1);
  answer (assessment, "ana", "a4", 1);
  answer (assessment, "ana", "b1", 1);
  score = lo_score_compute (bank, assessment, NULL);
  g_assert_cmpint (score->overall_level, ==, 1);

  roadmap = lo_roadmap_build (score);
  g_assert_cmpuint (roadmap->steps->len, ==, 4);   /* levels 2, 3, 4, 5 */
  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);

      /* four answered questions, one action each per step */
      for (guint j = 0; j < step->items->len; j++)
        {
          const LoRoadmapItem *item = &g_array_index (step->items, LoRoadmapItem, j);

          if (item->level == 0)
            {
              g_assert_cmpuint (i, ==, 0);
              unknown++;
            }
          else
            g_assert_cmpint (item->level, ==, step->level);
        }
      g_assert_cmpuint (step->items->len, ==, i == 0 ? 6 : 4);
    }
  g_assert_cmpuint (unknown, ==, 2);
  {
    g_autofree char *got = describe_step (g_ptr_array_index (roadmap->steps, 0));
    g_assert_cmpstr (got, ==, "a1→2 a2? a3→2 a4→2 b1→2 b2?");
  }
}

static void
test_roadmap_sustain (void)
{
  g_autoptr(LoBank) bank = make_bank (two_dimensions, G_N_ELEMENTS (two_dimensions));
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("x", "2026-01-01", "test-bank");
  g_autoptr(LoScore) score = NULL;
  g_autoptr(LoRoadmap) roadmap = NULL;

  for (guint i = 0; i < bank->questions->len; i++)
    answer (assessment, "ana", ((LoQuestion *) g_ptr_array_index (bank->questions, i))->id, 5);
  score = lo_score_compute (bank, assessment, NULL);
  g_assert_cmpint (score->overall_level, ==, 5);

  roadmap = lo_roadmap_build (score);
  g_assert_cmpint (roadmap->kind, ==, LO_ROADMAP_SUSTAIN);
  g_assert_cmpint (roadmap->from_level, ==, 5);
  g_assert_cmpuint (roadmap->steps->len, ==, 0);
}

static void
test_roadmap_incomplete (void)
{
  g_autoptr(LoBank) bank = make_bank (two_dimensions, G_N_ELEMENTS (two_dimensions));
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("x", "2026-01-01", "test-bank");
  g_autoptr(LoScore) score = NULL;
  g_autoptr(LoRoadmap) roadmap = NULL;

  /* B has no answer: incomplete */
  answer (assessment, "ana", "a1", 2);
  score = lo_score_compute (bank, assessment, NULL);
  g_assert_false (score->complete);

  roadmap = lo_roadmap_build (score);
  g_assert_cmpint (roadmap->kind, ==, LO_ROADMAP_INCOMPLETE);
  g_assert_cmpint (roadmap->from_level, ==, 0);
  g_assert_cmpuint (roadmap->steps->len, ==, 0);
}

static void
test_roadmap_outlives_score (void)
{
  LoBank *bank = make_bank (two_dimensions, G_N_ELEMENTS (two_dimensions));
  LoAssessment *assessment = lo_assessment_new ("x", "2026-01-01", "test-bank");
  LoScore *score;
  LoRoadmap *roadmap;
  const LoRoadmapStep *step;

  for (guint i = 0; i < bank->questions->len; i++)
    answer (assessment, "ana", ((LoQuestion *) g_ptr_array_index (bank->questions, i))->id, 4);
  score = lo_score_compute (bank, assessment, NULL);
  roadmap = lo_roadmap_build (score);
  lo_score_unref (score);
  lo_assessment_unref (assessment);
  lo_bank_unref (bank);

  /* the items still point into a live bank */
  g_assert_cmpuint (roadmap->steps->len, ==, 1);
  step = g_ptr_array_index (roadmap->steps, 0);
  g_assert_cmpuint (step->items->len, ==, 6);
  g_assert_cmpstr (g_array_index (step->items, LoRoadmapItem, 5).action, ==, "b2→5");

  g_assert_true (lo_roadmap_ref (roadmap) == roadmap);
  lo_roadmap_unref (roadmap);
  lo_roadmap_unref (roadmap);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/roadmap/steps", test_roadmap_steps);
  g_test_add_func ("/lo/roadmap/level-four", test_roadmap_level_four);
  g_test_add_func ("/lo/roadmap/unknown-once", test_roadmap_unknown_once);
  g_test_add_func ("/lo/roadmap/sustain", test_roadmap_sustain);
  g_test_add_func ("/lo/roadmap/incomplete", test_roadmap_incomplete);
  g_test_add_func ("/lo/roadmap/outlives-score", test_roadmap_outlives_score);

  return g_test_run ();
}
