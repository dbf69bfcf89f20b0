/* lo-startup.h: what both programs (lightsout, lightsout-gui) do first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the message catalogue (LIGHTSOUT_LOCALEDIR overrides the installed
 * one) and sets the locale from the environment, as both programs need it. */
void lo_startup_locale (void);

G_END_DECLS
