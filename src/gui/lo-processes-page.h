/* lo-processes-page.h: the client's candidate processes and their portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-session-page.h"

#include "lo-store.h"
#include "lo-process-editor.h"

G_BEGIN_DECLS

#define LO_TYPE_PROCESSES_PAGE (lo_processes_page_get_type ())
/* Shows what its "session" (LoClientSession, construct-only) holds. */
G_DECLARE_FINAL_TYPE (LoProcessesPage, lo_processes_page, LO, PROCESSES_PAGE, LoSessionPage)

/* Shows @process_id in the editor (NULL: the portfolio overview). */
void             lo_processes_page_select     (LoProcessesPage *self,
                                               const char      *process_id);
const char      *lo_processes_page_get_selected (LoProcessesPage *self);
LoProcessEditor *lo_processes_page_get_editor (LoProcessesPage *self);

G_END_DECLS
