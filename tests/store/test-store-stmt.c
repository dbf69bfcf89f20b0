/* test-store-stmt.c: the store as an object (properties, the ::changed
 * enum) and its statement and transaction helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "store-test-util.h"

static LoStore *
open_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  LoStore *store = lo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
test_properties (void)
{
  g_autoptr(LoStore) store = open_new ();
  g_autoptr(LoStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean read_only = TRUE;
  GParamSpec *pspec;

  g_object_get (store, "path", &path, "read-only", &read_only, NULL);
  g_assert_cmpstr (path, ==, lo_store_get_path (store));
  g_assert_false (read_only);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (store), "path");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (store), "read-only");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

  g_clear_object (&store);
  reader = lo_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_object_get (reader, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_true (lo_store_is_read_only (reader));
}

typedef struct
{
  guint         count;
  gint64        client;
  LoStoreChange what;
} Changes;

static void
changed_cb (LoStore       *store,
            gint64         client,
            LoStoreChange  what,
            Changes       *changes)
{
  changes->count++;
  changes->client = client;
  changes->what = what;
}

static void
test_changed_enum (void)
{
  g_autoptr(LoStore) store = open_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GEnumClass) klass = NULL;
  Changes changes = { 0 };
  GSignalQuery query;
  LoSettings settings;
  gint64 client;

  g_assert_true (G_TYPE_IS_ENUM (LO_TYPE_STORE_CHANGE));
  klass = g_type_class_ref (LO_TYPE_STORE_CHANGE);
  g_assert_cmpuint (klass->n_values, ==, 4);
  g_assert_cmpstr (g_enum_get_value (klass, LO_STORE_CHANGE_CLIENTS)->value_nick, ==, "clients");
  g_assert_cmpstr (g_enum_get_value (klass, LO_STORE_CHANGE_ASSESSMENT)->value_nick, ==, "assessment");
  g_assert_cmpstr (g_enum_get_value (klass, LO_STORE_CHANGE_PROCESSES)->value_nick, ==, "processes");
  g_assert_cmpstr (g_enum_get_value (klass, LO_STORE_CHANGE_SETTINGS)->value_nick, ==, "settings");

  g_signal_query (g_signal_lookup ("changed", LO_TYPE_STORE), &query);
  g_assert_cmpuint (query.n_params, ==, 2);
  g_assert_true (query.param_types[0] == G_TYPE_INT64);
  g_assert_true (query.param_types[1] == LO_TYPE_STORE_CHANGE);

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);
  client = lo_store_create_client (store, "Acme", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_CLIENTS);

  lo_settings_init_defaults (&settings);
  settings.horizon_months = 24;
  g_assert_true (lo_store_set_settings (store, client, &settings, &error));
  lo_settings_clear (&settings);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpint (changes.client, ==, client);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_SETTINGS);
}

/* The types of one row of table t as a string: 'x' integer, 'd' real,
 * 's' text, '-' NULL. */
static gboolean
row_types_cb (LoStore  *self,
              LoStmt   *stmt,
              gpointer  data,
              GError  **error)
{
  GString *types = data;

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    switch (sqlite3_column_type (stmt, i))
      {
      case SQLITE_INTEGER: g_string_append_c (types, 'x'); break;
      case SQLITE_FLOAT:   g_string_append_c (types, 'd'); break;
      case SQLITE_TEXT:    g_string_append_c (types, 's'); break;
      case SQLITE_NULL:    g_string_append_c (types, '-'); break;
      default:             g_string_append_c (types, '?'); break;
      }
  g_string_append_c (types, ';');
  return TRUE;
}

static gboolean
stop_cb (LoStore  *self,
         LoStmt   *stmt,
         gpointer  data,
         GError  **error)
{
  (*(guint *) data)++;
  g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, "stop");
  return FALSE;
}

static void
test_bind_types (void)
{
  g_autoptr(LoStore) store = open_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) types = g_string_new (NULL);
  gint64 value = -1;
  guint calls = 0;

  g_assert_true (lo_store_exec (store, &error, "CREATE TEMP TABLE t (n INTEGER, a ANY, b ANY, c ANY, d ANY)", ""));
  g_assert_no_error (error);

  /* 2^40 needs 64 bits; 7 an int; text; a double */
  g_assert_true (lo_store_exec (store, &error, "INSERT INTO t VALUES (1, ?1, ?2, ?3, ?4)", "xisd",
                                G_GINT64_CONSTANT (1) << 40, 7, "seven", 2.5));
  /* NULL text, NAN and a skipped parameter are NULL */
  g_assert_true (lo_store_exec (store, &error, "INSERT INTO t VALUES (2, ?1, ?2, ?3, ?4)", "s-dx",
                                NULL, NAN, G_GINT64_CONSTANT (3)));
  g_assert_no_error (error);

  g_assert_true (lo_store_query_int (store, &value, &error, "SELECT a FROM t WHERE n = ?1", "x",
                                     G_GINT64_CONSTANT (1)));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (1099511627776));
  g_assert_true (lo_store_query_int (store, &value, &error, "SELECT b * 6 FROM t WHERE n = ?1 AND c = ?2", "xs",
                                     G_GINT64_CONSTANT (1), "seven"));
  g_assert_cmpint (value, ==, 42);
  g_assert_true (lo_store_query_int (store, &value, &error, "SELECT d * 4 FROM t WHERE n = 1", ""));
  g_assert_cmpint (value, ==, 10);
  /* no row, and a NULL, give 0 */
  g_assert_true (lo_store_query_int (store, &value, &error, "SELECT a FROM t WHERE n = 99", ""));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (lo_store_query_int (store, &value, &error, "SELECT a FROM t WHERE n = 2", ""));
  g_assert_cmpint (value, ==, 0);
  g_assert_no_error (error);

  g_assert_true (lo_store_each_row (store, &error, row_types_cb, types,
                                    "SELECT a, b, c, d FROM t ORDER BY n", ""));
  g_assert_no_error (error);
  g_assert_cmpstr (types->str, ==, "xxsd;---x;");

  /* a callback's failure stops the walk and is the answer */
  g_assert_false (lo_store_each_row (store, &error, stop_cb, &calls, "SELECT n FROM t", ""));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_assert_cmpuint (calls, ==, 1);
  g_clear_error (&error);

  /* the kept statement was released: it runs again from the start */
  g_string_truncate (types, 0);
  g_assert_true (lo_store_each_row (store, &error, row_types_cb, types,
                                    "SELECT a, b, c, d FROM t ORDER BY n", ""));
  g_assert_cmpstr (types->str, ==, "xxsd;---x;");

  /* SQL errors come back as the store's errors */
  g_assert_false (lo_store_exec (store, &error, "INSERT INTO nowhere VALUES (1)", ""));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED);
}

static void
test_transactions (void)
{
  g_autoptr(LoStore) store = open_new ();
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };
  gint64 client, before, count;

  client = lo_store_create_client (store, "Acme", &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_exec (store, &error, "UPDATE client SET modified = 1000 WHERE id = ?1", "x", client));
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  /* a change that fails is rolled back and told to nobody */
  g_assert_true (lo_store_begin (store, &error));
  g_assert_true (lo_store_exec (store, &error, "UPDATE client SET name = 'Renamed' WHERE id = ?1", "x", client));
  g_assert_false (lo_store_end (store, FALSE, client, LO_STORE_CHANGE_ASSESSMENT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_true (lo_store_query_int (store, &count, &error,
                                     "SELECT count(*) FROM client WHERE name = 'Acme' AND modified = 1000", ""));
  g_assert_cmpint (count, ==, 1);

  /* a client row change keeps its modified time */
  g_assert_true (lo_store_begin (store, &error));
  g_assert_true (lo_store_end (store, TRUE, client, LO_STORE_CHANGE_CLIENTS, &error));
  g_assert_true (lo_store_query_int (store, &before, &error, "SELECT modified FROM client WHERE id = ?1", "x", client));
  g_assert_cmpint (before, ==, 1000);
  g_assert_cmpuint (changes.count, ==, 1);

  /* a change to what the client holds marks it modified now */
  g_assert_true (lo_store_begin (store, &error));
  g_assert_true (lo_store_end (store, TRUE, client, LO_STORE_CHANGE_PROCESSES, &error));
  g_assert_no_error (error);
  g_assert_true (lo_store_query_int (store, &before, &error, "SELECT modified FROM client WHERE id = ?1", "x", client));
  g_assert_cmpint (before, >, 1000);
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpint (changes.client, ==, client);
  g_assert_cmpint (changes.what, ==, LO_STORE_CHANGE_PROCESSES);
}

int
main (int    argc,
      char **argv)
{
  test_init (&argc, &argv);

  g_test_add_func ("/lo/store/object/properties", test_properties);
  g_test_add_func ("/lo/store/object/changed-enum", test_changed_enum);
  g_test_add_func ("/lo/store/stmt/bind-types", test_bind_types);
  g_test_add_func ("/lo/store/stmt/transactions", test_transactions);

  return g_test_run ();
}
