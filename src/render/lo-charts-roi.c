/* lo-charts-roi.c: cash flow, scenarios, Monte Carlo, tornado, portfolio,
 * roadmap timeline and actuals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lo-render-private.h"

static const double dash_long[] = { 5, 3 };
static const double dash_dot[] = { 1.5, 2.5 };

static void
range_of (const double *values,
          guint         n,
          double       *lo,
          double       *hi)
{
  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      {
        *lo = MIN (*lo, values[i]);
        *hi = MAX (*hi, values[i]);
      }
}

void
lo_chart_curve (cairo_t      *cr,
                const LoPlot *plot,
                const double *values,
                guint         n)
{
  gboolean started = FALSE;

  for (guint m = 0; m < n; m++)
    {
      double x = lo_plot_x (plot, m), y;

      if (!isfinite (values[m]))
        continue;
      y = lo_plot_y (plot, values[m]);
      if (!started)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      started = TRUE;
    }
}

static void
band (cairo_t      *cr,
      const LoPlot *plot,
      const double *lower,
      const double *upper,
      guint         n)
{
  for (guint m = 0; m < n; m++)
    {
      double x = lo_plot_x (plot, m), y = lo_plot_y (plot, upper[m]);
      if (m == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  for (guint m = n; m-- > 0;)
    cairo_line_to (cr, lo_plot_x (plot, m), lo_plot_y (plot, lower[m]));
  cairo_close_path (cr);
}

/* A marker label near (x, y): tries the four corners around the point. */
gboolean
lo_chart_marker_label (LoPainter      *p,
                       double          x,
                       double          y,
                       const char     *text,
                       const LoColour *colour)
{
  /* Cumulative curves rise through the point: below-right and above-left
   * of it are where the curve is not. */
  static const double anchors[][2] = {
    { 0, 0 }, { 1, 1 }, { 0, 1 }, { 1, 0 }, { 0.5, 1 }, { 0.5, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      double dx = anchors[i][0] == 0 ? 5 : (anchors[i][0] == 1 ? -5 : 0);
      double dy = anchors[i][1] == 1 ? -5 : 5;
      double w, h;

      lo_painter_measure (p, text, LO_TEXT_SMALL | LO_TEXT_BOLD, 0, 1, &w, &h);
      if (!lo_painter_is_free (p, x + dx - anchors[i][0] * w, y + dy - anchors[i][1] * h, w, h))
        continue;
      return lo_painter_text (p, x + dx, y + dy, anchors[i][0], anchors[i][1], text,
                              LO_TEXT_SMALL | LO_TEXT_BOLD | LO_TEXT_PLATE, 0, 1, colour);
    }
  return FALSE;
}

void
lo_chart_payback_marker (LoPainter      *p,
                         const LoPlot   *plot,
                         double          months,
                         const char     *label,
                         const LoColour *colour)
{
  cairo_t *cr = p->cr;
  const LoPalette *pal = p->pal;
  double x, y;

  if (!isfinite (months) || months < plot->xmin || months > plot->xmax)
    return;
  x = lo_plot_x (plot, months);
  y = lo_plot_y (plot, 0);
  cairo_save (cr);
  cairo_set_dash (cr, dash_dot, 2, 0);
  cairo_set_line_width (cr, 1);
  lo_set_colour (cr, colour, 1);
  cairo_move_to (cr, x, plot->y0);
  cairo_line_to (cr, x, plot->y1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
  lo_set_colour (cr, &pal->background, 1);
  cairo_fill_preserve (cr);
  lo_set_colour (cr, colour, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_restore (cr);
  lo_painter_reserve (p, x - 4, y - 4, 8, 8);
  lo_chart_marker_label (p, x, y, label, colour);
}

/* The frame of the cumulative cash charts: the legend on top, money over
 * the months of the horizon below it. Leaves the plot clipped, inside a
 * cairo_save() the caller restores, for the curves. */
static void
cumulative_frame (LoPainter   *p,
                  LoPlot      *plot,
                  const LoKey *keys,
                  guint        n_keys,
                  guint        horizon,
                  double       lo,
                  double       hi)
{
  double legend_h = lo_painter_legend (p, 0, 0, p->width, keys, n_keys) + 4;
  /* TRANSLATORS: the money axis of the cumulative cash charts */
  const char *title = _("Cumulative cash, undiscounted");
  double title_h = 0;

  lo_painter_measure (p, title, LO_TEXT_SMALL, 0, 1, NULL, &title_h);
  lo_painter_text (p, 0, legend_h, 0, 0, title, LO_TEXT_SMALL, 0, 1, &p->pal->ink_muted);
  legend_h += title_h + 4;
  /* the time axis's title, at the foot, below the tick labels */
  lo_painter_text (p, p->width, p->height, 1, 1, _("months from the start of the build"),
                   LO_TEXT_SMALL | LO_TEXT_FORCE, 0, 1, &p->pal->ink_muted);
  lo_plot_setup (p, plot, 0, legend_h, p->width, p->height - title_h - 2, 0, horizon,
                 LO_AXIS_MONTHS, lo, hi, LO_AXIS_MONEY);
  cairo_save (p->cr);
  cairo_rectangle (p->cr, plot->x0, plot->y0 - 2, plot->x1 - plot->x0, plot->y1 - plot->y0 + 4);
  cairo_clip (p->cr);
}

static gboolean
roi_usable (LoPainter          *p,
            const LoProcessRoi *roi)
{
  if (roi == NULL || roi->expected.cumulative == NULL || roi->expected.horizon == 0)
    {
      lo_painter_note (p, _("No process to show"));
      return FALSE;
    }
  return TRUE;
}

void
lo_chart_cashflow_draw (cairo_t               *cr,
                        double                 width,
                        double                 height,
                        const LoRenderContext *ctx,
                        const LoProcessRoi    *roi)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  LoPlot plot;
  double lo = 0, hi = 0;
  guint n;
  gboolean alt;
  LoKey keys[2];
  guint nk = 0;

  lo_painter_init (&p, cr, width, height, ctx);
  if (!roi_usable (&p, roi))
    goto out;

  n = roi->expected.horizon + 1;
  alt = roi->has_alternative && roi->alternative.cumulative != NULL;
  range_of (roi->expected.cumulative, n, &lo, &hi);
  if (alt)
    range_of (roi->alternative.cumulative, roi->alternative.horizon + 1, &lo, &hi);

  keys[nk++] = (LoKey) { LO_KEY_LINE, &pal->blue, 1, _("This plan") };
  if (alt)
    keys[nk++] = (LoKey) { LO_KEY_DASH, &pal->orange, 1, _("Alternative quote") };
  cumulative_frame (&p, &plot, keys, nk, roi->expected.horizon, lo, hi);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (alt)
    {
      lo_chart_curve (cr, &plot, roi->alternative.cumulative, roi->alternative.horizon + 1);
      lo_set_colour (cr, &pal->orange, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash_long, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  lo_chart_curve (cr, &plot, roi->expected.cumulative, n);
  lo_set_colour (cr, &pal->blue, 1);
  cairo_set_line_width (cr, 2.2);
  cairo_stroke (cr);
  cairo_restore (cr);

  {
    g_autofree char *months = lo_formatter_number (lo_render_formatter (ctx), roi->expected.payback_months, 1);
    /* TRANSLATORS: chart marker; %s is a number of months */
    g_autofree char *label = g_strdup_printf (_("Payback %s mo"), months);
    lo_chart_payback_marker (&p, &plot, roi->expected.payback_months, label, &pal->blue);
  }
  if (alt)
    {
      g_autofree char *months = lo_formatter_number (lo_render_formatter (ctx), roi->alternative.payback_months, 1);
      g_autofree char *label = g_strdup_printf (_("Payback %s mo"), months);
      lo_chart_payback_marker (&p, &plot, roi->alternative.payback_months, label, &pal->orange);
    }
out:
  lo_painter_clear (&p);
}

void
lo_chart_scenarios_draw (cairo_t               *cr,
                         double                 width,
                         double                 height,
                         const LoRenderContext *ctx,
                         const LoProcessRoi    *roi)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  LoPlot plot;
  double lo = 0, hi = 0;
  guint n;
  gboolean mc;
  LoKey keys[3];
  guint nk = 0;

  lo_painter_init (&p, cr, width, height, ctx);
  if (!roi_usable (&p, roi) || roi->conservative.cumulative == NULL ||
      roi->optimistic.cumulative == NULL)
    goto out;

  n = roi->expected.horizon + 1;
  mc = roi->has_monte_carlo && roi->monte_carlo.cumulative_p10 && roi->monte_carlo.cumulative_p90;
  range_of (roi->conservative.cumulative, n, &lo, &hi);
  range_of (roi->optimistic.cumulative, n, &lo, &hi);
  range_of (roi->expected.cumulative, n, &lo, &hi);
  if (mc)
    {
      range_of (roi->monte_carlo.cumulative_p10, n, &lo, &hi);
      range_of (roi->monte_carlo.cumulative_p90, n, &lo, &hi);
    }

  keys[nk++] = (LoKey) { LO_KEY_BOX, &pal->sky, 0.45, _("Conservative to optimistic") };
  keys[nk++] = (LoKey) { LO_KEY_LINE, &pal->blue, 1, _("Expected") };
  if (mc)
    keys[nk++] = (LoKey) { LO_KEY_DASH, &pal->vermillion, 1, _("Monte Carlo P10–P90") };
  cumulative_frame (&p, &plot, keys, nk, roi->expected.horizon, lo, hi);
  band (cr, &plot, roi->conservative.cumulative, roi->optimistic.cumulative, n);
  lo_set_colour (cr, &pal->sky, 0.35);
  cairo_fill (cr);
  if (mc)
    {
      cairo_set_line_width (cr, 1.3);
      cairo_set_dash (cr, dash_long, 2, 0);
      lo_set_colour (cr, &pal->vermillion, 1);
      lo_chart_curve (cr, &plot, roi->monte_carlo.cumulative_p10, n);
      cairo_stroke (cr);
      lo_chart_curve (cr, &plot, roi->monte_carlo.cumulative_p90, n);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  lo_chart_curve (cr, &plot, roi->expected.cumulative, n);
  lo_set_colour (cr, &pal->blue, 1);
  cairo_set_line_width (cr, 2.2);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* End labels: the three scenarios' cumulative cash at the horizon (the
   * caption and the axis say so; the table beside gives their NPV) */
  {
    const struct { const LoRoiFigures *f; const char *name; } ends[] = {
      { &roi->optimistic, _("Optimistic") },
      { &roi->expected, _("Expected") },
      { &roi->conservative, _("Conservative") },
    };
    for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
      {
        double v = ends[i].f->cumulative[n - 1];
        g_autofree char *money = lo_formatter_money_short (lo_render_formatter (ctx), v, lo_render_currency (ctx));
        /* TRANSLATORS: a scenario's cash at the horizon, "Optimistic: $342k cash" */
        g_autofree char *label = g_strdup_printf (_("%s: %s cash"), ends[i].name, money);

        lo_painter_text (&p, plot.x1 - 2, lo_plot_y (&plot, v), 1, i == 0 ? 1 : (i == 2 ? 0 : 0.5),
                         label, LO_TEXT_SMALL | LO_TEXT_PLATE, 0, 1, i == 1 ? &pal->blue : &pal->ink_muted);
      }
  }
out:
  lo_painter_clear (&p);
}

void
lo_chart_montecarlo_draw (cairo_t               *cr,
                          double                 width,
                          double                 height,
                          const LoRenderContext *ctx,
                          const LoProcessRoi    *roi)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  LoPlot plot;
  const LoMonteCarlo *mc;
  double lo, hi, bin_w, th;
  g_autofree guint *bins = NULL;
  guint n_bins, max_count = 0;

  lo_painter_init (&p, cr, width, height, ctx);
  if (roi == NULL || !roi->has_monte_carlo || roi->monte_carlo.npv_sorted == NULL ||
      roi->monte_carlo.draws == 0)
    {
      lo_painter_note (&p, _("No ranged input: no Monte Carlo simulation"));
      goto out;
    }
  mc = &roi->monte_carlo;
  lo = mc->npv_sorted[0];
  hi = mc->npv_sorted[mc->draws - 1];
  if (hi - lo < 1e-9)
    hi = lo + 1;
  n_bins = CLAMP ((guint) ((width) / 12), 8, 40);
  bins = g_new0 (guint, n_bins);
  bin_w = (hi - lo) / n_bins;
  for (guint i = 0; i < mc->draws; i++)
    {
      guint b = (guint) MIN (n_bins - 1, (mc->npv_sorted[i] - lo) / bin_w);
      bins[b]++;
      max_count = MAX (max_count, bins[b]);
    }

  lo_painter_measure (&p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &th);
  {
    g_autofree char *prob = lo_formatter_percent (lo_render_formatter (ctx), mc->probability_positive, 0);
    /* TRANSLATORS: %s is a percentage */
    g_autofree char *text = g_strdup_printf (_("Chance the NPV is positive: %s"), prob);
    lo_painter_text (&p, 0, 0, 0, 0, text, LO_TEXT_SMALL | LO_TEXT_BOLD, width, 1, &pal->ink);
  }
  /* No y labels: the shape matters, not the counts. */
  plot.x0 = 4;
  plot.x1 = width - 4;
  plot.y0 = th * 3.2;
  plot.y1 = height - th - 6;
  {
    double first, last, step;

    step = lo_render_nice_ticks (lo, hi, CLAMP ((int) (width / 70), 2, 8), &first, &last);
    plot.xmin = MIN (lo, first);
    plot.xmax = MAX (hi, last);
    plot.ymin = 0;
    plot.ymax = max_count * 1.05;
    cairo_save (cr);
    lo_set_colour (cr, &pal->rule, 1);
    cairo_set_line_width (cr, 0.6);
    cairo_move_to (cr, plot.x0, plot.y1 + 0.3);
    cairo_line_to (cr, plot.x1, plot.y1 + 0.3);
    cairo_stroke (cr);
    cairo_restore (cr);
    for (double v = first; v <= last + step * 0.5; v += step)
      {
        g_autofree char *s = lo_formatter_money_short (lo_render_formatter (ctx), fabs (v) < step * 1e-6 ? 0 : v, lo_render_currency (ctx));
        lo_painter_text (&p, lo_plot_x (&plot, v), plot.y1 + 3, 0.5, 0, s, LO_TEXT_SMALL, 0, 1,
                         &pal->ink_muted);
      }
  }

  cairo_save (cr);
  for (guint b = 0; b < n_bins; b++)
    {
      double x0 = lo_plot_x (&plot, lo + b * bin_w), x1 = lo_plot_x (&plot, lo + (b + 1) * bin_w);
      double y = lo_plot_y (&plot, bins[b]);
      gboolean negative = lo + (b + 0.5) * bin_w < 0;

      lo_set_colour (cr, negative ? &pal->vermillion : &pal->sky, negative ? 0.6 : 1);
      cairo_rectangle (cr, x0 + 0.4, y, MAX (0.5, x1 - x0 - 0.8), plot.y1 - y);
      cairo_fill (cr);
    }

  {
    const struct { double v; const char *name; } marks[] = {
      { mc->npv_p10, "P10" }, { mc->npv_p50, "P50" }, { mc->npv_p90, "P90" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
      {
        double x = lo_plot_x (&plot, marks[i].v);
        g_autofree char *money = lo_formatter_money_short (lo_render_formatter (ctx), marks[i].v, lo_render_currency (ctx));
        g_autofree char *label = g_strdup_printf ("%s %s", marks[i].name, money);

        if (!isfinite (marks[i].v))
          continue;
        lo_set_colour (cr, &pal->blue, 1);
        cairo_set_line_width (cr, i == 1 ? 2 : 1.2);
        if (i != 1)
          cairo_set_dash (cr, dash_long, 2, 0);
        cairo_move_to (cr, x, plot.y0 - 2);
        cairo_line_to (cr, x, plot.y1);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        if (!lo_painter_text (&p, x, th * 1.4, i == 0 ? 1 : (i == 2 ? 0 : 0.5), 0, label,
                              LO_TEXT_SMALL, 0, 1, &pal->blue))
          lo_painter_text (&p, x, th * 1.4, i == 0 ? 1 : (i == 2 ? 0 : 0.5), 0, marks[i].name,
                           LO_TEXT_SMALL, 0, 1, &pal->blue);
      }
  }
  cairo_restore (cr);
out:
  lo_painter_clear (&p);
}

void
lo_chart_tornado_draw (cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const LoRenderContext *ctx,
                       const LoProcessRoi    *roi)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  LoPlot plot;
  double lo, hi, th, label_w = 0, legend_h, row_h, base;
  guint shown = 0;

  lo_painter_init (&p, cr, width, height, ctx);
  if (roi == NULL || roi->n_tornado == 0)
    {
      lo_painter_note (&p, _("No sensitivity figures"));
      goto out;
    }
  base = roi->expected.npv;
  lo = hi = base;
  lo_painter_measure (&p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &th);
  {
    LoKey keys[] = {
      { LO_KEY_BOX, &pal->sky, 1, _("Input at its low end") },
      { LO_KEY_BOX, &pal->blue, 1, _("Input at its high end") },
    };
    legend_h = lo_painter_legend (&p, 0, 0, width, keys, G_N_ELEMENTS (keys)) + 6;
  }
  row_h = MAX (th * 1.35, MIN (th * 2.2, (height - legend_h - th * 2) / roi->n_tornado));
  shown = MIN (roi->n_tornado, (guint) MAX (1, (height - legend_h - th * 2) / row_h));
  for (guint i = 0; i < shown; i++)
    {
      double w;
      lo = MIN (lo, MIN (roi->tornado[i].low_npv, roi->tornado[i].high_npv));
      hi = MAX (hi, MAX (roi->tornado[i].low_npv, roi->tornado[i].high_npv));
      lo_painter_measure (&p, lo_input_label (roi->tornado[i].input), LO_TEXT_SMALL, 0, 1, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w + 6, width * 0.32);

  {
    double first, last, step;
    double x0 = label_w, x1 = width - 6;

    step = lo_render_nice_ticks (lo, hi, CLAMP ((int) ((x1 - x0) / 60), 2, 8), &first, &last);
    plot.x0 = x0;
    plot.x1 = x1;
    plot.y0 = legend_h;
    plot.y1 = legend_h + shown * row_h;
    plot.xmin = first;
    plot.xmax = last > first ? last : first + step;
    plot.ymin = 0;
    plot.ymax = 1;
    cairo_save (cr);
    cairo_set_line_width (cr, 0.6);
    for (double v = first; v <= last + step * 0.5; v += step)
      {
        double x = lo_plot_x (&plot, v);
        g_autofree char *s = lo_formatter_money_short (lo_render_formatter (ctx), fabs (v) < step * 1e-6 ? 0 : v, lo_render_currency (ctx));

        lo_set_colour (cr, fabs (v) < step * 1e-6 ? &pal->rule : &pal->grid, 1);
        cairo_move_to (cr, round (x) + 0.3, plot.y0);
        cairo_line_to (cr, round (x) + 0.3, plot.y1);
        cairo_stroke (cr);
        lo_painter_text (&p, x, plot.y1 + 3, 0.5, 0, s, LO_TEXT_SMALL, 0, 1, &pal->ink_muted);
      }
    cairo_restore (cr);
  }

  cairo_save (cr);
  for (guint i = 0; i < shown; i++)
    {
      const LoTornadoBar *bar = &roi->tornado[i];
      double y = plot.y0 + i * row_h, bh = row_h * 0.62, cy = y + row_h / 2;
      double xb = lo_plot_x (&plot, base);
      double xl = lo_plot_x (&plot, bar->low_npv), xh = lo_plot_x (&plot, bar->high_npv);

      lo_painter_text (&p, label_w - 6, cy, 1, 0.5, lo_input_label (bar->input), LO_TEXT_SMALL,
                       label_w - 6, 1, &pal->ink);
      lo_set_colour (cr, &pal->sky, 1);
      cairo_rectangle (cr, MIN (xb, xl), cy - bh / 2, fabs (xl - xb), bh);
      cairo_fill (cr);
      lo_set_colour (cr, &pal->blue, 1);
      cairo_rectangle (cr, MIN (xb, xh), cy - bh / 2, fabs (xh - xb), bh);
      cairo_fill (cr);
    }
  /* Base line: the expected NPV */
  {
    double xb = lo_plot_x (&plot, base);
    g_autofree char *money = lo_formatter_money_short (lo_render_formatter (ctx), base, lo_render_currency (ctx));
    /* TRANSLATORS: %s is an amount such as "$153k" */
    g_autofree char *label = g_strdup_printf (_("expected NPV %s"), money);

    lo_set_colour (cr, &pal->ink, 1);
    cairo_set_line_width (cr, 1);
    cairo_move_to (cr, round (xb) + 0.5, plot.y0 - 2);
    cairo_line_to (cr, round (xb) + 0.5, plot.y1 + 2);
    cairo_stroke (cr);
    lo_painter_text (&p, xb, MIN (height, plot.y1 + th * 2.6 + 4), 0.5, 1, label,
                     LO_TEXT_SMALL | LO_TEXT_BOLD, 0, 1, &pal->ink);
  }
  cairo_restore (cr);
out:
  lo_painter_clear (&p);
}

void
lo_chart_portfolio_draw (cairo_t               *cr,
                         double                 width,
                         double                 height,
                         const LoRenderContext *ctx,
                         const LoPortfolio     *portfolio)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  LoPlot plot;
  double lo = 0, hi = 0, max_hours = 0, rmax, th;
  guint n;
  g_autofree guint *order = NULL;

  lo_painter_init (&p, cr, width, height, ctx);
  if (portfolio == NULL || portfolio->processes->len == 0)
    {
      lo_painter_note (&p, _("No candidate processes yet"));
      goto out;
    }
  n = portfolio->processes->len;
  for (guint i = 0; i < n; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, i);
      lo = MIN (lo, roi->expected.npv);
      hi = MAX (hi, roi->expected.npv);
      max_hours = MAX (max_hours, roi->expected.hours_saved_week);
    }
  lo_painter_measure (&p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &th);
  rmax = MAX (4, MIN (width, height) / (n > 12 ? 20 : 12));
  /* Room for half a bubble above the highest and below the lowest. */
  {
    double span = MAX (hi - lo, 1);
    double pad = span * rmax / MAX (20, height - th * 4) * 1.2;
    hi += pad;
    if (lo < 0)
      lo -= pad;
  }

  lo_plot_setup (&p, &plot, 0, th * 1.4, width, height - th * 1.3, 0.7, 5.3, LO_AXIS_LEVEL,
                 lo, hi, LO_AXIS_MONEY);
  lo_painter_text (&p, plot.x0, 0, 0, 0, _("Net present value"), LO_TEXT_SMALL | LO_TEXT_BOLD,
                   0, 1, &pal->ink_muted);
  lo_painter_text (&p, (plot.x0 + plot.x1) / 2, height, 0.5, 1,
                   _("Readiness (clarity, access, scope; 1–5)"), LO_TEXT_SMALL | LO_TEXT_BOLD,
                   0, 1, &pal->ink_muted);

  /* The "ready and valuable" quadrant */
  cairo_save (cr);
  {
    double qx = lo_plot_x (&plot, 3), qy = lo_plot_y (&plot, MAX (0, plot.ymin));
    lo_set_colour (cr, &pal->green, 0.07);
    cairo_rectangle (cr, qx, plot.y0, plot.x1 - qx, qy - plot.y0);
    cairo_fill (cr);
    lo_painter_text (&p, plot.x1 - 3, plot.y0 + 2, 1, 0, _("ready and valuable"),
                     LO_TEXT_SMALL, 0, 1, &pal->green);
  }

  /* Largest bubbles first, so small ones stay visible on top. */
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0; j--)
      {
        const LoProcessRoi *a = g_ptr_array_index (portfolio->processes, order[j - 1]);
        const LoProcessRoi *b = g_ptr_array_index (portfolio->processes, order[j]);
        if (a->expected.hours_saved_week >= b->expected.hours_saved_week)
          break;
        guint t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  for (guint k = 0; k < n; k++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, order[k]);
      double x = lo_plot_x (&plot, roi->readiness), y = lo_plot_y (&plot, roi->expected.npv);
      double r = max_hours > 0 ? rmax * sqrt (MAX (0, roi->expected.hours_saved_week) / max_hours) : 3;
      const LoColour *c = roi->expected.npv < 0 ? &pal->vermillion : &pal->blue;

      r = MAX (r, 2.5);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      lo_set_colour (cr, c, 0.55);
      cairo_fill_preserve (cr);
      lo_set_colour (cr, &pal->background, 1);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke_preserve (cr);
      lo_set_colour (cr, c, 1);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  for (guint k = 0; k < n; k++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, k);
      double x = lo_plot_x (&plot, roi->readiness), y = lo_plot_y (&plot, roi->expected.npv);
      double r = max_hours > 0 ? rmax * sqrt (MAX (0, roi->expected.hours_saved_week) / max_hours) : 3;

      r = MAX (r, 2.5) * 0.85;
      lo_painter_reserve (&p, x - r, y - r, 2 * r, 2 * r);
    }

  /* Labels in sequence order: the first to build get their names first.
   * Where a name does not fit, the sequence number stands in. */
  for (guint s = 0; s < portfolio->sequence->len; s++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, s);
      double x = lo_plot_x (&plot, roi->readiness), y = lo_plot_y (&plot, roi->expected.npv);
      double r = max_hours > 0 ? rmax * sqrt (MAX (0, roi->expected.hours_saved_week) / max_hours) : 3;
      char num[16];
      static const double cand[][2] = {
        { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 0.7, -0.7 }, { -0.7, -0.7 }, { 0.7, 0.7 }, { -0.7, 0.7 },
      };
      gboolean done = FALSE;

      r = MAX (r, 2.5);
      g_snprintf (num, sizeof num, "%u", s + 1);
      for (guint pass = 0; pass < 2 && !done; pass++)
        {
          const char *text = pass == 0 ? roi->process->name : num;
          for (guint c = 0; c < G_N_ELEMENTS (cand) && !done; c++)
            {
              double w, h, lx, ly, ax = cand[c][0] > 0 ? 0 : (cand[c][0] < 0 ? 1 : 0.5);
              double ay = cand[c][1] > 0 ? 0 : (cand[c][1] < 0 ? 1 : 0.5);

              lo_painter_measure (&p, text, LO_TEXT_SMALL, width * 0.3, 2, &w, &h);
              lx = x + cand[c][0] * (r + 2);
              ly = y + cand[c][1] * (r + 1);
              if (!lo_painter_is_free (&p, lx - ax * w, ly - ay * h, w, h))
                continue;
              done = lo_painter_text (&p, lx, ly, ax, ay, text, LO_TEXT_SMALL | LO_TEXT_PLATE,
                                      width * 0.3, 2, &pal->ink);
            }
        }
    }
out:
  lo_painter_clear (&p);
}

static const LoProcessRoi *
portfolio_lookup (const LoPortfolio *portfolio,
                  const char        *id)
{
  if (portfolio == NULL)
    return NULL;
  for (guint i = 0; i < portfolio->processes->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, i);
      if (g_strcmp0 (roi->process->id, id) == 0)
        return roi;
    }
  return NULL;
}

typedef struct
{
  int         step;      /* index into the steps */
  const char *process;   /* NULL for the step's own row */
  double      start, weeks;
  guint       more;      /* "+ N more" row */
} TimelineRow;

/* @rows with each step's processes listed under the first step that builds
 * them, as many as fit in @max_rows, and "+ N more" rows for the others;
 * extends @total to the last process's end. Consumes @rows. */
static GArray *
timeline_rows_with_processes (const LoRoadmap   *roadmap,
                              const LoPortfolio *portfolio,
                              GArray            *rows,
                              guint              max_rows,
                              double            *total)
{
  g_autoptr (GArray) steps = rows;
  guint room = max_rows > steps->len ? max_rows - steps->len : 0;
  gboolean built = FALSE;
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (TimelineRow));

  for (guint i = 0; i < steps->len; i++)
    {
      TimelineRow r = g_array_index (steps, TimelineRow, i);
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, r.step);
      double at = r.start;
      guint listed = 0, n_proc = step->processes ? step->processes->len : 0;

      g_array_append_val (all, r);
      /* Processes are listed under the step that builds them; the later
       * steps change how they run, which the step's own bar stands for. */
      if (built)
        n_proc = 0;
      built = built || n_proc > 0;
      for (guint k = 0; k < n_proc; k++)
        {
          const char *id = g_ptr_array_index (step->processes, k);
          const LoProcessRoi *roi = portfolio_lookup (portfolio, id);
          double weeks = roi ? lo_process_get (roi->process, LO_INPUT_BUILD_WEEKS) : 4;
          TimelineRow pr = { r.step, id, at, MAX (weeks, 0.5), 0 };

          at += weeks;
          *total = MAX (*total, at);
          if (listed + 1 < room || (listed + 1 == room && k + 1 == n_proc))
            {
              g_array_append_val (all, pr);
              listed++;
            }
        }
      if (listed < n_proc && room > 0)
        {
          TimelineRow more = { r.step, NULL, r.start, 0, n_proc - listed };
          g_array_append_val (all, more);
        }
      room = room > listed + (listed < n_proc ? 1 : 0) ? room - listed - (listed < n_proc ? 1 : 0) : 0;
    }
  return g_steal_pointer (&all);
}

/* The week grid behind the timeline, with the week numbers under it when
 * the roadmap is scheduled; rounds @plot's xmax up to a whole tick. */
static void
timeline_week_grid (LoPainter *p,
                    LoPlot    *plot,
                    gboolean   scheduled)
{
  cairo_t *cr = p->cr;
  const LoPalette *pal = p->pal;
  const LoRenderContext *ctx = p->ctx;
  double first, last, step_w;
  static const double steps[] = { 1, 2, 4, 8, 13, 26, 52, 104 };
  int max_ticks = CLAMP ((int) ((plot->x1 - plot->x0) / (p->font * 5)), 2, 12);

  step_w = 104;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (plot->xmax / steps[i] <= max_ticks)
      {
        step_w = steps[i];
        break;
      }
  first = 0;
  last = ceil (plot->xmax / step_w) * step_w;
  plot->xmax = last;
  cairo_set_line_width (cr, 0.6);
  for (double v = first; v <= last + 0.01; v += step_w)
    {
      double x = lo_plot_x (plot, v);
      g_autofree char *num = lo_formatter_number (lo_render_formatter (ctx), v, 0);
      g_autofree char *s = v == 0 && scheduled ? g_strdup_printf (_("week %s"), num) : g_strdup (num);

      lo_set_colour (cr, &pal->grid, 1);
      cairo_move_to (cr, round (x) + 0.3, plot->y0);
      cairo_line_to (cr, round (x) + 0.3, plot->y1);
      cairo_stroke (cr);
      if (scheduled)
        lo_painter_text (p, x, plot->y1 + 3, v == 0 ? 0 : 0.5, 0, s, LO_TEXT_SMALL, 0, 1,
                         &pal->ink_muted);
    }
}

void
lo_chart_roadmap_draw (cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const LoRenderContext *ctx,
                       const LoRoadmap       *roadmap,
                       const LoPortfolio     *portfolio)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  LoPlot plot;
  double th, row_h, label_w, total = 0, axis_h;
  g_autoptr (GArray) rows = NULL;
  guint max_rows;
  gboolean scheduled;

  lo_painter_init (&p, cr, width, height, ctx);
  if (roadmap == NULL || roadmap->kind != LO_ROADMAP_STEPS || roadmap->steps->len == 0)
    {
      lo_painter_note (&p, roadmap && roadmap->kind == LO_ROADMAP_SUSTAIN
                             ? _("Already at level 5: sustain and extend")
                             : _("No roadmap until every dimension has a score"));
      goto out;
    }

  lo_painter_measure (&p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &th);
  axis_h = th * 2;
  row_h = th * 1.7;
  max_rows = MAX (1, (guint) ((height - axis_h) / row_h));
  scheduled = roadmap->total_weeks > 0;
  rows = g_array_new (FALSE, FALSE, sizeof (TimelineRow));

  for (guint s = 0; s < roadmap->steps->len; s++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, s);
      double start = scheduled ? step->start_week : s * 8.0;
      double weeks = scheduled ? step->weeks : 8.0;
      TimelineRow r = { (int) s, NULL, start, weeks, 0 };

      g_array_append_val (rows, r);
      total = MAX (total, start + weeks);
    }

  rows = timeline_rows_with_processes (roadmap, portfolio, g_steal_pointer (&rows),
                                       max_rows, &total);

  row_h = MIN (th * 2.2, (height - axis_h) / MAX (1, rows->len));
  /* the label column as wide as the longest process name, up to 45 %: a
   * name is read whole */
  label_w = MIN (width * 0.34, p.font * 18);
  for (guint i = 0; i < rows->len; i++)
    {
      const TimelineRow *tr = &g_array_index (rows, TimelineRow, i);
      const LoProcessRoi *roi = tr->process ? portfolio_lookup (portfolio, tr->process) : NULL;
      double w = 0;

      if (roi == NULL)
        continue;
      lo_painter_measure (&p, roi->process->name, LO_TEXT_SMALL, 0, 1, &w, NULL);
      label_w = MAX (label_w, MIN (width * 0.45, w + 2 * p.font));
    }
  plot.x0 = label_w + 4;
  plot.x1 = width - 4;
  plot.y0 = 0;
  plot.y1 = rows->len * row_h;
  plot.xmin = 0;
  plot.xmax = MAX (total, 1);
  plot.ymin = 0;
  plot.ymax = 1;

  cairo_save (cr);
  timeline_week_grid (&p, &plot, scheduled);

  for (guint i = 0; i < rows->len; i++)
    {
      const TimelineRow *r = &g_array_index (rows, TimelineRow, i);
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, r->step);
      double y = plot.y0 + i * row_h, cy = y + row_h / 2;
      double bx0 = lo_plot_x (&plot, r->start), bx1 = lo_plot_x (&plot, r->start + r->weeks);
      const LoColour *c = lo_palette_level (pal, step->level);

      if (r->more > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "+ %u more process",
                                                                "+ %u more processes", r->more),
                                                   r->more);
          lo_painter_text (&p, p.font, cy, 0, 0.5, text, LO_TEXT_SMALL, label_w - p.font, 1,
                           &pal->ink_muted);
          continue;
        }
      if (r->process == NULL)
        {
          g_autofree char *label = g_strdup_printf (_("Level %d · %s"), step->level,
                                                    lo_level_name (NULL, step->level));
          double bh = row_h * 0.7;

          lo_painter_text (&p, 0, cy, 0, 0.5, label, LO_TEXT_SMALL | LO_TEXT_BOLD, label_w, 1,
                           &pal->ink);
          lo_set_colour (cr, c, 1);
          cairo_rectangle (cr, bx0, cy - bh / 2, MAX (1, bx1 - bx0), bh);
          cairo_fill (cr);
          if (scheduled)
            {
              g_autofree char *num = lo_formatter_number (lo_render_formatter (ctx), r->weeks, 0);
              /* TRANSLATORS: a duration in weeks on a timeline bar */
              g_autofree char *text = g_strdup_printf (_("%s wk"), num);
              double tw;

              lo_painter_measure (&p, text, LO_TEXT_SMALL, 0, 1, &tw, NULL);
              if (tw + 6 < bx1 - bx0)
                lo_painter_text (&p, bx0 + 3, cy, 0, 0.5, text, LO_TEXT_SMALL | LO_TEXT_NOTE,
                                 0, 1, lo_palette_on_level (pal, step->level));
              else
                lo_painter_text (&p, bx1 + 3, cy, 0, 0.5, text, LO_TEXT_SMALL, 0, 1, &pal->ink_muted);
            }
        }
      else
        {
          const LoProcessRoi *roi = portfolio_lookup (portfolio, r->process);
          double bh = row_h * 0.45;

          lo_painter_text (&p, p.font, cy, 0, 0.5, roi ? roi->process->name : r->process,
                           LO_TEXT_SMALL, label_w - p.font, 1, &pal->ink);
          lo_set_colour (cr, &pal->orange, 1);
          cairo_rectangle (cr, bx0, cy - bh / 2, MAX (1, bx1 - bx0), bh);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
out:
  lo_painter_clear (&p);
}

static void
actuals_panel (LoPainter          *p,
               const LoProcessRoi *roi,
               double              top,
               double              bottom,
               gboolean            money)
{
  cairo_t *cr = p->cr;
  const LoPalette *pal = p->pal;
  LoPlot plot;
  double lo = 0, hi = 0, slot;
  guint n = roi->actuals->len;

  for (guint i = 0; i < n; i++)
    {
      const LoActualMonth *a = &g_array_index (roi->actuals, LoActualMonth, i);
      double va = money ? a->actual_net : a->actual_hours_saved;
      double vp = money ? a->projected_net : a->projected_hours_saved;
      if (isfinite (va))
        lo = MIN (lo, va), hi = MAX (hi, va);
      if (isfinite (vp))
        lo = MIN (lo, vp), hi = MAX (hi, vp);
    }
  /* Month names label the x axis, below. */
  lo_plot_setup (p, &plot, 0, top, p->width, bottom, 0, n, LO_AXIS_NONE, lo, hi,
                 money ? LO_AXIS_MONEY : LO_AXIS_HOURS);
  slot = (plot.x1 - plot.x0) / MAX (1, n);

  cairo_save (cr);
  for (guint i = 0; i < n; i++)
    {
      const LoActualMonth *a = &g_array_index (roi->actuals, LoActualMonth, i);
      double va = money ? a->actual_net : a->actual_hours_saved;
      double x = plot.x0 + slot * (i + 0.5), y0 = lo_plot_y (&plot, 0);
      g_autofree char *label = lo_formatter_month_short (lo_render_formatter (p->ctx), a->year, a->month);

      if (isfinite (va))
        {
          double y = lo_plot_y (&plot, va);
          lo_set_colour (cr, &pal->sky, 1);
          cairo_rectangle (cr, x - slot * 0.3, MIN (y, y0), slot * 0.6, fabs (y - y0));
          cairo_fill (cr);
        }
      lo_painter_text (p, x, plot.y1 + 3, 0.5, 0, label, LO_TEXT_SMALL, 0, 1, &pal->ink_muted);
    }
  lo_set_colour (cr, &pal->vermillion, 1);
  cairo_set_line_width (cr, 1.6);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const LoActualMonth *a = &g_array_index (roi->actuals, LoActualMonth, i);
        double vp = money ? a->projected_net : a->projected_hours_saved;
        double x = plot.x0 + slot * (i + 0.5), y;

        if (!isfinite (vp))
          continue;
        y = lo_plot_y (&plot, vp);
        if (pass == 0)
          {
            if (i == 0)
              cairo_move_to (cr, x, y);
            else
              cairo_line_to (cr, x, y);
          }
        else
          {
            cairo_arc (cr, x, y, 2.4, 0, 2 * G_PI);
            cairo_fill (cr);
          }
        if (pass == 0 && i + 1 == n)
          cairo_stroke (cr);
      }
  cairo_restore (cr);
  lo_painter_text (p, plot.x0 + 2, plot.y0, 0, 0,
                   money ? _("Net benefit per month") : _("Hours saved per month"),
                   LO_TEXT_SMALL | LO_TEXT_BOLD | LO_TEXT_NOTE, 0, 1, &pal->ink_muted);
}

void
lo_chart_actuals_draw (cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const LoRenderContext *ctx,
                       const LoProcessRoi    *roi)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  double legend_h;

  lo_painter_init (&p, cr, width, height, ctx);
  if (roi == NULL || roi->actuals == NULL || roi->actuals->len == 0)
    {
      lo_painter_note (&p, _("No actual figures recorded yet"));
      goto out;
    }
  {
    LoKey keys[] = {
      { LO_KEY_BOX, &pal->sky, 1, _("Actual") },
      { LO_KEY_LINE, &pal->vermillion, 1, _("Projected") },
    };
    legend_h = lo_painter_legend (&p, 0, 0, width, keys, G_N_ELEMENTS (keys)) + 6;
  }
  if (height >= 220)
    {
      double mid = legend_h + (height - legend_h) / 2;
      actuals_panel (&p, roi, legend_h, mid - 4, FALSE);
      actuals_panel (&p, roi, mid + 4, height, TRUE);
    }
  else
    actuals_panel (&p, roi, legend_h, height, FALSE);
out:
  lo_painter_clear (&p);
}
