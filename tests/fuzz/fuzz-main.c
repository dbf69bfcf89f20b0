/* fuzz-main.c: runs a fuzz target over files without libFuzzer
 *
 * Each argument is a file or a folder (every regular file in it, not
 * recursive). Prints one TAP line per input; a crash or sanitizer report ends
 * the process, which meson counts as a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib.h>

#include "lo-fuzz.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_inputs (GPtrArray  *inputs,
            const char *arg)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (arg, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (arg));
      return;
    }

  dir = g_dir_open (arg, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (arg, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_steal_pointer (&path));
    }
  /* A stable order, so a failure's number means the same file each run. */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (inputs, g_strdup (g_ptr_array_index (names, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  guint failed = 0;

  setlocale (LC_ALL, "C.UTF-8");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--tap"))
        continue;
      add_inputs (inputs, argv[i]);
    }

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      fflush (stdout);
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          failed++;
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u - %s\n", i + 1, path);
    }

  return failed > 0 ? 1 : 0;
}
