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
