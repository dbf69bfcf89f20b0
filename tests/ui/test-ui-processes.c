/* test-ui-processes.c: processes, roadmap, export and print through the window
 *
 * Each step does what a click or a key press does (an action a menu item
 * activates, a button's "clicked", text typed into an entry), then looks at
 * the store, at what the window shows, and at the files written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lo-application.h"
#include "lo-window.h"
#include "lo-processes-page.h"
#include "lo-process-editor.h"
#include "lo-roadmap-page.h"
#include "lo-export-dialog.h"
#include "lo-print.h"
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

  f->dir = g_dir_make_tmp ("lo-ui-processes-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->store = lo_store_open (f->db, &error);
  g_assert_no_error (error);
  f->window = lo_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  ui_test_wait_frame (GTK_WIDGET (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-demo", NULL);
  ui_test_wait_for (lo_window_get_client (f->window) != 0 && lo_window_get_score (f->window) != NULL);
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

/* The widget of @type once it is built and on screen. */
static GtkWidget *
shown (Fixture *f,
       GType    type)
{
  GtkWidget *widget;

  ui_test_wait_for ((widget = ui_test_find_type (GTK_WIDGET (f->window), type)) != NULL
                    && gtk_widget_get_mapped (widget));
  return widget;
}

static LoEngagement *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LoEngagement *engagement = lo_store_load_engagement (f->store, lo_window_get_client (f->window), &error);

  g_assert_no_error (error);
  return engagement;
}

static guint
n_stored_processes (Fixture *f)
{
  g_autoptr(LoEngagement) engagement = stored (f);

  return engagement->processes->len;
}

/* Whether the stored process @id has @likely for @input, and a range when
 * @ranged. */
static gboolean
stored_input_is (Fixture    *f,
                 const char *id,
                 LoInputId   input,
                 double      likely,
                 gboolean    ranged)
{
  g_autoptr(LoEngagement) engagement = stored (f);
  const LoProcess *process = lo_engagement_lookup_process (engagement, id);

  return process != NULL && G_APPROX_VALUE (lo_process_get (process, input), likely, 1e-12)
         && !process->inputs[input].ranged == !ranged;
}

static gboolean
stored_first_process (Fixture    *f,
                      const char *id,
                      gboolean    custom_order)
{
  g_autoptr(LoEngagement) engagement = stored (f);

  return engagement->processes->len > 0 && !engagement->custom_order == !custom_order
         && g_strcmp0 (((LoProcess *) g_ptr_array_index (engagement->processes, 0))->id, id) == 0;
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
pdf_info (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdfinfo", pdf, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
type_into (GtkEditable *editable,
           const char  *text)
{
  /* What typing does: the text changes; Enter (the text's activate) applies it (else typing
   * stopping would); the editor saves right after the frame that shows the
   * new figures. */
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (gtk_editable_get_delegate (editable), "activate");
  ui_test_wait_frame (GTK_WIDGET (editable));
}

static void
test_processes (Fixture       *f,
                gconstpointer  data)
{
  LoProcessesPage *page;
  LoProcessEditor *editor;
  g_autoptr(LoEngagement) before = stored (f);
  g_autoptr(LoEngagement) after = NULL;
  g_autoptr(LoEngagement) again = NULL;
  g_autoptr(LoProcessRoi) roi = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_npv = NULL;
  GtkEditable *rate;
  const LoProcess *added;
  guint n = before->processes->len;

  /* The window builds a page the first time it is shown. */
  g_assert_null (ui_test_find_type (GTK_WIDGET (f->window), LO_TYPE_PROCESSES_PAGE));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "processes");
  page = LO_PROCESSES_PAGE (shown (f, LO_TYPE_PROCESSES_PAGE));
  editor = lo_processes_page_get_editor (page);

  /* Add Process → From a Template → Inventory reconciliation (what the menu item activates). */
  gtk_widget_activate_action (GTK_WIDGET (page), "processes.add", "s", "inventory-reconciliation");
  ui_test_wait_for (n_stored_processes (f) == n + 1);
  after = stored (f);
  g_assert_cmpuint (after->processes->len, ==, n + 1);
  added = g_ptr_array_index (after->processes, n);
  /* The demo has inventory-reconciliation already: the new one gets a fresh id. */
  g_assert_cmpstr (added->id, ==, "inventory-reconciliation-2");
  g_assert_cmpstr (lo_processes_page_get_selected (page), ==, "inventory-reconciliation-2");
  g_assert_cmpstr (lo_process_editor_get_process (editor)->id, ==, "inventory-reconciliation-2");
  /* The template's likely automation rate: 75 %. */
  g_assert_cmpfloat_with_epsilon (lo_process_get (added, LO_INPUT_AUTOMATION_RATE), 0.75, 1e-12);

  /* An invalid value: 150 % automation. Marked on the field, not saved. */
  rate = lo_process_editor_get_entry (editor, LO_INPUT_AUTOMATION_RATE, LO_FIELD_VALUE);
  g_assert_cmpstr (gtk_editable_get_text (rate), ==, "75");
  type_into (rate, "150");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (rate)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (rate)), "150 % is above the limit of 100 %"));
  g_clear_pointer (&after, lo_engagement_unref);
  after = stored (f);
  g_assert_cmpfloat_with_epsilon (lo_process_get (lo_engagement_lookup_process (after, "inventory-reconciliation-2"),
                                                  LO_INPUT_AUTOMATION_RATE), 0.75, 1e-12);

  /* A range with only one end is not saved either. */
  type_into (rate, "60");
  type_into (lo_process_editor_get_entry (editor, LO_INPUT_AUTOMATION_RATE, LO_FIELD_LOW), "50");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (lo_process_editor_get_entry (editor, LO_INPUT_AUTOMATION_RATE,
                                                                                       LO_FIELD_HIGH)), "error"));
  /* Then a valid one: 60 % likely, 50–70 %. Saved at once. */
  type_into (lo_process_editor_get_entry (editor, LO_INPUT_AUTOMATION_RATE, LO_FIELD_HIGH), "70");
  ui_test_wait_for (stored_input_is (f, "inventory-reconciliation-2", LO_INPUT_AUTOMATION_RATE, 0.60, TRUE));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (lo_process_editor_get_entry (editor, LO_INPUT_AUTOMATION_RATE,
                                                                                        LO_FIELD_HIGH)), "error"));
  g_clear_pointer (&after, lo_engagement_unref);
  after = stored (f);
  added = lo_engagement_lookup_process (after, "inventory-reconciliation-2");
  g_assert_cmpfloat_with_epsilon (lo_process_get (added, LO_INPUT_AUTOMATION_RATE), 0.60, 1e-12);
  g_assert_true (added->inputs[LO_INPUT_AUTOMATION_RATE].ranged);
  g_assert_cmpfloat_with_epsilon (added->inputs[LO_INPUT_AUTOMATION_RATE].low, 0.50, 1e-12);
  g_assert_cmpfloat_with_epsilon (added->inputs[LO_INPUT_AUTOMATION_RATE].high, 0.70, 1e-12);

  /* The shown NPV is the core's figure for the stored inputs. */
  roi = lo_process_roi_compute ((LoProcess *) added, &after->settings, 0, 0, NULL, &error);
  g_assert_no_error (error);
  expected_npv = lo_format_money (roi->expected.npv, after->settings.currency, 0);
  g_assert_cmpstr (lo_process_editor_get_figure (editor, "npv"), ==, expected_npv);
  g_assert_cmpfloat_with_epsilon (lo_process_editor_get_roi (editor)->expected.npv, roi->expected.npv, 1e-6);

  /* Monte Carlo arrives from its worker thread. */
  ui_test_wait_for (!lo_process_editor_monte_carlo_running (editor));
  g_assert_true (lo_process_editor_get_roi (editor)->has_monte_carlo);
  g_assert_cmpuint (lo_process_editor_get_roi (editor)->monte_carlo.draws, ==, LO_MONTE_CARLO_DEFAULT_DRAWS);

  /* Delete, then undo from the toast. */
  gtk_widget_activate_action (GTK_WIDGET (page), "processes.delete", NULL);
  ui_test_wait_for (n_stored_processes (f) == n);
  g_clear_pointer (&after, lo_engagement_unref);
  after = stored (f);
  g_assert_cmpuint (after->processes->len, ==, n);
  g_assert_null (lo_engagement_lookup_process (after, "inventory-reconciliation-2"));
  gtk_widget_activate_action (GTK_WIDGET (page), "processes.undo-delete", "u", 1);
  ui_test_wait_for (n_stored_processes (f) == n + 1);
  again = stored (f);
  g_assert_cmpuint (again->processes->len, ==, n + 1);
  g_assert_cmpstr (((LoProcess *) g_ptr_array_index (again->processes, n))->id, ==, "inventory-reconciliation-2");
  g_assert_cmpfloat_with_epsilon (lo_process_get (lo_engagement_lookup_process (again, "inventory-reconciliation-2"),
                                                  LO_INPUT_AUTOMATION_RATE), 0.60, 1e-12);
}

static gboolean
is_up_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-up-symbolic") == 0;
}

static GtkWidget *
find_up_button (GtkWidget *widget)
{
  if (is_up_button (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_up_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_roadmap (Fixture       *f,
              gconstpointer  data)
{
  LoRoadmapPage *page;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autofree char *first = NULL, *second = NULL;
  GPtrArray *order;
  GtkWidget *row, *up, *reset;
  LoRoadmap *roadmap;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "roadmap");
  page = LO_ROADMAP_PAGE (shown (f, LO_TYPE_ROADMAP_PAGE));
  order = lo_roadmap_page_get_order (page);
  g_assert_cmpuint (order->len, ==, 7);
  /* The suggested sequence: invoicing has the highest readiness, (4 + 3 + 5) / 3 = 4. */
  g_assert_cmpstr (g_ptr_array_index (order, 0), ==, "invoicing");
  first = g_strdup (g_ptr_array_index (order, 0));
  second = g_strdup (g_ptr_array_index (order, 1));

  /* "Build earlier" on the second process: the button Alt+Up also triggers. */
  row = gtk_widget_get_first_child (GTK_WIDGET (gtk_widget_get_ancestor (
          GTK_WIDGET (find_up_button (GTK_WIDGET (page))), GTK_TYPE_LIST_BOX)));
  row = gtk_widget_get_next_sibling (row);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, second);
  up = find_up_button (row);
  g_assert_true (gtk_widget_get_sensitive (up));
  g_signal_emit_by_name (up, "clicked");
  ui_test_wait_for (stored_first_process (f, second, TRUE));

  order = lo_roadmap_page_get_order (page);
  g_assert_cmpstr (g_ptr_array_index (order, 0), ==, second);
  g_assert_cmpstr (g_ptr_array_index (order, 1), ==, first);
  /* Saved: the store's order is the new one, marked as set by hand. */
  engagement = stored (f);
  g_assert_true (engagement->custom_order);
  g_assert_cmpstr (((LoProcess *) g_ptr_array_index (engagement->processes, 0))->id, ==, second);
  g_assert_cmpstr (((LoProcess *) g_ptr_array_index (engagement->processes, 1))->id, ==, first);
  /* And the roadmap builds it first. */
  roadmap = lo_roadmap_page_get_roadmap (page);
  g_assert_nonnull (roadmap);
  for (guint i = 0; i < roadmap->steps->len; i++)
    {
      LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, i);

      if (step->processes != NULL && step->processes->len > 0)
        {
          g_assert_cmpstr (g_ptr_array_index (step->processes, 0), ==, second);
          break;
        }
    }

  /* "Reset to suggested order": the flag is cleared in the store and the
   * suggested sequence is back, invoicing first. */
  reset = find_named (GTK_WIDGET (page), "reset-order");
  g_assert_nonnull (reset);
  g_assert_true (gtk_widget_get_sensitive (reset));
  g_signal_emit_by_name (reset, "clicked");
  ui_test_wait_for (stored_first_process (f, first, FALSE));
  g_clear_pointer (&engagement, lo_engagement_unref);
  engagement = stored (f);
  g_assert_false (engagement->custom_order);
  g_assert_cmpstr (((LoProcess *) g_ptr_array_index (engagement->processes, 0))->id, ==, first);
  order = lo_roadmap_page_get_order (page);
  g_assert_cmpstr (g_ptr_array_index (order, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (order, 1), ==, second);
  g_assert_false (gtk_widget_get_sensitive (reset));
}

static LoExportDialog *
find_export_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  LoExportDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LO_IS_EXPORT_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "tables.csv", NULL);
  g_autofree char *text = NULL, *info = NULL, *printed_text = NULL, *csv_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = stored (f);
  g_autoptr(LoReportInput) input = NULL;
  g_auto(GStrv) strings = NULL;
  LoReportOptions opts;
  LoExportDialog *dialog;
  GtkPrintOperationResult result;

  /* Ctrl+E: the export dialog, with its preview laid out. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  ui_test_wait_for ((dialog = find_export_dialog ()) != NULL && lo_export_dialog_get_n_pages (dialog) > 0);
  g_assert_cmpuint (lo_export_dialog_get_n_pages (dialog), >, 3);

  /* US Letter, then the PDF button's code path once a file is chosen. */
  lo_export_dialog_set_paper (dialog, LO_PAPER_LETTER);
  g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Harbor Logistics"));
  g_assert_nonnull (strstr (text, "Invoicing and billing"));
  /* The Monte Carlo band is in, as in `lightsout report` (10 000 draws, seed 1):
   * the chart's headline and its median marker. */
  g_assert_nonnull (strstr (text, "Chance the NPV is positive"));
  g_assert_nonnull (strstr (text, "P50"));
  info = pdf_info (pdf);
  /* Letter is 8.5 × 11 in = 612 × 792 pt. */
  g_assert_nonnull (strstr (info, "612 x 792"));

  g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "step,level,start-week,weeks,priority,"));
  /* the Data button's default: the workbook, a ZIP package */
  {
    g_autofree char *xlsx = g_build_filename (f->dir, "tables.xlsx", NULL);
    g_autofree char *docx = g_build_filename (f->dir, "report.docx", NULL);
    g_autofree char *zip = NULL;

    g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_CSV, xlsx, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (xlsx, &zip, NULL, NULL));
    g_assert_true (g_str_has_prefix (zip, "PK"));
    g_clear_pointer (&zip, g_free);
    g_assert_true (lo_export_dialog_export (dialog, LO_EXPORT_PDF, docx, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (docx, &zip, NULL, NULL));
    g_assert_true (g_str_has_prefix (zip, "PK"));
  }

  /* Printing draws the same pages, here into a PDF file. */
  input = lo_export_build_input (lo_window_get_analysis (f->window), &error);
  g_assert_no_error (error);
  lo_export_default_options (&opts, &strings);
  result = lo_print_report (GTK_WINDOW (f->window), input, &opts, GTK_PRINT_OPERATION_ACTION_EXPORT,
                            printed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  printed_text = pdf_text (printed);
  g_assert_nonnull (strstr (printed_text, "Harbor Logistics"));
  g_assert_nonnull (strstr (printed_text, "Invoicing and billing"));
  g_assert_nonnull (strstr (printed_text, "Chance the NPV is positive"));
  /* The core's band for the same data: computed, with the CLI's defaults. */
  {
    const LoProcessRoi *roi = NULL;

    for (guint i = 0; i < input->portfolio->processes->len; i++)
      if (g_strcmp0 (((LoProcessRoi *) g_ptr_array_index (input->portfolio->processes, i))->process->id,
                     "invoicing") == 0)
        roi = g_ptr_array_index (input->portfolio->processes, i);
    g_assert_nonnull (roi);
    g_assert_true (roi->has_monte_carlo);
    g_assert_cmpuint (roi->monte_carlo.draws, ==, LO_MONTE_CARLO_DEFAULT_DRAWS);
  }
}

/* Printing from the window: the figures are computed in a thread. */

typedef struct
{
  LoWindow *window;
  guint     busy_at_first_turn;   /* G_MAXUINT until the main loop turned */
  guint     turns_while_busy;
} PrintWatch;

static gboolean
first_turn_cb (gpointer data)
{
  PrintWatch *watch = data;

  watch->busy_at_first_turn = lo_window_get_busy (watch->window);
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (gpointer data)
{
  PrintWatch *watch = data;

  if (lo_window_get_busy (watch->window) > 0)
    watch->turns_while_busy++;
  return G_SOURCE_CONTINUE;
}

/* A button bound to @action inside the window: its sensitivity is the action's. */
static GtkWidget *
add_action_button (Fixture    *f,
                   const char *action)
{
  GtkWidget *box = ui_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_BOX);
  GtkWidget *button = gtk_button_new_with_label ("probe");

  g_assert_nonnull (box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *twice = g_build_filename (f->dir, "twice.pdf", NULL);
  g_autofree char *info = NULL, *text = NULL, *pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = stored (f);
  g_autoptr(LoReportInput) input = NULL;
  g_autoptr(LoReportLayout) layout = NULL;
  g_autoptr(LoBank) bank = NULL;
  g_auto(GStrv) strings = NULL;
  LoReportOptions opts;
  PrintWatch watch = { f->window, G_MAXUINT, 0 };
  GtkWidget *print_button = add_action_button (f, "win.print");
  guint tick;

  ui_test_wait_for (gtk_widget_get_sensitive (print_button));
  g_assert_cmpuint (lo_window_get_busy (f->window), ==, 0);

  /* What File → Print does, into a PDF instead of the print dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-to-file", "s", printed));
  /* The action returned before the figures were there: nothing printed
   * yet, the window busy (its spinner) and printing unavailable. */
  g_assert_false (g_file_test (printed, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lo_window_get_busy (f->window), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (print_button));
  /* A second start meanwhile does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-to-file", "s", twice);
  g_assert_cmpuint (lo_window_get_busy (f->window), ==, 1);

  /* The main loop turns while the thread computes: a source of higher
   * priority than the task's result runs first and sees the window busy. */
  g_idle_add_full (G_PRIORITY_HIGH, first_turn_cb, &watch, NULL);
  tick = g_timeout_add (1, tick_cb, &watch);
  ui_test_wait_for (lo_window_get_busy (f->window) == 0);
  g_source_remove (tick);
  g_assert_cmpuint (watch.busy_at_first_turn, ==, 1);
  /* How long that was depends on the machine: said, not asserted. */
  g_test_message ("1 ms ticks while the figures were computed: %u", watch.turns_while_busy);

  /* Printed (the export runs in the callback), and printing is back. */
  ui_test_wait_for (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
  ui_test_wait_for (gtk_widget_get_sensitive (print_button));
  g_assert_false (g_file_test (twice, G_FILE_TEST_EXISTS));

  /* Every page of the report, with the Monte Carlo band; the report of the
   * shown assessment, with the bank it was taken with. */
  bank = lo_store_get_assessment_bank (f->store, lo_window_get_client (f->window),
                                       lo_window_get_assessment_id (f->window), &error);
  g_assert_no_error (error);
  input = lo_export_build_input (lo_window_get_analysis (f->window), &error);
  g_assert_no_error (error);
  g_assert_nonnull (input->bank);
  g_assert_cmpstr (input->bank->id, ==, bank->id);
  g_assert_cmpuint (input->bank->version, ==, bank->version);
  g_assert_cmpstr (input->score->assessment->id, ==, lo_window_get_assessment_id (f->window));
  lo_export_default_options (&opts, &strings);
  layout = lo_report_layout_new (input, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lo_report_layout_n_pages (layout), >, 3);
  info = pdf_info (printed);
  pages = g_strdup_printf ("\nPages:           %u\n", lo_report_layout_n_pages (layout));
  g_assert_nonnull (strstr (info, pages));
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "Harbor Logistics"));
  g_assert_nonnull (strstr (text, "Invoicing and billing"));
  g_assert_nonnull (strstr (text, "Chance the NPV is positive"));
  g_assert_nonnull (strstr (text, "P50"));
}

static void
same_input_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LoReportInput **input = user_data;

  *input = lo_export_build_input_finish (result, &error);
  g_assert_no_error (error);
}

/* Closing the window while the figures are computed drops them: no print,
 * no callback into a destroyed window. */
static void
test_print_close (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-to-file", "s", printed);
  g_assert_cmpuint (lo_window_get_busy (f->window), ==, 1);
  g_autoptr(LoAnalysis) analysis = lo_analysis_ref (lo_window_get_analysis (f->window));
  LoReportInput *input = NULL;

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  /* The same figures computed again, started after the window's: when they
   * are done, so is the window's computation (cancelled, it stops sooner),
   * and its callback has run. */
  lo_export_build_input_async (analysis, NULL, same_input_cb, &input);
  ui_test_wait_for (input != NULL);
  lo_report_input_free (input);
  ui_test_flush ();
  g_assert_false (g_file_test (printed, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  const char *system_data = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *data_dirs = g_strdup (system_data ? system_data : "/usr/local/share:/usr/share");
  g_autoptr(LoApplication) app = NULL;

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Isolation also hides the icon theme GTK needs; the user's data stays isolated. */
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  gtk_init ();
  adw_init ();
  /* Not run: it holds the settings the window and pages use. */
  app = lo_application_new ();

  g_test_add ("/lo/ui/processes/edit", Fixture, NULL, fixture_setup, test_processes, fixture_teardown);
  g_test_add ("/lo/ui/processes/roadmap-order", Fixture, NULL, fixture_setup, test_roadmap, fixture_teardown);
  g_test_add ("/lo/ui/processes/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/lo/ui/processes/print", Fixture, NULL, fixture_setup, test_print, fixture_teardown);
  g_test_add ("/lo/ui/processes/print-close", Fixture, NULL, fixture_setup, test_print_close, fixture_teardown);
  return g_test_run ();
}
