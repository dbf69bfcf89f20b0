/* lo-preferences-window.c: currency, paper, defaults for new engagements, the firm
 *
 * Every control is bound to its GSettings key, so a change is kept at once.
 * Rates are fractions in GSettings and percent on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-rows.h"
#include "lo-preferences-window.h"
#include "lo-firm-page.h"
#include "lo-application.h"

static const char * const currencies[] = { "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY",
                                           "SEK", "NOK", "DKK", "PLN", "NZD", NULL };

struct _LoPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  /* template */
  AdwComboRow         *currency_row;
  AdwComboRow         *paper_row;
  AdwPreferencesGroup *defaults_group;
};

G_DEFINE_FINAL_TYPE (LoPreferencesWindow, lo_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The application's settings, a new reference; NULL without them. */
static GSettings *
app_settings (void)
{
  GSettings *settings = lo_application_get_settings (NULL);

  return settings != NULL ? g_object_ref (settings) : NULL;
}

gboolean
lo_preferences_apply_to_client (LoStore *store,
                                gint64   client,
                                GError **error)
{
  g_autoptr(GSettings) settings = app_settings ();
  LoSettings s;
  gboolean ok;

  g_return_val_if_fail (LO_IS_STORE (store), FALSE);

  if (settings == NULL)
    return TRUE;
  lo_settings_init_defaults (&s);
  g_free (s.currency);
  s.currency = g_settings_get_string (settings, "currency");
  s.hours_per_week = g_settings_get_double (settings, "hours-per-week");
  s.horizon_months = g_settings_get_int (settings, "horizon-months");
  s.discount_rate = g_settings_get_double (settings, "discount-rate");
  ok = lo_settings_validate (&s, error) && lo_store_set_settings (store, client, &s, error);
  lo_settings_clear (&s);
  return ok;
}

/* Bindings */

static gboolean
currency_get (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; currencies[i] != NULL; i++)
    if (g_str_equal (currencies[i], code))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
currency_set (const GValue       *value,
              const GVariantType *type,
              gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (i < g_strv_length ((GStrv) currencies) ? currencies[i] : "USD");
}

static gboolean
paper_get (GValue   *value,
           GVariant *variant,
           gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "letter") ? 1 : 0);
  return TRUE;
}

static GVariant *
paper_set (const GValue       *value,
           const GVariantType *type,
           gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "letter" : "a4");
}

static gboolean
percent_get (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

static GVariant *
percent_set (const GValue       *value,
             const GVariantType *type,
             gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
add_spin_row (LoPreferencesWindow *self,
              const char          *key,
              const char          *title,
              const char          *subtitle,
              double               min,
              double               max,
              double               step,
              guint                digits,
              gboolean             percent)
{
  GtkWidget *row = lo_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_name (spin, key);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (self->defaults_group, row);
  if (percent)
    g_settings_bind_with_mapping (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT,
                                  percent_get, percent_set, NULL, NULL);
  else
    g_settings_bind (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
}

/* GObject */

static void
lo_preferences_window_dispose (GObject *object)
{
  LoPreferencesWindow *self = LO_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (lo_preferences_window_parent_class)->dispose (object);
}

static void
lo_preferences_window_finalize (GObject *object)
{
  LoPreferencesWindow *self = LO_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (lo_preferences_window_parent_class)->finalize (object);
}

static void
lo_preferences_window_class_init (LoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_preferences_window_dispose;
  object_class->finalize = lo_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, LoPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LoPreferencesWindow, defaults_group);
}

static void
lo_preferences_window_init (LoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lo_preferences_window_new (GtkWindow *parent)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GtkStringList) codes = gtk_string_list_new ((const char * const *) currencies);
  LoPreferencesWindow *self;

  if (settings == NULL)
    return NULL;
  self = g_object_new (LO_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_steal_pointer (&settings);

  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (codes));
  g_settings_bind_with_mapping (self->settings, "currency", self->currency_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, currency_get, currency_set, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_get, paper_set, NULL, NULL);
  add_spin_row (self, "default-hourly-cost", _("Default hourly cost"),
                _("Fully loaded cost of an hour of work, for new processes"), 0, 10000, 1, 2, FALSE);
  add_spin_row (self, "hours-per-week", _("Working hours per week"),
                _("Turns hours saved into full-time equivalents"), 1, 168, 0.5, 1, FALSE);
  add_spin_row (self, "horizon-months", _("Horizon in months"),
                _("How long the return on investment is modelled for"), 1, 240, 1, 0, FALSE);
  add_spin_row (self, "discount-rate", _("Discount rate (percent a year)"),
                _("For the net present value"), 0, 100, 0.5, 1, TRUE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), lo_firm_page_new (self->settings));
  return GTK_WIDGET (self);
}
