/* lo-store.h: the local database (sqlite3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-core.h"

G_BEGIN_DECLS

#define LO_STORE_ERROR (lo_store_error_quark ())
GQuark lo_store_error_quark (void);

G_END_DECLS
