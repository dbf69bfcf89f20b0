/* test-portfolio.c: readiness, the sequence and the totals across processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "lo-core.h"

/* A process live at once with no build: NPV = 36 × G discounted; G = S × 40
 * with S = volume × 6 / 60 (full automation). */
static LoProcess *
make_process (const char *id,
              double      volume,
              int         clarity,
              int         access,
              int         scope)
{
  LoProcess *p = lo_process_new (id, id);

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, volume);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 6);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 40);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 1);
  lo_process_set (p, LO_INPUT_BUILD_COST, 1000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 0);
  lo_process_set (p, LO_INPUT_RUN_COST_PER_MONTH, 100);
  if (clarity > 0)
    {
      p->has_readiness = TRUE;
      p->clarity = clarity;
      p->access = access;
      p->scope = scope;
    }
  return p;
}

/* Sequence: readiness descending, then NPV descending, then file order.
 *   a: readiness (2+3+4)/3 = 3, volume 100
 *   b: readiness (5+4+3)/3 = 4, volume 100
 *   c: no readiness → 3 (warned), volume 500 (NPV above a's)
 *   d: readiness 3, volume 100: ties a on both → after a (file order)
 *   e: readiness (1+1+2)/3 = 1.33
 * → b, c, a, d, e.
 * Totals: S = volume × 6 / 60 = 10, 10, 50, 10, 10 → 90 h a month; a week
 * 90 × 12/52 = 20.769231; FTE 20.769231 / 40 = 0.519231; G = S × 40 = 400,
 * 400, 2000, 400, 400; annual savings = Σ 12 × (G − 100) = 12 × (3600 − 500)
 * = 37200. */
static void
test_sequence_and_totals (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(LoPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "b", "c", "a", "d", "e" };
  double npv = 0;

  g_ptr_array_add (e->processes, make_process ("a", 100, 2, 3, 4));
  g_ptr_array_add (e->processes, make_process ("b", 100, 5, 4, 3));
  g_ptr_array_add (e->processes, make_process ("c", 500, 0, 0, 0));
  g_ptr_array_add (e->processes, make_process ("d", 100, 3, 3, 3));
  g_ptr_array_add (e->processes, make_process ("e", 100, 1, 1, 2));

  portfolio = lo_portfolio_compute (e, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (portfolio->sequence->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);
      g_assert_cmpstr (roi->process->id, ==, expected[i]);
    }
  /* file order kept in processes */
  g_assert_cmpstr (((LoProcessRoi *) g_ptr_array_index (portfolio->processes, 0))->process->id, ==, "a");

  g_assert_cmpfloat_with_epsilon (portfolio->hours_saved_week, 90.0 * 12 / 52, 1e-9);
  g_assert_cmpfloat_with_epsilon (portfolio->fte, 90.0 * 12 / 52 / 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (portfolio->annual_savings, 37200, 1e-9);
  for (guint i = 0; i < 5; i++)
    npv += ((LoProcessRoi *) g_ptr_array_index (portfolio->processes, i))->expected.npv;
  g_assert_cmpfloat_with_epsilon (portfolio->npv, npv, 1e-6);

  /* one warning, for c's missing readiness, naming it */
  g_assert_cmpuint (portfolio->warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (portfolio->warnings, 0), "c: "));
  g_assert_true (((LoProcessRoi *) g_ptr_array_index (portfolio->processes, 2))->readiness_defaulted);
  g_assert_cmpfloat (((LoProcessRoi *) g_ptr_array_index (portfolio->processes, 4))->readiness, ==, 4.0 / 3);

  /* the settings are a copy */
  g_assert_cmpint (portfolio->settings.horizon_months, ==, 36);
  g_assert_cmpstr (portfolio->settings.currency, ==, "USD");
}

static void
test_empty (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(LoPortfolio) portfolio = lo_portfolio_compute (e, 10000, 1, NULL, NULL);

  g_assert_nonnull (portfolio);
  g_assert_cmpuint (portfolio->processes->len, ==, 0);
  g_assert_cmpfloat (portfolio->npv, ==, 0);
}

/* Monte Carlo figures come through the portfolio with its seed. */
static void
test_monte_carlo_through (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(LoPortfolio) a = NULL;
  g_autoptr(LoPortfolio) b = NULL;
  LoProcess *p = make_process ("a", 100, 3, 3, 3);
  LoProcessRoi *ra, *rb;

  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 50, 200);
  g_ptr_array_add (e->processes, p);
  a = lo_portfolio_compute (e, 2000, 9, NULL, NULL);
  b = lo_portfolio_compute (e, 2000, 9, NULL, NULL);
  ra = g_ptr_array_index (a->processes, 0);
  rb = g_ptr_array_index (b->processes, 0);
  g_assert_true (ra->has_monte_carlo);
  g_assert_cmpuint (ra->monte_carlo.draws, ==, 2000);
  g_assert_cmpuint (ra->monte_carlo.seed, ==, 9);
  g_assert_cmpfloat (ra->monte_carlo.npv_p50, ==, rb->monte_carlo.npv_p50);
}

/* A limit on the per-process Monte Carlo (the report's): only the processes
 * of highest expected NPV get one, and theirs is the unlimited run's, since a
 * process's draws come from the seed and its own inputs alone.
 * NPV rises with volume at equal costs (G = volume × 6/60 × 40), so the order
 * by NPV is the order by volume:
 *   p0 300, p1 100, p2 500, p3 100, p4 200, p5 400
 * → p2, p5, p0, p4, then p1 before p3 (equal NPV: file order). */
static void
test_monte_carlo_limit (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(LoPortfolio) all = NULL;
  g_autoptr(LoPortfolio) top3 = NULL;
  g_autoptr(LoPortfolio) top5 = NULL;
  g_autoptr(GError) error = NULL;
  const double volumes[] = { 300, 100, 500, 100, 200, 400 };
  const gboolean in_top3[] = { TRUE, FALSE, TRUE, FALSE, FALSE, TRUE };
  const gboolean in_top5[] = { TRUE, TRUE, TRUE, FALSE, TRUE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (volumes); i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      LoProcess *p = make_process (id, volumes[i], 3, 3, 3);

      lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, volumes[i] / 2, volumes[i] * 2);
      g_ptr_array_add (e->processes, p);
    }

  all = lo_portfolio_compute_limited (e, 1000, 5, 0, NULL, &error);
  g_assert_no_error (error);
  top3 = lo_portfolio_compute_limited (e, 1000, 5, 3, NULL, &error);
  g_assert_no_error (error);
  top5 = lo_portfolio_compute_limited (e, 1000, 5, 5, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (volumes); i++)
    {
      const LoProcessRoi *a = g_ptr_array_index (all->processes, i);
      const LoProcessRoi *t3 = g_ptr_array_index (top3->processes, i);
      const LoProcessRoi *t5 = g_ptr_array_index (top5->processes, i);

      g_assert_true (a->has_monte_carlo);
      g_assert_cmpint (t3->has_monte_carlo, ==, in_top3[i]);
      g_assert_cmpint (t5->has_monte_carlo, ==, in_top5[i]);
      /* the deterministic figures do not depend on the limit */
      g_assert_cmpfloat (t3->expected.npv, ==, a->expected.npv);
      g_assert_cmpfloat (t3->conservative.npv, ==, a->conservative.npv);
      g_assert_cmpfloat (t3->optimistic.npv, ==, a->optimistic.npv);
      if (!t3->has_monte_carlo)
        {
          g_assert_null (t3->monte_carlo.npv_sorted);
          g_assert_null (t3->monte_carlo.cumulative_p10);
          continue;
        }
      g_assert_cmpuint (t3->monte_carlo.draws, ==, 1000);
      g_assert_cmpuint (t3->monte_carlo.seed, ==, 5);
      g_assert_cmpfloat (t3->monte_carlo.npv_p10, ==, a->monte_carlo.npv_p10);
      g_assert_cmpfloat (t3->monte_carlo.npv_p50, ==, a->monte_carlo.npv_p50);
      g_assert_cmpfloat (t3->monte_carlo.npv_p90, ==, a->monte_carlo.npv_p90);
      g_assert_cmpfloat (t3->monte_carlo.probability_positive, ==,
                         a->monte_carlo.probability_positive);
      for (guint k = 0; k < 1000; k++)
        g_assert_cmpfloat (t3->monte_carlo.npv_sorted[k], ==, a->monte_carlo.npv_sorted[k]);
      for (int m = 0; m <= e->settings.horizon_months; m++)
        {
          g_assert_cmpfloat (t3->monte_carlo.cumulative_p10[m], ==, a->monte_carlo.cumulative_p10[m]);
          g_assert_cmpfloat (t3->monte_carlo.cumulative_p90[m], ==, a->monte_carlo.cumulative_p90[m]);
        }
    }
  /* the totals are the expected case's, whatever the limit */
  g_assert_cmpfloat (top3->npv, ==, all->npv);
  g_assert_cmpfloat (top3->annual_savings, ==, all->annual_savings);
}

static void
assert_sequence (const LoPortfolio  *portfolio,
                 const char * const *expected)
{
  g_assert_cmpuint (portfolio->sequence->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < portfolio->sequence->len; i++)
    {
      LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);
      g_assert_cmpstr (roi->process->id, ==, expected[i]);
    }
}

/* The build order set by hand replaces the suggested sequence.
 *   x: readiness (2+2+2)/3 = 2, volume 100
 *   y: readiness (4+4+4)/3 = 4, volume 100
 *   z: readiness (5+4+3)/3 = 4, volume 300: G = 300 × 6/60 × 40 = 1200
 *      against y's 400 at the same costs, so NPV above y's
 * Suggested: readiness 4 first (z before y by NPV), then x → z, y, x.
 * Set by hand: the file order → x, y, z. The totals do not depend on the
 * order: S = 10 + 10 + 30 = 50 h a month → 50 × 12/52 h a week. */
static void
test_custom_order (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(LoEngagement) copy = NULL;
  g_autoptr(LoPortfolio) suggested = NULL;
  g_autoptr(LoPortfolio) custom = NULL;
  g_autoptr(LoPortfolio) copied = NULL;
  g_autoptr(GError) error = NULL;
  const char * const suggested_order[] = { "z", "y", "x", NULL };
  const char * const file_order[] = { "x", "y", "z", NULL };

  g_ptr_array_add (e->processes, make_process ("x", 100, 2, 2, 2));
  g_ptr_array_add (e->processes, make_process ("y", 100, 4, 4, 4));
  g_ptr_array_add (e->processes, make_process ("z", 300, 5, 4, 3));
  g_assert_false (e->custom_order);

  suggested = lo_portfolio_compute (e, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (suggested->custom_order);
  assert_sequence (suggested, suggested_order);

  e->custom_order = TRUE;
  custom = lo_portfolio_compute (e, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (custom->custom_order);
  assert_sequence (custom, file_order);
  g_assert_cmpfloat_with_epsilon (custom->hours_saved_week, 50.0 * 12 / 52, 1e-9);
  g_assert_cmpfloat (custom->npv, ==, suggested->npv);
  /* What "Use Suggested Order" goes back to, whatever the order set. */
  {
    g_autoptr(GPtrArray) again = lo_portfolio_suggested_sequence (custom);

    g_assert_cmpuint (again->len, ==, 3);
    for (guint i = 0; i < again->len; i++)
      g_assert_cmpstr (((LoProcessRoi *) g_ptr_array_index (again, i))->process->id, ==, suggested_order[i]);
  }

  /* a copy keeps the flag */
  copy = lo_engagement_copy (e);
  g_assert_true (copy->custom_order);
  copied = lo_portfolio_compute (copy, 0, 1, NULL, &error);
  g_assert_no_error (error);
  assert_sequence (copied, file_order);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/portfolio/sequence-and-totals", test_sequence_and_totals);
  g_test_add_func ("/lo/portfolio/empty", test_empty);
  g_test_add_func ("/lo/portfolio/monte-carlo", test_monte_carlo_through);
  g_test_add_func ("/lo/portfolio/custom-order", test_custom_order);
  g_test_add_func ("/lo/portfolio/monte-carlo-limit", test_monte_carlo_limit);

  return g_test_run ();
}
