/* lo-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"

int
lo_cli_report (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout report: not implemented yet\n");
  return 1;
}

int
lo_cli_chart (int    argc,
         char **argv)
{
  /* TODO: to be written */
  fprintf (stderr, "lightsout chart: not implemented yet\n");
  return 1;
}
