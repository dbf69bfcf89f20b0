/* bare-window.c: the floor for the window's start-up — a libadwaita
 * application whose window holds a header bar over a drawing area, and does
 * nothing else.  bench-first-frame measures Lights Out against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

static void
on_activate (GtkApplication *application,
             gpointer        user_data)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *canvas = gtk_drawing_area_new ();

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_widget_set_vexpand (canvas, TRUE);
  gtk_box_append (GTK_BOX (content), canvas);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  /* The size Lights Out's window opens at the first time. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (AdwApplication) application =
    adw_application_new ("io.github.lightsout.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
