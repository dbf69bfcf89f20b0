/* lo-cli-validate.c: `lightsout validate FILE` checks a question bank or an
 * engagement file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "lo-cli.h"
#include "lo-cli-common.h"

typedef enum
{
  KIND_UNKNOWN,
  KIND_BANK,
  KIND_ENGAGEMENT,
} FileKind;

/* The local name of the root element, from the first bytes of the file:
 * skips the XML declaration, comments, processing instructions and space.
 * Only a guess to pick the reader; the reader itself checks everything. */
static FileKind
sniff_kind (const char *path)
{
  char buffer[4096];
  g_autofree char *name = NULL;
  const char *p;
  const char *end;
  size_t n;
  FILE *file;

  file = fopen (path, "rb");
  if (file == NULL)
    return KIND_UNKNOWN;
  n = fread (buffer, 1, sizeof buffer - 1, file);
  fclose (file);
  buffer[n] = '\0';

  p = buffer;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      const char *close;

      if (g_str_has_prefix (p, "<?"))
        close = "?>";
      else if (g_str_has_prefix (p, "<!--"))
        close = "-->";
      else
        break;
      p = strstr (p, close);
      if (p == NULL)
        return KIND_UNKNOWN;
      p += strlen (close);
    }
  if (*p != '<')
    return KIND_UNKNOWN;
  p++;
  end = p;
  while (*end != '\0' && !g_ascii_isspace (*end) && *end != '>' && *end != '/')
    end++;
  name = g_strndup (p, end - p);
  p = strchr (name, ':');
  p = p ? p + 1 : name;

  if (g_str_equal (p, "question-bank"))
    return KIND_BANK;
  if (g_str_equal (p, "engagement"))
    return KIND_ENGAGEMENT;
  return KIND_UNKNOWN;
}

static gboolean
validate_bank (const char *path,
               GError    **error)
{
  g_autoptr(LoBank) bank = lo_bank_read_file (path, error);

  return bank != NULL && lo_bank_check (bank, error);
}

static gboolean
validate_engagement (const char *path,
                     const char *bank_path,
                     GError    **error)
{
  g_autoptr(LoEngagement) engagement = lo_cli_load_engagement (path, error);

  if (engagement == NULL)
    return FALSE;
  if (!lo_engagement_validate (engagement, error))
    return FALSE;

  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *assessment = g_ptr_array_index (engagement->assessments, i);
      g_autoptr(LoBank) bank = lo_cli_find_bank (assessment->bank, bank_path, NULL, error);

      if (bank == NULL || !lo_assessment_check (assessment, bank, error))
        {
          /* TRANSLATORS: assessment “id”: what is wrong */
          g_prefix_error (error, _("assessment “%s”: "), assessment->id ? assessment->id : "");
          return FALSE;
        }
    }

  return TRUE;
}

int
lo_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bank_path = NULL;
  const char *path;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "bank", 0, 0, G_OPTION_ARG_FILENAME, &bank_path,
      N_("Check the assessments against the question bank in BANK.xml"), N_("BANK.xml") },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context, _("Checks a question bank or an engagement file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lo_cli_parse_options (context, "validate", &argc, &argv))
    return LO_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      lo_cli_usage_error ("validate", argc < 2 ? _("give one FILE to check") : _("give only one FILE"));
      return LO_CLI_EXIT_USAGE;
    }
  path = argv[1];

  switch (sniff_kind (path))
    {
    case KIND_BANK:
      ok = validate_bank (path, &error);
      break;

    case KIND_ENGAGEMENT:
    case KIND_UNKNOWN:
    default:
      /* The engagement reader says what is wrong with anything else */
      ok = validate_engagement (path, bank_path, &error);
      break;
    }

  if (!ok)
    {
      lo_cli_fail (path, error);
      return LO_CLI_EXIT_BAD_INPUT;
    }

  {
    g_autofree char *display = g_filename_display_name (path);
    /* TRANSLATORS: FILE: valid */
    printf (_("%s: valid\n"), display);
  }
  return LO_CLI_EXIT_OK;
}
