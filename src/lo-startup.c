/* lo-startup.c: the message catalogue and the locale, set up the same way by
 * the command line and the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lo-startup.h"

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/* With only LANGUAGE set (LANGUAGE=de, no LANG), the messages are German but
 * numbers, money and dates would stay in the C locale's form ("2.51",
 * "October").  Take them from LANGUAGE's first entry too, where the machine
 * has that locale: "de" → de_DE.UTF-8, "pt_BR:pt" → pt_BR.UTF-8. */
static void
formats_follow_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *first = NULL;
  g_autofree char *candidate = NULL;

  if (language == NULL || *language == '\0' || !is_c_locale (setlocale (LC_NUMERIC, NULL)))
    return;
  first = g_strndup (language, strcspn (language, ":.@"));
  if (strlen (first) < 2 || g_str_equal (first, "C") || g_str_equal (first, "POSIX"))
    return;
  if (strchr (first, '_') != NULL)
    candidate = g_strconcat (first, ".UTF-8", NULL);
  else
    {
      g_autofree char *country = g_ascii_strup (first, -1);

      candidate = g_strdup_printf ("%s_%s.UTF-8", first, country);
    }
  if (setlocale (LC_NUMERIC, candidate) != NULL)
    {
      setlocale (LC_MONETARY, candidate);
      setlocale (LC_TIME, candidate);
    }
}

/* LC_COLLATE: the clients' order (`lightsout list`, g_utf8_collate_key). */
static const int used_categories[] = {
  LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES,
};

void
lo_startup_locale (void)
{
  const char *localedir = g_getenv ("LIGHTSOUT_LOCALEDIR");
  const char *messages;

  /* LIGHTSOUT_LOCALEDIR lets tests and tools/run use the catalogues of an
   * uninstalled build (<build>/po). */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib decides once, at the first g_dgettext(), whether to translate at
   * all, and under C.UTF-8 without a catalogue for the session's language it
   * says never — which would keep `report --lang de` in English.  Under the
   * "C" locale the program starts in it says yes, so ask it now. */
  (void) g_dgettext (GETTEXT_PACKAGE, "");

  /* The categories the programs use, each from the environment as LC_ALL
   * would take it; not LC_ALL itself, which also loads paper, name, address,
   * telephone, measurement and identification: six more locale files opened
   * at every start of `lightsout score`. (GTK sets LC_ALL for the window.) */
  for (guint i = 0; i < G_N_ELEMENTS (used_categories); i++)
    setlocale (used_categories[i], "");

  /* gettext ignores LANGUAGE (which --lang also sets) while LC_MESSAGES is
   * "C" or "POSIX"; C.UTF-8 behaves the same but honours it. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    {
      if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
        setlocale (LC_MESSAGES, "en_US.UTF-8");
    }
  formats_follow_language ();
}
