/* lo-actual-row.h: one month of actual figures after go-live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-core.h"

G_BEGIN_DECLS

/* The entries of a month, in order. */
typedef enum
{
  LO_ACTUAL_MONTH,
  LO_ACTUAL_ITEMS,
  LO_ACTUAL_HOURS,
  LO_ACTUAL_ERRORS,
  LO_ACTUAL_RUN_COST,
  LO_N_ACTUAL_FIELDS
} LoActualField;

#define LO_TYPE_ACTUAL_ROW (lo_actual_row_get_type ())
G_DECLARE_FINAL_TYPE (LoActualRow, lo_actual_row, LO, ACTUAL_ROW, AdwExpanderRow)

GtkWidget *lo_actual_row_new      (void);
/* Shows @actual in the entries; emits no ::changed. */
void       lo_actual_row_show     (LoActualRow    *self,
                                   const LoActual *actual);
/* The entry of @field as typed into @actual (an empty figure is NAN). FALSE
 * with @problem (transfer full) when it is not a month or a number. */
gboolean   lo_actual_row_read     (LoActualRow    *self,
                                   LoActualField   field,
                                   LoActual       *actual,
                                   char          **problem);
/* Marks the entry of @field with @problem (NULL: valid). */
void       lo_actual_row_mark     (LoActualRow    *self,
                                   LoActualField   field,
                                   const char     *problem);

/* Whether an entry shows a problem. */
gboolean     lo_actual_row_has_problem (LoActualRow  *self);
/* Applies edits still waiting for typing to stop. TRUE when there was one. */
gboolean     lo_actual_row_flush       (LoActualRow  *self);
GtkEditable *lo_actual_row_get_entry   (LoActualRow  *self,
                                        LoActualField field);

/* Signals:
 *   ::changed (LoActualField field)   the user edited an entry
 *   ::remove                          the user asked to remove the month */

G_END_DECLS
