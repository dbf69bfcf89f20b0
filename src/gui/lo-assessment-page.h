/* lo-assessment-page.h: answering the questions, dimension by dimension
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-session-page.h"

#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_ASSESSMENT_PAGE (lo_assessment_page_get_type ())
/* Shows what its "session" (LoClientSession, construct-only) holds. */
G_DECLARE_FINAL_TYPE (LoAssessmentPage, lo_assessment_page, LO, ASSESSMENT_PAGE, LoSessionPage)

const char *lo_assessment_page_get_respondent (LoAssessmentPage *self);
void        lo_assessment_page_set_respondent (LoAssessmentPage *self,
                                               const char       *respondent);
/* The current question, an index in bank order. */
guint       lo_assessment_page_get_position   (LoAssessmentPage *self);
void        lo_assessment_page_set_position   (LoAssessmentPage *self,
                                               guint             position);

G_END_DECLS
