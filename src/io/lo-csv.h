/* lo-csv.h: the analysis as CSV files, one table per file, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-core.h"

G_BEGIN_DECLS

/* The tables (and the workbook's sheets, lo-xlsx.h):
 *   scores     dimension-id, dimension, score, level, target, answered, questions
 *              (and an "overall" row)
 *   answers    date, question-id, dimension-id, question, respondent-id, respondent,
 *              answer (1–5, "dont-know" or "na")
 *   roi        one row per process: the figures of `lightsout roi`, its build and
 *              run cost, money in the currency column's currency
 *   actions    the roadmap as rows: step, level, start-week, weeks, priority,
 *              dimension, question-id, action, owner, due, status (owner, due and
 *              status empty, for the client to fill in)
 *   programme  the programme's cash flow (SPEC §2b) per month 0 … H
 */
typedef enum
{
  LO_CSV_SCORES,
  LO_CSV_ANSWERS,
  LO_CSV_ROI,
  LO_CSV_ACTIONS,
  LO_CSV_PROGRAMME,
  LO_CSV_N_TABLES,
} LoCsvTable;

/* "scores", "answers", "roi", "actions", "programme". */
const char *lo_csv_table_name      (LoCsvTable  table);
/* FALSE for a name that is none of them. */
gboolean    lo_csv_table_from_name (const char *name,
                                    LoCsvTable *table);

/* Writes @value in the fewest significant digits (15, 16 or 17) that read
 * back (g_ascii_strtod) to the same double, with a '.' decimal point: 0.1
 * is "0.1", never "0.10000000000000001". Nothing for NAN or infinity. */
void        lo_csv_append_number   (GString    *out,
                                    double      value);

/* One RFC 4180 table (UTF-8, CRLF line ends, comma-separated, a header row of
 * the column ids). Text a spreadsheet would read as a formula (starting with
 * = + - @) is prefixed with an apostrophe. (transfer full) */
char       *lo_csv_table           (LoCsvTable        table,
                                    const LoAnalysis *analysis,
                                    gsize            *length);

/* Writes the table to @path whole or not at all. */
gboolean    lo_csv_write_table     (LoCsvTable        table,
                                    const LoAnalysis *analysis,
                                    const char       *path,
                                    GError          **error);

/* Writes every table as @dir/NAME.csv (creating @dir when missing), each
 * whole or not at all. */
gboolean    lo_csv_write_dir       (const LoAnalysis *analysis,
                                    const char       *dir,
                                    GError          **error);

G_END_DECLS
