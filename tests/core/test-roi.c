/* test-roi.c: the deterministic ROI model against values worked out by hand
 *
 * Every expected figure below comes from SPEC §2's formulas, either by hand
 * (the arithmetic is in the comment) or from an independent reference written
 * for these tests in Python that integrates r(t) numerically (midpoint rule,
 * 20 000 steps a month) and finds the IRR by plain bisection on the monthly
 * rate; neither shares code or method with lo-roi.c's closed forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "lo-core.h"

#define EPS 1e-6

typedef struct
{
  const char *name;
  /* inputs, table order */
  double vol, mpi, hc, automation, exception, mpe, erb, era, cpe;
  double build, weeks, run, ramp, review, oversight;
  /* settings */
  int    horizon;
  double discount;
  /* expected figures */
  double hours_manual, hours_remaining, hours_saved, gross, go_live, annual;
  double npv, roi_percent, payback, irr;
  double cf[8];     /* CF₀ … CF₇ */
} Case;

static const Case cases[] = {
  /* A: ramp 0, go-live on a month boundary, no discount.
   * H₀ = 1000 × 6 / 60 = 100; H₁ = 1000 × 0.5 × 6 / 60 = 50; S = 50;
   * G = 50 × 40 = 2000; B = 26 × 12 / 52 = 6 (months 1–6 earn nothing);
   * CF₇…₁₂ = 2000 − 500 = 1500; NPV = −6000 + 6 × 1500 = 3000;
   * ROI % = (9000 − 6000) / 6000 × 100 = 50;
   * C₉ = −6000 + 3 × 1500 = −1500, C₁₀ = 0 → payback = 9 + 1500 / 1500 = 10;
   * annual = 12 × 1500 = 18000; IRR (reference) 0.674584088625819. */
  { "ramp-0", 1000, 6, 40, 0.5, 0, 0, 0, 0, 0, 6000, 26, 500, 0, 0, 0,
    12, 0, 100, 50, 50, 2000, 6, 18000, 3000, 50, 10, 0.674584088625819,
    { -6000, 0, 0, 0, 0, 0, 0, 1500 } },
  /* A at 8 %: NPV = −6000 + 1500 × Σ_{m=7}^{12} 1.08^(−m/12) = 2468.5311000427173
   * (reference); the other figures are undiscounted and unchanged. */
  { "ramp-0-discounted", 1000, 6, 40, 0.5, 0, 0, 0, 0, 0, 6000, 26, 500, 0, 0, 0,
    12, 0.08, 100, 50, 50, 2000, 6, 18000, 2468.5311000427173, 50, 10, 0.674584088625819,
    { -6000, 0, 0, 0, 0, 0, 0, 1500 } },
  /* B: a ramp of 3 months from a go-live inside month 3.
   * H₁ = 600 × 0.2 × 10/60 + 600 × 0.8 × 0.25 × 20/60 = 20 + 40 = 60; S = 40;
   * G = 2000; B = 10 × 12/52 = 2.307692…; month 3 = [2, 3]:
   * ∫r = (3 − B)² / (2 × 3) = 0.692308² / 6 = 0.079882, run share 3 − B = 0.692308
   * → CF₃ = 2000 × 0.079882 − 300 × 0.692308 = −47.928994; month 4: ∫r =
   * (1.692308² − 0.692308²) / 6 = 0.397436 → CF₄ = 794.871795 − 300 = 494.871795;
   * NPV 7763.33195365189, ROI % 169.53846153846158, payback 7.013574660633484,
   * IRR 3.2898715615783827 (reference). */
  { "ramp-3-inside-month", 600, 10, 50, 0.8, 0.25, 20, 0, 0, 0, 5000, 10, 300, 3, 0, 0,
    12, 0.08, 100, 60, 40, 2000, 2.3076923076923075, 20400, 7763.33195365189,
    169.53846153846158, 7.013574660633484, 3.2898715615783827,
    { -5000, 0, 0, -47.928994, 494.871795, 1161.538462, 1668.441815, 1700 } },
  /* C: full automation, live at once. S = H₀ = 300 × 12 / 60 = 60; G = 1800;
   * CF = 1800 from month 1; NPV = −3600 + 6 × 1800 = 7200; ROI % = 200;
   * C₂ = 0 → payback = 1 + 1800/1800 = 2; IRR 81.94090268344874 (reference). */
  { "full-automation", 300, 12, 30, 1, 0, 0, 0, 0, 0, 3600, 0, 0, 0, 0, 0,
    6, 0, 60, 0, 60, 1800, 0, 21600, 7200, 200, 2, 81.94090268344874,
    { -3600, 1800, 1800, 1800, 1800, 1800, 1800, 0 } },
  /* D: every automated item is an exception (review minutes then apply to none).
   * H₁ = 600 × 1 × 1 × 4 / 60 = 40; S = 60; G = 60 × 25 = 1500; B = 4 × 12/52;
   * NPV 18713.549641954323 at 10 %, ROI % 242.30769230769232,
   * payback 8.423076923076923, IRR 2.656621631243502 (reference). */
  { "all-exceptions", 600, 10, 25, 1, 1, 4, 0, 0, 0, 9000, 4, 100, 2, 5, 0,
    24, 0.10, 100, 40, 60, 1500, 0.9230769230769231, 16800, 18713.549641954323,
    242.30769230769232, 8.423076923076923, 2.656621631243502,
    { -9000, -5.473373, 332.692308, 1080.473373, 1400, 1400, 1400, 1400 } },
  /* E: errors only (no automation). S = 0; G = 1000 × (0.05 − 0.01) × 100 = 4000;
   * B = 6.5 × 12/52 = 1.5, ramp 1.5: month 2 ∫r = 0.5² / 3 = 1/12 → 333.33;
   * month 3 ∫r = (1.5² − 0.5²) / 3 = 2/3 → 2666.67; C₅ = −1000, CF₆ = 4000
   * → payback = 5 + 1000/4000 = 5.25; NPV 67789.35713163164, ROI % 625,
   * IRR 9.22803712318319 (reference). */
  { "errors-only", 1000, 5, 30, 0, 0, 0, 0.05, 0.01, 100, 12000, 6.5, 0, 1.5, 0, 0,
    24, 0.08, 83.33333333333333, 83.33333333333333, 0, 4000, 1.5, 48000,
    67789.35713163164, 625, 5.25, 9.22803712318319,
    { -12000, 0, 333.333333, 2666.666667, 4000, 4000, 4000, 4000 } },
  /* F: never pays back. G = 10 × 100 = 1000 a month; C₃₆ = −100000 + 36000 < 0;
   * ROI % = (36000 − 100000) / 100000 × 100 = −64; NPV −67956.66861128203 and
   * IRR −0.4413792829568348 (reference): the flows change sign, so a rate exists. */
  { "never-pays-back", 100, 6, 100, 1, 0, 0, 0, 0, 0, 100000, 0, 0, 0, 0, 0,
    36, 0.08, 10, 0, 10, 1000, 0, 12000, -67956.66861128203, -64, NAN, -0.4413792829568348,
    { -100000, 1000, 1000, 1000, 1000, 1000, 1000, 1000 } },
  /* G: run cost above benefit: every flow ≤ 0 → IRR none, payback none.
   * G = 5 × 100 = 500, run 800; B = 2 × 12/52 = 0.461538: CF₁ = 500 × 0.538462 −
   * 800 × 0.538462 = −161.538462; then −300 a month; ROI % = (−161.538462 − 23 × 300
   * − 1000) / 1000 × 100 = −806.1544230769231; NPV −7514.302790171107 (reference). */
  { "negative-npv-no-irr", 100, 3, 100, 1, 0, 0, 0, 0, 0, 1000, 2, 800, 0, 0, 0,
    24, 0.08, 5, 0, 5, 500, 0.46153846153846156, -3600, -7514.302790171107,
    -806.1544230769231, NAN, NAN,
    { -1000, -161.538462, -300, -300, -300, -300, -300, -300 } },
  /* I: one month: −100 then +110 → monthly IRR 10 %, annual 1.1¹² − 1 =
   * 2.138428376721; payback = 0 + 100/110 = 0.909091; NPV = 10; ROI % = 10. */
  { "one-month-irr", 10, 66, 10, 1, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0,
    1, 0, 11, 0, 11, 110, 0, 1320, 10, 10, 0.9090909090909091, 2.138428376721003,
    { -100, 110, NAN, NAN, NAN, NAN, NAN, NAN } },
};

static LoProcess *
process_for_case (const Case *c)
{
  LoProcess *p = lo_process_new (c->name, c->name);
  const double v[LO_N_INPUTS] = {
    c->vol, c->mpi, c->hc, c->automation, c->exception, c->mpe, c->erb, c->era,
    c->cpe, c->build, c->weeks, c->run, c->ramp, c->review, c->oversight,
  };

  for (guint i = 0; i < LO_N_INPUTS; i++)
    lo_process_set (p, i, v[i]);
  return p;
}

static void
settings_for_case (const Case *c,
                   LoSettings *s)
{
  lo_settings_init_defaults (s);
  s->horizon_months = c->horizon;
  s->discount_rate = c->discount;
}

static void
assert_close (double actual,
              double expected)
{
  if (isnan (expected))
    {
      g_assert_true (isnan (actual));
      return;
    }
  g_assert_true (isfinite (actual));
  g_assert_cmpfloat_with_epsilon (actual, expected, EPS * MAX (1.0, fabs (expected)));
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(LoProcess) p = process_for_case (c);
  LoSettings s;
  LoRoiInputs in;
  LoRoiFigures f;

  settings_for_case (c, &s);
  lo_roi_inputs_from_process (p, &in);
  lo_roi_compute (&in, &s, &f);

  assert_close (f.hours_manual, c->hours_manual);
  assert_close (f.hours_remaining, c->hours_remaining);
  assert_close (f.hours_saved_month, c->hours_saved);
  assert_close (f.hours_saved_week, c->hours_saved * 12 / 52);
  assert_close (f.fte, c->hours_saved * 12 / 52 / 40);
  assert_close (f.gross_benefit, c->gross);
  assert_close (f.go_live_months, c->go_live);
  assert_close (f.annual_savings, c->annual);
  assert_close (f.npv, c->npv);
  assert_close (f.roi_percent, c->roi_percent);
  assert_close (f.payback_months, c->payback);
  assert_close (f.irr, c->irr);
  g_assert_cmpuint (f.horizon, ==, c->horizon);
  for (int m = 0; m < 8 && m <= c->horizon; m++)
    assert_close (f.cash_flow[m], c->cf[m]);
  /* cumulative is the running sum; the NPV path agrees with the full one */
  for (int m = 1; m <= c->horizon; m++)
    assert_close (f.cumulative[m], f.cumulative[m - 1] + f.cash_flow[m]);
  g_assert_cmpfloat (lo_roi_npv (&in, &s), ==, f.npv);

  /* IRR by its definition: the monthly rate zeroes the flows' present value */
  if (isfinite (f.irr))
    {
      double i = pow (1 + f.irr, 1.0 / 12) - 1, pv = 0;

      for (int m = 0; m <= c->horizon; m++)
        pv += f.cash_flow[m] / pow (1 + i, m);
      g_assert_cmpfloat_with_epsilon (pv, 0, 1e-6 * fabs (f.cash_flow[0]));
    }

  lo_roi_figures_clear (&f);
  g_assert_null (f.cash_flow);
  lo_settings_clear (&s);
}

/* ∫ r over spans, by hand: B = 2, R = 4: r = (t − 2)/4 on [2, 6].
 * [0, 2] → 0; [2, 3] → ½ × 1 × ¼ = 0.125; [3, 4] → (0.25 + 0.5)/2 = 0.375;
 * [5, 7] → [5, 6]: (0.75 + 1)/2 = 0.875 plus [6, 7]: 1 → 1.875;
 * [2.5, 2.5] → 0; R = 0: a step, [1.5, 3] with B = 2 → 1. */
static void
test_benefit_share (void)
{
  g_assert_cmpfloat_with_epsilon (lo_roi_benefit_share (2, 4, 0, 2), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (lo_roi_benefit_share (2, 4, 2, 3), 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (lo_roi_benefit_share (2, 4, 3, 4), 0.375, 1e-12);
  g_assert_cmpfloat_with_epsilon (lo_roi_benefit_share (2, 4, 5, 7), 1.875, 1e-12);
  g_assert_cmpfloat_with_epsilon (lo_roi_benefit_share (2, 4, 2.5, 2.5), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (lo_roi_benefit_share (2, 0, 1.5, 3), 1, 1e-12);
}

/* Realisation 0.5 halves the labour part only: S = 50 h, hc 40 → 1000;
 * errors 1000 × 0.02 × 50 = 1000 → G = 2000 (with 1: 3000). */
static void
test_realisation (void)
{
  g_autoptr(LoProcess) p = lo_process_new ("r", "r");
  LoSettings s;
  LoRoiInputs in;
  LoRoiFigures f;

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 1000);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 3);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 40);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 1);
  lo_process_set (p, LO_INPUT_ERROR_RATE_BEFORE, 0.03);
  lo_process_set (p, LO_INPUT_ERROR_RATE_AFTER, 0.01);
  lo_process_set (p, LO_INPUT_COST_PER_ERROR, 50);
  lo_process_set (p, LO_INPUT_BUILD_COST, 0);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 0);
  lo_settings_init_defaults (&s);
  s.realisation_rate = 0.5;
  lo_roi_inputs_from_process (p, &in);
  lo_roi_compute (&in, &s, &f);
  assert_close (f.hours_saved_month, 50);
  assert_close (f.gross_benefit, 2000);
  /* build cost 0: payback 0, ROI % none, IRR none (no negative flow) */
  g_assert_cmpfloat (f.payback_months, ==, 0);
  g_assert_true (isnan (f.roi_percent));
  g_assert_true (isnan (f.irr));
  g_assert_cmpfloat (f.cash_flow[0], ==, 0);
  g_assert_false (signbit (f.cash_flow[0]));
  lo_roi_figures_clear (&f);
  lo_settings_clear (&s);
}

/* Review minutes and oversight hours (level 4 operation):
 * H₁ = 1000 × 0.1 × 6/60 + 1000 × 0.9 × 0.2 × 10/60 + 1000 × 0.9 × 0.8 × 1/60 + 5
 *    = 10 + 30 + 12 + 5 = 57; H₀ = 100; S = 43. */
static void
test_review_oversight (void)
{
  g_autoptr(LoProcess) p = lo_process_new ("l4", "l4");
  LoSettings s;
  LoRoiInputs in;
  LoRoiFigures f;

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 1000);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 6);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 10);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 0.9);
  lo_process_set (p, LO_INPUT_EXCEPTION_RATE, 0.2);
  lo_process_set (p, LO_INPUT_MINUTES_PER_EXCEPTION, 10);
  lo_process_set (p, LO_INPUT_REVIEW_MINUTES_PER_ITEM, 1);
  lo_process_set (p, LO_INPUT_OVERSIGHT_HOURS_PER_MONTH, 5);
  lo_process_set (p, LO_INPUT_BUILD_COST, 1000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 0);
  lo_settings_init_defaults (&s);
  lo_roi_inputs_from_process (p, &in);
  lo_roi_compute (&in, &s, &f);
  assert_close (f.hours_manual, 100);
  assert_close (f.hours_remaining, 57);
  assert_close (f.hours_saved_month, 43);
  assert_close (f.gross_benefit, 430);
  lo_roi_figures_clear (&f);
  lo_settings_clear (&s);
}

/* Zero volume: no benefit, well-defined figures, no NaN where a number is due. */
static void
test_zero_volume (void)
{
  g_autoptr(LoProcess) p = lo_process_new ("z", "z");
  g_autoptr(GError) error = NULL;
  g_autoptr(LoProcessRoi) roi = NULL;
  LoSettings s;

  for (guint i = 0; i < LO_N_INPUTS; i++)
    if (lo_input_is_required (i))
      lo_process_set (p, i, 0);
  lo_process_set (p, LO_INPUT_BUILD_COST, 500);
  lo_settings_init_defaults (&s);
  roi = lo_process_roi_compute (p, &s, 100, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (roi->expected.hours_saved_week, ==, 0);
  g_assert_cmpfloat (roi->expected.fte, ==, 0);
  g_assert_cmpfloat (roi->expected.npv, ==, -500);
  g_assert_cmpfloat (roi->expected.roi_percent, ==, -100);
  g_assert_true (isnan (roi->expected.payback_months));
  g_assert_true (isnan (roi->expected.irr));
  g_assert_false (roi->has_monte_carlo);   /* no ranged input */
  for (guint i = 0; i < roi->n_tornado; i++)
    {
      g_assert_true (isfinite (roi->tornado[i].low_npv));
      g_assert_true (isfinite (roi->tornado[i].high_npv));
    }
  lo_settings_clear (&s);
}

/* Alternative: same benefits, other build. Case A's process with an alternative
 * of 12000 over 39 weeks: months gained = (39 − 26) × 12/52 = 3; B' = 9: months
 * 10–12 earn 1500 → NPV' = −12000 + 4500 = −7500 (no discount), payback none. */
static void
test_alternative (void)
{
  g_autoptr(LoProcess) p = process_for_case (&cases[0]);
  g_autoptr(LoProcessRoi) roi = NULL;
  g_autoptr(GError) error = NULL;
  LoSettings s;

  p->has_alternative = TRUE;
  p->alt_build_cost = 12000;
  p->alt_build_weeks = 39;
  settings_for_case (&cases[0], &s);
  roi = lo_process_roi_compute (p, &s, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (roi->has_alternative);
  assert_close (roi->months_gained, 3);
  assert_close (roi->alternative.npv, -7500);
  g_assert_true (isnan (roi->alternative.payback_months));
  assert_close (roi->expected.npv, 3000);
  lo_settings_clear (&s);
}

/* Actuals: case A's process started 2027-01, so 2027-08 is model month 8 (full
 * benefit: ∫r = 1, run share 1). Projected hours saved = 50; projected net =
 * CF₈ = 1500. Actual: 1100 items, 60 h → saved 1100 × 6/60 − 60 = 50 h,
 * variance 0; net = 50 × 40 + 0 errors term − 450 run = 1550, variance +50.
 * 2027-03 (month 3, before go-live): projected 0 and 0. */
static void
test_actuals (void)
{
  g_autoptr(LoProcess) p = process_for_case (&cases[0]);
  g_autoptr(LoProcessRoi) roi = NULL;
  g_autoptr(GError) error = NULL;
  LoActual a = { 2027, 8, 1100, 60, 0, 450 };
  LoActual b = { 2027, 3, NAN, NAN, NAN, NAN };
  const LoActualMonth *m;
  LoSettings s;

  p->has_start = TRUE;
  p->start_year = 2027;
  p->start_month = 1;
  g_array_append_val (p->actuals, a);
  g_array_append_val (p->actuals, b);
  settings_for_case (&cases[0], &s);
  roi = lo_process_roi_compute (p, &s, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roi->actuals->len, ==, 2);

  m = &g_array_index (roi->actuals, LoActualMonth, 0);
  g_assert_cmpint (m->model_month, ==, 8);
  assert_close (m->projected_hours_saved, 50);
  assert_close (m->projected_net, 1500);
  assert_close (m->actual_hours_saved, 50);
  assert_close (m->variance_hours, 0);
  assert_close (m->actual_net, 1550);
  assert_close (m->variance_net, 50);
  assert_close (m->projected_errors, 0);

  m = &g_array_index (roi->actuals, LoActualMonth, 1);
  g_assert_cmpint (m->model_month, ==, 3);
  assert_close (m->projected_hours_saved, 0);
  assert_close (m->projected_net, 0);
  g_assert_true (isnan (m->actual_hours_saved));
  lo_settings_clear (&s);
}

/* Readiness: mean of the three; absent → 3 and flagged. */
static void
test_readiness (void)
{
  g_autoptr(LoProcess) p = process_for_case (&cases[0]);
  g_autoptr(LoProcessRoi) a = NULL;
  g_autoptr(LoProcessRoi) b = NULL;
  LoSettings s;

  settings_for_case (&cases[0], &s);
  a = lo_process_roi_compute (p, &s, 0, 1, NULL, NULL);
  g_assert_cmpfloat (a->readiness, ==, 3);
  g_assert_true (a->readiness_defaulted);
  p->has_readiness = TRUE;
  p->clarity = 2;
  p->access = 4;
  p->scope = 5;
  b = lo_process_roi_compute (p, &s, 0, 1, NULL, NULL);
  assert_close (b->readiness, 11.0 / 3);
  g_assert_false (b->readiness_defaulted);
  lo_settings_clear (&s);
}

/* Long horizons and extreme flows do not overflow the IRR solver. */
static void
test_irr_extremes (void)
{
  double flows[241];

  /* −1 then 1000 a month: a huge rate, still finite or none, never inf */
  flows[0] = -1;
  for (int m = 1; m <= 240; m++)
    flows[m] = 1000;
  g_assert_false (isinf (lo_roi_irr (flows, 240)));
  /* −1000 then 0.001 at month 240 only: a rate close to −100 % a year */
  for (int m = 1; m <= 240; m++)
    flows[m] = 0;
  flows[0] = -1000;
  flows[240] = 0.001;
  {
    double irr = lo_roi_irr (flows, 240);
    /* (1 + i)^240 = 1e−6 → i = 1e−6^(1/240) − 1; annual = 1e−6^(12/240) − 1 = 10^(−0.3) − 1 */
    g_assert_cmpfloat_with_epsilon (irr, pow (10, -0.3) - 1, 1e-9);
  }
  /* all zero: none */
  for (int m = 0; m <= 240; m++)
    flows[m] = 0;
  g_assert_true (isnan (lo_roi_irr (flows, 240)));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/roi/case/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/lo/roi/benefit-share", test_benefit_share);
  g_test_add_func ("/lo/roi/realisation", test_realisation);
  g_test_add_func ("/lo/roi/review-oversight", test_review_oversight);
  g_test_add_func ("/lo/roi/zero-volume", test_zero_volume);
  g_test_add_func ("/lo/roi/alternative", test_alternative);
  g_test_add_func ("/lo/roi/actuals", test_actuals);
  g_test_add_func ("/lo/roi/readiness", test_readiness);
  g_test_add_func ("/lo/roi/irr/extremes", test_irr_extremes);

  return g_test_run ();
}
