/* lo-score.c: scoring an assessment against its bank (SPEC §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-core.h"

/* A level is met when the score reaches it up to rounding noise in the
 * weighted mean (0.1 × 3 + 0.2 × 3 + 0.3 × 3 over 0.6 gives 2.9999999999999996). */
#define LEVEL_TOLERANCE 1e-9

G_DEFINE_BOXED_TYPE (LoScore, lo_score, lo_score_ref, lo_score_unref)

static gboolean
answer_is_level (int value)
{
  return value >= LO_LEVEL_MIN && value <= LO_LEVEL_MAX;
}

static const char *
respondent_label (const LoRespondent *respondent)
{
  if (respondent->id != NULL && *respondent->id != '\0')
    return respondent->id;
  if (respondent->name != NULL && *respondent->name != '\0')
    return respondent->name;
  return "?";
}

static gboolean
check_note (const char *note,
            const char *who,
            const char *question,
            GError    **error)
{
  if (note == NULL)
    return TRUE;
  if (!g_utf8_validate (note, -1, NULL) || g_utf8_strlen (note, -1) > LO_NOTE_MAX_CHARS)
    {
      /* TRANSLATORS: "respondent “ana”: question “data.copies”: the note is longer than 20000 characters" */
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   _("%s: question “%s”: the note is longer than %d characters"),
                   who, question, LO_NOTE_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_agreed (const LoAssessment *assessment,
              const LoBank       *bank,
              GError            **error)
{
  for (guint i = 0; i < assessment->agreed->len; i++)
    {
      const LoAgreed *agreed = &g_array_index (assessment->agreed, LoAgreed, i);
      const LoQuestion *question = lo_bank_lookup_question (bank, agreed->question);

      if (question == NULL)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID,
                       _("agreed answer: question “%s” is not in bank “%s”"),
                       agreed->question ? agreed->question : "", bank->id);
          return FALSE;
        }
      if (agreed->value == LO_ANSWER_NA && !question->allow_na)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       _("agreed answer: question “%s” does not allow “not applicable”"),
                       question->id);
          return FALSE;
        }
      if (agreed->value != LO_ANSWER_NA && agreed->value != LO_ANSWER_DONT_KNOW &&
          !answer_is_level (agreed->value))
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       _("agreed answer: question “%s”: level %d is not between 1 and 5"),
                       question->id, agreed->value);
          return FALSE;
        }
      if (!check_note (agreed->note, _("agreed answer"), question->id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lo_assessment_check (const LoAssessment *assessment,
                     const LoBank       *bank,
                     GError            **error)
{
  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (bank != NULL, FALSE);

  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *respondent = g_ptr_array_index (assessment->respondents, i);
      const char *who = respondent_label (respondent);

      for (guint j = 0; j < respondent->answers->len; j++)
        {
          const LoAnswer *answer = &g_array_index (respondent->answers, LoAnswer, j);
          const LoQuestion *question = lo_bank_lookup_question (bank, answer->question);

          if (question == NULL)
            {
              g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID,
                           _("respondent “%s”: question “%s” is not in bank “%s”"),
                           who, answer->question ? answer->question : "", bank->id);
              return FALSE;
            }
          if (answer->value == LO_ANSWER_NA && !question->allow_na)
            {
              g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                           _("respondent “%s”: question “%s” does not allow “not applicable”"),
                           who, question->id);
              return FALSE;
            }
          if (answer->value != LO_ANSWER_NA && answer->value != LO_ANSWER_DONT_KNOW &&
              !answer_is_level (answer->value))
            {
              g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                           _("respondent “%s”: question “%s”: level %d is not between 1 and 5"),
                           who, question->id, answer->value);
              return FALSE;
            }
          if (answer->note != NULL)
            {
              g_autofree char *label = g_strdup_printf (_("respondent “%s”"), who);

              if (!check_note (answer->note, label, question->id, error))
                return FALSE;
            }
        }
    }

  if (!check_agreed (assessment, bank, error))
    return FALSE;

  for (guint i = 0; i < assessment->targets->len; i++)
    {
      const LoTarget *target = &g_array_index (assessment->targets, LoTarget, i);

      if (lo_bank_lookup_dimension (bank, target->dimension) == NULL)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID,
                       _("target: dimension “%s” is not in bank “%s”"),
                       target->dimension ? target->dimension : "", bank->id);
          return FALSE;
        }
      if (!answer_is_level (target->level))
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                       _("target for dimension “%s”: level %d is not between 1 and 5"),
                       target->dimension, target->level);
          return FALSE;
        }
    }

  return TRUE;
}

int
lo_level_for_score (double score)
{
  double level;

  if (!isfinite (score))
    return 0;

  level = floor (score + LEVEL_TOLERANCE);
  return (int) CLAMP (level, LO_LEVEL_MIN, LO_LEVEL_MAX);
}

static void
score_question (LoQuestionScore    *qs,
                const LoQuestion   *question,
                const LoAssessment *assessment)
{
  double sum = 0;

  qs->question = question;
  qs->min = 0;
  qs->max = 0;

  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *respondent = g_ptr_array_index (assessment->respondents, i);
      int value = LO_ANSWER_DONT_KNOW;

      if (!lo_respondent_get_answer (respondent, question->id, &value))
        value = LO_ANSWER_DONT_KNOW;

      if (answer_is_level (value))
        {
          if (qs->n_given == 0 || value < qs->min)
            qs->min = value;
          if (qs->n_given == 0 || value > qs->max)
            qs->max = value;
          sum += value;
          qs->n_given++;
        }
      else if (value == LO_ANSWER_NA)
        qs->n_na++;
      else
        qs->n_dont_know++;
    }

  if (qs->n_given > 0)
    {
      qs->state = LO_QUESTION_ANSWERED;
      qs->combined = sum / qs->n_given;
      qs->spread = qs->max - qs->min;
    }
  else
    {
      qs->state = qs->n_na > 0 ? LO_QUESTION_NA : LO_QUESTION_UNKNOWN;
      qs->combined = NAN;
      qs->spread = 0;
    }
  qs->contested = qs->spread >= 2;

  /* What the group agreed is the combined answer; the spread stays the
   * respondents' own, so the report shows both. */
  qs->agreed = lo_assessment_get_agreed (assessment, question->id);
  if (qs->agreed != NULL)
    {
      if (answer_is_level (qs->agreed->value))
        {
          qs->state = LO_QUESTION_ANSWERED;
          qs->combined = qs->agreed->value;
        }
      else
        {
          qs->state = qs->agreed->value == LO_ANSWER_NA ? LO_QUESTION_NA : LO_QUESTION_UNKNOWN;
          qs->combined = NAN;
        }
    }
}

/**
 * lo_score_compute:
 * @bank: the assessment's bank
 * @assessment: the answers
 * @error: where a refused answer is reported
 *
 * Scores @assessment per SPEC §1. Fails when lo_assessment_check() does.
 *
 * Returns: (transfer full): the score, or %NULL with @error set
 */
LoScore *
lo_score_compute (LoBank        *bank,
                  LoAssessment  *assessment,
                  GError       **error)
{
  g_autoptr(LoScore) score = NULL;
  double score_sum = 0;

  g_return_val_if_fail (bank != NULL, NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lo_assessment_check (assessment, bank, error))
    return NULL;

  if (bank->dimensions->len == 0)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   _("bank “%s” has no dimension"), bank->id);
      return NULL;
    }

  score = g_new0 (LoScore, 1);
  g_atomic_ref_count_init (&score->ref_count);
  score->bank = lo_bank_ref (bank);
  score->assessment = lo_assessment_ref (assessment);
  score->n_questions = bank->questions->len;
  score->questions = g_new0 (LoQuestionScore, MAX (score->n_questions, 1));
  score->n_dimensions = bank->dimensions->len;
  score->dimensions = g_new0 (LoDimensionScore, score->n_dimensions);
  score->contested = g_ptr_array_new ();
  score->missing = g_ptr_array_new ();

  for (guint i = 0; i < score->n_questions; i++)
    {
      const LoQuestion *question = g_ptr_array_index (bank->questions, i);
      LoQuestionScore *qs = &score->questions[i];

      score_question (qs, question, assessment);
      if (qs->contested)
        g_ptr_array_add (score->contested, question->id);
    }

  score->complete = TRUE;
  for (guint d = 0; d < score->n_dimensions; d++)
    {
      const LoDimension *dimension = g_ptr_array_index (bank->dimensions, d);
      LoDimensionScore *ds = &score->dimensions[d];
      double weighted = 0;
      double weights = 0;
      double largest = 0;
      int target;

      ds->dimension = dimension;
      ds->questions = dimension->questions->len;

      /* The weights are taken relative to the largest, so that no sum can
       * overflow whatever the bank says: a mean of levels 1 … 5 is then
       * always finite and between 1 and 5. */
      for (guint j = 0; j < dimension->questions->len; j++)
        {
          const LoQuestion *question = g_ptr_array_index (dimension->questions, j);

          if (isfinite (question->weight) && question->weight > largest)
            largest = question->weight;
        }

      /* Bank order, left to right: the same sum every time */
      for (guint j = 0; j < dimension->questions->len && largest > 0; j++)
        {
          const LoQuestion *question = g_ptr_array_index (dimension->questions, j);
          const LoQuestionScore *qs = &score->questions[question->index];
          double weight = question->weight / largest;

          if (qs->state != LO_QUESTION_ANSWERED || !(weight > 0))
            continue;
          weighted += weight * qs->combined;
          weights += weight;
          ds->answered++;
        }

      ds->has_score = ds->answered > 0 && weights > 0;
      ds->score = ds->has_score ? CLAMP (weighted / weights, LO_LEVEL_MIN, LO_LEVEL_MAX) : NAN;
      ds->level = ds->has_score ? lo_level_for_score (ds->score) : 0;

      target = lo_assessment_get_target (assessment, dimension->id);
      ds->target_set = target != 0;
      if (ds->target_set)
        ds->target = target;
      else if (ds->has_score)
        ds->target = MIN (ds->level + 1, LO_LEVEL_MAX);
      else
        ds->target = 0;

      if (ds->has_score)
        score_sum += ds->score;
      else
        {
          score->complete = FALSE;
          g_ptr_array_add (score->missing, (gpointer) dimension);
        }
    }

  if (score->complete)
    {
      score->overall_level = LO_LEVEL_MAX;
      for (guint d = 0; d < score->n_dimensions; d++)
        score->overall_level = MIN (score->overall_level, score->dimensions[d].level);
      score->overall_score = score_sum / score->n_dimensions;

      /* The lowest-scoring dimension at the overall level; on a tie the first in bank order */
      score->weakest = -1;
      for (guint d = 0; d < score->n_dimensions; d++)
        {
          const LoDimensionScore *ds = &score->dimensions[d];

          if (ds->level != score->overall_level)
            continue;
          if (score->weakest < 0 || ds->score < score->dimensions[score->weakest].score)
            score->weakest = d;
        }
    }
  else
    {
      score->overall_level = 0;
      score->overall_score = NAN;
      score->weakest = -1;
    }

  return g_steal_pointer (&score);
}

LoScore *
lo_score_ref (LoScore *score)
{
  g_return_val_if_fail (score != NULL, NULL);

  g_atomic_ref_count_inc (&score->ref_count);
  return score;
}

void
lo_score_unref (LoScore *score)
{
  g_return_if_fail (score != NULL);

  if (!g_atomic_ref_count_dec (&score->ref_count))
    return;

  g_clear_pointer (&score->contested, g_ptr_array_unref);
  g_clear_pointer (&score->missing, g_ptr_array_unref);
  g_free (score->questions);
  g_free (score->dimensions);
  g_clear_pointer (&score->assessment, lo_assessment_unref);
  g_clear_pointer (&score->bank, lo_bank_unref);
  g_free (score);
}

const LoDimensionScore *
lo_score_lookup_dimension (const LoScore *score,
                           const char    *dimension_id)
{
  const LoDimension *dimension;

  g_return_val_if_fail (score != NULL, NULL);

  dimension = lo_bank_lookup_dimension (score->bank, dimension_id);
  if (dimension == NULL || dimension->index >= score->n_dimensions)
    return NULL;
  return &score->dimensions[dimension->index];
}

const LoQuestionScore *
lo_score_lookup_question (const LoScore *score,
                          const char    *question_id)
{
  const LoQuestion *question;

  g_return_val_if_fail (score != NULL, NULL);

  question = lo_bank_lookup_question (score->bank, question_id);
  if (question == NULL || question->index >= score->n_questions)
    return NULL;
  return &score->questions[question->index];
}
