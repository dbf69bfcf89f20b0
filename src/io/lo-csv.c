/* lo-csv.c: the analysis as CSV files, one table per file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lo-csv.h"
#include "lo-io.h"
#include "lo-tables-private.h"

static const char *const table_names[LO_CSV_N_TABLES] = {
  [LO_CSV_SCORES] = "scores",
  [LO_CSV_ANSWERS] = "answers",
  [LO_CSV_ROI] = "roi",
  [LO_CSV_ACTIONS] = "actions",
  [LO_CSV_PROGRAMME] = "programme",
};

const char *
lo_csv_table_name (LoCsvTable table)
{
  g_return_val_if_fail (table < LO_CSV_N_TABLES, NULL);
  return table_names[table];
}

gboolean
lo_csv_table_from_name (const char *name,
                        LoCsvTable *table)
{
  for (guint i = 0; name != NULL && i < LO_CSV_N_TABLES; i++)
    if (g_str_equal (name, table_names[i]))
      {
        *table = (LoCsvTable) i;
        return TRUE;
      }
  return FALSE;
}

void
lo_csv_append_number (GString *out,
                      double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  /* %.17g always reads back; fewer digits are tried first. */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  /* "-0" reads back as 0 too; a script expects 0. */
  g_string_append (out, g_str_equal (buf, "-0") ? "0" : buf);
}

static void
append_text (GString    *out,
             const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

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

char *
lo_csv_table (LoCsvTable        id,
              const LoAnalysis *analysis,
              gsize            *length)
{
  g_autoptr (LoTable) table = NULL;
  GString *out;

  g_return_val_if_fail (id < LO_CSV_N_TABLES, NULL);
  g_return_val_if_fail (analysis != NULL, NULL);

  table = lo_table_new (id, analysis);
  out = g_string_new (NULL);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_text (out, table->columns[c].id);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < table->n_rows; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          const LoCell *cell = lo_table_cell (table, r, c);

          if (c > 0)
            g_string_append_c (out, ',');
          if (cell->kind == LO_CELL_NUMBER)
            lo_csv_append_number (out, cell->number);
          else if (cell->kind != LO_CELL_EMPTY)
            append_text (out, cell->text);
        }
      g_string_append (out, "\r\n");
    }
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
lo_csv_write_table (LoCsvTable        table,
                    const LoAnalysis *analysis,
                    const char       *path,
                    GError          **error)
{
  gsize length;
  g_autofree char *data = lo_csv_table (table, analysis, &length);

  return lo_io_write_atomic (path, data, length, error);
}

gboolean
lo_csv_write_dir (const LoAnalysis *analysis,
                  const char       *dir,
                  GError          **error)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* TRANSLATORS: %s is a folder, then the system's reason */
                   _("%s: cannot create the folder: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < LO_CSV_N_TABLES; i++)
    {
      g_autofree char *name = g_strconcat (table_names[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!lo_csv_write_table ((LoCsvTable) i, analysis, path, error))
        return FALSE;
    }
  return TRUE;
}
