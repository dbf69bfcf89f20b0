/* lo-cli-store.h: the local database for the subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-io.h"
#include "lo-store.h"

G_BEGIN_DECLS

/* Opens the database at @db_path (NULL: the default path) for reading: read-only
 * and without the instance lock, so that it works while the window has it open.
 * A database that does not exist is an error (LO_STORE_ERROR_OPEN). */
LoStore      *lo_cli_open_db_for_reading (const char *db_path,
                                          GError    **error);

/* The engagement of the client named @client (or with that number) in the
 * database at @db_path (NULL: the default path). */
/* The client CLIENT names on the command line: "#12" is client number 12;
 * anything else is a name, or a client's number when no client has that
 * name. 0 with @error set when there is none. */
gint64        lo_cli_find_client        (LoStore    *store,
                                         const char *client,
                                         GError    **error);
LoEngagement *lo_cli_load_from_db        (const char *db_path,
                                          const char *client,
                                          GError    **error);

/* The copy of question bank @bank_id, edition @bank_edition (0: the newest),
 * kept in the database at @db_path (NULL: the default path); NULL with
 * LO_IO_ERROR_NOT_FOUND when there is no database or it keeps no such bank. */
LoBank       *lo_cli_find_bank_in_db     (const char *db_path,
                                          const char *bank_id,
                                          guint       bank_edition,
                                          GError    **error);

G_END_DECLS
