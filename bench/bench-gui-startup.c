/* bench-gui-startup.c: launch → first frame of the window with the demo loaded
 *
 * Starts `lightsout demo.lightsout` on a fresh database, under Xvfb with the
 * cairo renderer, with LIGHTSOUT_BENCH_FIRST_FRAME set: the application prints
 * the CLOCK_MONOTONIC time of its first frame after the import, and its
 * resident memory, then quits. Targets: under 400 ms and under 80 MB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "lo-bench-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#define RUNS 11
#define MAX_MARKS 16

/* The marks the application prints (lo_application_mark), in order of first
 * appearance, with their time from launch in each run. */
typedef struct
{
  char  *what;
  double ms[RUNS];
  int    n;
} Mark;

static Mark marks[MAX_MARKS];
static int n_marks;

static void
add_mark (const char *what,
          double      ms)
{
  int i;

  for (i = 0; i < n_marks; i++)
    if (g_str_equal (marks[i].what, what))
      break;
  if (i == n_marks)
    {
      if (n_marks == MAX_MARKS)
        return;
      marks[n_marks++].what = g_strdup (what);
    }
  if (marks[i].n < RUNS)
    marks[i].ms[marks[i].n++] = ms;
}

int
main (int    argc,
      char **argv)
{
  const char *lightsout = g_getenv ("LIGHTSOUT");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *bin_dir = NULL;
  g_autofree char *schema_dir = NULL;
  double ms[RUNS], mb[RUNS];
  int status = 0;

  if (lightsout == NULL)
    {
      fprintf (stderr, "bench-gui-startup: set LIGHTSOUT to the built binary\n");
      return 1;
    }
  if (g_getenv ("DISPLAY") == NULL)
    {
      /* Re-run under a private X server, started once for all runs, and a
       * private session bus as a desktop has one: without a bus GLib
       * autolaunches dbus-launch in every run, which a user never pays. */
      const char *xvfb[] = { "dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                             argv[0], NULL };
      g_autofree char *dbus = g_find_program_in_path ("dbus-run-session");
      const char **cmd = g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL || dbus == NULL ? xvfb + 2 : xvfb;

      if (!g_spawn_sync (NULL, (char **) cmd, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &status, &error))
        {
          fprintf (stderr, "bench-gui-startup: xvfb-run: %s\n", error->message);
          return 77;
        }
      return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
    }

  tmp = g_dir_make_tmp ("lo-bench-gui-XXXXXX", &error);
  g_assert_no_error (error);
  demo = g_build_filename (tmp, "demo.lightsout", NULL);
  {
    const char *write_demo[] = { lightsout, "demo", "-o", demo, NULL };

    if (!g_spawn_sync (NULL, (char **) write_demo, NULL, 0, NULL, NULL, NULL, NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      {
        fprintf (stderr, "bench-gui-startup: lightsout demo: %s\n", error->message);
        return 1;
      }
  }
  bin_dir = g_path_get_dirname (lightsout);
  schema_dir = g_build_filename (bin_dir, "..", "data", NULL);

  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *db = g_strdup_printf ("%s/run-%d.db", tmp, run);
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *out = NULL;
      const char *line;
      gint64 start, frame = 0;
      long rss = 0;

      g_subprocess_launcher_setenv (launcher, "LIGHTSOUT_DB", db, TRUE);
      g_subprocess_launcher_setenv (launcher, "LIGHTSOUT_BENCH_FIRST_FRAME", "1", TRUE);
      g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
      g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
      g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
      g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
      g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
      g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
      start = g_get_monotonic_time ();
      process = g_subprocess_launcher_spawn (launcher, &error, lightsout, demo, NULL);
      if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
        {
          fprintf (stderr, "bench-gui-startup: %s\n", error->message);
          return 1;
        }
      line = out ? strstr (out, "first-frame-monotonic-us ") : NULL;
      if (line == NULL || sscanf (line, "first-frame-monotonic-us %" G_GINT64_FORMAT " rss-kb %ld", &frame, &rss) != 2)
        {
          fprintf (stderr, "bench-gui-startup: the window reported no frame (output: %s)\n", out ? out : "");
          return 1;
        }
      ms[run] = (frame - start) / 1000.0;
      {
        g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

        for (int i = 0; lines[i] != NULL; i++)
          {
            char what[64];
            gint64 at;

            /* The first time a mark appears in this run. */
            if (sscanf (lines[i], "mark %63s %" G_GINT64_FORMAT, what, &at) == 2)
              {
                gboolean seen = FALSE;

                for (int j = 0; j < i; j++)
                  if (g_str_has_prefix (lines[j], "mark ") && strncmp (lines[j] + 5, what, strlen (what)) == 0
                      && lines[j][5 + strlen (what)] == ' ')
                    seen = TRUE;
                if (!seen)
                  add_mark (what, (at - start) / 1000.0);
              }
          }
      }
      mb[run] = rss / 1024.0;
    }

  lo_bench_sort (ms, RUNS);
  lo_bench_sort (mb, RUNS);
  printf ("gui startup to first frame with the demo loaded: median %.0f ms (min %.0f, max %.0f) over %d runs; target < 400 ms\n",
          ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
  printf ("where the time goes (median ms from launch at the end of each step):\n");
  for (int i = 0; i < n_marks; i++)
    {
      lo_bench_sort (marks[i].ms, marks[i].n);
      printf ("  %-20s %6.1f\n", marks[i].what, marks[i].ms[marks[i].n / 2]);
      g_free (marks[i].what);
    }
  printf ("gui resident memory after the first frame: median %.1f MB (max %.1f); target < 80 MB\n",
          mb[RUNS / 2], mb[RUNS - 1]);
  {
    g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp, name, NULL);

        g_remove (path);
      }
    g_rmdir (tmp);
  }
  return ms[RUNS / 2] < 400 && mb[RUNS / 2] < 80 ? 0 : 1;
}
