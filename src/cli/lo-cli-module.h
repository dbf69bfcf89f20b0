/* lo-cli-module.h: finding the programs and modules `lightsout` runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The drawing module (report, chart: cairo, pango and render) and the office
 * module (report -o .docx or .xlsx: libarchive and libxlsxwriter). */
#define LO_CLI_DRAWING_MODULE "lightsout-draw.so"
#define LO_CLI_OFFICE_MODULE  "lightsout-office.so"

/* @name beside the running program (the build tree), else in @installed_dir;
 * NULL when in neither. */
char    *lo_cli_find_beside   (const char   *name,
                               const char   *installed_dir);
/* Loads the module @name (beside the program, else in <libdir>/lightsout) for
 * good and returns its @symbol; on failure prints a message naming the module
 * file on stderr and returns NULL. */
gpointer lo_cli_module_symbol (const char   *name,
                               const char   *symbol,
                               GModuleFlags  flags);

G_END_DECLS
