/* lo-test-engagements.h: engagements the render tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-io.h"
#include "lo-render.h"

G_BEGIN_DECLS

/* The demo with @n_processes processes (copies of the demo's, renamed) and
 * @n_respondents respondents (the demo's answers, shifted), and a long client
 * name when @long_name. */
LoEngagement  *lo_test_big_engagement  (guint    n_processes,
                                        guint    n_respondents,
                                        gboolean long_name);
/* The report input of @engagement with the shipped default bank and few draws. */
LoReportInput *lo_test_report_input    (LoEngagement *engagement);

/* A score built by hand: dimensions d0 … d(n−1) with the given scores (NAN:
 * no score). Free with lo_test_score_free(). */
LoScore       *lo_test_score_new       (guint         n,
                                        const double *scores);
void           lo_test_score_free      (LoScore *score);

/* Runs argv, returns its stdout (NULL when the program is missing: the caller
 * skips). */
char          *lo_test_run             (const char * const *argv,
                                        int                 *status);

G_END_DECLS
