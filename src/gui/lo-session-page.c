/* lo-session-page.c: pages that show what a LoClientSession holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-session-page.h"

typedef struct
{
  LoSessionPageUpdate update;
  gboolean            stale;
} Binding;

#define BINDING_KEY "lo-session-page"

static void
analysis_changed_cb (LoClientSession *session,
                     GParamSpec      *pspec,
                     GtkWidget       *page)
{
  Binding *binding = g_object_get_data (G_OBJECT (page), BINDING_KEY);

  if (gtk_widget_get_mapped (page))
    {
      binding->stale = FALSE;
      binding->update (page, session);
    }
  else
    binding->stale = TRUE;
}

static void
map_cb (GtkWidget       *page,
        LoClientSession *session)
{
  Binding *binding = g_object_get_data (G_OBJECT (page), BINDING_KEY);

  if (binding->stale)
    {
      binding->stale = FALSE;
      binding->update (page, session);
    }
}

void
lo_session_page_bind (GtkWidget           *page,
                      LoClientSession     *session,
                      LoSessionPageUpdate  update)
{
  Binding *binding;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (LO_IS_CLIENT_SESSION (session));
  g_return_if_fail (g_object_get_data (G_OBJECT (page), BINDING_KEY) == NULL);

  binding = g_new0 (Binding, 1);
  binding->update = update;
  g_object_set_data_full (G_OBJECT (page), BINDING_KEY, binding, g_free);
  g_signal_connect_object (session, "notify::analysis", G_CALLBACK (analysis_changed_cb), page, 0);
  g_signal_connect_object (page, "map", G_CALLBACK (map_cb), session, 0);
  update (page, session);
}

GParamSpec *
lo_session_page_param_spec (void)
{
  return g_param_spec_object ("session", NULL, NULL, LO_TYPE_CLIENT_SESSION,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}
