/* lo-chart-view.c: the one widget that shows the render layer's drawings
 *
 * A thin widget: the snapshot hands a cairo context of the widget's size to
 * the draw function of render's chart table, so the window, the report and
 * the command line draw the same chart, and the caption the report prints
 * under a chart is the one a screen reader hears. Redrawn on resize by GTK,
 * never cached at a stale size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lo-chart-view.h"

struct _LoChartView
{
  GtkWidget parent_instance;

  const LoChartInfo *info;
  char              *currency;
  int                content_height;
  char              *caption;

  /* the data, owned references */
  LoScore      *score;
  LoScore      *previous;
  LoRoadmap    *roadmap;
  LoPortfolio  *portfolio;
  LoProgramme  *programme;
  LoProcessRoi *roi;
  int           dimension;

  LoReportLayout *layout;  /* borrowed: the export preview */
  guint           page;
};

G_DEFINE_FINAL_TYPE (LoChartView, lo_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_CONTENT_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
lo_render_context_for_screen (LoRenderContext *ctx,
                              const char      *currency)
{
  lo_render_context_init (ctx);
  /* Screen text reads at a larger size than the report's 8.5 pt. */
  ctx->font_size = 11;
  ctx->currency = currency;
  /* The user's conventions, as the window's labels beside the chart */
  ctx->formatter = lo_formatter_lookup (NULL);
  ctx->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
get_data (LoChartView *self,
          LoChartData *data)
{
  lo_chart_data_init (data);
  data->score = self->score;
  data->previous = self->previous;
  data->roadmap = self->roadmap;
  data->portfolio = self->portfolio;
  data->programme = self->programme;
  data->roi = self->roi;
  data->dimension = self->dimension;
}

static char *
build_caption (LoChartView *self)
{
  LoRenderContext ctx;
  LoChartData data;

  if (self->info == NULL && self->layout != NULL)
    {
      guint n = lo_report_layout_n_pages (self->layout);

      /* Translators: the accessible description of the report preview */
      return g_strdup_printf (_("Page %u of %u of the report as it will be printed."),
                              MIN (self->page + 1, n), n);
    }
  if (self->info == NULL)
    return g_strdup (_("The report’s preview is being prepared."));
  lo_render_context_for_screen (&ctx, self->currency);
  get_data (self, &data);
  return self->info->caption (&ctx, &data);
}

/* The accessible properties and the tooltip cost more than computing the
 * caption: they are set only when it changed. */
static void
update_caption (LoChartView *self)
{
  g_autofree char *caption = build_caption (self);
  const char *title;

  if (g_strcmp0 (caption, self->caption) == 0)
    return;
  g_free (self->caption);
  self->caption = g_steal_pointer (&caption);
  title = self->info != NULL ? _(self->info->title) : _("Preview of the report’s page");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->caption,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->info != NULL ? self->caption : NULL);
}

/* A page of the report as a sheet of paper with a soft shadow. */
static void
draw_page (LoChartView *self,
           cairo_t     *cr,
           double       width,
           double       height)
{
  double pw, ph, scale, x, y;

  lo_report_layout_page_size (self->layout, &pw, &ph);
  scale = MIN ((width - 16) / pw, (height - 16) / ph);
  if (scale <= 0)
    return;
  x = (width - pw * scale) / 2;
  y = (height - ph * scale) / 2;
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x + 2, y + 3, pw * scale, ph * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, pw * scale, ph * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_clip (cr);
  lo_report_draw_page (self->layout, cr, self->page);
}

static void
lo_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LoChartView *self = LO_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  LoRenderContext ctx;
  LoChartData data;
  cairo_t *cr;

  if (width < 1 || height < 1 || (self->layout == NULL && self->info == NULL))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->info == NULL)
    draw_page (self, cr, width, height);
  else
    {
      lo_render_context_for_screen (&ctx, self->currency);
      get_data (self, &data);
      self->info->draw (cr, width, height, &ctx, &data);
    }
  cairo_destroy (cr);
}

/* A row per respondent, 28 px while they carry names; beyond that the rows
 * shrink towards 3 px and the chart stops growing at 1000 px, so that
 * thousands of respondents stay a chart and not a scroll. */
static int
heatmap_natural_height (guint n_respondents)
{
  double row;

  if (n_respondents <= LO_HEATMAP_NAMED_ROWS)
    return MAX (180, (int) n_respondents * 28 + 120);
  row = MAX (3.0, 28.0 * LO_HEATMAP_NAMED_ROWS / n_respondents);
  return (int) MIN (1000, n_respondents * row + 120);
}

#define QUESTION_ROW_HEIGHT 30

static void
lo_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LoChartView *self = LO_CHART_VIEW (widget);
  const char *name = self->info != NULL ? self->info->name : "";

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A chart of a fixed height fills the width its card gives it. */
      *minimum = self->content_height > 0 ? 0 : 200;
      *natural = self->content_height > 0 ? 0 : 560;
      return;
    }
  if (self->content_height > 0)
    *minimum = *natural = self->content_height;
  else if (g_str_equal (name, "questions"))
    {
      /* A row per question and per dimension's heading, tall enough for
       * the question's text beside its bar; as the minimum, since a
       * scrolled page gives its children their minimum height. */
      *minimum = *natural = self->score ? MAX (240, (int) (self->score->n_questions + self->score->n_dimensions)
                                                    * QUESTION_ROW_HEIGHT + 80)
                                        : 240;
    }
  else if (g_str_equal (name, "heatmap"))
    {
      *minimum = 150;
      *natural = self->score ? heatmap_natural_height (self->score->assessment->respondents->len) : 180;
    }
  else if (g_str_equal (name, "radar") || g_str_equal (name, "comparison"))
    {
      /* Square-ish, following the width we get. */
      *minimum = 220;
      *natural = for_size > 0 ? CLAMP (for_size * 3 / 4, 280, 460) : 380;
    }
  else
    *minimum = *natural = 240;
}

static GtkSizeRequestMode
lo_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
clear_data (LoChartView *self)
{
  g_clear_pointer (&self->score, lo_score_unref);
  g_clear_pointer (&self->previous, lo_score_unref);
  g_clear_pointer (&self->roadmap, lo_roadmap_unref);
  g_clear_pointer (&self->portfolio, lo_portfolio_unref);
  g_clear_pointer (&self->programme, lo_programme_unref);
  g_clear_pointer (&self->roi, lo_process_roi_unref);
  self->dimension = -1;
}

static void
lo_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LoChartView *self = LO_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_string (value, lo_chart_view_get_chart (self));
      break;
    case PROP_CONTENT_HEIGHT:
      g_value_set_int (value, self->content_height);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LoChartView *self = LO_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      lo_chart_view_set_chart (self, g_value_get_string (value));
      break;
    case PROP_CONTENT_HEIGHT:
      lo_chart_view_set_content_height (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_chart_view_finalize (GObject *object)
{
  LoChartView *self = LO_CHART_VIEW (object);

  clear_data (self);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->currency, g_free);
  G_OBJECT_CLASS (lo_chart_view_parent_class)->finalize (object);
}

static void
lo_chart_view_class_init (LoChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lo_chart_view_finalize;
  object_class->get_property = lo_chart_view_get_property;
  object_class->set_property = lo_chart_view_set_property;
  widget_class->snapshot = lo_chart_view_snapshot;
  widget_class->measure = lo_chart_view_measure;
  widget_class->get_request_mode = lo_chart_view_get_request_mode;

  properties[PROP_CHART] =
    g_param_spec_string ("chart", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_HEIGHT] =
    g_param_spec_int ("content-height", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lo_chart_view_init (LoChartView *self)
{
  self->dimension = -1;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "chart");
  /* The charts follow the window's style: light text on the dark card. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
lo_chart_view_new (const char *chart)
{
  return g_object_new (LO_TYPE_CHART_VIEW, "chart", chart, NULL);
}

const char *
lo_chart_view_get_chart (LoChartView *self)
{
  g_return_val_if_fail (LO_IS_CHART_VIEW (self), NULL);
  return self->info != NULL ? self->info->name : NULL;
}

void
lo_chart_view_set_chart (LoChartView *self,
                         const char  *chart)
{
  const LoChartInfo *info;

  g_return_if_fail (LO_IS_CHART_VIEW (self));

  info = chart != NULL ? lo_chart_lookup (chart) : NULL;
  if (chart != NULL && info == NULL)
    g_critical ("%s: no chart named “%s”", G_STRFUNC, chart);
  if (info == self->info)
    return;
  self->info = info;
  update_caption (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

void
lo_chart_view_set_data (LoChartView       *self,
                        const LoChartData *data)
{
  LoChartData empty;
  gboolean resize;

  g_return_if_fail (LO_IS_CHART_VIEW (self));

  if (data == NULL)
    {
      lo_chart_data_init (&empty);
      data = &empty;
    }
  /* Ref before unref: the same objects may come again. */
  if (data->score != NULL)
    lo_score_ref ((LoScore *) data->score);
  if (data->previous != NULL)
    lo_score_ref ((LoScore *) data->previous);
  if (data->roadmap != NULL)
    lo_roadmap_ref ((LoRoadmap *) data->roadmap);
  if (data->portfolio != NULL)
    lo_portfolio_ref ((LoPortfolio *) data->portfolio);
  if (data->programme != NULL)
    lo_programme_ref ((LoProgramme *) data->programme);
  if (data->roi != NULL)
    lo_process_roi_ref ((LoProcessRoi *) data->roi);
  resize = self->content_height == 0 && self->score != data->score;
  clear_data (self);
  self->score = (LoScore *) data->score;
  self->previous = (LoScore *) data->previous;
  self->roadmap = (LoRoadmap *) data->roadmap;
  self->portfolio = (LoPortfolio *) data->portfolio;
  self->programme = (LoProgramme *) data->programme;
  self->roi = (LoProcessRoi *) data->roi;
  self->dimension = data->dimension;
  update_caption (self);
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lo_chart_view_set_currency (LoChartView *self,
                            const char  *currency)
{
  g_return_if_fail (LO_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  update_caption (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lo_chart_view_set_content_height (LoChartView *self,
                                  int          height)
{
  g_return_if_fail (LO_IS_CHART_VIEW (self));

  height = MAX (height, 0);
  if (self->content_height == height)
    return;
  self->content_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_HEIGHT]);
}

const char *
lo_chart_view_get_caption (LoChartView *self)
{
  g_return_val_if_fail (LO_IS_CHART_VIEW (self), NULL);
  return self->caption != NULL ? self->caption : "";
}

void
lo_chart_view_set_report_page (LoChartView    *self,
                               LoReportLayout *layout,
                               guint           page)
{
  g_return_if_fail (LO_IS_CHART_VIEW (self));

  self->layout = layout;
  self->page = page;
  update_caption (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
