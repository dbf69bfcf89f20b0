/* fuzz-bank.c: the question-bank reader on arbitrary bytes
 *
 * Whatever it accepts must write back to XML that it accepts again, giving
 * the same XML (the bank is kept in the database as that XML).
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
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(LoBank) again = NULL;
  g_autoptr(GBytes) xml_bytes = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length = 0, length2 = 0;

  bank = lo_bank_read_bytes (bytes, "fuzz.xml", &error);
  if (bank == NULL)
    {
      /* Refusals are errors with a one-line message, never a crash. */
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }

  xml = lo_bank_to_xml (bank, &length);
  g_assert_nonnull (xml);
  xml_bytes = g_bytes_new_static (xml, length);
  again = lo_bank_read_bytes (xml_bytes, "fuzz-again.xml", &error);
  if (again == NULL)
    g_error ("an accepted bank's XML is refused: %s", error->message);
  xml2 = lo_bank_to_xml (again, &length2);
  g_assert_cmpmem (xml, length, xml2, length2);
  return 0;
}
