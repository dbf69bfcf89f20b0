/* test-cli-firm.c: `report --profile` (SPEC §6): the firm's name on every
 * page (pdftotext page by page), its consultant as the PDF's only author,
 * the saved profile used without --profile, --consultant overriding it, no
 * author without any, and bad keys refused naming the key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli-test-util.h"

static char *tmpdir;
static char *demo_path;
static char *config_home;   /* an empty XDG_CONFIG_HOME: no saved profile */
static char *saved_home;    /* one with lightsout/firm.ini */

#define FIRM "Northwind Advisory"

static const char profile_text[] =
  "[Firm]\n"
  "name=" FIRM "\n"
  "consultant=Dana Reyes\n"
  "email=dana@northwind.example\n"
  "phone=+49 30 1234567\n"
  "website=https://northwind.example\n"
  "booking-url=https://cal.example/dana\n"
  "accent=#0072b2\n";

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  if (path == NULL)
    g_test_skip_printf ("%s is not installed", program);
  return path != NULL;
}

/* Runs lightsout with XDG_CONFIG_HOME=@home. */
static void
run_with_home (Run               *run,
               const char        *home,
               const char *const *args)
{
  g_auto (GStrv) env = g_get_environ ();

  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  run_program (run, tmpdir, (const char *const *) env, NULL, args);
}

static char *
pdf_info (const char *pdf)
{
  g_auto (Run) run = { 0 };

  run_program (&run, tmpdir, NULL, "pdfinfo", (const char *const[]) { pdf, NULL });
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static guint
n_pages (const char *pdf)
{
  g_autofree char *info = pdf_info (pdf);
  const char *p = strstr (info, "Pages:");

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + 6, NULL, 10);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_auto (Run) run = { 0 };
  g_autofree char *n = g_strdup_printf ("%u", page);

  run_program (&run, tmpdir, NULL, "pdftotext",
               (const char *const[]) { "-f", n, "-l", n, pdf, "-", NULL });
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static void
test_every_page (void)
{
  g_auto (Run) run = { 0 };
  guint pages;
  g_autofree char *info = NULL;
  g_autofree char *last = NULL;

  if (!have ("pdftotext") || !have ("pdfinfo"))
    return;
  run_with_home (&run, config_home, (const char *const[]) {
    "report", demo_path, "-o", "firm.pdf", "--profile", "firm.ini", "--date", "2026-12-01", NULL });
  g_assert_cmpint (run.status, ==, 0);

  pages = n_pages ("firm.pdf");
  g_assert_cmpuint (pages, >, 2);
  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = page_text ("firm.pdf", p);
      if (strstr (text, FIRM) == NULL)
        g_error ("page %u of %u does not name the firm:\n%s", p, pages, text);
    }
  info = pdf_info ("firm.pdf");
  g_assert_nonnull (strstr (info, "Author:          Dana Reyes\n"));

  /* the last page is the next steps, with the contact details */
  last = page_text ("firm.pdf", pages);
  g_assert_nonnull (strstr (last, "Next steps"));
  g_assert_nonnull (strstr (last, "dana@northwind.example"));
  g_assert_nonnull (strstr (last, "+49 30 1234567"));
  g_assert_nonnull (strstr (last, "https://cal.example/dana"));
}

static void
test_no_author (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *info = NULL;
  g_autofree char *first = NULL;

  if (!have ("pdftotext") || !have ("pdfinfo"))
    return;
  run_with_home (&run, config_home, (const char *const[]) {
    "report", demo_path, "-o", "plain.pdf", "--date", "2026-12-01", NULL });
  g_assert_cmpint (run.status, ==, 0);
  info = pdf_info ("plain.pdf");
  g_assert_null (strstr (info, "Author:"));
  g_assert_null (strstr (info, "Lights Out\n"));
  first = page_text ("plain.pdf", 1);
  g_assert_null (strstr (first, "Prepared by"));
}

static void
test_saved_and_override (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *info = NULL;
  g_autofree char *cover = NULL;

  if (!have ("pdftotext") || !have ("pdfinfo"))
    return;
  /* the saved profile, its consultant replaced by --consultant */
  run_with_home (&run, saved_home, (const char *const[]) {
    "report", demo_path, "-o", "saved.pdf", "--consultant", "Kim Lee", "--date", "2026-12-01", NULL });
  g_assert_cmpint (run.status, ==, 0);
  info = pdf_info ("saved.pdf");
  g_assert_nonnull (strstr (info, "Author:          Kim Lee\n"));
  cover = page_text ("saved.pdf", 1);
  g_assert_nonnull (strstr (cover, "Kim Lee"));
  g_assert_nonnull (strstr (cover, FIRM));
}

static void
refused (const char *text,
         const char *key)
{
  g_auto (Run) run = { 0 };
  g_autofree char *path = g_build_filename (tmpdir, "bad.ini", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "bad.pdf", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  run_with_home (&run, config_home, (const char *const[]) {
    "report", demo_path, "-o", "bad.pdf", "--profile", "bad.ini", NULL });
  g_assert_cmpint (run.status, !=, 0);
  if (strstr (run.err, key) == NULL || strstr (run.err, "bad.ini") == NULL)
    g_error ("the refusal does not name bad.ini and “%s”: %s", key, run.err);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_bad_keys (void)
{
  refused ("[Firm]\naccent=teal\n", "accent");
  refused ("[Firm]\nbooking-url=ftp://cal.example\n", "booking-url");
  refused ("[Firm]\nwebsite=northwind.example\n", "website");
  refused ("[Firm]\nlogo=missing.png\n", "logo");
  refused ("[Firm]\nlogo=logo.bmp\n", "logo");
  refused ("[Firm]\nmotto=Be bold\n", "motto");
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autofree char *saved_dir = NULL;
  g_autofree char *saved_ini = NULL;
  g_autofree char *ini = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("lo-cli-firm-XXXXXX", NULL);
  demo_path = g_build_filename (tmpdir, "demo.lightsout", NULL);
  config_home = g_build_filename (tmpdir, "config-empty", NULL);
  saved_home = g_build_filename (tmpdir, "config-saved", NULL);
  saved_dir = g_build_filename (saved_home, "lightsout", NULL);
  saved_ini = g_build_filename (saved_dir, "firm.ini", NULL);
  ini = g_build_filename (tmpdir, "firm.ini", NULL);
  g_assert_cmpint (g_mkdir_with_parents (config_home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (saved_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (ini, profile_text, -1, NULL));
  g_assert_true (g_file_set_contents (saved_ini, profile_text, -1, NULL));
  {
    g_auto (Run) run = { 0 };
    run_lightsout_in (&run, tmpdir, "demo", "-o", demo_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  g_test_add_func ("/cli/firm/every-page", test_every_page);
  g_test_add_func ("/cli/firm/no-author", test_no_author);
  g_test_add_func ("/cli/firm/saved-and-override", test_saved_and_override);
  g_test_add_func ("/cli/firm/bad-keys", test_bad_keys);
  status = g_test_run ();

  remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);
  g_free (config_home);
  g_free (saved_home);
  return status;
}
