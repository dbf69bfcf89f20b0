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
#include "lo-process-editor.h"

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
  gtk_editable_set_text (volume, "500");
  /* Valid: taken and shown at once, saved after the frame (now, by flush) */
  g_assert_cmpfloat (lo_process_get (lo_process_editor_get_process (f->editor), LO_INPUT_VOLUME_PER_MONTH),
                     ==, 500);
  lo_process_editor_flush (f->editor);
  g_assert_cmpuint (f->failures->len, ==, 1);
  message = g_ptr_array_index (f->failures, 0);
  g_assert_nonnull (strstr (message, "Invoicing"));
  g_assert_nonnull (strstr (message, "could not be saved"));

  /* Typing on: each failed save is reported again */
  gtk_editable_set_text (volume, "510");
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

  gtk_editable_set_text (lo_process_editor_get_entry (f->editor, LO_INPUT_VOLUME_PER_MONTH, LO_FIELD_VALUE), "500");
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
  return g_test_run ();
}
