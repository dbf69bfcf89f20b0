/* lo-window.c: the main window — clients, assessments, results, workshop
 *
 * What is shown is the window's LoClientSession: the client's engagement as
 * last read from the store and its analysis (score, roadmap, portfolio) for
 * the chosen assessment. Pages change the store (or ask the window to, through
 * win.set-answer, so that answers can be undone); the store emits ::changed;
 * the session reads the engagement again and analyses it once, and every page
 * follows the session's "analysis" (LoSessionPage: only the page on
 * screen at once, the others when they are shown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-io.h"
#include "lo-window.h"
#include "lo-window-private.h"
#include "lo-application.h"
#include "lo-client-session.h"
#include "lo-dialogs.h"
#include "lo-sidebar.h"
#include "lo-assessment-page.h"
#include "lo-results-page.h"
#include "lo-processes-page.h"
#include "lo-roadmap-page.h"
#include "lo-preferences-window.h"
#include "lo-workshop-view.h"
#include "lo-gui-resources.h"

#define DEFAULT_BANK "lightsout-default"
#define ANSWER_NONE  G_MININT

typedef struct
{
  gint64 client;
  char  *assessment;
  char  *respondent;
  char  *question;
  int    before;   /* ANSWER_NONE: there was no answer */
  int    after;
} AnswerChange;

G_DEFINE_FINAL_TYPE (LoWindow, lo_window, ADW_TYPE_APPLICATION_WINDOW)

/* What is shown, from the session (NULL / 0 when nothing is). */
static gint64
shown_client (LoWindow *self)
{
  return self->session ? lo_client_session_get_client_id (self->session) : 0;
}

static LoAnalysis *
shown_analysis (LoWindow *self)
{
  return self->session ? lo_client_session_get_analysis (self->session) : NULL;
}

static LoEngagement *
shown_engagement (LoWindow *self)
{
  LoAnalysis *analysis = shown_analysis (self);

  return analysis ? lo_analysis_get_engagement (analysis) : NULL;
}

static LoAssessment *
shown_assessment (LoWindow *self)
{
  LoAnalysis *analysis = shown_analysis (self);

  return analysis ? lo_analysis_get_assessment (analysis) : NULL;
}

static LoScore *
shown_score (LoWindow *self)
{
  LoAnalysis *analysis = shown_analysis (self);

  return analysis ? lo_analysis_get_score (analysis) : NULL;
}

static void
answer_change_clear (gpointer data)
{
  AnswerChange *change = data;

  g_clear_pointer (&change->assessment, g_free);
  g_clear_pointer (&change->respondent, g_free);
  g_clear_pointer (&change->question, g_free);
}

void
lo_window_toast (LoWindow   *self,
                 const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
lo_window_toast_error (LoWindow     *self,
                       const GError *error)
{
  /* The message names what went wrong; a toast keeps the window usable. */
  g_autofree char *text = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The bank @id of edition @edition (0: the newest, for a new assessment). */
static LoBank *
find_bank (LoWindow   *self,
           const char *id,
           guint       edition)
{
  g_autoptr(GError) error = NULL;
  LoAnalysis *analysis = shown_analysis (self);
  LoBank *bank = analysis ? lo_analysis_get_bank (analysis) : NULL;

  if (bank != NULL && g_strcmp0 (bank->id, id) == 0 && edition != 0 && bank->version == edition)
    return lo_bank_ref (bank);
  bank = lo_bank_find_shipped_edition (id, edition, NULL);
  if (bank == NULL)
    bank = lo_store_get_bank (self->store, id, edition, &error);
  if (bank == NULL)
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The question bank “%s” was not found"), id);
      lo_window_toast_error (self, error);
    }
  return bank;
}

void
lo_window_update_actions (LoWindow *self)
{
  LoEngagement *engagement = shown_engagement (self);
  LoAssessment *assessment = shown_assessment (self);
  gboolean has_client = shown_client (self) != 0;
  gboolean has_score = shown_score (self) != NULL;
  gboolean can_answer = has_score && assessment != NULL && assessment->respondents->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-assessment", has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-client", has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-client", has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.workshop", can_answer || self->workshop);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-workshop", self->workshop);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", self->redo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_score);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", engagement != NULL && !self->workshop);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 engagement != NULL && !self->workshop && !self->printing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-to-file",
                                 engagement != NULL && !self->workshop && !self->printing);
}

static void
update_empty_state (LoWindow *self)
{
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty;

  if (self->workshop)
    return;
  clients = lo_store_list_clients (self->store, NULL, &error);
  if (clients == NULL)
    {
      lo_window_toast_error (self, error);
      return;
    }
  empty = clients->len == 0;
  gtk_stack_set_visible_child_name (self->root_stack, empty ? "empty" : "main");
}

/* A page is built the first time it is shown, into its slot in the
 * template: the window opens sooner, and its layout measures only the pages
 * someone has looked at. */
static GtkWidget *
ensure_page (LoWindow *self,
             guint     index)
{
  if (self->pages[index] == NULL)
    {
      AdwBin *slots[N_PAGES] = {
        self->assessment_slot, self->results_slot, self->processes_slot,
        self->roadmap_slot, self->workshop_slot,
      };
      GType types[N_PAGES] = {
        LO_TYPE_ASSESSMENT_PAGE, LO_TYPE_RESULTS_PAGE, LO_TYPE_PROCESSES_PAGE,
        LO_TYPE_ROADMAP_PAGE, LO_TYPE_WORKSHOP_VIEW,
      };

      self->pages[index] = g_object_new (types[index], "session", self->session, NULL);
      adw_bin_set_child (slots[index], self->pages[index]);
    }
  return self->pages[index];
}

#define assessment_page(self) LO_ASSESSMENT_PAGE (ensure_page ((self), INDEX_ASSESSMENT))
#define results_page(self)    LO_RESULTS_PAGE (ensure_page ((self), INDEX_RESULTS))
#define processes_page(self)  LO_PROCESSES_PAGE (ensure_page ((self), INDEX_PROCESSES))
#define roadmap_page(self)    LO_ROADMAP_PAGE (ensure_page ((self), INDEX_ROADMAP))
#define workshop_view(self)   LO_WORKSHOP_VIEW (ensure_page ((self), INDEX_WORKSHOP))

/* Builds the page on screen, the first time it is shown; from then on it
 * follows the session by itself. Nothing is built while nothing is shown. */
static void
ensure_visible_page (LoWindow *self)
{
  const char *names[] = { "assessment", "results", "processes", "roadmap" };
  const char *name;

  if (shown_score (self) == NULL)
    return;
  if (self->workshop)
    {
      ensure_page (self, INDEX_WORKSHOP);
      return;
    }
  name = adw_view_stack_get_visible_child_name (self->view_stack);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      ensure_page (self, i);
}

static void
visible_page_cb (GObject    *stack,
                 GParamSpec *pspec,
                 LoWindow   *self)
{
  ensure_visible_page (self);
}

/* The session reloaded: the window's own parts follow (the pages follow it
 * themselves). */
static void
analysis_changed_cb (LoClientSession *session,
                     GParamSpec      *pspec,
                     LoWindow        *self)
{
  LoEngagement *engagement = shown_engagement (self);
  LoAssessment *assessment = shown_assessment (self);
  LoAnalysis *analysis = shown_analysis (self);
  const GError *error = lo_client_session_get_error (session);
  g_autofree char *subtitle = NULL;

  if (error == NULL && analysis != NULL && assessment != NULL && lo_analysis_get_bank (analysis) != NULL)
    error = lo_analysis_get_assessment_error (analysis);
  /* Said once, not at every reload while it lasts. */
  if (error != NULL && g_strcmp0 (error->message, self->toasted) != 0)
    lo_window_toast_error (self, error);
  g_free (self->toasted);
  self->toasted = error ? g_strdup (error->message) : NULL;

  if (engagement == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "none");
  else if (shown_score (self) == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "no-assessment");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "assessment");

  adw_view_switcher_title_set_title (self->switcher_title,
                                     engagement ? engagement->client_name : _("Lights Out"));
  if (assessment != NULL)
    subtitle = lo_format_date (assessment->date);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
  ensure_visible_page (self);
  lo_window_update_actions (self);
}

void
lo_window_show (LoWindow   *self,
                gint64      client,
                const char *assessment)
{
  if (shown_client (self) != client)
    {
      g_array_set_size (self->undo, 0);
      g_array_set_size (self->redo, 0);
    }
  lo_client_session_select (self->session, client, assessment);
  lo_sidebar_select (self->sidebar, shown_client (self),
                     lo_client_session_get_assessment_id (self->session));
  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-client", shown_client (self));
}

static void
store_changed_cb (LoStore       *store,
                  gint64         client,
                  LoStoreChange  what,
                  LoWindow      *self)
{
  /* The session reloads the client shown by itself. */
  if (what == LO_STORE_CHANGE_CLIENTS)
    update_empty_state (self);
}

static void
sidebar_activated_cb (LoSidebar  *sidebar,
                      gint64      client,
                      const char *assessment,
                      LoWindow   *self)
{
  lo_window_show (self, client, assessment);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
create_client_done (GtkWidget  *widget,
                    const char *name,
                    gpointer    user_data)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 client = lo_store_create_client (self->store, name, &error);

  if (client == 0)
    {
      lo_window_toast_error (self, error);
      return;
    }
  /* The preferences' currency, horizon and rates for the new engagement. */
  if (!lo_preferences_apply_to_client (self->store, client, &error))
    lo_window_toast_error (self, error);
  g_clear_error (&error);
  lo_window_show (self, client, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
rename_client_done (GtkWidget  *widget,
                    const char *name,
                    gpointer    user_data)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lo_store_rename_client (self->store, shown_client (self), name, &error))
    lo_window_toast_error (self, error);
}

static char *
client_name_taken (GtkWidget  *widget,
                   const char *name,
                   gpointer    user_data)
{
  LoWindow *self = LO_WINDOW (widget);

  if (lo_store_find_client (self->store, name, NULL) == 0)
    return NULL;
  return g_strdup_printf (_("There is already a client named “%s”. Choose another name, or open that client from the list."),
                          name);
}

/* Actions */

static void
new_client_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lo_ask_name_checked (widget, _("New Client"), _("The name of the company being assessed."),
                       NULL, _("C_reate"), client_name_taken, create_client_done, NULL);
}

static void
rename_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  LoEngagement *engagement = shown_engagement (self);

  if (engagement == NULL)
    return;
  lo_ask_name (widget, _("Rename Client"), NULL, engagement->client_name,
               _("_Rename"), rename_client_done, NULL);
}

static void
delete_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  gint64 token = 0;
  AdwToast *undo_toast;
  LoEngagement *engagement = shown_engagement (self);

  if (shown_client (self) == 0 || engagement == NULL)
    return;
  escaped = g_markup_escape_text (engagement->client_name, -1);
  if (!lo_store_delete_client (self->store, shown_client (self), &token, &error))
    {
      lo_window_toast_error (self, error);
      return;
    }
  /* Translators: %s is a client's name */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  undo_toast = adw_toast_new (title);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "win.undo-delete");
  adw_toast_set_action_target_value (undo_toast, g_variant_new_int64 (token));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, undo_toast);
  lo_window_show (self, 0, NULL);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lo_store_undo_delete (self->store, g_variant_get_int64 (parameter), &error))
    lo_window_toast_error (self, error);
}

static char *
unique_assessment_id (LoEngagement *engagement,
                      const char   *date)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (date) : g_strdup_printf ("%s-%u", date, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < engagement->assessments->len && !taken; i++)
        taken = g_strcmp0 (((LoAssessment *) g_ptr_array_index (engagement->assessments, i))->id, id) == 0;
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *id = NULL;
  g_autoptr(LoAssessment) assessment = NULL;
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  if (shown_engagement (self) == NULL)
    return;
  /* a new assessment is answered with the newest edition */
  bank = find_bank (self, DEFAULT_BANK, 0);
  /* The bank is kept with the client's data first: an assessment the
   * store could not keep the bank of is not added. */
  if (bank != NULL && !lo_store_put_bank (self->store, bank, &error))
    {
      lo_window_toast_error (self, error);
      return;
    }

  id = unique_assessment_id (shown_engagement (self), date);
  assessment = lo_assessment_new (id, date, DEFAULT_BANK);
  if (bank != NULL)
    assessment->bank_edition = bank->version;
  lo_assessment_add_respondent (assessment, "r1", _("Respondent 1"), NULL);
  if (!lo_store_add_assessment (self->store, shown_client (self), assessment, &error))
    {
      lo_window_toast_error (self, error);
      return;
    }
  /* The page first, so that only it is filled. */
  adw_view_stack_set_visible_child_name (self->view_stack, "assessment");
  lo_window_show (self, shown_client (self), id);
}

/* A page's word to the user (@parameter, already translated), as a toast. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lo_window_toast (LO_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(LoEngagement) demo = lo_demo_engagement ();
  g_autoptr(GError) error = NULL;
  gint64 client;

  if (demo == NULL)
    return;
  /* Opening the demo again shows the one already there, not a copy. */
  client = lo_store_find_client (self->store, demo->client_name, &error);
  if (client == 0 && error == NULL)
    client = lo_store_import_engagement (self->store, demo, &error);
  if (client == 0)
    {
      lo_window_toast_error (self, error);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "results");
  lo_window_show (self, client, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Window state: the size a window has when it is neither maximized nor
 * full screen (GTK keeps it in default-width and -height) and whether it is
 * maximized, kept in the settings as they change. */

static void
bind_window_state (LoWindow *self)
{
  if (self->settings == NULL)
    return;
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
unbind_window_state (LoWindow *self)
{
  g_settings_unbind (self, "default-width");
  g_settings_unbind (self, "default-height");
  g_settings_unbind (self, "maximized");
}

static void
set_workshop (LoWindow *self,
              gboolean  workshop)
{
  if (self->workshop == workshop)
    return;
  if (workshop && shown_score (self) == NULL)
    return;
  self->workshop = workshop;
  ensure_visible_page (self);
  if (workshop)
    {
      if (self->settings != NULL)
        g_settings_bind (self->settings, "workshop-blind", workshop_view (self), "blind",
                         G_SETTINGS_BIND_DEFAULT);
      lo_workshop_view_start (workshop_view (self));
      gtk_stack_set_visible_child_name (self->root_stack, "workshop");
      /* The full screen's size is not the one to restore next time. */
      unbind_window_state (self);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_grab_focus (GTK_WIDGET (workshop_view (self)));
    }
  else
    {
      lo_assessment_page_set_respondent (assessment_page (self),
                                         lo_workshop_view_get_respondent (workshop_view (self)));
      lo_assessment_page_set_position (assessment_page (self),
                                       lo_workshop_view_get_position (workshop_view (self)));
      gtk_window_unfullscreen (GTK_WINDOW (self));
      bind_window_state (self);
      gtk_stack_set_visible_child_name (self->root_stack, "main");
      update_empty_state (self);
    }
  lo_window_update_actions (self);
}

static void
workshop_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);

  set_workshop (self, !self->workshop);
}

static void
leave_workshop_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_workshop (LO_WINDOW (widget), FALSE);
}

static gboolean
apply_answer (LoWindow     *self,
              AnswerChange *change,
              int           value)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (value == ANSWER_NONE)
    ok = lo_store_clear_answer (self->store, change->client, change->assessment,
                                change->respondent, change->question, &error);
  else
    ok = lo_store_set_answer (self->store, change->client, change->assessment,
                              change->respondent, change->question, value, &error);
  if (!ok)
    lo_window_toast_error (self, error);
  return ok;
}

static void
set_answer_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  const char *respondent_id, *question;
  AnswerChange change = { 0 };
  LoAssessment *assessment;
  LoRespondent *respondent;
  int value, before;

  g_variant_get (parameter, "(&s&si)", &respondent_id, &question, &value);
  assessment = shown_assessment (self);
  if (assessment == NULL)
    return;
  respondent = lo_assessment_lookup_respondent (assessment, respondent_id);
  if (respondent == NULL)
    return;
  if (!lo_respondent_get_answer (respondent, question, &before))
    before = ANSWER_NONE;
  if (value == LO_WINDOW_ANSWER_CLEAR)
    value = ANSWER_NONE;
  if (before == value)
    return;

  change.client = shown_client (self);
  change.assessment = g_strdup (assessment->id);
  change.respondent = g_strdup (respondent_id);
  change.question = g_strdup (question);
  change.before = before;
  change.after = value;
  if (!apply_answer (self, &change, value))
    {
      answer_change_clear (&change);
      return;
    }
  g_array_append_val (self->undo, change);
  g_array_set_size (self->redo, 0);
  lo_window_update_actions (self);
}

/* The answer the room agreed on in a blind workshop, and its note ("" for
 * none). */
static void
set_agreed_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LoAssessment *assessment = shown_assessment (self);
  const char *question, *note;
  int value;

  g_variant_get (parameter, "(&si&s)", &question, &value, &note);
  if (assessment == NULL)
    return;
  if (!lo_store_set_agreed (self->store, shown_client (self), assessment->id, question, value,
                            note[0] != '\0' ? note : NULL, &error))
    lo_window_toast_error (self, error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  gboolean is_undo = g_str_equal (action_name, "win.undo");
  GArray *from = is_undo ? self->undo : self->redo;
  GArray *to = is_undo ? self->redo : self->undo;
  AnswerChange change;

  if (from->len == 0)
    return;
  change = g_array_index (from, AnswerChange, from->len - 1);
  /* Move ownership of the strings along with the entry. */
  memset (&g_array_index (from, AnswerChange, from->len - 1), 0, sizeof change);
  g_array_set_size (from, from->len - 1);
  if (change.client != shown_client (self))
    lo_window_show (self, change.client, change.assessment);
  if (apply_answer (self, &change, is_undo ? change.before : change.after))
    g_array_append_val (to, change);
  else
    answer_change_clear (&change);
  lo_window_update_actions (self);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (LO_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);

  if (self->workshop)
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  lo_sidebar_focus_search (self->sidebar);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* A menu's popover is built the first time it opens, not with the window. */
static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/* GTK labels keys it has no name for with their key symbol ("Page_Down"):
 * the shortcuts window shows the names a keyboard has. */
static void
name_keys (GtkWidget *widget)
{
  static const struct { const char *symbol; const char *name; } keys[] = {
    { "Page_Down", N_("Page Down") },
    { "Page_Up",   N_("Page Up") },
  };

  if (GTK_IS_LABEL (widget))
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), keys[i].symbol) == 0)
        gtk_label_set_text (GTK_LABEL (widget), _(keys[i].name));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_keys (child);
}

/* The shortcuts window is built when it is asked for, not with every window
 * as GtkApplicationWindow would from gtk/help-overlay.ui. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->shortcuts == NULL)
    {
      builder = gtk_builder_new_from_resource ("/io/github/lightsout/LightsOut/ui/shortcuts-window.ui");
      self->shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *) &self->shortcuts);
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (widget));
      name_keys (GTK_WIDGET (self->shortcuts));
    }
  gtk_window_present (self->shortcuts);
}

static void
lo_window_dispose (GObject *object)
{
  LoWindow *self = LO_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, analysis_changed_cb, self);
  g_cancellable_cancel (self->cancellable);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, visible_page_cb, self);
  if (self->shortcuts != NULL)
    {
      GtkWindow *shortcuts = self->shortcuts;

      g_object_remove_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &self->shortcuts);
      self->shortcuts = NULL;
      gtk_window_destroy (shortcuts);
    }
  /* The pages are the slots' children, gone with the template. */
  memset (self->pages, 0, sizeof self->pages);
  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_WINDOW);
  G_OBJECT_CLASS (lo_window_parent_class)->dispose (object);
}

static void
lo_window_finalize (GObject *object)
{
  LoWindow *self = LO_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->toasted, g_free);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (lo_window_parent_class)->finalize (object);
}

static void
lo_window_class_init (LoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_window_dispose;
  object_class->finalize = lo_window_finalize;

  /* Referencing the resource links its object file, whose constructor
   * registers the templates (a static library drops unreferenced objects). */
  g_assert (lo_gui_get_resource () != NULL);

  g_type_ensure (LO_TYPE_SIDEBAR);
  g_type_ensure (LO_TYPE_ASSESSMENT_PAGE);
  g_type_ensure (LO_TYPE_RESULTS_PAGE);
  g_type_ensure (LO_TYPE_PROCESSES_PAGE);
  g_type_ensure (LO_TYPE_ROADMAP_PAGE);
  g_type_ensure (LO_TYPE_WORKSHOP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, root_stack);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, assessment_slot);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, results_slot);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, processes_slot);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, roadmap_slot);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, workshop_slot);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, client_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, LoWindow, client_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_action);
  gtk_widget_class_install_action (widget_class, "win.new-assessment", NULL, new_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.rename-client", NULL, rename_client_action);
  gtk_widget_class_install_action (widget_class, "win.delete-client", NULL, delete_client_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, lo_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, lo_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, lo_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.workshop", NULL, workshop_action);
  gtk_widget_class_install_action (widget_class, "win.leave-workshop", NULL, leave_workshop_action);
  gtk_widget_class_install_action (widget_class, "win.set-answer", "(ssi)", set_answer_action);
  gtk_widget_class_install_action (widget_class, "win.set-agreed", "(sis)", set_agreed_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, lo_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, lo_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.print-to-file", "s", lo_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-assessment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.workshop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "assessment");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "results");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "processes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "roadmap");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

static void
lo_window_init (LoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_menu_button_set_create_popup_func (self->empty_menu_button, create_menu_popup, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, create_menu_popup, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->client_menu_button, create_menu_popup, self->client_menu, NULL);
  g_signal_connect (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self);
  lo_window_setup_drop (self);

  self->undo = g_array_new (FALSE, TRUE, sizeof (AnswerChange));
  g_array_set_clear_func (self->undo, answer_change_clear);
  self->redo = g_array_new (FALSE, TRUE, sizeof (AnswerChange));
  g_array_set_clear_func (self->redo, answer_change_clear);

  /* The schema's defaults, for a window without settings. */
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);

  if (g_strcmp0 (PACKAGE_VERSION, "") != 0 && strstr (PACKAGE_VERSION, "dev") != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

LoWindow *
lo_window_new (GtkApplication *application,
               LoStore        *store)
{
  LoWindow *self;
  GSettings *settings;
  gint64 last = 0;

  g_return_val_if_fail (LO_IS_STORE (store), NULL);

  self = g_object_new (LO_TYPE_WINDOW, "application", application, NULL);
  settings = lo_application_get_settings (LO_IS_APPLICATION (application) ? LO_APPLICATION (application) : NULL);
  g_set_object (&self->settings, settings);
  bind_window_state (self);
  self->store = g_object_ref (store);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->session = lo_client_session_new (store);
  g_signal_connect (self->session, "notify::analysis", G_CALLBACK (analysis_changed_cb), self);
  lo_sidebar_set_session (self->sidebar, self->session);
  update_empty_state (self);
  if (self->settings != NULL)
    last = g_settings_get_int64 (self->settings, "last-client");
  lo_window_show (self, 0, NULL);
  if (last != 0)
    {
      g_autoptr(LoEngagement) engagement = lo_store_load_engagement (store, last, NULL);

      if (engagement != NULL)
        lo_window_show (self, last, NULL);
    }
  return self;
}

void
lo_window_select (LoWindow   *self,
                  gint64      client,
                  const char *assessment)
{
  g_return_if_fail (LO_IS_WINDOW (self));

  lo_window_show (self, client, assessment);
}

LoStore *
lo_window_get_store (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), NULL);
  return self->store;
}

gint64
lo_window_get_client (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), 0);
  return shown_client (self);
}

const char *
lo_window_get_assessment_id (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), NULL);
  return shown_score (self) != NULL ? lo_client_session_get_assessment_id (self->session) : NULL;
}

LoScore *
lo_window_get_score (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), NULL);
  return shown_score (self);
}

LoAnalysis *
lo_window_get_analysis (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), NULL);
  return shown_analysis (self);
}

LoClientSession *
lo_window_get_session (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), NULL);
  return self->session;
}

gboolean
lo_window_get_workshop_mode (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), FALSE);
  return self->workshop;
}

guint
lo_window_get_busy (LoWindow *self)
{
  g_return_val_if_fail (LO_IS_WINDOW (self), 0);
  return self->busy;
}
