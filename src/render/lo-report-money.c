/* lo-report-money.c: the programme's money in the report (SPEC §2b, §6)
 *
 * The summary's money is the programme's: the included processes built on the
 * roadmap's schedule, with people approving every automated item until the
 * level-5 step. A process's own section keeps its own figures ("on its own, if
 * built today") and says where it stands in the programme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lo-report-private.h"

/* How many processes the schedule table names before "and N more". */
#define SCHEDULE_ROWS 25

static const LoFormatter *
fmt (const LoReportBuilder *r)
{
  return lo_render_formatter (r->ctx);
}

char *
lo_report_money (const LoReportBuilder *r,
                 double                 v)
{
  g_autofree char *m = lo_formatter_money (fmt (r), v, lo_render_currency (r->ctx),
                                           fabs (v) < 100 && fabs (v - round (v)) > 0.004 ? 2 : 0);
  g_auto (GStrv) parts = NULL;

  /* No line break between the minus sign and the figure ("−\n$287"): a
   * word joiner after every minus. */
  if (strstr (m, "−") == NULL)
    return g_steal_pointer (&m);
  parts = g_strsplit (m, "−", -1);
  return g_strjoinv ("−\u2060", parts);
}

static const char *
process_name (const LoProcessRoi *roi)
{
  return roi->process->name && *roi->process->name ? roi->process->name : roi->process->id;
}

static char *
payback_words (const LoReportBuilder *r,
               const LoProgramme     *pg)
{
  g_autofree char *m = NULL;

  if (!isfinite (pg->payback_months))
    return g_strdup_printf (_("does not pay back within the %u months"), pg->horizon);
  m = lo_formatter_months (fmt (r), pg->payback_months);
  /* TRANSLATORS: %s is a duration, "14.2 months" */
  return g_strdup_printf (_("pays back after <b>%s</b> from the start of the roadmap"), m);
}

/* The programme's Monte Carlo in words: P10–P90, inputs drawn independently. */
static void
programme_simulation (LoReportBuilder   *r,
                      const LoProgramme *pg)
{
  if (pg->has_monte_carlo)
    {
      g_autofree char *p10 = lo_report_money (r, pg->npv_p10);
      g_autofree char *p90 = lo_report_money (r, pg->npv_p90);
      g_autofree char *pos = lo_formatter_percent (fmt (r), pg->probability_positive, 0);
      g_autofree char *draws = lo_formatter_number (fmt (r), pg->draws, 0);
      g_autofree char *t = g_markup_printf_escaped (
        _("In a simulation of %s draws, each ranged input drawn on its own (independently of the "
          "others), the programme's NPV lies between %s and %s in eight cases of ten (P10–P90) "
          "and is positive in %s of them."), draws, p10, p90, pos);
      lo_doc_text (r->doc, t);
    }
}

static void
summary_figures (LoReportBuilder   *r,
                 const LoProgramme *pg)
{
  g_autofree char *npv = lo_formatter_money_short (fmt (r), pg->npv, lo_render_currency (r->ctx));
  g_autofree char *inv = lo_formatter_money_short (fmt (r), pg->investment, lo_render_currency (r->ctx));
  g_autofree char *peak = lo_formatter_money_short (fmt (r), pg->peak_funding, lo_render_currency (r->ctx));
  g_autofree char *pb = isfinite (pg->payback_months) ? lo_formatter_months (fmt (r), pg->payback_months)
                                                      : g_strdup (_("none"));
  g_autofree char *npv_label = g_strdup_printf (_("the programme's net present value over %u months"),
                                                pg->horizon);

  lo_doc_figure (r->doc, npv, npv_label);
  lo_doc_figure (r->doc, inv, _("investment in builds"));
  lo_doc_figure (r->doc, peak, _("peak funding needed"));
  lo_doc_figure (r->doc, pb, _("payback from the start of the roadmap"));
}

void
lo_report_programme_summary (LoReportBuilder *r)
{
  const LoProgramme *pg = r->in->programme;
  const LoPortfolio *pf = r->in->portfolio;
  g_autofree char *inv = NULL, *peak = NULL, *npv = NULL, *rate = NULL, *pb = NULL;
  g_autofree char *hours = NULL, *real = NULL, *text = NULL, *lanes = NULL;

  if (pg == NULL || pf == NULL || pf->processes->len == 0)
    return;
  lo_doc_heading (r->doc, 3, _("What the programme is worth"));
  if (pg->n_counted == 0)
    {
      lo_doc_text (r->doc, _("No candidate process is counted in the programme, so it has no "
                             "money to show: every process is left out, for the reasons below."));
      return;
    }
  summary_figures (r, pg);

  inv = lo_report_money (r, pg->investment);
  peak = lo_report_money (r, pg->peak_funding);
  npv = lo_report_money (r, pg->npv);
  rate = lo_formatter_percent (fmt (r), pg->settings.discount_rate,
                               fabs (pg->settings.discount_rate * 100 - round (pg->settings.discount_rate * 100)) > 1e-9 ? 1 : 0);
  pb = payback_words (r, pg);
  hours = lo_formatter_number (fmt (r), pg->hours_saved_week, 0);
  real = lo_formatter_percent (fmt (r), pg->settings.realisation_rate, 0);
  lanes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "one build at a time",
                                        "%d builds at a time", pg->parallel_builds),
                           pg->parallel_builds);
  text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "The programme builds %u of the %u candidate processes as the roadmap plans them "
                 "(%s), with people approving every automated item until the roadmap reaches "
                 "level 5. It invests <b>%s</b> in builds and needs at most <b>%s</b> of funding "
                 "at its low point. Over %u months it is worth <b>%s</b> in today's money "
                 "(discounted at %s a year) and %s. At full benefit it frees about "
                 "<b>%s hours a week</b>.",
                 "The programme builds %u of the %u candidate processes as the roadmap plans them "
                 "(%s), with people approving every automated item until the roadmap reaches "
                 "level 5. It invests <b>%s</b> in builds and needs at most <b>%s</b> of funding "
                 "at its low point. Over %u months it is worth <b>%s</b> in today's money "
                 "(discounted at %s a year) and %s. At full benefit it frees about "
                 "<b>%s hours a week</b>.",
                 pf->processes->len),
    pg->n_counted, pf->processes->len, lanes, inv, peak, pg->horizon, npv, rate, pb, hours);
  lo_doc_text (r->doc, text);
  {
    g_autofree char *t = g_markup_printf_escaped (
      _("The money counts %s of the freed hours as cash savings (the realisation rate); the "
        "rest is time given back to people, for better work or fewer late evenings, and is "
        "not counted as money."), real);
    lo_doc_text (r->doc, t);
  }
}

/* A process's reason for being left out, in words, with its own NPV when
 * that is the reason. */
static char *
excluded_line (const LoReportBuilder    *r,
               const LoProgrammeProcess *pp)
{
  const char *name = process_name (pp->roi);

  if (g_strcmp0 (pp->reason, LO_PROGRAMME_REASON_NEGATIVE_NPV) == 0)
    {
      g_autofree char *npv = lo_report_money (r, pp->roi->expected.npv);
      return g_markup_printf_escaped (_("<b>%s</b> loses money: its expected NPV on its own is %s, "
                                        "so it is left out."), name, npv);
    }
  return g_markup_printf_escaped ("<b>%s</b>: %s.", name,
                                  pp->reason ? lo_programme_reason_label (pp->reason) : "");
}

/* The first @max_named processes left out in one paragraph, then "and N
 * more". */
static void
excluded_paragraph (LoReportBuilder   *r,
                    const LoProgramme *pg,
                    guint              max_named)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n_out = pg->processes->len - pg->n_counted, named = 0;

  g_string_append_printf (text, "<b>%s</b> ", _("Left out of the programme:"));
  for (guint i = 0; i < pg->processes->len && named < max_named; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (pg->processes, LoProgrammeProcess, i);
      g_autofree char *item = NULL;

      if (pp->counted)
        continue;
      if (g_strcmp0 (pp->reason, LO_PROGRAMME_REASON_NEGATIVE_NPV) == 0)
        {
          g_autofree char *npv = lo_report_money (r, pp->roi->expected.npv);
          item = g_markup_printf_escaped (_("<b>%s</b> loses money (its expected NPV on its own is %s)"),
                                          process_name (pp->roi), npv);
        }
      else
        item = g_markup_printf_escaped ("<b>%s</b> (%s)", process_name (pp->roi),
                                        pp->reason ? lo_programme_reason_label (pp->reason) : "");
      g_string_append_printf (text, "%s%s", named ? "; " : "", item);
      named++;
    }
  if (named < n_out)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; and %u more, listed in the appendix.",
                                               "; and %u more, listed in the appendix.", n_out - named),
                            n_out - named);
  else
    g_string_append (text, ".");
  lo_doc_text (r->doc, text->str);
}

void
lo_report_programme_excluded (LoReportBuilder *r,
                              guint            max_named)
{
  const LoProgramme *pg = r->in->programme;
  guint n_out;

  if (pg == NULL)
    return;
  n_out = pg->processes->len - pg->n_counted;
  if (n_out == 0)
    return;
  if (max_named > 0)
    {
      excluded_paragraph (r, pg, max_named);
      return;
    }
  /* every one, as a table: one line each, even for thousands */
  {
    const double widths[] = { 4, 4 };
    const gboolean numeric[] = { FALSE, FALSE };
    const char *header[] = { _("Process"), _("Why it is left out") };

    lo_doc_table_begin (r->doc, 2, widths, numeric, header);
    for (guint i = 0; i < pg->processes->len; i++)
      {
        const LoProgrammeProcess *pp = &g_array_index (pg->processes, LoProgrammeProcess, i);
        g_autofree char *name = NULL, *why = NULL;

        if (pp->counted)
          continue;
        name = g_markup_escape_text (process_name (pp->roi), -1);
        if (g_strcmp0 (pp->reason, LO_PROGRAMME_REASON_NEGATIVE_NPV) == 0)
          {
            g_autofree char *npv = lo_report_money (r, pp->roi->expected.npv);
            why = g_markup_printf_escaped (_("loses money: expected NPV %s on its own"), npv);
          }
        else
          why = g_markup_escape_text (pp->reason ? lo_programme_reason_label (pp->reason) : "", -1);
        lo_doc_table_rowv (r->doc, name, why, NULL);
      }
  }
}

static void
schedule_table (LoReportBuilder   *r,
                const LoProgramme *pg)
{
  const double widths[] = { 4, 1, 1.6, 1.6, 2 };
  const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE };
  const char *header[] = { _("Process"), _("Lane"), _("Build from week"), _("Live in week"),
                           _("Build cost") };
  guint rows = 0;

  lo_doc_table_begin (r->doc, 5, widths, numeric, header);
  for (guint i = 0; i < pg->processes->len && rows < SCHEDULE_ROWS; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (pg->processes, LoProgrammeProcess, i);
      g_autofree char *name = NULL, *lane = NULL, *a = NULL, *b = NULL, *cost = NULL;

      if (!pp->counted)
        continue;
      name = g_markup_escape_text (process_name (pp->roi), -1);
      lane = g_strdup_printf ("%d", pp->lane + 1);
      a = lo_formatter_number (fmt (r), pp->start_week, 0);
      b = lo_formatter_number (fmt (r), pp->go_live_week, 0);
      cost = lo_report_money (r, pp->roi->process->inputs[LO_INPUT_BUILD_COST].value);
      lo_doc_table_rowv (r->doc, name, lane, a, b, cost, NULL);
      rows++;
    }
  if (pg->n_counted > rows)
    {
      g_autofree char *t = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "And %u more process, in the portfolio table.",
                     "And %u more processes, in the portfolio table.", pg->n_counted - rows),
        pg->n_counted - rows);
      lo_doc_text (r->doc, t);
    }
}

void
lo_report_programme_roadmap (LoReportBuilder *r)
{
  const LoProgramme *pg = r->in->programme;
  gboolean full = r->opts->edition == LO_REPORT_EDITION_FULL;

  if (pg == NULL || pg->n_counted == 0)
    return;
  lo_doc_heading (r->doc, 2, _("The programme: schedule and money"));
  {
    g_autofree char *end = isfinite (pg->approval_end_week)
                             ? lo_formatter_number (fmt (r), pg->approval_end_week, 0) : NULL;
    g_autofree char *t = end
      ? g_markup_printf_escaped (_("Each process is built in its lane, then runs with people "
                                   "approving every item until the level-5 step ends in week %s, "
                                   "then handles only the exceptions."), end)
      : g_strdup (_("Each process is built in its lane, then runs with people approving every "
                    "item: the roadmap does not reach level 5 within the plan."));
    lo_doc_text (r->doc, t);
  }
  programme_simulation (r, pg);
  /* The two programme charts come from the chart table ("progwin" adds them).
   * The summary edition shows the schedule in place of the roadmap's
   * timeline (build_roadmap); the full edition adds it here, with a table. */
  if (full && lo_chart_lookup ("programme-schedule") != NULL)
    lo_doc_chart (r->doc, "programme-schedule", NULL, 230, NULL);
  if (full)
    schedule_table (r, pg);
  if (lo_chart_lookup ("programme-cash-flow") != NULL)
    lo_doc_chart (r->doc, "programme-cash-flow", NULL, full ? 215 : 160, NULL);
}

char *
lo_report_process_standing (const LoReportBuilder *r,
                            const LoProcessRoi    *roi)
{
  const LoProgrammeProcess *pp = r->in->programme
                                   ? lo_programme_lookup (r->in->programme, roi->process->id) : NULL;

  if (pp == NULL)
    return g_strdup (_("The figures below are the process's <b>on its own, if built today</b>."));
  if (!pp->counted)
    {
      g_autofree char *why = excluded_line (r, pp);
      return g_strdup_printf (_("The figures below are the process's <b>on its own, if built "
                                "today</b>. It is not part of the programme: %s"), why);
    }
  {
    g_autofree char *a = lo_formatter_number (fmt (r), pp->start_week, 0);
    g_autofree char *b = lo_formatter_number (fmt (r), pp->go_live_week, 0);
    return g_strdup_printf (_("The figures below are the process's <b>on its own, if built "
                              "today</b>. In the programme its build starts in week %s of the "
                              "roadmap and it goes live in week %s."), a, b);
  }
}
