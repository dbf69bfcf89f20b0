/* lo-responses.c: answers exported from survey tools as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lo-responses.h"

/* The tools' own columns (compared as normalised): Microsoft Forms, Google
 * Forms, LimeSurvey's full headings and its codes. */
static const char * const metadata_columns[] = {
  "id", "start time", "completion time", "email", "last modified time",
  "timestamp", "email address", "score",
  "response id", "date submitted", "last page", "start language", "seed",
  "date started", "date last action", "ip address", "referrer url", "token",
  "submitdate", "lastpage", "startlanguage", "startdate", "datestamp", "ipaddr", "refurl",
  NULL
};

static const char * const dont_know_cells[] = { "don't know", "dont know", "dont-know", "dk", NULL };
static const char * const na_cells[] = { "n/a", "na", "not applicable", NULL };

/* Trimmed, runs of white space as one space, typographic apostrophes as
 * ASCII, case folded (transfer full). */
static char *
normalise (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      g_string_append_unichar (out, c);
    }
  return g_utf8_casefold (out->str, -1);
}

static gboolean
in_list (const char         *normalised,
         const char * const *list)
{
  return g_strv_contains (list, normalised);
}

/* CSV */

typedef struct
{
  GPtrArray *rows;    /* GPtrArray* of char* cells */
  GArray    *numbers; /* guint, each row's number in the file, counting empty rows */
  guint      n_records;
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->numbers, g_array_unref);
}

static char
guess_separator (const char *text)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
row_is_empty (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (*(const char *) g_ptr_array_index (row, i) != '\0')
      return FALSE;
  return TRUE;
}

static void
end_row (Table     *table,
         GPtrArray **row)
{
  table->n_records++;
  if (row_is_empty (*row))
    g_ptr_array_unref (*row);
  else
    {
      g_ptr_array_add (table->rows, *row);
      g_array_append_val (table->numbers, table->n_records);
    }
  *row = g_ptr_array_new_with_free_func (g_free);
}

/* RFC 4180, with LF or CRLF line ends and @sep; rows of only empty cells are dropped. */
static gboolean
parse_csv (const char *text,
           const char *display,
           Table      *table,
           GError    **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  char sep = guess_separator (text);
  gboolean quoted = FALSE;
  guint line = 1, quote_line = 0;

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = text;; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            break;
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            {
              if (*p == '\n')
                line++;
              g_string_append_c (cell, *p);
            }
          continue;
        }

      if (*p == '"' && cell->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
        }
      else if (*p == sep)
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        continue;
      else if (*p == '\n' || *p == '\r' || *p == '\0')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          end_row (table, &row);
          if (*p == '\0')
            break;
          line++;
        }
      else
        g_string_append_c (cell, *p);
    }
  g_ptr_array_unref (row);

  if (quoted)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                   _("%s: line %u: a quoted cell is not closed"), display, quote_line);
      return FALSE;
    }
  return TRUE;
}

/* Matching */

typedef struct
{
  GHashTable *questions;  /* normalised id or text → LoQuestion* */
  GHashTable *options;    /* "question-index\x1fnormalised text" → level */
  GPtrArray  *dont_know;  /* normalised translations of "Don’t know" */
  GPtrArray  *na;         /* of "Not applicable" */
} Texts;

static void
texts_clear (Texts *texts)
{
  g_clear_pointer (&texts->questions, g_hash_table_unref);
  g_clear_pointer (&texts->options, g_hash_table_unref);
  g_clear_pointer (&texts->dont_know, g_ptr_array_unref);
  g_clear_pointer (&texts->na, g_ptr_array_unref);
}

static void
add_texts (Texts        *texts,
           const LoBank *bank,
           gboolean      translate)
{
  for (guint i = 0; i < bank->questions->len; i++)
    {
      const LoQuestion *q = g_ptr_array_index (bank->questions, i);
      const char *text = translate ? lo_bank_text (bank, q->text) : q->text;

      g_hash_table_insert (texts->questions, normalise (text), (gpointer) q);
      for (int k = 0; k < LO_N_LEVELS; k++)
        {
          const char *option = translate ? lo_bank_text (bank, q->options[k]) : q->options[k];
          g_autofree char *n = normalise (option ? option : "");

          g_hash_table_insert (texts->options, g_strdup_printf ("%u\x1f%s", i, n),
                               GINT_TO_POINTER (k + 1));
        }
    }
  g_ptr_array_add (texts->dont_know, normalise (translate ? _("Don’t know") : "Don’t know"));
  g_ptr_array_add (texts->na, normalise (translate ? _("Not applicable") : "Not applicable"));
}

/* The bank's texts in English and in each of @languages (through gettext,
 * as the report translates them). */
static void
collect_texts (Texts              *texts,
               const LoBank       *bank,
               const char * const *languages)
{
  g_autofree char *old = g_strdup (g_getenv ("LANGUAGE"));

  texts->questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  texts->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  texts->dont_know = g_ptr_array_new_with_free_func (g_free);
  texts->na = g_ptr_array_new_with_free_func (g_free);

  add_texts (texts, bank, FALSE);
  /* the current language first, then each of @languages */
  add_texts (texts, bank, TRUE);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_setenv ("LANGUAGE", languages[i], TRUE);
      textdomain (textdomain (NULL));
      add_texts (texts, bank, TRUE);
    }
  if (languages != NULL && languages[0] != NULL)
    {
      if (old != NULL)
        g_setenv ("LANGUAGE", old, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      textdomain (textdomain (NULL));
    }
  /* the questions' ids last: an id wins over a text that reads the same */
  for (guint i = 0; i < bank->questions->len; i++)
    {
      const LoQuestion *q = g_ptr_array_index (bank->questions, i);
      g_hash_table_insert (texts->questions, normalise (q->id), (gpointer) q);
    }
}

static void
column_clear (LoResponsesColumn *column)
{
  g_free (column->header);
}

/* Classifies every header; exactly one name column. */
static gboolean
map_columns (LoResponses *responses,
             GPtrArray   *header,
             const Texts *texts,
             const char  *name_column,
             const char  *display,
             GError     **error)
{
  g_autofree char *wanted = name_column ? normalise (name_column) : NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GHashTable) used = g_hash_table_new (g_direct_hash, g_direct_equal);
  int name = -1;

  for (guint c = 0; c < header->len; c++)
    {
      const char *text = g_ptr_array_index (header, c);
      g_autofree char *n = normalise (text);
      LoResponsesColumn column = { g_strdup (text), LO_RESPONSES_COLUMN_METADATA, NULL };
      const LoQuestion *q = g_hash_table_lookup (texts->questions, n);

      if (wanted != NULL && g_str_equal (n, wanted))
        name = c;
      else if (q != NULL)
        {
          gpointer before = g_hash_table_lookup (used, q);

          if (before != NULL)
            {
              g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                           _("%s: row 1: columns %u and %u are both question %s"),
                           display, GPOINTER_TO_UINT (before), c + 1, q->id);
              column_clear (&column);
              return FALSE;
            }
          g_hash_table_insert (used, (gpointer) q, GUINT_TO_POINTER (c + 1));
          column.kind = LO_RESPONSES_COLUMN_QUESTION;
          column.question = q;
        }
      else if (!in_list (n, metadata_columns))
        g_ptr_array_add (candidates, GUINT_TO_POINTER (c));
      g_array_append_val (responses->columns, column);
    }

  if (wanted != NULL && name < 0)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s: row 1: there is no column “%s”"), display, name_column);
      return FALSE;
    }
  if (name < 0 && candidates->len == 1)
    name = GPOINTER_TO_INT (g_ptr_array_index (candidates, 0));
  else if (name < 0 && candidates->len == 0)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s: row 1: no column holds the respondents' names"), display);
      return FALSE;
    }
  else if (name < 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < candidates->len; i++)
        {
          guint c = GPOINTER_TO_UINT (g_ptr_array_index (candidates, i));

          g_string_append_printf (list, "%s%u “%s”", i > 0 ? ", " : "", c + 1,
                                  (const char *) g_ptr_array_index (header, c));
        }
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s: row 1: columns %s are neither questions of bank “%s” nor a survey tool's own columns; "
                     "name the one that holds the respondents' names with --name-column"),
                   display, list->str, responses->answers->bank);
      return FALSE;
    }
  else
    {
      /* every column left over is neither a question nor metadata */
      for (guint i = 0; i < candidates->len; i++)
        {
          guint c = GPOINTER_TO_UINT (g_ptr_array_index (candidates, i));

          if ((int) c == name)
            continue;
          g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                       _("%s: row 1, column %u: “%s” is neither a question of bank “%s”, nor the name column, nor a survey tool's own column"),
                       display, c + 1, (const char *) g_ptr_array_index (header, c),
                       responses->answers->bank);
          return FALSE;
        }
    }
  g_array_index (responses->columns, LoResponsesColumn, name).kind = LO_RESPONSES_COLUMN_NAME;
  return TRUE;
}

/* One cell of a question column: TRUE and *value, or *value unset (-2) for an empty cell. */
static gboolean
read_cell (const Texts       *texts,
           const LoQuestion  *q,
           const char        *cell,
           int               *value)
{
  g_autofree char *n = normalise (cell);
  g_autofree char *key = NULL;
  gpointer level;

  *value = -2;
  if (*n == '\0')
    return TRUE;
  if (strlen (n) == 1 && n[0] >= '1' && n[0] <= '5')
    {
      *value = n[0] - '0';
      return TRUE;
    }
  if (in_list (n, dont_know_cells) || g_ptr_array_find_with_equal_func (texts->dont_know, n, g_str_equal, NULL))
    {
      *value = LO_ANSWER_DONT_KNOW;
      return TRUE;
    }
  if (in_list (n, na_cells) || g_ptr_array_find_with_equal_func (texts->na, n, g_str_equal, NULL))
    {
      *value = LO_ANSWER_NA;
      return q->allow_na;
    }
  key = g_strdup_printf ("%u\x1f%s", q->index, n);
  level = g_hash_table_lookup (texts->options, key);
  if (level == NULL)
    return FALSE;
  *value = GPOINTER_TO_INT (level);
  return TRUE;
}

static gboolean
read_row (LoResponses *responses,
          GPtrArray   *row,
          guint        number,
          const Texts *texts,
          const char  *display,
          GHashTable  *ids,
          GError     **error)
{
  GArray *columns = responses->columns;
  const char *name = NULL;
  g_autofree char *id = NULL;
  LoRespondent *respondent;

  if (row->len != columns->len)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s: row %u has %u cells; the first row has %u"),
                   display, number, row->len, columns->len);
      return FALSE;
    }
  for (guint c = 0; c < columns->len; c++)
    if (g_array_index (columns, LoResponsesColumn, c).kind == LO_RESPONSES_COLUMN_NAME)
      {
        g_autofree char *n = g_strstrip (g_strdup (g_ptr_array_index (row, c)));

        if (*n == '\0' || g_utf8_strlen (n, -1) > 200)
          {
            g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                         _("%s: row %u, column %u (“%s”): the name is empty or longer than 200 characters"),
                         display, number, c + 1, g_array_index (columns, LoResponsesColumn, c).header);
            return FALSE;
          }
        name = g_ptr_array_index (row, c);
        g_strstrip ((char *) name);
      }

  id = lo_respondent_id_from_name (name);
  if (g_hash_table_contains (ids, id))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s: row %u: “%s” answers a second time (row %u)"),
                   display, number, name, GPOINTER_TO_UINT (g_hash_table_lookup (ids, id)));
      return FALSE;
    }
  g_hash_table_insert (ids, g_strdup (id), GUINT_TO_POINTER (number));
  respondent = lo_assessment_add_respondent (responses->answers, id, name, NULL);

  for (guint c = 0; c < columns->len; c++)
    {
      const LoResponsesColumn *column = &g_array_index (columns, LoResponsesColumn, c);
      const char *cell = g_ptr_array_index (row, c);
      int value;

      if (column->kind != LO_RESPONSES_COLUMN_QUESTION)
        continue;
      if (!read_cell (texts, column->question, cell, &value))
        {
          g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                       value == LO_ANSWER_NA
                       ? _("%s: row %u, column %u (%s): “%s”: this question does not allow “not applicable”")
                       : _("%s: row %u, column %u (%s): “%s” is not one of the question's options, a level 1 to 5, “Don’t know” or “N/A”"),
                       display, number, c + 1, column->question->id, cell);
          return FALSE;
        }
      if (value != -2)
        lo_respondent_set_answer (respondent, column->question->id, value);
    }
  return TRUE;
}

LoResponses *
lo_responses_read (GBytes             *bytes,
                   const char         *display_name,
                   const LoAssessment *into,
                   const LoBank       *bank,
                   const char         *name_column,
                   const char * const *languages,
                   GError            **error)
{
  g_autoptr(LoResponses) responses = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *display = display_name ? display_name : "CSV";
  const char *data;
  gsize size;
  Table table = { NULL };
  Texts texts = { NULL };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (into != NULL && bank != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_MALFORMED,
                   _("%s: not UTF-8 text (save the CSV as UTF-8)"), display);
      return NULL;
    }
  text = g_strndup (data, size);

  if (!parse_csv (text, display, &table, error))
    {
      table_clear (&table);
      return NULL;
    }
  if (table.rows->len == 0)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID, _("%s: the file is empty"), display);
      table_clear (&table);
      return NULL;
    }

  /* SPEC §2c: at most LO_MAX_RESPONDENTS respondents; refused before any row is read */
  if (table.rows->len - 1 > LO_MAX_RESPONDENTS)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("%s: %u rows of answers; an assessment has at most %d respondents"),
                   display, table.rows->len - 1, LO_MAX_RESPONDENTS);
      table_clear (&table);
      return NULL;
    }

  responses = g_new0 (LoResponses, 1);
  responses->columns = g_array_new (FALSE, TRUE, sizeof (LoResponsesColumn));
  g_array_set_clear_func (responses->columns, (GDestroyNotify) column_clear);
  responses->answers = lo_assessment_new (into->id, into->date, into->bank);
  responses->answers->bank_edition = into->bank_edition;

  collect_texts (&texts, bank, languages);
  ok = map_columns (responses, g_ptr_array_index (table.rows, 0), &texts, name_column, display, error);
  for (guint r = 1; ok && r < table.rows->len; r++)
    ok = read_row (responses, g_ptr_array_index (table.rows, r),
                   g_array_index (table.numbers, guint, r), &texts, display, ids, error);
  texts_clear (&texts);
  table_clear (&table);

  return ok ? g_steal_pointer (&responses) : NULL;
}

LoResponses *
lo_responses_read_file (const char         *path,
                        const LoAssessment *into,
                        const LoBank       *bank,
                        const char         *name_column,
                        const char * const *languages,
                        GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_READ, "%s: %s", display, local_error->message);
      return NULL;
    }
  if (length > LO_IO_MAX_FILE_SIZE)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE, _("%s: the file is too large"), display);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return lo_responses_read (bytes, display, into, bank, name_column, languages, error);
}

void
lo_responses_free (LoResponses *responses)
{
  if (responses == NULL)
    return;
  g_clear_pointer (&responses->columns, g_array_unref);
  g_clear_pointer (&responses->answers, lo_assessment_unref);
  g_free (responses);
}
