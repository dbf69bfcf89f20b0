/* bench-montecarlo.c: Monte Carlo of 50 processes × 10 000 draws on one core
 *
 * Target: under 50 ms for the whole set (SPEC §2 performance note), so the
 * window can recompute while the user types. Prints the median of several runs
 * and the peak resident memory.
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

int
main (int    argc,
      char **argv)
{
  LoProcess *processes[N_PROCESSES];
  double times[N_RUNS], cpu[N_RUNS];
  double checksum = 0;
  struct rusage usage;
  LoSettings settings;

  lo_settings_init_defaults (&settings);
  for (guint i = 0; i < N_PROCESSES; i++)
    processes[i] = lo_bench_ranged_process (i);

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = lo_bench_cpu_ms ();

      for (guint i = 0; i < N_PROCESSES; i++)
        {
          LoMonteCarlo mc;

          if (!lo_roi_monte_carlo (processes[i], &settings, LO_MONTE_CARLO_DEFAULT_DRAWS,
                                   LO_MONTE_CARLO_DEFAULT_SEED, NULL, &mc))
            g_error ("no Monte Carlo for process %u", i);
          checksum += mc.npv_p50;
          lo_monte_carlo_clear (&mc);
        }
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[run] = lo_bench_cpu_ms () - cpu_start;
    }

  lo_bench_sort (times, N_RUNS);
  lo_bench_sort (cpu, N_RUNS);
  getrusage (RUSAGE_SELF, &usage);

  printf ("monte-carlo: %d processes x %d draws, 6 ranged inputs, 36 months\n",
          N_PROCESSES, LO_MONTE_CARLO_DEFAULT_DRAWS);
  printf ("median %.2f ms (min %.2f, max %.2f, %d runs; target < 50 ms)\n",
          times[N_RUNS / 2], times[0], times[N_RUNS - 1], N_RUNS);
  printf ("median CPU time %.2f ms (user + system: what the wall time is on an idle core)\n",
          cpu[N_RUNS / 2]);
  printf ("peak memory %ld KiB\n", usage.ru_maxrss);
  printf ("checksum %.6f\n", checksum / N_RUNS);

  for (guint i = 0; i < N_PROCESSES; i++)
    lo_process_unref (processes[i]);
  lo_settings_clear (&settings);

  return times[N_RUNS / 2] < 50 ? 0 : 1;
}
