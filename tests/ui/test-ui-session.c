/* test-ui-session.c: the window's client session, its sidebar, and a report
 * in another language than the window's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "lo-io.h"
#include "lo-window.h"
#include "lo-client-session.h"
#include "lo-export-dialog.h"
#include "lo-sidebar.h"
#include "lo-report-process.h"

typedef struct
{
  char    *dir;
  LoStore *store;
  gint64   client;
} Fixture;

/* Runs what is pending now (the store's changes are applied from an idle). */
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
  earlier->bank_edition = lo_engagement_latest_assessment (demo)->bank_edition;
  lo_respondent_set_answer (lo_assessment_add_respondent (earlier, "r1", "Early Bird", NULL),
                            "process.documentation", 1);
  g_assert_true (lo_store_add_assessment (f->store, f->client, earlier, &error));
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

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  return out;
}

typedef struct
{
  gboolean done;
  GError  *error;
} Written;

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Written *written = user_data;

  lo_report_process_write_pdf_finish (result, &written->error);
  written->done = TRUE;
}

/* The export button's way: the child runs while the main loop does. */
static void
test_report_language_async (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "async.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(LoClientSession) session = lo_client_session_new (f->store);
  LoReportOptions opts;
  Written written = { FALSE, NULL };
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  lo_client_session_select (session, f->client, NULL);
  lo_report_options_init (&opts);
  opts.language = "de";
  lo_report_process_write_pdf_async (lo_client_session_get_analysis (session), &opts, pdf, NULL,
                                     written_cb, &written);
  g_assert_false (written.done);
  while (!written.done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (written.done);
  g_assert_no_error (written.error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Zusammenfassung"));
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

  lo_window_select (window, f->client, NULL);
  gtk_window_present (GTK_WINDOW (window));
  dialog = lo_export_dialog_new (GTK_WINDOW (window), lo_window_get_analysis (window), &error);
  g_assert_no_error (error);
  lo_export_dialog_set_language (dialog, "de");
  g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  out = pdf_text (pdf);
  g_assert_nonnull (strstr (out, "Harbor Logistics"));
  g_assert_nonnull (strstr (out, "Zusammenfassung"));
  g_assert_nonnull (strstr (out, "Wahrscheinlichkeit eines positiven Kapitalwerts"));
  /* and this process's language was left alone */
  g_assert_null (g_getenv ("LANGUAGE"));

  lo_export_dialog_set_language (dialog, "en");
  g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_PDF, english, &error));
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);
  out = pdf_text (english);
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

/* How many widgets of @type are under @widget. */
static guint
count_type (GtkWidget *widget,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_type (c, type);
  return n;
}

/* The sidebar's rows, as "client" for a client's row and the assessment id
 * for an assessment's, in order; @first receives the first assessment row's
 * item. */
static char *
sidebar_rows (GListModel     *items,
              LoSidebarItem **first)
{
  GString *rows = g_string_new (NULL);

  *first = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LoSidebarItem) item = g_list_model_get_item (items, i);
      const char *assessment = lo_sidebar_item_get_assessment (item);

      if (assessment != NULL && *first == NULL)
        *first = item;
      g_string_append_printf (rows, "%s%s", rows->len ? " " : "", assessment ? assessment : "client");
    }
  return g_string_free (rows, FALSE);
}

/* Runs the main loop until the sidebar shows @expected; returns what it
 * shows. */
static char *
wait_for_rows (GListModel     *items,
               const char     *expected,
               LoSidebarItem **first)
{
  char *rows = NULL;

  ui_test_wait_for ((g_free (rows), rows = sidebar_rows (items, first),
                     g_strcmp0 (rows, expected) == 0));
  return rows;
}

/* Clients from the summary query; the shown client's assessments under it,
 * newest first; rows kept when only answers change; widgets only for the
 * rows on screen. */
static void
test_sidebar (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  LoWindow *window = lo_window_new (NULL, f->store);
  GListModel *items;
  LoSidebarItem *first = NULL, *again = NULL;
  g_autoptr(LoSidebarItem) third = NULL;
  gint64 other;
  const char *latest;

  other = lo_store_create_client (f->store, "Zeta Works", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  lo_window_select (window, f->client, NULL);
  items = lo_sidebar_get_items (LO_SIDEBAR (ui_test_find_type (GTK_WIDGET (window), LO_TYPE_SIDEBAR)));
  latest = lo_window_get_assessment_id (window);

  /* Harbor Logistics (its two assessments), then Zeta Works: by name. */
  expected = g_strdup_printf ("client %s earlier client", latest);
  rows = wait_for_rows (items, expected, &first);
  g_assert_cmpstr (rows, ==, expected);

  /* An answer: the same rows. */
  g_assert_true (lo_store_set_answer (f->store, f->client, "earlier", "r1", "process.rules", 2, &error));
  g_assert_no_error (error);
  ui_test_flush ();
  g_clear_pointer (&rows, g_free);
  rows = sidebar_rows (items, &again);
  g_assert_cmpstr (rows, ==, expected);
  g_assert_true (again == first);

  /* A new respondent changes what the row shows (the count). */
  g_assert_true (lo_store_add_respondent (f->store, f->client, "earlier", "r2", "Late Comer", NULL, &error));
  g_assert_no_error (error);
  ui_test_flush ();
  g_clear_pointer (&rows, g_free);
  rows = sidebar_rows (items, &again);
  g_assert_cmpstr (rows, ==, expected);
  third = g_list_model_get_item (items, 2);
  g_assert_cmpuint (lo_sidebar_item_get_respondents (third), ==, 2);
  g_assert_cmpint (lo_sidebar_item_get_client (third), ==, f->client);

  /* Another client shown: its (no) assessments, the first one's gone. */
  lo_window_select (window, other, NULL);
  g_clear_pointer (&rows, g_free);
  rows = wait_for_rows (items, "client client", &first);
  g_assert_cmpstr (rows, ==, "client client");
  g_assert_null (first);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A thousand clients: the list holds them all, but only the rows about the
 * screen have widgets (GTK 4.8's list view keeps at most 200 rows' widgets,
 * two labels each): fewer labels than clients. */
static void
test_sidebar_lazy (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LoWindow *window;
  GtkWidget *sidebar;
  GListModel *items;
  guint labels = 0;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %04u", i);

      lo_store_create_client (f->store, name, &error);
      g_assert_no_error (error);
    }
  window = lo_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (window));
  sidebar = ui_test_find_type (GTK_WIDGET (window), LO_TYPE_SIDEBAR);
  items = lo_sidebar_get_items (LO_SIDEBAR (sidebar));
  ui_test_wait_for (g_list_model_get_n_items (items) == 1001);
  ui_test_wait_frame (sidebar);
  ui_test_wait_for (count_type (sidebar, GTK_TYPE_LABEL) > 0);
  labels = count_type (sidebar, GTK_TYPE_LABEL);
  g_assert_cmpuint (labels, <, 1000);
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
  g_test_add ("/ui/session/sidebar", Fixture, NULL, fixture_setup, test_sidebar, fixture_teardown);
  g_test_add ("/ui/session/sidebar-lazy", Fixture, NULL, fixture_setup, test_sidebar_lazy,
              fixture_teardown);
  g_test_add ("/ui/session/export-selected", Fixture, NULL, fixture_setup, test_export_selected,
              fixture_teardown);
  g_test_add ("/ui/session/report-language-async", Fixture, NULL, fixture_setup,
              test_report_language_async, fixture_teardown);
  g_test_add ("/ui/session/report-language", Fixture, NULL, fixture_setup, test_report_language,
              fixture_teardown);

  return g_test_run ();
}
