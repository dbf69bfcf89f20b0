/* lo-report-input.c: the computed figures a report is made from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-render-private.h"

LoReportInput *
lo_report_input_new (LoEngagement *engagement,
                     LoBank       *bank,
                     guint         draws,
                     guint64       seed,
                     GError      **error)
{
  g_autoptr (LoReportInput) input = NULL;
  LoAssessment *latest;

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = g_new0 (LoReportInput, 1);
  input->engagement = lo_engagement_ref (engagement);

  input->portfolio = lo_portfolio_compute (engagement,
                                           draws ? draws : LO_MONTE_CARLO_DEFAULT_DRAWS,
                                           seed ? seed : LO_MONTE_CARLO_DEFAULT_SEED,
                                           NULL, error);
  if (input->portfolio == NULL)
    return NULL;

  latest = lo_engagement_latest_assessment (engagement);
  if (latest != NULL && bank != NULL)
    {
      LoAssessment *previous;

      input->bank = lo_bank_ref (bank);
      input->score = lo_score_compute (bank, latest, error);
      if (input->score == NULL)
        return NULL;

      /* An earlier assessment on another bank or edition has other questions: no comparison. */
      previous = lo_engagement_previous_assessment (engagement, latest);
      if (previous != NULL && g_strcmp0 (previous->bank, latest->bank) == 0
          && previous->bank_edition == latest->bank_edition)
        {
          g_autoptr (GError) local_error = NULL;

          input->previous = lo_score_compute (bank, previous, &local_error);
          if (input->previous == NULL)
            g_debug ("previous assessment not compared: %s", local_error->message);
        }

      input->roadmap = lo_roadmap_build (input->score);
      if (input->roadmap != NULL)
        lo_roadmap_schedule (input->roadmap, input->portfolio);
    }

  return g_steal_pointer (&input);
}

void
lo_report_input_free (LoReportInput *input)
{
  if (input == NULL)
    return;
  g_clear_pointer (&input->roadmap, lo_roadmap_unref);
  g_clear_pointer (&input->previous, lo_score_unref);
  g_clear_pointer (&input->score, lo_score_unref);
  g_clear_pointer (&input->portfolio, lo_portfolio_unref);
  g_clear_pointer (&input->bank, lo_bank_unref);
  g_clear_pointer (&input->engagement, lo_engagement_unref);
  g_free (input);
}

const LoProcessRoi *
lo_report_input_lookup_roi (const LoReportInput *input,
                            const char          *process_id)
{
  if (input == NULL || input->portfolio == NULL)
    return NULL;
  if (process_id == NULL)
    return input->portfolio->sequence->len > 0 ? g_ptr_array_index (input->portfolio->sequence, 0)
                                               : NULL;
  for (guint i = 0; i < input->portfolio->processes->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (input->portfolio->processes, i);
      if (g_strcmp0 (roi->process->id, process_id) == 0)
        return roi;
    }
  return NULL;
}
