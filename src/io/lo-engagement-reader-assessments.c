/* lo-engagement-reader-assessments.c: an engagement file's <assessment> elements (SPEC §3):
 * respondents, their answers and targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lo-engagement-reader-private.h"

/* <answer question="…" level="1…5|na"/>; no level is "don't know". */
static gboolean
read_answer (LoXmlContext  *ctx,
             LoRespondent  *respondent,
             GHashTable    *questions,
             const xmlNode *node,
             GError       **error)
{
  static const char * const attributes[] = { "question", "level", NULL };
  g_autofree char *what = g_strdup_printf (_("respondent %s"), respondent->id);
  g_autofree char *question = NULL;
  g_autofree char *level = NULL;
  int value;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  question = required_attr (ctx, node, "question", what, error);
  if (question == NULL)
    return FALSE;

  level = lo_xml_attr (node, "level");
  if (level == NULL)
    value = LO_ANSWER_DONT_KNOW;
  else if (g_str_equal (level, "na"))
    value = LO_ANSWER_NA;
  else if (!lo_xml_parse_int (level, LO_LEVEL_MIN, LO_LEVEL_MAX, &value))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("respondent %s: answer to %s: level “%s” is not 1 to 5 or na"),
                        respondent->id, question, level);
      return FALSE;
    }

  /* A set, and an append rather than lo_respondent_set_answer (), which
   * searches the answers: a linear search per answer is quadratic, some
   * 5 × 10⁹ comparisons for a respondent with 100 000 answers. */
  if (!g_hash_table_add (questions, g_strdup (question)))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("respondent %s answers %s twice"), respondent->id, question);
      return FALSE;
    }

  {
    LoAnswer answer = { g_steal_pointer (&question), value };

    g_array_append_val (respondent->answers, answer);
  }
  return TRUE;
}

/* <respondent id="…" name="…" role="…"> answers </respondent> */
static gboolean
read_respondent (LoXmlContext  *ctx,
                 LoAssessment  *assessment,
                 GHashTable    *respondent_ids,
                 const xmlNode *node,
                 GError       **error)
{
  static const char * const attributes[] = { "id", "name", "role", NULL };
  g_autoptr(GHashTable) questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *what = g_strdup_printf (_("assessment %s: <respondent>"), assessment->id);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  LoRespondent *respondent;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  id = required_attr (ctx, node, "id", what, error);
  if (id == NULL)
    return FALSE;
  /* A set, not lo_assessment_lookup_respondent (): see read_process (). */
  if (!g_hash_table_add (respondent_ids, g_strdup (id)))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: respondent id “%s” is used twice"),
                        assessment->id, id);
      return FALSE;
    }
  g_free (what);
  what = g_strdup_printf (_("assessment %s: respondent %s"), assessment->id, id);
  name = required_attr (ctx, node, "name", what, error);
  if (name == NULL)
    return FALSE;
  role = lo_xml_attr (node, "role");
  if (!limit_name (ctx, node, "<respondent>", "id", id, error)
      || !limit_name (ctx, node, what, "name", name, error)
      || !limit_name (ctx, node, what, "role", role, error))
    return FALSE;
  if (assessment->respondents->len >= LO_LIMIT_MAX_RESPONDENTS)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: more than %d respondents"),
                        assessment->id, LO_LIMIT_MAX_RESPONDENTS);
      return FALSE;
    }

  respondent = lo_assessment_add_respondent (assessment, id, name, role);

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      if (lo_xml_is (child, NS, "answer"))
        {
          if (!read_answer (ctx, respondent, questions, child, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  return TRUE;
}

/* <target dimension="data" level="3"/> */
static gboolean
read_target (LoXmlContext  *ctx,
             LoAssessment  *assessment,
             const xmlNode *node,
             GError       **error)
{
  static const char * const attributes[] = { "dimension", "level", NULL };
  g_autofree char *what = g_strdup_printf (_("assessment %s: <target>"), assessment->id);
  g_autofree char *dimension = NULL;
  int level;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  dimension = required_attr (ctx, node, "dimension", what, error);
  if (dimension == NULL)
    return FALSE;
  g_free (what);
  what = g_strdup_printf (_("assessment %s: target for %s"), assessment->id, dimension);
  if (!int_attr (ctx, node, "level", what, LO_LEVEL_MIN, LO_LEVEL_MAX, &level, error))
    return FALSE;
  if (lo_assessment_get_target (assessment, dimension) != 0)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: the target for %s is given twice"),
                        assessment->id, dimension);
      return FALSE;
    }

  lo_assessment_set_target (assessment, dimension, level);
  return TRUE;
}

/* <assessment id="…" date="YYYY-MM-DD" bank="…"> respondents, targets </assessment> */
gboolean
read_assessment (LoXmlContext  *ctx,
                 LoEngagement  *engagement,
                 const xmlNode *node,
                 GError       **error)
{
  static const char * const attributes[] = { "id", "date", "bank", "bank-edition", NULL };
  g_autoptr(LoAssessment) assessment = NULL;
  g_autofree char *what = NULL;
  g_autofree char *id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *bank = NULL;
  g_autofree char *edition_text = NULL;
  int edition = 1;
  g_autoptr(GHashTable) respondent_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  id = required_attr (ctx, node, "id", "<assessment>", error);
  if (id == NULL || !limit_name (ctx, node, "<assessment>", "id", id, error))
    return FALSE;
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *other = g_ptr_array_index (engagement->assessments, i);

      if (g_str_equal (other->id, id))
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("assessment id “%s” is used twice"), id);
          return FALSE;
        }
    }

  what = g_strdup_printf (_("assessment %s"), id);
  date = required_attr (ctx, node, "date", what, error);
  if (date == NULL)
    return FALSE;
  if (!lo_xml_parse_date (date))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: date “%s” is not a date of the form YYYY-MM-DD"),
                        id, date);
      return FALSE;
    }
  bank = required_attr (ctx, node, "bank", what, error);
  if (bank == NULL)
    return FALSE;

  /* absent: the bank's first edition (files from before editions existed) */
  edition_text = lo_xml_attr (node, "bank-edition");
  if (edition_text != NULL && !lo_xml_parse_int (edition_text, 1, G_MAXINT, &edition))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: bank-edition “%s” is not a positive integer"),
                        id, edition_text);
      return FALSE;
    }

  assessment = lo_assessment_new (id, date, bank);
  assessment->bank_edition = (guint) edition;

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      if (lo_xml_is (child, NS, "respondent"))
        {
          if (!read_respondent (ctx, assessment, respondent_ids, child, error))
            return FALSE;
        }
      else if (lo_xml_is (child, NS, "target"))
        {
          if (!read_target (ctx, assessment, child, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  g_ptr_array_add (engagement->assessments, g_steal_pointer (&assessment));
  return TRUE;
}
