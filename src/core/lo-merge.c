/* lo-merge.c: respondents who answered elsewhere, merged into an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lo-core.h"
#include "lo-merge.h"

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (fa, fb);
}

/* The index in @respondents of the one with @r's id or name, or -1. */
static int
find_match (GPtrArray          *respondents,
            const LoRespondent *r)
{
  for (guint i = 0; i < respondents->len; i++)
    {
      const LoRespondent *other = g_ptr_array_index (respondents, i);

      if (g_strcmp0 (other->id, r->id) == 0 || same_name (other->name, r->name))
        return (int) i;
    }
  return -1;
}

static LoRespondent *
copy_into (LoAssessment       *assessment,
           const LoRespondent *r)
{
  LoRespondent *copy = lo_assessment_add_respondent (assessment, r->id, r->name, r->role);

  for (guint j = 0; j < r->answers->len; j++)
    {
      const LoAnswer *a = &g_array_index (r->answers, LoAnswer, j);

      lo_respondent_set_answer (copy, a->question, a->value);
      if (a->note != NULL)
        lo_respondent_set_note (copy, a->question, a->note);
    }
  return copy;
}

/* Checks one incoming assessment against @into and those before it
 * (@seen: the incoming respondents so far, borrowed). */
static gboolean
check_incoming (const LoAssessment *into,
                const LoAssessment *from,
                const char         *source,
                const LoBank       *bank,
                gboolean            replace,
                GPtrArray          *seen,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_strcmp0 (from->id, into->id) != 0)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID,
                   _("%s: the answers are for assessment “%s”, not “%s”"),
                   source, from->id, into->id);
      return FALSE;
    }
  if (g_strcmp0 (from->bank, into->bank) != 0)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   _("%s: the answers are to question bank “%s”, the assessment uses “%s”"),
                   source, from->bank, into->bank);
      return FALSE;
    }
  if (!lo_assessment_check (from, bank, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   source, local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < from->respondents->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (from->respondents, i);
      int there = find_match (into->respondents, r);
      int twice = find_match (seen, r);

      if (twice >= 0)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID,
                       _("%s: respondent “%s” (%s) is in more than one of the files"),
                       source, r->name ? r->name : r->id, r->id);
          return FALSE;
        }
      if (there >= 0 && !replace)
        {
          const LoRespondent *other = g_ptr_array_index (into->respondents, there);

          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID,
                       _("%s: assessment “%s” already has respondent “%s” (%s); replace it with --replace"),
                       source, into->id, other->name ? other->name : other->id, other->id);
          return FALSE;
        }
      g_ptr_array_add (seen, (gpointer) r);
    }
  return TRUE;
}

gboolean
lo_assessment_merge (LoAssessment *into,
                     GPtrArray    *incoming,
                     GPtrArray    *sources,
                     const LoBank *bank,
                     gboolean      replace,
                     GError      **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint total;

  g_return_val_if_fail (into != NULL, FALSE);
  g_return_val_if_fail (incoming != NULL, FALSE);
  g_return_val_if_fail (bank != NULL, FALSE);

  for (guint k = 0; k < incoming->len; k++)
    {
      const char *source = sources != NULL && k < sources->len
                           ? g_ptr_array_index (sources, k) : into->id;

      if (!check_incoming (into, g_ptr_array_index (incoming, k), source, bank, replace, seen, error))
        return FALSE;
    }

  /* the respondents left after the replaced ones, plus the incoming */
  total = into->respondents->len + seen->len;
  for (guint i = 0; i < seen->len; i++)
    if (find_match (into->respondents, g_ptr_array_index (seen, i)) >= 0)
      total--;
  if (total > LO_MAX_RESPONDENTS)
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID,
                   _("assessment “%s” would have %u respondents; at most %d are allowed"),
                   into->id, total, LO_MAX_RESPONDENTS);
      return FALSE;
    }

  /* Nothing can fail from here on. A replaced respondent keeps its place. */
  for (guint i = 0; i < seen->len; i++)
    {
      const LoRespondent *r = g_ptr_array_index (seen, i);
      int there;
      guint place = into->respondents->len;

      while ((there = find_match (into->respondents, r)) >= 0)
        {
          place = MIN (place, (guint) there);
          g_ptr_array_remove_index (into->respondents, there);
        }
      copy_into (into, r);
      if (place < into->respondents->len - 1)
        {
          /* move the new last one to @place */
          gpointer last = g_ptr_array_steal_index (into->respondents, into->respondents->len - 1);
          g_ptr_array_insert (into->respondents, (int) place, last);
        }
    }
  return TRUE;
}

char *
lo_respondent_id_from_name (const char *name)
{
  g_autofree char *ascii = NULL;
  GString *id = g_string_new (NULL);
  gboolean dash = FALSE;

  if (name != NULL)
    ascii = g_str_to_ascii (name, "C");
  for (const char *p = ascii ? ascii : ""; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          dash = FALSE;
          g_string_append_c (id, g_ascii_tolower (*p));
        }
      else
        dash = TRUE;
    }
  if (id->len == 0)
    g_string_append (id, "respondent");
  if (id->len > 200)
    g_string_truncate (id, 200);
  return g_string_free (id, FALSE);
}
