/* bench-score.c: how long `lightsout score --json` takes on the demo, how much
 * memory it needs, and the cost of lo_score_compute() itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "lo-bench-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "lo-io.h"

#define N_RUNS         20
#define N_BATCHES      7
#define BATCH_SIZE     2000

extern char **environ;

static double
median (double *values,
        guint   n)
{
  lo_bench_sort (values, n);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Runs argv with stdout to /dev/null; returns the exit status, the wall time
 * in seconds and the child's peak resident set in KiB. */
static int
run_child (char  **argv,
           double *seconds,
           double *cpu_seconds,
           long   *max_rss_kib)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status = 0;
  int rc;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);

  start = g_get_monotonic_time ();
  rc = posix_spawn (&pid, argv[0], &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (rc != 0)
    {
      fprintf (stderr, "bench-score: cannot run %s: %s\n", argv[0], g_strerror (rc));
      return -1;
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    return -1;
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  *cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                 usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  *max_rss_kib = usage.ru_maxrss;   /* KiB on Linux */

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
bench_command (const char *lightsout,
               const char *demo)
{
  char *demo_argv[] = { (char *) lightsout, "demo", "-o", (char *) demo, NULL };
  char *text_argv[] = { (char *) lightsout, "score", (char *) demo, NULL };
  char *json_argv[] = { (char *) lightsout, "score", (char *) demo, "--json", NULL };
  char **commands[] = { text_argv, json_argv };
  const char *labels[] = { "lightsout score", "lightsout score --json" };
  double seconds;
  double cpu_seconds;
  long rss;

  if (run_child (demo_argv, &seconds, &cpu_seconds, &rss) != 0)
    {
      fprintf (stderr, "bench-score: `lightsout demo -o %s` failed\n", demo);
      return 1;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      double times[N_RUNS];
      double cpu[N_RUNS];
      long peak = 0;
      double middle;

      for (guint i = 0; i < N_RUNS; i++)
        {
          if (run_child (commands[c], &times[i], &cpu[i], &rss) != 0)
            {
              fprintf (stderr, "bench-score: `%s %s` failed\n", labels[c], demo);
              return 1;
            }
          peak = MAX (peak, rss);
        }

      /* median() sorts: min and max are at the ends afterwards */
      middle = median (times, N_RUNS);
      printf ("%s (demo), whole process: median %.1f ms over %d runs (min %.1f, max %.1f), "
              "median CPU %.1f ms, peak RSS %.1f MiB\n",
              labels[c], middle * 1e3, N_RUNS, times[0] * 1e3, times[N_RUNS - 1] * 1e3,
              median (cpu, N_RUNS) * 1e3, peak / 1024.0);
      if (c == 0)
        printf ("goal: lightsout score ≤ 12 ms: %s\n", middle * 1e3 <= 12 ? "met" : "NOT met");
    }
  return 0;
}

static int
bench_in_process (void)
{
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(LoScore) score = NULL;
  g_autoptr(GError) error = NULL;
  LoAssessment *assessment;
  double per_call[N_BATCHES];

  if (demo == NULL)
    return 1;
  assessment = lo_engagement_latest_assessment (demo);
  bank = lo_bank_find_shipped_edition (assessment->bank, assessment->bank_edition, &error);
  if (bank == NULL)
    {
      fprintf (stderr, "bench-score: %s\n", error->message);
      return 1;
    }

  for (guint b = 0; b < N_BATCHES; b++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < BATCH_SIZE; i++)
        {
          g_autoptr(LoScore) one = lo_score_compute (bank, assessment, NULL);
          g_assert (one != NULL);
        }
      per_call[b] = (g_get_monotonic_time () - start) / (double) BATCH_SIZE;
    }
  printf ("lo_score_compute (demo, in process): median %.2f µs per call (%d batches of %d)\n",
          median (per_call, N_BATCHES), N_BATCHES, BATCH_SIZE);

  score = lo_score_compute (bank, assessment, NULL);
  for (guint b = 0; b < N_BATCHES; b++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < BATCH_SIZE; i++)
        {
          g_autoptr(LoRoadmap) roadmap = lo_roadmap_build (score);
          g_assert (roadmap != NULL);
        }
      per_call[b] = (g_get_monotonic_time () - start) / (double) BATCH_SIZE;
    }
  printf ("lo_roadmap_build (demo, in process): median %.2f µs per call (%d batches of %d)\n",
          median (per_call, N_BATCHES), N_BATCHES, BATCH_SIZE);

  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *demo = NULL;
  const char *lightsout = g_getenv ("LIGHTSOUT");
  int status;

  if (lightsout == NULL)
    {
      fprintf (stderr, "bench-score: set LIGHTSOUT to the lightsout binary\n");
      return 1;
    }

  dir = g_dir_make_tmp ("bench-score-XXXXXX", &error);
  if (dir == NULL)
    {
      fprintf (stderr, "bench-score: %s\n", error->message);
      return 1;
    }
  demo = g_build_filename (dir, "demo.lightsout", NULL);

  status = bench_command (lightsout, demo);
  if (status == 0)
    status = bench_in_process ();

  g_remove (demo);
  g_rmdir (dir);
  return status;
}
