/* lo-roadmap-page.h: the steps from today's level to lights-out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_ROADMAP_PAGE (lo_roadmap_page_get_type ())
G_DECLARE_FINAL_TYPE (LoRoadmapPage, lo_roadmap_page, LO, ROADMAP_PAGE, AdwBin)

/* Same shape as lo_results_page_set_data(). */
void         lo_roadmap_page_set_data        (LoRoadmapPage *self,
                                              LoStore       *store,
                                              gint64         client,
                                              LoEngagement  *engagement,
                                              LoScore       *score,
                                              LoScore       *previous);
/* Moves the process at @from to @to in the build order and saves it as the
 * client's own order, set by hand (what a drag or Alt+Up/Down does): the
 * store's engagement then has custom_order set. */
gboolean     lo_roadmap_page_move            (LoRoadmapPage *self,
                                              guint          from,
                                              guint          to);
/* The build order shown, process ids (transfer none). */
GPtrArray   *lo_roadmap_page_get_order       (LoRoadmapPage *self);
LoRoadmap   *lo_roadmap_page_get_roadmap     (LoRoadmapPage *self);

/* Builds and schedules the roadmap of @score with @portfolio's sequence;
 * NULL without a score. (transfer full) */
LoRoadmap   *lo_roadmap_for_portfolio        (LoScore       *score,
                                              LoPortfolio   *portfolio);

G_END_DECLS
