/* lo-bank.h: a question bank (levels, dimensions, questions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-types.h"

G_BEGIN_DECLS

typedef struct
{
  int   level;          /* 1 … 5 */
  char *name;
  char *description;
} LoLevelDef;

typedef struct
{
  char    *id;          /* unique within the bank, e.g. "process.documentation" */
  char    *text;
  double   weight;      /* > 0, default 1 */
  gboolean allow_na;
  char    *options[LO_N_LEVELS]; /* options[k-1] describes level k */
  char    *actions[LO_N_LEVELS]; /* actions[k-1] moves a company to level k (k = 2 … 5); actions[0] is NULL */
  guint    dimension;   /* index into LoBank.dimensions */
  guint    index;       /* index into LoBank.questions (bank order) */
} LoQuestion;

typedef struct
{
  char      *id;        /* e.g. "process" */
  char      *name;
  char      *description;
  guint      index;     /* index into LoBank.dimensions */
  GPtrArray *questions; /* LoQuestion*, borrowed from LoBank.questions, bank order */
} LoDimension;

typedef struct
{
  gatomicrefcount ref_count;
  char       *id;
  guint       version;        /* the bank's own edition */
  gboolean    translatable;   /* text is in the lightsout gettext domain (shipped banks) */
  LoLevelDef  levels[LO_N_LEVELS];
  GPtrArray  *dimensions;     /* LoDimension*, owned, bank order */
  GPtrArray  *questions;      /* LoQuestion*, owned, bank order (dimension by dimension) */
  GHashTable *question_by_id; /* borrowed LoQuestion* */
  GHashTable *dimension_by_id;/* borrowed LoDimension* */
} LoBank;

#define LO_TYPE_BANK (lo_bank_get_type ())
GType        lo_bank_get_type       (void) G_GNUC_CONST;

LoBank      *lo_bank_new            (const char *id,
                                     guint       version);
LoBank      *lo_bank_ref            (LoBank     *bank);
void         lo_bank_unref          (LoBank     *bank);

/* Builders used by the readers; they fail on duplicate ids. */
LoDimension *lo_bank_add_dimension  (LoBank     *bank,
                                     const char *id,
                                     const char *name,
                                     const char *description,
                                     GError    **error);
LoQuestion  *lo_bank_add_question   (LoBank     *bank,
                                     LoDimension *dimension,
                                     const char *id,
                                     const char *text,
                                     double      weight,
                                     gboolean    allow_na,
                                     GError    **error);
void         lo_bank_set_level      (LoBank     *bank,
                                     int         level,
                                     const char *name,
                                     const char *description);

const LoQuestion  *lo_bank_lookup_question  (const LoBank *bank,
                                             const char   *id);
const LoDimension *lo_bank_lookup_dimension (const LoBank *bank,
                                             const char   *id);

/* Checks completeness: 5 level names, ≥ 1 dimension, every question with 5 options
 * and actions for levels 2–5, weights > 0. */
gboolean     lo_bank_check          (const LoBank *bank,
                                     GError      **error);

/* Translated text of the bank for display: for a translatable (shipped) bank the
 * string goes through the lightsout domain, otherwise it is returned as is. */
const char  *lo_bank_text           (const LoBank *bank,
                                     const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoBank, lo_bank_unref)

G_END_DECLS
