/* lo-analysis.h: everything computed from one engagement for one assessment
 *
 * A LoAnalysis is the one place where a score, the roadmap and the portfolio
 * are computed: the window (through its client session), the report and the
 * CLI all take one. It is immutable once made and reference-counted, so it can
 * be handed between threads and kept by as many views as like.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lo-bank.h"
#include "lo-engagement.h"
#include "lo-score.h"
#include "lo-roadmap.h"
#include "lo-roi.h"
#include "lo-programme.h"

G_BEGIN_DECLS

/* The question bank @assessment was taken with (its bank id, and later its
 * edition), or NULL and @error set. Called in the thread that calls
 * lo_analysis_new() or lo_analysis_new_async(), never in a worker. */
typedef LoBank *(*LoBankLookupFunc) (const LoAssessment *assessment,
                                     gpointer            user_data,
                                     GError            **error);

typedef enum
{
  LO_ANALYSIS_NONE    = 0,
  /* Keep going when a part fails: a missing bank or an assessment that does
   * not score leaves the score and the roadmap NULL, invalid process inputs
   * leave the portfolio NULL; the errors are kept
   * (lo_analysis_get_assessment_error(), lo_analysis_get_portfolio_error()).
   * For the window, which shows what it can. Without it, any of these fails
   * the analysis. */
  LO_ANALYSIS_PARTIAL = 1 << 0,
  /* The chosen assessment's score alone, for callers that show nothing
   * else (`lightsout score`): no previous score, roadmap, portfolio or
   * programme — their getters return NULL, and the processes are not
   * computed, so invalid process inputs fail nothing. */
  LO_ANALYSIS_SCORE_ONLY = 1 << 1,
} LoAnalysisFlags;

typedef struct
{
  guint           draws;  /* Monte Carlo draws per process; 0 = no Monte Carlo */
  guint64         seed;
  LoAnalysisFlags flags;
  /* How many processes get a per-process Monte Carlo: the ones of highest
   * expected NPV (equal NPVs: file order); 0 = every process. The programme's
   * Monte Carlo (SPEC §2b) draws every counted process whatever the limit.
   * The report sets it to the processes it details. */
  guint           monte_carlo_limit;
} LoAnalysisOptions;

typedef struct _LoAnalysis LoAnalysis;

#define LO_TYPE_ANALYSIS (lo_analysis_get_type ())
GType          lo_analysis_get_type (void) G_GNUC_CONST;

/* Analyses @engagement for the assessment @assessment_id, or for the latest
 * one (by date, equal dates by file order: SPEC §1) when it is NULL. An
 * engagement without assessments gives an analysis with a portfolio (none
 * with LO_ANALYSIS_SCORE_ONLY) and no score or roadmap. Fails with LO_CORE_ERROR_UNKNOWN_ID naming @assessment_id
 * when the engagement has no such assessment, with @lookup's error when the
 * bank is missing, and with the score's or the portfolio's error (see
 * LO_ANALYSIS_PARTIAL). @options may be NULL (no Monte Carlo). The analysis
 * keeps a reference on @engagement, which must not change afterwards. */
LoAnalysis    *lo_analysis_new        (LoEngagement            *engagement,
                                       LoBankLookupFunc         lookup,
                                       gpointer                 user_data,
                                       const char              *assessment_id,
                                       const LoAnalysisOptions *options,
                                       GCancellable            *cancellable,
                                       GError                 **error);
/* The same, computed in a GTask thread (Monte Carlo takes a while). The
 * assessment is chosen and @lookup called before this returns, in the calling
 * thread; a failure there is reported through @callback. */
void           lo_analysis_new_async  (LoEngagement            *engagement,
                                       LoBankLookupFunc         lookup,
                                       gpointer                 user_data,
                                       const char              *assessment_id,
                                       const LoAnalysisOptions *options,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 callback_data);
LoAnalysis    *lo_analysis_new_finish (GAsyncResult            *result,
                                       GError                 **error);

LoAnalysis    *lo_analysis_ref        (LoAnalysis *self);
void           lo_analysis_unref      (LoAnalysis *self);

/* The engagement analysed. */
LoEngagement  *lo_analysis_get_engagement (const LoAnalysis *self);
/* The chosen assessment (borrowed from the engagement), NULL without one. */
LoAssessment  *lo_analysis_get_assessment (const LoAnalysis *self);
/* The assessment dated before it, NULL without one. */
LoAssessment  *lo_analysis_get_previous_assessment (const LoAnalysis *self);
/* The chosen assessment's bank; NULL without an assessment or (partial) when
 * it is missing. */
LoBank        *lo_analysis_get_bank       (const LoAnalysis *self);
/* The chosen assessment's score; NULL without one. */
LoScore       *lo_analysis_get_score      (const LoAnalysis *self);
/* The previous assessment's score, for comparison: only when it was taken
 * with the same bank and scores; else NULL (always with
 * LO_ANALYSIS_SCORE_ONLY). */
LoScore       *lo_analysis_get_previous_score (const LoAnalysis *self);
/* The roadmap from the score, scheduled by the programme (SPEC §1
 * "Schedule"; unscheduled when the portfolio is missing); NULL without a
 * score and with LO_ANALYSIS_SCORE_ONLY. */
LoRoadmap     *lo_analysis_get_roadmap    (const LoAnalysis *self);
/* Every process's figures, totals and build order; NULL only when partial
 * or with LO_ANALYSIS_SCORE_ONLY. */
LoPortfolio   *lo_analysis_get_portfolio  (const LoAnalysis *self);
/* The programme (SPEC §2b): the included processes on the roadmap's
 * schedule, and the money that follows it; NULL only when partial and the
 * portfolio or the programme failed, or with LO_ANALYSIS_SCORE_ONLY. */
LoProgramme   *lo_analysis_get_programme  (const LoAnalysis *self);
/* The figures of process @process_id, NULL when unknown or no portfolio. */
LoProcessRoi  *lo_analysis_lookup_roi     (const LoAnalysis *self,
                                           const char       *process_id);
/* Why there is no score (partial analyses), else NULL. */
const GError  *lo_analysis_get_assessment_error (const LoAnalysis *self);
/* Why there is no portfolio (partial analyses), else NULL. */
const GError  *lo_analysis_get_portfolio_error  (const LoAnalysis *self);
/* The options it was made with. */
const LoAnalysisOptions *lo_analysis_get_options (const LoAnalysis *self);

/* A LoBankLookupFunc for callers that already hold the bank: gives
 * @bank (a LoBank*) for every assessment, whatever bank it names; NULL @bank
 * fails with LO_CORE_ERROR_MISSING. */
LoBank        *lo_analysis_lookup_fixed_bank (const LoAssessment *assessment,
                                              gpointer            bank,
                                              GError            **error);

/* The assessment of @engagement with id @assessment_id, or the latest one when
 * it is NULL; NULL and LO_CORE_ERROR_UNKNOWN_ID naming the id when there is no
 * such assessment (NULL and no error: no assessment at all). */
LoAssessment  *lo_analysis_choose_assessment (const LoEngagement *engagement,
                                              const char         *assessment_id,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoAnalysis, lo_analysis_unref)

G_END_DECLS
