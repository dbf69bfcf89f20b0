/* lo-process-editor.c: one candidate process, its inputs and live figures
 *
 * The editor keeps its own copy of the process. A typed value is taken when
 * it is whole (typing stopped, Enter, or the focus left the field:
 * lo-edit-delay.h), checked against SPEC §2c in the field's unit by its row
 * and with lo_process_validate() on a candidate copy: an invalid value stays
 * on its row, marked with the reason, and goes nowhere — the figures are then
 * dimmed as those of the last valid inputs; a valid one becomes the
 * editor's process, the deterministic figures (scenarios, tornado,
 * alternative, actuals) are recomputed at once on the main thread — they cost
 * microseconds — and the process is written to the store. Monte Carlo runs in
 * a GTask on a worker thread; a newer edit cancels the stale run, and a run
 * that finishes after a newer one started is dropped, so typing never waits
 * for it. Until the new band arrives the previous one stays on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lo-monte-carlo-task.h"
#include "lo-process-editor-private.h"
#include "lo-rows.h"

static const char * const figure_ids[N_FIGURES] = { "npv", "roi", "payback", "irr", "hours", "fte", "savings" };

/* Below this width the inputs and the charts are stacked, not side by side
 * (two columns of at least 380 px each would not fit). */
#define WIDE_LAYOUT_WIDTH 760

G_DEFINE_FINAL_TYPE (LoProcessEditor, lo_process_editor, ADW_TYPE_BIN)

enum {
  FIGURES_UPDATED,
  MONTE_CARLO_DONE,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void recompute (LoProcessEditor *self);

/* A core message without the process's id ("invoicing: build-cost: high
 * 1e+20 is above the limit of 1000000000000" → "build-cost: high …"): the
 * editor shows one process, but the input may be another row's. */
static const char *
reason (const LoProcess *process,
        const char      *message)
{
  if (process->id != NULL && g_str_has_prefix (message, process->id)
      && g_str_has_prefix (message + strlen (process->id), ": "))
    return message + strlen (process->id) + 2;
  return message;
}

/* Errors */

static void
failure_dismissed_cb (AdwToast        *toast,
                      LoProcessEditor *self)
{
  if (self->failure_toast == toast)
    self->failure_toast = NULL;
}

/* A save or a change that failed reaches the user as a toast of the page
 * that holds the editor (and ::save-failed), never only a log line. */
void
lo_process_editor_show_failure (LoProcessEditor *self,
                                const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_signal_emit (self, signals[SAVE_FAILED], 0, message);
  if (overlay == NULL)
    return;
  /* Typing on while the disk is full fails at every keystroke: one toast,
   * saying the latest, stays until it is dismissed. */
  if (self->failure_toast != NULL)
    {
      adw_toast_set_title (self->failure_toast, escaped);
      return;
    }
  self->failure_toast = adw_toast_new (escaped);
  adw_toast_set_timeout (self->failure_toast, 0);
  adw_toast_set_priority (self->failure_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->failure_toast, "dismissed", G_CALLBACK (failure_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), self->failure_toast);
}

/* Saving */

static void
save_now (LoProcessEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoProcess) process = NULL;

  self->save_pending = FALSE;
  if (self->store == NULL || self->client == 0 || self->process == NULL)
    return;
  /* The store's ::changed echo may replace what we hold: save a reference. */
  process = lo_process_ref (self->process);
  if (!lo_store_put_process (self->store, self->client, process, &error))
    {
      /* Translators: %s is the process's name, then the reason */
      g_autofree char *message = g_strdup_printf (_("“%s” could not be saved: %s"),
                                                  process->name, error->message);

      lo_process_editor_show_failure (self, message);
    }
}

static gboolean
save_idle_cb (gpointer data)
{
  LoProcessEditor *self = data;

  self->save_idle = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock   *clock,
                LoProcessEditor *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);
  g_clear_object (&self->paint_clock);
  if (self->save_idle == 0)
    self->save_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_idle_cb, self, NULL);
}

/* The figures are painted first and the process saved right after that
 * frame: the store's echo reloads the whole window, which must not sit
 * between a keystroke and its figures. */
static void
save (LoProcessEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->save_pending = TRUE;
  if (self->save_idle != 0 || self->paint_handler != 0)
    return;
  if (clock == NULL)
    {
      self->save_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_idle_cb, self, NULL);
      return;
    }
  self->paint_clock = g_object_ref (clock);
  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
flush_save (LoProcessEditor *self)
{
  /* An edit still waiting for typing to stop is applied (when valid) first. */
  if (self->process != NULL)
    lo_process_editor_flush_rows (self);
  g_clear_handle_id (&self->save_idle, g_source_remove);
  /* A clock disposed with its window has dropped its handlers already. */
  if (self->paint_clock != NULL && self->paint_handler != 0
      && g_signal_handler_is_connected (self->paint_clock, self->paint_handler))
    g_signal_handler_disconnect (self->paint_clock, self->paint_handler);
  self->paint_handler = 0;
  g_clear_object (&self->paint_clock);
  if (self->save_pending)
    save_now (self);
}

/* Takes @candidate when it is valid; otherwise returns the reason. */
char *
lo_process_editor_accept (LoProcessEditor *self,
                          LoProcess       *candidate)
{
  g_autoptr(GError) error = NULL;

  if (!lo_process_validate (candidate, &error))
    return g_strdup (reason (candidate, error->message));
  lo_process_unref (self->process);
  self->process = lo_process_ref (candidate);
  recompute (self);
  save (self);
  return NULL;
}

/* Figures and charts */

void
lo_process_editor_update_stale (LoProcessEditor *self)
{
  gboolean stale = self->process != NULL && lo_process_editor_rows_invalid (self);

  if (stale == gtk_widget_get_visible (GTK_WIDGET (self->stale_label)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->stale_label), stale);
  if (stale)
    gtk_widget_add_css_class (GTK_WIDGET (self->figures_box), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->figures_box), "dim-label");
  for (guint i = 0; i < N_CHARTS; i++)
    if (stale)
      gtk_widget_add_css_class (GTK_WIDGET (self->charts[i]), "dim-label");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->charts[i]), "dim-label");
}

static void
show_figures (LoProcessEditor *self)
{
  const LoRoiFigures *e = &self->roi->expected;
  const LoFormatter *f = lo_formatter_lookup (NULL);
  const char *cur = self->settings.currency;

  lo_figure_card_take_value (self->figures[0], lo_formatter_money (f, e->npv, cur, 0));
  lo_figure_card_take_value (self->figures[1], lo_formatter_percent (f, e->roi_percent / 100, 0));
  lo_figure_card_take_value (self->figures[2], lo_formatter_months (f, e->payback_months));
  lo_figure_card_take_value (self->figures[3], lo_formatter_percent (f, e->irr, 1));
  lo_figure_card_take_value (self->figures[4], lo_formatter_number (f, e->hours_saved_week, 1));
  lo_figure_card_take_value (self->figures[5], lo_formatter_number (f, e->fte, 2));
  lo_figure_card_take_value (self->figures[6], lo_formatter_money (f, e->annual_savings, cur, 0));
}

/* Hands the current figures to the charts: each states its caption (render's
 * chart table) and redraws. The Monte Carlo chart only when its band changed. */
static void
show_charts (LoProcessEditor *self,
             gboolean         montecarlo)
{
  LoChartData data;

  lo_chart_data_init (&data);
  data.roi = self->roi;
  for (guint i = 0; i < N_CHARTS; i++)
    {
      lo_chart_view_set_currency (self->charts[i], self->settings.currency);
      if (i == CHART_ACTUALS && self->process->actuals->len == 0)
        continue;
      if (i != CHART_MONTECARLO || montecarlo)
        lo_chart_view_set_data (self->charts[i], &data);
    }
}

static void
update_montecarlo_label (LoProcessEditor *self)
{
  const char *text;

  if (self->roi != NULL && !self->roi->has_monte_carlo && self->mc_running)
    text = _("Simulating…");
  else
    text = lo_chart_view_get_caption (self->charts[CHART_MONTECARLO]);
  if (g_strcmp0 (gtk_label_get_text (self->montecarlo_label), text) != 0)
    gtk_label_set_text (self->montecarlo_label, text);
}

static void
monte_carlo_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LoProcessEditor *self = LO_PROCESS_EDITOR (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  LoMonteCarlo *mc;

  mc = lo_monte_carlo_run_finish (result, &error);
  /* A run that finishes after a newer one started is dropped. */
  if (error != NULL || generation != self->mc_generation || self->roi == NULL)
    {
      lo_monte_carlo_free (mc);
      return;
    }
  self->mc_running = FALSE;
  if (self->roi->has_monte_carlo)
    lo_monte_carlo_clear (&self->roi->monte_carlo);
  self->roi->has_monte_carlo = mc != NULL;
  if (mc != NULL)
    {
      self->roi->monte_carlo = *mc;
      g_free (mc);
    }
  {
    LoChartData data;

    lo_chart_data_init (&data);
    data.roi = self->roi;
    lo_chart_view_set_data (self->charts[CHART_SCENARIOS], &data);
    lo_chart_view_set_data (self->charts[CHART_MONTECARLO], &data);
  }
  update_montecarlo_label (self);
  g_signal_emit (self, signals[MONTE_CARLO_DONE], 0);
}

static void
start_monte_carlo (LoProcessEditor *self)
{
  if (self->mc_cancellable != NULL)
    g_cancellable_cancel (self->mc_cancellable);
  g_clear_object (&self->mc_cancellable);
  self->mc_generation++;
  self->mc_running = self->draws > 0;
  if (self->draws == 0)
    return;
  self->mc_cancellable = g_cancellable_new ();
  lo_monte_carlo_run_async (self, self->process, &self->settings, self->draws, self->mc_cancellable,
                            monte_carlo_done_cb, GUINT_TO_POINTER (self->mc_generation));
}

static void
recompute (LoProcessEditor *self)
{
  g_autoptr(GError) error = NULL;
  LoProcessRoi *roi;
  gboolean had_band = self->roi != NULL && self->roi->has_monte_carlo;
  gboolean fresh = self->roi == NULL;

  /* A process stored before a limit existed opens with its figures
   * withheld until the marked input is corrected (SPEC §2c). */
  if (!lo_process_validate (self->process, NULL))
    {
      for (guint i = 0; i < N_FIGURES; i++)
        lo_figure_card_set_value (self->figures[i], "—");
      g_signal_emit (self, signals[FIGURES_UPDATED], 0);
      return;
    }
  /* Expected figures, scenarios and tornado only: the draws run in a thread. */
  roi = lo_process_roi_compute (self->process, &self->settings, 0, 0, NULL, &error);
  if (roi == NULL)
    {
      lo_process_editor_show_failure (self, error->message);
      return;
    }
  /* Keep the last band on screen until the new one is in, when it still fits. */
  if (self->roi != NULL && self->roi->has_monte_carlo
      && self->roi->expected.horizon == roi->expected.horizon)
    {
      lo_monte_carlo_copy (&self->roi->monte_carlo, roi->expected.horizon, &roi->monte_carlo);
      roi->has_monte_carlo = TRUE;
    }
  g_clear_pointer (&self->roi, lo_process_roi_unref);
  self->roi = roi;

  show_figures (self);
  if (gtk_widget_get_visible (self->actuals_card) != (self->process->actuals->len > 0))
    gtk_widget_set_visible (self->actuals_card, self->process->actuals->len > 0);
  lo_process_editor_describe_actuals (self);
  start_monte_carlo (self);
  /* The band drawn stays until the new one is in (the Monte Carlo chart is
   * fed when it arrives), unless there is none to wait for. */
  show_charts (self, fresh || !self->mc_running || had_band != self->roi->has_monte_carlo);
  update_montecarlo_label (self);
  g_signal_emit (self, signals[FIGURES_UPDATED], 0);
}

static GtkWidget *
add_chart_card (LoProcessEditor *self,
                const char      *title,
                guint            which,
                const char      *chart,
                int              height)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (self->charts_box), label);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  self->charts[which] = LO_CHART_VIEW (lo_chart_view_new (chart));
  lo_chart_view_set_content_height (self->charts[which], height);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->charts[which]));
  gtk_box_append (GTK_BOX (self->charts_box), card);
  /* The heading goes with the card. */
  g_object_bind_property (card, "visible", label, "visible", G_BINDING_SYNC_CREATE);
  return card;
}

static void
build_figures (LoProcessEditor *self)
{
  const char *captions[] = {
    N_("Net present value"), N_("Return on investment"), N_("Payback"), N_("Internal rate of return"),
    N_("Hours saved per week"), N_("Full-time equivalents"), N_("Annual savings"),
  };

  for (guint i = 0; i < N_FIGURES; i++)
    self->figures[i] = lo_figure_card_append_to (self->figures_box, figure_ids[i], _(captions[i]));
}

static void
build_charts (LoProcessEditor *self)
{
  GtkWidget *label;

  add_chart_card (self, _("Cumulative Cash Flow"), CHART_CASHFLOW, "cashflow", 240);
  add_chart_card (self, _("Scenarios"), CHART_SCENARIOS, "scenarios", 220);
  add_chart_card (self, _("Monte Carlo"), CHART_MONTECARLO, "montecarlo", 180);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->charts_box, label);
  self->montecarlo_label = GTK_LABEL (label);
  add_chart_card (self, _("Sensitivity"), CHART_TORNADO, "tornado", 340);
  self->actuals_card = add_chart_card (self, _("Projected Against Actual"), CHART_ACTUALS, "actuals", 220);
}

/* Layout: two columns when wide, one scrolled column when narrow. The
 * orientation changes in an idle, never during an allocation; the editor's
 * minimum width is the narrow one in both layouts, so that the change cannot
 * feed back into the width it is given. */

/* A scrolled window that cannot scroll still takes the mouse wheel's events
 * in GTK 4.8: in one column the inner ones would swallow the wheel that the
 * outer one should get, so their scroll controllers only listen when wide. */
static void
set_wheel_taken (GtkScrolledWindow *scrolled,
                 gboolean           taken)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (scrolled));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, taken ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
    }
}

static void
set_wide (LoProcessEditor *self,
          gboolean         wide)
{
  GtkPolicyType inner = wide ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_homogeneous (self->columns, wide);
  gtk_scrolled_window_set_policy (self->inputs_scroll, GTK_POLICY_NEVER, inner);
  gtk_scrolled_window_set_policy (self->charts_scroll, GTK_POLICY_NEVER, inner);
  set_wheel_taken (self->inputs_scroll, wide);
  set_wheel_taken (self->charts_scroll, wide);
}

static gboolean
is_wide (LoProcessEditor *self)
{
  return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->columns)) == GTK_ORIENTATION_HORIZONTAL;
}

static gboolean
layout_idle_cb (gpointer data)
{
  LoProcessEditor *self = data;
  gboolean wide = gtk_widget_get_width (GTK_WIDGET (self)) >= WIDE_LAYOUT_WIDTH;

  self->layout_idle = 0;
  if (wide != is_wide (self))
    set_wide (self, wide);
  return G_SOURCE_REMOVE;
}

static void
lo_process_editor_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LoProcessEditor *self = LO_PROCESS_EDITOR (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && is_wide (self))
    {
      int inputs_min, charts_min;

      gtk_widget_measure (GTK_WIDGET (self->inputs_scroll), orientation, -1, &inputs_min, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->charts_scroll), orientation, -1, &charts_min, NULL, NULL, NULL);
      *minimum = MIN (*minimum, MAX (inputs_min, charts_min));
    }
}

static void
lo_process_editor_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LoProcessEditor *self = LO_PROCESS_EDITOR (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));
  gboolean wide = width >= WIDE_LAYOUT_WIDTH;
  int child_min = 0;

  if (wide != is_wide (self) && self->layout_idle == 0)
    self->layout_idle = g_idle_add (layout_idle_cb, self);
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  /* Until the idle switches to one column, the two may be wider than this:
   * they are clipped for that frame. */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
  gtk_widget_allocate (child, MAX (width, child_min), height, baseline, NULL);
}

/* GObject */

static void
lo_process_editor_dispose (GObject *object)
{
  LoProcessEditor *self = LO_PROCESS_EDITOR (object);

  flush_save (self);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->mc_cancellable != NULL)
    g_cancellable_cancel (self->mc_cancellable);
  g_clear_object (&self->mc_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_PROCESS_EDITOR);
  G_OBJECT_CLASS (lo_process_editor_parent_class)->dispose (object);
}

static void
lo_process_editor_finalize (GObject *object)
{
  LoProcessEditor *self = LO_PROCESS_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->process, lo_process_unref);
  g_clear_pointer (&self->roi, lo_process_roi_unref);
  g_clear_pointer (&self->actual_rows, g_ptr_array_unref);
  lo_settings_clear (&self->settings);
  G_OBJECT_CLASS (lo_process_editor_parent_class)->finalize (object);
}

static void
lo_process_editor_class_init (LoProcessEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_process_editor_dispose;
  object_class->finalize = lo_process_editor_finalize;
  widget_class->measure = lo_process_editor_measure;
  widget_class->size_allocate = lo_process_editor_size_allocate;

  signals[FIGURES_UPDATED] = g_signal_new ("figures-updated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MONTE_CARLO_DONE] = g_signal_new ("monte-carlo-done", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-process-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, inputs_group);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, readiness_group);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, alt_group);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, alt_switch);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, actuals_group);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, charts_box);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, figures_box);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, stale_label);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, columns);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, inputs_scroll);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, charts_scroll);
  gtk_widget_class_bind_template_callback_full (widget_class, "add_actual_cb",
                                                G_CALLBACK (lo_process_editor_add_actual_cb));
}

static void
lo_process_editor_init (LoProcessEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* AdwBin lays its child out with a GtkBinLayout: the editor does it itself. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  lo_settings_init_defaults (&self->settings);
  self->draws = LO_MONTE_CARLO_DEFAULT_DRAWS;
  self->actual_rows = g_ptr_array_new ();

  lo_process_editor_build_rows (self);
  build_figures (self);
  build_charts (self);
}

/* Public API */

GtkWidget *
lo_process_editor_new (void)
{
  return g_object_new (LO_TYPE_PROCESS_EDITOR, NULL);
}

static gboolean
settings_equal (const LoSettings *a,
                const LoSettings *b)
{
  return a->horizon_months == b->horizon_months && a->discount_rate == b->discount_rate
         && a->hours_per_week == b->hours_per_week && a->realisation_rate == b->realisation_rate
         && g_strcmp0 (a->currency, b->currency) == 0;
}

void
lo_process_editor_set_process (LoProcessEditor  *self,
                               LoStore          *store,
                               gint64            client,
                               const LoSettings *settings,
                               const LoProcess  *process)
{
  gboolean same, settings_changed;

  g_return_if_fail (LO_IS_PROCESS_EDITOR (self));

  g_set_object (&self->store, store);
  same = process == NULL
         || (self->process != NULL && self->client == client
             && g_strcmp0 (self->process->id, process->id) == 0);
  self->client = client;
  settings_changed = settings != &self->settings && !settings_equal (settings, &self->settings);
  if (settings != &self->settings)
    {
      lo_settings_clear (&self->settings);
      lo_settings_copy (settings, &self->settings);
    }

  if (!same)
    {
      flush_save (self);
      g_clear_pointer (&self->process, lo_process_unref);
      self->process = lo_process_copy (process);
    }
  else if (!settings_changed && process != NULL)
    return;
  if (self->process == NULL)
    return;

  if (!same)
    g_clear_pointer (&self->roi, lo_process_roi_unref);
  lo_process_editor_show_rows (self);

  recompute (self);
}

void
lo_process_editor_flush (LoProcessEditor *self)
{
  g_return_if_fail (LO_IS_PROCESS_EDITOR (self));
  flush_save (self);
}

LoProcess *
lo_process_editor_get_process (LoProcessEditor *self)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), NULL);
  return self->process;
}

LoProcessRoi *
lo_process_editor_get_roi (LoProcessEditor *self)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), NULL);
  return self->roi;
}

void
lo_process_editor_set_draws (LoProcessEditor *self,
                             guint            draws)
{
  g_return_if_fail (LO_IS_PROCESS_EDITOR (self));
  self->draws = draws;
}

const char *
lo_process_editor_get_problem (LoProcessEditor *self,
                               LoInputId        input)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), NULL);
  g_return_val_if_fail (input < LO_N_INPUTS, NULL);
  return lo_input_row_get_problem (self->inputs[input]);
}

gboolean
lo_process_editor_get_stale (LoProcessEditor *self)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->stale_label));
}

gboolean
lo_process_editor_monte_carlo_running (LoProcessEditor *self)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), FALSE);
  return self->mc_running;
}

GtkEditable *
lo_process_editor_get_entry (LoProcessEditor *self,
                             LoInputId        input,
                             LoInputField     field)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), NULL);
  g_return_val_if_fail (input < LO_N_INPUTS && field <= LO_FIELD_HIGH, NULL);
  return lo_input_row_get_entry (self->inputs[input], field);
}

const char *
lo_process_editor_get_figure (LoProcessEditor *self,
                              const char      *figure)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIGURES; i++)
    if (g_strcmp0 (figure, figure_ids[i]) == 0)
      return lo_figure_card_get_value (self->figures[i]);
  return NULL;
}
