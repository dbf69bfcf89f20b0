/* lo-engagement-commentary.c: <commentary> in an engagement file (format 1.1)
 *
 * The consultant's words: a cover note, a comment per dimension and the next
 * steps, each text kept exactly as written (line breaks too), at most
 * LO_LIMIT_TEXT_LENGTH characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-engagement-private.h"

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

/* Each commented dimension must be one of the banks the assessments were
 * answered with, when those banks are known here (the shipped ones); a
 * consultant's own bank is checked where it is found (the store, --bank). */
gboolean
lo_engagement_check_commentary_dimensions (LoXmlContext       *ctx,
                                           const LoEngagement *engagement,
                                           const xmlNode      *node,
                                           GError            **error)
{
  g_autoptr(GPtrArray) banks = g_ptr_array_new_with_free_func ((GDestroyNotify) lo_bank_unref);
  const LoCommentary *c = engagement->commentary;

  if (c == NULL || c->dimensions->len == 0)
    return TRUE;
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *a = g_ptr_array_index (engagement->assessments, i);
      LoBank *bank = lo_bank_find_shipped_edition (a->bank, a->bank_edition, NULL);

      if (bank == NULL)
        return TRUE;
      g_ptr_array_add (banks, bank);
    }
  if (banks->len == 0)
    {
      LoBank *bank = lo_bank_find_shipped ("lightsout-default", NULL);
      if (bank == NULL)
        return TRUE;
      g_ptr_array_add (banks, bank);
    }
  for (guint i = 0; i < c->dimensions->len; i++)
    {
      const LoDimensionComment *d = g_ptr_array_index (c->dimensions, i);
      gboolean known = FALSE;

      for (guint b = 0; b < banks->len && !known; b++)
        known = lo_bank_lookup_dimension (g_ptr_array_index (banks, b), d->dimension) != NULL;
      if (!known)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            /* TRANSLATORS: "<commentary>: no dimension “dat” in the question bank" */
                            _("<commentary>: no dimension “%s” in the question bank"),
                            d->dimension);
          return FALSE;
        }
    }
  return TRUE;
}

/* The text of a commentary element exactly as written (line breaks kept):
 * text and CDATA only. */
static gboolean
commentary_text (LoXmlContext  *ctx,
                 const xmlNode *node,
                 const char    *what,
                 char         **text,
                 GError       **error)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (raw, (const char *) child->content);
      else if (child->type == XML_ENTITY_REF_NODE)
        {
          lo_xml_set_error (error, LO_IO_ERROR_FORBIDDEN, ctx->file, child,
                            _("entity references are not allowed"));
          return FALSE;
        }
      else if (child->type == XML_ELEMENT_NODE && !lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }
  if (!lo_limit_check_text ("commentary", what, raw->str, &local_error))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node, "%s", local_error->message);
      return FALSE;
    }
  *text = g_string_free (g_steal_pointer (&raw), FALSE);
  return TRUE;
}

/* <commentary><cover/><dimension id/>…<next-steps/></commentary> (format
 * 1.1): the consultant's words. Each part at most once. */
gboolean
lo_engagement_read_commentary (LoXmlContext  *ctx,
                               LoEngagement  *engagement,
                               const xmlNode *node,
                               GError       **error)
{
  static const char * const attributes[] = { NULL };
  static const char * const dimension_attributes[] = { "id", NULL };
  LoCommentary *c;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  if (engagement->commentary == NULL)
    engagement->commentary = lo_commentary_new ();
  c = engagement->commentary;

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      g_autofree char *text = NULL;
      g_autofree char *id = NULL;
      gboolean cover = lo_xml_is (child, NS, "cover");
      gboolean next = lo_xml_is (child, NS, "next-steps");

      if (cover || next)
        {
          if (!lo_xml_check_attributes (ctx, child, attributes, error)
              || !commentary_text (ctx, child, cover ? "cover" : "next-steps", &text, error))
            return FALSE;
          if ((cover ? c->cover : c->next_steps) != NULL)
            {
              lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                                _("<commentary>: <%s> is given twice"),
                                cover ? "cover" : "next-steps");
              return FALSE;
            }
          if (cover)
            c->cover = g_steal_pointer (&text);
          else
            c->next_steps = g_steal_pointer (&text);
          continue;
        }
      if (!lo_xml_is (child, NS, "dimension"))
        {
          if (!lo_xml_unknown_element (ctx, child, error))
            return FALSE;
          continue;
        }
      if (!lo_xml_check_attributes (ctx, child, dimension_attributes, error))
        return FALSE;
      id = lo_xml_attr (child, "id");
      if (id == NULL || *id == '\0')
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                            _("<commentary> <dimension> has no id"));
          return FALSE;
        }
      {
        g_autoptr(GError) local_error = NULL;

        if (!lo_limit_check_name ("commentary", "dimension", id, &local_error))
          {
            lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child, "%s", local_error->message);
            return FALSE;
          }
      }
      if (lo_commentary_get_dimension (c, id) != NULL)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                            _("<commentary>: dimension “%s” is given twice"), id);
          return FALSE;
        }
      {
        g_autofree char *what = g_strdup_printf ("dimension %s", id);
        if (!commentary_text (ctx, child, what, &text, error))
          return FALSE;
      }
      lo_commentary_set_dimension (c, id, text);
    }
  return TRUE;
}
