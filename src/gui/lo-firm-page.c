/* lo-firm-page.c: the preferences' "Your Firm" page
 *
 * Each field is an entry row with an apply button: an applied value is
 * checked (lo_firm_profile_check_value) and the whole profile is written at
 * once to $XDG_CONFIG_HOME/lightsout/firm.ini (atomically); a refused value
 * or a failed write is shown with lo_show_error and the row is marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lo-io.h"
#include "lo-dialogs.h"
#include "lo-firm-page.h"

typedef struct
{
  const char *key;
  const char *title;
  GtkInputPurpose purpose;
} FirmField;

typedef struct
{
  LoFirmProfile *profile;
  GSettings     *settings;
  AdwActionRow  *logo_row;
} FirmPage;

static void
firm_page_free (FirmPage *fp)
{
  lo_firm_profile_free (fp->profile);
  g_clear_object (&fp->settings);
  g_free (fp);
}

/* Writes @fp's profile with @key set to @value; FALSE and the error shown
 * when the value is refused or the file cannot be written. */
static gboolean
save (FirmPage   *fp,
      GtkWidget  *owner,
      const char *key,
      const char *value)
{
  g_autoptr(LoFirmProfile) next = lo_firm_profile_copy (fp->profile);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lo_firm_profile_default_path ();
  char **field = lo_firm_profile_field (next, key);

  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strstrip (g_strdup (value)) : NULL;
  if (!lo_firm_profile_check_value (NULL, key, *field, &error)
      || !lo_firm_profile_write_file (next, path, &error))
    {
      lo_show_error (owner, error);
      return FALSE;
    }
  lo_firm_profile_free (fp->profile);
  fp->profile = g_steal_pointer (&next);
  /* the cover's consultant and logo, for what reads the older settings */
  if (fp->settings != NULL && g_str_equal (key, "consultant"))
    g_settings_set_string (fp->settings, "consultant-name",
                           fp->profile->consultant ? fp->profile->consultant : "");
  if (fp->settings != NULL && g_str_equal (key, "logo"))
    g_settings_set_string (fp->settings, "consultant-logo",
                           fp->profile->logo && g_str_has_suffix (fp->profile->logo, ".png")
                             ? fp->profile->logo : "");
  return TRUE;
}

static void
entry_apply_cb (AdwEntryRow *row,
                FirmPage    *fp)
{
  const char *key = g_object_get_data (G_OBJECT (row), "lo-firm-key");

  if (save (fp, GTK_WIDGET (row), key, gtk_editable_get_text (GTK_EDITABLE (row))))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
update_logo_row (FirmPage *fp)
{
  g_autofree char *name = fp->profile->logo ? g_filename_display_basename (fp->profile->logo)
                                            : g_strdup (_("None"));
  g_autofree char *escaped = g_markup_escape_text (name, -1);

  adw_action_row_set_subtitle (fp->logo_row, escaped);
}

static void
logo_clear_cb (GtkButton *button,
               FirmPage  *fp)
{
  if (save (fp, GTK_WIDGET (button), "logo", NULL))
    update_logo_row (fp);
}

static void
logo_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  FirmPage        *fp)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(LoFirmProfile) probe = NULL;
      g_autofree char *ini = NULL;

      /* the file itself is checked as the reader will check it */
      if (path != NULL)
        {
          ini = g_strdup_printf ("[Firm]\nlogo=%s\n", path);
          probe = lo_firm_profile_read_data (ini, strlen (ini), NULL, &error);
        }
      if (path != NULL && probe == NULL)
        lo_show_error (GTK_WIDGET (fp->logo_row), error);
      else if (path != NULL && save (fp, GTK_WIDGET (fp->logo_row), "logo", path))
        update_logo_row (fp);
    }
  g_object_unref (chooser);
}

static void
logo_choose_cb (GtkButton *button,
                FirmPage  *fp)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_filter_set_name (filter, _("PNG or SVG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (logo_response_cb), fp);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
logo_row_new (FirmPage *fp)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));

  fp->logo_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Logo"));
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Remove the logo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the logo"), -1);
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect (clear, "clicked", G_CALLBACK (logo_clear_cb), fp);
  g_signal_connect (choose, "clicked", G_CALLBACK (logo_choose_cb), fp);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  update_logo_row (fp);
  return row;
}

/* The saved profile, else one started from the older cover settings. */
static LoFirmProfile *
load_profile (GSettings *settings,
              GError   **error)
{
  LoFirmProfile *profile = lo_firm_profile_read_saved (error);

  if (profile != NULL || (error && *error))
    return profile;
  profile = lo_firm_profile_new ();
  if (settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (settings, "consultant-name");
      g_autofree char *logo = g_settings_get_string (settings, "consultant-logo");

      profile->consultant = *name ? g_steal_pointer (&name) : NULL;
      profile->logo = *logo ? g_steal_pointer (&logo) : NULL;
    }
  return profile;
}

AdwPreferencesPage *
lo_firm_page_new (GSettings *settings)
{
  const FirmField fields[] = {
    { "name", N_("Firm name"), GTK_INPUT_PURPOSE_FREE_FORM },
    { "consultant", N_("Consultant"), GTK_INPUT_PURPOSE_NAME },
    { "email", N_("E-mail"), GTK_INPUT_PURPOSE_EMAIL },
    { "phone", N_("Phone"), GTK_INPUT_PURPOSE_PHONE },
    { "website", N_("Website"), GTK_INPUT_PURPOSE_URL },
    { "booking-url", N_("Booking link"), GTK_INPUT_PURPOSE_URL },
  };
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *look = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  FirmPage *fp = g_new0 (FirmPage, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lo_firm_profile_default_path ();
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *description = NULL;
  GtkWidget *accent;

  fp->settings = settings ? g_object_ref (settings) : NULL;
  fp->profile = load_profile (settings, &error);
  if (fp->profile == NULL)
    fp->profile = lo_firm_profile_new ();
  g_object_set_data_full (G_OBJECT (page), "lo-firm-page", fp, (GDestroyNotify) firm_page_free);

  adw_preferences_page_set_title (page, _("Your Firm"));
  adw_preferences_page_set_icon_name (page, "system-users-symbolic");
  adw_preferences_group_set_title (group, _("Who Sends the Report"));
  /* TRANSLATORS: %s is the file the profile is saved in */
  description = g_strdup_printf (_("On the report's cover, in every page's footer and on its next-steps page, "
                                   "with a QR code of the booking link. Saved in %s."), display);
  adw_preferences_group_set_description (group, description);
  if (error != NULL)
    {
      g_autofree char *warning = g_strdup_printf (_("The saved profile could not be read: %s"), error->message);
      adw_preferences_group_set_description (group, warning);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      const char *value = *lo_firm_profile_field (fp->profile, fields[i].key);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), fields[i].purpose);
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      g_object_set_data (G_OBJECT (row), "lo-firm-key", (gpointer) fields[i].key);
      g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), fp);
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (page, group);

  adw_preferences_group_set_title (look, _("Look"));
  adw_preferences_group_add (look, logo_row_new (fp));
  accent = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (accent), _("Accent colour (#rrggbb)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (accent), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (accent), fp->profile->accent ? fp->profile->accent : "");
  g_object_set_data (G_OBJECT (accent), "lo-firm-key", (gpointer) "accent");
  g_signal_connect (accent, "apply", G_CALLBACK (entry_apply_cb), fp);
  adw_preferences_group_add (look, accent);
  adw_preferences_page_add (page, look);
  return page;
}
