/* lo-process-template.c: starting points for the common small-business processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-process-template.h"

/* Templates of the common small-business processes. Values are a starting
 * point the consultant replaces with the client's own figures. */
typedef struct
{
  const char *id;
  const char *name;
  double      volume, minutes, automation, exception, minutes_exception;
  double      error_before, error_after, cost_per_error;
  double      build_cost, build_weeks, run_cost, ramp, oversight;
  int         clarity, access, scope;
} Template;

static const Template templates[] = {
  { "invoicing", N_("Invoicing"), 400, 20, 0.85, 0.10, 15, 0.05, 0.01, 120,
    40000, 10, 800, 2, 8, 4, 3, 5 },
  { "inventory-reconciliation", N_("Inventory reconciliation"), 200, 30, 0.75, 0.15, 20, 0.04, 0.01, 200,
    35000, 8, 600, 2, 6, 4, 3, 4 },
  { "report-generation", N_("Report generation"), 60, 90, 0.90, 0.05, 30, 0.03, 0.005, 150,
    25000, 6, 400, 1, 4, 4, 3, 4 },
  { "data-entry", N_("Data entry between systems"), 1500, 4, 0.80, 0.08, 6, 0.03, 0.005, 40,
    30000, 8, 700, 2, 6, 3, 2, 3 },
  { "status-updates", N_("Status updates"), 800, 5, 0.90, 0.05, 8, 0.02, 0.005, 25,
    15000, 4, 300, 1, 4, 3, 3, 4 },
  { "exception-flagging", N_("Exception flagging"), 500, 8, 0.70, 0.20, 12, 0.06, 0.02, 90,
    30000, 8, 500, 3, 8, 2, 3, 2 },
};

guint
lo_process_templates_count (void)
{
  return G_N_ELEMENTS (templates);
}

const char *
lo_process_template_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);
  return templates[index].id;
}

const char *
lo_process_template_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);
  return _(templates[index].name);
}

char *
lo_process_unique_id (const LoEngagement *engagement,
                      const char         *base)
{
  g_return_val_if_fail (base != NULL, NULL);

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (engagement == NULL || lo_engagement_lookup_process (engagement, id) == NULL)
        return g_steal_pointer (&id);
    }
}

LoProcess *
lo_process_new_from_template (const char         *template_id,
                              const LoEngagement *engagement,
                              double              hourly_cost)
{
  const Template *t = NULL;
  g_autofree char *id = NULL;
  LoProcess *process;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].id, template_id) == 0)
      t = &templates[i];

  id = lo_process_unique_id (engagement, t != NULL ? t->id : "process");
  process = lo_process_new (id, t != NULL ? _(t->name) : _("New process"));
  lo_process_set (process, LO_INPUT_HOURLY_COST, hourly_cost);
  if (t == NULL)
    {
      /* Blank: the required inputs at values that validate, for the user to replace. */
      lo_process_set (process, LO_INPUT_VOLUME_PER_MONTH, 100);
      lo_process_set (process, LO_INPUT_MINUTES_PER_ITEM, 10);
      lo_process_set (process, LO_INPUT_AUTOMATION_RATE, 0.8);
      lo_process_set (process, LO_INPUT_BUILD_COST, 20000);
      lo_process_set (process, LO_INPUT_BUILD_WEEKS, 6);
      return process;
    }
  lo_process_set (process, LO_INPUT_VOLUME_PER_MONTH, t->volume);
  lo_process_set (process, LO_INPUT_MINUTES_PER_ITEM, t->minutes);
  lo_process_set (process, LO_INPUT_AUTOMATION_RATE, t->automation);
  lo_process_set (process, LO_INPUT_EXCEPTION_RATE, t->exception);
  lo_process_set (process, LO_INPUT_MINUTES_PER_EXCEPTION, t->minutes_exception);
  lo_process_set (process, LO_INPUT_ERROR_RATE_BEFORE, t->error_before);
  lo_process_set (process, LO_INPUT_ERROR_RATE_AFTER, t->error_after);
  lo_process_set (process, LO_INPUT_COST_PER_ERROR, t->cost_per_error);
  lo_process_set (process, LO_INPUT_BUILD_COST, t->build_cost);
  lo_process_set (process, LO_INPUT_BUILD_WEEKS, t->build_weeks);
  lo_process_set (process, LO_INPUT_RUN_COST_PER_MONTH, t->run_cost);
  lo_process_set (process, LO_INPUT_RAMP_MONTHS, t->ramp);
  lo_process_set (process, LO_INPUT_OVERSIGHT_HOURS_PER_MONTH, t->oversight);
  process->has_readiness = TRUE;
  process->clarity = t->clarity;
  process->access = t->access;
  process->scope = t->scope;
  return process;
}

