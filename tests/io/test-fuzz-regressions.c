/* test-fuzz-regressions.c: every input the fuzzers (tests/fuzz) or the
 * hostile-file tests found a problem with, kept so that it stays fixed
 *
 * tests/data/fuzz-regressions/<target>/ holds the inputs by fuzz target. Each
 * goes through the target's own checks — refused with a one-line message, or
 * read and written back to the same canonical XML — within a time bound. The
 * report target's inputs are also rendered by the fuzz-report-corpus test,
 * which runs the real harness over the same folder (the io suite does not
 * link the render layer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "lo-io.h"

/* Seconds an input may take; each took far less once fixed. */
#define TIME_LIMIT_S 20

typedef enum
{
  TARGET_NUMBER,
  TARGET_BANK,
  TARGET_ENGAGEMENT,
} Target;

typedef struct
{
  Target  target;
  char   *path;
} Regression;

static void
regression_free (gpointer data)
{
  Regression *r = data;

  g_free (r->path);
  g_free (r);
}

static void
check_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_cmpint (error->domain, ==, LO_IO_ERROR);
  g_test_message ("%s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_str_has_prefix (error->message, "fuzz"));
}

static void
check_number (const char *data,
              gsize       size)
{
  g_autofree char *text = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value = 0, again = 0;

  if (memchr (data, '\0', size) != NULL)
    return;
  text = g_strndup (data, size);
  if (!lo_parse_double (text, &value))
    return;
  g_assert_true (isfinite (value));
  g_assert_false (value == 0 && signbit (value));
  g_ascii_dtostr (buf, sizeof buf, value);
  g_assert_true (lo_parse_double (buf, &again));
  g_assert_cmpfloat (again, ==, value);
}

static void
check_bank (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoBank) bank = lo_bank_read_bytes (bytes, "fuzz.xml", &error);
  g_autoptr(LoBank) again = NULL;
  g_autoptr(GBytes) xml_bytes = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length = 0, length2 = 0;

  if (bank == NULL)
    {
      check_message (error);
      return;
    }
  xml = lo_bank_to_xml (bank, &length);
  xml_bytes = g_bytes_new_static (xml, length);
  again = lo_bank_read_bytes (xml_bytes, "fuzz-again.xml", &error);
  g_assert_no_error (error);
  xml2 = lo_bank_to_xml (again, &length2);
  g_assert_cmpmem (xml, length, xml2, length2);
}

static void
check_engagement (GBytes *bytes)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoEngagement) again = NULL;
  g_autoptr(GBytes) xml_bytes = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length = 0, length2 = 0;

  engagement = lo_engagement_read_bytes (bytes, "fuzz.lightsout", warnings, &error);
  if (engagement == NULL)
    {
      check_message (error);
      return;
    }
  xml = lo_engagement_to_xml (engagement, &length);
  xml_bytes = g_bytes_new_static (xml, length);
  again = lo_engagement_read_bytes (xml_bytes, "fuzz-again.lightsout", NULL, &error);
  g_assert_no_error (error);
  xml2 = lo_engagement_to_xml (again, &length2);
  g_assert_cmpmem (xml, length, xml2, length2);
}

static void
test_regression (gconstpointer data)
{
  const Regression *r = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  gint64 start;

  g_assert_true (g_file_get_contents (r->path, &contents, &length, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new_static (contents, length);

  start = g_get_monotonic_time ();
  switch (r->target)
    {
    case TARGET_NUMBER:
      check_number (contents, length);
      break;
    case TARGET_BANK:
      check_bank (bytes);
      break;
    case TARGET_ENGAGEMENT:
      check_engagement (bytes);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT_S * G_USEC_PER_SEC);
}

/* The two found in the hostile-file tests, by what they are refused for. */
static void
test_attribute_cap (void)
{
  static const char *files[] = {
    "engagement/many-attributes.lightsout",
    "bank/many-attributes.xml",
  };
  static const char *where[] = {
    "many-attributes.lightsout:3: an element has more than 256 attributes",
    "many-attributes.xml:2: an element has more than 256 attributes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LO_TEST_DATA"), "fuzz-regressions",
                                                files[i], NULL);
      g_autoptr(GError) error = NULL;

      if (i == 0)
        {
          g_autoptr(LoEngagement) engagement = lo_engagement_read_file (path, NULL, &error);
          g_assert_null (engagement);
        }
      else
        {
          g_autoptr(LoBank) bank = lo_bank_read_file (path, &error);
          g_assert_null (bank);
        }
      g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, where[i]));
    }
}

/* "=" inside comments and attribute values is not an attribute. */
static void
test_attribute_cap_lexing (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LO_TEST_DATA"), "fuzz-regressions",
                                            "engagement", "equals-in-comment-and-value.lightsout",
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = lo_engagement_read_file (path, NULL, &error);

  /* What stops the file is the name's length (SPEC §2c), not a count of
   * attributes that took the "=" in the comment and the value for some. */
  g_assert_null (engagement);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "client: name: "));
  g_assert_nonnull (strstr (error->message, "above the limit of 200"));
  g_assert_null (strstr (error->message, "attributes"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *dir; Target target; } dirs[] = {
    { "number", TARGET_NUMBER },
    { "bank", TARGET_BANK },
    { "engagement", TARGET_ENGAGEMENT },
    { "report", TARGET_ENGAGEMENT },
  };
  g_autoptr(GPtrArray) regressions = g_ptr_array_new_with_free_func (regression_free);
  const char *data;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  data = g_getenv ("LO_TEST_DATA");
  g_assert_nonnull (data);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir_path = g_build_filename (data, "fuzz-regressions", dirs[i].dir, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        {
          Regression *r = g_new0 (Regression, 1);
          g_autofree char *test_path = NULL;

          r->target = dirs[i].target;
          r->path = g_build_filename (dir_path, g_ptr_array_index (names, j), NULL);
          g_ptr_array_add (regressions, r);
          test_path = g_strdup_printf ("/lo/io/fuzz-regressions/%s/%s", dirs[i].dir,
                                       (const char *) g_ptr_array_index (names, j));
          g_test_add_data_func (test_path, r, test_regression);
        }
    }
  g_test_add_func ("/lo/io/fuzz-regressions/attribute-cap", test_attribute_cap);
  g_test_add_func ("/lo/io/fuzz-regressions/attribute-cap-lexing", test_attribute_cap_lexing);

  return g_test_run ();
}
