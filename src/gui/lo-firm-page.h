/* lo-firm-page.h: the preferences' "Your Firm" page (SPEC §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A page that edits the firm's profile and saves it, whole, to
 * lo_firm_profile_default_path() on every applied change. @settings (may be
 * NULL) gets the consultant and a PNG logo too, for what still reads them. */
AdwPreferencesPage *lo_firm_page_new (GSettings *settings);

G_END_DECLS
