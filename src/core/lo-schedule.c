/* lo-schedule.c: the candidate processes on the roadmap (SPEC §1, "The roadmap")
 *
 * All processes are built in the first step at or above level 3, one after
 * another, most ready first (the portfolio's sequence); step 4 turns them into
 * review-and-approve workflows and step 5 into exception-only operation, so the
 * later steps list them too. A process whose readiness is below 3 first gets the
 * actions that would make it ready, in the building step's preparations.
 *
 * Duration estimate (lo_roadmap_estimate_rule() says the same in words):
 *   weeks(step) = 1 × (actions + preparations it lists)
 *               + Σ build-weeks of the processes it builds (one after another)
 *               + 2 × (processes it changes to a new way of running, in the
 *                      steps after the building one)
 * A week per action is the pace of a small business taking one action at a
 * time beside its daily work; builds are sequential because the same people
 * own the outcome of each; two weeks per process covers moving it to
 * review-and-approve or exception-only running and watching the first month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-core.h"

#define WEEKS_PER_ACTION         1.0
#define WEEKS_PER_PROCESS_CHANGE 2.0
#define BUILD_LEVEL              3

const char *
lo_roadmap_estimate_rule (void)
{
  return _("Each step is estimated at one week for every action and readiness "
           "preparation it lists, plus, in the step that builds the processes, "
           "their build weeks one after another, plus, in each later step, two "
           "weeks for every process whose way of running it changes.");
}

static LoRoadmapStep *
building_step (const LoRoadmap *roadmap)
{
  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);

      if (step->level >= BUILD_LEVEL)
        return step;
    }
  return NULL;
}

const char *
lo_roadmap_process_role (const LoRoadmap     *roadmap,
                         const LoRoadmapStep *step)
{
  const LoRoadmapStep *building;

  g_return_val_if_fail (roadmap != NULL && step != NULL, NULL);

  building = building_step (roadmap);
  if (building == NULL || step->level < building->level)
    return NULL;
  if (step == building && step->level >= 4)
    return _("Built one after another, most ready first, as review-and-approve workflows");
  if (step == building)
    return _("Built one after another, most ready first, with AI assisting people");
  if (step->level == 4)
    return _("Turned into review-and-approve workflows: people approve, the workflow executes");
  return _("Run exception-only: people handle exceptions and decisions");
}

static void
add_preparations (LoRoadmapStep      *step,
                  const LoProcessRoi *roi)
{
  const LoProcess *process = roi->process;
  const char *name = process->name && *process->name ? process->name : process->id;

  if (!(roi->readiness < 3))
    return;

  if (process->clarity < 3)
    g_ptr_array_add (step->preparations,
                     /* TRANSLATORS: %s is a process name */
                     g_strdup_printf (_("Document %s: its steps, business rules and exceptions, before it is built"),
                                      name));
  if (process->access < 3)
    g_ptr_array_add (step->preparations,
                     /* TRANSLATORS: %s is a process name */
                     g_strdup_printf (_("Connect the systems %s needs so that programs can read and write them, before it is built"),
                                      name));
  if (process->scope < 3)
    g_ptr_array_add (step->preparations,
                     /* TRANSLATORS: %s is a process name */
                     g_strdup_printf (_("Narrow the scope of %s to one workflow with one measurable outcome, before it is built"),
                                      name));
}

void
lo_roadmap_schedule (LoRoadmap         *roadmap,
                     const LoPortfolio *portfolio)
{
  LoRoadmapStep *building;
  double start = 0;

  g_return_if_fail (roadmap != NULL);
  g_return_if_fail (portfolio != NULL);

  /* scheduling again replaces what an earlier call added */
  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);

      g_ptr_array_set_size (step->processes, 0);
      g_ptr_array_set_size (step->preparations, 0);
      step->weeks = 0;
      step->start_week = 0;
    }
  roadmap->total_weeks = 0;

  if (roadmap->kind != LO_ROADMAP_STEPS)
    return;

  building = building_step (roadmap);

  for (guint s = 0; s < roadmap->steps->len; s++)
    {
      LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, s);
      double weeks;

      if (building != NULL && step->level >= building->level)
        {
          for (guint i = 0; i < portfolio->sequence->len; i++)
            {
              const LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);

              if (step == building)
                add_preparations (step, roi);
              /* the steps borrow the id: interned, it outlives the portfolio */
              g_ptr_array_add (step->processes, (gpointer) g_intern_string (roi->process->id));
            }
        }

      weeks = WEEKS_PER_ACTION * (step->items->len + step->preparations->len);
      for (guint i = 0; i < step->processes->len && building != NULL; i++)
        {
          const LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);

          if (step == building)
            weeks += lo_process_get (roi->process, LO_INPUT_BUILD_WEEKS);
          else
            weeks += WEEKS_PER_PROCESS_CHANGE;
        }

      step->weeks = weeks;
      step->start_week = start;
      start += weeks;
    }

  roadmap->total_weeks = start;
}
