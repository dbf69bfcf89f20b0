/* lo-xml.c: parsing untrusted XML safely, and the helpers the readers and
 * writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "lo-io-resources.h"
#include "lo-xml-private.h"

G_DEFINE_QUARK (lo-io-error-quark, lo_io_error)

#define ITS_NAMESPACE "http://www.w3.org/2005/11/its"

typedef struct
{
  const char *file;
  GError     *error;   /* the first error only: later ones are consequences */
} ParseState;

/* Nothing outside the document is ever read: no external DTD, no external
 * entity, no XInclude, whatever the options of whoever parses. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
ensure_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

GResource *
lo_xml_resource (void)
{
  return lo_io_get_resource ();
}

char *
lo_xml_display_name (const char *path)
{
  return g_filename_display_name (path);
}

static guint
count_line (const char *data,
            gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

GBytes *
lo_xml_load_file (const char *path,
                  GError    **error)
{
  g_autofree char *display = lo_xml_display_name (path);
  g_autofree char *data = NULL;
  struct stat st;
  gsize capacity;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
   * below as not a regular file (for which the flag changes nothing) */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ,
                   _("%s: cannot open: %s"), display, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ,
                   _("%s: cannot read: %s"), display, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ,
                   _("%s: not a regular file"), display);
      return NULL;
    }
  if (st.st_size > LO_IO_MAX_FILE_SIZE)
    {
      g_autofree char *size_text = g_format_size_full ((guint64) st.st_size, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit_text = g_format_size_full (LO_IO_MAX_FILE_SIZE, G_FORMAT_SIZE_LONG_FORMAT);

      close (fd);
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE,
                   _("%s: the file is %s, more than the %s allowed"),
                   display, size_text, limit_text);
      return NULL;
    }

  /* The file may grow while it is read: never read past the cap. */
  capacity = (gsize) st.st_size + 1;
  data = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if (length > LO_IO_MAX_FILE_SIZE)
            break;
          capacity = MIN (capacity * 2, (gsize) LO_IO_MAX_FILE_SIZE + 1);
          data = g_realloc (data, capacity);
        }

      n = read (fd, data + length, capacity - length);
      if (n < 0)
        {
          int saved = errno;
          if (saved == EINTR)
            continue;
          close (fd);
          g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ,
                       _("%s: cannot read: %s"), display, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  if (length > LO_IO_MAX_FILE_SIZE)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE,
                   _("%s: the file is more than the %d bytes allowed"),
                   display, LO_IO_MAX_FILE_SIZE);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  g_autofree char *message = NULL;

  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR || state->error != NULL)
    return;

  message = g_strdup (xml_error->message ? xml_error->message : "");
  g_strstrip (message);
  g_set_error (&state->error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
               "%s:%d: %s", state->file, xml_error->line, message);
}

/* Called for any <!DOCTYPE>, before its internal subset is parsed: the
 * document is refused there, so no entity is ever declared. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->error == NULL)
    g_set_error (&state->error, LO_IO_ERROR, LO_IO_ERROR_FORBIDDEN,
                 _("%s:%d: a document type declaration (DOCTYPE) is not allowed"),
                 state->file, xmlSAX2GetLineNumber (ctxt));
  xmlStopParser (ctxt);
}

/* libxml2 2.9 checks an element's attributes for duplicates, and links
 * them into the tree, in time quadratic in their number: 100 000 attributes
 * take minutes. No element of ours has more than a few, so a linear scan of
 * the raw text refuses more than this before the parser sees them. */
#define MAX_ATTRIBUTES 256

static const char *
find_text (const char *p,
           const char *end,
           const char *needle)
{
  gsize len = strlen (needle);

  while (p != NULL && (gsize) (end - p) >= len)
    {
      if (memcmp (p, needle, len) == 0)
        return p;
      p = memchr (p + 1, needle[0], end - p - 1);
    }
  return NULL;
}

/* Returns where the first start tag with too many attributes has its last
 * allowed one exceeded, or NULL. */
static const char *
find_too_many_attributes (const char *data,
                          gsize       size)
{
  const char *end = data + size;
  const char *p = data;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      guint n = 0;
      char quote = 0;

      p++;
      if (p < end && (*p == '!' || *p == '?'))
        {
          const char *close;
          const char *closing;

          /* Comments, CDATA, processing instructions, declarations. */
          if (find_text (p, MIN (end, p + 3), "!--") == p)
            closing = "-->";
          else if (find_text (p, MIN (end, p + 8), "![CDATA[") == p)
            closing = "]]>";
          else if (*p == '?')
            closing = "?>";
          else
            closing = ">";
          close = find_text (p, end, closing);
          if (close == NULL)
            return NULL; /* unterminated: the parser says so */
          p = close + strlen (closing);
          continue;
        }

      for (; p < end; p++)
        {
          if (quote != 0)
            {
              if (*p == quote)
                quote = 0;
            }
          else if (*p == '"' || *p == '\'')
            quote = *p;
          else if (*p == '=')
            {
              if (++n > MAX_ATTRIBUTES)
                return p;
            }
          else if (*p == '>')
            break;
        }
    }
  return NULL;
}

xmlDoc *
lo_xml_parse (GBytes     *bytes,
              const char *file,
              GError    **error)
{
  ParseState state = { file, NULL };
  xmlParserCtxtPtr ctxt;
  const char *data;
  const char *end;
  const char *nul;
  gsize size;
  xmlDoc *doc;
  const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  ensure_initialized ();

  data = g_bytes_get_data (bytes, &size);
  if (size > LO_IO_MAX_FILE_SIZE)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE,
                   _("%s: the file is %llu bytes, more than the %d allowed"),
                   file, (unsigned long long) size, LO_IO_MAX_FILE_SIZE);
      return NULL;
    }
  if (size == 0 || data == NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                   _("%s: the file is empty"), file);
      return NULL;
    }

  /* UTF-16 (or UTF-32): a byte-order mark, or "<" beside a NUL byte */
  {
    const guchar *b = (const guchar *) data;

    if (size >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)
                      || (b[0] == '<' && b[1] == 0) || (b[0] == 0 && b[1] == '<')))
      {
        g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                     _("%s: the file is in UTF-16 (or UTF-32); save it as UTF-8"), file);
        return NULL;
      }
  }

  nul = memchr (data, '\0', size);
  if (nul != NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                   _("%s:%u: the file contains a NUL byte"),
                   file, count_line (data, nul - data));
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, &end))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                   _("%s:%u: the file is not valid UTF-8 text"),
                   file, count_line (data, end - data));
      return NULL;
    }
  end = find_too_many_attributes (data, size);
  if (end != NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s:%u: an element has more than %d attributes"),
                   file, count_line (data, end - data), MAX_ATTRIBUTES);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ,
                   _("%s: out of memory"), file);
      return NULL;
    }
  /* Errors go to this context only, never to the process-wide handlers. */
  ctxt->_private = &state;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, "UTF-8", options);

  if (state.error == NULL && doc == NULL)
    {
      xmlErrorPtr last = xmlCtxtGetLastError (ctxt);

      if (last != NULL && last->message != NULL)
        {
          g_autofree char *message = g_strstrip (g_strdup (last->message));
          g_set_error (&state.error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                       "%s:%d: %s", file, last->line, message);
        }
      else
        g_set_error (&state.error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                     _("%s: not well-formed XML"), file);
    }
  /* Belt and braces: whatever the parser did, a DTD is refused. */
  if (state.error == NULL && doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    g_set_error (&state.error, LO_IO_ERROR, LO_IO_ERROR_FORBIDDEN,
                 _("%s: a document type declaration (DOCTYPE) is not allowed"), file);
  if (state.error == NULL && doc != NULL && xmlDocGetRootElement (doc) == NULL)
    g_set_error (&state.error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                 _("%s: the document has no root element"), file);

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  if (state.error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, state.error);
      return NULL;
    }

  return doc;
}

long
lo_xml_line (const xmlNode *node)
{
  long line;

  if (node == NULL)
    return -1;
  line = xmlGetLineNo ((xmlNode *) node);

  /* libxml2 gives a text node the line where it ends: report the line of
   * its first visible character instead. */
  if (line > 0 && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
      && node->content != NULL)
    {
      const char *text = (const char *) node->content;
      const char *p;

      for (p = text; *p; p++)
        if (*p == '\n')
          line--;
      for (p = text; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
        if (*p == '\n')
          line++;
    }

  return line;
}

void
lo_xml_set_error (GError      **error,
                  LoIoError     code,
                  const char   *file,
                  const xmlNode *node,
                  const char   *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;
  long line;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = lo_xml_line (node);
  if (line > 0)
    g_set_error (error, LO_IO_ERROR, code, "%s:%ld: %s", file, line, message);
  else
    g_set_error (error, LO_IO_ERROR, code, "%s: %s", file, message);
}

void
lo_xml_warn (LoXmlContext  *ctx,
             const xmlNode *node,
             const char    *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;
  long line;

  if (ctx->warnings == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = lo_xml_line (node);
  if (line > 0)
    g_ptr_array_add (ctx->warnings, g_strdup_printf ("%s:%ld: %s", ctx->file, line, message));
  else
    g_ptr_array_add (ctx->warnings, g_strdup_printf ("%s: %s", ctx->file, message));
}

char *
lo_xml_element_label (const xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    return g_strdup_printf ("<%s:%s>", (const char *) node->ns->prefix, (const char *) node->name);
  return g_strdup_printf ("<%s>", (const char *) node->name);
}

gboolean
lo_xml_is (const xmlNode *node,
           const char    *ns,
           const char    *name)
{
  return node != NULL
    && node->type == XML_ELEMENT_NODE
    && node->ns != NULL
    && g_strcmp0 ((const char *) node->ns->href, ns) == 0
    && g_strcmp0 ((const char *) node->name, name) == 0;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

gboolean
lo_xml_element_child (LoXmlContext  *ctx,
                      const xmlNode *child,
                      GError       **error)
{
  switch (child->type)
    {
    case XML_ELEMENT_NODE:
      return TRUE;

    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (!is_blank ((const char *) child->content))
        {
          g_autofree char *parent = lo_xml_element_label (child->parent);

          if (!ctx->lenient)
            {
              lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                                _("unexpected text in %s"), parent);
              return FALSE;
            }
          lo_xml_warn (ctx, child, _("skipped unexpected text in %s"), parent);
        }
      return FALSE;

    case XML_ENTITY_REF_NODE:
    case XML_ENTITY_NODE:
    case XML_ENTITY_DECL:
      lo_xml_set_error (error, LO_IO_ERROR_FORBIDDEN, ctx->file, child,
                        _("entity references are not allowed"));
      return FALSE;

    default:
      /* comments and processing instructions */
      return FALSE;
    }
}

gboolean
lo_xml_unknown_element (LoXmlContext  *ctx,
                        const xmlNode *child,
                        GError       **error)
{
  g_autofree char *label = lo_xml_element_label (child);
  g_autofree char *parent = lo_xml_element_label (child->parent);

  if (!ctx->lenient)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                        _("unknown element %s in %s"), label, parent);
      return FALSE;
    }
  lo_xml_warn (ctx, child, _("skipped unknown element %s"), label);
  return TRUE;
}

gboolean
lo_xml_check_attributes (LoXmlContext       *ctx,
                         const xmlNode      *node,
                         const char * const *allowed,
                         GError            **error)
{
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      g_autofree char *label = NULL;
      g_autofree char *element = NULL;

      if (attr->ns == NULL && g_strv_contains (allowed, name))
        continue;
      if (attr->ns != NULL && ctx->allow_its
          && (g_strcmp0 ((const char *) attr->ns->href, ITS_NAMESPACE) == 0
              || g_strcmp0 ((const char *) attr->ns->href, (const char *) XML_XML_NAMESPACE) == 0))
        continue;

      if (attr->ns != NULL && attr->ns->prefix != NULL)
        label = g_strdup_printf ("%s:%s", (const char *) attr->ns->prefix, name);
      else
        label = g_strdup (name);
      element = lo_xml_element_label (node);

      if (!ctx->lenient)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("unknown attribute %s on %s"), label, element);
          return FALSE;
        }
      lo_xml_warn (ctx, node, _("skipped unknown attribute %s on %s"), label, element);
    }

  return TRUE;
}

char *
lo_xml_attr (const xmlNode *node,
             const char    *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

char *
lo_xml_collapse (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

gboolean
lo_xml_text (LoXmlContext  *ctx,
             const xmlNode *node,
             char         **text,
             GError       **error)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          g_string_append (raw, (const char *) child->content);
          break;

        case XML_ELEMENT_NODE:
          {
            g_autofree char *label = lo_xml_element_label (child);
            g_autofree char *parent = lo_xml_element_label (node);

            if (!ctx->lenient)
              {
                lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                                  _("unknown element %s in %s"), label, parent);
                return FALSE;
              }
            lo_xml_warn (ctx, child, _("skipped unknown element %s"), label);
          }
          break;

        case XML_ENTITY_REF_NODE:
          lo_xml_set_error (error, LO_IO_ERROR_FORBIDDEN, ctx->file, child,
                            _("entity references are not allowed"));
          return FALSE;

        default:
          break;
        }
    }

  *text = lo_xml_collapse (raw->str);
  return TRUE;
}

gboolean
lo_xml_note (LoXmlContext  *ctx,
             const xmlNode *node,
             const char    *what,
             int            max_chars,
             char         **note,
             GError       **error)
{
  static const char * const no_attributes[] = { NULL };
  g_autoptr(GString) text = g_string_new (NULL);

  if (*note != NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: the note is given twice"), what);
      return FALSE;
    }
  if (!lo_xml_check_attributes (ctx, node, no_attributes, error))
    return FALSE;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE || child->type == XML_ENTITY_REF_NODE)
        {
          g_autofree char *label = lo_xml_element_label (child);

          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                            _("%s: the note holds %s; it can hold only text"), what,
                            child->type == XML_ELEMENT_NODE ? label : "&…;");
          return FALSE;
        }
    }

  if (g_utf8_strlen (text->str, -1) > max_chars)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: the note is longer than %d characters"),
                        what, max_chars);
      return FALSE;
    }
  if (text->len > 0)
    *note = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

gboolean
lo_xml_parse_number (const char *text,
                     double     *value)
{
  const char *p = text;
  char *end = NULL;
  gboolean digits = FALSE;
  double v;

  if (text == NULL)
    return FALSE;

  /* The grammar is checked first: strtod would also take hex, "nan", "inf"
   * and leading space. */
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      digits = TRUE;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          digits = TRUE;
        }
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      gboolean exp_digits = FALSE;

      p++;
      if (*p == '+' || *p == '-')
        p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          exp_digits = TRUE;
        }
      if (!exp_digits)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  if (errno == ERANGE && fabs (v) > 1.0)
    return FALSE;

  if (value)
    *value = v == 0 ? 0 : v;  /* no negative zero */
  return TRUE;
}

gboolean
lo_xml_parse_int (const char *text,
                  int         min,
                  int         max,
                  int        *value)
{
  gint64 v = 0;
  gsize n = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++, n++)
    {
      if (!g_ascii_isdigit (*p) || n >= 9)
        return FALSE;
      v = v * 10 + (*p - '0');
    }
  if (v < min || v > max)
    return FALSE;
  if (value)
    *value = (int) v;
  return TRUE;
}

static gboolean
digits_at (const char *text,
           gsize       start,
           gsize       count,
           int        *value)
{
  int v = 0;

  for (gsize i = start; i < start + count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

gboolean
lo_xml_parse_date (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!digits_at (text, 0, 4, &year) || !digits_at (text, 5, 2, &month)
      || !digits_at (text, 8, 2, &day))
    return FALSE;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

gboolean
lo_xml_parse_month (const char *text,
                    int        *year,
                    int        *month)
{
  int y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  if (!digits_at (text, 0, 4, &y) || !digits_at (text, 5, 2, &m))
    return FALSE;
  if (y < 1 || m < 1 || m > 12)
    return FALSE;
  if (year)
    *year = y;
  if (month)
    *month = m;
  return TRUE;
}

void
lo_xml_format_number (double value,
                      char   buf[G_ASCII_DTOSTR_BUF_SIZE])
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  if (value == 0 || !isfinite (value))
    {
      /* Non-finite values never reach a file: the model refuses them. */
      g_strlcpy (buf, "0", G_ASCII_DTOSTR_BUF_SIZE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
  g_ascii_dtostr (buf, G_ASCII_DTOSTR_BUF_SIZE, value);
}

void
lo_xml_append_escaped (GString    *out,
                       const char *text,
                       gboolean    attribute)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\t':
          g_string_append (out, attribute ? "&#9;" : "\t");
          break;
        case '\n':
          g_string_append (out, attribute ? "&#10;" : "\n");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        default:
          /* XML 1.0 cannot carry other control characters at all. */
          if (c >= 0x20)
            g_string_append_c (out, (char) c);
          break;
        }
    }
}

void
lo_xml_append_attr (GString    *out,
                    const char *name,
                    const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  lo_xml_append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

void
lo_xml_append_number_attr (GString    *out,
                           const char *name,
                           double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  lo_xml_format_number (value, buf);
  g_string_append_printf (out, " %s=\"%s\"", name, buf);
}

void
lo_xml_append_int_attr (GString    *out,
                        const char *name,
                        int         value)
{
  g_string_append_printf (out, " %s=\"%d\"", name, value);
}
