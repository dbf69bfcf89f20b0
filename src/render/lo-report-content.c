/* lo-report-content.c: what the report says, section by section (SPEC §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lo-report-private.h"

#define CHART_H       215.0
#define CHART_H_SMALL 175.0

typedef LoReportBuilder Report;

/* The summary edition names this many processes left out, then "and N more". */
#define EXCLUDED_NAMED 10
/* Each roadmap step's priorities: its first actions in SPEC §1's order. */
#define STEP_PRIORITIES 5
/* A roadmap step of the full edition names this many processes. */
#define STEP_NAMED 25

static const char *
dim_name (const Report            *r,
          const LoDimensionScore *d)
{
  return lo_bank_text (r->bank, d->dimension->name);
}

static const LoFormatter *
fmt (const Report *r)
{
  return lo_render_formatter (r->ctx);
}

static const char *
cur (const Report *r)
{
  return lo_render_currency (r->ctx);
}

static char *
num (const Report *r,
     double        v,
     int           decimals)
{
  return lo_formatter_number (fmt (r), v, decimals);
}

static char *
money (const Report *r,
       double        v)
{
  return lo_report_money (r, v);
}

static gboolean
full_edition (const Report *r)
{
  return r->opts->edition == LO_REPORT_EDITION_FULL;
}

/* A rate: "8%", "7.5%" */
static char *
rate_percent (const Report *r,
              double        rate)
{
  return lo_formatter_percent (fmt (r), rate, fabs (rate * 100 - round (rate * 100)) > 1e-9 ? 1 : 0);
}

/* Up to two decimals, trailing zeros dropped. */
static char *
num_auto (const Report *r,
          double        v)
{
  int decimals = 0;

  if (fabs (v - round (v)) > 1e-9)
    decimals = fabs (v * 10 - round (v * 10)) > 1e-9 ? 2 : 1;
  return lo_formatter_number (fmt (r), v, decimals);
}

static char *
input_value (const Report *r,
             LoInputId     id,
             double        v)
{
  g_autofree char *n = NULL;

  switch (lo_input_unit (id))
    {
    case LO_UNIT_CURRENCY:
      return money (r, v);
    case LO_UNIT_FRACTION:
      {
        double pct = v * 100;
        int decimals = fabs (pct - round (pct)) > 1e-9 ? 1 : 0;
        return lo_formatter_percent (fmt (r), v, decimals);
      }
    case LO_UNIT_MINUTES:
      n = num_auto (r, v);
      /* TRANSLATORS: a duration in minutes, "4.5 min" */
      return g_strdup_printf (_("%s min"), n);
    case LO_UNIT_HOURS:
      n = num_auto (r, v);
      return g_strdup_printf (_("%s h"), n);
    case LO_UNIT_WEEKS:
      n = num_auto (r, v);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s week", "%s weeks", v == 1 ? 1 : 2), n);
    case LO_UNIT_MONTHS:
      n = num_auto (r, v);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s month", "%s months", v == 1 ? 1 : 2), n);
    case LO_UNIT_COUNT:
    default:
      return num_auto (r, v);
    }
}

static const char *
roi_name (const LoProcessRoi *roi)
{
  return roi->process->name && *roi->process->name ? roi->process->name : roi->process->id;
}

/* Cover and summary */

static void
build_cover (Report *r)
{
  const LoEngagement *e = r->in->engagement;
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *prepared = NULL;
  g_autofree char *subtitle = NULL;
  GDateTime *now = r->opts->creation_date;
  g_autoptr (GDateTime) local = NULL;

  if (now == NULL)
    now = local = g_date_time_new_now_local ();
  iso = g_date_time_format (now, "%Y-%m-%d");
  date = lo_formatter_date (fmt (r), iso);
  prepared = lo_report_firm_prepared_by (r->opts);
  if (e->client_industry && *e->client_industry)
    /* TRANSLATORS: %s is the client's industry */
    subtitle = g_strdup_printf (_("Where operations stand on the way to lights-out automation, what to automate first and what it is worth · %s"),
                                e->client_industry);
  else
    subtitle = g_strdup (_("Where operations stand on the way to lights-out automation, what to automate first and what it is worth"));
  lo_doc_cover (r->doc, _("AI maturity assessment and roadmap"), e->client_name, subtitle,
                prepared, date ? date : iso);
}

/* The three first actions of the roadmap, the weakest dimension's first. */
static void
top_actions (Report    *r,
             GPtrArray *out)
{
  const LoRoadmap *rm = r->in->roadmap;
  const LoRoadmapStep *step;
  const LoScore *score = r->in->score;

  if (rm == NULL || rm->kind != LO_ROADMAP_STEPS || rm->steps->len == 0)
    return;
  step = g_ptr_array_index (rm->steps, 0);
  for (guint pass = 0; pass < 2 && out->len < 3; pass++)
    for (guint i = 0; i < step->items->len && out->len < 3; i++)
      {
        const LoRoadmapItem *it = &g_array_index (step->items, LoRoadmapItem, i);
        gboolean weakest = score->weakest >= 0 && it->question->dimension == (guint) score->weakest;

        if (it->action == NULL || (pass == 0) != weakest)
          continue;
        g_ptr_array_add (out, (gpointer) lo_bank_text (r->bank, it->action));
      }
}

static void
build_summary (Report *r)
{
  const LoScore *score = r->in->score;
  const LoPortfolio *pf = r->in->portfolio;
  const LoEngagement *e = r->in->engagement;

  lo_doc_heading (r->doc, 1, _("Summary"));
  if (e->commentary)
    lo_report_append_commentary (r->doc, e->commentary->cover);

  if (score == NULL)
    lo_doc_note (r->doc, _("This engagement has no assessment yet, so the maturity sections "
                           "(levels, dimensions, roadmap) are left out of this report. Run the "
                           "assessment with the team to place the company on the five levels."));
  else if (!score->complete)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < score->n_dimensions; i++)
        if (!score->dimensions[i].has_score)
          {
            if (names->len)
              g_string_append (names, ", ");
            g_string_append (names, dim_name (r, &score->dimensions[i]));
          }
      {
        g_autofree char *text = g_markup_printf_escaped (
          _("<b>The assessment is incomplete.</b> %s has no answers yet, so there is no "
            "overall level and no roadmap. The missing answers are listed under "
            "“Roadmap to lights-out”; once they are in, the report can be produced again."),
          names->str);
        lo_doc_note (r->doc, text);
      }
    }
  else
    {
      const LoLevelDef *def = &r->bank->levels[score->overall_level - 1];
      g_autofree char *s = num (r, score->overall_score, 1);
      g_autofree char *text = g_markup_printf_escaped (
        /* TRANSLATORS: "Harbor Logistics is at level 2, Experimenting (overall score 2.6 of 5)." */
        _("<b>%s is at level %d, %s</b> (overall score %s of 5). %s"),
        e->client_name, score->overall_level, lo_level_name (r->bank, score->overall_level), s,
        def->description ? lo_bank_text (r->bank, def->description) : "");
      lo_doc_text (r->doc, text);
    }

  /* Key figures */
  if (score && score->complete)
    {
      g_autofree char *lvl = g_strdup_printf (_("Level %d"), score->overall_level);
      /* TRANSLATORS: %s is a level's name, "Experimenting" */
      g_autofree char *label = g_strdup_printf (_("%s: the overall level, set by the weakest dimension"),
                                                lo_level_name (r->bank, score->overall_level));
      lo_doc_figure (r->doc, lvl, label);
    }
  if (score)
    {
      if (full_edition (r))
        lo_doc_chart (r->doc, "radar", NULL, CHART_H + 20, NULL);
      if (score->complete && score->weakest >= 0)
        {
          const LoDimensionScore *w = &score->dimensions[score->weakest];
          g_autofree char *s = num (r, w->score, 1);
          g_autofree char *text = g_markup_printf_escaped (
            _("The weakest dimension is <b>%s</b> at %s. The overall level is the lowest "
              "dimension's level: a company cannot run lights-out on processes nobody has "
              "written down or on data its programs cannot reach, so this is where the "
              "roadmap starts."),
            dim_name (r, w), s);
          lo_doc_text (r->doc, text);
        }
    }

  if (r->in->previous && full_edition (r))
    lo_doc_chart (r->doc, "comparison", NULL, CHART_H, NULL);

  {
    g_autoptr (GPtrArray) actions = g_ptr_array_new ();

    if (score)
      top_actions (r, actions);
    if (actions->len > 0)
      {
        lo_doc_heading (r->doc, 3, _("The first three actions"));
        for (guint i = 0; i < actions->len; i++)
          {
            g_autofree char *t = g_markup_escape_text (g_ptr_array_index (actions, i), -1);
            lo_doc_bullet (r->doc, t);
          }
      }
  }

  if (pf && pf->processes->len > 0)
    {
      lo_report_programme_summary (r);
      lo_report_programme_excluded (r, EXCLUDED_NAMED);
    }
  else if (pf)
    lo_doc_text (r->doc, _("No candidate process has been described yet, so the report "
                           "has no return-on-investment figures."));
}

/* Maturity by dimension */


/* A note as report text: at most NOTE_SHOWN characters, white space collapsed. */
#define NOTE_SHOWN 600

static char *
shown_note (const char *note)
{
  g_auto (GStrv) words = g_strsplit_set (note, " \t\n\r", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  if (g_utf8_strlen (out->str, -1) > NOTE_SHOWN)
    {
      g_string_truncate (out, g_utf8_offset_to_pointer (out->str, NOTE_SHOWN) - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A point to discuss: what the group agreed and the notes given (SPEC §1). */
static void
append_agreed_and_notes (char                 **markup,
                         const LoQuestionScore *qs,
                         GPtrArray             *respondents)
{
  GString *out = g_string_new (*markup);

  if (qs->agreed != NULL)
    {
      g_autofree char *agreed = NULL;

      if (qs->agreed->value >= LO_LEVEL_MIN)
        /* TRANSLATORS: what the group agreed on after the discussion */
        agreed = g_markup_printf_escaped (_("Agreed: level %d."), qs->agreed->value);
      else if (qs->agreed->value == LO_ANSWER_NA)
        agreed = g_markup_printf_escaped ("%s", _("Agreed: not applicable."));
      else
        agreed = g_markup_printf_escaped ("%s", _("Agreed: nobody knows yet."));
      g_string_append_printf (out, " <b>%s</b>", agreed);
      if (qs->agreed->note != NULL)
        {
          g_autofree char *note = shown_note (qs->agreed->note);
          g_autofree char *escaped = g_markup_escape_text (note, -1);

          g_string_append_printf (out, " <i>%s</i>", escaped);
        }
    }
  for (guint k = 0; k < respondents->len; k++)
    {
      const LoRespondent *resp = g_ptr_array_index (respondents, k);
      const char *note = lo_respondent_get_note (resp, qs->question->id);
      g_autofree char *shown = NULL;
      g_autofree char *text = NULL;

      if (note == NULL)
        continue;
      shown = shown_note (note);
      /* TRANSLATORS: a respondent's note on an answer: "Ana Lee: “All in the wiki.”" */
      text = g_markup_printf_escaped (_("%s: “%s”"), resp->name ? resp->name : resp->id, shown);
      g_string_append_printf (out, " %s", text);
    }
  g_free (*markup);
  *markup = g_string_free (out, FALSE);
}

/* The questions of dimension @d (-1: all) that someone answered "don't know"
 * or left open: the knowledge the team must gather. */
static guint
knowledge_gaps (Report *r,
                int     d)
{
  const LoScore *score = r->in->score;
  guint n = 0;

  for (guint q = 0; q < score->n_questions; q++)
    {
      const LoQuestionScore *qs = &score->questions[q];
      g_autofree char *t = NULL;

      if ((d >= 0 && qs->question->dimension != (guint) d) || qs->n_dont_know == 0)
        continue;
      if (qs->state == LO_QUESTION_UNKNOWN)
        t = g_markup_printf_escaped (_("%s <i>(nobody could answer)</i>"),
                                     lo_bank_text (r->bank, qs->question->text));
      else
        t = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s <i>(%u person did not know)</i>",
                                                  "%s <i>(%u people did not know)</i>",
                                                  qs->n_dont_know),
                                     lo_bank_text (r->bank, qs->question->text), qs->n_dont_know);
      lo_doc_bullet (r->doc, t);
      n++;
    }
  return n;
}

static void
build_dimensions (Report *r)
{
  const LoScore *score = r->in->score;
  GPtrArray *respondents;

  if (score == NULL)
    return;
  respondents = score->assessment->respondents;

  lo_doc_heading (r->doc, 1, _("Maturity by dimension"));
  {
    g_autofree char *date = lo_formatter_date (fmt (r), score->assessment->date);
    g_autofree char *text = g_markup_printf_escaped (
      g_dngettext (GETTEXT_PACKAGE,
                   "The assessment of %s was answered by %u person. Each question describes "
                   "the company at levels 1 to 5; a question's combined answer is the mean of "
                   "the answers given, and a question is contested when answers differ by two "
                   "levels or more: those are the points to discuss.",
                   "The assessment of %s was answered by %u people. Each question describes "
                   "the company at levels 1 to 5; a question's combined answer is the mean of "
                   "the answers given, and a question is contested when answers differ by two "
                   "levels or more: those are the points to discuss.",
                   respondents->len),
      date ? date : score->assessment->date, respondents->len);
    lo_doc_text (r->doc, text);
  }
  if (respondents->len > 0)
    lo_doc_chart (r->doc, "heatmap", NULL,
                  MIN (560, 60 + 20.0 * respondents->len), NULL);

  for (guint d = 0; d < score->n_dimensions; d++)
    {
      const LoDimensionScore *ds = &score->dimensions[d];
      g_autofree char *title = NULL;
      guint n_contested = 0, n_unknown = 0, n_na = 0;

      if (ds->has_score)
        {
          g_autofree char *s = num (r, ds->score, 1);
          /* TRANSLATORS: "Process clarity: 2.8, level 2" */
          title = g_strdup_printf (_("%s: %s, level %d"), dim_name (r, ds), s, ds->level);
        }
      else
        title = g_strdup_printf (_("%s: no score yet"), dim_name (r, ds));
      lo_doc_heading (r->doc, 2, title);
      if (ds->dimension->description)
        {
          g_autofree char *t = g_markup_escape_text (lo_bank_text (r->bank, ds->dimension->description), -1);
          lo_doc_text (r->doc, t);
        }
      lo_report_append_commentary (r->doc, lo_commentary_get_dimension (r->in->engagement->commentary,
                                                                        ds->dimension->id));
      if (ds->has_score)
        {
          g_autofree char *text = g_markup_printf_escaped (
            _("Target: level %d. %u of %u questions answered."), ds->target, ds->answered, ds->questions);
          lo_doc_text (r->doc, text);
        }
      {
        g_autofree char *item = g_strdup (ds->dimension->id);
        /* room for a question of three lines beside its bar */
        double h = 40 + 36.0 * ds->questions;
        lo_doc_chart (r->doc, "questions", item, MIN (h, 400), NULL);
      }

      {
        const double widths[] = { 6, 1.3, 1.2, 1.8 };
        const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE };
        const char *header[] = { _("Question"), _("Combined"), _("Spread"), _("Answers") };

        lo_doc_table_begin (r->doc, 4, widths, numeric, header);
        for (guint q = 0; q < score->n_questions; q++)
          {
            const LoQuestionScore *qs = &score->questions[q];
            g_autofree char *text = NULL;
            g_autofree char *combined = NULL;
            g_autofree char *spread = NULL;
            g_autofree char *answers = NULL;

            if (qs->question->dimension != d)
              continue;
            text = qs->contested
                     ? g_markup_printf_escaped ("%s <span foreground=\"#D55E00\"><b>%s</b></span>",
                                                lo_bank_text (r->bank, qs->question->text), _("contested"))
                     : g_markup_escape_text (lo_bank_text (r->bank, qs->question->text), -1);
            if (qs->state == LO_QUESTION_ANSWERED)
              {
                combined = num (r, qs->combined, 1);
                spread = qs->n_given > 1 ? g_strdup_printf ("%d–%d", qs->min, qs->max) : g_strdup ("–");
              }
            else
              {
                combined = g_strdup (qs->state == LO_QUESTION_NA ? _("n/a") : _("unknown"));
                spread = g_strdup ("–");
              }
            answers = g_strdup_printf ("%u/%u", qs->n_given, qs->n_given + qs->n_dont_know + qs->n_na);
            lo_doc_table_rowv (r->doc, text, combined, spread, answers, NULL);
            n_contested += qs->contested;
            n_unknown += qs->n_dont_know > 0;
            n_na += qs->state == LO_QUESTION_NA;
          }
      }

      if (n_contested > 0)
        {
          lo_doc_heading (r->doc, 3, _("Points to discuss"));
          for (guint q = 0; q < score->n_questions; q++)
            {
              const LoQuestionScore *qs = &score->questions[q];
              g_autoptr (GString) who = g_string_new (NULL);
              g_autofree char *text = NULL;

              if (qs->question->dimension != d || !qs->contested)
                continue;
              for (guint k = 0; k < respondents->len; k++)
                {
                  const LoRespondent *resp = g_ptr_array_index (respondents, k);
                  int v;
                  if (lo_respondent_get_answer (resp, qs->question->id, &v) && v >= 1)
                    g_string_append_printf (who, "%s%s %d", who->len ? ", " : "",
                                            resp->name ? resp->name : resp->id, v);
                }
              text = g_markup_printf_escaped (_("<b>%s</b> Answers range from level %d to %d (%s)."),
                                              lo_bank_text (r->bank, qs->question->text),
                                              qs->min, qs->max, who->str);
              append_agreed_and_notes (&text, qs, respondents);
              lo_doc_bullet (r->doc, text);
            }
        }
      if (n_unknown > 0)
        {
          lo_doc_heading (r->doc, 3, _("What the team must find out"));
          knowledge_gaps (r, d);
        }
      if (n_na > 0)
        {
          g_autofree char *text = g_markup_printf_escaped (
            g_dngettext (GETTEXT_PACKAGE,
                         "%u question does not apply to the company and is left out of the score.",
                         "%u questions do not apply to the company and are left out of the score.",
                         n_na),
            n_na);
          lo_doc_text (r->doc, text);
        }
    }
}

/* Roadmap */

static void
build_missing (Report *r)
{
  const LoScore *score = r->in->score;

  lo_doc_note (r->doc, _("<b>No roadmap yet.</b> The roadmap starts from the overall level, "
                         "and the overall level needs a score in every dimension. Please "
                         "collect answers to the questions below; “don't know” is a fine "
                         "answer for some of them, but each dimension needs at least one "
                         "level given."));
  for (guint d = 0; d < score->n_dimensions; d++)
    {
      const LoDimensionScore *ds = &score->dimensions[d];

      if (ds->has_score)
        continue;
      lo_doc_heading (r->doc, 3, dim_name (r, ds));
      for (guint q = 0; q < score->n_questions; q++)
        {
          const LoQuestionScore *qs = &score->questions[q];
          if (qs->question->dimension == d && qs->state != LO_QUESTION_ANSWERED)
            {
              g_autofree char *t = g_markup_escape_text (lo_bank_text (r->bank, qs->question->text), -1);
              lo_doc_bullet (r->doc, t);
            }
        }
    }
}

/* An action of the roadmap as markup; a question nobody could answer is
 * "find out first". */
static char *
item_text (const Report        *r,
           const LoRoadmapItem *it)
{
  if (it->action)
    return g_markup_escape_text (lo_bank_text (r->bank, it->action), -1);
  return g_markup_printf_escaped (_("<b>Find out first:</b> %s"),
                                  lo_bank_text (r->bank, it->question->text));
}

/* The step's first @max actions in SPEC §1's order (weakest dimension first),
 * as a numbered list of priorities. The summary edition shows four of a
 * roadmap of four steps, so that it stays within six pages. */
static void
step_priorities (Report              *r,
                 const LoRoadmapStep *step,
                 guint                max)
{
  guint n = MIN (step->items->len, max);

  if (n == 0)
    return;
  /* The summary edition shows only the priorities, as a short list. */
  if (full_edition (r))
    lo_doc_heading (r->doc, 3, _("Priorities"));
  for (guint i = 0; i < n; i++)
    {
      const LoRoadmapItem *it = &g_array_index (step->items, LoRoadmapItem, i);
      const LoDimension *dim = g_ptr_array_index (r->bank->dimensions, it->question->dimension);
      g_autofree char *action = item_text (r, it);
      g_autofree char *dname = g_markup_escape_text (lo_bank_text (r->bank, dim->name), -1);
      g_autofree char *t = NULL;

      if (full_edition (r))
        /* TRANSLATORS: a numbered priority: "1. action (dimension)" */
        t = g_strdup_printf (_("%u. %s <span size=\"small\">(%s)</span>"), i + 1, action, dname);
      else
        t = g_strdup_printf ("%u. %s", i + 1, action);
      lo_doc_bullet (r->doc, t);
    }
}

static void
build_roadmap (Report *r)
{
  const LoScore *score = r->in->score;
  const LoRoadmap *rm = r->in->roadmap;

  if (score == NULL)
    return;
  lo_doc_heading (r->doc, 1, _("Roadmap to lights-out"));

  if (rm == NULL || rm->kind == LO_ROADMAP_INCOMPLETE || !score->complete)
    {
      build_missing (r);
      return;
    }
  if (rm->kind == LO_ROADMAP_SUSTAIN)
    {
      lo_doc_heading (r->doc, 2, _("Sustain level 5"));
      lo_doc_text (r->doc, _("Every dimension is at level 5: AI produces business output on its "
                             "own and people step in at decisions and exceptions. The work now "
                             "is to keep it that way."));
      lo_doc_bullet (r->doc, _("Review exception rates and thresholds every month; a rising rate is the first sign a process has drifted."));
      lo_doc_bullet (r->doc, _("Keep the audit trail of automated decisions and test changes to the automation before they go live."));
      lo_doc_bullet (r->doc, _("Measure time saved and errors against the baseline, and plan the next process from measured outcomes."));
      lo_doc_bullet (r->doc, _("Repeat this assessment once a year, or after a new system or a reorganisation."));
      return;
    }

  {
    g_autofree char *text = g_markup_printf_escaped (
      _("The roadmap climbs one level at a time, from level %d to level 5; no level is "
        "skipped. Each step lists the actions that lift every question to the step's level, "
        "and the processes it builds or changes."), rm->from_level);
    lo_doc_text (r->doc, text);
  }
  /* The summary edition shows the programme's schedule in its place when the
   * chart table has it (each process's build, approval and exception-only
   * phases). */
  if (!full_edition (r) && lo_chart_lookup ("programme-schedule") != NULL)
    lo_doc_chart (r->doc, "programme-schedule", NULL,
                  MIN (200, 70 + 16.0 * (r->in->programme ? r->in->programme->n_counted : 0)), NULL);
  else
    lo_doc_chart (r->doc, "roadmap", NULL,
                MIN (420, 50 + 19.0 * (rm->steps->len + (r->in->portfolio ? r->in->portfolio->processes->len : 0))),
                NULL);

  /* The summary edition gives the money before the steps' priorities. */
  if (!full_edition (r))
    lo_report_programme_roadmap (r);
  for (guint s = 0; s < rm->steps->len; s++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (rm->steps, s);
      g_autofree char *title = g_strdup_printf (_("Step %u: level %d, %s"), s + 1, step->level,
                                                lo_level_name (r->bank, step->level));
      int last_dim = -1;

      if (!full_edition (r) && step->weeks > 0)
        {
          /* the summary: the weeks in the heading, no description */
          g_autofree char *a = num (r, step->start_week, 0);
          g_autofree char *b = num (r, step->start_week + step->weeks, 0);
          /* TRANSLATORS: a step's heading and its weeks, "Step 1: level 3, Assisted · weeks 0–49" */
          g_autofree char *with_weeks = g_strdup_printf (_("%s · weeks %s–%s"), title, a, b);
          lo_doc_heading (r->doc, 2, with_weeks);
          step_priorities (r, step, rm->steps->len > 3 ? STEP_PRIORITIES - 1 : STEP_PRIORITIES);
          continue;
        }
      lo_doc_heading (r->doc, 2, title);
      if (step->weeks > 0)
        {
          g_autofree char *w = num (r, step->weeks, 0);
          g_autofree char *a = num (r, step->start_week, 0);
          g_autofree char *b = num (r, step->start_week + step->weeks, 0);
          const char *desc = r->bank->levels[step->level - 1].description && full_edition (r)
                               ? lo_bank_text (r->bank, r->bank->levels[step->level - 1].description) : "";
          g_autofree char *text = g_markup_printf_escaped (_("About %s weeks, from week %s to week %s. %s"),
                                                           w, a, b, desc);
          lo_doc_text (r->doc, text);
        }
      /* the summary's timeline shows each step's processes */
      if (step->processes && step->processes->len > 0 && full_edition (r))
        {
          const char *role = lo_roadmap_process_role (rm, step);
          g_autoptr (GString) names = g_string_new (NULL);

          /* the first STEP_NAMED: 10 000 processes stay one line */
          for (guint k = 0; k < MIN (step->processes->len, STEP_NAMED); k++)
            {
              const LoProcessRoi *roi = lo_report_input_lookup_roi (r->in, g_ptr_array_index (step->processes, k));
              g_string_append_printf (names, "%s%s", k ? ", " : "",
                                      roi ? roi_name (roi) : (const char *) g_ptr_array_index (step->processes, k));
            }
          if (names->len == 0 || step->processes->len > STEP_NAMED)
            {
              guint rest = step->processes->len - MIN (step->processes->len, names->len ? STEP_NAMED : 0);
              g_autofree char *more = g_strdup_printf (names->len
                                                         ? g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", rest)
                                                         : g_dngettext (GETTEXT_PACKAGE, "%u process", "%u processes", rest),
                                                       rest);
              g_string_append (names, more);
            }
          {
            g_autofree char *text = g_markup_printf_escaped ("<b>%s</b> %s: %s.", _("Processes."),
                                                             role ? role : "", names->str);
            lo_doc_text (r->doc, text);
          }
        }
      step_priorities (r, step, STEP_PRIORITIES);
      if (!full_edition (r))
        continue;
      for (guint k = 0; step->preparations && k < step->preparations->len; k++)
        {
          g_autofree char *t = g_markup_escape_text (g_ptr_array_index (step->preparations, k), -1);
          lo_doc_bullet (r->doc, t);
        }
      if (step->items->len <= STEP_PRIORITIES)
        continue;
      {
        g_autofree char *t = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "The full checklist of this step, %u action by dimension:",
                       "The full checklist of this step, %u actions by dimension:", step->items->len),
          step->items->len);
        lo_doc_heading (r->doc, 3, _("Full checklist"));
        lo_doc_text (r->doc, t);
      }
      for (guint i = 0; i < step->items->len; i++)
        {
          const LoRoadmapItem *it = &g_array_index (step->items, LoRoadmapItem, i);
          g_autofree char *t = NULL;
          g_autofree char *action = item_text (r, it);

          if ((int) it->question->dimension != last_dim)
            {
              const LoDimension *dim = g_ptr_array_index (r->bank->dimensions, it->question->dimension);
              last_dim = it->question->dimension;
              t = g_markup_printf_escaped ("<b>%s</b>", lo_bank_text (r->bank, dim->name));
              lo_doc_text (r->doc, t);
            }
          lo_doc_bullet (r->doc, action);
        }
    }
  if (full_edition (r))
    lo_report_programme_roadmap (r);
}

/* Processes */

static void
scenario_row (Report             *r,
              const char         *name,
              const LoRoiFigures *f)
{
  g_autofree char *npv = money (r, f->npv);
  g_autofree char *pb = isfinite (f->payback_months) ? num (r, f->payback_months, 1) : g_strdup (_("never"));
  g_autofree char *roi = isfinite (f->roi_percent) ? lo_formatter_percent (fmt (r), f->roi_percent / 100, 0)
                                                    : g_strdup (_("none"));
  g_autofree char *irr = lo_formatter_percent (fmt (r), f->irr, 0);
  g_autofree char *h = num (r, f->hours_saved_week, 1);

  lo_doc_table_rowv (r->doc, name, npv, pb, roi, irr, h, NULL);
}

static void
build_process (Report             *r,
               const LoProcessRoi *roi)
{
  const LoProcess *p = roi->process;
  const LoRoiFigures *f = &roi->expected;

  lo_doc_heading (r->doc, 2, roi_name (roi));
  {
    g_autofree char *standing = lo_report_process_standing (r, roi);
    lo_doc_text (r->doc, standing);
  }
  {
    g_autofree char *h = num (r, f->hours_saved_week, 1);
    g_autofree char *hv = g_strdup_printf (_("%s h"), h);
    g_autofree char *npv = lo_formatter_money_short (fmt (r), f->npv, cur (r));
    g_autofree char *pb = lo_formatter_months (fmt (r), f->payback_months);
    g_autofree char *rd = num (r, roi->readiness, 1);

    lo_doc_figure (r->doc, hv, _("hours saved per week"));
    lo_doc_figure (r->doc, npv, _("net present value"));
    lo_doc_figure (r->doc, pb, _("payback"));
    lo_doc_figure (r->doc, rd, roi->readiness_defaulted ? _("readiness (not assessed, 3 assumed)")
                                                        : _("readiness, of 5"));
  }

  {
    const double widths[] = { 4, 2, 2, 2 };
    const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE };
    const char *header[] = { _("Input"), _("Likely"), _("Low"), _("High") };

    lo_doc_table_begin (r->doc, 4, widths, numeric, header);
    for (guint i = 0; i < LO_N_INPUTS; i++)
      {
        const LoInput *in = &p->inputs[i];
        g_autofree char *label = NULL;
        g_autofree char *v = NULL;
        g_autofree char *lo = NULL;
        g_autofree char *hi = NULL;

        if (!in->set && !lo_input_is_required (i))
          continue;
        label = g_markup_escape_text (lo_input_label (i), -1);
        v = input_value (r, i, in->value);
        lo = in->ranged ? input_value (r, i, in->low) : g_strdup ("");
        hi = in->ranged ? input_value (r, i, in->high) : g_strdup ("");
        lo_doc_table_rowv (r->doc, label, v, lo, hi, NULL);
      }
  }

  lo_doc_chart (r->doc, "cashflow", p->id, CHART_H, NULL);

  lo_doc_heading (r->doc, 3, _("Scenarios"));
  {
    const double widths[] = { 2.4, 2, 1.6, 1.4, 1.4, 1.6 };
    const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };
    const char *header[] = { _("Scenario"), _("NPV"), _("Payback (months)"), _("ROI"), _("IRR"),
                             _("Hours per week") };

    lo_doc_table_begin (r->doc, 6, widths, numeric, header);
    scenario_row (r, _("Conservative"), &roi->conservative);
    scenario_row (r, _("Expected"), &roi->expected);
    scenario_row (r, _("Optimistic"), &roi->optimistic);
  }
  lo_doc_chart (r->doc, "scenarios", p->id, CHART_H_SMALL, NULL);
  if (roi->has_monte_carlo)
    lo_doc_chart (r->doc, "montecarlo", p->id, CHART_H_SMALL, NULL);
  lo_doc_chart (r->doc, "tornado", p->id, MIN (CHART_H, 50 + 15.0 * roi->n_tornado), NULL);

  if (roi->has_alternative)
    {
      g_autofree char *cost = money (r, p->alt_build_cost);
      g_autofree char *weeks = num_auto (r, p->alt_build_weeks);
      g_autofree char *npv = money (r, roi->alternative.npv);
      g_autofree char *pb = lo_formatter_months (fmt (r), roi->alternative.payback_months);
      g_autofree char *gained = num (r, fabs (roi->months_gained), 1);
      g_autofree char *text = NULL;

      if (roi->months_gained >= 0)
        text = g_markup_printf_escaped (_("<b>Alternative quote.</b> The other offer, %s in %s weeks, "
                                          "would have an NPV of %s and pay back after %s. This plan "
                                          "goes live %s months sooner."),
                                        cost, weeks, npv, pb, gained);
      else
        text = g_markup_printf_escaped (_("<b>Alternative quote.</b> The other offer, %s in %s weeks, "
                                          "would have an NPV of %s and pay back after %s. It "
                                          "goes live %s months sooner than this plan."),
                                        cost, weeks, npv, pb, gained);
      lo_doc_text (r->doc, text);
    }

  if (roi->actuals && roi->actuals->len > 0)
    {
      lo_doc_heading (r->doc, 3, _("Projected against actual"));
      lo_doc_chart (r->doc, "actuals", p->id, 240, NULL);
    }
}

/* SPEC §2c: a report details at most this many processes, those with the
 * highest NPV; the portfolio table lists them all. The time and memory of a
 * report of 10 000 processes stay bounded. */
#define DETAILED_PROCESSES LO_REPORT_DETAILED_PROCESSES

static int
compare_npv_descending (gconstpointer a,
                        gconstpointer b)
{
  const LoProcessRoi *x = *(const LoProcessRoi * const *) a;
  const LoProcessRoi *y = *(const LoProcessRoi * const *) b;
  double nx = isfinite (x->expected.npv) ? x->expected.npv : -INFINITY;
  double ny = isfinite (y->expected.npv) ? y->expected.npv : -INFINITY;

  return (nx < ny) - (nx > ny);
}

/* The processes detailed, in the portfolio's order: all of them, or the
 * DETAILED_PROCESSES with the highest NPV (ties: the earlier first). */
static GPtrArray *
detailed_processes (const LoPortfolio *pf)
{
  g_autoptr(GPtrArray) by_npv = NULL;
  g_autoptr(GHashTable) chosen = NULL;
  GPtrArray *detailed = g_ptr_array_new ();

  if (pf->processes->len <= DETAILED_PROCESSES)
    {
      for (guint i = 0; i < pf->processes->len; i++)
        g_ptr_array_add (detailed, g_ptr_array_index (pf->processes, i));
      return detailed;
    }

  /* not g_ptr_array_copy (), which would take the free function along */
  by_npv = g_ptr_array_sized_new (pf->processes->len);
  for (guint i = 0; i < pf->processes->len; i++)
    g_ptr_array_add (by_npv, g_ptr_array_index (pf->processes, i));
  /* g_ptr_array_sort is a stable merge sort: ties keep file order */
  g_ptr_array_sort (by_npv, compare_npv_descending);
  chosen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < DETAILED_PROCESSES; i++)
    g_hash_table_add (chosen, g_ptr_array_index (by_npv, i));
  for (guint i = 0; i < pf->processes->len; i++)
    if (g_hash_table_contains (chosen, g_ptr_array_index (pf->processes, i)))
      g_ptr_array_add (detailed, g_ptr_array_index (pf->processes, i));
  return detailed;
}

static void
build_processes (Report *r)
{
  const LoPortfolio *pf = r->in->portfolio;

  if (pf == NULL || pf->processes->len == 0)
    return;
  lo_doc_heading (r->doc, 1, _("Appendix: each process on its own"));
  {
    g_autofree char *rate = rate_percent (r, pf->settings.discount_rate);
    g_autofree char *real = lo_formatter_percent (fmt (r), pf->settings.realisation_rate, 0);
    g_autofree char *draws = num (r, lo_analysis_get_options (r->in->analysis)->draws, 0);
    g_autofree char *text = g_markup_printf_escaped (
      _("Each process is modelled month by month over %d months: the hours people no longer "
        "spend, fewer errors, the build cost up front and the running cost after go-live. "
        "Money is discounted at %s a year; %s of the freed hours count as cash savings. "
        "Ranges on the inputs give a conservative and an optimistic case and a Monte Carlo "
        "simulation of %s draws."),
      pf->settings.horizon_months, rate, real, draws);
    lo_doc_text (r->doc, text);
  }
  if (pf->processes->len > DETAILED_PROCESSES)
    {
      g_autofree char *text = g_markup_printf_escaped (
        g_dngettext (GETTEXT_PACKAGE,
                     "The %u processes with the highest net present value are detailed below; "
                     "the other %u is listed in the portfolio table.",
                     "The %u processes with the highest net present value are detailed below; "
                     "the other %u are listed in the portfolio table.",
                     pf->processes->len - DETAILED_PROCESSES),
        DETAILED_PROCESSES, pf->processes->len - DETAILED_PROCESSES);
      lo_doc_text (r->doc, text);
    }
  {
    g_autoptr(GPtrArray) detailed = detailed_processes (pf);

    for (guint i = 0; i < detailed->len; i++)
      {
        /* Each process on its own pages: the part a reader turns to. */
        lo_doc_page_break (r->doc);
        build_process (r, g_ptr_array_index (detailed, i));
      }
  }
}

static void
build_portfolio (Report *r)
{
  const LoPortfolio *pf = r->in->portfolio;

  if (pf == NULL || pf->processes->len == 0)
    return;
  lo_doc_heading (r->doc, 1, _("Portfolio and sequence"));
  lo_doc_text (r->doc, pf->custom_order
                         ? _("The processes side by side: readiness (is it written down, can its "
                             "systems be reached, is it one narrow workflow) against value. Bubbles "
                             "grow with the hours saved per week. The sequence is the build order "
                             "set for this client.")
                         : _("The processes side by side: readiness (is it written down, can its "
                             "systems be reached, is it one narrow workflow) against value. Bubbles "
                             "grow with the hours saved per week. The sequence builds the most ready "
                             "first, then the most valuable."));
  lo_doc_chart (r->doc, "portfolio", NULL, 300, NULL);
  {
    const double widths[] = { 0.6, 4, 1.4, 1.8, 1.4, 1.8 };
    const gboolean numeric[] = { TRUE, FALSE, TRUE, TRUE, TRUE, TRUE };
    const char *header[] = { "#", _("Process"), _("Readiness"), _("NPV"), _("Hours per week"),
                             _("Payback (months)") };

    lo_doc_table_begin (r->doc, 6, widths, numeric, header);
    for (guint i = 0; i < pf->sequence->len; i++)
      {
        const LoProcessRoi *roi = g_ptr_array_index (pf->sequence, i);
        g_autofree char *n = g_strdup_printf ("%u", i + 1);
        g_autofree char *name = g_markup_escape_text (roi_name (roi), -1);
        g_autofree char *rd = num (r, roi->readiness, 1);
        g_autofree char *npv = money (r, roi->expected.npv);
        g_autofree char *h = num (r, roi->expected.hours_saved_week, 1);
        g_autofree char *pb = isfinite (roi->expected.payback_months)
                                ? num (r, roi->expected.payback_months, 1) : g_strdup (_("never"));
        lo_doc_table_rowv (r->doc, n, name, rd, npv, h, pb, NULL);
      }
    {
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", _("All processes"));
      g_autofree char *npv = g_markup_printf_escaped ("<b>%s</b>", "");
      g_autofree char *m = money (r, pf->npv);
      g_autofree char *h = num (r, pf->hours_saved_week, 1);
      g_autofree char *mb = g_markup_printf_escaped ("<b>%s</b>", m);
      g_autofree char *hb = g_markup_printf_escaped ("<b>%s</b>", h);
      lo_doc_table_rowv (r->doc, "", name, npv, mb, hb, "", NULL);
    }
  }
  for (guint i = 0; pf->warnings && i < pf->warnings->len; i++)
    {
      g_autofree char *t = g_markup_escape_text (g_ptr_array_index (pf->warnings, i), -1);
      lo_doc_bullet (r->doc, t);
    }
}

/* Maturity at a glance (summary edition): the radar, each dimension's score
 * and level, and what the team must find out. */
static void
build_at_a_glance (Report *r)
{
  const LoScore *score = r->in->score;

  if (score == NULL)
    return;
  lo_doc_heading (r->doc, 1, _("Maturity at a glance"));
  lo_doc_chart (r->doc, "radar", NULL, CHART_H + 20, NULL);
  {
    const double widths[] = { 5, 1.5, 1.5, 1.5 };
    const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE };
    const char *header[] = { _("Dimension"), _("Score"), _("Level"), _("Contested") };

    lo_doc_table_begin (r->doc, 4, widths, numeric, header);
    for (guint d = 0; d < score->n_dimensions; d++)
      {
        const LoDimensionScore *ds = &score->dimensions[d];
        g_autofree char *name = g_markup_escape_text (dim_name (r, ds), -1);
        g_autofree char *sc = ds->has_score ? num (r, ds->score, 1) : g_strdup ("–");
        g_autofree char *lv = ds->has_score ? g_strdup_printf ("%d", ds->level) : g_strdup ("–");
        guint contested = 0;
        g_autofree char *c = NULL;

        for (guint q = 0; q < score->n_questions; q++)
          contested += score->questions[q].question->dimension == d && score->questions[q].contested;
        c = g_strdup_printf ("%u", contested);
        lo_doc_table_rowv (r->doc, name, sc, lv, c, NULL);
      }
  }
  {
    guint gaps = 0;

    for (guint q = 0; q < score->n_questions; q++)
      gaps += score->questions[q].n_dont_know > 0;
    if (gaps > 0)
      {
        lo_doc_heading (r->doc, 3, _("What the team must find out"));
        knowledge_gaps (r, -1);
      }
  }
}

/* The last page of both editions. The firm's profile and the consultant's
 * <commentary><next-steps> fill it when they are there (lo-report-firm.c);
 * this is the default call to action. */
static void
append_next_steps (Report *r)
{
  /* the consultant's words or a call to action, and the firm (lo-report-firm.c) */
  lo_report_append_next_steps (r->doc, r->in, r->opts);
}

/* The sections of each edition, in order (SPEC §6). */
typedef void (*SectionFunc) (Report *r);

#define IN_FULL    (1u << LO_REPORT_EDITION_FULL)
#define IN_SUMMARY (1u << LO_REPORT_EDITION_SUMMARY)

static const struct
{
  SectionFunc build;
  guint       editions;
} sections[] = {
  { build_cover,       IN_FULL | IN_SUMMARY },
  { build_summary,     IN_FULL | IN_SUMMARY },
  { build_at_a_glance, IN_SUMMARY },
  { build_dimensions,  IN_FULL },
  { build_roadmap,     IN_FULL | IN_SUMMARY },
  { build_portfolio,   IN_FULL },
  { build_processes,   IN_FULL },
  { lo_report_build_appendix, IN_FULL },
  { append_next_steps, IN_FULL | IN_SUMMARY },
};

void
lo_report_build (LoDoc                 *doc,
                 const LoReportInput   *input,
                 const LoReportOptions *opts,
                 const LoRenderContext *ctx)
{
  Report r = { doc, input, opts, ctx, input->bank };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].editions & (1u << opts->edition))
      sections[i].build (&r);
}
