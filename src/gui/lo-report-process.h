/* lo-report-process.h: a report in another language, by `lightsout report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lo-render.h"

G_BEGIN_DECLS

/* Whether the window's own messages are in @language ("de", "en" …), so that
 * a report in it can be written in this process. */
gboolean  lo_report_process_speaks    (const char *language);

/* Writes the PDF report of @analysis (its engagement, assessment and bank)
 * in @opts->language by running `lightsout report --lang` in a child
 * process: gettext's language is the whole process's, and the window's
 * threads translate while it runs. Same figures as in the window's report
 * (10 000 draws, seed 1). Blocks until the child is done; its one-line error
 * becomes @error. */
gboolean  lo_report_process_write_pdf (LoAnalysis            *analysis,
                                       const LoReportOptions *opts,
                                       const char            *path,
                                       GError               **error);

/* The same without blocking: @callback runs when the child is done. */
void      lo_report_process_write_pdf_async  (LoAnalysis            *analysis,
                                              const LoReportOptions *opts,
                                              const char            *path,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean  lo_report_process_write_pdf_finish (GAsyncResult          *result,
                                              GError               **error);

G_END_DECLS
