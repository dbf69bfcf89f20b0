/* lo-edit-delay.c: a typed value applies when it is whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lo-edit-delay.h"

typedef struct
{
  GtkWidget       *field;    /* not a reference: the data dies with it */
  LoEditApplyFunc  apply;
  gpointer         user_data;
  guint            timeout;
  gboolean         quiet;
} EditDelay;

#define DATA_KEY "lo-edit-delay"

static EditDelay *
get_delay (GtkWidget *field)
{
  return g_object_get_data (G_OBJECT (field), DATA_KEY);
}

static void
edit_delay_free (gpointer data)
{
  EditDelay *d = data;

  g_clear_handle_id (&d->timeout, g_source_remove);
  g_free (d);
}

static void
apply_now (EditDelay *d)
{
  g_clear_handle_id (&d->timeout, g_source_remove);
  d->apply (GTK_EDITABLE (d->field), d->user_data);
}

static gboolean
timeout_cb (gpointer data)
{
  EditDelay *d = data;

  d->timeout = 0;
  d->apply (GTK_EDITABLE (d->field), d->user_data);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (GtkEditable *editable,
            EditDelay   *d)
{
  if (d->quiet)
    return;
  g_clear_handle_id (&d->timeout, g_source_remove);
  d->timeout = g_timeout_add (LO_EDIT_DELAY_MS, timeout_cb, d);
}

static void
activated_cb (GtkWidget *widget,
              EditDelay *d)
{
  apply_now (d);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                EditDelay               *d)
{
  if (d->timeout != 0)
    apply_now (d);
}

void
lo_edit_delay_attach (GtkWidget       *field,
                      LoEditApplyFunc  apply,
                      gpointer         user_data)
{
  EditDelay *d;
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_EDITABLE (field));
  g_return_if_fail (get_delay (field) == NULL);

  d = g_new0 (EditDelay, 1);
  d->field = field;
  d->apply = apply;
  d->user_data = user_data;
  g_object_set_data_full (G_OBJECT (field), DATA_KEY, d, edit_delay_free);
  g_signal_connect (field, "changed", G_CALLBACK (changed_cb), d);
  if (GTK_IS_ENTRY (field))
    g_signal_connect (field, "activate", G_CALLBACK (activated_cb), d);
  else if (ADW_IS_ENTRY_ROW (field))
    g_signal_connect (field, "entry-activated", G_CALLBACK (activated_cb), d);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), d);
  gtk_widget_add_controller (field, focus);
}

void
lo_edit_delay_set_text (GtkWidget  *field,
                        const char *text)
{
  EditDelay *d = get_delay (field);
  GtkEditable *editable = GTK_EDITABLE (field);
  gboolean undo = gtk_editable_get_enable_undo (editable);

  if (d != NULL)
    {
      g_clear_handle_id (&d->timeout, g_source_remove);
      d->quiet = TRUE;
    }
  /* Off and on again: the shown text is no step of the user's undo. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    {
      gtk_editable_set_enable_undo (editable, FALSE);
      gtk_editable_set_text (editable, text);
      gtk_editable_set_enable_undo (editable, undo);
    }
  if (d != NULL)
    d->quiet = FALSE;
}

gboolean
lo_edit_delay_flush (GtkWidget *field)
{
  EditDelay *d = get_delay (field);

  if (d == NULL || d->timeout == 0)
    return FALSE;
  apply_now (d);
  return TRUE;
}

gboolean
lo_edit_delay_is_pending (GtkWidget *field)
{
  EditDelay *d = get_delay (field);

  return d != NULL && d->timeout != 0;
}
