/* test-ui-firm.c: Preferences → Your Firm saves firm.ini on apply, refuses a
 * bad value without writing; the results page's commentary editor saves the
 * consultant's words to the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "lo-io.h"
#include "lo-store.h"
#include "lo-firm-page.h"
#include "lo-commentary-editor.h"

static AdwEntryRow *
find_row (GtkWidget  *widget,
          const char *key)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "lo-firm-key"), key) == 0)
    return ADW_ENTRY_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwEntryRow *found = find_row (c, key);
      if (found)
        return found;
    }
  return NULL;
}

static void
collect_views (GtkWidget *widget,
               GPtrArray *out)
{
  if (GTK_IS_TEXT_VIEW (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_views (c, out);
}

static void
apply (AdwEntryRow *row,
       const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
test_firm_page (void)
{
  g_autofree char *path = lo_firm_profile_default_path ();
  GtkWidget *window = adw_preferences_window_new ();
  AdwPreferencesPage *page = lo_firm_page_new (NULL);
  AdwEntryRow *name, *booking, *accent;
  g_autoptr (LoFirmProfile) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), page);
  name = find_row (GTK_WIDGET (page), "name");
  booking = find_row (GTK_WIDGET (page), "booking-url");
  accent = find_row (GTK_WIDGET (page), "accent");
  g_assert_nonnull (name);
  g_assert_nonnull (booking);
  g_assert_nonnull (accent);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  apply (name, "Northwind Advisory");
  apply (booking, "https://cal.example/dana");
  saved = lo_firm_profile_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->name, ==, "Northwind Advisory");
  g_assert_cmpstr (saved->booking_url, ==, "https://cal.example/dana");

  /* a bad colour: refused, marked, nothing written */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  apply (accent, "teal");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (accent), "error"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  apply (accent, "#0072b2");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (accent), "error"));
  g_clear_pointer (&saved, lo_firm_profile_free);
  saved = lo_firm_profile_read_file (path, &error);
  g_assert_cmpstr (saved->accent, ==, "#0072b2");
  g_assert_cmpstr (saved->name, ==, "Northwind Advisory");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_commentary_editor (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lo-ui-firm-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "t.db", NULL);
  g_autoptr (LoStore) store = lo_store_open (db, &error);
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  g_autoptr (LoBank) bank = lo_bank_find_shipped ("lightsout-default", NULL);
  g_autoptr (LoEngagement) back = NULL;
  g_autoptr (GPtrArray) views = g_ptr_array_new ();
  GtkWidget *editor = g_object_ref_sink (lo_commentary_editor_new ());
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_import_engagement (store, demo, &error);
  g_assert_no_error (error);
  lo_commentary_editor_update (LO_COMMENTARY_EDITOR (editor), store, client, demo, bank);
  collect_views (editor, views);
  /* the cover note, one per dimension, the next steps */
  g_assert_cmpuint (views->len, ==, bank->dimensions->len + 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)), "Dear board", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, views->len - 1)),
                            "Book a call", -1);
  /* a pause saves; disposing saves what is pending at once */
  g_object_run_dispose (G_OBJECT (editor));
  g_object_unref (editor);

  back = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back->commentary);
  g_assert_cmpstr (back->commentary->cover, ==, "Dear board");
  g_assert_cmpstr (back->commentary->next_steps, ==, "Book a call");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/ui/firm/page", test_firm_page);
  g_test_add_func ("/ui/firm/commentary-editor", test_commentary_editor);
  return g_test_run ();
}
