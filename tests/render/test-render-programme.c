/* test-render-programme.c: the programme's schedule and cash-flow charts
 * draw, keep their words whole and inside the chart, and say their finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lo-test-engagements.h"

static LoReportInput *demo_input;
static char *tmpdir;

static const char *charts[] = { "programme-schedule", "programme-cash-flow" };

/* How many pixels of a chart drawn on a transparent canvas are not. */
static guint
drawn_pixels (const char *name,
              double      width,
              double      height,
              gboolean    dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GError) error = NULL;
  LoRenderContext ctx;
  const guint8 *data;
  int stride;
  guint n = 0;

  lo_render_context_init (&ctx);
  ctx.dark = dark;
  g_assert_true (lo_chart_draw_by_name (cr, name, width, height, &ctx, demo_input, NULL, &error));
  g_assert_no_error (error);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < (int) height; y++)
    for (int x = 0; x < (int) width; x++)
      n += data[y * stride + x * 4 + 3] != 0;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_draws (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      /* a chart, not a note: a good share of a 640 × 400 canvas is ink */
      g_assert_cmpuint (drawn_pixels (charts[i], 640, 400, FALSE), >, 640 * 400 / 20);
      g_assert_cmpuint (drawn_pixels (charts[i], 640, 400, TRUE), >, 640 * 400 / 20);
      g_assert_cmpuint (drawn_pixels (charts[i], 200, 150, FALSE), >, 0);
      g_assert_cmpuint (drawn_pixels (charts[i], 2000, 1500, FALSE), >, 0);
    }
}

static char *
write_pdf (const char *name,
           double      width,
           double      height)
{
  g_autofree char *file = g_strdup_printf ("%s-%.0f.pdf", name, width);
  char *path = g_build_filename (tmpdir, file, NULL);
  g_autoptr (GError) error = NULL;
  LoRenderContext ctx;

  lo_render_context_init (&ctx);
  g_assert_true (lo_chart_write_file (name, &ctx, demo_input, NULL, width, height, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The chart's words as pdftotext reads them, runs of white space made one
 * space; NULL without poppler-utils. */
static char *
chart_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = lo_test_run (argv, NULL);
  g_auto (GStrv) words = NULL;

  if (out == NULL)
    return NULL;
  words = g_regex_split_simple ("\\s+", out, 0, 0);
  return g_strjoinv (" ", words);
}

/* Every word pdftotext finds lies on the chart's canvas. */
static guint
assert_words_inside (const char *path,
                     double      width,
                     double      height)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *html = lo_test_run (argv, NULL);
  g_autoptr (GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" yMax=\"([0-9.-]+)\">([^<]*)</word>", 0, 0, NULL);
  g_autoptr (GMatchInfo) m = NULL;
  guint words = 0;

  g_assert_nonnull (html);
  g_regex_match (word_re, html, 0, &m);
  while (g_match_info_matches (m))
    {
      g_autofree char *x0 = g_match_info_fetch (m, 1);
      g_autofree char *y0 = g_match_info_fetch (m, 2);
      g_autofree char *x1 = g_match_info_fetch (m, 3);
      g_autofree char *y1 = g_match_info_fetch (m, 4);
      g_autofree char *word = g_match_info_fetch (m, 5);

      if (g_ascii_strtod (x0, NULL) < -0.5 || g_ascii_strtod (y0, NULL) < -0.5
          || g_ascii_strtod (x1, NULL) > width + 0.5 || g_ascii_strtod (y1, NULL) > height + 0.5)
        g_error ("%s: “%s” at (%s, %s)–(%s, %s) leaves the %.0f × %.0f chart",
                 path, word, x0, y0, x1, y1, width, height);
      words++;
      g_match_info_next (m, NULL);
    }
  return words;
}

static void
test_words (void)
{
  static const double sizes[][2] = { { 640, 400 }, { 360, 260 }, { 1000, 700 } };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autofree char *path = write_pdf (charts[i], sizes[s][0], sizes[s][1]);
        g_autofree char *text = chart_text (path);

        if (text == NULL)
          {
            g_test_skip ("pdftotext (poppler-utils) missing");
            return;
          }
        g_assert_cmpuint (assert_words_inside (path, sizes[s][0], sizes[s][1]), >, 8);
        /* multi-word labels keep their spaces */
        g_assert_nonnull (strstr (text, "months from the start of the roadmap"));
        if (i == 0)
          {
            g_assert_nonnull (strstr (text, "People approve each item"));
            g_assert_nonnull (strstr (text, "Exceptions only"));
          }
        else
          g_assert_nonnull (strstr (text, "Peak funding"));
        g_unlink (path);
      }
}

/* The demo leaves its money-losing process out: the schedule names it with
 * its reason. */
static void
test_schedule_left_out (void)
{
  LoProgramme *pg = lo_analysis_get_programme (demo_input->analysis);
  g_autofree char *path = write_pdf ("programme-schedule", 900, 500);
  g_autofree char *text = chart_text (path);
  guint left_out = 0;

  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) missing");
      return;
    }
  for (guint i = 0; i < pg->processes->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (pg->processes, LoProgrammeProcess, i);
      g_autofree char *item = g_strdup_printf ("%s (%s)", pp->roi->process->name, pp->reason);

      if (pp->included)
        g_assert_nonnull (strstr (text, pp->roi->process->name));
      else
        {
          left_out++;
          g_assert_nonnull (strstr (text, item));
        }
    }
  if (left_out > 0)
    g_assert_nonnull (strstr (text, "Left out:"));
  g_unlink (path);
}

/* A programme built by hand: two processes, one lane. The captions say
 * the peak funding, its month and the payback, worked out here from the
 * flows. */
static void
test_captions (void)
{
  LoRenderContext ctx;
  LoChartData data;
  LoProgramme pg = { 0 };
  double flows[13] = { -50000, -20000, 5000, 9000, 12000, 15000, 15000, 15000, 15000, 15000, 15000, 15000, 15000 };
  double cumulative[13];
  g_autofree char *cash = NULL;
  g_autofree char *none = NULL;

  lo_render_context_init (&ctx);
  lo_chart_data_init (&data);
  pg.horizon = 12;
  pg.cash_flow = flows;
  pg.cumulative = cumulative;
  pg.n_counted = 2;
  pg.processes = g_array_new (FALSE, TRUE, sizeof (LoProgrammeProcess));
  for (guint m = 0; m <= 12; m++)
    cumulative[m] = flows[m] + (m ? cumulative[m - 1] : 0);
  /* C: −50000 −70000 −65000 −56000 −44000 −29000 −14000 1000 …: the low
   * point is month 1 at $70,000; C₆ = −14000 and CF₇ = 15000, so payback is
   * 6 + 14000/15000 = 6.93… months */
  pg.peak_funding = 70000;
  pg.payback_months = 6 + 14000.0 / 15000;
  data.programme = &pg;
  cash = lo_chart_lookup ("programme-cash-flow")->caption (&ctx, &data);
  g_assert_cmpstr (cash, ==, "The programme needs $70,000 at its low point in month 1 "
                             "and pays back in month 6.9 from the start of the roadmap.");
  pg.n_counted = 0;
  none = lo_chart_lookup ("programme-cash-flow")->caption (&ctx, &data);
  g_assert_cmpstr (none, ==, "No process is counted in the programme yet.");
  g_array_unref (pg.processes);
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
  tmpdir = g_dir_make_tmp ("lo-programme-chart-XXXXXX", NULL);

  g_test_add_func ("/lo/render/programme/draws", test_draws);
  g_test_add_func ("/lo/render/programme/words", test_words);
  g_test_add_func ("/lo/render/programme/left-out", test_schedule_left_out);
  g_test_add_func ("/lo/render/programme/captions", test_captions);
  status = g_test_run ();
  lo_report_input_free (demo_input);
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
