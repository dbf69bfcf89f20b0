/* lo-commentary-editor.h: the consultant's words, edited on the results page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "lo-core.h"
#include "lo-store.h"

G_BEGIN_DECLS

#define LO_TYPE_COMMENTARY_EDITOR (lo_commentary_editor_get_type ())
G_DECLARE_FINAL_TYPE (LoCommentaryEditor, lo_commentary_editor, LO, COMMENTARY_EDITOR, GtkBox)

GtkWidget *lo_commentary_editor_new    (void);
/* Shows @engagement's commentary for @client, a text per dimension of
 * @bank (may be NULL: the cover note and next steps only). A text being
 * edited is left as it is. Edits are saved with lo_store_set_commentary
 * after a pause or when the text loses focus; a failed save is shown with
 * lo_show_error. */
void       lo_commentary_editor_update (LoCommentaryEditor *self,
                                        LoStore            *store,
                                        gint64              client,
                                        const LoEngagement *engagement,
                                        const LoBank       *bank);

G_END_DECLS
