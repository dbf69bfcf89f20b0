/* test-ui-programme.c: the roadmap page's programme (SPEC §2b) through the
 * window: parallel builds, a step's weeks and a process's include change the
 * figures and the timeline at once, are saved, and are there again in a new
 * window on the same database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lo-application.h"
#include "lo-chart-view.h"
#include "lo-io.h"
#include "lo-roadmap-page.h"
#include "lo-window.h"
#include "ui-test-util.h"

typedef struct
{
  char    *dir;
  LoStore *store;
  gint64   client;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("lo-ui-programme-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = lo_store_open (db, &error);
  g_assert_no_error (error);
  f->client = lo_store_import_engagement (f->store, demo, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ui_test_destroy_windows ();
  g_clear_object (&f->store);
  ui_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_chart (GtkWidget     *widget,
          gconstpointer  chart)
{
  return LO_IS_CHART_VIEW (widget) && g_strcmp0 (lo_chart_view_get_chart (LO_CHART_VIEW (widget)), chart) == 0;
}

/* A window on the fixture's database showing the client's roadmap page. */
static LoWindow *
open_window (Fixture *f)
{
  LoWindow *window = lo_window_new (NULL, f->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_frame (GTK_WIDGET (window));
  lo_window_select (window, f->client, NULL);
  ui_test_wait_for (lo_window_get_analysis (window) != NULL
                    && lo_analysis_get_programme (lo_window_get_analysis (window)) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "roadmap");
  ui_test_wait_for (ui_test_find (GTK_WIDGET (window), is_named, "parallel-builds") != NULL
                    && gtk_widget_get_mapped (ui_test_find (GTK_WIDGET (window), is_named, "parallel-builds")));
  return window;
}

static LoProgramme *
programme (LoWindow *window)
{
  return lo_analysis_get_programme (lo_window_get_analysis (window));
}

/* What the page shows: the NPV card and the timeline's caption. */
static char *
shown (LoWindow *window)
{
  GtkWidget *npv = ui_test_find (GTK_WIDGET (window), is_named, "programme-npv");
  GtkWidget *chart = ui_test_find (GTK_WIDGET (window), is_chart, "programme-schedule");

  g_assert_nonnull (npv);
  g_assert_nonnull (chart);
  return g_strdup_printf ("%s | %s", gtk_label_get_text (GTK_LABEL (npv)),
                          lo_chart_view_get_caption (LO_CHART_VIEW (chart)));
}

/* The text the page shows for @pg's NPV, by the same formatter. */
static char *
npv_text (const LoProgramme *pg)
{
  return lo_formatter_money (lo_formatter_lookup (NULL), pg->npv, pg->settings.currency, 0);
}

static GtkWidget *
step_spin (LoWindow *window)
{
  GtkWidget *row = ui_test_find (GTK_WIDGET (window), is_named, "step-weeks");

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), "spin");
}

static void
test_programme (Fixture       *f,
                gconstpointer  data)
{
  LoWindow *window = open_window (f);
  GtkSpinButton *lanes = GTK_SPIN_BUTTON (ui_test_find (GTK_WIDGET (window), is_named, "parallel-builds"));
  g_autofree char *before = shown (window);
  g_autofree char *lanes_shown = NULL;
  g_autofree char *weeks_shown = NULL;
  g_autofree char *final = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;
  const LoProgrammeProcess *first = NULL;
  GtkWidget *row;
  GtkDropDown *drop;
  double npv, approval_end;
  int build_weeks;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (lanes), ==, 1);
  expected = npv_text (programme (window));
  g_assert_true (g_str_has_prefix (before, expected));

  /* two lanes: the later processes go live sooner, the money and the
   * timeline's words change in the same turn of the main loop */
  npv = programme (window)->npv;
  gtk_spin_button_set_value (lanes, 2);
  ui_test_wait_for (programme (window)->parallel_builds == 2);
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_cmpfloat (programme (window)->npv, >, npv);
  lanes_shown = shown (window);
  g_assert_cmpstr (lanes_shown, !=, before);
  g_assert_nonnull (strstr (lanes_shown, "2 lanes"));
  g_clear_pointer (&expected, g_free);
  expected = npv_text (programme (window));
  g_assert_true (g_str_has_prefix (lanes_shown, expected));

  /* the build step set longer than its default: level 5 comes later, so
   * people approve each item for longer */
  build_weeks = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (step_spin (window)));
  approval_end = programme (window)->approval_end_week;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (step_spin (window)), build_weeks + 26);
  ui_test_wait_for (lo_engagement_get_step_weeks (lo_analysis_get_engagement (lo_window_get_analysis (window)),
                                                  ((LoRoadmapStep *) g_ptr_array_index (
                                                     lo_analysis_get_roadmap (lo_window_get_analysis (window))->steps,
                                                     0))->level) == build_weeks + 26);
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_cmpfloat (programme (window)->approval_end_week, ==, approval_end + 26);
  weeks_shown = shown (window);
  g_assert_cmpstr (weeks_shown, !=, lanes_shown);

  /* the first counted process left out by hand: named with its reason */
  for (guint i = 0; i < programme (window)->processes->len && first == NULL; i++)
    if (g_array_index (programme (window)->processes, LoProgrammeProcess, i).counted)
      first = &g_array_index (programme (window)->processes, LoProgrammeProcess, i);
  g_assert_nonnull (first);
  row = ui_test_find (GTK_WIDGET (window), is_named, first->id);
  g_assert_nonnull (row);
  drop = g_object_get_data (G_OBJECT (row), "drop");
  {
    g_autofree char *id = g_strdup (first->id);

    gtk_drop_down_set_selected (drop, LO_INCLUDE_NO);
    ui_test_wait_for (!lo_programme_lookup (programme (window), id)->included);
    ui_test_wait_frame (GTK_WIDGET (window));
    g_assert_cmpstr (lo_programme_lookup (programme (window), id)->reason, ==, LO_PROGRAMME_REASON_LEFT_OUT);
    row = ui_test_find (GTK_WIDGET (window), is_named, id);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              lo_programme_reason_label (LO_PROGRAMME_REASON_LEFT_OUT)));
    final = shown (window);
    g_assert_cmpstr (final, !=, weeks_shown);

    /* a new window on the same database shows the same */
    gtk_window_destroy (GTK_WINDOW (window));
    ui_test_flush ();
    window = open_window (f);
    again = shown (window);
    g_assert_cmpstr (again, ==, final);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ui_test_find (GTK_WIDGET (window), is_named,
                                                                              "parallel-builds"))), ==, 2);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (step_spin (window))), ==, build_weeks + 26);
    row = ui_test_find (GTK_WIDGET (window), is_named, id);
    g_assert_cmpuint (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "drop")), ==, LO_INCLUDE_NO);
  }

  /* the processes page's portfolio shows the programme's money beside the
   * sum of each process on its own */
  {
    g_autofree char *npv_shown = npv_text (programme (window));
    g_autofree char *own = lo_formatter_money (lo_formatter_lookup (NULL),
                                               lo_analysis_get_portfolio (lo_window_get_analysis (window))->npv,
                                               programme (window)->settings.currency, 0);
    GtkWidget *card;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "processes");
    ui_test_wait_for ((card = ui_test_find (GTK_WIDGET (window), is_named, "portfolio-programme-npv")) != NULL
                      && gtk_widget_get_mapped (card)
                      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (card)), npv_shown) == 0);
    card = ui_test_find (GTK_WIDGET (window), is_named, "total-npv");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (card)), ==, own);
    g_assert_cmpstr (own, !=, npv_shown);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "roadmap");
    ui_test_wait_for (gtk_widget_get_mapped (step_spin (window)));
  }

  /* the reset button returns the step to its default */
  {
    GtkWidget *reset = g_object_get_data (G_OBJECT (ui_test_find (GTK_WIDGET (window), is_named, "step-weeks")), "reset");
    const LoRoadmapStep *step;

    g_assert_true (gtk_widget_get_sensitive (reset));

    gtk_widget_activate (reset);
    ui_test_wait_for (!((LoRoadmapStep *) g_ptr_array_index (
                         lo_analysis_get_roadmap (lo_window_get_analysis (window))->steps, 0))->weeks_set);
    ui_test_wait_frame (GTK_WIDGET (window));
    step = g_ptr_array_index (lo_analysis_get_roadmap (lo_window_get_analysis (window))->steps, 0);
    /* the default of the build step: max(13, ⌈E⌉) */
    g_assert_cmpfloat (step->weeks, ==, step->default_weeks);
    g_assert_cmpfloat (step->default_weeks, >=, 13);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (step_spin (window))), ==,
                     (int) step->default_weeks);
    g_assert_false (gtk_widget_get_sensitive (
      g_object_get_data (G_OBJECT (ui_test_find (GTK_WIDGET (window), is_named, "step-weeks")), "reset")));
  }
}

int
main (int    argc,
      char **argv)
{
  const char *system_data = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *data_dirs = g_strdup (system_data ? system_data : "/usr/local/share:/usr/share");
  g_autoptr(LoApplication) app = NULL;

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  gtk_init ();
  adw_init ();
  app = lo_application_new ();

  g_test_add ("/lo/ui/programme/changes-and-restart", Fixture, NULL, fixture_setup, test_programme,
              fixture_teardown);
  return g_test_run ();
}
