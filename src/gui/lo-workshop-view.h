/* lo-workshop-view.h: one question at a time, large, for a projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-session-page.h"

#include "lo-core.h"

G_BEGIN_DECLS

#define LO_TYPE_WORKSHOP_VIEW (lo_workshop_view_get_type ())
/* Shows what its "session" (LoClientSession, construct-only) holds. */
G_DECLARE_FINAL_TYPE (LoWorkshopView, lo_workshop_view, LO, WORKSHOP_VIEW, LoSessionPage)

const char *lo_workshop_view_get_respondent (LoWorkshopView *self);
void        lo_workshop_view_set_respondent (LoWorkshopView *self,
                                             const char     *respondent);
guint       lo_workshop_view_get_position   (LoWorkshopView *self);
void        lo_workshop_view_set_position   (LoWorkshopView *self,
                                             guint           position);
/* Blind mode: votes hidden until revealed, then the agreed answer. */
gboolean    lo_workshop_view_get_blind      (LoWorkshopView *self);
void        lo_workshop_view_set_blind      (LoWorkshopView *self,
                                             gboolean        blind);
gboolean    lo_workshop_view_get_revealed   (LoWorkshopView *self);
/* The first respondent, at the first question not yet agreed (blind) or not
 * yet answered by everyone. */
void        lo_workshop_view_start          (LoWorkshopView *self);

G_END_DECLS
