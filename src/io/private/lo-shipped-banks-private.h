/* lo-shipped-banks-private.h: the banks shipped in the GResource, as tables
 *
 * lo-shipped-banks.c is generated at build time by data/question-bank-index.py
 * from the banks the GResource holds, with the reader's rules for text, so
 * finding a shipped bank by id and edition parses no XML: the bank is built
 * from these constant strings (lo-bank-reader.c). tests/io/test-bank-reader.c
 * checks that each row builds the bank the reader makes of its file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct
{
  const char *id;
  double      weight;
  gboolean    allow_na;
  const char *text;
  const char *options[5];  /* level k at k - 1 */
  const char *actions[5];  /* level k at k - 1; [0] is NULL */
} LoShippedQuestion;

typedef struct
{
  const char *id;
  const char *name;
  const char *description;  /* NULL when the file has none */
  guint       n_questions;  /* the next ones of the bank's questions */
} LoShippedDimension;

typedef struct
{
  const char               *id;       /* the root's id */
  guint                     edition;  /* the root's version */
  const char               *file;     /* in the GResource, under LO_XML_RESOURCE_PREFIX "/" */
  const char               *level_names[5];
  const char               *level_descriptions[5];  /* NULL when none */
  const LoShippedDimension *dimensions;
  guint                     n_dimensions;
  const LoShippedQuestion  *questions;  /* bank order, dimension by dimension */
} LoShippedBank;

/* Sorted by id (bytes), then newest edition first. */
extern const LoShippedBank lo_shipped_banks[];
extern const guint         lo_n_shipped_banks;
