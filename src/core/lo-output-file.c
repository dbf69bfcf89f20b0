/* lo-output-file.c: the one way an output file is written (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lo-output-file.h"

#define MAX_LINKS 40
#define N_SLOTS   32

struct _LoOutputFile
{
  char       *display;   /* the path as given, for messages */
  char       *target;    /* the regular file written, links followed */
  char       *temp;      /* beside the target; NULL for standard output */
  int         fd;        /* the temporary's, -1 for standard output */
  GByteArray *buffer;    /* standard output's content until commit */
  int         write_errno; /* the first failed write's, 0 when none */
  int         slot;      /* in temp_slots, -1 when none */
};

/* The temporaries that exist now, for the signal handler: it may only read
 * them and call unlink (), which is async-signal-safe. */
static char *volatile temp_slots[N_SLOTS];
static GMutex slots_lock;

static void
on_fatal_signal (int sig)
{
  for (int i = 0; i < N_SLOTS; i++)
    {
      char *path = temp_slots[i];

      if (path != NULL)
        unlink (path);
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

/* SIGINT and SIGTERM remove the temporaries, unless the program handles
 * those signals itself (then it is the program's business). */
static void
install_handlers_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      const int signals[] = { SIGINT, SIGTERM };

      for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
        {
          struct sigaction old;

          if (sigaction (signals[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
            {
              struct sigaction action = { 0 };

              action.sa_handler = on_fatal_signal;
              sigemptyset (&action.sa_mask);
              sigaction (signals[i], &action, NULL);
            }
        }
      g_once_init_leave (&done, 1);
    }
}

static int
slot_take (char *path)
{
  int slot = -1;

  g_mutex_lock (&slots_lock);
  for (int i = 0; i < N_SLOTS && slot < 0; i++)
    if (temp_slots[i] == NULL)
      {
        temp_slots[i] = path;
        slot = i;
      }
  g_mutex_unlock (&slots_lock);
  return slot;
}

static void
slot_release (int slot)
{
  if (slot < 0)
    return;
  g_mutex_lock (&slots_lock);
  temp_slots[slot] = NULL;
  g_mutex_unlock (&slots_lock);
}

static void
set_errno_error (GError    **error,
                 const char *display,
                 int         saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* TRANSLATORS: "r.pdf: cannot write: No space left on device" */
               _("%s: cannot write: %s"), display, g_strerror (saved_errno));
}

/* What is at the path, when it is not a regular file. */
static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a FIFO (named pipe)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

/* Follows symbolic links by hand, for a link whose target does not exist yet
 * (it is created). */
static char *
follow_links (const char *path,
              const char *display,
              GError    **error)
{
  g_autofree char *current = g_strdup (path);

  for (int hops = 0; hops <= MAX_LINKS; hops++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        break;
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }
  set_errno_error (error, display, ELOOP);
  return NULL;
}

LoOutputFile *
lo_output_file_open (const char *path,
                     GError    **error)
{
  LoOutputFile *file;
  g_autofree char *display = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  GStatBuf st;
  gboolean exists;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (path, "-"))
    {
      file = g_new0 (LoOutputFile, 1);
      file->display = g_strdup (_("standard output"));
      file->fd = -1;
      file->slot = -1;
      file->buffer = g_byte_array_new ();
      return file;
    }

  display = g_filename_display_name (path);
  if (*path == '\0')
    {
      set_errno_error (error, display, ENOENT);
      return NULL;
    }

  /* stat () follows links: what would be written */
  exists = g_stat (path, &st) == 0;
  if (!exists && errno != ENOENT)
    {
      set_errno_error (error, display, errno);
      return NULL;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   /* TRANSLATORS: "out: is a FIFO (named pipe): only a regular file is written (“-” writes to standard output)" */
                   _("%s: is %s: only a regular file is written (“-” writes to standard output)"),
                   display, kind_of (st.st_mode));
      return NULL;
    }

  if (exists)
    {
      target = realpath (path, NULL);
      if (target == NULL)
        {
          set_errno_error (error, display, errno);
          return NULL;
        }
    }
  else
    {
      target = follow_links (path, display, error);
      if (target == NULL)
        return NULL;
    }

  install_handlers_once ();

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  {
    g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

    tmpl = g_build_filename (dir, name, NULL);
  }
  /* 0666 minus the umask for a new file, as open () makes it */
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, display, errno);
      return NULL;
    }

  file = g_new0 (LoOutputFile, 1);
  file->display = g_steal_pointer (&display);
  file->target = g_steal_pointer (&target);
  file->temp = g_steal_pointer (&tmpl);
  file->fd = fd;
  file->slot = slot_take (file->temp);

  /* an existing file keeps its mode */
  if (exists && fchmod (fd, st.st_mode & 07777) != 0)
    {
      int saved = errno;

      set_errno_error (error, file->display, saved);
      lo_output_file_abort (file);
      return NULL;
    }
  return file;
}

gboolean
lo_output_file_is_stdout (const LoOutputFile *file)
{
  g_return_val_if_fail (file != NULL, FALSE);
  return file->buffer != NULL;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length,
           int        *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *saved_errno = n < 0 ? errno : EIO;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

gboolean
lo_output_file_write (LoOutputFile *file,
                      const void   *data,
                      gsize         length)
{
  g_return_val_if_fail (file != NULL, FALSE);

  if (file->write_errno != 0)
    return FALSE;
  if (file->buffer != NULL)
    {
      g_byte_array_append (file->buffer, data, length);
      return TRUE;
    }
  return write_all (file->fd, data, length, &file->write_errno);
}

static void
output_file_free (LoOutputFile *file)
{
  slot_release (file->slot);
  if (file->fd >= 0)
    close (file->fd);
  if (file->buffer != NULL)
    g_byte_array_unref (file->buffer);
  g_free (file->temp);
  g_free (file->target);
  g_free (file->display);
  g_free (file);
}

void
lo_output_file_abort (LoOutputFile *file)
{
  if (file == NULL)
    return;
  if (file->temp != NULL)
    g_unlink (file->temp);
  output_file_free (file);
}

gboolean
lo_output_file_fail (LoOutputFile *file,
                     const char   *reason,
                     GError      **error)
{
  g_return_val_if_fail (file != NULL, FALSE);

  if (file->write_errno != 0)
    set_errno_error (error, file->display, file->write_errno);
  else
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("%s: cannot write: %s"), file->display, reason);
  lo_output_file_abort (file);
  return FALSE;
}

gboolean
lo_output_file_commit (LoOutputFile *file,
                       GError      **error)
{
  int saved = 0;

  g_return_val_if_fail (file != NULL, FALSE);

  if (file->write_errno != 0)
    saved = file->write_errno;
  else if (file->buffer != NULL)
    {
      if (!write_all (STDOUT_FILENO, (const char *) file->buffer->data, file->buffer->len, &saved))
        saved = saved ? saved : EIO;
    }
  else if (fsync (file->fd) != 0)
    saved = errno;
  else if (close (file->fd) != 0)
    {
      saved = errno;
      file->fd = -1;
    }
  else
    {
      file->fd = -1;
      if (g_rename (file->temp, file->target) != 0)
        saved = errno;
    }

  if (saved != 0)
    {
      set_errno_error (error, file->display, saved);
      lo_output_file_abort (file);
      return FALSE;
    }

  /* renamed: nothing to remove any more */
  slot_release (file->slot);
  file->slot = -1;
  g_clear_pointer (&file->temp, g_free);
  output_file_free (file);
  return TRUE;
}

gboolean
lo_output_file_set_contents (const char  *path,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  LoOutputFile *file;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = lo_output_file_open (path, error);
  if (file == NULL)
    return FALSE;
  lo_output_file_write (file, data, length);
  return lo_output_file_commit (file, error);
}
