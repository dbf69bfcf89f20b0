/* lo-cli-target.h: the engagement answers are merged into (--into FILE or
 * --client NAME), for `merge` and `import-responses`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-io.h"

G_BEGIN_DECLS

typedef struct
{
  char         *into;       /* --into FILE, or NULL */
  char         *client;     /* --client NAME, or NULL */
  char         *db;         /* --db DB, or NULL */
  char         *source;     /* the name for messages */
  LoEngagement *engagement;
} LoCliTarget;

/* Checks that exactly one of --into and --client was given (else a usage
 * error for @command and FALSE) and loads the engagement. */
gboolean  lo_cli_target_load     (LoCliTarget *target,
                                  const char  *command,
                                  int         *status,
                                  GError     **error);
/* The target's assessment @id, or with @id NULL its latest; NULL with an
 * error naming the target when there is none. */
LoAssessment *lo_cli_target_assessment (LoCliTarget *target,
                                        const char  *id,
                                        GError     **error);
/* Writes @changed (LoAssessment*, each already in target->engagement): the
 * whole file atomically with --into, the assessments each in one
 * transaction with --client. */
gboolean  lo_cli_target_save     (LoCliTarget *target,
                                  GPtrArray   *changed,
                                  GError     **error);
void      lo_cli_target_clear    (LoCliTarget *target);

G_END_DECLS
