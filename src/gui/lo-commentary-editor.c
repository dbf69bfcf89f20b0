/* lo-commentary-editor.c: the consultant's words (<commentary>)
 *
 * A text view per text: the cover note, one per dimension of the bank, the
 * next steps. The whole commentary is saved 800 ms after the last keystroke
 * or when a text loses focus, whichever comes first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "lo-dialogs.h"
#include "lo-commentary-editor.h"

#define SAVE_DELAY_MS 800

struct _LoCommentaryEditor
{
  GtkBox     parent_instance;

  LoStore   *store;
  gint64     client;
  char      *bank_key;     /* the bank's dimension ids the views were made for */
  GPtrArray *views;        /* GtkTextView*, borrowed: cover, dimensions…, next steps */
  GPtrArray *keys;         /* char*: "cover", dimension ids, "next-steps" */
  GtkWidget *rows;         /* the box holding them */
  guint      save_id;
  gboolean   loading;      /* buffers being filled from the store */
};

G_DEFINE_FINAL_TYPE (LoCommentaryEditor, lo_commentary_editor, GTK_TYPE_BOX)

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_now (LoCommentaryEditor *self)
{
  g_autoptr(LoCommentary) c = lo_commentary_new ();
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->store == NULL || self->client == 0)
    return;
  for (guint i = 0; i < self->views->len; i++)
    {
      const char *key = g_ptr_array_index (self->keys, i);
      g_autofree char *text = buffer_text (g_ptr_array_index (self->views, i));

      if (*text == '\0')
        continue;
      if (g_str_equal (key, "cover"))
        c->cover = g_steal_pointer (&text);
      else if (g_str_equal (key, "next-steps"))
        c->next_steps = g_steal_pointer (&text);
      else
        lo_commentary_set_dimension (c, key, text);
    }
  if (!lo_store_set_commentary (self->store, self->client, c, &error))
    lo_show_error (GTK_WIDGET (self), error);
}

static gboolean
save_timeout_cb (gpointer data)
{
  LoCommentaryEditor *self = data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GtkTextBuffer      *buffer,
                   LoCommentaryEditor *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                LoCommentaryEditor      *self)
{
  if (self->save_id != 0)
    save_now (self);
}

static void
add_text (LoCommentaryEditor *self,
          const char         *key,
          const char         *title,
          const char         *subtitle)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (self->rows), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_box_append (GTK_BOX (self->rows), sub);
    }
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (self->rows), frame);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (view, focus);
  g_ptr_array_add (self->views, view);
  g_ptr_array_add (self->keys, g_strdup (key));
}

static char *
bank_key (const LoBank *bank)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; bank != NULL && i < bank->dimensions->len; i++)
    {
      const LoDimension *d = g_ptr_array_index (bank->dimensions, i);
      g_string_append_printf (key, "%s\n%s\n", d->id, lo_bank_text (bank, d->name));
    }
  return g_string_free (key, FALSE);
}

static void
rebuild (LoCommentaryEditor *self,
         const LoBank       *bank)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);
  g_ptr_array_set_size (self->views, 0);
  g_ptr_array_set_size (self->keys, 0);

  add_text (self, "cover", _("Cover note"), _("On the report's summary page."));
  for (guint i = 0; bank != NULL && i < bank->dimensions->len; i++)
    {
      const LoDimension *d = g_ptr_array_index (bank->dimensions, i);
      add_text (self, d->id, lo_bank_text (bank, d->name), NULL);
    }
  add_text (self, "next-steps", _("Next steps"),
            _("The report's last page; without it, a default call to action."));
}

void
lo_commentary_editor_update (LoCommentaryEditor *self,
                             LoStore            *store,
                             gint64              client,
                             const LoEngagement *engagement,
                             const LoBank       *bank)
{
  g_autofree char *key = bank_key (bank);
  const LoCommentary *c = engagement ? engagement->commentary : NULL;

  g_return_if_fail (LO_IS_COMMENTARY_EDITOR (self));

  /* what was typed for the previous client is kept before switching */
  if (self->save_id != 0 && (client != self->client || store != self->store))
    save_now (self);
  g_set_object (&self->store, store);
  if (client != self->client || g_strcmp0 (key, self->bank_key) != 0)
    {
      rebuild (self, bank);
      g_free (self->bank_key);
      self->bank_key = g_steal_pointer (&key);
    }
  self->client = client;

  self->loading = TRUE;
  for (guint i = 0; i < self->views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (self->views, i);
      const char *k = g_ptr_array_index (self->keys, i);
      const char *text = g_str_equal (k, "cover") ? (c ? c->cover : NULL)
                         : g_str_equal (k, "next-steps") ? (c ? c->next_steps : NULL)
                         : lo_commentary_get_dimension (c, k);
      g_autofree char *now = buffer_text (view);

      /* a text being edited stays as typed */
      if (gtk_widget_has_focus (GTK_WIDGET (view)) || self->save_id != 0)
        continue;
      if (g_strcmp0 (now, text ? text : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
    }
  self->loading = FALSE;
}

static void
lo_commentary_editor_dispose (GObject *object)
{
  LoCommentaryEditor *self = LO_COMMENTARY_EDITOR (object);

  if (self->save_id != 0)
    save_now (self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lo_commentary_editor_parent_class)->dispose (object);
}

static void
lo_commentary_editor_finalize (GObject *object)
{
  LoCommentaryEditor *self = LO_COMMENTARY_EDITOR (object);

  g_ptr_array_unref (self->views);
  g_ptr_array_unref (self->keys);
  g_free (self->bank_key);
  G_OBJECT_CLASS (lo_commentary_editor_parent_class)->finalize (object);
}

static void
lo_commentary_editor_class_init (LoCommentaryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lo_commentary_editor_dispose;
  object_class->finalize = lo_commentary_editor_finalize;
}

static void
lo_commentary_editor_init (LoCommentaryEditor *self)
{
  GtkWidget *title = gtk_label_new (_("Commentary"));
  GtkWidget *description = gtk_label_new (_("Your words for the report: a cover note, a comment "
                                            "on each dimension and the next steps. Saved as you type."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (self), title);
  gtk_box_append (GTK_BOX (self), description);
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self), self->rows);
  self->views = g_ptr_array_new ();
  self->keys = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
lo_commentary_editor_new (void)
{
  return g_object_new (LO_TYPE_COMMENTARY_EDITOR, NULL);
}
