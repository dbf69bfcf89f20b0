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

/* Every number in @csv is written in the fewest digits that read back to
 * it: no shorter %.15g / %.16g form reads back to the same double. */
static void
assert_no_float_noise (const char *csv)
{
  g_auto (GStrv) lines = g_strsplit (csv, "\r\n", -1);
  guint numbers = 0;

  for (guint i = 1; lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ",", -1);

      for (guint k = 0; fields[k]; k++)
        {
          char *end = NULL;
          double value = g_ascii_strtod (fields[k], &end);

          if (fields[k][0] == '\0' || *end != '\0' || !g_ascii_isdigit (fields[k][strlen (fields[k]) - 1]))
            continue;
          numbers++;
          for (int digits = 15; digits <= 16; digits++)
            {
              char buf[64], format[8];

              g_snprintf (format, sizeof format, "%%.%dg", digits);
              g_ascii_formatd (buf, sizeof buf, format, value);
              if (g_ascii_strtod (buf, NULL) == value)
                {
                  g_assert_cmpuint (strlen (fields[k]), <=, strlen (buf));
                  break;
                }
            }
        }
    }
  g_assert_cmpuint (numbers, >, 0);
}

/* One table per file: the action plan by default, --table for another,
 * a folder for all five; no float noise (a number never has more than 17
 * significant digits, "85222.080000000002" is impossible). */
static void
test_report_csv (void)
{
  g_autofree char *csv = tmp ("demo.csv");
  g_autofree char *roi = tmp ("roi.csv");
  g_autofree char *dir = tmp ("tables/");
  g_autofree char *data = NULL;
  g_autofree char *roi_data = NULL;
  const char *args[] = { "report", demo_path, "-o", csv, "--draws", "500", NULL };
  const char *roi_args[] = { "report", demo_path, "-o", roi, "--table", "roi", "--draws", "500", NULL };
  const char *dir_args[] = { "report", demo_path, "-o", dir, "--draws", "500", NULL };
  const char *bad_args[] = { "report", demo_path, "-o", csv, "--table", "nope", NULL };
  const char *names[] = { "scores", "answers", "roi", "actions", "programme" };

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "step,level,start-week,weeks,priority,dimension,question-id,action,owner,due,status\r\n1,"));
  g_assert_null (strstr (data, "\r\n["));

  g_assert_cmpint (run (roi_args, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (roi, &roi_data, NULL, NULL));
  g_assert_true (g_str_has_prefix (roi_data, "process-id,process,currency,build-cost,"));
  g_assert_nonnull (strstr (roi_data, "\r\ninvoicing,"));
  g_assert_nonnull (strstr (roi_data, ",USD,55000,"));
  assert_no_float_noise (roi_data);

  g_assert_cmpint (run (dir_args, NULL, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (names[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      assert_no_float_noise (text);
    }
  g_assert_cmpint (run (bad_args, NULL, NULL), ==, 2);
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
