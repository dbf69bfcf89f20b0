/* test-process-template.c: the processes offered as starting points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "lo-core.h"

static void
test_templates_validate (void)
{
  g_assert_cmpuint (lo_process_templates_count (), ==, 6);
  for (guint i = 0; i < lo_process_templates_count (); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LoProcess) p = lo_process_new_from_template (lo_process_template_id (i), NULL, 45);

      g_assert_cmpstr (p->id, ==, lo_process_template_id (i));
      g_assert_cmpstr (p->name, ==, lo_process_template_name (i));
      g_assert_true (p->has_readiness);
      g_assert_cmpfloat (lo_process_get (p, LO_INPUT_HOURLY_COST), ==, 45);
      g_assert_true (lo_process_validate (p, &error));
      g_assert_no_error (error);
    }
}

static void
test_template_blank (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoProcess) p = lo_process_new_from_template ("blank", NULL, 60);

  /* the required inputs are set to values that validate, readiness is not */
  g_assert_cmpstr (p->id, ==, "process");
  g_assert_cmpstr (p->name, ==, "New process");
  g_assert_false (p->has_readiness);
  g_assert_cmpfloat (lo_process_get (p, LO_INPUT_HOURLY_COST), ==, 60);
  g_assert_cmpfloat (lo_process_get (p, LO_INPUT_VOLUME_PER_MONTH), ==, 100);
  g_assert_cmpfloat (lo_process_get (p, LO_INPUT_AUTOMATION_RATE), ==, 0.8);
  g_assert_true (lo_process_validate (p, &error));
}

static void
test_template_unique_id (void)
{
  g_autoptr(LoEngagement) e = lo_engagement_new ("Harbor Logistics");
  g_autoptr(LoProcess) first = lo_process_new_from_template ("invoicing", e, 45);
  g_autoptr(LoProcess) second = NULL;
  g_autoptr(LoProcess) third = NULL;

  g_ptr_array_add (e->processes, lo_process_ref (first));
  second = lo_process_new_from_template ("invoicing", e, 45);
  g_assert_cmpstr (second->id, ==, "invoicing-2");
  g_ptr_array_add (e->processes, lo_process_ref (second));
  third = lo_process_new_from_template ("invoicing", e, 45);
  g_assert_cmpstr (third->id, ==, "invoicing-3");
}

typedef struct
{
  const char *text;
  gboolean    ok;
  int         year, month;
} MonthCase;

static const MonthCase month_cases[] = {
  { "2026-12", TRUE, 2026, 12 },
  { " 2027-03 ", TRUE, 2027, 3 },
  { "2026-13", FALSE, 0, 0 },
  { "2026-00", FALSE, 0, 0 },
  { "1899-12", FALSE, 0, 0 },
  { "2026-1", FALSE, 0, 0 },
  { "2026/12", FALSE, 0, 0 },
  { "-026-12", FALSE, 0, 0 },
  { "", FALSE, 0, 0 },
};

static void
test_parse_month (gconstpointer data)
{
  const MonthCase *c = data;
  int year = -1, month = -1;

  g_assert_cmpint (lo_parse_month (c->text, &year, &month), ==, c->ok);
  g_assert_cmpint (year, ==, c->ok ? c->year : -1);
  g_assert_cmpint (month, ==, c->ok ? c->month : -1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/process-template/validate", test_templates_validate);
  g_test_add_func ("/lo/process-template/blank", test_template_blank);
  g_test_add_func ("/lo/process-template/unique-id", test_template_unique_id);
  for (guint i = 0; i < G_N_ELEMENTS (month_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/format/parse-month/%u", i);
      g_test_add_data_func (path, &month_cases[i], test_parse_month);
    }
  return g_test_run ();
}
