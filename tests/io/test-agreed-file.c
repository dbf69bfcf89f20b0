/* test-agreed-file.c: notes and agreed answers in .lightsout files (SPEC §3)
 *
 * Notes make a file 1.1, an agreed answer 2.0; a file with only 1.0 content
 * keeps its bytes; the expected XML is written out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-io.h"

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"%s\">\n" \
  "  <client name=\"Acme\"/>\n" \
  "  <settings horizon-months=\"36\" discount-rate=\"0.08\" currency=\"USD\" hours-per-week=\"40\" realisation-rate=\"1\"/>\n"

static const char plain_body[] =
  "  <assessment id=\"w1\" date=\"2026-05-04\" bank=\"lightsout-default\">\n"
  "    <respondent id=\"ana\" name=\"Ana\">\n"
  "      <answer question=\"process.documentation\" level=\"2\"/>\n"
  "    </respondent>\n"
  "  </assessment>\n"
  "</engagement>\n";

static const char notes_body[] =
  "  <assessment id=\"w1\" date=\"2026-05-04\" bank=\"lightsout-default\">\n"
  "    <respondent id=\"ana\" name=\"Ana\">\n"
  "      <answer question=\"process.documentation\" level=\"2\">\n"
  "        <note>Two lines &amp; a &lt;tag&gt;:\n“quoted”</note>\n"
  "      </answer>\n"
  "      <answer question=\"process.ownership\"/>\n"
  "    </respondent>\n"
  "  </assessment>\n"
  "</engagement>\n";

static const char agreed_body[] =
  "  <assessment id=\"w1\" date=\"2026-05-04\" bank=\"lightsout-default\">\n"
  "    <respondent id=\"ana\" name=\"Ana\">\n"
  "      <answer question=\"process.documentation\" level=\"2\"/>\n"
  "    </respondent>\n"
  "    <respondent id=\"ben\" name=\"Ben\">\n"
  "      <answer question=\"process.documentation\" level=\"4\"/>\n"
  "    </respondent>\n"
  "    <agreed question=\"process.documentation\" level=\"3\">\n"
  "      <note>Documented for invoicing only.</note>\n"
  "    </agreed>\n"
  "    <agreed question=\"data.copies\"/>\n"
  "    <target dimension=\"data\" level=\"3\"/>\n"
  "  </assessment>\n"
  "</engagement>\n";

static LoEngagement *
read_text (const char *text,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return lo_engagement_read_bytes (bytes, "test.lightsout", NULL, error);
}

/* Reads @version's @body, checks it is written back byte for byte. */
static LoEngagement *
round_trip (const char *version,
            const char *body)
{
  g_autofree char *head = g_strdup_printf (HEAD, version);
  g_autofree char *text = g_strconcat (head, body, NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  LoEngagement *engagement = read_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  written = lo_engagement_to_xml (engagement, NULL);
  g_assert_cmpstr (written, ==, text);
  return engagement;
}

static void
test_plain_stays_1 (void)
{
  g_autoptr(LoEngagement) engagement = round_trip ("1", plain_body);
  LoAssessment *assessment = g_ptr_array_index (engagement->assessments, 0);

  g_assert_cmpuint (assessment->agreed->len, ==, 0);
  g_assert_false (lo_assessment_has_notes (assessment));
}

static void
test_notes_make_1_1 (void)
{
  g_autoptr(LoEngagement) engagement = round_trip ("1.1", notes_body);
  LoAssessment *assessment = g_ptr_array_index (engagement->assessments, 0);
  LoRespondent *ana = lo_assessment_lookup_respondent (assessment, "ana");
  int value = -9;

  g_assert_cmpstr (lo_respondent_get_note (ana, "process.documentation"), ==,
                   "Two lines & a <tag>:\n“quoted”");
  g_assert_true (lo_respondent_get_answer (ana, "process.ownership", &value));
  g_assert_cmpint (value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_null (lo_respondent_get_note (ana, "process.ownership"));
}

static void
test_agreed_makes_2_0 (void)
{
  g_autoptr(LoEngagement) engagement = round_trip ("2.0", agreed_body);
  LoAssessment *assessment = g_ptr_array_index (engagement->assessments, 0);
  const LoAgreed *agreed = lo_assessment_get_agreed (assessment, "process.documentation");
  g_autofree char *written = NULL;

  g_assert_nonnull (agreed);
  g_assert_cmpint (agreed->value, ==, 3);
  g_assert_cmpstr (agreed->note, ==, "Documented for invoicing only.");
  agreed = lo_assessment_get_agreed (assessment, "data.copies");
  g_assert_nonnull (agreed);
  g_assert_cmpint (agreed->value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_null (agreed->note);

  /* without the agreed answers it is a 1.0 file again */
  lo_assessment_clear_agreed (assessment, "process.documentation");
  lo_assessment_clear_agreed (assessment, "data.copies");
  written = lo_engagement_to_xml (engagement, NULL);
  g_assert_nonnull (strstr (written, "version=\"1\""));
}

static void
test_bad_notes_refused (void)
{
  static const struct { const char *body; const char *says; } cases[] = {
    { "<answer question=\"q\" level=\"2\"><note>a</note><note>b</note></answer>", "twice" },
    { "<answer question=\"q\" level=\"2\"><note>a<b/></note></answer>", "only text" },
    { "<answer question=\"q\" level=\"2\"><note x=\"1\">a</note></answer>", "x" },
    { "<answer question=\"q\" level=\"7\"><note>a</note></answer>", "level “7”" },
  };
  /* version 1: in a newer minor version an unknown attribute is only skipped */
  g_autofree char *head = g_strdup_printf (HEAD, "1");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s  <assessment id=\"w\" date=\"2026-05-04\" bank=\"b\">"
                                               "<respondent id=\"r\" name=\"R\">%s</respondent>"
                                               "</assessment></engagement>", head, cases[i].body);
      g_autoptr(GError) error = NULL;
      g_autoptr(LoEngagement) engagement = read_text (text, &error);

      g_assert_null (engagement);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
    }
}

static void
test_bad_agreed_refused (void)
{
  g_autofree char *head = g_strdup_printf (HEAD, "2.0");
  g_autofree char *twice = g_strdup_printf ("%s  <assessment id=\"w\" date=\"2026-05-04\" bank=\"b\">"
                                            "<agreed question=\"q\" level=\"2\"/><agreed question=\"q\"/>"
                                            "</assessment></engagement>", head);
  g_autofree char *long_note = NULL;
  g_autofree char *too_long = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;

  engagement = read_text (twice, &error);
  g_assert_null (engagement);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "agreed answer to q"));
  g_clear_error (&error);

  long_note = g_strnfill (LO_NOTE_MAX_CHARS + 1, 'n');
  too_long = g_strdup_printf ("%s  <assessment id=\"w\" date=\"2026-05-04\" bank=\"b\">"
                              "<agreed question=\"q\" level=\"2\"><note>%s</note></agreed>"
                              "</assessment></engagement>", head, long_note);
  engagement = read_text (too_long, &error);
  g_assert_null (engagement);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "20000"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreed-file/plain-stays-1", test_plain_stays_1);
  g_test_add_func ("/agreed-file/notes-make-1.1", test_notes_make_1_1);
  g_test_add_func ("/agreed-file/agreed-makes-2.0", test_agreed_makes_2_0);
  g_test_add_func ("/agreed-file/bad-notes-refused", test_bad_notes_refused);
  g_test_add_func ("/agreed-file/bad-agreed-refused", test_bad_agreed_refused);

  return g_test_run ();
}
