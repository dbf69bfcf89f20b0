/* lo-store-load.c: a client's whole engagement, read in one snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-store-private.h"

static gboolean
load_answers (LoStore      *self,
              gint64        row,
              LoRespondent *respondent,
              GError      **error)
{
  g_autoptr(LoStmt) stmt = lo_store_query (self, error,
    "SELECT question, value FROM answer WHERE respondent = ?1 ORDER BY position", "x", row);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = lo_stmt_step (self, stmt, &has_row, error)) && has_row)
    {
      LoAnswer answer = { lo_stmt_text (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_array_append_val (respondent->answers, answer);
    }
  return ok;
}

static gboolean
load_targets (LoStore      *self,
              gint64        row,
              LoAssessment *assessment,
              GError      **error)
{
  g_autoptr(LoStmt) stmt = lo_store_query (self, error,
    "SELECT dimension, level FROM target WHERE assessment = ?1 ORDER BY position", "x", row);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = lo_stmt_step (self, stmt, &has_row, error)) && has_row)
    {
      LoTarget target = { lo_stmt_text (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_array_append_val (assessment->targets, target);
    }
  return ok;
}

/* Respondents (with their answers) and targets of assessment @row. */
static gboolean
load_assessment_rows (LoStore      *self,
                      gint64        row,
                      LoAssessment *assessment,
                      GError      **error)
{
  g_autoptr(LoStmt) stmt = lo_store_query (self, error,
    "SELECT id, sid, name, role FROM respondent WHERE assessment = ?1 ORDER BY position", "x", row);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = lo_stmt_step (self, stmt, &has_row, error)) && has_row)
    {
      LoRespondent *respondent;

      respondent = lo_assessment_add_respondent (assessment,
                                                 (const char *) sqlite3_column_text (stmt, 1),
                                                 (const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3));
      if (!load_answers (self, sqlite3_column_int64 (stmt, 0), respondent, error))
        return FALSE;
    }
  return ok && load_targets (self, row, assessment, error);
}

static gboolean
load_inputs (LoStore   *self,
             gint64     row,
             LoProcess *process,
             GError   **error)
{
  g_autoptr(LoStmt) stmt = lo_store_query (self, error,
    "SELECT input, is_set, value, low, high FROM process_input WHERE process = ?1 ORDER BY position",
    "x", row);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = lo_stmt_step (self, stmt, &has_row, error)) && has_row)
    {
      LoInputId id;
      LoInput *input;

      /* an input this version does not know cannot be in its own schema */
      if (!lo_input_from_name ((const char *) sqlite3_column_text (stmt, 0), &id))
        continue;
      input = &process->inputs[id];
      input->set = sqlite3_column_int (stmt, 1) != 0;
      input->value = sqlite3_column_double (stmt, 2);
      input->ranged = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      if (input->ranged)
        {
          input->low = lo_stmt_double (stmt, 3);
          input->high = lo_stmt_double (stmt, 4);
        }
    }
  return ok;
}

static gboolean
load_actuals (LoStore   *self,
              gint64     row,
              LoProcess *process,
              GError   **error)
{
  g_autoptr(LoStmt) stmt = lo_store_query (self, error,
    "SELECT year, month, items, hours, errors, run_cost FROM actual WHERE process = ?1 ORDER BY position",
    "x", row);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = lo_stmt_step (self, stmt, &has_row, error)) && has_row)
    {
      LoActual actual = {
        sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
        lo_stmt_double (stmt, 2), lo_stmt_double (stmt, 3),
        lo_stmt_double (stmt, 4), lo_stmt_double (stmt, 5),
      };
      g_array_append_val (process->actuals, actual);
    }
  return ok;
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

  stmt = lo_store_query (self, error,
                         "SELECT name, industry, horizon_months, discount_rate, currency, hours_per_week,"
                         " realisation_rate, custom_order FROM client WHERE id = ?1 AND deleted_at IS NULL",
                         "x", client);
  if (stmt == NULL || !lo_stmt_step (self, stmt, &row, error))
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
  return engagement;
}

static gboolean
load_assessments (LoStore      *self,
                  gint64        client,
                  LoEngagement *engagement,
                  GError      **error)
{
  g_autoptr(LoStmt) stmt = lo_store_query (self, error,
    "SELECT id, sid, date, bank FROM assessment WHERE client = ?1 ORDER BY position", "x", client);
  gboolean row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = lo_stmt_step (self, stmt, &row, error)) && row)
    {
      LoAssessment *assessment = lo_assessment_new ((const char *) sqlite3_column_text (stmt, 1),
                                                    (const char *) sqlite3_column_text (stmt, 2),
                                                    (const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (engagement->assessments, assessment);
      if (!load_assessment_rows (self, sqlite3_column_int64 (stmt, 0), assessment, error))
        return FALSE;
    }
  return ok;
}

/* The process in @stmt's row (sid, name and the columns that follow). */
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
  return process;
}

static gboolean
load_processes (LoStore      *self,
                gint64        client,
                LoEngagement *engagement,
                GError      **error)
{
  g_autoptr(LoStmt) stmt = lo_store_query (self, error,
    "SELECT id, sid, name, start_year, start_month, clarity, access, scope,"
    " alt_build_cost, alt_build_weeks FROM process WHERE client = ?1 ORDER BY position", "x", client);
  gboolean row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = lo_stmt_step (self, stmt, &row, error)) && row)
    {
      LoProcess *process = process_from_row (stmt);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (engagement->processes, process);
      if (!load_inputs (self, id, process, error) || !load_actuals (self, id, process, error))
        return FALSE;
    }
  return ok;
}

static LoEngagement *
load_engagement (LoStore *self,
                 gint64   client,
                 GError **error)
{
  g_autoptr(LoEngagement) engagement = load_client (self, client, error);

  if (engagement == NULL ||
      !load_assessments (self, client, engagement, error) ||
      !load_processes (self, client, engagement, error))
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
