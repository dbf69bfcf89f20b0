/* lo-input-row.c: one input of a process: its likely value and its range
 *
 * The row reads and shows numbers in the user's conventions (core's
 * formatter), checks them against SPEC §2c (core's table) and the likely
 * value against its range, and shows a problem — in the field's unit,
 * naming the field — under its title and on the entry it is about. A typed
 * value is read when it is whole (lo-edit-delay.h). The rest of what makes
 * a valid process is the editor's question (lo_process_validate).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lo-edit-delay.h"
#include "lo-input-row.h"
#include "lo-rows.h"

struct _LoInputRow
{
  AdwActionRow parent_instance;

  LoInputId     input;
  char         *unit;
  gboolean      updating;
  /* What the row shows, so that an unchanged state touches no widget. */
  char         *shown_problem;  /* NULL: valid */
  LoInputField  shown_bad;
  LoInputField  last_edited;

  /* template */
  GtkEntry *value_entry;
  GtkEntry *low_entry;
  GtkEntry *high_entry;
};

G_DEFINE_FINAL_TYPE (LoInputRow, lo_input_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_INPUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEntry *
entry (LoInputRow   *self,
       LoInputField  field)
{
  switch (field)
    {
    case LO_FIELD_LOW:
      return self->low_entry;
    case LO_FIELD_HIGH:
      return self->high_entry;
    case LO_FIELD_VALUE:
    default:
      return self->value_entry;
    }
}

static double
display_factor (LoInputId id)
{
  return lo_input_unit (id) == LO_UNIT_FRACTION ? 100.0 : 1.0;
}

/* Up to ten significant digits, no grouping, the user's decimal mark: what
 * lo_formatter_parse() reads back. */
static char *
format_plain (double value)
{
  return lo_formatter_plain (lo_formatter_lookup (NULL), value);
}

static void
show_state (LoInputRow   *self,
            const char   *problem,
            LoInputField  bad)
{
  if (g_strcmp0 (problem, self->shown_problem) == 0 && (problem == NULL || bad == self->shown_bad))
    return;
  for (LoInputField f = LO_FIELD_VALUE; f <= LO_FIELD_HIGH; f++)
    {
      gboolean was = self->shown_problem != NULL && f == self->shown_bad;
      gboolean is = problem != NULL && f == bad;

      if (was || is)
        lo_mark_invalid (GTK_WIDGET (entry (self, f)), NULL, is ? problem : NULL);
    }
  if (problem != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s — %s", self->unit ? self->unit : "", problem);

      gtk_widget_add_css_class (GTK_WIDGET (self), "invalid");
      lo_action_row_set_plain_subtitle (ADW_ACTION_ROW (self), text);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "invalid");
      lo_action_row_set_plain_subtitle (ADW_ACTION_ROW (self), self->unit ? self->unit : "");
    }
  g_free (self->shown_problem);
  self->shown_problem = g_strdup (problem);
  self->shown_bad = bad;
}

static void
entry_apply_cb (GtkEditable *editable,
                gpointer     data)
{
  LoInputRow *self = data;

  for (LoInputField f = LO_FIELD_VALUE; f <= LO_FIELD_HIGH; f++)
    if (GTK_EDITABLE (entry (self, f)) == editable)
      self->last_edited = f;
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
lo_input_row_constructed (GObject *object)
{
  LoInputRow *self = LO_INPUT_ROW (object);
  const char *label = lo_input_label (self->input);
  g_autofree char *escaped = g_markup_escape_text (label, -1);
  g_autofree char *a_low = NULL, *a_high = NULL;

  G_OBJECT_CLASS (lo_input_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped);
  gtk_widget_set_name (GTK_WIDGET (self), lo_input_name (self->input));
  gtk_entry_set_placeholder_text (self->value_entry, lo_input_is_required (self->input) ? _("value") : "0");
  /* Translators: accessible labels of an input's range, e.g. "Build cost, low" */
  a_low = g_strdup_printf (_("%s, low"), label);
  a_high = g_strdup_printf (_("%s, high"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->low_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a_low, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->high_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a_high, -1);
}

static void
lo_input_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LoInputRow *self = LO_INPUT_ROW (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_value_set_uint (value, self->input);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_input_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LoInputRow *self = LO_INPUT_ROW (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      self->input = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lo_input_row_dispose (GObject *object)
{
  LoInputRow *self = LO_INPUT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LO_TYPE_INPUT_ROW);
  G_OBJECT_CLASS (lo_input_row_parent_class)->dispose (object);
}

static void
lo_input_row_finalize (GObject *object)
{
  LoInputRow *self = LO_INPUT_ROW (object);

  g_free (self->unit);
  g_free (self->shown_problem);
  G_OBJECT_CLASS (lo_input_row_parent_class)->finalize (object);
}

static void
lo_input_row_class_init (LoInputRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lo_input_row_constructed;
  object_class->dispose = lo_input_row_dispose;
  object_class->finalize = lo_input_row_finalize;
  object_class->get_property = lo_input_row_get_property;
  object_class->set_property = lo_input_row_set_property;

  properties[PROP_INPUT] =
    g_param_spec_uint ("input", NULL, NULL, 0, LO_N_INPUTS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightsout/LightsOut/ui/lo-input-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LoInputRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, LoInputRow, low_entry);
  gtk_widget_class_bind_template_child (widget_class, LoInputRow, high_entry);
}

static void
lo_input_row_init (LoInputRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (LoInputField f = LO_FIELD_VALUE; f <= LO_FIELD_HIGH; f++)
    lo_edit_delay_attach (GTK_WIDGET (entry (self, f)), entry_apply_cb, self);
}

GtkWidget *
lo_input_row_new (LoInputId input)
{
  g_return_val_if_fail (input < LO_N_INPUTS, NULL);
  return g_object_new (LO_TYPE_INPUT_ROW, "input", (guint) input, NULL);
}

LoInputId
lo_input_row_get_input (LoInputRow *self)
{
  g_return_val_if_fail (LO_IS_INPUT_ROW (self), 0);
  return self->input;
}

GtkEditable *
lo_input_row_get_entry (LoInputRow   *self,
                        LoInputField  field)
{
  g_return_val_if_fail (LO_IS_INPUT_ROW (self), NULL);
  return GTK_EDITABLE (entry (self, field));
}

void
lo_input_row_set_unit (LoInputRow *self,
                       const char *unit)
{
  g_return_if_fail (LO_IS_INPUT_ROW (self));

  if (g_strcmp0 (self->unit, unit) == 0)
    return;
  g_free (self->unit);
  self->unit = g_strdup (unit);
  if (self->shown_problem == NULL)
    lo_action_row_set_plain_subtitle (ADW_ACTION_ROW (self), unit ? unit : "");
}

void
lo_input_row_show (LoInputRow    *self,
                   const LoInput *input)
{
  double factor = display_factor (self->input);
  g_autofree char *value = NULL, *low = NULL, *high = NULL;

  g_return_if_fail (LO_IS_INPUT_ROW (self));

  value = input->set ? format_plain (input->value * factor) : g_strdup ("");
  low = input->ranged ? format_plain (input->low * factor) : g_strdup ("");
  high = input->ranged ? format_plain (input->high * factor) : g_strdup ("");
  self->updating = TRUE;
  lo_edit_delay_set_text (GTK_WIDGET (self->value_entry), value);
  lo_edit_delay_set_text (GTK_WIDGET (self->low_entry), low);
  lo_edit_delay_set_text (GTK_WIDGET (self->high_entry), high);
  self->updating = FALSE;
  for (LoInputField f = LO_FIELD_VALUE; f <= LO_FIELD_HIGH; f++)
    lo_mark_invalid (GTK_WIDGET (entry (self, f)), NULL, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "invalid");
  lo_action_row_set_plain_subtitle (ADW_ACTION_ROW (self), self->unit ? self->unit : "");
  g_clear_pointer (&self->shown_problem, g_free);
}

/* The field's name in a message: "Automation rate", "Automation rate, high". */
static char *
field_name (LoInputRow   *self,
            LoInputField  field)
{
  const char *label = lo_input_label (self->input);

  switch (field)
    {
    case LO_FIELD_LOW:
      return g_strdup_printf (_("%s, low"), label);
    case LO_FIELD_HIGH:
      return g_strdup_printf (_("%s, high"), label);
    case LO_FIELD_VALUE:
    default:
      return g_strdup (label);
    }
}

/* A number in a unit: "150 %" (@factor 100), "600 weeks", "2000000 USD". */
static char *
number_in_unit (const char *number,
                double      factor,
                const char *unit)
{
  if (factor == 100.0)
    /* Translators: a percentage, "150 %" */
    return g_strdup_printf (_("%s %%"), number);
  if (unit != NULL && *unit != '\0')
    /* Translators: a number and its unit, "600 weeks", "2000000 USD" */
    return g_strdup_printf (C_("number and unit", "%s %s"), number, unit);
  return g_strdup (number);
}

char *
lo_limit_problem (LoLimitId   limit,
                  const char *name,
                  const char *typed,
                  double      shown,
                  double      factor,
                  const char *unit)
{
  const LoFormatter *f = lo_formatter_lookup (NULL);
  double min, max;
  gboolean min_exclusive, above;
  g_autofree char *value = NULL, *bound_number = NULL, *bound = NULL;

  lo_limit_range (limit, &min, &max, &min_exclusive);
  if (shown >= min * factor && shown <= max * factor && !(min_exclusive && shown <= min * factor)
      && (!lo_limit_is_integer (limit) || shown == floor (shown)))
    return NULL;
  above = !(shown <= max * factor);
  value = number_in_unit (typed, factor, unit);
  bound_number = lo_formatter_number (f, (above ? max : min) * factor, 0);
  bound = number_in_unit (bound_number, factor, unit);
  if (above)
    /* Translators: "Automation rate: 150 % is above the limit of 100 %" */
    return g_strdup_printf (_("%s: %s is above the limit of %s"), name, value, bound);
  if (shown < min * factor || (min_exclusive && shown <= min * factor))
    /* Translators: "Build weeks: −1 weeks is below the limit of 0 weeks" */
    return g_strdup_printf (_("%s: %s is below the limit of %s"), name, value, bound);
  /* Translators: "Horizon: 1.5 months is not a whole number" */
  return g_strdup_printf (_("%s: %s is not a whole number"), name, value);
}

static char *
check_limit (LoInputRow   *self,
             LoInputField  field,
             const char   *typed,
             double        shown)
{
  g_autofree char *name = field_name (self, field);

  return lo_limit_problem (lo_limit_for_input (self->input), name, typed, shown,
                           display_factor (self->input), self->unit);
}

/* The likely value within its range, in the field's unit. The entry marked
 * is the one of the two the user edited last. */
static char *
check_order (LoInputRow    *self,
             char         **texts,
             const double  *values,
             LoInputField  *bad)
{
  const char *label = lo_input_label (self->input);
  g_autofree char *low = number_in_unit (texts[LO_FIELD_LOW], display_factor (self->input), self->unit);
  g_autofree char *value = number_in_unit (texts[LO_FIELD_VALUE], display_factor (self->input), self->unit);
  g_autofree char *high = number_in_unit (texts[LO_FIELD_HIGH], display_factor (self->input), self->unit);

  if (values[LO_FIELD_LOW] > values[LO_FIELD_VALUE])
    {
      *bad = self->last_edited == LO_FIELD_VALUE ? LO_FIELD_VALUE : LO_FIELD_LOW;
      /* Translators: "Volume: low 1300 items is above the likely value 1200 items" */
      return g_strdup_printf (_("%s: low %s is above the likely value %s; change one of them"),
                              label, low, value);
    }
  if (values[LO_FIELD_VALUE] > values[LO_FIELD_HIGH])
    {
      *bad = self->last_edited == LO_FIELD_HIGH ? LO_FIELD_HIGH : LO_FIELD_VALUE;
      /* Translators: "Volume: the likely value 1200 items is above high 1100 items" */
      return g_strdup_printf (_("%s: the likely value %s is above high %s; change one of them"),
                              label, value, high);
    }
  return NULL;
}

gboolean
lo_input_row_read (LoInputRow    *self,
                   LoInput       *input,
                   LoInputField  *bad,
                   char         **problem)
{
  const LoFormatter *f = lo_formatter_lookup (NULL);
  double factor = display_factor (self->input);
  double values[3] = { 0, 0, 0 };
  g_auto(GStrv) texts = g_new0 (char *, 4);
  gboolean given[3];

  g_return_val_if_fail (LO_IS_INPUT_ROW (self), FALSE);

  *bad = LO_FIELD_VALUE;
  *problem = NULL;
  for (LoInputField i = LO_FIELD_VALUE; i <= LO_FIELD_HIGH; i++)
    {
      texts[i] = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry (self, i)))));
      given[i] = *texts[i] != '\0';
      if (given[i] && !lo_formatter_parse (f, texts[i], &values[i]))
        {
          g_autofree char *name = field_name (self, i);

          /* Translators: "Build weeks: “5,5,” is not a number" */
          *problem = g_strdup_printf (_("%s: “%s” is not a number"), name, texts[i]);
          *bad = i;
          return FALSE;
        }
    }
  for (LoInputField i = LO_FIELD_VALUE; i <= LO_FIELD_HIGH && *problem == NULL; i++)
    if (given[i] && (*problem = check_limit (self, i, texts[i], values[i])) != NULL)
      *bad = i;
  if (*problem != NULL)
    return FALSE;

  if (!given[LO_FIELD_VALUE] && lo_input_is_required (self->input))
    *problem = g_strdup (_("required: enter the likely value"));
  else if (!given[LO_FIELD_VALUE] && (given[LO_FIELD_LOW] || given[LO_FIELD_HIGH]))
    *problem = g_strdup (_("a range needs the likely value too"));
  else if (given[LO_FIELD_LOW] != given[LO_FIELD_HIGH])
    {
      *problem = g_strdup (_("enter both low and high, or neither"));
      *bad = given[LO_FIELD_LOW] ? LO_FIELD_HIGH : LO_FIELD_LOW;
    }
  else if (given[LO_FIELD_LOW])
    *problem = check_order (self, texts, values, bad);
  if (*problem != NULL)
    return FALSE;

  input->set = given[LO_FIELD_VALUE];
  input->value = given[LO_FIELD_VALUE] ? values[LO_FIELD_VALUE] / factor : 0;
  input->ranged = given[LO_FIELD_LOW] && given[LO_FIELD_HIGH];
  input->low = input->ranged ? values[LO_FIELD_LOW] / factor : 0;
  input->high = input->ranged ? values[LO_FIELD_HIGH] / factor : 0;
  return TRUE;
}

void
lo_input_row_set_problem (LoInputRow   *self,
                          char         *problem,
                          LoInputField  bad)
{
  g_autofree char *owned = problem;

  g_return_if_fail (LO_IS_INPUT_ROW (self));
  show_state (self, owned, owned != NULL ? bad : LO_FIELD_VALUE);
}

const char *
lo_input_row_get_problem (LoInputRow *self)
{
  g_return_val_if_fail (LO_IS_INPUT_ROW (self), NULL);
  return self->shown_problem;
}

gboolean
lo_input_row_flush (LoInputRow *self)
{
  gboolean any = FALSE;

  g_return_val_if_fail (LO_IS_INPUT_ROW (self), FALSE);
  for (LoInputField f = LO_FIELD_VALUE; f <= LO_FIELD_HIGH; f++)
    any |= lo_edit_delay_is_pending (GTK_WIDGET (entry (self, f)));
  /* One apply reads all three entries. */
  for (LoInputField f = LO_FIELD_VALUE; f <= LO_FIELD_HIGH; f++)
    if (lo_edit_delay_flush (GTK_WIDGET (entry (self, f))))
      break;
  for (LoInputField f = LO_FIELD_VALUE; f <= LO_FIELD_HIGH; f++)
    lo_edit_delay_set_text (GTK_WIDGET (entry (self, f)), gtk_editable_get_text (GTK_EDITABLE (entry (self, f))));
  return any;
}
