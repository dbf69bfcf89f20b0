/* lo-bench-fixture.c: the data the whole-process benchmarks run on
 *
 *   lo-bench-fixture engagement N_PROCESSES N_RESPONDENTS OUT.lightsout
 *   lo-bench-fixture database N_CLIENTS N_PROCESSES N_RESPONDENTS DB
 *
 * Both grow the demo engagement (Harbor Logistics) to N_PROCESSES processes
 * (copies of its six, renamed per site) and N_RESPONDENTS respondents (copies
 * of its respondents' answers).  `database` imports N_CLIENTS such clients,
 * each under its own name, into a new database through the store API — a
 * practice's worth of clients for the window's start-up benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "lo-io.h"
#include "lo-store.h"

static LoEngagement *
grown_demo (guint n_processes,
            guint n_respondents)
{
  g_autoptr (LoEngagement) demo = lo_demo_engagement ();
  LoEngagement *engagement = lo_engagement_copy (demo);
  LoAssessment *assessment = lo_engagement_latest_assessment (engagement);
  guint n_demo = demo->processes->len;
  guint n_people = assessment->respondents->len;

  for (guint i = n_demo; i < n_processes; i++)
    {
      const LoProcess *source = g_ptr_array_index (demo->processes, i % n_demo);
      LoProcess *process = lo_process_copy (source);

      g_free (process->id);
      g_free (process->name);
      process->id = g_strdup_printf ("%s-site-%u", source->id, i / n_demo + 1);
      process->name = g_strdup_printf ("%s (site %u)", source->name, i / n_demo + 1);
      g_ptr_array_add (engagement->processes, process);
    }

  for (guint k = n_people; k < n_respondents; k++)
    {
      const LoRespondent *source = g_ptr_array_index (assessment->respondents, k % n_people);
      g_autofree char *id = g_strdup_printf ("respondent-%u", k + 1);
      g_autofree char *name = g_strdup_printf ("%s (%u)", source->name, k / n_people + 1);
      LoRespondent *respondent = lo_assessment_add_respondent (assessment, id, name, source->role);

      for (guint j = 0; j < source->answers->len; j++)
        {
          const LoAnswer *answer = &g_array_index (source->answers, LoAnswer, j);

          /* Not all the same: shift every other copy by one, within 1–5. */
          lo_respondent_set_answer (respondent, answer->question,
                                    k % 2 ? MAX (1, answer->value - 1) : answer->value);
        }
    }
  return engagement;
}

static guint
parse_count (const char *text,
             guint       max)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    {
      fprintf (stderr, "lo-bench-fixture: “%s” is not a count from 1 to %u\n", text, max);
      exit (2);
    }
  return (guint) value;
}

static int
write_database (guint       n_clients,
                guint       n_processes,
                guint       n_respondents,
                const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoStore) store = NULL;
  g_autoptr (LoEngagement) model = grown_demo (n_processes, n_respondents);
  static const char *kinds[] = { "Logistics", "Dental", "Accounting", "Legal", "Freight" };

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "lo-bench-fixture: %s exists; give a new database\n", path);
      return 1;
    }
  store = lo_store_open (path, &error);
  if (store == NULL)
    {
      fprintf (stderr, "lo-bench-fixture: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr (LoEngagement) client = lo_engagement_copy (model);

      g_free (client->client_name);
      client->client_name = g_strdup_printf ("%s %s %04u", i % 7 ? "Northwind" : "Harbor",
                                             kinds[i % G_N_ELEMENTS (kinds)], i + 1);
      if (lo_store_import_engagement (store, client, &error) == 0)
        {
          fprintf (stderr, "lo-bench-fixture: client %u: %s\n", i + 1, error->message);
          return 1;
        }
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;

  if (argc == 5 && g_str_equal (argv[1], "engagement"))
    {
      g_autoptr (LoEngagement) engagement = grown_demo (parse_count (argv[2], 10000),
                                                        parse_count (argv[3], 1000));

      if (!lo_engagement_write_file (engagement, argv[4], &error))
        {
          fprintf (stderr, "lo-bench-fixture: %s\n", error->message);
          return 1;
        }
      return 0;
    }
  if (argc == 6 && g_str_equal (argv[1], "database"))
    return write_database (parse_count (argv[2], 100000), parse_count (argv[3], 10000),
                           parse_count (argv[4], 1000), argv[5]);

  fprintf (stderr, "Usage: lo-bench-fixture engagement N_PROCESSES N_RESPONDENTS OUT.lightsout\n"
                   "       lo-bench-fixture database N_CLIENTS N_PROCESSES N_RESPONDENTS DB\n");
  return 2;
}
