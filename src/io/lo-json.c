/* lo-json.c: the score as JSON for the command line (SPEC §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lo-io.h"
#include "lo-json-private.h"

/* Levels and targets are 1 … 5; 0 means absent */
static void
add_level_or_null (JsonBuilder *builder,
                   const char  *name,
                   int          value)
{
  json_builder_set_member_name (builder, name);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* {"level", "na", "note"} of an answer or agreed answer */
static void
add_answer_members (JsonBuilder *builder,
                    int          value,
                    const char  *note)
{
  add_level_or_null (builder, "level", value >= LO_LEVEL_MIN ? value : 0);
  json_builder_set_member_name (builder, "na");
  json_builder_add_boolean_value (builder, value == LO_ANSWER_NA);
  lo_json_add_string (builder, "note", note);
}

/* SPEC §4: per question in bank order, each respondent's answer (those who
 * gave one), the agreed answer and the notes. */
static void
add_questions (JsonBuilder   *builder,
               const LoScore *score)
{
  const LoAssessment *assessment = score->assessment;

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->n_questions; i++)
    {
      const LoQuestionScore *qs = &score->questions[i];

      json_builder_begin_object (builder);
      lo_json_add_string (builder, "id", qs->question->id);
      lo_json_add_number (builder, "combined", qs->combined);
      json_builder_set_member_name (builder, "spread");
      json_builder_add_int_value (builder, qs->spread);
      json_builder_set_member_name (builder, "contested");
      json_builder_add_boolean_value (builder, qs->contested);

      json_builder_set_member_name (builder, "answers");
      json_builder_begin_array (builder);
      for (guint r = 0; r < assessment->respondents->len; r++)
        {
          const LoRespondent *respondent = g_ptr_array_index (assessment->respondents, r);
          int value;

          if (!lo_respondent_get_answer (respondent, qs->question->id, &value))
            continue;
          json_builder_begin_object (builder);
          lo_json_add_string (builder, "respondent", respondent->id);
          add_answer_members (builder, value,
                              lo_respondent_get_note (respondent, qs->question->id));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "agreed");
      if (qs->agreed != NULL)
        {
          json_builder_begin_object (builder);
          add_answer_members (builder, qs->agreed->value, qs->agreed->note);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * lo_json_score:
 * @engagement: (nullable): the engagement the assessment belongs to, for the client
 * @score: the score
 *
 * `{"client", "assessment", "date", "bank", "bank-edition", "overall-level", "overall-score",
 * "complete", "weakest", "missing", "dimensions": [{"id", "name", "score",
 * "level", "target", "answered", "questions"}], "contested", "questions": [{"id",
 * "combined", "spread", "contested", "answers": [{"respondent", "level", "na",
 * "note"}], "agreed": {"level", "na", "note"} or null}]}`; absent values
 * are null. Dimension names are the bank's own text, untranslated.
 *
 * Returns: (transfer full): pretty-printed JSON ending in a newline
 */
char *
lo_json_score (const LoEngagement *engagement,
               const LoScore      *score)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  const LoAssessment *assessment;

  g_return_val_if_fail (score != NULL, NULL);

  assessment = score->assessment;
  builder = json_builder_new ();
  json_builder_begin_object (builder);

  lo_json_add_string (builder, "client", engagement ? engagement->client_name : NULL);
  lo_json_add_string (builder, "assessment", assessment ? assessment->id : NULL);
  lo_json_add_string (builder, "date", assessment ? assessment->date : NULL);
  lo_json_add_string (builder, "bank", score->bank->id);
  /* the edition of the bank the figures were computed with */
  json_builder_set_member_name (builder, "bank-edition");
  json_builder_add_int_value (builder, score->bank->version);
  add_level_or_null (builder, "overall-level", score->complete ? score->overall_level : 0);
  lo_json_add_number (builder, "overall-score", score->complete ? score->overall_score : NAN);
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, score->complete);
  lo_json_add_string (builder, "weakest",
                      score->weakest >= 0 ? score->dimensions[score->weakest].dimension->id : NULL);

  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->missing->len; i++)
    {
      const LoDimension *dimension = g_ptr_array_index (score->missing, i);
      json_builder_add_string_value (builder, dimension->id);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint d = 0; d < score->n_dimensions; d++)
    {
      const LoDimensionScore *ds = &score->dimensions[d];

      json_builder_begin_object (builder);
      lo_json_add_string (builder, "id", ds->dimension->id);
      lo_json_add_string (builder, "name", ds->dimension->name);
      lo_json_add_number (builder, "score", ds->has_score ? ds->score : NAN);
      add_level_or_null (builder, "level", ds->has_score ? ds->level : 0);
      add_level_or_null (builder, "target", ds->target);
      json_builder_set_member_name (builder, "answered");
      json_builder_add_int_value (builder, ds->answered);
      json_builder_set_member_name (builder, "questions");
      json_builder_add_int_value (builder, ds->questions);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "contested");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->contested->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (score->contested, i));
  json_builder_end_array (builder);

  if (assessment != NULL)
    add_questions (builder, score);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return lo_json_generate (root);
}

/* Drops the ".0" json-glib appends after an exponent ("1e+20.0" → "1e+20"),
 * outside strings only. */
static void
repair_numbers (GString *text)
{
  gboolean in_string = FALSE;
  gsize out = 0;

  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];

      text->str[out++] = c;
      if (in_string)
        {
          if (c == '\\' && i + 1 < text->len)
            text->str[out++] = text->str[++i];
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          continue;
        }
      /* the last digit of an exponent, followed by ".0" */
      if (g_ascii_isdigit (c) && i + 2 < text->len
          && text->str[i + 1] == '.' && text->str[i + 2] == '0'
          && (i + 3 == text->len || !g_ascii_isdigit (text->str[i + 3])))
        {
          gsize j = out - 1;   /* the token as written so far */

          while (j > 0 && g_ascii_isdigit (text->str[j]))
            j--;
          if (j > 0 && (text->str[j] == '+' || text->str[j] == '-'))
            j--;
          if (text->str[j] == 'e' || text->str[j] == 'E')
            i += 2;
        }
    }
  g_string_truncate (text, out);
}

char *
lo_json_generate (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  GString *text;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  text = g_string_new (data);
  repair_numbers (text);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
