/* lo-firm.h: the firm's profile (who sends the report, SPEC §6)
 *
 * A plain struct with owned strings; every field may be NULL (not given).
 * The file is a key file read and written by io (lo_firm_profile_read_file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;         /* the firm's name */
  char *consultant;   /* the person who sends the report */
  char *email;
  char *phone;
  char *website;      /* http(s) */
  char *booking_url;  /* http(s); the next-steps page shows it as a QR code */
  char *logo;         /* path of a PNG or SVG file */
  char *accent;       /* "#rrggbb" */
} LoFirmProfile;

LoFirmProfile *lo_firm_profile_new      (void);
LoFirmProfile *lo_firm_profile_copy     (const LoFirmProfile *profile);
void           lo_firm_profile_free     (LoFirmProfile *profile);
/* Whether no field is set. */
gboolean       lo_firm_profile_is_empty (const LoFirmProfile *profile);

/* The key file's key names in order ("name", "consultant", "email", "phone",
 * "website", "booking-url", "logo", "accent"), NULL-terminated. */
const char * const *lo_firm_profile_keys (void);
/* The field for a key name, or NULL for a key the profile does not have. */
char         **lo_firm_profile_field    (LoFirmProfile *profile,
                                         const char    *key);

/* Checks one value for @key (SPEC §6): names and contact details at most
 * LO_LIMIT_NAME_LENGTH characters without control characters; website and
 * booking-url http:// or https://; accent #rrggbb; logo ending in .png or
 * .svg (whether the file exists is the reader's check). The error names
 * @subject (a file name, may be NULL) and the key. NULL and "" pass. */
gboolean       lo_firm_profile_check_value (const char  *subject,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);
/* Every field of @profile. */
gboolean       lo_firm_profile_check       (const LoFirmProfile *profile,
                                            const char          *subject,
                                            GError             **error);
/* The accent as 0–1 components; FALSE (and the components untouched) when
 * none or not #rrggbb. */
gboolean       lo_firm_profile_accent_rgb  (const LoFirmProfile *profile,
                                            double              *red,
                                            double              *green,
                                            double              *blue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoFirmProfile, lo_firm_profile_free)

G_END_DECLS
