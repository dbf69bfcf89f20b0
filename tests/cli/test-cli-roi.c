/* test-cli-roi.c: `lightsout roi` on the demo and on bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "lo-io.h"
#include "cli-test-util.h"

static char *
demo_path (void)
{
  return g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "data", "demo", "harbor-logistics.lightsout", NULL);
}

static JsonObject *
find_process (JsonObject *root,
              const char *id)
{
  JsonArray *processes = json_object_get_array_member (root, "processes");

  for (guint i = 0; i < json_array_get_length (processes); i++)
    {
      JsonObject *p = json_array_get_object_element (processes, i);
      if (g_strcmp0 (json_object_get_string_member (p, "id"), id) == 0)
        return p;
    }
  return NULL;
}

static void
assert_figures (JsonObject *o)
{
  const char *names[] = { "hours-saved-per-week", "fte", "annual-savings", "npv",
                          "roi-percent", "payback-months", "irr" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (json_object_has_member (o, names[i]));
}

/* The demo: invoicing ($55,000 build, 10 weeks) pays back within a year; the
 * alternative quote (39 weeks) goes live (39 − 10) × 12/52 = 6.692 months
 * later; dealer calls save about 22.5 hours a week. */
static void
test_demo_json (void)
{
  g_autofree char *path = demo_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  JsonObject *root, *invoicing, *dealer, *alternative, *mc, *scenarios, *portfolio;
  JsonArray *tornado, *sequence;

  run_lightsout (&run, "roi", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "settings"),
                                               "horizon-months"), ==, 36);
  invoicing = find_process (root, "invoicing");
  g_assert_nonnull (invoicing);
  assert_figures (invoicing);
  g_assert_cmpfloat (json_object_get_double_member (invoicing, "payback-months"), <, 12);
  g_assert_cmpfloat (json_object_get_double_member (invoicing, "npv"), >, 0);

  alternative = json_object_get_object_member (invoicing, "alternative");
  g_assert_nonnull (alternative);
  g_assert_cmpfloat (json_object_get_double_member (alternative, "build-cost"), ==, 135000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (alternative, "months-gained"),
                                  29.0 * 12 / 52, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (alternative, "npv"), <,
                     json_object_get_double_member (invoicing, "npv"));

  scenarios = json_object_get_object_member (invoicing, "scenarios");
  assert_figures (json_object_get_object_member (scenarios, "conservative"));
  assert_figures (json_object_get_object_member (scenarios, "expected"));
  assert_figures (json_object_get_object_member (scenarios, "optimistic"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (scenarios, "conservative"), "npv"), <=,
                     json_object_get_double_member (json_object_get_object_member (scenarios, "optimistic"), "npv"));

  mc = json_object_get_object_member (invoicing, "monte-carlo");
  g_assert_nonnull (mc);
  g_assert_cmpint (json_object_get_int_member (mc, "draws"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (mc, "seed"), ==, 1);
  g_assert_true (json_object_has_member (json_object_get_object_member (mc, "npv"), "p10"));
  g_assert_true (json_object_has_member (json_object_get_object_member (mc, "payback-months"), "p90"));
  g_assert_true (json_object_has_member (mc, "probability-positive"));

  tornado = json_object_get_array_member (invoicing, "tornado");
  g_assert_cmpuint (json_array_get_length (tornado), ==, LO_N_INPUTS);
  g_assert_true (json_object_has_member (json_array_get_object_element (tornado, 0), "low-npv"));
  g_assert_true (json_object_has_member (invoicing, "actuals"));

  dealer = find_process (root, "dealer-calls");
  g_assert_nonnull (dealer);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dealer, "hours-saved-per-week"), 22.5, 1.5);

  portfolio = json_object_get_object_member (root, "portfolio");
  sequence = json_object_get_array_member (portfolio, "sequence");
  g_assert_cmpuint (json_array_get_length (sequence), ==,
                    json_array_get_length (json_object_get_array_member (root, "processes")));
  g_assert_true (json_object_has_member (portfolio, "npv"));
  run_clear (&run);
}

/* Same seed, same output; --draws 0 leaves Monte Carlo out (null). */
static void
test_seed_and_draws (void)
{
  g_autofree char *path = demo_path ();
  Run a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };

  run_lightsout (&a, "roi", path, "--json", "--seed", "77", "--draws", "500", NULL);
  run_lightsout (&b, "roi", path, "--json", "--seed", "77", "--draws", "500", NULL);
  run_lightsout (&c, "roi", path, "--json", "--seed", "78", "--draws", "500", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);
  g_assert_cmpstr (a.out, !=, c.out);
  g_assert_nonnull (strstr (a.out, "\"seed\" : 77"));

  run_lightsout (&d, "roi", path, "--json", "--draws", "0", NULL);
  g_assert_cmpint (d.status, ==, 0);
  g_assert_nonnull (strstr (d.out, "\"monte-carlo\" : null"));
  run_clear (&a);
  run_clear (&b);
  run_clear (&c);
  run_clear (&d);
}

/* The text names what the user asked about: payback, the alternative's
 * months of benefit lost, the portfolio and the sequence. */
static void
test_demo_text (void)
{
  g_autofree char *path = demo_path ();
  Run run = { 0 };

  run_lightsout (&run, "roi", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "invoicing"));
  g_assert_nonnull (strstr (run.out, "Alternative quote"));
  g_assert_nonnull (strstr (run.out, "months of benefit lost"));
  g_assert_nonnull (strstr (run.out, "Portfolio"));
  g_assert_nonnull (strstr (run.out, "Sequence"));
  g_assert_nonnull (strstr (run.out, "Monte Carlo"));
  run_clear (&run);
}

static void
test_bad_options (void)
{
  g_autofree char *path = demo_path ();
  Run a = { 0 }, b = { 0 }, c = { 0 };

  run_lightsout (&a, "roi", path, "--draws", "ten", NULL);
  g_assert_cmpint (a.status, ==, 2);
  g_assert_nonnull (strstr (a.err, "--draws"));
  run_lightsout (&b, "roi", NULL);
  g_assert_cmpint (b.status, ==, 2);
  run_lightsout (&c, "roi", "/nonexistent/x.lightsout", NULL);
  g_assert_cmpint (c.status, ==, 1);
  g_assert_nonnull (strstr (c.err, "/nonexistent/x.lightsout"));
  run_clear (&a);
  run_clear (&b);
  run_clear (&c);
}

/* An invalid input is refused naming the file, the process and the input. */
static void
test_invalid_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-roi-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.lightsout", NULL);
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
    "  <client name=\"Test\"/>\n"
    "  <process id=\"invoicing\" name=\"Invoicing\">\n"
    "    <input name=\"volume-per-month\" value=\"100\"/>\n"
    "    <input name=\"minutes-per-item\" value=\"6\"/>\n"
    "    <input name=\"hourly-cost\" value=\"40\"/>\n"
    "    <input name=\"automation-rate\" value=\"1.5\"/>\n"
    "    <input name=\"build-cost\" value=\"1000\"/>\n"
    "    <input name=\"build-weeks\" value=\"4\"/>\n"
    "  </process>\n"
    "</engagement>\n";
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  run_lightsout (&run, "roi", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "invoicing"));
  g_assert_nonnull (strstr (run.err, "automation-rate"));
  g_assert_nonnull (strstr (run.err, "1.5"));
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/cli/roi/demo-json", test_demo_json);
  g_test_add_func ("/lo/cli/roi/seed-and-draws", test_seed_and_draws);
  g_test_add_func ("/lo/cli/roi/demo-text", test_demo_text);
  g_test_add_func ("/lo/cli/roi/bad-options", test_bad_options);
  g_test_add_func ("/lo/cli/roi/invalid-input", test_invalid_input);

  return g_test_run ();
}
