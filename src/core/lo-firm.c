/* lo-firm.c: the firm's profile (SPEC §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "lo-types.h"
#include "lo-limits.h"
#include "lo-firm.h"

/* A link may be longer than a name; a QR code holds about 2 900 bytes. */
#define LO_FIRM_URL_LENGTH 2000

static const char * const firm_keys[] = {
  "name", "consultant", "email", "phone", "website", "booking-url", "logo", "accent", NULL
};

LoFirmProfile *
lo_firm_profile_new (void)
{
  return g_new0 (LoFirmProfile, 1);
}

LoFirmProfile *
lo_firm_profile_copy (const LoFirmProfile *profile)
{
  LoFirmProfile *copy = lo_firm_profile_new ();

  if (profile == NULL)
    return copy;
  copy->name = g_strdup (profile->name);
  copy->consultant = g_strdup (profile->consultant);
  copy->email = g_strdup (profile->email);
  copy->phone = g_strdup (profile->phone);
  copy->website = g_strdup (profile->website);
  copy->booking_url = g_strdup (profile->booking_url);
  copy->logo = g_strdup (profile->logo);
  copy->accent = g_strdup (profile->accent);
  return copy;
}

void
lo_firm_profile_free (LoFirmProfile *profile)
{
  if (profile == NULL)
    return;
  for (guint i = 0; firm_keys[i]; i++)
    g_free (*lo_firm_profile_field (profile, firm_keys[i]));
  g_free (profile);
}

const char * const *
lo_firm_profile_keys (void)
{
  return firm_keys;
}

char **
lo_firm_profile_field (LoFirmProfile *profile,
                       const char    *key)
{
  g_return_val_if_fail (profile != NULL && key != NULL, NULL);

  if (strcmp (key, "name") == 0)
    return &profile->name;
  if (strcmp (key, "consultant") == 0)
    return &profile->consultant;
  if (strcmp (key, "email") == 0)
    return &profile->email;
  if (strcmp (key, "phone") == 0)
    return &profile->phone;
  if (strcmp (key, "website") == 0)
    return &profile->website;
  if (strcmp (key, "booking-url") == 0)
    return &profile->booking_url;
  if (strcmp (key, "logo") == 0)
    return &profile->logo;
  if (strcmp (key, "accent") == 0)
    return &profile->accent;
  return NULL;
}

gboolean
lo_firm_profile_is_empty (const LoFirmProfile *profile)
{
  if (profile == NULL)
    return TRUE;
  for (guint i = 0; firm_keys[i]; i++)
    {
      const char *v = *lo_firm_profile_field ((LoFirmProfile *) profile, firm_keys[i]);
      if (v != NULL && *v != '\0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
refuse (const char  *subject,
        const char  *key,
        const char  *what,
        GError     **error)
{
  if (subject != NULL && *subject != '\0')
    /* TRANSLATORS: "firm.ini: accent: must be a colour written #rrggbb" */
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID, _("%s: %s: %s"), subject, key, what);
  else
    g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_INVALID, _("%s: %s"), key, what);
  return FALSE;
}

static gboolean
check_url (const char  *subject,
           const char  *key,
           const char  *value,
           GError     **error)
{
  const char *rest;

  if (g_str_has_prefix (value, "https://"))
    rest = value + 8;
  else if (g_str_has_prefix (value, "http://"))
    rest = value + 7;
  else
    return refuse (subject, key, _("must start with http:// or https://"), error);

  if (*rest == '\0' || *rest == '/')
    return refuse (subject, key, _("has no host name"), error);
  if (strlen (value) > LO_FIRM_URL_LENGTH)
    return refuse (subject, key, _("is longer than 2000 characters"), error);
  for (const char *p = value; *p; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p == 0x7f)
      return refuse (subject, key, _("contains a space or a control character"), error);
  return TRUE;
}

static gboolean
check_accent (const char  *subject,
              const char  *key,
              const char  *value,
              GError     **error)
{
  if (strlen (value) != 7 || value[0] != '#')
    return refuse (subject, key, _("must be a colour written #rrggbb"), error);
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (value[i]))
      return refuse (subject, key, _("must be a colour written #rrggbb"), error);
  return TRUE;
}

gboolean
lo_firm_profile_check_value (const char  *subject,
                             const char  *key,
                             const char  *value,
                             GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL || *value == '\0')
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    return refuse (subject, key, _("is not valid UTF-8"), error);

  if (strcmp (key, "website") == 0 || strcmp (key, "booking-url") == 0)
    return check_url (subject, key, value, error);
  if (strcmp (key, "accent") == 0)
    return check_accent (subject, key, value, error);
  if (strcmp (key, "logo") == 0)
    {
      if (strlen (value) > 4096)
        return refuse (subject, key, _("is longer than 4096 bytes"), error);
      lower = g_ascii_strdown (value, -1);
      if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg"))
        return refuse (subject, key, _("must be a PNG or SVG file"), error);
      return TRUE;
    }
  return lo_limit_check_name (subject, key, value, error);
}

gboolean
lo_firm_profile_check (const LoFirmProfile *profile,
                       const char          *subject,
                       GError             **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  for (guint i = 0; firm_keys[i]; i++)
    if (!lo_firm_profile_check_value (subject, firm_keys[i],
                                      *lo_firm_profile_field ((LoFirmProfile *) profile,
                                                              firm_keys[i]),
                                      error))
      return FALSE;
  return TRUE;
}

gboolean
lo_firm_profile_accent_rgb (const LoFirmProfile *profile,
                            double              *red,
                            double              *green,
                            double              *blue)
{
  guint r, g, b;

  if (profile == NULL || profile->accent == NULL
      || !check_accent (NULL, "accent", profile->accent, NULL))
    return FALSE;
  if (sscanf (profile->accent + 1, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  *red = r / 255.0;
  *green = g / 255.0;
  *blue = b / 255.0;
  return TRUE;
}
