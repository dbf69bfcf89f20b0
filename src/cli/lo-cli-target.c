/* lo-cli-target.c: the engagement answers are merged into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli-common.h"
#include "lo-cli-store.h"
#include "lo-cli-target.h"

gboolean
lo_cli_target_load (LoCliTarget *target,
                    const char  *command,
                    int         *status,
                    GError     **error)
{
  if ((target->into == NULL) == (target->client == NULL))
    {
      lo_cli_usage_error (command, _("give either --into FILE or --client NAME"));
      *status = LO_CLI_EXIT_USAGE;
      return FALSE;
    }

  *status = LO_CLI_EXIT_BAD_INPUT;
  if (target->into != NULL)
    {
      target->source = g_filename_display_name (target->into);
      target->engagement = lo_cli_load_engagement (target->into, error);
    }
  else
    {
      g_autofree char *db = NULL;

      target->engagement = lo_cli_load_source (NULL, target->db, target->client, &db, error);
      target->source = g_strdup (target->client);
    }
  if (target->engagement == NULL)
    return FALSE;
  *status = LO_CLI_EXIT_OK;
  return TRUE;
}

LoAssessment *
lo_cli_target_assessment (LoCliTarget *target,
                          const char  *id,
                          GError     **error)
{
  LoEngagement *engagement = target->engagement;

  if (id == NULL)
    {
      LoAssessment *latest = lo_engagement_latest_assessment (engagement);

      if (latest == NULL)
        g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_NO_ASSESSMENT,
                     _("%s: no assessment"), target->source);
      return latest;
    }

  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      LoAssessment *assessment = g_ptr_array_index (engagement->assessments, i);

      if (g_strcmp0 (assessment->id, id) == 0)
        return assessment;
    }
  g_set_error (error, LO_CORE_ERROR, LO_CORE_ERROR_UNKNOWN_ID,
               _("%s: there is no assessment “%s”"), target->source, id);
  return NULL;
}

gboolean
lo_cli_target_save (LoCliTarget *target,
                    GPtrArray   *changed,
                    GError     **error)
{
  g_autoptr(LoStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 client;

  if (target->into != NULL)
    return lo_engagement_write_file (target->engagement, target->into, error);

  store = lo_store_open (target->db, error);
  if (store == NULL)
    return FALSE;
  /* the day's backup comes before the change */
  if (!lo_store_backup_if_due (store, &local_error))
    {
      fprintf (stderr, _("lightsout: warning: no backup made: %s\n"), local_error->message);
      g_clear_error (&local_error);
    }

  client = lo_store_find_client (store, target->engagement->client_name, error);
  if (client == 0)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND,
                     _("there is no client “%s”"), target->engagement->client_name);
      return FALSE;
    }
  for (guint i = 0; i < changed->len; i++)
    if (!lo_store_replace_assessment (store, client, g_ptr_array_index (changed, i), error))
      return FALSE;
  return TRUE;
}

void
lo_cli_target_clear (LoCliTarget *target)
{
  g_clear_pointer (&target->into, g_free);
  g_clear_pointer (&target->client, g_free);
  g_clear_pointer (&target->db, g_free);
  g_clear_pointer (&target->source, g_free);
  g_clear_pointer (&target->engagement, lo_engagement_unref);
}
