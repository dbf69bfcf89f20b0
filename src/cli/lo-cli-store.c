/* lo-cli-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"

int
lo_cli_import (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout import: not implemented yet\n");
  return 1;
}

int
lo_cli_export (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout export: not implemented yet\n");
  return 1;
}

int
lo_cli_list (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout list: not implemented yet\n");
  return 1;
}
