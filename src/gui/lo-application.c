/* lo-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lo-application.h"

int
lo_application_run (int    argc,
                    char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new (APPLICATION_ID, G_APPLICATION_HANDLES_OPEN);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
