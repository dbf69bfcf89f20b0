/* lo-results-page.c: the level, the charts, targets and the comparison
 *
 * Every figure here comes from the session's analysis (its score and the
 * previous one); the page only words it. Targets are the one thing changed here: a spin button writes the
 * store, and the store's echo brings the new score back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-session-page.h"
#include "lo-rows.h"
#include "lo-results-page.h"
#include "lo-commentary-editor.h"
#include "lo-chart-view.h"
#include "lo-dialogs.h"

struct _LoResultsPage
{
  LoSessionPage parent_instance;

  LoStore   *store;
  gint64     client;
  LoScore   *score;
  LoCommentaryEditor *commentary; /* the consultant's words, after the comparison */
  char      *targets_for;    /* bank id the target rows were built for */
  GPtrArray *target_spins;   /* GtkSpinButton*, bank order of dimensions */
  GPtrArray *target_rows;
  GPtrArray *contested_rows;
  GPtrArray *comparison_rows;
  gboolean   updating;
  guint      top_id;

  GtkLabel             *level_title;
  GtkLabel             *level_description;
  GtkLabel             *score_label;
  GtkLabel             *incomplete_label;
  GtkWidget            *weakest_box;
  GtkLabel             *weakest_label;
  AdwPreferencesGroup  *targets_group;
  AdwPreferencesGroup  *contested_group;
  GtkWidget            *comparison_box;
  GtkLabel             *comparison_title;
  AdwPreferencesGroup  *comparison_group;
  LoChartView          *radar;
  LoChartView          *bars;
  LoChartView          *heatmap;
  LoChartView          *comparison;
};

G_DEFINE_FINAL_TYPE (LoResultsPage, lo_results_page, LO_TYPE_SESSION_PAGE)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Row titles and subtitles are Pango markup in libadwaita 1.2. */
static void
set_row_text (GtkWidget  *row,
              const char *title,
              const char *subtitle)
{
  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
    }
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
}

static const char *
text (LoResultsPage *self,
      const char    *msgid)
{
  return lo_bank_text (self->score->bank, msgid);
}

static void
target_changed_cb (GtkSpinButton *spin,
                   LoResultsPage *self)
{
  const LoDimension *dimension = g_object_get_data (G_OBJECT (spin), "lo-dimension");
  g_autoptr(GError) error = NULL;

  if (self->updating || self->store == NULL || self->score == NULL)
    return;
  if (!lo_store_set_target (self->store, self->client, self->score->assessment->id,
                            dimension->id, gtk_spin_button_get_value_as_int (spin), &error))
    {
      g_prefix_error (&error, _("Could not set the target: "));
      lo_show_error (GTK_WIDGET (self), error);
    }
}

static void
build_target_rows (LoResultsPage *self)
{
  const LoBank *bank = self->score->bank;

  clear_rows (self->targets_group, self->target_rows);
  g_ptr_array_set_size (self->target_spins, 0);
  for (guint i = 0; i < bank->dimensions->len; i++)
    {
      const LoDimension *dimension = g_ptr_array_index (bank->dimensions, i);
      GtkWidget *row = lo_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (LO_LEVEL_MIN, LO_LEVEL_MAX, 1);

      set_row_text (row, text (self, dimension->name), NULL);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text (self, dimension->name), -1);
      g_object_set_data (G_OBJECT (spin), "lo-dimension", (gpointer) dimension);
      g_signal_connect (spin, "value-changed", G_CALLBACK (target_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->targets_group, row);
      g_ptr_array_add (self->target_rows, row);
      g_ptr_array_add (self->target_spins, spin);
    }
  g_free (self->targets_for);
  self->targets_for = g_strdup (bank->id);
}

static void
update_targets (LoResultsPage *self)
{
  if (g_strcmp0 (self->targets_for, self->score->bank->id) != 0
      || self->target_spins->len != self->score->n_dimensions)
    build_target_rows (self);

  self->updating = TRUE;
  for (guint i = 0; i < self->score->n_dimensions; i++)
    {
      const LoDimensionScore *d = &self->score->dimensions[i];
      GtkWidget *spin = g_ptr_array_index (self->target_spins, i);
      GtkWidget *row = g_ptr_array_index (self->target_rows, i);
      g_autofree char *subtitle = NULL;

      if (d->has_score)
        {
          g_autofree char *value = lo_format_number (d->score, 1);

          /* Translators: a dimension's score and level, e.g. "Score 2.4, level 2" */
          subtitle = g_strdup_printf (_("Score %s, level %d"), value, d->level);
        }
      else
        subtitle = g_strdup (_("No answers yet"));
      set_row_text (row, NULL, subtitle);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), d->target > 0 ? d->target : LO_LEVEL_MIN);
      gtk_widget_set_sensitive (spin, d->has_score || d->target_set);
    }
  self->updating = FALSE;
}

static void
update_level (LoResultsPage *self)
{
  const LoScore *score = self->score;
  guint answered = 0;
  g_autofree char *title = NULL;
  g_autofree char *figures = NULL;

  for (guint i = 0; i < score->n_dimensions; i++)
    answered += score->dimensions[i].answered;

  if (score->complete)
    {
      const LoLevelDef *level = &score->bank->levels[score->overall_level - 1];
      g_autofree char *overall = lo_format_number (score->overall_score, 1);

      /* Translators: the overall level, e.g. "Level 2 · Experimenting" */
      title = g_strdup_printf (_("Level %d · %s"), score->overall_level, text (self, level->name));
      gtk_label_set_text (self->level_description, text (self, level->description));
      /* Translators: the overall score and how many questions have answers */
      figures = g_strdup_printf (_("Overall score %s of 5 · %u of %u questions answered"),
                                 overall, answered, score->n_questions);
    }
  else
    {
      title = g_strdup (_("Not Complete Yet"));
      gtk_label_set_text (self->level_description,
                          _("The level is the lowest of the five dimensions, so every dimension needs answers first."));
      figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u question answered",
                                              "%u of %u questions answered", score->n_questions),
                                 answered, score->n_questions);
    }
  gtk_label_set_text (self->level_title, title);
  gtk_label_set_text (self->score_label, figures);

  gtk_widget_set_visible (GTK_WIDGET (self->incomplete_label), !score->complete);
  if (!score->complete)
    {
      GString *names = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < score->missing->len; i++)
        {
          const LoDimension *d = g_ptr_array_index (score->missing, i);

          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, text (self, d->name));
        }
      /* Translators: %s lists the dimensions without answers */
      message = g_strdup_printf (_("These dimensions have no answers yet: %s."), names->str);
      gtk_label_set_text (self->incomplete_label, message);
      g_string_free (names, TRUE);
    }
}

static void
update_weakest (LoResultsPage *self)
{
  const LoScore *score = self->score;
  const LoDimensionScore *weakest;
  const LoQuestionScore *lowest = NULL;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_visible (self->weakest_box, score->complete && score->weakest >= 0);
  if (!score->complete || score->weakest < 0)
    return;

  weakest = &score->dimensions[score->weakest];
  for (guint i = 0; i < weakest->dimension->questions->len; i++)
    {
      const LoQuestion *q = g_ptr_array_index (weakest->dimension->questions, i);
      const LoQuestionScore *qs = &score->questions[q->index];

      if (qs->state == LO_QUESTION_ANSWERED && (lowest == NULL || qs->combined < lowest->combined))
        lowest = qs;
    }
  value = lo_format_number (weakest->score, 1);
  if (lowest != NULL)
    {
      g_autofree char *low = lo_format_number (lowest->combined, 1);

      /* Translators: why the weakest dimension holds the level */
      message = g_strdup_printf (_("%s holds the company at level %d: at %s it is the lowest-scoring "
                                   "dimension at that level, and a company is only as mature as its "
                                   "weakest dimension. Its lowest answer: “%s” (%s)."),
                                 text (self, weakest->dimension->name), score->overall_level, value,
                                 text (self, lowest->question->text), low);
    }
  else
    message = g_strdup_printf (_("%s holds the company at level %d."),
                               text (self, weakest->dimension->name), score->overall_level);
  gtk_label_set_text (self->weakest_label, message);
}

static void
update_contested (LoResultsPage *self)
{
  const LoScore *score = self->score;

  clear_rows (self->contested_group, self->contested_rows);
  for (guint i = 0; i < score->n_questions; i++)
    {
      const LoQuestionScore *q = &score->questions[i];
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (!q->contested)
        continue;
      row = lo_action_row_new ();
      set_row_text (row, text (self, q->question->text), NULL);
      /* Translators: the range of a contested question's answers */
      subtitle = g_strdup_printf (_("Answers from level %d to level %d, %d levels apart"),
                                  q->min, q->max, q->spread);
      set_row_text (row, NULL, subtitle);
      adw_preferences_group_add (self->contested_group, row);
      g_ptr_array_add (self->contested_rows, row);
    }
  if (self->contested_rows->len == 0)
    {
      GtkWidget *row = lo_action_row_new ();

      set_row_text (row, score->assessment->respondents->len > 1
                    ? _("The respondents broadly agree on every question")
                    : _("With one respondent nothing can be contested"), NULL);
      adw_preferences_group_add (self->contested_group, row);
      g_ptr_array_add (self->contested_rows, row);
    }
}

static void
update_comparison (LoResultsPage *self,
                   LoEngagement  *engagement,
                   LoScore       *previous)
{
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  clear_rows (self->comparison_group, self->comparison_rows);
  gtk_widget_set_visible (self->comparison_box, previous != NULL);
  if (previous == NULL)
    return;

  date = lo_format_date (previous->assessment->date);
  /* Translators: %s is the date of the earlier assessment */
  title = g_strdup_printf (_("Compared with %s"), date ? date : previous->assessment->date);
  gtk_label_set_text (self->comparison_title, title);

  for (guint i = 0; i < self->score->n_dimensions; i++)
    {
      const LoDimensionScore *now = &self->score->dimensions[i];
      const LoDimensionScore *before = lo_score_lookup_dimension (previous, now->dimension->id);
      GtkWidget *row = lo_action_row_new ();
      GtkWidget *change;
      g_autofree char *was = NULL, *is = NULL, *figures = NULL;

      was = before && before->has_score ? lo_format_number (before->score, 1) : g_strdup ("—");
      is = now->has_score ? lo_format_number (now->score, 1) : g_strdup ("—");
      set_row_text (row, text (self, now->dimension->name), NULL);
      /* Translators: a dimension's score before → now */
      figures = g_strdup_printf (_("%s → %s"), was, is);
      change = gtk_label_new (figures);
      gtk_widget_add_css_class (change, "numeric");
      if (before && before->has_score && now->has_score)
        gtk_widget_add_css_class (change, now->score > before->score + 1e-9 ? "success"
                                  : now->score < before->score - 1e-9 ? "error" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
      adw_preferences_group_add (self->comparison_group, row);
      g_ptr_array_add (self->comparison_rows, row);
    }
}

static void
lo_results_page_dispose (GObject *object)
{
  LoResultsPage *self = LO_RESULTS_PAGE (object);

  g_clear_handle_id (&self->top_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_RESULTS_PAGE);
  G_OBJECT_CLASS (lo_results_page_parent_class)->dispose (object);
}

static void
lo_results_page_finalize (GObject *object)
{
  LoResultsPage *self = LO_RESULTS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->score, lo_score_unref);
  g_clear_pointer (&self->targets_for, g_free);
  g_clear_pointer (&self->target_spins, g_ptr_array_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  g_clear_pointer (&self->contested_rows, g_ptr_array_unref);
  g_clear_pointer (&self->comparison_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (lo_results_page_parent_class)->finalize (object);
}

static void update (LoSessionPage *page,
                    LoStore       *store,
                    gint64         client,
                    LoAnalysis    *analysis);

static void
lo_results_page_class_init (LoResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_results_page_dispose;
  object_class->finalize = lo_results_page_finalize;
  LO_SESSION_PAGE_CLASS (klass)->update = update;

  g_type_ensure (LO_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, level_title);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, level_description);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, incomplete_label);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, weakest_box);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, weakest_label);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, targets_group);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, contested_group);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, comparison_title);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, comparison_group);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, radar);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, bars);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, LoResultsPage, comparison);
}

static void
lo_results_page_init (LoResultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->target_spins = g_ptr_array_new ();
  self->target_rows = g_ptr_array_new ();
  self->contested_rows = g_ptr_array_new ();
  self->comparison_rows = g_ptr_array_new ();
  self->commentary = LO_COMMENTARY_EDITOR (lo_commentary_editor_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->commentary), 12);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->comparison_box))),
                  GTK_WIDGET (self->commentary));
}

/* The page's child is its scrolled window (not a template child: the page
 * owns it as its child). */
static void
scroll_to_top (LoResultsPage *self)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (self));

  if (GTK_IS_SCROLLED_WINDOW (scroller))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
}

static gboolean
scroll_to_top_cb (gpointer data)
{
  LoResultsPage *self = data;

  self->top_id = 0;
  scroll_to_top (self);
  return G_SOURCE_REMOVE;
}

static void
update (LoSessionPage *page,
        LoStore       *store,
        gint64         client,
        LoAnalysis    *analysis)
{
  LoResultsPage *self = LO_RESULTS_PAGE (page);
  LoEngagement *engagement = analysis ? lo_analysis_get_engagement (analysis) : NULL;
  LoScore *score = analysis ? lo_analysis_get_score (analysis) : NULL;
  LoScore *previous = analysis ? lo_analysis_get_previous_score (analysis) : NULL;

  g_return_if_fail (LO_IS_RESULTS_PAGE (self));

  g_set_object (&self->store, store);
  /* Another client's results start at the top, also after the rows built
   * for it have been laid out (and focus has not pulled the view down). */
  if (client != self->client)
    {
      scroll_to_top (self);
      if (self->top_id == 0)
        self->top_id = g_idle_add_full (G_PRIORITY_LOW, scroll_to_top_cb, self, NULL);
    }
  self->client = client;
  if (score != NULL)
    lo_score_ref (score);
  g_clear_pointer (&self->score, lo_score_unref);
  self->score = score;

  {
    LoChartData data;

    lo_chart_data_init (&data);
    data.score = score;
    lo_chart_view_set_data (self->radar, &data);
    lo_chart_view_set_data (self->bars, &data);
    lo_chart_view_set_data (self->heatmap, &data);
    data.previous = previous;
    lo_chart_view_set_data (self->comparison, &data);
  }
  lo_commentary_editor_update (self->commentary, store, client, engagement,
                               score != NULL ? score->bank : NULL);
  if (score == NULL)
    return;

  update_level (self);
  update_weakest (self);
  update_targets (self);
  update_contested (self);
  update_comparison (self, engagement, previous);
}
