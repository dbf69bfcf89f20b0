/* lo-store-private.h: what the store's tests and benchmarks may look into
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

G_END_DECLS
