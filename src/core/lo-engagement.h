/* lo-engagement.h: an engagement (client, settings, assessments, processes)
 *
 * The in-memory form of a .lightsout file and of one client in the database.
 * Plain ref-counted structs with public fields: the readers fill them, the
 * computations read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-types.h"
#include "lo-commentary.h"

G_BEGIN_DECLS

/* An answer: a level 1 … 5, or one of these. */
#define LO_ANSWER_DONT_KNOW 0   /* <answer question="…"/> without level */
#define LO_ANSWER_NA        (-1) /* level="na" */

typedef struct
{
  char *question;   /* question id, verbatim */
  int   value;      /* 1 … 5, LO_ANSWER_DONT_KNOW or LO_ANSWER_NA */
  char *note;       /* the evidence or reason given; NULL when none */
} LoAnswer;

/* The answer the group agreed on after discussing a question (SPEC §1): it is
 * the question's combined answer; the respondents' own answers still give the
 * spread. */
typedef struct
{
  char *question;   /* question id, verbatim */
  int   value;      /* 1 … 5, LO_ANSWER_DONT_KNOW or LO_ANSWER_NA */
  char *note;       /* NULL when none */
} LoAgreed;

/* SPEC §2c: notes are at most this many characters. */
#define LO_NOTE_MAX_CHARS 20000

typedef struct
{
  char   *id;
  char   *name;
  char   *role;       /* may be NULL */
  GArray *answers;    /* LoAnswer, file order; at most one per question */
} LoRespondent;

typedef struct
{
  char *dimension;  /* dimension id */
  int   level;      /* 1 … 5 */
} LoTarget;

typedef struct
{
  gatomicrefcount ref_count;
  char      *id;
  char      *date;        /* YYYY-MM-DD */
  char      *bank;        /* bank id */
  guint      bank_edition; /* the bank's edition (its version); 1 when the file names none */
  GPtrArray *respondents; /* LoRespondent*, owned */
  GArray    *targets;     /* LoTarget, file order */
  GArray    *agreed;      /* LoAgreed, file order; at most one per question */
} LoAssessment;

/* SPEC §2 inputs, in the order of its table (the tornado's tie order). */
typedef enum
{
  LO_INPUT_VOLUME_PER_MONTH,
  LO_INPUT_MINUTES_PER_ITEM,
  LO_INPUT_HOURLY_COST,
  LO_INPUT_AUTOMATION_RATE,
  LO_INPUT_EXCEPTION_RATE,
  LO_INPUT_MINUTES_PER_EXCEPTION,
  LO_INPUT_ERROR_RATE_BEFORE,
  LO_INPUT_ERROR_RATE_AFTER,
  LO_INPUT_COST_PER_ERROR,
  LO_INPUT_BUILD_COST,
  LO_INPUT_BUILD_WEEKS,
  LO_INPUT_RUN_COST_PER_MONTH,
  LO_INPUT_RAMP_MONTHS,
  LO_INPUT_REVIEW_MINUTES_PER_ITEM,
  LO_INPUT_OVERSIGHT_HOURS_PER_MONTH,
  LO_N_INPUTS
} LoInputId;

typedef enum
{
  LO_UNIT_COUNT,
  LO_UNIT_MINUTES,
  LO_UNIT_HOURS,
  LO_UNIT_CURRENCY,
  LO_UNIT_FRACTION,
  LO_UNIT_WEEKS,
  LO_UNIT_MONTHS,
} LoInputUnit;

typedef struct
{
  gboolean set;     /* present in the file; absent optional inputs are 0 */
  double   value;   /* likely */
  gboolean ranged;  /* low and high given */
  double   low;
  double   high;
} LoInput;

/* A process's `include` (SPEC §2b): auto includes it in the programme when its
 * own expected NPV is ≥ 0. */
typedef enum
{
  LO_INCLUDE_AUTO,
  LO_INCLUDE_YES,
  LO_INCLUDE_NO,
} LoInclude;

typedef struct
{
  int    year;
  int    month;     /* 1 … 12 */
  /* NAN when the attribute is absent */
  double items;
  double hours;
  double errors;
  double run_cost;
} LoActual;

typedef struct
{
  gatomicrefcount ref_count;
  char    *id;
  char    *name;
  gboolean has_start;
  int      start_year;
  int      start_month;
  LoInput  inputs[LO_N_INPUTS];
  gboolean has_readiness;
  int      clarity;   /* 1 … 5 */
  int      access;
  int      scope;
  gboolean has_alternative;
  double   alt_build_cost;
  double   alt_build_weeks;
  GArray  *actuals;   /* LoActual, file order */
  LoInclude include;  /* SPEC §2b inclusion in the programme; default auto */
} LoProcess;

typedef struct
{
  int    horizon_months;   /* 1 … 240, default 36 */
  double discount_rate;    /* annual, default 0.08 */
  char  *currency;         /* ISO 4217, default "USD" */
  double hours_per_week;   /* default 40 */
  double realisation_rate; /* default 1 */
  int    parallel_builds;  /* build lanes, 1 … 20, default 1 (SPEC §2b) */
} LoSettings;

#define LO_PARALLEL_BUILDS_MAX 20
#define LO_STEP_WEEKS_MAX      260

typedef struct
{
  gatomicrefcount ref_count;
  char      *version;      /* file format version as read, "1" when new */
  char      *client_name;
  char      *client_industry; /* may be NULL */
  LoSettings settings;
  GPtrArray *assessments;  /* LoAssessment*, owned, file order */
  GPtrArray *processes;    /* LoProcess*, owned, file order */
  /* The file order of the processes is the build order the user set by hand
   * and replaces the suggested sequence (build-order="custom" in the file). */
  gboolean   custom_order;
  /* The weeks the consultant set for the roadmap's step reaching level k
   * (<roadmap><step level weeks/>), indexed by level 1 … 5; 0 = not set, the
   * step lasts its default (SPEC §1, "Schedule"). Index 0 is unused. */
  int        step_weeks[6];
  /* The consultant's words (<commentary>, format 1.1); NULL when none. */
  LoCommentary *commentary;
} LoEngagement;

/* "auto", "yes", "no" (the file's words); FALSE for anything else. */
const char  *lo_include_to_string   (LoInclude   include);
gboolean     lo_include_from_string (const char *text,
                                     LoInclude  *include);

/* Input metadata */
const char  *lo_input_name        (LoInputId id);   /* "volume-per-month" */
gboolean     lo_input_from_name   (const char *name,
                                   LoInputId  *id);
LoInputUnit  lo_input_unit        (LoInputId id);
gboolean     lo_input_is_required (LoInputId id);
/* Valid range of an input: [min, max], SPEC §2c (lo_limit_range ()). */
void         lo_input_range       (LoInputId id,
                                   double   *min,
                                   double   *max);
const char  *lo_input_label       (LoInputId id);   /* translated, for people */

void         lo_settings_init_defaults (LoSettings *settings);
void         lo_settings_clear         (LoSettings *settings);
void         lo_settings_copy          (const LoSettings *src,
                                        LoSettings       *dst);

#define LO_TYPE_ASSESSMENT (lo_assessment_get_type ())
#define LO_TYPE_PROCESS    (lo_process_get_type ())
#define LO_TYPE_ENGAGEMENT (lo_engagement_get_type ())
GType          lo_assessment_get_type (void) G_GNUC_CONST;
GType          lo_process_get_type    (void) G_GNUC_CONST;
GType          lo_engagement_get_type (void) G_GNUC_CONST;

LoAssessment  *lo_assessment_new      (const char *id,
                                       const char *date,
                                       const char *bank);
LoAssessment  *lo_assessment_ref      (LoAssessment *assessment);
void           lo_assessment_unref    (LoAssessment *assessment);
LoAssessment  *lo_assessment_copy     (const LoAssessment *assessment);
LoRespondent  *lo_assessment_add_respondent (LoAssessment *assessment,
                                             const char   *id,
                                             const char   *name,
                                             const char   *role);
LoRespondent  *lo_assessment_lookup_respondent (const LoAssessment *assessment,
                                                const char         *id);
/* Whether @a and @b have the same respondents (ids and names, in order); NULL
 * has none. Views use it to keep their widgets when only answers changed. */
gboolean       lo_assessment_same_respondents (const LoAssessment *a,
                                               const LoAssessment *b);
/* Sets (replaces) the respondent's answer to a question. */
void           lo_respondent_set_answer   (LoRespondent *respondent,
                                           const char   *question,
                                           int           value);
/* Removes it; returns FALSE when there was none. */
gboolean       lo_respondent_clear_answer (LoRespondent *respondent,
                                           const char   *question);
/* Returns TRUE and the value when the respondent has an <answer> for it. */
gboolean       lo_respondent_get_answer   (const LoRespondent *respondent,
                                           const char         *question,
                                           int                *value);
/* The note on the respondent's answer to @question (NULL or "" removes it);
 * a respondent without an answer to @question gets a "don't know" to carry it. */
void           lo_respondent_set_note     (LoRespondent *respondent,
                                           const char   *question,
                                           const char   *note);
/* The note, or NULL (borrowed). */
const char    *lo_respondent_get_note     (const LoRespondent *respondent,
                                           const char         *question);
/* Sets (replaces) the agreed answer to a question and its note (may be NULL). */
void           lo_assessment_set_agreed   (LoAssessment *assessment,
                                           const char   *question,
                                           int           value,
                                           const char   *note);
/* Removes it; returns FALSE when there was none. */
gboolean       lo_assessment_clear_agreed (LoAssessment *assessment,
                                           const char   *question);
/* The agreed answer to @question, or NULL (borrowed). */
const LoAgreed *lo_assessment_get_agreed  (const LoAssessment *assessment,
                                           const char         *question);
/* Whether any answer or agreed answer carries a note. */
gboolean       lo_assessment_has_notes    (const LoAssessment *assessment);
void           lo_assessment_set_target   (LoAssessment *assessment,
                                           const char   *dimension,
                                           int           level); /* 0 removes */
int            lo_assessment_get_target   (const LoAssessment *assessment,
                                           const char         *dimension); /* 0 = none set */

LoProcess     *lo_process_new         (const char *id,
                                       const char *name);
LoProcess     *lo_process_ref         (LoProcess *process);
void           lo_process_unref       (LoProcess *process);
LoProcess     *lo_process_copy        (const LoProcess *process);
/* The likely value of an input (0 when absent). */
double         lo_process_get         (const LoProcess *process,
                                       LoInputId        id);
void           lo_process_set         (LoProcess *process,
                                       LoInputId  id,
                                       double     value);
void           lo_process_set_range   (LoProcess *process,
                                       LoInputId  id,
                                       double     low,
                                       double     high);
/* Readiness (1 … 5): mean of clarity, access and scope; 3 when absent. */
double         lo_process_readiness   (const LoProcess *process);

LoEngagement  *lo_engagement_new      (const char *client_name);
LoEngagement  *lo_engagement_ref      (LoEngagement *engagement);
void           lo_engagement_unref    (LoEngagement *engagement);
LoEngagement  *lo_engagement_copy     (const LoEngagement *engagement);
LoProcess     *lo_engagement_lookup_process (const LoEngagement *engagement,
                                             const char         *id);
/* The weeks set for the step reaching @level (1 … 5), 0 when none is set. */
int            lo_engagement_get_step_weeks (const LoEngagement *engagement,
                                             int                 level);
/* Sets them; 0 returns the step to its default duration. */
void           lo_engagement_set_step_weeks (LoEngagement *engagement,
                                             int           level,
                                             int           weeks);
/* The assessment score and report use: assessments are ordered by date, equal
 * dates by file order, and the last one is the latest. NULL when there is none. */
LoAssessment  *lo_engagement_latest_assessment   (const LoEngagement *engagement);
/* The one dated before @assessment in the same ordering, or NULL. */
LoAssessment  *lo_engagement_previous_assessment (const LoEngagement *engagement,
                                                  const LoAssessment *assessment);

/* Semantic checks with messages that name the process and the input
 * ("invoicing: automation-rate: must be between 0 and 1"). Implemented in
 * lo-validate.c. */
gboolean       lo_assessment_validate_limits (const LoAssessment *assessment,
                                              GError            **error);
gboolean       lo_settings_validate   (const LoSettings *settings,
                                       GError          **error);
gboolean       lo_process_validate    (const LoProcess *process,
                                       GError         **error);
gboolean       lo_engagement_validate (const LoEngagement *engagement,
                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoAssessment, lo_assessment_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoProcess, lo_process_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoEngagement, lo_engagement_unref)

G_END_DECLS
