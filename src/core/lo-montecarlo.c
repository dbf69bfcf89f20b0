/* lo-montecarlo.c: uncertainty (SPEC §2): scenarios, Monte Carlo, tornado
 *
 * Monte Carlo is the hot path: 10 000 draws of every process while the user
 * types. Each draw costs a handful of random numbers and an NPV that only
 * integrates the months where the benefit is still ramping; the months at full
 * benefit are one constant flow times a precomputed sum of discount factors.
 * The random numbers are GRand's own sequence (Mersenne Twister MT19937 seeded
 * with an array, two words a double), produced here a block at a time rather
 * than a call a word. Everything lives on the stack or in buffers owned by the
 * call: no globals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lo-core.h"
#include "lo-roi-private.h"
#include "lo-montecarlo-private.h"

#define MAX_HORIZON 240
#define BATCH       64   /* draws computed side by side; divides 1024 */

typedef struct
{
  double            realisation_rate;
  guint             horizon;
  double            factor[MAX_HORIZON + 2];  /* (1 + d)^(−m/12) */
  double            tail[MAX_HORIZON + 2];    /* Σ_{j ≥ m} factor[j]; tail[H + 1] = 0 */
} Discount;

static void
discount_init (Discount         *discount,
               const LoSettings *settings)
{
  guint horizon = settings->horizon_months;
  double q = pow (1 + settings->discount_rate, -1.0 / 12.0);

  discount->realisation_rate = settings->realisation_rate;
  discount->horizon = horizon;
  /* the same running product as lo_roi_npv() */
  discount->factor[0] = 1;
  for (guint m = 1; m <= horizon; m++)
    discount->factor[m] = discount->factor[m - 1] * q;
  discount->tail[horizon + 1] = 0;
  for (guint m = horizon + 1; m-- > 1;)
    discount->tail[m] = discount->tail[m + 1] + discount->factor[m];
}

/* The random numbers: GRand's sequence, bit for bit.
 *
 * g_rand_new_with_seed_array() is MT19937's init_by_array() over the state that
 * init_genrand (19650218) leaves, and g_rand_double() is (w₁ · 2⁻³² + w₂) · 2⁻³²
 * of the next two words w₁, w₂, drawn again from the two after when rounding
 * makes it 1. Through GRand every word is a call into the library; here the
 * state is twisted 624 words at a time and the whole block is turned into
 * doubles in one loop. A double takes two words and a block holds an even
 * number, so no double straddles two blocks. */

#define MT_N        624
#define MT_M        397
#define MT_MATRIX_A 0x9908b0dfu
#define MT_UPPER    0x80000000u
#define MT_LOWER    0x7fffffffu

typedef struct
{
  guint32 state[MT_N];
  double  pool[MT_N / 2];   /* the doubles of the current block */
  guint   n_pool;
  guint   next;
} Twister;

static void
twister_seed (Twister       *tw,
              const guint32 *key,
              guint          key_length)
{
  guint32 *mt = tw->state;
  guint i = 1, j = 0;

  mt[0] = 19650218u;
  for (guint k = 1; k < MT_N; k++)
    mt[k] = 1812433253u * (mt[k - 1] ^ (mt[k - 1] >> 30)) + k;

  for (guint k = MAX (MT_N, key_length); k > 0; k--)
    {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + j;
      if (++i >= MT_N)
        {
          mt[0] = mt[MT_N - 1];
          i = 1;
        }
      if (++j >= key_length)
        j = 0;
    }
  for (guint k = MT_N - 1; k > 0; k--)
    {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - i;
      if (++i >= MT_N)
        {
          mt[0] = mt[MT_N - 1];
          i = 1;
        }
    }
  mt[0] = 0x80000000u;

  tw->n_pool = 0;
  tw->next = 0;
}

/* Four words at a time, in GCC's (and clang's) portable vector types: the
 * same operations lane by lane, so the same bits as one word at a time. */
typedef guint32 Words __attribute__ ((vector_size (16)));
typedef guint64 WordPairs __attribute__ ((vector_size (16)));
typedef double  Doubles __attribute__ ((vector_size (16)));
typedef gint64  DoubleMask __attribute__ ((vector_size (16)));

static inline Words
words_load (const guint32 *p)
{
  Words w;

  memcpy (&w, p, sizeof w);
  return w;
}

static inline guint32
twist (guint32 word,
       guint32 next_word,
       guint32 far_word)
{
  guint32 y = (word & MT_UPPER) | (next_word & MT_LOWER);

  return far_word ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
}

static inline Words
twist_words (Words word,
             Words next_word,
             Words far_word)
{
  Words y = (word & MT_UPPER) | (next_word & MT_LOWER);

  return far_word ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
}

static inline Words
temper_words (Words y)
{
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

/* Exactly the unsigned 32-bit integers in @w as doubles: 2⁵² + w has w for its
 * low mantissa bits, then 2⁵² is taken away again. */
static inline Doubles
words_to_doubles (WordPairs w)
{
  Doubles d;

  w |= G_GUINT64_CONSTANT (0x4330000000000000);
  memcpy (&d, &w, sizeof d);
  return d - 0x1p52;
}

/* The next block of 624 words, as up to 312 doubles in [0, 1). */
static void
twister_refill (Twister *tw)
{
  guint32 *mt = tw->state;
  DoubleMask too_big = { 0, 0 };
  guint k;

  /* word k takes words k + 1 and k + M of the old block, or k + M − N of the
   * new one: at a distance of 227, four at a time read nothing they write */
  for (k = 0; k + 4 <= MT_N - MT_M; k += 4)
    {
      Words w = twist_words (words_load (mt + k), words_load (mt + k + 1),
                             words_load (mt + k + MT_M));

      memcpy (mt + k, &w, sizeof w);
    }
  for (; k < MT_N - MT_M; k++)
    mt[k] = twist (mt[k], mt[k + 1], mt[k + MT_M]);
  for (; k + 4 <= MT_N - 1; k += 4)
    {
      Words w = twist_words (words_load (mt + k), words_load (mt + k + 1),
                             words_load (mt + k + MT_M - MT_N));

      memcpy (mt + k, &w, sizeof w);
    }
  for (; k < MT_N - 1; k++)
    mt[k] = twist (mt[k], mt[k + 1], mt[k + MT_M - MT_N]);
  mt[MT_N - 1] = twist (mt[MT_N - 1], mt[0], mt[MT_M - 1]);

  /* g_rand_double(): (w₁ · 2⁻³² + w₂) · 2⁻³², two doubles from four words */
  for (k = 0; k < MT_N; k += 4)
    {
      Words y = temper_words (words_load (mt + k));
      WordPairs pairs, first, second;
      Doubles u;

      memcpy (&pairs, &y, sizeof pairs);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      first = pairs & 0xffffffffu;
      second = pairs >> 32;
#else
      first = pairs >> 32;
      second = pairs & 0xffffffffu;
#endif
      u = (words_to_doubles (first) * 0x1p-32 + words_to_doubles (second)) * 0x1p-32;
      too_big |= u >= 1.0;
      memcpy (tw->pool + k / 2, &u, sizeof u);
    }
  tw->n_pool = MT_N / 2;
  tw->next = 0;

  /* rounding made a double 1 (about once in 2³² draws): GRand then takes the
   * next pair instead */
  if (G_UNLIKELY (too_big[0] | too_big[1]))
    {
      guint n = 0;

      for (k = 0; k < MT_N / 2; k++)
        if (tw->pool[k] < 1.0)
          tw->pool[n++] = tw->pool[k];
      tw->n_pool = n;
    }
}

/* The next @n values g_rand_double() would return. */
static void
twister_doubles (Twister *tw,
                 double  *out,
                 guint    n)
{
  while (n > 0)
    {
      guint take;

      if (tw->next >= tw->n_pool)
        twister_refill (tw);
      take = MIN (n, tw->n_pool - tw->next);
      memcpy (out, tw->pool + tw->next, take * sizeof *out);
      tw->next += take;
      out += take;
      n -= take;
    }
}

/* The seed array takes the 64-bit seed whole, and unlike g_rand_new_with_seed
 * its sequence does not depend on G_RANDOM_VERSION: the same figures on every
 * machine. */
static void
twister_seed64 (Twister *tw,
                guint64  seed)
{
  guint32 seed_words[2];

  seed_words[0] = (guint32) (seed & 0xffffffffu);
  seed_words[1] = (guint32) (seed >> 32);
  twister_seed (tw, seed_words, 2);
}

void
lo_monte_carlo_uniforms (guint64 seed,
                         double *out,
                         gsize   n)
{
  g_autofree Twister *tw = g_new (Twister, 1);

  twister_seed64 (tw, seed);
  while (n > 0)
    {
      guint take = (guint) MIN (n, G_MAXUINT / 2);

      twister_doubles (tw, out, take);
      out += take;
      n -= take;
    }
}

static inline Doubles
sqrt_doubles (Doubles a)
{
#ifdef __SSE2__
  return (Doubles) _mm_sqrt_pd ((__m128d) a);
#else
  Doubles out = { sqrt (a[0]), sqrt (a[1]) };

  return out;
#endif
}

/* Lane by lane, @a where @first is set, else @b */
static inline Doubles
pick_doubles (DoubleMask first,
              Doubles    a,
              Doubles    b)
{
  return (Doubles) (((DoubleMask) a & first) | ((DoubleMask) b & ~first));
}

/* Input @in of @n draws: x[k].v[in->id] from the uniform u[k × stride]; two
 * draws at a time, with the same operations as lo_triangular_draw() in each
 * lane. */
static void
draw_input (const LoTriangular *in,
            const double       *u,
            guint               stride,
            LoRoiInputs        *x,
            guint               n)
{
  const Doubles low = { in->low, in->low }, high = { in->high, in->high };
  const Doubles plus = { 1.0, 1.0 }, minus = { -1.0, -1.0 };
  guint k = 0;

  for (; k + 2 <= n; k += 2)
    {
      Doubles v = { u[k * stride], u[(k + 1) * stride] };
      DoubleMask left = v < in->split;
      Doubles arg = pick_doubles (left, v * in->k_low, (1 - v) * in->k_high);
      Doubles base = pick_doubles (left, low, high);
      Doubles sign = pick_doubles (left, plus, minus);
      Doubles out = base + sign * sqrt_doubles (arg);

      x[k].v[in->id] = out[0];
      x[k + 1].v[in->id] = out[1];
    }
  for (; k < n; k++)
    x[k].v[in->id] = lo_triangular_draw (in, u[k * stride]);
}

/* The months where the benefit ramps up are first … full − 1 (at most H):
 * before them the flows are 0, after them G − run cost. */
static inline void
ramp_months (guint   horizon,
             double  go_live,
             double  ramp,
             guint  *first,
             guint  *full)
{
  double first_d = floor (go_live) + 1;
  double full_d = ceil (go_live + ramp) + 1;

  *first = first_d > horizon + 1 ? horizon + 1 : (guint) first_d;
  *full = full_d > horizon + 1 ? horizon + 1 : (guint) full_d;
}

/* The share of full benefit in ramp month m, as lo_roi_benefit_share()
 * integrates it: ∫₀ᵗ¹ r(s) ds less @before, the integral up to the month's
 * start (returned in @before for the next month); and the share of the run
 * cost. */
static inline void
ramp_share (double  go_live,
            double  ramp,
            guint   m,
            double *before,
            double *share,
            double *running)
{
  double t0 = m - 1, t1 = m;
  double from = MAX (t0, go_live);
  double x = t1 - go_live;
  double area;

  /* which piece of r applies changes once in the ramp, at a month that differs
   * from draw to draw: both are computed, one is picked */
  if (x <= 0)
    area = 0;
  else
    area = lo_pick (x < ramp, x * x / (2 * ramp), ramp / 2 + (x - ramp));

  *share = area - *before;
  *running = t1 > from ? t1 - from : 0;
  *before = area;
}

/* When neither the build weeks nor the ramp is drawn, the ramp months and
 * their shares are the same for every draw. */
typedef struct
{
  guint  first;
  guint  full;
  double share[MAX_HORIZON + 2];
  double running[MAX_HORIZON + 2];
} Ramp;

static void
ramp_init (Ramp   *shape,
           guint   horizon,
           double  go_live,
           double  ramp)
{
  double before = 0;  /* ∫r up to the month's start: 0 at the first one */

  ramp_months (horizon, go_live, ramp, &shape->first, &shape->full);
  for (guint m = shape->first; m < shape->full; m++)
    ramp_share (go_live, ramp, m, &before, &shape->share[m], &shape->running[m]);
}

/* NPV and payback of one set of inputs, whose G is @gross. Before go-live the
 * flows are 0; from the first month at full benefit on they are the constant
 * G − run cost, whose present value is one product and whose payback is one
 * division (the cumulative flow is linear there). Only the months in between
 * are summed, with the shares of @fixed, or those of the inputs' own ramp when
 * @fixed is NULL.
 *
 * With @band, the cumulative flow of months 0 … H is also stored at
 * band[m × stride]: the same sums, bit for bit, as lo_roi_cash_flows() gives
 * added up in order (its flows are ±0 before the first month, the same
 * differences of ∫r in the ramp and exactly G − run after it).
 *
 * Always inlined, so that each caller gets a copy without the tests of
 * @fixed and @band it does not need. */
G_ALWAYS_INLINE static inline void
evaluate (const Discount    *discount,
          const Ramp        *fixed,
          const LoRoiInputs *inputs,
          double             gross,
          double            *npv_out,
          double            *payback_out,
          double            *band,
          gsize              stride)
{
  const double *v = inputs->v;
  guint horizon = discount->horizon;
  double go_live = v[LO_INPUT_BUILD_WEEKS] * 12.0 / 52.0;
  double ramp = v[LO_INPUT_RAMP_MONTHS];
  double run = v[LO_INPUT_RUN_COST_PER_MONTH];
  double build = v[LO_INPUT_BUILD_COST];
  double steady = gross - run;
  double npv = 0.0 - build;
  double cumulative = 0.0 - build;
  double payback = build > 0 ? INFINITY : 0;
  double before = 0;  /* ∫r up to the month's start: 0 at the first one */
  guint first, full;

  if (fixed != NULL)
    {
      first = fixed->first;
      full = fixed->full;
    }
  else
    {
      ramp_months (horizon, go_live, ramp, &first, &full);
    }

  if (band != NULL)
    {
      for (guint m = 0; m < first; m++)
        band[m * stride] = cumulative;
    }

  for (guint m = first; m < full; m++)
    {
      double share, running, cf;

      if (fixed != NULL)
        {
          share = fixed->share[m];
          running = fixed->running[m];
        }
      else
        {
          ramp_share (go_live, ramp, m, &before, &share, &running);
        }

      cf = gross * share - run * running;
      npv += cf * discount->factor[m];
      if (payback == INFINITY && cumulative + cf >= 0)
        payback = (m - 1) + (-cumulative) / cf;
      cumulative += cf;
      if (band != NULL)
        band[m * stride] = cumulative;
    }

  if (band != NULL)
    {
      double c = cumulative;

      for (guint m = full; m <= horizon; m++)
        {
          c += steady;
          band[m * stride] = c;
        }
    }

  npv += steady * discount->tail[full];
  if (payback == INFINITY && full <= horizon && steady > 0)
    {
      double months = (full - 1) + (-cumulative) / steady;

      if (months <= horizon)
        payback = months;
    }

  *npv_out = npv;
  *payback_out = payback;
}

/* Sorts doubles ascending (no NaN): least-significant-digit radix sort on the
 * IEEE bit patterns mapped to unsigned order, a byte a pass, with every pass's
 * histogram counted in one sweep and passes skipped where all keys share the
 * byte (the sign and exponent bytes of similar figures). Linear in N, several
 * times faster than qsort for 10 000 values. @scratch holds 2 × n keys. */
static void
radix_sort_doubles (double  *values,
                    gsize    n,
                    guint64 *scratch)
{
  guint64 *src = scratch, *dst = scratch + n;
  gsize count[8][256];

  memset (count, 0, sizeof count);
  for (gsize i = 0; i < n; i++)
    {
      guint64 bits;

      memcpy (&bits, &values[i], sizeof bits);
      bits = (bits >> 63) ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
      src[i] = bits;
      for (guint b = 0; b < 8; b++)
        count[b][(bits >> (8 * b)) & 0xff]++;
    }

  for (guint b = 0; b < 8; b++)
    {
      guint shift = 8 * b;
      gsize sum = 0;
      guint64 *t;

      if (count[b][(src[0] >> shift) & 0xff] == n)
        continue;
      for (guint d = 0; d < 256; d++)
        {
          gsize c = count[b][d];

          count[b][d] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        dst[count[b][(src[i] >> shift) & 0xff]++] = src[i];
      t = src;
      src = dst;
      dst = t;
    }

  for (gsize i = 0; i < n; i++)
    {
      guint64 key = src[i];
      guint64 bits = (key >> 63) ? key & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~key;

      memcpy (&values[i], &bits, sizeof bits);
    }
}

/* Sorts finite doubles ascending. Monte Carlo's NPVs spread smoothly between
 * their least and greatest, so each is sent to one of n buckets by where it
 * lies in [min, max], a monotone map that leaves the buckets in order, and an
 * insertion sort then only swaps values within a bucket: four sweeps in all.
 * A lumpy spread (crowded buckets) goes to the radix sort instead, which does
 * not care. @scratch holds 2 × n keys. */
static void
sort_doubles (double  *values,
              gsize    n,
              guint64 *scratch)
{
  double *sorted = (double *) scratch;
  guint32 *bucket_of = (guint32 *) (scratch + n);
  guint32 *start = bucket_of + n;   /* n buckets */
  double min = INFINITY, max = -INFINITY, scale;
  guint64 crowding = 0;

  if (n < 2)
    return;

  for (gsize i = 0; i < n; i++)
    {
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }
  scale = n / (max - min);
  if (!(max > min) || !isfinite (scale) || n > G_MAXUINT32)
    {
      radix_sort_doubles (values, n, scratch);
      return;
    }

  memset (start, 0, n * sizeof *start);
  for (gsize i = 0; i < n; i++)
    {
      guint32 b = (guint32) MIN ((values[i] - min) * scale, (double) (n - 1));

      bucket_of[i] = b;
      start[b]++;
    }

  /* the insertion sort moves about Σ c² / 4 values for buckets of c */
  for (gsize b = 0; b < n; b++)
    crowding += (guint64) start[b] * start[b];
  if (crowding > 8 * (guint64) n)
    {
      radix_sort_doubles (values, n, scratch);
      return;
    }

  for (gsize b = 0, sum = 0; b < n; b++)
    {
      guint32 c = start[b];

      start[b] = (guint32) sum;
      sum += c;
    }
  for (gsize i = 0; i < n; i++)
    sorted[start[bucket_of[i]]++] = values[i];

  for (gsize i = 1; i < n; i++)
    {
      double v = sorted[i];
      gsize j = i;

      while (j > 0 && sorted[j - 1] > v)
        {
          sorted[j] = sorted[j - 1];
          j--;
        }
      sorted[j] = v;
    }
  memcpy (values, sorted, n * sizeof *values);
}

/* The k-th smallest (from 0) of values[0 … n − 1], reordering them (Hoare's
 * selection with a median-of-three pivot). */
static double
select_kth (double *values,
            gssize  n,
            gssize  k)
{
  gssize lo = 0, hi = n - 1;

  while (hi > lo)
    {
      gssize i = lo, j = hi;
      double a = values[lo], b = values[lo + (hi - lo) / 2], c = values[hi];
      double pivot = (a < b) ? ((b < c) ? b : (a < c) ? c : a)
                             : ((a < c) ? a : (b < c) ? c : b);

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              double t = values[i];

              values[i] = values[j];
              values[j] = t;
              i++;
              j--;
            }
        }
      /* [lo, j] ≤ pivot ≤ [i, hi]; anything between equals the pivot */
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return values[k];
    }

  return values[k];
}

/* Index of percentile @percent among @n sorted draws: ⌊p·N⌋, in integers. */
static inline gsize
percentile_index (guint percent,
                  gsize n)
{
  gsize k = (gsize) ((guint64) percent * n / 100);

  return MIN (k, n - 1);
}

/* P10, P50 and P90 (@p50 may be NULL) of n values, +∞ allowed, reordering
 * nothing: the values are counted into buckets over [min, max] of the finite
 * ones (the map is monotone, so the k-th value lies in the bucket where the
 * counts pass k), then only the buckets that hold a percentile are gathered
 * into @tmp, in one sweep, and searched. Quickselect on random data is bound
 * by mispredicted branches; counting is not. @tmp holds 2 × n doubles: the
 * gathered values, then each value's bucket. */
static void
select_percentiles (const double *values,
                    gsize         n,
                    double       *tmp,
                    double       *p10,
                    double       *p50,
                    double       *p90)
{
  enum { MAX_BUCKETS = 1024 };
  guint count[MAX_BUCKETS + 1];   /* the last one holds +∞ */
  gint16 slot_of[MAX_BUCKETS + 1];
  gsize slot_start[3], slot_fill[3];
  guint n_slots = 0;
  gsize k[3], below[3];
  int slot[3] = { -1, -1, -1 };
  guint16 *bucket_of = (guint16 *) (tmp + n);
  const guint percents[3] = { 10, 50, 90 };
  double *out[3] = { p10, p50, p90 };
  double min = INFINITY, max = -INFINITY, scale;
  guint buckets = (guint) MIN ((gsize) MAX_BUCKETS, n / 4 + 1);
  gsize used = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (values[i] == INFINITY)
        continue;
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }

  memset (count, 0, sizeof count);
  scale = max > min ? buckets / (max - min) : 0;
  if (!isfinite (scale))
    scale = 0;  /* a spread too narrow to divide: one bucket, still right */
  for (gsize i = 0; i < n; i++)
    {
      guint b;

      if (values[i] == INFINITY)
        b = MAX_BUCKETS;
      else
        b = MIN ((guint) ((values[i] - min) * scale), buckets - 1);
      bucket_of[i] = (guint16) b;
      count[b]++;
    }

  /* the bucket of each percentile, and a slot of @tmp for each bucket */
  memset (slot_of, -1, sizeof slot_of);
  for (guint p = 0; p < 3; p++)
    {
      guint b = 0;

      if (out[p] == NULL)
        continue;

      k[p] = percentile_index (percents[p], n);
      below[p] = 0;
      while (b < buckets && below[p] + count[b] <= k[p])
        below[p] += count[b++];
      if (b == buckets)
        {
          *out[p] = INFINITY;
          continue;
        }

      if (slot_of[b] < 0)
        {
          slot_of[b] = (gint16) n_slots;
          slot_start[n_slots] = slot_fill[n_slots] = used;
          used += count[b];
          n_slots++;
        }
      slot[p] = slot_of[b];
    }

  if (n_slots == 0)
    return;

  for (gsize i = 0; i < n; i++)
    {
      int s = slot_of[bucket_of[i]];

      if (s >= 0)
        tmp[slot_fill[s]++] = values[i];
    }

  for (guint p = 0; p < 3; p++)
    {
      int s = slot[p];

      if (s >= 0)
        *out[p] = select_kth (tmp + slot_start[s], (gssize) (slot_fill[s] - slot_start[s]),
                              (gssize) (k[p] - below[p]));
    }
}

static inline double
none_if_infinite (double value)
{
  return isfinite (value) ? value : NAN;
}

/* Monte Carlo */

gboolean
lo_roi_monte_carlo (const LoProcess   *process,
                    const LoSettings  *settings,
                    guint              draws,
                    guint64            seed,
                    GCancellable      *cancellable,
                    LoMonteCarlo      *result)
{
  LoTriangular uncertain[LO_N_INPUTS];
  guint n_uncertain = 0, n_positive = 0;
  guint horizon, n_band;
  LoRoiInputs likely;
  g_autofree double *npv = NULL;
  g_autofree void *work = NULL;
  double *payback, *band;
  guint64 *scratch;
  Discount discount;
  Twister twister;
  Ramp shape = { 0 };
  gboolean ramp_drawn = FALSE;

  g_return_val_if_fail (process != NULL, FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (settings->horizon_months >= 1 && settings->horizon_months <= MAX_HORIZON, FALSE);

  if (draws == 0)
    return FALSE;

  lo_roi_inputs_from_process (process, &likely);

  /* Inputs in table order; low = high is a fixed value and takes no draw. */
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      const LoInput *in = &process->inputs[i];

      if (!in->ranged || !(in->low < in->high))
        {
          if (in->ranged)
            likely.v[i] = in->low;
          continue;
        }
      if (i == LO_INPUT_BUILD_WEEKS || i == LO_INPUT_RAMP_MONTHS)
        ramp_drawn = TRUE;
      lo_triangular_init (&uncertain[n_uncertain++], i, in->low, likely.v[i], in->high);
    }

  if (n_uncertain == 0)
    return FALSE;

  horizon = settings->horizon_months;
  n_band = MIN (draws, LO_MONTE_CARLO_BAND_DRAWS);
  discount_init (&discount, settings);
  npv = g_new (double, draws);
  /* One block for the working buffers: fewer fresh pages to fault in, and
   * malloc keeps a single block of this size for the next call. The band is
   * stored a month at a time ([m × n_band + k]), so that each month's draws
   * are contiguous for the percentiles. */
  work = g_malloc (sizeof (double) * ((gsize) draws * 3 + (gsize) (horizon + 1) * n_band));
  payback = work;
  scratch = (guint64 *) (payback + draws);
  band = (double *) (scratch + 2 * (gsize) draws);

  twister_seed64 (&twister, seed);

  if (!ramp_drawn)
    ramp_init (&shape, horizon, likely.v[LO_INPUT_BUILD_WEEKS] * 12.0 / 52.0,
               likely.v[LO_INPUT_RAMP_MONTHS]);

  /* A batch of draws at a time, each step over the whole batch: the square
   * roots and divisions of one draw overlap with those of the next instead of
   * waiting behind the branches of the ramp. */
  for (guint k0 = 0; k0 < draws; k0 += BATCH)
    {
      guint n = MIN (BATCH, draws - k0);
      double u[BATCH * LO_N_INPUTS];
      LoRoiInputs x[BATCH];
      double gross[BATCH];

      if (k0 > 0 && k0 % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      /* one draw per ranged input, in table order, draw after draw */
      twister_doubles (&twister, u, n * n_uncertain);
      for (guint k = 0; k < n; k++)
        x[k] = likely;
      for (guint j = 0; j < n_uncertain; j++)
        draw_input (&uncertain[j], u + j, n_uncertain, x, n);

      for (guint k = 0; k < n; k++)
        {
          LoRoiBenefit benefit;

          lo_roi_benefit_compute (&x[k], discount.realisation_rate, &benefit);
          gross[k] = benefit.gross_benefit;
        }

      for (guint k = 0; k < n; k++)
        {
          guint draw = k0 + k;

          if (draw < n_band)
            evaluate (&discount, ramp_drawn ? NULL : &shape, &x[k], gross[k],
                      &npv[draw], &payback[draw], band + draw, n_band);
          else if (ramp_drawn)
            evaluate (&discount, NULL, &x[k], gross[k], &npv[draw], &payback[draw], NULL, 0);
          else
            evaluate (&discount, &shape, &x[k], gross[k], &npv[draw], &payback[draw], NULL, 0);
          n_positive += npv[draw] > 0;
        }
    }

  memset (result, 0, sizeof *result);
  result->draws = draws;
  result->seed = seed;
  result->probability_positive = (double) n_positive / draws;

  sort_doubles (npv, draws, scratch);
  result->npv_p10 = npv[percentile_index (10, draws)];
  result->npv_p50 = npv[percentile_index (50, draws)];
  result->npv_p90 = npv[percentile_index (90, draws)];

  select_percentiles (payback, draws, (double *) scratch, &result->payback_p10,
                      &result->payback_p50, &result->payback_p90);
  result->payback_p10 = none_if_infinite (result->payback_p10);
  result->payback_p50 = none_if_infinite (result->payback_p50);
  result->payback_p90 = none_if_infinite (result->payback_p90);

  result->cumulative_p10 = g_new (double, horizon + 1);
  result->cumulative_p90 = g_new (double, horizon + 1);
  for (guint m = 0; m <= horizon; m++)
    select_percentiles (band + (gsize) m * n_band, n_band, (double *) scratch,
                        &result->cumulative_p10[m], NULL, &result->cumulative_p90[m]);

  result->npv_sorted = g_steal_pointer (&npv);

  return TRUE;
}

void
lo_monte_carlo_clear (LoMonteCarlo *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->npv_sorted, g_free);
  g_clear_pointer (&result->cumulative_p10, g_free);
  g_clear_pointer (&result->cumulative_p90, g_free);
}

/* Scenarios */

void
lo_roi_scenario_inputs (const LoProcess  *process,
                        const LoSettings *settings,
                        LoRoiInputs      *conservative,
                        LoRoiInputs      *optimistic)
{
  LoRoiInputs likely, low_end = { 0 }, high_end = { 0 };

  g_return_if_fail (process != NULL && settings != NULL);

  lo_roi_inputs_from_process (process, &likely);
  if (conservative)
    *conservative = likely;
  if (optimistic)
    *optimistic = likely;

  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      const LoInput *in = &process->inputs[i];
      double npv_low, npv_high;

      if (!in->ranged)
        continue;

      low_end = likely;
      high_end = likely;
      low_end.v[i] = in->low;
      high_end.v[i] = in->high;
      npv_low = lo_roi_npv (&low_end, settings);
      npv_high = lo_roi_npv (&high_end, settings);

      /* a tie (the input does not move NPV) takes low as the cautious end */
      if (conservative)
        conservative->v[i] = npv_low <= npv_high ? in->low : in->high;
      if (optimistic)
        optimistic->v[i] = npv_low <= npv_high ? in->high : in->low;
    }
}

/* Tornado */

/* Swings that differ only by rounding (two inputs that scale the same product,
 * say volume and minutes per item) are ties, which keep table order. */
static gboolean
swing_larger (const LoTornadoBar *a,
              const LoTornadoBar *b)
{
  double sa = fabs (a->high_npv - a->low_npv);
  double sb = fabs (b->high_npv - b->low_npv);

  return sa - sb > 1e-9 * MAX (sa, sb);
}

guint
lo_roi_tornado (const LoProcess  *process,
                const LoSettings *settings,
                LoTornadoBar     *bars)
{
  LoRoiInputs likely;

  g_return_val_if_fail (process != NULL && settings != NULL && bars != NULL, 0);

  lo_roi_inputs_from_process (process, &likely);

  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      const LoInput *in = &process->inputs[i];
      LoTornadoBar bar = { .input = i };
      LoRoiInputs x = likely;
      double min, max;
      guint j;

      if (in->ranged)
        {
          bar.low_value = in->low;
          bar.high_value = in->high;
        }
      else
        {
          lo_input_range (i, &min, &max);
          bar.low_value = CLAMP (likely.v[i] * 0.8, min, max);
          bar.high_value = CLAMP (likely.v[i] * 1.2, min, max);
        }

      x.v[i] = bar.low_value;
      bar.low_npv = lo_roi_npv (&x, settings);
      x.v[i] = bar.high_value;
      bar.high_npv = lo_roi_npv (&x, settings);

      /* insertion keeps equal swings in table order */
      for (j = i; j > 0 && swing_larger (&bar, &bars[j - 1]); j--)
        bars[j] = bars[j - 1];
      bars[j] = bar;
    }

  return LO_N_INPUTS;
}
