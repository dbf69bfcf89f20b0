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
/* Reads the entries into @input. FALSE with @problem (transfer full, in the
 * field's unit and naming it) and the entry it is about in @bad when they do
 * not make a valid input: not a number, outside SPEC §2c's limit, a required
 * value missing, half a range, the likely value outside its range. */
gboolean     lo_input_row_read        (LoInputRow    *self,
                                       LoInput       *input,
                                       LoInputField  *bad,
                                       char         **problem);
/* Marks the row with @problem (taken; NULL: valid) on entry @bad, at once;
 * it stays until the row is valid again or shown anew. */
void         lo_input_row_set_problem (LoInputRow    *self,
                                       char          *problem,
                                       LoInputField   bad);
/* The problem shown, NULL while the row is valid. */
const char  *lo_input_row_get_problem (LoInputRow    *self);
/* Applies an edit still waiting for typing to stop. TRUE when there was one. */
gboolean     lo_input_row_flush       (LoInputRow    *self);

/* SPEC §2c's limit (core's table) for a number a person typed as @typed,
 * @shown being @factor times the stored value (100 for a percent field):
 * NULL when it holds, else the refusal in the field's unit naming @name
 * and the bound ("Automation rate: 150 % is above the limit of 100 %"). */
char        *lo_limit_problem         (LoLimitId     limit,
                                       const char   *name,
                                       const char   *typed,
                                       double        shown,
                                       double        factor,
                                       const char   *unit);

/* Signals:
 *   ::changed   the user's edit of one of the entries is to be applied
 *               (typing stopped, Enter, or the focus left it: lo-edit-delay.h)
 */

G_END_DECLS
