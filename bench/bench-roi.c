/* bench-roi.c: the whole `lightsout roi` command on the demo
 *
 * Runs the installed-to-be binary (LIGHTSOUT) on the demo file, text and JSON,
 * several times; prints the medians and the children's peak resident memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "lo-bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib.h>

#define N_RUNS 9

static double
run_once (const char *lightsout,
          const char *path,
          gboolean    json)
{
  const char *argv[] = { lightsout, "roi", path, json ? "--json" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("%s", error->message);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("lightsout roi failed on %s", path);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  const char *lightsout = g_getenv ("LIGHTSOUT");
  g_autofree char *path = NULL;
  double text[N_RUNS], json[N_RUNS];
  struct rusage usage;

  if (lightsout == NULL || g_getenv ("LO_SOURCE_ROOT") == NULL)
    {
      fprintf (stderr, "bench-roi: set LIGHTSOUT and LO_SOURCE_ROOT (meson test --benchmark does)\n");
      return 1;
    }
  path = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "data", "demo", "harbor-logistics.lightsout", NULL);

  for (guint i = 0; i < N_RUNS; i++)
    {
      text[i] = run_once (lightsout, path, FALSE);
      json[i] = run_once (lightsout, path, TRUE);
    }
  lo_bench_sort (text, N_RUNS);
  lo_bench_sort (json, N_RUNS);
  getrusage (RUSAGE_CHILDREN, &usage);

  printf ("lightsout roi on the demo (7 processes, 10000 draws each), %d runs:\n", N_RUNS);
  printf ("  text: median %.1f ms (min %.1f, max %.1f)\n", text[N_RUNS / 2], text[0], text[N_RUNS - 1]);
  printf ("  json: median %.1f ms (min %.1f, max %.1f)\n", json[N_RUNS / 2], json[0], json[N_RUNS - 1]);
  printf ("  peak memory of one run %ld KiB\n", usage.ru_maxrss);

  return 0;
}
