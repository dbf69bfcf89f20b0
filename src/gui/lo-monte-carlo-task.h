/* lo-monte-carlo-task.h: the Monte Carlo draws of one process in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lo-core.h"

G_BEGIN_DECLS

/* Runs lo_roi_monte_carlo() on copies of @process and @settings in a GTask
 * thread with the default seed. @source_object owns the task. */
void          lo_monte_carlo_run_async  (gpointer             source_object,
                                         const LoProcess     *process,
                                         const LoSettings    *settings,
                                         guint                draws,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The band (transfer full: free with lo_monte_carlo_free()), or NULL when
 * no input carries a range; NULL with G_IO_ERROR_CANCELLED when cancelled. */
LoMonteCarlo *lo_monte_carlo_run_finish (GAsyncResult        *result,
                                         GError             **error);
void          lo_monte_carlo_free       (LoMonteCarlo        *mc);
/* A deep copy of @src for a horizon of @horizon months into @dst. */
void          lo_monte_carlo_copy       (const LoMonteCarlo  *src,
                                         guint                horizon,
                                         LoMonteCarlo        *dst);

G_END_DECLS
