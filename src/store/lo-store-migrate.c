/* lo-store-migrate.c: the schema, brought up to date by PRAGMA user_version
 *
 * Migration N is the resource migrations/NNN-*.sql; the database's
 * user_version counts the migrations applied. Each one runs with its
 * user_version bump in one transaction: a failure leaves the schema as it
 * was before that migration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lo-store-private.h"
#include "lo-store-resources.h"

#define MIGRATIONS_PATH "/io/github/lightsout/LightsOut/store/migrations"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GStrv
migration_names (void)
{
  GStrv names = g_resource_enumerate_children (lo_store_get_resource (), MIGRATIONS_PATH,
                                               G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return g_new0 (char *, 1);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

guint
lo_store_schema_version (void)
{
  g_auto(GStrv) names = migration_names ();
  return g_strv_length (names);
}

char *
lo_store_migration_sql (guint version)
{
  g_auto(GStrv) names = migration_names ();
  g_autofree char *prefix = g_strdup_printf ("%03u-", version);
  g_autofree char *resource = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (version == 0 || version > g_strv_length (names) ||
      !g_str_has_prefix (names[version - 1], prefix))
    return NULL;
  resource = g_strconcat (MIGRATIONS_PATH "/", names[version - 1], NULL);
  bytes = g_resource_lookup_data (lo_store_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Migration @version and its bump, inside a transaction. */
static gboolean
apply (LoStore    *self,
       guint       version,
       const char *sql,
       GError    **error)
{
  /* PRAGMA takes no parameters; @version is a number we made */
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u;", version);

  if (!lo_store_exec_script (self, sql, error) || !lo_store_exec_script (self, bump, error))
    return FALSE;
  if (version == 1)
    return lo_store_exec_script (self,
                                 "PRAGMA application_id = " G_STRINGIFY (LO_STORE_APPLICATION_ID) ";",
                                 error);
  return TRUE;
}

gboolean
lo_store_migrate (LoStore *self,
                  guint    from,
                  GError **error)
{
  guint known = lo_store_schema_version ();

  for (guint v = from + 1; v <= known; v++)
    {
      g_autofree char *sql = lo_store_migration_sql (v);

      if (sql == NULL)
        {
          g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_FAILED,
                       _("%s: migration %u is missing from the program"), self->path, v);
          return FALSE;
        }
      if (!lo_store_begin (self, error))
        return FALSE;
      if (!lo_store_commit (self, apply (self, v, sql, error), error))
        {
          g_prefix_error (error, _("Updating the database to schema %u: "), v);
          return FALSE;
        }
    }
  return TRUE;
}
