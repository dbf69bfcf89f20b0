/* lo-client-session.h: the selected client, its engagement and its analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lo-core.h"
#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_CLIENT_SESSION (lo_client_session_get_type ())
G_DECLARE_FINAL_TYPE (LoClientSession, lo_client_session, LO, CLIENT_SESSION, GObject)

/* Properties: "store" (construct-only), "client-id" (0: none), "assessment-id"
 * (the shown assessment; NULL or unknown: the latest), "engagement" and
 * "analysis" (read-only). On every LoStore::changed that concerns the client,
 * the engagement is read again and analysed once; "engagement" and "analysis"
 * are notified after each reload, also when the figures did not change, so
 * that views refresh what they show. */
LoClientSession *lo_client_session_new               (LoStore         *store);
LoStore         *lo_client_session_get_store         (LoClientSession *self);
gint64           lo_client_session_get_client_id     (LoClientSession *self);
/* Selects @client and its assessment @assessment_id (NULL: the latest) and
 * reloads once. */
void             lo_client_session_select            (LoClientSession *self,
                                                      gint64           client,
                                                      const char      *assessment_id);
void             lo_client_session_set_client_id     (LoClientSession *self,
                                                      gint64           client);
/* The assessment shown: the one asked for, or the latest; NULL without one. */
const char      *lo_client_session_get_assessment_id (LoClientSession *self);
void             lo_client_session_set_assessment_id (LoClientSession *self,
                                                      const char      *assessment_id);
/* NULL when no client is selected (transfer none). */
LoEngagement    *lo_client_session_get_engagement    (LoClientSession *self);
/* NULL when no client is selected; a partial analysis (LO_ANALYSIS_PARTIAL)
 * without Monte Carlo otherwise (transfer none). */
LoAnalysis      *lo_client_session_get_analysis      (LoClientSession *self);
/* Reads the client again now (the session does it on LoStore::changed). */
void             lo_client_session_reload            (LoClientSession *self);
/* The error of the last reload (the client could not be read), or NULL. */
const GError    *lo_client_session_get_error         (LoClientSession *self);

G_END_DECLS
