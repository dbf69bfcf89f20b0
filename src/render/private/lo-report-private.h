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

/* Report content, in lo-report-content.c */
void     lo_report_build (LoDoc                 *doc,
                          const LoReportInput   *input,
                          const LoReportOptions *opts,
                          const LoRenderContext *ctx);

/* The firm's profile and the consultant's words, in lo-report-firm.c */
/* "Prepared by Dana Reyes, Northwind Advisory", or NULL when none was given. */
char    *lo_report_firm_prepared_by (const LoReportOptions *opts);
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
