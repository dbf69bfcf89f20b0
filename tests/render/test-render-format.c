/* test-render-format.c: numbers, money, dates and axis ticks for the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "lo-render-private.h"

/* The report's numbers come from core's formatter (tests/core/test-format.c
 * holds the conventions); here: which formatter a context picks. */
static void
test_context_formatter (void)
{
  LoRenderContext ctx;
  g_autoptr(LoFormatter) swiss = lo_formatter_new ("de_CH");

  lo_render_context_init (&ctx);
  /* No language: English, USD */
  g_assert_cmpstr (lo_formatter_get_language (lo_render_formatter (&ctx)), ==, "en");
  g_assert_cmpstr (lo_render_currency (&ctx), ==, "USD");
  /* The report's language picks the conventions */
  ctx.language = "de";
  g_assert_cmpstr (lo_formatter_get_language (lo_render_formatter (&ctx)), ==, "de");
  /* A formatter of its own wins over the language (the window's) */
  ctx.language = "en";
  ctx.formatter = swiss;
  g_assert_true (lo_render_formatter (&ctx) == swiss);
  ctx.currency = "EUR";
  g_assert_cmpstr (lo_render_currency (&ctx), ==, "EUR");
}

/* Money on a chart axis: short money in the context's currency and conventions */
static void
test_axis_label (void)
{
  LoRenderContext ctx;
  g_autofree char *en = NULL;
  g_autofree char *de = NULL;
  g_autofree char *weeks = NULL;

  lo_render_context_init (&ctx);
  en = lo_axis_label (&ctx, LO_AXIS_MONEY, -150000, 50000);
  g_assert_cmpstr (en, ==, "\u2212$150k");
  ctx.language = "de";
  ctx.currency = "EUR";
  de = lo_axis_label (&ctx, LO_AXIS_MONEY, 1500000, 500000);
  g_assert_cmpstr (de, ==, "1,5M\u00a0€");
  /* a step of 0.5 needs one decimal: 2.5 → "2,5" */
  weeks = lo_axis_label (&ctx, LO_AXIS_NUMBER, 2.5, 0.5);
  g_assert_cmpstr (weeks, ==, "2,5");
}

static void
test_ticks (void)
{
  double first, last, step;

  /* 0 … 97 in at most 6 ticks: raw step 97/5 = 19.4 → 2 × 10 = 20; 0 … 100 */
  step = lo_render_nice_ticks (0, 97, 6, &first, &last);
  g_assert_cmpfloat_with_epsilon (step, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (first, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (last, 100, 1e-9);

  /* −13,000 … 148,000 in 8: 161,000/7 = 23,000 → 2.3 × 10⁴ → 5 × 10⁴ */
  step = lo_render_nice_ticks (-13000, 148000, 8, &first, &last);
  g_assert_cmpfloat_with_epsilon (step, 50000, 1e-6);
  g_assert_cmpfloat_with_epsilon (first, -50000, 1e-6);
  g_assert_cmpfloat_with_epsilon (last, 150000, 1e-6);

  /* 0 … 0.9 in 4: 0.3 → 3 × 0.1 → 5 × 0.1 = 0.5; 0 … 1 */
  step = lo_render_nice_ticks (0, 0.9, 4, &first, &last);
  g_assert_cmpfloat_with_epsilon (step, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (last, 1, 1e-12);

  /* a single value still gets a range */
  step = lo_render_nice_ticks (5, 5, 5, &first, &last);
  g_assert_cmpfloat (step, >, 0);
  g_assert_cmpfloat (first, <, 5);
  g_assert_cmpfloat (last, >, 5);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/render/format/context", test_context_formatter);
  g_test_add_func ("/lo/render/format/axis", test_axis_label);
  g_test_add_func ("/lo/render/ticks", test_ticks);
  return g_test_run ();
}
