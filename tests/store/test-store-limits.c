/* test-store-limits.c: SPEC §2c at every write of the store, and rows written
 * before a limit existed
 *
 * Names and ids: at most 200 characters, valid UTF-8, no control characters;
 * notes: at most 20,000 characters. Each limit is tried at its bound
 * (accepted) and just past it (refused, naming the input and the bound).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "store-test-util.h"

/* @n characters, each "é" (two bytes), so that characters, not bytes, count. */
static char *
chars (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, "é");
  return g_string_free (s, FALSE);
}

/* @ok is FALSE with LO_STORE_ERROR_INVALID naming @input and @bound. */
static void
assert_refused (gboolean    ok,
                GError    **error,
                const char *input,
                const char *bound)
{
  g_assert_false (ok);
  g_assert_error (*error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr ((*error)->message, input));
  if (bound != NULL)
    g_assert_nonnull (strstr ((*error)->message, bound));
  g_clear_error (error);
}

typedef struct
{
  char    *path;
  LoStore *store;
  gint64   client;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoAssessment) a = lo_assessment_new ("a1", "2026-03-02", "lightsout-default");

  lo_assessment_add_respondent (a, "ana", "Ana", "Lead");
  f->path = test_db_path ();
  f->store = lo_store_open (f->path, &error);
  g_assert_no_error (error);
  f->client = lo_store_create_client (f->store, "Acme", &error);
  g_assert_no_error (error);
  g_assert_true (lo_store_add_assessment (f->store, f->client, a, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->path);
}

static void
test_client_name (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = chars (200);
  g_autofree char *past = chars (201);
  g_autofree char *renamed = chars (199);
  gint64 other;

  other = lo_store_create_client (f->store, at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);
  assert_refused (lo_store_create_client (f->store, past, &error) != 0, &error, "name", "200");
  assert_refused (lo_store_create_client (f->store, "two\nrows", &error) != 0, &error, "name", "U+000A");
  assert_refused (lo_store_create_client (f->store, "tab\there", &error) != 0, &error, "name", "U+0009");
  assert_refused (lo_store_create_client (f->store, "bad \xff utf-8", &error) != 0, &error, "name", "UTF-8");

  g_assert_true (lo_store_rename_client (f->store, other, renamed, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_rename_client (f->store, other, past, &error), &error, "name", "200");
  assert_refused (lo_store_rename_client (f->store, other, "a\rb", &error), &error, "name", "U+000D");

  g_assert_true (lo_store_set_industry (f->store, f->client, at, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_set_industry (f->store, f->client, past, &error), &error, "industry", "200");
  assert_refused (lo_store_set_industry (f->store, f->client, "x\x01y", &error), &error, "industry", "U+0001");

  {
    g_autoptr(LoEngagement) e = lo_store_load_engagement (f->store, other, &error);

    /* the refused rename left the last good name */
    g_assert_no_error (error);
    g_assert_cmpstr (e->client_name, ==, renamed);
  }
}

static void
test_respondent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = chars (200);
  g_autofree char *past = chars (201);

  g_assert_true (lo_store_add_respondent (f->store, f->client, "a1", at, at, at, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_add_respondent (f->store, f->client, "a1", past, "B", NULL, &error),
                  &error, "id", "200");
  assert_refused (lo_store_add_respondent (f->store, f->client, "a1", "ben", past, NULL, &error),
                  &error, "name", "200");
  assert_refused (lo_store_add_respondent (f->store, f->client, "a1", "ben", "Ben", past, &error),
                  &error, "role", "200");
  assert_refused (lo_store_add_respondent (f->store, f->client, "a1", "ben", "B\nen", NULL, &error),
                  &error, "name", "U+000A");

  g_assert_true (lo_store_rename_respondent (f->store, f->client, "a1", "ana", at, at, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_rename_respondent (f->store, f->client, "a1", "ana", past, NULL, &error),
                  &error, "name", "200");
  assert_refused (lo_store_rename_respondent (f->store, f->client, "a1", "ana", "Ana", past, &error),
                  &error, "role", "200");
}

static void
test_assessment_id (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = chars (200);
  g_autofree char *past = chars (201);
  g_autoptr(LoAssessment) good = lo_assessment_new (at, "2026-04-01", "lightsout-default");
  g_autoptr(LoAssessment) bad = lo_assessment_new (past, "2026-04-01", "lightsout-default");
  g_autoptr(LoAssessment) bad_role = lo_assessment_new ("a2", "2026-04-01", "lightsout-default");

  lo_assessment_add_respondent (bad_role, "ana", "Ana", past);
  g_assert_true (lo_store_add_assessment (f->store, f->client, good, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_add_assessment (f->store, f->client, bad, &error), &error, "id", "200");
  assert_refused (lo_store_add_assessment (f->store, f->client, bad_role, &error), &error, "role", "200");
}

static void
test_process (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = chars (200);
  g_autofree char *past = chars (201);
  g_autoptr(LoProcess) good = lo_process_new (at, at);
  g_autoptr(LoProcess) long_id = lo_process_new (past, "Billing");
  g_autoptr(LoProcess) long_name = lo_process_new ("billing", past);
  g_autoptr(LoProcess) control = lo_process_new ("billing", "Bill\x1bing");

  g_assert_true (lo_store_put_process (f->store, f->client, good, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_put_process (f->store, f->client, long_id, &error), &error, "id", "200");
  assert_refused (lo_store_put_process (f->store, f->client, long_name, &error), &error, "name", "200");
  assert_refused (lo_store_put_process (f->store, f->client, control, &error), &error, "name", "U+001B");
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = chars (20000);
  g_autofree char *past = chars (20001);
  const char *q = "process.documentation";

  g_assert_true (lo_store_set_note (f->store, f->client, "a1", "ana", q, at, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_set_note (f->store, f->client, "a1", "ana", q, past, &error),
                  &error, "note", "20000");
  /* line breaks and tabs belong in a note; other control characters do not */
  g_assert_true (lo_store_set_note (f->store, f->client, "a1", "ana", q, "one\n\ttwo", &error));
  g_assert_no_error (error);
  assert_refused (lo_store_set_note (f->store, f->client, "a1", "ana", q, "bell\a", &error),
                  &error, "note", "U+0007");

  g_assert_true (lo_store_set_agreed (f->store, f->client, "a1", q, 3, at, &error));
  g_assert_no_error (error);
  assert_refused (lo_store_set_agreed (f->store, f->client, "a1", q, 3, past, &error),
                  &error, "note", "20000");
}

static void
sql (const char *path,
     const char *statement)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statement, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statement, message);
  sqlite3_close (db);
}

/* A row written before the limit existed (here: written with sqlite3
 * directly) loads; the client is listed and its engagement opens. */
static void
test_old_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ();
  g_autoptr(LoEngagement) written = make_engagement ("Acme");
  g_autoptr(LoEngagement) read = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autofree char *long_name = chars (250);
  g_autofree char *statement = NULL;
  LoStore *store = lo_store_open (path, &error);
  const LoProcess *p;
  gint64 client;

  g_assert_no_error (error);
  client = lo_store_import_engagement (store, written, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  statement = g_strdup_printf ("UPDATE client SET name = '%s', industry = 'a' || char (10) || 'b';"
                               "UPDATE process SET name = '%s' WHERE sid = 'invoicing';"
                               "UPDATE process_input SET value = 1e9 WHERE input = 'build-weeks';",
                               long_name, long_name);
  sql (path, statement);

  store = lo_store_open (path, &error);
  g_assert_no_error (error);
  clients = lo_store_list_clients (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 1);
  g_assert_cmpstr (((LoClientInfo *) g_ptr_array_index (clients, 0))->name, ==, long_name);

  read = lo_store_load_engagement (store, client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->client_name, ==, long_name);
  p = lo_engagement_lookup_process (read, "invoicing");
  g_assert_nonnull (p);
  g_assert_cmpstr (p->name, ==, long_name);
  g_assert_cmpfloat (lo_process_get (p, LO_INPUT_BUILD_WEEKS), ==, 1e9);

  /* the old name can be corrected; writing it back as it was is refused */
  g_assert_true (lo_store_rename_client (store, client, "Acme", &error));
  g_assert_no_error (error);
  assert_refused (lo_store_rename_client (store, client, long_name, &error), &error, "name", "200");
  g_object_unref (store);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/store/limits/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("client-name", test_client_name);
  ADD ("respondent", test_respondent);
  ADD ("assessment-id", test_assessment_id);
  ADD ("process", test_process);
  ADD ("notes", test_notes);
#undef ADD
  g_test_add_func ("/store/limits/old-rows", test_old_rows);
  return g_test_run ();
}
