/* test-schedule.c: processes and durations on the roadmap (SPEC §1)
 *
 * The roadmaps are made by hand here (steps with a given number of actions),
 * so the test depends only on lo_roadmap_schedule() and the portfolio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "lo-core.h"

static LoRoadmapStep *
make_step (int   level,
           guint n_items)
{
  LoRoadmapStep *step = g_new0 (LoRoadmapStep, 1);

  step->level = level;
  step->items = g_array_new (FALSE, TRUE, sizeof (LoRoadmapItem));
  step->processes = g_ptr_array_new ();
  step->preparations = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_items; i++)
    {
      LoRoadmapItem item = { NULL, level, "an action" };
      g_array_append_val (step->items, item);
    }
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

/* Steps from @from + 1 to 5 with the given numbers of actions. */
static LoRoadmap *
make_roadmap (int          from,
              const guint *n_items)
{
  LoRoadmap *roadmap = g_new0 (LoRoadmap, 1);

  g_atomic_ref_count_init (&roadmap->ref_count);
  roadmap->kind = from >= 5 ? LO_ROADMAP_SUSTAIN : LO_ROADMAP_STEPS;
  roadmap->from_level = from;
  roadmap->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  for (int k = from + 1; k <= 5; k++)
    g_ptr_array_add (roadmap->steps, make_step (k, n_items[k - from - 1]));
  return roadmap;
}

static LoProcess *
make_process (const char *id,
              const char *name,
              double      build_weeks,
              int         clarity,
              int         access,
              int         scope)
{
  LoProcess *p = lo_process_new (id, name);

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 100);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 6);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 40);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 1);
  lo_process_set (p, LO_INPUT_BUILD_COST, 1000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, build_weeks);
  p->has_readiness = TRUE;
  p->clarity = clarity;
  p->access = access;
  p->scope = scope;
  return p;
}

static LoPortfolio *
make_portfolio (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");

  /* file order b, a; readiness a = 4, b = (2 + 2 + 4)/3 = 2.67 → a first */
  g_ptr_array_add (e->processes, make_process ("b", "Billing", 6, 2, 2, 4));
  g_ptr_array_add (e->processes, make_process ("a", "Answers", 10, 4, 4, 4));
  return lo_portfolio_compute (e, 0, 1, NULL, NULL);
}

static void
assert_processes (const LoRoadmapStep *step,
                  const char          *first,
                  const char          *second)
{
  if (first == NULL)
    {
      g_assert_cmpuint (step->processes->len, ==, 0);
      return;
    }
  g_assert_cmpuint (step->processes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (step->processes, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (step->processes, 1), ==, second);
}

/* From level 1: steps 2, 3, 4, 5 with 3, 2, 1, 0 actions (SPEC §1, "Schedule":
 * the number of actions no longer counts).
 * Step 2: no process; a quarter, 13 weeks, from week 0.
 * Step 3 builds a then b in one lane; b (readiness 2.67) gets "document"
 * (clarity 2) and "connect" (access 2), not "narrow" (scope 4). a goes live at
 * week 10 of the step, b at 10 + 6 = 16 = E: max(13, ⌈16⌉) = 16 weeks, from 13.
 * Step 4: 13 weeks from 29. Step 5: 13 weeks from 42. Total 55. */
static void
test_from_level_1 (void)
{
  const guint n_items[] = { 3, 2, 1, 0 };
  g_autoptr(LoRoadmap) roadmap = make_roadmap (1, n_items);
  g_autoptr(LoPortfolio) portfolio = make_portfolio ();
  LoRoadmapStep *s2, *s3, *s4, *s5;

  lo_roadmap_schedule (roadmap, portfolio);
  s2 = g_ptr_array_index (roadmap->steps, 0);
  s3 = g_ptr_array_index (roadmap->steps, 1);
  s4 = g_ptr_array_index (roadmap->steps, 2);
  s5 = g_ptr_array_index (roadmap->steps, 3);

  assert_processes (s2, NULL, NULL);
  assert_processes (s3, "a", "b");
  assert_processes (s4, "a", "b");
  assert_processes (s5, "a", "b");

  g_assert_cmpuint (s3->preparations->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (s3->preparations, 0), "Document Billing"));
  g_assert_nonnull (strstr (g_ptr_array_index (s3->preparations, 1), "Billing"));
  g_assert_cmpuint (s2->preparations->len + s4->preparations->len + s5->preparations->len, ==, 0);

  g_assert_cmpfloat (s2->weeks, ==, 13);
  g_assert_cmpfloat (s2->start_week, ==, 0);
  g_assert_cmpfloat (s3->weeks, ==, 16);
  g_assert_cmpfloat (s3->start_week, ==, 13);
  g_assert_true (s3->builds);
  g_assert_false (s3->weeks_set);
  g_assert_cmpfloat (s4->weeks, ==, 13);
  g_assert_cmpfloat (s4->start_week, ==, 29);
  g_assert_cmpfloat (s5->weeks, ==, 13);
  g_assert_cmpfloat (s5->start_week, ==, 42);
  g_assert_cmpfloat (roadmap->total_weeks, ==, 55);

  g_assert_null (lo_roadmap_process_role (roadmap, s2));
  g_assert_nonnull (strstr (lo_roadmap_process_role (roadmap, s4), "review-and-approve"));
  g_assert_nonnull (strstr (lo_roadmap_process_role (roadmap, s5), "exception"));

  /* scheduling again gives the same, not twice the processes */
  lo_roadmap_schedule (roadmap, portfolio);
  assert_processes (s3, "a", "b");
  g_assert_cmpuint (s3->preparations->len, ==, 2);
  g_assert_cmpfloat (roadmap->total_weeks, ==, 55);
}

/* From level 3 the first step at or above 3 is step 4: it builds, from week 0:
 * E = 10 + 6 = 16 weeks; step 5: 13 weeks from 16. Total 29. */
static void
test_from_level_3 (void)
{
  const guint n_items[] = { 2, 1 };
  g_autoptr(LoRoadmap) roadmap = make_roadmap (3, n_items);
  g_autoptr(LoPortfolio) portfolio = make_portfolio ();
  LoRoadmapStep *s4, *s5;

  lo_roadmap_schedule (roadmap, portfolio);
  s4 = g_ptr_array_index (roadmap->steps, 0);
  s5 = g_ptr_array_index (roadmap->steps, 1);
  assert_processes (s4, "a", "b");
  assert_processes (s5, "a", "b");
  g_assert_cmpfloat (s4->weeks, ==, 16);
  g_assert_cmpfloat (s5->weeks, ==, 13);
  g_assert_cmpfloat (s5->start_week, ==, 16);
  g_assert_cmpfloat (roadmap->total_weeks, ==, 29);
  g_assert_nonnull (strstr (lo_roadmap_process_role (roadmap, s4), "Built"));
}

/* The ids outlive the portfolio they came from. */
static void
test_ids_outlive_portfolio (void)
{
  const guint n_items[] = { 0, 0 };
  g_autoptr(LoRoadmap) roadmap = make_roadmap (3, n_items);
  LoPortfolio *portfolio = make_portfolio ();

  lo_roadmap_schedule (roadmap, portfolio);
  lo_portfolio_unref (portfolio);
  assert_processes (g_ptr_array_index (roadmap->steps, 1), "a", "b");
}

static void
test_sustain (void)
{
  const guint n_items[] = { 0 };
  g_autoptr(LoRoadmap) roadmap = make_roadmap (5, n_items);
  g_autoptr(LoPortfolio) portfolio = make_portfolio ();

  lo_roadmap_schedule (roadmap, portfolio);
  g_assert_cmpuint (roadmap->steps->len, ==, 0);
  g_assert_cmpfloat (roadmap->total_weeks, ==, 0);
  g_assert_true (strlen (lo_roadmap_estimate_rule ()) > 20);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/schedule/from-level-1", test_from_level_1);
  g_test_add_func ("/lo/schedule/from-level-3", test_from_level_3);
  g_test_add_func ("/lo/schedule/ids-outlive-portfolio", test_ids_outlive_portfolio);
  g_test_add_func ("/lo/schedule/sustain", test_sustain);

  return g_test_run ();
}
