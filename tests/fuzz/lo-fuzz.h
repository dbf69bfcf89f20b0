/* lo-fuzz.h: what every fuzz target shares
 *
 * Each target defines LLVMFuzzerTestOneInput (). Built with -Dfuzzing=true it
 * links libFuzzer; otherwise fuzz-main.c gives it a main () that feeds the
 * files and folders named on the command line, so the seed corpus runs as an
 * ordinary meson test (GLib's pattern).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
