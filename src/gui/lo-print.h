/* lo-print.h: printing the report through GTK's print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lo-render.h"

G_BEGIN_DECLS

/* Prints the report of @input, drawing the same pages as the PDF. With
 * GTK_PRINT_OPERATION_ACTION_EXPORT, @export_filename receives a PDF (tests);
 * otherwise it may be NULL and the print dialog is shown. */
GtkPrintOperationResult lo_print_report (GtkWindow               *parent,
                                         const LoReportInput     *input,
                                         const LoReportOptions   *opts,
                                         GtkPrintOperationAction  action,
                                         const char              *export_filename,
                                         GError                 **error);

G_END_DECLS
