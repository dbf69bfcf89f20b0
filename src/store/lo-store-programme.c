/* lo-store-programme.c: what the programme keeps (SPEC §2b): build lanes,
 * the weeks set for the roadmap's steps, each process's include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"

/* A core limit's error as the store's: LO_STORE_ERROR_INVALID, same words. */
static gboolean
check_limit (LoLimitId   id,
             const char *subject,
             double      value,
             GError    **error)
{
  g_autoptr(GError) local = NULL;

  if (lo_limit_check (id, subject, NULL, NULL, value, &local))
    return TRUE;
  g_set_error_literal (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, local->message);
  return FALSE;
}

gboolean
lo_store_write_step_weeks (LoStore  *self,
                           gint64    client,
                           int       level,
                           int       weeks,
                           GError  **error)
{
  if (weeks == 0)
    return lo_store_exec (self, error, "DELETE FROM step_weeks WHERE client = ?1 AND level = ?2", "xi",
                          client, level);
  return lo_store_exec (self, error,
                        "INSERT INTO step_weeks (client, level, weeks) VALUES (?1, ?2, ?3)"
                        " ON CONFLICT (client, level) DO UPDATE SET weeks = excluded.weeks", "xii",
                        client, level, weeks);
}

gboolean
lo_store_write_all_step_weeks (LoStore            *self,
                               gint64              client,
                               const LoEngagement *engagement,
                               GError            **error)
{
  for (int level = 1; level <= 5; level++)
    {
      int weeks = lo_engagement_get_step_weeks (engagement, level);

      if (weeks != 0 && !lo_store_write_step_weeks (self, client, level, weeks, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lo_store_write_process_include (LoStore   *self,
                                gint64     row,
                                LoInclude  include,
                                GError   **error)
{
  return lo_store_exec (self, error, "UPDATE process SET include = ?2 WHERE id = ?1", "xs",
                        row, lo_include_to_string (include));
}

/* The client's row, with a client-touching change: FALSE with an error when
 * there is no such live client. */
static gboolean
touch_client (LoStore *self,
              gint64   client,
              GError **error)
{
  return lo_store_check_client (self, client, error) &&
         lo_store_exec (self, error, "UPDATE client SET modified = ?2 WHERE id = ?1", "xx",
                        client, lo_store_now ());
}

gboolean
lo_store_set_parallel_builds (LoStore *self,
                              gint64   client,
                              int      parallel_builds,
                              GError **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!check_limit (LO_LIMIT_PARALLEL_BUILDS, "settings", parallel_builds, error) ||
      !lo_store_begin (self, error))
    return FALSE;
  ok = touch_client (self, client, error) &&
       lo_store_exec (self, error, "UPDATE client SET parallel_builds = ?2 WHERE id = ?1", "xi",
                      client, parallel_builds);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_SETTINGS, error);
}

gboolean
lo_store_set_step_weeks (LoStore *self,
                         gint64   client,
                         int      level,
                         int      weeks,
                         GError **error)
{
  g_autofree char *subject = NULL;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!check_limit (LO_LIMIT_LEVEL, _("roadmap step"), level, error))
    return FALSE;
  /* TRANSLATORS: names the input in a message: "roadmap step 4: weeks must be …" */
  subject = g_strdup_printf (_("roadmap step %d"), level);
  if ((weeks != 0 && !check_limit (LO_LIMIT_STEP_WEEKS, subject, weeks, error)) ||
      !lo_store_begin (self, error))
    return FALSE;
  ok = touch_client (self, client, error) &&
       lo_store_write_step_weeks (self, client, level, weeks, error);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_SETTINGS, error);
}

gboolean
lo_store_set_process_include (LoStore    *self,
                              gint64      client,
                              const char *process,
                              LoInclude   include,
                              GError    **error)
{
  gint64 row = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (process != NULL, FALSE);
  g_return_val_if_fail (include >= LO_INCLUDE_AUTO && include <= LO_INCLUDE_NO, FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  ok = touch_client (self, client, error) &&
       lo_store_query_int (self, &row, error,
                           "SELECT id FROM process WHERE client = ?1 AND sid = ?2", "xs",
                           client, process);
  if (ok && row == 0)
    {
      g_autofree char *label = lo_store_client_label (self, client);

      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("%s: there is no process “%s”"), label, process);
      ok = FALSE;
    }
  ok = ok && lo_store_write_process_include (self, row, include, error);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_PROCESSES, error);
}
