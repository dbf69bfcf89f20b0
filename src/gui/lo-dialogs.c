/* lo-dialogs.c: small dialogs shared by the window and its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-dialogs.h"
#include "lo-limits.h"

typedef struct
{
  GtkWidget  *owner;
  GtkEditable *entry;
  GtkLabel   *problem;   /* what is wrong with the name typed, inline */
  LoNameFunc  done;
  LoNameCheck check;     /* may be NULL */
  gpointer    user_data;
} NameRequest;

static void
name_request_free (gpointer data)
{
  NameRequest *request = data;

  g_clear_object (&request->owner);
  g_free (request);
}

static char *
entered_name (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             NameRequest      *request)
{
  g_autofree char *name = entered_name (request->entry);

  if (g_strcmp0 (response, "ok") == 0 && *name != '\0')
    request->done (request->owner, name, request->user_data);
}

/* SPEC §2c, shown under the entry while typing: a name the store would
 * refuse cannot be confirmed, and what was typed stays for correcting. */
static void
changed_cb (GtkEditable      *entry,
            AdwMessageDialog *dialog)
{
  NameRequest *request = g_object_get_data (G_OBJECT (dialog), "lo-name-request");
  g_autofree char *name = entered_name (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  /* SPEC §2c first (length, control characters); then a name the owner
   * refuses keeps the dialog open with what was typed and says why, instead
   * of failing after it closed. */
  if (!lo_limit_check_name (NULL, _("name"), name, &error))
    problem = g_strdup (error->message);
  else if (*name != '\0' && request->check != NULL)
    problem = request->check (request->owner, name, request->user_data);
  gtk_label_set_text (request->problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (request->problem), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  adw_message_dialog_set_response_enabled (dialog, "ok", *name != '\0' && problem == NULL);
}

static void
activate_cb (GtkEntry         *entry,
             AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "ok"))
    return;
  adw_message_dialog_response (dialog, "ok");
  gtk_window_close (GTK_WINDOW (dialog));
}

void
lo_ask_name (GtkWidget  *owner,
             const char *heading,
             const char *body,
             const char *initial,
             const char *ok_label,
             LoNameFunc  done,
             gpointer    user_data)
{
  lo_ask_name_checked (owner, heading, body, initial, ok_label, NULL, done, user_data);
}

void
lo_ask_name_checked (GtkWidget  *owner,
                     const char *heading,
                     const char *body,
                     const char *initial,
                     const char *ok_label,
                     LoNameCheck check,
                     LoNameFunc  done,
                     gpointer    user_data)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  AdwMessageDialog *dialog;
  GtkWidget *entry, *box, *problem;
  NameRequest *request;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_add_css_class (problem, "caption");
  gtk_widget_set_name (problem, "name-problem");
  gtk_widget_set_visible (problem, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem, NULL, -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");

  request = g_new0 (NameRequest, 1);
  request->owner = g_object_ref (owner);
  request->entry = GTK_EDITABLE (entry);
  request->problem = GTK_LABEL (problem);
  request->done = done;
  request->check = check;
  request->user_data = user_data;
  g_object_set_data_full (G_OBJECT (dialog), "lo-name-request", request, name_request_free);

  /* an old name beyond §2c shows its problem at once */
  changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect (entry, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The toast overlay that shows @widget, or a window's own (its content). */
static AdwToastOverlay *
toast_overlay_for (GtkWidget *widget)
{
  GtkWidget *content = NULL;
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (ancestor != NULL)
    return ADW_TOAST_OVERLAY (ancestor);
  if (ADW_IS_APPLICATION_WINDOW (widget))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget));
  else if (ADW_IS_WINDOW (widget))
    content = adw_window_get_content (ADW_WINDOW (widget));
  return ADW_IS_TOAST_OVERLAY (content) ? ADW_TOAST_OVERLAY (content) : NULL;
}

void
lo_show_error (GtkWidget    *owner,
               const GError *error)
{
  AdwToastOverlay *overlay;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (error != NULL);

  overlay = toast_overlay_for (owner);
  if (overlay != NULL)
    {
      /* The message names what went wrong; a toast keeps the window usable.
       * Its title is markup. */
      g_autofree char *text = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (overlay, toast);
      return;
    }

  root = gtk_widget_get_root (owner);
  if (GTK_IS_WINDOW (root))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Something Went Wrong"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Not in a window: there is nobody to tell. */
  g_warning ("%s", error->message);
}
