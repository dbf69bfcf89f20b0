/* lo-sidebar.c: the clients and their dated assessments, with search
 *
 * The clients come from the store's summary query (lo_store_list_clients:
 * name, industry, number of assessments, latest date); no engagement is
 * loaded to list them. The dated assessments are listed under the client
 * shown, from the engagement its LoClientSession already holds.
 *
 * The store's ::changed are gathered and applied once, from an idle before
 * the next frame: an import or a burst of answers reads the list once, and
 * rebuilds it only when a client's summary differs from its row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-sidebar.h"
#include "lo-client-session.h"

struct _LoSidebar
{
  AdwBin parent_instance;

  LoStore   *store;
  LoClientSession *session;  /* the client shown, whose assessments are listed */
  gint64     selected_client;
  char      *selected_assessment;
  gboolean   selecting;   /* rows selected from code do not emit ::activated */
  guint      changes_id;  /* idle that applies the store's changes */

  GtkSearchEntry *search_entry;
  GtkStack       *list_stack;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (LoSidebar, lo_sidebar, ADW_TYPE_BIN)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_CLIENT     "lo-client"
#define ROW_ASSESSMENT "lo-assessment"
#define ROW_INFO       "lo-client-info"    /* LoClientInfo the client row shows */
#define ROW_DATE       "lo-date"           /* the date an assessment row shows */
#define ROW_PEOPLE     "lo-respondents"    /* and its number of respondents */

static gint64
row_client (GtkListBoxRow *row)
{
  gint64 *client = g_object_get_data (G_OBJECT (row), ROW_CLIENT);

  return client != NULL ? *client : 0;
}

static const char *
row_assessment (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_ASSESSMENT);
}

static LoClientInfo *
client_info_copy (const LoClientInfo *info)
{
  LoClientInfo *copy = g_new0 (LoClientInfo, 1);

  copy->id = info->id;
  copy->name = g_strdup (info->name);
  copy->industry = g_strdup (info->industry);
  copy->modified = info->modified;
  copy->n_assessments = info->n_assessments;
  copy->latest_date = g_strdup (info->latest_date);
  return copy;
}

/* Whether a client row shows @info as it is (the modification time aside). */
static gboolean
client_row_shows (GtkListBoxRow      *row,
                  const LoClientInfo *info)
{
  const LoClientInfo *shown = g_object_get_data (G_OBJECT (row), ROW_INFO);

  return shown != NULL && shown->id == info->id
         && g_strcmp0 (shown->name, info->name) == 0
         && g_strcmp0 (shown->industry, info->industry) == 0
         && shown->n_assessments == info->n_assessments
         && g_strcmp0 (shown->latest_date, info->latest_date) == 0;
}

static GtkWidget *
client_row_new (const LoClientInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (info->name);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  gint64 *client = g_new (gint64, 1);

  *client = info->id;
  g_object_set_data_full (G_OBJECT (row), ROW_CLIENT, client, g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_INFO, client_info_copy (info),
                          (GDestroyNotify) lo_client_info_free);

  if (info->industry != NULL && *info->industry != '\0')
    subtitle = g_strdup (info->industry);
  else if (info->n_assessments == 0)
    subtitle = g_strdup (_("No assessment yet"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assessment", "%u assessments",
                                             info->n_assessments),
                                info->n_assessments);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  label = subtitle ? g_strdup_printf ("%s, %s", info->name, subtitle) : g_strdup (info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (row, "client-row");
  return row;
}

static GtkWidget *
assessment_row_new (gint64              client_id,
                    const char         *client_name,
                    const LoAssessment *assessment)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
  g_autofree char *date = lo_format_date (assessment->date);
  g_autofree char *people = NULL;
  g_autofree char *label = NULL;
  GtkWidget *title, *count;
  gint64 *client = g_new (gint64, 1);
  guint n = assessment->respondents->len;

  *client = client_id;
  g_object_set_data_full (G_OBJECT (row), ROW_CLIENT, client, g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_ASSESSMENT, g_strdup (assessment->id), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_DATE, g_strdup (assessment->date), g_free);
  g_object_set_data (G_OBJECT (row), ROW_PEOPLE, GUINT_TO_POINTER (n));

  title = gtk_label_new (date ? date : assessment->date);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  people = g_strdup_printf ("%u", n);
  count = gtk_label_new (people);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_set_tooltip_text (count, _("Respondents"));
  gtk_widget_set_margin_start (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: an assessment in the list: client, date, number of respondents */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, assessment of %s, %u respondent",
                                        "%s, assessment of %s, %u respondents", n),
                           client_name, date ? date : assessment->date, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static void
select_current (LoSidebar *self)
{
  GtkListBoxRow *match = NULL;

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (row_client (row) != self->selected_client)
        continue;
      if (self->selected_assessment == NULL
          ? row_assessment (row) == NULL
          : g_strcmp0 (row_assessment (row), self->selected_assessment) == 0)
        {
          match = row;
          break;
        }
    }
  self->selecting = TRUE;
  if (match != NULL)
    gtk_list_box_select_row (self->list, match);
  else
    gtk_list_box_unselect_all (self->list);
  self->selecting = FALSE;
}

/* Whether @rows (assessment rows) show @assessments, in that order. */
static gboolean
assessment_rows_show (GPtrArray *rows,
                      GPtrArray *assessments)
{
  if (rows->len != assessments->len)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      const LoAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (g_object_get_data (row, ROW_ASSESSMENT), a->id) != 0
          || g_strcmp0 (g_object_get_data (row, ROW_DATE), a->date) != 0
          || GPOINTER_TO_UINT (g_object_get_data (row, ROW_PEOPLE)) != a->respondents->len)
        return FALSE;
    }
  return TRUE;
}

/* Lists the dated assessments of the client shown under its row, newest
 * first, as people look for the latest one; the rows of other clients go.
 * Rows that show the same as before stay, with their focus. */
static void
sync_assessment_rows (LoSidebar *self)
{
  LoEngagement *engagement = self->session ? lo_client_session_get_engagement (self->session) : NULL;
  gint64 client = engagement ? lo_client_session_get_client_id (self->session) : 0;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GtkListBoxRow *row;
  int at = -1;

  if (engagement != NULL)
    for (LoAssessment *a = lo_engagement_latest_assessment (engagement); a != NULL;
         a = lo_engagement_previous_assessment (engagement, a))
      g_ptr_array_add (wanted, a);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      if (row_assessment (row) == NULL)
        continue;
      g_ptr_array_add (row_client (row) == client ? rows : others, row);
    }
  if (others->len == 0 && assessment_rows_show (rows, wanted))
    return;

  self->selecting = TRUE;
  g_ptr_array_extend_and_steal (others, g_steal_pointer (&rows));
  for (guint i = 0; i < others->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (others, i));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (row_client (row) == client)
      at = i;
  for (guint i = 0; at >= 0 && i < wanted->len; i++)
    gtk_list_box_insert (self->list,
                         assessment_row_new (client, engagement->client_name,
                                             g_ptr_array_index (wanted, i)),
                         at + 1 + (int) i);
  self->selecting = FALSE;
  select_current (self);
}

void
lo_sidebar_reload (LoSidebar *self)
{
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  const char *search;
  GtkWidget *child;

  g_return_if_fail (LO_IS_SIDEBAR (self));

  g_clear_handle_id (&self->changes_id, g_source_remove);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->selecting = FALSE;

  if (self->store == NULL)
    return;
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  clients = lo_store_list_clients (self->store, *search != '\0' ? search : NULL, &error);
  if (clients == NULL)
    {
      g_warning ("listing the clients: %s", error->message);
      return;
    }

  for (guint i = 0; i < clients->len; i++)
    gtk_list_box_append (self->list, client_row_new (g_ptr_array_index (clients, i)));
  gtk_stack_set_visible_child_name (self->list_stack,
                                    clients->len == 0 && *search != '\0' ? "no-results" : "list");
  sync_assessment_rows (self);
  select_current (self);
}

/* Whether the client rows show @clients as they are now. */
static gboolean
client_rows_show (LoSidebar *self,
                  GPtrArray *clients)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      if (row_assessment (row) != NULL)
        continue;
      if (n >= clients->len || !client_row_shows (row, g_ptr_array_index (clients, n)))
        return FALSE;
      n++;
    }
  return n == clients->len;
}

/* Answers do not change the list; clients, their names and their
 * assessments do. */
static gboolean
apply_changes_cb (gpointer data)
{
  LoSidebar *self = data;
  g_autoptr(GPtrArray) clients = NULL;
  const char *search;

  self->changes_id = 0;
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  clients = lo_store_list_clients (self->store, *search != '\0' ? search : NULL, NULL);
  if (clients == NULL || !client_rows_show (self, clients))
    lo_sidebar_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (LoStore       *store,
                  gint64         client,
                  LoStoreChange  what,
                  LoSidebar     *self)
{
  if (what != LO_STORE_CHANGE_CLIENTS && what != LO_STORE_CHANGE_ASSESSMENT)
    return;
  /* Before the frame is laid out (GDK_PRIORITY_REDRAW is lower). */
  if (self->changes_id == 0)
    self->changes_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_changes_cb, self, NULL);
}

static void
engagement_changed_cb (LoClientSession *session,
                       GParamSpec      *pspec,
                       LoSidebar       *self)
{
  sync_assessment_rows (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   LoSidebar      *self)
{
  lo_sidebar_reload (self);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                LoSidebar      *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  LoSidebar     *self)
{
  g_free (self->selected_assessment);
  self->selected_client = row_client (row);
  self->selected_assessment = g_strdup (row_assessment (row));
  g_signal_emit (self, signals[ACTIVATED], 0, self->selected_client, self->selected_assessment);
}

static void
row_selected_cb (GtkListBox    *list,
                 GtkListBoxRow *row,
                 LoSidebar     *self)
{
  if (self->selecting || row == NULL)
    return;
  if (row_client (row) == self->selected_client
      && g_strcmp0 (row_assessment (row), self->selected_assessment) == 0)
    return;
  row_activated_cb (list, row, self);
}

static void
lo_sidebar_dispose (GObject *object)
{
  LoSidebar *self = LO_SIDEBAR (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, engagement_changed_cb, self);
  g_clear_handle_id (&self->changes_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_SIDEBAR);
  G_OBJECT_CLASS (lo_sidebar_parent_class)->dispose (object);
}

static void
lo_sidebar_finalize (GObject *object)
{
  LoSidebar *self = LO_SIDEBAR (object);

  g_clear_pointer (&self->selected_assessment, g_free);
  G_OBJECT_CLASS (lo_sidebar_parent_class)->finalize (object);
}

static void
lo_sidebar_class_init (LoSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_sidebar_dispose;
  object_class->finalize = lo_sidebar_finalize;

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, LoSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LoSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LoSidebar, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
lo_sidebar_init (LoSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lo_sidebar_set_session (LoSidebar       *self,
                        LoClientSession *session)
{
  g_return_if_fail (LO_IS_SIDEBAR (self));
  g_return_if_fail (session == NULL || LO_IS_CLIENT_SESSION (session));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, engagement_changed_cb, self);
  g_set_object (&self->session, session);
  g_set_object (&self->store, (session ? lo_client_session_get_store (session) : NULL));
  if (self->store != NULL)
    g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  if (self->session != NULL)
    g_signal_connect (self->session, "notify::engagement", G_CALLBACK (engagement_changed_cb), self);
  lo_sidebar_reload (self);
}

void
lo_sidebar_select (LoSidebar  *self,
                   gint64      client,
                   const char *assessment)
{
  g_return_if_fail (LO_IS_SIDEBAR (self));

  self->selected_client = client;
  g_free (self->selected_assessment);
  self->selected_assessment = g_strdup (assessment);
  select_current (self);
}

void
lo_sidebar_focus_search (LoSidebar *self)
{
  g_return_if_fail (LO_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
