/* lo-figure-card.h: one figure and what it is, as a card of a flow box
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LO_TYPE_FIGURE_CARD (lo_figure_card_get_type ())
G_DECLARE_FINAL_TYPE (LoFigureCard, lo_figure_card, LO, FIGURE_CARD, GtkBox)

/* A card whose value label is named @name (for tests and screenshots) and
 * labelled by @caption (translated). */
GtkWidget  *lo_figure_card_new         (const char   *name,
                                        const char   *caption);
const char *lo_figure_card_get_value   (LoFigureCard *self);
/* Shows @value; an unchanged value touches no label. */
void        lo_figure_card_set_value   (LoFigureCard *self,
                                        const char   *value);
/* The same, taking @value. */
void        lo_figure_card_take_value  (LoFigureCard *self,
                                        char         *value);
/* Appends a card to @box and gives its flow box child the card style. */
LoFigureCard *lo_figure_card_append_to (GtkFlowBox   *box,
                                        const char   *name,
                                        const char   *caption);

G_END_DECLS
