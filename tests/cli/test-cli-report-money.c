/* test-cli-report-money.c: the report's money is `roi --json`'s programme
 * (issue 14 item 5), and its editions (SPEC §6)
 *
 * The demo is written with `lightsout demo`; `roi --json` gives the programme's
 * figures, which are formatted here with the report's own formatter for the
 * report's language and looked for in the summary's text (pdftotext), in
 * English and German, A4 and Letter. The summary edition has at most six
 * pages; both editions end with the next-steps page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "lo-io.h"

static char *tmpdir;
static char *demo_path;

/* Runs lightsout with the NULL-terminated arguments; returns its standard
 * output and asserts it exits 0. */
static char *
run_lightsout (const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  int status;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LIGHTSOUT"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("lightsout failed: %s", err);
  return out;
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *a = g_find_program_in_path ("pdftotext");
  g_autofree char *b = g_find_program_in_path ("pdfinfo");

  if (a == NULL || b == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are needed");
      return FALSE;
    }
  return TRUE;
}

/* @text with no-break spaces made spaces and word joiners dropped
 * (transfer full). */
static char *
plain_spaces (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\u2060", "", 0);
  g_string_replace (s, "\u00a0", " ", 0);
  g_string_replace (s, "\u202f", " ", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The text of pages @first … @last (0: to the end), white space made one
 * space, no-break spaces plain and word joiners dropped. */
static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);
  const char *argv_all[] = { "pdftotext", "-enc", "UTF-8", "-f", f, path, "-", NULL };
  const char *argv_range[] = { "pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, path, "-", NULL };
  g_autofree char *out = run_tool (last ? argv_range : argv_all);
  g_autofree char *joined = plain_spaces (out);
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", joined, 0, 0);

  return g_strjoinv (" ", words);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run_tool (argv);
  const char *p = strstr (out, "Pages:");

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + strlen ("Pages:"), NULL, 10);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *plain = plain_spaces (needle);

  if (strstr (text, plain) == NULL)
    g_error ("“%s” not found in the report's text:\n%s", needle, text);
}

static JsonObject *
programme_of (JsonNode *root)
{
  JsonObject *programme = json_object_get_object_member (json_node_get_object (root), "programme");

  g_assert_nonnull (programme);
  return programme;
}

/* The summary edition in @lang on @paper states the programme's figures of
 * `roi --json`, formatted for @lang. */
static void
check_summary_money (const char *lang,
                     const char *paper)
{
  g_autofree char *pdf = g_strdup_printf ("%s/summary-%s-%s.pdf", tmpdir, lang, paper);
  g_autofree char *json = run_lightsout ("roi", demo_path, "--json", "--draws", "500", NULL);
  g_autofree char *out = run_lightsout ("report", demo_path, "-o", pdf, "--edition", "summary",
                                        "--lang", lang, "--paper", paper, "--draws", "500", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const LoFormatter *f = lo_formatter_lookup (lang);
  JsonObject *pg;
  g_autofree char *text = NULL;
  g_autofree char *investment = NULL, *peak = NULL, *npv = NULL, *payback = NULL, *hours = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  pg = programme_of (json_parser_get_root (parser));
  investment = lo_formatter_money (f, json_object_get_double_member (pg, "investment"), "USD", 0);
  peak = lo_formatter_money (f, json_object_get_double_member (pg, "peak-funding"), "USD", 0);
  npv = lo_formatter_money (f, json_object_get_double_member (pg, "npv"), "USD", 0);
  /* the number of "16.2 months": the word is in the test's language */
  payback = lo_formatter_number (f, json_object_get_double_member (pg, "payback-months"), 1);
  hours = lo_formatter_number (f, json_object_get_double_member (pg, "hours-saved-per-week"), 0);

  /* the summary is page 2 */
  text = pdf_text (pdf, 2, 2);
  assert_contains (text, investment);
  assert_contains (text, peak);
  assert_contains (text, npv);
  assert_contains (text, payback);
  assert_contains (text, hours);
  g_assert_cmpuint (pdf_pages (pdf), <=, 6);
}

static void
test_summary_money_en (void)
{
  if (have_poppler ())
    check_summary_money ("en", "a4");
}

static void
test_summary_money_de_letter (void)
{
  if (have_poppler ())
    check_summary_money ("de", "letter");
}

/* The demo's money-losing process is named as left out, with its reason, in
 * both editions; the full edition's processes say their figures are their
 * own, and both end with the next steps. */
static void
test_editions (void)
{
  g_autofree char *full = g_build_filename (tmpdir, "full.pdf", NULL);
  g_autofree char *summary = g_build_filename (tmpdir, "summary.pdf", NULL);
  g_autofree char *o1 = NULL, *o2 = NULL;
  g_autofree char *text = NULL, *last = NULL, *stext = NULL, *slast = NULL;
  guint n;

  if (!have_poppler ())
    return;
  o1 = run_lightsout ("report", demo_path, "-o", full, "--draws", "200", NULL);
  o2 = run_lightsout ("report", demo_path, "-o", summary, "--edition", "summary", "--draws", "200", NULL);

  n = pdf_pages (full);
  text = pdf_text (full, 1, 0);
  last = pdf_text (full, n, n);
  assert_contains (last, "Next steps");
  assert_contains (text, "on its own, if built today");
  assert_contains (text, "Exception flagging (late shipments, short picks) loses money");
  assert_contains (text, "Processes left out of the programme");
  assert_contains (text, "Priorities");
  assert_contains (text, "Full checklist");

  n = pdf_pages (summary);
  g_assert_cmpuint (n, <=, 6);
  stext = pdf_text (summary, 1, 0);
  slast = pdf_text (summary, n, n);
  assert_contains (slast, "Next steps");
  assert_contains (stext, "Maturity at a glance");
  assert_contains (stext, "Exception flagging (late shipments, short picks) loses money");
  assert_contains (stext, "of the freed hours as cash savings");
  g_assert_null (strstr (stext, "Full checklist"));
  g_assert_null (strstr (stext, "on its own, if built today"));
}

static void
test_bad_edition (void)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "bad.pdf", NULL);
  const char *argv[] = { g_getenv ("LIGHTSOUT"), "report", demo_path, "-o", pdf,
                         "--edition", "brief", NULL };
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "--edition"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("lo-report-money-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  demo_path = g_build_filename (tmpdir, "demo.lightsout", NULL);
  g_free (run_lightsout ("demo", "-o", demo_path, NULL));

  g_test_add_func ("/lo/cli/report-money/summary-en-a4", test_summary_money_en);
  g_test_add_func ("/lo/cli/report-money/summary-de-letter", test_summary_money_de_letter);
  g_test_add_func ("/lo/cli/report-money/editions", test_editions);
  g_test_add_func ("/lo/cli/report-money/bad-edition", test_bad_edition);
  status = g_test_run ();

  {
    const char *argv_rm[] = { "rm", "-rf", tmpdir, NULL };
    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return status;
}
