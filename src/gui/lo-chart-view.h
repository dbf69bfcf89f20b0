/* lo-chart-view.h: a chart of the render layer inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lo-core.h"

G_BEGIN_DECLS

typedef enum
{
  LO_CHART_RADAR,       /* dimension scores against the targets */
  LO_CHART_BARS,        /* one bar per question */
  LO_CHART_HEATMAP,     /* answers by respondent and question */
  LO_CHART_COMPARISON,  /* dimension scores now and in the previous assessment */
} LoChartKind;

#define LO_TYPE_CHART_VIEW (lo_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LoChartView, lo_chart_view, LO, CHART_VIEW, GtkWidget)

GtkWidget  *lo_chart_view_new        (LoChartKind  kind);
LoChartKind lo_chart_view_get_kind   (LoChartView *self);
void        lo_chart_view_set_kind   (LoChartView *self,
                                      LoChartKind  kind);
/* @previous is used by LO_CHART_COMPARISON only. */
void        lo_chart_view_set_scores (LoChartView *self,
                                      LoScore     *score,
                                      LoScore     *previous);
/* The sentence that states the chart's finding (also its accessible label). */
const char *lo_chart_view_get_caption (LoChartView *self);

G_END_DECLS
