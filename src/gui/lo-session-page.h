/* lo-session-page.h: pages that show what a LoClientSession holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lo-client-session.h"

G_BEGIN_DECLS

typedef void (*LoSessionPageUpdate) (GtkWidget       *page,
                                     LoClientSession *session);

/* Makes @page follow @session: @update runs now, then after each reload of
 * the session while the page is mapped; a reload while it is not (another
 * page is on screen) waits for the page's next map, so that a change never
 * rebuilds or lays out pages nobody sees. */
void  lo_session_page_bind (GtkWidget           *page,
                            LoClientSession     *session,
                            LoSessionPageUpdate  update);

/* The "session" property every page has (construct-only). */
GParamSpec *lo_session_page_param_spec (void);

G_END_DECLS
