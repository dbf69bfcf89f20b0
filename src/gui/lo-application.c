/* lo-application.c: the application object, its actions and the first window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-application.h"
#include "lo-window.h"
#include "lo-preferences-window.h"
#include "lo-dialogs.h"

struct _LoApplication
{
  AdwApplication parent_instance;

  LoStore      *store;
  GError       *store_error;
  GSettings    *settings;             /* NULL when the schema is not installed */
  gboolean      bench_first_frame;
  guint         backup_timeout_id;    /* the check for the day's backup */
  GCancellable *backup_cancellable;
  gboolean      backing_up;
};

G_DEFINE_FINAL_TYPE (LoApplication, lo_application, ADW_TYPE_APPLICATION)

/* How often a running application looks whether the day's backup is due. */
#define BACKUP_CHECK_SECONDS (3 * 60 * 60)

void
lo_application_mark (const char *what)
{
  static int bench = -1;

  if (bench < 0)
    bench = g_getenv ("LIGHTSOUT_BENCH_FIRST_FRAME") != NULL;
  if (!bench)
    return;
  /* The benchmark reads these lines: CLOCK_MONOTONIC is shared with the parent. */
  printf ("mark %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;
  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static void
show_damaged (LoApplication *self,
              const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s says what is wrong, naming the database */
  body = g_strdup_printf (_("%s\n\nThe earlier daily backups were kept. Quit Lights Out, then "
                            "“lightsout restore” lists them and “lightsout restore BACKUP” puts one "
                            "in the database’s place."),
                          error->message);
  dialog = adw_message_dialog_new (parent, _("The Database Is Damaged"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Daily backups, as `lightsout import` makes them: in a thread, once the
 * window is on screen, then whenever a check finds the day's one missing. */

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Said in the window (the next check tries again); a damaged database
   * is said at once in a dialog (the backup checks the whole file; an open
   * checks it only up to 8 MiB), with what to do. */
  if (!lo_store_backup_if_due_finish (LO_STORE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (g_error_matches (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT))
        show_damaged (self, error);
      else if (window != NULL)
        {
          g_prefix_error (&error, _("The daily backup failed: "));
          lo_show_error (GTK_WIDGET (window), error);
        }
    }
  self->backing_up = FALSE;
  g_application_release (G_APPLICATION (self));
}

static void
start_backup (LoApplication *self)
{
  if (self->store == NULL || self->backing_up)
    return;
  self->backing_up = TRUE;
  /* Held: a window closed meanwhile lets the copy finish before the
   * application ends. */
  g_application_hold (G_APPLICATION (self));
  lo_store_backup_if_due_async (self->store, self->backup_cancellable, backup_done_cb,
                                g_object_ref (self));
}

static gboolean
backup_timeout_cb (gpointer user_data)
{
  start_backup (user_data);
  return G_SOURCE_CONTINUE;
}

static void
schedule_backups (LoApplication *self)
{
  if (self->backup_timeout_id != 0)
    return;
  self->backup_timeout_id = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, backup_timeout_cb, self);
  start_backup (self);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  LoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The first frame that shows the opened file, not the one before its import. */
  if (LO_IS_WINDOW (window) && lo_window_get_busy (LO_WINDOW (window)) > 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  if (!self->bench_first_frame)
    {
      schedule_backups (self);
      return;
    }
  lo_application_mark ("painted");
  printf ("first-frame-monotonic-us %" G_GINT64_FORMAT " rss-kb %ld\n",
          g_get_monotonic_time (), resident_kb ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
}

static void
frame_phase_cb (GdkFrameClock *clock,
                const char    *phase)
{
  lo_application_mark (phase);
}

static void
window_map_cb (GtkWidget *window,
               gpointer   user_data)
{
  LoApplication *self = user_data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, window_map_cb, user_data);
  if (self->bench_first_frame)
    {
      lo_application_mark ("mapped");
      /* Connected after GTK's own handlers: they mark the end of each phase. */
      g_signal_connect_after (clock, "layout", G_CALLBACK (frame_phase_cb), (gpointer) "laid-out");
      g_signal_connect_after (clock, "paint", G_CALLBACK (frame_phase_cb), (gpointer) "snapshot-rendered");
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
store_error_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static LoWindow *
ensure_window (LoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    return LO_WINDOW (window);

  window = GTK_WINDOW (lo_window_new (GTK_APPLICATION (self), self->store));
  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), self);
  return LO_WINDOW (window);
}

static void
show_store_error (LoApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("The database could not be opened"),
                                   self->store_error->message);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect (dialog, "response", G_CALLBACK (store_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Lights Out contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Lights Out"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Lights Out contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("How far are your operations from lights-out automation, "
                                      "and what should you automate first? A five-dimension "
                                      "maturity assessment, return on investment for the "
                                      "processes to automate, and a stepwise roadmap."),
                        "website", "https://github.com/lightsout/lightsout",
                        "issue-url", "https://github.com/lightsout/lightsout/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *copy = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing lets each window save its size before the application ends. */
  for (GList *l = copy; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (copy);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *preferences = lo_preferences_window_new (parent);

  if (preferences != NULL)
    gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
lo_application_startup (GApplication *app)
{
  LoApplication *self = LO_APPLICATION (app);
  const char *db = g_getenv ("LIGHTSOUT_DB");
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *help_accels[] = { "<Control>question", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (lo_application_parent_class)->startup (app);
  lo_application_mark ("gtk-initialised");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->store = lo_store_open (db != NULL && *db != '\0' ? db : NULL, &self->store_error);
  lo_application_mark ("store-opened");
}

static void
lo_application_activate (GApplication *app)
{
  LoApplication *self = LO_APPLICATION (app);

  if (self->store == NULL)
    {
      show_store_error (self);
      return;
    }
  gtk_window_present (GTK_WINDOW (ensure_window (self)));
}

static void
lo_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LoApplication *self = LO_APPLICATION (app);
  LoWindow *window;

  if (self->store == NULL)
    {
      show_store_error (self);
      return;
    }
  window = ensure_window (self);
  lo_application_mark ("window-built");
  /* Imported first, so that the window's first frame shows the file. */
  for (int i = 0; i < n_files; i++)
    lo_window_import_file (window, files[i]);
  lo_application_mark ("file-shown");
  gtk_window_present (GTK_WINDOW (window));
  lo_application_mark ("presented");
}

static void
lo_application_shutdown (GApplication *app)
{
  LoApplication *self = LO_APPLICATION (app);

  g_clear_handle_id (&self->backup_timeout_id, g_source_remove);
  /* Only g_application_quit() gets here while a backup runs (it holds the
   * application otherwise), and the application calls it only when none
   * does. Should one run, it is stopped without waiting (no main loop runs
   * here): a partial copy it leaves (.part) is never listed as a backup and
   * the next backup replaces it. */
  g_cancellable_cancel (self->backup_cancellable);
  G_APPLICATION_CLASS (lo_application_parent_class)->shutdown (app);
  g_clear_object (&self->store);
}

static void
lo_application_finalize (GObject *object)
{
  LoApplication *self = LO_APPLICATION (object);

  g_clear_handle_id (&self->backup_timeout_id, g_source_remove);
  g_clear_object (&self->backup_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  G_OBJECT_CLASS (lo_application_parent_class)->finalize (object);
}

static void
lo_application_class_init (LoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lo_application_finalize;
  app_class->startup = lo_application_startup;
  app_class->activate = lo_application_activate;
  app_class->open = lo_application_open;
  app_class->shutdown = lo_application_shutdown;
}

static void
lo_application_init (LoApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->bench_first_frame = g_getenv ("LIGHTSOUT_BENCH_FIRST_FRAME") != NULL;
  self->backup_cancellable = g_cancellable_new ();
  /* Run from the build tree without GSETTINGS_SCHEMA_DIR, the schema is not
   * there: the program then runs on its defaults and remembers nothing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
}

LoApplication *
lo_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* Another database is another instance: tests and benchmarks run beside a
   * running Lights Out without talking to it. */
  if (g_getenv ("LIGHTSOUT_DB") != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (LO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/lightsout/LightsOut",
                       NULL);
}

LoStore *
lo_application_get_store (LoApplication *self)
{
  g_return_val_if_fail (LO_IS_APPLICATION (self), NULL);

  return self->store;
}

GSettings *
lo_application_get_settings (LoApplication *self)
{
  GApplication *app = self != NULL ? G_APPLICATION (self) : g_application_get_default ();

  g_return_val_if_fail (self == NULL || LO_IS_APPLICATION (self), NULL);

  return LO_IS_APPLICATION (app) ? LO_APPLICATION (app)->settings : NULL;
}

int
lo_application_run (int    argc,
                    char **argv)
{
  g_autoptr(LoApplication) app = NULL;

  lo_application_mark ("main");
  g_set_application_name (_("Lights Out"));
  app = lo_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
