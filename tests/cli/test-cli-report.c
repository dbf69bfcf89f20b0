/* test-cli-report.c: `lightsout report` and `lightsout chart`
 *
 * Runs the built binary ($LIGHTSOUT) and checks exit statuses, outputs and
 * that a failed run leaves an existing output untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"

static char *tmpdir;
static char *demo_path;

/* Runs lightsout with @args; returns its exit status, and what it printed
 * in @out and @err when they are not NULL. */
static int
run (const char *const *args,
     char              **out,
     char              **err)
{
  g_auto(Run) run = { 0 };

  run_program (&run, NULL, NULL, NULL, args);
  if (out != NULL)
    *out = g_steal_pointer (&run.out);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);
  return run.status;
}

static char *
tmp (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
test_report_pdf (void)
{
  g_autofree char *pdf = tmp ("demo.pdf");
  g_autofree char *data = NULL;
  gsize len;
  const char *args[] = { "report", demo_path, "-o", pdf, "--paper", "letter",
                         "--consultant", "Dana Reyes", "--date", "2026-03-12", "--draws", "500", NULL };

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &data, &len, NULL));
  g_assert_true (len > 10000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
}

static void
test_report_csv (void)
{
  g_autofree char *csv = tmp ("demo.csv");
  g_autofree char *data = NULL;
  const char *args[] = { "report", demo_path, "-o", csv, "--draws", "500", NULL };
  g_auto (GStrv) lines = NULL;
  guint sections = 0;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "[Scores]\r\ndimension-id,dimension,score,"));
  lines = g_strsplit (data, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] == '[')
      sections++;
  g_assert_cmpuint (sections, ==, 4);
  g_assert_nonnull (strstr (data, "\r\n[Answers]\r\n"));
  g_assert_nonnull (strstr (data, "\r\n[ROI]\r\n"));
  g_assert_nonnull (strstr (data, "\r\n[Action plan]\r\nstep,level,start-week,weeks,dimension,question-id,action,owner,due,status\r\n1,"));
  g_assert_nonnull (strstr (data, "\r\ninvoicing,"));
}

static void
test_chart (void)
{
  const char *names[] = { "radar", "cashflow", "tornado", "portfolio" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *file = g_strdup_printf ("%s.%s", names[i], k ? "png" : "svg");
        g_autofree char *path = tmp (file);
        g_autofree char *data = NULL;
        const char *args[] = { "chart", names[i], demo_path, "-o", path, "--width", "800",
                               "--height", "500", "--draws", "500", NULL };

        g_assert_cmpint (run (args, NULL, NULL), ==, 0);
        g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
        g_assert_true (k ? memcmp (data, "\x89PNG", 4) == 0 : strstr (data, "<svg") != NULL);
      }
}

static void
test_chart_list_and_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *svg = tmp ("x.svg");
  const char *list[] = { "chart", "--list", NULL };
  const char *unknown[] = { "chart", "pie", demo_path, "-o", svg, NULL };
  const char *process[] = { "chart", "cashflow", demo_path, "-o", svg, "--item", "nope", "--draws", "100", NULL };

  g_assert_cmpint (run (list, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "radar"));
  g_assert_nonnull (strstr (out, "tornado"));
  g_assert_cmpint (run (unknown, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "pie"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (process, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "nope"));
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (void)
{
  g_autofree char *pdf = tmp ("u.pdf");
  g_autofree char *doc = tmp ("u.doc");
  const char *no_output[] = { "report", demo_path, NULL };
  const char *bad_paper[] = { "report", demo_path, "-o", pdf, "--paper", "a5", NULL };
  const char *bad_ext[] = { "report", demo_path, "-o", doc, NULL };
  const char *bad_lang[] = { "report", demo_path, "-o", pdf, "--lang", "../../etc", NULL };

  g_assert_cmpint (run (no_output, NULL, NULL), ==, 2);
  g_assert_cmpint (run (bad_paper, NULL, NULL), ==, 2);
  g_assert_cmpint (run (bad_ext, NULL, NULL), ==, 2);
  g_assert_cmpint (run (bad_lang, NULL, NULL), ==, 2);
}

/* A failing report (unreadable input, bad logo) leaves the old file as it was. */
static void
test_failure_keeps_old_output (void)
{
  g_autofree char *pdf = tmp ("keep.pdf");
  g_autofree char *bad = tmp ("bad.lightsout");
  g_autofree char *logo = tmp ("logo.png");
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  const char *bad_input[] = { "report", bad, "-o", pdf, NULL };
  const char *bad_logo[] = { "report", demo_path, "-o", pdf, "--logo", logo, "--draws", "100", NULL };

  g_assert_true (g_file_set_contents (pdf, "old", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "<engagement", -1, NULL));
  g_assert_true (g_file_set_contents (logo, "no png", -1, NULL));
  g_assert_cmpint (run (bad_input, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "bad.lightsout"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bad_logo, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "logo.png"));
  g_assert_true (g_file_get_contents (pdf, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old");
}

int
main (int argc, char **argv)
{
  const char *demo[] = { "demo", "-o", NULL, NULL };
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmpdir = g_dir_make_tmp ("lo-cli-report-XXXXXX", NULL);
  demo_path = g_build_filename (tmpdir, "demo.lightsout", NULL);
  demo[2] = demo_path;
  g_assert_cmpint (run (demo, NULL, NULL), ==, 0);

  g_test_add_func ("/lo/cli/report/pdf", test_report_pdf);
  g_test_add_func ("/lo/cli/report/csv", test_report_csv);
  g_test_add_func ("/lo/cli/report/usage", test_usage_errors);
  g_test_add_func ("/lo/cli/report/keeps-old-output", test_failure_keeps_old_output);
  g_test_add_func ("/lo/cli/chart/files", test_chart);
  g_test_add_func ("/lo/cli/chart/list-and-errors", test_chart_list_and_errors);
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
  return status;
}
