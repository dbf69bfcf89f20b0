/* lo-report-process.c: a report in another language, by `lightsout report`
 *
 * The child reads what the window shows from files in a private temporary
 * folder: the engagement (the canonical writer, so the hand-set build order
 * travels too), and the bank unless it is a shipped one (which the child finds
 * itself, translated). It writes the PDF whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "lo-io.h"
#include "lo-report-process.h"

gboolean
lo_report_process_speaks (const char *language)
{
  const char *first = g_get_language_names ()[0];
  size_t n;

  if (language == NULL || *language == '\0')
    return TRUE;
  n = strlen (language);
  if (strncmp (first, language, n) == 0 && (first[n] == '\0' || strchr ("_.@", first[n]) != NULL))
    return TRUE;
  /* The messages are written in English: untranslated is English. */
  return g_str_equal (language, "en")
         && (g_str_equal (first, "C") || g_str_equal (first, "POSIX") || g_str_has_prefix (first, "C."));
}

/* The lightsout binary: $LIGHTSOUT (tests, uninstalled builds), this
 * process when it is lightsout, else the one on the PATH. */
static char *
find_binary (void)
{
  const char *env = g_getenv ("LIGHTSOUT");
  g_autofree char *self = NULL;
  g_autofree char *name = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    name = g_path_get_basename (self);
  if (name != NULL && g_str_equal (name, "lightsout"))
    return g_steal_pointer (&self);
  return g_find_program_in_path ("lightsout");
}

/* Writes the child's input into @dir and adds its arguments to @args. */
static gboolean
write_input (LoAnalysis    *analysis,
             const char    *dir,
             GStrvBuilder  *args,
             GError       **error)
{
  g_autofree char *file = g_build_filename (dir, "engagement.lightsout", NULL);
  LoAssessment *assessment = lo_analysis_get_assessment (analysis);
  LoBank *bank = lo_analysis_get_bank (analysis);

  if (!lo_engagement_write_file (lo_analysis_get_engagement (analysis), file, error))
    return FALSE;
  g_strv_builder_add (args, file);
  if (assessment != NULL)
    g_strv_builder_add_many (args, "--assessment", assessment->id, NULL);
  /* A shipped bank is found (and translated) by the child itself. */
  if (bank != NULL && !bank->translatable)
    {
      g_autofree char *bank_file = g_build_filename (dir, "bank.xml", NULL);
      g_autofree char *xml = NULL;
      gsize length = 0;

      xml = lo_bank_to_xml (bank, &length);
      if (xml == NULL || !g_file_set_contents (bank_file, xml, (gssize) length, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The question bank “%s” could not be written for the report"), bank->id);
          return FALSE;
        }
      g_strv_builder_add_many (args, "--bank", bank_file, NULL);
    }
  return TRUE;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Runs @argv and turns its exit status and error line into @error. */
static gboolean
run (const char * const *argv,
     GError            **error)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *err = NULL;

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             error);
  if (child == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err, error))
    return FALSE;
  if (g_subprocess_get_if_exited (child) && g_subprocess_get_exit_status (child) == 0)
    return TRUE;
  g_strstrip (err);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       err != NULL && *err != '\0' ? err : _("The report could not be written"));
  return FALSE;
}

gboolean
lo_report_process_write_pdf (LoAnalysis            *analysis,
                             const LoReportOptions *opts,
                             const char            *path,
                             GError               **error)
{
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *binary = find_binary ();
  g_autofree char *dir = NULL;
  g_autofree char *date = NULL;
  g_autofree char *draws = g_strdup_printf ("%d", LO_MONTE_CARLO_DEFAULT_DRAWS);
  g_autofree char *seed = g_strdup_printf ("%d", LO_MONTE_CARLO_DEFAULT_SEED);
  g_auto(GStrv) argv = NULL;
  gboolean ok;

  g_return_val_if_fail (analysis != NULL, FALSE);
  g_return_val_if_fail (opts != NULL && opts->language != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (binary == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The report in another language needs the lightsout command, which was not found"));
      return FALSE;
    }
  dir = g_dir_make_tmp ("lightsout-report-XXXXXX", error);
  if (dir == NULL)
    return FALSE;

  date = g_date_time_format (opts->creation_date ? opts->creation_date : now, "%Y-%m-%d");
  g_strv_builder_add_many (args, binary, "report", NULL);
  ok = write_input (analysis, dir, args, error);
  if (ok)
    {
      g_strv_builder_add_many (args, "-o", path, "--lang", opts->language,
                               "--paper", opts->paper == LO_PAPER_LETTER ? "letter" : "a4",
                               "--draws", draws, "--seed", seed, "--date", date, NULL);
      if (opts->consultant != NULL && *opts->consultant != '\0')
        g_strv_builder_add_many (args, "--consultant", opts->consultant, NULL);
      if (opts->logo_path != NULL && *opts->logo_path != '\0')
        g_strv_builder_add_many (args, "--logo", opts->logo_path, NULL);
      argv = g_strv_builder_end (args);
      ok = run ((const char * const *) argv, error);
    }
  remove_folder (dir);
  return ok;
}
