/* lo-limits.c: SPEC §2c, the one table of limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-limits.h"

typedef struct
{
  const char *name;
  double      min;
  double      max;
  gboolean    min_exclusive;
  gboolean    integer;
} LimitInfo;

/* SPEC §2c, value for value. */
static const LimitInfo limit_info[LO_N_LIMITS] = {
  [LO_LIMIT_VOLUME_PER_MONTH]          = { "volume-per-month", 0, 1e9, FALSE, FALSE },
  [LO_LIMIT_MINUTES_PER_ITEM]          = { "minutes-per-item", 0, 1e4, FALSE, FALSE },
  [LO_LIMIT_HOURLY_COST]               = { "hourly-cost", 0, 1e6, FALSE, FALSE },
  [LO_LIMIT_AUTOMATION_RATE]           = { "automation-rate", 0, 1, FALSE, FALSE },
  [LO_LIMIT_EXCEPTION_RATE]            = { "exception-rate", 0, 1, FALSE, FALSE },
  [LO_LIMIT_MINUTES_PER_EXCEPTION]     = { "minutes-per-exception", 0, 1e4, FALSE, FALSE },
  [LO_LIMIT_ERROR_RATE_BEFORE]         = { "error-rate-before", 0, 1, FALSE, FALSE },
  [LO_LIMIT_ERROR_RATE_AFTER]          = { "error-rate-after", 0, 1, FALSE, FALSE },
  [LO_LIMIT_COST_PER_ERROR]            = { "cost-per-error", 0, 1e9, FALSE, FALSE },
  [LO_LIMIT_BUILD_COST]                = { "build-cost", 0, 1e12, FALSE, FALSE },
  [LO_LIMIT_BUILD_WEEKS]               = { "build-weeks", 0, 520, FALSE, FALSE },
  [LO_LIMIT_RUN_COST_PER_MONTH]        = { "run-cost-per-month", 0, 1e10, FALSE, FALSE },
  [LO_LIMIT_RAMP_MONTHS]               = { "ramp-months", 0, 120, FALSE, FALSE },
  [LO_LIMIT_REVIEW_MINUTES_PER_ITEM]   = { "review-minutes-per-item", 0, 1e4, FALSE, FALSE },
  [LO_LIMIT_OVERSIGHT_HOURS_PER_MONTH] = { "oversight-hours-per-month", 0, 1e5, FALSE, FALSE },
  [LO_LIMIT_HORIZON_MONTHS]            = { "horizon-months", 1, 240, FALSE, TRUE },
  [LO_LIMIT_DISCOUNT_RATE]             = { "discount-rate", -0.5, 1, FALSE, FALSE },
  [LO_LIMIT_HOURS_PER_WEEK]            = { "hours-per-week", 1, 168, FALSE, FALSE },
  [LO_LIMIT_REALISATION_RATE]          = { "realisation-rate", 0, 1, FALSE, FALSE },
  [LO_LIMIT_PARALLEL_BUILDS]           = { "parallel-builds", 1, 20, FALSE, TRUE },
  [LO_LIMIT_STEP_WEEKS]                = { "weeks", 1, 260, FALSE, FALSE },
  [LO_LIMIT_WEIGHT]                    = { "weight", 0, 1000, TRUE, FALSE },
  [LO_LIMIT_DRAWS]                     = { "draws", 1, 1e6, FALSE, TRUE },
  [LO_LIMIT_SEED]                      = { "seed", 0, 4294967295.0, FALSE, TRUE },
  [LO_LIMIT_ACTUAL_ITEMS]              = { "items", 0, 1e9, FALSE, FALSE },
  [LO_LIMIT_ACTUAL_HOURS]              = { "hours", 0, 1e6, FALSE, FALSE },
  [LO_LIMIT_ACTUAL_ERRORS]             = { "errors", 0, 1e9, FALSE, FALSE },
  [LO_LIMIT_ACTUAL_RUN_COST]           = { "run-cost", 0, 1e10, FALSE, FALSE },
  [LO_LIMIT_LEVEL]                     = { "level", 1, 5, FALSE, TRUE },
};

G_STATIC_ASSERT ((int) LO_LIMIT_OVERSIGHT_HOURS_PER_MONTH == (int) LO_INPUT_OVERSIGHT_HOURS_PER_MONTH);
G_STATIC_ASSERT ((int) LO_LIMIT_HORIZON_MONTHS == (int) LO_N_INPUTS);

LoLimitId
lo_limit_for_input (LoInputId id)
{
  g_return_val_if_fail (id < LO_N_INPUTS, LO_LIMIT_VOLUME_PER_MONTH);
  return (LoLimitId) id;
}

const char *
lo_limit_name (LoLimitId id)
{
  g_return_val_if_fail (id < LO_N_LIMITS, NULL);
  return limit_info[id].name;
}

void
lo_limit_range (LoLimitId id,
                double   *min,
                double   *max,
                gboolean *min_exclusive)
{
  g_return_if_fail (id < LO_N_LIMITS);
  if (min)
    *min = limit_info[id].min;
  if (max)
    *max = limit_info[id].max;
  if (min_exclusive)
    *min_exclusive = limit_info[id].min_exclusive;
}

gboolean
lo_limit_is_integer (LoLimitId id)
{
  g_return_val_if_fail (id < LO_N_LIMITS, FALSE);
  return limit_info[id].integer;
}

/* A bound as a person reads it: 520, 1000000000, 0.5, 4294967295. */
static const char *
bound_text (double value,
            char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
}

/* "invoicing: build-weeks: " or "invoicing: build-weeks: low " */
static char *
message_prefix (const LimitInfo *info,
                const char      *subject,
                const char      *qualifier)
{
  GString *prefix = g_string_new (NULL);

  if (subject != NULL && *subject != '\0')
    g_string_append_printf (prefix, "%s: ", subject);
  g_string_append_printf (prefix, "%s: ", info->name);
  if (qualifier != NULL && *qualifier != '\0')
    g_string_append_printf (prefix, "%s ", qualifier);
  return g_string_free (prefix, FALSE);
}

gboolean
lo_limit_check (LoLimitId    id,
                const char  *subject,
                const char  *qualifier,
                const char  *as_written,
                double       value,
                GError     **error)
{
  const LimitInfo *info;
  g_autofree char *prefix = NULL;
  char value_buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char min_buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char max_buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text;

  g_return_val_if_fail (id < LO_N_LIMITS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = &limit_info[id];
  if (isfinite (value) && value <= info->max
      && (info->min_exclusive ? value > info->min : value >= info->min)
      && (!info->integer || value == floor (value)))
    return TRUE;

  prefix = message_prefix (info, subject, qualifier);
  text = as_written != NULL ? as_written : bound_text (value, value_buffer);
  bound_text (info->min, min_buffer);
  bound_text (info->max, max_buffer);

  if (!isfinite (value) && as_written == NULL)
    {
      g_autofree char *start = message_prefix (info, subject, NULL);

      if (qualifier != NULL && *qualifier != '\0')
        g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                     /* TRANSLATORS: "invoicing: hourly-cost: " and "low" */
                     _("%s%s is not a finite number"), start, qualifier);
      else
        g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                     /* TRANSLATORS: "invoicing: hourly-cost: " */
                     _("%sthe value is not a finite number"), start);
    }
  else if (!isfinite (value))
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                 /* TRANSLATORS: "invoicing: build-weeks: " and "1e999" */
                 _("%s%s is not a finite number"), prefix, text);
  else if (info->min == 0 && info->max == 1 && !info->integer)
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                 /* TRANSLATORS: "invoicing: automation-rate: " and "1.5" */
                 _("%s%s is not between 0 and 1"), prefix, text);
  else if (value > info->max)
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                 /* TRANSLATORS: "invoicing: build-weeks: ", "1e9" and "520" */
                 _("%s%s is above the limit of %s"), prefix, text, max_buffer);
  else if (info->min_exclusive && value <= info->min)
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                 /* TRANSLATORS: "question q1: weight: ", "0" and "0" */
                 _("%s%s must be above %s"), prefix, text, min_buffer);
  else if (value < info->min && info->min == 0)
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                 /* TRANSLATORS: "invoicing: build-cost: " and "-5" */
                 _("%s%s must not be negative"), prefix, text);
  else if (value < info->min)
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                 /* TRANSLATORS: "settings: hours-per-week: ", "0" and "1" */
                 _("%s%s is below the limit of %s"), prefix, text, min_buffer);
  else
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                 /* TRANSLATORS: "settings: horizon-months: ", "1.5", "1" and "240" */
                 _("%s%s is not a whole number from %s to %s"),
                 prefix, text, min_buffer, max_buffer);
  return FALSE;
}

static gboolean
check_string (const char  *subject,
              const char  *input,
              const char  *value,
              glong        max_length,
              gboolean     allow_line_breaks,
              GError     **error)
{
  g_autofree char *what = NULL;
  const char *end;
  glong length;

  if (value == NULL)
    return TRUE;

  what = subject != NULL && *subject != '\0'
         ? g_strdup_printf ("%s: %s", subject, input) : g_strdup (input);

  if (!g_utf8_validate (value, -1, &end))
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   /* TRANSLATORS: "invoicing: name: is not valid UTF-8" */
                   _("%s: is not valid UTF-8"), what);
      return FALSE;
    }

  length = g_utf8_strlen (value, -1);
  if (length > max_length)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   /* TRANSLATORS: "client: name: 250000 characters are above the limit of 200" */
                   _("%s: %ld characters are above the limit of %ld"),
                   what, length, max_length);
      return FALSE;
    }

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (allow_line_breaks && (c == '\n' || c == '\t' || c == '\r'))
        continue;
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       /* TRANSLATORS: "client: name: holds the control character U+000A" */
                       _("%s: holds the control character U+%04X"),
                       what, (guint) c);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
lo_limit_check_name (const char  *subject,
                     const char  *input,
                     const char  *value,
                     GError     **error)
{
  g_return_val_if_fail (input != NULL, FALSE);
  return check_string (subject, input, value, LO_LIMIT_NAME_LENGTH, FALSE, error);
}

gboolean
lo_limit_check_text (const char  *subject,
                     const char  *input,
                     const char  *value,
                     GError     **error)
{
  g_return_val_if_fail (input != NULL, FALSE);
  return check_string (subject, input, value, LO_LIMIT_TEXT_LENGTH, TRUE, error);
}

gboolean
lo_limit_check_respondents (const char  *assessment_id,
                            guint        count,
                            GError     **error)
{
  if (count < LO_LIMIT_MAX_RESPONDENTS)
    return TRUE;
  g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
               /* TRANSLATORS: "assessment a1: more than 1000 respondents" */
               _("assessment %s: more than %d respondents"),
               assessment_id, LO_LIMIT_MAX_RESPONDENTS);
  return FALSE;
}

gboolean
lo_limit_check_processes (guint    count,
                          GError **error)
{
  if (count < LO_LIMIT_MAX_PROCESSES)
    return TRUE;
  g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
               _("more than %d processes"), LO_LIMIT_MAX_PROCESSES);
  return FALSE;
}
