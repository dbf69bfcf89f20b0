/* lo-export-dialog.c: the report, tables, engagement file and charts out
 *
 * The preview draws the report's pages with the same layout and the same
 * lo_report_draw_page() that writes the PDF and feeds the printer, scaled to
 * the space there is. Every export goes through lo_export_dialog_export(),
 * which the buttons call once a file is chosen and the tests call directly;
 * the render and io layers write files whole or not at all.
 *
 * The report's figures, Monte Carlo band included (the defaults of
 * `lightsout report`: 10 000 draws, seed 1), are computed in a GTask on a
 * worker thread while the dialog shows a spinner; the buttons that need them
 * wait, and closing the dialog cancels the wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-chart-view.h"
#include "lo-export-dialog.h"
#include "lo-application.h"
#include "lo-csv.h"
#include "lo-xlsx.h"
#include "lo-io.h"
#include "lo-print.h"
#include "lo-process-editor.h"
#include "lo-report-process.h"

struct _LoExportDialog
{
  AdwWindow parent_instance;

  LoAnalysis     *analysis;       /* the window's: the selected assessment */
  LoEngagement   *engagement;     /* borrowed from analysis */
  LoReportInput  *input;
  LoReportLayout *layout;
  LoReportOptions opts;
  GStrv           option_strings;
  char           *language;
  guint           page;
  LoChartView    *preview;
  GPtrArray      *chart_names;    /* const char*, borrowed from the registry */
  GPtrArray      *process_ids;    /* char*, owned */
  GtkWidget      *pending_button; /* which export the file chooser is for */
  AdwToastOverlay *toast_overlay;
  GCancellable   *cancellable;    /* the figures' computation */
  gboolean        computing;
  GCancellable   *write_cancellable; /* a report written by a child process */
  gboolean        writing;
  GtkWidget      *progress_box;
  GtkSpinner     *spinner;

  /* template */
  AdwWindowTitle *window_title;
  GtkBox      *preview_box;
  GtkLabel    *page_label;
  GtkButton   *prev_button;
  GtkButton   *next_button;
  AdwComboRow *paper_row;
  AdwComboRow *language_row;
  AdwComboRow *chart_row;
  AdwComboRow *process_row;
  AdwComboRow *format_row;
  GtkButton   *pdf_button;
  GtkButton   *csv_button;
  GtkButton   *engagement_button;
  GtkButton   *chart_button;
  GtkButton   *print_button;
};

G_DEFINE_FINAL_TYPE (LoExportDialog, lo_export_dialog, ADW_TYPE_WINDOW)

/* The application's settings, a new reference; NULL without them. */
static GSettings *
app_settings (void)
{
  GSettings *settings = lo_application_get_settings (NULL);

  return settings != NULL ? g_object_ref (settings) : NULL;
}

/* The report's analysis: the engagement, assessment and bank @shown has, with
 * the defaults of `lightsout report` (10 000 draws, seed 1), so that both give
 * the same figures. The build order set on the roadmap page travels in the
 * engagement (custom_order): the portfolio and the roadmap follow it. */
static void
report_analysis_args (LoAnalysis         *shown,
                      LoAnalysisOptions  *options,
                      const char        **assessment_id)
{
  LoAssessment *assessment = lo_analysis_get_assessment (shown);

  options->draws = LO_MONTE_CARLO_DEFAULT_DRAWS;
  options->seed = LO_MONTE_CARLO_DEFAULT_SEED;
  options->flags = LO_ANALYSIS_PARTIAL;
  *assessment_id = assessment ? assessment->id : NULL;
}

LoReportInput *
lo_export_build_input (LoAnalysis  *shown,
                       GError     **error)
{
  g_autoptr(LoAnalysis) analysis = NULL;
  LoAnalysisOptions options;
  const char *assessment_id;

  g_return_val_if_fail (shown != NULL, NULL);

  report_analysis_args (shown, &options, &assessment_id);
  analysis = lo_analysis_new (lo_analysis_get_engagement (shown), lo_analysis_lookup_fixed_bank,
                              lo_analysis_get_bank (shown), assessment_id, &options, NULL, error);
  if (analysis == NULL)
    return NULL;
  return lo_report_input_new (analysis, error);
}

static void
analysis_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoAnalysis) analysis = NULL;
  GError *error = NULL;
  LoReportInput *input = NULL;

  analysis = lo_analysis_new_finish (result, &error);
  if (analysis != NULL)
    input = lo_report_input_new (analysis, &error);
  if (input == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, input, (GDestroyNotify) lo_report_input_free);
}

void
lo_export_build_input_async (LoAnalysis          *shown,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  LoAnalysisOptions options;
  const char *assessment_id;

  g_return_if_fail (shown != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lo_export_build_input_async);
  g_task_set_name (task, "lo-export-input");
  /* The analysis computes in its thread; an analysis does not change, so
   * the window may show the next one meanwhile. */
  report_analysis_args (shown, &options, &assessment_id);
  lo_analysis_new_async (lo_analysis_get_engagement (shown), lo_analysis_lookup_fixed_bank,
                         lo_analysis_get_bank (shown), assessment_id, &options, cancellable,
                         analysis_ready_cb, task);
}

LoReportInput *
lo_export_build_input_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lo_export_build_input_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The firm's profile saved in Preferences, for the preview and print (the
 * exported PDF's `lightsout report` reads it itself). Read again when the
 * file changed; each one read is kept for the process's life, since report
 * options only borrow it. NULL when none is saved or it cannot be read. */
static const LoFirmProfile *
saved_firm (void)
{
  static GPtrArray *kept;
  static guint64 kept_mtime;
  g_autofree char *path = lo_firm_profile_default_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  guint64 mtime;
  LoFirmProfile *profile;

  if (info == NULL)
    return NULL;
  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
          + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  if (kept != NULL && kept->len > 0 && mtime == kept_mtime)
    return g_ptr_array_index (kept, kept->len - 1);
  profile = lo_firm_profile_read_file (path, NULL);
  if (profile == NULL)
    return NULL;
  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, profile);
  kept_mtime = mtime;
  return profile;
}

void
lo_export_default_options (LoReportOptions *opts,
                           GStrv           *settings_strings)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  lo_report_options_init (opts);
  if (settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (settings, "consultant-name");
      g_autofree char *logo = g_settings_get_string (settings, "consultant-logo");

      opts->paper = g_settings_get_enum (settings, "paper-size") == 1 ? LO_PAPER_LETTER : LO_PAPER_A4;
      g_strv_builder_add (builder, name);
      g_strv_builder_add (builder, logo);
    }
  else
    {
      g_strv_builder_add (builder, "");
      g_strv_builder_add (builder, "");
    }
  *settings_strings = g_strv_builder_end (builder);
  opts->consultant = *(*settings_strings)[0] != '\0' ? (*settings_strings)[0] : NULL;
  opts->logo_path = *(*settings_strings)[1] != '\0' ? (*settings_strings)[1] : NULL;
  opts->firm = saved_firm ();
}

static void
toast (LoExportDialog *self,
       const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Preview */

static void
update_page_label (LoExportDialog *self)
{
  guint n = self->layout ? lo_report_layout_n_pages (self->layout) : 0;
  g_autofree char *text = NULL;

  /* Translators: the page shown in the report preview */
  text = g_strdup_printf (_("Page %u of %u"), n ? self->page + 1 : 0, n);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->prev_button), self->page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->page + 1 < n);
  lo_chart_view_set_report_page (self->preview, self->layout, self->page);
}

static void
relayout (LoExportDialog *self)
{
  g_autoptr(GError) error = NULL;

  lo_chart_view_set_report_page (self->preview, NULL, 0);
  g_clear_pointer (&self->layout, lo_report_layout_free);
  if (self->input == NULL)
    {
      update_page_label (self);
      return;
    }
  self->opts.language = self->language;
  self->layout = lo_report_layout_new (self->input, &self->opts, &error);
  if (self->layout == NULL)
    {
      /* An unreadable logo: say so and lay out without it. */
      toast (self, error->message);
      self->opts.logo_path = NULL;
      self->layout = lo_report_layout_new (self->input, &self->opts, NULL);
    }
  if (self->layout != NULL && self->page >= lo_report_layout_n_pages (self->layout))
    self->page = 0;
  update_page_label (self);
}

static void
prev_page_cb (GtkButton      *button,
              LoExportDialog *self)
{
  if (self->page > 0)
    self->page--;
  update_page_label (self);
}

static void
next_page_cb (GtkButton      *button,
              LoExportDialog *self)
{
  if (self->layout != NULL && self->page + 1 < lo_report_layout_n_pages (self->layout))
    self->page++;
  update_page_label (self);
}

static void
paper_changed_cb (GObject        *row,
                  GParamSpec     *pspec,
                  LoExportDialog *self)
{
  self->opts.paper = adw_combo_row_get_selected (self->paper_row) == 1 ? LO_PAPER_LETTER : LO_PAPER_A4;
  relayout (self);
}

static void
language_changed_cb (GObject        *row,
                     GParamSpec     *pspec,
                     LoExportDialog *self)
{
  g_free (self->language);
  self->language = g_strdup (adw_combo_row_get_selected (self->language_row) == 1 ? "de" : "en");
  relayout (self);
}

static void
chart_changed_cb (GObject        *row,
                  GParamSpec     *pspec,
                  LoExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->chart_row);
  const LoChartInfo *info = selected < self->chart_names->len
                            ? lo_chart_lookup (g_ptr_array_index (self->chart_names, selected)) : NULL;
  gboolean per_process = info != NULL && info->per_process;
  gtk_widget_set_visible (GTK_WIDGET (self->process_row), per_process && self->process_ids->len > 0);
}

/* Exporting */

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *uri = g_file_get_uri (file);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  gtk_show_uri (parent != NULL ? parent : GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static const char *
chart_extension (LoExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row) == 1 ? "png" : "svg";
}

static void finish_input_now (LoExportDialog *self);

/* "Exported “FILE”", with a button that opens it. */
static void
say_exported (LoExportDialog *self,
              const char     *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *done;

  /* Translators: %s is the name of the file written */
  message = g_strdup_printf (_("Exported “%s”"), basename);
  escaped = g_markup_escape_text (message, -1);
  done = adw_toast_new (escaped);
  adw_toast_set_button_label (done, _("_Open"));
  adw_toast_set_action_name (done, "export.open");
  adw_toast_set_action_target_value (done, g_variant_new_string (path));
  adw_toast_overlay_add_toast (self->toast_overlay, done);
}

gboolean
lo_export_dialog_export (LoExportDialog *self,
                         LoExportKind    kind,
                         const char     *path,
                         GError        **error)
{
  gboolean ok = FALSE;

  g_return_val_if_fail (LO_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Called directly (not from a button, which waits): the figures now. */
  if (self->computing)
    finish_input_now (self);
  if (self->input == NULL && kind != LO_EXPORT_ENGAGEMENT)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_NO_DATA,
                   _("The report’s figures could not be computed"));
      return FALSE;
    }

  switch (kind)
    {
    case LO_EXPORT_PDF:
      {
        /* The report's words follow its language; the window's messages stay
         * in the desktop's, so another language is written by a child. */
        LoReportOptions opts = self->opts;

        opts.language = self->language;
        /* a name ending in .docx is the same report as a Word document */
        if (lo_report_process_speaks (self->language) && g_str_has_suffix (path, ".docx"))
          ok = lo_report_write_docx (self->input, &opts, path, error);
        else if (lo_report_process_speaks (self->language))
          ok = lo_report_write_pdf (self->input, &opts, path, error);
        else
          ok = lo_report_process_write_pdf (self->analysis, &opts, path, error);
      }
      break;
    case LO_EXPORT_CSV:
      /* The workbook; a name ending in .csv: the action plan, the table
       * the client fills in. */
      if (g_str_has_suffix (path, ".csv"))
        ok = lo_csv_write_table (LO_CSV_ACTIONS, self->analysis, path, error);
      else
        ok = lo_xlsx_write_file (self->analysis, path, error);
      break;
    case LO_EXPORT_ENGAGEMENT:
      ok = lo_engagement_write_file (self->engagement, path, error);
      break;
    case LO_EXPORT_CHART:
      {
        guint chart = adw_combo_row_get_selected (self->chart_row);
        guint process = adw_combo_row_get_selected (self->process_row);
        const char *item = process < self->process_ids->len ? g_ptr_array_index (self->process_ids, process) : NULL;
        gboolean png = g_str_has_suffix (path, ".png");
        LoRenderContext ctx;

        if (chart >= self->chart_names->len)
          {
            g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_UNKNOWN_CHART, _("No chart is chosen"));
            return FALSE;
          }
        lo_render_context_init (&ctx);
        ctx.language = self->language;
        ctx.currency = self->engagement->settings.currency;
        /* PNG in pixels at twice the SVG's points, for sharp slides. */
        ok = lo_chart_write_file (g_ptr_array_index (self->chart_names, chart), &ctx, self->input, item,
                                  png ? 1600 : 800, png ? 1000 : 500, path, error);
      }
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok)
    return FALSE;
  say_exported (self, path);
  return TRUE;
}

static LoExportKind
kind_of (LoExportDialog *self,
         GtkWidget      *button)
{
  if (button == GTK_WIDGET (self->csv_button))
    return LO_EXPORT_CSV;
  if (button == GTK_WIDGET (self->engagement_button))
    return LO_EXPORT_ENGAGEMENT;
  if (button == GTK_WIDGET (self->chart_button))
    return LO_EXPORT_CHART;
  return LO_EXPORT_PDF;
}

static void update_progress (LoExportDialog *self);

typedef struct
{
  LoExportDialog *dialog;   /* a reference */
  char           *path;
} Writing;

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Writing *writing = user_data;
  g_autoptr(LoExportDialog) self = writing->dialog;
  g_autofree char *path = writing->path;
  g_autoptr(GError) error = NULL;

  g_free (writing);
  if (!lo_report_process_write_pdf_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->writing = FALSE;
  update_progress (self);
  if (error != NULL)
    toast (self, error->message);
  else
    say_exported (self, path);
}

/* A report in another language than the window's is written by a child
 * process: the dialog shows that it works meanwhile, and stays usable. */
static void
write_in_language (LoExportDialog *self,
                   const char     *path)
{
  Writing *writing = g_new0 (Writing, 1);
  LoReportOptions opts = self->opts;

  opts.language = self->language;
  writing->dialog = g_object_ref (self);
  writing->path = g_strdup (path);
  self->writing = TRUE;
  update_progress (self);
  lo_report_process_write_pdf_async (self->analysis, &opts, path, self->write_cancellable,
                                     written_cb, writing);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     LoExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      LoExportKind kind = kind_of (self, self->pending_button);

      if (path == NULL)
        toast (self, _("Only local files can be written"));
      else if (kind == LO_EXPORT_PDF && !lo_report_process_speaks (self->language))
        write_in_language (self, path);
      else if (!lo_export_dialog_export (self, kind, path, &error))
        toast (self, error->message);
    }
  g_object_unref (chooser);
}

static char *
file_stem (LoExportDialog *self)
{
  g_autofree char *name = g_strdup (self->engagement->client_name ? self->engagement->client_name : "lightsout");

  /* A name that is a safe file name everywhere. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_steal_pointer (&name);
}

static void
export_clicked_cb (GtkButton      *button,
                   LoExportDialog *self)
{
  LoExportKind kind = kind_of (self, GTK_WIDGET (button));
  g_autofree char *stem = file_stem (self);
  g_autofree char *suggested = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  const char *titles[] = { N_("Export the Report"), N_("Export Tables"), N_("Save the Engagement"),
                           N_("Export the Chart") };

  switch (kind)
    {
    case LO_EXPORT_PDF:
      suggested = g_strdup_printf ("%s.pdf", stem);
      gtk_file_filter_set_name (filter, _("PDF or Word documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "docx");
      break;
    case LO_EXPORT_CSV:
      suggested = g_strdup_printf ("%s.xlsx", stem);
      gtk_file_filter_set_name (filter, _("Excel workbooks or CSV tables"));
      gtk_file_filter_add_suffix (filter, "xlsx");
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    case LO_EXPORT_ENGAGEMENT:
      suggested = g_strdup_printf ("%s.lightsout", stem);
      gtk_file_filter_set_name (filter, _("Lights Out engagements"));
      gtk_file_filter_add_pattern (filter, "*.lightsout");
      break;
    case LO_EXPORT_CHART:
    default:
      {
        guint chart = adw_combo_row_get_selected (self->chart_row);

        suggested = g_strdup_printf ("%s-%s.%s", stem,
                                     chart < self->chart_names->len ? (char *) g_ptr_array_index (self->chart_names, chart) : "chart",
                                     chart_extension (self));
        gtk_file_filter_set_name (filter, g_str_equal (chart_extension (self), "png") ? _("PNG images") : _("SVG images"));
        gtk_file_filter_add_suffix (filter, chart_extension (self));
      }
      break;
    }
  self->pending_button = GTK_WIDGET (button);
  chooser = gtk_file_chooser_native_new (_(titles[kind]), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_clicked_cb (GtkButton      *button,
                  LoExportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (lo_print_report (GTK_WINDOW (self), self->input, &self->opts,
                       GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error ? error->message : _("Printing failed"));
}

/* GObject */

static void
lo_export_dialog_dispose (GObject *object)
{
  LoExportDialog *self = LO_EXPORT_DIALOG (object);

  /* Closing the dialog drops the figures still being computed. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->write_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (lo_export_dialog_parent_class)->dispose (object);
}

static void
lo_export_dialog_finalize (GObject *object)
{
  LoExportDialog *self = LO_EXPORT_DIALOG (object);

  g_clear_pointer (&self->layout, lo_report_layout_free);
  g_clear_pointer (&self->input, lo_report_input_free);
  g_clear_pointer (&self->analysis, lo_analysis_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->write_cancellable);
  g_clear_pointer (&self->option_strings, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->chart_names, g_ptr_array_unref);
  g_clear_pointer (&self->process_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (lo_export_dialog_parent_class)->finalize (object);
}

static void
lo_export_dialog_class_init (LoExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_export_dialog_dispose;
  object_class->finalize = lo_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, preview_box);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, prev_button);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, chart_row);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, process_row);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, csv_button);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, engagement_button);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, chart_button);
  gtk_widget_class_bind_template_child (widget_class, LoExportDialog, print_button);
  gtk_widget_class_bind_template_callback (widget_class, prev_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);

  gtk_widget_class_install_action (widget_class, "export.open", "s", open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lo_export_dialog_init (LoExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: AdwWindow unparents its content itself. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self)));
  self->language = g_strdup ("en");
  self->write_cancellable = g_cancellable_new ();
  self->chart_names = g_ptr_array_new ();
  self->process_ids = g_ptr_array_new_with_free_func (g_free);
  self->preview = LO_CHART_VIEW (lo_chart_view_new (NULL));
  lo_chart_view_set_content_height (self->preview, 300);
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  lo_chart_view_set_report_page (self->preview, NULL, 0);
  {
    GtkWidget *label = gtk_label_new (_("Computing the figures and the Monte Carlo simulation…"));

    self->progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
    gtk_widget_set_name (self->progress_box, "export-progress");
    gtk_widget_set_halign (self->progress_box, GTK_ALIGN_CENTER);
    self->spinner = GTK_SPINNER (gtk_spinner_new ());
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (self->progress_box), GTK_WIDGET (self->spinner));
    gtk_box_append (GTK_BOX (self->progress_box), label);
    gtk_widget_set_visible (self->progress_box, FALSE);
    gtk_box_append (self->preview_box, self->progress_box);
  }
  gtk_box_append (self->preview_box, GTK_WIDGET (self->preview));
}

/* The figures, off the main thread */

/* While the figures are computed or a report is written by a child, the
 * buttons wait and a spinner says so. */
static void
update_progress (LoExportDialog *self)
{
  GtkWidget *buttons[] = { GTK_WIDGET (self->pdf_button), GTK_WIDGET (self->print_button),
                           GTK_WIDGET (self->csv_button), GTK_WIDGET (self->chart_button) };
  gboolean busy = self->computing || self->writing;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_sensitive (buttons[i], !busy && self->input != NULL);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
set_computing (LoExportDialog *self,
               gboolean        computing)
{
  self->computing = computing;
  update_progress (self);
}

static void fill_process_row (LoExportDialog *self);

static void
input_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LoExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  LoReportInput *input = lo_export_build_input_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->computing = FALSE;
      return;
    }
  if (input != NULL)
    {
      self->input = input;
      fill_process_row (self);
      relayout (self);
    }
  set_computing (self, FALSE);
  if (error != NULL)
    toast (self, error->message);
}

/* The figures at once, on this thread, instead of waiting for the worker
 * (whose result is then dropped): no main loop runs inside a call. */
static void
finish_input_now (LoExportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (self->cancellable);
  self->input = lo_export_build_input (self->analysis, &error);
  if (self->input != NULL)
    {
      fill_process_row (self);
      relayout (self);
    }
  set_computing (self, FALSE);
  if (error != NULL)
    toast (self, error->message);
}

static void
start_input (LoExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  set_computing (self, TRUE);
  /* The reference keeps the dialog until the callback: lo_export_dialog_export()
   * may be waiting for it. */
  lo_export_build_input_async (self->analysis, self->cancellable,
                               input_done_cb, g_object_ref (self));
}

/* The processes of the per-process charts, in the portfolio's sequence. */
static void
fill_process_row (LoExportDialog *self)
{
  g_autoptr(GtkStringList) processes = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->process_ids, 0);
  for (guint i = 0; self->input->portfolio && i < self->input->portfolio->sequence->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (self->input->portfolio->sequence, i);

      g_ptr_array_add (self->process_ids, g_strdup (roi->process->id));
      gtk_string_list_append (processes, roi->process->name);
    }
  adw_combo_row_set_model (self->process_row, G_LIST_MODEL (processes));
  chart_changed_cb (NULL, NULL, self);
}

/* Public API */

LoExportDialog *
lo_export_dialog_new (GtkWindow    *parent,
                      LoAnalysis   *analysis,
                      GError      **error)
{
  LoEngagement *engagement;
  LoExportDialog *self;
  g_autoptr(GtkStringList) charts = gtk_string_list_new (NULL);
  const LoChartInfo *list;
  guint n = 0;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  engagement = lo_analysis_get_engagement (analysis);
  self = g_object_new (LO_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->analysis = lo_analysis_ref (analysis);
  self->engagement = engagement;
  lo_export_default_options (&self->opts, &self->option_strings);
  adw_window_title_set_subtitle (self->window_title, engagement->client_name);

  list = lo_chart_list (&n);
  for (guint i = 0; i < n; i++)
    {
      if (list[i].per_process && engagement->processes->len == 0)
        continue;
      g_ptr_array_add (self->chart_names, (gpointer) list[i].name);
      gtk_string_list_append (charts, _(list[i].title));
    }
  adw_combo_row_set_model (self->chart_row, G_LIST_MODEL (charts));
  adw_combo_row_set_selected (self->paper_row, self->opts.paper == LO_PAPER_LETTER ? 1 : 0);
  g_signal_connect (self->paper_row, "notify::selected", G_CALLBACK (paper_changed_cb), self);
  g_signal_connect (self->language_row, "notify::selected", G_CALLBACK (language_changed_cb), self);
  g_signal_connect (self->chart_row, "notify::selected", G_CALLBACK (chart_changed_cb), self);
  chart_changed_cb (NULL, NULL, self);
  relayout (self);
  start_input (self);
  return self;
}

void
lo_export_dialog_set_paper (LoExportDialog *self,
                            LoPaper         paper)
{
  g_return_if_fail (LO_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->paper_row, paper == LO_PAPER_LETTER ? 1 : 0);
}

void
lo_export_dialog_set_language (LoExportDialog *self,
                               const char     *language)
{
  g_return_if_fail (LO_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->language_row, g_strcmp0 (language, "de") == 0 ? 1 : 0);
}

guint
lo_export_dialog_get_n_pages (LoExportDialog *self)
{
  g_return_val_if_fail (LO_IS_EXPORT_DIALOG (self), 0);
  return self->layout ? lo_report_layout_n_pages (self->layout) : 0;
}
