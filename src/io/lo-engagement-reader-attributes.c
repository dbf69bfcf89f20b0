/* lo-engagement-reader-attributes.c: the engagement reader's attribute helpers:
 * required, numeric and integer attributes and SPEC §2c's limits, each
 * failure with the file and the line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lo-engagement-reader-private.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The attribute @name when it is there and not blank, else NULL. */
char *
present_attr (const xmlNode *node,
              const char    *name)
{
  g_autofree char *value = lo_xml_attr (node, name);

  return is_blank (value) ? NULL : g_steal_pointer (&value);
}

/* A required attribute that must not be blank. */
char *
required_attr (LoXmlContext  *ctx,
               const xmlNode *node,
               const char    *name,
               const char    *what,
               GError       **error)
{
  g_autofree char *value = lo_xml_attr (node, name);

  if (value == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: attribute %s is missing"), what, name);
      return NULL;
    }
  if (is_blank (value))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: attribute %s is empty"), what, name);
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* An optional number attribute within [min, max]; @present tells whether it
 * was there. Messages read "WHAT: NAME: “abc” is not a number". */
static gboolean
number_attr (LoXmlContext  *ctx,
             const xmlNode *node,
             const char    *name,
             const char    *what,
             double         min,
             double         max,
             gboolean      *present,
             double        *value,
             GError       **error)
{
  g_autofree char *text = lo_xml_attr (node, name);

  *present = text != NULL;
  if (text == NULL)
    return TRUE;

  if (!lo_xml_parse_number (text, value))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: %s: “%s” is not a number"), what, name, text);
      return FALSE;
    }
  if (*value < min || *value > max)
    {
      char min_text[G_ASCII_DTOSTR_BUF_SIZE];
      char max_text[G_ASCII_DTOSTR_BUF_SIZE];

      lo_xml_format_number (min, min_text);
      lo_xml_format_number (max, max_text);
      if (isinf (max))
        lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                          _("%s: %s: %s must not be less than %s"),
                          what, name, text, min_text);
      else
        lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                          _("%s: %s: %s is not between %s and %s"),
                          what, name, text, min_text, max_text);
      return FALSE;
    }
  return TRUE;
}

/* An optional number attribute within its SPEC §2c limit (core's table);
 * the message names @subject, the input and the bound, with the line. */
gboolean
limit_attr (LoXmlContext  *ctx,
            const xmlNode *node,
            const char    *name,
            LoLimitId      limit,
            const char    *subject,
            const char    *qualifier,
            gboolean      *present,
            double        *value,
            GError       **error)
{
  g_autofree char *text = lo_xml_attr (node, name);
  g_autoptr(GError) local_error = NULL;

  *present = text != NULL;
  if (text == NULL)
    return TRUE;
  if (!lo_xml_parse_number (text, value))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: %s: “%s” is not a number"), subject, name, text);
      return FALSE;
    }
  if (!lo_limit_check (limit, subject, qualifier, text, *value, &local_error))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* A name or id within SPEC §2c's limits, with the line. */
gboolean
limit_name (LoXmlContext  *ctx,
            const xmlNode *node,
            const char    *subject,
            const char    *input,
            const char    *value,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (lo_limit_check_name (subject, input, value, &local_error))
    return TRUE;
  lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node, "%s", local_error->message);
  return FALSE;
}

gboolean
required_number_attr (LoXmlContext  *ctx,
                      const xmlNode *node,
                      const char    *name,
                      const char    *what,
                      double         min,
                      double         max,
                      double        *value,
                      GError       **error)
{
  gboolean present;

  if (!number_attr (ctx, node, name, what, min, max, &present, value, error))
    return FALSE;
  if (!present)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: attribute %s is missing"), what, name);
      return FALSE;
    }
  return TRUE;
}

/* A required integer attribute in [min, max]. */
gboolean
int_attr (LoXmlContext  *ctx,
          const xmlNode *node,
          const char    *name,
          const char    *what,
          int            min,
          int            max,
          int           *value,
          GError       **error)
{
  g_autofree char *text = lo_xml_attr (node, name);

  if (text == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: attribute %s is missing"), what, name);
      return FALSE;
    }
  if (!lo_xml_parse_int (text, min, max, value))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: %s “%s” is not a whole number from %d to %d"),
                        what, name, text, min, max);
      return FALSE;
    }
  return TRUE;
}
