/* lo-csv.c: the engagement as one sectioned CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lo-csv.h"
#include "lo-io.h"

typedef struct
{
  GString *str;
  guint    col;   /* fields written in the current row */
} Csv;

static void
separator (Csv *out)
{
  if (out->col++ > 0)
    g_string_append_c (out->str, ',');
}

static void
field_text (Csv        *csv,
            const char *text)
{
  GString *out = csv->str;
  gboolean quote;

  separator (csv);
  if (text == NULL)
    return;
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  /* A cell a spreadsheet would evaluate is kept as text. */
  if (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
field_number (Csv   *out,
              double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  separator (out);
  if (isfinite (value))
    g_string_append (out->str, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
field_int (Csv   *out,
           gint64 value)
{
  separator (out);
  g_string_append_printf (out->str, "%" G_GINT64_FORMAT, value);
}

static void
end_row (Csv *out)
{
  g_string_append (out->str, "\r\n");
  out->col = 0;
}

static void
header (Csv               *out,
        const char        *title,
        const char *const *names)
{
  g_string_append_printf (out->str, "[%s]", title);
  end_row (out);
  for (guint i = 0; names[i]; i++)
    field_text (out, names[i]);
  end_row (out);
}

static void
section_scores (Csv           *out,
                const LoScore *score)
{
  static const char *const names[] = {
    "dimension-id", "dimension", "score", "level", "target", "answered", "questions", NULL,
  };

  header (out, "Scores", names);
  if (score == NULL)
    return;
  for (guint d = 0; d < score->n_dimensions; d++)
    {
      const LoDimensionScore *ds = &score->dimensions[d];

      field_text (out, ds->dimension->id);
      field_text (out, lo_bank_text (score->bank, ds->dimension->name));
      field_number (out, ds->score);
      if (ds->has_score)
        field_int (out, ds->level);
      else
        field_text (out, NULL);
      if (ds->target > 0)
        field_int (out, ds->target);
      else
        field_text (out, NULL);
      field_int (out, ds->answered);
      field_int (out, ds->questions);
      end_row (out);
    }
  field_text (out, "overall");
  field_text (out, _("Overall"));
  field_number (out, score->overall_score);
  if (score->complete)
    field_int (out, score->overall_level);
  else
    field_text (out, NULL);
  field_text (out, NULL);
  field_text (out, NULL);
  field_text (out, NULL);
  end_row (out);
}

static void
answer_row (Csv              *out,
            const LoScore    *score,
            const LoQuestion *question,
            const char       *respondent_id,
            const char       *respondent,
            int               v,
            const char       *note)
{
  const LoDimension *dim = g_ptr_array_index (score->bank->dimensions, question->dimension);

  field_text (out, question->id);
  field_text (out, dim->id);
  field_text (out, lo_bank_text (score->bank, question->text));
  field_text (out, respondent_id);
  field_text (out, respondent);
  if (v == LO_ANSWER_DONT_KNOW)
    field_text (out, "dont-know");
  else if (v == LO_ANSWER_NA)
    field_text (out, "na");
  else
    field_int (out, v);
  field_text (out, note);
  end_row (out);
}

/* Each respondent's answer and note; after them, the agreed answer (an
 * empty respondent-id, respondent "agreed"). */
static void
section_answers (Csv           *out,
                 const LoScore *score)
{
  static const char *const names[] = {
    "question-id", "dimension-id", "question", "respondent-id", "respondent", "answer", "note", NULL,
  };

  header (out, "Answers", names);
  if (score == NULL)
    return;
  for (guint q = 0; q < score->n_questions; q++)
    {
      const LoQuestionScore *qs = &score->questions[q];

      for (guint k = 0; k < score->assessment->respondents->len; k++)
        {
          const LoRespondent *resp = g_ptr_array_index (score->assessment->respondents, k);
          int v;

          if (!lo_respondent_get_answer (resp, qs->question->id, &v))
            continue;
          answer_row (out, score, qs->question, resp->id, resp->name, v,
                      lo_respondent_get_note (resp, qs->question->id));
        }
      if (qs->agreed != NULL)
        answer_row (out, score, qs->question, NULL, "agreed", qs->agreed->value, qs->agreed->note);
    }
}

static void
section_roi (Csv               *out,
             const LoPortfolio *portfolio)
{
  static const char *const names[] = {
    "process-id", "process", "hours-saved-per-week", "fte", "annual-savings", "npv",
    "roi-percent", "payback-months", "irr", "readiness", "npv-conservative", "npv-optimistic",
    "npv-p10", "npv-p50", "npv-p90", "probability-positive", "sequence", NULL,
  };

  header (out, "ROI", names);
  if (portfolio == NULL)
    return;
  for (guint i = 0; i < portfolio->processes->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, i);
      const LoRoiFigures *f = &roi->expected;
      guint rank = 0;

      for (guint s = 0; s < portfolio->sequence->len; s++)
        if (g_ptr_array_index (portfolio->sequence, s) == roi)
          rank = s + 1;
      field_text (out, roi->process->id);
      field_text (out, roi->process->name);
      field_number (out, f->hours_saved_week);
      field_number (out, f->fte);
      field_number (out, f->annual_savings);
      field_number (out, f->npv);
      field_number (out, f->roi_percent);
      field_number (out, f->payback_months);
      field_number (out, f->irr);
      field_number (out, roi->readiness);
      field_number (out, roi->conservative.npv);
      field_number (out, roi->optimistic.npv);
      field_number (out, roi->has_monte_carlo ? roi->monte_carlo.npv_p10 : NAN);
      field_number (out, roi->has_monte_carlo ? roi->monte_carlo.npv_p50 : NAN);
      field_number (out, roi->has_monte_carlo ? roi->monte_carlo.npv_p90 : NAN);
      field_number (out, roi->has_monte_carlo ? roi->monte_carlo.probability_positive : NAN);
      field_int (out, rank);
      end_row (out);
    }
}

static const char *
process_name (const LoPortfolio *portfolio,
              const char        *id)
{
  for (guint i = 0; portfolio && i < portfolio->processes->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, i);
      if (g_strcmp0 (roi->process->id, id) == 0)
        return roi->process->name;
    }
  return id;
}

static void
plan_row (Csv                 *out,
          guint                n,
          const LoRoadmapStep *step,
          const char          *dimension,
          const char          *question,
          const char          *action)
{
  field_int (out, n);
  field_int (out, step->level);
  field_number (out, step->start_week);
  field_number (out, step->weeks);
  field_text (out, dimension);
  field_text (out, question);
  field_text (out, action);
  field_text (out, NULL);
  field_text (out, NULL);
  field_text (out, NULL);
  end_row (out);
}

static void
section_plan (Csv               *out,
              const LoRoadmap   *roadmap,
              const LoPortfolio *portfolio)
{
  static const char *const names[] = {
    "step", "level", "start-week", "weeks", "dimension", "question-id", "action", "owner",
    "due", "status", NULL,
  };

  header (out, "Action plan", names);
  if (roadmap == NULL || roadmap->kind != LO_ROADMAP_STEPS)
    return;
  for (guint s = 0; s < roadmap->steps->len; s++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, s);
      const LoBank *bank = roadmap->bank;

      for (guint i = 0; step->preparations && i < step->preparations->len; i++)
        plan_row (out, s + 1, step, NULL, NULL, g_ptr_array_index (step->preparations, i));
      for (guint i = 0; i < step->items->len; i++)
        {
          const LoRoadmapItem *it = &g_array_index (step->items, LoRoadmapItem, i);
          const LoDimension *dim = bank ? g_ptr_array_index (bank->dimensions, it->question->dimension) : NULL;
          g_autofree char *find_out = NULL;

          if (it->action == NULL)
            /* TRANSLATORS: an action plan row; %s is a question */
            find_out = g_strdup_printf (_("Find out first: %s"), lo_bank_text (bank, it->question->text));
          plan_row (out, s + 1, step, dim ? lo_bank_text (bank, dim->name) : NULL, it->question->id,
                    it->action ? lo_bank_text (bank, it->action) : find_out);
        }
      for (guint i = 0; step->processes && i < step->processes->len; i++)
        {
          const char *id = g_ptr_array_index (step->processes, i);
          /* TRANSLATORS: an action plan row; %s is a process name */
          g_autofree char *text = g_strdup_printf (_("Process: %s"), process_name (portfolio, id));
          plan_row (out, s + 1, step, NULL, NULL, text);
        }
    }
}

char *
lo_csv_report (const LoEngagement *engagement,
               const LoScore      *score,
               const LoPortfolio  *portfolio,
               const LoRoadmap    *roadmap,
               gsize              *length)
{
  Csv csv = { g_string_new (NULL), 0 };

  g_return_val_if_fail (engagement != NULL, NULL);

  section_scores (&csv, score);
  end_row (&csv);
  section_answers (&csv, score);
  end_row (&csv);
  section_roi (&csv, portfolio);
  end_row (&csv);
  section_plan (&csv, roadmap, portfolio);
  if (length)
    *length = csv.str->len;
  return g_string_free (csv.str, FALSE);
}

gboolean
lo_csv_write_file (const LoEngagement *engagement,
                   const LoScore      *score,
                   const LoPortfolio  *portfolio,
                   const LoRoadmap    *roadmap,
                   const char         *path,
                   GError            **error)
{
  gsize length;
  g_autofree char *data = lo_csv_report (engagement, score, portfolio, roadmap, &length);

  return lo_io_write_atomic (path, data, length, error);
}
