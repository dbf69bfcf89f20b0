/* main.c: the lightsout command — a subcommand runs here, headless; the window
 * is another program (lightsout-gui), which this one becomes when asked for it
 *
 * The command line links no GTK: a subcommand pays for nothing it does not
 * use.  Without a subcommand — no argument, a file to open, or an option the
 * window takes (--gapplication-service, --display …) — lightsout execs
 * lightsout-gui with the same arguments, found beside this program (the build
 * tree) or in libexecdir (installed), so the user still runs one command.
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

#if HAVE_GUI
/* lightsout-gui beside this program (/proc/self/exe, so a symlink to an
 * uninstalled build works too), else the installed one. */
static char *
find_window_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *candidate;

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);

      candidate = g_build_filename (dir, WINDOW_PROGRAM, NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return candidate;
      g_free (candidate);
    }
  candidate = g_build_filename (LIBEXECDIR, WINDOW_PROGRAM, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
    return candidate;
  g_free (candidate);
  return NULL;
}

/* Becomes the window program; returns only when that fails. */
static int
exec_window (char **argv)
{
  g_autofree char *program = find_window_program ();

  if (program == NULL)
    {
      /* TRANSLATORS: %s is a file name, e.g. /usr/libexec/lightsout-gui */
      fprintf (stderr, _("lightsout: cannot open the window: %s is missing\n"),
               LIBEXECDIR "/" WINDOW_PROGRAM);
      return 1;
    }
  /* argv[0] stays "lightsout": the window's program name (X11's WM_CLASS,
   * the application's name) is the one the user ran. */
  execv (program, argv);
  /* TRANSLATORS: the first %s is a file name, the second why it could not be run */
  fprintf (stderr, _("lightsout: cannot open the window: %s: %s\n"), program, g_strerror (errno));
  return 1;
}
#endif

int
main (int    argc,
      char **argv)
{
  if (wants_window (argc, argv))
    {
#if HAVE_GUI
      return exec_window (argv);
#else
      lo_startup_locale ();
      fprintf (stderr, "%s\n", _("lightsout was built without the window (-Dgui=false); give a command:"));
      return lo_cli_main (1, argv);
#endif
    }

  lo_startup_locale ();
  return lo_cli_main (argc, argv);
}
