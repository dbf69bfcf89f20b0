/* lo-firm-profile.c: the firm's profile as a key file (SPEC §6)
 *
 * [Firm]
 * name=…  consultant=…  email=…  phone=…  website=…  booking-url=…
 * logo=/path/logo.png  accent=#0072b2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "lo-io.h"

#define FIRM_GROUP "Firm"
/* A profile is a few lines; anything bigger is not one. */
#define FIRM_MAX_FILE_SIZE (256 * 1024)

char *
lo_firm_profile_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "lightsout", "firm.ini", NULL);
}

static gboolean
check_logo_file (const char  *display,
                 const char  *path,
                 GError     **error)
{
  static const guchar png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr (GError) local_error = NULL;
  char head[512] = { 0 };
  gsize got = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head - 1, &got,
                                   NULL, &local_error))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   /* TRANSLATORS: "firm.ini: logo: /x/logo.png: No such file" */
                   _("%s: logo: %s: %s"), display, path, local_error->message);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".png"))
    {
      if (got < sizeof png_magic || memcmp (head, png_magic, sizeof png_magic) != 0)
        {
          g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                       _("%s: logo: %s is not a PNG image"), display, path);
          return FALSE;
        }
    }
  else if (strstr (head, "<svg") == NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s: logo: %s is not an SVG image"), display, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_keys (GKeyFile      *kf,
           const char    *display,
           LoFirmProfile *profile,
           GError       **error)
{
  g_auto (GStrv) keys = NULL;

  keys = g_key_file_get_keys (kf, FIRM_GROUP, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    {
      char **field;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *value = NULL;

      field = lo_firm_profile_field (profile, keys[i]);
      if (field == NULL)
        {
          g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                       /* TRANSLATORS: "firm.ini: [Firm] has no key “colour”" */
                       _("%s: [Firm] has no key “%s”"), display, keys[i]);
          return FALSE;
        }
      value = g_key_file_get_string (kf, FIRM_GROUP, keys[i], &local_error);
      if (value == NULL)
        {
          g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                       "%s: %s: %s", display, keys[i], local_error->message);
          return FALSE;
        }
      g_strstrip (value);
      if (!lo_firm_profile_check_value (display, keys[i], value, &local_error))
        {
          g_set_error_literal (error, LO_IO_ERROR, LO_IO_ERROR_INVALID, local_error->message);
          return FALSE;
        }
      g_free (*field);
      *field = *value != '\0' ? g_steal_pointer (&value) : NULL;
    }
  return TRUE;
}

LoFirmProfile *
lo_firm_profile_read_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (LoFirmProfile) profile = lo_firm_profile_new ();
  g_autoptr (GError) local_error = NULL;
  const char *display = display_name ? display_name : "firm.ini";

  if (length > FIRM_MAX_FILE_SIZE)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE,
                   _("%s: a firm's profile is at most 256 KiB"), display);
      return NULL;
    }
  if (!g_key_file_load_from_data (kf, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                   "%s: %s", display, local_error->message);
      return NULL;
    }
  if (!g_key_file_has_group (kf, FIRM_GROUP))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_WRONG_FORMAT,
                   _("%s: no [Firm] group"), display);
      return NULL;
    }
  if (!read_keys (kf, display, profile, error))
    return NULL;
  if (profile->logo != NULL && !check_logo_file (display, profile->logo, error))
    return NULL;
  return g_steal_pointer (&profile);
}

LoFirmProfile *
lo_firm_profile_read_file (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ, "%s", local_error->message);
      return NULL;
    }
  return lo_firm_profile_read_data (data, length, display, error);
}

LoFirmProfile *
lo_firm_profile_read_saved (GError **error)
{
  g_autofree char *path = lo_firm_profile_default_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return lo_firm_profile_read_file (path, error);
}

char *
lo_firm_profile_to_data (const LoFirmProfile *profile,
                         gsize               *length)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  const char * const *keys = lo_firm_profile_keys ();

  g_return_val_if_fail (profile != NULL, NULL);

  /* An empty group still marks the file as a profile. */
  g_key_file_set_comment (kf, NULL, NULL, " Lights Out: the firm that sends the report", NULL);
  for (guint i = 0; keys[i]; i++)
    {
      const char *v = *lo_firm_profile_field ((LoFirmProfile *) profile, keys[i]);
      if (v != NULL && *v != '\0')
        g_key_file_set_string (kf, FIRM_GROUP, keys[i], v);
    }
  if (!g_key_file_has_group (kf, FIRM_GROUP))
    {
      g_autofree char *empty = g_strdup ("[" FIRM_GROUP "]\n");
      if (length)
        *length = strlen (empty);
      return g_steal_pointer (&empty);
    }
  return g_key_file_to_data (kf, length, NULL);
}

gboolean
lo_firm_profile_write_file (const LoFirmProfile *profile,
                            const char          *path,
                            GError             **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (profile != NULL && path != NULL, FALSE);

  if (!lo_firm_profile_check (profile, NULL, &local_error))
    {
      g_set_error_literal (error, LO_IO_ERROR, LO_IO_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *display = g_filename_display_name (dir);
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE,
                   _("%s: the folder cannot be made: %s"), display, g_strerror (errno));
      return FALSE;
    }
  data = lo_firm_profile_to_data (profile, &length);
  return lo_io_write_atomic (path, data, length, error);
}
