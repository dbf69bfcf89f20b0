/* lo-window-files.c: files in and out of the window — import, export, print
 *
 * Import reads a small file at once and a large one in a thread; export and
 * print make the report from the analysis the window shows (the selected
 * assessment, its bank) with the Monte Carlo of `lightsout report`, in a
 * thread, while the window stays usable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-io.h"
#include "lo-window.h"
#include "lo-window-private.h"
#include "lo-export-dialog.h"
#include "lo-print.h"

static void
set_busy (LoWindow *self,
          gboolean  busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), self->busy > 0);
  gtk_spinner_set_spinning (self->busy_spinner, self->busy > 0);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    LoWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      lo_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

void
lo_window_import_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import an Engagement"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("Lights Out engagements"));
  gtk_file_filter_add_pattern (filter, "*.lightsout");
  gtk_file_filter_add_mime_type (filter, "application/x-lightsout");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
lo_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LoExportDialog *dialog;

  if (lo_window_get_analysis (self) == NULL)
    return;
  dialog = lo_export_dialog_new (GTK_WINDOW (self), lo_window_get_analysis (self), &error);
  if (dialog == NULL)
    {
      lo_window_toast_error (self, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}


/* Printing: the report's figures, Monte Carlo included, are computed in a
 * thread (as the export dialog does) while the window shows that it is busy
 * and stays usable; then the print dialog opens on them. */

typedef struct
{
  LoWindow *window;            /* not a reference: closing the window cancels */
  char     *export_filename;   /* win.print-to-file; NULL: the print dialog */
} PrintRequest;

static void
print_input_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PrintRequest *request = user_data;
  g_autofree char *export_filename = request->export_filename;
  g_autoptr(LoWindow) self = NULL;
  g_autoptr(LoReportInput) input = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) strings = NULL;
  LoReportOptions opts;

  input = lo_export_build_input_finish (result, &error);
  /* Cancelled in dispose (a result that came first is reported cancelled
   * too): the window may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_free (request);
      return;
    }
  /* Kept through the print dialog, which may outlast the window. */
  self = g_object_ref (request->window);
  g_free (request);
  set_busy (self, FALSE);
  if (input != NULL)
    {
      lo_export_default_options (&opts, &strings);
      lo_print_report (GTK_WINDOW (self), input, &opts,
                       export_filename != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                               : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                       export_filename, &error);
    }
  self->printing = FALSE;
  /* Closed while the print dialog was open. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  lo_window_update_actions (self);
  if (error != NULL)
    lo_window_toast_error (self, error);
}

/* win.print, and win.print-to-file (a PDF path) that draws the same pages
 * into a file without the dialog, for tests. */
void
lo_window_print_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LoWindow *self = LO_WINDOW (widget);
  PrintRequest *request;

  if (lo_window_get_analysis (self) == NULL || self->printing)
    return;
  request = g_new0 (PrintRequest, 1);
  request->window = self;
  if (parameter != NULL)
    request->export_filename = g_variant_dup_string (parameter, NULL);
  self->printing = TRUE;
  set_busy (self, TRUE);
  lo_window_update_actions (self);
  lo_export_build_input_async (lo_window_get_analysis (self), self->cancellable,
                               print_input_cb, request);
}

/* Importing off the main thread */

/* Small files are read at once, on the main thread: a window opened on one
 * shows it in its first frame.  Larger ones are read in a thread while the
 * window shows that it is busy. */
#define IMPORT_AT_ONCE_BYTES (256 * 1024)

static LoEngagement *
read_engagement (GFile   *file,
                 GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ,
                   _("%s: only local files can be imported"), uri);
      return NULL;
    }
  return lo_engagement_read_file (path, NULL, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  LoEngagement *engagement = read_engagement (task_data, &error);

  if (engagement == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, engagement, (GDestroyNotify) lo_engagement_unref);
}

/* Shows a client just imported and says so. */
static void
show_imported (LoWindow *self,
               gint64    client)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  LoEngagement *engagement;

  adw_view_stack_set_visible_child_name (self->view_stack, "results");
  lo_window_show (self, client, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  engagement = lo_window_get_analysis (self) ? lo_analysis_get_engagement (lo_window_get_analysis (self)) : NULL;
  if (engagement == NULL)
    return;
  /* The name as stored: a number is added when the client exists. */
  escaped = g_markup_escape_text (engagement->client_name, -1);
  /* Translators: %s is a client's name */
  message = g_strdup_printf (_("Imported “%s”"), escaped);
  lo_window_toast (self, message);
}

/* Stores @engagement as a new client (a number is added to its name when
 * the name exists) and shows it: at once, or for a large one in a thread
 * with a connection of the store's own while the window stays busy. */
static void store_import_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
import_as_new (LoWindow     *self,
               LoEngagement *engagement,
               gboolean      large)
{
  g_autoptr(GError) error = NULL;
  gint64 client;

  if (large)
    {
      /* Nothing can be changed meanwhile: the store refuses it until the
       * import is saved, so the window does not offer it. */
      set_busy (self, TRUE);
      if (self->storing++ == 0)
        gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), FALSE);
      lo_store_import_engagement_async (self->store, engagement, self->cancellable,
                                        store_import_done_cb, g_object_ref (self));
      return;
    }
  client = lo_store_import_engagement (self->store, engagement, &error);
  if (client == 0)
    lo_window_toast_error (self, error);
  else
    show_imported (self, client);
}

/* Replaces the data of the client @client by the file's: the client is
 * deleted and the file imported under its name; when the import fails the
 * client is restored, so that nothing changes. */
static void
import_replacing (LoWindow     *self,
                  gint64        client,
                  LoEngagement *engagement)
{
  g_autoptr(GError) error = NULL;
  gint64 undo = 0;
  gint64 imported;

  if (!lo_store_check_engagement (self->store, engagement, 0, &error)
      || !lo_store_delete_client (self->store, client, &undo, &error))
    {
      lo_window_toast_error (self, error);
      return;
    }
  imported = lo_store_import_engagement (self->store, engagement, &error);
  if (imported == 0)
    {
      lo_store_undo_delete (self->store, undo, NULL);
      lo_window_toast_error (self, error);
      return;
    }
  show_imported (self, imported);
}

/* An assessment id @existing does not have yet: @id, else @id-2, @id-3 … */
static char *
free_assessment_id (const LoEngagement *existing,
                    const char         *id)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (id) : g_strdup_printf ("%s-%u", id, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < existing->assessments->len && !taken; i++)
        taken = g_str_equal (((LoAssessment *) g_ptr_array_index (existing->assessments, i))->id,
                             candidate);
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

/* Adds the file's assessments to the client @client, each under an id the
 * client does not have yet; all of them or, when one fails, none. */
static void
import_adding (LoWindow     *self,
               gint64        client,
               LoEngagement *engagement)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) existing = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);

  if (!lo_store_check_engagement (self->store, engagement, 0, &error)
      || (existing = lo_store_load_engagement (self->store, client, &error)) == NULL)
    {
      lo_window_toast_error (self, error);
      return;
    }
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      g_autoptr(LoAssessment) copy = lo_assessment_copy (g_ptr_array_index (engagement->assessments, i));
      g_autofree char *id = free_assessment_id (existing, copy->id);

      g_free (copy->id);
      copy->id = g_strdup (id);
      if (!lo_store_add_assessment (self->store, client, copy, &error))
        {
          for (guint j = 0; j < added->len; j++)
            lo_store_remove_assessment (self->store, client, g_ptr_array_index (added, j), NULL);
          lo_window_toast_error (self, error);
          return;
        }
      g_ptr_array_add (existing->assessments, lo_assessment_ref (copy));
      g_ptr_array_add (added, g_steal_pointer (&id));
    }
  show_imported (self, client);
}

typedef struct
{
  LoWindow     *window;
  LoEngagement *engagement;
  gint64        client;
  gboolean      large;
} ImportChoice;

static void
import_choice_free (ImportChoice *choice)
{
  g_object_unref (choice->window);
  lo_engagement_unref (choice->engagement);
  g_free (choice);
}

static void
import_choice_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  ImportChoice     *choice)
{
  if (g_str_equal (response, "replace"))
    import_replacing (choice->window, choice->client, choice->engagement);
  else if (g_str_equal (response, "add"))
    import_adding (choice->window, choice->client, choice->engagement);
  else if (g_str_equal (response, "keep"))
    import_as_new (choice->window, choice->engagement, choice->large);
  import_choice_free (choice);
}

/* Answer files: respondents who answered elsewhere, for the assessment shown
 * (the same client and assessment id), are merged into it; one who is
 * already there is replaced only after the user confirms. */

static gboolean
is_answers_for_shown (LoWindow           *self,
                      const LoEngagement *engagement)
{
  LoAnalysis *analysis = lo_window_get_analysis (self);
  LoEngagement *shown = analysis ? lo_analysis_get_engagement (analysis) : NULL;
  const char *id = lo_window_get_assessment_id (self);

  if (shown == NULL || id == NULL || engagement->assessments->len == 0
      || g_strcmp0 (shown->client_name, engagement->client_name) != 0)
    return FALSE;
  for (guint i = 0; i < engagement->assessments->len; i++)
    if (g_strcmp0 (((LoAssessment *) g_ptr_array_index (engagement->assessments, i))->id, id) != 0)
      return FALSE;
  return TRUE;
}

/* The shown assessment with the file's respondents merged in; NULL and
 * @error when they cannot be. */
static LoAssessment *
merged_assessment (LoWindow           *self,
                   const LoEngagement *engagement,
                   gboolean            replace,
                   GError            **error)
{
  LoAnalysis *analysis = lo_window_get_analysis (self);
  g_autoptr(LoAssessment) into = lo_assessment_copy (lo_analysis_get_assessment (analysis));

  if (!lo_assessment_merge (into, engagement->assessments, NULL, lo_analysis_get_bank (analysis),
                            replace, error))
    return NULL;
  return g_steal_pointer (&into);
}

static void
store_merged (LoWindow     *self,
              LoAssessment *merged)
{
  g_autoptr(GError) error = NULL;

  if (!lo_store_replace_assessment (self->store, lo_window_get_client (self), merged, &error))
    lo_window_toast_error (self, error);
  else
    lo_window_toast (self, _("Answers merged into the assessment"));
}

static void
merge_choice_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 LoAssessment     *merged)
{
  LoWindow *self = LO_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "replace"))
    store_merged (self, merged);
  lo_assessment_unref (merged);
}

static void
merge_answers (LoWindow     *self,
               LoEngagement *engagement)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoAssessment) merged = merged_assessment (self, engagement, FALSE, NULL);
  LoAssessment *replacing;
  GtkWidget *dialog;

  if (merged != NULL)
    {
      store_merged (self, merged);
      return;
    }
  /* Refused: when only a respondent already there was in the way, ask. */
  replacing = merged_assessment (self, engagement, TRUE, &error);
  if (replacing == NULL)
    {
      lo_window_toast_error (self, error);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Answers?"),
                                   _("A respondent in the file has already answered this assessment. "
                                     "Their answers would be replaced by the file’s."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (merge_choice_cb), replacing);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Imports what was read: as a new client, or, when a client of that name
 * exists, as the user chooses — replace its data, add the file's
 * assessments to it, or keep both. */
static void
import_engagement (LoWindow     *self,
                   LoEngagement *engagement,
                   gboolean      large)
{
  gint64 client = lo_store_find_client (self->store, engagement->client_name, NULL);
  ImportChoice *choice;
  GtkWidget *dialog;

  if (is_answers_for_shown (self, engagement))
    {
      merge_answers (self, engagement);
      return;
    }
  if (client == 0)
    {
      import_as_new (self, engagement, large);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Client Already Exists"), NULL);
  /* Translators: %s is a client's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("There is already a client named “%s”. Replace its data with the file’s, "
                                    "add the file’s assessments to it, or keep both as separate clients?"),
                                  engagement->client_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    "add", _("_Add as a New Assessment"),
                                    "keep", _("_Keep Both"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  choice = g_new0 (ImportChoice, 1);
  choice->window = g_object_ref (self);
  choice->engagement = lo_engagement_ref (engagement);
  choice->client = client;
  choice->large = large;
  g_signal_connect (dialog, "response", G_CALLBACK (import_choice_cb), choice);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Imports what was read at once, or says what was wrong. */
static void
finish_import (LoWindow     *self,
               LoEngagement *engagement,
               GError       *read_error)
{
  if (engagement == NULL)
    {
      lo_window_toast_error (self, read_error);
      return;
    }
  import_engagement (self, engagement, FALSE);
}

static void
store_import_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 client = lo_store_import_engagement_finish (LO_STORE (source), result, &error);

  /* Cancelled in dispose: the window's widgets are gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (--self->storing == 0)
    gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), TRUE);
  set_busy (self, FALSE);
  if (client == 0)
    lo_window_toast_error (self, error);
  else
    show_imported (self, client);
}

/* A large file was read in a thread: it is stored in one too, by a
 * connection of the store's own, and the window stays busy until then. */
static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoWindow *self = LO_WINDOW (source);
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  engagement = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled in dispose: the window's widgets are gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (engagement == NULL)
    {
      set_busy (self, FALSE);
      lo_window_toast_error (self, error);
      return;
    }
  set_busy (self, FALSE);
  import_engagement (self, engagement, TRUE);
}

void
lo_window_import_file (LoWindow *self,
                       GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_if_fail (LO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (g_file_is_native (file))
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
      && g_file_info_get_size (info) <= IMPORT_AT_ONCE_BYTES)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LoEngagement) engagement = read_engagement (file, &error);

      finish_import (self, engagement, error);
      return;
    }

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, import_thread);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LoWindow      *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    lo_window_import_file (self, l->data);
  return files != NULL;
}

void
lo_window_setup_drop (LoWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
