/* lo-cli-draw.c: the commands that draw, for the program that links render
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-cli.h"

int
lo_cli_draw_main (int    argc,
                  char **argv)
{
  g_return_val_if_fail (argc >= 2, 2);

  if (g_str_equal (argv[1], "report"))
    return lo_cli_report (argc - 1, argv + 1);
  g_return_val_if_fail (g_str_equal (argv[1], "chart"), 2);
  return lo_cli_chart (argc - 1, argv + 1);
}
