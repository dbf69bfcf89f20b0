/* lo-engagement-writer.c: canonical .lightsout XML and atomic file writes
 *
 * The output is deterministic: a fixed 2-space indentation, attributes in the
 * order of SPEC §3, numbers as the shortest text that reads back to the same
 * double, settings always in full (build-order only when the order was set by
 * hand). Reading it and writing again gives the same bytes.
 *
 * The version is the lowest that expresses the content (SPEC §3):
 * lo_engagement_format_version() decides it, and what a version adds is left
 * out at its default, so a file with only 1.0 content is written as version
 * "1", byte for byte as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lo-xml-private.h"

static void
append_process (GString         *out,
                const LoProcess *process)
{
  gboolean empty = TRUE;

  g_string_append (out, "  <process");
  lo_xml_append_attr (out, "id", process->id);
  lo_xml_append_attr (out, "name", process->name ? process->name : process->id);
  if (process->has_start)
    g_string_append_printf (out, " start=\"%04d-%02d\"", process->start_year, process->start_month);
  /* 1.1, only when not the default */
  if (process->include != LO_INCLUDE_AUTO)
    lo_xml_append_attr (out, "include", lo_include_to_string (process->include));

  for (LoInputId id = 0; id < LO_N_INPUTS; id++)
    {
      const LoInput *input = &process->inputs[id];

      if (!input->set)
        continue;
      if (empty)
        g_string_append (out, ">\n");
      empty = FALSE;

      g_string_append (out, "    <input");
      lo_xml_append_attr (out, "name", lo_input_name (id));
      lo_xml_append_number_attr (out, "value", input->value);
      if (input->ranged)
        {
          lo_xml_append_number_attr (out, "low", input->low);
          lo_xml_append_number_attr (out, "high", input->high);
        }
      g_string_append (out, "/>\n");
    }

  if (process->has_readiness)
    {
      if (empty)
        g_string_append (out, ">\n");
      empty = FALSE;
      g_string_append (out, "    <readiness");
      lo_xml_append_int_attr (out, "clarity", process->clarity);
      lo_xml_append_int_attr (out, "access", process->access);
      lo_xml_append_int_attr (out, "scope", process->scope);
      g_string_append (out, "/>\n");
    }

  if (process->has_alternative)
    {
      if (empty)
        g_string_append (out, ">\n");
      empty = FALSE;
      g_string_append (out, "    <alternative");
      lo_xml_append_number_attr (out, "build-cost", process->alt_build_cost);
      lo_xml_append_number_attr (out, "build-weeks", process->alt_build_weeks);
      g_string_append (out, "/>\n");
    }

  for (guint i = 0; i < process->actuals->len; i++)
    {
      const LoActual *actual = &g_array_index (process->actuals, LoActual, i);

      if (empty)
        g_string_append (out, ">\n");
      empty = FALSE;
      g_string_append_printf (out, "    <actual month=\"%04d-%02d\"", actual->year, actual->month);
      if (isfinite (actual->items))
        lo_xml_append_number_attr (out, "items", actual->items);
      if (isfinite (actual->hours))
        lo_xml_append_number_attr (out, "hours", actual->hours);
      if (isfinite (actual->errors))
        lo_xml_append_number_attr (out, "errors", actual->errors);
      if (isfinite (actual->run_cost))
        lo_xml_append_number_attr (out, "run-cost", actual->run_cost);
      g_string_append (out, "/>\n");
    }

  g_string_append (out, empty ? "/>\n" : "  </process>\n");
}

static void
append_answer_level (GString *out,
                     int      value)
{
  if (value == LO_ANSWER_NA)
    lo_xml_append_attr (out, "level", "na");
  else if (value >= LO_LEVEL_MIN && value <= LO_LEVEL_MAX)
    lo_xml_append_int_attr (out, "level", value);
  /* LO_ANSWER_DONT_KNOW: no level */
}

/* <note>…</note> on its own line, the text verbatim (escaped). */
static void
append_note (GString    *out,
             const char *indent,
             const char *note)
{
  g_string_append_printf (out, "%s<note>", indent);
  lo_xml_append_escaped (out, note, FALSE);
  g_string_append (out, "</note>\n");
}

static void
append_agreed (GString        *out,
               const LoAgreed *agreed)
{
  g_string_append (out, "    <agreed");
  lo_xml_append_attr (out, "question", agreed->question);
  append_answer_level (out, agreed->value);
  if (agreed->note == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  append_note (out, "      ", agreed->note);
  g_string_append (out, "    </agreed>\n");
}

static void
append_assessment (GString            *out,
                   const LoAssessment *assessment)
{
  g_string_append (out, "  <assessment");
  lo_xml_append_attr (out, "id", assessment->id);
  lo_xml_append_attr (out, "date", assessment->date);
  lo_xml_append_attr (out, "bank", assessment->bank);
  if (assessment->bank_edition != 1)
    lo_xml_append_int_attr (out, "bank-edition", (int) assessment->bank_edition);

  if (assessment->respondents->len == 0 && assessment->targets->len == 0 &&
      assessment->agreed->len == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");

  for (guint i = 0; i < assessment->respondents->len; i++)
    {
      const LoRespondent *respondent = g_ptr_array_index (assessment->respondents, i);

      g_string_append (out, "    <respondent");
      lo_xml_append_attr (out, "id", respondent->id);
      lo_xml_append_attr (out, "name", respondent->name && *respondent->name
                                       ? respondent->name : respondent->id);
      if (respondent->role != NULL)
        lo_xml_append_attr (out, "role", respondent->role);

      if (respondent->answers->len == 0)
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");
      for (guint j = 0; j < respondent->answers->len; j++)
        {
          const LoAnswer *answer = &g_array_index (respondent->answers, LoAnswer, j);

          g_string_append (out, "      <answer");
          lo_xml_append_attr (out, "question", answer->question);
          append_answer_level (out, answer->value);
          if (answer->note == NULL)
            {
              g_string_append (out, "/>\n");
              continue;
            }
          g_string_append (out, ">\n");
          append_note (out, "        ", answer->note);
          g_string_append (out, "      </answer>\n");
        }
      g_string_append (out, "    </respondent>\n");
    }

  for (guint i = 0; i < assessment->agreed->len; i++)
    append_agreed (out, &g_array_index (assessment->agreed, LoAgreed, i));

  for (guint i = 0; i < assessment->targets->len; i++)
    {
      const LoTarget *target = &g_array_index (assessment->targets, LoTarget, i);

      g_string_append (out, "    <target");
      lo_xml_append_attr (out, "dimension", target->dimension);
      lo_xml_append_int_attr (out, "level", target->level);
      g_string_append (out, "/>\n");
    }

  g_string_append (out, "  </assessment>\n");
}

/* Format 2.0 content: what would change an older reader's scores if it
 * skipped it — an assessment on a bank edition other than 1 would be scored
 * with the wrong text, and an agreed answer skipped would change its scores. */
static gboolean
has_major_2_content (const LoEngagement *engagement)
{
  for (guint i = 0; i < engagement->assessments->len; i++)
    {
      const LoAssessment *assessment = g_ptr_array_index (engagement->assessments, i);

      if (assessment->bank_edition != 1 || assessment->agreed->len > 0)
        return TRUE;
    }
  return FALSE;
}

/* Format 1.1 content: what an older reader may skip without changing a
 * figure it computes. */
static gboolean
has_minor_1_content (const LoEngagement *engagement)
{
  if (engagement->settings.parallel_builds != 1)
    return TRUE;
  /* notes change no figure */
  for (guint i = 0; i < engagement->assessments->len; i++)
    if (lo_assessment_has_notes (g_ptr_array_index (engagement->assessments, i)))
      return TRUE;
  if (!lo_commentary_is_empty (engagement->commentary))
    return TRUE;
  for (int level = LO_LEVEL_MIN; level <= LO_LEVEL_MAX; level++)
    if (engagement->step_weeks[level] != 0)
      return TRUE;
  for (guint i = 0; i < engagement->processes->len; i++)
    {
      const LoProcess *process = g_ptr_array_index (engagement->processes, i);

      if (process->include != LO_INCLUDE_AUTO)
        return TRUE;
    }
  return FALSE;
}

void
lo_engagement_format_version (const LoEngagement *engagement,
                              int                *major,
                              int                *minor)
{
  g_return_if_fail (engagement != NULL && major != NULL && minor != NULL);

  /* A new major version (content an older reader must not skip) is decided
   * first, then the minor versions of the major, highest first. */
  *major = has_major_2_content (engagement) ? 2 : 1;
  *minor = *major == 1 && has_minor_1_content (engagement) ? 1 : 0;
}

char *
lo_engagement_format_version_string (const LoEngagement *engagement)
{
  int major, minor;

  g_return_val_if_fail (engagement != NULL, NULL);

  lo_engagement_format_version (engagement, &major, &minor);
  /* 1.0 files are written as "1", as they always were; 2.0 as SPEC names it */
  if (major == 1 && minor == 0)
    return g_strdup_printf ("%d", major);
  return g_strdup_printf ("%d.%d", major, minor);
}

static void
append_roadmap (GString            *out,
                const LoEngagement *engagement)
{
  gboolean any = FALSE;

  for (int level = LO_LEVEL_MIN; level <= LO_LEVEL_MAX; level++)
    {
      if (engagement->step_weeks[level] == 0)
        continue;
      if (!any)
        g_string_append (out, "  <roadmap>\n");
      any = TRUE;
      g_string_append (out, "    <step");
      lo_xml_append_int_attr (out, "level", level);
      lo_xml_append_int_attr (out, "weeks", engagement->step_weeks[level]);
      g_string_append (out, "/>\n");
    }
  if (any)
    g_string_append (out, "  </roadmap>\n");
}

static void
append_commentary_text (GString    *out,
                        const char *element,
                        const char *attr_name,
                        const char *attr_value,
                        const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append_printf (out, "    <%s", element);
  if (attr_name)
    lo_xml_append_attr (out, attr_name, attr_value);
  g_string_append_c (out, '>');
  lo_xml_append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", element);
}

/* <commentary> (1.1): the cover note, each dimension's comment in the
 * order they were made, the next steps. */
static void
append_commentary (GString            *out,
                   const LoEngagement *engagement)
{
  const LoCommentary *c = engagement->commentary;

  if (lo_commentary_is_empty (c))
    return;
  g_string_append (out, "  <commentary>\n");
  append_commentary_text (out, "cover", NULL, NULL, c->cover);
  for (guint i = 0; i < c->dimensions->len; i++)
    {
      const LoDimensionComment *d = g_ptr_array_index (c->dimensions, i);
      append_commentary_text (out, "dimension", "id", d->dimension, d->text);
    }
  append_commentary_text (out, "next-steps", NULL, NULL, c->next_steps);
  g_string_append (out, "  </commentary>\n");
}

char *
lo_engagement_to_xml (const LoEngagement *engagement,
                      gsize              *length)
{
  const LoSettings *settings;
  g_autofree char *version = NULL;
  GString *out;

  g_return_val_if_fail (engagement != NULL, NULL);

  settings = &engagement->settings;
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  /* The lowest version that expresses the content */
  version = lo_engagement_format_version_string (engagement);
  g_string_append (out, "<engagement");
  lo_xml_append_attr (out, "xmlns", LO_ENGAGEMENT_NAMESPACE);
  lo_xml_append_attr (out, "version", version);
  g_string_append (out, ">\n");

  g_string_append (out, "  <client");
  lo_xml_append_attr (out, "name", engagement->client_name ? engagement->client_name : "");
  if (engagement->client_industry != NULL)
    lo_xml_append_attr (out, "industry", engagement->client_industry);
  g_string_append (out, "/>\n");

  g_string_append (out, "  <settings");
  lo_xml_append_int_attr (out, "horizon-months", settings->horizon_months);
  lo_xml_append_number_attr (out, "discount-rate", settings->discount_rate);
  lo_xml_append_attr (out, "currency", settings->currency ? settings->currency : "USD");
  lo_xml_append_number_attr (out, "hours-per-week", settings->hours_per_week);
  lo_xml_append_number_attr (out, "realisation-rate", settings->realisation_rate);
  /* Only when set: a file with the suggested sequence keeps its bytes. */
  if (engagement->custom_order)
    lo_xml_append_attr (out, "build-order", "custom");
  if (settings->parallel_builds != 1)
    lo_xml_append_int_attr (out, "parallel-builds", settings->parallel_builds);
  g_string_append (out, "/>\n");
  append_roadmap (out, engagement);
  append_commentary (out, engagement);

  for (guint i = 0; i < engagement->assessments->len; i++)
    append_assessment (out, g_ptr_array_index (engagement->assessments, i));
  for (guint i = 0; i < engagement->processes->len; i++)
    append_process (out, g_ptr_array_index (engagement->processes, i));

  g_string_append (out, "</engagement>\n");

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
lo_io_write_atomic (const char *path,
                    const char *data,
                    gsize       length,
                    GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A temporary file beside the target, synced, then renamed over it: the
   * target holds the old content or the new, never a part (lo-output-file.h
   * has every rule an output file follows). */
  if (!lo_output_file_set_contents (path, data ? data : "", length, &local_error))
    {
      g_set_error_literal (error, LO_IO_ERROR, LO_IO_ERROR_WRITE, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
lo_engagement_write_file (const LoEngagement *engagement,
                          const char         *path,
                          GError            **error)
{
  g_autofree char *xml = NULL;
  gsize length;

  g_return_val_if_fail (engagement != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xml = lo_engagement_to_xml (engagement, &length);
  return lo_io_write_atomic (path, xml, length, error);
}
