/* test-ui-editor.c: the process editor on its own: figures in the user's
 * conventions, charts described by their captions, failed saves shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lo-chart-view.h"
#include "lo-gui-resources.h"
#include "lo-edit-delay.h"
#include "lo-process-editor-private.h"
#include "ui-test-util.h"

typedef struct
{
  char            *dir;
  char            *db;
  LoStore         *store;
  gint64           client;
  GtkWindow       *window;
  LoProcessEditor *editor;
  GPtrArray       *failures;  /* char* */
} Fixture;

/* Types @text into @editable and presses Enter: applied at once. */
static void
enter (GtkEditable *editable,
       const char  *text)
{
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (gtk_editable_get_delegate (editable), "activate");
}

static void
save_failed_cb (LoProcessEditor *editor,
                const char      *message,
                Fixture         *f)
{
  g_ptr_array_add (f->failures, g_strdup (message));
}

/* An editor in a toast overlay, showing a process from the invoicing
 * template of a client in a store that was opened with @read_only. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gboolean read_only = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoProcess) process = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  LoSettings settings;

  f->dir = g_dir_make_tmp ("lo-ui-editor-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->store = lo_store_open (f->db, &error);
  g_assert_no_error (error);
  f->client = lo_store_create_client (f->store, "Harbor Logistics", &error);
  g_assert_no_error (error);
  if (read_only)
    {
      g_clear_object (&f->store);
      f->store = lo_store_open_read_only (f->db, &error);
      g_assert_no_error (error);
    }

  f->failures = g_ptr_array_new_with_free_func (g_free);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
  f->editor = LO_PROCESS_EDITOR (lo_process_editor_new ());
  lo_process_editor_set_draws (f->editor, 0);
  g_signal_connect (f->editor, "save-failed", G_CALLBACK (save_failed_cb), f);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->editor));
  gtk_window_set_child (f->window, overlay);

  lo_settings_init_defaults (&settings);
  process = lo_process_new_from_template ("invoicing", NULL, 45);
  lo_process_editor_set_process (f->editor, f->store, f->client, &settings, process);
  lo_settings_clear (&settings);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->store);
  g_ptr_array_unref (f->failures);
  g_remove (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* A change that cannot be written reaches the user: ::save-failed (and the
 * toast the page shows), naming the process, never only a log line. */
static void
test_save_failed (Fixture       *f,
                  gconstpointer  data)
{
  GtkEditable *volume = lo_process_editor_get_entry (f->editor, LO_INPUT_VOLUME_PER_MONTH, LO_FIELD_VALUE);
  const char *message;

  g_assert_cmpuint (f->failures->len, ==, 0);
  enter (volume, "500");
  /* Valid: taken and shown at once, saved after the frame (now, by flush) */
  g_assert_cmpfloat (lo_process_get (lo_process_editor_get_process (f->editor), LO_INPUT_VOLUME_PER_MONTH),
                     ==, 500);
  lo_process_editor_flush (f->editor);
  g_assert_cmpuint (f->failures->len, ==, 1);
  message = g_ptr_array_index (f->failures, 0);
  g_assert_nonnull (strstr (message, "Invoicing"));
  g_assert_nonnull (strstr (message, "could not be saved"));

  /* Typing on: each failed save is reported again */
  enter (volume, "510");
  lo_process_editor_flush (f->editor);
  g_assert_cmpuint (f->failures->len, ==, 2);
}

/* The same edit in a writable store saves without a failure. */
static void
test_save_ok (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) stored = NULL;

  enter (lo_process_editor_get_entry (f->editor, LO_INPUT_VOLUME_PER_MONTH, LO_FIELD_VALUE), "500");
  lo_process_editor_flush (f->editor);
  g_assert_cmpuint (f->failures->len, ==, 0);
  stored = lo_store_load_engagement (f->store, f->client, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lo_process_get (lo_engagement_lookup_process (stored, "invoicing"),
                                     LO_INPUT_VOLUME_PER_MONTH), ==, 500);
}

static void
collect_charts (GtkWidget *widget,
                GPtrArray *charts)
{
  if (LO_IS_CHART_VIEW (widget))
    g_ptr_array_add (charts, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_charts (c, charts);
}

/* Money in the window reads as in the report: the test runs under the C
 * locale, whose conventions are English ones, so the NPV is the report's
 * "en" text, with thousands separators ("$513,732", never "$513732"). The
 * charts are described by the captions of render's chart table. */
static void
test_figures_and_charts (Fixture       *f,
                         gconstpointer  data)
{
  LoProcessRoi *roi = lo_process_editor_get_roi (f->editor);
  g_autofree char *report_npv = lo_formatter_money (lo_formatter_lookup ("en"), roi->expected.npv, "USD", 0);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  g_assert_cmpfloat (fabs (roi->expected.npv), >=, 1000);
  g_assert_cmpstr (lo_process_editor_get_figure (f->editor, "npv"), ==, report_npv);
  g_assert_nonnull (strchr (lo_process_editor_get_figure (f->editor, "npv"), ','));

  collect_charts (GTK_WIDGET (f->editor), charts);
  g_assert_cmpuint (charts->len, ==, 5);
  for (guint i = 0; i < charts->len; i++)
    {
      LoChartView *chart = g_ptr_array_index (charts, i);
      const LoChartInfo *info = lo_chart_lookup (lo_chart_view_get_chart (chart));
      LoRenderContext ctx;
      LoChartData chart_data;
      g_autofree char *caption = NULL;

      g_assert_nonnull (info);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           lo_chart_view_get_caption (chart));
      if (g_str_equal (info->name, "actuals"))
        continue; /* no actual months: not shown, not fed */
      /* the caption is the table's for the editor's figures */
      lo_render_context_for_screen (&ctx, "USD");
      lo_chart_data_init (&chart_data);
      chart_data.roi = roi;
      caption = info->caption (&ctx, &chart_data);
      g_assert_cmpstr (lo_chart_view_get_caption (chart), ==, caption);
    }
}

/* The editor's process as the store holds it (NULL before its first save). */
static LoProcess *
stored_process (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) stored = NULL;
  LoProcess *process;

  lo_process_editor_flush (f->editor);
  stored = lo_store_load_engagement (f->store, f->client, &error);
  g_assert_no_error (error);
  process = lo_engagement_lookup_process (stored, "invoicing");
  return process != NULL ? lo_process_copy (process) : NULL;
}

static GtkEditable *
entry_of (Fixture      *f,
          LoInputId     input,
          LoInputField  field)
{
  return lo_process_editor_get_entry (f->editor, input, field);
}

static const LoInput *
shown_input (Fixture   *f,
             LoInputId  input)
{
  return &lo_process_editor_get_process (f->editor)->inputs[input];
}

/* Item 15, first defect: a high of 99999999999999999999 (build cost, whose
 * limit is 10¹²) is refused on the field, naming it and the bound; nothing
 * is saved and the figures are marked stale until it is corrected. */
static void
test_huge_high (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LoProcess) before = NULL, after = NULL;
  GtkEditable *high = entry_of (f, LO_INPUT_BUILD_COST, LO_FIELD_HIGH);
  const char *problem;

  enter (entry_of (f, LO_INPUT_VOLUME_PER_MONTH, LO_FIELD_VALUE), "500");
  before = stored_process (f);
  g_assert_nonnull (before);
  g_assert_false (before->inputs[LO_INPUT_BUILD_COST].ranged);

  gtk_editable_set_text (entry_of (f, LO_INPUT_BUILD_COST, LO_FIELD_LOW), "30000");
  enter (high, "99999999999999999999");
  problem = lo_process_editor_get_problem (f->editor, LO_INPUT_BUILD_COST);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "Build cost, high"));
  g_assert_nonnull (strstr (problem, "99999999999999999999"));
  g_assert_nonnull (strstr (problem, "above the limit of 1,000,000,000,000"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (high), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (high)), ==, problem);
  g_assert_false (shown_input (f, LO_INPUT_BUILD_COST)->ranged);
  g_assert_true (lo_process_editor_get_stale (f->editor));
  after = stored_process (f);
  g_assert_false (after->inputs[LO_INPUT_BUILD_COST].ranged);
  g_assert_cmpfloat (after->inputs[LO_INPUT_BUILD_COST].value, ==, 40000);

  /* At the bound it is taken */
  enter (high, "1000000000000");
  g_assert_null (lo_process_editor_get_problem (f->editor, LO_INPUT_BUILD_COST));
  g_assert_false (lo_process_editor_get_stale (f->editor));
  g_clear_pointer (&after, lo_process_unref);
  after = stored_process (f);
  g_assert_true (after->inputs[LO_INPUT_BUILD_COST].ranged);
  g_assert_cmpfloat (after->inputs[LO_INPUT_BUILD_COST].high, ==, 1e12);
  g_assert_cmpfloat (after->inputs[LO_INPUT_BUILD_COST].low, ==, 30000);
  g_assert_cmpuint (f->failures->len, ==, 0);
}

/* Item 15, second defect: a likely value raised above its high is kept on
 * the field (nothing widened, nothing saved), the figures are marked stale,
 * and raising the high afterwards takes both: any order of editing works. */
static void
test_value_above_high (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LoProcess) stored = NULL;
  g_autofree char *npv = NULL;
  GtkEditable *value = entry_of (f, LO_INPUT_AUTOMATION_RATE, LO_FIELD_VALUE);
  GtkEditable *high = entry_of (f, LO_INPUT_AUTOMATION_RATE, LO_FIELD_HIGH);
  GtkWidget *note;
  const char *problem;

  gtk_editable_set_text (value, "60");
  gtk_editable_set_text (entry_of (f, LO_INPUT_AUTOMATION_RATE, LO_FIELD_LOW), "50");
  enter (high, "70");
  g_assert_null (lo_process_editor_get_problem (f->editor, LO_INPUT_AUTOMATION_RATE));
  npv = g_strdup (lo_process_editor_get_figure (f->editor, "npv"));

  enter (value, "80");
  problem = lo_process_editor_get_problem (f->editor, LO_INPUT_AUTOMATION_RATE);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "the likely value 80 % is above high 70 %"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (value), "error"));
  /* the typed value stays for the user to keep or change */
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "80");
  /* nothing widened, nothing taken */
  g_assert_cmpfloat_with_epsilon (shown_input (f, LO_INPUT_AUTOMATION_RATE)->value, 0.60, 1e-12);
  g_assert_cmpfloat_with_epsilon (shown_input (f, LO_INPUT_AUTOMATION_RATE)->high, 0.70, 1e-12);
  g_assert_cmpstr (gtk_editable_get_text (high), ==, "70");
  stored = stored_process (f);
  g_assert_cmpfloat_with_epsilon (stored->inputs[LO_INPUT_AUTOMATION_RATE].value, 0.60, 1e-12);
  /* the figures are the last valid ones, and say so */
  g_assert_cmpstr (lo_process_editor_get_figure (f->editor, "npv"), ==, npv);
  g_assert_true (lo_process_editor_get_stale (f->editor));
  note = GTK_WIDGET (f->editor->stale_label);
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "last valid inputs"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->editor->figures_box), "dim-label"));

  /* Raising the high now takes the value too */
  enter (high, "90");
  g_assert_null (lo_process_editor_get_problem (f->editor, LO_INPUT_AUTOMATION_RATE));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (value), "error"));
  g_assert_false (lo_process_editor_get_stale (f->editor));
  g_assert_false (gtk_widget_get_visible (note));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->editor->figures_box), "dim-label"));
  g_clear_pointer (&stored, lo_process_unref);
  stored = stored_process (f);
  g_assert_cmpfloat_with_epsilon (stored->inputs[LO_INPUT_AUTOMATION_RATE].value, 0.80, 1e-12);
  g_assert_cmpfloat_with_epsilon (stored->inputs[LO_INPUT_AUTOMATION_RATE].low, 0.50, 1e-12);
  g_assert_cmpfloat_with_epsilon (stored->inputs[LO_INPUT_AUTOMATION_RATE].high, 0.90, 1e-12);
  g_assert_cmpstr (lo_process_editor_get_figure (f->editor, "npv"), !=, npv);

  /* Lowering the low below a value typed under it works the same way */
  enter (value, "40");
  g_assert_nonnull (strstr (lo_process_editor_get_problem (f->editor, LO_INPUT_AUTOMATION_RATE),
                            "low 50 % is above the likely value 40 %"));
  enter (entry_of (f, LO_INPUT_AUTOMATION_RATE, LO_FIELD_LOW), "30");
  g_assert_null (lo_process_editor_get_problem (f->editor, LO_INPUT_AUTOMATION_RATE));
  g_assert_cmpfloat_with_epsilon (shown_input (f, LO_INPUT_AUTOMATION_RATE)->value, 0.40, 1e-12);
}

/* Item 15, third defect: a percent field speaks in percent. */
static void
test_percent_message (Fixture       *f,
                      gconstpointer  data)
{
  GtkEditable *rate = entry_of (f, LO_INPUT_AUTOMATION_RATE, LO_FIELD_VALUE);
  const char *problem;

  enter (rate, "150");
  problem = lo_process_editor_get_problem (f->editor, LO_INPUT_AUTOMATION_RATE);
  g_assert_cmpstr (problem, ==, "Automation rate: 150 % is above the limit of 100 %");
  g_assert_null (strstr (problem, "1.5"));
  g_assert_null (strstr (problem, "between 0 and 1"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (rate)), ==, problem);
  g_assert_cmpfloat_with_epsilon (shown_input (f, LO_INPUT_AUTOMATION_RATE)->value, 0.85, 1e-12);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Item 15, fourth defect: "5" on the way to "5.5" is never applied. The text
 * applies when typing stops (LO_EDIT_DELAY_MS), and only when it parses
 * whole; Enter and leaving the field apply it at once. */
static void
test_half_typed (Fixture       *f,
                 gconstpointer  data)
{
  GtkEditable *minutes = entry_of (f, LO_INPUT_MINUTES_PER_ITEM, LO_FIELD_VALUE);
  guint updates = 0;

  gtk_widget_set_visible (GTK_WIDGET (f->window), TRUE);
  ui_test_wait_frame (GTK_WIDGET (f->editor));
  g_signal_connect_swapped (f->editor, "figures-updated", G_CALLBACK (count_cb), &updates);

  /* Typing "5", "5.", "5.5": each keystroke is a change of the text */
  gtk_editable_set_text (minutes, "5");
  ui_test_flush ();
  g_assert_cmpfloat (shown_input (f, LO_INPUT_MINUTES_PER_ITEM)->value, ==, 20);
  gtk_editable_set_text (minutes, "5.");
  ui_test_flush ();
  gtk_editable_set_text (minutes, "5.5");
  ui_test_flush ();
  g_assert_cmpfloat (shown_input (f, LO_INPUT_MINUTES_PER_ITEM)->value, ==, 20);
  g_assert_cmpuint (updates, ==, 0);
  /* typing stops: the whole value applies, once */
  ui_test_wait_for (shown_input (f, LO_INPUT_MINUTES_PER_ITEM)->value == 5.5);
  g_assert_cmpuint (updates, ==, 1);

  /* A text that does not parse whole applies nothing, and says so */
  gtk_editable_set_text (minutes, "5.5.");
  ui_test_wait_for (lo_process_editor_get_problem (f->editor, LO_INPUT_MINUTES_PER_ITEM) != NULL);
  g_assert_nonnull (strstr (lo_process_editor_get_problem (f->editor, LO_INPUT_MINUTES_PER_ITEM),
                            "is not a number"));
  g_assert_cmpfloat (shown_input (f, LO_INPUT_MINUTES_PER_ITEM)->value, ==, 5.5);
  g_assert_cmpuint (updates, ==, 1);

  /* Leaving the field applies at once */
  gtk_editable_set_text (minutes, "7");
  g_assert_true (lo_edit_delay_is_pending (GTK_WIDGET (minutes)));
  gtk_widget_grab_focus (GTK_WIDGET (minutes));
  gtk_widget_grab_focus (GTK_WIDGET (entry_of (f, LO_INPUT_HOURLY_COST, LO_FIELD_VALUE)));
  ui_test_wait_for (shown_input (f, LO_INPUT_MINUTES_PER_ITEM)->value == 7);
  g_assert_false (lo_edit_delay_is_pending (GTK_WIDGET (minutes)));
  g_assert_cmpuint (updates, ==, 2);
}

/* Item 15, fifth defect: Ctrl+Z undoes the field's own edits and stops at
 * the text the editor showed; it never empties the field. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  GtkEditable *volume = entry_of (f, LO_INPUT_VOLUME_PER_MONTH, LO_FIELD_VALUE);
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (volume));
  int position;

  g_assert_cmpstr (gtk_editable_get_text (volume), ==, "400");
  g_assert_true (gtk_editable_get_enable_undo (volume));
  /* the user types a "0" at the end, and Enter */
  position = 3;
  gtk_editable_insert_text (volume, "0", 1, &position);
  g_signal_emit_by_name (gtk_editable_get_delegate (volume), "activate");
  g_assert_cmpfloat (shown_input (f, LO_INPUT_VOLUME_PER_MONTH)->value, ==, 4000);

  /* Ctrl+Z (the text's undo action) */
  g_assert_true (gtk_widget_activate_action (text, "text.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (volume), ==, "400");
  g_assert_true (gtk_widget_activate_action (text, "text.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (volume), ==, "400");
  g_signal_emit_by_name (gtk_editable_get_delegate (volume), "activate");
  g_assert_cmpfloat (shown_input (f, LO_INPUT_VOLUME_PER_MONTH)->value, ==, 400);
  /* Redo brings the edit back */
  g_assert_true (gtk_widget_activate_action (text, "text.redo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (volume), ==, "4000");
}

static void
find_labels (GtkWidget  *widget,
             const char *text,
             GPtrArray  *labels)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    g_ptr_array_add (labels, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    find_labels (c, text, labels);
}

/* Item 15, sixth defect: the problem under a field wraps, never clipped or
 * ellipsized, in a narrow window too. */
static void
test_problem_wraps (Fixture       *f,
                    gconstpointer  data)
{
  GtkEditable *high = entry_of (f, LO_INPUT_RUN_COST_PER_MONTH, LO_FIELD_HIGH);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (high), LO_TYPE_INPUT_ROW);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *problem;
  GtkWidget *label;
  int minimum, natural;

  gtk_window_set_default_size (f->window, 360, 700);
  gtk_widget_set_visible (GTK_WIDGET (f->window), TRUE);
  gtk_editable_set_text (entry_of (f, LO_INPUT_RUN_COST_PER_MONTH, LO_FIELD_LOW), "1");
  enter (high, "99999999999999999999");
  problem = lo_process_editor_get_problem (f->editor, LO_INPUT_RUN_COST_PER_MONTH);
  g_assert_nonnull (problem);
  ui_test_wait_frame (row);

  find_labels (row, problem, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  label = g_ptr_array_index (labels, 0);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  /* it has all the height its text needs at its width, within the row */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label),
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (label), >=, natural);
  g_assert_cmpint (gtk_widget_get_height (row), >=, gtk_widget_get_height (label));
}

/* SPEC §2c's limits of the process inputs as the editor shows them: the
 * upper bound in the field's unit (percent for rates) as typed, and as the
 * message writes it. Every lower bound is 0. */
static const struct
{
  LoInputId   input;
  const char *max;
  const char *past;
  const char *max_text;
} input_limits[] = {
  { LO_INPUT_VOLUME_PER_MONTH, "1000000000", "1000000001", "1,000,000,000" },
  { LO_INPUT_MINUTES_PER_ITEM, "10000", "10000.5", "10,000" },
  { LO_INPUT_HOURLY_COST, "1000000", "1000000.01", "1,000,000" },
  { LO_INPUT_AUTOMATION_RATE, "100", "100.1", "100 %" },
  { LO_INPUT_EXCEPTION_RATE, "100", "100.1", "100 %" },
  { LO_INPUT_MINUTES_PER_EXCEPTION, "10000", "10001", "10,000" },
  { LO_INPUT_ERROR_RATE_BEFORE, "100", "101", "100 %" },
  { LO_INPUT_ERROR_RATE_AFTER, "100", "100.01", "100 %" },
  { LO_INPUT_COST_PER_ERROR, "1000000000", "1000000001", "1,000,000,000" },
  { LO_INPUT_BUILD_COST, "1000000000000", "1000000000001", "1,000,000,000,000" },
  { LO_INPUT_BUILD_WEEKS, "520", "520.5", "520" },
  { LO_INPUT_RUN_COST_PER_MONTH, "10000000000", "10000000001", "10,000,000,000" },
  { LO_INPUT_RAMP_MONTHS, "120", "121", "120" },
  { LO_INPUT_REVIEW_MINUTES_PER_ITEM, "10000", "10000.1", "10,000" },
  { LO_INPUT_OVERSIGHT_HOURS_PER_MONTH, "100000", "100001", "100,000" },
};

static void
assert_refused (const char *problem,
                const char *name,
                const char *words)
{
  g_assert_nonnull (problem);
  if (!g_str_has_prefix (problem, name) || strstr (problem, words) == NULL)
    g_error ("“%s” should start with “%s” and say “%s”", problem, name, words);
}

static double
stored_input (Fixture   *f,
              LoInputId  input,
              gboolean  *ranged,
              double    *low,
              double    *high)
{
  g_autoptr(LoProcess) stored = stored_process (f);
  const LoInput *in = &stored->inputs[input];

  if (ranged)
    *ranged = in->ranged;
  if (low)
    *low = in->low;
  if (high)
    *high = in->high;
  return in->value;
}

/* Every §2c limit of a process input through the editor's fields: at the
 * bound accepted and saved, just past it refused with a message naming the
 * input (and the range end) and the bound, nothing saved. */
static void
test_input_limits (Fixture       *f,
                   gconstpointer  data)
{
  for (guint k = 0; k < G_N_ELEMENTS (input_limits); k++)
    {
      LoInputId id = input_limits[k].input;
      double factor = lo_input_unit (id) == LO_UNIT_FRACTION ? 100 : 1;
      double max = g_ascii_strtod (input_limits[k].max, NULL) / factor;
      const char *label = lo_input_label (id);
      GtkEditable *value = entry_of (f, id, LO_FIELD_VALUE);
      GtkEditable *low = entry_of (f, id, LO_FIELD_LOW);
      GtkEditable *high = entry_of (f, id, LO_FIELD_HIGH);
      g_autofree char *above = g_strdup_printf ("above the limit of %s", input_limits[k].max_text);
      g_autofree char *low_name = g_strdup_printf ("%s, low:", label);
      g_autofree char *high_name = g_strdup_printf ("%s, high:", label);
      gboolean ranged;
      double stored_low, stored_high;

      /* The likely value at the bound, and past it */
      gtk_editable_set_text (low, "");
      gtk_editable_set_text (high, "");
      enter (value, input_limits[k].max);
      g_assert_null (lo_process_editor_get_problem (f->editor, id));
      g_assert_cmpfloat_with_epsilon (stored_input (f, id, NULL, NULL, NULL), max, max * 1e-12);
      enter (value, input_limits[k].past);
      assert_refused (lo_process_editor_get_problem (f->editor, id), label, above);
      g_assert_true (lo_process_editor_get_stale (f->editor));
      g_assert_cmpfloat_with_epsilon (shown_input (f, id)->value, max, max * 1e-12);
      g_assert_cmpfloat_with_epsilon (stored_input (f, id, NULL, NULL, NULL), max, max * 1e-12);

      /* At the lower bound, and below it */
      enter (value, "0");
      g_assert_null (lo_process_editor_get_problem (f->editor, id));
      g_assert_cmpfloat (stored_input (f, id, NULL, NULL, NULL), ==, 0);
      enter (value, "-1");
      assert_refused (lo_process_editor_get_problem (f->editor, id), label, "below the limit of 0");
      g_assert_cmpfloat (stored_input (f, id, NULL, NULL, NULL), ==, 0);

      /* A range from the lower to the upper bound, then past each end */
      gtk_editable_set_text (value, input_limits[k].max);
      gtk_editable_set_text (low, "0");
      enter (high, input_limits[k].max);
      g_assert_null (lo_process_editor_get_problem (f->editor, id));
      stored_input (f, id, &ranged, &stored_low, &stored_high);
      g_assert_true (ranged);
      g_assert_cmpfloat (stored_low, ==, 0);
      g_assert_cmpfloat_with_epsilon (stored_high, max, max * 1e-12);
      enter (high, input_limits[k].past);
      assert_refused (lo_process_editor_get_problem (f->editor, id), high_name, above);
      g_assert_cmpfloat_with_epsilon (shown_input (f, id)->high, max, max * 1e-12);
      stored_input (f, id, &ranged, &stored_low, &stored_high);
      g_assert_cmpfloat_with_epsilon (stored_high, max, max * 1e-12);
      gtk_editable_set_text (high, input_limits[k].max);
      enter (low, "-1");
      assert_refused (lo_process_editor_get_problem (f->editor, id), low_name, "below the limit of 0");
      stored_input (f, id, &ranged, &stored_low, &stored_high);
      g_assert_cmpfloat (stored_low, ==, 0);

      /* Valid again: the figures are fresh */
      enter (low, "0");
      g_assert_null (lo_process_editor_get_problem (f->editor, id));
      g_assert_false (lo_process_editor_get_stale (f->editor));
    }
  g_assert_cmpuint (f->failures->len, ==, 0);
}

/* The alternative quote's limits (build cost and build weeks), the name's
 * length and the actual figures' (items, hours, errors, run cost) through
 * the editor. */
static void
test_other_limits (Fixture       *f,
                   gconstpointer  data)
{
  static const struct
  {
    LoActualField field;
    const char   *name;
    const char   *max;
    const char   *past;
    const char   *words;
  } actual_limits[] = {
    { LO_ACTUAL_ITEMS, "Items handled", "1000000000", "1000000001", "above the limit of 1,000,000,000 items" },
    { LO_ACTUAL_HOURS, "Hours people spent", "1000000", "1000000.5", "above the limit of 1,000,000 hours" },
    { LO_ACTUAL_ERRORS, "Errors", "1000000000", "1000000001", "above the limit of 1,000,000,000 errors" },
    { LO_ACTUAL_RUN_COST, "Run cost", "10000000000", "10000000001", "above the limit of 10,000,000,000" },
  };
  GtkEditable *cost = GTK_EDITABLE (f->editor->alt_entries[0]);
  GtkEditable *weeks = GTK_EDITABLE (f->editor->alt_entries[1]);
  g_autoptr(LoProcess) stored = NULL;
  LoActualRow *row;

  gtk_switch_set_active (f->editor->alt_switch, TRUE);
  gtk_editable_set_text (cost, "1000000000000");
  enter (weeks, "520");
  g_assert_false (lo_process_editor_get_stale (f->editor));
  stored = stored_process (f);
  g_assert_true (stored->has_alternative);
  g_assert_cmpfloat (stored->alt_build_cost, ==, 1e12);
  g_assert_cmpfloat (stored->alt_build_weeks, ==, 520);

  enter (cost, "1000000000001");
  assert_refused (gtk_widget_get_tooltip_text (GTK_WIDGET (cost)), "Alternative quote, Build cost:",
                  "above the limit of 1,000,000,000,000");
  g_assert_true (lo_process_editor_get_stale (f->editor));
  enter (cost, "0");
  g_assert_false (lo_process_editor_get_stale (f->editor));
  enter (weeks, "521");
  assert_refused (gtk_widget_get_tooltip_text (GTK_WIDGET (weeks)), "Alternative quote, Build weeks:",
                  "above the limit of 520");
  /* inline too, under the row's title */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (f->editor->alt_rows[1]), "above the limit of 520"));
  enter (weeks, "-1");
  assert_refused (gtk_widget_get_tooltip_text (GTK_WIDGET (weeks)), "Alternative quote, Build weeks:",
                  "below the limit of 0");
  g_clear_pointer (&stored, lo_process_unref);
  stored = stored_process (f);
  g_assert_cmpfloat (stored->alt_build_cost, ==, 0);
  g_assert_cmpfloat (stored->alt_build_weeks, ==, 520);
  enter (weeks, "0");
  g_assert_false (lo_process_editor_get_stale (f->editor));

  /* The name: at most 200 characters */
  {
    GtkEditable *name = GTK_EDITABLE (f->editor->name_row);
    g_autofree char *longest = g_strnfill (200, 'n');
    g_autofree char *longer = g_strnfill (201, 'n');

    enter (name, longest);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
    g_clear_pointer (&stored, lo_process_unref);
    stored = stored_process (f);
    g_assert_cmpstr (stored->name, ==, longest);
    enter (name, longer);
    assert_refused (gtk_widget_get_tooltip_text (GTK_WIDGET (name)), "name:",
                    "201 characters are above the limit of 200");
    g_assert_true (lo_process_editor_get_stale (f->editor));
    g_clear_pointer (&stored, lo_process_unref);
    stored = stored_process (f);
    g_assert_cmpstr (stored->name, ==, longest);
    enter (name, "Invoicing");
    g_assert_false (lo_process_editor_get_stale (f->editor));
  }

  lo_process_editor_add_actual_cb (NULL, f->editor);
  g_assert_cmpuint (f->editor->actual_rows->len, ==, 1);
  row = g_ptr_array_index (f->editor->actual_rows, 0);
  for (guint k = 0; k < G_N_ELEMENTS (actual_limits); k++)
    {
      GtkEditable *entry = lo_actual_row_get_entry (row, actual_limits[k].field);
      double max = g_ascii_strtod (actual_limits[k].max, NULL);
      const LoActual *a;

      enter (entry, actual_limits[k].max);
      g_assert_false (lo_process_editor_get_stale (f->editor));
      enter (entry, actual_limits[k].past);
      assert_refused (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)), actual_limits[k].name,
                      actual_limits[k].words);
      /* inline too: the month's subtitle */
      assert_refused (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), actual_limits[k].name,
                      actual_limits[k].words);
      g_assert_true (lo_process_editor_get_stale (f->editor));
      enter (entry, "-1");
      assert_refused (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)), actual_limits[k].name,
                      "below the limit of 0");
      g_clear_pointer (&stored, lo_process_unref);
      stored = stored_process (f);
      g_assert_cmpuint (stored->actuals->len, ==, 1);
      a = &g_array_index (stored->actuals, LoActual, 0);
      g_assert_cmpfloat (actual_limits[k].field == LO_ACTUAL_ITEMS ? a->items
                         : actual_limits[k].field == LO_ACTUAL_HOURS ? a->hours
                         : actual_limits[k].field == LO_ACTUAL_ERRORS ? a->errors : a->run_cost, ==, max);
      enter (entry, "0");
      g_assert_false (lo_process_editor_get_stale (f->editor));
    }
  g_assert_cmpuint (f->failures->len, ==, 0);
}

/* SPEC §2c: a process stored before a limit existed (here a build cost high
 * of 10²⁰) opens with that input marked and its figures withheld until it
 * is corrected. */
static void
test_stored_out_of_limit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LoProcess) process = lo_process_new_from_template ("invoicing", NULL, 45);
  LoSettings settings;
  const char *problem;

  process->inputs[LO_INPUT_BUILD_COST].ranged = TRUE;
  process->inputs[LO_INPUT_BUILD_COST].low = 30000;
  process->inputs[LO_INPUT_BUILD_COST].high = 1e20;
  g_free (process->id);
  process->id = g_strdup ("old");
  lo_settings_init_defaults (&settings);
  lo_process_editor_set_process (f->editor, f->store, f->client, &settings, process);
  lo_settings_clear (&settings);

  problem = lo_process_editor_get_problem (f->editor, LO_INPUT_BUILD_COST);
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem, "Build cost, high:"));
  g_assert_nonnull (strstr (problem, "above the limit of 1,000,000,000,000"));
  g_assert_true (lo_process_editor_get_stale (f->editor));
  g_assert_cmpstr (lo_process_editor_get_figure (f->editor, "npv"), ==, "—");

  /* Another field's edit waits for it, naming it */
  enter (entry_of (f, LO_INPUT_VOLUME_PER_MONTH, LO_FIELD_VALUE), "500");
  g_assert_nonnull (strstr (lo_process_editor_get_problem (f->editor, LO_INPUT_VOLUME_PER_MONTH), "build-cost"));

  /* Corrected: the figures come back, and the edit that waited is taken */
  enter (entry_of (f, LO_INPUT_BUILD_COST, LO_FIELD_HIGH), "50000");
  g_assert_null (lo_process_editor_get_problem (f->editor, LO_INPUT_BUILD_COST));
  g_assert_null (lo_process_editor_get_problem (f->editor, LO_INPUT_VOLUME_PER_MONTH));
  g_assert_cmpstr (lo_process_editor_get_figure (f->editor, "npv"), !=, "—");
  g_assert_cmpfloat (shown_input (f, LO_INPUT_VOLUME_PER_MONTH)->value, ==, 500);
  g_assert_false (lo_process_editor_get_stale (f->editor));
  lo_process_editor_flush (f->editor);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoEngagement) engagement = lo_store_load_engagement (f->store, f->client, &error);
    const LoProcess *p;

    g_assert_no_error (error);
    p = lo_engagement_lookup_process (engagement, "old");
    g_assert_nonnull (p);
    g_assert_cmpfloat (p->inputs[LO_INPUT_BUILD_COST].high, ==, 50000);
    g_assert_cmpfloat (p->inputs[LO_INPUT_VOLUME_PER_MONTH].value, ==, 500);
  }
  g_assert_cmpuint (f->failures->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  const char *system_data = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *data_dirs = g_strdup (system_data ? system_data : "/usr/local/share:/usr/share");

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  gtk_init ();
  adw_init ();
  /* Links the templates in: the window does the same */
  g_assert_nonnull (lo_gui_get_resource ());

  g_test_add ("/lo/ui/editor/save-failed", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_save_failed, fixture_teardown);
  g_test_add ("/lo/ui/editor/save-ok", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_save_ok, fixture_teardown);
  g_test_add ("/lo/ui/editor/figures-and-charts", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_figures_and_charts, fixture_teardown);
  g_test_add ("/lo/ui/editor/huge-high", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_huge_high, fixture_teardown);
  g_test_add ("/lo/ui/editor/value-above-high", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_value_above_high, fixture_teardown);
  g_test_add ("/lo/ui/editor/percent-message", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_percent_message, fixture_teardown);
  g_test_add ("/lo/ui/editor/half-typed", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_half_typed, fixture_teardown);
  g_test_add ("/lo/ui/editor/undo", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_undo, fixture_teardown);
  g_test_add ("/lo/ui/editor/problem-wraps", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_problem_wraps, fixture_teardown);
  g_test_add ("/lo/ui/editor/input-limits", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_input_limits, fixture_teardown);
  g_test_add ("/lo/ui/editor/other-limits", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_other_limits, fixture_teardown);
  g_test_add ("/lo/ui/editor/stored-out-of-limit", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_stored_out_of_limit, fixture_teardown);
  return g_test_run ();
}
