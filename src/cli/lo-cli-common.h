/* lo-cli-common.h: what the subcommands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-io.h"

G_BEGIN_DECLS

G_END_DECLS
