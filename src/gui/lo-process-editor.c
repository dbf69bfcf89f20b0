/* lo-process-editor.c: one candidate process, its inputs and live figures
 *
 * The editor keeps its own copy of the process. Each keystroke is parsed and
 * checked with lo_process_validate() on a candidate copy: an invalid value is
 * marked on its row with the reason and goes nowhere; a valid one becomes the
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
#include <locale.h>
#include <string.h>

#include "lo-rows.h"
#include "lo-process-editor.h"

typedef struct
{
  LoProcessEditor *self;
  LoInputId        id;
  AdwActionRow    *row;
  GtkEntry        *entries[3];   /* LoInputField */
  /* What the row shows, so that an unchanged state touches no widget. */
  char            *shown_problem;  /* NULL: valid */
  LoInputField     shown_bad;
  /* A problem waiting for the next frame: typing "1", "12" passes through
   * states that are gone before anyone could see them. */
  char            *pending_problem;
  LoInputField     pending_bad;
  guint            pending_tick;
} InputRow;

typedef struct
{
  LoProcessEditor *self;
  guint            index;        /* into process->actuals */
  AdwExpanderRow  *row;
  AdwEntryRow     *entries[5];   /* month, items, hours, errors, run cost */
} ActualRow;

enum { ACTUAL_MONTH, ACTUAL_ITEMS, ACTUAL_HOURS, ACTUAL_ERRORS, ACTUAL_RUN_COST };

typedef struct
{
  const char *id;
  GtkLabel   *value;
} Figure;

enum { CAPTION_CASHFLOW, CAPTION_SCENARIOS, CAPTION_TORNADO, CAPTION_MONTECARLO, N_CAPTIONS };

static const char * const figure_ids[] = { "npv", "roi", "payback", "irr", "hours", "fte", "savings" };
#define N_FIGURES G_N_ELEMENTS (figure_ids)

struct _LoProcessEditor
{
  AdwBin parent_instance;

  LoStore      *store;
  gint64        client;
  LoSettings    settings;
  LoProcess    *process;
  LoProcessRoi *roi;
  guint         draws;
  gboolean      updating;
  gboolean      save_pending;
  guint         save_idle;
  gulong        paint_handler;
  GdkFrameClock *paint_clock;

  GCancellable *mc_cancellable;
  guint         mc_generation;
  gboolean      mc_running;

  InputRow      inputs[LO_N_INPUTS];
  GtkScale     *readiness[3];
  AdwActionRow *alt_rows[2];
  GtkEntry     *alt_entries[2];
  GPtrArray    *actual_rows;     /* ActualRow*, owned */
  Figure        figures[N_FIGURES];
  GtkWidget    *cashflow_chart;
  GtkWidget    *scenarios_chart;
  GtkWidget    *montecarlo_chart;
  GtkWidget    *tornado_chart;
  GtkWidget    *actuals_chart;
  GtkWidget    *actuals_card;
  GtkLabel     *montecarlo_label;
  char         *captions[N_CAPTIONS];  /* as last set */

  /* template */
  AdwEntryRow         *name_row;
  AdwEntryRow         *start_row;
  AdwPreferencesGroup *inputs_group;
  AdwPreferencesGroup *readiness_group;
  AdwPreferencesGroup *alt_group;
  GtkSwitch           *alt_switch;
  AdwPreferencesGroup *actuals_group;
  GtkBox              *charts_box;
  GtkFlowBox          *figures_box;
  GtkBox              *columns;
  GtkScrolledWindow   *inputs_scroll;
  GtkScrolledWindow   *charts_scroll;

  guint                layout_idle;
};

/* Below this width the inputs and the charts are stacked, not side by side
 * (two columns of at least 380 px each would not fit). */
#define WIDE_LAYOUT_WIDTH 760

G_DEFINE_FINAL_TYPE (LoProcessEditor, lo_process_editor, ADW_TYPE_BIN)

enum {
  FIGURES_UPDATED,
  MONTE_CARLO_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void recompute (LoProcessEditor *self);

/* Chart areas */

void
lo_render_context_for_screen (LoRenderContext *ctx,
                              const char      *currency)
{
  lo_render_context_init (ctx);
  /* Screen text reads at a larger size than the report's 8.5 pt. */
  ctx->font_size = 11;
  ctx->currency = currency;
  /* The user's conventions, as the window's labels beside the chart */
  ctx->formatter = lo_formatter_lookup (NULL);
  ctx->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
}

GtkWidget *
lo_chart_area_new (int                    height,
                   GtkDrawingAreaDrawFunc draw,
                   gpointer               data)
{
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                  "content-height", height,
                                  "hexpand", TRUE,
                                  NULL);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, data, NULL);
  gtk_widget_add_css_class (area, "chart");
  /* Charts drawn with lo_render_context_for_screen() follow the style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);
  return area;
}

void
lo_chart_area_set_caption (GtkWidget  *area,
                           const char *caption)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
  gtk_widget_set_tooltip_text (area, caption);
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_switch (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
lo_expander_row_new (const char *title)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *toggle = find_switch (row);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* Numbers for people: the locale's decimal point, grouping allowed. */

static char *
format_value (double value)
{
  return g_strdup_printf ("%.10g", value);
}

static gboolean
parse_value (const char *text,
             double     *value)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".";
  const char *group = lc->thousands_sep ? lc->thousands_sep : "";
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;
  double v;

  for (const char *p = stripped; *p != '\0';)
    {
      if (g_str_has_prefix (p, point))
        {
          g_string_append_c (plain, '.');
          p += strlen (point);
        }
      else if (*group != '\0' && g_str_has_prefix (p, group))
        p += strlen (group);
      else if (g_str_has_prefix (p, "\u202f") || g_str_has_prefix (p, "\u00a0"))
        p += 2;
      else if (*p == ' ' || *p == '%')
        p++;
      else
        g_string_append_c (plain, *p++);
    }
  if (plain->len == 0)
    return FALSE;
  v = g_ascii_strtod (plain->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

/* The reason part of a core message ("invoicing: automation-rate: 1.5 is not
 * between 0 and 1"): the row already names the process and the input. */
static const char *
reason (const char *message)
{
  const char *last = g_strrstr (message, ": ");

  return last != NULL ? last + 2 : message;
}

static double
display_factor (LoInputId id)
{
  return lo_input_unit (id) == LO_UNIT_FRACTION ? 100.0 : 1.0;
}

static const char *
unit_text (LoProcessEditor *self,
           LoInputId        id)
{
  switch (lo_input_unit (id))
    {
    case LO_UNIT_COUNT: return _("items per month");
    case LO_UNIT_MINUTES: return _("minutes");
    case LO_UNIT_HOURS: return _("hours per month");
    case LO_UNIT_CURRENCY:
      return self->settings.currency ? self->settings.currency : "USD";
    case LO_UNIT_FRACTION: return _("percent");
    case LO_UNIT_WEEKS: return _("weeks");
    case LO_UNIT_MONTHS: return _("months");
    default: return "";
    }
}

static void
mark_invalid (GtkWidget  *field,
              GtkWidget  *row,
              const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (row != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (row, "invalid");
      else
        gtk_widget_remove_css_class (row, "invalid");
    }
}

static void
set_row_subtitle (AdwActionRow *row,
                  const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (g_strcmp0 (adw_action_row_get_subtitle (row), escaped) != 0)
    adw_action_row_set_subtitle (row, escaped);
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
    g_warning ("saving %s: %s", process->id, error->message);
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
  g_clear_handle_id (&self->save_idle, g_source_remove);
  if (self->paint_clock != NULL)
    g_clear_signal_handler (&self->paint_handler, self->paint_clock);
  g_clear_object (&self->paint_clock);
  if (self->save_pending)
    save_now (self);
}

/* Takes @candidate when it is valid; otherwise returns the reason. */
static char *
accept (LoProcessEditor *self,
        LoProcess       *candidate)
{
  g_autoptr(GError) error = NULL;

  if (!lo_process_validate (candidate, &error))
    return g_strdup (reason (error->message));
  lo_process_unref (self->process);
  self->process = lo_process_ref (candidate);
  recompute (self);
  save (self);
  return NULL;
}

/* Input rows */

/* Marks the row's fields for @problem (NULL: valid); does nothing when the
 * row shows that already. */
static void
show_row_state (InputRow     *ir,
                const char   *problem,
                LoInputField  bad)
{
  LoProcessEditor *self = ir->self;

  if (g_strcmp0 (problem, ir->shown_problem) == 0 && (problem == NULL || bad == ir->shown_bad))
    return;
  for (guint f = 0; f < 3; f++)
    {
      gboolean was = ir->shown_problem != NULL && f == ir->shown_bad;
      gboolean is = problem != NULL && f == bad;

      if (was || is)
        mark_invalid (GTK_WIDGET (ir->entries[f]), NULL, is ? problem : NULL);
    }
  if (problem != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s — %s", unit_text (self, ir->id), problem);

      gtk_widget_add_css_class (GTK_WIDGET (ir->row), "invalid");
      set_row_subtitle (ir->row, text);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (ir->row), "invalid");
      set_row_subtitle (ir->row, unit_text (self, ir->id));
    }
  g_free (ir->shown_problem);
  ir->shown_problem = g_strdup (problem);
  ir->shown_bad = bad;
}

static void
cancel_pending_problem (InputRow *ir)
{
  if (ir->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (ir->row), ir->pending_tick);
  ir->pending_tick = 0;
  g_clear_pointer (&ir->pending_problem, g_free);
}

static gboolean
pending_problem_tick_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       data)
{
  InputRow *ir = data;
  g_autofree char *problem = g_steal_pointer (&ir->pending_problem);

  ir->pending_tick = 0;
  show_row_state (ir, problem, ir->pending_bad);
  return G_SOURCE_REMOVE;
}

/* Shows @problem (taken) in the next frame, unless a valid value comes first. */
static void
defer_row_problem (InputRow     *ir,
                   char         *problem,
                   LoInputField  bad)
{
  g_free (ir->pending_problem);
  ir->pending_problem = problem;
  ir->pending_bad = bad;
  if (!gtk_widget_get_mapped (GTK_WIDGET (ir->row)))
    {
      g_autofree char *now = g_steal_pointer (&ir->pending_problem);

      cancel_pending_problem (ir);
      show_row_state (ir, now, bad);
      return;
    }
  if (ir->pending_tick == 0)
    ir->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (ir->row), pending_problem_tick_cb, ir, NULL);
}

static void
input_changed_cb (GtkEditable *editable,
                  InputRow    *ir)
{
  LoProcessEditor *self = ir->self;
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  const char *texts[3];
  double values[3] = { 0, 0, 0 };
  gboolean given[3];
  LoInputField bad = LO_FIELD_VALUE;
  double factor = display_factor (ir->id);
  LoInput *in;

  if (self->updating || self->process == NULL)
    return;

  for (guint f = 0; f < 3; f++)
    {
      g_autofree char *s = NULL;

      texts[f] = gtk_editable_get_text (GTK_EDITABLE (ir->entries[f]));
      s = g_strstrip (g_strdup (texts[f]));
      given[f] = *s != '\0';
      if (given[f] && !parse_value (s, &values[f]) && problem == NULL)
        {
          problem = g_strdup (_("not a number"));
          bad = f;
        }
      values[f] /= factor;
    }

  if (problem == NULL && !given[LO_FIELD_VALUE] && lo_input_is_required (ir->id))
    problem = g_strdup (_("required: enter the likely value"));
  else if (problem == NULL && !given[LO_FIELD_VALUE] && (given[LO_FIELD_LOW] || given[LO_FIELD_HIGH]))
    problem = g_strdup (_("a range needs the likely value too"));
  else if (problem == NULL && given[LO_FIELD_LOW] != given[LO_FIELD_HIGH])
    {
      problem = g_strdup (_("enter both low and high, or neither"));
      bad = given[LO_FIELD_LOW] ? LO_FIELD_HIGH : LO_FIELD_LOW;
    }

  if (problem == NULL)
    {
      candidate = lo_process_copy (self->process);
      in = &candidate->inputs[ir->id];
      in->set = given[LO_FIELD_VALUE];
      in->value = given[LO_FIELD_VALUE] ? values[LO_FIELD_VALUE] : 0;
      in->ranged = given[LO_FIELD_LOW] && given[LO_FIELD_HIGH];
      in->low = in->ranged ? values[LO_FIELD_LOW] : 0;
      in->high = in->ranged ? values[LO_FIELD_HIGH] : 0;
      problem = accept (self, candidate);
      if (problem != NULL)
        {
          /* Point at the entry the message is about. */
          if (strstr (problem, C_("range", "low")) != NULL && in->ranged)
            bad = LO_FIELD_LOW;
          else if (strstr (problem, C_("range", "high")) != NULL && in->ranged)
            bad = LO_FIELD_HIGH;
          else
            bad = LO_FIELD_VALUE;
        }
    }

  if (problem == NULL)
    {
      cancel_pending_problem (ir);
      show_row_state (ir, NULL, LO_FIELD_VALUE);
    }
  else
    defer_row_problem (ir, g_steal_pointer (&problem), bad);
}

static GtkEntry *
input_entry (const char *placeholder,
             int         width,
             const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return GTK_ENTRY (entry);
}

static void
build_input_rows (LoProcessEditor *self)
{
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      InputRow *ir = &self->inputs[i];
      const char *label = lo_input_label (i);
      g_autofree char *escaped = g_markup_escape_text (label, -1);
      g_autofree char *a_low = NULL, *a_high = NULL;
      GtkWidget *row = lo_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *dash = gtk_label_new ("–");

      ir->self = self;
      ir->id = i;
      ir->row = ADW_ACTION_ROW (row);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_name (row, lo_input_name (i));
      /* Translators: accessible labels of an input's range, e.g. "Build cost, low" */
      a_low = g_strdup_printf (_("%s, low"), label);
      a_high = g_strdup_printf (_("%s, high"), label);
      ir->entries[LO_FIELD_VALUE] = input_entry (lo_input_is_required (i) ? _("value") : "0", 7, label);
      ir->entries[LO_FIELD_LOW] = input_entry (C_("range", "low"), 5, a_low);
      ir->entries[LO_FIELD_HIGH] = input_entry (C_("range", "high"), 5, a_high);
      gtk_widget_add_css_class (GTK_WIDGET (ir->entries[LO_FIELD_LOW]), "range");
      gtk_widget_add_css_class (GTK_WIDGET (ir->entries[LO_FIELD_HIGH]), "range");
      gtk_widget_add_css_class (dash, "dim-label");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (ir->entries[LO_FIELD_VALUE]));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (ir->entries[LO_FIELD_LOW]));
      gtk_box_append (GTK_BOX (box), dash);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (ir->entries[LO_FIELD_HIGH]));
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      for (guint f = 0; f < 3; f++)
        g_signal_connect (ir->entries[f], "changed", G_CALLBACK (input_changed_cb), ir);
      adw_preferences_group_add (self->inputs_group, row);
    }
}

static void
show_inputs (LoProcessEditor *self)
{
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      InputRow *ir = &self->inputs[i];
      const LoInput *in = &self->process->inputs[i];
      double factor = display_factor (i);
      g_autofree char *value = in->set ? format_value (in->value * factor) : g_strdup ("");
      g_autofree char *low = in->ranged ? format_value (in->low * factor) : g_strdup ("");
      g_autofree char *high = in->ranged ? format_value (in->high * factor) : g_strdup ("");

      gtk_editable_set_text (GTK_EDITABLE (ir->entries[LO_FIELD_VALUE]), value);
      gtk_editable_set_text (GTK_EDITABLE (ir->entries[LO_FIELD_LOW]), low);
      gtk_editable_set_text (GTK_EDITABLE (ir->entries[LO_FIELD_HIGH]), high);
      cancel_pending_problem (ir);
      for (guint f = 0; f < 3; f++)
        mark_invalid (GTK_WIDGET (ir->entries[f]), NULL, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (ir->row), "invalid");
      set_row_subtitle (ir->row, unit_text (self, i));
      g_clear_pointer (&ir->shown_problem, g_free);
    }
}

/* Name and start */

static void
name_changed_cb (GtkEditable     *editable,
                 LoProcessEditor *self)
{
  g_autofree char *name = NULL;
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;

  if (self->updating || self->process == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*name == '\0')
    problem = g_strdup (_("A process needs a name"));
  else
    {
      candidate = lo_process_copy (self->process);
      g_free (candidate->name);
      candidate->name = g_steal_pointer (&name);
      problem = accept (self, candidate);
    }
  mark_invalid (GTK_WIDGET (editable), NULL, problem);
}

static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  char *end = NULL;
  gint64 y, m;

  if (strlen (s) != 7 || s[4] != '-')
    return FALSE;
  y = g_ascii_strtoll (s, &end, 10);
  if (end != s + 4)
    return FALSE;
  m = g_ascii_strtoll (s + 5, &end, 10);
  if (*end != '\0' || m < 1 || m > 12 || y < 1900 || y > 9999)
    return FALSE;
  *year = (int) y;
  *month = (int) m;
  return TRUE;
}

static void
start_changed_cb (GtkEditable     *editable,
                  LoProcessEditor *self)
{
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  const char *text;
  int year = 0, month = 0;

  if (self->updating || self->process == NULL)
    return;
  text = gtk_editable_get_text (editable);
  candidate = lo_process_copy (self->process);
  if (*text == '\0')
    candidate->has_start = FALSE;
  else if (parse_month (text, &year, &month))
    {
      candidate->has_start = TRUE;
      candidate->start_year = year;
      candidate->start_month = month;
    }
  else
    problem = g_strdup (_("Enter the month as YYYY-MM, e.g. 2026-12"));
  if (problem == NULL)
    problem = accept (self, candidate);
  mark_invalid (GTK_WIDGET (editable), NULL, problem);
}

/* Readiness */

static const char *
readiness_title (guint i)
{
  const char *titles[] = { N_("Process clarity"), N_("System access"), N_("Scope") };

  return _(titles[i]);
}

static const char *
readiness_subtitle (guint i)
{
  const char *subtitles[] = {
    N_("Is it documented, are the rules written down?"),
    N_("Can the systems it needs be read and written by programs?"),
    N_("Is it narrow: one workflow, one measurable outcome?"),
  };

  return _(subtitles[i]);
}

static void
readiness_changed_cb (GtkRange        *range,
                      LoProcessEditor *self)
{
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;

  if (self->updating || self->process == NULL)
    return;
  candidate = lo_process_copy (self->process);
  candidate->has_readiness = TRUE;
  candidate->clarity = (int) gtk_range_get_value (GTK_RANGE (self->readiness[0]));
  candidate->access = (int) gtk_range_get_value (GTK_RANGE (self->readiness[1]));
  candidate->scope = (int) gtk_range_get_value (GTK_RANGE (self->readiness[2]));
  problem = accept (self, candidate);
  if (problem != NULL)
    g_warning ("readiness: %s", problem);
}

static void
build_readiness_rows (LoProcessEditor *self)
{
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *row = lo_action_row_new ();
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 1, 5, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), readiness_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), readiness_subtitle (i));
      gtk_scale_set_digits (GTK_SCALE (scale), 0);
      gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
      for (int level = 1; level <= 5; level++)
        gtk_scale_add_mark (GTK_SCALE (scale), level, GTK_POS_BOTTOM, NULL);
      gtk_range_set_round_digits (GTK_RANGE (scale), 0);
      gtk_widget_set_size_request (scale, 150, -1);
      gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      readiness_title (i), -1);
      g_signal_connect (scale, "value-changed", G_CALLBACK (readiness_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), scale);
      adw_preferences_group_add (self->readiness_group, row);
      self->readiness[i] = GTK_SCALE (scale);
    }
}

/* Alternative quote */

static void
alternative_changed_cb (LoProcessEditor *self)
{
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  gboolean enabled = gtk_switch_get_active (self->alt_switch);
  double values[2] = { 0, 0 };
  guint bad = 0;

  if (self->updating || self->process == NULL)
    return;
  for (guint i = 0; enabled && i < 2 && problem == NULL; i++)
    if (!parse_value (gtk_editable_get_text (GTK_EDITABLE (self->alt_entries[i])), &values[i]))
      {
        problem = g_strdup (_("enter a number"));
        bad = i;
      }
  if (problem == NULL)
    {
      candidate = lo_process_copy (self->process);
      candidate->has_alternative = enabled;
      candidate->alt_build_cost = enabled ? values[0] : 0;
      candidate->alt_build_weeks = enabled ? values[1] : 0;
      problem = accept (self, candidate);
      if (problem != NULL && strstr (problem, lo_input_name (LO_INPUT_BUILD_WEEKS)) != NULL)
        bad = 1;
    }
  for (guint i = 0; i < 2; i++)
    mark_invalid (GTK_WIDGET (self->alt_entries[i]), GTK_WIDGET (self->alt_rows[i]),
                  i == bad ? problem : NULL);
}

static void
alt_entry_changed_cb (GtkEditable     *editable,
                      LoProcessEditor *self)
{
  alternative_changed_cb (self);
}

static void
alt_enabled_cb (GObject         *object,
                GParamSpec      *pspec,
                LoProcessEditor *self)
{
  alternative_changed_cb (self);
}

static void
build_alternative_rows (LoProcessEditor *self)
{
  LoInputId ids[2] = { LO_INPUT_BUILD_COST, LO_INPUT_BUILD_WEEKS };

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = lo_action_row_new ();
      g_autofree char *title = g_markup_escape_text (lo_input_label (ids[i]), -1);
      g_autofree char *a11y = g_strdup_printf (_("Alternative quote, %s"), lo_input_label (ids[i]));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), unit_text (self, ids[i]));
      self->alt_entries[i] = input_entry (_("value"), 9, a11y);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->alt_entries[i]));
      g_signal_connect (self->alt_entries[i], "changed", G_CALLBACK (alt_entry_changed_cb), self);
      g_object_bind_property (self->alt_switch, "active", row, "visible", G_BINDING_SYNC_CREATE);
      adw_preferences_group_add (self->alt_group, row);
      self->alt_rows[i] = ADW_ACTION_ROW (row);
    }
  g_signal_connect (self->alt_switch, "notify::active", G_CALLBACK (alt_enabled_cb), self);
}

/* Actual monthly figures */

static const LoActualMonth *
actual_month (LoProcessEditor *self,
              guint            index)
{
  if (self->roi == NULL || self->roi->actuals == NULL || index >= self->roi->actuals->len)
    return NULL;
  return &g_array_index (self->roi->actuals, LoActualMonth, index);
}

static void
describe_actual (LoProcessEditor *self,
                 ActualRow       *ar)
{
  const LoActual *a = &g_array_index (self->process->actuals, LoActual, ar->index);
  const LoActualMonth *am = actual_month (self, ar->index);
  g_autofree char *title = g_strdup_printf ("%04d-%02d", a->year, a->month);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ar->row), title);
  if (am != NULL && isfinite (am->actual_hours_saved))
    {
      g_autofree char *projected = lo_format_number (am->projected_hours_saved, 1);
      g_autofree char *actual = lo_format_number (am->actual_hours_saved, 1);
      g_autofree char *net_p = lo_format_money (am->projected_net, self->settings.currency, 0);
      g_autofree char *net_a = isfinite (am->actual_net)
                               ? lo_format_money (am->actual_net, self->settings.currency, 0)
                               : g_strdup ("—");

      /* Translators: projected against actual figures of one month */
      subtitle = g_strdup_printf (_("Hours saved: projected %s, actual %s · Net: projected %s, actual %s"),
                                  projected, actual, net_p, net_a);
    }
  else if (am != NULL)
    {
      g_autofree char *projected = lo_format_number (am->projected_hours_saved, 1);

      subtitle = g_strdup_printf (_("Hours saved: projected %s; enter items and hours for the actual"),
                                  projected);
    }
  else
    subtitle = g_strdup (_("Enter the month’s items, hours, errors and run cost"));
  adw_expander_row_set_subtitle (ar->row, subtitle);
}

static void
actual_changed_cb (GtkEditable *editable,
                   ActualRow   *ar)
{
  LoProcessEditor *self = ar->self;
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  LoActual *a;
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "lo-field"));
  const char *text = gtk_editable_get_text (editable);

  if (self->updating || self->process == NULL || ar->index >= self->process->actuals->len)
    return;
  candidate = lo_process_copy (self->process);
  a = &g_array_index (candidate->actuals, LoActual, ar->index);
  if (field == ACTUAL_MONTH)
    {
      if (!parse_month (text, &a->year, &a->month))
        problem = g_strdup (_("Enter the month as YYYY-MM, e.g. 2027-03"));
    }
  else
    {
      double v = NAN;
      double *slot[] = { NULL, &a->items, &a->hours, &a->errors, &a->run_cost };

      if (*text != '\0' && !parse_value (text, &v))
        problem = g_strdup (_("not a number"));
      else
        *slot[field] = v;
    }
  if (problem == NULL)
    problem = accept (self, candidate);
  mark_invalid (GTK_WIDGET (editable), NULL, problem);
  if (problem == NULL)
    describe_actual (self, ar);
}

static void
remove_actual_cb (GtkButton *button,
                  ActualRow *ar)
{
  LoProcessEditor *self = ar->self;
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;

  if (self->process == NULL || ar->index >= self->process->actuals->len)
    return;
  candidate = lo_process_copy (self->process);
  g_array_remove_index (candidate->actuals, ar->index);
  problem = accept (self, candidate);
  if (problem != NULL)
    g_warning ("removing an actual month: %s", problem);
  /* GTK holds the button while this handler runs, so the rows can go now. */
  lo_process_editor_set_process (self, self->store, self->client, &self->settings, NULL);
}

static void
clear_actual_rows (LoProcessEditor *self)
{
  for (guint i = 0; i < self->actual_rows->len; i++)
    {
      ActualRow *ar = g_ptr_array_index (self->actual_rows, i);

      adw_preferences_group_remove (self->actuals_group, GTK_WIDGET (ar->row));
    }
  g_ptr_array_set_size (self->actual_rows, 0);
}

static void
build_actual_rows (LoProcessEditor *self)
{
  const char *titles[] = { N_("Month (YYYY-MM)"), N_("Items handled"), N_("Hours people spent"),
                           N_("Errors"), N_("Run cost") };

  clear_actual_rows (self);
  for (guint i = 0; i < self->process->actuals->len; i++)
    {
      const LoActual *a = &g_array_index (self->process->actuals, LoActual, i);
      ActualRow *ar = g_new0 (ActualRow, 1);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      double values[] = { 0, a->items, a->hours, a->errors, a->run_cost };

      ar->self = self;
      ar->index = i;
      ar->row = ADW_EXPANDER_ROW (lo_expander_row_new (_("Month")));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this month"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove this month"), -1);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_actual_cb), ar);
      adw_expander_row_add_action (ar->row, remove);
      for (guint f = 0; f < 5; f++)
        {
          GtkWidget *entry = adw_entry_row_new ();
          g_autofree char *text = NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(titles[f]));
          if (f == ACTUAL_MONTH)
            text = g_strdup_printf ("%04d-%02d", a->year, a->month);
          else
            text = isfinite (values[f]) ? format_value (values[f]) : g_strdup ("");
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          g_object_set_data (G_OBJECT (entry), "lo-field", GUINT_TO_POINTER (f));
          g_signal_connect (entry, "changed", G_CALLBACK (actual_changed_cb), ar);
          adw_expander_row_add_row (ar->row, entry);
          ar->entries[f] = ADW_ENTRY_ROW (entry);
        }
      adw_preferences_group_add (self->actuals_group, GTK_WIDGET (ar->row));
      g_ptr_array_add (self->actual_rows, ar);
      describe_actual (self, ar);
    }
}

static void
add_actual_cb (GtkButton       *button,
               LoProcessEditor *self)
{
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  LoActual a = { 0, 0, NAN, NAN, NAN, NAN };

  if (self->process == NULL)
    return;
  if (self->process->actuals->len > 0)
    {
      const LoActual *last = &g_array_index (self->process->actuals, LoActual,
                                             self->process->actuals->len - 1);

      a.year = last->year + (last->month == 12);
      a.month = last->month % 12 + 1;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      a.year = g_date_time_get_year (now);
      a.month = g_date_time_get_month (now);
    }
  candidate = lo_process_copy (self->process);
  g_array_append_val (candidate->actuals, a);
  problem = accept (self, candidate);
  if (problem != NULL)
    g_warning ("adding an actual month: %s", problem);
  self->updating = TRUE;
  build_actual_rows (self);
  self->updating = FALSE;
  if (self->actual_rows->len > 0)
    adw_expander_row_set_expanded (((ActualRow *) g_ptr_array_index (self->actual_rows,
                                                                      self->actual_rows->len - 1))->row, TRUE);
}

/* Figures and charts */

static void
set_figure (LoProcessEditor *self,
            guint            index,
            char            *text)
{
  /* Setting the same text would still lay the page out again. */
  if (g_strcmp0 (gtk_label_get_text (self->figures[index].value), text) != 0)
    gtk_label_set_text (self->figures[index].value, text);
  g_free (text);
}

static char *
months_text (double months)
{
  g_autofree char *n = NULL;

  if (!isfinite (months))
    return g_strdup (_("never"));
  n = lo_format_number (months, 1);
  /* Translators: a payback time, e.g. "9.7 months" */
  return g_strdup_printf (_("%s months"), n);
}

static void
show_figures (LoProcessEditor *self)
{
  const LoRoiFigures *e = &self->roi->expected;
  const char *cur = self->settings.currency;

  set_figure (self, 0, lo_format_money (e->npv, cur, 0));
  set_figure (self, 1, isfinite (e->roi_percent) ? lo_format_percent (e->roi_percent / 100, 0)
                                                 : g_strdup (_("none")));
  set_figure (self, 2, months_text (e->payback_months));
  set_figure (self, 3, isfinite (e->irr) ? lo_format_percent (e->irr, 1) : g_strdup (_("none")));
  set_figure (self, 4, lo_format_number (e->hours_saved_week, 1));
  set_figure (self, 5, lo_format_number (e->fte, 2));
  set_figure (self, 6, lo_format_money (e->annual_savings, cur, 0));
}

/* Sets a chart's caption when it changed: the accessible label and the
 * tooltip each cost more than the figures do. */
static void
set_caption (LoProcessEditor *self,
             guint            which,
             GtkWidget       *chart,
             const char      *caption)
{
  if (g_strcmp0 (self->captions[which], caption) == 0)
    return;
  g_free (self->captions[which]);
  self->captions[which] = g_strdup (caption);
  lo_chart_area_set_caption (chart, caption);
}

static void
update_captions (LoProcessEditor *self)
{
  const LoRoiFigures *e = &self->roi->expected;
  g_autofree char *npv = lo_format_money (e->npv, self->settings.currency, 0);
  g_autofree char *payback = months_text (e->payback_months);
  g_autofree char *low = lo_format_money (self->roi->conservative.npv, self->settings.currency, 0);
  g_autofree char *high = lo_format_money (self->roi->optimistic.npv, self->settings.currency, 0);
  g_autofree char *cashflow = NULL, *scenarios = NULL, *tornado = NULL;

  /* Translators: the finding of the cash-flow chart */
  cashflow = g_strdup_printf (_("Cumulative cash flow: pays back after %s; net present value %s."),
                              payback, npv);
  /* Translators: the finding of the scenarios chart */
  scenarios = g_strdup_printf (_("Scenarios: net present value from %s (conservative) to %s (optimistic)."),
                               low, high);
  if (self->roi->n_tornado > 0)
    /* Translators: the finding of the tornado chart */
    tornado = g_strdup_printf (_("Sensitivity: %s moves the net present value most."),
                               lo_input_label (self->roi->tornado[0].input));
  else
    tornado = g_strdup (_("Sensitivity: no input changes the net present value."));
  set_caption (self, CAPTION_CASHFLOW, self->cashflow_chart, cashflow);
  set_caption (self, CAPTION_SCENARIOS, self->scenarios_chart, scenarios);
  set_caption (self, CAPTION_TORNADO, self->tornado_chart, tornado);
}

static void
update_montecarlo_caption (LoProcessEditor *self)
{
  g_autofree char *caption = NULL;

  if (self->roi != NULL && self->roi->has_monte_carlo)
    {
      const LoMonteCarlo *mc = &self->roi->monte_carlo;
      g_autofree char *p10 = lo_format_money (mc->npv_p10, self->settings.currency, 0);
      g_autofree char *p90 = lo_format_money (mc->npv_p90, self->settings.currency, 0);
      g_autofree char *chance = lo_format_percent (mc->probability_positive, 0);

      /* Translators: the finding of the Monte Carlo chart */
      caption = g_strdup_printf (_("Monte Carlo: in 8 of 10 draws the net present value lies between %s and %s; "
                                   "it is positive in %s of the draws."), p10, p90, chance);
    }
  else if (self->mc_running)
    caption = g_strdup (_("Monte Carlo: simulating…"));
  else
    caption = g_strdup (_("Monte Carlo: give an input a low–high range to simulate the uncertainty."));
  if (g_strcmp0 (self->captions[CAPTION_MONTECARLO], caption) == 0)
    return;
  gtk_label_set_text (self->montecarlo_label, caption);
  set_caption (self, CAPTION_MONTECARLO, self->montecarlo_chart, caption);
}

static void
copy_monte_carlo (const LoMonteCarlo *src,
                  guint               horizon,
                  LoMonteCarlo       *dst)
{
  *dst = *src;
  dst->npv_sorted = g_memdup2 (src->npv_sorted, sizeof (double) * src->draws);
  dst->cumulative_p10 = g_memdup2 (src->cumulative_p10, sizeof (double) * (horizon + 1));
  dst->cumulative_p90 = g_memdup2 (src->cumulative_p90, sizeof (double) * (horizon + 1));
}

typedef struct
{
  LoProcess   *process;
  LoSettings   settings;
  guint        draws;
  guint        generation;
} MonteCarloJob;

static void
monte_carlo_job_free (MonteCarloJob *job)
{
  lo_process_unref (job->process);
  lo_settings_clear (&job->settings);
  g_free (job);
}

static void
monte_carlo_result_free (LoMonteCarlo *mc)
{
  lo_monte_carlo_clear (mc);
  g_free (mc);
}

static void
monte_carlo_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  MonteCarloJob *job = task_data;
  LoMonteCarlo *mc = g_new0 (LoMonteCarlo, 1);

  if (!lo_roi_monte_carlo (job->process, &job->settings, job->draws, LO_MONTE_CARLO_DEFAULT_SEED,
                           cancellable, mc))
    {
      g_free (mc);
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      monte_carlo_result_free (mc);
      return;
    }
  g_task_return_pointer (task, mc, (GDestroyNotify) monte_carlo_result_free);
}

static void
monte_carlo_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LoProcessEditor *self = LO_PROCESS_EDITOR (source);
  MonteCarloJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  LoMonteCarlo *mc;

  mc = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL || job->generation != self->mc_generation || self->roi == NULL)
    {
      g_clear_pointer (&mc, monte_carlo_result_free);
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
  update_montecarlo_caption (self);
  gtk_widget_queue_draw (self->scenarios_chart);
  gtk_widget_queue_draw (self->montecarlo_chart);
  g_signal_emit (self, signals[MONTE_CARLO_DONE], 0);
}

static void
start_monte_carlo (LoProcessEditor *self)
{
  g_autoptr(GTask) task = NULL;
  MonteCarloJob *job;

  if (self->mc_cancellable != NULL)
    g_cancellable_cancel (self->mc_cancellable);
  g_clear_object (&self->mc_cancellable);
  self->mc_generation++;
  if (self->draws == 0)
    {
      self->mc_running = FALSE;
      return;
    }
  self->mc_cancellable = g_cancellable_new ();
  job = g_new0 (MonteCarloJob, 1);
  job->process = lo_process_copy (self->process);
  lo_settings_copy (&self->settings, &job->settings);
  job->draws = self->draws;
  job->generation = self->mc_generation;
  task = g_task_new (self, self->mc_cancellable, monte_carlo_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) monte_carlo_job_free);
  g_task_set_name (task, "lo-monte-carlo");
  self->mc_running = TRUE;
  g_task_run_in_thread (task, monte_carlo_thread);
}

static void
recompute (LoProcessEditor *self)
{
  g_autoptr(GError) error = NULL;
  LoProcessRoi *roi;
  gboolean had_band = self->roi != NULL && self->roi->has_monte_carlo;

  /* Expected figures, scenarios and tornado only: the draws run in a thread. */
  roi = lo_process_roi_compute (self->process, &self->settings, 0, 0, NULL, &error);
  if (roi == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  /* Keep the last band on screen until the new one is in, when it still fits. */
  if (self->roi != NULL && self->roi->has_monte_carlo
      && self->roi->expected.horizon == roi->expected.horizon)
    {
      copy_monte_carlo (&self->roi->monte_carlo, roi->expected.horizon, &roi->monte_carlo);
      roi->has_monte_carlo = TRUE;
    }
  g_clear_pointer (&self->roi, lo_process_roi_unref);
  self->roi = roi;

  show_figures (self);
  update_captions (self);
  if (gtk_widget_get_visible (self->actuals_card) != (self->process->actuals->len > 0))
    gtk_widget_set_visible (self->actuals_card, self->process->actuals->len > 0);
  for (guint i = 0; i < self->actual_rows->len; i++)
    describe_actual (self, g_ptr_array_index (self->actual_rows, i));
  gtk_widget_queue_draw (self->cashflow_chart);
  gtk_widget_queue_draw (self->scenarios_chart);
  gtk_widget_queue_draw (self->tornado_chart);
  /* The band drawn stays until the new one is in. */
  if (had_band != self->roi->has_monte_carlo)
    gtk_widget_queue_draw (self->montecarlo_chart);
  if (self->process->actuals->len > 0)
    gtk_widget_queue_draw (self->actuals_chart);

  start_monte_carlo (self);
  update_montecarlo_caption (self);
  g_signal_emit (self, signals[FIGURES_UPDATED], 0);
}

typedef void (*RoiChartFunc) (cairo_t *, double, double, const LoRenderContext *, const LoProcessRoi *);

static void
draw_roi_chart (LoProcessEditor *self,
                RoiChartFunc     func,
                cairo_t         *cr,
                int              width,
                int              height)
{
  LoRenderContext ctx;

  if (self->roi == NULL)
    return;
  lo_render_context_for_screen (&ctx, self->settings.currency);
  func (cr, width, height, &ctx, self->roi);
}

static void
draw_cashflow (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  draw_roi_chart (data, lo_chart_cashflow_draw, cr, width, height);
}

static void
draw_scenarios (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  draw_roi_chart (data, lo_chart_scenarios_draw, cr, width, height);
}

static void
draw_montecarlo (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  draw_roi_chart (data, lo_chart_montecarlo_draw, cr, width, height);
}

static void
draw_tornado (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  draw_roi_chart (data, lo_chart_tornado_draw, cr, width, height);
}

static void
draw_actuals (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  draw_roi_chart (data, lo_chart_actuals_draw, cr, width, height);
}

static GtkWidget *
add_chart_card (LoProcessEditor        *self,
                const char             *title,
                int                     height,
                GtkDrawingAreaDrawFunc  draw,
                GtkWidget             **chart)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (self->charts_box), label);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  *chart = lo_chart_area_new (height, draw, self);
  gtk_box_append (GTK_BOX (card), *chart);
  gtk_box_append (GTK_BOX (self->charts_box), card);
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
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *caption = gtk_label_new (_(captions[i]));

      gtk_widget_set_name (value, figure_ids[i]);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (value, "title-3");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_selectable (GTK_LABEL (value), FALSE);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      caption, NULL, -1);
      gtk_flow_box_append (self->figures_box, box);
      gtk_widget_add_css_class (gtk_widget_get_parent (box), "card");
      self->figures[i].id = figure_ids[i];
      self->figures[i].value = GTK_LABEL (value);
    }
}

/* Layout: two columns when wide, one scrolled column when narrow. The
 * orientation changes in an idle, never during an allocation; the editor's
 * minimum width is the narrow one in both layouts, so that the change cannot
 * feed back into the width it is given. */

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
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      g_clear_pointer (&self->inputs[i].shown_problem, g_free);
      g_clear_pointer (&self->inputs[i].pending_problem, g_free);
    }
  for (guint i = 0; i < N_CAPTIONS; i++)
    g_clear_pointer (&self->captions[i], g_free);
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
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, columns);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, inputs_scroll);
  gtk_widget_class_bind_template_child (widget_class, LoProcessEditor, charts_scroll);
  gtk_widget_class_bind_template_callback (widget_class, add_actual_cb);
}

static void
lo_process_editor_init (LoProcessEditor *self)
{
  GtkWidget *label;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* AdwBin lays its child out with a GtkBinLayout: the editor does it itself. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  lo_settings_init_defaults (&self->settings);
  self->draws = LO_MONTE_CARLO_DEFAULT_DRAWS;
  self->actual_rows = g_ptr_array_new_with_free_func (g_free);

  build_input_rows (self);
  build_readiness_rows (self);
  build_alternative_rows (self);
  build_figures (self);
  add_chart_card (self, _("Cumulative Cash Flow"), 240, draw_cashflow, &self->cashflow_chart);
  add_chart_card (self, _("Scenarios"), 220, draw_scenarios, &self->scenarios_chart);
  add_chart_card (self, _("Monte Carlo"), 180, draw_montecarlo, &self->montecarlo_chart);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->charts_box, label);
  self->montecarlo_label = GTK_LABEL (label);
  add_chart_card (self, _("Sensitivity"), 340, draw_tornado, &self->tornado_chart);
  self->actuals_card = add_chart_card (self, _("Projected Against Actual"), 220, draw_actuals,
                                       &self->actuals_chart);
  /* The heading goes with the card. */
  g_object_bind_property (self->actuals_card, "visible",
                          gtk_widget_get_prev_sibling (self->actuals_card), "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect (self->start_row, "changed", G_CALLBACK (start_changed_cb), self);
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

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->process->name ? self->process->name : "");
  if (self->process->has_start)
    {
      g_autofree char *start = g_strdup_printf ("%04d-%02d", self->process->start_year,
                                                self->process->start_month);

      gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->start_row), "");
  mark_invalid (GTK_WIDGET (self->name_row), NULL, NULL);
  mark_invalid (GTK_WIDGET (self->start_row), NULL, NULL);
  show_inputs (self);
  gtk_range_set_value (GTK_RANGE (self->readiness[0]), self->process->has_readiness ? self->process->clarity : 3);
  gtk_range_set_value (GTK_RANGE (self->readiness[1]), self->process->has_readiness ? self->process->access : 3);
  gtk_range_set_value (GTK_RANGE (self->readiness[2]), self->process->has_readiness ? self->process->scope : 3);
  gtk_switch_set_active (self->alt_switch, self->process->has_alternative);
  for (guint i = 0; i < 2; i++)
    {
      double v = i == 0 ? self->process->alt_build_cost : self->process->alt_build_weeks;
      g_autofree char *text = self->process->has_alternative ? format_value (v) : g_strdup ("");

      gtk_editable_set_text (GTK_EDITABLE (self->alt_entries[i]), text);
      mark_invalid (GTK_WIDGET (self->alt_entries[i]), GTK_WIDGET (self->alt_rows[i]), NULL);
    }
  if (!same)
    g_clear_pointer (&self->roi, lo_process_roi_unref);
  build_actual_rows (self);
  self->updating = FALSE;
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
  return GTK_EDITABLE (self->inputs[input].entries[field]);
}

const char *
lo_process_editor_get_figure (LoProcessEditor *self,
                              const char      *figure)
{
  g_return_val_if_fail (LO_IS_PROCESS_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIGURES; i++)
    if (g_strcmp0 (figure, figure_ids[i]) == 0)
      return gtk_label_get_text (self->figures[i].value);
  return NULL;
}
