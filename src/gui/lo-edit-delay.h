/* lo-edit-delay.h: a typed value applies when it is whole
 *
 * A field's text is applied (its apply function called) when typing stops
 * for LO_EDIT_DELAY_MS, on Enter, or when the focus leaves the field —
 * never at each keystroke, so "5" on the way to "5,5" is never applied
 * (unless the user stops there). Whether the text parses whole is the apply
 * function's question; it applies nothing otherwise.
 *
 * Text the program shows goes through lo_edit_delay_set_text(): it applies
 * nothing and is no step of the field's undo, so Ctrl+Z undoes only what
 * the user typed and never empties the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LO_EDIT_DELAY_MS 600

typedef void (*LoEditApplyFunc) (GtkEditable *editable,
                                 gpointer     user_data);

/* @field: a GtkEntry or an AdwEntryRow. */
void     lo_edit_delay_attach     (GtkWidget       *field,
                                   LoEditApplyFunc  apply,
                                   gpointer         user_data);
/* Shows @text: no apply, no undo step; cancels a pending apply. */
void     lo_edit_delay_set_text   (GtkWidget       *field,
                                   const char      *text);
/* Applies a pending edit now. TRUE when there was one. */
gboolean lo_edit_delay_flush      (GtkWidget       *field);
gboolean lo_edit_delay_is_pending (GtkWidget       *field);

G_END_DECLS
