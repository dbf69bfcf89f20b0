/* lo-actual-row.c: one month of actual figures after go-live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-actual-row.h"
#include "lo-edit-delay.h"
#include "lo-input-row.h"
#include "lo-rows.h"

struct _LoActualRow
{
  AdwExpanderRow parent_instance;

  AdwEntryRow *entries[LO_N_ACTUAL_FIELDS];
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (LoActualRow, lo_actual_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *field_titles[LO_N_ACTUAL_FIELDS] = {
  N_("Month (YYYY-MM)"), N_("Items handled"), N_("Hours people spent"), N_("Errors"), N_("Run cost"),
};

static char *
format_plain (double value)
{
  return lo_formatter_plain (lo_formatter_lookup (NULL), value);
}

static void
entry_apply_cb (GtkEditable *editable,
                gpointer     data)
{
  LoActualRow *self = data;
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "lo-field"));

  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0, field);
}

static void
remove_clicked_cb (LoActualRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
lo_actual_row_class_init (LoActualRowClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lo_actual_row_init (LoActualRow *self)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  lo_expander_row_name_switch (ADW_EXPANDER_ROW (self), _("Month"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this month"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this month"), -1);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), remove);
  for (guint f = 0; f < LO_N_ACTUAL_FIELDS; f++)
    {
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(field_titles[f]));
      g_object_set_data (G_OBJECT (entry), "lo-field", GUINT_TO_POINTER (f));
      lo_edit_delay_attach (entry, entry_apply_cb, self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), entry);
      self->entries[f] = ADW_ENTRY_ROW (entry);
    }
}

GtkWidget *
lo_actual_row_new (void)
{
  return g_object_new (LO_TYPE_ACTUAL_ROW, NULL);
}

void
lo_actual_row_show (LoActualRow    *self,
                    const LoActual *actual)
{
  g_autofree char *month = NULL;
  const double values[LO_N_ACTUAL_FIELDS] = {
    0, actual->items, actual->hours, actual->errors, actual->run_cost,
  };

  g_return_if_fail (LO_IS_ACTUAL_ROW (self));

  month = g_strdup_printf ("%04d-%02d", actual->year, actual->month);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), month);
  self->updating = TRUE;
  for (guint f = 0; f < LO_N_ACTUAL_FIELDS; f++)
    {
      g_autofree char *text = f == LO_ACTUAL_MONTH ? g_strdup (month) : format_plain (values[f]);

      lo_edit_delay_set_text (GTK_WIDGET (self->entries[f]), text);
      lo_mark_invalid (GTK_WIDGET (self->entries[f]), NULL, NULL);
    }
  self->updating = FALSE;
}

gboolean
lo_actual_row_read (LoActualRow    *self,
                    LoActualField   field,
                    LoActual       *actual,
                    char          **problem)
{
  const char *text;
  double value = NAN;

  g_return_val_if_fail (LO_IS_ACTUAL_ROW (self) && field < LO_N_ACTUAL_FIELDS, FALSE);

  *problem = NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->entries[field]));
  if (field == LO_ACTUAL_MONTH)
    {
      if (lo_parse_month (text, &actual->year, &actual->month))
        return TRUE;
      *problem = g_strdup (_("Enter the month as YYYY-MM, e.g. 2027-03"));
      return FALSE;
    }
  if (*text != '\0' && !lo_formatter_parse (lo_formatter_lookup (NULL), text, &value))
    {
      *problem = g_strdup (_("not a number"));
      return FALSE;
    }
  if (*text != '\0')
    {
      static const LoLimitId limits[LO_N_ACTUAL_FIELDS] = {
        0, LO_LIMIT_ACTUAL_ITEMS, LO_LIMIT_ACTUAL_HOURS, LO_LIMIT_ACTUAL_ERRORS, LO_LIMIT_ACTUAL_RUN_COST,
      };
      const char *units[LO_N_ACTUAL_FIELDS] = { NULL, _("items"), _("hours"), _("errors"), NULL };
      g_autofree char *typed = g_strstrip (g_strdup (text));

      *problem = lo_limit_problem (limits[field], _(field_titles[field]), typed, value, 1, units[field]);
      if (*problem != NULL)
        return FALSE;
    }
  switch (field)
    {
    case LO_ACTUAL_ITEMS:
      actual->items = value;
      break;
    case LO_ACTUAL_HOURS:
      actual->hours = value;
      break;
    case LO_ACTUAL_ERRORS:
      actual->errors = value;
      break;
    case LO_ACTUAL_RUN_COST:
    default:
      actual->run_cost = value;
      break;
    }
  return TRUE;
}

void
lo_actual_row_mark (LoActualRow   *self,
                    LoActualField  field,
                    const char    *problem)
{
  g_return_if_fail (LO_IS_ACTUAL_ROW (self) && field < LO_N_ACTUAL_FIELDS);
  lo_mark_invalid (GTK_WIDGET (self->entries[field]), NULL, problem);
}

gboolean
lo_actual_row_has_problem (LoActualRow *self)
{
  g_return_val_if_fail (LO_IS_ACTUAL_ROW (self), FALSE);
  for (guint f = 0; f < LO_N_ACTUAL_FIELDS; f++)
    if (gtk_widget_has_css_class (GTK_WIDGET (self->entries[f]), "error"))
      return TRUE;
  return FALSE;
}

gboolean
lo_actual_row_flush (LoActualRow *self)
{
  gboolean any = FALSE;

  g_return_val_if_fail (LO_IS_ACTUAL_ROW (self), FALSE);
  for (guint f = 0; f < LO_N_ACTUAL_FIELDS; f++)
    any |= lo_edit_delay_flush (GTK_WIDGET (self->entries[f]));
  return any;
}

GtkEditable *
lo_actual_row_get_entry (LoActualRow   *self,
                         LoActualField  field)
{
  g_return_val_if_fail (LO_IS_ACTUAL_ROW (self) && field < LO_N_ACTUAL_FIELDS, NULL);
  return GTK_EDITABLE (self->entries[field]);
}
