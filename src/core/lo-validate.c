/* lo-validate.c: semantic checks of settings and processes (SPEC §2)
 *
 * Whatever a reader or the window accepts passes through here before any
 * figure is computed. Every message names the process (or "settings") and the
 * input, and quotes the offending value as it would be written in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-core.h"

/* A value as the file would hold it: locale-independent, 15 significant
 * digits so that 0.1 reads "0.1" as typed rather than 0.10000000000000001. */
static const char *
file_number (double value,
             char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
}

/* Checks one number (the likely value, low or high) of an input. */
static gboolean
check_number (const char *process_id,
              LoInputId   id,
              const char *which,    /* NULL for the value, "low", "high" */
              double      value,
              GError    **error)
{
  return lo_limit_check (lo_limit_for_input (id), process_id, which, NULL, value, error);
}

static gboolean
check_readiness (const char *process_id,
                 const char *name,
                 int         value,
                 GError    **error)
{
  if (value < 1 || value > 5)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   /* TRANSLATORS: "invoicing: readiness clarity: 7 is not between 1 and 5" */
                   _("%s: readiness %s: %d is not between 1 and 5"),
                   process_id, name, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_actual_number (const char *process_id,
                     const char *month,
                     LoLimitId   limit,
                     double      value,
                     GError    **error)
{
  g_autofree char *subject = NULL;

  /* absent attributes are NAN; infinities are not */
  if (isnan (value))
    return TRUE;
  /* TRANSLATORS: "invoicing: actual 2027-03", the start of a message */
  subject = g_strdup_printf (_("%s: actual %s"), process_id, month);
  return lo_limit_check (limit, subject, NULL, NULL, value, error);
}

gboolean
lo_settings_validate (const LoSettings *settings,
                      GError          **error)
{
  const char *subject = "settings";

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return lo_limit_check (LO_LIMIT_HORIZON_MONTHS, subject, NULL, NULL,
                         settings->horizon_months, error)
         && lo_limit_check (LO_LIMIT_DISCOUNT_RATE, subject, NULL, NULL,
                            settings->discount_rate, error)
         && lo_limit_check (LO_LIMIT_HOURS_PER_WEEK, subject, NULL, NULL,
                            settings->hours_per_week, error)
         && lo_limit_check (LO_LIMIT_REALISATION_RATE, subject, NULL, NULL,
                            settings->realisation_rate, error)
         && lo_limit_check (LO_LIMIT_PARALLEL_BUILDS, subject, NULL, NULL,
                            settings->parallel_builds, error);
}

gboolean
lo_process_validate (const LoProcess *process,
                     GError         **error)
{
  char value_buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char bound_buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *pid;

  g_return_val_if_fail (process != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (process->id == NULL || process->id[0] == '\0')
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                   _("A process has no id"));
      return FALSE;
    }
  pid = process->id;
  /* TRANSLATORS: "process", the start of "process: id: …" */
  if (!lo_limit_check_name (_("process"), "id", pid, error)
      || !lo_limit_check_name (pid, "name", process->name, error))
    return FALSE;

  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      const LoInput *in = &process->inputs[i];

      if (!in->set)
        {
          if (lo_input_is_required (i))
            {
              g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                           /* TRANSLATORS: "invoicing: build-cost: required input is missing" */
                           _("%s: %s: required input is missing"),
                           pid, lo_input_name (i));
              return FALSE;
            }
          if (in->ranged)
            {
              g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                           _("%s: %s: low and high are given without a value"),
                           pid, lo_input_name (i));
              return FALSE;
            }
          continue;
        }

      if (!check_number (pid, i, NULL, in->value, error))
        return FALSE;

      if (!in->ranged)
        continue;

      /* TRANSLATORS: as in "low 1.5 is not between 0 and 1" */
      if (!check_number (pid, i, C_("range", "low"), in->low, error) ||
          !check_number (pid, i, C_("range", "high"), in->high, error))
        return FALSE;

      if (in->low > in->value)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       /* TRANSLATORS: "invoicing: volume-per-month: low 1300 is above the value 1200" */
                       _("%s: %s: low %s is above the value %s"),
                       pid, lo_input_name (i),
                       file_number (in->low, bound_buffer), file_number (in->value, value_buffer));
          return FALSE;
        }
      if (in->value > in->high)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       /* TRANSLATORS: "invoicing: volume-per-month: the value 1200 is above high 1100" */
                       _("%s: %s: the value %s is above high %s"),
                       pid, lo_input_name (i),
                       file_number (in->value, value_buffer), file_number (in->high, bound_buffer));
          return FALSE;
        }
    }

  if (process->include != LO_INCLUDE_AUTO && process->include != LO_INCLUDE_YES &&
      process->include != LO_INCLUDE_NO)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   _("%s: include: must be auto, yes or no"), pid);
      return FALSE;
    }

  if (process->has_readiness &&
      (!check_readiness (pid, "clarity", process->clarity, error) ||
       !check_readiness (pid, "access", process->access, error) ||
       !check_readiness (pid, "scope", process->scope, error)))
    return FALSE;

  if (process->has_alternative &&
      (!check_number (pid, LO_INPUT_BUILD_COST, _("alternative"), process->alt_build_cost, error) ||
       !check_number (pid, LO_INPUT_BUILD_WEEKS, _("alternative"), process->alt_build_weeks, error)))
    return FALSE;

  for (guint i = 0; i < process->actuals->len; i++)
    {
      const LoActual *a = &g_array_index (process->actuals, LoActual, i);
      char month[16];

      g_snprintf (month, sizeof month, "%04d-%02d", a->year, a->month);
      if (a->month < 1 || a->month > 12)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       _("%s: actual %s: not a calendar month"), pid, month);
          return FALSE;
        }
      if (!check_actual_number (pid, month, LO_LIMIT_ACTUAL_ITEMS, a->items, error) ||
          !check_actual_number (pid, month, LO_LIMIT_ACTUAL_HOURS, a->hours, error) ||
          !check_actual_number (pid, month, LO_LIMIT_ACTUAL_ERRORS, a->errors, error) ||
          !check_actual_number (pid, month, LO_LIMIT_ACTUAL_RUN_COST, a->run_cost, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * lo_assessment_validate_limits:
 * @assessment: an assessment
 * @error: where a refusal is reported
 *
 * Checks SPEC §2c's limits on an assessment: its id, the number of its
 * respondents, their ids, names and roles.
 *
 * Returns: whether every limit holds
 */
gboolean
lo_assessment_validate_limits (const LoAssessment *assessment,
                               GError            **error)
{
  g_return_val_if_fail (assessment != NULL, FALSE);

  /* TRANSLATORS: "assessment", the start of "assessment: id: …" */
  if (!lo_limit_check_name (_("assessment"), "id", assessment->id, error))
    return FALSE;
  if (assessment->respondents->len > LO_LIMIT_MAX_RESPONDENTS
      && !lo_limit_check_respondents (assessment->id, assessment->respondents->len, error))
    return FALSE;

  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (assessment->respondents, i);
      g_autofree char *subject = g_strdup_printf (_("assessment %s: respondent"), assessment->id);

      if (!lo_limit_check_name (subject, "id", r->id, error))
        return FALSE;
      g_free (subject);
      subject = g_strdup_printf (_("assessment %s: respondent %s"), assessment->id, r->id);
      if (!lo_limit_check_name (subject, "name", r->name, error)
          || !lo_limit_check_name (subject, "role", r->role, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lo_engagement_validate (const LoEngagement *engagement,
                        GError            **error)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (engagement != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lo_limit_check_name ("client", "name", engagement->client_name, error)
      || !lo_limit_check_name ("client", "industry", engagement->client_industry, error))
    return FALSE;

  if (!lo_settings_validate (&engagement->settings, error)
      || !lo_commentary_check (engagement->commentary, error))
    return FALSE;

  for (int level = 1; level <= 5; level++)
    {
      int weeks = engagement->step_weeks[level];

      /* 0 is "not set" */
      if (weeks < 0 || weeks > LO_STEP_WEEKS_MAX)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       /* TRANSLATORS: "roadmap: step 4: weeks: 300 is not between 1 and 260" */
                       _("roadmap: step %d: weeks: %d is not between 1 and %d"),
                       level, weeks, LO_STEP_WEEKS_MAX);
          return FALSE;
        }
    }

  for (guint i = 0; i < engagement->assessments->len; i++)
    if (!lo_assessment_validate_limits (g_ptr_array_index (engagement->assessments, i), error))
      return FALSE;

  if (engagement->processes->len > LO_LIMIT_MAX_PROCESSES
      && !lo_limit_check_processes (engagement->processes->len, error))
    return FALSE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < engagement->processes->len; i++)
    {
      const LoProcess *process = g_ptr_array_index (engagement->processes, i);

      if (!lo_process_validate (process, error))
        return FALSE;
      if (!g_hash_table_add (seen, process->id))
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID,
                       /* TRANSLATORS: %s is a process id */
                       _("%s: process id is used more than once"), process->id);
          return FALSE;
        }
    }

  return TRUE;
}
