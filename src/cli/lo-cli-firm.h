/* lo-cli-firm.h: the firm's profile for `report` (SPEC §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-io.h"

G_BEGIN_DECLS

/* The profile the report is sent with: @path (--profile) when given, else
 * the one the window saved, if any; then @consultant and @logo (may be
 * NULL) override single fields. Returns NULL with @error set when the
 * profile cannot be read or a field is refused (the message names the file
 * and the key); an empty profile when there is none. */
LoFirmProfile *lo_cli_firm_profile (const char  *path,
                                    const char  *consultant,
                                    const char  *logo,
                                    GError     **error);

/* Whether @path names a PNG (by its ending, any case). */
gboolean       lo_cli_firm_logo_is_png   (const char *path);
/* Says on standard error that the cover leaves the SVG logo @path out. */
void           lo_cli_firm_warn_svg_logo (const char *path);

G_END_DECLS
