/* lo-process-editor.h: one candidate process, its inputs and live figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-store.h"
#include "lo-render.h"

G_BEGIN_DECLS

/* Which entry of an input's row: the likely value or its range. */
typedef enum
{
  LO_FIELD_VALUE,
  LO_FIELD_LOW,
  LO_FIELD_HIGH,
} LoInputField;

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
/* Writes a change still waiting for the frame that shows it. */
void          lo_process_editor_flush          (LoProcessEditor  *self);
/* (transfer none), NULL when none is shown */
LoProcess    *lo_process_editor_get_process    (LoProcessEditor  *self);
LoProcessRoi *lo_process_editor_get_roi        (LoProcessEditor  *self);
/* Monte Carlo draws per run (default LO_MONTE_CARLO_DEFAULT_DRAWS). */
void          lo_process_editor_set_draws      (LoProcessEditor  *self,
                                                guint             draws);
gboolean      lo_process_editor_monte_carlo_running (LoProcessEditor *self);
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
 *   ::monte-carlo-done  the band of the current inputs is in */

/* Shared by the processes, roadmap and export views: a chart of the render
 * layer in a drawing area with the accessible role IMG. */
GtkWidget    *lo_chart_area_new                (int                   height,
                                                GtkDrawingAreaDrawFunc draw,
                                                gpointer              data);
/* States the chart's finding for screen readers and as a tooltip. */
void          lo_chart_area_set_caption        (GtkWidget            *area,
                                                const char           *caption);
/* An AdwExpanderRow whose hidden enable switch has an accessible name
 * (libadwaita 1.2 leaves it without one). */
GtkWidget    *lo_expander_row_new              (const char           *title);
/* The render context the window uses: screen-sized text, @currency. */
void          lo_render_context_for_screen     (LoRenderContext      *ctx,
                                                const char           *currency);

G_END_DECLS
