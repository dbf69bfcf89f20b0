/* test-render-format.c: numbers, money, dates and axis ticks for the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "lo-render.h"

typedef struct
{
  const char *language;
  const char *currency;
  double      value;
  int         kind;     /* 0 number(1 dec), 1 money(0 dec), 2 short money, 3 percent(0) */
  const char *expected;
} Case;

/* Expected strings written from the conventions: en groups by "," with a "."
 * decimal and puts $ before; de groups by "." with a "," decimal and puts the
 * symbol after a no-break space; the minus is U+2212. */
static const Case cases[] = {
  { "en", "USD", 1234.5, 0, "1,234.5" },
  { "de", "EUR", 1234.5, 0, "1.234,5" },
  { "en", "USD", 1234.56, 0, "1,234.6" },
  { "en", "USD", 1234567, 1, "$1,234,567" },
  { "en", "USD", -12000, 1, "\u2212$12,000" },
  { "de", "EUR", 55000, 1, "55.000\u00a0€" },
  { "en", "CHF", 55000, 1, "CHF\u00a055,000" },
  { "en", "USD", 55000, 2, "$55k" },
  { "en", "USD", 1234567, 2, "$1.2M" },
  { "de", "EUR", 1234567, 2, "1,2M\u00a0€" },
  { "en", "USD", -150000, 2, "\u2212$150k" },
  { "en", "USD", 0, 2, "$0" },
  { "en", "USD", 0.28, 3, "28%" },
  { "de", "USD", 0.28, 3, "28\u00a0%" },
};

static void
test_format_case (gconstpointer data)
{
  const Case *c = data;
  LoRenderContext ctx;
  g_autofree char *s = NULL;

  lo_render_context_init (&ctx);
  ctx.language = c->language;
  ctx.currency = c->currency;
  switch (c->kind)
    {
    case 0: s = lo_render_format_number (&ctx, c->value, 1); break;
    case 1: s = lo_render_format_money (&ctx, c->value, 0); break;
    case 2: s = lo_render_format_money_short (&ctx, c->value); break;
    default: s = lo_render_format_percent (&ctx, c->value, 0); break;
    }
  g_assert_cmpstr (s, ==, c->expected);
}

static void
test_format_date (void)
{
  LoRenderContext ctx;
  g_autofree char *en = NULL;
  g_autofree char *de = NULL;
  g_autofree char *bad = NULL;

  lo_render_context_init (&ctx);
  en = lo_render_format_date (&ctx, "2026-03-12");
  g_assert_cmpstr (en, ==, "12 March 2026");
  ctx.language = "de";
  de = lo_render_format_date (&ctx, "2026-03-12");
  /* month names come from the catalogue; without one the English name stays */
  g_assert_true (g_str_has_prefix (de, "12. "));
  bad = lo_render_format_date (&ctx, "2026-02-30");
  g_assert_null (bad);
}

static void
test_format_none (void)
{
  LoRenderContext ctx;
  g_autofree char *m = NULL;

  lo_render_context_init (&ctx);
  m = lo_render_format_months (&ctx, NAN);
  g_assert_cmpstr (m, ==, "never within the horizon");
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

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/render/format/case-%u", i);
      g_test_add_data_func (path, &cases[i], test_format_case);
    }
  g_test_add_func ("/lo/render/format/date", test_format_date);
  g_test_add_func ("/lo/render/format/none", test_format_none);
  g_test_add_func ("/lo/render/ticks", test_ticks);
  return g_test_run ();
}
