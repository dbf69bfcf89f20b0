/* lo-store-commentary.c: the consultant's words (migration 006)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"

static gboolean
insert_part (LoStore    *self,
             gint64      client,
             const char *part,
             const char *dimension,
             gint64      position,
             const char *text,
             GError    **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  return lo_store_exec (self, error,
                        "INSERT INTO commentary (client, part, dimension, position, text)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)", "xssxs",
                        client, part, dimension, position, text);
}

gboolean
lo_store_write_commentary (LoStore            *self,
                           gint64              client,
                           const LoCommentary *commentary,
                           GError            **error)
{
  if (!lo_store_exec (self, error, "DELETE FROM commentary WHERE client = ?1", "x", client))
    return FALSE;
  if (commentary == NULL)
    return TRUE;
  if (!insert_part (self, client, "cover", "", 0, commentary->cover, error)
      || !insert_part (self, client, "next-steps", "", 0, commentary->next_steps, error))
    return FALSE;
  for (guint i = 0; i < commentary->dimensions->len; i++)
    {
      const LoDimensionComment *d = g_ptr_array_index (commentary->dimensions, i);

      if (!insert_part (self, client, "dimension", d->dimension, i, d->text, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_part (LoStore  *self,
          LoStmt   *stmt,
          gpointer  data,
          GError  **error)
{
  LoEngagement *engagement = data;
  const char *part = (const char *) sqlite3_column_text (stmt, 0);
  const char *dimension = (const char *) sqlite3_column_text (stmt, 1);
  g_autofree char *text = lo_stmt_text (stmt, 2);

  (void) self;
  (void) error;
  if (engagement->commentary == NULL)
    engagement->commentary = lo_commentary_new ();
  if (g_strcmp0 (part, "cover") == 0)
    {
      g_free (engagement->commentary->cover);
      engagement->commentary->cover = g_steal_pointer (&text);
    }
  else if (g_strcmp0 (part, "next-steps") == 0)
    {
      g_free (engagement->commentary->next_steps);
      engagement->commentary->next_steps = g_steal_pointer (&text);
    }
  else if (dimension != NULL)
    lo_commentary_set_dimension (engagement->commentary, dimension, text);
  return TRUE;
}

gboolean
lo_store_read_commentary (LoStore      *self,
                          gint64        client,
                          LoEngagement *engagement,
                          GError      **error)
{
  return lo_store_each_row (self, error, add_part, engagement,
                            "SELECT part, dimension, text FROM commentary WHERE client = ?1"
                            " ORDER BY part, position", "x", client);
}

gboolean
lo_store_set_commentary (LoStore            *self,
                         gint64              client,
                         const LoCommentary *commentary,
                         GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!lo_commentary_check (commentary, &local_error))
    {
      g_set_error_literal (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  if (!lo_store_begin (self, error))
    return FALSE;
  return lo_store_end (self,
                       lo_store_check_client (self, client, error)
                       && lo_store_write_commentary (self, client, commentary, error),
                       client, LO_STORE_CHANGE_SETTINGS, error);
}
