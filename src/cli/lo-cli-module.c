/* lo-cli-module.c: finding the programs and modules `lightsout` runs
 *
 * `lightsout` links no GTK, cairo, pango or office library: the window is
 * another program, the drawing and the office documents are modules it loads
 * when a command needs them.  They are found beside the program (the build
 * tree), else where they are installed, so the user runs one command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli-module.h"

char *
lo_cli_find_beside (const char *name,
                    const char *installed_dir)
{
  /* /proc/self/exe, so a symlink to an uninstalled build works too */
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *candidate;

  g_return_val_if_fail (name != NULL && installed_dir != NULL, NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);

      candidate = g_build_filename (dir, name, NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        return candidate;
      g_free (candidate);
    }
  candidate = g_build_filename (installed_dir, name, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
    return candidate;
  g_free (candidate);
  return NULL;
}

gpointer
lo_cli_module_symbol (const char   *name,
                      const char   *symbol,
                      GModuleFlags  flags)
{
  g_autofree char *path = NULL;
  gpointer address = NULL;
  GModule *module;

  g_return_val_if_fail (name != NULL && symbol != NULL, NULL);

  path = lo_cli_find_beside (name, MODULEDIR);
  if (path == NULL)
    {
      g_autofree char *installed = g_build_filename (MODULEDIR, name, NULL);

      /* TRANSLATORS: %s is a file name, e.g. /usr/lib/lightsout/lightsout-draw.so */
      fprintf (stderr, _("lightsout: %s is missing\n"), installed);
      return NULL;
    }
  module = g_module_open (path, flags);
  if (module == NULL || !g_module_symbol (module, symbol, &address))
    {
      /* TRANSLATORS: the first %s is a file name, the second why it could not be loaded */
      fprintf (stderr, _("lightsout: cannot load %s: %s\n"), path, g_module_error ());
      g_clear_pointer (&module, g_module_close);
      return NULL;
    }
  /* Never unloaded: the fonts and types it registers live until exit. */
  g_module_make_resident (module);
  return address;
}
