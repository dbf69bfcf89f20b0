/* lo-window.h: the main window (clients, assessments, results, workshop)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-store.h"
#include "lo-client-session.h"

G_BEGIN_DECLS

/* win.set-answer's value that removes an answer (undo of a first answer). */
#define LO_WINDOW_ANSWER_CLEAR (-100)

#define LO_TYPE_WINDOW (lo_window_get_type ())
G_DECLARE_FINAL_TYPE (LoWindow, lo_window, LO, WINDOW, AdwApplicationWindow)

LoWindow     *lo_window_new                    (GtkApplication *application,
                                                LoStore        *store);
/* Reads and imports a .lightsout file off the main thread, then shows it. */
void          lo_window_import_file            (LoWindow       *self,
                                                GFile          *file);
/* Shows @client's @assessment (NULL: its latest). */
void          lo_window_select                 (LoWindow       *self,
                                                gint64          client,
                                                const char     *assessment);

LoStore      *lo_window_get_store              (LoWindow       *self);
gint64        lo_window_get_client             (LoWindow       *self);
const char   *lo_window_get_assessment_id      (LoWindow       *self);
/* The score of the shown assessment, NULL when none (transfer none). */
LoScore      *lo_window_get_score              (LoWindow       *self);
/* The analysis shown, NULL when no client is (transfer none). */
LoAnalysis   *lo_window_get_analysis           (LoWindow       *self);
LoClientSession *lo_window_get_session         (LoWindow       *self);
gboolean      lo_window_get_workshop_mode      (LoWindow       *self);
/* Number of imports and print preparations still running in threads. */
guint         lo_window_get_busy               (LoWindow       *self);

G_END_DECLS
