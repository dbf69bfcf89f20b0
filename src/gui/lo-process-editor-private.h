/* lo-process-editor-private.h: what the editor's two files share
 *
 * lo-process-editor.c holds the process, saving, the figures, the charts,
 * Monte Carlo and the layout; lo-process-editor-rows.c the rows the user
 * types into (inputs, name and start, readiness, alternative quote, actual
 * months), each turning an edit into a candidate for accept().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-actual-row.h"
#include "lo-chart-view.h"
#include "lo-figure-card.h"
#include "lo-input-row.h"
#include "lo-process-editor.h"

G_BEGIN_DECLS

#define N_FIGURES 7

/* The editor's charts, in the order of their cards */
enum { CHART_CASHFLOW, CHART_SCENARIOS, CHART_MONTECARLO, CHART_TORNADO, CHART_ACTUALS, N_CHARTS };

struct _LoProcessEditor
{
  AdwBin parent_instance;

  LoStore      *store;
  gint64        client;
  LoSettings    settings;
  LoProcess    *process;
  LoProcessRoi *roi;
  guint         draws;
  gboolean      updating;
  gboolean      retrying;      /* retry_waiting_rows() runs */
  gboolean      save_pending;
  guint         save_idle;
  gulong        paint_handler;
  GdkFrameClock *paint_clock;

  GCancellable *mc_cancellable;
  guint         mc_generation;
  gboolean      mc_running;

  LoInputRow   *inputs[LO_N_INPUTS];
  GtkScale     *readiness[3];
  AdwActionRow *alt_rows[2];
  GtkEntry     *alt_entries[2];
  GPtrArray    *actual_rows;     /* LoActualRow*, in the group */
  LoFigureCard *figures[N_FIGURES];
  LoChartView  *charts[N_CHARTS];
  GtkWidget    *actuals_card;
  GtkLabel     *montecarlo_label;
  AdwToast     *failure_toast;   /* shown, owned by the overlay; NULL: none */

  /* template */
  AdwEntryRow         *name_row;
  AdwEntryRow         *start_row;
  AdwPreferencesGroup *inputs_group;
  AdwPreferencesGroup *readiness_group;
  AdwPreferencesGroup *alt_group;
  GtkSwitch           *alt_switch;
  AdwPreferencesGroup *actuals_group;
  GtkBox              *charts_box;
  GtkFlowBox          *figures_box;
  GtkLabel            *stale_label;
  GtkBox              *columns;
  GtkScrolledWindow   *inputs_scroll;
  GtkScrolledWindow   *charts_scroll;

  guint                layout_idle;
};

/* Takes @candidate as the editor's process when it is valid: recomputes,
 * shows and saves it. Otherwise returns the reason (transfer full). */
char *lo_process_editor_accept       (LoProcessEditor *self,
                                      LoProcess       *candidate);
/* Shows a failed save or change as a toast and emits ::save-failed. */
void  lo_process_editor_show_failure (LoProcessEditor *self,
                                      const char      *message);

/* Marks the figures stale (dimmed, with a note) while any field is invalid. */
void  lo_process_editor_update_stale (LoProcessEditor *self);

/* lo-process-editor-rows.c */
void  lo_process_editor_build_rows   (LoProcessEditor *self);
/* Fills the rows from the editor's process, emitting nothing. */
void  lo_process_editor_show_rows    (LoProcessEditor *self);
/* States each actual month's projected against actual figures. */
/* Whether any row shows a problem; applies the edits still pending first
 * when @flush. */
gboolean lo_process_editor_rows_invalid (LoProcessEditor *self);
gboolean lo_process_editor_flush_rows (LoProcessEditor *self);
void  lo_process_editor_describe_actuals (LoProcessEditor *self);
void  lo_process_editor_add_actual_cb (GtkButton      *button,
                                       LoProcessEditor *self);

G_END_DECLS
