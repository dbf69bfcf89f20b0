/* lo-bank.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-bank.h"
#include "lo-limits.h"

G_DEFINE_QUARK (lo-core-error-quark, lo_core_error)

G_DEFINE_BOXED_TYPE (LoBank, lo_bank, lo_bank_ref, lo_bank_unref)

static void
question_free (LoQuestion *question)
{
  g_free (question->id);
  g_free (question->text);
  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      g_free (question->options[i]);
      g_free (question->actions[i]);
    }
  g_free (question);
}

static void
dimension_free (LoDimension *dimension)
{
  g_free (dimension->id);
  g_free (dimension->name);
  g_free (dimension->description);
  g_ptr_array_unref (dimension->questions);
  g_free (dimension);
}

LoBank *
lo_bank_new (const char *id,
             guint       version)
{
  LoBank *bank = g_new0 (LoBank, 1);

  g_atomic_ref_count_init (&bank->ref_count);
  bank->id = g_strdup (id);
  bank->version = version;
  for (guint i = 0; i < LO_N_LEVELS; i++)
    bank->levels[i].level = i + 1;
  bank->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) dimension_free);
  bank->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  bank->question_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  bank->dimension_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  return bank;
}

LoBank *
lo_bank_ref (LoBank *bank)
{
  g_return_val_if_fail (bank != NULL, NULL);

  g_atomic_ref_count_inc (&bank->ref_count);
  return bank;
}

void
lo_bank_unref (LoBank *bank)
{
  g_return_if_fail (bank != NULL);

  if (!g_atomic_ref_count_dec (&bank->ref_count))
    return;

  g_hash_table_unref (bank->question_by_id);
  g_hash_table_unref (bank->dimension_by_id);
  g_ptr_array_unref (bank->questions);
  g_ptr_array_unref (bank->dimensions);
  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      g_free (bank->levels[i].name);
      g_free (bank->levels[i].description);
    }
  g_free (bank->id);
  g_free (bank);
}

LoDimension *
lo_bank_add_dimension (LoBank     *bank,
                       const char *id,
                       const char *name,
                       const char *description,
                       GError    **error)
{
  LoDimension *dimension;

  g_return_val_if_fail (bank != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (g_hash_table_contains (bank->dimension_by_id, id))
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID,
                   _("dimension “%s” is defined twice"), id);
      return NULL;
    }

  dimension = g_new0 (LoDimension, 1);
  dimension->id = g_strdup (id);
  dimension->name = g_strdup (name);
  dimension->description = g_strdup (description);
  dimension->index = bank->dimensions->len;
  dimension->questions = g_ptr_array_new ();
  g_ptr_array_add (bank->dimensions, dimension);
  g_hash_table_insert (bank->dimension_by_id, dimension->id, dimension);

  return dimension;
}

LoQuestion *
lo_bank_add_question (LoBank      *bank,
                      LoDimension *dimension,
                      const char  *id,
                      const char  *text,
                      double       weight,
                      gboolean     allow_na,
                      GError     **error)
{
  LoQuestion *question;

  g_return_val_if_fail (bank != NULL, NULL);
  g_return_val_if_fail (dimension != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (g_hash_table_contains (bank->question_by_id, id))
    {
      g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID,
                   _("question “%s” is defined twice"), id);
      return NULL;
    }
  {
    /* TRANSLATORS: "question q1", the start of "question q1: weight: …" */
    g_autofree char *subject = g_strdup_printf (_("question %s"), id);

    if (!lo_limit_check (LO_LIMIT_WEIGHT, subject, NULL, NULL, weight, error))
      return NULL;
  }

  /* Questions are kept in bank order; a dimension's questions are contiguous
   * only when the bank is written dimension by dimension, which the format
   * guarantees (questions are children of their dimension). */
  question = g_new0 (LoQuestion, 1);
  question->id = g_strdup (id);
  question->text = g_strdup (text);
  question->weight = weight;
  question->allow_na = allow_na;
  question->dimension = dimension->index;
  question->index = bank->questions->len;
  g_ptr_array_add (bank->questions, question);
  g_ptr_array_add (dimension->questions, question);
  g_hash_table_insert (bank->question_by_id, question->id, question);

  return question;
}

void
lo_bank_set_level (LoBank     *bank,
                   int         level,
                   const char *name,
                   const char *description)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (level >= LO_LEVEL_MIN && level <= LO_LEVEL_MAX);

  g_free (bank->levels[level - 1].name);
  g_free (bank->levels[level - 1].description);
  bank->levels[level - 1].name = g_strdup (name);
  bank->levels[level - 1].description = g_strdup (description);
}

const LoQuestion *
lo_bank_lookup_question (const LoBank *bank,
                         const char   *id)
{
  g_return_val_if_fail (bank != NULL, NULL);

  return id ? g_hash_table_lookup (bank->question_by_id, id) : NULL;
}

const LoDimension *
lo_bank_lookup_dimension (const LoBank *bank,
                          const char   *id)
{
  g_return_val_if_fail (bank != NULL, NULL);

  return id ? g_hash_table_lookup (bank->dimension_by_id, id) : NULL;
}

gboolean
lo_bank_check (const LoBank *bank,
               GError      **error)
{
  g_return_val_if_fail (bank != NULL, FALSE);

  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      if (bank->levels[i].name == NULL || *bank->levels[i].name == '\0')
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                       _("level %u has no name"), i + 1);
          return FALSE;
        }
    }

  if (bank->dimensions->len == 0)
    {
      g_set_error_literal (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                           _("the bank has no dimension"));
      return FALSE;
    }

  for (guint i = 0; i < bank->dimensions->len; i++)
    {
      const LoDimension *dimension = g_ptr_array_index (bank->dimensions, i);

      if (dimension->questions->len == 0)
        {
          g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                       _("dimension “%s” has no question"), dimension->id);
          return FALSE;
        }
    }

  for (guint i = 0; i < bank->questions->len; i++)
    {
      const LoQuestion *question = g_ptr_array_index (bank->questions, i);

      for (guint k = 0; k < LO_N_LEVELS; k++)
        {
          if (question->options[k] == NULL)
            {
              g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                           _("question “%s” has no option for level %u"), question->id, k + 1);
              return FALSE;
            }
          if (k > 0 && question->actions[k] == NULL)
            {
              g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING,
                           _("question “%s” has no action for level %u"), question->id, k + 1);
              return FALSE;
            }
        }
    }

  return TRUE;
}

const char *
lo_bank_text (const LoBank *bank,
              const char   *text)
{
  if (text == NULL || *text == '\0')
    return text;
  if (bank != NULL && bank->translatable)
    return g_dgettext (GETTEXT_PACKAGE, text);
  return text;
}
