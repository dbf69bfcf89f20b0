/* cli-test-util.h: running the lightsout binary (and the tools the tests
 * read its files with) from a cli test — the one way the cli tests spawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdarg.h>
#include <sys/wait.h>

/* One run of a program: its exit status (-1 when a signal ended it) and
 * what it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs @program (NULL: $LIGHTSOUT, the built binary; otherwise looked up in
 * PATH) with the NULL-terminated @args, in @dir (NULL: the current one), with
 * the environment @envp (NULL: the test's). What @run held is freed first. */
static inline void
run_program (Run               *run,
             const char        *dir,
             const char *const *envp,
             const char        *program,
             const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = program != NULL ? program : g_getenv ("LIGHTSOUT");
  int wait_status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, (char **) envp,
                               program != NULL ? G_SPAWN_SEARCH_PATH : G_SPAWN_DEFAULT,
                               NULL, NULL, &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (g_test_verbose ())
    g_test_message ("%s %s: status %d\nstdout:\n%s\nstderr:\n%s", binary,
                    args[0] != NULL ? args[0] : "", run->status, run->out, run->err);
}

static inline void
run_lightsout_va (Run        *run,
                  const char *dir,
                  const char *first,
                  va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);
  run_program (run, dir, NULL, NULL, (const char *const *) args->pdata);
}

/* Runs $LIGHTSOUT with the NULL-terminated arguments, here. */
static inline void
run_lightsout (Run        *run,
               const char *first,
               ...)
{
  va_list ap;

  va_start (ap, first);
  run_lightsout_va (run, NULL, first, ap);
  va_end (ap);
}

/* Runs $LIGHTSOUT with the NULL-terminated arguments in @dir. */
static inline void
run_lightsout_in (Run        *run,
                  const char *dir,
                  const char *first,
                  ...)
{
  va_list ap;

  va_start (ap, first);
  run_lightsout_va (run, dir, first, ap);
  va_end (ap);
}
