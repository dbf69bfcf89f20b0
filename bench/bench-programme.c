/* bench-programme.c: the programme's Monte Carlo (SPEC §2b), 50 processes ×
 * 10 000 draws on one core
 *
 * Target: under 100 ms, so the window can recompute the programme while the
 * user changes a step's weeks or an input. Every process has ranged inputs
 * and an approval term, and the roadmap's level-5 step ends inside the
 * horizon, so each draw takes the approval split of every process. Prints the
 * median of several runs and the peak resident memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "lo-bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "lo-core.h"

#define N_PROCESSES 50
#define N_RUNS      9

/* Processes like the demo's: seven ranged inputs each, review minutes. */
static LoProcess *
make_process (guint i)
{
  LoProcess *p = lo_bench_ranged_process (i);

  lo_process_set (p, LO_INPUT_REVIEW_MINUTES_PER_ITEM, 1);
  lo_process_set_range (p, LO_INPUT_REVIEW_MINUTES_PER_ITEM, 0.5, 1.5);
  return p;
}

static void
step_free (LoRoadmapStep *step)
{
  g_array_unref (step->items);
  g_ptr_array_unref (step->processes);
  g_ptr_array_unref (step->preparations);
  g_free (step);
}

/* The roadmap of a company at level 2, without actions: steps 3, 4, 5 */
static LoRoadmap *
make_roadmap (void)
{
  LoRoadmap *roadmap = g_new0 (LoRoadmap, 1);

  g_atomic_ref_count_init (&roadmap->ref_count);
  roadmap->kind = LO_ROADMAP_STEPS;
  roadmap->from_level = 2;
  roadmap->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  for (int level = 3; level <= 5; level++)
    {
      LoRoadmapStep *step = g_new0 (LoRoadmapStep, 1);

      step->level = level;
      step->items = g_array_new (FALSE, TRUE, sizeof (LoRoadmapItem));
      step->processes = g_ptr_array_new ();
      step->preparations = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (roadmap->steps, step);
    }
  return roadmap;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("bench");
  g_autoptr(LoPortfolio) portfolio = NULL;
  g_autoptr(LoRoadmap) roadmap = make_roadmap ();
  g_autoptr(GError) error = NULL;
  double times[N_RUNS], cpu[N_RUNS];
  double checksum = 0, approval_end = 0;
  guint counted = 0;
  struct rusage usage;

  /* 20 lanes: all 50 builds start within the 36-month horizon */
  engagement->settings.parallel_builds = 20;
  for (guint i = 0; i < N_PROCESSES; i++)
    g_ptr_array_add (engagement->processes, make_process (i));
  portfolio = lo_portfolio_compute (engagement, 0, 1, NULL, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = lo_bench_cpu_ms ();
      g_autoptr(LoProgramme) programme = NULL;

      programme = lo_programme_compute (engagement, portfolio, roadmap,
                                        LO_MONTE_CARLO_DEFAULT_DRAWS,
                                        LO_MONTE_CARLO_DEFAULT_SEED, NULL, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[run] = lo_bench_cpu_ms () - cpu_start;
      g_assert_no_error (error);
      if (!programme->has_monte_carlo)
        g_error ("no Monte Carlo");
      checksum += programme->npv_p50;
      counted = programme->n_counted;
      approval_end = programme->approval_end;
    }

  lo_bench_sort (times, N_RUNS);
  lo_bench_sort (cpu, N_RUNS);
  getrusage (RUSAGE_SELF, &usage);

  printf ("programme monte-carlo: %d processes (%u counted) x %d draws, 7 ranged inputs, "
          "36 months, approval until month %.1f\n",
          N_PROCESSES, counted, LO_MONTE_CARLO_DEFAULT_DRAWS, approval_end);
  printf ("median %.2f ms (min %.2f, max %.2f, %d runs; target < 100 ms)\n",
          times[N_RUNS / 2], times[0], times[N_RUNS - 1], N_RUNS);
  printf ("median CPU time %.2f ms (user + system: what the wall time is on an idle core)\n",
          cpu[N_RUNS / 2]);
  printf ("peak memory %ld KiB\n", usage.ru_maxrss);
  printf ("checksum %.6f\n", checksum / N_RUNS);

  return cpu[N_RUNS / 2] < 100 ? 0 : 1;
}
