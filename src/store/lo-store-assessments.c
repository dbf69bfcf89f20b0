/* lo-store-assessments.c: assessments, respondents, answers and targets
 *
 * Assessments and respondents are addressed by their ids within a client,
 * as in the .lightsout file; every row keeps its file position so that an
 * engagement reads back in the order it was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"

/* Lookups */

gint64
lo_store_lookup_assessment (LoStore    *self,
                            gint64      client,
                            const char *assessment,
                            GError    **error)
{
  gint64 row;

  if (!lo_store_query_int (self, &row, error,
                           "SELECT a.id FROM assessment a JOIN client c ON c.id = a.client"
                           " WHERE c.id = ?1 AND c.deleted_at IS NULL AND a.sid = ?2", "xs",
                           client, assessment))
    return 0;
  if (row != 0)
    return row;

  if (lo_store_check_client (self, client, error))
    {
      g_autofree char *label = lo_store_client_label (self, client);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("%s: there is no assessment “%s”"), label, assessment);
    }
  return 0;
}

static gint64
lookup_respondent (LoStore    *self,
                   gint64      client,
                   const char *assessment,
                   const char *respondent,
                   GError    **error)
{
  gint64 row;

  if (!lo_store_query_int (self, &row, error,
                           "SELECT r.id FROM respondent r"
                           " JOIN assessment a ON a.id = r.assessment"
                           " JOIN client c ON c.id = a.client"
                           " WHERE c.id = ?1 AND c.deleted_at IS NULL AND a.sid = ?2 AND r.sid = ?3",
                           "xss", client, assessment, respondent))
    return 0;
  if (row != 0)
    return row;

  if (lo_store_lookup_assessment (self, client, assessment, error) != 0)
    {
      g_autofree char *label = lo_store_client_label (self, client);
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                   _("%s: assessment “%s” has no respondent “%s”"),
                   label, assessment, respondent);
    }
  return 0;
}

static gboolean
check_answer_value (int      value,
                    GError **error)
{
  if (value < LO_ANSWER_NA || value > LO_LEVEL_MAX)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                   _("%d is not an answer (1 to 5, 0 for “don't know”, -1 for “not applicable”)"),
                   value);
      return FALSE;
    }
  return TRUE;
}

/* Writing whole assessments */

static gboolean
insert_answers (LoStore            *self,
                gint64              row,
                const LoRespondent *respondent,
                GError            **error)
{
  for (guint i = 0; i < respondent->answers->len; i++)
    {
      const LoAnswer *answer = &g_array_index (respondent->answers, LoAnswer, i);

      if (!check_answer_value (answer->value, error) ||
          !lo_store_exec (self, error,
                          "INSERT INTO answer (respondent, question, position, value, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                          "xsxis", row, answer->question, (gint64) i, answer->value, answer->note))
        {
          g_prefix_error (error, "%s: %s: ", respondent->id, answer->question);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_respondents (LoStore            *self,
                    gint64              row,
                    const LoAssessment *assessment,
                    GError            **error)
{
  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *respondent = g_ptr_array_index (assessment->respondents, i);

      if (!lo_store_exec (self, error,
                          "INSERT INTO respondent (assessment, sid, position, name, role) VALUES (?1, ?2, ?3, ?4, ?5)",
                          "xsxss", row, respondent->id, (gint64) i, respondent->name, respondent->role) ||
          !insert_answers (self, sqlite3_last_insert_rowid (self->db), respondent, error))
        {
          g_prefix_error (error, "%s: ", assessment->id);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_targets (LoStore            *self,
                gint64              row,
                const LoAssessment *assessment,
                GError            **error)
{
  for (guint i = 0; i < assessment->targets->len; i++)
    {
      const LoTarget *target = &g_array_index (assessment->targets, LoTarget, i);

      if (!lo_store_exec (self, error,
                          "INSERT INTO target (assessment, dimension, position, level) VALUES (?1, ?2, ?3, ?4)",
                          "xsxi", row, target->dimension, (gint64) i, target->level))
        {
          g_prefix_error (error, "%s: %s: ", assessment->id, target->dimension);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_agreed (LoStore            *self,
               gint64              row,
               const LoAssessment *assessment,
               GError            **error)
{
  for (guint i = 0; i < assessment->agreed->len; i++)
    {
      const LoAgreed *agreed = &g_array_index (assessment->agreed, LoAgreed, i);

      if (!check_answer_value (agreed->value, error) ||
          !lo_store_exec (self, error,
                          "INSERT INTO agreed (assessment, question, position, value, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                          "xsxis", row, agreed->question, (gint64) i, agreed->value, agreed->note))
        {
          g_prefix_error (error, "%s: %s: ", assessment->id, agreed->question);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
lo_store_insert_assessment (LoStore            *self,
                            gint64              client,
                            const LoAssessment *assessment,
                            gint64              position,
                            GError            **error)
{
  g_autoptr(GError) local = NULL;
  gint64 version;
  gint64 row;

  if (!lo_assessment_validate_limits (assessment, &local))
    {
      g_set_error_literal (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID, local->message);
      return FALSE;
    }
  if (!lo_store_keep_bank_for (self, assessment->bank, assessment->bank_edition, &version, error))
    return FALSE;

  if (!lo_store_exec (self, error,
                      "INSERT INTO assessment (client, sid, position, date, bank, bank_version, bank_edition)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), ?7)", "xsxssxx",
                      client, assessment->id, position, assessment->date, assessment->bank, version,
                      (gint64) MAX (assessment->bank_edition, 1)))
    {
      g_autofree char *label = lo_store_client_label (self, client);
      lo_store_explain_exists (error, _("%s: there is already an assessment “%s”"), label, assessment->id);
      return FALSE;
    }
  row = sqlite3_last_insert_rowid (self->db);
  return insert_respondents (self, row, assessment, error) &&
         insert_agreed (self, row, assessment, error) &&
         insert_targets (self, row, assessment, error);
}

/* Changes */

typedef enum
{
  OF_ASSESSMENT,
  OF_RESPONDENT,
} ChangeOf;

/* One change to the rows of an assessment or of one of its respondents
 * (@respondent is looked at only with OF_RESPONDENT), in a transaction of
 * its own: @sql with ?1 the row id of the one named and @types from ?2 on. */
static gboolean
change (LoStore    *self,
        ChangeOf    of,
        gint64      client,
        const char *assessment,
        const char *respondent,
        GError    **error,
        const char *sql,
        const char *types,
        ...)
{
  LoStmt *stmt = NULL;
  gint64 row;
  gboolean ok;
  va_list args;

  if (!lo_store_begin (self, error))
    return FALSE;
  row = of == OF_RESPONDENT
          ? lookup_respondent (self, client, assessment, respondent, error)
          : lo_store_lookup_assessment (self, client, assessment, error);
  ok = row != 0 && (stmt = lo_stmt_prepare (self, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      va_start (args, types);
      lo_stmt_bind_valist (stmt, 2, types, args);
      va_end (args);
      ok = lo_stmt_step_done (self, stmt, error);
    }
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_add_assessment (LoStore            *self,
                         gint64              client,
                         const LoAssessment *assessment,
                         GError            **error)
{
  gint64 position = 0;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL && assessment->id != NULL, FALSE);

  if (!lo_store_begin (self, error))
    return FALSE;
  ok = lo_store_check_client (self, client, error) &&
       lo_store_query_int (self, &position, error,
                           "SELECT coalesce (max (position), -1) + 1 FROM assessment WHERE client = ?1",
                           "x", client) &&
       lo_store_insert_assessment (self, client, assessment, position, error);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_replace_assessment (LoStore            *self,
                             gint64              client,
                             const LoAssessment *assessment,
                             GError            **error)
{
  gint64 position = 0;
  gint64 row;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL && assessment->id != NULL, FALSE);

  /* one transaction: the old rows or the new ones, never neither */
  if (!lo_store_begin (self, error))
    return FALSE;
  row = lo_store_lookup_assessment (self, client, assessment->id, error);
  ok = row != 0 &&
       lo_store_query_int (self, &position, error,
                           "SELECT position FROM assessment WHERE id = ?1", "x", row) &&
       lo_store_exec (self, error, "DELETE FROM assessment WHERE id = ?1", "x", row) &&
       lo_store_insert_assessment (self, client, assessment, position, error);
  return lo_store_end (self, ok, client, LO_STORE_CHANGE_ASSESSMENT, error);
}

gboolean
lo_store_remove_assessment (LoStore    *self,
                            gint64      client,
                            const char *assessment,
                            GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  return change (self, OF_ASSESSMENT, client, assessment, NULL, error,
                 "DELETE FROM assessment WHERE id = ?1", "");
}

/* SPEC §2c: a respondent's id (when @with_id), name and role. */
static gboolean
check_respondent (const char *assessment,
                  const char *respondent,
                  const char *name,
                  const char *role,
                  gboolean    with_id,
                  GError    **error)
{
  /* TRANSLATORS: "assessment a1: respondent", the start of "…: id: …" */
  g_autofree char *of = g_strdup_printf (_("assessment %s: respondent"), assessment);
  g_autofree char *subject = g_strdup_printf (_("assessment %s: respondent %s"), assessment, respondent);

  return (!with_id || lo_store_check_limit (of, "id", respondent, FALSE, error)) &&
         lo_store_check_limit (subject, "name", name, FALSE, error) &&
         lo_store_check_limit (subject, "role", role, FALSE, error);
}

gboolean
lo_store_add_respondent (LoStore    *self,
                         gint64      client,
                         const char *assessment,
                         const char *respondent,
                         const char *name,
                         const char *role,
                         GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (respondent != NULL, FALSE);

  if (!check_respondent (assessment, respondent, name, role, TRUE, error))
    return FALSE;
  if (change (self, OF_ASSESSMENT, client, assessment, NULL, error,
              "INSERT INTO respondent (assessment, sid, name, role, position) VALUES (?1, ?2, ?3, ?4,"
              " (SELECT coalesce (max (position), -1) + 1 FROM respondent WHERE assessment = ?1))",
              "sss", respondent, name, role))
    return TRUE;
  lo_store_explain_exists (error, _("Assessment “%s” already has a respondent “%s”"),
                           assessment, respondent);
  return FALSE;
}

gboolean
lo_store_rename_respondent (LoStore    *self,
                            gint64      client,
                            const char *assessment,
                            const char *respondent,
                            const char *name,
                            const char *role,
                            GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  return check_respondent (assessment, respondent, name, role, FALSE, error) &&
         change (self, OF_RESPONDENT, client, assessment, respondent, error,
                 "UPDATE respondent SET name = ?2, role = ?3 WHERE id = ?1", "ss", name, role);
}

gboolean
lo_store_remove_respondent (LoStore    *self,
                            gint64      client,
                            const char *assessment,
                            const char *respondent,
                            GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);

  return change (self, OF_RESPONDENT, client, assessment, respondent, error,
                 "DELETE FROM respondent WHERE id = ?1", "");
}

gboolean
lo_store_set_answer (LoStore    *self,
                     gint64      client,
                     const char *assessment,
                     const char *respondent,
                     const char *question,
                     int         value,
                     GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  return check_answer_value (value, error) &&
         change (self, OF_RESPONDENT, client, assessment, respondent, error,
                 "INSERT INTO answer (respondent, question, value, position) VALUES (?1, ?2, ?3,"
                 " (SELECT coalesce (max (position), -1) + 1 FROM answer WHERE respondent = ?1))"
                 " ON CONFLICT (respondent, question) DO UPDATE SET value = excluded.value",
                 "si", question, value);
}

gboolean
lo_store_clear_answer (LoStore    *self,
                       gint64      client,
                       const char *assessment,
                       const char *respondent,
                       const char *question,
                       GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  return change (self, OF_RESPONDENT, client, assessment, respondent, error,
                 "DELETE FROM answer WHERE respondent = ?1 AND question = ?2", "s", question);
}

static const char *
nonempty_note (const char *note)
{
  return note != NULL && *note != '\0' ? note : NULL;
}

/* SPEC §2c: a note is at most LO_NOTE_MAX_CHARS characters of UTF-8 text. */
static gboolean
check_note (const char *question,
            const char *note,
            GError    **error)
{
  G_STATIC_ASSERT (LO_NOTE_MAX_CHARS == LO_LIMIT_TEXT_LENGTH);
  return lo_store_check_limit (question, "note", note, TRUE, error);
}

gboolean
lo_store_set_note (LoStore    *self,
                   gint64      client,
                   const char *assessment,
                   const char *respondent,
                   const char *question,
                   const char *note,
                   GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (!check_note (question, note, error))
    return FALSE;
  /* without an answer yet, a "don't know" carries the note (as in the model) */
  if (nonempty_note (note) == NULL)
    return change (self, OF_RESPONDENT, client, assessment, respondent, error,
                   "UPDATE answer SET note = NULL WHERE respondent = ?1 AND question = ?2",
                   "s", question);
  return change (self, OF_RESPONDENT, client, assessment, respondent, error,
                 "INSERT INTO answer (respondent, question, value, note, position) VALUES (?1, ?2, 0, ?3,"
                 " (SELECT coalesce (max (position), -1) + 1 FROM answer WHERE respondent = ?1))"
                 " ON CONFLICT (respondent, question) DO UPDATE SET note = excluded.note",
                 "ss", question, note);
}

gboolean
lo_store_set_agreed (LoStore    *self,
                     gint64      client,
                     const char *assessment,
                     const char *question,
                     int         value,
                     const char *note,
                     GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  return check_answer_value (value, error) &&
         check_note (question, note, error) &&
         change (self, OF_ASSESSMENT, client, assessment, NULL, error,
                 "INSERT INTO agreed (assessment, question, value, note, position) VALUES (?1, ?2, ?3, ?4,"
                 " (SELECT coalesce (max (position), -1) + 1 FROM agreed WHERE assessment = ?1))"
                 " ON CONFLICT (assessment, question) DO UPDATE SET value = excluded.value, note = excluded.note",
                 "sis", question, value, nonempty_note (note));
}

gboolean
lo_store_clear_agreed (LoStore    *self,
                       gint64      client,
                       const char *assessment,
                       const char *question,
                       GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  return change (self, OF_ASSESSMENT, client, assessment, NULL, error,
                 "DELETE FROM agreed WHERE assessment = ?1 AND question = ?2", "s", question);
}

gboolean
lo_store_set_target (LoStore    *self,
                     gint64      client,
                     const char *assessment,
                     const char *dimension,
                     int         level,
                     GError    **error)
{
  g_return_val_if_fail (LO_IS_STORE (self), FALSE);
  g_return_val_if_fail (dimension != NULL, FALSE);

  if (level < 0 || level > LO_LEVEL_MAX)
    {
      g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_INVALID,
                   _("%s: %d is not a target level (1 to 5, or 0 for none)"), dimension, level);
      return FALSE;
    }
  if (level == 0)
    return change (self, OF_ASSESSMENT, client, assessment, NULL, error,
                   "DELETE FROM target WHERE assessment = ?1 AND dimension = ?2", "s", dimension);
  return change (self, OF_ASSESSMENT, client, assessment, NULL, error,
                 "INSERT INTO target (assessment, dimension, level, position) VALUES (?1, ?2, ?3,"
                 " (SELECT coalesce (max (position), -1) + 1 FROM target WHERE assessment = ?1))"
                 " ON CONFLICT (assessment, dimension) DO UPDATE SET level = excluded.level",
                 "si", dimension, level);
}
