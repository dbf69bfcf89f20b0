/* lo-roadmap-page.c: the steps from today's level to lights-out
 *
 * The timeline chart, the build order of the processes (which the user may
 * override by dragging or with Alt+Up/Down), and under them each step's
 * actions by dimension and its processes. The order is saved as the order of
 * the client's processes in the store together with the engagement's
 * custom_order flag, which makes it replace the suggested sequence; the
 * analysis (LoAnalysis: portfolio and roadmap) then follows it here, in the
 * export, the print path, the CLI and the .lightsout file alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "lo-chart-view.h"
#include "lo-figure-card.h"
#include "lo-session-page.h"
#include "lo-rows.h"
#include "lo-roadmap-page.h"
#include "lo-process-editor.h"
#include "lo-dialogs.h"

struct _LoRoadmapPage
{
  LoSessionPage parent_instance;

  LoStore      *store;
  gint64        client;
  LoAnalysis   *analysis;
  LoEngagement *engagement;   /* borrowed from analysis, as the three below */
  LoPortfolio  *portfolio;
  LoRoadmap    *roadmap;
  LoScore      *score;
  GPtrArray    *order;        /* char* process ids shown, owned */
  GPtrArray    *step_groups;  /* GtkWidget* */
  LoChartView  *timeline;
  gboolean      dirty;        /* new data while not shown */

  /* The programme (SPEC §2b): its figures, charts and the controls that
   * change it, built once per set of steps and processes (programme_key)
   * and updated in place, so that a spin button keeps its focus while the
   * analysis follows each change. */
  LoProgramme  *programme;    /* borrowed from analysis */
  char         *programme_key;
  GPtrArray    *figure_cards; /* LoFigureCard* */
  GtkLabel     *realisation_label;
  LoChartView  *schedule_chart;
  LoChartView  *cash_flow_chart;
  GtkSpinButton *lanes_spin;
  GtkWidget    *schedule_group;
  GtkWidget    *include_group;
  GPtrArray    *step_rows;    /* AdwActionRow*, data "spin", "reset", "level" */
  GPtrArray    *include_rows; /* AdwActionRow*, data "drop", "process" */

  GtkStack            *stack;

  /* template */
  AdwStatusPage       *status_page;
  GtkLabel            *title_label;
  GtkLabel            *summary_label;
  GtkBox              *timeline_card;
  GtkBox              *programme_box;
  AdwPreferencesGroup *order_group;
  GtkButton           *reset_button;
  GtkListBox          *order_list;
  GtkBox              *steps_box;
};

G_DEFINE_FINAL_TYPE (LoRoadmapPage, lo_roadmap_page, LO_TYPE_SESSION_PAGE)

/* Reordering */

gboolean
lo_roadmap_page_move (LoRoadmapPage *self,
                      guint          from,
                      guint          to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  gpointer moved;

  g_return_val_if_fail (LO_IS_ROADMAP_PAGE (self), FALSE);

  if (self->store == NULL || from >= self->order->len || to >= self->order->len || from == to)
    return FALSE;
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->order->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (self->order, i)));
  moved = g_ptr_array_steal_index (ids, from);
  g_ptr_array_insert (ids, to, moved);
  g_ptr_array_add (ids, NULL);

  if (!lo_store_set_build_order (self->store, self->client, (const char * const *) ids->pdata,
                                 TRUE, &error))
    {
      g_prefix_error (&error, _("Could not save the build order: "));
      lo_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static void
reset_order_cb (GtkButton     *button,
                LoRoadmapPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (self->portfolio == NULL || self->store == NULL)
    return;
  /* The suggested sequence becomes the processes' order as well, so that
   * the processes page lists them the way they will be built. */
  suggested = lo_portfolio_suggested_sequence (self->portfolio);
  for (guint i = 0; i < suggested->len; i++)
    g_ptr_array_add (ids, ((LoProcessRoi *) g_ptr_array_index (suggested, i))->process->id);
  g_ptr_array_add (ids, NULL);
  if (!lo_store_set_build_order (self->store, self->client, (const char * const *) ids->pdata,
                                 FALSE, &error))
    {
      g_prefix_error (&error, _("Could not save the build order: "));
      lo_show_error (GTK_WIDGET (self), error);
    }
}

static gboolean
move_shortcut_cb (GtkWidget *row,
                  GVariant  *args,
                  gpointer   user_data)
{
  LoRoadmapPage *self = LO_ROADMAP_PAGE (gtk_widget_get_ancestor (row, LO_TYPE_ROADMAP_PAGE));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int to = index + g_variant_get_int32 (args);

  if (self == NULL || to < 0 || to >= (int) self->order->len)
    return TRUE;
  if (lo_roadmap_page_move (self, index, to))
    {
      /* The list is rebuilt by the reload: keep the focus on the moved process. */
      GtkListBoxRow *moved = gtk_list_box_get_row_at_index (self->order_list, to);

      if (moved != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (moved));
    }
  return TRUE;
}

static void
move_button_cb (GtkButton *button,
                gpointer   user_data)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(GVariant) args = g_variant_ref_sink (g_variant_new_int32 (GPOINTER_TO_INT (user_data)));

  move_shortcut_cb (row, args, NULL);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_TYPE_INT, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  LoRoadmapPage *self = LO_ROADMAP_PAGE (gtk_widget_get_ancestor (row, LO_TYPE_ROADMAP_PAGE));

  if (self == NULL || !G_VALUE_HOLDS_INT (value))
    return FALSE;
  return lo_roadmap_page_move (self, g_value_get_int (value),
                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static GtkWidget *
order_row (LoRoadmapPage      *self,
           const LoProcessRoi *roi,
           guint               position)
{
  GtkWidget *row = lo_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *number, *up, *down;
  g_autofree char *title = g_markup_escape_text (roi->process->name, -1);
  g_autofree char *readiness = lo_format_number (roi->readiness, 1);
  g_autofree char *npv = lo_format_money (roi->expected.npv, self->portfolio->settings.currency, 0);
  g_autofree char *subtitle = NULL;
  g_autofree char *pos = g_strdup_printf ("%u", position + 1);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT, GDK_ACTION_MOVE);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Translators: a process in the build order: readiness and NPV */
  subtitle = g_strdup_printf (_("Readiness %s · NPV %s"), readiness, npv);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, roi->process->id);
  gtk_widget_set_focusable (row, TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
  number = gtk_label_new (pos);
  gtk_widget_add_css_class (number, "title-4");
  gtk_widget_add_css_class (number, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);

  up = gtk_button_new_from_icon_name ("go-up-symbolic");
  down = gtk_button_new_from_icon_name ("go-down-symbolic");
  gtk_widget_set_tooltip_text (up, _("Build earlier (Alt+Up)"));
  gtk_widget_set_tooltip_text (down, _("Build later (Alt+Down)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Build earlier"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Build later"), -1);
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < self->portfolio->sequence->len);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? up : down;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "clicked", G_CALLBACK (move_button_cb), GINT_TO_POINTER (i == 0 ? -1 : 1));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                     gtk_callback_action_new (move_shortcut_cb, NULL, NULL),
                                     "i", -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                     gtk_callback_action_new (move_shortcut_cb, NULL, NULL),
                                     "i", 1));
  gtk_widget_add_controller (row, shortcuts);
  return row;
}

/* The programme */

enum { FIGURE_INVESTMENT, FIGURE_PEAK, FIGURE_NPV, FIGURE_PAYBACK, FIGURE_MIRR, FIGURE_HOURS, N_FIGURES };

static const char *
currency (LoRoadmapPage *self)
{
  return self->programme ? self->programme->settings.currency : NULL;
}

static void
show_save_error (LoRoadmapPage *self,
                 GError        *error)
{
  g_prefix_error (&error, _("Could not save the programme: "));
  lo_show_error (GTK_WIDGET (self), error);
  g_error_free (error);
}

static void
lanes_changed_cb (GtkSpinButton *spin,
                  LoRoadmapPage *self)
{
  int lanes = gtk_spin_button_get_value_as_int (spin);
  GError *error = NULL;

  if (self->store == NULL || self->engagement == NULL
      || lanes == self->engagement->settings.parallel_builds)
    return;
  if (!lo_store_set_parallel_builds (self->store, self->client, lanes, &error))
    show_save_error (self, error);
}

static void
save_step_weeks (LoRoadmapPage *self,
                 int            level,
                 int            weeks)
{
  GError *error = NULL;

  if (self->store == NULL || self->engagement == NULL
      || lo_engagement_get_step_weeks (self->engagement, level) == weeks)
    return;
  if (!lo_store_set_step_weeks (self->store, self->client, level, weeks, &error))
    show_save_error (self, error);
}

static void
step_weeks_changed_cb (GtkSpinButton *spin,
                       LoRoadmapPage *self)
{
  int level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "level"));
  const LoRoadmapStep *step = NULL;
  int weeks = gtk_spin_button_get_value_as_int (spin);

  for (guint i = 0; self->roadmap != NULL && i < self->roadmap->steps->len; i++)
    if (((LoRoadmapStep *) g_ptr_array_index (self->roadmap->steps, i))->level == level)
      step = g_ptr_array_index (self->roadmap->steps, i);
  /* showing the default is not setting it */
  if (step != NULL && !step->weeks_set && weeks == (int) step->weeks)
    return;
  save_step_weeks (self, level, weeks);
}

static void
step_reset_cb (GtkButton     *button,
               LoRoadmapPage *self)
{
  save_step_weeks (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "level")), 0);
}

static void
include_changed_cb (GtkDropDown   *drop,
                    GParamSpec    *pspec,
                    LoRoadmapPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (drop), "process");
  LoInclude include = (LoInclude) gtk_drop_down_get_selected (drop);
  const LoProcess *process;
  GError *error = NULL;

  if (self->store == NULL || self->engagement == NULL || include > LO_INCLUDE_NO)
    return;
  process = lo_engagement_lookup_process (self->engagement, id);
  if (process == NULL || process->include == include)
    return;
  if (!lo_store_set_process_include (self->store, self->client, id, include, &error))
    show_save_error (self, error);
}

static GtkWidget *
spin_for_limit (LoLimitId   limit,
                const char *label)
{
  double min, max;
  GtkWidget *spin;

  lo_limit_range (limit, &min, &max, NULL);
  spin = gtk_spin_button_new_with_range (min, max, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return spin;
}

/* "Automatic: included", "Automatic: Expected NPV below zero", … */
static char *
include_subtitle (const LoProgrammeProcess *pp)
{
  const char *how = pp->roi->process->include == LO_INCLUDE_AUTO ? _("Automatic") : _("Set by hand");

  if (pp->reason != NULL)
    return g_strdup_printf ("%s: %s", how, lo_programme_reason_label (pp->reason));
  /* TRANSLATORS: "Automatic: included", "Set by hand: included" */
  return g_strdup_printf (_("%s: included"), how);
}

static GtkWidget *
include_row (LoRoadmapPage            *self,
             const LoProgrammeProcess *pp)
{
  static const char *choices[] = { N_("Automatic"), N_("Include"), N_("Leave out"), NULL };
  const char *translated[G_N_ELEMENTS (choices)];
  GtkWidget *row = lo_action_row_new ();
  GtkWidget *drop;
  g_autofree char *title = g_markup_escape_text (pp->roi->process->name, -1);
  g_autofree char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    translated[i] = choices[i] ? _(choices[i]) : NULL;
  drop = gtk_drop_down_new_from_strings (translated);
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  /* TRANSLATORS: accessible label of a process's include choice */
  label = g_strdup_printf (_("Include %s in the programme"), pp->roi->process->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (drop), "process", g_strdup (pp->id), g_free);
  g_signal_connect (drop, "notify::selected", G_CALLBACK (include_changed_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop);
  gtk_widget_set_name (row, pp->id);
  g_object_set_data (G_OBJECT (row), "drop", drop);
  return row;
}

static GtkWidget *
step_row (LoRoadmapPage       *self,
          const LoRoadmapStep *step,
          guint                number)
{
  GtkWidget *row = lo_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  GtkWidget *spin, *reset;

  /* Translators: a roadmap step's row in the schedule, "Step 1 · Level 3" */
  title = g_strdup_printf (_("Step %u · Level %d"), number, step->level);
  /* TRANSLATORS: accessible label of a step's duration */
  label = g_strdup_printf (_("Weeks of step %u"), number);
  spin = spin_for_limit (LO_LIMIT_STEP_WEEKS, label);
  g_object_set_data (G_OBJECT (spin), "level", GINT_TO_POINTER (step->level));
  g_signal_connect (spin, "value-changed", G_CALLBACK (step_weeks_changed_cb), self);
  reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  g_object_set_data (G_OBJECT (reset), "level", GINT_TO_POINTER (step->level));
  g_signal_connect (reset, "clicked", G_CALLBACK (step_reset_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_object_set_data (G_OBJECT (row), "reset", reset);
  gtk_widget_set_name (row, "step-weeks");
  return row;
}

/* What the controls are built for: the steps' levels and the processes. */
static char *
programme_key (LoRoadmapPage *self)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; self->roadmap != NULL && self->roadmap->kind == LO_ROADMAP_STEPS
                    && i < self->roadmap->steps->len; i++)
    g_string_append_printf (key, "%d,", ((LoRoadmapStep *) g_ptr_array_index (self->roadmap->steps, i))->level);
  for (guint i = 0; self->programme != NULL && i < self->programme->processes->len; i++)
    g_string_append_printf (key, "|%s", g_array_index (self->programme->processes, LoProgrammeProcess, i).id);
  return g_string_free (key, FALSE);
}

static void
build_programme_controls (LoRoadmapPage *self)
{
  GtkWidget *lanes_row;

  if (self->schedule_group != NULL)
    gtk_box_remove (self->programme_box, g_steal_pointer (&self->schedule_group));
  if (self->include_group != NULL)
    gtk_box_remove (self->programme_box, g_steal_pointer (&self->include_group));
  g_ptr_array_set_size (self->step_rows, 0);
  g_ptr_array_set_size (self->include_rows, 0);

  self->schedule_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->schedule_group), _("Schedule"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->schedule_group),
                                         _("How many processes are built at once, and how long each step lasts."));
  lanes_row = lo_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lanes_row), _("Parallel builds"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (lanes_row), _("Processes built at the same time"));
  self->lanes_spin = GTK_SPIN_BUTTON (spin_for_limit (LO_LIMIT_PARALLEL_BUILDS, _("Parallel builds")));
  gtk_widget_set_name (GTK_WIDGET (self->lanes_spin), "parallel-builds");
  g_signal_connect (self->lanes_spin, "value-changed", G_CALLBACK (lanes_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (lanes_row), GTK_WIDGET (self->lanes_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (lanes_row), GTK_WIDGET (self->lanes_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->schedule_group), lanes_row);
  for (guint i = 0; self->roadmap != NULL && self->roadmap->kind == LO_ROADMAP_STEPS
                    && i < self->roadmap->steps->len; i++)
    {
      GtkWidget *row = step_row (self, g_ptr_array_index (self->roadmap->steps, i), i + 1);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->schedule_group), row);
      g_ptr_array_add (self->step_rows, row);
    }
  gtk_box_append (self->programme_box, self->schedule_group);

  self->include_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->include_group), _("Processes in the Programme"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->include_group),
                                         _("Automatic counts a process when its own expected net present value is not below zero."));
  for (guint i = 0; self->programme != NULL && i < self->programme->processes->len; i++)
    {
      GtkWidget *row = include_row (self, &g_array_index (self->programme->processes, LoProgrammeProcess, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->include_group), row);
      g_ptr_array_add (self->include_rows, row);
    }
  gtk_widget_set_visible (self->include_group, self->include_rows->len > 0);
  gtk_box_append (self->programme_box, self->include_group);
}

/* The controls show the engagement's values, without saving them again. */
static void
update_programme_controls (LoRoadmapPage *self)
{
  g_signal_handlers_block_by_func (self->lanes_spin, lanes_changed_cb, self);
  gtk_spin_button_set_value (self->lanes_spin, self->programme->parallel_builds);
  g_signal_handlers_unblock_by_func (self->lanes_spin, lanes_changed_cb, self);
  for (guint i = 0; i < self->step_rows->len; i++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (self->roadmap->steps, i);
      GObject *row = g_ptr_array_index (self->step_rows, i);
      GtkSpinButton *spin = g_object_get_data (row, "spin");
      GtkWidget *reset = g_object_get_data (row, "reset");
      g_autofree char *weeks = lo_formatter_weeks (lo_formatter_lookup (NULL), step->default_weeks);
      g_autofree char *subtitle = NULL;
      g_autofree char *tip = NULL;

      /* TRANSLATORS: a step's duration: "Default: 13 weeks" or "Set by hand (default: 13 weeks)" */
      subtitle = step->weeks_set ? g_strdup_printf (_("Set by hand (default: %s)"), weeks)
                                 : g_strdup_printf (_("Default: %s"), weeks);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_signal_handlers_block_by_func (spin, step_weeks_changed_cb, self);
      gtk_spin_button_set_value (spin, step->weeks);
      g_signal_handlers_unblock_by_func (spin, step_weeks_changed_cb, self);
      /* TRANSLATORS: tooltip of the button that resets a step's duration */
      tip = g_strdup_printf (_("Use the default (%s)"), weeks);
      gtk_widget_set_tooltip_text (reset, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_widget_set_sensitive (reset, step->weeks_set);
    }
  for (guint i = 0; i < self->include_rows->len; i++)
    {
      const LoProgrammeProcess *pp = &g_array_index (self->programme->processes, LoProgrammeProcess, i);
      GObject *row = g_ptr_array_index (self->include_rows, i);
      GtkDropDown *drop = g_object_get_data (row, "drop");
      g_autofree char *subtitle = include_subtitle (pp);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_signal_handlers_block_by_func (drop, include_changed_cb, self);
      gtk_drop_down_set_selected (drop, pp->roi->process->include);
      g_signal_handlers_unblock_by_func (drop, include_changed_cb, self);
    }
}

static void
update_programme_figures (LoRoadmapPage *self)
{
  const LoProgramme *pg = self->programme;
  const LoFormatter *f = lo_formatter_lookup (NULL);
  g_autofree char *share = lo_formatter_percent (f, pg->settings.realisation_rate, 0);
  g_autofree char *payback = NULL;
  g_autofree char *sentence = NULL;
  char *values[N_FIGURES];

  values[FIGURE_INVESTMENT] = lo_formatter_money (f, pg->investment, currency (self), 0);
  values[FIGURE_PEAK] = lo_formatter_money (f, pg->peak_funding, currency (self), 0);
  values[FIGURE_NPV] = lo_formatter_money (f, pg->npv, currency (self), 0);
  payback = lo_formatter_months (f, pg->payback_months);
  values[FIGURE_PAYBACK] = g_strdup (payback);
  values[FIGURE_MIRR] = isfinite (pg->mirr) ? lo_formatter_percent (f, pg->mirr, 1) : g_strdup (_("none"));
  values[FIGURE_HOURS] = lo_formatter_number (f, pg->hours_saved_week, 0);
  for (guint i = 0; i < N_FIGURES; i++)
    lo_figure_card_take_value (g_ptr_array_index (self->figure_cards, i), values[i]);
  /* TRANSLATORS: %s is a share, "100%" */
  sentence = g_strdup_printf (_("The money counts %s of the hours freed as cash; the rest is time given back "
                                "to people. Payback is counted in months from the start of the roadmap."),
                              share);
  gtk_label_set_text (self->realisation_label, sentence);
}

static void
update_programme (LoRoadmapPage *self)
{
  g_autofree char *key = NULL;
  LoChartData data;

  gtk_widget_set_visible (GTK_WIDGET (self->programme_box), self->programme != NULL);
  if (self->programme == NULL)
    return;
  lo_chart_data_init (&data);
  data.roadmap = self->roadmap;
  data.portfolio = self->portfolio;
  data.programme = self->programme;
  lo_chart_view_set_currency (self->schedule_chart, currency (self));
  lo_chart_view_set_data (self->schedule_chart, &data);
  lo_chart_view_set_currency (self->cash_flow_chart, currency (self));
  lo_chart_view_set_data (self->cash_flow_chart, &data);
  update_programme_figures (self);
  key = programme_key (self);
  if (g_strcmp0 (key, self->programme_key) != 0)
    {
      build_programme_controls (self);
      g_free (self->programme_key);
      self->programme_key = g_steal_pointer (&key);
    }
  update_programme_controls (self);
}

static void
init_programme (LoRoadmapPage *self)
{
  static const struct { const char *name, *caption; } figures[N_FIGURES] = {
    { "programme-investment", N_("Investment") },
    { "programme-peak-funding", N_("Peak funding") },
    { "programme-npv", N_("Net present value") },
    { "programme-payback", N_("Payback from the start of the roadmap") },
    { "programme-mirr", N_("MIRR, a year") },
    { "programme-hours", N_("Hours saved a week") },
  };
  GtkWidget *heading = gtk_label_new (_("Programme"));
  GtkFlowBox *box = GTK_FLOW_BOX (gtk_flow_box_new ());
  GtkWidget *card;

  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->programme_box, heading);
  gtk_flow_box_set_selection_mode (box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (box, 3);
  gtk_flow_box_set_min_children_per_line (box, 1);
  gtk_flow_box_set_homogeneous (box, TRUE);
  gtk_flow_box_set_column_spacing (box, 12);
  gtk_flow_box_set_row_spacing (box, 12);
  gtk_widget_set_name (GTK_WIDGET (box), "programme-figures");
  self->figure_cards = g_ptr_array_new ();
  for (guint i = 0; i < N_FIGURES; i++)
    g_ptr_array_add (self->figure_cards, lo_figure_card_append_to (box, figures[i].name, _(figures[i].caption)));
  gtk_box_append (self->programme_box, GTK_WIDGET (box));
  self->realisation_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->realisation_label, TRUE);
  gtk_label_set_xalign (self->realisation_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->realisation_label), "dim-label");
  gtk_box_append (self->programme_box, GTK_WIDGET (self->realisation_label));

  for (guint i = 0; i < 2; i++)
    {
      LoChartView *chart = LO_CHART_VIEW (lo_chart_view_new (i == 0 ? "programme-schedule" : "programme-cash-flow"));

      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "chart-card");
      lo_chart_view_set_content_height (chart, i == 0 ? 250 : 300);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (chart));
      gtk_box_append (self->programme_box, card);
      if (i == 0)
        self->schedule_chart = chart;
      else
        self->cash_flow_chart = chart;
    }
  self->step_rows = g_ptr_array_new ();
  self->include_rows = g_ptr_array_new ();
}

/* Building the page */

static const char *
text (LoRoadmapPage *self,
      const char    *msgid)
{
  return lo_bank_text (self->roadmap->bank, msgid);
}

static void
add_row (GtkWidget  *parent,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = lo_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      g_autofree char *sub = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
    }
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
}

static const char *
process_name (LoRoadmapPage *self,
              const char    *id)
{
  const LoProcess *p = self->engagement ? lo_engagement_lookup_process (self->engagement, id) : NULL;

  return p != NULL ? p->name : id;
}

static void
build_step (LoRoadmapPage       *self,
            const LoRoadmapStep *step,
            guint                number)
{
  const LoBank *bank = self->roadmap->bank;
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *from = lo_format_number (step->start_week, 0);
  g_autofree char *to = lo_format_number (step->start_week + step->weeks, 0);
  g_autofree char *escaped = NULL;

  /* Translators: a roadmap step, e.g. "Step 1 · Level 3 · Assisted" */
  title = g_strdup_printf (_("Step %u · Level %d · %s"), number, step->level,
                           text (self, bank->levels[step->level - 1].name));
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  /* Translators: when a roadmap step runs, in weeks from the start */
  description = g_strdup_printf (_("Weeks %s to %s. %s"), from, to,
                                 text (self, bank->levels[step->level - 1].description));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_set_name (group, "roadmap-step");

  for (guint d = 0; d < bank->dimensions->len; d++)
    {
      const LoDimension *dimension = g_ptr_array_index (bank->dimensions, d);
      GtkWidget *expander = NULL;
      guint n = 0;

      for (guint i = 0; i < step->items->len; i++)
        {
          const LoRoadmapItem *item = &g_array_index (step->items, LoRoadmapItem, i);

          if (item->question->dimension != d)
            continue;
          if (expander == NULL)
            {
              expander = lo_expander_row_new (text (self, dimension->name));
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
            }
          if (item->action == NULL)
            {
              g_autofree char *find_out = NULL;

              /* Translators: a question nobody could answer, in the roadmap */
              find_out = g_strdup_printf (_("Find out first: %s"), text (self, item->question->text));
              add_row (expander, find_out, NULL);
            }
          else
            {
              g_autofree char *level = g_strdup_printf (_("Towards level %d"), item->level);

              add_row (expander, text (self, item->action), level);
            }
          n++;
        }
      if (expander != NULL)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);

          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
        }
    }

  if (step->processes != NULL && step->processes->len > 0)
    {
      const char *role = lo_roadmap_process_role (self->roadmap, step);
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < step->processes->len; i++)
        {
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, process_name (self, g_ptr_array_index (step->processes, i)));
        }
      add_row (group, names->str, role != NULL ? role : _("Processes in this step"));
      g_string_free (names, TRUE);
    }
  for (guint i = 0; step->preparations != NULL && i < step->preparations->len; i++)
    add_row (group, g_ptr_array_index (step->preparations, i), _("Preparation"));

  gtk_box_append (self->steps_box, group);
  g_ptr_array_add (self->step_groups, group);
}

static void
rebuild (LoRoadmapPage *self)
{
  GtkWidget *child;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->step_groups->len; i++)
    gtk_box_remove (self->steps_box, g_ptr_array_index (self->step_groups, i));
  g_ptr_array_set_size (self->step_groups, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->order_list))) != NULL)
    gtk_list_box_remove (self->order_list, child);
  g_ptr_array_set_size (self->order, 0);

  if (self->roadmap == NULL || self->roadmap->kind == LO_ROADMAP_INCOMPLETE)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "roadmap");

  if (self->roadmap->kind == LO_ROADMAP_SUSTAIN)
    {
      title = g_strdup (_("Sustain Lights-Out"));
      summary = g_strdup (_("The company is at level 5 in every dimension: keep the oversight, the "
                            "measurements and the review gates that got it there."));
    }
  else
    {
      g_autofree char *weeks = lo_format_number (self->roadmap->total_weeks, 0);

      /* Translators: the roadmap's headline, e.g. "From Level 2 to Level 5" */
      title = g_strdup_printf (_("From Level %d to Level 5"), self->roadmap->from_level);
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u step, one level at a time, in about %s weeks.",
                                              "%u steps, one level at a time, in about %s weeks.",
                                              self->roadmap->steps->len),
                                 self->roadmap->steps->len, weeks);
    }
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label, summary);
  {
    LoChartData data;

    lo_chart_data_init (&data);
    data.roadmap = self->roadmap;
    data.portfolio = self->portfolio;
    lo_chart_view_set_currency (self->timeline, self->portfolio ? self->portfolio->settings.currency : NULL);
    lo_chart_view_set_data (self->timeline, &data);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->order_group),
                          self->portfolio != NULL && self->portfolio->sequence->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button),
                            self->engagement != NULL && self->engagement->custom_order);
  for (guint i = 0; self->portfolio != NULL && i < self->portfolio->sequence->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (self->portfolio->sequence, i);

      g_ptr_array_add (self->order, g_strdup (roi->process->id));
      gtk_list_box_append (self->order_list, order_row (self, roi, i));
    }

  update_programme (self);
  for (guint i = 0; i < self->roadmap->steps->len; i++)
    build_step (self, g_ptr_array_index (self->roadmap->steps, i), i + 1);
}

/* GObject */

static void
lo_roadmap_page_map (GtkWidget *widget)
{
  LoRoadmapPage *self = LO_ROADMAP_PAGE (widget);

  GTK_WIDGET_CLASS (lo_roadmap_page_parent_class)->map (widget);
  if (self->dirty)
    {
      self->dirty = FALSE;
      rebuild (self);
    }
}

static void
lo_roadmap_page_dispose (GObject *object)
{
  LoRoadmapPage *self = LO_ROADMAP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_ROADMAP_PAGE);
  G_OBJECT_CLASS (lo_roadmap_page_parent_class)->dispose (object);
}

static void
lo_roadmap_page_finalize (GObject *object)
{
  LoRoadmapPage *self = LO_ROADMAP_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->analysis, lo_analysis_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->step_groups, g_ptr_array_unref);
  g_clear_pointer (&self->figure_cards, g_ptr_array_unref);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_pointer (&self->include_rows, g_ptr_array_unref);
  g_clear_pointer (&self->programme_key, g_free);
  G_OBJECT_CLASS (lo_roadmap_page_parent_class)->finalize (object);
}

static void update (LoSessionPage *page,
                    LoStore       *store,
                    gint64         client,
                    LoAnalysis    *analysis);

static void
lo_roadmap_page_class_init (LoRoadmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_roadmap_page_dispose;
  object_class->finalize = lo_roadmap_page_finalize;
  LO_SESSION_PAGE_CLASS (klass)->update = update;
  widget_class->map = lo_roadmap_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-roadmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, timeline_card);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, programme_box);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, order_group);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, order_list);
  gtk_widget_class_bind_template_child (widget_class, LoRoadmapPage, steps_box);
  gtk_widget_class_bind_template_callback (widget_class, reset_order_cb);
}

static void
lo_roadmap_page_init (LoRoadmapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: AdwBin unparents its child itself, after the template's dispose. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->order = g_ptr_array_new_with_free_func (g_free);
  self->step_groups = g_ptr_array_new ();
  self->timeline = LO_CHART_VIEW (lo_chart_view_new ("roadmap"));
  lo_chart_view_set_content_height (self->timeline, 280);
  gtk_box_append (self->timeline_card, GTK_WIDGET (self->timeline));
  init_programme (self);
}

/* Public API */

static void
update (LoSessionPage *page,
        LoStore       *store,
        gint64         client,
        LoAnalysis    *analysis)
{
  LoRoadmapPage *self = LO_ROADMAP_PAGE (page);

  g_return_if_fail (LO_IS_ROADMAP_PAGE (self));

  g_set_object (&self->store, store);
  self->client = client;
  if (analysis != NULL)
    lo_analysis_ref (analysis);
  g_clear_pointer (&self->analysis, lo_analysis_unref);
  self->analysis = analysis;
  /* the sequence is the hand-set order when the engagement has one */
  self->engagement = analysis ? lo_analysis_get_engagement (analysis) : NULL;
  self->score = analysis ? lo_analysis_get_score (analysis) : NULL;
  self->portfolio = analysis ? lo_analysis_get_portfolio (analysis) : NULL;
  self->roadmap = analysis ? lo_analysis_get_roadmap (analysis) : NULL;
  self->programme = analysis ? lo_analysis_get_programme (analysis) : NULL;
  /* Hundreds of rows: built when the page is shown, not on every keystroke
   * in the processes page. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      rebuild (self);
    }
}

GPtrArray *
lo_roadmap_page_get_order (LoRoadmapPage *self)
{
  g_return_val_if_fail (LO_IS_ROADMAP_PAGE (self), NULL);
  if (self->dirty)
    {
      self->dirty = FALSE;
      rebuild (self);
    }
  return self->order;
}

LoRoadmap *
lo_roadmap_page_get_roadmap (LoRoadmapPage *self)
{
  g_return_val_if_fail (LO_IS_ROADMAP_PAGE (self), NULL);
  return self->roadmap;
}
