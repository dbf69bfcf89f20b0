/* lo-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "lo-store.h"

G_DEFINE_QUARK (lo-store-error-quark, lo_store_error)
