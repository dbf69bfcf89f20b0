/* lo-roi.h: the ROI model of candidate processes (SPEC §2, normative)
 *
 * Every function here is reentrant and free of globals, so that the window can
 * run Monte Carlo on a worker thread while the user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-engagement.h"
#include "lo-roadmap.h"

G_BEGIN_DECLS

/* Plain input values, one per LoInputId: what the formulas take. */
typedef struct
{
  double v[LO_N_INPUTS];
} LoRoiInputs;

/* The figures of one process under one set of inputs. "None" is NAN. */
typedef struct
{
  double hours_manual;        /* H₀ per month */
  double hours_remaining;     /* H₁ per month */
  double hours_saved_month;   /* S */
  double hours_saved_week;    /* S × 12 / 52 */
  double fte;
  double gross_benefit;       /* G per month at full benefit */
  double go_live_months;      /* B */
  double annual_savings;      /* 12 × (G − run cost) */
  double npv;
  double roi_percent;         /* NAN when build cost is 0 */
  double payback_months;      /* NAN when never within the horizon */
  double irr;                 /* annual; NAN when none */
  guint  horizon;             /* H */
  double *cash_flow;          /* [0 … H], cash_flow[0] = −build cost */
  double *cumulative;         /* [0 … H] */
} LoRoiFigures;

typedef struct
{
  guint   draws;
  guint64 seed;
  double  npv_p10, npv_p50, npv_p90;
  double  payback_p10, payback_p50, payback_p90; /* NAN when the percentile never pays back */
  double  probability_positive;
  /* Sorted NPV draws (draws values), for the report's band; owned. */
  double *npv_sorted;
  /* Per-month P10/P90 of the cumulative cash flow [0 … H], for the band; owned.
   * Taken from the first min(draws, LO_MONTE_CARLO_BAND_DRAWS) draws (they are
   * independent, so any subset is a fair sample): a chart needs no more, and it
   * keeps Monte Carlo fast enough to rerun while the user types. */
  double *cumulative_p10;
  double *cumulative_p90;
} LoMonteCarlo;

typedef struct
{
  LoInputId input;
  double    low_value;   /* the input at its low / high */
  double    high_value;
  double    low_npv;
  double    high_npv;
} LoTornadoBar;

typedef struct
{
  int    year, month;       /* calendar month */
  int    model_month;       /* m (1 … ), from the process's start; 0 without start */
  double actual_items, actual_hours, actual_errors, actual_run_cost; /* NAN when absent */
  double actual_hours_saved;     /* items × minutes-per-item / 60 − hours */
  double projected_hours_saved;  /* S × ∫r over month m */
  double actual_net;             /* actual benefit − run cost */
  double projected_net;          /* CFₘ */
  double projected_errors;       /* items × error-rate-after (or volume when items absent) */
  double variance_hours;         /* actual − projected hours saved */
  double variance_net;
} LoActualMonth;

typedef struct
{
  gatomicrefcount ref_count;
  LoProcess    *process;       /* owned ref */
  LoRoiFigures  expected;
  LoRoiFigures  conservative;
  LoRoiFigures  optimistic;
  gboolean      has_monte_carlo;
  LoMonteCarlo  monte_carlo;
  guint         n_tornado;
  LoTornadoBar  tornado[LO_N_INPUTS]; /* sorted by swing, largest first */
  gboolean      has_alternative;
  LoRoiFigures  alternative;
  double        months_gained;  /* (alternative weeks − build weeks) × 12 / 52 */
  double        readiness;
  gboolean      readiness_defaulted;
  GArray       *actuals;        /* LoActualMonth */
} LoProcessRoi;

typedef struct
{
  gatomicrefcount ref_count;
  LoSettings    settings;       /* copy */
  GPtrArray    *processes;      /* LoProcessRoi*, owned, file order */
  /* LoProcessRoi* (borrowed): the build order. SPEC's suggested sequence
   * (readiness desc, NPV desc, file order), or the file order when the
   * engagement's order was set by hand (custom_order). */
  GPtrArray    *sequence;
  gboolean      custom_order;   /* the engagement's: sequence is the file order */
  double        hours_saved_week;
  double        fte;
  double        npv;
  double        annual_savings;
  GPtrArray    *warnings;       /* char* (owned): e.g. missing readiness */
} LoPortfolio;

#define LO_TYPE_PROCESS_ROI (lo_process_roi_get_type ())
#define LO_TYPE_PORTFOLIO   (lo_portfolio_get_type ())
GType          lo_process_roi_get_type (void) G_GNUC_CONST;
GType          lo_portfolio_get_type   (void) G_GNUC_CONST;

/* Likely values of @process. */
void           lo_roi_inputs_from_process (const LoProcess *process,
                                           LoRoiInputs     *inputs);

/* Deterministic figures for one set of inputs; fills @figures, which the caller
 * releases with lo_roi_figures_clear(). */
void           lo_roi_compute        (const LoRoiInputs *inputs,
                                      const LoSettings  *settings,
                                      LoRoiFigures      *figures);
void           lo_roi_figures_clear  (LoRoiFigures *figures);
/* NPV alone, without allocating (for Monte Carlo and the tornado). */
double         lo_roi_npv            (const LoRoiInputs *inputs,
                                      const LoSettings  *settings);

/* ∫ r(t) dt over [@t0, @t1] for a go-live at @go_live months and a linear ramp of
 * @ramp months (0: a step at go-live): the share of full benefit in that span. */
double         lo_roi_benefit_share  (double go_live,
                                      double ramp,
                                      double t0,
                                      double t1);
/* G, the gross benefit per month at full benefit; @hours_saved (may be NULL)
 * receives S, the hours saved per month. */
double         lo_roi_gross_benefit  (const LoRoiInputs *inputs,
                                      const LoSettings  *settings,
                                      double            *hours_saved);
/* Fills @cash_flow[0 … horizon] (CF₀ = −build cost) without allocating. */
void           lo_roi_cash_flows     (const LoRoiInputs *inputs,
                                      const LoSettings  *settings,
                                      double            *cash_flow);
/* Payback in months from cash flows [0 … horizon]: 0 when CF₀ ≥ 0 (no build
 * cost), NAN when the cumulative flow never reaches 0. */
double         lo_roi_payback        (const double *cash_flow,
                                      guint         horizon);
/* Annualised IRR of cash flows [0 … horizon]; NAN without a sign change or root. */
double         lo_roi_irr            (const double *cash_flow,
                                      guint         horizon);

/* Monte Carlo over the ranged inputs; FALSE (and nothing filled) when the process
 * has no ranged input. */
gboolean       lo_roi_monte_carlo    (const LoProcess   *process,
                                      const LoSettings  *settings,
                                      guint              draws,
                                      guint64            seed,
                                      GCancellable      *cancellable,
                                      LoMonteCarlo      *result);
void           lo_monte_carlo_clear  (LoMonteCarlo *result);

/* The scenarios' inputs: each ranged input at the end of its range that lowers
 * (@conservative) or raises (@optimistic) NPV, the direction found with the
 * other inputs at likely; unranged inputs at likely. Either may be NULL. */
void           lo_roi_scenario_inputs (const LoProcess  *process,
                                       const LoSettings *settings,
                                       LoRoiInputs      *conservative,
                                       LoRoiInputs      *optimistic);
/* One bar per input (LO_N_INPUTS), sorted by |high − low NPV|, largest first,
 * ties in table order; returns the number of bars. */
guint          lo_roi_tornado         (const LoProcess  *process,
                                       const LoSettings *settings,
                                       LoTornadoBar     *bars);

/* Everything for one process: scenarios, Monte Carlo (draws = 0 skips it),
 * tornado, alternative, actuals. Fails on invalid inputs (lo_process_validate). */
LoProcessRoi  *lo_process_roi_compute (LoProcess        *process,
                                       const LoSettings *settings,
                                       guint             draws,
                                       guint64           seed,
                                       GCancellable     *cancellable,
                                       GError          **error);
LoProcessRoi  *lo_process_roi_ref     (LoProcessRoi *roi);
void           lo_process_roi_unref   (LoProcessRoi *roi);

/* Every process's figures, the totals and the build order (sequence): the
 * file order when @engagement->custom_order is set, else SPEC's suggested
 * sequence. (transfer full) */
LoPortfolio   *lo_portfolio_compute   (const LoEngagement *engagement,
                                       guint               draws,
                                       guint64             seed,
                                       GCancellable       *cancellable,
                                       GError            **error);
/* The same, with a per-process Monte Carlo only for the @monte_carlo_limit
 * processes of highest expected NPV (equal NPVs: file order), the others
 * without one (has_monte_carlo FALSE); 0 runs it for every process, as
 * lo_portfolio_compute(). A process's draws depend only on @seed and its own
 * inputs, so a chosen process's Monte Carlo equals the unlimited run's. For
 * the report, which details only a few processes. (transfer full) */
LoPortfolio   *lo_portfolio_compute_limited (const LoEngagement *engagement,
                                             guint               draws,
                                             guint64             seed,
                                             guint               monte_carlo_limit,
                                             GCancellable       *cancellable,
                                             GError            **error);
/* SPEC's suggested sequence of @portfolio's processes (readiness desc, NPV
 * desc, file order), whatever order the engagement was set to; the array
 * borrows the LoProcessRoi. (transfer container) */
GPtrArray     *lo_portfolio_suggested_sequence (const LoPortfolio *portfolio);
LoPortfolio   *lo_portfolio_ref       (LoPortfolio *portfolio);
void           lo_portfolio_unref     (LoPortfolio *portfolio);

/* Schedules the roadmap (SPEC §1, "Schedule"): the included processes (SPEC
 * §2b) in the build step, the first at or above level 3, in the portfolio's
 * sequence and its settings' parallel lanes; each step's default duration, no
 * duration set by hand. lo_programme_compute() schedules with the weeks the
 * engagement sets and gives the programme's money too. */
void           lo_roadmap_schedule    (LoRoadmap         *roadmap,
                                       const LoPortfolio *portfolio);
/* The rule step durations follow, as a translated sentence for the report's
 * appendix. */
const char    *lo_roadmap_estimate_rule (void);
/* What a scheduled step does with the processes it lists, in words ("Turned into
 * review-and-approve workflows …"); NULL for a step before the building one. */
const char    *lo_roadmap_process_role  (const LoRoadmap     *roadmap,
                                         const LoRoadmapStep *step);

#define LO_MONTE_CARLO_DEFAULT_DRAWS 10000
#define LO_MONTE_CARLO_DEFAULT_SEED  1
#define LO_MONTE_CARLO_BAND_DRAWS    500

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoProcessRoi, lo_process_roi_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoPortfolio, lo_portfolio_unref)

G_END_DECLS
