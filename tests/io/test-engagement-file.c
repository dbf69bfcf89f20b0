/* test-engagement-file.c: reading, writing and round-tripping .lightsout files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lo-io.h"

static char *
data_path (const char *dir,
           const char *name)
{
  const char *root = g_getenv ("LO_TEST_DATA");

  g_assert_nonnull (root);
  return g_build_filename (root, dir, name, NULL);
}

static LoEngagement *
read_data (const char *name,
           GPtrArray  *warnings)
{
  g_autofree char *path = data_path ("engagements", name);
  g_autoptr(GError) error = NULL;
  LoEngagement *engagement = lo_engagement_read_file (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  return engagement;
}

/* Reading the written file and writing it again gives the same bytes. */
static void
assert_round_trip (const LoEngagement *engagement,
                   const char         *name)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) again = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  gsize first_length, second_length;

  first = lo_engagement_to_xml (engagement, &first_length);
  g_assert_cmpuint (strlen (first), ==, first_length);
  bytes = g_bytes_new (first, first_length);
  again = lo_engagement_read_bytes (bytes, name, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  second = lo_engagement_to_xml (again, &second_length);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (first_length, ==, second_length);
}

static void
test_round_trip_file (gconstpointer data)
{
  const char *name = data;
  g_autoptr(LoEngagement) engagement = read_data (name, NULL);

  assert_round_trip (engagement, name);
}

static void
test_minimal_canonical (void)
{
  g_autoptr(LoEngagement) engagement = read_data ("minimal.lightsout", NULL);
  g_autofree char *xml = lo_engagement_to_xml (engagement, NULL);
  /* Written by hand from SPEC §3: settings always in full with the SPEC §2
   * defaults (36 months, 8 %, USD, 40 h, realisation 1). */
  const char *expected =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
    "  <client name=\"Solo Owner\"/>\n"
    "  <settings horizon-months=\"36\" discount-rate=\"0.08\" currency=\"USD\" hours-per-week=\"40\" realisation-rate=\"1\"/>\n"
    "</engagement>\n";

  g_assert_cmpstr (xml, ==, expected);
  g_assert_cmpstr (engagement->version, ==, "1");
  g_assert_null (engagement->client_industry);
  g_assert_cmpuint (engagement->assessments->len, ==, 0);
  g_assert_cmpuint (engagement->processes->len, ==, 0);
}

static void
test_full (void)
{
  g_autoptr(LoEngagement) engagement = read_data ("full.lightsout", NULL);
  const LoAssessment *assessment;
  const LoRespondent *respondent;
  const LoProcess *process;
  const LoActual *actual;
  int value;

  g_assert_cmpstr (engagement->version, ==, "1.0");
  g_assert_cmpstr (engagement->client_name, ==, "Harbor Test Co");
  g_assert_cmpstr (engagement->client_industry, ==, "Third-party logistics");
  g_assert_cmpint (engagement->settings.horizon_months, ==, 48);
  g_assert_cmpfloat (engagement->settings.discount_rate, ==, 0.10);
  g_assert_cmpstr (engagement->settings.currency, ==, "EUR");
  g_assert_cmpfloat (engagement->settings.hours_per_week, ==, 37.5);
  g_assert_cmpfloat (engagement->settings.realisation_rate, ==, 0.8);

  g_assert_cmpuint (engagement->assessments->len, ==, 2);
  assessment = g_ptr_array_index (engagement->assessments, 0);
  g_assert_cmpstr (assessment->id, ==, "baseline");
  g_assert_cmpstr (assessment->date, ==, "2026-01-15");
  g_assert_cmpstr (assessment->bank, ==, "lightsout-default");
  g_assert_cmpuint (assessment->respondents->len, ==, 3);

  respondent = g_ptr_array_index (assessment->respondents, 0);
  g_assert_cmpstr (respondent->id, ==, "anna");
  g_assert_cmpstr (respondent->name, ==, "Anna Berg");
  g_assert_cmpstr (respondent->role, ==, "Operations lead");
  g_assert_cmpuint (respondent->answers->len, ==, 4);
  g_assert_true (lo_respondent_get_answer (respondent, "process.documentation", &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (lo_respondent_get_answer (respondent, "process.rules", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_NA);
  g_assert_true (lo_respondent_get_answer (respondent, "data.copies", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_true (lo_respondent_get_answer (respondent, "people.sponsor", &value));
  g_assert_cmpint (value, ==, 5);
  g_assert_false (lo_respondent_get_answer (respondent, "data.quality", NULL));
  /* file order is kept */
  g_assert_cmpstr (g_array_index (respondent->answers, LoAnswer, 2).question, ==, "data.copies");

  respondent = g_ptr_array_index (assessment->respondents, 1);
  g_assert_null (respondent->role);
  respondent = g_ptr_array_index (assessment->respondents, 2);
  g_assert_cmpuint (respondent->answers->len, ==, 0);

  g_assert_cmpuint (assessment->targets->len, ==, 2);
  g_assert_cmpint (lo_assessment_get_target (assessment, "data"), ==, 3);
  g_assert_cmpint (lo_assessment_get_target (assessment, "process"), ==, 4);
  g_assert_cmpint (lo_assessment_get_target (assessment, "people"), ==, 0);

  assessment = g_ptr_array_index (engagement->assessments, 1);
  g_assert_cmpstr (assessment->bank, ==, "consultant-six");
  g_assert_cmpuint (assessment->respondents->len, ==, 0);

  g_assert_cmpuint (engagement->processes->len, ==, 2);
  process = g_ptr_array_index (engagement->processes, 0);
  g_assert_cmpstr (process->id, ==, "invoicing");
  g_assert_cmpstr (process->name, ==, "3PL billing");
  g_assert_true (process->has_start);
  g_assert_cmpint (process->start_year, ==, 2026);
  g_assert_cmpint (process->start_month, ==, 12);
  for (LoInputId i = 0; i < LO_N_INPUTS; i++)
    g_assert_true (process->inputs[i].set);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_VOLUME_PER_MONTH), ==, 1200);
  g_assert_true (process->inputs[LO_INPUT_VOLUME_PER_MONTH].ranged);
  g_assert_cmpfloat (process->inputs[LO_INPUT_VOLUME_PER_MONTH].low, ==, 1000);
  g_assert_cmpfloat (process->inputs[LO_INPUT_VOLUME_PER_MONTH].high, ==, 1500);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_MINUTES_PER_ITEM), ==, 6.5);
  g_assert_false (process->inputs[LO_INPUT_MINUTES_PER_ITEM].ranged);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_HOURLY_COST), ==, 45);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_EXCEPTION_RATE), ==, 0.1); /* "1e-1" */
  g_assert_cmpfloat (process->inputs[LO_INPUT_BUILD_COST].low, ==, 55000);
  g_assert_cmpfloat (process->inputs[LO_INPUT_BUILD_COST].high, ==, 70000);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_OVERSIGHT_HOURS_PER_MONTH), ==, 6);
  g_assert_true (process->has_readiness);
  g_assert_cmpint (process->clarity, ==, 3);
  g_assert_cmpint (process->access, ==, 4);
  g_assert_cmpint (process->scope, ==, 5);
  g_assert_true (process->has_alternative);
  g_assert_cmpfloat (process->alt_build_cost, ==, 135000);
  g_assert_cmpfloat (process->alt_build_weeks, ==, 39);
  g_assert_cmpuint (process->actuals->len, ==, 2);
  actual = &g_array_index (process->actuals, LoActual, 0);
  g_assert_cmpint (actual->year, ==, 2027);
  g_assert_cmpint (actual->month, ==, 3);
  g_assert_cmpfloat (actual->items, ==, 1180);
  g_assert_cmpfloat (actual->hours, ==, 31.5);
  g_assert_cmpfloat (actual->errors, ==, 9);
  g_assert_cmpfloat (actual->run_cost, ==, 900);
  actual = &g_array_index (process->actuals, LoActual, 1);
  g_assert_cmpint (actual->month, ==, 4);
  g_assert_true (isnan (actual->items));
  g_assert_cmpfloat (actual->hours, ==, 28);
  g_assert_true (isnan (actual->errors));
  g_assert_true (isnan (actual->run_cost));

  process = g_ptr_array_index (engagement->processes, 1);
  g_assert_false (process->has_start);
  g_assert_false (process->has_readiness);
  g_assert_false (process->has_alternative);
  g_assert_false (process->inputs[LO_INPUT_RAMP_MONTHS].set);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_RAMP_MONTHS), ==, 0);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_VOLUME_PER_MONTH), ==, 400); /* "+400" */
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_BUILD_COST), ==, 0);
  g_assert_cmpuint (process->actuals->len, ==, 0);
}

/* The canonical form: version 1, attributes in SPEC order, short numbers,
 * inputs in the SPEC §2 table order whatever the file's order. */
static void
test_full_canonical (void)
{
  g_autoptr(LoEngagement) engagement = read_data ("full.lightsout", NULL);
  g_autofree char *xml = lo_engagement_to_xml (engagement, NULL);
  const char *volume, *minutes, *alternative, *readiness;

  g_assert_nonnull (strstr (xml, "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"));
  g_assert_nonnull (strstr (xml, "  <client name=\"Harbor Test Co\" industry=\"Third-party logistics\"/>\n"));
  g_assert_nonnull (strstr (xml, "  <settings horizon-months=\"48\" discount-rate=\"0.1\" currency=\"EUR\" hours-per-week=\"37.5\" realisation-rate=\"0.8\"/>\n"));
  g_assert_nonnull (strstr (xml, "      <answer question=\"process.rules\" level=\"na\"/>\n"));
  g_assert_nonnull (strstr (xml, "      <answer question=\"data.copies\"/>\n"));
  g_assert_nonnull (strstr (xml, "    <respondent id=\"cleo\" name=\"Cleo\"/>\n"));
  g_assert_nonnull (strstr (xml, "    <target dimension=\"process\" level=\"4\"/>\n"));
  g_assert_nonnull (strstr (xml, "  <assessment id=\"followup\" date=\"2026-07-01\" bank=\"consultant-six\"/>\n"));
  g_assert_nonnull (strstr (xml, "  <process id=\"invoicing\" name=\"3PL billing\" start=\"2026-12\">\n"));
  g_assert_nonnull (strstr (xml, "    <input name=\"volume-per-month\" value=\"1200\" low=\"1000\" high=\"1500\"/>\n"));
  g_assert_nonnull (strstr (xml, "    <input name=\"exception-rate\" value=\"0.1\"/>\n"));
  g_assert_nonnull (strstr (xml, "    <input name=\"hourly-cost\" value=\"45\"/>\n"));
  g_assert_nonnull (strstr (xml, "    <actual month=\"2027-03\" items=\"1180\" hours=\"31.5\" errors=\"9\" run-cost=\"900\"/>\n"));
  g_assert_nonnull (strstr (xml, "    <actual month=\"2027-04\" hours=\"28\"/>\n"));
  g_assert_nonnull (strstr (xml, "    <alternative build-cost=\"135000\" build-weeks=\"39\"/>\n"));
  /* 0.333333333333333315 is the double nearest 1/3 printed with 18 digits;
   * 16 significant digits are enough to read it back. */
  g_assert_nonnull (strstr (xml, "    <input name=\"minutes-per-item\" value=\"0.3333333333333333\"/>\n"));

  /* second process: inputs written in table order, not file order */
  volume = strstr (xml, "<input name=\"volume-per-month\" value=\"400\"/>");
  minutes = strstr (xml, "<input name=\"minutes-per-item\" value=\"0.3333333333333333\"/>");
  g_assert_nonnull (volume);
  g_assert_nonnull (minutes);
  g_assert_true (volume < minutes);
  /* readiness, then alternative, then actuals, after the inputs */
  readiness = strstr (xml, "<readiness clarity=\"3\" access=\"4\" scope=\"5\"/>");
  alternative = strstr (xml, "<alternative");
  g_assert_nonnull (readiness);
  g_assert_true (strstr (xml, "oversight-hours-per-month") < readiness);
  g_assert_true (readiness < alternative);
  g_assert_true (alternative < strstr (xml, "<actual"));
  /* nothing but spaces for indentation, no tabs, and a final newline */
  g_assert_null (strchr (xml, '\t'));
  g_assert_true (g_str_has_suffix (xml, "</engagement>\n"));
}

static void
test_escaping (void)
{
  g_autoptr(LoEngagement) engagement = read_data ("escaping.lightsout", NULL);
  g_autofree char *xml = NULL;
  const LoAssessment *assessment;
  const LoRespondent *respondent;
  const LoProcess *process;

  g_assert_cmpstr (engagement->client_name, ==, "Smith & Söhne <GmbH> \"Nord\" 'Süd'");
  g_assert_cmpstr (engagement->client_industry, ==, "Retail & “logistics”");
  assessment = g_ptr_array_index (engagement->assessments, 0);
  g_assert_cmpstr (assessment->id, ==, "a&b");
  g_assert_cmpstr (assessment->date, ==, "2024-02-29");  /* a leap day */
  g_assert_cmpstr (assessment->bank, ==, "bank <x>");
  respondent = g_ptr_array_index (assessment->respondents, 0);
  g_assert_cmpstr (respondent->name, ==, "Zoë “Z” Ünal");
  g_assert_cmpstr (respondent->role, ==, "CFO & COO");
  g_assert_cmpstr (g_array_index (respondent->answers, LoAnswer, 0).question, ==, "q\"1\"");
  process = g_ptr_array_index (engagement->processes, 0);
  g_assert_cmpstr (process->id, ==, "p<1>");
  g_assert_cmpstr (process->name, ==, "Émission des factures — 請求書");
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_VOLUME_PER_MONTH), ==, 1e6);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_BUILD_COST), ==, 0.001);

  xml = lo_engagement_to_xml (engagement, NULL);
  g_assert_nonnull (strstr (xml, "name=\"Smith &amp; Söhne &lt;GmbH&gt; &quot;Nord&quot; 'Süd'\""));
  g_assert_nonnull (strstr (xml, "industry=\"Retail &amp; “logistics”\""));
  g_assert_nonnull (strstr (xml, "value=\"1000000\""));
  g_assert_nonnull (strstr (xml, "value=\"987654.321\""));
  g_assert_nonnull (strstr (xml, "value=\"0.001\""));
}

static void
test_newer_minor (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LoEngagement) engagement = read_data ("newer-minor.lightsout", warnings);
  g_autofree char *xml = NULL;
  const LoProcess *process;
  const char *expected[] = {
    "newer-minor.lightsout:4: skipped unknown attribute created-by on <engagement>",
    "newer-minor.lightsout:5: skipped unknown attribute logo on <client>",
    "newer-minor.lightsout:6: skipped unknown attribute tax-rate on <settings>",
    "newer-minor.lightsout:7: skipped unknown element <notes>",
    "newer-minor.lightsout:9: skipped unknown attribute mood on <respondent>",
    "newer-minor.lightsout:10: skipped unknown attribute confidence on <answer>",
    "newer-minor.lightsout:20: process p1: skipped unknown input “carbon-per-item”",
    "newer-minor.lightsout:21: skipped unknown element <risk>",
  };

  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_str_has_suffix (g_ptr_array_index (warnings, i), expected[i]));

  g_assert_cmpstr (engagement->version, ==, "1.2");
  g_assert_cmpstr (engagement->client_name, ==, "Future Co");
  g_assert_cmpint (engagement->settings.horizon_months, ==, 24);
  process = g_ptr_array_index (engagement->processes, 0);
  g_assert_cmpfloat (lo_process_get (process, LO_INPUT_BUILD_WEEKS), ==, 2);

  /* what this program writes is its own version, without the skipped parts */
  xml = lo_engagement_to_xml (engagement, NULL);
  g_assert_nonnull (strstr (xml, "version=\"1\">"));
  g_assert_null (strstr (xml, "notes"));
  g_assert_null (strstr (xml, "carbon"));
  assert_round_trip (engagement, "newer-minor.lightsout");

  /* warnings may be NULL */
  {
    g_autofree char *path = data_path ("engagements", "newer-minor.lightsout");
    g_autoptr(GError) error = NULL;
    g_autoptr(LoEngagement) again = lo_engagement_read_file (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
  }
}

/* An engagement built in code survives write → read with every value, and
 * numbers come back as the same doubles. */
static void
test_model_round_trip (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Model & Co");
  g_autoptr(LoEngagement) again = NULL;
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("a1", "2025-12-31", "lightsout-default");
  g_autoptr(LoProcess) process = lo_process_new ("p1", "Numbers");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  LoRespondent *respondent;
  const LoProcess *p;
  LoActual actual = { 2026, 1, 10, NAN, 0, NAN };
  gsize length;
  int value;

  engagement->settings.discount_rate = 0.1 + 0.2;   /* 0.30000000000000004 */
  engagement->settings.hours_per_week = 100.0 / 3.0;
  respondent = lo_assessment_add_respondent (assessment, "r1", "Ria", NULL);
  lo_respondent_set_answer (respondent, "q1", LO_ANSWER_NA);
  lo_respondent_set_answer (respondent, "q2", LO_ANSWER_DONT_KNOW);
  lo_respondent_set_answer (respondent, "q3", 5);
  lo_assessment_set_target (assessment, "data", 2);
  g_ptr_array_add (engagement->assessments, g_steal_pointer (&assessment));

  lo_process_set (process, LO_INPUT_VOLUME_PER_MONTH, 1e9 - 1.0 / 1024);   /* 17 digits */
  lo_process_set (process, LO_INPUT_MINUTES_PER_ITEM, 5e-324);   /* the smallest double */
  lo_process_set (process, LO_INPUT_HOURLY_COST, 1e6 - 1.0 / 3.0);
  lo_process_set (process, LO_INPUT_AUTOMATION_RATE, 0.7);
  lo_process_set_range (process, LO_INPUT_AUTOMATION_RATE, 0.1 * 3, 0.9);
  lo_process_set (process, LO_INPUT_BUILD_COST, 12345.678);
  lo_process_set (process, LO_INPUT_BUILD_WEEKS, 0);
  process->has_start = TRUE;
  process->start_year = 999;
  process->start_month = 1;
  g_array_append_val (process->actuals, actual);
  g_ptr_array_add (engagement->processes, g_steal_pointer (&process));

  xml = lo_engagement_to_xml (engagement, &length);
  g_test_message ("%s", xml);
  bytes = g_bytes_new (xml, length);
  again = lo_engagement_read_bytes (bytes, "model", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (again->client_name, ==, "Model & Co");
  g_assert_true (again->settings.discount_rate == 0.1 + 0.2);
  g_assert_true (again->settings.hours_per_week == 100.0 / 3.0);
  respondent = g_ptr_array_index (((LoAssessment *) g_ptr_array_index (again->assessments, 0))->respondents, 0);
  g_assert_null (respondent->role);
  g_assert_true (lo_respondent_get_answer (respondent, "q1", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_NA);
  g_assert_true (lo_respondent_get_answer (respondent, "q2", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_true (lo_respondent_get_answer (respondent, "q3", &value));
  g_assert_cmpint (value, ==, 5);

  p = g_ptr_array_index (again->processes, 0);
  for (LoInputId i = 0; i < LO_N_INPUTS; i++)
    {
      const LoProcess *orig = g_ptr_array_index (engagement->processes, 0);

      g_assert_cmpint (p->inputs[i].set, ==, orig->inputs[i].set);
      g_assert_true (p->inputs[i].value == orig->inputs[i].value);
      g_assert_cmpint (p->inputs[i].ranged, ==, orig->inputs[i].ranged);
      if (orig->inputs[i].ranged)
        {
          g_assert_true (p->inputs[i].low == orig->inputs[i].low);
          g_assert_true (p->inputs[i].high == orig->inputs[i].high);
        }
    }
  g_assert_cmpint (p->start_year, ==, 999);
  g_assert_cmpfloat (g_array_index (p->actuals, LoActual, 0).items, ==, 10);
  g_assert_true (isnan (g_array_index (p->actuals, LoActual, 0).hours));
  g_assert_cmpfloat (g_array_index (p->actuals, LoActual, 0).errors, ==, 0);

  g_assert_nonnull (strstr (xml, "discount-rate=\"0.30000000000000004\""));
  g_assert_nonnull (strstr (xml, " start=\"0999-01\""));
  assert_round_trip (engagement, "model");
}

/* The build order set by hand: read, written only when set, round trip. */
static void
test_custom_order (void)
{
  g_autofree char *path = data_path ("engagements", "custom-order.lightsout");
  g_autofree char *contents = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *suggested_xml = NULL;
  g_autofree char *plain_xml = NULL;
  g_autoptr(LoEngagement) engagement = read_data ("custom-order.lightsout", NULL);
  g_autoptr(LoEngagement) suggested = NULL;
  g_autoptr(LoEngagement) bad = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *suggested_text =
    "<?xml version=\"1.0\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">"
    "<client name=\"A\"/><settings build-order=\"suggested\"/></engagement>\n";
  const char *bad_text =
    "<?xml version=\"1.0\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
    "  <client name=\"A\"/>\n"
    "  <settings build-order=\"by-hand\"/>\n"
    "</engagement>\n";

  /* the file is written in canonical form: the writer gives back its bytes */
  g_assert_true (engagement->custom_order);
  g_assert_cmpuint (engagement->processes->len, ==, 3);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  xml = lo_engagement_to_xml (engagement, NULL);
  g_assert_cmpstr (xml, ==, contents);
  g_assert_nonnull (strstr (xml, " realisation-rate=\"1\" build-order=\"custom\"/>\n"));

  /* off: no attribute at all, so files without it keep their bytes */
  engagement->custom_order = FALSE;
  plain_xml = lo_engagement_to_xml (engagement, NULL);
  g_assert_null (strstr (plain_xml, "build-order"));
  g_assert_nonnull (strstr (plain_xml, " realisation-rate=\"1\"/>\n"));

  /* "suggested" is the default spelled out; it is not written back */
  bytes = g_bytes_new_static (suggested_text, strlen (suggested_text));
  suggested = lo_engagement_read_bytes (bytes, "suggested.lightsout", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (suggested->custom_order);
  suggested_xml = lo_engagement_to_xml (suggested, NULL);
  g_assert_null (strstr (suggested_xml, "build-order"));

  /* anything else is refused, naming the line, the element and the value */
  g_bytes_unref (bytes);
  bytes = g_bytes_new_static (bad_text, strlen (bad_text));
  bad = lo_engagement_read_bytes (bytes, "bad.lightsout", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.lightsout:4:"));
  g_assert_nonnull (strstr (error->message, "<settings>"));
  g_assert_nonnull (strstr (error->message, "build-order"));
  g_assert_nonnull (strstr (error->message, "“by-hand”"));
}

/* SPEC §3: bank-edition on <assessment>; absent means 1; other than 1 it
 * makes the file 2.0, which 1.x readers refuse instead of scoring the answers
 * with another edition's questions. */
static void
test_bank_edition (void)
{
  const char *one =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
    "  <client name=\"A\"/>\n"
    "  <settings horizon-months=\"36\" discount-rate=\"0.08\" currency=\"USD\" hours-per-week=\"40\" realisation-rate=\"1\"/>\n"
    "  <assessment id=\"a1\" date=\"2026-03-01\" bank=\"lightsout-default\"/>\n"
    "</engagement>\n";
  /* the same by hand with edition 2: only the version and the attribute differ */
  const char *two =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"2.0\">\n"
    "  <client name=\"A\"/>\n"
    "  <settings horizon-months=\"36\" discount-rate=\"0.08\" currency=\"USD\" hours-per-week=\"40\" realisation-rate=\"1\"/>\n"
    "  <assessment id=\"a1\" date=\"2026-03-01\" bank=\"lightsout-default\" bank-edition=\"2\"/>\n"
    "</engagement>\n";
  const char *bad_values[] = { "0", "-1", "two", "1.5", "" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (one, strlen (one));
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoEngagement) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_two = NULL;
  LoAssessment *assessment;

  engagement = lo_engagement_read_bytes (bytes, "one.lightsout", NULL, &error);
  g_assert_no_error (error);
  assessment = g_ptr_array_index (engagement->assessments, 0);
  g_assert_cmpuint (assessment->bank_edition, ==, 1);
  xml = lo_engagement_to_xml (engagement, NULL);
  g_assert_cmpstr (xml, ==, one);   /* edition 1 is left out: the bytes stay */

  assessment->bank_edition = 2;
  xml_two = lo_engagement_to_xml (engagement, NULL);
  g_assert_cmpstr (xml_two, ==, two);
  g_bytes_unref (bytes);
  bytes = g_bytes_new_static (two, strlen (two));
  again = lo_engagement_read_bytes (bytes, "two.lightsout", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->version, ==, "2.0");
  g_assert_cmpuint (((LoAssessment *) g_ptr_array_index (again->assessments, 0))->bank_edition, ==, 2);
  assert_round_trip (again, "two.lightsout");

  /* a copy keeps the edition */
  {
    g_autoptr(LoAssessment) copy = lo_assessment_copy (assessment);
    g_assert_cmpuint (copy->bank_edition, ==, 2);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "<?xml version=\"1.0\"?>\n"
        "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"2.0\">\n"
        "  <client name=\"A\"/>\n"
        "  <assessment id=\"a1\" date=\"2026-03-01\" bank=\"b\" bank-edition=\"%s\"/>\n"
        "</engagement>\n", bad_values[i]);
      g_autoptr(GBytes) bad = g_bytes_new (text, strlen (text));
      g_autoptr(LoEngagement) refused = lo_engagement_read_bytes (bad, "bad.lightsout", NULL, &error);

      g_assert_null (refused);
      g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "bad.lightsout:4:"));
      g_assert_nonnull (strstr (error->message, "a1"));
      g_assert_nonnull (strstr (error->message, "bank-edition"));
      g_clear_error (&error);
    }
}

/* The demo is answered with edition 2 of the default bank. */
static void
test_demo_edition (void)
{
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) bank = NULL;
  LoAssessment *assessment = g_ptr_array_index (demo->assessments, 0);

  g_assert_cmpstr (assessment->bank, ==, "lightsout-default");
  g_assert_cmpuint (assessment->bank_edition, ==, 2);
  g_assert_cmpstr (demo->version, ==, "2.0");
  bank = lo_bank_find_shipped_edition (assessment->bank, assessment->bank_edition, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < assessment->respondents->len; r++)
    {
      const LoRespondent *respondent = g_ptr_array_index (assessment->respondents, r);

      for (guint a = 0; a < respondent->answers->len; a++)
        g_assert_nonnull (lo_bank_lookup_question (bank, g_array_index (respondent->answers, LoAnswer, a).question));
    }
}

/* Many respondents and one with many answers: the duplicate checks are
 * sets, not a linear search per item (quadratic), and the answers keep
 * file order. */
static void
test_many_answers (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                                          "  <client name=\"Crowd\"/>\n"
                                          "  <assessment id=\"a1\" date=\"2026-01-01\" bank=\"b\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  const LoRespondent *respondent;
  gint64 start;
  int value;

  /* SPEC §2c: at most 1 000 respondents */
  for (guint r = 0; r < 1000; r++)
    {
      g_string_append_printf (text, "    <respondent id=\"r%u\" name=\"R%u\">\n", r, r);
      if (r == 0)
        for (guint q = 0; q < 20000; q++)
          g_string_append_printf (text, "      <answer question=\"q%u\" level=\"%u\"/>\n", q, q % 5 + 1);
      g_string_append (text, "    </respondent>\n");
    }
  g_string_append (text, "  </assessment>\n</engagement>\n");

  start = g_get_monotonic_time ();
  bytes = g_bytes_new (text->str, text->len);
  engagement = lo_engagement_read_bytes (bytes, "crowd.lightsout", NULL, &error);
  g_assert_no_error (error);
  g_test_message ("read in %.3f s", (g_get_monotonic_time () - start) / 1e6);

  respondent = g_ptr_array_index (((LoAssessment *) g_ptr_array_index (engagement->assessments, 0))->respondents, 0);
  g_assert_cmpuint (((LoAssessment *) g_ptr_array_index (engagement->assessments, 0))->respondents->len, ==, 1000);
  g_assert_cmpuint (respondent->answers->len, ==, 20000);
  /* file order kept; q19999 → level 19999 mod 5 + 1 = 5 */
  g_assert_cmpstr (g_array_index (respondent->answers, LoAnswer, 0).question, ==, "q0");
  g_assert_true (lo_respondent_get_answer (respondent, "q19999", &value));
  g_assert_cmpint (value, ==, 5);
}

static void
test_write_file (void)
{
  g_autoptr(LoEngagement) engagement = read_data ("full.lightsout", NULL);
  g_autoptr(LoEngagement) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lo-write-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.lightsout", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "out.lightsout", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-dir", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;
  guint n = 0;

  g_assert_no_error (error);

  g_assert_true (lo_engagement_write_file (engagement, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  expected = lo_engagement_to_xml (engagement, NULL);
  g_assert_cmpstr (contents, ==, expected);

  again = lo_engagement_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->client_name, ==, "Harbor Test Co");

  /* overwriting replaces the file */
  g_free (again->client_name);
  again->client_name = g_strdup ("Renamed");
  g_assert_true (lo_engagement_write_file (again, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_nonnull (strstr (contents, "name=\"Renamed\""));

  /* a missing directory: an error naming the path, and nothing written */
  g_assert_false (lo_engagement_write_file (engagement, missing, &error));
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* a directory in the way: refused, the directory is untouched */
  g_assert_cmpint (g_mkdir (missing_dir, 0755), ==, 0);
  g_assert_false (lo_engagement_write_file (engagement, missing_dir, &error));
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_true (g_file_test (missing_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_rmdir (missing_dir), ==, 0);

  /* no temporary file is left behind */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_demo (void)
{
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();

  g_assert_nonnull (demo);
  g_assert_cmpstr (demo->client_name, ==, "Harbor Logistics");
  assert_round_trip (demo, "harbor-logistics.lightsout");

  /* each call gives a fresh copy the caller may change */
  {
    g_autoptr(LoEngagement) other = lo_demo_engagement ();
    g_assert_true (other != demo);
  }
}

/* Numbers in files do not depend on the locale. */
static void
test_locale_independent (void)
{
  g_autoptr(LoEngagement) engagement = NULL;
  g_autofree char *xml = NULL;
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  engagement = read_data ("full.lightsout", NULL);
  g_assert_cmpfloat (engagement->settings.hours_per_week, ==, 37.5);
  xml = lo_engagement_to_xml (engagement, NULL);
  g_assert_nonnull (strstr (xml, "hours-per-week=\"37.5\""));
  setlocale (LC_NUMERIC, saved);
}

int
main (int   argc,
      char *argv[])
{
  static const char *files[] = {
    "minimal.lightsout", "base.lightsout", "full.lightsout", "escaping.lightsout",
    "newer-minor.lightsout", "custom-order.lightsout",
  };

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/io/engagement/round-trip/%s", files[i]);
      g_test_add_data_func (path, files[i], test_round_trip_file);
    }
  g_test_add_func ("/lo/io/engagement/minimal-canonical", test_minimal_canonical);
  g_test_add_func ("/lo/io/engagement/full", test_full);
  g_test_add_func ("/lo/io/engagement/full-canonical", test_full_canonical);
  g_test_add_func ("/lo/io/engagement/escaping", test_escaping);
  g_test_add_func ("/lo/io/engagement/newer-minor", test_newer_minor);
  g_test_add_func ("/lo/io/engagement/model-round-trip", test_model_round_trip);
  g_test_add_func ("/lo/io/engagement/custom-order", test_custom_order);
  g_test_add_func ("/lo/io/engagement/many-answers", test_many_answers);
  g_test_add_func ("/lo/io/engagement/write-file", test_write_file);
  g_test_add_func ("/lo/io/engagement/demo", test_demo);
  g_test_add_func ("/lo/io/engagement/bank-edition", test_bank_edition);
  g_test_add_func ("/lo/io/engagement/demo-edition", test_demo_edition);
  g_test_add_func ("/lo/io/engagement/locale-independent", test_locale_independent);

  return g_test_run ();
}
