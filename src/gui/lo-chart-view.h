/* lo-chart-view.h: the one widget that shows the render layer's drawings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lo-render.h"

G_BEGIN_DECLS

#define LO_TYPE_CHART_VIEW (lo_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LoChartView, lo_chart_view, LO, CHART_VIEW, GtkWidget)

/* A chart of render's table (lo_chart_lookup()) by name: "radar",
 * "cashflow" … Its accessible label is the chart's title and its
 * accessible description the chart's caption. */
GtkWidget  *lo_chart_view_new           (const char        *chart);
const char *lo_chart_view_get_chart     (LoChartView       *self);
void        lo_chart_view_set_chart     (LoChartView       *self,
                                         const char        *chart);
/* Takes references to what @data points at (NULL: no data), then states the
 * caption again and redraws. Call it again when the data changed in place
 * (a Monte Carlo band that arrived). */
void        lo_chart_view_set_data      (LoChartView       *self,
                                         const LoChartData *data);
/* ISO 4217 code for money on the chart; NULL = "USD". */
void        lo_chart_view_set_currency  (LoChartView       *self,
                                         const char        *currency);
/* A fixed height in pixels; 0 (default): the chart's own (square-ish
 * radars, a row per question or respondent, 240 px otherwise). */
void        lo_chart_view_set_content_height (LoChartView  *self,
                                              int           height);
/* The sentence that states the chart's finding (transfer none). */
const char *lo_chart_view_get_caption   (LoChartView       *self);

/* The export dialog's preview: page @page of @layout (borrowed: set NULL
 * before freeing it) on a sheet of paper, instead of a chart. */
void        lo_chart_view_set_report_page (LoChartView     *self,
                                           LoReportLayout  *layout,
                                           guint            page);

/* The render context of the window: screen-sized text, the user's number
 * conventions, the style's light or dark palette, @currency. */
void        lo_render_context_for_screen (LoRenderContext  *ctx,
                                          const char       *currency);

G_END_DECLS
