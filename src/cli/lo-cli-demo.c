/* lo-cli-demo.c: `lightsout demo -o FILE` writes the built-in demo engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"
#include "lo-cli-common.h"

int
lo_cli_demo (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LoEngagement) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the demo engagement to FILE"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Writes the built-in demo engagement (Harbor Logistics)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "demo", &argc, &argv))
    return LO_CLI_EXIT_USAGE;

  if (output == NULL && argc == 2)
    output = g_strdup (argv[1]);   /* `demo FILE` is accepted too */
  else if (argc > 1)
    {
      lo_cli_usage_error ("demo", _("unexpected argument"));
      return LO_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      lo_cli_usage_error ("demo", _("give the output file with -o FILE"));
      return LO_CLI_EXIT_USAGE;
    }

  demo = lo_demo_engagement ();
  if (demo == NULL)
    {
      fprintf (stderr, "lightsout demo: %s\n", _("the built-in demo could not be loaded"));
      return LO_CLI_EXIT_BAD_INPUT;
    }

  if (!lo_engagement_write_file (demo, output, &error))
    {
      lo_cli_fail (output, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  return LO_CLI_EXIT_OK;
}
