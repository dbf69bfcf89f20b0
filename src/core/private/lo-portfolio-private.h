/* lo-portfolio-private.h: a portfolio whose Monte Carlo runs go on in other
 * threads, so the caller (LoAnalysis) computes the programme meanwhile
 *
 * Not installed, not part of the contract in lo-roi.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-roi.h"

typedef struct _LoMonteCarloRuns LoMonteCarloRuns;

/* As lo_portfolio_compute_limited(), but returns as soon as every process's
 * deterministic figures, the totals and the sequence are there, with the
 * per-process Monte Carlo runs started in other threads (*@runs; NULL when
 * there are none).  The runs write only each LoProcessRoi's monte_carlo and
 * has_monte_carlo: nobody reads those until lo_monte_carlo_runs_join(). */
LoPortfolio *lo_portfolio_compute_started (const LoEngagement  *engagement,
                                           guint                draws,
                                           guint64              seed,
                                           guint                monte_carlo_limit,
                                           GCancellable        *cancellable,
                                           LoMonteCarloRuns   **runs,
                                           GError             **error);
/* Waits for @runs and frees them; FALSE (and @error) when @cancellable was
 * cancelled.  @runs may be NULL. */
gboolean     lo_monte_carlo_runs_join     (LoMonteCarloRuns    *runs,
                                           GCancellable        *cancellable,
                                           GError             **error);
