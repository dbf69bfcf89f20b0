/* lo-engagement-reader-private.h: what the engagement reader's files share
 *
 * lo-engagement-reader.c reads the document, its version, client, settings,
 * roadmap and assessments; lo-engagement-reader-processes.c reads <process>;
 * lo-engagement-reader-attributes.c holds the attribute helpers below. The
 * helpers keep their short names: they are internal to lo-io (hidden
 * visibility).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-xml-private.h"

G_BEGIN_DECLS

#define NS LO_ENGAGEMENT_NAMESPACE

/* Iterates the element children of @parent; stray text is refused (or
 * skipped in a newer minor version) by lo_xml_element_child, and a failure
 * returns FALSE from the enclosing function. The readers below always get a
 * non-NULL @error (the public functions pass their own), so the check of
 * *error is reliable. */
#define FOR_EACH_ELEMENT(ctx, parent, child, error)                           \
  for (const xmlNode *child = (parent)->children; child != NULL; child = child->next) \
    if (!lo_xml_element_child ((ctx), child, (error)))                        \
      {                                                                       \
        if (*(error) != NULL)                                                 \
          return FALSE;                                                       \
      }                                                                       \
    else

/* Attribute helpers (lo-engagement-reader-attributes.c). @what and @subject
 * name the element in messages; every message carries the line. */

/* An attribute that is there and not blank, else NULL and no error: a
 * caller that names the element in messages only when there is one then
 * calls required_attr() for it (transfer full). */
G_GNUC_INTERNAL
char     *present_attr         (const xmlNode *node,
                                const char    *name);
/* A required attribute that must not be blank (transfer full). */
G_GNUC_INTERNAL
char     *required_attr        (LoXmlContext  *ctx,
                                const xmlNode *node,
                                const char    *name,
                                const char    *what,
                                GError       **error);
/* An optional number attribute within its SPEC §2c limit. */
G_GNUC_INTERNAL
gboolean  limit_attr           (LoXmlContext  *ctx,
                                const xmlNode *node,
                                const char    *name,
                                LoLimitId      limit,
                                const char    *subject,
                                const char    *qualifier,
                                gboolean      *present,
                                double        *value,
                                GError       **error);
/* A name or id within SPEC §2c's limits. */
G_GNUC_INTERNAL
gboolean  limit_name           (LoXmlContext  *ctx,
                                const xmlNode *node,
                                const char    *subject,
                                const char    *input,
                                const char    *value,
                                GError       **error);
/* A required number attribute within [@min, @max]. */
G_GNUC_INTERNAL
gboolean  required_number_attr (LoXmlContext  *ctx,
                                const xmlNode *node,
                                const char    *name,
                                const char    *what,
                                double         min,
                                double         max,
                                double        *value,
                                GError       **error);
/* A required integer attribute in [@min, @max]. */
G_GNUC_INTERNAL
gboolean  int_attr             (LoXmlContext  *ctx,
                                const xmlNode *node,
                                const char    *name,
                                const char    *what,
                                int            min,
                                int            max,
                                int           *value,
                                GError       **error);

/* <process> (lo-engagement-reader-processes.c); @process_ids is the set of
 * ids read so far. */
G_GNUC_INTERNAL
gboolean  read_process         (LoXmlContext  *ctx,
                                LoEngagement  *engagement,
                                GHashTable    *process_ids,
                                const xmlNode *node,
                                GError       **error);

G_END_DECLS
