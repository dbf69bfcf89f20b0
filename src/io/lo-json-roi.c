/* lo-json-roi.c: the ROI of every process as JSON for the command line (SPEC §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lo-io.h"
#include "lo-json-private.h"

/* The figures a process and each of its scenarios carry. */
static void
add_figures (JsonBuilder        *builder,
             const LoRoiFigures *figures)
{
  lo_json_add_number (builder, "hours-saved-per-week", figures->hours_saved_week);
  lo_json_add_number (builder, "fte", figures->fte);
  lo_json_add_number (builder, "annual-savings", figures->annual_savings);
  lo_json_add_number (builder, "npv", figures->npv);
  lo_json_add_number (builder, "roi-percent", figures->roi_percent);
  lo_json_add_number (builder, "payback-months", figures->payback_months);
  lo_json_add_number (builder, "irr", figures->irr);
}

static void
add_scenario (JsonBuilder        *builder,
              const char         *name,
              const LoRoiFigures *figures)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_figures (builder, figures);
  json_builder_end_object (builder);
}

static void
add_percentiles (JsonBuilder *builder,
                 const char  *name,
                 double       p10,
                 double       p50,
                 double       p90)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  lo_json_add_number (builder, "p10", p10);
  lo_json_add_number (builder, "p50", p50);
  lo_json_add_number (builder, "p90", p90);
  json_builder_end_object (builder);
}

static void
add_seed (JsonBuilder *builder,
          guint64      seed)
{
  json_builder_set_member_name (builder, "seed");
  /* JSON integers here are signed 64-bit; a larger seed keeps its value as a number */
  if (seed <= (guint64) G_MAXINT64)
    json_builder_add_int_value (builder, (gint64) seed);
  else
    json_builder_add_double_value (builder, (double) seed);
}

static void
add_monte_carlo (JsonBuilder        *builder,
                 const LoProcessRoi *roi)
{
  const LoMonteCarlo *mc = &roi->monte_carlo;

  json_builder_set_member_name (builder, "monte-carlo");
  if (!roi->has_monte_carlo)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "draws");
  json_builder_add_int_value (builder, mc->draws);
  add_seed (builder, mc->seed);
  add_percentiles (builder, "npv", mc->npv_p10, mc->npv_p50, mc->npv_p90);
  add_percentiles (builder, "payback-months", mc->payback_p10, mc->payback_p50, mc->payback_p90);
  lo_json_add_number (builder, "probability-positive", mc->probability_positive);
  json_builder_end_object (builder);
}

static void
add_tornado (JsonBuilder        *builder,
             const LoProcessRoi *roi)
{
  json_builder_set_member_name (builder, "tornado");
  json_builder_begin_array (builder);
  for (guint i = 0; i < roi->n_tornado; i++)
    {
      const LoTornadoBar *bar = &roi->tornado[i];

      json_builder_begin_object (builder);
      lo_json_add_string (builder, "input", lo_input_name (bar->input));
      lo_json_add_number (builder, "low", bar->low_value);
      lo_json_add_number (builder, "high", bar->high_value);
      lo_json_add_number (builder, "low-npv", bar->low_npv);
      lo_json_add_number (builder, "high-npv", bar->high_npv);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_alternative (JsonBuilder        *builder,
                 const LoProcessRoi *roi)
{
  json_builder_set_member_name (builder, "alternative");
  if (!roi->has_alternative)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  lo_json_add_number (builder, "build-cost", roi->process->alt_build_cost);
  lo_json_add_number (builder, "build-weeks", roi->process->alt_build_weeks);
  lo_json_add_number (builder, "npv", roi->alternative.npv);
  lo_json_add_number (builder, "payback-months", roi->alternative.payback_months);
  lo_json_add_number (builder, "months-gained", roi->months_gained);
  json_builder_end_object (builder);
}

static void
add_actuals (JsonBuilder        *builder,
             const LoProcessRoi *roi)
{
  json_builder_set_member_name (builder, "actuals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < roi->actuals->len; i++)
    {
      const LoActualMonth *a = &g_array_index (roi->actuals, LoActualMonth, i);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", a->year, a->month);

      json_builder_begin_object (builder);
      lo_json_add_string (builder, "month", month);
      json_builder_set_member_name (builder, "model-month");
      if (a->model_month >= 1)
        json_builder_add_int_value (builder, a->model_month);
      else
        json_builder_add_null_value (builder);
      lo_json_add_number (builder, "items", a->actual_items);
      lo_json_add_number (builder, "hours", a->actual_hours);
      lo_json_add_number (builder, "errors", a->actual_errors);
      lo_json_add_number (builder, "run-cost", a->actual_run_cost);
      lo_json_add_number (builder, "hours-saved", a->actual_hours_saved);
      lo_json_add_number (builder, "projected-hours-saved", a->projected_hours_saved);
      lo_json_add_number (builder, "projected-errors", a->projected_errors);
      lo_json_add_number (builder, "net-benefit", a->actual_net);
      lo_json_add_number (builder, "projected-net-benefit", a->projected_net);
      lo_json_add_number (builder, "variance-hours-saved", a->variance_hours);
      lo_json_add_number (builder, "variance-net-benefit", a->variance_net);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_process (JsonBuilder        *builder,
             const LoProcessRoi *roi)
{
  json_builder_begin_object (builder);
  lo_json_add_string (builder, "id", roi->process->id);
  lo_json_add_string (builder, "name", roi->process->name);
  add_figures (builder, &roi->expected);
  lo_json_add_number (builder, "readiness", roi->readiness);

  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_object (builder);
  add_scenario (builder, "conservative", &roi->conservative);
  add_scenario (builder, "expected", &roi->expected);
  add_scenario (builder, "optimistic", &roi->optimistic);
  json_builder_end_object (builder);

  add_monte_carlo (builder, roi);
  add_tornado (builder, roi);
  add_alternative (builder, roi);
  add_actuals (builder, roi);
  json_builder_end_object (builder);
}

static void
add_roadmap (JsonBuilder     *builder,
             const LoRoadmap *roadmap)
{
  json_builder_set_member_name (builder, "roadmap");
  if (roadmap == NULL || roadmap->kind == LO_ROADMAP_INCOMPLETE)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "overall-level");
  json_builder_add_int_value (builder, roadmap->from_level);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; roadmap->kind == LO_ROADMAP_STEPS && i < roadmap->steps->len; i++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, step->level);
      /* whole weeks (SPEC §1) */
      json_builder_set_member_name (builder, "start-week");
      json_builder_add_int_value (builder, (gint64) step->start_week);
      json_builder_set_member_name (builder, "weeks");
      json_builder_add_int_value (builder, (gint64) step->weeks);
      json_builder_set_member_name (builder, "weeks-set");
      json_builder_add_boolean_value (builder, step->weeks_set);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_programme (JsonBuilder       *builder,
               const LoProgramme *programme)
{
  json_builder_set_member_name (builder, "programme");
  if (programme == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "parallel-builds");
  json_builder_add_int_value (builder, programme->parallel_builds);
  lo_json_add_number (builder, "build-start-month", programme->build_start);
  lo_json_add_number (builder, "approval-ends-month", programme->approval_end);

  json_builder_set_member_name (builder, "processes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < programme->processes->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (programme->processes, LoProgrammeProcess, i);

      json_builder_begin_object (builder);
      lo_json_add_string (builder, "id", pp->id);
      json_builder_set_member_name (builder, "included");
      json_builder_add_boolean_value (builder, pp->included);
      lo_json_add_string (builder, "reason", pp->reason);
      lo_json_add_number (builder, "start-month", pp->start);
      lo_json_add_number (builder, "go-live-month", pp->go_live);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  lo_json_add_number (builder, "investment", programme->investment);
  lo_json_add_number (builder, "peak-funding", programme->peak_funding);
  lo_json_add_number (builder, "npv", programme->npv);
  lo_json_add_number (builder, "roi-percent", programme->roi_percent);
  lo_json_add_number (builder, "payback-months", programme->payback_months);
  lo_json_add_number (builder, "mirr", programme->mirr);
  lo_json_add_number (builder, "hours-saved-per-week", programme->hours_saved_week);
  lo_json_add_number (builder, "hours-saved-in-horizon", programme->hours_saved_horizon);
  lo_json_add_number (builder, "annual-savings", programme->annual_savings);

  json_builder_set_member_name (builder, "cash-flow");
  json_builder_begin_array (builder);
  for (guint m = 0; m <= programme->horizon; m++)
    json_builder_add_double_value (builder, programme->cash_flow[m]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "monte-carlo");
  if (!programme->has_monte_carlo)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "draws");
      json_builder_add_int_value (builder, programme->draws);
      add_seed (builder, programme->seed);
      add_percentiles (builder, "npv", programme->npv_p10, programme->npv_p50, programme->npv_p90);
      lo_json_add_number (builder, "probability-positive", programme->probability_positive);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/**
 * lo_json_roi:
 * @portfolio: the computed portfolio
 * @roadmap: (nullable): the scheduled roadmap, NULL without one
 * @programme: (nullable): the programme (lo_programme_compute)
 *
 * SPEC §4's roi shape: `{"settings", "processes": [{"id", "name",
 * "hours-saved-per-week", "fte", "annual-savings", "npv", "roi-percent",
 * "payback-months", "irr", "readiness", "scenarios", "monte-carlo", "tornado",
 * "alternative", "actuals"}], "portfolio": {…, "sequence"}, "roadmap": {…},
 * "programme": {…}}`, the last two in SPEC §2b's shape. Absent values (none,
 * NAN) are null; numbers keep full precision.
 *
 * Returns: (transfer full): pretty-printed JSON ending in a newline
 */
char *
lo_json_roi (const LoPortfolio *portfolio,
             const LoRoadmap   *roadmap,
             const LoProgramme *programme)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  const LoSettings *settings;

  g_return_val_if_fail (portfolio != NULL, NULL);

  settings = &portfolio->settings;
  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "horizon-months");
  json_builder_add_int_value (builder, settings->horizon_months);
  lo_json_add_number (builder, "discount-rate", settings->discount_rate);
  lo_json_add_string (builder, "currency", settings->currency);
  lo_json_add_number (builder, "hours-per-week", settings->hours_per_week);
  lo_json_add_number (builder, "realisation-rate", settings->realisation_rate);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "processes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < portfolio->processes->len; i++)
    add_process (builder, g_ptr_array_index (portfolio->processes, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "portfolio");
  json_builder_begin_object (builder);
  lo_json_add_number (builder, "hours-saved-per-week", portfolio->hours_saved_week);
  lo_json_add_number (builder, "fte", portfolio->fte);
  lo_json_add_number (builder, "npv", portfolio->npv);
  lo_json_add_number (builder, "annual-savings", portfolio->annual_savings);
  json_builder_set_member_name (builder, "sequence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < portfolio->sequence->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->sequence, i);
      json_builder_add_string_value (builder, roi->process->id);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_roadmap (builder, roadmap);
  add_programme (builder, programme);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return lo_json_generate (root);
}
