/* lo-report-appendix.c: the report's appendix (SPEC §6): the five levels,
 * how the figures are computed, and every answer by respondent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lo-report-private.h"

void
lo_report_build_appendix (LoReportBuilder *r)
{
  const LoScore *score = r->in->score;

  lo_doc_heading (r->doc, 1, _("Appendix: definitions and answers"));

  if (r->in->programme && r->in->programme->n_counted < r->in->programme->processes->len)
    {
      lo_doc_heading (r->doc, 2, _("Processes left out of the programme"));
      lo_report_programme_excluded (r, 0);
    }

  lo_doc_heading (r->doc, 2, _("The five levels"));
  {
    const double widths[] = { 0.8, 2, 7 };
    const char *header[] = { _("Level"), _("Name"), _("What it looks like") };
    const gboolean numeric[] = { TRUE, FALSE, FALSE };

    lo_doc_table_begin (r->doc, 3, widths, numeric, header);
    for (int level = 1; level <= 5; level++)
      {
        g_autofree char *n = g_strdup_printf ("%d", level);
        g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", lo_level_name (r->bank, level));
        const char *desc = r->bank && r->bank->levels[level - 1].description
                             ? lo_bank_text (r->bank, r->bank->levels[level - 1].description) : "";
        g_autofree char *d = g_markup_escape_text (desc, -1);
        lo_doc_table_rowv (r->doc, n, name, d, NULL);
      }
  }

  lo_doc_heading (r->doc, 2, _("How the figures are computed"));
  lo_doc_bullet (r->doc, _("<b>Dimension score</b> = Σ(weight × combined answer) / Σ(weight) over the answered questions; the combined answer is the mean of the levels given. The dimension's level is the score rounded down."));
  lo_doc_bullet (r->doc, _("<b>Overall level</b> = the lowest dimension level; the overall score is the mean of the dimension scores."));
  lo_doc_bullet (r->doc, _("<b>Hours saved</b> per month = manual hours − remaining hours (items not automated, exceptions, reviews and oversight); per week = × 12 / 52."));
  lo_doc_bullet (r->doc, _("<b>Monthly cash flow</b> = gross benefit × the share of the month after go-live (ramping up linearly) − running cost after go-live; month 0 carries the build cost."));
  lo_doc_bullet (r->doc, _("<b>NPV</b> = −build cost + Σ cash flow of month m / (1 + discount rate)^(m/12). <b>Payback</b> is the month, interpolated, at which the cumulative cash flow reaches zero. <b>IRR</b> is the annualised rate at which the NPV is zero."));
  lo_doc_bullet (r->doc, _("<b>Scenarios</b> put every ranged input at the end of its range that lowers (conservative) or raises (optimistic) the NPV. <b>Monte Carlo</b> draws each ranged input from a triangular distribution; P10 and P90 bound eight in ten outcomes."));
  lo_doc_bullet (r->doc, _("<b>Sensitivity</b>: each input at its low and high (or ±20 % when it has no range), the others at their likely value."));
  if (r->in->roadmap && r->in->roadmap->kind == LO_ROADMAP_STEPS)
    {
      g_autofree char *t = g_markup_escape_text (lo_roadmap_estimate_rule (), -1);
      lo_doc_bullet (r->doc, t);
    }

  if (score && score->assessment->respondents->len > 0)
    {
      GPtrArray *resp = score->assessment->respondents;
      guint n_r = resp->len;
      guint per_table = 12;

      lo_doc_heading (r->doc, 2, _("Every answer by respondent"));
      {
        const double widths[] = { 0.8, 3, 3 };
        const gboolean numeric[] = { FALSE, FALSE, FALSE };
        const char *header[] = { "", _("Respondent"), _("Role") };

        lo_doc_table_begin (r->doc, 3, widths, numeric, header);
        for (guint k = 0; k < n_r; k++)
          {
            const LoRespondent *p = g_ptr_array_index (resp, k);
            g_autofree char *code = g_strdup_printf (C_("respondent code", "R%u"), k + 1);
            g_autofree char *name = g_markup_escape_text (p->name ? p->name : p->id, -1);
            g_autofree char *role = g_markup_escape_text (p->role ? p->role : "", -1);
            lo_doc_table_rowv (r->doc, code, name, role, NULL);
          }
      }
      lo_doc_text (r->doc, _("1–5: the level given · ? don't know · n/a not applicable · blank: no answer."));

      for (guint k0 = 0; k0 < n_r; k0 += per_table)
        {
          guint k1 = MIN (n_r, k0 + per_table), cols = 1 + (k1 - k0);
          g_autofree double *widths = g_new (double, cols);
          g_autofree gboolean *numeric = g_new (gboolean, cols);
          g_autofree const char **header = g_new0 (const char *, cols);
          g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

          widths[0] = 5;
          numeric[0] = FALSE;
          header[0] = _("Question");
          for (guint k = k0; k < k1; k++)
            {
              char *code = g_strdup_printf (C_("respondent code", "R%u"), k + 1);
              g_ptr_array_add (codes, code);
              widths[1 + k - k0] = 0.75;
              numeric[1 + k - k0] = TRUE;
              header[1 + k - k0] = code;
            }
          lo_doc_table_begin (r->doc, cols, widths, numeric, header);
          for (guint q = 0; q < score->n_questions; q++)
            {
              const LoQuestionScore *qs = &score->questions[q];
              g_autofree const char **cells = g_new0 (const char *, cols);
              g_autoptr (GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
              char *text = g_markup_escape_text (lo_bank_text (r->bank, qs->question->text), -1);

              g_ptr_array_add (own, text);
              cells[0] = text;
              for (guint k = k0; k < k1; k++)
                {
                  const LoRespondent *p = g_ptr_array_index (resp, k);
                  int v;
                  char *cell;

                  if (!lo_respondent_get_answer (p, qs->question->id, &v))
                    cell = g_strdup ("");
                  else if (v == LO_ANSWER_DONT_KNOW)
                    cell = g_strdup ("?");
                  else if (v == LO_ANSWER_NA)
                    cell = g_strdup (_("n/a"));
                  else
                    cell = g_strdup_printf ("%d", v);
                  g_ptr_array_add (own, cell);
                  cells[1 + k - k0] = cell;
                }
              lo_doc_table_row (r->doc, cells);
            }
        }
    }
}
