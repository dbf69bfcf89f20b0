/* test-montecarlo.c: Monte Carlo's block generator is GRand, draw for draw
 *
 * lo-montecarlo.c produces GLib's Mersenne Twister sequence 624 words at a
 * time instead of calling g_rand_double() once a draw; a seed must give the
 * same figures as GRand would, on every machine. The reference here is GRand
 * itself, seeded with the array the generator documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lo-core.h"
#include "lo-montecarlo-private.h"

#define N_DRAWS 100000

static void
assert_same_as_grand (guint64 seed)
{
  guint32 key[2] = { (guint32) (seed & 0xffffffffu), (guint32) (seed >> 32) };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (key, 2);
  g_autofree double *fast = g_new (double, N_DRAWS);

  lo_monte_carlo_uniforms (seed, fast, N_DRAWS);
  for (guint i = 0; i < N_DRAWS; i++)
    {
      double expected = g_rand_double (rand);

      /* bit for bit, not within a tolerance */
      if (memcmp (&fast[i], &expected, sizeof expected) != 0)
        g_error ("seed %" G_GUINT64_FORMAT ", draw %u: %.17g, GRand gives %.17g",
                 seed, i, fast[i], expected);
    }
}

static void
test_sequence_seeds (void)
{
  const guint64 seeds[] = {
    0, 1, 42, 20240611,
    G_GUINT64_CONSTANT (0x100000000),          /* only the high word set */
    G_GUINT64_CONSTANT (0x123456789abcdef0),
    G_MAXUINT64,
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    assert_same_as_grand (seeds[i]);
}

/* The uniforms are in [0, 1) and not all alike: a generator stuck on one value
 * or giving 1.0 would fail the comparison too, but say so plainly here. */
static void
test_sequence_range (void)
{
  g_autofree double *u = g_new (double, N_DRAWS);
  double low = 1, high = 0, sum = 0;

  lo_monte_carlo_uniforms (7, u, N_DRAWS);
  for (guint i = 0; i < N_DRAWS; i++)
    {
      g_assert_cmpfloat (u[i], >=, 0.0);
      g_assert_cmpfloat (u[i], <, 1.0);
      low = MIN (low, u[i]);
      high = MAX (high, u[i]);
      sum += u[i];
    }
  g_assert_cmpfloat (low, <, 0.001);
  g_assert_cmpfloat (high, >, 0.999);
  /* the mean of 100 000 uniforms is 0.5 ± 0.0009 (one standard deviation) */
  g_assert_cmpfloat_with_epsilon (sum / N_DRAWS, 0.5, 0.005);
}

/* Fewer draws than one block, and a count that ends inside a block, give the
 * start of the same sequence. */
static void
test_sequence_prefix (void)
{
  double few[5], more[700];

  lo_monte_carlo_uniforms (99, few, G_N_ELEMENTS (few));
  lo_monte_carlo_uniforms (99, more, G_N_ELEMENTS (more));
  g_assert_cmpmem (few, sizeof few, more, sizeof few);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/montecarlo/sequence/seeds", test_sequence_seeds);
  g_test_add_func ("/montecarlo/sequence/range", test_sequence_range);
  g_test_add_func ("/montecarlo/sequence/prefix", test_sequence_prefix);

  return g_test_run ();
}
