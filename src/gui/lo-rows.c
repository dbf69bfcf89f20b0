/* lo-rows.c: list rows shared by the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-rows.h"

void
lo_action_row_limit_lines (AdwActionRow *row)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  adw_action_row_set_title_lines (row, LO_ROW_LINES);
  adw_action_row_set_subtitle_lines (row, LO_ROW_LINES);
}

GtkWidget *
lo_action_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();

  lo_action_row_limit_lines (ADW_ACTION_ROW (row));
  return row;
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_switch (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
lo_expander_row_name_switch (AdwExpanderRow *row,
                             const char     *title)
{
  GtkWidget *toggle = find_switch (GTK_WIDGET (row));

  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

GtkWidget *
lo_expander_row_new (const char *title)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  lo_expander_row_name_switch (ADW_EXPANDER_ROW (row), title);
  return row;
}

void
lo_mark_invalid (GtkWidget  *field,
                 GtkWidget  *row,
                 const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (row != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (row, "invalid");
      else
        gtk_widget_remove_css_class (row, "invalid");
    }
}

void
lo_action_row_set_plain_subtitle (AdwActionRow *row,
                                  const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  /* Setting the same text would still lay the list out again. */
  if (g_strcmp0 (adw_action_row_get_subtitle (row), escaped) != 0)
    adw_action_row_set_subtitle (row, escaped);
}
