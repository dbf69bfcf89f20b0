/* lo-commentary.c: the consultant's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lo-limits.h"
#include "lo-commentary.h"

static void
dimension_comment_free (LoDimensionComment *c)
{
  g_free (c->dimension);
  g_free (c->text);
  g_free (c);
}

LoCommentary *
lo_commentary_new (void)
{
  LoCommentary *c = g_new0 (LoCommentary, 1);

  c->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) dimension_comment_free);
  return c;
}

LoCommentary *
lo_commentary_copy (const LoCommentary *commentary)
{
  LoCommentary *copy = lo_commentary_new ();

  if (commentary == NULL)
    return copy;
  copy->cover = g_strdup (commentary->cover);
  copy->next_steps = g_strdup (commentary->next_steps);
  for (guint i = 0; i < commentary->dimensions->len; i++)
    {
      const LoDimensionComment *d = g_ptr_array_index (commentary->dimensions, i);
      lo_commentary_set_dimension (copy, d->dimension, d->text);
    }
  return copy;
}

void
lo_commentary_free (LoCommentary *commentary)
{
  if (commentary == NULL)
    return;
  g_free (commentary->cover);
  g_free (commentary->next_steps);
  g_ptr_array_unref (commentary->dimensions);
  g_free (commentary);
}

gboolean
lo_commentary_is_empty (const LoCommentary *commentary)
{
  return commentary == NULL
         || ((commentary->cover == NULL || *commentary->cover == '\0')
             && (commentary->next_steps == NULL || *commentary->next_steps == '\0')
             && commentary->dimensions->len == 0);
}

const char *
lo_commentary_get_dimension (const LoCommentary *commentary,
                             const char         *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  if (commentary == NULL)
    return NULL;
  for (guint i = 0; i < commentary->dimensions->len; i++)
    {
      const LoDimensionComment *d = g_ptr_array_index (commentary->dimensions, i);
      if (strcmp (d->dimension, id) == 0)
        return d->text;
    }
  return NULL;
}

void
lo_commentary_set_dimension (LoCommentary *commentary,
                             const char   *id,
                             const char   *text)
{
  LoDimensionComment *d;

  g_return_if_fail (commentary != NULL && id != NULL);

  for (guint i = 0; i < commentary->dimensions->len; i++)
    {
      d = g_ptr_array_index (commentary->dimensions, i);
      if (strcmp (d->dimension, id) != 0)
        continue;
      if (text == NULL || *text == '\0')
        g_ptr_array_remove_index (commentary->dimensions, i);
      else
        {
          g_free (d->text);
          d->text = g_strdup (text);
        }
      return;
    }
  if (text == NULL || *text == '\0')
    return;
  d = g_new0 (LoDimensionComment, 1);
  d->dimension = g_strdup (id);
  d->text = g_strdup (text);
  g_ptr_array_add (commentary->dimensions, d);
}

gboolean
lo_commentary_check (const LoCommentary *commentary,
                     GError            **error)
{
  if (commentary == NULL)
    return TRUE;
  if (!lo_limit_check_text ("commentary", "cover", commentary->cover, error)
      || !lo_limit_check_text ("commentary", "next-steps", commentary->next_steps, error))
    return FALSE;
  for (guint i = 0; i < commentary->dimensions->len; i++)
    {
      const LoDimensionComment *d = g_ptr_array_index (commentary->dimensions, i);
      g_autofree char *what = g_strdup_printf ("dimension %s", d->dimension);

      if (!lo_limit_check_name ("commentary", "dimension", d->dimension, error)
          || !lo_limit_check_text ("commentary", what, d->text, error))
        return FALSE;
    }
  return TRUE;
}
