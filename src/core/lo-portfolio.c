/* lo-portfolio.c: every process of an engagement, its sequence and totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "lo-core.h"

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
typedef struct
{
  LoProcessRoi    **todo;
  guint             n_todo;
  guint             next;   /* atomic */
  const LoSettings *settings;
  guint             draws;
  guint64           seed;
  GCancellable     *cancellable;
} MonteCarloWork;

static gpointer
monte_carlo_worker (gpointer data)
{
  MonteCarloWork *work = data;
  guint i;

  while ((i = (guint) g_atomic_int_add ((int *) &work->next, 1)) < work->n_todo &&
         !g_cancellable_is_cancelled (work->cancellable))
    {
      LoProcessRoi *roi = work->todo[i];

      roi->has_monte_carlo = lo_roi_monte_carlo (roi->process, work->settings,
                                                 work->draws, work->seed,
                                                 work->cancellable, &roi->monte_carlo);
    }
  return NULL;
}

/* Runs the per-process Monte Carlo for the @limit processes of @portfolio with
 * the highest expected NPV (every process when @limit is 0). */
static gboolean
monte_carlo_for_best (LoPortfolio   *portfolio,
                      guint          draws,
                      guint64        seed,
                      guint          limit,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree Ranked *ranked = NULL;
  g_autofree LoProcessRoi **todo = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  MonteCarloWork work = { 0 };
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
  todo = g_new (LoProcessRoi *, MAX (limit, 1));
  for (guint i = 0; i < limit; i++)
    todo[i] = ranked[i].roi;

  work.todo = todo;
  work.n_todo = limit;
  work.settings = &portfolio->settings;
  work.draws = draws;
  work.seed = seed;
  work.cancellable = cancellable;

  /* The calling thread is one of the workers. */
  n_workers = MIN ((guint) MAX (g_get_num_processors (), 1), MAX (limit, 1));
  threads = g_ptr_array_new ();
  for (guint i = 1; i < n_workers; i++)
    {
      GThread *thread = g_thread_try_new ("lo-monte-carlo", monte_carlo_worker, &work, NULL);

      if (thread == NULL)
        break;   /* fewer helpers: the calling thread still does it all */
      g_ptr_array_add (threads, thread);
    }
  monte_carlo_worker (&work);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

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
  guint n;

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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

  if (draws != 0 &&
      !monte_carlo_for_best (portfolio, draws, seed, monte_carlo_limit, cancellable, error))
    return NULL;

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
