/* screenshots.c: the screenshots in data/screenshots, taken from the real window
 *
 * Run by tools/screenshots under Xvfb: an empty database, the empty state, then
 * the demo engagement's assessment, results and workshop mode, each at
 * 1280 × 800 and 360 × 720; workshop mode's blind vote (hidden, revealed,
 * agreed) at a projector's 1280 × 720 and 1920 × 1080.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lo-window.h"
#include "ui-test-util.h"
#include "lo-processes-page.h"
#include "lo-process-editor.h"
#include "lo-export-dialog.h"
#include "lo-workshop-view.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static void
report_min (GtkWidget *widget, int depth)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min > 200 && depth < 40)
    g_print ("%*s%s min %d\n", depth, "", G_OBJECT_TYPE_NAME (widget), min);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    report_min (c, depth + 1);
}

static void
save (GtkWidget  *window,
      const char *dir,
      const char *name,
      int         width,
      int         height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s/gui-%s-%dx%d.png", dir, name, width, height);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);

  if (g_getenv ("LO_DEBUG_MIN"))
    report_min (window, 0);
  if (!gtk_widget_get_mapped (window))
    g_error ("%s: the window is not shown", file);

  /* A window in the middle of a relayout has no frame to give yet: wait. */
  for (int attempt = 0; attempt < 50 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) again = gtk_snapshot_new ();

      if (attempt > 0)
        spin (100);
      w = gtk_widget_get_width (window);
      h = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, again, w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&again));
    }
  if (node == NULL)
    g_error ("%s: the window draws nothing", file);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, file))
    g_error ("%s: could not be written", file);
  g_print ("%s (%d × %d)\n", file, w, h);
}

/* The processes, roadmap and export shots (gui2). */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
shoot_processes (LoWindow   *window,
                 const char *dir,
                 int         width,
                 int         height)
{
  GtkWidget *page;

  /* The window builds a page when it is first shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "processes");
  page = ui_test_find_type (GTK_WIDGET (window), LO_TYPE_PROCESSES_PAGE);
  if (page == NULL)
    g_error ("the processes page is not in the window");
  spin (600);
  if (width < 1280)
    {
      /* Narrow, the list comes first: open the overview as a tap on its row does. */
      GtkWidget *list = find_named (page, "process-list");
      GtkListBoxRow *row = list != NULL ? gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) : NULL;

      if (row == NULL)
        g_error ("the processes list has no overview row");
      g_signal_emit_by_name (list, "row-activated", row);
      spin (600);
    }
  save (GTK_WIDGET (window), dir, "portfolio", width, height);
  lo_processes_page_select (LO_PROCESSES_PAGE (page), "invoicing");
  spin (1200);
  save (GTK_WIDGET (window), dir, "processes", width, height);

  {
    /* An invalid field: its problem under it, the figures marked stale */
    LoProcessEditor *editor = lo_processes_page_get_editor (LO_PROCESSES_PAGE (page));
    GtkEditable *rate = lo_process_editor_get_entry (editor, LO_INPUT_AUTOMATION_RATE, LO_FIELD_VALUE);

    gtk_editable_set_text (rate, "150");
    g_signal_emit_by_name (gtk_editable_get_delegate (rate), "activate");
    gtk_widget_grab_focus (GTK_WIDGET (rate));
    spin (600);
    save (GTK_WIDGET (window), dir, "processes-invalid", width, height);
    gtk_editable_set_text (rate, "85");
    g_signal_emit_by_name (gtk_editable_get_delegate (rate), "activate");
    spin (300);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "roadmap");
  spin (600);
  save (GTK_WIDGET (window), dir, "roadmap", width, height);
  {
    /* the programme's controls: lanes, each step's weeks, the includes */
    GtkWidget *lanes = find_named (GTK_WIDGET (window), "parallel-builds");
    GtkWidget *scrolled = lanes ? gtk_widget_get_ancestor (lanes, GTK_TYPE_SCROLLED_WINDOW) : NULL;
    graphene_point_t at;

    if (scrolled == NULL
        || !gtk_widget_compute_point (lanes, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                      &GRAPHENE_POINT_INIT (0, 0), &at))
      g_error ("the roadmap page shows no parallel builds");
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 120);
    spin (600);
    save (GTK_WIDGET (window), dir, "roadmap-schedule", width, height);
  }

  if (width >= 1280)
    {
      GList *toplevels;
      GtkWidget *dialog = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (LO_IS_EXPORT_DIALOG (l->data))
          dialog = l->data;
      g_list_free (toplevels);
      if (dialog == NULL)
        g_error ("the export dialog did not open");
      gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);
      spin (300);
      gtk_window_set_default_size (GTK_WINDOW (dialog),
                                   2 * width - gtk_widget_get_width (dialog),
                                   2 * height - gtk_widget_get_height (dialog));
      spin (600);
      save (dialog, dir, "export", width, height);
      gtk_window_destroy (GTK_WINDOW (dialog));
      spin (50);
    }
}

/* A window on a database of its own, its content @width × @height. */
typedef struct
{
  char     *tmp;
  char     *db;
  LoStore  *store;
  LoWindow *window;
} Session;

static void
session_open (Session *session,
              int      width,
              int      height)
{
  g_autoptr(GError) error = NULL;

  session->tmp = g_dir_make_tmp ("lo-shots-XXXXXX", &error);
  if (session->tmp == NULL)
    g_error ("%s", error->message);
  session->db = g_build_filename (session->tmp, "shots.db", NULL);
  session->store = lo_store_open (session->db, &error);
  if (session->store == NULL)
    g_error ("%s", error->message);
  session->window = lo_window_new (NULL, session->store);
  gtk_window_set_default_size (GTK_WINDOW (session->window), width, height);
  gtk_window_present (GTK_WINDOW (session->window));
  spin (300);
  /* The default size counts the frame; make the content the size asked for. */
  gtk_window_set_default_size (GTK_WINDOW (session->window),
                               2 * width - gtk_widget_get_width (GTK_WIDGET (session->window)),
                               2 * height - gtk_widget_get_height (GTK_WIDGET (session->window)));
  spin (300);
}

static void
session_close (Session *session)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  gtk_window_destroy (GTK_WINDOW (session->window));
  spin (50);
  g_clear_object (&session->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (session->db, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (session->tmp);
  g_free (session->db);
  g_free (session->tmp);
}

static void
shoot (const char *dir,
       int         width,
       int         height)
{
  Session session = { 0 };
  LoWindow *window;

  session_open (&session, width, height);
  window = session.window;
  save (GTK_WIDGET (window), dir, "empty", width, height);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessment");
  /* Let the import's transitions finish. */
  spin (1200);
  save (GTK_WIDGET (window), dir, "assessment", width, height);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "results");
  spin (400);
  save (GTK_WIDGET (window), dir, "results", width, height);

  shoot_processes (window, dir, width, height);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.workshop", NULL);
  /* Without a window manager there is no full screen: keep the size. */
  gtk_window_unfullscreen (GTK_WINDOW (window));
  spin (400);
  save (GTK_WIDGET (window), dir, "workshop", width, height);

  session_close (&session);
}

/* The results page in the dark style. */
static void
shoot_dark (const char *dir,
            int         width,
            int         height)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  Session session = { 0 };

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  /* Let the style sheets change before the window measures its frame. */
  spin (200);
  session_open (&session, width, height);
  gtk_widget_activate_action (GTK_WIDGET (session.window), "win.open-demo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (session.window), "win.show-page", "s", "results");
  spin (1200);
  save (GTK_WIDGET (session.window), dir, "results-dark", width, height);
  session_close (&session);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Blind mode on the demo: the votes hidden, revealed, then agreed with a note. */
static void
shoot_workshop (const char *dir,
                int         width,
                int         height)
{
  Session session = { 0 };
  GtkWidget *view, *note;
  LoScore *score;
  guint position;

  session_open (&session, width, height);
  gtk_widget_activate_action (GTK_WIDGET (session.window), "win.open-demo", NULL);
  spin (1200);
  gtk_widget_activate_action (GTK_WIDGET (session.window), "win.workshop", NULL);
  gtk_window_unfullscreen (GTK_WINDOW (session.window));
  view = ui_test_find_type (GTK_WIDGET (session.window), LO_TYPE_WORKSHOP_VIEW);
  if (view == NULL)
    g_error ("workshop mode did not open");
  lo_workshop_view_set_blind (LO_WORKSHOP_VIEW (view), TRUE);
  /* The first contested question of the demo, where the reveal has most to show. */
  score = lo_window_get_score (session.window);
  for (position = 0; position < score->n_questions && !score->questions[position].contested; position++)
    ;
  lo_workshop_view_set_position (LO_WORKSHOP_VIEW (view), position < score->n_questions ? position : 0);
  spin (600);
  save (GTK_WIDGET (session.window), dir, "workshop-hidden", width, height);

  gtk_widget_activate_action (view, "workshop.reveal", NULL);
  spin (400);
  save (GTK_WIDGET (session.window), dir, "workshop-revealed", width, height);

  gtk_widget_activate_action (view, "workshop.answer", "i", 3);
  note = ui_test_find_type (view, GTK_TYPE_ENTRY);
  gtk_widget_grab_focus (note);
  gtk_editable_set_text (GTK_EDITABLE (note), "Documented for invoicing only; the other teams work from memory.");
  spin (600);
  save (GTK_WIDGET (session.window), dir, "workshop-agreed", width, height);
  session_close (&session);
}

int
main (int    argc,
      char **argv)
{
  const char *dir = argc > 1 ? argv[1] : ".";

  g_autoptr(GtkCssProvider) css = NULL;

  gtk_init ();
  adw_init ();
  /* What AdwApplication loads for the real application. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/lightsout/LightsOut/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* "workshop" as the second argument takes only the blind workshop's. */
  if (argc <= 2 || g_strcmp0 (argv[2], "workshop") != 0)
    {
      shoot (dir, 1280, 800);
      shoot (dir, 360, 720);
      shoot_dark (dir, 1280, 800);
    }
  shoot_workshop (dir, 1280, 720);
  shoot_workshop (dir, 1920, 1080);
  return 0;
}
