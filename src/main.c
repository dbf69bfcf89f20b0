/* main.c: the lightsout command — a subcommand runs here, headless; the window
 * is another program, which this one becomes when asked for it
 *
 * The command line links no GTK, cairo or pango: a subcommand pays for nothing
 * it does not use.  report and chart, which draw, load the lightsout-draw
 * module (cairo, pango and the renderer) first.  Without a subcommand — no
 * argument, a file to open, or an option the window takes
 * (--gapplication-service, --display …) — lightsout execs lightsout-gui with
 * the same arguments.  The module and the window program are found beside this
 * program (the build tree), else in <libdir>/lightsout and libexecdir
 * (installed), so the user still runs one command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lo-cli.h"
#include "lo-startup.h"

#define WINDOW_PROGRAM "lightsout-gui"
#define DRAWING_MODULE "lightsout-draw.so"

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
 * build works too), else in @installed_dir; NULL when in neither. */
static char *
find_beside (const char *name,
             const char *installed_dir)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *candidate;

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);

      candidate = g_build_filename (dir, name, NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        return candidate;
      g_free (candidate);
    }
  candidate = g_build_filename (installed_dir, name, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
    return candidate;
  g_free (candidate);
  return NULL;
}

/* report and chart: loads the drawing module and runs them there. */
static int
run_drawing (int    argc,
             char **argv)
{
  g_autofree char *path = find_beside (DRAWING_MODULE, MODULEDIR);
  LoCliRunFunc run = NULL;
  GModule *module;

  if (path == NULL)
    {
      /* TRANSLATORS: %s is a file name, e.g. /usr/lib/lightsout/lightsout-draw.so */
      fprintf (stderr, _("lightsout: %s is missing\n"), MODULEDIR "/" DRAWING_MODULE);
      return 1;
    }
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, "lo_cli_draw_main", (gpointer *) &run))
    {
      /* TRANSLATORS: the first %s is a file name, the second why it could not be loaded */
      fprintf (stderr, _("lightsout: cannot load %s: %s\n"), path, g_module_error ());
      return 1;
    }
  /* Never unloaded: the fonts and types it registers live until exit. */
  g_module_make_resident (module);
  return run (argc, argv);
}

#if HAVE_GUI
/* Becomes @name with the same argv; returns only when that fails.  argv[0]
 * stays "lightsout": the window's program name (X11's WM_CLASS, the
 * application's name) is the command the user ran. */
static int
exec_program (const char  *name,
              char       **argv)
{
  g_autofree char *program = find_beside (name, LIBEXECDIR);

  if (program == NULL)
    {
      lo_startup_locale ();
      /* TRANSLATORS: %s is a file name, e.g. /usr/libexec/lightsout-gui */
      fprintf (stderr, _("lightsout: %s is missing\n"), LIBEXECDIR "/" WINDOW_PROGRAM);
      return 1;
    }
  execv (program, argv);
  lo_startup_locale ();
  /* TRANSLATORS: the first %s is a file name, the second why it could not be run */
  fprintf (stderr, _("lightsout: cannot run %s: %s\n"), program, g_strerror (errno));
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
      return exec_program (WINDOW_PROGRAM, argv);
#else
      lo_startup_locale ();
      fprintf (stderr, "%s\n", _("lightsout was built without the window (-Dgui=false); give a command:"));
      return lo_cli_main (1, argv);
#endif
    }

  lo_cli_set_drawing (run_drawing);
  lo_startup_locale ();
  return lo_cli_main (argc, argv);
}
