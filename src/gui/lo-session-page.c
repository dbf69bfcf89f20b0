/* lo-session-page.c: the base of the pages that show a LoClientSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-session-page.h"

typedef struct
{
  LoClientSession *session;
  gboolean         stale;   /* reloaded while not mapped */
} LoSessionPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LoSessionPage, lo_session_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (LoSessionPage *self)
{
  LoSessionPagePrivate *priv = lo_session_page_get_instance_private (self);
  LoAnalysis *analysis = lo_client_session_get_analysis (priv->session);
  gboolean shown = analysis != NULL && lo_analysis_get_score (analysis) != NULL;

  priv->stale = FALSE;
  if (LO_SESSION_PAGE_GET_CLASS (self)->update == NULL)
    return;
  LO_SESSION_PAGE_GET_CLASS (self)->update (self,
                                            shown ? lo_client_session_get_store (priv->session) : NULL,
                                            shown ? lo_client_session_get_client_id (priv->session) : 0,
                                            shown ? analysis : NULL);
}

static void
analysis_changed_cb (LoClientSession *session,
                     GParamSpec      *pspec,
                     LoSessionPage   *self)
{
  LoSessionPagePrivate *priv = lo_session_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    priv->stale = TRUE;
}

static void
lo_session_page_map (GtkWidget *widget)
{
  LoSessionPage *self = LO_SESSION_PAGE (widget);
  LoSessionPagePrivate *priv = lo_session_page_get_instance_private (self);

  if (priv->stale)
    update (self);
  GTK_WIDGET_CLASS (lo_session_page_parent_class)->map (widget);
}

static void
lo_session_page_constructed (GObject *object)
{
  LoSessionPage *self = LO_SESSION_PAGE (object);
  LoSessionPagePrivate *priv = lo_session_page_get_instance_private (self);

  G_OBJECT_CLASS (lo_session_page_parent_class)->constructed (object);
  if (priv->session == NULL)
    return;
  g_signal_connect_object (priv->session, "notify::analysis", G_CALLBACK (analysis_changed_cb),
                           self, 0);
  update (self);
}

static void
lo_session_page_finalize (GObject *object)
{
  LoSessionPage *self = LO_SESSION_PAGE (object);
  LoSessionPagePrivate *priv = lo_session_page_get_instance_private (self);

  g_clear_object (&priv->session);
  G_OBJECT_CLASS (lo_session_page_parent_class)->finalize (object);
}

static void
lo_session_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LoSessionPage *self = LO_SESSION_PAGE (object);
  LoSessionPagePrivate *priv = lo_session_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_session_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LoSessionPage *self = LO_SESSION_PAGE (object);
  LoSessionPagePrivate *priv = lo_session_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_session_page_class_init (LoSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lo_session_page_constructed;
  object_class->finalize = lo_session_page_finalize;
  object_class->get_property = lo_session_page_get_property;
  object_class->set_property = lo_session_page_set_property;
  widget_class->map = lo_session_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LO_TYPE_CLIENT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lo_session_page_init (LoSessionPage *self)
{
}

LoClientSession *
lo_session_page_get_session (LoSessionPage *self)
{
  LoSessionPagePrivate *priv;

  g_return_val_if_fail (LO_IS_SESSION_PAGE (self), NULL);
  priv = lo_session_page_get_instance_private (self);
  return priv->session;
}

void
lo_session_page_hold_parts (LoAnalysis    *analysis,
                            LoAssessment **assessment,
                            LoBank       **bank,
                            LoScore      **score)
{
  LoAssessment *new_assessment = analysis ? lo_analysis_get_assessment (analysis) : NULL;
  LoBank *new_bank = analysis ? lo_analysis_get_bank (analysis) : NULL;
  LoScore *new_score = analysis ? lo_analysis_get_score (analysis) : NULL;

  /* references first: a part may be the one held now */
  if (new_assessment != NULL)
    lo_assessment_ref (new_assessment);
  if (new_bank != NULL)
    lo_bank_ref (new_bank);
  if (new_score != NULL)
    lo_score_ref (new_score);
  g_clear_pointer (assessment, lo_assessment_unref);
  g_clear_pointer (bank, lo_bank_unref);
  g_clear_pointer (score, lo_score_unref);
  *assessment = new_assessment;
  *bank = new_bank;
  *score = new_score;
}

void
lo_session_page_class_add_answer_keys (GtkWidgetClass *widget_class,
                                       const char     *prefix)
{
  static const guint digits[] = { GDK_KEY_0, GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  static const guint keypad[] = { GDK_KEY_KP_0, GDK_KEY_KP_1, GDK_KEY_KP_2, GDK_KEY_KP_3, GDK_KEY_KP_4, GDK_KEY_KP_5 };
  g_autofree char *answer = g_strconcat (prefix, ".answer", NULL);
  g_autofree char *next = g_strconcat (prefix, ".next", NULL);
  g_autofree char *previous = g_strconcat (prefix, ".previous", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, digits[i], 0, answer, "i", (int) i);
      gtk_widget_class_add_binding_action (widget_class, keypad[i], 0, answer, "i", (int) i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, answer, "i", LO_ANSWER_NA);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, next, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, previous, NULL);
}
