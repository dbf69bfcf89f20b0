/* lo-charts-maturity.c: radar, per-question bars and the answers heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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

/* The polygon through the values; an axis whose value is not finite (a
 * dimension without answers) is skipped, not drawn at 0. */
static void
radar_polygon (cairo_t *cr, double cx, double cy, double r, guint n,
               const double *values)
{
  gboolean started = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      if (!isfinite (values[i]))
        continue;
      radar_point (cx, cy, r, i, n, values[i], &x, &y);
      if (!started)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      started = TRUE;
    }
  if (started)
    cairo_close_path (cr);
}

/* The rings at each level, the spokes and the level numbers along the
 * first spoke. */
static void
radar_grid (LoPainter *p,
            double     cx,
            double     cy,
            double     r,
            guint      n)
{
  cairo_t *cr = p->cr;
  const LoPalette *pal = p->pal;

  cairo_set_line_width (cr, 0.6);
  for (int level = 1; level <= 5; level++)
    {
      g_autofree double *ring = g_new (double, n);

      for (guint i = 0; i < n; i++)
        ring[i] = level;
      radar_polygon (cr, cx, cy, r, n, ring);
      lo_set_colour (cr, level == 5 ? &pal->rule : &pal->grid, 1);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, r, i, n, 5, &x, &y);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
    }
  lo_set_colour (cr, &pal->grid, 1);
  cairo_stroke (cr);

  /* Level numbers along the first spoke */
  for (int level = 1; level <= 5; level++)
    {
      char s[4];
      double x, y;

      g_snprintf (s, sizeof s, "%d", level);
      radar_point (cx, cy, r, 0, n, level, &x, &y);
      lo_painter_text (p, x + 2, y, 0, 0.5, s, LO_TEXT_SMALL, 0, 1, &pal->ink_muted);
    }
}

/* Each axis's label, the dimension's name and score, outside the level-5
 * ring. */
static void
radar_labels (LoPainter     *p,
              const LoScore *score,
              double         cx,
              double         cy,
              double         r)
{
  const LoPalette *pal = p->pal;
  const LoRenderContext *ctx = p->ctx;
  guint n = score->n_dimensions;

  for (guint i = 0; i < n; i++)
    {
      const LoDimensionScore *d = &score->dimensions[i];
      double theta = -G_PI / 2 + 2 * G_PI * i / n;
      double c = cos (theta), s = sin (theta);
      double lx = cx + (r + p->font * 0.8) * c;
      double ly = cy + (r + p->font * 0.8) * s;
      double ax = fabs (c) < 0.2 ? 0.5 : (c > 0 ? 0 : 1);
      double ay = fabs (s) < 0.2 ? 0.5 : (s > 0 ? 0 : 1);
      double room = ax == 0.5 ? MIN (p->width * 0.4, 2 * r / MAX (2, n / 2.0) + p->font * 6)
                              : (ax == 0 ? p->width - lx : lx);
      g_autofree char *num = NULL;
      g_autofree char *label = NULL;

      if (d->has_score)
        num = lo_formatter_number (lo_render_formatter (ctx), d->score, 1);
      else
        num = g_strdup (d->answered == 0 ? _("no answers") : _("no score"));
      label = g_strdup_printf ("%s\n%s", LO_BANK_TEXT (score->bank, d->dimension->name), num);
      if (!lo_painter_text (p, lx, ly, ax, ay, label, LO_TEXT_SMALL, room, 3, &pal->ink))
        lo_painter_text (p, lx, ly, ax, ay, num, LO_TEXT_SMALL, room, 1, &pal->ink);
    }
}

void
lo_chart_radar_draw (cairo_t               *cr,
                     double                 width,
                     double                 height,
                     const LoRenderContext *ctx,
                     const LoScore         *score,
                     const LoScore         *previous)
{
  const LoPalette *pal = lo_render_palette (ctx);
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

      current[i] = d->has_score ? CLAMP (d->score, 0, 5) : NAN;
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
  radar_grid (&p, cx, cy, r, n);

  /* Previous assessment */
  if (previous)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < n; i++)
        all = all && isfinite (before[i]);
      if (all)
        {
          radar_polygon (cr, cx, cy, r, n, before);
          lo_set_colour (cr, &pal->sky, 0.18);
          cairo_fill_preserve (cr);
          lo_set_colour (cr, &pal->sky, 1);
          cairo_set_line_width (cr, 1.6);
          cairo_stroke (cr);
        }
    }

  /* Current scores */
  radar_polygon (cr, cx, cy, r, n, current);
  lo_set_colour (cr, &pal->blue, 0.22);
  cairo_fill_preserve (cr);
  lo_set_colour (cr, &pal->blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  /* Target outline */
  if (!previous)
    {
      radar_polygon (cr, cx, cy, r, n, target);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5);
      lo_set_colour (cr, &pal->orange, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Vertices */
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      if (score->dimensions[i].has_score)
        {
          radar_point (cx, cy, r, i, n, current[i], &x, &y);
          cairo_arc (cr, x, y, MAX (2.5, r / 40), 0, 2 * G_PI);
          lo_set_colour (cr, &pal->blue, 1);
          cairo_fill (cr);
        }
      else
        {
          /* hollow, on the axis's outer ring: no answers, not a score of 0 */
          radar_point (cx, cy, r, i, n, 5, &x, &y);
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, MAX (2.5, r / 40), 0, 2 * G_PI);
          lo_set_colour (cr, &pal->vermillion, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);

  radar_labels (&p, score, cx, cy, r);

  /* Legend */
  {
    LoKey keys[3];
    guint nk = 0;
    double lw;

    keys[nk++] = (LoKey) { LO_KEY_BOX, &pal->blue, 0.5,
                           previous ? _("This assessment") : _("Current score") };
    if (previous)
      keys[nk++] = (LoKey) { LO_KEY_BOX, &pal->sky, 0.6, _("Previous assessment") };
    else
      keys[nk++] = (LoKey) { LO_KEY_DASH, &pal->orange, 1, _("Target level") };
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
  const LoPalette *pal = lo_render_palette (ctx);
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
  label_w = MIN (width * 0.45, MAX (width * 0.2, p.font * 16));
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

      lo_set_colour (cr, level == 0 ? &pal->rule : &pal->grid, 1);
      cairo_move_to (cr, round (x) + 0.3, top);
      cairo_line_to (cr, round (x) + 0.3, bottom);
      cairo_stroke (cr);
      if (level > 0)
        {
          g_snprintf (s, sizeof s, "%d", level);
          lo_painter_text (&p, x, bottom + 3, 0.5, 0, s, LO_TEXT_SMALL, 0, 1, &pal->ink_muted);
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
                           LO_TEXT_BOLD | LO_TEXT_SMALL, width * 0.9, 1, &pal->ink);
          continue;
        }

      {
        const LoQuestionScore *qs = &score->questions[row->index];
        const char *text = LO_BANK_TEXT (score->bank, qs->question->text);

        if (qs->contested)
          {
            lo_set_colour (cr, &pal->vermillion, 0.10);
            cairo_rectangle (cr, 0, y + 0.5, width, row_h - 1);
            cairo_fill (cr);
          }
        if (row_h >= th * 0.95)
          /* as many lines as the row holds, up to four: a question is read whole */
          lo_painter_text (&p, 0, cy, 0, 0.5, text, LO_TEXT_SMALL,
                           label_w, CLAMP ((int) (row_h / (th * 1.05)), 1, 4), &pal->ink);

        if (qs->state == LO_QUESTION_ANSWERED)
          {
            double bx = x0 + (x1 - x0) * qs->combined / 5;

            lo_set_colour (cr, &pal->sky, 1);
            cairo_rectangle (cr, x0, cy - bar_h / 2, bx - x0, bar_h);
            cairo_fill (cr);
          }
        else
          {
            lo_painter_text (&p, x0 + 4, cy, 0, 0.5,
                             qs->state == LO_QUESTION_NA ? _("not applicable") : _("nobody knew"),
                             LO_TEXT_SMALL | LO_TEXT_NOTE, x1 - x0, 1, &pal->ink_muted);
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
                lo_set_colour (cr, qs->contested ? &pal->vermillion : &pal->blue, 1);
                cairo_fill_preserve (cr);
                lo_set_colour (cr, &pal->background, 1);
                cairo_set_line_width (cr, 0.5);
                cairo_stroke (cr);
              }
          }
        if (row_h >= th * 0.95 && qs->state == LO_QUESTION_ANSWERED)
          {
            g_autofree char *num = lo_formatter_number (lo_render_formatter (ctx), qs->combined, 1);
            lo_painter_text (&p, x1 + 4, cy, 0, 0.5, num,
                             qs->contested ? LO_TEXT_SMALL | LO_TEXT_BOLD : LO_TEXT_SMALL,
                             0, 1, qs->contested ? &pal->vermillion : &pal->ink);
          }
      }
    }
  cairo_restore (cr);

  {
    LoKey keys[] = {
      { LO_KEY_BOX, &pal->sky, 1, _("Combined answer") },
      { LO_KEY_DOT, &pal->blue, 1, _("One respondent") },
      { LO_KEY_BOX, &pal->vermillion, 0.25, _("Contested (spread ≥ 2)") },
    };
    lo_painter_legend (&p, 0, height - legend_h + 2, width, keys, G_N_ELEMENTS (keys));
  }
  lo_painter_clear (&p);
}

/* Heatmap: respondents × questions */

/* The tallest image of answers drawn: beyond it rows are sampled. */
#define HEATMAP_MAX_IMAGE_ROWS 16384

typedef struct
{
  double   th;        /* height of a small text line */
  double   name_w;    /* the column left of the cells */
  double   gap;       /* between dimensions */
  double   x0, y0;    /* the first cell's corner */
  double   cell_w, cell_h;
  double   legend_h;
  double   caption_h; /* the "N respondents" line under the cells, or 0 */
  gboolean many;      /* more than LO_HEATMAP_NAMED_ROWS rows: cells as one image */
  gboolean named;     /* rows carry the respondents' names */
} HeatmapLayout;

static const char *
respondent_label (const LoRespondent *resp)
{
  return resp->name ? resp->name : resp->id;
}

static void
heatmap_layout (LoPainter      *p,
                const LoScore  *score,
                HeatmapLayout  *L)
{
  GPtrArray *respondents = score->assessment->respondents;
  guint n_q = score->n_questions, n_r = respondents->len, n_d = score->n_dimensions;
  double width = p->width, height = p->height, header_h, name_w = 0;

  memset (L, 0, sizeof *L);
  lo_painter_measure (p, "Ag", LO_TEXT_SMALL, 0, 1, NULL, &L->th);
  L->legend_h = L->th * 1.8;
  /* the dimension names over their columns, in up to two lines */
  header_h = L->th * 3.4;
  L->many = n_r > LO_HEATMAP_NAMED_ROWS;
  /* Names need rows at least as tall as their text; a few dozen
   * respondents on a tall canvas keep them. */
  L->named = !L->many || (height - header_h - L->legend_h - 4) / n_r >= L->th * 0.9;
  if (L->named)
    {
      for (guint k = 0; k < n_r; k++)
        {
          double w;

          lo_painter_measure (p, respondent_label (g_ptr_array_index (respondents, k)),
                              LO_TEXT_SMALL, 0, 1, &w, NULL);
          name_w = MAX (name_w, w);
        }
    }
  else
    {
      g_autofree char *widest = lo_formatter_number (lo_render_formatter (p->ctx), n_r, 0);

      lo_painter_measure (p, widest, LO_TEXT_SMALL, 0, 1, &name_w, NULL);
      L->caption_h = L->th * 1.4;
    }
  L->name_w = MIN (name_w + 6, width * 0.25);
  L->gap = MAX (2, width * 0.008);
  L->x0 = L->name_w;
  L->y0 = header_h;
  L->cell_w = (width - L->x0 - L->gap * (n_d - 1)) / n_q;
  L->cell_h = MIN ((height - L->y0 - L->legend_h - L->caption_h - 4) / n_r,
                   MAX (L->cell_w * 1.1, L->th * 1.3));
}

static double
heatmap_cell_x (const HeatmapLayout *L,
                const LoScore       *score,
                guint                q)
{
  return L->x0 + q * L->cell_w + score->questions[q].question->dimension * L->gap;
}

/* One cell per answer, one pixel per cell: a level's colour, or clear
 * where no level was given. */
static cairo_surface_t *
heatmap_image (const LoScore   *score,
               const LoPalette *pal,
               guint            rows)
{
  GPtrArray *respondents = score->assessment->respondents;
  g_autoptr (GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  guint32 colours[LO_N_LEVELS];
  cairo_surface_t *image;
  guint8 *data;
  int stride;

  for (int level = 1; level <= LO_N_LEVELS; level++)
    {
      const LoColour *c = lo_palette_level (pal, level);

      colours[level - 1] = 0xff000000u | (guint32) lround (c->r * 255) << 16 |
                           (guint32) lround (c->g * 255) << 8 | (guint32) lround (c->b * 255);
    }
  for (guint q = 0; q < score->n_questions; q++)
    g_hash_table_insert (columns, score->questions[q].question->id, GUINT_TO_POINTER (q + 1));

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, score->n_questions, rows);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    return image;
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (guint row = 0; row < rows; row++)
    {
      const LoRespondent *resp = g_ptr_array_index (respondents,
                                                    (guint64) row * respondents->len / rows);
      guint32 *line = (guint32 *) (data + (gsize) row * stride);

      for (guint i = 0; i < resp->answers->len; i++)
        {
          const LoAnswer *a = &g_array_index (resp->answers, LoAnswer, i);
          guint q = GPOINTER_TO_UINT (g_hash_table_lookup (columns, a->question));

          if (q > 0 && a->value >= 1 && a->value <= LO_N_LEVELS)
            line[q - 1] = colours[a->value - 1];
        }
    }
  cairo_surface_mark_dirty (image);
  return image;
}

/* Many respondents: the cells are one image, scaled up without smoothing,
 * painted once per run of questions of one dimension (the gaps between
 * dimensions are not in the image). */
static void
heatmap_paint_cells (cairo_t             *cr,
                     const HeatmapLayout *L,
                     const LoScore       *score,
                     const LoPalette     *pal)
{
  guint n_r = score->assessment->respondents->len;
  guint rows = MIN (n_r, HEATMAP_MAX_IMAGE_ROWS);
  g_autoptr (cairo_surface_t) image = NULL;
  cairo_pattern_t *pattern;

  if (L->cell_w <= 0 || L->cell_h <= 0)
    return;
  image = heatmap_image (score, pal, rows);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    return;
  pattern = cairo_pattern_create_for_surface (image);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_save (cr);
  for (guint q0 = 0, q1; q0 < score->n_questions; q0 = q1)
    {
      guint d = score->questions[q0].question->dimension;
      double x = heatmap_cell_x (L, score, q0);
      cairo_matrix_t m;

      for (q1 = q0 + 1; q1 < score->n_questions && score->questions[q1].question->dimension == d; q1++)
        ;
      /* user space → image: column q0 starts at x, row k at y0 + k·cell_h */
      cairo_matrix_init_scale (&m, 1 / L->cell_w, rows / (n_r * L->cell_h));
      cairo_matrix_translate (&m, -(x - q0 * L->cell_w), -L->y0);
      cairo_pattern_set_matrix (pattern, &m);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, x, L->y0, (q1 - q0) * L->cell_w, n_r * L->cell_h);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
}

/* Few respondents: each cell drawn, with its answer written in it when it
 * fits. */
static void
heatmap_draw_cells (LoPainter           *p,
                    const HeatmapLayout *L,
                    const LoScore       *score)
{
  cairo_t *cr = p->cr;
  const LoPalette *pal = p->pal;
  GPtrArray *respondents = score->assessment->respondents;
  double th = L->th, cell_w = L->cell_w, cell_h = L->cell_h;

  for (guint k = 0; k < respondents->len; k++)
    {
      const LoRespondent *resp = g_ptr_array_index (respondents, k);
      double y = L->y0 + k * cell_h;

      for (guint q = 0; q < score->n_questions; q++)
        {
          const LoQuestionScore *qs = &score->questions[q];
          double x = heatmap_cell_x (L, score, q);
          int v = LO_ANSWER_DONT_KNOW;
          gboolean has = lo_respondent_get_answer (resp, qs->question->id, &v);

          if (has && v >= 1 && v <= 5)
            {
              lo_set_colour (cr, lo_palette_level (pal, v), 1);
              cairo_rectangle (cr, x + 0.5, y + 0.5, cell_w - 1, cell_h - 1);
              cairo_fill (cr);
              if (cell_w >= th * 1.1 && cell_h >= th)
                {
                  char s[4];
                  g_snprintf (s, sizeof s, "%d", v);
                  lo_painter_text (p, x + cell_w / 2, y + cell_h / 2, 0.5, 0.5, s,
                                   LO_TEXT_SMALL | LO_TEXT_NOTE | LO_TEXT_FORCE, 0, 1,
                                   lo_palette_on_level (pal, v));
                }
            }
          else
            {
              lo_set_colour (cr, &pal->grid, 1);
              cairo_set_line_width (cr, 0.5);
              cairo_rectangle (cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
              cairo_stroke (cr);
              if (cell_w >= th * 1.1 && cell_h >= th)
                lo_painter_text (p, x + cell_w / 2, y + cell_h / 2, 0.5, 0.5,
                                 has && v == LO_ANSWER_NA ? "–" : "?",
                                 LO_TEXT_SMALL | LO_TEXT_NOTE | LO_TEXT_FORCE, 0, 1,
                                 &pal->ink_muted);
            }
        }
    }
}

/* Rows too thin for names: respondent numbers at round steps, and how many
 * there are under the cells. */
static void
heatmap_draw_axis (LoPainter           *p,
                   const HeatmapLayout *L,
                   guint                n_r)
{
  cairo_t *cr = p->cr;
  double grid_h = n_r * L->cell_h, first, last, step;
  int max_ticks = CLAMP ((int) (grid_h / (L->th * 3)), 2, 10);
  g_autofree char *count = lo_formatter_number (lo_render_formatter (p->ctx), n_r, 0);
  g_autofree char *caption = NULL;

  step = MAX (1, lo_render_nice_ticks (1, n_r, max_ticks, &first, &last));
  cairo_save (cr);
  lo_set_colour (cr, &p->pal->rule, 1);
  cairo_set_line_width (cr, 0.6);
  for (double m = step; m <= n_r + 0.5; m += step)
    {
      double y = L->y0 + (m - 0.5) * L->cell_h;
      g_autofree char *s = lo_formatter_number (lo_render_formatter (p->ctx), m, 0);

      cairo_move_to (cr, L->x0 - 3, round (y) + 0.3);
      cairo_line_to (cr, L->x0 - 0.5, round (y) + 0.3);
      cairo_stroke (cr);
      lo_painter_text (p, L->x0 - 4, y, 1, 0.5, s, LO_TEXT_SMALL, 0, 1, &p->pal->ink_muted);
    }
  cairo_restore (cr);
  lo_painter_text (p, L->x0 - 4, L->y0 + 0.5 * L->cell_h, 1, 0.5, "1", LO_TEXT_SMALL, 0, 1,
                   &p->pal->ink_muted);

  /* TRANSLATORS: under the heatmap when its rows are too thin for names;
   * %s is a number such as "2,000" */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s respondent, one row each",
                                          "%s respondents, one row each", n_r),
                             count);
  lo_painter_text (p, L->x0, L->y0 + grid_h + 3, 0, 0, caption, LO_TEXT_SMALL, 0, 1,
                   &p->pal->ink_muted);
}

void
lo_chart_heatmap_draw (cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const LoRenderContext *ctx,
                       const LoScore         *score)
{
  const LoPalette *pal = lo_render_palette (ctx);
  LoPainter p;
  HeatmapLayout L;
  GPtrArray *respondents;
  double th, cell_w, cell_h, x0, y0, legend_h;
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
  heatmap_layout (&p, score, &L);
  th = L.th;
  cell_w = L.cell_w;
  cell_h = L.cell_h;
  x0 = L.x0;
  y0 = L.y0;
  legend_h = L.legend_h;

  cairo_save (cr);
  if (L.named)
    for (guint k = 0; k < n_r; k++)
      if (cell_h >= th * 0.9)
        lo_painter_text (&p, 0, y0 + k * cell_h + cell_h / 2, 0, 0.5,
                         respondent_label (g_ptr_array_index (respondents, k)),
                         LO_TEXT_SMALL, L.name_w - 4, 1, &pal->ink);
  if (L.many)
    heatmap_paint_cells (cr, &L, score, pal);
  else
    heatmap_draw_cells (&p, &L, score);
  if (!L.named)
    heatmap_draw_axis (&p, &L, n_r);

  /* Dimension headers and contested marks */
  for (guint d = 0; d < n_d; d++)
    {
      const LoDimension *dim = g_ptr_array_index (score->bank->dimensions, d);
      double gx0 = -1, gx1 = 0;

      for (guint q = 0; q < n_q; q++)
        if (score->questions[q].question->dimension == d)
          {
            double x = x0 + q * cell_w + d * L.gap;
            if (gx0 < 0)
              gx0 = x;
            gx1 = x + cell_w;
            if (score->questions[q].contested)
              {
                lo_set_colour (cr, &pal->vermillion, 1);
                cairo_move_to (cr, x + cell_w / 2, y0 - 2);
                cairo_line_to (cr, x + cell_w / 2 - 3, y0 - 7);
                cairo_line_to (cr, x + cell_w / 2 + 3, y0 - 7);
                cairo_close_path (cr);
                cairo_fill (cr);
              }
          }
      if (gx0 < 0)
        continue;
      lo_set_colour (cr, &pal->rule, 1);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, gx0, th * 2.3);
      cairo_line_to (cr, gx1, th * 2.3);
      cairo_stroke (cr);
      lo_painter_text (&p, (gx0 + gx1) / 2, th * 2.2, 0.5, 1, LO_BANK_TEXT (score->bank, dim->name),
                       LO_TEXT_SMALL | LO_TEXT_BOLD, gx1 - gx0, 2, &pal->ink);
    }
  cairo_restore (cr);

  /* Legend: levels and the marks */
  {
    double lx = 0, ly = MIN (height - legend_h + 3, y0 + n_r * cell_h + L.caption_h + 6), sw = th;
    LoKey keys[] = {
      { LO_KEY_BOX, &pal->grid, 1, _("? don't know, – not applicable") },
      { LO_KEY_BOX, &pal->vermillion, 1, _("contested") },
    };

    /* The image leaves those cells blank: no outline, no mark. */
    if (L.many)
      keys[0] = (LoKey) { LO_KEY_BOX, &pal->background, 1, _("blank: don't know or not applicable") };
    for (int level = 1; level <= 5; level++)
      {
        char s[4];
        g_snprintf (s, sizeof s, "%d", level);
        lo_set_colour (cr, lo_palette_level (pal, level), 1);
        cairo_rectangle (cr, lx, ly, sw * 1.4, th);
        cairo_fill (cr);
        lo_painter_text (&p, lx + sw * 0.7, ly + th / 2, 0.5, 0.5, s,
                         LO_TEXT_SMALL | LO_TEXT_FORCE | LO_TEXT_NOTE, 0, 1,
                         lo_palette_on_level (pal, level));
        lx += sw * 1.4;
      }
    lo_painter_reserve (&p, 0, ly, lx, th);
    lo_painter_legend (&p, lx + sw, ly, width - lx - sw, keys, G_N_ELEMENTS (keys));
  }
  lo_painter_clear (&p);
}

gboolean
lo_chart_heatmap_cell (double                 width,
                       double                 height,
                       const LoRenderContext *ctx,
                       const LoScore         *score,
                       guint                  respondent,
                       guint                  question,
                       cairo_rectangle_t     *cell)
{
  g_autoptr (cairo_surface_t) surface = NULL;
  g_autoptr (cairo_t) cr = NULL;
  LoPainter p;
  HeatmapLayout L;

  g_return_val_if_fail (cell != NULL, FALSE);

  if (score == NULL || score->assessment == NULL || score->n_questions == 0 ||
      respondent >= score->assessment->respondents->len || question >= score->n_questions)
    return FALSE;
  /* Only text is measured, and metrics are unhinted: any surface will do. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  lo_painter_init (&p, cr, width, height, ctx);
  heatmap_layout (&p, score, &L);
  lo_painter_clear (&p);
  cell->x = heatmap_cell_x (&L, score, question);
  cell->y = L.y0 + respondent * L.cell_h;
  cell->width = L.cell_w;
  cell->height = L.cell_h;
  return TRUE;
}
