/* lo-cli-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"

int
lo_cli_validate (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout validate: not implemented yet\n");
  return 1;
}
