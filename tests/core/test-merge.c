/* test-merge.c: respondents who answered elsewhere merged into an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-core.h"

static LoBank *
make_bank (void)
{
  LoBank *bank = lo_bank_new ("b", 1);
  g_autoptr(GError) error = NULL;
  LoDimension *dimension;

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    lo_bank_set_level (bank, k, "Level", "");
  dimension = lo_bank_add_dimension (bank, "d", "D", "", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      LoQuestion *q = lo_bank_add_question (bank, dimension, i == 0 ? "d.1" : "d.2", "Text", 1, i == 1, &error);

      g_assert_no_error (error);
      for (int k = 0; k < LO_N_LEVELS; k++)
        {
          q->options[k] = g_strdup ("option");
          if (k > 0)
            q->actions[k] = g_strdup ("action");
        }
    }
  return bank;
}

static LoAssessment *
one (const char *id,
     const char *name,
     const char *question,
     int         value)
{
  LoAssessment *assessment = lo_assessment_new ("a", "2026-05-04", "b");
  LoRespondent *r = lo_assessment_add_respondent (assessment, id, name, NULL);

  if (question != NULL)
    lo_respondent_set_answer (r, question, value);
  return assessment;
}

static void
test_merge_and_refusals (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(LoAssessment) into = one ("ana", "Ana", "d.1", 2);
  g_autoptr(LoAssessment) ben = one ("ben", "Ben", "d.1", 4);
  g_autoptr(LoAssessment) bad = one ("cy", "Cy", "d.9", 3);
  g_autoptr(LoAssessment) ana_again = one ("ana-2", "ANA", "d.2", LO_ANSWER_NA);
  g_autoptr(LoAssessment) other = lo_assessment_new ("other", "2026-05-04", "b");
  g_autoptr(GPtrArray) incoming = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoScore) score = NULL;

  /* a bad one among good ones: nothing changes */
  g_ptr_array_add (incoming, ben);
  g_ptr_array_add (incoming, bad);
  g_assert_false (lo_assessment_merge (into, incoming, NULL, bank, FALSE, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "d.9"));
  g_assert_cmpuint (into->respondents->len, ==, 1);
  g_clear_error (&error);

  /* another assessment's answers */
  g_ptr_array_set_size (incoming, 0);
  g_ptr_array_add (incoming, other);
  g_assert_false (lo_assessment_merge (into, incoming, NULL, bank, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "other"));
  g_clear_error (&error);

  g_ptr_array_set_size (incoming, 0);
  g_ptr_array_add (incoming, ben);
  g_assert_true (lo_assessment_merge (into, incoming, NULL, bank, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (into->respondents->len, ==, 2);
  /* d.1: (2 + 4) / 2 = 3 */
  score = lo_score_compute (bank, into, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (score->questions[0].combined, 3, 1e-12);

  /* the same name in another case: refused, then replaced in its place */
  g_ptr_array_set_size (incoming, 0);
  g_ptr_array_add (incoming, ana_again);
  g_assert_false (lo_assessment_merge (into, incoming, NULL, bank, FALSE, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_true (lo_assessment_merge (into, incoming, NULL, bank, TRUE, &error));
  g_assert_cmpuint (into->respondents->len, ==, 2);
  g_assert_cmpstr (((LoRespondent *) g_ptr_array_index (into->respondents, 0))->id, ==, "ana-2");
  g_assert_cmpstr (((LoRespondent *) g_ptr_array_index (into->respondents, 1))->id, ==, "ben");
}

static void
test_id_from_name (void)
{
  static const struct { const char *name, *id; } cases[] = {
    { "Ana Lee", "ana-lee" },
    { "  Zoë <Tester>  ", "zoe-tester" },
    { "Omar \"O\" Haddad, Jr.", "omar-o-haddad-jr" },
    { "***", "respondent" },
    { "", "respondent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = lo_respondent_id_from_name (cases[i].name);
      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/merge-and-refusals", test_merge_and_refusals);
  g_test_add_func ("/merge/id-from-name", test_id_from_name);

  return g_test_run ();
}
