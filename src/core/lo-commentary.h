/* lo-commentary.h: the consultant's words (<commentary>, SPEC §3, format 1.1)
 *
 * A cover note, a comment per dimension (by the bank's dimension id, in the
 * order they were added) and the next steps. Each text is at most
 * LO_LIMIT_TEXT_LENGTH characters; NULL or "" means none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *dimension;   /* the bank's dimension id */
  char *text;
} LoDimensionComment;

typedef struct
{
  char      *cover;       /* the cover note (shown on the summary page) */
  GPtrArray *dimensions;  /* LoDimensionComment*, owned */
  char      *next_steps;
} LoCommentary;

LoCommentary *lo_commentary_new      (void);
LoCommentary *lo_commentary_copy     (const LoCommentary *commentary);
void          lo_commentary_free     (LoCommentary *commentary);
/* Whether it holds no text at all (NULL counts as empty). */
gboolean      lo_commentary_is_empty (const LoCommentary *commentary);
/* The comment on dimension @id, or NULL. @commentary may be NULL. */
const char   *lo_commentary_get_dimension (const LoCommentary *commentary,
                                           const char         *id);
/* Sets (replaces) the comment on @id; NULL or "" removes it. */
void          lo_commentary_set_dimension (LoCommentary *commentary,
                                           const char   *id,
                                           const char   *text);
/* Each text's limit (SPEC §2c), naming "commentary: cover" etc. */
gboolean      lo_commentary_check    (const LoCommentary *commentary,
                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoCommentary, lo_commentary_free)

G_END_DECLS
