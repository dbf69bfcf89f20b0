/* lo-format.c: numbers, money and dates for people, in the current locale
 *
 * Digits are grouped with printf's ' flag, which follows LC_NUMERIC (“1,234.5”
 * in en_US, “1.234,5” in de_DE, “1234.5” in C); where the currency symbol goes
 * follows LC_MONETARY (p_cs_precedes, p_sep_by_space).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lo-format.h"

static char *
format_none (void)
{
  /* TRANSLATORS: shown for a figure that has no value (a payback never reached) */
  return g_strdup (_("none"));
}

char *
lo_format_number (double value,
                  int    decimals)
{
  decimals = CLAMP (decimals, 0, 15);

  if (isnan (value))
    return format_none ();
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  /* No “-0” for a value that rounds to zero */
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;

  return g_strdup_printf ("%'.*f", decimals, value);
}

typedef struct
{
  const char *code;
  const char *symbol;
} Currency;

static const Currency currencies[] = {
  { "USD", "$" },
  { "EUR", "€" },
  { "GBP", "£" },
  { "JPY", "¥" },
  { "CNY", "CN¥" },
  { "INR", "₹" },
  { "CAD", "CA$" },
  { "AUD", "A$" },
  { "NZD", "NZ$" },
  { "CHF", "CHF" },
  { "SEK", "kr" },
  { "NOK", "kr" },
  { "DKK", "kr" },
  { "PLN", "zł" },
  { "BRL", "R$" },
  { "MXN", "MX$" },
  { "KRW", "₩" },
  { "ZAR", "R" },
};

static const char *
currency_symbol (const char *currency)
{
  if (currency == NULL || *currency == '\0')
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (currency, currencies[i].code) == 0)
      return currencies[i].symbol;
  return currency;
}

static gboolean
is_ascii_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

/* Puts @symbol before or after the formatted absolute amount @digits as the
 * locale's monetary conventions say; C gives “$1234”. */
static char *
place_symbol (const char *digits,
              const char *symbol,
              gboolean    negative)
{
  const struct lconv *lc = localeconv ();
  gboolean precedes = TRUE;
  gboolean space = FALSE;
  const char *sign = negative ? "-" : "";

  if (lc->p_cs_precedes != CHAR_MAX)
    precedes = lc->p_cs_precedes != 0;
  if (lc->p_sep_by_space != CHAR_MAX)
    space = lc->p_sep_by_space != 0;
  /* Codes used as symbols (“CHF”) always need a space to stay readable */
  if (strlen (symbol) > 1 && is_ascii_word (symbol))
    space = TRUE;

  if (*symbol == '\0')
    return g_strconcat (sign, digits, NULL);
  if (precedes)
    return g_strconcat (sign, symbol, space ? " " : "", digits, NULL);
  return g_strconcat (sign, digits, space ? " " : "", symbol, NULL);
}

char *
lo_format_money (double      value,
                 const char *currency,
                 int         decimals)
{
  g_autofree char *digits = NULL;
  gboolean negative;

  if (!isfinite (value))
    return lo_format_number (value, 0);

  decimals = decimals > 0 ? 2 : 0;
  negative = value < 0 && fabs (value) >= 0.5 * pow (10, -decimals);
  digits = lo_format_number (fabs (value), decimals);

  return place_symbol (digits, currency_symbol (currency), negative);
}

char *
lo_format_money_short (double      value,
                       const char *currency)
{
  g_autofree char *digits = NULL;
  g_autofree char *number = NULL;
  double magnitude;
  const char *suffix = "";
  double scaled;
  int decimals;

  if (!isfinite (value))
    return lo_format_number (value, 0);

  magnitude = round (fabs (value));
  if (magnitude < 1e3)
    {
      scaled = magnitude;
      decimals = 0;
    }
  else
    {
      double divisor;

      if (magnitude < 1e6)
        {
          divisor = 1e3;
          /* TRANSLATORS: suffix for thousands in short money, "$55k" */
          suffix = C_("thousands", "k");
        }
      else if (magnitude < 1e9)
        {
          divisor = 1e6;
          /* TRANSLATORS: suffix for millions in short money, "$1.2M" */
          suffix = C_("millions", "M");
        }
      else
        {
          divisor = 1e9;
          /* TRANSLATORS: suffix for billions in short money, "$3.4B" */
          suffix = C_("billions", "B");
        }

      scaled = magnitude / divisor;
      /* One decimal below 10 (“$1.2M”), none above (“$55k”); a rounded
       * 999.96k becomes the next unit */
      decimals = scaled < 9.95 ? 1 : 0;
      scaled = round (scaled * (decimals ? 10 : 1)) / (decimals ? 10 : 1);
      if (scaled >= 1000 && divisor < 1e9)
        {
          scaled /= 1000;
          decimals = 1;
          suffix = divisor == 1e3 ? C_("millions", "M") : C_("billions", "B");
        }
      /* “$2k”, not “$2.0k” */
      if (decimals == 1 && scaled == floor (scaled))
        decimals = 0;
    }

  number = lo_format_number (scaled, decimals);
  digits = g_strconcat (number, suffix, NULL);

  return place_symbol (digits, currency_symbol (currency), value < 0 && magnitude > 0);
}

char *
lo_format_percent (double value,
                   int    decimals)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return lo_format_number (value, decimals);

  number = lo_format_number (value * 100, decimals);
  /* TRANSLATORS: a percentage; %s is the number ("28 %") */
  return g_strdup_printf (_("%s %%"), number);
}

char *
lo_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso_date == NULL || strlen (iso_date) != 10)
    return NULL;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (iso_date[i] != '-')
            return NULL;
        }
      else if (!g_ascii_isdigit (iso_date[i]))
        return NULL;
    }

  year = atoi (iso_date);
  month = atoi (iso_date + 5);
  day = atoi (iso_date + 8);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return NULL;

  /* TRANSLATORS: a long date, see g_date_time_format(); German: "%-d. %B %Y" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

/* [+-]digits[.digits][(e|E)[+-]digits], at least one mantissa digit: what a
 * file may hold. Rules out hex, “nan”, “inf” and surrounding space, all of
 * which g_ascii_strtod would accept. */
static gboolean
is_decimal_syntax (const char *p)
{
  guint digits = 0;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits++;
    }
  if (digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      guint exponent = 0;

      p++;
      if (*p == '+' || *p == '-')
        p++;
      while (g_ascii_isdigit (*p))
        p++, exponent++;
      if (exponent == 0)
        return FALSE;
    }
  return *p == '\0';
}

gboolean
lo_parse_double (const char *text,
                 double     *value)
{
  char *end = NULL;
  double result;

  if (text == NULL || !is_decimal_syntax (text))
    return FALSE;

  result = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (result))
    return FALSE;

  if (result == 0)
    result = 0; /* "-0" is 0 */
  if (value)
    *value = result;
  return TRUE;
}
