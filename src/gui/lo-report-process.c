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

/* The child's exit status and error line as @error. */
static gboolean
check_child (GSubprocess  *child,
             char         *err,
             GError      **error)
{
  if (g_subprocess_get_if_exited (child) && g_subprocess_get_exit_status (child) == 0)
    return TRUE;
  if (err != NULL)
    g_strstrip (err);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       err != NULL && *err != '\0' ? err : _("The report could not be written"));
  return FALSE;
}

typedef struct
{
  char  *dir;    /* the child's input, removed when done */
  GStrv  argv;
} Job;

static void
job_free (Job *job)
{
  if (job->dir != NULL)
    remove_folder (job->dir);
  g_free (job->dir);
  g_strfreev (job->argv);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Writes the child's input and makes its command line. */
static Job *
job_new (LoAnalysis            *analysis,
         const LoReportOptions *opts,
         const char            *path,
         GError               **error)
{
  g_autoptr(Job) job = g_new0 (Job, 1);
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *binary = find_binary ();
  g_autofree char *date = NULL;
  g_autofree char *draws = g_strdup_printf ("%d", LO_MONTE_CARLO_DEFAULT_DRAWS);
  g_autofree char *seed = g_strdup_printf ("%d", LO_MONTE_CARLO_DEFAULT_SEED);

  if (binary == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The report in another language needs the lightsout command, which was not found"));
      return NULL;
    }
  job->dir = g_dir_make_tmp ("lightsout-report-XXXXXX", error);
  if (job->dir == NULL)
    return NULL;

  date = g_date_time_format (opts->creation_date ? opts->creation_date : now, "%Y-%m-%d");
  g_strv_builder_add_many (args, binary, "report", NULL);
  if (!write_input (analysis, job->dir, args, error))
    return NULL;
  g_strv_builder_add_many (args, "-o", path, "--lang", opts->language,
                           "--paper", opts->paper == LO_PAPER_LETTER ? "letter" : "a4",
                           "--draws", draws, "--seed", seed, "--date", date, NULL);
  if (opts->consultant != NULL && *opts->consultant != '\0')
    g_strv_builder_add_many (args, "--consultant", opts->consultant, NULL);
  if (opts->logo_path != NULL && *opts->logo_path != '\0')
    g_strv_builder_add_many (args, "--logo", opts->logo_path, NULL);
  job->argv = g_strv_builder_end (args);
  return g_steal_pointer (&job);
}

#define CHILD_FLAGS (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE)

gboolean
lo_report_process_write_pdf (LoAnalysis            *analysis,
                             const LoReportOptions *opts,
                             const char            *path,
                             GError               **error)
{
  g_autoptr(Job) job = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *err = NULL;

  g_return_val_if_fail (analysis != NULL, FALSE);
  g_return_val_if_fail (opts != NULL && opts->language != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = job_new (analysis, opts, path, error);
  if (job == NULL)
    return FALSE;
  child = g_subprocess_newv ((const char * const *) job->argv, CHILD_FLAGS, error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err, error))
    return FALSE;
  return check_child (child, err, error);
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *err = NULL;
  GError *error = NULL;

  if (!g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, NULL, &err, &error))
    {
      /* Closed meanwhile: no report is wanted any more. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_subprocess_force_exit (G_SUBPROCESS (source));
      g_task_return_error (task, error);
    }
  else if (!check_child (G_SUBPROCESS (source), err, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
lo_report_process_write_pdf_async (LoAnalysis            *analysis,
                                   const LoReportOptions *opts,
                                   const char            *path,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSubprocess) child = NULL;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (analysis != NULL);
  g_return_if_fail (opts != NULL && opts->language != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lo_report_process_write_pdf_async);
  job = job_new (analysis, opts, path, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The input is removed with the task, when the child is done. */
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  child = g_subprocess_newv ((const char * const *) job->argv, CHILD_FLAGS, &error);
  if (child == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_subprocess_communicate_utf8_async (child, NULL, cancellable, communicated_cb,
                                       g_steal_pointer (&task));
}

gboolean
lo_report_process_write_pdf_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
