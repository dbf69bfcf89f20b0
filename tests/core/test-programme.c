/* test-programme.c: the programme (SPEC §2b) and the schedule (SPEC §1)
 *
 * Every expected value is worked out by hand from SPEC's formulas in the
 * comments. The processes are simple on purpose: automation-rate 1 and no
 * exceptions, so hours saved S = volume × (minutes − review minutes) / 60 and
 * G = S × hourly cost; most cases take discount rate 0, so NPV is the plain
 * sum of the flows. Builds of 13 weeks are 13 × 12 / 52 = 3 months, of 26
 * weeks 6 months.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-core.h"

#define REL 1e-9

static void
assert_close (double actual,
              double expected)
{
  if (isnan (expected))
    {
      g_assert_true (isnan (actual));
      return;
    }
  g_assert_cmpfloat_with_epsilon (actual, expected, REL * MAX (1.0, fabs (expected)));
}

/* Roadmaps made by hand: steps from @from + 1 to 5 without actions */

static LoRoadmapStep *
make_step (int level)
{
  LoRoadmapStep *step = g_new0 (LoRoadmapStep, 1);

  step->level = level;
  step->items = g_array_new (FALSE, TRUE, sizeof (LoRoadmapItem));
  step->processes = g_ptr_array_new ();
  step->preparations = g_ptr_array_new_with_free_func (g_free);
  return step;
}

static void
step_free (LoRoadmapStep *step)
{
  g_array_unref (step->items);
  g_ptr_array_unref (step->processes);
  g_ptr_array_unref (step->preparations);
  g_free (step);
}

static LoRoadmap *
make_roadmap (int from)
{
  LoRoadmap *roadmap = g_new0 (LoRoadmap, 1);

  g_atomic_ref_count_init (&roadmap->ref_count);
  roadmap->kind = from == 0 ? LO_ROADMAP_INCOMPLETE
                  : from >= 5 ? LO_ROADMAP_SUSTAIN : LO_ROADMAP_STEPS;
  roadmap->from_level = from;
  roadmap->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  for (int k = from + 1; from > 0 && k <= 5; k++)
    g_ptr_array_add (roadmap->steps, make_step (k));
  return roadmap;
}

static const LoRoadmapStep *
step_at (const LoRoadmap *roadmap,
         int              level)
{
  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);

      if (step->level == level)
        return step;
    }
  g_assert_not_reached ();
}

/* A process: automation 1, no exceptions, readiness 4 (so no preparations) */
static LoProcess *
make_process (const char *id,
              double      volume,
              double      minutes,
              double      hourly_cost,
              double      build_cost,
              double      build_weeks,
              double      ramp,
              double      run_cost,
              double      review)
{
  LoProcess *p = lo_process_new (id, id);

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, volume);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, minutes);
  lo_process_set (p, LO_INPUT_HOURLY_COST, hourly_cost);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 1);
  lo_process_set (p, LO_INPUT_BUILD_COST, build_cost);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, build_weeks);
  if (ramp > 0)
    lo_process_set (p, LO_INPUT_RAMP_MONTHS, ramp);
  if (run_cost > 0)
    lo_process_set (p, LO_INPUT_RUN_COST_PER_MONTH, run_cost);
  if (review > 0)
    lo_process_set (p, LO_INPUT_REVIEW_MINUTES_PER_ITEM, review);
  p->has_readiness = TRUE;
  p->clarity = p->access = p->scope = 4;
  return p;
}

/* An engagement whose build order is the file order */
static LoEngagement *
make_engagement (int    horizon,
                 double discount)
{
  LoEngagement *e = lo_engagement_new ("client");

  e->settings.horizon_months = horizon;
  e->settings.discount_rate = discount;
  e->custom_order = TRUE;
  return e;
}

static LoProgramme *
compute (LoEngagement *e,
         LoRoadmap    *roadmap,
         guint         draws)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoPortfolio) portfolio = lo_portfolio_compute (e, 0, 1, NULL, &error);
  LoProgramme *programme;

  g_assert_no_error (error);
  programme = lo_programme_compute (e, portfolio, roadmap, draws, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (programme);
  return programme;
}

static const LoProgrammeProcess *
entry (const LoProgramme *programme,
       guint              i)
{
  g_assert_cmpuint (i, <, programme->processes->len);
  return &g_array_index (programme->processes, LoProgrammeProcess, i);
}

static void
assert_flows (const LoProgramme *programme,
              const double      *expected)
{
  for (guint m = 0; m <= programme->horizon; m++)
    assert_close (programme->cash_flow[m], expected[m]);
}

/* Two lanes, a start at a lane's free time, H = 36, d = 0, level 2 (steps 3,
 * 4, 5; the build step is 3, from week 0).
 *   a: S = 100 × 6 / 60 = 10, G = 10 × 50 = 500; build 13 w, cost 1000
 *   b: S = 200 × 6 / 60 = 20, G = 1000;          build 26 w, cost 2000
 *   c: S = 60 × 10 / 60 = 10, G = 10 × 30 = 300;  build 13 w, cost 500
 * Lanes: a in lane 1 from week 0, live at 13 (month 3); b in lane 2 from 0,
 * live at 26 (month 6); c takes lane 1, free first (13 < 26): from week 13 =
 * month 3, paid in CF₃ (⌊3⌋), live at week 26 = month 6.
 * E = 26 → the build step lasts max(13, 26) = 26 weeks (0–26); step 4
 * 26–39, step 5 39–52: T₅ = 52 × 12 / 52 = 12 months. No review term.
 * CF₀ = −1000 − 2000 = −3000; CF₃ = −500; CF₄…₆ = 500 (a);
 * CF₇…₃₆ = 500 + 1000 + 300 = 1800 (30 months).
 * NPV = −3000 − 500 + 3 × 500 + 30 × 1800 = 52000; investment 3500;
 * ROI = 52000 / 3500 × 100 = 1485.714…
 * C: −3000 (0…2), −3500 (3), −3000, −2500, −2000 (4…6), −200 (7), 1600 (8)…
 * peak funding 3500; payback m* = 8: 7 + 200 / 1800 = 7.1111…
 * MIRR at d = 0 (i = 0): positives 1500 + 54000 = 55500, negatives 3500:
 * (55500 / 3500)^(12/36) − 1.
 * Hours a week (T₅ exists: S_free) = (10 + 20 + 10) × 12 / 52;
 * within the horizon 10 × 33 + 20 × 30 + 10 × 30 = 1230;
 * annual savings 12 × (500 + 1000 + 300) = 21600. */
static LoEngagement *
two_lanes_engagement (void)
{
  LoEngagement *e = make_engagement (36, 0);

  e->settings.parallel_builds = 2;
  g_ptr_array_add (e->processes, make_process ("a", 100, 6, 50, 1000, 13, 0, 0, 0));
  g_ptr_array_add (e->processes, make_process ("b", 200, 6, 50, 2000, 26, 0, 0, 0));
  g_ptr_array_add (e->processes, make_process ("c", 60, 10, 30, 500, 13, 0, 0, 0));
  return e;
}

static void
test_two_lanes (void)
{
  g_autoptr(LoEngagement) e = two_lanes_engagement ();
  g_autoptr(LoRoadmap) roadmap = make_roadmap (2);
  g_autoptr(LoProgramme) p = compute (e, roadmap, 0);
  double flows[37] = { -3000, 0, 0, -500, 500, 500, 500 };

  for (guint m = 7; m <= 36; m++)
    flows[m] = 1800;

  g_assert_cmpint (entry (p, 0)->lane, ==, 0);
  g_assert_cmpint (entry (p, 1)->lane, ==, 1);
  g_assert_cmpint (entry (p, 2)->lane, ==, 0);
  assert_close (entry (p, 0)->start, 0);
  assert_close (entry (p, 0)->go_live, 3);
  assert_close (entry (p, 1)->start, 0);
  assert_close (entry (p, 1)->go_live, 6);
  assert_close (entry (p, 2)->start, 3);
  assert_close (entry (p, 2)->go_live, 6);
  g_assert_null (entry (p, 2)->reason);

  assert_close (p->build_start, 0);
  assert_close (p->builds_weeks, 26);
  g_assert_cmpfloat (step_at (roadmap, 3)->weeks, ==, 26);
  g_assert_true (step_at (roadmap, 3)->builds);
  g_assert_cmpfloat (step_at (roadmap, 4)->start_week, ==, 26);
  g_assert_cmpfloat (step_at (roadmap, 5)->start_week, ==, 39);
  g_assert_cmpfloat (roadmap->total_weeks, ==, 52);
  assert_close (p->approval_end, 12);

  assert_flows (p, flows);
  assert_close (p->npv, 52000);
  assert_close (p->investment, 3500);
  assert_close (p->roi_percent, 52000.0 / 3500 * 100);
  assert_close (p->peak_funding, 3500);
  assert_close (p->payback_months, 7 + 200.0 / 1800);
  assert_close (p->mirr, pow (55500.0 / 3500, 12.0 / 36) - 1);
  assert_close (p->hours_saved_week, 40.0 * 12 / 52);
  assert_close (p->hours_saved_horizon, 1230);
  assert_close (p->annual_savings, 21600);
  g_assert_false (p->has_monte_carlo);
}

/* The same with the build step set to 10 weeks, shorter than its builds:
 * the set duration wins (step 3: 0–10, step 4: 10–23, step 5: 23–36, so
 * T₅ = 36 × 12 / 52); the lanes and, without a review term, the money do not
 * change. */
static void
test_set_weeks_shorter (void)
{
  g_autoptr(LoEngagement) e = two_lanes_engagement ();
  g_autoptr(LoRoadmap) roadmap = make_roadmap (2);
  g_autoptr(LoProgramme) p = NULL;

  lo_engagement_set_step_weeks (e, 3, 10);
  p = compute (e, roadmap, 0);

  g_assert_cmpfloat (step_at (roadmap, 3)->weeks, ==, 10);
  g_assert_true (step_at (roadmap, 3)->weeks_set);
  g_assert_cmpfloat (step_at (roadmap, 3)->default_weeks, ==, 26);
  g_assert_false (step_at (roadmap, 4)->weeks_set);
  g_assert_cmpfloat (step_at (roadmap, 4)->start_week, ==, 10);
  g_assert_cmpfloat (step_at (roadmap, 5)->start_week, ==, 23);
  g_assert_cmpfloat (roadmap->total_weeks, ==, 36);
  assert_close (p->approval_end, 36.0 * 12 / 52);
  assert_close (entry (p, 2)->start, 3);
  assert_close (entry (p, 1)->go_live, 6);
  assert_close (p->npv, 52000);
}

/* Level 4 (one step, 5, which builds), T₅ splitting a ramp month. H = 12,
 * d = 0. One process: volume 100, 6 minutes, review 3 minutes, $60 an hour:
 * S_free = 100 × 6 / 60 = 10, G_free = 600; S_rev = 100 × (6 − 3) / 60 = 5,
 * G_rev = 300. Build 13 weeks (go-live month 3), ramp 2 months, run cost 50,
 * build cost 1000. r(t) = (t − 3) / 2 on [3, 5].
 * Step 5 set to 15 weeks: T₅ = 15 × 12 / 52 = 45/13 = 3 + 6/13, inside month
 * 4 ([3, 4]).
 * Month 4: ∫₃^T₅ r = (6/13)² / 4 = 9/169, ∫_T₅⁴ r = 1/4 − 9/169;
 *   CF₄ = 300 × 9/169 + 600 × (1/4 − 9/169) − 50 = 150 − 2700/169 − 50
 *       = 100 − 2700/169 = 14200/169.
 * Month 5: ∫₄⁵ r = (2² − 1²) / 4 = 3/4: CF₅ = 600 × 3/4 − 50 = 400.
 * Months 6…12: 600 − 50 = 550 (7 months). CF₀ = −1000, CF₁…₃ = 0.
 * NPV = −1000 + 14200/169 + 400 + 3850 = 3250 + 14200/169.
 * C₅ = −600 + 14200/169 = −87200/169 < 0, C₆ > 0: payback
 * 5 + (87200/169) / 550. Peak funding 1000 (C₀ … C₃).
 * Hours within the horizon: 5 × 9/169 + 10 × (∫₃¹² r − 9/169), ∫₃¹² r =
 * 1 + 7 = 8: 80 − 45/169. A week: S_free 10 × 12 / 52. Annual savings
 * 12 × (600 − 50) = 6600. */
static LoEngagement *
review_engagement (void)
{
  LoEngagement *e = make_engagement (12, 0);

  g_ptr_array_add (e->processes, make_process ("r", 100, 6, 60, 1000, 13, 2, 50, 3));
  return e;
}

static void
test_level_4_split_ramp_month (void)
{
  g_autoptr(LoEngagement) e = review_engagement ();
  g_autoptr(LoRoadmap) roadmap = make_roadmap (4);
  g_autoptr(LoProgramme) p = NULL;
  double flows[13] = { -1000, 0, 0, 0, 14200.0 / 169, 400 };

  for (guint m = 6; m <= 12; m++)
    flows[m] = 550;
  lo_engagement_set_step_weeks (e, 5, 15);
  p = compute (e, roadmap, 0);

  g_assert_cmpuint (roadmap->steps->len, ==, 1);
  g_assert_true (step_at (roadmap, 5)->builds);
  assert_close (p->build_start, 0);
  assert_close (p->approval_end, 45.0 / 13);
  assert_close (entry (p, 0)->go_live, 3);
  assert_close (entry (p, 0)->full_benefit, 5);
  assert_close (entry (p, 0)->gross_review, 300);
  assert_close (entry (p, 0)->gross_free, 600);
  assert_flows (p, flows);
  assert_close (p->npv, 3250 + 14200.0 / 169);
  assert_close (p->payback_months, 5 + (87200.0 / 169) / 550);
  assert_close (p->peak_funding, 1000);
  assert_close (p->hours_saved_horizon, 80 - 45.0 / 169);
  assert_close (p->hours_saved_week, 10.0 * 12 / 52);
  assert_close (p->annual_savings, 6600);
}

/* Level 4 with the default duration: the build step lasts
 * max(13, ⌈13 − 1e-9⌉) = 13 weeks, so T₅ = 3 = go-live: the approval term
 * never earns. CF₄ = 600 × 1/4 − 50 = 100, CF₅ = 400, then 550. */
static void
test_level_4_default (void)
{
  g_autoptr(LoEngagement) e = review_engagement ();
  g_autoptr(LoRoadmap) roadmap = make_roadmap (4);
  g_autoptr(LoProgramme) p = compute (e, roadmap, 0);

  g_assert_cmpfloat (step_at (roadmap, 5)->weeks, ==, 13);
  g_assert_false (step_at (roadmap, 5)->weeks_set);
  assert_close (p->approval_end, 3);
  assert_close (p->cash_flow[4], 100);
  assert_close (p->npv, -1000 + 100 + 400 + 7 * 550);
}

/* Level 5, "sustain": T_b = T₅ = 0, so G_free from go-live:
 * CF₄ = 600/4 − 50 = 100, CF₅ = 400, CF₆…₁₂ = 550: NPV = 3350. */
static void
test_level_5 (void)
{
  g_autoptr(LoEngagement) e = review_engagement ();
  g_autoptr(LoRoadmap) roadmap = make_roadmap (5);
  g_autoptr(LoProgramme) p = compute (e, roadmap, 0);

  g_assert_true (p->has_roadmap);
  g_assert_cmpuint (roadmap->steps->len, ==, 0);
  assert_close (p->build_start, 0);
  assert_close (p->approval_end, 0);
  assert_close (p->cash_flow[4], 100);
  assert_close (p->npv, 3350);
  assert_close (p->hours_saved_week, 10.0 * 12 / 52);
}

/* An incomplete assessment, and none: T_b = 0 and no T₅, G_rev throughout:
 * CF₄ = 300/4 − 50 = 25, CF₅ = 300 × 3/4 − 50 = 175, CF₆…₁₂ = 250:
 * NPV = −1000 + 25 + 175 + 1750 = 950. Hours a week S_rev = 5 × 12 / 52,
 * within the horizon 5 × 8 = 40; annual savings 12 × (300 − 50) = 3000. */
static void
test_incomplete (void)
{
  g_autoptr(LoEngagement) e = review_engagement ();
  g_autoptr(LoRoadmap) roadmap = make_roadmap (0);
  g_autoptr(LoProgramme) p = compute (e, roadmap, 0);
  g_autoptr(LoProgramme) none = compute (e, NULL, 0);

  for (guint k = 0; k < 2; k++)
    {
      const LoProgramme *q = k == 0 ? p : none;

      g_assert_false (q->has_roadmap);
      assert_close (q->build_start, 0);
      g_assert_true (isnan (q->approval_end));
      assert_close (q->cash_flow[4], 25);
      assert_close (q->cash_flow[5], 175);
      assert_close (q->cash_flow[12], 250);
      assert_close (q->npv, 950);
      assert_close (q->hours_saved_week, 5.0 * 12 / 52);
      assert_close (q->hours_saved_horizon, 40);
      assert_close (q->annual_savings, 3000);
    }
  g_assert_cmpuint (roadmap->steps->len, ==, 0);
}

/* Level 1: steps 2, 3, 4, 5; step 2 lasts 13 weeks, so the build step (3)
 * starts at week 13: T_b = 3 months, a start at a step boundary, paid in
 * CF₃. One process: G = 100 × 6 / 60 × 50 = 500, build 13 weeks, cost 1000:
 * s = 3, g = 6. Step 3: max(13, ⌈13⌉) = 13 weeks (13–26), step 4 26–39,
 * step 5 39–52: T₅ = 12. H = 12, d = 0:
 * CF₃ = −1000, CF₇…₁₂ = 500: NPV 2000, ROI 200 %, peak funding 1000.
 * C₈ = −1000 + 1000 = 0 ≥ 0 from month 8 on: payback 7 + 500/500 = 8. */
static void
test_level_1 (void)
{
  g_autoptr(LoEngagement) e = make_engagement (12, 0);
  g_autoptr(LoRoadmap) roadmap = make_roadmap (1);
  g_autoptr(LoProgramme) p = NULL;
  double flows[13] = { 0, 0, 0, -1000, 0, 0, 0, 500, 500, 500, 500, 500, 500 };

  g_ptr_array_add (e->processes, make_process ("x", 100, 6, 50, 1000, 13, 0, 0, 0));
  p = compute (e, roadmap, 0);

  g_assert_cmpfloat (step_at (roadmap, 2)->weeks, ==, 13);
  g_assert_false (step_at (roadmap, 2)->builds);
  g_assert_true (step_at (roadmap, 3)->builds);
  g_assert_cmpfloat (step_at (roadmap, 3)->start_week, ==, 13);
  g_assert_cmpuint (step_at (roadmap, 2)->processes->len, ==, 0);
  g_assert_cmpuint (step_at (roadmap, 3)->processes->len, ==, 1);
  g_assert_cmpuint (step_at (roadmap, 5)->processes->len, ==, 1);
  assert_close (p->build_start_week, 13);
  assert_close (p->build_start, 3);
  assert_close (entry (p, 0)->start, 3);
  assert_close (entry (p, 0)->go_live, 6);
  assert_close (p->approval_end, 12);
  assert_flows (p, flows);
  assert_close (p->npv, 2000);
  assert_close (p->roi_percent, 200);
  assert_close (p->peak_funding, 1000);
  assert_close (p->payback_months, 8);
}

/* Payback with a dip after a later build. No roadmap, one lane, H = 24, d = 0.
 *   a: G = 500, build 13 w (0 → 3), cost 600
 *   b: G = 100 (100 × 6 / 60 × 10), build 26 w (3 → 9), cost 100, paid CF₃
 *   c: G = 1000, build 13 w (9 → 12), cost 3000, paid CF₉
 * CF₀ = −600, CF₃ = −100, CF₄…₈ = 500, CF₉ = 500 − 3000 = −2500,
 * CF₁₀…₁₂ = 600, CF₁₃…₂₄ = 1600.
 * C: −600, −600, −600, −700, −200, 300, 800, 1300, 1800, −700, −100, 500,
 * 1100, … The first crossing is month 5, but C dips below 0 again at 9:
 * m* = 11, payback = 10 + 100 / 600. Peak funding 700 (C₃ and C₉).
 * NPV = C₂₄ = 1100 + 12 × 1600 = 20300; investment 3700. */
static void
test_payback_dip (void)
{
  g_autoptr(LoEngagement) e = make_engagement (24, 0);
  g_autoptr(LoProgramme) p = NULL;

  g_ptr_array_add (e->processes, make_process ("a", 100, 6, 50, 600, 13, 0, 0, 0));
  g_ptr_array_add (e->processes, make_process ("b", 100, 6, 10, 100, 26, 0, 0, 0));
  g_ptr_array_add (e->processes, make_process ("c", 200, 6, 50, 3000, 13, 0, 0, 0));
  p = compute (e, NULL, 0);

  assert_close (entry (p, 1)->start, 3);
  assert_close (entry (p, 2)->start, 9);
  assert_close (p->cash_flow[9], -2500);
  assert_close (p->cumulative[8], 1800);
  assert_close (p->cumulative[9], -700);
  assert_close (p->payback_months, 10 + 100.0 / 600);
  assert_close (p->peak_funding, 700);
  assert_close (p->npv, 20300);
  assert_close (p->investment, 3700);
  assert_close (p->roi_percent, 20300.0 / 3700 * 100);
}

/* MIRR by hand: flows −1000, 300, 400, 500, −100, 600 (H = 5) at a monthly
 * rate of 1 % (d = 1.01¹² − 1).
 * Positives carried to month 5: 300 × 1.01⁴ + 400 × 1.01³ + 500 × 1.01² + 600
 *   = 300 × 1.04060401 + 400 × 1.030301 + 500 × 1.0201 + 600
 *   = 312.181203 + 412.1204 + 510.05 + 600 = 1834.351603.
 * Negatives at month 0: 1000 + 100 / 1.04060401 = 1096.0980344…
 * MIRR = (1834.351603 / 1096.0980344…)^(12/5) − 1.
 * And no MIRR without flows of both signs. */
static void
test_mirr (void)
{
  const double flows[] = { -1000, 300, 400, 500, -100, 600 };
  const double positive[] = { 0, 300, 400, 500, 0, 600 };
  double expected = pow (1834.351603 / (1000 + 100 / 1.04060401), 12.0 / 5) - 1;

  assert_close (lo_programme_mirr (flows, 5, pow (1.01, 12) - 1), expected);
  g_assert_true (isnan (lo_programme_mirr (positive, 5, 0.08)));
}

/* Exclusion, and a start after the horizon. Level 3 (steps 4, 5; step 4
 * builds, from week 0), H = 12, d = 0, one lane. File order:
 *   neg:  auto, G = 100, build 13 w, cost 10000: its own NPV
 *         −10000 + 9 × 100 < 0 → "expected NPV below zero"
 *   ok:   G = 600 (S 10), build 26 w, cost 1000: s = 0, g = 6
 *   hand: include no → "left out by hand"
 *   ok2:  G = 800 (S 10), build 26 w, cost 2000: s = 6, g = 12
 *   late: G = 800, build 26 w, cost 4000 (its own NPV −4000 + 6 × 800 ≥ 0):
 *         s = 12 = H, not < H → included, not counted, "starts after the
 *         horizon"; g = 18
 * E = 78 (late counts in it): step 4 lasts 78 weeks, step 5 13: T₅ = 91 weeks.
 * CF₀ = −1000, CF₆ = −2000, CF₇…₁₂ = 600: NPV = 600, investment 3000,
 * ROI 20 %; C₁₀ = −3000 + 4 × 600 = −600, C₁₁ = 0 ≥ 0 from then on: payback
 * 10 + 600/600 = 11; peak funding 3000.
 * Hours a week (T₅ exists) (10 + 10) × 12 / 52; within the horizon 10 × 6 =
 * 60; annual savings 12 × (600 + 800) = 16800. */
static void
test_exclusion_and_horizon (void)
{
  g_autoptr(LoEngagement) e = make_engagement (12, 0);
  g_autoptr(LoRoadmap) roadmap = make_roadmap (3);
  g_autoptr(LoProgramme) p = NULL;
  LoProcess *hand;

  g_ptr_array_add (e->processes, make_process ("neg", 100, 6, 10, 10000, 13, 0, 0, 0));
  g_ptr_array_add (e->processes, make_process ("ok", 100, 6, 60, 1000, 26, 0, 0, 0));
  hand = make_process ("hand", 1000, 6, 60, 1000, 13, 0, 0, 0);
  hand->include = LO_INCLUDE_NO;
  g_ptr_array_add (e->processes, hand);
  g_ptr_array_add (e->processes, make_process ("ok2", 100, 6, 80, 2000, 26, 0, 0, 0));
  g_ptr_array_add (e->processes, make_process ("late", 100, 6, 80, 4000, 26, 0, 0, 0));
  p = compute (e, roadmap, 0);

  g_assert_false (entry (p, 0)->included);
  g_assert_cmpstr (entry (p, 0)->reason, ==, LO_PROGRAMME_REASON_NEGATIVE_NPV);
  g_assert_cmpstr (entry (p, 0)->reason, ==, "expected NPV below zero");
  g_assert_true (isnan (entry (p, 0)->start));
  g_assert_cmpint (entry (p, 0)->lane, ==, -1);
  g_assert_true (entry (p, 1)->counted);
  g_assert_null (entry (p, 1)->reason);
  g_assert_false (entry (p, 2)->included);
  g_assert_cmpstr (entry (p, 2)->reason, ==, "left out by hand");
  g_assert_true (entry (p, 3)->counted);
  assert_close (entry (p, 3)->start, 6);
  g_assert_true (entry (p, 4)->included);
  g_assert_false (entry (p, 4)->counted);
  g_assert_cmpstr (entry (p, 4)->reason, ==, "starts after the horizon");
  assert_close (entry (p, 4)->start, 12);
  assert_close (entry (p, 4)->go_live, 18);
  g_assert_cmpuint (p->n_counted, ==, 2);

  g_assert_cmpfloat (step_at (roadmap, 4)->weeks, ==, 78);
  g_assert_cmpuint (step_at (roadmap, 4)->processes->len, ==, 3);
  assert_close (p->approval_end_week, 91);

  assert_close (p->cash_flow[0], -1000);
  assert_close (p->cash_flow[6], -2000);
  assert_close (p->cash_flow[12], 600);
  assert_close (p->npv, 600);
  assert_close (p->investment, 3000);
  assert_close (p->roi_percent, 20);
  assert_close (p->payback_months, 11);
  assert_close (p->peak_funding, 3000);
  assert_close (p->hours_saved_week, 20.0 * 12 / 52);
  assert_close (p->hours_saved_horizon, 60);
  assert_close (p->annual_savings, 16800);

  /* include yes keeps the money-losing one in */
  ((LoProcess *) g_ptr_array_index (e->processes, 0))->include = LO_INCLUDE_YES;
  {
    g_autoptr(LoProgramme) q = compute (e, NULL, 0);

    g_assert_true (entry (q, 0)->counted);
    assert_close (entry (q, 1)->start, 3);
  }
  g_assert_nonnull (lo_programme_reason_label (LO_PROGRAMME_REASON_LEFT_OUT));
  g_assert_true (lo_programme_lookup (p, "ok2") == entry (p, 3));
  g_assert_null (lo_programme_lookup (p, "nope"));
}

/* No process counted: investment and NPV 0; payback, ROI and MIRR none. */
static void
test_nothing_counted (void)
{
  g_autoptr(LoEngagement) e = make_engagement (12, 0.08);
  g_autoptr(LoProgramme) p = NULL;
  LoProcess *x = make_process ("x", 100, 6, 50, 1000, 13, 0, 0, 0);

  x->include = LO_INCLUDE_NO;
  g_ptr_array_add (e->processes, x);
  p = compute (e, NULL, 100);
  g_assert_cmpuint (p->n_counted, ==, 0);
  g_assert_cmpfloat (p->investment, ==, 0);
  g_assert_cmpfloat (p->npv, ==, 0);
  g_assert_true (isnan (p->payback_months));
  g_assert_true (isnan (p->roi_percent));
  g_assert_true (isnan (p->mirr));
  g_assert_false (p->has_monte_carlo);
}

/* One included process, T_b = 0, no review term: the programme's monthly
 * flows, NPV and ROI are §2's exactly (a ramp, a run cost, error savings and
 * a go-live inside a month, discounted at 8 %). */
static void
test_identity (void)
{
  g_autoptr(LoEngagement) e = make_engagement (36, 0.08);
  g_autoptr(LoProgramme) p = NULL;
  g_autoptr(LoProgramme) sustain = NULL;
  g_autoptr(LoRoadmap) roadmap = make_roadmap (5);
  LoProcess *x = make_process ("x", 1234, 7.5, 41, 23456, 11, 2.5, 321, 0);
  LoRoiInputs inputs;
  LoRoiFigures own;

  lo_process_set (x, LO_INPUT_ERROR_RATE_BEFORE, 0.05);
  lo_process_set (x, LO_INPUT_COST_PER_ERROR, 12);
  g_ptr_array_add (e->processes, x);
  p = compute (e, NULL, 0);
  sustain = compute (e, roadmap, 0);
  lo_roi_inputs_from_process (x, &inputs);
  lo_roi_compute (&inputs, &e->settings, &own);

  for (guint m = 0; m <= 36; m++)
    {
      g_assert_cmpfloat (p->cash_flow[m], ==, own.cash_flow[m]);
      g_assert_cmpfloat (sustain->cash_flow[m], ==, own.cash_flow[m]);
    }
  g_assert_cmpfloat (p->npv, ==, own.npv);
  g_assert_cmpfloat (p->roi_percent, ==, own.roi_percent);
  g_assert_cmpfloat (sustain->npv, ==, own.npv);
  lo_roi_figures_clear (&own);
}

/* Monte Carlo: with ranges a hair wide every draw is the deterministic NPV
 * (this checks the closed-form sums the draws use, here through a T₅ split
 * ramp month, a run cost and a start inside a month); it is reproducible
 * by seed; without a ranged input of a counted process there is none. */
static void
test_monte_carlo (void)
{
  g_autoptr(LoEngagement) e = review_engagement ();
  g_autoptr(LoRoadmap) roadmap = make_roadmap (4);
  g_autoptr(LoProgramme) fixed = NULL;
  g_autoptr(LoProgramme) p = NULL;
  g_autoptr(LoProgramme) again = NULL;
  LoProcess *r = g_ptr_array_index (e->processes, 0);
  LoProcess *first = make_process ("first", 50, 6, 40, 700, 5, 0, 0, 0);

  e->settings.horizon_months = 24;
  e->settings.discount_rate = 0.1;
  g_ptr_array_insert (e->processes, 0, first);
  lo_engagement_set_step_weeks (e, 5, 22);
  fixed = compute (e, roadmap, 1000);
  g_assert_false (fixed->has_monte_carlo);
  g_assert_true (isnan (fixed->npv_p50));

  lo_process_set_range (r, LO_INPUT_VOLUME_PER_MONTH, 100 - 1e-7, 100 + 1e-7);
  lo_process_set_range (r, LO_INPUT_BUILD_WEEKS, 13 - 1e-7, 13 + 1e-7);
  p = compute (e, roadmap, 1000);
  g_assert_true (p->has_monte_carlo);
  g_assert_cmpuint (p->draws, ==, 1000);
  g_assert_cmpfloat_with_epsilon (p->npv_p10, fixed->npv, 1e-6 * fabs (fixed->npv));
  g_assert_cmpfloat_with_epsilon (p->npv_p90, fixed->npv, 1e-6 * fabs (fixed->npv));
  assert_close (p->npv, fixed->npv);

  lo_process_set_range (r, LO_INPUT_VOLUME_PER_MONTH, 50, 200);
  g_clear_pointer (&p, lo_programme_unref);
  p = compute (e, roadmap, 1000);
  again = compute (e, roadmap, 1000);
  g_assert_cmpfloat (p->npv_p50, ==, again->npv_p50);
  g_assert_cmpfloat (p->npv_p10, <, p->npv_p50);
  g_assert_cmpfloat (p->npv_p50, <, p->npv_p90);
  g_assert_cmpfloat (p->probability_positive, >=, 0);
  g_assert_cmpfloat (p->probability_positive, <=, 1);
}

/* The draws' closed-form sums against the month-by-month flows, over T₅
 * before, inside and after the ramp and the horizon, and ramps from none to
 * long: with ranges a hair wide, P10 and P90 are the deterministic NPV. */
static void
test_monte_carlo_sums (void)
{
  const int weeks[] = { 1, 13, 15, 17, 22, 26, 30, 39, 52, 100, 260 };
  const double ramps[] = { 0, 0.5, 2, 7.3 };

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    for (guint k = 0; k < G_N_ELEMENTS (ramps); k++)
      {
        g_autoptr(LoEngagement) e = make_engagement (24, 0.1);
        g_autoptr(LoRoadmap) roadmap = make_roadmap (3);
        g_autoptr(LoProgramme) p = NULL;
        LoProcess *a = make_process ("a", 80, 5, 45, 900, 7, ramps[k], 20, 2);
        LoProcess *b = make_process ("b", 100, 6, 60, 1000, 13.5, ramps[k], 50, 3);

        lo_process_set_range (b, LO_INPUT_VOLUME_PER_MONTH, 100 - 1e-7, 100 + 1e-7);
        g_ptr_array_add (e->processes, a);
        g_ptr_array_add (e->processes, b);
        lo_engagement_set_step_weeks (e, 4, weeks[w]);
        p = compute (e, roadmap, 200);
        g_assert_true (p->has_monte_carlo);
        g_assert_cmpfloat_with_epsilon (p->npv_p10, p->npv, 1e-6 * fabs (p->npv));
        g_assert_cmpfloat_with_epsilon (p->npv_p90, p->npv, 1e-6 * fabs (p->npv));
      }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/programme/two-lanes", test_two_lanes);
  g_test_add_func ("/lo/programme/set-weeks-shorter", test_set_weeks_shorter);
  g_test_add_func ("/lo/programme/level-4-split-ramp-month", test_level_4_split_ramp_month);
  g_test_add_func ("/lo/programme/level-4-default", test_level_4_default);
  g_test_add_func ("/lo/programme/level-5", test_level_5);
  g_test_add_func ("/lo/programme/incomplete", test_incomplete);
  g_test_add_func ("/lo/programme/level-1", test_level_1);
  g_test_add_func ("/lo/programme/payback-dip", test_payback_dip);
  g_test_add_func ("/lo/programme/mirr", test_mirr);
  g_test_add_func ("/lo/programme/exclusion-and-horizon", test_exclusion_and_horizon);
  g_test_add_func ("/lo/programme/nothing-counted", test_nothing_counted);
  g_test_add_func ("/lo/programme/identity", test_identity);
  g_test_add_func ("/lo/programme/monte-carlo", test_monte_carlo);
  g_test_add_func ("/lo/programme/monte-carlo-sums", test_monte_carlo_sums);

  return g_test_run ();
}
