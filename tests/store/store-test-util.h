/* store-test-util.h: engagements built in code and file helpers for the
 * store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lo-io.h"
#include "lo-store.h"
#include "lo-store-private.h"

/* A new empty folder inside the test's isolated data dir (removed with it). */
static G_GNUC_UNUSED char *
test_dir (void)
{
  static guint counter;
  char *dir = g_strdup_printf ("%s/store-test-%u", g_get_user_data_dir (), ++counter);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static G_GNUC_UNUSED char *
test_db_path (void)
{
  g_autofree char *dir = test_dir ();
  return g_build_filename (dir, "lightsout.db", NULL);
}

static G_GNUC_UNUSED char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* An engagement with every kind of data the store keeps: two assessments
 * (respondents with levels, don't know and n/a answers out of bank order,
 * targets), processes with set, ranged and absent inputs, readiness, an
 * alternative quote, a start month and actuals with absent figures. */
static G_GNUC_UNUSED LoEngagement *
make_engagement (const char *name)
{
  LoEngagement *engagement = lo_engagement_new (name);
  LoAssessment *a;
  LoRespondent *r;
  LoProcess *p;
  LoActual actual;

  engagement->client_industry = g_strdup ("Logistics");
  engagement->settings.horizon_months = 48;
  engagement->settings.discount_rate = 0.1;
  g_free (engagement->settings.currency);
  engagement->settings.currency = g_strdup ("EUR");
  engagement->settings.hours_per_week = 37.5;
  engagement->settings.realisation_rate = 0.75;

  a = lo_assessment_new ("baseline", "2026-01-15", "lightsout-default");
  r = lo_assessment_add_respondent (a, "ana", "Ana Ortiz", "Operations lead");
  lo_respondent_set_answer (r, "process.documentation", 2);
  lo_respondent_set_answer (r, "data.copies", LO_ANSWER_DONT_KNOW);
  lo_respondent_set_answer (r, "automation.documents", LO_ANSWER_NA);
  lo_respondent_set_answer (r, "oversight.validation", 5);
  r = lo_assessment_add_respondent (a, "ben", "Ben Okafor", NULL);
  lo_respondent_set_answer (r, "data.copies", 1);
  lo_respondent_set_answer (r, "process.documentation", 3);
  lo_assessment_add_respondent (a, "cy", "Cy Silent", "Finance");
  lo_assessment_set_target (a, "data", 3);
  lo_assessment_set_target (a, "process", 4);
  g_ptr_array_add (engagement->assessments, a);

  a = lo_assessment_new ("follow-up", "2026-06-01", "lightsout-default");
  r = lo_assessment_add_respondent (a, "ana", "Ana Ortiz", "Operations lead");
  lo_respondent_set_answer (r, "people.sponsorship", 4);
  g_ptr_array_add (engagement->assessments, a);

  p = lo_process_new ("invoicing", "3PL billing");
  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 1200);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 1000, 1500);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 6.5);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 38.25);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 0.85);
  lo_process_set_range (p, LO_INPUT_AUTOMATION_RATE, 0.7, 0.9);
  lo_process_set (p, LO_INPUT_EXCEPTION_RATE, 0.1);
  lo_process_set (p, LO_INPUT_BUILD_COST, 55000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 10);
  lo_process_set (p, LO_INPUT_OVERSIGHT_HOURS_PER_MONTH, 1.0 / 3.0);
  p->has_start = TRUE;
  p->start_year = 2026;
  p->start_month = 12;
  p->has_readiness = TRUE;
  p->clarity = 3;
  p->access = 4;
  p->scope = 5;
  p->has_alternative = TRUE;
  p->alt_build_cost = 135000;
  p->alt_build_weeks = 39;
  actual = (LoActual) { 2027, 3, 1180, 31.5, 9, 900 };
  g_array_append_val (p->actuals, actual);
  actual = (LoActual) { 2027, 4, NAN, 28, NAN, NAN };
  g_array_append_val (p->actuals, actual);
  g_ptr_array_add (engagement->processes, p);

  p = lo_process_new ("inventory", "Vehicle inventory checks");
  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 300);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 20);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 30);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 0.6);
  lo_process_set (p, LO_INPUT_BUILD_COST, 0);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 4);
  g_ptr_array_add (engagement->processes, p);

  return engagement;
}

/* The canonical XML of an engagement: equal strings mean equal engagements. */
static G_GNUC_UNUSED void
assert_same_engagement (const LoEngagement *a,
                        const LoEngagement *b)
{
  g_autofree char *xa = lo_engagement_to_xml (a, NULL);
  g_autofree char *xb = lo_engagement_to_xml (b, NULL);

  g_assert_cmpstr (xa, ==, xb);
}

static G_GNUC_UNUSED void
test_init (int    *argc,
           char ***argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}
