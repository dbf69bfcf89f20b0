/* test-roi-uncertainty.c: scenarios, Monte Carlo and the tornado (SPEC §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-core.h"

/* The hand-computed process "A" of test-roi.c: S = 50 h, G = 2000, run 500,
 * build 6000, go-live after 26 weeks = month 6, 12 months, no discount:
 * NPV = −6000 + 6 × 1500 = 3000. */
static LoProcess *
process_a (void)
{
  LoProcess *p = lo_process_new ("a", "A");

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 1000);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 6);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 40);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 0.5);
  lo_process_set (p, LO_INPUT_BUILD_COST, 6000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 26);
  lo_process_set (p, LO_INPUT_RUN_COST_PER_MONTH, 500);
  return p;
}

static void
settings_a (LoSettings *s)
{
  lo_settings_init_defaults (s);
  s->horizon_months = 12;
  s->discount_rate = 0;
}

static double
npv_of (const LoRoiInputs *in,
        const LoSettings  *s)
{
  return lo_roi_npv (in, s);
}

/* Directions worked out, not assumed: build cost high lowers NPV; volume low
 * lowers it while each item saves time, but high lowers it when review minutes
 * exceed the manual minutes (each automated item then costs time). */
static void
test_scenario_direction (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoRoiInputs cons, opt;
  LoSettings s;

  settings_a (&s);
  lo_process_set_range (p, LO_INPUT_BUILD_COST, 5000, 9000);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 800, 1500);
  lo_roi_scenario_inputs (p, &s, &cons, &opt);
  g_assert_cmpfloat (cons.v[LO_INPUT_BUILD_COST], ==, 9000);
  g_assert_cmpfloat (opt.v[LO_INPUT_BUILD_COST], ==, 5000);
  g_assert_cmpfloat (cons.v[LO_INPUT_VOLUME_PER_MONTH], ==, 800);
  g_assert_cmpfloat (opt.v[LO_INPUT_VOLUME_PER_MONTH], ==, 1500);
  /* unranged inputs stay at likely */
  g_assert_cmpfloat (cons.v[LO_INPUT_HOURLY_COST], ==, 40);
  g_assert_cmpfloat (opt.v[LO_INPUT_RUN_COST_PER_MONTH], ==, 500);
  /* conservative: volume 800 → S = 800 × 0.5 × 6/60 = 40 h, G = 1600, CF = 1100;
   * NPV = −9000 + 6 × 1100 = −2400. optimistic: 1500 → S = 75, G = 3000,
   * CF = 2500; NPV = −5000 + 15000 = 10000. */
  g_assert_cmpfloat_with_epsilon (npv_of (&cons, &s), -2400, 1e-9);
  g_assert_cmpfloat_with_epsilon (npv_of (&opt, &s), 10000, 1e-9);

  /* review 4 min of every automated item against 2 manual minutes */
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 2);
  lo_process_set (p, LO_INPUT_REVIEW_MINUTES_PER_ITEM, 4);
  lo_roi_scenario_inputs (p, &s, &cons, &opt);
  g_assert_cmpfloat (cons.v[LO_INPUT_VOLUME_PER_MONTH], ==, 1500);
  g_assert_cmpfloat (opt.v[LO_INPUT_VOLUME_PER_MONTH], ==, 800);
  lo_settings_clear (&s);
}

static double
uniform (GRand *r,
         double lo,
         double hi)
{
  return g_rand_double_range (r, lo, hi);
}

/* A likely value in [lo, hi] and, half the time, a range around it inside
 * [lo, hi]. */
static void
random_input (GRand     *r,
              LoProcess *p,
              LoInputId  id,
              double     lo,
              double     hi)
{
  double v = uniform (r, lo, hi);

  lo_process_set (p, id, v);
  if (g_rand_boolean (r))
    {
      double low = uniform (r, lo, v);
      double high = uniform (r, v, hi);

      lo_process_set_range (p, id, low, high);
    }
}

static double
low_of (const LoProcess *p,
        LoInputId        id)
{
  return p->inputs[id].ranged ? p->inputs[id].low : p->inputs[id].value;
}

static double
high_of (const LoProcess *p,
         LoInputId        id)
{
  return p->inputs[id].ranged ? p->inputs[id].high : p->inputs[id].value;
}

/* conservative ≤ expected ≤ optimistic NPV for random processes and ranges.
 *
 * The SPEC finds each input's direction with the others at likely, so the
 * order is guaranteed where every input moves NPV the same way whatever the
 * others are: a process that saves time on every automated item (exceptions
 * and reviews shorter than the manual work, reviews shorter than exceptions),
 * errors that fall, oversight below the hours saved, a benefit at least twice
 * the run cost and a horizon that holds the whole ramp (so an earlier go-live
 * always pays: a go-live in the horizon's last month, earning less than its run
 * cost, would make a later one look better) and a discount rate of −10 … 30 %.
 * The inputs are drawn from that domain, at random. (Outside it, e.g. a process
 * that loses money on each item, the rule itself can put the "conservative"
 * NPV above the expected one.) */
static void
test_scenario_order_random (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (20261125);
  LoSettings s;

  lo_settings_init_defaults (&s);
  for (guint k = 0; k < 3000; k++)
    {
      g_autoptr(LoProcess) p = lo_process_new ("r", "r");
      g_autoptr(GError) error = NULL;
      g_autoptr(LoProcessRoi) roi = NULL;
      double worst_saved, worst_gross;

      s.discount_rate = uniform (r, -0.1, 0.3);
      s.realisation_rate = uniform (r, 0.2, 1);

      random_input (r, p, LO_INPUT_VOLUME_PER_MONTH, 100, 5000);
      random_input (r, p, LO_INPUT_MINUTES_PER_ITEM, 20, 40);
      random_input (r, p, LO_INPUT_HOURLY_COST, 15, 120);
      random_input (r, p, LO_INPUT_AUTOMATION_RATE, 0.3, 1);
      random_input (r, p, LO_INPUT_EXCEPTION_RATE, 0, 1);
      random_input (r, p, LO_INPUT_MINUTES_PER_EXCEPTION, 8, 19);
      random_input (r, p, LO_INPUT_ERROR_RATE_BEFORE, 0.05, 0.2);
      random_input (r, p, LO_INPUT_ERROR_RATE_AFTER, 0, 0.05);
      random_input (r, p, LO_INPUT_COST_PER_ERROR, 0, 300);
      random_input (r, p, LO_INPUT_BUILD_COST, 0, 200000);
      random_input (r, p, LO_INPUT_BUILD_WEEKS, 0, 60);
      random_input (r, p, LO_INPUT_RAMP_MONTHS, 0, 12);
      random_input (r, p, LO_INPUT_REVIEW_MINUTES_PER_ITEM, 0, 8);

      /* hours saved and benefit with every input at its worst end */
      worst_saved = low_of (p, LO_INPUT_VOLUME_PER_MONTH) * low_of (p, LO_INPUT_AUTOMATION_RATE)
                    * (low_of (p, LO_INPUT_MINUTES_PER_ITEM)
                       - MAX (high_of (p, LO_INPUT_MINUTES_PER_EXCEPTION),
                              high_of (p, LO_INPUT_REVIEW_MINUTES_PER_ITEM))) / 60;
      random_input (r, p, LO_INPUT_OVERSIGHT_HOURS_PER_MONTH, 0, worst_saved / 2);
      worst_gross = (worst_saved - high_of (p, LO_INPUT_OVERSIGHT_HOURS_PER_MONTH))
                    * low_of (p, LO_INPUT_HOURLY_COST) * s.realisation_rate;
      random_input (r, p, LO_INPUT_RUN_COST_PER_MONTH, 0, worst_gross / 2);

      s.horizon_months = (int) ceil (high_of (p, LO_INPUT_BUILD_WEEKS) * 12 / 52
                                     + high_of (p, LO_INPUT_RAMP_MONTHS))
                         + g_rand_int_range (r, 1, 61);

      roi = lo_process_roi_compute (p, &s, 0, 1, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (roi->conservative.npv, <=, roi->expected.npv + 1e-9 * fabs (roi->expected.npv));
      g_assert_cmpfloat (roi->expected.npv, <=, roi->optimistic.npv + 1e-9 * fabs (roi->expected.npv));
    }
  lo_settings_clear (&s);
}

static void
assert_same_monte_carlo (const LoMonteCarlo *a,
                         const LoMonteCarlo *b,
                         guint               horizon)
{
  g_assert_cmpuint (a->draws, ==, b->draws);
  g_assert_cmpmem (a->npv_sorted, a->draws * sizeof (double),
                   b->npv_sorted, b->draws * sizeof (double));
  g_assert_cmpmem (a->cumulative_p10, (horizon + 1) * sizeof (double),
                   b->cumulative_p10, (horizon + 1) * sizeof (double));
  g_assert_cmpfloat (a->npv_p50, ==, b->npv_p50);
  g_assert_cmpfloat (a->probability_positive, ==, b->probability_positive);
}

/* Same seed, same figures; another seed, other figures. */
static void
test_monte_carlo_reproducible (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoMonteCarlo a, b, c;
  LoSettings s;

  settings_a (&s);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 800, 1500);
  lo_process_set_range (p, LO_INPUT_BUILD_WEEKS, 20, 40);
  g_assert_true (lo_roi_monte_carlo (p, &s, 5000, 42, NULL, &a));
  g_assert_true (lo_roi_monte_carlo (p, &s, 5000, 42, NULL, &b));
  g_assert_true (lo_roi_monte_carlo (p, &s, 5000, G_GUINT64_CONSTANT (42) | (G_GUINT64_CONSTANT (1) << 32), NULL, &c));
  assert_same_monte_carlo (&a, &b, 12);
  g_assert_cmpuint (a.seed, ==, 42);
  /* the high half of the seed counts */
  g_assert_cmpfloat (a.npv_p50, !=, c.npv_p50);
  lo_monte_carlo_clear (&a);
  lo_monte_carlo_clear (&b);
  lo_monte_carlo_clear (&c);
  lo_settings_clear (&s);
}

/* A symmetric range on an input NPV is linear in: P50 → the expected NPV.
 * Volume 1000 ± 300: NPV = −6000 + 6 × (2 × volume − 500) is linear in volume,
 * the triangle's median is 1000, so P50 tends to 3000 (within 1 %: 30). */
static void
test_monte_carlo_convergence (void)
{
  g_autoptr(LoProcess) p = process_a ();
  g_autoptr(LoProcessRoi) roi = NULL;
  LoSettings s;
  double mean = 0;

  settings_a (&s);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 700, 1300);
  roi = lo_process_roi_compute (p, &s, LO_MONTE_CARLO_DEFAULT_DRAWS, LO_MONTE_CARLO_DEFAULT_SEED, NULL, NULL);
  g_assert_true (roi->has_monte_carlo);
  g_assert_cmpuint (roi->monte_carlo.draws, ==, 10000);
  g_assert_cmpfloat_with_epsilon (roi->expected.npv, 3000, 1e-9);
  g_assert_cmpfloat (fabs (roi->monte_carlo.npv_p50 - roi->expected.npv), <=, 0.01 * fabs (roi->expected.npv));
  /* P10 of a triangle (700, 1000, 1300): 700 + √(0.1 × 600 × 300) = 834.16 →
   * NPV = −6000 + 6 × (2 × 834.16 − 500) = 1009.9; P90 symmetric: 4990.1 */
  g_assert_cmpfloat_with_epsilon (roi->monte_carlo.npv_p10, 1009.9, 60);
  g_assert_cmpfloat_with_epsilon (roi->monte_carlo.npv_p90, 4990.1, 60);
  for (guint i = 0; i < 10000; i++)
    mean += roi->monte_carlo.npv_sorted[i] / 10000;
  g_assert_cmpfloat_with_epsilon (mean, 3000, 30);
  lo_settings_clear (&s);
}

/* An asymmetric triangle (500, 800, 2000): the mean is 1100, so the mean NPV
 * is that of volume 1100: −6000 + 6 × (2200 − 500) = 4200. */
static void
test_monte_carlo_triangular_mean (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoMonteCarlo mc;
  LoSettings s;
  double mean = 0;

  settings_a (&s);
  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 800);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 500, 2000);
  g_assert_true (lo_roi_monte_carlo (p, &s, 20000, 7, NULL, &mc));
  for (guint i = 0; i < mc.draws; i++)
    mean += mc.npv_sorted[i] / mc.draws;
  g_assert_cmpfloat_with_epsilon (mean, 4200, 0.01 * 4200);
  lo_monte_carlo_clear (&mc);
  lo_settings_clear (&s);
}

/* Percentile p is the ⌊p·N⌋-th sorted draw from 0: with N = 15, P10 is the
 * 1st, P50 the 7th, P90 the 13th; the draws are sorted ascending. */
static void
test_monte_carlo_percentiles (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoMonteCarlo mc;
  LoSettings s;

  settings_a (&s);
  lo_process_set_range (p, LO_INPUT_HOURLY_COST, 10, 90);
  g_assert_true (lo_roi_monte_carlo (p, &s, 15, 3, NULL, &mc));
  for (guint i = 1; i < 15; i++)
    g_assert_cmpfloat (mc.npv_sorted[i - 1], <=, mc.npv_sorted[i]);
  g_assert_cmpfloat (mc.npv_p10, ==, mc.npv_sorted[1]);
  g_assert_cmpfloat (mc.npv_p50, ==, mc.npv_sorted[7]);
  g_assert_cmpfloat (mc.npv_p90, ==, mc.npv_sorted[13]);
  /* the band brackets: P10 ≤ P90 each month, month 0 = −build */
  g_assert_cmpfloat (mc.cumulative_p10[0], ==, -6000);
  for (guint m = 0; m <= 12; m++)
    g_assert_cmpfloat (mc.cumulative_p10[m], <=, mc.cumulative_p90[m]);
  lo_monte_carlo_clear (&mc);
  lo_settings_clear (&s);
}

/* Payback percentiles: a draw that never pays back is +∞ and a percentile on
 * it is none. Hourly cost 10 … 90 (likely 40): G = 50 × hc; paying back within
 * 12 months needs C₁₂ ≥ 0: 6 × (50 hc − 500) ≥ 6000 ⇔ hc ≥ 30, and for the
 * triangle P(hc < 30) = (30 − 10)² / ((90 − 10) × (40 − 10)) = 400 / 2400 = 1/6.
 * So the slowest sixth never pays back: P90 lands on it, P10 and P50 do not. */
static void
test_monte_carlo_payback_none (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoMonteCarlo mc;
  LoSettings s;
  guint never = 0;

  settings_a (&s);
  lo_process_set_range (p, LO_INPUT_HOURLY_COST, 10, 90);
  g_assert_true (lo_roi_monte_carlo (p, &s, 10000, 1, NULL, &mc));
  g_assert_true (isfinite (mc.payback_p10));
  g_assert_true (isfinite (mc.payback_p50));
  g_assert_true (isnan (mc.payback_p90));
  /* the NPV share: NPV > 0 ⇔ 6 × (50 hc − 500) > 6000 ⇔ hc > 30: 1 − 0.1667 */
  for (guint i = 0; i < mc.draws; i++)
    never += mc.npv_sorted[i] <= 0;
  g_assert_cmpfloat_with_epsilon (mc.probability_positive, 1 - 400.0 / 2400, 0.015);
  g_assert_cmpfloat_with_epsilon (mc.probability_positive, 1 - never / 10000.0, 1e-12);
  lo_monte_carlo_clear (&mc);
  lo_settings_clear (&s);
}

/* Draw-by-draw figures agree with the deterministic model: a range so narrow
 * that every draw is the likely value to 1e−9 gives P10 = P50 = P90 = NPV, and
 * the same payback, through the fast path's closed forms. */
static void
test_monte_carlo_matches_model (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoRoiInputs in;
  LoRoiFigures f;
  LoMonteCarlo mc;
  LoSettings s;

  lo_settings_init_defaults (&s);
  lo_process_set (p, LO_INPUT_RAMP_MONTHS, 2.5);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 11);
  lo_process_set_range (p, LO_INPUT_HOURLY_COST, 40 - 1e-9, 40 + 1e-9);
  lo_roi_inputs_from_process (p, &in);
  lo_roi_compute (&in, &s, &f);
  g_assert_true (lo_roi_monte_carlo (p, &s, 100, 1, NULL, &mc));
  g_assert_cmpfloat_with_epsilon (mc.npv_p10, f.npv, 1e-6);
  g_assert_cmpfloat_with_epsilon (mc.npv_p90, f.npv, 1e-6);
  g_assert_cmpfloat_with_epsilon (mc.payback_p50, f.payback_months, 1e-6);
  for (guint m = 0; m <= 36; m++)
    g_assert_cmpfloat_with_epsilon (mc.cumulative_p90[m], f.cumulative[m], 1e-5);
  lo_roi_figures_clear (&f);
  lo_monte_carlo_clear (&mc);
  lo_settings_clear (&s);
}

/* No ranged input, or only fixed ones (low = high): no Monte Carlo. */
static void
test_monte_carlo_none (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoMonteCarlo mc;
  LoSettings s;

  settings_a (&s);
  g_assert_false (lo_roi_monte_carlo (p, &s, 100, 1, NULL, &mc));
  lo_process_set_range (p, LO_INPUT_HOURLY_COST, 40, 40);
  g_assert_false (lo_roi_monte_carlo (p, &s, 100, 1, NULL, &mc));
  lo_settings_clear (&s);
}

/* Tornado on process A (no ranges: ± 20 %), by hand (no discount):
 * volume 800 / 1200 → S 40 / 60 → CF 1100 / 1900 → NPV 600 / 5400 (swing 4800);
 * minutes-per-item, hourly-cost and automation-rate scale S (or G) the same way:
 * swing 4800 each; build-weeks 20.8 / 31.2 → B 4.8 / 7.2 → NPV −6000 + 1500 ×
 * 7.2 = 4800 / −6000 + 1500 × 4.8 = 1200 (swing 3600); build-cost 4800 / 7200
 * → 4200 / 1800 (2400); run-cost 400 / 600 → 3600 / 2400 (1200); the rest are
 * 0 at likely: swing 0, in table order. */
static void
test_tornado (void)
{
  g_autoptr(LoProcess) p = process_a ();
  LoTornadoBar bars[LO_N_INPUTS];
  LoSettings s;
  const LoInputId order[LO_N_INPUTS] = {
    LO_INPUT_VOLUME_PER_MONTH, LO_INPUT_MINUTES_PER_ITEM, LO_INPUT_HOURLY_COST,
    LO_INPUT_AUTOMATION_RATE, LO_INPUT_BUILD_WEEKS, LO_INPUT_BUILD_COST,
    LO_INPUT_RUN_COST_PER_MONTH, LO_INPUT_EXCEPTION_RATE, LO_INPUT_MINUTES_PER_EXCEPTION,
    LO_INPUT_ERROR_RATE_BEFORE, LO_INPUT_ERROR_RATE_AFTER, LO_INPUT_COST_PER_ERROR,
    LO_INPUT_RAMP_MONTHS, LO_INPUT_REVIEW_MINUTES_PER_ITEM, LO_INPUT_OVERSIGHT_HOURS_PER_MONTH,
  };

  settings_a (&s);
  g_assert_cmpuint (lo_roi_tornado (p, &s, bars), ==, LO_N_INPUTS);
  for (guint i = 0; i < LO_N_INPUTS; i++)
    g_assert_cmpint (bars[i].input, ==, order[i]);
  g_assert_cmpfloat_with_epsilon (bars[0].low_npv, 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (bars[0].high_npv, 5400, 1e-9);
  g_assert_cmpfloat_with_epsilon (bars[4].low_value, 20.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (bars[4].low_npv, 4800, 1e-9);
  g_assert_cmpfloat_with_epsilon (bars[4].high_npv, 1200, 1e-9);
  g_assert_cmpfloat_with_epsilon (bars[5].low_npv, 4200, 1e-9);
  g_assert_cmpfloat_with_epsilon (bars[6].high_npv, 2400, 1e-9);

  /* clipping: automation 0.9 × 1.2 = 1.08 → 1; a ranged input uses its range */
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 0.9);
  lo_process_set_range (p, LO_INPUT_BUILD_COST, 1000, 50000);
  lo_roi_tornado (p, &s, bars);
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      if (bars[i].input == LO_INPUT_AUTOMATION_RATE)
        g_assert_cmpfloat (bars[i].high_value, ==, 1);
      if (bars[i].input == LO_INPUT_BUILD_COST)
        {
          g_assert_cmpfloat (bars[i].low_value, ==, 1000);
          g_assert_cmpfloat (bars[i].high_value, ==, 50000);
          g_assert_cmpuint (i, ==, 0);  /* swing 49000, the largest */
        }
    }
  lo_settings_clear (&s);
}

static void
cancel_soon_cb (GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/* A cancelled computation reports it and leaves nothing behind. */
static void
test_cancel (void)
{
  g_autoptr(LoProcess) p = process_a ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LoProcessRoi *roi;
  LoSettings s;

  settings_a (&s);
  lo_process_set_range (p, LO_INPUT_HOURLY_COST, 10, 90);
  cancel_soon_cb (cancellable);
  roi = lo_process_roi_compute (p, &s, 10000, 1, cancellable, &error);
  g_assert_null (roi);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  lo_settings_clear (&s);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/roi/scenarios/direction", test_scenario_direction);
  g_test_add_func ("/lo/roi/scenarios/order-random", test_scenario_order_random);
  g_test_add_func ("/lo/roi/monte-carlo/reproducible", test_monte_carlo_reproducible);
  g_test_add_func ("/lo/roi/monte-carlo/convergence", test_monte_carlo_convergence);
  g_test_add_func ("/lo/roi/monte-carlo/triangular-mean", test_monte_carlo_triangular_mean);
  g_test_add_func ("/lo/roi/monte-carlo/percentiles", test_monte_carlo_percentiles);
  g_test_add_func ("/lo/roi/monte-carlo/payback-none", test_monte_carlo_payback_none);
  g_test_add_func ("/lo/roi/monte-carlo/matches-model", test_monte_carlo_matches_model);
  g_test_add_func ("/lo/roi/monte-carlo/none", test_monte_carlo_none);
  g_test_add_func ("/lo/roi/tornado", test_tornado);
  g_test_add_func ("/lo/roi/cancel", test_cancel);

  return g_test_run ();
}
