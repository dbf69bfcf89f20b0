/* store-crash-child.c: the child of the crash test
 *
 * store-crash-child DB FIRST: opens DB, makes sure client "Crash" with
 * assessment "a" and respondent "r" exist, then answers question q<N> with
 * level N % 5 + 1 for N = FIRST, FIRST + 1, … and writes "N\n" to stdout
 * after each call has returned. The test kills it with SIGKILL at a random
 * moment; every N it has read must be in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lo-store.h"

#define MAX_ANSWERS 200000

static void
write_all (const char *text,
           gsize       length)
{
  while (length > 0)
    {
      ssize_t n = write (STDOUT_FILENO, text, length);
      if (n <= 0)
        exit (3);
      text += n;
      length -= n;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(LoAssessment) assessment = NULL;
  gint64 client;
  gint64 first;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s DB FIRST\n", argv[0]);
      return 2;
    }
  first = g_ascii_strtoll (argv[2], NULL, 10);

  store = lo_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  client = lo_store_find_client (store, "Crash", &error);
  if (client == 0 && error == NULL)
    client = lo_store_create_client (store, "Crash", &error);
  if (client == 0)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  assessment = lo_assessment_new ("a", "2026-01-01", "lightsout-default");
  if (!lo_store_add_assessment (store, client, assessment, &error) &&
      !g_error_matches (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_clear_error (&error);
  if (!lo_store_add_respondent (store, client, "a", "r", "Respondent", NULL, &error) &&
      !g_error_matches (error, LO_STORE_ERROR, LO_STORE_ERROR_EXISTS))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_clear_error (&error);

  for (gint64 n = first; n < first + MAX_ANSWERS; n++)
    {
      char question[32];
      char line[32];
      int length;

      g_snprintf (question, sizeof question, "q%" G_GINT64_FORMAT, n);
      if (!lo_store_set_answer (store, client, "a", "r", question, n % 5 + 1, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      length = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT "\n", n);
      write_all (line, length);
    }
  return 0;
}
