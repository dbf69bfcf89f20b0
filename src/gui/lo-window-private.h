/* lo-window-private.h: what lo-window.c and lo-window-files.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lo-window.h"
#include "lo-client-session.h"
#include "lo-sidebar.h"

G_BEGIN_DECLS

/* The pages, as indices of LoWindow.pages. */
enum
{
  INDEX_ASSESSMENT,
  INDEX_RESULTS,
  INDEX_PROCESSES,
  INDEX_ROADMAP,
  INDEX_WORKSHOP,
  N_PAGES
};

struct _LoWindow
{
  AdwApplicationWindow parent_instance;

  LoStore      *store;
  GSettings    *settings;     /* NULL when the schema is not installed */
  LoClientSession *session;   /* what is shown */
  char         *toasted;      /* the last analysis error shown, not to repeat it */
  GArray       *undo;         /* AnswerChange */
  GArray       *redo;
  guint         busy;
  gboolean      printing;       /* the report's figures computed or its print dialog open */
  gboolean      workshop;
  GCancellable *cancellable;    /* imports and printing still running */
  GtkWidget    *pages[N_PAGES]; /* built the first time they are shown */
  guint         storing;        /* imports being saved by the store's worker */
  GtkWindow    *shortcuts;      /* weak: the open shortcuts window */

  /* template */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *root_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar_box;
  GtkWidget           *content_box;
  LoSidebar           *sidebar;
  GtkStack            *content_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *view_stack;
  AdwBin              *assessment_slot;
  AdwBin              *results_slot;
  AdwBin              *processes_slot;
  AdwBin              *roadmap_slot;
  AdwBin              *workshop_slot;
  GtkSpinner          *busy_spinner;
  GtkMenuButton       *empty_menu_button;
  GtkMenuButton       *sidebar_menu_button;
  GtkMenuButton       *client_menu_button;
  GMenuModel          *primary_menu;
  GMenuModel          *client_menu;
};

void  lo_window_toast          (LoWindow     *self,
                                const char   *message);
/* The message names what went wrong; a toast keeps the window usable. */
void  lo_window_toast_error    (LoWindow     *self,
                                const GError *error);
void  lo_window_update_actions (LoWindow     *self);
/* Shows @client's @assessment (NULL: its latest) through the session. */
void  lo_window_show           (LoWindow     *self,
                                gint64        client,
                                const char   *assessment);

/* Actions of lo-window-files.c */
void  lo_window_import_action  (GtkWidget    *widget,
                                const char   *action_name,
                                GVariant     *parameter);
void  lo_window_export_action  (GtkWidget    *widget,
                                const char   *action_name,
                                GVariant     *parameter);
void  lo_window_print_action   (GtkWidget    *widget,
                                const char   *action_name,
                                GVariant     *parameter);

/* Files dropped on the window are opened as with Import (lo-window-files.c). */
void  lo_window_setup_drop     (LoWindow     *self);

/* Actions of lo-window-save.c */
void  lo_window_save_action    (GtkWidget    *widget,
                                const char   *action_name,
                                GVariant     *parameter);
void  lo_window_save_as_action (GtkWidget    *widget,
                                const char   *action_name,
                                GVariant     *parameter);

G_END_DECLS
