/* lo-cli-firm.c: the firm's profile for `report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-cli-firm.h"

static gboolean
override (LoFirmProfile *profile,
          const char    *key,
          const char    *option,
          const char    *value,
          GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  char **field = lo_firm_profile_field (profile, key);

  if (value == NULL)
    return TRUE;
  if (!lo_firm_profile_check_value (option, key, value, &local_error))
    {
      g_set_error_literal (error, LO_IO_ERROR, LO_IO_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  g_free (*field);
  *field = *value != '\0' ? g_strdup (value) : NULL;
  return TRUE;
}

LoFirmProfile *
lo_cli_firm_profile (const char  *path,
                     const char  *consultant,
                     const char  *logo,
                     GError     **error)
{
  g_autoptr (LoFirmProfile) profile = NULL;

  if (path != NULL)
    profile = lo_firm_profile_read_file (path, error);
  else
    {
      g_autoptr (GError) local_error = NULL;

      profile = lo_firm_profile_read_saved (&local_error);
      if (profile == NULL && local_error != NULL)
        {
          g_autofree char *saved = lo_firm_profile_default_path ();
          g_autofree char *display = g_filename_display_name (saved);

          /* TRANSLATORS: the saved profile is broken; the message names the key */
          g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                       _("the saved firm's profile %s: %s (fix it in Preferences or give --profile)"),
                       display, local_error->message);
          return NULL;
        }
      if (profile == NULL)
        profile = lo_firm_profile_new ();
    }
  if (profile == NULL)
    return NULL;
  /* --consultant and --logo: the logo as the cover has always taken it, a
   * PNG (checked when the report reads it) */
  if (!override (profile, "consultant", "--consultant", consultant, error)
      || !override (profile, "logo", "--logo", logo, error))
    return NULL;
  return g_steal_pointer (&profile);
}

gboolean
lo_cli_firm_logo_is_png (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".png");
}

void
lo_cli_firm_warn_svg_logo (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* TRANSLATORS: %s is the logo's file */
  g_printerr (_("lightsout: the report's cover shows PNG logos only; %s is left out\n"), display);
}
