/* test-output-file.c: how every output file is written (lo-output-file.h)
 *
 * Everything happens in a temporary folder; a device node is made there with
 * mknod (only as root), a full disk is a 16 kB tmpfs in a private mount
 * namespace (only where unshare works); otherwise those tests are skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lo-io.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lo-output-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: no temporary may be left. */
static char *
listing (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static mode_t
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
contents (const char *path)
{
  char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* New files: 0666 minus the umask, whatever the format; an existing file
 * keeps its mode. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *kept = g_build_filename (f->dir, "kept.lightsout", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  g_assert_true (lo_output_file_set_contents (path, "a", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0644);

  umask (077);
  g_unlink (path);
  g_assert_true (lo_output_file_set_contents (path, "a", 1, &error));
  g_assert_cmpint (mode_of (path), ==, 0600);

  /* an existing 0600 file comes back 0600, a 0640 one 0640 */
  umask (022);
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_cmpint (g_chmod (kept, 0600), ==, 0);
  g_assert_true (lo_output_file_set_contents (kept, "new", 3, &error));
  g_assert_cmpint (mode_of (kept), ==, 0600);
  g_assert_cmpint (g_chmod (kept, 0640), ==, 0);
  g_assert_true (lo_output_file_set_contents (kept, "newer", 5, &error));
  g_assert_cmpint (mode_of (kept), ==, 0640);
  {
    g_autofree char *text = contents (kept);

    g_assert_cmpstr (text, ==, "newer");
  }
  umask (old);
}

/* A FIFO, a folder and (as root) a device are refused and stay as they were. */
static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *device = g_build_filename (f->dir, "null", NULL);
  g_autofree char *names = NULL;
  g_autoptr(LoEngagement) engagement = lo_engagement_new ("Acme");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (lo_engagement_write_file (engagement, fifo, &error));
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "fifo: is a FIFO"));
  g_clear_error (&error);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (lo_output_file_set_contents (folder, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, "folder: is a folder"));
  g_clear_error (&error);

  if (geteuid () == 0 && mknod (device, S_IFCHR | 0666, makedev (1, 3)) == 0)
    {
      g_assert_false (lo_output_file_set_contents (device, "x", 1, &error));
      g_assert_nonnull (strstr (error->message, "null: is a device"));
      g_clear_error (&error);
      g_assert_cmpint (g_lstat (device, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
      g_unlink (device);
    }
  else
    g_test_message ("no device node (not root): that part is skipped");

  /* nothing left behind */
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "fifo folder");
}

/* A link is followed: its target is written, the link stays a link; a link
 * to a file that does not exist yet creates it. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "target.svg", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.svg", NULL);
  g_autofree char *dangling = g_build_filename (f->dir, "dangling.svg", NULL);
  g_autofree char *created = g_build_filename (f->dir, "created.svg", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.svg", link), ==, 0);
  g_assert_true (lo_output_file_set_contents (link, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  {
    g_autofree char *text = contents (target);

    g_assert_cmpstr (text, ==, "new");
  }

  g_assert_cmpint (symlink ("created.svg", dangling), ==, 0);
  g_assert_true (lo_output_file_set_contents (dangling, "made", 4, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = contents (created);

    g_assert_cmpstr (text, ==, "made");
  }
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "created.svg dangling.svg link.svg target.svg");
}

/* A folder that does not exist: the message names the file. */
static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no", "such.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lo_output_file_set_contents (path, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "such.pdf: cannot write: "));
}

/* A writer's failure removes the temporary and leaves the old file. */
static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "r.pdf", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  LoOutputFile *out;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  out = lo_output_file_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lo_output_file_write (out, "partial", 7));
  g_assert_false (lo_output_file_fail (out, "the drawing failed", &error));
  g_assert_nonnull (strstr (error->message, "r.pdf: cannot write: the drawing failed"));
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "r.pdf");
  {
    g_autofree char *text = contents (path);

    g_assert_cmpstr (text, ==, "old");
  }
}

/* SIGINT and SIGTERM during a write remove the temporary. */
static void
test_signal_removes_temporary (Fixture       *f,
                               gconstpointer  data)
{
  const int signals[] = { SIGTERM, SIGINT };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "r.pdf", NULL);
      g_autofree char *names = NULL;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          LoOutputFile *out;

          out = lo_output_file_open (path, NULL);
          if (out == NULL || !lo_output_file_write (out, "partial", 7))
            _exit (3);
          raise (signals[i]);
          _exit (4);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, signals[i]);
      names = listing (f->dir);
      g_assert_cmpstr (names, ==, "");
    }
}

/* "-" is standard output, written whole at the end. */
static void
test_stdout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "captured", NULL);
  g_autoptr(GError) error = NULL;
  int saved = dup (STDOUT_FILENO);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  gboolean ok;

  g_assert_cmpint (fd, >=, 0);
  fflush (stdout);
  dup2 (fd, STDOUT_FILENO);
  ok = lo_output_file_set_contents ("-", "to stdout", 9, &error);
  dup2 (saved, STDOUT_FILENO);
  close (saved);
  close (fd);
  g_assert_no_error (error);
  g_assert_true (ok);
  {
    g_autofree char *text = contents (path);

    g_assert_cmpstr (text, ==, "to stdout");
  }
}

/* The child of test_full_disk: writes into a 16 KiB tmpfs of its own. Its
 * memory is freed before it exits, so that valgrind (which follows the fork)
 * finds nothing to report: 77 when no private tmpfs can be made, 0 when the
 * write failed as it should, naming the file and leaving nothing. */
static int
full_disk_child (const char *dir,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *big = NULL;

  if (unshare (CLONE_NEWNS) != 0
      || mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0
      || mount ("lo-test", dir, "tmpfs", 0, "size=16k") != 0)
    return 77;
  big = g_malloc0 (256 * 1024);
  if (lo_output_file_set_contents (path, big, 256 * 1024, &error))
    return 1;
  if (strstr (error->message, "r.pdf: cannot write: ") == NULL
      || strstr (error->message, g_strerror (ENOSPC)) == NULL)
    return 1;
  names = listing (dir);
  return g_str_equal (names, "") ? 0 : 2;
}

/* A full disk: "No space left on device", naming the file, nothing left. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "r.pdf", NULL);
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (full_disk_child (f->dir, path));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 77)
    {
      g_test_skip ("no private tmpfs (needs root or user namespaces)");
      return;
    }
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/lo/io/output-file/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("modes", test_modes);
  ADD ("not-regular", test_not_regular);
  ADD ("symlink", test_symlink);
  ADD ("missing-folder", test_missing_folder);
  ADD ("failure-leaves-nothing", test_failure_leaves_nothing);
  ADD ("signal-removes-temporary", test_signal_removes_temporary);
  ADD ("stdout", test_stdout);
  ADD ("full-disk", test_full_disk);
#undef ADD

  return g_test_run ();
}
