/* ui-test-util.h: waiting for the window in ui tests
 *
 * A ui test never waits a fixed time: it runs the main loop until what it
 * needs is true (a condition, a signal, a widget mapped, a frame painted) and
 * fails, naming what it waited for, when that takes longer than
 * UI_TEST_TIMEOUT_MS. The timeout only bounds a hang; a passing test takes
 * as long as the window needs and no longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Generous: Xvfb on a loaded machine, or under AddressSanitizer. */
#define UI_TEST_TIMEOUT_MS 60000

typedef struct
{
  const char *what;
  const char *file;
  int         line;
  gint64      deadline;
  guint       wake_id;
} UiTestWait;

static inline gboolean
ui_test_wake_cb (gpointer data)
{
  /* Only wakes the loop, so that a condition that changed without an event
   * (a value a thread set) and the deadline are looked at again. */
  return G_SOURCE_CONTINUE;
}

static inline void
ui_test_wait_begin (UiTestWait *wait,
                    const char *what,
                    const char *file,
                    int         line)
{
  wait->what = what;
  wait->file = file;
  wait->line = line;
  wait->deadline = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  wait->wake_id = g_timeout_add (20, ui_test_wake_cb, NULL);
}

static inline void
ui_test_wait_step (UiTestWait *wait)
{
  if (g_get_monotonic_time () > wait->deadline)
    g_error ("%s:%d: still waiting after %d ms for %s", wait->file, wait->line,
             UI_TEST_TIMEOUT_MS, wait->what);
  g_main_context_iteration (NULL, TRUE);
}

static inline void
ui_test_wait_end (UiTestWait *wait)
{
  g_clear_handle_id (&wait->wake_id, g_source_remove);
}

/* Runs the main loop until @condition (an expression, evaluated again after
 * each event) is true. */
#define ui_test_wait_for(condition) \
  G_STMT_START { \
    UiTestWait ui_test_wait_; \
    ui_test_wait_begin (&ui_test_wait_, #condition, __FILE__, __LINE__); \
    while (!(condition)) \
      ui_test_wait_step (&ui_test_wait_); \
    ui_test_wait_end (&ui_test_wait_); \
  } G_STMT_END

/* Dispatches what is ready now (idles, queued signals), without waiting for
 * anything to become ready. */
static inline void
ui_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
ui_test_count_cb (gpointer data)
{
  (*(guint *) data)++;
}

/* Runs the main loop until @instance emits @detailed_signal (a signal without
 * a return value), started by @start (may be NULL) after the handler is
 * connected; then dispatches what that emission left ready. */
#define ui_test_wait_signal(instance, detailed_signal, start) \
  G_STMT_START { \
    guint ui_test_emitted_ = 0; \
    gulong ui_test_handler_ = g_signal_connect_swapped ((instance), (detailed_signal), \
                                                        G_CALLBACK (ui_test_count_cb), \
                                                        &ui_test_emitted_); \
    start; \
    ui_test_wait_for (ui_test_emitted_ > 0); \
    g_signal_handler_disconnect ((instance), ui_test_handler_); \
    ui_test_flush (); \
  } G_STMT_END

/* Waits until @widget's window has painted a frame after this call: what was
 * queued (a redraw, a layout, work GTK does after a paint) is done. */
static inline void
ui_test_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;

  ui_test_wait_for (gtk_widget_get_mapped (widget));
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  gtk_widget_queue_draw (widget);
  ui_test_wait_signal (clock, "after-paint", gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT));
}

/* The fixtures' common ground */

/* Destroys every window left open and dispatches what that left ready. */
static inline void
ui_test_destroy_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  ui_test_flush ();
}

/* Removes a test's temporary folder and the files in it. */
static inline void
ui_test_remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);

      g_remove (child);
      g_free (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

typedef gboolean (*UiTestMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root (itself included, depth first) that @match
 * accepts, or NULL. */
static inline GtkWidget *
ui_test_find (GtkWidget    *root,
              UiTestMatch   match,
              gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
ui_test_is_type (GtkWidget    *widget,
                 gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @root, or NULL. */
static inline GtkWidget *
ui_test_find_type (GtkWidget *root,
                   GType      type)
{
  return ui_test_find (root, ui_test_is_type, GSIZE_TO_POINTER (type));
}

G_END_DECLS
