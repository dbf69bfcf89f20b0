/* lo-cli.h: the headless subcommands (never GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef int (*LoCliRunFunc) (int argc, char **argv);

/* TRUE when argv names a subcommand (or --help / --version) rather than the window. */
gboolean lo_cli_wants     (int    argc,
                           char **argv);
/* Runs the subcommand; returns the process exit status. */
int      lo_cli_main      (int    argc,
                           char **argv);

/* The commands that draw (report, chart) need cairo and pango, which the
 * lightsout program does not link (scoring a file should not load a font
 * system): lo_cli_main() hands them, with the whole argv, to @run — which
 * loads the lightsout-draw module (lo-cli-draw.c, with render) and calls its
 * lo_cli_draw_main(). */
void     lo_cli_set_drawing (LoCliRunFunc run);
/* TRUE when @command is one of those. */
gboolean lo_cli_draws       (const char  *command);
/* In the lightsout-draw module: runs report or chart; argv[1] names it. */
int      lo_cli_draw_main   (int    argc,
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
