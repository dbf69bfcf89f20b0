/* lo-roi.c: the deterministic ROI model of one process (SPEC §2)
 *
 * Cash flows are integrated month by month in closed form: the benefit rate r(t)
 * is piecewise linear (0 before go-live, a linear ramp, then 1), so the benefit of
 * a month is the difference of its antiderivative at the month's two ends. No
 * numeric quadrature, no allocation on the NPV path: Monte Carlo calls it
 * hundreds of thousands of times while the user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-core.h"
#include "lo-roi-private.h"

#define MAX_HORIZON 240

G_DEFINE_BOXED_TYPE (LoProcessRoi, lo_process_roi, lo_process_roi_ref, lo_process_roi_unref)

/* Helpers */

typedef struct
{
  double hours_manual;
  double hours_remaining;
  double hours_saved;
  double gross_benefit;
  double go_live;
  double ramp;
  double run_cost;
  double build_cost;
} Steady;

static void
compute_steady (const LoRoiInputs *inputs,
                const LoSettings  *settings,
                Steady            *st)
{
  const double *v = inputs->v;
  LoRoiBenefit benefit;

  lo_roi_benefit_compute (inputs, settings->realisation_rate, &benefit);
  st->hours_manual = benefit.hours_manual;
  st->hours_remaining = benefit.hours_remaining;
  st->hours_saved = benefit.hours_saved;
  st->gross_benefit = benefit.gross_benefit;
  st->go_live = v[LO_INPUT_BUILD_WEEKS] * 12.0 / 52.0;
  st->ramp = v[LO_INPUT_RAMP_MONTHS];
  st->run_cost = v[LO_INPUT_RUN_COST_PER_MONTH];
  st->build_cost = v[LO_INPUT_BUILD_COST];
}

/* ∫₀ᵗ r(s) ds */
static inline double
ramp_integral (double go_live,
               double ramp,
               double t)
{
  double x = t - go_live;

  if (x <= 0)
    return 0;
  if (x < ramp)
    return x * x / (2 * ramp);
  return ramp / 2 + (x - ramp);
}

static inline double
running_share (double go_live,
               double t0,
               double t1)
{
  double from = MAX (t0, go_live);

  return t1 > from ? t1 - from : 0;
}

/* Horner's scheme on whichever of v and 1/v keeps the powers ≤ 1, so that long
 * horizons never overflow; only the sign and the zero matter to the solver. */
static double
scaled_present_value (const double *cash_flow,
                      guint         horizon,
                      double        v)
{
  double p = 0;

  if (v <= 1)
    {
      for (guint m = horizon + 1; m-- > 0;)
        p = p * v + cash_flow[m];
    }
  else
    {
      double w = 1 / v;

      for (guint m = 0; m <= horizon; m++)
        p = p * w + cash_flow[m];
    }

  return p;
}

static inline int
sign_of (double x)
{
  return (x > 0) - (x < 0);
}

/* Public API: the formulas */

void
lo_roi_inputs_from_process (const LoProcess *process,
                            LoRoiInputs     *inputs)
{
  g_return_if_fail (process != NULL);
  g_return_if_fail (inputs != NULL);

  for (guint i = 0; i < LO_N_INPUTS; i++)
    inputs->v[i] = lo_process_get (process, i);
}

double
lo_roi_benefit_share (double go_live,
                      double ramp,
                      double t0,
                      double t1)
{
  if (t1 <= go_live)
    return 0;
  if (t0 >= go_live + ramp)
    return t1 - t0;
  return ramp_integral (go_live, ramp, t1) - ramp_integral (go_live, ramp, t0);
}

double
lo_roi_gross_benefit (const LoRoiInputs *inputs,
                      const LoSettings  *settings,
                      double            *hours_saved)
{
  Steady st;

  g_return_val_if_fail (inputs != NULL && settings != NULL, NAN);

  compute_steady (inputs, settings, &st);
  if (hours_saved)
    *hours_saved = st.hours_saved;
  return st.gross_benefit;
}

void
lo_roi_cash_flows (const LoRoiInputs *inputs,
                   const LoSettings  *settings,
                   double            *cash_flow)
{
  Steady st;
  guint horizon;

  g_return_if_fail (inputs != NULL && settings != NULL && cash_flow != NULL);
  g_return_if_fail (settings->horizon_months >= 1 && settings->horizon_months <= MAX_HORIZON);

  horizon = settings->horizon_months;
  compute_steady (inputs, settings, &st);

  /* 0 − build rather than −build: no negative zero in the output */
  cash_flow[0] = 0.0 - st.build_cost;
  for (guint m = 1; m <= horizon; m++)
    {
      double t0 = m - 1, t1 = m;

      cash_flow[m] = st.gross_benefit * lo_roi_benefit_share (st.go_live, st.ramp, t0, t1)
                     - st.run_cost * running_share (st.go_live, t0, t1);
    }
}

double
lo_roi_npv (const LoRoiInputs *inputs,
            const LoSettings  *settings)
{
  double cash_flow[MAX_HORIZON + 1];
  double q, f = 1, npv;

  g_return_val_if_fail (inputs != NULL && settings != NULL, NAN);
  g_return_val_if_fail (settings->horizon_months >= 1 && settings->horizon_months <= MAX_HORIZON, NAN);

  lo_roi_cash_flows (inputs, settings, cash_flow);

  /* (1 + d)^(−m/12) as a running product of one monthly factor: the same
   * sequence of operations as lo_roi_compute(), so both give the same bits */
  q = pow (1 + settings->discount_rate, -1.0 / 12.0);
  npv = cash_flow[0];
  for (int m = 1; m <= settings->horizon_months; m++)
    {
      f *= q;
      npv += cash_flow[m] * f;
    }

  return npv;
}

double
lo_roi_payback (const double *cash_flow,
                guint         horizon)
{
  double c;

  g_return_val_if_fail (cash_flow != NULL, NAN);

  if (cash_flow[0] >= 0)
    return 0;

  c = cash_flow[0];
  for (guint m = 1; m <= horizon; m++)
    {
      double before = c;

      c += cash_flow[m];
      /* before < 0 ≤ c, so cash_flow[m] > 0 */
      if (c >= 0)
        return (m - 1) + (-before) / cash_flow[m];
    }

  return NAN;
}

double
lo_roi_irr (const double *cash_flow,
            guint         horizon)
{
  int sign_near_zero = 0, sign_at_infinity = 0;
  double lo, hi, p;
  double annual;

  g_return_val_if_fail (cash_flow != NULL, NAN);

  /* In v = 1/(1+i) the present value is a polynomial; near v = 0 its sign is
   * that of the first non-zero flow, towards v = ∞ that of the last one. */
  for (guint m = 0; m <= horizon && sign_near_zero == 0; m++)
    sign_near_zero = sign_of (cash_flow[m]);
  for (guint m = horizon + 1; m-- > 0 && sign_at_infinity == 0;)
    sign_at_infinity = sign_of (cash_flow[m]);

  if (sign_near_zero == 0 || sign_near_zero == sign_at_infinity)
    return NAN;

  p = scaled_present_value (cash_flow, horizon, 1);
  if (p == 0)
    return 0;

  if (sign_of (p) == sign_near_zero)
    {
      /* the root is at v > 1: a negative rate */
      lo = 1;
      hi = 2;
      while (sign_of (scaled_present_value (cash_flow, horizon, hi)) != sign_at_infinity)
        {
          lo = hi;
          hi *= 2;
          if (hi > 0x1p60)
            return NAN;
        }
    }
  else
    {
      hi = 1;
      lo = 0.5;
      while (sign_of (scaled_present_value (cash_flow, horizon, lo)) != sign_near_zero)
        {
          hi = lo;
          lo /= 2;
          if (lo < 0x1p-60)
            return NAN;
        }
    }

  /* Bisection: slow but cannot fail, and 200 halvings reach the last bit */
  for (guint k = 0; k < 200 && hi - lo > 1e-16 * hi; k++)
    {
      double mid = lo + (hi - lo) / 2;
      int s = sign_of (scaled_present_value (cash_flow, horizon, mid));

      if (s == 0)
        {
          lo = hi = mid;
          break;
        }
      if (s == sign_near_zero)
        lo = mid;
      else
        hi = mid;
    }

  annual = pow (lo + (hi - lo) / 2, -12.0) - 1;
  return isfinite (annual) ? annual : NAN;
}

void
lo_roi_compute (const LoRoiInputs *inputs,
                const LoSettings  *settings,
                LoRoiFigures      *figures)
{
  Steady st;
  guint horizon;
  double q, f = 1, total = 0;

  g_return_if_fail (inputs != NULL && settings != NULL && figures != NULL);
  g_return_if_fail (settings->horizon_months >= 1 && settings->horizon_months <= MAX_HORIZON);

  horizon = settings->horizon_months;
  compute_steady (inputs, settings, &st);

  memset (figures, 0, sizeof *figures);
  figures->horizon = horizon;
  figures->hours_manual = st.hours_manual;
  figures->hours_remaining = st.hours_remaining;
  figures->hours_saved_month = st.hours_saved;
  figures->hours_saved_week = st.hours_saved * 12.0 / 52.0;
  figures->fte = settings->hours_per_week > 0
                 ? figures->hours_saved_week / settings->hours_per_week : NAN;
  figures->gross_benefit = st.gross_benefit;
  figures->go_live_months = st.go_live;
  figures->annual_savings = 12 * (st.gross_benefit - st.run_cost);

  figures->cash_flow = g_new (double, horizon + 1);
  figures->cumulative = g_new (double, horizon + 1);
  lo_roi_cash_flows (inputs, settings, figures->cash_flow);

  q = pow (1 + settings->discount_rate, -1.0 / 12.0);
  figures->npv = figures->cash_flow[0];
  figures->cumulative[0] = figures->cash_flow[0];
  for (guint m = 1; m <= horizon; m++)
    {
      f *= q;
      figures->npv += figures->cash_flow[m] * f;
      total += figures->cash_flow[m];
      figures->cumulative[m] = figures->cumulative[m - 1] + figures->cash_flow[m];
    }

  figures->roi_percent = st.build_cost > 0
                         ? (total - st.build_cost) / st.build_cost * 100 : NAN;
  figures->payback_months = lo_roi_payback (figures->cash_flow, horizon);
  figures->irr = lo_roi_irr (figures->cash_flow, horizon);
}

void
lo_roi_figures_clear (LoRoiFigures *figures)
{
  g_return_if_fail (figures != NULL);

  g_clear_pointer (&figures->cash_flow, g_free);
  g_clear_pointer (&figures->cumulative, g_free);
}

/* Actual against projected */

static int
model_month (const LoProcess *process,
             int              year,
             int              month)
{
  if (!process->has_start)
    return 0;
  return (year - process->start_year) * 12 + (month - process->start_month) + 1;
}

/* An actual month beside the model's month m. Absent actual errors are taken as
 * projected (items × error-rate-after) and an absent run cost as the projected
 * run cost of the month, so a partial record still gives a net figure; absent
 * items or hours leave the actual figures none. */
static void
compute_actual (const LoProcess   *process,
                const LoRoiInputs *inputs,
                const LoSettings  *settings,
                const LoActual    *actual,
                LoActualMonth     *out)
{
  const double *v = inputs->v;
  Steady st;
  double share = NAN, run_share = NAN;
  double errors, run_cost;

  compute_steady (inputs, settings, &st);

  memset (out, 0, sizeof *out);
  out->year = actual->year;
  out->month = actual->month;
  out->model_month = model_month (process, actual->year, actual->month);
  out->actual_items = actual->items;
  out->actual_hours = actual->hours;
  out->actual_errors = actual->errors;
  out->actual_run_cost = actual->run_cost;

  if (out->model_month >= 1)
    {
      share = lo_roi_benefit_share (st.go_live, st.ramp, out->model_month - 1, out->model_month);
      run_share = running_share (st.go_live, out->model_month - 1, out->model_month);
    }

  out->projected_hours_saved = st.hours_saved * share;
  out->projected_net = st.gross_benefit * share - st.run_cost * run_share;
  out->projected_errors = (isfinite (actual->items) ? actual->items : v[LO_INPUT_VOLUME_PER_MONTH])
                          * v[LO_INPUT_ERROR_RATE_AFTER];

  out->actual_hours_saved = actual->items * v[LO_INPUT_MINUTES_PER_ITEM] / 60.0 - actual->hours;

  errors = isfinite (actual->errors) ? actual->errors
           : actual->items * v[LO_INPUT_ERROR_RATE_AFTER];
  run_cost = isfinite (actual->run_cost) ? actual->run_cost : st.run_cost * run_share;
  out->actual_net = out->actual_hours_saved * v[LO_INPUT_HOURLY_COST] * settings->realisation_rate
                    + (actual->items * v[LO_INPUT_ERROR_RATE_BEFORE] - errors)
                      * v[LO_INPUT_COST_PER_ERROR]
                    - run_cost;

  out->variance_hours = out->actual_hours_saved - out->projected_hours_saved;
  out->variance_net = out->actual_net - out->projected_net;
}

/* The process's ROI */

LoProcessRoi *
lo_process_roi_compute (LoProcess        *process,
                        const LoSettings *settings,
                        guint             draws,
                        guint64           seed,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(LoProcessRoi) roi = NULL;
  LoRoiInputs likely, conservative, optimistic;

  g_return_val_if_fail (process != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lo_settings_validate (settings, error) || !lo_process_validate (process, error))
    return NULL;
  /* SPEC §2c bounds the memory of the draws; 0 leaves Monte Carlo out */
  if (draws != 0 && !lo_limit_check (LO_LIMIT_DRAWS, NULL, NULL, NULL, draws, error))
    return NULL;

  roi = g_new0 (LoProcessRoi, 1);
  g_atomic_ref_count_init (&roi->ref_count);
  roi->process = lo_process_ref (process);
  roi->actuals = g_array_new (FALSE, TRUE, sizeof (LoActualMonth));

  lo_roi_inputs_from_process (process, &likely);
  lo_roi_compute (&likely, settings, &roi->expected);

  lo_roi_scenario_inputs (process, settings, &conservative, &optimistic);
  lo_roi_compute (&conservative, settings, &roi->conservative);
  lo_roi_compute (&optimistic, settings, &roi->optimistic);

  if (draws > 0)
    roi->has_monte_carlo = lo_roi_monte_carlo (process, settings, draws, seed,
                                               cancellable, &roi->monte_carlo);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  roi->n_tornado = lo_roi_tornado (process, settings, roi->tornado);

  if (process->has_alternative)
    {
      LoRoiInputs alternative = likely;

      alternative.v[LO_INPUT_BUILD_COST] = process->alt_build_cost;
      alternative.v[LO_INPUT_BUILD_WEEKS] = process->alt_build_weeks;
      lo_roi_compute (&alternative, settings, &roi->alternative);
      roi->has_alternative = TRUE;
      roi->months_gained = (process->alt_build_weeks - likely.v[LO_INPUT_BUILD_WEEKS]) * 12.0 / 52.0;
    }
  else
    {
      roi->months_gained = NAN;
    }

  roi->readiness = lo_process_readiness (process);
  roi->readiness_defaulted = !process->has_readiness;

  for (guint i = 0; i < process->actuals->len; i++)
    {
      LoActualMonth month;

      compute_actual (process, &likely, settings,
                      &g_array_index (process->actuals, LoActual, i), &month);
      g_array_append_val (roi->actuals, month);
    }

  return g_steal_pointer (&roi);
}

LoProcessRoi *
lo_process_roi_ref (LoProcessRoi *roi)
{
  g_return_val_if_fail (roi != NULL, NULL);
  g_atomic_ref_count_inc (&roi->ref_count);
  return roi;
}

void
lo_process_roi_unref (LoProcessRoi *roi)
{
  g_return_if_fail (roi != NULL);

  if (!g_atomic_ref_count_dec (&roi->ref_count))
    return;

  lo_roi_figures_clear (&roi->expected);
  lo_roi_figures_clear (&roi->conservative);
  lo_roi_figures_clear (&roi->optimistic);
  lo_roi_figures_clear (&roi->alternative);
  if (roi->has_monte_carlo)
    lo_monte_carlo_clear (&roi->monte_carlo);
  g_clear_pointer (&roi->actuals, g_array_unref);
  g_clear_pointer (&roi->process, lo_process_unref);
  g_free (roi);
}
