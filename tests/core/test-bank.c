/* test-bank.c: the question bank model (LoBank): building, lookup, checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lo-core.h"

static void
fill_question (LoQuestion *question)
{
  for (int k = 0; k < LO_N_LEVELS; k++)
    {
      question->options[k] = g_strdup_printf ("%s option %d", question->id, k + 1);
      if (k > 0)
        question->actions[k] = g_strdup_printf ("%s action %d", question->id, k + 1);
    }
}

static void
name_levels (LoBank *bank)
{
  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    {
      g_autofree char *name = g_strdup_printf ("Level %d", k);

      lo_bank_set_level (bank, k, name, "");
    }
}

/* Two dimensions, three questions: a, b in "people", c in "process". */
static LoBank *
make_bank (void)
{
  LoBank *bank = lo_bank_new ("tiny", 3);
  g_autoptr(GError) error = NULL;
  LoDimension *people, *process;
  const char *ids[] = { "people.a", "people.b", "process.c" };

  name_levels (bank);
  people = lo_bank_add_dimension (bank, "people", "People", "Who does the work", &error);
  g_assert_no_error (error);
  process = lo_bank_add_dimension (bank, "process", "Process", "", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LoQuestion *q = lo_bank_add_question (bank, i < 2 ? people : process, ids[i], "Text",
                                            i + 1.0, i == 1, &error);

      g_assert_no_error (error);
      fill_question (q);
    }
  return bank;
}

static void
test_bank_build (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  const LoDimension *people, *process;
  const LoQuestion *b, *c;

  g_assert_true (lo_bank_check (bank, NULL));
  g_assert_cmpstr (bank->id, ==, "tiny");
  g_assert_cmpuint (bank->version, ==, 3);
  g_assert_cmpuint (bank->dimensions->len, ==, 2);
  g_assert_cmpuint (bank->questions->len, ==, 3);

  people = lo_bank_lookup_dimension (bank, "people");
  process = lo_bank_lookup_dimension (bank, "process");
  g_assert_nonnull (people);
  g_assert_nonnull (process);
  g_assert_cmpuint (people->index, ==, 0);
  g_assert_cmpuint (process->index, ==, 1);
  g_assert_cmpstr (people->description, ==, "Who does the work");
  g_assert_cmpuint (people->questions->len, ==, 2);
  g_assert_cmpuint (process->questions->len, ==, 1);

  b = lo_bank_lookup_question (bank, "people.b");
  c = lo_bank_lookup_question (bank, "process.c");
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  /* bank order, the dimension's index, the weight and N/A as given */
  g_assert_cmpuint (b->index, ==, 1);
  g_assert_cmpuint (c->index, ==, 2);
  g_assert_cmpuint (b->dimension, ==, 0);
  g_assert_cmpuint (c->dimension, ==, 1);
  g_assert_cmpfloat (b->weight, ==, 2.0);
  g_assert_cmpfloat (c->weight, ==, 3.0);
  g_assert_true (b->allow_na);
  g_assert_false (c->allow_na);
  g_assert_true (g_ptr_array_index (people->questions, 1) == b);

  g_assert_null (lo_bank_lookup_question (bank, "people"));
  g_assert_null (lo_bank_lookup_question (bank, NULL));
  g_assert_null (lo_bank_lookup_dimension (bank, "people.a"));

  g_assert_cmpstr (bank->levels[0].name, ==, "Level 1");
  g_assert_cmpstr (bank->levels[4].name, ==, "Level 5");
}

static void
test_bank_duplicates (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(GError) error = NULL;
  LoDimension *people = (LoDimension *) lo_bank_lookup_dimension (bank, "people");

  g_assert_null (lo_bank_add_dimension (bank, "people", "Again", "", &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "people"));
  g_clear_error (&error);

  g_assert_null (lo_bank_add_question (bank, people, "process.c", "Again", 1, FALSE, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "process.c"));
  g_clear_error (&error);

  /* nothing was added by the refused calls */
  g_assert_cmpuint (bank->dimensions->len, ==, 2);
  g_assert_cmpuint (bank->questions->len, ==, 3);
  g_assert_cmpuint (people->questions->len, ==, 2);
}

static void
test_bank_weight (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  LoDimension *people = (LoDimension *) lo_bank_lookup_dimension (bank, "people");
  const double bad[] = { 0, -1, NAN, INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (lo_bank_add_question (bank, people, "people.w", "", bad[i], FALSE, &error));
      g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "people.w"));
    }
  g_assert_null (lo_bank_lookup_question (bank, "people.w"));
}

/* lo_bank_check() names what is missing. */
static void
test_bank_check_level (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  g_autoptr(GError) error = NULL;

  lo_bank_set_level (bank, 4, "", "");
  g_assert_false (lo_bank_check (bank, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "4"));
}

static void
test_bank_check_empty (void)
{
  g_autoptr(LoBank) bank = lo_bank_new ("empty", 1);
  g_autoptr(GError) error = NULL;

  name_levels (bank);
  g_assert_false (lo_bank_check (bank, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
  g_clear_error (&error);

  g_assert_nonnull (lo_bank_add_dimension (bank, "lonely", "Lonely", "", &error));
  g_assert_false (lo_bank_check (bank, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "lonely"));
}

static void
test_bank_check_option_action (void)
{
  g_autoptr(LoBank) bank = make_bank ();
  LoQuestion *c = (LoQuestion *) lo_bank_lookup_question (bank, "process.c");
  g_autoptr(GError) error = NULL;
  char *saved;

  saved = g_steal_pointer (&c->options[2]);
  g_assert_false (lo_bank_check (bank, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "process.c"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  c->options[2] = saved;

  saved = g_steal_pointer (&c->actions[4]);
  g_assert_false (lo_bank_check (bank, &error));
  g_assert_error (error, LO_CORE_ERROR, LO_CORE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);
  c->actions[4] = saved;

  /* level 1 has no action: nobody moves to the lowest level */
  g_assert_null (c->actions[0]);
  g_assert_true (lo_bank_check (bank, NULL));
}

static void
test_bank_text (void)
{
  g_autoptr(LoBank) bank = make_bank ();

  /* a bank from a file is shown as written; NULL and "" pass through */
  g_assert_false (bank->translatable);
  g_assert_cmpstr (lo_bank_text (bank, "Question"), ==, "Question");
  g_assert_null (lo_bank_text (bank, NULL));
  g_assert_cmpstr (lo_bank_text (bank, ""), ==, "");
}

static void
test_bank_ref (void)
{
  LoBank *bank = make_bank ();

  g_assert_true (lo_bank_ref (bank) == bank);
  lo_bank_unref (bank);
  g_assert_cmpuint (bank->questions->len, ==, 3);
  lo_bank_unref (bank);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bank/build", test_bank_build);
  g_test_add_func ("/bank/duplicates", test_bank_duplicates);
  g_test_add_func ("/bank/weight", test_bank_weight);
  g_test_add_func ("/bank/check/level", test_bank_check_level);
  g_test_add_func ("/bank/check/empty", test_bank_check_empty);
  g_test_add_func ("/bank/check/option-action", test_bank_check_option_action);
  g_test_add_func ("/bank/text", test_bank_text);
  g_test_add_func ("/bank/ref", test_bank_ref);

  return g_test_run ();
}
