/* lo-limits.h: SPEC §2c, the one table of limits for every input
 *
 * Every number and name that enters from a file, the window, the command line
 * or the database is checked here; a refusal names the input (and the process
 * or other subject) and the bound: "invoicing: build-weeks: 1e9 is above the
 * limit of 520".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-types.h"
#include "lo-engagement.h"

G_BEGIN_DECLS

/* The numeric inputs. The first LO_N_INPUTS are the SPEC §2 process inputs
 * in LoInputId order (lo_limit_for_input() maps one to the other). */
typedef enum
{
  LO_LIMIT_VOLUME_PER_MONTH,
  LO_LIMIT_MINUTES_PER_ITEM,
  LO_LIMIT_HOURLY_COST,
  LO_LIMIT_AUTOMATION_RATE,
  LO_LIMIT_EXCEPTION_RATE,
  LO_LIMIT_MINUTES_PER_EXCEPTION,
  LO_LIMIT_ERROR_RATE_BEFORE,
  LO_LIMIT_ERROR_RATE_AFTER,
  LO_LIMIT_COST_PER_ERROR,
  LO_LIMIT_BUILD_COST,
  LO_LIMIT_BUILD_WEEKS,
  LO_LIMIT_RUN_COST_PER_MONTH,
  LO_LIMIT_RAMP_MONTHS,
  LO_LIMIT_REVIEW_MINUTES_PER_ITEM,
  LO_LIMIT_OVERSIGHT_HOURS_PER_MONTH,
  /* settings */
  LO_LIMIT_HORIZON_MONTHS,
  LO_LIMIT_DISCOUNT_RATE,
  LO_LIMIT_HOURS_PER_WEEK,
  LO_LIMIT_REALISATION_RATE,
  LO_LIMIT_PARALLEL_BUILDS,
  /* a roadmap step's weeks */
  LO_LIMIT_STEP_WEEKS,
  /* a question's weight in a bank */
  LO_LIMIT_WEIGHT,
  /* Monte Carlo, from the command line */
  LO_LIMIT_DRAWS,
  LO_LIMIT_SEED,
  /* a process's actual figures for a month */
  LO_LIMIT_ACTUAL_ITEMS,
  LO_LIMIT_ACTUAL_HOURS,
  LO_LIMIT_ACTUAL_ERRORS,
  LO_LIMIT_ACTUAL_RUN_COST,
  /* answers, targets, roadmap steps, readiness */
  LO_LIMIT_LEVEL,
  LO_N_LIMITS
} LoLimitId;

/* Lengths in characters (not bytes) and counts. */
#define LO_LIMIT_NAME_LENGTH      200    /* names and ids */
#define LO_LIMIT_TEXT_LENGTH      20000  /* notes, each commentary text */
#define LO_LIMIT_MAX_RESPONDENTS  1000   /* per assessment */
#define LO_LIMIT_MAX_PROCESSES    10000  /* per engagement */

LoLimitId    lo_limit_for_input   (LoInputId id);
/* The input's name as files and messages spell it: "build-weeks", "weight". */
const char  *lo_limit_name        (LoLimitId id);
/* [min, max]; *min_exclusive says whether min itself is refused (weight > 0). */
void         lo_limit_range       (LoLimitId id,
                                   double   *min,
                                   double   *max,
                                   gboolean *min_exclusive);
/* Whether only whole numbers are accepted (horizon-months, draws, levels …). */
gboolean     lo_limit_is_integer  (LoLimitId id);

/* Checks @value against the limit of @id. @subject (a process id, "settings",
 * "question q1" …; may be NULL) and @qualifier ("low", "high", "alternative";
 * may be NULL) start the message; @as_written, when not NULL, is the value as
 * the user wrote it and is quoted instead of a formatted @value. Sets a
 * LO_CORE_ERROR_INVALID error naming the input and the bound. */
gboolean     lo_limit_check       (LoLimitId    id,
                                   const char  *subject,
                                   const char  *qualifier,
                                   const char  *as_written,
                                   double       value,
                                   GError     **error);

/* A name or an id (client, industry, process, respondent, role, assessment
 * id …): at most LO_LIMIT_NAME_LENGTH characters, valid UTF-8, no control
 * characters. @input names it in the message ("name", "role"). NULL passes. */
gboolean     lo_limit_check_name  (const char  *subject,
                                   const char  *input,
                                   const char  *value,
                                   GError     **error);
/* A note or commentary text: at most LO_LIMIT_TEXT_LENGTH characters, valid
 * UTF-8; line breaks and tabs are allowed, other control characters are not. */
gboolean     lo_limit_check_text  (const char  *subject,
                                   const char  *input,
                                   const char  *value,
                                   GError     **error);
/* Whether one more respondent (process) may be added to @count existing ones. */
gboolean     lo_limit_check_respondents (const char  *assessment_id,
                                         guint        count,
                                         GError     **error);
gboolean     lo_limit_check_processes   (guint        count,
                                         GError     **error);

G_END_DECLS
