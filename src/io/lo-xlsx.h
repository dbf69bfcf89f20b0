/* lo-xlsx.h: the analysis as an Excel workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-core.h"

G_BEGIN_DECLS

/* Writes the workbook of @analysis to @path, whole or not at all (by
 * lo-output-file.h's rules; "-" is standard output). Its sheets hold the
 * tables of lo-csv.h with translated headers, in the language of the
 * current message catalogue:
 *   Scores       the scores table
 *   Answers      each respondent's answer per question (the date a date)
 *   ROI          the roi table, then the programme's cash flow per month
 *   Action plan  the actions table; Status a drop-down (Not started /
 *                In progress / Done), Due date a date
 * Numbers are numbers with number formats: money in @analysis's currency,
 * percentages as percentages, dates as dates. */
gboolean lo_xlsx_write_file (const LoAnalysis *analysis,
                             const char       *path,
                             GError          **error);

G_END_DECLS
