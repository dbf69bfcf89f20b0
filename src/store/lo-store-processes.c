/* lo-store-processes.c: processes, their inputs and actuals, their order
 *
 * A process's inputs and actuals are replaced whole when it is put again;
 * its position is its place in the file and, with custom_order, the build
 * order set by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"

/* The row id of a live client's process, 0 when it has none of that id;
 * FALSE with an error when there is no such client. */
static gboolean
lookup_process (LoStore    *self,
                gint64      client,
                const char *process,
                gint64     *row,
                GError    **error)
{
  return lo_store_check_client (self, client, error) &&
         lo_store_query_int (self, row, error,
                             "SELECT id FROM process WHERE client = ?1 AND sid = ?2", "xs",
                             client, process);
}

static gboolean
insert_inputs (LoStore         *self,
               gint64           row,
               const LoProcess *process,
               GError         **error)
{
  for (guint i = 0; i < LO_N_INPUTS; i++)
    {
      const LoInput *input = &process->inputs[i];

      if (!input->set && !input->ranged)
        continue;
      if (!lo_store_exec (self, error,
                          "INSERT INTO process_input (process, input, position, is_set, value, low, high)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", "xsiiddd",
                          row, lo_input_name (i), (int) i, input->set ? 1 : 0, input->value,
                          input->ranged ? input->low : NAN, input->ranged ? input->high : NAN))
        {
          g_prefix_error (error, "%s: %s: ", process->id, lo_input_name (i));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_actuals (LoStore         *self,
                gint64           row,
                const LoProcess *process,
                GError         **error)
{
  for (guint i = 0; i < process->actuals->len; i++)
    {
      const LoActual *actual = &g_array_index (process->actuals, LoActual, i);

      if (!lo_store_exec (self, error,
                          "INSERT INTO actual (process, position, year, month, items, hours, errors, run_cost)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", "xxiidddd",
                          row, (gint64) i, actual->year, actual->month,
                          actual->items, actual->hours, actual->errors, actual->run_cost))
        {
          g_prefix_error (error, _("%s: actual %04d-%02d: "), process->id, actual->year, actual->month);
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds the process's own columns (LO_STORE_PROCESS_COLUMNS) at ?2 … ?9
 * (each '-' skips one); what the process does not have stays NULL. */
static void
bind_process_columns (LoStmt          *stmt,
                      const LoProcess *process)
{
  lo_stmt_bind_text (stmt, 2, process->name);
  if (process->has_start)
    lo_stmt_bind (stmt, "--ii", process->start_year, process->start_month);
  if (process->has_readiness)
    lo_stmt_bind (stmt, "----iii", process->clarity, process->access, process->scope);
  if (process->has_alternative)
    lo_stmt_bind (stmt, "-------dd", process->alt_build_cost, process->alt_build_weeks);
}

gboolean
lo_store_insert_process (LoStore         *self,
                         gint64           client,
                         const LoProcess *process,
                         gint64           position,
                         GError         **error)
{
  LoStmt *stmt;
  gint64 row;

  /* ?11 < 0: after the others */
  stmt = lo_stmt_prepare (self,
                          "INSERT INTO process (client, " LO_STORE_PROCESS_COLUMNS ", sid, position)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, iif (?11 < 0,"
                          " (SELECT coalesce (max (position), -1) + 1 FROM process WHERE client = ?1), ?11))",
                          error);
  if (stmt == NULL)
    return FALSE;
  bind_process_columns (stmt, process);
  lo_stmt_bind (stmt, "x--------sx", client, process->id, position);
  if (!lo_stmt_step_done (self, stmt, error))
    {
      if (error != NULL && g_error_matches (*error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
        {
          g_autofree char *label = lo_store_client_label (self, client);
          lo_store_explain_exists (error, _("%s: there is already a process “%s”"), label, process->id);
        }
      else
        g_prefix_error (error, "%s: ", process->id);
      return FALSE;
    }
  row = sqlite3_last_insert_rowid (self->db);
  return (process->include == LO_INCLUDE_AUTO ||
          lo_store_write_process_include (self, row, process->include, error)) &&
         insert_inputs (self, row, process, error) &&
         insert_actuals (self, row, process, error);
}

/* Replaces process @row's columns, inputs and actuals. */
static gboolean
update_process (LoStore         *self,
                gint64           row,
                const LoProcess *process,
                GError         **error)
{
  LoStmt *stmt = lo_stmt_prepare (self,
                                  "UPDATE process SET (" LO_STORE_PROCESS_COLUMNS ")"
                                  " = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) WHERE id = ?1",
                                  error);

  if (stmt == NULL)
    return FALSE;
  lo_stmt_bind (stmt, "x", row);
  bind_process_columns (stmt, process);
  return lo_stmt_step_done (self, stmt, error) &&
         lo_store_write_process_include (self, row, process->include, error) &&
         lo_store_exec (self, error, "DELETE FROM process_input WHERE process = ?1", "x", row) &&
         lo_store_exec (self, error, "DELETE FROM actual WHERE process = ?1", "x", row) &&
         insert_inputs (self, row, process, error) &&
         insert_actuals (self, row, process, error);
}

gboolean
lo_store_write_custom_order (LoStore  *self,
                             gint64    client,
                             gboolean  custom,
                             GError  **error)
{
  if (!lo_store_exec (self, error,
                      "UPDATE client SET custom_order = ?2 WHERE id = ?1 AND deleted_at IS NULL", "xi",
                      client, custom ? 1 : 0))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return lo_store_check_client (self, client, error);
  return TRUE;
}

gboolean
lo_store_put_process (LoStore         *self,
                      gint64           client,
                      const LoProcess *process,
                      GError         **error)
{
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (process != NULL && process->id != NULL, FALSE);

  /* SPEC §2c; an id kept from before the limit can still be written to */
  if (!lo_store_check_limit (process->id, "name", process->name, FALSE, error)
      || !lo_store_begin (self, error))
    return FALSE;
  ok = lookup_process (self, client, process->id, &row, error) &&
       (row == 0
          /* TRANSLATORS: "process", the start of "process: id: …" */
          ? lo_store_check_limit (_("process"), "id", process->id, FALSE, error) &&
            lo_store_insert_process (self, client, process, -1, error)
          : update_process (self, row, process, error));
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}

gboolean
lo_store_remove_process (LoStore    *self,
                         gint64      client,
                         const char *process,
                         GError    **error)
{
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  ok = lookup_process (self, client, process, &row, error);
  if (ok && row == 0)
    {
      g_autofree char *label = lo_store_client_label (self, client);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("%s: there is no process “%s”"), label, process);
      ok = FALSE;
    }
  ok = ok && lo_store_exec (self, error, "DELETE FROM process WHERE id = ?1", "x", row);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}

static gboolean
add_id (LoStore  *self,
        LoStmt   *stmt,
        gpointer  ids,
        GError  **error)
{
  g_ptr_array_add (ids, lo_stmt_text (stmt, 0));
  return TRUE;
}

/* The sids of the client's processes in their order, NULL on error. */
static GPtrArray *
process_ids (LoStore *self,
             gint64   client,
             GError **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!lo_store_each_row (self, error, add_id, ids,
                          "SELECT sid FROM process WHERE client = ?1 ORDER BY position", "x", client))
    return NULL;
  return g_steal_pointer (&ids);
}

/* @ids first, then the other processes of @existing in their old order;
 * NULL with an error when @ids names one twice or one that is not there. */
static GPtrArray *
new_order (LoStore            *self,
           gint64              client,
           GPtrArray          *existing,
           const char * const *ids,
           GError            **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_ptr_array_find_with_equal_func (order, ids[i], g_str_equal, NULL))
        {
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                       _("Process “%s” is listed twice in the new order"), ids[i]);
          return NULL;
        }
      if (!g_ptr_array_find_with_equal_func (existing, ids[i], g_str_equal, NULL))
        {
          g_autofree char *label = lo_store_client_label (self, client);
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                       _("%s: there is no process “%s”"), label, ids[i]);
          return NULL;
        }
      g_ptr_array_add (order, (gpointer) ids[i]);
    }
  for (guint i = 0; i < existing->len; i++)
    if (!g_ptr_array_find_with_equal_func (order, existing->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (order, existing->pdata[i]);
  return g_steal_pointer (&order);
}

/* Inside a transaction: the listed processes first, then the others. */
static gboolean
write_process_order (LoStore            *self,
                     gint64              client,
                     const char * const *ids,
                     GError            **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) order = NULL;

  if (!lo_store_check_client (self, client, error) ||
      (existing = process_ids (self, client, error)) == NULL ||
      (order = new_order (self, client, existing, ids, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    if (!lo_store_exec (self, error, "UPDATE process SET position = ?3 WHERE client = ?1 AND sid = ?2", "xsx",
                        client, (const char *) order->pdata[i], (gint64) i))
      return FALSE;
  return TRUE;
}

gboolean
lo_store_set_process_order (LoStore            *self,
                            gint64              client,
                            const char * const *ids,
                            GError            **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  return lo_store_end (self, write_process_order (self, client, ids, error),
                       client, LO_STORE_CHANGE_PROCESSES, error);
}

gboolean
lo_store_set_build_order (LoStore            *self,
                          gint64              client,
                          const char * const *ids,
                          gboolean            custom,
                          GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  /* one transaction: the order and what it means are never out of step */
  ok = (ids == NULL || write_process_order (self, client, ids, error)) &&
       lo_store_write_custom_order (self, client, custom, error);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}
