/* bench-report.c: time to lay out and write the report PDF
 *
 * Prints the median of several runs of lo_report_write_pdf() for the demo
 * engagement and for a 50-process, 12-respondent engagement (the figures are
 * computed once beforehand: this measures the report, not Monte Carlo), and
 * the peak resident memory of the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "lo-bench-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "lo-io.h"
#include "lo-render.h"

/* The demo with copies of its processes up to @n_processes and of its
 * respondents up to @n_respondents. */
static LoEngagement *
big_engagement (guint n_processes,
                guint n_respondents)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  LoEngagement *e = lo_engagement_copy (demo);
  LoAssessment *a = lo_engagement_latest_assessment (e);
  guint n_demo = demo->processes->len;

  for (guint i = n_demo; i < n_processes; i++)
    {
      const LoProcess *src = g_ptr_array_index (demo->processes, i % n_demo);
      LoProcess *p = lo_process_copy (src);
      g_free (p->id);
      g_free (p->name);
      p->id = g_strdup_printf ("%s-%u", src->id, i);
      p->name = g_strdup_printf ("%s, site %u", src->name, i / n_demo + 1);
      g_ptr_array_add (e->processes, p);
    }
  for (guint k = a->respondents->len, n0 = a->respondents->len; k < n_respondents; k++)
    {
      const LoRespondent *src = g_ptr_array_index (a->respondents, k % n0);
      g_autofree char *id = g_strdup_printf ("resp-%u", k);
      LoRespondent *r = lo_assessment_add_respondent (a, id, src->name, src->role);
      for (guint j = 0; j < src->answers->len; j++)
        {
          const LoAnswer *ans = &g_array_index (src->answers, LoAnswer, j);
          lo_respondent_set_answer (r, ans->question, ans->value);
        }
    }
  return e;
}

static double
bench (const char   *label,
       LoEngagement *engagement,
       guint         runs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoBank) bank = lo_bank_find_shipped ("lightsout-default", &error);
  g_autoptr (LoReportInput) input = NULL;
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 3, 12, 0, 0, 0);
  g_autofree char *dir = g_dir_make_tmp ("lo-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree double *times = g_new (double, runs);
  LoReportOptions opts;
  double t0, median;

  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  {
    LoAnalysisOptions options = { LO_MONTE_CARLO_DEFAULT_DRAWS, LO_MONTE_CARLO_DEFAULT_SEED, LO_ANALYSIS_NONE };
    g_autoptr (LoAnalysis) analysis = lo_analysis_new (engagement, lo_analysis_lookup_fixed_bank,
                                                       bank, NULL, &options, NULL, &error);

    g_assert_no_error (error);
    input = lo_report_input_new (analysis, &error);
  }
  g_assert_no_error (error);
  printf ("%s: figures (Monte Carlo 10000 draws per process) %.1f ms\n", label,
          (g_get_monotonic_time () - t0) / 1000.0);

  lo_report_options_init (&opts);
  opts.consultant = "Dana Reyes";
  opts.creation_date = date;
  for (guint i = 0; i < runs; i++)
    {
      t0 = g_get_monotonic_time ();
      if (!lo_report_write_pdf (input, &opts, path, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  lo_bench_sort (times, runs);
  {
    /* the share of the time spent measuring and paginating */
    g_autoptr (LoReportLayout) layout = NULL;
    t0 = g_get_monotonic_time ();
    layout = lo_report_layout_new (input, &opts, &error);
    printf ("%s: layout alone %.1f ms, %u pages\n", label, (g_get_monotonic_time () - t0) / 1000.0,
            lo_report_layout_n_pages (layout));
  }
  median = times[runs / 2];
  printf ("%s: report PDF median %.1f ms (min %.1f, max %.1f, %u runs)\n", label, median,
          times[0], times[runs - 1], runs);
  g_unlink (path);
  g_rmdir (dir);
  return median;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int argc, char **argv)
{
  g_autoptr (LoEngagement) demo = NULL;
  g_autoptr (LoEngagement) big = NULL;
  double demo_ms;
  long demo_rss;

  setlocale (LC_ALL, "");
  demo = lo_demo_engagement ();
  demo_ms = bench ("demo", demo, 15);
  demo_rss = peak_rss_kb ();
  printf ("demo: peak resident memory %.1f MB\n", demo_rss / 1024.0);

  big = big_engagement (50, 12);
  bench ("50 processes, 12 respondents", big, 5);
  printf ("50 processes, 12 respondents: peak resident memory %.1f MB\n", peak_rss_kb () / 1024.0);

  printf ("target: demo under 150 ms and 40 MB: %s\n",
          demo_ms < 150 && demo_rss < 40 * 1024 ? "met" : "NOT met");
  return 0;
}
