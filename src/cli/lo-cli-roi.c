/* lo-cli-roi.c: `lightsout roi FILE [--json] [--draws N] [--seed S]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"
#include "lo-cli-common.h"


typedef struct
{
  GString    *out;
  const char *currency;
} Text;

static char *
money (const Text *t,
       double      value)
{
  if (!isfinite (value))
    return g_strdup (_("none"));
  return lo_format_money (value, t->currency, 0);
}

/* "9.7 months" or "never" */
static char *
months (double value)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup (_("never"));
  number = lo_format_number (value, 1);
  /* TRANSLATORS: a duration, "9.7 months" */
  return g_strdup_printf (_("%s months"), number);
}

static char *
percent (double fraction)
{
  if (!isfinite (fraction))
    return g_strdup (_("none"));
  return lo_format_percent (fraction, 0);
}

/* A table: @cells row by row, @n_columns wide, first column left-aligned. */
static void
append_table (GString    *out,
              GPtrArray  *cells,
              guint       n_columns,
              const char *indent)
{
  g_autofree int *widths = g_new0 (int, n_columns);
  guint n_rows = cells->len / n_columns;

  for (guint i = 0; i < cells->len; i++)
    widths[i % n_columns] = MAX (widths[i % n_columns],
                                 (int) g_utf8_strlen (g_ptr_array_index (cells, i), -1));
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (out, indent);
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append (out, "   ");
          lo_cli_append_padded (out, g_ptr_array_index (cells, r * n_columns + c), widths[c], c > 0);
        }
      g_string_append_c (out, '\n');
    }
}

static void
add_scenario_row (const Text         *t,
                  GPtrArray          *cells,
                  const char         *name,
                  const LoRoiFigures *f)
{
  g_ptr_array_add (cells, g_strdup (name));
  g_ptr_array_add (cells, money (t, f->npv));
  g_ptr_array_add (cells, months (f->payback_months));
  g_ptr_array_add (cells, percent (f->roi_percent / 100));
  g_ptr_array_add (cells, percent (f->irr));
  g_ptr_array_add (cells, lo_format_number (f->hours_saved_week, 1));
}

static void
append_monte_carlo (const Text         *t,
                    const LoProcessRoi *roi)
{
  const LoMonteCarlo *mc = &roi->monte_carlo;
  g_autofree char *draws = lo_format_number (mc->draws, 0);
  g_autofree char *n10 = money (t, mc->npv_p10);
  g_autofree char *n50 = money (t, mc->npv_p50);
  g_autofree char *n90 = money (t, mc->npv_p90);
  g_autofree char *b10 = months (mc->payback_p10);
  g_autofree char *b50 = months (mc->payback_p50);
  g_autofree char *b90 = months (mc->payback_p90);
  g_autofree char *positive = percent (mc->probability_positive);

  /* TRANSLATORS: "Monte Carlo (10,000 draws, seed 1):" */
  g_string_append_printf (t->out, _("  Monte Carlo (%s draws, seed %llu):"),
                          draws, (unsigned long long) mc->seed);
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: the 10th, 50th and 90th percentiles of the NPV */
  g_string_append_printf (t->out, _("    NPV: P10 %s, P50 %s, P90 %s"), n10, n50, n90);
  g_string_append_c (t->out, '\n');
  g_string_append_printf (t->out, _("    Payback: P10 %s, P50 %s, P90 %s"), b10, b50, b90);
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: "NPV above zero in 93 % of the draws" */
  g_string_append_printf (t->out, _("    NPV above zero in %s of the draws"), positive);
  g_string_append_c (t->out, '\n');
}

/* An input's value in its unit: money, a percentage, or a plain number. */
static char *
input_value (const Text *t,
             LoInputId   id,
             double      value)
{
  switch (lo_input_unit (id))
    {
    case LO_UNIT_CURRENCY:
      return money (t, value);
    case LO_UNIT_FRACTION:
      return lo_format_percent (value, 1);
    default:
      return lo_format_number (value, value == floor (value) ? 0 : 1);
    }
}

static void
append_tornado (const Text         *t,
                const LoProcessRoi *roi)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_string_append (t->out, _("  Sensitivity (NPV with one input at its low and high end):"));
  g_string_append_c (t->out, '\n');
  for (guint i = 0; i < roi->n_tornado; i++)
    {
      const LoTornadoBar *bar = &roi->tornado[i];
      g_autofree char *low = input_value (t, bar->input, bar->low_value);
      g_autofree char *high = input_value (t, bar->input, bar->high_value);

      /* bars with no swing say nothing */
      if (bar->low_npv == bar->high_npv)
        continue;
      g_ptr_array_add (cells, g_strdup (lo_input_label (bar->input)));
      /* TRANSLATORS: an input's range, "1,000 – 1,500" */
      g_ptr_array_add (cells, g_strdup_printf (_("%s – %s"), low, high));
      g_ptr_array_add (cells, money (t, bar->low_npv));
      g_ptr_array_add (cells, money (t, bar->high_npv));
    }
  append_table (t->out, cells, 4, "    ");
}

static void
append_alternative (const Text         *t,
                    const LoProcessRoi *roi)
{
  const LoProcess *p = roi->process;
  g_autofree char *cost = money (t, p->alt_build_cost);
  g_autofree char *weeks = lo_format_number (p->alt_build_weeks, 0);
  g_autofree char *npv = money (t, roi->alternative.npv);
  g_autofree char *payback = months (roi->alternative.payback_months);
  g_autofree char *gained = lo_format_number (fabs (roi->months_gained), 1);
  g_autofree char *difference = money (t, roi->expected.npv - roi->alternative.npv);

  /* TRANSLATORS: "Alternative quote: $135,000 over 39 weeks: NPV $40,000, payback 20.1 months" */
  g_string_append_printf (t->out, _("  Alternative quote: %s over %s weeks: NPV %s, payback %s"),
                          cost, weeks, npv, payback);
  g_string_append_c (t->out, '\n');
  if (roi->months_gained > 0)
    /* TRANSLATORS: "It goes live 6.7 months later: 6.7 months of benefit lost, NPV $112,000 lower" */
    g_string_append_printf (t->out, _("    It goes live %s months later: %s months of benefit lost, NPV %s lower"),
                            gained, gained, difference);
  else if (roi->months_gained < 0)
    g_string_append_printf (t->out, _("    It goes live %s months earlier: %s months of benefit gained"),
                            gained, gained);
  else
    g_string_append (t->out, _("    It goes live at the same time"));
  g_string_append_c (t->out, '\n');
}

static void
append_actuals (const Text         *t,
                const LoProcessRoi *roi)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_string_append (t->out, _("  Actual against projected:"));
  g_string_append_c (t->out, '\n');
  g_ptr_array_add (cells, g_strdup (_("Month")));
  g_ptr_array_add (cells, g_strdup (_("Hours saved")));
  g_ptr_array_add (cells, g_strdup (_("projected")));
  g_ptr_array_add (cells, g_strdup (_("Errors")));
  g_ptr_array_add (cells, g_strdup (_("projected")));
  g_ptr_array_add (cells, g_strdup (_("Net benefit")));
  g_ptr_array_add (cells, g_strdup (_("projected")));
  g_ptr_array_add (cells, g_strdup (_("variance")));
  for (guint i = 0; i < roi->actuals->len; i++)
    {
      const LoActualMonth *a = &g_array_index (roi->actuals, LoActualMonth, i);

      g_ptr_array_add (cells, g_strdup_printf ("%04d-%02d", a->year, a->month));
      g_ptr_array_add (cells, lo_format_number (a->actual_hours_saved, 1));
      g_ptr_array_add (cells, lo_format_number (a->projected_hours_saved, 1));
      g_ptr_array_add (cells, lo_format_number (a->actual_errors, 0));
      g_ptr_array_add (cells, lo_format_number (a->projected_errors, 1));
      g_ptr_array_add (cells, money (t, a->actual_net));
      g_ptr_array_add (cells, money (t, a->projected_net));
      g_ptr_array_add (cells, money (t, a->variance_net));
    }
  append_table (t->out, cells, 8, "    ");
}

static void
append_process (const Text         *t,
                const LoProcessRoi *roi)
{
  const LoRoiFigures *f = &roi->expected;
  const LoProcess *p = roi->process;
  g_autofree char *readiness = lo_format_number (roi->readiness, 1);
  g_autofree char *week = lo_format_number (f->hours_saved_week, 1);
  g_autofree char *fte = lo_format_number (f->fte, 2);
  g_autofree char *annual = money (t, f->annual_savings);
  g_autofree char *build = money (t, lo_process_get (p, LO_INPUT_BUILD_COST));
  g_autofree char *weeks = lo_format_number (lo_process_get (p, LO_INPUT_BUILD_WEEKS), 0);
  g_autofree char *live = lo_format_number (f->go_live_months, 1);
  g_autofree char *npv = money (t, f->npv);
  g_autofree char *roi_percent = percent (f->roi_percent / 100);
  g_autofree char *payback = months (f->payback_months);
  g_autofree char *irr = percent (f->irr);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_string_append_printf (t->out, "%s (%s)\n", p->name ? p->name : p->id, p->id);
  /* TRANSLATORS: "Readiness 4.0 of 5" */
  g_string_append_printf (t->out, _("  Readiness %s of 5%s"), readiness,
                          roi->readiness_defaulted ? _(" (not given, counted as 3)") : "");
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: "Hours saved: 27.4 a week (0.69 FTE)" */
  g_string_append_printf (t->out, _("  Hours saved: %s a week (%s FTE)"), week, fte);
  g_string_append_c (t->out, '\n');
  g_string_append_printf (t->out, _("  Annual savings at full benefit: %s"), annual);
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: "Build: $55,000 over 10 weeks, live in month 2.3" */
  g_string_append_printf (t->out, _("  Build: %s over %s weeks, live after %s months"), build, weeks, live);
  g_string_append_c (t->out, '\n');
  g_string_append_printf (t->out, _("  NPV %s · ROI %s · payback %s · IRR %s"), npv, roi_percent, payback, irr);
  g_string_append_c (t->out, '\n');

  g_ptr_array_add (cells, g_strdup (_("Scenario")));
  g_ptr_array_add (cells, g_strdup (_("NPV")));
  g_ptr_array_add (cells, g_strdup (_("Payback")));
  g_ptr_array_add (cells, g_strdup (_("ROI")));
  g_ptr_array_add (cells, g_strdup (_("IRR")));
  g_ptr_array_add (cells, g_strdup (_("Hours/week")));
  add_scenario_row (t, cells, _("conservative"), &roi->conservative);
  add_scenario_row (t, cells, _("expected"), &roi->expected);
  add_scenario_row (t, cells, _("optimistic"), &roi->optimistic);
  append_table (t->out, cells, 6, "    ");

  if (roi->has_monte_carlo)
    append_monte_carlo (t, roi);
  else
    {
      g_string_append (t->out, _("  Monte Carlo: no input has a range"));
      g_string_append_c (t->out, '\n');
    }
  append_tornado (t, roi);
  if (roi->has_alternative)
    append_alternative (t, roi);
  if (roi->actuals->len > 0)
    append_actuals (t, roi);
  g_string_append_c (t->out, '\n');
}

/* "month 3.0 (week 13)" */
static char *
month_and_week (double month,
                double week)
{
  g_autofree char *m = lo_format_number (month, 1);
  g_autofree char *w = lo_format_number (week, 0);

  /* TRANSLATORS: a time on the roadmap, "month 3.0 (week 13)" */
  return g_strdup_printf (_("month %s (week %s)"), m, w);
}

static void
append_line (GString    *out,
             const char *line)
{
  g_string_append (out, line);
  g_string_append_c (out, '\n');
}

static void
append_programme_steps (const Text        *t,
                        const LoRoadmap   *roadmap,
                        const LoProgramme *programme)
{
  g_autofree char *build = month_and_week (programme->build_start, programme->build_start_week);

  if (roadmap == NULL || roadmap->kind == LO_ROADMAP_INCOMPLETE)
    {
      append_line (t->out, _("  No roadmap (no complete assessment): the builds start at week 0 and "
                             "people approve every automated item throughout."));
      return;
    }
  if (roadmap->kind == LO_ROADMAP_SUSTAIN)
    {
      append_line (t->out, _("  Already at level 5: the builds start at week 0 and run exception-only "
                             "from go-live."));
      return;
    }

  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);
      g_autofree char *from = lo_format_number (step->start_week, 0);
      g_autofree char *to = lo_format_number (step->start_week + step->weeks, 0);
      g_autofree char *line = NULL;

      /* TRANSLATORS: "Step to level 3: weeks 13–29 (16 weeks, builds)" */
      line = g_strdup_printf (_("  Step to level %d: weeks %s–%s%s%s"), step->level, from, to,
                              step->builds ? _(" · builds the processes") : "",
                              step->weeks_set ? _(" · duration set by hand") : "");
      append_line (t->out, line);
    }
  {
    g_autofree char *end = month_and_week (programme->approval_end, programme->approval_end_week);
    g_autofree char *line = NULL;

    /* TRANSLATORS: "Builds from month 3.0 (week 13); people approve automated items until month 12.8 (week 55), the end of the level-5 step" */
    line = g_strdup_printf (_("  Builds from %s; people approve automated items until %s, "
                              "the end of the level-5 step"), build, end);
    append_line (t->out, line);
  }
}

static void
append_programme_schedule (const Text        *t,
                           const LoProgramme *programme)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) left_out = g_string_new (NULL);

  g_ptr_array_add (cells, g_strdup (_("Process")));
  g_ptr_array_add (cells, g_strdup (_("Lane")));
  g_ptr_array_add (cells, g_strdup (_("Start (month)")));
  g_ptr_array_add (cells, g_strdup (_("Go-live (month)")));
  g_ptr_array_add (cells, g_strdup (_("Full benefit (month)")));
  for (guint i = 0; i < programme->processes->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (programme->processes, LoProgrammeProcess, i);

      if (!pp->counted)
        {
          /* TRANSLATORS: "    exceptions: expected NPV below zero" */
          g_string_append_printf (left_out, _("    %s: %s"), pp->id,
                                  lo_programme_reason_label (pp->reason));
          g_string_append_c (left_out, '\n');
          continue;
        }
      g_ptr_array_add (cells, g_strdup (pp->id));
      g_ptr_array_add (cells, g_strdup_printf ("%d", pp->lane + 1));
      g_ptr_array_add (cells, lo_format_number (pp->start, 1));
      g_ptr_array_add (cells, lo_format_number (pp->go_live, 1));
      g_ptr_array_add (cells, lo_format_number (pp->full_benefit, 1));
    }
  append_line (t->out, _("  Schedule (months from week 0 of the roadmap):"));
  if (cells->len > 5)
    append_table (t->out, cells, 5, "    ");
  else
    append_line (t->out, _("    no process is counted"));
  if (left_out->len > 0)
    {
      append_line (t->out, _("  Not counted:"));
      g_string_append (t->out, left_out->str);
    }
}

static void
append_programme (const Text        *t,
                  const LoRoadmap   *roadmap,
                  const LoProgramme *programme)
{
  g_autofree char *investment = money (t, programme->investment);
  g_autofree char *peak = money (t, programme->peak_funding);
  g_autofree char *npv = money (t, programme->npv);
  g_autofree char *roi_percent = percent (programme->roi_percent / 100);
  g_autofree char *payback = months (programme->payback_months);
  g_autofree char *mirr = percent (programme->mirr);
  g_autofree char *week = lo_format_number (programme->hours_saved_week, 1);
  g_autofree char *horizon_hours = lo_format_number (programme->hours_saved_horizon, 0);
  g_autofree char *annual = money (t, programme->annual_savings);
  g_autofree char *realisation = lo_format_percent (programme->settings.realisation_rate, 0);
  g_autofree char *lanes = g_strdup_printf ("%d", programme->parallel_builds);
  g_autofree char *line = NULL;

  append_line (t->out, _("Programme (the money that follows the roadmap)"));
  append_programme_steps (t, roadmap, programme);
  if (programme->parallel_builds == 1)
    append_line (t->out, _("  Built one after another, in the build order"));
  else
    {
      /* TRANSLATORS: "Built 3 at a time (parallel builds), in the build order" */
      line = g_strdup_printf (_("  Built %s at a time (parallel builds), in the build order"), lanes);
      append_line (t->out, line);
    }
  append_programme_schedule (t, programme);

  g_string_append_printf (t->out, _("  Investment: %s"), investment);
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: the most the programme's cumulative cash flow is below zero */
  g_string_append_printf (t->out, _("  Peak funding: %s"), peak);
  g_string_append_c (t->out, '\n');
  g_string_append_printf (t->out, _("  NPV %s · ROI %s · MIRR %s a year"), npv, roi_percent, mirr);
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: "Payback: 20.3 months from week 0 of the roadmap" */
  g_string_append_printf (t->out, _("  Payback: %s from week 0 of the roadmap"), payback);
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: "Hours saved: 61.2 a week at full benefit, 3,410 hours within the horizon" */
  g_string_append_printf (t->out, _("  Hours saved: %s a week at full benefit, %s hours within the horizon"),
                          week, horizon_hours);
  g_string_append_c (t->out, '\n');
  g_string_append_printf (t->out, _("  Annual savings at full benefit: %s"), annual);
  g_string_append_c (t->out, '\n');
  /* TRANSLATORS: "Counts 100 % of the freed hours as cash savings (the realisation rate); …" */
  g_string_append_printf (t->out, _("  Counts %s of the freed hours as cash savings (the realisation rate); "
                                    "the rest is time given back to people."), realisation);
  g_string_append_c (t->out, '\n');

  if (programme->has_monte_carlo)
    {
      g_autofree char *draws = lo_format_number (programme->draws, 0);
      g_autofree char *n10 = money (t, programme->npv_p10);
      g_autofree char *n50 = money (t, programme->npv_p50);
      g_autofree char *n90 = money (t, programme->npv_p90);
      g_autofree char *positive = percent (programme->probability_positive);

      g_string_append_printf (t->out, _("  Monte Carlo (%s draws, seed %llu):"),
                              draws, (unsigned long long) programme->seed);
      g_string_append_c (t->out, '\n');
      g_string_append_printf (t->out, _("    NPV: P10 %s, P50 %s, P90 %s"), n10, n50, n90);
      g_string_append_c (t->out, '\n');
      g_string_append_printf (t->out, _("    NPV above zero in %s of the draws"), positive);
      g_string_append_c (t->out, '\n');
    }
}

static char *
format_text (const LoEngagement *engagement,
             const LoPortfolio  *portfolio,
             const LoRoadmap    *roadmap,
             const LoProgramme  *programme)
{
  Text t = { g_string_new (NULL), portfolio->settings.currency };
  g_autofree char *discount = percent (portfolio->settings.discount_rate);
  g_autofree char *week = lo_format_number (portfolio->hours_saved_week, 1);
  g_autofree char *fte = lo_format_number (portfolio->fte, 2);
  g_autofree char *npv = money (&t, portfolio->npv);
  g_autofree char *annual = money (&t, portfolio->annual_savings);

  g_string_append_printf (t.out, "%s\n", engagement->client_name ? engagement->client_name : "");
  /* TRANSLATORS: "ROI over 36 months, discounted at 8 % a year, in USD" */
  g_string_append_printf (t.out, _("ROI over %d months, discounted at %s a year, in %s"),
                          portfolio->settings.horizon_months, discount,
                          portfolio->settings.currency ? portfolio->settings.currency : "");
  g_string_append (t.out, "\n\n");

  for (guint i = 0; i < portfolio->processes->len; i++)
    append_process (&t, g_ptr_array_index (portfolio->processes, i));

  /* TRANSLATORS: the sum of the processes' own figures, each as if built today */
  g_string_append (t.out, _("Portfolio (each process on its own, as if built today)"));
  g_string_append_c (t.out, '\n');
  g_string_append_printf (t.out, _("  Hours saved: %s a week (%s FTE)"), week, fte);
  g_string_append_c (t.out, '\n');
  g_string_append_printf (t.out, _("  NPV: %s"), npv);
  g_string_append_c (t.out, '\n');
  g_string_append_printf (t.out, _("  Annual savings at full benefit: %s"), annual);
  g_string_append_c (t.out, '\n');
  g_string_append (t.out, portfolio->custom_order
                             ? _("  Build order (as set for this client):")
                             : _("  Sequence (most ready first, then highest NPV):"));
  g_string_append_c (t.out, '\n');
  for (guint i = 0; i < portfolio->sequence->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);
      g_autofree char *readiness = lo_format_number (roi->readiness, 1);
      g_autofree char *value = money (&t, roi->expected.npv);

      /* TRANSLATORS: "1. invoicing (readiness 4.0, NPV $152,904)" */
      g_string_append_printf (t.out, _("    %u. %s (readiness %s, NPV %s)"),
                              i + 1, roi->process->id, readiness, value);
      g_string_append_c (t.out, '\n');
    }

  g_string_append_c (t.out, '\n');
  append_programme (&t, roadmap, programme);

  return g_string_free (t.out, FALSE);
}

int
lo_cli_roi (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoAnalysis) analysis = NULL;
  LoPortfolio *portfolio;
  LoRoadmap *roadmap;
  LoProgramme *programme;
  g_autofree char *draws_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *bank_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *client = NULL;
  g_autofree char *assessment_id = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  LoCliBanks banks = { NULL };
  guint64 draws = LO_MONTE_CARLO_DEFAULT_DRAWS;
  guint64 seed = LO_MONTE_CARLO_DEFAULT_SEED;
  gboolean json = FALSE;
  const char *path;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "draws", 0, 0, G_OPTION_ARG_STRING, &draws_text,
      N_("Monte Carlo draws per process (default 10000; 0 leaves it out)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Monte Carlo seed: the same seed gives the same figures (default 1)"), N_("S") },
    { "bank", 0, 0, G_OPTION_ARG_FILENAME, &bank_path,
      N_("Use the question bank in BANK.xml for the roadmap the programme follows"), N_("BANK.xml") },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &assessment_id,
      N_("Analyse with the assessment ID instead of the latest"), N_("ID") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The local database to read (default: the application's)"), N_("DB") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &client,
      N_("Read the client NAME from the database instead of a FILE"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Every process's ROI figures in FILE: hours saved, NPV, ROI, payback, "
                                  "IRR, scenarios, Monte Carlo, sensitivity and the alternative quote; "
                                  "then the portfolio totals, the sequence, and the programme: the "
                                  "money that follows the roadmap of the latest assessment."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "roi", &argc, &argv))
    return LO_CLI_EXIT_USAGE;
  if (argc != (client != NULL ? 1 : 2))
    {
      lo_cli_usage_error ("roi", client != NULL ? _("give either FILE or --client NAME") :
                                argc < 2 ? _("give one FILE") : _("give only one FILE"));
      return LO_CLI_EXIT_USAGE;
    }
  /* --draws 0 leaves Monte Carlo out; any other number is within SPEC §2c */
  if (draws_text != NULL && g_str_equal (draws_text, "0"))
    draws = 0;
  else if (draws_text != NULL
           && !lo_cli_parse_limit ("roi", "--draws", LO_LIMIT_DRAWS, draws_text, &draws))
    return LO_CLI_EXIT_USAGE;
  if (seed_text != NULL && !lo_cli_parse_limit ("roi", "--seed", LO_LIMIT_SEED, seed_text, &seed))
    return LO_CLI_EXIT_USAGE;

  engagement = lo_cli_load_source (client ? NULL : argv[1], db_path, client, &source, &error);
  path = source;
  if (engagement == NULL)
    {
      lo_cli_fail (path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  /* The figures need no question bank: a missing one does not stop them. */
  banks.bank_path = bank_path;
  banks.db_path = db_path;
  analysis = lo_cli_analyse (engagement, &banks, assessment_id, (guint) draws, seed,
                             LO_ANALYSIS_PARTIAL, &error);
  if (analysis == NULL)
    {
      lo_cli_fail (path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  portfolio = lo_analysis_get_portfolio (analysis);
  if (portfolio == NULL)
    {
      lo_cli_fail (path, lo_analysis_get_portfolio_error (analysis));
      return LO_CLI_EXIT_BAD_INPUT;
    }

  /* The programme follows the roadmap: without the assessment's bank, roi
   * fails as score does. */
  if (lo_analysis_get_assessment (analysis) != NULL && lo_analysis_get_score (analysis) == NULL)
    {
      lo_cli_fail_no_score (analysis, &banks, path);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  roadmap = lo_analysis_get_roadmap (analysis);
  programme = lo_analysis_get_programme (analysis);
  if (programme == NULL)
    {
      lo_cli_fail (path, lo_analysis_get_portfolio_error (analysis));
      return LO_CLI_EXIT_BAD_INPUT;
    }

  for (guint i = 0; i < portfolio->warnings->len; i++)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* TRANSLATORS: FILE: warning: message */
      fprintf (stderr, _("%s: warning: %s\n"), display,
               (const char *) g_ptr_array_index (portfolio->warnings, i));
    }

  if (json)
    text = lo_json_roi (portfolio, roadmap, programme);
  else
    text = format_text (engagement, portfolio, roadmap, programme);

  fputs (text, stdout);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "lightsout roi: %s\n", _("could not write the output"));
      return LO_CLI_EXIT_BAD_INPUT;
    }

  return LO_CLI_EXIT_OK;
}
