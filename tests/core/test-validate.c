/* test-validate.c: every refusal of lo-validate.c, with its message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "lo-core.h"

static LoProcess *
valid_process (void)
{
  LoProcess *p = lo_process_new ("invoicing", "Invoicing");

  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 1200);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 1000, 1500);
  lo_process_set (p, LO_INPUT_MINUTES_PER_ITEM, 6);
  lo_process_set (p, LO_INPUT_HOURLY_COST, 40);
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 0.8);
  lo_process_set (p, LO_INPUT_BUILD_COST, 55000);
  lo_process_set (p, LO_INPUT_BUILD_WEEKS, 10);
  return p;
}

typedef struct
{
  const char *name;
  void      (*spoil) (LoProcess *p);
  int         code;
  const char *message;
} ProcessCase;

static void spoil_rate (LoProcess *p) { lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 1.5); }
static void spoil_rate_negative (LoProcess *p) { lo_process_set (p, LO_INPUT_ERROR_RATE_AFTER, -0.1); }
static void spoil_volume (LoProcess *p) { lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, -3); lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, -5, 0); }
static void spoil_cost (LoProcess *p) { lo_process_set (p, LO_INPUT_BUILD_COST, -5); }
static void spoil_time (LoProcess *p) { lo_process_set (p, LO_INPUT_BUILD_WEEKS, -1); }
static void spoil_ramp (LoProcess *p) { lo_process_set (p, LO_INPUT_RAMP_MONTHS, -2); }
static void spoil_nan (LoProcess *p) { lo_process_set (p, LO_INPUT_HOURLY_COST, NAN); }
static void spoil_inf (LoProcess *p) { lo_process_set (p, LO_INPUT_RUN_COST_PER_MONTH, INFINITY); }
static void spoil_low_inf (LoProcess *p) { lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, -INFINITY, 1500); }
static void spoil_low (LoProcess *p) { lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 1300, 1500); }
static void spoil_high (LoProcess *p) { lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 1000, 1100); }
static void spoil_range_rate (LoProcess *p) { lo_process_set_range (p, LO_INPUT_AUTOMATION_RATE, 0.5, 1.2); }
static void spoil_range_unset (LoProcess *p) { lo_process_set_range (p, LO_INPUT_RAMP_MONTHS, 1, 2); }
static void spoil_readiness (LoProcess *p) { p->has_readiness = TRUE; p->clarity = 3; p->access = 0; p->scope = 4; }
static void spoil_readiness_high (LoProcess *p) { p->has_readiness = TRUE; p->clarity = 6; p->access = 3; p->scope = 4; }
static void spoil_alternative (LoProcess *p) { p->has_alternative = TRUE; p->alt_build_cost = -1; p->alt_build_weeks = 39; }
static void spoil_actual (LoProcess *p) { LoActual a = { 2027, 3, 1180, -2, NAN, NAN }; g_array_append_val (p->actuals, a); }
static void spoil_actual_month (LoProcess *p) { LoActual a = { 2027, 13, 1180, 2, NAN, NAN }; g_array_append_val (p->actuals, a); }
static void spoil_id (LoProcess *p) { g_free (p->id); p->id = g_strdup (""); }

#define MISSING(input, id) \
  static void spoil_missing_##id (LoProcess *p) { p->inputs[input].set = FALSE; p->inputs[input].ranged = FALSE; }
MISSING (LO_INPUT_VOLUME_PER_MONTH, volume)
MISSING (LO_INPUT_MINUTES_PER_ITEM, minutes)
MISSING (LO_INPUT_HOURLY_COST, hourly)
MISSING (LO_INPUT_AUTOMATION_RATE, automation)
MISSING (LO_INPUT_BUILD_COST, build_cost)
MISSING (LO_INPUT_BUILD_WEEKS, build_weeks)

static const ProcessCase process_cases[] = {
  { "rate-above-1", spoil_rate, LO_CORE_ERROR_INVALID, "invoicing: automation-rate: 1.5 is not between 0 and 1" },
  { "rate-negative", spoil_rate_negative, LO_CORE_ERROR_INVALID, "invoicing: error-rate-after: -0.1 is not between 0 and 1" },
  { "negative-volume", spoil_volume, LO_CORE_ERROR_INVALID, "invoicing: volume-per-month: -3 must not be negative" },
  { "negative-cost", spoil_cost, LO_CORE_ERROR_INVALID, "invoicing: build-cost: -5 must not be negative" },
  { "negative-time", spoil_time, LO_CORE_ERROR_INVALID, "invoicing: build-weeks: -1 must not be negative" },
  { "negative-ramp", spoil_ramp, LO_CORE_ERROR_INVALID, "invoicing: ramp-months: -2 must not be negative" },
  { "nan", spoil_nan, LO_CORE_ERROR_INVALID, "invoicing: hourly-cost: the value is not a finite number" },
  { "infinite", spoil_inf, LO_CORE_ERROR_INVALID, "invoicing: run-cost-per-month: the value is not a finite number" },
  { "low-infinite", spoil_low_inf, LO_CORE_ERROR_INVALID, "invoicing: volume-per-month: low is not a finite number" },
  { "low-above-value", spoil_low, LO_CORE_ERROR_INVALID, "invoicing: volume-per-month: low 1300 is above the value 1200" },
  { "value-above-high", spoil_high, LO_CORE_ERROR_INVALID, "invoicing: volume-per-month: the value 1200 is above high 1100" },
  { "range-out-of-rate", spoil_range_rate, LO_CORE_ERROR_INVALID, "invoicing: automation-rate: high 1.2 is not between 0 and 1" },
  { "range-without-value", spoil_range_unset, LO_CORE_ERROR_MISSING, "invoicing: ramp-months: low and high are given without a value" },
  { "missing-volume", spoil_missing_volume, LO_CORE_ERROR_MISSING, "invoicing: volume-per-month: required input is missing" },
  { "missing-minutes", spoil_missing_minutes, LO_CORE_ERROR_MISSING, "invoicing: minutes-per-item: required input is missing" },
  { "missing-hourly-cost", spoil_missing_hourly, LO_CORE_ERROR_MISSING, "invoicing: hourly-cost: required input is missing" },
  { "missing-automation", spoil_missing_automation, LO_CORE_ERROR_MISSING, "invoicing: automation-rate: required input is missing" },
  { "missing-build-cost", spoil_missing_build_cost, LO_CORE_ERROR_MISSING, "invoicing: build-cost: required input is missing" },
  { "missing-build-weeks", spoil_missing_build_weeks, LO_CORE_ERROR_MISSING, "invoicing: build-weeks: required input is missing" },
  { "readiness-low", spoil_readiness, LO_CORE_ERROR_INVALID, "invoicing: readiness access: 0 is not between 1 and 5" },
  { "readiness-high", spoil_readiness_high, LO_CORE_ERROR_INVALID, "invoicing: readiness clarity: 6 is not between 1 and 5" },
  { "alternative-negative", spoil_alternative, LO_CORE_ERROR_INVALID, "invoicing: build-cost: alternative -1 must not be negative" },
  { "actual-negative", spoil_actual, LO_CORE_ERROR_INVALID, "invoicing: actual 2027-03: hours: -2 must not be negative" },
  { "actual-month", spoil_actual_month, LO_CORE_ERROR_INVALID, "invoicing: actual 2027-13: not a calendar month" },
  { "no-id", spoil_id, LO_CORE_ERROR_MISSING, "A process has no id" },
};

static void
test_process_case (gconstpointer data)
{
  const ProcessCase *c = data;
  g_autoptr(LoProcess) p = valid_process ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");

  g_assert_true (lo_process_validate (p, NULL));
  c->spoil (p);
  g_assert_false (lo_process_validate (p, &error));
  g_assert_error (error, LO_CORE_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
  g_clear_error (&error);

  /* the whole engagement and the computation refuse it the same way */
  g_ptr_array_add (e->processes, lo_process_ref (p));
  g_assert_false (lo_engagement_validate (e, &error));
  g_assert_cmpstr (error->message, ==, c->message);
  g_clear_error (&error);
  g_assert_null (lo_portfolio_compute (e, 0, 1, NULL, &error));
  g_assert_cmpstr (error->message, ==, c->message);
}

typedef struct
{
  const char *name;
  int         horizon;
  double      discount, hours_per_week, realisation;
  const char *message;
} SettingsCase;

static const SettingsCase settings_cases[] = {
  { "horizon-0", 0, 0.08, 40, 1, "settings: horizon-months: 0 is below the limit of 1" },
  { "horizon-241", 241, 0.08, 40, 1, "settings: horizon-months: 241 is above the limit of 240" },
  { "discount-minus-100", 36, -1, 40, 1, "settings: discount-rate: -1 is below the limit of -0.5" },
  { "discount-nan", 36, NAN, 40, 1, "settings: discount-rate: the value is not a finite number" },
  { "hours-per-week-0", 36, 0.08, 0, 1, "settings: hours-per-week: 0 is below the limit of 1" },
  { "hours-per-week-negative", 36, 0.08, -40, 1, "settings: hours-per-week: -40 is below the limit of 1" },
  { "realisation-above-1", 36, 0.08, 40, 1.2, "settings: realisation-rate: 1.2 is not between 0 and 1" },
  { "realisation-negative", 36, 0.08, 40, -0.5, "settings: realisation-rate: -0.5 is not between 0 and 1" },
};

static void
test_settings_case (gconstpointer data)
{
  const SettingsCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(LoProcess) p = valid_process ();
  LoSettings *s = &e->settings;

  g_assert_true (lo_settings_validate (s, NULL));
  s->horizon_months = c->horizon;
  s->discount_rate = c->discount;
  s->hours_per_week = c->hours_per_week;
  s->realisation_rate = c->realisation;
  g_assert_false (lo_settings_validate (s, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, c->message);
  g_clear_error (&error);
  g_assert_false (lo_engagement_validate (e, &error));
  g_assert_cmpstr (error->message, ==, c->message);
  g_clear_error (&error);
  g_assert_null (lo_process_roi_compute (p, s, 0, 1, NULL, &error));
  g_assert_cmpstr (error->message, ==, c->message);
}

/* The edges that are valid: horizon 1 and 240, discount at its limit of −50 %,
 * rates 0 and 1, low = high, zero volume and zero build cost. */
static void
test_valid_edges (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(LoProcess) p = valid_process ();
  g_autoptr(LoPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;

  e->settings.horizon_months = 240;
  e->settings.discount_rate = -0.5;
  e->settings.realisation_rate = 0;
  lo_process_set (p, LO_INPUT_AUTOMATION_RATE, 1);
  lo_process_set (p, LO_INPUT_EXCEPTION_RATE, 0);
  lo_process_set (p, LO_INPUT_VOLUME_PER_MONTH, 0);
  lo_process_set_range (p, LO_INPUT_VOLUME_PER_MONTH, 0, 0);
  lo_process_set (p, LO_INPUT_BUILD_COST, 0);
  g_ptr_array_add (e->processes, lo_process_ref (p));
  g_assert_true (lo_engagement_validate (e, &error));
  g_assert_no_error (error);

  portfolio = lo_portfolio_compute (e, 100, 1, NULL, &error);
  g_assert_no_error (error);
  {
    LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, 0);

    g_assert_cmpfloat (roi->expected.payback_months, ==, 0);
    g_assert_true (isnan (roi->expected.roi_percent));
    g_assert_true (isfinite (roi->expected.npv));
    g_assert_true (isfinite (roi->expected.fte));
    g_assert_true (isfinite (roi->conservative.npv));
  }

  e->settings.horizon_months = 1;
  g_assert_true (lo_engagement_validate (e, NULL));
}

static void
test_duplicate_ids (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("client");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (e->processes, valid_process ());
  g_ptr_array_add (e->processes, valid_process ());
  g_assert_false (lo_engagement_validate (e, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (error->message, ==, "invoicing: process id is used more than once");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (process_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/validate/process/%s", process_cases[i].name);
      g_test_add_data_func (path, &process_cases[i], test_process_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (settings_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/validate/settings/%s", settings_cases[i].name);
      g_test_add_data_func (path, &settings_cases[i], test_settings_case);
    }
  g_test_add_func ("/lo/validate/valid-edges", test_valid_edges);
  g_test_add_func ("/lo/validate/duplicate-ids", test_duplicate_ids);

  return g_test_run ();
}
