/* test-store-commentary.c: the consultant's words in the database
 * (migration 006): imported, loaded, exported as the file had them, set
 * and cleared, limits refused with nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-store-private.h"
#include "lo-io.h"
#include "store-test-util.h"

static LoCommentary *
make_commentary (void)
{
  LoCommentary *c = lo_commentary_new ();

  c->cover = g_strdup ("Dear board,\n\nthree findings.");
  c->next_steps = g_strdup ("Book the workshop.");
  /* not in bank order: the order made is kept */
  lo_commentary_set_dimension (c, "people", "Train the team.");
  lo_commentary_set_dimension (c, "data", "Four copies of the customer list.");
  return c;
}

static void
test_import_load_export (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LoStore) store = lo_store_open (path, &error);
  g_autoptr (LoEngagement) e = make_engagement ("Acme");
  g_autoptr (LoEngagement) back = NULL;
  g_autofree char *xml_in = NULL;
  g_autofree char *xml_out = NULL;
  gint64 client;

  g_assert_no_error (error);
  e->commentary = make_commentary ();
  client = lo_store_import_engagement (store, e, &error);
  g_assert_no_error (error);
  g_assert_cmpint (client, >, 0);

  back = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back->commentary);
  g_assert_cmpstr (back->commentary->cover, ==, "Dear board,\n\nthree findings.");
  g_assert_cmpstr (back->commentary->next_steps, ==, "Book the workshop.");
  g_assert_cmpuint (back->commentary->dimensions->len, ==, 2);
  g_assert_cmpstr (((LoDimensionComment *) g_ptr_array_index (back->commentary->dimensions, 0))->dimension,
                   ==, "people");
  g_assert_cmpstr (lo_commentary_get_dimension (back->commentary, "data"), ==,
                   "Four copies of the customer list.");

  /* the export writes the commentary as the file had it */
  xml_in = lo_engagement_to_xml (e, NULL);
  xml_out = lo_engagement_to_xml (back, NULL);
  {
    const char *a = strstr (xml_in, "  <commentary>");
    const char *b = strstr (xml_out, "  <commentary>");
    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_cmpint (strstr (a, "</commentary>") - a, ==, strstr (b, "</commentary>") - b);
    g_assert_true (strncmp (a, b, strstr (a, "</commentary>") - a) == 0);
  }
}

static void
test_set_and_clear (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LoStore) store = lo_store_open (path, &error);
  g_autoptr (LoEngagement) e = make_engagement ("Acme");
  g_autoptr (LoCommentary) c = make_commentary ();
  g_autoptr (LoCommentary) too_long = lo_commentary_new ();
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_import_engagement (store, e, &error);
  g_assert_no_error (error);
  {
    g_autoptr (LoEngagement) back = lo_store_load_engagement (store, client, &error);
    g_assert_no_error (error);
    g_assert_true (lo_commentary_is_empty (back->commentary));
  }

  g_assert_true (lo_store_set_commentary (store, client, c, &error));
  g_assert_no_error (error);
  {
    g_autoptr (LoEngagement) back = lo_store_load_engagement (store, client, &error);
    g_assert_cmpstr (back->commentary->next_steps, ==, "Book the workshop.");
    g_assert_cmpstr (lo_commentary_get_dimension (back->commentary, "people"), ==, "Train the team.");
  }

  /* 20 001 characters: refused, naming the part; what was there stays */
  too_long->next_steps = g_strnfill (20001, 'x');
  g_assert_false (lo_store_set_commentary (store, client, too_long, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "next-steps"));
  g_clear_error (&error);
  {
    g_autoptr (LoEngagement) back = lo_store_load_engagement (store, client, &error);
    g_assert_cmpstr (back->commentary->next_steps, ==, "Book the workshop.");
  }

  /* cleared */
  g_assert_true (lo_store_set_commentary (store, client, NULL, &error));
  {
    g_autoptr (LoEngagement) back = lo_store_load_engagement (store, client, &error);
    g_assert_true (lo_commentary_is_empty (back->commentary));
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/commentary/import-load-export", test_import_load_export);
  g_test_add_func ("/store/commentary/set-and-clear", test_set_and_clear);
  return g_test_run ();
}
