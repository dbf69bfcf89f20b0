/* main.c: the lightsout binary — a subcommand runs headless, otherwise the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "lo-cli.h"
#if HAVE_GUI
#include "lo-application.h"
#endif

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LIGHTSOUT_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* LIGHTSOUT_LOCALEDIR lets tests and tools/run use the catalogues of an
   * uninstalled build (<build>/po). */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (lo_cli_wants (argc, argv))
    return lo_cli_main (argc, argv);

#if HAVE_GUI
  return lo_application_run (argc, argv);
#else
  fprintf (stderr, "%s\n", _("lightsout was built without the window (-Dgui=false); give a command:"));
  return lo_cli_main (1, argv);
#endif
}
