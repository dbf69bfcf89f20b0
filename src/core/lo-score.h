/* lo-score.h: scoring an assessment against its bank (SPEC §1, normative)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-bank.h"
#include "lo-engagement.h"

G_BEGIN_DECLS

typedef enum
{
  LO_QUESTION_ANSWERED,     /* at least one respondent gave a level (or a level was agreed) */
  LO_QUESTION_UNKNOWN,      /* nobody gave a level and nobody said n/a: a gap in knowledge
                             * (or "don't know" was agreed) */
  LO_QUESTION_NA,           /* nobody gave a level, at least one said not applicable
                             * (or "not applicable" was agreed) */
} LoQuestionState;

typedef struct
{
  const LoQuestion *question;  /* borrowed from the bank */
  LoQuestionState   state;
  guint             n_given;     /* respondents who gave a level */
  guint             n_dont_know; /* "don't know" or no answer at all */
  guint             n_na;
  double            combined;    /* mean of the levels given; NAN when none */
  int               min;         /* 0 when none */
  int               max;
  int               spread;      /* max − min of the levels given, 0 when fewer than 2 */
  gboolean          contested;   /* spread ≥ 2 */
  const LoAgreed   *agreed;      /* the agreed answer (borrowed from the
                                  * assessment), NULL when none; when set it
                                  * decides state and combined, the
                                  * respondents' answers still the spread */
} LoQuestionScore;

typedef struct
{
  const LoDimension *dimension;  /* borrowed from the bank */
  gboolean           has_score;
  double             score;      /* NAN without a score */
  int                level;      /* ⌊score + 1e-9⌋, 0 without a score */
  int                target;     /* set target, else min(level + 1, 5); 0 when none */
  gboolean           target_set; /* the user set it */
  guint              answered;   /* questions with at least one level given */
  guint              questions;  /* questions of the dimension in the bank */
} LoDimensionScore;

typedef struct
{
  gatomicrefcount   ref_count;
  LoBank           *bank;          /* owned ref */
  LoAssessment     *assessment;    /* owned ref */
  guint             n_questions;
  LoQuestionScore  *questions;     /* bank order */
  guint             n_dimensions;
  LoDimensionScore *dimensions;    /* bank order */
  gboolean          complete;      /* every dimension has a score */
  int               overall_level; /* lowest dimension level; 0 when incomplete */
  double            overall_score; /* mean of dimension scores; NAN when incomplete */
  int               weakest;       /* index of the weakest dimension; -1 when incomplete */
  GPtrArray        *contested;     /* const char* question ids, bank order (borrowed) */
  GPtrArray        *missing;       /* const LoDimension* without a score (borrowed) */
} LoScore;

#define LO_TYPE_SCORE (lo_score_get_type ())
GType    lo_score_get_type (void) G_GNUC_CONST;

/* Fails (LO_CORE_ERROR_UNKNOWN_ID / _INVALID) on an answer or agreed answer to a
 * question the bank does not have, on "na" for a question that does not allow
 * it, on a level out of range, a note over LO_NOTE_MAX_CHARS or a target for an
 * unknown dimension; the message names the respondent and the question. */
gboolean  lo_assessment_check (const LoAssessment *assessment,
                               const LoBank       *bank,
                               GError            **error);

LoScore  *lo_score_compute    (LoBank        *bank,
                               LoAssessment  *assessment,
                               GError       **error);
LoScore  *lo_score_ref        (LoScore *score);
void      lo_score_unref      (LoScore *score);

/* The level, as the model defines it, for a score: ⌊score + 1e-9⌋ clamped to 1 … 5. */
int       lo_level_for_score  (double score);

const LoDimensionScore *lo_score_lookup_dimension (const LoScore *score,
                                                   const char    *dimension_id);
const LoQuestionScore  *lo_score_lookup_question  (const LoScore *score,
                                                   const char    *question_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoScore, lo_score_unref)

G_END_DECLS
