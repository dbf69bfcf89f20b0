/* lo-engagement-reader-processes.c: an engagement file's <process> elements (SPEC §3):
 * inputs, readiness, alternative and actuals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lo-engagement-reader-private.h"

/* "process P: input NAME", for a message about an input: made only when one
 * is written (a file has some hundred inputs, each message a lookup in the
 * catalogue). */
static char *
input_what (const LoProcess *process,
            const char      *name)
{
  return g_strdup_printf (_("process %s: input %s"), process->id, name);
}

/* <input name="volume-per-month" value="1200" low="1000" high="1500"/>;
 * @subject is "process P", for the limits' messages. */
static gboolean
read_input (LoXmlContext  *ctx,
            LoProcess     *process,
            const char    *subject,
            const xmlNode *node,
            GError       **error)
{
  static const char * const attributes[] = { "name", "value", "low", "high", NULL };
  g_autofree char *name = NULL;
  gboolean has_low, has_high, present;
  double value, low = 0, high = 0;
  LoInputId id;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  name = present_attr (node, "name");
  if (name == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("process %s: <input>"), process->id);

      g_free (required_attr (ctx, node, "name", what, error));
      return FALSE;
    }
  if (!lo_input_from_name (name, &id))
    {
      /* A typo must not silently leave an input at 0. */
      if (!ctx->lenient)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("process %s: unknown input “%s”"), process->id, name);
          return FALSE;
        }
      lo_xml_warn (ctx, node, _("process %s: skipped unknown input “%s”"), process->id, name);
      return TRUE;
    }
  if (process->inputs[id].set)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("process %s: input %s is given twice"), process->id, name);
      return FALSE;
    }

  /* The value's own message names the input, not the attribute. */
  {
    g_autofree char *text = lo_xml_attr (node, "value");

    if (text == NULL)
      {
        g_autofree char *what = input_what (process, name);

        lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                          _("%s: attribute value is missing"), what);
        return FALSE;
      }
    if (!lo_xml_parse_number (text, &value))
      {
        g_autofree char *what = input_what (process, name);

        lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                          _("%s: “%s” is not a number"), what, text);
        return FALSE;
      }
  }
  if (!limit_attr (ctx, node, "value", lo_limit_for_input (id), subject, NULL, &present, &value, error)
      || !limit_attr (ctx, node, "low", lo_limit_for_input (id), subject, "low", &has_low, &low, error)
      || !limit_attr (ctx, node, "high", lo_limit_for_input (id), subject, "high", &has_high, &high, error))
    return FALSE;

  if (has_low != has_high)
    {
      g_autofree char *what = input_what (process, name);

      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: low and high must be given both or neither"), what);
      return FALSE;
    }
  if (has_low && !(low <= value && value <= high))
    {
      char low_text[G_ASCII_DTOSTR_BUF_SIZE];
      char value_text[G_ASCII_DTOSTR_BUF_SIZE];
      char high_text[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *what = input_what (process, name);

      lo_xml_format_number (low, low_text);
      lo_xml_format_number (value, value_text);
      lo_xml_format_number (high, high_text);
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s: low %s, value %s and high %s are not in order (low ≤ value ≤ high)"),
                        what, low_text, value_text, high_text);
      return FALSE;
    }

  lo_process_set (process, id, value);
  if (has_low)
    lo_process_set_range (process, id, low, high);
  return TRUE;
}

/* <readiness clarity="3" access="4" scope="5"/> */
static gboolean
read_readiness (LoXmlContext  *ctx,
                LoProcess     *process,
                const xmlNode *node,
                GError       **error)
{
  static const char * const attributes[] = { "clarity", "access", "scope", NULL };
  g_autofree char *what = g_strdup_printf (_("process %s: readiness"), process->id);

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  if (process->has_readiness)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("process %s: <readiness> is given twice"), process->id);
      return FALSE;
    }
  if (!int_attr (ctx, node, "clarity", what, 1, 5, &process->clarity, error)
      || !int_attr (ctx, node, "access", what, 1, 5, &process->access, error)
      || !int_attr (ctx, node, "scope", what, 1, 5, &process->scope, error))
    return FALSE;

  process->has_readiness = TRUE;
  return TRUE;
}

/* <alternative build-cost="135000" build-weeks="39"/> */
static gboolean
read_alternative (LoXmlContext  *ctx,
                  LoProcess     *process,
                  const xmlNode *node,
                  GError       **error)
{
  static const char * const attributes[] = { "build-cost", "build-weeks", NULL };
  g_autofree char *what = g_strdup_printf (_("process %s: alternative"), process->id);
  gboolean present;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  if (process->has_alternative)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("process %s: <alternative> is given twice"), process->id);
      return FALSE;
    }
  if (!required_number_attr (ctx, node, "build-cost", what, 0, INFINITY,
                             &process->alt_build_cost, error)
      || !required_number_attr (ctx, node, "build-weeks", what, 0, INFINITY,
                                &process->alt_build_weeks, error)
      || !limit_attr (ctx, node, "build-cost", LO_LIMIT_BUILD_COST, what, NULL,
                      &present, &process->alt_build_cost, error)
      || !limit_attr (ctx, node, "build-weeks", LO_LIMIT_BUILD_WEEKS, what, NULL,
                      &present, &process->alt_build_weeks, error))
    return FALSE;

  process->has_alternative = TRUE;
  return TRUE;
}

/* <actual month="2027-03" items="1180" hours="31.5" errors="9" run-cost="900"/> */
static gboolean
read_actual (LoXmlContext  *ctx,
             LoProcess     *process,
             const xmlNode *node,
             GError       **error)
{
  static const char * const attributes[] = { "month", "items", "hours", "errors", "run-cost", NULL };
  g_autofree char *what = g_strdup_printf (_("process %s: <actual>"), process->id);
  g_autofree char *month = NULL;
  LoActual actual = { 0, 0, NAN, NAN, NAN, NAN };
  gboolean present;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;
  FOR_EACH_ELEMENT (ctx, node, child, error)
    if (!lo_xml_unknown_element (ctx, child, error))
      return FALSE;

  month = required_attr (ctx, node, "month", what, error);
  if (month == NULL)
    return FALSE;
  if (!lo_xml_parse_month (month, &actual.year, &actual.month))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("process %s: actual month “%s” is not of the form YYYY-MM"),
                        process->id, month);
      return FALSE;
    }
  for (guint i = 0; i < process->actuals->len; i++)
    {
      const LoActual *other = &g_array_index (process->actuals, LoActual, i);

      if (other->year == actual.year && other->month == actual.month)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("process %s: actual figures for %s are given twice"),
                            process->id, month);
          return FALSE;
        }
    }

  g_free (what);
  what = g_strdup_printf (_("process %s: actual %s"), process->id, month);
  if (!limit_attr (ctx, node, "items", LO_LIMIT_ACTUAL_ITEMS, what, NULL, &present, &actual.items, error)
      || !limit_attr (ctx, node, "hours", LO_LIMIT_ACTUAL_HOURS, what, NULL, &present, &actual.hours, error)
      || !limit_attr (ctx, node, "errors", LO_LIMIT_ACTUAL_ERRORS, what, NULL, &present, &actual.errors, error)
      || !limit_attr (ctx, node, "run-cost", LO_LIMIT_ACTUAL_RUN_COST, what, NULL, &present, &actual.run_cost, error))
    return FALSE;

  g_array_append_val (process->actuals, actual);
  return TRUE;
}

/* <process id="…" name="…" start="YYYY-MM"> inputs, readiness, alternative, actuals </process> */
gboolean
read_process (LoXmlContext  *ctx,
              LoEngagement  *engagement,
              GHashTable    *process_ids,
              const xmlNode *node,
              GError       **error)
{
  static const char * const attributes[] = { "id", "name", "start", "include", NULL };
  g_autoptr(LoProcess) process = NULL;
  g_autofree char *what = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *include = NULL;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  id = required_attr (ctx, node, "id", "<process>", error);
  if (id == NULL || !limit_name (ctx, node, "<process>", "id", id, error))
    return FALSE;
  if (engagement->processes->len >= LO_LIMIT_MAX_PROCESSES)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("more than %d processes"), LO_LIMIT_MAX_PROCESSES);
      return FALSE;
    }
  /* A set, not lo_engagement_lookup_process (): a linear search per process
   * makes a file of 40 000 processes take half a minute. */
  if (!g_hash_table_add (process_ids, g_strdup (id)))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("process id “%s” is used twice"), id);
      return FALSE;
    }
  what = g_strdup_printf (_("process %s"), id);
  name = required_attr (ctx, node, "name", what, error);
  if (name == NULL || !limit_name (ctx, node, what, "name", name, error))
    return FALSE;

  process = lo_process_new (id, name);

  start = lo_xml_attr (node, "start");
  if (start != NULL)
    {
      if (!lo_xml_parse_month (start, &process->start_year, &process->start_month))
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("process %s: start “%s” is not a month of the form YYYY-MM"),
                            id, start);
          return FALSE;
        }
      process->has_start = TRUE;
    }

  /* format 1.1 */
  include = lo_xml_attr (node, "include");
  if (include != NULL && !lo_include_from_string (include, &process->include))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("process %s: include “%s” is not auto, yes or no"),
                        id, include);
      return FALSE;
    }

  FOR_EACH_ELEMENT (ctx, node, child, error)
    {
      if (lo_xml_is (child, NS, "input"))
        {
          if (!read_input (ctx, process, what, child, error))
            return FALSE;
        }
      else if (lo_xml_is (child, NS, "readiness"))
        {
          if (!read_readiness (ctx, process, child, error))
            return FALSE;
        }
      else if (lo_xml_is (child, NS, "alternative"))
        {
          if (!read_alternative (ctx, process, child, error))
            return FALSE;
        }
      else if (lo_xml_is (child, NS, "actual"))
        {
          if (!read_actual (ctx, process, child, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  for (LoInputId i = 0; i < LO_N_INPUTS; i++)
    {
      if (lo_input_is_required (i) && !process->inputs[i].set)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("process %s: input %s is missing"), id, lo_input_name (i));
          return FALSE;
        }
    }

  g_ptr_array_add (engagement->processes, g_steal_pointer (&process));
  return TRUE;
}
