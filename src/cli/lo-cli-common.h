/* lo-cli-common.h: what the subcommands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-io.h"
#include "lo-store.h"

G_BEGIN_DECLS

/* Exit statuses of every subcommand */
#define LO_CLI_EXIT_OK        0
#define LO_CLI_EXIT_BAD_INPUT 1  /* a file is missing, unreadable or invalid */
#define LO_CLI_EXIT_USAGE     2  /* wrong options or arguments */

/* Reads an engagement file; warnings (skipped parts of a newer minor version)
 * go to stderr as "FILE: warning: …". */
LoEngagement *lo_cli_load_engagement (const char *path,
                                      GError    **error);

/* The question bank with id @bank_id: the one in @bank_path when given (used
 * even when its id differs, with a warning), else a shipped bank, else one
 * imported into the database at @db_path (NULL: the default database). */
LoBank       *lo_cli_find_bank       (const char *bank_id,
                                      const char *bank_path,
                                      const char *db_path,
                                      GError    **error);

/* Where the subcommands find an assessment's bank: the user data of
 * lo_cli_lookup_bank(). */
typedef struct
{
  const char *bank_path;   /* --bank BANK.xml, or NULL */
  const char *db_path;     /* --db DB for imported banks, or NULL: the default */
  LoStore    *store;       /* the database the engagement was read from, or NULL */
  gint64      client;      /* its client there */
  gboolean    failed;      /* set by the lookup when it failed */
} LoCliBanks;

/* A LoBankLookupFunc over a LoCliBanks: --bank when given, else the copy kept
 * with the assessment in @store, else lo_cli_find_bank(). */
LoBank       *lo_cli_lookup_bank     (const LoAssessment *assessment,
                                      gpointer            banks,
                                      GError            **error);

/* The analysis of @engagement for @assessment_id (NULL: the latest) with the
 * banks of @banks; @draws and @seed for Monte Carlo (draws 0: none).
 * An unknown id fails with “no assessment “ID””. */
LoAnalysis   *lo_cli_analyse         (LoEngagement *engagement,
                                      LoCliBanks   *banks,
                                      const char   *assessment_id,
                                      guint         draws,
                                      guint64       seed,
                                      LoAnalysisFlags flags,
                                      GError      **error);

/* The engagement named on the command line: FILE, or with --client NAME the
 * client of that name in the database (--db DB, else the default database).
 * @source receives the name to put in messages. */
LoEngagement *lo_cli_load_source     (const char *path,
                                      const char *db,
                                      const char *client,
                                      char      **source,
                                      GError    **error);

/* Messages in @language (a code such as de or pt_BR; NULL or empty: no
 * change) for the rest of the process. It sets LANGUAGE for the whole process,
 * so a subcommand calls it once, first, before any thread runs. */
void          lo_cli_set_language    (const char *language);

/* Appends @text padded to @width characters (not bytes), aligned right or left. */
void          lo_cli_append_padded   (GString    *out,
                                      const char *text,
                                      int         width,
                                      gboolean    right);

/* One line "FILE: message" on stderr ("lightsout: message" without a file);
 * the file is not repeated when the message already starts with it. */
void          lo_cli_fail            (const char   *file,
                                      const GError *error);

/* Parses @context's options; on a usage error prints "lightsout COMMAND: …"
 * and a hint on stderr and returns FALSE (exit with LO_CLI_EXIT_USAGE). */
gboolean      lo_cli_parse_options   (GOptionContext *context,
                                      const char     *command,
                                      int            *argc,
                                      char         ***argv);

/* Prints a usage error for @command: "lightsout COMMAND: MESSAGE" and a hint. */
void          lo_cli_usage_error     (const char *command,
                                      const char *message);

G_END_DECLS
