/* lo-chart-registry.c: charts by name, their captions, and export to files
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

#include "lo-render-private.h"

static const LoChartInfo charts[] = {
  { "radar",      N_("Maturity by dimension"), FALSE },
  { "comparison", N_("Comparison with the previous assessment"), FALSE },
  { "questions",  N_("Answers per question"), FALSE },
  { "heatmap",    N_("Answers by respondent"), FALSE },
  { "roadmap",    N_("Roadmap timeline"), FALSE },
  { "portfolio",  N_("Portfolio: readiness against value"), FALSE },
  { "cashflow",   N_("Cumulative cash flow"), TRUE },
  { "scenarios",  N_("Scenarios and Monte Carlo band"), TRUE },
  { "montecarlo", N_("Distribution of the net present value"), TRUE },
  { "tornado",    N_("Sensitivity of the net present value"), TRUE },
  { "actuals",    N_("Projected against actual"), TRUE },
};

const LoChartInfo *
lo_chart_list (guint *n_charts)
{
  if (n_charts)
    *n_charts = G_N_ELEMENTS (charts);
  return charts;
}

static const LoChartInfo *
chart_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (charts[i].name, name) == 0)
      return &charts[i];
  return NULL;
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
  const LoChartInfo *info = chart_lookup (name);
  const LoProcessRoi *roi = NULL;

  g_return_val_if_fail (cr != NULL && input != NULL, FALSE);

  if (info == NULL)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_UNKNOWN_CHART,
                   _("No chart named “%s”"), name);
      return FALSE;
    }
  if (info->per_process)
    {
      roi = lo_report_input_lookup_roi (input, item);
      if (roi == NULL)
        {
          if (item)
            g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                         _("No process with id “%s”"), item);
          else
            g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                         _("The chart “%s” needs a process, and the engagement has none"), name);
          return FALSE;
        }
    }
  else if (!g_str_equal (name, "portfolio") && input->score == NULL)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                   _("The chart “%s” needs an assessment, and the engagement has none"), name);
      return FALSE;
    }

  if (g_str_equal (name, "radar"))
    lo_chart_radar_draw (cr, width, height, ctx, input->score, NULL);
  else if (g_str_equal (name, "comparison"))
    {
      if (input->previous == NULL)
        {
          g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                       _("The chart “%s” needs an earlier assessment"), name);
          return FALSE;
        }
      lo_chart_radar_draw (cr, width, height, ctx, input->score, input->previous);
    }
  else if (g_str_equal (name, "questions"))
    {
      int d = dimension_index (input->score, item);
      if (d == -2)
        {
          g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                       _("No dimension with id “%s”"), item);
          return FALSE;
        }
      lo_chart_questions_draw (cr, width, height, ctx, input->score, d);
    }
  else if (g_str_equal (name, "heatmap"))
    lo_chart_heatmap_draw (cr, width, height, ctx, input->score);
  else if (g_str_equal (name, "roadmap"))
    lo_chart_roadmap_draw (cr, width, height, ctx, input->roadmap, input->portfolio);
  else if (g_str_equal (name, "portfolio"))
    lo_chart_portfolio_draw (cr, width, height, ctx, input->portfolio);
  else if (g_str_equal (name, "cashflow"))
    lo_chart_cashflow_draw (cr, width, height, ctx, roi);
  else if (g_str_equal (name, "scenarios"))
    lo_chart_scenarios_draw (cr, width, height, ctx, roi);
  else if (g_str_equal (name, "montecarlo"))
    lo_chart_montecarlo_draw (cr, width, height, ctx, roi);
  else if (g_str_equal (name, "tornado"))
    lo_chart_tornado_draw (cr, width, height, ctx, roi);
  else if (g_str_equal (name, "actuals"))
    lo_chart_actuals_draw (cr, width, height, ctx, roi);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_FAILED, _("Drawing “%s” failed: %s"),
                   name, cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

/* Captions state the finding */

static char *
radar_caption (const LoRenderContext *ctx,
               const LoScore         *score)
{
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
      const LoDimensionScore *d = &score->dimensions[score->weakest];
      /* TRANSLATORS: "Data & system access holds the company at level 2" */
      return g_strdup_printf (_("%s holds the company at level %d."),
                              lo_bank_text (score->bank, d->dimension->name), score->overall_level);
    }
  return g_strdup (_("Every dimension is at level 5."));
}

char *
lo_chart_caption (const char            *name,
                  const LoRenderContext *ctx,
                  const LoReportInput   *input,
                  const char            *item)
{
  const LoScore *score = input->score;
  const LoProcessRoi *roi = lo_report_input_lookup_roi (input, item);
  const char *pname = roi ? roi->process->name : NULL;

  if (g_strcmp0 (name, "radar") == 0 && score)
    return radar_caption (ctx, score);

  if (g_strcmp0 (name, "comparison") == 0 && score && input->previous)
    {
      const LoScore *prev = input->previous;
      g_autofree char *date = lo_render_format_date (ctx, prev->assessment->date);

      if (isfinite (score->overall_score) && isfinite (prev->overall_score))
        {
          g_autofree char *a = lo_render_format_number (ctx, prev->overall_score, 1);
          g_autofree char *b = lo_render_format_number (ctx, score->overall_score, 1);
          /* TRANSLATORS: "Since 12 March 2025 the overall score moved from 1.9 to 2.6." */
          return g_strdup_printf (_("Since %s the overall score moved from %s to %s."),
                                  date ? date : prev->assessment->date, a, b);
        }
      return g_strdup_printf (_("Compared with the assessment of %s."),
                              date ? date : prev->assessment->date);
    }

  if (g_strcmp0 (name, "questions") == 0 && score)
    {
      int d = dimension_index (score, item);
      guint contested = 0, total = 0;

      for (guint q = 0; q < score->n_questions; q++)
        if (d < 0 || score->questions[q].question->dimension == (guint) d)
          {
            total++;
            contested += score->questions[q].contested;
          }
      if (d >= 0 && score->dimensions[d].has_score)
        {
          const LoDimensionScore *ds = &score->dimensions[d];
          g_autofree char *s = lo_render_format_number (ctx, ds->score, 1);
          const char *dname = lo_bank_text (score->bank, ds->dimension->name);

          if (contested == 0)
            return g_strdup_printf (_("%s scores %s (level %d) and the team agrees on every question."),
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

  if (g_strcmp0 (name, "heatmap") == 0 && score && score->assessment)
    {
      guint n = score->assessment->respondents->len;
      guint contested = score->contested ? score->contested->len : 0;
      g_autofree char *who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent",
                                                           "%u respondents", n), n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s answered; %u question needs discussion.",
                                           "%s answered; %u questions need discussion.",
                                           contested),
                              who, contested);
    }

  if (g_strcmp0 (name, "roadmap") == 0)
    {
      const LoRoadmap *r = input->roadmap;

      if (r == NULL || r->kind == LO_ROADMAP_INCOMPLETE)
        return g_strdup (_("No roadmap until every dimension has a score."));
      if (r->kind == LO_ROADMAP_SUSTAIN)
        return g_strdup (_("The company is at level 5: the work is to sustain it."));
      {
        g_autofree char *weeks = lo_render_format_number (ctx, r->total_weeks, 0);
        guint n = r->steps->len;
        g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step",
                                                               "%u steps", n), n);
        /* TRANSLATORS: "3 steps lead from level 2 to level 5 in about 41 weeks." */
        return g_strdup_printf (_("%s lead from level %d to level 5 in about %s weeks."),
                                steps, r->from_level, weeks);
      }
    }

  if (g_strcmp0 (name, "portfolio") == 0 && input->portfolio &&
      input->portfolio->processes->len > 0)
    {
      const LoPortfolio *pf = input->portfolio;
      /* The most ready by SPEC's rule, not the first of a build order set by hand. */
      g_autoptr(GPtrArray) suggested = lo_portfolio_suggested_sequence (pf);
      const LoProcessRoi *ready = g_ptr_array_index (suggested, 0);
      const LoProcessRoi *best = ready;

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

  if (roi == NULL)
    return NULL;

  if (g_strcmp0 (name, "cashflow") == 0)
    {
      g_autofree char *first = NULL;

      if (isfinite (roi->expected.payback_months))
        {
          g_autofree char *m = lo_render_format_months (ctx, roi->expected.payback_months);
          /* TRANSLATORS: "Invoicing pays back after 9.7 months" */
          first = g_strdup_printf (_("%s pays back after %s"), pname, m);
        }
      else
        first = g_strdup_printf (_("%s does not pay back within the %u-month horizon"),
                                 pname, roi->expected.horizon);
      if (roi->has_alternative)
        {
          g_autofree char *m = lo_render_format_months (ctx, roi->alternative.payback_months);
          return g_strdup_printf (_("%s; the alternative quote would pay back after %s."), first, m);
        }
      return g_strconcat (first, ".", NULL);
    }

  if (g_strcmp0 (name, "scenarios") == 0)
    {
      g_autofree char *c = lo_render_format_money (ctx, roi->conservative.npv, 0);
      g_autofree char *o = lo_render_format_money (ctx, roi->optimistic.npv, 0);

      if (roi->conservative.npv > 0)
        return g_strdup_printf (_("Even in the conservative case the NPV stays positive at %s (optimistic: %s)."),
                                c, o);
      return g_strdup_printf (_("The NPV ranges from %s in the conservative case to %s in the optimistic case."),
                              c, o);
    }

  if (g_strcmp0 (name, "montecarlo") == 0)
    {
      if (!roi->has_monte_carlo)
        return g_strdup (_("No input carries a range, so there is no simulation."));
      {
        g_autofree char *prob = lo_render_format_percent (ctx, roi->monte_carlo.probability_positive, 0);
        g_autofree char *p10 = lo_render_format_money (ctx, roi->monte_carlo.npv_p10, 0);
        g_autofree char *p90 = lo_render_format_money (ctx, roi->monte_carlo.npv_p90, 0);
        /* TRANSLATORS: "In 93% of 10,000 simulated cases …" */
        return g_strdup_printf (_("In %s of the simulated cases the NPV is positive; eight in ten fall between %s and %s."),
                                prob, p10, p90);
      }
    }

  if (g_strcmp0 (name, "tornado") == 0 && roi->n_tornado > 0)
    {
      const LoTornadoBar *bar = &roi->tornado[0];
      g_autofree char *a = lo_render_format_money (ctx, MIN (bar->low_npv, bar->high_npv), 0);
      g_autofree char *b = lo_render_format_money (ctx, MAX (bar->low_npv, bar->high_npv), 0);
      return g_strdup_printf (_("%s moves the NPV most, between %s and %s."),
                              lo_input_label (bar->input), a, b);
    }

  if (g_strcmp0 (name, "actuals") == 0)
    {
      double actual = 0, projected = 0;
      guint n = roi->actuals ? roi->actuals->len : 0;

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
      {
        g_autofree char *sa = lo_render_format_number (ctx, actual, 0);
        g_autofree char *sp = lo_render_format_number (ctx, projected, 0);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "In %u month live, %s saved %s hours against %s projected.",
                                             "In %u months live, %s saved %s hours against %s projected.",
                                             n),
                                n, pname, sa, sp);
      }
    }
  return NULL;
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
  if (chart_lookup (name) == NULL)
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
