/* lo-render.h: charts and the report, drawn with cairo and pango (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include "lo-core.h"

G_BEGIN_DECLS

#define LO_RENDER_ERROR (lo_render_error_quark ())
GQuark lo_render_error_quark (void);

G_END_DECLS
