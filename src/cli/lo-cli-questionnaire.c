/* lo-cli-questionnaire.c: `lightsout questionnaire (FILE | --client NAME)
 * [--assessment ID] [--respondent NAME] [--lang LL] -o form.html`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"
#include "lo-cli-common.h"
#include "lo-cli-target.h"

/* The HTML in @lang, or NULL with @error set */
static char *
make_form (LoCliTarget *target,
           const char  *assessment_id,
           const char  *bank_path,
           const char  *respondent,
           const char  *lang,
           GError     **error)
{
  LoAssessment *assessment;
  g_autoptr(LoBank) bank = NULL;

  assessment = lo_cli_target_assessment (target, assessment_id, error);
  if (assessment == NULL)
    return NULL;
  bank = lo_cli_find_bank (assessment->bank, assessment->bank_edition, bank_path, target->db, error);
  if (bank == NULL)
    return NULL;

  /* the bank's text and the page's own in the chosen language (set once,
   * before anything else runs) */
  lo_cli_set_language (lang);
  return lo_questionnaire_html (target->engagement, assessment, bank, respondent, lang, error);
}

int
lo_cli_questionnaire (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *respondent = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  g_autofree char *bank_path = NULL;
  g_autofree char *html = NULL;
  LoCliTarget target = { NULL };
  int status = LO_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "client", 0, 0, G_OPTION_ARG_STRING, &target.client,
      N_("The client NAME in the local database instead of a FILE"), N_("NAME") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &target.db,
      N_("Use the database DB instead of the default one"), N_("DB") },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &assessment,
      N_("The assessment ID (default: the latest)"), N_("ID") },
    { "respondent", 0, 0, G_OPTION_ARG_STRING, &respondent,
      N_("Fill in the respondent's NAME"), N_("NAME") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the questionnaire, e.g. de"), N_("LL") },
    { "bank", 0, 0, G_OPTION_ARG_FILENAME, &bank_path,
      N_("Use the question bank in BANK.xml"), N_("BANK.xml") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the form to FILE.html"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("(FILE | --client NAME) -o FORM.html — a questionnaire for a respondent"));
  g_option_context_set_summary (context,
                                _("Writes one self-contained HTML file with the assessment's questions. It works offline in any "
                                  "browser; “Save my answers” saves an answers file to merge with “lightsout merge”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "questionnaire", &argc, &argv))
    return LO_CLI_EXIT_USAGE;

  if (argc > 2 || (argc == 2) == (target.client != NULL))
    {
      lo_cli_usage_error ("questionnaire", _("give either an engagement FILE or --client NAME"));
      lo_cli_target_clear (&target);
      return LO_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      lo_cli_usage_error ("questionnaire", _("give the form's file with -o FORM.html"));
      lo_cli_target_clear (&target);
      return LO_CLI_EXIT_USAGE;
    }
  if (!lo_cli_check_language ("questionnaire", lang))
    {
      lo_cli_target_clear (&target);
      return LO_CLI_EXIT_USAGE;
    }
  if (respondent != NULL && (g_utf8_strlen (respondent, -1) > 200 || !g_utf8_validate (respondent, -1, NULL)))
    {
      lo_cli_usage_error ("questionnaire", _("--respondent: a name is at most 200 characters"));
      lo_cli_target_clear (&target);
      return LO_CLI_EXIT_USAGE;
    }
  if (argc == 2)
    target.into = g_strdup (argv[1]);

  if (lo_cli_target_load (&target, "questionnaire", &status, &error))
    {
      html = make_form (&target, assessment, bank_path, respondent, lang, &error);
      if (html != NULL && lo_io_write_atomic (output, html, strlen (html), &error))
        {
          g_autofree char *display = g_filename_display_name (output);

          /* TRANSLATORS: the form's file name */
          printf (_("questionnaire written to %s\n"), display);
        }
    }
  if (error != NULL)
    {
      lo_cli_fail (NULL, error);
      status = LO_CLI_EXIT_BAD_INPUT;
    }
  lo_cli_target_clear (&target);
  return status;
}
