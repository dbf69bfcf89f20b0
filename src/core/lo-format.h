/* lo-format.h: numbers, money, durations and dates for people
 *
 * One formatter for the window, the report, the command line's text output
 * and exports. A LoFormatter is made for a locale ("de_DE", "en_US.UTF-8",
 * "de", "C") and never changes afterwards, so any thread may use it; it
 * never switches the process locale. Files (JSON, CSV, .lightsout) never use
 * it: they write numbers with g_ascii_dtostr.
 *
 * Conventions: digits grouped by three with the language's separator, one
 * minus sign everywhere (U+2212 “−”), no “−0”, NAN as the translated “none”.
 * The words (“none”, “months”, month names, “k”/“M” of short money) are
 * translated through the program's message catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-types.h"

G_BEGIN_DECLS

typedef struct _LoFormatter LoFormatter;

#define LO_TYPE_FORMATTER (lo_formatter_get_type ())
GType        lo_formatter_get_type     (void) G_GNUC_CONST;

/* A formatter for @locale: a POSIX locale name or a bare language. Known
 * languages (en, de, fr, es, it, nl, pt, sv) use built-in conventions, so a
 * German report comes out the same on a machine without German locales;
 * others are read from the C library's locale when it is installed. "C",
 * "POSIX" and unknown names format as "en" does. NULL: the user's locale
 * (LC_NUMERIC). (transfer full) */
LoFormatter *lo_formatter_new          (const char  *locale);
/* The user's locale, as lo_formatter_new (NULL). (transfer full) */
LoFormatter *lo_formatter_new_default  (void);
/* A shared formatter for @locale (NULL: the user's locale as it is now),
 * kept for the life of the process; thread-safe. (transfer none) */
LoFormatter *lo_formatter_lookup       (const char  *locale);
LoFormatter *lo_formatter_ref          (LoFormatter *self);
void         lo_formatter_unref        (LoFormatter *self);
/* The language code the conventions were taken from: "en", "de" … */
const char  *lo_formatter_get_language (const LoFormatter *self);
/* The decimal mark and the digit group separator (UTF-8). */
const char  *lo_formatter_get_decimal_mark (const LoFormatter *self);
const char  *lo_formatter_get_group_mark   (const LoFormatter *self);

/* "1,234.5" (en), "1.234,5" (de). All results are (transfer full). */
char *lo_formatter_number      (const LoFormatter *self,
                                double             value,
                                int                decimals);
/* "$55,000", "−€1,234.50" (en); "55.000 €" (de). @currency: an ISO 4217 code,
 * shown as its symbol when it has a common one, NULL = "USD"; @decimals 0 or 2. */
char *lo_formatter_money       (const LoFormatter *self,
                                double             value,
                                const char        *currency,
                                int                decimals);
/* For chart labels: "$950", "$55k", "$1.2M", "$3.4B". */
char *lo_formatter_money_short (const LoFormatter *self,
                                double             value,
                                const char        *currency);
/* 0.28 → "28%" (en), "28 %" (de, a no-break space). */
char *lo_formatter_percent     (const LoFormatter *self,
                                double             fraction,
                                int                decimals);
/* "9.7 months"; NAN → "never". */
char *lo_formatter_months      (const LoFormatter *self,
                                double             months);
/* "12 weeks" (rounded to whole weeks). */
char *lo_formatter_weeks       (const LoFormatter *self,
                                double             weeks);
/* "YYYY-MM-DD" → "12 March 2026" (en), "March 12, 2026" (en_US),
 * "12. März 2026" (de); NULL when not a date. */
char *lo_formatter_date        (const LoFormatter *self,
                                const char        *iso_date);
/* "Mar 27" for chart axes. */
char *lo_formatter_month_short (const LoFormatter *self,
                                int                year,
                                int                month);

/* A number for a person to edit: up to ten significant digits, the decimal
 * mark, no grouping, the ASCII "-" ("0.35", "1234,5"); NAN gives "". What
 * lo_formatter_parse() reads back. */
char *lo_formatter_plain       (const LoFormatter *self,
                                double             value);

/* Reads a number a person typed in this formatter's conventions: the
 * decimal mark, group separators (also spaces and no-break spaces), a
 * trailing "%", either minus sign. FALSE when it is not a number. */
gboolean lo_formatter_parse    (const LoFormatter *self,
                                const char        *text,
                                double            *value);

/* "2026-12" (as a person types a month, spaces around allowed) → year and
 * month; FALSE unless a month of the years 1900 … 9999. */
gboolean lo_parse_month        (const char        *text,
                                int               *year,
                                int               *month);

/* The symbol shown for an ISO 4217 code ("$" for "USD"), or the code itself. */
const char *lo_currency_symbol (const char *currency);

/* The same with the shared formatter of the user's locale
 * (lo_formatter_lookup (NULL)). */
char *lo_format_number      (double      value,
                             int         decimals);
char *lo_format_money       (double      value,
                             const char *currency,
                             int         decimals);
char *lo_format_money_short (double      value,
                             const char *currency);
char *lo_format_percent     (double      value,
                             int         decimals);
char *lo_format_months      (double      months);
char *lo_format_date        (const char *iso_date);

/* Locale-independent parse of a file's number: whole string, finite. */
gboolean lo_parse_double (const char *text,
                          double     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoFormatter, lo_formatter_unref)

G_END_DECLS
