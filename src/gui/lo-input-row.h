/* lo-input-row.h: one input of a process: its likely value and its range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-core.h"

G_BEGIN_DECLS

/* Which entry of an input's row: the likely value or its range. */
typedef enum
{
  LO_FIELD_VALUE,
  LO_FIELD_LOW,
  LO_FIELD_HIGH,
} LoInputField;

#define LO_TYPE_INPUT_ROW (lo_input_row_get_type ())
G_DECLARE_FINAL_TYPE (LoInputRow, lo_input_row, LO, INPUT_ROW, AdwActionRow)

GtkWidget   *lo_input_row_new         (LoInputId     input);
LoInputId    lo_input_row_get_input   (LoInputRow   *self);
GtkEditable *lo_input_row_get_entry   (LoInputRow   *self,
                                       LoInputField  field);
/* The subtitle while the row is valid ("items per month", "USD"). */
void         lo_input_row_set_unit    (LoInputRow   *self,
                                       const char   *unit);
/* Shows @input's value and range (fractions as percent) in the user's
 * number conventions, and clears any problem; emits no ::changed. */
void         lo_input_row_show        (LoInputRow     *self,
                                       const LoInput  *input);
/* Reads the entries into @input. FALSE with @problem (transfer full) and
 * the entry it is about in @bad when they do not make an input: not a
 * number, a required value missing, half a range. */
gboolean     lo_input_row_read        (LoInputRow    *self,
                                       LoInput       *input,
                                       LoInputField  *bad,
                                       char         **problem);
/* Marks the row with @problem (taken; NULL: valid) on entry @bad. A problem
 * shows from the next frame, unless a valid value comes first: typing
 * "1", "12" passes through states that are gone before anyone could see
 * them. A valid state shows at once. */
void         lo_input_row_set_problem (LoInputRow    *self,
                                       char          *problem,
                                       LoInputField   bad);

/* Signals:
 *   ::changed   the user edited one of the entries */

G_END_DECLS
