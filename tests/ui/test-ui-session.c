/* test-ui-session.c: the window's client session, its sidebar, and a report
 * in another language than the window's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lo-io.h"
#include "lo-window.h"
#include "lo-client-session.h"
#include "lo-export-dialog.h"

typedef struct
{
  char    *dir;
  LoStore *store;
  gint64   client;
} Fixture;

/* Runs what is pending, until @done or @ms have passed. */
static void
wait_for (gboolean *done,
          guint     ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while ((done == NULL || !*done) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autoptr(LoAssessment) earlier = NULL;

  f->dir = g_dir_make_tmp ("lo-ui-session-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = lo_store_open (db, &error);
  g_assert_no_error (error);
  f->client = lo_store_import_engagement (f->store, demo, &error);
  g_assert_no_error (error);
  /* An earlier assessment on the same bank, with one answer. */
  earlier = lo_assessment_new ("earlier", "2020-01-01", "lightsout-default");
  lo_respondent_set_answer (lo_assessment_add_respondent (earlier, "r1", "Early Bird", NULL),
                            "process.documentation", 1);
  g_assert_true (lo_store_add_assessment (f->store, f->client, earlier, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  wait_for (NULL, 50);
  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LoClientSession) session = lo_client_session_new (f->store);
  g_autoptr(LoAnalysis) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  LoAnalysis *analysis;
  LoAssessment *latest;
  gint64 client = 0;
  guint analyses = 0;

  g_object_get (session, "store", &store, NULL);
  g_assert_true (store == f->store);
  g_signal_connect (session, "notify::analysis", G_CALLBACK (count_cb), &analyses);
  g_assert_null (lo_client_session_get_analysis (session));

  /* Selecting the client analyses its latest assessment, once. */
  g_object_set (session, "client-id", f->client, NULL);
  g_assert_cmpuint (analyses, ==, 1);
  g_object_get (session, "client-id", &client, NULL);
  g_assert_cmpint (client, ==, f->client);
  analysis = lo_client_session_get_analysis (session);
  g_assert_nonnull (analysis);
  latest = lo_analysis_get_assessment (analysis);
  g_assert_cmpstr (latest->id, !=, "earlier");
  g_assert_cmpstr (lo_client_session_get_assessment_id (session), ==, latest->id);
  g_assert_nonnull (lo_analysis_get_score (analysis));
  g_assert_nonnull (lo_analysis_get_roadmap (analysis));
  g_assert_nonnull (lo_analysis_get_portfolio (analysis));
  g_assert_true (lo_client_session_get_engagement (session) == lo_analysis_get_engagement (analysis));
  /* compared with the earlier one, on the same bank */
  g_assert_cmpstr (lo_analysis_get_previous_assessment (analysis)->id, ==, "earlier");
  g_assert_nonnull (lo_analysis_get_previous_score (analysis));

  /* One store change, one new analysis; the old one stays as it was. */
  before = lo_analysis_ref (analysis);
  g_assert_true (lo_store_set_answer (f->store, f->client, latest->id,
                                      ((LoRespondent *) g_ptr_array_index (latest->respondents, 0))->id,
                                      "process.documentation", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (analyses, ==, 2);
  g_assert_true (lo_client_session_get_analysis (session) != before);
  g_assert_true (lo_analysis_get_score (before) != NULL);

  /* Another assessment by its id. */
  g_object_set (session, "assessment-id", "earlier", NULL);
  g_assert_cmpuint (analyses, ==, 3);
  analysis = lo_client_session_get_analysis (session);
  g_assert_cmpstr (lo_analysis_get_assessment (analysis)->id, ==, "earlier");
  g_assert_null (lo_analysis_get_previous_assessment (analysis));
  /* one answer of 25: no overall level */
  g_assert_false (lo_analysis_get_score (analysis)->complete);

  /* A change of another client does not reload this one. */
  g_assert_cmpint (lo_store_create_client (f->store, "Someone Else", &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (analyses, ==, 3);
  g_assert_true (lo_store_rename_client (f->store, lo_store_find_client (f->store, "Someone Else", NULL),
                                         "Someone Other", &error));
  g_assert_cmpuint (analyses, ==, 3);

  /* Deleted: nothing is shown. */
  g_assert_true (lo_store_delete_client (f->store, f->client, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (lo_client_session_get_analysis (session));
  g_assert_null (lo_client_session_get_engagement (session));
  g_assert_cmpint (lo_client_session_get_client_id (session), ==, 0);
}

/* The window in the test's language (C: English) writes a German report. */
static void
test_report_language (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "bericht.pdf", NULL);
  g_autofree char *english = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  LoWindow *window = lo_window_new (NULL, f->store);
  LoExportDialog *dialog;
  const char *pdftotext[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status = 0;

  lo_window_select (window, f->client, NULL);
  gtk_window_present (GTK_WINDOW (window));
  dialog = lo_export_dialog_new (GTK_WINDOW (window), lo_window_get_analysis (window), &error);
  g_assert_no_error (error);
  lo_export_dialog_set_language (dialog, "de");
  g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Harbor Logistics"));
  g_assert_nonnull (strstr (out, "Zusammenfassung"));
  g_assert_nonnull (strstr (out, "Wahrscheinlichkeit eines positiven Kapitalwerts"));
  /* and this process's language was left alone */
  g_assert_null (g_getenv ("LANGUAGE"));

  lo_export_dialog_set_language (dialog, "en");
  g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_PDF, english, &error));
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);
  pdftotext[2] = english;
  g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (out, "Zusammenfassung"));
  g_assert_nonnull (strstr (out, "Chance the NPV is positive"));
}

/* Export and print report on the assessment the window shows, with its bank,
 * not on the latest one. */
static void
test_export_selected (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoReportInput) input = NULL;
  LoWindow *window = lo_window_new (NULL, f->store);

  lo_window_select (window, f->client, "earlier");
  g_assert_cmpstr (lo_analysis_get_assessment (lo_window_get_analysis (window))->id, ==, "earlier");
  input = lo_export_build_input (lo_window_get_analysis (window), &error);
  g_assert_no_error (error);
  g_assert_nonnull (input->score);
  g_assert_cmpstr (input->score->assessment->id, ==, "earlier");
  g_assert_true (input->bank == lo_analysis_get_bank (lo_window_get_analysis (window)));
  /* the report's Monte Carlo: the CLI's defaults */
  g_assert_true (((LoProcessRoi *) g_ptr_array_index (input->portfolio->processes, 0))->has_monte_carlo);
  g_assert_cmpuint (((LoProcessRoi *) g_ptr_array_index (input->portfolio->processes, 0))->monte_carlo.draws,
                    ==, LO_MONTE_CARLO_DEFAULT_DRAWS);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *system_data = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *data_dirs = g_strdup (system_data ? system_data : "/usr/local/share:/usr/share");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Isolation also hides the icon theme GTK needs. */
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_unsetenv ("LANGUAGE");
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/session/reload", Fixture, NULL, fixture_setup, test_session, fixture_teardown);
  g_test_add ("/ui/session/export-selected", Fixture, NULL, fixture_setup, test_export_selected,
              fixture_teardown);
  g_test_add ("/ui/session/report-language", Fixture, NULL, fixture_setup, test_report_language,
              fixture_teardown);

  return g_test_run ();
}
