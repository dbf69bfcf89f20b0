/* lo-export-dialog.h: the report, tables, engagement file and charts out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-store.h"
#include "lo-render.h"

G_BEGIN_DECLS

typedef enum
{
  LO_EXPORT_PDF,
  LO_EXPORT_CSV,
  LO_EXPORT_ENGAGEMENT,
  LO_EXPORT_CHART,
} LoExportKind;

#define LO_TYPE_EXPORT_DIALOG (lo_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LoExportDialog, lo_export_dialog, LO, EXPORT_DIALOG, AdwWindow)

/* What the report is made of: the analysis of the same engagement and
 * assessment as @shown (the window's, of the selected assessment, with its
 * bank), with the Monte Carlo of `lightsout report` (10 000 draws, seed 1).
 * The build order the user set on the roadmap page travels in the
 * engagement (custom_order). (transfer full) */
LoReportInput  *lo_export_build_input     (LoAnalysis   *shown,
                                           GError      **error);
/* lo_export_build_input() with lo_analysis_new_async(), so that the window
 * stays responsive while the Monte Carlo runs in a worker thread.
 * Cancelled, the Monte Carlo stops at its next batch and the figures are
 * dropped; _finish() then fails with G_IO_ERROR_CANCELLED. The export dialog
 * and the window's printing use it. */
void            lo_export_build_input_async  (LoAnalysis          *shown,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* (transfer full) */
LoReportInput  *lo_export_build_input_finish (GAsyncResult  *result,
                                              GError       **error);
/* The report options the preferences ask for (paper, consultant, logo);
 * strings are owned by @settings_strings (free with g_strfreev). */
void            lo_export_default_options (LoReportOptions *opts,
                                           GStrv           *settings_strings);

/* The export of what @analysis (the window's) shows. */
LoExportDialog *lo_export_dialog_new      (GtkWindow    *parent,
                                           LoAnalysis   *analysis,
                                           GError      **error);
/* What the dialog's buttons do once a file is chosen: writes @path, then
 * shows a toast with "Open". */
gboolean        lo_export_dialog_export   (LoExportDialog *self,
                                           LoExportKind    kind,
                                           const char     *path,
                                           GError        **error);
void            lo_export_dialog_set_paper    (LoExportDialog *self,
                                               LoPaper         paper);
void            lo_export_dialog_set_language (LoExportDialog *self,
                                               const char     *language);
guint           lo_export_dialog_get_n_pages  (LoExportDialog *self);

G_END_DECLS
