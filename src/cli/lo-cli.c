/* lo-cli.c: subcommand dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "demo",     lo_cli_demo,     N_("Write the built-in demo engagement") },
  { "validate", lo_cli_validate, N_("Check a question bank or engagement file") },
  { "score",    lo_cli_score,    N_("Dimension scores, levels, overall level, contested questions") },
  { "roi",      lo_cli_roi,      N_("Every process's ROI figures, scenarios and Monte Carlo") },
  { "report",   lo_cli_report,   N_("Write the roadmap report (PDF, CSV)") },
  { "chart",    lo_cli_chart,    N_("Draw one chart to SVG or PNG") },
  { "import",   lo_cli_import,   N_("Import an engagement file into the local database") },
  { "export",   lo_cli_export,   N_("Export a client from the local database") },
  { "list",     lo_cli_list,     N_("List the clients in the local database") },
  { "restore",  lo_cli_restore,  N_("List the local database’s backups, or restore one") },
  { "questionnaire", lo_cli_questionnaire, N_("Write an offline HTML questionnaire for a respondent") },
  { "merge",    lo_cli_merge,    N_("Add answer files' respondents to an assessment") },
  { "import-responses", lo_cli_import_responses, N_("Import answers exported from a survey tool (CSV)") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: lightsout [COMMAND] [OPTION…]"));
  fprintf (out, "\n%s\n\n", _("Without a command, lightsout opens the window."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “lightsout COMMAND --help” for a command's options."));
}

gboolean
lo_cli_wants (int    argc,
              char **argv)
{
  if (argc < 2)
    return FALSE;

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "help"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return TRUE;

  return FALSE;
}

int
lo_cli_main (int    argc,
             char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("lightsout %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  /* TRANSLATORS: %s is what the user typed */
  fprintf (stderr, _("lightsout: unknown command “%s”\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
