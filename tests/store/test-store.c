/* test-store.c: every call of the store API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "store-test-util.h"

typedef struct
{
  guint         count;
  gint64        client;
  LoStoreChange what;
} Changes;

static void
changed_cb (LoStore      *store,
            gint64        client,
            int           what,
            Changes      *changes)
{
  changes->count++;
  changes->client = client;
  changes->what = what;
}

static gint64
pragma_int (LoStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (lo_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
pragma_text (LoStore    *store,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (lo_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static LoStore *
open_new (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  LoStore *store = lo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
test_open_creates (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LoStore) store = open_new (&path);
  g_autofree char *mode = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  g_assert_cmpstr (lo_store_get_path (store), ==, path);
  g_assert_false (lo_store_is_read_only (store));

  /* 0600 for the file and for SQLite's companions, which copy its mode */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  mode = pragma_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (pragma_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (store, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (pragma_int (store, "PRAGMA synchronous"), ==, 2); /* FULL */
  g_assert_cmpint (pragma_int (store, "PRAGMA application_id"), ==, 0x4C4F5554);
  g_assert_cmpint (pragma_int (store, "PRAGMA user_version"), ==, lo_store_schema_version ());
  g_assert_cmpint (lo_store_schema_version (), >=, 1);
}

static void
test_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autofree char *path = lo_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "lightsout", "lightsout.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  g_assert_cmpstr (path, ==, expected);
  store = lo_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lo_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_clients (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  Changes changes = { 0 };
  gint64 zeta, alpha, mid;
  LoClientInfo *info;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  zeta = lo_store_create_client (store, "Zeta Freight", &error);
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 1);
  g_assert_cmpint (changes.client, ==, zeta);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_CLIENTS);
  alpha = lo_store_create_client (store, "alpha dental", &error);
  g_assert_no_error (error);
  mid = lo_store_create_client (store, "Mid Motors", &error);
  g_assert_no_error (error);
  g_assert_cmpint (zeta, >, 0);
  g_assert_cmpint (alpha, !=, zeta);
  g_assert_cmpint (changes.count, ==, 3);

  /* by name, whatever the case */
  list = lo_store_list_clients (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((LoClientInfo *) list->pdata[0])->name, ==, "alpha dental");
  g_assert_cmpstr (((LoClientInfo *) list->pdata[1])->name, ==, "Mid Motors");
  g_assert_cmpstr (((LoClientInfo *) list->pdata[2])->name, ==, "Zeta Freight");
  info = list->pdata[1];
  g_assert_cmpint (info->id, ==, mid);
  g_assert_null (info->industry);
  g_assert_cmpuint (info->n_assessments, ==, 0);
  g_assert_null (info->latest_date);
  g_assert_cmpint (info->modified, >, 1700000000);

  g_assert_cmpint (lo_store_find_client (store, "Mid Motors", &error), ==, mid);
  g_assert_cmpint (lo_store_find_client (store, "mid motors", &error), ==, 0);
  g_assert_cmpint (lo_store_find_client (store, "Nobody", &error), ==, 0);
  g_assert_no_error (error);

  /* duplicates and empty names are refused and change nothing */
  g_assert_cmpint (lo_store_create_client (store, "Mid Motors", &error), ==, 0);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Mid Motors"));
  g_clear_error (&error);
  g_assert_cmpint (lo_store_create_client (store, "", &error), ==, 0);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (changes.count, ==, 3);

  /* rename */
  g_assert_true (lo_store_rename_client (store, alpha, "Alpha Dental", &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 4);
  g_assert_cmpint (changes.client, ==, alpha);
  g_assert_cmpint (lo_store_find_client (store, "Alpha Dental", NULL), ==, alpha);
  g_assert_false (lo_store_rename_client (store, alpha, "Zeta Freight", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (lo_store_rename_client (store, 9999, "Other", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (lo_store_find_client (store, "Alpha Dental", NULL), ==, alpha);

  /* industry */
  g_assert_true (lo_store_set_industry (store, zeta, "Logistics", &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = lo_store_list_clients (store, NULL, &error);
  g_assert_cmpstr (((LoClientInfo *) list->pdata[2])->industry, ==, "Logistics");
  g_assert_false (lo_store_set_industry (store, 9999, "x", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
}

static void
test_search (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 clinic;

  lo_store_create_client (store, "Harbor Logistics", &error);
  clinic = lo_store_create_client (store, "Ärztehaus Süd", &error);
  lo_store_create_client (store, "Bakery Brot", &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_set_industry (store, clinic, "Healthcare", &error));

  /* case-insensitive substring, beyond ASCII */
  list = lo_store_list_clients (store, "ÄRZTE", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((LoClientInfo *) list->pdata[0])->id, ==, clinic);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* the industry matches too */
  list = lo_store_list_clients (store, "health", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((LoClientInfo *) list->pdata[0])->id, ==, clinic);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = lo_store_list_clients (store, "r", &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = lo_store_list_clients (store, "zzz", &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = lo_store_list_clients (store, "", &error);
  g_assert_cmpuint (list->len, ==, 3);
}

static void
test_round_trip (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoEngagement) second = NULL;
  g_autoptr(GPtrArray) list = NULL;
  LoProcess *p;
  gint64 client, again;
  Changes changes = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);
  client = lo_store_import_engagement (store, engagement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (client, >, 0);
  g_assert_cmpint (changes.count, ==, 1);
  g_assert_cmpint (changes.client, ==, client);

  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  assert_same_engagement (engagement, loaded);

  /* what the XML does not show: exact doubles, absent figures, ranges */
  p = g_ptr_array_index (loaded->processes, 0);
  g_assert_true (p->inputs[LO_INPUT_OVERSIGHT_HOURS_PER_MONTH].value == 1.0 / 3.0);
  g_assert_true (p->inputs[LO_INPUT_VOLUME_PER_MONTH].ranged);
  g_assert_false (p->inputs[LO_INPUT_RAMP_MONTHS].set);
  g_assert_true (isnan (g_array_index (p->actuals, LoActual, 1).items));
  g_assert_cmpfloat (g_array_index (p->actuals, LoActual, 1).hours, ==, 28);
  g_assert_cmpstr (loaded->version, ==, LO_ENGAGEMENT_VERSION);

  /* the list shows it */
  list = lo_store_list_clients (store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((LoClientInfo *) list->pdata[0])->n_assessments, ==, 2);
  g_assert_cmpstr (((LoClientInfo *) list->pdata[0])->latest_date, ==, "2026-06-01");
  g_assert_cmpstr (((LoClientInfo *) list->pdata[0])->industry, ==, "Logistics");

  /* importing the same file again makes a second client with a number */
  again = lo_store_import_engagement (store, engagement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, !=, client);
  second = lo_store_load_engagement (store, again, &error);
  g_assert_cmpstr (second->client_name, ==, "Harbor Logistics (2)");

  g_assert_null (lo_store_load_engagement (store, 9999, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
}

static void
test_import_atomic (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Broken");
  g_autoptr(GPtrArray) list = NULL;
  LoAssessment *a;

  /* a duplicate assessment id fails the whole import: nothing is left */
  a = lo_assessment_new ("baseline", "2026-02-01", "lightsout-default");
  g_ptr_array_add (engagement->assessments, a);
  g_assert_cmpint (lo_store_import_engagement (store, engagement, &error), ==, 0);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "baseline"));
  list = lo_store_list_clients (store, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

typedef struct
{
  gboolean  done;
  gint64    client;
  GError   *error;
  Changes  *changes;
  guint     changes_before_callback;
  GThread  *thread;
} ImportResult;

static void
import_async_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImportResult *r = user_data;

  r->client = lo_store_import_engagement_finish (LO_STORE (source), result, &r->error);
  r->changes_before_callback = r->changes->count;
  r->thread = g_thread_self ();
  r->done = TRUE;
}

static void
wait_for (ImportResult *r)
{
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

/* The import in a worker thread: the same client as the synchronous one,
 * ::changed once on the caller's thread before the callback, and nothing
 * written when it fails or is cancelled. */
static void
test_import_async (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoEngagement) broken = make_engagement ("Broken");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) list = NULL;
  Changes changes = { 0 };
  ImportResult r = { 0 };
  g_autoptr(GError) error = NULL;

  r.changes = &changes;
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);
  lo_store_import_engagement_async (store, engagement, NULL, import_async_cb, &r);
  g_assert_false (r.done);
  wait_for (&r);
  g_assert_no_error (r.error);
  g_assert_cmpint (r.client, >, 0);
  g_assert_true (r.thread == g_thread_self ());
  g_assert_cmpuint (r.changes_before_callback, ==, 1);
  g_assert_cmpint (changes.client, ==, r.client);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_CLIENTS);
  /* The store's own connection sees what the worker's wrote. */
  loaded = lo_store_load_engagement (store, r.client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->client_name, ==, "Harbor Logistics");
  g_assert_cmpuint (loaded->assessments->len, ==, engagement->assessments->len);
  g_assert_cmpuint (loaded->processes->len, ==, engagement->processes->len);

  /* A second import of the same name gets a number, as the synchronous one does. */
  memset (&r, 0, sizeof r);
  r.changes = &changes;
  lo_store_import_engagement_async (store, engagement, NULL, import_async_cb, &r);
  wait_for (&r);
  g_assert_no_error (r.error);
  g_clear_pointer (&loaded, lo_engagement_unref);
  loaded = lo_store_load_engagement (store, r.client, &error);
  g_assert_cmpstr (loaded->client_name, ==, "Harbor Logistics (2)");

  /* A failing import leaves nothing and emits nothing. */
  g_ptr_array_add (broken->assessments, lo_assessment_new ("baseline", "2026-02-01", "lightsout-default"));
  memset (&r, 0, sizeof r);
  r.changes = &changes;
  changes.count = 0;
  lo_store_import_engagement_async (store, broken, NULL, import_async_cb, &r);
  wait_for (&r);
  g_assert_error (r.error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS);
  g_clear_error (&r.error);
  g_assert_cmpint (r.client, ==, 0);
  g_assert_cmpuint (changes.count, ==, 0);

  /* Cancelled before it starts: nothing is written. */
  g_cancellable_cancel (cancellable);
  memset (&r, 0, sizeof r);
  r.changes = &changes;
  lo_store_import_engagement_async (store, engagement, cancellable, import_async_cb, &r);
  wait_for (&r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_cmpuint (changes.count, ==, 0);
  list = lo_store_list_clients (store, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_settings (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  LoSettings settings = { 0 };
  Changes changes = { 0 };
  gint64 client;

  client = lo_store_create_client (store, "Acme", &error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  /* a new client has the model's defaults */
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->settings.horizon_months, ==, 36);
  g_assert_cmpfloat (loaded->settings.discount_rate, ==, 0.08);
  g_assert_cmpstr (loaded->settings.currency, ==, "USD");
  g_assert_cmpfloat (loaded->settings.hours_per_week, ==, 40);
  g_assert_cmpfloat (loaded->settings.realisation_rate, ==, 1);
  g_assert_cmpuint (loaded->assessments->len, ==, 0);
  g_assert_cmpuint (loaded->processes->len, ==, 0);
  g_clear_pointer (&loaded, lo_engagement_unref);

  settings.horizon_months = 60;
  settings.discount_rate = 0.12;
  settings.currency = (char *) "GBP";
  settings.hours_per_week = 35;
  settings.realisation_rate = 0.5;
  g_assert_true (lo_store_set_settings (store, client, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 1);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_SETTINGS);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_cmpint (loaded->settings.horizon_months, ==, 60);
  g_assert_cmpfloat (loaded->settings.discount_rate, ==, 0.12);
  g_assert_cmpstr (loaded->settings.currency, ==, "GBP");
  g_assert_cmpfloat (loaded->settings.hours_per_week, ==, 35);
  g_assert_cmpfloat (loaded->settings.realisation_rate, ==, 0.5);

  g_assert_false (lo_store_set_settings (store, 9999, &settings, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (changes.count, ==, 1);
}

static void
test_delete_undo (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) restored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 client, token = 0, other;
  Changes changes = { 0 };

  client = lo_store_import_engagement (store, engagement, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_true (lo_store_delete_client (store, client, &token, &error));
  g_assert_no_error (error);
  g_assert_cmpint (token, !=, 0);
  g_assert_cmpint (changes.count, ==, 1);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_CLIENTS);

  /* gone from everything */
  list = lo_store_list_clients (store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (lo_store_find_client (store, "Harbor Logistics", NULL), ==, 0);
  g_assert_null (lo_store_load_engagement (store, client, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lo_store_set_answer (store, client, "baseline", "ana", "data.copies", 3, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lo_store_delete_client (store, client, NULL, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the name is free again meanwhile */
  other = lo_store_create_client (store, "Harbor Logistics", &error);
  g_assert_no_error (error);

  g_assert_true (lo_store_undo_delete (store, token, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.client, ==, client);
  restored = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  /* everything back; only the name had to give way */
  g_assert_cmpstr (restored->client_name, ==, "Harbor Logistics (2)");
  g_free (restored->client_name);
  restored->client_name = g_strdup ("Harbor Logistics");
  assert_same_engagement (engagement, restored);
  g_assert_cmpint (lo_store_find_client (store, "Harbor Logistics", NULL), ==, other);

  /* once only */
  g_assert_false (lo_store_undo_delete (store, token, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
}

static void
test_purge (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LoStore *store = open_new (&path);
  gint64 client, kept, token;
  char *sql;

  client = lo_store_create_client (store, "Old", &error);
  kept = lo_store_create_client (store, "Recent", &error);
  g_assert_true (lo_store_delete_client (store, client, &token, &error));
  g_assert_true (lo_store_delete_client (store, kept, NULL, &error));
  g_assert_no_error (error);
  /* pretend the first was deleted 31 days ago */
  sql = g_strdup_printf ("UPDATE client SET deleted_at = deleted_at - 31 * 86400 WHERE id = %" G_GINT64_FORMAT, client);
  g_assert_cmpint (sqlite3_exec (lo_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (sql);
  g_object_unref (store);

  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (lo_store_undo_delete (store, token, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lo_store_undo_delete (store, kept, &error));
  g_assert_no_error (error);
  g_object_unref (store);
}

static void
test_assessments (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoAssessment) a = lo_assessment_new ("q1", "2026-03-01", "lightsout-default");
  g_autoptr(LoAssessment) b = lo_assessment_new ("q2", "2026-02-01", "lightsout-default");
  g_autoptr(GPtrArray) list = NULL;
  Changes changes = { 0 };
  gint64 client;

  lo_respondent_set_answer (lo_assessment_add_respondent (a, "ana", "Ana", NULL), "data.copies", 2);
  client = lo_store_create_client (store, "Acme", &error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_true (lo_store_add_assessment (store, client, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_ASSESSMENT);
  g_assert_true (lo_store_add_assessment (store, client, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 2);

  g_assert_false (lo_store_add_assessment (store, client, a, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "q1"));
  g_clear_error (&error);
  g_assert_false (lo_store_add_assessment (store, 9999, a, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (changes.count, ==, 2);

  /* added in order, whatever the dates */
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_cmpuint (loaded->assessments->len, ==, 2);
  g_assert_cmpstr (((LoAssessment *) loaded->assessments->pdata[0])->id, ==, "q1");
  g_assert_cmpstr (((LoAssessment *) loaded->assessments->pdata[1])->id, ==, "q2");
  assert_same_engagement (loaded, loaded);
  g_clear_pointer (&loaded, lo_engagement_unref);

  list = lo_store_list_clients (store, NULL, NULL);
  g_assert_cmpuint (((LoClientInfo *) list->pdata[0])->n_assessments, ==, 2);
  g_assert_cmpstr (((LoClientInfo *) list->pdata[0])->latest_date, ==, "2026-03-01");

  g_assert_true (lo_store_remove_assessment (store, client, "q1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 3);
  g_assert_false (lo_store_remove_assessment (store, client, "q1", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "q1"));
  g_clear_error (&error);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_cmpuint (loaded->assessments->len, ==, 1);
  g_assert_cmpstr (((LoAssessment *) loaded->assessments->pdata[0])->id, ==, "q2");
}

static void
test_respondents_answers (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoAssessment) a = lo_assessment_new ("q1", "2026-03-01", "lightsout-default");
  LoAssessment *la;
  LoRespondent *r;
  Changes changes = { 0 };
  gint64 client;
  int value;

  client = lo_store_create_client (store, "Acme", &error);
  g_assert_true (lo_store_add_assessment (store, client, a, &error));
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_true (lo_store_add_respondent (store, client, "q1", "zoe", "Zoe", "CFO", &error));
  g_assert_true (lo_store_add_respondent (store, client, "q1", "al", "Al", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 2);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_ASSESSMENT);
  g_assert_false (lo_store_add_respondent (store, client, "q1", "al", "Al again", NULL, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (lo_store_add_respondent (store, client, "nope", "x", "X", NULL, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  g_assert_true (lo_store_rename_respondent (store, client, "q1", "al", "Alan", "COO", &error));
  g_assert_no_error (error);
  g_assert_false (lo_store_rename_respondent (store, client, "q1", "nobody", "N", NULL, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);

  /* answers keep their first order; a changed answer keeps its place */
  g_assert_true (lo_store_set_answer (store, client, "q1", "zoe", "people.skills", 4, &error));
  g_assert_true (lo_store_set_answer (store, client, "q1", "zoe", "data.copies", LO_ANSWER_DONT_KNOW, &error));
  g_assert_true (lo_store_set_answer (store, client, "q1", "zoe", "automation.ai-use", LO_ANSWER_NA, &error));
  g_assert_true (lo_store_set_answer (store, client, "q1", "zoe", "people.skills", 1, &error));
  g_assert_true (lo_store_set_answer (store, client, "q1", "al", "data.copies", 5, &error));
  g_assert_no_error (error);
  g_assert_true (lo_store_clear_answer (store, client, "q1", "zoe", "data.copies", &error));
  g_assert_true (lo_store_set_answer (store, client, "q1", "zoe", "process.baseline", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 10);

  g_assert_false (lo_store_set_answer (store, client, "q1", "zoe", "x", 6, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lo_store_set_answer (store, client, "q1", "zoe", "x", -2, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lo_store_set_answer (store, client, "q1", "ghost", "x", 2, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lo_store_set_answer (store, 9999, "q1", "zoe", "x", 2, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lo_store_clear_answer (store, client, "q9", "zoe", "x", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (changes.count, ==, 10);

  loaded = lo_store_load_engagement (store, client, &error);
  la = loaded->assessments->pdata[0];
  g_assert_cmpuint (la->respondents->len, ==, 2);
  r = la->respondents->pdata[0];
  g_assert_cmpstr (r->id, ==, "zoe");
  g_assert_cmpstr (r->role, ==, "CFO");
  g_assert_cmpuint (r->answers->len, ==, 3);
  g_assert_cmpstr (g_array_index (r->answers, LoAnswer, 0).question, ==, "people.skills");
  g_assert_cmpint (g_array_index (r->answers, LoAnswer, 0).value, ==, 1);
  g_assert_cmpstr (g_array_index (r->answers, LoAnswer, 1).question, ==, "automation.ai-use");
  g_assert_cmpint (g_array_index (r->answers, LoAnswer, 1).value, ==, LO_ANSWER_NA);
  g_assert_cmpstr (g_array_index (r->answers, LoAnswer, 2).question, ==, "process.baseline");
  g_assert_false (lo_respondent_get_answer (r, "data.copies", NULL));
  r = la->respondents->pdata[1];
  g_assert_cmpstr (r->name, ==, "Alan");
  g_assert_cmpstr (r->role, ==, "COO");
  g_assert_true (lo_respondent_get_answer (r, "data.copies", &value));
  g_assert_cmpint (value, ==, 5);
  g_clear_pointer (&loaded, lo_engagement_unref);

  /* removing a respondent removes their answers */
  g_assert_true (lo_store_remove_respondent (store, client, "q1", "zoe", &error));
  g_assert_no_error (error);
  g_assert_false (lo_store_remove_respondent (store, client, "q1", "zoe", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lo_store_add_respondent (store, client, "q1", "zoe", "Zoe", NULL, &error));
  loaded = lo_store_load_engagement (store, client, &error);
  la = loaded->assessments->pdata[0];
  r = la->respondents->pdata[1];
  g_assert_cmpstr (r->id, ==, "zoe");
  g_assert_cmpuint (r->answers->len, ==, 0);
  g_assert_cmpint (sqlite3_changes (lo_store_get_db (store)), >=, 0);
}

static void
test_targets (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoAssessment) a = lo_assessment_new ("q1", "2026-03-01", "lightsout-default");
  LoAssessment *la;
  Changes changes = { 0 };
  gint64 client;

  client = lo_store_create_client (store, "Acme", &error);
  g_assert_true (lo_store_add_assessment (store, client, a, &error));
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_true (lo_store_set_target (store, client, "q1", "people", 3, &error));
  g_assert_true (lo_store_set_target (store, client, "q1", "data", 2, &error));
  g_assert_true (lo_store_set_target (store, client, "q1", "people", 5, &error));
  g_assert_true (lo_store_set_target (store, client, "q1", "process", 4, &error));
  g_assert_true (lo_store_set_target (store, client, "q1", "data", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 5);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_ASSESSMENT);

  g_assert_false (lo_store_set_target (store, client, "q1", "people", 6, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lo_store_set_target (store, client, "q7", "people", 2, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  loaded = lo_store_load_engagement (store, client, &error);
  la = loaded->assessments->pdata[0];
  g_assert_cmpuint (la->targets->len, ==, 2);
  g_assert_cmpstr (g_array_index (la->targets, LoTarget, 0).dimension, ==, "people");
  g_assert_cmpint (g_array_index (la->targets, LoTarget, 0).level, ==, 5);
  g_assert_cmpstr (g_array_index (la->targets, LoTarget, 1).dimension, ==, "process");
  g_assert_cmpint (lo_assessment_get_target (la, "data"), ==, 0);
}

static void
test_processes (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) source = make_engagement ("Source");
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoProcess) changed = NULL;
  g_autoptr(LoProcess) third = lo_process_new ("picking", "Order picking");
  const char *order[] = { "picking", "invoicing", NULL };
  const char *twice[] = { "picking", "picking", NULL };
  const char *unknown[] = { "nope", NULL };
  Changes changes = { 0 };
  gint64 client;

  client = lo_store_create_client (store, "Acme", &error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  for (guint i = 0; i < source->processes->len; i++)
    g_assert_true (lo_store_put_process (store, client, source->processes->pdata[i], &error));
  g_assert_true (lo_store_put_process (store, client, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 3);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_PROCESSES);

  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_cmpuint (loaded->processes->len, ==, 3);
  for (guint i = 0; i < source->processes->len; i++)
    {
      /* compare each process through the writer */
      g_autoptr(LoEngagement) x = lo_engagement_new ("x");
      g_autoptr(LoEngagement) y = lo_engagement_new ("x");
      g_ptr_array_add (x->processes, lo_process_ref (source->processes->pdata[i]));
      g_ptr_array_add (y->processes, lo_process_ref (loaded->processes->pdata[i]));
      assert_same_engagement (x, y);
    }
  g_clear_pointer (&loaded, lo_engagement_unref);

  /* replacing keeps the place and drops what the new version lacks */
  changed = lo_process_new ("invoicing", "Billing, renamed");
  lo_process_set (changed, LO_INPUT_BUILD_COST, 1000);
  g_assert_true (lo_store_put_process (store, client, changed, &error));
  g_assert_no_error (error);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_cmpuint (loaded->processes->len, ==, 3);
  {
    LoProcess *p = loaded->processes->pdata[0];
    g_assert_cmpstr (p->id, ==, "invoicing");
    g_assert_cmpstr (p->name, ==, "Billing, renamed");
    g_assert_false (p->has_start);
    g_assert_false (p->has_readiness);
    g_assert_false (p->has_alternative);
    g_assert_cmpuint (p->actuals->len, ==, 0);
    g_assert_false (p->inputs[LO_INPUT_VOLUME_PER_MONTH].set);
    g_assert_false (p->inputs[LO_INPUT_VOLUME_PER_MONTH].ranged);
    g_assert_cmpfloat (lo_process_get (p, LO_INPUT_BUILD_COST), ==, 1000);
  }
  g_clear_pointer (&loaded, lo_engagement_unref);

  /* order: the listed first, the rest after in their old order */
  g_assert_true (lo_store_set_process_order (store, client, order, &error));
  g_assert_no_error (error);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_cmpstr (((LoProcess *) loaded->processes->pdata[0])->id, ==, "picking");
  g_assert_cmpstr (((LoProcess *) loaded->processes->pdata[1])->id, ==, "invoicing");
  g_assert_cmpstr (((LoProcess *) loaded->processes->pdata[2])->id, ==, "inventory");
  g_clear_pointer (&loaded, lo_engagement_unref);
  g_assert_false (lo_store_set_process_order (store, client, twice, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lo_store_set_process_order (store, client, unknown, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  g_assert_true (lo_store_remove_process (store, client, "invoicing", &error));
  g_assert_no_error (error);
  g_assert_false (lo_store_remove_process (store, client, "invoicing", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lo_store_put_process (store, 9999, third, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_cmpuint (loaded->processes->len, ==, 2);
  g_assert_cmpstr (((LoProcess *) loaded->processes->pdata[0])->id, ==, "picking");
  g_assert_cmpstr (((LoProcess *) loaded->processes->pdata[1])->id, ==, "inventory");
}

static LoBank *
make_bank (const char *id,
           guint       version,
           const char *question_text)
{
  LoBank *bank = lo_bank_new (id, version);
  LoDimension *dimension;
  LoQuestion *question;

  for (int k = 1; k <= 5; k++)
    {
      g_autofree char *name = g_strdup_printf ("Level %d", k);
      lo_bank_set_level (bank, k, name, "What it looks like");
    }
  dimension = lo_bank_add_dimension (bank, "ops", "Operations", "How work gets done", NULL);
  question = lo_bank_add_question (bank, dimension, "ops.docs", question_text, 1.5, TRUE, NULL);
  for (int k = 1; k <= 5; k++)
    {
      question->options[k - 1] = g_strdup_printf ("Option %d", k);
      if (k >= 2)
        question->actions[k - 1] = g_strdup_printf ("Action %d", k);
    }
  return bank;
}

static const char *
process_id (const LoEngagement *engagement,
            guint               i)
{
  return ((LoProcess *) g_ptr_array_index (engagement->processes, i))->id;
}

/* The build order set by hand: stored with the order in one change, kept by
 * a plain reorder, carried by export → import, cleared again. */
static void
test_build_order (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(LoStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoEngagement) exported = NULL;
  g_autoptr(LoEngagement) imported = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *xml = NULL;
  const char *reversed[] = { "inventory", "invoicing", NULL };
  const char *unknown[] = { "nope", NULL };
  Changes changes = { 0 };
  gint64 client, copy;
  gsize length;

  g_assert_cmpuint (engagement->processes->len, ==, 2);
  g_assert_cmpstr (process_id (engagement, 0), ==, "invoicing");
  g_assert_cmpstr (process_id (engagement, 1), ==, "inventory");
  client = lo_store_import_engagement (store, engagement, &error);
  g_assert_no_error (error);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_false (loaded->custom_order);
  g_clear_pointer (&loaded, lo_engagement_unref);

  /* set → load: the order and the flag, with one ::changed */
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (lo_store_set_build_order (store, client, reversed, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 1);
  g_assert_cmpint (changes.client, ==, client);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_PROCESSES);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_true (loaded->custom_order);
  g_assert_cmpstr (process_id (loaded, 0), ==, "inventory");
  g_assert_cmpstr (process_id (loaded, 1), ==, "invoicing");
  g_clear_pointer (&loaded, lo_engagement_unref);

  /* a failed change leaves both as they were */
  g_assert_false (lo_store_set_build_order (store, client, unknown, FALSE, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lo_store_set_build_order (store, 9999, NULL, TRUE, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (changes.count, ==, 1);

  /* a plain reorder keeps the flag */
  g_assert_true (lo_store_set_process_order (store, client, reversed, &error));
  exported = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_true (exported->custom_order);

  /* export → import, into another database */
  xml = lo_engagement_to_xml (exported, &length);
  g_assert_nonnull (strstr (xml, " build-order=\"custom\""));
  bytes = g_bytes_new (xml, length);
  g_clear_pointer (&exported, lo_engagement_unref);
  exported = lo_engagement_read_bytes (bytes, "export.lightsout", NULL, &error);
  g_assert_no_error (error);
  other = open_new (NULL);
  copy = lo_store_import_engagement (other, exported, &error);
  g_assert_no_error (error);
  imported = lo_store_load_engagement (other, copy, &error);
  g_assert_no_error (error);
  g_assert_true (imported->custom_order);
  g_assert_cmpstr (process_id (imported, 0), ==, "inventory");
  assert_same_engagement (exported, imported);

  /* reset: cleared, the order left as it is (NULL) */
  g_assert_true (lo_store_set_build_order (store, client, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.count, ==, 3);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_false (loaded->custom_order);
  g_assert_cmpstr (process_id (loaded, 0), ==, "inventory");
}

static void
test_banks (void)
{
  g_autoptr(LoStore) store = open_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) v1 = make_bank ("custom", 1, "Are the workflows written down?");
  g_autoptr(LoBank) v1_changed = make_bank ("custom", 1, "Changed text");
  g_autoptr(LoBank) v2 = make_bank ("custom", 2, "Are workflows documented?");
  g_autoptr(LoBank) got = NULL;
  g_autoptr(LoAssessment) a = lo_assessment_new ("q1", "2026-03-01", "custom");
  g_autoptr(LoAssessment) b = lo_assessment_new ("q2", "2026-04-01", "custom");
  g_autoptr(LoAssessment) shipped = lo_assessment_new ("q3", "2026-05-01", "lightsout-default");
  g_autoptr(LoAssessment) unknown = lo_assessment_new ("q4", "2026-05-01", "nowhere");
  g_autofree char *x1 = NULL;
  g_autofree char *x2 = NULL;
  gint64 client;

  client = lo_store_create_client (store, "Acme", &error);

  /* an assessment on a bank not known yet … */
  g_assert_true (lo_store_add_assessment (store, client, a, &error));
  g_assert_no_error (error);

  g_assert_true (lo_store_put_bank (store, v1, &error));
  g_assert_no_error (error);
  g_assert_true (lo_store_put_bank (store, v1, &error)); /* the same again: fine */
  g_assert_no_error (error);
  g_assert_false (lo_store_put_bank (store, v1_changed, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "custom"));
  g_clear_error (&error);

  got = lo_store_get_bank (store, "custom", 1, &error);
  g_assert_no_error (error);
  x1 = lo_bank_to_xml (v1, NULL);
  x2 = lo_bank_to_xml (got, NULL);
  g_assert_cmpstr (x1, ==, x2);
  g_clear_pointer (&got, lo_bank_unref);

  /* … takes the first copy kept; a later one the edition it names */
  b->bank_edition = 2;
  g_assert_true (lo_store_put_bank (store, v2, &error));
  g_assert_true (lo_store_add_assessment (store, client, b, &error));
  g_assert_no_error (error);
  got = lo_store_get_bank (store, "custom", 0, &error);
  g_assert_cmpuint (got->version, ==, 2);
  g_clear_pointer (&got, lo_bank_unref);
  got = lo_store_get_assessment_bank (store, client, "q1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->version, ==, 1);
  g_assert_cmpstr (lo_bank_lookup_question (got, "ops.docs")->text, ==, "Are the workflows written down?");
  g_clear_pointer (&got, lo_bank_unref);
  got = lo_store_get_assessment_bank (store, client, "q2", &error);
  g_assert_cmpuint (got->version, ==, 2);
  g_clear_pointer (&got, lo_bank_unref);

  /* a shipped bank is kept when an assessment uses it */
  g_assert_true (lo_store_add_assessment (store, client, shipped, &error));
  g_assert_no_error (error);
  got = lo_store_get_bank (store, "lightsout-default", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->id, ==, "lightsout-default");
  g_clear_pointer (&got, lo_bank_unref);
  got = lo_store_get_assessment_bank (store, client, "q3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->id, ==, "lightsout-default");
  g_clear_pointer (&got, lo_bank_unref);

  g_assert_true (lo_store_add_assessment (store, client, unknown, &error));
  g_assert_null (lo_store_get_assessment_bank (store, client, "q4", &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);
  g_assert_null (lo_store_get_bank (store, "custom", 7, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (lo_store_get_bank (store, "nowhere", 0, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
}

static void
test_persist (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) loaded = NULL;
  LoStore *store = open_new (&path);
  gint64 client;

  client = lo_store_import_engagement (store, engagement, &error);
  g_assert_true (lo_store_set_answer (store, client, "follow-up", "ana", "data.copies", 2, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  loaded = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  lo_respondent_set_answer (((LoAssessment *) engagement->assessments->pdata[1])->respondents->pdata[0],
                            "data.copies", 2);
  assert_same_engagement (engagement, loaded);
  g_object_unref (store);
}

static void
test_read_only (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = make_engagement ("Harbor Logistics");
  g_autoptr(LoEngagement) loaded = NULL;
  g_autoptr(LoStore) writer = open_new (&path);
  g_autoptr(LoStore) reader = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *missing = NULL;
  gint64 client;

  client = lo_store_import_engagement (writer, engagement, &error);
  g_assert_no_error (error);

  /* a reader works while the writer has the database open */
  reader = lo_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_is_read_only (reader));
  list = lo_store_list_clients (reader, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  loaded = lo_store_load_engagement (reader, client, &error);
  g_assert_no_error (error);
  assert_same_engagement (engagement, loaded);

  /* it sees later commits */
  g_assert_true (lo_store_rename_client (writer, client, "Harbor", &error));
  g_assert_cmpint (lo_store_find_client (reader, "Harbor", &error), ==, client);

  g_assert_cmpint (lo_store_create_client (reader, "Nope", &error), ==, 0);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_false (lo_store_set_answer (reader, client, "baseline", "ana", "data.copies", 3, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  missing = g_strconcat (path, ".missing", NULL);
  g_assert_null (lo_store_open_read_only (missing, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/lo/store/open/creates", test_open_creates);
  g_test_add_func ("/lo/store/open/default-path", test_default_path);
  g_test_add_func ("/lo/store/open/read-only", test_read_only);
  g_test_add_func ("/lo/store/open/persist", test_persist);
  g_test_add_func ("/lo/store/clients/create-rename", test_clients);
  g_test_add_func ("/lo/store/clients/search", test_search);
  g_test_add_func ("/lo/store/clients/delete-undo", test_delete_undo);
  g_test_add_func ("/lo/store/clients/purge", test_purge);
  g_test_add_func ("/lo/store/engagement/round-trip", test_round_trip);
  g_test_add_func ("/lo/store/engagement/import-atomic", test_import_atomic);
  g_test_add_func ("/lo/store/engagement/import-async", test_import_async);
  g_test_add_func ("/lo/store/engagement/settings", test_settings);
  g_test_add_func ("/lo/store/assessment/add-remove", test_assessments);
  g_test_add_func ("/lo/store/assessment/respondents-answers", test_respondents_answers);
  g_test_add_func ("/lo/store/assessment/targets", test_targets);
  g_test_add_func ("/lo/store/processes", test_processes);
  g_test_add_func ("/lo/store/processes/build-order", test_build_order);
  g_test_add_func ("/lo/store/banks", test_banks);

  return g_test_run ();
}
