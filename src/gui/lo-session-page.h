/* lo-session-page.h: the base of the pages that show a LoClientSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-client-session.h"

G_BEGIN_DECLS

#define LO_TYPE_SESSION_PAGE (lo_session_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LoSessionPage, lo_session_page, LO, SESSION_PAGE, AdwBin)

/* A page follows its "session" (construct-only): update() runs when it is
 * given, then after each reload of the session while the page is mapped; a
 * reload while it is not (another page is on screen) waits for the page's
 * next map, so that a change never rebuilds or lays out pages nobody sees.
 * The pages show an assessment: update() gets the session's store, client
 * and analysis when the analysis has a score, else NULL, 0 and NULL. */
struct _LoSessionPageClass
{
  AdwBinClass parent_class;

  void (*update) (LoSessionPage *self,
                  LoStore       *store,
                  gint64         client,
                  LoAnalysis    *analysis);
};

LoClientSession *lo_session_page_get_session (LoSessionPage *self);

/* Replaces the references in *@assessment, *@bank and *@score by new ones
 * to @analysis's (NULL when @analysis is NULL or lacks the part): what a
 * page keeps of the analysis it was last updated with. NULL @analysis
 * clears them, as in finalize. */
void             lo_session_page_hold_parts (LoAnalysis    *analysis,
                                             LoAssessment **assessment,
                                             LoBank       **bank,
                                             LoScore      **score);

/* The keys of the pages that take answers: 0 (don't know) and 1 … 5 on
 * the keyboard and the keypad, and N (not applicable) activate
 * "@prefix.answer" with the answer; Page Down and Page Up activate
 * "@prefix.next" and "@prefix.previous". */
void             lo_session_page_class_add_answer_keys (GtkWidgetClass *widget_class,
                                                        const char     *prefix);

G_END_DECLS
