/* main.c: the lightsout command — a subcommand runs here, headless; the window
 * and the commands that draw are other programs, which this one becomes
 *
 * The command line links no GTK, cairo or pango: a subcommand pays for nothing
 * it does not use.  Without a subcommand — no argument, a file to open, or an
 * option the window takes (--gapplication-service, --display …) — lightsout
 * execs lightsout-gui with the same arguments; for report and chart it execs
 * lightsout-render.  Both are found beside this program (the build tree) or in
 * libexecdir (installed), so the user still runs one command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lo-cli.h"
#include "lo-startup.h"

#define WINDOW_PROGRAM "lightsout-gui"
#define DRAWING_PROGRAM "lightsout-render"

/* TRUE when argv asks for the window: nothing, an option (the window's
 * GApplication and GTK options), or something that names a file to open — an
 * existing path, a URI, or a name with a '/' or a '.' in it.  A bare word
 * that is none of these is a mistyped command, not a file. */
static gboolean
wants_window (int    argc,
              char **argv)
{
  const char *arg;

  if (argc < 2)
    return TRUE;
  if (lo_cli_wants (argc, argv))
    return FALSE;
  arg = argv[1];
  if (arg[0] == '-')
    return TRUE;
  return strchr (arg, '/') != NULL || strchr (arg, '.') != NULL ||
         g_uri_peek_scheme (arg) != NULL || g_file_test (arg, G_FILE_TEST_EXISTS);
}

/* @name beside this program (/proc/self/exe, so a symlink to an uninstalled
 * build works too), else the installed one. */
static char *
find_program (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *candidate;

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);

      candidate = g_build_filename (dir, name, NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return candidate;
      g_free (candidate);
    }
  candidate = g_build_filename (LIBEXECDIR, name, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
    return candidate;
  g_free (candidate);
  return NULL;
}

/* Becomes @name with the same argv; returns only when that fails.  argv[0]
 * stays "lightsout": the window's program name (X11's WM_CLASS, the
 * application's name) and the messages name the command the user ran. */
static int
exec_program (const char  *name,
              char       **argv)
{
  g_autofree char *program = find_program (name);
  g_autofree char *installed = g_build_filename (LIBEXECDIR, name, NULL);

  if (program == NULL)
    {
      lo_startup_locale ();
      /* TRANSLATORS: %s is a file name, e.g. /usr/libexec/lightsout-gui */
      fprintf (stderr, _("lightsout: %s is missing\n"), installed);
      return 1;
    }
  execv (program, argv);
  lo_startup_locale ();
  /* TRANSLATORS: the first %s is a file name, the second why it could not be run */
  fprintf (stderr, _("lightsout: cannot run %s: %s\n"), program, g_strerror (errno));
  return 1;
}

int
main (int    argc,
      char **argv)
{
  if (wants_window (argc, argv))
    {
#if HAVE_GUI
      return exec_program (WINDOW_PROGRAM, argv);
#else
      lo_startup_locale ();
      fprintf (stderr, "%s\n", _("lightsout was built without the window (-Dgui=false); give a command:"));
      return lo_cli_main (1, argv);
#endif
    }

  /* Straight there, before the locale: report and chart set up their own. */
  if (lo_cli_draws (argv[1]))
    return exec_program (DRAWING_PROGRAM, argv);

  lo_startup_locale ();
  return lo_cli_main (argc, argv);
}
