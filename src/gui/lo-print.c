/* lo-print.c: printing the report through GTK's print dialog
 *
 * The print operation lays the report out with the render layer and hands
 * each page's cairo context, in points with the origin at the paper's corner,
 * to lo_report_draw_page(): what comes out of the printer is what the PDF
 * export writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-print.h"

typedef struct
{
  const LoReportInput *input;
  LoReportOptions      opts;
  LoReportLayout      *layout;
  GError              *error;
} PrintJob;

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  job->layout = lo_report_layout_new (job->input, &job->opts, &job->error);
  if (job->layout == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) lo_report_layout_n_pages (job->layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;

  if (job->layout == NULL)
    return;
  lo_report_layout_page_size (job->layout, &width, &height);
  cairo_save (cr);
  /* The printer's paper may differ a little from the report's: fit it. */
  {
    double sx = gtk_print_context_get_width (context) / width;
    double sy = gtk_print_context_get_height (context) / height;
    double s = MIN (sx, sy);

    if (s > 0 && fabs (s - 1) > 1e-3)
      cairo_scale (cr, s, s);
  }
  lo_report_draw_page (job->layout, cr, (guint) page);
  cairo_restore (cr);
}

GtkPrintOperationResult
lo_print_report (GtkWindow               *parent,
                 const LoReportInput     *input,
                 const LoReportOptions   *opts,
                 GtkPrintOperationAction  action,
                 const char              *export_filename,
                 GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  PrintJob job = { 0 };
  GtkPrintOperationResult result;

  g_return_val_if_fail (input != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  job.input = input;
  job.opts = *opts;
  paper = gtk_paper_size_new (opts->paper == LO_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, input->engagement && input->engagement->client_name
                                    ? input->engagement->client_name : _("Lights Out report"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), &job);

  result = gtk_print_operation_run (operation, action, parent, error);
  g_clear_pointer (&job.layout, lo_report_layout_free);
  if (job.error != NULL)
    {
      g_propagate_error (error, job.error);
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  return result;
}
