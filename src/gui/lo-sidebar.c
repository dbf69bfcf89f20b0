/* lo-sidebar.c: the clients and their dated assessments, with search
 *
 * A GtkListView shows a GListModel of items: the clients from the store's
 * summary query (lo_store_list_clients: name, industry, number of
 * assessments, latest date), and under the client shown its dated
 * assessments, from the engagement its LoClientSession already holds. No
 * engagement is loaded to list the clients, and only the rows on screen
 * have widgets (made when a row is bound to an item), so a practice of a
 * thousand clients starts as fast as one of ten.
 *
 * The store's ::changed are gathered and applied once, from an idle before
 * the next frame: an import or a burst of answers reads the list once. The
 * model is then spliced where the items differ only, so rows that show the
 * same keep their widgets (and focus).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-sidebar.h"
#include "lo-dialogs.h"
#include "lo-client-session.h"

struct _LoSidebar
{
  AdwBin parent_instance;

  LoStore   *store;
  LoClientSession *session;  /* the client shown, whose assessments are listed */
  GListStore *items;         /* LoSidebarItem */
  gint64     selected_client;
  char      *selected_assessment;
  gboolean   selecting;   /* rows selected from code do not emit ::activated */
  guint      changes_id;  /* idle that applies the store's changes */
  guint      rest_tick;   /* tick that lists the clients after the first screenful */
  guint      ticks;       /* its ticks so far */
  gboolean   filled;      /* listed whole at least once */

  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list;
  GtkSingleSelection *selection;   /* of items */
};

G_DEFINE_FINAL_TYPE (LoSidebar, lo_sidebar, ADW_TYPE_BIN)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* An item of the list: a client (its summary), or an assessment of the
 * client shown. */
struct _LoSidebarItem
{
  GObject       parent_instance;
  LoClientInfo *info;        /* the client's summary; for an assessment, its client's */
  char         *assessment;  /* NULL for a client */
  char         *date;
  guint         respondents;
};

G_DEFINE_FINAL_TYPE (LoSidebarItem, lo_sidebar_item, G_TYPE_OBJECT)

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

static void
lo_sidebar_item_finalize (GObject *object)
{
  LoSidebarItem *item = LO_SIDEBAR_ITEM (object);

  g_clear_pointer (&item->info, lo_client_info_free);
  g_clear_pointer (&item->assessment, g_free);
  g_clear_pointer (&item->date, g_free);
  G_OBJECT_CLASS (lo_sidebar_item_parent_class)->finalize (object);
}

static void
lo_sidebar_item_class_init (LoSidebarItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lo_sidebar_item_finalize;
}

static void
lo_sidebar_item_init (LoSidebarItem *item)
{
}

static LoSidebarItem *
item_new (const LoClientInfo *info,
          const LoAssessment *assessment)
{
  LoSidebarItem *item = g_object_new (LO_TYPE_SIDEBAR_ITEM, NULL);

  item->info = client_info_copy (info);
  if (assessment != NULL)
    {
      item->assessment = g_strdup (assessment->id);
      item->date = g_strdup (assessment->date);
      item->respondents = assessment->respondents->len;
    }
  return item;
}

/* Whether @a's row shows what @b's would (a client's modification time aside). */
static gboolean
item_same (const LoSidebarItem *a,
           const LoSidebarItem *b)
{
  return a->info->id == b->info->id
         && g_strcmp0 (a->info->name, b->info->name) == 0
         && g_strcmp0 (a->assessment, b->assessment) == 0
         && (a->assessment != NULL
             ? g_strcmp0 (a->date, b->date) == 0 && a->respondents == b->respondents
             : g_strcmp0 (a->info->industry, b->info->industry) == 0
               && a->info->n_assessments == b->info->n_assessments
               && g_strcmp0 (a->info->latest_date, b->info->latest_date) == 0);
}

/* A client's row: its name, and its industry or how many assessments. */
static GtkWidget *
client_row_new (const LoClientInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (info->name);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

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
  label = subtitle ? g_strdup_printf ("%s, %s", info->name, subtitle) : g_strdup (info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (box, "client-row");
  return box;
}

/* An assessment's row: its date and how many respondents. */
static GtkWidget *
assessment_row_new (const LoSidebarItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
  g_autofree char *date = lo_format_date (item->date);
  g_autofree char *people = NULL;
  g_autofree char *label = NULL;
  GtkWidget *title, *count;
  guint n = item->respondents;

  title = gtk_label_new (date ? date : item->date);
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

  /* Translators: an assessment in the list: client, date, number of respondents */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, assessment of %s, %u respondent",
                                        "%s, assessment of %s, %u respondents", n),
                           item->info->name, date ? date : item->date, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return box;
}

/* Rows get widgets only while they are on screen: made when bound, dropped
 * when unbound. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  LoSidebarItem *item = gtk_list_item_get_item (list_item);

  gtk_list_item_set_child (list_item, item->assessment != NULL
                                      ? assessment_row_new (item)
                                      : client_row_new (item->info));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, NULL);
}

/* Whether @item is the row of the client and assessment selected. */
static gboolean
item_is_current (LoSidebar           *self,
                 const LoSidebarItem *item)
{
  return item->info->id == self->selected_client
         && g_strcmp0 (item->assessment, self->selected_assessment) == 0;
}

static void
select_current (LoSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (model);
  guint match = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && match == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(LoSidebarItem) item = g_list_model_get_item (model, i);

      if (item_is_current (self, item))
        match = i;
    }
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, match);
  self->selecting = FALSE;
}

/* The items for @clients (LoClientInfo*): each client, and under the one the
 * session shows its assessments, newest first, as people look for the latest
 * one. (transfer full) */
static GPtrArray *
items_for (LoSidebar *self,
           GPtrArray *clients)
{
  LoEngagement *engagement = self->session ? lo_client_session_get_engagement (self->session) : NULL;
  gint64 shown = engagement ? lo_client_session_get_client_id (self->session) : 0;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < clients->len; i++)
    {
      const LoClientInfo *info = g_ptr_array_index (clients, i);

      g_ptr_array_add (items, item_new (info, NULL));
      if (info->id != shown)
        continue;
      for (LoAssessment *a = lo_engagement_latest_assessment (engagement); a != NULL;
           a = lo_engagement_previous_assessment (engagement, a))
        g_ptr_array_add (items, item_new (info, a));
    }
  return items;
}

/* Makes the model hold @items, splicing only where they differ: rows that
 * show the same keep their widgets. */
static void
update_items (LoSidebar *self,
              GPtrArray *items)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (model);
  guint start = 0, end = n, wanted_end = items->len;

  while (start < n && start < items->len)
    {
      g_autoptr(LoSidebarItem) old = g_list_model_get_item (model, start);

      if (!item_same (old, g_ptr_array_index (items, start)))
        break;
      start++;
    }
  while (end > start && wanted_end > start)
    {
      g_autoptr(LoSidebarItem) old = g_list_model_get_item (model, end - 1);

      if (!item_same (old, g_ptr_array_index (items, wanted_end - 1)))
        break;
      end--;
      wanted_end--;
    }
  if (start == end && start == wanted_end)
    return;
  self->selecting = TRUE;
  g_list_store_splice (self->items, start, end - start, items->pdata + start, wanted_end - start);
  self->selecting = FALSE;
  select_current (self);
}

/* The session shows another client, or its assessments changed: the clients
 * as listed, with the assessments of the one shown now. */
static void
sync_assessment_rows (LoSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) clients = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      LoSidebarItem *item = g_list_model_get_item (model, i);

      g_ptr_array_add (shown, item);
      if (item->assessment == NULL)
        g_ptr_array_add (clients, item->info);
    }
  items = items_for (self, clients);
  update_items (self, items);
}

/* Clients listed before the window's first frame: a screenful and more;
 * the others come in the frame after (lists of a thousand clients would
 * otherwise make 200 rows' widgets before the window first shows). */
#define FIRST_ROWS 60

static gboolean
rest_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  LoSidebar *self = LO_SIDEBAR (widget);

  /* the first tick is the first frame's; list the rest in the next one */
  if (++self->ticks < 2)
    return G_SOURCE_CONTINUE;
  self->rest_tick = 0;
  lo_sidebar_reload (self);
  return G_SOURCE_REMOVE;
}

void
lo_sidebar_reload (LoSidebar *self)
{
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *search;

  g_return_if_fail (LO_IS_SIDEBAR (self));

  g_clear_handle_id (&self->changes_id, g_source_remove);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->items);
      return;
    }
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  clients = lo_store_list_clients (self->store, *search != '\0' ? search : NULL, &error);
  if (clients == NULL)
    {
      g_prefix_error (&error, _("Could not list the clients: "));
      lo_show_error (GTK_WIDGET (self), error);
      return;
    }
  items = items_for (self, clients);
  if (!self->filled && items->len > FIRST_ROWS && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_ptr_array_set_size (items, FIRST_ROWS);
      if (self->rest_tick == 0)
        self->rest_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), rest_tick_cb, NULL, NULL);
    }
  else
    {
      self->filled = TRUE;
      if (self->rest_tick != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rest_tick);
      self->rest_tick = 0;
    }
  update_items (self, items);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    clients->len == 0 && *search != '\0' ? "no-results" : "list");
  select_current (self);
}

/* Answers change no row; clients, their names and their assessments do,
 * and only those rows are made again. */
static gboolean
apply_changes_cb (gpointer data)
{
  LoSidebar *self = data;

  self->changes_id = 0;
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
activate_item (LoSidebar     *self,
               LoSidebarItem *item)
{
  g_free (self->selected_assessment);
  self->selected_client = item->info->id;
  self->selected_assessment = g_strdup (item->assessment);
  g_signal_emit (self, signals[ACTIVATED], 0, self->selected_client, self->selected_assessment);
}

static void
row_activated_cb (GtkListView *list,
                  guint        position,
                  LoSidebar   *self)
{
  g_autoptr(LoSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    activate_item (self, item);
}

static void
row_selected_cb (GtkSingleSelection *selection,
                 GParamSpec         *pspec,
                 LoSidebar          *self)
{
  LoSidebarItem *item = gtk_single_selection_get_selected_item (selection);

  if (self->selecting || item == NULL || item_is_current (self, item))
    return;
  activate_item (self, item);
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
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
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
}

static void
lo_sidebar_init (LoSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (LO_TYPE_SIDEBAR_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
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

GListModel *
lo_sidebar_get_items (LoSidebar *self)
{
  g_return_val_if_fail (LO_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->items);
}

gint64
lo_sidebar_item_get_client (LoSidebarItem *item)
{
  g_return_val_if_fail (LO_IS_SIDEBAR_ITEM (item), 0);

  return item->info->id;
}

const char *
lo_sidebar_item_get_assessment (LoSidebarItem *item)
{
  g_return_val_if_fail (LO_IS_SIDEBAR_ITEM (item), NULL);

  return item->assessment;
}

guint
lo_sidebar_item_get_respondents (LoSidebarItem *item)
{
  g_return_val_if_fail (LO_IS_SIDEBAR_ITEM (item), 0);

  return item->respondents;
}
