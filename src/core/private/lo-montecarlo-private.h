/* lo-montecarlo-private.h: Monte Carlo's random numbers, for the core tests
 *
 * Not installed and not on other layers' include path: tests/core includes it
 * to check that the block generator gives GRand's sequence draw for draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first @n uniforms lo_roi_monte_carlo() draws for @seed: those of
 * g_rand_new_with_seed_array ({ low 32 bits, high 32 bits }, 2) followed by
 * g_rand_double(), one after another. */
void lo_monte_carlo_uniforms (guint64 seed,
                              double *out,
                              gsize   n);

G_END_DECLS
