/* lo-format.h: numbers, money and dates for people, in the user's locale
 *
 * Files never use these: they store numbers with g_ascii_dtostr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-types.h"

G_BEGIN_DECLS

/* "1,234.5" in en_US, "1.234,5" in de_DE; NAN gives the translated "none". */
char *lo_format_number  (double value,
                         int    decimals);
/* "$55,000" / "55.000 $" style: the currency symbol for the common ISO codes
 * (USD, EUR, GBP, CHF …), the code otherwise; decimals 0 or 2. */
char *lo_format_money   (double      value,
                         const char *currency,
                         int         decimals);
/* Short money for chart labels: "$55k", "$1.2M". */
char *lo_format_money_short (double      value,
                             const char *currency);
char *lo_format_percent (double value,      /* 0.28 → "28 %" per locale */
                         int    decimals);
/* "YYYY-MM-DD" → localized long date; NULL when not a date. */
char *lo_format_date    (const char *iso_date);

/* Locale-independent parse of a file's number: whole string, finite. */
gboolean lo_parse_double (const char *text,
                          double     *value);

G_END_DECLS
