/* lo-store-clients.c: clients, their settings, deleting and undoing it
 *
 * A deleted client keeps its rows (deleted_at is set) until it is purged on
 * an open LO_STORE_PURGE_AFTER_SECONDS later; undo clears the mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"

/* Lookups */

char *
lo_store_client_label (LoStore *self,
                       gint64   client)
{
  g_autoptr(LoStmt) stmt = lo_stmt_prepare (self, "SELECT name FROM client WHERE id = ?1", NULL);

  if (stmt != NULL)
    {
      lo_stmt_bind (stmt, "x", client);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return lo_stmt_text (stmt, 0);
    }
  return g_strdup_printf (_("client %lld"), (long long) client);
}

gboolean
lo_store_check_client (LoStore *self,
                       gint64   client,
                       GError **error)
{
  gint64 found;

  if (!lo_store_query_int (self, &found, error,
                           "SELECT 1 FROM client WHERE id = ?1 AND deleted_at IS NULL", "x", client))
    return FALSE;
  if (found == 0)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("There is no client number %lld in the database"), (long long) client);
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_live_client (LoStore    *self,
                  const char *name,
                  gint64     *id,
                  GError    **error)
{
  return lo_store_query_int (self, id, error,
                             "SELECT id FROM client WHERE name = ?1 AND deleted_at IS NULL", "s", name);
}

char *
lo_store_unique_name (LoStore    *self,
                      const char *base,
                      GError    **error)
{
  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);
      gint64 id;

      if (!find_live_client (self, candidate, &id, error))
        return NULL;
      if (id == 0)
        return g_steal_pointer (&candidate);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
check_name (const char *name,
            GError    **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, _("A client needs a name"));
      return FALSE;
    }
  /* TRANSLATORS: "client: name: 250 characters are above the limit of 200" */
  return lo_store_check_limit (_("client"), "name", name, FALSE, error);
}

/* Writing */

gboolean
lo_store_write_settings (LoStore          *self,
                         gint64            client,
                         const LoSettings *settings,
                         GError          **error)
{
  if (!lo_store_exec (self, error,
                      "UPDATE client SET horizon_months = ?2, discount_rate = ?3, currency = ?4,"
                      " hours_per_week = ?5, realisation_rate = ?6, modified = ?7,"
                      " parallel_builds = iif (?8 > 0, ?8, parallel_builds)"
                      " WHERE id = ?1 AND deleted_at IS NULL", "xidsddxi",
                      client, settings->horizon_months, settings->discount_rate,
                      settings->currency != NULL ? settings->currency : "USD",
                      settings->hours_per_week, settings->realisation_rate, lo_store_now (),
                      settings->parallel_builds))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return lo_store_check_client (self, client, error);
  return TRUE;
}

gint64
lo_store_insert_client (LoStore    *self,
                        const char *name,
                        GError    **error)
{
  LoSettings defaults;
  gint64 client;
  gboolean ok;

  if (!lo_store_exec (self, error,
                      "INSERT INTO client (name, created, modified) VALUES (?1, ?2, ?2)", "sx",
                      name, lo_store_now ()))
    {
      lo_store_explain_exists (error, _("A client named “%s” already exists"), name);
      return 0;
    }
  client = sqlite3_last_insert_rowid (self->db);

  /* the defaults come from the model, not from the schema */
  lo_settings_init_defaults (&defaults);
  ok = lo_store_write_settings (self, client, &defaults, error);
  lo_settings_clear (&defaults);
  return ok ? client : 0;
}

/* Listing */

typedef struct
{
  char         *key;
  LoClientInfo *info;
} SortItem;

static void
sort_item_clear (gpointer data)
{
  SortItem *item = data;

  g_free (item->key);
  lo_client_info_free (item->info);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  if (c != 0)
    return c;
  return x->info->id < y->info->id ? -1 : x->info->id > y->info->id;
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  if (normal == NULL)
    return g_ascii_strdown (text, -1);
  return g_utf8_casefold (normal, -1);
}

static gboolean
matches (const char *needle,
         const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = fold (text);
  return strstr (folded, needle) != NULL;
}

typedef struct
{
  const char *needle;  /* folded, or NULL for all */
  GArray     *items;   /* SortItem */
} Listing;

/* The client in @stmt's row (id, name, industry, modified, number of
 * assessments, latest date), keyed for sorting by name. */
static gboolean
add_client (LoStore  *self,
            LoStmt   *stmt,
            gpointer  data,
            GError  **error)
{
  Listing *listing = data;
  const char *name = (const char *) sqlite3_column_text (stmt, 1);
  g_autofree char *folded = NULL;
  SortItem item;

  if (listing->needle != NULL &&
      !matches (listing->needle, name) &&
      !matches (listing->needle, (const char *) sqlite3_column_text (stmt, 2)))
    return TRUE;

  item.info = g_new0 (LoClientInfo, 1);
  item.info->id = sqlite3_column_int64 (stmt, 0);
  item.info->name = g_strdup (name);
  item.info->industry = lo_stmt_text (stmt, 2);
  item.info->modified = sqlite3_column_int64 (stmt, 3);
  item.info->n_assessments = sqlite3_column_int (stmt, 4);
  item.info->latest_date = lo_stmt_text (stmt, 5);
  /* case never decides the order, even in the C locale */
  folded = fold (name);
  item.key = g_utf8_collate_key (folded, -1);
  g_array_append_val (listing->items, item);
  return TRUE;
}

GPtrArray *
lo_store_list_clients (LoStore    *self,
                       const char *search,
                       GError    **error)
{
  g_autofree char *needle = NULL;
  g_autoptr(GArray) items = NULL;
  Listing listing;
  GPtrArray *result;

  g_return_val_if_fail (LO_IS_STORE (self), NULL);

  if (search != NULL && *search != '\0')
    needle = fold (search);
  items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  g_array_set_clear_func (items, sort_item_clear);
  listing = (Listing) { needle, items };
  if (!lo_store_each_row (self, error, add_client, &listing,
                          "SELECT c.id, c.name, c.industry, c.modified,"
                          " (SELECT count(*) FROM assessment a WHERE a.client = c.id),"
                          " (SELECT max (date) FROM assessment a WHERE a.client = c.id)"
                          " FROM client c WHERE c.deleted_at IS NULL", ""))
    return NULL;

  g_array_sort (items, compare_items);
  result = g_ptr_array_new_full (items->len, (GDestroyNotify) lo_client_info_free);
  for (guint i = 0; i < items->len; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);

      g_ptr_array_add (result, g_steal_pointer (&item->info));
    }
  return result;
}

gint64
lo_store_find_client (LoStore    *self,
                      const char *name,
                      GError    **error)
{
  gint64 id;

  g_return_val_if_fail (LO_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!find_live_client (self, name, &id, error))
    return 0;
  return id;
}

gint64
lo_store_create_client (LoStore    *self,
                        const char *name,
                        GError    **error)
{
  gint64 client;

  g_return_val_if_fail (LO_IS_STORE (self), 0);

  if (!check_name (name, error) || !lo_store_begin (self, error))
    return 0;
  client = lo_store_insert_client (self, name, error);
  if (!lo_store_end (self, client != 0, client, LO_STORE_CHANGE_CLIENTS, error))
    return 0;
  return client;
}

gboolean
lo_store_rename_client (LoStore    *self,
                        gint64      client,
                        const char *name,
                        GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!check_name (name, error) || !lo_store_begin (self, error))
    return FALSE;
  ok = lo_store_check_client (self, client, error) &&
       lo_store_exec (self, error, "UPDATE client SET name = ?2, modified = ?3 WHERE id = ?1", "xsx",
                      client, name, lo_store_now ());
  if (!ok)
    lo_store_explain_exists (error, _("A client named “%s” already exists"), name);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_CLIENTS, error);
}

gboolean
lo_store_delete_client (LoStore  *self,
                        gint64    client,
                        gint64   *undo_token,
                        GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (undo_token != NULL)
    *undo_token = 0;
  if (!lo_store_begin (self, error))
    return FALSE;
  ok = lo_store_check_client (self, client, error) &&
       lo_store_exec (self, error, "UPDATE client SET deleted_at = ?2 WHERE id = ?1", "xx",
                      client, lo_store_now ());
  if (!lo_store_end (self, ok, client, LO_STORE_CHANGE_CLIENTS, error))
    return FALSE;
  /* the client's row id: its rows stay untouched until purged */
  if (undo_token != NULL)
    *undo_token = client;
  return TRUE;
}

/* The name of the deleted client @undo_token (transfer full), NULL with an
 * error when there is none. */
static char *
deleted_name (LoStore  *self,
              gint64    undo_token,
              GError  **error)
{
  g_autoptr(LoStmt) stmt = lo_stmt_prepare (self,
    "SELECT name FROM client WHERE id = ?1 AND deleted_at IS NOT NULL", error);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  lo_stmt_bind (stmt, "x", undo_token);
  if (!lo_stmt_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("There is no deleted client to restore (it was restored already or purged)"));
      return NULL;
    }
  return lo_stmt_text (stmt, 0);
}

gboolean
lo_store_undo_delete (LoStore  *self,
                      gint64    undo_token,
                      GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *free_name = NULL;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  /* a client created meanwhile may have taken the name */
  ok = (name = deleted_name (self, undo_token, error)) != NULL &&
       (free_name = lo_store_unique_name (self, name, error)) != NULL &&
       lo_store_exec (self, error, "UPDATE client SET deleted_at = NULL, name = ?2 WHERE id = ?1", "xs",
                      undo_token, free_name);
  return lo_store_end (self, ok, undo_token, LO_STORE_CHANGE_CLIENTS, error);
}

gboolean
lo_store_set_settings (LoStore          *self,
                       gint64            client,
                       const LoSettings *settings,
                       GError          **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  return lo_store_end (self, lo_store_write_settings (self, client, settings, error),
                       client, LO_STORE_CHANGE_SETTINGS, error);
}

gboolean
lo_store_set_industry (LoStore    *self,
                       gint64      client,
                       const char *industry,
                       GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  if (!lo_store_check_limit (_("client"), "industry", industry, FALSE, error)
      || !lo_store_begin (self, error))
    return FALSE;
  ok = lo_store_check_client (self, client, error) &&
       lo_store_exec (self, error, "UPDATE client SET industry = ?2, modified = ?3 WHERE id = ?1", "xsx",
                      client, industry, lo_store_now ());
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_CLIENTS, error);
}
