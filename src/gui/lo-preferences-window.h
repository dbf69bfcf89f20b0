/* lo-preferences-window.h: currency, paper, defaults for new engagements, cover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_PREFERENCES_WINDOW (lo_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LoPreferencesWindow, lo_preferences_window, LO, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* NULL when the GSettings schema is not installed. */
GtkWidget *lo_preferences_window_new (GtkWindow *parent);

/* Gives a new client the engagement settings the preferences ask for
 * (currency, hours per week, horizon, discount rate). */
gboolean   lo_preferences_apply_to_client (LoStore *store,
                                           gint64   client,
                                           GError **error);

G_END_DECLS
