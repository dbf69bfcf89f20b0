/* lo-engagement-reader.c: .lightsout engagement files (SPEC §3)
 *
 * The structure and every value's type and range are checked here, with the
 * line; whether answers match the bank is the caller's business
 * (lo_assessment_check), since the bank may come from elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lo-engagement-private.h"
#include "lo-engagement-reader-private.h"

#define ENGAGEMENT_ELEMENT        "engagement"
#define ENGAGEMENT_NAMESPACE_BASE "urn:lightsout:engagement:"
#define SUPPORTED_MAJOR           2
/* The newest minor version of each major version this reader knows in full:
 * 1.1 (parallel-builds, <roadmap>, include) and 2.0 (bank-edition). */
#define KNOWN_MINOR(major)        ((major) == 1 ? 1 : 0)

/* <client name="…" industry="…"/> */
static gboolean
read_client (LoXmlContext  *ctx,
             LoEngagement  *engagement,
             const xmlNode *node,
             GError       **error)
{
  static const char * const attributes[] = { "name", "industry", NULL };
  g_autofree char *industry = NULL;
  char *name;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  name = required_attr (ctx, node, "name", "<client>", error);
  if (name == NULL)
    return FALSE;
  if (!limit_name (ctx, node, "client", "name", name, error))
    {
      g_free (name);
      return FALSE;
    }
  g_free (engagement->client_name);
  engagement->client_name = name;

  industry = lo_xml_attr (node, "industry");
  if (!limit_name (ctx, node, "client", "industry", industry, error))
    return FALSE;
  /* industry="" is kept as given: write → read → write is byte-identical */
  g_clear_pointer (&engagement->client_industry, g_free);
  engagement->client_industry = g_steal_pointer (&industry);

  return TRUE;
}

static gboolean
is_currency_code (const char *text)
{
  if (text == NULL || strlen (text) != 3)
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (text[i] < 'A' || text[i] > 'Z')
      return FALSE;
  return TRUE;
}

/* <settings horizon-months="36" discount-rate="0.08" currency="USD"
 *           hours-per-week="40" realisation-rate="1" build-order="custom"/>,
 * every attribute optional */
static gboolean
read_settings (LoXmlContext  *ctx,
               LoEngagement  *engagement,
               const xmlNode *node,
               GError       **error)
{
  static const char * const attributes[] = {
    "horizon-months", "discount-rate", "currency", "hours-per-week", "realisation-rate",
    "build-order", "parallel-builds", NULL
  };
  LoSettings *settings = &engagement->settings;
  g_autofree char *horizon = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *build_order = NULL;
  g_autofree char *parallel = NULL;
  gboolean present;
  double value;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  horizon = lo_xml_attr (node, "horizon-months");
  {
    double min, max;   /* SPEC §2c: 1 … 240 */

    lo_limit_range (LO_LIMIT_HORIZON_MONTHS, &min, &max, NULL);
    if (horizon != NULL
        && !int_attr (ctx, node, "horizon-months", "<settings>", (int) min, (int) max,
                      &settings->horizon_months, error))
      return FALSE;
  }

  if (!limit_attr (ctx, node, "discount-rate", LO_LIMIT_DISCOUNT_RATE, "<settings>", NULL,
                   &present, &value, error))
    return FALSE;
  if (present)
    settings->discount_rate = value;

  currency = lo_xml_attr (node, "currency");
  if (currency != NULL)
    {
      if (!is_currency_code (currency))
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("<settings>: currency “%s” is not a three-letter code such as USD or EUR"),
                            currency);
          return FALSE;
        }
      g_free (settings->currency);
      settings->currency = g_steal_pointer (&currency);
    }

  if (!limit_attr (ctx, node, "hours-per-week", LO_LIMIT_HOURS_PER_WEEK, "<settings>", NULL,
                   &present, &value, error))
    return FALSE;
  if (present)
    settings->hours_per_week = value;

  if (!limit_attr (ctx, node, "realisation-rate", LO_LIMIT_REALISATION_RATE, "<settings>", NULL,
                   &present, &value, error))
    return FALSE;
  if (present)
    settings->realisation_rate = value;

  build_order = lo_xml_attr (node, "build-order");
  if (build_order != NULL)
    {
      if (g_str_equal (build_order, "custom"))
        engagement->custom_order = TRUE;
      else if (g_str_equal (build_order, "suggested"))
        engagement->custom_order = FALSE;
      else
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("<settings>: build-order “%s” is not suggested or custom"),
                            build_order);
          return FALSE;
        }
    }

  /* format 1.1, read whatever version the file declares */
  parallel = lo_xml_attr (node, "parallel-builds");
  if (parallel != NULL
      && !int_attr (ctx, node, "parallel-builds", "<settings>", 1, LO_PARALLEL_BUILDS_MAX,
                    &settings->parallel_builds, error))
    return FALSE;

  return TRUE;
}

/* <roadmap><step level="4" weeks="26"/>…</roadmap> (format 1.1): the weeks set
 * for a step, at most one per level */
static gboolean
read_roadmap (LoXmlContext  *ctx,
              LoEngagement  *engagement,
              const xmlNode *node,
              GError       **error)
{
  static const char * const attributes[] = { NULL };
  static const char * const step_attributes[] = { "level", "weeks", NULL };

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      int level, weeks;

      if (!lo_xml_is (child, NS, "step"))
        {
          if (!lo_xml_unknown_element (ctx, child, error))
            return FALSE;
          continue;
        }
      if (!lo_xml_check_attributes (ctx, child, step_attributes, error))
        return FALSE;
      FOR_EACH_ELEMENT (ctx, child, grandchild, error)
        if (!lo_xml_unknown_element (ctx, grandchild, error))
          return FALSE;
      if (!int_attr (ctx, child, "level", "<roadmap> <step>", LO_LEVEL_MIN, LO_LEVEL_MAX,
                     &level, error))
        return FALSE;
      if (!int_attr (ctx, child, "weeks", "<roadmap> <step>", 1, LO_STEP_WEEKS_MAX,
                     &weeks, error))
        return FALSE;
      if (engagement->step_weeks[level] != 0)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                            _("<roadmap>: step %d is given twice"), level);
          return FALSE;
        }
      engagement->step_weeks[level] = weeks;
    }

  return TRUE;
}

/* level="1…5|na" or none ("don't know") of <answer> and <agreed>; FALSE,
 * with no message, when it is something else. */
static gboolean
parse_level (const xmlNode *node,
             int           *value)
{
  g_autofree char *level = lo_xml_attr (node, "level");

  if (level == NULL)
    *value = LO_ANSWER_DONT_KNOW;
  else if (g_str_equal (level, "na"))
    *value = LO_ANSWER_NA;
  else if (!lo_xml_parse_int (level, LO_LEVEL_MIN, LO_LEVEL_MAX, value))
    return FALSE;
  return TRUE;
}

/* The same, with a message about @what when it fails. */
static gboolean
read_level (LoXmlContext  *ctx,
            const xmlNode *node,
            const char    *what,
            int           *value,
            GError       **error)
{
  g_autofree char *level = NULL;

  if (parse_level (node, value))
    return TRUE;
  level = lo_xml_attr (node, "level");
  lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                    _("%s: level “%s” is not 1 to 5 or na"), what, level);
  return FALSE;
}

/* "respondent R: answer to Q", for a message about an answer: made only when
 * one is written (a file has an answer per respondent and question). */
static char *
answer_what (const LoRespondent *respondent,
             const char         *question)
{
  return g_strdup_printf (_("respondent %s: answer to %s"), respondent->id, question);
}

/* <answer question="…" level="1…5|na"><note>…</note></answer>; no level is "don't know". */
static gboolean
read_answer (LoXmlContext  *ctx,
             LoRespondent  *respondent,
             GHashTable    *questions,
             const xmlNode *node,
             GError       **error)
{
  static const char * const attributes[] = { "question", "level", NULL };
  g_autofree char *question = NULL;
  g_autofree char *note = NULL;
  int value;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  /* "respondent R" only for the message */
  question = present_attr (node, "question");
  if (question == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("respondent %s"), respondent->id);

      g_free (required_attr (ctx, node, "question", what, error));
      return FALSE;
    }

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      if (lo_xml_is (child, NS, "note"))
        {
          g_autofree char *about = answer_what (respondent, question);

          if (!lo_xml_note (ctx, child, about, LO_NOTE_MAX_CHARS, &note, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  if (!parse_level (node, &value))
    {
      g_autofree char *about = answer_what (respondent, question);

      return read_level (ctx, node, about, &value, error);
    }

  /* A set, and an append rather than lo_respondent_set_answer (), which
   * searches the answers: a linear search per answer is quadratic, some
   * 5 × 10⁹ comparisons for a respondent with 100 000 answers. */
  if (!g_hash_table_add (questions, g_strdup (question)))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("respondent %s answers %s twice"), respondent->id, question);
      return FALSE;
    }

  {
    LoAnswer answer = { g_steal_pointer (&question), value, g_steal_pointer (&note) };

    g_array_append_val (respondent->answers, answer);
  }
  return TRUE;
}

/* <respondent id="…" name="…" role="…"> answers </respondent> */
static gboolean
read_respondent (LoXmlContext  *ctx,
                 LoAssessment  *assessment,
                 GHashTable    *respondent_ids,
                 const xmlNode *node,
                 GError       **error)
{
  static const char * const attributes[] = { "id", "name", "role", NULL };
  g_autoptr(GHashTable) questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *what = g_strdup_printf (_("assessment %s: <respondent>"), assessment->id);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  LoRespondent *respondent;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  id = required_attr (ctx, node, "id", what, error);
  if (id == NULL)
    return FALSE;
  /* A set, not lo_assessment_lookup_respondent (): see read_process (). */
  if (!g_hash_table_add (respondent_ids, g_strdup (id)))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: respondent id “%s” is used twice"),
                        assessment->id, id);
      return FALSE;
    }
  g_free (what);
  what = g_strdup_printf (_("assessment %s: respondent %s"), assessment->id, id);
  name = required_attr (ctx, node, "name", what, error);
  if (name == NULL)
    return FALSE;
  role = lo_xml_attr (node, "role");
  if (!limit_name (ctx, node, "<respondent>", "id", id, error)
      || !limit_name (ctx, node, what, "name", name, error)
      || !limit_name (ctx, node, what, "role", role, error))
    return FALSE;
  if (assessment->respondents->len >= LO_LIMIT_MAX_RESPONDENTS)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: more than %d respondents"),
                        assessment->id, LO_LIMIT_MAX_RESPONDENTS);
      return FALSE;
    }

  respondent = lo_assessment_add_respondent (assessment, id, name, role);

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      if (lo_xml_is (child, NS, "answer"))
        {
          if (!read_answer (ctx, respondent, questions, child, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  return TRUE;
}

/* <agreed question="…" level="1…5|na"><note>…</note></agreed> */
static gboolean
read_agreed (LoXmlContext  *ctx,
             LoAssessment  *assessment,
             const xmlNode *node,
             GError       **error)
{
  static const char * const attributes[] = { "question", "level", NULL };
  g_autofree char *what = g_strdup_printf (_("assessment %s: <agreed>"), assessment->id);
  g_autofree char *question = NULL;
  g_autofree char *note = NULL;
  int value;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  question = required_attr (ctx, node, "question", what, error);
  if (question == NULL)
    return FALSE;
  g_free (what);
  what = g_strdup_printf (_("assessment %s: agreed answer to %s"), assessment->id, question);

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      if (lo_xml_is (child, NS, "note"))
        {
          if (!lo_xml_note (ctx, child, what, LO_NOTE_MAX_CHARS, &note, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  if (!read_level (ctx, node, what, &value, error))
    return FALSE;
  if (lo_assessment_get_agreed (assessment, question) != NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: the agreed answer to %s is given twice"),
                        assessment->id, question);
      return FALSE;
    }

  lo_assessment_set_agreed (assessment, question, value, note);
  return TRUE;
}

/* <target dimension="data" level="3"/> */
static gboolean
read_target (LoXmlContext  *ctx,
             LoAssessment  *assessment,
             const xmlNode *node,
             GError       **error)
{
  static const char * const attributes[] = { "dimension", "level", NULL };
  g_autofree char *what = g_strdup_printf (_("assessment %s: <target>"), assessment->id);
  g_autofree char *dimension = NULL;
  int level;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  dimension = required_attr (ctx, node, "dimension", what, error);
  if (dimension == NULL)
    return FALSE;
  g_free (what);
  what = g_strdup_printf (_("assessment %s: target for %s"), assessment->id, dimension);
  if (!int_attr (ctx, node, "level", what, LO_LEVEL_MIN, LO_LEVEL_MAX, &level, error))
    return FALSE;
  if (lo_assessment_get_target (assessment, dimension) != 0)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: the target for %s is given twice"),
                        assessment->id, dimension);
      return FALSE;
    }

  lo_assessment_set_target (assessment, dimension, level);
  return TRUE;
}

/* <assessment id="…" date="YYYY-MM-DD" bank="…"> respondents, targets </assessment> */
static gboolean
read_assessment (LoXmlContext  *ctx,
                 LoEngagement  *engagement,
                 const xmlNode *node,
                 GError       **error)
{
  static const char * const attributes[] = { "id", "date", "bank", "bank-edition", NULL };
  g_autoptr(LoAssessment) assessment = NULL;
  g_autofree char *what = NULL;
  g_autofree char *id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *bank = NULL;
  g_autofree char *edition_text = NULL;
  int edition = 1;
  g_autoptr(GHashTable) respondent_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  id = required_attr (ctx, node, "id", "<assessment>", error);
  if (id == NULL || !limit_name (ctx, node, "<assessment>", "id", id, error))
    return FALSE;
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *other = g_ptr_array_index (engagement->assessments, i);

      if (g_str_equal (other->id, id))
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("assessment id “%s” is used twice"), id);
          return FALSE;
        }
    }

  what = g_strdup_printf (_("assessment %s"), id);
  date = required_attr (ctx, node, "date", what, error);
  if (date == NULL)
    return FALSE;
  if (!lo_xml_parse_date (date))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: date “%s” is not a date of the form YYYY-MM-DD"),
                        id, date);
      return FALSE;
    }
  bank = required_attr (ctx, node, "bank", what, error);
  if (bank == NULL)
    return FALSE;

  /* absent: the bank's first edition (files from before editions existed) */
  edition_text = lo_xml_attr (node, "bank-edition");
  if (edition_text != NULL && !lo_xml_parse_int (edition_text, 1, G_MAXINT, &edition))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("assessment %s: bank-edition “%s” is not a positive integer"),
                        id, edition_text);
      return FALSE;
    }

  assessment = lo_assessment_new (id, date, bank);
  assessment->bank_edition = (guint) edition;

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      if (lo_xml_is (child, NS, "respondent"))
        {
          if (!read_respondent (ctx, assessment, respondent_ids, child, error))
            return FALSE;
        }
      else if (lo_xml_is (child, NS, "agreed"))
        {
          if (!read_agreed (ctx, assessment, child, error))
            return FALSE;
        }
      else if (lo_xml_is (child, NS, "target"))
        {
          if (!read_target (ctx, assessment, child, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  g_ptr_array_add (engagement->assessments, g_steal_pointer (&assessment));
  return TRUE;
}

/* "1", "1.0", "1.2": digits, optionally a dot and digits. */
static gboolean
parse_version (const char *text,
               int        *major,
               int        *minor)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ".", 3);
  n = g_strv_length (parts);
  if (n < 1 || n > 2)
    return FALSE;
  if (!lo_xml_parse_int (parts[0], 0, 99999999, major))
    return FALSE;
  *minor = 0;
  if (n == 2 && !lo_xml_parse_int (parts[1], 0, 99999999, minor))
    return FALSE;
  return TRUE;
}

/* The root's name, namespace and version say whether this program can read
 * the file, and how strictly. */
static gboolean
check_root (LoXmlContext  *ctx,
            const xmlNode *root,
            char         **version_out,
            GError       **error)
{
  const char *href = root->ns ? (const char *) root->ns->href : NULL;
  g_autofree char *version = NULL;
  int major, minor;

  if (href != NULL && g_str_has_prefix (href, ENGAGEMENT_NAMESPACE_BASE)
      && g_strcmp0 ((const char *) root->name, ENGAGEMENT_ELEMENT) == 0
      && !g_str_equal (href, LO_ENGAGEMENT_NAMESPACE))
    {
      const char *ns_major = href + strlen (ENGAGEMENT_NAMESPACE_BASE);

      if (lo_xml_parse_int (ns_major, 2, G_MAXINT, &major))
        {
          lo_xml_set_error (error, LO_IO_ERROR_VERSION, ctx->file, NULL,
                            _("format version %s (namespace %s) is newer than this program supports (%d)"),
                            ns_major, href, SUPPORTED_MAJOR);
          return FALSE;
        }
    }

  if (!lo_xml_is (root, LO_ENGAGEMENT_NAMESPACE, ENGAGEMENT_ELEMENT))
    {
      g_autofree char *label = lo_xml_element_label (root);

      if (href == NULL)
        lo_xml_set_error (error, LO_IO_ERROR_WRONG_FORMAT, ctx->file, root,
                          _("not an engagement file: root element %s has no namespace (expected <%s> in %s)"),
                          label, ENGAGEMENT_ELEMENT, LO_ENGAGEMENT_NAMESPACE);
      else
        lo_xml_set_error (error, LO_IO_ERROR_WRONG_FORMAT, ctx->file, root,
                          _("not an engagement file: root element %s is in namespace %s (expected <%s> in %s)"),
                          label, href, ENGAGEMENT_ELEMENT, LO_ENGAGEMENT_NAMESPACE);
      return FALSE;
    }

  version = lo_xml_attr (root, "version");
  if (version == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, root,
                        _("<engagement> has no version"));
      return FALSE;
    }
  if (!parse_version (version, &major, &minor) || major < 1)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, root,
                        _("format version “%s” is not of the form MAJOR or MAJOR.MINOR"),
                        version);
      return FALSE;
    }
  if (major > SUPPORTED_MAJOR)
    {
      lo_xml_set_error (error, LO_IO_ERROR_VERSION, ctx->file, NULL,
                        _("format version %s is newer than this program supports (%d)"),
                        version, SUPPORTED_MAJOR);
      return FALSE;
    }

  /* A newer minor version only adds: what this program does not know is
   * skipped with a warning instead of refused. */
  ctx->lenient = minor > KNOWN_MINOR (major);
  *version_out = g_steal_pointer (&version);
  return TRUE;
}

static LoEngagement *
read_engagement (LoXmlContext  *ctx,
                 const xmlNode *root,
                 GError       **error)
{
  static const char * const attributes[] = { "version", NULL };
  g_autoptr(LoEngagement) engagement = NULL;
  g_autofree char *version = NULL;
  const xmlNode *client = NULL;
  const xmlNode *settings = NULL;
  const xmlNode *roadmap = NULL;
  const xmlNode *commentary = NULL;
  g_autoptr(GHashTable) process_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!check_root (ctx, root, &version, error))
    return NULL;
  if (!lo_xml_check_attributes (ctx, root, attributes, error))
    return NULL;

  engagement = lo_engagement_new (NULL);
  g_free (engagement->version);
  engagement->version = g_steal_pointer (&version);

  for (const xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (!lo_xml_element_child (ctx, child, error))
        {
          if (*error != NULL)
            return NULL;
          continue;
        }

      if (lo_xml_is (child, NS, "client"))
        {
          if (client != NULL)
            {
              lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                                _("<client> is given twice (first on line %ld)"),
                                lo_xml_line (client));
              return NULL;
            }
          client = child;
          if (!read_client (ctx, engagement, child, error))
            return NULL;
        }
      else if (lo_xml_is (child, NS, "settings"))
        {
          if (settings != NULL)
            {
              lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                                _("<settings> is given twice (first on line %ld)"),
                                lo_xml_line (settings));
              return NULL;
            }
          settings = child;
          if (!read_settings (ctx, engagement, child, error))
            return NULL;
        }
      else if (lo_xml_is (child, NS, "roadmap"))
        {
          if (roadmap != NULL)
            {
              lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                                _("<roadmap> is given twice (first on line %ld)"),
                                lo_xml_line (roadmap));
              return NULL;
            }
          roadmap = child;
          if (!read_roadmap (ctx, engagement, child, error))
            return NULL;
        }
      else if (lo_xml_is (child, NS, "commentary"))
        {
          if (engagement->commentary != NULL)
            {
              lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, child,
                                _("<commentary> is given twice"));
              return NULL;
            }
          commentary = child;
          if (!lo_engagement_read_commentary (ctx, engagement, child, error))
            return NULL;
        }
      else if (lo_xml_is (child, NS, "assessment"))
        {
          if (!read_assessment (ctx, engagement, child, error))
            return NULL;
        }
      else if (lo_xml_is (child, NS, "process"))
        {
          if (!read_process (ctx, engagement, process_ids, child, error))
            return NULL;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return NULL;
    }

  if (client == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, root,
                        _("<engagement> has no <client>"));
      return NULL;
    }

  if (commentary != NULL && !lo_engagement_check_commentary_dimensions (ctx, engagement, commentary, error))
    return NULL;

  /* The model's own rules, shared with the window; what they check was
   * checked above with a line already, so this is a safety net. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!lo_engagement_validate (engagement, &local_error))
      {
        g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                     "%s: %s", ctx->file, local_error->message);
        return NULL;
      }
  }

  return g_steal_pointer (&engagement);
}

LoEngagement *
lo_engagement_read_bytes (GBytes     *bytes,
                          const char *display_name,
                          GPtrArray  *warnings,
                          GError    **error)
{
  LoXmlContext ctx = { display_name, warnings, FALSE, FALSE };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  LoEngagement *engagement;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = lo_xml_parse (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  engagement = read_engagement (&ctx, xmlDocGetRootElement (doc), &local_error);
  if (engagement == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return engagement;
}

LoEngagement *
lo_engagement_read_file (const char *path,
                         GPtrArray  *warnings,
                         GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = lo_xml_load_file (path, error);
  if (bytes == NULL)
    return NULL;

  display = lo_xml_display_name (path);
  return lo_engagement_read_bytes (bytes, display, warnings, error);
}
