/* lo-cli-store.c: `lightsout import`, `export`, `list` and `restore`, and the database
 * for the other subcommands (`--db DB --client NAME`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lo-cli.h"
#include "lo-cli-common.h"
#include "lo-cli-store.h"

LoStore *
lo_cli_open_db_for_reading (const char *db_path,
                            GError    **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) local_error = NULL;
  LoStore *store;

  if (db_path == NULL)
    db_path = default_path = lo_store_default_path ();
  if (*db_path == '\0')
    {
      g_set_error_literal (error, LO_STORE_ERROR, LO_STORE_ERROR_OPEN,
                           _("--db: the database path is empty"));
      return NULL;
    }

  store = lo_store_open_read_only (db_path, &local_error);
  if (store != NULL)
    return store;

  /* a database of an older schema must be brought up to date first, which
   * needs it open for changes */
  if (g_error_matches (local_error, LO_STORE_ERROR, LO_STORE_ERROR_READ_ONLY))
    return lo_store_open (db_path, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* One rule for every command that takes CLIENT: "#12" is client number 12
 * (as `lightsout list` shows it), always; anything else is a name, and only
 * when no client has that name is a bare number such as "12" taken as the
 * client's number. */
gint64
lo_cli_find_client (LoStore    *store,
                    const char *client,
                    GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean hash = client[0] == '#';
  const char *digits = hash ? client + 1 : client;
  guint64 number = 0;
  gboolean numeric;
  gint64 id = 0;

  numeric = *digits != '\0'
            && g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &number, NULL);

  if (!hash)
    {
      id = lo_store_find_client (store, client, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
      if (id != 0)
        return id;
    }

  if (numeric)
    {
      g_autoptr(LoEngagement) probe = lo_store_load_engagement (store, (gint64) number, NULL);

      if (probe != NULL)
        return (gint64) number;
    }

  /* damaged pages can hide a client: say so rather than "no client" */
  if (!lo_store_check (store, error))
    return 0;
  if (hash && numeric)
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                 /* TRANSLATORS: "no client number 12 (“lightsout list” shows them)" */
                 _("no client number %s (“lightsout list” shows them)"), digits);
  else
    g_set_error (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND,
                 _("no client “%s” (“lightsout list” shows them)"), client);
  return 0;
}

LoEngagement *
lo_cli_load_from_db (const char *db_path,
                     const char *client,
                     GError    **error)
{
  g_autoptr(LoStore) store = NULL;
  gint64 id;

  g_return_val_if_fail (client != NULL, NULL);

  store = lo_cli_open_db_for_reading (db_path, error);
  if (store == NULL)
    return NULL;
  id = lo_cli_find_client (store, client, error);
  if (id == 0)
    return NULL;
  return lo_store_load_engagement (store, id, error);
}

static void
set_bank_not_found (GError    **error,
                    const char *bank_id,
                    guint       bank_edition)
{
  if (bank_edition > 1)
    g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND,
                 _("no question bank “%s” edition %u (give one with --bank BANK.xml)"),
                 bank_id, bank_edition);
  else
    g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND,
                 _("no question bank “%s” (give one with --bank BANK.xml)"), bank_id);
}

LoBank *
lo_cli_find_bank_in_db (const char *db_path,
                        const char *bank_id,
                        guint       bank_edition,
                        GError    **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  LoBank *bank;

  g_return_val_if_fail (bank_id != NULL, NULL);

  if (db_path == NULL)
    db_path = default_path = lo_store_default_path ();
  if (g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    store = lo_cli_open_db_for_reading (db_path, &local_error);
  if (store == NULL)
    {
      set_bank_not_found (error, bank_id, bank_edition);
      return NULL;
    }

  bank = lo_store_get_bank (store, bank_id, bank_edition, &local_error);
  /* files from before editions name none (edition 1): they were scored with
   * the newest copy kept, and still are when edition 1 itself is not kept */
  if (bank == NULL && bank_edition == 1
      && g_error_matches (local_error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      bank = lo_store_get_bank (store, bank_id, 0, &local_error);
    }
  if (bank == NULL)
    {
      if (g_error_matches (local_error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND))
        set_bank_not_found (error, bank_id, bank_edition);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return bank;
}

int
lo_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(LoEngagement) imported = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *source = NULL;
  gint64 client;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database DB instead of the default one"), N_("DB") },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context, _("Imports an engagement file into the local database as a new client."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "import", &argc, &argv)
      || !lo_cli_check_db_option ("import", db_path))
    return LO_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      lo_cli_usage_error ("import", argc < 2 ? _("give the engagement file to import")
                                             : _("unexpected argument"));
      return LO_CLI_EXIT_USAGE;
    }

  /* what validate refuses is not imported: the banks are looked up in the
   * database imported into too */
  engagement = lo_cli_load_source (argv[1], db_path, NULL, &source, &error);
  if (engagement == NULL || !lo_cli_check_engagement (engagement, NULL, &error))
    {
      lo_cli_fail (argv[1], error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  store = lo_store_open (db_path, &error);
  if (store == NULL)
    {
      lo_cli_fail (NULL, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  /* the day's backup comes before the change; a damaged file gets
   * neither */
  if (!lo_store_backup_if_due (store, &error))
    {
      if (g_error_matches (error, LO_STORE_ERROR, LO_STORE_ERROR_CORRUPT))
        {
          lo_cli_fail (NULL, error);
          return LO_CLI_EXIT_BAD_INPUT;
        }
      fprintf (stderr, _("lightsout: warning: no backup made: %s\n"), error->message);
      g_clear_error (&error);
    }

  client = lo_store_import_engagement (store, engagement, &error);
  if (client == 0)
    {
      lo_cli_fail (argv[1], error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  imported = lo_store_load_engagement (store, client, &error);
  display = g_filename_display_name (argv[1]);
  /* TRANSLATORS: file, client name, client number */
  printf (_("%s: imported as “%s” (client %lld)\n"), display,
          imported != NULL ? imported->client_name : engagement->client_name, (long long) client);
  return LO_CLI_EXIT_OK;
}

/* The client, checked as `lightsout validate` checks a file: a database
 * edited by hand may hold what no file may. */
static LoEngagement *
load_for_export (const char *db_path,
                 const char *client,
                 GError    **error)
{
  g_autoptr(LoStore) store = lo_cli_open_db_for_reading (db_path, error);
  g_autoptr(LoEngagement) engagement = NULL;
  gint64 id;

  if (store == NULL || (id = lo_cli_find_client (store, client, error)) == 0)
    return NULL;
  engagement = lo_store_load_engagement (store, id, error);
  if (engagement == NULL)
    return NULL;
  if (!lo_store_check_engagement (store, engagement, id, error))
    {
      g_autofree char *name = lo_cli_escape_field (engagement->client_name);

      /* TRANSLATORS: the client's name; then what is wrong */
      g_prefix_error (error, _("client “%s” cannot be exported until it is corrected: "), name);
      return NULL;
    }
  return g_steal_pointer (&engagement);
}

int
lo_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the engagement to FILE"), N_("FILE") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database DB instead of the default one"), N_("DB") },
    { NULL }
  };

  context = g_option_context_new (_("CLIENT"));
  g_option_context_set_summary (context, _("Exports a client of the local database as an engagement file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "export", &argc, &argv)
      || !lo_cli_check_db_option ("export", db_path))
    return LO_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      lo_cli_usage_error ("export", argc < 2 ? _("give the client's name")
                                             : _("unexpected argument"));
      return LO_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      lo_cli_usage_error ("export", _("give the output file with -o FILE"));
      return LO_CLI_EXIT_USAGE;
    }

  engagement = load_for_export (db_path, argv[1], &error);
  if (engagement == NULL)
    {
      g_autofree char *path = db_path != NULL ? g_strdup (db_path) : lo_store_default_path ();
      lo_cli_fail (path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  /* written whole or not at all */
  if (!lo_engagement_write_file (engagement, output, &error))
    {
      lo_cli_fail (output, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  return LO_CLI_EXIT_OK;
}

int
lo_cli_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoStore) store = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *search = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database DB instead of the default one"), N_("DB") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only clients whose name or industry contains TEXT"), N_("TEXT") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Lists the clients in the local database: number, name, industry, assessments."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "list", &argc, &argv)
      || !lo_cli_check_db_option ("list", db_path))
    return LO_CLI_EXIT_USAGE;
  if (argc != 1)
    {
      lo_cli_usage_error ("list", _("unexpected argument"));
      return LO_CLI_EXIT_USAGE;
    }

  if (db_path == NULL)
    db_path = lo_store_default_path ();
  /* no database yet: no clients */
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return LO_CLI_EXIT_OK;

  store = lo_cli_open_db_for_reading (db_path, &error);
  if (store == NULL)
    {
      lo_cli_fail (db_path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  clients = lo_store_list_clients (store, search, &error);
  if (clients == NULL)
    {
      lo_cli_fail (db_path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  for (guint i = 0; i < clients->len; i++)
    {
      const LoClientInfo *info = g_ptr_array_index (clients, i);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u assessment", "%u assessments",
                                                             info->n_assessments),
                                                info->n_assessments);

      g_autofree char *name = lo_cli_escape_field (info->name);
      g_autofree char *industry = lo_cli_escape_field (info->industry);

      /* one row per client, whatever the names hold */
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s", info->id, name,
              industry != NULL ? industry : "-", count);
      if (info->latest_date != NULL)
        /* TRANSLATORS: the date of the latest assessment */
        printf (_(", latest %s"), info->latest_date);
      printf ("\n");
    }
  return LO_CLI_EXIT_OK;
}

int
lo_cli_restore (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *db_path = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database DB instead of the default one"), N_("DB") },
    { NULL }
  };

  context = g_option_context_new (_("[BACKUP]"));
  g_option_context_set_summary (context, _("Without BACKUP, lists the database’s daily backups, newest first. "
                                           "With it, puts that backup in the database’s place; the current file "
                                           "is kept beside it. Close Lights Out first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "restore", &argc, &argv)
      || !lo_cli_check_db_option ("restore", db_path))
    return LO_CLI_EXIT_USAGE;
  if (argc > 2)
    {
      lo_cli_usage_error ("restore", _("unexpected argument"));
      return LO_CLI_EXIT_USAGE;
    }
  if (db_path == NULL)
    db_path = lo_store_default_path ();

  if (argc == 1)
    {
      backups = lo_store_list_backups_of (db_path);
      if (backups->len == 0)
        {
          /* TRANSLATORS: %s is the database's path */
          fprintf (stderr, _("%s: there are no backups yet\n"), db_path);
          return LO_CLI_EXIT_OK;
        }
      for (guint i = 0; i < backups->len; i++)
        printf ("%s\n", (const char *) g_ptr_array_index (backups, i));
      return LO_CLI_EXIT_OK;
    }

  if (!lo_store_restore_backup (db_path, argv[1], &error))
    {
      /* The message names the files. */
      lo_cli_fail (NULL, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  /* TRANSLATORS: the database's path, then the backup's */
  printf (_("%s: restored from %s\n"), db_path, argv[1]);
  return LO_CLI_EXIT_OK;
}
