/* test-bank-reader.c: question banks from XML, back to XML, and the shipped
 * ones (and their tables)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lo-io.h"
#include "lo-shipped-banks-private.h"
#include "lo-xml-private.h"

static LoBank *
read_data_bank (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LO_TEST_DATA"), "banks", name, NULL);
  g_autoptr(GError) error = NULL;
  LoBank *bank = lo_bank_read_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);
  return bank;
}

static void
assert_banks_equal (const LoBank *a,
                    const LoBank *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpuint (a->version, ==, b->version);
  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      g_assert_cmpint (a->levels[i].level, ==, b->levels[i].level);
      g_assert_cmpstr (a->levels[i].name, ==, b->levels[i].name);
      g_assert_cmpstr (a->levels[i].description, ==, b->levels[i].description);
    }
  g_assert_cmpuint (a->dimensions->len, ==, b->dimensions->len);
  for (guint d = 0; d < a->dimensions->len; d++)
    {
      const LoDimension *da = g_ptr_array_index (a->dimensions, d);
      const LoDimension *db = g_ptr_array_index (b->dimensions, d);

      g_assert_cmpstr (da->id, ==, db->id);
      g_assert_cmpstr (da->name, ==, db->name);
      g_assert_cmpstr (da->description, ==, db->description);
      g_assert_cmpuint (da->index, ==, db->index);
      g_assert_cmpuint (da->questions->len, ==, db->questions->len);
    }
  g_assert_cmpuint (a->questions->len, ==, b->questions->len);
  for (guint q = 0; q < a->questions->len; q++)
    {
      const LoQuestion *qa = g_ptr_array_index (a->questions, q);
      const LoQuestion *qb = g_ptr_array_index (b->questions, q);

      g_assert_cmpstr (qa->id, ==, qb->id);
      g_assert_cmpstr (qa->text, ==, qb->text);
      g_assert_true (qa->weight == qb->weight);
      g_assert_cmpint (qa->allow_na, ==, qb->allow_na);
      g_assert_cmpuint (qa->dimension, ==, qb->dimension);
      g_assert_cmpuint (qa->index, ==, qb->index);
      for (guint k = 0; k < LO_N_LEVELS; k++)
        {
          g_assert_cmpstr (qa->options[k], ==, qb->options[k]);
          g_assert_cmpstr (qa->actions[k], ==, qb->actions[k]);
        }
    }
}

/* to_xml → read gives an equal bank, and writing that again the same bytes. */
static void
assert_bank_round_trip (const LoBank *bank)
{
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) again = NULL;
  gsize length;

  xml = lo_bank_to_xml (bank, &length);
  g_assert_cmpuint (strlen (xml), ==, length);
  bytes = g_bytes_new (xml, length);
  again = lo_bank_read_bytes (bytes, "stored bank", &error);
  g_assert_no_error (error);
  assert_banks_equal (bank, again);
  xml2 = lo_bank_to_xml (again, NULL);
  g_assert_cmpstr (xml, ==, xml2);
}

static void
test_six_dimensions (void)
{
  g_autoptr(LoBank) bank = read_data_bank ("six-dimensions.xml");
  /* the file's dimensions and their question counts, written by hand */
  static const struct { const char *id; guint questions; } expected[] = {
    { "strategy", 1 }, { "process", 2 }, { "data", 3 },
    { "automation", 1 }, { "oversight", 4 }, { "people", 2 },
  };
  const LoQuestion *question;
  const LoDimension *dimension;
  guint total = 0;

  g_assert_cmpstr (bank->id, ==, "consultant-six");
  g_assert_cmpuint (bank->version, ==, 3);
  g_assert_false (bank->translatable);
  g_assert_cmpuint (bank->dimensions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      dimension = g_ptr_array_index (bank->dimensions, i);
      g_assert_cmpstr (dimension->id, ==, expected[i].id);
      g_assert_cmpuint (dimension->index, ==, i);
      g_assert_cmpuint (dimension->questions->len, ==, expected[i].questions);
      total += expected[i].questions;
    }
  /* 1 + 2 + 3 + 1 + 4 + 2 = 13 */
  g_assert_cmpuint (total, ==, 13);
  g_assert_cmpuint (bank->questions->len, ==, 13);

  /* levels: whitespace trimmed and collapsed as xgettext does */
  g_assert_cmpstr (bank->levels[0].name, ==, "Manual");
  g_assert_cmpstr (bank->levels[4].name, ==, "Lights-out");
  g_assert_cmpstr (bank->levels[2].description, ==, "Level 3 described over lines.");

  dimension = lo_bank_lookup_dimension (bank, "data");
  g_assert_cmpstr (dimension->name, ==, "Data & system access");
  g_assert_cmpstr (dimension->description, ==, "What data measures.");
  dimension = lo_bank_lookup_dimension (bank, "automation");
  g_assert_null (dimension->description);

  /* weights and allow-na: given, or their defaults 1 and false */
  question = lo_bank_lookup_question (bank, "strategy.q1");
  g_assert_cmpfloat (question->weight, ==, 0.75);
  g_assert_false (question->allow_na);
  g_assert_cmpstr (question->text, ==, "How is strategy question 1 answered?");
  question = lo_bank_lookup_question (bank, "process.q2");
  g_assert_cmpfloat (question->weight, ==, 2.5);
  question = lo_bank_lookup_question (bank, "data.q3");
  g_assert_cmpfloat (question->weight, ==, 1);
  g_assert_true (question->allow_na);
  g_assert_cmpuint (question->dimension, ==, 2);
  g_assert_cmpuint (question->index, ==, 5);   /* 1 + 2 questions before, then the third */
  question = lo_bank_lookup_question (bank, "oversight.q4");
  g_assert_false (question->allow_na);
  g_assert_cmpstr (question->options[0], ==, "oversight 4 option 1");
  g_assert_cmpstr (question->options[4], ==, "oversight 4 option 5");
  g_assert_null (question->actions[0]);
  g_assert_cmpstr (question->actions[1], ==, "oversight 4 action to reach 2");
  g_assert_cmpstr (question->actions[4], ==, "oversight 4 action to reach 5");
  g_assert_null (lo_bank_lookup_question (bank, "oversight.q5"));

  g_assert_true (lo_bank_check (bank, NULL));
}

static void
test_six_dimensions_round_trip (void)
{
  g_autoptr(LoBank) bank = read_data_bank ("six-dimensions.xml");
  g_autofree char *xml = lo_bank_to_xml (bank, NULL);

  assert_bank_round_trip (bank);
  g_assert_nonnull (strstr (xml, "<question-bank xmlns=\"urn:lightsout:question-bank:1\" id=\"consultant-six\" version=\"3\">\n"));
  g_assert_nonnull (strstr (xml, "    <name>Data &amp; system access</name>\n"));
  g_assert_nonnull (strstr (xml, "    <question id=\"process.q2\" weight=\"2.5\" allow-na=\"false\">\n"));
  g_assert_nonnull (strstr (xml, "      <text>How is process question 2 answered?</text>\n"));
  g_assert_nonnull (strstr (xml, "      <action level=\"5\">people 2 action to reach 5</action>\n"));
}

/* A bank built in code, with text that needs escaping. */
static void
test_built_bank_round_trip (void)
{
  g_autoptr(LoBank) bank = lo_bank_new ("built", 7);
  LoDimension *dimension;
  LoQuestion *question;

  for (int k = 1; k <= 5; k++)
    {
      g_autofree char *name = g_strdup_printf ("L%d <&> \"q\"", k);
      lo_bank_set_level (bank, k, name, k == 3 ? NULL : "described");
    }
  dimension = lo_bank_add_dimension (bank, "d&1", "Dim <one>", NULL, NULL);
  question = lo_bank_add_question (bank, dimension, "d&1.q", "Text & more", 1.0 / 3.0, TRUE, NULL);
  for (int k = 1; k <= 5; k++)
    {
      question->options[k - 1] = g_strdup_printf ("option %d", k);
      if (k > 1)
        question->actions[k - 1] = g_strdup_printf ("action %d ünïcode", k);
    }
  assert_bank_round_trip (bank);
}

static void
test_shipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) bank = lo_bank_find_shipped ("lightsout-default", &error);
  g_autoptr(LoBank) bank2 = NULL;
  g_auto(GStrv) ids = NULL;
  /* SPEC §1: five dimensions of five questions, in this order */
  static const char *dimensions[] = { "process", "data", "automation", "oversight", "people" };

  if (bank == NULL && error != NULL && strstr (error->message, "did not load") != NULL)
    {
      /* The content engineer's default.xml has not landed yet. */
      g_test_skip (error->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_true (bank->translatable);
  g_assert_cmpuint (bank->dimensions->len, ==, 5);
  g_assert_cmpuint (bank->questions->len, ==, 25);
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      const LoDimension *dimension = g_ptr_array_index (bank->dimensions, i);

      g_assert_cmpstr (dimension->id, ==, dimensions[i]);
      g_assert_cmpuint (dimension->questions->len, ==, 5);
    }
  g_assert_cmpstr (bank->levels[0].name, ==, "Manual");
  g_assert_cmpstr (bank->levels[4].name, ==, "Lights-out");
  assert_bank_round_trip (bank);

  /* loaded once: the same bank again */
  bank2 = lo_bank_find_shipped ("lightsout-default", &error);
  g_assert_no_error (error);
  g_assert_true (bank2 == bank);

  ids = lo_bank_list_shipped ();
  g_assert_true (g_strv_contains ((const char * const *) ids, "lightsout-default"));
}

/* Both editions of the default bank ship; each is found by id and edition,
 * the newest when no edition is asked for. */
static void
test_shipped_editions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) newest = lo_bank_find_shipped ("lightsout-default", &error);
  g_autoptr(LoBank) first = NULL;
  g_autoptr(LoBank) second = NULL;
  g_autoptr(LoBank) any = NULL;
  g_autoptr(LoBank) none = NULL;
  g_auto(GStrv) ids = lo_bank_list_shipped ();

  g_assert_no_error (error);
  first = lo_bank_find_shipped_edition ("lightsout-default", 1, &error);
  g_assert_no_error (error);
  second = lo_bank_find_shipped_edition ("lightsout-default", 2, &error);
  g_assert_no_error (error);
  any = lo_bank_find_shipped_edition ("lightsout-default", 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (first->version, ==, 1);
  g_assert_cmpuint (second->version, ==, 2);
  g_assert_true (newest == second);
  g_assert_true (any == second);
  g_assert_true (first->translatable && second->translatable);

  /* edition 1 keeps its questions and text; edition 2 asks new ones */
  g_assert_nonnull (lo_bank_lookup_question (first, "process.baseline"));
  g_assert_null (lo_bank_lookup_question (second, "process.baseline"));
  g_assert_nonnull (lo_bank_lookup_question (second, "process.volumes"));
  g_assert_null (lo_bank_lookup_question (first, "process.volumes"));
  g_assert_cmpstr (lo_bank_lookup_question (first, "automation.ai-use")->options[4], ==,
                   "AI produces business output on its own; people handle decisions and exceptions only.");
  g_assert_false (lo_bank_lookup_question (first, "oversight.monitoring")->allow_na);
  g_assert_true (lo_bank_lookup_question (second, "oversight.monitoring")->allow_na);
  g_assert_cmpuint (first->questions->len, ==, 25);
  g_assert_cmpuint (second->questions->len, ==, 25);

  none = lo_bank_find_shipped_edition ("lightsout-default", 3, &error);
  g_assert_null (none);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“lightsout-default” edition 3"));

  /* one id, however many editions */
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "lightsout-default");
}

static void
test_shipped_not_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) bank = lo_bank_find_shipped ("no-such-bank", &error);
  g_auto(GStrv) ids = lo_bank_list_shipped ();

  g_assert_null (bank);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“no-such-bank”"));
  g_assert_nonnull (ids);
  g_assert_false (g_strv_contains ((const char * const *) ids, "no-such-bank"));
}

/* The row of the shipped banks' table for @file, asserting it is there
 * exactly once. */
static const LoShippedBank *
index_row (const char *file)
{
  const LoShippedBank *found = NULL;

  for (guint i = 0; i < lo_n_shipped_banks; i++)
    {
      if (g_str_equal (lo_shipped_banks[i].file, file))
        {
          g_assert_null (found);
          found = &lo_shipped_banks[i];
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Every bank in data/question-banks/ of the source tree ships (is in the
 * GResource). */
static void
assert_source_banks_ship (void)
{
  const char *root = g_getenv ("LO_SOURCE_ROOT");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (root == NULL)
    return;
  dir_path = g_build_filename (root, "data", "question-banks", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strconcat (LO_XML_RESOURCE_PREFIX "/question-banks/", name, NULL);

      if (g_str_has_suffix (name, ".xml"))
        g_assert_true (g_resource_get_info (lo_xml_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                            NULL, NULL, NULL));
    }
}

/* The tables generated at build time (data/question-bank-index.py) agree
 * with the files: each bank the GResource holds is in them once, with its
 * root's id and version, sorted by id then newest edition first; a lookup
 * builds the very bank the reader makes of the file (every field), edition 0
 * gives the newest; the list names each id once. */
static void
test_shipped_index (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resource_enumerate_children (lo_xml_resource (),
                                                       LO_XML_RESOURCE_PREFIX "/question-banks/",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) ids = lo_bank_list_shipped ();
  GHashTableIter iter;
  gpointer id, edition;
  guint n_banks = 0;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat ("question-banks/", names[i], NULL);
      g_autofree char *path = g_strconcat (LO_XML_RESOURCE_PREFIX "/", file, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(LoBank) bank = NULL;
      g_autoptr(LoBank) shipped = NULL;
      const LoShippedBank *row;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;
      n_banks++;
      bytes = g_resource_lookup_data (lo_xml_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      bank = lo_bank_read_bytes (bytes, file, &error);
      g_assert_no_error (error);

      row = index_row (file);
      g_assert_cmpstr (row->id, ==, bank->id);
      g_assert_cmpuint (row->edition, ==, bank->version);

      shipped = lo_bank_find_shipped_edition (bank->id, bank->version, &error);
      g_assert_no_error (error);
      assert_banks_equal (shipped, bank);
      g_assert_true (shipped->translatable);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (newest, bank->id)) < bank->version)
        g_hash_table_insert (newest, g_strdup (bank->id), GUINT_TO_POINTER (bank->version));
    }
  g_assert_cmpuint (n_banks, ==, lo_n_shipped_banks);
  g_assert_cmpuint (n_banks, >=, 2);

  for (guint i = 1; i < lo_n_shipped_banks; i++)
    {
      int order = strcmp (lo_shipped_banks[i - 1].id, lo_shipped_banks[i].id);

      g_assert_true (order < 0 || (order == 0 && lo_shipped_banks[i - 1].edition > lo_shipped_banks[i].edition));
    }

  g_assert_cmpuint (g_strv_length (ids), ==, g_hash_table_size (newest));
  g_hash_table_iter_init (&iter, newest);
  while (g_hash_table_iter_next (&iter, &id, &edition))
    {
      g_autoptr(LoBank) bank = lo_bank_find_shipped (id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (bank->version, ==, GPOINTER_TO_UINT (edition));
      g_assert_true (g_strv_contains ((const char * const *) ids, id));
    }

  assert_source_banks_ship ();
}

/* Comments, ITS attributes and CDATA are fine in a bank. */
static void
test_bank_extras (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                               "<question-bank xmlns=\"urn:lightsout:question-bank:1\" "
                               "xmlns:its=\"http://www.w3.org/2005/11/its\" id=\"x\" version=\"1\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) bank = NULL;
  const LoQuestion *question;

  for (int k = 1; k <= 5; k++)
    g_string_append_printf (xml, "  <level value=\"%d\"><name its:translate=\"yes\">L%d</name></level>\n", k, k);
  g_string_append (xml, "  <!-- a comment -->\n  <dimension id=\"d\"><name>D</name>\n"
                        "    <question id=\"d.1\"><text><![CDATA[a < b]]>  and\n c</text>\n");
  for (int k = 1; k <= 5; k++)
    g_string_append_printf (xml, "      <option level=\"%d\">o%d</option>\n", k, k);
  for (int k = 2; k <= 5; k++)
    g_string_append_printf (xml, "      <action level=\"%d\">a%d</action>\n", k, k);
  g_string_append (xml, "    </question>\n  </dimension>\n</question-bank>\n");

  bytes = g_bytes_new (xml->str, xml->len);
  bank = lo_bank_read_bytes (bytes, "extras.xml", &error);
  g_assert_no_error (error);
  question = lo_bank_lookup_question (bank, "d.1");
  g_assert_cmpstr (question->text, ==, "a < b and c");
  g_assert_null (bank->levels[0].description);
  g_string_free (xml, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lo/io/bank/six-dimensions", test_six_dimensions);
  g_test_add_func ("/lo/io/bank/six-dimensions-round-trip", test_six_dimensions_round_trip);
  g_test_add_func ("/lo/io/bank/built-round-trip", test_built_bank_round_trip);
  g_test_add_func ("/lo/io/bank/extras", test_bank_extras);
  g_test_add_func ("/lo/io/bank/shipped", test_shipped);
  g_test_add_func ("/lo/io/bank/shipped-editions", test_shipped_editions);
  g_test_add_func ("/lo/io/bank/shipped-not-found", test_shipped_not_found);
  g_test_add_func ("/lo/io/bank/shipped-index", test_shipped_index);

  return g_test_run ();
}
