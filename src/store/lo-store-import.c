/* lo-store-import.c: whole engagements in, as a new client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"

/* Checking before anything is written */

/* The bank @assessment will be kept with: its kept copy when the client is
 * in the database already (@client), else the shipped bank of its id, else
 * the newest copy kept. */
static LoBank *
bank_for (LoStore            *self,
          gint64              client,
          const LoAssessment *assessment,
          GError            **error)
{
  g_autoptr(GError) local = NULL;
  LoBank *bank;

  if (assessment->bank == NULL || *assessment->bank == '\0')
    {
      g_set_error_literal (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                           _("the assessment names no question bank"));
      return NULL;
    }
  if (client != 0)
    return lo_store_get_assessment_bank (self, client, assessment->id, error);
  bank = lo_store_find_bank (self, assessment->bank, assessment->bank_edition, &local);
  if (bank == NULL && g_error_matches (local, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND))
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                 _("the question bank “%s” is neither shipped with Lights Out nor kept in the database; "
                   "import an engagement taken with it only once the bank is known"),
                 assessment->bank);
  else if (bank == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return bank;
}

/* As lo_store_check_engagement(), for the client @client's engagement
 * when it is not 0. */
static gboolean
check_engagement (LoStore            *self,
                  const LoEngagement *engagement,
                  gint64              client,
                  GError            **error)
{
  g_autoptr(GError) local = NULL;

  if (!lo_engagement_validate (engagement, &local))
    {
      g_set_error_literal (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, local->message);
      return FALSE;
    }
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *assessment = g_ptr_array_index (engagement->assessments, i);
      g_autoptr(LoBank) bank = bank_for (self, client, assessment, &local);

      if (bank != NULL && lo_assessment_check (assessment, bank, &local))
        continue;
      /* TRANSLATORS: assessment “id”: what is wrong */
      g_set_error (error, LO_STORE_ERROR,
                   local->domain == LO_STORE_ERROR ? local->code : LO_STORE_ERROR_INVALID,
                   _("assessment “%s”: %s"), assessment->id ? assessment->id : "", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
lo_store_check_engagement (LoStore            *self,
                           const LoEngagement *engagement,
                           gint64              client,
                           GError            **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (engagement != NULL, FALSE);

  return check_engagement (self, engagement, client, error);
}

/* The client's own row: a free name, industry, settings, order. */
static gint64
insert_engagement_client (LoStore            *self,
                          const LoEngagement *engagement,
                          GError            **error)
{
  g_autofree char *name = NULL;
  gint64 client;

  name = lo_store_unique_name (self,
                               engagement->client_name != NULL && *engagement->client_name != '\0'
                                 ? engagement->client_name : _("Unnamed client"),
                               error);
  if (name == NULL || (client = lo_store_insert_client (self, name, error)) == 0)
    return 0;
  if ((engagement->client_industry == NULL ||
       lo_store_exec (self, error, "UPDATE client SET industry = ?2 WHERE id = ?1", "xs",
                      client, engagement->client_industry)) &&
      lo_store_write_settings (self, client, &engagement->settings, error) &&
      lo_store_write_all_step_weeks (self, client, engagement, error) &&
      (!engagement->custom_order || lo_store_write_custom_order (self, client, TRUE, error)) &&
      lo_store_write_commentary (self, client, engagement->commentary, error))
    return client;
  return 0;
}

/* The import in one transaction, without telling anyone: the caller emits
 * ::changed on the thread the store belongs to.  @cancellable is looked at
 * between assessments and processes; cancelled, nothing is written. */
static gint64
import_engagement (LoStore            *self,
                   const LoEngagement *engagement,
                   GCancellable       *cancellable,
                   GError            **error)
{
  gint64 client;
  gboolean ok;

  /* what `lightsout validate` refuses is not imported: nothing is
   * written before it is checked */
  if (!check_engagement (self, engagement, 0, error) || !lo_store_begin (self, error))
    return 0;

  ok = (client = insert_engagement_client (self, engagement, error)) != 0;
  for (guint i = 0; ok && i < engagement->assessments->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         lo_store_insert_assessment (self, client, g_ptr_array_index (engagement->assessments, i), i, error);
  for (guint i = 0; ok && i < engagement->processes->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         lo_store_insert_process (self, client, g_ptr_array_index (engagement->processes, i), i, error);
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);

  return lo_store_commit (self, ok, error) ? client : 0;
}

gint64
lo_store_import_engagement (LoStore            *self,
                            const LoEngagement *engagement,
                            GError            **error)
{
  gint64 client;

  g_return_val_if_fail (LO_IS_STORE (self), 0);
  g_return_val_if_fail (engagement != NULL, 0);

  client = import_engagement (self, engagement, NULL, error);
  if (client != 0)
    lo_store_emit_changed (self, client, LO_STORE_CHANGE_CLIENTS);
  return client;
}

/* Importing off the main thread */

/* Runs in a worker thread, through a connection of its own: the store's
 * connection belongs to the thread that opened it.  This process holds the
 * writers' lock already (the store took it), so the connection takes no
 * lock of its own; SQLite lets one of the two write at a time and the
 * other wait (busy timeout). */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  /* the path is construct-only: the same on every thread */
  g_autoptr(LoStore) writer = lo_store_new_unopened (LO_STORE (source_object)->path, FALSE);
  LoEngagement *engagement = task_data;
  GError *error = NULL;
  gint64 client = 0;

  if (lo_store_open_db (writer, SQLITE_OPEN_READWRITE, &error) &&
      lo_store_exec_script (writer, "PRAGMA synchronous = FULL;", &error))
    client = import_engagement (writer, engagement, cancellable, &error);
  if (client == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, client);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LoStore *self = LO_STORE (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  gint64 client = g_task_propagate_int (G_TASK (result), &error);

  self->importing--;
  if (error != NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  /* Back on the store's own thread: now the windows may hear of it. */
  lo_store_emit_changed (self, client, LO_STORE_CHANGE_CLIENTS);
  g_task_return_int (outer, client);
}

void
lo_store_import_engagement_async (LoStore             *self,
                                  LoEngagement        *engagement,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (LO_IS_STORE (self));
  g_return_if_fail (engagement != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, lo_store_import_engagement_async);
  /* What the thread did is the answer: a cancellation after the commit
   * still reports the client imported. */
  g_task_set_check_cancellable (outer, FALSE);
  if (self->read_only)
    {
      g_task_return_new_error (outer, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY,
                               _("%s: the database is open for reading only; nothing was changed"),
                               self->path);
      g_object_unref (outer);
      return;
    }
  self->importing++;
  inner = g_task_new (self, cancellable, import_done, outer);
  g_task_set_name (inner, "lo-store-import");
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, lo_engagement_ref (engagement), (GDestroyNotify) lo_engagement_unref);
  g_task_run_in_thread (inner, import_thread);
}

gint64
lo_store_import_engagement_finish (LoStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  gint64 client;

  g_return_val_if_fail (LO_IS_STORE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lo_store_import_engagement_async, 0);

  client = g_task_propagate_int (G_TASK (result), error);
  /* 0 on error, as lo_store_import_engagement() (GTask says -1). */
  return client > 0 ? client : 0;
}
