/* lo-schedule-private.h: the schedule shared by lo-schedule.c and lo-programme.c
 *
 * Not part of the contract: lo_programme_compute() and lo_roadmap_schedule()
 * are the public ways in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-roi.h"

/* Comparisons of times (SPEC §1 and §2b) */
#define LO_SCHEDULE_EPSILON 1e-9

typedef struct
{
  int    lane;          /* −1 when not included */
  double start_week;    /* weeks from week 0; NAN when not included */
  double go_live_week;
} LoScheduleSlot;

typedef struct
{
  double build_start_week;  /* T_b in weeks */
  double approval_end_week; /* T₅ in weeks; NAN when there is none */
  double builds_weeks;      /* E */
} LoSchedulePlan;

/* Schedules the included processes of @portfolio's sequence (@included[i] for
 * sequence index i) in @parallel_builds lanes and, when @roadmap is not NULL,
 * the roadmap's steps in place: durations (@step_weeks[level] when > 0, may be
 * NULL), start weeks, the processes each step handles and the preparations.
 * @slots has one entry per sequence index. */
void lo_schedule_plan (LoRoadmap         *roadmap,
                       const LoPortfolio *portfolio,
                       const int         *step_weeks,
                       int                parallel_builds,
                       const gboolean    *included,
                       LoScheduleSlot    *slots,
                       LoSchedulePlan    *plan);
