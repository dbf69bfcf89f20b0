/* lightsout-gui.c: the window's program, which `lightsout` execs when it is
 * given no subcommand (see main.c); installed in libexecdir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-application.h"
#include "lo-startup.h"

int
main (int    argc,
      char **argv)
{
  lo_startup_locale ();
  return lo_application_run (argc, argv);
}
