/* lo-format.c: numbers, money, durations and dates for people
 *
 * A formatter holds its conventions (decimal mark, group separator, where
 * the currency symbol goes, the space before "%", the order of a date) and
 * formats by hand with g_ascii_formatd: nothing depends on the locale of the
 * process or of the calling thread once the formatter exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* P_CS_PRECEDES for nl_langinfo_l */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lo-format.h"

#define NBSP "\u00a0"
#define NNBSP "\u202f"
#define MINUS "\u2212"

typedef enum
{
  DATE_DMY,        /* 12 March 2026 */
  DATE_DMY_DOT,    /* 12. März 2026 */
  DATE_D_DE_M_DE_Y,/* 12 de marzo de 2026 */
  DATE_MDY,        /* March 12, 2026 */
} DateOrder;

typedef struct
{
  const char *locale;         /* "en" or "en_US": a territory entry wins */
  const char *decimal;
  const char *group;
  gboolean    symbol_after;   /* "55.000 €" */
  const char *percent_space;  /* between the number and "%" */
  DateOrder   date_order;
} Convention;

/* Kept here rather than taken from the C library, whose locales need not be
 * installed: a German report must come out the same on a machine that only
 * has C.UTF-8. */
static const Convention conventions[] = {
  { "en_US", ".", ",", FALSE, "", DATE_MDY },
  { "en", ".", ",", FALSE, "", DATE_DMY },
  { "de", ",", ".", TRUE, NBSP, DATE_DMY_DOT },
  { "fr", ",", NNBSP, TRUE, NNBSP, DATE_DMY },
  { "es", ",", ".", TRUE, NBSP, DATE_D_DE_M_DE_Y },
  { "it", ",", ".", TRUE, "", DATE_DMY },
  { "nl", ",", ".", FALSE, NBSP, DATE_DMY },
  { "pt", ",", ".", TRUE, NBSP, DATE_D_DE_M_DE_Y },
  { "sv", ",", NBSP, TRUE, NBSP, DATE_DMY },
};

struct _LoFormatter
{
  gatomicrefcount ref_count;
  char           *language;
  char           *decimal;
  char           *group;
  gboolean        symbol_after;
  char           *percent_space;
  DateOrder       date_order;
};

G_DEFINE_BOXED_TYPE (LoFormatter, lo_formatter, lo_formatter_ref, lo_formatter_unref)

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
  { "ILS", "₪" },
};

static const char *month_names[12] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
  N_("December"),
};

static const char *month_abbreviations[12] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/* Construction */

/* "de_DE.UTF-8@euro" → language "de", territory "DE" */
static void
split_locale (const char *locale,
              char      **language,
              char      **territory)
{
  gsize n = strcspn (locale, "_.@");

  *language = g_ascii_strdown (locale, n);
  *territory = NULL;
  if (locale[n] == '_')
    *territory = g_ascii_strup (locale + n + 1, strcspn (locale + n + 1, ".@"));
}

static const Convention *
find_convention (const char *language,
                 const char *territory)
{
  g_autofree char *full = territory ? g_strconcat (language, "_", territory, NULL) : NULL;

  if (full != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (conventions); i++)
      if (strcmp (conventions[i].locale, full) == 0)
        return &conventions[i];
  for (guint i = 0; i < G_N_ELEMENTS (conventions); i++)
    if (strcmp (conventions[i].locale, language) == 0)
      return &conventions[i];
  return NULL;
}

static void
take_convention (LoFormatter      *self,
                 const Convention *c)
{
  self->decimal = g_strdup (c->decimal);
  self->group = g_strdup (c->group);
  self->symbol_after = c->symbol_after;
  self->percent_space = g_strdup (c->percent_space);
  self->date_order = c->date_order;
}

/* A language the table does not know: the C library's conventions, when
 * the locale is installed (newlocale does not touch any thread's locale). */
static gboolean
take_libc_convention (LoFormatter *self,
                      const char  *locale)
{
  locale_t loc = newlocale (LC_NUMERIC_MASK | LC_MONETARY_MASK, locale, (locale_t) 0);
  const char *decimal, *group, *precedes;

  if (loc == (locale_t) 0)
    return FALSE;
  decimal = nl_langinfo_l (RADIXCHAR, loc);
  group = nl_langinfo_l (THOUSEP, loc);
  precedes = nl_langinfo_l (P_CS_PRECEDES, loc);
  if (decimal == NULL || *decimal == '\0' || !g_utf8_validate (decimal, -1, NULL)
      || group == NULL || !g_utf8_validate (group, -1, NULL))
    {
      freelocale (loc);
      return FALSE;
    }
  self->decimal = g_strdup (decimal);
  self->group = g_strdup (group);
  /* The value is the first byte: 0 after, 1 before, CHAR_MAX unknown */
  self->symbol_after = precedes != NULL && precedes[0] == 0;
  self->percent_space = g_strdup (NBSP);
  self->date_order = DATE_DMY;
  freelocale (loc);
  return TRUE;
}

LoFormatter *
lo_formatter_new (const char *locale)
{
  LoFormatter *self = g_new0 (LoFormatter, 1);
  g_autofree char *language = NULL;
  g_autofree char *territory = NULL;
  const Convention *c;

  g_atomic_ref_count_init (&self->ref_count);
  if (locale == NULL)
    locale = setlocale (LC_NUMERIC, NULL);
  if (locale == NULL || *locale == '\0' || g_str_equal (locale, "POSIX")
      || g_str_has_prefix (locale, "C.") || g_str_equal (locale, "C"))
    locale = "en";

  split_locale (locale, &language, &territory);
  c = find_convention (language, territory);
  if (c != NULL)
    take_convention (self, c);
  else if (!take_libc_convention (self, locale))
    {
      g_clear_pointer (&language, g_free);
      language = g_strdup ("en");
      take_convention (self, find_convention ("en", NULL));
    }
  self->language = g_steal_pointer (&language);
  return self;
}

LoFormatter *
lo_formatter_new_default (void)
{
  return lo_formatter_new (NULL);
}

LoFormatter *
lo_formatter_ref (LoFormatter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lo_formatter_unref (LoFormatter *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->language);
  g_free (self->decimal);
  g_free (self->group);
  g_free (self->percent_space);
  g_free (self);
}

LoFormatter *
lo_formatter_lookup (const char *locale)
{
  static GMutex lock;
  static GHashTable *shared;
  g_autofree char *key = NULL;
  LoFormatter *formatter;

  g_mutex_lock (&lock);
  if (locale == NULL)
    locale = setlocale (LC_NUMERIC, NULL);
  key = g_strdup (locale != NULL ? locale : "C");
  if (shared == NULL)
    shared = g_hash_table_new (g_str_hash, g_str_equal);
  formatter = g_hash_table_lookup (shared, key);
  if (formatter == NULL)
    {
      /* Never freed: callers hold them without a reference. */
      formatter = lo_formatter_new (key);
      g_hash_table_insert (shared, g_steal_pointer (&key), formatter);
    }
  g_mutex_unlock (&lock);
  return formatter;
}

const char *
lo_formatter_get_language (const LoFormatter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

const char *
lo_formatter_get_decimal_mark (const LoFormatter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->decimal;
}

const char *
lo_formatter_get_group_mark (const LoFormatter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group;
}

/* Numbers */

static char *
format_none (void)
{
  /* TRANSLATORS: shown for a figure that has no value (an IRR without a root) */
  return g_strdup (_("none"));
}

static gboolean
rounds_to_zero (double value,
                int    decimals)
{
  return fabs (value) < 0.5 * pow (10, -decimals);
}

/* |value| with grouping and the decimal mark, no sign. */
static char *
format_abs (const LoFormatter *self,
            double             value,
            int                decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 320];
  char format[16];
  GString *out;
  const char *dot;
  gsize int_len;

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 15));
  g_ascii_formatd (buf, sizeof buf, format, fabs (value));

  dot = strchr (buf, '.');
  int_len = dot != NULL ? (gsize) (dot - buf) : strlen (buf);
  out = g_string_new (NULL);
  for (gsize i = 0; i < int_len; i++)
    {
      g_string_append_c (out, buf[i]);
      if (i + 1 < int_len && (int_len - i - 1) % 3 == 0)
        g_string_append (out, self->group);
    }
  if (dot != NULL)
    {
      g_string_append (out, self->decimal);
      g_string_append (out, dot + 1);
    }
  return g_string_free (out, FALSE);
}

char *
lo_formatter_number (const LoFormatter *self,
                     double             value,
                     int                decimals)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (isnan (value))
    return format_none ();
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : MINUS "∞");
  decimals = CLAMP (decimals, 0, 15);
  digits = format_abs (self, value, decimals);
  if (value < 0 && !rounds_to_zero (value, decimals))
    return g_strconcat (MINUS, digits, NULL);
  return g_steal_pointer (&digits);
}

char *
lo_formatter_plain (const LoFormatter *self,
                    double             value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (!isfinite (value))
    return g_strdup ("");
  if (value == 0)
    value = 0; /* no "-0" */
  g_ascii_formatd (buf, sizeof buf, "%.10g", value);
  out = g_string_new (NULL);
  for (const char *p = buf; *p != '\0'; p++)
    {
      if (*p == '.')
        g_string_append (out, self->decimal);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

const char *
lo_currency_symbol (const char *currency)
{
  if (currency == NULL || *currency == '\0')
    currency = "USD";
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (currency, currencies[i].code) == 0)
      return currencies[i].symbol;
  return currency;
}

static gboolean
is_word (const char *text)
{
  if (strlen (text) < 2)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

/* "−$1,234", "CHF 1,234", "−1.234 €" */
static char *
attach_currency (const LoFormatter *self,
                 const char        *digits,
                 const char        *currency,
                 gboolean           negative)
{
  const char *symbol = lo_currency_symbol (currency);
  const char *sign = negative ? MINUS : "";

  if (self->symbol_after)
    return g_strconcat (sign, digits, NBSP, symbol, NULL);
  /* Codes used as symbols ("CHF") need a space to stay readable */
  return g_strconcat (sign, symbol, is_word (symbol) ? NBSP : "", digits, NULL);
}

char *
lo_formatter_money (const LoFormatter *self,
                    double             value,
                    const char        *currency,
                    int                decimals)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!isfinite (value))
    return lo_formatter_number (self, value, 0);
  decimals = decimals > 0 ? 2 : 0;
  digits = format_abs (self, value, decimals);
  return attach_currency (self, digits, currency, value < 0 && !rounds_to_zero (value, decimals));
}

char *
lo_formatter_money_short (const LoFormatter *self,
                          double             value,
                          const char        *currency)
{
  g_autofree char *number = NULL;
  g_autofree char *digits = NULL;
  double magnitude, scaled, divisor;
  const char *suffix = "";
  int decimals = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (!isfinite (value))
    return lo_formatter_number (self, value, 0);

  magnitude = round (fabs (value));
  scaled = magnitude;
  if (magnitude >= 1e3)
    {
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
      /* One decimal below 10 ("$1.2M"), none above ("$55k"); a rounded
       * 999.96k becomes the next unit */
      decimals = scaled < 9.95 ? 1 : 0;
      scaled = round (scaled * (decimals ? 10 : 1)) / (decimals ? 10 : 1);
      if (scaled >= 1000 && divisor < 1e9)
        {
          scaled /= 1000;
          decimals = 1;
          suffix = divisor == 1e3 ? C_("millions", "M") : C_("billions", "B");
        }
      /* "$2k", not "$2.0k" */
      if (decimals == 1 && scaled == floor (scaled))
        decimals = 0;
    }

  number = format_abs (self, scaled, decimals);
  digits = g_strconcat (number, suffix, NULL);
  return attach_currency (self, digits, currency, value < 0 && magnitude > 0);
}

char *
lo_formatter_percent (const LoFormatter *self,
                      double             fraction,
                      int                decimals)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!isfinite (fraction))
    return lo_formatter_number (self, fraction, decimals);
  number = lo_formatter_number (self, fraction * 100, decimals);
  return g_strconcat (number, self->percent_space, "%", NULL);
}

char *
lo_formatter_months (const LoFormatter *self,
                     double             months)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!isfinite (months))
    /* TRANSLATORS: a payback time that is never reached */
    return g_strdup (_("never"));
  number = lo_formatter_number (self, months, 1);
  /* TRANSLATORS: %s is a number of months such as "9.7" */
  return g_strdup_printf (_("%s months"), number);
}

char *
lo_formatter_weeks (const LoFormatter *self,
                    double             weeks)
{
  g_autofree char *number = NULL;
  gulong n;

  g_return_val_if_fail (self != NULL, NULL);

  if (!isfinite (weeks))
    return lo_formatter_number (self, weeks, 0);
  number = lo_formatter_number (self, weeks, 0);
  n = (gulong) MIN (fabs (round (weeks)), (double) G_MAXULONG);
  /* TRANSLATORS: %s is a whole number of weeks such as "12" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s week", "%s weeks", n), number);
}

/* Dates */

static gboolean
parse_iso_date (const char *iso_date,
                int        *year,
                int        *month,
                int        *day)
{
  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (iso_date[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (iso_date[i]))
        return FALSE;
    }
  *year = atoi (iso_date);
  *month = atoi (iso_date + 5);
  *day = atoi (iso_date + 8);
  return *year >= 1 && g_date_valid_dmy (*day, *month, *year);
}

char *
lo_formatter_date (const LoFormatter *self,
                   const char        *iso_date)
{
  int year, month, day;
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);

  if (!parse_iso_date (iso_date, &year, &month, &day))
    return NULL;
  name = _(month_names[month - 1]);
  switch (self->date_order)
    {
    case DATE_MDY:
      return g_strdup_printf ("%s %d, %d", name, day, year);
    case DATE_DMY_DOT:
      return g_strdup_printf ("%d. %s %d", day, name, year);
    case DATE_D_DE_M_DE_Y:
      return g_strdup_printf ("%d de %s de %d", day, name, year);
    case DATE_DMY:
    default:
      return g_strdup_printf ("%d %s %d", day, name, year);
    }
}

char *
lo_formatter_month_short (const LoFormatter *self,
                          int                year,
                          int                month)
{
  const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "month",
                                   month_abbreviations[CLAMP (month, 1, 12) - 1]);

  g_return_val_if_fail (self != NULL, NULL);
  return g_strdup_printf ("%s" NBSP "%02d", name, year % 100);
}

/* The shared formatter of the user's locale */

char *
lo_format_number (double value,
                  int    decimals)
{
  return lo_formatter_number (lo_formatter_lookup (NULL), value, decimals);
}

char *
lo_format_money (double      value,
                 const char *currency,
                 int         decimals)
{
  return lo_formatter_money (lo_formatter_lookup (NULL), value, currency, decimals);
}

char *
lo_format_money_short (double      value,
                       const char *currency)
{
  return lo_formatter_money_short (lo_formatter_lookup (NULL), value, currency);
}

char *
lo_format_percent (double value,
                   int    decimals)
{
  return lo_formatter_percent (lo_formatter_lookup (NULL), value, decimals);
}

char *
lo_format_months (double months)
{
  return lo_formatter_months (lo_formatter_lookup (NULL), months);
}

char *
lo_format_date (const char *iso_date)
{
  return lo_formatter_date (lo_formatter_lookup (NULL), iso_date);
}

/* Parsing */

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

gboolean
lo_formatter_parse (const LoFormatter *self,
                    const char        *text,
                    double            *value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *stripped = NULL;
  const char *p;

  g_return_val_if_fail (self != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  p = stripped;
  if (g_str_has_prefix (p, MINUS))
    {
      g_string_append_c (plain, '-');
      p += strlen (MINUS);
    }
  while (*p != '\0')
    {
      if (g_str_has_prefix (p, self->decimal))
        {
          g_string_append_c (plain, '.');
          p += strlen (self->decimal);
        }
      else if (*self->group != '\0' && g_str_has_prefix (p, self->group))
        p += strlen (self->group);
      else if (g_str_has_prefix (p, NNBSP) || g_str_has_prefix (p, NBSP))
        p = g_utf8_next_char (p);
      else if (*p == ' ' || (*p == '%' && p[1] == '\0'))
        p++;
      else
        g_string_append_c (plain, *p++);
    }
  return lo_parse_double (plain->str, value);
}

gboolean
lo_parse_month (const char *text,
                int        *year,
                int        *month)
{
  g_autofree char *s = NULL;
  char *end = NULL;
  gint64 y, m;

  if (text == NULL)
    return FALSE;
  s = g_strstrip (g_strdup (text));
  if (strlen (s) != 7 || s[4] != '-' || !g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[5]))
    return FALSE;
  y = g_ascii_strtoll (s, &end, 10);
  if (end != s + 4)
    return FALSE;
  m = g_ascii_strtoll (s + 5, &end, 10);
  if (*end != '\0' || m < 1 || m > 12 || y < 1900 || y > 9999)
    return FALSE;
  if (year != NULL)
    *year = (int) y;
  if (month != NULL)
    *month = (int) m;
  return TRUE;
}
