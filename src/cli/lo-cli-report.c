/* lo-cli-report.c: `lightsout report` and `lightsout chart`
 *
 *   lightsout report FILE -o OUT.pdf|OUT.docx|OUT.xlsx|OUT.svg [--paper a4|letter] [--edition full|summary] [--lang LL] [--assessment ID]
 *   lightsout report FILE -o OUT.csv [--table NAME] | -o DIR/
 *   lightsout report --db DB CLIENT -o OUT.pdf …
 *   lightsout chart NAME FILE -o OUT.svg|OUT.png [--width W] [--height H] [--item ID] [--assessment ID]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "lo-cli.h"
#include "lo-cli-firm.h"
#include "lo-cli-common.h"
#include "lo-csv.h"
#include "lo-cli-module.h"
#include "lo-cli-office.h"
#include "lo-render.h"
#include "lo-store.h"
#include "lo-cli-store.h"

typedef struct
{
  char   *db;
  char   *client;
  char   *bank_path;
  char   *output;
  char   *paper;
  char   *edition;
  char   *lang;
  char   *consultant;
  char   *logo;
  char   *profile;
  char   *date;
  char   *item;
  char   *assessment;
  char   *draws_text;
  char   *seed_text;
  char   *table;
  guint64 draws;
  guint64 seed;
  double  width;
  double  height;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->db);
  g_free (o->client);
  g_free (o->bank_path);
  g_free (o->output);
  g_free (o->paper);
  g_free (o->edition);
  g_free (o->lang);
  g_free (o->consultant);
  g_free (o->logo);
  g_free (o->profile);
  g_free (o->date);
  g_free (o->item);
  g_free (o->draws_text);
  g_free (o->seed_text);
  g_free (o->table);
  g_free (o->assessment);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* --draws and --seed within SPEC §2c, as roi takes them. */
static gboolean
parse_monte_carlo (const char *command,
                   Options    *o)
{
  o->draws = LO_MONTE_CARLO_DEFAULT_DRAWS;
  o->seed = LO_MONTE_CARLO_DEFAULT_SEED;
  return (o->draws_text == NULL
          || lo_cli_parse_limit (command, "--draws", LO_LIMIT_DRAWS, o->draws_text, &o->draws))
         && (o->seed_text == NULL
             || lo_cli_parse_limit (command, "--seed", LO_LIMIT_SEED, o->seed_text, &o->seed));
}

/* Loads the engagement from FILE or from the database and analyses it for
 * the assessment --assessment names (default: the latest), with a
 * per-process Monte Carlo for the @monte_carlo_limit processes of highest NPV
 * (0: all). @source receives the name to use in messages. */
static LoReportInput *
load_input (const Options *o,
            const char    *what,
            guint          monte_carlo_limit,
            char         **source,
            GError       **error)
{
  g_autoptr (LoEngagement) engagement = NULL;
  g_autoptr (LoStore) store = NULL;
  g_autoptr (LoAnalysis) analysis = NULL;
  LoCliBanks banks = { o->bank_path, o->db, NULL, 0, FALSE };

  if (o->db != NULL)
    {
      *source = g_strdup (o->db);
      store = lo_cli_open_db_for_reading (o->db, error);
      if (store == NULL)
        return NULL;
      banks.store = store;
      banks.client = lo_cli_find_client (store, what, error);
      if (banks.client == 0)
        return NULL;
      engagement = lo_store_load_engagement (store, banks.client, error);
    }
  else
    {
      *source = g_strdup (what);
      engagement = lo_cli_load_engagement (what, error);
    }
  if (engagement == NULL)
    return NULL;

  analysis = lo_cli_analyse_limited (engagement, &banks, o->assessment,
                                     (guint) o->draws, o->seed,
                                     monte_carlo_limit,
                                     LO_ANALYSIS_NONE, error);
  if (analysis == NULL)
    return NULL;
  return lo_report_input_new (analysis, error);
}

/* --date, else SOURCE_DATE_EPOCH (reproducible builds), else now. */
static GDateTime *
creation_date (const Options *o,
               GError       **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (o->date)
    {
      g_autofree char *iso = g_strconcat (o->date, "T00:00:00Z", NULL);
      GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

      if (dt == NULL)
        g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                     _("--date: “%s” is not a date (YYYY-MM-DD)"), o->date);
      return dt;
    }
  if (epoch && *epoch)
    {
      char *end = NULL;
      gint64 secs = g_ascii_strtoll (epoch, &end, 10);
      if (end && *end == '\0')
        return g_date_time_new_from_unix_utc (secs);
    }
  return g_date_time_new_now_local ();
}

static gboolean
parse_paper (const char *paper,
             LoPaper    *out)
{
  if (paper == NULL || g_ascii_strcasecmp (paper, "a4") == 0)
    *out = LO_PAPER_A4;
  else if (g_ascii_strcasecmp (paper, "letter") == 0)
    *out = LO_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* -o DIR/ (or an existing folder) writes every table as DIR/NAME.csv. */
static gboolean
is_directory (const char *output)
{
  return g_str_has_suffix (output, G_DIR_SEPARATOR_S)
         || g_file_test (output, G_FILE_TEST_IS_DIR);
}

/* Whether @output gets tables (CSV, a folder of them or a workbook), which
 * list every process's Monte Carlo figures. */
static gboolean
writes_tables (const char *output)
{
  return is_directory (output)
         || g_str_has_suffix (output, ".csv")
         || g_str_has_suffix (output, ".xlsx");
}

/* The Word document and the workbook are written by the lightsout-office
 * module (lo-cli-office.c): for them, @write is its writer, loaded before the
 * analysis so that a missing module fails at once (FALSE, said on stderr);
 * for other outputs NULL. */
static gboolean
load_office (const char           *output,
             LoCliOfficeWriteFunc *write)
{
  *write = NULL;
  if (is_directory (output)
      || !(g_str_has_suffix (output, ".docx") || g_str_has_suffix (output, ".xlsx")))
    return TRUE;
  *write = lo_cli_module_symbol (LO_CLI_OFFICE_MODULE, "lo_cli_office_write",
                                 G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  return *write != NULL;
}

/* -o OUT.svg: the radar chart (the portfolio without an assessment). */
static gboolean
write_svg (const Options       *o,
           const LoReportInput *input,
           GError             **error)
{
  LoRenderContext ctx;

  lo_render_context_init (&ctx);
  ctx.language = o->lang;
  ctx.currency = input->engagement->settings.currency;
  return lo_chart_write_file (input->score ? "radar" : "portfolio", &ctx, input, NULL,
                              480, 320, o->output, error);
}

/* Whether @output is the PDF report (a .pdf, or "-": standard output). */
static gboolean
writes_pdf (const char *output)
{
  return g_str_equal (output, "-") || g_str_has_suffix (output, ".pdf");
}

/* The output's kind from its extension ("-" is the PDF on standard output),
 * and --table, which only a .csv takes. */
static gboolean
check_output (const char    *command,
              const Options *o,
              LoCsvTable    *table)
{
  static const char *const kinds[] = { ".pdf", ".docx", ".csv", ".xlsx", ".svg" };
  gboolean known = g_str_equal (o->output, "-") || is_directory (o->output);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    known = known || g_str_has_suffix (o->output, kinds[i]);
  if (!known)
    {
      lo_cli_usage_error (command, _("the output must end in .pdf, .docx, .xlsx, .csv, .svg or / (a folder)"));
      return FALSE;
    }
  if (o->table == NULL)
    return TRUE;
  if (!g_str_has_suffix (o->output, ".csv") || is_directory (o->output))
    {
      lo_cli_usage_error (command, _("--table goes with -o FILE.csv"));
      return FALSE;
    }
  if (!lo_csv_table_from_name (o->table, table))
    {
      g_autofree char *msg = g_strdup_printf (_("--table: no table “%s” (scores, answers, roi, actions, programme)"),
                                              o->table);
      lo_cli_usage_error (command, msg);
      return FALSE;
    }
  return TRUE;
}

int
lo_cli_report (int    argc,
               char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LoReportInput) input = NULL;
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *source = NULL;
  LoReportOptions opts;
  g_autoptr (LoReportFonts) fonts = NULL;
  LoPaper paper;
  LoReportEdition edition = LO_REPORT_EDITION_FULL;
  LoCsvTable table = LO_CSV_ACTIONS;
  LoCliOfficeWriteFunc write_office = NULL;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("Write to OUT (.pdf report, .docx Word document, .xlsx workbook, .csv table, DIR/ every table as CSV, .svg radar chart; - for the PDF on standard output)"), N_("OUT") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &o.table,
      N_("The table a .csv holds: scores, answers, roi, actions (default) or programme"), N_("NAME") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o.paper, N_("Paper size: a4 (default) or letter"), N_("SIZE") },
    { "edition", 0, 0, G_OPTION_ARG_STRING, &o.edition,
      N_("full (default: every process in an appendix) or summary (at most six pages)"), N_("EDITION") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, N_("Language of the report, e.g. de"), N_("LL") },
    { "consultant", 0, 0, G_OPTION_ARG_STRING, &o.consultant, N_("Consultant's name for the cover"), N_("NAME") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &o.logo, N_("PNG logo for the cover"), N_("LOGO.png") },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &o.profile,
      N_("The firm's profile (default: the one saved in Preferences, if any)"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("Date of the report (default: today)"), N_("YYYY-MM-DD") },
    { "bank", 0, 0, G_OPTION_ARG_FILENAME, &o.bank_path, N_("Use the question bank in BANK.xml"), N_("BANK.xml") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db, N_("Read CLIENT from the database DB instead of a file"), N_("DB") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &o.client,
      N_("Read the client NAME from the database (--db, else the application's)"), N_("NAME") },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &o.assessment,
      N_("Report on the assessment ID instead of the latest"), N_("ID") },
    { "draws", 0, 0, G_OPTION_ARG_STRING, &o.draws_text, N_("Monte Carlo draws, 1 to 1000000 (default 10000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &o.seed_text, N_("Monte Carlo seed, 0 to 4294967295 (default 1)"), N_("S") },
    { NULL },
  };

  context = g_option_context_new (_("FILE | --db DB CLIENT"));
  g_option_context_set_summary (context, _("Writes the roadmap report of FILE (or of CLIENT in the database)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "report", &argc, &argv)
      || !parse_monte_carlo ("report", &o))
    return LO_CLI_EXIT_USAGE;
  if (o.client != NULL)
    {
      if (argc != 1)
        {
          lo_cli_usage_error ("report", _("give either FILE or --client NAME"));
          return LO_CLI_EXIT_USAGE;
        }
      if (o.db == NULL)
        o.db = lo_store_default_path ();
    }
  else if (argc != 2)
    {
      lo_cli_usage_error ("report", argc < 2 ? _("give one FILE (or --db DB CLIENT)") : _("give only one FILE"));
      return LO_CLI_EXIT_USAGE;
    }
  if (o.output == NULL)
    {
      lo_cli_usage_error ("report", _("give the output with -o OUT.pdf"));
      return LO_CLI_EXIT_USAGE;
    }
  if (!parse_paper (o.paper, &paper))
    {
      lo_cli_usage_error ("report", _("--paper must be a4 or letter"));
      return LO_CLI_EXIT_USAGE;
    }
  if (o.edition != NULL && !lo_report_edition_from_string (o.edition, &edition))
    {
      lo_cli_usage_error ("report", _("--edition must be full or summary"));
      return LO_CLI_EXIT_USAGE;
    }
  if (!lo_cli_check_language ("report", o.lang))
    return LO_CLI_EXIT_USAGE;
  if (!check_output ("report", &o, &table))
    return LO_CLI_EXIT_USAGE;
  if (!load_office (o.output, &write_office))
    return LO_CLI_EXIT_BAD_INPUT;
  date = creation_date (&o, &error);
  if (date == NULL)
    {
      lo_cli_usage_error ("report", error->message);
      return LO_CLI_EXIT_USAGE;
    }

  /* Messages in the report's language from here on; the CLI's own errors too,
   * which is what a German user asking for a German report expects. */
  lo_cli_set_language (o.lang);

  if (writes_pdf (o.output))   /* its fonts matched while the file is read */
    fonts = lo_report_fonts_new (o.lang);

  /* The PDF and Word report detail only LO_REPORT_DETAILED_PROCESSES processes,
   * and only they need their own Monte Carlo (SPEC §2c: 10,000 processes stay
   * within time and memory); the tables (.csv, .xlsx) give every process's. */
  input = load_input (&o, o.client != NULL ? o.client : argv[1],
                      writes_tables (o.output) ? 0 : LO_REPORT_DETAILED_PROCESSES,
                      &source, &error);
  if (input == NULL)
    {
      lo_cli_fail (source, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  if (is_directory (o.output))
    ok = lo_csv_write_dir (input->analysis, o.output, &error);
  else if (g_str_has_suffix (o.output, ".csv"))
    ok = lo_csv_write_table (table, input->analysis, o.output, &error);
  else if (g_str_has_suffix (o.output, ".xlsx"))
    ok = write_office (input, NULL, o.output, &error);
  else if (g_str_has_suffix (o.output, ".svg"))
    ok = write_svg (&o, input, &error);
  else
    {
      g_autoptr (LoFirmProfile) firm = lo_cli_firm_profile (o.profile, o.consultant, o.logo, &error);

      if (firm == NULL)
        {
          lo_cli_fail (NULL, error);
          return LO_CLI_EXIT_BAD_INPUT;
        }
      lo_report_options_init (&opts);
      opts.paper = paper;
      opts.edition = edition;
      opts.language = o.lang;
      opts.firm = firm;
      /* the report draws PNG logos; an SVG one is said to be left out */
      if (firm->logo != NULL && lo_cli_firm_logo_is_png (firm->logo))
        opts.logo_path = firm->logo;
      else if (firm->logo != NULL)
        lo_cli_firm_warn_svg_logo (firm->logo);
      opts.creation_date = date;
      opts.fonts = fonts;
      if (g_str_has_suffix (o.output, ".docx"))
        ok = write_office (input, &opts, o.output, &error);
      else
        ok = lo_report_write_pdf (input, &opts, o.output, &error);
    }

  if (!ok)
    {
      lo_cli_fail (g_error_matches (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO) ? NULL : o.output,
                   error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  return LO_CLI_EXIT_OK;
}

static void
print_chart_list (FILE *out)
{
  guint n;
  const LoChartInfo *charts = lo_chart_list (&n);

  fprintf (out, "%s\n", _("Charts:"));
  for (guint i = 0; i < n; i++)
    fprintf (out, "  %-11s %s%s\n", charts[i].name, _(charts[i].title),
             charts[i].per_process ? _(" (per process: --item PROCESS)") : "");
}

int
lo_cli_chart (int    argc,
              char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LoReportInput) input = NULL;
  g_autofree char *source = NULL;
  gboolean list = FALSE;
  LoRenderContext ctx;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Write to OUT (.svg, .png or .pdf; - for SVG on standard output)"), N_("OUT") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &o.width, N_("Width in points (pixels for PNG); default 640"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &o.height, N_("Height in points (pixels for PNG); default 400"), N_("H") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &o.item, N_("The process (or, for questions, the dimension) to draw"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, N_("Language of numbers and labels, e.g. de"), N_("LL") },
    { "bank", 0, 0, G_OPTION_ARG_FILENAME, &o.bank_path, N_("Use the question bank in BANK.xml"), N_("BANK.xml") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db, N_("Read CLIENT from the database DB instead of a file"), N_("DB") },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &o.assessment,
      N_("Draw the assessment ID instead of the latest"), N_("ID") },
    { "draws", 0, 0, G_OPTION_ARG_STRING, &o.draws_text, N_("Monte Carlo draws, 1 to 1000000 (default 10000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &o.seed_text, N_("Monte Carlo seed, 0 to 4294967295 (default 1)"), N_("S") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the charts"), NULL },
    { NULL },
  };

  context = g_option_context_new (_("NAME FILE | NAME --db DB CLIENT"));
  g_option_context_set_summary (context, _("Draws one chart of FILE to SVG or PNG (--list names them)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "chart", &argc, &argv)
      || !parse_monte_carlo ("chart", &o))
    return LO_CLI_EXIT_USAGE;
  if (list)
    {
      print_chart_list (stdout);
      return LO_CLI_EXIT_OK;
    }
  if (argc != 3)
    {
      lo_cli_usage_error ("chart", _("give a chart NAME and one FILE"));
      print_chart_list (stderr);
      return LO_CLI_EXIT_USAGE;
    }
  if (o.output == NULL)
    {
      lo_cli_usage_error ("chart", _("give the output with -o OUT.svg or -o OUT.png"));
      return LO_CLI_EXIT_USAGE;
    }
  if (o.width == 0)
    o.width = 640;
  if (o.height == 0)
    o.height = 400;
  if (!(o.width >= 50 && o.width <= 10000 && o.height >= 50 && o.height <= 10000))
    {
      lo_cli_usage_error ("chart", _("--width and --height must be between 50 and 10000"));
      return LO_CLI_EXIT_USAGE;
    }
  if (!lo_cli_check_language ("chart", o.lang))
    return LO_CLI_EXIT_USAGE;
  {
    guint n;
    const LoChartInfo *charts = lo_chart_list (&n);
    gboolean known = FALSE;

    for (guint i = 0; i < n; i++)
      known = known || g_str_equal (charts[i].name, argv[1]);
    if (!known)
      {
        g_autofree char *msg = g_strdup_printf (_("no chart named “%s”"), argv[1]);
        lo_cli_usage_error ("chart", msg);
        print_chart_list (stderr);
        return LO_CLI_EXIT_USAGE;
      }
  }

  lo_cli_set_language (o.lang);
  input = load_input (&o, argv[2], 0, &source, &error);
  if (input == NULL)
    {
      lo_cli_fail (source, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  lo_render_context_init (&ctx);
  ctx.language = o.lang;
  ctx.currency = input->engagement->settings.currency;
  ok = lo_chart_write_file (argv[1], &ctx, input, o.item, o.width, o.height, o.output, &error);
  if (!ok)
    {
      lo_cli_fail (error->domain == LO_RENDER_ERROR && error->code != LO_RENDER_ERROR_WRITE
                     ? source : o.output,
                   error);
      return LO_CLI_EXIT_BAD_INPUT;
    }
  return LO_CLI_EXIT_OK;
}
