/* lo-portfolio.c: every process of an engagement, its sequence and totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
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

LoPortfolio *
lo_portfolio_compute (const LoEngagement *engagement,
                      guint               draws,
                      guint64             seed,
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
  for (guint i = 0; i < n; i++)
    {
      LoProcess *process = g_ptr_array_index (engagement->processes, i);
      LoProcessRoi *roi;

      roi = lo_process_roi_compute (process, &engagement->settings, draws, seed,
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
