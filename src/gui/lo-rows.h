/* lo-rows.h: list rows shared by the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The most lines a row's title or subtitle wraps to before it ends in "…". */
#define LO_ROW_LINES 8

/* An AdwActionRow whose title and subtitle wrap to at most LO_ROW_LINES
 * lines.  libadwaita 1.2's default, any number of lines, makes GTK measure
 * the labels over and over: twenty rows then take some 200 ms to lay out
 * the first time, against 10 ms with a limit. */
GtkWidget *lo_action_row_new (void);

/* Gives an existing row (from a template, or a subclass such as
 * AdwComboRow) the same limit. */
void       lo_action_row_limit_lines (AdwActionRow *row);

/* An AdwExpanderRow titled @title (plain text) whose hidden enable switch
 * has an accessible name (libadwaita 1.2 leaves it without one). */
GtkWidget *lo_expander_row_new (const char *title);
void       lo_expander_row_name_switch (AdwExpanderRow *row,
                                        const char     *title);

/* Marks @field (and @row, when given) invalid with @message as tooltip and
 * accessible description; NULL clears the mark. */
void       lo_mark_invalid (GtkWidget  *field,
                            GtkWidget  *row,
                            const char *message);

/* Sets @text (plain, escaped here) as the subtitle when it differs. */
void       lo_action_row_set_plain_subtitle (AdwActionRow *row,
                                             const char   *text);

G_END_DECLS
