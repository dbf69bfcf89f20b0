/* lo-sidebar.h: the clients and their dated assessments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-client-session.h"

G_BEGIN_DECLS

#define LO_TYPE_SIDEBAR (lo_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (LoSidebar, lo_sidebar, LO, SIDEBAR, AdwBin)

/* An item of the sidebar's list: a client, or an assessment of the client
 * shown (listed under it). */
#define LO_TYPE_SIDEBAR_ITEM (lo_sidebar_item_get_type ())
G_DECLARE_FINAL_TYPE (LoSidebarItem, lo_sidebar_item, LO, SIDEBAR_ITEM, GObject)

/* Signals:
 *   ::activated (LoSidebar *, gint64 client, const char *assessment)
 *     a row was chosen; @assessment is NULL for a client's own row. */

/* Lists the clients of @session's store, and the assessments of the client
 * @session shows. */
void      lo_sidebar_set_session  (LoSidebar       *self,
                                   LoClientSession *session);
/* Selects the row without emitting ::activated. */
void      lo_sidebar_select       (LoSidebar  *self,
                                   gint64      client,
                                   const char *assessment);
void      lo_sidebar_focus_search (LoSidebar  *self);
/* Re-reads the list from the store. */
void      lo_sidebar_reload       (LoSidebar  *self);
/* The rows' items (LoSidebarItem), in order; only the rows on screen have
 * widgets. (transfer none) */
GListModel *lo_sidebar_get_items  (LoSidebar  *self);

gint64      lo_sidebar_item_get_client      (LoSidebarItem *item);
/* NULL for a client's own row. */
const char *lo_sidebar_item_get_assessment  (LoSidebarItem *item);
/* An assessment row's number of respondents. */
guint       lo_sidebar_item_get_respondents (LoSidebarItem *item);

G_END_DECLS
