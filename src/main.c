/* main.c: the lightsout command — a subcommand runs here, headless; the window
 * is another program, which this one becomes when asked for it
 *
 * The command line links no GTK, cairo or pango: a subcommand pays for nothing
 * it does not use.  report and chart, which draw, load the lightsout-draw
 * module (cairo, pango and the renderer) first; a report written as a Word
 * document or a workbook loads the lightsout-office module from there too
 * (lo-cli-report.c).  Without a subcommand — no
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
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lo-cli.h"
#include "lo-cli-module.h"
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

/* report and chart: loads the drawing module and runs them there.  Its
 * symbols are global (no G_MODULE_BIND_LOCAL): the office module, which
 * `report -o X.docx` loads from it, draws the charts with its render code. */
static int
run_drawing (int    argc,
             char **argv)
{
  LoCliRunFunc run = lo_cli_module_symbol (LO_CLI_DRAWING_MODULE, "lo_cli_draw_main",
                                           G_MODULE_BIND_LAZY);

  return run != NULL ? run (argc, argv) : 1;
}

#if HAVE_GUI
/* Becomes @name with the same argv; returns only when that fails.  argv[0]
 * stays "lightsout": the window's program name (X11's WM_CLASS, the
 * application's name) is the command the user ran. */
static int
exec_program (const char  *name,
              char       **argv)
{
  g_autofree char *program = lo_cli_find_beside (name, LIBEXECDIR);

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
