/* lo-portfolio.c: every process of an engagement, its sequence and totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "lo-core.h"
#include "lo-portfolio-private.h"

G_DEFINE_BOXED_TYPE (LoPortfolio, lo_portfolio, lo_portfolio_ref, lo_portfolio_unref)

typedef struct
{
  LoProcessRoi *roi;
  guint         index;  /* file order */
} Ranked;

/* Readiness descending, then NPV descending, then file order. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->roi->readiness != y->roi->readiness)
    return x->roi->readiness > y->roi->readiness ? -1 : 1;
  if (x->roi->expected.npv != y->roi->expected.npv)
    return x->roi->expected.npv > y->roi->expected.npv ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Expected NPV descending (a non-finite NPV last), then file order: the
 * report's choice of the processes it details. */
static int
compare_npv_descending (gconstpointer a,
                        gconstpointer b)
{
  const Ranked *x = a, *y = b;
  double nx = isfinite (x->roi->expected.npv) ? x->roi->expected.npv : -INFINITY;
  double ny = isfinite (y->roi->expected.npv) ? y->roi->expected.npv : -INFINITY;

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The per-process Monte Carlo runs are independent (each seeds its own
 * generator from the same seed), so they are shared out over the machine's
 * cores: each worker takes the next process not yet taken.  The figures do
 * not depend on which worker ran which process. */
struct _LoMonteCarloRuns
{
  LoProcessRoi    **todo;
  guint             n_todo;
  guint             next;   /* atomic */
  const LoSettings *settings;
  guint             draws;
  guint64           seed;
  GCancellable     *cancellable;
  GPtrArray        *threads;
};

static gpointer
monte_carlo_worker (gpointer data)
{
  LoMonteCarloRuns *runs = data;
  guint i;

  while ((i = (guint) g_atomic_int_add ((int *) &runs->next, 1)) < runs->n_todo &&
         !g_cancellable_is_cancelled (runs->cancellable))
    {
      LoProcessRoi *roi = runs->todo[i];

      roi->has_monte_carlo = lo_roi_monte_carlo (roi->process, runs->settings,
                                                 runs->draws, runs->seed,
                                                 runs->cancellable, &roi->monte_carlo);
    }
  return NULL;
}

/* Starts the per-process Monte Carlo for the @limit processes of @portfolio
 * with the highest expected NPV (every process when @limit is 0). */
static LoMonteCarloRuns *
monte_carlo_start (LoPortfolio  *portfolio,
                   guint         draws,
                   guint64       seed,
                   guint         limit,
                   GCancellable *cancellable)
{
  g_autofree Ranked *ranked = NULL;
  LoMonteCarloRuns *runs;
  guint n = portfolio->processes->len;
  guint n_workers;

  if (limit == 0 || limit > n)
    limit = n;
  ranked = g_new (Ranked, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      ranked[i].roi = g_ptr_array_index (portfolio->processes, i);
      ranked[i].index = i;
    }
  if (limit < n)
    qsort (ranked, n, sizeof *ranked, compare_npv_descending);

  runs = g_new0 (LoMonteCarloRuns, 1);
  runs->todo = g_new (LoProcessRoi *, MAX (limit, 1));
  for (guint i = 0; i < limit; i++)
    runs->todo[i] = ranked[i].roi;
  runs->n_todo = limit;
  runs->settings = &portfolio->settings;
  runs->draws = draws;
  runs->seed = seed;
  runs->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  runs->threads = g_ptr_array_new ();

  n_workers = MIN ((guint) MAX (g_get_num_processors (), 1), MAX (limit, 1));
  for (guint i = 0; i < n_workers; i++)
    {
      GThread *thread = g_thread_try_new ("lo-monte-carlo", monte_carlo_worker, runs, NULL);

      if (thread == NULL)
        break;
      g_ptr_array_add (runs->threads, thread);
    }
  /* No thread to spare: the runs are done now, in the calling thread. */
  if (runs->threads->len == 0)
    monte_carlo_worker (runs);
  return runs;
}

gboolean
lo_monte_carlo_runs_join (LoMonteCarloRuns  *runs,
                          GCancellable      *cancellable,
                          GError           **error)
{
  if (runs != NULL)
    {
      for (guint i = 0; i < runs->threads->len; i++)
        g_thread_join (g_ptr_array_index (runs->threads, i));
      g_ptr_array_unref (runs->threads);
      g_clear_object (&runs->cancellable);
      g_free (runs->todo);
      g_free (runs);
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

LoPortfolio *
lo_portfolio_compute (const LoEngagement *engagement,
                      guint               draws,
                      guint64             seed,
                      GCancellable       *cancellable,
                      GError            **error)
{
  return lo_portfolio_compute_limited (engagement, draws, seed, 0, cancellable, error);
}

LoPortfolio *
lo_portfolio_compute_limited (const LoEngagement *engagement,
                              guint               draws,
                              guint64             seed,
                              guint               monte_carlo_limit,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(LoPortfolio) portfolio = NULL;
  LoMonteCarloRuns *runs = NULL;

  portfolio = lo_portfolio_compute_started (engagement, draws, seed, monte_carlo_limit,
                                            cancellable, &runs, error);
  if (!lo_monte_carlo_runs_join (runs, cancellable, portfolio != NULL ? error : NULL))
    return NULL;
  return g_steal_pointer (&portfolio);
}

LoPortfolio *
lo_portfolio_compute_started (const LoEngagement  *engagement,
                              guint                draws,
                              guint64              seed,
                              guint                monte_carlo_limit,
                              GCancellable        *cancellable,
                              LoMonteCarloRuns   **runs,
                              GError             **error)
{
  g_autoptr(LoPortfolio) portfolio = NULL;
  guint n;

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (runs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *runs = NULL;

  if (!lo_engagement_validate (engagement, error))
    return NULL;

  portfolio = g_new0 (LoPortfolio, 1);
  g_atomic_ref_count_init (&portfolio->ref_count);
  lo_settings_copy (&engagement->settings, &portfolio->settings);
  portfolio->processes = g_ptr_array_new_with_free_func ((GDestroyNotify) lo_process_roi_unref);
  portfolio->sequence = g_ptr_array_new ();
  portfolio->warnings = g_ptr_array_new_with_free_func (g_free);

  n = engagement->processes->len;
  /* Every process gets its deterministic figures first, and the chosen ones
   * (all of them without a limit) a Monte Carlo afterwards, in parallel. */
  if (draws != 0 && !lo_limit_check (LO_LIMIT_DRAWS, NULL, NULL, NULL, draws, error))
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      LoProcess *process = g_ptr_array_index (engagement->processes, i);
      LoProcessRoi *roi;

      roi = lo_process_roi_compute (process, &engagement->settings, 0, seed,
                                    cancellable, error);
      if (roi == NULL)
        return NULL;
      g_ptr_array_add (portfolio->processes, roi);

      if (roi->readiness_defaulted)
        g_ptr_array_add (portfolio->warnings,
                         /* TRANSLATORS: %s is a process id */
                         g_strdup_printf (_("%s: no readiness given; counted as clarity 3, access 3, scope 3"),
                                          process->id));

      portfolio->hours_saved_week += roi->expected.hours_saved_week;
      portfolio->fte += roi->expected.fte;
      portfolio->npv += roi->expected.npv;
      portfolio->annual_savings += roi->expected.annual_savings;
    }

  /* An order the user set by hand is the build order as it stands. */
  portfolio->custom_order = engagement->custom_order;
  if (engagement->custom_order)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (portfolio->sequence, g_ptr_array_index (portfolio->processes, i));
  else
    {
      g_autoptr(GPtrArray) suggested = lo_portfolio_suggested_sequence (portfolio);

      g_ptr_array_extend (portfolio->sequence, suggested, NULL, NULL);
    }

  if (draws != 0)
    *runs = monte_carlo_start (portfolio, draws, seed, monte_carlo_limit, cancellable);
  return g_steal_pointer (&portfolio);
}

GPtrArray *
lo_portfolio_suggested_sequence (const LoPortfolio *portfolio)
{
  g_autofree Ranked *ranked = NULL;
  GPtrArray *sequence;
  guint n;

  g_return_val_if_fail (portfolio != NULL, NULL);

  n = portfolio->processes->len;
  ranked = g_new (Ranked, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      ranked[i].roi = g_ptr_array_index (portfolio->processes, i);
      ranked[i].index = i;
    }
  qsort (ranked, n, sizeof *ranked, compare_ranked);
  sequence = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sequence, ranked[i].roi);
  return sequence;
}

LoPortfolio *
lo_portfolio_ref (LoPortfolio *portfolio)
{
  g_return_val_if_fail (portfolio != NULL, NULL);
  g_atomic_ref_count_inc (&portfolio->ref_count);
  return portfolio;
}

void
lo_portfolio_unref (LoPortfolio *portfolio)
{
  g_return_if_fail (portfolio != NULL);

  if (!g_atomic_ref_count_dec (&portfolio->ref_count))
    return;

  lo_settings_clear (&portfolio->settings);
  g_clear_pointer (&portfolio->sequence, g_ptr_array_unref);
  g_clear_pointer (&portfolio->processes, g_ptr_array_unref);
  g_clear_pointer (&portfolio->warnings, g_ptr_array_unref);
  g_free (portfolio);
}
