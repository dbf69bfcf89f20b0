/* lo-cli-merge.c: `lightsout merge FILE… (--client NAME | --into FILE) [--replace]`
 * and `lightsout import-responses RESPONSES.csv …`
 *
 * Adds the respondents of answer files (a questionnaire's, or any
 * .lightsout file) to the assessment with the same id. Every file is read
 * and checked before anything is merged: a bad file changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"
#include "lo-cli-common.h"
#include "lo-cli-target.h"
#include "lo-responses.h"

/* The answers for one of the target's assessments, from all files */
typedef struct
{
  LoAssessment *original;  /* borrowed from the target */
  LoAssessment *merged;    /* a copy, merged into */
  GPtrArray    *incoming;  /* LoAssessment*, borrowed from the files */
  GPtrArray    *sources;   /* char*, the files' display names */
} Group;

static void
group_free (Group *group)
{
  g_clear_pointer (&group->merged, lo_assessment_unref);
  g_ptr_array_unref (group->incoming);
  g_ptr_array_unref (group->sources);
  g_free (group);
}

static Group *
find_group (GPtrArray    *groups,
            LoAssessment *original)
{
  Group *group;

  for (guint i = 0; i < groups->len; i++)
    {
      group = g_ptr_array_index (groups, i);
      if (group->original == original)
        return group;
    }
  group = g_new0 (Group, 1);
  group->original = original;
  group->incoming = g_ptr_array_new ();
  group->sources = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (groups, group);
  return group;
}

/* Reads every file and sorts its assessments into @groups by id. */
static gboolean
read_files (LoCliTarget  *target,
            char        **files,
            GPtrArray    *engagements,
            GPtrArray    *groups,
            GError      **error)
{
  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autofree char *display = g_filename_display_name (files[f]);
      LoEngagement *answers = lo_cli_load_engagement (files[f], error);

      if (answers == NULL)
        return FALSE;
      g_ptr_array_add (engagements, answers);
      if (answers->assessments->len == 0)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_NO_ASSESSMENT,
                       _("%s: no assessment"), display);
          return FALSE;
        }
      for (guint i = 0; i < answers->assessments->len; i++)
        {
          LoAssessment *from = g_ptr_array_index (answers->assessments, i);
          g_autoptr(GError) local_error = NULL;
          LoAssessment *original = lo_cli_target_assessment (target, from->id, &local_error);
          Group *group;

          if (original == NULL)
            {
              g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                           display, local_error->message);
              return FALSE;
            }
          group = find_group (groups, original);
          g_ptr_array_add (group->incoming, from);
          g_ptr_array_add (group->sources, g_strdup (display));
        }
    }
  return TRUE;
}

static gboolean
merge_group (Group       *group,
             const char  *db_path,
             gboolean     replace,
             GError     **error)
{
  g_autoptr(LoBank) bank = NULL;

  bank = lo_cli_find_bank (group->original->bank, group->original->bank_edition, NULL, db_path, error);
  if (bank == NULL)
    return FALSE;
  group->merged = lo_assessment_copy (group->original);
  return lo_assessment_merge (group->merged, group->incoming, group->sources, bank, replace, error);
}

static void
swap_in (LoEngagement *engagement,
         Group        *group)
{
  for (guint i = 0; i < engagement->assessments->len; i++)
    if (g_ptr_array_index (engagement->assessments, i) == group->original)
      {
        lo_assessment_unref (group->original);
        engagement->assessments->pdata[i] = lo_assessment_ref (group->merged);
        group->original = group->merged;
      }
}

int
lo_cli_merge (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) engagements = g_ptr_array_new_with_free_func ((GDestroyNotify) lo_engagement_unref);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  LoCliTarget target = { NULL };
  gboolean replace = FALSE;
  int status = LO_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &target.into,
      N_("Merge into the engagement file FILE (rewritten whole)"), N_("FILE") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &target.client,
      N_("Merge into the client NAME in the local database"), N_("NAME") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &target.db,
      N_("Use the database DB instead of the default one"), N_("DB") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a respondent with the same id or name"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — add answer files' respondents to an assessment"));
  g_option_context_set_summary (context,
                                _("Adds the respondents of each answers file (from “lightsout questionnaire” or any engagement file) "
                                  "to the assessment with the same id. A respondent whose id or name is already there is refused "
                                  "unless --replace is given. Every file is checked before anything is merged."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "merge", &argc, &argv))
    return LO_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      lo_cli_usage_error ("merge", _("give the answer files to merge"));
      lo_cli_target_clear (&target);
      return LO_CLI_EXIT_USAGE;
    }

  if (!lo_cli_target_load (&target, "merge", &status, &error) ||
      !read_files (&target, argv + 1, engagements, groups, &error))
    goto out;

  for (guint i = 0; i < groups->len; i++)
    if (!merge_group (g_ptr_array_index (groups, i), target.db, replace, &error))
      goto out;

  /* every file checked and merged into copies: now the change */
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      swap_in (target.engagement, group);
      g_ptr_array_add (changed, group->merged);
    }
  if (!lo_cli_target_save (&target, changed, &error))
    goto out;

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      guint n = 0;

      for (guint k = 0; k < group->incoming->len; k++)
        n += ((LoAssessment *) g_ptr_array_index (group->incoming, k))->respondents->len;
      /* TRANSLATORS: "merged 2 respondents into assessment q2-workshop of Acme" */
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "merged %u respondent into assessment %s of %s\n",
                           "merged %u respondents into assessment %s of %s\n", n),
              n, group->merged->id, target.source);
    }

out:
  if (error != NULL)
    {
      lo_cli_fail (NULL, error);
      if (status == LO_CLI_EXIT_OK)
        status = LO_CLI_EXIT_BAD_INPUT;
    }
  lo_cli_target_clear (&target);
  return status;
}

/* `lightsout import-responses RESPONSES.csv (--client NAME | --into FILE)
 * [--assessment ID] [--name-column NAME] [--replace]` */

static char **
languages_to_try (const char *lang)
{
  g_auto(GStrv) shipped = g_strsplit (LO_LINGUAS, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (lang != NULL)
    g_strv_builder_add (builder, lang);
  for (guint i = 0; shipped[i] != NULL; i++)
    if (*shipped[i] != '\0')
      g_strv_builder_add (builder, shipped[i]);
  return g_strv_builder_end (builder);
}

static void
print_mapping (const LoResponses *responses)
{
  for (guint c = 0; c < responses->columns->len; c++)
    {
      const LoResponsesColumn *column = &g_array_index (responses->columns, LoResponsesColumn, c);

      if (column->kind == LO_RESPONSES_COLUMN_QUESTION)
        /* TRANSLATORS: column number, the column's heading, the question id */
        printf (_("  column %u “%s” → %s\n"), c + 1, column->header, column->question->id);
      else if (column->kind == LO_RESPONSES_COLUMN_NAME)
        printf (_("  column %u “%s” → the respondent's name\n"), c + 1, column->header);
    }
}

int
lo_cli_import_responses (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(LoResponses) responses = NULL;
  g_autoptr(LoAssessment) merged = NULL;
  g_autoptr(GPtrArray) incoming = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *assessment_id = NULL;
  g_autofree char *name_column = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) languages = NULL;
  LoCliTarget target = { NULL };
  LoAssessment *original = NULL;
  gboolean replace = FALSE;
  int status = LO_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &target.into,
      N_("Import into the engagement file FILE (rewritten whole)"), N_("FILE") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &target.client,
      N_("Import into the client NAME in the local database"), N_("NAME") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &target.db,
      N_("Use the database DB instead of the default one"), N_("DB") },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &assessment_id,
      N_("The assessment ID (default: the latest)"), N_("ID") },
    { "name-column", 0, 0, G_OPTION_ARG_STRING, &name_column,
      N_("The column NAME that holds the respondents' names"), N_("NAME") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Also match question text in language LL"), N_("LL") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a respondent with the same id or name"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("RESPONSES.csv — import answers exported from a survey tool"));
  g_option_context_set_summary (context,
                                _("Reads a CSV file as Microsoft Forms, Google Forms or LimeSurvey export it: one row per "
                                  "respondent, a name column, one column per question (its id or its exact text), the tool's "
                                  "own columns ignored. Cells are an option's text, a level 1 to 5, “Don’t know” or “N/A”. "
                                  "Any column or cell that does not fit is refused naming its row and column; nothing is "
                                  "imported in part."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "import-responses", &argc, &argv))
    return LO_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      lo_cli_usage_error ("import-responses", argc < 2 ? _("give the CSV file to import")
                                                       : _("unexpected argument"));
      lo_cli_target_clear (&target);
      return LO_CLI_EXIT_USAGE;
    }

  languages = languages_to_try (lang);
  if (!lo_cli_target_load (&target, "import-responses", &status, &error))
    goto out;
  original = lo_cli_target_assessment (&target, assessment_id, &error);
  if (original == NULL)
    goto out;
  bank = lo_cli_find_bank (original->bank, original->bank_edition, NULL, target.db, &error);
  if (bank == NULL)
    goto out;
  responses = lo_responses_read_file (argv[1], original, bank, name_column,
                                      (const char * const *) languages, &error);
  if (responses == NULL)
    goto out;

  merged = lo_assessment_copy (original);
  g_ptr_array_add (incoming, responses->answers);
  g_ptr_array_add (sources, g_filename_display_name (argv[1]));
  if (!lo_assessment_merge (merged, incoming, sources, bank, replace, &error))
    goto out;

  for (guint i = 0; i < target.engagement->assessments->len; i++)
    if (g_ptr_array_index (target.engagement->assessments, i) == original)
      {
        target.engagement->assessments->pdata[i] = lo_assessment_ref (merged);
        lo_assessment_unref (original);
      }
  g_ptr_array_add (changed, merged);
  if (!lo_cli_target_save (&target, changed, &error))
    goto out;

  print_mapping (responses);
  /* TRANSLATORS: "imported 3 respondents into assessment q2-workshop of Acme" */
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "imported %u respondent into assessment %s of %s\n",
                       "imported %u respondents into assessment %s of %s\n",
                       responses->answers->respondents->len),
          responses->answers->respondents->len, merged->id, target.source);

out:
  if (error != NULL)
    {
      lo_cli_fail (NULL, error);
      if (status == LO_CLI_EXIT_OK)
        status = LO_CLI_EXIT_BAD_INPUT;
    }
  lo_cli_target_clear (&target);
  return status;
}
