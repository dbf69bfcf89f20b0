/* lo-store-load.c: a client's whole engagement, read in one snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-store-private.h"

static gboolean
add_answer (LoStore  *self,
            LoStmt   *stmt,
            gpointer  respondent,
            GError  **error)
{
  LoAnswer answer = { lo_stmt_text (stmt, 0), sqlite3_column_int (stmt, 1), lo_stmt_text (stmt, 2) };

  g_array_append_val (((LoRespondent *) respondent)->answers, answer);
  return TRUE;
}

static gboolean
add_agreed (LoStore  *self,
            LoStmt   *stmt,
            gpointer  assessment,
            GError  **error)
{
  LoAgreed agreed = { lo_stmt_text (stmt, 0), sqlite3_column_int (stmt, 1), lo_stmt_text (stmt, 2) };

  g_array_append_val (((LoAssessment *) assessment)->agreed, agreed);
  return TRUE;
}

static gboolean
add_target (LoStore  *self,
            LoStmt   *stmt,
            gpointer  assessment,
            GError  **error)
{
  LoTarget target = { lo_stmt_text (stmt, 0), sqlite3_column_int (stmt, 1) };

  g_array_append_val (((LoAssessment *) assessment)->targets, target);
  return TRUE;
}

/* A respondent (id, sid, name, role) and its answers. */
static gboolean
add_respondent (LoStore  *self,
                LoStmt   *stmt,
                gpointer  assessment,
                GError  **error)
{
  LoRespondent *respondent;

  respondent = lo_assessment_add_respondent (assessment,
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             (const char *) sqlite3_column_text (stmt, 3));
  return lo_store_each_row (self, error, add_answer, respondent,
                            "SELECT question, value, note FROM answer WHERE respondent = ?1 ORDER BY position",
                            "x", sqlite3_column_int64 (stmt, 0));
}

/* An assessment (id, sid, date, bank), its respondents and targets. */
static gboolean
add_assessment (LoStore  *self,
                LoStmt   *stmt,
                gpointer  data,
                GError  **error)
{
  LoEngagement *engagement = data;
  gint64 row = sqlite3_column_int64 (stmt, 0);
  LoAssessment *assessment = lo_assessment_new ((const char *) sqlite3_column_text (stmt, 1),
                                                (const char *) sqlite3_column_text (stmt, 2),
                                                (const char *) sqlite3_column_text (stmt, 3));

  assessment->bank_edition = (guint) MAX (sqlite3_column_int64 (stmt, 4), 1);
  g_ptr_array_add (engagement->assessments, assessment);
  return lo_store_each_row (self, error, add_respondent, assessment,
                            "SELECT id, sid, name, role FROM respondent WHERE assessment = ?1 ORDER BY position",
                            "x", row) &&
         lo_store_each_row (self, error, add_agreed, assessment,
                            "SELECT question, value, note FROM agreed WHERE assessment = ?1 ORDER BY position",
                            "x", row) &&
         lo_store_each_row (self, error, add_target, assessment,
                            "SELECT dimension, level FROM target WHERE assessment = ?1 ORDER BY position",
                            "x", row);
}

/* An input (input, is_set, value, low, high) of a process. */
static gboolean
set_input (LoStore  *self,
           LoStmt   *stmt,
           gpointer  process,
           GError  **error)
{
  LoInputId id;
  LoInput *input;

  /* an input this version does not know cannot be in its own schema */
  if (!lo_input_from_name ((const char *) sqlite3_column_text (stmt, 0), &id))
    return TRUE;
  input = &((LoProcess *) process)->inputs[id];
  input->set = sqlite3_column_int (stmt, 1) != 0;
  input->value = sqlite3_column_double (stmt, 2);
  input->ranged = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  if (input->ranged)
    {
      input->low = lo_stmt_double (stmt, 3);
      input->high = lo_stmt_double (stmt, 4);
    }
  return TRUE;
}

static gboolean
add_actual (LoStore  *self,
            LoStmt   *stmt,
            gpointer  process,
            GError  **error)
{
  LoActual actual = {
    sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
    lo_stmt_double (stmt, 2), lo_stmt_double (stmt, 3),
    lo_stmt_double (stmt, 4), lo_stmt_double (stmt, 5),
  };

  g_array_append_val (((LoProcess *) process)->actuals, actual);
  return TRUE;
}

/* The engagement of the client's own row, without assessments and
 * processes; NULL with an error when there is no such live client. */
static LoEngagement *
load_client (LoStore *self,
             gint64   client,
             GError **error)
{
  g_autoptr(LoStmt) stmt = NULL;
  LoEngagement *engagement;
  gboolean row;

  stmt = lo_stmt_prepare (self,
                          "SELECT name, industry, horizon_months, discount_rate, currency, hours_per_week,"
                          " realisation_rate, custom_order, parallel_builds FROM client"
                          " WHERE id = ?1 AND deleted_at IS NULL",
                          error);
  if (stmt == NULL)
    return NULL;
  lo_stmt_bind (stmt, "x", client);
  if (!lo_stmt_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      lo_store_check_client (self, client, error);
      return NULL;
    }
  engagement = lo_engagement_new ((const char *) sqlite3_column_text (stmt, 0));
  engagement->client_industry = lo_stmt_text (stmt, 1);
  engagement->settings.horizon_months = sqlite3_column_int (stmt, 2);
  engagement->settings.discount_rate = sqlite3_column_double (stmt, 3);
  g_free (engagement->settings.currency);
  engagement->settings.currency = lo_stmt_text (stmt, 4);
  engagement->settings.hours_per_week = sqlite3_column_double (stmt, 5);
  engagement->settings.realisation_rate = sqlite3_column_double (stmt, 6);
  engagement->custom_order = sqlite3_column_int (stmt, 7) != 0;
  engagement->settings.parallel_builds = sqlite3_column_int (stmt, 8);
  return engagement;
}

/* The weeks set for a step (level, weeks). Out of range they are kept as
 * read, so that the analysis shows them as invalid (SPEC §2c). */
static gboolean
set_step_weeks (LoStore  *self,
                LoStmt   *stmt,
                gpointer  engagement,
                GError  **error)
{
  ((LoEngagement *) engagement)->step_weeks[CLAMP (sqlite3_column_int (stmt, 0), 1, 5)] =
    sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* The process in @stmt's row: id, sid, LO_STORE_PROCESS_COLUMNS, include. */
static LoProcess *
process_from_row (LoStmt *stmt)
{
  LoProcess *process = lo_process_new ((const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 2));

  process->has_start = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  if (process->has_start)
    {
      process->start_year = sqlite3_column_int (stmt, 3);
      process->start_month = sqlite3_column_int (stmt, 4);
    }
  process->has_readiness = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  if (process->has_readiness)
    {
      process->clarity = sqlite3_column_int (stmt, 5);
      process->access = sqlite3_column_int (stmt, 6);
      process->scope = sqlite3_column_int (stmt, 7);
    }
  process->has_alternative = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  if (process->has_alternative)
    {
      process->alt_build_cost = lo_stmt_double (stmt, 8);
      process->alt_build_weeks = lo_stmt_double (stmt, 9);
    }
  /* the schema allows only the three words */
  lo_include_from_string ((const char *) sqlite3_column_text (stmt, 10), &process->include);
  return process;
}

/* A process (id, sid, name, …), its inputs and actuals. */
static gboolean
add_process (LoStore  *self,
             LoStmt   *stmt,
             gpointer  data,
             GError  **error)
{
  LoEngagement *engagement = data;
  gint64 row = sqlite3_column_int64 (stmt, 0);
  LoProcess *process = process_from_row (stmt);

  g_ptr_array_add (engagement->processes, process);
  return lo_store_each_row (self, error, set_input, process,
                            "SELECT input, is_set, value, low, high FROM process_input"
                            " WHERE process = ?1 ORDER BY position", "x", row) &&
         lo_store_each_row (self, error, add_actual, process,
                            "SELECT year, month, items, hours, errors, run_cost FROM actual"
                            " WHERE process = ?1 ORDER BY position", "x", row);
}

static LoEngagement *
load_engagement (LoStore *self,
                 gint64   client,
                 GError **error)
{
  g_autoptr(LoEngagement) engagement = load_client (self, client, error);

  if (engagement == NULL ||
      !lo_store_read_commentary (self, client, engagement, error) ||
      !lo_store_each_row (self, error, add_assessment, engagement,
                          "SELECT id, sid, date, bank, bank_edition FROM assessment WHERE client = ?1 ORDER BY position",
                          "x", client) ||
      !lo_store_each_row (self, error, add_process, engagement,
                          "SELECT id, sid, " LO_STORE_PROCESS_COLUMNS ", include"
                          " FROM process WHERE client = ?1 ORDER BY position", "x", client) ||
      !lo_store_each_row (self, error, set_step_weeks, engagement,
                          "SELECT level, weeks FROM step_weeks WHERE client = ?1", "x", client))
    return NULL;
  return g_steal_pointer (&engagement);
}

LoEngagement *
lo_store_load_engagement (LoStore  *self,
                          gint64    client,
                          GError  **error)
{
  LoEngagement *engagement;

  g_return_val_if_fail (LO_IS_STORE (self), NULL);

  /* one read transaction: a consistent snapshot */
  if (!lo_store_begin_read (self, error))
    return NULL;
  engagement = load_engagement (self, client, error);
  lo_store_exec (self, NULL, "COMMIT", "");
  lo_store_rollback (self);
  return engagement;
}
