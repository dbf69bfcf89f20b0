/* lo-store-private.h: what the store's files share, and what its tests and
 * benchmarks may look into
 *
 * Only src/store and tests/store see this header (lo_store_private_dep);
 * other layers get lo-store.h alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "lo-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* 'LOUT' in PRAGMA application_id marks a Lights Out database. */
#define LO_STORE_APPLICATION_ID 0x4C4F5554

/* Deleted clients are kept (for undo) this long, then purged on open. */
#define LO_STORE_PURGE_AFTER_SECONDS (30 * 24 * 3600)

/* Backups kept beside the database. */
#define LO_STORE_BACKUPS_KEPT 5

struct _LoStore
{
  GObject     parent_instance;

  char       *path;           /* construct-only */
  gboolean    read_only;      /* construct-only */
  sqlite3    *db;
  int         lock_fd;        /* -1 when read-only */
  GHashTable *stmts;          /* const char *sql → sqlite3_stmt* */
  GHashTable *shipped_banks;  /* bank id → LoBank* or NULL when not shipped */
  guint       importing;      /* imports being stored by a worker's connection */
  gboolean    checked;        /* the whole file was found sound since the open */
};

/* For tests and benchmarks */

/* Number of migrations this program knows: the user_version of a database
 * it has brought up to date. */
guint         lo_store_schema_version   (void);
/* The SQL of migration @version (1-based) from the GResource (transfer full). */
char         *lo_store_migration_sql    (guint version);

/* The connection, for tests that inspect the file (e.g. PRAGMA checks). */
sqlite3      *lo_store_get_db           (LoStore *self);

/* Backups for @date (YYYY-MM-DD) instead of today; for tests of rotation. */
gboolean      lo_store_backup_for_date  (LoStore    *self,
                                         const char *date,
                                         GError    **error);

/* Errors (lo-store.c) */

/* Sets @error from SQLite's result code @rc for the database at @path. */
void          lo_store_set_sqlite_error (const char *path,
                                         sqlite3    *db,
                                         int         rc,
                                         GError    **error);
/* The same for @self's connection; returns FALSE. */
gboolean      lo_store_fail             (LoStore    *self,
                                         int         rc,
                                         GError    **error);
/* The LoStoreError for a failed system call's errno: FULL, READ_ONLY or
 * @otherwise. */
LoStoreError  lo_store_errno_code       (int          saved_errno,
                                         LoStoreError otherwise);
/* When @error holds LO_STORE_ERROR_EXISTS (a unique constraint), replaces
 * its message by one that names what exists. */
/* SPEC §2c at the store's door: lo_limit_check_name () (lo_limit_check_text ()
 * when @text) of @value, its refusal as LO_STORE_ERROR_INVALID. */
gboolean      lo_store_check_limit      (const char  *subject,
                                         const char  *input,
                                         const char  *value,
                                         gboolean     text,
                                         GError     **error);
void          lo_store_explain_exists   (GError    **error,
                                         const char *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/* Opening (lo-store.c) */

/* A store for @path that is not open yet: for worker threads, which need
 * a connection of their own. */
LoStore      *lo_store_new_unopened     (const char *path,
                                         gboolean    read_only);
gboolean      lo_store_open_db          (LoStore    *self,
                                         int         flags,
                                         GError    **error);
/* The writers' flock on the database file itself (made, mode 0600, when
 * @create and missing); LO_STORE_ERROR_LOCKED when another holds it. */
gboolean      lo_store_take_lock        (LoStore    *self,
                                         gboolean    create,
                                         GError    **error);
/* SQLite's quick_check of the whole file. */
gboolean      lo_store_check_integrity  (LoStore    *self,
                                         GError    **error);
/* The same, once per open: a file up to 8 MiB was checked by the open,
 * a larger one is checked here, before its first change. Then purges the
 * clients deleted long ago (the open leaves that to after the check). */
gboolean      lo_store_ensure_checked   (LoStore    *self,
                                         GError    **error);

/* Statements (lo-store-stmt.c)
 *
 * A LoStmt is a statement prepared once and kept by the store: it is reset
 * and unbound when done with (g_autoptr(LoStmt) does so), never finalized
 * by its user. Parameters are bound by a string of types, one character a
 * parameter ?1, ?2 … in order:
 *   'x' gint64 (cast what is not one: a varargs int is not);  'i' int (or
 *   gboolean);  's' const char *, NULL binds NULL
 *   (the string must outlive the statement's use);  'd' double, NAN binds
 *   NULL;  '-' skips the parameter (it keeps what it was bound to, NULL
 *   when released) and takes no argument. */
typedef sqlite3_stmt LoStmt;

void          lo_stmt_release           (LoStmt     *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoStmt, lo_stmt_release)

LoStmt       *lo_stmt_prepare           (LoStore    *self,
                                         const char *sql,
                                         GError    **error);
void          lo_stmt_bind              (LoStmt     *stmt,
                                         const char *types,
                                         ...);
/* The same from parameter @first on. */
void          lo_stmt_bind_valist       (LoStmt     *stmt,
                                         int         first,
                                         const char *types,
                                         va_list     args);
void          lo_stmt_bind_text         (LoStmt     *stmt,
                                         int         index,
                                         const char *value);
void          lo_stmt_bind_double       (LoStmt     *stmt,
                                         int         index,
                                         double      value);
/* Steps a query: TRUE with *row set; FALSE on error. */
gboolean      lo_stmt_step              (LoStore    *self,
                                         LoStmt     *stmt,
                                         gboolean   *row,
                                         GError    **error);
/* Steps a statement whose rows (if any) are not wanted, then releases it. */
gboolean      lo_stmt_step_done         (LoStore    *self,
                                         LoStmt     *stmt,
                                         GError    **error);
char         *lo_stmt_text              (LoStmt     *stmt,
                                         int         column);
/* NAN for NULL */
double        lo_stmt_double            (LoStmt     *stmt,
                                         int         column);

/* Prepares, binds and runs @sql to its end. */
gboolean      lo_store_exec             (LoStore    *self,
                                         GError    **error,
                                         const char *sql,
                                         const char *types,
                                         ...);
/* The integer in the first column of the first row; 0 when there is no
 * row or it is NULL. */
gboolean      lo_store_query_int        (LoStore    *self,
                                         gint64     *out,
                                         GError    **error,
                                         const char *sql,
                                         const char *types,
                                         ...);

/* Called for each row of a query; FALSE (with an error) stops. */
typedef gboolean (*LoRowFunc) (LoStore  *self,
                               LoStmt   *stmt,
                               gpointer  data,
                               GError  **error);
/* Prepares and binds @sql, then calls @func for each of its rows. */
gboolean      lo_store_each_row         (LoStore    *self,
                                         GError    **error,
                                         LoRowFunc   func,
                                         gpointer    data,
                                         const char *sql,
                                         const char *types,
                                         ...);

/* Statements that are not kept: the open sequence and migrations. */
gboolean      lo_store_exec_script      (LoStore    *self,
                                         const char *sql,
                                         GError    **error);
/* The first column of the first row of @sql as text (transfer full). */
gboolean      lo_store_pragma_text      (LoStore    *self,
                                         const char *sql,
                                         char      **out,
                                         GError    **error);
gboolean      lo_store_pragma_int       (LoStore    *self,
                                         const char *sql,
                                         gint64     *out,
                                         GError    **error);

/* Transactions (lo-store-stmt.c)
 *
 * A change is lo_store_begin(), its statements, lo_store_end(). */

/* BEGIN IMMEDIATE, unless the store is read-only or a worker is importing. */
gboolean      lo_store_begin            (LoStore    *self,
                                         GError    **error);
gboolean      lo_store_begin_read       (LoStore    *self,
                                         GError    **error);
void          lo_store_rollback         (LoStore    *self);
/* Commits when @ok; rolls back when not or when the commit fails. */
gboolean      lo_store_commit           (LoStore    *self,
                                         gboolean    ok,
                                         GError    **error);
/* Ends a change: when @ok, marks @client modified (for changes to what it
 * holds, LO_STORE_CHANGE_ASSESSMENT and _PROCESSES: changes of the client
 * row set it themselves), commits and emits ::changed (@client, @what);
 * otherwise rolls back. */
gboolean      lo_store_end              (LoStore      *self,
                                         gboolean      ok,
                                         gint64        client,
                                         LoStoreChange what,
                                         GError      **error);
void          lo_store_emit_changed     (LoStore      *self,
                                         gint64        client,
                                         LoStoreChange what);
/* Unix time, as the store writes it. */
gint64        lo_store_now              (void);

/* Migrations (lo-store-migrate.c) */

/* Applies the migrations after @from, each in a transaction of its own. */
gboolean      lo_store_migrate          (LoStore    *self,
                                         guint       from,
                                         GError    **error);

/* Clients (lo-store-clients.c) */

/* "the client's name" for messages, or "client N" */
char         *lo_store_client_label     (LoStore    *self,
                                         gint64      client);
/* LO_STORE_ERROR_NOT_FOUND unless @client is a live client. */
gboolean      lo_store_check_client     (LoStore    *self,
                                         gint64      client,
                                         GError    **error);
/* @base, or "@base (2)", "@base (3)" … the first name no live client has. */
char         *lo_store_unique_name      (LoStore    *self,
                                         const char *base,
                                         GError    **error);
/* A new client with the model's default settings; 0 on error. */
gint64        lo_store_insert_client    (LoStore    *self,
                                         const char *name,
                                         GError    **error);
gboolean      lo_store_write_settings   (LoStore          *self,
                                         gint64            client,
                                         const LoSettings *settings,
                                         GError          **error);

/* Assessments (lo-store-assessments.c) */

/* The row id of a live client's assessment, 0 with an error when missing. */
gint64        lo_store_lookup_assessment (LoStore    *self,
                                          gint64      client,
                                          const char *assessment,
                                          GError    **error);
gboolean      lo_store_insert_assessment (LoStore            *self,
                                          gint64              client,
                                          const LoAssessment *assessment,
                                          gint64              position,
                                          GError            **error);

/* Processes (lo-store-processes.c) */

/* A process's own columns, in the order bound and read. */
/* lo-store-programme.c, inside a change: the weeks set for the step
 * reaching @level (0 deletes them), every step's of @engagement, and the
 * include of process row @row. */
gboolean      lo_store_write_step_weeks     (LoStore            *self,
                                             gint64              client,
                                             int                 level,
                                             int                 weeks,
                                             GError            **error);
gboolean      lo_store_write_all_step_weeks (LoStore            *self,
                                             gint64              client,
                                             const LoEngagement *engagement,
                                             GError            **error);
gboolean      lo_store_write_process_include (LoStore           *self,
                                              gint64             row,
                                              LoInclude          include,
                                              GError           **error);

#define LO_STORE_PROCESS_COLUMNS \
  "name, start_year, start_month, clarity, access, scope, alt_build_cost, alt_build_weeks"

/* @position < 0: after the others */
gboolean      lo_store_insert_process   (LoStore         *self,
                                         gint64           client,
                                         const LoProcess *process,
                                         gint64           position,
                                         GError         **error);
gboolean      lo_store_write_custom_order (LoStore  *self,
                                           gint64    client,
                                           gboolean  custom,
                                           GError  **error);

/* The consultant's words (lo-store-commentary.c): replaces the client's
 * rows with @commentary's (NULL: none); reads them into @engagement. */
gboolean      lo_store_write_commentary (LoStore            *self,
                                         gint64              client,
                                         const LoCommentary *commentary,
                                         GError            **error);
gboolean      lo_store_read_commentary  (LoStore            *self,
                                         gint64              client,
                                         LoEngagement       *engagement,
                                         GError            **error);

/* Banks (lo-store-banks.c) */

/* The shipped bank @id of @edition, else that edition kept (for edition 1,
 * files from before editions: the newest kept copy) (transfer full);
 * LO_STORE_ERROR_NOT_FOUND when neither exists. */
LoBank       *lo_store_find_bank        (LoStore    *self,
                                         const char *id,
                                         guint       edition,
                                         GError    **error);

/* Keeps a copy of the bank an assessment is taken with (the shipped one of
 * that id and edition, else that edition already kept, else for edition 1 —
 * files from before editions — the newest already kept) and gives its
 * version, 0 when none is known. */
gboolean      lo_store_keep_bank_for    (LoStore    *self,
                                         const char *id,
                                         guint       edition,
                                         gint64     *version,
                                         GError    **error);

G_END_DECLS
