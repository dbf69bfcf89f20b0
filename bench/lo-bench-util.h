/* lo-bench-util.h: what the in-process benchmarks share
 *
 * Sorting samples for their median, the process's CPU time, and the ranged
 * process the Monte Carlo benchmarks draw from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>
#include <sys/resource.h>

#include "lo-core.h"

static inline int
lo_bench_compare_doubles (const void *a,
                          const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @n samples, smallest first: the median is then in the middle. */
static inline void
lo_bench_sort (double *values,
               size_t  n)
{
  qsort (values, n, sizeof *values, lo_bench_compare_doubles);
}

/* Processor time of this process, in ms (user + system): a busy machine
 * stretches the wall time, not this. */
static inline double
lo_bench_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Process @i of a benchmark's set, like the demo's: a few uncertain inputs
 * each, sizes varying with @i. */
static inline LoProcess *
lo_bench_ranged_process (guint i)
{
  g_autofree char *id = g_strdup_printf ("p%u", i);
  LoProcess *p = lo_process_new (id, id);
  double scale = 1 + (i % 7) * 0.25;

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 1200 * scale);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 1000 * scale, 1500 * scale);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 8);
  lo_process_set_range (p, LO_INPUT_MINUTES_PER_ITEM, 6, 11);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 42);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 0.85);
  lo_process_set_range (p, LO_INPUT_AUTOMATION_RATE, 0.7, 0.92);
  lo_process_set (p, LO_INPUT_EXCEPTION_RATE, 0.08);
  lo_process_set (p, LO_INPUT_MINUTES_PER_EXCEPTION, 12);
  lo_process_set (p, LO_INPUT_ERROR_RATE_BEFORE, 0.03);
  lo_process_set (p, LO_INPUT_ERROR_RATE_AFTER, 0.005);
  lo_process_set (p, LO_INPUT_COST_PER_ERROR, 60);
  lo_process_set (p, LO_INPUT_BUILD_COST, 55000);
  lo_process_set_range (p, LO_INPUT_BUILD_COST, 50000, 70000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 10 + i % 5);
  lo_process_set_range (p, LO_INPUT_BUILD_WEEKS, 8 + i % 5, 16 + i % 5);
  lo_process_set (p, LO_INPUT_RUN_COST_PER_MONTH, 900);
  lo_process_set (p, LO_INPUT_RAMP_MONTHS, 3);
  lo_process_set_range (p, LO_INPUT_RAMP_MONTHS, 2, 5);
  return p;
}
