/* lo-csv.h: the engagement as one sectioned CSV file for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-core.h"

G_BEGIN_DECLS

/* One RFC 4180 file (UTF-8, CRLF line ends, comma-separated, numbers with a
 * '.' decimal point) in four sections, each opened by a row holding only the
 * section's title in brackets and followed by a header row; sections are
 * separated by an empty row:
 *   [Scores]       dimension-id, dimension, score, level, target, answered, questions
 *                  (and an "overall" row)
 *   [Answers]      question-id, dimension-id, question, respondent-id, respondent, answer, note
 *                  (answer: 1–5, "dont-know" or "na"; a question's agreed answer follows
 *                  its respondents' with an empty respondent-id and respondent "agreed")
 *   [ROI]          one row per process: the figures of `lightsout roi`, money in the
 *                  engagement's currency
 *   [Action plan]  the roadmap as rows: step, level, start-week, weeks, dimension,
 *                  question-id, action, owner, due, status (owner, due and status empty,
 *                  for the client to fill in)
 * @score, @portfolio and @roadmap may be NULL; their sections then hold only
 * the header. Text that a spreadsheet would read as a formula (starting with
 * = + - @) is prefixed with an apostrophe. (transfer full) */
char     *lo_csv_report     (const LoEngagement *engagement,
                             const LoScore      *score,
                             const LoPortfolio  *portfolio,
                             const LoRoadmap    *roadmap,
                             gsize              *length);

/* Writes lo_csv_report() to @path whole or not at all. */
gboolean  lo_csv_write_file (const LoEngagement *engagement,
                             const LoScore      *score,
                             const LoPortfolio  *portfolio,
                             const LoRoadmap    *roadmap,
                             const char         *path,
                             GError            **error);

G_END_DECLS
