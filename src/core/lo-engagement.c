/* lo-engagement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-engagement.h"
#include "lo-limits.h"

G_DEFINE_BOXED_TYPE (LoAssessment, lo_assessment, lo_assessment_ref, lo_assessment_unref)
G_DEFINE_BOXED_TYPE (LoProcess, lo_process, lo_process_ref, lo_process_unref)
G_DEFINE_BOXED_TYPE (LoEngagement, lo_engagement, lo_engagement_ref, lo_engagement_unref)

typedef struct
{
  const char *name;
  const char *label;
  LoInputUnit unit;
  gboolean    required;
} InputInfo;

static const InputInfo input_info[LO_N_INPUTS] = {
  [LO_INPUT_VOLUME_PER_MONTH]          = { "volume-per-month", N_("Volume per month"), LO_UNIT_COUNT, TRUE },
  [LO_INPUT_MINUTES_PER_ITEM]          = { "minutes-per-item", N_("Minutes per item"), LO_UNIT_MINUTES, TRUE },
  [LO_INPUT_HOURLY_COST]               = { "hourly-cost", N_("Hourly cost"), LO_UNIT_CURRENCY, TRUE },
  [LO_INPUT_AUTOMATION_RATE]           = { "automation-rate", N_("Automation rate"), LO_UNIT_FRACTION, TRUE },
  [LO_INPUT_EXCEPTION_RATE]            = { "exception-rate", N_("Exception rate"), LO_UNIT_FRACTION, FALSE },
  [LO_INPUT_MINUTES_PER_EXCEPTION]     = { "minutes-per-exception", N_("Minutes per exception"), LO_UNIT_MINUTES, FALSE },
  [LO_INPUT_ERROR_RATE_BEFORE]         = { "error-rate-before", N_("Error rate before"), LO_UNIT_FRACTION, FALSE },
  [LO_INPUT_ERROR_RATE_AFTER]          = { "error-rate-after", N_("Error rate after"), LO_UNIT_FRACTION, FALSE },
  [LO_INPUT_COST_PER_ERROR]            = { "cost-per-error", N_("Cost per error"), LO_UNIT_CURRENCY, FALSE },
  [LO_INPUT_BUILD_COST]                = { "build-cost", N_("Build cost"), LO_UNIT_CURRENCY, TRUE },
  [LO_INPUT_BUILD_WEEKS]               = { "build-weeks", N_("Build weeks"), LO_UNIT_WEEKS, TRUE },
  [LO_INPUT_RUN_COST_PER_MONTH]        = { "run-cost-per-month", N_("Run cost per month"), LO_UNIT_CURRENCY, FALSE },
  [LO_INPUT_RAMP_MONTHS]               = { "ramp-months", N_("Ramp-up months"), LO_UNIT_MONTHS, FALSE },
  [LO_INPUT_REVIEW_MINUTES_PER_ITEM]   = { "review-minutes-per-item", N_("Review minutes per item"), LO_UNIT_MINUTES, FALSE },
  [LO_INPUT_OVERSIGHT_HOURS_PER_MONTH] = { "oversight-hours-per-month", N_("Oversight hours per month"), LO_UNIT_HOURS, FALSE },
};

const char *
lo_input_name (LoInputId id)
{
  g_return_val_if_fail (id < LO_N_INPUTS, NULL);
  return input_info[id].name;
}

gboolean
lo_input_from_name (const char *name,
                    LoInputId  *id)
{
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      if (g_strcmp0 (name, input_info[i].name) == 0)
        {
          if (id)
            *id = i;
          return TRUE;
        }
    }
  return FALSE;
}

LoInputUnit
lo_input_unit (LoInputId id)
{
  g_return_val_if_fail (id < LO_N_INPUTS, LO_UNIT_COUNT);
  return input_info[id].unit;
}

gboolean
lo_input_is_required (LoInputId id)
{
  g_return_val_if_fail (id < LO_N_INPUTS, FALSE);
  return input_info[id].required;
}

void
lo_input_range (LoInputId id,
                double   *min,
                double   *max)
{
  g_return_if_fail (id < LO_N_INPUTS);
  lo_limit_range (lo_limit_for_input (id), min, max, NULL);
}

const char *
lo_input_label (LoInputId id)
{
  g_return_val_if_fail (id < LO_N_INPUTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, input_info[id].label);
}

const char *
lo_include_to_string (LoInclude include)
{
  switch (include)
    {
    case LO_INCLUDE_AUTO:
      return "auto";
    case LO_INCLUDE_YES:
      return "yes";
    case LO_INCLUDE_NO:
      return "no";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lo_include_from_string (const char *text,
                        LoInclude  *include)
{
  g_return_val_if_fail (text != NULL && include != NULL, FALSE);

  if (g_str_equal (text, "auto"))
    *include = LO_INCLUDE_AUTO;
  else if (g_str_equal (text, "yes"))
    *include = LO_INCLUDE_YES;
  else if (g_str_equal (text, "no"))
    *include = LO_INCLUDE_NO;
  else
    return FALSE;
  return TRUE;
}

void
lo_settings_init_defaults (LoSettings *settings)
{
  settings->horizon_months = 36;
  settings->discount_rate = 0.08;
  settings->currency = g_strdup ("USD");
  settings->hours_per_week = 40;
  settings->realisation_rate = 1;
  settings->parallel_builds = 1;
}

void
lo_settings_clear (LoSettings *settings)
{
  g_clear_pointer (&settings->currency, g_free);
}

void
lo_settings_copy (const LoSettings *src,
                  LoSettings       *dst)
{
  *dst = *src;
  dst->currency = g_strdup (src->currency);
}

/* Assessments */

static void
respondent_free (LoRespondent *respondent)
{
  g_free (respondent->id);
  g_free (respondent->name);
  g_free (respondent->role);
  g_array_unref (respondent->answers);
  g_free (respondent);
}

static void
answer_clear (LoAnswer *answer)
{
  g_free (answer->question);
  g_free (answer->note);
}

static void
agreed_clear (LoAgreed *agreed)
{
  g_free (agreed->question);
  g_free (agreed->note);
}

static void
target_clear (LoTarget *target)
{
  g_free (target->dimension);
}

LoAssessment *
lo_assessment_new (const char *id,
                   const char *date,
                   const char *bank)
{
  LoAssessment *assessment = g_new0 (LoAssessment, 1);

  g_atomic_ref_count_init (&assessment->ref_count);
  assessment->id = g_strdup (id);
  assessment->date = g_strdup (date);
  assessment->bank = g_strdup (bank);
  assessment->bank_edition = 1;
  assessment->respondents = g_ptr_array_new_with_free_func ((GDestroyNotify) respondent_free);
  assessment->targets = g_array_new (FALSE, TRUE, sizeof (LoTarget));
  g_array_set_clear_func (assessment->targets, (GDestroyNotify) target_clear);
  assessment->agreed = g_array_new (FALSE, TRUE, sizeof (LoAgreed));
  g_array_set_clear_func (assessment->agreed, (GDestroyNotify) agreed_clear);

  return assessment;
}

LoAssessment *
lo_assessment_ref (LoAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, NULL);
  g_atomic_ref_count_inc (&assessment->ref_count);
  return assessment;
}

void
lo_assessment_unref (LoAssessment *assessment)
{
  g_return_if_fail (assessment != NULL);

  if (!g_atomic_ref_count_dec (&assessment->ref_count))
    return;

  g_free (assessment->id);
  g_free (assessment->date);
  g_free (assessment->bank);
  g_ptr_array_unref (assessment->respondents);
  g_array_unref (assessment->targets);
  g_array_unref (assessment->agreed);
  g_free (assessment);
}

LoAssessment *
lo_assessment_copy (const LoAssessment *assessment)
{
  LoAssessment *copy;

  g_return_val_if_fail (assessment != NULL, NULL);

  copy = lo_assessment_new (assessment->id, assessment->date, assessment->bank);
  copy->bank_edition = assessment->bank_edition;
  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (assessment->respondents, i);
      LoRespondent *c = lo_assessment_add_respondent (copy, r->id, r->name, r->role);

      for (guint j = 0; j < r->answers->len; j++)
        {
          const LoAnswer *a = &g_array_index (r->answers, LoAnswer, j);
          lo_respondent_set_answer (c, a->question, a->value);
          if (a->note != NULL)
            lo_respondent_set_note (c, a->question, a->note);
        }
    }
  for (guint i = 0; i < assessment->agreed->len; i++)
    {
      const LoAgreed *a = &g_array_index (assessment->agreed, LoAgreed, i);
      lo_assessment_set_agreed (copy, a->question, a->value, a->note);
    }
  for (guint i = 0; i < assessment->targets->len; i++)
    {
      const LoTarget *t = &g_array_index (assessment->targets, LoTarget, i);
      lo_assessment_set_target (copy, t->dimension, t->level);
    }

  return copy;
}

LoRespondent *
lo_assessment_add_respondent (LoAssessment *assessment,
                              const char   *id,
                              const char   *name,
                              const char   *role)
{
  LoRespondent *respondent;

  g_return_val_if_fail (assessment != NULL, NULL);

  respondent = g_new0 (LoRespondent, 1);
  respondent->id = g_strdup (id);
  respondent->name = g_strdup (name);
  respondent->role = g_strdup (role);
  respondent->answers = g_array_new (FALSE, TRUE, sizeof (LoAnswer));
  g_array_set_clear_func (respondent->answers, (GDestroyNotify) answer_clear);
  g_ptr_array_add (assessment->respondents, respondent);

  return respondent;
}

LoRespondent *
lo_assessment_lookup_respondent (const LoAssessment *assessment,
                                 const char         *id)
{
  g_return_val_if_fail (assessment != NULL, NULL);

  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      LoRespondent *r = g_ptr_array_index (assessment->respondents, i);
      if (g_strcmp0 (r->id, id) == 0)
        return r;
    }
  return NULL;
}

gboolean
lo_assessment_same_respondents (const LoAssessment *a,
                                const LoAssessment *b)
{
  guint n = a ? a->respondents->len : 0;

  if (n != (b ? b->respondents->len : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const LoRespondent *x = g_ptr_array_index (a->respondents, i);
      const LoRespondent *y = g_ptr_array_index (b->respondents, i);

      if (g_strcmp0 (x->id, y->id) != 0 || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }
  return TRUE;
}

static int
find_answer (const LoRespondent *respondent,
             const char         *question)
{
  for (guint i = 0; i < respondent->answers->len; i++)
    {
      if (g_strcmp0 (g_array_index (respondent->answers, LoAnswer, i).question, question) == 0)
        return i;
    }
  return -1;
}

void
lo_respondent_set_answer (LoRespondent *respondent,
                          const char   *question,
                          int           value)
{
  int i;

  g_return_if_fail (respondent != NULL);
  g_return_if_fail (question != NULL);

  i = find_answer (respondent, question);
  if (i >= 0)
    {
      g_array_index (respondent->answers, LoAnswer, i).value = value;
    }
  else
    {
      LoAnswer answer = { g_strdup (question), value, NULL };
      g_array_append_val (respondent->answers, answer);
    }
}

gboolean
lo_respondent_clear_answer (LoRespondent *respondent,
                            const char   *question)
{
  int i;

  g_return_val_if_fail (respondent != NULL, FALSE);

  i = find_answer (respondent, question);
  if (i < 0)
    return FALSE;
  g_array_remove_index (respondent->answers, i);
  return TRUE;
}

gboolean
lo_respondent_get_answer (const LoRespondent *respondent,
                          const char         *question,
                          int                *value)
{
  int i;

  g_return_val_if_fail (respondent != NULL, FALSE);

  i = find_answer (respondent, question);
  if (i < 0)
    return FALSE;
  if (value)
    *value = g_array_index (respondent->answers, LoAnswer, i).value;
  return TRUE;
}

void
lo_respondent_set_note (LoRespondent *respondent,
                        const char   *question,
                        const char   *note)
{
  LoAnswer *answer;
  int i;

  g_return_if_fail (respondent != NULL);
  g_return_if_fail (question != NULL);

  i = find_answer (respondent, question);
  if (i < 0)
    {
      if (note == NULL || *note == '\0')
        return;
      lo_respondent_set_answer (respondent, question, LO_ANSWER_DONT_KNOW);
      i = respondent->answers->len - 1;
    }
  answer = &g_array_index (respondent->answers, LoAnswer, i);
  g_free (answer->note);
  answer->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
}

const char *
lo_respondent_get_note (const LoRespondent *respondent,
                        const char         *question)
{
  int i;

  g_return_val_if_fail (respondent != NULL, NULL);

  i = find_answer (respondent, question);
  return i < 0 ? NULL : g_array_index (respondent->answers, LoAnswer, i).note;
}

static int
find_agreed (const LoAssessment *assessment,
             const char         *question)
{
  for (guint i = 0; i < assessment->agreed->len; i++)
    {
      if (g_strcmp0 (g_array_index (assessment->agreed, LoAgreed, i).question, question) == 0)
        return i;
    }
  return -1;
}

void
lo_assessment_set_agreed (LoAssessment *assessment,
                          const char   *question,
                          int           value,
                          const char   *note)
{
  LoAgreed *agreed;
  int i;

  g_return_if_fail (assessment != NULL);
  g_return_if_fail (question != NULL);

  i = find_agreed (assessment, question);
  if (i < 0)
    {
      LoAgreed fresh = { g_strdup (question), value, NULL };

      g_array_append_val (assessment->agreed, fresh);
      i = assessment->agreed->len - 1;
    }
  agreed = &g_array_index (assessment->agreed, LoAgreed, i);
  agreed->value = value;
  if (agreed->note != note)
    {
      g_free (agreed->note);
      agreed->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
    }
}

gboolean
lo_assessment_clear_agreed (LoAssessment *assessment,
                            const char   *question)
{
  int i;

  g_return_val_if_fail (assessment != NULL, FALSE);

  i = find_agreed (assessment, question);
  if (i < 0)
    return FALSE;
  g_array_remove_index (assessment->agreed, i);
  return TRUE;
}

const LoAgreed *
lo_assessment_get_agreed (const LoAssessment *assessment,
                          const char         *question)
{
  int i;

  g_return_val_if_fail (assessment != NULL, NULL);

  i = find_agreed (assessment, question);
  return i < 0 ? NULL : &g_array_index (assessment->agreed, LoAgreed, i);
}

gboolean
lo_assessment_has_notes (const LoAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, FALSE);

  for (guint i = 0; i < assessment->agreed->len; i++)
    if (g_array_index (assessment->agreed, LoAgreed, i).note != NULL)
      return TRUE;
  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (assessment->respondents, i);

      for (guint j = 0; j < r->answers->len; j++)
        if (g_array_index (r->answers, LoAnswer, j).note != NULL)
          return TRUE;
    }
  return FALSE;
}

void
lo_assessment_set_target (LoAssessment *assessment,
                          const char   *dimension,
                          int           level)
{
  g_return_if_fail (assessment != NULL);
  g_return_if_fail (dimension != NULL);

  for (guint i = 0; i < assessment->targets->len; i++)
    {
      LoTarget *t = &g_array_index (assessment->targets, LoTarget, i);
      if (g_strcmp0 (t->dimension, dimension) == 0)
        {
          if (level == 0)
            g_array_remove_index (assessment->targets, i);
          else
            t->level = level;
          return;
        }
    }

  if (level != 0)
    {
      LoTarget target = { g_strdup (dimension), level };
      g_array_append_val (assessment->targets, target);
    }
}

int
lo_assessment_get_target (const LoAssessment *assessment,
                          const char         *dimension)
{
  g_return_val_if_fail (assessment != NULL, 0);

  for (guint i = 0; i < assessment->targets->len; i++)
    {
      const LoTarget *t = &g_array_index (assessment->targets, LoTarget, i);
      if (g_strcmp0 (t->dimension, dimension) == 0)
        return t->level;
    }
  return 0;
}

/* Processes */

LoProcess *
lo_process_new (const char *id,
                const char *name)
{
  LoProcess *process = g_new0 (LoProcess, 1);

  g_atomic_ref_count_init (&process->ref_count);
  process->id = g_strdup (id);
  process->name = g_strdup (name);
  process->actuals = g_array_new (FALSE, TRUE, sizeof (LoActual));

  return process;
}

LoProcess *
lo_process_ref (LoProcess *process)
{
  g_return_val_if_fail (process != NULL, NULL);
  g_atomic_ref_count_inc (&process->ref_count);
  return process;
}

void
lo_process_unref (LoProcess *process)
{
  g_return_if_fail (process != NULL);

  if (!g_atomic_ref_count_dec (&process->ref_count))
    return;

  g_free (process->id);
  g_free (process->name);
  g_array_unref (process->actuals);
  g_free (process);
}

LoProcess *
lo_process_copy (const LoProcess *process)
{
  LoProcess *copy;
  GArray *actuals;

  g_return_val_if_fail (process != NULL, NULL);

  copy = lo_process_new (NULL, NULL); /* id and name are copied below */
  actuals = copy->actuals;
  memcpy (copy, process, sizeof *copy);
  g_atomic_ref_count_init (&copy->ref_count);
  copy->id = g_strdup (process->id);
  copy->name = g_strdup (process->name);
  copy->actuals = actuals;
  g_array_append_vals (copy->actuals, process->actuals->data, process->actuals->len);

  return copy;
}

double
lo_process_get (const LoProcess *process,
                LoInputId        id)
{
  g_return_val_if_fail (process != NULL, 0);
  g_return_val_if_fail (id < LO_N_INPUTS, 0);

  return process->inputs[id].set ? process->inputs[id].value : 0;
}

void
lo_process_set (LoProcess *process,
                LoInputId  id,
                double     value)
{
  g_return_if_fail (process != NULL);
  g_return_if_fail (id < LO_N_INPUTS);

  process->inputs[id].set = TRUE;
  process->inputs[id].value = value;
}

void
lo_process_set_range (LoProcess *process,
                      LoInputId  id,
                      double     low,
                      double     high)
{
  g_return_if_fail (process != NULL);
  g_return_if_fail (id < LO_N_INPUTS);

  process->inputs[id].ranged = TRUE;
  process->inputs[id].low = low;
  process->inputs[id].high = high;
}

double
lo_process_readiness (const LoProcess *process)
{
  g_return_val_if_fail (process != NULL, 3);

  if (!process->has_readiness)
    return 3;
  return (process->clarity + process->access + process->scope) / 3.0;
}

/* Engagements */

LoEngagement *
lo_engagement_new (const char *client_name)
{
  LoEngagement *engagement = g_new0 (LoEngagement, 1);

  g_atomic_ref_count_init (&engagement->ref_count);
  engagement->version = g_strdup ("1");
  engagement->client_name = g_strdup (client_name);
  lo_settings_init_defaults (&engagement->settings);
  engagement->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) lo_assessment_unref);
  engagement->processes = g_ptr_array_new_with_free_func ((GDestroyNotify) lo_process_unref);

  return engagement;
}

LoEngagement *
lo_engagement_ref (LoEngagement *engagement)
{
  g_return_val_if_fail (engagement != NULL, NULL);
  g_atomic_ref_count_inc (&engagement->ref_count);
  return engagement;
}

void
lo_engagement_unref (LoEngagement *engagement)
{
  g_return_if_fail (engagement != NULL);

  if (!g_atomic_ref_count_dec (&engagement->ref_count))
    return;

  g_free (engagement->version);
  g_free (engagement->client_name);
  g_free (engagement->client_industry);
  lo_settings_clear (&engagement->settings);
  lo_commentary_free (engagement->commentary);
  g_ptr_array_unref (engagement->assessments);
  g_ptr_array_unref (engagement->processes);
  g_free (engagement);
}

LoEngagement *
lo_engagement_copy (const LoEngagement *engagement)
{
  LoEngagement *copy;

  g_return_val_if_fail (engagement != NULL, NULL);

  copy = lo_engagement_new (engagement->client_name);
  g_free (copy->version);
  copy->version = g_strdup (engagement->version);
  copy->client_industry = g_strdup (engagement->client_industry);
  copy->custom_order = engagement->custom_order;
  memcpy (copy->step_weeks, engagement->step_weeks, sizeof copy->step_weeks);
  if (engagement->commentary)
    copy->commentary = lo_commentary_copy (engagement->commentary);
  lo_settings_clear (&copy->settings);
  lo_settings_copy (&engagement->settings, &copy->settings);
  for (guint i = 0; i < engagement->assessments->len; i++)
    g_ptr_array_add (copy->assessments,
                     lo_assessment_copy (g_ptr_array_index (engagement->assessments, i)));
  for (guint i = 0; i < engagement->processes->len; i++)
    g_ptr_array_add (copy->processes,
                     lo_process_copy (g_ptr_array_index (engagement->processes, i)));

  return copy;
}

int
lo_engagement_get_step_weeks (const LoEngagement *engagement,
                              int                 level)
{
  g_return_val_if_fail (engagement != NULL, 0);
  g_return_val_if_fail (level >= 1 && level <= 5, 0);

  return engagement->step_weeks[level];
}

void
lo_engagement_set_step_weeks (LoEngagement *engagement,
                              int           level,
                              int           weeks)
{
  g_return_if_fail (engagement != NULL);
  g_return_if_fail (level >= 1 && level <= 5);
  g_return_if_fail (weeks >= 0);

  engagement->step_weeks[level] = weeks;
}

LoProcess *
lo_engagement_lookup_process (const LoEngagement *engagement,
                              const char         *id)
{
  g_return_val_if_fail (engagement != NULL, NULL);

  for (guint i = 0; i < engagement->processes->len; i++)
    {
      LoProcess *p = g_ptr_array_index (engagement->processes, i);
      if (g_strcmp0 (p->id, id) == 0)
        return p;
    }
  return NULL;
}

/* Index of the assessment that comes last in (date, file order) among those
 * strictly before @limit in that order; -1 when none. @limit = -1 means no limit. */
static int
latest_before (const LoEngagement *engagement,
               int                 limit)
{
  int best = -1;

  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *a = g_ptr_array_index (engagement->assessments, i);

      if (limit >= 0)
        {
          const LoAssessment *l = g_ptr_array_index (engagement->assessments, limit);
          int c = g_strcmp0 (a->date, l->date);

          if (c > 0 || (c == 0 && (int) i >= limit))
            continue;
        }

      if (best < 0)
        best = i;
      else
        {
          const LoAssessment *b = g_ptr_array_index (engagement->assessments, best);
          /* ISO dates compare as strings; a later or equal date later in the file wins */
          if (g_strcmp0 (a->date, b->date) >= 0)
            best = i;
        }
    }

  return best;
}

LoAssessment *
lo_engagement_latest_assessment (const LoEngagement *engagement)
{
  int i;

  g_return_val_if_fail (engagement != NULL, NULL);

  i = latest_before (engagement, -1);
  return i < 0 ? NULL : g_ptr_array_index (engagement->assessments, i);
}

LoAssessment *
lo_engagement_previous_assessment (const LoEngagement *engagement,
                                   const LoAssessment *assessment)
{
  int i;

  g_return_val_if_fail (engagement != NULL, NULL);

  for (guint j = 0; j < engagement->assessments->len; j++)
    {
      if (g_ptr_array_index (engagement->assessments, j) == assessment)
        {
          i = latest_before (engagement, j);
          return i < 0 ? NULL : g_ptr_array_index (engagement->assessments, i);
        }
    }
  return NULL;
}
