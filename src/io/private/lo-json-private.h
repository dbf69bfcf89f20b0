/* lo-json-private.h: members of the CLI's JSON, with null for absent values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <math.h>

G_BEGIN_DECLS

/* "None" (NAN) and anything else not finite is null. */
static inline void
lo_json_add_number (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static inline void
lo_json_add_string (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The one way JSON text is made from a tree: pretty, indented by 2, with a
 * final newline, and every number valid JSON. (json-glib's generator appends
 * ".0" to any double printed without a dot, which turns 1e+20 into the
 * invalid 1e+20.0; the number tokens are repaired here.) */
char *lo_json_generate (JsonNode *root);

G_END_DECLS
