/* lo-merge.h: respondents who answered elsewhere, merged into an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-bank.h"
#include "lo-engagement.h"

G_BEGIN_DECLS

/* SPEC §2c: at most this many respondents per assessment. */
#define LO_MAX_RESPONDENTS 1000

/* Adds the respondents of every assessment in @incoming (LoAssessment*) to
 * @into. Every one is checked before anything changes, so on failure @into is
 * as it was: each incoming assessment must have @into's id and bank, its
 * answers must be to questions of @bank (lo_assessment_check: unknown
 * questions are refused by name), and a respondent whose id or name (compared
 * without case) is already in @into, or in another incoming assessment, is
 * refused — unless @replace, which puts the incoming respondent in the place
 * of the one already there. Only respondents are merged: agreed answers and
 * targets stay @into's own. @sources (const char*, one per incoming
 * assessment, may be NULL) name them in messages ("ana.lightsout: …"). */
gboolean lo_assessment_merge (LoAssessment    *into,
                              GPtrArray       *incoming,
                              GPtrArray       *sources,
                              const LoBank    *bank,
                              gboolean         replace,
                              GError         **error);

/* A respondent id made from a name: lower case ASCII letters and digits, other
 * runs of characters as one "-" ("Ana Müller" → "ana-muller"); "respondent"
 * when nothing is left (transfer full). */
char    *lo_respondent_id_from_name (const char *name);

G_END_DECLS
