/* lo-schedule.c: the roadmap's schedule and the processes on it (SPEC §1,
 * "The roadmap" and "Schedule"; SPEC §2b, "Lanes")
 *
 * The included processes are built in the build step, the first step at or
 * above level 3, in build order: each takes the first of the parallel lanes to
 * come free (a lane is free from the build step's start and again when its
 * process goes live); step 4 turns them into review-and-approve workflows and
 * step 5 into exception-only operation, so the later steps list them too. A
 * process whose readiness is below 3 first gets the actions that would make it
 * ready, in the build step's preparations.
 *
 * Durations (lo_roadmap_estimate_rule() says the same in words): a step lasts
 * the weeks the consultant set for it; else the build step lasts
 * max(13, ⌈E − 1e-9⌉) weeks, E being the week (from the build step's start) its
 * last build goes live, and every other step a quarter, 13 weeks. Steps follow
 * one another without gaps from week 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-core.h"
#include "lo-programme.h"
#include "lo-schedule-private.h"

#define BUILD_LEVEL 3

const char *
lo_roadmap_estimate_rule (void)
{
  return _("Each step lasts the weeks the consultant set for it. Otherwise the "
           "step that builds the processes lasts until the last of them goes "
           "live, and at least a quarter (13 weeks); every other step lasts a "
           "quarter. The processes are built in the build order, each in the "
           "first build lane to come free.");
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
  if (step == building && roadmap->parallel_builds > 1 && step->level >= 4)
    return _("Built in the build order, several at a time, as review-and-approve workflows");
  if (step == building && roadmap->parallel_builds > 1)
    return _("Built in the build order, several at a time, with AI assisting people");
  if (step == building && step->level >= 4)
    return _("Built one after another in the build order, as review-and-approve workflows");
  if (step == building)
    return _("Built one after another in the build order, with AI assisting people");
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

/* Takes the lane that comes free first (ties: the lowest), in weeks from the
 * build step's start. */
static int
first_free_lane (const double *free_at,
                 int           n_lanes)
{
  int best = 0;

  for (int k = 1; k < n_lanes; k++)
    if (free_at[k] < free_at[best] - LO_SCHEDULE_EPSILON)
      best = k;
  return best;
}

static void
reset_steps (LoRoadmap *roadmap)
{
  /* scheduling again replaces what an earlier call added */
  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);

      g_ptr_array_set_size (step->processes, 0);
      g_ptr_array_set_size (step->preparations, 0);
      step->weeks = 0;
      step->start_week = 0;
      step->default_weeks = 0;
      step->weeks_set = FALSE;
      step->builds = FALSE;
    }
  roadmap->total_weeks = 0;
  roadmap->parallel_builds = 0;
}

static double
set_weeks (const int *step_weeks,
           int        level)
{
  if (step_weeks == NULL || level < 1 || level > 5)
    return 0;
  return MAX (step_weeks[level], 0);
}

void
lo_schedule_plan (LoRoadmap         *roadmap,
                  const LoPortfolio *portfolio,
                  const int         *step_weeks,
                  int                parallel_builds,
                  const gboolean    *included,
                  LoScheduleSlot    *slots,
                  LoSchedulePlan    *plan)
{
  g_autofree double *free_at = NULL;
  LoRoadmapStep *building = NULL;
  gboolean has_steps;
  double start = 0;
  guint n;

  g_return_if_fail (portfolio != NULL && included != NULL && slots != NULL && plan != NULL);

  parallel_builds = CLAMP (parallel_builds, 1, LO_PARALLEL_BUILDS_MAX);
  n = portfolio->sequence->len;
  if (roadmap != NULL)
    reset_steps (roadmap);
  has_steps = roadmap != NULL && roadmap->kind == LO_ROADMAP_STEPS;
  if (has_steps)
    building = building_step (roadmap);

  /* T_b: the steps before the build step last their set or default weeks */
  plan->build_start_week = 0;
  for (guint s = 0; has_steps && s < roadmap->steps->len; s++)
    {
      LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, s);
      double set;

      if (step == building)
        break;
      set = set_weeks (step_weeks, step->level);
      plan->build_start_week += set > 0 ? set : LO_STEP_DEFAULT_WEEKS;
    }

  /* the lanes, in weeks from T_b */
  free_at = g_new0 (double, parallel_builds);
  plan->builds_weeks = 0;
  for (guint i = 0; i < n; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);
      double build_weeks = lo_process_get (roi->process, LO_INPUT_BUILD_WEEKS);
      int lane;

      if (!included[i])
        {
          slots[i].lane = -1;
          slots[i].start_week = slots[i].go_live_week = NAN;
          continue;
        }
      lane = first_free_lane (free_at, parallel_builds);
      slots[i].lane = lane;
      slots[i].start_week = plan->build_start_week + free_at[lane];
      free_at[lane] += build_weeks;
      slots[i].go_live_week = plan->build_start_week + free_at[lane];
      plan->builds_weeks = MAX (plan->builds_weeks, free_at[lane]);
    }

  plan->approval_end_week = NAN;
  if (roadmap == NULL)
    return;
  roadmap->parallel_builds = parallel_builds;
  if (roadmap->kind == LO_ROADMAP_SUSTAIN)
    plan->approval_end_week = 0;
  if (!has_steps)
    return;

  for (guint s = 0; s < roadmap->steps->len; s++)
    {
      LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, s);
      double set = set_weeks (step_weeks, step->level);

      step->builds = step == building;
      if (step->builds)
        step->default_weeks = MAX ((double) LO_STEP_DEFAULT_WEEKS,
                                   ceil (plan->builds_weeks - LO_SCHEDULE_EPSILON));
      else
        step->default_weeks = LO_STEP_DEFAULT_WEEKS;
      step->weeks_set = set > 0;
      step->weeks = step->weeks_set ? set : step->default_weeks;
      step->start_week = start;
      start += step->weeks;

      if (building == NULL || step->level < building->level)
        continue;
      for (guint i = 0; i < n; i++)
        {
          const LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);

          if (!included[i])
            continue;
          if (step->builds)
            add_preparations (step, roi);
          /* the steps borrow the id: interned, it outlives the portfolio */
          g_ptr_array_add (step->processes, (gpointer) g_intern_string (roi->process->id));
        }
    }

  roadmap->total_weeks = start;
  /* T₅: the end of the level-5 step, the last one */
  plan->approval_end_week = start;
}

void
lo_roadmap_schedule (LoRoadmap         *roadmap,
                     const LoPortfolio *portfolio)
{
  g_autofree gboolean *included = NULL;
  g_autofree LoScheduleSlot *slots = NULL;
  LoSchedulePlan plan;
  guint n;

  g_return_if_fail (roadmap != NULL);
  g_return_if_fail (portfolio != NULL);

  n = portfolio->sequence->len;
  included = g_new0 (gboolean, MAX (n, 1));
  slots = g_new0 (LoScheduleSlot, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    included[i] = lo_programme_exclusion (g_ptr_array_index (portfolio->sequence, i)) == NULL;

  lo_schedule_plan (roadmap, portfolio, NULL, portfolio->settings.parallel_builds,
                    included, slots, &plan);
}
