/* fuzz-engagement.c: the .lightsout reader on arbitrary bytes
 *
 * Whatever it accepts must write canonical XML that it accepts again, and
 * write → read → write gives the same bytes (lo-io.h's promise).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lo-io.h"
#include "lo-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoEngagement) again = NULL;
  g_autoptr(GBytes) xml_bytes = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length = 0, length2 = 0;

  engagement = lo_engagement_read_bytes (bytes, "fuzz.lightsout", warnings, &error);
  if (engagement == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }

  xml = lo_engagement_to_xml (engagement, &length);
  g_assert_nonnull (xml);
  xml_bytes = g_bytes_new_static (xml, length);
  again = lo_engagement_read_bytes (xml_bytes, "fuzz-again.lightsout", NULL, &error);
  if (again == NULL)
    g_error ("an accepted engagement's XML is refused: %s", error->message);
  xml2 = lo_engagement_to_xml (again, &length2);
  g_assert_cmpmem (xml, length, xml2, length2);
  return 0;
}
