/* lo-chart-registry.c: the table of charts (name, title, draw, caption) and
 * export to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "lo-render-private.h"

/* Notes for a chart drawn without its data: the widget shows a chart before
 * the page has data, and the caption says the same in words. */
static void
draw_note (cairo_t               *cr,
           double                 width,
           double                 height,
           const LoRenderContext *ctx,
           const char            *text)
{
  LoPainter p;

  lo_painter_init (&p, cr, width, height, ctx);
  lo_painter_note (&p, text);
  lo_painter_clear (&p);
}

static const char *
no_answers (void)
{
  return _("No answers to chart yet.");
}

static const char *
no_process (void)
{
  return _("No process to chart yet.");
}

/* Drawing */

static void
radar_draw (cairo_t *cr, double width, double height,
            const LoRenderContext *ctx, const LoChartData *d)
{
  if (d->score == NULL)
    draw_note (cr, width, height, ctx, no_answers ());
  else
    lo_chart_radar_draw (cr, width, height, ctx, d->score, NULL);
}

static void
comparison_draw (cairo_t *cr, double width, double height,
                 const LoRenderContext *ctx, const LoChartData *d)
{
  if (d->score == NULL || d->previous == NULL)
    draw_note (cr, width, height, ctx, _("There is no earlier assessment to compare with."));
  else
    lo_chart_radar_draw (cr, width, height, ctx, d->score, d->previous);
}

static void
questions_draw (cairo_t *cr, double width, double height,
                const LoRenderContext *ctx, const LoChartData *d)
{
  if (d->score == NULL)
    draw_note (cr, width, height, ctx, no_answers ());
  else
    lo_chart_questions_draw (cr, width, height, ctx, d->score, d->dimension);
}

static void
heatmap_draw (cairo_t *cr, double width, double height,
              const LoRenderContext *ctx, const LoChartData *d)
{
  if (d->score == NULL)
    draw_note (cr, width, height, ctx, no_answers ());
  else
    lo_chart_heatmap_draw (cr, width, height, ctx, d->score);
}

static void
roadmap_draw (cairo_t *cr, double width, double height,
              const LoRenderContext *ctx, const LoChartData *d)
{
  lo_chart_roadmap_draw (cr, width, height, ctx, d->roadmap, d->portfolio);
}

static void
portfolio_draw (cairo_t *cr, double width, double height,
                const LoRenderContext *ctx, const LoChartData *d)
{
  if (d->portfolio == NULL)
    draw_note (cr, width, height, ctx, _("No processes to chart yet."));
  else
    lo_chart_portfolio_draw (cr, width, height, ctx, d->portfolio);
}

static void
programme_schedule_draw (cairo_t *cr, double width, double height,
                         const LoRenderContext *ctx, const LoChartData *d)
{
  lo_chart_programme_schedule_draw (cr, width, height, ctx, d->programme, d->roadmap);
}

static void
programme_cash_flow_draw (cairo_t *cr, double width, double height,
                          const LoRenderContext *ctx, const LoChartData *d)
{
  lo_chart_programme_cash_flow_draw (cr, width, height, ctx, d->programme);
}

typedef void (*RoiDraw) (cairo_t *, double, double, const LoRenderContext *, const LoProcessRoi *);

static void
roi_draw (RoiDraw draw, cairo_t *cr, double width, double height,
          const LoRenderContext *ctx, const LoChartData *d)
{
  if (d->roi == NULL)
    draw_note (cr, width, height, ctx, no_process ());
  else
    draw (cr, width, height, ctx, d->roi);
}

/* The per-process charts' entries in the table: roi_draw() with their own
 * draw function. */
#define ROI_CHART_DRAW(chart) \
  static void \
  chart##_draw (cairo_t *cr, double width, double height, \
                const LoRenderContext *ctx, const LoChartData *d) \
  { \
    roi_draw (lo_chart_##chart##_draw, cr, width, height, ctx, d); \
  }

ROI_CHART_DRAW (cashflow)
ROI_CHART_DRAW (scenarios)
ROI_CHART_DRAW (montecarlo)
ROI_CHART_DRAW (tornado)
ROI_CHART_DRAW (actuals)

/* Captions: each states the chart's finding in one sentence */

static char *
radar_caption (const LoRenderContext *ctx,
               const LoChartData     *d)
{
  const LoScore *score = d->score;

  if (score == NULL)
    return g_strdup (no_answers ());
  if (!score->complete)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < score->n_dimensions; i++)
        if (!score->dimensions[i].has_score)
          {
            if (names->len)
              g_string_append (names, ", ");
            g_string_append (names, lo_bank_text (score->bank, score->dimensions[i].dimension->name));
          }
      /* TRANSLATORS: %s lists dimension names */
      return g_strdup_printf (_("No overall level yet: %s still lacks answers."), names->str);
    }
  if (score->weakest >= 0 && score->overall_level < 5)
    {
      const LoDimensionScore *dim = &score->dimensions[score->weakest];
      /* TRANSLATORS: "Data & system access holds the company at level 2" */
      return g_strdup_printf (_("%s holds the company at level %d."),
                              lo_bank_text (score->bank, dim->dimension->name), score->overall_level);
    }
  return g_strdup (_("Every dimension is at level 5."));
}

static char *
comparison_caption (const LoRenderContext *ctx,
                    const LoChartData     *d)
{
  const LoScore *score = d->score;
  const LoScore *prev = d->previous;
  g_autofree char *date = NULL;

  if (score == NULL || prev == NULL)
    return g_strdup (_("There is no earlier assessment to compare with."));
  date = lo_formatter_date (lo_render_formatter (ctx), prev->assessment->date);
  if (isfinite (score->overall_score) && isfinite (prev->overall_score))
    {
      g_autofree char *a = lo_formatter_number (lo_render_formatter (ctx), prev->overall_score, 1);
      g_autofree char *b = lo_formatter_number (lo_render_formatter (ctx), score->overall_score, 1);
      /* TRANSLATORS: "Since 12 March 2025 the overall score moved from 1.9 to 2.6." */
      return g_strdup_printf (_("Since %s the overall score moved from %s to %s."),
                              date ? date : prev->assessment->date, a, b);
    }
  return g_strdup_printf (_("Compared with the assessment of %s."),
                          date ? date : prev->assessment->date);
}

static char *
questions_caption (const LoRenderContext *ctx,
                   const LoChartData     *d)
{
  const LoScore *score = d->score;
  guint contested = 0, total = 0;

  if (score == NULL)
    return g_strdup (no_answers ());
  for (guint q = 0; q < score->n_questions; q++)
    if (d->dimension < 0 || score->questions[q].question->dimension == (guint) d->dimension)
      {
        total++;
        contested += score->questions[q].contested;
      }
  if (d->dimension >= 0 && (guint) d->dimension < score->n_dimensions
      && score->dimensions[d->dimension].has_score)
    {
      const LoDimensionScore *ds = &score->dimensions[d->dimension];
      g_autofree char *s = lo_formatter_number (lo_render_formatter (ctx), ds->score, 1);
      const char *dname = lo_bank_text (score->bank, ds->dimension->name);

      gboolean agree = TRUE;

      /* Agreement only when every question has two or more levels given and
       * they are all the same: a lone answer or a "don't know" is no agreement. */
      for (guint q = 0; q < score->n_questions; q++)
        {
          const LoQuestionScore *qs = &score->questions[q];

          if (qs->question->dimension == (guint) d->dimension
              && (qs->state != LO_QUESTION_ANSWERED || qs->n_given < 2 || qs->min != qs->max
                  || qs->n_dont_know > 0))
            agree = FALSE;
        }
      if (contested == 0 && agree)
        return g_strdup_printf (_("%s scores %s (level %d) and the team agrees on every question."),
                                dname, s, ds->level);
      if (contested == 0)
        return g_strdup_printf (_("%s scores %s (level %d); no question is contested (no two "
                                  "answers are two levels or more apart)."),
                                dname, s, ds->level);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s scores %s (level %d); %u question is contested.",
                                           "%s scores %s (level %d); %u questions are contested.",
                                           contested),
                              dname, s, ds->level, contested);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u questions is contested.",
                                       "%u of %u questions are contested.", contested),
                          contested, total);
}

static char *
heatmap_caption (const LoRenderContext *ctx,
                 const LoChartData     *d)
{
  const LoScore *score = d->score;
  g_autofree char *who = NULL;
  guint n, contested;

  if (score == NULL || score->assessment == NULL)
    return g_strdup (no_answers ());
  n = score->assessment->respondents->len;
  contested = score->contested ? score->contested->len : 0;
  who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s answered; %u question needs discussion.",
                                       "%s answered; %u questions need discussion.",
                                       contested),
                          who, contested);
}

static char *
roadmap_caption (const LoRenderContext *ctx,
                 const LoChartData     *d)
{
  const LoRoadmap *r = d->roadmap;
  g_autofree char *weeks = NULL;
  g_autofree char *steps = NULL;

  if (r == NULL || r->kind == LO_ROADMAP_INCOMPLETE)
    return g_strdup (_("No roadmap until every dimension has a score."));
  if (r->kind == LO_ROADMAP_SUSTAIN)
    return g_strdup (_("The company is at level 5: the work is to sustain it."));
  weeks = lo_formatter_number (lo_render_formatter (ctx), r->total_weeks, 0);
  steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", r->steps->len),
                           r->steps->len);
  /* TRANSLATORS: "3 steps lead from level 2 to level 5 in about 41 weeks." */
  return g_strdup_printf (_("%s lead from level %d to level 5 in about %s weeks."),
                          steps, r->from_level, weeks);
}

static char *
portfolio_caption (const LoRenderContext *ctx,
                   const LoChartData     *d)
{
  const LoPortfolio *pf = d->portfolio;
  g_autoptr(GPtrArray) suggested = NULL;
  const LoProcessRoi *ready, *best;

  if (pf == NULL || pf->processes->len == 0)
    return g_strdup (_("No processes to chart yet."));
  /* The most ready by SPEC's rule, not the first of a build order set by hand. */
  suggested = lo_portfolio_suggested_sequence (pf);
  ready = g_ptr_array_index (suggested, 0);
  best = ready;
  for (guint i = 0; i < pf->processes->len; i++)
    {
      const LoProcessRoi *r = g_ptr_array_index (pf->processes, i);

      if (r->expected.npv > best->expected.npv)
        best = r;
    }
  if (best == ready)
    return g_strdup_printf (_("%s is both the most ready to build and the most valuable."),
                            ready->process->name);
  return g_strdup_printf (_("%s is the most ready to build; %s has the highest net present value."),
                          ready->process->name, best->process->name);
}

static char *
cashflow_caption (const LoRenderContext *ctx,
                  const LoChartData     *d)
{
  const LoProcessRoi *roi = d->roi;
  g_autofree char *first = NULL;

  if (roi == NULL)
    return g_strdup (no_process ());
  if (isfinite (roi->expected.payback_months))
    {
      g_autofree char *m = lo_formatter_months (lo_render_formatter (ctx), roi->expected.payback_months);
      /* TRANSLATORS: "Invoicing pays back after 9.7 months" */
      first = g_strdup_printf (_("%s pays back after %s"), roi->process->name, m);
    }
  else
    first = g_strdup_printf (_("%s does not pay back within the %u-month horizon"),
                             roi->process->name, roi->expected.horizon);
  if (roi->has_alternative)
    {
      g_autofree char *m = lo_formatter_months (lo_render_formatter (ctx), roi->alternative.payback_months);

      return g_strdup_printf (_("%s; the alternative quote would pay back after %s."), first, m);
    }
  return g_strconcat (first, ".", NULL);
}

static char *
scenarios_caption (const LoRenderContext *ctx,
                   const LoChartData     *d)
{
  const LoFormatter *f = lo_render_formatter (ctx);
  g_autofree char *c = NULL;
  g_autofree char *o = NULL;

  if (d->roi == NULL)
    return g_strdup (no_process ());
  c = lo_formatter_money (f, d->roi->conservative.npv, lo_render_currency (ctx), 0);
  o = lo_formatter_money (f, d->roi->optimistic.npv, lo_render_currency (ctx), 0);
  if (d->roi->conservative.npv > 0)
    return g_strdup_printf (_("Even in the conservative case the NPV stays positive at %s (optimistic: %s). "
                              "The lines show the cash each case has gathered, undiscounted."),
                            c, o);
  return g_strdup_printf (_("The NPV ranges from %s in the conservative case, every ranged input at its "
                            "worse end at once, to %s in the optimistic case. The lines show the cash "
                            "each case has gathered, undiscounted."),
                          c, o);
}

static char *
montecarlo_caption (const LoRenderContext *ctx,
                    const LoChartData     *d)
{
  const LoFormatter *f = lo_render_formatter (ctx);
  const LoMonteCarlo *mc;
  g_autofree char *prob = NULL;
  g_autofree char *p10 = NULL;
  g_autofree char *p90 = NULL;

  if (d->roi == NULL)
    return g_strdup (no_process ());
  if (!d->roi->has_monte_carlo)
    return g_strdup (_("No input carries a range, so there is no simulation."));
  mc = &d->roi->monte_carlo;
  prob = lo_formatter_percent (f, mc->probability_positive, 0);
  p10 = lo_formatter_money (f, mc->npv_p10, lo_render_currency (ctx), 0);
  p90 = lo_formatter_money (f, mc->npv_p90, lo_render_currency (ctx), 0);
  /* TRANSLATORS: "… between $12,000 and $48,000 (P10–P90) … in 93% of them …" */
  return g_strdup_printf (_("Eight in ten simulated cases give an NPV between %s and %s (P10–P90); it is "
                            "positive in %s of them. Each ranged input is drawn independently of the "
                            "others, so every input at its worse end at once, the conservative case, is "
                            "rarer than any of these."),
                          p10, p90, prob);
}

static char *
tornado_caption (const LoRenderContext *ctx,
                 const LoChartData     *d)
{
  const LoFormatter *f = lo_render_formatter (ctx);
  const LoTornadoBar *bar;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (d->roi == NULL)
    return g_strdup (no_process ());
  if (d->roi->n_tornado == 0)
    return g_strdup (_("No input changes the net present value."));
  bar = &d->roi->tornado[0];
  a = lo_formatter_money (f, MIN (bar->low_npv, bar->high_npv), lo_render_currency (ctx), 0);
  b = lo_formatter_money (f, MAX (bar->low_npv, bar->high_npv), lo_render_currency (ctx), 0);
  return g_strdup_printf (_("%s moves the NPV most, between %s and %s."),
                          lo_input_label (bar->input), a, b);
}

static char *
actuals_caption (const LoRenderContext *ctx,
                 const LoChartData     *d)
{
  const LoProcessRoi *roi = d->roi;
  double actual = 0, projected = 0;
  g_autofree char *sa = NULL;
  g_autofree char *sp = NULL;
  guint n;

  if (roi == NULL)
    return g_strdup (no_process ());
  n = roi->actuals ? roi->actuals->len : 0;
  if (n == 0)
    return g_strdup (_("No actual figures recorded yet."));
  for (guint i = 0; i < n; i++)
    {
      const LoActualMonth *a = &g_array_index (roi->actuals, LoActualMonth, i);

      if (isfinite (a->actual_hours_saved))
        actual += a->actual_hours_saved;
      if (isfinite (a->projected_hours_saved))
        projected += a->projected_hours_saved;
    }
  sa = lo_formatter_number (lo_render_formatter (ctx), actual, 0);
  sp = lo_formatter_number (lo_render_formatter (ctx), projected, 0);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "In %u month live, %s saved %s hours against %s projected.",
                                       "In %u months live, %s saved %s hours against %s projected.",
                                       n),
                          n, roi->process->name, sa, sp);
}

/* The one table of charts: the window, the report, `lightsout chart` and
 * export all look charts up here. */
static const LoChartInfo charts[] = {
  { "radar",      N_("Maturity by dimension"), FALSE, radar_draw, radar_caption },
  { "comparison", N_("Comparison with the previous assessment"), FALSE, comparison_draw, comparison_caption },
  { "questions",  N_("Answers per question"), FALSE, questions_draw, questions_caption },
  { "heatmap",    N_("Answers by respondent"), FALSE, heatmap_draw, heatmap_caption },
  { "roadmap",    N_("Roadmap timeline"), FALSE, roadmap_draw, roadmap_caption },
  { "portfolio",  N_("Portfolio: readiness against value"), FALSE, portfolio_draw, portfolio_caption },
  { "programme-schedule", N_("Programme schedule"), FALSE, programme_schedule_draw,
    lo_chart_programme_schedule_caption },
  { "programme-cash-flow", N_("Programme cash flow"), FALSE, programme_cash_flow_draw,
    lo_chart_programme_cash_flow_caption },
  { "cashflow",   N_("Cumulative cash flow"), TRUE, cashflow_draw, cashflow_caption },
  { "scenarios",  N_("Scenarios and Monte Carlo band"), TRUE, scenarios_draw, scenarios_caption },
  { "montecarlo", N_("Distribution of the net present value"), TRUE, montecarlo_draw, montecarlo_caption },
  { "tornado",    N_("Sensitivity of the net present value"), TRUE, tornado_draw, tornado_caption },
  { "actuals",    N_("Projected against actual"), TRUE, actuals_draw, actuals_caption },
};

const LoChartInfo *
lo_chart_list (guint *n_charts)
{
  if (n_charts)
    *n_charts = G_N_ELEMENTS (charts);
  return charts;
}

const LoChartInfo *
lo_chart_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (charts[i].name, name) == 0)
      return &charts[i];
  return NULL;
}

void
lo_chart_data_init (LoChartData *data)
{
  g_return_if_fail (data != NULL);
  memset (data, 0, sizeof *data);
  data->dimension = -1;
}

static int
dimension_index (const LoScore *score,
                 const char    *id)
{
  if (score == NULL || id == NULL)
    return -1;
  for (guint i = 0; i < score->n_dimensions; i++)
    if (g_strcmp0 (score->dimensions[i].dimension->id, id) == 0)
      return (int) i;
  return -2;
}

/* What @info needs from @input and @item, or the error that it lacks. */
static gboolean
data_from_input (const LoChartInfo   *info,
                 const LoReportInput *input,
                 const char          *item,
                 LoChartData         *data,
                 GError             **error)
{
  lo_chart_data_init (data);
  data->score = input->score;
  data->previous = input->previous;
  data->roadmap = input->roadmap;
  data->portfolio = input->portfolio;
  data->programme = input->analysis ? lo_analysis_get_programme (input->analysis) : NULL;
  if (info->per_process)
    {
      data->roi = lo_report_input_lookup_roi (input, item);
      if (data->roi == NULL && item != NULL)
        g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                     _("No process with id “%s”"), item);
      else if (data->roi == NULL)
        g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                     _("The chart “%s” needs a process, and the engagement has none"), info->name);
      return data->roi != NULL;
    }
  if (info->draw == portfolio_draw || info->draw == programme_schedule_draw
      || info->draw == programme_cash_flow_draw)
    return TRUE;
  if (input->score == NULL)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                   _("The chart “%s” needs an assessment, and the engagement has none"), info->name);
      return FALSE;
    }
  if (info->draw == comparison_draw && input->previous == NULL)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                   _("The chart “%s” needs an earlier assessment"), info->name);
      return FALSE;
    }
  if (info->draw == questions_draw)
    {
      data->dimension = dimension_index (input->score, item);
      if (data->dimension == -2)
        {
          g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                       _("No dimension with id “%s”"), item);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
lo_chart_draw_by_name (cairo_t               *cr,
                       const char            *name,
                       double                 width,
                       double                 height,
                       const LoRenderContext *ctx,
                       const LoReportInput   *input,
                       const char            *item,
                       GError               **error)
{
  const LoChartInfo *info = lo_chart_lookup (name);
  LoChartData data;

  g_return_val_if_fail (cr != NULL && input != NULL, FALSE);

  if (info == NULL)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_UNKNOWN_CHART,
                   _("No chart named “%s”"), name);
      return FALSE;
    }
  if (!data_from_input (info, input, item, &data, error))
    return FALSE;
  info->draw (cr, width, height, ctx, &data);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_FAILED, _("Drawing “%s” failed: %s"),
                   name, cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

char *
lo_chart_caption (const char            *name,
                  const LoRenderContext *ctx,
                  const LoReportInput   *input,
                  const char            *item)
{
  const LoChartInfo *info = lo_chart_lookup (name);
  LoChartData data;

  if (info == NULL || input == NULL || !data_from_input (info, input, item, &data, NULL))
    return NULL;
  return info->caption (ctx, &data);
}

/* Files */

cairo_status_t
lo_render_write_output (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  return lo_output_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                      : CAIRO_STATUS_WRITE_ERROR;
}

LoOutputFile *
lo_render_open_output (const char *path,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  LoOutputFile *file = lo_output_file_open (path, &local_error);

  if (file == NULL)
    g_set_error_literal (error, LO_RENDER_ERROR, LO_RENDER_ERROR_WRITE, local_error->message);
  return file;
}

gboolean
lo_render_finish_output (LoOutputFile  *file,
                         cairo_status_t status,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (status != CAIRO_STATUS_SUCCESS)
    ok = lo_output_file_fail (file, cairo_status_to_string (status), &local_error);
  else
    ok = lo_output_file_commit (file, &local_error);
  if (!ok)
    g_set_error_literal (error, LO_RENDER_ERROR, LO_RENDER_ERROR_WRITE, local_error->message);
  return ok;
}

gboolean
lo_chart_write_file (const char            *name,
                     const LoRenderContext *ctx,
                     const LoReportInput   *input,
                     const char            *item,
                     double                 width,
                     double                 height,
                     const char            *path,
                     GError               **error)
{
  LoOutputFile *out = NULL;
  g_autoptr (cairo_surface_t) surface = NULL;
  g_autoptr (cairo_t) cr = NULL;
  enum { SVG, PNG, PDF } kind;
  cairo_status_t status;

  if (g_str_has_suffix (path, ".svg") || g_str_equal (path, "-"))
    kind = SVG;
  else if (g_str_has_suffix (path, ".png"))
    kind = PNG;
  else if (g_str_has_suffix (path, ".pdf"))
    kind = PDF;
  else
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_WRITE,
                   _("%s: unknown output format (use .svg, .png or .pdf)"), path);
      return FALSE;
    }
  if (lo_chart_lookup (name) == NULL)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_UNKNOWN_CHART,
                   _("No chart named “%s”"), name);
      return FALSE;
    }

  out = lo_render_open_output (path, error);
  if (out == NULL)
    return FALSE;

  if (kind == SVG)
    surface = cairo_svg_surface_create_for_stream (lo_render_write_output, out, width, height);
  else if (kind == PDF)
    surface = cairo_pdf_surface_create_for_stream (lo_render_write_output, out, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  lo_render_paint_background (cr, ctx);

  if (kind == PNG)
    {
      /* Draw at a comfortable logical size and scale up: a 2000-pixel chart
       * should look like a large print of the same chart, not a tiny one. */
      double scale = MAX (1.0, MIN (width / 640, height / 400));
      cairo_scale (cr, scale, scale);
      if (!lo_chart_draw_by_name (cr, name, width / scale, height / scale, ctx, input, item, error))
        goto fail;
    }
  else if (!lo_chart_draw_by_name (cr, name, width, height, ctx, input, item, error))
    goto fail;

  g_clear_pointer (&cr, cairo_destroy);
  if (kind == PNG)
    status = cairo_surface_write_to_png_stream (surface, lo_render_write_output, out);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  return lo_render_finish_output (out, status, error);

fail:
  g_clear_pointer (&cr, cairo_destroy);
  g_clear_pointer (&surface, cairo_surface_destroy);
  lo_output_file_abort (out);
  return FALSE;
}
