/* lo-roi-private.h: the benefit formula, shared by lo-roi.c and lo-montecarlo.c
 *
 * One definition of H₀, H₁, S and G (SPEC §2), inline so that Monte Carlo pays
 * no call for it on each of its draws and both files give the same bits.
 * Not installed, not part of the contract in lo-roi.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-roi.h"

typedef struct
{
  double hours_manual;     /* H₀ */
  double hours_remaining;  /* H₁ */
  double hours_saved;      /* S = H₀ − H₁ */
  double gross_benefit;    /* G */
} LoRoiBenefit;

static inline void
lo_roi_benefit_compute (const LoRoiInputs *inputs,
                        double             realisation_rate,
                        LoRoiBenefit      *out)
{
  const double *v = inputs->v;
  double volume = v[LO_INPUT_VOLUME_PER_MONTH];
  double automated = volume * v[LO_INPUT_AUTOMATION_RATE];
  double exceptions = automated * v[LO_INPUT_EXCEPTION_RATE];

  out->hours_manual = volume * v[LO_INPUT_MINUTES_PER_ITEM] / 60.0;
  out->hours_remaining =
    (volume - automated) * v[LO_INPUT_MINUTES_PER_ITEM] / 60.0
    + exceptions * v[LO_INPUT_MINUTES_PER_EXCEPTION] / 60.0
    + (automated - exceptions) * v[LO_INPUT_REVIEW_MINUTES_PER_ITEM] / 60.0
    + v[LO_INPUT_OVERSIGHT_HOURS_PER_MONTH];
  out->hours_saved = out->hours_manual - out->hours_remaining;
  out->gross_benefit =
    out->hours_saved * v[LO_INPUT_HOURLY_COST] * realisation_rate
    + volume * (v[LO_INPUT_ERROR_RATE_BEFORE] - v[LO_INPUT_ERROR_RATE_AFTER])
      * v[LO_INPUT_COST_PER_ERROR];
}
