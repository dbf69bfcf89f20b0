/* lo-chart-view.c: a chart of the render layer inside the window
 *
 * A thin widget: the snapshot hands a cairo context of the widget's size to the
 * render layer's draw function, so the window, the report and the command line
 * draw the same chart. Redrawn on resize by GTK, never cached at a stale size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lo-chart-view.h"
#include "lo-render.h"

struct _LoChartView
{
  GtkWidget parent_instance;

  LoChartKind kind;
  LoScore    *score;
  LoScore    *previous;
  char       *caption;
};

G_DEFINE_FINAL_TYPE (LoChartView, lo_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_dimensions (const LoScore *score)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < score->n_dimensions; i++)
    {
      const LoDimensionScore *d = &score->dimensions[i];
      g_autofree char *value = d->has_score ? lo_format_number (d->score, 1) : g_strdup (_("no answers"));

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a dimension and its score in a chart's description */
      g_string_append_printf (text, _("%s %s"), lo_bank_text (score->bank, d->dimension->name), value);
    }
  return g_string_free (text, FALSE);
}

static char *
build_caption (LoChartView *self)
{
  const LoScore *score = self->score;
  g_autofree char *dimensions = NULL;
  g_autofree char *finding = NULL;

  if (score == NULL)
    return g_strdup (_("No answers to chart yet"));

  dimensions = describe_dimensions (score);
  if (score->complete && score->weakest >= 0)
    {
      const LoDimensionScore *weakest = &score->dimensions[score->weakest];

      /* Translators: the finding of a chart, e.g. "Data & system access holds the company at level 2" */
      finding = g_strdup_printf (_("%s holds the company at level %d"),
                                 lo_bank_text (score->bank, weakest->dimension->name),
                                 score->overall_level);
    }
  else
    finding = g_strdup (_("the assessment is not complete yet"));

  switch (self->kind)
    {
    case LO_CHART_RADAR:
      /* Translators: accessible description of the radar chart */
      return g_strdup_printf (_("Radar chart of the dimension scores: %s; %s."), dimensions, finding);
    case LO_CHART_BARS:
      {
        const LoQuestionScore *low = NULL, *high = NULL;
        g_autofree char *low_value = NULL, *high_value = NULL;

        for (guint i = 0; i < score->n_questions; i++)
          {
            const LoQuestionScore *q = &score->questions[i];

            if (q->state != LO_QUESTION_ANSWERED)
              continue;
            if (low == NULL || q->combined < low->combined)
              low = q;
            if (high == NULL || q->combined > high->combined)
              high = q;
          }
        if (low == NULL)
          return g_strdup (_("Bar chart of the answers per question: no question is answered yet."));
        low_value = lo_format_number (low->combined, 1);
        high_value = lo_format_number (high->combined, 1);
        /* Translators: accessible description of the per-question bars */
        return g_strdup_printf (_("Bar chart of the answers per question: lowest “%s” at %s, highest “%s” at %s; %u contested."),
                                lo_bank_text (score->bank, low->question->text), low_value,
                                lo_bank_text (score->bank, high->question->text), high_value,
                                score->contested->len);
      }
    case LO_CHART_HEATMAP:
      /* Translators: accessible description of the heatmap */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Heatmap of the answers of %u respondent to %u questions; %u contested.",
                                           "Heatmap of the answers of %u respondents to %u questions; %u contested.",
                                           score->assessment->respondents->len),
                              score->assessment->respondents->len, score->n_questions,
                              score->contested->len);
    case LO_CHART_COMPARISON:
      if (self->previous == NULL)
        return g_strdup (_("There is no earlier assessment to compare with."));
      else
        {
          g_autofree char *before = describe_dimensions (self->previous);

          /* Translators: accessible description of the comparison radar */
          return g_strdup_printf (_("Radar chart comparing the dimension scores: now %s; before %s."),
                                  dimensions, before);
        }
    default:
      g_assert_not_reached ();
    }
}

static void
update_caption (LoChartView *self)
{
  g_free (self->caption);
  self->caption = build_caption (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->caption, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

static void
lo_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LoChartView *self = LO_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  LoRenderContext ctx;
  cairo_t *cr;

  if (self->score == NULL || width < 1 || height < 1)
    return;

  lo_render_context_init (&ctx);
  /* Screen text reads at a larger size than the report's 8.5 pt. */
  ctx.font_size = 11;
  ctx.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case LO_CHART_RADAR:
      lo_chart_radar_draw (cr, width, height, &ctx, self->score, NULL);
      break;
    case LO_CHART_BARS:
      lo_chart_questions_draw (cr, width, height, &ctx, self->score, -1);
      break;
    case LO_CHART_HEATMAP:
      lo_chart_heatmap_draw (cr, width, height, &ctx, self->score);
      break;
    case LO_CHART_COMPARISON:
      lo_chart_radar_draw (cr, width, height, &ctx, self->score, self->previous);
      break;
    default:
      g_assert_not_reached ();
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

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 560;
      return;
    }
  switch (self->kind)
    {
    case LO_CHART_BARS:
      *minimum = 200;
      *natural = self->score ? MAX (240, (int) self->score->n_questions * 16 + 60) : 240;
      break;
    case LO_CHART_HEATMAP:
      *minimum = 150;
      *natural = self->score ? heatmap_natural_height (self->score->assessment->respondents->len) : 180;
      break;
    case LO_CHART_RADAR:
    case LO_CHART_COMPARISON:
    default:
      /* Square-ish, following the width we get. */
      *minimum = 220;
      *natural = for_size > 0 ? CLAMP (for_size * 3 / 4, 280, 460) : 380;
      break;
    }
}

static GtkSizeRequestMode
lo_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
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
    case PROP_KIND:
      g_value_set_int (value, self->kind);
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
    case PROP_KIND:
      lo_chart_view_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_chart_view_finalize (GObject *object)
{
  LoChartView *self = LO_CHART_VIEW (object);

  g_clear_pointer (&self->score, lo_score_unref);
  g_clear_pointer (&self->previous, lo_score_unref);
  g_clear_pointer (&self->caption, g_free);
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

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, LO_CHART_RADAR, LO_CHART_COMPARISON, LO_CHART_RADAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lo_chart_view_init (LoChartView *self)
{
  /* The charts follow the window's style: light text on the dark card. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  update_caption (self);
}

GtkWidget *
lo_chart_view_new (LoChartKind kind)
{
  return g_object_new (LO_TYPE_CHART_VIEW, "kind", kind, NULL);
}

LoChartKind
lo_chart_view_get_kind (LoChartView *self)
{
  g_return_val_if_fail (LO_IS_CHART_VIEW (self), LO_CHART_RADAR);
  return self->kind;
}

void
lo_chart_view_set_kind (LoChartView *self,
                        LoChartKind  kind)
{
  g_return_if_fail (LO_IS_CHART_VIEW (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  update_caption (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
lo_chart_view_set_scores (LoChartView *self,
                          LoScore     *score,
                          LoScore     *previous)
{
  g_return_if_fail (LO_IS_CHART_VIEW (self));

  if (score != NULL)
    lo_score_ref (score);
  g_clear_pointer (&self->score, lo_score_unref);
  self->score = score;
  if (previous != NULL)
    lo_score_ref (previous);
  g_clear_pointer (&self->previous, lo_score_unref);
  self->previous = previous;
  update_caption (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
lo_chart_view_get_caption (LoChartView *self)
{
  g_return_val_if_fail (LO_IS_CHART_VIEW (self), NULL);
  return self->caption;
}
