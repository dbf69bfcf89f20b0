/* bench-keystroke.c: from a value entered in a process input to the redrawn
 * figures
 *
 * The real window with the demo engagement, the invoicing process in the
 * editor, 10 000-draw Monte Carlo. A typed value applies when it is whole:
 * on Enter, or after a pause of LO_EDIT_DELAY_MS (by design, so the figures
 * never show a half-typed number).  Each step types a new volume per month
 * and presses Enter while the Monte Carlo run of the previous value is still
 * in flight. Measured, from Enter:
 *   - figures: the first painted frame after the editor's figures were
 *     updated, which holds the new figures and every chart but the Monte
 *     Carlo band (target 16 ms, one frame);
 *   - band: the painted frame after the new band arrived (target 100 ms).
 * The save to the store and the window's reload follow the frame, as they
 * do for the user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "lo-window.h"
#include "lo-processes-page.h"
#include "lo-process-editor.h"
#include "lo-bench-util.h"

#define N_FIGURES 40
#define N_BAND    20

static gint64 painted_at;
static gint64 band_at;
static gint64 figures_at;
static gint64 frame_began_at;   /* the painted frame's update phase */
static gint64 frame_work;       /* its update to after-paint: what GTK did */
static gint64 frame_number;     /* the painted frame's counter */

static void
update_cb (GdkFrameClock *clock,
           gpointer       data)
{
  frame_began_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted_at = g_get_monotonic_time ();
  frame_work = painted_at - frame_began_at;
  frame_number = gdk_frame_clock_get_frame_counter (clock);
}

static void
figures_cb (LoProcessEditor *editor,
            gpointer         data)
{
  figures_at = g_get_monotonic_time ();
}

static void
band_cb (LoProcessEditor *editor,
         gpointer         data)
{
  band_at = g_get_monotonic_time ();
}

/* What Enter in the field does. */
static void
press_enter (GtkEditable *field)
{
  g_signal_emit_by_name (field, ADW_IS_ENTRY_ROW (field) ? "entry-activated" : "activate");
}

static void
iterate (void)
{
  g_main_context_iteration (NULL, TRUE);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
report (const char *what,
        double     *ms,
        int         n,
        double      target)
{
  lo_bench_sort (ms, n);
  printf ("%s: median %.2f ms, p90 %.2f ms (min %.2f, max %.2f, %d keystrokes; target < %.0f ms)\n",
          what, ms[n / 2], ms[(int) (n * 0.9)], ms[0], ms[n - 1], n, target);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(LoStore) store = NULL;
  double figures[N_FIGURES], band[N_BAND], work[N_FIGURES];
  int next_frame = 0;
  LoWindow *window;
  GtkWidget *page;
  LoProcessEditor *editor;
  GtkEditable *volume;
  GdkFrameClock *clock;
  struct rusage usage;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("lo-bench-keystroke-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);
  store = lo_store_open (db, &error);
  g_assert_no_error (error);
  window = lo_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "processes");
  {
    /* The processes page, wherever the window keeps it. */
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, window);
    page = NULL;
    while (stack->len > 0 && page == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (LO_IS_PROCESSES_PAGE (w))
          page = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_nonnull (page);
  lo_processes_page_select (LO_PROCESSES_PAGE (page), "invoicing");
  editor = lo_processes_page_get_editor (LO_PROCESSES_PAGE (page));
  lo_process_editor_set_draws (editor, LO_MONTE_CARLO_DEFAULT_DRAWS);
  g_signal_connect (editor, "monte-carlo-done", G_CALLBACK (band_cb), NULL);
  g_signal_connect (editor, "figures-updated", G_CALLBACK (figures_cb), NULL);
  volume = lo_process_editor_get_entry (editor, LO_INPUT_VOLUME_PER_MONTH, LO_FIELD_VALUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  spin (1500);

  for (int i = 0; i < N_FIGURES + N_BAND; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", 400 + i % 2 * 10 + i % 7);
      gint64 start, entered_frame;

      /* Typing shows the characters; Enter applies the whole value.  The
       * previous value's Monte Carlo is still running (band phase: the one
       * before it was waited for, so one run is in flight, as typing makes). */
      gtk_editable_set_text (volume, text);
      start = g_get_monotonic_time ();
      figures_at = 0;
      band_at = 0;
      entered_frame = gdk_frame_clock_get_frame_counter (clock);
      press_enter (volume);
      while (figures_at == 0)
        iterate ();
      painted_at = 0;
      while (painted_at == 0)
        iterate ();
      if (i < N_FIGURES)
        {
          figures[i] = (painted_at - start) / 1000.0;
          work[i] = frame_work / 1000.0;
          /* the first frame GTK began after Enter holds the new figures */
          next_frame += frame_number == entered_frame + 1;
          /* What happens before the next value: the save after the frame
           * and the window's reload; not the Monte Carlo run, which is
           * still in flight at the next value. */
          while (g_main_context_pending (NULL))
            g_main_context_iteration (NULL, FALSE);
          continue;
        }
      while (band_at == 0)
        iterate ();
      painted_at = 0;
      while (painted_at == 0)
        iterate ();
      band[i - N_FIGURES] = (painted_at - start) / 1000.0;
      /* Put the next run in flight before the next value. */
      gtk_editable_set_text (volume, "420");
      figures_at = 0;
      press_enter (volume);
      while (figures_at == 0)
        iterate ();
      painted_at = 0;
      while (painted_at == 0)
        iterate ();
    }

  printf ("a value entered (Enter): the invoicing process of the demo, %d-draw Monte Carlo in flight, 1280x800\n",
          LO_MONTE_CARLO_DEFAULT_DRAWS);
  report ("figures and charts painted", figures, N_FIGURES, 16);
  /* The wait for the frame clock's next tick is part of the latency above;
   * these say whether the new figures made the next frame, and what that
   * frame cost (its layout and painting, from its update phase). */
  printf ("new figures in the first frame after Enter: %d of %d\n", next_frame, N_FIGURES);
  report ("that frame's own work (update to after-paint)", work, N_FIGURES, 16);
  report ("Monte Carlo band painted", band, N_BAND, 100);
  getrusage (RUSAGE_SELF, &usage);
  printf ("peak memory %ld KiB\n", usage.ru_maxrss);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (db);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}
