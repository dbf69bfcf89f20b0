/* lo-charts-programme.c: the programme's schedule and its cash flow
 * (SPEC §2b), with their captions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lo-render-private.h"

static const double dash_dot[] = { 1.5, 2.5 };

#define WEEKS_TO_MONTHS(w) ((w) * 12.0 / 52.0)

static const char *
no_programme (void)
{
  return _("No process is counted in the programme yet.");
}

/* The schedule */

typedef struct
{
  LoPainter                 p;
  const LoProgramme        *programme;
  const LoRoadmap          *roadmap;
  LoPlot                    plot;
  double                    th;       /* small text height */
  double                    row_h;
  double                    label_w;
} Schedule;

/* The months the timeline spans: the roadmap, every build and T₅, with
 * room after the last of them for the exception-only phase to show. */
static double
schedule_span (const LoProgramme *pg,
               const LoRoadmap   *roadmap)
{
  double end = pg->build_start;

  if (roadmap != NULL && roadmap->kind == LO_ROADMAP_STEPS)
    end = MAX (end, WEEKS_TO_MONTHS (roadmap->total_weeks));
  if (isfinite (pg->approval_end))
    end = MAX (end, pg->approval_end);
  for (guint i = 0; i < pg->processes->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (pg->processes, LoProgrammeProcess, i);

      if (pp->included && isfinite (pp->go_live))
        end = MAX (end, pp->go_live);
    }
  return MAX (6, ceil (end * 1.12));
}

static void
schedule_bar (Schedule       *s,
              double          from,
              double          to,
              double          cy,
              double          bh,
              const LoColour *colour,
              double          alpha)
{
  double x0, x1;

  from = MAX (from, s->plot.xmin);
  to = MIN (to, s->plot.xmax);
  if (!(to > from))
    return;
  x0 = lo_plot_x (&s->plot, from);
  x1 = lo_plot_x (&s->plot, to);
  lo_set_colour (s->p.cr, colour, alpha);
  cairo_rectangle (s->p.cr, x0, cy - bh / 2, MAX (1, x1 - x0), bh);
  cairo_fill (s->p.cr);
}

/* The roadmap's steps as one band across the top, coloured by level. */
static void
schedule_steps (Schedule *s,
                double    y)
{
  const LoPalette *pal = s->p.pal;
  double cy = y + s->row_h / 2, bh = s->row_h * 0.8;

  lo_painter_text (&s->p, 0, cy, 0, 0.5, _("Roadmap"), LO_TEXT_SMALL | LO_TEXT_BOLD,
                   s->label_w, 1, &pal->ink);
  if (s->roadmap == NULL || s->roadmap->kind != LO_ROADMAP_STEPS)
    return;
  for (guint i = 0; i < s->roadmap->steps->len; i++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (s->roadmap->steps, i);
      double from = WEEKS_TO_MONTHS (step->start_week);
      double to = WEEKS_TO_MONTHS (step->start_week + step->weeks);
      double x0 = lo_plot_x (&s->plot, from), x1 = lo_plot_x (&s->plot, MIN (to, s->plot.xmax));
      g_autofree char *full = g_strdup_printf (_("Level %d"), step->level);
      g_autofree char *brief = g_strdup_printf ("%d", step->level);
      double tw;

      schedule_bar (s, from, to, cy, bh, lo_palette_level (pal, step->level), 1);
      /* a hairline in the card's colour keeps neighbouring steps apart */
      lo_set_colour (s->p.cr, &pal->background, 1);
      cairo_set_line_width (s->p.cr, 1);
      cairo_move_to (s->p.cr, round (x0) + 0.5, cy - bh / 2);
      cairo_line_to (s->p.cr, round (x0) + 0.5, cy + bh / 2);
      cairo_stroke (s->p.cr);
      lo_painter_measure (&s->p, full, LO_TEXT_SMALL, 0, 1, &tw, NULL);
      if (tw + 6 < x1 - x0)
        lo_painter_text (&s->p, (x0 + x1) / 2, cy, 0.5, 0.5, full, LO_TEXT_SMALL | LO_TEXT_NOTE,
                         0, 1, lo_palette_on_level (pal, step->level));
      else
        {
          lo_painter_measure (&s->p, brief, LO_TEXT_SMALL, 0, 1, &tw, NULL);
          if (tw + 2 < x1 - x0)
            lo_painter_text (&s->p, (x0 + x1) / 2, cy, 0.5, 0.5, brief,
                             LO_TEXT_SMALL | LO_TEXT_NOTE, 0, 1,
                             lo_palette_on_level (pal, step->level));
        }
    }
}

/* One process: build, approval until T₅, exceptions only after it. */
static void
schedule_process (Schedule                 *s,
                  const LoProgrammeProcess *pp,
                  double                    y)
{
  const LoPalette *pal = s->p.pal;
  const LoProgramme *pg = s->programme;
  double cy = y + s->row_h / 2, bh = s->row_h * 0.56;
  double alpha = pp->counted ? 1 : 0.4;
  double t5 = isfinite (pg->approval_end) ? pg->approval_end : s->plot.xmax;
  g_autofree char *label = NULL;

  if (pg->parallel_builds > 1 && pp->lane >= 0)
    /* TRANSLATORS: a row of the programme timeline: process name and its build lane */
    label = g_strdup_printf (_("%s · lane %d"), pp->roi->process->name, pp->lane + 1);
  else
    label = g_strdup (pp->roi->process->name);
  lo_painter_text (&s->p, s->p.font * 0.6, cy, 0, 0.5, label, LO_TEXT_SMALL, s->label_w - s->p.font * 0.6, 1,
                   pp->counted ? &pal->ink : &pal->ink_muted);
  schedule_bar (s, pp->start, pp->go_live, cy, bh, &pal->orange, alpha);
  schedule_bar (s, pp->go_live, MAX (pp->go_live, t5), cy, bh * 0.75, &pal->sky, alpha);
  schedule_bar (s, MAX (pp->go_live, t5), s->plot.xmax, cy, bh * 0.75, &pal->green, alpha);
}

/* The month axis below the rows, and its title. */
static void
schedule_axis (Schedule *s)
{
  const LoPalette *pal = s->p.pal;
  cairo_t *cr = s->p.cr;
  double first, last, step, tw;
  int max_ticks;
  g_autofree char *wide = lo_axis_label (s->p.ctx, LO_AXIS_MONTHS, s->plot.xmax, 1);

  lo_painter_measure (&s->p, wide, LO_TEXT_SMALL, 0, 1, &tw, NULL);
  max_ticks = CLAMP ((int) ((s->plot.x1 - s->plot.x0) / (tw + s->th * 2)), 2, 14);
  step = lo_render_nice_ticks (s->plot.xmin, s->plot.xmax, max_ticks, &first, &last);
  if (step < 1)
    step = 1;
  cairo_set_line_width (cr, 0.6);
  for (double v = 0; v <= s->plot.xmax + step * 0.01; v += step)
    {
      double x = lo_plot_x (&s->plot, v);
      g_autofree char *text = lo_axis_label (s->p.ctx, LO_AXIS_MONTHS, v, step);

      lo_set_colour (cr, &pal->grid, 1);
      cairo_move_to (cr, round (x) + 0.3, s->plot.y0);
      cairo_line_to (cr, round (x) + 0.3, s->plot.y1);
      cairo_stroke (cr);
      lo_painter_text (&s->p, x, s->plot.y1 + 3, 0.5, 0, text, LO_TEXT_SMALL, 0, 1, &pal->ink_muted);
    }
  lo_set_colour (cr, &pal->rule, 1);
  cairo_move_to (cr, s->plot.x0, s->plot.y1 + 0.3);
  cairo_line_to (cr, s->plot.x1, s->plot.y1 + 0.3);
  cairo_stroke (cr);
  lo_painter_text (&s->p, s->plot.x1, s->plot.y1 + 4 + s->th, 1, 0,
                   _("months from the start of the roadmap"), LO_TEXT_SMALL | LO_TEXT_FORCE, 0, 1,
                   &pal->ink_muted);
}

/* "Left out: A (expected NPV below zero); B (left out by hand)", or NULL. */
static char *
schedule_left_out (const LoProgramme *pg)
{
  g_autoptr (GString) text = NULL;
  guint listed = 0, more = 0;

  for (guint i = 0; i < pg->processes->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (pg->processes, LoProgrammeProcess, i);

      if (pp->included)
        continue;
      /* two lines hold about ten; the rest are counted */
      if (listed == 10)
        {
          more++;
          continue;
        }
      listed++;
      if (text == NULL)
        /* TRANSLATORS: starts the list of processes the programme leaves out */
        text = g_string_new (_("Left out:"));
      else
        g_string_append_c (text, ';');
      /* TRANSLATORS: a process left out and why: "Exception flagging (expected NPV below zero)" */
      g_string_append_printf (text, _(" %s (%s)"), pp->roi->process->name,
                              lo_programme_reason_label (pp->reason));
    }
  if (more > 0)
    /* TRANSLATORS: ends the list of processes left out */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; and %u more", "; and %u more", more), more);
  return text ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
schedule_marker_t5 (Schedule *s)
{
  const LoPalette *pal = s->p.pal;
  cairo_t *cr = s->p.cr;
  double x;

  if (!isfinite (s->programme->approval_end) || s->programme->approval_end <= 0
      || s->programme->approval_end > s->plot.xmax)
    return;
  x = lo_plot_x (&s->plot, s->programme->approval_end);
  cairo_save (cr);
  cairo_set_dash (cr, dash_dot, 2, 0);
  cairo_set_line_width (cr, 1);
  lo_set_colour (cr, &pal->ink_muted, 1);
  cairo_move_to (cr, round (x) + 0.5, s->plot.y0);
  cairo_line_to (cr, round (x) + 0.5, s->plot.y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
lo_chart_programme_schedule_draw (cairo_t               *cr,
                                  double                 width,
                                  double                 height,
                                  const LoRenderContext *ctx,
                                  const LoProgramme     *programme,
                                  const LoRoadmap       *roadmap)
{
  Schedule s = { .programme = programme, .roadmap = roadmap };
  const LoPalette *pal;
  g_autofree char *left_out = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  double legend_h, note_h = 0, top, bottom, avail;
  guint shown, n_rows;
  LoKey keys[3];

  lo_painter_init (&s.p, cr, width, height, ctx);
  pal = s.p.pal;
  if (programme == NULL || programme->processes->len == 0)
    {
      lo_painter_note (&s.p, no_programme ());
      goto out;
    }
  for (guint i = 0; i < programme->processes->len; i++)
    if (g_array_index (programme->processes, LoProgrammeProcess, i).included)
      g_array_append_val (rows, i);

  keys[0] = (LoKey) { LO_KEY_BOX, &pal->orange, 1, _("Build") };
  keys[1] = (LoKey) { LO_KEY_BOX, &pal->sky, 1, _("People approve each item") };
  keys[2] = (LoKey) { LO_KEY_BOX, &pal->green, 1, _("Exceptions only") };
  legend_h = lo_painter_legend (&s.p, 0, 0, width, keys, G_N_ELEMENTS (keys)) + 4;

  lo_painter_measure (&s.p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &s.th);
  left_out = schedule_left_out (programme);
  if (left_out != NULL)
    lo_painter_measure (&s.p, left_out, LO_TEXT_SMALL, width, 2, NULL, &note_h);
  top = legend_h;
  bottom = height - note_h - (note_h > 0 ? 4 : 0) - 2 * s.th - 8;
  avail = MAX (bottom - top, s.th);
  /* the steps' band and one row per included process, as many as fit */
  n_rows = rows->len + 1;
  s.row_h = MIN (s.th * 2.4, avail / n_rows);
  if (s.row_h < s.th * 1.1)
    s.row_h = s.th * 1.1;
  shown = MIN (rows->len, (guint) MAX (0, floor (avail / s.row_h) - 1));
  if (shown < rows->len && shown > 0)
    shown--; /* room for "+ N more" */
  s.label_w = MIN (width * 0.32, s.p.font * 16);
  s.plot.xmax = schedule_span (programme, roadmap);
  {
    /* the last tick's label is centred on the plot's right end */
    g_autofree char *wide = lo_axis_label (ctx, LO_AXIS_MONTHS, s.plot.xmax, 1);
    double tw;

    lo_painter_measure (&s.p, wide, LO_TEXT_SMALL, 0, 1, &tw, NULL);
    s.plot.x1 = width - tw / 2 - 2;
  }
  s.plot.x0 = s.label_w + 4;
  s.plot.y0 = top;
  s.plot.y1 = top + s.row_h * (1 + shown + (shown < rows->len ? 1 : 0));
  s.plot.xmin = 0;
  s.plot.ymin = 0;
  s.plot.ymax = 1;

  cairo_save (cr);
  schedule_axis (&s);
  schedule_steps (&s, top);
  for (guint k = 0; k < shown; k++)
    schedule_process (&s, &g_array_index (programme->processes, LoProgrammeProcess,
                                          g_array_index (rows, guint, k)),
                      top + s.row_h * (k + 1));
  if (shown < rows->len)
    {
      guint more = rows->len - shown;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "+ %u more process",
                                                            "+ %u more processes", more),
                                               more);

      lo_painter_text (&s.p, s.p.font * 0.6, top + s.row_h * (shown + 1.5), 0, 0.5, text,
                       LO_TEXT_SMALL, s.label_w, 1, &pal->ink_muted);
    }
  schedule_marker_t5 (&s);
  cairo_restore (cr);
  if (left_out != NULL)
    lo_painter_text (&s.p, 0, s.plot.y1 + 2 * s.th + 10, 0, 0, left_out,
                     LO_TEXT_SMALL | LO_TEXT_FORCE, width, 2, &pal->ink_muted);
out:
  lo_painter_clear (&s.p);
}

/* The cash flow */

static guint
low_point (const LoProgramme *pg)
{
  guint at = 0;

  for (guint m = 1; m <= pg->horizon; m++)
    if (pg->cumulative[m] < pg->cumulative[at])
      at = m;
  return at;
}

static void
cash_flow_bars (cairo_t           *cr,
                const LoPlot      *plot,
                const LoProgramme *pg)
{
  double w = (plot->x1 - plot->x0) / (pg->horizon + 1) * 0.7;
  double y0 = lo_plot_y (plot, 0);

  for (guint m = 0; m <= pg->horizon; m++)
    {
      double x = lo_plot_x (plot, m), y = lo_plot_y (plot, pg->cash_flow[m]);

      cairo_rectangle (cr, x - w / 2, MIN (y, y0), MAX (w, 0.5), fabs (y - y0));
    }
}

/* The end of the level-5 step: from there on people approve only the
 * exceptions, and the curve steepens. */
static void
cash_flow_level_5 (LoPainter         *p,
                   const LoPlot      *plot,
                   const LoProgramme *pg)
{
  double x;

  if (!isfinite (pg->approval_end) || pg->approval_end <= 0 || pg->approval_end >= plot->xmax)
    return;
  x = lo_plot_x (plot, pg->approval_end);
  cairo_save (p->cr);
  cairo_set_dash (p->cr, dash_dot, 2, 0);
  cairo_set_line_width (p->cr, 1);
  lo_set_colour (p->cr, &p->pal->ink_muted, 1);
  cairo_move_to (p->cr, round (x) + 0.5, plot->y0);
  cairo_line_to (p->cr, round (x) + 0.5, plot->y1);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
  lo_painter_text (p, x + 3, plot->y0, 0, 0, _("Level 5 reached"), LO_TEXT_SMALL | LO_TEXT_PLATE,
                   0, 1, &p->pal->ink_muted);
}

void
lo_chart_programme_cash_flow_draw (cairo_t               *cr,
                                   double                 width,
                                   double                 height,
                                   const LoRenderContext *ctx,
                                   const LoProgramme     *pg)
{
  const LoFormatter *f = lo_render_formatter (ctx);
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  LoPlot plot;
  LoKey keys[2];
  double lo = 0, hi = 0, legend_h, th;

  lo_painter_init (&p, cr, width, height, ctx);
  if (pg == NULL || pg->n_counted == 0 || pg->cumulative == NULL || pg->horizon == 0)
    {
      lo_painter_note (&p, no_programme ());
      goto out;
    }
  for (guint m = 0; m <= pg->horizon; m++)
    {
      lo = MIN (lo, MIN (pg->cumulative[m], pg->cash_flow[m]));
      hi = MAX (hi, MAX (pg->cumulative[m], pg->cash_flow[m]));
    }
  keys[0] = (LoKey) { LO_KEY_LINE, &pal->blue, 1, _("Cumulative cash flow") };
  keys[1] = (LoKey) { LO_KEY_BOX, &pal->sky, 0.6, _("Each month") };
  legend_h = lo_painter_legend (&p, 0, 0, width, keys, G_N_ELEMENTS (keys)) + 4;
  lo_painter_measure (&p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &th);
  {
    /* TRANSLATORS: the cash-flow chart's y axis title; %s is a currency code */
    g_autofree char *title = g_strdup_printf (_("cash flow, %s"), lo_render_currency (ctx));

    lo_painter_text (&p, 0, legend_h, 0, 0, title, LO_TEXT_SMALL, 0, 1, &pal->ink_muted);
  }
  lo_plot_setup (&p, &plot, 0, legend_h + th + 2, width, height - th - 2, 0, pg->horizon,
                 LO_AXIS_MONTHS, lo, hi, LO_AXIS_MONEY);
  cash_flow_level_5 (&p, &plot, pg);

  cairo_save (cr);
  cairo_rectangle (cr, plot.x0, plot.y0 - 2, plot.x1 - plot.x0, plot.y1 - plot.y0 + 4);
  cairo_clip (cr);
  cash_flow_bars (cr, &plot, pg);
  lo_set_colour (cr, &pal->sky, 0.6);
  cairo_fill (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  lo_chart_curve (cr, &plot, pg->cumulative, pg->horizon + 1);
  lo_set_colour (cr, &pal->blue, 1);
  cairo_set_line_width (cr, 2.2);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (pg->peak_funding > 0)
    {
      guint m = low_point (pg);
      double x = lo_plot_x (&plot, m), y = lo_plot_y (&plot, pg->cumulative[m]);
      g_autofree char *money = lo_formatter_money (f, pg->peak_funding, lo_render_currency (ctx), 0);
      /* TRANSLATORS: chart marker at the programme's lowest cumulative cash */
      g_autofree char *label = g_strdup_printf (_("Peak funding %s"), money);

      cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
      lo_set_colour (cr, &pal->vermillion, 1);
      cairo_fill (cr);
      lo_painter_reserve (&p, x - 4, y - 4, 8, 8);
      lo_chart_marker_label (&p, x, y, label, &pal->vermillion);
    }
  {
    g_autofree char *months = lo_formatter_number (f, pg->payback_months, 1);
    /* TRANSLATORS: chart marker; %s is a number of months */
    g_autofree char *label = g_strdup_printf (_("Payback %s mo"), months);

    lo_chart_payback_marker (&p, &plot, pg->payback_months, label, &pal->blue);
  }
  lo_painter_text (&p, plot.x1, height, 1, 1, _("months from the start of the roadmap"),
                   LO_TEXT_SMALL | LO_TEXT_NOTE, 0, 1, &pal->ink_muted);
out:
  lo_painter_clear (&p);
}

/* Captions */

char *
lo_chart_programme_schedule_caption (const LoRenderContext *ctx,
                                     const LoChartData     *d)
{
  const LoFormatter *f = lo_render_formatter (ctx);
  const LoProgramme *pg = d->programme;
  double first = NAN, last = NAN;
  guint n = 0, left_out = 0;
  int lanes;
  g_autofree char *built = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (pg == NULL)
    return g_strdup (no_programme ());
  for (guint i = 0; i < pg->processes->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (pg->processes, LoProgrammeProcess, i);

      if (!pp->included)
        {
          left_out++;
          continue;
        }
      n++;
      first = isfinite (first) ? MIN (first, pp->start) : pp->start;
      last = isfinite (last) ? MAX (last, pp->go_live) : pp->go_live;
    }
  if (n == 0)
    return g_strdup (no_programme ());
  from = lo_formatter_number (f, first, 1);
  to = lo_formatter_number (f, last, 1);
  lanes = MIN ((int) n, pg->parallel_builds);
  if (lanes <= 1)
    /* TRANSLATORS: "7 processes are built one after another from month 3.0 to month 16.2" */
    built = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u process is built from month %s to month %s",
                                          "%u processes are built one after another from month %s to month %s",
                                          n),
                             n, from, to);
  else
    /* TRANSLATORS: "7 processes are built in 2 lanes from month 3.0 to month 16.2" */
    built = g_strdup_printf (_("%u processes are built in %d lanes from month %s to month %s"),
                             n, lanes, from, to);
  if (left_out > 0)
    {
      g_autofree char *and = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%s; %u is left out",
                                                           "%s; %u are left out", left_out),
                                              built, left_out);
      g_free (built);
      built = g_steal_pointer (&and);
    }
  if (isfinite (pg->approval_end) && pg->approval_end > 0)
    {
      g_autofree char *t5 = lo_formatter_number (f, pg->approval_end, 1);

      /* TRANSLATORS: "…; people approve each automated item until month 36.0." */
      return g_strdup_printf (_("%s; people approve each automated item until month %s."), built, t5);
    }
  if (!isfinite (pg->approval_end))
    return g_strdup_printf (_("%s; people approve each automated item until the company reaches level 5."),
                            built);
  return g_strconcat (built, ".", NULL);
}

char *
lo_chart_programme_cash_flow_caption (const LoRenderContext *ctx,
                                      const LoChartData     *d)
{
  const LoFormatter *f = lo_render_formatter (ctx);
  const LoProgramme *pg = d->programme;
  g_autofree char *peak = NULL;
  g_autofree char *low = NULL;
  g_autofree char *payback = NULL;

  if (pg == NULL || pg->n_counted == 0 || pg->cumulative == NULL)
    return g_strdup (no_programme ());
  if (!isfinite (pg->payback_months))
    {
      peak = lo_formatter_money (f, pg->peak_funding, lo_render_currency (ctx), 0);
      return g_strdup_printf (_("The programme needs %s at its low point and does not pay back within the %u-month horizon."),
                              peak, pg->horizon);
    }
  payback = lo_formatter_number (f, pg->payback_months, 1);
  if (pg->peak_funding <= 0)
    return g_strdup_printf (_("The programme never needs funding and pays back in month %s from the start of the roadmap."),
                            payback);
  peak = lo_formatter_money (f, pg->peak_funding, lo_render_currency (ctx), 0);
  low = lo_formatter_number (f, low_point (pg), 0);
  /* TRANSLATORS: "The programme needs $157,755 at its low point in month 9 and pays back in month 16.2 from the start of the roadmap." */
  return g_strdup_printf (_("The programme needs %s at its low point in month %s and pays back in month %s from the start of the roadmap."),
                          peak, low, payback);
}
