/* lo-report-input.c: the figures a report is made from, taken from an analysis,
 * and the report's options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lo-render-private.h"

LoReportInput *
lo_report_input_new (LoAnalysis *analysis,
                     GError    **error)
{
  LoReportInput *input;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (lo_analysis_get_portfolio (analysis) == NULL)
    {
      const GError *why = lo_analysis_get_portfolio_error (analysis);

      if (why != NULL)
        g_propagate_error (error, g_error_copy (why));
      else
        g_set_error_literal (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                             _("the processes have no figures"));
      return NULL;
    }

  input = g_new0 (LoReportInput, 1);
  input->analysis = lo_analysis_ref (analysis);
  input->engagement = lo_analysis_get_engagement (analysis);
  input->portfolio = lo_analysis_get_portfolio (analysis);
  input->programme = lo_analysis_get_programme (analysis);
  /* A report shows a score only with its bank: both or neither. */
  if (lo_analysis_get_score (analysis) != NULL)
    {
      input->bank = lo_analysis_get_bank (analysis);
      input->score = lo_analysis_get_score (analysis);
      input->previous = lo_analysis_get_previous_score (analysis);
      input->roadmap = lo_analysis_get_roadmap (analysis);
    }
  return input;
}

void
lo_report_input_free (LoReportInput *input)
{
  if (input == NULL)
    return;
  g_clear_pointer (&input->analysis, lo_analysis_unref);
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
  return lo_analysis_lookup_roi (input->analysis, process_id);
}

void
lo_report_options_init (LoReportOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->paper = LO_PAPER_A4;
  opts->edition = LO_REPORT_EDITION_FULL;
}

gboolean
lo_report_edition_from_string (const char      *text,
                               LoReportEdition *edition)
{
  if (g_strcmp0 (text, "full") == 0)
    *edition = LO_REPORT_EDITION_FULL;
  else if (g_strcmp0 (text, "summary") == 0)
    *edition = LO_REPORT_EDITION_SUMMARY;
  else
    return FALSE;
  return TRUE;
}
