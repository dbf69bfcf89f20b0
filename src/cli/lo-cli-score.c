/* lo-cli-score.c: `lightsout score FILE [--json] [--bank BANK.xml] [--assessment ID]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"
#include "lo-cli-common.h"

static int
utf8_width (const char *text)
{
  return (int) g_utf8_strlen (text, -1);
}

static char *
level_text (int level)
{
  return level > 0 ? g_strdup_printf ("%d", level) : g_strdup ("–");
}

static void
append_dimension_table (GString       *out,
                        const LoScore *score)
{
  const LoBank *bank = score->bank;
  const char *headings[] = {
    _("Dimension"), _("Score"), _("Level"), _("Target"), _("Answered"),
  };
  int widths[G_N_ELEMENTS (headings)];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const guint n_columns = G_N_ELEMENTS (headings);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = utf8_width (headings[c]);

  for (guint d = 0; d < score->n_dimensions; d++)
    {
      const LoDimensionScore *ds = &score->dimensions[d];
      char *row[G_N_ELEMENTS (headings)];

      row[0] = g_strdup (lo_bank_text (bank, ds->dimension->name));
      row[1] = ds->has_score ? lo_format_number (ds->score, 2) : g_strdup ("–");
      row[2] = level_text (ds->level);
      row[3] = level_text (ds->target);
      /* TRANSLATORS: answered questions of the dimension's questions, "4 of 5" */
      row[4] = g_strdup_printf (_("%u of %u"), ds->answered, ds->questions);
      for (guint c = 0; c < n_columns; c++)
        {
          widths[c] = MAX (widths[c], utf8_width (row[c]));
          g_ptr_array_add (cells, row[c]);
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append (out, "  ");
      lo_cli_append_padded (out, headings[c], widths[c], c > 0);
    }
  g_string_append_c (out, '\n');

  for (guint d = 0; d < score->n_dimensions; d++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (out, "  ");
          lo_cli_append_padded (out, g_ptr_array_index (cells, d * n_columns + c), widths[c], c > 0);
        }
      g_string_append_c (out, '\n');
    }
}

static char *
format_text (const LoEngagement *engagement,
             const LoScore      *score)
{
  const LoBank *bank = score->bank;
  const LoAssessment *assessment = score->assessment;
  GString *out = g_string_new (NULL);
  g_autofree char *date = lo_format_date (assessment->date);

  g_string_append_printf (out, "%s\n", engagement->client_name ? engagement->client_name : "");
  /* TRANSLATORS: "Assessment: April 15, 2026 (q2-workshop), 4 respondents" */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "Assessment: %s (%s), %u respondent",
                                            "Assessment: %s (%s), %u respondents",
                                            assessment->respondents->len),
                          date ? date : (assessment->date ? assessment->date : "?"),
                          assessment->id ? assessment->id : "",
                          assessment->respondents->len);
  g_string_append_c (out, '\n');
  /* TRANSLATORS: the question bank's id and edition */
  g_string_append_printf (out, _("Question bank: %s, edition %u"), bank->id, bank->version);
  g_string_append (out, "\n\n");

  if (score->complete)
    {
      g_autofree char *overall = lo_format_number (score->overall_score, 2);
      const char *name = lo_bank_text (bank, bank->levels[score->overall_level - 1].name);

      /* TRANSLATORS: "Overall level: 2 — Experimenting" */
      g_string_append_printf (out, _("Overall level: %d — %s"), score->overall_level, name ? name : "");
      g_string_append_c (out, '\n');
      /* TRANSLATORS: the mean of the dimension scores, "Overall score: 2.71" */
      g_string_append_printf (out, _("Overall score: %s"), overall);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < score->missing->len; i++)
        {
          const LoDimension *dimension = g_ptr_array_index (score->missing, i);

          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, lo_bank_text (bank, dimension->name));
        }
      /* TRANSLATORS: %s lists the dimensions, "Data & system access, People, scope & measurement" */
      g_string_append_printf (out, _("Overall level: incomplete: no answers for %s"), names->str);
      g_string_append_c (out, '\n');
      g_string_append (out, _("Overall score: none"));
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  append_dimension_table (out, score);
  g_string_append_c (out, '\n');

  if (score->weakest >= 0)
    {
      const LoDimensionScore *ds = &score->dimensions[score->weakest];
      g_autofree char *value = lo_format_number (ds->score, 2);

      /* TRANSLATORS: "Weakest dimension: Data & system access (score 2.10, level 2)" */
      g_string_append_printf (out, _("Weakest dimension: %s (score %s, level %d)"),
                              lo_bank_text (bank, ds->dimension->name), value, ds->level);
      g_string_append (out, "\n\n");
    }

  if (score->contested->len == 0)
    {
      g_string_append (out, _("No contested questions."));
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, _("Contested questions (answers two or more levels apart):"));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < score->contested->len; i++)
        {
          const LoQuestionScore *qs = lo_score_lookup_question (score, g_ptr_array_index (score->contested, i));

          g_string_append_printf (out, "  %s  %s\n", qs->question->id,
                                  lo_bank_text (bank, qs->question->text));
          /* TRANSLATORS: the lowest and highest answer to a contested question */
          g_string_append_printf (out, _("      answers from %d to %d"), qs->min, qs->max);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

int
lo_cli_score (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autofree char *bank_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *client = NULL;
  g_autofree char *assessment_id = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  LoCliBanks banks = { NULL };
  LoScore *score;
  const char *path;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "bank", 0, 0, G_OPTION_ARG_FILENAME, &bank_path,
      N_("Use the question bank in BANK.xml"), N_("BANK.xml") },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &assessment_id,
      N_("Score the assessment ID instead of the latest"), N_("ID") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The local database to read (default: the application's)"), N_("DB") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &client,
      N_("Read the client NAME from the database instead of a FILE"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Scores the latest assessment in FILE (or the one --assessment names): "
                                  "dimension scores and levels, the overall level and the contested questions."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "score", &argc, &argv))
    return LO_CLI_EXIT_USAGE;
  if (argc != (client != NULL ? 1 : 2))
    {
      lo_cli_usage_error ("score", client != NULL ? _("give either FILE or --client NAME") :
                                argc < 2 ? _("give one FILE to score") : _("give only one FILE"));
      return LO_CLI_EXIT_USAGE;
    }
  engagement = lo_cli_load_source (client ? NULL : argv[1], db_path, client, &source, &error);
  path = source;
  if (engagement == NULL)
    {
      lo_cli_fail (path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  if (engagement->assessments->len == 0)
    {
      g_set_error_literal (&error, LO_CORE_ERROR, LO_CORE_ERROR_NO_ASSESSMENT, _("no assessment"));
      lo_cli_fail (path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  /* The score alone: nothing of the processes, the roadmap or the previous
   * assessment is printed, so none of it is computed (and processes with
   * invalid inputs do not stop it). */
  banks.bank_path = bank_path;
  banks.db_path = db_path;
  analysis = lo_cli_analyse (engagement, &banks, assessment_id, 0, 0,
                             LO_ANALYSIS_PARTIAL | LO_ANALYSIS_SCORE_ONLY, &error);
  if (analysis == NULL)
    {
      lo_cli_fail (path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  score = lo_analysis_get_score (analysis);
  if (score == NULL)
    {
      lo_cli_fail_no_score (analysis, &banks, path);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  if (json)
    text = lo_json_score (engagement, score);
  else
    text = format_text (engagement, score);

  fputs (text, stdout);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "lightsout score: %s\n", _("could not write the output"));
      return LO_CLI_EXIT_BAD_INPUT;
    }

  return LO_CLI_EXIT_OK;
}
