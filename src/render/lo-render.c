/* lo-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-render.h"

G_DEFINE_QUARK (lo-render-error-quark, lo_render_error)
