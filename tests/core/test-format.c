/* test-format.c: numbers, money, percentages and dates for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "lo-core.h"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
restore_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
}

#define assert_formatted(expr, expected) \
  G_STMT_START { \
    g_autofree char *s_ = (expr); \
    g_assert_cmpstr (s_, ==, (expected)); \
  } G_STMT_END

static void
test_format_c (void)
{
  setlocale (LC_ALL, "C");

  /* C has no thousands separator and "." as decimal point */
  assert_formatted (lo_format_number (1234.5, 1), "1234.5");
  assert_formatted (lo_format_number (1234.5, 0), "1234");      /* round half to even: 1234.5 → 1234 */
  assert_formatted (lo_format_number (2.71, 2), "2.71");
  assert_formatted (lo_format_number (-0.04, 1), "0.0");        /* rounds to zero: no "-0.0" */
  assert_formatted (lo_format_number (-3.25, 1), "-3.2");       /* -3.25 is -3.25 exactly; half to even */
  assert_formatted (lo_format_number (NAN, 2), "none");
  assert_formatted (lo_format_money (55000, "USD", 0), "$55000");
  assert_formatted (lo_format_money (-1234.5, "USD", 2), "-$1234.50");
  assert_formatted (lo_format_money (100, "XYZ", 0), "XYZ 100"); /* an unknown code stands for itself */
  assert_formatted (lo_format_percent (0.28, 0), "28 %");
  assert_formatted (lo_format_percent (0.125, 1), "12.5 %");
  assert_formatted (lo_format_date ("2026-04-15"), "April 15, 2026");
  assert_formatted (lo_format_date ("2024-02-29"), "February 29, 2024"); /* leap year */

  restore_locale ();
}

static void
test_format_date_invalid (void)
{
  const char *bad[] = { NULL, "", "2026-02-30", "2025-02-29", "2026-4-15", "2026-13-01",
                        "2026-00-10", "2026/04/15", "2026-04-15T00", "20a6-04-15", "0000-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *s = lo_format_date (bad[i]);
      g_assert_null (s);
    }
}

static void
test_format_en (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;

  assert_formatted (lo_format_number (1234.5, 1), "1,234.5");
  assert_formatted (lo_format_number (1234567.891, 2), "1,234,567.89");
  assert_formatted (lo_format_number (-1234567, 0), "-1,234,567");
  assert_formatted (lo_format_number (999.5, 0), "1,000");        /* 999.5 → 1000 (half to even) */
  assert_formatted (lo_format_money (55000, "USD", 0), "$55,000");
  assert_formatted (lo_format_money (135000, "usd", 0), "$135,000");
  assert_formatted (lo_format_money (-1234.5, "EUR", 2), "-€1,234.50");
  assert_formatted (lo_format_money (1000, "CHF", 0), "CHF 1,000");
  assert_formatted (lo_format_money (1000, "GBP", 2), "£1,000.00");
  /* short money: < 1000 whole, then k / M with one decimal below 10 */
  assert_formatted (lo_format_money_short (950, "USD"), "$950");
  assert_formatted (lo_format_money_short (55000, "USD"), "$55k");
  assert_formatted (lo_format_money_short (2000, "USD"), "$2k");
  assert_formatted (lo_format_money_short (2500, "USD"), "$2.5k");
  assert_formatted (lo_format_money_short (1234567, "USD"), "$1.2M");  /* 1.234567 → 1.2 */
  assert_formatted (lo_format_money_short (999960, "USD"), "$1M");     /* 999.96k rounds to 1000k = 1M */
  assert_formatted (lo_format_money_short (-152904, "USD"), "-$153k"); /* 152.904 → 153 */
  assert_formatted (lo_format_money_short (3.4e9, "USD"), "$3.4B");
  assert_formatted (lo_format_percent (0.28, 0), "28 %");
  assert_formatted (lo_format_percent (12.5, 0), "1,250 %");
  assert_formatted (lo_format_date ("2026-03-01"), "March 1, 2026");

  restore_locale ();
}

static void
test_format_de (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    return;

  assert_formatted (lo_format_number (1234.5, 1), "1.234,5");
  assert_formatted (lo_format_number (1234567.891, 2), "1.234.567,89");
  assert_formatted (lo_format_number (2.71, 2), "2,71");
  assert_formatted (lo_format_money (55000, "USD", 0), "55.000 $");
  assert_formatted (lo_format_money (55000, "EUR", 0), "55.000 €");
  assert_formatted (lo_format_money (-1234.5, "EUR", 2), "-1.234,50 €");
  assert_formatted (lo_format_money_short (1234567, "EUR"), "1,2M €");
  assert_formatted (lo_format_money_short (55000, "EUR"), "55k €");
  assert_formatted (lo_format_percent (0.285, 1), "28,5 %");
  {
    /* the month name comes from the locale (the format string's translation
     * is not installed under test) */
    g_autofree char *s = lo_format_date ("2026-03-01");
    g_assert_nonnull (s);
    g_assert_nonnull (strstr (s, "März"));
  }

  restore_locale ();
}

typedef struct
{
  const char *text;
  gboolean    ok;
  double      value;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1.5", TRUE, 1.5 },
  { "0", TRUE, 0 },
  { "-0", TRUE, 0 },
  { "42", TRUE, 42 },
  { "-3.25", TRUE, -3.25 },
  { "+7", TRUE, 7 },
  { ".5", TRUE, 0.5 },
  { "5.", TRUE, 5 },
  { "1e3", TRUE, 1000 },
  { "2.5E-1", TRUE, 0.25 },
  { "", FALSE, 0 },
  { " 1", FALSE, 0 },
  { "1 ", FALSE, 0 },
  { "1,5", FALSE, 0 },
  { "0x10", FALSE, 0 },
  { "nan", FALSE, 0 },
  { "NaN", FALSE, 0 },
  { "inf", FALSE, 0 },
  { "-infinity", FALSE, 0 },
  { "1e999", FALSE, 0 },
  { ".", FALSE, 0 },
  { "-", FALSE, 0 },
  { "1e", FALSE, 0 },
  { "1e+", FALSE, 0 },
  { "1.2.3", FALSE, 0 },
  { "12abc", FALSE, 0 },
};

static void
test_parse_double (gconstpointer data)
{
  const ParseCase *c = data;
  double value = -12345;

  g_assert_cmpint (lo_parse_double (c->text, &value), ==, c->ok);
  if (c->ok)
    {
      g_assert_cmpfloat (value, ==, c->value);
      if (c->value == 0)
        g_assert_false (signbit (value)); /* "-0" reads as plain 0 */
    }
  else
    g_assert_cmpfloat (value, ==, -12345); /* untouched */
}

static void
test_parse_double_null (void)
{
  double value = 1;

  g_assert_false (lo_parse_double (NULL, &value));
  g_assert_cmpfloat (value, ==, 1);
}

static void
test_parse_double_locale (void)
{
  double value = 0;

  /* Files use "." whatever the locale */
  if (!use_locale ("de_DE.UTF-8"))
    return;
  g_assert_true (lo_parse_double ("1234.5", &value));
  g_assert_cmpfloat (value, ==, 1234.5);
  g_assert_false (lo_parse_double ("1234,5", &value));
  restore_locale ();
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/format/c", test_format_c);
  g_test_add_func ("/lo/format/date/invalid", test_format_date_invalid);
  g_test_add_func ("/lo/format/en_US", test_format_en);
  g_test_add_func ("/lo/format/de_DE", test_format_de);
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/format/parse-double/%u", i);
      g_test_add_data_func (path, &parse_cases[i], test_parse_double);
    }
  g_test_add_func ("/lo/format/parse-double/null", test_parse_double_null);
  g_test_add_func ("/lo/format/parse-double/locale", test_parse_double_locale);

  return g_test_run ();
}
