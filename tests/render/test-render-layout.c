/* test-render-layout.c: the report's layout rules (issue 15 item 6)
 *
 * Over the demo, a 50-process engagement, German numbers and Letter paper,
 * both editions:
 *   - no table leaves its header and fewer than two rows at a page foot;
 *   - no page is filled to less than 30 % of its text area's height, except
 *     a chapter's last;
 *   - the summary edition has at most six pages;
 *   - no text is cut with "…" (read back with pdftotext).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "lo-test-engagements.h"
#include "lo-report-private.h"

static char *tmpdir;

typedef struct
{
  const char      *name;
  guint            n_processes; /* 0: the demo */
  LoPaper          paper;
  const char      *language;
  LoReportEdition  edition;
} Case;

static void
check_layout (const Case *c)
{
  g_autoptr (LoEngagement) engagement = c->n_processes ? lo_test_big_engagement (c->n_processes, 12, FALSE)
                                                       : lo_demo_engagement ();
  g_autoptr (LoReportInput) input = lo_test_report_input (engagement);
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 3, 12, 9, 30, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoReportLayout) layout = NULL;
  LoReportOptions opts;
  guint n;

  lo_report_options_init (&opts);
  opts.paper = c->paper;
  opts.language = c->language;
  opts.edition = c->edition;
  opts.creation_date = date;
  layout = lo_report_layout_new (input, &opts, &error);
  g_assert_no_error (error);
  n = lo_report_layout_n_pages (layout);
  if (c->edition == LO_REPORT_EDITION_SUMMARY)
    g_assert_cmpuint (n, <=, 6);

  for (guint p = 0; p < n; p++)
    {
      LoReportPageStats stats;

      lo_report_layout_page_stats (layout, p, &stats);
      if (stats.short_table_feet > 0)
        g_error ("%s: page %u leaves a table's header and fewer than two rows at its foot",
                 c->name, p + 1);
      if (stats.fill < 0.30 && !stats.chapter_end)
        g_error ("%s: page %u is only %.0f %% filled and ends no chapter", c->name, p + 1,
                 stats.fill * 100);
    }

  /* nothing cut with an ellipsis */
  {
    g_autofree char *path = g_strdup_printf ("%s/%s.pdf", tmpdir, c->name);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    g_autofree char *text = NULL;

    g_assert_true (lo_report_write_pdf (input, &opts, path, &error));
    g_assert_no_error (error);
    text = lo_test_run (argv, NULL);
    if (text == NULL)
      {
        g_test_message ("pdftotext is missing: the ellipsis check is skipped");
        return;
      }
    if (strstr (text, "…") != NULL)
      {
        const char *at = strstr (text, "…");
        g_autofree char *around = g_strndup (MAX (text, at - 60), MIN (at - text, 60) + 3);
        g_error ("%s: text cut with “…”: %s", c->name, around);
      }
  }
}

static void
test_case (gconstpointer data)
{
  check_layout (data);
}

/* The fonts matched ahead in another thread (lo_report_fonts_new, as the
 * command line does) lay the report out exactly as fonts matched when
 * needed: the same pages, each filled the same, and the same words. */
static void
test_fonts_ahead (void)
{
  g_autoptr (LoEngagement) engagement = lo_demo_engagement ();
  g_autoptr (LoReportInput) input = lo_test_report_input (engagement);
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 3, 12, 9, 30, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoReportLayout) plain = NULL;
  g_autoptr (LoReportLayout) ahead = NULL;
  g_autoptr (LoReportFonts) fonts = lo_report_fonts_new ("de");
  g_autofree char *plain_pdf = g_build_filename (tmpdir, "fonts-plain.pdf", NULL);
  g_autofree char *ahead_pdf = g_build_filename (tmpdir, "fonts-ahead.pdf", NULL);
  const char *plain_argv[] = { "pdftotext", "-enc", "UTF-8", plain_pdf, "-", NULL };
  const char *ahead_argv[] = { "pdftotext", "-enc", "UTF-8", ahead_pdf, "-", NULL };
  g_autofree char *plain_text = NULL;
  g_autofree char *ahead_text = NULL;
  LoReportOptions opts;

  lo_report_options_init (&opts);
  opts.language = "de";
  opts.creation_date = date;
  plain = lo_report_layout_new (input, &opts, &error);
  g_assert_no_error (error);
  g_assert_true (lo_report_write_pdf (input, &opts, plain_pdf, &error));
  g_assert_no_error (error);

  opts.fonts = fonts;
  ahead = lo_report_layout_new (input, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lo_report_layout_n_pages (ahead), ==, lo_report_layout_n_pages (plain));
  for (guint p = 0; p < lo_report_layout_n_pages (plain); p++)
    {
      LoReportPageStats a, b;

      lo_report_layout_page_stats (plain, p, &a);
      lo_report_layout_page_stats (ahead, p, &b);
      g_assert_cmpfloat (a.fill, ==, b.fill);
    }
  /* A second report with the same fonts: the map was taken by the first,
   * so this one matches its own. */
  g_assert_true (lo_report_write_pdf (input, &opts, ahead_pdf, &error));
  g_assert_no_error (error);

  plain_text = lo_test_run (plain_argv, NULL);
  ahead_text = lo_test_run (ahead_argv, NULL);
  if (plain_text == NULL || ahead_text == NULL)
    {
      g_test_message ("pdftotext is missing: the words are not compared");
      return;
    }
  g_assert_cmpstr (ahead_text, ==, plain_text);
}

static const Case cases[] = {
  { "demo-a4", 0, LO_PAPER_A4, "en", LO_REPORT_EDITION_FULL },
  { "demo-letter", 0, LO_PAPER_LETTER, "en", LO_REPORT_EDITION_FULL },
  { "demo-de", 0, LO_PAPER_A4, "de", LO_REPORT_EDITION_FULL },
  { "demo-summary-a4", 0, LO_PAPER_A4, "en", LO_REPORT_EDITION_SUMMARY },
  { "demo-summary-letter-de", 0, LO_PAPER_LETTER, "de", LO_REPORT_EDITION_SUMMARY },
  { "fifty-a4", 50, LO_PAPER_A4, "en", LO_REPORT_EDITION_FULL },
  { "fifty-summary-letter", 50, LO_PAPER_LETTER, "en", LO_REPORT_EDITION_SUMMARY },
};

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("lo-render-layout-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/render/layout/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/lo/render/layout/fonts-ahead", test_fonts_ahead);
  status = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };
    g_free (lo_test_run (rm, NULL));
  }
  return status;
}
