/* lightsout-render.c: the program behind `lightsout report` and `lightsout
 * chart`, the commands that draw with cairo and pango; `lightsout` execs it
 * with the same arguments (see main.c).  Installed in libexecdir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-cli.h"
#include "lo-startup.h"

int
main (int    argc,
      char **argv)
{
  lo_startup_locale ();
  lo_cli_set_drawing (lo_cli_draw_main);
  return lo_cli_main (argc, argv);
}
