/* test-firm-profile.c: the firm's profile key file (SPEC §6): round trip,
 * every key's refusal naming the key, the logo's checks, atomic writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "lo-io.h"

static const guchar tiny_png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
};

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("lo-firm-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static LoFirmProfile *
read_text (const char  *text,
           GError     **error)
{
  return lo_firm_profile_read_data (text, strlen (text), "firm.ini", error);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "firm.ini", NULL);
  g_autofree char *logo = g_build_filename (dir, "logo.png", NULL);
  g_autoptr (LoFirmProfile) p = lo_firm_profile_new ();
  g_autoptr (LoFirmProfile) back = NULL;
  g_autoptr (GError) error = NULL;
  double r = 0, g = 0, b = 0;

  g_assert_true (g_file_set_contents (logo, (const char *) tiny_png, sizeof tiny_png, NULL));
  p->name = g_strdup ("Northwind Advisory; Müller & Söhne");
  p->consultant = g_strdup ("Dana Reyes");
  p->email = g_strdup ("dana@northwind.example");
  p->phone = g_strdup ("+49 30 1234567");
  p->website = g_strdup ("https://northwind.example");
  p->booking_url = g_strdup ("https://cal.example/dana?x=1#a");
  p->logo = g_strdup (logo);
  p->accent = g_strdup ("#0072B2");

  g_assert_true (lo_firm_profile_write_file (p, path, &error));
  g_assert_no_error (error);
  back = lo_firm_profile_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->name, ==, "Northwind Advisory; Müller & Söhne");
  g_assert_cmpstr (back->consultant, ==, "Dana Reyes");
  g_assert_cmpstr (back->email, ==, "dana@northwind.example");
  g_assert_cmpstr (back->phone, ==, "+49 30 1234567");
  g_assert_cmpstr (back->website, ==, "https://northwind.example");
  g_assert_cmpstr (back->booking_url, ==, "https://cal.example/dana?x=1#a");
  g_assert_cmpstr (back->logo, ==, logo);
  g_assert_cmpstr (back->accent, ==, "#0072B2");
  /* 0x00, 0x72 = 114, 0xB2 = 178 */
  g_assert_true (lo_firm_profile_accent_rgb (back, &r, &g, &b));
  g_assert_cmpfloat_with_epsilon (r, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (g, 114 / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (b, 178 / 255.0, 1e-12);

  g_unlink (path);
  g_unlink (logo);
  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_rmdir (folder);
  }
  g_rmdir (dir);
}

static void
test_partial (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoFirmProfile) p = read_text ("[Firm]\nname=Solo\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (p->name, ==, "Solo");
  g_assert_null (p->consultant);
  g_assert_null (p->logo);
  g_assert_false (lo_firm_profile_is_empty (p));
}

static void
refused (const char *text,
         const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoFirmProfile) p = read_text (text, &error);

  g_assert_null (p);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not name “%s”", error->message, fragment);
  g_assert_nonnull (strstr (error->message, "firm.ini"));
}

static void
test_bad_keys (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *text = NULL;

  refused ("[Firm]\naccent=blue\n", "accent:");
  refused ("[Firm]\naccent=#12345\n", "accent:");
  refused ("[Firm]\naccent=#12345g\n", "accent:");
  refused ("[Firm]\nwebsite=ftp://x.example\n", "website:");
  refused ("[Firm]\nbooking-url=javascript:alert(1)\n", "booking-url:");
  refused ("[Firm]\nbooking-url=https://\n", "booking-url:");
  refused ("[Firm]\nlogo=/tmp/logo.gif\n", "logo:");
  refused ("[Firm]\nlogo=/nonexistent/lo-firm/logo.png\n", "logo:");
  refused ("[Firm]\ncolour=#000000\n", "colour");
  refused ("[Firm]\nname=a\\tb\n", "name:");
  refused ("[Firm]\nconsultant=x\\ny\n", "consultant:");

  /* 200 characters pass, 201 do not (SPEC §2c) */
  long_name = g_strnfill (200, 'x');
  text = g_strdup_printf ("[Firm]\nname=%s\n", long_name);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LoFirmProfile) p = read_text (text, &error);
    g_assert_no_error (error);
  }
  g_free (text);
  text = g_strdup_printf ("[Firm]\nname=%sy\n", long_name);
  refused (text, "name:");
}

static void
test_not_a_profile (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoFirmProfile) p = read_text ("[Other]\nname=x\n", &error);

  g_assert_null (p);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_WRONG_FORMAT);
}

static void
test_logo_content (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "fake.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "logo.svg", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LoFirmProfile) p = NULL;

  g_assert_true (g_file_set_contents (png, "GIF89a", -1, NULL));
  g_assert_true (g_file_set_contents (svg, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, NULL));
  text = g_strdup_printf ("[Firm]\nlogo=%s\n", png);
  refused (text, "not a PNG");
  g_free (text);
  text = g_strdup_printf ("[Firm]\nlogo=%s\n", svg);
  p = read_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->logo, ==, svg);
  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

static void
test_write_refuses_bad (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "firm.ini", NULL);
  g_autoptr (LoFirmProfile) p = lo_firm_profile_new ();
  g_autoptr (GError) error = NULL;

  p->accent = g_strdup ("red");
  g_assert_false (lo_firm_profile_write_file (p, path, &error));
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "accent"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/firm/round-trip", test_round_trip);
  g_test_add_func ("/firm/partial", test_partial);
  g_test_add_func ("/firm/bad-keys", test_bad_keys);
  g_test_add_func ("/firm/not-a-profile", test_not_a_profile);
  g_test_add_func ("/firm/logo-content", test_logo_content);
  g_test_add_func ("/firm/write-refuses-bad", test_write_refuses_bad);
  return g_test_run ();
}
