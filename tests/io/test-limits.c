/* test-limits.c: SPEC §2c, every limit at its bound (accepted) and just past
 * it (refused, naming the input and the bound), through the file readers;
 * the table itself; and the score of a bank whose weights would overflow.
 *
 * The bounds are SPEC §2c's, written here by hand, not read from the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-io.h"
#include "lo-json-private.h"

typedef enum
{
  AT_INPUT,
  AT_LOW_HIGH,
  AT_SETTINGS,
  AT_ALTERNATIVE,
  AT_ACTUAL,
  AT_ANSWER,
  AT_TARGET,
  AT_READINESS,
  AT_CLIENT,
  AT_PROCESS,
  AT_RESPONDENT,
  AT_ASSESSMENT,
} Where;

typedef struct
{
  const char *test;     /* the test's path component */
  Where       where;
  const char *attr;     /* the attribute, or the input's name */
  const char *ok;       /* at the bound: accepted */
  const char *bad;      /* just past it: refused */
  const char *bound;    /* in the refusal, with the input's name; NULL: the name only */
} LimitCase;

/* "@200" is 200 characters, "@201" 201, "@ctl" a name with a line break */
static const LimitCase cases[] = {
  { "volume-per-month", AT_INPUT, "volume-per-month", "1000000000", "1000000001", "1000000000" },
  { "volume-per-month-negative", AT_INPUT, "volume-per-month", "0", "-1", NULL },
  { "minutes-per-item", AT_INPUT, "minutes-per-item", "10000", "10000.5", "10000" },
  { "minutes-per-exception", AT_INPUT, "minutes-per-exception", "10000", "10001", "10000" },
  { "review-minutes-per-item", AT_INPUT, "review-minutes-per-item", "10000", "10001", "10000" },
  { "hourly-cost", AT_INPUT, "hourly-cost", "1000000", "1000001", "1000000" },
  { "cost-per-error", AT_INPUT, "cost-per-error", "1000000000", "1000000001", "1000000000" },
  { "build-cost", AT_INPUT, "build-cost", "1e12", "1.000001e12", "1000000000000" },
  { "run-cost-per-month", AT_INPUT, "run-cost-per-month", "1e10", "1.1e10", "10000000000" },
  { "build-weeks", AT_INPUT, "build-weeks", "520", "1e9", "520" },
  { "ramp-months", AT_INPUT, "ramp-months", "120", "121", "120" },
  { "oversight-hours-per-month", AT_INPUT, "oversight-hours-per-month", "100000", "100001", "100000" },
  { "automation-rate", AT_INPUT, "automation-rate", "1", "1.01", "1" },
  { "exception-rate", AT_INPUT, "exception-rate", "1", "1.5", "1" },
  { "error-rate-before", AT_INPUT, "error-rate-before", "0", "-0.01", NULL },
  { "error-rate-after", AT_INPUT, "error-rate-after", "1", "2", "1" },
  { "high", AT_LOW_HIGH, "build-weeks", "520", "521", "520" },
  { "horizon-months", AT_SETTINGS, "horizon-months", "240", "241", "240" },
  { "horizon-months-low", AT_SETTINGS, "horizon-months", "1", "0", "1" },
  { "discount-rate", AT_SETTINGS, "discount-rate", "1", "1.01", "1" },
  { "discount-rate-low", AT_SETTINGS, "discount-rate", "-0.5", "-0.51", "-0.5" },
  { "hours-per-week", AT_SETTINGS, "hours-per-week", "168", "168.5", "168" },
  { "hours-per-week-low", AT_SETTINGS, "hours-per-week", "1", "0.99", "1" },
  { "realisation-rate", AT_SETTINGS, "realisation-rate", "1", "1.01", "1" },
  { "alternative-build-cost", AT_ALTERNATIVE, "build-cost", "1e12", "2e12", "1000000000000" },
  { "alternative-build-weeks", AT_ALTERNATIVE, "build-weeks", "520", "521", "520" },
  { "actual-items", AT_ACTUAL, "items", "1e9", "1000000001", "1000000000" },
  { "actual-hours", AT_ACTUAL, "hours", "1e6", "1000001", "1000000" },
  { "actual-errors", AT_ACTUAL, "errors", "1e9", "2e9", "1000000000" },
  { "actual-run-cost", AT_ACTUAL, "run-cost", "1e10", "2e10", "10000000000" },
  { "answer-level", AT_ANSWER, "level", "5", "6", NULL },
  { "target-level", AT_TARGET, "level", "5", "6", "5" },
  { "readiness", AT_READINESS, "clarity", "5", "6", "5" },
  { "client-name", AT_CLIENT, "name", "@200", "@201", "200" },
  { "client-name-control", AT_CLIENT, "name", "Acme", "@ctl", "U+000A" },
  { "industry", AT_CLIENT, "industry", "@200", "@201", "200" },
  { "process-id", AT_PROCESS, "id", "@200", "@201", "200" },
  { "process-name", AT_PROCESS, "name", "@200", "@ctl", "U+000A" },
  { "respondent-id", AT_RESPONDENT, "id", "@200", "@201", "200" },
  { "respondent-name", AT_RESPONDENT, "name", "@200", "@201", "200" },
  { "role", AT_RESPONDENT, "role", "@200", "@201", "200" },
  { "assessment-id", AT_ASSESSMENT, "id", "@200", "@201", "200" },
};

static char *
expand (const char *value)
{
  if (g_str_equal (value, "@200"))
    return g_strnfill (200, 'n');
  if (g_str_equal (value, "@201"))
    return g_strnfill (201, 'n');
  if (g_str_equal (value, "@ctl"))
    return g_strdup ("two&#10;rows");
  return g_strdup (value);
}

/* The attribute @attr="@value" when @c is at @where, else nothing. */
static void
attr_if (GString         *out,
         const LimitCase *c,
         Where            where,
         const char      *attr,
         const char      *value,
         const char      *otherwise)
{
  if (c->where == where && g_str_equal (c->attr, attr))
    g_string_append_printf (out, " %s=\"%s\"", attr, value);
  else if (otherwise != NULL)
    g_string_append_printf (out, " %s=\"%s\"", attr, otherwise);
}

static void
append_input (GString         *out,
              const LimitCase *c,
              const char      *name,
              const char      *value,
              const char      *fallback)
{
  if (c->where == AT_LOW_HIGH && g_str_equal (c->attr, name))
    g_string_append_printf (out, "    <input name=\"%s\" value=\"1\" low=\"0\" high=\"%s\"/>\n",
                            name, value);
  else if (c->where == AT_INPUT && g_str_equal (c->attr, name))
    g_string_append_printf (out, "    <input name=\"%s\" value=\"%s\"/>\n", name, value);
  else if (fallback != NULL)
    g_string_append_printf (out, "    <input name=\"%s\" value=\"%s\"/>\n", name, fallback);
}

static char *
build_engagement (const LimitCase *c,
                  const char      *raw)
{
  static const char * const required[][2] = {
    { "volume-per-month", "1000" }, { "minutes-per-item", "5" }, { "hourly-cost", "40" },
    { "automation-rate", "0.5" }, { "build-cost", "10000" }, { "build-weeks", "10" },
  };
  static const char * const optional[] = {
    "exception-rate", "minutes-per-exception", "error-rate-before", "error-rate-after",
    "cost-per-error", "run-cost-per-month", "ramp-months", "review-minutes-per-item",
    "oversight-hours-per-month",
  };
  g_autofree char *value = expand (raw);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                               "  <client");

  attr_if (out, c, AT_CLIENT, "name", value, "Acme");
  attr_if (out, c, AT_CLIENT, "industry", value, NULL);
  g_string_append (out, "/>\n  <settings");
  for (const char *const *a = (const char *const[]) { "horizon-months", "discount-rate",
                                                      "hours-per-week", "realisation-rate", NULL };
       *a != NULL; a++)
    attr_if (out, c, AT_SETTINGS, *a, value, NULL);
  g_string_append (out, "/>\n  <assessment");
  attr_if (out, c, AT_ASSESSMENT, "id", value, "a1");
  g_string_append (out, " date=\"2026-01-01\" bank=\"lightsout-default\">\n    <respondent");
  attr_if (out, c, AT_RESPONDENT, "id", value, "r1");
  attr_if (out, c, AT_RESPONDENT, "name", value, "Ria");
  attr_if (out, c, AT_RESPONDENT, "role", value, NULL);
  g_string_append (out, ">\n      <answer question=\"process.documentation\"");
  attr_if (out, c, AT_ANSWER, "level", value, "3");
  g_string_append (out, "/>\n    </respondent>\n    <target dimension=\"data\"");
  attr_if (out, c, AT_TARGET, "level", value, "4");
  g_string_append (out, "/>\n  </assessment>\n  <process");
  attr_if (out, c, AT_PROCESS, "id", value, "invoicing");
  attr_if (out, c, AT_PROCESS, "name", value, "Invoicing");
  g_string_append (out, ">\n");
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    append_input (out, c, required[i][0], value, required[i][1]);
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    append_input (out, c, optional[i], value, NULL);
  g_string_append (out, "    <readiness");
  attr_if (out, c, AT_READINESS, "clarity", value, "3");
  g_string_append (out, " access=\"3\" scope=\"3\"/>\n    <alternative");
  attr_if (out, c, AT_ALTERNATIVE, "build-cost", value, "5000");
  attr_if (out, c, AT_ALTERNATIVE, "build-weeks", value, "5");
  g_string_append (out, "/>\n    <actual month=\"2027-03\"");
  for (const char *const *a = (const char *const[]) { "items", "hours", "errors", "run-cost", NULL };
       *a != NULL; a++)
    attr_if (out, c, AT_ACTUAL, *a, value, NULL);
  g_string_append (out, "/>\n  </process>\n</engagement>\n");
  return g_string_free (out, FALSE);
}

static LoEngagement *
read_text (const char *text,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return lo_engagement_read_bytes (bytes, "limits.lightsout", NULL, error);
}

static void
test_limit_case (gconstpointer data)
{
  const LimitCase *c = data;
  g_autofree char *ok_text = build_engagement (c, c->ok);
  g_autofree char *bad_text = build_engagement (c, c->bad);
  g_autoptr(LoEngagement) ok = NULL;
  g_autoptr(LoEngagement) bad = NULL;
  g_autoptr(GError) error = NULL;

  ok = read_text (ok_text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);
  /* and what is accepted is computed */
  {
    g_autoptr(LoPortfolio) portfolio = lo_portfolio_compute (ok, 0, 1, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (portfolio);
  }

  bad = read_text (bad_text, &error);
  g_assert_null (bad);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "limits.lightsout:"));
  g_assert_nonnull (strstr (error->message, c->attr));
  if (c->bound != NULL)
    g_assert_nonnull (strstr (error->message, c->bound));
}

/* 1 000 respondents per assessment, 10 000 processes per engagement */
static void
test_counts (void)
{
  for (int extra = 0; extra <= 1; extra++)
    {
      g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                              "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                                              "  <client name=\"Crowd\"/>\n"
                                              "  <assessment id=\"a1\" date=\"2026-01-01\" bank=\"b\">\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(LoEngagement) engagement = NULL;

      for (int r = 0; r < 1000 + extra; r++)
        g_string_append_printf (text, "    <respondent id=\"r%d\" name=\"R\"/>\n", r);
      g_string_append (text, "  </assessment>\n");
      for (int p = 0; p < 10000 + (1 - extra); p++)
        g_string_append_printf (text,
                                "  <process id=\"p%d\" name=\"P\"><input name=\"volume-per-month\" value=\"1\"/>"
                                "<input name=\"minutes-per-item\" value=\"1\"/><input name=\"hourly-cost\" value=\"1\"/>"
                                "<input name=\"automation-rate\" value=\"1\"/><input name=\"build-cost\" value=\"1\"/>"
                                "<input name=\"build-weeks\" value=\"1\"/></process>\n", p);
      g_string_append (text, "</engagement>\n");

      engagement = read_text (text->str, &error);
      g_assert_null (engagement);
      g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
      g_test_message ("%s", error->message);
      if (extra)
        g_assert_nonnull (strstr (error->message, "more than 1000 respondents"));
      else
        g_assert_nonnull (strstr (error->message, "more than 10000 processes"));
    }
}

/* At the bounds: exactly 1 000 respondents and 10 000 processes load. */
static void
test_counts_at_bound (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                                          "  <client name=\"Crowd\"/>\n"
                                          "  <assessment id=\"a1\" date=\"2026-01-01\" bank=\"b\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;

  for (int r = 0; r < 1000; r++)
    g_string_append_printf (text, "    <respondent id=\"r%d\" name=\"R\"/>\n", r);
  g_string_append (text, "  </assessment>\n");
  for (int p = 0; p < 10000; p++)
    g_string_append_printf (text,
                            "  <process id=\"p%d\" name=\"P\"><input name=\"volume-per-month\" value=\"1\"/>"
                            "<input name=\"minutes-per-item\" value=\"1\"/><input name=\"hourly-cost\" value=\"1\"/>"
                            "<input name=\"automation-rate\" value=\"1\"/><input name=\"build-cost\" value=\"1\"/>"
                            "<input name=\"build-weeks\" value=\"1\"/></process>\n", p);
  g_string_append (text, "</engagement>\n");

  engagement = read_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (engagement->processes->len, ==, 10000);
}

static const char bank_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<question-bank xmlns=\"urn:lightsout:question-bank:1\" id=\"heavy\" version=\"1\">\n"
  "  <level value=\"1\"><name>L1</name><description>d</description></level>\n"
  "  <level value=\"2\"><name>L2</name><description>d</description></level>\n"
  "  <level value=\"3\"><name>L3</name><description>d</description></level>\n"
  "  <level value=\"4\"><name>L4</name><description>d</description></level>\n"
  "  <level value=\"5\"><name>L5</name><description>d</description></level>\n"
  "  <dimension id=\"d\"><name>D</name><description>d</description>\n"
  "    <question id=\"q1\" weight=\"%s\"><text>Q1</text>\n"
  "      <option level=\"1\">o</option><option level=\"2\">o</option><option level=\"3\">o</option>"
  "<option level=\"4\">o</option><option level=\"5\">o</option>\n"
  "      <action level=\"2\">a</action><action level=\"3\">a</action>"
  "<action level=\"4\">a</action><action level=\"5\">a</action>\n"
  "    </question>\n"
  "    <question id=\"q2\" weight=\"%s\"><text>Q2</text>\n"
  "      <option level=\"1\">o</option><option level=\"2\">o</option><option level=\"3\">o</option>"
  "<option level=\"4\">o</option><option level=\"5\">o</option>\n"
  "      <action level=\"2\">a</action><action level=\"3\">a</action>"
  "<action level=\"4\">a</action><action level=\"5\">a</action>\n"
  "    </question>\n"
  "  </dimension>\n"
  "</question-bank>\n";

static LoBank *
read_bank (const char *w1,
           const char *w2,
           GError    **error)
{
  g_autofree char *text = g_strdup_printf (bank_text, w1, w2);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return lo_bank_read_bytes (bytes, "heavy.xml", error);
}

/* weight > 0 and ≤ 1000; 1e308 once crashed report (level 0 → levels[-1]) */
static void
test_bank_weight (void)
{
  static const char * const bad[] = { "1e308", "1000.5", "0", "-1" };
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = read_bank ("1000", "0.001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LoBank) refused = read_bank ("1", bad[i], &error);

      g_assert_null (refused);
      g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "heavy.xml:"));
      g_assert_nonnull (strstr (error->message, "question q2: weight: "));
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
    }
}

/* A weight no reader accepts, set by hand: the score stays finite and the
 * level between 1 and 5. Levels 3 (weight 1e308) and 5 (weight 1e308):
 * the mean is 4, where the sum 1e308·3 + 1e308·5 would overflow. */
static void
test_score_cannot_overflow (void)
{
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("a1", "2026-01-01", "heavy");
  g_autoptr(LoScore) score = NULL;
  g_autoptr(GError) error = NULL;
  LoRespondent *r;

  bank = read_bank ("1", "1", &error);
  g_assert_no_error (error);
  ((LoQuestion *) g_ptr_array_index (bank->questions, 0))->weight = 1e308;
  ((LoQuestion *) g_ptr_array_index (bank->questions, 1))->weight = 1e308;
  r = lo_assessment_add_respondent (assessment, "r1", "Ria", NULL);
  lo_respondent_set_answer (r, "q1", 3);
  lo_respondent_set_answer (r, "q2", 5);

  score = lo_score_compute (bank, assessment, &error);
  g_assert_no_error (error);
  g_assert_true (score->complete);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 4.0, 1e-12);
  g_assert_cmpint (score->overall_level, ==, 4);
}

/* The table: parallel-builds, step weeks, draws and seed have no file
 * attribute in format 1.0; their bounds are checked through core. */
static void
test_table (void)
{
  static const struct
  {
    LoLimitId   id;
    const char *name;
    double      ok_low, ok_high, bad_low, bad_high;
    const char *bound;
  } table[] = {
    { LO_LIMIT_PARALLEL_BUILDS, "parallel-builds", 1, 20, 0, 21, "20" },
    { LO_LIMIT_STEP_WEEKS, "weeks", 1, 260, 0.5, 261, "260" },
    { LO_LIMIT_DRAWS, "draws", 1, 1e6, 0, 1e6 + 1, "1000000" },
    { LO_LIMIT_SEED, "seed", 0, 4294967295.0, -1, 4294967296.0, "4294967295" },
    { LO_LIMIT_WEIGHT, "weight", 1e-9, 1000, 0, 1000.001, "1000" },
    { LO_LIMIT_LEVEL, "level", 1, 5, 0, 6, "5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (lo_limit_name (table[i].id), ==, table[i].name);
      g_assert_true (lo_limit_check (table[i].id, "s", NULL, NULL, table[i].ok_low, NULL));
      g_assert_true (lo_limit_check (table[i].id, "s", NULL, NULL, table[i].ok_high, NULL));
      g_assert_false (lo_limit_check (table[i].id, "s", NULL, NULL, table[i].bad_low, &error));
      g_assert_nonnull (strstr (error->message, table[i].name));
      g_clear_error (&error);
      g_assert_false (lo_limit_check (table[i].id, "s", NULL, NULL, table[i].bad_high, &error));
      g_assert_nonnull (strstr (error->message, table[i].name));
      g_assert_nonnull (strstr (error->message, table[i].bound));
    }

  /* whole numbers where the limit says so */
  g_assert_false (lo_limit_check (LO_LIMIT_DRAWS, NULL, NULL, NULL, 10.5, NULL));
  g_assert_false (lo_limit_check (LO_LIMIT_HORIZON_MONTHS, NULL, NULL, NULL, 36.5, NULL));
  g_assert_false (lo_limit_check (LO_LIMIT_BUILD_WEEKS, NULL, NULL, NULL, NAN, NULL));

  /* the issue's own example */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lo_limit_check (LO_LIMIT_BUILD_WEEKS, "invoicing", NULL, "1e9", 1e9, &error));
    g_assert_cmpstr (error->message, ==, "invoicing: build-weeks: 1e9 is above the limit of 520");
  }

  /* the inputs' ranges are the table's */
  for (LoInputId i = 0; i < LO_N_INPUTS; i++)
    {
      double min, max;

      lo_input_range (i, &min, &max);
      g_assert_true (isfinite (max));
      g_assert_cmpstr (lo_limit_name (lo_limit_for_input (i)), ==, lo_input_name (i));
    }
}

/* Numbers are always valid JSON: json-glib alone writes 1e+20.0 */
static void
test_json_numbers (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;

  json_builder_begin_object (builder);
  lo_json_add_number (builder, "big", 1e20);
  lo_json_add_number (builder, "negative", -1e20);
  lo_json_add_number (builder, "tiny", 1e-300);
  lo_json_add_number (builder, "seed", 1e19);
  lo_json_add_number (builder, "whole", 3);
  lo_json_add_number (builder, "half", 0.5);
  lo_json_add_string (builder, "text", "1e+20.0 and \"2e5.0\"");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  text = lo_json_generate (root);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\"big\" : 1e+20,"));
  g_assert_nonnull (strstr (text, "\"negative\" : -1e+20,"));
  g_assert_nonnull (strstr (text, "\"tiny\" : 1e-300,"));
  g_assert_nonnull (strstr (text, "\"whole\" : 3.0"));
  g_assert_nonnull (strstr (text, "\"text\" : \"1e+20.0 and \\\"2e5.0\\\"\""));
  g_assert_true (g_str_has_suffix (text, "}\n"));

  /* and a strict parser reads the same values back */
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (json_object_get_double_member (object, "big"), ==, 1e20);
  g_assert_cmpfloat (json_object_get_double_member (object, "negative"), ==, -1e20);
  g_assert_cmpfloat (json_object_get_double_member (object, "tiny"), ==, 1e-300);
  g_assert_cmpfloat (json_object_get_double_member (object, "seed"), ==, 1e19);
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "1e+20.0 and \"2e5.0\"");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/io/limits/file/%s", cases[i].test);

      g_test_add_data_func (path, &cases[i], test_limit_case);
    }
  g_test_add_func ("/lo/io/limits/counts", test_counts);
  g_test_add_func ("/lo/io/limits/counts-at-bound", test_counts_at_bound);
  g_test_add_func ("/lo/io/limits/bank-weight", test_bank_weight);
  g_test_add_func ("/lo/io/limits/score-cannot-overflow", test_score_cannot_overflow);
  g_test_add_func ("/lo/io/limits/table", test_table);
  g_test_add_func ("/lo/io/json/numbers", test_json_numbers);

  return g_test_run ();
}
