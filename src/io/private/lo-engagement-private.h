/* lo-engagement-private.h: parts of the engagement reader in files of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-xml-private.h"

G_BEGIN_DECLS

/* <commentary> (lo-engagement-commentary.c): read into @engagement; each
 * part at most once. */
gboolean lo_engagement_read_commentary (LoXmlContext  *ctx,
                                        LoEngagement  *engagement,
                                        const xmlNode *node,
                                        GError       **error);
/* Each commented dimension must be one of the known banks' (@node for the
 * error's line). */
gboolean lo_engagement_check_commentary_dimensions (LoXmlContext       *ctx,
                                                    const LoEngagement *engagement,
                                                    const xmlNode      *node,
                                                    GError            **error);

G_END_DECLS
