/* lo-programme.c: the programme, the money that follows the roadmap (SPEC §2b)
 *
 * Each counted process p earns G_rev,p × rₚ(t) per month before T₅ and
 * G_free,p × rₚ(t) from T₅ on, where rₚ is §2's benefit rate shifted to its
 * start. rₚ is piecewise linear, so a month's benefit is §2's closed-form share
 * (lo_roi_benefit_share) on the month's part before T₅ and on its part after:
 * no numeric quadrature. With one process, T_b = 0 and no T₅ the month's flow
 * is computed by the very expression lo_roi_cash_flows() uses, so the
 * programme and the process's own case agree to the bit.
 *
 * Monte Carlo: programme NPV is the sum of each process's discounted flows,
 * and a process's flows depend only on its own inputs (its start is fixed), so
 * each draw adds one term per process. A term integrates the ramp month by
 * month and the months at full benefit as a block, with sums of the discount
 * factors: a few operations per process and draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lo-core.h"
#include "lo-programme.h"
#include "lo-montecarlo-private.h"
#include "lo-roi-private.h"
#include "lo-schedule-private.h"

#define MAX_HORIZON 240
#define EPS         LO_SCHEDULE_EPSILON

G_DEFINE_BOXED_TYPE (LoProgramme, lo_programme, lo_programme_ref, lo_programme_unref)

/* The reasons, marked for translation; JSON writes the English. */
static const char * const reasons[] = {
  N_("expected NPV below zero"),
  N_("left out by hand"),
  N_("starts after the horizon"),
};

const char *
lo_programme_reason_label (const char *reason)
{
  g_return_val_if_fail (reason != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, reasons[i]))
      return g_dgettext (GETTEXT_PACKAGE, reasons[i]);
  return reason;
}

const char *
lo_programme_exclusion (const LoProcessRoi *roi)
{
  g_return_val_if_fail (roi != NULL, NULL);

  switch (roi->process->include)
    {
    case LO_INCLUDE_NO:
      return LO_PROGRAMME_REASON_LEFT_OUT;
    case LO_INCLUDE_YES:
      return NULL;
    case LO_INCLUDE_AUTO:
    default:
      /* its own expected NPV, likely values, built from t = 0 */
      return roi->expected.npv >= 0 ? NULL : LO_PROGRAMME_REASON_NEGATIVE_NPV;
    }
}

/* One process's timing and money, as the cash flow needs them */
typedef struct
{
  double start;       /* sₚ */
  double go_live;     /* gₚ */
  double ramp;
  double gross_review;
  double gross_free;
  double run_cost;
  double build_cost;
  int    build_month; /* ⌊sₚ + ε⌋ */
} Term;

/* The benefit of [t0, t1] (t0 < t1): G_rev on its part before T₅ (@approval_end,
 * INFINITY when approval never ends), G_free on its part after. */
static inline double
span_benefit (const Term *term,
              double      approval_end,
              double      t0,
              double      t1)
{
  if (t1 <= approval_end)
    return term->gross_review * lo_roi_benefit_share (term->go_live, term->ramp, t0, t1);
  if (t0 >= approval_end)
    return term->gross_free * lo_roi_benefit_share (term->go_live, term->ramp, t0, t1);
  return term->gross_review * lo_roi_benefit_share (term->go_live, term->ramp, t0, approval_end)
         + term->gross_free * lo_roi_benefit_share (term->go_live, term->ramp, approval_end, t1);
}

/* |[t0, t1] ∩ [go-live, ∞)| */
static inline double
running_share (double go_live,
               double t0,
               double t1)
{
  double from = MAX (t0, go_live);

  return t1 > from ? t1 - from : 0;
}

/* Adds the process's flows to @cash_flow[0 … horizon]. */
static void
add_term_flows (const Term *term,
                double      approval_end,
                guint       horizon,
                double     *cash_flow)
{
  cash_flow[term->build_month] -= term->build_cost;
  for (guint m = 1; m <= horizon; m++)
    {
      double t0 = m - 1, t1 = m;

      if (t1 <= term->go_live)
        continue;
      /* as lo_roi_cash_flows() computes a month */
      cash_flow[m] += span_benefit (term, approval_end, t0, t1)
                      - term->run_cost * running_share (term->go_live, t0, t1);
    }
}

/* Discount factors f[m] = (1 + d)^(−m/12) and their prefix sums
 * sum[m] = f[0] + … + f[m]. */
typedef struct
{
  guint  horizon;
  double factor[MAX_HORIZON + 1];
  double sum[MAX_HORIZON + 1];
} Discount;

static void
discount_init (Discount *discount,
               double    rate,
               guint     horizon)
{
  double q = pow (1 + rate, -1.0 / 12.0);

  discount->horizon = horizon;
  discount->factor[0] = 1;
  discount->sum[0] = 1;
  for (guint m = 1; m <= horizon; m++)
    {
      discount->factor[m] = discount->factor[m - 1] * q;
      discount->sum[m] = discount->sum[m - 1] + discount->factor[m];
    }
}

/* Σ f[m] for m in [a, b] (0 when empty) */
static inline double
discount_sum (const Discount *discount,
              long            a,
              long            b)
{
  if (b > (long) discount->horizon)
    b = discount->horizon;
  if (a < 1)
    a = 1;
  if (a > b)
    return 0;
  return discount->sum[b] - discount->sum[a - 1];
}

/* The term's discounted flows Σₘ fₘ CFₘ,ₚ in closed form: the months of the
 * ramp (and the one holding T₅) one by one, the months at full benefit as
 * blocks of discount factors. */
static double
term_npv (const Term     *term,
          double          approval_end,
          const Discount *discount)
{
  long horizon = discount->horizon;
  double full = term->go_live + term->ramp;
  double value = -term->build_cost * discount->factor[term->build_month];
  long first, steady, split;

  if (term->go_live >= horizon)
    return value;

  /* the run cost: the go-live month in part, every later month whole */
  first = (long) floor (term->go_live) + 1;   /* the month holding go-live */
  value -= term->run_cost * ((first - term->go_live) * discount->factor[first]
                             + discount_sum (discount, first + 1, horizon));

  /* the months before full benefit, the one it is reached in included */
  steady = full < horizon ? (long) floor (full) + 1 : horizon;
  for (long m = first; m <= steady && m <= horizon; m++)
    value += discount->factor[m] * span_benefit (term, approval_end, m - 1, m);

  /* at full benefit: G_rev for months ending by T₅, G_free for those
   * starting at or after it, both in the one holding it */
  if (steady >= horizon)
    return value;
  if (!(approval_end < horizon))
    return value + term->gross_review * discount_sum (discount, steady + 1, horizon);

  split = (long) floor (approval_end) + 1;   /* the month holding T₅ */
  value += term->gross_review * discount_sum (discount, steady + 1, split - 1);
  if (split > steady)
    value += discount->factor[split] * span_benefit (term, approval_end, split - 1, split);
  value += term->gross_free * discount_sum (discount, MAX (split + 1, steady + 1), horizon);
  return value;
}

double
lo_programme_payback (const double *cash_flow,
                      guint         horizon)
{
  double c = 0;
  guint m_star = 0;
  g_autofree double *cumulative = NULL;

  g_return_val_if_fail (cash_flow != NULL, NAN);

  cumulative = g_new (double, horizon + 1);
  for (guint m = 0; m <= horizon; m++)
    {
      c += cash_flow[m];
      cumulative[m] = c;
    }

  /* m*: the smallest m ≥ 1 from which the cumulative flow stays ≥ 0 */
  for (guint m = horizon; m >= 1 && cumulative[m] >= 0; m--)
    m_star = m;
  if (m_star == 0)
    return NAN;
  if (m_star == 1 && cumulative[0] >= 0)
    return 0;
  return (m_star - 1) + (-cumulative[m_star - 1]) / cash_flow[m_star];
}

double
lo_programme_mirr (const double *cash_flow,
                   guint         horizon,
                   double        discount_rate)
{
  double growth, future = 0, present = 0;
  gboolean positive = FALSE, negative = FALSE;

  g_return_val_if_fail (cash_flow != NULL, NAN);

  if (horizon == 0)
    return NAN;

  /* 1 + i, i the monthly rate */
  growth = pow (1 + discount_rate, 1.0 / 12.0);
  for (guint m = 0; m <= horizon; m++)
    {
      if (cash_flow[m] > 0)
        {
          positive = TRUE;
          future += cash_flow[m] * pow (growth, (double) (horizon - m));
        }
      else if (cash_flow[m] < 0)
        {
          negative = TRUE;
          present += -cash_flow[m] / pow (growth, (double) m);
        }
    }
  if (!positive || !negative)
    return NAN;

  /* (1 + MIRRₘ)¹² − 1 with 1 + MIRRₘ = (future / present)^(1/H) */
  return pow (future / present, 12.0 / horizon) - 1;
}

/* Benefits and hours of @inputs with and without the review term */
static void
term_benefits (const LoRoiInputs *inputs,
               double             realisation_rate,
               double            *gross_review,
               double            *gross_free,
               double            *hours_review,
               double            *hours_free)
{
  LoRoiInputs free_inputs = *inputs;
  LoRoiBenefit benefit;

  lo_roi_benefit_compute (inputs, realisation_rate, &benefit);
  *gross_review = benefit.gross_benefit;
  if (hours_review)
    *hours_review = benefit.hours_saved;

  free_inputs.v[LO_INPUT_REVIEW_MINUTES_PER_ITEM] = 0;
  lo_roi_benefit_compute (&free_inputs, realisation_rate, &benefit);
  *gross_free = benefit.gross_benefit;
  if (hours_free)
    *hours_free = benefit.hours_saved;
}

static void
term_init (Term              *term,
           const LoRoiInputs *inputs,
           double             realisation_rate,
           double             start)
{
  term->start = start;
  term->go_live = start + inputs->v[LO_INPUT_BUILD_WEEKS] * 12.0 / 52.0;
  term->ramp = inputs->v[LO_INPUT_RAMP_MONTHS];
  term->run_cost = inputs->v[LO_INPUT_RUN_COST_PER_MONTH];
  term->build_cost = inputs->v[LO_INPUT_BUILD_COST];
  term->build_month = (int) floor (start + EPS);
  term_benefits (inputs, realisation_rate, &term->gross_review, &term->gross_free,
                 NULL, NULL);
}

/* Monte Carlo */

typedef struct
{
  LoRoiInputs likely;
  double      start;
  gboolean    counted;
  guint       first_ranged, n_ranged;  /* into the array of ranged inputs */
} Drawn;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Runs the draws; FALSE when no counted process has a ranged input. */
static gboolean
run_monte_carlo (LoProgramme  *programme,
                 guint         draws,
                 guint64       seed,
                 GCancellable *cancellable)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, TRUE, sizeof (Drawn));
  g_autoptr(GArray) ranged = g_array_new (FALSE, TRUE, sizeof (LoTriangular));
  g_autoptr(GRand) rand = NULL;
  Discount discount;
  double fixed = 0, approval_end;
  gboolean any_counted_ranged = FALSE;
  guint32 seed_words[2];
  guint positive = 0;

  approval_end = isnan (programme->approval_end) ? INFINITY : programme->approval_end;
  discount_init (&discount, programme->settings.discount_rate, programme->horizon);

  /* the included processes in build order; those without a ranged input add
   * a fixed term */
  for (guint i = 0; i < programme->processes->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (programme->processes, LoProgrammeProcess, i);
      const LoProcess *process = pp->roi->process;
      Drawn d = { 0 };

      if (!pp->included)
        continue;
      lo_roi_inputs_from_process (process, &d.likely);
      d.start = pp->start;
      d.counted = pp->counted;
      d.first_ranged = ranged->len;
      for (guint k = 0; k < LO_N_INPUTS; k++)
        {
          const LoInput *in = &process->inputs[k];
          LoTriangular r;

          /* low = high is a fixed value and takes no draw */
          if (!in->set || !in->ranged || !(in->low < in->high))
            {
              if (in->set && in->ranged)
                d.likely.v[k] = in->low;
              continue;
            }
          lo_triangular_init (&r, k, in->low, in->value, in->high);
          g_array_append_val (ranged, r);
        }
      d.n_ranged = ranged->len - d.first_ranged;
      if (d.n_ranged == 0)
        {
          if (d.counted)
            {
              Term term;

              term_init (&term, &d.likely, programme->settings.realisation_rate, d.start);
              fixed += term_npv (&term, approval_end, &discount);
            }
          continue;
        }
      if (d.counted)
        any_counted_ranged = TRUE;
      g_array_append_val (drawn, d);
    }

  if (!any_counted_ranged)
    return FALSE;

  seed_words[0] = (guint32) (seed & 0xffffffffu);
  seed_words[1] = (guint32) (seed >> 32);
  rand = g_rand_new_with_seed_array (seed_words, 2);

  programme->npv_sorted = g_new (double, draws);
  for (guint k = 0; k < draws; k++)
    {
      double npv = fixed;

      if ((k & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      for (guint i = 0; i < drawn->len; i++)
        {
          const Drawn *d = &g_array_index (drawn, Drawn, i);
          const LoTriangular *r = &g_array_index (ranged, LoTriangular, d->first_ranged);
          LoRoiInputs inputs = d->likely;
          Term term;

          /* u ∈ (0, 1) from one 32-bit word: half the cost of
           * g_rand_double(), and finer than any range needs */
          for (guint j = 0; j < d->n_ranged; j++)
            inputs.v[r[j].id] = lo_triangular_draw (&r[j], (g_rand_int (rand) + 0.5) * 0x1p-32);
          if (!d->counted)
            continue;
          term_init (&term, &inputs, programme->settings.realisation_rate, d->start);
          npv += term_npv (&term, approval_end, &discount);
        }
      programme->npv_sorted[k] = npv;
      positive += npv > 0;
    }

  qsort (programme->npv_sorted, draws, sizeof (double), compare_doubles);
  programme->draws = draws;
  programme->seed = seed;
  /* percentile p is the ⌊p·N⌋-th of the sorted draws, from 0 */
  programme->npv_p10 = programme->npv_sorted[(guint64) draws * 10 / 100];
  programme->npv_p50 = programme->npv_sorted[(guint64) draws * 50 / 100];
  programme->npv_p90 = programme->npv_sorted[(guint64) draws * 90 / 100];
  programme->probability_positive = (double) positive / draws;
  return TRUE;
}

/* The programme */

static LoProgramme *
programme_new (const LoEngagement *engagement)
{
  LoProgramme *programme = g_new0 (LoProgramme, 1);

  g_atomic_ref_count_init (&programme->ref_count);
  lo_settings_copy (&engagement->settings, &programme->settings);
  programme->parallel_builds = engagement->settings.parallel_builds;
  programme->horizon = engagement->settings.horizon_months;
  programme->processes = g_array_new (FALSE, TRUE, sizeof (LoProgrammeProcess));
  programme->index = g_hash_table_new (g_str_hash, g_str_equal);
  programme->cash_flow = g_new0 (double, programme->horizon + 1);
  programme->cumulative = g_new0 (double, programme->horizon + 1);
  programme->npv_p10 = programme->npv_p50 = programme->npv_p90 = NAN;
  programme->probability_positive = NAN;
  return programme;
}

/* Fills the processes' entries and the schedule */
static void
schedule (LoProgramme        *programme,
          const LoEngagement *engagement,
          const LoPortfolio  *portfolio,
          LoRoadmap          *roadmap)
{
  guint n = portfolio->sequence->len;
  g_autofree gboolean *included = g_new0 (gboolean, MAX (n, 1));
  g_autofree LoScheduleSlot *slots = g_new0 (LoScheduleSlot, MAX (n, 1));
  LoSchedulePlan plan;

  for (guint i = 0; i < n; i++)
    included[i] = lo_programme_exclusion (g_ptr_array_index (portfolio->sequence, i)) == NULL;

  lo_schedule_plan (roadmap, portfolio, engagement->step_weeks,
                    programme->parallel_builds, included, slots, &plan);

  programme->has_roadmap = roadmap != NULL && roadmap->kind != LO_ROADMAP_INCOMPLETE;
  programme->build_start_week = plan.build_start_week;
  programme->build_start = plan.build_start_week * 12.0 / 52.0;
  programme->approval_end_week = plan.approval_end_week;
  programme->approval_end = plan.approval_end_week * 12.0 / 52.0;
  programme->builds_weeks = plan.builds_weeks;

  for (guint i = 0; i < n; i++)
    {
      LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);
      LoProgrammeProcess pp = { 0 };
      double build_weeks = lo_process_get (roi->process, LO_INPUT_BUILD_WEEKS);

      pp.roi = lo_process_roi_ref (roi);
      pp.id = roi->process->id;
      pp.included = included[i];
      pp.lane = slots[i].lane;
      pp.start_week = slots[i].start_week;
      pp.go_live_week = slots[i].go_live_week;
      if (pp.included)
        {
          /* sₚ from the lanes; gₚ = sₚ + build-weeks × 12 / 52 */
          pp.start = pp.start_week * 12.0 / 52.0;
          pp.go_live = pp.start + build_weeks * 12.0 / 52.0;
          pp.full_benefit = pp.go_live + lo_process_get (roi->process, LO_INPUT_RAMP_MONTHS);
          pp.counted = pp.start < programme->horizon - EPS;
          pp.reason = pp.counted ? NULL : LO_PROGRAMME_REASON_AFTER_HORIZON;
        }
      else
        {
          pp.start = pp.go_live = pp.full_benefit = NAN;
          pp.reason = lo_programme_exclusion (roi);
        }
      g_array_append_val (programme->processes, pp);
      /* the ids are the processes', which the entries keep alive */
      g_hash_table_insert (programme->index, (gpointer) pp.id,
                           GUINT_TO_POINTER (programme->processes->len));
    }
}

/* Cash flow, hours and the totals of the counted processes */
static void
compute_money (LoProgramme *programme)
{
  guint horizon = programme->horizon;
  double approval_end = isnan (programme->approval_end) ? INFINITY : programme->approval_end;
  double realisation = programme->settings.realisation_rate;
  gboolean after_approval = !isnan (programme->approval_end);
  double q, f = 1, total = 0, lowest;

  for (guint i = 0; i < programme->processes->len; i++)
    {
      LoProgrammeProcess *pp = &g_array_index (programme->processes, LoProgrammeProcess, i);
      LoRoiInputs inputs;
      double run_cost;
      Term term;

      if (!pp->included)
        continue;
      lo_roi_inputs_from_process (pp->roi->process, &inputs);
      term_benefits (&inputs, realisation, &pp->gross_review, &pp->gross_free,
                     &pp->hours_review, &pp->hours_free);
      if (!pp->counted)
        continue;

      programme->n_counted++;
      term_init (&term, &inputs, realisation, pp->start);
      add_term_flows (&term, approval_end, horizon, programme->cash_flow);

      run_cost = inputs.v[LO_INPUT_RUN_COST_PER_MONTH];
      programme->investment += inputs.v[LO_INPUT_BUILD_COST];
      if (after_approval)
        {
          programme->hours_saved_week += pp->hours_free * 12.0 / 52.0;
          programme->annual_savings += 12 * (pp->gross_free - run_cost);
        }
      else
        {
          programme->hours_saved_week += pp->hours_review * 12.0 / 52.0;
          programme->annual_savings += 12 * (pp->gross_review - run_cost);
        }
      /* ∫₀ᴴ rₚ Sₚ: S_rev before T₅, S_free after */
      programme->hours_saved_horizon +=
        pp->hours_review * lo_roi_benefit_share (pp->go_live, term.ramp, 0,
                                                 MIN ((double) horizon, approval_end));
      if (approval_end < horizon)
        programme->hours_saved_horizon +=
          pp->hours_free * lo_roi_benefit_share (pp->go_live, term.ramp,
                                                 MAX (approval_end, 0), horizon);
    }

  /* the same running product of one monthly factor as lo_roi_compute() */
  q = pow (1 + programme->settings.discount_rate, -1.0 / 12.0);
  programme->npv = programme->cash_flow[0];
  programme->cumulative[0] = programme->cash_flow[0];
  lowest = programme->cumulative[0];
  for (guint m = 1; m <= horizon; m++)
    {
      f *= q;
      programme->npv += programme->cash_flow[m] * f;
      total += programme->cash_flow[m];
      programme->cumulative[m] = programme->cumulative[m - 1] + programme->cash_flow[m];
      lowest = MIN (lowest, programme->cumulative[m]);
    }

  programme->peak_funding = lowest < 0 ? -lowest : 0;
  /* C_H / investment, C_H summed as §2 sums its ROI */
  programme->roi_percent = programme->investment > 0
                           ? (total + programme->cash_flow[0]) / programme->investment * 100
                           : NAN;
  if (programme->n_counted > 0)
    {
      programme->payback_months = lo_programme_payback (programme->cash_flow, horizon);
      programme->mirr = lo_programme_mirr (programme->cash_flow, horizon,
                                           programme->settings.discount_rate);
    }
  else
    {
      programme->payback_months = NAN;
      programme->mirr = NAN;
    }
}

/**
 * lo_programme_compute:
 *
 * See lo-programme.h.
 */
LoProgramme *
lo_programme_compute (const LoEngagement *engagement,
                      const LoPortfolio  *portfolio,
                      LoRoadmap          *roadmap,
                      guint               draws,
                      guint64             seed,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(LoProgramme) programme = NULL;

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (portfolio != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lo_engagement_validate (engagement, error))
    return NULL;

  programme = programme_new (engagement);
  schedule (programme, engagement, portfolio, roadmap);
  compute_money (programme);

  if (draws > 0)
    programme->has_monte_carlo = run_monte_carlo (programme, draws, seed, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!programme->has_monte_carlo)
    {
      g_clear_pointer (&programme->npv_sorted, g_free);
      programme->npv_p10 = programme->npv_p50 = programme->npv_p90 = NAN;
      programme->probability_positive = NAN;
      programme->draws = 0;
      programme->seed = 0;
    }

  return g_steal_pointer (&programme);
}

const LoProgrammeProcess *
lo_programme_lookup (const LoProgramme *programme,
                     const char        *id)
{
  guint position;

  g_return_val_if_fail (programme != NULL && id != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (programme->index, id));
  if (position == 0)
    return NULL;
  return &g_array_index (programme->processes, LoProgrammeProcess, position - 1);
}

LoProgramme *
lo_programme_ref (LoProgramme *programme)
{
  g_return_val_if_fail (programme != NULL, NULL);
  g_atomic_ref_count_inc (&programme->ref_count);
  return programme;
}

void
lo_programme_unref (LoProgramme *programme)
{
  g_return_if_fail (programme != NULL);

  if (!g_atomic_ref_count_dec (&programme->ref_count))
    return;

  g_hash_table_unref (programme->index);
  for (guint i = 0; i < programme->processes->len; i++)
    lo_process_roi_unref (g_array_index (programme->processes, LoProgrammeProcess, i).roi);
  g_array_unref (programme->processes);
  lo_settings_clear (&programme->settings);
  g_free (programme->cash_flow);
  g_free (programme->cumulative);
  g_free (programme->npv_sorted);
  g_free (programme);
}
