/* lo-demo.c: the built-in demo engagement (Harbor Logistics)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-xml-private.h"

#define DEMO_NAME     "harbor-logistics.lightsout"
#define DEMO_RESOURCE LO_XML_RESOURCE_PREFIX "/demo/" DEMO_NAME

LoEngagement *
lo_demo_engagement (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LoEngagement *engagement;

  bytes = g_resource_lookup_data (lo_xml_resource (), DEMO_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      /* Shipped data: a failure here is a packaging bug, not the user's. */
      g_critical ("The built-in demo is missing: %s", error->message);
      return NULL;
    }

  engagement = lo_engagement_read_bytes (bytes, DEMO_NAME, NULL, &error);
  if (engagement == NULL)
    {
      g_critical ("The built-in demo does not load: %s", error->message);
      return NULL;
    }

  return engagement;
}
