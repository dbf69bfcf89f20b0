/* lo-process-editor.h: one candidate process, its inputs and live figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-store.h"
#include "lo-render.h"
#include "lo-input-row.h"

G_BEGIN_DECLS

#define LO_TYPE_PROCESS_EDITOR (lo_process_editor_get_type ())
G_DECLARE_FINAL_TYPE (LoProcessEditor, lo_process_editor, LO, PROCESS_EDITOR, AdwBin)

GtkWidget    *lo_process_editor_new            (void);
/* Shows @process (a copy is kept). When @process has the id already shown,
 * only the settings are taken: the editor's own copy is what the user is
 * typing into, and the store echoes it back. */
void          lo_process_editor_set_process    (LoProcessEditor  *self,
                                                LoStore          *store,
                                                gint64            client,
                                                const LoSettings *settings,
                                                const LoProcess  *process);
/* Applies an edit still waiting for typing to stop (when valid) and writes
 * a change still waiting for the frame that shows it. */
void          lo_process_editor_flush          (LoProcessEditor  *self);
/* (transfer none), NULL when none is shown */
LoProcess    *lo_process_editor_get_process    (LoProcessEditor  *self);
LoProcessRoi *lo_process_editor_get_roi        (LoProcessEditor  *self);
/* Monte Carlo draws per run (default LO_MONTE_CARLO_DEFAULT_DRAWS). */
void          lo_process_editor_set_draws      (LoProcessEditor  *self,
                                                guint             draws);
gboolean      lo_process_editor_monte_carlo_running (LoProcessEditor *self);
/* Whether the figures are marked stale: some field is invalid, so they
 * show the last valid inputs. */
gboolean      lo_process_editor_get_stale      (LoProcessEditor  *self);
/* The problem shown on @input's row, NULL while it is valid. */
const char   *lo_process_editor_get_problem    (LoProcessEditor  *self,
                                                LoInputId         input);
GtkEditable  *lo_process_editor_get_entry      (LoProcessEditor  *self,
                                                LoInputId         input,
                                                LoInputField      field);
/* The text shown for a figure: "npv", "roi", "payback", "irr", "hours",
 * "fte", "savings" (transfer none). */
const char   *lo_process_editor_get_figure     (LoProcessEditor  *self,
                                                const char       *figure);

/* Signals:
 *   ::figures-updated   figures and charts other than the Monte Carlo band
 *                       were recomputed and queued for drawing
 *   ::monte-carlo-done  the band of the current inputs is in
 *   ::save-failed (const char *message)
 *                       a change could not be saved or computed; the
 *                       message is also shown as a toast of the page */

G_END_DECLS
