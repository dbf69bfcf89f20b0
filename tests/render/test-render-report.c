/* test-render-report.c: the PDF report, read back with poppler-utils
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lo-test-engagements.h"

static char *tmpdir;

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 3, 12, 9, 30, 0);
}

/* Writes the report of @engagement and returns its path. */
static char *
write_report (LoEngagement *engagement,
              LoPaper       paper,
              const char   *name)
{
  g_autoptr (LoReportInput) input = lo_test_report_input (engagement);
  g_autoptr (GDateTime) date = fixed_date ();
  g_autoptr (GError) error = NULL;
  LoReportOptions opts;
  char *path = g_build_filename (tmpdir, name, NULL);

  lo_report_options_init (&opts);
  opts.paper = paper;
  opts.consultant = "Dana Reyes";
  opts.creation_date = date;
  g_assert_true (lo_report_write_pdf (input, &opts, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The PDF's text with all runs of white space made one space. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = lo_test_run (argv, NULL);
  g_auto (GStrv) words = NULL;

  if (out == NULL)
    return NULL;
  words = g_regex_split_simple ("\\s+", out, 0, 0);
  return g_strjoinv (" ", words);
}

/* Binary search for @needle in @data: g_strstr_len stops at NUL bytes. */
static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  return lo_test_run (argv, NULL);
}

static guint
pdf_pages (const char *info)
{
  const char *p = strstr (info, "Pages:");
  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + 6 + strspn (p + 6, " "), NULL, 10);
}

#define SKIP_WITHOUT_POPPLER(x)                                 \
  if ((x) == NULL)                                              \
    {                                                           \
      g_test_skip ("pdftotext/pdfinfo (poppler-utils) missing"); \
      return;                                                   \
    }

static void
test_demo_report (void)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoReportInput) input = lo_test_report_input (demo);
  g_autofree char *path = write_report (demo, LO_PAPER_A4, "demo.pdf");
  g_autofree char *text = pdf_text (path);
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  const LoProcessRoi *invoicing = NULL;
  gsize len;
  guint pages;

  SKIP_WITHOUT_POPPLER (text);
  info = pdf_info (path);

  /* cover, summary, ≥ 5 dimension pages, roadmap, 7 processes on their own
   * pages, portfolio, appendix: at least 15, and a short document stays short */
  pages = pdf_pages (info);
  g_assert_cmpuint (pages, >=, 15);
  g_assert_cmpuint (pages, <=, 45);

  g_assert_nonnull (strstr (text, "Harbor Logistics"));
  g_assert_cmpint (input->score->overall_level, >=, 1);
  g_assert_nonnull (strstr (text, lo_bank_text (input->bank, input->bank->levels[input->score->overall_level - 1].name)));
  for (guint d = 0; d < input->bank->dimensions->len; d++)
    {
      const LoDimension *dim = g_ptr_array_index (input->bank->dimensions, d);
      g_assert_nonnull (strstr (text, dim->name));
    }
  for (guint i = 0; i < demo->processes->len; i++)
    {
      const LoProcess *p = g_ptr_array_index (demo->processes, i);
      g_assert_nonnull (strstr (text, p->name));
      if (g_str_equal (p->id, "invoicing"))
        for (guint k = 0; k < input->portfolio->processes->len; k++)
          if (((LoProcessRoi *) g_ptr_array_index (input->portfolio->processes, k))->process->id &&
              g_str_equal (((LoProcessRoi *) g_ptr_array_index (input->portfolio->processes, k))->process->id, "invoicing"))
            invoicing = g_ptr_array_index (input->portfolio->processes, k);
    }
  g_assert_nonnull (invoicing);
  {
    g_autofree char *payback = lo_formatter_months (lo_formatter_lookup ("en"), invoicing->expected.payback_months);
    g_assert_true (isfinite (invoicing->expected.payback_months));
    g_assert_nonnull (strstr (text, payback));
  }

  /* metadata */
  g_assert_nonnull (strstr (info, "Title:           AI maturity roadmap: Harbor Logistics"));
  g_assert_nonnull (strstr (info, "Author:          Dana Reyes"));
  g_assert_nonnull (strstr (info, "Subject:"));
  g_assert_nonnull (strstr (info, "CreationDate:    Thu Mar 12 09:30:00 2026"));
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));

  /* outline: an /Outlines dictionary with the section titles */
  g_assert_true (g_file_get_contents (path, &raw, &len, NULL));
  g_assert_true (contains_bytes (raw, len, "/Outlines"));
  g_assert_true (contains_bytes (raw, len, "/Title (Summary)"));
  g_assert_true (contains_bytes (raw, len, "/Title (Appendix: definitions and answers)"));
  g_assert_true (contains_bytes (raw, len, "/Title (Next steps)"));
  g_assert_true (contains_bytes (raw, len, "/PageLabels"));
}

/* Every word of every page lies inside the page's text area (plus a little
 * for rounding): nothing runs off the page. */
static void
assert_inside_margins (const char *path,
                       double      margin)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *html = lo_test_run (argv, NULL);
  g_autoptr (GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  g_autoptr (GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" yMax=\"([0-9.-]+)\">([^<]*)</word>", 0, 0, NULL);
  g_autoptr (GMatchInfo) m = NULL;
  double page_w = 0, page_h = 0;
  guint words = 0;

  g_assert_nonnull (html);
  g_regex_match (page_re, html, 0, &m);
  g_assert_true (g_match_info_matches (m));
  {
    g_autofree char *w = g_match_info_fetch (m, 1);
    g_autofree char *h = g_match_info_fetch (m, 2);

    page_w = g_ascii_strtod (w, NULL);
    page_h = g_ascii_strtod (h, NULL);
  }
  g_clear_pointer (&m, g_match_info_free);

  g_regex_match (word_re, html, 0, &m);
  while (g_match_info_matches (m))
    {
      g_autofree char *x0 = g_match_info_fetch (m, 1);
      g_autofree char *y0 = g_match_info_fetch (m, 2);
      g_autofree char *x1 = g_match_info_fetch (m, 3);
      g_autofree char *y1 = g_match_info_fetch (m, 4);
      g_autofree char *word = g_match_info_fetch (m, 5);
      double xmin = g_ascii_strtod (x0, NULL), xmax = g_ascii_strtod (x1, NULL);
      double ymin = g_ascii_strtod (y0, NULL), ymax = g_ascii_strtod (y1, NULL);

      if (xmin < margin - 2 || xmax > page_w - margin + 2 || ymin < 0 || ymax > page_h - 10)
        g_error ("“%s” at (%.1f, %.1f)–(%.1f, %.1f) runs outside the text area of a %.0f × %.0f page",
                 word, xmin, ymin, xmax, ymax, page_w, page_h);
      words++;
      g_match_info_next (m, NULL);
    }
  g_assert_cmpuint (words, >, 1000);
}

static void
test_big_report (void)
{
  g_autoptr (LoEngagement) big = lo_test_big_engagement (50, 12, TRUE);
  g_autofree char *path = write_report (big, LO_PAPER_LETTER, "big.pdf");
  g_autofree char *text = pdf_text (path);
  g_autofree char *info = NULL;

  SKIP_WITHOUT_POPPLER (text);
  info = pdf_info (path);
  g_assert_nonnull (strstr (info, "(letter)"));
  g_assert_cmpuint (pdf_pages (info), >, 50);
  for (guint i = 0; i < big->processes->len; i++)
    g_assert_nonnull (strstr (text, ((LoProcess *) g_ptr_array_index (big->processes, i))->name));
  g_assert_nonnull (strstr (text, "R12"));
  /* 22 mm margins */
  assert_inside_margins (path, 22 * 72 / 25.4);
}

static void
test_no_assessment (void)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoEngagement) e = lo_engagement_copy (demo);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_set_size (e->assessments, 0);
  path = write_report (e, LO_PAPER_A4, "none.pdf");
  text = pdf_text (path);
  SKIP_WITHOUT_POPPLER (text);
  g_assert_nonnull (strstr (text, "has no assessment yet"));
  g_assert_null (strstr (text, "Maturity by dimension"));
  g_assert_nonnull (strstr (text, "Portfolio and sequence"));
}

static void
test_incomplete (void)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoEngagement) e = lo_engagement_copy (demo);
  LoAssessment *a = lo_engagement_latest_assessment (e);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* nobody answers the data questions */
  for (guint k = 0; k < a->respondents->len; k++)
    {
      LoRespondent *r = g_ptr_array_index (a->respondents, k);
      for (guint j = r->answers->len; j-- > 0;)
        if (g_str_has_prefix (g_array_index (r->answers, LoAnswer, j).question, "data."))
          g_array_remove_index (r->answers, j);
    }
  path = write_report (e, LO_PAPER_A4, "incomplete.pdf");
  text = pdf_text (path);
  SKIP_WITHOUT_POPPLER (text);
  g_assert_nonnull (strstr (text, "The assessment is incomplete"));
  g_assert_nonnull (strstr (text, "No roadmap yet"));
  g_assert_null (strstr (text, "Step 1:"));
}

static void
test_level_five (void)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoEngagement) e = lo_engagement_copy (demo);
  LoAssessment *a = lo_engagement_latest_assessment (e);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  for (guint k = 0; k < a->respondents->len; k++)
    {
      LoRespondent *r = g_ptr_array_index (a->respondents, k);
      for (guint j = 0; j < r->answers->len; j++)
        g_array_index (r->answers, LoAnswer, j).value = 5;
    }
  path = write_report (e, LO_PAPER_A4, "five.pdf");
  text = pdf_text (path);
  SKIP_WITHOUT_POPPLER (text);
  g_assert_nonnull (strstr (text, "Sustain level 5"));
}

static void
test_comparison (void)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoEngagement) e = lo_engagement_copy (demo);
  LoAssessment *latest = lo_engagement_latest_assessment (e);
  LoAssessment *earlier = lo_assessment_copy (latest);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_free (earlier->id);
  earlier->id = g_strdup ("earlier");
  g_free (earlier->date);
  earlier->date = g_strdup ("2025-03-01");
  for (guint k = 0; k < earlier->respondents->len; k++)
    {
      LoRespondent *r = g_ptr_array_index (earlier->respondents, k);
      for (guint j = 0; j < r->answers->len; j++)
        {
          LoAnswer *ans = &g_array_index (r->answers, LoAnswer, j);
          if (ans->value > 1)
            ans->value--;
        }
    }
  g_ptr_array_insert (e->assessments, 0, earlier);
  path = write_report (e, LO_PAPER_A4, "compare.pdf");
  text = pdf_text (path);
  SKIP_WITHOUT_POPPLER (text);
  g_assert_nonnull (strstr (text, "Since 1 March 2025 the overall score moved from"));
  g_assert_nonnull (strstr (text, "Previous assessment"));
}

static void
test_failure_keeps_old_file (void)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoReportInput) input = lo_test_report_input (demo);
  g_autofree char *path = g_build_filename (tmpdir, "old.pdf", NULL);
  g_autofree char *logo = g_build_filename (tmpdir, "logo.png", NULL);
  g_autofree char *content = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  LoReportOptions opts;
  const char *name;

  g_assert_true (g_file_set_contents (path, "old report", -1, NULL));
  g_assert_true (g_file_set_contents (logo, "not a png", -1, NULL));
  lo_report_options_init (&opts);
  opts.logo_path = logo;
  g_assert_false (lo_report_write_pdf (input, &opts, path, &error));
  g_assert_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO);
  g_assert_nonnull (strstr (error->message, "logo.png"));
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "old report");

  /* no temporary file is left behind */
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_false (name[0] == '.');
}

static void
test_layout_api (void)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoReportInput) input = lo_test_report_input (demo);
  g_autoptr (LoReportLayout) layout = NULL;
  g_autoptr (GError) error = NULL;
  LoReportOptions opts;
  double w, h;

  lo_report_options_init (&opts);
  opts.paper = LO_PAPER_LETTER;
  layout = lo_report_layout_new (input, &opts, &error);
  g_assert_no_error (error);
  lo_report_layout_page_size (layout, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);
  g_assert_cmpuint (lo_report_layout_n_pages (layout), >=, 15);
  for (guint p = 0; p < lo_report_layout_n_pages (layout); p++)
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 153, 198);
      cairo_t *cr = cairo_create (s);
      cairo_scale (cr, 0.25, 0.25);
      lo_report_draw_page (layout, cr, p);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
    }
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmpdir = g_dir_make_tmp ("lo-report-XXXXXX", NULL);

  g_test_add_func ("/lo/render/report/demo", test_demo_report);
  g_test_add_func ("/lo/render/report/big", test_big_report);
  g_test_add_func ("/lo/render/report/no-assessment", test_no_assessment);
  g_test_add_func ("/lo/render/report/incomplete", test_incomplete);
  g_test_add_func ("/lo/render/report/level-five", test_level_five);
  g_test_add_func ("/lo/render/report/comparison", test_comparison);
  g_test_add_func ("/lo/render/report/failure-keeps-old-file", test_failure_keeps_old_file);
  g_test_add_func ("/lo/render/report/layout-api", test_layout_api);
  status = g_test_run ();

  {
    g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
