/* test-engagement-format.c: format 1.1 (SPEC §3): parallel-builds, <roadmap>
 * and include, the version the writer chooses, and the limits (SPEC §2c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-io.h"

#define HEAD(version) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"" version "\">\n" \
  "  <client name=\"Acme\"/>\n"
#define SETTINGS(extra) \
  "  <settings horizon-months=\"36\" discount-rate=\"0.08\" currency=\"USD\" " \
  "hours-per-week=\"40\" realisation-rate=\"1\"" extra "/>\n"
#define PROCESS(attrs) \
  "  <process id=\"billing\" name=\"Billing\"" attrs ">\n" \
  "    <input name=\"volume-per-month\" value=\"100\"/>\n" \
  "    <input name=\"minutes-per-item\" value=\"6\"/>\n" \
  "    <input name=\"hourly-cost\" value=\"40\"/>\n" \
  "    <input name=\"automation-rate\" value=\"1\"/>\n" \
  "    <input name=\"build-cost\" value=\"1000\"/>\n" \
  "    <input name=\"build-weeks\" value=\"13\"/>\n" \
  "  </process>\n"
#define TAIL "</engagement>\n"

static LoEngagement *
parse (const char *xml,
       GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return lo_engagement_read_bytes (bytes, "test.lightsout", NULL, error);
}

static LoEngagement *
parse_ok (const char *xml)
{
  g_autoptr(GError) error = NULL;
  LoEngagement *engagement = parse (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  return engagement;
}

/* Written, read and written again: the same bytes as @xml, the canonical form. */
static void
assert_canonical (const char *xml)
{
  g_autoptr(LoEngagement) engagement = parse_ok (xml);
  g_autofree char *written = lo_engagement_to_xml (engagement, NULL);
  g_autoptr(LoEngagement) again = parse_ok (written);
  g_autofree char *rewritten = lo_engagement_to_xml (again, NULL);

  g_assert_cmpstr (written, ==, xml);
  g_assert_cmpstr (rewritten, ==, xml);
}

static void
assert_version (const LoEngagement *engagement,
                int                 major,
                int                 minor)
{
  int got_major = -1, got_minor = -1;

  lo_engagement_format_version (engagement, &got_major, &got_minor);
  g_assert_cmpint (got_major, ==, major);
  g_assert_cmpint (got_minor, ==, minor);
}

/* 1.0 content stays version 1, without the new attributes */
static void
test_version_1_0 (void)
{
  const char *xml = HEAD ("1") SETTINGS ("") PROCESS ("") TAIL;
  g_autoptr(LoEngagement) engagement = parse_ok (xml);
  g_autofree char *version = lo_engagement_format_version_string (engagement);

  assert_version (engagement, 1, 0);
  g_assert_cmpstr (version, ==, "1");
  g_assert_cmpint (engagement->settings.parallel_builds, ==, 1);
  g_assert_cmpint (((LoProcess *) g_ptr_array_index (engagement->processes, 0))->include,
                   ==, LO_INCLUDE_AUTO);
  assert_canonical (xml);
}

/* Defaults written out by hand are left out again: version 1 */
static void
test_defaults_left_out (void)
{
  g_autoptr(LoEngagement) engagement =
    parse_ok (HEAD ("1.1") SETTINGS (" parallel-builds=\"1\"") "  <roadmap/>\n"
              PROCESS (" include=\"auto\"") TAIL);
  g_autofree char *written = lo_engagement_to_xml (engagement, NULL);

  assert_version (engagement, 1, 0);
  g_assert_cmpstr (written, ==, HEAD ("1") SETTINGS ("") PROCESS ("") TAIL);
}

static void
test_parallel_builds (void)
{
  const char *xml = HEAD ("1.1") SETTINGS (" parallel-builds=\"3\"") PROCESS ("") TAIL;
  g_autoptr(LoEngagement) engagement = parse_ok (xml);

  g_assert_cmpint (engagement->settings.parallel_builds, ==, 3);
  assert_version (engagement, 1, 1);
  assert_canonical (xml);
}

static void
test_roadmap_steps (void)
{
  /* steps written in level order whatever the file's order */
  const char *xml = HEAD ("1.1") SETTINGS ("")
    "  <roadmap>\n"
    "    <step level=\"3\" weeks=\"8\"/>\n"
    "    <step level=\"5\" weeks=\"260\"/>\n"
    "  </roadmap>\n"
    PROCESS ("") TAIL;
  g_autoptr(LoEngagement) engagement =
    parse_ok (HEAD ("1.1") SETTINGS ("")
              "  <roadmap>\n"
              "    <step level=\"5\" weeks=\"260\"/>\n"
              "    <step level=\"3\" weeks=\"8\"/>\n"
              "  </roadmap>\n"
              PROCESS ("") TAIL);
  g_autofree char *written = lo_engagement_to_xml (engagement, NULL);

  g_assert_cmpint (lo_engagement_get_step_weeks (engagement, 3), ==, 8);
  g_assert_cmpint (lo_engagement_get_step_weeks (engagement, 4), ==, 0);
  g_assert_cmpint (lo_engagement_get_step_weeks (engagement, 5), ==, 260);
  assert_version (engagement, 1, 1);
  g_assert_cmpstr (written, ==, xml);
  assert_canonical (xml);
}

static void
test_include (void)
{
  const char *yes = HEAD ("1.1") SETTINGS ("") PROCESS (" include=\"yes\"") TAIL;
  const char *no = HEAD ("1.1") SETTINGS ("") PROCESS (" include=\"no\"") TAIL;
  g_autoptr(LoEngagement) a = parse_ok (yes);
  g_autoptr(LoEngagement) b = parse_ok (no);

  g_assert_cmpint (((LoProcess *) g_ptr_array_index (a->processes, 0))->include, ==, LO_INCLUDE_YES);
  g_assert_cmpint (((LoProcess *) g_ptr_array_index (b->processes, 0))->include, ==, LO_INCLUDE_NO);
  assert_version (a, 1, 1);
  assert_canonical (yes);
  assert_canonical (no);
}

/* The reader reads 1.1 content whatever version the file declares */
static void
test_read_whatever_version (void)
{
  g_autoptr(LoEngagement) engagement =
    parse_ok (HEAD ("1") SETTINGS (" parallel-builds=\"2\"")
              "  <roadmap><step level=\"4\" weeks=\"26\"/></roadmap>\n"
              PROCESS (" include=\"no\"") TAIL);
  g_autofree char *written = lo_engagement_to_xml (engagement, NULL);

  g_assert_cmpint (engagement->settings.parallel_builds, ==, 2);
  g_assert_cmpint (lo_engagement_get_step_weeks (engagement, 4), ==, 26);
  g_assert_nonnull (strstr (written, "version=\"1.1\""));
}

/* A model changed in memory (as the window does) chooses its version too */
static void
test_version_follows_content (void)
{
  g_autoptr(LoEngagement) engagement = parse_ok (HEAD ("1") SETTINGS ("") PROCESS ("") TAIL);
  LoProcess *process = g_ptr_array_index (engagement->processes, 0);

  lo_engagement_set_step_weeks (engagement, 4, 20);
  assert_version (engagement, 1, 1);
  lo_engagement_set_step_weeks (engagement, 4, 0);
  assert_version (engagement, 1, 0);
  process->include = LO_INCLUDE_NO;
  assert_version (engagement, 1, 1);
  process->include = LO_INCLUDE_AUTO;
  engagement->settings.parallel_builds = 20;
  assert_version (engagement, 1, 1);
}

typedef struct
{
  const char *xml;
  const char *expected[3];  /* substrings of the message */
} Bad;

static const Bad bad_files[] = {
  { HEAD ("1.1") SETTINGS (" parallel-builds=\"0\"") TAIL,
    { "parallel-builds", "1", "20" } },
  { HEAD ("1.1") SETTINGS (" parallel-builds=\"21\"") TAIL,
    { "parallel-builds", "21", "20" } },
  { HEAD ("1.1") SETTINGS (" parallel-builds=\"2.5\"") TAIL,
    { "parallel-builds", "2.5", "whole" } },
  { HEAD ("1.1") SETTINGS ("") "  <roadmap><step level=\"4\" weeks=\"0\"/></roadmap>\n" TAIL,
    { "weeks", "0", "260" } },
  { HEAD ("1.1") SETTINGS ("") "  <roadmap><step level=\"4\" weeks=\"261\"/></roadmap>\n" TAIL,
    { "weeks", "261", "260" } },
  { HEAD ("1.1") SETTINGS ("") "  <roadmap><step level=\"4\" weeks=\"1.5\"/></roadmap>\n" TAIL,
    { "weeks", "1.5", "whole" } },
  { HEAD ("1.1") SETTINGS ("") "  <roadmap><step level=\"6\" weeks=\"13\"/></roadmap>\n" TAIL,
    { "level", "6", "5" } },
  { HEAD ("1.1") SETTINGS ("") "  <roadmap><step level=\"0\" weeks=\"13\"/></roadmap>\n" TAIL,
    { "level", "0", "1" } },
  { HEAD ("1.1") SETTINGS ("") "  <roadmap><step weeks=\"13\"/></roadmap>\n" TAIL,
    { "level", "missing", "step" } },
  { HEAD ("1.1") SETTINGS ("")
    "  <roadmap><step level=\"4\" weeks=\"13\"/><step level=\"4\" weeks=\"14\"/></roadmap>\n" TAIL,
    { "step 4", "twice", "roadmap" } },
  { HEAD ("1.1") SETTINGS ("") "  <roadmap/>\n  <roadmap/>\n" TAIL,
    { "roadmap", "twice", "line" } },
  { HEAD ("1") SETTINGS ("") "  <roadmap><stage level=\"4\" weeks=\"13\"/></roadmap>\n" TAIL,
    { "stage", "unknown", "test.lightsout" } },
  { HEAD ("1.1") SETTINGS ("") PROCESS (" include=\"maybe\"") TAIL,
    { "billing", "include", "maybe" } },
};

static void
test_bad (gconstpointer data)
{
  const Bad *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = parse (bad->xml, &error);

  g_assert_null (engagement);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "test.lightsout"));
  for (guint i = 0; i < G_N_ELEMENTS (bad->expected); i++)
    if (strstr (error->message, bad->expected[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, bad->expected[i]);
}

/* 1.1 is the current version: what it does not know is refused, naming it;
 * a newer minor version (1.2) is read with a warning instead */
static void
test_unknown_in_current_minor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) refused =
    parse (HEAD ("1.1") SETTINGS (" paralel-builds=\"2\"") TAIL, &error);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  const char *newer = HEAD ("1.2") SETTINGS (" paralel-builds=\"2\"") TAIL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (newer, strlen (newer));
  g_autoptr(LoEngagement) read = NULL;

  g_assert_null (refused);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "paralel-builds"));

  read = lo_engagement_read_bytes (bytes, "newer.lightsout", warnings, NULL);
  g_assert_nonnull (read);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "paralel-builds"));
}

/* The model refuses what the window could set out of range */
static void
test_model_limits (void)
{
  g_autoptr(LoEngagement) engagement = parse_ok (HEAD ("1") SETTINGS ("") PROCESS ("") TAIL);
  g_autoptr(GError) error = NULL;

  engagement->settings.parallel_builds = 21;
  g_assert_false (lo_engagement_validate (engagement, &error));
  g_assert_nonnull (strstr (error->message, "parallel-builds"));
  g_assert_nonnull (strstr (error->message, "20"));
  g_clear_error (&error);

  engagement->settings.parallel_builds = 1;
  lo_engagement_set_step_weeks (engagement, 3, 261);
  g_assert_false (lo_engagement_validate (engagement, &error));
  g_assert_nonnull (strstr (error->message, "step 3"));
  g_assert_nonnull (strstr (error->message, "260"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/io/format/version-1-0", test_version_1_0);
  g_test_add_func ("/io/format/defaults-left-out", test_defaults_left_out);
  g_test_add_func ("/io/format/parallel-builds", test_parallel_builds);
  g_test_add_func ("/io/format/roadmap-steps", test_roadmap_steps);
  g_test_add_func ("/io/format/include", test_include);
  g_test_add_func ("/io/format/read-whatever-version", test_read_whatever_version);
  g_test_add_func ("/io/format/version-follows-content", test_version_follows_content);
  g_test_add_func ("/io/format/model-limits", test_model_limits);
  g_test_add_func ("/io/format/unknown-in-current-minor", test_unknown_in_current_minor);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/io/format/bad/%u", i);

      g_test_add_data_func (path, &bad_files[i], test_bad);
    }

  return g_test_run ();
}
