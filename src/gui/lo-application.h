/* lo-application.h: the Lights Out desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_APPLICATION (lo_application_get_type ())
G_DECLARE_FINAL_TYPE (LoApplication, lo_application, LO, APPLICATION, AdwApplication)

LoApplication *lo_application_new       (void);
/* The database the windows show; NULL when it could not be opened. */
LoStore       *lo_application_get_store (LoApplication *self);

/* The program's one GSettings, held by the application: @self's, or with
 * @self NULL the running (default) application's. NULL when the schema is
 * not installed or there is no LoApplication (a widget made on its own);
 * callers then use the schema's defaults. (transfer none) */
GSettings     *lo_application_get_settings (LoApplication *self);

int            lo_application_run       (int    argc,
                                         char **argv);

/* With LIGHTSOUT_BENCH_FIRST_FRAME set, prints "mark WHAT <CLOCK_MONOTONIC µs>"
 * for bench-gui-startup's breakdown of the start-up; otherwise does nothing. */
void           lo_application_mark      (const char *what);

G_END_DECLS
