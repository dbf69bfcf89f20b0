/* lo-results-page.h: the level, the charts, targets and the comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-session-page.h"

#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_RESULTS_PAGE (lo_results_page_get_type ())
/* Shows what its "session" (LoClientSession, construct-only) holds. */
G_DECLARE_FINAL_TYPE (LoResultsPage, lo_results_page, LO, RESULTS_PAGE, LoSessionPage)


G_END_DECLS
