/* test-render-charts.c: every chart at several sizes; radar geometry by pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-svg.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "lo-test-engagements.h"

static LoReportInput *demo_input;

typedef struct
{
  double w, h;
} Size;

static const Size sizes[] = { { 200, 150 }, { 480, 260 }, { 640, 400 }, { 2000, 1500 } };

static void
test_every_chart_every_size (void)
{
  guint n;
  const LoChartInfo *charts = lo_chart_list (&n);
  LoRenderContext ctx;

  lo_render_context_init (&ctx);
  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               (int) sizes[s].w, (int) sizes[s].h);
        cairo_t *cr = cairo_create (surface);
        g_autoptr (GError) error = NULL;
        gboolean ok;

        ok = lo_chart_draw_by_name (cr, charts[i].name, sizes[s].w, sizes[s].h, &ctx,
                                    demo_input, NULL, &error);
        /* the demo has everything but perhaps an earlier assessment */
        if (!ok)
          g_assert_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

static void
test_chart_files (void)
{
  LoRenderContext ctx;
  g_autofree char *dir = g_dir_make_tmp ("lo-chart-XXXXXX", NULL);
  const char *names[] = { "radar", "cashflow", "portfolio", "roadmap", "heatmap" };

  lo_render_context_init (&ctx);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *file = g_strdup_printf ("%s.%s", names[i], k ? "png" : "svg");
        g_autofree char *path = g_build_filename (dir, file, NULL);
        g_autoptr (GError) error = NULL;
        g_autofree char *data = NULL;
        gsize len;

        g_assert_true (lo_chart_write_file (names[i], &ctx, demo_input, NULL, 640, 400, path, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &data, &len, NULL));
        g_assert_cmpuint (len, >, 500);
        if (k)
          g_assert_true (memcmp (data, "\x89PNG", 4) == 0);
        else
          g_assert_nonnull (strstr (data, "<svg"));
        g_unlink (path);
      }
  g_rmdir (dir);
}

static void
test_unknown_chart (void)
{
  LoRenderContext ctx;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  lo_render_context_init (&ctx);
  g_assert_false (lo_chart_draw_by_name (cr, "pie", 10, 10, &ctx, demo_input, NULL, &error));
  g_assert_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_UNKNOWN_CHART);
  g_clear_error (&error);
  g_assert_false (lo_chart_draw_by_name (cr, "cashflow", 10, 10, &ctx, demo_input, "no-such-process", &error));
  g_assert_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Is the pixel at (x, y) Okabe–Ito blue (0, 114, 178)? */
static gboolean
is_blue (cairo_surface_t *surface,
         double           x,
         double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 px = *(const guint32 *) (data + (int) round (y) * stride + (int) round (x) * 4);
  int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

  return abs (r - 0) < 40 && abs (g - 114) < 40 && abs (b - 178) < 40;
}

static void
check_radar (guint         n,
             const double *scores,
             double        width,
             double        height)
{
  LoScore *score = lo_test_score_new (n, scores);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  LoRenderContext ctx;
  double cx, cy, r;

  lo_render_context_init (&ctx);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  lo_chart_radar_draw (cr, width, height, &ctx, score, NULL);
  cairo_surface_flush (surface);
  lo_chart_radar_geometry (width, height, &ctx, &cx, &cy, &r);
  g_assert_cmpfloat (r, >, 20);

  for (guint i = 0; i < n; i++)
    {
      /* a score s on axis i lies at radius r·s/5, angle −90° + 360°·i/n */
      double theta = -G_PI / 2 + 2 * G_PI * i / n;
      double x = cx + r * scores[i] / 5 * cos (theta);
      double y = cy + r * scores[i] / 5 * sin (theta);
      /* further out along the axis than the vertex dot (radius max(2.5, r/40))
       * and the 2 px outline, the pixel is not the vertex's blue */
      double out = MAX (2.5, r / 40) + 6;
      double xo = cx + (r * scores[i] / 5 + out) * cos (theta);
      double yo = cy + (r * scores[i] / 5 + out) * sin (theta);

      g_assert_true (is_blue (surface, x, y));
      g_assert_false (is_blue (surface, xo, yo));
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  lo_test_score_free (score);
}

static void
test_radar_vertices (void)
{
  const double five[] = { 2.4, 2.1, 2.3, 2.7, 3.1 };
  const double three[] = { 1.5, 4.0, 3.0 };
  const double twelve[] = { 1.2, 2.5, 3.5, 4.5, 2.0, 3.0, 1.8, 4.2, 2.2, 3.3, 2.8, 3.9 };

  check_radar (5, five, 600, 400);
  check_radar (5, five, 2000, 1500);
  check_radar (3, three, 500, 500);
  check_radar (12, twelve, 800, 500);
}

static void
test_radar_incomplete (void)
{
  const double scores[] = { 2.4, NAN, 2.3, 2.7 };
  LoScore *score = lo_test_score_new (4, scores);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  cairo_t *cr = cairo_create (surface);
  LoRenderContext ctx;

  lo_render_context_init (&ctx);
  lo_chart_radar_draw (cr, 300, 200, &ctx, score, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  lo_test_score_free (score);
}

/* Palettes */

typedef struct
{
  int r, g, b, a;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 px = *(const guint32 *) (data + y * stride + x * 4);

  return (Pixel) { (px >> 16) & 0xff, (px >> 8) & 0xff, px & 0xff, px >> 24 };
}

/* Rec. 709 luma, 0 … 255 */
static double
luma (Pixel p)
{
  return 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b;
}

static gboolean
is_grey (Pixel p)
{
  return MAX (MAX (p.r, p.g), p.b) - MIN (MIN (p.r, p.g), p.b) < 24;
}

/* Counts the grey pixels (text, axes, rings: the palette's own colours, not
 * the data's) with a luma above @light_above and below @dark_below. */
static void
count_greys (cairo_surface_t *surface,
             double           light_above,
             double           dark_below,
             guint           *light,
             guint           *dark)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);

  *light = *dark = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        Pixel p = pixel_at (surface, x, y);

        if (!is_grey (p))
          continue;
        if (luma (p) > light_above)
          (*light)++;
        else if (luma (p) < dark_below)
          (*dark)++;
      }
}

/* The background: the most frequent colour. */
static Pixel
most_common (cairo_surface_t *surface)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint best = 0;
  Pixel mode = { 0, 0, 0, 0 };

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        Pixel p = pixel_at (surface, x, y);
        guint key = (guint) (p.r << 16 | p.g << 8 | p.b);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (key))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (key), GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            mode = p;
          }
      }
  return mode;
}

static cairo_surface_t *
draw_on_background (const char *chart,
                    gboolean    dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  LoRenderContext ctx;
  g_autoptr (GError) error = NULL;

  lo_render_context_init (&ctx);
  ctx.dark = dark;
  lo_render_paint_background (cr, &ctx);
  g_assert_true (lo_chart_draw_by_name (cr, chart, 640, 400, &ctx, demo_input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_palette_default_light (void)
{
  LoRenderContext ctx;

  memset (&ctx, 0xff, sizeof ctx);
  lo_render_context_init (&ctx);
  g_assert_false (ctx.dark);
}

static void
test_palette_dark (gconstpointer data)
{
  const char *chart = data;
  cairo_surface_t *surface = draw_on_background (chart, TRUE);
  guint light, dark;

  /* The background is libadwaita's dark card, #353535 (luma 53) */
  g_assert_cmpfloat (luma (most_common (surface)), <, 70);
  /* Text is #E8EAED (luma 233) and #A8AEB6 (173), rules #7F8690 (132):
   * many pixels well above the grid's #4C5157 (79); nothing darker than the
   * background, as the paper's ink #1F2328 (34) would be. */
  count_greys (surface, 110, 45, &light, &dark);
  g_test_message ("%u light grey pixels", light);
  g_assert_cmpuint (light, >, 300);
  g_assert_cmpuint (dark, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_palette_light (gconstpointer data)
{
  const char *chart = data;
  cairo_surface_t *surface = draw_on_background (chart, FALSE);
  guint light, dark;

  g_assert_cmpfloat (luma (most_common (surface)), >, 250);
  /* Text is #1F2328 (luma 34) and #5E6570 (100) on white: pixels darker
   * than the rules' #9AA1AA (160), which antialiasing only lightens. */
  count_greys (surface, 255, 140, &light, &dark);
  g_test_message ("%u dark grey pixels", dark);
  g_assert_cmpuint (dark, >, 50);
  cairo_surface_destroy (surface);
}

/* lightsout chart … -o x.png fills its background from the palette too */
static void
test_palette_dark_file (void)
{
  LoRenderContext ctx;
  g_autofree char *dir = g_dir_make_tmp ("lo-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "radar.png", NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;

  lo_render_context_init (&ctx);
  ctx.dark = TRUE;
  g_assert_true (lo_chart_write_file ("radar", &ctx, demo_input, NULL, 640, 400, path, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (luma (most_common (surface)), <, 70);
  cairo_surface_destroy (surface);
  g_unlink (path);
  g_rmdir (dir);
}

/* Heatmap */

/* Paper's level ramp, levels 1 … 5 */
static const Pixel paper_levels[5] = {
  { 0xE4, 0xEE, 0xF7, 255 }, { 0xB1, 0xD0, 0xEA, 255 }, { 0x6A, 0xA7, 0xD6, 255 },
  { 0x2A, 0x73, 0xB0, 255 }, { 0x0D, 0x3F, 0x6E, 255 },
};

static gboolean
same_colour (Pixel a,
             Pixel b)
{
  return abs (a.r - b.r) <= 3 && abs (a.g - b.g) <= 3 && abs (a.b - b.b) <= 3;
}

/* The answer respondent k gives question q in the big assessment: levels
 * 1 … 5 and "don't know" (0) in turn. */
static int
many_answer (guint k,
             guint q)
{
  return (k + 2 * q) % 6;
}

static void
test_heatmap_many (void)
{
  const guint n_r = 2000;
  const double width = 800, height = 1000;
  g_autoptr (GError) error = NULL;
  g_autoptr (LoBank) bank = lo_bank_find_shipped ("lightsout-default", &error);
  LoAssessment *assessment;
  LoScore *score;
  cairo_surface_t *surface;
  cairo_t *cr;
  LoRenderContext ctx;
  gint64 start, elapsed;
  cairo_rectangle_t first, cell;
  const guint sample_k[] = { 0, 1, 2, 777, 1500, 1998, 1999 };
  guint n_q, checked = 0;

  g_assert_no_error (error);
  n_q = bank->questions->len;
  g_assert_cmpuint (n_q, >=, 10);
  assessment = lo_assessment_new ("many", "2026-03-12", bank->id);
  for (guint k = 0; k < n_r; k++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", k);
      g_autofree char *name = g_strdup_printf ("Respondent %u", k + 1);
      LoRespondent *r = lo_assessment_add_respondent (assessment, id, name, NULL);

      for (guint q = 0; q < n_q; q++)
        lo_respondent_set_answer (r, ((LoQuestion *) g_ptr_array_index (bank->questions, q))->id,
                                  many_answer (k, q));
    }
  score = lo_score_compute (bank, assessment, &error);
  g_assert_no_error (error);

  lo_render_context_init (&ctx);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  lo_render_paint_background (cr, &ctx);
  start = g_get_monotonic_time ();
  lo_chart_heatmap_draw (cr, width, height, &ctx, score);
  cairo_surface_flush (surface);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("2,000 × %u heatmap drawn in %.1f ms", n_q, elapsed / 1000.0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC / 2);

  /* The rows are thinner than a pixel: all of them fit */
  g_assert_true (lo_chart_heatmap_cell (width, height, &ctx, score, 0, 0, &first));
  g_assert_cmpfloat (first.height, <, 1);
  g_assert_cmpfloat (first.y + n_r * first.height, <=, height);
  g_assert_false (lo_chart_heatmap_cell (width, height, &ctx, score, n_r, 0, &cell));

  /* A device pixel shows the respondent whose row holds its centre. Sample
   * pixels whose centre is well inside a row, in a few columns. */
  for (guint i = 0; i < G_N_ELEMENTS (sample_k); i++)
    for (guint q = 0; q < n_q; q += 3)
      for (int py = (int) floor (first.y + sample_k[i] * first.height) - 1;
           py <= (int) ceil (first.y + (sample_k[i] + 1) * first.height) + 1; py++)
        {
          double row = (py + 0.5 - first.y) / first.height;
          guint k = (guint) floor (row);
          int v;
          Pixel expected, got;

          if (row < 0 || k >= n_r || row - k < 0.1 || row - k > 0.9)
            continue;
          g_assert_true (lo_chart_heatmap_cell (width, height, &ctx, score, k, q, &cell));
          v = many_answer (k, q);
          expected = v >= 1 ? paper_levels[v - 1] : (Pixel) { 255, 255, 255, 255 };
          got = pixel_at (surface, (int) (cell.x + cell.width / 2), py);
          if (!same_colour (got, expected))
            g_error ("respondent %u question %u (answer %d) at pixel row %d: got #%02x%02x%02x",
                     k, q, v, py, got.r, got.g, got.b);
          checked++;
        }
  g_assert_cmpuint (checked, >=, 20);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  lo_score_unref (score);
  lo_assessment_unref (assessment);
}

/* Twelve respondents: every cell drawn on its own, filled with its level's
 * colour or, without a level, only outlined. */
static void
test_heatmap_few (void)
{
  g_autoptr (LoEngagement) e = lo_test_big_engagement (0, 12, FALSE);
  g_autoptr (LoReportInput) input = lo_test_report_input (e);
  const LoScore *score = input->score;
  GPtrArray *respondents = score->assessment->respondents;
  const double width = 800, height = 600;
  cairo_surface_t *surface;
  cairo_t *cr;
  LoRenderContext ctx;
  guint filled = 0, empty = 0;


  g_assert_cmpuint (respondents->len, ==, 12);
  lo_render_context_init (&ctx);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  lo_render_paint_background (cr, &ctx);
  lo_chart_heatmap_draw (cr, width, height, &ctx, score);
  cairo_surface_flush (surface);

  for (guint k = 0; k < respondents->len; k++)
    for (guint q = 0; q < score->n_questions; q++)
      {
        const LoRespondent *resp = g_ptr_array_index (respondents, k);
        cairo_rectangle_t cell;
        int v = LO_ANSWER_DONT_KNOW;
        Pixel corner;

        g_assert_true (lo_chart_heatmap_cell (width, height, &ctx, score, k, q, &cell));
        /* rows as tall as a line of text at least: names fit */
        g_assert_cmpfloat (cell.height, >=, 10);
        corner = pixel_at (surface, (int) ceil (cell.x + 2), (int) ceil (cell.y + 2));
        if (lo_respondent_get_answer (resp, score->questions[q].question->id, &v) && v >= 1)
          {
            g_assert_true (same_colour (corner, paper_levels[v - 1]));
            filled++;
          }
        else
          {
            /* outlined only: inside the outline is background */
            g_assert_true (same_colour (corner, ((Pixel) { 255, 255, 255, 255 })));
            empty++;
          }
      }
  g_assert_cmpuint (filled, >, 100);
  g_test_message ("%u cells with a level, %u without", filled, empty);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The portfolio's finding names the most ready process by SPEC's rule
 * (readiness, then NPV), also when the build order was set by hand and puts
 * another first: in the demo, invoicing has readiness (4 + 3 + 5) / 3 = 4,
 * the highest, and the highest NPV. */
static void
test_portfolio_caption_custom_order (void)
{
  g_autoptr(LoEngagement) engagement = lo_demo_engagement ();
  g_autoptr(LoReportInput) input = NULL;
  g_autofree char *caption = NULL;
  LoRenderContext ctx;

  for (guint i = 0, j = engagement->processes->len - 1; i < j; i++, j--)
    {
      gpointer t = engagement->processes->pdata[i];

      engagement->processes->pdata[i] = engagement->processes->pdata[j];
      engagement->processes->pdata[j] = t;
    }
  engagement->custom_order = TRUE;
  input = lo_test_report_input (engagement);
  g_assert_cmpstr (((LoProcessRoi *) g_ptr_array_index (input->portfolio->sequence, 0))->process->id,
                   ==, "exception-flagging");
  lo_render_context_init (&ctx);
  caption = lo_chart_caption ("portfolio", &ctx, input, NULL);
  g_assert_cmpstr (caption, ==,
                   "Invoicing and billing (3PL rate logic) is both the most ready to build and the most valuable.");
}

/* The chart table: every chart has a title, a draw and a caption function;
 * without data each draws a note and its caption says what is missing; with
 * the report's data its caption is the one the report prints. */
static void
test_chart_table (void)
{
  g_autoptr(LoEngagement) engagement = lo_test_big_engagement (2, 3, FALSE);
  g_autoptr(LoReportInput) input = lo_test_report_input (engagement);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  LoRenderContext ctx;
  const LoChartInfo *charts;
  guint n = 0;

  lo_render_context_init (&ctx);
  charts = lo_chart_list (&n);
  g_assert_cmpuint (n, ==, 13);
  g_assert_null (lo_chart_lookup ("pie"));
  for (guint i = 0; i < n; i++)
    {
      const LoChartInfo *info = &charts[i];
      cairo_t *cr = cairo_create (surface);
      g_autofree char *empty = NULL;
      g_autofree char *report = NULL;
      g_autofree char *direct = NULL;
      LoChartData data;

      g_assert_true (lo_chart_lookup (info->name) == info);
      g_assert_nonnull (info->title);
      g_assert_nonnull (info->draw);
      g_assert_nonnull (info->caption);

      lo_chart_data_init (&data);
      g_assert_cmpint (data.dimension, ==, -1);
      info->draw (cr, 400, 300, &ctx, &data);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      empty = info->caption (&ctx, &data);
      g_assert_cmpuint (strlen (empty), >, 10);

      /* what the report prints under the chart, for the first process */
      report = lo_chart_caption (info->name, &ctx, input, NULL);
      if (report == NULL)
        {
          g_assert_cmpstr (info->name, ==, "comparison"); /* one assessment: nothing to compare */
          continue;
        }
      data.score = input->score;
      data.previous = input->previous;
      data.roadmap = input->roadmap;
      data.portfolio = input->portfolio;
      data.programme = lo_analysis_get_programme (input->analysis);
      if (info->per_process)
        data.roi = g_ptr_array_index (input->portfolio->sequence, 0);
      direct = info->caption (&ctx, &data);
      g_assert_cmpstr (report, ==, direct);
    }
  cairo_surface_destroy (surface);
}

/* A dimension without answers is not drawn at 0: the polygon goes from its
 * neighbours' vertices straight past it. Four dimensions at 4, the fifth
 * without answers: the chord from vertex 3 to vertex 0 crosses axis 4 at
 * 4/5·r·cos 72° ≈ 0.25 r, so a point on axis 4 at 0.15 r lies inside the
 * filled polygon (bluish); drawn at 0, the outline would turn at the centre
 * and leave that point outside (white). */
static void
test_radar_unanswered (void)
{
  const double scores[] = { 4, 4, 4, 4, NAN };
  LoScore *score = lo_test_score_new (5, scores);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cairo_t *cr = cairo_create (surface);
  LoRenderContext ctx;
  double cx, cy, r, theta, x, y;
  Pixel p;

  lo_render_context_init (&ctx);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  lo_chart_radar_draw (cr, 600, 400, &ctx, score, NULL);
  cairo_surface_flush (surface);
  lo_chart_radar_geometry (600, 400, &ctx, &cx, &cy, &r);
  theta = -G_PI / 2 + 2 * G_PI * 4 / 5;
  /* 3 px beside the spoke, not on its grid line */
  x = cx + 0.15 * r * cos (theta) - 3 * sin (theta);
  y = cy + 0.15 * r * sin (theta) + 3 * cos (theta);
  p = pixel_at (surface, (int) round (x), (int) round (y));
  g_assert_cmpint (p.b - p.r, >, 20);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  lo_test_score_free (score);
}

int
main (int argc, char **argv)
{
  g_autoptr (LoEngagement) demo = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  demo = lo_demo_engagement ();
  demo_input = lo_test_report_input (demo);

  g_test_add_func ("/lo/render/charts/every-size", test_every_chart_every_size);
  g_test_add_func ("/lo/render/charts/table", test_chart_table);
  g_test_add_func ("/lo/render/charts/files", test_chart_files);
  g_test_add_func ("/lo/render/charts/unknown", test_unknown_chart);
  g_test_add_func ("/lo/render/radar/vertices", test_radar_vertices);
  g_test_add_func ("/lo/render/radar/incomplete", test_radar_incomplete);
  g_test_add_func ("/lo/render/radar/unanswered", test_radar_unanswered);
  g_test_add_func ("/lo/render/palette/default-light", test_palette_default_light);
  g_test_add_data_func ("/lo/render/palette/dark/radar", "radar", test_palette_dark);
  g_test_add_data_func ("/lo/render/palette/dark/questions", "questions", test_palette_dark);
  g_test_add_data_func ("/lo/render/palette/dark/tornado", "tornado", test_palette_dark);
  g_test_add_data_func ("/lo/render/palette/light/radar", "radar", test_palette_light);
  g_test_add_data_func ("/lo/render/palette/light/questions", "questions", test_palette_light);
  g_test_add_data_func ("/lo/render/palette/light/tornado", "tornado", test_palette_light);
  g_test_add_func ("/lo/render/palette/dark-file", test_palette_dark_file);
  g_test_add_func ("/lo/render/heatmap/many", test_heatmap_many);
  g_test_add_func ("/lo/render/portfolio/caption-custom-order", test_portfolio_caption_custom_order);
  g_test_add_func ("/lo/render/heatmap/few", test_heatmap_few);
  status = g_test_run ();
  lo_report_input_free (demo_input);
  return status;
}
