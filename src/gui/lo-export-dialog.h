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

/* What the report of @engagement is made of, with the build order the user
 * set on the roadmap page (its custom_order); @bank is the latest
 * assessment's (may be NULL). (transfer full) */
LoReportInput  *lo_export_build_input     (LoEngagement *engagement,
                                           LoBank       *bank,
                                           GError      **error);
/* lo_export_build_input() in a worker thread, so that the window stays
 * responsive while the Monte Carlo runs; the engagement and bank are
 * referenced until then and only read. Cancelled, @callback runs at once
 * and the figures are dropped; _finish() then fails with
 * G_IO_ERROR_CANCELLED. The export dialog and the window's printing use it. */
void            lo_export_build_input_async  (LoEngagement        *engagement,
                                              LoBank              *bank,
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

LoExportDialog *lo_export_dialog_new      (GtkWindow    *parent,
                                           LoEngagement *engagement,
                                           LoBank       *bank,
                                           gint64        client,
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
