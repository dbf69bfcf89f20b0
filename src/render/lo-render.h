/* lo-render.h: charts and the report, drawn with cairo and pango (no GTK)
 *
 * Every chart is a function that draws into a cairo_t, in user units, inside the
 * rectangle (0, 0, width, height): the window (gtk_snapshot_append_cairo), the
 * print dialog, the PDF report and SVG/PNG export all call the same code. Scale
 * the cairo_t before calling to draw at a higher resolution; text sizes follow
 * LoRenderContext.font_size (user units) and shrink on small canvases, so a
 * chart stays readable from 200 × 150 up to poster size.
 *
 * Nothing here touches GTK or global state: charts only read the model
 * structs, so any thread may draw. Numbers, money and dates come from core's
 * LoFormatter (lo-format.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include "lo-core.h"

G_BEGIN_DECLS

#define LO_RENDER_ERROR (lo_render_error_quark ())
GQuark lo_render_error_quark (void);

typedef enum
{
  LO_RENDER_ERROR_FAILED,        /* cairo could not draw or write */
  LO_RENDER_ERROR_UNKNOWN_CHART, /* no chart with that name */
  LO_RENDER_ERROR_NO_DATA,       /* the chart needs data the engagement lacks */
  LO_RENDER_ERROR_WRITE,         /* the output file could not be written */
  LO_RENDER_ERROR_LOGO,          /* the logo could not be read */
} LoRenderError;

/* How numbers, money and text look. Plain struct: initialise with
 * lo_render_context_init() and override fields. Strings are borrowed. */
typedef struct
{
  const char *language;     /* "en", "de" …: number and date conventions when
                             * @formatter is NULL; NULL = "en" */
  const char *currency;     /* ISO 4217 code; NULL = "USD" */
  const char *font_family;  /* NULL = "Cantarell, Noto Sans, sans-serif" */
  double      font_size;    /* chart text size in user units; 0 = 8.5 */
  gboolean    dark;         /* light text and lines for a dark card (the window's
                             * dark style); FALSE = paper, the default */
  const LoFormatter *formatter; /* numbers, money, dates; NULL = the shared
                                 * formatter of @language */
  /* Told of every label a chart draws, in the chart's own units (0, 0,
   * width, height): its text, box, whether it was cut short ("…") and
   * whether it is a note that may lie under others. For the layout tests;
   * NULL normally. */
  void      (*label_drawn)  (gpointer    data,
                             const char *text,
                             double      x,
                             double      y,
                             double      width,
                             double      height,
                             gboolean    cut,
                             gboolean    note);
  gpointer    label_data;
  /* The fonts charts are drawn with: the report's own map (72 units per
   * inch, shared with its text, so each font is matched once); NULL = the
   * thread's default. */
  PangoFontMap *font_map;
} LoRenderContext;

void   lo_render_context_init (LoRenderContext *ctx);

/* Charts leave their background transparent so that they sit on whatever card
 * holds them. Files and tests fill it first with this: white paper, or the
 * dark card colour the dark palette is made for. */
void   lo_render_paint_background (cairo_t               *cr,
                                   const LoRenderContext *ctx);

/* Readable axis ticks: a 1-2-5 step so that about @max_ticks ticks cover
 * [lo, hi]. Returns the step and stores the first and last tick. */
double lo_render_nice_ticks         (double  lo,
                                     double  hi,
                                     int     max_ticks,
                                     double *first,
                                     double *last);


/* The data a report and its charts are made from: one analysis (core's
 * LoAnalysis, which alone computes them) and, for the drawing code, its parts.
 * The parts are borrowed from the analysis and may be NULL when the
 * engagement lacks them (no assessment: bank, score, previous and roadmap are
 * NULL; no process: portfolio has no processes). */
typedef struct
{
  LoAnalysis   *analysis;    /* owned ref */
  LoEngagement *engagement;
  LoBank       *bank;        /* the analysed assessment's bank, or NULL */
  LoScore      *score;       /* the analysed assessment (default: the latest) */
  LoScore      *previous;    /* the one before, when it uses the same bank */
  LoRoadmap    *roadmap;     /* built and scheduled */
  LoPortfolio  *portfolio;
  LoProgramme  *programme;   /* the roadmap's programme (SPEC §2b), or NULL */
} LoReportInput;

/* What the report needs from @analysis; fails when the analysis has no
 * portfolio (a partial analysis of invalid processes), with its error. The
 * report's Monte Carlo is the analysis's: make it with draws (the CLI and the
 * window use LO_MONTE_CARLO_DEFAULT_DRAWS and _SEED). */
/* SPEC §2c: a report details at most this many processes, those with the
 * highest expected NPV (equal NPVs: file order); only they need a
 * per-process Monte Carlo, so an analysis for a report can set
 * LoAnalysisOptions.monte_carlo_limit to it. */
#define LO_REPORT_DETAILED_PROCESSES 25

LoReportInput *lo_report_input_new  (LoAnalysis *analysis,
                                     GError    **error);
void           lo_report_input_free (LoReportInput *input);

/* Charts. Each draws the whole chart (frame, axes, legend, labels) into
 * (0, 0, width, height); none of them raises an error: missing data draws a
 * short note instead. */

/* Radar of the dimension scores (3 … 12 axes): current filled, next-level
 * targets as a dashed outline; with @previous, the earlier assessment too. */
void lo_chart_radar_draw     (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoScore         *score,
                              const LoScore         *previous);
/* Where lo_chart_radar_draw() puts the centre and the level-5 ring, for hit
 * testing and tests: a score s on axis i (of n) lands at
 * (cx + r·s/5·cos θ, cy + r·s/5·sin θ) with θ = −π/2 + 2π·i/n, drawn as a dot of
 * radius max(2.5, r/40). */
void lo_chart_radar_geometry (double width, double height,
                              const LoRenderContext *ctx,
                              double *cx, double *cy, double *radius);
/* Per-question bars (combined answer), each respondent's answer as a dot,
 * contested questions highlighted; @dimension = -1 for all dimensions. */
void lo_chart_questions_draw (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoScore         *score,
                              int                    dimension);
/* Respondents × questions, grouped by dimension. Up to
 * LO_HEATMAP_NAMED_ROWS respondents each row is named and each cell shows
 * its answer; beyond that the rows may be thinner than a pixel, the names
 * give way to respondent numbers on the axis, and the cells are one image
 * scaled up without smoothing, so that thousands of respondents draw as
 * quickly as ten. */
#define LO_HEATMAP_NAMED_ROWS 40
void lo_chart_heatmap_draw   (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoScore         *score);
/* Where lo_chart_heatmap_draw() puts the cell of respondent @respondent
 * (index into the assessment's respondents) and question @question (index
 * into the score's questions), for hit testing and tests. FALSE when the
 * chart draws no cells (no answers) or an index is out of range. */
gboolean lo_chart_heatmap_cell (double width, double height,
                                const LoRenderContext *ctx,
                                const LoScore         *score,
                                guint                  respondent,
                                guint                  question,
                                cairo_rectangle_t     *cell);
/* Cumulative cash flow over the horizon, payback marked, the alternative
 * quote's curve beside it. */
void lo_chart_cashflow_draw  (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoProcessRoi    *roi);
/* Cumulative cash flow of the three scenarios as a band, with the Monte Carlo
 * P10–P90 band when there is one. */
void lo_chart_scenarios_draw (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoProcessRoi    *roi);
/* Distribution of the Monte Carlo NPV with P10, P50 and P90 marked. */
void lo_chart_montecarlo_draw (cairo_t *cr, double width, double height,
                               const LoRenderContext *ctx,
                               const LoProcessRoi    *roi);
void lo_chart_tornado_draw   (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoProcessRoi    *roi);
/* Readiness against NPV, bubble area = hours saved per week. */
void lo_chart_portfolio_draw (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoPortfolio     *portfolio);
/* The roadmap's steps and their processes as a Gantt-style timeline. */
void lo_chart_roadmap_draw   (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoRoadmap       *roadmap,
                              const LoPortfolio     *portfolio);
/* Projected against actual monthly hours saved and net benefit. */
void lo_chart_actuals_draw   (cairo_t *cr, double width, double height,
                              const LoRenderContext *ctx,
                              const LoProcessRoi    *roi);

/* The programme (SPEC §2b) on the roadmap's schedule: the steps across the
 * top, one row per included process in build order with its build, its
 * approval phase (go-live until the level-5 step ends) and its exception-only
 * phase, its lane when there are several; the processes left out listed with
 * their reason; months from the start of the roadmap below. */
void lo_chart_programme_schedule_draw  (cairo_t *cr, double width, double height,
                                        const LoRenderContext *ctx,
                                        const LoProgramme     *programme,
                                        const LoRoadmap       *roadmap);
/* The programme's cumulative cash flow by month (its monthly flows as bars),
 * the peak funding need and payback marked. */
void lo_chart_programme_cash_flow_draw (cairo_t *cr, double width, double height,
                                        const LoRenderContext *ctx,
                                        const LoProgramme     *programme);

/* The table of charts: every chart the window, the report, `lightsout chart`
 * and export show is looked up here by name. */

/* What a chart is drawn from (borrowed). A chart whose data is missing draws
 * a short note, and its caption says so. */
typedef struct
{
  const LoScore      *score;      /* maturity charts */
  const LoScore      *previous;   /* "comparison" */
  const LoRoadmap    *roadmap;    /* "roadmap" */
  const LoPortfolio  *portfolio;  /* "portfolio", "roadmap" */
  const LoProcessRoi *roi;        /* per-process charts */
  const LoProgramme  *programme;  /* "programme-schedule", "programme-cash-flow" */
  int                 dimension;  /* "questions": an index, -1 = all */
} LoChartData;

/* Empty data, dimension -1. */
void lo_chart_data_init (LoChartData *data);

typedef void  (*LoChartDrawFunc)    (cairo_t               *cr,
                                     double                 width,
                                     double                 height,
                                     const LoRenderContext *ctx,
                                     const LoChartData     *data);
/* The chart's finding in one sentence (transfer full, never NULL). */
typedef char *(*LoChartCaptionFunc) (const LoRenderContext *ctx,
                                     const LoChartData     *data);

typedef struct
{
  const char        *name;        /* "radar" */
  const char        *title;       /* translatable (N_), pass through _() */
  gboolean           per_process; /* takes a process */
  LoChartDrawFunc    draw;
  LoChartCaptionFunc caption;
} LoChartInfo;

/* The known charts (transfer none), @n_charts set to their number. */
const LoChartInfo *lo_chart_list       (guint *n_charts);
/* The chart called @name, or NULL (transfer none). */
const LoChartInfo *lo_chart_lookup     (const char *name);
/* Draws the chart @name. @item selects a process id (process charts; NULL = the
 * first in sequence) or a dimension id ("questions"; NULL = all). Fails with
 * LO_RENDER_ERROR_UNKNOWN_CHART or _NO_DATA. */
gboolean lo_chart_draw_by_name (cairo_t             *cr,
                                const char          *name,
                                double               width,
                                double               height,
                                const LoRenderContext *ctx,
                                const LoReportInput *input,
                                const char          *item,
                                GError             **error);
/* The chart's caption: its finding in words (transfer full), or NULL. */
char    *lo_chart_caption      (const char          *name,
                                const LoRenderContext *ctx,
                                const LoReportInput *input,
                                const char          *item);
/* Writes a chart to @path; the format follows the extension (.svg, .png, .pdf).
 * @width/@height in points (SVG, PDF) or pixels (PNG). Atomic. */
gboolean lo_chart_write_file   (const char          *name,
                                const LoRenderContext *ctx,
                                const LoReportInput *input,
                                const char          *item,
                                double               width,
                                double               height,
                                const char          *path,
                                GError             **error);

/* The report */
typedef enum
{
  LO_PAPER_A4,
  LO_PAPER_LETTER,
} LoPaper;

/* What a report holds (SPEC §6): the full pack, with every process in an
 * appendix, or the summary of at most six pages. Both end with next steps. */
typedef enum
{
  LO_REPORT_EDITION_FULL,
  LO_REPORT_EDITION_SUMMARY,
} LoReportEdition;

/* Reads "full" or "summary"; FALSE for anything else. */
gboolean lo_report_edition_from_string (const char      *text,
                                        LoReportEdition *edition);

/* The report's fonts, matched in another thread while the caller does
 * something else (reads the file, analyses it): a font match weighs every
 * installed font, about a millisecond for each size the report uses.  One
 * report's: a report takes its map over. */
typedef struct _LoReportFonts LoReportFonts;

/* @language: the report's (LoReportOptions.language); NULL = "en" */
LoReportFonts *lo_report_fonts_new  (const char *language);
void           lo_report_fonts_free (LoReportFonts *fonts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoReportFonts, lo_report_fonts_free)

typedef struct
{
  LoPaper     paper;
  LoReportEdition edition;   /* default LO_REPORT_EDITION_FULL */
  const char *language;      /* NULL = "en" (numbers, dates); the words are in the
                              * process's message language (the CLI's --lang sets
                              * it; the window runs `lightsout report --lang`) */
  const char *consultant;    /* may be NULL */
  const char *logo_path;     /* PNG, may be NULL */
  GDateTime  *creation_date; /* NULL = now; fixed in tests */
  const char *currency;      /* NULL = the engagement's */
  const LoFirmProfile *firm; /* who sends it (cover, footer, next steps,
                              * author); NULL = none. @consultant and
                              * @logo_path, when set, override its fields */
  LoReportFonts *fonts;      /* the fonts, matched ahead (lo_report_fonts_new);
                              * NULL = matched when needed */
} LoReportOptions;

void lo_report_options_init (LoReportOptions *opts);

/* Page size in points. */
void lo_paper_size          (LoPaper paper,
                             double *width,
                             double *height);

typedef struct _LoReportLayout LoReportLayout;

/* Lays the report out in pages (text measured, charts placed, page breaks
 * chosen). Borrows @input until freed. Fails only on an unreadable logo. */
LoReportLayout *lo_report_layout_new     (const LoReportInput   *input,
                                          const LoReportOptions *opts,
                                          GError               **error);
void            lo_report_layout_free    (LoReportLayout *layout);
guint           lo_report_layout_n_pages (LoReportLayout *layout);
/* Page size in points (what GtkPrintOperation's page setup should use). */
void            lo_report_layout_page_size (LoReportLayout *layout,
                                            double         *width,
                                            double         *height);
/* Draws page @page (0-based) into @cr, in points, origin at the page's top
 * left corner. */
void            lo_report_draw_page      (LoReportLayout *layout,
                                          cairo_t        *cr,
                                          guint           page);

/* Lays out and writes the PDF (metadata, outline, page labels) through a
 * temporary file beside @path, renamed into place. */
gboolean lo_report_write_pdf (const LoReportInput   *input,
                              const LoReportOptions *opts,
                              const char            *path,
                              GError               **error);

/* The same report as an editable Word document (lo-docx.c): headings as
 * Heading 1–3, real tables, charts as PNG images with their caption as alt
 * text, page numbers in the footer, @opts's paper. Whole or not at all. */
gboolean lo_report_write_docx (const LoReportInput   *input,
                               const LoReportOptions *opts,
                               const char            *path,
                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoReportInput, lo_report_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoReportLayout, lo_report_layout_free)

G_END_DECLS
