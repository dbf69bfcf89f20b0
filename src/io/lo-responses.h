/* lo-responses.h: answers exported from survey tools (Microsoft Forms,
 * Google Forms, LimeSurvey) as CSV, mapped to a bank's questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-io.h"

G_BEGIN_DECLS

typedef enum
{
  LO_RESPONSES_COLUMN_METADATA,  /* the tool's own: timestamp, id, e-mail … (ignored) */
  LO_RESPONSES_COLUMN_NAME,      /* the respondent's name */
  LO_RESPONSES_COLUMN_QUESTION,  /* a question of the bank */
} LoResponsesColumnKind;

typedef struct
{
  char                 *header;   /* as in the file */
  LoResponsesColumnKind kind;
  const LoQuestion     *question; /* QUESTION only; borrowed from the bank */
} LoResponsesColumn;

typedef struct
{
  GArray       *columns;  /* LoResponsesColumn, file order: the mapping, for a preview */
  LoAssessment *answers;  /* @into's id, date and bank; one respondent per row,
                           * its id made from the name (lo_respondent_id_from_name) */
} LoResponses;

/* Reads a survey tool's CSV: UTF-8 with or without a byte-order mark, comma
 * or semicolon separated, quoted fields may hold line breaks. The first row
 * names the columns: a question's id or its exact text (in English or in one
 * of @languages, e.g. {"de", NULL}), one of the tools' metadata columns, and
 * one name column (@name_column, else the one column that is neither).
 * A cell is an option's text, a level 1–5, "Don't know", "N/A" (where the
 * question allows it) or empty (not answered). Any column or cell that does
 * not fit is refused naming its row and column; the result holds every row
 * or there is none. */
LoResponses *lo_responses_read (GBytes             *bytes,
                                const char         *display_name,
                                const LoAssessment *into,
                                const LoBank       *bank,
                                const char         *name_column,
                                const char * const *languages,
                                GError            **error);
LoResponses *lo_responses_read_file (const char         *path,
                                     const LoAssessment *into,
                                     const LoBank       *bank,
                                     const char         *name_column,
                                     const char * const *languages,
                                     GError            **error);
void         lo_responses_free (LoResponses *responses);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoResponses, lo_responses_free)

G_END_DECLS
