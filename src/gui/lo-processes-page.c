/* lo-processes-page.c: the client's candidate processes and their portfolio
 *
 * A list of the processes (the portfolio overview first) beside the editor of
 * the selected one. Adding, duplicating and deleting write the store; the
 * store's ::changed makes the window reload and hand the new engagement back
 * through lo_processes_page_set_data(), which is the only place the list is
 * built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-chart-view.h"
#include "lo-figure-card.h"
#include "lo-session-page.h"
#include "lo-rows.h"
#include "lo-processes-page.h"
#include "lo-application.h"

struct _LoProcessesPage
{
  LoSessionPage parent_instance;

  LoStore      *store;
  gint64        client;
  LoEngagement *engagement;
  LoAnalysis   *analysis;   /* the session's, for the portfolio */
  LoPortfolio  *portfolio;
  char         *selected;      /* process id; NULL: the overview */
  char         *list_key;      /* ids and names the list was built from */
  GPtrArray    *sequence_rows;
  GPtrArray    *total_cards;   /* LoFigureCard* */
  LoChartView  *matrix;
  gboolean      selecting;
  guint         portfolio_idle;
  gboolean      overview_dirty; /* the portfolio changed while the editor was shown */
  GHashTable   *deleted;       /* token → Deleted* */
  guint         next_token;

  AdwToastOverlay     *toast_overlay;
  LoProcessEditor     *editor;        /* built when first needed */

  /* template */
  AdwLeaflet          *leaflet;
  GtkListBox          *process_list;
  GtkStack            *content_stack;
  GtkLabel            *totals_label;
  GtkFlowBox          *totals_box;
  GtkBox              *matrix_card;
  AdwPreferencesGroup *sequence_group;
  AdwBin              *editor_slot;
  GMenu               *templates_section;
};

G_DEFINE_FINAL_TYPE (LoProcessesPage, lo_processes_page, LO_TYPE_SESSION_PAGE)

typedef struct
{
  gint64     client;
  LoProcess *process;
  GStrv      order;
} Deleted;

static void
deleted_free (Deleted *d)
{
  lo_process_unref (d->process);
  g_strfreev (d->order);
  g_free (d);
}

static double
default_hourly_cost (void)
{
  GSettings *settings = lo_application_get_settings (NULL);

  /* without settings, the schema's default */
  return settings != NULL ? g_settings_get_double (settings, "default-hourly-cost") : 45;
}

static void
show_error (LoProcessesPage *self,
            const GError    *error)
{
  g_autofree char *text = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The list */

static GtkWidget *
make_row (const char *id,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_set_tooltip_text (label, title);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "caption");
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "lo-process", g_strdup (id), g_free);
  if (id != NULL)
    gtk_widget_set_name (row, id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static const LoProcessRoi *
lookup_roi (LoProcessesPage *self,
            const char      *id)
{
  if (self->portfolio == NULL)
    return NULL;
  for (guint i = 0; i < self->portfolio->processes->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (self->portfolio->processes, i);

      if (g_strcmp0 (roi->process->id, id) == 0)
        return roi;
    }
  return NULL;
}

static void
rebuild_list (LoProcessesPage *self)
{
  GString *key = g_string_new (NULL);
  GtkWidget *child;

  if (self->engagement != NULL)
    for (guint i = 0; i < self->engagement->processes->len; i++)
      {
        const LoProcess *p = g_ptr_array_index (self->engagement->processes, i);
        g_string_append_printf (key, "%s\n%s\n", p->id, p->name);
      }
  if (g_strcmp0 (key->str, self->list_key) == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->list_key);
  self->list_key = g_string_free (key, FALSE);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->process_list))) != NULL)
    gtk_list_box_remove (self->process_list, child);
  gtk_list_box_append (self->process_list, make_row (NULL, _("Portfolio overview"), NULL));
  if (self->engagement != NULL)
    for (guint i = 0; i < self->engagement->processes->len; i++)
      {
        const LoProcess *p = g_ptr_array_index (self->engagement->processes, i);

        gtk_list_box_append (self->process_list, make_row (p->id, p->name, " "));
      }
  self->selecting = FALSE;
}

/* The NPV under each name, from the portfolio. */
static void
update_subtitles (LoProcessesPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->process_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "lo-process");
      const LoProcessRoi *roi = id ? lookup_roi (self, id) : NULL;
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *sub = box ? gtk_widget_get_last_child (box) : NULL;
      g_autofree char *text = NULL;

      if (id == NULL || sub == NULL || sub == gtk_widget_get_first_child (box))
        continue;
      if (roi != NULL)
        {
          g_autofree char *npv = lo_format_money_short (roi->expected.npv, self->portfolio->settings.currency);

          /* Translators: a process's net present value in the list */
          text = g_strdup_printf (_("NPV %s"), npv);
        }
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (sub)), text ? text : " ") != 0)
        gtk_label_set_text (GTK_LABEL (sub), text ? text : " ");
    }
}

static void
select_row (LoProcessesPage *self)
{
  GtkWidget *row;

  self->selecting = TRUE;
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->process_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "lo-process"), self->selected) == 0)
      {
        gtk_list_box_select_row (self->process_list, GTK_LIST_BOX_ROW (row));
        break;
      }
  self->selecting = FALSE;
}

static void
update_actions (LoProcessesPage *self)
{
  gboolean can_edit = self->store != NULL && self->client != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "processes.add", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "processes.duplicate", can_edit && self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "processes.delete", can_edit && self->selected != NULL);
}

static void update_overview (LoProcessesPage *self);

/* The editor is the page's largest part: it is built the first time a
 * process is opened, not with the window. */
static LoProcessEditor *
ensure_editor (LoProcessesPage *self)
{
  if (self->editor == NULL)
    {
      self->editor = LO_PROCESS_EDITOR (lo_process_editor_new ());
      adw_bin_set_child (self->editor_slot, GTK_WIDGET (self->editor));
    }
  return self->editor;
}

static void
show_selected (LoProcessesPage *self)
{
  const LoProcess *process = NULL;

  if (self->selected != NULL && self->engagement != NULL)
    process = lo_engagement_lookup_process (self->engagement, self->selected);
  if (process == NULL)
    g_clear_pointer (&self->selected, g_free);

  if (process != NULL)
    {
      lo_process_editor_set_process (ensure_editor (self), self->store, self->client,
                                     &self->engagement->settings, process);
      gtk_stack_set_visible_child_name (self->content_stack, "editor");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, "portfolio");
      if (self->overview_dirty)
        update_overview (self);
    }
  select_row (self);
  update_actions (self);
}

static void
row_selected_cb (GtkListBox      *list,
                 GtkListBoxRow   *row,
                 LoProcessesPage *self)
{
  if (self->selecting || row == NULL)
    return;
  g_free (self->selected);
  self->selected = g_strdup (g_object_get_data (G_OBJECT (row), "lo-process"));
  show_selected (self);
}

/* Narrow windows: the leaflet folds and shows the list or the content. */
static void
show_content (LoProcessesPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  LoProcessesPage *self)
{
  show_content (self);
}

static void
back_clicked_cb (GtkButton       *button,
                 LoProcessesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The overview */

/* The portfolio chart states its own finding (render's chart table). */
static void
show_matrix (LoProcessesPage *self)
{
  LoChartData data;

  lo_chart_data_init (&data);
  data.portfolio = self->portfolio;
  lo_chart_view_set_currency (self->matrix, self->portfolio ? self->portfolio->settings.currency : NULL);
  lo_chart_view_set_data (self->matrix, &data);
}

static void
update_overview (LoProcessesPage *self)
{
  const LoPortfolio *pf = self->portfolio;
  const LoProgramme *programme;
  const char *cur;
  char *values[8];

  self->overview_dirty = FALSE;
  for (guint i = 0; i < self->sequence_rows->len; i++)
    adw_preferences_group_remove (self->sequence_group, g_ptr_array_index (self->sequence_rows, i));
  g_ptr_array_set_size (self->sequence_rows, 0);

  if (pf == NULL || pf->processes->len == 0)
    {
      gtk_label_set_text (self->totals_label,
                          _("No candidate processes yet. Add one from a template of the common "
                            "small-business processes, or a blank one, with the Add Process button."));
      gtk_widget_set_visible (GTK_WIDGET (self->totals_box), FALSE);
      show_matrix (self);
      return;
    }

  cur = pf->settings.currency;
  programme = self->analysis ? lo_analysis_get_programme (self->analysis) : NULL;
  /* the programme's (SPEC §2b) beside the sum of each process on its own */
  values[0] = programme ? lo_format_money (programme->npv, cur, 0) : g_strdup (_("none"));
  values[1] = programme ? lo_format_number (programme->hours_saved_week, 1) : g_strdup (_("none"));
  values[2] = programme ? lo_format_money (programme->annual_savings, cur, 0) : g_strdup (_("none"));
  values[3] = programme ? lo_format_money (programme->investment, cur, 0) : g_strdup (_("none"));
  values[4] = lo_format_money (pf->npv, cur, 0);
  values[5] = lo_format_number (pf->hours_saved_week, 1);
  values[6] = lo_format_money (pf->annual_savings, cur, 0);
  values[7] = lo_format_number (pf->fte, 2);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    lo_figure_card_take_value (g_ptr_array_index (self->total_cards, i), values[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_box), TRUE);
  {
    g_autofree char *npv = lo_format_money (pf->npv, cur, 0);
    g_autofree char *text = NULL;

    /* Translators: the portfolio's totals in words */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u candidate process, worth %s in net present value over %d months.",
                                         "%u candidate processes, worth %s in net present value over %d months.",
                                         pf->processes->len),
                            pf->processes->len, npv, pf->settings.horizon_months);
    if (programme != NULL)
      {
        g_autofree char *pnpv = lo_format_money (programme->npv, cur, 0);
        g_autofree char *both = NULL;

        /* Translators: the programme's NPV, then the sum of each process's own */
        both = g_strdup_printf (_("Built on the roadmap's schedule, the programme is worth %s; "
                                  "each process on its own, as if built today, adds up to %s."),
                                pnpv, npv);
        g_free (text);
        text = g_steal_pointer (&both);
      }
    gtk_label_set_text (self->totals_label, text);
  }

  if (pf->custom_order)
    {
      adw_preferences_group_set_title (self->sequence_group, _("Build Order"));
      adw_preferences_group_set_description (self->sequence_group,
                                             _("The order set for this client on the Roadmap page, "
                                               "where it can be changed or reset to the suggested sequence."));
    }
  else
    {
      adw_preferences_group_set_title (self->sequence_group, _("Suggested Sequence"));
      adw_preferences_group_set_description (self->sequence_group,
                                             _("Most ready first, then the highest net present value. "
                                               "Change the order on the Roadmap page."));
    }
  for (guint i = 0; i < pf->sequence->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (pf->sequence, i);
      GtkWidget *row = lo_action_row_new ();
      g_autofree char *title = g_markup_escape_text (roi->process->name, -1);
      g_autofree char *readiness = lo_format_number (roi->readiness, 1);
      g_autofree char *npv = lo_format_money (roi->expected.npv, cur, 0);
      g_autofree char *hours = lo_format_number (roi->expected.hours_saved_week, 1);
      g_autofree char *subtitle = NULL;
      g_autofree char *prefix = g_strdup_printf ("%u", i + 1);
      GtkWidget *number = gtk_label_new (prefix);

      /* Translators: a process in the sequence: readiness, NPV, hours saved */
      subtitle = g_strdup_printf (_("Readiness %s · NPV %s · %s hours a week"), readiness, npv, hours);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (number, "title-4");
      gtk_widget_add_css_class (number, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);
      adw_preferences_group_add (self->sequence_group, row);
      g_ptr_array_add (self->sequence_rows, row);
    }

  show_matrix (self);
}

static void
build_totals (LoProcessesPage *self)
{
  /* the programme's figures first, then the sum of each process on its own */
  const char *captions[] = { N_("Programme net present value"), N_("Programme hours saved per week"),
                             N_("Programme annual savings"), N_("Programme investment"),
                             N_("Net present value, each on its own"),
                             N_("Hours saved per week, each on its own"),
                             N_("Annual savings, each on its own"),
                             N_("Full-time equivalents, each on its own") };
  const char *names[] = { "portfolio-programme-npv", "portfolio-programme-hours",
                          "portfolio-programme-savings", "portfolio-programme-investment",
                          "total-npv", "total-hours", "total-savings", "total-fte" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (self->total_cards, lo_figure_card_append_to (self->totals_box, names[i], _(captions[i])));
}

/* Actions */

static GStrv
current_order (LoProcessesPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->engagement != NULL && i < self->engagement->processes->len; i++)
    g_strv_builder_add (builder, ((LoProcess *) g_ptr_array_index (self->engagement->processes, i))->id);
  return g_strv_builder_end (builder);
}

static void
put_and_select (LoProcessesPage *self,
                LoProcess       *process)
{
  g_autoptr(GError) error = NULL;

  /* Select first, so that the reload the store triggers shows it. */
  g_free (self->selected);
  self->selected = g_strdup (process->id);
  if (!lo_store_put_process (self->store, self->client, process, &error))
    {
      show_error (self, error);
      g_clear_pointer (&self->selected, g_free);
    }
  show_selected (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LoProcessesPage *self = LO_PROCESSES_PAGE (widget);
  g_autoptr(LoProcess) process = NULL;

  if (self->store == NULL || self->client == 0)
    return;
  process = lo_process_new_from_template (g_variant_get_string (parameter, NULL), self->engagement,
                                          default_hourly_cost ());
  put_and_select (self, process);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoProcessesPage *self = LO_PROCESSES_PAGE (widget);
  const LoProcess *original;
  g_autoptr(LoProcess) copy = NULL;
  g_autofree char *base = NULL;

  if (self->selected == NULL || self->engagement == NULL)
    return;
  /* The editor holds what was typed last. */
  original = self->editor != NULL ? lo_process_editor_get_process (self->editor) : NULL;
  if (original == NULL || g_strcmp0 (original->id, self->selected) != 0)
    original = lo_engagement_lookup_process (self->engagement, self->selected);
  if (original == NULL)
    return;
  copy = lo_process_copy (original);
  base = g_strconcat (original->id, "-copy", NULL);
  g_free (copy->id);
  copy->id = lo_process_unique_id (self->engagement, base);
  g_free (copy->name);
  /* Translators: the name of a duplicated process */
  copy->name = g_strdup_printf (_("%s (copy)"), original->name);
  put_and_select (self, copy);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LoProcessesPage *self = LO_PROCESSES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const LoProcess *process;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  Deleted *d;
  AdwToast *toast;
  guint token;

  if (self->selected == NULL || self->engagement == NULL)
    return;
  /* A change still waiting to be saved goes first, and is deleted with it. */
  if (self->editor != NULL)
    lo_process_editor_flush (self->editor);
  process = lo_engagement_lookup_process (self->engagement, self->selected);
  if (process == NULL)
    return;
  d = g_new0 (Deleted, 1);
  d->client = self->client;
  d->process = lo_process_copy (process);
  d->order = current_order (self);
  if (!lo_store_remove_process (self->store, self->client, self->selected, &error))
    {
      deleted_free (d);
      show_error (self, error);
      return;
    }
  token = ++self->next_token;
  g_hash_table_insert (self->deleted, GUINT_TO_POINTER (token), d);

  escaped = g_markup_escape_text (d->process->name, -1);
  /* Translators: %s is a process's name */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "processes.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (token));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoProcessesPage *self = LO_PROCESSES_PAGE (widget);
  gpointer key = GUINT_TO_POINTER (g_variant_get_uint32 (parameter));
  g_autoptr(GError) error = NULL;
  Deleted *d = g_hash_table_lookup (self->deleted, key);

  if (d == NULL || self->store == NULL)
    return;
  if (!lo_store_put_process (self->store, d->client, d->process, &error)
      || !lo_store_set_process_order (self->store, d->client, (const char * const *) d->order, &error))
    show_error (self, error);
  else if (d->client == self->client)
    {
      g_free (self->selected);
      self->selected = g_strdup (d->process->id);
      show_selected (self);
    }
  g_hash_table_remove (self->deleted, key);
}

/* GObject */

static void
lo_processes_page_dispose (GObject *object)
{
  LoProcessesPage *self = LO_PROCESSES_PAGE (object);

  g_clear_handle_id (&self->portfolio_idle, g_source_remove);
  self->editor = NULL; /* the slot's child, gone with the template */
  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_PROCESSES_PAGE);
  G_OBJECT_CLASS (lo_processes_page_parent_class)->dispose (object);
}

static void
lo_processes_page_finalize (GObject *object)
{
  LoProcessesPage *self = LO_PROCESSES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->engagement, lo_engagement_unref);
  g_clear_pointer (&self->analysis, lo_analysis_unref);
  g_clear_pointer (&self->portfolio, lo_portfolio_unref);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->list_key, g_free);
  g_clear_pointer (&self->sequence_rows, g_ptr_array_unref);
  g_clear_pointer (&self->total_cards, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, g_hash_table_unref);
  G_OBJECT_CLASS (lo_processes_page_parent_class)->finalize (object);
}

static void update (LoSessionPage *page,
                    LoStore       *store,
                    gint64         client,
                    LoAnalysis    *analysis);

static void
lo_processes_page_class_init (LoProcessesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_processes_page_dispose;
  object_class->finalize = lo_processes_page_finalize;
  LO_SESSION_PAGE_CLASS (klass)->update = update;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-processes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, process_list);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, matrix_card);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, sequence_group);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, editor_slot);
  gtk_widget_class_bind_template_child (widget_class, LoProcessesPage, templates_section);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "processes.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "processes.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "processes.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "processes.undo-delete", "u", undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "processes.duplicate", NULL);
}

static void
lo_processes_page_init (LoProcessesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: AdwBin unparents its child itself, after the template's dispose. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  self->sequence_rows = g_ptr_array_new ();
  self->total_cards = g_ptr_array_new ();
  self->deleted = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) deleted_free);

  for (guint i = 0; i < lo_process_templates_count (); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (lo_process_template_name (i), NULL);

      g_menu_item_set_action_and_target_value (item, "processes.add",
                                               g_variant_new_string (lo_process_template_id (i)));
      g_menu_append_item (self->templates_section, item);
    }
  build_totals (self);
  self->matrix = LO_CHART_VIEW (lo_chart_view_new ("portfolio"));
  lo_chart_view_set_content_height (self->matrix, 360);
  gtk_box_append (self->matrix_card, GTK_WIDGET (self->matrix));
  rebuild_list (self);
  show_selected (self);
}

static gboolean
update_portfolio_idle_cb (gpointer data)
{
  LoProcessesPage *self = data;

  self->portfolio_idle = 0;
  g_clear_pointer (&self->portfolio, lo_portfolio_unref);
  /* The session's analysis: Monte Carlo is the editor's, per process. */
  if (self->engagement != NULL && self->analysis != NULL
      && lo_analysis_get_portfolio (self->analysis) != NULL)
    self->portfolio = lo_portfolio_ref (lo_analysis_get_portfolio (self->analysis));
  update_subtitles (self);
  /* The overview is rebuilt when it is shown: typing in the editor saves at
   * every keystroke, and the hidden rows would be laid out each time. */
  if (self->selected == NULL)
    update_overview (self);
  else
    self->overview_dirty = TRUE;
  return G_SOURCE_REMOVE;
}

/* Public API */

static void
update (LoSessionPage *page,
        LoStore       *store,
        gint64         client,
        LoAnalysis    *analysis)
{
  LoProcessesPage *self = LO_PROCESSES_PAGE (page);
  LoEngagement *engagement = analysis ? lo_analysis_get_engagement (analysis) : NULL;

  g_return_if_fail (LO_IS_PROCESSES_PAGE (self));

  g_set_object (&self->store, store);
  if (client != self->client)
    g_clear_pointer (&self->selected, g_free);
  self->client = client;
  if (engagement != NULL)
    lo_engagement_ref (engagement);
  g_clear_pointer (&self->engagement, lo_engagement_unref);
  self->engagement = engagement;
  if (analysis != NULL)
    lo_analysis_ref (analysis);
  g_clear_pointer (&self->analysis, lo_analysis_unref);
  self->analysis = analysis;

  rebuild_list (self);
  show_selected (self);
  /* The portfolio (every process's figures) after the frame that shows the
   * editor's own figures: a keystroke must not wait for it. */
  if (self->portfolio_idle == 0)
    self->portfolio_idle = g_idle_add_full (G_PRIORITY_LOW, update_portfolio_idle_cb, self, NULL);
}

void
lo_processes_page_select (LoProcessesPage *self,
                          const char      *process_id)
{
  g_return_if_fail (LO_IS_PROCESSES_PAGE (self));

  g_free (self->selected);
  self->selected = g_strdup (process_id);
  show_selected (self);
  /* Also before the first allocation, when the leaflet does not know yet
   * whether it folds; unfolded, the visible child changes nothing. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

const char *
lo_processes_page_get_selected (LoProcessesPage *self)
{
  g_return_val_if_fail (LO_IS_PROCESSES_PAGE (self), NULL);
  return self->selected;
}

LoProcessEditor *
lo_processes_page_get_editor (LoProcessesPage *self)
{
  g_return_val_if_fail (LO_IS_PROCESSES_PAGE (self), NULL);
  return ensure_editor (self);
}
