/* lo-cli.h: the headless subcommands (never GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv names a subcommand (or --help / --version) rather than the window. */
gboolean lo_cli_wants     (int    argc,
                           char **argv);
/* Runs the subcommand; returns the process exit status. */
int      lo_cli_main      (int    argc,
                           char **argv);

/* One function per subcommand; argv[0] is the subcommand's name. */
int      lo_cli_demo      (int argc, char **argv);
int      lo_cli_validate  (int argc, char **argv);
int      lo_cli_score     (int argc, char **argv);
int      lo_cli_roi       (int argc, char **argv);
int      lo_cli_report    (int argc, char **argv);
int      lo_cli_chart     (int argc, char **argv);
int      lo_cli_import    (int argc, char **argv);
int      lo_cli_export    (int argc, char **argv);
int      lo_cli_list      (int argc, char **argv);
int      lo_cli_restore   (int argc, char **argv);
int      lo_cli_merge     (int argc, char **argv);
int      lo_cli_questionnaire (int argc, char **argv);
int      lo_cli_import_responses (int argc, char **argv);

G_END_DECLS
