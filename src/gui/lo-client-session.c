/* lo-client-session.c: the selected client, its engagement and its analysis
 *
 * The window and its pages show one client: the session reads its engagement
 * from the store and analyses it (lo_analysis_new, without Monte Carlo) once
 * per change, and the pages listen to "analysis". Nothing else in the window
 * computes a score, a portfolio or a roadmap.
 *
 * The reload follows LoStore::changed at once, because pages count on it (a
 * page that adds a process selects it when the echo arrives).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-client-session.h"
#include "lo-io.h"

struct _LoClientSession
{
  GObject       parent_instance;

  LoStore      *store;
  gulong        changed_id;
  gint64        client;
  char         *assessment_id;
  LoEngagement *engagement;
  LoAnalysis   *analysis;
  GError       *error;
};

G_DEFINE_FINAL_TYPE (LoClientSession, lo_client_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CLIENT_ID,
  PROP_ASSESSMENT_ID,
  PROP_ENGAGEMENT,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The bank the assessment was taken with, as kept in the store, else the
 * shipped or imported one of its id. The same bank object as before when it
 * is the same bank, so that pages keep their widgets. */
static LoBank *
lookup_bank (const LoAssessment *assessment,
             gpointer            user_data,
             GError            **error)
{
  LoClientSession *self = user_data;
  LoBank *old = self->analysis ? lo_analysis_get_bank (self->analysis) : NULL;
  LoBank *bank;

  bank = lo_store_get_assessment_bank (self->store, self->client, assessment->id, NULL);
  if (bank == NULL && old != NULL && g_strcmp0 (old->id, assessment->bank) == 0
      && old->version == assessment->bank_edition)
    return lo_bank_ref (old);
  if (bank == NULL)
    bank = lo_bank_find_shipped_edition (assessment->bank, assessment->bank_edition, NULL);
  if (bank == NULL)
    bank = lo_store_get_bank (self->store, assessment->bank, assessment->bank_edition, error);
  if (bank != NULL && old != NULL && g_strcmp0 (old->id, bank->id) == 0
      && old->version == bank->version && old != bank)
    {
      lo_bank_unref (bank);
      bank = lo_bank_ref (old);
    }
  return bank;
}

static void
reload (LoClientSession *self)
{
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  LoAnalysisOptions options = { 0, LO_MONTE_CARLO_DEFAULT_SEED, LO_ANALYSIS_PARTIAL };
  gint64 client = self->client;
  LoAssessment *assessment;

  g_clear_error (&self->error);
  if (self->client != 0)
    {
      engagement = lo_store_load_engagement (self->store, self->client, &error);
      if (engagement == NULL)
        {
          if (!g_error_matches (error, LO_STORE_ERROR, LO_STORE_ERROR_NOT_FOUND))
            self->error = g_steal_pointer (&error);
          self->client = 0;
        }
    }

  if (engagement != NULL)
    {
      const char *wanted = self->assessment_id;

      /* an assessment deleted meanwhile: the latest */
      if (wanted != NULL && lo_analysis_choose_assessment (engagement, wanted, NULL) == NULL)
        wanted = NULL;
      g_clear_error (&error);
      analysis = lo_analysis_new (engagement, lookup_bank, self, wanted, &options, NULL, &error);
      if (analysis == NULL)
        {
          self->error = g_steal_pointer (&error);
          g_clear_pointer (&engagement, lo_engagement_unref);
        }
    }

  g_clear_pointer (&self->engagement, lo_engagement_unref);
  self->engagement = g_steal_pointer (&engagement);
  g_clear_pointer (&self->analysis, lo_analysis_unref);
  self->analysis = g_steal_pointer (&analysis);

  assessment = self->analysis ? lo_analysis_get_assessment (self->analysis) : NULL;
  if (g_strcmp0 (self->assessment_id, assessment ? assessment->id : NULL) != 0)
    {
      g_free (self->assessment_id);
      self->assessment_id = assessment ? g_strdup (assessment->id) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT_ID]);
    }
  if (client != self->client)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGAGEMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static void
store_changed_cb (LoStore         *store,
                  gint64           client,
                  LoStoreChange    what,
                  LoClientSession *self)
{
  if (self->client == 0)
    return;
  if (client == self->client || (what == LO_STORE_CHANGE_CLIENTS && client == 0))
    reload (self);
}

static void
lo_client_session_dispose (GObject *object)
{
  LoClientSession *self = LO_CLIENT_SESSION (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lo_client_session_parent_class)->dispose (object);
}

static void
lo_client_session_finalize (GObject *object)
{
  LoClientSession *self = LO_CLIENT_SESSION (object);

  g_clear_pointer (&self->analysis, lo_analysis_unref);
  g_clear_pointer (&self->engagement, lo_engagement_unref);
  g_clear_pointer (&self->assessment_id, g_free);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (lo_client_session_parent_class)->finalize (object);
}

static void
lo_client_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LoClientSession *self = LO_CLIENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client);
      break;
    case PROP_ASSESSMENT_ID:
      g_value_set_string (value, self->assessment_id);
      break;
    case PROP_ENGAGEMENT:
      g_value_set_boxed (value, self->engagement);
      break;
    case PROP_ANALYSIS:
      g_value_set_boxed (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_client_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LoClientSession *self = LO_CLIENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        self->changed_id = g_signal_connect (self->store, "changed",
                                             G_CALLBACK (store_changed_cb), self);
      break;
    case PROP_CLIENT_ID:
      lo_client_session_set_client_id (self, g_value_get_int64 (value));
      break;
    case PROP_ASSESSMENT_ID:
      lo_client_session_set_assessment_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_client_session_class_init (LoClientSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lo_client_session_dispose;
  object_class->finalize = lo_client_session_finalize;
  object_class->get_property = lo_client_session_get_property;
  object_class->set_property = lo_client_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENT_ID] =
    g_param_spec_string ("assessment-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENGAGEMENT] =
    g_param_spec_boxed ("engagement", NULL, NULL, LO_TYPE_ENGAGEMENT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSIS] =
    g_param_spec_boxed ("analysis", NULL, NULL, LO_TYPE_ANALYSIS,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lo_client_session_init (LoClientSession *self)
{
}

LoClientSession *
lo_client_session_new (LoStore *store)
{
  g_return_val_if_fail (LO_IS_STORE (store), NULL);
  return g_object_new (LO_TYPE_CLIENT_SESSION, "store", store, NULL);
}

LoStore *
lo_client_session_get_store (LoClientSession *self)
{
  g_return_val_if_fail (LO_IS_CLIENT_SESSION (self), NULL);
  return self->store;
}

gint64
lo_client_session_get_client_id (LoClientSession *self)
{
  g_return_val_if_fail (LO_IS_CLIENT_SESSION (self), 0);
  return self->client;
}

void
lo_client_session_select (LoClientSession *self,
                          gint64           client,
                          const char      *assessment_id)
{
  gboolean client_changed;

  g_return_if_fail (LO_IS_CLIENT_SESSION (self));

  client_changed = self->client != client;
  self->client = client;
  g_free (self->assessment_id);
  self->assessment_id = g_strdup (assessment_id);
  if (client_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
  reload (self);
}

void
lo_client_session_set_client_id (LoClientSession *self,
                                 gint64           client)
{
  g_return_if_fail (LO_IS_CLIENT_SESSION (self));

  if (self->client == client)
    return;
  lo_client_session_select (self, client, NULL);
}

const char *
lo_client_session_get_assessment_id (LoClientSession *self)
{
  g_return_val_if_fail (LO_IS_CLIENT_SESSION (self), NULL);
  return self->assessment_id;
}

void
lo_client_session_set_assessment_id (LoClientSession *self,
                                     const char      *assessment_id)
{
  g_return_if_fail (LO_IS_CLIENT_SESSION (self));

  if (g_strcmp0 (self->assessment_id, assessment_id) == 0)
    return;
  lo_client_session_select (self, self->client, assessment_id);
}

LoEngagement *
lo_client_session_get_engagement (LoClientSession *self)
{
  g_return_val_if_fail (LO_IS_CLIENT_SESSION (self), NULL);
  return self->engagement;
}

LoAnalysis *
lo_client_session_get_analysis (LoClientSession *self)
{
  g_return_val_if_fail (LO_IS_CLIENT_SESSION (self), NULL);
  return self->analysis;
}

void
lo_client_session_reload (LoClientSession *self)
{
  g_return_if_fail (LO_IS_CLIENT_SESSION (self));
  reload (self);
}

const GError *
lo_client_session_get_error (LoClientSession *self)
{
  g_return_val_if_fail (LO_IS_CLIENT_SESSION (self), NULL);
  return self->error;
}
