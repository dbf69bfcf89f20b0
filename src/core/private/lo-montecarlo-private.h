/* lo-montecarlo-private.h: Monte Carlo's random numbers, for the core tests,
 * and the triangular draw shared by a process's and the programme's
 * simulations
 *
 * Not installed and not on other layers' include path: tests/core includes it
 * to check that the block generator gives GRand's sequence draw for draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>

#include <glib.h>

#include "lo-engagement.h"

G_BEGIN_DECLS

/* The first @n uniforms lo_roi_monte_carlo() draws for @seed: those of
 * g_rand_new_with_seed_array ({ low 32 bits, high 32 bits }, 2) followed by
 * g_rand_double(), one after another. */
void lo_monte_carlo_uniforms (guint64 seed,
                              double *out,
                              gsize   n);

/* A ranged input, drawn from the triangular distribution (low, mode, high). */
typedef struct
{
  LoInputId id;
  double    low;
  double    high;
  double    split;    /* F(mode) = (mode − low) / (high − low) */
  double    k_low;    /* (high − low)(mode − low) */
  double    k_high;   /* (high − low)(high − mode) */
} LoTriangular;

static inline void
lo_triangular_init (LoTriangular *t,
                    LoInputId     id,
                    double        low,
                    double        mode,
                    double        high)
{
  t->id = id;
  t->low = low;
  t->high = high;
  t->split = (mode - low) / (high - low);
  t->k_low = (high - low) * (mode - low);
  t->k_high = (high - low) * (high - mode);
}

/* @a when @first, else @b; by bits, so that no branch is taken on a coin
 * toss (which side of the mode a draw falls) */
static inline double
lo_pick (gboolean first,
         double   a,
         double   b)
{
  guint64 x, y, mask = -(guint64) (first != 0);
  double out;

  memcpy (&x, &a, sizeof x);
  memcpy (&y, &b, sizeof y);
  x = (x & mask) | (y & ~mask);
  memcpy (&out, &x, sizeof out);
  return out;
}

/* The inverse CDF of @t's distribution at u ∈ [0, 1): both sides are
 * computed and one is picked, since a branch would be mispredicted half the
 * time. */
static inline double
lo_triangular_draw (const LoTriangular *t,
                    double              u)
{
  gboolean left = u < t->split;
  double arg = lo_pick (left, u * t->k_low, (1 - u) * t->k_high);
  double base = lo_pick (left, t->low, t->high);
  double sign = lo_pick (left, 1.0, -1.0);

  return base + sign * sqrt (arg);
}

G_END_DECLS
