/* lo-xlsx.c: the analysis as an Excel workbook, by libxlsxwriter
 *
 * libxlsxwriter writes to a path; the workbook is written into a private
 * temporary folder and then handed whole to lo_output_file_set_contents(),
 * so the target follows every rule of lo-output-file.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <xlsxwriter.h>

#include "lo-io.h"
#include "lo-xlsx.h"
#include "lo-tables-private.h"

typedef struct
{
  lxw_workbook *book;
  lxw_format   *header;
  lxw_format   *title;
  lxw_format   *formats[LO_COLUMN_DATE + 1];
} Book;

/* "$"#,##0 for a currency with a symbol, #,##0 "CHF" for one without. */
static char *
money_format (const char *currency)
{
  const char *symbol = lo_currency_symbol (currency);

  if (currency != NULL && g_str_equal (symbol, currency))
    return g_strdup_printf ("#,##0 \"%s\";-#,##0 \"%s\"", symbol, symbol);
  return g_strdup_printf ("\"%s\"#,##0;-\"%s\"#,##0", symbol, symbol);
}

static void
book_formats (Book       *b,
              const char *currency)
{
  g_autofree char *money = money_format (currency);
  static const char *const numbers[] = {
    [LO_COLUMN_TEXT] = NULL,
    [LO_COLUMN_INTEGER] = "0",
    [LO_COLUMN_NUMBER] = "#,##0.00",
    [LO_COLUMN_MONEY] = NULL,
    [LO_COLUMN_PERCENT] = "0.0\"%\"",
    [LO_COLUMN_FRACTION] = "0.0%",
    [LO_COLUMN_DATE] = "yyyy-mm-dd",
  };

  b->header = workbook_add_format (b->book);
  format_set_bold (b->header);
  format_set_bottom (b->header, LXW_BORDER_THIN);
  format_set_text_wrap (b->header);
  b->title = workbook_add_format (b->book);
  format_set_bold (b->title);
  format_set_font_size (b->title, 13);
  for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
    {
      b->formats[k] = workbook_add_format (b->book);
      if (k == LO_COLUMN_MONEY)
        format_set_num_format (b->formats[k], money);
      else if (numbers[k] != NULL)
        format_set_num_format (b->formats[k], numbers[k]);
      if (k == LO_COLUMN_TEXT)
        format_set_text_wrap (b->formats[k]);
    }
}

/* Writes @table from row @first on (its header there); returns the row after
 * it. @widths sets the columns' widths (only for the sheet's first table). */
static lxw_row_t
write_table (Book          *b,
             lxw_worksheet *sheet,
             const LoTable *table,
             lxw_row_t      first,
             gboolean       widths)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      const LoColumn *col = &table->columns[c];

      if (widths)
        worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, col->width,
                              b->formats[col->kind]);
      worksheet_write_string (sheet, first, (lxw_col_t) c, _(col->title), b->header);
    }
  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        const LoCell *cell = lo_table_cell (table, r, c);
        lxw_format *format = b->formats[table->columns[c].kind];
        lxw_row_t row = first + 1 + r;

        if (cell->kind == LO_CELL_NUMBER)
          worksheet_write_number (sheet, row, (lxw_col_t) c, cell->number, format);
        else if (cell->kind == LO_CELL_DATE)
          worksheet_write_number (sheet, row, (lxw_col_t) c, cell->number,
                                  b->formats[LO_COLUMN_DATE]);
        else if (cell->kind == LO_CELL_TEXT)
          worksheet_write_string (sheet, row, (lxw_col_t) c, cell->text, b->formats[LO_COLUMN_TEXT]);
        else
          /* formatted, so a date typed into Due date shows as a date */
          worksheet_write_blank (sheet, row, (lxw_col_t) c, format);
      }
  return first + 1 + table->n_rows;
}

static lxw_worksheet *
table_sheet (Book             *b,
             const char       *name,
             LoCsvTable        id,
             const LoAnalysis *analysis,
             LoTable         **out)
{
  lxw_worksheet *sheet = workbook_add_worksheet (b->book, name);
  LoTable *table = lo_table_new (id, analysis);

  write_table (b, sheet, table, 0, TRUE);
  worksheet_freeze_panes (sheet, 1, 0);
  if (table->n_rows > 0)
    worksheet_autofilter (sheet, 0, 0, table->n_rows, (lxw_col_t) (table->n_columns - 1));
  *out = table;
  return sheet;
}

/* Status: a drop-down of three values; Due date: a date. */
static void
action_plan_validation (lxw_worksheet *sheet,
                        const LoTable *table)
{
  /* Translated once: the list must hold the same strings every time. */
  char *statuses[] = { (char *) _("Not started"), (char *) _("In progress"), (char *) _("Done"), NULL };
  lxw_data_validation status = { 0 };
  lxw_data_validation due = { 0 };
  guint status_col = 0, due_col = 0;
  lxw_row_t last;

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (g_str_equal (table->columns[c].id, "status"))
        status_col = c;
      else if (g_str_equal (table->columns[c].id, "due"))
        due_col = c;
    }
  /* Room below the roadmap for actions the client adds. */
  last = (lxw_row_t) table->n_rows + 200;

  status.validate = LXW_VALIDATION_TYPE_LIST;
  status.value_list = statuses;
  status.ignore_blank = LXW_VALIDATION_ON;
  status.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  worksheet_data_validation_range (sheet, 1, (lxw_col_t) status_col, last, (lxw_col_t) status_col,
                                   &status);

  due.validate = LXW_VALIDATION_TYPE_DATE;
  due.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  due.minimum_datetime = (lxw_datetime) { 2000, 1, 1, 0, 0, 0 };
  due.maximum_datetime = (lxw_datetime) { 2199, 12, 31, 0, 0, 0 };
  due.ignore_blank = LXW_VALIDATION_ON;
  worksheet_data_validation_range (sheet, 1, (lxw_col_t) due_col, last, (lxw_col_t) due_col, &due);
}

static void
add_sheets (Book             *b,
            const LoAnalysis *analysis)
{
  g_autoptr (LoTable) scores = NULL;
  g_autoptr (LoTable) answers = NULL;
  g_autoptr (LoTable) roi = NULL;
  g_autoptr (LoTable) actions = NULL;
  g_autoptr (LoTable) programme = NULL;
  lxw_worksheet *sheet;
  lxw_row_t row;

  /* TRANSLATORS: a sheet of the Excel workbook (at most 31 characters) */
  table_sheet (b, _("Scores"), LO_CSV_SCORES, analysis, &scores);
  /* TRANSLATORS: a sheet of the Excel workbook (at most 31 characters) */
  table_sheet (b, _("Answers"), LO_CSV_ANSWERS, analysis, &answers);
  /* TRANSLATORS: a sheet of the Excel workbook (at most 31 characters) */
  sheet = table_sheet (b, _("ROI"), LO_CSV_ROI, analysis, &roi);
  programme = lo_table_new (LO_CSV_PROGRAMME, analysis);
  if (programme->n_rows > 0)
    {
      row = 1 + roi->n_rows + 2;
      worksheet_write_string (sheet, row, 0, _("Programme cash flow by month"), b->title);
      write_table (b, sheet, programme, row + 1, FALSE);
    }
  /* TRANSLATORS: a sheet of the Excel workbook (at most 31 characters) */
  sheet = table_sheet (b, _("Action plan"), LO_CSV_ACTIONS, analysis, &actions);
  action_plan_validation (sheet, actions);
}

static gboolean
write_workbook (const LoAnalysis *analysis,
                const char       *tmp_path,
                GError          **error)
{
  const LoEngagement *engagement = lo_analysis_get_engagement (analysis);
  g_autofree char *tmpdir = g_path_get_dirname (tmp_path);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = tmpdir,
                                   .use_zip64 = LXW_FALSE };
  lxw_doc_properties properties = { 0 };
  Book b = { 0 };
  lxw_error status;

  b.book = workbook_new_opt (tmp_path, &options);
  if (b.book == NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE, _("cannot create the workbook"));
      return FALSE;
    }
  /* No author: the workbook claims none the user did not give. */
  properties.title = engagement->client_name;
  workbook_set_properties (b.book, &properties);
  book_formats (&b, engagement->settings.currency);
  add_sheets (&b, analysis);
  status = workbook_close (b.book);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE,
                   /* TRANSLATORS: %s is libxlsxwriter's reason */
                   _("cannot write the workbook: %s"), lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
lo_xlsx_write_file (const LoAnalysis *analysis,
                    const char       *path,
                    GError          **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (analysis != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_dir_make_tmp ("lightsout-xlsx-XXXXXX", &local);
  if (dir == NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE, "%s: %s", path, local->message);
      return FALSE;
    }
  tmp_path = g_build_filename (dir, "workbook.xlsx", NULL);
  ok = write_workbook (analysis, tmp_path, &local)
       && g_file_get_contents (tmp_path, &data, &length, &local);
  g_unlink (tmp_path);
  g_rmdir (dir);
  if (!ok)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE, "%s: %s", path, local->message);
      return FALSE;
    }
  return lo_output_file_set_contents (path, data, length, error);
}
