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
  g_autoptr(LoFormatter) f = lo_formatter_new ("C");

  /* C is untranslated English: "en"'s conventions, so that the window under
   * C and the report's default language show the same text */
  g_assert_cmpstr (lo_formatter_get_language (f), ==, "en");
  assert_formatted (lo_formatter_number (f, 1234.5, 1), "1,234.5");
  assert_formatted (lo_formatter_number (f, 1234.5, 0), "1,234");    /* 1234.5 is exact: half to even */
  assert_formatted (lo_formatter_number (f, 2.71, 2), "2.71");
  assert_formatted (lo_formatter_number (f, -0.04, 1), "0.0");       /* rounds to zero: no "−0.0" */
  assert_formatted (lo_formatter_number (f, -3.25, 1), "\u22123.2"); /* −3.25 is exact; half to even */
  assert_formatted (lo_formatter_number (f, NAN, 2), "none");
  assert_formatted (lo_formatter_number (f, -INFINITY, 2), "\u2212∞");
  assert_formatted (lo_formatter_money (f, 55000, "USD", 0), "$55,000");
  assert_formatted (lo_formatter_money (f, 55000, NULL, 0), "$55,000"); /* NULL is USD */
  assert_formatted (lo_formatter_money (f, -1234.5, "USD", 2), "\u2212$1,234.50");
  assert_formatted (lo_formatter_money (f, 100, "XYZ", 0), "XYZ\u00a0100"); /* an unknown code stands for itself */
  assert_formatted (lo_formatter_percent (f, 0.28, 0), "28%");
  assert_formatted (lo_formatter_percent (f, 0.125, 1), "12.5%");
  assert_formatted (lo_formatter_date (f, "2026-04-15"), "15 April 2026");
  assert_formatted (lo_formatter_date (f, "2024-02-29"), "29 February 2024"); /* leap year */

  /* POSIX and C.UTF-8 are C too */
  {
    g_autoptr(LoFormatter) posix = lo_formatter_new ("POSIX");
    g_autoptr(LoFormatter) utf8 = lo_formatter_new ("C.UTF-8");

    assert_formatted (lo_formatter_money (posix, 513732, "USD", 0), "$513,732");
    assert_formatted (lo_formatter_money (utf8, 513732, "USD", 0), "$513,732");
  }
}

static void
test_format_date_invalid (void)
{
  const char *bad[] = { NULL, "", "2026-02-30", "2025-02-29", "2026-4-15", "2026-13-01",
                        "2026-00-10", "2026/04/15", "2026-04-15T00", "20a6-04-15", "0000-01-01" };
  g_autoptr(LoFormatter) f = lo_formatter_new ("en_US");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *s = lo_formatter_date (f, bad[i]);
      g_assert_null (s);
    }
}

static void
test_format_en (void)
{
  g_autoptr(LoFormatter) f = lo_formatter_new ("en_US.UTF-8");

  g_assert_cmpstr (lo_formatter_get_language (f), ==, "en");
  assert_formatted (lo_formatter_number (f, 1234.5, 1), "1,234.5");
  assert_formatted (lo_formatter_number (f, 1234567.891, 2), "1,234,567.89");
  assert_formatted (lo_formatter_number (f, -1234567, 0), "\u22121,234,567");
  assert_formatted (lo_formatter_number (f, 999.5, 0), "1,000");  /* 999.5 → 1000 (half to even) */
  assert_formatted (lo_formatter_number (f, 12, 0), "12");
  assert_formatted (lo_formatter_number (f, 123456, 0), "123,456");
  assert_formatted (lo_formatter_money (f, 55000, "USD", 0), "$55,000");
  assert_formatted (lo_formatter_money (f, 513732.4, "USD", 0), "$513,732");
  assert_formatted (lo_formatter_money (f, 135000, "usd", 0), "$135,000");
  assert_formatted (lo_formatter_money (f, -1234.5, "EUR", 2), "\u2212€1,234.50");
  assert_formatted (lo_formatter_money (f, -0.004, "EUR", 2), "€0.00");  /* no "−€0.00" */
  assert_formatted (lo_formatter_money (f, 1000, "CHF", 0), "CHF\u00a01,000");
  assert_formatted (lo_formatter_money (f, 1000, "GBP", 2), "£1,000.00");
  assert_formatted (lo_formatter_money (f, 500, "ILS", 0), "₪500");
  assert_formatted (lo_formatter_money (f, 500, "CNY", 0), "CN¥500");
  assert_formatted (lo_formatter_money (f, 500, "ZAR", 0), "R500");
  /* short money: < 1000 whole, then k / M / B with one decimal below 10 */
  assert_formatted (lo_formatter_money_short (f, 0, "USD"), "$0");
  assert_formatted (lo_formatter_money_short (f, 950, "USD"), "$950");
  assert_formatted (lo_formatter_money_short (f, 55000, "USD"), "$55k");
  assert_formatted (lo_formatter_money_short (f, 2000, "USD"), "$2k");
  assert_formatted (lo_formatter_money_short (f, 2500, "USD"), "$2.5k");
  assert_formatted (lo_formatter_money_short (f, 1234567, "USD"), "$1.2M");  /* 1.234567 → 1.2 */
  assert_formatted (lo_formatter_money_short (f, 999960, "USD"), "$1M");     /* 999.96k → 1000k = 1M */
  assert_formatted (lo_formatter_money_short (f, -152904, "USD"), "\u2212$153k"); /* 152.904 → 153 */
  assert_formatted (lo_formatter_money_short (f, -150000, "USD"), "\u2212$150k");
  assert_formatted (lo_formatter_money_short (f, 3.4e9, "USD"), "$3.4B");
  assert_formatted (lo_formatter_percent (f, 0.28, 0), "28%");
  assert_formatted (lo_formatter_percent (f, 12.5, 0), "1,250%");
  assert_formatted (lo_formatter_percent (f, -0.05, 0), "\u22125%");
  assert_formatted (lo_formatter_months (f, 9.66), "9.7 months");
  assert_formatted (lo_formatter_months (f, NAN), "never");
  assert_formatted (lo_formatter_weeks (f, 12), "12 weeks");
  assert_formatted (lo_formatter_weeks (f, 1), "1 week");
  assert_formatted (lo_formatter_date (f, "2026-03-01"), "March 1, 2026");
  assert_formatted (lo_formatter_month_short (f, 2027, 3), "Mar\u00a027");
}

static void
test_format_de (void)
{
  /* Built-in conventions: no de_DE locale needed */
  g_autoptr(LoFormatter) f = lo_formatter_new ("de_DE");

  g_assert_cmpstr (lo_formatter_get_language (f), ==, "de");
  g_assert_cmpstr (lo_formatter_get_decimal_mark (f), ==, ",");
  g_assert_cmpstr (lo_formatter_get_group_mark (f), ==, ".");
  assert_formatted (lo_formatter_number (f, 1234.5, 1), "1.234,5");
  assert_formatted (lo_formatter_number (f, 1234567.891, 2), "1.234.567,89");
  assert_formatted (lo_formatter_number (f, 2.71, 2), "2,71");
  assert_formatted (lo_formatter_number (f, -3.25, 1), "\u22123,2");
  assert_formatted (lo_formatter_money (f, 55000, "USD", 0), "55.000\u00a0$");
  assert_formatted (lo_formatter_money (f, 55000, "EUR", 0), "55.000\u00a0€");
  assert_formatted (lo_formatter_money (f, -1234.5, "EUR", 2), "\u22121.234,50\u00a0€");
  assert_formatted (lo_formatter_money (f, 1000, "CHF", 0), "1.000\u00a0CHF");
  assert_formatted (lo_formatter_money_short (f, 1234567, "EUR"), "1,2M\u00a0€");
  assert_formatted (lo_formatter_money_short (f, 55000, "EUR"), "55k\u00a0€");
  assert_formatted (lo_formatter_percent (f, 0.285, 1), "28,5\u00a0%"); /* 28.4999… → 28.5 */
  assert_formatted (lo_formatter_percent (f, 0.28, 0), "28\u00a0%");
  assert_formatted (lo_formatter_months (f, 9.66), "9,7 months"); /* no catalogue under test */
  /* Month names come from the catalogue, which the test does not load */
  assert_formatted (lo_formatter_date (f, "2026-03-01"), "1. March 2026");
}

static void
test_format_other (void)
{
  g_autoptr(LoFormatter) de = lo_formatter_new ("de");
  g_autoptr(LoFormatter) gb = lo_formatter_new ("en_GB.UTF-8");
  g_autoptr(LoFormatter) fr = lo_formatter_new ("fr_FR");
  g_autoptr(LoFormatter) unknown = lo_formatter_new ("xx_YY");

  assert_formatted (lo_formatter_number (de, 1234.5, 1), "1.234,5");
  assert_formatted (lo_formatter_date (gb, "2026-03-12"), "12 March 2026");
  assert_formatted (lo_formatter_money (fr, 1234, "EUR", 0), "1\u202f234\u00a0€");
  /* Neither in the table nor installed: English */
  g_assert_cmpstr (lo_formatter_get_language (unknown), ==, "en");
  assert_formatted (lo_formatter_number (unknown, 1234.5, 1), "1,234.5");
}

/* The default formatter follows the user's locale (LC_NUMERIC). */
static void
test_format_default (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    return;
  {
    g_autoptr(LoFormatter) f = lo_formatter_new_default ();

    g_assert_cmpstr (lo_formatter_get_language (f), ==, "de");
    assert_formatted (lo_format_number (1234.5, 1), "1.234,5");
    assert_formatted (lo_format_money (513732, "USD", 0), "513.732\u00a0$");
  }
  restore_locale ();
  assert_formatted (lo_format_money (513732, "USD", 0), "$513,732");
  g_assert_true (lo_formatter_lookup ("de") == lo_formatter_lookup ("de"));
}

static void
test_format_plain (void)
{
  g_autoptr(LoFormatter) en = lo_formatter_new ("en");
  g_autoptr(LoFormatter) de = lo_formatter_new ("de");
  double back = 0;

  assert_formatted (lo_formatter_plain (en, 1234.5), "1234.5");
  assert_formatted (lo_formatter_plain (de, 1234.5), "1234,5");
  assert_formatted (lo_formatter_plain (de, -0.35), "-0,35");
  assert_formatted (lo_formatter_plain (en, 75), "75");
  assert_formatted (lo_formatter_plain (en, NAN), "");
  /* and back */
  g_assert_true (lo_formatter_parse (de, "1234,5", &back));
  g_assert_cmpfloat (back, ==, 1234.5);
}

static gpointer
format_thread (gpointer data)
{
  LoFormatter *f = data;
  gboolean german = g_str_equal (lo_formatter_get_language (f), "de");

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *s = lo_formatter_money (f, 1234.5, "EUR", 2);

      if (g_strcmp0 (s, german ? "1.234,50\u00a0€" : "€1,234.50") != 0)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

/* Formatters of two languages in four threads at once give each its own text. */
static void
test_format_threads (void)
{
  g_autoptr(LoFormatter) en = lo_formatter_new ("en");
  g_autoptr(LoFormatter) de = lo_formatter_new ("de");
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("format", format_thread, i % 2 ? de : en);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

typedef struct
{
  const char *locale;
  const char *text;
  gboolean    ok;
  double      value;
} PersonCase;

static const PersonCase person_cases[] = {
  { "en", "1,234.5", TRUE, 1234.5 },
  { "en", " 75 ", TRUE, 75 },
  { "en", "75 %", TRUE, 75 },
  { "en", "\u22123.5", TRUE, -3.5 },
  { "en", "-3.5", TRUE, -3.5 },
  { "en", "abc", FALSE, 0 },
  { "en", "", FALSE, 0 },
  { "en", "1.2.3", FALSE, 0 },
  { "de", "1.234,5", TRUE, 1234.5 },
  { "de", "0,25", TRUE, 0.25 },
  { "de", "55\u00a0000", TRUE, 55000 },
  { "de", "12a", FALSE, 0 },
};

static void
test_format_parse (gconstpointer data)
{
  const PersonCase *c = data;
  g_autoptr(LoFormatter) f = lo_formatter_new (c->locale);
  double value = -12345;

  g_assert_cmpint (lo_formatter_parse (f, c->text, &value), ==, c->ok);
  g_assert_cmpfloat (value, ==, c->ok ? c->value : -12345);
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
  g_test_add_func ("/lo/format/other", test_format_other);
  g_test_add_func ("/lo/format/default", test_format_default);
  g_test_add_func ("/lo/format/threads", test_format_threads);
  g_test_add_func ("/lo/format/plain", test_format_plain);
  for (guint i = 0; i < G_N_ELEMENTS (person_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/format/parse/%u", i);
      g_test_add_data_func (path, &person_cases[i], test_format_parse);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/format/parse-double/%u", i);
      g_test_add_data_func (path, &parse_cases[i], test_parse_double);
    }
  g_test_add_func ("/lo/format/parse-double/null", test_parse_double_null);
  g_test_add_func ("/lo/format/parse-double/locale", test_parse_double_locale);

  return g_test_run ();
}
