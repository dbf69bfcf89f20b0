/* lo-cli-common.c: loading files, finding banks and reporting errors for the
 * subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "lo-cli-common.h"
#include "lo-cli-store.h"

void
lo_cli_fail (const char   *file,
             const GError *error)
{
  g_autofree char *display = NULL;
  const char *message;

  message = error != NULL ? error->message : _("unknown error");
  /* "-" is standard output, which the message names itself */
  if (file == NULL || g_str_equal (file, "-"))
    {
      fprintf (stderr, "lightsout: %s\n", message);
      return;
    }

  display = g_filename_display_name (file);
  /* The readers already say "FILE:LINE: …" */
  if (g_str_has_prefix (message, display) &&
      message[strlen (display)] == ':')
    fprintf (stderr, "%s\n", message);
  else
    fprintf (stderr, "%s: %s\n", display, message);
}

void
lo_cli_usage_error (const char *command,
                    const char *message)
{
  fprintf (stderr, "lightsout %s: %s\n", command, message);
  /* TRANSLATORS: %s is a subcommand such as "score" */
  fprintf (stderr, _("Run “lightsout %s --help” for its options.\n"), command);
}

gboolean
lo_cli_parse_limit (const char *command,
                    const char *option,
                    LoLimitId   limit,
                    const char *text,
                    guint64    *value)
{
  double min, max;
  g_autofree char *message = NULL;
  char min_text[G_ASCII_DTOSTR_BUF_SIZE];
  char max_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (lo_limit_is_integer (limit), FALSE);

  lo_limit_range (limit, &min, &max, NULL);
  /* digits only: no sign, no spaces, no exponent; the bounds are whole */
  if (text != NULL
      && g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, value, NULL))
    return TRUE;

  g_ascii_formatd (min_text, sizeof min_text, "%.0f", min);
  g_ascii_formatd (max_text, sizeof max_text, "%.0f", max);
  /* TRANSLATORS: "--draws: “0” is not a whole number from 1 to 1000000" */
  message = g_strdup_printf (_("%s: “%s” is not a whole number from %s to %s"),
                             option, text ? text : "", min_text, max_text);
  lo_cli_usage_error (command, message);
  return FALSE;
}

gboolean
lo_cli_parse_options (GOptionContext *context,
                      const char     *command,
                      int            *argc,
                      char         ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      lo_cli_usage_error (command, error->message);
      return FALSE;
    }

  /* GLib leaves the "--" that ends the options in argv: what follows it is
   * an argument even when it starts with "-" (`export -- -rf`). */
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--"))
        {
          for (int j = i; j + 1 < *argc; j++)
            (*argv)[j] = (*argv)[j + 1];
          (*argc)--;
          (*argv)[*argc] = NULL;
          break;
        }
    }
  return TRUE;
}

LoEngagement *
lo_cli_load_engagement (const char *path,
                        GError    **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display = NULL;
  LoEngagement *engagement;

  g_return_val_if_fail (path != NULL, NULL);

  engagement = lo_engagement_read_file (path, warnings, error);

  display = g_filename_display_name (path);
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (warnings, i);

      if (g_str_has_prefix (warning, display) && warning[strlen (display)] == ':')
        fprintf (stderr, _("warning: %s\n"), warning);
      else
        /* TRANSLATORS: FILE: warning: message */
        fprintf (stderr, _("%s: warning: %s\n"), display, warning);
    }

  return engagement;
}

LoEngagement *
lo_cli_load_source (const char *path,
                    const char *db,
                    const char *client,
                    char      **source,
                    GError    **error)
{
  if (client == NULL)
    {
      *source = g_strdup (path);
      return lo_cli_load_engagement (path, error);
    }

  *source = db ? g_strdup (db) : lo_store_default_path ();
  return lo_cli_load_from_db (db, client, error);
}

LoBank *
lo_cli_find_bank (const char *bank_id,
                  guint       bank_edition,
                  const char *bank_path,
                  const char *db_path,
                  GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  LoBank *bank;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (bank_path != NULL)
    {
      bank = lo_bank_read_file (bank_path, error);
      if (bank == NULL)
        return NULL;
      if (bank_id != NULL && g_strcmp0 (bank->id, bank_id) != 0)
        {
          g_autofree char *display = g_filename_display_name (bank_path);

          fprintf (stderr,
                   /* TRANSLATORS: FILE: warning: the bank's id, the id the assessment names */
                   _("%s: warning: bank “%s” used for an assessment taken with “%s”\n"),
                   display, bank->id, bank_id);
        }
      else if (bank_id != NULL && bank_edition != 0 && bank->version != bank_edition)
        {
          g_autofree char *display = g_filename_display_name (bank_path);

          fprintf (stderr,
                   /* TRANSLATORS: FILE: warning: the bank's id, its edition in the
                    * file, the edition the assessment was answered with */
                   _("%s: warning: bank “%s” edition %u used for an assessment answered with edition %u\n"),
                   display, bank->id, bank->version, bank_edition);
        }
      return bank;
    }

  if (bank_id == NULL || *bank_id == '\0')
    {
      g_set_error_literal (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                           _("the assessment names no question bank"));
      return NULL;
    }

  bank = lo_bank_find_shipped_edition (bank_id, bank_edition, &local_error);
  if (bank != NULL)
    return bank;
  if (!g_error_matches (local_error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Banks imported with `lightsout import`, when the database exists. */
  return lo_cli_find_bank_in_db (db_path, bank_id, bank_edition, error);
}

LoBank *
lo_cli_lookup_bank (const LoAssessment *assessment,
                    gpointer            user_data,
                    GError            **error)
{
  LoCliBanks *banks = user_data;
  LoBank *bank;

  if (banks->store != NULL && banks->bank_path == NULL)
    bank = lo_store_get_assessment_bank (banks->store, banks->client, assessment->id, error);
  else
    bank = lo_cli_find_bank (assessment->bank, assessment->bank_edition, banks->bank_path, banks->db_path, error);
  banks->failed = bank == NULL;
  return bank;
}

LoAnalysis *
lo_cli_analyse (LoEngagement    *engagement,
                LoCliBanks      *banks,
                const char      *assessment_id,
                guint            draws,
                guint64          seed,
                LoAnalysisFlags  flags,
                GError         **error)
{
  return lo_cli_analyse_limited (engagement, banks, assessment_id, draws, seed, 0,
                                 flags, error);
}

LoAnalysis *
lo_cli_analyse_limited (LoEngagement    *engagement,
                        LoCliBanks      *banks,
                        const char      *assessment_id,
                        guint            draws,
                        guint64          seed,
                        guint            monte_carlo_limit,
                        LoAnalysisFlags  flags,
                        GError         **error)
{
  LoAnalysisOptions options = { draws, seed, flags, monte_carlo_limit };

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (banks != NULL, NULL);

  return lo_analysis_new (engagement, lo_cli_lookup_bank, banks, assessment_id,
                          &options, NULL, error);
}

void
lo_cli_fail_no_score (LoAnalysis       *analysis,
                      const LoCliBanks *banks,
                      const char       *path)
{
  const LoAssessment *assessment = lo_analysis_get_assessment (analysis);
  g_autoptr(GError) error = g_error_copy (lo_analysis_get_assessment_error (analysis));

  if (banks->failed)
    {
      lo_cli_fail (banks->bank_path ? banks->bank_path : path, error);
      return;
    }
  /* TRANSLATORS: assessment “id”: what is wrong */
  g_prefix_error (&error, _("assessment “%s”: "), assessment->id ? assessment->id : "");
  lo_cli_fail (path, error);
}

void
lo_cli_set_language (const char *language)
{
  if (language == NULL || *language == '\0')
    return;
  g_setenv ("LANGUAGE", language, TRUE);
  /* Setting the text domain again makes gettext drop what it looked up. */
  textdomain (textdomain (NULL));
}

void
lo_cli_append_padded (GString    *out,
                      const char *text,
                      int         width,
                      gboolean    right)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

char *
lo_cli_escape_field (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04X", (guint) c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

gboolean
lo_cli_check_db_option (const char *command,
                        const char *db_path)
{
  if (db_path == NULL || *db_path != '\0')
    return TRUE;
  lo_cli_usage_error (command, _("--db: the database path is empty"));
  return FALSE;
}

gboolean
lo_cli_check_engagement (const LoEngagement *engagement,
                         const char         *bank_path,
                         GError            **error)
{
  if (!lo_engagement_validate (engagement, error))
    return FALSE;

  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *assessment = g_ptr_array_index (engagement->assessments, i);
      g_autoptr(LoBank) bank = lo_cli_find_bank (assessment->bank, assessment->bank_edition, bank_path, NULL, error);

      if (bank == NULL || !lo_assessment_check (assessment, bank, error))
        {
          /* TRANSLATORS: assessment “id”: what is wrong */
          g_prefix_error (error, _("assessment “%s”: "), assessment->id ? assessment->id : "");
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
lo_cli_check_language (const char *command,
                       const char *lang)
{
  g_auto(GStrv) supported = g_strsplit (LO_LANGUAGES, " ", -1);
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;
  gsize n;

  if (lang == NULL)
    return TRUE;

  /* "de", or with a region, encoding or variant: "de_AT", "de_DE.UTF-8" */
  n = strcspn (lang, "_-.@");
  for (guint i = 0; supported[i] != NULL; i++)
    {
      if (n > 0 && strlen (supported[i]) == n && strncmp (lang, supported[i], n) == 0)
        {
          gboolean clean = TRUE;

          for (const char *p = lang; *p; p++)
            clean = clean && (g_ascii_isalnum (*p) || strchr ("_-.@", *p) != NULL);
          if (clean)
            return TRUE;
        }
    }

  list = g_strjoinv (", ", supported);
  /* TRANSLATORS: "--lang: “xx” is not a supported language (supported: en, de)" */
  message = g_strdup_printf (_("--lang: “%s” is not a supported language (supported: %s)"),
                             lang, list);
  lo_cli_usage_error (command, message);
  return FALSE;
}
