/* test-store-programme.c: build lanes, step weeks and each process's
 * include (SPEC §2b, §1 "Schedule") kept by the store: setters, limits,
 * import, load, and a reopened database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

typedef struct
{
  guint         count;
  LoStoreChange what;
} Changes;

static void
changed_cb (LoStore  *store,
            gint64    client,
            int       what,
            Changes  *changes)
{
  changes->count++;
  changes->what = what;
}

static LoStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  LoStore *store = lo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static LoEngagement *
load (LoStore *store,
      gint64   client)
{
  g_autoptr(GError) error = NULL;
  LoEngagement *engagement = lo_store_load_engagement (store, client, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  return engagement;
}

static void
test_defaults (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoProcess) process = lo_process_new ("invoices", "Invoices");
  gint64 client = lo_store_create_client (store, "Acme", &error);

  g_assert_no_error (error);
  g_assert_true (lo_store_put_process (store, client, process, &error));
  loaded = load (store, client);
  g_assert_cmpint (loaded->settings.parallel_builds, ==, 1);
  for (int level = 1; level <= 5; level++)
    g_assert_cmpint (lo_engagement_get_step_weeks (loaded, level), ==, 0);
  g_assert_cmpint (((LoProcess *) loaded->processes->pdata[0])->include, ==, LO_INCLUDE_AUTO);
}

static void
test_parallel_builds (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  gint64 client = lo_store_create_client (store, "Acme", &error);
  Changes changes = { 0 };
  LoSettings settings;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (lo_store_set_parallel_builds (store, client, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_SETTINGS);
  loaded = load (store, client);
  g_assert_cmpint (loaded->settings.parallel_builds, ==, 3);

  /* SPEC §2c: 1 … 20; nothing is written or announced outside */
  g_assert_false (lo_store_set_parallel_builds (store, client, 0, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "parallel-builds"));
  g_clear_error (&error);
  g_assert_false (lo_store_set_parallel_builds (store, client, 21, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "20"));
  g_clear_error (&error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_false (lo_store_set_parallel_builds (store, 9999, 2, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the other settings written whole keep the lanes, or set them */
  lo_settings_init_defaults (&settings);
  settings.parallel_builds = 0;
  g_assert_true (lo_store_set_settings (store, client, &settings, &error));
  g_clear_pointer (&loaded, lo_engagement_unref);
  loaded = load (store, client);
  g_assert_cmpint (loaded->settings.parallel_builds, ==, 3);
  settings.parallel_builds = 5;
  g_assert_true (lo_store_set_settings (store, client, &settings, &error));
  g_clear_pointer (&loaded, lo_engagement_unref);
  loaded = load (store, client);
  g_assert_cmpint (loaded->settings.parallel_builds, ==, 5);
  lo_settings_clear (&settings);
}

static void
test_step_weeks (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  gint64 client = lo_store_create_client (store, "Acme", &error);
  Changes changes = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (lo_store_set_step_weeks (store, client, 4, 26, &error));
  g_assert_true (lo_store_set_step_weeks (store, client, 5, 1, &error));
  g_assert_true (lo_store_set_step_weeks (store, client, 3, 260, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 3);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_SETTINGS);
  loaded = load (store, client);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 3), ==, 260);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 4), ==, 26);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 5), ==, 1);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 2), ==, 0);

  /* set again replaces; 0 returns the step to its default */
  g_assert_true (lo_store_set_step_weeks (store, client, 4, 39, &error));
  g_assert_true (lo_store_set_step_weeks (store, client, 5, 0, &error));
  g_clear_pointer (&loaded, lo_engagement_unref);
  loaded = load (store, client);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 4), ==, 39);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 5), ==, 0);

  /* SPEC §2c: weeks 1 … 260, levels 1 … 5 */
  g_assert_false (lo_store_set_step_weeks (store, client, 4, 261, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "260"));
  g_clear_error (&error);
  g_assert_false (lo_store_set_step_weeks (store, client, 4, -1, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lo_store_set_step_weeks (store, client, 6, 13, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changes.count, ==, 5);
}

static void
test_include (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoProcess) a = lo_process_new ("a", "A");
  g_autoptr(LoProcess) b = lo_process_new ("b", "B");
  gint64 client = lo_store_create_client (store, "Acme", &error);
  Changes changes = { 0 };
  LoProcess *p;

  b->include = LO_INCLUDE_YES;
  g_assert_true (lo_store_put_process (store, client, a, &error));
  g_assert_true (lo_store_put_process (store, client, b, &error));
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (lo_store_set_process_include (store, client, "a", LO_INCLUDE_NO, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_PROCESSES);
  loaded = load (store, client);
  g_assert_cmpint (((LoProcess *) loaded->processes->pdata[0])->include, ==, LO_INCLUDE_NO);
  g_assert_cmpint (((LoProcess *) loaded->processes->pdata[1])->include, ==, LO_INCLUDE_YES);

  /* putting the process again (the editor saving it) writes its include */
  p = loaded->processes->pdata[1];
  p->include = LO_INCLUDE_AUTO;
  g_assert_true (lo_store_put_process (store, client, p, &error));
  g_clear_pointer (&loaded, lo_engagement_unref);
  loaded = load (store, client);
  g_assert_cmpint (((LoProcess *) loaded->processes->pdata[1])->include, ==, LO_INCLUDE_AUTO);
  g_assert_cmpint (((LoProcess *) loaded->processes->pdata[0])->include, ==, LO_INCLUDE_NO);

  g_assert_false (lo_store_set_process_include (store, client, "nope", LO_INCLUDE_YES, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nope"));
}

/* An engagement with lanes, set weeks and includes goes in whole, comes out
 * whole, and is still there after the database is closed and reopened. */
static void
test_import_reopen (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(LoStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) loaded = NULL;
  gint64 client;

  engagement->settings.parallel_builds = 2;
  lo_engagement_set_step_weeks (engagement, 4, 26);
  lo_engagement_set_step_weeks (engagement, 5, 8);
  ((LoProcess *) engagement->processes->pdata[0])->include = LO_INCLUDE_NO;
  client = lo_store_import_engagement (store, engagement, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (path);
  loaded = load (store, client);
  g_assert_cmpint (loaded->settings.parallel_builds, ==, 2);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 3), ==, 0);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 4), ==, 26);
  g_assert_cmpint (lo_engagement_get_step_weeks (loaded, 5), ==, 8);
  g_assert_cmpint (((LoProcess *) loaded->processes->pdata[0])->include, ==, LO_INCLUDE_NO);
  for (guint i = 1; i < loaded->processes->len; i++)
    g_assert_cmpint (((LoProcess *) loaded->processes->pdata[i])->include, ==, LO_INCLUDE_AUTO);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/store/programme/defaults", test_defaults);
  g_test_add_func ("/lo/store/programme/parallel-builds", test_parallel_builds);
  g_test_add_func ("/lo/store/programme/step-weeks", test_step_weeks);
  g_test_add_func ("/lo/store/programme/include", test_include);
  g_test_add_func ("/lo/store/programme/import-reopen", test_import_reopen);
  return g_test_run ();
}
