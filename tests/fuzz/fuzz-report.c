/* fuzz-report.c: every engagement the reader accepts also renders
 *
 * The bytes go through the .lightsout reader; what it accepts is scored,
 * modelled (Monte Carlo with a few draws) and written as the PDF report, and
 * every chart is drawn. Nothing may crash, and the report is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "lo-io.h"
#include "lo-render.h"
#include "lo-fuzz.h"

/* Few draws: the model is fuzzed for its shape, not its statistics. */
#define FUZZ_DRAWS 64

static char *out_dir;

static void
remove_out_dir (void)
{
  g_autofree char *path = g_build_filename (out_dir, "report.pdf", NULL);

  g_unlink (path);
  g_rmdir (out_dir);
  g_clear_pointer (&out_dir, g_free);
}

static void
draw_charts (const LoReportInput *input)
{
  LoRenderContext ctx;
  const LoChartInfo *charts;
  guint n_charts = 0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 160);
  cairo_t *cr = cairo_create (surface);

  lo_render_context_init (&ctx);
  charts = lo_chart_list (&n_charts);
  for (guint i = 0; i < n_charts; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *caption = NULL;

      cairo_save (cr);
      if (!lo_chart_draw_by_name (cr, charts[i].name, 240, 160, &ctx, input, NULL, &error))
        g_assert_nonnull (error);
      cairo_restore (cr);
      caption = lo_chart_caption (charts[i].name, &ctx, input, NULL);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(LoReportInput) input = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *path = NULL;
  LoReportOptions opts;
  LoAssessment *latest;

  if (out_dir == NULL)
    {
      out_dir = g_dir_make_tmp ("lo-fuzz-report-XXXXXX", NULL);
      g_assert_nonnull (out_dir);
      atexit (remove_out_dir);
    }

  engagement = lo_engagement_read_bytes (bytes, "fuzz.lightsout", NULL, &error);
  if (engagement == NULL)
    return 0;

  latest = lo_engagement_latest_assessment (engagement);
  if (latest != NULL)
    {
      /* As the command line does without --bank: the shipped bank it names. */
      bank = lo_bank_find_shipped_edition (latest->bank, latest->bank_edition, &error);
      if (bank == NULL)
        return 0;
    }

  {
    LoAnalysisOptions options = { FUZZ_DRAWS, 1, LO_ANALYSIS_NONE };
    g_autoptr(LoAnalysis) analysis = lo_analysis_new (engagement, lo_analysis_lookup_fixed_bank,
                                                      bank, NULL, &options, NULL, &error);

    input = analysis != NULL ? lo_report_input_new (analysis, &error) : NULL;
  }
  if (input == NULL)
    {
      /* A refusal must say why; the reader should have caught it, though. */
      g_assert_nonnull (error);
      return 0;
    }

  draw_charts (input);

  lo_report_options_init (&opts);
  date = g_date_time_new_utc (2026, 3, 12, 9, 0, 0);
  opts.creation_date = date;
  path = g_build_filename (out_dir, "report.pdf", NULL);
  if (!lo_report_write_pdf (input, &opts, path, &error))
    g_error ("an accepted engagement does not render: %s", error->message);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
  return 0;
}
