/* lo-report-private.h: the report as a flow of blocks
 *
 * lo-report-content.c decides what the report says (a list of blocks);
 * lo-report.c measures the blocks with pango, breaks them into pages (headings
 * kept with what follows, charts whole, tables broken between rows with the
 * header repeated) and draws the pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-render-private.h"

G_BEGIN_DECLS

/* Type scale (points) */
#define SIZE_BODY     10.5
#define SIZE_H1       20.0
#define SIZE_H2       14.5
#define SIZE_H3       11.5
#define SIZE_SMALL    9.0
#define SIZE_TABLE    9.0
#define SIZE_FIGURE   17.0
#define SIZE_COVER    32.0   /* the client's name on the cover */
#define LO_REPORT_CHART_FONT_SIZE 8.0   /* a chart's text at full size */

/* The report's fonts (lo-report-fonts.c): one font map, for @language, at 72 units per inch,
 * for its text and its charts, asked for the family LO_RENDER_DEFAULT_FONT
 * found (stored in *@family, transfer full; NULL when none was found). */
PangoFontMap *lo_report_font_map_new     (const char     *language,
                                          char          **family);
/* Waits for @fonts' matching and hands over its map (transfer full). */
PangoFontMap *lo_report_fonts_take_map   (LoReportFonts  *fonts,
                                          char          **family);
/* The context the report measures and draws its text in, in @language
 * ("en", "de"; NULL = "en") (transfer full). */
PangoContext *lo_report_font_context_new (PangoFontMap   *map,
                                          const char     *language);

typedef enum
{
  LO_BLOCK_COVER,
  LO_BLOCK_HEADING,
  LO_BLOCK_TEXT,
  LO_BLOCK_BULLET,
  LO_BLOCK_NOTE,      /* a highlighted paragraph (a boxed remark) */
  LO_BLOCK_CHART,
  LO_BLOCK_TABLE,
  LO_BLOCK_FIGURES,   /* a row of key figures */
} LoBlockKind;

typedef struct _LoDoc LoDoc;

/* Builders; markup is Pango markup (escape user text with g_markup_escape_text
 * or lo_doc_textf). */
void     lo_doc_cover    (LoDoc      *doc,
                          const char *title,
                          const char *client,
                          const char *subtitle,
                          const char *prepared_by,
                          const char *date);
void     lo_doc_heading  (LoDoc      *doc,
                          int         level,      /* 1 … 3; 1 starts a new page */
                          const char *text);
/* The next block starts a new page. */
void     lo_doc_page_break (LoDoc    *doc);
void     lo_doc_text     (LoDoc      *doc,
                          const char *markup);
void     lo_doc_textf    (LoDoc      *doc,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);
void     lo_doc_bullet   (LoDoc      *doc,
                          const char *markup);
void     lo_doc_note     (LoDoc      *doc,
                          const char *markup);
/* A chart of the registry with its caption (the finding); @caption may be NULL
 * for the registry's own caption. */
void     lo_doc_chart    (LoDoc      *doc,
                          const char *name,
                          const char *item,
                          double      height,
                          const char *caption);
/* A drawing of @height points across the text width, drawn by @draw with
 * @data (freed by @destroy with the layout); @caption may be NULL. */
typedef void (*LoDocDrawFunc) (cairo_t *cr,
                               double   width,
                               double   height,
                               gpointer data);
void     lo_doc_drawing  (LoDoc         *doc,
                          double         height,
                          LoDocDrawFunc  draw,
                          gpointer       data,
                          GDestroyNotify destroy,
                          const char    *caption);
/* Tables: widths are fractions of the text width; @numeric marks columns that
 * are right-aligned. Cells are markup. */
void     lo_doc_table_begin (LoDoc             *doc,
                             guint              n_cols,
                             const double      *widths,
                             const gboolean    *numeric,
                             const char *const *header);
void     lo_doc_table_row   (LoDoc             *doc,
                             const char *const *cells);
void     lo_doc_table_rowv  (LoDoc             *doc,
                             ...) G_GNUC_NULL_TERMINATED;
void     lo_doc_figure      (LoDoc      *doc,
                             const char *value,
                             const char *label);

/* What the content builders share: the document being built and what it is
 * built from. */
typedef struct
{
  LoDoc                 *doc;
  const LoReportInput   *in;
  const LoReportOptions *opts;
  const LoRenderContext *ctx;
  const LoBank          *bank;
} LoReportBuilder;

/* Money for people in the report's currency: whole units, cents under 100. */
char    *lo_report_money        (const LoReportBuilder *r,
                                 double                 v);

/* The programme's money (lo-report-money.c, SPEC §2b): the summary's key
 * figures and paragraph (investment, peak funding, NPV, payback from the
 * roadmap's start, hours per week, the realisation rate) ... */
void     lo_report_programme_summary (LoReportBuilder *r);
/* ... the processes left out and why: at most @max_named by name, then
 * "and N more" (0: all) ... */
void     lo_report_programme_excluded (LoReportBuilder *r,
                                       guint            max_named);
/* ... and the roadmap's money: the schedule and the programme's cash flow. */
void     lo_report_programme_roadmap (LoReportBuilder *r);
/* The process's own role in the programme, as a sentence (transfer full):
 * "on its own, if built today", and whether it is left out. */
char    *lo_report_process_standing (const LoReportBuilder *r,
                                     const LoProcessRoi    *roi);

/* For the layout tests (SPEC §6's rules), what page @page (0-based) holds:
 * the share of the text area's height filled (0 … 1), whether it ends a
 * chapter (the next page opens with a level-1 heading, a forced page break or
 * the cover, or it is the last page), and how many tables leave their header
 * and fewer than two rows at its foot (continued on the next page). */
typedef struct
{
  double   fill;
  gboolean chapter_end;
  guint    short_table_feet;
} LoReportPageStats;

void     lo_report_layout_page_stats (LoReportLayout    *layout,
                                      guint              page,
                                      LoReportPageStats *stats);

/* The blocks as laid out, read by the report's other formats (lo-docx.c):
 * a view into the layout, valid while it lives. Text is plain (markup
 * removed). */
typedef struct
{
  LoBlockKind        kind;
  gboolean           new_page;
  int                level;     /* headings 1 … 3 */
  const char        *text;      /* heading, text, bullet, note, chart caption; or NULL */
  const char        *chart;     /* charts: the chart table's name */
  const char        *item;
  double             chart_height;  /* points, at the layout's text width */
  guint              n_cols;    /* tables; figures: the figures in the row */
  guint              n_rows;    /* tables, without the header */
  const double      *widths;    /* tables: points */
  const gboolean    *numeric;
  const char *const *cover;     /* title, client, subtitle, prepared by, date */
} LoBlockView;

guint        lo_report_layout_n_blocks   (LoReportLayout *layout);
void         lo_report_layout_block      (LoReportLayout *layout,
                                          guint           index,
                                          LoBlockView    *view);
/* A table's cell (row −1: the header), or a figure (row 0: the value, 1: the
 * label), as plain text. */
const char  *lo_report_layout_cell       (LoReportLayout *layout,
                                          guint           index,
                                          int             row,
                                          guint           column);
const LoRenderContext *lo_report_layout_context (LoReportLayout *layout);
double       lo_report_layout_text_width (LoReportLayout *layout);
const char  *lo_report_layout_title      (LoReportLayout *layout);

/* Report content, in lo-report-content.c */
void     lo_report_build (LoDoc                 *doc,
                          const LoReportInput   *input,
                          const LoReportOptions *opts,
                          const LoRenderContext *ctx);

/* The appendix of the full edition (lo-report-appendix.c). */
void     lo_report_build_appendix (LoReportBuilder *r);

/* The cover's logo from the PNG file at @path (lo-report-logo.c): at most
 * 16 MB and 8000 × 8000 pixels; NULL with LO_RENDER_ERROR_LOGO otherwise. */
cairo_surface_t *lo_report_load_logo (const char *path,
                                      GError    **error);

/* The firm's profile and the consultant's words, in lo-report-firm.c */
/* "Prepared by Dana Reyes, Northwind Advisory", or NULL when none was given. */
char    *lo_report_firm_prepared_by (const LoReportOptions *opts);
/* Who sends the report, for a footer: the firm's name, else the consultant;
 * NULL when neither was given. */
char    *lo_report_firm_sender      (const LoReportOptions *opts);
/* The PDF's author: the consultant, else the firm; NULL when neither. */
char    *lo_report_firm_author      (const LoReportOptions *opts);
/* Every page's footer: the firm's name and @title. */
char    *lo_report_firm_footer      (const LoReportOptions *opts,
                                     const char            *title);
/* The cover note (summary page) and a dimension's comment, as paragraphs. */
void     lo_report_append_commentary (LoDoc      *doc,
                                      const char *text);
/* The last page: the consultant's next steps or a call to action, the firm's
 * contact details and a QR code of its booking link. */
void     lo_report_append_next_steps (LoDoc                 *doc,
                                      const LoReportInput   *input,
                                      const LoReportOptions *opts);

G_END_DECLS
