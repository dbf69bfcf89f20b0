/* lo-monte-carlo-task.c: the Monte Carlo draws of one process in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-monte-carlo-task.h"

typedef struct
{
  LoProcess  *process;
  LoSettings  settings;
  guint       draws;
} Job;

static void
job_free (Job *job)
{
  lo_process_unref (job->process);
  lo_settings_clear (&job->settings);
  g_free (job);
}

void
lo_monte_carlo_free (LoMonteCarlo *mc)
{
  if (mc == NULL)
    return;
  lo_monte_carlo_clear (mc);
  g_free (mc);
}

void
lo_monte_carlo_copy (const LoMonteCarlo *src,
                     guint               horizon,
                     LoMonteCarlo       *dst)
{
  *dst = *src;
  dst->npv_sorted = g_memdup2 (src->npv_sorted, sizeof (double) * src->draws);
  dst->cumulative_p10 = g_memdup2 (src->cumulative_p10, sizeof (double) * (horizon + 1));
  dst->cumulative_p90 = g_memdup2 (src->cumulative_p90, sizeof (double) * (horizon + 1));
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  LoMonteCarlo *mc = g_new0 (LoMonteCarlo, 1);

  if (!lo_roi_monte_carlo (job->process, &job->settings, job->draws, LO_MONTE_CARLO_DEFAULT_SEED,
                           cancellable, mc))
    {
      g_free (mc);
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      lo_monte_carlo_free (mc);
      return;
    }
  g_task_return_pointer (task, mc, (GDestroyNotify) lo_monte_carlo_free);
}

void
lo_monte_carlo_run_async (gpointer             source_object,
                          const LoProcess     *process,
                          const LoSettings    *settings,
                          guint                draws,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->process = lo_process_copy (process);
  lo_settings_copy (settings, &job->settings);
  job->draws = draws;
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_name (task, "lo-monte-carlo");
  g_task_run_in_thread (task, run_thread);
}

LoMonteCarlo *
lo_monte_carlo_run_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
