/* lo-process-template.h: starting points for the common small-business processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-engagement.h"

G_BEGIN_DECLS

/* The templates offered when adding a process: ids and translated names. */
guint       lo_process_templates_count   (void);
const char *lo_process_template_id       (guint index);
const char *lo_process_template_name     (guint index);
/* A new process from template @template_id ("blank" or an unknown id: the
 * required inputs at values that validate), with an id not yet used in
 * @engagement (may be NULL) and @hourly_cost. (transfer full) */
LoProcess  *lo_process_new_from_template (const char         *template_id,
                                          const LoEngagement *engagement,
                                          double              hourly_cost);

/* @base, or "@base-2", "@base-3" … : the first id not used in @engagement
 * (may be NULL). (transfer full) */
char       *lo_process_unique_id         (const LoEngagement *engagement,
                                          const char         *base);

G_END_DECLS
