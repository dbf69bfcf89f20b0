/* lo-test-engagements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sys/wait.h>

#include "lo-test-engagements.h"

LoEngagement *
lo_test_big_engagement (guint    n_processes,
                        guint    n_respondents,
                        gboolean long_name)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  LoEngagement *e = lo_engagement_copy (demo);
  LoAssessment *a = lo_engagement_latest_assessment (e);
  guint n_demo = demo->processes->len;

  if (long_name)
    {
      g_free (e->client_name);
      e->client_name = g_strdup ("Harbor Logistics International Freight Forwarding, Warehousing "
                                 "and Value-Added Distribution Services (Northern Europe) GmbH & Co. KG");
    }

  for (guint i = n_demo; i < n_processes; i++)
    {
      const LoProcess *src = g_ptr_array_index (demo->processes, i % n_demo);
      LoProcess *p = lo_process_copy (src);
      g_free (p->id);
      g_free (p->name);
      p->id = g_strdup_printf ("%s-%u", src->id, i);
      p->name = g_strdup_printf ("%s, site %u", src->name, i / n_demo + 1);
      lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH,
                      lo_process_get (src, LO_INPUT_VOLUME_PER_MONTH) * (0.6 + 0.1 * (i % 7)));
      if (p->inputs[LO_INPUT_VOLUME_PER_MONTH].ranged)
        lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH,
                              MIN (p->inputs[LO_INPUT_VOLUME_PER_MONTH].low, p->inputs[LO_INPUT_VOLUME_PER_MONTH].value),
                              MAX (p->inputs[LO_INPUT_VOLUME_PER_MONTH].high, p->inputs[LO_INPUT_VOLUME_PER_MONTH].value));
      g_ptr_array_add (e->processes, p);
    }

  if (a != NULL)
    {
      guint n0 = a->respondents->len;
      for (guint k = n0; k < n_respondents; k++)
        {
          const LoRespondent *src = g_ptr_array_index (a->respondents, k % n0);
          g_autofree char *id = g_strdup_printf ("resp-%u", k);
          g_autofree char *name = g_strdup_printf ("%s (workshop %u)", src->name, k / n0 + 1);
          LoRespondent *r = lo_assessment_add_respondent (a, id, name, src->role);

          for (guint j = 0; j < src->answers->len; j++)
            {
              const LoAnswer *ans = &g_array_index (src->answers, LoAnswer, j);
              int v = ans->value;
              if (v >= 1)
                v = CLAMP (v + (int) ((j + k) % 3) - 1, 1, 5);
              lo_respondent_set_answer (r, ans->question, v);
            }
        }
    }
  return e;
}

LoReportInput *
lo_test_report_input (LoEngagement *engagement)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoBank) bank = lo_bank_find_shipped ("lightsout-default", &error);
  g_autoptr (LoAnalysis) analysis = NULL;
  LoAnalysisOptions options = { 2000, 1, LO_ANALYSIS_NONE };
  LoReportInput *input;

  g_assert_no_error (error);
  analysis = lo_analysis_new (engagement, lo_analysis_lookup_fixed_bank, bank, NULL,
                              &options, NULL, &error);
  g_assert_no_error (error);
  input = lo_report_input_new (analysis, &error);
  g_assert_no_error (error);
  g_assert_nonnull (input);
  return input;
}

LoScore *
lo_test_score_new (guint         n,
                   const double *scores)
{
  LoBank *bank = lo_bank_new ("test", 1);
  LoScore *s = g_new0 (LoScore, 1);
  int lowest = 5;

  for (int level = 1; level <= 5; level++)
    {
      g_autofree char *name = g_strdup_printf ("Level %d", level);
      lo_bank_set_level (bank, level, name, "");
    }
  s->bank = bank;
  s->n_dimensions = n;
  s->dimensions = g_new0 (LoDimensionScore, n);
  s->complete = TRUE;
  s->weakest = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      g_autofree char *name = g_strdup_printf ("Dimension number %u", i);
      LoDimensionScore *d = &s->dimensions[i];

      d->dimension = lo_bank_add_dimension (bank, id, name, NULL, NULL);
      d->has_score = isfinite (scores[i]);
      d->score = scores[i];
      d->level = d->has_score ? (int) floor (scores[i] + 1e-9) : 0;
      d->target = d->has_score ? MIN (5, d->level + 1) : 0;
      s->complete = s->complete && d->has_score;
      if (d->has_score && d->level < lowest)
        {
          lowest = d->level;
          s->weakest = i;
        }
    }
  s->overall_level = s->complete ? lowest : 0;
  s->overall_score = NAN;
  return s;
}

void
lo_test_score_free (LoScore *score)
{
  lo_bank_unref (score->bank);
  g_free (score->dimensions);
  g_free (score);
}

char *
lo_test_run (const char * const *argv,
             int                 *status)
{
  g_autofree char *path = g_find_program_in_path (argv[0]);
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (path == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  if (status)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}
