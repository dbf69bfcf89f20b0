/* test-cli-build-order.c: the build order set by hand, through the binary
 *
 * tests/data/engagements/custom-order.lightsout holds three processes with
 * the same figures and readiness 2, 4 and 5 in file order ("first",
 * "second", "third"), and <settings build-order="custom">. The suggested
 * sequence (readiness descending) would be third, second, first; the order
 * set by hand is the file order: first, second, third.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"

/* A new folder in the test's isolated data dir (removed with it). */
static char *
make_dir (void)
{
  static guint counter;
  char *dir = g_strdup_printf ("%s/build-order-%u", g_get_user_data_dir (), ++counter);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static char *
data_file (void)
{
  return g_build_filename (g_getenv ("LO_TEST_DATA"), "engagements", "custom-order.lightsout", NULL);
}

/* The "portfolio" → "sequence" of `roi --json` output, as "a b c". */
static char *
json_sequence (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *root;
  JsonArray *sequence;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  sequence = json_object_get_array_member (json_object_get_object_member (root, "portfolio"),
                                           "sequence");
  for (guint i = 0; i < json_array_get_length (sequence); i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", json_array_get_string_element (sequence, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_roi_file (void)
{
  g_autofree char *path = data_file ();
  g_autofree char *dir = make_dir ();
  g_autofree char *plain = g_build_filename (dir, "plain.lightsout", NULL);
  g_autofree char *text = NULL;
  g_autofree char *custom_sequence = NULL;
  g_autofree char *suggested_sequence = NULL;
  g_autoptr(GString) without = NULL;
  g_auto(Run) custom = { 0 };
  g_auto(Run) suggested = { 0 };

  run_lightsout_in (&custom, NULL, "roi", path, "--json", "--draws", "0", NULL);
  g_assert_cmpstr (custom.err, ==, "");
  g_assert_cmpint (custom.status, ==, 0);
  custom_sequence = json_sequence (custom.out);
  g_assert_cmpstr (custom_sequence, ==, "first second third");

  /* the same file without the flag: the suggested sequence */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  without = g_string_new (text);
  g_assert_cmpuint (g_string_replace (without, " build-order=\"custom\"", "", 0), ==, 1);
  g_assert_true (g_file_set_contents (plain, without->str, without->len, NULL));
  run_lightsout_in (&suggested, NULL, "roi", plain, "--json", "--draws", "0", NULL);
  g_assert_cmpint (suggested.status, ==, 0);
  suggested_sequence = json_sequence (suggested.out);
  g_assert_cmpstr (suggested_sequence, ==, "third second first");

  /* The text output names the order it lists. */
  {
    g_auto(Run) custom_text = { 0 };
    g_auto(Run) suggested_text = { 0 };
    const char *at;

    run_lightsout_in (&custom_text, NULL, "roi", path, "--draws", "0", NULL);
    g_assert_cmpint (custom_text.status, ==, 0);
    at = strstr (custom_text.out, "Build order (as set for this client):");
    g_assert_nonnull (at);
    g_assert_nonnull (strstr (at, "1. first"));
    g_assert_nonnull (strstr (at, "3. third"));
    run_lightsout_in (&suggested_text, NULL, "roi", plain, "--draws", "0", NULL);
    g_assert_nonnull (strstr (suggested_text.out, "Sequence (most ready first, then highest NPV):"));
    g_assert_null (strstr (suggested_text.out, "Build order"));
  }
}

/* import → roi/report --client → export: the order holds everywhere. */
static void
test_database (void)
{
  g_autofree char *path = data_file ();
  g_autofree char *dir = make_dir ();
  g_autofree char *original = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *sequence = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) roi = { 0 };
  g_auto(Run) report = { 0 };
  g_auto(Run) export = { 0 };

  run_lightsout_in (&import, dir, "import", path, "--db", "t.db", NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);

  run_lightsout_in (&roi, dir, "roi", "--db", "t.db", "--client", "Ordered By Hand", "--json",
                 "--draws", "0", NULL);
  g_assert_cmpstr (roi.err, ==, "");
  g_assert_cmpint (roi.status, ==, 0);
  sequence = json_sequence (roi.out);
  g_assert_cmpstr (sequence, ==, "first second third");

  /* the report's ROI table ranks them in that order (its last column) */
  run_lightsout_in (&report, dir, "report", "--db", "t.db", "--client", "Ordered By Hand",
                 "-o", "r.csv", "--table", "roi", NULL);
  g_assert_cmpint (report.status, ==, 0);
  out = g_build_filename (dir, "r.csv", NULL);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "first,Least ready,"));
  g_assert_true (g_regex_match_simple ("^first,Least ready,.*,1\\r?$", csv, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^second,Fairly ready,.*,2\\r?$", csv, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^third,Most ready,.*,3\\r?$", csv, G_REGEX_MULTILINE, 0));

  /* and the exported file is the imported one, flag included */
  run_lightsout_in (&export, dir, "export", "Ordered By Hand", "-o", "e.lightsout", "--db", "t.db", NULL);
  g_assert_cmpstr (export.err, ==, "");
  g_assert_cmpint (export.status, ==, 0);
  g_free (out);
  out = g_build_filename (dir, "e.lightsout", NULL);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  g_assert_cmpstr (exported, ==, original);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/cli/build-order/roi-file", test_roi_file);
  g_test_add_func ("/lo/cli/build-order/database", test_database);

  return g_test_run ();
}
