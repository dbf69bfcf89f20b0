/* test-ui-workshop.c: workshop mode's blind votes, reveal and agreed answer
 *
 * A room of two answers the first question blind, reveals, agrees with a
 * note, all through the actions the view's keys activate (digits, R, Tab,
 * Enter in the note); the store and the score then follow the agreed answer.
 * Also issue 16's friction fixed for workshops and answering: a respondent
 * selected on entry, N where "not applicable" is not allowed, the demo opened
 * again, the shortcuts window's key names.
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
#include "lo-workshop-view.h"
#include "lo-assessment-page.h"

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

  f->dir = g_dir_make_tmp ("lo-ui-workshop-XXXXXX", &error);
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

/* Widget tree helpers */

static gboolean
is_workshop_view (GtkWidget    *widget,
                  gconstpointer data)
{
  return LO_IS_WORKSHOP_VIEW (widget);
}

static gboolean
has_name (GtkWidget    *widget,
          gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
has_class (GtkWidget    *widget,
           gconstpointer data)
{
  return gtk_widget_has_css_class (widget, data);
}

/* A label on screen whose text contains @data. */
static gboolean
shows_text (GtkWidget    *widget,
            gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
is_suggested_option (GtkWidget    *widget,
                     gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "workshop-option")
         && gtk_widget_has_css_class (widget, "suggested-action");
}

/* The store's view of the assessment */

static LoAssessment *
stored_room (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_store_load_engagement (f->store, f->client, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      LoAssessment *a = g_ptr_array_index (engagement->assessments, i);

      if (g_str_equal (a->id, "room"))
        return lo_assessment_ref (a);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
stored_answer_is (Fixture    *f,
                  const char *respondent,
                  const char *question,
                  int         expected)
{
  g_autoptr(LoAssessment) room = stored_room (f);
  int value;

  return lo_respondent_get_answer (lo_assessment_lookup_respondent (room, respondent), question, &value)
         && value == expected;
}

static gboolean
stored_agreed_is (Fixture    *f,
                  const char *question,
                  int         expected,
                  const char *note)
{
  g_autoptr(LoAssessment) room = stored_room (f);
  const LoAgreed *agreed = lo_assessment_get_agreed (room, question);

  return agreed != NULL && agreed->value == expected && g_strcmp0 (agreed->note, note) == 0;
}

static GtkWidget *
enter_workshop (Fixture *f)
{
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.workshop", NULL);
  g_assert_true (lo_window_get_workshop_mode (f->window));
  ui_test_wait_for ((view = ui_test_find (GTK_WIDGET (f->window), is_workshop_view, NULL)) != NULL
                    && gtk_widget_get_mapped (view));
  ui_test_wait_frame (GTK_WIDGET (f->window));
  return view;
}

static void
leave_workshop (Fixture   *f,
                GtkWidget *view)
{
  gtk_widget_activate_action (view, "win.leave-workshop", NULL);
  ui_test_wait_for (!lo_window_get_workshop_mode (f->window));
}

static void
test_blind_round (Fixture       *f,
                  gconstpointer  data)
{
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  const LoQuestion *second = g_ptr_array_index (bank->questions, 1);
  GtkWidget *view, *toggle, *spread, *note;
  const LoQuestionScore *qs;

  /* Workshop mode opens with the first respondent, blind mode off; the
   * facilitator switches blind mode on with its toggle. */
  view = enter_workshop (f);
  g_assert_cmpstr (lo_workshop_view_get_respondent (LO_WORKSHOP_VIEW (view)), ==, "ana");
  g_assert_cmpuint (lo_workshop_view_get_position (LO_WORKSHOP_VIEW (view)), ==, 0);
  toggle = ui_test_find (view, has_class, "workshop-blind");
  g_assert_nonnull (toggle);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_true (lo_workshop_view_get_blind (LO_WORKSHOP_VIEW (view)));
  /* remembered */
  g_assert_true (g_settings_get_boolean (lo_application_get_settings (NULL), "workshop-blind"));
  g_assert_false (lo_workshop_view_get_revealed (LO_WORKSHOP_VIEW (view)));

  /* Ana votes 1 (key 1): stored, and the turn passes to Ben; her chip says
   * only that she answered, and no option shows what. */
  gtk_widget_activate_action (view, "workshop.answer", "i", 1);
  ui_test_wait_for (stored_answer_is (f, "ana", first->id, 1));
  g_assert_cmpstr (lo_workshop_view_get_respondent (LO_WORKSHOP_VIEW (view)), ==, "ben");
  ui_test_wait_for (ui_test_find (view, shows_text, "Ana ✓ answered") != NULL);
  g_assert_null (ui_test_find (view, is_suggested_option, NULL));
  spread = ui_test_find (view, has_class, "workshop-spread");
  g_assert_false (gtk_widget_get_visible (spread));

  /* Ben votes 4 (key 4); still hidden. */
  gtk_widget_activate_action (view, "workshop.answer", "i", 4);
  ui_test_wait_for (stored_answer_is (f, "ben", first->id, 4));
  ui_test_wait_for (ui_test_find (view, shows_text, "Ben ✓ answered") != NULL);
  g_assert_null (ui_test_find (view, is_suggested_option, NULL));
  g_assert_false (gtk_widget_get_visible (spread));
  g_assert_null (ui_test_find (view, shows_text, "Ana: 1"));
  g_assert_false (gtk_widget_get_visible (ui_test_find (view, has_name, "workshop-count-1")));

  /* R reveals: one vote for level 1, one for level 4, a spread of 3, contested. */
  gtk_widget_activate_action (view, "workshop.reveal", NULL);
  g_assert_true (lo_workshop_view_get_revealed (LO_WORKSHOP_VIEW (view)));
  ui_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_visible (spread));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find (view, has_name, "workshop-count-1"))), ==, "1 vote");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find (view, has_name, "workshop-count-2"))), ==, "0 votes");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find (view, has_name, "workshop-count-3"))), ==, "0 votes");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find (view, has_name, "workshop-count-4"))), ==, "1 vote");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find (view, has_name, "workshop-count-5"))), ==, "0 votes");
  g_assert_true (gtk_widget_is_drawable (ui_test_find (view, has_name, "workshop-count-1")));
  g_assert_nonnull (ui_test_find (view, shows_text, "Ana: 1"));
  g_assert_nonnull (ui_test_find (view, shows_text, "Ben: 4"));
  g_assert_nonnull (ui_test_find (view, shows_text, "from level 1 to level 4"));

  /* The room agrees on 3 (key 3), then Tab to the note and Enter saves it
   * and goes on to the next question. */
  gtk_widget_activate_action (view, "workshop.answer", "i", 3);
  ui_test_wait_for (stored_agreed_is (f, first->id, 3, NULL));
  /* the window shows it once it has read it back: level 3 is marked */
  ui_test_wait_for (ui_test_find (view, is_suggested_option, NULL) != NULL
                    && ui_test_find (view, shows_text, "Agreed: 3") != NULL);
  gtk_widget_activate_action (view, "workshop.next-respondent", NULL);
  note = ui_test_find (view, has_class, "workshop-note");
  g_assert_nonnull (note);
  ui_test_wait_for (gtk_widget_has_focus (note) || gtk_widget_is_focus (note)
                    || gtk_widget_get_focus_child (note) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (note), "Written down for one team only");
  g_signal_emit_by_name (note, "activate");
  ui_test_wait_for (stored_agreed_is (f, first->id, 3, "Written down for one team only"));
  g_assert_cmpuint (lo_workshop_view_get_position (LO_WORKSHOP_VIEW (view)), ==, 1);
  g_assert_false (lo_workshop_view_get_revealed (LO_WORKSHOP_VIEW (view)));

  /* The score follows the agreed answer: 3, not the mean of 1 and 4 (2.5),
   * and the spread is still the votes'. */
  ui_test_wait_for (lo_window_get_score (f->window) != NULL
                    && lo_score_lookup_question (lo_window_get_score (f->window), first->id)->agreed != NULL);
  qs = lo_score_lookup_question (lo_window_get_score (f->window), first->id);
  g_assert_cmpfloat_with_epsilon (qs->combined, 3.0, 1e-9);
  g_assert_cmpint (qs->spread, ==, 3);

  /* Out and in again: blind mode opens at the first question not agreed yet,
   * with the first respondent. */
  leave_workshop (f, view);
  view = enter_workshop (f);
  g_assert_true (lo_workshop_view_get_blind (LO_WORKSHOP_VIEW (view)));
  g_assert_cmpuint (lo_workshop_view_get_position (LO_WORKSHOP_VIEW (view)), ==, 1);
  g_assert_cmpstr (lo_workshop_view_get_respondent (LO_WORKSHOP_VIEW (view)), ==, "ana");
  g_assert_cmpstr (((LoQuestion *) g_ptr_array_index (bank->questions, 1))->id, ==, second->id);

  /* Without blind mode, the first question not answered by everyone: the
   * second, where nobody has answered. */
  leave_workshop (f, view);
  lo_workshop_view_set_blind (LO_WORKSHOP_VIEW (view), FALSE);
  view = enter_workshop (f);
  g_assert_cmpuint (lo_workshop_view_get_position (LO_WORKSHOP_VIEW (view)), ==, 1);
  g_assert_cmpstr (lo_workshop_view_get_respondent (LO_WORKSHOP_VIEW (view)), ==, "ana");
  leave_workshop (f, view);
}

/* Workshop mode always opens with a respondent selected: the first, even when
 * the Assessment page had none. */
static void
test_opens_with_respondent (Fixture       *f,
                            gconstpointer  data)
{
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  GtkWidget *view = enter_workshop (f);

  g_assert_cmpstr (lo_workshop_view_get_respondent (LO_WORKSHOP_VIEW (view)), ==, "ana");
  /* and a digit answers at once for that respondent */
  gtk_widget_activate_action (view, "workshop.answer", "i", 2);
  ui_test_wait_for (stored_answer_is (f, "ana", first->id, 2));
  leave_workshop (f, view);
}

static gboolean
has_text (GtkWidget    *widget,
          gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* The shortcuts window names the keys as a keyboard does: "Page Down", not
 * GTK's key symbol "Page_Down". */
static void
test_shortcut_names (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *shortcuts = NULL;
  GList *toplevels;
  GLogLevelFlags fatal;

  /* GTK 4.8's shortcuts window measures its key caps at −4 px under Xvfb
   * ("reported min width -4"), a warning of GTK's own, not this test's. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      shortcuts = l->data;
  g_list_free (toplevels);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  g_assert_null (ui_test_find (shortcuts, has_text, "Page_Down"));
  g_assert_null (ui_test_find (shortcuts, has_text, "Page_Up"));
  g_assert_nonnull (ui_test_find (shortcuts, has_text, "Page Down"));
  g_assert_nonnull (ui_test_find (shortcuts, has_text, "Page Up"));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  ui_test_flush ();
  g_log_set_always_fatal (fatal);
}

static guint
count_clients (LoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = lo_store_list_clients (store, NULL, &error);

  g_assert_no_error (error);
  return clients->len;
}

/* Opening the demo again shows the demo client already there instead of
 * adding "Harbor Logistics (2)". */
static void
test_demo_again (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpuint (count_clients (f->store), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-demo", NULL);
  /* (the import, when there was one, is done when the action returns) */
  g_assert_cmpuint (count_clients (f->store), ==, 1);
  ui_test_wait_for (lo_window_get_client (f->window) == f->client);
}

static gboolean
is_assessment_page (GtkWidget    *widget,
                    gconstpointer data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "LoAssessmentPage");
}

/* N on a question without "not applicable" says so, on the Assessment page
 * and in workshop mode, and records nothing. */
static void
test_na_not_allowed (Fixture       *f,
                     gconstpointer  data)
{
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  const LoQuestion *first = g_ptr_array_index (bank->questions, 0);
  const char *message = "This question has no “not applicable”: answer 1 to 5, or 0 for “don’t know”.";
  GtkWidget *assessment, *view, *toast;

  g_assert_false (first->allow_na);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "assessment");
  ui_test_wait_for ((assessment = ui_test_find (GTK_WIDGET (f->window), is_assessment_page, NULL)) != NULL
                    && gtk_widget_get_mapped (assessment));
  gtk_widget_activate_action (assessment, "assessment.answer", "i", LO_ANSWER_NA);
  ui_test_wait_for ((toast = ui_test_find (GTK_WIDGET (f->window), shows_text, message)) != NULL);
  g_assert_false (stored_answer_is (f, "ana", first->id, LO_ANSWER_NA));

  view = enter_workshop (f);
  g_assert_cmpuint (lo_workshop_view_get_position (LO_WORKSHOP_VIEW (view)), ==, 0);
  gtk_widget_activate_action (view, "workshop.answer", "i", LO_ANSWER_NA);
  ui_test_wait_for (ui_test_find (GTK_WIDGET (f->window), shows_text, message) != NULL);
  g_assert_false (stored_answer_is (f, "ana", first->id, LO_ANSWER_NA));
  leave_workshop (f, view);
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

static gboolean
is_entry (GtkWidget    *widget,
          gconstpointer data)
{
  return GTK_IS_ENTRY (widget);
}

/* A name New Client would refuse keeps the dialog open, with what was typed
 * and the reason under it; another name creates the client. */
static void
test_new_client_duplicate (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  AdwMessageDialog *dialog;
  GtkWidget *entry, *problem;
  g_autofree char *expected = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-client", NULL);
  ui_test_wait_for ((dialog = visible_dialog ()) != NULL);
  entry = ui_test_find (GTK_WIDGET (dialog), is_entry, NULL);
  problem = ui_test_find (GTK_WIDGET (dialog), has_name, "name-problem");
  g_assert_nonnull (entry);
  g_assert_nonnull (problem);
  gtk_editable_set_text (GTK_EDITABLE (entry), demo->client_name);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_true (gtk_widget_get_visible (problem));
  expected = g_strdup_printf ("There is already a client named “%s”.", demo->client_name);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), expected));
  /* Enter does nothing then: the dialog stays, with the name typed. */
  g_signal_emit_by_name (entry, "activate");
  ui_test_flush ();
  g_assert_true (visible_dialog () == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, demo->client_name);
  g_assert_cmpuint (count_clients (f->store), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Northwind Freight");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_false (gtk_widget_get_visible (problem));
  g_signal_emit_by_name (entry, "activate");
  ui_test_wait_for (count_clients (f->store) == 2);
  g_assert_cmpint (lo_store_find_client (f->store, "Northwind Freight", &error), !=, 0);
  g_assert_no_error (error);
}

static gboolean
is_results_scroller (GtkWidget    *widget,
                     gconstpointer data)
{
  return GTK_IS_SCROLLED_WINDOW (widget)
         && g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), "LoResultsPage");
}

/* A client opened after another shows its Results from the top, wherever the
 * last one's were scrolled to. */
static void
test_results_top (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  gint64 other;

  other = lo_store_import_engagement (f->store, demo, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "results");
  ui_test_wait_for ((scroller = ui_test_find (GTK_WIDGET (f->window), is_results_scroller, NULL)) != NULL
                    && gtk_widget_get_mapped (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  ui_test_wait_for (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  lo_window_select (f->window, other, NULL);
  ui_test_wait_for (lo_window_get_client (f->window) == other);
  ui_test_wait_frame (GTK_WIDGET (f->window));
  ui_test_flush ();
  ui_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

/* A relaunch resumes at the first question not answered yet, with the focus
 * on it so that the number keys answer at once. */
static void
test_relaunch_resumes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LoBank *bank = lo_analysis_get_bank (lo_window_get_analysis (f->window));
  GtkWidget *assessment, *focus;
  LoWindow *window;

  for (guint i = 0; i < 2; i++)
    {
      const LoQuestion *question = g_ptr_array_index (bank->questions, i);

      g_assert_true (lo_store_set_answer (f->store, f->client, "room", "ana", question->id, 3, &error));
      g_assert_no_error (error);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_flush ();

  /* the next start */
  window = f->window = lo_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  lo_window_select (window, f->client, "room");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessment");
  ui_test_wait_for ((assessment = ui_test_find (GTK_WIDGET (window), is_assessment_page, NULL)) != NULL
                    && gtk_widget_get_mapped (assessment));
  ui_test_wait_for ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL
                    && gtk_widget_is_ancestor (focus, assessment));
  g_assert_cmpuint (lo_assessment_page_get_position (LO_ASSESSMENT_PAGE (assessment)), ==, 2);
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

  g_test_add ("/lo/ui/workshop/blind-round", Fixture, NULL, fixture_setup, test_blind_round, fixture_teardown);
  g_test_add ("/lo/ui/workshop/opens-with-respondent", Fixture, NULL, fixture_setup,
              test_opens_with_respondent, fixture_teardown);
  g_test_add ("/lo/ui/workshop/shortcut-names", Fixture, NULL, fixture_setup,
              test_shortcut_names, fixture_teardown);
  g_test_add ("/lo/ui/workshop/demo-again", Fixture, NULL, fixture_setup, test_demo_again, fixture_teardown);
  g_test_add ("/lo/ui/workshop/na-not-allowed", Fixture, NULL, fixture_setup,
              test_na_not_allowed, fixture_teardown);
  g_test_add ("/lo/ui/workshop/new-client-duplicate", Fixture, NULL, fixture_setup,
              test_new_client_duplicate, fixture_teardown);
  g_test_add ("/lo/ui/workshop/results-top", Fixture, NULL, fixture_setup, test_results_top, fixture_teardown);
  g_test_add ("/lo/ui/workshop/relaunch-resumes", Fixture, NULL, fixture_setup,
              test_relaunch_resumes, fixture_teardown);
  return g_test_run ();
}
