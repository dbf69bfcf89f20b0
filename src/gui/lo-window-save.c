/* lo-window-save.c: Save and Save As for the shown client's file
 *
 * Save As asks where with a file chooser and remembers the file per client
 * for the session; Save writes there, or asks when there is none yet. The
 * client is loaded from the store on the main thread and written in a
 * thread, whole or not at all (lo_engagement_write_file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lo-window-private.h"
#include "lo-dialogs.h"
#include "lo-io.h"

#define SAVE_PATHS_KEY "lo-save-paths"

typedef struct
{
  LoEngagement *engagement;
  char         *path;
  gint64        client;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  lo_engagement_unref (job->engagement);
  g_free (job->path);
  g_free (job);
}

/* client id (gint64 *) → path, for this window's session */
static GHashTable *
save_paths (LoWindow *self)
{
  GHashTable *paths = g_object_get_data (G_OBJECT (self), SAVE_PATHS_KEY);

  if (paths == NULL)
    {
      paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (self), SAVE_PATHS_KEY, paths,
                              (GDestroyNotify) g_hash_table_unref);
    }
  return paths;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (lo_engagement_write_file (job->engagement, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoWindow *self = LO_WINDOW (source);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled in dispose: the window's widgets are gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lo_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_hash_table_replace (save_paths (self), g_memdup2 (&job->client, sizeof job->client),
                        g_strdup (job->path));
  name = g_filename_display_basename (job->path);
  /* Translators: %s is a file's name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  lo_window_toast (self, message);
}

/* Writes the client @client, as stored now, to @path in a thread. */
static void
save_to (LoWindow   *self,
         gint64      client,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  LoEngagement *engagement = lo_store_load_engagement (self->store, client, &error);
  SaveJob *job;

  if (engagement == NULL)
    {
      lo_show_error (GTK_WIDGET (self), error);
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->engagement = engagement;
  job->path = g_strdup (path);
  job->client = client;
  task = g_task_new (self, self->cancellable, save_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  LoWindow *self = LO_WINDOW (user_data);
  gint64 client = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "lo-client"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        save_to (self, client, path);
    }
  g_object_unref (chooser);
}

void
lo_window_save_as_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  gint64 client = lo_window_get_client (self);
  LoAnalysis *analysis = lo_window_get_analysis (self);
  LoEngagement *engagement = analysis ? lo_analysis_get_engagement (analysis) : NULL;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (client == 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Client"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdup_printf ("%s.lightsout", engagement ? engagement->client_name : _("Client"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "lo-client", GSIZE_TO_POINTER ((gsize) client));
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
lo_window_save_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  gint64 client = lo_window_get_client (self);
  const char *path;

  if (client == 0)
    return;
  path = g_hash_table_lookup (save_paths (self), &client);
  if (path == NULL)
    lo_window_save_as_action (widget, action_name, parameter);
  else
    save_to (self, client, path);
}
