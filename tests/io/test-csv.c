/* test-csv.c: the sectioned CSV export (lo-csv.h), written out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lo-io.h"
#include "lo-csv.h"

#define ROI_HEADER \
  "process-id,process,hours-saved-per-week,fte,annual-savings,npv,roi-percent,payback-months," \
  "irr,readiness,npv-conservative,npv-optimistic,npv-p10,npv-p50,npv-p90,probability-positive," \
  "sequence\r\n"
#define PLAN_HEADER "step,level,start-week,weeks,dimension,question-id,action,owner,due,status\r\n"

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

/* Without score, portfolio or roadmap every section holds its header only. */
static void
test_csv_empty (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autofree char *csv = NULL;
  gsize length = 0;

  csv = lo_csv_report (engagement, NULL, NULL, NULL, &length);
  g_assert_cmpstr (csv, ==,
                   "[Scores]\r\n"
                   "dimension-id,dimension,score,level,target,answered,questions\r\n"
                   "\r\n"
                   "[Answers]\r\n"
                   "question-id,dimension-id,question,respondent-id,respondent,answer,note\r\n"
                   "\r\n"
                   "[ROI]\r\n"
                   ROI_HEADER
                   "\r\n"
                   "[Action plan]\r\n"
                   PLAN_HEADER);
  g_assert_cmpuint (length, ==, strlen (csv));
}

/* Two respondents answer 3 and 4: combined 3.5, level ⌊3.5⌋ = 3, target
 * level + 1 = 4, one of one question answered; overall the same score and
 * level. A name a spreadsheet would evaluate gets an apostrophe, a comma or
 * quote makes the field quoted with its quotes doubled (RFC 4180). */
static void
test_csv_scores_answers (void)
{
  g_autoptr(LoBank) bank = tiny_bank ();
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autoptr(LoAssessment) assessment = lo_assessment_new ("a1", "2026-01-05", "tiny");
  g_autoptr(LoScore) score = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  LoRespondent *r;

  r = lo_assessment_add_respondent (assessment, "r1", "=Boss, Inc", "");
  lo_respondent_set_answer (r, "q", 3);
  r = lo_assessment_add_respondent (assessment, "r2", "Ann \"A\"", "");
  lo_respondent_set_answer (r, "q", 4);
  score = lo_score_compute (bank, assessment, &error);
  g_assert_no_error (error);

  csv = lo_csv_report (engagement, score, NULL, NULL, NULL);
  g_assert_cmpstr (csv, ==,
                   "[Scores]\r\n"
                   "dimension-id,dimension,score,level,target,answered,questions\r\n"
                   "d,Dim,3.5,3,4,1,1\r\n"
                   "overall,Overall,3.5,3,,,\r\n"
                   "\r\n"
                   "[Answers]\r\n"
                   "question-id,dimension-id,question,respondent-id,respondent,answer,note\r\n"
                   "q,d,Question text,r1,\"'=Boss, Inc\",3,\r\n"
                   "q,d,Question text,r2,\"Ann \"\"A\"\"\",4,\r\n"
                   "\r\n"
                   "[ROI]\r\n"
                   ROI_HEADER
                   "\r\n"
                   "[Action plan]\r\n"
                   PLAN_HEADER);
}

/* Written whole or not at all: a missing directory is an error naming the
 * file, and leaves nothing behind. */
static void
test_csv_write_file (void)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Client");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lo-test-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = lo_csv_report (engagement, NULL, NULL, NULL, NULL);

  g_assert_true (lo_csv_write_file (engagement, NULL, NULL, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_false (lo_csv_write_file (engagement, NULL, NULL, NULL, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/empty", test_csv_empty);
  g_test_add_func ("/csv/scores-answers", test_csv_scores_answers);
  g_test_add_func ("/csv/write-file", test_csv_write_file);

  return g_test_run ();
}
