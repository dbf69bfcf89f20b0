/* lo-montecarlo.c: uncertainty (SPEC §2): scenarios, Monte Carlo, tornado
 *
 * Monte Carlo is the hot path: 10 000 draws of every process while the user
 * types. Each draw costs a handful of random numbers and an NPV that only
 * integrates the months where the benefit is still ramping; the months at full
 * benefit are one constant flow times a precomputed sum of discount factors.
 * Everything lives on the stack or in buffers owned by the call: no globals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lo-core.h"

#define MAX_HORIZON 240

typedef struct
{
  LoInputId id;
  double    low;
  double    high;
  double    split;    /* F(mode) = (mode − low) / (high − low) */
  double    k_low;    /* (high − low)(mode − low) */
  double    k_high;   /* (high − low)(high − mode) */
} Uncertain;

typedef struct
{
  const LoSettings *settings;
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

  discount->settings = settings;
  discount->horizon = horizon;
  /* the same running product as lo_roi_npv() */
  discount->factor[0] = 1;
  for (guint m = 1; m <= horizon; m++)
    discount->factor[m] = discount->factor[m - 1] * q;
  discount->tail[horizon + 1] = 0;
  for (guint m = horizon + 1; m-- > 1;)
    discount->tail[m] = discount->tail[m + 1] + discount->factor[m];
}

/* Inverse CDF of the triangular distribution (low, mode, high) at u ∈ [0, 1). */
static inline double
triangular (const Uncertain *in,
            double           u)
{
  /* written without a branch: which side u falls is a coin toss the branch
   * predictor loses half the time */
  gboolean left = u < in->split;
  double arg = left ? u * in->k_low : (1 - u) * in->k_high;
  double base = left ? in->low : in->high;
  double sign = left ? 1.0 : -1.0;

  return base + sign * sqrt (arg);
}

/* ∫₀ᵗ r(s) ds, as lo_roi_benefit_share() integrates it; inlined here because
 * it runs for every ramping month of every draw. */
static inline double
ramp_integral (double go_live,
               double ramp,
               double t)
{
  double x = t - go_live;

  if (x <= 0)
    return 0;
  if (x < ramp)
    return x * x / (2 * ramp);
  return ramp / 2 + (x - ramp);
}

/* NPV and payback of one set of inputs. Before go-live the flows are 0; from
 * the first month at full benefit on they are the constant G − run cost, whose
 * present value is one product and whose payback is one division (the
 * cumulative flow is linear there). Only the months in between are integrated. */
static void
evaluate (const Discount    *discount,
          const LoRoiInputs *inputs,
          double            *npv_out,
          double            *payback_out)
{
  const double *v = inputs->v;
  guint horizon = discount->horizon;
  double gross = lo_roi_gross_benefit (inputs, discount->settings, NULL);
  double go_live = v[LO_INPUT_BUILD_WEEKS] * 12.0 / 52.0;
  double ramp = v[LO_INPUT_RAMP_MONTHS];
  double run = v[LO_INPUT_RUN_COST_PER_MONTH];
  double build = v[LO_INPUT_BUILD_COST];
  double steady = gross - run;
  double npv = 0.0 - build;
  double cumulative = 0.0 - build;
  double payback = build > 0 ? INFINITY : 0;
  double first_d = floor (go_live) + 1;
  double full_d = ceil (go_live + ramp) + 1;
  guint first, full;

  /* months 1 … first − 1 earn nothing; full … H earn G − run */
  first = first_d > horizon + 1 ? horizon + 1 : (guint) first_d;
  full = full_d > horizon + 1 ? horizon + 1 : (guint) full_d;

  double before = 0;  /* ∫r up to the month's start: 0 at the first one */

  for (guint m = first; m < full; m++)
    {
      double t0 = m - 1, t1 = m;
      double from = MAX (t0, go_live);
      double area = ramp_integral (go_live, ramp, t1);
      double cf = gross * (area - before) - run * (t1 > from ? t1 - from : 0);

      before = area;

      npv += cf * discount->factor[m];
      if (payback == INFINITY && cumulative + cf >= 0)
        payback = (m - 1) + (-cumulative) / cf;
      cumulative += cf;
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
sort_doubles (double  *values,
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
 * counts pass k), then only that bucket is gathered into @tmp (n values) and
 * searched. Quickselect on random data is bound by mispredicted branches;
 * counting is not. */
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
  const guint percents[3] = { 10, 50, 90 };
  double *out[3] = { p10, p50, p90 };
  double min = INFINITY, max = -INFINITY, scale;
  guint buckets = (guint) MIN ((gsize) MAX_BUCKETS, n / 4 + 1);

  for (gsize i = 0; i < n; i++)
    {
      if (values[i] == INFINITY)
        continue;
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }

  memset (count, 0, sizeof count);
  scale = max > min ? buckets / (max - min) : 0;
  for (gsize i = 0; i < n; i++)
    {
      guint b;

      if (values[i] == INFINITY)
        b = MAX_BUCKETS;
      else
        b = MIN ((guint) ((values[i] - min) * scale), buckets - 1);
      count[b]++;
    }

  for (guint p = 0; p < 3; p++)
    {
      gsize k = percentile_index (percents[p], n);
      gsize below = 0, found = 0;
      guint b = 0;

      if (out[p] == NULL)
        continue;

      while (b < buckets && below + count[b] <= k)
        below += count[b++];
      if (b == buckets)
        {
          *out[p] = INFINITY;
          continue;
        }

      for (gsize i = 0; i < n; i++)
        if (values[i] != INFINITY &&
            MIN ((guint) ((values[i] - min) * scale), buckets - 1) == b)
          tmp[found++] = values[i];
      *out[p] = select_kth (tmp, found, k - below);
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
  Uncertain uncertain[LO_N_INPUTS];
  guint n_uncertain = 0, n_positive = 0;
  guint horizon, n_band;
  LoRoiInputs likely;
  g_autofree double *npv = NULL;
  g_autofree void *work = NULL;
  double *payback, *band, *column;
  guint64 *scratch;
  Discount discount;
  g_autoptr(GRand) rand = NULL;
  guint32 seed_words[2];

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
      Uncertain *u;

      if (!in->ranged || !(in->low < in->high))
        {
          if (in->ranged)
            likely.v[i] = in->low;
          continue;
        }
      u = &uncertain[n_uncertain++];
      u->id = i;
      u->low = in->low;
      u->high = in->high;
      u->split = (likely.v[i] - in->low) / (in->high - in->low);
      u->k_low = (in->high - in->low) * (likely.v[i] - in->low);
      u->k_high = (in->high - in->low) * (in->high - likely.v[i]);
    }

  if (n_uncertain == 0)
    return FALSE;

  horizon = settings->horizon_months;
  n_band = MIN (draws, LO_MONTE_CARLO_BAND_DRAWS);
  discount_init (&discount, settings);
  npv = g_new (double, draws);
  /* One block for the working buffers: fewer fresh pages to fault in, and
   * malloc keeps a single block of this size for the next call. The band is
   * stored draw by draw ([k × (H + 1) + m]), contiguous as it is written, and
   * gathered a month at a time into @column for the percentiles. */
  work = g_malloc (sizeof (double) * ((gsize) draws * 3 + (gsize) (horizon + 1) * n_band + n_band));
  payback = work;
  scratch = (guint64 *) (payback + draws);
  band = (double *) (scratch + 2 * (gsize) draws);
  column = band + (gsize) (horizon + 1) * n_band;

  /* The seed array takes the 64-bit seed whole, and unlike g_rand_new_with_seed
   * it does not depend on G_RANDOM_VERSION: the same figures on every machine. */
  seed_words[0] = (guint32) (seed & 0xffffffffu);
  seed_words[1] = (guint32) (seed >> 32);
  rand = g_rand_new_with_seed_array (seed_words, 2);

  for (guint k = 0; k < draws; k++)
    {
      LoRoiInputs x = likely;
      double u[LO_N_INPUTS];

      if ((k & 1023) == 1023 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      /* the draws first, then the square roots: independent of each other,
       * they overlap in the pipeline instead of waiting on each call */
      for (guint j = 0; j < n_uncertain; j++)
        u[j] = g_rand_double (rand);
      for (guint j = 0; j < n_uncertain; j++)
        x.v[uncertain[j].id] = triangular (&uncertain[j], u[j]);

      evaluate (&discount, &x, &npv[k], &payback[k]);
      if (npv[k] > 0)
        n_positive++;

      if (k < n_band)
        {
          double cash_flow[MAX_HORIZON + 1];
          double c = 0;

          lo_roi_cash_flows (&x, settings, cash_flow);
          for (guint m = 0; m <= horizon; m++)
            {
              c += cash_flow[m];
              band[(gsize) k * (horizon + 1) + m] = c;
            }
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
    {
      for (guint k = 0; k < n_band; k++)
        column[k] = band[(gsize) k * (horizon + 1) + m];
      select_percentiles (column, n_band, (double *) scratch,
                          &result->cumulative_p10[m], NULL, &result->cumulative_p90[m]);
    }

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
