/* lo-analysis.c: score, roadmap and portfolio of one engagement, computed once
 *
 * Making an analysis has two halves: choosing the assessment and finding its
 * bank (prepare(), in the caller's thread, because the lookup may read a
 * database that belongs to it), then the computations (compute(), pure, run
 * in a GTask thread by lo_analysis_new_async()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-core.h"
#include "lo-portfolio-private.h"

struct _LoAnalysis
{
  gatomicrefcount   ref_count;
  LoAnalysisOptions options;
  LoEngagement     *engagement;
  LoAssessment     *assessment;           /* borrowed from engagement */
  LoAssessment     *previous_assessment;  /* borrowed from engagement */
  LoBank           *bank;
  LoScore          *score;
  LoScore          *previous_score;
  LoRoadmap        *roadmap;
  LoPortfolio      *portfolio;
  LoProgramme      *programme;            /* what the roadmap plans (SPEC §2b) */
  GError           *assessment_error;
  GError           *portfolio_error;
};

G_DEFINE_BOXED_TYPE (LoAnalysis, lo_analysis, lo_analysis_ref, lo_analysis_unref)

static LoAnalysis *
analysis_alloc (LoEngagement            *engagement,
                const LoAnalysisOptions *options)
{
  LoAnalysis *self = g_new0 (LoAnalysis, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->engagement = lo_engagement_ref (engagement);
  if (options != NULL)
    self->options = *options;
  else
    self->options.seed = LO_MONTE_CARLO_DEFAULT_SEED;
  return self;
}

static gboolean
partial (LoAnalysis *self)
{
  return (self->options.flags & LO_ANALYSIS_PARTIAL) != 0;
}

static gboolean
score_only (LoAnalysis *self)
{
  return (self->options.flags & LO_ANALYSIS_SCORE_ONLY) != 0;
}

LoAssessment *
lo_analysis_choose_assessment (const LoEngagement *engagement,
                               const char         *assessment_id,
                               GError            **error)
{
  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (assessment_id == NULL)
    return lo_engagement_latest_assessment (engagement);

  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      LoAssessment *assessment = g_ptr_array_index (engagement->assessments, i);

      if (g_strcmp0 (assessment->id, assessment_id) == 0)
        return assessment;
    }
  g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID,
               /* TRANSLATORS: %s is an assessment id */
               _("no assessment “%s”"), assessment_id);
  return NULL;
}

LoBank *
lo_analysis_lookup_fixed_bank (const LoAssessment *assessment,
                               gpointer            bank,
                               GError            **error)
{
  if (bank == NULL)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                   /* TRANSLATORS: %s is a question bank id */
                   _("no question bank “%s”"), assessment->bank);
      return NULL;
    }
  return lo_bank_ref (bank);
}

/* Chooses the assessment and finds its bank. */
static gboolean
prepare (LoAnalysis       *self,
         LoBankLookupFunc  lookup,
         gpointer          user_data,
         const char       *assessment_id,
         GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  self->assessment = lo_analysis_choose_assessment (self->engagement, assessment_id, error);
  if (self->assessment == NULL)
    return assessment_id == NULL;

  self->previous_assessment = lo_engagement_previous_assessment (self->engagement,
                                                                 self->assessment);
  if (lookup != NULL)
    self->bank = lookup (self->assessment, user_data, &local_error);
  else
    g_set_error (&local_error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                 /* TRANSLATORS: %s is a question bank id */
                 _("no question bank “%s”"), self->assessment->bank);
  if (self->bank == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                     _("no question bank “%s”"), self->assessment->bank);
      if (!partial (self))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      self->assessment_error = g_steal_pointer (&local_error);
    }
  return TRUE;
}

/* Scores the chosen assessment and the previous one. */
static gboolean
compute_scores (LoAnalysis  *self,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->bank == NULL)
    return TRUE;

  self->score = lo_score_compute (self->bank, self->assessment, &local_error);
  if (self->score == NULL)
    {
      if (!partial (self))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      self->assessment_error = g_steal_pointer (&local_error);
      return TRUE;
    }

  /* An earlier assessment on another bank or edition has other questions:
   * no comparison. */
  if (!score_only (self)
      && self->previous_assessment != NULL
      && g_strcmp0 (self->previous_assessment->bank, self->bank->id) == 0
      && self->previous_assessment->bank_edition == self->assessment->bank_edition)
    {
      self->previous_score = lo_score_compute (self->bank, self->previous_assessment,
                                               &local_error);
      if (self->previous_score == NULL)
        g_debug ("previous assessment not compared: %s", local_error->message);
    }
  return TRUE;
}

/* The roadmap, and the programme that schedules it (its build step lasts
 * as long as the builds it holds) and values what it plans. */
static gboolean
plan (LoAnalysis    *self,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->score != NULL)
    self->roadmap = lo_roadmap_build (self->score);
  if (self->portfolio == NULL)
    return TRUE;

  self->programme = lo_programme_compute (self->engagement, self->portfolio, self->roadmap,
                                          self->options.draws, self->options.seed,
                                          cancellable, &local_error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (self->programme == NULL)
    {
      if (!partial (self))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      self->portfolio_error = g_steal_pointer (&local_error);
    }
  return TRUE;
}

/* The computations: no lookups, no globals, so any thread may run them.
 * The processes' own Monte Carlo runs go on in other threads while the
 * programme is computed (it does not read them). */
static gboolean
compute (LoAnalysis    *self,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  LoMonteCarloRuns *runs = NULL;
  gboolean planned;

  if (!compute_scores (self, error))
    return FALSE;
  if (score_only (self))
    return TRUE;

  self->portfolio = lo_portfolio_compute_started (self->engagement, self->options.draws,
                                                  self->options.seed,
                                                  self->options.monte_carlo_limit,
                                                  cancellable, &runs, &local_error);
  if (self->portfolio == NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!partial (self))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      self->portfolio_error = g_steal_pointer (&local_error);
    }

  planned = plan (self, cancellable, error);
  if (!lo_monte_carlo_runs_join (runs, cancellable, planned ? error : NULL))
    return FALSE;
  return planned;
}

LoAnalysis *
lo_analysis_new (LoEngagement            *engagement,
                 LoBankLookupFunc         lookup,
                 gpointer                 user_data,
                 const char              *assessment_id,
                 const LoAnalysisOptions *options,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(LoAnalysis) self = NULL;

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = analysis_alloc (engagement, options);
  if (!prepare (self, lookup, user_data, assessment_id, error))
    return NULL;
  if (!compute (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoAnalysis *self = task_data;
  GError *error = NULL;

  if (compute (self, cancellable, &error))
    g_task_return_pointer (task, lo_analysis_ref (self), (GDestroyNotify) lo_analysis_unref);
  else
    g_task_return_error (task, error);
}

void
lo_analysis_new_async (LoEngagement            *engagement,
                       LoBankLookupFunc         lookup,
                       gpointer                 user_data,
                       const char              *assessment_id,
                       const LoAnalysisOptions *options,
                       GCancellable            *cancellable,
                       GAsyncReadyCallback      callback,
                       gpointer                 callback_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysis *self;

  g_return_if_fail (engagement != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, callback_data);
  g_task_set_source_tag (task, lo_analysis_new_async);
  g_task_set_name (task, "lo_analysis_new_async");

  self = analysis_alloc (engagement, options);
  g_task_set_task_data (task, self, (GDestroyNotify) lo_analysis_unref);
  if (!prepare (self, lookup, user_data, assessment_id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, compute_thread);
}

LoAnalysis *
lo_analysis_new_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lo_analysis_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

LoAnalysis *
lo_analysis_ref (LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lo_analysis_unref (LoAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->portfolio, lo_portfolio_unref);
  g_clear_pointer (&self->roadmap, lo_roadmap_unref);
  g_clear_pointer (&self->previous_score, lo_score_unref);
  g_clear_pointer (&self->programme, lo_programme_unref);
  g_clear_pointer (&self->score, lo_score_unref);
  g_clear_pointer (&self->bank, lo_bank_unref);
  g_clear_pointer (&self->engagement, lo_engagement_unref);
  g_clear_error (&self->assessment_error);
  g_clear_error (&self->portfolio_error);
  g_free (self);
}

LoEngagement *
lo_analysis_get_engagement (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->engagement;
}

LoAssessment *
lo_analysis_get_assessment (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->assessment;
}

LoAssessment *
lo_analysis_get_previous_assessment (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->previous_assessment;
}

LoBank *
lo_analysis_get_bank (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bank;
}

LoScore *
lo_analysis_get_score (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->score;
}

LoProgramme *
lo_analysis_get_programme (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->programme;
}

LoScore *
lo_analysis_get_previous_score (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->previous_score;
}

LoRoadmap *
lo_analysis_get_roadmap (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->roadmap;
}

LoPortfolio *
lo_analysis_get_portfolio (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->portfolio;
}

LoProcessRoi *
lo_analysis_lookup_roi (const LoAnalysis *self,
                        const char       *process_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->portfolio == NULL || process_id == NULL)
    return NULL;
  for (guint i = 0; i < self->portfolio->processes->len; i++)
    {
      LoProcessRoi *roi = g_ptr_array_index (self->portfolio->processes, i);

      if (g_strcmp0 (roi->process->id, process_id) == 0)
        return roi;
    }
  return NULL;
}

const GError *
lo_analysis_get_assessment_error (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->assessment_error;
}

const GError *
lo_analysis_get_portfolio_error (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->portfolio_error;
}

const LoAnalysisOptions *
lo_analysis_get_options (const LoAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->options;
}
