/* lo-process-editor-rows.c: the rows of the process editor the user types into
 *
 * Each edit is read, put on a copy of the process and handed to
 * lo_process_editor_accept(); an invalid value is marked on its row with the
 * reason and goes nowhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lo-edit-delay.h"
#include "lo-process-editor-private.h"
#include "lo-rows.h"

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

/* Input rows */

static void input_changed_cb (LoInputRow      *row,
                              LoProcessEditor *self);

/* Rows whose edit waited for another input to be corrected are taken now,
 * when they are valid. */
static void
retry_waiting_rows (LoProcessEditor *self,
                    LoInputRow      *done)
{
  if (self->retrying)
    return;
  self->retrying = TRUE;
  for (guint i = 0; i < LO_N_INPUTS; i++)
    if (self->inputs[i] != done && lo_input_row_get_problem (self->inputs[i]) != NULL)
      input_changed_cb (self->inputs[i], self);
  self->retrying = FALSE;
}

static void
input_changed_cb (LoInputRow      *row,
                  LoProcessEditor *self)
{
  g_autoptr(LoProcess) candidate = NULL;
  char *problem = NULL;
  LoInputField bad = LO_FIELD_VALUE;
  LoInput in;
  LoInputId id = lo_input_row_get_input (row);

  if (self->updating || self->process == NULL)
    return;
  in = self->process->inputs[id];
  if (lo_input_row_read (row, &in, &bad, &problem))
    {
      candidate = lo_process_copy (self->process);
      candidate->inputs[id] = in;
      problem = lo_process_editor_accept (self, candidate);
      /* Point at the entry the message is about. */
      if (problem != NULL && in.ranged && strstr (problem, C_("range", "low")) != NULL)
        bad = LO_FIELD_LOW;
      else if (problem != NULL && in.ranged && strstr (problem, C_("range", "high")) != NULL)
        bad = LO_FIELD_HIGH;
    }
  if (problem == NULL && candidate != NULL)
    retry_waiting_rows (self, row);
  lo_input_row_set_problem (row, problem, bad);
  lo_process_editor_update_stale (self);
}

static void
build_input_rows (LoProcessEditor *self)
{
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      GtkWidget *row = lo_input_row_new (i);

      self->inputs[i] = LO_INPUT_ROW (row);
      lo_input_row_set_unit (self->inputs[i], unit_text (self, i));
      g_signal_connect (row, "changed", G_CALLBACK (input_changed_cb), self);
      adw_preferences_group_add (self->inputs_group, row);
    }
}

/* A value stored before its limit existed is shown as invalid at once. */
static void
mark_stored_problem (LoProcessEditor *self,
                     LoInputRow      *row)
{
  LoInput in = self->process->inputs[lo_input_row_get_input (row)];
  LoInputField bad = LO_FIELD_VALUE;
  char *problem = NULL;

  if (!lo_input_row_read (row, &in, &bad, &problem))
    lo_input_row_set_problem (row, problem, bad);
}

static void
show_inputs (LoProcessEditor *self)
{
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      lo_input_row_set_unit (self->inputs[i], unit_text (self, i));
      lo_input_row_show (self->inputs[i], &self->process->inputs[i]);
      mark_stored_problem (self, self->inputs[i]);
    }
}

/* Name and start */

static void
name_changed_cb (GtkEditable *editable,
                 gpointer     data)
{
  LoProcessEditor *self = data;
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
      problem = lo_process_editor_accept (self, candidate);
    }
  lo_mark_invalid (GTK_WIDGET (editable), NULL, problem);
  lo_process_editor_update_stale (self);
}

static void
start_changed_cb (GtkEditable *editable,
                  gpointer     data)
{
  LoProcessEditor *self = data;
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
  else if (lo_parse_month (text, &year, &month))
    {
      candidate->has_start = TRUE;
      candidate->start_year = year;
      candidate->start_month = month;
    }
  else
    problem = g_strdup (_("Enter the month as YYYY-MM, e.g. 2026-12"));
  if (problem == NULL)
    problem = lo_process_editor_accept (self, candidate);
  lo_mark_invalid (GTK_WIDGET (editable), NULL, problem);
  lo_process_editor_update_stale (self);
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
  problem = lo_process_editor_accept (self, candidate);
  if (problem != NULL)
    lo_process_editor_show_failure (self, problem);
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

/* The problem of an alternative entry under its title, wrapping, and on the
 * entry (NULL: valid). */
static void
show_alternative_problem (LoProcessEditor *self,
                          guint            i,
                          const char      *problem)
{
  static const LoInputId ids[2] = { LO_INPUT_BUILD_COST, LO_INPUT_BUILD_WEEKS };
  const char *unit = unit_text (self, ids[i]);
  g_autofree char *subtitle = problem != NULL ? g_strdup_printf ("%s — %s", unit, problem) : g_strdup (unit);

  lo_mark_invalid (GTK_WIDGET (self->alt_entries[i]), GTK_WIDGET (self->alt_rows[i]), problem);
  lo_action_row_set_plain_subtitle (self->alt_rows[i], subtitle);
}

static void
alternative_changed_cb (LoProcessEditor *self)
{
  static const LoInputId ids[2] = { LO_INPUT_BUILD_COST, LO_INPUT_BUILD_WEEKS };
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  gboolean enabled = gtk_switch_get_active (self->alt_switch);
  double values[2] = { 0, 0 };
  guint bad = 0;

  if (self->updating || self->process == NULL)
    return;
  for (guint i = 0; enabled && i < 2 && problem == NULL; i++)
    {
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alt_entries[i]))));
      /* Translators: "Alternative quote, Build cost" */
      g_autofree char *name = g_strdup_printf (_("Alternative quote, %s"), lo_input_label (ids[i]));

      bad = i;
      if (!lo_formatter_parse (lo_formatter_lookup (NULL), typed, &values[i]))
        /* Translators: "Alternative quote, Build cost: “5,5,” is not a number" */
        problem = g_strdup_printf (_("%s: “%s” is not a number"), name, typed);
      else
        problem = lo_limit_problem (lo_limit_for_input (ids[i]), name, typed, values[i], 1,
                                    unit_text (self, ids[i]));
    }
  if (problem == NULL)
    {
      candidate = lo_process_copy (self->process);
      candidate->has_alternative = enabled;
      candidate->alt_build_cost = enabled ? values[0] : 0;
      candidate->alt_build_weeks = enabled ? values[1] : 0;
      problem = lo_process_editor_accept (self, candidate);
      bad = problem != NULL && strstr (problem, lo_input_name (LO_INPUT_BUILD_WEEKS)) != NULL;
    }
  for (guint i = 0; i < 2; i++)
    show_alternative_problem (self, i, i == bad ? problem : NULL);
  lo_process_editor_update_stale (self);
}

static void
alt_entry_changed_cb (GtkEditable *editable,
                      gpointer     data)
{
  alternative_changed_cb (data);
}

static void
alt_enabled_cb (GObject         *object,
                GParamSpec      *pspec,
                LoProcessEditor *self)
{
  alternative_changed_cb (self);
}

static GtkEntry *
alternative_entry (const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("value"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return GTK_ENTRY (entry);
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
      /* A problem shown under the title wraps, never ellipsized */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      self->alt_entries[i] = alternative_entry (a11y);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->alt_entries[i]));
      lo_edit_delay_attach (GTK_WIDGET (self->alt_entries[i]), alt_entry_changed_cb, self);
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
                 guint            index)
{
  LoActualRow *row = g_ptr_array_index (self->actual_rows, index);
  const LoActualMonth *am = actual_month (self, index);
  const LoFormatter *f = lo_formatter_lookup (NULL);
  const char *currency = self->settings.currency;
  g_autofree char *subtitle = NULL;

  /* A problem on the month stays in view until it is fixed. */
  if (lo_actual_row_has_problem (row))
    return;
  if (am != NULL && isfinite (am->actual_hours_saved))
    {
      g_autofree char *projected = lo_formatter_number (f, am->projected_hours_saved, 1);
      g_autofree char *actual = lo_formatter_number (f, am->actual_hours_saved, 1);
      g_autofree char *net_p = lo_formatter_money (f, am->projected_net, currency, 0);
      g_autofree char *net_a = isfinite (am->actual_net) ? lo_formatter_money (f, am->actual_net, currency, 0)
                                                         : g_strdup ("—");

      /* Translators: projected against actual figures of one month */
      subtitle = g_strdup_printf (_("Hours saved: projected %s, actual %s · Net: projected %s, actual %s"),
                                  projected, actual, net_p, net_a);
    }
  else if (am != NULL)
    {
      g_autofree char *projected = lo_formatter_number (f, am->projected_hours_saved, 1);

      subtitle = g_strdup_printf (_("Hours saved: projected %s; enter items and hours for the actual"),
                                  projected);
    }
  else
    subtitle = g_strdup (_("Enter the month’s items, hours, errors and run cost"));
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), subtitle) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static guint
actual_index (LoProcessEditor *self,
              LoActualRow     *row)
{
  guint index = G_MAXUINT;

  g_ptr_array_find (self->actual_rows, row, &index);
  return index;
}

static void
actual_changed_cb (LoActualRow     *row,
                   LoActualField    field,
                   LoProcessEditor *self)
{
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  guint index = actual_index (self, row);
  LoActual *a;

  if (self->updating || self->process == NULL || index >= self->process->actuals->len)
    return;
  candidate = lo_process_copy (self->process);
  a = &g_array_index (candidate->actuals, LoActual, index);
  if (lo_actual_row_read (row, field, a, &problem))
    problem = lo_process_editor_accept (self, candidate);
  lo_actual_row_mark (row, field, problem);
  lo_process_editor_update_stale (self);
  if (problem != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (problem, -1);

      /* Inline, where the month's figures were described */
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
    }
  if (problem == NULL)
    {
      g_autofree char *title = g_strdup_printf ("%04d-%02d", a->year, a->month);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      describe_actual (self, index);
    }
}

static void build_actual_rows (LoProcessEditor *self);

static void
remove_actual_cb (LoActualRow     *row,
                  LoProcessEditor *self)
{
  g_autoptr(LoProcess) candidate = NULL;
  g_autofree char *problem = NULL;
  guint index = actual_index (self, row);

  if (self->process == NULL || index >= self->process->actuals->len)
    return;
  candidate = lo_process_copy (self->process);
  g_array_remove_index (candidate->actuals, index);
  problem = lo_process_editor_accept (self, candidate);
  if (problem != NULL)
    lo_process_editor_show_failure (self, problem);
  /* GTK holds the button while this handler runs, so the rows can go now. */
  self->updating = TRUE;
  build_actual_rows (self);
  self->updating = FALSE;
  lo_process_editor_update_stale (self);
}

static void
build_actual_rows (LoProcessEditor *self)
{
  for (guint i = 0; i < self->actual_rows->len; i++)
    adw_preferences_group_remove (self->actuals_group, g_ptr_array_index (self->actual_rows, i));
  g_ptr_array_set_size (self->actual_rows, 0);
  for (guint i = 0; i < self->process->actuals->len; i++)
    {
      GtkWidget *row = lo_actual_row_new ();

      lo_actual_row_show (LO_ACTUAL_ROW (row), &g_array_index (self->process->actuals, LoActual, i));
      g_signal_connect (row, "changed", G_CALLBACK (actual_changed_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (remove_actual_cb), self);
      adw_preferences_group_add (self->actuals_group, row);
      g_ptr_array_add (self->actual_rows, row);
      describe_actual (self, i);
    }
}

void
lo_process_editor_add_actual_cb (GtkButton       *button,
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
  problem = lo_process_editor_accept (self, candidate);
  if (problem != NULL)
    lo_process_editor_show_failure (self, problem);
  self->updating = TRUE;
  build_actual_rows (self);
  self->updating = FALSE;
  if (self->actual_rows->len > 0)
    adw_expander_row_set_expanded (g_ptr_array_index (self->actual_rows, self->actual_rows->len - 1), TRUE);
}

void
lo_process_editor_describe_actuals (LoProcessEditor *self)
{
  for (guint i = 0; i < self->actual_rows->len; i++)
    describe_actual (self, i);
}

void
lo_process_editor_build_rows (LoProcessEditor *self)
{
  build_input_rows (self);
  build_readiness_rows (self);
  build_alternative_rows (self);
  lo_edit_delay_attach (GTK_WIDGET (self->name_row), name_changed_cb, self);
  lo_edit_delay_attach (GTK_WIDGET (self->start_row), start_changed_cb, self);
}

void
lo_process_editor_show_rows (LoProcessEditor *self)
{
  self->updating = TRUE;
  lo_edit_delay_set_text (GTK_WIDGET (self->name_row), self->process->name ? self->process->name : "");
  if (self->process->has_start)
    {
      g_autofree char *start = g_strdup_printf ("%04d-%02d", self->process->start_year,
                                                self->process->start_month);

      lo_edit_delay_set_text (GTK_WIDGET (self->start_row), start);
    }
  else
    lo_edit_delay_set_text (GTK_WIDGET (self->start_row), "");
  lo_mark_invalid (GTK_WIDGET (self->name_row), NULL, NULL);
  lo_mark_invalid (GTK_WIDGET (self->start_row), NULL, NULL);
  show_inputs (self);
  gtk_range_set_value (GTK_RANGE (self->readiness[0]), self->process->has_readiness ? self->process->clarity : 3);
  gtk_range_set_value (GTK_RANGE (self->readiness[1]), self->process->has_readiness ? self->process->access : 3);
  gtk_range_set_value (GTK_RANGE (self->readiness[2]), self->process->has_readiness ? self->process->scope : 3);
  gtk_switch_set_active (self->alt_switch, self->process->has_alternative);
  for (guint i = 0; i < 2; i++)
    {
      double v = i == 0 ? self->process->alt_build_cost : self->process->alt_build_weeks;
      g_autofree char *text = self->process->has_alternative
                              ? lo_formatter_plain (lo_formatter_lookup (NULL), v) : g_strdup ("");

      lo_edit_delay_set_text (GTK_WIDGET (self->alt_entries[i]), text);
      show_alternative_problem (self, i, NULL);
    }
  build_actual_rows (self);
  self->updating = FALSE;
  lo_process_editor_update_stale (self);
}

gboolean
lo_process_editor_rows_invalid (LoProcessEditor *self)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error")
      || gtk_widget_has_css_class (GTK_WIDGET (self->start_row), "error"))
    return TRUE;
  for (guint i = 0; i < LO_N_INPUTS; i++)
    if (lo_input_row_get_problem (self->inputs[i]) != NULL)
      return TRUE;
  for (guint i = 0; i < 2; i++)
    if (gtk_switch_get_active (self->alt_switch)
        && gtk_widget_has_css_class (GTK_WIDGET (self->alt_entries[i]), "error"))
      return TRUE;
  for (guint i = 0; i < self->actual_rows->len; i++)
    if (lo_actual_row_has_problem (g_ptr_array_index (self->actual_rows, i)))
      return TRUE;
  return FALSE;
}

gboolean
lo_process_editor_flush_rows (LoProcessEditor *self)
{
  gboolean any = FALSE;

  any |= lo_edit_delay_flush (GTK_WIDGET (self->name_row));
  any |= lo_edit_delay_flush (GTK_WIDGET (self->start_row));
  for (guint i = 0; i < LO_N_INPUTS; i++)
    any |= lo_input_row_flush (self->inputs[i]);
  for (guint i = 0; i < 2; i++)
    any |= lo_edit_delay_flush (GTK_WIDGET (self->alt_entries[i]));
  for (guint i = 0; i < self->actual_rows->len; i++)
    any |= lo_actual_row_flush (g_ptr_array_index (self->actual_rows, i));
  return any;
}
