/* test-commentary.c: <commentary> (SPEC §3, format 1.1): read, written
 * canonically as 1.1, limits, unknown dimensions refused naming them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-io.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"%s\">\n" \
  "  <client name=\"Acme\"/>\n"

static LoEngagement *
read_xml (const char  *xml,
          GError     **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return lo_engagement_read_bytes (bytes, "test.lightsout", NULL, error);
}

static void
test_round_trip (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1.1\">\n"
    "  <client name=\"Acme\"/>\n"
    "  <settings horizon-months=\"36\" discount-rate=\"0.08\" currency=\"USD\" hours-per-week=\"40\" realisation-rate=\"1\"/>\n"
    "  <commentary>\n"
    "    <cover>Dear Ms Doe,\n\nthank you &amp; see below &lt;3</cover>\n"
    "    <dimension id=\"data\">Data lives in   four copies.</dimension>\n"
    "    <dimension id=\"process\">Start here.</dimension>\n"
    "    <next-steps>Book a call.</next-steps>\n"
    "  </commentary>\n"
    "</engagement>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LoEngagement) e = read_xml (xml, &error);
  g_autofree char *out = NULL;
  g_autofree char *version = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (e->commentary);
  /* line breaks and runs of spaces are kept as written */
  g_assert_cmpstr (e->commentary->cover, ==, "Dear Ms Doe,\n\nthank you & see below <3");
  g_assert_cmpstr (lo_commentary_get_dimension (e->commentary, "data"), ==, "Data lives in   four copies.");
  g_assert_cmpstr (lo_commentary_get_dimension (e->commentary, "process"), ==, "Start here.");
  g_assert_null (lo_commentary_get_dimension (e->commentary, "people"));
  g_assert_cmpstr (e->commentary->next_steps, ==, "Book a call.");

  version = lo_engagement_format_version_string (e);
  g_assert_cmpstr (version, ==, "1.1");
  out = lo_engagement_to_xml (e, NULL);
  g_assert_cmpstr (out, ==, xml);
}

static void
test_version (void)
{
  g_autoptr (LoEngagement) e = lo_engagement_new ("Acme");
  g_autofree char *v0 = lo_engagement_format_version_string (e);
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *xml = NULL;

  g_assert_cmpstr (v0, ==, "1");
  /* an empty commentary is no content: still 1.0, no element */
  e->commentary = lo_commentary_new ();
  v1 = lo_engagement_format_version_string (e);
  g_assert_cmpstr (v1, ==, "1");
  xml = lo_engagement_to_xml (e, NULL);
  g_assert_null (strstr (xml, "commentary"));

  lo_commentary_set_dimension (e->commentary, "people", "x");
  v2 = lo_engagement_format_version_string (e);
  g_assert_cmpstr (v2, ==, "1.1");
  lo_commentary_set_dimension (e->commentary, "people", "");
  g_assert_true (lo_commentary_is_empty (e->commentary));
}

static void
refused (const char *body,
         const char *fragment)
{
  g_autofree char *xml = g_strdup_printf (HEAD "%s</engagement>\n", "1.1", body);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoEngagement) e = read_xml (xml, &error);

  g_assert_null (e);
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
test_refused (void)
{
  g_autofree char *long_text = g_strnfill (20001, 'a');
  g_autofree char *ok_text = g_strnfill (20000, 'a');
  g_autofree char *too_long = g_strdup_printf ("<commentary><cover>%s</cover></commentary>", long_text);
  g_autofree char *at_limit = g_strdup_printf (HEAD "<commentary><next-steps>%s</next-steps></commentary></engagement>\n",
                                               "1.1", ok_text);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoEngagement) e = NULL;

  refused ("<commentary><dimension id=\"dat\">x</dimension></commentary>", "dat");
  refused ("<commentary><dimension id=\"data\">x</dimension><dimension id=\"data\">y</dimension></commentary>",
           "twice");
  refused ("<commentary><cover>a</cover><cover>b</cover></commentary>", "twice");
  refused ("<commentary><cover>a</cover></commentary><commentary/>", "twice");
  refused ("<commentary><foreword>a</foreword></commentary>", "foreword");
  refused (too_long, "20000");

  e = read_xml (at_limit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (e->commentary->next_steps, -1), ==, 20000);
}

static void
test_copy (void)
{
  g_autoptr (LoEngagement) e = lo_engagement_new ("Acme");
  g_autoptr (LoEngagement) copy = NULL;

  e->commentary = lo_commentary_new ();
  e->commentary->cover = g_strdup ("c");
  lo_commentary_set_dimension (e->commentary, "data", "d");
  copy = lo_engagement_copy (e);
  g_assert_true (copy->commentary != e->commentary);
  g_assert_cmpstr (copy->commentary->cover, ==, "c");
  g_assert_cmpstr (lo_commentary_get_dimension (copy->commentary, "data"), ==, "d");
}

static void
test_validate (void)
{
  g_autoptr (LoEngagement) e = lo_engagement_new ("Acme");
  g_autoptr (GError) error = NULL;

  /* what the window or the store hands over is checked as a file is */
  e->commentary = lo_commentary_new ();
  e->commentary->cover = g_strnfill (20000, 'x');
  g_assert_true (lo_engagement_validate (e, &error));
  g_assert_no_error (error);
  lo_commentary_set_dimension (e->commentary, "data", "a\001b");
  g_assert_false (lo_engagement_validate (e, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dimension data"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/commentary/round-trip", test_round_trip);
  g_test_add_func ("/commentary/version", test_version);
  g_test_add_func ("/commentary/refused", test_refused);
  g_test_add_func ("/commentary/copy", test_copy);
  g_test_add_func ("/commentary/validate", test_validate);
  return g_test_run ();
}
