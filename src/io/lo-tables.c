/* lo-tables.c: the analysis as plain tables, for CSV and the workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "lo-tables-private.h"

static const LoColumn scores_columns[] = {
  { "dimension-id", N_("Dimension ID"), LO_COLUMN_TEXT, 16 },
  { "dimension", N_("Dimension"), LO_COLUMN_TEXT, 32 },
  { "score", N_("Score"), LO_COLUMN_NUMBER, 8 },
  { "level", N_("Level"), LO_COLUMN_INTEGER, 8 },
  { "target", N_("Target"), LO_COLUMN_INTEGER, 8 },
  { "answered", N_("Questions answered"), LO_COLUMN_INTEGER, 10 },
  { "questions", N_("Questions"), LO_COLUMN_INTEGER, 10 },
};

/* NOTES: developer "workshop" adds notes to LoAnswer; when they land, a
 * "notes" column goes after "answer" here and in answers_rows(). */
static const LoColumn answers_columns[] = {
  { "date", N_("Date"), LO_COLUMN_DATE, 12 },
  { "question-id", N_("Question ID"), LO_COLUMN_TEXT, 12 },
  { "dimension-id", N_("Dimension ID"), LO_COLUMN_TEXT, 16 },
  { "question", N_("Question"), LO_COLUMN_TEXT, 60 },
  { "respondent-id", N_("Respondent ID"), LO_COLUMN_TEXT, 14 },
  { "respondent", N_("Respondent"), LO_COLUMN_TEXT, 20 },
  { "answer", N_("Answer"), LO_COLUMN_INTEGER, 10 },
};

static const LoColumn roi_columns[] = {
  { "process-id", N_("Process ID"), LO_COLUMN_TEXT, 14 },
  { "process", N_("Process"), LO_COLUMN_TEXT, 28 },
  { "currency", N_("Currency"), LO_COLUMN_TEXT, 9 },
  { "build-cost", N_("Build cost"), LO_COLUMN_MONEY, 13 },
  { "run-cost-per-month", N_("Run cost per month"), LO_COLUMN_MONEY, 13 },
  { "hours-saved-per-week", N_("Hours saved per week"), LO_COLUMN_NUMBER, 11 },
  { "fte", N_("FTE"), LO_COLUMN_NUMBER, 8 },
  { "annual-savings", N_("Annual savings"), LO_COLUMN_MONEY, 14 },
  { "npv", N_("NPV"), LO_COLUMN_MONEY, 14 },
  { "roi-percent", N_("ROI"), LO_COLUMN_PERCENT, 10 },
  { "payback-months", N_("Payback (months)"), LO_COLUMN_NUMBER, 10 },
  { "irr", N_("IRR"), LO_COLUMN_FRACTION, 10 },
  { "readiness", N_("Readiness"), LO_COLUMN_NUMBER, 10 },
  { "npv-conservative", N_("NPV conservative"), LO_COLUMN_MONEY, 14 },
  { "npv-optimistic", N_("NPV optimistic"), LO_COLUMN_MONEY, 14 },
  { "npv-p10", N_("NPV P10"), LO_COLUMN_MONEY, 14 },
  { "npv-p50", N_("NPV P50"), LO_COLUMN_MONEY, 14 },
  { "npv-p90", N_("NPV P90"), LO_COLUMN_MONEY, 14 },
  { "probability-positive", N_("Chance NPV > 0"), LO_COLUMN_FRACTION, 10 },
  { "sequence", N_("Build order"), LO_COLUMN_INTEGER, 8 },
};

static const LoColumn actions_columns[] = {
  { "step", N_("Step"), LO_COLUMN_INTEGER, 6 },
  { "level", N_("Level"), LO_COLUMN_INTEGER, 6 },
  { "start-week", N_("Start week"), LO_COLUMN_INTEGER, 8 },
  { "weeks", N_("Weeks"), LO_COLUMN_INTEGER, 7 },
  { "priority", N_("Priority"), LO_COLUMN_INTEGER, 8 },
  { "dimension", N_("Dimension"), LO_COLUMN_TEXT, 24 },
  { "question-id", N_("Question ID"), LO_COLUMN_TEXT, 12 },
  { "action", N_("Action"), LO_COLUMN_TEXT, 60 },
  { "owner", N_("Owner"), LO_COLUMN_TEXT, 18 },
  { "due", N_("Due date"), LO_COLUMN_DATE, 12 },
  { "status", N_("Status"), LO_COLUMN_TEXT, 13 },
};

static const LoColumn programme_columns[] = {
  { "month", N_("Month"), LO_COLUMN_INTEGER, 8 },
  { "cash-flow", N_("Cash flow"), LO_COLUMN_MONEY, 14 },
  { "cumulative", N_("Cumulative"), LO_COLUMN_MONEY, 14 },
};

typedef struct
{
  LoTable *table;
  guint    col;
} Row;

static void
cell_text (Row        *row,
           const char *text)
{
  LoCell cell = { LO_CELL_EMPTY, NULL, 0 };

  if (text != NULL)
    {
      cell.kind = LO_CELL_TEXT;
      cell.text = g_string_chunk_insert_const (row->table->strings, text);
    }
  g_array_append_val (row->table->cells, cell);
  row->col++;
}

static void
cell_number (Row   *row,
             double value)
{
  LoCell cell = { LO_CELL_NUMBER, NULL, value };

  if (!isfinite (value))
    cell.kind = LO_CELL_EMPTY;
  g_array_append_val (row->table->cells, cell);
  row->col++;
}

/* A date YYYY-MM-DD; its serial day (days since 1899-12-30) for spreadsheets. */
static void
cell_date (Row        *row,
           const char *iso)
{
  int y, m, d;
  LoCell cell = { LO_CELL_EMPTY, NULL, 0 };

  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3
      && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_autoptr (GDate) epoch = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
      g_autoptr (GDate) date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);

      cell.kind = LO_CELL_DATE;
      cell.text = g_string_chunk_insert_const (row->table->strings, iso);
      cell.number = g_date_days_between (epoch, date);
    }
  g_array_append_val (row->table->cells, cell);
  row->col++;
}

static void
end_row (Row *row)
{
  g_assert (row->col == row->table->n_columns);
  row->table->n_rows++;
  row->col = 0;
}

static void
scores_rows (Row           *row,
             const LoScore *score)
{
  if (score == NULL)
    return;
  for (guint d = 0; d < score->n_dimensions; d++)
    {
      const LoDimensionScore *ds = &score->dimensions[d];

      cell_text (row, ds->dimension->id);
      cell_text (row, lo_bank_text (score->bank, ds->dimension->name));
      cell_number (row, ds->score);
      cell_number (row, ds->has_score ? ds->level : NAN);
      cell_number (row, ds->target > 0 ? ds->target : NAN);
      cell_number (row, ds->answered);
      cell_number (row, ds->questions);
      end_row (row);
    }
  cell_text (row, "overall");
  cell_text (row, _("Overall"));
  cell_number (row, score->overall_score);
  cell_number (row, score->complete ? score->overall_level : NAN);
  cell_number (row, NAN);
  cell_number (row, NAN);
  cell_number (row, NAN);
  end_row (row);
}

static void
answers_rows (Row           *row,
              const LoScore *score)
{
  if (score == NULL)
    return;
  for (guint q = 0; q < score->n_questions; q++)
    {
      const LoQuestion *question = score->questions[q].question;
      const LoDimension *dim = g_ptr_array_index (score->bank->dimensions, question->dimension);

      for (guint k = 0; k < score->assessment->respondents->len; k++)
        {
          const LoRespondent *resp = g_ptr_array_index (score->assessment->respondents, k);
          int v;

          if (!lo_respondent_get_answer (resp, question->id, &v))
            continue;
          cell_date (row, score->assessment->date);
          cell_text (row, question->id);
          cell_text (row, dim->id);
          cell_text (row, lo_bank_text (score->bank, question->text));
          cell_text (row, resp->id);
          cell_text (row, resp->name);
          if (v == LO_ANSWER_DONT_KNOW)
            cell_text (row, "dont-know");
          else if (v == LO_ANSWER_NA)
            cell_text (row, "na");
          else
            cell_number (row, v);
          /* NOTES: the answer's note goes here once LoAnswer has one. */
          end_row (row);
        }
    }
}

static void
roi_rows (Row               *row,
          const LoPortfolio *portfolio)
{
  g_autoptr (GHashTable) ranks = NULL;

  if (portfolio == NULL)
    return;
  /* the build order's place of each process (10,000 of them: no scans) */
  ranks = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint s = 0; s < portfolio->sequence->len; s++)
    g_hash_table_insert (ranks, g_ptr_array_index (portfolio->sequence, s), GUINT_TO_POINTER (s + 1));
  for (guint i = 0; i < portfolio->processes->len; i++)
    {
      const LoProcessRoi *roi = g_ptr_array_index (portfolio->processes, i);
      const LoRoiFigures *f = &roi->expected;
      const LoMonteCarlo *mc = roi->has_monte_carlo ? &roi->monte_carlo : NULL;
      LoRoiInputs inputs;
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, roi));

      lo_roi_inputs_from_process (roi->process, &inputs);
      cell_text (row, roi->process->id);
      cell_text (row, roi->process->name);
      cell_text (row, portfolio->settings.currency);
      cell_number (row, inputs.v[LO_INPUT_BUILD_COST]);
      cell_number (row, inputs.v[LO_INPUT_RUN_COST_PER_MONTH]);
      cell_number (row, f->hours_saved_week);
      cell_number (row, f->fte);
      cell_number (row, f->annual_savings);
      cell_number (row, f->npv);
      cell_number (row, f->roi_percent);
      cell_number (row, f->payback_months);
      cell_number (row, f->irr);
      cell_number (row, roi->readiness);
      cell_number (row, roi->conservative.npv);
      cell_number (row, roi->optimistic.npv);
      cell_number (row, mc ? mc->npv_p10 : NAN);
      cell_number (row, mc ? mc->npv_p50 : NAN);
      cell_number (row, mc ? mc->npv_p90 : NAN);
      cell_number (row, mc ? mc->probability_positive : NAN);
      cell_number (row, rank > 0 ? rank : NAN);
      end_row (row);
    }
}

/* The process's name by a hash lookup (10,000 of them: no scans). */
static const char *
process_name (const LoProgramme *programme,
              const char        *id)
{
  const LoProgrammeProcess *p = programme ? lo_programme_lookup (programme, id) : NULL;

  return p ? p->roi->process->name : id;
}

static void
action_row (Row                 *row,
            guint                n,
            const LoRoadmapStep *step,
            double               priority,
            const char          *dimension,
            const char          *question,
            const char          *action)
{
  cell_number (row, n);
  cell_number (row, step->level);
  cell_number (row, step->start_week);
  cell_number (row, step->weeks);
  cell_number (row, priority);
  cell_text (row, dimension);
  cell_text (row, question);
  cell_text (row, action);
  cell_text (row, NULL);
  cell_date (row, NULL);
  cell_text (row, NULL);
  end_row (row);
}

typedef struct
{
  guint  index;   /* the item's place in the step */
  double score;   /* its dimension's score; +∞ without one */
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/* Each item's priority in its step (1 first): SPEC §1's order, the weakest
 * dimension first, the bank's order within a dimension. (transfer full) */
static guint *
step_priorities (const LoRoadmapStep *step,
                 const LoScore       *score)
{
  guint n = step->items->len;
  g_autofree Ranked *ranked = g_new (Ranked, MAX (n, 1));
  guint *priority = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const LoRoadmapItem *it = &g_array_index (step->items, LoRoadmapItem, i);
      guint d = it->question->dimension;

      ranked[i].index = i;
      ranked[i].score = score != NULL && d < score->n_dimensions && score->dimensions[d].has_score
                          ? score->dimensions[d].score : INFINITY;
    }
  qsort (ranked, n, sizeof (Ranked), compare_ranked);
  for (guint i = 0; i < n; i++)
    priority[ranked[i].index] = i + 1;
  return priority;
}

static void
actions_rows (Row               *row,
              const LoRoadmap   *roadmap,
              const LoScore     *score,
              const LoProgramme *programme)
{
  if (roadmap == NULL || roadmap->kind != LO_ROADMAP_STEPS)
    return;
  for (guint s = 0; s < roadmap->steps->len; s++)
    {
      const LoRoadmapStep *step = g_ptr_array_index (roadmap->steps, s);
      const LoBank *bank = roadmap->bank;
      g_autofree guint *priority = step_priorities (step, score);

      for (guint i = 0; step->preparations && i < step->preparations->len; i++)
        action_row (row, s + 1, step, NAN, NULL, NULL, g_ptr_array_index (step->preparations, i));
      for (guint i = 0; i < step->items->len; i++)
        {
          const LoRoadmapItem *it = &g_array_index (step->items, LoRoadmapItem, i);
          const LoDimension *dim = bank ? g_ptr_array_index (bank->dimensions, it->question->dimension) : NULL;
          g_autofree char *find_out = NULL;

          if (it->action == NULL)
            /* TRANSLATORS: an action plan row; %s is a question */
            find_out = g_strdup_printf (_("Find out first: %s"), lo_bank_text (bank, it->question->text));
          action_row (row, s + 1, step, priority[i], dim ? lo_bank_text (bank, dim->name) : NULL,
                      it->question->id, it->action ? lo_bank_text (bank, it->action) : find_out);
        }
      for (guint i = 0; step->processes && i < step->processes->len; i++)
        {
          const char *id = g_ptr_array_index (step->processes, i);
          /* TRANSLATORS: an action plan row; %s is a process name */
          g_autofree char *text = g_strdup_printf (_("Process: %s"), process_name (programme, id));
          action_row (row, s + 1, step, NAN, NULL, NULL, text);
        }
    }
}

static void
programme_rows (Row               *row,
                const LoProgramme *programme)
{
  if (programme == NULL || programme->cash_flow == NULL)
    return;
  for (guint m = 0; m <= programme->horizon; m++)
    {
      cell_number (row, m);
      cell_number (row, programme->cash_flow[m]);
      cell_number (row, programme->cumulative[m]);
      end_row (row);
    }
}

LoTable *
lo_table_new (LoCsvTable        id,
              const LoAnalysis *analysis)
{
  LoTable *table = g_new0 (LoTable, 1);
  Row row = { table, 0 };
  const LoScore *score = lo_analysis_get_score (analysis);

  table->id = id;
  table->cells = g_array_new (FALSE, FALSE, sizeof (LoCell));
  table->strings = g_string_chunk_new (4096);
  switch (id)
    {
    case LO_CSV_SCORES:
      table->columns = scores_columns;
      table->n_columns = G_N_ELEMENTS (scores_columns);
      scores_rows (&row, score);
      break;
    case LO_CSV_ANSWERS:
      table->columns = answers_columns;
      table->n_columns = G_N_ELEMENTS (answers_columns);
      answers_rows (&row, score);
      break;
    case LO_CSV_ROI:
      table->columns = roi_columns;
      table->n_columns = G_N_ELEMENTS (roi_columns);
      roi_rows (&row, lo_analysis_get_portfolio (analysis));
      break;
    case LO_CSV_ACTIONS:
      table->columns = actions_columns;
      table->n_columns = G_N_ELEMENTS (actions_columns);
      actions_rows (&row, lo_analysis_get_roadmap (analysis), score,
                    lo_analysis_get_programme (analysis));
      break;
    case LO_CSV_PROGRAMME:
      table->columns = programme_columns;
      table->n_columns = G_N_ELEMENTS (programme_columns);
      programme_rows (&row, lo_analysis_get_programme (analysis));
      break;
    case LO_CSV_N_TABLES:
    default:
      g_assert_not_reached ();
    }
  return table;
}

void
lo_table_free (LoTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->cells);
  g_string_chunk_free (table->strings);
  g_free (table);
}

const LoCell *
lo_table_cell (const LoTable *table,
               guint          row,
               guint          column)
{
  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, NULL);
  return &g_array_index (table->cells, LoCell, row * table->n_columns + column);
}
