/* lo-store.h: the local database (sqlite3)
 *
 * One LoStore per database file. Every call that changes data commits its own
 * transaction before it returns (no save button anywhere), then emits
 * ::changed so that views update themselves. Clients are addressed by their
 * row id; assessments, respondents and processes by their string ids within
 * a client, as in the .lightsout file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-core.h"

G_BEGIN_DECLS

#define LO_STORE_ERROR (lo_store_error_quark ())

typedef enum
{
  LO_STORE_ERROR_OPEN,       /* cannot open or create the file */
  LO_STORE_ERROR_CORRUPT,    /* quick_check failed, not a Lights Out database */
  LO_STORE_ERROR_NEWER,      /* written by a newer version of the program */
  LO_STORE_ERROR_LOCKED,     /* another instance holds it */
  LO_STORE_ERROR_READ_ONLY,  /* read-only file or directory */
  LO_STORE_ERROR_FULL,       /* disk full */
  LO_STORE_ERROR_NOT_FOUND,  /* no such client, assessment, respondent, process */
  LO_STORE_ERROR_EXISTS,     /* duplicate id or name */
  LO_STORE_ERROR_FAILED,     /* any other sqlite error */
  LO_STORE_ERROR_INVALID,    /* a value the database does not accept (empty name …) */
} LoStoreError;

GQuark lo_store_error_quark (void);

typedef enum
{
  LO_STORE_CHANGE_CLIENTS,     /* a client was created, renamed, deleted, restored */
  LO_STORE_CHANGE_ASSESSMENT,  /* assessments, respondents, answers, targets */
  LO_STORE_CHANGE_PROCESSES,   /* processes, their inputs, order */
  LO_STORE_CHANGE_SETTINGS,
} LoStoreChange;

#define LO_TYPE_STORE_CHANGE (lo_store_change_get_type ())
GType         lo_store_change_get_type (void);

typedef struct
{
  gint64  id;
  char   *name;
  char   *industry;       /* may be NULL */
  gint64  modified;       /* unix time */
  guint   n_assessments;
  char   *latest_date;    /* YYYY-MM-DD of the latest assessment, or NULL */
} LoClientInfo;

void          lo_client_info_free (LoClientInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoClientInfo, lo_client_info_free)

#define LO_TYPE_STORE (lo_store_get_type ())
G_DECLARE_FINAL_TYPE (LoStore, lo_store, LO, STORE, GObject)

/* $XDG_DATA_HOME/lightsout/lightsout.db (transfer full) */
char         *lo_store_default_path   (void);
/* Opens or creates the database; @path NULL means the default path. */
LoStore      *lo_store_open           (const char *path,
                                       GError    **error);
const char   *lo_store_get_path       (LoStore    *self);
/* Opens an existing database for reading only, without taking the instance
 * lock, so that it works while a window has it open; every change then
 * fails with LO_STORE_ERROR_READ_ONLY. On read-only media (a folder that
 * cannot be written to) it is read as immutable. */
LoStore      *lo_store_open_read_only (const char *path,
                                       GError    **error);
gboolean      lo_store_is_read_only   (LoStore    *self);
/* Checks the whole file, once per open (a file up to 8 MiB was checked when
 * it was opened; a larger one is checked before its first change, too);
 * LO_STORE_ERROR_CORRUPT names the damage. For a lookup that found nothing
 * in a large file: damaged pages may have hidden what was looked for. */
gboolean      lo_store_check          (LoStore    *self,
                                       GError    **error);

/* Clients */
GPtrArray    *lo_store_list_clients   (LoStore    *self,
                                       const char *search,   /* NULL: all; else case-insensitive substring of name or industry */
                                       GError    **error);   /* LoClientInfo*, by name */
gint64        lo_store_find_client    (LoStore    *self,
                                       const char *name,
                                       GError    **error);   /* 0 when not found (no error) */
gint64        lo_store_create_client  (LoStore    *self,
                                       const char *name,
                                       GError    **error);
gboolean      lo_store_rename_client  (LoStore    *self,
                                       gint64      client,
                                       const char *name,
                                       GError    **error);
/* Deletes the client and everything it holds; @undo_token receives what
 * lo_store_undo_delete needs to restore all of it. */
gboolean      lo_store_delete_client  (LoStore    *self,
                                       gint64      client,
                                       gint64     *undo_token,
                                       GError    **error);
gboolean      lo_store_undo_delete    (LoStore    *self,
                                       gint64      undo_token,
                                       GError    **error);

/* Whole engagements */
LoEngagement *lo_store_load_engagement   (LoStore      *self,
                                          gint64        client,
                                          GError      **error);
/* The checks `lightsout validate` makes, against the question banks this
 * database knows: lo_engagement_validate(), then each assessment against
 * its bank (lo_assessment_check()): for @client 0 (an engagement to
 * import) the shipped bank of its id, else the newest kept copy; for a
 * client in the database (one loaded to be exported) the bank its
 * assessment was taken with. LO_STORE_ERROR_INVALID (or _NOT_FOUND) names
 * the assessment, respondent or process and what is wrong. */
gboolean      lo_store_check_engagement  (LoStore            *self,
                                          const LoEngagement *engagement,
                                          gint64              client,
                                          GError            **error);
/* Imports a new client (the engagement's client name; a number is appended
 * when the name exists) after lo_store_check_engagement(); returns its id,
 * 0 on error, when nothing was written. */
gint64        lo_store_import_engagement (LoStore            *self,
                                          const LoEngagement *engagement,
                                          GError            **error);
/* The same in a worker thread with a connection of its own, for large
 * engagements: the window stays responsive. ::changed is emitted on the
 * calling thread before @callback runs. Cancelled (checked between
 * assessments and processes), nothing is written. Until it is done, other
 * changes through @self fail at once with LO_STORE_ERROR_LOCKED. */
void          lo_store_import_engagement_async  (LoStore             *self,
                                                 LoEngagement        *engagement,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gint64        lo_store_import_engagement_finish (LoStore       *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
gboolean      lo_store_set_settings      (LoStore          *self,
                                          gint64            client,
                                          const LoSettings *settings,
                                          GError          **error);
gboolean      lo_store_set_industry      (LoStore    *self,
                                          gint64      client,
                                          const char *industry,
                                          GError    **error);

/* Assessments */
gboolean      lo_store_add_assessment    (LoStore            *self,
                                          gint64              client,
                                          const LoAssessment *assessment,
                                          GError            **error);
/* Replaces the client's assessment with the same id (its respondents,
 * answers, agreed answers and targets) by @assessment, in one transaction,
 * keeping its place among the client's assessments. */
gboolean      lo_store_replace_assessment (LoStore            *self,
                                           gint64              client,
                                           const LoAssessment *assessment,
                                           GError            **error);
gboolean      lo_store_remove_assessment (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          GError    **error);
gboolean      lo_store_add_respondent    (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *respondent,
                                          const char *name,
                                          const char *role,
                                          GError    **error);
gboolean      lo_store_rename_respondent (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *respondent,
                                          const char *name,
                                          const char *role,
                                          GError    **error);
gboolean      lo_store_remove_respondent (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *respondent,
                                          GError    **error);
/* @value: 1 … 5, LO_ANSWER_DONT_KNOW or LO_ANSWER_NA */
gboolean      lo_store_set_answer        (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *respondent,
                                          const char *question,
                                          int         value,
                                          GError    **error);
gboolean      lo_store_clear_answer      (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *respondent,
                                          const char *question,
                                          GError    **error);
/* The note on a respondent's answer (NULL or "" removes it); without an
 * answer to @question, a "don't know" is recorded to carry the note. */
gboolean      lo_store_set_note          (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *respondent,
                                          const char *question,
                                          const char *note,
                                          GError    **error);
/* The answer the group agreed on (@value as lo_store_set_answer's) and its
 * note (may be NULL); replaces one recorded before. */
gboolean      lo_store_set_agreed        (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *question,
                                          int         value,
                                          const char *note,
                                          GError    **error);
gboolean      lo_store_clear_agreed      (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *question,
                                          GError    **error);
/* @level 0 removes the target */
gboolean      lo_store_set_target        (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          const char *dimension,
                                          int         level,
                                          GError    **error);

/* Processes */
/* Inserts or replaces the process with the same id (inputs, ranges, readiness,
 * alternative, actuals, start). */
gboolean      lo_store_put_process       (LoStore         *self,
                                          gint64           client,
                                          const LoProcess *process,
                                          GError         **error);
gboolean      lo_store_remove_process    (LoStore    *self,
                                          gint64      client,
                                          const char *process,
                                          GError    **error);
/* Sets the order of the client's processes (their file order); whether it
 * is a build order set by hand stays as it was. */
gboolean      lo_store_set_process_order (LoStore            *self,
                                          gint64              client,
                                          const char * const *ids,
                                          GError            **error);
/* Sets the order of the client's processes (@ids as for
 * lo_store_set_process_order(); NULL keeps the order) and, in the same
 * transaction, whether it is a build order set by hand (@custom: it then
 * replaces the suggested sequence; LoEngagement.custom_order). Emits
 * ::changed with LO_STORE_CHANGE_PROCESSES. */
gboolean      lo_store_set_build_order   (LoStore            *self,
                                          gint64              client,
                                          const char * const *ids,
                                          gboolean            custom,
                                          GError            **error);
/* Replaces the client's commentary (the consultant's words, SPEC §3) with
 * @commentary (NULL or empty: none), checked against SPEC §2c's limits
 * (LO_STORE_ERROR_INVALID naming the part). Emits ::changed with
 * LO_STORE_CHANGE_SETTINGS. */
gboolean      lo_store_set_commentary    (LoStore            *self,
                                          gint64              client,
                                          const LoCommentary *commentary,
                                          GError            **error);

/* The programme (SPEC §2b) and the roadmap's schedule (SPEC §1). Each checks
 * its value against SPEC §2c's limits (LO_STORE_ERROR_INVALID naming the input
 * and the bound) before writing. */
/* The build lanes, 1 … 20 (LoSettings.parallel_builds); ::changed with
 * LO_STORE_CHANGE_SETTINGS. */
gboolean      lo_store_set_parallel_builds (LoStore *self,
                                            gint64   client,
                                            int      parallel_builds,
                                            GError **error);
/* The weeks of the roadmap's step reaching @level (1 … 5): 1 … 260, or 0 to
 * return the step to its default (LoEngagement.step_weeks); ::changed with
 * LO_STORE_CHANGE_SETTINGS. */
gboolean      lo_store_set_step_weeks      (LoStore *self,
                                            gint64   client,
                                            int      level,
                                            int      weeks,
                                            GError **error);
/* Whether process @process is in the programme (LoProcess.include);
 * ::changed with LO_STORE_CHANGE_PROCESSES. */
gboolean      lo_store_set_process_include (LoStore    *self,
                                            gint64      client,
                                            const char *process,
                                            LoInclude   include,
                                            GError    **error);

/* Question banks the assessments were taken with */
gboolean      lo_store_put_bank          (LoStore      *self,
                                          const LoBank *bank,
                                          GError      **error);
LoBank       *lo_store_get_bank          (LoStore    *self,
                                          const char *id,
                                          guint       version,   /* 0: the newest kept */
                                          GError    **error);
/* The bank an assessment was taken with: the kept copy of the version it
 * was taken with, else the shipped bank of that id; LO_STORE_ERROR_NOT_FOUND
 * when neither exists. */
LoBank       *lo_store_get_assessment_bank (LoStore    *self,
                                            gint64      client,
                                            const char *assessment,
                                            GError    **error);

/* Backups: the last five days, by the online backup API. */
gboolean      lo_store_backup_if_due     (LoStore  *self,
                                          GError  **error);
/* The same backup as lo_store_backup_if_due() (same file, same rotation,
 * written whole or not at all), made in a worker thread through a read-only
 * connection of its own, so that the store stays usable meanwhile. A
 * cancellation before the copy is renamed into place leaves no file and
 * reports G_IO_ERROR_CANCELLED. */
void          lo_store_backup_if_due_async  (LoStore             *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      lo_store_backup_if_due_finish (LoStore       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
GPtrArray    *lo_store_list_backups      (LoStore  *self);       /* char* paths, newest first */
/* The same for the database at @db_path, which need not open (it may be
 * the damaged one). */
GPtrArray    *lo_store_list_backups_of   (const char *db_path);
gboolean      lo_store_restore_backup    (const char *db_path,
                                          const char *backup_path,
                                          GError    **error);

/* Properties (construct-only, read by the functions above):
 *   :path       the database file
 *   :read-only  whether every change fails with LO_STORE_ERROR_READ_ONLY
 *
 * Signals:
 *   ::changed (LoStore *store, gint64 client, LoStoreChange what)
 *     what is a LO_TYPE_STORE_CHANGE; client is 0 for changes to the
 *     client list as a whole. */

G_END_DECLS
