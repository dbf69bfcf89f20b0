/* lo-cli.c: subcommand dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "lo-cli.h"

typedef struct
{
  const char *name;
  LoCliRunFunc run;     /* NULL: a command that draws (see lo_cli_set_drawing) */
  const char *summary;
} Command;

static LoCliRunFunc drawing_run;

static const Command commands[] = {
  { "demo",     lo_cli_demo,     N_("Write the built-in demo engagement") },
  { "validate", lo_cli_validate, N_("Check a question bank or engagement file") },
  { "score",    lo_cli_score,    N_("Dimension scores, levels, overall level, contested questions") },
  { "roi",      lo_cli_roi,      N_("Every process's ROI figures, scenarios and Monte Carlo") },
  { "report",   NULL,            N_("Write the roadmap report (PDF, CSV)") },
  { "chart",    NULL,            N_("Draw one chart to SVG or PNG") },
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

/* Letters, digits and inner dashes only: "scroe", "re-port"; not a path,
 * a file name with an extension, or an option. */
static gboolean
looks_like_command (const char *arg)
{
  if (!g_ascii_isalpha (arg[0]))
    return FALSE;
  for (const char *p = arg; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The edit distance between two short ASCII words (insert, delete,
 * substitute, swap of neighbours). */
static guint
edit_distance (const char *a,
               const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  g_autofree guint *d = NULL;

  if (la > 32 || lb > 32)
    return G_MAXUINT;
  d = g_new0 (guint, (la + 1) * (lb + 1));
#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (guint i = 0; i <= la; i++)
    D (i, 0) = i;
  for (guint j = 0; j <= lb; j++)
    D (0, j) = j;
  for (guint i = 1; i <= la; i++)
    for (guint j = 1; j <= lb; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

        D (i, j) = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          D (i, j) = MIN (D (i, j), D (i - 2, j - 2) + 1);
      }
  return D (la, lb);
#undef D
}

void
lo_cli_set_drawing (LoCliRunFunc run)
{
  drawing_run = run;
}

gboolean
lo_cli_draws (const char *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (command, commands[i].name))
      return commands[i].run == NULL;
  return FALSE;
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

  /* A word that is no file is a mistyped command (`lightsout scroe f`), not
   * a file for the window to open: the command line says so. */
  return looks_like_command (argv[1]) && !g_file_test (argv[1], G_FILE_TEST_EXISTS);
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
      {
        if (commands[i].run != NULL)
          return commands[i].run (argc - 1, argv + 1);
        if (drawing_run != NULL)
          return drawing_run (argc, argv);
        /* TRANSLATORS: %s is a command, e.g. report */
        fprintf (stderr, _("lightsout: “%s” cannot draw in this program\n"), argv[1]);
        return 1;
      }

  /* TRANSLATORS: %s is what the user typed */
  fprintf (stderr, _("lightsout: unknown command “%s”\n"), argv[1]);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (edit_distance (argv[1], commands[i].name) <= 2)
      {
        /* TRANSLATORS: %s is a command such as "score" */
        fprintf (stderr, _("Did you mean “%s”?\n"), commands[i].name);
        break;
      }
  print_usage (stderr);
  return 2;
}
