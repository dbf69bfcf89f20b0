/* lo-cli-score.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"

int
lo_cli_score (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout score: not implemented yet\n");
  return 1;
}
