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

/* The question bank with id @bank_id and edition @bank_edition (an
 * assessment's bank and bank_edition; 0: the newest): the one in @bank_path
 * when given (used even when its id or edition differs, with a warning), else
 * a shipped bank of that edition, else one imported into the database at
 * @db_path (NULL: the default database). */
LoBank       *lo_cli_find_bank       (const char *bank_id,
                                      guint       bank_edition,
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
/* The same, with a per-process Monte Carlo only for the @monte_carlo_limit
 * processes of highest NPV (0: all; LoAnalysisOptions.monte_carlo_limit). */
LoAnalysis   *lo_cli_analyse_limited (LoEngagement *engagement,
                                      LoCliBanks   *banks,
                                      const char   *assessment_id,
                                      guint         draws,
                                      guint64       seed,
                                      guint         monte_carlo_limit,
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

/* Prints why @analysis has no score for its assessment, as score and roi
 * say it: the bank file (or FILE) when the bank was not found, else the
 * assessment and what does not fit its bank. */
void          lo_cli_fail_no_score   (LoAnalysis       *analysis,
                                      const LoCliBanks *banks,
                                      const char       *path);

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

/* Parses the value @text of @option ("--draws") as a whole number within the
 * SPEC §2c limit @limit (lo-limits.h); on failure prints a usage error for
 * @command naming the option and the bound, and returns FALSE. */
gboolean      lo_cli_parse_limit     (const char *command,
                                      const char *option,
                                      LoLimitId   limit,
                                      const char *text,
                                      guint64    *value);

/* @text for one field of a line of output: backslash, line breaks, tabs and
 * other control characters written as \\, \n, \t, \r and \uXXXX, so that
 * a name cannot forge a row or a column. NULL gives NULL. */
char         *lo_cli_escape_field    (const char *text);

/* Refuses --db= (an empty path) with a usage error for @command. */
gboolean      lo_cli_check_db_option (const char *command,
                                      const char *db_path);

/* What `validate` checks of an engagement, and `import` before it changes
 * the database: the model's rules and every assessment against its bank
 * (@bank_path, a shipped bank or one in the database). */
gboolean      lo_cli_check_engagement (const LoEngagement *engagement,
                                       const char         *bank_path,
                                       GError            **error);

/* Accepts a --lang the program has a translation for (LO_LANGUAGES: en and
 * po/LINGUAS), with or without a region; else a usage error naming them. */
gboolean      lo_cli_check_language  (const char *command,
                                      const char *lang);

G_END_DECLS
