/* lo-store-banks.c: the question banks assessments were taken with
 *
 * The store keeps the XML of every bank an assessment was taken with (io
 * writes and reads it), so that an old assessment scores as it was taken
 * even after the shipped bank has changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lo-io.h"
#include "lo-store-private.h"

/* Keeps @bank's XML. With @strict, a kept copy of the same id and version
 * with other content is an error; otherwise the kept copy wins. */
static gboolean
put_bank_row (LoStore      *self,
              const LoBank *bank,
              gboolean      strict,
              GError      **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(LoStmt) select = NULL;
  LoStmt *insert;
  gsize length = 0;
  gboolean row;

  xml = lo_bank_to_xml (bank, &length);
  if (xml == NULL)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                   _("Question bank “%s”: cannot be written as XML"), bank->id);
      return FALSE;
    }

  select = lo_stmt_prepare (self, "SELECT xml FROM bank WHERE sid = ?1 AND version = ?2", error);
  if (select == NULL)
    return FALSE;
  lo_stmt_bind (select, "sx", bank->id, (gint64) bank->version);
  if (!lo_stmt_step (self, select, &row, error))
    return FALSE;
  if (row)
    {
      const char *kept = (const char *) sqlite3_column_text (select, 0);
      gsize kept_length = sqlite3_column_bytes (select, 0);

      if (strict && (kept_length != length || memcmp (kept, xml, length) != 0))
        {
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS,
                       _("Question bank “%s” version %u is already kept with other content; give the changed bank a new version number"),
                       bank->id, bank->version);
          return FALSE;
        }
      return TRUE;
    }

  insert = lo_stmt_prepare (self, "INSERT INTO bank (sid, version, xml, added) VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  lo_stmt_bind (insert, "sx-x", bank->id, (gint64) bank->version, lo_store_now ());
  sqlite3_bind_text (insert, 3, xml, length, SQLITE_STATIC);
  return lo_stmt_step_done (self, insert, error);
}

static gboolean
newest_kept_version (LoStore    *self,
                     const char *id,
                     gint64     *version,
                     GError    **error)
{
  return lo_store_query_int (self, version, error, "SELECT max (version) FROM bank WHERE sid = ?1", "s", id);
}

static const LoBank *
shipped_bank (LoStore    *self,
              const char *id,
              guint       edition)
{
  g_autofree char *key = g_strdup_printf ("%s#%u", id, edition);
  gpointer bank;

  if (!g_hash_table_lookup_extended (self->shipped_banks, key, NULL, &bank))
    {
      bank = lo_bank_find_shipped_edition (id, edition, NULL);
      g_hash_table_insert (self->shipped_banks, g_steal_pointer (&key), bank);
    }
  return bank;
}

static LoBank *get_bank (LoStore    *self,
                         const char *id,
                         guint       version,
                         GError    **error);

gboolean
lo_store_keep_bank_for (LoStore    *self,
                        const char *id,
                        guint       edition,
                        gint64     *version,
                        GError    **error)
{
  g_autoptr(LoBank) kept = NULL;
  const LoBank *bank;

  *version = 0;
  if (id == NULL)
    return TRUE;
  bank = shipped_bank (self, id, edition);
  if (bank != NULL)
    {
      if (!put_bank_row (self, bank, FALSE, error))
        return FALSE;
      *version = bank->version;
      return TRUE;
    }
  kept = get_bank (self, id, edition, NULL);
  if (kept != NULL)
    {
      *version = edition;
      return TRUE;
    }
  if (edition != 1)
    return TRUE;
  return newest_kept_version (self, id, version, error);
}

gboolean
lo_store_put_bank (LoStore      *self,
                   const LoBank *bank,
                   GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (bank != NULL && bank->id != NULL, FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  /* assessments taken with a bank that was not known until now use this copy */
  ok = put_bank_row (self, bank, TRUE, error) &&
       lo_store_exec (self, error,
                      "UPDATE assessment SET bank_version = ?2 WHERE bank = ?1 AND bank_version IS NULL"
                      " AND bank_edition IN (1, ?2)", "sx",
                      bank->id, (gint64) bank->version);
  return lo_store_commit (self, ok, error);
}

static LoBank *
get_bank (LoStore    *self,
          const char *id,
          guint       version,
          GError    **error)
{
  g_autoptr(LoStmt) stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gboolean row;

  stmt = lo_stmt_prepare (self,
                          "SELECT xml, version FROM bank WHERE sid = ?1 AND (?2 = 0 OR version = ?2)"
                          " ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  lo_stmt_bind (stmt, "sx", id, (gint64) version);
  if (!lo_stmt_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      if (version == 0)
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                     _("%s: no question bank “%s” is kept in the database"), self->path, id);
      else
        g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                     _("%s: question bank “%s” version %u is not kept in the database"),
                     self->path, id, version);
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  name = g_strdup_printf ("%s (%s, version %u)", self->path, id, (guint) sqlite3_column_int (stmt, 1));
  return lo_bank_read_bytes (bytes, name, error);
}

LoBank *
lo_store_get_bank (LoStore    *self,
                   const char *id,
                   guint       version,
                   GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return get_bank (self, id, version, error);
}

LoBank *
lo_store_find_bank (LoStore    *self,
                    const char *id,
                    guint       edition,
                    GError    **error)
{
  const LoBank *shipped = shipped_bank (self, id, MAX (edition, 1));

  if (shipped != NULL)
    return lo_bank_ref ((LoBank *) shipped);
  /* edition 1 stands for files from before editions: the newest kept copy */
  return get_bank (self, id, edition > 1 ? edition : 0, error);
}

/* The bank id, kept version and edition assessment @row was taken with. */
static gboolean
assessment_bank (LoStore  *self,
                 gint64    row,
                 char    **bank,
                 gint64   *version,
                 gint64   *edition,
                 GError  **error)
{
  g_autoptr(LoStmt) stmt = lo_stmt_prepare (self,
                                            "SELECT bank, bank_version, bank_edition FROM assessment WHERE id = ?1",
                                            error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  lo_stmt_bind (stmt, "x", row);
  if (!lo_stmt_step (self, stmt, &has_row, error) || !has_row)
    return FALSE;
  *bank = lo_stmt_text (stmt, 0);
  *version = sqlite3_column_int64 (stmt, 1);
  *edition = MAX (sqlite3_column_int64 (stmt, 2), 1);
  return TRUE;
}

LoBank *
lo_store_get_assessment_bank (LoStore    *self,
                              gint64      client,
                              const char *assessment,
                              GError    **error)
{
  g_autofree char *bank = NULL;
  gint64 version = 0;
  gint64 edition = 1;
  gint64 row;
  const LoBank *shipped;

  g_return_val_if_fail (LO_IS_STORE (self), NULL);

  row = lo_store_lookup_assessment (self, client, assessment, error);
  if (row == 0 || !assessment_bank (self, row, &bank, &version, &edition, error))
    return NULL;

  if (version == 0 && edition == 1 && !newest_kept_version (self, bank, &version, error))
    return NULL;

  /* the shipped copy of the same edition reads the same and is translated */
  shipped = shipped_bank (self, bank, version > 0 ? (guint) version : (guint) edition);
  if (shipped != NULL)
    return lo_bank_ref ((LoBank *) shipped);
  if (version > 0)
    return get_bank (self, bank, version, error);

  if (edition > 1)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                 _("Assessment “%s” was taken with edition %u of question bank “%s”, which is neither shipped nor kept in the database; supply it with --bank"),
                 assessment, (guint) edition, bank);
  else
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                 _("Assessment “%s” was taken with question bank “%s”, which is neither shipped nor kept in the database; supply it with --bank"),
                 assessment, bank);
  return NULL;
}
