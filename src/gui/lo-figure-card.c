/* lo-figure-card.c: one figure and what it is, as a card of a flow box
 *
 * The editor's live figures and the processes page's portfolio totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-figure-card.h"

struct _LoFigureCard
{
  GtkBox parent_instance;

  GtkLabel *value_label;
  GtkLabel *caption_label;
};

G_DEFINE_FINAL_TYPE (LoFigureCard, lo_figure_card, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lo_figure_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LoFigureCard *self = LO_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, gtk_label_get_text (self->value_label));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, gtk_label_get_text (self->caption_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_figure_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LoFigureCard *self = LO_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      lo_figure_card_set_value (self, g_value_get_string (value));
      break;
    case PROP_CAPTION:
      if (g_strcmp0 (gtk_label_get_text (self->caption_label), g_value_get_string (value)) != 0)
        {
          gtk_label_set_text (self->caption_label, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_figure_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LO_TYPE_FIGURE_CARD);
  G_OBJECT_CLASS (lo_figure_card_parent_class)->dispose (object);
}

static void
lo_figure_card_class_init (LoFigureCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lo_figure_card_dispose;
  object_class->get_property = lo_figure_card_get_property;
  object_class->set_property = lo_figure_card_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-figure-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LoFigureCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, LoFigureCard, caption_label);
}

static void
lo_figure_card_init (LoFigureCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lo_figure_card_new (const char *name,
                    const char *caption)
{
  LoFigureCard *self = g_object_new (LO_TYPE_FIGURE_CARD, "caption", caption, NULL);

  gtk_widget_set_name (GTK_WIDGET (self->value_label), name);
  return GTK_WIDGET (self);
}

const char *
lo_figure_card_get_value (LoFigureCard *self)
{
  g_return_val_if_fail (LO_IS_FIGURE_CARD (self), NULL);
  return gtk_label_get_text (self->value_label);
}

void
lo_figure_card_set_value (LoFigureCard *self,
                          const char   *value)
{
  g_return_if_fail (LO_IS_FIGURE_CARD (self));

  /* Setting the same text would still lay the page out again. */
  if (g_strcmp0 (gtk_label_get_text (self->value_label), value) == 0)
    return;
  gtk_label_set_text (self->value_label, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
lo_figure_card_take_value (LoFigureCard *self,
                           char         *value)
{
  lo_figure_card_set_value (self, value);
  g_free (value);
}

LoFigureCard *
lo_figure_card_append_to (GtkFlowBox *box,
                          const char *name,
                          const char *caption)
{
  GtkWidget *card = lo_figure_card_new (name, caption);

  gtk_flow_box_append (box, card);
  gtk_widget_add_css_class (gtk_widget_get_parent (card), "card");
  return LO_FIGURE_CARD (card);
}
