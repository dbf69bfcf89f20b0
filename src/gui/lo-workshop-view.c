/* lo-workshop-view.c: one question at a time, large, for a projector
 *
 * The room answers in turn: after an answer the next respondent who has not
 * answered this question is chosen; when everyone has, the spread of answers
 * is shown, and a contested question says so. Page Up/Down (a presenter's
 * clicker) move between questions, Escape leaves.
 *
 * In blind mode (a toggle, remembered in the settings by the window) the room
 * votes without seeing each other: a digit records the current respondent's
 * answer and moves on, the chips only say who has answered; R reveals the
 * distribution, after which the digits record the agreed answer and Tab goes
 * to its note (Enter saves the note and moves to the next question).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-session-page.h"
#include "lo-workshop-view.h"

struct _LoWorkshopView
{
  LoSessionPage parent_instance;

  LoAssessment *assessment;
  LoBank       *bank;
  LoScore      *score;
  char         *respondent;
  LoAssessment *respondents_of;   /* whose respondents the toggles show */
  guint         position;
  gboolean      updating;
  gboolean      blind;
  gboolean      large;      /* a 1080-line projector: larger type */
  guint         large_id;
  gboolean      revealed;   /* blind mode: this question's votes are shown */
  GtkWidget    *options[LO_N_LEVELS];
  GtkWidget    *option_labels[LO_N_LEVELS];
  GtkWidget    *option_counts[LO_N_LEVELS]; /* blind mode, revealed: the votes */
  GPtrArray    *toggles;   /* GtkToggleButton*, respondent order */

  GtkLabel     *position_label;
  GtkLabel     *question_label;
  GtkFlowBox   *respondents_box;
  GtkWidget    *respondents_row;
  GtkBox       *options_box;
  GtkWidget    *na_button;
  GtkWidget    *dont_know_button;
  GtkWidget    *spread_box;
  GtkLabel     *spread_title;
  GtkLabel     *spread_answers;
  GtkProgressBar *progress;
  GtkWidget    *blind_toggle;
  GtkWidget    *agree_box;
  GtkLabel     *agree_label;
  GtkEntry     *note_entry;
};

enum
{
  PROP_0,
  PROP_BLIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LoWorkshopView, lo_workshop_view, LO_TYPE_SESSION_PAGE)

static const LoQuestion *
current_question (LoWorkshopView *self)
{
  if (self->bank == NULL || self->position >= self->bank->questions->len)
    return NULL;
  return g_ptr_array_index (self->bank->questions, self->position);
}

static char *
answer_text (int value)
{
  if (value == LO_ANSWER_DONT_KNOW)
    return g_strdup (_("don’t know"));
  if (value == LO_ANSWER_NA)
    return g_strdup (_("not applicable"));
  return g_strdup_printf ("%d", value);
}

static void
respondent_toggled_cb (GtkToggleButton *toggle,
                       LoWorkshopView  *self)
{
  if (self->updating || !gtk_toggle_button_get_active (toggle))
    return;
  g_free (self->respondent);
  self->respondent = g_strdup (g_object_get_data (G_OBJECT (toggle), "lo-respondent"));
  lo_workshop_view_set_position (self, self->position);
}

static void
rebuild_respondents (LoWorkshopView *self)
{
  GtkWidget *child;

  if (self->respondents_of != NULL
      && lo_assessment_same_respondents (self->assessment, self->respondents_of))
    return;
  g_clear_pointer (&self->respondents_of, lo_assessment_unref);
  if (self->assessment != NULL)
    self->respondents_of = lo_assessment_ref (self->assessment);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->respondents_box))) != NULL)
    gtk_flow_box_remove (self->respondents_box, child);
  g_ptr_array_set_size (self->toggles, 0);
  for (guint i = 0; self->assessment && i < self->assessment->respondents->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (self->assessment->respondents, i);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (r->name);

      if (self->toggles->len > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), g_ptr_array_index (self->toggles, 0));
      g_object_set_data_full (G_OBJECT (toggle), "lo-respondent", g_strdup (r->id), g_free);
      gtk_widget_add_css_class (toggle, "workshop-respondent");
      gtk_widget_set_focusable (toggle, FALSE);
      g_signal_connect (toggle, "toggled", G_CALLBACK (respondent_toggled_cb), self);
      gtk_flow_box_append (self->respondents_box, toggle);
      g_ptr_array_add (self->toggles, toggle);
    }
}

/* In blind mode a chip says whether its respondent has answered, never what. */
static void
chip_label (LoWorkshopView     *self,
            GtkToggleButton    *toggle,
            const LoRespondent *r,
            gboolean            answered)
{
  g_autofree char *label = NULL;

  if (self->blind && answered)
    /* Translators: a respondent's chip in blind mode, e.g. "Ana ✓ answered" */
    label = g_strdup_printf (_("%s ✓ answered"), r->name);
  else
    label = g_strdup (r->name);
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (toggle)), label) != 0)
    gtk_button_set_label (GTK_BUTTON (toggle), label);
}

static char *
votes_text (guint n)
{
  /* Translators: how many voted for an option in blind mode */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", n), n);
}

/* The distribution of the room's answers: the votes for each level go on the
 * options (@counts), the rest into a line that also says who said what. */
static char *
distribution_text (LoWorkshopView   *self,
                   const LoQuestion *question,
                   guint             counts[LO_N_LEVELS])
{
  guint dont_know = 0, na = 0, missing = 0;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->assessment->respondents->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (self->assessment->respondents, i);
      g_autofree char *value_text = NULL;
      int value;

      if (!lo_respondent_get_answer (r, question->id, &value))
        missing++;
      else if (value >= 1 && value <= LO_N_LEVELS)
        counts[value - 1]++;
      else if (value == LO_ANSWER_NA)
        na++;
      else
        dont_know++;
      value_text = lo_respondent_get_answer (r, question->id, &value)
        ? answer_text (value) : g_strdup ("–");
      if (i > 0)
        g_string_append (text, "   ·   ");
      g_string_append_printf (text, _("%s: %s"), r->name, value_text);
    }
  /* Translators: how many said "don't know", e.g. "Don’t know: 1" */
  g_string_append_printf (text, _("   ·   Don’t know: %u"), dont_know);
  if (question->allow_na)
    /* Translators: how many said "not applicable" */
    g_string_append_printf (text, _("   ·   Not applicable: %u"), na);
  if (missing > 0)
    /* Translators: how many respondents have not voted */
    g_string_append_printf (text, _("   ·   No vote: %u"), missing);
  return g_string_free (text, FALSE);
}

static void
refresh_blind (LoWorkshopView   *self,
               const LoQuestion *question,
               int               agreed)
{
  const LoQuestionScore *qs = self->score ? &self->score->questions[question->index] : NULL;
  g_autofree char *answers = NULL;
  g_autofree char *agreed_text = NULL;

  guint counts[LO_N_LEVELS] = { 0 };

  gtk_widget_set_visible (self->spread_box, self->revealed);
  for (guint i = 0; i < LO_N_LEVELS; i++)
    gtk_widget_set_visible (self->option_counts[i], self->revealed);
  if (!self->revealed)
    return;

  answers = distribution_text (self, question, counts);
  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      g_autofree char *votes = votes_text (counts[i]);

      gtk_label_set_text (GTK_LABEL (self->option_counts[i]), votes);
    }
  gtk_label_set_text (self->spread_answers, answers);
  if (qs != NULL && qs->contested)
    {
      g_autofree char *title = g_strdup_printf (_("Contested: answers from level %d to level %d, a spread of %d. Worth a discussion."),
                                                qs->min, qs->max, qs->spread);

      gtk_label_set_text (self->spread_title, title);
      gtk_widget_add_css_class (self->spread_box, "contested");
    }
  else
    {
      g_autofree char *title = NULL;

      if (qs != NULL && qs->n_given > 1)
        title = g_strdup_printf (_("The answers are close: a spread of %d."), qs->spread);
      else
        title = g_strdup (_("The votes"));
      gtk_label_set_text (self->spread_title, title);
      gtk_widget_remove_css_class (self->spread_box, "contested");
    }

  if (agreed == G_MININT)
    agreed_text = g_strdup (_("Agreed answer? Press 1–5, 0 or N"));
  else
    {
      g_autofree char *value = answer_text (agreed);

      /* Translators: the answer the room agreed on, e.g. "Agreed: 3" */
      agreed_text = g_strdup_printf (_("Agreed: %s · Tab: note, Enter: next"), value);
    }
  gtk_label_set_text (self->agree_label, agreed_text);
}

static void
load_note (LoWorkshopView *self)
{
  const LoQuestion *question = current_question (self);
  const LoAgreed *agreed = question && self->assessment
    ? lo_assessment_get_agreed (self->assessment, question->id) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                         agreed && agreed->note ? agreed->note : "");
}

static void
refresh (LoWorkshopView *self)
{
  const LoQuestion *question = current_question (self);
  const LoQuestionScore *qs;
  g_autofree char *position = NULL;
  GString *answers;
  gboolean everyone = TRUE;
  int chosen = G_MININT;

  rebuild_respondents (self);
  if (question == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkToggleButton *toggle = g_ptr_array_index (self->toggles, i);
      const char *id = g_object_get_data (G_OBJECT (toggle), "lo-respondent");
      const LoRespondent *r = lo_assessment_lookup_respondent (self->assessment, id);
      int value;
      gboolean answered = lo_respondent_get_answer (r, question->id, &value);

      gtk_toggle_button_set_active (toggle, g_strcmp0 (id, self->respondent) == 0);
      chip_label (self, toggle, r, answered);
      if (answered)
        gtk_widget_add_css_class (GTK_WIDGET (toggle), "answered");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (toggle), "answered");
      everyone = everyone && answered;
      if (answered && g_strcmp0 (id, self->respondent) == 0 && !self->blind)
        chosen = value;
    }
  self->updating = FALSE;
  if (self->blind && self->revealed)
    {
      const LoAgreed *agreed = lo_assessment_get_agreed (self->assessment, question->id);

      chosen = agreed != NULL ? agreed->value : G_MININT;
    }

  /* Translators: "Question 7 of 25 · Data & system access" */
  position = g_strdup_printf (_("Question %u of %u · %s"), self->position + 1, self->bank->questions->len,
                              lo_bank_text (self->bank, ((LoDimension *) g_ptr_array_index (self->bank->dimensions, question->dimension))->name));
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->question_label, lo_bank_text (self->bank, question->text));
  gtk_progress_bar_set_fraction (self->progress, (self->position + 1.0) / self->bank->questions->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, position, -1);

  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      const char *option = lo_bank_text (self->bank, question->options[i]);
      g_autofree char *accessible = g_strdup_printf (_("Level %u: %s"), i + 1, option);

      gtk_label_set_text (GTK_LABEL (self->option_labels[i]), option);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->options[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      if (chosen == (int) i + 1)
        gtk_widget_add_css_class (self->options[i], "suggested-action");
      else
        gtk_widget_remove_css_class (self->options[i], "suggested-action");
    }
  gtk_widget_set_visible (gtk_widget_get_parent (self->na_button), question->allow_na);
  if (chosen == LO_ANSWER_DONT_KNOW)
    gtk_widget_add_css_class (self->dont_know_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->dont_know_button, "suggested-action");
  if (chosen == LO_ANSWER_NA)
    gtk_widget_add_css_class (self->na_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->na_button, "suggested-action");

  gtk_widget_set_visible (self->agree_box, self->blind && self->revealed);
  for (guint i = 0; !self->blind && i < LO_N_LEVELS; i++)
    gtk_widget_set_visible (self->option_counts[i], FALSE);
  /* Revealed, the distribution names everyone: the chips make room for it. */
  gtk_widget_set_visible (self->respondents_row, !(self->blind && self->revealed));
  if (self->blind)
    {
      refresh_blind (self, question, chosen);
      return;
    }

  /* The spread, once everyone has answered. */
  qs = self->score ? &self->score->questions[question->index] : NULL;
  everyone = everyone && self->toggles->len > 0;
  gtk_widget_set_visible (self->spread_box, everyone && qs != NULL);
  if (!everyone || qs == NULL)
    return;

  if (qs->contested)
    {
      g_autofree char *title = g_strdup_printf (_("Contested: answers from level %d to level %d. Worth a discussion."),
                                                qs->min, qs->max);

      gtk_label_set_text (self->spread_title, title);
      gtk_widget_add_css_class (self->spread_box, "contested");
    }
  else
    {
      gtk_label_set_text (self->spread_title, self->toggles->len > 1
                          ? _("Everyone has answered, and the answers are close.")
                          : _("Answered."));
      gtk_widget_remove_css_class (self->spread_box, "contested");
    }
  answers = g_string_new (NULL);
  for (guint i = 0; i < self->assessment->respondents->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (self->assessment->respondents, i);
      g_autofree char *value_text = NULL;
      int value = 0;

      lo_respondent_get_answer (r, question->id, &value);
      value_text = answer_text (value);
      if (i > 0)
        g_string_append (answers, "   ·   ");
      /* Translators: a respondent and their answer, e.g. "Ana: 2" */
      g_string_append_printf (answers, _("%s: %s"), r->name, value_text);
    }
  gtk_label_set_text (self->spread_answers, answers->str);
  g_string_free (answers, TRUE);
}

/* Actions */

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (widget);
  const LoQuestion *question = current_question (self);
  int value = g_variant_get_int32 (parameter);
  guint n, mine = 0;

  if (question == NULL || self->respondent == NULL)
    return;
  if (value == LO_ANSWER_NA && !question->allow_na)
    {
      gtk_widget_error_bell (widget);
      gtk_widget_activate_action (GTK_WIDGET (widget), "win.toast", "s",
                                  _("This question has no “not applicable”: answer 1 to 5, or 0 for “don’t know”."));
      return;
    }
  if (self->blind && self->revealed)
    {
      gtk_widget_activate_action (widget, "win.set-agreed", "(sis)", question->id, value,
                                  gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
      refresh (self);
      return;
    }
  gtk_widget_activate_action (widget, "win.set-answer", "(ssi)", self->respondent, question->id, value);

  /* The next one in the room who has not answered yet, if any. */
  n = self->assessment->respondents->len;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (((LoRespondent *) g_ptr_array_index (self->assessment->respondents, i))->id,
                   self->respondent) == 0)
      mine = i;
  for (guint k = 1; k < n; k++)
    {
      const LoRespondent *r = g_ptr_array_index (self->assessment->respondents, (mine + k) % n);
      int ignored;

      if (!lo_respondent_get_answer (r, question->id, &ignored))
        {
          g_free (self->respondent);
          self->respondent = g_strdup (r->id);
          break;
        }
    }
  refresh (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (widget);

  if (self->bank == NULL)
    return;
  if (g_str_equal (action_name, "workshop.next"))
    {
      if (self->position + 1 < self->bank->questions->len)
        lo_workshop_view_set_position (self, self->position + 1);
    }
  else if (self->position > 0)
    lo_workshop_view_set_position (self, self->position - 1);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (widget);

  if (!self->blind || self->revealed || current_question (self) == NULL)
    return;
  self->revealed = TRUE;
  load_note (self);
  refresh (self);
}

/* Enter in the note: the agreed answer keeps its value and takes the note,
 * and the room goes on to the next question. */
static void
note_activate_cb (GtkEntry       *entry,
                  LoWorkshopView *self)
{
  const LoQuestion *question = current_question (self);
  const LoAgreed *agreed = question ? lo_assessment_get_agreed (self->assessment, question->id) : NULL;

  if (agreed == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-agreed", "(sis)", question->id, agreed->value,
                              gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->position + 1 < self->bank->questions->len)
    lo_workshop_view_set_position (self, self->position + 1);
  else
    refresh (self);
}

static void
next_respondent_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (widget);
  guint n = self->toggles->len;

  if (self->blind && self->revealed)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *id = g_object_get_data (g_ptr_array_index (self->toggles, i), "lo-respondent");

      if (g_strcmp0 (id, self->respondent) == 0)
        {
          lo_workshop_view_set_respondent (self,
                                           g_object_get_data (g_ptr_array_index (self->toggles, (i + 1) % n),
                                                              "lo-respondent"));
          return;
        }
    }
}

static gboolean
apply_large_cb (gpointer data)
{
  LoWorkshopView *self = data;

  self->large_id = 0;
  if (self->large)
    gtk_widget_add_css_class (GTK_WIDGET (self), "workshop-large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "workshop-large");
  return G_SOURCE_REMOVE;
}

/* The type grows with the screen: a 1920 × 1080 projector gets larger type
 * than a 1280 × 720 one. The view has a layout manager (no size_allocate of
 * its own), so the size is looked at when it draws, and the style changes
 * after that frame. */
static void
lo_workshop_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (widget);
  gboolean large = gtk_widget_get_height (widget) >= 950 && gtk_widget_get_width (widget) >= 1500;

  GTK_WIDGET_CLASS (lo_workshop_view_parent_class)->snapshot (widget, snapshot);
  if (large != self->large)
    {
      self->large = large;
      if (self->large_id == 0)
        self->large_id = g_idle_add (apply_large_cb, self);
    }
}

static void
lo_workshop_view_dispose (GObject *object)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (object);

  g_clear_handle_id (&self->large_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_WORKSHOP_VIEW);
  G_OBJECT_CLASS (lo_workshop_view_parent_class)->dispose (object);
}

static void
lo_workshop_view_finalize (GObject *object)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (object);

  lo_session_page_hold_parts (NULL, &self->assessment, &self->bank, &self->score);
  g_clear_pointer (&self->respondent, g_free);
  g_clear_pointer (&self->respondents_of, lo_assessment_unref);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);
  G_OBJECT_CLASS (lo_workshop_view_parent_class)->finalize (object);
}

static void
lo_workshop_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_workshop_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      lo_workshop_view_set_blind (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void update (LoSessionPage *page,
                    LoStore       *store,
                    gint64         client,
                    LoAnalysis    *analysis);

static void
lo_workshop_view_class_init (LoWorkshopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_workshop_view_dispose;
  object_class->finalize = lo_workshop_view_finalize;
  widget_class->snapshot = lo_workshop_view_snapshot;
  object_class->get_property = lo_workshop_view_get_property;
  object_class->set_property = lo_workshop_view_set_property;
  LO_SESSION_PAGE_CLASS (klass)->update = update;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-workshop-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, position_label);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, question_label);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, respondents_box);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, respondents_row);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, options_box);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, na_button);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, dont_know_button);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, spread_box);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, spread_title);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, spread_answers);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, progress);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, blind_toggle);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, agree_box);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, agree_label);
  gtk_widget_class_bind_template_child (widget_class, LoWorkshopView, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);

  /* Whether the room votes blind, then agrees. */
  properties[PROP_BLIND] = g_param_spec_boolean ("blind", NULL, NULL, FALSE,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "workshop.answer", "i", answer_action);
  gtk_widget_class_install_action (widget_class, "workshop.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "workshop.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "workshop.next-respondent", NULL, next_respondent_action);
  gtk_widget_class_install_action (widget_class, "workshop.reveal", NULL, reveal_action);

  lo_session_page_class_add_answer_keys (widget_class, "workshop");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "workshop.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "workshop.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "workshop.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "workshop.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "workshop.next-respondent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-workshop", NULL);
}

static void
lo_workshop_view_init (LoWorkshopView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->toggles = g_ptr_array_new ();

  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      g_autofree char *digit = g_strdup_printf ("%u", i + 1);
      GtkWidget *number = gtk_label_new (digit);
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *name = NULL;

      gtk_widget_add_css_class (number, "workshop-level");
      gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), label);
      self->option_counts[i] = gtk_label_new (NULL);
      name = g_strdup_printf ("workshop-count-%u", i + 1);
      gtk_widget_set_name (self->option_counts[i], name);
      gtk_widget_add_css_class (self->option_counts[i], "workshop-count");
      gtk_widget_set_valign (self->option_counts[i], GTK_ALIGN_CENTER);
      gtk_widget_set_visible (self->option_counts[i], FALSE);
      gtk_box_append (GTK_BOX (box), self->option_counts[i]);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "workshop.answer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int) i + 1);
      gtk_widget_add_css_class (button, "workshop-option");
      gtk_widget_set_focusable (button, FALSE);
      gtk_box_append (self->options_box, button);
      self->options[i] = button;
      self->option_labels[i] = label;
    }
  /* The keys answer; focus stays on the view so a clicker's keys always reach it. */
  gtk_widget_set_focusable (self->dont_know_button, FALSE);
  gtk_widget_set_focusable (self->na_button, FALSE);
  gtk_widget_set_focusable (self->blind_toggle, FALSE);
  g_object_bind_property (self, "blind", self->blind_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
update (LoSessionPage *page,
        LoStore       *store,
        gint64         client,
        LoAnalysis    *analysis)
{
  LoWorkshopView *self = LO_WORKSHOP_VIEW (page);
  LoAssessment *assessment = analysis ? lo_analysis_get_assessment (analysis) : NULL;
  LoBank *bank = analysis ? lo_analysis_get_bank (analysis) : NULL;

  g_return_if_fail (LO_IS_WORKSHOP_VIEW (self));

  lo_session_page_hold_parts (analysis, &self->assessment, &self->bank, &self->score);

  if (assessment == NULL || bank == NULL)
    {
      rebuild_respondents (self);
      return;
    }
  if (self->respondent == NULL || lo_assessment_lookup_respondent (assessment, self->respondent) == NULL)
    {
      g_free (self->respondent);
      self->respondent = assessment->respondents->len > 0
        ? g_strdup (((LoRespondent *) g_ptr_array_index (assessment->respondents, 0))->id) : NULL;
    }
  if (self->position >= bank->questions->len)
    self->position = 0;
  refresh (self);
}

const char *
lo_workshop_view_get_respondent (LoWorkshopView *self)
{
  g_return_val_if_fail (LO_IS_WORKSHOP_VIEW (self), NULL);
  return self->respondent;
}

void
lo_workshop_view_set_respondent (LoWorkshopView *self,
                                 const char     *respondent)
{
  g_return_if_fail (LO_IS_WORKSHOP_VIEW (self));

  if (respondent == NULL)
    return;
  g_free (self->respondent);
  self->respondent = g_strdup (respondent);
  refresh (self);
}

guint
lo_workshop_view_get_position (LoWorkshopView *self)
{
  g_return_val_if_fail (LO_IS_WORKSHOP_VIEW (self), 0);
  return self->position;
}

void
lo_workshop_view_set_position (LoWorkshopView *self,
                               guint           position)
{
  g_return_if_fail (LO_IS_WORKSHOP_VIEW (self));

  if (self->bank != NULL && position < self->bank->questions->len)
    self->position = position;
  /* A question agreed before shows its votes and what was agreed. */
  self->revealed = FALSE;
  if (self->blind && current_question (self) != NULL && self->assessment != NULL)
    self->revealed = lo_assessment_get_agreed (self->assessment, current_question (self)->id) != NULL;
  load_note (self);
  refresh (self);
}

gboolean
lo_workshop_view_get_blind (LoWorkshopView *self)
{
  g_return_val_if_fail (LO_IS_WORKSHOP_VIEW (self), FALSE);
  return self->blind;
}

void
lo_workshop_view_set_blind (LoWorkshopView *self,
                            gboolean        blind)
{
  g_return_if_fail (LO_IS_WORKSHOP_VIEW (self));

  blind = !!blind;
  if (self->blind == blind)
    return;
  self->blind = blind;
  lo_workshop_view_set_position (self, self->position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLIND]);
}

gboolean
lo_workshop_view_get_revealed (LoWorkshopView *self)
{
  g_return_val_if_fail (LO_IS_WORKSHOP_VIEW (self), FALSE);
  return self->revealed;
}

/* Where the room starts: the first respondent, at the first question not yet
 * agreed (blind mode) or not yet answered by everyone. */
void
lo_workshop_view_start (LoWorkshopView *self)
{
  guint position = 0;

  g_return_if_fail (LO_IS_WORKSHOP_VIEW (self));

  if (self->assessment == NULL || self->bank == NULL)
    return;
  if (self->assessment->respondents->len > 0)
    {
      g_free (self->respondent);
      self->respondent = g_strdup (((LoRespondent *) g_ptr_array_index (self->assessment->respondents, 0))->id);
    }
  for (position = 0; position < self->bank->questions->len; position++)
    {
      const LoQuestion *q = g_ptr_array_index (self->bank->questions, position);
      gboolean open = FALSE;

      if (self->blind)
        open = lo_assessment_get_agreed (self->assessment, q->id) == NULL;
      for (guint i = 0; !self->blind && i < self->assessment->respondents->len; i++)
        {
          int ignored;

          if (!lo_respondent_get_answer (g_ptr_array_index (self->assessment->respondents, i), q->id, &ignored))
            open = TRUE;
        }
      if (open)
        break;
    }
  if (position >= self->bank->questions->len)
    position = 0;
  lo_workshop_view_set_position (self, position);
}
