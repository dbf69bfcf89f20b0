/* lo-xml-private.h: safe XML parsing and writing helpers shared by the readers
 * and writers of question banks and engagement files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "lo-io.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define LO_XML_RESOURCE_PREFIX "/io/github/lightsout/LightsOut"

/* How a reader treats what it does not know. */
typedef struct
{
  const char *file;      /* display name for messages */
  GPtrArray  *warnings;  /* char*, may be NULL */
  gboolean    lenient;   /* a newer minor version: skip unknown things with a warning */
  gboolean    allow_its; /* attributes in the ITS and xml: namespaces are ignored */
} LoXmlContext;

/* Reads a regular file of at most LO_IO_MAX_FILE_SIZE bytes. */
GBytes     *lo_xml_load_file         (const char   *path,
                                      GError      **error);
/* Parses untrusted bytes: size cap, UTF-8 only, no NUL, no DOCTYPE, no
 * entities, no network; the first libxml2 error becomes "FILE:LINE: message". */
xmlDoc     *lo_xml_parse             (GBytes       *bytes,
                                      const char   *file,
                                      GError      **error);
/* The display name of a path for messages (transfer full). */
char       *lo_xml_display_name      (const char   *path);

long        lo_xml_line              (const xmlNode *node);
void        lo_xml_set_error         (GError      **error,
                                      LoIoError     code,
                                      const char   *file,
                                      const xmlNode *node,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (5, 6);
void        lo_xml_warn              (LoXmlContext *ctx,
                                      const xmlNode *node,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (3, 4);
/* "<name>" or "<prefix:name>" (transfer full). */
char       *lo_xml_element_label     (const xmlNode *node);

gboolean    lo_xml_is                (const xmlNode *node,
                                      const char   *ns,
                                      const char   *name);
/* For a child of a container element: TRUE when it is an element to handle;
 * FALSE to skip it (comments, blank text), or FALSE with @error set for stray
 * text in the current version. */
gboolean    lo_xml_element_child     (LoXmlContext *ctx,
                                      const xmlNode *child,
                                      GError      **error);
/* An element the format does not know here: refused, or skipped with a
 * warning in a newer minor version. */
gboolean    lo_xml_unknown_element   (LoXmlContext *ctx,
                                      const xmlNode *child,
                                      GError      **error);
/* Every attribute of @node must be in @allowed (NULL-terminated). */
gboolean    lo_xml_check_attributes  (LoXmlContext *ctx,
                                      const xmlNode *node,
                                      const char * const *allowed,
                                      GError      **error);
/* The value of an attribute without namespace, or NULL (transfer full). */
char       *lo_xml_attr              (const xmlNode *node,
                                      const char   *name);
/* A free-text element such as <note>: its text kept as written (line breaks
 * are the author's), no attributes or child elements, at most @max_chars
 * characters; *@note stays NULL for an empty one and must be NULL on entry
 * (else "given twice"). */
gboolean    lo_xml_note              (LoXmlContext *ctx,
                                      const xmlNode *node,
                                      const char   *what,
                                      int           max_chars,
                                      char        **note,
                                      GError      **error);
/* The text content of a leaf element, whitespace collapsed (transfer full);
 * child elements are refused. */
gboolean    lo_xml_text              (LoXmlContext *ctx,
                                      const xmlNode *node,
                                      char        **text,
                                      GError      **error);
/* Trims and collapses runs of space, tab, CR and LF to one space, as
 * xgettext does for ITS-extracted messages (transfer full). */
char       *lo_xml_collapse          (const char   *text);

/* Strict, locale-independent numbers: [+-]digits[.digits][e[+-]digits],
 * finite; no hex, no nan/inf, no surrounding space. */
gboolean    lo_xml_parse_number      (const char   *text,
                                      double       *value);
/* Decimal digits only, within [min, max]. */
gboolean    lo_xml_parse_int         (const char   *text,
                                      int           min,
                                      int           max,
                                      int          *value);
/* "YYYY-MM-DD", a real date. */
gboolean    lo_xml_parse_date        (const char   *text);
/* "YYYY-MM". */
gboolean    lo_xml_parse_month       (const char   *text,
                                      int          *year,
                                      int          *month);

/* Shortest text that reads back to the same double ("0.08", "135000"). */
void        lo_xml_format_number     (double        value,
                                      char          buf[G_ASCII_DTOSTR_BUF_SIZE]);
void        lo_xml_append_escaped    (GString      *out,
                                      const char   *text,
                                      gboolean      attribute);
/* Appends ` name="value"` (escaped). */
void        lo_xml_append_attr       (GString      *out,
                                      const char   *name,
                                      const char   *value);
void        lo_xml_append_number_attr (GString     *out,
                                       const char  *name,
                                       double       value);
void        lo_xml_append_int_attr   (GString      *out,
                                      const char   *name,
                                      int           value);

/* The io GResource (linked in by referencing it). */
GResource  *lo_xml_resource          (void);

G_END_DECLS
