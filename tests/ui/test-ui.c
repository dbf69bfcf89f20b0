/* test-ui.c: the window driven through its widgets
 *
 * Every step emits what a click or a key press emits (a button's "clicked",
 * a check button's "activate", the action a key binding activates, a dialog's
 * response), then looks at the store and at what the window shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lo-application.h"
#include "lo-window.h"
#include "lo-chart-view.h"
#include "lo-io.h"
#include "ui-test-util.h"

typedef struct
{
  char     *dir;
  char     *db;
  LoStore  *store;
  LoWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lo-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->store = lo_store_open (f->db, &error);
  g_assert_no_error (error);
  f->window = lo_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
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
  g_free (f->db);
}

/* Widget tree helpers */

static void
collect (GtkWidget *widget,
         UiTestMatch match,
         gconstpointer data,
         GPtrArray *found)
{
  if (match (widget, data))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, found);
}

static gboolean
has_action (GtkWidget    *widget,
            gconstpointer data)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
has_name (GtkWidget    *widget,
          gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
is_mapped_action (GtkWidget    *widget,
                  gconstpointer data)
{
  return has_action (widget, data) && gtk_widget_get_mapped (widget);
}

static gboolean
is_mapped_type (GtkWidget    *widget,
                gconstpointer data)
{
  return ui_test_is_type (widget, data) && gtk_widget_get_mapped (widget);
}

/* The page of type @type_name once it is built and on screen. */
static GtkWidget *
shown_page (Fixture    *f,
            const char *type_name)
{
  GType type = g_type_from_name (type_name);
  GtkWidget *widget;

  g_assert_true (type != 0);
  ui_test_wait_for ((widget = ui_test_find (GTK_WIDGET (f->window), is_mapped_type, GSIZE_TO_POINTER (type))) != NULL);
  return widget;
}

static GtkWidget *
page (Fixture    *f,
      const char *type_name)
{
  GtkWidget *widget = ui_test_find (GTK_WIDGET (f->window), ui_test_is_type,
                            GSIZE_TO_POINTER (g_type_from_name (type_name)));

  g_assert_nonnull (widget);
  return widget;
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

/* The message dialog the last action opened, once it is there. */
static AdwMessageDialog *
open_dialog (void)
{
  AdwMessageDialog *dialog;

  ui_test_wait_for ((dialog = visible_dialog ()) != NULL);
  return dialog;
}

static void
answer_dialog (const char *text,
               const char *response)
{
  AdwMessageDialog *dialog = open_dialog ();
  GtkWidget *entry = ui_test_find (GTK_WIDGET (dialog), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));

  if (text != NULL)
    {
      g_assert_nonnull (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_flush ();
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_flush ();
}

static guint
count_clients (LoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = lo_store_list_clients (store, NULL, &error);

  g_assert_no_error (error);
  return clients->len;
}

/* How many answers respondent @r (0, 1) of the client's first assessment has
 * in the store. */
static guint
stored_answers (LoStore *store,
                gint64   client,
                guint    r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_store_load_engagement (store, client, &error);
  LoAssessment *assessment;

  g_assert_no_error (error);
  assessment = g_ptr_array_index (engagement->assessments, 0);
  if (r >= assessment->respondents->len)
    return 0;
  return ((LoRespondent *) g_ptr_array_index (assessment->respondents, r))->answers->len;
}

/* How many answers respondent @r has in the score the window shows. */
static guint
shown_answers (LoWindow *window,
               guint     r)
{
  LoScore *score = lo_window_get_score (window);

  if (score == NULL || r >= score->assessment->respondents->len)
    return 0;
  return ((LoRespondent *) g_ptr_array_index (score->assessment->respondents, r))->answers->len;
}

/* The radio button of @question_index (bank order) for @choice (0 … 4 the
 * levels, 5 don't know, 6 not applicable). */
static gboolean
is_choice (GtkWidget    *widget,
           gconstpointer data)
{
  const guint *want = data;

  /* Every check button of the assessment page is a choice (index 0 is NULL). */
  return GTK_IS_CHECK_BUTTON (widget)
         && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "lo-question")) == want[0]
         && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "lo-choice")) == want[1];
}

/* Respondent 1 answers question q with level (q mod 5) + 1, so each dimension
 * (five questions in bank order) gets 1, 2, 3, 4, 5; respondent 2 answers
 * 6 minus that (5, 4, 3, 2, 1). Every question then combines to
 * (a + 6 − a) / 2 = 3 whatever the bank's weights, so every dimension scores 3,
 * level 3, and the overall level is 3. Spreads are |2a − 6|: 4, 2, 0, 2, 4, so
 * four questions of five (20 of 25) are contested. */
static int
expected_answer (guint respondent,
                 guint q)
{
  int a = (int) (q % 5) + 1;

  return respondent == 1 ? a : 6 - a;
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *assessment_page, *results_page, *dropdown, *level, *first;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoScore) score = NULL;
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_title = NULL;
  const char *assessment_id;
  LoAssessment *assessment;
  gint64 client;
  guint n_questions;
  int width;

  /* Empty state: the demo and a new client are offered. */
  g_assert_nonnull (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.open-demo"));
  g_assert_nonnull (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.new-client"));

  /* New client, through the dialog the button opens. */
  click (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.new-client"));
  answer_dialog ("Acme Freight", "ok");
  g_assert_cmpuint (count_clients (f->store), ==, 1);
  client = lo_window_get_client (f->window);
  g_assert_cmpint (client, !=, 0);

  /* New assessment, from the status page's button. */
  click (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.new-assessment"));
  assessment_id = lo_window_get_assessment_id (f->window);
  g_assert_nonnull (assessment_id);
  n_questions = lo_window_get_score (f->window)->n_questions;
  g_assert_cmpuint (n_questions, ==, 25);

  /* A second respondent, through the respondents menu's action. */
  assessment_page = page (f, "LoAssessmentPage");
  gtk_widget_activate_action (assessment_page, "assessment.add-respondent", NULL);
  answer_dialog ("Ben Ortiz", "ok");
  engagement = lo_store_load_engagement (f->store, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((LoAssessment *) g_ptr_array_index (engagement->assessments, 0))->respondents->len, ==, 2);
  g_clear_pointer (&engagement, lo_engagement_unref);

  /* Respondent 1 by clicking the radio buttons. */
  dropdown = ui_test_find (assessment_page, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  ui_test_flush ();
  for (guint q = 0; q < n_questions; q++)
    {
      guint want[2] = { q, (guint) expected_answer (1, q) - 1 };
      GtkWidget *check = ui_test_find (assessment_page, is_choice, want);

      g_assert_nonnull (check);
      g_signal_emit_by_name (check, "activate");
    }
  ui_test_wait_for (stored_answers (f->store, client, 0) == n_questions);

  /* Respondent 2 by the keys 1 … 5: focus the first question, then each key
   * answers and moves on. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  ui_test_flush ();
  {
    guint want[2] = { 0, 0 };

    first = ui_test_find (assessment_page, is_choice, want);
    g_assert_nonnull (first);
    gtk_widget_grab_focus (first);
  }
  for (guint q = 0; q < n_questions; q++)
    gtk_widget_activate_action (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                "assessment.answer", "i", expected_answer (2, q));
  ui_test_wait_for (stored_answers (f->store, client, 1) == n_questions);

  /* The store holds every answer. */
  engagement = lo_store_load_engagement (f->store, client, &error);
  g_assert_no_error (error);
  assessment = g_ptr_array_index (engagement->assessments, 0);
  g_assert_cmpuint (assessment->respondents->len, ==, 2);
  for (guint r = 0; r < 2; r++)
    {
      LoRespondent *respondent = g_ptr_array_index (assessment->respondents, r);

      g_assert_cmpuint (respondent->answers->len, ==, n_questions);
    }
  /* each the value its respondent gave */
  {
    g_autoptr(LoBank) shipped = lo_bank_find_shipped ("lightsout-default", &error);

    g_assert_no_error (error);
    /* a new assessment is answered with the newest edition, and says so */
    g_assert_cmpuint (assessment->bank_edition, ==, shipped->version);
    g_assert_cmpuint (shipped->version, >=, 2);
    for (guint r = 0; r < 2; r++)
      for (guint q = 0; q < n_questions; q++)
        {
          const LoQuestion *question = g_ptr_array_index (shipped->questions, q);
          int value = -99;

          g_assert_true (lo_respondent_get_answer (g_ptr_array_index (assessment->respondents, r),
                                                   question->id, &value));
          g_assert_cmpint (value, ==, expected_answer (r + 1, q));
        }
  }

  /* The results page shows the level the core computes (see expected_answer
   * for the arithmetic: level 3, score 3, 20 contested). */
  bank = lo_store_get_assessment_bank (f->store, client, assessment->id, &error);
  g_assert_no_error (error);
  score = lo_score_compute (bank, assessment, &error);
  g_assert_no_error (error);
  g_assert_true (score->complete);
  g_assert_cmpint (score->overall_level, ==, 3);
  g_assert_cmpfloat_with_epsilon (score->overall_score, 3.0, 1e-9);
  g_assert_cmpuint (score->contested->len, ==, 20);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "results");
  results_page = shown_page (f, "LoResultsPage");
  level = ui_test_find (results_page, has_name, "level-title");
  g_assert_nonnull (level);
  expected_title = g_strdup_printf ("Level %d · %s", score->overall_level,
                                    lo_bank_text (bank, bank->levels[score->overall_level - 1].name));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (level)), ==, expected_title);

  /* Undo the last answer (respondent 2, last question), then redo it: the
   * store and the score the window shows lose it and get it back. */
  g_assert_cmpuint (shown_answers (f->window, 1), ==, n_questions);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  ui_test_wait_for (stored_answers (f->store, client, 1) == n_questions - 1);
  ui_test_wait_for (shown_answers (f->window, 1) == n_questions - 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  ui_test_wait_for (stored_answers (f->store, client, 1) == n_questions);
  ui_test_wait_for (shown_answers (f->window, 1) == n_questions);

  /* Workshop mode: in with F11's action, answer, out with Escape's. */
  width = g_settings_get_int (lo_application_get_settings (NULL), "window-width");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.workshop", NULL);
  g_assert_true (lo_window_get_workshop_mode (f->window));
  shown_page (f, "LoWorkshopView");
  ui_test_wait_frame (GTK_WIDGET (f->window));
  gtk_widget_activate_action (page (f, "LoWorkshopView"), "workshop.next", NULL);
  gtk_widget_activate_action (page (f, "LoWorkshopView"), "win.leave-workshop", NULL);
  ui_test_wait_for (!lo_window_get_workshop_mode (f->window));
  /* the full screen's size is not kept as the window's */
  g_assert_cmpint (g_settings_get_int (lo_application_get_settings (NULL), "window-width"), ==, width);

  /* Delete with the menu's action, then the toast's Undo button. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-client", NULL);
  ui_test_wait_for (count_clients (f->store) == 0);
  click (ui_test_find (GTK_WIDGET (f->window), has_action, "win.undo-delete"));
  ui_test_wait_for (count_clients (f->store) == 1);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *level;
  LoScore *score;
  g_autofree char *expected = NULL;

  click (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.open-demo"));
  ui_test_wait_for (count_clients (f->store) == 1 && lo_window_get_score (f->window) != NULL);
  score = lo_window_get_score (f->window);
  g_assert_nonnull (score);
  level = ui_test_find (page (f, "LoResultsPage"), has_name, "level-title");
  if (score->complete)
    expected = g_strdup_printf ("Level %d · %s", score->overall_level,
                                lo_bank_text (score->bank, score->bank->levels[score->overall_level - 1].name));
  else
    expected = g_strdup ("Not Complete Yet");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (level)), ==, expected);
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* A file too large to read at once (over 256 KiB) is read and stored in
 * threads: the window says it is busy, keeps running its main loop, and
 * then shows the client. */
static void
test_import_large (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LoEngagement) engagement = lo_demo_engagement ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "large.lightsout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LoAssessment *assessment = lo_engagement_latest_assessment (engagement);
  const LoRespondent *first = g_ptr_array_index (assessment->respondents, 0);
  GStatBuf st;
  guint ticks = 0, source;

  /* 400 more respondents with the first one's answers. */
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);
      g_autofree char *name = g_strdup_printf ("Extra respondent %u", i);
      LoRespondent *r = lo_assessment_add_respondent (assessment, id, name, NULL);

      for (guint k = 0; k < first->answers->len; k++)
        {
          const LoAnswer *a = &g_array_index (first->answers, LoAnswer, k);

          lo_respondent_set_answer (r, a->question, a->value);
        }
    }
  g_assert_true (lo_engagement_write_file (engagement, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 256 * 1024);

  source = g_timeout_add (1, count_tick, &ticks);
  lo_window_import_file (f->window, file);
  g_assert_cmpuint (lo_window_get_busy (f->window), ==, 1);
  g_assert_cmpuint (count_clients (f->store), ==, 0);
  ui_test_wait_for (lo_window_get_busy (f->window) == 0);
  g_source_remove (source);
  /* The main loop ran while the file was read and stored. */
  g_assert_cmpuint (ticks, >, 0);
  g_assert_cmpuint (count_clients (f->store), ==, 1);
  g_assert_nonnull (lo_window_get_score (f->window));
  g_assert_cmpuint (lo_window_get_score (f->window)->assessment->respondents->len, ==,
                    assessment->respondents->len);
}

/* Accessible names */

static gboolean
has_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_label_text (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_interactive (GtkWidget    *widget,
                gconstpointer data)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)
         || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_EDITABLE (widget)
         || GTK_IS_SWITCH (widget) || GTK_IS_SCALE (widget);
}

/* Our own controls: not the parts GTK and libadwaita build inside theirs. */
static void
collect_ours (GtkWidget *widget,
              GPtrArray *found)
{
  if (is_interactive (widget, NULL))
    g_ptr_array_add (found, widget);
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget)
      || GTK_IS_EDITABLE (widget) || GTK_IS_WINDOW_CONTROLS (widget) || ADW_IS_VIEW_SWITCHER (widget)
      || ADW_IS_VIEW_SWITCHER_TITLE (widget) || ADW_IS_VIEW_SWITCHER_BAR (widget)
      || GTK_IS_POPOVER (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_BUTTON (widget))
    return;
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_ours (child, found);
}

static void
assert_accessible (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  collect_ours (root, found);
  g_assert_cmpuint (found->len, >, 0);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);
      gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
                       || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY)
                       || ((GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)) && has_label_text (widget));

      if (!named)
        g_test_message ("no accessible name: %s (%s)", G_OBJECT_TYPE_NAME (widget),
                        gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "");
      g_assert_true (named);
    }

  collect (root, ui_test_is_type, GSIZE_TO_POINTER (LO_TYPE_CHART_VIEW), charts);
  for (guint i = 0; i < charts->len; i++)
    {
      GtkAccessible *chart = g_ptr_array_index (charts, i);

      gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_true (gtk_test_accessible_has_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_cmpuint (strlen (lo_chart_view_get_caption (LO_CHART_VIEW (chart))), >, 20);
      /* the caption of render's chart table is the chart's description */
      gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           lo_chart_view_get_caption (LO_CHART_VIEW (chart)));
    }
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  const char *pages[] = { "assessment", "results", "processes", "roadmap" };
  const char *types[] = { "LoAssessmentPage", "LoResultsPage", "LoProcessesPage", "LoRoadmapPage" };

  /* The empty state, then the demo, each page once shown (pages are filled
   * when they are shown). */
  assert_accessible (GTK_WIDGET (f->window));
  click (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.open-demo"));
  ui_test_wait_for (lo_window_get_score (f->window) != NULL);
  ui_test_wait_frame (GTK_WIDGET (f->window));
  assert_accessible (GTK_WIDGET (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i]);
      shown_page (f, types[i]);
      ui_test_wait_frame (GTK_WIDGET (f->window));
      assert_accessible (GTK_WIDGET (f->window));
    }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.workshop", NULL);
  shown_page (f, "LoWorkshopView");
  ui_test_wait_frame (GTK_WIDGET (f->window));
  assert_accessible (GTK_WIDGET (f->window));
}

static gboolean
is_mapped_menu_button (GtkWidget    *widget,
                       gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), data) == 0;
}

/* The menus are built when they first open: opening each one shows its items. */
static void
test_menus (Fixture       *f,
            gconstpointer  data)
{
  struct { const char *icon; const char *action; } menus[] = {
    { "open-menu-symbolic", "app.preferences" },  /* the empty state's main menu */
    { "open-menu-symbolic", "app.preferences" },  /* the sidebar's, with a client */
    { "view-more-symbolic", "win.rename-client" },
  };
  GtkWidget *previous = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (menus); i++)
    {
      GtkWidget *button;
      GtkPopover *popover;
      GMenuModel *model;
      gboolean found = FALSE;

      if (i == 1)
        {
          click (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.open-demo"));
          /* the empty state, and its menu button, go away */
          ui_test_wait_for (previous == NULL || !gtk_widget_get_mapped (previous));
        }
      ui_test_wait_for ((button = ui_test_find (GTK_WIDGET (f->window), is_mapped_menu_button, menus[i].icon)) != NULL);
      g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      ui_test_wait_for ((popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))) != NULL
                        && gtk_widget_get_mapped (GTK_WIDGET (popover)));
      model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
      g_assert_nonnull (model);
      /* The item is in the model (sections one level down). */
      for (int j = 0; j < g_menu_model_get_n_items (model) && !found; j++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, j, G_MENU_LINK_SECTION);
          GMenuModel *items = section != NULL ? section : model;

          for (int k = 0; k < g_menu_model_get_n_items (items) && !found; k++)
            {
              g_autofree char *action = NULL;

              if (g_menu_model_get_item_attribute (items, k, G_MENU_ATTRIBUTE_ACTION, "s", &action))
                found = g_strcmp0 (action, menus[i].action) == 0;
            }
        }
      g_assert_true (found);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      ui_test_wait_for (!gtk_widget_get_visible (GTK_WIDGET (popover)));
      g_set_weak_pointer (&previous, button);
    }
  g_clear_weak_pointer (&previous);
}

static gboolean
has_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child, text))
      return TRUE;
  return FALSE;
}

/* A toast on screen whose text holds @data. */
static gboolean
is_toast_saying (GtkWidget    *widget,
                 gconstpointer data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget")
         && gtk_widget_get_mapped (widget) && has_text (widget, data);
}

/* A save the store refuses is shown in the window, not only logged: here
 * the database is opened read-only, and adding a respondent fails. */
static void
test_save_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  LoAssessment *assessment;
  guint respondents;
  gint64 client;

  click (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.open-demo"));
  ui_test_wait_for ((client = lo_window_get_client (f->window)) != 0);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_flush ();
  g_clear_object (&f->store);

  f->store = lo_store_open_read_only (f->db, &error);
  g_assert_no_error (error);
  engagement = lo_store_load_engagement (f->store, client, &error);
  g_assert_no_error (error);
  assessment = lo_engagement_latest_assessment (engagement);
  respondents = assessment->respondents->len;
  f->window = lo_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  lo_window_select (f->window, client, NULL);
  ui_test_wait_for (lo_window_get_score (f->window) != NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "assessment");
  gtk_widget_activate_action (shown_page (f, "LoAssessmentPage"), "assessment.add-respondent", NULL);
  answer_dialog ("Read Only", "ok");
  ui_test_wait_for (ui_test_find (GTK_WIDGET (f->window), is_toast_saying, "Could not add the respondent") != NULL);

  /* and nothing was written */
  g_clear_pointer (&engagement, lo_engagement_unref);
  engagement = lo_store_load_engagement (f->store, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lo_engagement_latest_assessment (engagement)->respondents->len, ==, respondents);
}

/* The window's size is kept in the application's settings as it changes,
 * and a new window opens at it. */
static void
test_window_state (Fixture       *f,
                   gconstpointer  data)
{
  GSettings *settings = lo_application_get_settings (NULL);
  LoWindow *window;
  int width = 0, height = 0;

  g_assert_nonnull (settings);
  /* the fixture gave its window 1280 × 800 */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1280);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 700);
  window = lo_window_new (NULL, f->store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 650);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  gtk_window_destroy (GTK_WINDOW (window));

  /* one GSettings for the whole program */
  g_assert_true (lo_application_get_settings (NULL) == settings);
}

/* Each of the window's widgets made and dropped on its own, without data:
 * dispose must not unparent a child twice (binding an AdwBin's own child as
 * a template child does: gtk_widget_dispose_template unparents it, then
 * AdwBin's dispose unparents the freed widget again). */
static void
test_dispose (Fixture       *f,
              gconstpointer  data)
{
  const char *types[] = { "LoSidebar", "LoAssessmentPage", "LoResultsPage", "LoProcessesPage",
                          "LoProcessEditor", "LoRoadmapPage", "LoWorkshopView", "LoChartView" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GType type = g_type_from_name (types[i]);
      GtkWidget *widget;

      if (type == 0)
        {
          g_test_message ("%s: not a type (yet)", types[i]);
          continue;
        }
      widget = g_object_ref_sink (g_object_new (type, NULL));
      g_object_unref (widget);
    }
  ui_test_flush ();
}

/* SPEC §2c in the name dialogs: a name past 200 characters cannot be
 * confirmed, the dialog says why under the entry and keeps what was typed;
 * at 200 characters it is taken. */
static void
test_name_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *at = g_strnfill (200, 'a');
  g_autofree char *past = g_strnfill (201, 'a');
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkWidget *problem;

  click (ui_test_find (GTK_WIDGET (f->window), is_mapped_action, "win.new-client"));
  dialog = open_dialog ();
  entry = ui_test_find (GTK_WIDGET (dialog), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), past);
  ui_test_flush ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  /* the problem is the label under the entry */
  problem = gtk_widget_get_next_sibling (entry);
  g_assert_true (GTK_IS_LABEL (problem));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "200"));
  /* Enter does nothing: the dialog stays, with what was typed */
  g_signal_emit_by_name (entry, "activate");
  ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, past);
  g_assert_cmpuint (count_clients (f->store), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "two\nlines");
  ui_test_flush ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "U+000A"));

  gtk_editable_set_text (GTK_EDITABLE (entry), at);
  ui_test_flush ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  adw_message_dialog_response (dialog, "ok");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_flush ();
  g_assert_cmpuint (count_clients (f->store), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  const char *system_data = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *data_dirs = g_strdup (system_data ? system_data : "/usr/local/share:/usr/share");
  g_autoptr(LoApplication) app = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Isolation also hides the icon theme and the MIME database GTK needs to
   * load icons; the user's own data stays isolated. */
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  gtk_init ();
  adw_init ();
  /* Not run: it holds the settings the window and pages use. */
  app = lo_application_new ();

  g_test_add ("/lo/ui/flow", Fixture, NULL, fixture_setup, test_flow, fixture_teardown);
  g_test_add ("/lo/ui/demo", Fixture, NULL, fixture_setup, test_demo, fixture_teardown);
  g_test_add ("/lo/ui/accessible", Fixture, NULL, fixture_setup, test_accessible, fixture_teardown);
  g_test_add ("/lo/ui/import-large", Fixture, NULL, fixture_setup, test_import_large, fixture_teardown);
  g_test_add ("/lo/ui/menus", Fixture, NULL, fixture_setup, test_menus, fixture_teardown);
  g_test_add ("/lo/ui/save-error", Fixture, NULL, fixture_setup, test_save_error, fixture_teardown);
  g_test_add ("/lo/ui/window-state", Fixture, NULL, fixture_setup, test_window_state, fixture_teardown);
  g_test_add ("/lo/ui/dispose", Fixture, NULL, fixture_setup, test_dispose, fixture_teardown);
  g_test_add ("/lo/ui/name-limit", Fixture, NULL, fixture_setup, test_name_limit, fixture_teardown);
  return g_test_run ();
}
