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
  g_test_add_func ("/lo/render/charts/files", test_chart_files);
  g_test_add_func ("/lo/render/charts/unknown", test_unknown_chart);
  g_test_add_func ("/lo/render/radar/vertices", test_radar_vertices);
  g_test_add_func ("/lo/render/radar/incomplete", test_radar_incomplete);
  status = g_test_run ();
  lo_report_input_free (demo_input);
  return status;
}
