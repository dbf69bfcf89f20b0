/* lo-cli-common.c: loading files, finding banks and reporting errors for the
 * subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <stdio.h>

#include "lo-cli-common.h"
#include "lo-cli-store.h"

void
lo_cli_fail (const char   *file,
             const GError *error)
{
  g_autofree char *display = NULL;
  const char *message;

  message = error != NULL ? error->message : _("unknown error");
  if (file == NULL)
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
      return bank;
    }

  if (bank_id == NULL || *bank_id == '\0')
    {
      g_set_error_literal (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                           _("the assessment names no question bank"));
      return NULL;
    }

  bank = lo_bank_find_shipped (bank_id, &local_error);
  if (bank != NULL)
    return bank;
  if (!g_error_matches (local_error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Banks imported with `lightsout import`, when the database exists. */
  return lo_cli_find_bank_in_db (db_path, bank_id, error);
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
    bank = lo_cli_find_bank (assessment->bank, banks->bank_path, banks->db_path, error);
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
  LoAnalysisOptions options = { draws, seed, flags };

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (banks != NULL, NULL);

  return lo_analysis_new (engagement, lo_cli_lookup_bank, banks, assessment_id,
                          &options, NULL, error);
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
