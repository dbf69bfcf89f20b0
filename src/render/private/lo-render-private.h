/* lo-render-private.h: what the chart and report files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>
#include "lo-render.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

#define LO_RENDER_DEFAULT_FONT "Cantarell, Noto Sans, sans-serif"

/* Okabe–Ito, in an order whose lightness alternates so that neighbours stay
 * apart in greyscale: blue (dark), orange (mid), sky blue (light) … */
typedef struct { double r, g, b; } LoColour;

extern const LoColour lo_oi_black;
extern const LoColour lo_oi_orange;
extern const LoColour lo_oi_sky;
extern const LoColour lo_oi_green;
extern const LoColour lo_oi_yellow;
extern const LoColour lo_oi_blue;
extern const LoColour lo_oi_vermillion;
extern const LoColour lo_oi_purple;
/* The report's own text and rules: paper is always white. Charts take theirs
 * from their palette (lo_render_palette()). */
extern const LoColour lo_ink;        /* body text */
extern const LoColour lo_ink_muted;  /* axis labels, captions */
extern const LoColour lo_rule;       /* axes, table rules */
extern const LoColour lo_grid;       /* grid lines */

/* Sequential ramp for levels 1 … 5 on paper, monotonic in lightness. */
const LoColour *lo_level_colour (int level);

/* Everything a chart colours, for one kind of background. On paper (light)
 * the data colours are Okabe–Ito as published; on a dark card the blue is
 * lightened so that lines and dots keep a 3:1 contrast, and the level ramp
 * runs from dim to bright so that a higher level still stands out more. */
typedef struct
{
  LoColour background;  /* the card the chart sits on: label plates, knock-out outlines */
  LoColour ink;         /* labels and values */
  LoColour ink_muted;   /* axis labels, notes */
  LoColour rule;        /* axes, the zero line */
  LoColour grid;        /* grid lines, empty cells */
  LoColour black, orange, sky, green, yellow, blue, vermillion, purple;
  LoColour level[LO_N_LEVELS];     /* levels 1 … 5 */
  LoColour on_level[LO_N_LEVELS];  /* text on a level's colour */
} LoPalette;

extern const LoPalette lo_palette_light;
extern const LoPalette lo_palette_dark;

/* The palette of @ctx (NULL: light). */
const LoPalette *lo_render_palette (const LoRenderContext *ctx);

static inline const LoColour *
lo_palette_level (const LoPalette *pal,
                  int              level)
{
  return &pal->level[CLAMP (level, 1, LO_N_LEVELS) - 1];
}

static inline const LoColour *
lo_palette_on_level (const LoPalette *pal,
                     int              level)
{
  return &pal->on_level[CLAMP (level, 1, LO_N_LEVELS) - 1];
}

void  lo_set_colour      (cairo_t        *cr,
                          const LoColour *colour,
                          double          alpha);

/* A helper that draws text and remembers where, so that labels never overlap
 * each other and never leave the canvas. */
typedef struct
{
  cairo_t               *cr;
  const LoRenderContext *ctx;
  const LoPalette       *pal;      /* lo_render_palette (ctx) */
  double                 width;
  double                 height;
  double                 font;     /* base size in user units */
  PangoLayout           *layout;
  PangoFontDescription  *desc;
  GArray                *placed;   /* cairo_rectangle_t */
} LoPainter;

typedef enum
{
  LO_TEXT_NORMAL = 0,
  LO_TEXT_BOLD   = 1 << 0,
  LO_TEXT_SMALL  = 1 << 1,  /* 0.85 × */
  LO_TEXT_LARGE  = 1 << 2,  /* 1.3 × */
  LO_TEXT_FORCE  = 1 << 3,  /* draw even when it overlaps (still kept on the canvas) */
  LO_TEXT_NOTE   = 1 << 4,  /* do not register: later labels may overlap it */
  LO_TEXT_PLATE  = 1 << 5,  /* a plate of the background colour, for labels over lines */
} LoTextFlags;

void     lo_painter_init    (LoPainter             *p,
                             cairo_t               *cr,
                             double                 width,
                             double                 height,
                             const LoRenderContext *ctx);
void     lo_painter_clear   (LoPainter *p);
/* Measures @text (max_width ≤ 0: no wrapping; otherwise wraps, at most
 * @max_lines lines, ellipsized). */
/* The font text with @flags is drawn in (transfer full). */
PangoFontDescription *lo_painter_font (LoPainter  *p,
                                       LoTextFlags flags);
void     lo_painter_measure (LoPainter  *p,
                             const char *text,
                             LoTextFlags flags,
                             double      max_width,
                             int         max_lines,
                             double     *w,
                             double     *h);
/* Draws @text with its anchor point (ax, ay ∈ [0, 1] of its box) at (x, y),
 * moved inside the canvas. Returns FALSE, drawing nothing, when the box would
 * overlap a label placed before (unless LO_TEXT_FORCE). */
gboolean lo_painter_text    (LoPainter      *p,
                             double          x,
                             double          y,
                             double          ax,
                             double          ay,
                             const char     *text,
                             LoTextFlags     flags,
                             double          max_width,
                             int             max_lines,
                             const LoColour *colour);
/* Reserves a rectangle (a legend, a marker) so that labels avoid it. */
void     lo_painter_reserve (LoPainter *p,
                             double     x,
                             double     y,
                             double     w,
                             double     h);
gboolean lo_painter_is_free (LoPainter *p,
                             double     x,
                             double     y,
                             double     w,
                             double     h);
/* A centred note for a chart without data. */
void     lo_painter_note    (LoPainter  *p,
                             const char *text);

/* Legend entries drawn left to right from (x, y); returns the height used. */
typedef enum
{
  LO_KEY_LINE,
  LO_KEY_DASH,
  LO_KEY_BOX,
  LO_KEY_DOT,
} LoKeyKind;

typedef struct
{
  LoKeyKind       kind;
  const LoColour *colour;
  double          alpha;
  const char     *label;
} LoKey;

double   lo_painter_legend  (LoPainter   *p,
                             double       x,
                             double       y,
                             double       max_width,
                             const LoKey *keys,
                             guint        n_keys);

/* Plot-area helpers for x/y charts. */
typedef struct
{
  double x0, y0, x1, y1;      /* plot rectangle on the canvas */
  double xmin, xmax, ymin, ymax;
} LoPlot;

static inline double
lo_plot_x (const LoPlot *plot, double v)
{
  return plot->x0 + (v - plot->xmin) / (plot->xmax - plot->xmin) * (plot->x1 - plot->x0);
}

static inline double
lo_plot_y (const LoPlot *plot, double v)
{
  return plot->y1 - (v - plot->ymin) / (plot->ymax - plot->ymin) * (plot->y1 - plot->y0);
}

typedef enum
{
  LO_AXIS_NUMBER,
  LO_AXIS_MONEY,
  LO_AXIS_MONTHS,
  LO_AXIS_WEEKS,
  LO_AXIS_LEVEL,
  LO_AXIS_HOURS,
  LO_AXIS_NONE,    /* x only: the axis line without ticks (the chart labels it) */
} LoAxisKind;

/* Extends [ymin, ymax] to nice ticks, places the plot rectangle inside
 * (left, top, right, bottom) leaving room for tick labels, and draws the grid
 * and the tick labels. */
void     lo_plot_setup      (LoPainter  *p,
                             LoPlot     *plot,
                             double      left,
                             double      top,
                             double      right,
                             double      bottom,
                             double      xmin,
                             double      xmax,
                             LoAxisKind  xkind,
                             double      ymin,
                             double      ymax,
                             LoAxisKind  ykind);

char    *lo_axis_label      (const LoRenderContext *ctx,
                             LoAxisKind             kind,
                             double                 value,
                             double                 step);

/* Chart pieces shared by the chart files (lo-charts-roi.c). */
/* A path through values[0 … n − 1] at x = 0 … n − 1 (skipping NAN). */
void     lo_chart_curve          (cairo_t        *cr,
                                  const LoPlot   *plot,
                                  const double   *values,
                                  guint           n);
/* A label near (x, y) at the first free corner around the point. */
gboolean lo_chart_marker_label   (LoPainter      *p,
                                  double          x,
                                  double          y,
                                  const char     *text,
                                  const LoColour *colour);
/* A dotted line at @months with a ring where it crosses zero, labelled. */
void     lo_chart_payback_marker (LoPainter      *p,
                                  const LoPlot   *plot,
                                  double          months,
                                  const char     *label,
                                  const LoColour *colour);

/* The programme charts' captions (lo-charts-programme.c). */
char    *lo_chart_programme_schedule_caption  (const LoRenderContext *ctx,
                                               const LoChartData     *data);
char    *lo_chart_programme_cash_flow_caption (const LoRenderContext *ctx,
                                               const LoChartData     *data);

/* The formatter of @ctx (its own, or the shared one of its language) and
 * its currency ("USD" when unset). (transfer none) */
const LoFormatter *lo_render_formatter (const LoRenderContext *ctx);
const char        *lo_render_currency  (const LoRenderContext *ctx);

/* The text of a bank string for display. */
#define LO_BANK_TEXT(bank, s) lo_bank_text ((bank), (s))

/* Level names ("Assisted") from a bank, translated; fallback to the model's. */
const char *lo_level_name   (const LoBank *bank,
                             int           level);

/* Report-specific helpers shared by the registry and the report. */
const LoProcessRoi *lo_report_input_lookup_roi (const LoReportInput *input,
                                                const char          *process_id);

/* Output files go through core's LoOutputFile (lo-output-file.h): cairo
 * writes to it by this function (the closure is the LoOutputFile), and
 * lo_render_finish_output commits it, or removes it when @status is a
 * failure, with a LO_RENDER_ERROR_WRITE naming the file and the cause. */
cairo_status_t lo_render_write_output  (void                *closure,
                                        const unsigned char *data,
                                        unsigned int         length);
LoOutputFile  *lo_render_open_output   (const char     *path,
                                        GError        **error);
gboolean       lo_render_finish_output (LoOutputFile   *file,
                                        cairo_status_t  status,
                                        GError        **error);

G_END_DECLS
