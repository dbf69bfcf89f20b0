/* test-csv.c: the CSV tables (lo-csv.h), one per file, written out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lo-io.h"
#include "lo-csv.h"

#define SCORES_HEADER "dimension-id,dimension,score,level,target,answered,questions\r\n"
#define ANSWERS_HEADER "date,question-id,dimension-id,question,respondent-id,respondent,answer\r\n"
#define ROI_HEADER \
  "process-id,process,currency,build-cost,run-cost-per-month,hours-saved-per-week,fte," \
  "annual-savings,npv,roi-percent,payback-months,irr,readiness,npv-conservative,npv-optimistic," \
  "npv-p10,npv-p50,npv-p90,probability-positive,sequence\r\n"
#define ACTIONS_HEADER \
  "step,level,start-week,weeks,priority,dimension,question-id,action,owner,due,status\r\n"
#define PROGRAMME_HEADER "month,cash-flow,cumulative\r\n"

/* One dimension "d" with one question "q". */
static LoBank *
tiny_bank (void)
{
  LoBank *bank = lo_bank_new ("tiny", 1);
  g_autoptr(GError) error = NULL;
  LoDimension *d;
  LoQuestion *q;

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    lo_bank_set_level (bank, k, "Level", "");
  d = lo_bank_add_dimension (bank, "d", "Dim", "", &error);
  g_assert_no_error (error);
  q = lo_bank_add_question (bank, d, "q", "Question text", 1, FALSE, &error);
  g_assert_no_error (error);
  for (int k = 0; k < LO_N_LEVELS; k++)
    {
      q->options[k] = g_strdup ("option");
      if (k > 0)
        q->actions[k] = g_strdup ("action");
    }
  g_assert_true (lo_bank_check (bank, NULL));
  return bank;
}

/* The fields of one CSV row (RFC 4180 quoting). */
static GStrv
csv_fields (const char *line)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == ',' && !quoted) || *p == '\0')
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  return g_strv_builder_end (fields);
}

static LoAnalysis *
analyse (LoEngagement *engagement,
         LoBank       *bank)
{
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 0, 1, LO_ANALYSIS_NONE };
  LoAnalysis *analysis = lo_analysis_new (engagement, lo_analysis_lookup_fixed_bank, bank,
                                          NULL, &options, NULL, &error);

  g_assert_no_error (error);
  return analysis;
}

/* The fewest digits that read back: 0.1 is "0.1" (%.17g gives
 * 0.10000000000000001), 85222.08 likewise; 1/3 needs 16 digits, 0.3 as the
 * sum 0.1 + 0.2 needs 17 (0.30000000000000004 is not 0.3). */
static void
test_csv_numbers (void)
{
  const struct { double value; const char *text; } cases[] = {
    { 0.1, "0.1" },
    { 85222.08, "85222.08" },
    { 85222.080000000002, "85222.08" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 42, "42" },
    { -1234.5, "-1234.5" },
    { -0.0, "0" },
    { 1e21, "1e+21" },
    { 2.5e-7, "2.5e-07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      lo_csv_append_number (out, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].text);
      g_assert_true (g_ascii_strtod (out->str, NULL) == cases[i].value);
    }
  {
    g_autoptr(GString) out = g_string_new (NULL);

    lo_csv_append_number (out, NAN);
    lo_csv_append_number (out, INFINITY);
    g_assert_cmpstr (out->str, ==, "");
  }
}

static void
test_csv_names (void)
{
  const char *names[] = { "scores", "answers", "roi", "actions", "programme" };
  LoCsvTable table;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (lo_csv_table_from_name (names[i], &table));
      g_assert_cmpint (table, ==, i);
      g_assert_cmpstr (lo_csv_table_name (table), ==, names[i]);
    }
  g_assert_false (lo_csv_table_from_name ("action", &table));
  g_assert_false (lo_csv_table_from_name (NULL, &table));
}

/* Without an assessment or processes every table is its header; the
 * programme still has its months 0 … H (all zero: nothing is counted). */
static void
test_csv_empty (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autoptr(LoAnalysis) analysis = NULL;
  const char *headers[] = { SCORES_HEADER, ANSWERS_HEADER, ROI_HEADER, ACTIONS_HEADER };
  gsize length = 0;

  analysis = analyse (engagement, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *csv = lo_csv_table ((LoCsvTable) i, analysis, &length);

      g_assert_cmpstr (csv, ==, headers[i]);
      g_assert_cmpuint (length, ==, strlen (csv));
    }
  {
    g_autofree char *csv = lo_csv_table (LO_CSV_PROGRAMME, analysis, NULL);

    g_assert_true (g_str_has_prefix (csv, PROGRAMME_HEADER "0,0,0\r\n1,0,0\r\n"));
  }
}

/* Two respondents answer 3 and 4: combined 3.5, level ⌊3.5⌋ = 3, target
 * level + 1 = 4, one of one question answered; overall the same score and
 * level. A name a spreadsheet would evaluate gets an apostrophe, a comma or
 * quote makes the field quoted with its quotes doubled (RFC 4180). The
 * action plan: the roadmap from level 3 has steps to 4 and 5, each with the
 * question's action, priority 1. */
static void
test_csv_scores_answers (void)
{
  g_autoptr(LoBank) bank = tiny_bank ();
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  LoAssessment *assessment = lo_assessment_new ("a1", "2026-01-05", "tiny");
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autofree char *scores = NULL, *answers = NULL, *actions = NULL;
  LoRespondent *r;

  r = lo_assessment_add_respondent (assessment, "r1", "=Boss, Inc", "");
  lo_respondent_set_answer (r, "q", 3);
  r = lo_assessment_add_respondent (assessment, "r2", "Ann \"A\"", "");
  lo_respondent_set_answer (r, "q", 4);
  g_ptr_array_add (engagement->assessments, assessment);
  analysis = analyse (engagement, bank);

  scores = lo_csv_table (LO_CSV_SCORES, analysis, NULL);
  g_assert_cmpstr (scores, ==,
                   SCORES_HEADER
                   "d,Dim,3.5,3,4,1,1\r\n"
                   "overall,Overall,3.5,3,,,\r\n");
  answers = lo_csv_table (LO_CSV_ANSWERS, analysis, NULL);
  g_assert_cmpstr (answers, ==,
                   ANSWERS_HEADER
                   "2026-01-05,q,d,Question text,r1,\"'=Boss, Inc\",3\r\n"
                   "2026-01-05,q,d,Question text,r2,\"Ann \"\"A\"\"\",4\r\n");
  actions = lo_csv_table (LO_CSV_ACTIONS, analysis, NULL);
  g_assert_true (g_str_has_prefix (actions, ACTIONS_HEADER "1,4,0,"));
  g_assert_nonnull (strstr (actions, ",1,Dim,q,action,,,\r\n2,5,"));
}

/* The ROI table names the currency and the build and run cost given; the
 * programme's cash flow reads back to the very doubles computed. */
static void
test_csv_roi_programme (void)
{
  g_autoptr(LoEngagement) engagement = lo_demo_engagement ();
  g_autoptr(LoBank) bank = lo_bank_find_shipped (((LoAssessment *) g_ptr_array_index (engagement->assessments, 0))->bank, NULL);
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autofree char *roi = NULL, *programme = NULL;
  g_auto(GStrv) lines = NULL;
  const LoProgramme *prog;

  g_assert_nonnull (bank);
  analysis = analyse (engagement, bank);
  roi = lo_csv_table (LO_CSV_ROI, analysis, NULL);
  lines = g_strsplit (roi, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, engagement->processes->len + 2);
  for (guint i = 0; i < engagement->processes->len; i++)
    {
      const LoProcess *p = g_ptr_array_index (engagement->processes, i);
      g_auto(GStrv) fields = csv_fields (lines[i + 1]);

      g_assert_cmpstr (fields[0], ==, p->id);
      g_assert_cmpstr (fields[2], ==, engagement->settings.currency);
      g_assert_true (g_ascii_strtod (fields[3], NULL) == lo_process_get (p, LO_INPUT_BUILD_COST));
      g_assert_true (g_ascii_strtod (fields[4], NULL) == lo_process_get (p, LO_INPUT_RUN_COST_PER_MONTH));
    }

  prog = lo_analysis_get_programme (analysis);
  programme = lo_csv_table (LO_CSV_PROGRAMME, analysis, NULL);
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (programme, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "month,cash-flow,cumulative");
  g_assert_cmpuint (g_strv_length (lines), ==, prog->horizon + 3);
  for (guint m = 0; m <= prog->horizon; m++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[m + 1], ",", -1);

      g_assert_cmpint (g_ascii_strtoll (fields[0], NULL, 10), ==, m);
      g_assert_true (g_ascii_strtod (fields[1], NULL) == prog->cash_flow[m]);
      g_assert_true (g_ascii_strtod (fields[2], NULL) == prog->cumulative[m]);
      /* never more than 17 significant digits, so no noise past them */
      g_assert_cmpuint (strlen (fields[1]), <=, 17 + 3);
    }
}

/* Written whole or not at all: a missing directory is an error naming the
 * file, and leaves nothing behind. A folder gets one file per table. */
static void
test_csv_write_file (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autoptr(LoAnalysis) analysis = analyse (engagement, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lo-test-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "out.csv", NULL);
  g_autofree char *tables = g_build_filename (dir, "tables", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = lo_csv_table (LO_CSV_SCORES, analysis, NULL);

  g_assert_true (lo_csv_write_table (LO_CSV_SCORES, analysis, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_false (lo_csv_write_table (LO_CSV_SCORES, analysis, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (lo_csv_write_dir (analysis, tables, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < LO_CSV_N_TABLES; i++)
    {
      g_autofree char *name = g_strconcat (lo_csv_table_name ((LoCsvTable) i), ".csv", NULL);
      g_autofree char *file = g_build_filename (tables, name, NULL);
      g_autofree char *want = lo_csv_table ((LoCsvTable) i, analysis, NULL);
      g_autofree char *got = NULL;

      g_assert_true (g_file_get_contents (file, &got, NULL, NULL));
      g_assert_cmpstr (got, ==, want);
      g_unlink (file);
    }
  g_rmdir (tables);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/numbers", test_csv_numbers);
  g_test_add_func ("/csv/names", test_csv_names);
  g_test_add_func ("/csv/empty", test_csv_empty);
  g_test_add_func ("/csv/scores-answers", test_csv_scores_answers);
  g_test_add_func ("/csv/roi-programme", test_csv_roi_programme);
  g_test_add_func ("/csv/write-file", test_csv_write_file);

  return g_test_run ();
}
