/* lo-assessment-page.c: answering the questions, dimension by dimension
 *
 * The widgets are built once per assessment and bank; later updates only set
 * the radio buttons and the progress, so that focus and scrolling stay put
 * while the store echoes every answer back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-session-page.h"
#include "lo-assessment-page.h"
#include "lo-dialogs.h"

#define N_CHOICES    7   /* levels 1 … 5, don't know, not applicable */
#define DONT_KNOW_AT 5
#define NA_AT        6

typedef struct
{
  const LoQuestion *question;   /* borrowed from self->bank */
  GtkWidget        *card;
  GtkWidget        *checks[N_CHOICES]; /* NA_AT is NULL when the bank does not allow it */
} QuestionWidgets;

typedef struct
{
  GtkWidget *progress;
  GtkWidget *count;
} DimensionWidgets;

struct _LoAssessmentPage
{
  LoSessionPage parent_instance;

  LoStore      *store;
  gint64        client;
  LoAssessment *assessment;
  LoBank       *bank;
  LoScore      *score;
  char         *respondent;
  char         *built_for;       /* assessment id the widgets were built for */
  LoAssessment *respondents_of;   /* whose respondents the drop-down shows */
  GPtrArray    *respondent_ids;  /* char*, drop-down order */
  GArray       *questions;       /* QuestionWidgets, bank order */
  GArray       *dimensions;      /* DimensionWidgets, bank order */
  guint         position;
  guint         focus_id;
  gboolean      updating;

  GtkDropDown  *respondent_dropdown;
  GtkLabel     *progress_label;
  GtkBox       *questions_box;
  GtkScrolledWindow *scrolled;
};

G_DEFINE_FINAL_TYPE (LoAssessmentPage, lo_assessment_page, LO_TYPE_SESSION_PAGE)

static int
choice_value (guint choice)
{
  if (choice < LO_N_LEVELS)
    return (int) choice + 1;
  return choice == DONT_KNOW_AT ? LO_ANSWER_DONT_KNOW : LO_ANSWER_NA;
}

static int
choice_for_value (int value)
{
  if (value >= LO_LEVEL_MIN && value <= LO_LEVEL_MAX)
    return value - 1;
  return value == LO_ANSWER_DONT_KNOW ? DONT_KNOW_AT : NA_AT;
}

static LoRespondent *
current_respondent (LoAssessmentPage *self)
{
  if (self->assessment == NULL || self->respondent == NULL)
    return NULL;
  return lo_assessment_lookup_respondent (self->assessment, self->respondent);
}

static void
set_position (LoAssessmentPage *self,
              guint             position)
{
  QuestionWidgets *q;

  if (self->questions->len == 0)
    return;
  position = MIN (position, self->questions->len - 1);
  if (self->position < self->questions->len)
    {
      q = &g_array_index (self->questions, QuestionWidgets, self->position);
      gtk_widget_remove_css_class (q->card, "current");
    }
  self->position = position;
  q = &g_array_index (self->questions, QuestionWidgets, position);
  gtk_widget_add_css_class (q->card, "current");
}

static void
focus_position (LoAssessmentPage *self,
                guint             position)
{
  QuestionWidgets *q;
  GtkWidget *target = NULL;

  if (self->questions->len == 0)
    return;
  set_position (self, position);
  q = &g_array_index (self->questions, QuestionWidgets, self->position);
  for (guint i = 0; i < N_CHOICES && target == NULL; i++)
    if (q->checks[i] != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (q->checks[i])))
      target = q->checks[i];
  gtk_widget_grab_focus (target ? target : q->checks[0]);
}

static void
refresh_answers (LoAssessmentPage *self)
{
  LoRespondent *respondent = current_respondent (self);
  guint given = 0;

  self->updating = TRUE;
  for (guint d = 0; d < self->dimensions->len; d++)
    {
      DimensionWidgets *dw = &g_array_index (self->dimensions, DimensionWidgets, d);
      const LoDimension *dimension = g_ptr_array_index (self->bank->dimensions, d);
      guint answered = 0;
      g_autofree char *count = NULL;

      for (guint i = 0; i < dimension->questions->len; i++)
        {
          const LoQuestion *question = g_ptr_array_index (dimension->questions, i);
          QuestionWidgets *q = &g_array_index (self->questions, QuestionWidgets, question->index);
          int value;
          gboolean has = respondent != NULL && lo_respondent_get_answer (respondent, question->id, &value);
          int active = has ? choice_for_value (value) : -1;

          for (guint c = 0; c < N_CHOICES; c++)
            if (q->checks[c] != NULL)
              gtk_check_button_set_active (GTK_CHECK_BUTTON (q->checks[c]), (int) c == active);
        }
      /* One definition everywhere: a question counts as answered when its
       * combined answer (after agreement) is a level, as the score and the
       * Results page count it. */
      if (self->score != NULL && d < self->score->n_dimensions)
        answered = self->score->dimensions[d].answered;
      given += answered;
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (dw->progress),
                                     dimension->questions->len ? (double) answered / dimension->questions->len : 0);
      /* Translators: answered questions of a dimension, e.g. "3 of 5" */
      count = g_strdup_printf (_("%u of %u"), answered, dimension->questions->len);
      gtk_label_set_text (GTK_LABEL (dw->count), count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dw->progress),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, count, -1);
    }
  self->updating = FALSE;

  if (self->bank != NULL)
    {
      g_autofree char *progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u of %u question answered",
                                                                "%u of %u questions answered",
                                                                self->bank->questions->len),
                                                   given, self->bank->questions->len);
      gtk_label_set_text (self->progress_label, progress);
    }
  else
    gtk_label_set_text (self->progress_label, "");
}

static void
answer (LoAssessmentPage *self,
        guint             question,
        int               value)
{
  const QuestionWidgets *q;

  if (self->respondent == NULL || question >= self->questions->len)
    return;
  q = &g_array_index (self->questions, QuestionWidgets, question);
  if (value == LO_ANSWER_NA && !q->question->allow_na)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                                  _("This question has no “not applicable”: answer 1 to 5, or 0 for “don’t know”."));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-answer", "(ssi)",
                              self->respondent, q->question->id, value);
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  LoAssessmentPage *self)
{
  guint question = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "lo-question"));
  guint choice = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "lo-choice"));

  if (self->updating || !gtk_check_button_get_active (check))
    return;
  set_position (self, question);
  answer (self, question, choice_value (choice));
}

static void
card_focus_enter_cb (GtkEventControllerFocus *controller,
                     LoAssessmentPage        *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  set_position (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (card), "lo-question")));
}

static GtkWidget *
choice_new (LoAssessmentPage *self,
            const LoQuestion *question,
            guint             choice,
            GtkWidget        *group)
{
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *accessible = NULL;
  const char *text;

  if (choice < LO_N_LEVELS)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *number, *label;
      g_autofree char *digit = g_strdup_printf ("%u", choice + 1);

      text = lo_bank_text (self->bank, question->options[choice]);
      number = gtk_label_new (digit);
      gtk_widget_add_css_class (number, "level-number");
      gtk_widget_set_valign (number, GTK_ALIGN_START);
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
      /* Translators: a radio button's accessible name: level number, option text */
      accessible = g_strdup_printf (_("Level %u: %s"), choice + 1, text);
    }
  else
    {
      text = choice == DONT_KNOW_AT ? _("Don’t know") : _("Not applicable");
      gtk_check_button_set_label (GTK_CHECK_BUTTON (check), text);
      gtk_widget_add_css_class (check, "dim-choice");
      accessible = g_strdup (text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  g_object_set_data (G_OBJECT (check), "lo-question", GUINT_TO_POINTER (question->index));
  g_object_set_data (G_OBJECT (check), "lo-choice", GUINT_TO_POINTER (choice));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_widget_add_css_class (check, "choice");
  return check;
}

static GtkWidget *
question_card_new (LoAssessmentPage *self,
                   const LoQuestion *question,
                   guint             number,
                   QuestionWidgets  *q)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title, *others;
  GtkEventController *focus;
  g_autofree char *markup = NULL;
  g_autofree char *heading = NULL;

  q->question = question;
  q->card = card;
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "question-card");
  g_object_set_data (G_OBJECT (card), "lo-question", GUINT_TO_POINTER (question->index));

  heading = g_markup_escape_text (lo_bank_text (self->bank, question->text), -1);
  markup = g_strdup_printf ("<span alpha=\"60%%\">%u</span>  %s", number, heading);
  title = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (title), markup);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "question-text");
  gtk_box_append (GTK_BOX (card), title);

  for (guint c = 0; c < LO_N_LEVELS; c++)
    {
      q->checks[c] = choice_new (self, question, c, c ? q->checks[0] : NULL);
      gtk_box_append (GTK_BOX (card), q->checks[c]);
    }
  others = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_margin_top (others, 2);
  q->checks[DONT_KNOW_AT] = choice_new (self, question, DONT_KNOW_AT, q->checks[0]);
  gtk_box_append (GTK_BOX (others), q->checks[DONT_KNOW_AT]);
  if (question->allow_na)
    {
      q->checks[NA_AT] = choice_new (self, question, NA_AT, q->checks[0]);
      gtk_box_append (GTK_BOX (others), q->checks[NA_AT]);
    }
  gtk_box_append (GTK_BOX (card), others);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (card_focus_enter_cb), self);
  gtk_widget_add_controller (card, focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lo_bank_text (self->bank, question->text), -1);
  return card;
}

/* The first question the respondent shown has not answered (the first
 * question when every one is). */
static guint
first_unanswered (LoAssessmentPage *self)
{
  const LoRespondent *r = self->respondent && self->assessment
    ? lo_assessment_lookup_respondent (self->assessment, self->respondent) : NULL;

  for (guint i = 0; r != NULL && self->bank != NULL && i < self->bank->questions->len; i++)
    {
      const LoQuestion *question = g_ptr_array_index (self->bank->questions, i);
      int ignored;

      if (!lo_respondent_get_answer (r, question->id, &ignored))
        return question->index;
    }
  return 0;
}

/* Whether @window is the only window shown (no dialog over it). */
static gboolean
no_other_window (GtkWindow *window)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean alone = TRUE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != window && gtk_widget_get_visible (l->data))
      alone = FALSE;
  g_list_free (toplevels);
  return alone;
}

static gboolean
focus_question_cb (gpointer data)
{
  LoAssessmentPage *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->focus_id = 0;
  /* Not when the user is typing elsewhere (a search, a dialog's entry). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self))
      && GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))
      && no_other_window (GTK_WINDOW (root))
      && (focus == NULL || !GTK_IS_EDITABLE (focus)))
    focus_position (self, self->position);
  return G_SOURCE_REMOVE;
}

static void
rebuild (LoAssessmentPage *self)
{
  GtkWidget *child;
  guint number = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);
  g_array_set_size (self->questions, 0);
  g_array_set_size (self->dimensions, 0);
  self->position = 0;
  g_clear_pointer (&self->built_for, g_free);
  if (self->assessment == NULL || self->bank == NULL)
    return;

  self->built_for = g_strdup (self->assessment->id);
  g_array_set_size (self->questions, self->bank->questions->len);
  g_array_set_size (self->dimensions, self->bank->dimensions->len);

  for (guint d = 0; d < self->bank->dimensions->len; d++)
    {
      const LoDimension *dimension = g_ptr_array_index (self->bank->dimensions, d);
      DimensionWidgets *dw = &g_array_index (self->dimensions, DimensionWidgets, d);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *meter = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = gtk_label_new (lo_bank_text (self->bank, dimension->name));
      GtkWidget *description = gtk_label_new (lo_bank_text (self->bank, dimension->description));

      gtk_widget_add_css_class (name, "title-3");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_set_hexpand (name, TRUE);
      dw->progress = gtk_progress_bar_new ();
      gtk_widget_set_valign (dw->progress, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dw->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lo_bank_text (self->bank, dimension->name), -1);
      dw->count = gtk_label_new (NULL);
      gtk_widget_add_css_class (dw->count, "dim-label");
      gtk_widget_add_css_class (dw->count, "numeric");
      gtk_widget_set_hexpand (dw->progress, TRUE);
      gtk_box_append (GTK_BOX (header), name);
      gtk_box_append (GTK_BOX (meter), dw->progress);
      gtk_box_append (GTK_BOX (meter), dw->count);
      gtk_box_append (GTK_BOX (header), meter);
      if (d > 0)
        gtk_widget_set_margin_top (header, 18);
      gtk_box_append (self->questions_box, header);

      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (self->questions_box, description);

      for (guint i = 0; i < dimension->questions->len; i++)
        {
          const LoQuestion *question = g_ptr_array_index (dimension->questions, i);
          QuestionWidgets *q = &g_array_index (self->questions, QuestionWidgets, question->index);

          gtk_box_append (self->questions_box, question_card_new (self, question, number++, q));
        }
    }
  set_position (self, 0);
}

static void
refresh_respondents (LoAssessmentPage *self)
{
  g_autoptr(GtkStringList) names = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->respondents_of == NULL
      || !lo_assessment_same_respondents (self->assessment, self->respondents_of))
    {
      names = gtk_string_list_new (NULL);
      g_ptr_array_set_size (self->respondent_ids, 0);
      for (guint i = 0; self->assessment && i < self->assessment->respondents->len; i++)
        {
          const LoRespondent *r = g_ptr_array_index (self->assessment->respondents, i);

          gtk_string_list_append (names, r->name);
          g_ptr_array_add (self->respondent_ids, g_strdup (r->id));
        }
      self->updating = TRUE;
      gtk_drop_down_set_model (self->respondent_dropdown, G_LIST_MODEL (names));
      self->updating = FALSE;
      g_clear_pointer (&self->respondents_of, lo_assessment_unref);
      if (self->assessment != NULL)
        self->respondents_of = lo_assessment_ref (self->assessment);
    }

  for (guint i = 0; i < self->respondent_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->respondent_ids, i), self->respondent) == 0)
      selected = i;
  if (selected == GTK_INVALID_LIST_POSITION && self->respondent_ids->len > 0)
    {
      selected = 0;
      g_free (self->respondent);
      self->respondent = g_strdup (g_ptr_array_index (self->respondent_ids, 0));
    }
  else if (self->respondent_ids->len == 0)
    g_clear_pointer (&self->respondent, g_free);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->respondent_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->respondent_dropdown), self->respondent_ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.rename-respondent", self->respondent != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.remove-respondent", self->respondent != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.answer", self->respondent != NULL);
}

static void
respondent_selected_cb (GtkDropDown      *dropdown,
                        GParamSpec       *pspec,
                        LoAssessmentPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || selected >= self->respondent_ids->len)
    return;
  g_free (self->respondent);
  self->respondent = g_strdup (g_ptr_array_index (self->respondent_ids, selected));
  refresh_answers (self);
}

/* Actions */

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (widget);
  guint position = self->position;

  answer (self, position, g_variant_get_int32 (parameter));
  if (position + 1 < self->questions->len)
    focus_position (self, position + 1);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (widget);

  if (g_str_equal (action_name, "assessment.next"))
    focus_position (self, self->position + 1);
  else if (self->position > 0)
    focus_position (self, self->position - 1);
  else
    focus_position (self, 0);
}

static char *
unused_respondent_id (const LoAssessment *assessment)
{
  for (guint n = assessment->respondents->len + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", n);

      if (lo_assessment_lookup_respondent (assessment, id) == NULL)
        return g_steal_pointer (&id);
    }
}

static void
add_respondent_done (GtkWidget  *widget,
                     const char *name,
                     gpointer    user_data)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->store == NULL || self->assessment == NULL)
    return;
  id = unused_respondent_id (self->assessment);
  /* Select the new respondent before the store's echo rebuilds the list. */
  g_free (self->respondent);
  self->respondent = g_strdup (id);
  if (!lo_store_add_respondent (self->store, self->client, self->assessment->id, id, name, NULL, &error))
    {
      g_prefix_error (&error, _("Could not add the respondent: "));
      lo_show_error (GTK_WIDGET (self), error);
    }
}

static void
rename_respondent_done (GtkWidget  *widget,
                        const char *name,
                        gpointer    user_data)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (widget);
  LoRespondent *respondent = current_respondent (self);
  g_autoptr(GError) error = NULL;

  if (respondent == NULL)
    return;
  if (!lo_store_rename_respondent (self->store, self->client, self->assessment->id,
                                   respondent->id, name, respondent->role, &error))
    {
      g_prefix_error (&error, _("Could not rename the respondent: "));
      lo_show_error (GTK_WIDGET (self), error);
    }
}

static void
add_respondent_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  lo_ask_name (widget, _("Add Respondent"),
               _("Someone whose answers count: each respondent answers every question."),
               NULL, _("_Add"), add_respondent_done, NULL);
}

static void
rename_respondent_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LoRespondent *respondent = current_respondent (LO_ASSESSMENT_PAGE (widget));

  if (respondent != NULL)
    lo_ask_name (widget, _("Rename Respondent"), NULL, respondent->name,
                 _("_Rename"), rename_respondent_done, NULL);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LoAssessmentPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "lo-respondent");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->assessment == NULL)
    return;
  if (!lo_store_remove_respondent (self->store, self->client, self->assessment->id, id, &error))
    {
      g_prefix_error (&error, _("Could not remove the respondent: "));
      lo_show_error (GTK_WIDGET (self), error);
    }
}

static void
remove_respondent_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (widget);
  LoRespondent *respondent = current_respondent (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (respondent == NULL)
    return;
  /* Translators: %s is a respondent's name */
  heading = g_strdup_printf (_("Remove %s?"), respondent->name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Their answers to this assessment are removed with them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lo-respondent", g_strdup (respondent->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lo_assessment_page_dispose (GObject *object)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (object);

  g_clear_handle_id (&self->focus_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_ASSESSMENT_PAGE);
  G_OBJECT_CLASS (lo_assessment_page_parent_class)->dispose (object);
}

static void
lo_assessment_page_finalize (GObject *object)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (object);

  g_clear_object (&self->store);
  lo_session_page_hold_parts (NULL, &self->assessment, &self->bank, &self->score);
  g_clear_pointer (&self->respondent, g_free);
  g_clear_pointer (&self->built_for, g_free);
  g_clear_pointer (&self->respondents_of, lo_assessment_unref);
  g_clear_pointer (&self->respondent_ids, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_array_unref);
  g_clear_pointer (&self->dimensions, g_array_unref);
  G_OBJECT_CLASS (lo_assessment_page_parent_class)->finalize (object);
}

static void update (LoSessionPage *page,
                    LoStore       *store,
                    gint64         client,
                    LoAnalysis    *analysis);

static void
lo_assessment_page_class_init (LoAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_assessment_page_dispose;
  object_class->finalize = lo_assessment_page_finalize;
  LO_SESSION_PAGE_CLASS (klass)->update = update;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoAssessmentPage, respondent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoAssessmentPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LoAssessmentPage, questions_box);
  gtk_widget_class_bind_template_child (widget_class, LoAssessmentPage, scrolled);
  gtk_widget_class_bind_template_callback (widget_class, respondent_selected_cb);

  gtk_widget_class_install_action (widget_class, "assessment.answer", "i", answer_action);
  gtk_widget_class_install_action (widget_class, "assessment.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "assessment.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "assessment.add-respondent", NULL, add_respondent_action);
  gtk_widget_class_install_action (widget_class, "assessment.rename-respondent", NULL, rename_respondent_action);
  gtk_widget_class_install_action (widget_class, "assessment.remove-respondent", NULL, remove_respondent_action);

  /* 0 is "don't know", 1 … 5 the levels, N "not applicable". */
  lo_session_page_class_add_answer_keys (widget_class, "assessment");
}

static void
lo_assessment_page_init (LoAssessmentPage *self)
{
  GtkEventController *capture;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->questions = g_array_new (FALSE, TRUE, sizeof (QuestionWidgets));
  self->dimensions = g_array_new (FALSE, TRUE, sizeof (DimensionWidgets));
  self->respondent_ids = g_ptr_array_new_with_free_func (g_free);

  /* The scrolled window would take Page Up/Down for scrolling before the
   * page's bindings see them: here they move between questions. */
  capture = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                               gtk_named_action_new ("assessment.next"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                               gtk_named_action_new ("assessment.previous"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), capture);
}

static void
update (LoSessionPage *page,
        LoStore       *store,
        gint64         client,
        LoAnalysis    *analysis)
{
  LoAssessmentPage *self = LO_ASSESSMENT_PAGE (page);
  LoAssessment *assessment = analysis ? lo_analysis_get_assessment (analysis) : NULL;
  LoBank *bank = analysis ? lo_analysis_get_bank (analysis) : NULL;
  gboolean same, other;

  g_return_if_fail (LO_IS_ASSESSMENT_PAGE (self));

  same = assessment != NULL && bank == self->bank && client == self->client
         && g_strcmp0 (assessment->id, self->built_for) == 0;
  other = assessment != NULL
          && (client != self->client || g_strcmp0 (assessment->id, self->built_for) != 0);

  g_set_object (&self->store, store);
  self->client = client;
  lo_session_page_hold_parts (analysis, &self->assessment, &self->bank, &self->score);

  if (!same)
    rebuild (self);
  refresh_respondents (self);
  refresh_answers (self);
  if (other && self->questions->len > 0)
    {
      /* A relaunch or another assessment resumes where answering stopped,
       * and the keys answer at once: the question has the focus. */
      set_position (self, first_unanswered (self));
      if (self->focus_id == 0)
        self->focus_id = g_idle_add (focus_question_cb, self);
    }
}

const char *
lo_assessment_page_get_respondent (LoAssessmentPage *self)
{
  g_return_val_if_fail (LO_IS_ASSESSMENT_PAGE (self), NULL);
  return self->respondent;
}

void
lo_assessment_page_set_respondent (LoAssessmentPage *self,
                                   const char       *respondent)
{
  g_return_if_fail (LO_IS_ASSESSMENT_PAGE (self));

  if (respondent == NULL || g_strcmp0 (respondent, self->respondent) == 0)
    return;
  g_free (self->respondent);
  self->respondent = g_strdup (respondent);
  refresh_respondents (self);
  refresh_answers (self);
}

guint
lo_assessment_page_get_position (LoAssessmentPage *self)
{
  g_return_val_if_fail (LO_IS_ASSESSMENT_PAGE (self), 0);
  return self->position;
}

void
lo_assessment_page_set_position (LoAssessmentPage *self,
                                 guint             position)
{
  g_return_if_fail (LO_IS_ASSESSMENT_PAGE (self));
  set_position (self, position);
}
