/* fuzz-number.c: lo_parse_double (), the command line's number parser
 *
 * What it accepts is finite, never negative zero, and reads back from its
 * shortest text to the same double.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lo-core.h"
#include "lo-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value = 0, again = 0;

  /* Command-line arguments are C strings: no NUL inside. */
  if (memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);

  if (!lo_parse_double (text, &value))
    return 0;

  g_assert_true (isfinite (value));
  g_assert_false (value == 0 && signbit (value));
  g_ascii_dtostr (buf, sizeof buf, value);
  g_assert_true (lo_parse_double (buf, &again));
  g_assert_true (again == value);
  return 0;
}
