/* lo-types.h: error domain and constants shared by the core model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <math.h>

G_BEGIN_DECLS


#define LO_CORE_ERROR (lo_core_error_quark ())

typedef enum
{
  LO_CORE_ERROR_INVALID,       /* a value out of its range or of the wrong kind */
  LO_CORE_ERROR_UNKNOWN_ID,    /* a reference to a question, dimension or process that does not exist */
  LO_CORE_ERROR_DUPLICATE_ID,
  LO_CORE_ERROR_MISSING,       /* a required value is absent */
  LO_CORE_ERROR_NO_ASSESSMENT,
  LO_CORE_ERROR_CANCELLED,
} LoCoreError;

GQuark lo_core_error_quark (void);

/* The five maturity levels are fixed by the model. */
#define LO_LEVEL_MIN 1
#define LO_LEVEL_MAX 5
#define LO_N_LEVELS  5

/* "none" for a figure (payback never reached, IRR without a root …) is NAN;
 * callers test it with isfinite() and print null / "none". */

G_END_DECLS
