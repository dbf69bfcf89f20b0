/* test-bad-files.c: hostile and broken banks and engagement files are refused
 * with the right error code and a message that names the file and the field,
 * and nothing is written from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lo-io.h"

typedef enum
{
  KIND_ENGAGEMENT,
  KIND_BANK,
} Kind;

typedef enum
{
  SOURCE_FILE,          /* tests/data/bad/<file> as it is */
  SOURCE_QUADRATIC,     /* generated: one big entity referenced many times */
  SOURCE_OVERSIZED,     /* generated: more than LO_IO_MAX_FILE_SIZE */
  SOURCE_INVALID_UTF8,  /* generated: base.lightsout with a 0xFF byte */
  SOURCE_NUL,           /* generated: base.lightsout with a NUL byte */
  SOURCE_DEEP,          /* generated: 10 000 nested elements */
} Source;

typedef struct
{
  const char *name;
  Source      source;
  Kind        kind;
  LoIoError   code;
  const char *fragments[4];  /* each must appear in the message */
} BadCase;

static const BadCase cases[] = {
  /* Not XML, or not safe XML */
  { "malformed.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    { "malformed.lightsout:7:", "mismatch" } },
  { "empty.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    { "empty.lightsout", "empty" } },
  { "undefined-entity.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    { "undefined-entity.lightsout:3:", "nbsp" } },
  { "external-entity.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    { "external-entity.lightsout:2:", "DOCTYPE" } },
  { "network-entity.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    { "network-entity.lightsout:2:", "DOCTYPE" } },
  { "external-dtd.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    { "external-dtd.lightsout:2:", "DOCTYPE" } },
  { "billion-laughs.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    { "billion-laughs.lightsout:2:", "DOCTYPE" } },
  { "quadratic-blowup.lightsout", SOURCE_QUADRATIC, KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    { "quadratic-blowup.lightsout:2:", "DOCTYPE" } },
  { "oversized.lightsout", SOURCE_OVERSIZED, KIND_ENGAGEMENT, LO_IO_ERROR_TOO_LARGE,
    { "oversized.lightsout", "67108865 bytes" } },
  { "invalid-utf8.lightsout", SOURCE_INVALID_UTF8, KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    { "invalid-utf8.lightsout:3:", "UTF-8" } },
  { "nul-byte.lightsout", SOURCE_NUL, KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    { "nul-byte.lightsout:3:", "NUL" } },
  { "deep-nesting.lightsout", SOURCE_DEEP, KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    { "deep-nesting.lightsout:3:", "depth" } },

  /* Another format or version */
  { "wrong-namespace.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_WRONG_FORMAT,
    { "wrong-namespace.lightsout:2:", "urn:example:other-format:1", "<engagement>" } },
  { "no-namespace.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_WRONG_FORMAT,
    { "no-namespace.lightsout:2:", "no namespace" } },
  { "newer-major.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_VERSION,
    { "newer-major.lightsout: format version 3.0 is newer than this program supports (2)" } },
  { "newer-major-namespace.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_VERSION,
    { "newer-major-namespace.lightsout:", "urn:lightsout:engagement:2", "newer" } },
  { "bad-version.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-version.lightsout:2:", "“one”" } },
  { "missing-version.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "missing-version.lightsout:2:", "no version" } },

  /* Unknown names in the current version: a typo must not zero an input */
  { "unknown-element.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "unknown-element.lightsout:16:", "unknown element <volume>", "<process>" } },
  { "unknown-root-element.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "unknown-root-element.lightsout:4:", "<notes>" } },
  { "unknown-attribute.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "unknown-attribute.lightsout:12:", "unknown attribute typical", "<input>" } },
  { "unknown-input.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "unknown-input.lightsout:10:", "process invoicing", "“volum-per-month”" } },
  { "stray-text.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "stray-text.lightsout:16:", "unexpected text in <process>" } },

  /* Values */
  { "level-six.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "level-six.lightsout:6:", "respondent r1", "process.documentation", "“6”" } },
  { "level-seven.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "level-seven.lightsout:6:", "process.documentation", "“seven”" } },
  { "bad-target.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-target.lightsout:8:", "target for data", "“9”" } },
  { "number-abc.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "number-abc.lightsout:14: process invoicing: input build-cost: “abc” is not a number" } },
  { "number-1e999.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "number-1e999.lightsout:14:", "build-cost", "“1e999” is not a number" } },
  { "number-nan.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "number-nan.lightsout:14:", "build-cost", "“nan” is not a number" } },
  { "number-inf.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "number-inf.lightsout:14:", "build-cost", "“-inf” is not a number" } },
  { "number-hex.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "number-hex.lightsout:14:", "build-cost", "“0x10” is not a number" } },
  { "number-space.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "number-space.lightsout:14:", "build-cost", "“ 55000” is not a number" } },
  { "number-comma.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "number-comma.lightsout:14:", "build-cost", "“55,5” is not a number" } },
  /* a newer minor version skips the unknown, not the wrong */
  { "newer-minor-bad-number.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "newer-minor-bad-number.lightsout:14:", "build-cost", "“abc” is not a number" } },
  { "low-above-value.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "low-above-value.lightsout:10:", "input volume-per-month", "low 1300" } },
  { "low-without-high.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "low-without-high.lightsout:10:", "input volume-per-month", "both or neither" } },
  { "rate-out-of-range.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "rate-out-of-range.lightsout:13:", "process invoicing: automation-rate: 1.5 is not between 0 and 1" } },
  { "negative-cost.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "negative-cost.lightsout:12:", "process invoicing: hourly-cost: -45 must not be negative" } },
  { "missing-input.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "missing-input.lightsout:9:", "process invoicing: input build-cost is missing" } },
  { "missing-client-name.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "missing-client-name.lightsout:3:", "<client>", "name is missing" } },
  { "empty-client-name.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "empty-client-name.lightsout:3:", "<client>", "name is empty" } },
  { "missing-client.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "missing-client.lightsout:2:", "no <client>" } },
  { "two-clients.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "two-clients.lightsout:4:", "<client> is given twice" } },
  { "bad-date.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-date.lightsout:4:", "assessment a1", "“2026-02-30”" } },
  { "bad-date-format.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-date-format.lightsout:4:", "“1/3/2026”", "YYYY-MM-DD" } },
  { "bad-start.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-start.lightsout:9:", "process invoicing", "“2026-13”" } },
  { "bad-horizon.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-horizon.lightsout:4:", "horizon-months", "“241”", "1 to 240" } },
  { "bad-currency.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-currency.lightsout:4:", "currency", "“usd”" } },
  { "bad-readiness.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-readiness.lightsout:16:", "process invoicing: readiness", "access", "“0”" } },
  { "bad-actual-month.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "bad-actual-month.lightsout:16:", "process invoicing", "“2027-3”" } },

  /* Duplicates */
  { "duplicate-process.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "duplicate-process.lightsout:17:", "process id “invoicing” is used twice" } },
  { "duplicate-respondent.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "duplicate-respondent.lightsout:8:", "assessment a1", "respondent id “r1” is used twice" } },
  { "duplicate-answer.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "duplicate-answer.lightsout:7:", "respondent r1 answers process.documentation twice" } },
  { "duplicate-assessment.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "duplicate-assessment.lightsout:9:", "assessment id “a1” is used twice" } },
  { "duplicate-input.lightsout", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    { "duplicate-input.lightsout:16:", "input build-weeks is given twice" } },

  /* Question banks */
  { "bank-newer-major.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_VERSION,
    { "bank-newer-major.xml:3:", "urn:lightsout:question-bank:2", "newer major version" } },
  { "bank-wrong-namespace.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_WRONG_FORMAT,
    { "bank-wrong-namespace.xml:3:", "urn:lightsout:engagement:1", "not a question bank" } },
  { "bank-as-engagement", SOURCE_FILE, KIND_ENGAGEMENT, LO_IO_ERROR_WRONG_FORMAT,
    { "six-dimensions.xml:3:", "<question-bank>", "urn:lightsout:question-bank:1" } },
  { "engagement-as-bank", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_WRONG_FORMAT,
    { "base.lightsout:2:", "<engagement>", "not a question bank" } },
  { "bank-duplicate-question.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-duplicate-question.xml:", "process.q1", "twice" } },
  { "bank-duplicate-dimension.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-duplicate-dimension.xml:", "dimension “data”", "twice" } },
  { "bank-option-level.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-option-level.xml:", "question process.q1", "option level “6”" } },
  { "bank-missing-option.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-missing-option.xml:", "question data.q2 has no <option> for level 3" } },
  { "bank-duplicate-option.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-duplicate-option.xml:", "question data.q2", "level 2 is given twice" } },
  { "bank-action-level-one.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-action-level-one.xml:", "question people.q1", "action level “1”" } },
  { "bank-unknown-attribute.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-unknown-attribute.xml:182:", "unknown attribute wieght", "<question>" } },
  { "bank-unknown-element.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-unknown-element.xml:183:", "unknown element <hint>", "<question>" } },
  { "bank-weight-zero.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-weight-zero.xml:", "question process.q2: weight: 0 must be above 0" } },
  { "bank-allow-na.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-allow-na.xml:", "question data.q3", "allow-na “yes”" } },
  { "bank-missing-level.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-missing-level.xml:3:", "<level value=\"4\">" } },
  { "bank-version.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-version.xml:3:", "version “0”" } },
  { "bank-doctype.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_FORBIDDEN,
    { "bank-doctype.xml:3:", "DOCTYPE" } },
  { "bank-empty-option.xml", SOURCE_FILE, KIND_BANK, LO_IO_ERROR_INVALID,
    { "bank-empty-option.xml:", "question automation.q1", "level 1 is empty" } },
};

static char *
data_path (const char *first,
           ...)
{
  const char *root = g_getenv ("LO_TEST_DATA");
  va_list args;
  GPtrArray *parts = g_ptr_array_new ();
  char *path;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (char *) root);
  g_ptr_array_add (parts, (char *) first);
  va_start (args, first);
  for (const char *p = va_arg (args, const char *); p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_unref (parts);
  return path;
}

static char *
read_base (void)
{
  g_autofree char *path = data_path ("engagements", "base.lightsout", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Writes a generated case into @dir and returns its path. */
static char *
generate (const BadCase *c,
          const char    *dir)
{
  g_autofree char *path = g_build_filename (dir, c->name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = read_base ();
  GString *out = g_string_new (NULL);
  char *at;

  switch (c->source)
    {
    case SOURCE_QUADRATIC:
      {
        /* One 50 KB entity referenced 20 000 times: 110 KB on disk, 1 GB
         * of text if it were expanded (PLATFORM.md). */
        g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE engagement [\n  <!ENTITY a \"");
        for (int i = 0; i < 50000; i++)
          g_string_append_c (out, 'a');
        g_string_append (out, "\">\n]>\n<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n  <client name=\"");
        for (int i = 0; i < 20000; i++)
          g_string_append (out, "&a;");
        g_string_append (out, "\"/>\n</engagement>\n");
      }
      break;

    case SOURCE_OVERSIZED:
      {
        /* A valid start, then a comment that takes it one byte over the cap. */
        g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--");
        while (out->len < LO_IO_MAX_FILE_SIZE + 1 - 3)
          g_string_append_c (out, ' ');
        g_string_append (out, "-->");
        g_assert_cmpuint (out->len, ==, LO_IO_MAX_FILE_SIZE + 1);
      }
      break;

    case SOURCE_INVALID_UTF8:
      g_string_append (out, base);
      at = strstr (out->str, "Bad Case");
      g_assert_nonnull (at);
      at[3] = (char) 0xFF;
      break;

    case SOURCE_NUL:
      g_string_append (out, base);
      at = strstr (out->str, "Bad Case");
      g_assert_nonnull (at);
      at[3] = '\0';
      break;

    case SOURCE_DEEP:
      /* libxml2 stops at a depth of 256 without XML_PARSE_HUGE. */
      g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n");
      for (int i = 0; i < 10000; i++)
        g_string_append (out, "<x>");
      for (int i = 0; i < 10000; i++)
        g_string_append (out, "</x>");
      g_string_append (out, "\n</engagement>\n");
      break;

    case SOURCE_FILE:
    default:
      g_assert_not_reached ();
    }

  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  g_string_free (out, TRUE);
  return g_steal_pointer (&path);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = g_dir_make_tmp ("lo-bad-XXXXXX", NULL);
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) write_error = NULL;
  gboolean loaded = FALSE;

  g_assert_nonnull (dir);

  if (c->source != SOURCE_FILE)
    input = generate (c, dir);
  else if (g_str_equal (c->name, "bank-as-engagement"))
    input = data_path ("banks", "six-dimensions.xml", NULL);
  else if (g_str_equal (c->name, "engagement-as-bank"))
    input = data_path ("engagements", "base.lightsout", NULL);
  else
    input = data_path ("bad", c->name, NULL);

  output = g_build_filename (dir, "out.lightsout", NULL);

  if (c->kind == KIND_ENGAGEMENT)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(LoEngagement) engagement = lo_engagement_read_file (input, warnings, &error);

      /* What the command line does: read, then write only what was read. */
      if (engagement != NULL)
        {
          loaded = TRUE;
          lo_engagement_write_file (engagement, output, &write_error);
        }
      g_assert_cmpuint (warnings->len, ==, 0);
    }
  else
    {
      g_autoptr(LoBank) bank = lo_bank_read_file (input, &error);

      if (bank != NULL)
        {
          g_autofree char *xml = NULL;
          gsize length;

          loaded = TRUE;
          xml = lo_bank_to_xml (bank, &length);
          lo_io_write_atomic (output, xml, length, &write_error);
        }
    }

  g_assert_false (loaded);
  g_assert_error (error, LO_IO_ERROR, (int) c->code);
  g_test_message ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (c->fragments) && c->fragments[i] != NULL; i++)
    {
      if (strstr (error->message, c->fragments[i]) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, c->fragments[i]);
    }
  /* A message is one line, and no secret from an entity leaks into it. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "root:"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  if (c->source != SOURCE_FILE)
    g_assert_cmpint (g_unlink (input), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The base file all the bad ones are made from is itself fine, so each bad
 * file fails for its one change. */
static void
test_base_is_good (void)
{
  g_autofree char *path = data_path ("engagements", "base.lightsout", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_engagement_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  g_assert_cmpstr (engagement->client_name, ==, "Bad Case");
}

/* The messages about an input or an answer, whose names the reader makes
 * only when it writes one: each edit of base.lightsout gives its message,
 * with the line. */
static void
test_input_and_answer_messages (void)
{
  static const struct
  {
    const char *from;
    const char *to;
    const char *message;
  } edits[] = {
    { "<input name=\"volume-per-month\" value=\"1200\"/>", "<input value=\"1200\"/>",
      "edited.lightsout:10: process invoicing: <input>: attribute name is missing" },
    { "<input name=\"volume-per-month\" value=\"1200\"/>", "<input name=\" \" value=\"1200\"/>",
      "edited.lightsout:10: process invoicing: <input>: attribute name is empty" },
    { "<input name=\"volume-per-month\" value=\"1200\"/>", "<input name=\"volume-per-month\"/>",
      "edited.lightsout:10: process invoicing: input volume-per-month: attribute value is missing" },
    { "<input name=\"volume-per-month\" value=\"1200\"/>", "<input name=\"volume-per-month\" value=\"many\"/>",
      "edited.lightsout:10: process invoicing: input volume-per-month: “many” is not a number" },
    { "<input name=\"volume-per-month\" value=\"1200\"/>", "<input name=\"volume-per-month\" value=\"1200\" low=\"1\"/>",
      "edited.lightsout:10: process invoicing: input volume-per-month: low and high must be given both or neither" },
    { "<input name=\"volume-per-month\" value=\"1200\"/>",
      "<input name=\"volume-per-month\" value=\"1200\" low=\"1300\" high=\"1400\"/>",
      "edited.lightsout:10: process invoicing: input volume-per-month: low 1300, value 1200 and high 1400 "
      "are not in order (low ≤ value ≤ high)" },
    { "<answer question=\"process.documentation\" level=\"2\"/>", "<answer level=\"2\"/>",
      "edited.lightsout:6: respondent r1: attribute question is missing" },
    { "<answer question=\"process.documentation\" level=\"2\"/>", "<answer question=\"\" level=\"2\"/>",
      "edited.lightsout:6: respondent r1: attribute question is empty" },
    { "<answer question=\"process.documentation\" level=\"2\"/>",
      "<answer question=\"process.documentation\" level=\"7\"/>",
      "edited.lightsout:6: respondent r1: answer to process.documentation: level “7” is not 1 to 5 or na" },
    { "<answer question=\"process.documentation\" level=\"2\"/>",
      "<answer question=\"process.documentation\" level=\"2\"><note>a</note><note>b</note></answer>",
      "edited.lightsout:6: respondent r1: answer to process.documentation: the note is given twice" },
  };
  g_autofree char *path = data_path ("engagements", "base.lightsout", NULL);
  g_autofree char *base = NULL;

  g_assert_true (g_file_get_contents (path, &base, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_auto(GStrv) parts = g_strsplit (base, edits[i].from, 2);
      g_autofree char *edited = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LoEngagement) engagement = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      edited = g_strjoin (edits[i].to, parts[0], parts[1], NULL);
      bytes = g_bytes_new (edited, strlen (edited));
      engagement = lo_engagement_read_bytes (bytes, "edited.lightsout", NULL, &error);
      g_assert_null (engagement);
      g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, edits[i].message);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_engagement_read_file ("/nonexistent/x.lightsout", NULL, &error);
  g_autoptr(LoBank) bank = NULL;

  g_assert_null (engagement);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "/nonexistent/x.lightsout"));
  g_clear_error (&error);

  /* A directory is not a file. */
  bank = lo_bank_read_file (g_get_tmp_dir (), &error);
  g_assert_null (bank);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_READ);
}

/* The size cap applies to bytes handed over directly as well. */
static void
test_oversized_bytes (void)
{
  gsize size = LO_IO_MAX_FILE_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_engagement_read_bytes (bytes, "big", NULL, &error);

  g_assert_null (engagement);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "big: "));
}

/* libxml2 says nothing on stderr: its messages only reach the GError. This is
 * checked in a subprocess whose stderr is captured. */
static void
test_quiet (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = data_path ("bad", "malformed.lightsout", NULL);
      g_autofree char *path2 = data_path ("bad", "external-entity.lightsout", NULL);
      g_autofree char *path3 = data_path ("bad", "undefined-entity.lightsout", NULL);
      g_autoptr(GError) error = NULL;
      LoEngagement *engagement;

      engagement = lo_engagement_read_file (path, NULL, &error);
      g_assert_null (engagement);
      g_clear_error (&error);
      engagement = lo_engagement_read_file (path2, NULL, &error);
      g_assert_null (engagement);
      g_clear_error (&error);
      engagement = lo_engagement_read_file (path3, NULL, &error);
      g_assert_null (engagement);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/io/bad/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_bad_file);
    }
  g_test_add_func ("/lo/io/bad/base-is-good", test_base_is_good);
  g_test_add_func ("/lo/io/bad/missing-file", test_missing_file);
  g_test_add_func ("/lo/io/bad/input-and-answer-messages", test_input_and_answer_messages);
  g_test_add_func ("/lo/io/bad/oversized-bytes", test_oversized_bytes);
  g_test_add_func ("/lo/io/bad/quiet", test_quiet);

  return g_test_run ();
}
