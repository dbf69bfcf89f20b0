/* lo-cli-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"

int
lo_cli_demo (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout demo: not implemented yet\n");
  return 1;
}
