/* test-cli-i18n.c: the German translation, end to end
 *
 * Runs the built binary ($LIGHTSOUT, catalogues in $LIGHTSOUT_LOCALEDIR) on the
 * demo engagement:
 *  - `score` and `roi` in German, with a German locale and with LANGUAGE=de
 *    alone (no locale variables at all);
 *  - `report --lang de`: the PDF's text (pdftotext) has the German section
 *    titles, German numbers, dates and money, and none of the English ones;
 *  - marking: with a pseudo catalogue in which every translation is its msgid
 *    between « and », every word of `score`, `roi`, `--help` and the PDF
 *    report must sit between those marks or come from the engagement file
 *    itself (client, process and respondent names).  A user-visible string
 *    that is not marked for translation shows up there as bare English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"

static char *tmpdir;
static char *demo_path;
static char *demo_text;       /* the demo file, &amp; etc. undone */
static char *pseudo_localedir;
static gboolean have_de_locale;

typedef enum
{
  ENV_C,              /* LC_ALL=C.UTF-8, as the test suite runs */
  ENV_LANGUAGE_ONLY,  /* LANGUAGE=de and no locale variable at all */
  ENV_DE_LOCALE,      /* LANGUAGE=de LC_ALL=de_DE.UTF-8 */
} EnvKind;

static char **
make_env (EnvKind     kind,
          const char *localedir)
{
  char **env = g_get_environ ();
  const char *drop[] = { "LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC",
                         "LC_MONETARY", "LC_TIME", "LC_CTYPE", "LC_COLLATE" };

  for (guint i = 0; i < G_N_ELEMENTS (drop); i++)
    env = g_environ_unsetenv (env, drop[i]);
  switch (kind)
    {
    case ENV_C:
      env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
      break;
    case ENV_LANGUAGE_ONLY:
      env = g_environ_setenv (env, "LANGUAGE", "de", TRUE);
      break;
    case ENV_DE_LOCALE:
      env = g_environ_setenv (env, "LANGUAGE", "de", TRUE);
      env = g_environ_setenv (env, "LC_ALL", "de_DE.UTF-8", TRUE);
      break;
    }
  if (localedir != NULL)
    env = g_environ_setenv (env, "LIGHTSOUT_LOCALEDIR", localedir, TRUE);
  return env;
}

/* Runs @program (NULL: the lightsout binary) with args; returns the exit
 * status and the standard output. */
static int
spawn (const char         *program,
       const char *const  *args,
       char              **envp,
       char              **out)
{
  g_auto(Run) run = { 0 };

  run_program (&run, NULL, (const char *const *) envp, program, args);
  if (run.err != NULL && *run.err != '\0')
    g_test_message ("stderr of %s %s: %s", program ? program : "lightsout", args[0], run.err);
  if (out != NULL)
    *out = g_steal_pointer (&run.out);
  return run.status;
}

static char *
run_lightsout_env (EnvKind             kind,
                   const char         *localedir,
                   const char *const  *args)
{
  g_auto (GStrv) env = make_env (kind, localedir);
  char *out = NULL;

  g_assert_cmpint (spawn (NULL, args, env, &out), ==, 0);
  return out;
}

/* The text of a PDF, in reading order */
static char *
pdf_text (const char *pdf)
{
  g_auto (GStrv) env = make_env (ENV_C, NULL);
  const char *args[] = { "-enc", "UTF-8", pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (spawn ("pdftotext", args, env, &out), ==, 0);
  return out;
}

static gboolean
need_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s is not installed", name);
      g_test_skip (msg);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* German grouping by hand: 142198.962 → "142.199" */
static char *
german_integer (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* "2.5115" → "2,51": two decimals with a decimal comma, by hand */
static char *
german_two_decimals (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  *strchr (buf, '.') = ',';
  return g_strdup (buf);
}

/* The demo's figures, in the C locale, from the JSON output */
static double
demo_overall_score (void)
{
  const char *args[] = { "score", "--json", demo_path, NULL };
  g_autofree char *json = run_lightsout_env (ENV_C, NULL, args);
  g_autoptr (JsonParser) parser = json_parser_new ();

  return json_object_get_double_member (parse_object (parser, json), "overall-score");
}

static double
demo_invoicing_npv (void)
{
  const char *args[] = { "roi", "--json", "--draws", "0", demo_path, NULL };
  g_autofree char *json = run_lightsout_env (ENV_C, NULL, args);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *processes = json_object_get_array_member (parse_object (parser, json), "processes");
  JsonObject *first = json_array_get_object_element (processes, 0);

  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "invoicing");
  return json_object_get_double_member (first, "npv");
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_test_message ("“%s” not found in:\n%s", needle, text);
      g_test_fail ();
    }
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  const char *at = strstr (text, needle);

  if (at != NULL)
    {
      g_autofree char *context = g_strndup (at, 80);

      g_test_message ("English “%s” found: …%s…", needle, context);
      g_test_fail ();
    }
}

static void
check_score_german (EnvKind kind)
{
  const char *args[] = { "score", demo_path, NULL };
  g_autofree char *out = run_lightsout_env (kind, NULL, args);
  g_autofree char *score = german_two_decimals (demo_overall_score ());
  g_autofree char *line = g_strdup_printf ("Gesamtwert: %s\n", score);

  /* The words chosen in po/de.po */
  assert_contains (out, "Bewertung: 14. Oktober 2026 (2026-10-workshop), 3 befragte Personen\n");
  assert_contains (out, "Fragenkatalog: lightsout-default, Ausgabe 2\n");
  assert_contains (out, "Gesamtstufe: 2 — Erprobend\n");
  assert_contains (out, "Schwächste Dimension: Daten- & Systemzugang (Wert ");
  assert_contains (out, "Strittige Fragen (Antworten zwei oder mehr Stufen auseinander):\n");
  assert_contains (out, "Beantwortet");
  assert_contains (out, "5 von 5");
  /* German numbers: the demo's overall score, the mean of its dimensions'
   * (13/5.5 + 11⅓/5.5 + 35/15 + 34/15 + 36.5/15) / 5 = 2.2915, is "2,29" */
  assert_contains (out, line);
  assert_contains (out, "Gesamtwert: 2,29\n");
  assert_lacks (out, "Overall");
  assert_lacks (out, "Weakest");
  assert_lacks (out, "Contested");
  assert_lacks (out, "respondents");
  assert_lacks (out, "October");
}

static void
check_roi_german (EnvKind kind)
{
  const char *args[] = { "roi", "--draws", "200", demo_path, NULL };
  g_autofree char *out = run_lightsout_env (kind, NULL, args);
  g_autofree char *npv = german_integer (demo_invoicing_npv ());
  /* German money: the symbol after a no-break space */
  g_autofree char *line = g_strdup_printf ("Kapitalwert %s\u00a0$ · ROI ", npv);

  /* German percentages: a no-break space before "%" */
  assert_contains (out, "ROI über 36 Monate, abgezinst mit 8\u00a0% pro Jahr, in USD\n");
  assert_contains (out, "Eingesparte Stunden: 26,6 pro Woche (0,67 VZÄ)\n");
  assert_contains (out, line);
  assert_contains (out, "Kapitalwert 142.199\u00a0$ · ROI ");
  assert_contains (out, "Amortisation");
  assert_contains (out, "konservativ");
  assert_lacks (out, "Hours saved");
  assert_lacks (out, "payback");
  assert_lacks (out, "months");
}

static void
test_score_language_only (void)
{
  /* No locale variable: gettext ignores LANGUAGE under the plain "C" locale,
   * which main() works around; numbers follow LANGUAGE where de_DE exists. */
  if (!have_de_locale)
    {
      const char *args[] = { "score", demo_path, NULL };
      g_autofree char *out = run_lightsout_env (ENV_LANGUAGE_ONLY, NULL, args);

      assert_contains (out, "Gesamtstufe: 2 — Erprobend\n");
      g_test_skip ("de_DE.UTF-8 is not installed: numbers not checked");
      return;
    }
  check_score_german (ENV_LANGUAGE_ONLY);
}

static void
test_score_de_locale (void)
{
  if (!have_de_locale)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  check_score_german (ENV_DE_LOCALE);
}

static void
test_roi_language_only (void)
{
  if (!have_de_locale)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  check_roi_german (ENV_LANGUAGE_ONLY);
}

static void
test_roi_de_locale (void)
{
  if (!have_de_locale)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  check_roi_german (ENV_DE_LOCALE);
}

static void
test_help_german (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = run_lightsout_env (ENV_LANGUAGE_ONLY, NULL, args);

  assert_contains (out, "Aufruf: lightsout [BEFEHL] [OPTION …]\n");
  assert_contains (out, "Befehle:\n");
  assert_contains (out, "Den Roadmap-Bericht schreiben (PDF, CSV)");
  assert_lacks (out, "Usage");
  assert_lacks (out, "Commands");
}

static void
test_report_german (void)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "de.pdf", NULL);
  const char *args[] = { "report", demo_path, "-o", pdf, "--lang", "de", "--date", "2026-11-02",
                         "--draws", "500", NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *npv = NULL;
  g_autofree char *money = NULL;
  /* Section titles, headers, captions, table heads, axis and page labels */
  const char *german[] = {
    "KI-Reifegradanalyse und Roadmap", "Zusammenfassung", "Die ersten drei Maßnahmen",
    "Was das Programm wert ist", "Reifegrad nach Dimension", "Punkte zur Besprechung",
    "Roadmap zur Vollautomatisierung", "Kandidatenprozesse", "Szenarien",
    "Portfolio und Reihenfolge", "Anhang", "Die fünf Stufen",
    "So werden die Kennzahlen berechnet", "Alle Antworten nach befragter Person",
    "Seite 2 von ", "Aktueller Wert", "Zielstufe", "Eingabe am unteren Ende",
    "Daten- & Systemzugang hält das Unternehmen auf Stufe 2.",
    "Die Bewertung vom 14. Oktober 2026 wurde von 3 Personen beantwortet.",
    "2. November 2026", "Erprobend", "Amortisationszeit", "Monate",
  };
  const char *english[] = {
    "AI maturity assessment", "Summary", "The first three actions", "What automation is worth",
    "Maturity by dimension", "Points to discuss", "Roadmap to lights-out",
    "Candidate processes", "Scenarios", "Portfolio and sequence", "Appendix",
    "The five levels", "How the figures are computed", "Every answer by respondent",
    "Page ", "Current score", "Target level", "Input at its low end", "holds the company",
    "October", "November 2, 2026", "Experimenting", "months", "pays back", "Level ",
    "Question", "respondent",
  };

  if (!need_program ("pdftotext"))
    return;
  /* As the suite runs: LC_ALL=C.UTF-8, no LANGUAGE; --lang alone decides */
  out = run_lightsout_env (ENV_C, NULL, args);
  text = pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (german); i++)
    assert_contains (text, german[i]);
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    assert_lacks (text, english[i]);

  /* Money the German way: grouping with '.', the symbol after a space (a
   * no-break space, which pdftotext gives as a plain one) — the invoicing
   * NPV in the scenario table */
  npv = german_integer (demo_invoicing_npv ());
  money = g_strdup_printf ("%s $", npv);
  assert_contains (text, money);
  assert_contains (text, "142.199 $");
  /* Short money on chart axes: "100 Tsd. $" rather than "100k $" */
  assert_contains (text, "Tsd.");
}

/* Marking */

/* Copies an escaped PO string body, adding « » inside a leading/trailing \n
 * so that msgfmt still sees both strings begin and end alike. */
static void
append_marked (GString    *out,
               const char *escaped)
{
  gsize len = strlen (escaped);
  gboolean lead = g_str_has_prefix (escaped, "\\n");
  gboolean trail = len >= 2 && g_str_has_suffix (escaped, "\\n") &&
                   !(len >= 3 && escaped[len - 3] == '\\');

  if (len == 0)
    return;
  if (lead && len == 2)
    {
      g_string_append (out, escaped);
      return;
    }
  if (lead)
    g_string_append (out, "\\n");
  g_string_append (out, "«");
  g_string_append_len (out, escaped + (lead ? 2 : 0), len - (lead ? 2 : 0) - (trail ? 2 : 0));
  g_string_append (out, "»");
  if (trail)
    g_string_append (out, "\\n");
}

typedef struct
{
  GString *ctxt, *id, *plural, *str;
  GString *current;
} Entry;

static void
flush_entry (Entry   *e,
             GString *out)
{
  if (e->id != NULL && e->id->len == 0 && e->ctxt == NULL)
    {
      /* the header, kept for its charset and plural forms */
      g_string_append_printf (out, "msgid \"\"\nmsgstr \"%s\"\n\n", e->str ? e->str->str : "");
    }
  else if (e->id != NULL)
    {
      if (e->ctxt != NULL)
        g_string_append_printf (out, "msgctxt \"%s\"\n", e->ctxt->str);
      g_string_append_printf (out, "msgid \"%s\"\n", e->id->str);
      if (e->plural != NULL)
        {
          g_string_append_printf (out, "msgid_plural \"%s\"\nmsgstr[0] \"", e->plural->str);
          append_marked (out, e->id->str);
          g_string_append (out, "\"\nmsgstr[1] \"");
          append_marked (out, e->plural->str);
          g_string_append (out, "\"\n\n");
        }
      else
        {
          g_string_append (out, "msgstr \"");
          append_marked (out, e->id->str);
          g_string_append (out, "\"\n\n");
        }
    }
  for (GString **s = &e->ctxt; s <= &e->str; s++)
    if (*s != NULL)
      {
        g_string_free (*s, TRUE);
        *s = NULL;
      }
  e->current = NULL;
}

/* The body of a quoted PO line: `msgid "abc"` → abc, still escaped */
static const char *
quoted (const char *line,
        gsize      *len)
{
  const char *open = strchr (line, '"');
  const char *close = strrchr (line, '"');

  g_assert_nonnull (open);
  g_assert_true (close > open);
  *len = (gsize) (close - open - 1);
  return open + 1;
}

/* po/de.po → a catalogue whose translations are «msgid», compiled into
 * <tmpdir>/pseudo/de/LC_MESSAGES/lightsout.mo */
static gboolean
make_pseudo_catalogue (void)
{
  g_autofree char *po = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "po", "de.po", NULL);
  g_autofree char *pseudo_po = g_build_filename (tmpdir, "pseudo.po", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, "pseudo", "de", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, "lightsout.mo", NULL);
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) out = g_string_new ("");
  g_auto (GStrv) env = make_env (ENV_C, NULL);
  const char *args[] = { "-o", mo, pseudo_po, NULL };
  Entry e = { 0 };

  g_assert_true (g_file_get_contents (po, &data, NULL, NULL));
  /* the German of new text (po/de-*-new.po), until it is merged into de.po */
  {
    g_autofree char *po_dir = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "po", NULL);
    g_autoptr (GDir) pending = g_dir_open (po_dir, 0, NULL);
    const char *name;

    while (pending != NULL && (name = g_dir_read_name (pending)) != NULL)
      {
        g_autofree char *path = NULL;
        g_autofree char *extra = NULL;

        if (!g_str_has_prefix (name, "de-") || !g_str_has_suffix (name, "-new.po"))
          continue;
        path = g_build_filename (po_dir, name, NULL);
        if (g_file_get_contents (path, &extra, NULL, NULL))
          {
            /* without its header: a catalogue has one */
            const char *header = strstr (extra, "\nmsgid \"\"\n");
            const char *entries = header ? strstr (header, "\n\n") : NULL;
            g_autofree char *both = g_strconcat (data, "\n", entries ? entries : extra, NULL);

            g_free (data);
            data = g_steal_pointer (&both);
          }
      }
  }
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      GString **field = NULL;
      const char *body;
      gsize len;

      if (*l == '\0')
        {
          flush_entry (&e, out);
          continue;
        }
      if (*l == '#')
        continue;
      if (g_str_has_prefix (l, "msgctxt "))
        field = &e.ctxt;
      else if (g_str_has_prefix (l, "msgid_plural "))
        field = &e.plural;
      else if (g_str_has_prefix (l, "msgid "))
        field = &e.id;
      else if (g_str_has_prefix (l, "msgstr"))
        field = e.str == NULL ? &e.str : NULL;
      else if (*l == '"' && e.current != NULL)
        {
          body = quoted (l, &len);
          g_string_append_len (e.current, body, len);
          continue;
        }
      else
        continue;

      if (field == NULL)
        {
          e.current = NULL;   /* msgstr[1]: not needed */
          continue;
        }
      body = quoted (l, &len);
      *field = g_string_new_len (body, len);
      e.current = *field;
    }
  flush_entry (&e, out);

  g_assert_true (g_file_set_contents (pseudo_po, out->str, out->len, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (spawn ("msgfmt", args, env, NULL), ==, 0);
  pseudo_localedir = g_build_filename (tmpdir, "pseudo", NULL);
  return TRUE;
}

/* Text outside « » that is not the engagement's own data: each piece between
 * marks and line breaks (cells split at runs of spaces), trimmed of digits and
 * punctuation, must occur in the demo file if it has a word in it. */
static guint
count_unmarked (const char *text,
                const char *what)
{
  /* names of commands, not words to translate */
  const char *const commands[] = { "demo", "validate", "score", "roi", "report", "chart",
                                   "import", "export", "list", "restore", "questionnaire",
                                   "merge", "import-responses", NULL };
  g_autoptr (GString) bare = g_string_new ("");
  g_auto (GStrv) pieces = NULL;
  int depth = 0;
  guint found = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xab)   /* « */
        {
          depth++;
          g_string_append_c (bare, '\n');
        }
      else if (c == 0xbb)   /* » */
        {
          depth = MAX (depth - 1, 0);
          g_string_append_c (bare, '\n');
        }
      else if (depth == 0)
        {
          if (c == '\f' || c == '\t')
            g_string_append_c (bare, '\n');
          else
            g_string_append_unichar (bare, c);
        }
    }

  /* cells: runs of two spaces or more part them as line breaks do, and so do
   * the commas and brackets of data lists ("Invoicing (invoicing)") */
  for (char *p = bare->str; *p; p++)
    if ((p[0] == ' ' && p[1] == ' ') || (p[0] == ',' && p[1] == ' ') || p[0] == '(' || p[0] == ')')
      *p = '\n';
  pieces = g_strsplit (bare->str, "\n", -1);
  for (guint i = 0; pieces[i]; i++)
    {
      char *s = pieces[i];
      char *end;
      gboolean word = FALSE;

      while (*s && !g_ascii_isalpha (*s) && !((guchar) *s & 0x80))
        s++;
      end = s + strlen (s);
      while (end > s && !g_ascii_isalpha (end[-1]) && !((guchar) end[-1] & 0x80))
        *--end = '\0';
      for (const char *q = s; q[0] && q[1]; q++)
        if (g_ascii_isalpha (q[0]) && g_ascii_isalpha (q[1]))
          word = TRUE;
      if (word && strstr (demo_text, s) == NULL && !g_strv_contains (commands, s))
        {
          g_test_message ("%s: not marked for translation: “%s”", what, s);
          found++;
        }
    }
  return found;
}

static void
test_marked (void)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "pseudo.pdf", NULL);
  const char *score[] = { "score", demo_path, NULL };
  const char *roi[] = { "roi", "--draws", "200", demo_path, NULL };
  const char *help[] = { "--help", NULL };
  const char *report[] = { "report", demo_path, "-o", pdf, "--lang", "de", "--draws", "200", NULL };
  g_autofree char *score_out = NULL;
  g_autofree char *roi_out = NULL;
  g_autofree char *help_out = NULL;
  g_autofree char *report_out = NULL;
  g_autofree char *text = NULL;
  guint unmarked = 0;

  if (!need_program ("msgfmt") || !need_program ("pdftotext"))
    return;
  g_assert_true (make_pseudo_catalogue ());

  score_out = run_lightsout_env (ENV_LANGUAGE_ONLY, pseudo_localedir, score);
  roi_out = run_lightsout_env (ENV_LANGUAGE_ONLY, pseudo_localedir, roi);
  help_out = run_lightsout_env (ENV_LANGUAGE_ONLY, pseudo_localedir, help);
  report_out = run_lightsout_env (ENV_C, pseudo_localedir, report);
  text = pdf_text (pdf);

  /* The pseudo catalogue is in use */
  assert_contains (score_out, "«Overall level: 2 — «Experimenting»»");
  assert_contains (text, "«Summary»");

  unmarked += count_unmarked (score_out, "score");
  unmarked += count_unmarked (roi_out, "roi");
  unmarked += count_unmarked (help_out, "--help");
  unmarked += count_unmarked (text, "report");
  g_assert_cmpuint (unmarked, ==, 0);
}

static void
unescape_demo (void)
{
  const char *entities[][2] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
  };
  g_autofree char *raw = NULL;
  char *text;

  g_assert_true (g_file_get_contents (demo_path, &raw, NULL, NULL));
  text = g_strdup (raw);
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_auto (GStrv) parts = g_strsplit (text, entities[i][0], -1);

      g_free (text);
      text = g_strjoinv (entities[i][1], parts);
    }
  demo_text = text;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

int
main (int argc, char **argv)
{
  const char *demo[] = { "demo", "-o", NULL, NULL };
  const char *old;
  int result;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmpdir = g_dir_make_tmp ("lo-cli-i18n-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  demo_path = g_build_filename (tmpdir, "demo.lightsout", NULL);
  demo[2] = demo_path;
  g_free (run_lightsout_env (ENV_C, NULL, demo));
  unescape_demo ();

  old = setlocale (LC_ALL, NULL);
  {
    g_autofree char *saved = g_strdup (old);

    have_de_locale = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;
    setlocale (LC_ALL, saved);
  }

  g_test_add_func ("/lo/cli/i18n/score/language-only", test_score_language_only);
  g_test_add_func ("/lo/cli/i18n/score/de-locale", test_score_de_locale);
  g_test_add_func ("/lo/cli/i18n/roi/language-only", test_roi_language_only);
  g_test_add_func ("/lo/cli/i18n/roi/de-locale", test_roi_de_locale);
  g_test_add_func ("/lo/cli/i18n/help", test_help_german);
  g_test_add_func ("/lo/cli/i18n/report/german", test_report_german);
  g_test_add_func ("/lo/cli/i18n/marked", test_marked);
  result = g_test_run ();

  remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);
  g_free (demo_text);
  g_free (pseudo_localedir);
  return result;
}
