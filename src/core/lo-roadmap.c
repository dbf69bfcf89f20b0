/* lo-roadmap.c: the steps from the overall level to 5 (SPEC §1, "The roadmap")
 *
 * This file builds the assessment part (steps and their actions); the
 * processes and durations are added by lo_roadmap_schedule() in lo-schedule.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-core.h"

G_DEFINE_BOXED_TYPE (LoRoadmap, lo_roadmap, lo_roadmap_ref, lo_roadmap_unref)

static LoRoadmapStep *
step_new (int level)
{
  LoRoadmapStep *step = g_new0 (LoRoadmapStep, 1);

  step->level = level;
  step->items = g_array_new (FALSE, TRUE, sizeof (LoRoadmapItem));
  step->processes = g_ptr_array_new ();
  step->preparations = g_ptr_array_new_with_free_func (g_free);

  return step;
}

static void
step_free (LoRoadmapStep *step)
{
  g_array_unref (step->items);
  g_ptr_array_unref (step->processes);
  g_ptr_array_unref (step->preparations);
  g_free (step);
}

static void
add_item (LoRoadmapStep    *step,
          const LoQuestion *question,
          int               level,
          const char       *action)
{
  LoRoadmapItem item = { question, level, action };

  g_array_append_val (step->items, item);
}

/**
 * lo_roadmap_build:
 * @score: a computed score
 *
 * One step per level L+1 … 5 from the overall level L. Step k lists, for each
 * question whose combined answer is below k, the bank's actions for the levels
 * between the answer and k that no earlier step listed; a question nobody could
 * answer appears once, in the first step, as "find out first"; questions judged
 * not applicable never appear.
 *
 * Returns: (transfer full): the roadmap
 */
LoRoadmap *
lo_roadmap_build (const LoScore *score)
{
  LoRoadmap *roadmap;
  g_autofree int *listed = NULL;

  g_return_val_if_fail (score != NULL, NULL);

  roadmap = g_new0 (LoRoadmap, 1);
  g_atomic_ref_count_init (&roadmap->ref_count);
  roadmap->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  roadmap->bank = lo_bank_ref (score->bank);

  if (!score->complete)
    {
      roadmap->kind = LO_ROADMAP_INCOMPLETE;
      roadmap->from_level = 0;
      return roadmap;
    }

  roadmap->from_level = score->overall_level;
  if (score->overall_level >= LO_LEVEL_MAX)
    {
      roadmap->kind = LO_ROADMAP_SUSTAIN;
      return roadmap;
    }
  roadmap->kind = LO_ROADMAP_STEPS;

  /* listed[i]: the highest level whose action question i already has on the
   * roadmap; its own level to begin with, since nothing below it is needed. */
  listed = g_new0 (int, MAX (score->n_questions, 1));
  for (guint i = 0; i < score->n_questions; i++)
    {
      const LoQuestionScore *qs = &score->questions[i];

      listed[i] = qs->state == LO_QUESTION_ANSWERED ? lo_level_for_score (qs->combined) : 0;
    }

  for (int k = score->overall_level + 1; k <= LO_LEVEL_MAX; k++)
    {
      LoRoadmapStep *step = step_new (k);
      gboolean first = k == score->overall_level + 1;

      g_ptr_array_add (roadmap->steps, step);

      for (guint d = 0; d < score->bank->dimensions->len; d++)
        {
          const LoDimension *dimension = g_ptr_array_index (score->bank->dimensions, d);

          for (guint j = 0; j < dimension->questions->len; j++)
            {
              const LoQuestion *question = g_ptr_array_index (dimension->questions, j);
              const LoQuestionScore *qs = &score->questions[question->index];

              switch (qs->state)
                {
                case LO_QUESTION_NA:
                  break;

                case LO_QUESTION_UNKNOWN:
                  if (first)
                    add_item (step, question, 0, NULL);
                  break;

                case LO_QUESTION_ANSWERED:
                  /* listed[] starts at ⌊c + 1e-9⌋, so this is "c < k" with the
                   * model's tolerance, and skips what earlier steps listed. */
                  for (int level = listed[question->index] + 1; level <= k; level++)
                    {
                      const char *action = question->actions[level - 1];

                      /* A bank that passed lo_bank_check has every action;
                       * an unchecked one simply contributes nothing here. */
                      if (action != NULL)
                        add_item (step, question, level, action);
                    }
                  listed[question->index] = MAX (listed[question->index], k);
                  break;

                default:
                  g_assert_not_reached ();
                }
            }
        }
    }

  return roadmap;
}

LoRoadmap *
lo_roadmap_ref (LoRoadmap *roadmap)
{
  g_return_val_if_fail (roadmap != NULL, NULL);

  g_atomic_ref_count_inc (&roadmap->ref_count);
  return roadmap;
}

void
lo_roadmap_unref (LoRoadmap *roadmap)
{
  g_return_if_fail (roadmap != NULL);

  if (!g_atomic_ref_count_dec (&roadmap->ref_count))
    return;

  g_ptr_array_unref (roadmap->steps);
  g_clear_pointer (&roadmap->bank, lo_bank_unref);
  g_free (roadmap);
}
