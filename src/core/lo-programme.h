/* lo-programme.h: the programme, the money that follows the roadmap (SPEC §2b)
 *
 * SPEC §2 values each process on its own, as if its build started today. The
 * programme values what the roadmap plans: the included processes built in the
 * build step, one after another or in parallel lanes, with people approving
 * every automated item until the roadmap reaches level 5 (T₅). Its schedule and
 * the roadmap's step durations are computed together (SPEC §1, "Schedule"),
 * since the build step lasts until the last build goes live.
 *
 * Times are in months from week 0 of the roadmap unless a name says weeks.
 * "None" is NAN, as everywhere in core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-engagement.h"
#include "lo-roadmap.h"
#include "lo-roi.h"

G_BEGIN_DECLS

/* The reasons a process is not counted, as fixed English text (JSON writes
 * them verbatim); lo_programme_reason_label() translates them for people. */
#define LO_PROGRAMME_REASON_NEGATIVE_NPV  "expected NPV below zero"
#define LO_PROGRAMME_REASON_LEFT_OUT      "left out by hand"
#define LO_PROGRAMME_REASON_AFTER_HORIZON "starts after the horizon"

/* The default duration of a step that is not the build step, and the least
 * the build step lasts (a quarter). */
#define LO_STEP_DEFAULT_WEEKS 13

typedef struct
{
  LoProcessRoi *roi;          /* owned ref: the process's own figures (SPEC §2) */
  const char   *id;           /* borrowed from roi->process */
  gboolean      included;     /* by its include and own expected NPV */
  gboolean      counted;      /* included and starting within the horizon */
  const char   *reason;       /* one of LO_PROGRAMME_REASON_*, NULL when counted */
  /* The schedule: NAN (lane −1) for an excluded process. */
  int           lane;         /* 0 … parallel builds − 1 */
  double        start_week;   /* weeks from week 0 */
  double        go_live_week;
  double        start;        /* sₚ, months */
  double        go_live;      /* gₚ = sₚ + build-weeks × 12 / 52 */
  double        full_benefit; /* gₚ + ramp-months */
  /* Likely benefits per month at full benefit (0 for an excluded process):
   * with the review term (until T₅) and without it (from T₅ on). */
  double        gross_review;  /* G_rev */
  double        gross_free;    /* G_free */
  double        hours_review;  /* S_rev, hours saved per month */
  double        hours_free;    /* S_free */
} LoProgrammeProcess;

typedef struct
{
  gatomicrefcount ref_count;
  LoSettings    settings;         /* copy */
  int           parallel_builds;  /* P */
  gboolean      has_roadmap;      /* FALSE: no assessment or an incomplete one */
  double        build_start;      /* T_b, months; 0 without a roadmap */
  double        build_start_week;
  /* T₅, the end of the level-5 step; NAN when there is none (no roadmap:
   * approval never ends). 0 at level 5 ("sustain"). */
  double        approval_end;
  double        approval_end_week;
  /* E: the week, from the build step's start, the last included process goes
   * live (0 without one). */
  double        builds_weeks;
  /* LoProgrammeProcess, in the build order's sequence with excluded processes
   * in their place. */
  GArray       *processes;
  guint         n_counted;
  guint         horizon;          /* H */
  double       *cash_flow;        /* [0 … H] */
  double       *cumulative;       /* [0 … H] */
  double        npv;
  double        investment;       /* Σ build cost of the processes counted */
  double        peak_funding;     /* max(0, −min Cₘ) */
  double        roi_percent;      /* NAN when investment is 0 */
  double        payback_months;   /* from week 0 of the roadmap; NAN when none */
  double        mirr;             /* annualised; NAN without flows of both signs */
  double        hours_saved_week; /* at full benefit (after T₅ when there is one) */
  double        hours_saved_horizon;
  double        annual_savings;   /* at full benefit (after T₅ when there is one) */
  /* Monte Carlo (SPEC §2b); FALSE when no counted process has a ranged input
   * or draws was 0. */
  gboolean      has_monte_carlo;
  guint         draws;
  guint64       seed;
  double        npv_p10, npv_p50, npv_p90;
  double        probability_positive;
  double       *npv_sorted;       /* draws values ascending; NULL without */
  /*< private >*/
  GHashTable   *index;            /* id → position + 1 in processes */
} LoProgramme;

#define LO_TYPE_PROGRAMME (lo_programme_get_type ())
GType        lo_programme_get_type (void) G_GNUC_CONST;

/* The programme of @engagement, whose figures per process are @portfolio
 * (lo_portfolio_compute() of the same engagement; its sequence is the build
 * order). @roadmap (nullable) is the roadmap of the chosen assessment: it is
 * scheduled in place (step durations, start weeks, the processes each step
 * handles, readiness preparations), with the weeks set in @engagement.
 * Without a roadmap, or with an incomplete one, T_b = 0 and approval never
 * ends. Monte Carlo runs @draws draws from @seed (0 draws: none). Fails on
 * invalid settings or step weeks, or when cancelled. (transfer full) */
LoProgramme *lo_programme_compute  (const LoEngagement *engagement,
                                    const LoPortfolio  *portfolio,
                                    LoRoadmap          *roadmap,
                                    guint               draws,
                                    guint64             seed,
                                    GCancellable       *cancellable,
                                    GError            **error);
LoProgramme *lo_programme_ref      (LoProgramme *programme);
void         lo_programme_unref    (LoProgramme *programme);

/* The entry of process @id, or NULL (a hash lookup). */
const LoProgrammeProcess *lo_programme_lookup (const LoProgramme *programme,
                                               const char        *id);

/* The English reason (LO_PROGRAMME_REASON_*) translated for people. */
const char  *lo_programme_reason_label (const char *reason);

/* Why @roi would be left out of the programme (LO_PROGRAMME_REASON_NEGATIVE_NPV
 * or LO_PROGRAMME_REASON_LEFT_OUT), NULL when it is included. */
const char  *lo_programme_exclusion   (const LoProcessRoi *roi);

/* The programme's payback rule (SPEC §2b) on cash flows [0 … horizon]: the
 * cumulative flow stays ≥ 0 from then on; NAN when it never does. */
double       lo_programme_payback     (const double *cash_flow,
                                       guint         horizon);
/* MIRR of cash flows [0 … horizon], finance and reinvestment rate the monthly
 * rate of @discount_rate, annualised; NAN without flows of both signs. */
double       lo_programme_mirr        (const double *cash_flow,
                                       guint         horizon,
                                       double        discount_rate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoProgramme, lo_programme_unref)

G_END_DECLS
