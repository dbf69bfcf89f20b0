/* lo-roadmap-page.h: the steps from today's level to lights-out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-session-page.h"

#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_ROADMAP_PAGE (lo_roadmap_page_get_type ())
/* Shows what its "session" (LoClientSession, construct-only) holds. */
G_DECLARE_FINAL_TYPE (LoRoadmapPage, lo_roadmap_page, LO, ROADMAP_PAGE, LoSessionPage)

/* Moves the process at @from to @to in the build order and saves it as the
 * client's own order, set by hand (what a drag or Alt+Up/Down does): the
 * store's engagement then has custom_order set. */
gboolean     lo_roadmap_page_move            (LoRoadmapPage *self,
                                              guint          from,
                                              guint          to);
/* The build order shown, process ids (transfer none). */
GPtrArray   *lo_roadmap_page_get_order       (LoRoadmapPage *self);
LoRoadmap   *lo_roadmap_page_get_roadmap     (LoRoadmapPage *self);


G_END_DECLS
