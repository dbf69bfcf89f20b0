/* test-store-migrate.c: databases of every earlier schema open and keep
 * their data
 *
 * The version-1 fixture is built here from a frozen copy of the first
 * schema (never from the shipped migration file, which would hide a change
 * to it), filled with rows as the version-1 program wrote them. Each later
 * migration adds its own fixture beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

/* Schema 1 as shipped; must never change. */
static const char schema_v1[] =
  "CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0),"
  " industry TEXT, horizon_months INTEGER NOT NULL DEFAULT 36, discount_rate REAL NOT NULL DEFAULT 0.08,"
  " currency TEXT NOT NULL DEFAULT 'USD', hours_per_week REAL NOT NULL DEFAULT 40,"
  " realisation_rate REAL NOT NULL DEFAULT 1, created INTEGER NOT NULL, modified INTEGER NOT NULL,"
  " deleted_at INTEGER) STRICT;"
  "CREATE UNIQUE INDEX client_live_name ON client (name) WHERE deleted_at IS NULL;"
  "CREATE TABLE assessment (id INTEGER PRIMARY KEY, client INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  " sid TEXT NOT NULL, position INTEGER NOT NULL, date TEXT NOT NULL, bank TEXT NOT NULL,"
  " bank_version INTEGER, UNIQUE (client, sid)) STRICT;"
  "CREATE TABLE respondent (id INTEGER PRIMARY KEY, assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  " sid TEXT NOT NULL, position INTEGER NOT NULL, name TEXT, role TEXT, UNIQUE (assessment, sid)) STRICT;"
  "CREATE TABLE answer (respondent INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,"
  " question TEXT NOT NULL, position INTEGER NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN -1 AND 5),"
  " PRIMARY KEY (respondent, question)) STRICT, WITHOUT ROWID;"
  "CREATE TABLE target (assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  " dimension TEXT NOT NULL, position INTEGER NOT NULL, level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
  " PRIMARY KEY (assessment, dimension)) STRICT, WITHOUT ROWID;"
  "CREATE TABLE process (id INTEGER PRIMARY KEY, client INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  " sid TEXT NOT NULL, position INTEGER NOT NULL, name TEXT, start_year INTEGER, start_month INTEGER,"
  " clarity INTEGER, access INTEGER, scope INTEGER, alt_build_cost REAL, alt_build_weeks REAL,"
  " UNIQUE (client, sid)) STRICT;"
  "CREATE TABLE process_input (process INTEGER NOT NULL REFERENCES process (id) ON DELETE CASCADE,"
  " input TEXT NOT NULL, position INTEGER NOT NULL, is_set INTEGER NOT NULL, value REAL NOT NULL,"
  " low REAL, high REAL, PRIMARY KEY (process, input)) STRICT, WITHOUT ROWID;"
  "CREATE TABLE actual (process INTEGER NOT NULL REFERENCES process (id) ON DELETE CASCADE,"
  " position INTEGER NOT NULL, year INTEGER NOT NULL, month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
  " items REAL, hours REAL, errors REAL, run_cost REAL, PRIMARY KEY (process, position)) STRICT, WITHOUT ROWID;"
  "CREATE TABLE bank (sid TEXT NOT NULL, version INTEGER NOT NULL, xml TEXT NOT NULL, added INTEGER NOT NULL,"
  " PRIMARY KEY (sid, version)) STRICT, WITHOUT ROWID;";

/* Rows as version 1 wrote them for one client. */
static const char data_v1[] =
  "INSERT INTO client VALUES (7, 'Harbor Logistics', 'Logistics', 48, 0.1, 'EUR', 37.5, 0.75, 1760000000, 1760000100, NULL);"
  "INSERT INTO client VALUES (8, 'Gone Ltd', NULL, 36, 0.08, 'USD', 40, 1, 1760000000, 1760000000, 1760000500);"
  "INSERT INTO assessment VALUES (1, 7, 'baseline', 0, '2026-01-15', 'lightsout-default', 1);"
  "INSERT INTO respondent VALUES (1, 1, 'ana', 0, 'Ana Ortiz', 'Operations lead');"
  "INSERT INTO respondent VALUES (2, 1, 'ben', 1, 'Ben Okafor', NULL);"
  "INSERT INTO answer VALUES (1, 'process.documentation', 0, 2);"
  "INSERT INTO answer VALUES (1, 'data.copies', 1, 0);"
  "INSERT INTO answer VALUES (1, 'automation.ai-use', 2, -1);"
  "INSERT INTO answer VALUES (2, 'data.copies', 0, 1);"
  "INSERT INTO target VALUES (1, 'data', 0, 3);"
  "INSERT INTO process VALUES (1, 7, 'invoicing', 0, '3PL billing', 2026, 12, 3, 4, 5, 135000, 39);"
  "INSERT INTO process_input VALUES (1, 'volume-per-month', 0, 1, 1200, 1000, 1500);"
  "INSERT INTO process_input VALUES (1, 'build-cost', 9, 1, 55000, NULL, NULL);"
  "INSERT INTO actual VALUES (1, 0, 2027, 3, 1180, 31.5, NULL, 900);"
  "PRAGMA application_id = 1280267604;"
  "PRAGMA user_version = 1;";

static char *
build_v1 (void)
{
  g_autofree char *path = test_db_path ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, schema_v1, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, data_v1, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_steal_pointer (&path);
}

static gint64
user_version (LoStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version;

  sqlite3_prepare_v2 (lo_store_get_db (store), "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* The schema as sqlite_schema holds it, one line per object, sorted. */
static char *
schema_of (sqlite3 *db)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name FROM sqlite_schema ORDER BY type, name", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);

  /* columns too, as SQLite understands them */
  sqlite3_prepare_v2 (db,
    "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.pk FROM sqlite_schema m"
    " JOIN pragma_table_info (m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s.%d %s %s %d %d\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_text (stmt, 3), sqlite3_column_int (stmt, 4),
                            sqlite3_column_int (stmt, 5));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_from_v1 (void)
{
  g_autofree char *path = build_v1 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *check = NULL;
  LoAssessment *a;
  LoRespondent *r;
  LoProcess *p;
  gint64 client;

  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (store), ==, lo_store_schema_version ());

  list = lo_store_list_clients (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  client = lo_store_find_client (store, "Harbor Logistics", &error);
  g_assert_cmpint (client, ==, 7);

  engagement = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (engagement->client_industry, ==, "Logistics");
  g_assert_cmpint (engagement->settings.horizon_months, ==, 48);
  g_assert_cmpstr (engagement->settings.currency, ==, "EUR");
  g_assert_cmpfloat (engagement->settings.realisation_rate, ==, 0.75);
  a = engagement->assessments->pdata[0];
  g_assert_cmpstr (a->id, ==, "baseline");
  g_assert_cmpuint (a->respondents->len, ==, 2);
  r = a->respondents->pdata[0];
  g_assert_cmpuint (r->answers->len, ==, 3);
  g_assert_cmpint (g_array_index (r->answers, LoAnswer, 1).value, ==, LO_ANSWER_DONT_KNOW);
  g_assert_cmpint (g_array_index (r->answers, LoAnswer, 2).value, ==, LO_ANSWER_NA);
  g_assert_cmpint (lo_assessment_get_target (a, "data"), ==, 3);
  p = engagement->processes->pdata[0];
  g_assert_cmpfloat (p->inputs[LO_INPUT_VOLUME_PER_MONTH].high, ==, 1500);
  g_assert_cmpfloat (lo_process_get (p, LO_INPUT_BUILD_COST), ==, 55000);
  g_assert_true (isnan (g_array_index (p->actuals, LoActual, 0).errors));
  g_assert_cmpint (p->start_month, ==, 12);
  /* schema 2: version 1 knew no build order set by hand */
  g_assert_false (engagement->custom_order);
  /* schema 5: one build lane, every step at its default, every process auto */
  g_assert_cmpint (engagement->settings.parallel_builds, ==, 1);
  for (int level = 1; level <= 5; level++)
    g_assert_cmpint (lo_engagement_get_step_weeks (engagement, level), ==, 0);
  g_assert_cmpint (p->include, ==, LO_INCLUDE_AUTO);

  /* the client deleted under version 1 long ago has been purged */
  g_assert_false (lo_store_undo_delete (store, 8, &error));
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* and it can be changed */
  g_assert_true (lo_store_set_answer (store, client, "baseline", "ben", "people.skills", 4, &error));
  g_assert_no_error (error);
  g_assert_true (lo_store_set_build_order (store, client, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&engagement, lo_engagement_unref);
  engagement = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_true (engagement->custom_order);
  g_assert_cmpstr (((LoProcess *) engagement->processes->pdata[0])->id, ==, "invoicing");

  check = NULL;
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (lo_store_get_db (store), "PRAGMA integrity_check", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  g_assert_cmpstr (check, ==, "ok");
}

/* A migrated database and a new one have the same schema. */
static void
test_same_schema (void)
{
  g_autofree char *old_path = build_v1 ();
  g_autofree char *new_path = test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) migrated = lo_store_open (old_path, &error);
  g_autoptr(LoStore) fresh = lo_store_open (new_path, &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  a = schema_of (lo_store_get_db (migrated));
  b = schema_of (lo_store_get_db (fresh));
  g_assert_cmpstr (a, ==, b);
}

/* The migrations ship as numbered files, the first one is schema 1. */
static void
test_files (void)
{
  guint n = lo_store_schema_version ();

  g_assert_cmpuint (n, >=, 1);
  for (guint v = 1; v <= n; v++)
    {
      g_autofree char *sql = lo_store_migration_sql (v);
      g_assert_nonnull (sql);
      g_assert_true (sqlite3_complete (sql));
    }
  g_assert_null (lo_store_migration_sql (0));
  g_assert_null (lo_store_migration_sql (n + 1));
}

/* A migration that fails leaves the file at its old version. */
static void
test_atomic (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  /* an empty file whose first migration cannot run: a table it creates is
   * there already (but the file is still unmarked, so it looks new) */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1280267604; PRAGMA user_version = 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (path);

  /* application_id set but version 0 is not a state we write: refused */
  store = lo_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/lo/store/migrate/from-v1", test_from_v1);
  g_test_add_func ("/lo/store/migrate/same-schema", test_same_schema);
  g_test_add_func ("/lo/store/migrate/files", test_files);
  g_test_add_func ("/lo/store/migrate/half-marked", test_atomic);

  return g_test_run ();
}
