/* lo-charts-maturity.c: radar, per-question bars and the answers heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lo-render-private.h"

static double
chart_font (double                 width,
            double                 height,
            const LoRenderContext *ctx)
{
  double base = ctx && ctx->font_size > 0 ? ctx->font_size : 8.5;

  return MIN (base, MAX (5.5, MIN (width, height) / 18));
}

void
lo_chart_radar_geometry (double                 width,
                         double                 height,
                         const LoRenderContext *ctx,
                         double                *cx,
                         double                *cy,
                         double                *radius)
{
  double f = chart_font (width, height, ctx);
  double legend_h = f * 2.2;
  double room_x = MAX (f * 7, width * 0.17);
  double room_y = f * 3.2;
  double avail_h = height - legend_h;
  double r = MIN (width / 2 - room_x, avail_h / 2 - room_y);

  r = MAX (r, MIN (width, avail_h) * 0.18);
  *cx = width / 2;
  *cy = avail_h / 2;
  *radius = r;
}

static void
radar_point (double cx, double cy, double r, guint i, guint n, double value,
             double *x, double *y)
{
  double theta = -G_PI / 2 + 2 * G_PI * i / n;

  *x = cx + r * value / 5 * cos (theta);
  *y = cy + r * value / 5 * sin (theta);
}

static void
radar_polygon (cairo_t *cr, double cx, double cy, double r, guint n,
               const double *values)
{
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, r, i, n, values[i], &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

void
lo_chart_radar_draw (cairo_t               *cr,
                     double                 width,
                     double                 height,
                     const LoRenderContext *ctx,
                     const LoScore         *score,
                     const LoScore         *previous)
{
  LoPainter p;
  double cx, cy, r;
  guint n;
  g_autofree double *current = NULL;
  g_autofree double *target = NULL;
  g_autofree double *before = NULL;
  double dash[] = { 4, 3 };

  lo_painter_init (&p, cr, width, height, ctx);
  if (score == NULL || score->n_dimensions < 3)
    {
      lo_painter_note (&p, score == NULL ? _("No assessment yet")
                                         : _("A radar needs at least three dimensions"));
      lo_painter_clear (&p);
      return;
    }

  n = score->n_dimensions;
  lo_chart_radar_geometry (width, height, ctx, &cx, &cy, &r);
  current = g_new0 (double, n);
  target = g_new0 (double, n);
  before = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    {
      const LoDimensionScore *d = &score->dimensions[i];

      current[i] = d->has_score ? CLAMP (d->score, 0, 5) : 0;
      target[i] = d->target > 0 ? d->target : MIN (5, MAX (1, d->level + 1));
      before[i] = NAN;
      if (previous)
        {
          for (guint k = 0; k < previous->n_dimensions; k++)
            {
              const LoDimensionScore *pd = &previous->dimensions[k];
              if (g_strcmp0 (pd->dimension->id, d->dimension->id) == 0 && pd->has_score)
                before[i] = CLAMP (pd->score, 0, 5);
            }
        }
    }

  cairo_save (cr);
  /* Rings at each level and spokes */
  cairo_set_line_width (cr, 0.6);
  for (int level = 1; level <= 5; level++)
    {
      g_autofree double *ring = g_new (double, n);

      for (guint i = 0; i < n; i++)
        ring[i] = level;
      radar_polygon (cr, cx, cy, r, n, ring);
      lo_set_colour (cr, level == 5 ? &lo_rule : &lo_grid, 1);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, r, i, n, 5, &x, &y);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
    }
  lo_set_colour (cr, &lo_grid, 1);
  cairo_stroke (cr);

  /* Level numbers along the first spoke */
  for (int level = 1; level <= 5; level++)
    {
      char s[4];
      double x, y;

      g_snprintf (s, sizeof s, "%d", level);
      radar_point (cx, cy, r, 0, n, level, &x, &y);
      lo_painter_text (&p, x + 2, y, 0, 0.5, s, LO_TEXT_SMALL, 0, 1, &lo_ink_muted);
    }

  /* Previous assessment */
  if (previous)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < n; i++)
        all = all && isfinite (before[i]);
      if (all)
        {
          radar_polygon (cr, cx, cy, r, n, before);
          lo_set_colour (cr, &lo_oi_sky, 0.18);
          cairo_fill_preserve (cr);
          lo_set_colour (cr, &lo_oi_sky, 1);
          cairo_set_line_width (cr, 1.6);
          cairo_stroke (cr);
        }
    }

  /* Current scores */
  radar_polygon (cr, cx, cy, r, n, current);
  lo_set_colour (cr, &lo_oi_blue, 0.22);
  cairo_fill_preserve (cr);
  lo_set_colour (cr, &lo_oi_blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  /* Target outline */
  if (!previous)
    {
      radar_polygon (cr, cx, cy, r, n, target);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5);
      lo_set_colour (cr, &lo_oi_orange, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Vertices */
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, r, i, n, current[i], &x, &y);
      if (score->dimensions[i].has_score)
        {
          cairo_arc (cr, x, y, MAX (2.5, r / 40), 0, 2 * G_PI);
          lo_set_colour (cr, &lo_oi_blue, 1);
          cairo_fill (cr);
        }
      else
        {
          cairo_arc (cr, cx, cy, MAX (2.5, r / 40), 0, 2 * G_PI);
          lo_set_colour (cr, &lo_oi_vermillion, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);

  /* Axis labels: name and score, outside the level-5 ring */
  for (guint i = 0; i < n; i++)
    {
      const LoDimensionScore *d = &score->dimensions[i];
      double theta = -G_PI / 2 + 2 * G_PI * i / n;
      double c = cos (theta), s = sin (theta);
      double lx = cx + (r + p.font * 0.8) * c;
      double ly = cy + (r + p.font * 0.8) * s;
      double ax = fabs (c) < 0.2 ? 0.5 : (c > 0 ? 0 : 1);
      double ay = fabs (s) < 0.2 ? 0.5 : (s > 0 ? 0 : 1);
      double room = ax == 0.5 ? MIN (width * 0.4, 2 * r / MAX (2, n / 2.0) + p.font * 6)
                              : (ax == 0 ? width - lx : lx);
      g_autofree char *num = NULL;
      g_autofree char *label = NULL;

      num = d->has_score ? lo_render_format_number (ctx, d->score, 1) : g_strdup (_("no score"));
      label = g_strdup_printf ("%s\n%s", LO_BANK_TEXT (score->bank, d->dimension->name), num);
      if (!lo_painter_text (&p, lx, ly, ax, ay, label, LO_TEXT_SMALL, room, 3, &lo_ink))
        lo_painter_text (&p, lx, ly, ax, ay, num, LO_TEXT_SMALL, room, 1, &lo_ink);
    }

  /* Legend */
  {
    LoKey keys[3];
    guint nk = 0;
    double lw;

    keys[nk++] = (LoKey) { LO_KEY_BOX, &lo_oi_blue, 0.5,
                           previous ? _("This assessment") : _("Current score") };
    if (previous)
      keys[nk++] = (LoKey) { LO_KEY_BOX, &lo_oi_sky, 0.6, _("Previous assessment") };
    else
      keys[nk++] = (LoKey) { LO_KEY_DASH, &lo_oi_orange, 1, _("Target level") };
    lw = MIN (width, p.font * 24);
    lo_painter_legend (&p, (width - lw) / 2, height - p.font * 1.8, lw, keys, nk);
  }
  lo_painter_clear (&p);
}

/* Per-question bars */

typedef struct
{
  gboolean is_group;
  guint    index;   /* dimension or question index */
} Row;

void
lo_chart_questions_draw (cairo_t               *cr,
                         double                 width,
                         double                 height,
                         const LoRenderContext *ctx,
                         const LoScore         *score,
                         int                    dimension)
{
  LoPainter p;
  g_autoptr (GArray) rows = NULL;
  double label_w, x0, x1, top, bottom, row_h, th, legend_h;
  GPtrArray *respondents;

  lo_painter_init (&p, cr, width, height, ctx);
  if (score == NULL || score->n_questions == 0)
    {
      lo_painter_note (&p, _("No assessment yet"));
      lo_painter_clear (&p);
      return;
    }

  rows = g_array_new (FALSE, FALSE, sizeof (Row));
  for (guint d = 0; d < score->n_dimensions; d++)
    {
      Row g = { TRUE, d };

      if (dimension >= 0 && (guint) dimension != d)
        continue;
      if (dimension < 0)
        g_array_append_val (rows, g);
      for (guint q = 0; q < score->n_questions; q++)
        if (score->questions[q].question->dimension == d)
          {
            Row r = { FALSE, q };
            g_array_append_val (rows, r);
          }
    }

  lo_painter_measure (&p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &th);
  legend_h = th * 1.6;
  top = 0;
  bottom = height - legend_h - th - 6;
  row_h = (bottom - top) / MAX (1, rows->len);
  label_w = MIN (width * 0.38, MAX (width * 0.2, p.font * 16));
  x0 = label_w + 6;
  x1 = width - p.font * 4.5;
  respondents = score->assessment ? score->assessment->respondents : NULL;

  cairo_save (cr);
  /* Level grid 1 … 5 */
  cairo_set_line_width (cr, 0.6);
  for (int level = 0; level <= 5; level++)
    {
      double x = x0 + (x1 - x0) * level / 5;
      char s[4];

      lo_set_colour (cr, level == 0 ? &lo_rule : &lo_grid, 1);
      cairo_move_to (cr, round (x) + 0.3, top);
      cairo_line_to (cr, round (x) + 0.3, bottom);
      cairo_stroke (cr);
      if (level > 0)
        {
          g_snprintf (s, sizeof s, "%d", level);
          lo_painter_text (&p, x, bottom + 3, 0.5, 0, s, LO_TEXT_SMALL, 0, 1, &lo_ink_muted);
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      double y = top + i * row_h;
      double bar_h = MIN (row_h * 0.55, p.font * 1.4);
      double cy = y + row_h / 2;

      if (row->is_group)
        {
          const LoDimension *dim = g_ptr_array_index (score->bank->dimensions, row->index);
          lo_painter_text (&p, 0, cy, 0, 0.5, LO_BANK_TEXT (score->bank, dim->name),
                           LO_TEXT_BOLD | LO_TEXT_SMALL, width * 0.9, 1, &lo_ink);
          continue;
        }

      {
        const LoQuestionScore *qs = &score->questions[row->index];
        const char *text = LO_BANK_TEXT (score->bank, qs->question->text);

        if (qs->contested)
          {
            lo_set_colour (cr, &lo_oi_vermillion, 0.10);
            cairo_rectangle (cr, 0, y + 0.5, width, row_h - 1);
            cairo_fill (cr);
          }
        if (row_h >= th * 0.95)
          lo_painter_text (&p, 0, cy, 0, 0.5, text, LO_TEXT_SMALL,
                           label_w, row_h >= th * 2.1 ? 2 : 1, &lo_ink);

        if (qs->state == LO_QUESTION_ANSWERED)
          {
            double bx = x0 + (x1 - x0) * qs->combined / 5;

            lo_set_colour (cr, &lo_oi_sky, 1);
            cairo_rectangle (cr, x0, cy - bar_h / 2, bx - x0, bar_h);
            cairo_fill (cr);
          }
        else
          {
            lo_painter_text (&p, x0 + 4, cy, 0, 0.5,
                             qs->state == LO_QUESTION_NA ? _("not applicable") : _("nobody knew"),
                             LO_TEXT_SMALL | LO_TEXT_NOTE, x1 - x0, 1, &lo_ink_muted);
          }

        /* Each respondent's answer: dots stacked where answers coincide */
        if (respondents && qs->n_given > 0)
          {
            int count[6] = { 0 };
            double dot = MAX (1.2, MIN (bar_h * 0.28, p.font * 0.32));

            for (guint k = 0; k < respondents->len; k++)
              {
                const LoRespondent *resp = g_ptr_array_index (respondents, k);
                int v;
                double dx;

                if (!lo_respondent_get_answer (resp, qs->question->id, &v) || v < 1 || v > 5)
                  continue;
                dx = (count[v] % 2 == 0 ? 1 : -1) * ((count[v] + 1) / 2) * dot * 1.2;
                count[v]++;
                cairo_arc (cr, x0 + (x1 - x0) * v / 5, cy + dx, dot, 0, 2 * G_PI);
                lo_set_colour (cr, qs->contested ? &lo_oi_vermillion : &lo_oi_blue, 1);
                cairo_fill_preserve (cr);
                cairo_set_source_rgb (cr, 1, 1, 1);
                cairo_set_line_width (cr, 0.5);
                cairo_stroke (cr);
              }
          }
        if (row_h >= th * 0.95 && qs->state == LO_QUESTION_ANSWERED)
          {
            g_autofree char *num = lo_render_format_number (ctx, qs->combined, 1);
            lo_painter_text (&p, x1 + 4, cy, 0, 0.5, num,
                             qs->contested ? LO_TEXT_SMALL | LO_TEXT_BOLD : LO_TEXT_SMALL,
                             0, 1, qs->contested ? &lo_oi_vermillion : &lo_ink);
          }
      }
    }
  cairo_restore (cr);

  {
    LoKey keys[] = {
      { LO_KEY_BOX, &lo_oi_sky, 1, _("Combined answer") },
      { LO_KEY_DOT, &lo_oi_blue, 1, _("One respondent") },
      { LO_KEY_BOX, &lo_oi_vermillion, 0.25, _("Contested (spread ≥ 2)") },
    };
    lo_painter_legend (&p, 0, height - legend_h + 2, width, keys, G_N_ELEMENTS (keys));
  }
  lo_painter_clear (&p);
}

/* Heatmap: respondents × questions */

void
lo_chart_heatmap_draw (cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const LoRenderContext *ctx,
                       const LoScore         *score)
{
  LoPainter p;
  GPtrArray *respondents;
  double th, name_w = 0, gap, cell_w, cell_h, x0, y0, legend_h, header_h;
  guint n_q, n_r, n_d;

  lo_painter_init (&p, cr, width, height, ctx);
  respondents = score && score->assessment ? score->assessment->respondents : NULL;
  if (score == NULL || respondents == NULL || respondents->len == 0 || score->n_questions == 0)
    {
      lo_painter_note (&p, _("No answers yet"));
      lo_painter_clear (&p);
      return;
    }

  n_q = score->n_questions;
  n_r = respondents->len;
  n_d = score->n_dimensions;
  lo_painter_measure (&p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &th);
  for (guint k = 0; k < n_r; k++)
    {
      const LoRespondent *resp = g_ptr_array_index (respondents, k);
      double w;

      lo_painter_measure (&p, resp->name ? resp->name : resp->id, LO_TEXT_SMALL, 0, 1, &w, NULL);
      name_w = MAX (name_w, w);
    }
  name_w = MIN (name_w + 6, width * 0.25);
  legend_h = th * 1.8;
  header_h = th * 2.4;
  gap = MAX (2, width * 0.008);
  x0 = name_w;
  y0 = header_h;
  cell_w = (width - x0 - gap * (n_d - 1)) / n_q;
  cell_h = MIN ((height - y0 - legend_h - 4) / n_r, MAX (cell_w * 1.1, th * 1.3));

  cairo_save (cr);
  for (guint k = 0; k < n_r; k++)
    {
      const LoRespondent *resp = g_ptr_array_index (respondents, k);
      double y = y0 + k * cell_h;

      if (cell_h >= th * 0.9)
        lo_painter_text (&p, 0, y + cell_h / 2, 0, 0.5, resp->name ? resp->name : resp->id,
                         LO_TEXT_SMALL, name_w - 4, 1, &lo_ink);
      for (guint q = 0; q < n_q; q++)
        {
          const LoQuestionScore *qs = &score->questions[q];
          double x = x0 + q * cell_w + qs->question->dimension * gap;
          int v = LO_ANSWER_DONT_KNOW;
          gboolean has = lo_respondent_get_answer (resp, qs->question->id, &v);

          if (has && v >= 1 && v <= 5)
            {
              lo_set_colour (cr, lo_level_colour (v), 1);
              cairo_rectangle (cr, x + 0.5, y + 0.5, cell_w - 1, cell_h - 1);
              cairo_fill (cr);
              if (cell_w >= th * 1.1 && cell_h >= th)
                {
                  char s[4];
                  g_snprintf (s, sizeof s, "%d", v);
                  lo_painter_text (&p, x + cell_w / 2, y + cell_h / 2, 0.5, 0.5, s,
                                   LO_TEXT_SMALL | LO_TEXT_NOTE | LO_TEXT_FORCE, 0, 1,
                                   v >= 4 ? &(LoColour) { 1, 1, 1 } : &lo_ink);
                }
            }
          else
            {
              lo_set_colour (cr, &lo_grid, 1);
              cairo_set_line_width (cr, 0.5);
              cairo_rectangle (cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
              cairo_stroke (cr);
              if (cell_w >= th * 1.1 && cell_h >= th)
                lo_painter_text (&p, x + cell_w / 2, y + cell_h / 2, 0.5, 0.5,
                                 has && v == LO_ANSWER_NA ? "–" : "?",
                                 LO_TEXT_SMALL | LO_TEXT_NOTE | LO_TEXT_FORCE, 0, 1,
                                 &lo_ink_muted);
            }
        }
    }

  /* Dimension headers and contested marks */
  for (guint d = 0; d < n_d; d++)
    {
      const LoDimension *dim = g_ptr_array_index (score->bank->dimensions, d);
      double gx0 = -1, gx1 = 0;

      for (guint q = 0; q < n_q; q++)
        if (score->questions[q].question->dimension == d)
          {
            double x = x0 + q * cell_w + d * gap;
            if (gx0 < 0)
              gx0 = x;
            gx1 = x + cell_w;
            if (score->questions[q].contested)
              {
                lo_set_colour (cr, &lo_oi_vermillion, 1);
                cairo_move_to (cr, x + cell_w / 2, y0 - 2);
                cairo_line_to (cr, x + cell_w / 2 - 3, y0 - 7);
                cairo_line_to (cr, x + cell_w / 2 + 3, y0 - 7);
                cairo_close_path (cr);
                cairo_fill (cr);
              }
          }
      if (gx0 < 0)
        continue;
      lo_set_colour (cr, &lo_rule, 1);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, gx0, th * 1.25);
      cairo_line_to (cr, gx1, th * 1.25);
      cairo_stroke (cr);
      lo_painter_text (&p, (gx0 + gx1) / 2, 0, 0.5, 0, LO_BANK_TEXT (score->bank, dim->name),
                       LO_TEXT_SMALL | LO_TEXT_BOLD, gx1 - gx0, 1, &lo_ink);
    }
  cairo_restore (cr);

  /* Legend: levels and the marks */
  {
    double lx = 0, ly = MIN (height - legend_h + 3, y0 + n_r * cell_h + 6), sw = th;
    LoKey keys[] = {
      { LO_KEY_BOX, &lo_grid, 1, _("? don't know, – not applicable") },
      { LO_KEY_BOX, &lo_oi_vermillion, 1, _("contested") },
    };

    for (int level = 1; level <= 5; level++)
      {
        char s[4];
        g_snprintf (s, sizeof s, "%d", level);
        lo_set_colour (cr, lo_level_colour (level), 1);
        cairo_rectangle (cr, lx, ly, sw * 1.4, th);
        cairo_fill (cr);
        lo_painter_text (&p, lx + sw * 0.7, ly + th / 2, 0.5, 0.5, s,
                         LO_TEXT_SMALL | LO_TEXT_FORCE | LO_TEXT_NOTE, 0, 1,
                         level >= 4 ? &(LoColour) { 1, 1, 1 } : &lo_ink);
        lx += sw * 1.4;
      }
    lo_painter_reserve (&p, 0, ly, lx, th);
    lo_painter_legend (&p, lx + sw, ly, width - lx - sw, keys, G_N_ELEMENTS (keys));
  }
  lo_painter_clear (&p);
}
