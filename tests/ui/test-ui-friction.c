/* test-ui-friction.c: issue 16's friction found by trying the window
 *
 * Each test fails on the behaviour the issue describes: the Assessment page
 * counting answers differently from Results, number keys dead right after
 * New Assessment, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "lo-application.h"
#include "lo-io.h"
#include "lo-window.h"
#include "lo-assessment-page.h"
#include "lo-chart-view.h"
#include "lo-process-editor.h"

typedef struct
{
  char     *dir;
  LoStore  *store;
  gint64    client;
  LoWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autoptr(LoAssessment) room = NULL;

  f->dir = g_dir_make_tmp ("lo-ui-friction-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = lo_store_open (db, &error);
  g_assert_no_error (error);
  f->client = lo_store_import_engagement (f->store, demo, &error);
  g_assert_no_error (error);
  /* A new assessment: two respondents, nothing answered yet. */
  room = lo_assessment_new ("room", "2026-12-07", "lightsout-default");
  room->bank_edition = lo_engagement_latest_assessment (demo)->bank_edition;
  lo_assessment_add_respondent (room, "ana", "Ana", NULL);
  lo_assessment_add_respondent (room, "ben", "Ben", NULL);
  g_assert_true (lo_store_add_assessment (f->store, f->client, room, &error));
  g_assert_no_error (error);

  f->window = lo_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  lo_window_select (f->window, f->client, "room");
  ui_test_wait_for (g_strcmp0 (lo_window_get_assessment_id (f->window), "room") == 0
                    && lo_window_get_score (f->window) != NULL);
  ui_test_wait_frame (GTK_WIDGET (f->window));
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
is_assessment_page (GtkWidget    *widget,
                    gconstpointer data)
{
  return LO_IS_ASSESSMENT_PAGE (widget);
}

/* A label on screen whose text is @data. */
static gboolean
shows_exactly (GtkWidget    *widget,
               gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
         && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static GtkWidget *
show_assessment_page (LoWindow *window)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessment");
  ui_test_wait_for ((page = ui_test_find (GTK_WIDGET (window), is_assessment_page, NULL)) != NULL
                    && gtk_widget_get_mapped (page));
  return page;
}

/* 1. The Assessment page and Results count the same questions: those whose
 * combined answer is a level. Ana answers the first question 3 and the second
 * "don't know"; Ben answers nothing. One question of the bank is answered. */
static void
test_answered_count (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  const LoQuestion *second = g_ptr_array_index (bank->questions, 1);
  g_autofree char *one = g_strdup_printf ("1 of %u questions answered", bank->questions->len);
  g_autofree char *two = g_strdup_printf ("2 of %u questions answered", bank->questions->len);
  GtkWidget *page;

  g_assert_true (lo_store_set_answer (f->store, f->client, "room", "ana", first->id, 3, &error));
  g_assert_no_error (error);
  g_assert_true (lo_store_set_answer (f->store, f->client, "room", "ana", second->id,
                                      LO_ANSWER_DONT_KNOW, &error));
  g_assert_no_error (error);
  lo_window_select (f->window, f->client, "room");
  page = show_assessment_page (f->window);
  lo_assessment_page_set_respondent (LO_ASSESSMENT_PAGE (page), "ana");
  ui_test_wait_for (ui_test_find (page, shows_exactly, one) != NULL);
  g_assert_null (ui_test_find (page, shows_exactly, two));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "results");
  ui_test_wait_for (ui_test_find (GTK_WIDGET (f->window), shows_exactly, one) != NULL);
}

/* 2. Right after New Assessment a question has the focus, so that the number
 * keys answer without tabbing into the page. */
static void
test_new_assessment_focus (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *page, *focus;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "results");
  ui_test_wait_frame (GTK_WIDGET (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-assessment", NULL);
  ui_test_wait_for (g_strcmp0 (lo_window_get_assessment_id (f->window), "room") != 0);
  ui_test_wait_for ((page = ui_test_find (GTK_WIDGET (f->window), is_assessment_page, NULL)) != NULL
                    && gtk_widget_get_mapped (page));
  ui_test_wait_for ((focus = gtk_root_get_focus (GTK_ROOT (f->window))) != NULL
                    && GTK_IS_CHECK_BUTTON (focus) && gtk_widget_is_ancestor (focus, page));
  g_assert_cmpuint (lo_assessment_page_get_position (LO_ASSESSMENT_PAGE (page)), ==, 0);
}

static guint
count_clients (LoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = lo_store_list_clients (store, NULL, &error);

  g_assert_no_error (error);
  return clients->len;
}

static guint
count_assessments (LoStore *store,
                   gint64   client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_store_load_engagement (store, client, &error);

  g_assert_no_error (error);
  return engagement->assessments->len;
}

static AdwMessageDialog *
visible_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* 3. Importing a client that exists asks: Replace, Add as a New Assessment
 * or Keep Both (@data, the response), and does what was chosen. The stored
 * client has the demo's assessments and "room"; the file the demo's. */
static void
test_import_existing (Fixture       *f,
                      gconstpointer  data)
{
  const char *response = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autofree char *path = g_build_filename (f->dir, "harbor.lightsout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint demo_assessments = demo->assessments->len;
  AdwMessageDialog *dialog;
  gint64 client;

  g_assert_true (lo_engagement_write_file (demo, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_assessments (f->store, f->client), ==, demo_assessments + 1);
  lo_window_import_file (f->window, file);
  ui_test_wait_for ((dialog = visible_dialog ()) != NULL);
  /* nothing is stored before the answer */
  g_assert_cmpuint (count_clients (f->store), ==, 1);
  adw_message_dialog_response (dialog, response);
  if (g_str_equal (response, "keep"))
    {
      ui_test_wait_for (count_clients (f->store) == 2);
      return;
    }
  client = lo_store_find_client (f->store, demo->client_name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_clients (f->store), ==, 1);
  if (g_str_equal (response, "replace"))
    g_assert_cmpuint (count_assessments (f->store, client), ==, demo_assessments);
  else
    g_assert_cmpuint (count_assessments (f->store, client), ==, 2 * demo_assessments + 1);
  ui_test_wait_for (lo_window_get_client (f->window) == client);
  g_unlink (path);
}

static gboolean
is_answer_button (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Answer the Questions") == 0;
}

/* 6. The roadmap of an assessment not answered yet offers to go and answer
 * the questions. */
static void
test_empty_roadmap (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *button, *page;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "roadmap");
  ui_test_wait_for ((button = ui_test_find (GTK_WIDGET (f->window), is_answer_button, NULL)) != NULL);
  gtk_widget_activate (button);
  ui_test_wait_for ((page = ui_test_find (GTK_WIDGET (f->window), is_assessment_page, NULL)) != NULL
                    && gtk_widget_get_mapped (page));
}

static GtkFileChooser *
visible_file_chooser (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkFileChooser *chooser = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      chooser = l->data;
  g_list_free (toplevels);
  return chooser;
}

/* Ana's answer to @question in the assessment "room" of the file at
 * @path: -100 when it has none, or when the file cannot be read. */
static int
saved_answer (const char *path,
              const char *question)
{
  g_autoptr(LoEngagement) engagement = lo_engagement_read_file (path, NULL, NULL);
  int value;

  for (guint i = 0; engagement != NULL && i < engagement->assessments->len; i++)
    {
      LoAssessment *a = g_ptr_array_index (engagement->assessments, i);

      if (g_str_equal (a->id, "room")
          && lo_respondent_get_answer (lo_assessment_lookup_respondent (a, "ana"), question, &value))
        return value;
    }
  return -100;
}

static gboolean
chooser_file_is (GtkFileChooser *chooser,
                 const char     *path)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL && g_strcmp0 (g_file_peek_path (file), path) == 0;
}

/* 4. Save asks where the first time (Save As), writes the client there, and
 * later writes there again without asking. */
static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  g_autofree char *path = g_build_filename (f->dir, "saved.lightsout", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  GtkFileChooser *chooser;

  g_assert_true (lo_store_set_answer (f->store, f->client, "room", "ana", first->id, 2, &error));
  g_assert_no_error (error);
  /* The chooser opens in the working directory (GTK 4.8's fallback dialog
   * answers with it, whatever folder its own widget is moved to). */
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  ui_test_wait_for ((chooser = visible_file_chooser ()) != NULL);
  gtk_file_chooser_set_current_name (chooser, "saved.lightsout");
  ui_test_wait_for (chooser_file_is (chooser, path));
  /* The Save button, as a click: the dialog checks the name first. */
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT),
                         "clicked");
  /* written, and the window says so */
  ui_test_wait_for (ui_test_find (GTK_WIDGET (f->window), shows_exactly, "Saved “saved.lightsout”") != NULL);
  g_assert_cmpint (saved_answer (path, first->id), ==, 2);
  ui_test_wait_for (visible_file_chooser () == NULL);

  /* Save again: no chooser, the same file. */
  g_assert_true (lo_store_set_answer (f->store, f->client, "room", "ana", first->id, 4, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  ui_test_flush ();
  g_assert_null (visible_file_chooser ());
  ui_test_wait_for (saved_answer (path, first->id) == 4);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

static gboolean
is_questions_chart (GtkWidget    *widget,
                    gconstpointer data)
{
  return LO_IS_CHART_VIEW (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (lo_chart_view_get_chart (LO_CHART_VIEW (widget)), "questions") == 0;
}

/* 5. The per-question bars carry the questions' text: a row of the chart
 * (one per question and per dimension heading) holds at least one line of
 * its small text (11 pt at 96 dpi ≈ 15 px, with spacing 24 px). */
static void
test_question_labels (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  GtkWidget *chart;
  guint rows = bank->questions->len + bank->dimensions->len;

  g_assert_true (lo_store_set_answer (f->store, f->client, "room", "ana", first->id, 3, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "results");
  ui_test_wait_for ((chart = ui_test_find (GTK_WIDGET (f->window), is_questions_chart, NULL)) != NULL);
  ui_test_wait_frame (GTK_WIDGET (f->window));
  ui_test_wait_for (gtk_widget_get_height (chart) >= (int) rows * 24);
}

static gboolean
is_scrolled_window (GtkWidget    *widget,
                    gconstpointer data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && widget != data;
}

/* Does @widget listen to the mouse wheel (a scroll controller that runs)? */
static gboolean
takes_wheel (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean takes = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller)
          && gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_NONE)
        takes = TRUE;
    }
  return takes;
}

static gboolean
inner_take_wheel (GtkWidget *outer)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (outer); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner = ui_test_find (child, is_scrolled_window, outer);

      /* the first inner one only: enough to see the layout's choice */
      if (inner != NULL)
        any = any || takes_wheel (inner);
    }
  return any;
}

/* 7. In its one-column layout (360 px) the process editor scrolls with the
 * wheel: the inner scrolled windows, which cannot scroll then, do not take
 * the wheel's events from the outer one. (GTK 4.8 has no way to send a
 * wheel event headless; the test checks who listens.) Wide, they do. */
static void
test_editor_wheel (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor = lo_process_editor_new ();
  GtkWidget *outer;

  gtk_window_set_default_size (window, 360, 600);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  ui_test_wait_for (gtk_widget_get_mapped (editor) && gtk_widget_get_width (editor) > 0);
  outer = gtk_widget_get_first_child (editor);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (outer));
  ui_test_wait_for (!inner_take_wheel (outer));
  g_assert_true (takes_wheel (outer));

  gtk_window_set_default_size (window, 1400, 800);
  gtk_widget_set_size_request (GTK_WIDGET (window), 1400, 800);
  ui_test_wait_for (inner_take_wheel (outer));
}

/* An answers file for the assessment "room": the client, the assessment's
 * id and bank, one respondent who answered the first question @value. */
static char *
write_answers (Fixture    *f,
               const char *respondent,
               const char *name,
               int         value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autoptr(LoEngagement) answers = lo_engagement_new (demo->client_name);
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  LoAssessment *room = lo_assessment_new ("room", "2026-12-07", "lightsout-default");
  g_autofree char *file = g_strdup_printf ("%s.lightsout", respondent);
  char *path = g_build_filename (f->dir, file, NULL);

  room->bank_edition = lo_engagement_latest_assessment (demo)->bank_edition;
  lo_respondent_set_answer (lo_assessment_add_respondent (room, respondent, name, NULL), first->id, value);
  g_ptr_array_add (answers->assessments, room);
  g_assert_true (lo_engagement_write_file (answers, path, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
stored_answer_is (Fixture    *f,
                  const char *respondent,
                  int         expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_store_load_engagement (f->store, f->client, &error);
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  int value;

  g_assert_no_error (error);
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      LoAssessment *a = g_ptr_array_index (engagement->assessments, i);
      const LoRespondent *r = g_str_equal (a->id, "room") ? lo_assessment_lookup_respondent (a, respondent) : NULL;

      if (r != NULL && lo_respondent_get_answer (r, first->id, &value))
        return value == expected;
    }
  return FALSE;
}

/* 8. Opening an answers file for the shown assessment merges its respondent;
 * one who is already there is replaced after the user confirms. */
static void
test_merge_answers (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *cara = write_answers (f, "cara", "Cara", 4);
  g_autofree char *ana = write_answers (f, "ana", "Ana", 5);
  g_autoptr(GFile) cara_file = g_file_new_for_path (cara);
  g_autoptr(GFile) ana_file = g_file_new_for_path (ana);
  AdwMessageDialog *dialog;

  lo_window_import_file (f->window, cara_file);
  ui_test_wait_for (stored_answer_is (f, "cara", 4));
  g_assert_null (visible_dialog ());
  g_assert_cmpuint (count_clients (f->store), ==, 1);

  lo_window_import_file (f->window, ana_file);
  ui_test_wait_for ((dialog = visible_dialog ()) != NULL);
  g_assert_false (stored_answer_is (f, "ana", 5));
  adw_message_dialog_response (dialog, "replace");
  ui_test_wait_for (stored_answer_is (f, "ana", 5));
  g_assert_true (stored_answer_is (f, "cara", 4));
  g_assert_cmpuint (count_clients (f->store), ==, 1);
}

/* Drops @file on the window as a file manager would: the window's drop
 * target gets a GdkFileList. */
static void
drop_file (GtkWidget *window,
           GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  GSList *list = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, list);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) && !dropped)
        g_signal_emit_by_name (controller, "drop", &value, 1.0, 1.0, &dropped);
    }
  g_value_unset (&value);
  g_slist_free (list);
  g_assert_true (dropped);
}

/* 8. Dropping an answers file on the window merges it as opening does. */
static void
test_drop_answers (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dan = write_answers (f, "dan", "Dan", 2);
  g_autoptr(GFile) file = g_file_new_for_path (dan);

  drop_file (GTK_WIDGET (f->window), file);
  ui_test_wait_for (stored_answer_is (f, "dan", 2));
  g_assert_cmpuint (count_clients (f->store), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  const char *system_data = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *data_dirs = g_strdup (system_data ? system_data : "/usr/local/share:/usr/share");
  g_autoptr(LoApplication) app = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  gtk_init ();
  adw_init ();
  /* Not run: it holds the settings the window uses. */
  app = lo_application_new ();

  g_test_add ("/lo/ui/friction/answered-count", Fixture, NULL, fixture_setup,
              test_answered_count, fixture_teardown);
  g_test_add ("/lo/ui/friction/new-assessment-focus", Fixture, NULL, fixture_setup,
              test_new_assessment_focus, fixture_teardown);
  g_test_add ("/lo/ui/friction/import-existing/replace", Fixture, "replace", fixture_setup,
              test_import_existing, fixture_teardown);
  g_test_add ("/lo/ui/friction/import-existing/add", Fixture, "add", fixture_setup,
              test_import_existing, fixture_teardown);
  g_test_add ("/lo/ui/friction/import-existing/keep", Fixture, "keep", fixture_setup,
              test_import_existing, fixture_teardown);
  g_test_add ("/lo/ui/friction/empty-roadmap", Fixture, NULL, fixture_setup,
              test_empty_roadmap, fixture_teardown);
  g_test_add ("/lo/ui/friction/save", Fixture, NULL, fixture_setup, test_save, fixture_teardown);
  g_test_add ("/lo/ui/friction/question-labels", Fixture, NULL, fixture_setup,
              test_question_labels, fixture_teardown);
  g_test_add ("/lo/ui/friction/editor-wheel", Fixture, NULL, fixture_setup,
              test_editor_wheel, fixture_teardown);
  g_test_add ("/lo/ui/friction/merge-answers", Fixture, NULL, fixture_setup,
              test_merge_answers, fixture_teardown);
  g_test_add ("/lo/ui/friction/drop-answers", Fixture, NULL, fixture_setup,
              test_drop_answers, fixture_teardown);
  return g_test_run ();
}
